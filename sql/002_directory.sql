-- The directory: person categories, organisations, people, policy areas.
-- Categories and engagement types are rows, not code, so an admin can
-- rename them or add new ones; the codes are what counting rules use.

CREATE TABLE person_categories (
	code		VARCHAR(40) CHARACTER SET ascii NOT NULL PRIMARY KEY,
	label		VARCHAR(100) NOT NULL,
	decision_maker	TINYINT(1) NOT NULL DEFAULT 0,
	sort_order	INT NOT NULL DEFAULT 0,
	UNIQUE KEY person_categories_label (label)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO person_categories (code, label, decision_maker, sort_order) VALUES
	('mp', 'MP', 1, 10),
	('peer', 'Peer', 1, 20),
	('councillor', 'Councillor', 1, 30),
	('civil_servant', 'Civil servant', 1, 40),
	('fcdo_official', 'FCDO official', 1, 50),
	('journalist', 'Journalist', 0, 60),
	('faith_leader', 'Faith leader', 0, 70),
	('coalition_partner', 'Coalition partner', 0, 80),
	('hias_staff', 'HIAS staff', 0, 90),
	('other', 'Other', 0, 100);

-- kind: council, government_department, fcdo_desk, media_outlet,
-- coalition, faith_body, ngo, hias_country_office.
CREATE TABLE organisations (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(200) NOT NULL,
	kind		ENUM('council', 'government_department', 'fcdo_desk',
			    'media_outlet', 'coalition', 'faith_body', 'ngo',
			    'hias_country_office') NOT NULL,
	medium		ENUM('print', 'broadcast', 'online') NULL,
	parent_id	BIGINT UNSIGNED NULL,
	website		VARCHAR(500) NOT NULL DEFAULT '',
	notes		TEXT NOT NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	deleted_at	DATETIME NULL,
	KEY organisations_name (name),
	KEY organisations_kind (kind),
	CONSTRAINT organisations_parent_fk FOREIGN KEY (parent_id)
	    REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE people (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	full_name	VARCHAR(200) NOT NULL,
	category	VARCHAR(40) CHARACTER SET ascii NOT NULL,
	role_title	VARCHAR(200) NOT NULL DEFAULT '',
	party		VARCHAR(100) NOT NULL DEFAULT '',
	house		ENUM('commons', 'lords') NULL,
	constituency	VARCHAR(200) NOT NULL DEFAULT '',
	organisation_id	BIGINT UNSIGNED NULL,
	email		VARCHAR(254) NOT NULL DEFAULT '',
	phone		VARCHAR(50) NOT NULL DEFAULT '',
	notes		TEXT NOT NULL,
	parliament_id	INT UNSIGNED NULL,
	twfy_id		INT UNSIGNED NULL,
	moderngov_id	VARCHAR(64) NULL,
	is_current	TINYINT(1) NOT NULL DEFAULT 1,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	deleted_at	DATETIME NULL,
	KEY people_name (full_name),
	KEY people_category (category),
	KEY people_party (party),
	UNIQUE KEY people_parliament (parliament_id),
	CONSTRAINT people_category_fk FOREIGN KEY (category)
	    REFERENCES person_categories (code) ON UPDATE CASCADE,
	CONSTRAINT people_organisation_fk FOREIGN KEY (organisation_id)
	    REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE policy_areas (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(200) NOT NULL,
	priority	TINYINT(1) NOT NULL DEFAULT 0,
	retired		TINYINT(1) NOT NULL DEFAULT 0,
	UNIQUE KEY policy_areas_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
