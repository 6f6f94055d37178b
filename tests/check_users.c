/*
 * lib/users.c against a real MariaDB: accounts, their audit rows, and the
 * sessions that end when an account is disabled or its password changes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "auth.h"
#include "db.h"
#include "testhelp.h"
#include "users.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;

static void
setup(void)
{
	th_db_open(&db, &conf);
	th_reset(&db);
	arena_init(&a);
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

static size_t
audit_count(long long id, const char *action)
{
	struct db_rows	 r;
	size_t		 i, n = 0;

	ck_assert_int_eq(db_query(&db, STMT_AUDIT_FOR, DB_ARGS(DB_STR("user"),
	    DB_INT(id)), &a, &r), DB_OK);
	for (i = 0; i < r.nrows; i++)
		if (strcmp(DB_CELL(&r, i, 2), action) == 0) {
			ck_assert_str_eq(DB_CELL(&r, i, 1), "tester");
			n++;
		}
	return n;
}

START_TEST(test_add_find_list)
{
	struct user	 u, *list;
	size_t		 n;

	ck_assert_int_eq(user_add(&db, "tester", "maya", "Maya Cohen",
	    ROLE_EDITOR, "correct horse"), DB_OK);
	ck_assert_int_eq(user_add(&db, "tester", "adam", "Adam Levi",
	    ROLE_VIEWER, "battery staple"), DB_OK);
	ck_assert_int_eq(user_find(&db, &a, "maya", &u), DB_OK);
	ck_assert_str_eq(u.display_name, "Maya Cohen");
	ck_assert_int_eq(u.role, ROLE_EDITOR);
	ck_assert_int_eq(u.disabled, 0);
	ck_assert(strncmp(u.password_hash, "$argon2id$", 10) == 0);
	ck_assert(auth_verify_password(u.password_hash, "correct horse"));
	ck_assert_int_eq(user_find(&db, &a, "nobody", &u), DB_NOTFOUND);
	ck_assert_int_eq(user_list(&db, &a, &list, &n), DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(list[0].username, "adam");
	ck_assert_str_eq(list[1].username, "maya");
	ck_assert_uint_eq(audit_count(list[1].id, "create"), 1);
}
END_TEST

START_TEST(test_duplicate_name)
{
	ck_assert_int_eq(user_add(&db, "tester", "maya", "Maya", ROLE_EDITOR,
	    "password1"), DB_OK);
	ck_assert_int_eq(user_add(&db, "tester", "maya", "Other", ROLE_ADMIN,
	    "password2"), DB_DUPLICATE);
}
END_TEST

START_TEST(test_password_change_ends_sessions)
{
	char		 token[AUTH_TOKEN_HEX];
	struct session	 s;
	struct user	 u;

	ck_assert_int_eq(user_add(&db, "tester", "maya", "Maya", ROLE_EDITOR,
	    "old password"), DB_OK);
	ck_assert_int_eq(user_find(&db, &a, "maya", &u), DB_OK);
	ck_assert_int_eq(session_create(&db, &conf, &u, "127.0.0.1", token, &s),
	    DB_OK);
	ck_assert_int_eq(session_load(&db, &a, &conf, token, &s), DB_OK);
	ck_assert_int_eq(user_set_password(&db, "tester", "maya",
	    "new password"), DB_OK);
	ck_assert_int_eq(session_load(&db, &a, &conf, token, &s), DB_NOTFOUND);
	ck_assert_int_eq(user_find(&db, &a, "maya", &u), DB_OK);
	ck_assert(auth_verify_password(u.password_hash, "new password"));
	ck_assert(!auth_verify_password(u.password_hash, "old password"));
	ck_assert_uint_eq(audit_count(u.id, "password"), 1);
	ck_assert_int_eq(user_set_password(&db, "tester", "ghost", "whatever1"),
	    DB_NOTFOUND);
}
END_TEST

START_TEST(test_disable_and_enable)
{
	char		 token[AUTH_TOKEN_HEX];
	struct session	 s;
	struct user	 u;

	ck_assert_int_eq(user_add(&db, "tester", "maya", "Maya", ROLE_EDITOR,
	    "a password"), DB_OK);
	ck_assert_int_eq(user_find(&db, &a, "maya", &u), DB_OK);
	ck_assert_int_eq(session_create(&db, &conf, &u, "", token, &s), DB_OK);
	ck_assert_int_eq(user_set_disabled(&db, "tester", "maya", 1), DB_OK);
	ck_assert_int_eq(session_load(&db, &a, &conf, token, &s), DB_NOTFOUND);
	ck_assert_int_eq(user_find(&db, &a, "maya", &u), DB_OK);
	ck_assert_int_eq(u.disabled, 1);
	ck_assert_int_eq(user_set_disabled(&db, "tester", "maya", 0), DB_OK);
	ck_assert_int_eq(user_find(&db, &a, "maya", &u), DB_OK);
	ck_assert_int_eq(u.disabled, 0);
	ck_assert_uint_eq(audit_count(u.id, "disable"), 1);
	ck_assert_uint_eq(audit_count(u.id, "enable"), 1);
	ck_assert_int_eq(user_set_disabled(&db, "tester", "ghost", 1),
	    DB_NOTFOUND);
}
END_TEST

/* A failed save leaves neither the change nor its audit row. */
START_TEST(test_failed_save_writes_no_audit)
{
	struct db_rows	 r;

	ck_assert_int_eq(user_add(&db, "tester", "maya", "Maya", ROLE_EDITOR,
	    "a password"), DB_OK);
	ck_assert_int_eq(user_add(&db, "tester", "maya", "Maya", ROLE_EDITOR,
	    "a password"), DB_DUPLICATE);
	ck_assert_int_eq(db_query(&db, STMT_USER_LIST, NULL, 0, &a, &r), DB_OK);
	ck_assert_uint_eq(r.nrows, 1);
	ck_assert_uint_eq(audit_count(strtoll(DB_CELL(&r, 0, 0), NULL, 10),
	    "create"), 1);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("users");
	TCase	*tc = tcase_create("users");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_add_find_list);
	tcase_add_test(tc, test_duplicate_name);
	tcase_add_test(tc, test_password_change_ends_sessions);
	tcase_add_test(tc, test_disable_and_enable);
	tcase_add_test(tc, test_failed_save_writes_no_audit);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
