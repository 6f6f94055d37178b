/*
 * lib/feed_store.c against a real MariaDB: items stored once per feed,
 * only new items matched, exclusion and titles-only terms, a feed's
 * health after successes and failures, and rematch after the terms
 * change (mentions for old items, never twice); feed URLs unique among
 * live feeds over their whole length, deleted feeds restored by adding
 * them again; titles cut to their column; syndicated stories grouped;
 * the people the directory watches kept in step as watch terms; every
 * change audited.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <mysql.h>

#include "arena.h"
#include "db.h"
#include "directory.h"
#include "feed_parse.h"
#include "feed_store.h"
#include "match.h"
#include "testhelp.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;

static void
setup(void)
{
	th_db_open(&db, &conf);
	th_sql(&db, "DELETE FROM mention_hits; DELETE FROM mentions; "
	    "DELETE FROM feed_items; DELETE FROM watch_terms; "
	    "DELETE FROM feeds; DELETE FROM engagement_people; "
	    "DELETE FROM engagements; DELETE FROM person_merges; "
	    "DELETE FROM person_terms; DELETE FROM people; "
	    "DELETE FROM audit_log");
	arena_init(&a);
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

/* Fixed test SQL's first cell, and as a number (see testhelp.h). */
static const char *
q(const char *sql)
{
	return th_cell(&db, sql);
}

static long long
qn(const char *sql)
{
	return th_num(&db, sql);
}

static struct feed_entry entries[] = {
	{ .title_text = "HIAS+JCORE welcomes new guardianship rules",
	    .id = "https://news.example/1",
	    .published = "2024-03-11T09:30:00Z",
	    .summary_text = "Charities said the change was overdue." },
	{ .title_text = "JCORE Ltd opens a warehouse",
	    .link = "https://news.example/2",
	    .summary_text = "The logistics firm is no relation of JCORE." },
	{ .title_text = "Council budget approved",
	    .published = "2024-03-12T10:00:00Z",
	    .summary_text =
	    "The refugee resettlement fund is kept at last year's level." },
};

static struct feed
doc(size_t n)
{
	struct feed	 f;

	memset(&f, 0, sizeof(f));
	f.entries = entries;
	f.n_entries = n;
	return f;
}

static long long
add_feed(const char *url)
{
	long long	 id = 0;

	ck_assert_int_eq(feed_add(&db, url, "Test feed", 0, &id), DB_OK);
	ck_assert_int_gt(id, 0);
	return id;
}

static struct matcher *
terms(void)
{
	struct matcher	*m = NULL;
	size_t		 skipped;

	ck_assert_int_eq(watch_terms_load(&db, &a, &m, &skipped), DB_OK);
	ck_assert_uint_eq(skipped, 0);
	return m;
}

START_TEST(test_ingest_twice)
{
	struct feed		 f = doc(3);
	struct ingest_result	 r;
	struct feed_row		*rows;
	long long		 id = add_feed("https://news.example/rss"), again;
	size_t			 n;

	ck_assert_int_eq(feed_add(&db, "https://news.example/rss", NULL, 0,
	    &again), DB_DUPLICATE);
	ck_assert_int_eq(again, id);
	ck_assert_int_eq(feed_list(&db, &a, &rows, &n), DB_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(rows[0].url, "https://news.example/rss");

	ck_assert_int_eq(feed_ingest(&db, id, &f, NULL, &r), DB_OK);
	ck_assert_uint_eq(r.seen, 3);
	ck_assert_uint_eq(r.new_items, 3);
	ck_assert_int_eq(feed_ingest(&db, id, &f, NULL, &r), DB_OK);
	ck_assert_uint_eq(r.seen, 3);
	ck_assert_uint_eq(r.new_items, 0);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM feed_items"), 3);
	/* Keys: guid, else link, else title and date; dates as DATETIME. */
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM feed_items WHERE item_key = "
	    "SHA2('https://news.example/1', 256)"), 1);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM feed_items WHERE item_key = "
	    "SHA2('https://news.example/2', 256)"), 1);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM feed_items WHERE item_key = "
	    "SHA2('Council budget approved\\n2024-03-12T10:00:00Z', 256)"), 1);
	ck_assert_str_eq(q("SELECT published_at FROM feed_items WHERE guid = "
	    "'https://news.example/1'"), "2024-03-11 09:30:00");
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM feed_items WHERE story_key = "
	    "SHA2('council budget approved', 256)"), 1);

	/* Another feed with the same items stores its own copies. */
	id = add_feed("https://other.example/rss");
	ck_assert_int_eq(feed_ingest(&db, id, &f, NULL, &r), DB_OK);
	ck_assert_uint_eq(r.new_items, 3);
	ck_assert_int_eq(qn("SELECT COUNT(DISTINCT story_key) FROM feed_items"),
	    3);
}
END_TEST

