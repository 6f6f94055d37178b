/*
 * lib/dbadmin.c and migrate_check(): DEFINER clauses out of dump text,
 * the client option file, the drop script run against a real MariaDB,
 * and checking migrations without applying them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "buf.h"
#include "conf.h"
#include "db.h"
#include "dbadmin.h"
#include "migrate.h"
#include "testhelp.h"

static const struct {
	const char	*in;
	const char	*out;
} definers[] = {
	/* A trigger as mariadb-dump writes it. */
	{ "/*!50003 CREATE*/ /*!50017 DEFINER=`tracker`@`localhost`*/ "
	  "/*!50003 TRIGGER t AFTER INSERT ON e FOR EACH ROW BEGIN",
	  "/*!50003 CREATE*/ /*!50017 */ "
	  "/*!50003 TRIGGER t AFTER INSERT ON e FOR EACH ROW BEGIN" },
	/* A routine. */
	{ "CREATE DEFINER=`tracker`@`%` PROCEDURE `kpi_rebuild`()",
	  "CREATE PROCEDURE `kpi_rebuild`()" },
	/* A view keeps its SQL SECURITY. */
	{ "/*!50013 DEFINER=`a`@`b` SQL SECURITY DEFINER */",
	  "/*!50013 SQL SECURITY DEFINER */" },
	/* Doubled backticks inside the names. */
	{ "x DEFINER=`we``ird`@`h``st` y", "x y" },
	/* Data that only looks like one is kept. */
	{ "INSERT INTO n VALUES ('DEFINER=someone');",
	  "INSERT INTO n VALUES ('DEFINER=someone');" },
	{ "('DEFINER=`unterminated')", "('DEFINER=`unterminated')" },
	{ "DEFINER=`u`", "DEFINER=`u`" },
	{ "", "" },
};

START_TEST(test_strip_definer)
{
	char	 line[256];
	size_t	 n;

	snprintf(line, sizeof(line), "%s", definers[_i].in);
	n = dba_strip_definer(line, strlen(line));
	ck_assert_uint_eq(n, strlen(definers[_i].out));
	ck_assert_mem_eq(line, definers[_i].out, n);
}
END_TEST

START_TEST(test_client_options)
{
	struct conf	 c;
	char		*text = NULL, user[] = "tracker", pw[] = "p\"a\\ss word",
			 host[] = "db1.example,db2.example:3308",
			 db1[] = "db1.example", db2[] = "db2.example",
			 sock[] = "/run/mysqld/mysqld.sock";
	size_t		 len = 0;
	FILE		*f;

	conf_defaults(&c);
	c.db_user = user;
	c.db_password = pw;
	c.db_host = host;
	c.db_hosts[0].name = db1;
	c.db_hosts[1].name = db2;
	c.db_hosts[1].port = 3308;
	c.db_nhosts = 2;
	c.db_port = 3307;
	/* No server chosen: the first of the list, on db_port. */
	ck_assert_ptr_nonnull(f = open_memstream(&text, &len));
	ck_assert_int_eq(dba_write_client_options(f, &c, NULL), 0);
	fclose(f);
	ck_assert_str_eq(text, "[client]\nuser=\"tracker\"\n"
	    "password=\"p\\\"a\\\\ss word\"\nhost=\"db1.example\"\nport=3307\n"
	    "protocol=TCP\ndefault-character-set=utf8mb4\n");
	free(text);
	/* The server our connection reached, with its own port. */
	ck_assert_ptr_nonnull(f = open_memstream(&text, &len));
	ck_assert_int_eq(dba_write_client_options(f, &c, &c.db_hosts[1]), 0);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(text, "host=\"db2.example\"\nport=3308\n"));
	free(text);
	/* A socket wins over host and port, as in db_open(). */
	c.db_socket = sock;
	ck_assert_ptr_nonnull(f = open_memstream(&text, &len));
	ck_assert_int_eq(dba_write_client_options(f, &c, &c.db_hosts[1]), 0);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(text, "socket=\"/run/mysqld/mysqld.sock\"\n"));
	ck_assert_ptr_null(strstr(text, "host="));
	free(text);
}
END_TEST

static struct db	 db;
static struct conf	 conf;

static void
setup(void)
{
	th_db_open(&db, &conf);
	th_sql(&db, "DROP DATABASE tracker; CREATE DATABASE tracker; USE tracker");
}

static void
teardown(void)
{
	th_db_close(&db, &conf);
}

