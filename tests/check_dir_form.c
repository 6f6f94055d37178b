/*
 * lib/dir_form.c and lib/dir_pages.c against a real MariaDB, without
 * HTTP: the person and organisation forms (options from the database,
 * a rejected form keeps what was typed, the rule across kind and medium,
 * filling from a record and reading back, the 409 rows), the lists'
 * filters and pages read from a query string.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "db.h"
#include "dir_form.h"
#include "dir_pages.h"
#include "directory.h"
#include "request.h"
#include "testhelp.h"
#include "ui.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;

static void
setup(void)
{
	th_db_open(&db, &conf);
	th_sql(&db, "DELETE FROM person_merges; DELETE FROM person_terms; "
	    "DELETE FROM people; UPDATE organisations SET parent_id = NULL; "
	    "DELETE FROM organisations");
	th_reset(&db);
	arena_init(&a);
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

/* An organisation saved the way its form saves one ("name=X&kind=ngo"). */
static long long
add_org(const char *body)
{
	const struct form_field	*fields;
	struct params		 in = th_params(&a, body);
	struct organisation	 o;
	struct form		 f;

	ck_assert_int_eq(dir_org_fields(&db, &a, NULL, &fields), DB_OK);
	ck_assert_int_eq(dir_org_read(&a, fields, &in, &f), 0);
	dir_org_take(&f, 0, &o);
	ck_assert_msg(org_save(&db, "tester", &o) == DB_OK, "%s", db.error);
	return o.id;
}

/* A person saved the way their form saves one. */
static void
add_person(const char *name)
{
	const struct form_field	*fields;
	struct person		 p;
	struct form		 f;
	char			 body[128];
	struct params		 in;

	snprintf(body, sizeof(body), "name=%s&category=other&current=yes"
	    "&lawful_basis=legitimate_interests", name);
	in = th_params(&a, body);
	ck_assert_int_eq(dir_person_fields(&db, &a, NULL, &fields), DB_OK);
	ck_assert_int_eq(form_read(&f, &a, fields, PF__MAX, &in), 0);
	dir_person_take(&f, 0, &p);
	ck_assert_ptr_null(p.press_watch);
	ck_assert_msg(person_save(&db, "tester", &p) == DB_OK, "%s", db.error);
}

/* The label of the option whose value is value, or NULL. */
static const char *
option_label(const struct form_field *f, const char *value)
{
	const struct field_option	*o;

	for (o = f->options; o != NULL && o->value != NULL; o++)
		if (strcmp(o->value, value) == 0)
			return o->label;
	return NULL;
}

START_TEST(test_id)
{
	ck_assert_int_eq(dir_id("7"), 7);
	ck_assert_int_eq(dir_id("1234567"), 1234567);
	ck_assert_int_eq(dir_id(NULL), 0);
	ck_assert_int_eq(dir_id(""), 0);
	ck_assert_int_eq(dir_id("0"), 0);
	ck_assert_int_eq(dir_id("07"), 0);
	ck_assert_int_eq(dir_id("-7"), 0);
	ck_assert_int_eq(dir_id("+7"), 0);
	ck_assert_int_eq(dir_id("7x"), 0);
	ck_assert_int_eq(dir_id(" 7"), 0);
}
END_TEST

/* A rejected person form keeps every value typed, messages beside two. */
START_TEST(test_person_read_keeps_what_was_typed)
{
	const struct form_field	*fields;
	struct params		 in = th_params(&a, "name=&category=mp&party=Green"
	    "&email=not-an-email&notes=typed+here&current=yes&house=lords"
	    "&lawful_basis=consent&version=0");
	struct form		 f;

	ck_assert_int_eq(dir_person_fields(&db, &a, NULL, &fields), DB_OK);
	ck_assert_int_eq(form_read(&f, &a, fields, PF__MAX, &in), 2);
	ck_assert_ptr_nonnull(f.values[PF_NAME].error);
	ck_assert_ptr_nonnull(f.values[PF_EMAIL].error);
	ck_assert_str_eq(f.values[PF_EMAIL].value, "not-an-email");
	ck_assert_str_eq(f.values[PF_PARTY].value, "Green");
	ck_assert_str_eq(f.values[PF_NOTES].value, "typed here");
	ck_assert_str_eq(f.values[PF_HOUSE].value, "lords");
	ck_assert_str_eq(f.values[PF_CATEGORY].value, "mp");
	ck_assert_ptr_null(f.values[PF_CATEGORY].error);
}
END_TEST

