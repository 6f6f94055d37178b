/*
 * Feeds, items, watch terms and mentions in MariaDB (see feed_store.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "feed_parse.h"
#include "feed_store.h"
#include "match.h"

enum {
	FS_FEED_INSERT,
	FS_FEED_LIVE_BY_URL,
	FS_FEED_DELETED_BY_URL,
	FS_FEED_RESTORE,
	FS_FEED_LIST,
	FS_ITEM_INSERT,
	FS_STORY_FIND,
	FS_STORY_SET,
	FS_MENTION_INSERT,
	FS_HIT_INSERT,
	FS_FEED_RECORD,
	FS_TERMS_ENABLED,
	FS_TERM_INSERT,
	FS_UNMATCHED_ITEMS,
	FS_FEED_ALL,
	FS_FEED_GET,
	FS_FEED_SET_ENABLED,
	FS_FEED_SET_DELETED,
	FS_FEED_UPDATE,
	FS_TERMS_ALL,
	FS_TERM_GET,
	FS_TERM_SET_ENABLED,
	FS_WATCH_CANDIDATES,
	FS_DIRECTORY_TERMS,
	FS_DIRECTORY_TERM_INSERT,
	FS_DIRECTORY_TERM_UPDATE,
	FS_DIRECTORY_TERM_DELETE,
	FS_DIRECTORY_TERM_DISABLE,
	FS__MAX
};

static const char *const fs_sql[FS__MAX] = {
	[FS_FEED_INSERT] =
	    "INSERT INTO feeds (url, title, outlet_id, created_at, updated_at) "
	    "VALUES (?, ?, NULLIF(?, 0), UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[FS_FEED_LIVE_BY_URL] =
	    "SELECT id FROM feeds WHERE live_url_hash = UNHEX(SHA2(?, 256))",
	[FS_FEED_DELETED_BY_URL] =
	    "SELECT id, title, IFNULL(outlet_id, 0), enabled FROM feeds "
	    "WHERE url = ? AND deleted_at IS NOT NULL ORDER BY deleted_at DESC, "
	    "id DESC LIMIT 1 FOR UPDATE",
	[FS_FEED_RESTORE] =
	    "UPDATE feeds SET deleted_at = NULL, enabled = 1, title = ?, "
	    "outlet_id = NULLIF(?, 0), version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND deleted_at IS NOT NULL",
	[FS_FEED_LIST] =
	    "SELECT id, url, title, etag, last_modified FROM feeds "
	    "WHERE enabled = 1 AND deleted_at IS NULL ORDER BY id",
	[FS_ITEM_INSERT] =
	    "INSERT INTO feed_items (feed_id, item_key, story_key, guid, link, "
	    "title, summary, author, published_at, fetched_at) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	/*
	 * The story a new item joins: a group (its first item g) with the
	 * same story key, dated within the window of the new item, that has
	 * nothing from the new item's feed yet; the nearest in time.
	 */
	[FS_STORY_FIND] =
	    "SELECT g.id FROM feed_items n JOIN feed_items g "
	    "ON g.story_key = n.story_key AND g.story_id = g.id AND g.id <> n.id "
	    "AND ABS(TIMESTAMPDIFF(SECOND, g.item_date, n.item_date)) <= ? "
	    "WHERE n.id = ? AND NOT EXISTS (SELECT 1 FROM feed_items x "
	    "WHERE x.story_id = g.id AND x.feed_id = n.feed_id) "
	    "ORDER BY ABS(TIMESTAMPDIFF(SECOND, g.item_date, n.item_date)), g.id "
	    "LIMIT 1",
	[FS_STORY_SET] =
	    "UPDATE feed_items SET story_id = ? WHERE id = ?",
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
	    "SELECT f.id, f.title, f.url, f.enabled, " \
	    "IFNULL(DATE_FORMAT(f.last_fetch_at, '%Y-%m-%d %H:%i'), ''), " \
	    "f.last_status, f.items_seen, f.items_new, f.last_error, " \
	    "f.consecutive_failures, IFNULL(o.id, 0), IFNULL(o.name, ''), " \
	    "f.version FROM feeds f LEFT JOIN organisations o ON o.id = f.outlet_id "
	[FS_FEED_ALL] =
	    FEED_HEALTH_COLUMNS "WHERE (f.deleted_at IS NOT NULL) = ? "
	    "ORDER BY IF(f.title = '', f.url, f.title), f.id",
	[FS_FEED_GET] =
	    FEED_HEALTH_COLUMNS "WHERE f.id = ? AND f.deleted_at IS NULL",
	[FS_FEED_SET_ENABLED] =
	    "UPDATE feeds SET enabled = ?, version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND deleted_at IS NULL",
	[FS_FEED_SET_DELETED] =
	    "UPDATE feeds SET deleted_at = IF(? = 1, UTC_TIMESTAMP(), NULL), "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND (deleted_at IS NULL) = (? = 1)",
	[FS_FEED_UPDATE] =
	    "UPDATE feeds SET title = ?, url = ?, outlet_id = NULLIF(?, 0), "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND deleted_at IS NULL",
