/*
 * The migrated schema suits a Galera cluster: Galera replicates InnoDB
 * tables only, and replicates row changes by primary key, so a table
 * without one is slow to apply and can diverge (DELETEs in particular).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "db.h"
#include "testhelp.h"

static struct db	 db;
static struct conf	 conf;

enum {
	SCHEMA_TABLES,		/* the tables, with engine */
	SCHEMA_WITHOUT_PK,	/* tables with no primary key */
	SCHEMA_NOT_INNODB,	/* tables of another engine */
	SCHEMA__MAX
};
static const char *const schema_sql[SCHEMA__MAX] = {
	[SCHEMA_TABLES] = "SELECT table_name, engine FROM information_schema.tables "
	    "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
	[SCHEMA_WITHOUT_PK] = "SELECT t.table_name FROM information_schema.tables t "
	    "WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE' "
	    "AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c "
	    "WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name "
	    "AND c.constraint_type = 'PRIMARY KEY') ORDER BY t.table_name",
	[SCHEMA_NOT_INNODB] = "SELECT table_name, engine FROM information_schema.tables "
	    "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' "
	    "AND engine <> 'InnoDB' ORDER BY table_name",
};
/* Borrows the APPG slot of prepared handles: this program uses no other. */
static const struct db_stmts schema_stmts = { DB_SLOT_APPG, schema_sql,
    SCHEMA__MAX };

static void
setup(void)
{
	th_db_open(&db, &conf);
}

static void
teardown(void)
{
	th_db_close(&db, &conf);
}

/* The first column of rows, comma-separated, for a failure message. */
static const char *
names(struct arena *a, const struct db_rows *r)
{
	const char	*s = "";
	size_t		 i;

	for (i = 0; i < r->nrows; i++)
		s = arena_printf(a, "%s%s%s", s, i ? ", " : "", DB_CELL(r, i, 0));
	return s;
}

/* Guards the two checks below against passing on an empty schema. */
START_TEST(test_schema_is_there)
{
	struct arena	 a;
	struct db_rows	 r;

	arena_init(&a);
	ck_assert_int_eq(db_query_in(&db, &schema_stmts, SCHEMA_TABLES, NULL, 0,
	    &a, &r), DB_OK);
	ck_assert_uint_ge(r.nrows, 30);
	arena_free(&a);
}
END_TEST

START_TEST(test_every_table_innodb)
{
	struct arena	 a;
	struct db_rows	 r;

	arena_init(&a);
	ck_assert_int_eq(db_query_in(&db, &schema_stmts, SCHEMA_NOT_INNODB,
	    NULL, 0, &a, &r), DB_OK);
	ck_assert_msg(r.nrows == 0, "not InnoDB: %s", names(&a, &r));
	arena_free(&a);
}
END_TEST

START_TEST(test_every_table_has_primary_key)
{
	struct arena	 a;
	struct db_rows	 r;

	arena_init(&a);
	ck_assert_int_eq(db_query_in(&db, &schema_stmts, SCHEMA_WITHOUT_PK,
	    NULL, 0, &a, &r), DB_OK);
	ck_assert_msg(r.nrows == 0, "no primary key: %s", names(&a, &r));
	arena_free(&a);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("schema");
	TCase	*tc = tcase_create("galera");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_schema_is_there);
	tcase_add_test(tc, test_every_table_innodb);
	tcase_add_test(tc, test_every_table_has_primary_key);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