/* Categories and organisations are offered; an unknown one is refused. */
START_TEST(test_person_fields_options)
{
	const struct form_field	*fields;
	struct params		 in;
	struct form		 f;
	long long		 council;
	char			 body[128];

	council = add_org("name=Leeds+City+Council&kind=council");
	ck_assert_int_eq(dir_person_fields(&db, &a, NULL, &fields), DB_OK);
	ck_assert_str_eq(option_label(&fields[PF_CATEGORY], ""),
	    "Choose a category");
	ck_assert_str_eq(option_label(&fields[PF_CATEGORY], "mp"), "MP");
	ck_assert_str_eq(option_label(&fields[PF_ORGANISATION], ""), "None");
	snprintf(body, sizeof(body), "%lld", council);
	ck_assert_str_eq(option_label(&fields[PF_ORGANISATION], body),
	    "Leeds City Council (Council)");
	snprintf(body, sizeof(body), "name=X&category=nope&current=yes"
	    "&lawful_basis=contract&organisation=%lld", council + 1000);
	in = th_params(&a, body);
	ck_assert_int_eq(form_read(&f, &a, fields, PF__MAX, &in), 2);
	ck_assert_ptr_nonnull(f.values[PF_CATEGORY].error);
	ck_assert_ptr_nonnull(f.values[PF_ORGANISATION].error);
}
END_TEST

/* Editing keeps a since-deleted organisation choosable, marked so. */
START_TEST(test_person_fields_keep_deleted_org)
{
	const struct form_field	*fields;
	struct person		 saved;
	long long		 desk = add_org("name=Syria+desk&kind=fcdo_desk");
	char			 id[24];

	ck_assert_int_eq(org_delete(&db, "tester", desk), DB_OK);
	memset(&saved, 0, sizeof(saved));
	saved.organisation_id = desk;
	saved.organisation_name = "Syria desk";
	ck_assert_int_eq(dir_person_fields(&db, &a, &saved, &fields), DB_OK);
	snprintf(id, sizeof(id), "%lld", desk);
	ck_assert_str_eq(option_label(&fields[PF_ORGANISATION], id),
	    "Syria desk (deleted)");
	ck_assert_int_eq(dir_person_fields(&db, &a, NULL, &fields), DB_OK);
	ck_assert_ptr_null(option_label(&fields[PF_ORGANISATION], id));
}
END_TEST

/* Filled from a record and read back, a person is the same person. */
START_TEST(test_person_fill_and_take)
{
	const struct form_field	*fields;
	struct person		 p, back;
	struct form		 f;

	memset(&p, 0, sizeof(p));
	p.id = 42;
	p.full_name = "Sarah Jones";
	p.category = "mp";
	p.party = "Labour";
	p.house = "commons";
	p.is_current = 0;
	p.version = 3;
	ck_assert_int_eq(dir_person_fields(&db, &a, NULL, &fields), DB_OK);
	ck_assert_int_eq(dir_person_fill(&a, fields, &p, &f), 0);
	ck_assert_str_eq(f.values[PF_ORGANISATION].value, "");
	ck_assert_str_eq(f.values[PF_ROLE].value, "");
	ck_assert_str_eq(f.values[PF_CURRENT].value, "no");
	ck_assert_str_eq(f.values[PF_PRESS].value, "auto");
	ck_assert_str_eq(f.values[PF_VERSION].value, "3");
	dir_person_take(&f, 42, &back);
	ck_assert_int_eq(back.id, 42);
	ck_assert_str_eq(back.full_name, "Sarah Jones");
	ck_assert_str_eq(back.house, "commons");
	ck_assert_int_eq(back.organisation_id, 0);
	ck_assert_int_eq(back.is_current, 0);
	ck_assert_str_eq(back.press_watch, "auto");
	ck_assert_int_eq(back.version, 3);
	/* A form from before "Watch in the press": keep what is stored. */
	f.values[PF_PRESS].value = "";
	dir_person_take(&f, 42, &back);
	ck_assert_ptr_null(back.press_watch);
}
END_TEST

