/*
 * lib/report.c against a real MariaDB: the periods (strategy years from 1
 * July, presets, the same days a year earlier), every count of the
 * policy engagement report at the 30 June / 1 July boundary, back-dated
 * entries, deletions and restores, people first met in an earlier year,
 * party and category on the engagement's date, shares of seats, the
 * year-earlier comparison, and that the day summaries follow every kind
 * of change (edits, terms, merges, organisation kinds, decision-maker
 * flags, hard deletes).  Every count is checked against the length of the
 * /engagements list its number links to.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "db.h"
#include "directory.h"
#include "engagements.h"
#include "report.h"
#include "testhelp.h"
#include "users.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;
/* Reads no confidential text: the counts must not depend on it. */
static const struct eng_reader nobody = { 0, 0 };

static long long	 maya_user;
static long long	 pat, quinn, sam, rosa, sara, nina;	/* people */
static long long	 council, outlet, desk;			/* organisations */
static long long	 area_refugees, area_asylum;

static void	 sqlf(const char *, ...) __attribute__((format(printf, 1, 2)));

static void
sqlf(const char *fmt, ...)
{
	char	 sql[2048];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	th_sql(&db, sql);
}

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
	    "DELETE FROM policy_areas; "
	    "UPDATE person_categories SET decision_maker = code IN ('mp', "
	    "'peer', 'councillor', 'civil_servant', 'fcdo_official'); "
	    "DELETE FROM report_day_counts; DELETE FROM report_month_counts; "
	    "DELETE FROM report_dirty_days; DELETE FROM report_refresh_claims; "
	    "DELETE FROM report_refresh_claim_days");
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
add_person(const char *name, const char *category, const char *party,
    const char *house)
{
	struct person	 p;

	memset(&p, 0, sizeof(p));
	p.full_name = name;
	p.category = category;
	p.role_title = "";
	p.party = party;
	p.house = house;
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

/*
 * Sam Jones sat as a Conservative until 1 September 2024 and as Reform
 * from then (ended_on is the first day no longer held).
 */
static void
sam_switches_on(const char *day)
{
	sqlf("DELETE FROM person_terms WHERE person_id = %lld; "
	    "INSERT INTO person_terms (person_id, category, party, house, "
	    "started_on, ended_on, source, created_at) VALUES "
	    "(%lld, 'mp', 'Conservative', 'commons', '2019-12-12', '%s', "
	    "'parliament', UTC_TIMESTAMP()), "
	    "(%lld, 'mp', 'Reform', 'commons', '%s', NULL, 'parliament', "
	    "UTC_TIMESTAMP())", sam, sam, day, sam, day);
}

static void
setup(void)
{
	th_db_open(&db, &conf);
	reset_tables();
	arena_init(&a);
	maya_user = add_user("maya", "Maya Cohen");
	pat = add_person("Pat Lee", "mp", "Labour", "commons");
	quinn = add_person("Quinn Hale", "mp", "Labour", "commons");
	sam = add_person("Sam Jones", "mp", "Reform", "commons");
	rosa = add_person("Rosa Baird", "peer", "Crossbench", "lords");
	sara = add_person("Sara Khan", "journalist", "", "");
	nina = add_person("Nina Osei", "civil_servant", "", "");
	council = add_org("Camden Council", "council", "");
	outlet = add_org("BBC Radio 4", "media_outlet", "broadcast");
	desk = add_org("FCDO Sudan desk", "fcdo_desk", "");
	area_refugees = add_area("Refugee protection", 1);
	area_asylum = add_area("Asylum accommodation", 0);
	sam_switches_on("2024-09-01");
	/* The others' terms start at creation (today): none covers 2024. */
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

/* --- engagements ---------------------------------------------------------- */

struct eng_spec {
	const char	*type;
	const char	*date;
	const char	*time;
	long long	 people[4];	/* 0-terminated */
	long long	 orgs[3];
	long long	 areas[3];
	long long	 outlet;
	const char	*medium;
};

static void
refs_of(const long long *ids, struct eng_ref **out, size_t *n)
{
	size_t	 i;

	for (*n = 0; ids[*n] != 0; (*n)++)
		continue;
	*out = arena_alloc(&a, (*n + 1) * sizeof(**out));
	ck_assert_ptr_nonnull(*out);
	for (i = 0; i < *n; i++)
		(*out)[i].id = ids[i];
}

static long long
add_eng(struct eng_spec s)
{
	struct engagement	 e;
	size_t			 i;

	memset(&e, 0, sizeof(e));
	e.type = s.type ? s.type : "meeting";
	e.date = s.date;
	e.time = s.time ? s.time : "";
	e.title = "An engagement";
	e.summary = "";
	e.outcome = "Agreed to table a question.";
	e.media_outlet_id = s.outlet;
	e.media_medium = s.medium ? s.medium : "";
	e.media_programme = "";
	e.media_link = "";
	for (e.npeople = 0; s.people[e.npeople] != 0; e.npeople++)
		continue;
	e.people = arena_alloc(&a, (e.npeople + 1) * sizeof(*e.people));
	ck_assert_ptr_nonnull(e.people);
	for (i = 0; i < e.npeople; i++)
		e.people[i].id = s.people[i];
	refs_of(s.orgs, &e.orgs, &e.norgs);
	refs_of(s.areas, &e.areas, &e.nareas);
	ck_assert_msg(engagement_save(&db, "tester", maya_user, &e) == DB_OK,
	    "%s", db.error);
	return e.id;
}

#define ENG(...)	add_eng((struct eng_spec){ __VA_ARGS__ })
#define WITH(...)	{ __VA_ARGS__, 0 }

static void
edit_date(long long id, const char *date)
{
	struct engagement	 e;

	ck_assert_int_eq(engagement_get(&db, &a, id, &e), DB_OK);
	e.date = date;
	ck_assert_msg(engagement_save(&db, "tester", maya_user, &e) == DB_OK,
	    "%s", db.error);
}

/* --- reading the report --------------------------------------------------- */

static struct engagement_report *
report(const char *from, const char *to)
{
	struct engagement_report	*r = arena_alloc(&a, sizeof(*r));
	struct report_period		 p;

	ck_assert_ptr_nonnull(r);
	snprintf(p.from, sizeof(p.from), "%s", from);
	snprintf(p.to, sizeof(p.to), "%s", to);
	ck_assert_msg(report_build(&db, &a, &p, &nobody, r) == DB_OK, "%s",
	    db.error);
	return r;
}

#define YEAR_2024_25()	report("2024-07-01", "2025-06-30")

static char	 keybuf[24];

static const char *
id_key(long long id)
{
	snprintf(keybuf, sizeof(keybuf), "%lld", id);
	return keybuf;
}

/* The count of key in section s (0 when the row is absent). */
static long
count(const struct engagement_report *r, enum report_section s,
    const char *key)
{
	const struct report_item *it = report_item_find(r, s, key);

	return it != NULL ? it->count : 0;
}

static long
previous(const struct engagement_report *r, enum report_section s,
    const char *key)
{
	const struct report_item *it = report_item_find(r, s, key);

	return it != NULL ? it->previous : 0;
}

/* The /engagements filter a count links to (see ui_report_drill). */
static void
drill_filter(const struct report_period *p, enum report_section s,
    const char *key, struct eng_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->from = p->from;
	f->to = p->to;
	f->limit = 1;
	switch (s) {
	case RS_TYPE:
		f->type = key;
		break;
	case RS_MEDIUM:
		f->medium = key;
		break;
	case RS_ORG_KIND:
		f->org_kind = key;
		break;
	case RS_CATEGORY:
		f->category_then = key;
		break;
	case RS_DECISION_MAKERS:
		f->decision_makers = 1;
		f->novelty = *key ? key : NULL;
		break;
	case RS_PARTY:
		f->party_then = key;
		break;
	case RS_AREA:
		f->policy_area_id = strtoll(key, NULL, 10);
		break;
	default:
		break;
	}
}

static size_t
listed(const struct report_period *p, enum report_section s, const char *key)
{
	struct eng_filter	 f;
	struct eng_row		*rows;
	size_t			 n, total;

	drill_filter(p, s, key, &f);
	ck_assert_int_eq(engagement_list(&db, &a, &f, &rows, &n, &total),
	    DB_OK);
	return total;
}

/* Every number of the report equals the length of the list it links to. */
static void
ck_assert_drill_down(const struct engagement_report *r)
{
	size_t	 s, i;

	ck_assert_int_eq(listed(&r->period, RS__MAX, ""), r->total);
	ck_assert_int_eq(listed(&r->previous, RS__MAX, ""), r->previous_total);
	for (s = 0; s < RS__MAX; s++)
		for (i = 0; i < r->nitems[s]; i++) {
			const struct report_item *it = &r->items[s][i];

			ck_assert_msg(listed(&r->period, s, it->key) ==
			    (size_t)it->count, "%s %s: list %zu, count %ld",
			    report_section_names[s], it->key,
			    listed(&r->period, s, it->key), it->count);
			ck_assert_msg(listed(&r->previous, s, it->key) ==
			    (size_t)it->previous, "%s %s: list %zu, previous %ld",
			    report_section_names[s], it->key,
			    listed(&r->previous, s, it->key), it->previous);
		}
}

/* No day of the period is left marked stale after a report. */
static void
ck_assert_fresh(const char *from, const char *to)
{
	char	 cond[200];

	snprintf(cond, sizeof(cond), "NOT EXISTS (SELECT 1 FROM "
	    "report_dirty_days WHERE day BETWEEN '%s' AND '%s')", from, to);
	th_sql_true(&db, cond);
}

/* --- periods -------------------------------------------------------------- */

static const struct {
	const char	*date;
	const char	*from, *to;
} year_cases[] = {
	{ "2024-07-01", "2024-07-01", "2025-06-30" },
	{ "2025-06-30", "2024-07-01", "2025-06-30" },
	{ "2025-07-01", "2025-07-01", "2026-06-30" },
	{ "2025-01-01", "2024-07-01", "2025-06-30" },
	{ "2024-12-31", "2024-07-01", "2025-06-30" },
};

START_TEST(test_strategy_year)
{
	struct report_period	 p;

	report_strategy_year(year_cases[_i].date, &p);
	ck_assert_str_eq(p.from, year_cases[_i].from);
	ck_assert_str_eq(p.to, year_cases[_i].to);
}
END_TEST

START_TEST(test_presets)
{
	struct report_period	 p;

	report_preset(PRESET_THIS_YEAR, "2026-01-15", &p);
	ck_assert_str_eq(p.from, "2025-07-01");
	ck_assert_str_eq(p.to, "2026-06-30");
	report_preset(PRESET_LAST_YEAR, "2026-01-15", &p);
	ck_assert_str_eq(p.from, "2024-07-01");
	ck_assert_str_eq(p.to, "2025-06-30");
	report_preset(PRESET_THIS_MONTH, "2024-02-10", &p);
	ck_assert_str_eq(p.from, "2024-02-01");
	ck_assert_str_eq(p.to, "2024-02-29");
	report_preset(PRESET_LAST_MONTH, "2026-01-15", &p);
	ck_assert_str_eq(p.from, "2025-12-01");
	ck_assert_str_eq(p.to, "2025-12-31");
	report_preset(PRESET_LAST_MONTH, "2025-07-31", &p);
	ck_assert_str_eq(p.from, "2025-06-01");
	ck_assert_str_eq(p.to, "2025-06-30");
}
END_TEST

static const struct {
	const char	*from, *to;
	const char	*want_from, *want_to;
} earlier_cases[] = {
	{ "2024-07-01", "2025-06-30", "2023-07-01", "2024-06-30" },
	/* A month's last day stays its last day, leap years included. */
	{ "2025-02-01", "2025-02-28", "2024-02-01", "2024-02-29" },
	{ "2024-02-01", "2024-02-29", "2023-02-01", "2023-02-28" },
	{ "2024-02-29", "2024-03-10", "2023-02-28", "2023-03-10" },
	{ "2024-03-01", "2025-02-28", "2023-03-01", "2024-02-29" },
	{ "2025-06-15", "2025-06-20", "2024-06-15", "2024-06-20" },
};

START_TEST(test_year_earlier)
{
	struct report_period	 p, e;

	snprintf(p.from, sizeof(p.from), "%s", earlier_cases[_i].from);
	snprintf(p.to, sizeof(p.to), "%s", earlier_cases[_i].to);
	report_year_earlier(&p, &e);
	ck_assert_str_eq(e.from, earlier_cases[_i].want_from);
	ck_assert_str_eq(e.to, earlier_cases[_i].want_to);
}
END_TEST

START_TEST(test_period_check)
{
	const char	*field, *msg;

	ck_assert_ptr_null(report_period_check("2024-07-01", "2025-06-30",
	    &field));
	ck_assert_ptr_null(report_period_check("2024-07-01", "2024-07-01",
	    &field));
	msg = report_period_check("2024-02-30", "2025-06-30", &field);
	ck_assert_ptr_nonnull(msg);
	ck_assert_str_eq(field, "from");
	msg = report_period_check("2024-07-01", "30/06/2025", &field);
	ck_assert_ptr_nonnull(strstr(msg, "YYYY-MM-DD"));
	ck_assert_str_eq(field, "to");
	msg = report_period_check("2025-07-01", "2025-06-30", &field);
	ck_assert_str_eq(msg, "The last day must be on or after the first day.");
	ck_assert_str_eq(field, "to");
	ck_assert_ptr_nonnull(report_period_check("", "2025-06-30", &field));
	ck_assert_str_eq(field, "from");
}
END_TEST

/* --- counts --------------------------------------------------------------- */

/* 30 June is the last day of a strategy year, 1 July the first. */
START_TEST(test_year_boundaries)
{
	struct engagement_report	*r;

	ENG(.date = "2024-06-30", .people = WITH(pat), .areas =
	    WITH(area_refugees));
	ENG(.date = "2024-07-01", .time = "00:00", .people = WITH(pat),
	    .areas = WITH(area_refugees));
	ENG(.type = "written_briefing", .date = "2025-06-30", .time = "23:59",
	    .people = WITH(rosa));
	ENG(.type = "written_briefing", .date = "2025-07-01", .people =
	    WITH(rosa));
	r = YEAR_2024_25();
	ck_assert_int_eq(r->total, 2);
	ck_assert_int_eq(r->previous_total, 1);
	ck_assert_str_eq(r->previous.from, "2023-07-01");
	ck_assert_str_eq(r->previous.to, "2024-06-30");
	ck_assert_int_eq(count(r, RS_TYPE, "meeting"), 1);
	ck_assert_int_eq(previous(r, RS_TYPE, "meeting"), 1);
	ck_assert_int_eq(count(r, RS_TYPE, "written_briefing"), 1);
	ck_assert_int_eq(previous(r, RS_TYPE, "written_briefing"), 0);
	ck_assert_int_eq(count(r, RS_PARTY, "Labour"), 1);
	ck_assert_int_eq(count(r, RS_PARTY, "Crossbench"), 1);
	ck_assert_int_eq(count(r, RS_AREA, id_key(area_refugees)), 1);
	ck_assert_int_eq(previous(r, RS_AREA, id_key(area_refugees)), 1);
	ck_assert_int_eq(count(r, RS_CATEGORY, "mp"), 1);
	ck_assert_int_eq(count(r, RS_CATEGORY, "peer"), 1);
	ck_assert_int_eq(r->nrows, 2);
	ck_assert_str_eq(r->rows[0].date, "2024-07-01");
	ck_assert_str_eq(r->rows[1].date, "2025-06-30");
	ck_assert_drill_down(r);
	r = report("2025-07-01", "2026-06-30");
	ck_assert_int_eq(r->total, 1);
	ck_assert_int_eq(r->previous_total, 2);
	ck_assert_drill_down(r);
	/* One day: 30 June alone, and 1 July alone. */
	ck_assert_int_eq(report("2025-06-30", "2025-06-30")->total, 1);
	ck_assert_int_eq(report("2024-07-01", "2024-07-01")->previous_total, 0);
	ck_assert_int_eq(report("2025-06-30", "2025-06-30")->previous_total, 1);
}
END_TEST

/* Every section, and each count against the list it links to. */
START_TEST(test_every_count)
{
	struct engagement_report	*r;

	ENG(.date = "2024-08-01", .people = WITH(pat, nina), .orgs =
	    WITH(council), .areas = WITH(area_refugees, area_asylum));
	ENG(.type = "media_appearance", .date = "2024-09-15", .people =
	    WITH(sara), .outlet = outlet, .medium = "broadcast", .areas =
	    WITH(area_asylum));
	ENG(.type = "media_appearance", .date = "2024-10-15", .people =
	    WITH(sara), .outlet = outlet, .medium = "print");
	ENG(.date = "2024-11-05", .people = WITH(nina), .orgs = WITH(desk,
	    council));
	ENG(.type = "coalition_meeting", .date = "2025-01-20");
	r = YEAR_2024_25();
	ck_assert_int_eq(r->total, 5);
	ck_assert_int_eq(count(r, RS_TYPE, "meeting"), 2);
	ck_assert_int_eq(count(r, RS_TYPE, "media_appearance"), 2);
	ck_assert_int_eq(count(r, RS_TYPE, "coalition_meeting"), 1);
	ck_assert_int_eq(count(r, RS_MEDIUM, "broadcast"), 1);
	ck_assert_int_eq(count(r, RS_MEDIUM, "print"), 1);
	ck_assert_int_eq(count(r, RS_MEDIUM, "online"), 0);
	/* Linked organisations and the media outlet both count. */
	ck_assert_int_eq(count(r, RS_ORG_KIND, "council"), 2);
	ck_assert_int_eq(count(r, RS_ORG_KIND, "fcdo_desk"), 1);
	ck_assert_int_eq(count(r, RS_ORG_KIND, "media_outlet"), 2);
	ck_assert_int_eq(count(r, RS_ORG_KIND, "ngo"), 0);
	ck_assert_int_eq(count(r, RS_CATEGORY, "mp"), 1);
	ck_assert_int_eq(count(r, RS_CATEGORY, "civil_servant"), 2);
	ck_assert_int_eq(count(r, RS_CATEGORY, "journalist"), 2);
	ck_assert_int_eq(count(r, RS_AREA, id_key(area_asylum)), 2);
	ck_assert_int_eq(count(r, RS_AREA, id_key(area_refugees)), 1);
	/* Decision makers: Pat and Nina new on 1 August, Nina again later. */
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, ""), 2);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 1);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "existing"), 1);
	ck_assert_int_eq(report_item_find(r, RS_CATEGORY, "mp")->flag, 1);
	ck_assert_int_eq(report_item_find(r, RS_CATEGORY, "journalist")->flag,
	    0);
	ck_assert_int_eq(report_item_find(r, RS_AREA,
	    id_key(area_refugees))->flag, 1);
	ck_assert_drill_down(r);
	ck_assert_fresh("2023-07-01", "2025-06-30");
}
END_TEST