#define TERM_COLUMNS \
	    "SELECT t.id, t.term, t.kind, t.exclude, t.titles_only, t.enabled, " \
	    "t.source = 'directory', IFNULL(t.person_id, 0), " \
	    "IFNULL(p.full_name, '') FROM watch_terms t " \
	    "LEFT JOIN people p ON p.id = t.person_id "
	[FS_TERMS_ALL] =
	    TERM_COLUMNS "ORDER BY t.source, t.term, t.exclude, t.id",
	[FS_TERM_GET] =
	    TERM_COLUMNS "WHERE t.id = ?",
	[FS_TERM_SET_ENABLED] =
	    "UPDATE watch_terms SET enabled = ? WHERE id = ? "
	    "AND source = 'manual'",
	/*
	 * Who may be watched: current, live, not "never", and an MP or Peer
	 * or set to "always"; tracked when "always" or engaged with us.
	 */
	[FS_WATCH_CANDIDATES] =
	    "SELECT p.id, p.full_name, c.label, p.press_watch, "
	    "p.press_watch = 'always' OR EXISTS (SELECT 1 FROM engagement_people "
	    "ep JOIN engagements e ON e.id = ep.engagement_id "
	    "WHERE ep.person_id = p.id AND e.deleted_at IS NULL) "
	    "FROM people p JOIN person_categories c ON c.code = p.category "
	    "WHERE p.deleted_at IS NULL AND p.is_current = 1 "
	    "AND p.press_watch <> 'never' "
	    "AND (p.category IN ('mp', 'peer') OR p.press_watch = 'always') "
	    "ORDER BY p.full_name, p.id",
	[FS_DIRECTORY_TERMS] =
	    "SELECT id, IFNULL(person_id, 0), term, enabled FROM watch_terms "
	    "WHERE source = 'directory' ORDER BY id FOR UPDATE",
	[FS_DIRECTORY_TERM_INSERT] =
	    "INSERT INTO watch_terms (term, kind, source, exclude, titles_only, "
	    "person_id, enabled, created_at) VALUES (?, 'person', 'directory', "
	    "0, 0, ?, 1, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE enabled = 1",
	[FS_DIRECTORY_TERM_UPDATE] =
	    "UPDATE watch_terms SET term = ?, enabled = 1 WHERE id = ?",
	[FS_DIRECTORY_TERM_DELETE] =
	    "DELETE FROM watch_terms WHERE id = ? AND NOT EXISTS "
	    "(SELECT 1 FROM mention_hits WHERE term_id = ?)",
	[FS_DIRECTORY_TERM_DISABLE] =
	    "UPDATE watch_terms SET enabled = 0 WHERE id = ? AND enabled = 1",
#undef FEED_HEALTH_COLUMNS
#undef TERM_COLUMNS
};

static const struct db_stmts fs_stmts = { DB_SLOT_FEEDS, fs_sql, FS__MAX };

#define SUMMARY_MAX_BYTES	(16u * 1024 * 1024 - 1)	/* MEDIUMTEXT */
#define GUID_MAX		1000
#define LINK_MAX		2000
#define AUTHOR_MAX		300

#define WATCH_TERM_MAX		300		/* watch_terms.term */

/* Who the command line acts as, in the audit log. */
#define CLI_ACTOR		"tracker-feeds"

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

static const char *
str_or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* --- feeds ---------------------------------------------------------------- */

