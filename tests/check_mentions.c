/*
 * lib/mentions.c against a real MariaDB, with data made by the ingester
 * (lib/feed_store.c): a syndicated story listed once with its other
 * outlets, whichever filters pick it; state changes for a whole story;
 * the state, term, outlet, person and date filters (days in
 * Europe/London); deleted feeds out of the inbox; the Atom document well
 * formed whatever the text holds; private feed keys.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <check.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <mysql.h>

#include "arena.h"
#include "auth.h"
#include "buf.h"
#include "db.h"
#include "directory.h"
#include "feed_parse.h"
#include "feed_store.h"
#include "match.h"
#include "mentions.h"
#include "testhelp.h"
#include "ui_mentions.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;

static void
setup(void)
{
	setenv("TZ", "Europe/London", 1);
	tzset();
	ck_assert_int_eq(auth_init(), 0);
	th_db_open(&db, &conf);
	th_sql(&db, "DELETE FROM mention_hits; DELETE FROM mentions; "
	    "DELETE FROM feed_items; DELETE FROM watch_terms; "
	    "DELETE FROM feeds; DELETE FROM engagement_people; "
	    "DELETE FROM engagements; DELETE FROM person_merges; "
	    "DELETE FROM person_terms; DELETE FROM people; "
	    "DELETE FROM feed_keys; DELETE FROM audit_log; "
	    "DELETE FROM sessions; DELETE FROM users");
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

static long long
add_feed(const char *url, const char *title)
{
	long long	 id = 0;

	ck_assert_int_eq(feed_add(&db, url, title, 0, &id), DB_OK);
	return id;
}

/* Ingest one entry into feed with the current watch terms. */
static void
ingest(long long feed, const char *guid, const char *title,
    const char *summary, const char *published)
{
	struct feed_entry	 e;
	struct feed		 f;
	struct ingest_result	 r;
	struct matcher		*m = NULL;
	size_t			 skipped;

	memset(&e, 0, sizeof(e));
	e.id = guid;
	e.link = arena_printf(&a, "https://news.example/%s", guid);
	e.title_text = title;
	e.summary_text = summary;
	e.published = published;
	memset(&f, 0, sizeof(f));
	f.entries = &e;
	f.n_entries = 1;
	ck_assert_int_eq(watch_terms_load(&db, &a, &m, &skipped), DB_OK);
	ck_assert_int_eq(feed_ingest(&db, feed, &f, m, &r), DB_OK);
	ck_assert_uint_eq(r.new_items, 1);
	matcher_free(m);
}

/* The mention of the item with this guid. */
static long long
mention_of(const char *guid)
{
	char	 sql[200];

	snprintf(sql, sizeof(sql), "SELECT m.id FROM mentions m JOIN feed_items "
	    "i ON i.id = m.item_id WHERE i.guid = '%s'", guid);
	return qn(sql);
}

static struct mention *
list(const struct mention_filter *f, size_t *n, size_t *total)
{
	struct mention	*m;
	int		 more;

	ck_assert_int_eq(mention_list(&db, &a, f, &m, n, total, &more), DB_OK);
	ck_assert_int_eq(more, 0);
	return m;
}

