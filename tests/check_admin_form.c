/*
 * lib/admin_form.c and lib/import_form.c without HTTP or a database:
 * each admin form's first values, reading a refused form keeps what was
 * typed (the two passwords, an admin's own role, category codes), the
 * records a valid form describes, and the members form and document.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "admin_form.h"
#include "arena.h"
#include "form.h"
#include "import.h"
#include "import_form.h"
#include "request.h"
#include "testhelp.h"
#include "users.h"

static struct arena	 a;

static void
setup(void)
{
	arena_init(&a);
}

static void
teardown(void)
{
	arena_free(&a);
}

START_TEST(test_first_values)
{
	struct form	 f;

	ck_assert_int_eq(admin_form_init(&a, AF_NEW_USER, &f), 0);
	ck_assert_uint_eq(f.nfields, 5);
	ck_assert_str_eq(f.values[NEW_ROLE].value, "viewer");
	ck_assert_str_eq(f.values[NEW_USERNAME].value, "");
	ck_assert_int_eq(admin_form_init(&a, AF_ADD_AREA, &f), 0);
	ck_assert_uint_eq(f.nfields, 2);
	ck_assert_str_eq(f.values[PA_PRIORITY].value, "no");
	ck_assert_int_eq(admin_form_init(&a, AF_EDIT_AREA, &f), 0);
	ck_assert_uint_eq(f.nfields, 3);
	ck_assert_str_eq(f.values[PA_PRIORITY].value, "");
	ck_assert_int_eq(admin_form_init(&a, AF_ADD_CATEGORY, &f), 0);
	ck_assert_str_eq(f.values[CAT_DECISION].value, "no");
	ck_assert_int_eq(admin_form_init(&a, AF_UPDATE_CATEGORY, &f), 0);
	ck_assert_int_eq(f.fields[CAT_CODE].type, FIELD_HIDDEN);
}
END_TEST

/* A mismatch is said beside the repeat; everything else typed stays. */
START_TEST(test_new_user_passwords)
{
	struct params	 in = th_params(&a, "username=maya.c&display_name="
	    "Maya+Cohen&role=editor&password=long+enough+1&password2=other+one");
	struct form	 f;

	ck_assert_int_eq(admin_form_read(&a, AF_NEW_USER, &in, &f), 1);
	ck_assert_str_eq(f.values[NEW_REPEAT].error,
	    "The two passwords do not match.");
	ck_assert_str_eq(f.values[NEW_USERNAME].value, "maya.c");
	ck_assert_str_eq(f.values[NEW_NAME].value, "Maya Cohen");
	ck_assert_str_eq(f.values[NEW_ROLE].value, "editor");
	/* A refused password is not compared as well. */
	in = th_params(&a, "username=maya.c&display_name=M&role=editor"
	    "&password=short&password2=other");
	ck_assert_int_eq(admin_form_read(&a, AF_NEW_USER, &in, &f), 1);
	ck_assert_ptr_nonnull(f.values[NEW_PASSWORD].error);
	ck_assert_ptr_null(f.values[NEW_REPEAT].error);
	in = th_params(&a, "password=long+enough+1&password2=long+enough+1");
	ck_assert_int_eq(admin_form_read(&a, AF_PASSWORD, &in, &f), 0);
	in = th_params(&a, "password=long+enough+1&password2=long+enough+2");
	ck_assert_int_eq(admin_form_read(&a, AF_PASSWORD, &in, &f), 1);
	ck_assert_ptr_nonnull(f.values[PW_REPEAT].error);
	/* Other forms have no second password to compare. */
	in = th_params(&a, "display_name=M&role=admin");
	ck_assert_int_eq(admin_form_read(&a, AF_EDIT_USER, &in, &f), 0);
}
END_TEST

/* Admins cannot take away their own admin role; others' they can. */
START_TEST(test_own_role)
{
	struct user	 u;
	struct params	 in = th_params(&a, "display_name=Demo&role=editor");
	struct form	 f;

	memset(&u, 0, sizeof(u));
	u.id = 7;
	ck_assert_int_eq(admin_form_read(&a, AF_EDIT_USER, &in, &f), 0);
	admin_form_check_own_role(&f, &u, 8);
	ck_assert_uint_eq(f.nerrors, 0);
	admin_form_check_own_role(&f, &u, 7);
	ck_assert_uint_eq(f.nerrors, 1);
	ck_assert_ptr_nonnull(strstr(f.values[EDIT_ROLE].error,
	    "your own admin role"));
	ck_assert_str_eq(f.values[EDIT_ROLE].value, "editor");
	in = th_params(&a, "display_name=Demo&role=admin");
	ck_assert_int_eq(admin_form_read(&a, AF_EDIT_USER, &in, &f), 0);
	admin_form_check_own_role(&f, &u, 7);
	ck_assert_uint_eq(f.nerrors, 0);
}
END_TEST

