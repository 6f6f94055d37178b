#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "db.h"
#include "directory.h"
#include "eng_privacy.h"
#include "eng_sql.h"
#include "engagements.h"
#include "form.h"
#include "report.h"

/* Strategy years start on 1 July (HIAS+JCORE's 2024-2027 strategy). */
#define YEAR_START_MONTH	7

/* Stale days recomputed per transaction, so no refresh holds locks long. */
#define REFRESH_DAYS		64

#define ER_LOCK_WAIT_TIMEOUT	1205
#define ER_LOCK_DEADLOCK	1213

const char *const report_section_names[RS__MAX] = {
	[RS_TYPE] = "type",
	[RS_MEDIUM] = "medium",
	[RS_ORG_KIND] = "organisation_kind",
	[RS_CATEGORY] = "category",
	[RS_DECISION_MAKERS] = "decision_makers",
	[RS_PARTY] = "party",
	[RS_AREA] = "policy_area",
};

/* The dimension column of report_day_counts for each section. */
static const char *const section_dimension[RS__MAX] = {
	[RS_TYPE] = "type",
	[RS_MEDIUM] = "medium",
	[RS_ORG_KIND] = "org_kind",
	[RS_CATEGORY] = "category",
	[RS_DECISION_MAKERS] = "dm",
	[RS_PARTY] = "party",
	[RS_AREA] = "area",
};

/*
 * The engagements of the days a refresh claimed.  Each count below is
 * the /engagements filter of the same name (lib/engagements.c, FILTER)
 * grouped by day: the same joins and expressions from lib/eng_sql.h.
 */
#define CLAIMED \
	"e.deleted_at IS NULL AND e.occurred_on IN (SELECT c.day FROM " \
	"report_refresh_claim_days c WHERE c.conn = CONNECTION_ID()) "
#define ADD_COUNTS \
	"INSERT INTO report_day_counts (day, dimension, item, n) "
/* Two reports refreshing one day at once: the later count stands. */
#define KEEP_LATEST \
	" ON DUPLICATE KEY UPDATE n = VALUES(n)"
/* The engagements the report lists: the first of the period by date. */
#define LISTED \
	"SELECT e.id FROM engagements e WHERE e.deleted_at IS NULL " \
	"AND e.occurred_on BETWEEN ? AND ? " \
	"ORDER BY e.occurred_on, e.occurred_time, e.id LIMIT ?"
#define WITH_PEOPLE_THEN \
	"FROM engagements e JOIN engagement_people x " \
	"ON x.engagement_id = e.id " ENG_PERSON_THEN

enum {
	RPT_DIRTY_COUNT,
	RPT_READ_COMMITTED,
	RPT_LOCK,
	RPT_CLAIMS_CLEAR,
	RPT_CLAIM_DAYS_CLEAR,
	RPT_CLAIM,
	RPT_CLAIM_DAYS,
	RPT_CLEAR_DAYS,
	RPT_COUNT_TOTAL,
	RPT_COUNT_TYPE,
	RPT_COUNT_MEDIUM,
	RPT_COUNT_ORG_KIND,
	RPT_COUNT_CATEGORY,
	RPT_COUNT_PARTY,
	RPT_COUNT_AREA,
	RPT_COUNT_DM,
	RPT_COUNT_DM_NEW,
	RPT_COUNT_DM_EXISTING,
	RPT_MONTHS_CLEAR,
	RPT_MONTHS_ADD,
	RPT_UNMARK,
	RPT_SUMS,
	RPT_TYPES,
	RPT_CATEGORIES,
	RPT_AREAS,
	RPT_SEATS,
	RPT_LIST,
	RPT_LIST_PEOPLE,
	RPT__MAX
};

