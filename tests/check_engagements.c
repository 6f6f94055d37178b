/*
 * lib/engagements.c against a real MariaDB: whether a person was new to us
 * on an engagement (derived from the dates, so back-dating, edits, deletes
 * and restores move it), version conflicts, the cross-field checks, the
 * links and follow-ups an engagement carries, the list filters, follow-up
 * counts and done marks, and the audit rows of each change.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <check.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "directory.h"
#include "engagements.h"
#include "mentions.h"
#include "testhelp.h"
#include "users.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;

/* The cast of every test. */
static long long	 maya_user, adam_user;	/* staff */
static long long	 pat, quinn, rosa, sara;	/* people */
static long long	 council, outlet;		/* organisations */
static long long	 area_refugees, area_asylum;	/* policy areas */

static void
reset_tables(void)
{
	th_sql(&db, "DELETE FROM mention_hits; DELETE FROM mentions; "
	    "DELETE FROM feed_items; DELETE FROM feeds; DELETE FROM watch_terms; "
	    "DELETE FROM follow_ups; DELETE FROM engagement_people; "
	    "DELETE FROM engagement_organisations; DELETE FROM engagement_staff; "
	    "DELETE FROM engagement_policy_areas; DELETE FROM engagements; "
	    "DELETE FROM person_merges; DELETE FROM person_terms; "
	    "DELETE FROM people; UPDATE organisations SET parent_id = NULL; "
	    "DELETE FROM organisations; DELETE FROM kpi_rule_areas; "
	    "DELETE FROM policy_areas");
	th_reset(&db);
}

static long long
add_user(const char *name, const char *display)
{
	struct user	 u;

	ck_assert_int_eq(user_add(&db, "tester", name, display, ROLE_EDITOR,
	    "a long password"), DB_OK);
	ck_assert_int_eq(user_find(&db, &a, name, &u), DB_OK);
	return u.id;
}

static long long
add_person(const char *name, const char *category, const char *party)
{
	struct person	 p;

	memset(&p, 0, sizeof(p));
	p.full_name = name;
	p.category = category;
	p.role_title = "";
	p.party = party;
	p.house = "";
	p.constituency = "";
	p.email = "";
	p.phone = "";
	p.notes = "";
	p.is_current = 1;
	ck_assert_msg(person_save(&db, "tester", &p) == DB_OK, "%s", db.error);
	return p.id;
}

static long long
add_org(const char *name, const char *kind, const char *medium)
{
	struct organisation	 o;

	memset(&o, 0, sizeof(o));
	o.name = name;
	o.kind = kind;
	o.medium = medium;
	o.website = "";
	o.notes = "";
	ck_assert_msg(org_save(&db, "tester", &o) == DB_OK, "%s", db.error);
	return o.id;
}

static long long
add_area(const char *name, int priority)
{
	struct policy_area	 pa;

	memset(&pa, 0, sizeof(pa));
	pa.name = name;
	pa.priority = priority;
	ck_assert_msg(policy_area_save(&db, "tester", &pa) == DB_OK, "%s",
	    db.error);
	return pa.id;
}

static void
setup(void)
{
	th_db_open(&db, &conf);
	reset_tables();
	arena_init(&a);
	maya_user = add_user("maya", "Maya Cohen");
	adam_user = add_user("adam", "Adam Levi");
	pat = add_person("Pat Jones", "mp", "Labour");
	quinn = add_person("Quinn Hale", "mp", "Labour");
	rosa = add_person("Rosa Baird", "peer", "Conservative");
	sara = add_person("Sara Khan", "journalist", "");
	council = add_org("Camden Council", "council", "");
	outlet = add_org("BBC Radio 4", "media_outlet", "broadcast");
	area_refugees = add_area("Refugee protection", 1);
	area_asylum = add_area("Asylum accommodation", 0);
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

/* An engagement with every text field set, as the form would send it. */
static struct engagement
eng_new(const char *type, const char *date, const char *time_of_day,
    const char *title)
{
	struct engagement	 e;

	memset(&e, 0, sizeof(e));
	e.type = type;
	e.date = date;
	e.time = time_of_day;
	e.title = title;
	e.summary = "";
	e.outcome = "";
	e.media_medium = "";
	e.media_programme = "";
	e.media_link = "";
	return e;
}

/* The people (ids, 0-terminated) as an array in the arena. */
static struct eng_person *
people_of(const long long *ids, size_t *n)
{
	struct eng_person	*p;
	size_t			 i;

	for (*n = 0; ids[*n] != 0; (*n)++)
		continue;
	p = arena_alloc(&a, (*n + 1) * sizeof(*p));
	ck_assert_ptr_nonnull(p);
	for (i = 0; i < *n; i++)
		p[i].id = ids[i];
	return p;
}

/* Save a new engagement with people (ids, 0-terminated); its id. */
static long long
add_eng(const char *type, const char *date, const char *time_of_day,
    const char *title, const long long *ids)
{
	struct engagement	 e = eng_new(type, date, time_of_day, title);

	e.people = people_of(ids, &e.npeople);
	ck_assert_msg(engagement_save(&db, "tester", maya_user, &e) == DB_OK,
	    "%s", db.error);
	ck_assert_int_gt(e.id, 0);
	ck_assert_int_eq(e.version, 1);
	return e.id;
}

#define PEOPLE(...)	((const long long[]){ __VA_ARGS__, 0 })

/* Is person new on engagement eid, as engagement_get says?  -1: absent. */
static int
new_in_get(long long eid, long long person)
{
	struct engagement	 e;
	size_t			 i;

	ck_assert_int_eq(engagement_get(&db, &a, eid, &e), DB_OK);
	for (i = 0; i < e.npeople; i++)
		if (e.people[i].id == person)
			return e.people[i].is_new;
	return -1;
}

/* The same, as the list's rows say. */
static int
new_in_list(long long eid, long long person)
{
	struct eng_filter	 f;
	struct eng_row		*rows;
	size_t			 n, total, i, j;

	memset(&f, 0, sizeof(f));
	ck_assert_int_eq(engagement_list(&db, &a, &f, &rows, &n, &total),
	    DB_OK);
	for (i = 0; i < n; i++)
		for (j = 0; rows[i].id == eid && j < rows[i].npeople; j++)
			if (rows[i].people[j].id == person)
				return rows[i].people[j].is_new;
	return -1;
}

/* The same, as the person's contact history says. */
static int
new_in_contacts(long long eid, long long person)
{
	struct contact		*c;
	struct contact_summary	 s;
	size_t			 n, i;

	ck_assert_int_eq(person_contacts(&db, &a, NULL, person, &c, &n, &s),
	    DB_OK);
	for (i = 0; i < n; i++)
		if (c[i].engagement_id == eid)
			return c[i].is_new;
	return -1;
}

/* All three reads agree that person is (or is not) new on eid. */
#define ck_assert_new(eid, person, want) do {				\
	ck_assert_msg(new_in_get(eid, person) == (want),		\
	    "engagement_get: %s on %s should be %s", #person, #eid,	\
	    (want) ? "new" : "existing");				\
	ck_assert_msg(new_in_list(eid, person) == (want),		\
	    "engagement_list: %s on %s should be %s", #person, #eid,	\
	    (want) ? "new" : "existing");				\
	ck_assert_msg(new_in_contacts(eid, person) == (want),		\
	    "person_contacts: %s on %s should be %s", #person, #eid,	\
	    (want) ? "new" : "existing");				\
} while (0)

