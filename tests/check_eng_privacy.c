/*
 * Confidential engagements (lib/eng_privacy.c): who may read an
 * engagement's text, as a table of cases; the redaction of an engagement
 * and of its history; and, against a real MariaDB, that every list that
 * decides the rule in SQL (ENG_TEXT_READABLE) gives the answers of
 * eng_can_read_text(), that a text search does not look into text the
 * reader may not read, and that counts are the same for every reader.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "directory.h"
#include "eng_privacy.h"
#include "engagements.h"
#include "report.h"
#include "testhelp.h"
#include "users.h"

/* --- the rule, without a database ----------------------------------------- */

static const struct {
	const char	*name;
	int		 confidential;
	long long	 created_by;
	long long	 staff[2];	/* 0-terminated */
	int		 null_reader;
	long long	 user_id;
	int		 admin;
	int		 readable;
} rule_cases[] = {
	{ "not confidential: anyone", 0, 1, { 0, 0 }, 0, 9, 0, 1 },
	{ "not confidential: nobody", 0, 1, { 0, 0 }, 1, 0, 0, 1 },
	{ "its author", 1, 7, { 0, 0 }, 0, 7, 0, 1 },
	{ "staff present", 1, 7, { 8, 0 }, 0, 8, 0, 1 },
	{ "second of the staff", 1, 7, { 8, 5 }, 0, 5, 0, 1 },
	{ "an admin", 1, 7, { 8, 0 }, 0, 3, 1, 1 },
	{ "another editor", 1, 7, { 8, 0 }, 0, 9, 0, 0 },
	{ "no reader", 1, 7, { 8, 0 }, 1, 0, 0, 0 },
	{ "user 0 on an authorless one", 1, 0, { 0, 0 }, 0, 0, 0, 0 },
	{ "anyone on an authorless one", 1, 0, { 0, 0 }, 0, 4, 0, 0 },
};

START_TEST(test_rule)
{
	struct eng_ref		 staff[2];
	struct engagement	 e;
	struct eng_reader	 r = { rule_cases[_i].user_id,
	    rule_cases[_i].admin };
	size_t			 k;

	memset(&e, 0, sizeof(e));
	memset(staff, 0, sizeof(staff));
	e.confidential = rule_cases[_i].confidential;
	e.created_by = rule_cases[_i].created_by;
	for (k = 0; k < 2 && rule_cases[_i].staff[k] != 0; k++)
		staff[k].id = rule_cases[_i].staff[k];
	e.staff = staff;
	e.nstaff = k;
	ck_assert_msg(eng_can_read_text(rule_cases[_i].null_reader ? NULL : &r,
	    &e) == rule_cases[_i].readable, "%s", rule_cases[_i].name);
}
END_TEST

START_TEST(test_reader_of_session)
{
	struct session		 s;
	struct eng_reader	 r;

	memset(&s, 0, sizeof(s));
	s.user_id = 12;
	s.role = ROLE_EDITOR;
	r = eng_reader_of(&s);
	ck_assert_int_eq(r.user_id, 12);
	ck_assert_int_eq(r.admin, 0);
	s.role = ROLE_ADMIN;
	ck_assert_int_eq(eng_reader_of(&s).admin, 1);
	s.role = ROLE_VIEWER;
	ck_assert_int_eq(eng_reader_of(&s).admin, 0);
	r = eng_reader_of(NULL);
	ck_assert_int_eq(r.user_id, 0);
	ck_assert_int_eq(r.admin, 0);
	ck_assert_int_eq(eng_reader_or_nobody(NULL)->user_id, 0);
	ck_assert_ptr_eq(eng_reader_or_nobody(&r), &r);
}
END_TEST