START_TEST(test_matching_new_only_and_exclusion)
{
	struct feed		 f = doc(2);
	struct ingest_result	 r;
	struct matcher		*m;
	long long		 id = add_feed("https://news.example/rss");

	ck_assert_int_eq(watch_term_add(&db, "JCORE", "organisation", 0, 0),
	    DB_OK);
	ck_assert_int_eq(watch_term_add(&db, "JCORE", "organisation", 0, 0),
	    DB_DUPLICATE);
	ck_assert_int_eq(watch_term_add(&db, "JCORE Ltd", "other", 1, 0),
	    DB_OK);
	m = terms();
	ck_assert_int_eq(feed_ingest(&db, id, &f, m, &r), DB_OK);
	ck_assert_uint_eq(r.new_items, 2);
	ck_assert_uint_eq(r.mentions, 1);	/* JCORE Ltd excluded */
	ck_assert_str_eq(q("SELECT CONCAT(m.state, '|', i.guid) FROM mentions m "
	    "JOIN feed_items i ON i.id = m.item_id"), "new|https://news.example/1");
	ck_assert_str_eq(q("SELECT GROUP_CONCAT(CONCAT(field, ':', start, ':', "
	    "length)) FROM mention_hits"), "title:5:5");

	/* A third item: only it is matched; the others are not new. */
	th_sql(&db, "UPDATE mentions SET state = 'dismissed'");
	f = doc(3);
	ck_assert_int_eq(feed_ingest(&db, id, &f, m, &r), DB_OK);
	ck_assert_uint_eq(r.new_items, 1);
	ck_assert_uint_eq(r.mentions, 0);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM mentions"), 1);
	ck_assert_str_eq(q("SELECT state FROM mentions"), "dismissed");
	matcher_free(m);
}
END_TEST

START_TEST(test_titles_only)
{
	struct feed		 f = doc(3);
	struct ingest_result	 r;
	struct matcher		*m;
	long long		 id = add_feed("https://news.example/rss");

	/* "refugee" is only in item 3's summary; "budget" in its title. */
	ck_assert_int_eq(watch_term_add(&db, "refugee", "topic", 0, 1), DB_OK);
	ck_assert_int_eq(watch_term_add(&db, "guardianship", "topic", 0, 1),
	    DB_OK);
	m = terms();
	ck_assert_int_eq(feed_ingest(&db, id, &f, m, &r), DB_OK);
	ck_assert_uint_eq(r.mentions, 1);
	ck_assert_str_eq(q("SELECT i.guid FROM mentions m JOIN feed_items i ON "
	    "i.id = m.item_id"), "https://news.example/1");
	matcher_free(m);
}
END_TEST

START_TEST(test_health)
{
	long long	 id = add_feed("https://news.example/rss");
	char		 sql[200];

	snprintf(sql, sizeof(sql), "SELECT CONCAT_WS('|', last_status, etag, "
	    "last_modified, items_seen, items_new, last_error, "
	    "consecutive_failures, last_fetch_at IS NOT NULL) FROM feeds "
	    "WHERE id = %lld", id);
	ck_assert_int_eq(feed_record_fetch(&db, id, 200, "\"v1\"",
	    "Mon, 11 Mar 2024 09:30:00 GMT", 12, 3, NULL), DB_OK);
	ck_assert_str_eq(q(sql),
	    "200|\"v1\"|Mon, 11 Mar 2024 09:30:00 GMT|12|3||0|1");
	ck_assert_int_eq(feed_record_fetch(&db, id, 500, NULL, NULL, 0, 0,
	    "HTTP status 500"), DB_OK);
	ck_assert_int_eq(feed_record_fetch(&db, id, 0, NULL, NULL, 0, 0,
	    "Operation timed out"), DB_OK);
	ck_assert_str_eq(q(sql), "0|\"v1\"|Mon, 11 Mar 2024 09:30:00 GMT|0|0|"
	    "Operation timed out|2|1");
	ck_assert_int_eq(feed_record_fetch(&db, id, 304, NULL, NULL, 0, 0,
	    NULL), DB_OK);
	ck_assert_str_eq(q(sql),
	    "304|\"v1\"|Mon, 11 Mar 2024 09:30:00 GMT|0|0||0|1");
}
END_TEST

