-- The APPG secretariat: groups, their officers, members and benefits,
-- meetings (agenda, attendance, actions), minutes with every version kept,
-- and the dated settings the House rules give their numbers through.
--
-- Party and House "at the time" are never stored here: they come from
-- the directory's dated history (person_terms, sql/004), so a member who
-- switches party or an officer who leaves the House shows in the checks
-- from the day the directory records it.
--
-- Dates (DATE columns) are UK calendar dates; *_at columns are UTC.
-- Deletes are soft (deleted_at) so they can be restored; rows a user
-- edits carry a version for optimistic concurrency.

-- The numbers of the Guide to the Rules on APPGs, and which parties
-- govern and lead the opposition, as values with the date they apply
-- from: the value in force on a day is the latest one starting on or
-- before it.  Admins add a row when the Guide or the Government changes.
CREATE TABLE appg_settings (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(40) CHARACTER SET ascii NOT NULL,
	value		VARCHAR(200) NOT NULL,
	valid_from	DATE NOT NULL,
	note		VARCHAR(500) NOT NULL DEFAULT '',
	created_by	VARCHAR(100) NOT NULL DEFAULT '',
	created_at	DATETIME NOT NULL,
	deleted_at	DATETIME NULL,
	KEY appg_settings_name (name, valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The rules agreed in July 2023 apply in full from 31 March 2024.
INSERT INTO appg_settings (name, value, valid_from, note, created_by,
    created_at) VALUES
	('officers_exact', '4', '2024-03-31', 'Guide to the Rules on APPGs: exactly four officers', 'migration', UTC_TIMESTAMP()),
	('officer_mps_min', '2', '2024-03-31', 'At least two officers are MPs, including the Chair and the Registered Contact', 'migration', UTC_TIMESTAMP()),
	('members_min', '20', '2024-03-31', 'At least 20 qualifying members (MPs and Peers)', 'migration', UTC_TIMESTAMP()),
	('officer_posts_max', '6', '2024-03-31', 'A Member may be an officer of at most six APPGs', 'migration', UTC_TIMESTAMP()),
	('agm_quorum', '8', '2024-03-31', 'AGM quorum: from a single secondary source, so check it', 'migration', UTC_TIMESTAMP()),
	('egm_quorum', '8', '2024-03-31', 'Taken to be the AGM quorum until the Guide says otherwise', 'migration', UTC_TIMESTAMP()),
	('meetings_min', '2', '2024-03-31', 'At least two meetings a reporting year, one the AGM or the inaugural meeting', 'migration', UTC_TIMESTAMP()),
	('notice_days', '7', '2024-03-31', 'Notice in All-Party Notices at least a week ahead of an AGM, EGM, a vote or decision, or an outside speaker', 'migration', UTC_TIMESTAMP()),
	('agm_deadline_months', '4', '2024-03-31', 'The reporting deadline is about four months after the reporting year ends', 'migration', UTC_TIMESTAMP()),
	('benefit_band', '1500', '2024-03-31', 'Benefits are registered in bands of this many pounds; smaller ones need no entry', 'migration', UTC_TIMESTAMP()),
	('annual_report_threshold', '1500', '2024-03-31', 'Above this many pounds of outside benefits in a calendar year: an annual report and an AGM chaired from the Speaker''s pool', 'migration', UTC_TIMESTAMP()),
	('governing_party', 'Conservative', '2010-05-11', 'Party of Government', 'migration', UTC_TIMESTAMP()),
	('governing_party', 'Labour', '2024-07-05', 'Party of Government after the 2024 general election', 'migration', UTC_TIMESTAMP()),
	('opposition_party', 'Labour', '2010-05-11', 'Official Opposition', 'migration', UTC_TIMESTAMP()),
	('opposition_party', 'Conservative', '2024-07-05', 'Official Opposition after the 2024 general election', 'migration', UTC_TIMESTAMP());

-- year_end_month/day: the last day of the group's reporting year.
-- reporting_deadline: the next deadline the Registrar gave, if known.
CREATE TABLE appg_groups (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	title		VARCHAR(300) NOT NULL,
	purpose		TEXT NOT NULL,
	category	ENUM('subject', 'country') NOT NULL DEFAULT 'subject',
	year_end_month	TINYINT UNSIGNED NOT NULL,
	year_end_day	TINYINT UNSIGNED NOT NULL,
	reporting_deadline DATE NULL,
	enquiry_point	VARCHAR(500) NOT NULL DEFAULT '',
	website		VARCHAR(1000) NOT NULL DEFAULT '',
	secretariat	VARCHAR(500) NOT NULL DEFAULT '',
	registered_on	DATE NULL,
	ie_published_on	DATE NULL,
	annual_report_on DATE NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	deleted_at	DATETIME NULL,
	KEY appg_groups_title (title)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per post held; a person holding two posts (Chair and
-- Registered Contact) has two rows and counts once as an officer.
-- In post from started_on until the day before ended_on.
-- posts_elsewhere: officer posts in groups the tracker does not know.
CREATE TABLE appg_officers (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	group_id	BIGINT UNSIGNED NOT NULL,
	person_id	BIGINT UNSIGNED NOT NULL,
	post		ENUM('chair', 'registered_contact', 'vice_chair',
			    'treasurer', 'secretary', 'officer') NOT NULL,
	started_on	DATE NOT NULL,
	ended_on	DATE NULL,
	posts_elsewhere	TINYINT UNSIGNED NOT NULL DEFAULT 0,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	deleted_at	DATETIME NULL,
	KEY appg_officers_group (group_id, started_on),
	KEY appg_officers_person (person_id),
	CONSTRAINT appg_officers_group_fk FOREIGN KEY (group_id)
	    REFERENCES appg_groups (id),
	CONSTRAINT appg_officers_person_fk FOREIGN KEY (person_id)
	    REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE appg_members (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	group_id	BIGINT UNSIGNED NOT NULL,
	person_id	BIGINT UNSIGNED NOT NULL,
	joined_on	DATE NOT NULL,
	left_on		DATE NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	deleted_at	DATETIME NULL,
	KEY appg_members_group (group_id, joined_on),
	KEY appg_members_person (person_id),
	CONSTRAINT appg_members_group_fk FOREIGN KEY (group_id)
	    REFERENCES appg_groups (id),
	CONSTRAINT appg_members_person_fk FOREIGN KEY (person_id)
	    REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- value_pounds gives the £1,500 band the Register shows.
CREATE TABLE appg_benefits (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	group_id	BIGINT UNSIGNED NOT NULL,
	source		VARCHAR(300) NOT NULL,
	kind		ENUM('in_kind', 'financial') NOT NULL,
	description	TEXT NOT NULL,
	value_pounds	INT UNSIGNED NOT NULL,
	received_on	DATE NOT NULL,
	registered_on	DATE NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	deleted_at	DATETIME NULL,
	KEY appg_benefits_group (group_id, received_on),
	CONSTRAINT appg_benefits_group_fk FOREIGN KEY (group_id)
	    REFERENCES appg_groups (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- notice_on: when the notice appeared in All-Party Notices.
-- decision_planned: a vote or decision was on the agenda (needs notice).
-- ie_*: an AGM's income and expenditure statement.
-- chair_from_pool: chaired by a Member from the Speaker's pool (needed
-- after a year with more than the threshold of outside benefits).
-- engagement_id: the "APPG meeting" engagement recording who was there.
CREATE TABLE appg_meetings (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	group_id	BIGINT UNSIGNED NOT NULL,
	kind		ENUM('inaugural', 'agm', 'egm', 'general', 'event')
			    NOT NULL,
	title		VARCHAR(300) NOT NULL DEFAULT '',
	held_on		DATE NOT NULL,
	starts_at	TIME NULL,
	place		VARCHAR(300) NOT NULL DEFAULT '',
	notice_on	DATE NULL,
	decision_planned TINYINT(1) NOT NULL DEFAULT 0,
	ie_approved	TINYINT(1) NOT NULL DEFAULT 0,
	ie_nil_return	TINYINT(1) NOT NULL DEFAULT 0,
	ie_income	INT UNSIGNED NULL,
	ie_expenditure	INT UNSIGNED NULL,
	chair_person_id	BIGINT UNSIGNED NULL,
	chair_from_pool	TINYINT(1) NOT NULL DEFAULT 0,
	engagement_id	BIGINT UNSIGNED NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	deleted_at	DATETIME NULL,
	KEY appg_meetings_group (group_id, held_on),
	CONSTRAINT appg_meetings_group_fk FOREIGN KEY (group_id)
	    REFERENCES appg_groups (id),
	CONSTRAINT appg_meetings_chair_fk FOREIGN KEY (chair_person_id)
	    REFERENCES people (id),
	CONSTRAINT appg_meetings_engagement_fk FOREIGN KEY (engagement_id)
	    REFERENCES engagements (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- papers: one per line, "Title https://..." or just the address.
CREATE TABLE appg_agenda_items (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	meeting_id	BIGINT UNSIGNED NOT NULL,
	position	INT UNSIGNED NOT NULL,
	title		VARCHAR(300) NOT NULL,
	papers		TEXT NOT NULL,
	discussion	TEXT NOT NULL,
	decision	TEXT NOT NULL,
	KEY appg_agenda_meeting (meeting_id, position),
	CONSTRAINT appg_agenda_meeting_fk FOREIGN KEY (meeting_id)
	    REFERENCES appg_meetings (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A parliamentarian from the directory (person_id), or a named guest
-- (person_id NULL, name given); capacity says why someone not a member
-- was there.
CREATE TABLE appg_attendance (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	meeting_id	BIGINT UNSIGNED NOT NULL,
	position	INT UNSIGNED NOT NULL,
	person_id	BIGINT UNSIGNED NULL,
	name		VARCHAR(200) NOT NULL DEFAULT '',
	organisation	VARCHAR(200) NOT NULL DEFAULT '',
	status		ENUM('present', 'apologies', 'in_attendance') NOT NULL,
	capacity	ENUM('member', 'speaker', 'guest', 'secretariat',
			    'official') NOT NULL DEFAULT 'member',
	KEY appg_attendance_meeting (meeting_id, position),
	KEY appg_attendance_person (person_id),
	CONSTRAINT appg_attendance_meeting_fk FOREIGN KEY (meeting_id)
	    REFERENCES appg_meetings (id) ON DELETE CASCADE,
	CONSTRAINT appg_attendance_person_fk FOREIGN KEY (person_id)
	    REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Actions keep their ids across edits of the meeting, so "mark done"
-- and the audit log still find them.
CREATE TABLE appg_actions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	meeting_id	BIGINT UNSIGNED NOT NULL,
	position	INT UNSIGNED NOT NULL,
	action		VARCHAR(500) NOT NULL,
	owner		VARCHAR(200) NOT NULL DEFAULT '',
	due_on		DATE NULL,
	done_on		DATE NULL,
	KEY appg_actions_meeting (meeting_id, position),
	KEY appg_actions_open (done_on, due_on),
	CONSTRAINT appg_actions_meeting_fk FOREIGN KEY (meeting_id)
	    REFERENCES appg_meetings (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A meeting's minutes: draft -> circulated -> approved (at a later
-- meeting, approved_at_meeting_id), which locks them.  The text of every
-- saved version is in appg_minutes_versions; current_number is the one
-- shown, circulated_number the one sent round.
CREATE TABLE appg_minutes (
	meeting_id	BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	status		ENUM('draft', 'circulated', 'approved') NOT NULL
			    DEFAULT 'draft',
	current_number	INT UNSIGNED NOT NULL,
	circulated_number INT UNSIGNED NULL,
	circulated_on	DATE NULL,
	approved_on	DATE NULL,
	approved_at_meeting_id BIGINT UNSIGNED NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	CONSTRAINT appg_minutes_meeting_fk FOREIGN KEY (meeting_id)
	    REFERENCES appg_meetings (id),
	CONSTRAINT appg_minutes_approved_fk FOREIGN KEY (approved_at_meeting_id)
	    REFERENCES appg_meetings (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- how: generated, edited, regenerated.
CREATE TABLE appg_minutes_versions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	meeting_id	BIGINT UNSIGNED NOT NULL,
	number		INT UNSIGNED NOT NULL,
	body		MEDIUMTEXT NOT NULL,
	how		VARCHAR(20) NOT NULL,
	created_by	VARCHAR(100) NOT NULL,
	created_at	DATETIME NOT NULL,
	UNIQUE KEY appg_minutes_versions_number (meeting_id, number),
	CONSTRAINT appg_minutes_versions_meeting_fk FOREIGN KEY (meeting_id)
	    REFERENCES appg_meetings (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The engagement a meeting records (sql/003 has it; kept here so the
-- APPG area never depends on that seed row being untouched).
INSERT IGNORE INTO engagement_types (code, label, sort_order)
VALUES ('appg_meeting', 'APPG meeting', 90);
