#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "db.h"
#include "directory.h"
#include "eng_privacy.h"
#include "eng_sql.h"
#include "engagements.h"
#include "form.h"
#include "html.h"

/*
 * The list filter; its binds are FILTER_ARGS below, in this order.  The
 * kpi clause lists what a KPI counts: the rows of kpi_hits that the
 * dashboard counts (lib/kpi.c), so a number and its list agree; the
 * report's clauses share their SQL with lib/report.c (eng_sql.h).  The
 * last clause repeats the dates in a form the range optimizer can use
 * (it cannot see through "? IS NULL OR"), so a period reads its own rows
 * rather than the whole table.  A text search looks into an engagement's
 * own text only where the reader may read it (ENG_TEXT_READABLE): a match
 * on hidden text would tell them what it says.
 */
#define FILTER \
	"WHERE (e.deleted_at IS NOT NULL) = ? " \
	"AND (? IS NULL OR e.occurred_on >= ?) " \
	"AND (? IS NULL OR e.occurred_on <= ?) " \
	"AND (? IS NULL OR e.type = ?) " \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM engagement_people x " \
	"WHERE x.engagement_id = e.id AND x.person_id = ?)) " \
	"AND (? IS NULL OR EXISTS (SELECT 1 FROM engagement_people x " \
	"JOIN people px ON px.id = x.person_id " \
	"WHERE x.engagement_id = e.id AND px.party = ?)) " \
	"AND (? IS NULL OR EXISTS (SELECT 1 FROM engagement_people x " \
	"JOIN people px ON px.id = x.person_id " \
	"WHERE x.engagement_id = e.id AND px.category = ?)) " \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM engagement_policy_areas x " \
	"WHERE x.engagement_id = e.id AND x.policy_area_id = ?)) " \
	"AND (? IS NULL OR (" ENG_TEXT_READABLE " AND (e.title LIKE ? " \
	"OR e.summary LIKE ? OR e.outcome LIKE ?)) " \
	"OR EXISTS (SELECT 1 FROM engagement_people x " \
	"JOIN people px ON px.id = x.person_id " \
	"WHERE x.engagement_id = e.id AND px.full_name LIKE ?)) " \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM kpi_hits h WHERE h.kpi_id = ? " \
	"AND h.occurred_on = e.occurred_on AND h.engagement_id = e.id)) " \
	"AND (? IS NULL OR e.media_medium = ?) " \
	"AND (? IS NULL OR EXISTS (SELECT 1 FROM engagement_organisations x " \
	"JOIN organisations ox ON ox.id = x.organisation_id " \
	"WHERE x.engagement_id = e.id AND ox.kind = ?) " \
	"OR EXISTS (SELECT 1 FROM organisations ox " \
	"WHERE ox.id = e.media_outlet_id AND ox.kind = ?)) " \
	"AND (? IS NULL OR EXISTS (SELECT 1 FROM engagement_people x " \
	"WHERE x.engagement_id = e.id AND " PARTY_THEN " = ?)) " \
	"AND (? IS NULL OR EXISTS (SELECT 1 FROM engagement_people x " \
	"WHERE x.engagement_id = e.id AND " CATEGORY_THEN " = ?)) " \
	"AND ((? IS NULL AND ? = 0) OR EXISTS (SELECT 1 FROM engagement_people x " \
	ENG_PERSON_THEN "WHERE x.engagement_id = e.id " \
	"AND (? = 0 OR " DECISION_MAKER_THEN ") " \
	"AND (? IS NULL OR (" NEW_TO_US ") = (? = 'new')))) " \
	"AND e.occurred_on BETWEEN IFNULL(?, '1000-01-01') " \
	"AND IFNULL(?, '9999-12-31') "

/*
 * No time sorts as the start of its day (NULL is below any time), and in
 * the order of the date index, so a page stops reading once it is full.
 */
#define NEWEST_FIRST \
	"ORDER BY e.occurred_on DESC, e.occurred_time DESC, e.id DESC "

/* The ids of a page of the list: ENG_PAGE_IDS binds, unused ones 0. */
#define IDS10	"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
#define PAGE_IDS "(" IDS10 IDS10 IDS10 IDS10 "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

enum {
	ENG_READ_COMMITTED,
	ENG_TYPES,
	ENG_FILTER_REFS,
	ENG_LIST,
	ENG_PAGE_PEOPLE,
	ENG_COUNT,
	ENG_COUNT_UPTO,
	ENG_LIST_ALL,
	ENG_COUNT_ALL,
	ENG_COUNT_ALL_UPTO,
	ENG_GET,
	ENG_PARTS,
	ENG_INSERT,
	ENG_UPDATE,
	ENG_SET_DELETED,
	ENG_CLEAR_PEOPLE,
	ENG_CLEAR_ORGS,
	ENG_CLEAR_STAFF,
	ENG_CLEAR_AREAS,
	ENG_ADD_PERSON,
	ENG_ADD_ORG,
	ENG_ADD_STAFF,
	ENG_ADD_AREA,
	ENG_ADD_FOLLOWUP,
	ENG_FOLLOWUPS_FOR,
	ENG_FOLLOWUPS_COUNT,
	ENG_FOLLOWUP_ENGAGEMENT,
	ENG_FOLLOWUP_SET_DONE,
	ENG_BUMP_VERSION,
	ENG_FOLLOWUP_IDS,
	ENG_FOLLOWUP_UPDATE,
	ENG_FOLLOWUP_DELETE,
	ENG_MENTION_LOGGED,
	ENG__MAX
};

