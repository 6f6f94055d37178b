/*
 * lib/appg.c against a real MariaDB: groups, officers, members and
 * benefits saved with their audit rows and versions; the checks of a
 * whole group read back from the database, and an officer removed
 * turning them red; meetings recording their "APPG meeting" engagement
 * through engagement_save() in the same transaction (present
 * parliamentarians only, kept in step, deleted and restored with the
 * meeting); the minutes workflow (versions, circulate, approve at a later
 * meeting, locked after); actions across meetings; settings; the checks
 * that newly fail for the home page; nested transactions.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "appg.h"
#include "appg_rules.h"
#include "arena.h"
#include "audit.h"
#include "db.h"
#include "directory.h"
#include "engagements.h"
#include "people_search.h"
#include "testhelp.h"
#include "users.h"

#define TODAY	"2026-11-25"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;
static long long	 user_id;
static long long	 people[26];	/* 0-3 officers, 4-23 members, 24-25 spare */
static long long	 group_id;

static void
reset_tables(void)
{
	th_sql(&db, "DELETE FROM appg_minutes_versions; DELETE FROM appg_minutes; "
	    "DELETE FROM appg_actions; DELETE FROM appg_attendance; "
	    "DELETE FROM appg_agenda_items; DELETE FROM appg_meetings; "
	    "DELETE FROM appg_benefits; DELETE FROM appg_members; "
	    "DELETE FROM appg_officers; DELETE FROM appg_groups; "
	    "DELETE FROM follow_ups; DELETE FROM engagement_people; "
	    "DELETE FROM engagements; DELETE FROM person_terms; "
	    "DELETE FROM people");
	th_reset(&db);
}

static long long
add_person(const char *name, const char *category, const char *party)
{
	struct person	 p;

	memset(&p, 0, sizeof(p));
	p.full_name = name;
	p.category = category;
	p.role_title = p.constituency = p.email = p.phone = p.notes = "";
	p.party = party;
	p.house = strcmp(category, "mp") == 0 ? "commons" :
	    strcmp(category, "peer") == 0 ? "lords" : "";
	p.is_current = 1;
	ck_assert_msg(person_save(&db, "tester", &p) == DB_OK, "%s", db.error);
	return p.id;
}

static long long
save_group(const char *title)
{
	struct appg_group	 g;

	memset(&g, 0, sizeof(g));
	g.title = title;
	g.purpose = "To test the rules.";
	g.category = "subject";
	g.year_end_month = 3;
	g.year_end_day = 10;
	g.annual_report_on = "2026-03-17";
	g.secretariat = "HIAS+JCORE";
	ck_assert_msg(appg_group_save(&db, "tester", &g) == DB_OK, "%s",
	    db.error);
	ck_assert_int_gt(g.id, 0);
	ck_assert_int_eq(g.version, 1);
	return g.id;
}

static long long
add_officer(long long group, long long person, enum appg_post post,
    const char *from)
{
	struct appg_officer	 o;

	memset(&o, 0, sizeof(o));
	o.group_id = group;
	o.person_id = person;
	o.post = post;
	o.started_on = from;
	o.ended_on = "";
	ck_assert_msg(appg_officer_save(&db, "tester", &o) == DB_OK, "%s",
	    db.error);
	return o.id;
}

static long long
add_member(long long group, long long person, const char *from)
{
	struct appg_member	 m;

	memset(&m, 0, sizeof(m));
	m.group_id = group;
	m.person_id = person;
	m.joined_on = from;
	m.left_on = "";
	ck_assert_msg(appg_member_save(&db, "tester", &m) == DB_OK, "%s",
	    db.error);
	return m.id;
}

/* A meeting of the group; attendees as person ids, present first. */
static long long
save_meeting(struct appg_meeting *m, enum appg_kind kind, const char *held,
    const char *notice, const long long *present, size_t npresent,
    const long long *apologies, size_t napologies)
{
	size_t	 i;

	memset(m, 0, sizeof(*m));
	m->group_id = group_id;
	m->kind = kind;
	m->title = "";
	m->held_on = held;
	m->starts_at = "13:00";
	m->place = "Committee Room 10";
	m->notice_on = notice;
	m->ie_income = m->ie_expenditure = -1;
	m->attendees = arena_alloc(&a, (npresent + napologies + 4) *
	    sizeof(*m->attendees));
	for (i = 0; i < npresent; i++) {
		m->attendees[m->nattendees].person_id = present[i];
		m->attendees[m->nattendees++].status = APPG_PRESENT;
	}
	for (i = 0; i < napologies; i++) {
		m->attendees[m->nattendees].person_id = apologies[i];
		m->attendees[m->nattendees++].status = APPG_APOLOGIES;
	}
	ck_assert_msg(appg_meeting_save(&db, "tester", user_id, m) == DB_OK,
	    "%s", db.error);
	return m->id;
}

