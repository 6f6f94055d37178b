/*
 * lib/db.c against a real MariaDB: typed binds, rows as strings, strict
 * mode, utf8mb4, transactions, and recovery from a lost connection.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>
#include <mysql.h>

#include "arena.h"
#include "db.h"
#include "testhelp.h"
#include "users.h"

static struct db	 db;
static struct conf	 conf;

static void
setup(void)
{
	th_db_open(&db, &conf);
	th_reset(&db);
}

static void
teardown(void)
{
	th_db_close(&db, &conf);
}

static enum db_err
insert_user(const char *name, const char *display)
{
	return db_exec(&db, STMT_USER_INSERT, DB_ARGS(DB_STR(name),
	    DB_STR(display), DB_STR("viewer"), DB_STR("x")), NULL, NULL);
}

START_TEST(test_statement_table_complete)
{
	int	 i;

	for (i = 0; i < STMT__MAX; i++) {
		ck_assert_ptr_nonnull(db_stmt_sql((enum db_stmt)i));
		ck_assert_int_gt(strlen(db_stmt_sql((enum db_stmt)i)), 10);
	}
	ck_assert_ptr_null(db_stmt_sql(STMT__MAX));
}
END_TEST

START_TEST(test_insert_and_query)
{
	struct arena		 a;
	struct db_rows		 r;
	unsigned long long	 id = 0, affected = 0;

	arena_init(&a);
	ck_assert_int_eq(db_exec(&db, STMT_USER_INSERT, DB_ARGS(DB_STR("alice"),
	    DB_STR("Alice O'Brien"), DB_STR("editor"), DB_STR("h")), &affected,
	    &id), DB_OK);
	ck_assert_uint_eq(affected, 1);
	ck_assert_uint_gt(id, 0);
	ck_assert_int_eq(db_query(&db, STMT_USER_BY_NAME,
	    DB_ARGS(DB_STR("alice")), &a, &r), DB_OK);
	ck_assert_uint_eq(r.nrows, 1);
	ck_assert_uint_eq(r.ncols, 6);
	ck_assert_str_eq(DB_CELL(&r, 0, 1), "alice");
	ck_assert_str_eq(DB_CELL(&r, 0, 2), "Alice O'Brien");
	ck_assert_str_eq(DB_CELL(&r, 0, 3), "editor");
	ck_assert_int_eq(strtoll(DB_CELL(&r, 0, 0), NULL, 10), (long long)id);
	ck_assert_int_eq(db_query(&db, STMT_USER_BY_NAME,
	    DB_ARGS(DB_STR("nobody")), &a, &r), DB_OK);
	ck_assert_uint_eq(r.nrows, 0);
	arena_free(&a);
}
END_TEST

START_TEST(test_utf8mb4_round_trip)
{
	const char	*name = "Zoë 🙂 שלום";
	struct arena	 a;
	struct db_rows	 r;

	arena_init(&a);
	ck_assert_int_eq(insert_user("zoe", name), DB_OK);
	ck_assert_int_eq(db_query(&db, STMT_USER_BY_NAME,
	    DB_ARGS(DB_STR("zoe")), &a, &r), DB_OK);
	ck_assert_str_eq(DB_CELL(&r, 0, 2), name);
	arena_free(&a);
}
END_TEST

START_TEST(test_null_and_long_values)
{
	struct arena	 a;
	struct db_rows	 r;
	char		*big = malloc(60001);

	ck_assert_ptr_nonnull(big);
	memset(big, 'x', 60000);
	big[60000] = '\0';
	arena_init(&a);
	ck_assert_int_eq(db_exec(&db, STMT_AUDIT_INSERT, DB_ARGS(DB_STR("t"),
	    DB_STR("thing"), DB_INT(7), DB_STR("create"), DB_NULL,
	    DB_STR(big)), NULL, NULL), DB_OK);
	ck_assert_int_eq(db_query(&db, STMT_AUDIT_FOR,
	    DB_ARGS(DB_STR("thing"), DB_INT(7)), &a, &r), DB_OK);
	ck_assert_uint_eq(r.nrows, 1);
	ck_assert_ptr_null(DB_CELL(&r, 0, 3));
	ck_assert_str_eq(DB_CELL(&r, 0, 4), big);
	free(big);
	arena_free(&a);
}
END_TEST

START_TEST(test_duplicate_key)
{
	ck_assert_int_eq(insert_user("bob", "Bob"), DB_OK);
	ck_assert_int_eq(insert_user("bob", "Bob again"), DB_DUPLICATE);
}
END_TEST

START_TEST(test_strict_mode_refuses_truncation)
{
	char	 name[80];

	memset(name, 'a', 79);
	name[79] = '\0';
	ck_assert_int_eq(insert_user(name, "Long"), DB_ERROR);
	ck_assert_int_eq(db_exec(&db, STMT_USER_INSERT, DB_ARGS(DB_STR("r"),
	    DB_STR("R"), DB_STR("superuser"), DB_STR("h")), NULL, NULL),
	    DB_ERROR);
}
END_TEST

START_TEST(test_wrong_parameter_count)
{
	ck_assert_int_eq(db_exec(&db, STMT_USER_BY_NAME, NULL, 0, NULL, NULL),
	    DB_ERROR);
	ck_assert_ptr_nonnull(strstr(db.error, "parameters"));
}
END_TEST

START_TEST(test_rollback)
{
	struct arena	 a;
	struct db_rows	 r;

	arena_init(&a);
	ck_assert_int_eq(db_begin(&db), DB_OK);
	ck_assert_int_eq(insert_user("carol", "Carol"), DB_OK);
	db_rollback(&db);
	ck_assert_int_eq(db_query(&db, STMT_USER_BY_NAME,
	    DB_ARGS(DB_STR("carol")), &a, &r), DB_OK);
	ck_assert_uint_eq(r.nrows, 0);
	ck_assert_int_eq(db_begin(&db), DB_OK);
	ck_assert_int_eq(insert_user("carol", "Carol"), DB_OK);
	ck_assert_int_eq(db_commit(&db), DB_OK);
	ck_assert_int_eq(db_query(&db, STMT_USER_BY_NAME,
	    DB_ARGS(DB_STR("carol")), &a, &r), DB_OK);
	ck_assert_uint_eq(r.nrows, 1);
	arena_free(&a);
}
END_TEST

static size_t
users_named(const char *name)
{
	struct arena	 a;
	struct db_rows	 r;
	size_t		 n;

	arena_init(&a);
	ck_assert_int_eq(db_query(&db, STMT_USER_BY_NAME,
	    DB_ARGS(DB_STR(name)), &a, &r), DB_OK);
	n = r.nrows;
	arena_free(&a);
	return n;
}

/*
 * A db_begin() inside a transaction is a savepoint: the inner rollback
 * undoes only its part, the inner commit keeps it for the outer, and the
 * outer decides for both.
 */