static const char *const rpt_sql[RPT__MAX] = {
	/* Any mark at all: a day has as many as changes since its count. */
	[RPT_DIRTY_COUNT] =
	    "SELECT EXISTS (SELECT 1 FROM report_dirty_days "
	    "WHERE day BETWEEN ? AND ?)",
	/* Each count sees what is committed when it starts, never locks. */
	[RPT_READ_COMMITTED] =
	    "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
	/* One refresh at a time, so the month sums add committed days. */
	[RPT_LOCK] =
	    "SELECT id FROM report_refresh_lock WHERE id = 1 FOR UPDATE",
	[RPT_CLAIMS_CLEAR] =
	    "DELETE FROM report_refresh_claims WHERE conn = CONNECTION_ID()",
	[RPT_CLAIM_DAYS_CLEAR] =
	    "DELETE FROM report_refresh_claim_days WHERE conn = CONNECTION_ID()",
	/* Every mark of the first marked days (sql/018). */
	[RPT_CLAIM] =
	    "INSERT INTO report_refresh_claims (conn, day, gen) "
	    "SELECT CONNECTION_ID(), d.day, d.gen FROM report_dirty_days d "
	    "JOIN (SELECT DISTINCT day FROM report_dirty_days "
	    "WHERE day BETWEEN ? AND ? ORDER BY day LIMIT ?) f ON f.day = d.day",
	/* Their days, once each, for the counts to join. */
	[RPT_CLAIM_DAYS] =
	    "INSERT INTO report_refresh_claim_days (conn, day) "
	    "SELECT DISTINCT conn, day FROM report_refresh_claims "
	    "WHERE conn = CONNECTION_ID()",
	[RPT_CLEAR_DAYS] =
	    "DELETE FROM report_day_counts WHERE day IN (SELECT c.day FROM "
	    "report_refresh_claim_days c WHERE c.conn = CONNECTION_ID())",
	[RPT_COUNT_TOTAL] = ADD_COUNTS
	    "SELECT e.occurred_on, 'total', '', COUNT(*) FROM engagements e "
	    "WHERE " CLAIMED "GROUP BY e.occurred_on" KEEP_LATEST,
	[RPT_COUNT_TYPE] = ADD_COUNTS
	    "SELECT e.occurred_on, 'type', e.type, COUNT(*) FROM engagements e "
	    "WHERE " CLAIMED "GROUP BY e.occurred_on, e.type" KEEP_LATEST,
	[RPT_COUNT_MEDIUM] = ADD_COUNTS
	    "SELECT e.occurred_on, 'medium', e.media_medium, COUNT(*) "
	    "FROM engagements e WHERE " CLAIMED "AND e.media_medium IS NOT NULL "
	    "GROUP BY e.occurred_on, e.media_medium" KEEP_LATEST,
	/* Linked organisations and the media outlet, as the filter. */
	[RPT_COUNT_ORG_KIND] = ADD_COUNTS
	    "SELECT k.day, 'org_kind', k.kind, COUNT(DISTINCT k.id) FROM ("
	    "SELECT e.id, e.occurred_on AS day, ox.kind FROM engagements e "
	    "JOIN engagement_organisations x ON x.engagement_id = e.id "
	    "JOIN organisations ox ON ox.id = x.organisation_id WHERE " CLAIMED
	    "UNION ALL SELECT e.id, e.occurred_on, ox.kind FROM engagements e "
	    "JOIN organisations ox ON ox.id = e.media_outlet_id WHERE " CLAIMED
	    ") k GROUP BY k.day, k.kind" KEEP_LATEST,
	[RPT_COUNT_CATEGORY] = ADD_COUNTS
	    "SELECT e.occurred_on, 'category', " CATEGORY_THEN ", "
	    "COUNT(DISTINCT e.id) " WITH_PEOPLE_THEN "WHERE " CLAIMED
	    "GROUP BY e.occurred_on, " CATEGORY_THEN KEEP_LATEST,
	[RPT_COUNT_PARTY] = ADD_COUNTS
	    "SELECT e.occurred_on, 'party', " PARTY_THEN ", "
	    "COUNT(DISTINCT e.id) " WITH_PEOPLE_THEN "WHERE " CLAIMED
	    "AND " PARTY_THEN " <> '' GROUP BY e.occurred_on, " PARTY_THEN
	    KEEP_LATEST,
	[RPT_COUNT_AREA] = ADD_COUNTS
	    "SELECT e.occurred_on, 'area', x.policy_area_id, COUNT(*) "
	    "FROM engagements e JOIN engagement_policy_areas x "
	    "ON x.engagement_id = e.id WHERE " CLAIMED
	    "GROUP BY e.occurred_on, x.policy_area_id" KEEP_LATEST,
	[RPT_COUNT_DM] = ADD_COUNTS
	    "SELECT e.occurred_on, 'dm', '', COUNT(DISTINCT e.id) "
	    WITH_PEOPLE_THEN "WHERE " CLAIMED "AND " DECISION_MAKER_THEN " "
	    "GROUP BY e.occurred_on" KEEP_LATEST,
	[RPT_COUNT_DM_NEW] = ADD_COUNTS
	    "SELECT e.occurred_on, 'dm', 'new', COUNT(DISTINCT e.id) "
	    WITH_PEOPLE_THEN "WHERE " CLAIMED "AND " DECISION_MAKER_THEN " "
	    "AND " NEW_TO_US " GROUP BY e.occurred_on" KEEP_LATEST,
	[RPT_COUNT_DM_EXISTING] = ADD_COUNTS
	    "SELECT e.occurred_on, 'dm', 'existing', COUNT(DISTINCT e.id) "
	    WITH_PEOPLE_THEN "WHERE " CLAIMED "AND " DECISION_MAKER_THEN " "
	    "AND NOT " NEW_TO_US " GROUP BY e.occurred_on" KEEP_LATEST,
	/* The months of the claimed days, summed again from their days. */
	[RPT_MONTHS_CLEAR] =
	    "DELETE FROM report_month_counts WHERE month IN (SELECT "
	    "c.day - INTERVAL DAYOFMONTH(c.day) - 1 DAY FROM report_refresh_claim_days c "
	    "WHERE c.conn = CONNECTION_ID())",
	[RPT_MONTHS_ADD] =
	    "INSERT INTO report_month_counts (month, dimension, item, n) "
	    "SELECT m.month, d.dimension, d.item, SUM(d.n) FROM (SELECT DISTINCT "
	    "c.day - INTERVAL DAYOFMONTH(c.day) - 1 DAY AS month "
	    "FROM report_refresh_claim_days c WHERE c.conn = CONNECTION_ID()) m "
	    "JOIN report_day_counts d ON d.day BETWEEN m.month AND LAST_DAY(m.month) "
	    "GROUP BY m.month, d.dimension, d.item",
	/* Only the marks this refresh saw: one made since stays. */
	[RPT_UNMARK] =
	    "DELETE d FROM report_dirty_days d JOIN report_refresh_claims c "
	    "ON c.day = d.day AND c.gen = d.gen WHERE c.conn = CONNECTION_ID()",
	/* Whole months from their sums, the days either side from theirs. */
	[RPT_SUMS] =
	    "SELECT dimension, item, SUM(n) FROM ("
	    "SELECT dimension, item, n FROM report_month_counts "
	    "WHERE month BETWEEN ? AND ? UNION ALL "
	    "SELECT dimension, item, n FROM report_day_counts "
	    "WHERE day BETWEEN ? AND ? UNION ALL "
	    "SELECT dimension, item, n FROM report_day_counts "
	    "WHERE day BETWEEN ? AND ?) s GROUP BY dimension, item",
	[RPT_TYPES] =
	    "SELECT code, label, 0 FROM engagement_types ORDER BY sort_order, label",
	[RPT_CATEGORIES] =
	    "SELECT code, label, decision_maker FROM person_categories "
	    "ORDER BY decision_maker DESC, sort_order, label",
	[RPT_AREAS] =
	    "SELECT id, name, priority, retired FROM policy_areas "
	    "ORDER BY priority DESC, name",
	/* Seats: the MPs the directory holds as current, by party now. */
	[RPT_SEATS] =
	    "SELECT p.party, COUNT(*) FROM people p WHERE p.deleted_at IS NULL "
	    "AND p.is_current = 1 AND p.house = 'commons' AND EXISTS (SELECT 1 "
	    "FROM person_terms t WHERE t.person_id = p.id AND t.ended_on IS NULL) "
	    "GROUP BY p.party",
	/* The page of ids first: the date index gives them in order. */
	[RPT_LIST] =
	    "SELECT e.id, e.occurred_on, IFNULL(TIME_FORMAT(e.occurred_time, "
	    "'%H:%i'), ''), t.label, e.title, e.outcome, e.confidential, "
	    ENG_TEXT_READABLE " FROM (" LISTED ") page "
	    "JOIN engagements e ON e.id = page.id "
	    "JOIN engagement_types t ON t.code = e.type "
	    "ORDER BY e.occurred_on, e.occurred_time, e.id",
	[RPT_LIST_PEOPLE] =
	    "SELECT x.engagement_id, " PERSON_ON_ENGAGEMENT " "
	    "FROM (" LISTED ") page JOIN engagement_people x "
	    "ON x.engagement_id = page.id JOIN engagements e "
	    "ON e.id = x.engagement_id JOIN people px ON px.id = x.person_id "
	    ENG_PERSON_THEN "ORDER BY x.engagement_id, px.full_name",
};

