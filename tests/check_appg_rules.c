/*
 * The APPG rule checks (lib/appg_rules.c) on hand-made groups, no
 * database: each check passing and failing, with dates at the
 * boundaries (the day a post ends, the last day of a reporting year, the
 * reporting deadline, a week's notice to the day), party changes and
 * Members leaving the House through their dated terms, settings that
 * change over time, quorum, and a check that newly fails.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <check.h>

#include "appg_rules.h"
#include "arena.h"
#include "testhelp.h"

#define TODAY		"2026-11-25"
#define NPEOPLE		32

/*
 * A group that passes every check on TODAY: officers a Labour MP Chair,
 * a Labour MP Registered Contact, a Conservative MP Vice-Chair and a
 * Crossbench Peer; 20 more members; reporting year to 10 March; the
 * inaugural meeting on 2025-03-11, a general meeting with a speaker on
 * 2025-05-13, the AGM on 2026-03-17; a benefit of £2,400 in 2025.
 */
struct fx {
	struct arena		 a;
	struct appg_group	 g;
	struct appg_person	 people[NPEOPLE];
	struct appg_term	 terms[NPEOPLE][3];
	struct appg_period	 posts[NPEOPLE][8];
	struct appg_officer	 officers[10];
	struct appg_member	 members[NPEOPLE];
	struct appg_meeting	 meetings[10];
	struct appg_attendee	 att[10][NPEOPLE];
	struct appg_benefit	 benefits[6];
	struct appg_setting	 settings[32];
	struct appg_facts	 f;
	struct appg_check	 out[APPG_CHECK__MAX];
};

static struct fx	 fx;

static const struct {
	const char	*name;
	const char	*category;
	const char	*party;
} cast[NPEOPLE] = {
	{ "Ann Chair", "mp", "Labour" },		/* 0: Chair */
	{ "Ben Contact", "mp", "Labour" },		/* 1: Registered Contact */
	{ "Cath Vice", "mp", "Conservative" },		/* 2: Vice-Chair */
	{ "Lord Dee", "peer", "Crossbench" },		/* 3: Officer */
	{ "Eve One", "mp", "Labour" }, { "Fay Two", "mp", "Conservative" },
	{ "Gil Three", "mp", "Liberal Democrat" }, { "Hal Four", "mp", "SNP" },
	{ "Ivy Five", "mp", "Green" }, { "Jo Six", "mp", "Labour" },
	{ "Kit Seven", "mp", "Labour" }, { "Len Eight", "mp", "Conservative" },
	{ "Baroness Mo", "peer", "Labour" }, { "Lord Ned", "peer", "Conservative" },
	{ "Baroness Oona", "peer", "Crossbench" }, { "Lord Pip", "peer", "Bishops" },
	{ "Quin Nine", "mp", "Labour" }, { "Ros Ten", "mp", "Plaid Cymru" },
	{ "Sam Eleven", "mp", "Labour" }, { "Tess Twelve", "mp", "Independent" },
	{ "Lord Uri", "peer", "Liberal Democrat" }, { "Vic Thirteen", "mp", "Labour" },
	{ "Wyn Fourteen", "mp", "Labour" }, { "Xan Fifteen", "mp", "Conservative" },
	/* 24..31: not in the group unless a test adds them */
	{ "Yas Guest", "mp", "Labour" }, { "Zed Outsider", "peer", "Crossbench" },
	{ "Abe Extra", "mp", "Labour" }, { "Bea Extra", "mp", "Labour" },
	{ "Cy Extra", "mp", "Labour" }, { "Di Extra", "mp", "Labour" },
	{ "Ed Extra", "mp", "Labour" }, { "Flo Extra", "mp", "Labour" },
};

static void
add_setting(enum appg_setting_id id, const char *value, const char *from)
{
	struct appg_setting	*s = &fx.settings[fx.f.nsettings];

	memset(s, 0, sizeof(*s));
	s->id = (long long)fx.f.nsettings + 1;
	s->name = id;
	s->value = value;
	s->valid_from = from;
	fx.f.nsettings++;
}

