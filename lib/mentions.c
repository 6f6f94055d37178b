/*
 * The mentions inbox in MariaDB (see mentions.h).
 *
 * Dates: items are stored in UTC and shown, and filtered, by their day in
 * Europe/London, converted here with the process's time zone (app_main()
 * sets TZ=Europe/London, as app_today() relies on).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "mentions.h"

enum {
	MS_LIST,
	MS_COUNT,
	MS_ALSO,
	MS_HITS,
	MS_STATE_OF,
	MS_SET_STATE,
	MS_STORY_OTHERS,
	MS_CHOICES,
	MS_KEY_INSERT,
	MS_KEY_DELETE,
	MS_KEY_CREATED,
	MS_KEY_CHECK,
	MS_KEY_TOUCH,
	MS__MAX
};

/* The columns every listing selects, in struct mention order. */
#define MS_SELECT \
	"SELECT m.id, m.state, i.title, i.link, i.summary, " \
	"DATE_FORMAT(i.item_date, '%Y-%m-%d %H:%i:%s'), " \
	"i.published_at IS NULL, " \
	"DATE_FORMAT(m.created_at, '%Y-%m-%d %H:%i:%s'), " \
	"DATE_FORMAT(m.updated_at, '%Y-%m-%dT%H:%i:%sZ'), " \
	"m.story_id, f.id, " \
	"IFNULL(o.name, IF(f.title = '', f.url, f.title)), IFNULL(o.id, 0), " \
	"IFNULL(o.medium, '') "
#define MS_FROM \
	"FROM mentions m JOIN feed_items i ON i.id = m.item_id " \
	"JOIN feeds f ON f.id = m.feed_id " \
	"LEFT JOIN organisations o ON o.id = f.outlet_id "

/*
 * Whether mention m (an alias; f its feed) passes the filters: binds
 * state twice, feed twice, term twice, person three times, from twice,
 * to twice.  From the mention row alone (its story_id, feed_id and
 * item_date, sql/015), never its item.
 */
#define MS_PASSES(m, f) \
	f ".deleted_at IS NULL AND (? = '' OR " m ".state = ?) " \
	"AND (? = 0 OR " m ".feed_id = ?) " \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM mention_hits h " \
	"WHERE h.mention_id = " m ".id AND h.term_id = ?)) " \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM mention_hits h " \
	"JOIN watch_terms t ON t.id = h.term_id WHERE h.mention_id = " m ".id " \
	"AND (t.person_id = ? OR t.person_id IN (SELECT pm.merged_id " \
	"FROM person_merges pm WHERE pm.survivor_id = ? " \
	"AND pm.undone_at IS NULL)))) " \
	"AND (? IS NULL OR " m ".item_date >= ?) " \
	"AND (? IS NULL OR " m ".item_date < ?)"

/* The person a term names, through a merge that was not undone. */
#define MS_TERM_PERSON \
	"IFNULL((SELECT pm.survivor_id FROM person_merges pm " \
	"WHERE pm.merged_id = t.person_id AND pm.undone_at IS NULL " \
	"ORDER BY pm.id DESC LIMIT 1), t.person_id)"

/* The page's mentions, a JSON array of ids ([1,2]) or of [id, story] pairs. */
#define MS_PAGE_IDS \
	"JSON_TABLE(?, '$[*]' COLUMNS (mid BIGINT UNSIGNED PATH '$')) j "
#define MS_PAGE_STORIES \
	"JSON_TABLE(?, '$[*]' COLUMNS (mid BIGINT UNSIGNED PATH '$[0]', " \
	"sid BIGINT UNSIGNED PATH '$[1]')) j "

