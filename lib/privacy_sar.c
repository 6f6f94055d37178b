/*
 * Subject access export (see privacy_sar.h): one statement per part of
 * what is held, each reading only; redaction last, over everything that
 * carries free text.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "privacy_sar.h"

/*
 * col is the person or one of the records merged into them (2 binds:
 * the person's id twice).
 */
#define SUBJECT(col) \
	"(" col " IN (SELECT CAST(? AS UNSIGNED) UNION SELECT pm.merged_id " \
	"FROM person_merges pm WHERE pm.survivor_id = ? AND pm.undone_at IS NULL))"

#define STAMP(col)	"DATE_FORMAT(" col ", '%Y-%m-%d %H:%i:%s')"

/*
 * An audit row as the export shows it.  Each branch of SAR_AUDIT finds
 * its rows through the (entity, entity_id) key: an IN (subquery) here
 * scanned the whole log, seconds on a log of 100,000 rows.
 */
#define AUDIT_ROW \
	"SELECT l.id, " STAMP("l.at") ", l.actor, l.entity, l.entity_id, " \
	"l.action, l.before_data, l.after_data FROM audit_log l "

enum {
	SAR_COLUMNS,
	SAR_PERSON_ROW,
	SAR_ENGAGEMENTS,
	SAR_FOLLOW_UPS,
	SAR_MENTIONS,
	SAR_APPG_ROLES,
	SAR_APPG_TEXTS,
	SAR_AUDIT,
	SAR_OTHER_NAMES,
	SAR_NOW,
	SAR__MAX
};