static void
setup(void)
{
	static const char *const parties[] = { "Labour", "Labour",
	    "Conservative", "Crossbench" };
	struct user	 u;
	char		 name[32];
	int		 i;

	th_db_open(&db, &conf);
	reset_tables();
	arena_init(&a);
	ck_assert_int_eq(user_add(&db, "tester", "sec", "Secretariat",
	    ROLE_EDITOR, "a long password"), DB_OK);
	ck_assert_int_eq(user_find(&db, &a, "sec", &u), DB_OK);
	user_id = u.id;
	for (i = 0; i < 26; i++) {
		snprintf(name, sizeof(name), "Member %02d", i);
		people[i] = add_person(name, i == 3 || i % 5 == 4 ? "peer" : "mp",
		    i < 4 ? parties[i] : i % 2 ? "Labour" : "Conservative");
	}
	/* Everyone has sat since 2024 (person_save dates terms from today). */
	th_sql(&db, "UPDATE person_terms SET started_on = '2024-01-01'");
	group_id = save_group("APPG on Testing");
	(void)add_officer(group_id, people[0], APPG_POST_CHAIR, "2025-03-11");
	(void)add_officer(group_id, people[1], APPG_POST_REGISTERED_CONTACT,
	    "2025-03-11");
	(void)add_officer(group_id, people[2], APPG_POST_VICE_CHAIR,
	    "2025-03-11");
	(void)add_officer(group_id, people[3], APPG_POST_OFFICER, "2025-03-11");
	for (i = 4; i < 24; i++)
		(void)add_member(group_id, people[i], "2025-03-11");
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

/* The meetings and benefit that make every check pass on TODAY. */
static void
full_record(long long *agm_id)
{
	struct appg_meeting	 m;
	struct appg_benefit	 b;

	(void)save_meeting(&m, APPG_KIND_INAUGURAL, "2025-03-11", "2025-03-03",
	    people, 6, NULL, 0);
	(void)save_meeting(&m, APPG_KIND_GENERAL, "2025-05-13", "2025-05-01",
	    people, 3, NULL, 0);
	memset(&m, 0, sizeof(m));
	(void)save_meeting(&m, APPG_KIND_AGM, "2026-03-17", "2026-03-03",
	    people, 8, NULL, 0);
	m.ie_approved = 1;
	m.ie_nil_return = 1;
	m.chair_from_pool = 1;
	ck_assert_int_eq(appg_meeting_save(&db, "tester", user_id, &m), DB_OK);
	*agm_id = m.id;
	memset(&b, 0, sizeof(b));
	b.group_id = group_id;
	b.source = "HIAS+JCORE";
	b.kind = "in_kind";
	b.description = "Secretariat services";
	b.value = 2400;
	b.received_on = "2025-03-11";
	b.registered_on = "2025-04-01";
	ck_assert_int_eq(appg_benefit_save(&db, "tester", &b), DB_OK);
}

static int
failing(const char *date, struct appg_check *out)
{
	struct appg_bundle	 b;

	ck_assert_int_eq(appg_bundle_load(&db, &a, group_id, &b), DB_OK);
	return appg_check_all(&a, &b.facts, date, out);
}

START_TEST(test_group_save_versions_audit)
{
	struct appg_group	 g, stale;
	struct audit_entry	*h;
	size_t			 n;

	ck_assert_int_eq(appg_group_get(&db, &a, group_id, &g), DB_OK);
	ck_assert_str_eq(g.title, "APPG on Testing");
	ck_assert_int_eq(g.year_end_month, 3);
	stale = g;
	g.title = "APPG on Better Testing";
	g.reporting_deadline = "2026-07-10";
	ck_assert_int_eq(appg_group_save(&db, "maya", &g), DB_OK);
	ck_assert_int_eq(g.version, 2);
	stale.title = "Lost";
	ck_assert_int_eq(appg_group_save(&db, "adam", &stale), DB_CONFLICT);
	ck_assert_int_eq(appg_group_get(&db, &a, group_id, &g), DB_OK);
	ck_assert_str_eq(g.title, "APPG on Better Testing");
	ck_assert_str_eq(g.reporting_deadline, "2026-07-10");
	ck_assert_int_eq(audit_history(&db, &a, "appg_group", group_id, &h, &n),
	    DB_OK);
	/* create, 4 officers, 20 members, the update; not the lost save. */
	ck_assert_int_eq(n, 26);
	ck_assert_str_eq(h[0].action, "update");
	ck_assert_str_eq(h[0].actor, "maya");
	ck_assert_str_eq(h[n - 1].action, "create");
	ck_assert_int_eq(appg_group_set_deleted(&db, "maya", group_id, 1), DB_OK);
	ck_assert_int_eq(appg_group_set_deleted(&db, "maya", group_id, 1),
	    DB_NOTFOUND);
	g.title = "Edited while deleted";
	ck_assert_int_eq(appg_group_save(&db, "maya", &g), DB_CONFLICT);
}
END_TEST

START_TEST(test_deleted_group_refuses_rows)
{
	struct appg_member	 m;

	ck_assert_int_eq(appg_group_set_deleted(&db, "maya", group_id, 1), DB_OK);
	memset(&m, 0, sizeof(m));
	m.group_id = group_id;
	m.person_id = people[24];
	m.joined_on = TODAY;
	ck_assert_int_eq(appg_member_save(&db, "maya", &m), DB_CONFLICT);
	ck_assert_int_eq(m.id, 0);
	ck_assert_int_eq(appg_group_set_deleted(&db, "maya", group_id, 0), DB_OK);
	ck_assert_int_eq(appg_member_save(&db, "maya", &m), DB_OK);
}
END_TEST

START_TEST(test_checks_from_database)
{
	struct appg_check	 out[APPG_CHECK__MAX];
	long long		 agm;
	int			 i;

	full_record(&agm);
	ck_assert_int_eq(failing(TODAY, out), 0);
	for (i = 0; i < APPG_CHECK__MAX; i++)
		ck_assert_msg(out[i].pass, "%s: %s", out[i].title, out[i].why);
	ck_assert_ptr_nonnull(strstr(out[APPG_CHECK_OFFICERS].why,
	    "Member 00 MP"));
}
END_TEST

START_TEST(test_removing_officer_turns_checks_red)
{
	struct appg_check	 out[APPG_CHECK__MAX];
	struct appg_bundle	 b;
	struct appg_alert	*alerts;
	size_t			 n, i;
	long long		 agm, vice = 0;

	full_record(&agm);
	ck_assert_int_eq(appg_bundle_load(&db, &a, group_id, &b), DB_OK);
	for (i = 0; i < b.nofficers; i++)
		if (b.officers[i].post == APPG_POST_VICE_CHAIR)
			vice = b.officers[i].id;
	ck_assert_int_ne(vice, 0);
	ck_assert_int_eq(appg_alerts(&db, &a, TODAY, APPG_ALERT_WINDOW, &alerts,
	    &n), DB_OK);
	ck_assert_int_eq(n, 0);
	/* The Conservative Vice-Chair is removed from today. */
	ck_assert_int_eq(appg_officer_end(&db, "maya", vice, TODAY), DB_OK);
	ck_assert_int_eq(appg_officer_end(&db, "maya", vice, TODAY), DB_CONFLICT);
	ck_assert_int_eq(failing(TODAY, out), 2);
	ck_assert(!out[APPG_CHECK_OFFICERS].pass);
	ck_assert_ptr_nonnull(strstr(out[APPG_CHECK_OFFICERS].why,
	    "The group has 3 officers; the rules require exactly 4."));
	ck_assert(!out[APPG_CHECK_PARTY_SPREAD].pass);
	ck_assert_ptr_nonnull(strstr(out[APPG_CHECK_PARTY_SPREAD].why,
	    "No officer is from the main opposition party, Conservative."));
	ck_assert_int_eq(failing("2026-11-24", out), 0);
	/* Both show on the home page, failing since today. */
	ck_assert_int_eq(appg_alerts(&db, &a, TODAY, APPG_ALERT_WINDOW, &alerts,
	    &n), DB_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(alerts[0].group_id, group_id);
	ck_assert_str_eq(alerts[0].group_title, "APPG on Testing");
	ck_assert_str_eq(alerts[0].check.failing_since, TODAY);
	/* A deleted (mistaken) row is restored: passing again. */
	ck_assert_int_eq(appg_officer_set_deleted(&db, "maya", vice, 1), DB_OK);
	ck_assert_int_eq(appg_officer_set_deleted(&db, "maya", vice, 0), DB_OK);
	ck_assert_int_eq(failing(TODAY, out), 2);
}
END_TEST

START_TEST(test_officer_leaves_house_in_directory)
{
	struct appg_check	 out[APPG_CHECK__MAX];
	struct person		 p;
	long long		 agm;

	full_record(&agm);
	/* The directory marks the Chair as no longer in office. */
	ck_assert_int_eq(person_get(&db, &a, people[0], &p), DB_OK);
	p.is_current = 0;
	ck_assert_int_eq(person_save(&db, "maya", &p), DB_OK);
	th_sql(&db, "UPDATE person_terms SET ended_on = '2026-11-20' "
	    "WHERE ended_on IS NOT NULL");
	ck_assert_int_eq(failing(TODAY, out), 2);
	ck_assert_ptr_nonnull(strstr(out[APPG_CHECK_OFFICERS].why,
	    "not sitting in either House on 2026-11-25: Member 00"));
	ck_assert_ptr_nonnull(strstr(out[APPG_CHECK_CHAIR_CONTACT].why,
	    "The Chair, Member 00, does not sit in either House"));
	/* Two MPs remain among the officers. */
	ck_assert(out[APPG_CHECK_OFFICER_MPS].pass);
	ck_assert_int_eq(failing("2026-11-19", out), 0);
}
END_TEST

START_TEST(test_member_switches_party_in_directory)
{
	struct appg_check	 out[APPG_CHECK__MAX];
	struct person		 p;
	long long		 agm;

	full_record(&agm);
	/* The Conservative Vice-Chair crosses the floor (a new term today). */
	ck_assert_int_eq(person_get(&db, &a, people[2], &p), DB_OK);
	p.party = "Reform UK";
	ck_assert_int_eq(person_save(&db, "maya", &p), DB_OK);
	th_sql(&db, "UPDATE person_terms SET ended_on = '2026-11-25' "
	    "WHERE ended_on IS NOT NULL");
	th_sql(&db, "UPDATE person_terms SET started_on = '2026-11-25' "
	    "WHERE party = 'Reform UK'");
	ck_assert_int_eq(failing(TODAY, out), 1);
	ck_assert(!out[APPG_CHECK_PARTY_SPREAD].pass);
	ck_assert_int_eq(failing("2026-11-24", out), 0);
}
END_TEST

static long long
engagement_people_count(long long engagement)
{
	char	 sql[160];

	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM engagement_people "
	    "WHERE engagement_id = %lld", engagement);
	return th_num(&db, sql);
}

START_TEST(test_meeting_records_engagement)
{
	struct appg_meeting	 m, got;
	struct engagement	 en;
	struct audit_entry	*h;
	size_t			 n;
	long long		 present[] = { people[0], people[1], people[4] };
	long long		 sorry[] = { people[5] };

	(void)save_meeting(&m, APPG_KIND_GENERAL, "2026-10-20", "2026-10-01",
	    present, 3, sorry, 1);
	ck_assert_int_ne(m.engagement_id, 0);
	ck_assert_int_eq(engagement_get(&db, &a, m.engagement_id, &en), DB_OK);
	ck_assert_str_eq(en.type, "appg_meeting");
	ck_assert_str_eq(en.type_label, "APPG meeting");
	ck_assert_str_eq(en.date, "2026-10-20");
	ck_assert_str_eq(en.time, "13:00");
	ck_assert_str_eq(en.title, "APPG on Testing: General meeting");
	/* The three present; not the apology. */
	ck_assert_int_eq(en.npeople, 3);
	ck_assert_int_eq(en.people[0].is_new, 1);
	/* The engagement's own history has its create row, by the same actor. */
	ck_assert_int_eq(audit_history(&db, &a, "engagement", en.id, &h, &n),
	    DB_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(h[0].action, "create");
	ck_assert_str_eq(h[0].actor, "tester");
	ck_assert_int_eq(audit_history(&db, &a, "appg_meeting", m.id, &h, &n),
	    DB_OK);
	ck_assert_int_eq(n, 1);
	/* Read back with its attendance and terms. */
	ck_assert_int_eq(appg_meeting_get(&db, &a, m.id, &got), DB_OK);
	ck_assert_int_eq(got.nattendees, 4);
	ck_assert_str_eq(got.attendees[0].name, "Member 00");
	ck_assert_ptr_nonnull(got.attendees[0].person);
	ck_assert_str_eq(appg_house_on(got.attendees[0].person, got.held_on),
	    "MP");
	ck_assert_int_eq(got.engagement_id, m.engagement_id);
}
END_TEST

START_TEST(test_meeting_engagement_follows_record)
{
	struct appg_meeting	 m, got;
	struct engagement	 en;
	long long		 present[] = { people[0], people[1] };
	long long		 eid;
	char			 sql[200];

	(void)save_meeting(&m, APPG_KIND_GENERAL, "2026-10-20", "", present, 2,
	    NULL, 0);
	eid = m.engagement_id;
	/* Someone added to the engagement by hand stays on it. */
	snprintf(sql, sizeof(sql), "INSERT INTO engagement_people "
	    "(engagement_id, person_id) VALUES (%lld, %lld)", eid, people[25]);
	th_sql(&db, sql);
	ck_assert_int_eq(appg_meeting_get(&db, &a, m.id, &got), DB_OK);
	/* One more present, one moved to apologies, a new date. */
	got.held_on = "2026-10-21";
	got.attendees[1].status = APPG_APOLOGIES;
	got.attendees[got.nattendees].person_id = people[6];
	got.attendees[got.nattendees++].status = APPG_PRESENT;
	ck_assert_int_eq(appg_meeting_save(&db, "maya", user_id, &got), DB_OK);
	ck_assert_int_eq(got.engagement_id, eid);
	ck_assert_int_eq(engagement_get(&db, &a, eid, &en), DB_OK);
	ck_assert_str_eq(en.date, "2026-10-21");
	ck_assert_int_eq(en.npeople, 3);	/* 00, 06 and the hand-added 25 */
	ck_assert_int_eq(engagement_people_count(eid), 3);
	/* A stale save of the meeting conflicts; nothing changes. */
	m.held_on = "2026-01-01";
	ck_assert_int_eq(appg_meeting_save(&db, "adam", user_id, &m),
	    DB_CONFLICT);
	ck_assert_int_eq(engagement_get(&db, &a, eid, &en), DB_OK);
	ck_assert_str_eq(en.date, "2026-10-21");
	/* No one present: the engagement is deleted (it counts no more). */
	ck_assert_int_eq(appg_meeting_get(&db, &a, m.id, &got), DB_OK);
	got.nattendees = 0;
	ck_assert_int_eq(appg_meeting_save(&db, "maya", user_id, &got), DB_OK);
	ck_assert_int_eq(engagement_get(&db, &a, eid, &en), DB_OK);
	ck_assert(en.deleted);
}
END_TEST

START_TEST(test_meeting_delete_restore_engagement)
{
	struct appg_meeting	 m;
	struct engagement	 en;
	long long		 present[] = { people[0] };

	(void)save_meeting(&m, APPG_KIND_GENERAL, "2026-10-20", "", present, 1,
	    NULL, 0);
	ck_assert_int_eq(appg_meeting_set_deleted(&db, "maya", m.id, 1), DB_OK);
	ck_assert_int_eq(engagement_get(&db, &a, m.engagement_id, &en), DB_OK);
	ck_assert(en.deleted);
	ck_assert_int_eq(appg_meeting_set_deleted(&db, "maya", m.id, 1),
	    DB_NOTFOUND);
	ck_assert_int_eq(appg_meeting_set_deleted(&db, "maya", m.id, 0), DB_OK);
	ck_assert_int_eq(engagement_get(&db, &a, m.engagement_id, &en), DB_OK);
	ck_assert(!en.deleted);
}
END_TEST

START_TEST(test_meeting_without_parliamentarians)
{
	struct appg_meeting	 m;
	long long		 present[] = { 0 };

	/* Scheduled, nobody recorded yet: no engagement. */
	(void)save_meeting(&m, APPG_KIND_GENERAL, "2026-12-09", "2026-11-30",
	    present, 0, NULL, 0);
	ck_assert_int_eq(m.engagement_id, 0);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM engagements"), 0);
}
END_TEST

START_TEST(test_nested_transactions)
{
	struct appg_setting	 s;

	memset(&s, 0, sizeof(s));
	s.name = APPG_SET_MEMBERS_MIN;
	s.value = "21";
	s.valid_from = "2027-01-01";
	s.note = "";
	/* A save inside an outer transaction is undone with it. */
	ck_assert_int_eq(db_begin(&db), DB_OK);
	ck_assert_int_eq(appg_setting_add(&db, "maya", &s), DB_OK);
	ck_assert_uint_eq(db.tx_depth, 1);
	db_rollback(&db);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM appg_settings "
	    "WHERE valid_from = '2027-01-01'"), 0);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM audit_log "
	    "WHERE entity = 'appg_setting'"), 0);
	/* And kept when the outer one commits. */
	ck_assert_int_eq(db_begin(&db), DB_OK);
	ck_assert_int_eq(appg_setting_add(&db, "maya", &s), DB_OK);
	ck_assert_int_eq(db_commit(&db), DB_OK);
	ck_assert_uint_eq(db.tx_depth, 0);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM appg_settings "
	    "WHERE valid_from = '2027-01-01'"), 1);
	/* A failed inner save rolls back only itself. */
	ck_assert_int_eq(db_begin(&db), DB_OK);
	th_sql(&db, "INSERT INTO appg_settings (name, value, valid_from, "
	    "created_at) VALUES ('members_min', '22', '2028-01-01', "
	    "UTC_TIMESTAMP())");
	ck_assert_int_eq(appg_setting_set_deleted(&db, "maya", 999999, 1),
	    DB_NOTFOUND);
	ck_assert_int_eq(db_commit(&db), DB_OK);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM appg_settings "
	    "WHERE valid_from = '2028-01-01'"), 1);
}
END_TEST