/* A person met in an earlier year is existing all through this one. */
START_TEST(test_first_met_in_earlier_year)
{
	struct engagement_report	*r;

	ENG(.date = "2023-09-01", .people = WITH(quinn));
	ENG(.date = "2024-09-01", .people = WITH(quinn));
	ENG(.date = "2025-03-01", .people = WITH(quinn, pat));
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, ""), 2);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 1);	/* Pat */
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "existing"), 2);
	ck_assert_int_eq(previous(r, RS_DECISION_MAKERS, "new"), 1);
	ck_assert_int_eq(previous(r, RS_DECISION_MAKERS, "existing"), 0);
	ck_assert_drill_down(r);
}
END_TEST

/* Entering one earlier makes it the new one, and the next existing. */
START_TEST(test_back_dated_entries)
{
	struct engagement_report	*r;
	long long			 first;

	ENG(.date = "2024-10-01", .people = WITH(quinn));
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 1);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "existing"), 0);
	ENG(.date = "2024-08-01", .people = WITH(quinn));
	r = YEAR_2024_25();
	ck_assert_int_eq(r->total, 2);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 1);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "existing"), 1);
	ck_assert_str_eq(r->rows[0].date, "2024-08-01");
	ck_assert_int_eq(r->rows[0].people[0].is_new, 1);
	ck_assert_int_eq(r->rows[1].people[0].is_new, 0);
	ck_assert_drill_down(r);
	/* Back into the year before: nobody is new in 2024-25 any more. */
	first = ENG(.date = "2024-02-01", .people = WITH(quinn));
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 0);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "existing"), 2);
	ck_assert_int_eq(previous(r, RS_DECISION_MAKERS, "new"), 1);
	ck_assert_drill_down(r);
	/* Moving it across 1 July moves it between the years. */
	edit_date(first, "2024-07-01");
	r = YEAR_2024_25();
	ck_assert_int_eq(r->total, 3);
	ck_assert_int_eq(r->previous_total, 0);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 1);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "existing"), 2);
	ck_assert_drill_down(r);
}
END_TEST

