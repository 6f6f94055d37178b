-- The dashboard's counted KPIs, stored per period (issue 10).
--
-- KQ_COUNTS (lib/kpi.c) counts distinct subjects per KPI and month WITH
-- ROLLUP over a period's kpi_hits; at a million engagements a year's
-- dashboard reads 80,000 hits a view.  Its figures are kept here, one
-- row a period and set of KPIs, and read again while nothing they count
-- has changed.
--
-- Every change to kpi_hits adds a row to kpi_count_marks (the KPI and
-- the day it counts), from the triggers below: inserts only, no row
-- that saves share, so concurrent saves neither wait nor deadlock on
-- them.  A mark and the hits it stands for commit together.
--
-- Why a stored period is exact while the number of marks that touch it
-- (its KPIs, its days, or the whole KPI: occurred_on NULL) equals the
-- number it was stored with: marks are only added, except by a cleanup
-- that removes every stored period with them.  The recompute counts the
-- period's marks in one statement and then reads the hits in a later
-- one, at READ COMMITTED: a change committed before the count is in the
-- hits read; one committed after it adds a mark the stored count lacks,
-- whatever its auto-increment id (ids are not in commit order, so a
-- high-water id would miss a transaction that took a lower id and
-- committed later).  A view checks the stored count against the marks
-- in the same statement that reads the figures, so it sees one state.
-- Recomputes and the cleanup take kpi_count_lock's row, one at a time,
-- so a cleanup cannot fall between a recompute's count and its store;
-- saves never take it.
--
-- Foreign-key cascades fire no triggers: a hard-deleted engagement marks
-- its hits before it goes.  kpi_rebuild() and kpi_rebuild_kpi() rewrite
-- whole KPIs: they mark each KPI once (occurred_on NULL) rather than a
-- mark a hit.

CREATE TABLE kpi_count_marks (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kpi_id		BIGINT UNSIGNED NOT NULL,
	occurred_on	DATE NULL,		-- NULL: every day of the KPI
	KEY kpi_count_marks_day (kpi_id, occurred_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- figures: a line "kpi_id ym n" per KQ_COUNTS row (ym "-" for the
-- KPI's period total), numbers only.
CREATE TABLE kpi_count_periods (
	from_day	DATE NOT NULL,
	to_day		DATE NOT NULL,
	kpis		VARCHAR(700) CHARACTER SET ascii NOT NULL,
	marks		BIGINT UNSIGNED NOT NULL,
	figures		MEDIUMTEXT CHARACTER SET ascii NOT NULL,
	PRIMARY KEY (from_day, to_day, kpis)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kpi_count_lock (
	id		TINYINT UNSIGNED NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO kpi_count_lock (id) VALUES (1);

CREATE TRIGGER kpi_hits_mark_insert AFTER INSERT ON kpi_hits FOR EACH ROW
BEGIN
	IF @kpi_count_marks_off IS NULL THEN
		INSERT INTO kpi_count_marks (kpi_id, occurred_on)
		VALUES (NEW.kpi_id, NEW.occurred_on);
	END IF;
END;

CREATE TRIGGER kpi_hits_mark_delete AFTER DELETE ON kpi_hits FOR EACH ROW
BEGIN
	IF @kpi_count_marks_off IS NULL THEN
		INSERT INTO kpi_count_marks (kpi_id, occurred_on)
		VALUES (OLD.kpi_id, OLD.occurred_on);
	END IF;
END;

CREATE TRIGGER kpi_hits_mark_update AFTER UPDATE ON kpi_hits FOR EACH ROW
BEGIN
	IF @kpi_count_marks_off IS NULL THEN
		INSERT INTO kpi_count_marks (kpi_id, occurred_on)
		VALUES (OLD.kpi_id, OLD.occurred_on), (NEW.kpi_id, NEW.occurred_on);
	END IF;
END;

-- The cascade to kpi_hits fires no trigger.
CREATE TRIGGER engagements_kpi_count_delete BEFORE DELETE ON engagements
FOR EACH ROW
	INSERT INTO kpi_count_marks (kpi_id, occurred_on)
	SELECT kpi_id, occurred_on FROM kpi_hits WHERE engagement_id = OLD.id;

DROP PROCEDURE kpi_rebuild_kpi;

-- Count one KPI again from scratch (its rule or source changed).  The
-- handler turns the per-hit marks back on if a statement fails, so a
-- kept connection never goes on without them.
CREATE PROCEDURE kpi_rebuild_kpi(kid BIGINT UNSIGNED)
	MODIFIES SQL DATA
BEGIN
	DECLARE EXIT HANDLER FOR SQLEXCEPTION
	BEGIN
		SET @kpi_count_marks_off = NULL;
		RESIGNAL;
	END;
	SET @kpi_count_marks_off = 1;
	INSERT INTO kpi_count_marks (kpi_id, occurred_on) VALUES (kid, NULL);
	DELETE FROM kpi_hits WHERE kpi_id = kid;
	INSERT INTO kpi_hits (kpi_id, occurred_on, engagement_id, subject_id)
	SELECT kpi_id, occurred_on, engagement_id, subject_id
	FROM kpi_hit_rows WHERE kpi_id = kid;
	SET @kpi_count_marks_off = NULL;
END;

DROP PROCEDURE kpi_rebuild;

-- Everything again from scratch: after a bulk load, or to check.
CREATE PROCEDURE kpi_rebuild()
	MODIFIES SQL DATA
BEGIN
	DECLARE EXIT HANDLER FOR SQLEXCEPTION
	BEGIN
		SET @kpi_count_marks_off = NULL;
		RESIGNAL;
	END;
	SET @kpi_count_marks_off = 1;
	INSERT INTO kpi_count_marks (kpi_id, occurred_on)
	SELECT id, NULL FROM kpis;
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
	SET @kpi_count_marks_off = NULL;
END;
