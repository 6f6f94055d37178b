-- The mentions inbox groups mentions by story (issue 10).  It numbered
-- every mention within its story through feed_items (IFNULL(story_id,
-- id), and feed_id for the deleted-feed rule): one random read of
-- feed_items per mention in the inbox, 10,000 for a page of 50.  A
-- mention now keeps its item's story group, feed and date beside its
-- state, so the inbox groups, filters (by day too) and counts from the
-- mentions alone and reads feed_items only for the page's rows.
--
-- The columns are keys and a date, not text (erasure deletes or keeps the mention
-- row whole).  They are copies of the item's, kept by triggers whoever
-- writes: a new mention takes its item's (the ingester, a rematch, a
-- bulk load), and an item put into another story (the ingester's
-- join_story, or 006's recomputation) carries its mention along, as
-- would a change of its date (nothing changes one now).  An item's feed
-- never changes.
ALTER TABLE mentions
	ADD COLUMN story_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER item_id,
	ADD COLUMN feed_id BIGINT UNSIGNED NOT NULL DEFAULT 0 AFTER story_id,
	ADD COLUMN item_date DATETIME NULL AFTER feed_id;

UPDATE mentions m JOIN feed_items i ON i.id = m.item_id
SET m.story_id = IFNULL(i.story_id, i.id), m.feed_id = i.feed_id,
    m.item_date = i.item_date;

-- The inbox's page walks (state, created_at, id) newest first and asks,
-- per mention, whether a newer one of its story passes too
-- (mentions_story); with any state it walks mentions_created.  Its
-- count of stories reads (state, story_id, feed_id) from the index alone.
ALTER TABLE mentions
	ADD KEY mentions_story (story_id, state, created_at),
	ADD KEY mentions_created (created_at),
	ADD KEY mentions_state_story (state, story_id, feed_id);

CREATE TRIGGER mentions_story_insert BEFORE INSERT ON mentions
FOR EACH ROW
SET NEW.story_id = (SELECT IFNULL(i.story_id, i.id) FROM feed_items i
	WHERE i.id = NEW.item_id),
    NEW.feed_id = (SELECT i.feed_id FROM feed_items i WHERE i.id = NEW.item_id),
    NEW.item_date = (SELECT i.item_date FROM feed_items i
	WHERE i.id = NEW.item_id);

CREATE TRIGGER feed_items_story_update AFTER UPDATE ON feed_items
FOR EACH ROW
BEGIN
	IF NOT (OLD.story_id <=> NEW.story_id
	    AND OLD.item_date <=> NEW.item_date) THEN
		UPDATE mentions SET story_id = IFNULL(NEW.story_id, NEW.id),
		    item_date = NEW.item_date
		WHERE item_id = NEW.id;
	END IF;
END;
