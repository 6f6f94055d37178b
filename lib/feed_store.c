/*
 * Feeds, items, watch terms and mentions in MariaDB (see feed_store.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "db.h"
#include "feed_parse.h"
#include "feed_store.h"
#include "match.h"

enum {
	FS_FEED_INSERT,
	FS_FEED_BY_URL,
	FS_FEED_LIST,
	FS_ITEM_INSERT,
	FS_MENTION_INSERT,
	FS_HIT_INSERT,
	FS_FEED_RECORD,
	FS_TERMS_ENABLED,
	FS_TERM_INSERT,
	FS_UNMATCHED_ITEMS,
	FS_FEED_ALL,
	FS_FEED_GET,
	FS_FEED_SET_ENABLED,
	FS_FEED_UPDATE,
	FS_TERMS_ALL,
	FS_TERM_SET_ENABLED,
	FS__MAX
};

static const char *const fs_sql[FS__MAX] = {
	[FS_FEED_INSERT] =
	    "INSERT INTO feeds (url, title, outlet_id, created_at, updated_at) "
	    "VALUES (?, ?, NULLIF(?, 0), UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[FS_FEED_BY_URL] =
	    "SELECT id FROM feeds WHERE url = ?",
	[FS_FEED_LIST] =
	    "SELECT id, url, title, etag, last_modified FROM feeds "
	    "WHERE enabled = 1 AND deleted_at IS NULL ORDER BY id",
	[FS_ITEM_INSERT] =
	    "INSERT INTO feed_items (feed_id, item_key, story_key, guid, link, "
	    "title, summary, author, published_at, fetched_at) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	/* IGNORE: rematch may race an ingest; the unique item_id decides. */
	[FS_MENTION_INSERT] =
	    "INSERT IGNORE INTO mentions (item_id, state, created_at, updated_at) "
	    "VALUES (?, 'new', UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[FS_HIT_INSERT] =
	    "INSERT IGNORE INTO mention_hits (mention_id, term_id, field, start, "
	    "length) VALUES (?, ?, ?, ?, ?)",
	[FS_FEED_RECORD] =
	    "UPDATE feeds SET last_fetch_at = UTC_TIMESTAMP(), last_status = ?, "
	    "etag = IFNULL(?, etag), last_modified = IFNULL(?, last_modified), "
	    "items_seen = ?, items_new = ?, last_error = IFNULL(?, ''), "
	    "consecutive_failures = IF(? IS NULL, 0, consecutive_failures + 1), "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[FS_TERMS_ENABLED] =
	    "SELECT id, term, exclude, titles_only FROM watch_terms "
	    "WHERE enabled = 1 ORDER BY id",
	[FS_TERM_INSERT] =
	    "INSERT INTO watch_terms (term, kind, exclude, titles_only, "
	    "created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
	/* Paged by id so that a large archive is not read at once. */
	[FS_UNMATCHED_ITEMS] =
	    "SELECT i.id, i.title, i.summary FROM feed_items i LEFT JOIN "
	    "mentions m ON m.item_id = i.id WHERE m.id IS NULL AND i.id > ? "
	    "ORDER BY i.id LIMIT 200",
#define FEED_HEALTH_COLUMNS \
	    "SELECT id, title, url, enabled, " \
	    "IFNULL(DATE_FORMAT(last_fetch_at, '%Y-%m-%d %H:%i'), ''), " \
	    "last_status, items_seen, items_new, last_error, " \
	    "consecutive_failures FROM feeds "
	[FS_FEED_ALL] =
	    FEED_HEALTH_COLUMNS "WHERE deleted_at IS NULL ORDER BY id",
	[FS_FEED_GET] =
	    FEED_HEALTH_COLUMNS "WHERE id = ? AND deleted_at IS NULL",
	[FS_FEED_SET_ENABLED] =
	    "UPDATE feeds SET enabled = ?, version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND deleted_at IS NULL",
	[FS_FEED_UPDATE] =
	    "UPDATE feeds SET title = ?, url = ?, version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND deleted_at IS NULL",
	[FS_TERMS_ALL] =
	    "SELECT id, term, kind, exclude, titles_only, enabled "
	    "FROM watch_terms ORDER BY term, exclude",
	[FS_TERM_SET_ENABLED] =
	    "UPDATE watch_terms SET enabled = ? WHERE id = ?",