static const struct db_stmts rpt_stmts = { DB_SLOT_REPORT, rpt_sql, RPT__MAX };

/* --- periods -------------------------------------------------------------- */

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static void
date_parts(const char *s, int *y, int *m, int *d)
{
	if (sscanf(s, "%4d-%2d-%2d", y, m, d) != 3) {
		*y = 1970;
		*m = *d = 1;
	}
}

static void
date_set(char out[11], int y, int m, int d)
{
	/* The ranges let the compiler see that it fits. */
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
}

void
report_strategy_year(const char *date, struct report_period *p)
{
	int	 y, m, d;

	int	 end_y, end_m;

	date_parts(date, &y, &m, &d);
	if (m < YEAR_START_MONTH)
		y--;
	date_set(p->from, y, YEAR_START_MONTH, 1);
	/* It ends the day before the next year starts. */
	end_y = YEAR_START_MONTH == 1 ? y : y + 1;
	end_m = YEAR_START_MONTH == 1 ? 12 : YEAR_START_MONTH - 1;
	date_set(p->to, end_y, end_m, month_days(end_y, end_m));
}

static void
month_of(int y, int m, struct report_period *p)
{
	date_set(p->from, y, m, 1);
	date_set(p->to, y, m, month_days(y, m));
}

void
report_preset(enum report_preset which, const char *today,
    struct report_period *p)
{
	struct report_period	 now;
	int			 y, m, d;