START_TEST(test_rematch)
{
	struct feed		 f = doc(3);
	struct ingest_result	 r;
	struct matcher		*m;
	size_t			 created;
	long long		 id = add_feed("https://news.example/rss");

	ck_assert_int_eq(watch_term_add(&db, "guardianship", "topic", 0, 0),
	    DB_OK);
	m = terms();
	ck_assert_int_eq(feed_ingest(&db, id, &f, m, &r), DB_OK);
	ck_assert_uint_eq(r.mentions, 1);
	matcher_free(m);
	th_sql(&db, "UPDATE mentions SET state = 'relevant'");

	ck_assert_int_eq(watch_term_add(&db, "refugee", "topic", 0, 0), DB_OK);
	m = terms();
	ck_assert_int_eq(feed_rematch(&db, m, &created), DB_OK);
	ck_assert_uint_eq(created, 1);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM mentions"), 2);
	ck_assert_str_eq(q("SELECT GROUP_CONCAT(m.state ORDER BY i.id) FROM "
	    "mentions m JOIN feed_items i ON i.id = m.item_id"), "relevant,new");
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM mention_hits h JOIN watch_terms "
	    "t ON t.id = h.term_id WHERE t.term = 'refugee' AND "
	    "h.field = 'summary'"), 1);
	ck_assert_int_eq(feed_rematch(&db, m, &created), DB_OK);
	ck_assert_uint_eq(created, 0);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM mentions"), 2);
	matcher_free(m);
}
END_TEST

/* --- feeds: URLs, deletion, restoring ------------------------------------ */

START_TEST(test_feed_urls)
{
	char		 long_a[700], long_b[700], sql[200];
	long long	 a1 = 0, a2 = 0, id = 0, again = 0, other = 0;
	int		 restored = -1;

	/* Unique over the whole URL, not its first 500 characters. */
	snprintf(long_a, sizeof(long_a), "https://search.example/rss?q=%0600dA",
	    0);
	snprintf(long_b, sizeof(long_b), "https://search.example/rss?q=%0600dB",
	    0);
	ck_assert_int_eq(feed_add(&db, long_a, NULL, 0, &a1), DB_OK);
	ck_assert_int_eq(feed_add(&db, long_b, NULL, 0, &a2), DB_OK);
	ck_assert_int_ne(a1, a2);
	ck_assert_int_eq(feed_add(&db, long_b, NULL, 0, &again), DB_DUPLICATE);
	ck_assert_int_eq(again, a2);

	/* Scheme and host are case-insensitive, the path is not. */
	ck_assert_int_eq(feed_create(&db, "maya", "HTTPS://News.Example/Feed",
	    "News", 0, &id, &restored), DB_OK);
	ck_assert_int_eq(restored, 0);
	snprintf(sql, sizeof(sql), "SELECT url FROM feeds WHERE id = %lld", id);
	ck_assert_str_eq(q(sql), "https://news.example/Feed");
	ck_assert_int_eq(feed_add(&db, "https://NEWS.example/Feed", NULL, 0,
	    &again), DB_DUPLICATE);
	ck_assert_int_eq(again, id);
	ck_assert_int_eq(feed_add(&db, "https://news.example/feed", NULL, 0,
	    &other), DB_OK);
	ck_assert_int_ne(other, id);

	/* A user name and password keep their case. */
	ck_assert_str_eq(feed_url_normal(&a, "HTTP://Me:PassWord@Example.ORG:8080"
	    "/Path?Q=A#F"), "http://Me:PassWord@example.org:8080/Path?Q=A#F");
	ck_assert_str_eq(feed_url_normal(&a, "no scheme/At All"),
	    "no scheme/At All");

	/* Deleted: not fetched; adding the URL again restores it. */
	ck_assert_int_eq(feed_set_deleted(&db, "maya", id, 1), DB_OK);
	ck_assert_int_eq(feed_set_deleted(&db, "maya", id, 1), DB_NOTFOUND);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM feeds WHERE url = "
	    "'https://news.example/Feed' AND deleted_at IS NOT NULL"), 1);
	ck_assert_int_eq(feed_set_enabled(&db, "maya", id, 0), DB_NOTFOUND);
	ck_assert_int_eq(feed_create(&db, "tom", "https://news.example/Feed",
	    "News again", 0, &again, &restored), DB_OK);
	ck_assert_int_eq(restored, 1);
	ck_assert_int_eq(again, id);
	snprintf(sql, sizeof(sql), "SELECT CONCAT(title, '|', enabled, '|', "
	    "deleted_at IS NULL) FROM feeds WHERE id = %lld", id);
	ck_assert_str_eq(q(sql), "News again|1|1");
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM feeds"), 4);

	/* A deleted feed's URL is free for another; restoring then clashes. */
	ck_assert_int_eq(feed_set_deleted(&db, "maya", id, 1), DB_OK);
	ck_assert_int_eq(feed_update(&db, "maya", other,
	    "https://news.example/Feed", "Other", 0), DB_OK);
	ck_assert_int_eq(feed_set_deleted(&db, "maya", id, 0), DB_DUPLICATE);
	ck_assert_int_eq(feed_update(&db, "maya", a1, long_b, NULL, 0),
	    DB_DUPLICATE);

	/* Every change has its audit row. */
	snprintf(sql, sizeof(sql), "SELECT GROUP_CONCAT(CONCAT(actor, ':', "
	    "action) ORDER BY id) FROM audit_log WHERE entity = 'feed' AND "
	    "entity_id = %lld", id);
	ck_assert_str_eq(q(sql), "maya:create,maya:delete,tom:restore,"
	    "maya:delete");
	ck_assert_str_eq(q("SELECT actor FROM audit_log WHERE entity = 'feed' "
	    "ORDER BY id LIMIT 1"), "tracker-feeds");
}
END_TEST