/* Reload, change the date, save from the loaded version. */
static void
redate(long long eid, const char *date)
{
	struct engagement	 e;

	ck_assert_int_eq(engagement_get(&db, &a, eid, &e), DB_OK);
	e.date = date;
	ck_assert_msg(engagement_save(&db, "tester", maya_user, &e) == DB_OK,
	    "%s", db.error);
}

/* YYYY-MM-DD of today (UTC, as the database sees it) plus days. */
static const char *
day(int days)
{
	time_t		 t = time(NULL) + (time_t)days * 86400;
	struct tm	 tm;
	char		 buf[16];

	ck_assert_ptr_nonnull(gmtime_r(&t, &tm));
	ck_assert_uint_eq(strftime(buf, sizeof(buf), "%Y-%m-%d", &tm), 10);
	return arena_strdup(&a, buf);
}

START_TEST(test_new_versus_existing)
{
	long long	 ea, eb, ec;

	ea = add_eng("meeting", "2025-03-01", "", "A", PEOPLE(pat));
	eb = add_eng("meeting", "2025-05-01", "", "B", PEOPLE(pat, quinn));
	ck_assert_new(ea, pat, 1);
	ck_assert_new(eb, pat, 0);
	ck_assert_new(eb, quinn, 1);

	/* Back-dated: C is now Pat's first, A and B are not. */
	ec = add_eng("written_briefing", "2025-01-15", "", "C", PEOPLE(pat));
	ck_assert_new(ec, pat, 1);
	ck_assert_new(ea, pat, 0);
	ck_assert_new(eb, pat, 0);
	ck_assert_new(eb, quinn, 1);

	/* Deleting C makes A the first again; restoring it undoes that. */
	ck_assert_int_eq(engagement_delete(&db, "tester", ec), DB_OK);
	ck_assert_new(ea, pat, 1);
	ck_assert_new(eb, pat, 0);
	ck_assert_int_eq(new_in_contacts(ec, pat), -1);
	ck_assert_int_eq(engagement_restore(&db, "tester", ec), DB_OK);
	ck_assert_new(ec, pat, 1);
	ck_assert_new(ea, pat, 0);

	/* Editing B's date to before them all makes B the first. */
	redate(eb, "2024-12-01");
	ck_assert_new(eb, pat, 1);
	ck_assert_new(eb, quinn, 1);
	ck_assert_new(ec, pat, 0);
	ck_assert_new(ea, pat, 0);
}
END_TEST

START_TEST(test_new_same_day_by_time)
{
	long long	 late, early;

	/* Entered first (lower id) but later in the day. */
	late = add_eng("meeting", "2025-06-01", "14:00", "Afternoon",
	    PEOPLE(pat));
	early = add_eng("meeting", "2025-06-01", "09:30", "Morning",
	    PEOPLE(pat));
	ck_assert_int_lt(late, early);
	ck_assert_new(early, pat, 1);
	ck_assert_new(late, pat, 0);
}
END_TEST

START_TEST(test_new_same_day_no_times)
{
	long long	 first, second;

	first = add_eng("meeting", "2025-06-01", "", "First", PEOPLE(pat));
	second = add_eng("meeting", "2025-06-01", "", "Second", PEOPLE(pat));
	ck_assert_int_lt(first, second);
	ck_assert_new(first, pat, 1);
	ck_assert_new(second, pat, 0);
}
END_TEST

/* No time counts as 00:00: before any time that day, tied with midnight. */
START_TEST(test_new_timeless_is_start_of_day)
{
	long long	 timed, timeless, midnight, timeless2;

	timed = add_eng("meeting", "2025-06-01", "09:00", "Timed", PEOPLE(pat));
	timeless = add_eng("meeting", "2025-06-01", "", "Timeless",
	    PEOPLE(pat));
	ck_assert_new(timeless, pat, 1);
	ck_assert_new(timed, pat, 0);

	midnight = add_eng("meeting", "2025-07-01", "00:00", "Midnight",
	    PEOPLE(quinn));
	timeless2 = add_eng("meeting", "2025-07-01", "", "No time",
	    PEOPLE(quinn));
	ck_assert_new(midnight, quinn, 1);
	ck_assert_new(timeless2, quinn, 0);
}
END_TEST

START_TEST(test_conflict)
{
	struct engagement	 one, two, got;
	long long		 id;

	id = add_eng("meeting", "2025-03-01", "10:00", "Original",
	    PEOPLE(pat));
	ck_assert_int_eq(engagement_get(&db, &a, id, &one), DB_OK);
	ck_assert_int_eq(engagement_get(&db, &a, id, &two), DB_OK);
	ck_assert_int_eq(one.version, 1);
	ck_assert_int_eq(two.version, 1);

	one.title = "First editor";
	ck_assert_int_eq(engagement_save(&db, "one", maya_user, &one), DB_OK);
	ck_assert_int_eq(one.version, 2);

	two.title = "Second editor";
	two.date = "2025-04-01";
	two.people = people_of(PEOPLE(rosa), &two.npeople);
	ck_assert_int_eq(engagement_save(&db, "two", maya_user, &two),
	    DB_CONFLICT);
	ck_assert_int_eq(two.version, 1);

	ck_assert_int_eq(engagement_get(&db, &a, id, &got), DB_OK);
	ck_assert_str_eq(got.title, "First editor");
	ck_assert_str_eq(got.date, "2025-03-01");
	ck_assert_int_eq(got.version, 2);
	ck_assert_uint_eq(got.npeople, 1);
	ck_assert_int_eq(got.people[0].id, pat);

	/* A deleted engagement cannot be saved, even from its own version. */
	ck_assert_int_eq(engagement_delete(&db, "tester", id), DB_OK);
	ck_assert_int_eq(engagement_get(&db, &a, id, &got), DB_OK);
	ck_assert_int_eq(got.deleted, 1);
	got.title = "Edited after delete";
	ck_assert_int_eq(engagement_save(&db, "tester", maya_user, &got),
	    DB_CONFLICT);
	ck_assert_int_eq(engagement_get(&db, &a, id, &got), DB_OK);
	ck_assert_str_eq(got.title, "First editor");
	ck_assert_int_eq(engagement_save(&db, "tester", maya_user, &one),
	    DB_CONFLICT);
	ck_assert_int_eq(engagement_get(&db, &a, id + 1000, &got),
	    DB_NOTFOUND);
}
END_TEST

