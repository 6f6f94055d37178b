-- The policy engagement report's day summaries (lib/report.c).
--
-- A report over a year at a million engagements cannot count from the
-- engagements at every request, so it sums report_day_counts: for each
-- day, how many live engagements there were in all, by type, medium,
-- organisation kind, category and party of a person on the date, policy
-- area, and with a decision maker new to us or met before.  The counting
-- rules are the /engagements list filters' own (lib/eng_sql.h), so a
-- number and the list it links to agree.
--
-- The summaries stay exact because every change that can move a count
-- marks the days it touches in report_dirty_days, from triggers, in the
-- transaction of the change (whoever makes it: the web forms, the
-- importers, merges, tracker-admin, plain SQL).  A report first
-- recomputes the marked days of its period (report_refresh in
-- lib/report.c), then sums.  gen changes at every mark, so a refresh only
-- clears the marks it saw: a change made while it ran stays marked.
--
-- What marks what:
--   an engagement added, edited (date, time, type, medium, outlet) or
--     deleted or restored: its old and new day;
--   its people, organisations or policy areas changed: its day;
--   whether a person was new to us moves only between their first
--     engagement and the next, so a change of a person's engagements
--     marks the day of their first live engagement before and after;
--   a person's party or category, or their dated terms (party at the
--     time): every day they have an engagement on;
--   an organisation's kind: the days of its engagements;
--   a category's decision-maker flag, or a category or type code: every
--     day (rare admin changes; the next report recomputes its period).
--
-- A bulk loader (bench/engagements-gen) may SET @report_marks_off = 1 on
-- its own connection to skip the marks while it inserts, and then must
-- CALL report_mark_all() itself.