static const char *const ms_sql[MS__MAX] = {
	/*
	 * The page: the mentions that pass, newest first, each unless a
	 * newer one of its story passes too (that one stands for the
	 * story).  Walked in index order (mentions_state, or
	 * mentions_created for any state) with one probe of mentions_story
	 * per mention, so a page reads about its own rows, not the inbox.
	 * Binds the filters twice, then limit and offset.
	 */
	[MS_LIST] = MS_SELECT MS_FROM "WHERE " MS_PASSES("m", "f")
	    " AND NOT EXISTS (SELECT 1 FROM mentions m2 "
	    "JOIN feeds f2 ON f2.id = m2.feed_id "
	    "WHERE m2.story_id = m.story_id AND " MS_PASSES("m2", "f2")
	    " AND (m2.created_at > m.created_at OR (m2.created_at = m.created_at "
	    "AND m2.id > m.id))) ORDER BY m.created_at DESC, m.id DESC "
	    "LIMIT ? OFFSET ?",
	/* The stories that pass: from mentions_state_story where it can. */
	/* Up to a limit: DISTINCT with LIMIT stops reading at it. */
	[MS_COUNT] =
	    "SELECT COUNT(*) FROM (SELECT DISTINCT m.story_id FROM mentions m "
	    "JOIN feeds f ON f.id = m.feed_id WHERE " MS_PASSES("m", "f")
	    " LIMIT ?) s",
	/* The other mentions of the page's stories: page mention first. */
	[MS_ALSO] =
	    "SELECT j.mid, m.id, f.id, IFNULL(o.name, IF(f.title = '', f.url, "
	    "f.title)), i.link, m.state FROM " MS_PAGE_STORIES
	    "JOIN mentions m ON m.story_id = j.sid AND m.id <> j.mid "
	    "JOIN feeds f ON f.id = m.feed_id "
	    "JOIN feed_items i ON i.id = m.item_id "
	    "LEFT JOIN organisations o ON o.id = f.outlet_id "
	    "WHERE f.deleted_at IS NULL "
	    "ORDER BY j.mid, m.created_at DESC, m.id DESC",
	/* The hits of the page's mentions: mention first. */
	[MS_HITS] =
	    "SELECT h.mention_id, h.term_id, t.term, h.field, h.start, h.length, "
	    "IFNULL(p.id, 0), IFNULL(p.full_name, '') FROM " MS_PAGE_IDS
	    "JOIN mention_hits h ON h.mention_id = j.mid "
	    "JOIN watch_terms t ON t.id = h.term_id "
	    "LEFT JOIN people p ON t.person_id IS NOT NULL "
	    "AND p.id = " MS_TERM_PERSON " AND p.deleted_at IS NULL "
	    "ORDER BY h.mention_id, h.field, h.start, h.length DESC",
	[MS_STATE_OF] =
	    "SELECT state FROM mentions WHERE id = ? FOR UPDATE",
	[MS_SET_STATE] =
	    "UPDATE mentions SET state = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND state <> 'logged' AND state <> ?",
	/* The other mentions of a mention's story in state from ('' any). */
	[MS_STORY_OTHERS] =
	    "SELECT m.id FROM mentions m0 "
	    "JOIN mentions m ON m.story_id = m0.story_id "
	    "JOIN feeds f ON f.id = m.feed_id "
	    "WHERE m0.id = ? AND m.id <> m0.id AND f.deleted_at IS NULL "
	    "AND m.state <> 'logged' AND (? = '' OR m.state = ?) "
	    "ORDER BY m.id FOR UPDATE",
	/*
	 * The filter choices, each row its list (enum choice_list), id and
	 * name; each list by name.
	 */
	[MS_CHOICES] =
	    "SELECT 1, id, IF(title = '', url, title) FROM feeds "
	    "WHERE deleted_at IS NULL "
	    "UNION ALL SELECT 2, id, term FROM watch_terms WHERE exclude = 0 "
	    "AND source = 'manual' "
	    "UNION ALL SELECT DISTINCT 3, p.id, p.full_name FROM watch_terms t "
	    "JOIN people p ON p.id = t.person_id WHERE p.deleted_at IS NULL "
	    "AND EXISTS (SELECT 1 FROM mention_hits h WHERE h.term_id = t.id) "
	    "ORDER BY 1, 3, 2",
	[MS_KEY_INSERT] =
	    "INSERT INTO feed_keys (user_id, key_hash, created_at) "
	    "VALUES (?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE "
	    "key_hash = VALUES(key_hash), created_at = VALUES(created_at), "
	    "last_used_at = NULL",
	[MS_KEY_DELETE] =
	    "DELETE FROM feed_keys WHERE user_id = ?",
	[MS_KEY_CREATED] =
	    "SELECT DATE_FORMAT(created_at, '%Y-%m-%d') FROM feed_keys "
	    "WHERE user_id = ?",
	[MS_KEY_CHECK] =
	    "SELECT k.user_id FROM feed_keys k JOIN users u ON u.id = k.user_id "
	    "WHERE k.key_hash = ? AND u.disabled = 0",
	[MS_KEY_TOUCH] =
	    "UPDATE feed_keys SET last_used_at = UTC_TIMESTAMP() "
	    "WHERE user_id = ?",
};

