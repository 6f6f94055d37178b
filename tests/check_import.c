/*
 * lib/import.c against a real MariaDB: Parliament members and ModernGov
 * councillors imported twice without duplicates, party and ward changes
 * kept as dated person_terms, departures retired, the team's own notes,
 * email and phone left alone, bad documents and failed runs changing
 * nothing, and the import_runs and audit rows of every run.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <mysql.h>

#include "arena.h"
#include "db.h"
#include "directory.h"
#include "import.h"
#include "import_parse.h"
#include "privacy_basis.h"
#include "testhelp.h"

static struct db	 db;
static struct conf	 conf;
static char		 msg[512];

static void
setup(void)
{
	th_db_open(&db, &conf);
	th_sql(&db, "DELETE FROM follow_ups; DELETE FROM engagement_people; "
	    "DELETE FROM engagement_organisations; DELETE FROM engagement_staff; "
	    "DELETE FROM engagement_policy_areas; DELETE FROM engagements; "
	    "DELETE FROM person_merges; DELETE FROM person_terms; "
	    "DELETE FROM import_runs; DELETE FROM people; "
	    "UPDATE organisations SET parent_id = NULL; "
	    "DELETE FROM organisations; "
	    "INSERT IGNORE INTO person_categories (code, label, decision_maker, "
	    "sort_order) VALUES ('peer', 'Peer', 1, 20)");
	th_reset(&db);
	msg[0] = '\0';
}

static void
teardown(void)
{
	th_db_close(&db, &conf);
}

/* Fixed test SQL's first cell, and as a number (see testhelp.h). */
static const char *
q(const char *sql)
{
	return th_cell(&db, sql);
}

static long long
qn(const char *sql)
{
	return th_num(&db, sql);
}

static char *
fixture(const char *name, size_t *len)
{
	const char	*top = getenv("top_srcdir");
	char		 path[1024], *data;

	snprintf(path, sizeof(path), "%s/tests/fixtures/%s", top ? top : ".",
	    name);
	ck_assert_msg(import_load(path, IMPORT_MAX_BYTES, &data, len, msg,
	    sizeof(msg)) == IMPORT_OK, "%s", msg);
	return data;
}

static enum import_err
parliament(const char *name, struct import_result *r)
{
	size_t		 len;
	char		*data = fixture(name, &len);
	enum import_err	 e;

	e = import_parliament(&db, "tester", data, len, name, r, msg,
	    sizeof(msg));
	free(data);
	return e;
}

static enum import_err
moderngov(long long council, const char *name, struct import_result *r)
{
	size_t		 len;
	char		*data = fixture(name, &len);
	enum import_err	 e;

	e = import_moderngov(&db, "tester", council, data, len, name, r, msg,
	    sizeof(msg));
	free(data);
	return e;
}

#define ck_counts(r, a, u, t, n) do { \
	ck_assert_int_eq((r).added, (a)); \
	ck_assert_int_eq((r).updated, (u)); \
	ck_assert_int_eq((r).retired, (t)); \
	ck_assert_int_eq((r).unchanged, (n)); \
} while (0)

/* Rows in every table an import writes, as one string to compare. */
static void
snapshot(char *out, size_t len)
{
	snprintf(out, len, "%lld/%lld/%lld/%lld/%lld",
	    qn("SELECT COUNT(*) FROM people"),
	    qn("SELECT COUNT(*) FROM person_terms"),
	    qn("SELECT COUNT(*) FROM import_runs"),
	    qn("SELECT COUNT(*) FROM audit_log"),
	    qn("SELECT IFNULL(SUM(version), 0) FROM people"));
}