START_TEST(test_nested_transactions)
{
	ck_assert_int_eq(db_begin(&db), DB_OK);
	ck_assert_int_eq(insert_user("outer", "Outer"), DB_OK);
	ck_assert_int_eq(db_begin(&db), DB_OK);
	ck_assert_uint_eq(db.tx_depth, 2);
	ck_assert_int_eq(insert_user("undone", "Undone"), DB_OK);
	db_rollback(&db);
	ck_assert_int_eq(db_begin(&db), DB_OK);
	ck_assert_int_eq(insert_user("kept", "Kept"), DB_OK);
	ck_assert_int_eq(db_finish(&db, DB_OK), DB_OK);
	ck_assert_uint_eq(db.tx_depth, 1);
	ck_assert_int_eq(db_commit(&db), DB_OK);
	ck_assert_uint_eq(db.tx_depth, 0);
	ck_assert_uint_eq(users_named("outer"), 1);
	ck_assert_uint_eq(users_named("undone"), 0);
	ck_assert_uint_eq(users_named("kept"), 1);
	/* The outer rollback takes the committed inner part with it. */
	ck_assert_int_eq(db_begin(&db), DB_OK);
	ck_assert_int_eq(db_begin(&db), DB_OK);
	ck_assert_int_eq(insert_user("inner", "Inner"), DB_OK);
	ck_assert_int_eq(db_commit(&db), DB_OK);
	db_rollback(&db);
	ck_assert_uint_eq(users_named("inner"), 0);
}
END_TEST

