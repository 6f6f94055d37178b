/*
 * Erasure and retention against a real MariaDB: the schema walk (every
 * table and text column is covered by lib/privacy_erase.c's list), the
 * scrub, no trace of an erased person in any text column of any table,
 * KPIs and report totals unchanged by an erasure, the tombstone, and
 * the retention rules' due dates at their boundaries and their runs.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "db.h"
#include "directory.h"
#include "engagements.h"
#include "kpi.h"
#include "privacy_erase.h"
#include "privacy_retention.h"
#include "report.h"
#include "testhelp.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;

#define NAME	"Zephyrine Quillfeather"
#define EMAIL	"zq.private@example.org"
#define PHONE	"07700 900123"

enum {
	T_TABLES,
	T_TEXT_COLUMNS,
	T_COUNTED_KPIS,
	T__MAX
};
static const char *const t_sql[T__MAX] = {
	[T_TABLES] = "SELECT table_name FROM information_schema.tables "
	    "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' "
	    "ORDER BY table_name",
	[T_TEXT_COLUMNS] = "SELECT c.table_name, c.column_name "
	    "FROM information_schema.columns c "
	    "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
	    "AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' "
	    "WHERE c.table_schema = DATABASE() AND c.data_type IN ('char', "
	    "'varchar', 'tinytext', 'text', 'mediumtext', 'longtext') "
	    "ORDER BY c.table_name, c.ordinal_position",
	/* In parentheses: clang takes two literals for a missing comma. */
	[T_COUNTED_KPIS] = ("SELECT id FROM kpis WHERE source = 'counted' "
	    "AND dropped_at IS NULL ORDER BY id"),
};
/* Borrows the APPG slot of prepared handles: this program uses no APPG. */
static const struct db_stmts t_stmts = { DB_SLOT_APPG, t_sql, T__MAX };

static void
reset(void)
{
	th_sql(&db, "DELETE FROM mention_hits; DELETE FROM mentions; "
	    "DELETE FROM feed_items; DELETE FROM watch_terms; "
	    "DELETE FROM feeds; DELETE FROM appg_minutes_versions; "
	    "DELETE FROM appg_minutes; DELETE FROM appg_actions; "
	    "DELETE FROM appg_attendance; DELETE FROM appg_agenda_items; "
	    "DELETE FROM appg_meetings; DELETE FROM appg_benefits; "
	    "DELETE FROM appg_members; DELETE FROM appg_officers; "
	    "DELETE FROM appg_groups; DELETE FROM follow_ups; "
	    "DELETE FROM engagement_people; "
	    "DELETE FROM engagement_organisations; "
	    "DELETE FROM engagement_staff; DELETE FROM engagement_policy_areas; "
	    "DELETE FROM engagements; DELETE FROM person_merges; "
	    "DELETE FROM person_terms; DELETE FROM people; "
	    "UPDATE organisations SET parent_id = NULL; "
	    "DELETE FROM organisations; DELETE FROM import_runs; "
	    "DELETE FROM erasures; DELETE FROM retention_runs; "
	    "DELETE FROM feed_keys");
	th_reset(&db);
}

