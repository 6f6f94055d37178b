-- Accounts, sessions, login throttling and the audit log.
-- Times are UTC (every connection sets time_zone = '+00:00').

CREATE TABLE users (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	username	VARCHAR(64) NOT NULL,
	display_name	VARCHAR(200) NOT NULL,
	role		ENUM('viewer', 'editor', 'admin') NOT NULL DEFAULT 'viewer',
	password_hash	VARCHAR(255) NOT NULL,
	disabled	TINYINT(1) NOT NULL DEFAULT 0,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	UNIQUE KEY users_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- token_hash is the SHA-256 of the cookie's token: a copy of this table
-- does not let anyone log in.
CREATE TABLE sessions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	token_hash	CHAR(64) CHARACTER SET ascii NOT NULL,
	user_id		BIGINT UNSIGNED NOT NULL,
	csrf_token	CHAR(64) CHARACTER SET ascii NOT NULL,
	remote_addr	VARCHAR(64) NOT NULL DEFAULT '',
	created_at	DATETIME NOT NULL,
	last_seen_at	DATETIME NOT NULL,
	expires_at	DATETIME NOT NULL,
	UNIQUE KEY sessions_token (token_hash),
	KEY sessions_user (user_id),
	KEY sessions_expiry (expires_at),
	CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE login_failures (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	username	VARCHAR(64) NOT NULL,
	remote_addr	VARCHAR(64) NOT NULL DEFAULT '',
	attempted_at	DATETIME NOT NULL,
	KEY login_failures_user (username, attempted_at),
	KEY login_failures_addr (remote_addr, attempted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per change, written in the same transaction as the change.
CREATE TABLE audit_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	at		DATETIME NOT NULL,
	actor		VARCHAR(100) NOT NULL,
	entity		VARCHAR(40) NOT NULL,
	entity_id	BIGINT UNSIGNED NULL,
	action		VARCHAR(20) NOT NULL,
	before_data	TEXT NULL,
	after_data	TEXT NULL,
	KEY audit_entity (entity, entity_id),
	KEY audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
