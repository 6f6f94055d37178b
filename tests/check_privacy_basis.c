/*
 * lib/privacy_basis.c without a database: the table of bases, reading a
 * basis typed in a spreadsheet, the rules a recorded basis must meet
 * (consent needs a date, no date after today, a public role its source,
 * no note without a basis) and the sources the importers write.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "privacy_basis.h"
#include "testhelp.h"

static const char *const agreed[] = {
	"legitimate_interests", "consent", "public_task", "contract",
	"legal_obligation", "vital_interests", "public_role",
};

/* The table holds exactly the codes the helpers agreed on, labelled. */
START_TEST(test_table)
{
	size_t	 i, n;

	for (n = 0; lawful_bases[n].code != NULL; n++) {
		ck_assert_ptr_nonnull(lawful_bases[n].label);
		ck_assert_uint_le(strlen(lawful_bases[n].code), 40);
	}
	ck_assert_uint_eq(n, sizeof(agreed) / sizeof(agreed[0]));
	for (i = 0; i < n; i++)
		ck_assert_ptr_nonnull(privacy_basis(agreed[i]));
	ck_assert_str_eq(privacy_basis_label("public_role"),
	    "Legitimate interests: public role");
	ck_assert_str_eq(privacy_basis_label("consent"), "Consent");
	ck_assert_str_eq(privacy_basis_label(""), "Not recorded");
	ck_assert_str_eq(privacy_basis_label(NULL), "Not recorded");
	ck_assert_str_eq(privacy_basis_label("gossip"), "Not recorded");
	ck_assert_ptr_null(privacy_basis(PRIVACY_BASIS_NONE));
	ck_assert_int_eq(privacy_basis("consent")->needs_date, 1);
	ck_assert_int_eq(privacy_basis("public_role")->needs_source, 1);
	ck_assert_int_eq(privacy_basis("legitimate_interests")->needs_date, 0);
}
END_TEST

START_TEST(test_parse)
{
	ck_assert_str_eq(privacy_basis_parse("Consent"), "consent");
	ck_assert_str_eq(privacy_basis_parse("PUBLIC_ROLE"), "public_role");
	ck_assert_str_eq(privacy_basis_parse("legitimate interests: public "
	    "role"), "public_role");
	ck_assert_str_eq(privacy_basis_parse("Legitimate interests"),
	    "legitimate_interests");
	ck_assert_ptr_null(privacy_basis_parse(""));
	ck_assert_ptr_null(privacy_basis_parse("none"));
	ck_assert_ptr_null(privacy_basis_parse("consent "));
}
END_TEST

/* One case of privacy_basis_check(): which fields it finds in error. */
static const struct check_case {
	const char	*code, *date, *source, *note;
	int		 basis_bad, date_bad, source_bad;
} cases[] = {
	/* Nothing recorded is allowed (an older person, a quick add). */
	{ "", "", "", "", 0, 0, 0 },
	{ NULL, NULL, NULL, NULL, 0, 0, 0 },
	/* A source alone says where the details came from: fine. */
	{ "", "", "A conference list", "", 0, 0, 0 },
	{ "legitimate_interests", "", "", "", 0, 0, 0 },
	{ "legitimate_interests", "2025-01-31", "", "weighed", 0, 0, 0 },
	{ "consent", "2026-11-25", "", "newsletter", 0, 0, 0 },
	{ "consent", "2019-02-28", "", "", 0, 0, 0 },
	/* Consent needs the day it was given. */
	{ "consent", "", "", "said yes", 0, 1, 0 },
	/* Never a date after today. */
	{ "consent", "2026-11-26", "", "", 0, 1, 0 },
	{ "public_task", "2031-01-01", "", "", 0, 1, 0 },
	/* A date must exist. */
	{ "consent", "2026-02-30", "", "", 0, 1, 0 },
	{ "consent", "25/11/2026", "", "", 0, 1, 0 },
	/* A public role says where it is published. */
	{ "public_role", "", "", "", 0, 0, 1 },
	{ "public_role", "", "UK Parliament Members API", "", 0, 0, 0 },
	/* Codes come from the table only. */
	{ "gossip", "", "", "", 1, 0, 0 },
	{ "none", "", "", "", 1, 0, 0 },
	{ "Consent", "2026-01-01", "", "", 1, 0, 0 },
	/* A note or a date with no basis describes nothing. */
	{ "", "", "", "they said yes", 1, 0, 0 },
	{ "", "2026-01-01", "", "", 1, 0, 0 },
	/* Several at once, each beside its field. */
	{ "public_role", "2099-12-31", "", "", 0, 1, 1 },
};