static void
setup(void)
{
	th_db_open(&db, &conf);
	reset();
	arena_init(&a);
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

/* Whether word is in the space-separated list. */
static int
listed(const char *list, const char *word)
{
	size_t	 n = strlen(word);
	const char *p = list;

	while ((p = strstr(p, word)) != NULL) {
		if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
		p += n;
	}
	return 0;
}

static const struct erase_table *
table_entry(const char *name)
{
	size_t	 i;

	for (i = 0; i < privacy_erase_ntables; i++)
		if (strcmp(privacy_erase_tables[i].table, name) == 0)
			return &privacy_erase_tables[i];
	return NULL;
}

/* --- the schema walk ----------------------------------------------------- */

START_TEST(test_every_table_covered)
{
	struct db_rows	 r;
	size_t		 i, j;
	const char	*missing = "";

	ck_assert_int_eq(db_query_in(&db, &t_stmts, T_TABLES, NULL, 0, &a,
	    &r), DB_OK);
	ck_assert_int_gt(r.nrows, 40);
	for (i = 0; i < r.nrows; i++)
		if (table_entry(DB_CELL(&r, i, 0)) == NULL)
			missing = arena_printf(&a, "%s %s", missing,
			    DB_CELL(&r, i, 0));
	ck_assert_msg(*missing == '\0', "tables erasure does not cover "
	    "(add them to privacy_erase_tables in lib/privacy_erase.c):%s",
	    missing);
	/* And no entry names a table the schema does not have. */
	for (j = 0; j < privacy_erase_ntables; j++) {
		for (i = 0; i < r.nrows; i++)
			if (strcmp(DB_CELL(&r, i, 0),
			    privacy_erase_tables[j].table) == 0)
				break;
		ck_assert_msg(i < r.nrows, "privacy_erase_tables lists %s, "
		    "which is not in the schema", privacy_erase_tables[j].table);
		ck_assert_msg(privacy_erase_tables[j].why[0] != '\0',
		    "%s has no reason", privacy_erase_tables[j].table);
	}
}
END_TEST

START_TEST(test_every_text_column_covered)
{
	const struct erase_table	*t;
	struct db_rows			 r;
	const char			*missing = "";
	size_t				 i;

	ck_assert_int_eq(db_query_in(&db, &t_stmts, T_TEXT_COLUMNS, NULL, 0,
	    &a, &r), DB_OK);
	ck_assert_int_gt(r.nrows, 100);
	for (i = 0; i < r.nrows; i++) {
		t = table_entry(DB_CELL(&r, i, 0));
		if (t == NULL || listed(t->handled, DB_CELL(&r, i, 1)) ||
		    listed(t->kept, DB_CELL(&r, i, 1)))
			continue;	/* a missing table fails the test above */
		missing = arena_printf(&a, "%s %s.%s", missing,
		    DB_CELL(&r, i, 0), DB_CELL(&r, i, 1));
	}
	ck_assert_msg(*missing == '\0', "text columns erasure neither handles "
	    "nor keeps with a reason:%s", missing);
}
END_TEST

/* Each column the scrub rewrites is declared handled, in a scrub table. */
START_TEST(test_scrubs_declared)
{
	const struct erase_table	*t;
	size_t				 i;

	ck_assert_int_gt(privacy_erase_nscrubs, 20);
	for (i = 0; i < privacy_erase_nscrubs; i++) {
		t = table_entry(privacy_erase_scrubs[i].table);
		ck_assert_ptr_nonnull(t);
		ck_assert_msg(t->how & ERASE_SCRUB_TEXT, "%s", t->table);
		ck_assert_msg(listed(t->handled, privacy_erase_scrubs[i].column),
		    "%s.%s is scrubbed but not listed as handled", t->table,
		    privacy_erase_scrubs[i].column);
	}
}
END_TEST

/* --- the scrub ----------------------------------------------------------- */

START_TEST(test_scrub_text)
{
	const char *const	 needles[] = { "Jane Smith", "js@example.org" };
	const char *const	 repl[] = { "Erased person", "[email]" };
	const int		 word[] = { 1, 0 };
	const char		*out;

	out = privacy_scrub_text(&a, "Met JANE SMITH (js@example.org) and "
	    "jane smith's aide", needles, repl, word, 2);
	ck_assert_str_eq(out, "Met Erased person ([email]) and Erased "
	    "person's aide");
	/* Only whole words: Jane Smithson is someone else. */
	ck_assert_ptr_null(privacy_scrub_text(&a, "Jane Smithson spoke",
	    needles, repl, word, 2));
	ck_assert_ptr_null(privacy_scrub_text(&a, "", needles, repl, word, 2));
	out = privacy_scrub_text(&a, "Jane Smith", needles, repl, word, 2);
	ck_assert_str_eq(out, "Erased person");
	/* An email is found inside a word too. */
	out = privacy_scrub_text(&a, "mailto:js@example.org.", needles, repl,
	    word, 2);
	ck_assert_str_eq(out, "mailto:[email].");
}
END_TEST

/* --- fixtures ------------------------------------------------------------ */

static long long
add_person(const char *name, const char *category, const char *party,
    const char *email, const char *phone, int current)
{
	struct person	 p;

	memset(&p, 0, sizeof(p));
	p.full_name = name;
	p.category = category;
	p.role_title = "Adviser to " NAME;
	p.party = party;
	p.house = "";
	p.constituency = "Quillshire";
	p.email = email;
	p.phone = phone;
	p.notes = "Met " NAME " at conference; call " PHONE;
	p.is_current = current;
	ck_assert_msg(person_save(&db, "tester", &p) == DB_OK, "%s", db.error);
	return p.id;
}

static long long
add_engagement(const char *date, const char *type, const char *title,
    const long long *people, size_t npeople, const char *followup)
{
	struct engagement	 e;
	struct eng_person	 ep[4];
	struct followup		 f;
	size_t			 i;

	memset(&e, 0, sizeof(e));
	memset(ep, 0, sizeof(ep));
	memset(&f, 0, sizeof(f));
	e.type = type;
	e.date = date;
	e.time = "";
	e.title = title;
	e.summary = "Briefed " NAME " on asylum support";
	e.outcome = NAME " will write to the minister (" EMAIL ")";
	e.media_medium = "";
	e.media_programme = "";
	e.media_link = "";
	for (i = 0; i < npeople; i++)
		ep[i].id = people[i];
	e.people = ep;
	e.npeople = npeople;
	if (followup != NULL) {
		f.action = followup;
		f.due_on = "";
		e.followups = &f;
		e.nfollowups = 1;
	}
	ck_assert_msg(engagement_save(&db, "tester", 0, &e) == DB_OK, "%s",
	    db.error);
	return e.id;
}

/* An APPG with the person as officer, member, attendee and in the text. */
static void
add_appg(long long pid, long long eid)
{
	char	 sql[4096];

	snprintf(sql, sizeof(sql),
	    "INSERT INTO appg_groups (id, title, purpose, year_end_month, "
	    "year_end_day, enquiry_point, secretariat, created_at, updated_at) "
	    "VALUES (9001, 'APPG on Refugees', 'Chaired by " NAME "', 3, 31, "
	    "'" EMAIL "', 'Office of " NAME "', UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP());"
	    "INSERT INTO appg_officers (group_id, person_id, post, started_on, "
	    "created_at, updated_at) VALUES (9001, %lld, 'chair', '2024-01-01', "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP());"
	    "INSERT INTO appg_members (group_id, person_id, joined_on, "
	    "created_at, updated_at) VALUES (9001, %lld, '2024-01-01', "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP());"
	    "INSERT INTO appg_benefits (group_id, source, kind, description, "
	    "value_pounds, received_on, created_at, updated_at) VALUES (9001, "
	    "'" NAME "', 'in_kind', 'Room booked by " NAME "', 2000, "
	    "'2024-02-01', UTC_TIMESTAMP(), UTC_TIMESTAMP());"
	    "INSERT INTO appg_meetings (id, group_id, kind, title, held_on, "
	    "place, chair_person_id, engagement_id, created_at, updated_at) "
	    "VALUES (9101, 9001, 'agm', 'AGM with " NAME "', '2024-03-01', "
	    "'Room of " NAME "', %lld, %lld, UTC_TIMESTAMP(), UTC_TIMESTAMP());"
	    "INSERT INTO appg_agenda_items (meeting_id, position, title, papers, "
	    "discussion, decision) VALUES (9101, 1, 'Report by " NAME "', "
	    "'Paper of " NAME " https://example.org/p', '" NAME " spoke', "
	    "'Thanks to " NAME "');"
	    "INSERT INTO appg_attendance (meeting_id, position, person_id, name, "
	    "organisation, status) VALUES (9101, 1, %lld, '', '', 'present'), "
	    "(9101, 2, NULL, '" NAME "', 'Guest of " NAME "', 'in_attendance');"
	    "INSERT INTO appg_actions (meeting_id, position, action, owner) "
	    "VALUES (9101, 1, 'Write to " NAME "', '" NAME "');"
	    "INSERT INTO appg_minutes (meeting_id, current_number, created_at, "
	    "updated_at) VALUES (9101, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP());"
	    "INSERT INTO appg_minutes_versions (meeting_id, number, body, how, "
	    "created_by, created_at) VALUES (9101, 1, 'Present: " NAME " (chair)',"
	    " 'generated', 'tester', UTC_TIMESTAMP())",
	    pid, pid, pid, eid, pid);
	th_sql(&db, sql);
}