/* The basis fields go to the form and back as they were saved. */
START_TEST(test_person_basis_fill_and_take)
{
	const struct form_field	*fields;
	struct person		 p, back;
	struct form		 f;

	memset(&p, 0, sizeof(p));
	p.full_name = "Cal Consent";
	p.category = "other";
	p.lawful_basis = "consent";
	p.basis_date = "2025-06-01";
	p.basis_note = "Briefings by email";
	p.data_source = "Sign-up sheet";
	p.version = 1;
	ck_assert_int_eq(dir_person_fields(&db, &a, &p, &fields), DB_OK);
	ck_assert_int_eq(dir_person_fill(&a, fields, &p, &f), 0);
	ck_assert_str_eq(f.values[PF_BASIS].value, "consent");
	ck_assert_str_eq(f.values[PF_BASIS_DATE].value, "2025-06-01");
	dir_person_take(&f, 7, &back);
	ck_assert_str_eq(back.lawful_basis, "consent");
	ck_assert_str_eq(back.basis_date, "2025-06-01");
	ck_assert_str_eq(back.basis_note, "Briefings by email");
	ck_assert_str_eq(back.data_source, "Sign-up sheet");
}
END_TEST

/*
 * The basis is required of a new person and of one who has a basis, and
 * optional ("Not recorded yet") for one who has none; its rules give a
 * message beside the field that broke them.
 */
START_TEST(test_person_read_basis_rules)
{
	static const struct {
		const char	*body;
		int		 has_basis;	/* the saved person's */
		enum person_field bad[3];	/* PF__MAX ends */
	} cases[] = {
		{ "", 0, { PF_BASIS, PF__MAX } },
		{ "", 1, { PF_BASIS, PF__MAX } },
		{ "&lawful_basis=consent&basis_date=2025-01-01", 0, { PF__MAX } },
		{ "&lawful_basis=consent", 0, { PF_BASIS_DATE, PF__MAX } },
		{ "&lawful_basis=consent&basis_date=2026-11-26", 0,
		    { PF_BASIS_DATE, PF__MAX } },
		{ "&lawful_basis=public_task&basis_date=2025-02-30", 0,
		    { PF_BASIS_DATE, PF__MAX } },
		{ "&lawful_basis=public_role", 0, { PF_SOURCE, PF__MAX } },
		{ "&lawful_basis=public_role&data_source=Members+API", 0,
		    { PF__MAX } },
		{ "&lawful_basis=gossip", 0, { PF_BASIS, PF__MAX } },
		{ "&basis_note=they+said+yes", 2, { PF_BASIS, PF__MAX } },
		{ "&data_source=A+list", 2, { PF__MAX } },
		{ "", 2, { PF__MAX } },
		{ "&lawful_basis=public_role&basis_date=2099-01-01", 0,
		    { PF_BASIS_DATE, PF_SOURCE, PF__MAX } },
	};
	const struct form_field	*fields;
	struct person		 saved;
	struct form		 f;
	struct params		 in;
	size_t			 i, k, want;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&saved, 0, sizeof(saved));
		saved.id = 1;
		saved.lawful_basis = cases[i].has_basis == 1 ? "contract" : "";
		ck_assert_int_eq(dir_person_fields(&db, &a, cases[i].has_basis ?
		    &saved : NULL, &fields), DB_OK);
		in = th_params(&a, arena_printf(&a, "name=N&category=other"
		    "&current=yes%s", cases[i].body));
		for (want = 0; cases[i].bad[want] != PF__MAX; want++)
			continue;
		ck_assert_msg(dir_person_read(&a, fields, &in, "2026-11-25",
		    &f) == (int)want, "case %zu", i);
		for (k = 0; k < want; k++)
			ck_assert_msg(f.values[cases[i].bad[k]].error != NULL,
			    "case %zu field %d", i, (int)cases[i].bad[k]);
	}
	ck_assert_int_eq(dir_person_fields(&db, &a, NULL, &fields), DB_OK);
	ck_assert_str_eq(option_label(&fields[PF_BASIS], ""),
	    "Choose a lawful basis");
	ck_assert_str_eq(option_label(&fields[PF_BASIS], "public_role"),
	    "Legitimate interests: public role");
	memset(&saved, 0, sizeof(saved));
	saved.lawful_basis = "";
	ck_assert_int_eq(dir_person_fields(&db, &a, &saved, &fields), DB_OK);
	ck_assert_str_eq(option_label(&fields[PF_BASIS], ""),
	    "Not recorded yet");
}
END_TEST