	date_parts(today, &y, &m, &d);
	switch (which) {
	case PRESET_LAST_YEAR:
		report_strategy_year(today, &now);
		report_year_earlier(&now, p);
		break;
	case PRESET_THIS_MONTH:
		month_of(y, m, p);
		break;
	case PRESET_LAST_MONTH:
		month_of(m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1, p);
		break;
	default:
		report_strategy_year(today, p);
		break;
	}
}

/* The same date a year earlier; a month's last day stays its last. */
static void
year_earlier(const char *date, char out[11])
{
	int	 y, m, d;

	date_parts(date, &y, &m, &d);
	if (d == month_days(y, m) || d > month_days(y - 1, m))
		d = month_days(y - 1, m);
	date_set(out, y - 1, m, d);
}

void
report_year_earlier(const struct report_period *p, struct report_period *out)
{
	int	 y, m, d;

	date_parts(p->from, &y, &m, &d);
	/* A start on 29 February moves to the 28th, not to 1 March. */
	date_set(out->from, y - 1, m, d > month_days(y - 1, m) ?
	    month_days(y - 1, m) : d);
	year_earlier(p->to, out->to);
}

const char *
report_period_check(const char *from, const char *to, const char **field)
{
	const char	*msg;

	*field = "from";
	if (from == NULL || *from == '\0')
		return "Enter the first day of the period, for example "
		    "2024-07-01.";
	if ((msg = validate_date(from)) != NULL)
		return msg;
	*field = "to";
	if (to == NULL || *to == '\0')
		return "Enter the last day of the period, for example "
		    "2025-06-30.";
	if ((msg = validate_date(to)) != NULL)
		return msg;
	if (strcmp(from, to) > 0)
		return "The last day must be on or after the first day.";
	*field = NULL;
	return NULL;
}

/* --- keeping the day summaries current ------------------------------------ */

static long
days_between(const char *from, const char *to)
{
	int	 y1, m1, d1, y2, m2, d2;

	date_parts(from, &y1, &m1, &d1);
	date_parts(to, &y2, &m2, &d2);
	/* An upper bound is enough: it limits the refresh loop. */
	return (y2 - y1) * 372L + (m2 - m1) * 31L + (d2 - d1) + 1;
}

/* This connection's claims: the marks and their days. */
static enum db_err
claims_clear(struct db *db)
{
	enum db_err	 e;

	e = db_exec_in(db, &rpt_stmts, RPT_CLAIMS_CLEAR, NULL, 0, NULL, NULL);
	if (e == DB_OK)
		e = db_exec_in(db, &rpt_stmts, RPT_CLAIM_DAYS_CLEAR, NULL, 0,
		    NULL, NULL);
	return e;
}

