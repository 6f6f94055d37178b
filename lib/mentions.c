#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "mentions.h"

enum {
	MS_LIST,
	MS_COUNT,
	MS_ALSO,
	MS_HITS,
	MS_RELEVANT,
	MS_STATE_OF,
	MS_SET_STATE,
	MS_FEEDS,
	MS_TERMS,
	MS__MAX
};

/* The columns every listing selects, in struct mention order. */
#define MS_COLUMNS \
	"SELECT m.id, m.state, i.title, i.link, i.summary, " \
	"IFNULL(DATE_FORMAT(i.published_at, '%Y-%m-%d'), ''), " \
	"DATE_FORMAT(m.created_at, '%Y-%m-%d'), " \
	"DATE_FORMAT(m.updated_at, '%Y-%m-%dT%H:%i:%sZ'), i.story_key, " \
	"f.id, IFNULL(o.name, f.title), IFNULL(o.id, 0), IFNULL(o.medium, '') " \
	"FROM mentions m JOIN feed_items i ON i.id = m.item_id " \
	"JOIN feeds f ON f.id = i.feed_id " \
	"LEFT JOIN organisations o ON o.id = f.outlet_id "
#define MS_NCOLUMNS	13

/*
 * The filters (state twice, feed twice, term twice, from twice, to
 * twice), then the state again for the story grouping: a mention is
 * shown unless a newer one of the same story passes the state filter.
 */
#define MS_WHERE \
	"WHERE (? = '' OR m.state = ?) AND (? = 0 OR f.id = ?) " \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM mention_hits h " \
	"WHERE h.mention_id = m.id AND h.term_id = ?)) " \
	"AND (? IS NULL OR i.published_at >= ?) " \
	"AND (? IS NULL OR i.published_at < DATE_ADD(?, INTERVAL 1 DAY)) " \
	"AND NOT EXISTS (SELECT 1 FROM mentions m2 JOIN feed_items i2 " \
	"ON i2.id = m2.item_id WHERE i2.story_key = i.story_key " \
	"AND m2.id <> m.id AND (? = '' OR m2.state = ?) " \
	"AND (m2.created_at > m.created_at OR (m2.created_at = m.created_at " \
	"AND m2.id > m.id))) "