static const char *const sar_sql[SAR__MAX] = {
	/* The people columns in the order SELECT * returns them. */
	[SAR_COLUMNS] = "SELECT column_name FROM information_schema.columns "
	    "WHERE table_schema = DATABASE() AND table_name = 'people' "
	    "ORDER BY ordinal_position",
	/*
	 * Every column, so the export keeps up with the schema (lawful
	 * basis, erasure) without a change here.
	 */
	[SAR_PERSON_ROW] = "SELECT * FROM people WHERE id = ?",
	[SAR_ENGAGEMENTS] = "SELECT e.id, e.occurred_on, t.label, e.title, "
	    "e.summary, e.outcome, CONCAT_WS(', ', NULLIF(c.label, ''), "
	    "NULLIF(x.party_then, '')), "
	    "(SELECT GROUP_CONCAT(o.name ORDER BY o.name SEPARATOR '; ') "
	    "FROM engagement_organisations eo JOIN organisations o "
	    "ON o.id = eo.organisation_id WHERE eo.engagement_id = e.id), "
	    "(SELECT COUNT(*) FROM engagement_people y WHERE "
	    "y.engagement_id = e.id AND NOT " SUBJECT("y.person_id") "), "
	    "(SELECT COUNT(*) FROM engagement_staff s "
	    "WHERE s.engagement_id = e.id), e.deleted_at IS NOT NULL "
	    "FROM engagement_people x JOIN engagements e "
	    "ON e.id = x.engagement_id JOIN engagement_types t ON t.code = e.type "
	    "LEFT JOIN person_categories c ON c.code = x.category_then "
	    "WHERE x.person_id = ? ORDER BY e.occurred_on DESC, e.id DESC",
	[SAR_FOLLOW_UPS] = "SELECT f.engagement_id, f.action, f.due_on, "
	    STAMP("f.done_at") " FROM follow_ups f JOIN engagement_people x "
	    "ON x.engagement_id = f.engagement_id WHERE x.person_id = ? "
	    "ORDER BY f.engagement_id DESC, f.id",
	[SAR_MENTIONS] = "SELECT m.id, m.state, "
	    STAMP("IFNULL(i.published_at, i.fetched_at)") ", "
	    "IFNULL(o.name, IF(f.title = '', f.url, f.title)), i.title, i.link, "
	    "i.summary, (SELECT GROUP_CONCAT(DISTINCT t.term ORDER BY t.term "
	    "SEPARATOR '; ') FROM mention_hits h JOIN watch_terms t "
	    "ON t.id = h.term_id WHERE h.mention_id = m.id AND "
	    SUBJECT("t.person_id") ") "
	    "FROM mentions m JOIN feed_items i ON i.id = m.item_id "
	    "JOIN feeds f ON f.id = i.feed_id "
	    "LEFT JOIN organisations o ON o.id = f.outlet_id "
	    "WHERE m.id IN (SELECT h.mention_id FROM mention_hits h "
	    "JOIN watch_terms t ON t.id = h.term_id WHERE "
	    SUBJECT("t.person_id") ") "
	    "ORDER BY IFNULL(i.published_at, i.fetched_at) DESC, m.id DESC",
	/* Named guests (no person_id) count when the name is theirs. */
	[SAR_APPG_ROLES] = "SELECT 'officer', g.title, "
	    "CONCAT(REPLACE(o.post, '_', ' '), "
	    "IF(o.deleted_at IS NULL, '', ' (deleted)')), "
	    "o.started_on, o.ended_on FROM appg_officers o JOIN appg_groups g "
	    "ON g.id = o.group_id WHERE " SUBJECT("o.person_id") " "
	    "UNION ALL SELECT 'member', g.title, "
	    "IF(m.deleted_at IS NULL, '', 'deleted'), m.joined_on, m.left_on "
	    "FROM appg_members m JOIN appg_groups g ON g.id = m.group_id "
	    "WHERE " SUBJECT("m.person_id") " "
	    "UNION ALL SELECT 'attendance', g.title, CONCAT_WS(', ', "
	    "REPLACE(a.status, '_', ' '), a.capacity, NULLIF(a.organisation, ''), "
	    "NULLIF(mt.title, '')), mt.held_on, NULL FROM appg_attendance a "
	    "JOIN appg_meetings mt ON mt.id = a.meeting_id "
	    "JOIN appg_groups g ON g.id = mt.group_id WHERE "
	    SUBJECT("a.person_id") " OR (a.person_id IS NULL AND a.name <> '' "
	    "AND a.name = (SELECT s.full_name FROM people s WHERE s.id = ?)) "
	    "UNION ALL SELECT 'chair', g.title, CONCAT_WS(', ', "
	    "CONCAT(mt.kind, ' meeting'), NULLIF(mt.title, '')), mt.held_on, "
	    "NULL FROM appg_meetings mt JOIN appg_groups g ON g.id = mt.group_id "
	    "WHERE " SUBJECT("mt.chair_person_id") " ORDER BY 4 DESC, 1",
	/*
	 * Text that may name them (LOCATE is case-insensitive); the caller
	 * keeps the rows where the name stands as whole words.
	 */
	[SAR_APPG_TEXTS] = "SELECT 'action', g.title, mt.held_on, ac.action, "
	    "CONCAT_WS('; ', CONCAT('owner: ', NULLIF(ac.owner, '')), "
	    "CONCAT('due ', ac.due_on), CONCAT('done ', ac.done_on)) "
	    "FROM appg_actions ac JOIN appg_meetings mt ON mt.id = ac.meeting_id "
	    "JOIN appg_groups g ON g.id = mt.group_id "
	    "WHERE LOCATE(?, ac.owner) > 0 OR LOCATE(?, ac.action) > 0 "
	    "UNION ALL SELECT 'benefit', g.title, b.received_on, b.description, "
	    "CONCAT_WS('; ', CONCAT('source: ', b.source), "
	    "REPLACE(b.kind, '_', ' '), CONCAT(b.value_pounds, ' pounds')) "
	    "FROM appg_benefits b JOIN appg_groups g ON g.id = b.group_id "
	    "WHERE LOCATE(?, b.source) > 0 OR LOCATE(?, b.description) > 0 "
	    "ORDER BY 3 DESC, 1",
	/*
	 * Their record's rows, and those of the engagements they took part
	 * in (the people and staff in these are rewritten by the caller).
	 */
	[SAR_AUDIT] = AUDIT_ROW "WHERE l.entity = 'person' AND l.entity_id = ? "
	    "UNION ALL " AUDIT_ROW "JOIN person_merges pm ON l.entity = 'person' "
	    "AND l.entity_id = pm.merged_id WHERE pm.survivor_id = ? "
	    "AND pm.undone_at IS NULL "
	    "UNION ALL " AUDIT_ROW "JOIN engagement_people x "
	    "ON l.entity = 'engagement' AND l.entity_id = x.engagement_id "
	    "WHERE x.person_id = ? ORDER BY 1 DESC",
	/*
	 * Everyone in the directory, whose names redaction looks for, less
	 * the person's own records (the caller drops them: a subquery here
	 * ran once a row).  Matching is in C: LOCATE over every name and
	 * text took minutes on a big directory.  No DISTINCT: it would fold
	 * "José" into "Jose", and the C match is byte for byte.  Erased
	 * people are left out: their row is named "Erased person", which
	 * names no one.
	 */
	[SAR_OTHER_NAMES] = "SELECT p.id, p.full_name FROM people p "
	    "WHERE p.full_name <> '' AND p.erased_at IS NULL",
	[SAR_NOW] = "SELECT " STAMP("UTC_TIMESTAMP()"),
};