/* Recompute at most REFRESH_DAYS stale days of p in one transaction. */
static enum db_err
refresh_chunk(struct db *db, const struct report_period *p)
{
	static const unsigned counts[] = { RPT_COUNT_TOTAL, RPT_COUNT_TYPE,
	    RPT_COUNT_MEDIUM, RPT_COUNT_ORG_KIND, RPT_COUNT_CATEGORY,
	    RPT_COUNT_PARTY, RPT_COUNT_AREA, RPT_COUNT_DM, RPT_COUNT_DM_NEW,
	    RPT_COUNT_DM_EXISTING, RPT_MONTHS_CLEAR, RPT_MONTHS_ADD };
	struct arena	 a;
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	if ((e = db_exec_in(db, &rpt_stmts, RPT_READ_COMMITTED, NULL, 0, NULL,
	    NULL)) != DB_OK || (e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	e = db_query_in(db, &rpt_stmts, RPT_LOCK, NULL, 0, &a, &r);
	arena_free(&a);
	if (e == DB_OK)
		e = claims_clear(db);
	if (e == DB_OK)
		e = db_exec_in(db, &rpt_stmts, RPT_CLAIM, DB_ARGS(DB_STR(p->from),
		    DB_STR(p->to), DB_INT(REFRESH_DAYS)), NULL, NULL);
	if (e == DB_OK)
		e = db_exec_in(db, &rpt_stmts, RPT_CLAIM_DAYS, NULL, 0, NULL,
		    NULL);
	if (e == DB_OK)
		e = db_exec_in(db, &rpt_stmts, RPT_CLEAR_DAYS, NULL, 0, NULL,
		    NULL);
	for (i = 0; e == DB_OK && i < sizeof(counts) / sizeof(counts[0]); i++)
		e = db_exec_in(db, &rpt_stmts, counts[i], NULL, 0, NULL, NULL);
	if (e == DB_OK)
		e = db_exec_in(db, &rpt_stmts, RPT_UNMARK, NULL, 0, NULL, NULL);
	if (e == DB_OK)
		e = claims_clear(db);
	return db_finish(db, e);
}

static enum db_err
stale_days(struct db *db, const struct report_period *p, long *n)
{
	struct arena	 a;
	struct db_rows	 r;
	enum db_err	 e;

	arena_init(&a);
	e = db_query_in(db, &rpt_stmts, RPT_DIRTY_COUNT, DB_ARGS(DB_STR(p->from),
	    DB_STR(p->to)), &a, &r);
	*n = e == DB_OK && r.nrows == 1 ? (long)db_num(DB_CELL(&r, 0, 0)) : 0;
	arena_free(&a);
	return e;
}

/*
 * Until no day of p is stale.  Changes saved meanwhile mark days again,
 * so the loop is bounded: what is saved while a report is made may show
 * in the next one.  A deadlock with a save is retried.
 */
enum db_err
report_refresh(struct db *db, const struct report_period *p)
{
	long		 stale, rounds = days_between(p->from, p->to) /
			    REFRESH_DAYS + 3;
	int		 retries = 3;
	enum db_err	 e;

	while (rounds-- > 0) {
		if ((e = stale_days(db, p, &stale)) != DB_OK || stale == 0)
			return e;
		e = refresh_chunk(db, p);
		if (e == DB_ERROR && retries-- > 0 &&
		    (db->last_errno == ER_LOCK_DEADLOCK ||
		    db->last_errno == ER_LOCK_WAIT_TIMEOUT))
			continue;
		if (e != DB_OK)
			return e;
	}
	return DB_OK;
}

/* --- the report ----------------------------------------------------------- */

/* An empty range of dates for RPT_SUMS. */
#define NO_DAYS_FROM	"1000-01-02"
#define NO_DAYS_TO	"1000-01-01"

/*
 * p as its whole months (the first day of the first and of the last;
 * empty when it holds none) and the days before and after them.
 */
static void
split_period(const struct report_period *p, struct report_period *months,
    struct report_period *head, struct report_period *tail)
{
	int	 y1, m1, d1, y2, m2, d2, first, last;

	date_parts(p->from, &y1, &m1, &d1);
	date_parts(p->to, &y2, &m2, &d2);
	/* Months counted from year 0, January 0. */
	first = y1 * 12 + m1 - 1 + (d1 != 1);
	last = y2 * 12 + m2 - 1 - (d2 != month_days(y2, m2));
	if (first > last) {
		snprintf(months->from, sizeof(months->from), NO_DAYS_FROM);
		snprintf(months->to, sizeof(months->to), NO_DAYS_TO);
		*head = *p;
		*tail = *months;
		return;
	}
	date_set(months->from, first / 12, first % 12 + 1, 1);
	date_set(months->to, last / 12, last % 12 + 1, 1);
	*head = *tail = *months;
	snprintf(head->from, sizeof(head->from), NO_DAYS_FROM);
	snprintf(head->to, sizeof(head->to), NO_DAYS_TO);
	snprintf(tail->from, sizeof(tail->from), NO_DAYS_FROM);
	snprintf(tail->to, sizeof(tail->to), NO_DAYS_TO);
	if (d1 != 1) {
		*head = *p;
		date_set(head->to, y1, m1, month_days(y1, m1));
	}
	if (d2 != month_days(y2, m2)) {
		*tail = *p;
		date_set(tail->from, y2, m2, 1);
	}
}

/* The summed counts of p: rows of dimension, item, count. */
static enum db_err
sums(struct db *db, struct arena *a, const struct report_period *p,
    struct db_rows *out)
{
	struct report_period	 months, head, tail;

	split_period(p, &months, &head, &tail);
	return db_query_in(db, &rpt_stmts, RPT_SUMS, DB_ARGS(
	    DB_STR(months.from), DB_STR(months.to), DB_STR(head.from),
	    DB_STR(head.to), DB_STR(tail.from), DB_STR(tail.to)), a, out);
}

/* The sum of a dimension's item in rows from RPT_SUMS. */
static long
sum_of(const struct db_rows *r, const char *dim, const char *item)
{
	size_t	 i;

	for (i = 0; i < r->nrows; i++)
		if (strcmp(DB_CELL(r, i, 0), dim) == 0 &&
		    strcasecmp(DB_CELL(r, i, 1), item) == 0)
			return (long)db_num(DB_CELL(r, i, 2));
	return 0;
}

/* A section under construction: room for its base rows and the extras. */
struct section {
	struct report_item	*items;
	size_t			 n;
	size_t			 cap;
};

static int
section_init(struct arena *a, struct section *s, size_t cap)
{
	s->n = 0;
	s->cap = cap;
	s->items = arena_alloc(a, (cap + 1) * sizeof(*s->items));
	return s->items != NULL ? 0 : -1;
}

static struct report_item *
section_find(struct section *s, const char *key)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (strcasecmp(s->items[i].key, key) == 0)
			return &s->items[i];
	return NULL;
}

static struct report_item *
section_add(struct section *s, const char *key, const char *label)
{
	struct report_item	*it;

	if ((it = section_find(s, key)) != NULL || s->n == s->cap)
		return it;
	it = &s->items[s->n++];
	memset(it, 0, sizeof(*it));
	it->key = key;
	it->label = label;
	return it;
}

/*
 * Add every item of dimension dim that has a count now or a year ago,
 * labelled by its key, then fill in every item's two counts.
 */
static void
section_counts(struct section *s, const char *dim, const struct db_rows *now,
    const struct db_rows *before)
{
	const struct db_rows	*r[2] = { now, before };
	size_t			 i, k;

	for (k = 0; k < 2; k++)
		for (i = 0; i < r[k]->nrows; i++)
			if (strcmp(DB_CELL(r[k], i, 0), dim) == 0)
				section_add(s, DB_CELL(r[k], i, 1),
				    DB_CELL(r[k], i, 1));
	for (i = 0; i < s->n; i++) {
		s->items[i].count = sum_of(now, dim, s->items[i].key);
		s->items[i].previous = sum_of(before, dim, s->items[i].key);
	}
}

/* Rows a dimension has in the sums, for sizing its section. */
static size_t
rows_of(const struct db_rows *r, const char *dim)
{
	size_t	 i, n = 0;

	for (i = 0; i < r->nrows; i++)
		n += strcmp(DB_CELL(r, i, 0), dim) == 0;
	return n;
}

/* Base rows from a query of (key, label, flag). */
static enum db_err
section_from_query(struct db *db, struct arena *a, unsigned stmt,
    const struct db_rows *now, const struct db_rows *before, const char *dim,
    struct section *s)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	if ((e = db_query_in(db, &rpt_stmts, stmt, NULL, 0, a, &r)) != DB_OK)
		return e;
	if (section_init(a, s, r.nrows + rows_of(now, dim) +
	    rows_of(before, dim)) == -1)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		struct report_item *it = section_add(s, DB_CELL(&r, i, 0),
		    DB_CELL(&r, i, 1));

		if (it != NULL)
			it->flag = db_num(DB_CELL(&r, i, 2)) != 0;
	}
	section_counts(s, dim, now, before);
	return DB_OK;
}