static const char *const ms_sql[MS__MAX] = {
	[MS_LIST] = MS_COLUMNS MS_WHERE
	    "ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?",
	[MS_COUNT] =
	    "SELECT COUNT(*) FROM mentions m JOIN feed_items i ON i.id = m.item_id "
	    "JOIN feeds f ON f.id = i.feed_id " MS_WHERE,
	[MS_ALSO] =
	    "SELECT m.id, IFNULL(o.name, f.title) FROM mentions m "
	    "JOIN feed_items i ON i.id = m.item_id JOIN feeds f ON f.id = i.feed_id "
	    "LEFT JOIN organisations o ON o.id = f.outlet_id "
	    "WHERE i.story_key = ? AND m.id <> ? AND (? = '' OR m.state = ?) "
	    "ORDER BY m.created_at DESC, m.id DESC",
	[MS_HITS] =
	    "SELECT h.term_id, t.term, h.field, h.start, h.length "
	    "FROM mention_hits h JOIN watch_terms t ON t.id = h.term_id "
	    "WHERE h.mention_id = ? ORDER BY h.field, h.start, h.length DESC",
	[MS_RELEVANT] = MS_COLUMNS
	    "WHERE m.state = 'relevant' ORDER BY m.created_at DESC, m.id DESC "
	    "LIMIT ?",
	[MS_STATE_OF] =
	    "SELECT state FROM mentions WHERE id = ?",
	[MS_SET_STATE] =
	    "UPDATE mentions SET state = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND state <> 'logged' AND state <> ?",
	[MS_FEEDS] =
	    "SELECT id, IF(title = '', url, title) FROM feeds "
	    "WHERE deleted_at IS NULL ORDER BY 2, id",
	[MS_TERMS] =
	    "SELECT id, term FROM watch_terms WHERE exclude = 0 ORDER BY term, id",
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

/* The hits of m, and its distinct terms. */
static enum db_err
load_hits(struct db *db, struct arena *a, struct mention *m)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i, j;

	e = db_query_in(db, &ms_stmts, MS_HITS, DB_ARGS(DB_INT(m->id)), a, &r);
	if (e != DB_OK)
		return e;
	m->nhits = m->nterms = 0;
	if (r.nrows == 0)
		return DB_OK;
	if ((m->hits = arena_alloc(a, r.nrows * sizeof(*m->hits))) == NULL ||
	    (m->terms = arena_alloc(a, r.nrows * sizeof(*m->terms))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		struct mention_hit *h = &m->hits[m->nhits++];

		h->term_id = db_num(DB_CELL(&r, i, 0));
		h->term = cell(&r, i, 1);
		h->field = strcmp(cell(&r, i, 2), "title") == 0 ?
		    MENTION_TITLE : MENTION_SUMMARY;
		h->start = (size_t)db_num(DB_CELL(&r, i, 3));
		h->length = (size_t)db_num(DB_CELL(&r, i, 4));
		for (j = 0; j < m->nterms; j++)
			if (strcmp(m->terms[j], h->term) == 0)
				break;
		if (j == m->nterms)
			m->terms[m->nterms++] = h->term;
	}
	return DB_OK;
}

/* Rows of MS_COLUMNS into mentions, each with its hits. */
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
	memset(ms, 0, r->nrows * sizeof(*ms));
	for (i = 0; i < r->nrows; i++) {
		struct mention *m = &ms[i];

		m->id = db_num(DB_CELL(r, i, 0));
		m->state = cell(r, i, 1);
		m->title = cell(r, i, 2);
		m->link = cell(r, i, 3);
		m->summary = cell(r, i, 4);
		m->published = cell(r, i, 5);
		m->created = cell(r, i, 6);
		m->updated = cell(r, i, 7);
		m->story_key = cell(r, i, 8);
		m->feed_id = db_num(DB_CELL(r, i, 9));
		m->outlet = cell(r, i, 10);
		m->outlet_id = db_num(DB_CELL(r, i, 11));
		m->medium = cell(r, i, 12);
		if ((e = load_hits(db, a, m)) != DB_OK)
			return e;
	}
	*out = ms;
	*n = r->nrows;
	return DB_OK;
}

static enum db_err
load_also(struct db *db, struct arena *a, struct mention *m,
    const char *state)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	e = db_query_in(db, &ms_stmts, MS_ALSO, DB_ARGS(DB_STR(m->story_key),
	    DB_INT(m->id), DB_STR(state), DB_STR(state)), a, &r);
	if (e != DB_OK)
		return e;
	m->nalso = 0;
	if (r.nrows == 0)
		return DB_OK;
	if ((m->also = arena_alloc(a, r.nrows * sizeof(*m->also))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		m->also[i].id = db_num(DB_CELL(&r, i, 0));
		m->also[i].outlet = cell(&r, i, 1);
	}
	m->nalso = r.nrows;
	return DB_OK;
}

enum db_err
mention_list(struct db *db, struct arena *a, const struct mention_filter *f,
    struct mention **out, size_t *n, size_t *total)
{
	const char	*state = f->state != NULL ? f->state : "";
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*out = NULL;
	*n = *total = 0;
#define FILTER_ARGS \
	DB_STR(state), DB_STR(state), DB_INT(f->feed_id), DB_INT(f->feed_id), \
	DB_INT(f->term_id), DB_INT(f->term_id), DB_STR(f->from), \
	DB_STR(f->from), DB_STR(f->to), DB_STR(f->to), DB_STR(state), \
	DB_STR(state)
	e = db_query_in(db, &ms_stmts, MS_COUNT, DB_ARGS(FILTER_ARGS), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 1)
		*total = (size_t)db_num(DB_CELL(&r, 0, 0));
	e = db_query_in(db, &ms_stmts, MS_LIST, DB_ARGS(FILTER_ARGS,
	    DB_INT(f->limit), DB_INT(f->offset)), a, &r);
#undef FILTER_ARGS
	if (e != DB_OK)
		return e;
	if ((e = rows_to_mentions(db, a, &r, out, n)) != DB_OK)
		return e;
	for (i = 0; i < *n; i++)
		if ((e = load_also(db, a, &(*out)[i], state)) != DB_OK)
			return e;
	return DB_OK;
}