/* The count of stories stops at the page's offset plus count_max. */
START_TEST(test_count_capped)
{
	static const char *const titles[] = {
		"Refugee families wait in Calais",
		"Council opens refugee housing scheme",
		"Faith leaders back refugee sponsorship",
		"Peers question refugee appeal delays",
	};
	struct mention_filter	 f;
	struct mention		*m;
	long long		 feed;
	size_t			 i, n, total;
	int			 more;
	char			 guid[8], date[32];

	ck_assert_int_eq(watch_term_add(&db, "refugee", "topic", 0, 0), DB_OK);
	feed = add_feed("https://wire.example/rss", "Westminster Wire");
	for (i = 0; i < 4; i++) {
		snprintf(guid, sizeof(guid), "c%zu", i);
		snprintf(date, sizeof(date), "2025-03-0%zuT09:00:00Z", i + 1);
		ingest(feed, guid, titles[i], "", date);
	}
	memset(&f, 0, sizeof(f));
	f.limit = 1;
	f.count_max = 2;
	ck_assert_int_eq(mention_list(&db, &a, &f, &m, &n, &total, &more),
	    DB_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(total, 2);
	ck_assert_int_eq(more, 1);
	f.offset = 1;		/* page two counts two past its start */
	ck_assert_int_eq(mention_list(&db, &a, &f, &m, &n, &total, &more),
	    DB_OK);
	ck_assert_uint_eq(total, 3);
	ck_assert_int_eq(more, 1);
	f.offset = 0;
	f.count_max = 4;	/* exactly four: no more */
	ck_assert_int_eq(mention_list(&db, &a, &f, &m, &n, &total, &more),
	    DB_OK);
	ck_assert_uint_eq(total, 4);
	ck_assert_int_eq(more, 0);
	f.count_max = 0;	/* the default cap */
	ck_assert_int_eq(mention_list(&db, &a, &f, &m, &n, &total, &more),
	    DB_OK);
	ck_assert_uint_eq(total, 4);
	ck_assert_int_eq(more, 0);
}
END_TEST

/*
 * Three outlets: the wire and the gazette carry one story two days
 * apart, the voice another.
 */
static void
three_outlets(long long *wire, long long *gazette, long long *voice)
{
	ck_assert_int_eq(watch_term_add(&db, "refugee", "topic", 0, 0), DB_OK);
	*wire = add_feed("https://wire.example/rss", "Westminster Wire");
	*gazette = add_feed("https://gazette.example/rss", "Northern Gazette");
	*voice = add_feed("https://voice.example/rss", "Community Voice");
	ingest(*wire, "w1", "Charities urge refugee family reunion",
	    "Witnesses told MPs.", "2024-03-12T14:00:00Z");
	ingest(*gazette, "g1", "Charities urge refugee family reunion",
	    "Families in Leeds wait months.", "2024-03-14T07:15:00Z");
	ingest(*voice, "v1", "Refugee week opens", "Events all week.",
	    "2024-03-15T08:00:00Z");
	/* Made in this order, a second apart at most: order them plainly. */
	th_sql(&db, "UPDATE mentions m JOIN feed_items i ON i.id = m.item_id "
	    "SET m.created_at = CASE i.guid WHEN 'w1' THEN '2024-03-12 15:00:00' "
	    "WHEN 'g1' THEN '2024-03-14 08:00:00' "
	    "ELSE '2024-03-15 09:00:00' END");
}

START_TEST(test_story_listed_once)
{
	struct mention_filter	 f;
	struct mention		*m;
	long long		 wire, gazette, voice;
	size_t			 n, total;

	three_outlets(&wire, &gazette, &voice);
	memset(&f, 0, sizeof(f));
	f.limit = 50;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 2);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(m[0].title, "Refugee week opens");
	ck_assert_uint_eq(m[0].nalso, 0);
	/* The newest copy stands for the story; the other is "also in". */
	ck_assert_int_eq(m[1].id, mention_of("g1"));
	ck_assert_str_eq(m[1].outlet, "Northern Gazette");
	ck_assert_uint_eq(m[1].nalso, 1);
	ck_assert_int_eq(m[1].also[0].id, mention_of("w1"));
	ck_assert_str_eq(m[1].also[0].outlet, "Westminster Wire");
	ck_assert_str_eq(m[1].also[0].link, "https://news.example/w1");
	ck_assert_str_eq(m[1].also[0].state, "new");

	/* Filtered to the wire, the story is still there: the wire's copy. */
	f.feed_id = wire;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 1);
	ck_assert_int_eq(m[0].id, mention_of("w1"));
	ck_assert_uint_eq(m[0].nalso, 1);
	ck_assert_str_eq(m[0].also[0].outlet, "Northern Gazette");

	/* Paging counts stories. */
	memset(&f, 0, sizeof(f));
	f.limit = 1;
	f.offset = 1;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 2);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(m[0].id, mention_of("g1"));
	/* Past the last page: nothing, and still the count. */
	f.offset = 5;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(n, 0);
	ck_assert_uint_eq(total, 2);
}
END_TEST