static enum db_err
section_from_codes(struct arena *a, const struct code_label *t,
    const struct db_rows *now, const struct db_rows *before, const char *dim,
    struct section *s)
{
	size_t	 n;

	for (n = 0; t[n].code != NULL; n++)
		;
	if (section_init(a, s, n + rows_of(now, dim) + rows_of(before, dim)))
		return DB_NOMEM;
	for (n = 0; t[n].code != NULL; n++)
		section_add(s, t[n].code, t[n].label);
	section_counts(s, dim, now, before);
	return DB_OK;
}

static enum db_err
section_decision_makers(struct arena *a, const struct db_rows *now,
    const struct db_rows *before, struct section *s)
{
	if (section_init(a, s, 3) == -1)
		return DB_NOMEM;
	section_add(s, "", "With a decision maker");
	section_add(s, "new", "With a decision maker new to us");
	section_add(s, "existing", "With a decision maker met before");
	section_counts(s, section_dimension[RS_DECISION_MAKERS], now, before);
	return DB_OK;
}

/* Areas: all in use, and retired ones only where they have counts. */
static enum db_err
section_areas(struct db *db, struct arena *a, const struct db_rows *now,
    const struct db_rows *before, struct section *s)
{
	struct report_item	*it;
	struct db_rows		 r;
	enum db_err		 e;
	size_t			 i;

	if ((e = db_query_in(db, &rpt_stmts, RPT_AREAS, NULL, 0, a, &r)))
		return e;
	if (section_init(a, s, r.nrows + rows_of(now, "area") +
	    rows_of(before, "area")) == -1)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		const char *id = DB_CELL(&r, i, 0);

		if (db_num(DB_CELL(&r, i, 3)) != 0 && sum_of(now, "area", id) == 0 &&
		    sum_of(before, "area", id) == 0)
			continue;
		if ((it = section_add(s, id, DB_CELL(&r, i, 1))) != NULL)
			it->flag = db_num(DB_CELL(&r, i, 2)) != 0;
	}
	section_counts(s, "area", now, before);
	return DB_OK;
}