START_TEST(test_deletions_and_restores)
{
	struct engagement_report	*r;
	long long			 first, interview;

	first = ENG(.date = "2024-08-01", .people = WITH(pat));
	ENG(.date = "2024-09-01", .people = WITH(pat));
	interview = ENG(.type = "media_appearance", .date = "2024-09-02",
	    .people = WITH(sara), .outlet = outlet, .medium = "broadcast");
	r = YEAR_2024_25();
	ck_assert_int_eq(r->total, 3);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 1);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "existing"), 1);
	ck_assert_int_eq(engagement_delete(&db, "tester", first), DB_OK);
	ck_assert_int_eq(engagement_delete(&db, "tester", interview), DB_OK);
	r = YEAR_2024_25();
	ck_assert_int_eq(r->total, 1);
	ck_assert_int_eq(count(r, RS_TYPE, "media_appearance"), 0);
	ck_assert_int_eq(count(r, RS_MEDIUM, "broadcast"), 0);
	ck_assert_int_eq(count(r, RS_ORG_KIND, "media_outlet"), 0);
	/* The second meeting is now Pat's first. */
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 1);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "existing"), 0);
	ck_assert_int_eq(r->nrows, 1);
	ck_assert_drill_down(r);
	ck_assert_int_eq(engagement_restore(&db, "tester", first), DB_OK);
	ck_assert_int_eq(engagement_restore(&db, "tester", interview), DB_OK);
	r = YEAR_2024_25();
	ck_assert_int_eq(r->total, 3);
	ck_assert_int_eq(count(r, RS_MEDIUM, "broadcast"), 1);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 1);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "existing"), 1);
	ck_assert_drill_down(r);
}
END_TEST

