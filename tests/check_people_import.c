/*
 * lib/people_import.c against a real MariaDB: a valid file is written in
 * one transaction with its audit rows, terms and import run; one bad row
 * writes nothing; each kind of problem names its row and column; quoting,
 * a byte-order mark, an empty file and a header without rows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <check.h>
#include <mysql.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "directory.h"
#include "people_import.h"
#include "testhelp.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;

#define TODAY	"2025-03-14"

static void
setup(void)
{
	th_db_open(&db, &conf);
	th_sql(&db, "DELETE FROM person_merges; DELETE FROM person_terms; "
	    "DELETE FROM import_runs; DELETE FROM follow_ups; "
	    "DELETE FROM engagement_people; "
	    "DELETE FROM engagement_organisations; DELETE FROM engagement_staff; "
	    "DELETE FROM engagement_policy_areas; DELETE FROM engagements; "
	    "DELETE FROM people; UPDATE organisations SET parent_id = NULL; "
	    "DELETE FROM organisations");
	th_reset(&db);
	th_sql(&db, "INSERT INTO organisations (name, kind, notes, created_at, "
	    "updated_at) VALUES ('The Daily Example', 'media_outlet', '', "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP()), ('Gone Weekly', 'media_outlet', "
	    "'', UTC_TIMESTAMP(), UTC_TIMESTAMP()), ('Twin', 'ngo', '', "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP()), ('Twin', 'ngo', '', "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP()); "
	    "UPDATE organisations SET deleted_at = UTC_TIMESTAMP() "
	    "WHERE name = 'Gone Weekly'");
	arena_init(&a);
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

/* The single number that fixed test SQL returns. */
static long long
count(const char *sql)
{
	MYSQL		*m = db.conn;
	MYSQL_RES	*res;
	MYSQL_ROW	 row;
	long long	 n;

	ck_assert_msg(mysql_query(m, sql) == 0, "%s: %s", sql, mysql_error(m));
	ck_assert_ptr_nonnull(res = mysql_store_result(m));
	ck_assert_ptr_nonnull(row = mysql_fetch_row(res));
	n = row[0] != NULL ? atoll(row[0]) : -1;
	mysql_free_result(res);
	return n;
}

static void
assert_nothing_written(void)
{
	ck_assert_int_eq(count("SELECT COUNT(*) FROM people"), 0);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM person_terms"), 0);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM import_runs"), 0);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_log"), 0);
}

static enum db_err
apply(const char *csv, struct people_import *out)
{
	return people_import_apply(&db, &a, "tester", "people.csv", TODAY, csv,
	    strlen(csv), out);
}

START_TEST(test_valid_file_imported)
{
	static const char csv[] =
	    "Name,Category,Organisation,email,House,party,role,constituency,"
	    "phone,notes\r\n"
	    "Jane Writer,journalist,The Daily Example,jane@example.org,,,"
	    "Correspondent,,020 7946 0000,\r\n"
	    "Rabbi Ruth,Faith leader,,,,,,,,Interfaith network\r\n"
	    "Ann Member,MP,,,Commons,Labour,,Sheffield Central,,\r\n";
	struct people_import	 out;
	struct person		*p;
	struct person_filter	 f;
	size_t			 n, total;

	ck_assert_msg(apply(csv, &out) == DB_OK, "%s", db.error);
	ck_assert_uint_eq(out.nproblems, 0);
	ck_assert_uint_eq(out.nrows, 3);
	ck_assert_uint_eq(out.added, 3);
	ck_assert_uint_eq(out.rows[0].row, 2);
	ck_assert_str_eq(out.rows[1].category, "faith_leader");

	memset(&f, 0, sizeof(f));
	ck_assert_int_eq(person_list(&db, &a, &f, &p, &n, &total), DB_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(p[0].full_name, "Ann Member");
	ck_assert_str_eq(p[0].house, "commons");
	ck_assert_str_eq(p[0].party, "Labour");
	ck_assert_str_eq(p[0].constituency, "Sheffield Central");
	ck_assert_str_eq(p[1].full_name, "Jane Writer");
	ck_assert_str_eq(p[1].organisation_name, "The Daily Example");
	ck_assert_str_eq(p[1].email, "jane@example.org");
	ck_assert_str_eq(p[1].role_title, "Correspondent");
	ck_assert_str_eq(p[2].notes, "Interfaith network");

	ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_log WHERE "
	    "entity = 'person' AND action = 'import' AND actor = 'tester'"), 3);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM person_terms WHERE "
	    "source = 'csv' AND started_on = '" TODAY "' AND ended_on IS NULL"),
	    3);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM person_terms t JOIN "
	    "people p ON p.id = t.person_id WHERE t.category = p.category "
	    "AND t.party = p.party AND t.house <=> p.house"), 3);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM import_runs WHERE "
	    "kind = 'csv' AND source = 'people.csv' AND actor = 'tester' AND "
	    "added = 3"), 1);
}
END_TEST

