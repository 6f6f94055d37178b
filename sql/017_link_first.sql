-- A new link between a person and an engagement no longer reads all of
-- the person's engagements twice.
--
-- Linking someone to an engagement asked two questions of their whole
-- history: the report's trigger marked the day of their first live
-- engagement (report_mark_first, a MIN over every link of theirs), and
-- the KPI trigger worked out their first engagement again
-- (kpi_refresh_first, the same scan, ordered).  For an MP met a few
-- thousand times that was about 3 ms a person a save, and the report's
-- scan, being part of an INSERT, locked each of their links, so two
-- saves naming the same person waited for each other (make bench: 89
-- saves a second with two people each, against 789 with none).
--
-- person_first already holds everyone's first live engagement, kept
-- exact by the KPI triggers (sql/007) whenever they run, that is while
-- @tracker_kpi_bulk is unset.  Then:
--   * before the link is inserted, person_first still names the old
--     first engagement, whose day is the MIN the report wanted;
--   * the new link moves the first engagement only if its engagement is
--     live and comes before the old first (by day, time, id, the order
--     kpi_refresh_first uses), or if there was none.  Otherwise nothing
--     about who is new changes, and the scan is skipped.
-- With no person_first row (no live engagement yet) the report's trigger
-- still scans: another save may have inserted this person's first link
-- and not yet their person_first row, and the scan's locking read waits
-- for that link where a read of the missing row would not; such a person
-- has few links.  In bulk mode person_first is not kept, so the report's
-- trigger scans, and the KPI trigger does nothing, as before.

-- The person's first live engagement as person_first holds it, or NULL.
CREATE FUNCTION person_first_day(pid BIGINT UNSIGNED) RETURNS DATE
	READS SQL DATA
	RETURN (SELECT e.occurred_on FROM person_first pf
	    JOIN engagements e ON e.id = pf.engagement_id
	    WHERE pf.person_id = pid);

-- After a link of person pid to engagement eid was added.
CREATE PROCEDURE kpi_first_after_link(pid BIGINT UNSIGNED,
    eid BIGINT UNSIGNED)
	MODIFIES SQL DATA
BEGIN
	IF NOT EXISTS (SELECT 1 FROM person_first pf
	    JOIN engagements f ON f.id = pf.engagement_id
	    JOIN engagements n ON n.id = eid
	    WHERE pf.person_id = pid AND (n.deleted_at IS NOT NULL
		OR (f.occurred_on, IFNULL(f.occurred_time, TIME '00:00:00'), f.id)
		< (n.occurred_on, IFNULL(n.occurred_time, TIME '00:00:00'), n.id)))
	THEN
		CALL kpi_refresh_first(pid);
	END IF;
END;

DROP TRIGGER engagement_people_kpi_insert;

CREATE TRIGGER engagement_people_kpi_insert AFTER INSERT ON engagement_people
FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		CALL kpi_first_after_link(NEW.person_id, NEW.engagement_id);
		CALL kpi_refresh_engagement(NEW.engagement_id);
	END IF;
END;

DROP TRIGGER report_person_link_insert;

CREATE TRIGGER report_person_link_insert BEFORE INSERT ON engagement_people
FOR EACH ROW
BEGIN
	DECLARE d DATE DEFAULT (SELECT occurred_on FROM engagements
	    WHERE id = NEW.engagement_id);
	DECLARE first_day DATE;

	SET NEW.party_then = report_party_on(NEW.person_id, d),
	    NEW.category_then = report_category_on(NEW.person_id, d);
	IF @tracker_kpi_bulk IS NULL THEN
		SET first_day = person_first_day(NEW.person_id);
	END IF;
	IF first_day IS NULL THEN
		CALL report_mark_first(NEW.person_id);
	ELSE
		CALL report_mark_day(first_day);
	END IF;
	CALL report_mark_engagement(NEW.engagement_id);
END;
