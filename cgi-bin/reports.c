/*
 * reports.fcgi: /reports -- the board dashboard of the strategy's KPIs
 * (/reports/dashboard?year=2024-25&month=2025-03), freezing a month for
 * the board and the frozen packs (/reports/snapshots), one KPI's page
 * with its months, where editors enter the months of KPIs kept by hand
 * (/reports/kpis/ID), and the decision log (/reports/decisions); the
 * policy engagement report (/reports/engagement) is in
 * report_engagement.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "directory.h"
#include "engagements.h"
#include "form.h"
#include "kpi.h"
#include "reports.h"
#include "strategy.h"
#include "ui.h"
#include "ui_dashboard.h"
#include "utf8.h"

static long long
id_param(const char *s)
{
	return s != NULL && validate_integer(s) == NULL ? strtoll(s, NULL, 10) : 0;
}

/*
 * The strategy and year a page asks for: "year" as 2024-25, else the
 * year of today in the current strategy (within its years).  On failure
 * the error page is set and -1 returned.
 */
static int
strategy_year(struct ctx *c, const char *param, struct strategy *s, int *year)
{
	char		 today[11];
	enum db_err	 e;

	app_today(today);
	if (param != NULL && *param != '\0') {
		if (kpi_year_parse(param, year) == -1) {
			app_error(c, 400, "Give the year as 2024-25.");
			return -1;
		}
		e = strat_for_year(c->db, &c->arena, *year, s);
	} else if ((e = strat_current(c->db, &c->arena, today, s)) == DB_OK) {
		*year = kpi_year_of(today, s->start_month);
		if (*year < s->first_year)
			*year = s->first_year;
		if (*year >= s->first_year + s->years)
			*year = s->first_year + s->years - 1;
	}
	if (e == DB_NOTFOUND)
		app_error(c, 404, "No strategy covers that year. An admin can "
		    "add one under Admin, Strategy and KPIs.");
	else if (e != DB_OK)
		app_db_error(c, e);
	return e == DB_OK ? 0 : -1;
}

static void
index_get(struct ctx *c)
{
	app_begin_page(c);
	ui_reports_index(&c->html, &c->session);
}

/* How many snapshots of the dashboard's month there are already. */
static enum db_err
frozen_count(struct ctx *c, const struct dashboard *d, size_t *n)
{
	struct kpi_snapshot	*s;
	size_t			 count, i;
	enum db_err		 e;

	*n = 0;
	e = kpi_snapshots(c->db, &c->arena, d->strategy_id, &s, &count);
	for (i = 0; e == DB_OK && i < count; i++)
		if (strcmp(s[i].month, d->months[d->month]) == 0)
			(*n)++;
	return e;
}