static const char *const eng_sql[ENG__MAX] = {
	/*
	 * A save reads its own engagement's links from its triggers (KPI
	 * hits, the report's marks); at REPEATABLE READ those reads lock the
	 * gap after the newest link, and two saves then deadlock inserting
	 * their links into it (sql/014).  READ COMMITTED reads take no gap
	 * locks; every check a save makes is a version or a key, not a read.
	 */
	[ENG_READ_COMMITTED] =
	    "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
	[ENG_TYPES] =
	    "SELECT code, label FROM engagement_types ORDER BY sort_order, label",
	/*
	 * The list filter's choices in one statement rather than four (a
	 * round trip each on every view of the list): kind 1 the types, 2
	 * the parties of live people, 3 the people's categories, 4 the
	 * policy areas not retired, each in the order its own page shows it.
	 * Read afresh on every view, so an edit through any program shows
	 * on the next one; the parties come from the people_party_live
	 * index (a loose scan: one read a party, not one a person).
	 */
	[ENG_FILTER_REFS] =
	    "SELECT 1 AS kind, code, label, sort_order AS k1, label AS k2 "
	    "FROM engagement_types "
	    "UNION ALL SELECT 2, party, party, 0, party FROM (SELECT DISTINCT "
	    "party FROM people WHERE party <> '' AND deleted_at IS NULL) p "
	    "UNION ALL SELECT 3, code, label, sort_order, label "
	    "FROM person_categories "
	    "UNION ALL SELECT 4, id, name, -priority, name FROM policy_areas "
	    "WHERE retired = 0 "
	    "ORDER BY kind, k1, k2",
	/* The page's ids first, so the type join cannot reorder the scan. */
	[ENG_LIST] =
	    "SELECT e.id, e.occurred_on, IFNULL(TIME_FORMAT(e.occurred_time, "
	    "'%H:%i'), ''), t.label, e.title, e.confidential, "
	    ENG_TEXT_READABLE " FROM (SELECT e.id FROM "
	    "engagements e " FILTER NEWEST_FIRST "LIMIT ? OFFSET ?) page "
	    "JOIN engagements e ON e.id = page.id "
	    "JOIN engagement_types t ON t.code = e.type " NEWEST_FIRST,
	/*
	 * The people of the rows of one page, by their ids: the page's
	 * filter is not run a second time.
	 */
	[ENG_PAGE_PEOPLE] =
	    "SELECT x.engagement_id, " PERSON_ON_ENGAGEMENT
	    " FROM engagement_people x JOIN engagements e ON e.id = x.engagement_id "
	    "JOIN people px ON px.id = x.person_id " ENG_PERSON_THEN
	    "WHERE x.engagement_id IN " PAGE_IDS " "
	    "ORDER BY x.engagement_id, px.full_name",
	[ENG_COUNT] =
	    "SELECT COUNT(*) FROM engagements e " FILTER,
	/* Counting stops at the bind: a million matches cost what it does. */
	[ENG_COUNT_UPTO] =
	    "SELECT COUNT(*) FROM (SELECT 1 FROM engagements e " FILTER
	    "LIMIT ?) upto",
	/*
	 * The same three with no filter but live or deleted: the list as it
	 * first opens.  Without FILTER's clauses to weigh, the page is a
	 * walk down the date index that stops after it (a millisecond at a
	 * million engagements, where FILTER's text takes a hundred).
	 */
	[ENG_LIST_ALL] =
	    "SELECT e.id, e.occurred_on, IFNULL(TIME_FORMAT(e.occurred_time, "
	    "'%H:%i'), ''), t.label, e.title, e.confidential, "
	    ENG_TEXT_READABLE " FROM (SELECT e.id FROM "
	    "engagements e WHERE (e.deleted_at IS NOT NULL) = ? " NEWEST_FIRST
	    "LIMIT ? OFFSET ?) page "
	    "JOIN engagements e ON e.id = page.id "
	    "JOIN engagement_types t ON t.code = e.type " NEWEST_FIRST,
	[ENG_COUNT_ALL] =
	    "SELECT COUNT(*) FROM engagements e "
	    "WHERE (e.deleted_at IS NOT NULL) = ?",
	[ENG_COUNT_ALL_UPTO] =
	    "SELECT COUNT(*) FROM (SELECT 1 FROM engagements e "
	    "WHERE (e.deleted_at IS NOT NULL) = ? LIMIT ?) upto",
	[ENG_GET] =
	    "SELECT e.id, e.type, t.label, e.occurred_on, IFNULL(TIME_FORMAT("
	    "e.occurred_time, '%H:%i'), ''), e.title, e.summary, e.outcome, "
	    "IFNULL(e.media_outlet_id, 0), IFNULL(o.name, ''), "
	    "IFNULL(e.media_medium, ''), e.media_programme, e.media_link, "
	    "e.version, e.deleted_at IS NOT NULL, IFNULL(u.display_name, ''), "
	    "IFNULL(e.created_by, 0), e.confidential "
	    "FROM engagements e JOIN engagement_types t ON t.code = e.type "
	    "LEFT JOIN organisations o ON o.id = e.media_outlet_id "
	    "LEFT JOIN users u ON u.id = e.created_by WHERE e.id = ?",
	/*
	 * What is linked to one engagement, in one statement rather than
	 * one per kind (issue 10): each row is its kind (enum eng_part),
	 * then the kind's columns (a person's five, a reference's three, a
	 * follow-up's nine, as followup_from() reads them), padded to nine,
	 * then two sort keys, so that each kind comes in its own order.
	 * Binds the engagement's id five times.
	 */
	[ENG_PARTS] =
	    "SELECT 1, " PERSON_ON_ENGAGEMENT ", '', '', '', '', 0, px.full_name "
	    "FROM engagement_people x JOIN engagements e ON e.id = x.engagement_id "
	    "JOIN people px ON px.id = x.person_id " ENG_PERSON_THEN
	    "WHERE x.engagement_id = ? "
	    "UNION ALL SELECT 2, o.id, o.name, 0, '', '', '', '', '', '', 0, o.name "
	    "FROM engagement_organisations eo "
	    "JOIN organisations o ON o.id = eo.organisation_id "
	    "WHERE eo.engagement_id = ? "
	    "UNION ALL SELECT 3, u.id, u.display_name, 0, '', '', '', '', '', '', 0, "
	    "u.display_name FROM engagement_staff es "
	    "JOIN users u ON u.id = es.user_id WHERE es.engagement_id = ? "
	    "UNION ALL SELECT 4, a.id, a.name, a.priority, '', '', '', '', '', '', "
	    "-a.priority, a.name FROM engagement_policy_areas ea "
	    "JOIN policy_areas a ON a.id = ea.policy_area_id "
	    "WHERE ea.engagement_id = ? "
	    "UNION ALL SELECT 5, f.id, f.engagement_id, '', f.action, "
	    "IFNULL(f.owner_id, 0), IFNULL(u.display_name, ''), "
	    "IFNULL(f.due_on, ''), f.done_at IS NOT NULL, IFNULL(f.done_at, ''), "
	    "f.id, '' FROM follow_ups f LEFT JOIN users u ON u.id = f.owner_id "
	    "WHERE f.engagement_id = ? "
	    "ORDER BY 1, 11, 12, 2",
	[ENG_INSERT] =
	    "INSERT INTO engagements (type, occurred_on, occurred_time, title, "
	    "summary, outcome, media_outlet_id, media_medium, media_programme, "
	    "media_link, confidential, created_by, created_at, updated_at) "
	    "VALUES (?, ?, NULLIF(?, ''), ?, ?, ?, NULLIF(?, 0), "
	    "NULLIF(?, ''), ?, ?, ?, NULLIF(?, 0), UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP())",
	[ENG_UPDATE] =
	    "UPDATE engagements SET type = ?, occurred_on = ?, "
	    "occurred_time = NULLIF(?, ''), title = ?, summary = ?, outcome = ?, "
	    "media_outlet_id = NULLIF(?, 0), media_medium = NULLIF(?, ''), "
	    "media_programme = ?, media_link = ?, confidential = ?, "
	    "version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND deleted_at IS NULL",
	[ENG_SET_DELETED] =
	    "UPDATE engagements SET deleted_at = IF(? = 1, UTC_TIMESTAMP(), NULL), "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND (deleted_at IS NULL) = (? = 1)",
	[ENG_CLEAR_PEOPLE] = "DELETE FROM engagement_people WHERE engagement_id = ?",
	[ENG_CLEAR_ORGS] =
	    "DELETE FROM engagement_organisations WHERE engagement_id = ?",
	[ENG_CLEAR_STAFF] = "DELETE FROM engagement_staff WHERE engagement_id = ?",
	[ENG_CLEAR_AREAS] =
	    "DELETE FROM engagement_policy_areas WHERE engagement_id = ?",
	[ENG_ADD_PERSON] =
	    "INSERT IGNORE INTO engagement_people (engagement_id, person_id) "
	    "VALUES (?, ?)",
	[ENG_ADD_ORG] =
	    "INSERT IGNORE INTO engagement_organisations (engagement_id, "
	    "organisation_id) VALUES (?, ?)",
	[ENG_ADD_STAFF] =
	    "INSERT IGNORE INTO engagement_staff (engagement_id, user_id) "
	    "VALUES (?, ?)",
	[ENG_ADD_AREA] =
	    "INSERT IGNORE INTO engagement_policy_areas (engagement_id, "
	    "policy_area_id) VALUES (?, ?)",
	[ENG_ADD_FOLLOWUP] =
	    "INSERT INTO follow_ups (engagement_id, action, owner_id, due_on, "
	    "done_at) VALUES (?, ?, NULLIF(?, 0), NULLIF(?, ''), "
	    "IF(? = 1, IFNULL(NULLIF(?, ''), UTC_TIMESTAMP()), NULL))",
	[ENG_FOLLOWUPS_FOR] =
	    "SELECT f.id, f.engagement_id, e.title, f.action, IFNULL(f.owner_id, 0), "
	    "IFNULL(u.display_name, ''), IFNULL(f.due_on, ''), "
	    "f.done_at IS NOT NULL, IFNULL(f.done_at, ''), " ENG_TEXT_READABLE
	    " FROM follow_ups f "
	    "JOIN engagements e ON e.id = f.engagement_id AND e.deleted_at IS NULL "
	    "LEFT JOIN users u ON u.id = f.owner_id WHERE f.owner_id = ? "
	    "AND (f.done_at IS NULL OR f.done_at > UTC_TIMESTAMP() - INTERVAL 30 DAY) "
	    "ORDER BY f.done_at IS NOT NULL, f.due_on IS NULL, f.due_on, f.id",
	[ENG_FOLLOWUPS_COUNT] =
	    "SELECT COUNT(*), IFNULL(SUM(f.due_on < ?), 0) FROM follow_ups f "
	    "JOIN engagements e ON e.id = f.engagement_id AND e.deleted_at IS NULL "
	    "WHERE f.owner_id = ? AND f.done_at IS NULL",
	[ENG_FOLLOWUP_ENGAGEMENT] =
	    "SELECT f.engagement_id, f.done_at IS NOT NULL FROM follow_ups f "
	    "JOIN engagements e ON e.id = f.engagement_id AND e.deleted_at IS NULL "
	    "WHERE f.id = ? FOR UPDATE",
	[ENG_FOLLOWUP_SET_DONE] =
	    "UPDATE follow_ups SET done_at = IF(? = 1, UTC_TIMESTAMP(), NULL) "
	    "WHERE id = ?",
	[ENG_FOLLOWUP_IDS] =
	    "SELECT id FROM follow_ups WHERE engagement_id = ?",
	[ENG_FOLLOWUP_UPDATE] =
	    "UPDATE follow_ups SET action = ?, owner_id = NULLIF(?, 0), "
	    "due_on = NULLIF(?, ''), "
	    "done_at = IF(? = 1, IFNULL(done_at, UTC_TIMESTAMP()), NULL) "
	    "WHERE id = ? AND engagement_id = ?",
	[ENG_MENTION_LOGGED] =
	    "UPDATE mentions SET state = 'logged', engagement_id = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND engagement_id IS NULL",
	[ENG_FOLLOWUP_DELETE] =
	    "DELETE FROM follow_ups WHERE id = ? AND engagement_id = ?",
	[ENG_BUMP_VERSION] =
	    "UPDATE engagements SET version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
};