static const struct db_stmts ms_stmts = { DB_SLOT_MENTIONS, ms_sql,
    MS__MAX };

static const char *const states[] = { "new", "relevant", "dismissed",
    "logged" };

int
mention_state_valid(const char *s)
{
	size_t	 i;

	if (s == NULL)
		return 0;
	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		if (strcmp(s, states[i]) == 0)
			return 1;
	return 0;
}

static const char *
cell(const struct db_rows *r, size_t row, size_t col)
{
	const char	*s = DB_CELL(r, row, col);

	return s != NULL ? s : "";
}

/* --- dates ---------------------------------------------------------------- */

/* "YYYY-MM-DD HH:MM:SS" (UTC) as its day in local time; "" if not one. */
static const char *
local_day(struct arena *a, const char *utc)
{
	struct tm	 tm;
	time_t		 t;
	char		 out[16];

	memset(&tm, 0, sizeof(tm));
	if (sscanf(utc, "%4d-%2d-%2d %2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return "";
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	if ((t = timegm(&tm)) == (time_t)-1 || localtime_r(&t, &tm) == NULL ||
	    strftime(out, sizeof(out), "%Y-%m-%d", &tm) == 0)
		return "";
	return arena_strdup(a, out);
}

/*
 * The UTC instant ("YYYY-MM-DD HH:MM:SS") at which local day (YYYY-MM-DD)
 * plus add_days starts; NULL for NULL or a day that is not one.
 */
static const char *
day_start_utc(struct arena *a, const char *day, int add_days)
{
	struct tm	 tm;
	time_t		 t;
	char		 out[24];

	if (day == NULL)
		return NULL;
	memset(&tm, 0, sizeof(tm));
	if (sscanf(day, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday) != 3)
		return NULL;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_mday += add_days;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1 || gmtime_r(&t, &tm) == NULL ||
	    strftime(out, sizeof(out), "%Y-%m-%d %H:%M:%S", &tm) == 0)
		return NULL;
	return arena_strdup(a, out);
}

/* --- listing -------------------------------------------------------------- */

/* Add the person of a hit to m->people unless there. */
static void
add_person(struct mention *m, long long id, const char *name)
{
	size_t	 i;

	if (id == 0)
		return;
	for (i = 0; i < m->npeople; i++)
		if (m->people[i].id == id)
			return;
	m->people[m->npeople].id = id;
	m->people[m->npeople++].name = name;
}

/*
 * Rows [from, to) of MS_HITS (all of mention m) into m: its hits, its
 * distinct terms and the people they name.
 */
static enum db_err
hits_to_mention(struct arena *a, const struct db_rows *r, size_t from,
    size_t to, struct mention *m)
{
	size_t	 i, j, n = to - from;

	m->nhits = m->nterms = m->npeople = 0;
	if (n == 0)
		return DB_OK;
	if ((m->hits = arena_alloc(a, n * sizeof(*m->hits))) == NULL ||
	    (m->terms = arena_alloc(a, n * sizeof(*m->terms))) == NULL ||
	    (m->people = arena_alloc(a, n * sizeof(*m->people))) == NULL)
		return DB_NOMEM;
	for (i = from; i < to; i++) {
		struct mention_hit *h = &m->hits[m->nhits++];

		h->term_id = db_num(DB_CELL(r, i, 1));
		h->term = cell(r, i, 2);
		h->field = strcmp(cell(r, i, 3), "title") == 0 ?
		    MENTION_TITLE : MENTION_SUMMARY;
		h->start = (size_t)db_num(DB_CELL(r, i, 4));
		h->length = (size_t)db_num(DB_CELL(r, i, 5));
		for (j = 0; j < m->nterms; j++)
			if (strcmp(m->terms[j], h->term) == 0)
				break;
		if (j == m->nterms)
			m->terms[m->nterms++] = h->term;
		add_person(m, db_num(DB_CELL(r, i, 6)), cell(r, i, 7));
	}
	return DB_OK;
}

/*
 * The page's mentions as a JSON array for JSON_TABLE: their ids, or with
 * stories, [id, story] pairs.  Numbers only, so nothing needs quoting.
 */
static const char *
page_json(struct arena *a, const struct mention *ms, size_t n, int stories)
{
	struct buf	 b;
	const char	*s;
	size_t		 i;

	buf_init(&b);
	buf_putc(&b, '[');
	for (i = 0; i < n; i++) {
		if (stories)
			buf_printf(&b, "%s[%lld,%lld]", i ? "," : "", ms[i].id,
			    ms[i].story_id);
		else
			buf_printf(&b, "%s%lld", i ? "," : "", ms[i].id);
	}
	buf_putc(&b, ']');
	s = b.failed ? NULL : arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return s;
}

/* Row i of MS_SELECT into *m. */
static int
row_to_mention(struct arena *a, const struct db_rows *r, size_t i,
    struct mention *m)
{
	memset(m, 0, sizeof(*m));
	m->id = db_num(DB_CELL(r, i, 0));
	m->state = cell(r, i, 1);
	m->title = cell(r, i, 2);
	m->link = cell(r, i, 3);
	m->summary = cell(r, i, 4);
	m->published = local_day(a, cell(r, i, 5));
	m->undated = db_num(DB_CELL(r, i, 6)) != 0;
	m->created = local_day(a, cell(r, i, 7));
	m->updated = cell(r, i, 8);
	m->story_id = db_num(DB_CELL(r, i, 9));
	m->feed_id = db_num(DB_CELL(r, i, 10));
	m->outlet = cell(r, i, 11);
	m->outlet_id = db_num(DB_CELL(r, i, 12));
	m->medium = cell(r, i, 13);
	return m->published != NULL && m->created != NULL ? 0 : -1;
}

/* Rows [from, to) of MS_ALSO (all of mention m) as m's also list. */
static enum db_err
also_to_mention(struct arena *a, const struct db_rows *r, size_t from,
    size_t to, struct mention *m)
{
	size_t	 i;

	m->nalso = 0;
	if (to == from)
		return DB_OK;
	if ((m->also = arena_alloc(a, (to - from) * sizeof(*m->also))) == NULL)
		return DB_NOMEM;
	for (i = from; i < to; i++, m->nalso++) {
		m->also[m->nalso].id = db_num(DB_CELL(r, i, 1));
		m->also[m->nalso].feed_id = db_num(DB_CELL(r, i, 2));
		m->also[m->nalso].outlet = cell(r, i, 3);
		m->also[m->nalso].link = cell(r, i, 4);
		m->also[m->nalso].state = cell(r, i, 5);
	}
	return DB_OK;
}

/* Rows [from, to) of a statement, all of mention m, into m. */
typedef enum db_err (*page_rows_fn)(struct arena *, const struct db_rows *,
    size_t from, size_t to, struct mention *);

/*
 * One statement for the whole page (stmt, bound to the page's ids, or
 * with stories its [id, story] pairs, as JSON), its rows given out to
 * their mentions by fill: the rows come ordered by mention, so each finds
 * its run with db_rows_with().
 */
static enum db_err
load_page_rows(struct db *db, struct arena *a, struct mention *ms, size_t n,
    unsigned stmt, int stories, page_rows_fn fill)
{
	const char	*json = page_json(a, ms, n, stories);
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i, at, count;

	if (json == NULL)
		return DB_NOMEM;
	e = db_query_in(db, &ms_stmts, stmt, DB_ARGS(DB_STR(json)), a, &r);
	for (i = 0; e == DB_OK && i < n; i++) {
		count = db_rows_with(&r, 0, ms[i].id, &at);
		e = fill(a, &r, at, at + count, &ms[i]);
	}
	return e;
}

/* Rows of MS_SELECT into mentions, with their hits and also lists. */
static enum db_err
rows_to_mentions(struct db *db, struct arena *a, const struct db_rows *r,
    struct mention **out, size_t *n)
{
	struct mention	*ms;
	enum db_err	 e;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if (r->nrows == 0)
		return DB_OK;
	if ((ms = arena_alloc(a, r->nrows * sizeof(*ms))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r->nrows; i++)
		if (row_to_mention(a, r, i, &ms[i]) == -1)
			return DB_NOMEM;
	if ((e = load_page_rows(db, a, ms, r->nrows, MS_HITS, 0,
	    hits_to_mention)) != DB_OK ||
	    (e = load_page_rows(db, a, ms, r->nrows, MS_ALSO, 1,
	    also_to_mention)) != DB_OK)
		return e;
	*out = ms;
	*n = r->nrows;
	return DB_OK;
}

enum db_err
mention_list(struct db *db, struct arena *a, const struct mention_filter *f,
    struct mention **out, size_t *n, size_t *total, int *more)
{
	const char	*state = f->state != NULL ? f->state : "";
	const char	*from = day_start_utc(a, f->from, 0);
	const char	*to = day_start_utc(a, f->to, 1);
	size_t		 cap = f->offset + (f->count_max > 0 ? f->count_max :
			    MENTION_COUNT_MAX);
	struct db_rows	 r;
	enum db_err	 e;

	*out = NULL;
	*n = *total = 0;
	*more = 0;
#define FILTER_ARGS \
	DB_STR(state), DB_STR(state), DB_INT(f->feed_id), DB_INT(f->feed_id), \
	DB_INT(f->term_id), DB_INT(f->term_id), DB_INT(f->person_id), \
	DB_INT(f->person_id), DB_INT(f->person_id), DB_STR(from), \
	DB_STR(from), DB_STR(to), DB_STR(to)
	e = db_query_in(db, &ms_stmts, MS_LIST, DB_ARGS(FILTER_ARGS,
	    FILTER_ARGS, DB_INT(f->limit), DB_INT(f->offset)), a, &r);
	if (e != DB_OK)
		return e;
	if (f->offset == 0 && r.nrows < f->limit)
		*total = r.nrows;	/* all of them are on this page */
	else {
		struct db_rows	 c;

		e = db_query_in(db, &ms_stmts, MS_COUNT, DB_ARGS(FILTER_ARGS,
		    DB_INT((long long)cap + 1)), a, &c);
		if (e != DB_OK)
			return e;
		if (c.nrows == 1)
			*total = (size_t)db_num(DB_CELL(&c, 0, 0));
		if (*total > cap) {
			*total = cap;
			*more = 1;
		}
	}
#undef FILTER_ARGS
	return rows_to_mentions(db, a, &r, out, n);
}

/* --- state changes -------------------------------------------------------- */

/* The audit row of a state change: who, when, which state. */
static enum db_err
audit_state(struct db *db, struct arena *a, const char *actor, long long id,
    const char *state)
{
	const struct audit_field	 f[] = { { "state", state } };

	return audit_write(db, actor, "mention", id, "state", NULL,
	    audit_json(a, f, 1));
}

/* Set one mention's state; *count goes up by one when it changed. */
static enum db_err
set_one(struct db *db, struct arena *a, const char *actor, long long id,
    const char *state, size_t *count)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;

	e = db_exec_in(db, &ms_stmts, MS_SET_STATE, DB_ARGS(DB_STR(state),
	    DB_INT(id), DB_STR(state)), &affected, NULL);
	if (e == DB_OK && affected > 0) {
		(*count)++;
		e = audit_state(db, a, actor, id, state);
	}
	return e;
}

/*
 * Inside a transaction: mention id to state, then its story's others in
 * state from.  DB_NOTFOUND and DB_CONFLICT as mention_set_state() says.
 */
static enum db_err
set_story(struct db *db, struct arena *a, const char *actor, long long id,
    const char *state, const char *from, size_t *count)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	e = db_query_in(db, &ms_stmts, MS_STATE_OF, DB_ARGS(DB_INT(id)), a,
	    &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	if (strcmp(cell(&r, 0, 0), "logged") == 0)
		return DB_CONFLICT;
	if ((e = set_one(db, a, actor, id, state, count)) != DB_OK)
		return e;
	e = db_query_in(db, &ms_stmts, MS_STORY_OTHERS, DB_ARGS(DB_INT(id),
	    DB_STR(from), DB_STR(from)), a, &r);
	for (i = 0; e == DB_OK && i < r.nrows; i++)
		e = set_one(db, a, actor, db_num(DB_CELL(&r, i, 0)), state,
		    count);
	return e;
}

static int
settable(const char *state)
{
	return mention_state_valid(state) && strcmp(state, "logged") != 0;
}

enum db_err
mention_set_state(struct db *db, const char *actor, long long id,
    const char *state, const char *from, size_t *changed)
{
	struct arena	 a;
	size_t		 count = 0;
	enum db_err	 e;

	if (changed != NULL)
		*changed = 0;
	if (!settable(state))
		return DB_ERROR;
	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	e = db_finish(db, set_story(db, &a, actor, id, state,
	    from != NULL ? from : "", &count));
	arena_free(&a);
	if (e == DB_OK && changed != NULL)
		*changed = count;
	return e;
}

enum db_err
mention_set_state_many(struct db *db, const char *actor,
    const long long *ids, size_t n, const char *state, const char *from,
    size_t *changed)
{
	struct arena	 a;
	enum db_err	 e = DB_OK;
	size_t		 i, count = 0;

	if (changed != NULL)
		*changed = 0;
	if (!settable(state))
		return DB_ERROR;
	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	for (i = 0; i < n && e == DB_OK; i++) {
		e = set_story(db, &a, actor, ids[i], state,
		    from != NULL ? from : "", &count);
		if (e == DB_NOTFOUND || e == DB_CONFLICT)
			e = DB_OK;
	}
	e = db_finish(db, e);
	arena_free(&a);
	if (e == DB_OK && changed != NULL)
		*changed = count;
	return e;
}

/* --- filter choices ------------------------------------------------------- */

/* The lists of MS_CHOICES. */
enum choice_list {
	CHOICE_FEED = 1,
	CHOICE_TERM,
	CHOICE_PERSON
};

/* The rows of MS_CHOICES of one kind (they come ordered by it). */
static enum db_err
choice_rows(struct arena *a, const struct db_rows *r, long long kind,
    struct mention_choice **out, size_t *n)
{
	size_t	 i, from, count;

	*out = NULL;
	*n = 0;
	if ((count = db_rows_with(r, 0, kind, &from)) == 0)
		return DB_OK;
	if ((*out = arena_alloc(a, count * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = from; i < from + count; i++, (*n)++) {
		(*out)[*n].id = db_num(DB_CELL(r, i, 1));
		(*out)[*n].name = cell(r, i, 2);
	}
	return DB_OK;
}

enum db_err
mention_choices(struct db *db, struct arena *a, struct mention_choices *c)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(c, 0, sizeof(*c));
	if ((e = db_query_in(db, &ms_stmts, MS_CHOICES, NULL, 0, a, &r)) !=
	    DB_OK)
		return e;
	if ((e = choice_rows(a, &r, CHOICE_FEED, &c->feeds, &c->nfeeds)) !=
	    DB_OK ||
	    (e = choice_rows(a, &r, CHOICE_TERM, &c->terms, &c->nterms)) !=
	    DB_OK)
		return e;
	return choice_rows(a, &r, CHOICE_PERSON, &c->people, &c->npeople);
}

enum db_err
mention_feeds(struct db *db, struct arena *a, struct mention_choice **out,
    size_t *n)
{
	struct mention_choices	 c;
	enum db_err		 e = mention_choices(db, a, &c);

	*out = c.feeds;
	*n = c.nfeeds;
	return e;
}

enum db_err
mention_terms(struct db *db, struct arena *a, struct mention_choice **out,
    size_t *n)
{
	struct mention_choices	 c;
	enum db_err		 e = mention_choices(db, a, &c);

	*out = c.terms;
	*n = c.nterms;
	return e;
}

enum db_err
mention_people(struct db *db, struct arena *a, struct mention_choice **out,
    size_t *n)
{
	struct mention_choices	 c;
	enum db_err		 e = mention_choices(db, a, &c);

	*out = c.people;
	*n = c.npeople;
	return e;
}

/* --- private feed addresses ----------------------------------------------- */

enum db_err
feed_key_create(struct db *db, const char *actor, long long user_id,
    char key[65])
{
	char		 hash[AUTH_TOKEN_HEX];
	enum db_err	 e;

	auth_random_token(key);
	auth_token_hash(key, hash);
	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_exec_in(db, &ms_stmts, MS_KEY_INSERT, DB_ARGS(DB_INT(user_id),
	    DB_STR(hash)), NULL, NULL);
	if (e == DB_OK)
		e = audit_write(db, actor, "user", user_id, "feed key made",
		    NULL, NULL);
	if ((e = db_finish(db, e)) != DB_OK)
		memset(key, 0, 65);
	return e;
}

enum db_err
feed_key_revoke(struct db *db, const char *actor, long long user_id)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_exec_in(db, &ms_stmts, MS_KEY_DELETE, DB_ARGS(DB_INT(user_id)),
	    &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_NOTFOUND;
	if (e == DB_OK)
		e = audit_write(db, actor, "user", user_id, "feed key revoked",
		    NULL, NULL);
	return db_finish(db, e);
}

enum db_err
feed_key_created(struct db *db, struct arena *a, long long user_id,
    const char **created)
{
	struct db_rows	 r;
	enum db_err	 e;

	*created = NULL;
	e = db_query_in(db, &ms_stmts, MS_KEY_CREATED, DB_ARGS(DB_INT(user_id)),
	    a, &r);
	if (e == DB_OK && r.nrows > 0)
		*created = cell(&r, 0, 0);
	return e;
}

enum db_err
feed_key_check(struct db *db, const char *key)
{
	struct arena	 a;
	struct db_rows	 r;
	char		 hash[AUTH_TOKEN_HEX];
	enum db_err	 e;

	if (key == NULL || strlen(key) != AUTH_TOKEN_HEX - 1)
		return DB_NOTFOUND;
	auth_token_hash(key, hash);
	arena_init(&a);
	e = db_query_in(db, &ms_stmts, MS_KEY_CHECK, DB_ARGS(DB_STR(hash)), &a,
	    &r);
	if (e == DB_OK && r.nrows == 0)
		e = DB_NOTFOUND;
	if (e == DB_OK)
		e = db_exec_in(db, &ms_stmts, MS_KEY_TOUCH,
		    DB_ARGS(DB_INT(db_num(DB_CELL(&r, 0, 0)))), NULL, NULL);
	arena_free(&a);
	return e;
}

/* --- snippets ------------------------------------------------------------- */

/* 1 if byte i of s starts a character (or is the end). */
static int
char_start(const char *s, size_t i)
{
	return ((unsigned char)s[i] & 0xc0) != 0x80;
}

/* Step back from byte i over up to nchars characters. */
static size_t
back_chars(const char *s, size_t i, size_t nchars)
{
	while (i > 0 && nchars > 0) {
		i--;
		while (i > 0 && !char_start(s, i))
			i--;
		nchars--;
	}
	return i;
}

/* Step forward from byte i over up to nchars characters, within len. */
static size_t
forward_chars(const char *s, size_t len, size_t i, size_t nchars)
{
	while (i < len && nchars > 0) {
		i++;
		while (i < len && !char_start(s, i))
			i++;
		nchars--;
	}
	return i;
}

static size_t
count_chars(const char *s, size_t from, size_t to)
{
	size_t	 n = 0;

	for (; from < to; from++)
		if (char_start(s, from))
			n++;
	return n;
}

static int
add_part(struct arena *a, struct snippet_part *parts, size_t *n,
    const char *s, size_t len, int hit)
{
	char	*t;

	if (len == 0)
		return 0;
	if ((t = arena_strndup(a, s, len)) == NULL)
		return -1;
	parts[*n].text = t;
	parts[*n].hit = hit;
	(*n)++;
	return 0;
}

int
mention_snippet(struct arena *a, const char *text,
    const struct mention_hit *hits, size_t nhits, enum mention_field field,
    size_t max_chars, struct snippet_part **parts, size_t *nparts)
{
	const struct mention_hit	**ok;
	struct snippet_part		*p;
	size_t				 len = strlen(text), nok = 0, i, n = 0;
	size_t				 lo, hi, used, pos, last_end = 0;

	*parts = NULL;
	*nparts = 0;
	if ((ok = arena_alloc(a, (nhits + 1) * sizeof(*ok))) == NULL)
		return -1;
	for (i = 0; i < nhits; i++) {
		const struct mention_hit *h = &hits[i];

		if (h->field != field || h->length == 0 || h->start > len ||
		    h->length > len - h->start || !char_start(text, h->start) ||
		    (h->start + h->length < len &&
		    !char_start(text, h->start + h->length)))
			continue;
		if (nok > 0 && h->start < last_end)
			continue;	/* overlaps the previous one */
		ok[nok++] = h;
		last_end = h->start + h->length;
	}
	/* The window: the first hit with context either side. */
	if (nok > 0) {
		used = count_chars(text, ok[0]->start,
		    ok[0]->start + ok[0]->length);
		lo = ok[0]->start;
		hi = ok[0]->start + ok[0]->length;
		if (used < max_chars) {
			lo = back_chars(text, lo, (max_chars - used) / 3);
			used += count_chars(text, lo, ok[0]->start);
			hi = forward_chars(text, len, hi,
			    max_chars > used ? max_chars - used : 0);
			used += count_chars(text, ok[0]->start + ok[0]->length, hi);
			if (used < max_chars)
				lo = back_chars(text, lo, max_chars - used);
		}
	} else {
		lo = 0;
		hi = forward_chars(text, len, 0, max_chars);
	}
	/* At most: "…", a plain and a hit part per hit, the tail, "…". */
	if ((p = arena_alloc(a, (2 * nok + 3) * sizeof(*p))) == NULL)
		return -1;
	if (lo > 0 && add_part(a, p, &n, "…", strlen("…"), 0) == -1)
		return -1;
	pos = lo;
	for (i = 0; i < nok; i++) {
		size_t	 s = ok[i]->start, e = s + ok[i]->length;

		if (s < lo || e > hi)
			continue;
		if (add_part(a, p, &n, text + pos, s - pos, 0) == -1 ||
		    add_part(a, p, &n, text + s, e - s, 1) == -1)
			return -1;
		pos = e;
	}
	if (add_part(a, p, &n, text + pos, hi - pos, 0) == -1)
		return -1;
	if (hi < len && add_part(a, p, &n, "…", strlen("…"), 0) == -1)
		return -1;
	*parts = p;
	*nparts = n;
	return 0;
}