/* Sam counts as a Conservative before 1 September 2024, Reform after. */
START_TEST(test_party_at_the_time)
{
	struct engagement_report	*r;
	long long			 both;

	ENG(.date = "2024-08-31", .people = WITH(sam));
	ENG(.date = "2024-09-01", .people = WITH(sam));
	both = ENG(.date = "2024-10-01", .people = WITH(sam, pat));
	ENG(.date = "2023-10-01", .people = WITH(sam));
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_PARTY, "Conservative"), 1);
	ck_assert_int_eq(count(r, RS_PARTY, "Reform"), 2);
	ck_assert_int_eq(count(r, RS_PARTY, "Labour"), 1);
	ck_assert_int_eq(previous(r, RS_PARTY, "Conservative"), 1);
	ck_assert_int_eq(previous(r, RS_PARTY, "Reform"), 0);
	/* Two parties on one engagement: the rows add up to more. */
	ck_assert_int_eq(r->total, 3);
	ck_assert_int_eq(r->party_sum, 4);
	ck_assert_drill_down(r);
	/* The list shows the party each had on the date. */
	ck_assert_str_eq(r->rows[0].people[0].party, "Conservative");
	ck_assert_str_eq(r->rows[1].people[0].party, "Reform");
	/* The history is corrected: the switch was on 1 August. */
	sam_switches_on("2024-08-01");
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_PARTY, "Conservative"), 0);
	ck_assert_int_eq(count(r, RS_PARTY, "Reform"), 3);
	ck_assert_drill_down(r);
	/* Moved to before the switch, the engagement moves party. */
	edit_date(both, "2024-07-15");
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_PARTY, "Conservative"), 1);
	ck_assert_int_eq(count(r, RS_PARTY, "Reform"), 2);
	ck_assert_drill_down(r);
	/* No term covers Pat's dates: the party Pat has now counts. */
	sqlf("UPDATE people SET party = 'Labour Co-op' WHERE id = %lld", pat);
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_PARTY, "Labour"), 0);
	ck_assert_int_eq(count(r, RS_PARTY, "Labour Co-op"), 1);
	ck_assert_drill_down(r);
}
END_TEST