static const struct db_stmts eng_stmts = { DB_SLOT_ENGAGEMENTS, eng_sql,
    ENG__MAX };

enum db_err
engagement_types(struct db *db, struct arena *a, struct code_label **out,
    size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	if ((e = db_query_in(db, &eng_stmts, ENG_TYPES, NULL, 0, a, &r)))
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		(*out)[i].code = DB_CELL(&r, i, 0);
		(*out)[i].label = DB_CELL(&r, i, 1);
	}
	*n = r.nrows;
	return DB_OK;
}

enum db_err
engagement_filter_refs(struct db *db, struct arena *a,
    struct eng_filter_refs *out)
{
	struct code_label	*lists[4];
	size_t			*counts[4] = { &out->ntypes, &out->nparties,
				    &out->ncategories, &out->nareas };
	struct db_rows		 r;
	enum db_err		 e;
	size_t			 i, k;

	memset(out, 0, sizeof(*out));
	if ((e = db_query_in(db, &eng_stmts, ENG_FILTER_REFS, NULL, 0, a, &r)))
		return e;
	/* Each list sized for all the rows: a few dozen, in the arena. */
	for (k = 0; k < 4; k++)
		if ((lists[k] = arena_alloc(a, (r.nrows + 1) *
		    sizeof(**lists))) == NULL)
			return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		k = (size_t)db_num(DB_CELL(&r, i, 0)) - 1;
		if (k >= 4)
			continue;
		lists[k][*counts[k]].code = DB_CELL(&r, i, 1);
		lists[k][(*counts[k])++].label = DB_CELL(&r, i, 2);
	}
	out->types = lists[0];
	out->parties = lists[1];
	out->categories = lists[2];
	out->areas = lists[3];
	return DB_OK;
}