char *
feed_url_normal(struct arena *a, const char *url)
{
	char	*s, *p, *host, *end;

	if ((s = arena_strdup(a, url)) == NULL)
		return NULL;
	if ((host = strstr(s, "://")) == NULL)
		return s;
	for (p = s; p < host; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p += 'a' - 'A';
	host += 3;
	end = host + strcspn(host, "/?#");
	/* Not the user name and password, which may be case-sensitive. */
	for (p = host; p < end; p++)
		if (*p == '@')
			host = p + 1;
	for (p = host; p < end; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p += 'a' - 'A';
	return s;
}

/* The audit record of a feed. */
static char *
feed_json(struct arena *a, const char *url, const char *title,
    long long outlet_id, int enabled)
{
	char				 outlet[24];
	const struct audit_field	 f[] = {
		{ "url", url }, { "title", title }, { "outlet", outlet },
		{ "enabled", enabled ? "yes" : "no" },
	};

	snprintf(outlet, sizeof(outlet), "%lld", outlet_id);
	if (outlet_id == 0)
		outlet[0] = '\0';
	return audit_json(a, f, sizeof(f) / sizeof(f[0]));
}

/* Bring back the deleted feed of row 0 of r, as feed_create() says. */
static enum db_err
feed_restore_for_add(struct db *db, struct arena *a, const char *actor,
    const struct db_rows *r, const char *url, const char *title,
    long long outlet_id, long long *id)
{
	long long	 old_outlet = db_num(DB_CELL(r, 0, 2));
	const char	*old_title = str_or_empty(DB_CELL(r, 0, 1));
	enum db_err	 e;

	*id = db_num(DB_CELL(r, 0, 0));
	if (*title == '\0')
		title = old_title;
	if (outlet_id == 0)
		outlet_id = old_outlet;
	e = db_exec_in(db, &fs_stmts, FS_FEED_RESTORE, DB_ARGS(DB_STR(title),
	    DB_INT(outlet_id), DB_INT(*id)), NULL, NULL);
	if (e == DB_OK)
		e = audit_write(db, actor, "feed", *id, "restore",
		    feed_json(a, url, old_title, old_outlet,
		    db_num(DB_CELL(r, 0, 3)) != 0),
		    feed_json(a, url, title, outlet_id, 1));
	return e;
}

/* feed_create() inside its transaction. */
static enum db_err
feed_create_in(struct db *db, struct arena *a, const char *actor,
    const char *url, const char *title, long long outlet_id, long long *id,
    int *restored)
{
	struct db_rows		 r;
	unsigned long long	 insert_id = 0;
	enum db_err		 e;

	e = db_query_in(db, &fs_stmts, FS_FEED_LIVE_BY_URL,
	    DB_ARGS(DB_STR(url)), a, &r);
	if (e == DB_OK && r.nrows > 0) {
		*id = db_num(DB_CELL(&r, 0, 0));
		return DB_DUPLICATE;
	}
	if (e == DB_OK)
		e = db_query_in(db, &fs_stmts, FS_FEED_DELETED_BY_URL,
		    DB_ARGS(DB_STR(url)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows > 0) {
		*restored = 1;
		return feed_restore_for_add(db, a, actor, &r, url, title,
		    outlet_id, id);
	}
	e = db_exec_in(db, &fs_stmts, FS_FEED_INSERT, DB_ARGS(DB_STR(url),
	    DB_STR(title), DB_INT(outlet_id)), NULL, &insert_id);
	if (e == DB_DUPLICATE && db_query_in(db, &fs_stmts,
	    FS_FEED_LIVE_BY_URL, DB_ARGS(DB_STR(url)), a, &r) == DB_OK &&
	    r.nrows > 0)
		*id = db_num(DB_CELL(&r, 0, 0));
	if (e != DB_OK)
		return e;
	*id = (long long)insert_id;
	return audit_write(db, actor, "feed", *id, "create", NULL,
	    feed_json(a, url, title, outlet_id, 1));
}

enum db_err
feed_create(struct db *db, const char *actor, const char *url,
    const char *title, long long outlet_id, long long *id, int *restored)
{
	struct arena	 a;
	const char	*u, *t;
	long long	 fid = 0;
	int		 back = 0;
	enum db_err	 e;

	if (restored != NULL)
		*restored = 0;
	arena_init(&a);
	if ((u = feed_url_normal(&a, url)) == NULL ||
	    (t = cut(&a, str_or_empty(title), FEED_TITLE_MAX, SIZE_MAX)) ==
	    NULL) {
		arena_free(&a);
		return DB_NOMEM;
	}
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, feed_create_in(db, &a, actor, u, t, outlet_id,
		    &fid, &back));
	arena_free(&a);
	if (id != NULL && (e == DB_OK || e == DB_DUPLICATE))
		*id = fid;
	if (restored != NULL && e == DB_OK)
		*restored = back;
	return e;
}

enum db_err
feed_add(struct db *db, const char *url, const char *title,
    long long outlet_id, long long *id)
{
	return feed_create(db, CLI_ACTOR, url, title, outlet_id, id, NULL);
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

/* --- items and mentions --------------------------------------------------- */

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

int
feed_story_key(const char *title, char out[65])
{
	struct arena	 a;
	const char	*folded;

	arena_init(&a);
	if ((folded = match_fold(title, &a)) == NULL) {
		/* Not UTF-8: the bytes as they are. */
		if ((folded = arena_strdup(&a, title)) == NULL) {
			arena_free(&a);
			return -1;
		}
	}
	sha256_hex(folded, strlen(folded), out);
	arena_free(&a);
	return 0;
}

/* Put a new item into its story: an existing group, else its own. */
static enum db_err
join_story(struct db *db, struct arena *a, long long item_id)
{
	struct db_rows	 r;
	long long	 story = item_id;
	enum db_err	 e;

	e = db_query_in(db, &fs_stmts, FS_STORY_FIND,
	    DB_ARGS(DB_INT(STORY_WINDOW_SECONDS), DB_INT(item_id)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows > 0)
		story = db_num(DB_CELL(&r, 0, 0));
	return db_exec_in(db, &fs_stmts, FS_STORY_SET, DB_ARGS(DB_INT(story),
	    DB_INT(item_id)), NULL, NULL);
}

/* Store one entry; *item_id is 0 when the feed already had it. */
static enum db_err
store_entry(struct db *db, struct arena *a, long long feed_id,
    const struct feed_entry *fe, const char **title, const char **summary,
    long long *item_id)
{
	char			 item_key[65], story_key[65];
	const char		*key;
	unsigned long long	 insert_id = 0;
	enum db_err		 e;

	*item_id = 0;
	*title = cut(a, str_or_empty(fe->title_text), FEED_ITEM_TITLE_MAX,
	    SIZE_MAX);
	*summary = cut(a, str_or_empty(fe->summary_text), SIZE_MAX,
	    SUMMARY_MAX_BYTES);
	if (fe->id != NULL && fe->id[0] != '\0')
		key = fe->id;
	else if (fe->link != NULL && fe->link[0] != '\0')
		key = fe->link;
	else
		key = arena_printf(a, "%s\n%s", str_or_empty(fe->title_text),
		    str_or_empty(fe->published));
	if (key == NULL || *title == NULL || *summary == NULL ||
	    feed_story_key(*title, story_key) == -1)
		return DB_NOMEM;
	sha256_hex(key, strlen(key), item_key);
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
	if (e != DB_OK)
		return e;
	*item_id = (long long)insert_id;
	return join_story(db, a, *item_id);
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

/* --- people watched in the press ----------------------------------------- */

/* One form of one person's name, for finding shared ones. */
struct name_form {
	const char	*folded;
	long long	 person_id;
	size_t		 person;	/* index in the candidates */
	size_t		 form;		/* index in their forms */
};

static int
name_form_cmp(const void *pa, const void *pb)
{
	const struct name_form	*a = pa, *b = pb;
	int			 c = strcmp(a->folded, b->folded);

	if (c != 0)
		return c;
	return a->person_id < b->person_id ? -1 : a->person_id > b->person_id;
}

/*
 * Drop each short form (not the name as held, form 0) that another
 * candidate shares: "Lord Smith" for two Lords Smith says nothing about
 * which.  forms[i] are the candidates' forms, NULLed when dropped.
 */
static int
drop_shared_forms(struct arena *a, struct watched_person *w, size_t n)
{
	struct name_form	*f;
	size_t			 total = 0, i, j, k = 0;

	for (i = 0; i < n; i++)
		total += w[i].nterms;
	if (total == 0)
		return 0;
	if ((f = arena_alloc(a, total * sizeof(*f))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		for (j = 0; j < w[i].nterms; j++, k++) {
			if ((f[k].folded = match_fold(w[i].terms[j], a)) == NULL)
				return -1;
			f[k].person_id = w[i].id;
			f[k].person = i;
			f[k].form = j;
		}
	qsort(f, total, sizeof(*f), name_form_cmp);
	for (i = 0; i < total; i = j) {
		int	 shared = 0;

		for (j = i + 1; j < total &&
		    strcmp(f[j].folded, f[i].folded) == 0; j++)
			shared |= f[j].person_id != f[i].person_id;
		for (k = i; shared && k < j; k++)
			if (f[k].form > 0)
				w[f[k].person].terms[f[k].form] = NULL;
	}
	return 0;
}

/* Close the gaps drop_shared_forms() left in each person's forms. */
static void
compact_forms(struct watched_person *w, size_t n)
{
	size_t	 i, j, k;

	for (i = 0; i < n; i++) {
		for (j = k = 0; j < w[i].nterms; j++)
			if (w[i].terms[j] != NULL)
				w[i].terms[k++] = w[i].terms[j];
		w[i].nterms = k;
	}
}

/* Every candidate (see FS_WATCH_CANDIDATES) with their forms. */
static enum db_err
watch_candidates(struct db *db, struct arena *a, struct watched_person **out,
    size_t *n)
{
	struct db_rows		 r;
	struct watched_person	*w;
	enum db_err		 e;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if ((e = db_query_in(db, &fs_stmts, FS_WATCH_CANDIDATES, NULL, 0, a,
	    &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_OK;
	if ((w = arena_alloc(a, r.nrows * sizeof(*w))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		w[i].id = db_num(DB_CELL(&r, i, 0));
		w[i].name = str_or_empty(DB_CELL(&r, i, 1));
		w[i].category = str_or_empty(DB_CELL(&r, i, 2));
		w[i].press_watch = str_or_empty(DB_CELL(&r, i, 3));
		w[i].tracked = db_num(DB_CELL(&r, i, 4)) != 0;
		if (match_name_variants(w[i].name, a, &w[i].terms,
		    &w[i].nterms) == -1)
			return DB_NOMEM;
	}
	if (drop_shared_forms(a, w, r.nrows) == -1)
		return DB_NOMEM;
	compact_forms(w, r.nrows);
	*out = w;
	*n = r.nrows;
	return DB_OK;
}

enum db_err
watched_people(struct db *db, struct arena *a, int tracked_only,
    struct watched_person **out, size_t *n)
{
	struct watched_person	*w;
	size_t			 i, k = 0, all;
	enum db_err		 e;

	if ((e = watch_candidates(db, a, &w, &all)) != DB_OK)
		return e;
	for (i = 0; i < all; i++)
		if (w[i].tracked || !tracked_only)
			w[k++] = w[i];
	*out = k > 0 ? w : NULL;
	*n = k;
	return DB_OK;
}

enum db_err
watched_person_get(struct db *db, struct arena *a, long long person_id,
    struct watched_person *out, int *found)
{
	struct watched_person	*w;
	size_t			 i, n;
	enum db_err		 e;

	memset(out, 0, sizeof(*out));
	*found = 0;
	if ((e = watched_people(db, a, 0, &w, &n)) != DB_OK)
		return e;
	for (i = 0; i < n; i++)
		if (w[i].id == person_id) {
			*out = w[i];
			*found = 1;
			break;
		}
	return DB_OK;
}

/* A directory term, wanted or stored, for lining the two up. */
struct dir_term {
	long long	 id;		/* stored row, 0 if only wanted */
	long long	 person_id;
	const char	*term;
	const char	*folded;
	int		 enabled;
};

static int
dir_term_cmp(const void *pa, const void *pb)
{
	const struct dir_term	*a = pa, *b = pb;

	if (a->person_id != b->person_id)
		return a->person_id < b->person_id ? -1 : 1;
	return strcmp(a->folded, b->folded);
}

/* The terms the tracked people want, sorted by person and folded text. */
static enum db_err
wanted_terms(struct db *db, struct arena *a, struct dir_term **out,
    size_t *n)
{
	struct watched_person	*w;
	struct dir_term		*t;
	size_t			 nw, i, j, total = 0, k = 0;
	enum db_err		 e;

	*out = NULL;
	*n = 0;
	if ((e = watched_people(db, a, 1, &w, &nw)) != DB_OK)
		return e;
	for (i = 0; i < nw; i++)
		total += w[i].nterms;
	if (total == 0)
		return DB_OK;
	if ((t = arena_alloc(a, total * sizeof(*t))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < nw; i++)
		for (j = 0; j < w[i].nterms; j++, k++) {
			t[k].id = 0;
			t[k].person_id = w[i].id;
			t[k].term = cut(a, w[i].terms[j], WATCH_TERM_MAX,
			    SIZE_MAX);
			t[k].enabled = 1;
			if (t[k].term == NULL ||
			    (t[k].folded = match_fold(t[k].term, a)) == NULL)
				return DB_NOMEM;
		}
	qsort(t, total, sizeof(*t), dir_term_cmp);
	*out = t;
	*n = total;
	return DB_OK;
}

/* The directory's stored terms, locked, sorted like wanted_terms(). */
static enum db_err
stored_terms(struct db *db, struct arena *a, struct dir_term **out,
    size_t *n)
{
	struct db_rows	 r;
	struct dir_term	*t;
	size_t		 i;
	enum db_err	 e;

	*out = NULL;
	*n = 0;
	if ((e = db_query_in(db, &fs_stmts, FS_DIRECTORY_TERMS, NULL, 0, a,
	    &r)) != DB_OK || r.nrows == 0)
		return e;
	if ((t = arena_alloc(a, r.nrows * sizeof(*t))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		t[i].id = db_num(DB_CELL(&r, i, 0));
		t[i].person_id = db_num(DB_CELL(&r, i, 1));
		t[i].term = str_or_empty(DB_CELL(&r, i, 2));
		t[i].enabled = db_num(DB_CELL(&r, i, 3)) != 0;
		if ((t[i].folded = match_fold(t[i].term, a)) == NULL)
			t[i].folded = t[i].term;
	}
	qsort(t, r.nrows, sizeof(*t), dir_term_cmp);
	*out = t;
	*n = r.nrows;
	return DB_OK;
}

/* A stored term nobody wants now: gone, or disabled if mentions cite it. */
static enum db_err
retire_term(struct db *db, const struct dir_term *t, size_t *retired)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;

	e = db_exec_in(db, &fs_stmts, FS_DIRECTORY_TERM_DELETE,
	    DB_ARGS(DB_INT(t->id), DB_INT(t->id)), &affected, NULL);
	if (e == DB_OK && affected == 0 && t->enabled)
		e = db_exec_in(db, &fs_stmts, FS_DIRECTORY_TERM_DISABLE,
		    DB_ARGS(DB_INT(t->id)), &affected, NULL);
	if (e == DB_OK && (affected > 0))
		(*retired)++;
	return e;
}

/* One step of lining up stored (s) and wanted (w) terms. */
static enum db_err
sync_step(struct db *db, const struct dir_term *s, const struct dir_term *w,
    size_t *added, size_t *retired)
{
	if (w == NULL)
		return retire_term(db, s, retired);
	if (s == NULL) {
		(*added)++;
		return db_exec_in(db, &fs_stmts, FS_DIRECTORY_TERM_INSERT,
		    DB_ARGS(DB_STR(w->term), DB_INT(w->person_id)), NULL, NULL);
	}
	/* The same person and folded text: enabled, spelt as now. */
	if (s->enabled && strcmp(s->term, w->term) == 0)
		return DB_OK;
	(*added) += !s->enabled;
	return db_exec_in(db, &fs_stmts, FS_DIRECTORY_TERM_UPDATE,
	    DB_ARGS(DB_STR(w->term), DB_INT(s->id)), NULL, NULL);
}

static enum db_err
sync_in(struct db *db, struct arena *a, size_t *added, size_t *retired)
{
	struct dir_term	*want, *have;
	size_t		 nwant, nhave, i = 0, j = 0;
	enum db_err	 e;
	int		 c;

	if ((e = stored_terms(db, a, &have, &nhave)) != DB_OK ||
	    (e = wanted_terms(db, a, &want, &nwant)) != DB_OK)
		return e;
	while (e == DB_OK && (i < nhave || j < nwant)) {
		if (i == nhave)
			c = 1;
		else if (j == nwant)
			c = -1;
		else
			c = dir_term_cmp(&have[i], &want[j]);
		e = sync_step(db, c <= 0 ? &have[i] : NULL,
		    c >= 0 ? &want[j] : NULL, added, retired);
		i += c <= 0;
		j += c >= 0;
	}
	return e;
}

enum db_err
watch_terms_sync(struct db *db, size_t *added, size_t *retired)
{
	struct arena	 a;
	size_t		 nadded = 0, nretired = 0;
	enum db_err	 e;

	if (added != NULL)
		*added = 0;
	if (retired != NULL)
		*retired = 0;
	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	e = db_finish(db, sync_in(db, &a, &nadded, &nretired));
	arena_free(&a);
	if (e == DB_OK && added != NULL)
		*added = nadded;
	if (e == DB_OK && retired != NULL)
		*retired = nretired;
	return e;
}

/* --- watch terms ---------------------------------------------------------- */

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
	if ((e = watch_terms_sync(db, NULL, NULL)) != DB_OK ||
	    (e = db_query_in(db, &fs_stmts, FS_TERMS_ENABLED, NULL, 0, a,
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

/* The audit record of a typed watch term. */
static char *
term_json(struct arena *a, const char *term, const char *kind, int exclude,
    int titles_only, int enabled)
{
	const struct audit_field	 f[] = {
		{ "term", term }, { "kind", kind },
		{ "exclude", exclude ? "yes" : "no" },
		{ "titles only", titles_only ? "yes" : "no" },
		{ "enabled", enabled ? "yes" : "no" },
	};

	return audit_json(a, f, sizeof(f) / sizeof(f[0]));
}

enum db_err
watch_term_create(struct db *db, const char *actor, const char *term,
    const char *kind, int exclude, int titles_only)
{
	struct arena		 a;
	unsigned long long	 id = 0;
	enum db_err		 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	e = db_exec_in(db, &fs_stmts, FS_TERM_INSERT, DB_ARGS(DB_STR(term),
	    DB_STR(kind), DB_INT(exclude != 0), DB_INT(titles_only != 0)),
	    NULL, &id);
	if (e == DB_OK)
		e = audit_write(db, actor, "watch_term", (long long)id, "create",
		    NULL, term_json(&a, term, kind, exclude, titles_only, 1));
	e = db_finish(db, e);
	arena_free(&a);
	return e;
}

enum db_err
watch_term_add(struct db *db, const char *term, const char *kind,
    int exclude, int titles_only)
{
	return watch_term_create(db, CLI_ACTOR, term, kind, exclude,
	    titles_only);
}

/* The columns of TERM_COLUMNS, row i of r, into *t. */
static void
term_row(const struct db_rows *r, size_t i, struct watch_term *t)
{
	t->id = db_num(DB_CELL(r, i, 0));
	t->term = str_or_empty(DB_CELL(r, i, 1));
	t->kind = str_or_empty(DB_CELL(r, i, 2));
	t->exclude = db_num(DB_CELL(r, i, 3)) != 0;
	t->titles_only = db_num(DB_CELL(r, i, 4)) != 0;
	t->enabled = db_num(DB_CELL(r, i, 5)) != 0;
	t->from_directory = db_num(DB_CELL(r, i, 6)) != 0;
	t->person_id = db_num(DB_CELL(r, i, 7));
	t->person = str_or_empty(DB_CELL(r, i, 8));
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
	for (i = 0; i < r.nrows; i++)
		term_row(&r, i, &t[i]);
	*out = t;
	*n = r.nrows;
	return DB_OK;
}

enum db_err
watch_term_set_enabled(struct db *db, const char *actor, long long id,
    int enabled)
{
	struct arena		 a;
	struct db_rows		 r;
	struct watch_term	 t;
	enum db_err		 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	e = db_query_in(db, &fs_stmts, FS_TERM_GET, DB_ARGS(DB_INT(id)), &a,
	    &r);
	if (e == DB_OK && r.nrows == 0)
		e = DB_NOTFOUND;
	if (e == DB_OK) {
		term_row(&r, 0, &t);
		if (t.from_directory)
			e = DB_CONFLICT;
	}
	if (e == DB_OK && t.enabled != (enabled != 0)) {
		e = db_exec_in(db, &fs_stmts, FS_TERM_SET_ENABLED,
		    DB_ARGS(DB_INT(enabled != 0), DB_INT(id)), NULL, NULL);
		if (e == DB_OK)
			e = audit_write(db, actor, "watch_term", id,
			    enabled ? "enable" : "disable",
			    term_json(&a, t.term, t.kind, t.exclude,
			    t.titles_only, t.enabled),
			    term_json(&a, t.term, t.kind, t.exclude,
			    t.titles_only, enabled));
	}
	e = db_finish(db, e);
	arena_free(&a);
	return e;
}

/* --- the feeds page ------------------------------------------------------- */

/* The health columns of FEED_HEALTH_COLUMNS, row i of r, into *f. */
static void
health_row(const struct db_rows *r, size_t i, struct feed_health *f)
{
	f->id = db_num(DB_CELL(r, i, 0));
	f->title = str_or_empty(DB_CELL(r, i, 1));
	f->url = str_or_empty(DB_CELL(r, i, 2));
	f->enabled = db_num(DB_CELL(r, i, 3)) != 0;
	f->last_fetch_at = str_or_empty(DB_CELL(r, i, 4));
	f->last_status = db_num(DB_CELL(r, i, 5));
	f->items_seen = db_num(DB_CELL(r, i, 6));
	f->items_new = db_num(DB_CELL(r, i, 7));
	f->last_error = str_or_empty(DB_CELL(r, i, 8));
	f->failures = db_num(DB_CELL(r, i, 9));
	f->outlet_id = db_num(DB_CELL(r, i, 10));
	f->outlet = str_or_empty(DB_CELL(r, i, 11));
	f->version = (int)db_num(DB_CELL(r, i, 12));
}

enum db_err
feed_health_list(struct db *db, struct arena *a, int deleted,
    struct feed_health **out, size_t *n)
{
	struct db_rows		 r;
	struct feed_health	*f;
	enum db_err		 e;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if ((e = db_query_in(db, &fs_stmts, FS_FEED_ALL,
	    DB_ARGS(DB_INT(deleted != 0)), a, &r)) != DB_OK)
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

/* One feed by id with statement stmt; DB_NOTFOUND when none. */
static enum db_err
feed_get_row(struct db *db, struct arena *a, unsigned stmt, long long id,
    struct feed_health *out)
{
	struct db_rows	 r;
	enum db_err	 e;

	if ((e = db_query_in(db, &fs_stmts, stmt, DB_ARGS(DB_INT(id)), a,
	    &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	health_row(&r, 0, out);
	return DB_OK;
}

enum db_err
feed_health_get(struct db *db, struct arena *a, long long id,
    struct feed_health *out)
{
	return feed_get_row(db, a, FS_FEED_GET, id, out);
}

enum db_err
feed_set_enabled(struct db *db, const char *actor, long long id, int enabled)
{
	struct arena		 a;
	struct feed_health	 f;
	enum db_err		 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	e = feed_get_row(db, &a, FS_FEED_GET, id, &f);
	if (e == DB_OK)
		e = db_exec_in(db, &fs_stmts, FS_FEED_SET_ENABLED,
		    DB_ARGS(DB_INT(enabled != 0), DB_INT(id)), NULL, NULL);
	if (e == DB_OK)
		e = audit_write(db, actor, "feed", id,
		    enabled ? "enable" : "disable",
		    feed_json(&a, f.url, f.title, f.outlet_id, f.enabled),
		    feed_json(&a, f.url, f.title, f.outlet_id, enabled));
	e = db_finish(db, e);
	arena_free(&a);
	return e;
}

enum db_err
feed_set_deleted(struct db *db, const char *actor, long long id, int deleted)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_exec_in(db, &fs_stmts, FS_FEED_SET_DELETED, DB_ARGS(
	    DB_INT(deleted != 0), DB_INT(id), DB_INT(deleted != 0)), &affected,
	    NULL);
	if (e == DB_OK && affected == 0)
		e = DB_NOTFOUND;
	if (e == DB_OK)
		e = audit_write(db, actor, "feed", id,
		    deleted ? "delete" : "restore", NULL, NULL);
	return db_finish(db, e);
}

enum db_err
feed_update(struct db *db, const char *actor, long long id, const char *url,
    const char *title, long long outlet_id)
{
	struct arena		 a;
	struct feed_health	 old;
	const char		*u, *t;
	enum db_err		 e;

	arena_init(&a);
	if ((u = feed_url_normal(&a, url)) == NULL ||
	    (t = cut(&a, str_or_empty(title), FEED_TITLE_MAX, SIZE_MAX)) ==
	    NULL) {
		arena_free(&a);
		return DB_NOMEM;
	}
	if ((e = db_begin(db)) != DB_OK) {
		arena_free(&a);
		return e;
	}
	e = feed_get_row(db, &a, FS_FEED_GET, id, &old);
	if (e == DB_OK)
		e = db_exec_in(db, &fs_stmts, FS_FEED_UPDATE, DB_ARGS(DB_STR(t),
		    DB_STR(u), DB_INT(outlet_id), DB_INT(id)), NULL, NULL);
	if (e == DB_OK)
		e = audit_write(db, actor, "feed", id, "update",
		    feed_json(&a, old.url, old.title, old.outlet_id,
		    old.enabled),
		    feed_json(&a, u, t, outlet_id, old.enabled));
	e = db_finish(db, e);
	arena_free(&a);
	return e;
}