/*
 * Why we hold them: a row without a basis gets legitimate interests and
 * the file as its source; a row with one keeps it, a label read as its
 * code, and its own date, note and source.  Audit rows carry them.
 */
START_TEST(test_basis_defaults_and_columns)
{
	static const char csv[] =
	    "name,category,lawful_basis,basis_date,basis_note,source\r\n"
	    "Default Dee,journalist,,,,\r\n"
	    "Consent Cal,faith_leader,Consent,2025-03-14,Briefings by email,"
	    "Sign-up sheet\r\n"
	    "Role Ray,councillor,public_role,,,\r\n";
	struct people_import	 out;

	ck_assert_msg(apply(csv, &out) == DB_OK, "%s", db.error);
	ck_assert_uint_eq(out.nproblems, 0);
	ck_assert_uint_eq(out.added, 3);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM people WHERE "
	    "full_name = 'Default Dee' AND lawful_basis = 'legitimate_interests' "
	    "AND basis_date IS NULL AND basis_note IS NULL AND data_source = "
	    "'Spreadsheet import: people.csv, " TODAY "'"), 1);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM people WHERE "
	    "full_name = 'Consent Cal' AND lawful_basis = 'consent' AND "
	    "basis_date = '2025-03-14' AND basis_note = 'Briefings by email' "
	    "AND data_source = 'Sign-up sheet'"), 1);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM people WHERE "
	    "full_name = 'Role Ray' AND lawful_basis = 'public_role' AND "
	    "data_source LIKE 'Spreadsheet import: people.csv%'"), 1);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM people WHERE "
	    "lawful_basis IS NULL"), 0);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM audit_log WHERE "
	    "entity = 'person' AND action = 'import' AND after_data LIKE "
	    "'%\"lawful basis\":\"consent\"%' AND after_data LIKE "
	    "'%Sign-up sheet%'"), 1);
}
END_TEST

START_TEST(test_check_writes_nothing)
{
	static const char csv[] = "name,category\nJane,journalist\n";
	struct people_import	 out;

	ck_assert_int_eq(people_import_check(&db, &a, TODAY, csv, strlen(csv),
	    &out),
	    DB_OK);
	ck_assert_uint_eq(out.nproblems, 0);
	ck_assert_uint_eq(out.nrows, 1);
	ck_assert_str_eq(out.rows[0].cells[COL_NAME], "Jane");
	assert_nothing_written();
}
END_TEST

START_TEST(test_one_bad_row_nothing_written)
{
	static const char csv[] =
	    "name,category\r\n"
	    "Good One,journalist\r\n"
	    "Bad One,astronaut\r\n"
	    "Good Two,other\r\n";
	struct people_import	 out;

	ck_assert_int_eq(apply(csv, &out), DB_OK);
	ck_assert_uint_eq(out.nrows, 3);
	ck_assert_uint_eq(out.nproblems, 1);
	ck_assert_uint_eq(out.bad_rows, 1);
	ck_assert_uint_eq(out.added, 0);
	ck_assert_uint_eq(out.rows[1].nproblems, 1);
	ck_assert_uint_eq(out.problems[0].row, 3);
	assert_nothing_written();
}
END_TEST