/*
 * A mention keeps its item's story and feed (sql/015), whoever writes:
 * an item moved into another story carries its mention along, and a
 * mention inserted by hand (a bulk load) takes its item's.  Each row of
 * a page gets its own hits and other outlets.
 */
START_TEST(test_story_kept_on_mentions)
{
	struct mention_filter	 f;
	struct mention		*m;
	long long		 wire, gazette, voice, v1;
	size_t			 n, total, i;
	char			 sql[80];

	three_outlets(&wire, &gazette, &voice);
	memset(&f, 0, sizeof(f));
	f.limit = 1;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(total, 2);	/* a full first page: counted */
	f.limit = 50;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(n, 2);
	for (i = 0; i < n; i++) {
		ck_assert_uint_eq(m[i].nhits, 1);
		ck_assert_uint_eq(m[i].nterms, 1);
		ck_assert_str_eq(m[i].terms[0], "refugee");
	}
	ck_assert_uint_eq(m[0].nalso, 0);
	ck_assert_uint_eq(m[1].nalso, 1);

	/* The voice's item joins the wire's story. */
	th_sql(&db, "UPDATE feed_items v JOIN feed_items w ON w.guid = 'w1' "
	    "SET v.story_id = w.story_id WHERE v.guid = 'v1'");
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 1);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(m[0].id, v1 = mention_of("v1"));
	ck_assert_uint_eq(m[0].nalso, 2);
	ck_assert_int_eq(m[0].also[0].id, mention_of("g1"));
	ck_assert_int_eq(m[0].also[1].id, mention_of("w1"));

	/* Made again by hand, it takes its item's story and feed. */
	th_sql(&db, "DELETE FROM mention_hits");
	snprintf(sql, sizeof(sql), "DELETE FROM mentions WHERE id = %lld", v1);
	th_sql(&db, sql);
	th_sql(&db, "INSERT INTO mentions (item_id, state, created_at, "
	    "updated_at) SELECT id, 'new', '2024-03-16 09:00:00', "
	    "'2024-03-16 09:00:00' FROM feed_items WHERE guid = 'v1'");
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM mentions m JOIN feed_items i "
	    "ON i.id = m.item_id WHERE m.story_id = IFNULL(i.story_id, i.id) "
	    "AND m.item_date <=> i.item_date "
	    "AND m.feed_id = i.feed_id"), 3);
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 1);
	ck_assert_int_eq(m[0].id, mention_of("v1"));
	ck_assert_uint_eq(m[0].nhits, 0);
	ck_assert_uint_eq(m[0].nalso, 2);
}
END_TEST