START_TEST(test_feed_changes_audited)
{
	struct feed_health	 h;
	long long		 id = add_feed("https://news.example/rss");
	char			 sql[300];

	th_sql(&db, "INSERT INTO organisations (id, name, kind, medium, notes, "
	    "created_at, updated_at) VALUES (7001, 'Westminster Wire', "
	    "'media_outlet', 'online', '', UTC_TIMESTAMP(), UTC_TIMESTAMP())");
	ck_assert_int_eq(feed_update(&db, "maya", id, "https://news.example/rss",
	    "Wire", 7001), DB_OK);
	ck_assert_int_eq(feed_health_get(&db, &a, id, &h), DB_OK);
	ck_assert_int_eq(h.outlet_id, 7001);
	ck_assert_str_eq(h.outlet, "Westminster Wire");
	ck_assert_str_eq(h.title, "Wire");
	ck_assert_int_eq(feed_set_enabled(&db, "maya", id, 0), DB_OK);
	ck_assert_int_eq(feed_health_get(&db, &a, id, &h), DB_OK);
	ck_assert_int_eq(h.enabled, 0);
	snprintf(sql, sizeof(sql), "SELECT GROUP_CONCAT(CONCAT(action, ':', "
	    "IFNULL(JSON_VALUE(after_data, '$.outlet'), ''), ':', "
	    "IFNULL(JSON_VALUE(after_data, '$.enabled'), '')) ORDER BY id) "
	    "FROM audit_log WHERE entity = 'feed' AND entity_id = %lld", id);
	ck_assert_str_eq(q(sql), "create::yes,update:7001:yes,disable:7001:no");
	ck_assert_int_eq(feed_update(&db, "maya", 999999, "https://x.example/",
	    NULL, 0), DB_NOTFOUND);
}
END_TEST

/* --- items: titles and stories -------------------------------------------- */

START_TEST(test_title_cut)
{
	struct feed_entry	 e;
	struct feed		 f;
	struct ingest_result	 r;
	char			*title = arena_alloc(&a, 1500 * 2 + 1);
	long long		 id = add_feed("https://news.example/rss");
	size_t			 i;

	for (i = 0; i < 1500; i++)
		memcpy(title + 2 * i, "\xc3\xa9", 2);
	title[3000] = '\0';
	memset(&e, 0, sizeof(e));
	e.title_text = title;
	e.id = "long";
	memset(&f, 0, sizeof(f));
	f.entries = &e;
	f.n_entries = 1;
	ck_assert_int_eq(feed_ingest(&db, id, &f, NULL, &r), DB_OK);
	ck_assert_int_eq(qn("SELECT CHAR_LENGTH(title) FROM feed_items"), 1000);
	ck_assert_int_eq(qn("SELECT LENGTH(title) FROM feed_items"), 2000);
}
END_TEST

/* One entry of its own into feed, with a guid, title and date. */
static long long
ingest_one(long long feed, const char *guid, const char *title,
    const char *published)
{
	struct feed_entry	 e;
	struct feed		 f;
	struct ingest_result	 r;
	char			 sql[300];

	memset(&e, 0, sizeof(e));
	e.id = guid;
	e.title_text = title;
	e.published = published;
	e.summary_text = "";
	memset(&f, 0, sizeof(f));
	f.entries = &e;
	f.n_entries = 1;
	ck_assert_int_eq(feed_ingest(&db, feed, &f, NULL, &r), DB_OK);
	ck_assert_uint_eq(r.new_items, 1);
	snprintf(sql, sizeof(sql), "SELECT id FROM feed_items WHERE feed_id = "
	    "%lld AND guid = '%s'", feed, guid);
	return qn(sql);
}

