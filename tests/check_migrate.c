/*
 * lib/migrate.c against a real MariaDB, each test on an empty database
 * and its own directory of migration files.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>

#include "arena.h"
#include "db.h"
#include "migrate.h"
#include "testhelp.h"

static struct db	 db;
static struct conf	 conf;
static char		 dir[64];

static void
setup(void)
{
	th_db_open(&db, &conf);
	th_sql(&db, "DROP DATABASE tracker; CREATE DATABASE tracker; USE tracker");
	snprintf(dir, sizeof(dir), "/tmp/migrate.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void
teardown(void)
{
	char	 cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	th_db_close(&db, &conf);
}


static enum migrate_err
run(size_t *applied, char *msg, size_t len)
{
	return migrate_run(&db, dir, NULL, NULL, applied, msg, len);
}

/* How many migrations schema_migrations records. */
static size_t
recorded(void)
{
	struct arena	 a;
	struct db_rows	 r;
	size_t		 n;

	arena_init(&a);
	ck_assert_int_eq(db_query(&db, STMT_MIGRATION_LIST, NULL, 0, &a, &r),
	    DB_OK);
	n = r.nrows;
	arena_free(&a);
	return n;
}

START_TEST(test_applies_in_order_once)
{
	char	 msg[256];
	size_t	 applied;

	th_write_file(dir, "002_b.sql", "ALTER TABLE t ADD COLUMN b INT;");
	th_write_file(dir, "001_a.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n"
	    "INSERT INTO t VALUES (1);");
	th_write_file(dir, "README", "not a migration");
	ck_assert_int_eq(run(&applied, msg, sizeof(msg)), MIGRATE_OK);
	ck_assert_uint_eq(applied, 2);
	ck_assert_uint_eq(recorded(), 2);
	ck_assert_int_eq(run(&applied, msg, sizeof(msg)), MIGRATE_OK);
	ck_assert_uint_eq(applied, 0);
	th_write_file(dir, "003_c.sql", "UPDATE t SET b = 2;");
	ck_assert_int_eq(run(&applied, msg, sizeof(msg)), MIGRATE_OK);
	ck_assert_uint_eq(applied, 1);
	ck_assert_uint_eq(recorded(), 3);
}
END_TEST

START_TEST(test_changed_file_refused)
{
	char	 msg[256];
	size_t	 applied;

	th_write_file(dir, "001_a.sql", "CREATE TABLE t (id INT PRIMARY KEY);");
	ck_assert_int_eq(run(&applied, msg, sizeof(msg)), MIGRATE_OK);
	th_write_file(dir, "001_a.sql", "CREATE TABLE t (id BIGINT PRIMARY KEY);");
	th_write_file(dir, "002_b.sql", "CREATE TABLE u (id INT PRIMARY KEY);");
	ck_assert_int_eq(run(&applied, msg, sizeof(msg)), MIGRATE_CHANGED);
	ck_assert_uint_eq(applied, 0);
	ck_assert_ptr_nonnull(strstr(msg, "001_a.sql"));
	/* Nothing was applied: 002 is still pending. */
	ck_assert_uint_eq(recorded(), 1);
}
END_TEST

START_TEST(test_missing_file_refused)
{
	char	 msg[256], path[128];
	size_t	 applied;

	th_write_file(dir, "001_a.sql", "CREATE TABLE t (id INT PRIMARY KEY);");
	ck_assert_int_eq(run(&applied, msg, sizeof(msg)), MIGRATE_OK);
	snprintf(path, sizeof(path), "%s/001_a.sql", dir);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(run(&applied, msg, sizeof(msg)), MIGRATE_MISSING);
	ck_assert_ptr_nonnull(strstr(msg, "001_a.sql"));
}
END_TEST

START_TEST(test_failing_sql_stops)
{
	char	 msg[256];
	size_t	 applied;

	th_write_file(dir, "001_a.sql", "CREATE TABLE t (id INT PRIMARY KEY);");
	th_write_file(dir, "002_bad.sql", "CREATE TABLE oops (;");
	th_write_file(dir, "003_c.sql", "CREATE TABLE c (id INT PRIMARY KEY);");
	ck_assert_int_eq(run(&applied, msg, sizeof(msg)), MIGRATE_DB);
	ck_assert_uint_eq(applied, 1);
	ck_assert_ptr_nonnull(strstr(msg, "002_bad.sql"));
	ck_assert_uint_eq(recorded(), 1);
}
END_TEST

START_TEST(test_no_directory)
{
	char	 msg[256];
	size_t	 applied;

	ck_assert_int_eq(migrate_run(&db, "/nonexistent/sql", NULL, NULL,
	    &applied, msg, sizeof(msg)), MIGRATE_DIR);
}
END_TEST

/* The project's own migrations apply cleanly to an empty database. */
START_TEST(test_project_migrations)
{
	char		 msg[256], path[512];
	const char	*src = getenv("top_srcdir");
	size_t		 applied;

	ck_assert_ptr_nonnull(src);
	snprintf(path, sizeof(path), "%s/sql", src);
	ck_assert_int_eq(migrate_run(&db, path, NULL, NULL, &applied, msg,
	    sizeof(msg)), MIGRATE_OK);
	ck_assert_uint_ge(applied, 1);
	ck_assert_int_eq(migrate_run(&db, path, NULL, NULL, &applied, msg,
	    sizeof(msg)), MIGRATE_OK);
	ck_assert_uint_eq(applied, 0);
}
END_TEST

static const struct {
	const char	*name;
	int		 ok;
} names[] = {
	{ "001_core.sql", 1 }, { "12_x.sql", 1 }, { "001_core.sql~", 0 },
	{ "core.sql", 0 }, { "001.sql", 0 }, { "001_.sql", 0 },
	{ "_001_a.sql", 0 }, { "001_a.SQL", 0 },
};

START_TEST(test_file_names)
{
	ck_assert_int_eq(migrate_is_file(names[_i].name), names[_i].ok);
}
END_TEST

START_TEST(test_checksum)
{
	char	 sum[65];

	migrate_checksum("abc", 3, sum);
	ck_assert_str_eq(sum, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("migrate");
	TCase	*tc = tcase_create("migrate");
	TCase	*pure = tcase_create("names");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_applies_in_order_once);
	tcase_add_test(tc, test_changed_file_refused);
	tcase_add_test(tc, test_missing_file_refused);
	tcase_add_test(tc, test_failing_sql_stops);
	tcase_add_test(tc, test_no_directory);
	tcase_add_test(tc, test_project_migrations);
	tcase_add_loop_test(pure, test_file_names, 0,
	    sizeof(names) / sizeof(names[0]));
	tcase_add_test(pure, test_checksum);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, pure);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