/* A feed item naming the person, matched by their directory watch term. */
static void
add_press(long long pid)
{
	char	 sql[2048];

	snprintf(sql, sizeof(sql),
	    "INSERT INTO feeds (id, title, url, created_at, updated_at) VALUES "
	    "(9201, 'News about " NAME "', 'https://example.org/feed', "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP());"
	    "INSERT INTO feed_items (id, feed_id, item_key, story_key, guid, "
	    "link, title, summary, author, fetched_at) VALUES (9301, 9201, "
	    "REPEAT('a', 64), REPEAT('b', 64), 'g1', 'https://example.org/1', "
	    "'" NAME " speaks', 'Today " NAME " said', '" NAME "', "
	    "UTC_TIMESTAMP());"
	    "INSERT INTO watch_terms (id, term, kind, source, person_id, "
	    "created_at) VALUES (9401, '" NAME "', 'person', 'directory', %lld, "
	    "UTC_TIMESTAMP()), (9402, 'asylum', 'topic', 'manual', NULL, "
	    "UTC_TIMESTAMP());"
	    "INSERT INTO mentions (id, item_id, created_at, updated_at) VALUES "
	    "(9501, 9301, UTC_TIMESTAMP(), UTC_TIMESTAMP());"
	    "INSERT INTO mention_hits (mention_id, term_id, field, start, "
	    "length) VALUES (9501, 9401, 'title', 0, 22);"
	    "INSERT INTO import_runs (kind, source, actor, at) VALUES "
	    "('csv', 'contacts-" NAME ".csv', 'tester', UTC_TIMESTAMP())",
	    pid);
	th_sql(&db, sql);
}