static int
http_url(const char *s)
{
	return (strncasecmp(s, "https://", 8) == 0 && s[8] != '\0') ||
	    (strncasecmp(s, "http://", 7) == 0 && s[7] != '\0');
}

static void
problem(struct eng_problem *out, size_t max, size_t *n, const char *field,
    const char *message)
{
	if (*n < max) {
		out[*n].field = field;
		out[*n].message = message;
	}
	(*n)++;
}

size_t
engagement_check(const struct engagement *e, struct eng_problem *out,
    size_t max)
{
	size_t	 n = 0, i;

	if (e->date == NULL || validate_date(e->date) != NULL)
		problem(out, max, &n, "date", e->date && *e->date ?
		    validate_date(e->date) : "Date is required.");
	if (e->time != NULL && *e->time != '\0' && validate_time(e->time))
		problem(out, max, &n, "time", validate_time(e->time));
	if (e->title == NULL || *e->title == '\0')
		problem(out, max, &n, "title", "Title is required.");
	if (e->type != NULL && strcmp(e->type, "media_appearance") == 0 &&
	    (e->media_medium == NULL || *e->media_medium == '\0'))
		problem(out, max, &n, "media_medium",
		    "Choose the medium of a media appearance.");
	if (e->media_link != NULL && *e->media_link != '\0' &&
	    !http_url(e->media_link))
		problem(out, max, &n, "media_link",
		    "Enter a web address starting with https://.");
	for (i = 0; i < e->nfollowups; i++) {
		const struct followup *f = &e->followups[i];

		if (f->action == NULL || *f->action == '\0')
			problem(out, max, &n, "followups",
			    "Each follow-up needs an action.");
		else if (f->due_on != NULL && *f->due_on != '\0' &&
		    validate_date(f->due_on) != NULL)
			problem(out, max, &n, "followups",
			    "Enter follow-up due dates as YYYY-MM-DD.");
	}
	return n;
}

/* The binds of FILTER, for the filter f. */
#define FILTER_ARGS(f, like) \
	DB_INT((f)->deleted ? 1 : 0), DB_STR(opt((f)->from)), \
	DB_STR(opt((f)->from)), DB_STR(opt((f)->to)), DB_STR(opt((f)->to)), \
	DB_STR(opt((f)->type)), DB_STR(opt((f)->type)), \
	DB_INT((f)->person_id), DB_INT((f)->person_id), \
	DB_STR(opt((f)->party)), DB_STR(opt((f)->party)), \
	DB_STR(opt((f)->category)), DB_STR(opt((f)->category)), \
	DB_INT((f)->policy_area_id), DB_INT((f)->policy_area_id), \
	DB_STR(like), ENG_READER_ARGS(&(f)->reader), DB_STR(like), \
	DB_STR(like), DB_STR(like), DB_STR(like), \
	DB_INT((f)->kpi_id), DB_INT((f)->kpi_id), \
	DB_STR(opt((f)->medium)), DB_STR(opt((f)->medium)), \
	DB_STR(opt((f)->org_kind)), DB_STR(opt((f)->org_kind)), \
	DB_STR(opt((f)->org_kind)), \
	DB_STR(opt((f)->party_then)), DB_STR(opt((f)->party_then)), \
	DB_STR(opt((f)->category_then)), DB_STR(opt((f)->category_then)), \
	DB_STR(opt((f)->novelty)), DB_INT((f)->decision_makers ? 1 : 0), \
	DB_INT((f)->decision_makers ? 1 : 0), DB_STR(opt((f)->novelty)), \
	DB_STR(opt((f)->novelty)), DB_STR(opt((f)->from)), DB_STR(opt((f)->to))