START_TEST(test_drop_script)
{
	struct buf	 b;
	size_t		 count;

	buf_init(&b);
	ck_assert_int_eq(dba_drop_script(&db, &b, &count), 0);
	ck_assert_uint_eq(count, 0);
	th_sql(&db, "CREATE TABLE parent (id INT PRIMARY KEY);"
	    "CREATE TABLE `we``ird` (id INT PRIMARY KEY, p INT,"
	    " FOREIGN KEY (p) REFERENCES parent (id));"
	    "CREATE VIEW v AS SELECT id FROM `we``ird`;"
	    "CREATE PROCEDURE pr() SELECT 1;"
	    "CREATE FUNCTION fn() RETURNS INT DETERMINISTIC RETURN 1");
	buf_reset(&b);
	ck_assert_int_eq(dba_drop_script(&db, &b, &count), 0);
	ck_assert_uint_eq(count, 5);
	ck_assert_ptr_nonnull(strstr(b.data, "DROP TABLE IF EXISTS `we``ird`;"));
	ck_assert_ptr_nonnull(strstr(b.data, "DROP VIEW IF EXISTS `v`;"));
	ck_assert_ptr_nonnull(strstr(b.data, "DROP PROCEDURE IF EXISTS `pr`;"));
	ck_assert_ptr_nonnull(strstr(b.data, "DROP FUNCTION IF EXISTS `fn`;"));
	/* The parent first is fine: foreign keys are off while dropping. */
	ck_assert_int_eq(db_run_script(&db, b.data, b.len), DB_OK);
	buf_reset(&b);
	ck_assert_int_eq(dba_drop_script(&db, &b, &count), 0);
	ck_assert_uint_eq(count, 0);
	buf_free(&b);
}
END_TEST

START_TEST(test_binlog_off)
{
	int	 refused = -1;

	/* The test server runs with --skip-log-bin. */
	ck_assert_int_eq(dba_binlog_refuses_triggers(&db, &refused), 0);
	ck_assert_int_eq(refused, 0);
}
END_TEST

static char	 dir[64];


START_TEST(test_migrate_check)
{
	char		 msg[256], cmd[128];
	size_t		 pending = 99, applied;

	snprintf(dir, sizeof(dir), "/tmp/dbadmin.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	th_write_file(dir, "001_a.sql", "CREATE TABLE a (id INT PRIMARY KEY);");
	th_write_file(dir, "002_b.sql", "CREATE TABLE b (id INT PRIMARY KEY);");
	/* Nothing recorded: all pending, and checking created nothing. */
	ck_assert_int_eq(migrate_check(&db, dir, &pending, msg, sizeof(msg)),
	    MIGRATE_OK);
	ck_assert_uint_eq(pending, 2);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM "
	    "information_schema.tables WHERE table_schema = DATABASE()"), 0);
	ck_assert_int_eq(migrate_run(&db, dir, NULL, NULL, &applied, msg,
	    sizeof(msg)), MIGRATE_OK);
	ck_assert_int_eq(migrate_check(&db, dir, &pending, msg, sizeof(msg)),
	    MIGRATE_OK);
	ck_assert_uint_eq(pending, 0);
	th_write_file(dir, "003_c.sql", "CREATE TABLE c (id INT PRIMARY KEY);");
	ck_assert_int_eq(migrate_check(&db, dir, &pending, msg, sizeof(msg)),
	    MIGRATE_OK);
	ck_assert_uint_eq(pending, 1);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM "
	    "information_schema.tables WHERE table_schema = DATABASE() "
	    "AND table_name = 'c'"), 0);
	th_write_file(dir, "001_a.sql", "CREATE TABLE a (id BIGINT PRIMARY KEY);");
	ck_assert_int_eq(migrate_check(&db, dir, &pending, msg, sizeof(msg)),
	    MIGRATE_CHANGED);
	ck_assert_ptr_nonnull(strstr(msg, "001_a.sql changed"));
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("dbadmin");
	TCase	*pure = tcase_create("text");
	TCase	*tc = tcase_create("database");

	tcase_add_loop_test(pure, test_strip_definer, 0,
	    sizeof(definers) / sizeof(definers[0]));
	tcase_add_test(pure, test_client_options);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_drop_script);
	tcase_add_test(tc, test_binlog_off);
	tcase_add_test(tc, test_migrate_check);
	suite_add_tcase(s, pure);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