static const struct db_stmts sar_stmts = { DB_SLOT_PRIVACY_SAR, sar_sql,
	SAR__MAX };

#define SUBJECT_ARGS(id)	DB_INT(id), DB_INT(id)

/* --- redaction ---------------------------------------------------------- */

/* Letters, digits and any byte of a multibyte UTF-8 character. */
static int
word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* The length of the longest of names standing as whole words at s. */
static size_t
name_at(const char *text, const char *s, const char *const *names, size_t n)
{
	size_t	 i, len, best = 0;

	if (s > text && word_byte((unsigned char)s[-1]) &&
	    word_byte((unsigned char)*s))
		return 0;
	for (i = 0; i < n; i++) {
		len = strlen(names[i]);
		if (len > best && len > 0 && strncasecmp(s, names[i], len) == 0 &&
		    !word_byte((unsigned char)s[len]))
			best = len;
	}
	return best;
}

/* 1 if name stands as whole words somewhere in text. */
static int
names_word(const char *text, const char *name)
{
	const char	*s;

	if (text == NULL || *name == '\0')
		return 0;
	for (s = text; *s != '\0'; s++)
		if (name_at(text, s, &name, 1) > 0)
			return 1;
	return 0;
}

/*
 * The names to look for, sorted by their first word (any ASCII case), so
 * that each word of a text is looked up rather than every name tried at
 * every place.  Names that do not start with a word byte are few and
 * tried everywhere.
 */
struct sar_names {
	const char	**by_first;
	size_t		  n;
	const char	**odd;
	size_t		  nodd;
};

static size_t
first_word_len(const char *s)
{
	size_t	 i = 0;

	while (s[i] != '\0' && word_byte((unsigned char)s[i]))
		i++;
	return i;
}

static int
word_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int	 c = strncasecmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return alen < blen ? -1 : alen > blen;
}

static int
first_word_cmp(const void *pa, const void *pb)
{
	const char	*a = *(const char *const *)pa;
	const char	*b = *(const char *const *)pb;

	return word_cmp(a, first_word_len(a), b, first_word_len(b));
}

const struct sar_names *
sar_names_index(struct arena *a, const char *const *names, size_t n)
{
	struct sar_names	*ix = arena_alloc(a, sizeof(*ix));
	size_t			 i;

	if (ix == NULL)
		return NULL;
	ix->by_first = arena_alloc(a, (n + 1) * sizeof(char *));
	ix->odd = arena_alloc(a, (n + 1) * sizeof(char *));
	if (ix->by_first == NULL || ix->odd == NULL)
		return NULL;
	ix->n = ix->nodd = 0;
	for (i = 0; i < n; i++) {
		if (*names[i] == '\0')
			continue;
		if (first_word_len(names[i]) > 0)
			ix->by_first[ix->n++] = names[i];
		else
			ix->odd[ix->nodd++] = names[i];
	}
	qsort(ix->by_first, ix->n, sizeof(char *), first_word_cmp);
	return ix;
}