/* A medium for media outlets, and only for them; typed values stay. */
START_TEST(test_org_read_medium_rule)
{
	static const struct {
		const char	*body;
		int		 errors;
		const char	*medium_error;	/* a word of it, or NULL */
	} cases[] = {
		{ "name=The+Paper&kind=media_outlet&medium=", 1, "Choose" },
		{ "name=The+NGO&kind=ngo&medium=print", 1, "Only media" },
		{ "name=The+Paper&kind=media_outlet&medium=print", 0, NULL },
		{ "name=The+NGO&kind=ngo&medium=", 0, NULL },
		/* The kind is wrong: say that, not something about the medium. */
		{ "name=X&kind=bogus&medium=print", 1, NULL },
		{ "name=&kind=ngo&medium=print&website=ftp://x", 3, "Only media" },
	};
	const struct form_field	*fields;
	struct params		 in;
	struct form		 f;
	size_t			 i;

	ck_assert_int_eq(dir_org_fields(&db, &a, NULL, &fields), DB_OK);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		in = th_params(&a, cases[i].body);
		ck_assert_int_eq(dir_org_read(&a, fields, &in, &f),
		    cases[i].errors);
		if (cases[i].medium_error == NULL)
			ck_assert_ptr_null(f.values[OF_MEDIUM].error);
		else
			ck_assert_ptr_nonnull(strstr(f.values[OF_MEDIUM].error,
			    cases[i].medium_error));
		ck_assert_str_eq(f.values[OF_MEDIUM].value,
		    params_get(&in, "medium"));
	}
}
END_TEST

/* An organisation is not offered as its own parent. */
START_TEST(test_org_fields_leave_out_itself)
{
	const struct form_field	*fields;
	struct organisation	 fcdo;
	long long		 id = add_org("name=FCDO&kind=government_department");
	char			 s[24];

	ck_assert_int_eq(org_get(&db, &a, id, &fcdo), DB_OK);
	snprintf(s, sizeof(s), "%lld", id);
	ck_assert_int_eq(dir_org_fields(&db, &a, &fcdo, &fields), DB_OK);
	ck_assert_ptr_null(option_label(&fields[OF_PARENT], s));
	ck_assert_int_eq(dir_org_fields(&db, &a, NULL, &fields), DB_OK);
	ck_assert_str_eq(option_label(&fields[OF_PARENT], s),
	    "FCDO (Government department)");
	ck_assert_str_eq(option_label(&fields[OF_MEDIUM], ""), "None");
	ck_assert_str_eq(option_label(&fields[OF_KIND], ""), "Choose a kind");
}
END_TEST

/* The 409 rows show what selects show, and leave hidden fields out. */
START_TEST(test_conflict_rows)
{
	const struct form_field	*fields;
	struct organisation	 o;
	struct params		 in = th_params(&a, "name=Ours&kind=ngo&medium="
	    "&notes=mine&version=1");
	struct form		 yours, saved;
	struct conflict_row	*rows;
	size_t			 n, i;

	memset(&o, 0, sizeof(o));
	o.name = "Theirs";
	o.kind = "coalition";
	o.medium = "";
	o.notes = "theirs";
	o.version = 2;
	ck_assert_int_eq(dir_org_fields(&db, &a, NULL, &fields), DB_OK);
	ck_assert_int_eq(dir_org_read(&a, fields, &in, &yours), 0);
	ck_assert_int_eq(dir_org_fill(&a, fields, &o, &saved), 0);
	rows = dir_conflict_rows(&a, &yours, &saved, &n);
	ck_assert_ptr_nonnull(rows);
	ck_assert_uint_eq(n, OF__MAX - 1);
	for (i = 0; i < n; i++)
		ck_assert_str_ne(rows[i].label, "Version");
	ck_assert_str_eq(rows[0].label, "Name");
	ck_assert_str_eq(rows[0].yours, "Ours");
	ck_assert_str_eq(rows[0].theirs, "Theirs");
	ck_assert_str_eq(rows[1].label, "Kind");
	ck_assert_str_eq(rows[1].yours, "NGO");
	ck_assert_str_eq(rows[1].theirs, "Coalition");
	ck_assert_str_eq(rows[2].yours, "None");
}
END_TEST

