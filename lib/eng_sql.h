/*
 * SQL fragments for the rules that say what an engagement counts as, shared
 * by the /engagements list filters (lib/engagements.c) and the report's
 * day summaries (lib/report.c), so that a number in a report and the list
 * it links to are counted by the same text.  Fixed strings only: they are
 * pasted into the statement tables at compile time, never at run time.
 *
 * Aliases they expect: e is the engagement, x a row of engagement_people
 * for it (and px the people row, for PERSON_ON_ENGAGEMENT).
 */
#ifndef TRACKER_ENG_SQL_H
#define TRACKER_ENG_SQL_H

/*
 * The person as they were on the engagement's date: engagement_people
 * keeps, per link, the party and category of the term in force then
 * (else the person's current ones), kept exact by the triggers of
 * sql/008_reports.sql with the rule of person_term_on() in
 * lib/directory.c.  ENG_PERSON_THEN joins cx, the category as it applied.
 */
#define ENG_PERSON_THEN \
	"LEFT JOIN person_categories cx ON cx.code = x.category_then "

#define PARTY_THEN	"x.party_then"
#define CATEGORY_THEN	"x.category_then"
#define DECISION_MAKER_THEN "(cx.decision_maker = 1)"

/*
 * A person (the engagement_people row link) was new to us on engagement e
 * when no earlier live engagement has them: ordered by date, then time
 * (none counts as the start of the day), then id, so that two on one day
 * still have a first.  For a live engagement that is person_first, which
 * triggers keep in step (sql/007_strategy.sql), one key lookup; a deleted
 * engagement is not in it, so for one the rule is worked out.
 */
#define NEW_TO_US_OF(link) \
	"IF(e.deleted_at IS NULL, EXISTS (SELECT 1 FROM person_first pf " \
	"WHERE pf.person_id = " link ".person_id AND pf.engagement_id = e.id), " \
	"NOT EXISTS (SELECT 1 FROM engagement_people ep2 " \
	"JOIN engagements e2 ON e2.id = ep2.engagement_id " \
	"WHERE ep2.person_id = " link ".person_id AND e2.deleted_at IS NULL " \
	"AND (e2.occurred_on, IFNULL(e2.occurred_time, TIME '00:00:00'), e2.id) " \
	"< (e.occurred_on, IFNULL(e.occurred_time, TIME '00:00:00'), e.id)))"

#define NEW_TO_US	NEW_TO_US_OF("x")

/*
 * A person on an engagement, for struct eng_person: id, name, party and
 * category label on the date, and whether they were new to us then.
 */
#define PERSON_ON_ENGAGEMENT \
	"px.id, px.full_name, " PARTY_THEN ", IFNULL(cx.label, " CATEGORY_THEN \
	"), " NEW_TO_US

/*
 * Whether the reader may read engagement e's text (title, summary,
 * outcome, follow-up actions): it is not confidential, or they are an
 * admin, its author, or among the staff present.  The same rule as
 * eng_can_read_text() in lib/eng_privacy.c, for lists that decide it row
 * by row; check_eng_privacy holds the two to the same answers.  Binds, in
 * order: ENG_READER_ARGS (lib/eng_privacy.h).
 */
#define ENG_TEXT_READABLE \
	"(e.confidential = 0 OR ? = 1 OR IFNULL(e.created_by = ?, 0) " \
	"OR EXISTS (SELECT 1 FROM engagement_staff rs " \
	"WHERE rs.engagement_id = e.id AND rs.user_id = ?))"

#endif
