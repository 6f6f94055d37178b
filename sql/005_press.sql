-- Press monitoring: feeds, their items (deduplicated per feed), watch
-- terms and the mentions they find.

CREATE TABLE feeds (
	id			BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	title			VARCHAR(300) NOT NULL DEFAULT '',
	url			VARCHAR(1000) NOT NULL,
	enabled			TINYINT(1) NOT NULL DEFAULT 1,
	outlet_id		BIGINT UNSIGNED NULL,	-- the media outlet, if one
	etag			VARCHAR(500) NOT NULL DEFAULT '',
	last_modified		VARCHAR(100) NOT NULL DEFAULT '',
	last_fetch_at		DATETIME NULL,
	last_status		INT NOT NULL DEFAULT 0,	-- HTTP status, 0 if none
	items_seen		INT UNSIGNED NOT NULL DEFAULT 0,
	items_new		INT UNSIGNED NOT NULL DEFAULT 0,
	last_error		VARCHAR(1000) NOT NULL DEFAULT '',
	consecutive_failures	INT UNSIGNED NOT NULL DEFAULT 0,
	version			INT UNSIGNED NOT NULL DEFAULT 1,
	created_at		DATETIME NOT NULL,
	updated_at		DATETIME NOT NULL,
	deleted_at		DATETIME NULL,
	UNIQUE KEY feeds_url (url(500)),
	CONSTRAINT feeds_outlet_fk FOREIGN KEY (outlet_id)
	    REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An item is stored once per feed: item_key is the SHA-256 of its guid,
-- else its link, else its title and date.  story_key (the SHA-256 of its
-- folded title) groups the same story syndicated across outlets.
CREATE TABLE feed_items (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	feed_id		BIGINT UNSIGNED NOT NULL,
	item_key	CHAR(64) CHARACTER SET ascii NOT NULL,
	story_key	CHAR(64) CHARACTER SET ascii NOT NULL,
	guid		VARCHAR(1000) NOT NULL DEFAULT '',
	link		VARCHAR(2000) NOT NULL DEFAULT '',
	title		TEXT NOT NULL,		-- plain text
	summary		MEDIUMTEXT NOT NULL,	-- plain text
	author		VARCHAR(300) NOT NULL DEFAULT '',
	published_at	DATETIME NULL,		-- UTC
	fetched_at	DATETIME NOT NULL,
	UNIQUE KEY feed_items_key (feed_id, item_key),
	KEY feed_items_story (story_key),
	KEY feed_items_published (published_at),
	CONSTRAINT feed_items_feed_fk FOREIGN KEY (feed_id) REFERENCES feeds (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What to look for.  kind says what the term is about; person_id links a
-- spokesperson or parliamentarian in the directory.
CREATE TABLE watch_terms (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	term		VARCHAR(300) NOT NULL,
	kind		ENUM('organisation', 'person', 'topic', 'other')
			    NOT NULL DEFAULT 'other',
	exclude		TINYINT(1) NOT NULL DEFAULT 0,
	titles_only	TINYINT(1) NOT NULL DEFAULT 0,
	person_id	BIGINT UNSIGNED NULL,
	enabled		TINYINT(1) NOT NULL DEFAULT 1,
	created_at	DATETIME NOT NULL,
	UNIQUE KEY watch_terms_term (term, exclude),
	CONSTRAINT watch_terms_person_fk FOREIGN KEY (person_id)
	    REFERENCES people (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One mention per item that matched: new -> relevant or dismissed ->
-- logged (as a media engagement).
CREATE TABLE mentions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	item_id		BIGINT UNSIGNED NOT NULL,
	state		ENUM('new', 'relevant', 'dismissed', 'logged')
			    NOT NULL DEFAULT 'new',
	engagement_id	BIGINT UNSIGNED NULL,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	UNIQUE KEY mentions_item (item_id),
	KEY mentions_state (state, created_at),
	CONSTRAINT mentions_item_fk FOREIGN KEY (item_id)
	    REFERENCES feed_items (id),
	CONSTRAINT mentions_engagement_fk FOREIGN KEY (engagement_id)
	    REFERENCES engagements (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where each term matched, to highlight it in a snippet.
CREATE TABLE mention_hits (
	mention_id	BIGINT UNSIGNED NOT NULL,
	term_id		BIGINT UNSIGNED NOT NULL,
	field		ENUM('title', 'summary') NOT NULL,
	start		INT UNSIGNED NOT NULL,	-- byte offset in the plain text
	length		INT UNSIGNED NOT NULL,
	PRIMARY KEY (mention_id, term_id, field, start),
	CONSTRAINT mention_hits_mention_fk FOREIGN KEY (mention_id)
	    REFERENCES mentions (id) ON DELETE CASCADE,
	CONSTRAINT mention_hits_term_fk FOREIGN KEY (term_id)
	    REFERENCES watch_terms (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