/* An empty filter value means "any", which the SQL writes as NULL. */
static const char *
opt(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

static void
person_from(const struct db_rows *r, size_t i, size_t col,
    struct eng_person *p)
{
	p->id = db_num(DB_CELL(r, i, col));
	p->name = DB_CELL(r, i, col + 1);
	p->party = DB_CELL(r, i, col + 2);
	p->category_label = DB_CELL(r, i, col + 3);
	p->is_new = db_num(DB_CELL(r, i, col + 4)) != 0;
}

/*
 * Attach the people rows (engagement id first, in its order) to the list
 * rows.
 */
static enum db_err
attach_people(struct arena *a, struct eng_row *rows, size_t n,
    const struct db_rows *pr)
{
	size_t	 i, k, first, count;

	for (i = 0; i < n; i++) {
		if ((count = db_rows_with(pr, 0, rows[i].id, &first)) == 0)
			continue;
		if ((rows[i].people = arena_alloc(a, count *
		    sizeof(*rows[i].people))) == NULL)
			return DB_NOMEM;
		for (k = 0; k < count; k++)
			person_from(pr, first + k, 1, &rows[i].people[k]);
		rows[i].npeople = count;
	}
	return DB_OK;
}

/* 1 when f filters on nothing but live or deleted. */
static int
unfiltered(const struct eng_filter *f)
{
	return !opt(f->from) && !opt(f->to) && !opt(f->type) &&
	    f->person_id == 0 && !opt(f->party) && !opt(f->category) &&
	    f->policy_area_id == 0 && !opt(f->q) && f->kpi_id == 0 &&
	    !opt(f->medium) && !opt(f->org_kind) && !opt(f->party_then) &&
	    !opt(f->category_then) && !opt(f->novelty) && !f->decision_makers;
}

/* The number of matches, exact or (count_cap) up to count_cap + 1. */
static enum db_err
count_matches(struct db *db, struct arena *a, const struct eng_filter *f,
    const char *like, size_t *total)
{
	long long	 deleted = f->deleted ? 1 : 0;
	long long	 upto = (long long)f->count_cap + 1;
	struct db_rows	 r;
	enum db_err	 e;

	if (unfiltered(f) && f->count_cap)
		e = db_query_in(db, &eng_stmts, ENG_COUNT_ALL_UPTO,
		    DB_ARGS(DB_INT(deleted), DB_INT(upto)), a, &r);
	else if (unfiltered(f))
		e = db_query_in(db, &eng_stmts, ENG_COUNT_ALL,
		    DB_ARGS(DB_INT(deleted)), a, &r);
	else if (f->count_cap)
		e = db_query_in(db, &eng_stmts, ENG_COUNT_UPTO,
		    DB_ARGS(FILTER_ARGS(f, like), DB_INT(upto)), a, &r);
	else
		e = db_query_in(db, &eng_stmts, ENG_COUNT,
		    DB_ARGS(FILTER_ARGS(f, like)), a, &r);
	if (e == DB_OK)
		*total = (size_t)db_num(DB_CELL(&r, 0, 0));
	return e;
}

/*
 * The people of the rows, read by id ENG_PAGE_IDS rows at a time (one
 * statement for a page, a few hundred for the CSV of a year): the
 * filter is not run again, and each batch is attached to its own rows.
 */
static enum db_err
rows_people(struct db *db, struct arena *a, struct eng_row *rows, size_t n)
{
	struct db_val	 ids[ENG_PAGE_IDS];
	struct db_rows	 pr;
	enum db_err	 e;
	size_t		 at, i, batch;

	for (at = 0; at < n; at += batch) {
		batch = n - at < ENG_PAGE_IDS ? n - at : ENG_PAGE_IDS;
		for (i = 0; i < ENG_PAGE_IDS; i++)
			ids[i] = DB_INT(i < batch ? rows[at + i].id : 0);
		if ((e = db_query_in(db, &eng_stmts, ENG_PAGE_PEOPLE, ids,
		    ENG_PAGE_IDS, a, &pr)) != DB_OK ||
		    (e = attach_people(a, rows + at, batch, &pr)) != DB_OK)
			return e;
	}
	return DB_OK;
}

enum db_err
engagement_list(struct db *db, struct arena *a, const struct eng_filter *f,
    struct eng_row **out, size_t *n, size_t *total)
{
	const char	*like = opt(f->q) ? like_escape(a, f->q) : NULL;
	long long	 limit = f->limit ? (long long)f->limit : 1LL << 40;
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	*total = 0;
	if (opt(f->q) && like == NULL)
		return DB_NOMEM;
	if ((e = count_matches(db, a, f, like, total)) != DB_OK)
		return e;
	if (unfiltered(f))
		e = db_query_in(db, &eng_stmts, ENG_LIST_ALL, DB_ARGS(
		    ENG_READER_ARGS(&f->reader), DB_INT(f->deleted ? 1 : 0),
		    DB_INT(limit), DB_INT((long long)f->offset)), a, &r);
	else
		e = db_query_in(db, &eng_stmts, ENG_LIST, DB_ARGS(
		    ENG_READER_ARGS(&f->reader), FILTER_ARGS(f, like),
		    DB_INT(limit), DB_INT((long long)f->offset)), a, &r);
	if (e != DB_OK)
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		(*out)[i].id = db_num(DB_CELL(&r, i, 0));
		(*out)[i].date = DB_CELL(&r, i, 1);
		(*out)[i].time = DB_CELL(&r, i, 2);
		(*out)[i].type_label = DB_CELL(&r, i, 3);
		(*out)[i].title = DB_CELL(&r, i, 4);
		(*out)[i].confidential = db_num(DB_CELL(&r, i, 5)) != 0;
		(*out)[i].text_hidden = db_num(DB_CELL(&r, i, 6)) == 0;
		if ((*out)[i].text_hidden)
			(*out)[i].title = ENG_CONFIDENTIAL_TITLE;
	}
	*n = r.nrows;
	return rows_people(db, a, *out, *n);
}

/* The kinds of row of ENG_PARTS, in its order. */
enum eng_part {
	PART_PERSON = 1,
	PART_ORG,
	PART_STAFF,
	PART_AREA,
	PART_FOLLOWUP,
	PART__MAX
};

/* Row i of a statement from column col on as a follow-up. */
static void
followup_from(const struct db_rows *r, size_t i, size_t col,
    struct followup *f)
{
	f->id = db_num(DB_CELL(r, i, col));
	f->engagement_id = db_num(DB_CELL(r, i, col + 1));
	f->engagement_title = DB_CELL(r, i, col + 2);
	f->action = DB_CELL(r, i, col + 3);
	f->owner_id = db_num(DB_CELL(r, i, col + 4));
	f->owner_name = DB_CELL(r, i, col + 5);
	f->due_on = DB_CELL(r, i, col + 6);
	f->done = db_num(DB_CELL(r, i, col + 7)) != 0;
	f->done_at = DB_CELL(r, i, col + 8);
}

