/*
 * lib/privacy_sar.c and lib/ui_privacy_sar.c against a real MariaDB: what
 * the subject access export gathers (profile, history, merges,
 * engagements, follow-ups, mentions, APPG roles, audit rows), that other
 * people are redacted from both the page and the JSON, that each export
 * is audit-logged in its own transaction, and that an erased person is
 * never exported.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <check.h>
#include <jansson.h>

#include "arena.h"
#include "auth.h"
#include "buf.h"
#include "db.h"
#include "directory.h"
#include "engagements.h"
#include "html.h"
#include "privacy_erase.h"
#include "privacy_sar.h"
#include "testhelp.h"
#include "ui_privacy_sar.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;

#define SUBJECT_NAME	"Maya Cohen"
#define OTHER_NAME	"Daniel Okafor"
#define THIRD_NAME	"Ruth Ellis"

static void
reset(void)
{
	th_sql(&db, "DELETE FROM appg_actions; DELETE FROM appg_attendance; "
	    "DELETE FROM appg_meetings; DELETE FROM appg_benefits; "
	    "DELETE FROM appg_members; DELETE FROM appg_officers; "
	    "DELETE FROM appg_groups; DELETE FROM mention_hits; "
	    "DELETE FROM mentions; DELETE FROM feed_items; "
	    "DELETE FROM watch_terms; DELETE FROM feeds; "
	    "DELETE FROM follow_ups; DELETE FROM engagement_people; "
	    "DELETE FROM engagement_staff; DELETE FROM engagement_organisations; "
	    "DELETE FROM engagements; DELETE FROM person_merges; "
	    "DELETE FROM person_terms; DELETE FROM people");
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

static long long
add_person(const char *name, const char *category, const char *notes)
{
	struct person	 p;

	memset(&p, 0, sizeof(p));
	p.full_name = name;
	p.category = category;
	p.role_title = "";
	p.party = "";
	p.house = "";
	p.constituency = "";
	p.email = "";
	p.phone = "";
	p.notes = notes;
	p.is_current = 1;
	ck_assert_msg(person_save(&db, "tester", &p) == DB_OK, "%s", db.error);
	return p.id;
}

/* An engagement whose texts name both people and a third; both attend. */
static long long
add_shared_engagement(long long subject, long long other)
{
	char	 sql[1024];

	th_sql(&db, "INSERT INTO users (username, display_name, role, "
	    "password_hash, created_at) VALUES ('staffer', 'Sam Staff', "
	    "'editor', 'x', UTC_TIMESTAMP())");
	th_sql(&db, "INSERT INTO engagements (type, occurred_on, title, "
	    "summary, outcome, created_at, updated_at) VALUES ('meeting', "
	    "'2025-03-04', 'Briefing with " OTHER_NAME "', '" SUBJECT_NAME
	    " and " OTHER_NAME " discussed the bill; " THIRD_NAME " sent "
	    "apologies.', 'daniel okafor to write to " SUBJECT_NAME ".', "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())");
	snprintf(sql, sizeof(sql), "INSERT INTO engagement_people "
	    "(engagement_id, person_id) SELECT MAX(id), %lld FROM engagements; "
	    "INSERT INTO engagement_people (engagement_id, person_id) "
	    "SELECT MAX(id), %lld FROM engagements; "
	    "INSERT INTO engagement_staff (engagement_id, user_id) "
	    "SELECT MAX(e.id), MAX(u.id) FROM engagements e, users u; "
	    "INSERT INTO follow_ups (engagement_id, action, due_on) "
	    "SELECT MAX(id), 'Send " OTHER_NAME " the paper', '2025-03-11' "
	    "FROM engagements", subject, other);
	th_sql(&db, sql);
	return th_num(&db, "SELECT MAX(id) FROM engagements");
}

/* strcasestr, which is not POSIX: the first s in text, any ASCII case. */
static const char *
contains_ci(const char *text, const char *s)
{
	size_t	 n = strlen(s);

	for (; *text != '\0'; text++)
		if (strncasecmp(text, s, n) == 0)
			return text;
	return NULL;
}

/* The page and the JSON of x, one after the other, in the arena. */
static const char *
rendered(const struct sar_export *x)
{
	struct buf	 b;
	struct html	 h;
	struct session	 s;
	const char	*out;

	memset(&s, 0, sizeof(s));
	s.username = "admin";
	s.display_name = "Admin";
	s.role = ROLE_ADMIN;
	buf_init(&b);
	html_init(&h, &b);
	ui_sar_page(&h, &s, x);
	ck_assert_int_eq(html_finish(&h), 0);
	ck_assert_int_eq(ui_sar_json(&b, x), 0);
	out = arena_strndup(&a, b.data, b.len);
	buf_free(&b);
	return out;
}

