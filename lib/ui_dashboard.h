/*
 * Renderers for the reports: the index, the board dashboard (live, or a
 * frozen snapshot), the list of snapshots, one KPI's page with its months
 * (and the forms that enter them), and the decision log.  They take what
 * to show and a writer; none queries or reads the request.
 *
 * Charts are inline SVG written through the HTML writer: a bar a month,
 * the numbers as text on the bars, a <title> and an accessible name
 * listing every month, and for counted KPIs each bar a link to its
 * engagements.
 */
#ifndef TRACKER_UI_DASHBOARD_H
#define TRACKER_UI_DASHBOARD_H

#include <stddef.h>

#include "kpi.h"

struct html;
struct kpi_rule;
struct kpi_target;
struct option;
struct session;
struct strat_decision;
struct strategy;

/* GET /reports: what each report is for. */
void	ui_reports_index(struct html *, const struct session *);

struct dashboard_view {
	const struct session	*session;
	const struct dashboard	*d;
	const char		*notice;	/* role=status, or NULL */
	const char		*problem;	/* a parameter set aside, or NULL */
	const struct strategy	*strategy;	/* live: for the year choice */
	size_t			 frozen_before;	/* snapshots of this month */
};

/*
 * The dashboard: per aim, its KPIs (key measures first) with target,
 * expected by now, year to date, status in words and colour, and the
 * chart.  Live (d->snapshot_id 0): figures link to their engagements or
 * KPI page, with the year and month choice and, for editors, "Freeze for
 * board".  Frozen: marked with who and when, without links.
 */
void	ui_dashboard(struct html *, const struct dashboard_view *);

struct snapshots_view {
	const struct session		*session;
	const struct kpi_snapshot	*snapshots;
	size_t				 n;
};

/* GET /reports/snapshots: every frozen month, newest first. */
void	ui_snapshots(struct html *, const struct snapshots_view *);

/* One month of a manual KPI's form that was refused, to show again. */
struct kpi_value_problem {
	const char	*month;		/* YYYY-MM */
	const char	*value;		/* as typed */
	const char	*note;
	const char	*message;	/* beside the value */
};

struct kpi_page_view {
	const struct session	*session;
	const struct kpi_info	*kpi;
	const char		*notice;
	int			 year;		/* its start year */
	int			 start_month;
	int			 first_year;	/* the strategy's years */
	int			 years;
	const struct kpi_target	*targets;
	size_t			 ntargets;
	/* Counted: the rule, the labels of its codes, the months. */
	const struct kpi_rule	*rule;
	const struct option	*types;		/* code -> label */
	size_t			 ntypes;
	const struct option	*categories;	/* code -> label */
	size_t			 ncategories;
	const struct option	*areas;		/* id -> name */
	size_t			 nareas;
	long long		 counts[KPI_MONTHS];
	long long		 year_count;
	/* Manual: the months as entered, and a refused one. */
	const struct kpi_value	*values;	/* KPI_MONTHS of them */
	const struct kpi_value_problem *problem;
};

/* GET /reports/kpis/ID: what the KPI is, how it is measured, its months. */
void	ui_kpi_page(struct html *, const struct kpi_page_view *);

struct decisions_view {
	const struct session		*session;
	const struct strategy		*strategies;
	size_t				 nstrategies;
	long long			 chosen;	/* 0: all */
	const struct strat_decision	*decisions;
	size_t				 n;
};

/* GET /reports/decisions: who changed what, from what to what, and why. */
void	ui_decisions(struct html *, const struct decisions_view *);

/*
 * v with unit as the dashboard shows it: "1,200", "2.5", "£1,200",
 * "90%"; at most decimals (0-2) after the point.
 */
void	ui_kpi_number(char *out, size_t len, double v, int decimals,
	    const char *unit);

#endif
