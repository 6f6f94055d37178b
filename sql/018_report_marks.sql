-- The report's marks of stale days are only inserted: saves on one day
-- no longer queue on that day's row.
--
-- report_dirty_days held one row a day, and every mark set its gen with
-- INSERT ... ON DUPLICATE KEY UPDATE.  The first statement of a save, the
-- engagement's INSERT, marks its day, so the save held that day's row
-- from there to its COMMIT, and every other save of the same day waited
-- for it: saves of one day ran one at a time for most of their
-- transaction (make bench: 286 saves a second linking two people, all
-- 13 lock waits seen in SHOW ENGINE INNODB STATUS on that row).
--
-- Now each mark is a row of its own, (day, gen) with a new UUID_SHORT(),
-- as kpi_count_marks are (sql/016): inserts of different keys, which at
-- READ COMMITTED take no gap locks and so do not wait for each other.
-- The marking procedures are unchanged; their ON DUPLICATE KEY UPDATE no
-- longer meets a duplicate.  A refresh (lib/report.c) claims every mark
-- of the days it takes, by day and gen, and deletes exactly those after
-- counting; a mark added meanwhile has another gen and stays, as before.
-- A day is stale while it has any mark.  The counts join the claimed
-- days, once each (report_refresh_claim_days), not the claimed marks: with
-- 5,000 marks on each of two days, a count joined to the marks took
-- 0.37 s and joined to the days 0.02 s.

ALTER TABLE report_dirty_days DROP PRIMARY KEY, ADD PRIMARY KEY (day, gen);

ALTER TABLE report_refresh_claims DROP PRIMARY KEY,
    ADD PRIMARY KEY (conn, day, gen);

CREATE TABLE report_refresh_claim_days (
	conn		BIGINT UNSIGNED NOT NULL,
	day		DATE NOT NULL,
	PRIMARY KEY (conn, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