/* Values not on offer read as "any", never as an error. */
START_TEST(test_filters_from_query)
{
	struct params		 q = th_params(&a, "q=Jones&house=junk&current=former"
	    "&organisation=07&council=12&deleted=1&party=Green");
	struct person_filter	 pf;
	struct org_filter	 of;

	dir_person_filter(&q, &pf);
	ck_assert_str_eq(pf.q, "Jones");
	ck_assert_str_eq(pf.house, "");
	ck_assert_int_eq(pf.current, PERSON_CURRENT_NO);
	ck_assert_int_eq(pf.organisation_id, 0);
	ck_assert_int_eq(pf.council_id, 12);
	ck_assert_int_eq(pf.deleted, 1);
	ck_assert_str_eq(pf.party, "Green");
	ck_assert_str_eq(pf.category, "");
	q = th_params(&a, "house=lords&current=current&deleted=yes");
	dir_person_filter(&q, &pf);
	ck_assert_str_eq(pf.house, "lords");
	ck_assert_int_eq(pf.current, PERSON_CURRENT_YES);
	ck_assert_int_eq(pf.deleted, 0);
	dir_org_filter(&q, &of);
	ck_assert_str_eq(of.q, "");
	ck_assert_str_eq(of.kind, "");
	ck_assert_int_eq(of.deleted, 0);
	ck_assert_uint_eq(dir_page_number(&q), 1);
	q = th_params(&a, "basis=consent");
	dir_person_filter(&q, &pf);
	ck_assert_str_eq(pf.basis, "consent");
	q = th_params(&a, "basis=none");
	dir_person_filter(&q, &pf);
	ck_assert_str_eq(pf.basis, "none");
	q = th_params(&a, "basis=gossip");
	dir_person_filter(&q, &pf);
	ck_assert_str_eq(pf.basis, "");
	q = th_params(&a, "page=3");
	ck_assert_uint_eq(dir_page_number(&q), 3);
	q = th_params(&a, "page=0");
	ck_assert_uint_eq(dir_page_number(&q), 1);
	q = th_params(&a, "page=1000000");
	ck_assert_uint_eq(dir_page_number(&q), 1);
	ck_assert_ptr_null(dir_notice(&q));
	q = th_params(&a, "merged=1");
	ck_assert_ptr_nonnull(strstr(dir_notice(&q), "undo the merge"));
}
END_TEST

/* A page past the end of the people list shows the last one. */
START_TEST(test_people_page_past_the_end)
{
	struct params		 q = th_params(&a, "q=Page&page=9");
	struct person_filter	 f;
	struct people_list_view	 v;

	add_person("Page+One");
	add_person("Page+Two");
	add_person("Page+Three");
	add_person("Someone+Else");
	memset(&v, 0, sizeof(v));
	dir_person_filter(&q, &f);
	v.page = dir_page_number(&q);
	ck_assert_int_eq(dir_people_page(&db, &a, &f, 2, &v), DB_OK);
	ck_assert_uint_eq(v.page, 2);
	ck_assert_uint_eq(v.total, 3);
	ck_assert_uint_eq(v.n, 1);
	ck_assert_ptr_eq(v.filter, &f);
	ck_assert_uint_eq(v.per_page, 2);
	ck_assert_uint_gt(v.ncategories, 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("dir_form");
	TCase	*tc = tcase_create("dir_form");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_id);
	tcase_add_test(tc, test_person_read_keeps_what_was_typed);
	tcase_add_test(tc, test_person_fields_options);
	tcase_add_test(tc, test_person_fields_keep_deleted_org);
	tcase_add_test(tc, test_person_fill_and_take);
	tcase_add_test(tc, test_person_basis_fill_and_take);
	tcase_add_test(tc, test_person_read_basis_rules);
	tcase_add_test(tc, test_org_read_medium_rule);
	tcase_add_test(tc, test_org_fields_leave_out_itself);
	tcase_add_test(tc, test_conflict_rows);
	tcase_add_test(tc, test_filters_from_query);
	tcase_add_test(tc, test_people_page_past_the_end);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