enum db_err
mention_relevant(struct db *db, struct arena *a, size_t limit,
    struct mention **out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;

	e = db_query_in(db, &ms_stmts, MS_RELEVANT, DB_ARGS(DB_INT(limit)), a,
	    &r);
	if (e != DB_OK)
		return e;
	return rows_to_mentions(db, a, &r, out, n);
}

/* The audit row of a state change: who, when, which state. */
static enum db_err
audit_state(struct db *db, struct arena *a, const char *actor, long long id,
    const char *state)
{
	const struct audit_field	 f[] = { { "state", state } };

	return audit_write(db, actor, "mention", id, "state", NULL,
	    audit_json(a, f, 1));
}

enum db_err
mention_set_state(struct db *db, const char *actor, long long id,
    const char *state)
{
	struct arena	 a;
	struct db_rows	 r;
	enum db_err	 e;

	if (!mention_state_valid(state) || strcmp(state, "logged") == 0)
		return DB_ERROR;
	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	e = db_query_in(db, &ms_stmts, MS_STATE_OF, DB_ARGS(DB_INT(id)), &a,
	    &r);
	if (e == DB_OK && r.nrows == 0)
		e = DB_NOTFOUND;
	else if (e == DB_OK && strcmp(cell(&r, 0, 0), "logged") == 0)
		e = DB_CONFLICT;
	else if (e == DB_OK)
		e = db_exec_in(db, &ms_stmts, MS_SET_STATE, DB_ARGS(DB_STR(state),
		    DB_INT(id), DB_STR(state)), NULL, NULL);
	if (e == DB_OK)
		e = audit_state(db, &a, actor, id, state);
	e = db_finish(db, e);
	arena_free(&a);
	return e;
}

enum db_err
mention_set_state_many(struct db *db, const char *actor,
    const long long *ids, size_t n, const char *state, size_t *changed)
{
	unsigned long long	 affected;
	struct arena		 a;
	enum db_err		 e;
	size_t			 i, count = 0;

	if (changed != NULL)
		*changed = 0;
	if (!mention_state_valid(state) || strcmp(state, "logged") == 0)
		return DB_ERROR;
	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	for (i = 0; i < n && e == DB_OK; i++) {
		affected = 0;
		e = db_exec_in(db, &ms_stmts, MS_SET_STATE, DB_ARGS(DB_STR(state),
		    DB_INT(ids[i]), DB_STR(state)), &affected, NULL);
		if (e == DB_OK && affected > 0) {
			count += (size_t)affected;
			e = audit_state(db, &a, actor, ids[i], state);
		}
	}
	arena_free(&a);
	if ((e = db_finish(db, e)) == DB_OK && changed != NULL)
		*changed = count;
	return e;
}

static enum db_err
choices(struct db *db, struct arena *a, unsigned stmt,
    struct mention_choice **out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if ((e = db_query_in(db, &ms_stmts, stmt, NULL, 0, a, &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_OK;
	if ((*out = arena_alloc(a, r.nrows * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		(*out)[i].id = db_num(DB_CELL(&r, i, 0));
		(*out)[i].name = cell(&r, i, 1);
	}
	*n = r.nrows;
	return DB_OK;
}

enum db_err
mention_feeds(struct db *db, struct arena *a, struct mention_choice **out,
    size_t *n)
{
	return choices(db, a, MS_FEEDS, out, n);
}

enum db_err
mention_terms(struct db *db, struct arena *a, struct mention_choice **out,
    size_t *n)
{
	return choices(db, a, MS_TERMS, out, n);
}

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