/* The JSON alone, parsed; the caller frees it. */
static json_t *
parsed(const struct sar_export *x)
{
	struct buf	 b;
	json_t		*o;
	json_error_t	 err;

	buf_init(&b);
	ck_assert_int_eq(ui_sar_json(&b, x), 0);
	o = json_loadb(b.data, b.len, 0, &err);
	ck_assert_msg(o != NULL, "the JSON parses: %s", err.text);
	buf_free(&b);
	return o;
}

START_TEST(test_redact_whole_words)
{
	const char *const names[] = { "Ann Lee", "Ann Lee-Smith" };
	const char	*in = "Ann Lee-Smith met ann lee; Joanne Leeds and "
	    "Ann Leeward stay.";
	const char	*out;

	const struct sar_names *ix = sar_names_index(&a, names, 2);

	out = sar_redact(&a, in, ix);
	ck_assert_str_eq(out, SAR_REDACTED " met " SAR_REDACTED "; Joanne "
	    "Leeds and Ann Leeward stay.");
	ck_assert_ptr_null(sar_redact(&a, NULL, ix));
	/* A name inside a longer UTF-8 word is not a match. */
	out = sar_redact(&a, "Zo\xc3\xab Ann Lee\xc3\xa9 and Ann Lee.", ix);
	ck_assert_str_eq(out, "Zo\xc3\xab Ann Lee\xc3\xa9 and " SAR_REDACTED ".");
}
END_TEST

/* Names sharing a first word, and one that starts with punctuation. */
START_TEST(test_redact_index)
{
	const char *const names[] = { "Ann", "Zed Ann", "Ann Lee", "(Bo) Li",
	    "Ann Lee-Smith", "Annie May" };
	const struct sar_names	*ix = sar_names_index(&a, names, 6);

	ck_assert_str_eq(sar_redact(&a, "ANN met Zed Ann, Ann Lee-Smith and "
	    "(Bo) Li; Annie stays, Annie May goes; xAnn stays.", ix),
	    SAR_REDACTED " met " SAR_REDACTED ", " SAR_REDACTED " and "
	    SAR_REDACTED "; Annie stays, " SAR_REDACTED " goes; xAnn stays.");
}
END_TEST

START_TEST(test_unchanged_text_is_not_copied)
{
	const char *const names[] = { "Ann Lee" };
	const char	*in = "nobody named";

	ck_assert_ptr_eq(sar_redact(&a, in, sar_names_index(&a, names, 1)), in);
}
END_TEST

/*
 * Two people at one engagement: the other's name (and a third person's
 * named in the text) never appears in the export, page or JSON.
 */
START_TEST(test_other_people_redacted)
{
	struct sar_export	 x;
	long long		 subject, other;
	const char		*out;

	subject = add_person(SUBJECT_NAME, "mp", "Introduced by " THIRD_NAME);
	other = add_person(OTHER_NAME, "journalist", "Knows " SUBJECT_NAME);
	add_person(THIRD_NAME, "faith_leader", "");
	add_shared_engagement(subject, other);
	ck_assert_int_eq(sar_gather(&db, &a, subject, &x), DB_OK);
	ck_assert_int_eq(x.erased, 0);
	ck_assert_uint_eq(x.nengagements, 1);
	ck_assert_int_eq(x.engagements[0].others, 1);
	ck_assert_int_eq(x.engagements[0].staff, 1);
	ck_assert_str_eq(x.engagements[0].title, "Briefing with " SAR_REDACTED);
	ck_assert_str_eq(x.engagements[0].outcome, SAR_REDACTED " to write to "
	    SUBJECT_NAME ".");
	ck_assert_uint_eq(x.nfollow_ups, 1);
	ck_assert_str_eq(x.follow_ups[0].action, "Send " SAR_REDACTED
	    " the paper");
	out = rendered(&x);
	ck_assert_ptr_nonnull(strstr(out, SUBJECT_NAME));
	ck_assert_ptr_null(contains_ci(out, "Okafor"));
	ck_assert_ptr_null(contains_ci(out, "Daniel"));
	ck_assert_ptr_null(contains_ci(out, THIRD_NAME));
	ck_assert_ptr_null(strstr(out, "Sam Staff"));
	ck_assert_ptr_null(strstr(out, "staffer"));
	ck_assert_ptr_nonnull(strstr(out, "Introduced by " SAR_REDACTED));
	/* The other's own export names them and redacts the subject. */
	ck_assert_int_eq(sar_gather(&db, &a, other, &x), DB_OK);
	out = rendered(&x);
	ck_assert_ptr_nonnull(strstr(out, OTHER_NAME));
	ck_assert_ptr_null(strstr(out, SUBJECT_NAME));
}
END_TEST

