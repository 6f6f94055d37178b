-- Keeping the directory current: dated terms, imports, merges.
--
-- A person's party, House, constituency, role and category are kept with
-- the dates they held, so a report for 2024-25 can count the party a
-- member had then.  The people row holds the current values; person_terms
-- holds every period, the open one with ended_on NULL.

CREATE TABLE person_terms (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	person_id	BIGINT UNSIGNED NOT NULL,
	category	VARCHAR(40) CHARACTER SET ascii NOT NULL,
	party		VARCHAR(100) NOT NULL DEFAULT '',
	house		ENUM('commons', 'lords') NULL,
	constituency	VARCHAR(200) NOT NULL DEFAULT '',
	role_title	VARCHAR(200) NOT NULL DEFAULT '',
	organisation_id	BIGINT UNSIGNED NULL,
	started_on	DATE NOT NULL,
	ended_on	DATE NULL,
	source		VARCHAR(40) NOT NULL DEFAULT 'manual',
	created_at	DATETIME NOT NULL,
	KEY person_terms_person (person_id, started_on),
	CONSTRAINT person_terms_person_fk FOREIGN KEY (person_id)
	    REFERENCES people (id),
	CONSTRAINT person_terms_org_fk FOREIGN KEY (organisation_id)
	    REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Councillors are matched on the council's own ModernGov id, per council.
ALTER TABLE people ADD UNIQUE KEY people_moderngov (organisation_id,
    moderngov_id);

-- One row per import run: what came in and what it did.
CREATE TABLE import_runs (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		VARCHAR(40) NOT NULL,	-- parliament, moderngov, csv
	source		VARCHAR(1000) NOT NULL,	-- file name or URL
	organisation_id	BIGINT UNSIGNED NULL,	-- the council, for moderngov
	actor		VARCHAR(100) NOT NULL,
	added		INT UNSIGNED NOT NULL DEFAULT 0,
	updated		INT UNSIGNED NOT NULL DEFAULT 0,
	retired		INT UNSIGNED NOT NULL DEFAULT 0,
	unchanged	INT UNSIGNED NOT NULL DEFAULT 0,
	at		DATETIME NOT NULL,
	KEY import_runs_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A merge moves everything of the merged person to the survivor and
-- soft-deletes the merged one; what moved is kept so it can be undone.
CREATE TABLE person_merges (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	survivor_id	BIGINT UNSIGNED NOT NULL,
	merged_id	BIGINT UNSIGNED NOT NULL,
	moved		TEXT NOT NULL,		-- JSON: engagement and term ids moved
	actor		VARCHAR(100) NOT NULL,
	at		DATETIME NOT NULL,
	undone_at	DATETIME NULL,
	KEY person_merges_survivor (survivor_id),
	KEY person_merges_merged (merged_id),
	CONSTRAINT person_merges_survivor_fk FOREIGN KEY (survivor_id)
	    REFERENCES people (id),
	CONSTRAINT person_merges_merged_fk FOREIGN KEY (merged_id)
	    REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Everyone already in the directory starts with one open term.
INSERT INTO person_terms (person_id, category, party, house, constituency,
    role_title, organisation_id, started_on, source, created_at)
SELECT id, category, party, house, constituency, role_title, organisation_id,
    DATE(created_at), 'manual', UTC_TIMESTAMP() FROM people;