START_TEST(test_story_triaged_once)
{
	struct mention_filter	 f;
	struct mention		*m;
	long long		 wire, gazette, voice, w1, g1, v1;
	size_t			 n, total, changed;
	char			 sql[300];

	three_outlets(&wire, &gazette, &voice);
	w1 = mention_of("w1");
	g1 = mention_of("g1");
	v1 = mention_of("v1");
	/* Dismissing the story from the "new" list dismisses both copies. */
	ck_assert_int_eq(mention_set_state(&db, "maya", g1, "dismissed", "new",
	    &changed), DB_OK);
	ck_assert_uint_eq(changed, 2);
	snprintf(sql, sizeof(sql), "SELECT GROUP_CONCAT(state ORDER BY id) FROM "
	    "mentions WHERE id IN (%lld, %lld, %lld)", w1, g1, v1);
	ck_assert_str_eq(q(sql), "dismissed,dismissed,new");
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM audit_log WHERE entity = "
	    "'mention' AND actor = 'maya'"), 2);
	memset(&f, 0, sizeof(f));
	f.state = "new";
	f.limit = 50;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 1);
	ck_assert_int_eq(m[0].id, v1);

	/* From "dismissed", one back to new: the other copy too. */
	ck_assert_int_eq(mention_set_state(&db, "tom", w1, "new", "dismissed",
	    &changed), DB_OK);
	ck_assert_uint_eq(changed, 2);
	/* Only copies in the list's state move: a relevant one stays. */
	snprintf(sql, sizeof(sql), "UPDATE mentions SET state = 'relevant' "
	    "WHERE id = %lld", w1);
	th_sql(&db, sql);
	ck_assert_int_eq(mention_set_state(&db, "tom", g1, "dismissed", "new",
	    &changed), DB_OK);
	ck_assert_uint_eq(changed, 1);
	snprintf(sql, sizeof(sql), "SELECT state FROM mentions WHERE id = %lld",
	    w1);
	ck_assert_str_eq(q(sql), "relevant");
	/* Any state: all but a logged copy. */
	snprintf(sql, sizeof(sql), "UPDATE mentions SET state = 'logged' "
	    "WHERE id = %lld", w1);
	th_sql(&db, sql);
	ck_assert_int_eq(mention_set_state(&db, "tom", g1, "relevant", NULL,
	    &changed), DB_OK);
	ck_assert_uint_eq(changed, 1);
	snprintf(sql, sizeof(sql), "SELECT state FROM mentions WHERE id = %lld",
	    w1);
	ck_assert_str_eq(q(sql), "logged");
	ck_assert_int_eq(mention_set_state(&db, "tom", w1, "new", NULL, NULL),
	    DB_CONFLICT);
	ck_assert_int_eq(mention_set_state(&db, "tom", 999999, "new", NULL,
	    NULL), DB_NOTFOUND);
	ck_assert_int_eq(mention_set_state(&db, "tom", g1, "logged", NULL,
	    NULL), DB_ERROR);
}
END_TEST

START_TEST(test_bulk_by_story)
{
	long long	 wire, gazette, voice, ids[3];
	size_t		 changed;

	three_outlets(&wire, &gazette, &voice);
	ids[0] = mention_of("g1");
	ids[1] = 999999;	/* gone: skipped */
	ids[2] = mention_of("v1");
	ck_assert_int_eq(mention_set_state_many(&db, "maya", ids, 3,
	    "relevant", "new", &changed), DB_OK);
	ck_assert_uint_eq(changed, 3);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM mentions WHERE "
	    "state = 'relevant'"), 3);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM audit_log WHERE entity = "
	    "'mention'"), 3);
}
END_TEST

START_TEST(test_filters)
{
	struct mention_filter	 f;
	struct mention		*m;
	long long		 wire, gazette, voice, term;
	size_t			 n, total;

	three_outlets(&wire, &gazette, &voice);
	ck_assert_int_eq(watch_term_add(&db, "Leeds", "topic", 0, 0), DB_OK);
	ingest(voice, "v2", "Leeds welcomes families", "",
	    "2024-03-16T10:00:00Z");
	term = qn("SELECT id FROM watch_terms WHERE term = 'Leeds'");
	memset(&f, 0, sizeof(f));
	f.limit = 50;
	f.term_id = term;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 1);
	ck_assert_str_eq(m[0].title, "Leeds welcomes families");
	ck_assert_uint_eq(m[0].nterms, 1);
	ck_assert_str_eq(m[0].terms[0], "Leeds");

	/* Dates are days in London: 12 March 14:00 UTC is the 12th. */
	memset(&f, 0, sizeof(f));
	f.limit = 50;
	f.from = "2024-03-12";
	f.to = "2024-03-12";
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 1);
	ck_assert_int_eq(m[0].id, mention_of("w1"));
	ck_assert_str_eq(m[0].published, "2024-03-12");
	f.from = "2024-03-15";
	f.to = NULL;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 2);
	f.from = NULL;
	f.to = "2024-03-11";
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 0);
}
END_TEST