/* Tables holding needle in some text column, and how many such columns. */
static size_t
trace_count(const char *needle, const char **where)
{
	struct db_rows	 r;
	char		 sql[512];
	size_t		 i, hits = 0;

	*where = "";
	ck_assert_int_eq(db_query_in(&db, &t_stmts, T_TEXT_COLUMNS, NULL, 0,
	    &a, &r), DB_OK);
	for (i = 0; i < r.nrows; i++) {
		snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM `%s` "
		    "WHERE `%s` LIKE '%%%s%%'", DB_CELL(&r, i, 0),
		    DB_CELL(&r, i, 1), needle);
		if (th_num(&db, sql) > 0) {
			hits++;
			*where = arena_printf(&a, "%s %s.%s", *where,
			    DB_CELL(&r, i, 0), DB_CELL(&r, i, 1));
		}
	}
	return hits;
}

/* The person linked everywhere, with a duplicate merged into them. */
static long long
person_everywhere(void)
{
	long long	 pid, dup, other, eid, merge_id;
	struct person	 p;

	pid = add_person(NAME, "mp", "Labour", EMAIL, PHONE, 1);
	other = add_person("Bartholomew Ink", "journalist", "", "", "", 1);
	/* A real edit, so the audit log has a before and an after. */
	ck_assert_int_eq(person_get(&db, &a, pid, &p), DB_OK);
	p.notes = "Prefers email: " EMAIL;
	ck_assert_msg(person_save(&db, "tester", &p) == DB_OK, "%s", db.error);
	dup = add_person(NAME, "mp", "Labour", "", PHONE, 1);
	eid = add_engagement("2024-09-10", "meeting", "Meeting with " NAME,
	    (long long[]){ pid, other }, 2, "Send " NAME " the briefing");
	add_engagement("2024-10-01", "meeting", "Call with " NAME " and team",
	    (long long[]){ dup }, 1, NULL);
	ck_assert_msg(person_merge(&db, "tester", pid, dup, &merge_id) ==
	    DB_OK, "%s", db.error);
	add_appg(pid, eid);
	add_press(pid);
	return pid;
}

/* --- erasure ------------------------------------------------------------- */

START_TEST(test_no_trace)
{
	const char	*where;
	long long	 pid = person_everywhere();

	/* The scan finds them first, so it can fail. */
	ck_assert_uint_ge(trace_count(NAME, &where), 20);
	ck_assert_uint_ge(trace_count(EMAIL, &where), 3);
	ck_assert_uint_ge(trace_count(PHONE, &where), 2);
	ck_assert_msg(privacy_erase_person(&db, pid, "admin", "request") ==
	    DB_OK, "%s", db.error);
	ck_assert_msg(trace_count(NAME, &where) == 0, "the name is left in:%s",
	    where);
	ck_assert_msg(trace_count(EMAIL, &where) == 0, "the email is left "
	    "in:%s", where);
	ck_assert_msg(trace_count(PHONE, &where) == 0, "the phone is left "
	    "in:%s", where);
	/* Nor any part of their record: their constituency went too. */
	th_sql_true(&db, "NOT EXISTS (SELECT 1 FROM people WHERE "
	    "constituency = 'Quillshire' AND erased_at IS NOT NULL)");
}
END_TEST

