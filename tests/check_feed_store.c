/*
 * lib/feed_store.c against a real MariaDB: items stored once per feed,
 * only new items matched, exclusion and titles-only terms, a feed's
 * health after successes and failures, and rematch after the terms
 * change (mentions for old items, never twice).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <mysql.h>

#include "arena.h"
#include "db.h"
#include "feed_parse.h"
#include "feed_store.h"
#include "match.h"
#include "testhelp.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;
static char		 cell[1024];

static void
setup(void)
{
	th_db_open(&db, &conf);
	th_sql(&db, "DELETE FROM mention_hits; DELETE FROM mentions; "
	    "DELETE FROM feed_items; DELETE FROM watch_terms; "
	    "DELETE FROM feeds");
	arena_init(&a);
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

/* The first cell of fixed test SQL ("" for none, "NULL" for NULL). */
static const char *
q(const char *sql)
{
	MYSQL		*c = db.conn;
	MYSQL_RES	*res;
	MYSQL_ROW	 row;

	ck_assert_msg(mysql_query(c, sql) == 0, "%s: %s", sql, mysql_error(c));
	res = mysql_store_result(c);
	ck_assert_ptr_nonnull(res);
	row = mysql_fetch_row(res);
	snprintf(cell, sizeof(cell), "%s", row == NULL ? "" :
	    row[0] == NULL ? "NULL" : row[0]);
	mysql_free_result(res);
	return cell;
}

static long long
qn(const char *sql)
{
	return strtoll(q(sql), NULL, 10);
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
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