START_TEST(test_parliament_twice)
{
	struct import_result	 r;

	ck_assert_msg(parliament("parliament-1.xml", &r) == IMPORT_OK, "%s", msg);
	/* 31 members; the former one we never knew is not added. */
	ck_counts(r, 30, 0, 0, 0);
	ck_assert_int_gt(r.run_id, 0);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM people"), 30);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM people WHERE parliament_id = 5099"), 0);
	ck_assert_str_eq(q("SELECT CONCAT_WS('|', full_name, category, party, "
	    "house, constituency, is_current) FROM people WHERE parliament_id = 5003"),
	    "Rupert Hale|mp|Conservative|commons|Kettleby & Moor|1");
	ck_assert_str_eq(q("SELECT CONCAT_WS('|', category, party, house, "
	    "constituency) FROM people WHERE parliament_id = 5025"),
	    "peer|Crossbench|lords|");
	ck_assert_str_eq(q("SELECT CONCAT_WS('|', t.started_on, t.party, "
	    "IFNULL(t.ended_on, 'open'), t.source) FROM person_terms t JOIN people "
	    "p ON p.id = t.person_id WHERE p.parliament_id = 5001"),
	    "2024-07-04|Labour|open|parliament");
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM person_terms WHERE "
	    "ended_on IS NULL"), 30);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM audit_log WHERE entity = "
	    "'person' AND action = 'create' AND actor = 'tester'"), 30);

	ck_assert_msg(parliament("parliament-1.xml", &r) == IMPORT_OK, "%s", msg);
	ck_counts(r, 0, 0, 0, 30);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM people"), 30);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM person_terms"), 30);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM audit_log"), 30);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM import_runs"), 2);
	ck_assert_str_eq(q("SELECT CONCAT_WS('|', kind, source, "
	    "IFNULL(organisation_id, 'none'), actor, added, updated, retired, "
	    "unchanged) FROM import_runs ORDER BY id"),
	    "parliament|parliament-1.xml|none|tester|30|0|0|0");
	ck_assert_str_eq(q("SELECT CONCAT_WS('|', added, unchanged) FROM "
	    "import_runs ORDER BY id DESC"), "0|30");
}
END_TEST

START_TEST(test_parliament_changes)
{
	struct import_result	 r;

	ck_assert_msg(parliament("parliament-1.xml", &r) == IMPORT_OK, "%s", msg);
	th_sql(&db, "UPDATE people SET notes = 'Met at party conference', "
	    "email = 'rupert@team.example.org', phone = '020 7946 0000' "
	    "WHERE parliament_id = 5003");

	ck_assert_msg(parliament("parliament-2.xml", &r) == IMPORT_OK, "%s", msg);
	ck_counts(r, 1, 1, 1, 28);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM people"), 31);

	/* The party switch: the team's fields kept, two dated terms. */
	ck_assert_str_eq(q("SELECT CONCAT_WS('|', party, notes, email, phone, "
	    "is_current) FROM people WHERE parliament_id = 5003"),
	    "Reform UK|Met at party conference|rupert@team.example.org|"
	    "020 7946 0000|1");
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM person_terms t JOIN people p "
	    "ON p.id = t.person_id WHERE p.parliament_id = 5003"), 2);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM person_terms t JOIN people p "
	    "ON p.id = t.person_id WHERE p.parliament_id = 5003 AND "
	    "t.party = 'Conservative' AND t.started_on = '2015-05-07' AND "
	    "t.ended_on = UTC_DATE()"), 1);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM person_terms t JOIN people p "
	    "ON p.id = t.person_id WHERE p.parliament_id = 5003 AND "
	    "t.party = 'Reform UK' AND t.started_on = UTC_DATE() AND "
	    "t.ended_on IS NULL AND t.source = 'parliament'"), 1);
	ck_assert_str_eq(q("SELECT a.action FROM audit_log a JOIN people p ON "
	    "p.id = a.entity_id WHERE p.parliament_id = 5003 ORDER BY a.id DESC"),
	    "update");

	/* The departure: not current, its term ended on the House end date. */
	ck_assert_int_eq(qn("SELECT is_current FROM people WHERE "
	    "parliament_id = 5007"), 0);
	ck_assert_str_eq(q("SELECT CONCAT_WS('|', t.started_on, t.ended_on) "
	    "FROM person_terms t JOIN people p ON p.id = t.person_id WHERE "
	    "p.parliament_id = 5007"), "2010-05-06|2025-03-14");
	ck_assert_str_eq(q("SELECT a.action FROM audit_log a JOIN people p ON "
	    "p.id = a.entity_id WHERE p.parliament_id = 5007 ORDER BY a.id DESC"),
	    "retire");

	/* The by-election winner. */
	ck_assert_str_eq(q("SELECT CONCAT_WS('|', p.full_name, p.constituency, "
	    "t.started_on, IFNULL(t.ended_on, 'open')) FROM people p JOIN "
	    "person_terms t ON t.person_id = p.id WHERE p.parliament_id = 5031"),
	    "Rebecca Thornley|Stanmoor|2025-05-01|open");

	/* And again: nothing left to do. */
	ck_assert_msg(parliament("parliament-2.xml", &r) == IMPORT_OK, "%s", msg);
	ck_counts(r, 0, 0, 0, 31);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM person_terms"), 32);
}
END_TEST