static long long
story_of(long long item)
{
	char	 sql[100];

	snprintf(sql, sizeof(sql), "SELECT story_id FROM feed_items WHERE id = "
	    "%lld", item);
	return qn(sql);
}

START_TEST(test_stories)
{
	long long	 w = add_feed("https://wire.example/rss");
	long long	 n = add_feed("https://gazette.example/rss");
	long long	 c = add_feed("https://voice.example/rss");
	long long	 w1, n1, c1, w2, c2, n3, lone;
	char		 key[65];

	/* The same headline, folded, in another feed two days later. */
	w1 = ingest_one(w, "w1", "Charities urge action on family reunion",
	    "2024-03-10T09:00:00Z");
	n1 = ingest_one(n, "n1", "CHARITIES  urge action on family\xc2\xa0"
	    "reunion", "2024-03-12T08:00:00Z");
	ck_assert_int_eq(story_of(w1), w1);
	ck_assert_int_eq(story_of(n1), w1);
	ck_assert_int_eq(feed_story_key("Charities urge action on family "
	    "reunion", key), 0);
	ck_assert_int_eq(qn("SELECT COUNT(DISTINCT story_key) FROM feed_items"),
	    1);
	/* Too late for the window: a story of its own. */
	c1 = ingest_one(c, "c1", "Charities urge action on family reunion",
	    "2024-03-20T09:00:00Z");
	ck_assert_int_eq(story_of(c1), c1);
	/* The same feed again (a daily column, a correction): its own. */
	w2 = ingest_one(w, "w2", "Charities urge action on family reunion",
	    "2024-03-11T09:00:00Z");
	ck_assert_int_eq(story_of(w2), w2);
	/* A third outlet within the window joins the nearest story it can. */
	c2 = ingest_one(c, "c2", "Charities urge action on family reunion",
	    "2024-03-11T10:00:00Z");
	ck_assert_int_eq(story_of(c2), w2);
	/* The gazette is in w1's story already: w2's is the one to join. */
	n3 = ingest_one(n, "n3", "Charities urge action on family reunion",
	    "2024-03-11T07:00:00Z");
	ck_assert_int_eq(story_of(n3), w2);
	/* Another headline: its own. */
	lone = ingest_one(n, "n4", "Council approves cycle lanes",
	    "2024-03-12T08:00:00Z");
	ck_assert_int_eq(story_of(lone), lone);
}
END_TEST

/*
 * Migration 006 groups the items stored before it with the same rule as
 * the ingester: run its block over items ingested here, their groups
 * forgotten, and the same groups come back.
 */
START_TEST(test_stories_backfill)
{
	const char	*top = getenv("top_srcdir");
	char		 path[1024], *sql, *begin, *end, before[512];
	long long	 w = add_feed("https://wire.example/rss");
	long long	 n = add_feed("https://gazette.example/rss");
	long long	 c = add_feed("https://voice.example/rss");
	FILE		*fp;
	long		 len;

	ingest_one(w, "w1", "Same story", "2024-03-10T09:00:00Z");
	ingest_one(n, "n1", "Same story", "2024-03-12T08:00:00Z");
	ingest_one(c, "c1", "Same story", "2024-03-20T09:00:00Z");
	ingest_one(w, "w2", "Same story", "2024-03-11T09:00:00Z");
	ingest_one(c, "c2", "Same story", "2024-03-11T10:00:00Z");
	ingest_one(n, "n3", "Same story", "2024-03-11T07:00:00Z");
	ingest_one(n, "n4", "Other story", NULL);
	snprintf(before, sizeof(before), "%s", q("SELECT GROUP_CONCAT("
	    "story_id - (SELECT MIN(id) FROM feed_items) ORDER BY id) "
	    "FROM feed_items"));
	ck_assert_str_eq(before, "0,0,2,3,3,3,6");

	ck_assert_ptr_nonnull(top);
	snprintf(path, sizeof(path), "%s/sql/006_press_terms.sql", top);
	ck_assert_ptr_nonnull(fp = fopen(path, "r"));
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	ck_assert_int_gt(len = ftell(fp), 0);
	rewind(fp);
	sql = arena_alloc(&a, (size_t)len + 1);
	ck_assert_uint_eq(fread(sql, 1, (size_t)len, fp), (size_t)len);
	sql[len] = '\0';
	fclose(fp);
	ck_assert_ptr_nonnull(begin = strstr(sql, "BEGIN NOT ATOMIC"));
	ck_assert_ptr_nonnull(end = strstr(begin, "\nEND;"));
	end[4] = '\0';

	th_sql(&db, "UPDATE feed_items SET story_id = NULL");
	ck_assert_int_eq(db_run_script(&db, begin, strlen(begin)), DB_OK);
	ck_assert_str_eq(q("SELECT GROUP_CONCAT(story_id - (SELECT MIN(id) "
	    "FROM feed_items) ORDER BY id) FROM feed_items"), before);
}
END_TEST