/* A category's term on the date decides whether someone was a decision maker. */
START_TEST(test_category_at_the_time)
{
	struct engagement_report	*r;

	/* Sara was a civil servant until 1 January 2025. */
	sqlf("INSERT INTO person_terms (person_id, category, party, "
	    "started_on, ended_on, source, created_at) VALUES (%lld, "
	    "'civil_servant', '', '2020-01-01', '2025-01-01', 'manual', "
	    "UTC_TIMESTAMP())", sara);
	ENG(.date = "2024-12-31", .people = WITH(sara));
	ENG(.date = "2025-01-01", .people = WITH(sara));
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_CATEGORY, "civil_servant"), 1);
	ck_assert_int_eq(count(r, RS_CATEGORY, "journalist"), 1);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, ""), 1);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 1);
	ck_assert_drill_down(r);
	/* Journalists counted as decision makers from now on. */
	th_sql(&db, "UPDATE person_categories SET decision_maker = 1 "
	    "WHERE code = 'journalist'");
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, ""), 2);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "existing"), 1);
	ck_assert_drill_down(r);
}
END_TEST

/* Seats: current MPs with a current term, by party now. */
START_TEST(test_share_of_seats)
{
	struct engagement_report	*r;
	long long			 former;

	former = add_person("Fran Old", "mp", "Labour", "commons");
	sqlf("UPDATE people SET is_current = 0 WHERE id = %lld", former);
	/* An MP whose every term has ended does not hold a seat either. */
	(void)add_person("Gil Gone", "mp", "Green", "commons");
	th_sql(&db, "UPDATE person_terms t JOIN people p ON p.id = t.person_id "
	    "SET t.ended_on = t.started_on WHERE p.full_name = 'Gil Gone'");
	ENG(.date = "2024-10-01", .people = WITH(pat, sam));
	ENG(.date = "2024-10-02", .people = WITH(pat));
	r = YEAR_2024_25();
	ck_assert_int_eq(r->seats_total, 3);	/* Pat, Quinn, Sam */
	ck_assert_int_eq(report_item_find(r, RS_PARTY, "Labour")->seats, 2);
	ck_assert_int_eq(report_item_find(r, RS_PARTY, "Reform")->seats, 1);
	ck_assert_ptr_null(report_item_find(r, RS_PARTY, "Green"));
	/* Peers sit in the Lords: no seats, and Rosa had no engagement. */
	ck_assert_ptr_null(report_item_find(r, RS_PARTY, "Crossbench"));
	ck_assert_int_eq(r->party_sum, 3);
	ck_assert_int_eq(count(r, RS_PARTY, "Labour"), 2);
	/* Most engagements first. */
	ck_assert_str_eq(r->items[RS_PARTY][0].key, "Labour");
}
END_TEST

