-- Engagements and their people, organisations, staff, policy areas and
-- follow-ups.  Whether a person was new to us on an engagement is not
-- stored: it is derived from the dates, so back-dated entries, edits and
-- deletions can never leave it wrong.
--
-- occurred_on and occurred_time are the wall-clock date and time in the
-- UK (Europe/London) when the engagement happened, shown as entered; the
-- *_at columns are UTC timestamps.

CREATE TABLE engagement_types (
	code		VARCHAR(40) CHARACTER SET ascii NOT NULL PRIMARY KEY,
	label		VARCHAR(100) NOT NULL,
	sort_order	INT NOT NULL DEFAULT 0,
	UNIQUE KEY engagement_types_label (label)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO engagement_types (code, label, sort_order) VALUES
	('meeting', 'Meeting', 10),
	('written_briefing', 'Written briefing', 20),
	('correspondence', 'Correspondence', 30),
	('event_organised', 'Event organised', 40),
	('event_participated', 'Event participated', 50),
	('media_appearance', 'Media appearance', 60),
	('coalition_meeting', 'Coalition meeting', 70),
	('interfaith_meeting', 'Interfaith network meeting', 80),
	('appg_meeting', 'APPG meeting', 90),
	('parliamentary_activity', 'Parliamentary activity', 100),
	('consultation_response', 'Consultation response', 110);

CREATE TABLE engagements (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	type		VARCHAR(40) CHARACTER SET ascii NOT NULL,
	occurred_on	DATE NOT NULL,
	occurred_time	TIME NULL,
	title		VARCHAR(300) NOT NULL,
	summary		TEXT NOT NULL,
	outcome		TEXT NOT NULL,
	media_outlet_id	BIGINT UNSIGNED NULL,
	media_medium	ENUM('print', 'broadcast', 'online') NULL,
	media_programme	VARCHAR(300) NOT NULL DEFAULT '',
	media_link	VARCHAR(1000) NOT NULL DEFAULT '',
	created_by	BIGINT UNSIGNED NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	deleted_at	DATETIME NULL,
	KEY engagements_date (occurred_on, occurred_time, id),
	KEY engagements_type (type, occurred_on),
	CONSTRAINT engagements_type_fk FOREIGN KEY (type)
	    REFERENCES engagement_types (code) ON UPDATE CASCADE,
	CONSTRAINT engagements_outlet_fk FOREIGN KEY (media_outlet_id)
	    REFERENCES organisations (id),
	CONSTRAINT engagements_created_by_fk FOREIGN KEY (created_by)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE engagement_people (
	engagement_id	BIGINT UNSIGNED NOT NULL,
	person_id	BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (engagement_id, person_id),
	KEY engagement_people_person (person_id, engagement_id),
	CONSTRAINT engagement_people_e FOREIGN KEY (engagement_id)
	    REFERENCES engagements (id) ON DELETE CASCADE,
	CONSTRAINT engagement_people_p FOREIGN KEY (person_id)
	    REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE engagement_organisations (
	engagement_id	BIGINT UNSIGNED NOT NULL,
	organisation_id	BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (engagement_id, organisation_id),
	KEY engagement_organisations_org (organisation_id, engagement_id),
	CONSTRAINT engagement_organisations_e FOREIGN KEY (engagement_id)
	    REFERENCES engagements (id) ON DELETE CASCADE,
	CONSTRAINT engagement_organisations_o FOREIGN KEY (organisation_id)
	    REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE engagement_staff (
	engagement_id	BIGINT UNSIGNED NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (engagement_id, user_id),
	CONSTRAINT engagement_staff_e FOREIGN KEY (engagement_id)
	    REFERENCES engagements (id) ON DELETE CASCADE,
	CONSTRAINT engagement_staff_u FOREIGN KEY (user_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE engagement_policy_areas (
	engagement_id	BIGINT UNSIGNED NOT NULL,
	policy_area_id	BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (engagement_id, policy_area_id),
	KEY engagement_policy_areas_area (policy_area_id, engagement_id),
	CONSTRAINT engagement_policy_areas_e FOREIGN KEY (engagement_id)
	    REFERENCES engagements (id) ON DELETE CASCADE,
	CONSTRAINT engagement_policy_areas_a FOREIGN KEY (policy_area_id)
	    REFERENCES policy_areas (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE follow_ups (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	engagement_id	BIGINT UNSIGNED NOT NULL,
	action		VARCHAR(500) NOT NULL,
	owner_id	BIGINT UNSIGNED NULL,
	due_on		DATE NULL,
	done_at		DATETIME NULL,
	KEY follow_ups_owner (owner_id, done_at, due_on),
	CONSTRAINT follow_ups_engagement FOREIGN KEY (engagement_id)
	    REFERENCES engagements (id) ON DELETE CASCADE,
	CONSTRAINT follow_ups_owner_fk FOREIGN KEY (owner_id)
	    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
