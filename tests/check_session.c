/*
 * Logins, sessions and the throttle (lib/auth.c) against a real MariaDB.
 */
#include "config.h"

#include <stdio.h>
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
	conf.login_max_failures = 3;
	ck_assert_int_eq(user_add(&db, "tester", "maya", "Maya Cohen",
	    ROLE_EDITOR, "right password"), DB_OK);
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

static enum auth_result
login(const char *user, const char *pw, const char *addr, char *token,
    struct session *s, long *retry)
{
	return auth_login(&db, &a, &conf, user, pw, addr, token, s, retry);
}

START_TEST(test_login_and_load)
{
	char		 token[AUTH_TOKEN_HEX];
	struct session	 s, loaded;
	struct db_rows	 r;
	long		 retry;

	ck_assert_int_eq(login("maya", "right password", "10.0.0.1", token, &s,
	    &retry), AUTH_OK);
	ck_assert_uint_eq(strlen(token), 64);
	ck_assert_uint_eq(strlen(s.csrf), 64);
	ck_assert_str_ne(token, s.csrf);
	ck_assert_int_eq(session_load(&db, &a, &conf, token, &loaded), DB_OK);
	ck_assert_str_eq(loaded.username, "maya");
	ck_assert_str_eq(loaded.display_name, "Maya Cohen");
	ck_assert_int_eq(loaded.role, ROLE_EDITOR);
	ck_assert_str_eq(loaded.csrf, s.csrf);
	/* Only the hash is stored: the token itself is nowhere in the table. */
	ck_assert_int_eq(db_query(&db, STMT_SESSION_LOOKUP, DB_ARGS(DB_STR(token),
	    DB_INT(60)), &a, &r), DB_OK);
	ck_assert_uint_eq(r.nrows, 0);
}
END_TEST

START_TEST(test_bad_credentials)
{
	char		 token[AUTH_TOKEN_HEX];
	struct session	 s;
	long		 retry;

	ck_assert_int_eq(login("maya", "wrong", "10.0.0.1", token, &s, &retry),
	    AUTH_BAD_CREDENTIALS);
	ck_assert_int_eq(login("nobody", "right password", "10.0.0.1", token,
	    &s, &retry), AUTH_BAD_CREDENTIALS);
	ck_assert_int_eq(user_set_disabled(&db, "tester", "maya", 1), DB_OK);
	ck_assert_int_eq(login("maya", "right password", "10.0.0.2", token, &s,
	    &retry), AUTH_BAD_CREDENTIALS);
}
END_TEST

START_TEST(test_tokens_malformed_or_unknown)
{
	struct session	 s;
	char		 other[AUTH_TOKEN_HEX];

	auth_random_token(other);
	ck_assert_int_eq(session_load(&db, &a, &conf, other, &s), DB_NOTFOUND);
	ck_assert_int_eq(session_load(&db, &a, &conf, "short", &s), DB_NOTFOUND);
	ck_assert_int_eq(session_load(&db, &a, &conf, NULL, &s), DB_NOTFOUND);
	ck_assert_int_eq(session_load(&db, &a, &conf,
	    "ZZ00000000000000000000000000000000000000000000000000000000000000",
	    &s), DB_NOTFOUND);
}
END_TEST

START_TEST(test_throttle_engages_and_clears)
{
	char		 token[AUTH_TOKEN_HEX];
	struct session	 s;
	long		 retry = 0;
	int		 i;

	for (i = 0; i < 3; i++)
		ck_assert_int_eq(login("maya", "wrong", "10.0.0.1", token, &s,
		    &retry), AUTH_BAD_CREDENTIALS);
	ck_assert_int_eq(login("maya", "right password", "10.0.0.1", token, &s,
	    &retry), AUTH_THROTTLED);
	ck_assert_int_gt(retry, 0);
	ck_assert_int_le(retry, 15 * 60);
	/* Failures age out of the window; then a success clears them. */
	th_sql(&db, "UPDATE login_failures SET attempted_at = "
	    "attempted_at - INTERVAL 16 MINUTE");
	ck_assert_int_eq(login("maya", "wrong", "10.0.0.1", token, &s, &retry),
	    AUTH_BAD_CREDENTIALS);
	ck_assert_int_eq(login("maya", "right password", "10.0.0.1", token, &s,
	    &retry), AUTH_OK);
	ck_assert_int_eq(login("maya", "wrong", "10.0.0.1", token, &s, &retry),
	    AUTH_BAD_CREDENTIALS);
	ck_assert_int_eq(login("maya", "wrong", "10.0.0.1", token, &s, &retry),
	    AUTH_BAD_CREDENTIALS);
	ck_assert_int_eq(login("maya", "right password", "10.0.0.1", token, &s,
	    &retry), AUTH_OK);
}
END_TEST