/* Summer time: 23:30 UTC on 30 June is 00:30 on 1 July in London. */
START_TEST(test_london_days)
{
	struct mention_filter	 f;
	struct mention		*m;
	long long		 feed;
	size_t			 n, total;

	ck_assert_int_eq(watch_term_add(&db, "refugee", "topic", 0, 0), DB_OK);
	feed = add_feed("https://wire.example/rss", "Wire");
	ingest(feed, "late", "Refugee news at midnight", "",
	    "2024-06-30T23:30:00Z");
	ingest(feed, "undated", "Refugee news without a date", "", NULL);
	memset(&f, 0, sizeof(f));
	f.limit = 50;
	f.from = "2024-07-01";
	f.to = "2024-07-01";
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 1);
	ck_assert_str_eq(m[0].published, "2024-07-01");
	ck_assert_int_eq(m[0].undated, 0);
	f.from = f.to = "2024-06-30";
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 0);
	/* An undated item counts from the day it was fetched. */
	memset(&f, 0, sizeof(f));
	f.limit = 50;
	f.from = "2025-01-01";
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 1);
	ck_assert_str_eq(m[0].title, "Refugee news without a date");
	ck_assert_int_eq(m[0].undated, 1);
	ck_assert_uint_eq(strlen(m[0].published), 10);
}
END_TEST

/* A person saved through the directory. */
static long long
person(const char *name, const char *category, const char *press_watch)
{
	struct person	 p;

	memset(&p, 0, sizeof(p));
	p.full_name = name;
	p.category = category;
	p.role_title = p.party = p.house = p.constituency = "";
	p.email = p.phone = p.notes = "";
	p.is_current = 1;
	p.press_watch = press_watch;
	ck_assert_int_eq(person_save(&db, "maya", &p), DB_OK);
	return p.id;
}

START_TEST(test_people_named)
{
	struct mention_filter	 f;
	struct mention		*m;
	struct mention_choice	*c;
	struct mention_choices	 all;
	long long		 feed, helen, helen2, merge_id;
	size_t			 n, total;

	helen = person("Helen Marchbank", "mp", "always");
	helen2 = person("Helen Marchbank MP", "mp", NULL);
	feed = add_feed("https://wire.example/rss", "Wire");
	ingest(feed, "h1", "Helen Marchbank presses the Home Office", "",
	    "2024-03-12T14:00:00Z");
	ingest(feed, "x1", "Nothing about her", "Helen Marchbanks spoke.",
	    "2024-03-12T15:00:00Z");
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM mentions"), 1);
	memset(&f, 0, sizeof(f));
	f.limit = 50;
	f.person_id = helen;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 1);
	ck_assert_uint_eq(m[0].npeople, 1);
	ck_assert_int_eq(m[0].people[0].id, helen);
	ck_assert_str_eq(m[0].people[0].name, "Helen Marchbank");
	ck_assert_int_eq(mention_people(&db, &a, &c, &n), DB_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(c[0].id, helen);
	/* Typed terms are the term filter's choices, names are not. */
	ck_assert_int_eq(mention_terms(&db, &a, &c, &n), DB_OK);
	ck_assert_uint_eq(n, 0);
	/* All three lists at once: the same. */
	ck_assert_int_eq(watch_term_add(&db, "asylum", "topic", 0, 0), DB_OK);
	ck_assert_int_eq(mention_choices(&db, &a, &all), DB_OK);
	ck_assert_uint_eq(all.npeople, 1);
	ck_assert_int_eq(all.people[0].id, helen);
	ck_assert_str_eq(all.people[0].name, "Helen Marchbank");
	ck_assert_uint_eq(all.nterms, 1);
	ck_assert_str_eq(all.terms[0].name, "asylum");
	ck_assert_int_eq(mention_feeds(&db, &a, &c, &n), DB_OK);
	ck_assert_uint_eq(all.nfeeds, n);
	ck_assert_uint_gt(n, 0);
	ck_assert_int_eq(all.feeds[0].id, c[0].id);

	/* Merged into a duplicate record: the mention follows the survivor. */
	ck_assert_int_eq(person_merge(&db, "maya", helen2, helen, &merge_id),
	    DB_OK);
	f.person_id = helen2;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 1);
	ck_assert_int_eq(m[0].people[0].id, helen2);
	ck_assert_str_eq(m[0].people[0].name, "Helen Marchbank MP");
	f.person_id = 999999;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 0);
}
END_TEST