CREATE TABLE report_day_counts (
	day		DATE NOT NULL,
	dimension	VARCHAR(20) CHARACTER SET ascii NOT NULL,
	item		VARCHAR(100) NOT NULL,	-- type code, party, area id...
	n		INT UNSIGNED NOT NULL,
	PRIMARY KEY (day, dimension, item)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_dirty_days (
	day		DATE NOT NULL PRIMARY KEY,
	gen		BIGINT UNSIGNED NOT NULL	-- UUID_SHORT() of the last mark
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The marks a refresh in progress took, per connection, so it clears
-- exactly those.
CREATE TABLE report_refresh_claims (
	conn		BIGINT UNSIGNED NOT NULL,
	day		DATE NOT NULL,
	gen		BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (conn, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The /engagements list counts a period's live engagements: this index
-- answers that (and the type and medium filters) without the rows.
ALTER TABLE engagements ADD KEY engagements_live (occurred_on, deleted_at,
    type, media_medium);

-- A person's terms in date order, for the party and category on a date.
ALTER TABLE person_terms ADD KEY person_terms_on (person_id, started_on,
    ended_on, id);

CREATE PROCEDURE report_mark_day(d DATE)
BEGIN
	IF @report_marks_off IS NULL AND d IS NOT NULL THEN
		INSERT INTO report_dirty_days (day, gen) VALUES (d, UUID_SHORT())
		ON DUPLICATE KEY UPDATE gen = VALUES(gen);
	END IF;
END;

-- Every day a person has an engagement on, deleted ones included.
CREATE PROCEDURE report_mark_person(pid BIGINT UNSIGNED)
BEGIN
	IF @report_marks_off IS NULL AND pid IS NOT NULL THEN
		INSERT INTO report_dirty_days (day, gen)
		SELECT e.occurred_on, UUID_SHORT() FROM engagement_people ep
		JOIN engagements e ON e.id = ep.engagement_id
		WHERE ep.person_id = pid
		ON DUPLICATE KEY UPDATE gen = VALUES(gen);
	END IF;
END;

-- The day of a person's first live engagement (their "new" one).
CREATE PROCEDURE report_mark_first(pid BIGINT UNSIGNED)
BEGIN
	IF @report_marks_off IS NULL AND pid IS NOT NULL THEN
		CALL report_mark_day((SELECT MIN(e.occurred_on)
		    FROM engagement_people ep
		    JOIN engagements e ON e.id = ep.engagement_id
		    WHERE ep.person_id = pid AND e.deleted_at IS NULL));
	END IF;
END;

-- The first live engagement's day of everyone on engagement eid, not
-- counting engagement skip_id (the one about to be removed, or 0).
CREATE PROCEDURE report_mark_firsts(eid BIGINT UNSIGNED,
    skip_id BIGINT UNSIGNED)
BEGIN
	IF @report_marks_off IS NULL THEN
		INSERT INTO report_dirty_days (day, gen)
		SELECT f.day, UUID_SHORT() FROM (
			SELECT (SELECT MIN(e2.occurred_on)
			    FROM engagement_people ep2
			    JOIN engagements e2 ON e2.id = ep2.engagement_id
			    WHERE ep2.person_id = ep.person_id
			    AND e2.deleted_at IS NULL AND e2.id <> skip_id) AS day
			FROM engagement_people ep WHERE ep.engagement_id = eid
		) f WHERE f.day IS NOT NULL
		ON DUPLICATE KEY UPDATE gen = VALUES(gen);
	END IF;
END;

CREATE PROCEDURE report_mark_engagement(eid BIGINT UNSIGNED)
BEGIN
	IF @report_marks_off IS NULL AND eid IS NOT NULL THEN
		CALL report_mark_day((SELECT occurred_on FROM engagements
		    WHERE id = eid));
	END IF;
END;

-- Every day that has an engagement or a summary.
CREATE PROCEDURE report_mark_all()
BEGIN
	INSERT INTO report_dirty_days (day, gen)
	SELECT d.day, UUID_SHORT() FROM (
		SELECT DISTINCT occurred_on AS day FROM engagements
		UNION SELECT DISTINCT day FROM report_day_counts
	) d
	ON DUPLICATE KEY UPDATE gen = VALUES(gen);
END;

CREATE TRIGGER report_engagement_insert AFTER INSERT ON engagements
FOR EACH ROW CALL report_mark_day(NEW.occurred_on);

-- Before and after a change of date, time or deletion, the first
-- engagement of each person on it may move.
CREATE TRIGGER report_engagement_before_update BEFORE UPDATE ON engagements
FOR EACH ROW
BEGIN
	IF NOT (OLD.occurred_on <=> NEW.occurred_on
	    AND OLD.occurred_time <=> NEW.occurred_time
	    AND OLD.deleted_at IS NULL <=> NEW.deleted_at IS NULL) THEN
		CALL report_mark_firsts(OLD.id, 0);
	END IF;
END;

CREATE TRIGGER report_engagement_after_update AFTER UPDATE ON engagements
FOR EACH ROW
BEGIN
	IF NOT (OLD.occurred_on <=> NEW.occurred_on
	    AND OLD.occurred_time <=> NEW.occurred_time
	    AND OLD.deleted_at IS NULL <=> NEW.deleted_at IS NULL) THEN
		CALL report_mark_firsts(NEW.id, 0);
	END IF;
	IF NOT (OLD.occurred_on <=> NEW.occurred_on
	    AND OLD.occurred_time <=> NEW.occurred_time
	    AND OLD.deleted_at IS NULL <=> NEW.deleted_at IS NULL
	    AND OLD.type <=> NEW.type AND OLD.media_medium <=> NEW.media_medium
	    AND OLD.media_outlet_id <=> NEW.media_outlet_id) THEN
		CALL report_mark_day(OLD.occurred_on);
		CALL report_mark_day(NEW.occurred_on);
	END IF;
END;

-- A removed engagement's links go by ON DELETE CASCADE, which fires no
-- trigger: mark its day and where its people's first engagement moves.
CREATE TRIGGER report_engagement_delete BEFORE DELETE ON engagements
FOR EACH ROW
BEGIN
	CALL report_mark_day(OLD.occurred_on);
	CALL report_mark_firsts(OLD.id, OLD.id);
END;

CREATE TRIGGER report_person_link_insert BEFORE INSERT ON engagement_people
FOR EACH ROW
BEGIN
	CALL report_mark_first(NEW.person_id);
	CALL report_mark_engagement(NEW.engagement_id);
END;

CREATE TRIGGER report_person_link_delete AFTER DELETE ON engagement_people
FOR EACH ROW
BEGIN
	CALL report_mark_first(OLD.person_id);
	CALL report_mark_engagement(OLD.engagement_id);
END;

-- Merges move links from one person to another.
CREATE TRIGGER report_person_link_before_update BEFORE UPDATE
ON engagement_people FOR EACH ROW CALL report_mark_first(NEW.person_id);

CREATE TRIGGER report_person_link_after_update AFTER UPDATE
ON engagement_people FOR EACH ROW
BEGIN
	CALL report_mark_first(OLD.person_id);
	CALL report_mark_engagement(OLD.engagement_id);
	CALL report_mark_engagement(NEW.engagement_id);
END;

CREATE TRIGGER report_area_link_insert AFTER INSERT
ON engagement_policy_areas FOR EACH ROW
CALL report_mark_engagement(NEW.engagement_id);

CREATE TRIGGER report_area_link_delete AFTER DELETE
ON engagement_policy_areas FOR EACH ROW
CALL report_mark_engagement(OLD.engagement_id);

CREATE TRIGGER report_area_link_update AFTER UPDATE
ON engagement_policy_areas FOR EACH ROW
BEGIN
	CALL report_mark_engagement(OLD.engagement_id);
	CALL report_mark_engagement(NEW.engagement_id);
END;

CREATE TRIGGER report_org_link_insert AFTER INSERT
ON engagement_organisations FOR EACH ROW
CALL report_mark_engagement(NEW.engagement_id);

CREATE TRIGGER report_org_link_delete AFTER DELETE
ON engagement_organisations FOR EACH ROW
CALL report_mark_engagement(OLD.engagement_id);

CREATE TRIGGER report_org_link_update AFTER UPDATE
ON engagement_organisations FOR EACH ROW
BEGIN
	CALL report_mark_engagement(OLD.engagement_id);
	CALL report_mark_engagement(NEW.engagement_id);
END;

CREATE TRIGGER report_organisation_update AFTER UPDATE ON organisations
FOR EACH ROW
BEGIN
	IF @report_marks_off IS NULL AND NOT (OLD.kind <=> NEW.kind) THEN
		INSERT INTO report_dirty_days (day, gen)
		SELECT e.occurred_on, UUID_SHORT() FROM engagement_organisations x
		JOIN engagements e ON e.id = x.engagement_id
		WHERE x.organisation_id = NEW.id
		ON DUPLICATE KEY UPDATE gen = VALUES(gen);
		INSERT INTO report_dirty_days (day, gen)
		SELECT e.occurred_on, UUID_SHORT() FROM engagements e
		WHERE e.media_outlet_id = NEW.id
		ON DUPLICATE KEY UPDATE gen = VALUES(gen);
	END IF;
END;

-- Where no term covers a date, the current party and category count.
CREATE TRIGGER report_person_update AFTER UPDATE ON people
FOR EACH ROW
BEGIN
	IF NOT (OLD.party <=> NEW.party AND OLD.category <=> NEW.category) THEN
		CALL report_mark_person(NEW.id);
	END IF;
END;

CREATE TRIGGER report_term_insert AFTER INSERT ON person_terms
FOR EACH ROW CALL report_mark_person(NEW.person_id);

CREATE TRIGGER report_term_delete AFTER DELETE ON person_terms
FOR EACH ROW CALL report_mark_person(OLD.person_id);

CREATE TRIGGER report_term_update AFTER UPDATE ON person_terms
FOR EACH ROW
BEGIN
	IF NOT (OLD.person_id <=> NEW.person_id AND OLD.party <=> NEW.party
	    AND OLD.category <=> NEW.category
	    AND OLD.started_on <=> NEW.started_on
	    AND OLD.ended_on <=> NEW.ended_on) THEN
		CALL report_mark_person(OLD.person_id);
		IF NOT (OLD.person_id <=> NEW.person_id) THEN
			CALL report_mark_person(NEW.person_id);
		END IF;
	END IF;
END;

-- A code change cascades to people and engagements without triggers.
CREATE TRIGGER report_category_update AFTER UPDATE ON person_categories
FOR EACH ROW
BEGIN
	IF @report_marks_off IS NULL AND NOT (OLD.code <=> NEW.code
	    AND OLD.decision_maker <=> NEW.decision_maker) THEN
		CALL report_mark_all();
	END IF;
END;

CREATE TRIGGER report_type_update AFTER UPDATE ON engagement_types
FOR EACH ROW
BEGIN
	IF @report_marks_off IS NULL AND NOT (OLD.code <=> NEW.code) THEN
		CALL report_mark_all();
	END IF;
END;

-- The engagements already recorded: their days are summarised by the
-- first report that covers them.
CALL report_mark_all();