/* --- people watched in the press ------------------------------------------ */

/* A person saved through the directory, as the person form does. */
static long long
person(const char *name, const char *category, int current,
    const char *press_watch)
{
	struct person	 p;

	memset(&p, 0, sizeof(p));
	p.full_name = name;
	p.category = category;
	p.role_title = p.party = p.house = p.constituency = "";
	p.email = p.phone = p.notes = "";
	p.is_current = current;
	p.press_watch = press_watch;
	ck_assert_int_eq(person_save(&db, "maya", &p), DB_OK);
	return p.id;
}

/* An engagement with person id. */
static void
engaged(long long id)
{
	char	 sql[400];

	snprintf(sql, sizeof(sql), "INSERT INTO engagements (type, occurred_on, "
	    "title, summary, outcome, created_at, updated_at) VALUES "
	    "('meeting', '2024-05-01', 'Meeting', '', '', UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP()); INSERT INTO engagement_people (engagement_id, "
	    "person_id) VALUES (LAST_INSERT_ID(), %lld)", id);
	th_sql(&db, sql);
}

/* The person's enabled directory terms, by term. */
static const char *
terms_of(long long id)
{
	char	 sql[300];

	snprintf(sql, sizeof(sql), "SELECT IFNULL(GROUP_CONCAT(term ORDER BY "
	    "term SEPARATOR '|'), '') FROM watch_terms WHERE person_id = %lld "
	    "AND source = 'directory' AND enabled = 1", id);
	return q(sql);
}

START_TEST(test_watched_people)
{
	struct watched_person	*w, one;
	size_t			 n, added, retired, i;
	int			 found;
	long long		 helen, rajiv, linford, smith_f, smith_h, former,
				 maya, hack, never, gone;

	helen = person("Helen Marchbank", "mp", 1, NULL);
	rajiv = person("Rajiv Chandran", "mp", 1, "auto");
	linford = person("Baroness Linford of Highgate", "peer", 1, "always");
	smith_f = person("Lord Smith of Finsbury", "peer", 1, NULL);
	smith_h = person("Lord Smith of Hindhead", "peer", 1, NULL);
	former = person("Geoffrey Hallam", "mp", 0, NULL);
	maya = person("Maya Cohen", "hias_staff", 1, "always");
	hack = person("Tom Press", "journalist", 1, NULL);
	never = person("Dennis Marlow", "mp", 1, "never");
	gone = person("Yusuf Bhatti", "mp", 1, NULL);
	engaged(helen);
	engaged(smith_f);
	engaged(former);
	engaged(hack);
	engaged(never);
	engaged(gone);
	ck_assert_int_eq(person_delete(&db, "maya", gone), DB_OK);

	/* Candidates: current MPs and Peers, and anyone set to always. */
	ck_assert_int_eq(watched_people(&db, &a, 0, &w, &n), DB_OK);
	ck_assert_uint_eq(n, 6);
	ck_assert_int_eq(watched_people(&db, &a, 1, &w, &n), DB_OK);
	ck_assert_uint_eq(n, 4);
	for (i = 0; i < n; i++)
		ck_assert(w[i].id == helen || w[i].id == linford ||
		    w[i].id == smith_f || w[i].id == maya);
	ck_assert_int_eq(watched_person_get(&db, &a, rajiv, &one, &found),
	    DB_OK);
	ck_assert_int_eq(found, 1);
	ck_assert_int_eq(one.tracked, 0);
	ck_assert_int_eq(watched_person_get(&db, &a, hack, &one, &found),
	    DB_OK);
	ck_assert_int_eq(found, 0);

	/* Their terms; "Lord Smith" is two peers' and so no one's. */
	ck_assert_int_eq(watch_terms_sync(&db, &added, &retired), DB_OK);
	ck_assert_uint_eq(added, 5);
	ck_assert_uint_eq(retired, 0);
	ck_assert_str_eq(terms_of(helen), "Helen Marchbank");
	ck_assert_str_eq(terms_of(linford),
	    "Baroness Linford|Baroness Linford of Highgate");
	ck_assert_str_eq(terms_of(smith_f), "Lord Smith of Finsbury");
	ck_assert_str_eq(terms_of(maya), "Maya Cohen");
	ck_assert_str_eq(terms_of(rajiv), "");
	ck_assert_str_eq(terms_of(smith_h), "");
	ck_assert_str_eq(terms_of(former), "");
	ck_assert_str_eq(terms_of(never), "");
	ck_assert_str_eq(terms_of(gone), "");
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM watch_terms WHERE "
	    "source = 'directory' AND kind = 'person'"), 5);
	/* In step already: nothing to do. */
	ck_assert_int_eq(watch_terms_sync(&db, &added, &retired), DB_OK);
	ck_assert_uint_eq(added + retired, 0);

	/* Engaged with at last: watched. */
	engaged(rajiv);
	ck_assert_int_eq(watch_terms_sync(&db, &added, &retired), DB_OK);
	ck_assert_uint_eq(added, 1);
	ck_assert_str_eq(terms_of(rajiv), "Rajiv Chandran");
}
END_TEST