/* The year-earlier column is the same report for the same days. */
START_TEST(test_previous_year)
{
	struct engagement_report	*r, *before;
	size_t				 s, i;

	ENG(.date = "2023-08-01", .people = WITH(pat), .areas =
	    WITH(area_asylum));
	ENG(.type = "media_appearance", .date = "2024-03-01", .people =
	    WITH(sara), .outlet = outlet, .medium = "print");
	ENG(.date = "2024-08-01", .people = WITH(pat, rosa));
	r = YEAR_2024_25();
	before = report("2023-07-01", "2024-06-30");
	ck_assert_int_eq(r->previous_total, before->total);
	for (s = 0; s < RS__MAX; s++)
		for (i = 0; i < before->nitems[s]; i++)
			ck_assert_int_eq(previous(r, s, before->items[s][i].key),
			    before->items[s][i].count);
	ck_assert_int_eq(previous(r, RS_MEDIUM, "print"), 1);
	ck_assert_int_eq(count(r, RS_MEDIUM, "print"), 0);
	ck_assert_int_eq(previous(r, RS_DECISION_MAKERS, "new"), 1);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 1);	/* Rosa */
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "existing"), 1);	/* Pat */
	ck_assert_drill_down(r);
}
END_TEST

/* Changes made outside the engagement form reach the counts too. */
START_TEST(test_summaries_follow_changes)
{
	struct engagement_report	*r;
	long long			 id, merge_id, pat2;

	id = ENG(.date = "2024-08-01", .people = WITH(nina), .orgs =
	    WITH(council));
	pat2 = add_person("P. Lee", "mp", "Labour Co-op", "commons");
	ENG(.date = "2024-07-10", .people = WITH(pat2));
	ENG(.date = "2024-09-10", .people = WITH(pat));
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_ORG_KIND, "council"), 1);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 3);
	/* An organisation's kind. */
	sqlf("UPDATE organisations SET kind = 'ngo' WHERE id = %lld", council);
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_ORG_KIND, "council"), 0);
	ck_assert_int_eq(count(r, RS_ORG_KIND, "ngo"), 1);
	/* A type, straight in the database. */
	sqlf("UPDATE engagements SET type = 'correspondence' WHERE id = %lld",
	    id);
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_TYPE, "correspondence"), 1);
	/* A merge: P. Lee was Pat, met first on 10 July. */
	ck_assert_int_eq(person_merge(&db, "tester", pat, pat2, &merge_id),
	    DB_OK);
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 2);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "existing"), 1);
	ck_assert_int_eq(count(r, RS_PARTY, "Labour Co-op"), 0);
	ck_assert_int_eq(count(r, RS_PARTY, "Labour"), 2);
	ck_assert_drill_down(r);
	ck_assert_int_eq(person_merge_undo(&db, "tester", merge_id), DB_OK);
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, "new"), 3);
	ck_assert_int_eq(count(r, RS_PARTY, "Labour Co-op"), 1);
	ck_assert_drill_down(r);
	/* A category's code, changed by hand, cascades to people. */
	th_sql(&db, "UPDATE person_categories SET code = 'civil_service' "
	    "WHERE code = 'civil_servant'");
	r = YEAR_2024_25();
	ck_assert_int_eq(count(r, RS_CATEGORY, "civil_servant"), 0);
	ck_assert_int_eq(count(r, RS_CATEGORY, "civil_service"), 1);
	ck_assert_drill_down(r);
	th_sql(&db, "UPDATE person_categories SET code = 'civil_servant' "
	    "WHERE code = 'civil_service'");
	/* Removed for good (as a clean-up would): the counts go too. */
	th_sql(&db, "DELETE FROM follow_ups; DELETE FROM engagements");
	r = YEAR_2024_25();
	ck_assert_int_eq(r->total, 0);
	ck_assert_int_eq(count(r, RS_ORG_KIND, "ngo"), 0);
	ck_assert_int_eq(count(r, RS_DECISION_MAKERS, ""), 0);
	th_sql_true(&db, "NOT EXISTS (SELECT 1 FROM report_day_counts)");
}
END_TEST