/* One cross-field check: what to change from a valid engagement. */
struct check_case {
	const char	*name;
	const char	*type;
	const char	*date;
	const char	*time;
	const char	*title;
	const char	*medium;
	const char	*link;
	const char	*fu_action;	/* NULL: no follow-up */
	const char	*fu_due;
	const char	*field;		/* the problem, or NULL for none */
	const char	*message;	/* NULL: any */
};

#define VALID	"meeting", "2025-03-14", "14:30", "Briefing"
static const struct check_case check_cases[] = {
	{ "valid", VALID, "", "", NULL, NULL, NULL, NULL },
	{ "valid with follow-up", VALID, "", "", "Send report", "2025-04-01",
	    NULL, NULL },
	{ "valid without time", "meeting", "2025-03-14", "", "Briefing", "",
	    "", NULL, NULL, NULL, NULL },
	{ "missing date", "meeting", "", "14:30", "Briefing", "", "", NULL,
	    NULL, "date", "Date is required." },
	{ "NULL date", "meeting", NULL, "14:30", "Briefing", "", "", NULL,
	    NULL, "date", "Date is required." },
	{ "2025-02-30", "meeting", "2025-02-30", "14:30", "Briefing", "", "",
	    NULL, NULL, "date", "That date does not exist." },
	{ "2025-02-29", "meeting", "2025-02-29", "", "Briefing", "", "",
	    NULL, NULL, "date", "That date does not exist." },
	{ "14/03/2025", "meeting", "14/03/2025", "", "Briefing", "", "",
	    NULL, NULL, "date", NULL },
	{ "time 25:00", "meeting", "2025-03-14", "25:00", "Briefing", "", "",
	    NULL, NULL, "time", NULL },
	{ "time 24:00", "meeting", "2025-03-14", "24:00", "Briefing", "", "",
	    NULL, NULL, "time", NULL },
	{ "time 9:5", "meeting", "2025-03-14", "9:5", "Briefing", "", "",
	    NULL, NULL, "time", NULL },
	{ "time 12:60", "meeting", "2025-03-14", "12:60", "Briefing", "", "",
	    NULL, NULL, "time", NULL },
	{ "time 14:30pm", "meeting", "2025-03-14", "14:30pm", "Briefing", "",
	    "", NULL, NULL, "time", NULL },
	{ "missing title", "meeting", "2025-03-14", "", "", "", "", NULL, NULL,
	    "title", "Title is required." },
	{ "NULL title", "meeting", "2025-03-14", "", NULL, "", "", NULL, NULL,
	    "title", "Title is required." },
	{ "media without medium", "media_appearance", "2025-03-14", "",
	    "Interview", "", "", NULL, NULL, "media_medium", NULL },
	{ "media with medium", "media_appearance", "2025-03-14", "",
	    "Interview", "broadcast", "https://www.bbc.co.uk/programmes/x",
	    NULL, NULL, NULL, NULL },
	{ "javascript link", VALID, "", "javascript:alert(1)", NULL, NULL,
	    "media_link", NULL },
	{ "ftp link", VALID, "", "ftp://example.org/", NULL, NULL,
	    "media_link", NULL },
	{ "bare https", VALID, "", "https://", NULL, NULL, "media_link", NULL },
	{ "http link", VALID, "", "http://example.org/a", NULL, NULL, NULL,
	    NULL },
	{ "follow-up without action", VALID, "", "", "", "2025-04-01",
	    "followups", "Each follow-up needs an action." },
	{ "follow-up bad due", VALID, "", "", "Send report", "2025-04-31",
	    "followups", NULL },
	{ "follow-up due not a date", VALID, "", "", "Send report", "soon",
	    "followups", NULL },
	{ "follow-up without due", VALID, "", "", "Send report", "", NULL,
	    NULL },
};
#undef VALID

START_TEST(test_check)
{
	const struct check_case	*c = &check_cases[_i];
	struct engagement	 e = eng_new(c->type, c->date, c->time, c->title);
	struct followup		 fu;
	struct eng_problem	 out[8];
	size_t			 n;

	e.media_medium = c->medium;
	e.media_link = c->link;
	if (c->fu_action != NULL) {
		memset(&fu, 0, sizeof(fu));
		fu.action = c->fu_action;
		fu.due_on = c->fu_due;
		e.followups = &fu;
		e.nfollowups = 1;
	}
	n = engagement_check(&e, out, 8);
	if (c->field == NULL) {
		ck_assert_msg(n == 0, "%s: %zu problems, first %s: %s", c->name,
		    n, n ? out[0].field : "", n ? out[0].message : "");
		return;
	}
	ck_assert_msg(n == 1, "%s: %zu problems", c->name, n);
	ck_assert_msg(strcmp(out[0].field, c->field) == 0, "%s: field %s",
	    c->name, out[0].field);
	ck_assert_ptr_nonnull(out[0].message);
	ck_assert_uint_gt(strlen(out[0].message), 0);
	if (c->message != NULL)
		ck_assert_str_eq(out[0].message, c->message);
}
END_TEST

/* More problems than room: all counted, only max written. */
START_TEST(test_check_counts_beyond_max)
{
	struct engagement	 e = eng_new("media_appearance", "2025-02-30",
	    "99:99", "");
	struct eng_problem	 out[3];

	memset(out, 0, sizeof(out));
	e.media_link = "javascript:alert(1)";
	ck_assert_uint_eq(engagement_check(&e, out, 2), 5);
	ck_assert_str_eq(out[0].field, "date");
	ck_assert_str_eq(out[1].field, "time");
	ck_assert_ptr_null(out[2].field);
	ck_assert_uint_eq(engagement_check(&e, out, 0), 5);
}
END_TEST