START_TEST(test_erase_keeps_links)
{
	long long	 pid = person_everywhere();
	char		 sql[512];

	ck_assert_int_eq(privacy_erase_person(&db, pid, "admin", "request"),
	    DB_OK);
	snprintf(sql, sizeof(sql), "SELECT full_name FROM people WHERE id = "
	    "%lld", pid);
	ck_assert_str_eq(th_cell(&db, sql), ERASED_NAME);
	snprintf(sql, sizeof(sql), "SELECT CONCAT_WS('/', category, party, "
	    "erased_at IS NOT NULL, deleted_at IS NOT NULL, email, phone, "
	    "notes, press_watch, IFNULL(organisation_id, 'none')) FROM people "
	    "WHERE id = %lld", pid);
	ck_assert_str_eq(th_cell(&db, sql), "mp/Labour/1/1////never/none");
	/* Both engagements (one moved from the duplicate) keep them. */
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM engagement_people "
	    "WHERE person_id = %lld", pid);
	ck_assert_int_eq(th_num(&db, sql), 2);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM appg_officers WHERE "
	    "person_id = %lld", pid);
	ck_assert_int_eq(th_num(&db, sql), 1);
	/* The duplicate merged into them is erased too; the merge is gone. */
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM people WHERE "
	    "erased_at IS NOT NULL"), 2);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM person_merges"), 0);
	/* Their watch term and its hit went; the other term stays. */
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM watch_terms"), 1);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM mention_hits"), 0);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM mentions"), 0);
	/* Audit rows about them hold no values; the erasure's own row no name. */
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM audit_log WHERE "
	    "entity = 'person' AND entity_id = %lld AND action <> 'erase' AND "
	    "(before_data IS NOT NULL OR after_data IS NOT NULL)", pid);
	ck_assert_int_eq(th_num(&db, sql), 0);
	ck_assert_str_eq(th_cell(&db, "SELECT after_data FROM audit_log WHERE "
	    "action = 'erase'"), "{\"reason\":\"request\"}");
	/* The tombstone: when, who, why; nothing else. */
	ck_assert_str_eq(th_cell(&db, "SELECT CONCAT(erased_by, '/', reason) "
	    "FROM erasures"), "admin/request");
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM erasures"), 1);
	ck_assert_int_eq(privacy_is_erased(&db, pid), 1);
}
END_TEST

START_TEST(test_erase_refusals)
{
	long long	 pid = add_person(NAME, "journalist", "", EMAIL, "", 1);

	ck_assert_int_eq(privacy_erase_person(&db, pid, "admin", "whim"),
	    DB_ERROR);
	ck_assert_int_eq(privacy_erase_person(&db, pid + 1000, "admin",
	    "request"), DB_NOTFOUND);
	ck_assert_int_eq(privacy_erase_person(&db, pid, "admin", "request"),
	    DB_OK);
	ck_assert_int_eq(privacy_erase_person(&db, pid, "admin", "request"),
	    DB_CONFLICT);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM erasures"), 1);
	/* Erased people cannot be restored. */
	ck_assert_int_ne(person_restore(&db, "admin", pid), DB_OK);
	ck_assert_int_eq(privacy_is_erased(&db, pid), 1);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM people WHERE "
	    "deleted_at IS NULL"), 0);
}
END_TEST

START_TEST(test_preview)
{
	struct erase_preview	 p;
	long long		 pid = person_everywhere();

	ck_assert_int_eq(privacy_erase_preview(&db, &a, pid, &p), DB_OK);
	ck_assert_str_eq(p.full_name, NAME);
	ck_assert_int_eq(p.erased, 0);
	ck_assert_int_eq(p.engagements, 2);
	ck_assert_int_eq(p.follow_ups, 1);
	ck_assert_int_eq(p.mentions, 1);
	ck_assert_int_eq(p.watch_terms, 1);
	ck_assert_int_ge(p.audit_rows, 2);
	ck_assert_int_eq(p.appg_roles, 3);
	ck_assert_int_eq(p.merged, 1);
	ck_assert_int_eq(privacy_erase_preview(&db, &a, pid + 1000, &p),
	    DB_NOTFOUND);
}
END_TEST