/* Rename, untrack, merge: the terms follow; cited ones are kept disabled. */
START_TEST(test_watched_people_follow_directory)
{
	struct feed_entry	 e;
	struct feed		 f;
	struct ingest_result	 r;
	struct matcher		*m;
	struct person		 p;
	size_t			 added, retired;
	long long		 helen, linford, smith_f, smith_h, merge_id;
	long long		 feed = add_feed("https://news.example/rss");

	helen = person("Helen Marchbank", "mp", 1, NULL);
	linford = person("Baroness Linford of Highgate", "peer", 1, "always");
	smith_f = person("Lord Smith of Finsbury", "peer", 1, NULL);
	smith_h = person("Lord Smith of Hindhead", "peer", 1, NULL);
	engaged(helen);
	engaged(smith_f);

	/* Matching at ingest uses the directory as it is: no sync needed. */
	m = terms();
	memset(&e, 0, sizeof(e));
	e.id = "1";
	e.title_text = "Baroness Linford presses ministers";
	e.summary_text = "Helen Marchbank MP agreed.";
	memset(&f, 0, sizeof(f));
	f.entries = &e;
	f.n_entries = 1;
	ck_assert_int_eq(feed_ingest(&db, feed, &f, m, &r), DB_OK);
	matcher_free(m);
	ck_assert_uint_eq(r.mentions, 1);
	ck_assert_str_eq(q("SELECT GROUP_CONCAT(CONCAT(t.term, '@', "
	    "t.person_id = p.id) ORDER BY h.field SEPARATOR '|') "
	    "FROM mention_hits h JOIN watch_terms t ON t.id = h.term_id "
	    "JOIN people p ON p.id = t.person_id"),
	    "Baroness Linford@1|Helen Marchbank@1");

	/* Renamed: the unused old name goes; the new one comes. */
	ck_assert_int_eq(person_get(&db, &a, smith_f, &p), DB_OK);
	p.full_name = "Lord Smythe of Finsbury";
	p.press_watch = NULL;
	ck_assert_int_eq(person_save(&db, "maya", &p), DB_OK);
	ck_assert_int_eq(watch_terms_sync(&db, &added, &retired), DB_OK);
	ck_assert_str_eq(terms_of(smith_f),
	    "Lord Smythe|Lord Smythe of Finsbury");
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM watch_terms WHERE term = "
	    "'Lord Smith of Finsbury'"), 0);
	/* ... and "Lord Smith" is Hindhead's own now, once he is watched. */
	ck_assert_int_eq(person_get(&db, &a, smith_h, &p), DB_OK);
	p.press_watch = "always";
	ck_assert_int_eq(person_save(&db, "maya", &p), DB_OK);
	ck_assert_int_eq(watch_terms_sync(&db, NULL, NULL), DB_OK);
	ck_assert_str_eq(terms_of(smith_h),
	    "Lord Smith|Lord Smith of Hindhead");

	/* Untracked: terms a mention cites stay, disabled. */
	ck_assert_int_eq(person_get(&db, &a, linford, &p), DB_OK);
	p.press_watch = "never";
	ck_assert_int_eq(person_save(&db, "maya", &p), DB_OK);
	ck_assert_int_eq(watch_terms_sync(&db, &added, &retired), DB_OK);
	ck_assert_uint_eq(retired, 2);
	ck_assert_str_eq(terms_of(linford), "");
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM watch_terms WHERE "
	    "term = 'Baroness Linford' AND enabled = 0"), 1);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM watch_terms WHERE "
	    "term = 'Baroness Linford of Highgate'"), 0);
	/* Back again: the kept term is enabled, not duplicated. */
	p.press_watch = "auto";
	ck_assert_int_eq(person_get(&db, &a, linford, &p), DB_OK);
	p.press_watch = "always";
	ck_assert_int_eq(person_save(&db, "maya", &p), DB_OK);
	ck_assert_int_eq(watch_terms_sync(&db, &added, &retired), DB_OK);
	ck_assert_uint_eq(added, 2);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM watch_terms WHERE "
	    "term = 'Baroness Linford'"), 1);

	/* Merged away: the merged record's terms go, the survivor's stay. */
	ck_assert_int_eq(person_merge(&db, "maya", smith_h, smith_f,
	    &merge_id), DB_OK);
	ck_assert_int_eq(watch_terms_sync(&db, &added, &retired), DB_OK);
	ck_assert_str_eq(terms_of(smith_f), "");
	ck_assert_str_eq(terms_of(smith_h),
	    "Lord Smith|Lord Smith of Hindhead");

	/* Retired from office: no longer watched. */
	ck_assert_int_eq(person_get(&db, &a, helen, &p), DB_OK);
	p.is_current = 0;
	ck_assert_int_eq(person_save(&db, "maya", &p), DB_OK);
	ck_assert_int_eq(watch_terms_sync(&db, NULL, NULL), DB_OK);
	ck_assert_str_eq(terms_of(helen), "");
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM watch_terms WHERE "
	    "term = 'Helen Marchbank' AND enabled = 0"), 1);

	/* The person form's setting is audited with the person. */
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM audit_log WHERE entity = "
	    "'person' AND action = 'update' AND after_data LIKE "
	    "'%\"watch in the press\":\"never\"%'"), 1);
}
END_TEST