START_TEST(test_deleted_feed_hidden)
{
	struct mention_filter	 f;
	struct mention_choice	*c;
	struct mention		*m;
	long long		 wire, gazette, voice;
	size_t			 n, total;

	three_outlets(&wire, &gazette, &voice);
	ck_assert_int_eq(feed_set_deleted(&db, "maya", gazette, 1), DB_OK);
	memset(&f, 0, sizeof(f));
	f.limit = 50;
	m = list(&f, &n, &total);
	ck_assert_uint_eq(total, 2);
	ck_assert_int_eq(m[1].id, mention_of("w1"));
	ck_assert_uint_eq(m[1].nalso, 0);
	ck_assert_int_eq(mention_feeds(&db, &a, &c, &n), DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(feed_set_deleted(&db, "maya", gazette, 0), DB_OK);
	m = list(&f, &n, &total);
	ck_assert_int_eq(m[1].id, mention_of("g1"));
}
END_TEST

/* The Atom document parses as XML, whatever bytes the text carried. */
START_TEST(test_atom_well_formed)
{
	struct mention_hit	 hit = { 1, "JCORE", MENTION_TITLE, 0, 5 };
	struct mention_also	 also = { 2, 2, "Gazette \x01", "", "new" };
	const char		*terms[] = { "JCORE\x02" };
	struct mention		 m[2];
	struct buf		 out;
	xmlDocPtr		 doc;
	xmlNodePtr		 root, n;
	int			 entries = 0;
	char			*updated = NULL;

	memset(m, 0, sizeof(m));
	m[0].id = 1;
	m[0].title = "JCORE \x01\x1f<b>&amp; \xef\xbf\xbe" "end";
	m[0].link = "https://news.example/1?a=1&b=2";
	m[0].summary = "Tab\there, bell \x07 gone.";
	m[0].published = "2024-03-12";
	m[0].updated = "2024-03-12T10:00:00Z";
	m[0].outlet = "Wire \x0b";
	m[0].hits = &hit;
	m[0].nhits = 1;
	m[0].terms = terms;
	m[0].nterms = 1;
	m[0].also = &also;
	m[0].nalso = 1;
	m[1].id = 2;
	m[1].title = "Second";
	m[1].link = "javascript:alert(1)";
	m[1].summary = "";
	m[1].published = "";
	m[1].updated = "2024-03-14T10:00:00Z";
	m[1].outlet = "Gazette";
	buf_init(&out);
	ck_assert_int_eq(ui_mentions_atom(&out, m, 2, "2026-01-01T00:00:00Z",
	    "https://tracker.example/mentions.atom?key=k",
	    "https://tracker.example/mentions?state=relevant"), 0);
	doc = xmlReadMemory(out.data, (int)out.len, "atom.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	ck_assert_msg(doc != NULL, "not well formed: %s", out.data);
	root = xmlDocGetRootElement(doc);
	ck_assert_str_eq((const char *)root->name, "feed");
	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "entry") == 0)
			entries++;
		if (strcmp((const char *)n->name, "updated") == 0)
			updated = (char *)xmlNodeGetContent(n);
	}
	ck_assert_int_eq(entries, 2);
	/* The feed changed when its newest entry did. */
	ck_assert_str_eq(updated, "2024-03-14T10:00:00Z");
	xmlFree(updated);
	ck_assert_ptr_nonnull(strstr(out.data, "<title type=\"text\">JCORE "
	    "&lt;b&gt;&amp;amp; end</title>"));
	ck_assert_ptr_nonnull(strstr(out.data, "Also in: Gazette ."));
	ck_assert_ptr_nonnull(strstr(out.data, "<category term=\"JCORE\"/>"));
	ck_assert_ptr_null(strstr(out.data, "javascript:"));
	ck_assert_ptr_nonnull(strstr(out.data, "<link rel=\"self\" "
	    "href=\"https://tracker.example/mentions.atom?key=k\"/>"));
	xmlFreeDoc(doc);
	buf_free(&out);
}
END_TEST

