-- Saves of one day no longer deadlock, and the report reads months
-- (issue 10).
--
-- The KPI trigger on a new engagement counted it with
-- kpi_refresh_engagement(), whose DELETE of the engagement's old hits
-- (there are none: ids are never reused) locked the gap above the
-- newest engagement in kpi_hits_engagement.  A new engagement's hits are
-- now only inserted.  (The other half of the deadlock, the triggers'
-- reads of engagement_people locking the gap after the newest link, is
-- lifted by saving at READ COMMITTED: lib/engagements.c.)
--
-- The report's MP seats read every person to find the current MPs;
-- people_house answers it from the 650 or so.
--
-- The report's counts by month (lib/report.c): report_month_counts holds
-- the sums of a month's report_day_counts, recomputed with its days by a
-- refresh, so a year's report adds 12 rows an item rather than 365.
-- Refreshes take report_refresh_lock's row first, one at a time, so each
-- month's sum reads every refresh committed before it.

-- A new engagement has no hits yet: only add them.
CREATE PROCEDURE kpi_count_new_engagement(eid BIGINT UNSIGNED)
	MODIFIES SQL DATA
BEGIN
	INSERT INTO kpi_hits (kpi_id, occurred_on, engagement_id, subject_id)
	SELECT kpi_id, occurred_on, engagement_id, subject_id
	FROM kpi_hit_rows WHERE engagement_id = eid;
END;

DROP TRIGGER engagements_kpi_insert;

CREATE TRIGGER engagements_kpi_insert AFTER INSERT ON engagements
FOR EACH ROW
BEGIN
	IF @tracker_kpi_bulk IS NULL THEN
		CALL kpi_count_new_engagement(NEW.id);
	END IF;
END;

ALTER TABLE people ADD KEY people_house (house, is_current, party);

CREATE TABLE report_month_counts (
	month		DATE NOT NULL,		-- its first day
	dimension	VARCHAR(20) CHARACTER SET ascii NOT NULL,
	item		VARCHAR(100) NOT NULL,
	n		INT UNSIGNED NOT NULL,
	PRIMARY KEY (month, dimension, item)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_refresh_lock (
	id		TINYINT UNSIGNED NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO report_refresh_lock (id) VALUES (1);

INSERT INTO report_month_counts (month, dimension, item, n)
SELECT day - INTERVAL DAYOFMONTH(day) - 1 DAY, dimension, item, SUM(n)
FROM report_day_counts
GROUP BY day - INTERVAL DAYOFMONTH(day) - 1 DAY, dimension, item;