#undef FEED_HEALTH_COLUMNS
};

static const struct db_stmts fs_stmts = { DB_SLOT_FEEDS, fs_sql, FS__MAX };

#define TITLE_MAX_BYTES		65535		/* TEXT */
#define SUMMARY_MAX_BYTES	(16u * 1024 * 1024 - 1)	/* MEDIUMTEXT */
#define GUID_MAX		1000
#define LINK_MAX		2000
#define AUTHOR_MAX		300

/*
 * s cut to at most maxchars characters and maxbytes bytes, never inside a
 * UTF-8 sequence; s itself when it fits, NULL only when s is NULL or out
 * of memory.
 */
static const char *
cut(struct arena *a, const char *s, size_t maxchars, size_t maxbytes)
{
	size_t	 i, chars = 0, len;

	if (s == NULL)
		return NULL;
	len = strlen(s);
	for (i = 0; i < len; chars++) {
		size_t	 n = 1;

		if (chars == maxchars)
			break;
		while (i + n < len && ((unsigned char)s[i + n] & 0xc0) == 0x80)
			n++;
		if (i + n > maxbytes)
			break;
		i += n;
	}
	return i == len ? s : arena_strndup(a, s, i);
}

/* The SHA-256 of len bytes at p as 64 lower-case hex digits. */
static void
sha256_hex(const void *p, size_t len, char out[65])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, p, len);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

/* "YYYY-MM-DDTHH:MM:SSZ" as a DATETIME, or NULL. */
static const char *
datetime(struct arena *a, const char *iso)
{
	char	*d;

	if (iso == NULL || strlen(iso) != 20 || iso[10] != 'T' ||
	    iso[19] != 'Z' || (d = arena_strndup(a, iso, 19)) == NULL)
		return NULL;
	d[10] = ' ';
	return d;
}

enum db_err
feed_add(struct db *db, const char *url, const char *title,
    long long outlet_id, long long *id)
{
	struct arena		 a;
	struct db_rows		 r;
	unsigned long long	 insert_id = 0;
	enum db_err		 e;

	arena_init(&a);
	e = db_exec_in(db, &fs_stmts, FS_FEED_INSERT, DB_ARGS(DB_STR(url),
	    DB_STR(title ? cut(&a, title, FEED_TITLE_MAX, SIZE_MAX) : ""),
	    DB_INT(outlet_id)), NULL, &insert_id);
	if (e == DB_OK && id != NULL)
		*id = (long long)insert_id;
	if (e == DB_DUPLICATE && id != NULL &&
	    db_query_in(db, &fs_stmts, FS_FEED_BY_URL, DB_ARGS(DB_STR(url)),
	    &a, &r) == DB_OK && r.nrows > 0)
		*id = db_num(DB_CELL(&r, 0, 0));
	arena_free(&a);
	return e;
}