/* The first of ix->by_first whose first word is not before s's word. */
static size_t
lower_bound(const struct sar_names *ix, const char *s, size_t wlen)
{
	size_t	 lo = 0, hi = ix->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (word_cmp(ix->by_first[mid], first_word_len(ix->by_first[mid]),
		    s, wlen) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The length of the longest indexed name standing as words at s. */
static size_t
indexed_name_at(const char *text, const char *s, const struct sar_names *ix)
{
	size_t	 wlen, i, len, best = 0;

	if (!word_byte((unsigned char)*s) ||
	    (s > text && word_byte((unsigned char)s[-1])))
		return 0;
	wlen = first_word_len(s);
	for (i = lower_bound(ix, s, wlen); i < ix->n &&
	    word_cmp(ix->by_first[i], first_word_len(ix->by_first[i]), s,
	    wlen) == 0; i++) {
		len = strlen(ix->by_first[i]);
		if (len > best && strncasecmp(s, ix->by_first[i], len) == 0 &&
		    !word_byte((unsigned char)s[len]))
			best = len;
	}
	return best;
}

const char *
sar_redact(struct arena *a, const char *text, const struct sar_names *ix)
{
	struct buf	 b;
	const char	*s, *out;
	size_t		 len, odd;
	int		 changed = 0;

	if (text == NULL || ix == NULL || ix->n + ix->nodd == 0)
		return text;
	buf_init(&b);
	for (s = text; *s != '\0'; ) {
		len = indexed_name_at(text, s, ix);
		odd = ix->nodd > 0 ? name_at(text, s, ix->odd, ix->nodd) : 0;
		if (odd > len)
			len = odd;
		if (len > 0) {
			buf_puts(&b, SAR_REDACTED);
			s += len;
			changed = 1;
		} else
			buf_putc(&b, *s++);
	}
	if (!changed)
		out = text;
	else if (b.failed)
		out = NULL;
	else
		out = arena_strndup(a, b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
	return out;
}

/* --- gathering ----------------------------------------------------------- */

static const char *
cell(const struct db_rows *r, size_t row, size_t col)
{
	return DB_CELL(r, row, col);
}

/* A cell for text that is never NULL in the schema, "" if it is. */
static const char *
text(const struct db_rows *r, size_t row, size_t col)
{
	const char	*s = DB_CELL(r, row, col);

	return s != NULL ? s : "";
}

/* An array of n elements of size each in the arena (n may be 0). */
static void *
array(struct arena *a, size_t n, size_t size)
{
	return arena_alloc(a, (n > 0 ? n : 1) * size);
}

/* The person's row, column by column, into x->profile. */
static enum db_err
gather_profile(struct db *db, struct arena *a, long long id,
    struct sar_export *x)
{
	struct db_rows	 cols, row;
	enum db_err	 e;
	size_t		 i;

	if ((e = db_query_in(db, &sar_stmts, SAR_COLUMNS, NULL, 0, a,
	    &cols)) != DB_OK ||
	    (e = db_query_in(db, &sar_stmts, SAR_PERSON_ROW,
	    DB_ARGS(DB_INT(id)), a, &row)) != DB_OK)
		return e;
	if (row.nrows == 0)
		return DB_NOTFOUND;
	if (row.ncols != cols.nrows) {
		snprintf(db->error, sizeof(db->error),
		    "people has %zu columns but the schema lists %zu",
		    row.ncols, cols.nrows);
		return DB_ERROR;
	}
	if ((x->profile = array(a, row.ncols, sizeof(*x->profile))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < row.ncols; i++) {
		x->profile[i].name = text(&cols, i, 0);
		x->profile[i].value = cell(&row, 0, i);
		if (strcmp(x->profile[i].name, SAR_ERASED_COLUMN) == 0 &&
		    x->profile[i].value != NULL)
			x->erased = 1;
	}
	x->nprofile = row.ncols;
	return DB_OK;
}

static enum db_err
gather_engagements(struct db *db, struct arena *a, long long id,
    struct sar_export *x)
{
	struct db_rows		 r;
	struct sar_engagement	*g;
	enum db_err		 e;
	size_t			 i;

	if ((e = db_query_in(db, &sar_stmts, SAR_ENGAGEMENTS,
	    DB_ARGS(SUBJECT_ARGS(id), DB_INT(id)), a, &r)) != DB_OK)
		return e;
	if ((x->engagements = array(a, r.nrows, sizeof(*g))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		g = &x->engagements[i];
		g->id = db_num(cell(&r, i, 0));
		g->date = text(&r, i, 1);
		g->type_label = text(&r, i, 2);
		g->title = text(&r, i, 3);
		g->summary = text(&r, i, 4);
		g->outcome = text(&r, i, 5);
		g->role = text(&r, i, 6);
		g->organisations = text(&r, i, 7);
		g->others = (long)db_num(cell(&r, i, 8));
		g->staff = (long)db_num(cell(&r, i, 9));
		g->deleted = db_num(cell(&r, i, 10)) != 0;
	}
	x->nengagements = r.nrows;
	return DB_OK;
}

static enum db_err
gather_follow_ups(struct db *db, struct arena *a, long long id,
    struct sar_export *x)
{
	struct db_rows		 r;
	struct sar_follow_up	*f;
	enum db_err		 e;
	size_t			 i;

	if ((e = db_query_in(db, &sar_stmts, SAR_FOLLOW_UPS,
	    DB_ARGS(DB_INT(id)), a, &r)) != DB_OK)
		return e;
	if ((x->follow_ups = array(a, r.nrows, sizeof(*f))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		f = &x->follow_ups[i];
		f->engagement_id = db_num(cell(&r, i, 0));
		f->action = text(&r, i, 1);
		f->due_on = cell(&r, i, 2);
		f->done_at = cell(&r, i, 3);
	}
	x->nfollow_ups = r.nrows;
	return DB_OK;
}

static enum db_err
gather_mentions(struct db *db, struct arena *a, long long id,
    struct sar_export *x)
{
	struct db_rows		 r;
	struct sar_mention	*m;
	enum db_err		 e;
	size_t			 i;

	if ((e = db_query_in(db, &sar_stmts, SAR_MENTIONS,
	    DB_ARGS(SUBJECT_ARGS(id), SUBJECT_ARGS(id)), a, &r)) != DB_OK)
		return e;
	if ((x->mentions = array(a, r.nrows, sizeof(*m))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		m = &x->mentions[i];
		m->id = db_num(cell(&r, i, 0));
		m->state = text(&r, i, 1);
		m->date = text(&r, i, 2);
		m->source = text(&r, i, 3);
		m->title = text(&r, i, 4);
		m->link = text(&r, i, 5);
		m->summary = text(&r, i, 6);
		m->terms = text(&r, i, 7);
	}
	x->nmentions = r.nrows;
	return DB_OK;
}

static enum db_err
gather_appg_roles(struct db *db, struct arena *a, long long id,
    struct sar_export *x)
{
	struct db_rows		 r;
	struct sar_appg_role	*g;
	enum db_err		 e;
	size_t			 i;

	if ((e = db_query_in(db, &sar_stmts, SAR_APPG_ROLES,
	    DB_ARGS(SUBJECT_ARGS(id), SUBJECT_ARGS(id), SUBJECT_ARGS(id),
	    DB_INT(id), SUBJECT_ARGS(id)), a, &r)) != DB_OK)
		return e;
	if ((x->appg_roles = array(a, r.nrows, sizeof(*g))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		g = &x->appg_roles[i];
		g->kind = text(&r, i, 0);
		g->group = text(&r, i, 1);
		g->detail = text(&r, i, 2);
		g->from = text(&r, i, 3);
		g->to = cell(&r, i, 4);
	}
	x->nappg_roles = r.nrows;
	return DB_OK;
}

/* APPG actions and benefits whose text names them as whole words. */
static enum db_err
gather_appg_texts(struct db *db, struct arena *a, const char *name,
    struct sar_export *x)
{
	struct db_rows		 r;
	struct sar_appg_text	*t;
	enum db_err		 e;
	size_t			 i;

	x->nappg_texts = 0;
	if ((e = db_query_in(db, &sar_stmts, SAR_APPG_TEXTS,
	    DB_ARGS(DB_STR(name), DB_STR(name), DB_STR(name), DB_STR(name)),
	    a, &r)) != DB_OK)
		return e;
	if ((x->appg_texts = array(a, r.nrows, sizeof(*t))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		if (!names_word(cell(&r, i, 3), name) &&
		    !names_word(cell(&r, i, 4), name))
			continue;
		t = &x->appg_texts[x->nappg_texts++];
		t->kind = text(&r, i, 0);
		t->group = text(&r, i, 1);
		t->date = text(&r, i, 2);
		t->text = text(&r, i, 3);
		t->detail = text(&r, i, 4);
	}
	return DB_OK;
}

/* 1 if pid is the person or a record merged into theirs. */
static int
is_subject(const struct sar_export *x, long long pid)
{
	size_t	 i;

	if (pid == x->person_id)
		return 1;
	for (i = 0; i < x->nmerges; i++)
		if (x->merges[i].survivor_id == x->person_id &&
		    x->merges[i].undone_at == NULL &&
		    x->merges[i].merged_id == pid)
			return 1;
	return 0;
}

/* "N other people" / "N other person", "them and ...", or "them". */
static const char *
people_counted(struct arena *a, int them, long others)
{
	const char	*noun = others == 1 ? "person" : "people";

	if (others == 0)
		return them ? "them" : "";
	return them ? arena_printf(a, "them and %ld other %s", others, noun) :
	    arena_printf(a, "%ld other %s", others, noun);
}

/*
 * An engagement's logged list of person ids ("4,9,12") as who they were
 * to the person: other people's ids identify them, so only a count stays.
 */
static const char *
people_of(struct arena *a, const struct sar_export *x, const char *ids)
{
	const char	*s = ids;
	char		*end;
	long long	 pid;
	long		 others = 0;
	int		 them = 0;

	while (*s != '\0') {
		pid = strtoll(s, &end, 10);
		if (end == s) {
			s++;
			continue;
		}
		if (is_subject(x, pid))
			them = 1;
		else
			others++;
		s = end;
	}
	return people_counted(a, them, others);
}

/* The number of ids in a logged list ("3,8": 2). */
static long
ids_in(const char *ids)
{
	long	 n = 0;

	for (; *ids != '\0'; ids++)
		if (isdigit((unsigned char)*ids) &&
		    !isdigit((unsigned char)ids[1]))
			n++;
	return n;
}

/*
 * Replace key's id list in o by what f makes of it; -1 on out of memory.
 */
static int
rewrite_ids(struct arena *a, const struct sar_export *x, json_t *o,
    const char *key, int people)
{
	const char	*ids = json_string_value(json_object_get(o, key));
	const char	*to;

	if (ids == NULL)
		return 0;
	to = people ? people_of(a, x, ids) : arena_printf(a, "%ld staff",
	    ids_in(ids));
	if (to == NULL)
		return -1;
	return json_object_set_new(o, key, json_string(to));
}

/*
 * An engagement's logged values with its people and staff counted, not
 * listed; anything that is not a JSON object is withheld.  NULL on out
 * of memory.
 */
static const char *
engagement_logged(struct arena *a, const struct sar_export *x,
    const char *logged)
{
	json_t		*o;
	char		*text = NULL;
	const char	*out;

	if (logged == NULL)
		return NULL;
	if ((o = json_loads(logged, 0, NULL)) == NULL || !json_is_object(o)) {
		json_decref(o);
		return "(withheld: not readable)";
	}
	if (rewrite_ids(a, x, o, "people", 1) == 0 &&
	    rewrite_ids(a, x, o, "staff", 0) == 0)
		text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (text == NULL)
		return NULL;
	out = arena_strdup(a, text);
	free(text);
	return out;
}

/* The audit rows (after the merges: they say which ids are theirs). */
static enum db_err
gather_audit(struct db *db, struct arena *a, long long id,
    struct sar_export *x)
{
	struct db_rows	 r;
	struct sar_audit *l;
	enum db_err	 e;
	size_t		 i;

	if ((e = db_query_in(db, &sar_stmts, SAR_AUDIT,
	    DB_ARGS(DB_INT(id), DB_INT(id), DB_INT(id)), a, &r)) != DB_OK)
		return e;
	if ((x->audit = array(a, r.nrows, sizeof(*l))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		l = &x->audit[i];
		l->id = db_num(cell(&r, i, 0));
		l->at = text(&r, i, 1);
		l->actor = text(&r, i, 2);
		l->entity = text(&r, i, 3);
		l->entity_id = db_num(cell(&r, i, 4));
		l->action = text(&r, i, 5);
		l->before = cell(&r, i, 6);
		l->after = cell(&r, i, 7);
		if (strcmp(l->entity, "engagement") != 0)
			continue;
		l->before = engagement_logged(a, x, l->before);
		l->after = engagement_logged(a, x, l->after);
		if ((l->before == NULL && cell(&r, i, 6) != NULL) ||
		    (l->after == NULL && cell(&r, i, 7) != NULL))
			return DB_NOMEM;
	}
	x->naudit = r.nrows;
	return DB_OK;
}

/*
 * The names to redact: everyone else's in the directory, less their own
 * records' and any that stands as words in their name ("Smith" in "John
 * Smith", or a namesake's, which cannot be told from theirs).  Needs the
 * merges gathered.
 */
static enum db_err
gather_other_names(struct db *db, struct arena *a, const char *name,
    struct sar_export *x)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	if ((e = db_query_in(db, &sar_stmts, SAR_OTHER_NAMES, NULL, 0, a,
	    &r)) != DB_OK)
		return e;
	if ((x->redacted_names = array(a, r.nrows, sizeof(char *))) == NULL)
		return DB_NOMEM;
	x->nredacted_names = 0;
	for (i = 0; i < r.nrows; i++)
		if (!is_subject(x, db_num(cell(&r, i, 0))) &&
		    !names_word(name, text(&r, i, 1)))
			x->redacted_names[x->nredacted_names++] = text(&r, i, 1);
	return DB_OK;
}

/* Redact *s in place; -1 when out of memory. */
static int
redact(struct arena *a, const struct sar_names *ix, const char **s)
{
	const char	*out;

	if (*s == NULL)
		return 0;
	out = sar_redact(a, *s, ix);
	if (out == NULL)
		return -1;
	*s = out;
	return 0;
}

/* Every free text the export carries, with the other names redacted. */
static enum db_err
redact_all(struct arena *a, struct sar_export *x)
{
	const struct sar_names	*ix;
	int			 bad = 0;
	size_t			 i;

	ix = sar_names_index(a, x->redacted_names, x->nredacted_names);
	if (ix == NULL)
		return DB_NOMEM;
	for (i = 0; i < x->nprofile; i++)
		if (strcmp(x->profile[i].name, "full_name") != 0)
			bad |= redact(a, ix, &x->profile[i].value);
	for (i = 0; i < x->nterms; i++)
		bad |= redact(a, ix, &x->terms[i].role_title);
	for (i = 0; i < x->nengagements; i++) {
		bad |= redact(a, ix, &x->engagements[i].title);
		bad |= redact(a, ix, &x->engagements[i].summary);
		bad |= redact(a, ix, &x->engagements[i].outcome);
	}
	for (i = 0; i < x->nfollow_ups; i++)
		bad |= redact(a, ix, &x->follow_ups[i].action);
	for (i = 0; i < x->nappg_texts; i++) {
		bad |= redact(a, ix, &x->appg_texts[i].text);
		bad |= redact(a, ix, &x->appg_texts[i].detail);
	}
	for (i = 0; i < x->naudit; i++) {
		bad |= redact(a, ix, &x->audit[i].before);
		bad |= redact(a, ix, &x->audit[i].after);
	}
	return bad ? DB_NOMEM : DB_OK;
}

/* Everything but the profile, which the caller has read. */
static enum db_err
gather_rest(struct db *db, struct arena *a, const struct person *p,
    struct sar_export *x)
{
	enum db_err	 e;

	if ((e = person_terms(db, a, p->id, &x->terms, &x->nterms)) != DB_OK ||
	    (e = person_merges_of(db, a, p->id, &x->merges,
	    &x->nmerges)) != DB_OK ||
	    (e = gather_engagements(db, a, p->id, x)) != DB_OK ||
	    (e = gather_follow_ups(db, a, p->id, x)) != DB_OK ||
	    (e = gather_mentions(db, a, p->id, x)) != DB_OK ||
	    (e = gather_appg_roles(db, a, p->id, x)) != DB_OK ||
	    (e = gather_appg_texts(db, a, p->full_name, x)) != DB_OK ||
	    (e = gather_audit(db, a, p->id, x)) != DB_OK ||
	    (e = gather_other_names(db, a, p->full_name, x)) != DB_OK)
		return e;
	return redact_all(a, x);
}

/* The profile's derived labels, after the columns. */
static enum db_err
add_labels(struct arena *a, const struct person *p, struct sar_export *x)
{
	struct sar_field	*f;

	f = array(a, x->nprofile + 2, sizeof(*f));
	if (f == NULL)
		return DB_NOMEM;
	memcpy(f, x->profile, x->nprofile * sizeof(*f));
	f[x->nprofile++] = (struct sar_field){ "category_label",
	    p->category_label };
	f[x->nprofile++] = (struct sar_field){ "organisation_name",
	    p->organisation_id != 0 ? p->organisation_name : NULL };
	x->profile = f;
	return DB_OK;
}

enum db_err
sar_gather(struct db *db, struct arena *a, long long person_id,
    struct sar_export *x)
{
	struct person	 p;
	struct db_rows	 now;
	enum db_err	 e;

	memset(x, 0, sizeof(*x));
	x->person_id = person_id;
	if ((e = person_get(db, a, person_id, &p)) != DB_OK ||
	    (e = gather_profile(db, a, person_id, x)) != DB_OK)
		return e;
	if (x->erased) {
		x->full_name = "Erased person";
		x->nprofile = 0;
		return DB_OK;
	}
	x->full_name = p.full_name;
	if ((e = db_query_in(db, &sar_stmts, SAR_NOW, NULL, 0, a,
	    &now)) != DB_OK)
		return e;
	x->generated_at = now.nrows > 0 ? text(&now, 0, 0) : "";
	if ((e = add_labels(a, &p, x)) != DB_OK)
		return e;
	return gather_rest(db, a, &p, x);
}

enum db_err
sar_export(struct db *db, struct arena *a, const char *actor,
    long long person_id, const char *format, struct sar_export *x)
{
	const struct audit_field after[] = { { "format", format } };
	const char	*json;
	enum db_err	 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = sar_gather(db, a, person_id, x);
	if (e == DB_OK && !x->erased) {
		x->generated_by = actor;
		if ((json = audit_json(a, after, 1)) == NULL)
			e = DB_NOMEM;
		else
			e = audit_write(db, actor, "person", person_id,
			    "export", NULL, json);
	}
	return db_finish(db, e);
}
