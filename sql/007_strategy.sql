-- The strategy as data, the KPI counting rules, manual monthly values,
-- the decision log and frozen dashboard snapshots (issue 6).
--
-- A strategy has aims; an aim has objectives; an objective has yearly
-- SMART goals and KPIs; a KPI has a target per strategy year and is either
-- counted from engagements by its rule (the kpi_rule_* tables and the
-- measure, newness and decision_makers columns) or entered by hand each
-- month (kpi_values).  Strategy years start in year_start_month of
-- first_year; "year" columns hold the calendar year a strategy year
-- starts in (2024 for 2024-25).
--
-- The default data at the end is HIAS+JCORE's published strategy
-- 2024-2027.  It lives here, not in C, and is loaded once with the schema
-- (a migration runs once per database), so an organisation that edits or
-- replaces it on the admin pages never gets it back; a fresh install
-- shows a working dashboard at once.
--
-- COUNTING.  kpi_hits holds, for every counted KPI, the engagements its
-- rule matches and what each contributes (the engagement itself, or the
-- people or organisations counted).  The dashboard counts it and the
-- engagement list filters by it, so a number and the list it links to
-- agree by construction.  The rule itself is written once, in the views
-- kpi_person_hits, kpi_org_hits, kpi_matches and kpi_hit_rows below.
--
-- kpi_hits and person_first (each person's first live engagement, ordered
-- by date, time and id exactly as IS_NEW in lib/engagements.c) are kept
-- exact by the triggers at the end, inside the transaction of whatever
-- wrote engagements, their links, people's categories or organisations'
-- kinds: the forms, imports, merges and plain SQL alike.  Rule changes
-- call kpi_rebuild_kpi() in their own transaction (lib/strategy.c).
--
-- Bulk loads (bench/) may SET @tracker_kpi_bulk = 1 to skip the triggers
-- and must then CALL kpi_rebuild() (tracker-admin kpi-rebuild) before
-- anyone reads the figures.  So must anything that hard-deletes
-- engagements' links by cascade (the product only soft-deletes): cascades
-- fire no triggers.
--
-- Creating triggers and procedures with binary logging on needs
-- log_bin_trust_function_creators = 1 (or an account with SUPER).

