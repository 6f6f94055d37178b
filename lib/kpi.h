/*
 * KPI figures: the board dashboard for a strategy year and month, the
 * months entered by hand, frozen snapshots, and the status of a figure
 * against its pro-rata target.  Domain only: never prints.
 *
 * Counted KPIs are counted from kpi_hits (sql/007_strategy.sql), which
 * the database keeps exact as engagements change; the engagement list
 * filtered by a KPI (eng_filter.kpi_id) reads the same rows, so every
 * number agrees with the list it links to.
 *
 * Periods: a strategy year starts on the first of its strategy's start
 * month; month i (0-11) of the year runs from its first to its last day;
 * the year to date runs from the year's first day to the end of the
 * chosen month.  A counted figure counts distinct subjects over its
 * period, so a people or organisations count for the year to date can be
 * less than the sum of its months.
 */
#ifndef TRACKER_KPI_H
#define TRACKER_KPI_H

#include <stddef.h>

#include "db.h"

struct arena;
struct strategy;

#define KPI_MONTHS	12

enum kpi_status {
	KPI_NO_TARGET = 0,
	KPI_ON_TRACK,
	KPI_AT_RISK,
	KPI_BEHIND,
	KPI__STATUS
};

/* "on track", "at risk", "behind", "no target". */
const char	*kpi_status_words(enum kpi_status);

/* "on-track", "at-risk", "behind", "no-target" (CSS classes). */
const char	*kpi_status_code(enum kpi_status);

/* The status for a code, KPI_NO_TARGET when unknown. */
enum kpi_status	 kpi_status_parse(const char *code);

/*
 * The status of actual against expected: on track at on_track_pct % of
 * expected or more, at risk at at_risk_pct % or more, else behind.
 * Nothing expected yet (expected <= 0) is on track.
 */
enum kpi_status	 kpi_status_of(double actual, double expected,
		    int on_track_pct, int at_risk_pct);

/*
 * What is expected by the end of month index (0-11) of the year: the
 * target pro rata, (index + 1) / 12 of it, for KPIs that add up; the whole
 * target for levels (latest).
 */
double		 kpi_expected(double target, int month_index, int latest);

/* "2024-25" (or "2024") into the year it starts in; -1 if malformed. */
int		 kpi_year_parse(const char *s, int *year);

/*
 * Month index (0-11) of year month "YYYY-MM" in the strategy year that
 * starts in start_month of year; -1 if it is not in that year.
 */
int		 kpi_month_index(const char *ym, int year, int start_month);

/*
 * Month index's "YYYY-MM", its first and last days, for the strategy
 * year starting in start_month of year.
 */
void		 kpi_month_bounds(int year, int start_month, int index,
		    char ym[8], char first[11], char last[11]);

/*
 * The month a board would look at on today (YYYY-MM-DD): the latest
 * complete month within the year; the first month while none is complete
 * yet, and the last once the year is over.
 */
int		 kpi_default_month(int year, int start_month, const char *today);

/* The strategy year (its start year) containing today. */
int		 kpi_year_of(const char *today, int start_month);

/* One KPI's figures for the dashboard. */
struct kpi_figures {
	long long	 id;
	const char	*code;
	const char	*label;
	const char	*unit;
	const char	*measure;	/* engagements, people, organisations */
	int		 key_measure;
	int		 counted;	/* else entered by hand */
	int		 latest;	/* a level: the latest month counts */
	int		 has_target;
	double		 target;
	double		 expected;	/* pro rata by the chosen month */
	int		 has_actual;	/* manual: any month entered */
	double		 actual;	/* year to date */
	enum kpi_status	 status;
	int		 has_month[KPI_MONTHS];
	double		 months[KPI_MONTHS];
};

struct kpi_aim_figures {
	const char		*code;
	const char		*name;
	struct kpi_figures	*kpis;		/* key measures first */
	size_t			 nkpis;
};

/* A month's dashboard, live or frozen. */
struct dashboard {
	long long		 strategy_id;
	const char		*strategy_name;
	int			 year;		/* its start year: 2024 */
	int			 start_month;
	char			 year_label[10];	/* "2024-25" */
	int			 month;		/* chosen index, 0-11 */
	char			 months[KPI_MONTHS][8];	/* "2024-07"... */
	char			 from[11];	/* the year's first day */
	char			 to[11];	/* the chosen month's last day */
	int			 on_track_pct;
	int			 at_risk_pct;
	struct kpi_aim_figures	*aims;
	size_t			 naims;
	/* A frozen snapshot: its id, when and by whom; 0 when live. */
	long long		 snapshot_id;
	const char		*frozen_at;	/* UTC, ISO 8601 */
	const char		*frozen_by;
};