START_TEST(test_bad_documents_change_nothing)
{
	static const struct {
		const char	*file;
		enum import_err	 e;
		const char	*says;
	} cases[] = {
		{ "parliament-truncated.xml", IMPORT_MALFORMED, "truncated" },
		{ "parliament-malformed.xml", IMPORT_MALFORMED, "Partyy" },
		{ "empty.xml", IMPORT_EMPTY, "empty" },
		{ "rss.xml", IMPORT_WRONG_KIND, "<rss>" },
	};
	struct import_result	 r;
	char			 before[200], after[200];
	size_t			 i;

	ck_assert_msg(parliament("parliament-1.xml", &r) == IMPORT_OK, "%s", msg);
	snapshot(before, sizeof(before));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_int_eq(parliament(cases[i].file, &r), cases[i].e);
		ck_assert_msg(strstr(msg, cases[i].says) != NULL, "%s: %s",
		    cases[i].file, msg);
		ck_counts(r, 0, 0, 0, 0);
		snapshot(after, sizeof(after));
		ck_assert_str_eq(before, after);
	}
}
END_TEST

/* A failure part-way through (no 'peer' category) rolls everything back. */
START_TEST(test_failed_run_rolls_back)
{
	struct import_result	 r;

	th_sql(&db, "DELETE FROM person_categories WHERE code = 'peer'");
	ck_assert_int_eq(parliament("parliament-1.xml", &r), IMPORT_DB);
	ck_assert_msg(strstr(msg, "Baroness Whitcombe") != NULL, "%s", msg);
	ck_counts(r, 0, 0, 0, 0);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM people"), 0);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM person_terms"), 0);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM import_runs"), 0);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM audit_log"), 0);
}
END_TEST

static long long
add_org(const char *name, const char *kind)
{
	struct organisation	 o;

	memset(&o, 0, sizeof(o));
	o.name = name;
	o.kind = kind;
	o.medium = "";
	o.website = "";
	o.notes = "";
	ck_assert_msg(org_save(&db, "tester", &o) == DB_OK, "%s", db.error);
	return o.id;
}