START_TEST(test_links)
{
	struct engagement	 e = eng_new("meeting", "2025-03-14", "10:30",
	    "Roundtable");
	struct engagement	 got;
	struct eng_ref		 orgs[2], staff[2], areas[2];
	struct followup		 fu[2];
	long long		 id;

	memset(orgs, 0, sizeof(orgs));
	memset(staff, 0, sizeof(staff));
	memset(areas, 0, sizeof(areas));
	memset(fu, 0, sizeof(fu));
	e.summary = "We discussed *resettlement*.";
	e.outcome = "Agreed to meet again.";
	e.people = people_of(PEOPLE(rosa, pat), &e.npeople);
	orgs[0].id = outlet;
	orgs[1].id = council;
	e.orgs = orgs;
	e.norgs = 2;
	staff[0].id = maya_user;
	staff[1].id = adam_user;
	e.staff = staff;
	e.nstaff = 2;
	areas[0].id = area_asylum;
	areas[1].id = area_refugees;
	e.areas = areas;
	e.nareas = 2;
	fu[0].action = "Send the briefing";
	fu[0].owner_id = maya_user;
	fu[0].due_on = "2025-03-21";
	fu[1].action = "Book a visit";
	fu[1].due_on = "";
	e.followups = fu;
	e.nfollowups = 2;
	ck_assert_msg(engagement_save(&db, "tester", adam_user, &e) == DB_OK,
	    "%s", db.error);
	id = e.id;

	ck_assert_int_eq(engagement_get(&db, &a, id, &got), DB_OK);
	ck_assert_int_eq(got.id, id);
	ck_assert_str_eq(got.type, "meeting");
	ck_assert_str_eq(got.type_label, "Meeting");
	ck_assert_str_eq(got.date, "2025-03-14");
	ck_assert_str_eq(got.time, "10:30");
	ck_assert_str_eq(got.title, "Roundtable");
	ck_assert_str_eq(got.summary, "We discussed *resettlement*.");
	ck_assert_str_eq(got.outcome, "Agreed to meet again.");
	ck_assert_str_eq(got.created_by_name, "Adam Levi");
	ck_assert_int_eq(got.version, 1);
	ck_assert_int_eq(got.deleted, 0);
	/* People by name, with party and category. */
	ck_assert_uint_eq(got.npeople, 2);
	ck_assert_int_eq(got.people[0].id, pat);
	ck_assert_str_eq(got.people[0].name, "Pat Jones");
	ck_assert_str_eq(got.people[0].party, "Labour");
	ck_assert_str_eq(got.people[0].category_label, "MP");
	ck_assert_int_eq(got.people[1].id, rosa);
	ck_assert_str_eq(got.people[1].name, "Rosa Baird");
	ck_assert_str_eq(got.people[1].party, "Conservative");
	ck_assert_str_eq(got.people[1].category_label, "Peer");
	ck_assert_uint_eq(got.norgs, 2);
	ck_assert_int_eq(got.orgs[0].id, outlet);
	ck_assert_str_eq(got.orgs[0].name, "BBC Radio 4");
	ck_assert_int_eq(got.orgs[1].id, council);
	ck_assert_str_eq(got.orgs[1].name, "Camden Council");
	ck_assert_uint_eq(got.nstaff, 2);
	ck_assert_int_eq(got.staff[0].id, adam_user);
	ck_assert_str_eq(got.staff[0].name, "Adam Levi");
	ck_assert_int_eq(got.staff[1].id, maya_user);
	ck_assert_str_eq(got.staff[1].name, "Maya Cohen");
	/* Policy areas: priority ones first. */
	ck_assert_uint_eq(got.nareas, 2);
	ck_assert_int_eq(got.areas[0].id, area_refugees);
	ck_assert_str_eq(got.areas[0].name, "Refugee protection");
	ck_assert_int_eq(got.areas[0].flag, 1);
	ck_assert_int_eq(got.areas[1].id, area_asylum);
	ck_assert_int_eq(got.areas[1].flag, 0);
	ck_assert_uint_eq(got.nfollowups, 2);
	ck_assert_str_eq(got.followups[0].action, "Send the briefing");
	ck_assert_int_eq(got.followups[0].owner_id, maya_user);
	ck_assert_str_eq(got.followups[0].owner_name, "Maya Cohen");
	ck_assert_str_eq(got.followups[0].due_on, "2025-03-21");
	ck_assert_int_eq(got.followups[0].done, 0);
	ck_assert_int_eq(got.followups[0].engagement_id, id);
	ck_assert_str_eq(got.followups[1].action, "Book a visit");
	ck_assert_int_eq(got.followups[1].owner_id, 0);
	ck_assert_str_eq(got.followups[1].owner_name, "");
	ck_assert_str_eq(got.followups[1].due_on, "");

	/* Replacing the people keeps only the new ones; the rest stays. */
	got.people = people_of(PEOPLE(quinn), &got.npeople);
	ck_assert_msg(engagement_save(&db, "tester", maya_user, &got) == DB_OK,
	    "%s", db.error);
	ck_assert_int_eq(got.version, 2);
	ck_assert_int_eq(engagement_get(&db, &a, id, &got), DB_OK);
	ck_assert_uint_eq(got.npeople, 1);
	ck_assert_int_eq(got.people[0].id, quinn);
	ck_assert_str_eq(got.people[0].name, "Quinn Hale");
	ck_assert_uint_eq(got.norgs, 2);
	ck_assert_uint_eq(got.nstaff, 2);
	ck_assert_uint_eq(got.nareas, 2);
	ck_assert_uint_eq(got.nfollowups, 2);
	ck_assert_str_eq(got.created_by_name, "Adam Levi");
	ck_assert_int_eq(new_in_contacts(id, pat), -1);
	ck_assert_int_eq(new_in_contacts(id, rosa), -1);
	ck_assert_int_eq(new_in_contacts(id, quinn), 1);

	/* And emptying every link list leaves none. */
	got.npeople = got.norgs = got.nstaff = got.nareas = 0;
	got.nfollowups = 0;
	ck_assert_int_eq(engagement_save(&db, "tester", maya_user, &got), DB_OK);
	ck_assert_int_eq(engagement_get(&db, &a, id, &got), DB_OK);
	ck_assert_uint_eq(got.npeople + got.norgs + got.nstaff + got.nareas +
	    got.nfollowups, 0);
}
END_TEST

START_TEST(test_media_fields)
{
	struct engagement	 e = eng_new("media_appearance", "2025-03-14",
	    "", "Today programme");
	struct engagement	 got;

	e.media_outlet_id = outlet;
	e.media_medium = "broadcast";
	e.media_programme = "Today";
	e.media_link = "https://www.bbc.co.uk/programmes/today";
	ck_assert_int_eq(engagement_save(&db, "tester", maya_user, &e), DB_OK);
	ck_assert_int_eq(engagement_get(&db, &a, e.id, &got), DB_OK);
	ck_assert_str_eq(got.type_label, "Media appearance");
	ck_assert_str_eq(got.time, "");
	ck_assert_int_eq(got.media_outlet_id, outlet);
	ck_assert_str_eq(got.media_outlet_name, "BBC Radio 4");
	ck_assert_str_eq(got.media_medium, "broadcast");
	ck_assert_str_eq(got.media_programme, "Today");
	ck_assert_str_eq(got.media_link,
	    "https://www.bbc.co.uk/programmes/today");
}
END_TEST

/* The list's rows as "title,title,...". */
static const char *
listed(const struct eng_filter *f, size_t *total)
{
	struct eng_row	*rows;
	size_t		 n, i;
	const char	*s = "";

	ck_assert_int_eq(engagement_list(&db, &a, f, &rows, &n, total), DB_OK);
	for (i = 0; i < n; i++)
		s = arena_printf(&a, "%s%s%s", s, i ? "," : "", rows[i].title);
	return s;
}