/* A name inside the subject's own is not redacted from it; nor a namesake. */
START_TEST(test_own_name_kept)
{
	struct sar_export	 x;
	long long		 subject, other;

	subject = add_person("John Smithson", "mp", "");
	other = add_person("John Smith", "mp", "");
	add_person("John Smithson", "journalist", "");
	th_sql(&db, "INSERT INTO engagements (type, occurred_on, title, "
	    "summary, outcome, created_at, updated_at) VALUES ('meeting', "
	    "'2025-01-02', 'John Smithson met John Smith', '', '', "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())");
	th_sql(&db, arena_printf(&a, "INSERT INTO engagement_people "
	    "(engagement_id, person_id) SELECT MAX(id), %lld FROM engagements; "
	    "INSERT INTO engagement_people (engagement_id, person_id) "
	    "SELECT MAX(id), %lld FROM engagements", subject, other));
	ck_assert_int_eq(sar_gather(&db, &a, subject, &x), DB_OK);
	ck_assert_str_eq(x.engagements[0].title, "John Smithson met "
	    SAR_REDACTED);
	ck_assert_str_eq(x.full_name, "John Smithson");
}
END_TEST

/* Profile columns in schema order, terms, and a merged record's rows. */
START_TEST(test_profile_history_merges)
{
	struct sar_export	 x;
	long long		 subject, dup, merge_id;
	size_t			 i;
	int			 saw_name = 0, saw_label = 0;

	subject = add_person(SUBJECT_NAME, "mp", "");
	dup = add_person("M. Cohen", "mp", "Old record");
	ck_assert_int_eq(person_merge(&db, "tester", subject, dup, &merge_id),
	    DB_OK);
	ck_assert_int_eq(sar_gather(&db, &a, subject, &x), DB_OK);
	ck_assert_str_eq(x.profile[0].name, "id");
	for (i = 0; i < x.nprofile; i++) {
		if (strcmp(x.profile[i].name, "full_name") == 0)
			saw_name = strcmp(x.profile[i].value, SUBJECT_NAME) == 0;
		if (strcmp(x.profile[i].name, "category_label") == 0)
			saw_label = strcmp(x.profile[i].value, "MP") == 0;
	}
	ck_assert(saw_name && saw_label);
	ck_assert_uint_eq(x.nprofile, (size_t)th_num(&db, "SELECT COUNT(*) "
	    "FROM information_schema.columns WHERE table_schema = DATABASE() "
	    "AND table_name = 'people'") + 2);
	ck_assert_uint_ge(x.nterms, 1);
	ck_assert_uint_eq(x.nmerges, 1);
	ck_assert_str_eq(x.merges[0].merged_name, "M. Cohen");
	/* Both records' audit rows: create, create, merge... */
	for (i = 0; i < x.naudit && x.audit[i].entity_id != dup; i++)
		;
	ck_assert_msg(i < x.naudit, "the merged record's audit rows are in");
	ck_assert_uint_eq(x.nredacted_names, 0);
}
END_TEST