/* Each kind of problem, with its row and column. */
static const struct {
	const char	*csv;
	size_t		 row;
	const char	*column;
	const char	*message;	/* a part of it */
} problems[] = {
	{ "name,category\n,journalist\n", 2, "name", "name is required" },
	{ "name,category\nJane,\n", 2, "category", "category is required" },
	{ "name,category\nJane,astronaut\n", 2, "category", "not a category" },
	{ "name,category,house\nJane,mp,senate\n", 2, "house", "commons, lords" },
	{ "name,category,email\nJane,mp,jane-at-example\n", 2, "email",
	    "email address" },
	{ "name,category,organisation\nJane,journalist,Nowhere Times\n", 2,
	    "organisation", "no organisation called" },
	{ "name,category,organisation\nJane,journalist,Gone Weekly\n", 2,
	    "organisation", "no organisation called" },
	{ "name,category,organisation\nJane,journalist,the daily example\n", 2,
	    "organisation", "no organisation called" },
	{ "name,category,organisation\nJane,journalist,Twin\n", 2,
	    "organisation", "More than one" },
	{ "name,category,favourite colour\nJane,mp,blue\n", 1,
	    "favourite colour", "Unknown column" },
	{ "name,category,Name\nJane,mp,Jane\n", 1, "name", "twice" },
	{ "name,party\nJane,Labour\n", 1, "category", "no category column" },
	{ "category\nmp\n", 1, "name", "no name column" },
	{ "name,category\nJane,mp,extra\n", 2, "", "3 cells" },
	{ "name,category\nOk,mp\nJane,\"mp\n", 3, "", "quotes" },
	{ "name,category\nJane,m\"p\"\n", 2, "", "quotes" },
	{ "name,category,phone\nJane,mp,012345678901234567890123456789012345678901234567890\n",
	    2, "phone", "at most 50" },
	{ "name,category\n\xff\xfe,mp\n", 0, "", "UTF-8" },
	{ "name,category,lawful_basis\nJane,mp,gossip\n", 2, "lawful_basis",
	    "not a lawful basis" },
	{ "name,category,lawful_basis\nJane,mp,consent\n", 2, "basis_date",
	    "consent needs a date" },
	{ "name,category,lawful_basis,basis_date\nJane,mp,Consent,2025-03-15\n",
	    2, "basis_date", "in the future" },
	{ "name,category,basis_date\nJane,mp,14/03/2025\n", 2, "basis_date",
	    "YYYY-MM-DD" },
};
#define NPROBLEMS	(sizeof(problems) / sizeof(problems[0]))

START_TEST(test_problem_kinds)
{
	struct people_import	 out;

	ck_assert_int_eq(apply(problems[_i].csv, &out), DB_OK);
	assert_nothing_written();
	ck_assert_uint_ge(out.nproblems, 1);
	ck_assert_uint_eq(out.problems[0].row, problems[_i].row);
	ck_assert_str_eq(out.problems[0].column, problems[_i].column);
	ck_assert_msg(strstr(out.problems[0].message, problems[_i].message),
	    "\"%s\" has no \"%s\"", out.problems[0].message,
	    problems[_i].message);
}
END_TEST

START_TEST(test_problems_collected_per_row)
{
	static const char csv[] =
	    "name,category,email,house\n"
	    ",astronaut,nope,senate\n"
	    "Fine,mp,,lords\n"
	    "Also bad,mp,x@,\n";
	struct people_import	 out;

	ck_assert_int_eq(apply(csv, &out), DB_OK);
	ck_assert_uint_eq(out.nrows, 3);
	ck_assert_uint_eq(out.bad_rows, 2);
	ck_assert_uint_eq(out.rows[0].nproblems, 4);
	ck_assert_uint_eq(out.rows[1].nproblems, 0);
	ck_assert_uint_eq(out.rows[2].nproblems, 1);
	ck_assert_uint_eq(out.nproblems, 5);
	ck_assert_uint_eq(out.problems[4].row, 4);
	ck_assert_str_eq(out.problems[4].column, "email");
	assert_nothing_written();
}
END_TEST