START_TEST(test_check)
{
	const struct check_case	*c = &cases[_i];
	struct basis_problems	 p;
	int			 n;

	n = privacy_basis_check(c->code, c->date, c->source, c->note,
	    "2026-11-25", &p);
	ck_assert_msg((p.basis != NULL) == c->basis_bad, "case %d basis: %s",
	    _i, p.basis ? p.basis : "(none)");
	ck_assert_msg((p.date != NULL) == c->date_bad, "case %d date: %s",
	    _i, p.date ? p.date : "(none)");
	ck_assert_msg((p.source != NULL) == c->source_bad,
	    "case %d source: %s", _i, p.source ? p.source : "(none)");
	ck_assert_int_eq(n, c->basis_bad + c->date_bad + c->source_bad);
}
END_TEST

START_TEST(test_check_messages)
{
	struct basis_problems	 p;
	char			 longer[400];

	privacy_basis_check("consent", "", "", "", "2026-11-25", &p);
	ck_assert_ptr_nonnull(strstr(p.date, "consent needs a date"));
	privacy_basis_check("consent", "2026-12-01", "", "", "2026-11-25", &p);
	ck_assert_str_eq(p.date, "The date cannot be in the future.");
	memset(longer, 'x', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	ck_assert_int_eq(privacy_basis_check("contract", "", longer, "",
	    "2026-11-25", &p), 1);
	ck_assert_ptr_nonnull(strstr(p.source, "300"));
}
END_TEST

START_TEST(test_sources)
{
	struct arena	 a;
	char		 name[400];
	const char	*s;

	arena_init(&a);
	ck_assert_str_eq(privacy_source_parliament(&a, "2026-11-25"),
	    "UK Parliament Members API, imported 2026-11-25");
	ck_assert_str_eq(privacy_source_moderngov(&a, "Leeds City Council",
	    "2026-11-25"),
	    "ModernGov: Leeds City Council, imported 2026-11-25");
	ck_assert_str_eq(privacy_source_spreadsheet(&a, "journalists.csv",
	    "2026-11-25"), "Spreadsheet import: journalists.csv, 2026-11-25");
	ck_assert_str_eq(privacy_source_spreadsheet(&a, "", "2026-11-25"),
	    "Spreadsheet import: upload.csv, 2026-11-25");
	/* A long name is cut so that the date still fits. */
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	s = privacy_source_spreadsheet(&a, name, "2026-11-25");
	ck_assert_uint_le(strlen(s), PRIVACY_SOURCE_MAX);
	ck_assert_str_eq(s + strlen(s) - 12, ", 2026-11-25");
	arena_free(&a);
}
END_TEST

START_TEST(test_today)
{
	char	 d[11];

	privacy_today(d);
	ck_assert_uint_eq(strlen(d), 10);
	ck_assert_int_eq(d[4], '-');
	ck_assert_int_eq(d[7], '-');
	ck_assert_str_gt(d, "2020-01-01");
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("privacy_basis");
	TCase	*tc = tcase_create("basis");

	tcase_add_test(tc, test_table);
	tcase_add_test(tc, test_parse);
	tcase_add_loop_test(tc, test_check, 0,
	    (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_check_messages);
	tcase_add_test(tc, test_sources);
	tcase_add_test(tc, test_today);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