static void
default_settings(void)
{
	static const struct {
		enum appg_setting_id	 id;
		const char		*value;
		const char		*from;
	} d[] = {
		{ APPG_SET_OFFICERS_EXACT, "4", "2024-03-31" },
		{ APPG_SET_OFFICER_MPS_MIN, "2", "2024-03-31" },
		{ APPG_SET_MEMBERS_MIN, "20", "2024-03-31" },
		{ APPG_SET_OFFICER_POSTS_MAX, "6", "2024-03-31" },
		{ APPG_SET_AGM_QUORUM, "8", "2024-03-31" },
		{ APPG_SET_EGM_QUORUM, "5", "2024-03-31" },
		{ APPG_SET_MEETINGS_MIN, "2", "2024-03-31" },
		{ APPG_SET_NOTICE_DAYS, "7", "2024-03-31" },
		{ APPG_SET_AGM_DEADLINE_MONTHS, "4", "2024-03-31" },
		{ APPG_SET_BENEFIT_BAND, "1500", "2024-03-31" },
		{ APPG_SET_ANNUAL_REPORT_THRESHOLD, "1500", "2024-03-31" },
		{ APPG_SET_GOVERNING_PARTY, "Conservative", "2010-05-11" },
		{ APPG_SET_GOVERNING_PARTY, "Labour", "2024-07-05" },
		{ APPG_SET_OPPOSITION_PARTY, "Labour", "2010-05-11" },
		{ APPG_SET_OPPOSITION_PARTY, "Conservative", "2024-07-05" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(d) / sizeof(d[0]); i++)
		add_setting(d[i].id, d[i].value, d[i].from);
}

static struct appg_term *
term(int who, const char *party, const char *from, const char *to)
{
	struct appg_person	*p = &fx.people[who];
	struct appg_term	*t = &fx.terms[who][p->nterms++];

	t->category = cast[who].category;
	t->house = strcmp(cast[who].category, "mp") == 0 ? "commons" : "lords";
	t->party = party;
	t->started_on = from;
	t->ended_on = to;
	return t;
}

/* who switches to party on day (their open term ends, a new one starts). */
static void
switch_party(int who, const char *party, const char *day)
{
	fx.terms[who][fx.people[who].nterms - 1].ended_on = day;
	(void)term(who, party, day, "");
}

/* who leaves Parliament on day: the open term ends and none follows. */
static void
leave_house(int who, const char *day)
{
	fx.terms[who][fx.people[who].nterms - 1].ended_on = day;
}

static struct appg_officer *
add_officer(int who, enum appg_post post, const char *from, const char *to)
{
	struct appg_officer	*o = &fx.officers[fx.f.nofficers++];

	o->id = (long long)fx.f.nofficers;
	o->group_id = 1;
	o->person_id = who + 1;
	o->post = post;
	o->started_on = from;
	o->ended_on = to;
	o->person = &fx.people[who];
	return o;
}

static struct appg_member *
add_member(int who, const char *from, const char *to)
{
	struct appg_member	*m = &fx.members[fx.f.nmembers++];

	m->id = (long long)fx.f.nmembers;
	m->group_id = 1;
	m->person_id = who + 1;
	m->joined_on = from;
	m->left_on = to;
	m->person = &fx.people[who];
	return m;
}

static struct appg_meeting *
add_meeting(enum appg_kind kind, const char *held, const char *notice)
{
	struct appg_meeting	*m = &fx.meetings[fx.f.nmeetings];

	m->id = (long long)fx.f.nmeetings + 1;
	m->group_id = 1;
	m->kind = kind;
	m->title = "";
	m->held_on = held;
	m->notice_on = notice;
	m->attendees = fx.att[fx.f.nmeetings];
	fx.f.nmeetings++;
	return m;
}

static void
attend(struct appg_meeting *m, int who, enum appg_attend status)
{
	struct appg_attendee	*at = &m->attendees[m->nattendees++];

	at->id = (long long)m->nattendees;
	at->person_id = who + 1;
	at->name = cast[who].name;
	at->status = status;
	at->person = &fx.people[who];
}

static struct appg_benefit *
add_benefit(long value, const char *received, const char *registered)
{
	struct appg_benefit	*b = &fx.benefits[fx.f.nbenefits++];

	b->id = (long long)fx.f.nbenefits;
	b->group_id = 1;
	b->source = "HIAS+JCORE";
	b->kind = "in_kind";
	b->description = "Secretariat services";
	b->value = value;
	b->received_on = received;
	b->registered_on = registered;
	return b;
}

static void
setup(void)
{
	struct appg_meeting	*m;
	int			 i;

	memset(&fx, 0, sizeof(fx));
	arena_init(&fx.a);
	fx.g.id = 1;
	fx.g.title = "APPG on Testing";
	fx.g.year_end_month = 3;
	fx.g.year_end_day = 10;
	fx.g.reporting_deadline = "";
	fx.g.annual_report_on = "2026-03-17";
	fx.f.group = &fx.g;
	fx.f.officers = fx.officers;
	fx.f.members = fx.members;
	fx.f.meetings = fx.meetings;
	fx.f.benefits = fx.benefits;
	fx.f.settings = fx.settings;
	default_settings();
	for (i = 0; i < NPEOPLE; i++) {
		fx.people[i].id = i + 1;
		fx.people[i].name = cast[i].name;
		fx.people[i].terms = fx.terms[i];
		fx.people[i].posts = fx.posts[i];
		(void)term(i, cast[i].party, "2024-01-01", "");
	}
	(void)add_officer(0, APPG_POST_CHAIR, "2025-03-11", "");
	(void)add_officer(1, APPG_POST_REGISTERED_CONTACT, "2025-03-11", "");
	(void)add_officer(2, APPG_POST_VICE_CHAIR, "2025-03-11", "");
	(void)add_officer(3, APPG_POST_OFFICER, "2025-03-11", "");
	for (i = 4; i < 24; i++)
		(void)add_member(i, "2025-03-11", "");
	m = add_meeting(APPG_KIND_INAUGURAL, "2025-03-11", "2025-03-03");
	m->has_decision = 1;
	m = add_meeting(APPG_KIND_GENERAL, "2025-05-13", "2025-05-01");
	m->has_speaker = 1;
	m = add_meeting(APPG_KIND_AGM, "2026-03-17", "2026-03-03");
	m->ie_approved = 1;
	m->ie_nil_return = 1;
	m->chair_from_pool = 1;
	for (i = 0; i < 8; i++)
		attend(m, i, APPG_PRESENT);
	(void)add_benefit(2400, "2025-03-11", "2025-04-01");
}

static void
teardown(void)
{
	arena_free(&fx.a);
}

static const struct appg_check *
run(const char *date, enum appg_check_id id)
{
	ck_assert_int_ge(appg_check_all(&fx.a, &fx.f, date, fx.out), 0);
	ck_assert_int_eq(fx.out[id].id, id);
	ck_assert_ptr_nonnull(fx.out[id].title);
	ck_assert_ptr_nonnull(fx.out[id].why);
	return &fx.out[id];
}

static int
passes(const char *date, enum appg_check_id id)
{
	return run(date, id)->pass;
}

/* The result's reason holds needle. */
static void
says(const struct appg_check *c, const char *needle)
{
	ck_assert_msg(strstr(c->why, needle) != NULL, "\"%s\" not in: %s",
	    needle, c->why);
}

START_TEST(test_fixture_passes)
{
	int	 i;

	ck_assert_int_eq(appg_check_all(&fx.a, &fx.f, TODAY, fx.out), 0);
	for (i = 0; i < APPG_CHECK__MAX; i++) {
		ck_assert_msg(fx.out[i].pass, "%s: %s", fx.out[i].title,
		    fx.out[i].why);
		ck_assert_str_eq(fx.out[i].todo, "");
	}
}
END_TEST

/* --- officers -------------------------------------------------------------- */

START_TEST(test_officers_post_ends)
{
	const struct appg_check	*c;

	fx.officers[3].ended_on = "2026-06-01";
	/* In post until the day before ended_on. */
	ck_assert(passes("2026-05-31", APPG_CHECK_OFFICERS));
	c = run("2026-06-01", APPG_CHECK_OFFICERS);
	ck_assert(!c->pass);
	says(c, "3 officers");
	says(c, "exactly 4");
	ck_assert_ptr_nonnull(strstr(c->todo, "Elect 1 more officer"));
}
END_TEST

START_TEST(test_officers_too_many)
{
	const struct appg_check	*c;

	(void)add_officer(24, APPG_POST_TREASURER, "2026-01-01", "");
	ck_assert(passes("2025-12-31", APPG_CHECK_OFFICERS));
	c = run("2026-01-01", APPG_CHECK_OFFICERS);
	ck_assert(!c->pass);
	says(c, "5 officers");
}
END_TEST

START_TEST(test_officer_leaves_house)
{
	const struct appg_check	*c;

	leave_house(2, "2026-11-20");
	ck_assert(passes("2026-11-19", APPG_CHECK_OFFICERS));
	c = run("2026-11-20", APPG_CHECK_OFFICERS);
	ck_assert(!c->pass);
	says(c, "Cath Vice");
	says(c, "not sitting in either House");
	/* She was the only Conservative officer. */
	ck_assert(!passes("2026-11-20", APPG_CHECK_PARTY_SPREAD));
	ck_assert(passes("2026-11-19", APPG_CHECK_PARTY_SPREAD));
}
END_TEST

START_TEST(test_two_posts_one_officer)
{
	const struct appg_check	*c;

	/* The Chair is also Registered Contact; a fourth officer replaces Ben. */
	fx.officers[1].person_id = 1;
	fx.officers[1].person = &fx.people[0];
	ck_assert(!passes(TODAY, APPG_CHECK_OFFICERS));
	(void)add_officer(13, APPG_POST_TREASURER, "2025-03-11", "");
	ck_assert(passes(TODAY, APPG_CHECK_OFFICERS));
	ck_assert(passes(TODAY, APPG_CHECK_CHAIR_CONTACT));
	/* Two MPs still: Ann (two posts) and Cath. */
	ck_assert(passes(TODAY, APPG_CHECK_OFFICER_MPS));
	fx.people[2].terms[0].house = "lords";
	fx.people[2].terms[0].category = "peer";
	c = run(TODAY, APPG_CHECK_OFFICER_MPS);
	ck_assert(!c->pass);
	says(c, "1 officer is an MP: Ann Chair MP");
}
END_TEST

START_TEST(test_chair_must_be_mp)
{
	const struct appg_check	*c;

	fx.officers[0].person_id = 4;
	fx.officers[0].person = &fx.people[3];
	fx.officers[3].person_id = 1;
	fx.officers[3].person = &fx.people[0];
	c = run(TODAY, APPG_CHECK_CHAIR_CONTACT);
	ck_assert(!c->pass);
	says(c, "The Chair, Lord Dee, is a Peer");
	ck_assert_ptr_nonnull(strstr(c->todo, "Elect an MP"));
}
END_TEST

START_TEST(test_no_registered_contact)
{
	const struct appg_check	*c;

	fx.officers[1].ended_on = "2026-11-01";
	c = run("2026-11-01", APPG_CHECK_CHAIR_CONTACT);
	ck_assert(!c->pass);
	says(c, "No one holds the post of Registered Contact");
	ck_assert(passes("2026-10-31", APPG_CHECK_CHAIR_CONTACT));
}
END_TEST

/* --- party spread ---------------------------------------------------------- */

START_TEST(test_officer_switches_party)
{
	const struct appg_check	*c;

	switch_party(2, "Reform UK", "2026-11-10");
	ck_assert(passes("2026-11-09", APPG_CHECK_PARTY_SPREAD));
	c = run("2026-11-10", APPG_CHECK_PARTY_SPREAD);
	ck_assert(!c->pass);
	says(c, "No officer is from the main opposition party, Conservative");
	ck_assert_ptr_nonnull(strstr(c->todo, "Conservative"));
	/* She still sits, so the officer count is unchanged. */
	ck_assert(passes("2026-11-10", APPG_CHECK_OFFICERS));
}
END_TEST

START_TEST(test_member_switches_party_back)
{
	/* A switch and a switch back: the spread holds again from then. */
	switch_party(2, "Independent", "2026-09-01");
	switch_party(2, "Conservative", "2026-10-01");
	ck_assert(!passes("2026-09-30", APPG_CHECK_PARTY_SPREAD));
	ck_assert(passes("2026-10-01", APPG_CHECK_PARTY_SPREAD));
}
END_TEST

START_TEST(test_government_changes)
{
	const struct appg_check	*c;

	/* Before July 2024 the Conservatives governed: still both present. */
	fx.officers[0].started_on = fx.officers[1].started_on = "2024-04-01";
	fx.officers[2].started_on = fx.officers[3].started_on = "2024-04-01";
	c = run("2024-06-01", APPG_CHECK_PARTY_SPREAD);
	ck_assert(c->pass);
	ck_assert_ptr_nonnull(strstr(c->title, "governing party (Conservative)"));
	/* A new government on 2026-12-01 with no officer from its party. */
	add_setting(APPG_SET_GOVERNING_PARTY, "Green", "2026-12-01");
	add_setting(APPG_SET_OPPOSITION_PARTY, "Labour", "2026-12-01");
	ck_assert(passes("2026-11-30", APPG_CHECK_PARTY_SPREAD));
	c = run("2026-12-01", APPG_CHECK_PARTY_SPREAD);
	ck_assert(!c->pass);
	says(c, "governing party, Green");
}
END_TEST

START_TEST(test_party_setting_missing)
{
	const struct appg_check	*c = run("2009-01-01", APPG_CHECK_PARTY_SPREAD);

	ck_assert(c->pass);
	says(c, "not checked");
}
END_TEST

/* --- members ------------------------------------------------------------- */

START_TEST(test_members_minimum)
{
	const struct appg_check	*c;

	/* 24 with the officers; with the minimum at 24, one leaving fails. */
	add_setting(APPG_SET_MEMBERS_MIN, "24", "2026-01-01");
	c = run(TODAY, APPG_CHECK_MEMBERS);
	ck_assert(c->pass);
	says(c, "24 qualifying members, officers included: 18 MPs and 6 Peers");
	fx.members[0].left_on = TODAY;
	ck_assert(passes("2026-11-24", APPG_CHECK_MEMBERS));
	c = run(TODAY, APPG_CHECK_MEMBERS);
	ck_assert(!c->pass);
	says(c, "23 qualifying members");
	ck_assert_ptr_nonnull(strstr(c->todo, "Recruit 1 more member"));
	/* Before the new minimum, 20 was enough. */
	ck_assert(passes("2025-12-31", APPG_CHECK_MEMBERS));
}
END_TEST

START_TEST(test_member_leaves_house)
{
	const struct appg_check	*c;

	add_setting(APPG_SET_MEMBERS_MIN, "24", "2026-01-01");
	leave_house(10, "2026-11-25");
	c = run(TODAY, APPG_CHECK_MEMBERS);
	ck_assert(!c->pass);
	says(c, "Kit Seven");
	ck_assert(passes("2026-11-24", APPG_CHECK_MEMBERS));
}
END_TEST

START_TEST(test_member_joins_later)
{
	add_setting(APPG_SET_MEMBERS_MIN, "25", "2024-03-31");
	(void)add_member(24, "2026-11-25", "");
	ck_assert(!passes("2026-11-24", APPG_CHECK_MEMBERS));
	ck_assert(passes("2026-11-25", APPG_CHECK_MEMBERS));
}
END_TEST

/* --- officer posts --------------------------------------------------------- */

static void
other_post(int who, long long group, const char *from, const char *to)
{
	struct appg_person	*p = &fx.people[who];
	struct appg_period	*q = &fx.posts[who][p->nposts++];

	q->group_id = group;
	q->started_on = from;
	q->ended_on = to;
}

START_TEST(test_officer_posts_limit)
{
	const struct appg_check	*c;

	/* Five elsewhere plus this one: six, the limit. */
	other_post(0, 2, "2025-01-01", "");
	other_post(0, 3, "2025-01-01", "");
	other_post(0, 4, "2025-01-01", "");
	other_post(0, 5, "2025-01-01", "");
	other_post(0, 6, "2025-01-01", "");
	/* Two posts in one group count once; this group's own row is skipped. */
	other_post(0, 6, "2025-01-01", "");
	other_post(0, 1, "2025-01-01", "");
	ck_assert(passes(TODAY, APPG_CHECK_OFFICER_POSTS));
	/* A seventh from 2026-11-25. */
	other_post(0, 7, TODAY, "");
	ck_assert(passes("2026-11-24", APPG_CHECK_OFFICER_POSTS));
	c = run(TODAY, APPG_CHECK_OFFICER_POSTS);
	ck_assert(!c->pass);
	says(c, "Ann Chair MP holds 7");
}
END_TEST

START_TEST(test_officer_posts_elsewhere)
{
	fx.officers[3].posts_elsewhere = 5;
	ck_assert(passes(TODAY, APPG_CHECK_OFFICER_POSTS));
	fx.officers[3].posts_elsewhere = 6;
	ck_assert(!passes(TODAY, APPG_CHECK_OFFICER_POSTS));
	/* A post elsewhere that ended does not count. */
	fx.officers[3].posts_elsewhere = 5;
	other_post(3, 9, "2024-01-01", "2026-11-25");
	ck_assert(!passes("2026-11-24", APPG_CHECK_OFFICER_POSTS));
	ck_assert(passes(TODAY, APPG_CHECK_OFFICER_POSTS));
}
END_TEST

/* --- meetings and the AGM ---------------------------------------------------- */

START_TEST(test_meetings_per_year)
{
	const struct appg_check	*c;

	/* The year 2025-03-11..2026-03-10 is judged from 2026-03-11. */
	c = run("2026-03-11", APPG_CHECK_MEETINGS);
	ck_assert(c->pass);
	says(c, "Reporting year 2025-03-11 to 2026-03-10: 2 meetings");
	/* Before then the first full year has not ended. */
	c = run("2026-03-10", APPG_CHECK_MEETINGS);
	ck_assert(c->pass);
	says(c, "has not ended yet");
	/* Move the general meeting past the year's last day: one is short. */
	fx.meetings[1].held_on = "2026-03-11";
	c = run("2026-03-11", APPG_CHECK_MEETINGS);
	ck_assert(!c->pass);
	says(c, "1 meeting,");
	fx.meetings[1].held_on = "2026-03-10";
	ck_assert(passes("2026-03-11", APPG_CHECK_MEETINGS));
	/* An event is not a meeting. */
	fx.meetings[1].kind = APPG_KIND_EVENT;
	ck_assert(!passes("2026-03-11", APPG_CHECK_MEETINGS));
}
END_TEST

START_TEST(test_meetings_need_agm)
{
	const struct appg_check	*c;

	/* Second year 2026-03-11..2027-03-10: the AGM and one more needed. */
	ck_assert(!passes("2027-03-11", APPG_CHECK_MEETINGS));
	(void)add_meeting(APPG_KIND_GENERAL, "2027-03-10", "");
	ck_assert(passes("2027-03-11", APPG_CHECK_MEETINGS));
	fx.meetings[2].kind = APPG_KIND_GENERAL;
	c = run("2027-03-11", APPG_CHECK_MEETINGS);
	ck_assert(!c->pass);
	says(c, "none of them the AGM");
}
END_TEST

START_TEST(test_agm_window)
{
	const struct appg_check	*c;

	/* Year ends 2026-03-10; deadline four months on, 2026-07-10. */
	fx.meetings[2].held_on = "2026-07-10";
	ck_assert(passes("2026-07-11", APPG_CHECK_AGM));
	fx.meetings[2].held_on = "2026-07-11";
	c = run("2026-07-11", APPG_CHECK_AGM);
	ck_assert(!c->pass);
	says(c, "No AGM was held between 2026-03-11 and the reporting deadline, "
	    "2026-07-10");
	/* Until the deadline passes, a missing AGM is only due. */
	c = run("2026-07-10", APPG_CHECK_AGM);
	ck_assert(c->pass);
	says(c, "is due between 2026-03-11 and 2026-07-10");
	/* The Registrar's own deadline, when given, is used instead. */
	fx.g.reporting_deadline = "2026-07-31";
	ck_assert(passes("2026-07-31", APPG_CHECK_AGM));
	ck_assert(passes("2026-08-01", APPG_CHECK_AGM));
}
END_TEST

START_TEST(test_agm_too_soon)
{
	const struct appg_check	*c;

	/* A full year from 2025-03-11 is 2026-03-11; the day before is early. */
	fx.meetings[2].held_on = "2026-03-10";
	c = run(TODAY, APPG_CHECK_AGM);
	ck_assert(!c->pass);
	says(c, "less than a full year after the inaugural meeting");
	fx.meetings[2].held_on = "2026-03-11";
	ck_assert(passes(TODAY, APPG_CHECK_AGM));
}
END_TEST

START_TEST(test_ie_statement)
{
	const struct appg_check	*c;

	/* Before any AGM there is nothing to check. */
	c = run("2026-03-16", APPG_CHECK_IE_STATEMENT);
	ck_assert(c->pass);
	says(c, "No AGM has been held yet");
	fx.meetings[2].ie_approved = 0;
	c = run("2026-03-17", APPG_CHECK_IE_STATEMENT);
	ck_assert(!c->pass);
	says(c, "2026-03-17 did not record an approved");
	/* A later AGM that approves it puts it right. */
	add_meeting(APPG_KIND_AGM, "2027-03-16", "2027-03-01")->ie_approved = 1;
	ck_assert(!passes("2027-03-15", APPG_CHECK_IE_STATEMENT));
	ck_assert(passes("2027-03-16", APPG_CHECK_IE_STATEMENT));
}
END_TEST

/* --- notice -------------------------------------------------------------- */

START_TEST(test_notice_week)
{
	const struct appg_check	*c;

	/* AGM on 2026-03-17: notice on 2026-03-10 is a week, 03-11 is not. */
	fx.meetings[2].notice_on = "2026-03-10";
	ck_assert(passes(TODAY, APPG_CHECK_NOTICE));
	fx.meetings[2].notice_on = "2026-03-11";
	c = run(TODAY, APPG_CHECK_NOTICE);
	ck_assert(!c->pass);
	says(c, "Annual general meeting on 2026-03-17 (notice given 2026-03-11; "
	    "due by 2026-03-10)");
	fx.meetings[2].notice_on = "";
	says(run(TODAY, APPG_CHECK_NOTICE), "notice not given");
}
END_TEST

START_TEST(test_notice_when_required)
{
	struct appg_meeting	*m;

	/* A general meeting with no speaker and no decision needs none. */
	m = add_meeting(APPG_KIND_GENERAL, "2026-10-20", "");
	ck_assert(passes(TODAY, APPG_CHECK_NOTICE));
	m->has_speaker = 1;
	ck_assert(!passes(TODAY, APPG_CHECK_NOTICE));
	m->has_speaker = 0;
	m->decision_planned = 1;
	ck_assert(!passes(TODAY, APPG_CHECK_NOTICE));
	m->notice_on = "2026-10-13";
	ck_assert(passes(TODAY, APPG_CHECK_NOTICE));
}
END_TEST

START_TEST(test_notice_future_meeting)
{
	struct appg_meeting	*m;

	/* An EGM on 2026-12-09: notice is due by 2026-12-02. */
	m = add_meeting(APPG_KIND_EGM, "2026-12-09", "");
	ck_assert(passes("2026-12-02", APPG_CHECK_NOTICE));
	ck_assert(!passes("2026-12-03", APPG_CHECK_NOTICE));
	m->notice_on = "2026-12-02";
	ck_assert(passes("2026-12-03", APPG_CHECK_NOTICE));
	/* Meetings over a year old drop out. */
	fx.meetings[2].notice_on = "";
	ck_assert(!passes("2027-03-17", APPG_CHECK_NOTICE));
	ck_assert(passes("2027-03-18", APPG_CHECK_NOTICE));
}
END_TEST

/* --- benefits and the annual report ---------------------------------------- */

START_TEST(test_benefits_registered)
{
	const struct appg_check	*c;
	struct appg_benefit	*b;

	/* At the band (£1,500) nothing needs registering. */
	b = add_benefit(1500, "2026-06-01", "");
	ck_assert(passes(TODAY, APPG_CHECK_BENEFITS));
	b->value = 1501;
	c = run(TODAY, APPG_CHECK_BENEFITS);
	ck_assert(!c->pass);
	says(c, "Secretariat services from HIAS+JCORE, received 2026-06-01 "
	    "(£1,501–£3,000)");
	/* Not due before it was received; registered from its date. */
	ck_assert(passes("2026-05-31", APPG_CHECK_BENEFITS));
	b->registered_on = "2026-07-01";
	ck_assert(!passes("2026-06-30", APPG_CHECK_BENEFITS));
	ck_assert(passes("2026-07-01", APPG_CHECK_BENEFITS));
	/* A deleted benefit is not counted. */
	b->registered_on = "";
	b->deleted = 1;
	ck_assert(passes(TODAY, APPG_CHECK_BENEFITS));
}
END_TEST

START_TEST(test_annual_report)
{
	const struct appg_check	*c;

	/* £1,500 in 2025 is not above the threshold. */
	fx.benefits[0].value = 1500;
	c = run(TODAY, APPG_CHECK_ANNUAL_REPORT);
	ck_assert(c->pass);
	says(c, "no annual report is needed");
	fx.benefits[0].value = 1501;
	ck_assert(passes(TODAY, APPG_CHECK_ANNUAL_REPORT));
	/* The 2026 AGM had to be chaired from the Speaker's pool. */
	fx.meetings[2].chair_from_pool = 0;
	c = run(TODAY, APPG_CHECK_ANNUAL_REPORT);
	ck_assert(!c->pass);
	says(c, "was not chaired by a Member from the Speaker's pool");
	fx.meetings[2].chair_from_pool = 1;
	fx.g.annual_report_on = "";
	c = run(TODAY, APPG_CHECK_ANNUAL_REPORT);
	ck_assert(!c->pass);
	says(c, "Annual report: not recorded");
	/* Before that AGM the report is only due. */
	c = run("2026-03-16", APPG_CHECK_ANNUAL_REPORT);
	ck_assert(c->pass);
	says(c, "is due");
	/* Benefits of two years are not added together. */
	fx.benefits[0].value = 1000;
	(void)add_benefit(1000, "2026-01-05", "");
	ck_assert(passes("2027-01-01", APPG_CHECK_ANNUAL_REPORT));
}
END_TEST

/* --- quorum -------------------------------------------------------------- */

START_TEST(test_quorum_agm)
{
	struct appg_quorum	 q;
	struct appg_meeting	*m = &fx.meetings[2];

	ck_assert_int_eq(appg_quorum(&fx.a, &fx.f, m, &q), 0);
	ck_assert_int_eq(q.required, 8);
	ck_assert_int_eq(q.counted, 8);
	ck_assert(q.met);
	ck_assert_ptr_nonnull(strstr(q.why, "quorate"));
	/* Apologies do not count. */
	m->attendees[7].status = APPG_APOLOGIES;
	ck_assert_int_eq(appg_quorum(&fx.a, &fx.f, m, &q), 0);
	ck_assert_int_eq(q.counted, 7);
	ck_assert(!q.met);
	ck_assert_ptr_nonnull(strstr(q.why, "not quorate"));
	/* Someone present who is not in the group does not count. */
	attend(m, 24, APPG_PRESENT);
	ck_assert_int_eq(appg_quorum(&fx.a, &fx.f, m, &q), 0);
	ck_assert_int_eq(q.counted, 7);
	/* Nor a member who left before the meeting; one who left after does. */
	fx.members[0].left_on = "2026-03-17";
	ck_assert_int_eq(appg_quorum(&fx.a, &fx.f, m, &q), 0);
	ck_assert_int_eq(q.counted, 6);
	fx.members[0].left_on = "2026-03-18";
	ck_assert_int_eq(appg_quorum(&fx.a, &fx.f, m, &q), 0);
	ck_assert_int_eq(q.counted, 7);
}
END_TEST

START_TEST(test_quorum_member_out_of_house)
{
	struct appg_quorum	 q;
	struct appg_meeting	*m = &fx.meetings[2];

	leave_house(7, "2026-03-17");
	ck_assert_int_eq(appg_quorum(&fx.a, &fx.f, m, &q), 0);
	ck_assert_int_eq(q.counted, 7);
	ck_assert(!q.met);
}
END_TEST

START_TEST(test_quorum_kinds)
{
	struct appg_quorum	 q;
	struct appg_meeting	*m;
	int			 i;

	/* An EGM has its own setting (5 here). */
	m = add_meeting(APPG_KIND_EGM, "2026-10-01", "2026-09-20");
	for (i = 0; i < 5; i++)
		attend(m, i, APPG_PRESENT);
	ck_assert_int_eq(appg_quorum(&fx.a, &fx.f, m, &q), 0);
	ck_assert_int_eq(q.required, 5);
	ck_assert(q.met);
	m->attendees[4].status = APPG_APOLOGIES;
	ck_assert_int_eq(appg_quorum(&fx.a, &fx.f, m, &q), 0);
	ck_assert(!q.met);
	/* A general meeting has no quorum rule. */
	m->kind = APPG_KIND_GENERAL;
	ck_assert_int_eq(appg_quorum(&fx.a, &fx.f, m, &q), 0);
	ck_assert_int_eq(q.required, 0);
	ck_assert(q.met);
	ck_assert_ptr_nonnull(strstr(q.why, "no quorum rule"));
	/* The AGM quorum is read on the meeting's day. */
	add_setting(APPG_SET_AGM_QUORUM, "9", "2026-03-17");
	ck_assert_int_eq(appg_quorum(&fx.a, &fx.f, &fx.meetings[2], &q), 0);
	ck_assert_int_eq(q.required, 9);
	ck_assert(!q.met);
}
END_TEST

/* --- newly failing --------------------------------------------------------- */

START_TEST(test_newly_failing)
{
	struct appg_check	 out[APPG_CHECK__MAX];
	int			 n;

	ck_assert_int_eq(appg_newly_failing(&fx.a, &fx.f, TODAY, 28, out), 0);
	/* The Vice-Chair crosses to Reform UK on 2026-11-20. */
	switch_party(2, "Reform UK", "2026-11-20");
	n = appg_newly_failing(&fx.a, &fx.f, TODAY, 28, out);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(out[0].id, APPG_CHECK_PARTY_SPREAD);
	ck_assert_str_eq(out[0].failing_since, "2026-11-20");
	/* Outside the window it is no longer new. */
	ck_assert_int_eq(appg_newly_failing(&fx.a, &fx.f, TODAY, 4, out), 0);
	/* An officer removed today: officers and party checks, since today. */
	fx.officers[3].ended_on = TODAY;
	n = appg_newly_failing(&fx.a, &fx.f, TODAY, 28, out);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(out[0].id, APPG_CHECK_OFFICERS);
	ck_assert_str_eq(out[0].failing_since, TODAY);
}
END_TEST

START_TEST(test_deadline_newly_missed)
{
	struct appg_check	 out[APPG_CHECK__MAX];

	/* No AGM at all: on 2026-07-11 the deadline has just gone by. */
	fx.meetings[2].deleted = 1;
	ck_assert_int_eq(appg_newly_failing(&fx.a, &fx.f, "2026-07-11", 28,
	    out), 1);
	ck_assert_int_eq(out[0].id, APPG_CHECK_AGM);
	ck_assert_str_eq(out[0].failing_since, "2026-07-11");
}
END_TEST

/* --- settings, dates, bands ------------------------------------------------ */

START_TEST(test_setting_on)
{
	ck_assert_str_eq(appg_setting_on(&fx.f, APPG_SET_GOVERNING_PARTY,
	    "2024-07-04"), "Conservative");
	ck_assert_str_eq(appg_setting_on(&fx.f, APPG_SET_GOVERNING_PARTY,
	    "2024-07-05"), "Labour");
	ck_assert_ptr_null(appg_setting_on(&fx.f, APPG_SET_MEMBERS_MIN,
	    "2024-03-30"));
	ck_assert_int_eq(appg_setting_num(&fx.f, APPG_SET_MEMBERS_MIN,
	    "2024-03-30", -1), -1);
	/* Two values from one day: the later row wins; a deleted one never. */
	add_setting(APPG_SET_MEMBERS_MIN, "21", "2025-01-01");
	add_setting(APPG_SET_MEMBERS_MIN, "22", "2025-01-01");
	ck_assert_int_eq(appg_setting_num(&fx.f, APPG_SET_MEMBERS_MIN,
	    TODAY, 0), 22);
	fx.settings[fx.f.nsettings - 1].deleted = 1;
	ck_assert_int_eq(appg_setting_num(&fx.f, APPG_SET_MEMBERS_MIN,
	    TODAY, 0), 21);
	add_setting(APPG_SET_MEMBERS_MIN, "twenty", "2025-02-01");
	ck_assert_int_eq(appg_setting_num(&fx.f, APPG_SET_MEMBERS_MIN,
	    TODAY, 7), 7);
}
END_TEST

static const struct {
	const char	*date;
	long		 days;
	int		 months;
	const char	*plus_days;
	const char	*plus_months;
} date_cases[] = {
	{ "2025-01-31", 1, 1, "2025-02-01", "2025-02-28" },
	{ "2024-01-31", 29, 1, "2024-02-29", "2024-02-29" },
	{ "2025-12-31", 1, 2, "2026-01-01", "2026-02-28" },
	{ "2026-03-10", -365, -12, "2025-03-10", "2025-03-10" },
	{ "2024-02-29", 365, 12, "2025-02-28", "2025-02-28" },
	{ "2026-07-10", -7, 4, "2026-07-03", "2026-11-10" },
};

START_TEST(test_dates)
{
	char	 out[11];

	ck_assert_int_eq(appg_date_add_days(date_cases[_i].date,
	    date_cases[_i].days, out), 0);
	ck_assert_str_eq(out, date_cases[_i].plus_days);
	ck_assert_int_eq(appg_date_add_months(date_cases[_i].date,
	    date_cases[_i].months, out), 0);
	ck_assert_str_eq(out, date_cases[_i].plus_months);
	ck_assert_int_eq(appg_date_diff(date_cases[_i].date,
	    date_cases[_i].plus_days), date_cases[_i].days);
}
END_TEST

START_TEST(test_dates_bad_and_long)
{
	char	 out[11];

	ck_assert_int_eq(appg_date_add_days("2025-02-29", 1, out), -1);
	ck_assert_int_eq(appg_date_add_days("2025-1-1", 1, out), -1);
	ck_assert_int_eq(appg_date_add_months("", 1, out), -1);
	ck_assert_str_eq(appg_date_long(&fx.a, "2025-03-11"),
	    "Tuesday 11 March 2025");
	ck_assert_str_eq(appg_date_long(&fx.a, "2026-11-25"),
	    "Wednesday 25 November 2026");
	ck_assert_str_eq(appg_date_long(&fx.a, "1970-01-01"),
	    "Thursday 1 January 1970");
	ck_assert_str_eq(appg_date_long(&fx.a, "soon"), "soon");
}
END_TEST

static const struct {
	const char	*date;
	const char	*start;
	const char	*end;
} year_cases[] = {
	{ "2026-03-10", "2024-03-11", "2025-03-10" },	/* the last day: not ended */
	{ "2026-03-11", "2025-03-11", "2026-03-10" },
	{ "2026-11-25", "2025-03-11", "2026-03-10" },
	{ "2027-01-01", "2025-03-11", "2026-03-10" },
};

START_TEST(test_reporting_year)
{
	char	 start[11], end[11];

	appg_reporting_year(&fx.g, year_cases[_i].date, start, end);
	ck_assert_str_eq(start, year_cases[_i].start);
	ck_assert_str_eq(end, year_cases[_i].end);
}
END_TEST

START_TEST(test_reporting_year_end_of_february)
{
	char	 start[11], end[11];

	/* A year ending on 31 December; one on 28 February. */
	fx.g.year_end_month = 12;
	fx.g.year_end_day = 31;
	appg_reporting_year(&fx.g, "2026-01-01", start, end);
	ck_assert_str_eq(start, "2025-01-01");
	ck_assert_str_eq(end, "2025-12-31");
	fx.g.year_end_month = 2;
	fx.g.year_end_day = 28;
	appg_reporting_year(&fx.g, "2024-02-29", start, end);
	ck_assert_str_eq(end, "2024-02-28");
	ck_assert_str_eq(start, "2023-03-01");
	/* Not set: nothing, and the checks that need it fail with a reason. */
	fx.g.year_end_month = 0;
	appg_reporting_year(&fx.g, TODAY, start, end);
	ck_assert_str_eq(end, "");
	ck_assert(!passes(TODAY, APPG_CHECK_MEETINGS));
	says(run(TODAY, APPG_CHECK_AGM), "reporting year is not recorded");
}
END_TEST

static const struct {
	long		 value;
	const char	*band;
} band_cases[] = {
	{ 0, "up to £1,500" }, { 1500, "up to £1,500" },
	{ 1501, "£1,501–£3,000" }, { 3000, "£1,501–£3,000" },
	{ 3001, "£3,001–£4,500" }, { 15000, "£13,501–£15,000" },
};

START_TEST(test_bands)
{
	char	 out[48];

	ck_assert_str_eq(appg_band(out, sizeof(out), band_cases[_i].value,
	    1500), band_cases[_i].band);
}
END_TEST

START_TEST(test_terms_and_houses)
{
	struct appg_person	*p = &fx.people[2];

	switch_party(2, "Reform UK", "2026-06-01");
	ck_assert_str_eq(appg_term_on(p, "2026-05-31")->party, "Conservative");
	ck_assert_str_eq(appg_term_on(p, "2026-06-01")->party, "Reform UK");
	ck_assert_ptr_null(appg_term_on(p, "2023-12-31"));
	ck_assert_str_eq(appg_house_on(p, TODAY), "MP");
	ck_assert_str_eq(appg_house_on(&fx.people[3], TODAY), "Peer");
	leave_house(2, TODAY);
	ck_assert_ptr_null(appg_house_on(p, TODAY));
	ck_assert_str_eq(appg_house_on(p, "2026-11-24"), "MP");
}
END_TEST

START_TEST(test_names)
{
	ck_assert_int_eq(appg_code_index(appg_kinds, APPG_KIND__MAX, "agm"),
	    APPG_KIND_AGM);
	ck_assert_int_eq(appg_code_index(appg_posts, APPG_POST__MAX,
	    "registered_contact"), APPG_POST_REGISTERED_CONTACT);
	ck_assert_int_eq(appg_code_index(appg_posts, APPG_POST__MAX, "king"), -1);
	ck_assert_int_eq(appg_code_index(appg_settings_names, APPG_SET__MAX,
	    "governing_party"), APPG_SET_GOVERNING_PARTY);
	ck_assert_str_eq(appg_meeting_label(&fx.meetings[2]),
	    "Annual general meeting");
	fx.meetings[2].title = "First AGM";
	ck_assert_str_eq(appg_meeting_label(&fx.meetings[2]), "First AGM");
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("appg_rules");
	TCase	*tc = tcase_create("rules");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_fixture_passes);
	tcase_add_test(tc, test_officers_post_ends);
	tcase_add_test(tc, test_officers_too_many);
	tcase_add_test(tc, test_officer_leaves_house);
	tcase_add_test(tc, test_two_posts_one_officer);
	tcase_add_test(tc, test_chair_must_be_mp);
	tcase_add_test(tc, test_no_registered_contact);
	tcase_add_test(tc, test_officer_switches_party);
	tcase_add_test(tc, test_member_switches_party_back);
	tcase_add_test(tc, test_government_changes);
	tcase_add_test(tc, test_party_setting_missing);
	tcase_add_test(tc, test_members_minimum);
	tcase_add_test(tc, test_member_leaves_house);
	tcase_add_test(tc, test_member_joins_later);
	tcase_add_test(tc, test_officer_posts_limit);
	tcase_add_test(tc, test_officer_posts_elsewhere);
	tcase_add_test(tc, test_meetings_per_year);
	tcase_add_test(tc, test_meetings_need_agm);
	tcase_add_test(tc, test_agm_window);
	tcase_add_test(tc, test_agm_too_soon);
	tcase_add_test(tc, test_ie_statement);
	tcase_add_test(tc, test_notice_week);
	tcase_add_test(tc, test_notice_when_required);
	tcase_add_test(tc, test_notice_future_meeting);
	tcase_add_test(tc, test_benefits_registered);
	tcase_add_test(tc, test_annual_report);
	tcase_add_test(tc, test_quorum_agm);
	tcase_add_test(tc, test_quorum_member_out_of_house);
	tcase_add_test(tc, test_quorum_kinds);
	tcase_add_test(tc, test_newly_failing);
	tcase_add_test(tc, test_deadline_newly_missed);
	tcase_add_test(tc, test_setting_on);
	tcase_add_loop_test(tc, test_dates, 0,
	    sizeof(date_cases) / sizeof(date_cases[0]));
	tcase_add_test(tc, test_dates_bad_and_long);
	tcase_add_loop_test(tc, test_reporting_year, 0,
	    sizeof(year_cases) / sizeof(year_cases[0]));
	tcase_add_test(tc, test_reporting_year_end_of_february);
	tcase_add_loop_test(tc, test_bands, 0,
	    sizeof(band_cases) / sizeof(band_cases[0]));
	tcase_add_test(tc, test_terms_and_houses);
	tcase_add_test(tc, test_names);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
