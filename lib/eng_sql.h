/*
 * SQL fragments for the rules that say what an engagement counts as, shared
 * by the /engagements list filters (lib/engagements.c) and the report's
 * day summaries (lib/report.c), so that a number in a report and the list
 * it links to are counted by the same text.  Fixed strings only: they are
 * pasted into the statement tables at compile time, never at run time.
 *
 * Aliases they expect: e is the engagement, x a row of engagement_people
 * for it.  ENG_PERSON_THEN joins, for x's person: px (people), tx (the
 * term in force on the engagement's date, if any) and cx (the category
 * that applied then).
 */
#ifndef TRACKER_ENG_SQL_H
#define TRACKER_ENG_SQL_H

/*
 * The person as they were on the engagement's date: the term that had
 * started by then and not yet ended (ended_on is the first day no longer
 * held), the latest started when periods overlap -- the rule of
 * person_term_on() in lib/directory.c.  Where no term covers the date,
 * the current party and category count.
 */
#define ENG_PERSON_THEN \
	"JOIN people px ON px.id = x.person_id " \
	"LEFT JOIN person_terms tx ON tx.id = (SELECT t.id FROM person_terms t " \
	"WHERE t.person_id = x.person_id AND t.started_on <= e.occurred_on " \
	"AND (t.ended_on IS NULL OR t.ended_on > e.occurred_on) " \
	"ORDER BY t.started_on DESC, t.id DESC LIMIT 1) " \
	"LEFT JOIN person_categories cx " \
	"ON cx.code = COALESCE(tx.category, px.category) "

#define PARTY_THEN	"COALESCE(tx.party, px.party)"
#define CATEGORY_THEN	"COALESCE(tx.category, px.category)"
#define DECISION_MAKER_THEN "(cx.decision_maker = 1)"

/*
 * A person (the engagement_people row link) was new to us on engagement e
 * when no earlier live engagement has them: ordered by date, then time
 * (none counts as the start of the day), then id, so that two on one day
 * still have a first.
 */
#define NEW_TO_US_OF(link) \
	"NOT EXISTS (SELECT 1 FROM engagement_people ep2 " \
	"JOIN engagements e2 ON e2.id = ep2.engagement_id " \
	"WHERE ep2.person_id = " link ".person_id AND e2.deleted_at IS NULL " \
	"AND (e2.occurred_on, IFNULL(e2.occurred_time, TIME '00:00:00'), e2.id) " \
	"< (e.occurred_on, IFNULL(e.occurred_time, TIME '00:00:00'), e.id))"

#define NEW_TO_US	NEW_TO_US_OF("x")

/*
 * A person on an engagement, for struct eng_person: id, name, party and
 * category label on the date, and whether they were new to us then.
 */
#define PERSON_ON_ENGAGEMENT \
	"px.id, px.full_name, " PARTY_THEN ", IFNULL(cx.label, " CATEGORY_THEN \
	"), " NEW_TO_US

#endif