/* Every counted KPI's figure for the strategy year 2024-25, in a string. */
static const char *
kpi_figures(void)
{
	struct db_rows	 r;
	const char	*s = "";
	long long	 n;
	size_t		 i;

	ck_assert_int_eq(db_query_in(&db, &t_stmts, T_COUNTED_KPIS, NULL, 0,
	    &a, &r), DB_OK);
	ck_assert_int_gt(r.nrows, 0);
	for (i = 0; i < r.nrows; i++) {
		ck_assert_int_eq(kpi_count(&db, db_num(DB_CELL(&r, i, 0)),
		    "2024-07-01", "2025-06-30", &n), DB_OK);
		s = arena_printf(&a, "%s %s=%lld", s, DB_CELL(&r, i, 0), n);
	}
	return s;
}

/* The report's total and every count of every section, in a string. */
static const char *
report_figures(void)
{
	struct engagement_report	 rep;
	struct report_period		 per = { "2024-07-01", "2025-06-30" };
	const char			*s;
	size_t				 i, j;

	ck_assert_int_eq(report_build(&db, &a, &per, NULL, &rep), DB_OK);
	s = arena_printf(&a, "total=%ld", rep.total);
	for (i = 0; i < RS__MAX; i++)
		for (j = 0; j < rep.nitems[i]; j++)
			s = arena_printf(&a, "%s %s:%s=%ld", s,
			    report_section_names[i], rep.items[i][j].key,
			    rep.items[i][j].count);
	return s;
}

START_TEST(test_kpis_and_report_unchanged)
{
	long long	 mp, mp2, journo, faith;
	const char	*kpis, *report;

	mp = add_person(NAME, "mp", "Labour", EMAIL, PHONE, 1);
	mp2 = add_person("Osric Fennimore", "mp", "Conservative", "", "", 1);
	journo = add_person("Tamsin Ravel", "journalist", "", "", "", 1);
	faith = add_person("Ezra Pell", "faith_leader", "", "", "", 1);
	add_engagement("2024-08-05", "meeting", "Asylum meeting",
	    (long long[]){ mp, mp2 }, 2, NULL);
	add_engagement("2024-11-12", "written_briefing", "Briefing",
	    (long long[]){ mp, faith }, 2, NULL);
	add_engagement("2025-02-03", "media_appearance", "Interview",
	    (long long[]){ journo }, 1, NULL);
	add_engagement("2025-03-03", "meeting", "Follow-up meeting",
	    (long long[]){ mp2, journo }, 2, NULL);
	kpis = kpi_figures();
	report = report_figures();
	ck_assert_msg(strstr(report, "total=4") != NULL, "%s", report);
	ck_assert_msg(strstr(report, "party:Labour=2") != NULL, "%s", report);
	ck_assert_int_eq(privacy_erase_person(&db, mp, "admin", "request"),
	    DB_OK);
	ck_assert_int_eq(privacy_erase_person(&db, journo, "admin",
	    "retention"), DB_OK);
	ck_assert_str_eq(kpi_figures(), kpis);
	ck_assert_str_eq(report_figures(), report);
}
END_TEST

/* --- retention ----------------------------------------------------------- */

/* A person whose only contact is an engagement on date. */
static long long
engaged_on(const char *name, const char *category, int current,
    const char *date)
{
	long long	 id = add_person(name, category, "", "", "", current);

	add_engagement(date, "meeting", "Contact", (long long[]){ id }, 1,
	    NULL);
	return id;
}

/* Whether id is in the due list on today. */
static int
due_on(long long id, const char *today)
{
	struct retention_due	*d;
	size_t			 n, i;

	ck_assert_int_eq(retention_due_list(&db, &a, today, &d, &n), DB_OK);
	for (i = 0; i < n; i++)
		if (d[i].person_id == id)
			return 1;
	return 0;
}