START_TEST(test_feed_keys)
{
	char		 key[65], old[65], sql[300];
	const char	*created;
	long long	 uid;

	th_sql(&db, "INSERT INTO users (username, display_name, role, "
	    "password_hash, created_at) VALUES ('reader', 'Reader', 'viewer', "
	    "'x', UTC_TIMESTAMP())");
	uid = qn("SELECT id FROM users WHERE username = 'reader'");
	ck_assert_int_eq(feed_key_created(&db, &a, uid, &created), DB_OK);
	ck_assert_ptr_null(created);
	ck_assert_int_eq(feed_key_create(&db, "reader", uid, key), DB_OK);
	ck_assert_uint_eq(strlen(key), 64);
	ck_assert_int_eq(feed_key_check(&db, key), DB_OK);
	/* Only the key's hash is kept; its use is recorded. */
	snprintf(sql, sizeof(sql), "SELECT CONCAT(key_hash = SHA2('%s', 256), "
	    "'|', key_hash = '%s', '|', last_used_at IS NOT NULL) FROM "
	    "feed_keys", key, key);
	ck_assert_str_eq(q(sql), "1|0|1");
	ck_assert_int_eq(feed_key_created(&db, &a, uid, &created), DB_OK);
	ck_assert_ptr_nonnull(created);
	ck_assert_uint_eq(strlen(created), 10);
	ck_assert_int_eq(feed_key_check(&db, "0000000000000000000000000000000"
	    "000000000000000000000000000000000"), DB_NOTFOUND);
	ck_assert_int_eq(feed_key_check(&db, "short"), DB_NOTFOUND);
	ck_assert_int_eq(feed_key_check(&db, NULL), DB_NOTFOUND);
	/* A new key replaces the old one. */
	memcpy(old, key, sizeof(old));
	ck_assert_int_eq(feed_key_create(&db, "reader", uid, key), DB_OK);
	ck_assert_str_ne(old, key);
	ck_assert_int_eq(feed_key_check(&db, old), DB_NOTFOUND);
	ck_assert_int_eq(feed_key_check(&db, key), DB_OK);
	/* A disabled account's key opens nothing. */
	th_sql(&db, "UPDATE users SET disabled = 1");
	ck_assert_int_eq(feed_key_check(&db, key), DB_NOTFOUND);
	th_sql(&db, "UPDATE users SET disabled = 0");
	ck_assert_int_eq(feed_key_revoke(&db, "reader", uid), DB_OK);
	ck_assert_int_eq(feed_key_check(&db, key), DB_NOTFOUND);
	ck_assert_int_eq(feed_key_revoke(&db, "reader", uid), DB_NOTFOUND);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM audit_log WHERE entity = "
	    "'user' AND action LIKE 'feed key%'"), 3);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("mentions");
	TCase	*tc = tcase_create("mentions");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_story_listed_once);
	tcase_add_test(tc, test_story_kept_on_mentions);
	tcase_add_test(tc, test_story_triaged_once);
	tcase_add_test(tc, test_bulk_by_story);
	tcase_add_test(tc, test_filters);
	tcase_add_test(tc, test_london_days);
	tcase_add_test(tc, test_people_named);
	tcase_add_test(tc, test_deleted_feed_hidden);
	tcase_add_test(tc, test_atom_well_formed);
	tcase_add_test(tc, test_feed_keys);
	tcase_add_test(tc, test_count_capped);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