START_TEST(test_moderngov)
{
	struct import_result	 r;
	long long		 north = add_org("Northbridge City Council", "council");
	long long		 south = add_org("Southmoor District Council", "council");
	long long		 ngo = add_org("Refugee Welcome Network", "ngo");
	char			 sql[512];

	ck_assert_msg(moderngov(north, "moderngov-1.xml", &r) == IMPORT_OK, "%s",
	    msg);
	ck_counts(r, 8, 0, 0, 0);
	snprintf(sql, sizeof(sql), "SELECT CONCAT_WS('|', full_name, category, "
	    "party, constituency, email, phone, organisation_id) FROM people "
	    "WHERE moderngov_id = '101' AND organisation_id = %lld", north);
	{
		char	 want[1024];

		snprintf(want, sizeof(want), "Jane Smith|councillor|Labour|"
		    "Abbey|jane.smith@northbridge.example.gov.uk|01632 960101|"
		    "%lld", north);
		ck_assert_str_eq(q(sql), want);
	}
	/* The same ids at another council are other people. */
	ck_assert_msg(moderngov(south, "moderngov-1.xml", &r) == IMPORT_OK, "%s",
	    msg);
	ck_counts(r, 8, 0, 0, 0);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM people"), 16);

	/* The team's own email is kept; an empty one is filled again. */
	th_sql(&db, "UPDATE people SET email = 'jane@team.example.org', "
	    "notes = 'Chairs the refugee forum' WHERE moderngov_id = '101'");
	th_sql(&db, "UPDATE people SET email = '' WHERE moderngov_id = '103'");

	ck_assert_msg(moderngov(north, "moderngov-2.xml", &r) == IMPORT_OK, "%s",
	    msg);
	ck_counts(r, 0, 3, 1, 4);
	snprintf(sql, sizeof(sql), "SELECT CONCAT_WS('|', email, notes) FROM "
	    "people WHERE moderngov_id = '101' AND organisation_id = %lld", north);
	ck_assert_str_eq(q(sql), "jane@team.example.org|Chairs the refugee forum");
	snprintf(sql, sizeof(sql), "SELECT email FROM people WHERE "
	    "moderngov_id = '103' AND organisation_id = %lld", north);
	ck_assert_str_eq(q(sql), "m.rafiq@northbridge.example.gov.uk");

	/* The ward change: Castle closed today, Riverside open, same council. */
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM person_terms t JOIN "
	    "people p ON p.id = t.person_id WHERE p.moderngov_id = '104' AND "
	    "p.organisation_id = %lld AND t.constituency = 'Castle' AND "
	    "t.ended_on = UTC_DATE() AND t.organisation_id = %lld", north, north);
	ck_assert_int_eq(qn(sql), 1);
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM person_terms t JOIN "
	    "people p ON p.id = t.person_id WHERE p.moderngov_id = '104' AND "
	    "p.organisation_id = %lld AND t.constituency = 'Riverside' AND "
	    "t.ended_on IS NULL AND t.source = 'moderngov' AND "
	    "t.organisation_id = %lld", north, north);
	ck_assert_int_eq(qn(sql), 1);
	/* The party change. */
	snprintf(sql, sizeof(sql), "SELECT GROUP_CONCAT(t.party ORDER BY t.id) "
	    "FROM person_terms t JOIN people p ON p.id = t.person_id WHERE "
	    "p.moderngov_id = '106' AND p.organisation_id = %lld", north);
	ck_assert_str_eq(q(sql), "Labour,Independent");
	/* The councillor gone: retired here, still current at Southmoor. */
	snprintf(sql, sizeof(sql), "SELECT GROUP_CONCAT(CONCAT(organisation_id "
	    "= %lld, ':', is_current) ORDER BY organisation_id = %lld) FROM "
	    "people WHERE moderngov_id = '108'", north, north);
	ck_assert_str_eq(q(sql), "0:1,1:0");
	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM person_terms t JOIN "
	    "people p ON p.id = t.person_id WHERE p.moderngov_id = '108' AND "
	    "p.organisation_id = %lld AND t.ended_on = UTC_DATE()", north);
	ck_assert_int_eq(qn(sql), 1);

	snprintf(sql, sizeof(sql), "SELECT CONCAT_WS('|', kind, "
	    "organisation_id = %lld, added, updated, retired, unchanged) FROM "
	    "import_runs ORDER BY id DESC", north);
	ck_assert_str_eq(q(sql), "moderngov|1|0|3|1|4");

	ck_assert_msg(moderngov(north, "moderngov-2.xml", &r) == IMPORT_OK, "%s",
	    msg);
	ck_counts(r, 0, 0, 0, 7);

	/* Not a council, or no such organisation: refused, nothing written. */
	ck_assert_int_eq(moderngov(ngo, "moderngov-1.xml", &r), IMPORT_NOT_FOUND);
	ck_assert_msg(strstr(msg, "not a council") != NULL, "%s", msg);
	ck_assert_int_eq(moderngov(ngo + 1000, "moderngov-1.xml", &r),
	    IMPORT_NOT_FOUND);
	ck_assert_int_eq(moderngov(north, "parliament-1.xml", &r),
	    IMPORT_WRONG_KIND);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM import_runs"), 4);
}
END_TEST