/* Row i of ENG_PARTS (from column 1 on) as a reference. */
static void
ref_from(const struct db_rows *r, size_t i, struct eng_ref *ref)
{
	ref->id = db_num(DB_CELL(r, i, 1));
	ref->name = DB_CELL(r, i, 2);
	ref->flag = db_num(DB_CELL(r, i, 3)) != 0;
}

/*
 * Room for n[kind] rows of each kind in en (one more, so that none is
 * NULL), the counts left at 0 for parts_fill() to count up again.
 */
static enum db_err
parts_alloc(struct arena *a, const size_t n[PART__MAX], struct engagement *en)
{
	en->people = arena_alloc(a, (n[PART_PERSON] + 1) * sizeof(*en->people));
	en->orgs = arena_alloc(a, (n[PART_ORG] + 1) * sizeof(*en->orgs));
	en->staff = arena_alloc(a, (n[PART_STAFF] + 1) * sizeof(*en->staff));
	en->areas = arena_alloc(a, (n[PART_AREA] + 1) * sizeof(*en->areas));
	en->followups = arena_alloc(a, (n[PART_FOLLOWUP] + 1) *
	    sizeof(*en->followups));
	if (en->people == NULL || en->orgs == NULL || en->staff == NULL ||
	    en->areas == NULL || en->followups == NULL)
		return DB_NOMEM;
	en->npeople = en->norgs = en->nstaff = en->nareas = en->nfollowups = 0;
	return DB_OK;
}

/* The rows of ENG_PARTS into en's lists, each kind in its order. */
static void
parts_fill(const struct db_rows *r, struct engagement *en)
{
	size_t	 i;

	for (i = 0; i < r->nrows; i++) {
		switch (db_num(DB_CELL(r, i, 0))) {
		case PART_PERSON:
			person_from(r, i, 1, &en->people[en->npeople++]);
			break;
		case PART_ORG:
			ref_from(r, i, &en->orgs[en->norgs++]);
			break;
		case PART_STAFF:
			ref_from(r, i, &en->staff[en->nstaff++]);
			break;
		case PART_AREA:
			ref_from(r, i, &en->areas[en->nareas++]);
			break;
		case PART_FOLLOWUP:
			followup_from(r, i, 1, &en->followups[en->nfollowups++]);
			break;
		}
	}
}

/* The people, organisations, staff, policy areas and follow-ups of en. */
static enum db_err
load_parts(struct db *db, struct arena *a, struct engagement *en)
{
	struct db_rows	 r;
	size_t		 n[PART__MAX] = { 0 }, i;
	long long	 kind;
	enum db_err	 e;

	e = db_query_in(db, &eng_stmts, ENG_PARTS, DB_ARGS(DB_INT(en->id),
	    DB_INT(en->id), DB_INT(en->id), DB_INT(en->id), DB_INT(en->id)),
	    a, &r);
	if (e != DB_OK)
		return e;
	for (i = 0; i < r.nrows; i++)
		if ((kind = db_num(DB_CELL(&r, i, 0))) > 0 && kind < PART__MAX)
			n[kind]++;
	if ((e = parts_alloc(a, n, en)) != DB_OK)
		return e;
	parts_fill(&r, en);
	return DB_OK;
}