/* The list fixture: four live engagements and a deleted one. */
static void
list_fixture(long long *ids)
{
	struct engagement	 e;

	e = eng_new("meeting", "2025-01-10", "", "Budget round");
	e.summary = "Talked about housing for new arrivals.";
	e.people = people_of(PEOPLE(pat), &e.npeople);
	e.areas = &(struct eng_ref){ area_refugees, NULL, 0 };
	e.nareas = 1;
	ck_assert_int_eq(engagement_save(&db, "tester", maya_user, &e), DB_OK);
	ids[0] = e.id;
	ids[1] = add_eng("written_briefing", "2025-02-20", "09:00",
	    "Letter on asylum", PEOPLE(rosa));
	e = eng_new("media_appearance", "2025-02-20", "15:00",
	    "Radio interview");
	e.media_medium = "broadcast";
	e.outcome = "Aired on the 100% Local show";
	e.people = people_of(PEOPLE(sara), &e.npeople);
	ck_assert_int_eq(engagement_save(&db, "tester", maya_user, &e), DB_OK);
	ids[2] = e.id;
	e = eng_new("correspondence", "2025-03-05", "", "Follow-up letter");
	e.people = people_of(PEOPLE(rosa, pat), &e.npeople);
	e.areas = &(struct eng_ref){ area_asylum, NULL, 0 };
	e.nareas = 1;
	ck_assert_int_eq(engagement_save(&db, "tester", maya_user, &e), DB_OK);
	ids[3] = e.id;
	ids[4] = add_eng("meeting", "2025-04-01", "", "Deleted meeting",
	    PEOPLE(pat));
	ck_assert_int_eq(engagement_delete(&db, "tester", ids[4]), DB_OK);
}

START_TEST(test_list_filters)
{
	struct eng_filter	 f;
	size_t			 total;
	long long		 ids[5];

	list_fixture(ids);
	memset(&f, 0, sizeof(f));
	/* Newest first: date, then time (none is the start of the day). */
	ck_assert_str_eq(listed(&f, &total), "Follow-up letter,Radio interview,"
	    "Letter on asylum,Budget round");
	ck_assert_uint_eq(total, 4);

	f.from = "2025-02-20";
	f.to = "2025-03-05";
	ck_assert_str_eq(listed(&f, &total), "Follow-up letter,Radio interview,"
	    "Letter on asylum");
	ck_assert_uint_eq(total, 3);
	f.to = "2025-02-20";
	ck_assert_str_eq(listed(&f, &total), "Radio interview,Letter on asylum");
	f.from = "";
	f.to = "2025-01-10";
	ck_assert_str_eq(listed(&f, &total), "Budget round");
	f.from = "2025-03-06";
	f.to = NULL;
	ck_assert_str_eq(listed(&f, &total), "");
	ck_assert_uint_eq(total, 0);
	memset(&f, 0, sizeof(f));

	f.type = "meeting";
	ck_assert_str_eq(listed(&f, &total), "Budget round");
	ck_assert_uint_eq(total, 1);
	f.type = "media_appearance";
	ck_assert_str_eq(listed(&f, &total), "Radio interview");
	f.type = "";
	ck_assert_str_eq(listed(&f, &total), "Follow-up letter,Radio interview,"
	    "Letter on asylum,Budget round");
	f.type = NULL;

	f.person_id = pat;
	ck_assert_str_eq(listed(&f, &total), "Follow-up letter,Budget round");
	ck_assert_uint_eq(total, 2);
	f.person_id = quinn;
	ck_assert_str_eq(listed(&f, &total), "");
	f.person_id = 0;

	f.party = "Conservative";
	ck_assert_str_eq(listed(&f, &total), "Follow-up letter,Letter on asylum");
	f.party = "Labour";
	ck_assert_str_eq(listed(&f, &total), "Follow-up letter,Budget round");
	f.party = NULL;

	f.category = "journalist";
	ck_assert_str_eq(listed(&f, &total), "Radio interview");
	f.category = "peer";
	ck_assert_str_eq(listed(&f, &total), "Follow-up letter,Letter on asylum");
	f.category = NULL;

	f.policy_area_id = area_refugees;
	ck_assert_str_eq(listed(&f, &total), "Budget round");
	f.policy_area_id = area_asylum;
	ck_assert_str_eq(listed(&f, &total), "Follow-up letter");
	f.policy_area_id = 0;

	f.q = "ASYLUM";				/* title */
	ck_assert_str_eq(listed(&f, &total), "Letter on asylum");
	f.q = "housing";			/* summary */
	ck_assert_str_eq(listed(&f, &total), "Budget round");
	f.q = "Local show";			/* outcome */
	ck_assert_str_eq(listed(&f, &total), "Radio interview");
	f.q = "Khan";				/* a person's name */
	ck_assert_str_eq(listed(&f, &total), "Radio interview");
	f.q = "Pat J";
	ck_assert_str_eq(listed(&f, &total), "Follow-up letter,Budget round");
	ck_assert_uint_eq(total, 2);
	f.q = "100%";				/* literal % */
	ck_assert_str_eq(listed(&f, &total), "Radio interview");
	f.q = "_";				/* literal _ */
	ck_assert_str_eq(listed(&f, &total), "");
	ck_assert_uint_eq(total, 0);
	f.q = "Deleted";
	ck_assert_str_eq(listed(&f, &total), "");
	f.q = NULL;

	f.deleted = 1;
	ck_assert_str_eq(listed(&f, &total), "Deleted meeting");
	ck_assert_uint_eq(total, 1);
	f.deleted = 0;

	/* Filters combine. */
	f.party = "Labour";
	f.from = "2025-02-01";
	ck_assert_str_eq(listed(&f, &total), "Follow-up letter");
	ck_assert_uint_eq(total, 1);
}
END_TEST