START_TEST(test_redact)
{
	struct followup		 fu[2];
	struct engagement	 e;
	struct eng_reader	 other = { 9, 0 }, author = { 7, 0 };

	memset(&e, 0, sizeof(e));
	memset(fu, 0, sizeof(fu));
	fu[0].action = "Send the client's file";
	fu[0].owner_name = "Maya";
	fu[1].action = "Call back";
	e.title = "Casework: Ms A's asylum claim";
	e.summary = "Ms A, born 1990";
	e.outcome = "MP will write to the Home Office";
	e.type_label = "Meeting";
	e.date = "2025-03-04";
	e.followups = fu;
	e.nfollowups = 2;
	e.created_by = 7;
	e.confidential = 1;

	ck_assert_int_eq(eng_redact_for(&author, &e), 0);
	ck_assert_str_eq(e.title, "Casework: Ms A's asylum claim");
	ck_assert_int_eq(e.text_hidden, 0);

	ck_assert_int_eq(eng_redact_for(&other, &e), 1);
	ck_assert_int_eq(e.text_hidden, 1);
	ck_assert_str_eq(e.title, ENG_CONFIDENTIAL_TITLE);
	ck_assert_str_eq(e.summary, ENG_CONFIDENTIAL_TEXT);
	ck_assert_str_eq(e.outcome, ENG_CONFIDENTIAL_TEXT);
	ck_assert_str_eq(fu[0].action, ENG_CONFIDENTIAL_TEXT);
	ck_assert_str_eq(fu[1].action, ENG_CONFIDENTIAL_TEXT);
	/* What it counts by stays. */
	ck_assert_str_eq(e.type_label, "Meeting");
	ck_assert_str_eq(e.date, "2025-03-04");
	ck_assert_str_eq(fu[0].owner_name, "Maya");
}
END_TEST

START_TEST(test_redact_history)
{
	struct audit_change	 ch[2] = { { "title", "", "Ms A's claim" },
	    { "summary", "old", "new" } };
	struct audit_entry	 en[2];

	memset(en, 0, sizeof(en));
	en[0].action = "update";
	en[0].actor = "miriam";
	en[0].changes = ch;
	en[0].nchanges = 2;
	en[1].action = "delete";
	eng_redact_history(en, 2);
	ck_assert_str_eq(ch[0].field, "title");
	ck_assert_str_eq(ch[0].before, ENG_CONFIDENTIAL_TEXT);
	ck_assert_str_eq(ch[0].after, ENG_CONFIDENTIAL_TEXT);
	ck_assert_str_eq(ch[1].before, ENG_CONFIDENTIAL_TEXT);
	ck_assert_str_eq(ch[1].after, ENG_CONFIDENTIAL_TEXT);
	ck_assert_str_eq(en[0].actor, "miriam");
	ck_assert_str_eq(en[0].action, "update");
}
END_TEST

/* --- the same rule in SQL ------------------------------------------------- */

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;

static long long	 author, present, other, admin;	/* users */
static long long	 pat;				/* an MP */
static long long	 secret, open_one;		/* engagements */

static long long
add_user(const char *name, enum role role)
{
	struct user	 u;

	ck_assert_int_eq(user_add(&db, "tester", name, name, role,
	    "a long password"), DB_OK);
	ck_assert_int_eq(user_find(&db, &a, name, &u), DB_OK);
	return u.id;
}

static long long
add_person(const char *name)
{
	struct person	 p;

	memset(&p, 0, sizeof(p));
	p.full_name = name;
	p.category = "mp";
	p.role_title = p.house = p.constituency = p.email = p.phone = "";
	p.notes = "";
	p.party = "Labour";
	p.is_current = 1;
	ck_assert_msg(person_save(&db, "tester", &p) == DB_OK, "%s", db.error);
	return p.id;
}

/* Save an engagement with pat on it, by user, with staff present. */
static long long
add_eng(long long by, const char *title, const char *summary,
    int confidential, long long staff_user, long long owner)
{
	struct engagement	 e;
	struct eng_person	 person;
	struct eng_ref		 staff;
	struct followup		 fu;

	memset(&e, 0, sizeof(e));
	memset(&person, 0, sizeof(person));
	memset(&staff, 0, sizeof(staff));
	memset(&fu, 0, sizeof(fu));
	e.type = "meeting";
	e.date = "2025-03-04";
	e.time = "";
	e.title = title;
	e.summary = summary;
	e.outcome = "Agreed to write to the minister";
	e.media_medium = e.media_programme = e.media_link = "";
	e.confidential = confidential;
	person.id = pat;
	e.people = &person;
	e.npeople = 1;
	staff.id = staff_user;
	e.staff = &staff;
	e.nstaff = 1;
	fu.action = "Send the casework file";
	fu.owner_id = owner;
	fu.due_on = "";
	e.followups = &fu;
	e.nfollowups = 1;
	ck_assert_msg(engagement_save(&db, "tester", by, &e) == DB_OK, "%s",
	    db.error);
	return e.id;
}