enum db_err
engagement_get(struct db *db, struct arena *a, long long id,
    struct engagement *en)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(en, 0, sizeof(*en));
	e = db_query_in(db, &eng_stmts, ENG_GET, DB_ARGS(DB_INT(id)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	en->id = db_num(DB_CELL(&r, 0, 0));
	en->type = DB_CELL(&r, 0, 1);
	en->type_label = DB_CELL(&r, 0, 2);
	en->date = DB_CELL(&r, 0, 3);
	en->time = DB_CELL(&r, 0, 4);
	en->title = DB_CELL(&r, 0, 5);
	en->summary = DB_CELL(&r, 0, 6);
	en->outcome = DB_CELL(&r, 0, 7);
	en->media_outlet_id = db_num(DB_CELL(&r, 0, 8));
	en->media_outlet_name = DB_CELL(&r, 0, 9);
	en->media_medium = DB_CELL(&r, 0, 10);
	en->media_programme = DB_CELL(&r, 0, 11);
	en->media_link = DB_CELL(&r, 0, 12);
	en->version = (int)db_num(DB_CELL(&r, 0, 13));
	en->deleted = db_num(DB_CELL(&r, 0, 14)) != 0;
	en->created_by_name = DB_CELL(&r, 0, 15);
	en->created_by = db_num(DB_CELL(&r, 0, 16));
	en->confidential = db_num(DB_CELL(&r, 0, 17)) != 0;
	return load_parts(db, a, en);
}

/* "1,5,9": the ids of a link list, for the audit log. */
static const char *
id_list(struct arena *a, const long long *ids, size_t n)
{
	struct buf	 b;
	const char	*s;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i ? "," : "", ids[i]);
	s = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

static const char *
followup_list(struct arena *a, const struct followup *f, size_t n)
{
	struct buf	 b;
	const char	*s;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s (owner %lld, due %s%s)", i ? "; " : "",
		    f[i].action ? f[i].action : "", f[i].owner_id,
		    f[i].due_on && *f[i].due_on ? f[i].due_on : "-",
		    f[i].done ? ", done" : "");
	s = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

/* The ids of a ref or person list, as an array. */
static long long *
ids_of(struct arena *a, const void *base, size_t n, size_t stride)
{
	long long	*ids = arena_alloc(a, (n + 1) * sizeof(*ids));
	size_t		 i;

	for (i = 0; ids != NULL && i < n; i++)
		ids[i] = *(const long long *)((const char *)base + i * stride);
	return ids;
}

static char *
engagement_json(struct arena *a, const struct engagement *en)
{
	char	 outlet[24];
	const struct audit_field f[] = {
		{ "type", en->type }, { "date", en->date }, { "time", en->time },
		{ "title", en->title }, { "summary", en->summary },
		{ "outcome", en->outcome },
		{ "people", id_list(a, ids_of(a, en->people, en->npeople,
		    sizeof(*en->people)), en->npeople) },
		{ "organisations", id_list(a, ids_of(a, en->orgs, en->norgs,
		    sizeof(*en->orgs)), en->norgs) },
		{ "staff", id_list(a, ids_of(a, en->staff, en->nstaff,
		    sizeof(*en->staff)), en->nstaff) },
		{ "policy areas", id_list(a, ids_of(a, en->areas, en->nareas,
		    sizeof(*en->areas)), en->nareas) },
		{ "media outlet", outlet }, { "medium", en->media_medium },
		{ "programme", en->media_programme }, { "link", en->media_link },
		{ "confidential", en->confidential ? "yes" : "no" },
		{ "follow-ups", followup_list(a, en->followups, en->nfollowups) },
	};

	snprintf(outlet, sizeof(outlet), "%lld", en->media_outlet_id);
	if (en->media_outlet_id == 0)
		outlet[0] = '\0';
	return audit_json(a, f, sizeof(f) / sizeof(f[0]));
}

#define ENG_ARGS(en) DB_STR((en)->type), DB_STR((en)->date), \
	DB_STR((en)->time ? (en)->time : ""), DB_STR((en)->title), \
	DB_STR((en)->summary ? (en)->summary : ""), \
	DB_STR((en)->outcome ? (en)->outcome : ""), \
	DB_INT((en)->media_outlet_id), \
	DB_STR((en)->media_medium ? (en)->media_medium : ""), \
	DB_STR((en)->media_programme ? (en)->media_programme : ""), \
	DB_STR((en)->media_link ? (en)->media_link : ""), \
	DB_INT((en)->confidential ? 1 : 0)

static int
kept(const struct engagement *en, long long followup_id)
{
	size_t	 i;

	for (i = 0; i < en->nfollowups; i++)
		if (en->followups[i].id == followup_id)
			return 1;
	return 0;
}

/*
 * Follow-ups keep their ids across edits (a "mark done" page open
 * elsewhere, and the audit log, still find them): rows with an id of this
 * engagement are updated, the others inserted, and the ones no longer on
 * the form deleted.
 */
static enum db_err
write_followups(struct db *db, const struct engagement *en, int is_new)
{
	struct arena	 a;
	struct db_rows	 r = { 0, 0, NULL };
	enum db_err	 e = DB_OK;
	size_t		 i;

	arena_init(&a);
	if (!is_new)
		e = db_query_in(db, &eng_stmts, ENG_FOLLOWUP_IDS,
		    DB_ARGS(DB_INT(en->id)), &a, &r);
	for (i = 0; e == DB_OK && i < r.nrows; i++)
		if (!kept(en, db_num(DB_CELL(&r, i, 0))))
			e = db_exec_in(db, &eng_stmts, ENG_FOLLOWUP_DELETE, DB_ARGS(
			    DB_INT(db_num(DB_CELL(&r, i, 0))), DB_INT(en->id)),
			    NULL, NULL);
	for (i = 0; e == DB_OK && i < en->nfollowups; i++) {
		const struct followup	*f = &en->followups[i];
		unsigned long long	 affected = 0;
		const char		*due = f->due_on ? f->due_on : "";

		if (f->id > 0)
			e = db_exec_in(db, &eng_stmts, ENG_FOLLOWUP_UPDATE,
			    DB_ARGS(DB_STR(f->action), DB_INT(f->owner_id),
			    DB_STR(due), DB_INT(f->done ? 1 : 0), DB_INT(f->id),
			    DB_INT(en->id)), &affected, NULL);
		if (e == DB_OK && affected == 0)
			e = db_exec_in(db, &eng_stmts, ENG_ADD_FOLLOWUP, DB_ARGS(
			    DB_INT(en->id), DB_STR(f->action),
			    DB_INT(f->owner_id), DB_STR(due),
			    DB_INT(f->done ? 1 : 0),
			    DB_STR(f->done_at ? f->done_at : "")), NULL, NULL);
	}
	arena_free(&a);
	return e;
}

/*
 * Replace the link rows and write the follow-ups of a saved engagement.
 * A new one has none to clear, and is not asked to: looking for its rows
 * would take next-key locks at the end of each link index, where every
 * concurrent new engagement inserts, and deadlock with them.
 */
static enum db_err
write_links(struct db *db, const struct engagement *en, int is_new)
{
	static const unsigned clear[] = { ENG_CLEAR_PEOPLE, ENG_CLEAR_ORGS,
	    ENG_CLEAR_STAFF, ENG_CLEAR_AREAS };
	enum db_err	 e = DB_OK;
	size_t		 i;

	for (i = 0; !is_new && e == DB_OK && i < sizeof(clear) / sizeof(clear[0]);
	    i++)
		e = db_exec_in(db, &eng_stmts, clear[i],
		    DB_ARGS(DB_INT(en->id)), NULL, NULL);
	for (i = 0; e == DB_OK && i < en->npeople; i++)
		e = db_exec_in(db, &eng_stmts, ENG_ADD_PERSON, DB_ARGS(
		    DB_INT(en->id), DB_INT(en->people[i].id)), NULL, NULL);
	for (i = 0; e == DB_OK && i < en->norgs; i++)
		e = db_exec_in(db, &eng_stmts, ENG_ADD_ORG, DB_ARGS(
		    DB_INT(en->id), DB_INT(en->orgs[i].id)), NULL, NULL);
	for (i = 0; e == DB_OK && i < en->nstaff; i++)
		e = db_exec_in(db, &eng_stmts, ENG_ADD_STAFF, DB_ARGS(
		    DB_INT(en->id), DB_INT(en->staff[i].id)), NULL, NULL);
	for (i = 0; e == DB_OK && i < en->nareas; i++)
		e = db_exec_in(db, &eng_stmts, ENG_ADD_AREA, DB_ARGS(
		    DB_INT(en->id), DB_INT(en->areas[i].id)), NULL, NULL);
	return e == DB_OK ? write_followups(db, en, is_new) : e;
}

static enum db_err
engagement_update(struct db *db, struct arena *a, const char *actor,
    struct engagement *en)
{
	struct engagement	 old;
	enum db_err		 e;

	if ((e = engagement_get(db, a, en->id, &old)) != DB_OK)
		return e;
	if (old.deleted || old.version != en->version)
		return DB_CONFLICT;
	e = audit_update_versioned(db, &eng_stmts, ENG_UPDATE,
	    DB_ARGS(ENG_ARGS(en), DB_INT(en->id), DB_INT(en->version)));
	if (e == DB_OK)
		e = write_links(db, en, 0);
	if (e == DB_OK)
		e = audit_write(db, actor, "engagement", en->id, "update",
		    engagement_json(a, &old), engagement_json(a, en));
	if (e == DB_OK)
		en->version++;
	return e;
}

/* A transaction for writing engagements; see ENG_READ_COMMITTED. */
static enum db_err
begin_write(struct db *db)
{
	enum db_err	 e;

	/* Inside another transaction (logging a mention) it already runs. */
	if (db->tx_depth == 0 && (e = db_exec_in(db, &eng_stmts,
	    ENG_READ_COMMITTED, NULL, 0, NULL, NULL)) != DB_OK)
		return e;
	return db_begin(db);
}

enum db_err
engagement_save(struct db *db, const char *actor, long long user_id,
    struct engagement *en)
{
	struct arena		 a;
	unsigned long long	 id = 0;
	enum db_err		 e;

	arena_init(&a);
	if ((e = begin_write(db)) != DB_OK)
		goto out;
	if (en->id != 0)
		e = engagement_update(db, &a, actor, en);
	else {
		e = db_exec_in(db, &eng_stmts, ENG_INSERT, DB_ARGS(ENG_ARGS(en),
		    DB_INT(user_id)), NULL, &id);
		if (e == DB_OK) {
			en->id = (long long)id;
			e = write_links(db, en, 1);
		}
		/* Logged from the press inbox: that mention is now logged. */
		if (e == DB_OK && en->mention_id > 0)
			e = db_exec_in(db, &eng_stmts, ENG_MENTION_LOGGED,
			    DB_ARGS(DB_INT(en->id), DB_INT(en->mention_id)),
			    NULL, NULL);
		if (e == DB_OK)
			e = audit_write(db, actor, "engagement", en->id,
			    "create", NULL, engagement_json(&a, en));
		if (e == DB_OK)
			en->version = 1;
		else
			en->id = 0;
	}
	e = db_finish(db, e);
out:
	arena_free(&a);
	return e;
}

static enum db_err
set_deleted(struct db *db, const char *actor, long long id, int deleted)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;

	if ((e = begin_write(db)) != DB_OK)
		return e;
	e = db_exec_in(db, &eng_stmts, ENG_SET_DELETED, DB_ARGS(DB_INT(deleted),
	    DB_INT(id), DB_INT(deleted)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_NOTFOUND;
	if (e == DB_OK)
		e = audit_write(db, actor, "engagement", id,
		    deleted ? "delete" : "restore", NULL, NULL);
	return db_finish(db, e);
}

enum db_err
engagement_delete(struct db *db, const char *actor, long long id)
{
	return set_deleted(db, actor, id, 1);
}

enum db_err
engagement_restore(struct db *db, const char *actor, long long id)
{
	return set_deleted(db, actor, id, 0);
}

enum db_err
followups_for(struct db *db, struct arena *a, const struct eng_reader *reader,
    long long user_id, struct followup **out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	reader = eng_reader_or_nobody(reader);
	e = db_query_in(db, &eng_stmts, ENG_FOLLOWUPS_FOR, DB_ARGS(
	    ENG_READER_ARGS(reader), DB_INT(user_id)), a, &r);
	if (e != DB_OK)
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		followup_from(&r, i, 0, &(*out)[i]);
		if (db_num(DB_CELL(&r, i, 9)) == 0) {
			(*out)[i].engagement_title = ENG_CONFIDENTIAL_TITLE;
			(*out)[i].action = ENG_CONFIDENTIAL_TEXT;
		}
	}
	*n = r.nrows;
	return DB_OK;
}

enum db_err
followups_count(struct db *db, long long user_id, const char *today,
    long *open, long *overdue)
{
	struct arena	 a;
	struct db_rows	 r;
	enum db_err	 e;

	*open = *overdue = 0;
	arena_init(&a);
	e = db_query_in(db, &eng_stmts, ENG_FOLLOWUPS_COUNT,
	    DB_ARGS(DB_STR(today), DB_INT(user_id)), &a, &r);
	if (e == DB_OK && r.nrows == 1) {
		*open = (long)db_num(DB_CELL(&r, 0, 0));
		*overdue = (long)db_num(DB_CELL(&r, 0, 1));
	}
	arena_free(&a);
	return e;
}

enum db_err
followup_set_done(struct db *db, const char *actor, long long fid, int done)
{
	struct arena	 a;
	struct db_rows	 r;
	enum db_err	 e;
	long long	 eid = 0;
	char		 detail[64];

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	e = db_query_in(db, &eng_stmts, ENG_FOLLOWUP_ENGAGEMENT,
	    DB_ARGS(DB_INT(fid)), &a, &r);
	if (e == DB_OK && r.nrows == 0)
		e = DB_NOTFOUND;
	if (e == DB_OK) {
		eid = db_num(DB_CELL(&r, 0, 0));
		e = db_exec_in(db, &eng_stmts, ENG_FOLLOWUP_SET_DONE,
		    DB_ARGS(DB_INT(done ? 1 : 0), DB_INT(fid)), NULL, NULL);
	}
	if (e == DB_OK)
		e = db_exec_in(db, &eng_stmts, ENG_BUMP_VERSION,
		    DB_ARGS(DB_INT(eid)), NULL, NULL);
	snprintf(detail, sizeof(detail), "{\"follow-up %lld\":\"%s\"}", fid,
	    done ? "done" : "open");
	if (e == DB_OK)
		e = audit_write(db, actor, "engagement", eid, "follow-up",
		    NULL, detail);
	e = db_finish(db, e);
out:
	arena_free(&a);
	return e;
}
