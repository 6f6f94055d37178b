-- Confidential engagements (issue 11, part 5): an engagement whose notes
-- hold casework detail.  Its title, summary, outcome and follow-up actions
-- are readable only by its author (created_by), the staff present
-- (engagement_staff) and admins; everyone else sees it counted, with
-- "Confidential" in place of the text.  The rule is eng_can_read_text()
-- in lib/eng_privacy.c and ENG_TEXT_READABLE in lib/eng_sql.h.

ALTER TABLE engagements
	ADD COLUMN confidential TINYINT(1) NOT NULL DEFAULT 0 AFTER media_link;
