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
-- Each engagement_people row holds the party and category its person had
-- on the engagement's date (party_then, category_then): the term in force
-- then (person_term_on() in lib/directory.c has the same rule), else the
-- person's current ones.  Triggers keep them exact when the engagement's
-- date, the person's terms, party or category, or the link change, so
-- the list filters read a column instead of searching terms per row.
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
--   a person's party or category, or their dated terms: the days of the
--     engagements whose party_then or category_then they change;
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

ALTER TABLE engagement_people
    ADD COLUMN party_then VARCHAR(100) NOT NULL DEFAULT '',
    ADD COLUMN category_then VARCHAR(40) CHARACTER SET ascii NOT NULL
	DEFAULT '';

-- The term in force on day d: started by then, not ended (ended_on is
-- the first day no longer held), the latest started if periods overlap.
CREATE FUNCTION report_term_on(pid BIGINT UNSIGNED, d DATE)
RETURNS BIGINT UNSIGNED READS SQL DATA
RETURN (SELECT t.id FROM person_terms t WHERE t.person_id = pid
    AND t.started_on <= d AND (t.ended_on IS NULL OR t.ended_on > d)
    ORDER BY t.started_on DESC, t.id DESC LIMIT 1);

-- (The term's id goes through a variable: a function call in a WHERE
-- clause would be called again for every row the query looks at.)
CREATE FUNCTION report_party_on(pid BIGINT UNSIGNED, d DATE)
RETURNS VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci
READS SQL DATA
BEGIN
	DECLARE tid BIGINT UNSIGNED DEFAULT report_term_on(pid, d);

	RETURN COALESCE((SELECT party FROM person_terms WHERE id = tid),
	    (SELECT party FROM people WHERE id = pid), '');
END;

CREATE FUNCTION report_category_on(pid BIGINT UNSIGNED, d DATE)
RETURNS VARCHAR(40) CHARACTER SET ascii READS SQL DATA
BEGIN
	DECLARE tid BIGINT UNSIGNED DEFAULT report_term_on(pid, d);

	RETURN COALESCE((SELECT category FROM person_terms WHERE id = tid),
	    (SELECT category FROM people WHERE id = pid), '');
END;

UPDATE engagement_people x JOIN engagements e ON e.id = x.engagement_id
SET x.party_then = report_party_on(x.person_id, e.occurred_on),
    x.category_then = report_category_on(x.person_id, e.occurred_on);

-- Recompute party_then and category_then of a person's links; the
-- engagement_people triggers mark the days where they changed.
CREATE PROCEDURE report_person_changed(pid BIGINT UNSIGNED)
BEGIN
	UPDATE engagement_people x JOIN engagements e ON e.id = x.engagement_id
	SET x.party_then = report_party_on(x.person_id, e.occurred_on),
	    x.category_then = report_category_on(x.person_id, e.occurred_on)
	WHERE x.person_id = pid;
END;

CREATE PROCEDURE report_mark_day(d DATE)
BEGIN
	IF @report_marks_off IS NULL AND d IS NOT NULL THEN
		INSERT INTO report_dirty_days (day, gen) VALUES (d, UUID_SHORT())
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
	IF NOT (OLD.occurred_on <=> NEW.occurred_on) THEN
		UPDATE engagement_people
		SET party_then = report_party_on(person_id, NEW.occurred_on),
		    category_then = report_category_on(person_id, NEW.occurred_on)
		WHERE engagement_id = NEW.id;
	END IF;
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
	DECLARE d DATE DEFAULT (SELECT occurred_on FROM engagements
	    WHERE id = NEW.engagement_id);

	SET NEW.party_then = report_party_on(NEW.person_id, d),
	    NEW.category_then = report_category_on(NEW.person_id, d);
	CALL report_mark_first(NEW.person_id);
	CALL report_mark_engagement(NEW.engagement_id);
END;

CREATE TRIGGER report_person_link_delete AFTER DELETE ON engagement_people
FOR EACH ROW
BEGIN
	CALL report_mark_first(OLD.person_id);
	CALL report_mark_engagement(OLD.engagement_id);
END;

-- Merges move links from one person to another; the triggers above
-- recompute party_then and category_then themselves.
CREATE TRIGGER report_person_link_before_update BEFORE UPDATE
ON engagement_people FOR EACH ROW
BEGIN
	DECLARE d DATE;

	IF NOT (OLD.person_id <=> NEW.person_id
	    AND OLD.engagement_id <=> NEW.engagement_id) THEN
		SET d = (SELECT occurred_on FROM engagements
		    WHERE id = NEW.engagement_id);
		SET NEW.party_then = report_party_on(NEW.person_id, d),
		    NEW.category_then = report_category_on(NEW.person_id, d);
		CALL report_mark_first(NEW.person_id);
	END IF;
END;

CREATE TRIGGER report_person_link_after_update AFTER UPDATE
ON engagement_people FOR EACH ROW
BEGIN
	IF NOT (OLD.person_id <=> NEW.person_id
	    AND OLD.engagement_id <=> NEW.engagement_id) THEN
		CALL report_mark_first(OLD.person_id);
	END IF;
	IF NOT (OLD.person_id <=> NEW.person_id
	    AND OLD.engagement_id <=> NEW.engagement_id
	    AND OLD.party_then <=> NEW.party_then
	    AND OLD.category_then <=> NEW.category_then) THEN
		CALL report_mark_engagement(OLD.engagement_id);
		CALL report_mark_engagement(NEW.engagement_id);
	END IF;
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
		CALL report_person_changed(NEW.id);
	END IF;
END;

CREATE TRIGGER report_term_insert AFTER INSERT ON person_terms
FOR EACH ROW CALL report_person_changed(NEW.person_id);

CREATE TRIGGER report_term_delete AFTER DELETE ON person_terms
FOR EACH ROW CALL report_person_changed(OLD.person_id);

CREATE TRIGGER report_term_update AFTER UPDATE ON person_terms
FOR EACH ROW
BEGIN
	IF NOT (OLD.person_id <=> NEW.person_id AND OLD.party <=> NEW.party
	    AND OLD.category <=> NEW.category
	    AND OLD.started_on <=> NEW.started_on
	    AND OLD.ended_on <=> NEW.ended_on) THEN
		CALL report_person_changed(OLD.person_id);
		IF NOT (OLD.person_id <=> NEW.person_id) THEN
			CALL report_person_changed(NEW.person_id);
		END IF;
	END IF;
END;

-- A code change cascades to people and engagements without triggers.
CREATE TRIGGER report_category_update AFTER UPDATE ON person_categories
FOR EACH ROW
BEGIN
	IF NOT (OLD.code <=> NEW.code) THEN
		UPDATE engagement_people SET category_then = NEW.code
		WHERE category_then = OLD.code;
	END IF;
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
