-- Press monitoring, second step: tracked people as watch terms, story
-- groups, and fixes to 005's columns.

-- A feed's URL is unique among the feeds that are not deleted, over the
-- whole URL: 005's key covered the first 500 characters only (two long
-- search-feed URLs that differ at the end clashed) and counted deleted
-- feeds (a deleted feed's URL could never be added again).  URLs are
-- compared byte for byte (a path is case-sensitive; tracker-feeds and the
-- feeds page lower-case the scheme and host before storing), and may be
-- as long as feed_items.link.  live_url_hash is NULL for a deleted feed,
-- and a unique key allows any number of NULLs.
ALTER TABLE feeds
	DROP INDEX feeds_url,
	MODIFY url VARCHAR(2000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
	    NOT NULL,
	ADD COLUMN live_url_hash BINARY(32) AS
	    (IF(deleted_at IS NULL, UNHEX(SHA2(url, 256)), NULL)) PERSISTENT,
	ADD UNIQUE KEY feeds_live_url (live_url_hash);

-- A title is a headline, not a document: 005's TEXT let one item carry
-- 64 KB into every inbox row and could not be indexed.  1000 characters
-- is well past any real headline; the ingester cuts there.  The inbox
-- never sorts or filters on the title itself, only on story_key (the
-- hash of the normalised title), which is indexed with the item's date
-- for grouping.
UPDATE feed_items SET title = LEFT(title, 1000) WHERE CHAR_LENGTH(title) > 1000;
ALTER TABLE feed_items
	MODIFY title VARCHAR(1000) NOT NULL,
	ADD COLUMN story_id BIGINT UNSIGNED NULL AFTER story_key,
	ADD COLUMN item_date DATETIME AS (IFNULL(published_at, fetched_at))
	    PERSISTENT,
	DROP INDEX feed_items_story,
	ADD KEY feed_items_story (story_key, item_date),
	ADD KEY feed_items_story_id (story_id),
	ADD KEY feed_items_date (item_date);

-- story_id groups the same story syndicated across outlets: the id of the
-- group's first item.  An item joins the group of an earlier item with
-- the same story_key from another feed whose date is within three days of
-- its own, when the group has nothing from its feed yet (the nearest such
-- group in time); else it starts a group.  The ingester does this for each
-- new item (lib/feed_store.c, FS_STORY_FIND); here the same rule runs over
-- the items already stored, in the order they came.
BEGIN NOT ATOMIC
	DECLARE done INT DEFAULT 0;
	DECLARE v_id, v_feed, v_story BIGINT UNSIGNED;
	DECLARE v_key CHAR(64) CHARACTER SET ascii;
	DECLARE v_date DATETIME;
	DECLARE items CURSOR FOR
	    SELECT id, feed_id, story_key, item_date FROM feed_items ORDER BY id;
	DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
	OPEN items;
	each_item: LOOP
		FETCH items INTO v_id, v_feed, v_key, v_date;
		IF done THEN
			LEAVE each_item;
		END IF;
		SET v_story = (SELECT g.id FROM feed_items g
		    WHERE g.story_key = v_key AND g.story_id = g.id
		    AND g.id < v_id
		    AND ABS(TIMESTAMPDIFF(SECOND, g.item_date, v_date)) <= 259200
		    AND NOT EXISTS (SELECT 1 FROM feed_items x
			WHERE x.story_id = g.id AND x.feed_id = v_feed)
		    ORDER BY ABS(TIMESTAMPDIFF(SECOND, g.item_date, v_date)), g.id
		    LIMIT 1);
		UPDATE feed_items SET story_id = IFNULL(v_story, v_id)
		    WHERE id = v_id;
	END LOOP;
	CLOSE items;
END;

-- Who is watched in the press: 'auto' watches a current MP or Peer once
-- we have an engagement with them, 'always' watches a current person
-- whatever their category (a spokesperson, say), 'never' does not watch
-- them.  Saved through the person form, with its audit row.
ALTER TABLE people
	ADD COLUMN press_watch ENUM('auto', 'always', 'never') NOT NULL
	    DEFAULT 'auto' AFTER is_current;

-- Terms made from the directory (source 'directory') are kept in step
-- with the people they name each time the watch terms are loaded for
-- matching; they carry person_id.  The same text may now be a term of
-- its own and the name of one or more people (two MPs can share a name):
-- uniqueness is per person.
ALTER TABLE watch_terms
	ADD COLUMN source ENUM('manual', 'directory') NOT NULL DEFAULT 'manual'
	    AFTER kind,
	ADD COLUMN person_key BIGINT UNSIGNED AS (IFNULL(person_id, 0))
	    PERSISTENT,
	DROP INDEX watch_terms_term,
	ADD UNIQUE KEY watch_terms_term (term, exclude, person_key),
	ADD KEY watch_terms_source (source, person_id);

-- mention_hits by term, for the term and person filters.
ALTER TABLE mention_hits ADD KEY mention_hits_term (term_id, mention_id);

-- A private address for the Atom feed of relevant mentions: feed readers
-- cannot log in, so each user may create one secret key (stored as its
-- SHA-256 only; shown once) that opens /mentions.atom and nothing else.
CREATE TABLE feed_keys (
	user_id		BIGINT UNSIGNED NOT NULL PRIMARY KEY,
	key_hash	CHAR(64) CHARACTER SET ascii NOT NULL,
	created_at	DATETIME NOT NULL,
	last_used_at	DATETIME NULL,
	UNIQUE KEY feed_keys_hash (key_hash),
	CONSTRAINT feed_keys_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