/* A change saved while a refresh runs keeps its mark (gen differs). */
START_TEST(test_refresh_keeps_newer_marks)
{
	struct report_period	 p = { "2024-07-01", "2025-06-30" };

	ENG(.date = "2024-08-01", .people = WITH(pat));
	ck_assert_int_eq(report_refresh(&db, &p), DB_OK);
	ck_assert_fresh("2024-07-01", "2025-06-30");
	/* A claim taken from an older mark clears nothing newer. */
	th_sql(&db, "INSERT INTO report_dirty_days (day, gen) VALUES "
	    "('2024-08-01', UUID_SHORT())");
	th_sql(&db, "INSERT INTO report_refresh_claims (conn, day, gen) "
	    "VALUES (CONNECTION_ID(), '2024-08-01', 1)");
	th_sql(&db, "DELETE d FROM report_dirty_days d JOIN "
	    "report_refresh_claims c ON c.day = d.day AND c.gen = d.gen "
	    "WHERE c.conn = CONNECTION_ID()");
	th_sql_true(&db, "EXISTS (SELECT 1 FROM report_dirty_days "
	    "WHERE day = '2024-08-01')");
	th_sql(&db, "DELETE FROM report_refresh_claims");
	ck_assert_int_eq(report_refresh(&db, &p), DB_OK);
	ck_assert_fresh("2024-07-01", "2025-06-30");
	ck_assert_int_eq(YEAR_2024_25()->total, 1);
}
END_TEST

/*
 * Two saves of one day, neither committed, both mark it without waiting
 * for the other (sql/018: a mark is a row of its own, not the day's row
 * updated), and the next report counts both and clears every mark.
 */
START_TEST(test_saves_of_one_day_do_not_wait_on_its_mark)
{
	static const char	 save[] = "SET SESSION innodb_lock_wait_timeout "
	    "= 1; SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START "
	    "TRANSACTION; INSERT INTO engagements (type, occurred_on, title, "
	    "summary, outcome, created_at, updated_at) VALUES ('meeting', "
	    "'2024-08-05', 'concurrent', '', '', UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP())";
	struct report_period	 p = { "2024-07-01", "2025-06-30" };
	struct db		 db2, db3;
	struct conf		 conf2, conf3;

	ck_assert_int_eq(report_refresh(&db, &p), DB_OK);
	th_db_open(&db2, &conf2);
	th_db_open(&db3, &conf3);
	th_sql(&db2, save);
	th_sql(&db3, save);	/* a lock wait here would time out and fail */
	th_sql(&db2, "COMMIT");
	th_sql(&db3, "COMMIT");
	th_sql_true(&db, "(SELECT COUNT(*) FROM report_dirty_days "
	    "WHERE day = '2024-08-05') >= 2");
	ck_assert_int_eq(report_refresh(&db, &p), DB_OK);
	ck_assert_fresh("2024-07-01", "2025-06-30");
	ck_assert_int_eq(YEAR_2024_25()->total, 2);
	th_db_close(&db3, &conf3);
	th_db_close(&db2, &conf2);
}
END_TEST

/*
 * Whole months come from their month sums, the days either side from
 * the days (sql/014): every cut of a period counts each engagement once,
 * and the sums follow a date moved from one month to another.
 */