START_TEST(test_retention_boundaries)
{
	long long	 j, never, mp_now, mp_gone, other, dup, keep, merge_id;
	char		 sql[256];

	ck_assert_int_eq(retention_rule_save(&db, "admin", "journalist", 36, 0),
	    DB_OK);
	ck_assert_int_eq(retention_rule_save(&db, "admin", "mp", 72, 1), DB_OK);
	ck_assert_int_eq(retention_rule_save(&db, "admin", "other", -1, 0),
	    DB_OK);
	j = engaged_on("Journo One", "journalist", 1, "2023-01-15");
	/* Last contact is the latest engagement, not the first. */
	add_engagement("2022-05-01", "meeting", "Earlier",
	    (long long[]){ j }, 1, NULL);
	ck_assert_int_eq(due_on(j, "2026-01-14"), 0);
	ck_assert_int_eq(due_on(j, "2026-01-15"), 1);
	ck_assert_int_eq(due_on(j, "2026-06-01"), 1);
	/* Never engaged: the last edit counts. */
	never = add_person("Journo Two", "journalist", "", "", "", 1);
	snprintf(sql, sizeof(sql), "UPDATE people SET created_at = "
	    "'2020-03-31 10:00:00', updated_at = '2021-02-28 09:00:00' "
	    "WHERE id = %lld", never);
	th_sql(&db, sql);
	ck_assert_int_eq(due_on(never, "2024-02-27"), 0);
	ck_assert_int_eq(due_on(never, "2024-02-28"), 1);
	/* A current MP is kept while in office; a former one is not. */
	mp_now = engaged_on("Sitting Member", "mp", 1, "2010-01-01");
	mp_gone = engaged_on("Former Member", "mp", 0, "2019-12-31");
	ck_assert_int_eq(due_on(mp_now, "2026-01-01"), 0);
	ck_assert_int_eq(due_on(mp_gone, "2025-12-30"), 0);
	ck_assert_int_eq(due_on(mp_gone, "2025-12-31"), 1);
	/* No limit: never due. */
	other = engaged_on("Someone Else", "other", 0, "2001-01-01");
	ck_assert_int_eq(due_on(other, "2026-01-01"), 0);
	/* Two records of one journalist, the newer contact on the second. */
	keep = engaged_on("Journo Three", "journalist", 1, "2022-01-01");
	dup = engaged_on("Journo Three", "journalist", 1, "2025-12-01");
	ck_assert_int_eq(due_on(keep, "2025-01-01"), 1);
	/* A merged duplicate goes with its survivor, which is not due. */
	ck_assert_int_eq(person_merge(&db, "admin", keep, dup, &merge_id),
	    DB_OK);
	ck_assert_int_eq(due_on(keep, "2026-01-01"), 0);
	ck_assert_int_eq(due_on(dup, "2026-01-01"), 0);
	/* Erased people are never due again. */
	ck_assert_int_eq(privacy_erase_person(&db, j, "admin", "request"),
	    DB_OK);
	ck_assert_int_eq(due_on(j, "2026-06-01"), 0);
	ck_assert_int_eq(retention_rule_save(&db, "admin", "journalist", 0, 0),
	    DB_ERROR);
	ck_assert_int_eq(retention_rule_save(&db, "admin", "nobody", 12, 0),
	    DB_NOTFOUND);
}
END_TEST

/* A change of rule is audited; saving the same rule again is not. */
START_TEST(test_retention_rule_audit)
{
	struct retention_rule	*rules;
	size_t			 n, i;
	long long		 before;

	ck_assert_int_eq(retention_rule_save(&db, "admin", "journalist", 36, 0),
	    DB_OK);
	before = th_num(&db, "SELECT COUNT(*) FROM audit_log WHERE "
	    "entity = 'retention_rule'");
	ck_assert_int_eq(retention_rule_save(&db, "admin", "journalist", 36, 0),
	    DB_OK);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM audit_log WHERE "
	    "entity = 'retention_rule'"), before);
	ck_assert_int_eq(retention_rule_save(&db, "admin", "journalist", 30, 1),
	    DB_OK);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM audit_log WHERE "
	    "entity = 'retention_rule'"), before + 1);
	ck_assert_str_eq(th_cell(&db, "SELECT after_data FROM audit_log WHERE "
	    "entity = 'retention_rule' ORDER BY id DESC LIMIT 1"),
	    "{\"months\":\"30\",\"exempt_current\":\"yes\"}");
	ck_assert_int_eq(retention_rules(&db, &a, &rules, &n), DB_OK);
	for (i = 0; i < n; i++)
		if (strcmp(rules[i].category, "journalist") == 0)
			break;
	ck_assert_uint_lt(i, n);
	ck_assert_int_eq(rules[i].months, 30);
	ck_assert_int_eq(rules[i].exempt_current, 1);
	ck_assert_int_eq(retention_rule_save(&db, "admin", "journalist", 36, 0),
	    DB_OK);
}
END_TEST