START_TEST(test_list_rows_and_pages)
{
	struct eng_filter	 f;
	struct eng_row		*rows;
	size_t			 n, total;
	long long		 ids[5];

	list_fixture(ids);
	memset(&f, 0, sizeof(f));
	ck_assert_int_eq(engagement_list(&db, &a, &f, &rows, &n, &total),
	    DB_OK);
	ck_assert_uint_eq(n, 4);
	/* Follow-up letter: Pat and Rosa by name, both met before. */
	ck_assert_int_eq(rows[0].id, ids[3]);
	ck_assert_str_eq(rows[0].date, "2025-03-05");
	ck_assert_str_eq(rows[0].time, "");
	ck_assert_str_eq(rows[0].type_label, "Correspondence");
	ck_assert_uint_eq(rows[0].npeople, 2);
	ck_assert_int_eq(rows[0].people[0].id, pat);
	ck_assert_str_eq(rows[0].people[0].name, "Pat Jones");
	ck_assert_str_eq(rows[0].people[0].party, "Labour");
	ck_assert_str_eq(rows[0].people[0].category_label, "MP");
	ck_assert_int_eq(rows[0].people[0].is_new, 0);
	ck_assert_int_eq(rows[0].people[1].id, rosa);
	ck_assert_str_eq(rows[0].people[1].party, "Conservative");
	ck_assert_int_eq(rows[0].people[1].is_new, 0);
	ck_assert_int_eq(rows[1].id, ids[2]);
	ck_assert_str_eq(rows[1].time, "15:00");
	ck_assert_uint_eq(rows[1].npeople, 1);
	ck_assert_int_eq(rows[1].people[0].id, sara);
	ck_assert_int_eq(rows[1].people[0].is_new, 1);
	ck_assert_int_eq(rows[2].id, ids[1]);
	ck_assert_str_eq(rows[2].time, "09:00");
	ck_assert_int_eq(rows[2].people[0].id, rosa);
	ck_assert_int_eq(rows[2].people[0].is_new, 1);
	ck_assert_int_eq(rows[3].id, ids[0]);
	ck_assert_int_eq(rows[3].people[0].id, pat);
	ck_assert_int_eq(rows[3].people[0].is_new, 1);

	/* A page of two from the second row: people follow their rows. */
	f.limit = 2;
	f.offset = 1;
	ck_assert_int_eq(engagement_list(&db, &a, &f, &rows, &n, &total),
	    DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(total, 4);
	ck_assert_int_eq(rows[0].id, ids[2]);
	ck_assert_uint_eq(rows[0].npeople, 1);
	ck_assert_int_eq(rows[0].people[0].id, sara);
	ck_assert_int_eq(rows[1].id, ids[1]);
	ck_assert_uint_eq(rows[1].npeople, 1);
	ck_assert_int_eq(rows[1].people[0].id, rosa);
	f.offset = 3;
	ck_assert_int_eq(engagement_list(&db, &a, &f, &rows, &n, &total),
	    DB_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(total, 4);
	ck_assert_int_eq(rows[0].id, ids[0]);
	ck_assert_uint_eq(rows[0].npeople, 1);

	/* A row with nobody has no people. */
	add_eng("consultation_response", "2025-05-01", "", "Consultation",
	    (const long long[]){ 0 });
	f.limit = 1;
	f.offset = 0;
	ck_assert_int_eq(engagement_list(&db, &a, &f, &rows, &n, &total),
	    DB_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(total, 5);
	ck_assert_str_eq(rows[0].title, "Consultation");
	ck_assert_uint_eq(rows[0].npeople, 0);
}
END_TEST

/* Save an engagement with follow-ups (action, owner, due); its id. */
static long long
add_with_followups(const char *title, struct followup *fu, size_t n)
{
	struct engagement	 e = eng_new("meeting", day(-20), "", title);

	e.people = people_of(PEOPLE(pat), &e.npeople);
	e.followups = fu;
	e.nfollowups = n;
	ck_assert_msg(engagement_save(&db, "tester", maya_user, &e) == DB_OK,
	    "%s", db.error);
	return e.id;
}

static long long
followup_id(long long eid, const char *action)
{
	struct engagement	 e;
	size_t			 i;

	ck_assert_int_eq(engagement_get(&db, &a, eid, &e), DB_OK);
	for (i = 0; i < e.nfollowups; i++)
		if (strcmp(e.followups[i].action, action) == 0)
			return e.followups[i].id;
	ck_abort_msg("no follow-up %s", action);
	return 0;
}

/* followups_count for user with "today" days from the real today. */
static void
counts(long long user, int days, long *open, long *overdue)
{
	ck_assert_int_eq(followups_count(&db, user, day(days), open, overdue),
	    DB_OK);
}

static const char *
actions_for(long long user)
{
	struct followup	*list;
	size_t		 n, i;
	const char	*s = "";

	ck_assert_int_eq(followups_for(&db, &a, NULL, user, &list, &n), DB_OK);
	for (i = 0; i < n; i++)
		s = arena_printf(&a, "%s%s%s%s", s, i ? "," : "", list[i].action,
		    list[i].done ? " (done)" : "");
	return s;
}

START_TEST(test_followups)
{
	struct followup		 fu[5], *list;
	struct engagement	 before, after;
	struct audit_entry	*h;
	long			 open, overdue;
	size_t			 n;
	long long		 eid, fid;
	char			 field[48];

	memset(fu, 0, sizeof(fu));
	fu[0].action = "Send report";
	fu[0].owner_id = maya_user;
	fu[0].due_on = day(7);
	fu[1].action = "Call back";
	fu[1].owner_id = maya_user;
	fu[1].due_on = day(-10);
	fu[2].action = "Whenever";
	fu[2].owner_id = maya_user;
	fu[2].due_on = "";
	fu[3].action = "Due today";
	fu[3].owner_id = maya_user;
	fu[3].due_on = day(0);
	fu[4].action = "Adam's job";
	fu[4].owner_id = adam_user;
	fu[4].due_on = day(-1);
	eid = add_with_followups("Meeting with actions", fu, 5);

	/* Open ones by due date, those without one last. */
	ck_assert_str_eq(actions_for(maya_user),
	    "Call back,Due today,Send report,Whenever");
	ck_assert_int_eq(followups_for(&db, &a, NULL, maya_user, &list, &n),
	    DB_OK);
	ck_assert_str_eq(list[0].engagement_title, "Meeting with actions");
	ck_assert_int_eq(list[0].engagement_id, eid);
	ck_assert_str_eq(list[0].due_on, day(-10));
	ck_assert_str_eq(list[0].owner_name, "Maya Cohen");
	ck_assert_str_eq(actions_for(adam_user), "Adam's job");
	/* Due today is not overdue yet. */
	counts(maya_user, 0, &open, &overdue);
	ck_assert_int_eq(open, 4);
	ck_assert_int_eq(overdue, 1);
	counts(adam_user, 0, &open, &overdue);
	ck_assert_int_eq(open, 1);
	ck_assert_int_eq(overdue, 1);
	/* Overdue is relative to the caller's today. */
	counts(maya_user, 8, &open, &overdue);
	ck_assert_int_eq(open, 4);
	ck_assert_int_eq(overdue, 3);
	counts(maya_user, 1, &open, &overdue);
	ck_assert_int_eq(overdue, 2);
	counts(maya_user, -10, &open, &overdue);
	ck_assert_int_eq(overdue, 0);

	/* Done: it moves after the open ones and the counts drop. */
	ck_assert_int_eq(engagement_get(&db, &a, eid, &before), DB_OK);
	fid = followup_id(eid, "Call back");
	ck_assert_int_eq(followup_set_done(&db, "maya", fid, 1), DB_OK);
	ck_assert_str_eq(actions_for(maya_user),
	    "Due today,Send report,Whenever,Call back (done)");
	counts(maya_user, 0, &open, &overdue);
	ck_assert_int_eq(open, 3);
	ck_assert_int_eq(overdue, 0);
	ck_assert_int_eq(engagement_get(&db, &a, eid, &after), DB_OK);
	ck_assert_int_eq(after.version, before.version + 1);
	ck_assert_int_eq(after.followups[1].id, fid);
	ck_assert_int_eq(after.followups[1].done, 1);
	ck_assert_uint_eq(strlen(after.followups[1].done_at), 19);

	/* An edit opened before the mark would undo it: a conflict. */
	before.title = "Edited from the old version";
	ck_assert_int_eq(engagement_save(&db, "adam", adam_user, &before),
	    DB_CONFLICT);
	ck_assert_int_eq(engagement_get(&db, &a, eid, &before), DB_OK);
	ck_assert_str_eq(before.title, "Meeting with actions");
	ck_assert_int_eq(before.followups[1].done, 1);

	/* The mark is in the engagement's history. */
	ck_assert_int_eq(audit_history(&db, &a, "engagement", eid, &h, &n),
	    DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(h[0].action, "follow-up");
	ck_assert_str_eq(h[0].actor, "maya");
	snprintf(field, sizeof(field), "follow-up %lld", fid);
	ck_assert_uint_eq(h[0].nchanges, 1);
	ck_assert_str_eq(h[0].changes[0].field, field);
	ck_assert_str_eq(h[0].changes[0].after, "done");

	/* Open again. */
	ck_assert_int_eq(followup_set_done(&db, "maya", fid, 0), DB_OK);
	counts(maya_user, 0, &open, &overdue);
	ck_assert_int_eq(open, 4);
	ck_assert_int_eq(overdue, 1);
	ck_assert_int_eq(engagement_get(&db, &a, eid, &after), DB_OK);
	ck_assert_int_eq(after.version, before.version + 1);
	ck_assert_int_eq(after.followups[1].done, 0);
	ck_assert_str_eq(after.followups[1].done_at, "");

	ck_assert_int_eq(followup_set_done(&db, "maya", fid + 1000, 1),
	    DB_NOTFOUND);
}
END_TEST

/* An edit of the engagement keeps a done follow-up done. */
START_TEST(test_followup_done_survives_edit)
{
	struct followup		 fu[1];
	struct engagement	 e;
	long long		 eid;
	const char		*done_at;

	memset(fu, 0, sizeof(fu));
	fu[0].action = "Send report";
	fu[0].owner_id = maya_user;
	fu[0].due_on = day(3);
	eid = add_with_followups("Meeting", fu, 1);
	ck_assert_int_eq(followup_set_done(&db, "maya",
	    followup_id(eid, "Send report"), 1), DB_OK);
	ck_assert_int_eq(engagement_get(&db, &a, eid, &e), DB_OK);
	done_at = e.followups[0].done_at;
	e.title = "Meeting, edited";
	ck_assert_int_eq(engagement_save(&db, "maya", maya_user, &e), DB_OK);
	ck_assert_int_eq(engagement_get(&db, &a, eid, &e), DB_OK);
	ck_assert_str_eq(e.title, "Meeting, edited");
	ck_assert_uint_eq(e.nfollowups, 1);
	ck_assert_int_eq(e.followups[0].done, 1);
	ck_assert_str_eq(e.followups[0].done_at, done_at);
	ck_assert_str_eq(e.followups[0].due_on, day(3));
}
END_TEST

/*
 * Edits keep follow-ups' ids: a "mark done" page open elsewhere and the
 * audit log still find them.  Rows without an id are added; rows left
 * off are deleted; an id from another engagement is not taken over.
 */
START_TEST(test_followup_ids_kept_across_edits)
{
	struct followup		 fu[2], more[3];
	struct engagement	 e;
	long long		 eid, other, keep, drop, foreign;

	memset(fu, 0, sizeof(fu));
	fu[0].action = "Keep me";
	fu[1].action = "Drop me";
	eid = add_with_followups("Ids", fu, 2);
	other = add_with_followups("Other", fu, 1);
	keep = followup_id(eid, "Keep me");
	drop = followup_id(eid, "Drop me");
	foreign = followup_id(other, "Keep me");
	ck_assert_int_eq(engagement_get(&db, &a, eid, &e), DB_OK);
	memset(more, 0, sizeof(more));
	more[0].id = keep;
	more[0].action = "Keep me, reworded";
	more[1].action = "New one";
	more[2].id = foreign;
	more[2].action = "Not theirs";
	e.followups = more;
	e.nfollowups = 3;
	ck_assert_int_eq(engagement_save(&db, "maya", maya_user, &e), DB_OK);
	ck_assert_int_eq(followup_id(eid, "Keep me, reworded"), keep);
	ck_assert_int_ne(followup_id(eid, "Not theirs"), foreign);
	ck_assert_int_eq(engagement_get(&db, &a, eid, &e), DB_OK);
	ck_assert_uint_eq(e.nfollowups, 3);
	ck_assert_int_eq(followup_set_done(&db, "maya", drop, 1), DB_NOTFOUND);
	ck_assert_int_eq(followup_id(other, "Keep me"), foreign);
	ck_assert_int_eq(followup_set_done(&db, "maya", keep, 1), DB_OK);
}
END_TEST

/* Done ones stay on the list for 30 days, after the open ones. */
START_TEST(test_followups_done_window)
{
	struct followup		 fu[3];
	long			 open, overdue;

	memset(fu, 0, sizeof(fu));
	fu[0].action = "Done long ago";
	fu[0].owner_id = maya_user;
	fu[0].due_on = day(-50);
	fu[0].done = 1;
	fu[0].done_at = arena_printf(&a, "%s 12:00:00", day(-40));
	fu[1].action = "Done lately";
	fu[1].owner_id = maya_user;
	fu[1].due_on = day(-20);
	fu[1].done = 1;
	fu[1].done_at = arena_printf(&a, "%s 12:00:00", day(-5));
	fu[2].action = "Still open";
	fu[2].owner_id = maya_user;
	fu[2].due_on = day(30);
	add_with_followups("Meeting", fu, 3);
	ck_assert_str_eq(actions_for(maya_user),
	    "Still open,Done lately (done)");
	counts(maya_user, 0, &open, &overdue);
	ck_assert_int_eq(open, 1);
	ck_assert_int_eq(overdue, 0);
}
END_TEST

START_TEST(test_followups_of_deleted_engagement)
{
	struct followup		 fu[1];
	long			 open, overdue;
	long long		 eid, fid;

	memset(fu, 0, sizeof(fu));
	fu[0].action = "Call back";
	fu[0].owner_id = maya_user;
	fu[0].due_on = day(-2);
	eid = add_with_followups("Meeting", fu, 1);
	fid = followup_id(eid, "Call back");
	ck_assert_int_eq(engagement_delete(&db, "tester", eid), DB_OK);
	ck_assert_int_eq(followup_set_done(&db, "maya", fid, 1), DB_NOTFOUND);
	ck_assert_str_eq(actions_for(maya_user), "");
	counts(maya_user, 0, &open, &overdue);
	ck_assert_int_eq(open, 0);
	ck_assert_int_eq(overdue, 0);
	/* Restored, it is back on the list, still open. */
	ck_assert_int_eq(engagement_restore(&db, "tester", eid), DB_OK);
	ck_assert_str_eq(actions_for(maya_user), "Call back");
	counts(maya_user, 0, &open, &overdue);
	ck_assert_int_eq(open, 1);
	ck_assert_int_eq(overdue, 1);
}
END_TEST

START_TEST(test_audit)
{
	struct engagement	 e = eng_new("meeting", "2025-03-01", "", "Old title");
	struct audit_entry	*h;
	const struct audit_change *c = NULL;
	size_t			 n, i;
	long long		 id;

	e.people = people_of(PEOPLE(pat), &e.npeople);
	ck_assert_int_eq(engagement_save(&db, "creator", maya_user, &e), DB_OK);
	id = e.id;
	ck_assert_int_eq(engagement_get(&db, &a, id, &e), DB_OK);
	e.title = "New title";
	ck_assert_int_eq(engagement_save(&db, "editor", maya_user, &e), DB_OK);
	ck_assert_int_eq(engagement_delete(&db, "deleter", id), DB_OK);
	ck_assert_int_eq(engagement_delete(&db, "deleter", id), DB_NOTFOUND);
	ck_assert_int_eq(engagement_restore(&db, "restorer", id), DB_OK);
	ck_assert_int_eq(engagement_restore(&db, "restorer", id), DB_NOTFOUND);
	ck_assert_int_eq(engagement_delete(&db, "tester", id + 1000),
	    DB_NOTFOUND);

	ck_assert_int_eq(audit_history(&db, &a, "engagement", id, &h, &n),
	    DB_OK);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(h[0].action, "restore");
	ck_assert_str_eq(h[0].actor, "restorer");
	ck_assert_str_eq(h[1].action, "delete");
	ck_assert_str_eq(h[1].actor, "deleter");
	ck_assert_str_eq(h[2].action, "update");
	ck_assert_str_eq(h[2].actor, "editor");
	ck_assert_str_eq(h[3].action, "create");
	ck_assert_str_eq(h[3].actor, "creator");
	/* The update changed the title, and only the title. */
	ck_assert_msg(h[2].nchanges == 1, "%zu changes, first %s", h[2].nchanges,
	    h[2].nchanges ? h[2].changes[0].field : "");
	ck_assert_str_eq(h[2].changes[0].field, "title");
	ck_assert_str_eq(h[2].changes[0].before, "Old title");
	ck_assert_str_eq(h[2].changes[0].after, "New title");
	for (i = 0; i < h[3].nchanges; i++)
		if (strcmp(h[3].changes[i].field, "people") == 0)
			c = &h[3].changes[i];
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->after, arena_printf(&a, "%lld", pat));
	ck_assert_uint_eq(h[1].nchanges, 0);
	ck_assert_uint_eq(h[0].nchanges, 0);
}
END_TEST

START_TEST(test_types)
{
	struct code_label	*t;
	size_t			 n;

	ck_assert_int_eq(engagement_types(&db, &a, &t, &n), DB_OK);
	ck_assert_uint_eq(n, 11);
	ck_assert_str_eq(t[0].code, "meeting");
	ck_assert_str_eq(t[0].label, "Meeting");
	ck_assert_str_eq(t[5].code, "media_appearance");
	ck_assert_str_eq(t[10].code, "consultation_response");
}
END_TEST

/* Logged from the press inbox: the mention becomes "logged", once. */
START_TEST(test_mention_logged_with_engagement)
{
	struct engagement	 e = eng_new("media_appearance", "2026-11-20", "",
	    "On the radio");
	struct engagement	 again = eng_new("media_appearance", "2026-11-21",
	    "", "Again");
	char			 cond[200];
	long long		 mid;

	th_sql(&db, "INSERT INTO feeds (id, url, created_at, updated_at) VALUES "
	    "(9001, 'http://example.org/f.xml', UTC_TIMESTAMP(), UTC_TIMESTAMP()); "
	    "INSERT INTO feed_items (id, feed_id, item_key, story_key, title, "
	    "summary, fetched_at) VALUES (9002, 9001, REPEAT('a', 64), "
	    "REPEAT('b', 64), 'JCORE on air', '', UTC_TIMESTAMP()); "
	    "INSERT INTO mentions (id, item_id, created_at, updated_at) VALUES "
	    "(9003, 9002, UTC_TIMESTAMP(), UTC_TIMESTAMP())");
	mid = 9003;
	/* A state change is audited; a logged mention's state is fixed. */
	ck_assert_int_eq(mention_set_state(&db, "t", mid, "relevant", NULL,
	    NULL), DB_OK);
	th_sql_true(&db, "SELECT COUNT(*) = 1 FROM audit_log WHERE entity = "
	    "'mention' AND entity_id = 9003 AND action = 'state' AND "
	    "after_data LIKE '%relevant%'");
	e.media_medium = "broadcast";
	e.mention_id = mid;
	ck_assert_int_eq(engagement_save(&db, "t", maya_user, &e), DB_OK);
	snprintf(cond, sizeof(cond), "SELECT state = 'logged' AND "
	    "engagement_id = %lld FROM mentions WHERE id = %lld", e.id, mid);
	th_sql_true(&db, cond);
	/* A second engagement from the same mention leaves the first linked. */
	again.media_medium = "print";
	again.mention_id = mid;
	ck_assert_int_eq(engagement_save(&db, "t", maya_user, &again), DB_OK);
	th_sql_true(&db, cond);
	ck_assert_int_eq(mention_set_state(&db, "t", mid, "dismissed", NULL,
	    NULL), DB_CONFLICT);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("engagements");
	TCase	*tc = tcase_create("engagements");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_new_versus_existing);
	tcase_add_test(tc, test_new_same_day_by_time);
	tcase_add_test(tc, test_new_same_day_no_times);
	tcase_add_test(tc, test_new_timeless_is_start_of_day);
	tcase_add_test(tc, test_conflict);
	tcase_add_loop_test(tc, test_check, 0,
	    sizeof(check_cases) / sizeof(check_cases[0]));
	tcase_add_test(tc, test_check_counts_beyond_max);
	tcase_add_test(tc, test_links);
	tcase_add_test(tc, test_media_fields);
	tcase_add_test(tc, test_list_filters);
	tcase_add_test(tc, test_list_rows_and_pages);
	tcase_add_test(tc, test_followups);
	tcase_add_test(tc, test_followup_done_survives_edit);
	tcase_add_test(tc, test_followup_ids_kept_across_edits);
	tcase_add_test(tc, test_mention_logged_with_engagement);
	tcase_add_test(tc, test_followups_done_window);
	tcase_add_test(tc, test_followups_of_deleted_engagement);
	tcase_add_test(tc, test_audit);
	tcase_add_test(tc, test_types);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