/* Mentions through a watch term; APPG roles, actions and benefits. */
START_TEST(test_mentions_and_appg)
{
	struct sar_export	 x;
	long long		 subject, other;
	json_t			*o;

	subject = add_person(SUBJECT_NAME, "mp", "");
	other = add_person(OTHER_NAME, "mp", "");
	th_sql(&db, arena_printf(&a,
	    "INSERT INTO feeds (url, title, created_at, updated_at) VALUES "
	    "('https://news.example/feed', 'Example News', UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP()); "
	    "INSERT INTO feed_items (feed_id, item_key, story_key, link, title, "
	    "summary, published_at, fetched_at) SELECT MAX(id), REPEAT('a', 64), "
	    "REPEAT('b', 64), 'https://news.example/1', 'MP backs refugees', "
	    "'Maya Cohen spoke.', '2025-02-01 10:00:00', UTC_TIMESTAMP() "
	    "FROM feeds; "
	    "INSERT INTO watch_terms (term, kind, person_id, created_at) VALUES "
	    "('Maya Cohen', 'person', %lld, UTC_TIMESTAMP()); "
	    "INSERT INTO mentions (item_id, created_at, updated_at) "
	    "SELECT MAX(id), UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM feed_items; "
	    "INSERT INTO mention_hits (mention_id, term_id, field, start, length) "
	    "SELECT MAX(m.id), MAX(t.id), 'summary', 0, 10 FROM mentions m, "
	    "watch_terms t", subject));
	th_sql(&db, arena_printf(&a,
	    "INSERT INTO appg_groups (title, purpose, year_end_month, "
	    "year_end_day, created_at, updated_at) VALUES ('APPG on Refugees', "
	    "'', 3, 31, UTC_TIMESTAMP(), UTC_TIMESTAMP()); "
	    "INSERT INTO appg_officers (group_id, person_id, post, started_on, "
	    "created_at, updated_at) SELECT MAX(id), %lld, 'chair', "
	    "'2024-09-01', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM appg_groups; "
	    "INSERT INTO appg_members (group_id, person_id, joined_on, "
	    "created_at, updated_at) SELECT MAX(id), %lld, '2024-09-01', "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM appg_groups; "
	    "INSERT INTO appg_meetings (group_id, kind, held_on, created_at, "
	    "updated_at) SELECT MAX(id), 'agm', '2024-10-01', UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP() FROM appg_groups; "
	    "INSERT INTO appg_attendance (meeting_id, position, person_id, "
	    "status) SELECT MAX(id), 1, %lld, 'present' FROM appg_meetings; "
	    "INSERT INTO appg_actions (meeting_id, position, action, owner) "
	    "SELECT MAX(id), 1, 'Write to the Minister', 'Maya Cohen' "
	    "FROM appg_meetings; "
	    "INSERT INTO appg_actions (meeting_id, position, action, owner) "
	    "SELECT MAX(id), 2, 'Book a room', 'Daniel Okafor' "
	    "FROM appg_meetings; "
	    "INSERT INTO appg_actions (meeting_id, position, action, owner) "
	    "SELECT MAX(id), 3, 'Thank Maya Cohenson', '' FROM appg_meetings; "
	    "INSERT INTO appg_benefits (group_id, source, kind, description, "
	    "value_pounds, received_on, created_at, updated_at) SELECT MAX(id), "
	    "'Maya Cohen and Daniel Okafor', 'in_kind', 'Lunch', 1600, "
	    "'2024-11-01', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM appg_groups",
	    subject, subject, other));
	ck_assert_int_eq(sar_gather(&db, &a, subject, &x), DB_OK);
	ck_assert_uint_eq(x.nmentions, 1);
	ck_assert_str_eq(x.mentions[0].terms, "Maya Cohen");
	ck_assert_str_eq(x.mentions[0].source, "Example News");
	ck_assert_uint_eq(x.nappg_roles, 2);	/* officer, member; not the other's attendance */
	ck_assert_uint_eq(x.nappg_texts, 2);	/* her action and the benefit */
	ck_assert_str_eq(x.appg_texts[1].kind, "action");
	ck_assert_str_eq(x.appg_texts[0].detail, "source: Maya Cohen and "
	    SAR_REDACTED "; in kind; 1600 pounds");
	o = parsed(&x);
	ck_assert_uint_eq(json_array_size(json_object_get(json_object_get(o,
	    "appg"), "roles")), 2);
	ck_assert_uint_eq(json_array_size(json_object_get(o, "mentions")), 1);
	json_decref(o);
}
END_TEST

/*
 * An engagement saved through the domain (so with its audit row): the
 * row is theirs to see, with the other person and the staff counted and
 * no other person's id or name left in it.
 */