static void
dashboard_get(struct ctx *c)
{
	struct dashboard_view	 v;
	struct dashboard	 d;
	struct strategy		 s;
	const char		*m = req_query(&c->req, "month");
	char			 today[11];
	int			 year, month;
	enum db_err		 e;

	if (strategy_year(c, req_query(&c->req, "year"), &s, &year) == -1)
		return;
	memset(&v, 0, sizeof(v));
	app_today(today);
	month = kpi_default_month(year, s.start_month, today);
	if (m != NULL && *m != '\0') {
		if (kpi_month_index(m, year, s.start_month) >= 0)
			month = kpi_month_index(m, year, s.start_month);
		else
			v.problem = "That month is not in this strategy year: "
			    "showing the latest complete month instead.";
	}
	if ((e = kpi_dashboard(c->db, &c->arena, &s, year, month, &d)) != DB_OK ||
	    (e = frozen_count(c, &d, &v.frozen_before)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.session = &c->session;
	v.d = &d;
	v.strategy = &s;
	app_begin_page(c);
	ui_dashboard(&c->html, &v);
}

static void
freeze_post(struct ctx *c)
{
	struct dashboard	 d;
	struct strategy		 s;
	const char		*m = req_form(&c->req, "month");
	const char		*y = req_form(&c->req, "year");
	long long		 id;
	int			 year, month;
	enum db_err		 e;

	if (y == NULL || *y == '\0' || m == NULL) {
		app_error(c, 400, "Say which year and month to freeze.");
		return;
	}
	if (strategy_year(c, y, &s, &year) == -1)
		return;
	if ((month = kpi_month_index(m, year, s.start_month)) < 0) {
		app_error(c, 400, "That month is not in that strategy year.");
		return;
	}
	if ((e = kpi_dashboard(c->db, &c->arena, &s, year, month, &d)) != DB_OK ||
	    (e = kpi_snapshot_freeze(c->db, app_actor(c), &d, &id)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	resp_redirect(&c->resp, arena_printf(&c->arena,
	    "/reports/snapshots/%lld?frozen=1", id));
}

static void
snapshots_get(struct ctx *c)
{
	struct snapshots_view	 v;
	struct kpi_snapshot	*s;
	enum db_err		 e;

	memset(&v, 0, sizeof(v));
	if ((e = kpi_snapshots(c->db, &c->arena, 0, &s, &v.n)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.session = &c->session;
	v.snapshots = s;
	app_begin_page(c);
	ui_snapshots(&c->html, &v);
}

static void
snapshot_get(struct ctx *c)
{
	struct dashboard_view	 v;
	struct dashboard	 d;
	enum db_err		 e;

	e = kpi_snapshot_get(c->db, &c->arena, c->id, &d);
	if (e == DB_NOTFOUND) {
		app_error(c, 404, "There is no frozen board pack with that "
		    "number.");
		return;
	}
	if (e != DB_OK) {
		app_db_error(c, e);
		return;
	}
	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.d = &d;
	if (req_query(&c->req, "frozen"))
		v.notice = "Frozen. This is the board pack for the month: it "
		    "will not change, whatever is recorded later.";
	app_begin_page(c);
	ui_dashboard(&c->html, &v);
}

static void
decisions_get(struct ctx *c)
{
	struct decisions_view	 v;
	struct strategy		*list;
	struct strat_decision	*d;
	enum db_err		 e;

	memset(&v, 0, sizeof(v));
	v.chosen = id_param(req_query(&c->req, "strategy"));
	if ((e = strat_list(c->db, &c->arena, &list, &v.nstrategies)) != DB_OK ||
	    (e = strat_decisions(c->db, &c->arena, v.chosen, &d, &v.n)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.session = &c->session;
	v.strategies = list;
	v.decisions = d;
	app_begin_page(c);
	ui_decisions(&c->html, &v);
}

/* One KPI's page. */

/* Options (code, label) of the engagement types, categories and areas. */
static enum db_err
rule_labels(struct ctx *c, struct kpi_page_view *v)
{
	struct code_label	*types;
	struct category		*cats;
	struct policy_area	*areas;
	struct option		*o;
	size_t			 n, i;
	enum db_err		 e;

	if ((e = engagement_types(c->db, &c->arena, &types, &n)) != DB_OK)
		return e;
	if ((o = arena_alloc(&c->arena, (n + 1) * sizeof(*o))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++)
		o[i] = (struct option){ types[i].code, types[i].label };
	v->types = o;
	v->ntypes = n;
	if ((e = categories_list(c->db, &c->arena, &cats, &n)) != DB_OK)
		return e;
	if ((o = arena_alloc(&c->arena, (n + 1) * sizeof(*o))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++)
		o[i] = (struct option){ cats[i].code, cats[i].label };
	v->categories = o;
	v->ncategories = n;
	if ((e = policy_areas_list(c->db, &c->arena, 1, &areas, &n)) != DB_OK)
		return e;
	if ((o = arena_alloc(&c->arena, (n + 1) * sizeof(*o))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++)
		o[i] = (struct option){ arena_printf(&c->arena, "%lld",
		    areas[i].id), areas[i].name };
	v->areas = o;
	v->nareas = n;
	return DB_OK;
}

/* Everything the KPI page shows for year (0: the year of today). */
static enum db_err
kpi_page_load(struct ctx *c, struct kpi_info *k, struct strategy *s,
    int year, struct kpi_page_view *v)
{
	struct kpi_target	*targets;
	struct kpi_value	*values;
	struct kpi_rule		*rule;
	char			 today[11];
	enum db_err		 e;

	if ((e = kpi_info_get(c->db, &c->arena, c->id, k)) != DB_OK ||
	    (e = strat_get(c->db, &c->arena, k->strategy_id, s)) != DB_OK ||
	    (e = kpi_targets_get(c->db, &c->arena, c->id, &targets,
	    &v->ntargets)) != DB_OK)
		return e;
	app_today(today);
	if (year == 0)
		year = kpi_year_of(today, s->start_month);
	if (year < s->first_year || year >= s->first_year + s->years)
		year = year < s->first_year ? s->first_year :
		    s->first_year + s->years - 1;
	v->session = &c->session;
	v->kpi = k;
	v->year = year;
	v->start_month = s->start_month;
	v->first_year = s->first_year;
	v->years = s->years;
	v->targets = targets;
	if (k->counted) {
		if ((rule = arena_alloc(&c->arena, sizeof(*rule))) == NULL)
			return DB_NOMEM;
		v->rule = rule;
		if ((e = kpi_rule_get(c->db, &c->arena, c->id, rule)) != DB_OK ||
		    (e = rule_labels(c, v)) != DB_OK)
			return e;
		return kpi_months(c->db, &c->arena, c->id, year, s->start_month,
		    v->counts, &v->year_count);
	}
	if ((values = arena_alloc(&c->arena, KPI_MONTHS *
	    sizeof(*values))) == NULL)
		return DB_NOMEM;
	v->values = values;
	return kpi_values_year(c->db, &c->arena, c->id, year, s->start_month,
	    values);
}

/* The KPI page for year, with a refused month if any. */
static void
show_kpi_page(struct ctx *c, int year, const struct kpi_value_problem *p,
    const char *notice)
{
	struct kpi_page_view	 v;
	struct kpi_info		 k;
	struct strategy		 s;
	enum db_err		 e;

	memset(&v, 0, sizeof(v));
	e = kpi_page_load(c, &k, &s, year, &v);
	if (e == DB_NOTFOUND) {
		app_error(c, 404, "There is no KPI with that number.");
		return;
	}
	if (e != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.problem = p;
	v.notice = notice;
	app_begin_page(c);
	ui_kpi_page(&c->html, &v);
}

static void
kpi_get(struct ctx *c)
{
	const char	*y = req_query(&c->req, "year");
	int		 year = 0;

	if (y != NULL && *y != '\0' && kpi_year_parse(y, &year) == -1) {
		app_error(c, 400, "Give the year as 2024-25.");
		return;
	}
	show_kpi_page(c, year, NULL, req_query(&c->req, "saved") ?
	    "Saved." : NULL);
}

/*
 * The strategy year of a "YYYY-MM" month for the route's KPI, or 0; k and
 * s get the KPI and its strategy.
 */
static int
year_of_month(struct ctx *c, const char *month, struct kpi_info *k,
    struct strategy *s)
{
	char	 date[11];

	if (month == NULL || strlen(month) != 7 ||
	    kpi_info_get(c->db, &c->arena, c->id, k) != DB_OK ||
	    strat_get(c->db, &c->arena, k->strategy_id, s) != DB_OK)
		return 0;
	snprintf(date, sizeof(date), "%s-01", month);
	if (validate_date(date) != NULL)
		return 0;
	return kpi_year_of(date, s->start_month);
}

/* The page again with the month's message beside what was typed. */
static void
refuse_value(struct ctx *c, int status, int year, const char *month,
    const char *message)
{
	struct kpi_value_problem p;

	p.month = month;
	p.value = req_form(&c->req, "value") ? req_form(&c->req, "value") : "";
	p.note = req_form(&c->req, "note") ? req_form(&c->req, "note") : "";
	p.message = message;
	c->resp.status = status;
	show_kpi_page(c, year, &p, NULL);
}

/* What is wrong with a posted month's value, or NULL. */
static const char *
value_problem(const char *value, const char *note)
{
	if (value == NULL || *value == '\0')
		return "Enter the month's value.";
	if (kpi_number_problem(value) != NULL)
		return kpi_number_problem(value);
	if (note != NULL && utf8_length(note) > 500)
		return "Keep the note to 500 characters.";
	return NULL;
}

static void
value_post(struct ctx *c)
{
	const char	*month = req_form(&c->req, "month");
	const char	*value = req_form(&c->req, "value");
	const char	*note = req_form(&c->req, "note");
	const char	*op = req_form(&c->req, "op");
	const char	*problem;
	int		 version = (int)id_param(req_form(&c->req, "version"));
	int		 deleting = op != NULL && strcmp(op, "delete") == 0;
	int		 year;
	char		 label[10];
	struct kpi_info	 k;
	struct strategy	 s;
	enum db_err	 e;

	if ((year = year_of_month(c, month, &k, &s)) == 0) {
		app_error(c, 404, "There is no such KPI, or no such month.");
		return;
	}
	if (k.counted) {
		app_error(c, 400, "This KPI is counted from engagements: it "
		    "takes no values by hand.");
		return;
	}
	if (!deleting && (problem = value_problem(value, note)) != NULL) {
		refuse_value(c, 400, year, month, problem);
		return;
	}
	e = deleting ? kpi_value_delete(c->db, app_actor(c), c->id, month,
	    version) : kpi_value_save(c->db, app_actor(c), c->id, month, value,
	    note, version);
	if (e == DB_CONFLICT) {
		refuse_value(c, 409, year, month, "Someone changed this month "
		    "since you opened the page: the saved value is in the "
		    "table, yours is in the form. Save again to replace it.");
		return;
	}
	if (e != DB_OK) {
		app_db_error(c, e);
		return;
	}
	strat_year_label(year, s.start_month, label);
	resp_redirect(&c->resp, arena_printf(&c->arena,
	    "/reports/kpis/%lld?year=%s&saved=1", c->id, label));
}

static const struct route routes[] = {
	{ "/reports", index_get, NULL, 0, ROLE_VIEWER },
	{ "/reports/dashboard", dashboard_get, NULL, 0, ROLE_VIEWER },
	{ "/reports/dashboard/freeze", NULL, freeze_post, 0, ROLE_EDITOR },
	{ "/reports/snapshots", snapshots_get, NULL, 0, ROLE_VIEWER },
	{ "/reports/snapshots/:id", snapshot_get, NULL, 0, ROLE_VIEWER },
	{ "/reports/decisions", decisions_get, NULL, 0, ROLE_VIEWER },
	{ "/reports/engagement", report_engagement_get, NULL, 0, ROLE_VIEWER },
	{ "/reports/kpis/:id", kpi_get, NULL, 0, ROLE_VIEWER },
	{ "/reports/kpis/:id/values", NULL, value_post, 0, ROLE_EDITOR },
};

int
main(void)
{
	const struct app app = { "reports", routes,
	    sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