/* A transaction a request left open is rolled back by the next one's db_ensure(). */
START_TEST(test_stray_transaction_rolled_back)
{
	ck_assert_int_eq(db_begin(&db), DB_OK);
	ck_assert_int_eq(insert_user("stray", "Stray"), DB_OK);
	ck_assert_int_eq(db_ensure(&db), DB_OK);
	ck_assert_uint_eq(db.tx_depth, 0);
	ck_assert_uint_eq(users_named("stray"), 0);
	ck_assert_int_eq(db_begin(&db), DB_OK);
	ck_assert_int_eq(insert_user("stray", "Stray"), DB_OK);
	ck_assert_int_eq(db_commit(&db), DB_OK);
	ck_assert_uint_eq(users_named("stray"), 1);
}
END_TEST

/* Another connection kills ours: 503-style error, then reconnect. */
START_TEST(test_lost_connection_recovers)
{
	struct db	 killer;
	struct arena	 a;
	struct db_rows	 r;
	char		 sql[64];

	arena_init(&a);
	ck_assert_int_eq(db_query(&db, STMT_USER_LIST, NULL, 0, &a, &r), DB_OK);
	ck_assert_int_eq(db_open(&killer, &conf, DB_FLAG_MULTI), DB_OK);
	snprintf(sql, sizeof(sql), "KILL %lu", mysql_thread_id(db.conn));
	ck_assert_int_eq(db_run_script(&killer, sql, strlen(sql)), DB_OK);
	db_close(&killer);
	ck_assert_int_eq(db_query(&db, STMT_USER_LIST, NULL, 0, &a, &r),
	    DB_UNAVAILABLE);
	ck_assert_int_eq(db.broken, 1);
	ck_assert_int_eq(db_query(&db, STMT_USER_LIST, NULL, 0, &a, &r),
	    DB_UNAVAILABLE);
	ck_assert_int_eq(db_ensure(&db), DB_OK);
	ck_assert_int_eq(db.broken, 0);
	ck_assert_int_eq(db_query(&db, STMT_USER_LIST, NULL, 0, &a, &r), DB_OK);
	arena_free(&a);
}
END_TEST

/*
 * The server hangs up an idle connection (a restart, an idle timeout;
 * here a KILL): db_ensure() at the next request sees the socket's
 * end-of-file and reconnects, so the request does not fail first.
 */
START_TEST(test_hang_up_found_before_use)
{
	struct db	 killer;
	struct arena	 a;
	struct db_rows	 r;
	unsigned long	 old = mysql_thread_id(db.conn);
	char		 sql[64];
	int		 tries;

	arena_init(&a);
	ck_assert_int_eq(db_open(&killer, &conf, DB_FLAG_MULTI), DB_OK);
	snprintf(sql, sizeof(sql), "KILL %lu", old);
	ck_assert_int_eq(db_run_script(&killer, sql, strlen(sql)), DB_OK);
	db_close(&killer);
	/* The server closes the socket as the KILL completes; allow it 2 s. */
	for (tries = 0; tries < 200; tries++) {
		ck_assert_int_eq(db_ensure(&db), DB_OK);
		if (mysql_thread_id(db.conn) != old)
			break;
		usleep(10000);
	}
	ck_assert_uint_ne(mysql_thread_id(db.conn), old);
	ck_assert_int_eq(db_query(&db, STMT_USER_LIST, NULL, 0, &a, &r), DB_OK);
	/* A live idle connection is kept. */
	old = mysql_thread_id(db.conn);
	ck_assert_int_eq(db_ensure(&db), DB_OK);
	ck_assert_uint_eq(mysql_thread_id(db.conn), old);
	arena_free(&a);
}
END_TEST

/* "The table is full" (here a MEMORY table at its size limit) is DB_FULL. */
START_TEST(test_table_full)
{
	struct db	 m;
	const char	*sql = "SET SESSION max_heap_table_size = 16384;"
	    "CREATE TEMPORARY TABLE full_t (x CHAR(255)) ENGINE=MEMORY;"
	    "INSERT INTO full_t SELECT REPEAT('x', 255) FROM seq_1_to_10000";

	ck_assert_int_eq(db_open(&m, &conf, DB_FLAG_MULTI), DB_OK);
	ck_assert_int_eq(db_run_script(&m, sql, strlen(sql)), DB_FULL);
	ck_assert_ptr_nonnull(strstr(m.error, "1114: "));
	ck_assert_str_eq(db_strerror(DB_FULL), "the database is out of space");
	db_close(&m);
}
END_TEST

START_TEST(test_unreachable_server)
{
	struct conf	 bad = conf;
	struct db	 d;

	bad.db_socket = (char *)"/nonexistent/mysqld.sock";
	ck_assert_int_eq(db_open(&d, &bad, 0), DB_UNAVAILABLE);
	ck_assert_int_eq(d.broken, 1);
	ck_assert_int_eq(db_ensure(&d), DB_UNAVAILABLE);
	db_close(&d);
}
END_TEST