/*
 * The live dashboard of strategy s for the year starting in year, month
 * index month (0-11): every live aim and KPI, targets, year to date,
 * months and status.
 */
enum db_err	 kpi_dashboard(struct db *, struct arena *,
		    const struct strategy *, int year, int month,
		    struct dashboard *);

/*
 * Count every KPI again from scratch (CALL kpi_rebuild()): after a bulk
 * load that skipped the triggers.  *hits gets how many rows kpi_hits has
 * afterwards.  One transaction; minutes for a million engagements.
 */
enum db_err	 kpi_rebuild_all(struct db *, long long *hits);

/* A snapshot as listed. */
struct kpi_snapshot {
	long long	 id;
	int		 year;
	char		 year_label[10];
	const char	*month;		/* YYYY-MM */
	const char	*frozen_at;	/* UTC, ISO 8601 */
	const char	*frozen_by;
};

/*
 * Freeze a live dashboard: store every figure as rendered, with who and
 * when, in one transaction with its audit row; *id gets the snapshot's.
 */
enum db_err	 kpi_snapshot_freeze(struct db *, const char *actor,
		    const struct dashboard *, long long *id);

/* A strategy's snapshots (0: all), newest month first, then newest. */
enum db_err	 kpi_snapshots(struct db *, struct arena *, long long strategy_id,
		    struct kpi_snapshot **, size_t *n);

/* A frozen dashboard as stored; DB_NOTFOUND if none. */
enum db_err	 kpi_snapshot_get(struct db *, struct arena *, long long id,
		    struct dashboard *);

/*
 * What a counted KPI counts from from to to (YYYY-MM-DD, NULL for open):
 * the figure the dashboard shows for that period, for the engagement
 * list's heading.
 */
enum db_err	 kpi_count(struct db *, long long kpi_id, const char *from,
		    const char *to, long long *n);

/*
 * A counted KPI's months of the strategy year starting in start_month of
 * year, and the whole year's figure (distinct over the year).
 */
enum db_err	 kpi_months(struct db *, struct arena *, long long kpi_id,
		    int year, int start_month, long long out[KPI_MONTHS],
		    long long *year_total);

/* "1200.00" as typed back: "1200"; "2.50": "2.5"; NULL out of memory. */
const char	*kpi_decimal_text(struct arena *, const char *);

/* A manual KPI's month. */
struct kpi_value {
	char		 month[8];	/* YYYY-MM */
	int		 has_value;
	const char	*value;		/* as typed: "1200", "2.5" */
	const char	*note;
	int		 version;	/* 0: nothing entered */
	const char	*updated_by;
	const char	*updated_at;
};

/* What the KPI page shows about a KPI. */
struct kpi_info {
	long long	 id;
	long long	 strategy_id;
	const char	*code;
	const char	*label;
	const char	*unit;
	const char	*measure;
	int		 key_measure;
	int		 counted;
	int		 latest;
	int		 dropped;
	const char	*aim_name;
	const char	*objective_code;
	const char	*objective_text;
};

/* A KPI with its aim and objective; DB_NOTFOUND if none. */
enum db_err	 kpi_info_get(struct db *, struct arena *, long long id,
		    struct kpi_info *);

/*
 * The twelve months of a manual KPI in the strategy year starting in
 * start_month of year, each with its value if entered.
 */
enum db_err	 kpi_values_year(struct db *, struct arena *, long long kpi_id,
		    int year, int start_month, struct kpi_value out[KPI_MONTHS]);

/*
 * Enter or change a manual KPI's month ("YYYY-MM"): version 0 for a month
 * with nothing yet, else the version it was read at (DB_CONFLICT if it
 * changed, or was entered meanwhile).  value is a decimal number as typed.
 * One transaction with its audit row.  DB_ERROR for a counted KPI.
 */
enum db_err	 kpi_value_save(struct db *, const char *actor, long long kpi_id,
		    const char *month, const char *value, const char *note,
		    int version);

/* Remove a month's value at version; DB_CONFLICT if it changed. */
enum db_err	 kpi_value_delete(struct db *, const char *actor,
		    long long kpi_id, const char *month, int version);

/* NULL if s is a decimal number the values and targets take, else why. */
const char	*kpi_number_problem(const char *s);

#endif