enum db_err
feed_list(struct db *db, struct arena *a, struct feed_row **out, size_t *n)
{
	struct db_rows	 r;
	struct feed_row	*f;
	enum db_err	 e;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if ((e = db_query_in(db, &fs_stmts, FS_FEED_LIST, NULL, 0, a, &r)) !=
	    DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_OK;
	if ((f = arena_alloc(a, r.nrows * sizeof(*f))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		f[i].id = db_num(DB_CELL(&r, i, 0));
		f[i].url = DB_CELL(&r, i, 1);
		f[i].title = DB_CELL(&r, i, 2);
		f[i].etag = DB_CELL(&r, i, 3);
		f[i].last_modified = DB_CELL(&r, i, 4);
	}
	*out = f;
	*n = r.nrows;
	return DB_OK;
}

/*
 * Match one stored item; when it qualifies and has no mention yet, make
 * one with its hits.  *made is 1 when a mention was created.
 */
static enum db_err
match_item(struct db *db, const struct matcher *m, long long item_id,
    const char *title, const char *summary, int *made)
{
	struct arena		 a;
	struct match_hit	*hits;
	size_t			 nhits, i;
	long long		 excluded_by;
	unsigned long long	 affected = 0, mention_id = 0;
	enum db_err		 e = DB_OK;

	*made = 0;
	if (m == NULL)
		return DB_OK;
	arena_init(&a);
	if (matcher_scan(m, title, summary, &hits, &nhits, &excluded_by,
	    &a) < 0) {
		e = DB_NOMEM;
		goto done;
	}
	if (nhits == 0 || excluded_by != 0)
		goto done;
	e = db_exec_in(db, &fs_stmts, FS_MENTION_INSERT,
	    DB_ARGS(DB_INT(item_id)), &affected, &mention_id);
	if (e != DB_OK || affected == 0)
		goto done;
	*made = 1;
	for (i = 0; i < nhits && e == DB_OK; i++)
		e = db_exec_in(db, &fs_stmts, FS_HIT_INSERT,
		    DB_ARGS(DB_INT(mention_id), DB_INT(hits[i].term_id),
		    DB_STR(hits[i].field == MATCH_TITLE ? "title" : "summary"),
		    DB_INT(hits[i].offset), DB_INT(hits[i].length)),
		    NULL, NULL);
done:
	arena_free(&a);
	return e;
}

/* Store one entry; *item_id is 0 when the feed already had it. */
static enum db_err
store_entry(struct db *db, struct arena *a, long long feed_id,
    const struct feed_entry *fe, const char **title, const char **summary,
    long long *item_id)
{
	char			 item_key[65], story_key[65];
	const char		*key, *folded;
	unsigned long long	 insert_id = 0;
	enum db_err		 e;

	*item_id = 0;
	*title = cut(a, fe->title_text ? fe->title_text : "", SIZE_MAX,
	    TITLE_MAX_BYTES);
	*summary = cut(a, fe->summary_text ? fe->summary_text : "", SIZE_MAX,
	    SUMMARY_MAX_BYTES);
	if (fe->id != NULL && fe->id[0] != '\0')
		key = fe->id;
	else if (fe->link != NULL && fe->link[0] != '\0')
		key = fe->link;
	else
		key = arena_printf(a, "%s\n%s", fe->title_text ?
		    fe->title_text : "", fe->published ? fe->published : "");
	if (key == NULL || *title == NULL || *summary == NULL)
		return DB_NOMEM;
	sha256_hex(key, strlen(key), item_key);
	if ((folded = match_fold(*title, a)) == NULL)
		folded = *title;
	sha256_hex(folded, strlen(folded), story_key);
	e = db_exec_in(db, &fs_stmts, FS_ITEM_INSERT, DB_ARGS(DB_INT(feed_id),
	    DB_STR(item_key), DB_STR(story_key),
	    DB_STR(fe->id ? cut(a, fe->id, GUID_MAX, SIZE_MAX) : ""),
	    DB_STR(fe->link ? cut(a, fe->link, LINK_MAX, SIZE_MAX) : ""),
	    DB_STR(*title), DB_STR(*summary),
	    DB_STR(fe->author ? cut(a, fe->author, AUTHOR_MAX, SIZE_MAX) : ""),
	    DB_STR(datetime(a, fe->published ? fe->published : fe->updated))),
	    NULL, &insert_id);
	if (e == DB_DUPLICATE)
		return DB_OK;
	if (e == DB_OK)
		*item_id = (long long)insert_id;
	return e;
}

enum db_err
feed_ingest(struct db *db, long long feed_id, const struct feed *parsed,
    const struct matcher *m, struct ingest_result *res)
{
	struct arena		 a;
	struct ingest_result	 r = { 0, 0, 0 };
	const char		*title, *summary;
	long long		 item_id;
	size_t			 i;
	int			 made;
	enum db_err		 e;

	memset(res, 0, sizeof(*res));
	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	for (i = 0; i < parsed->n_entries && e == DB_OK; i++) {
		r.seen++;
		e = store_entry(db, &a, feed_id, &parsed->entries[i], &title,
		    &summary, &item_id);
		if (e != DB_OK || item_id == 0)
			continue;
		r.new_items++;
		e = match_item(db, m, item_id, title, summary, &made);
		r.mentions += made;
	}
	arena_free(&a);
	if ((e = db_finish(db, e)) == DB_OK)
		*res = r;
	return e;
}

enum db_err
feed_record_fetch(struct db *db, long long feed_id, long http_status,
    const char *etag, const char *last_modified, size_t seen,
    size_t new_items, const char *error)
{
	struct arena	 a;
	const char	*err = NULL;
	enum db_err	 e;

	arena_init(&a);
	if (error != NULL && (err = cut(&a, error, FEED_ERROR_MAX,
	    SIZE_MAX)) == NULL) {
		arena_free(&a);
		return DB_NOMEM;
	}
	e = db_exec_in(db, &fs_stmts, FS_FEED_RECORD, DB_ARGS(
	    DB_INT(http_status),
	    DB_STR(etag ? cut(&a, etag, FEED_ETAG_MAX, SIZE_MAX) : NULL),
	    DB_STR(last_modified ? cut(&a, last_modified, FEED_LASTMOD_MAX,
	    SIZE_MAX) : NULL),
	    DB_INT(seen), DB_INT(new_items), DB_STR(err), DB_STR(err),
	    DB_INT(feed_id)), NULL, NULL);
	arena_free(&a);
	return e;
}

enum db_err
watch_terms_load(struct db *db, struct arena *a, struct matcher **out,
    size_t *skipped)
{
	struct db_rows	 r;
	struct matcher	*m;
	enum match_err	 me;
	enum db_err	 e;
	size_t		 i, bad = 0;

	*out = NULL;
	if (skipped != NULL)
		*skipped = 0;
	if ((e = db_query_in(db, &fs_stmts, FS_TERMS_ENABLED, NULL, 0, a,
	    &r)) != DB_OK)
		return e;
	if ((m = matcher_new()) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		me = matcher_add(m, db_num(DB_CELL(&r, i, 0)), DB_CELL(&r, i, 1),
		    db_num(DB_CELL(&r, i, 2)) != 0,
		    db_num(DB_CELL(&r, i, 3)) != 0);
		if (me == MATCH_NOMEM)
			goto nomem;
		if (me != MATCH_OK)
			bad++;
	}
	if (matcher_build(m) != MATCH_OK)
		goto nomem;
	if (skipped != NULL)
		*skipped = bad;
	*out = m;
	return DB_OK;
nomem:
	matcher_free(m);
	return DB_NOMEM;
}

enum db_err
watch_term_add(struct db *db, const char *term, const char *kind,
    int exclude, int titles_only)
{
	return db_exec_in(db, &fs_stmts, FS_TERM_INSERT, DB_ARGS(DB_STR(term),
	    DB_STR(kind), DB_INT(exclude != 0), DB_INT(titles_only != 0)),
	    NULL, NULL);
}

enum db_err
feed_rematch(struct db *db, const struct matcher *m, size_t *created)
{
	struct arena	 a;
	struct db_rows	 r;
	long long	 after = 0;
	size_t		 i, count = 0;
	int		 made;
	enum db_err	 e;

	if (created != NULL)
		*created = 0;
	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	do {
		arena_free(&a);
		e = db_query_in(db, &fs_stmts, FS_UNMATCHED_ITEMS,
		    DB_ARGS(DB_INT(after)), &a, &r);
		for (i = 0; e == DB_OK && i < r.nrows; i++) {
			after = db_num(DB_CELL(&r, i, 0));
			e = match_item(db, m, after, DB_CELL(&r, i, 1),
			    DB_CELL(&r, i, 2), &made);
			count += made;
		}
	} while (e == DB_OK && r.nrows > 0);
	arena_free(&a);
	if ((e = db_finish(db, e)) == DB_OK && created != NULL)
		*created = count;
	return e;
}

/* The health columns of FEED_HEALTH_COLUMNS, row i of r, into *f. */
static void
health_row(const struct db_rows *r, size_t i, struct feed_health *f)
{
	f->id = db_num(DB_CELL(r, i, 0));
	f->title = DB_CELL(r, i, 1);
	f->url = DB_CELL(r, i, 2);
	f->enabled = db_num(DB_CELL(r, i, 3)) != 0;
	f->last_fetch_at = DB_CELL(r, i, 4);
	f->last_status = db_num(DB_CELL(r, i, 5));
	f->items_seen = db_num(DB_CELL(r, i, 6));
	f->items_new = db_num(DB_CELL(r, i, 7));
	f->last_error = DB_CELL(r, i, 8);
	f->failures = db_num(DB_CELL(r, i, 9));
}

enum db_err
feed_health_list(struct db *db, struct arena *a, struct feed_health **out,
    size_t *n)
{
	struct db_rows		 r;
	struct feed_health	*f;
	enum db_err		 e;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if ((e = db_query_in(db, &fs_stmts, FS_FEED_ALL, NULL, 0, a, &r)) !=
	    DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_OK;
	if ((f = arena_alloc(a, r.nrows * sizeof(*f))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++)
		health_row(&r, i, &f[i]);
	*out = f;
	*n = r.nrows;
	return DB_OK;
}

enum db_err
feed_health_get(struct db *db, struct arena *a, long long id,
    struct feed_health *out)
{
	struct db_rows	 r;
	enum db_err	 e;

	if ((e = db_query_in(db, &fs_stmts, FS_FEED_GET, DB_ARGS(DB_INT(id)),
	    a, &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	health_row(&r, 0, out);
	return DB_OK;
}

enum db_err
feed_set_enabled(struct db *db, long long id, int enabled)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;

	e = db_exec_in(db, &fs_stmts, FS_FEED_SET_ENABLED,
	    DB_ARGS(DB_INT(enabled != 0), DB_INT(id)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_NOTFOUND;
	return e;
}

enum db_err
feed_update(struct db *db, long long id, const char *url, const char *title)
{
	struct arena		 a;
	unsigned long long	 affected = 0;
	enum db_err		 e;

	arena_init(&a);
	e = db_exec_in(db, &fs_stmts, FS_FEED_UPDATE, DB_ARGS(
	    DB_STR(title ? cut(&a, title, FEED_TITLE_MAX, SIZE_MAX) : ""),
	    DB_STR(url), DB_INT(id)), &affected, NULL);
	arena_free(&a);
	if (e == DB_OK && affected == 0)
		e = DB_NOTFOUND;
	return e;
}

enum db_err
watch_term_list(struct db *db, struct arena *a, struct watch_term **out,
    size_t *n)
{
	struct db_rows		 r;
	struct watch_term	*t;
	enum db_err		 e;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if ((e = db_query_in(db, &fs_stmts, FS_TERMS_ALL, NULL, 0, a, &r)) !=
	    DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_OK;
	if ((t = arena_alloc(a, r.nrows * sizeof(*t))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		t[i].id = db_num(DB_CELL(&r, i, 0));
		t[i].term = DB_CELL(&r, i, 1);
		t[i].kind = DB_CELL(&r, i, 2);
		t[i].exclude = db_num(DB_CELL(&r, i, 3)) != 0;
		t[i].titles_only = db_num(DB_CELL(&r, i, 4)) != 0;
		t[i].enabled = db_num(DB_CELL(&r, i, 5)) != 0;
	}
	*out = t;
	*n = r.nrows;
	return DB_OK;
}

enum db_err
watch_term_set_enabled(struct db *db, long long id, int enabled)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;

	e = db_exec_in(db, &fs_stmts, FS_TERM_SET_ENABLED,
	    DB_ARGS(DB_INT(enabled != 0), DB_INT(id)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_NOTFOUND;
	return e;
}
