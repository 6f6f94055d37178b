/*
 * lib/strategy_form.c and lib/kpi_form.c against a real MariaDB with the
 * seeded HIAS+JCORE strategy, without HTTP: the kind a path names, an
 * item loaded with its strategy, parent and years, a new item's
 * defaults, refused forms keeping what was typed (the checks across
 * fields among them), the 409 rows, a KPI's targets fields and reading
 * its rule's ticked boxes back.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "db.h"
#include "form.h"
#include "kpi_form.h"
#include "request.h"
#include "strategy.h"
#include "strategy_form.h"
#include "testhelp.h"
#include "ui.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;
static struct strat_tree tree;		/* the seeded strategy */

static void
setup(void)
{
	struct strategy	 s;

	th_db_open(&db, &conf);
	arena_init(&a);
	ck_assert_int_eq(strat_for_year(&db, &a, 2024, &s), DB_OK);
	ck_assert_int_eq(strat_tree(&db, &a, s.id, &tree), DB_OK);
	ck_assert_uint_gt(tree.nobjectives, 0);
	ck_assert_uint_gt(tree.nkpis, 0);
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

/* The seeded KPI whose code is code. */
static const struct strat_kpi *
kpi_coded(const char *code)
{
	size_t	 i;

	for (i = 0; i < tree.nkpis; i++)
		if (strcmp(tree.kpis[i].code, code) == 0)
			return &tree.kpis[i];
	ck_abort_msg("no KPI %s in the seeded strategy", code);
	return NULL;
}

START_TEST(test_kind_from_path)
{
	ck_assert_int_eq(strat_form_kind("/admin/strategy/goals/new"),
	    SK_GOAL);
	ck_assert_int_eq(strat_form_kind("/admin/strategy/kpis/4/edit"),
	    SK_KPI);
	ck_assert_int_eq(strat_form_kind("/admin/strategy/aims/1/drop"),
	    SK_AIM);
	ck_assert_int_eq(strat_form_kind("/admin/strategy/objectives/new"),
	    SK_OBJECTIVE);
	ck_assert_int_eq(strat_form_kind("/admin/strategy/strategies/new"),
	    SK_STRATEGY);
	/* "kpisx" is not "kpis"; a path elsewhere names no kind. */
	ck_assert_int_eq(strat_form_kind("/admin/strategy/kpisx/1"),
	    SK_STRATEGY);
	ck_assert_int_eq(strat_form_kind("/admin"), SK_STRATEGY);
}
END_TEST

/* A new aim knows its strategy; a missing parent or item is not found. */
START_TEST(test_load_new_and_missing)
{
	struct strat_form	 x;

	ck_assert_int_eq(strat_form_load(&db, &a, SK_AIM, 0,
	    tree.strategy.id, &x), DB_OK);
	ck_assert_int_eq(x.item.strategy_id, tree.strategy.id);
	ck_assert_int_eq(x.item.parent_id, tree.strategy.id);
	ck_assert_str_eq(x.parent_code, tree.strategy.name);
	ck_assert_uint_eq(x.nfields, AIM__FIELDS + STRAT_FORM_EXTRA);
	ck_assert_str_eq(x.fields[AIM__FIELDS].name, "reason");
	ck_assert_int_eq(strat_form_load(&db, &a, SK_AIM, 0, 999999, &x),
	    DB_NOTFOUND);
	ck_assert_int_eq(strat_form_load(&db, &a, SK_KPI, 999999, 0, &x),
	    DB_NOTFOUND);
}
END_TEST

/* A goal is set in one of its strategy's years, the first by default. */
START_TEST(test_goal_years_and_defaults)
{
	struct strat_form	 x;
	struct form		 f;
	const struct field_option *years;

	ck_assert_int_eq(strat_form_load(&db, &a, SK_GOAL, 0,
	    tree.objectives[0].id, &x), DB_OK);
	years = x.fields[GOAL_YEAR].options;
	ck_assert_str_eq(years[0].value, "2024");
	ck_assert_str_eq(years[0].label, "2024-25");
	ck_assert_str_eq(years[2].label, "2026-27");
	ck_assert_ptr_null(years[3].value);
	strat_form_defaults(&a, &x, "2031-05-06");
	ck_assert_int_eq(strat_form_fill(&a, &x, &f), 0);
	ck_assert_str_eq(f.values[GOAL_YEAR].value, "2024");
	ck_assert_str_eq(f.values[GOAL_TEXT].value, "");
	ck_assert_str_eq(f.values[GOAL__FIELDS + 1].value, "0");
	ck_assert_int_eq(strtoll(form_value(&f, "parent"), NULL, 10),
	    tree.objectives[0].id);
	ck_assert_int_eq(strat_form_load(&db, &a, SK_STRATEGY, 0, 0, &x),
	    DB_OK);
	strat_form_defaults(&a, &x, "2031-05-06");
	ck_assert_str_eq(x.item.values[ST_FIRST_YEAR], "2031");
	ck_assert_str_eq(x.item.values[ST_YEARS], "3");
}
END_TEST

/* A refused strategy keeps every value typed; at risk above on track. */
START_TEST(test_strategy_refused_keeps_what_was_typed)
{
	struct params		 in = th_params(&a, "name=Next+one&first_year=2027"
	    "&years=3&start_month=7&on_track_pct=60&at_risk_pct=80"
	    "&reason=+++&version=0&parent=0");
	struct strat_form	 x;
	struct form		 f;

	ck_assert_int_eq(strat_form_load(&db, &a, SK_STRATEGY, 0, 0, &x),
	    DB_OK);
	ck_assert_int_eq(form_read(&f, &a, x.fields, x.nfields, &in), 1);
	ck_assert_str_eq(f.values[ST__FIELDS].error,
	    "Reason for this change is required.");
	strat_form_check(&x, &f);
	ck_assert_uint_eq(f.nerrors, 2);
	ck_assert_str_eq(f.values[ST_AT_RISK].error,
	    "At risk must start at or below on track.");
	ck_assert_str_eq(f.values[ST_AT_RISK].value, "80");
	ck_assert_str_eq(f.values[ST_NAME].value, "Next one");
	/* Equal thresholds are allowed. */
	in = th_params(&a, "name=N&first_year=2027&years=3&start_month=7"
	    "&on_track_pct=70&at_risk_pct=70&reason=why");
	ck_assert_int_eq(form_read(&f, &a, x.fields, x.nfields, &in), 0);
	strat_form_check(&x, &f);
	ck_assert_uint_eq(f.nerrors, 0);
}
END_TEST

/* Each kind's own validators: codes, orders, years. */
START_TEST(test_item_validators)
{
	struct params		 in = th_params(&a, "code=A+1&name=Aim&statement="
	    "&sort_order=1000000&reason=why");
	struct strat_form	 x;
	struct form		 f;

	ck_assert_int_eq(strat_form_load(&db, &a, SK_AIM, 0,
	    tree.strategy.id, &x), DB_OK);
	ck_assert_int_eq(form_read(&f, &a, x.fields, x.nfields, &in), 2);
	ck_assert_ptr_nonnull(strstr(f.values[AIM_CODE].error, "such as A1a"));
	ck_assert_str_eq(f.values[AIM_SORT].error,
	    "Enter a whole number; lower numbers come first.");
	ck_assert_str_eq(f.values[AIM_CODE].value, "A 1");
	ck_assert_int_eq(strat_form_load(&db, &a, SK_STRATEGY, 0, 0, &x),
	    DB_OK);
	in = th_params(&a, "name=N&first_year=1899&years=11&start_month=13"
	    "&on_track_pct=1001&at_risk_pct=-1&reason=why");
	ck_assert_int_eq(form_read(&f, &a, x.fields, x.nfields, &in), 5);
	ck_assert_str_eq(f.values[ST_FIRST_YEAR].error,
	    "Enter a year from 1900 to 2200.");
	ck_assert_str_eq(f.values[ST_YEARS].error,
	    "A strategy runs from 1 to 10 years.");
}
END_TEST

/* A saved KPI fills its form; the 409 rows end with whether dropped. */
START_TEST(test_fill_and_conflict_rows)
{
	const struct strat_kpi	*k = kpi_coded("A1a");
	struct strat_form	 x;
	struct strat_item	 now;
	struct conflict_row	*rows;
	struct form		 f;
	size_t			 n;

	ck_assert_int_eq(strat_form_load(&db, &a, SK_KPI, k->id, 0, &x), DB_OK);
	ck_assert_int_eq(strat_form_fill(&a, &x, &f), 0);
	ck_assert_str_eq(f.values[KPI_CODE].value, "A1a");
	ck_assert_int_eq(atoi(f.values[KPI__FIELDS + 1].value), k->version);
	f.values[KPI_LABEL].value = "Mine";
	now = x.item;
	now.dropped = 1;
	ck_assert_int_eq(strat_form_conflict_rows(&a, &x, &f, &now, &rows, &n),
	    0);
	ck_assert_uint_eq(n, KPI__FIELDS + 1);
	ck_assert_str_eq(rows[KPI_LABEL].label, "Performance indicator");
	ck_assert_str_eq(rows[KPI_LABEL].yours, "Mine");
	ck_assert_str_eq(rows[KPI_LABEL].theirs, x.item.values[KPI_LABEL]);
	ck_assert_str_eq(rows[KPI__FIELDS].label, "Dropped");
	ck_assert_str_eq(rows[KPI__FIELDS].yours, "no");
	ck_assert_str_eq(rows[KPI__FIELDS].theirs, "yes");
}
END_TEST

/* One target field per strategy year; a refused one keeps what was typed. */
START_TEST(test_targets_fields)
{
	const struct strat_kpi	*k = kpi_coded("A1a");
	struct kpi_targets_form	 t;
	struct params		 in = th_params(&a, "target_2024=abc&target_2025=5"
	    "&target_2026=&reason=why");
	struct form		 f;

	ck_assert_int_eq(kpi_form_targets_load(&db, &a, k->id, &t), DB_OK);
	ck_assert_uint_eq(t.n, 3);
	ck_assert_uint_eq(t.nfields, 3 + STRAT_FORM_EXTRA);
	ck_assert_str_eq(t.fields[0].name, "target_2024");
	ck_assert_str_eq(t.fields[0].label, "Target for 2024-25");
	ck_assert_str_eq(t.fields[3].name, "reason");
	ck_assert_int_eq(form_read(&f, &a, t.fields, t.nfields, &in), 1);
	ck_assert_ptr_nonnull(f.values[0].error);
	ck_assert_str_eq(f.values[0].value, "abc");
	ck_assert_str_eq(f.values[1].value, "5");
	ck_assert_int_eq(kpi_form_targets_fill(&a, &t, &f), 0);
	ck_assert_int_eq(atoi(f.values[t.n + 1].value), k->version);
	ck_assert_int_eq(kpi_form_targets_load(&db, &a, 999999, &t),
	    DB_NOTFOUND);
}
END_TEST

/* Ticks are read back as sent; one not on offer is refused, kept. */
START_TEST(test_rule_read)
{
	const struct strat_kpi	*k = kpi_coded("A1a");
	struct kpi_rule_form	 r;
	struct params		 in = th_params(&a, "measure=people&newness=new"
	    "&decision_makers=1&reason=why&type=meeting&type=bogus");
	struct form		 f;
	char			 body[256];

	ck_assert_int_eq(kpi_form_rule_load(&db, &a, k->id, &r), DB_OK);
	ck_assert_uint_gt(r.nopts[RULE_AREA], 0);
	ck_assert_int_eq(kpi_form_rule_fill(&a, &r, &f), 0);
	ck_assert_str_eq(f.values[RULE_MEASURE].value, r.rule.measure);
	ck_assert_str_eq(r.groups[RULE_TYPE].name, "type");
	ck_assert_int_eq(form_read(&f, &a, r.fields, RULE__FIELDS +
	    STRAT_FORM_EXTRA, &in), 0);
	ck_assert_ptr_nonnull(strstr(kpi_form_rule_read(&a, &r, &in, &f),
	    "not on offer"));
	ck_assert_uint_eq(r.groups[RULE_TYPE].nchosen, 2);
	ck_assert_str_eq(r.groups[RULE_TYPE].chosen[1], "bogus");
	snprintf(body, sizeof(body), "measure=organisations&newness=any"
	    "&decision_makers=0&reason=why&type=meeting&medium=print"
	    "&kind=council&area=%s", r.opts[RULE_AREA][0].value);
	in = th_params(&a, body);
	ck_assert_int_eq(form_read(&f, &a, r.fields, RULE__FIELDS +
	    STRAT_FORM_EXTRA, &in), 0);
	ck_assert_ptr_null(kpi_form_rule_read(&a, &r, &in, &f));
	ck_assert_str_eq(r.rule.measure, "organisations");
	ck_assert_int_eq(r.rule.decision_makers, 0);
	ck_assert_uint_eq(r.rule.ntypes, 1);
	ck_assert_str_eq(r.rule.media[0], "print");
	ck_assert_str_eq(r.rule.kinds[0], "council");
	ck_assert_uint_eq(r.rule.ncategories, 0);
	ck_assert_uint_eq(r.rule.nareas, 1);
	ck_assert_int_eq(r.rule.areas[0],
	    strtoll(r.opts[RULE_AREA][0].value, NULL, 10));
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("strategy_form");
	TCase	*tc = tcase_create("strategy_form");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_kind_from_path);
	tcase_add_test(tc, test_load_new_and_missing);
	tcase_add_test(tc, test_goal_years_and_defaults);
	tcase_add_test(tc, test_strategy_refused_keeps_what_was_typed);
	tcase_add_test(tc, test_item_validators);
	tcase_add_test(tc, test_fill_and_conflict_rows);
	tcase_add_test(tc, test_targets_fields);
	tcase_add_test(tc, test_rule_read);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