START_TEST(test_months_and_days_either_side)
{
	static const struct {
		const char	*from, *to;
		long		 total;
	} cuts[] = {
		{ "2024-07-01", "2025-06-30", 5 },	/* whole months */
		{ "2024-07-31", "2024-09-01", 4 },	/* a day, August, a day */
		{ "2024-08-01", "2024-08-31", 2 },	/* one month */
		{ "2024-08-02", "2024-08-30", 0 },	/* inside one month */
		{ "2024-08-31", "2024-09-01", 2 },	/* across a month end */
		{ "2024-07-15", "2025-02-28", 5 },	/* part, months, whole Feb */
		{ "2024-02-29", "2024-02-29", 1 },	/* a leap day */
		{ "2024-02-01", "2024-07-31", 2 },
	};
	struct engagement_report	*r;
	long long			 moved;
	size_t				 i;

	ENG(.date = "2024-02-29", .people = WITH(pat));
	ENG(.date = "2024-07-31", .people = WITH(rosa));
	ENG(.date = "2024-08-01", .people = WITH(pat));
	moved = ENG(.date = "2024-08-31", .people = WITH(rosa));
	ENG(.date = "2024-09-01", .people = WITH(pat));
	ENG(.date = "2025-02-28", .people = WITH(rosa));
	for (i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++) {
		r = report(cuts[i].from, cuts[i].to);
		ck_assert_msg(r->total == cuts[i].total, "%s to %s: %ld, not %ld",
		    cuts[i].from, cuts[i].to, r->total, cuts[i].total);
		ck_assert_drill_down(r);
	}
	sqlf("UPDATE engagements SET occurred_on = '2024-10-15' WHERE id = %lld",
	    moved);
	ck_assert_int_eq(report("2024-08-01", "2024-08-31")->total, 1);
	r = report("2024-10-01", "2024-10-31");
	ck_assert_int_eq(r->total, 1);
	ck_assert_int_eq(count(r, RS_PARTY, "Crossbench"), 1);
	ck_assert_drill_down(r);
	ck_assert_int_eq(report("2024-07-01", "2025-06-30")->total, 5);
}
END_TEST

/* The list: date order, outcomes, at most REPORT_LIST_MAX. */
START_TEST(test_list)
{
	struct engagement_report	*r;
	int				 i;

	ENG(.date = "2024-09-01", .time = "15:00", .people = WITH(pat));
	ENG(.date = "2024-09-01", .time = "09:00", .people = WITH(sam, rosa));
	ENG(.date = "2024-07-05");
	r = YEAR_2024_25();
	ck_assert_int_eq(r->nrows, 3);
	ck_assert_str_eq(r->rows[0].date, "2024-07-05");
	ck_assert_str_eq(r->rows[1].time, "09:00");
	ck_assert_int_eq(r->rows[1].npeople, 2);
	ck_assert_str_eq(r->rows[1].people[0].name, "Rosa Baird");
	ck_assert_str_eq(r->rows[1].people[1].party, "Reform");
	ck_assert_str_eq(r->rows[2].outcome, "Agreed to table a question.");
	th_sql(&db, "INSERT INTO engagements (type, occurred_on, title, "
	    "summary, outcome, created_at, updated_at) SELECT 'meeting', "
	    "DATE '2024-10-01' + INTERVAL (seq % 200) DAY, 'Bulk', '', '', "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_600");
	r = YEAR_2024_25();
	ck_assert_int_eq(r->total, 603);
	ck_assert_int_eq(r->nrows, REPORT_LIST_MAX);
	for (i = 1; i < REPORT_LIST_MAX; i++)
		ck_assert_str_le(r->rows[i - 1].date, r->rows[i].date);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("report");
	TCase	*pure = tcase_create("periods");
	TCase	*tc = tcase_create("report");

	tcase_add_loop_test(pure, test_strategy_year, 0,
	    sizeof(year_cases) / sizeof(year_cases[0]));
	tcase_add_test(pure, test_presets);
	tcase_add_loop_test(pure, test_year_earlier, 0,
	    sizeof(earlier_cases) / sizeof(earlier_cases[0]));
	tcase_add_test(pure, test_period_check);
	suite_add_tcase(s, pure);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_year_boundaries);
	tcase_add_test(tc, test_every_count);
	tcase_add_test(tc, test_first_met_in_earlier_year);
	tcase_add_test(tc, test_back_dated_entries);
	tcase_add_test(tc, test_deletions_and_restores);
	tcase_add_test(tc, test_party_at_the_time);
	tcase_add_test(tc, test_category_at_the_time);
	tcase_add_test(tc, test_share_of_seats);
	tcase_add_test(tc, test_previous_year);
	tcase_add_test(tc, test_summaries_follow_changes);
	tcase_add_test(tc, test_refresh_keeps_newer_marks);
	tcase_add_test(tc, test_saves_of_one_day_do_not_wait_on_its_mark);
	tcase_add_test(tc, test_months_and_days_either_side);
	tcase_add_test(tc, test_list);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
