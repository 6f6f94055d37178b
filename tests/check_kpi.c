/*
 * KPI counting and the strategy as data, against a real MariaDB with the
 * migrations (007 seeds the HIAS+JCORE strategy and its rules): every
 * seeded counting rule on a small known set of engagements; the year's
 * edges at 30 June and 1 July; back-dated entries, deletions and
 * restores moving who is new; a person first met in an earlier year
 * counting as existing; distinct people and organisations; category and
 * kind changes; the engagement list filtered by a KPI agreeing with its
 * figure; kpi_hits kept by the triggers equal to a rebuild from scratch;
 * manual monthly values; status against the pro-rata target; frozen
 * snapshots that do not move; editing the strategy with reasons,
 * versions and the decision log.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "directory.h"
#include "engagements.h"
#include "kpi.h"
#include "strategy.h"
#include "testhelp.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;

static struct strategy	 strat;		/* the seeded one */
static long long	 racial;	/* the 'Racial justice' policy area */
static long long	 other_area;

static void
reset_tables(void)
{
	th_sql(&db, "DELETE FROM follow_ups; DELETE FROM engagement_people; "
	    "DELETE FROM engagement_organisations; DELETE FROM engagement_staff; "
	    "DELETE FROM engagement_policy_areas; DELETE FROM mentions; "
	    "DELETE FROM engagements; DELETE FROM person_merges; "
	    "DELETE FROM person_terms; DELETE FROM people; "
	    "UPDATE organisations SET parent_id = NULL; "
	    "DELETE FROM organisations; DELETE FROM kpi_values; "
	    "DELETE FROM dashboard_snapshots; "
	    "DELETE FROM kpis WHERE code LIKE 'Z%'; "
	    "DELETE FROM strategy_decisions WHERE actor <> 'migration 007'; "
	    "DELETE g FROM strategy_goals g JOIN strategy_objectives o "
	    "ON o.id = g.objective_id JOIN strategy_aims x ON x.id = o.aim_id "
	    "JOIN strategies s ON s.id = x.strategy_id WHERE s.first_year <> 2024; "
	    "DELETE o FROM strategy_objectives o JOIN strategy_aims x "
	    "ON x.id = o.aim_id JOIN strategies s ON s.id = x.strategy_id "
	    "WHERE s.first_year <> 2024; "
	    "DELETE x FROM strategy_aims x JOIN strategies s "
	    "ON s.id = x.strategy_id WHERE s.first_year <> 2024; "
	    "DELETE FROM strategies WHERE first_year <> 2024; "
	    "UPDATE strategies SET on_track_pct = 90, at_risk_pct = 70; "
	    "INSERT IGNORE INTO policy_areas (name) VALUES ('Test area')");
	th_reset(&db);
}