/*
 * Everyone an import adds holds a public role, with the register and the
 * day as the source; a known person with no basis gets the same on the
 * next run, while a basis the team recorded is left as it is.
 */
START_TEST(test_import_records_basis)
{
	struct import_result	 r;
	long long		 north = add_org("Northbridge City Council", "council");
	char			 today[11], want[160];

	privacy_today(today);
	ck_assert_msg(parliament("parliament-1.xml", &r) == IMPORT_OK, "%s", msg);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM people WHERE "
	    "lawful_basis IS NULL OR lawful_basis <> 'public_role'"), 0);
	snprintf(want, sizeof(want), "UK Parliament Members API, imported %s|%s",
	    today, today);
	ck_assert_str_eq(q("SELECT CONCAT_WS('|', data_source, basis_date) "
	    "FROM people WHERE parliament_id = 5003"), want);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM audit_log WHERE action = "
	    "'create' AND after_data LIKE '%\"lawful basis\":\"public_role\"%' "
	    "AND after_data LIKE '%UK Parliament Members API%'"), 30);

	/* One lost its basis (as before sql/010), one had consent recorded. */
	th_sql(&db, "UPDATE people SET lawful_basis = NULL, data_source = '', "
	    "basis_date = NULL WHERE parliament_id = 5003; "
	    "UPDATE people SET lawful_basis = 'consent', basis_date = "
	    "'2025-01-02', data_source = 'Met at surgery' "
	    "WHERE parliament_id = 5001");
	ck_assert_msg(parliament("parliament-1.xml", &r) == IMPORT_OK, "%s", msg);
	ck_counts(r, 0, 1, 0, 29);
	snprintf(want, sizeof(want), "public_role|UK Parliament Members API, "
	    "imported %s", today);
	ck_assert_str_eq(q("SELECT CONCAT_WS('|', lawful_basis, data_source) "
	    "FROM people WHERE parliament_id = 5003"), want);
	ck_assert_str_eq(q("SELECT CONCAT_WS('|', lawful_basis, basis_date, "
	    "data_source) FROM people WHERE parliament_id = 5001"),
	    "consent|2025-01-02|Met at surgery");

	ck_assert_msg(moderngov(north, "moderngov-1.xml", &r) == IMPORT_OK,
	    "%s", msg);
	snprintf(want, sizeof(want), "ModernGov: Northbridge City Council, "
	    "imported %s", today);
	ck_assert_int_eq(qn("SELECT COUNT(*) FROM people WHERE "
	    "moderngov_id IS NOT NULL"), 8);
	snprintf(want + strlen(want), sizeof(want) - strlen(want), "|8");
	{
		char	 sql[300];

		snprintf(sql, sizeof(sql), "SELECT CONCAT(MIN(data_source), '|', "
		    "COUNT(*)) FROM people WHERE organisation_id = %lld AND "
		    "lawful_basis = 'public_role' AND basis_date = '%s'", north,
		    today);
		ck_assert_str_eq(q(sql), want);
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("import");
	TCase	*tc = tcase_create("import");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_parliament_twice);
	tcase_add_test(tc, test_parliament_changes);
	tcase_add_test(tc, test_bad_documents_change_nothing);
	tcase_add_test(tc, test_failed_run_rolls_back);
	tcase_add_test(tc, test_moderngov);
	tcase_add_test(tc, test_import_records_basis);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