/* Typed terms are audited; the directory's cannot be switched by hand. */
START_TEST(test_terms_audited)
{
	long long	 helen, id;
	char		 sql[200];

	ck_assert_int_eq(watch_term_create(&db, "maya", "asylum", "topic", 0,
	    1), DB_OK);
	id = qn("SELECT id FROM watch_terms WHERE term = 'asylum'");
	ck_assert_int_eq(watch_term_set_enabled(&db, "tom", id, 0), DB_OK);
	ck_assert_int_eq(watch_term_set_enabled(&db, "tom", id, 0), DB_OK);
	snprintf(sql, sizeof(sql), "SELECT GROUP_CONCAT(CONCAT(actor, ':', "
	    "action) ORDER BY id) FROM audit_log WHERE entity = 'watch_term' "
	    "AND entity_id = %lld", id);
	ck_assert_str_eq(q(sql), "maya:create,tom:disable");
	ck_assert_int_eq(watch_term_set_enabled(&db, "tom", 999999, 1),
	    DB_NOTFOUND);
	helen = person("Helen Marchbank", "mp", 1, "always");
	ck_assert_int_eq(watch_terms_sync(&db, NULL, NULL), DB_OK);
	snprintf(sql, sizeof(sql), "SELECT id FROM watch_terms WHERE "
	    "person_id = %lld", helen);
	ck_assert_int_eq(watch_term_set_enabled(&db, "tom", qn(sql), 0),
	    DB_CONFLICT);
	/* A typed term may have the same text as a person's. */
	ck_assert_int_eq(watch_term_add(&db, "Helen Marchbank", "person", 0, 0),
	    DB_OK);
	ck_assert_int_eq(watch_term_add(&db, "Helen Marchbank", "person", 0, 0),
	    DB_DUPLICATE);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("feed_store");
	TCase	*tc = tcase_create("feed_store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_ingest_twice);
	tcase_add_test(tc, test_matching_new_only_and_exclusion);
	tcase_add_test(tc, test_titles_only);
	tcase_add_test(tc, test_health);
	tcase_add_test(tc, test_rematch);
	tcase_add_test(tc, test_feed_urls);
	tcase_add_test(tc, test_feed_changes_audited);
	tcase_add_test(tc, test_title_cut);
	tcase_add_test(tc, test_stories);
	tcase_add_test(tc, test_stories_backfill);
	tcase_add_test(tc, test_watched_people);
	tcase_add_test(tc, test_watched_people_follow_directory);
	tcase_add_test(tc, test_terms_audited);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