static size_t	 progress_calls;

static void
count_progress(void *ctx, size_t i, size_t total)
{
	(void)ctx;
	ck_assert_uint_le(i, total);
	progress_calls++;
}

START_TEST(test_retention_run)
{
	struct retention_status	 s;
	const char		*today;
	size_t			 erased;
	long long		 a1, a2, b;

	ck_assert_int_eq(retention_rule_save(&db, "admin", "journalist", 36, 0),
	    DB_OK);
	a1 = engaged_on("Old Journo", "journalist", 1, "2020-01-01");
	a2 = engaged_on("Older Journo", "journalist", 1, "2019-01-01");
	b = engaged_on("Recent Journo", "journalist", 1, "2025-06-01");
	ck_assert_int_eq(retention_status(&db, &a, "2026-01-01", &s), DB_OK);
	ck_assert_uint_eq(s.due, 2);
	ck_assert_int_eq(s.remind, 1);
	ck_assert_ptr_null(s.last_run);
	progress_calls = 0;
	ck_assert_int_eq(retention_run(&db, "admin", "2026-01-01",
	    count_progress, NULL, &erased), DB_OK);
	ck_assert_uint_eq(erased, 2);
	ck_assert_uint_eq(progress_calls, 2);
	ck_assert_int_eq(privacy_is_erased(&db, a1), 1);
	ck_assert_int_eq(privacy_is_erased(&db, a2), 1);
	ck_assert_int_eq(privacy_is_erased(&db, b), 0);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM erasures WHERE "
	    "reason = 'retention'"), 2);
	/* Just ran, nobody due: no reminder. */
	ck_assert_int_eq(retention_status(&db, &a, "2026-01-01", &s), DB_OK);
	ck_assert_uint_eq(s.due, 0);
	ck_assert_int_eq(s.remind, 0);
	ck_assert_ptr_nonnull(s.last_run);
	ck_assert_int_eq(s.last_erased, 2);
	ck_assert_int_eq(retention_run(&db, "admin", "2026-01-01", NULL, NULL,
	    &erased), DB_OK);
	ck_assert_uint_eq(erased, 0);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM retention_runs"), 2);
	/* Today, nobody is due; a month after the last run, the reminder. */
	today = arena_strdup(&a, th_cell(&db, "SELECT UTC_DATE()"));
	ck_assert_int_eq(retention_status(&db, &a, today, &s), DB_OK);
	ck_assert_uint_eq(s.due, 0);
	ck_assert_int_eq(s.remind, 0);
	th_sql(&db, "UPDATE retention_runs SET ran_at = ran_at - INTERVAL 32 "
	    "DAY");
	ck_assert_int_eq(retention_status(&db, &a, today, &s), DB_OK);
	ck_assert_uint_eq(s.due, 0);
	ck_assert_int_eq(s.remind, 1);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("privacy_erase");
	TCase	*walk = tcase_create("schema walk");
	TCase	*erase = tcase_create("erasure");
	TCase	*keep = tcase_create("retention");

	tcase_add_checked_fixture(walk, setup, teardown);
	tcase_add_test(walk, test_every_table_covered);
	tcase_add_test(walk, test_every_text_column_covered);
	tcase_add_test(walk, test_scrubs_declared);
	tcase_add_test(walk, test_scrub_text);
	suite_add_tcase(s, walk);
	tcase_add_checked_fixture(erase, setup, teardown);
	tcase_set_timeout(erase, 60);
	tcase_add_test(erase, test_no_trace);
	tcase_add_test(erase, test_erase_keeps_links);
	tcase_add_test(erase, test_erase_refusals);
	tcase_add_test(erase, test_preview);
	tcase_add_test(erase, test_kpis_and_report_unchanged);
	suite_add_tcase(s, erase);
	tcase_add_checked_fixture(keep, setup, teardown);
	tcase_set_timeout(keep, 60);
	tcase_add_test(keep, test_retention_boundaries);
	tcase_add_test(keep, test_retention_rule_audit);
	tcase_add_test(keep, test_retention_run);
	suite_add_tcase(s, keep);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