/* Every server of db_host is tried; the error names the last one. */
START_TEST(test_unreachable_host_list)
{
	struct conf	 bad = conf;
	struct db	 d;

	bad.db_socket = NULL;
	ck_assert_int_eq(conf_parse_hosts("127.0.0.1:1, 127.0.0.2:2",
	    bad.db_hosts, &bad.db_nhosts), CONF_OK);
	ck_assert_int_eq(db_open(&d, &bad, 0), DB_UNAVAILABLE);
	ck_assert_ptr_nonnull(strstr(d.error, "127.0.0.2"));
	ck_assert_int_eq(d.broken, 1);
	db_close(&d);
	free(bad.db_hosts[0].name);
	free(bad.db_hosts[1].name);
}
END_TEST

/* The server the unit tests use has no Galera: always ready. */
START_TEST(test_plain_server_is_ready)
{
	ck_assert_ptr_nonnull(db.conn);
	ck_assert_int_eq(db.broken, 0);
	ck_assert_int_eq(db.retryable, 0);
}
END_TEST

START_TEST(test_script_needs_multi_flag)
{
	struct db	 plain;

	ck_assert_int_eq(db_open(&plain, &conf, 0), DB_OK);
	ck_assert_int_eq(db_run_script(&plain, "SELECT 1", 8), DB_ERROR);
	db_close(&plain);
}
END_TEST

/* Child rows grouped by a sorted id: each group found, absent ones empty. */
START_TEST(test_rows_with_finds_each_group)
{
	char		 ids[7][3] = { "3", "3", "7", "10", "10", "10", "12" };
	char		 tags[7][2] = { "a", "b", "c", "d", "e", "f", "g" };
	char		*cells[14];
	struct db_rows	 r = { 7, 2, cells };
	struct db_rows	 none = { 0, 2, cells };
	size_t		 first, i;

	for (i = 0; i < 7; i++) {
		cells[2 * i] = ids[i];
		cells[2 * i + 1] = tags[i];
	}

	ck_assert_uint_eq(db_rows_with(&r, 0, 3, &first), 2);
	ck_assert_uint_eq(first, 0);
	ck_assert_uint_eq(db_rows_with(&r, 0, 7, &first), 1);
	ck_assert_str_eq(DB_CELL(&r, first, 1), "c");
	/* Numbers, not text: "10" sorts after "7". */
	ck_assert_uint_eq(db_rows_with(&r, 0, 10, &first), 3);
	ck_assert_str_eq(DB_CELL(&r, first, 1), "d");
	ck_assert_uint_eq(db_rows_with(&r, 0, 12, &first), 1);
	ck_assert_uint_eq(first, 6);
	ck_assert_uint_eq(db_rows_with(&r, 0, 1, &first), 0);
	ck_assert_uint_eq(db_rows_with(&r, 0, 8, &first), 0);
	ck_assert_uint_eq(db_rows_with(&r, 0, 13, &first), 0);
	ck_assert_uint_eq(first, 7);
	ck_assert_uint_eq(db_rows_with(&none, 0, 3, &first), 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("db");
	TCase	*tc = tcase_create("db");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_statement_table_complete);
	tcase_add_test(tc, test_insert_and_query);
	tcase_add_test(tc, test_utf8mb4_round_trip);
	tcase_add_test(tc, test_null_and_long_values);
	tcase_add_test(tc, test_duplicate_key);
	tcase_add_test(tc, test_strict_mode_refuses_truncation);
	tcase_add_test(tc, test_wrong_parameter_count);
	tcase_add_test(tc, test_rollback);
	tcase_add_test(tc, test_nested_transactions);
	tcase_add_test(tc, test_stray_transaction_rolled_back);
	tcase_add_test(tc, test_lost_connection_recovers);
	tcase_add_test(tc, test_hang_up_found_before_use);
	tcase_add_test(tc, test_table_full);
	tcase_add_test(tc, test_unreachable_server);
	tcase_add_test(tc, test_script_needs_multi_flag);
	tcase_add_test(tc, test_unreachable_host_list);
	tcase_add_test(tc, test_plain_server_is_ready);
	tcase_add_test(tc, test_rows_with_finds_each_group);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