START_TEST(test_engagement_audit_rows)
{
	struct sar_export	 x;
	struct engagement	 en;
	struct eng_person	 people[2];
	struct eng_ref		 staff;
	long long		 subject, other, user;
	size_t			 i;
	const struct sar_audit	*row = NULL;

	subject = add_person(SUBJECT_NAME, "mp", "");
	other = add_person(OTHER_NAME, "journalist", "");
	th_sql(&db, "INSERT INTO users (username, display_name, role, "
	    "password_hash, created_at) VALUES ('staffer', 'Sam Staff', "
	    "'editor', 'x', UTC_TIMESTAMP())");
	user = th_num(&db, "SELECT MAX(id) FROM users");
	memset(&en, 0, sizeof(en));
	memset(people, 0, sizeof(people));
	memset(&staff, 0, sizeof(staff));
	en.type = "meeting";
	en.date = "2025-04-01";
	en.time = "";
	en.title = "Call with " OTHER_NAME;
	en.summary = "";
	en.outcome = "";
	en.media_medium = "";
	en.media_programme = "";
	en.media_link = "";
	people[0].id = other;
	people[1].id = subject;
	en.people = people;
	en.npeople = 2;
	staff.id = user;
	en.staff = &staff;
	en.nstaff = 1;
	ck_assert_msg(engagement_save(&db, "staffer", user, &en) == DB_OK, "%s",
	    db.error);
	ck_assert_int_eq(sar_gather(&db, &a, subject, &x), DB_OK);
	for (i = 0; i < x.naudit; i++)
		if (strcmp(x.audit[i].entity, "engagement") == 0)
			row = &x.audit[i];
	ck_assert_ptr_nonnull(row);
	ck_assert_int_eq(row->entity_id, en.id);
	ck_assert_ptr_null(row->before);
	ck_assert_ptr_nonnull(strstr(row->after,
	    "\"people\":\"them and 1 other person\""));
	ck_assert_ptr_nonnull(strstr(row->after, "\"staff\":\"1 staff\""));
	ck_assert_ptr_nonnull(strstr(row->after, "Call with " SAR_REDACTED));
	ck_assert_ptr_null(contains_ci(rendered(&x), "Okafor"));
}
END_TEST

/* Each export writes one audit row, which the next export shows. */
START_TEST(test_export_is_audited)
{
	struct sar_export	 x;
	long long		 subject;
	size_t			 before;
	json_t			*o, *row;

	subject = add_person(SUBJECT_NAME, "mp", "");
	ck_assert_int_eq(sar_export(&db, &a, "dpo", subject, "html", &x), DB_OK);
	before = x.naudit;
	ck_assert_str_eq(x.generated_by, "dpo");
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM audit_log WHERE "
	    "entity = 'person' AND action = 'export' AND actor = 'dpo'"), 1);
	ck_assert_int_eq(sar_export(&db, &a, "dpo", subject, "json", &x), DB_OK);
	ck_assert_uint_eq(x.naudit, before + 1);
	ck_assert_str_eq(x.audit[0].action, "export");
	ck_assert_str_eq(x.audit[0].after, "{\"format\":\"html\"}");
	o = parsed(&x);
	row = json_array_get(json_object_get(o, "audit"), 0);
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(row,
	    "after"), "format")), "html");
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(o,
	    "profile"), "full_name")), SUBJECT_NAME);
	json_decref(o);
}
END_TEST

START_TEST(test_missing_person)
{
	struct sar_export	 x;

	ck_assert_int_eq(sar_gather(&db, &a, 987654, &x), DB_NOTFOUND);
	ck_assert_int_eq(sar_export(&db, &a, "dpo", 987654, "html", &x),
	    DB_NOTFOUND);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM audit_log WHERE "
	    "action = 'export'"), 0);
}
END_TEST

/* A person erased (lib/privacy_erase.c) is refused: no audit row. */
START_TEST(test_erased_refused)
{
	struct sar_export	 x;
	long long		 subject;

	subject = add_person(SUBJECT_NAME, "mp", "");
	ck_assert_int_eq(sar_gather(&db, &a, subject, &x), DB_OK);
	ck_assert_int_eq(x.erased, 0);
	ck_assert_int_eq(privacy_erase_person(&db, subject, "dpo", "request"),
	    DB_OK);
	ck_assert_int_eq(sar_export(&db, &a, "dpo", subject, "json", &x), DB_OK);
	ck_assert_int_eq(x.erased, 1);
	ck_assert_uint_eq(x.nprofile, 0);
	ck_assert_uint_eq(x.naudit, 0);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM audit_log WHERE "
	    "action = 'export'"), 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("privacy_sar");
	TCase	*tc = tcase_create("export");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_redact_whole_words);
	tcase_add_test(tc, test_redact_index);
	tcase_add_test(tc, test_unchanged_text_is_not_copied);
	tcase_add_test(tc, test_other_people_redacted);
	tcase_add_test(tc, test_own_name_kept);
	tcase_add_test(tc, test_profile_history_merges);
	tcase_add_test(tc, test_mentions_and_appg);
	tcase_add_test(tc, test_engagement_audit_rows);
	tcase_add_test(tc, test_export_is_audited);
	tcase_add_test(tc, test_missing_person);
	tcase_add_test(tc, test_erased_refused);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