static void
setup(void)
{
	struct policy_area	*areas;
	size_t			 n, i;

	th_db_open(&db, &conf);
	reset_tables();
	arena_init(&a);
	ck_assert_int_eq(strat_for_year(&db, &a, 2024, &strat), DB_OK);
	ck_assert_int_eq(policy_areas_list(&db, &a, 1, &areas, &n), DB_OK);
	for (i = 0; i < n; i++) {
		if (strcmp(areas[i].name, "Racial justice") == 0)
			racial = areas[i].id;
		if (strcmp(areas[i].name, "Test area") == 0)
			other_area = areas[i].id;
	}
	ck_assert_int_gt(racial, 0);
	ck_assert_int_gt(other_area, 0);
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

static long long
person(const char *name, const char *category)
{
	struct person	 p;

	memset(&p, 0, sizeof(p));
	p.full_name = name;
	p.category = category;
	p.role_title = p.party = p.house = p.constituency = "";
	p.email = p.phone = p.notes = "";
	p.is_current = 1;
	ck_assert_msg(person_save(&db, "tester", &p) == DB_OK, "%s", db.error);
	return p.id;
}

static long long
org(const char *name, const char *kind)
{
	struct organisation	 o;

	memset(&o, 0, sizeof(o));
	o.name = name;
	o.kind = kind;
	o.medium = o.website = o.notes = "";
	ck_assert_msg(org_save(&db, "tester", &o) == DB_OK, "%s", db.error);
	return o.id;
}

/* Ids, 0-terminated, as a list of refs or people. */
static size_t
count_ids(const long long *ids)
{
	size_t	 n = 0;

	while (ids != NULL && ids[n] != 0)
		n++;
	return n;
}

/*
 * Save an engagement of type on date with medium ("" none) and the people,
 * organisations and policy areas given (0-terminated, NULL for none).
 */
static long long
eng(const char *type, const char *date, const char *medium,
    const long long *people, const long long *orgs, const long long *areas)
{
	struct engagement	 e;
	size_t			 i;

	memset(&e, 0, sizeof(e));
	e.type = type;
	e.date = date;
	e.time = e.summary = e.outcome = e.media_programme = e.media_link = "";
	e.title = "A test engagement";
	e.media_medium = medium;
	e.npeople = count_ids(people);
	e.norgs = count_ids(orgs);
	e.nareas = count_ids(areas);
	e.people = arena_alloc(&a, (e.npeople + 1) * sizeof(*e.people));
	e.orgs = arena_alloc(&a, (e.norgs + 1) * sizeof(*e.orgs));
	e.areas = arena_alloc(&a, (e.nareas + 1) * sizeof(*e.areas));
	for (i = 0; i < e.npeople; i++)
		e.people[i].id = people[i];
	for (i = 0; i < e.norgs; i++)
		e.orgs[i].id = orgs[i];
	for (i = 0; i < e.nareas; i++)
		e.areas[i].id = areas[i];
	ck_assert_msg(engagement_save(&db, "tester", 0, &e) == DB_OK, "%s",
	    db.error);
	return e.id;
}

#define IDS(...)	((const long long[]){ __VA_ARGS__, 0 })

/* The seeded KPI with code. */
static long long
kpi(const char *code)
{
	struct strat_tree	 t;
	size_t			 i;

	ck_assert_int_eq(strat_tree(&db, &a, strat.id, &t), DB_OK);
	for (i = 0; i < t.nkpis; i++)
		if (strcmp(t.kpis[i].code, code) == 0)
			return t.kpis[i].id;
	ck_abort_msg("no KPI %s", code);
	return 0;
}

static long long
count(const char *code, const char *from, const char *to)
{
	long long	 n = -1;

	ck_assert_int_eq(kpi_count(&db, kpi(code), from, to, &n), DB_OK);
	return n;
}

/* What KPI code counts in strategy year 2024-25. */
static long long
year_one(const char *code)
{
	return count(code, "2024-07-01", "2025-06-30");
}

/* The number of engagements the list shows for a KPI and dates. */
static size_t
listed(const char *code, const char *from, const char *to)
{
	struct eng_filter	 f;
	struct eng_row		*rows;
	size_t			 n, total;

	memset(&f, 0, sizeof(f));
	f.kpi_id = kpi(code);
	f.from = from;
	f.to = to;
	ck_assert_int_eq(engagement_list(&db, &a, &f, &rows, &n, &total), DB_OK);
	return total;
}

/* The dashboard's figures of KPI code for 2024-25 to month index m. */
static const struct kpi_figures *
figures(const char *code, int month, struct dashboard *d)
{
	size_t	 i, j;

	ck_assert_int_eq(kpi_dashboard(&db, &a, &strat, 2024, month, d), DB_OK);
	for (i = 0; i < d->naims; i++)
		for (j = 0; j < d->aims[i].nkpis; j++)
			if (strcmp(d->aims[i].kpis[j].code, code) == 0)
				return &d->aims[i].kpis[j];
	ck_abort_msg("no KPI %s on the dashboard", code);
	return NULL;
}

/* kpi_hits as the triggers left it equals a count from scratch. */
static void
assert_hits_exact(void)
{
	th_sql(&db, "DROP TEMPORARY TABLE IF EXISTS kept; "
	    "CREATE TEMPORARY TABLE kept AS SELECT * FROM kpi_hits; "
	    "DROP TEMPORARY TABLE IF EXISTS kept_first; "
	    "CREATE TEMPORARY TABLE kept_first AS SELECT * FROM person_first; "
	    "CALL kpi_rebuild()");
	th_sql_true(&db, "NOT EXISTS (SELECT * FROM kept EXCEPT "
	    "SELECT * FROM kpi_hits) AND NOT EXISTS (SELECT * FROM kpi_hits "
	    "EXCEPT SELECT * FROM kept)");
	th_sql_true(&db, "NOT EXISTS (SELECT * FROM kept_first EXCEPT "
	    "SELECT * FROM person_first) AND NOT EXISTS (SELECT * FROM "
	    "person_first EXCEPT SELECT * FROM kept_first)");
}

START_TEST(seeded_rules_count_what_they_name)
{
	long long mp = person("MP One", "mp"), peer = person("Peer One", "peer");
	long long fcdo = person("Desk Officer", "fcdo_official");
	long long journo = person("Reporter", "journalist");
	long long faith1 = person("Rabbi One", "faith_leader");
	long long faith2 = person("Imam Two", "faith_leader");
	long long hias = person("HIAS Director", "hias_staff");
	long long coal1 = org("Coalition One", "coalition");
	long long coal2 = org("Coalition Two", "coalition");
	long long office1 = org("HIAS Office One", "hias_country_office");
	long long office2 = org("HIAS Office Two", "hias_country_office");
	static const char *const engagement_kpis[] = { "A1b", "A1c", "A1d",
	    "A2c", "A3d", "A4a", "A4b", "A4c", "A5a", "A5b" };
	size_t	 i;

	eng("correspondence", "2023-05-01", "", IDS(peer), NULL, NULL);
	eng("meeting", "2024-08-01", "", IDS(mp), NULL, NULL);
	eng("meeting", "2024-08-15", "", IDS(peer), NULL, NULL);
	eng("meeting", "2024-09-01", "", IDS(mp, journo), NULL, NULL);
	eng("media_appearance", "2024-10-01", "broadcast", NULL, NULL,
	    IDS(racial));
	eng("media_appearance", "2024-10-02", "online", NULL, NULL, NULL);
	eng("event_organised", "2024-11-01", "", NULL, NULL, IDS(racial));
	eng("event_participated", "2024-11-02", "", NULL, NULL, NULL);
	eng("coalition_meeting", "2024-12-01", "", NULL, IDS(coal1, coal2),
	    NULL);
	eng("coalition_meeting", "2025-01-01", "", NULL, IDS(coal1), NULL);
	eng("interfaith_meeting", "2025-02-01", "", IDS(faith1, faith2), NULL,
	    NULL);
	eng("meeting", "2025-02-02", "", IDS(faith1), NULL, NULL);
	eng("written_briefing", "2025-03-01", "", NULL, NULL, NULL);
	eng("meeting", "2025-03-02", "", IDS(fcdo), NULL, NULL);
	eng("meeting", "2025-04-01", "", IDS(hias), IDS(office1), NULL);
	eng("correspondence", "2025-05-01", "", IDS(hias), IDS(office2), NULL);

	ck_assert_int_eq(year_one("A1a"), 2);	/* the MP and the FCDO officer */
	ck_assert_int_eq(year_one("A1b"), 2);	/* the MP again, the Peer */
	ck_assert_int_eq(year_one("A1c"), 1);	/* not the online one */
	ck_assert_int_eq(year_one("A1d"), 2);
	ck_assert_int_eq(year_one("A2a"), 2);	/* two coalitions */
	ck_assert_int_eq(year_one("A2b"), 2);	/* two faith leaders */
	ck_assert_int_eq(year_one("A2c"), 1);
	ck_assert_int_eq(year_one("A3d"), 2);
	ck_assert_int_eq(year_one("A4a"), 1);
	ck_assert_int_eq(year_one("A4b"), 1);
	ck_assert_int_eq(year_one("A4c"), 1);
	ck_assert_int_eq(year_one("A4d"), 1);	/* one person, twice */
	ck_assert_int_eq(year_one("A4e"), 2);	/* two offices */
	ck_assert_int_eq(year_one("A5a"), 1);
	ck_assert_int_eq(year_one("A5b"), 1);
	/* Every engagement count is exactly the list it links to. */
	for (i = 0; i < sizeof(engagement_kpis) / sizeof(engagement_kpis[0]); i++)
		ck_assert_int_eq((long long)listed(engagement_kpis[i],
		    "2024-07-01", "2025-06-30"), year_one(engagement_kpis[i]));
	/* The people KPIs list the engagements their people are on. */
	ck_assert_int_eq(listed("A2b", "2024-07-01", "2025-06-30"), 2);
	ck_assert_int_eq(listed("A1a", "2024-07-01", "2025-06-30"), 2);
	assert_hits_exact();
}
END_TEST

START_TEST(year_edges_are_1_july_and_30_june)
{
	struct dashboard		 d;
	const struct kpi_figures	*k;
	long long			 mp = person("MP Two", "mp");

	eng("meeting", "2024-06-30", "", IDS(mp), NULL, NULL);
	eng("media_appearance", "2024-07-01", "broadcast", NULL, NULL, NULL);
	eng("media_appearance", "2025-06-30", "print", NULL, NULL, NULL);
	eng("media_appearance", "2025-07-01", "broadcast", NULL, NULL, NULL);
	ck_assert_int_eq(year_one("A1c"), 2);
	ck_assert_int_eq(count("A1c", "2025-07-01", "2026-06-30"), 1);
	ck_assert_int_eq(count("A1c", "2023-07-01", "2024-06-30"), 0);
	/* First met on 30 June 2024: new in 2023-24, not in 2024-25. */
	ck_assert_int_eq(year_one("A1a"), 0);
	ck_assert_int_eq(count("A1a", "2023-07-01", "2024-06-30"), 1);
	k = figures("A1c", 11, &d);
	ck_assert_str_eq(d.from, "2024-07-01");
	ck_assert_str_eq(d.to, "2025-06-30");
	ck_assert_int_eq((int)k->months[0], 1);
	ck_assert_int_eq((int)k->months[11], 1);
	ck_assert_int_eq((int)k->actual, 2);
	k = figures("A1c", 10, &d);
	ck_assert_str_eq(d.to, "2025-05-31");
	ck_assert_int_eq((int)k->actual, 1);
	ck_assert_int_eq(k->has_month[11], 0);
}
END_TEST

START_TEST(back_dated_entries_deletions_and_restores_move_who_is_new)
{
	struct dashboard		 d;
	const struct kpi_figures	*k;
	struct engagement		 e;
	long long			 mp = person("MP Three", "mp");
	long long			 oct, aug;

	oct = eng("meeting", "2024-10-10", "", IDS(mp), NULL, NULL);
	k = figures("A1a", 11, &d);
	ck_assert_int_eq((int)k->months[3], 1);		/* October */
	ck_assert_int_eq(year_one("A1b"), 0);
	/* A letter in August, entered later: she was new then. */
	aug = eng("correspondence", "2024-08-05", "", IDS(mp), NULL, NULL);
	k = figures("A1a", 11, &d);
	ck_assert_int_eq((int)k->months[1], 1);		/* August */
	ck_assert_int_eq((int)k->months[3], 0);
	ck_assert_int_eq(year_one("A1a"), 1);
	ck_assert_int_eq(year_one("A1b"), 1);	/* October is with someone known */
	ck_assert_int_eq(listed("A1b", "2024-10-01", "2024-10-31"), 1);
	/* Deleted, the letter no longer counts; restored, it does again. */
	ck_assert_int_eq(engagement_delete(&db, "tester", aug), DB_OK);
	ck_assert_int_eq(count("A1a", "2024-10-01", "2024-10-31"), 1);
	ck_assert_int_eq(year_one("A1b"), 0);
	ck_assert_int_eq(engagement_restore(&db, "tester", aug), DB_OK);
	ck_assert_int_eq(count("A1a", "2024-08-01", "2024-08-31"), 1);
	ck_assert_int_eq(year_one("A1b"), 1);
	/* Moved after the meeting, the meeting is first again. */
	ck_assert_int_eq(engagement_get(&db, &a, aug, &e), DB_OK);
	e.date = "2024-11-01";
	ck_assert_int_eq(engagement_save(&db, "tester", 0, &e), DB_OK);
	ck_assert_int_eq(count("A1a", "2024-10-01", "2024-10-31"), 1);
	ck_assert_int_eq(year_one("A1b"), 0);
	(void)oct;
	assert_hits_exact();
}
END_TEST

/*
 * The dashboard's every counted figure, month and year to date, against
 * kpi_count() of the same KPI and dates: more than one statement's worth
 * of KPIs (lib/kpi.c reads KPI_BATCH, 32, a statement).
 */
static size_t
dashboard_counted_exactly(int month)
{
	struct dashboard	 d;
	char			 ym[8], first[11], last[11];
	long long		 n;
	size_t			 i, j, counted = 0;
	int			 m;

	ck_assert_int_eq(kpi_dashboard(&db, &a, &strat, 2024, month, &d), DB_OK);
	for (i = 0; i < d.naims; i++)
		for (j = 0; j < d.aims[i].nkpis; j++) {
			const struct kpi_figures *k = &d.aims[i].kpis[j];

			if (!k->counted)
				continue;
			counted++;
			ck_assert_int_eq(kpi_count(&db, k->id, d.from, d.to, &n),
			    DB_OK);
			ck_assert_msg(k->has_actual && (long long)k->actual == n,
			    "%s: %g on the dashboard, %lld counted", k->code,
			    k->actual, n);
			for (m = 0; m <= month; m++) {
				kpi_month_bounds(2024, d.start_month, m, ym,
				    first, last);
				ck_assert_int_eq(kpi_count(&db, k->id, first,
				    last, &n), DB_OK);
				ck_assert(k->has_month[m]);
				ck_assert_msg((long long)k->months[m] == n,
				    "%s %s: %g, %lld counted", k->code, ym,
				    k->months[m], n);
			}
			if (month < 11)
				ck_assert(!k->has_month[month + 1]);
		}
	return counted;
}

/* A KPI counting every engagement, ZALL, beside the seeded ones. */
static long long
every_engagement_kpi(void)
{
	th_sql(&db, "INSERT INTO kpis (strategy_id, objective_id, code, label, "
	    "source, measure, created_at, updated_at) SELECT strategy_id, "
	    "objective_id, 'ZALL', 'Every engagement', 'counted', "
	    "'engagements', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM kpis "
	    "WHERE code = 'A1a' AND strategy_id = "
	    "(SELECT id FROM strategies WHERE first_year = 2024)");
	return kpi("ZALL");
}

static void
assert_dashboard_is_counts(int month)
{
	ck_assert_uint_gt(dashboard_counted_exactly(month), 32);
}

/* The engagement person_first names for person pid ("" for none). */
static const char *
first_of(long long pid)
{
	char	 sql[128];

	snprintf(sql, sizeof(sql), "SELECT IFNULL((SELECT engagement_id FROM "
	    "person_first WHERE person_id = %lld), '')", pid);
	return th_cell(&db, sql);
}

/* An engagement put in by SQL, so its time and id can be chosen. */
static long long
raw_eng(const char *date, const char *time, int deleted)
{
	char	 sql[512];

	snprintf(sql, sizeof(sql), "INSERT INTO engagements (type, "
	    "occurred_on, occurred_time, title, summary, outcome, created_by, "
	    "created_at, updated_at, deleted_at) VALUES ('meeting', '%s', %s, "
	    "'raw', '', '', NULL, UTC_TIMESTAMP(), UTC_TIMESTAMP(), %s)",
	    date, time, deleted ? "UTC_TIMESTAMP()" : "NULL");
	th_sql(&db, sql);
	return strtoll(th_cell(&db, "SELECT MAX(id) FROM engagements"), NULL,
	    10);
}

static void
raw_link(long long eid, long long pid)
{
	char	 sql[160];

	snprintf(sql, sizeof(sql), "INSERT INTO engagement_people "
	    "(engagement_id, person_id) VALUES (%lld, %lld)", eid, pid);
	th_sql(&db, sql);
}

/*
 * sql/017: a new link reads person_first instead of the person's whole
 * history.  It must move the first engagement exactly when the linked
 * one is live and earlier by day, time and id, and mark the old first
 * day for the report either way.
 */
START_TEST(a_new_link_moves_the_first_only_when_earlier)
{
	long long	 p = person("MP Link", "mp");
	long long	 older, ten, notime, nine, later, gone;
	char		 want[32];

	older = raw_eng("2024-09-01", "NULL", 0);	/* no one on it yet */
	ten = raw_eng("2024-09-01", "'10:00'", 0);
	raw_link(ten, p);
	snprintf(want, sizeof(want), "%lld", ten);
	ck_assert_str_eq(first_of(p), want);
	/* Same day, no time: before 10:00, so first. */
	notime = raw_eng("2024-09-01", "NULL", 0);
	raw_link(notime, p);
	snprintf(want, sizeof(want), "%lld", notime);
	ck_assert_str_eq(first_of(p), want);
	/* Same day at 09:00: after "no time", so not first. */
	nine = raw_eng("2024-09-01", "'09:00'", 0);
	raw_link(nine, p);
	ck_assert_str_eq(first_of(p), want);
	/* A later day neither; the report still hears of the first day. */
	later = raw_eng("2025-02-03", "NULL", 0);
	th_sql(&db, "DELETE FROM report_dirty_days");
	raw_link(later, p);
	ck_assert_str_eq(first_of(p), want);
	th_sql_true(&db, "(SELECT GROUP_CONCAT(DISTINCT day ORDER BY day) FROM "
	    "report_dirty_days) = '2024-09-01,2025-02-03'");
	/* A deleted engagement, however early, does not count. */
	gone = raw_eng("2023-01-01", "NULL", 1);
	raw_link(gone, p);
	ck_assert_str_eq(first_of(p), want);
	/* Same day and time as the first, with a lower id: first. */
	raw_link(older, p);
	snprintf(want, sizeof(want), "%lld", older);
	ck_assert_str_eq(first_of(p), want);
	assert_hits_exact();
}
END_TEST

START_TEST(the_dashboard_is_each_kpis_count)
{
	struct dashboard		 d;
	const struct kpi_figures	*k;
	long long			 mp = person("MP Dash", "mp");
	long long			 peer = person("Peer Dash", "peer");
	long long			 oct, nov;

	/* Two copies of every counted KPI (no rules: everything counts). */
	th_sql(&db, "INSERT INTO kpis (strategy_id, objective_id, code, label, "
	    "source, measure, sort_order, created_at, updated_at) "
	    "SELECT strategy_id, objective_id, CONCAT(c.p, id), label, "
	    "'counted', measure, 900 + id, UTC_TIMESTAMP(), UTC_TIMESTAMP() "
	    "FROM kpis JOIN (SELECT 'ZA' AS p UNION ALL SELECT 'ZB') c "
	    "WHERE source = 'counted' AND dropped_at IS NULL "
	    "AND strategy_id = (SELECT id FROM strategies WHERE first_year = 2024); "
	    "CALL kpi_rebuild()");
	every_engagement_kpi();
	assert_dashboard_is_counts(11);
	oct = eng("meeting", "2024-10-10", "", IDS(mp), NULL, NULL);
	nov = eng("correspondence", "2024-11-05", "", IDS(mp, peer), NULL, NULL);
	k = figures("ZALL", 11, &d);
	ck_assert_int_eq((int)k->actual, 2);
	ck_assert_int_eq((int)k->months[3], 1);		/* October */
	ck_assert_int_eq((int)k->months[4], 1);
	assert_dashboard_is_counts(11);
	assert_dashboard_is_counts(4);
	/* Saved, deleted and restored, the figure moves with it. */
	ck_assert_int_eq(engagement_delete(&db, "tester", nov), DB_OK);
	k = figures("ZALL", 11, &d);
	ck_assert_int_eq((int)k->actual, 1);
	ck_assert_int_eq((int)k->months[4], 0);
	assert_dashboard_is_counts(11);
	ck_assert_int_eq(engagement_restore(&db, "tester", nov), DB_OK);
	k = figures("ZALL", 11, &d);
	ck_assert_int_eq((int)k->actual, 2);
	assert_dashboard_is_counts(11);
	/* To the month chosen: November is not in October's dashboard. */
	k = figures("ZALL", 3, &d);
	ck_assert_int_eq((int)k->actual, 1);
	assert_dashboard_is_counts(3);
	(void)oct;
	assert_hits_exact();
}
END_TEST

START_TEST(a_person_met_in_an_earlier_year_is_existing)
{
	long long	 mp = person("MP Four", "mp");

	eng("meeting", "2023-03-01", "", IDS(mp), NULL, NULL);
	eng("meeting", "2024-09-01", "", IDS(mp), NULL, NULL);
	eng("meeting", "2024-10-01", "", IDS(mp), NULL, NULL);
	ck_assert_int_eq(year_one("A1a"), 0);
	ck_assert_int_eq(year_one("A1b"), 2);
	ck_assert_int_eq(count("A1a", "2022-07-01", "2023-06-30"), 1);
	ck_assert_int_eq(count("A1b", "2022-07-01", "2023-06-30"), 0);
}
END_TEST

START_TEST(people_and_organisations_are_counted_once_a_period)
{
	struct dashboard		 d;
	const struct kpi_figures	*k;
	long long			 rabbi = person("Rabbi Three", "faith_leader");
	long long			 office = org("HIAS Office Three",
	    "hias_country_office");

	eng("interfaith_meeting", "2024-08-10", "", IDS(rabbi), NULL, NULL);
	eng("interfaith_meeting", "2024-09-10", "", IDS(rabbi), NULL, NULL);
	eng("meeting", "2024-09-20", "", NULL, IDS(office), NULL);
	eng("correspondence", "2024-09-21", "", NULL, IDS(office), NULL);
	k = figures("A2b", 2, &d);
	ck_assert_int_eq((int)k->months[1], 1);
	ck_assert_int_eq((int)k->months[2], 1);
	ck_assert_int_eq((int)k->actual, 1);
	ck_assert_int_eq(year_one("A4e"), 1);
	ck_assert_int_eq(listed("A4e", "2024-07-01", "2025-06-30"), 2);
	ck_assert_int_eq(year_one("A2c"), 2);	/* the meetings themselves */
}
END_TEST

START_TEST(category_and_kind_changes_count_again)
{
	struct person		 p;
	struct organisation	 o;
	long long		 who = person("Canon Five", "other");
	long long		 where = org("Office Five", "ngo");

	eng("meeting", "2024-09-01", "", IDS(who), IDS(where), NULL);
	ck_assert_int_eq(year_one("A2b"), 0);
	ck_assert_int_eq(year_one("A4e"), 0);
	ck_assert_int_eq(person_get(&db, &a, who, &p), DB_OK);
	p.category = "faith_leader";
	ck_assert_int_eq(person_save(&db, "tester", &p), DB_OK);
	ck_assert_int_eq(year_one("A2b"), 1);
	ck_assert_int_eq(org_get(&db, &a, where, &o), DB_OK);
	o.kind = "hias_country_office";
	ck_assert_int_eq(org_save(&db, "tester", &o), DB_OK);
	ck_assert_int_eq(year_one("A4e"), 1);
	/* A decision-maker category changes who the A1 rules count. */
	th_sql(&db, "UPDATE person_categories SET decision_maker = 1 "
	    "WHERE code = 'faith_leader'");
	ck_assert_int_eq(year_one("A1a"), 1);
	th_sql(&db, "UPDATE person_categories SET decision_maker = 0 "
	    "WHERE code = 'faith_leader'");
	ck_assert_int_eq(year_one("A1a"), 0);
	assert_hits_exact();
}
END_TEST

START_TEST(merges_move_what_is_counted)
{
	long long	 one = person("Peer Six", "peer");
	long long	 two = person("Peer Six (duplicate)", "peer");
	long long	 merge_id;

	eng("meeting", "2024-08-01", "", IDS(one), NULL, NULL);
	eng("meeting", "2024-09-01", "", IDS(two), NULL, NULL);
	ck_assert_int_eq(year_one("A1a"), 2);
	ck_assert_int_eq(year_one("A1b"), 0);
	ck_assert_int_eq(person_merge(&db, "tester", one, two, &merge_id), DB_OK);
	ck_assert_int_eq(year_one("A1a"), 1);
	ck_assert_int_eq(year_one("A1b"), 1);
	ck_assert_int_eq(person_merge_undo(&db, "tester", merge_id), DB_OK);
	ck_assert_int_eq(year_one("A1a"), 2);
	assert_hits_exact();
}
END_TEST

START_TEST(period_arithmetic)
{
	char	 ym[8], first[11], last[11];
	int	 y = 0;

	ck_assert_int_eq(kpi_year_parse("2024-25", &y), 0);
	ck_assert_int_eq(y, 2024);
	ck_assert_int_eq(kpi_year_parse("1999-00", &y), 0);
	ck_assert_int_eq(y, 1999);
	ck_assert_int_eq(kpi_year_parse("2024", &y), 0);
	ck_assert_int_eq(kpi_year_parse("2024-26", &y), -1);
	ck_assert_int_eq(kpi_year_parse("2024/25", &y), -1);
	ck_assert_int_eq(kpi_year_parse("", &y), -1);
	ck_assert_int_eq(kpi_month_index("2024-07", 2024, 7), 0);
	ck_assert_int_eq(kpi_month_index("2025-06", 2024, 7), 11);
	ck_assert_int_eq(kpi_month_index("2025-07", 2024, 7), -1);
	ck_assert_int_eq(kpi_month_index("2024-06", 2024, 7), -1);
	ck_assert_int_eq(kpi_month_index("2024-13", 2024, 7), -1);
	kpi_month_bounds(2024, 7, 7, ym, first, last);
	ck_assert_str_eq(ym, "2025-02");
	ck_assert_str_eq(first, "2025-02-01");
	ck_assert_str_eq(last, "2025-02-28");
	kpi_month_bounds(2023, 7, 7, ym, first, last);
	ck_assert_str_eq(last, "2024-02-29");
	kpi_month_bounds(2024, 1, 11, ym, first, last);
	ck_assert_str_eq(last, "2024-12-31");
	ck_assert_int_eq(kpi_default_month(2024, 7, "2025-03-15"), 7);
	ck_assert_int_eq(kpi_default_month(2024, 7, "2024-07-10"), 0);
	ck_assert_int_eq(kpi_default_month(2024, 7, "2026-11-25"), 11);
	ck_assert_int_eq(kpi_default_month(2024, 7, "2025-07-01"), 11);
	ck_assert_int_eq(kpi_year_of("2025-06-30", 7), 2024);
	ck_assert_int_eq(kpi_year_of("2025-07-01", 7), 2025);
	ck_assert_int_eq(kpi_year_of("2025-03-31", 4), 2024);
}
END_TEST

START_TEST(status_against_the_pro_rata_target)
{
	struct dashboard		 d;
	const struct kpi_figures	*k;
	long long			 r1 = person("Rabbi Seven", "faith_leader");
	long long			 r2 = person("Rabbi Eight", "faith_leader");

	ck_assert_int_eq(kpi_status_of(9, 10, 90, 70), KPI_ON_TRACK);
	ck_assert_int_eq(kpi_status_of(8.99, 10, 90, 70), KPI_AT_RISK);
	ck_assert_int_eq(kpi_status_of(7, 10, 90, 70), KPI_AT_RISK);
	ck_assert_int_eq(kpi_status_of(6.99, 10, 90, 70), KPI_BEHIND);
	ck_assert_int_eq(kpi_status_of(0, 0, 90, 70), KPI_ON_TRACK);
	ck_assert_int_eq(kpi_status_of(0, 1, 100, 0), KPI_AT_RISK);
	ck_assert(kpi_expected(12, 2, 0) == 3);
	ck_assert(kpi_expected(12, 11, 0) == 12);
	ck_assert(kpi_expected(50, 2, 1) == 50);
	ck_assert_str_eq(kpi_status_words(KPI_AT_RISK), "at risk");
	ck_assert_int_eq(kpi_status_parse("behind"), KPI_BEHIND);
	/* A2b's year-one target is the strategy's eight faith leaders. */
	eng("interfaith_meeting", "2024-08-01", "", IDS(r1, r2), NULL, NULL);
	k = figures("A2b", 2, &d);	/* to September: 2 of 8 * 3/12 */
	ck_assert_int_eq(k->has_target, 1);
	ck_assert(k->target == 8);
	ck_assert(k->expected == 2);
	ck_assert_int_eq(k->status, KPI_ON_TRACK);
	k = figures("A2b", 5, &d);	/* December: 2 of 4 */
	ck_assert_int_eq(k->status, KPI_BEHIND);
	k = figures("A2b", 3, &d);	/* October: 2 of 2.67 = 75% */
	ck_assert_int_eq(k->status, KPI_AT_RISK);
	k = figures("A1c", 3, &d);	/* no target entered */
	ck_assert_int_eq(k->status, KPI_NO_TARGET);
	/* Thresholds are the strategy's data. */
	th_sql(&db, "UPDATE strategies SET at_risk_pct = 80 "
	    "WHERE first_year = 2024");
	ck_assert_int_eq(strat_get(&db, &a, strat.id, &strat), DB_OK);
	k = figures("A2b", 3, &d);
	ck_assert_int_eq(k->status, KPI_BEHIND);
	th_sql(&db, "UPDATE strategies SET at_risk_pct = 70 "
	    "WHERE first_year = 2024");
	ck_assert_int_eq(strat_get(&db, &a, strat.id, &strat), DB_OK);
}
END_TEST

START_TEST(manual_values_by_the_month)
{
	struct dashboard		 d;
	const struct kpi_figures	*k;
	struct kpi_value		 v[KPI_MONTHS];
	long long			 followers = kpi("A1e"), posts = kpi("A1f");

	ck_assert_int_eq(kpi_value_save(&db, "tester", followers, "2024-07",
	    "3000", "", 0), DB_OK);
	ck_assert_int_eq(kpi_value_save(&db, "tester", followers, "2024-08",
	    "3120", "after the summer campaign", 0), DB_OK);
	ck_assert_int_eq(kpi_value_save(&db, "tester", posts, "2024-07", "5",
	    "", 0), DB_OK);
	ck_assert_int_eq(kpi_value_save(&db, "tester", posts, "2024-08", "7.5",
	    "", 0), DB_OK);
	k = figures("A1e", 1, &d);
	ck_assert(k->actual == 3120);		/* a level: the latest */
	k = figures("A1e", 0, &d);
	ck_assert(k->actual == 3000);
	k = figures("A1f", 1, &d);
	ck_assert(k->actual == 12.5);		/* added up */
	ck_assert(k->months[1] == 7.5);
	k = figures("A1f", 11, &d);
	ck_assert_int_eq(k->has_month[2], 0);	/* not entered */
	/* Versions: a second "first" entry and a stale edit are refused. */
	ck_assert_int_eq(kpi_value_save(&db, "tester", posts, "2024-07", "6",
	    "", 0), DB_CONFLICT);
	ck_assert_int_eq(kpi_value_save(&db, "tester", posts, "2024-07", "6",
	    "corrected", 1), DB_OK);
	ck_assert_int_eq(kpi_value_save(&db, "tester", posts, "2024-07", "8",
	    "", 1), DB_CONFLICT);
	ck_assert_int_eq(kpi_values_year(&db, &a, posts, 2024, 7, v), DB_OK);
	ck_assert_str_eq(v[0].value, "6");
	ck_assert_str_eq(v[0].note, "corrected");
	ck_assert_int_eq(v[0].version, 2);
	ck_assert_str_eq(v[1].value, "7.5");
	ck_assert_int_eq(v[2].has_value, 0);
	ck_assert_int_eq(kpi_value_delete(&db, "tester", posts, "2024-07", 1),
	    DB_CONFLICT);
	ck_assert_int_eq(kpi_value_delete(&db, "tester", posts, "2024-07", 2),
	    DB_OK);
	k = figures("A1f", 1, &d);
	ck_assert(k->actual == 7.5);
	/* Counted KPIs take no values; bad numbers are refused. */
	ck_assert_int_eq(kpi_value_save(&db, "tester", kpi("A1c"), "2024-07",
	    "3", "", 0), DB_ERROR);
	ck_assert_int_eq(kpi_value_save(&db, "tester", posts, "2024-09",
	    "1,200", "", 0), DB_ERROR);
	ck_assert_ptr_null(kpi_number_problem("1200"));
	ck_assert_ptr_null(kpi_number_problem("-2.5"));
	ck_assert_ptr_nonnull(kpi_number_problem("2."));
	ck_assert_ptr_nonnull(kpi_number_problem("1.234"));
	ck_assert_ptr_nonnull(kpi_number_problem("£5"));
	/* Each change has its audit row. */
	th_sql_true(&db, "(SELECT COUNT(*) FROM audit_log WHERE entity = 'kpi' "
	    "AND action = 'value') = 6");
}
END_TEST

START_TEST(a_frozen_snapshot_does_not_change)
{
	struct dashboard		 live, frozen;
	struct kpi_snapshot		*list;
	size_t				 n, i, j;
	long long			 id, gone, kept;
	const struct kpi_figures	*k = NULL;

	gone = eng("media_appearance", "2024-09-01", "print", NULL, NULL, NULL);
	kept = eng("media_appearance", "2024-09-02", "broadcast", NULL, NULL,
	    NULL);
	ck_assert_int_eq(kpi_dashboard(&db, &a, &strat, 2024, 2, &live), DB_OK);
	ck_assert_int_eq(kpi_snapshot_freeze(&db, "tester", &live, &id), DB_OK);
	/* After freezing, the record changes; the live dashboard follows. */
	ck_assert_int_eq(engagement_delete(&db, "tester", gone), DB_OK);
	ck_assert_int_eq(year_one("A1c"), 1);
	ck_assert_int_eq(kpi_snapshot_get(&db, &a, id, &frozen), DB_OK);
	ck_assert_int_eq(frozen.snapshot_id, id);
	ck_assert_str_eq(frozen.frozen_by, "tester");
	ck_assert_str_eq(frozen.year_label, "2024-25");
	ck_assert_int_eq(frozen.month, 2);
	ck_assert_str_eq(frozen.to, "2024-09-30");
	ck_assert_uint_eq(frozen.naims, live.naims);
	for (i = 0; i < frozen.naims; i++) {
		ck_assert_uint_eq(frozen.aims[i].nkpis, live.aims[i].nkpis);
		for (j = 0; j < frozen.aims[i].nkpis; j++) {
			const struct kpi_figures *f = &frozen.aims[i].kpis[j];
			const struct kpi_figures *l = &live.aims[i].kpis[j];

			ck_assert_str_eq(f->code, l->code);
			ck_assert(f->actual == l->actual);
			ck_assert_int_eq(f->status, l->status);
			ck_assert(f->months[1] == l->months[1]);
			if (strcmp(f->code, "A1c") == 0)
				k = f;
		}
	}
	ck_assert_ptr_nonnull(k);
	ck_assert(k->actual == 2);
	ck_assert(k->months[2] == 2);
	/* Nothing may rewrite a snapshot, not even plain SQL. */
	ck_assert_int_ne(db_run_script(&db, "UPDATE dashboard_snapshots SET "
	    "figures = '{}'", strlen("UPDATE dashboard_snapshots SET "
	    "figures = '{}'")), DB_OK);
	ck_assert_int_eq(kpi_snapshots(&db, &a, strat.id, &list, &n), DB_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(list[0].month, "2024-09");
	ck_assert_int_eq(kpi_snapshot_get(&db, &a, id + 1000, &frozen),
	    DB_NOTFOUND);
	(void)kept;
}
END_TEST


/* ZALL's year to date (month index 11) and one month on the dashboard. */
static void
assert_zall(int month, long long actual, int m, long long in_month)
{
	struct dashboard		 d;
	const struct kpi_figures	*k = figures("ZALL", month, &d);

	ck_assert_int_eq((long long)k->actual, actual);
	ck_assert_int_eq((long long)k->months[m], in_month);
}

/* The seeded counted KPIs and ZALL, exactly. */
static void
assert_stored_is_counts(int month)
{
	ck_assert_uint_gt(dashboard_counted_exactly(month), 1);
}

/*
 * The stored counts (sql/016) against a count from scratch after every
 * kind of change, for the year and for a period to a month.
 */
START_TEST(stored_counts_follow_every_change)
{
	struct engagement	 e;
	struct kpi_rule		 rule;
	static const char	*meeting[] = { "meeting" };
	long long		 mp = person("MP Store", "mp"), zall, oct, nov;

	zall = every_engagement_kpi();
	assert_stored_is_counts(11);
	oct = eng("meeting", "2024-10-10", "", IDS(mp), NULL, NULL);
	assert_zall(11, 1, 3, 1);
	assert_stored_is_counts(11);
	nov = eng("correspondence", "2024-11-05", "", IDS(mp), NULL, NULL);
	assert_zall(11, 2, 4, 1);
	assert_zall(3, 1, 3, 1);
	assert_stored_is_counts(3);
	/* Moved from November to August. */
	ck_assert_int_eq(engagement_get(&db, &a, nov, &e), DB_OK);
	e.date = "2024-08-20";
	ck_assert_int_eq(engagement_save(&db, "tester", 0, &e), DB_OK);
	assert_zall(11, 2, 4, 0);
	assert_zall(3, 2, 1, 1);
	assert_stored_is_counts(11);
	assert_stored_is_counts(3);
	ck_assert_int_eq(engagement_delete(&db, "tester", nov), DB_OK);
	assert_zall(3, 1, 1, 0);
	assert_stored_is_counts(3);
	ck_assert_int_eq(engagement_restore(&db, "tester", nov), DB_OK);
	assert_zall(3, 2, 1, 1);
	assert_stored_is_counts(3);
	/* A rule: meetings only. */
	memset(&rule, 0, sizeof(rule));
	rule.measure = "engagements";
	rule.newness = "any";
	rule.types = meeting;
	rule.ntypes = 1;
	ck_assert_int_eq(kpi_rule_save(&db, "tester", zall, 1, &rule,
	    "Meetings only"), DB_OK);
	assert_zall(11, 1, 1, 0);
	assert_stored_is_counts(11);
	(void)oct;
}
END_TEST

/*
 * A view with no change since the last reads the stored figures: hits
 * removed behind the marks' back do not show until kpi_rebuild(), which
 * marks every KPI, as after a bulk load.
 */
START_TEST(stored_counts_are_read_until_marked)
{
	long long	 mp = person("MP Bulk", "mp"), zall;
	char		 sql[200];

	zall = every_engagement_kpi();
	eng("meeting", "2024-10-10", "", IDS(mp), NULL, NULL);
	eng("meeting", "2024-12-10", "", IDS(mp), NULL, NULL);
	assert_zall(11, 2, 3, 1);
	snprintf(sql, sizeof(sql), "SET @kpi_count_marks_off = 1; "
	    "DELETE FROM kpi_hits WHERE kpi_id = %lld; "
	    "SET @kpi_count_marks_off = NULL", zall);
	th_sql(&db, sql);
	assert_zall(11, 2, 3, 1);	/* stored: nothing marked it stale */
	th_sql(&db, "CALL kpi_rebuild()");
	assert_zall(11, 2, 3, 1);
	assert_stored_is_counts(11);
	/* A bulk load (no KPI triggers) then kpi_rebuild(). */
	th_sql(&db, "SET @tracker_kpi_bulk = 1; "
	    "INSERT INTO engagements (type, occurred_on, title, summary, "
	    "outcome, created_at, updated_at) SELECT type, '2024-10-11', "
	    "title, summary, outcome, created_at, updated_at "
	    "FROM engagements LIMIT 1; SET @tracker_kpi_bulk = NULL");
	assert_zall(11, 2, 3, 1);
	th_sql(&db, "CALL kpi_rebuild()");
	assert_zall(11, 3, 3, 2);
	assert_stored_is_counts(11);
	/* A KPI's own rebuild, as a rule change runs it. */
	th_sql(&db, sql);
	snprintf(sql, sizeof(sql), "CALL kpi_rebuild_kpi(%lld)", zall);
	th_sql(&db, sql);
	assert_zall(11, 3, 3, 2);
	ck_assert_int_eq(th_num(&db, "SELECT @kpi_count_marks_off IS NULL"), 1);
}
END_TEST

/*
 * Saves on two other connections, one committing before a view counts
 * and one after though its mark took the lower id: the next view counts
 * both (a high-water id would miss the second).
 */
START_TEST(a_save_committed_after_a_recount_is_not_missed)
{
	struct db	 db2, db3;
	struct conf	 conf2, conf3;
	long long	 mp = person("MP Race", "mp"), zall, oct;
	char		 sql[300];

	zall = every_engagement_kpi();
	oct = eng("meeting", "2024-10-10", "", IDS(mp), NULL, NULL);
	assert_zall(11, 1, 3, 1);
	th_db_open(&db2, &conf2);
	th_db_open(&db3, &conf3);
	snprintf(sql, sizeof(sql), "START TRANSACTION; INSERT INTO kpi_hits "
	    "(kpi_id, occurred_on, engagement_id, subject_id) "
	    "VALUES (%lld, '2024-09-01', %lld, 999000001)", zall, oct);
	th_sql(&db2, sql);
	snprintf(sql, sizeof(sql), "INSERT INTO kpi_hits "
	    "(kpi_id, occurred_on, engagement_id, subject_id) "
	    "VALUES (%lld, '2024-09-02', %lld, 999000002)", zall, oct);
	th_sql(&db3, sql);
	assert_zall(11, 2, 2, 1);	/* db3's, not db2's uncommitted one */
	th_sql(&db2, "COMMIT");
	assert_zall(11, 3, 2, 2);
	assert_stored_is_counts(11);
	/* While another view recounts (holds the lock), a view counts. */
	th_sql(&db2, "START TRANSACTION; "
	    "SELECT id FROM kpi_count_lock WHERE id = 1 FOR UPDATE");
	snprintf(sql, sizeof(sql), "INSERT INTO kpi_hits "
	    "(kpi_id, occurred_on, engagement_id, subject_id) "
	    "VALUES (%lld, '2024-09-03', %lld, 999000003)", zall, oct);
	th_sql(&db3, sql);
	assert_zall(11, 4, 2, 3);
	th_sql(&db2, "COMMIT");
	assert_zall(11, 4, 2, 3);
	th_db_close(&db3, &conf3);
	th_db_close(&db2, &conf2);
}
END_TEST

/* Past KPI_MARKS_KEPT marks a recount forgets them and the periods. */
START_TEST(old_marks_are_forgotten_with_the_periods)
{
	long long	 mp = person("MP Trim", "mp");

	every_engagement_kpi();
	eng("meeting", "2024-10-10", "", IDS(mp), NULL, NULL);
	assert_zall(11, 1, 3, 1);
	th_sql(&db, "INSERT INTO kpi_count_marks (kpi_id, occurred_on) "
	    "SELECT 0, '2000-01-01' FROM seq_1_to_20000");
	eng("meeting", "2024-10-11", "", IDS(mp), NULL, NULL);
	assert_zall(11, 2, 3, 2);
	ck_assert_int_lt(th_num(&db, "SELECT COUNT(*) FROM kpi_count_marks"),
	    100);
	assert_zall(11, 2, 3, 2);
	assert_stored_is_counts(11);
}
END_TEST

static long long
objective(const char *code)
{
	struct strat_tree	 t;
	size_t			 i;

	ck_assert_int_eq(strat_tree(&db, &a, strat.id, &t), DB_OK);
	for (i = 0; i < t.nobjectives; i++)
		if (strcmp(t.objectives[i].code, code) == 0)
			return t.objectives[i].id;
	ck_abort_msg("no objective %s", code);
	return 0;
}

static struct strat_item
new_kpi(const char *code, const char *source)
{
	struct strat_item	 it;

	memset(&it, 0, sizeof(it));
	it.kind = SK_KPI;
	it.parent_id = objective("A1");
	it.values[KPI_CODE] = code;
	it.values[KPI_LABEL] = "Test indicator";
	it.values[KPI_KEY] = "0";
	it.values[KPI_UNIT] = "meetings";
	it.values[KPI_SOURCE] = source;
	it.values[KPI_ACCUMULATE] = "sum";
	it.values[KPI_SORT] = "100";
	return it;
}

START_TEST(rules_are_data_and_every_change_is_logged)
{
	static const char *meeting[] = { "meeting" };
	static const char *letters[] = { "correspondence" };
	struct strat_decision	*log;
	struct strat_item	 it = new_kpi("Z1", "counted"), now;
	struct kpi_rule		 rule;
	size_t			 n;
	long long		 mp = person("MP Nine", "mp");

	eng("meeting", "2024-09-01", "", IDS(mp), NULL, NULL);
	eng("correspondence", "2024-09-02", "", IDS(mp), NULL, NULL);
	eng("correspondence", "2024-09-03", "", NULL, NULL, IDS(other_area));
	ck_assert_int_eq(strat_item_save(&db, "tester", &it, "A test KPI"),
	    DB_OK);
	ck_assert_int_eq(it.version, 1);
	ck_assert_int_eq(it.strategy_id, strat.id);
	/* No rule yet: every live engagement counts. */
	ck_assert_int_eq(year_one("Z1"), 3);
	memset(&rule, 0, sizeof(rule));
	rule.measure = "engagements";
	rule.newness = "any";
	rule.types = meeting;
	rule.ntypes = 1;
	ck_assert_int_eq(kpi_rule_save(&db, "tester", it.id, 1, &rule,
	    "Count meetings only"), DB_OK);
	ck_assert_int_eq(year_one("Z1"), 1);
	/* The version moved on: an edit from the old page is refused. */
	rule.types = letters;
	ck_assert_int_eq(kpi_rule_save(&db, "tester", it.id, 1, &rule,
	    "stale"), DB_CONFLICT);
	ck_assert_int_eq(kpi_rule_save(&db, "tester", it.id, 2, &rule,
	    "Letters instead"), DB_OK);
	ck_assert_int_eq(year_one("Z1"), 2);
	rule.nareas = 1;
	rule.areas = &other_area;
	ck_assert_int_eq(kpi_rule_save(&db, "tester", it.id, 3, &rule,
	    "Only the test area"), DB_OK);
	ck_assert_int_eq(year_one("Z1"), 1);
	memset(&rule, 0, sizeof(rule));
	ck_assert_int_eq(kpi_rule_get(&db, &a, it.id, &rule), DB_OK);
	ck_assert_uint_eq(rule.ntypes, 1);
	ck_assert_str_eq(rule.types[0], "correspondence");
	ck_assert_uint_eq(rule.nareas, 1);
	ck_assert_int_eq(rule.areas[0], other_area);
	/* Switched to manual, it counts nothing. */
	ck_assert_int_eq(strat_item_get(&db, &a, SK_KPI, it.id, &now), DB_OK);
	ck_assert_int_eq(now.version, 4);
	now.values[KPI_SOURCE] = "manual";
	ck_assert_int_eq(strat_item_save(&db, "tester", &now,
	    "Kept by hand from now on"), DB_OK);
	ck_assert_int_eq(year_one("Z1"), 0);
	/* Dropped, it leaves the dashboard; restored, it is back. */
	ck_assert_int_eq(strat_item_set_dropped(&db, "tester", SK_KPI, it.id,
	    4, 1, "stale"), DB_CONFLICT);
	ck_assert_int_eq(strat_item_set_dropped(&db, "tester", SK_KPI, it.id,
	    5, 1, "No longer measured"), DB_OK);
	ck_assert_int_eq(strat_item_set_dropped(&db, "tester", SK_KPI, it.id,
	    6, 0, "Measured again"), DB_OK);
	ck_assert_int_eq(strat_decisions(&db, &a, strat.id, &log, &n), DB_OK);
	ck_assert_uint_ge(n, 7);
	ck_assert_str_eq(log[0].action, "restore");
	ck_assert_str_eq(log[0].reason, "Measured again");
	ck_assert_str_eq(log[0].label, "KPI Z1 Test indicator");
	ck_assert_str_eq(log[1].action, "drop");
	ck_assert_str_eq(log[2].action, "update");
	ck_assert_str_eq(log[2].reason, "Kept by hand from now on");
	ck_assert_uint_eq(log[2].nchanges, 1);
	ck_assert_str_eq(log[2].changes[0].field, "source");
	ck_assert_str_eq(log[2].changes[0].before, "counted");
	ck_assert_str_eq(log[2].changes[0].after, "manual");
	ck_assert_str_eq(log[3].action, "rule");
	ck_assert_str_eq(log[3].changes[0].field, "policy areas");
	ck_assert_str_eq(log[3].changes[0].after, "Test area");
	ck_assert_str_eq(log[6].action, "create");
	th_sql_true(&db, "(SELECT COUNT(*) FROM audit_log WHERE entity = 'KPI' "
	    "AND after_data LIKE '%Letters instead%') = 1");
}
END_TEST

START_TEST(strategy_items_carry_versions_and_reasons)
{
	struct strat_item	 s, aim, obj, goal, k, again;
	struct kpi_target	*t;
	struct strat_tree	 tree;
	size_t			 n;

	memset(&s, 0, sizeof(s));
	s.kind = SK_STRATEGY;
	s.values[ST_NAME] = "Another charity's strategy";
	s.values[ST_FIRST_YEAR] = "2030";
	s.values[ST_YEARS] = "2";
	s.values[ST_START_MONTH] = "4";
	s.values[ST_ON_TRACK] = "100";
	s.values[ST_AT_RISK] = "75";
	ck_assert_int_eq(strat_item_save(&db, "tester", &s, "Our own"), DB_OK);
	memset(&aim, 0, sizeof(aim));
	aim.kind = SK_AIM;
	aim.parent_id = s.id;
	aim.values[AIM_CODE] = "X";
	aim.values[AIM_NAME] = "Campaigning";
	aim.values[AIM_STATEMENT] = "";
	aim.values[AIM_SORT] = "1";
	ck_assert_int_eq(strat_item_save(&db, "tester", &aim, "First aim"), DB_OK);
	ck_assert_int_eq(aim.strategy_id, s.id);
	again = aim;
	again.id = 0;
	ck_assert_int_eq(strat_item_save(&db, "tester", &again, "twice"),
	    DB_DUPLICATE);
	memset(&obj, 0, sizeof(obj));
	obj.kind = SK_OBJECTIVE;
	obj.parent_id = aim.id;
	obj.values[OBJ_CODE] = "X1";
	obj.values[OBJ_TEXT] = "Win the vote";
	obj.values[OBJ_SORT] = "1";
	ck_assert_int_eq(strat_item_save(&db, "tester", &obj, "Because"), DB_OK);
	memset(&goal, 0, sizeof(goal));
	goal.kind = SK_GOAL;
	goal.parent_id = obj.id;
	goal.values[GOAL_YEAR] = "2030";
	goal.values[GOAL_TEXT] = "Meet every MP on the committee";
	ck_assert_int_eq(strat_item_save(&db, "tester", &goal, "Year one"),
	    DB_OK);
	k = new_kpi("Z2", "manual");
	k.parent_id = obj.id;
	ck_assert_int_eq(strat_item_save(&db, "tester", &k, "Its measure"),
	    DB_OK);
	ck_assert_int_eq(k.strategy_id, s.id);
	/* Two people edit the same aim: the second is refused. */
	again = aim;
	aim.values[AIM_NAME] = "Campaigning and advocacy";
	ck_assert_int_eq(strat_item_save(&db, "tester", &aim, "Wider"), DB_OK);
	ck_assert_int_eq(aim.version, 2);
	again.values[AIM_NAME] = "Lobbying";
	ck_assert_int_eq(strat_item_save(&db, "tester", &again, "Narrower"),
	    DB_CONFLICT);
	/* Targets: one per strategy year, "" for none. */
	ck_assert_int_eq(kpi_targets_get(&db, &a, k.id, &t, &n), DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(t[0].year, 2030);
	ck_assert_str_eq(t[0].value, "");
	t[0].value = "12";
	t[1].value = "14.5";
	ck_assert_int_eq(kpi_targets_save(&db, "tester", k.id, 1, t, n,
	    "Agreed by the board"), DB_OK);
	ck_assert_int_eq(kpi_targets_save(&db, "tester", k.id, 1, t, n,
	    "stale"), DB_CONFLICT);
	ck_assert_int_eq(kpi_targets_get(&db, &a, k.id, &t, &n), DB_OK);
	ck_assert_str_eq(t[0].value, "12");
	ck_assert_str_eq(t[1].value, "14.5");
	ck_assert_int_eq(strat_tree(&db, &a, s.id, &tree), DB_OK);
	ck_assert_uint_eq(tree.naims, 1);
	ck_assert_str_eq(tree.aims[0].name, "Campaigning and advocacy");
	ck_assert_uint_eq(tree.ngoals, 1);
	ck_assert_int_eq(tree.goals[0].year, 2030);
	ck_assert_uint_eq(tree.nkpis, 1);
	/* The strategy covering a year; years it does not cover have none. */
	ck_assert_int_eq(strat_for_year(&db, &a, 2031, &tree.strategy), DB_OK);
	ck_assert_int_eq(tree.strategy.id, s.id);
	ck_assert_int_eq(strat_for_year(&db, &a, 2032, &tree.strategy),
	    DB_NOTFOUND);
	th_sql_true(&db, "(SELECT COUNT(*) FROM strategy_decisions "
	    "WHERE reason = 'Agreed by the board' AND action = 'targets' "
	    "AND after_data LIKE '%\"2030-31\":\"12\"%') = 1");
	ck_assert_int_eq(strat_item_set_dropped(&db, "tester", SK_STRATEGY,
	    s.id, 1, 1, "Replaced"), DB_OK);
	ck_assert_int_eq(strat_for_year(&db, &a, 2031, &tree.strategy),
	    DB_NOTFOUND);
}
END_TEST

static Suite *
kpi_suite(void)
{
	Suite	*s = suite_create("kpi");
	TCase	*tc = tcase_create("kpi");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, seeded_rules_count_what_they_name);
	tcase_add_test(tc, year_edges_are_1_july_and_30_june);
	tcase_add_test(tc, back_dated_entries_deletions_and_restores_move_who_is_new);
	tcase_add_test(tc, a_new_link_moves_the_first_only_when_earlier);
	tcase_add_test(tc, the_dashboard_is_each_kpis_count);
	tcase_add_test(tc, stored_counts_follow_every_change);
	tcase_add_test(tc, stored_counts_are_read_until_marked);
	tcase_add_test(tc, a_save_committed_after_a_recount_is_not_missed);
	tcase_add_test(tc, old_marks_are_forgotten_with_the_periods);
	tcase_add_test(tc, a_person_met_in_an_earlier_year_is_existing);
	tcase_add_test(tc, people_and_organisations_are_counted_once_a_period);
	tcase_add_test(tc, category_and_kind_changes_count_again);
	tcase_add_test(tc, merges_move_what_is_counted);
	tcase_add_test(tc, period_arithmetic);
	tcase_add_test(tc, status_against_the_pro_rata_target);
	tcase_add_test(tc, manual_values_by_the_month);
	tcase_add_test(tc, a_frozen_snapshot_does_not_change);
	tcase_add_test(tc, rules_are_data_and_every_change_is_logged);
	tcase_add_test(tc, strategy_items_carry_versions_and_reasons);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(kpi_suite());
}