static void
setup(void)
{
	th_db_open(&db, &conf);
	th_sql(&db, "DELETE FROM follow_ups; DELETE FROM engagement_people; "
	    "DELETE FROM engagement_organisations; DELETE FROM engagement_staff; "
	    "DELETE FROM engagement_policy_areas; DELETE FROM engagements; "
	    "DELETE FROM person_merges; DELETE FROM person_terms; "
	    "DELETE FROM mention_hits; DELETE FROM mentions; "
	    "DELETE FROM people");
	th_reset(&db);
	arena_init(&a);
	author = add_user("author", ROLE_EDITOR);
	present = add_user("present", ROLE_VIEWER);
	other = add_user("other", ROLE_EDITOR);
	admin = add_user("boss", ROLE_ADMIN);
	pat = add_person("Pat Jones");
	secret = add_eng(author, "Casework for Ms Avery", "Ms Avery's claim "
	    "was refused in 2023", 1, present, other);
	open_one = add_eng(other, "Briefing on asylum support", "Support "
	    "rates", 0, other, other);
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

/* The readers of every database test, as the pages make them. */
static struct eng_reader
reader(int which)
{
	static const enum role roles[] = { ROLE_EDITOR, ROLE_VIEWER,
	    ROLE_EDITOR, ROLE_ADMIN, ROLE_VIEWER };
	const long long ids[] = { author, present, other, admin, 0 };
	struct session	 s;

	memset(&s, 0, sizeof(s));
	s.user_id = ids[which];
	s.role = roles[which];
	return eng_reader_of(&s);
}

#define NREADERS	5
static const char *const reader_names[NREADERS] = { "author",
    "staff present", "another editor", "an admin", "nobody" };

/* The engagement list's row for id, with the reader. */
static const struct eng_row *
list_row(const struct eng_reader *r, long long id, size_t *total)
{
	struct eng_filter	 f;
	struct eng_row		*rows;
	size_t			 n, i;

	memset(&f, 0, sizeof(f));
	f.reader = *r;
	ck_assert_int_eq(engagement_list(&db, &a, &f, &rows, &n, total),
	    DB_OK);
	for (i = 0; i < n; i++)
		if (rows[i].id == id)
			return &rows[i];
	ck_abort_msg("engagement %lld is not listed", id);
	return NULL;
}

/* How many engagements a text search finds, with the reader. */
static size_t
search(const struct eng_reader *r, const char *q)
{
	struct eng_filter	 f;
	struct eng_row		*rows;
	size_t			 n, total;

	memset(&f, 0, sizeof(f));
	f.reader = *r;
	f.q = q;
	ck_assert_int_eq(engagement_list(&db, &a, &f, &rows, &n, &total),
	    DB_OK);
	ck_assert_uint_eq(n, total);
	return total;
}

START_TEST(test_saved_and_audited)
{
	struct engagement	 e;

	ck_assert_int_eq(engagement_get(&db, &a, secret, &e), DB_OK);
	ck_assert_int_eq(e.confidential, 1);
	ck_assert_int_eq(e.created_by, author);
	th_sql_true(&db, "(SELECT COUNT(*) FROM audit_log WHERE "
	    "entity = 'engagement' AND action = 'create' AND "
	    "after_data LIKE '%\"confidential\":\"yes\"%') = 1");
	/* An edit can lift it, and the change is in its history. */
	e.confidential = 0;
	ck_assert_msg(engagement_save(&db, "tester", author, &e) == DB_OK, "%s",
	    db.error);
	ck_assert_int_eq(engagement_get(&db, &a, secret, &e), DB_OK);
	ck_assert_int_eq(e.confidential, 0);
	ck_assert_int_eq(e.version, 2);
	th_sql_true(&db, "(SELECT COUNT(*) FROM audit_log WHERE "
	    "entity = 'engagement' AND action = 'update' AND "
	    "before_data LIKE '%\"confidential\":\"yes\"%' AND "
	    "after_data LIKE '%\"confidential\":\"no\"%') = 1");
}
END_TEST

/* For every reader, the list says what eng_can_read_text() says. */
START_TEST(test_list_agrees_with_rule)
{
	struct eng_reader	 r = reader(_i);
	struct engagement	 e;
	const struct eng_row	*row;
	size_t			 total;
	int			 readable;

	ck_assert_int_eq(engagement_get(&db, &a, secret, &e), DB_OK);
	readable = eng_can_read_text(&r, &e);
	ck_assert_int_eq(readable, _i != 2 && _i != 4);
	row = list_row(&r, secret, &total);
	ck_assert_uint_eq(total, 2);
	ck_assert_msg(row->text_hidden == !readable, "%s", reader_names[_i]);
	ck_assert_int_eq(row->confidential, 1);
	ck_assert_str_eq(row->title, readable ? "Casework for Ms Avery" :
	    ENG_CONFIDENTIAL_TITLE);
	/* The people on it stay: it counts by them. */
	ck_assert_uint_eq(row->npeople, 1);
	ck_assert_str_eq(row->people[0].name, "Pat Jones");
	row = list_row(&r, open_one, &total);
	ck_assert_int_eq(row->text_hidden, 0);
	ck_assert_str_eq(row->title, "Briefing on asylum support");
}
END_TEST

/* A search must not find the engagement by text the reader cannot see. */
START_TEST(test_search_skips_hidden_text)
{
	struct eng_reader	 r = reader(_i);
	struct engagement	 e;
	size_t			 want;

	ck_assert_int_eq(engagement_get(&db, &a, secret, &e), DB_OK);
	want = eng_can_read_text(&r, &e) ? 1 : 0;
	ck_assert_msg(search(&r, "Avery") == want, "%s: title or summary",
	    reader_names[_i]);
	ck_assert_msg(search(&r, "refused in 2023") == want, "%s: summary",
	    reader_names[_i]);
	ck_assert_msg(search(&r, "write to the minister") == want + 1,
	    "%s: outcome", reader_names[_i]);
	/* The people are not hidden: both have Pat on them. */
	ck_assert_uint_eq(search(&r, "Pat Jones"), 2);
}
END_TEST

START_TEST(test_contacts_followups_report)
{
	struct eng_reader	 r = reader(_i);
	struct engagement	 e;
	struct contact		*c;
	struct contact_summary	 s;
	struct followup		*fu;
	struct engagement_report rep;
	struct report_period	 p = { "2025-03-01", "2025-03-31" };
	size_t			 n, i;
	int			 readable;

	ck_assert_int_eq(engagement_get(&db, &a, secret, &e), DB_OK);
	readable = eng_can_read_text(&r, &e);

	ck_assert_int_eq(person_contacts(&db, &a, &r, pat, &c, &n, &s), DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(s.count, 2);
	for (i = 0; i < n; i++)
		if (c[i].engagement_id == secret) {
			ck_assert_int_eq(c[i].text_hidden, !readable);
			ck_assert_str_eq(c[i].title, readable ?
			    "Casework for Ms Avery" : ENG_CONFIDENTIAL_TITLE);
		}

	/* "other" owns both follow-ups but may not read the secret one. */
	ck_assert_int_eq(followups_for(&db, &a, &r, other, &fu, &n), DB_OK);
	ck_assert_uint_eq(n, 2);
	for (i = 0; i < n; i++)
		if (fu[i].engagement_id == secret)
			ck_assert_str_eq(fu[i].action, readable ?
			    "Send the casework file" : ENG_CONFIDENTIAL_TEXT);

	ck_assert_msg(report_build(&db, &a, &p, &r, &rep) == DB_OK, "%s",
	    db.error);
	ck_assert_int_eq(rep.total, 2);
	ck_assert_uint_eq(rep.nrows, 2);
	for (i = 0; i < rep.nrows; i++)
		if (rep.rows[i].id == secret) {
			ck_assert_int_eq(rep.rows[i].text_hidden, !readable);
			ck_assert_str_eq(rep.rows[i].outcome, readable ?
			    "Agreed to write to the minister" :
			    ENG_CONFIDENTIAL_TEXT);
		}
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("eng_privacy");
	TCase	*tc = tcase_create("rule");

	tcase_add_loop_test(tc, test_rule, 0,
	    sizeof(rule_cases) / sizeof(rule_cases[0]));
	tcase_add_test(tc, test_reader_of_session);
	tcase_add_test(tc, test_redact);
	tcase_add_test(tc, test_redact_history);
	suite_add_tcase(s, tc);
	tc = tcase_create("database");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_saved_and_audited);
	tcase_add_loop_test(tc, test_list_agrees_with_rule, 0, NREADERS);
	tcase_add_loop_test(tc, test_search_skips_hidden_text, 0, NREADERS);
	tcase_add_loop_test(tc, test_contacts_followups_report, 0, NREADERS);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