/* One address failing across many names is throttled too. */
START_TEST(test_throttle_per_address)
{
	char		 token[AUTH_TOKEN_HEX], name[16];
	struct session	 s;
	long		 retry;
	int		 i;

	for (i = 0; i < 12; i++) {
		snprintf(name, sizeof(name), "user%d", i);
		ck_assert_int_eq(login(name, "guess", "10.9.9.9", token, &s,
		    &retry), AUTH_BAD_CREDENTIALS);
	}
	ck_assert_int_eq(login("maya", "right password", "10.9.9.9", token, &s,
	    &retry), AUTH_THROTTLED);
	ck_assert_int_eq(login("maya", "right password", "10.0.0.5", token, &s,
	    &retry), AUTH_OK);
}
END_TEST

START_TEST(test_idle_and_absolute_expiry)
{
	char		 token[AUTH_TOKEN_HEX];
	struct session	 s;
	long		 retry;

	ck_assert_int_eq(login("maya", "right password", "", token, &s, &retry),
	    AUTH_OK);
	th_sql(&db, "UPDATE sessions SET last_seen_at = "
	    "last_seen_at - INTERVAL 119 MINUTE");
	ck_assert_int_eq(session_load(&db, &a, &conf, token, &s), DB_OK);
	/* That load refreshed the idle timer. */
	th_sql(&db, "UPDATE sessions SET last_seen_at = "
	    "last_seen_at - INTERVAL 119 MINUTE");
	ck_assert_int_eq(session_load(&db, &a, &conf, token, &s), DB_OK);
	th_sql(&db, "UPDATE sessions SET last_seen_at = "
	    "last_seen_at - INTERVAL 121 MINUTE");
	ck_assert_int_eq(session_load(&db, &a, &conf, token, &s), DB_NOTFOUND);

	ck_assert_int_eq(login("maya", "right password", "", token, &s, &retry),
	    AUTH_OK);
	th_sql(&db, "UPDATE sessions SET expires_at = "
	    "UTC_TIMESTAMP() - INTERVAL 1 SECOND");
	ck_assert_int_eq(session_load(&db, &a, &conf, token, &s), DB_NOTFOUND);
	ck_assert_int_eq(session_purge(&db, &conf), DB_OK);
}
END_TEST

START_TEST(test_logout_ends_session)
{
	char		 token[AUTH_TOKEN_HEX], other[AUTH_TOKEN_HEX];
	struct session	 s;
	long		 retry;

	ck_assert_int_eq(login("maya", "right password", "", token, &s, &retry),
	    AUTH_OK);
	ck_assert_int_eq(login("maya", "right password", "", other, &s, &retry),
	    AUTH_OK);
	ck_assert_int_eq(session_end(&db, token), DB_OK);
	ck_assert_int_eq(session_load(&db, &a, &conf, token, &s), DB_NOTFOUND);
	/* Logging out in one browser leaves the other signed in. */
	ck_assert_int_eq(session_load(&db, &a, &conf, other, &s), DB_OK);
	ck_assert_int_eq(session_end(&db, "garbage"), DB_OK);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("session");
	TCase	*tc = tcase_create("session");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_login_and_load);
	tcase_add_test(tc, test_bad_credentials);
	tcase_add_test(tc, test_tokens_malformed_or_unknown);
	tcase_add_test(tc, test_throttle_engages_and_clears);
	tcase_add_test(tc, test_throttle_per_address);
	tcase_add_test(tc, test_idle_and_absolute_expiry);
	tcase_add_test(tc, test_logout_ends_session);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