/* Parties with seats (the current MPs) or with engagements. */
static enum db_err
section_parties(struct db *db, struct arena *a, const struct db_rows *now,
    const struct db_rows *before, struct section *s, long *seats_total)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*seats_total = 0;
	if ((e = db_query_in(db, &rpt_stmts, RPT_SEATS, NULL, 0, a, &r)))
		return e;
	if (section_init(a, s, r.nrows + rows_of(now, "party") +
	    rows_of(before, "party")) == -1)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		long			 seats = (long)db_num(DB_CELL(&r, i, 1));
		struct report_item	*it;

		*seats_total += seats;
		if (*DB_CELL(&r, i, 0) != '\0' && (it = section_add(s,
		    DB_CELL(&r, i, 0), DB_CELL(&r, i, 0))) != NULL)
			it->seats += seats;
	}
	section_counts(s, "party", now, before);
	return DB_OK;
}

/* Most engagements first, then most seats, then by name. */
static int
by_count(const void *pa, const void *pb)
{
	const struct report_item *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if (a->seats != b->seats)
		return a->seats > b->seats ? -1 : 1;
	return strcasecmp(a->label, b->label);
}

static enum db_err
build_sections(struct db *db, struct arena *a, const struct db_rows *now,
    const struct db_rows *before, struct engagement_report *rep)
{
	struct section	 s[RS__MAX];
	enum db_err	 e;
	size_t		 i;

	if ((e = section_from_query(db, a, RPT_TYPES, now, before,
	    section_dimension[RS_TYPE], &s[RS_TYPE])) ||
	    (e = section_from_codes(a, media, now, before,
	    section_dimension[RS_MEDIUM], &s[RS_MEDIUM])) ||
	    (e = section_from_codes(a, org_kinds, now, before,
	    section_dimension[RS_ORG_KIND], &s[RS_ORG_KIND])) ||
	    (e = section_from_query(db, a, RPT_CATEGORIES, now, before,
	    section_dimension[RS_CATEGORY], &s[RS_CATEGORY])) ||
	    (e = section_decision_makers(a, now, before,
	    &s[RS_DECISION_MAKERS])) ||
	    (e = section_parties(db, a, now, before, &s[RS_PARTY],
	    &rep->seats_total)) ||
	    (e = section_areas(db, a, now, before, &s[RS_AREA])))
		return e;
	qsort(s[RS_PARTY].items, s[RS_PARTY].n, sizeof(struct report_item),
	    by_count);
	qsort(s[RS_AREA].items, s[RS_AREA].n, sizeof(struct report_item),
	    by_count);
	for (i = 0; i < RS__MAX; i++) {
		rep->items[i] = s[i].items;
		rep->nitems[i] = s[i].n;
	}
	for (i = 0; i < s[RS_PARTY].n; i++) {
		rep->party_sum += s[RS_PARTY].items[i].count;
		rep->previous_party_sum += s[RS_PARTY].items[i].previous;
	}
	return DB_OK;
}

