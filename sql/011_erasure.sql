-- Erasure and retention (issue 11, parts 3 and 4).
--
-- An erased person keeps their people row, so the engagements, KPI hits
-- and report counts that link to it stand: every personal field is
-- blanked (lib/privacy_erase.c says which, table by table), full_name
-- becomes 'Erased person' and erased_at is set.  An erased row is also
-- soft-deleted, so every list, picker and press match that skips deleted
-- people skips it; unlike a deleted one it can never be restored.
ALTER TABLE people ADD COLUMN erased_at DATETIME NULL AFTER deleted_at;

-- The tombstone: that an erasure happened, when, by whom and why
-- ('request': a data subject asked; 'retention': the retention rules).
-- Nothing here identifies the person, not even the id their row keeps.
CREATE TABLE erasures (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	erased_at	DATETIME NOT NULL,
	erased_by	VARCHAR(100) NOT NULL,
	reason		ENUM('request', 'retention') NOT NULL,
	KEY erasures_at (erased_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How long a person of a category is kept after the last contact with
-- them (their latest live engagement; if they never had one, the last
-- edit or the creation of their record).  months NULL: no limit.
-- exempt_current: people marked current (sitting MPs, Peers and
-- councillors) are kept while they hold office, whatever the months.
-- A category without a row has no limit.
CREATE TABLE retention_rules (
	category	VARCHAR(40) CHARACTER SET ascii NOT NULL PRIMARY KEY,
	months		SMALLINT UNSIGNED NULL,
	exempt_current	TINYINT(1) NOT NULL DEFAULT 0,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	updated_by	VARCHAR(100) NOT NULL DEFAULT '',
	updated_at	DATETIME NOT NULL,
	CONSTRAINT retention_rules_months CHECK (months IS NULL
	    OR months BETWEEN 1 AND 1200),
	CONSTRAINT retention_rules_category FOREIGN KEY (category)
	    REFERENCES person_categories (code) ON UPDATE CASCADE
	    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The defaults (PRIVACY.md explains them): office holders six years
-- (a Parliament and more) after they leave office, while in office never;
-- councillors four (a council term); officials, faith leaders and
-- coalition partners four; journalists three; HIAS colleagues and
-- 'other' (where someone with lived experience of the asylum system
-- would be filed) two.
INSERT INTO retention_rules (category, months, exempt_current, updated_by,
    updated_at)
SELECT code, CASE code
	WHEN 'mp' THEN 72 WHEN 'peer' THEN 72 WHEN 'councillor' THEN 48
	WHEN 'civil_servant' THEN 48 WHEN 'fcdo_official' THEN 48
	WHEN 'journalist' THEN 36 WHEN 'faith_leader' THEN 48
	WHEN 'coalition_partner' THEN 48 WHEN 'hias_staff' THEN 24
	ELSE 24 END,
    code IN ('mp', 'peer', 'councillor'), 'migration', UTC_TIMESTAMP()
FROM person_categories;

-- Each real retention run, for the monthly reminder on the admin page.
CREATE TABLE retention_runs (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	ran_at		DATETIME NOT NULL,
	actor		VARCHAR(100) NOT NULL,
	erased		INT UNSIGNED NOT NULL DEFAULT 0,
	KEY retention_runs_at (ran_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