START_TEST(test_quoted_fields)
{
	static const char csv[] =
	    "name,category,notes\r\n"
	    "\"Smith, Jane\",journalist,\"Line one\r\nLine two, with \"\"quotes\"\"\"\r\n"
	    "  Bob  , other ,\"  kept inside  \"\r\n";
	struct people_import	 out;

	ck_assert_msg(apply(csv, &out) == DB_OK, "%s", db.error);
	ck_assert_uint_eq(out.nproblems, 0);
	ck_assert_uint_eq(out.nrows, 2);
	ck_assert_str_eq(out.rows[0].cells[COL_NAME], "Smith, Jane");
	ck_assert_str_eq(out.rows[0].cells[COL_NOTES],
	    "Line one\r\nLine two, with \"quotes\"");
	ck_assert_str_eq(out.rows[1].cells[COL_NAME], "Bob");
	ck_assert_str_eq(out.rows[1].category, "other");
	ck_assert_str_eq(out.rows[1].cells[COL_NOTES], "kept inside");
	ck_assert_uint_eq(out.rows[1].row, 3);
	ck_assert_int_eq(count("SELECT COUNT(*) FROM people WHERE "
	    "full_name = 'Smith, Jane' AND notes LIKE 'Line one%quotes\"'"), 1);
}
END_TEST

START_TEST(test_bom_tolerated)
{
	static const char csv[] = "\xef\xbb\xbfname,category\r\nJane,mp\r\n";
	struct people_import	 out;

	ck_assert_int_eq(apply(csv, &out), DB_OK);
	ck_assert_uint_eq(out.nproblems, 0);
	ck_assert_uint_eq(out.added, 1);
}
END_TEST

static const char *const nothing_to_import[] = {
	"", "\xef\xbb\xbf", "\r\n\r\n", "name,category\r\n",
	"name,category\r\n\r\n,\r\n",
};
#define NNOTHING	(sizeof(nothing_to_import) / sizeof(nothing_to_import[0]))

START_TEST(test_empty_and_header_only)
{
	struct people_import	 out;

	ck_assert_int_eq(apply(nothing_to_import[_i], &out), DB_OK);
	ck_assert_uint_eq(out.nrows, 0);
	ck_assert_uint_eq(out.nproblems, 1);
	ck_assert_uint_eq(out.problems[0].row, 0);
	ck_assert_ptr_nonnull(strstr(out.problems[0].message,
	    _i < 3 ? "empty" : "no people"));
	assert_nothing_written();
}
END_TEST

START_TEST(test_template_imports)
{
	static const char	 header[] = "name,category,role,party,house,"
	    "constituency,organisation,email,phone,notes,lawful_basis,"
	    "basis_date,basis_note,source\r\n";
	const char		*t = people_import_template();
	struct people_import	 out;

	ck_assert_int_eq(strncmp(t, header, sizeof(header) - 1), 0);
	ck_assert_int_eq(people_import_check(&db, &a, TODAY, t, strlen(t),
	    &out), DB_OK);
	ck_assert_uint_eq(out.nproblems, 0);
	ck_assert_uint_eq(out.nrows, 1);
}
END_TEST

static Suite *
suite_people_import(void)
{
	Suite	*s = suite_create("people_import");
	TCase	*tc = tcase_create("import");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_valid_file_imported);
	tcase_add_test(tc, test_check_writes_nothing);
	tcase_add_test(tc, test_basis_defaults_and_columns);
	tcase_add_test(tc, test_one_bad_row_nothing_written);
	tcase_add_loop_test(tc, test_problem_kinds, 0, NPROBLEMS);
	tcase_add_test(tc, test_problems_collected_per_row);
	tcase_add_test(tc, test_quoted_fields);
	tcase_add_test(tc, test_bom_tolerated);
	tcase_add_loop_test(tc, test_empty_and_header_only, 0, NNOTHING);
	tcase_add_test(tc, test_template_imports);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite_people_import());
}