START_TEST(test_area)
{
	struct params		 in = th_params(&a, "name=Asylum&priority=yes"
	    "&retired=yes");
	struct policy_area	 pa;
	struct form		 f;

	ck_assert_int_eq(admin_form_read(&a, AF_ADD_AREA, &in, &f), 0);
	admin_form_area(&f, 0, &pa);
	ck_assert_int_eq(pa.id, 0);
	ck_assert_str_eq(pa.name, "Asylum");
	ck_assert_int_eq(pa.priority, 1);
	ck_assert_int_eq(pa.retired, 0);
	ck_assert_int_eq(admin_form_read(&a, AF_EDIT_AREA, &in, &f), 0);
	admin_form_area(&f, 4, &pa);
	ck_assert_int_eq(pa.id, 4);
	ck_assert_int_eq(pa.retired, 1);
	in = th_params(&a, "name=&priority=maybe&retired=no");
	ck_assert_int_eq(admin_form_read(&a, AF_EDIT_AREA, &in, &f), 2);
	ck_assert_str_eq(f.values[PA_PRIORITY].value, "maybe");
}
END_TEST

START_TEST(test_category)
{
	static const struct category cats[] = {
		{ "mp", "MP", 1 }, { "journalist", "Journalist", 0 },
	};
	struct params	 in = th_params(&a, "code=Bad+Code&label=&"
	    "decision_maker=yes");
	struct category	 cat;
	struct form	 f;

	ck_assert_int_eq(admin_form_read(&a, AF_ADD_CATEGORY, &in, &f), 2);
	ck_assert_str_eq(f.values[CAT_CODE].error,
	    "Use only lower-case letters a-z, digits and '_'.");
	ck_assert_str_eq(f.values[CAT_CODE].value, "Bad Code");
	in = th_params(&a, "code=faith_leader&label=Faith+leader"
	    "&decision_maker=yes");
	ck_assert_int_eq(admin_form_read(&a, AF_UPDATE_CATEGORY, &in, &f), 0);
	admin_form_category(&f, &cat);
	ck_assert_str_eq(cat.code, "faith_leader");
	ck_assert_str_eq(cat.label, "Faith leader");
	ck_assert_int_eq(cat.decision_maker, 1);
	ck_assert_ptr_eq(admin_form_find_category(cats, 2, "journalist"),
	    &cats[1]);
	ck_assert_ptr_null(admin_form_find_category(cats, 2, "faith_leader"));
}
END_TEST

/* What to import, and whose councillors, before anything is read. */
START_TEST(test_members_read)
{
	struct admin_members_view	 v;
	struct params			 in = th_params(&a, "url=https://x.test/");
	long long			 council;

	memset(&v, 0, sizeof(v));
	ck_assert_str_eq(import_form_members_read(&in, &v, &council),
	    "Choose what to import.");
	ck_assert_str_eq(v.kind, "");
	ck_assert_str_eq(v.url, "https://x.test/");
	in = th_params(&a, "kind=moderngov&council=abc");
	ck_assert_str_eq(import_form_members_read(&in, &v, &council),
	    "Choose the council whose councillors these are.");
	ck_assert_str_eq(v.council, "abc");
	ck_assert_str_eq(v.url, "");
	in = th_params(&a, "kind=moderngov&council=12");
	ck_assert_ptr_null(import_form_members_read(&in, &v, &council));
	ck_assert_int_eq(council, 12);
	in = th_params(&a, "kind=parliament");
	ck_assert_ptr_null(import_form_members_read(&in, &v, &council));
	ck_assert_int_eq(council, 0);
}
END_TEST

/* The file when it has bytes, else the address; neither is refused. */
START_TEST(test_members_document)
{
	struct upload	 up = { "file", "members.xml", "application/xml",
	    "<Members/>", 10 };
	const char	*data = NULL;
	char		*fetched, msg[256];
	size_t		 len = 0;

	ck_assert_int_eq(import_form_members_document(&up, "https://x.test/",
	    0, &data, &len, &fetched, msg, sizeof(msg)), IMPORT_OK);
	ck_assert_ptr_eq(data, up.data);
	ck_assert_uint_eq(len, 10);
	ck_assert_ptr_null(fetched);
	up.len = 0;
	ck_assert_int_eq(import_form_members_document(&up, "", 0, &data,
	    &len, &fetched, msg, sizeof(msg)), IMPORT_EMPTY);
	ck_assert_str_eq(msg, "the file you chose (members.xml) is empty.");
	ck_assert_int_eq(import_form_members_document(NULL, "", 0, &data,
	    &len, &fetched, msg, sizeof(msg)), IMPORT_FETCH);
	ck_assert_str_eq(msg, "Choose a members file, or give its web "
	    "address.");
	/* Never a local path: that is for tracker-admin only. */
	ck_assert_int_eq(import_form_members_document(NULL, "/etc/passwd", 0,
	    &data, &len, &fetched, msg, sizeof(msg)), IMPORT_FETCH);
	ck_assert_str_eq(msg, "the web address must start with https://");
	ck_assert_ptr_null(fetched);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("admin_form");
	TCase	*tc = tcase_create("admin_form");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_first_values);
	tcase_add_test(tc, test_new_user_passwords);
	tcase_add_test(tc, test_own_role);
	tcase_add_test(tc, test_area);
	tcase_add_test(tc, test_category);
	tcase_add_test(tc, test_members_read);
	tcase_add_test(tc, test_members_document);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