static void
row_person(const struct db_rows *r, size_t i, struct eng_person *p)
{
	p->id = db_num(DB_CELL(r, i, 1));
	p->name = DB_CELL(r, i, 2);
	p->party = DB_CELL(r, i, 3) ? DB_CELL(r, i, 3) : "";
	p->category_label = DB_CELL(r, i, 4) ? DB_CELL(r, i, 4) : "";
	p->is_new = db_num(DB_CELL(r, i, 5)) != 0;
}

/*
 * Give each listed engagement its people (rows: engagement id first, in
 * its order).
 */
static enum db_err
attach_people(struct arena *a, struct report_row *rows, size_t n,
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
			row_person(pr, first + k, &rows[i].people[k]);
		rows[i].npeople = count;
	}
	return DB_OK;
}

/*
 * The listed engagements, with a confidential one's title and outcome
 * replaced where the reader may not read them: it is still listed and
 * counted.
 */
static enum db_err
load_list(struct db *db, struct arena *a, const struct eng_reader *reader,
    struct engagement_report *rep)
{
	const struct report_period	*p = &rep->period;
	struct db_rows			 r, pr;
	enum db_err			 e;
	size_t				 i;

	e = db_query_in(db, &rpt_stmts, RPT_LIST, DB_ARGS(
	    ENG_READER_ARGS(reader), DB_STR(p->from), DB_STR(p->to),
	    DB_INT(REPORT_LIST_MAX)), a, &r);
	if (e == DB_OK)
		e = db_query_in(db, &rpt_stmts, RPT_LIST_PEOPLE, DB_ARGS(
		    DB_STR(p->from), DB_STR(p->to), DB_INT(REPORT_LIST_MAX)),
		    a, &pr);
	if (e != DB_OK)
		return e;
	if ((rep->rows = arena_alloc(a, (r.nrows + 1) * sizeof(*rep->rows)))
	    == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		rep->rows[i].id = db_num(DB_CELL(&r, i, 0));
		rep->rows[i].date = DB_CELL(&r, i, 1);
		rep->rows[i].time = DB_CELL(&r, i, 2);
		rep->rows[i].type_label = DB_CELL(&r, i, 3);
		rep->rows[i].title = DB_CELL(&r, i, 4);
		rep->rows[i].outcome = DB_CELL(&r, i, 5);
		rep->rows[i].confidential = db_num(DB_CELL(&r, i, 6)) != 0;
		rep->rows[i].text_hidden = db_num(DB_CELL(&r, i, 7)) == 0;
		if (rep->rows[i].text_hidden) {
			rep->rows[i].title = ENG_CONFIDENTIAL_TITLE;
			rep->rows[i].outcome = ENG_CONFIDENTIAL_TEXT;
		}
	}
	rep->nrows = r.nrows;
	return attach_people(a, rep->rows, rep->nrows, &pr);
}

enum db_err
report_build(struct db *db, struct arena *a, const struct report_period *p,
    const struct eng_reader *reader, struct engagement_report *rep)
{
	struct db_rows	 now, before;
	enum db_err	 e;

	memset(rep, 0, sizeof(*rep));
	rep->period = *p;
	report_year_earlier(p, &rep->previous);
	if ((e = report_refresh(db, &rep->period)) != DB_OK ||
	    (e = report_refresh(db, &rep->previous)) != DB_OK)
		return e;
	e = sums(db, a, p, &now);
	if (e == DB_OK)
		e = sums(db, a, &rep->previous, &before);
	if (e != DB_OK)
		return e;
	rep->total = sum_of(&now, "total", "");
	rep->previous_total = sum_of(&before, "total", "");
	if ((e = build_sections(db, a, &now, &before, rep)) != DB_OK)
		return e;
	return load_list(db, a, eng_reader_or_nobody(reader), rep);
}

const struct report_item *
report_item_find(const struct engagement_report *rep, enum report_section s,
    const char *key)
{
	size_t	 i;

	for (i = 0; i < rep->nitems[s]; i++)
		if (strcmp(rep->items[s][i].key, key) == 0)
			return &rep->items[s][i];
	return NULL;
}