CREATE TABLE strategies (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(200) NOT NULL,
	first_year	SMALLINT UNSIGNED NOT NULL,
	years		TINYINT UNSIGNED NOT NULL DEFAULT 3,
	year_start_month TINYINT UNSIGNED NOT NULL DEFAULT 7,
	-- Status against the pro-rata target, in percent of it: at least
	-- on_track_pct is "on track", at least at_risk_pct "at risk", below
	-- that "behind".
	on_track_pct	SMALLINT UNSIGNED NOT NULL DEFAULT 90,
	at_risk_pct	SMALLINT UNSIGNED NOT NULL DEFAULT 70,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	dropped_at	DATETIME NULL,
	CONSTRAINT strategies_months CHECK (year_start_month BETWEEN 1 AND 12),
	CONSTRAINT strategies_years CHECK (years BETWEEN 1 AND 10),
	CONSTRAINT strategies_thresholds CHECK (at_risk_pct <= on_track_pct)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE strategy_aims (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	strategy_id	BIGINT UNSIGNED NOT NULL,
	code		VARCHAR(10) NOT NULL,
	name		VARCHAR(100) NOT NULL,
	statement	TEXT NOT NULL,
	sort_order	INT NOT NULL DEFAULT 0,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	dropped_at	DATETIME NULL,
	UNIQUE KEY strategy_aims_code (strategy_id, code),
	CONSTRAINT strategy_aims_strategy FOREIGN KEY (strategy_id)
	    REFERENCES strategies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE strategy_objectives (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	aim_id		BIGINT UNSIGNED NOT NULL,
	code		VARCHAR(10) NOT NULL,
	text		TEXT NOT NULL,
	sort_order	INT NOT NULL DEFAULT 0,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	dropped_at	DATETIME NULL,
	KEY strategy_objectives_aim (aim_id, sort_order),
	CONSTRAINT strategy_objectives_aim FOREIGN KEY (aim_id)
	    REFERENCES strategy_aims (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The SMART goals of an objective for one strategy year.
CREATE TABLE strategy_goals (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	objective_id	BIGINT UNSIGNED NOT NULL,
	year		SMALLINT UNSIGNED NOT NULL,
	text		TEXT NOT NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	dropped_at	DATETIME NULL,
	KEY strategy_goals_objective (objective_id, year),
	CONSTRAINT strategy_goals_objective FOREIGN KEY (objective_id)
	    REFERENCES strategy_objectives (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A KPI and, when counted, its rule:
--   measure		what one hit counts: the engagement, or each distinct
--			person or organisation on the matching engagements;
--   decision_makers	only people whose category is a decision maker;
--   newness		new: only people for whom the engagement is their
--			first live one with us; existing: only people who had
--			an earlier one (see IS_NEW in lib/engagements.c);
-- and the sets in kpi_rule_* (an empty set means any).
-- accumulate: sum adds the months up; latest takes the last month's value
-- (levels such as followers or a percentage).
CREATE TABLE kpis (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	strategy_id	BIGINT UNSIGNED NOT NULL,
	objective_id	BIGINT UNSIGNED NOT NULL,
	code		VARCHAR(10) NOT NULL,
	label		VARCHAR(300) NOT NULL,
	key_measure	TINYINT(1) NOT NULL DEFAULT 0,
	unit		VARCHAR(20) NOT NULL DEFAULT '',
	source		ENUM('counted', 'manual') NOT NULL DEFAULT 'manual',
	accumulate	ENUM('sum', 'latest') NOT NULL DEFAULT 'sum',
	measure		ENUM('engagements', 'people', 'organisations') NOT NULL
			    DEFAULT 'engagements',
	decision_makers	TINYINT(1) NOT NULL DEFAULT 0,
	newness		ENUM('any', 'new', 'existing') NOT NULL DEFAULT 'any',
	sort_order	INT NOT NULL DEFAULT 0,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	dropped_at	DATETIME NULL,
	UNIQUE KEY kpis_code (strategy_id, code),
	KEY kpis_objective (objective_id, sort_order),
	CONSTRAINT kpis_strategy FOREIGN KEY (strategy_id)
	    REFERENCES strategies (id),
	CONSTRAINT kpis_objective FOREIGN KEY (objective_id)
	    REFERENCES strategy_objectives (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kpi_targets (
	kpi_id		BIGINT UNSIGNED NOT NULL,
	year		SMALLINT UNSIGNED NOT NULL,
	target		DECIMAL(16,2) NOT NULL,
	PRIMARY KEY (kpi_id, year),
	CONSTRAINT kpi_targets_kpi FOREIGN KEY (kpi_id) REFERENCES kpis (id)
	    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kpi_rule_types (
	kpi_id		BIGINT UNSIGNED NOT NULL,
	type_code	VARCHAR(40) CHARACTER SET ascii NOT NULL,
	PRIMARY KEY (kpi_id, type_code),
	CONSTRAINT kpi_rule_types_kpi FOREIGN KEY (kpi_id) REFERENCES kpis (id)
	    ON DELETE CASCADE,
	CONSTRAINT kpi_rule_types_type FOREIGN KEY (type_code)
	    REFERENCES engagement_types (code) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- print, broadcast or online (engagements.media_medium).
CREATE TABLE kpi_rule_media (
	kpi_id		BIGINT UNSIGNED NOT NULL,
	medium		VARCHAR(20) CHARACTER SET ascii NOT NULL,
	PRIMARY KEY (kpi_id, medium),
	CONSTRAINT kpi_rule_media_kpi FOREIGN KEY (kpi_id) REFERENCES kpis (id)
	    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kpi_rule_categories (
	kpi_id		BIGINT UNSIGNED NOT NULL,
	category	VARCHAR(40) CHARACTER SET ascii NOT NULL,
	PRIMARY KEY (kpi_id, category),
	CONSTRAINT kpi_rule_categories_kpi FOREIGN KEY (kpi_id)
	    REFERENCES kpis (id) ON DELETE CASCADE,
	CONSTRAINT kpi_rule_categories_category FOREIGN KEY (category)
	    REFERENCES person_categories (code) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- organisations.kind values.
CREATE TABLE kpi_rule_org_kinds (
	kpi_id		BIGINT UNSIGNED NOT NULL,
	kind		VARCHAR(40) CHARACTER SET ascii NOT NULL,
	PRIMARY KEY (kpi_id, kind),
	CONSTRAINT kpi_rule_org_kinds_kpi FOREIGN KEY (kpi_id)
	    REFERENCES kpis (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kpi_rule_areas (
	kpi_id		BIGINT UNSIGNED NOT NULL,
	policy_area_id	BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (kpi_id, policy_area_id),
	CONSTRAINT kpi_rule_areas_kpi FOREIGN KEY (kpi_id) REFERENCES kpis (id)
	    ON DELETE CASCADE,
	CONSTRAINT kpi_rule_areas_area FOREIGN KEY (policy_area_id)
	    REFERENCES policy_areas (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A manual KPI's value for one month (month: its first day).
CREATE TABLE kpi_values (
	kpi_id		BIGINT UNSIGNED NOT NULL,
	month		DATE NOT NULL,
	value		DECIMAL(16,2) NOT NULL,
	note		VARCHAR(500) NOT NULL DEFAULT '',
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	updated_by	VARCHAR(100) NOT NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (kpi_id, month),
	CONSTRAINT kpi_values_kpi FOREIGN KEY (kpi_id) REFERENCES kpis (id)
	    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change to the strategy, with its reason, for the next strategy.
-- before_data and after_data are JSON objects of the fields, as in
-- audit_log.
CREATE TABLE strategy_decisions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	strategy_id	BIGINT UNSIGNED NOT NULL,
	at		DATETIME NOT NULL,
	actor		VARCHAR(100) NOT NULL,
	entity		VARCHAR(20) NOT NULL,
	entity_id	BIGINT UNSIGNED NOT NULL,
	label		VARCHAR(400) NOT NULL,
	action		VARCHAR(20) NOT NULL,
	before_data	TEXT NULL,
	after_data	TEXT NULL,
	reason		TEXT NOT NULL,
	KEY strategy_decisions_strategy (strategy_id, at),
	CONSTRAINT strategy_decisions_strategy FOREIGN KEY (strategy_id)
	    REFERENCES strategies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A month's dashboard as frozen for the board: every figure as rendered,
-- as JSON.  Rows are never changed (the trigger below refuses).
CREATE TABLE dashboard_snapshots (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	strategy_id	BIGINT UNSIGNED NOT NULL,
	year		SMALLINT UNSIGNED NOT NULL,
	month		DATE NOT NULL,
	frozen_at	DATETIME NOT NULL,
	frozen_by	VARCHAR(100) NOT NULL,
	figures		MEDIUMTEXT NOT NULL,
	KEY dashboard_snapshots_month (strategy_id, month),
	CONSTRAINT dashboard_snapshots_strategy FOREIGN KEY (strategy_id)
	    REFERENCES strategies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER dashboard_snapshots_frozen BEFORE UPDATE ON dashboard_snapshots
FOR EACH ROW
	SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'dashboard snapshots are frozen';

-- Each person's first live engagement with us (derived; see the top).
CREATE TABLE person_first (
	person_id	BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	engagement_id	BIGINT UNSIGNED NOT NULL,
	KEY person_first_engagement (engagement_id),
	CONSTRAINT person_first_person FOREIGN KEY (person_id)
	    REFERENCES people (id) ON DELETE CASCADE,
	CONSTRAINT person_first_engagement FOREIGN KEY (engagement_id)
	    REFERENCES engagements (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What each counted KPI counts (derived; see the top).  subject_id is the
-- engagement's, person's or organisation's id, by the KPI's measure; a
-- figure is COUNT(DISTINCT subject_id) over a range of dates.
CREATE TABLE kpi_hits (
	kpi_id		BIGINT UNSIGNED NOT NULL,
	occurred_on	DATE NOT NULL,
	engagement_id	BIGINT UNSIGNED NOT NULL,
	subject_id	BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (kpi_id, occurred_on, engagement_id, subject_id),
	KEY kpi_hits_engagement (engagement_id),
	CONSTRAINT kpi_hits_kpi FOREIGN KEY (kpi_id) REFERENCES kpis (id)
	    ON DELETE CASCADE,
	CONSTRAINT kpi_hits_engagement FOREIGN KEY (engagement_id)
	    REFERENCES engagements (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------
-- The counting rule, written once.
-- ---------------------------------------------------------------------

-- The people on an engagement that a KPI's people conditions accept.
CREATE VIEW kpi_person_hits AS
SELECT k.id AS kpi_id, x.engagement_id, x.person_id
FROM kpis k
JOIN engagement_people x
JOIN people p ON p.id = x.person_id
JOIN person_categories c ON c.code = p.category
LEFT JOIN person_first pf ON pf.person_id = x.person_id
WHERE (k.decision_makers = 0 OR c.decision_maker = 1)
AND (NOT EXISTS (SELECT 1 FROM kpi_rule_categories r WHERE r.kpi_id = k.id)
	OR EXISTS (SELECT 1 FROM kpi_rule_categories r
	    WHERE r.kpi_id = k.id AND r.category = p.category))
AND (k.newness = 'any'
	OR (k.newness = 'new') = (pf.engagement_id <=> x.engagement_id));

-- The organisations on an engagement that a KPI's kinds accept.
CREATE VIEW kpi_org_hits AS
SELECT k.id AS kpi_id, x.engagement_id, x.organisation_id
FROM kpis k
JOIN engagement_organisations x
JOIN organisations o ON o.id = x.organisation_id
WHERE NOT EXISTS (SELECT 1 FROM kpi_rule_org_kinds r WHERE r.kpi_id = k.id)
	OR EXISTS (SELECT 1 FROM kpi_rule_org_kinds r
	    WHERE r.kpi_id = k.id AND r.kind = o.kind);

-- The live engagements a counted KPI's rule matches.
CREATE VIEW kpi_matches AS
SELECT k.id AS kpi_id, k.measure, e.id AS engagement_id, e.occurred_on
FROM kpis k
JOIN engagements e
WHERE k.source = 'counted' AND e.deleted_at IS NULL
AND (NOT EXISTS (SELECT 1 FROM kpi_rule_types r WHERE r.kpi_id = k.id)
	OR EXISTS (SELECT 1 FROM kpi_rule_types r
	    WHERE r.kpi_id = k.id AND r.type_code = e.type))
AND (NOT EXISTS (SELECT 1 FROM kpi_rule_media r WHERE r.kpi_id = k.id)
	OR EXISTS (SELECT 1 FROM kpi_rule_media r
	    WHERE r.kpi_id = k.id AND r.medium = e.media_medium))
AND (NOT EXISTS (SELECT 1 FROM kpi_rule_areas r WHERE r.kpi_id = k.id)
	OR EXISTS (SELECT 1 FROM kpi_rule_areas r
	    JOIN engagement_policy_areas x ON x.policy_area_id = r.policy_area_id
	    WHERE r.kpi_id = k.id AND x.engagement_id = e.id))
AND (NOT EXISTS (SELECT 1 FROM kpi_rule_org_kinds r WHERE r.kpi_id = k.id)
	OR EXISTS (SELECT 1 FROM kpi_org_hits oh
	    WHERE oh.kpi_id = k.id AND oh.engagement_id = e.id))
AND ((k.decision_makers = 0 AND k.newness = 'any'
	AND NOT EXISTS (SELECT 1 FROM kpi_rule_categories r WHERE r.kpi_id = k.id))
	OR EXISTS (SELECT 1 FROM kpi_person_hits ph
	    WHERE ph.kpi_id = k.id AND ph.engagement_id = e.id));

-- The rows of kpi_hits: a match and what it contributes by the measure.
-- An engagement with no person (or organisation) that passes contributes
-- nothing to a people (or organisations) count, so it is not a hit.
CREATE VIEW kpi_hit_rows AS
SELECT m.kpi_id, m.occurred_on, m.engagement_id,
	CASE m.measure WHEN 'engagements' THEN m.engagement_id
	    WHEN 'people' THEN ph.person_id ELSE oh.organisation_id END
	    AS subject_id
FROM kpi_matches m
LEFT JOIN kpi_person_hits ph ON m.measure = 'people'
	AND ph.kpi_id = m.kpi_id AND ph.engagement_id = m.engagement_id
LEFT JOIN kpi_org_hits oh ON m.measure = 'organisations'
	AND oh.kpi_id = m.kpi_id AND oh.engagement_id = m.engagement_id
WHERE m.measure = 'engagements' OR ph.person_id IS NOT NULL
	OR oh.organisation_id IS NOT NULL;

-- ---------------------------------------------------------------------
-- Keeping kpi_hits and person_first exact.
-- ---------------------------------------------------------------------

CREATE PROCEDURE kpi_refresh_engagement(eid BIGINT UNSIGNED)
	MODIFIES SQL DATA
BEGIN
	DELETE FROM kpi_hits WHERE engagement_id = eid;
	INSERT INTO kpi_hits (kpi_id, occurred_on, engagement_id, subject_id)
	SELECT kpi_id, occurred_on, engagement_id, subject_id
	FROM kpi_hit_rows WHERE engagement_id = eid;
END;

-- Recompute a person's first engagement; when it moved, the old and the
-- new first engagements change newness, so count them again.
CREATE PROCEDURE kpi_refresh_first(pid BIGINT UNSIGNED)
	MODIFIES SQL DATA
BEGIN
	DECLARE old_first, new_first BIGINT UNSIGNED;

	SET old_first = (SELECT engagement_id FROM person_first WHERE person_id = pid);
	SET new_first = (SELECT e.id FROM engagement_people x
	    JOIN engagements e ON e.id = x.engagement_id
	    WHERE x.person_id = pid AND e.deleted_at IS NULL
	    ORDER BY e.occurred_on, IFNULL(e.occurred_time, TIME '00:00:00'), e.id
	    LIMIT 1);
	IF NOT (old_first <=> new_first) THEN
		IF new_first IS NULL THEN
			DELETE FROM person_first WHERE person_id = pid;
		ELSE
			INSERT INTO person_first (person_id, engagement_id)
			VALUES (pid, new_first)
			ON DUPLICATE KEY UPDATE engagement_id = new_first;
		END IF;
		IF old_first IS NOT NULL THEN
			CALL kpi_refresh_engagement(old_first);
		END IF;
		IF new_first IS NOT NULL THEN
			CALL kpi_refresh_engagement(new_first);
		END IF;
	END IF;
END;

-- After an engagement's date, time or deletion changed: its people's
-- first engagements may have moved.
CREATE PROCEDURE kpi_refresh_firsts_of(eid BIGINT UNSIGNED)
	MODIFIES SQL DATA
BEGIN
	DECLARE done INT DEFAULT 0;
	DECLARE pid BIGINT UNSIGNED;
	DECLARE people CURSOR FOR
	    SELECT person_id FROM engagement_people WHERE engagement_id = eid;
	DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;

	OPEN people;
	each_person: LOOP
		FETCH people INTO pid;
		IF done THEN
			LEAVE each_person;
		END IF;
		CALL kpi_refresh_first(pid);
	END LOOP;
	CLOSE people;
END;

-- Count again every engagement of a person (their category changed).
CREATE PROCEDURE kpi_refresh_person(pid BIGINT UNSIGNED)
	MODIFIES SQL DATA
BEGIN
	DECLARE done INT DEFAULT 0;
	DECLARE eid BIGINT UNSIGNED;
	DECLARE engagements_of CURSOR FOR
	    SELECT engagement_id FROM engagement_people WHERE person_id = pid;
	DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;

	OPEN engagements_of;
	each_engagement: LOOP
		FETCH engagements_of INTO eid;
		IF done THEN
			LEAVE each_engagement;
		END IF;
		CALL kpi_refresh_engagement(eid);
	END LOOP;
	CLOSE engagements_of;
END;

-- Count again every engagement of an organisation (its kind changed).
CREATE PROCEDURE kpi_refresh_organisation(oid BIGINT UNSIGNED)
	MODIFIES SQL DATA
BEGIN
	DECLARE done INT DEFAULT 0;
	DECLARE eid BIGINT UNSIGNED;
	DECLARE engagements_of CURSOR FOR
	    SELECT engagement_id FROM engagement_organisations
	    WHERE organisation_id = oid;
	DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;

	OPEN engagements_of;
	each_engagement: LOOP
		FETCH engagements_of INTO eid;
		IF done THEN
			LEAVE each_engagement;
		END IF;
		CALL kpi_refresh_engagement(eid);
	END LOOP;
	CLOSE engagements_of;
END;

-- Count one KPI again from scratch (its rule or source changed).
CREATE PROCEDURE kpi_rebuild_kpi(kid BIGINT UNSIGNED)
	MODIFIES SQL DATA
BEGIN
	DELETE FROM kpi_hits WHERE kpi_id = kid;
	INSERT INTO kpi_hits (kpi_id, occurred_on, engagement_id, subject_id)
	SELECT kpi_id, occurred_on, engagement_id, subject_id
	FROM kpi_hit_rows WHERE kpi_id = kid;
END;

-- Everything again from scratch: after a bulk load, or to check.
CREATE PROCEDURE kpi_rebuild()
	MODIFIES SQL DATA
BEGIN
	DELETE FROM kpi_hits;
	DELETE FROM person_first;
	INSERT INTO person_first (person_id, engagement_id)
	SELECT person_id, engagement_id FROM (
	    SELECT x.person_id, e.id AS engagement_id, ROW_NUMBER() OVER (
		PARTITION BY x.person_id ORDER BY e.occurred_on,
		IFNULL(e.occurred_time, TIME '00:00:00'), e.id) AS n
	    FROM engagement_people x JOIN engagements e ON e.id = x.engagement_id
	    WHERE e.deleted_at IS NULL) ranked
	WHERE n = 1;
	INSERT INTO kpi_hits (kpi_id, occurred_on, engagement_id, subject_id)
	SELECT kpi_id, occurred_on, engagement_id, subject_id FROM kpi_hit_rows;
END;

CREATE TRIGGER engagements_kpi_insert AFTER INSERT ON engagements
FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		CALL kpi_refresh_engagement(NEW.id);
	END IF;
END;

CREATE TRIGGER engagements_kpi_update AFTER UPDATE ON engagements
FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		IF NOT (OLD.occurred_on <=> NEW.occurred_on
		    AND OLD.occurred_time <=> NEW.occurred_time
		    AND (OLD.deleted_at IS NULL) <=> (NEW.deleted_at IS NULL)) THEN
			CALL kpi_refresh_firsts_of(NEW.id);
			CALL kpi_refresh_engagement(NEW.id);
		ELSEIF NOT (OLD.type <=> NEW.type
		    AND OLD.media_medium <=> NEW.media_medium) THEN
			CALL kpi_refresh_engagement(NEW.id);
		END IF;
	END IF;
END;

CREATE TRIGGER engagement_people_kpi_insert AFTER INSERT ON engagement_people
FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		CALL kpi_refresh_first(NEW.person_id);
		CALL kpi_refresh_engagement(NEW.engagement_id);
	END IF;
END;

CREATE TRIGGER engagement_people_kpi_delete AFTER DELETE ON engagement_people
FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		CALL kpi_refresh_first(OLD.person_id);
		CALL kpi_refresh_engagement(OLD.engagement_id);
	END IF;
END;

-- Merges move rows from one person to another.
CREATE TRIGGER engagement_people_kpi_update AFTER UPDATE ON engagement_people
FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		CALL kpi_refresh_first(OLD.person_id);
		CALL kpi_refresh_first(NEW.person_id);
		CALL kpi_refresh_engagement(OLD.engagement_id);
		IF NEW.engagement_id <> OLD.engagement_id THEN
			CALL kpi_refresh_engagement(NEW.engagement_id);
		END IF;
	END IF;
END;

CREATE TRIGGER engagement_organisations_kpi_insert
AFTER INSERT ON engagement_organisations FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		CALL kpi_refresh_engagement(NEW.engagement_id);
	END IF;
END;

CREATE TRIGGER engagement_organisations_kpi_delete
AFTER DELETE ON engagement_organisations FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		CALL kpi_refresh_engagement(OLD.engagement_id);
	END IF;
END;

CREATE TRIGGER engagement_organisations_kpi_update
AFTER UPDATE ON engagement_organisations FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		CALL kpi_refresh_engagement(OLD.engagement_id);
		IF NEW.engagement_id <> OLD.engagement_id THEN
			CALL kpi_refresh_engagement(NEW.engagement_id);
		END IF;
	END IF;
END;

CREATE TRIGGER engagement_policy_areas_kpi_insert
AFTER INSERT ON engagement_policy_areas FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		CALL kpi_refresh_engagement(NEW.engagement_id);
	END IF;
END;

CREATE TRIGGER engagement_policy_areas_kpi_delete
AFTER DELETE ON engagement_policy_areas FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		CALL kpi_refresh_engagement(OLD.engagement_id);
	END IF;
END;

CREATE TRIGGER engagement_policy_areas_kpi_update
AFTER UPDATE ON engagement_policy_areas FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		CALL kpi_refresh_engagement(OLD.engagement_id);
		IF NEW.engagement_id <> OLD.engagement_id THEN
			CALL kpi_refresh_engagement(NEW.engagement_id);
		END IF;
	END IF;
END;

CREATE TRIGGER people_kpi_update AFTER UPDATE ON people FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL AND NOT (OLD.category <=> NEW.category) THEN
		CALL kpi_refresh_person(NEW.id);
	END IF;
END;

CREATE TRIGGER organisations_kpi_update AFTER UPDATE ON organisations
FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL AND NOT (OLD.kind <=> NEW.kind) THEN
		CALL kpi_refresh_organisation(NEW.id);
	END IF;
END;

-- A category that becomes (or stops being) a decision maker changes what
-- the decision-maker rules count for everyone in it.
CREATE TRIGGER person_categories_kpi_update AFTER UPDATE ON person_categories
FOR EACH ROW
BEGIN
	DECLARE done INT DEFAULT 0;
	DECLARE pid BIGINT UNSIGNED;
	DECLARE members CURSOR FOR SELECT id FROM people WHERE category = NEW.code;
	DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;

	IF @tracker_kpi_bulk IS NULL
	    AND NOT (OLD.decision_maker <=> NEW.decision_maker) THEN
		OPEN members;
		each_member: LOOP
			FETCH members INTO pid;
			IF done THEN
				LEAVE each_member;
			END IF;
			CALL kpi_refresh_person(pid);
		END LOOP;
		CLOSE members;
	END IF;
END;

-- ---------------------------------------------------------------------
-- Reference rows the seeded rules need.
-- ---------------------------------------------------------------------

INSERT IGNORE INTO policy_areas (name, priority, retired)
VALUES ('Racial justice', 0, 0);

-- ---------------------------------------------------------------------
-- Default data: HIAS+JCORE, "Our strategy 2024-2027".  Year one runs
-- July 2024 to June 2025.  Targets are the year-one numbers the strategy
-- states; admins set the rest on /admin/strategy.
-- ---------------------------------------------------------------------

INSERT INTO strategies (name, first_year, years, year_start_month,
    on_track_pct, at_risk_pct, created_at, updated_at)
VALUES ('HIAS+JCORE strategy 2024–2027', 2024, 3, 7, 90, 70,
    UTC_TIMESTAMP(), UTC_TIMESTAMP());
SET @strategy = LAST_INSERT_ID();

INSERT INTO strategy_aims (strategy_id, code, name, statement, sort_order,
    created_at, updated_at) VALUES
	(@strategy, 'A', 'Advocating', 'By 2028, we will be the go-to Jewish organisation in refugee and asylum policy and recognised as the bold, confident, Jewish voice working toward a society in which displaced people can flourish free from xenophobia and racism.', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
	(@strategy, 'M', 'Mobilising', 'By 2028, we will be leading a Jewish movement built on passionate, informed, and effective networks taking part in multiple pathways of engagement.', 2, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
	(@strategy, 'S', 'Supporting', 'By 2028, we will be significantly impacting refugees and people seeking asylum to navigate the system through welcoming, empowering, and volunteer-driven programmes.', 3, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
	(@strategy, 'T', 'Thriving', 'By 2028, we will be a financially sustainable organisation underpinned by a team culture that prioritises innovation and inclusion attracting high calibre staff, volunteers, and partners.', 4, UTC_TIMESTAMP(), UTC_TIMESTAMP());

CREATE TEMPORARY TABLE seed_objective (
	aim		VARCHAR(10) NOT NULL,
	code		VARCHAR(10) NOT NULL PRIMARY KEY,
	sort_order	INT NOT NULL,
	text		TEXT NOT NULL,
	goal		TEXT NOT NULL
);

INSERT INTO seed_objective (aim, code, sort_order, text, goal) VALUES
	('A', 'A1', 1, 'Be the go-to organisation for decision makers and media for the Jewish voice on refugees.', 'Create and deliver on an advocacy strategy that involves engaging with MPs, councillors, and Peers across all parties, civil servants, and other decision makers, and having a growing print, broadcast and social media output.'),
	('A', 'A2', 2, 'Be an active part of coalitions working towards policy change in support of our cause, including convening the interfaith response.', 'Building active participation in lobbying coalitions on refugee policy and an Interfaith Refugee Network/APPG made up of at least eight leaders amplifying faith voices on refugee policy. This network will meet four times over the year.'),
	('A', 'A3', 3, 'Develop expertise working in policy change in three leading refugee campaign areas, including legal support.', 'Agree on priority areas, from UASCs, refugee inclusion, and HIAS areas of expertise. Contribute to meetings, policy asks, and grassroots campaigns on these three areas at least once.'),
	('A', 'A4', 4, 'Develop expertise in advocacy for international refugee populations supported by HIAS country offices, and build relationships with institutional donors to fund this work.', 'Work with at least three different country offices to learn about the most up-to-date issues and how HIAS is contributing, and feed this back to at least three relevant desks at the FCDO.'),
	('A', 'A5', 5, 'Be a leading voice in the conversation advocating for a society free of racism, especially linking treatment of refugees to racism.', 'Engage in at least three events or campaigns around the issue of racial justice, and have at least four print or broadcast engagements on the topic.'),
	('A', 'A6', 6, 'Support social cohesion between the Jewish communities and others.', 'Actively support social cohesion efforts in both interfaith and antiracism settings.'),
	('M', 'M1', 1, 'Have an offering available to any and all Jewish communities and organisations.', 'We have developed a menu of event offers that are relevant to synagogues and wider Jewish community groups (e.g. sports clubs) and are facilitating at least 8 events.'),
	('M', 'M2', 2, 'Maintain and grow the network of Jewish activists engaged in supporting refugees and asylum seekers.', 'Create a programme to network eager individuals in synagogues, including at least 12 people meeting for quarterly sessions.'),
	('M', 'M3', 3, 'Develop programmes and pathways for youth and student engagement and leadership.', 'Develop a strategy to deliver programming for at least 500 Jewish youth and students a year, including providing leadership opportunities.'),
	('M', 'M4', 4, 'Foster and strengthen partnerships with communal institutions.', 'Hold annual check-in meetings with 12 community organisations, including OCR, BoD, JLC, and the denominations, and participate in key communal events including Limmud.'),
	('M', 'M5', 5, 'Develop a rabbinic network in support of HIAS+JCORE.', 'Creating a space for clergy to engage in our work, including bespoke festival projects.'),
	('M', 'M6', 6, 'Cement refugee-focused events in the communal calendar.', 'Have five Refugee Shabbat events organised for February, and three Refugee Week events organised for June.'),
	('M', 'M7', 7, 'Increase communal participation in volunteering projects with refugees and asylum seekers.', 'Recruit at least 50% of JUMP volunteers from the Jewish community and hold five coordination meetings for synagogue asylum seeker drop-ins.'),
	('M', 'M8', 8, 'Deepen communal awareness on the links between forms of xenophobia and racism, especially against refugees and asylum seekers, and the role JCORE has played in this.', 'Develop educational resources and community briefings on the linkages between racism and migrant justice.'),
	('M', 'M9', 9, 'Tackle racist attitudes within Jewish communities, especially towards refugees.', 'Provide three or more trainings a year across the Jewish community.'),
	('S', 'S1', 1, 'Ensure JUMP is the leading befriending programme for unaccompanied displaced people in London.', 'Sustain a supportive community with at least 50 befriending pairs engaging in its work and achieve high satisfaction in its casework support.'),
	('S', 'S2', 2, 'Keep the experiences of JUMP service users at the forefront of advocacy and community engagement work.', 'JUMP service users participate in at least five advocacy or community engagement events or comms pieces.'),
	('S', 'S3', 3, 'Support the development of befriending opportunities outside of London.', 'Identify prospective areas for a project hub through community and sector meetings.'),
	('S', 'S4', 4, 'Through Welcome Circles, offer a supportive structure for community sponsorship of resettled refugee families.', 'We will have a network of at least three Welcome Circles.'),
	('S', 'S5', 5, 'Facilitate work for a legal network, supporting asylum seekers and refugees, including those we support directly.', 'We will have formalised our loose network of lawyers into a formal group with a TOR, have had one event for them, and have shared at least 10 opportunities with them.'),
	('T', 'T1', 1, 'Maintain our financial sustainability while growing ambitiously.', 'Devise and implement a fundraising strategy that is capable of raising more than our budgeted expenditure, primarily through grants and major donors.'),
	('T', 'T2', 2, 'Diversify the sources of our income.', 'Launch a Bnei Mitzvah fundraising programme for JUMP, and increase the number of recurring donors by 25%.'),
	('T', 'T3', 3, 'Maintain strong systems to meet our statutory obligations and live up to our values.', 'Set up and utilise the CRM, and ensure that 100% of internal policies are in date.'),
	('T', 'T4', 4, 'Strengthen our bonds with HIAS and its country offices.', 'Maintain quarterly contact with contacts in HQ and in at least three country offices, and arrange at least one factfinding trip for a staff member.'),
	('T', 'T5', 5, 'Develop a Board of Trustees that it is active and informed across all our workstreams.', 'Quarterly board meetings and meetings of nominated subgroups are held to the satisfaction of board members.'),
	('T', 'T6', 6, 'Embed those with lived experience of the asylum system as drivers across all our workstreams.', 'Devise and implement a Lived Experience Leadership strategy that will provide opportunities for people to participate in programming and governance.'),
	('T', 'T7', 7, 'Ensure a learning culture in which staff and volunteers are provided with ongoing learning opportunities where needed.', 'At least 90% of staff, trustees and volunteers take part in safeguarding training, and 100% of them can access further, internal training opportunities.'),
	('T', 'T8', 8, 'Develop and utilise systems for monitoring, evaluation and learning (MEL) across all work.', 'Devise and implement a MEL strategy across all programming.');

INSERT INTO strategy_objectives (aim_id, code, text, sort_order, created_at,
    updated_at)
SELECT a.id, so.code, so.text, so.sort_order, UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM seed_objective so
JOIN strategy_aims a ON a.strategy_id = @strategy AND a.code = so.aim
ORDER BY a.sort_order, so.sort_order;

INSERT INTO strategy_goals (objective_id, year, text, created_at, updated_at)
SELECT o.id, 2024, so.goal, UTC_TIMESTAMP(), UTC_TIMESTAMP()
FROM seed_objective so
JOIN strategy_objectives o ON o.code = so.code
JOIN strategy_aims a ON a.id = o.aim_id AND a.strategy_id = @strategy;

-- key: the strategy's "*" key success measures.  target: year one's, where
-- the strategy states a number.
CREATE TEMPORARY TABLE seed_kpi (
	objective	VARCHAR(10) NOT NULL,
	code		VARCHAR(10) NOT NULL PRIMARY KEY,
	label		VARCHAR(300) NOT NULL,
	key_measure	TINYINT NOT NULL,
	unit		VARCHAR(20) NOT NULL,
	source		VARCHAR(10) NOT NULL,
	accumulate	VARCHAR(10) NOT NULL,
	measure		VARCHAR(20) NOT NULL,
	decision_makers	TINYINT NOT NULL,
	newness		VARCHAR(10) NOT NULL,
	target		DECIMAL(16,2) NULL
);

INSERT INTO seed_kpi (objective, code, label, key_measure, unit, source,
    accumulate, measure, decision_makers, newness, target) VALUES
	('A1', 'A1a', 'Number of new engagements with decision makers (MPs, Peers, councillors and relevant civil servants)', 1, 'people', 'counted', 'sum', 'people', 1, 'new', NULL),
	('A1', 'A1b', 'Number of meetings held with existing decision makers', 0, 'meetings', 'counted', 'sum', 'engagements', 1, 'existing', NULL),
	('A1', 'A1c', 'Broadcast and print media engagements', 1, 'engagements', 'counted', 'sum', 'engagements', 0, 'any', NULL),
	('A1', 'A1d', 'Events organised or participated in', 0, 'events', 'counted', 'sum', 'engagements', 0, 'any', NULL),
	('A1', 'A1e', 'Social media followers', 0, 'followers', 'manual', 'latest', 'engagements', 0, 'any', NULL),
	('A1', 'A1f', 'Social media engagement', 0, 'interactions', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('A2', 'A2a', 'Policy coalitions joined', 0, 'coalitions', 'counted', 'sum', 'organisations', 0, 'any', NULL),
	('A2', 'A2b', 'Faith leaders engaged', 0, 'people', 'counted', 'sum', 'people', 0, 'any', 8),
	('A2', 'A2c', 'Meetings held', 0, 'meetings', 'counted', 'sum', 'engagements', 0, 'any', 4),
	('A3', 'A3a', 'Policy priority areas identified', 0, 'areas', 'manual', 'sum', 'engagements', 0, 'any', 3),
	('A3', 'A3b', 'Learning sessions held', 0, 'sessions', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('A3', 'A3c', 'Engagements contributed to', 0, 'engagements', 'manual', 'sum', 'engagements', 0, 'any', 3),
	('A3', 'A3d', 'Participation in coalitions', 0, 'meetings', 'counted', 'sum', 'engagements', 0, 'any', NULL),
	('A4', 'A4a', 'Policy briefings produced', 0, 'briefings', 'counted', 'sum', 'engagements', 0, 'any', NULL),
	('A4', 'A4b', 'Meetings with civil servants in FCDO', 0, 'meetings', 'counted', 'sum', 'engagements', 0, 'any', 3),
	('A4', 'A4c', 'Meetings with HIAS staff overseas', 0, 'meetings', 'counted', 'sum', 'engagements', 0, 'any', NULL),
	('A4', 'A4d', 'Expert and senior level HIAS staff engaged with to deepen expertise', 0, 'people', 'counted', 'sum', 'people', 0, 'any', NULL),
	('A4', 'A4e', 'Gain knowledge and expertise from three differing HIAS country offices', 0, 'offices', 'counted', 'sum', 'organisations', 0, 'any', 3),
	('A5', 'A5a', 'Broadcast and print media engagements on racial justice', 1, 'engagements', 'counted', 'sum', 'engagements', 0, 'any', 4),
	('A5', 'A5b', 'Events organised or participated in on racial justice', 0, 'events', 'counted', 'sum', 'engagements', 0, 'any', 3),
	('A6', 'A6a', 'Events', 0, 'events', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('A6', 'A6b', 'Meetings', 0, 'meetings', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M1', 'M1a', 'Events to synagogues offered', 0, 'events', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M1', 'M1b', 'Events to synagogues delivered', 1, 'events', 'manual', 'sum', 'engagements', 0, 'any', 8),
	('M1', 'M1c', 'Events in non-synagogal setting offered', 0, 'events', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M1', 'M1d', 'Events in non-synagogal setting delivered', 1, 'events', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M1', 'M1e', 'Mailing list signups', 0, 'signups', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M1', 'M1f', 'Total participants', 1, 'people', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M1', 'M1g', 'Feedback/Impact data', 0, 'responses', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M2', 'M2a', 'Communities recruited', 0, 'communities', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M2', 'M2b', 'Events in communities organised', 0, 'events', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M2', 'M2c', 'Impact data', 0, 'responses', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M3', 'M3a', 'Youth and students engaged', 0, 'people', 'manual', 'sum', 'engagements', 0, 'any', 500),
	('M3', 'M3b', 'Training events', 0, 'events', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M3', 'M3c', 'Impact data (knowledge)', 0, 'responses', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M3', 'M3d', 'Young people mailing list signups', 0, 'signups', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M4', 'M4a', 'Meetings held', 0, 'meetings', 'manual', 'sum', 'engagements', 0, 'any', 12),
	('M4', 'M4b', 'Staff attending Limmud Festival', 0, 'staff', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M5', 'M5a', 'Rabbis engaged', 0, 'people', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M5', 'M5b', 'Impact data or feedback', 0, 'responses', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M6', 'M6a', 'Participation in Refugee Shabbat', 0, 'events', 'manual', 'sum', 'engagements', 0, 'any', 5),
	('M6', 'M6b', 'Participation in Refugee Week', 0, 'events', 'manual', 'sum', 'engagements', 0, 'any', 3),
	('M7', 'M7a', 'Jewish identifying volunteers engaged for JUMP', 0, '%', 'manual', 'latest', 'engagements', 0, 'any', 50),
	('M7', 'M7b', 'Drop-in Network meetings held', 0, 'meetings', 'manual', 'sum', 'engagements', 0, 'any', 5),
	('M8', 'M8a', 'Educational resources developed', 0, 'resources', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M8', 'M8b', 'Community briefings produced', 0, 'briefings', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M8', 'M8c', 'Education sessions delivered on the topic', 0, 'sessions', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M9', 'M9a', 'Training events', 0, 'events', 'manual', 'sum', 'engagements', 0, 'any', 3),
	('M9', 'M9b', 'Impact data', 0, 'responses', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('M9', 'M9c', 'Meetings with communal leaders', 0, 'meetings', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('S1', 'S1a', 'Number of pairs engaged', 1, 'pairs', 'manual', 'latest', 'engagements', 0, 'any', 50),
	('S1', 'S1b', 'Number of casework issues handled', 1, 'issues', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('S1', 'S1c', 'Number of community events', 0, 'events', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('S1', 'S1d', 'Amount of money given in Hardship Fund payments', 0, '£', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('S2', 'S2a', 'Generated impact data', 0, 'responses', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('S2', 'S2b', 'Pairs engaging in advocacy work', 0, 'pairs', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('S3', 'S3a', 'Meetings held with community groups on this', 0, 'meetings', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('S3', 'S3b', 'Meetings held with sector orgs on this', 0, 'meetings', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('S3', 'S3c', 'Funding secured', 0, '£', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('S4', 'S4a', 'Welcome Circles organised', 0, 'circles', 'manual', 'latest', 'engagements', 0, 'any', 3),
	('S5', 'S5a', 'Lawyers in the network', 0, 'lawyers', 'manual', 'latest', 'engagements', 0, 'any', NULL),
	('S5', 'S5b', 'Number of cases supporting on', 0, 'cases', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('S5', 'S5c', 'Dedicated legal network events', 0, 'events', 'manual', 'sum', 'engagements', 0, 'any', 1),
	('T1', 'T1a', 'Funds received', 1, '£', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('T1', 'T1b', 'Grant applications', 0, 'applications', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('T1', 'T1c', 'Grant conversions', 0, 'grants', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('T1', 'T1d', 'Major donors approached', 0, 'donors', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('T1', 'T1e', 'Major donor conversions', 0, 'donors', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('T2', 'T2a', 'Recurring donors', 0, 'donors', 'manual', 'latest', 'engagements', 0, 'any', NULL),
	('T2', 'T2b', 'Bnei Mitzvah Fundraisers', 0, 'fundraisers', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('T3', 'T3a', 'Policies requiring renewal', 0, 'policies', 'manual', 'latest', 'engagements', 0, 'any', NULL),
	('T3', 'T3b', 'CRM completion', 0, '%', 'manual', 'latest', 'engagements', 0, 'any', NULL),
	('T4', 'T4a', 'Meetings held', 0, 'meetings', 'manual', 'sum', 'engagements', 0, 'any', 4),
	('T4', 'T4b', 'Staff trip', 0, 'trips', 'manual', 'sum', 'engagements', 0, 'any', 1),
	('T5', 'T5a', 'Numbers of board meetings and subgroup meetings', 0, 'meetings', 'manual', 'sum', 'engagements', 0, 'any', 4),
	('T5', 'T5b', 'Feedback data from trustees', 0, 'responses', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('T6', 'T6a', 'LEx Leaders in programming roles', 0, 'people', 'manual', 'latest', 'engagements', 0, 'any', NULL),
	('T6', 'T6b', 'LEx Leaders in governance roles', 0, 'people', 'manual', 'latest', 'engagements', 0, 'any', NULL),
	('T7', 'T7a', 'Percentage of staff, trustees and volunteers engaging in annual safeguarding training', 0, '%', 'manual', 'latest', 'engagements', 0, 'any', 90),
	('T7', 'T7b', 'Percentage of staff, trustees and volunteers engaging in at least one training session', 0, '%', 'manual', 'latest', 'engagements', 0, 'any', 100),
	('T7', 'T7c', 'Feedback data from staff', 1, 'responses', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('T8', 'T8a', 'How many interviews conducted annually', 0, 'interviews', 'manual', 'sum', 'engagements', 0, 'any', NULL),
	('T8', 'T8b', 'How many surveys issued annually', 0, 'surveys', 'manual', 'sum', 'engagements', 0, 'any', NULL);

-- The counting rules' sets: dim is type, medium, category, kind or area
-- (a policy area's name).
CREATE TEMPORARY TABLE seed_rule (
	code	VARCHAR(10) NOT NULL,
	dim	VARCHAR(10) NOT NULL,
	val	VARCHAR(200) NOT NULL
);

INSERT INTO seed_rule (code, dim, val) VALUES
	('A1b', 'type', 'meeting'),
	('A1c', 'type', 'media_appearance'),
	('A1c', 'medium', 'print'), ('A1c', 'medium', 'broadcast'),
	('A1d', 'type', 'event_organised'), ('A1d', 'type', 'event_participated'),
	('A2a', 'type', 'coalition_meeting'), ('A2a', 'kind', 'coalition'),
	('A2b', 'category', 'faith_leader'),
	('A2c', 'type', 'interfaith_meeting'),
	('A3d', 'type', 'coalition_meeting'),
	('A4a', 'type', 'written_briefing'),
	('A4b', 'type', 'meeting'), ('A4b', 'category', 'fcdo_official'),
	('A4c', 'type', 'meeting'), ('A4c', 'category', 'hias_staff'),
	('A4d', 'category', 'hias_staff'),
	('A4e', 'kind', 'hias_country_office'),
	('A5a', 'type', 'media_appearance'),
	('A5a', 'medium', 'print'), ('A5a', 'medium', 'broadcast'),
	('A5a', 'area', 'Racial justice'),
	('A5b', 'type', 'event_organised'), ('A5b', 'type', 'event_participated'),
	('A5b', 'area', 'Racial justice');

INSERT INTO kpis (strategy_id, objective_id, code, label, key_measure, unit,
    source, accumulate, measure, decision_makers, newness, sort_order,
    created_at, updated_at)
SELECT @strategy, o.id, sk.code, sk.label, sk.key_measure, sk.unit,
    sk.source, sk.accumulate, sk.measure, sk.decision_makers, sk.newness,
    ASCII(RIGHT(sk.code, 1)) - ASCII('a') + 1, UTC_TIMESTAMP(),
    UTC_TIMESTAMP()
FROM seed_kpi sk
JOIN strategy_objectives o ON o.code = sk.objective
JOIN strategy_aims a ON a.id = o.aim_id AND a.strategy_id = @strategy
ORDER BY a.sort_order, o.sort_order, sk.code;

INSERT INTO kpi_targets (kpi_id, year, target)
SELECT k.id, 2024, sk.target FROM seed_kpi sk
JOIN kpis k ON k.strategy_id = @strategy AND k.code = sk.code
WHERE sk.target IS NOT NULL;

INSERT INTO kpi_rule_types (kpi_id, type_code)
SELECT k.id, r.val FROM seed_rule r
JOIN kpis k ON k.strategy_id = @strategy AND k.code = r.code
WHERE r.dim = 'type';

INSERT INTO kpi_rule_media (kpi_id, medium)
SELECT k.id, r.val FROM seed_rule r
JOIN kpis k ON k.strategy_id = @strategy AND k.code = r.code
WHERE r.dim = 'medium';

INSERT INTO kpi_rule_categories (kpi_id, category)
SELECT k.id, r.val FROM seed_rule r
JOIN kpis k ON k.strategy_id = @strategy AND k.code = r.code
WHERE r.dim = 'category';

INSERT INTO kpi_rule_org_kinds (kpi_id, kind)
SELECT k.id, r.val FROM seed_rule r
JOIN kpis k ON k.strategy_id = @strategy AND k.code = r.code
WHERE r.dim = 'kind';

INSERT INTO kpi_rule_areas (kpi_id, policy_area_id)
SELECT k.id, pa.id FROM seed_rule r
JOIN kpis k ON k.strategy_id = @strategy AND k.code = r.code
JOIN policy_areas pa ON pa.name = r.val
WHERE r.dim = 'area';

INSERT INTO strategy_decisions (strategy_id, at, actor, entity, entity_id,
    label, action, before_data, after_data, reason)
VALUES (@strategy, UTC_TIMESTAMP(), 'migration 007', 'strategy', @strategy,
    'HIAS+JCORE strategy 2024–2027', 'create', NULL, NULL,
    'Loaded as default data from the published strategy (aims, objectives, year-one SMART goals, KPIs and the year-one targets it states).');

DROP TEMPORARY TABLE seed_objective;
DROP TEMPORARY TABLE seed_kpi;
DROP TEMPORARY TABLE seed_rule;

-- Count what is already recorded.
CALL kpi_rebuild();