START_TEST(test_minutes_workflow)
{
	struct appg_meeting		 m, later, earlier;
	struct appg_minutes		 mi;
	struct appg_minutes_version	*v, one;
	struct audit_entry		*h;
	char				*md;
	size_t				 n;
	int				 version = 0;
	long long			 present[] = { people[0], people[2] };
	long long			 sorry[] = { people[7] };

	(void)save_meeting(&earlier, APPG_KIND_GENERAL, "2026-06-01", "",
	    present, 2, NULL, 0);
	(void)save_meeting(&m, APPG_KIND_GENERAL, "2026-10-20", "", present, 2,
	    sorry, 1);
	(void)save_meeting(&later, APPG_KIND_GENERAL, "2026-12-01", "", present,
	    1, NULL, 0);
	ck_assert_int_eq(appg_minutes_get(&db, &a, m.id, &mi), DB_NOTFOUND);
	ck_assert_int_eq(appg_minutes_draft(&db, &a, m.id, &md), DB_OK);
	ck_assert_ptr_nonnull(strstr(md, "## Present"));
	ck_assert_ptr_nonnull(strstr(md, "- Member 00 MP, Chair (Labour, "
	    "House of Commons)"));
	ck_assert_ptr_nonnull(strstr(md, "## Apologies\n\n- Member 07 MP"));
	ck_assert_ptr_nonnull(strstr(md, "Tuesday 1 December 2026"));
	/* Version 1: generated, a draft. */
	ck_assert_int_eq(appg_minutes_save(&db, "maya", m.id, &version, md,
	    "generated"), DB_OK);
	ck_assert_int_eq(version, 1);
	ck_assert_int_eq(appg_minutes_get(&db, &a, m.id, &mi), DB_OK);
	ck_assert_int_eq(mi.status, APPG_MINUTES_DRAFT);
	ck_assert_int_eq(mi.current_number, 1);
	/* A second first save finds the minutes made. */
	{
		int zero = 0;

		ck_assert_int_eq(appg_minutes_save(&db, "adam", m.id, &zero,
		    "x", "generated"), DB_CONFLICT);
	}
	/* Version 2: edited; a stale edit conflicts. */
	ck_assert_int_eq(appg_minutes_save(&db, "maya", m.id, &version,
	    "# Edited minutes\n", "edited"), DB_OK);
	{
		int stale = 1;

		ck_assert_int_eq(appg_minutes_save(&db, "adam", m.id, &stale,
		    "# Lost\n", "edited"), DB_CONFLICT);
	}
	/* Approval needs circulation first. */
	ck_assert_int_eq(appg_minutes_approve(&db, "maya", m.id, version,
	    later.id), DB_CONFLICT);
	ck_assert_int_eq(appg_minutes_circulate(&db, "maya", m.id, version,
	    "2026-10-25"), DB_OK);
	version++;
	ck_assert_int_eq(appg_minutes_get(&db, &a, m.id, &mi), DB_OK);
	ck_assert_int_eq(mi.status, APPG_MINUTES_CIRCULATED);
	ck_assert_int_eq(mi.circulated_number, 2);
	ck_assert_str_eq(mi.circulated_on, "2026-10-25");
	/* A correction after circulating must go round again. */
	ck_assert_int_eq(appg_minutes_save(&db, "maya", m.id, &version,
	    "# Edited minutes, corrected\n", "edited"), DB_OK);
	ck_assert_int_eq(appg_minutes_approve(&db, "maya", m.id, version,
	    later.id), DB_CONFLICT);
	ck_assert_int_eq(appg_minutes_circulate(&db, "maya", m.id, version,
	    "2026-10-27"), DB_OK);
	version++;
	/* Only at a later meeting of the group. */
	ck_assert_int_eq(appg_minutes_approve(&db, "maya", m.id, version,
	    earlier.id), DB_NOTFOUND);
	ck_assert_int_eq(appg_minutes_approve(&db, "maya", m.id, version, m.id),
	    DB_NOTFOUND);
	ck_assert_int_eq(appg_minutes_approve(&db, "maya", m.id, version,
	    later.id), DB_OK);
	version++;
	ck_assert_int_eq(appg_minutes_get(&db, &a, m.id, &mi), DB_OK);
	ck_assert_int_eq(mi.status, APPG_MINUTES_APPROVED);
	ck_assert_str_eq(mi.approved_on, "2026-12-01");
	ck_assert_int_eq(mi.approved_at, later.id);
	ck_assert_str_eq(mi.body, "# Edited minutes, corrected\n");
	/* Locked: no edit, no circulation, the text stays. */
	ck_assert_int_eq(appg_minutes_save(&db, "maya", m.id, &version,
	    "# Changed after approval\n", "edited"), DB_CONFLICT);
	ck_assert_int_eq(appg_minutes_circulate(&db, "maya", m.id, version,
	    "2026-12-02"), DB_CONFLICT);
	ck_assert_int_eq(appg_minutes_get(&db, &a, m.id, &mi), DB_OK);
	ck_assert_str_eq(mi.body, "# Edited minutes, corrected\n");
	ck_assert_int_eq(mi.version, version);
	/* Every version kept, newest first. */
	ck_assert_int_eq(appg_minutes_versions(&db, &a, m.id, &v, &n), DB_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(v[0].number, 3);
	ck_assert_str_eq(v[2].how, "generated");
	ck_assert_int_eq(appg_minutes_version(&db, &a, m.id, 2, &one), DB_OK);
	ck_assert_str_eq(one.body, "# Edited minutes\n");
	ck_assert_int_eq(appg_minutes_version(&db, &a, m.id, 9, &one),
	    DB_NOTFOUND);
	/* The later meeting's minutes say it approved them. */
	ck_assert_int_eq(appg_minutes_draft(&db, &a, later.id, &md), DB_OK);
	ck_assert_ptr_nonnull(strstr(md, "The minutes of the meeting of "
	    "Tuesday 20 October 2026 were approved"));
	/* The workflow is in the meeting's history. */
	ck_assert_int_eq(audit_history(&db, &a, "appg_meeting", m.id, &h, &n),
	    DB_OK);
	ck_assert_str_eq(h[0].action, "minutes approve");
	ck_assert_int_eq(n, 7);
}
END_TEST

START_TEST(test_minutes_of_deleted_meeting)
{
	struct appg_meeting	 m;
	long long		 present[] = { people[0] };
	int			 version = 0;

	(void)save_meeting(&m, APPG_KIND_GENERAL, "2026-10-20", "", present, 1,
	    NULL, 0);
	ck_assert_int_eq(appg_meeting_set_deleted(&db, "maya", m.id, 1), DB_OK);
	ck_assert_int_eq(appg_minutes_save(&db, "maya", m.id, &version,
	    "# Minutes\n", "generated"), DB_CONFLICT);
}
END_TEST

START_TEST(test_agm_minutes)
{
	struct appg_meeting	 m;
	char			*md;
	long long		 agm;

	full_record(&agm);
	ck_assert_int_eq(appg_minutes_draft(&db, &a, agm, &md), DB_OK);
	ck_assert_ptr_nonnull(strstr(md, "## Minutes of the annual general "
	    "meeting"));
	ck_assert_ptr_nonnull(strstr(md, "## 1. Election of officers"));
	ck_assert_ptr_nonnull(strstr(md, "- Member 01 MP, Registered Contact "
	    "(Labour, House of Commons)"));
	ck_assert_ptr_nonnull(strstr(md, "## 2. Income and expenditure "
	    "statement\n\nThe income and expenditure statement for the year "
	    "ending Tuesday 10 March 2026 was approved: a nil return."));
	ck_assert_ptr_nonnull(strstr(md, "the quorum for an AGM is 8: "
	    "quorate"));
	(void)m;
}
END_TEST

START_TEST(test_actions_across_meetings)
{
	struct appg_meeting	 m;
	struct appg_action	*x;
	size_t			 n;
	long long		 present[] = { people[0] };

	memset(&m, 0, sizeof(m));
	(void)save_meeting(&m, APPG_KIND_GENERAL, "2026-10-20", "", present, 1,
	    NULL, 0);
	m.actions = arena_alloc(&a, 3 * sizeof(*m.actions));
	m.actions[0].action = "Write to the Minister";
	m.actions[0].owner = "Chair";
	m.actions[0].due_on = "2026-11-01";
	m.actions[1].action = "Book the room";
	m.actions[1].owner = "Secretariat";
	m.actions[1].due_on = "2026-12-01";
	m.actions[2].action = "Circulate the paper";
	m.actions[2].done_on = "2026-10-22";
	m.nactions = 3;
	ck_assert_int_eq(appg_meeting_save(&db, "maya", user_id, &m), DB_OK);
	ck_assert_int_eq(appg_actions_list(&db, &a, APPG_ACTIONS_OPEN, 0, TODAY,
	    &x, &n), DB_OK);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(x[0].action, "Write to the Minister");
	ck_assert_str_eq(x[0].group_title, "APPG on Testing");
	ck_assert_str_eq(x[0].meeting_label, "General meeting");
	ck_assert_int_eq(appg_actions_list(&db, &a, APPG_ACTIONS_OVERDUE,
	    group_id, TODAY, &x, &n), DB_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(appg_actions_list(&db, &a, APPG_ACTIONS_DONE, 0, TODAY,
	    &x, &n), DB_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(x[0].done_on, "2026-10-22");
	ck_assert_int_eq(appg_actions_list(&db, &a, APPG_ACTIONS_OPEN,
	    group_id + 1, TODAY, &x, &n), DB_OK);
	ck_assert_int_eq(n, 0);
	/* Done today: the meeting's version moves, so a stale edit conflicts. */
	ck_assert_int_eq(appg_actions_list(&db, &a, APPG_ACTIONS_OVERDUE, 0,
	    TODAY, &x, &n), DB_OK);
	ck_assert_int_eq(appg_action_set_done(&db, "maya", x[0].id, TODAY),
	    DB_OK);
	ck_assert_int_eq(appg_actions_list(&db, &a, APPG_ACTIONS_OVERDUE, 0,
	    TODAY, &x, &n), DB_OK);
	ck_assert_int_eq(n, 0);
	ck_assert_int_eq(appg_meeting_save(&db, "adam", user_id, &m),
	    DB_CONFLICT);
	ck_assert_int_eq(appg_actions_list(&db, &a, APPG_ACTIONS_ALL, 0, TODAY,
	    &x, &n), DB_OK);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(appg_action_set_done(&db, "maya", 999999, TODAY),
	    DB_NOTFOUND);
}
END_TEST

START_TEST(test_settings_dated)
{
	struct appg_check	 out[APPG_CHECK__MAX];
	struct appg_setting	 s, *all;
	size_t			 n;
	long long		 agm;

	full_record(&agm);
	memset(&s, 0, sizeof(s));
	s.name = APPG_SET_MEMBERS_MIN;
	s.value = "25";
	s.valid_from = "2026-11-25";
	s.note = "A stricter Guide";
	ck_assert_int_eq(appg_setting_add(&db, "admin", &s), DB_OK);
	ck_assert_int_gt(s.id, 0);
	ck_assert_int_eq(failing("2026-11-24", out), 0);
	ck_assert_int_eq(failing(TODAY, out), 1);
	ck_assert(!out[APPG_CHECK_MEMBERS].pass);
	ck_assert_str_eq(out[APPG_CHECK_MEMBERS].title,
	    "At least 25 members (MPs and Peers)");
	ck_assert_int_eq(appg_setting_set_deleted(&db, "admin", s.id, 1), DB_OK);
	ck_assert_int_eq(failing(TODAY, out), 0);
	ck_assert_int_eq(appg_settings_list(&db, &a, &all, &n), DB_OK);
	ck_assert_int_ge(n, 16);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM audit_log "
	    "WHERE entity = 'appg_setting'"), 2);
}
END_TEST

START_TEST(test_group_list_and_choices)
{
	struct appg_group_row	*rows;
	struct people_match	*c;
	size_t			 n;
	long long		 agm;

	full_record(&agm);
	ck_assert_int_eq(appg_group_list(&db, &a, TODAY, 0, &rows, &n), DB_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(rows[0].officers, 4);
	ck_assert_int_eq(rows[0].members, 24);
	ck_assert_int_eq(rows[0].failing, 0);
	ck_assert_str_eq(rows[0].last_meeting, "2026-03-17");
	/* The forms' type-ahead of parliamentarians (people_search.h). */
	ck_assert_int_eq(people_search(&db, &a, "member", PEOPLE_PARLIAMENTARIANS,
	    PEOPLE_SEARCH_MAX, &c, &n), DB_OK);
	ck_assert_int_eq(n, 26);
	ck_assert_str_eq(c[0].name, "Member 00");
	ck_assert_str_eq(c[0].hint, "MP, Labour");
}
END_TEST

START_TEST(test_notice_text)
{
	struct appg_meeting	 m;
	char			*text;
	long long		 present[] = { people[0] };

	(void)save_meeting(&m, APPG_KIND_AGM, "2027-03-16", "2027-03-01",
	    present, 1, NULL, 0);
	ck_assert_int_eq(appg_notice(&db, &a, m.id, &text), DB_OK);
	ck_assert_ptr_nonnull(strstr(text, "APPG on Testing\n\nAnnual general "
	    "meeting\nTuesday 16 March 2027, 13:00\nCommittee Room 10\n"));
	ck_assert_ptr_nonnull(strstr(text, "1. Election of officers\n"));
	ck_assert_ptr_nonnull(strstr(text, "Parliamentary contact: Member 01 MP "
	    "(Registered Contact)"));
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("appg");
	TCase	*tc = tcase_create("appg");

	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_group_save_versions_audit);
	tcase_add_test(tc, test_deleted_group_refuses_rows);
	tcase_add_test(tc, test_checks_from_database);
	tcase_add_test(tc, test_removing_officer_turns_checks_red);
	tcase_add_test(tc, test_officer_leaves_house_in_directory);
	tcase_add_test(tc, test_member_switches_party_in_directory);
	tcase_add_test(tc, test_meeting_records_engagement);
	tcase_add_test(tc, test_meeting_engagement_follows_record);
	tcase_add_test(tc, test_meeting_delete_restore_engagement);
	tcase_add_test(tc, test_meeting_without_parliamentarians);
	tcase_add_test(tc, test_nested_transactions);
	tcase_add_test(tc, test_minutes_workflow);
	tcase_add_test(tc, test_minutes_of_deleted_meeting);
	tcase_add_test(tc, test_agm_minutes);
	tcase_add_test(tc, test_actions_across_meetings);
	tcase_add_test(tc, test_settings_dated);
	tcase_add_test(tc, test_group_list_and_choices);
	tcase_add_test(tc, test_notice_text);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
