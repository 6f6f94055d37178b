/*
 * The strategy as data: strategies, their aims, objectives, yearly SMART
 * goals and KPIs, each KPI's targets per strategy year and counting rule,
 * and the decision log.  Domain only: never prints.
 *
 * Every change is one transaction with its audit row and a decision-log
 * row carrying the reason the admin gave (the strategy asks that every
 * change or drop of a goal be logged for the next strategy).  Edits carry
 * the version they started from and fail with DB_CONFLICT when someone
 * saved in between.  Items are dropped (and restored), never deleted, so
 * the log can always name them.
 *
 * A KPI's rule and targets belong to the KPI: saving either bumps the
 * KPI's version.  Saving a rule, or switching a KPI between counted and
 * manual, counts it again from every engagement (kpi_rebuild_kpi in
 * sql/007_strategy.sql) inside the same transaction.
 */
#ifndef TRACKER_STRATEGY_H
#define TRACKER_STRATEGY_H

#include <stddef.h>

#include "db.h"

struct arena;
struct audit_change;

enum strat_kind { SK_STRATEGY, SK_AIM, SK_OBJECTIVE, SK_GOAL, SK_KPI, SK__MAX };

/* The fields of each kind, in the order of strat_item.values. */
enum { ST_NAME, ST_FIRST_YEAR, ST_YEARS, ST_START_MONTH, ST_ON_TRACK,
    ST_AT_RISK, ST__FIELDS };
enum { AIM_CODE, AIM_NAME, AIM_STATEMENT, AIM_SORT, AIM__FIELDS };
enum { OBJ_CODE, OBJ_TEXT, OBJ_SORT, OBJ__FIELDS };
enum { GOAL_YEAR, GOAL_TEXT, GOAL__FIELDS };
enum { KPI_CODE, KPI_LABEL, KPI_KEY, KPI_UNIT, KPI_SOURCE, KPI_ACCUMULATE,
    KPI_SORT, KPI__FIELDS };

#define STRAT_FIELDS_MAX	7

/*
 * One item of any kind as text, the way forms carry it: numbers as
 * decimal text, flags as "0"/"1", KPI source "counted"/"manual",
 * accumulate "sum"/"latest".  parent_id is the strategy of an aim, the
 * aim of an objective, the objective of a goal or KPI (0 for a strategy);
 * it is read on create only.
 */
struct strat_item {
	enum strat_kind	 kind;
	long long	 id;		/* 0: not saved yet */
	long long	 parent_id;
	long long	 strategy_id;	/* filled by get and save */
	int		 version;
	int		 dropped;
	const char	*values[STRAT_FIELDS_MAX];
};

/* "strategy", "aim", "objective", "goal" or "KPI". */
const char	*strat_kind_name(enum strat_kind);

/* The field names of a kind, as the logs show them; *n gets the count. */
const char *const *strat_field_names(enum strat_kind, size_t *n);

struct strategy {
	long long	 id;
	const char	*name;
	int		 first_year;	/* calendar year its year one starts in */
	int		 years;
	int		 start_month;	/* 1-12: the month its years start */
	int		 on_track_pct;	/* status thresholds, % of pro-rata */
	int		 at_risk_pct;
	int		 version;
	int		 dropped;
};

struct strat_aim {
	long long	 id;
	const char	*code;
	const char	*name;
	const char	*statement;
	int		 version;
	int		 dropped;
};

struct strat_objective {
	long long	 id;
	long long	 aim_id;
	const char	*code;
	const char	*text;
	int		 version;
	int		 dropped;
};

struct strat_goal {
	long long	 id;
	long long	 objective_id;
	int		 year;
	const char	*text;
	int		 version;
	int		 dropped;
};

struct strat_kpi {
	long long	 id;
	long long	 objective_id;
	const char	*code;
	const char	*label;
	int		 key_measure;
	const char	*unit;
	int		 counted;	/* else entered by hand monthly */
	int		 latest;	/* accumulate: latest value, else sum */
	int		 version;
	int		 dropped;
};

/* A strategy with everything in it, dropped items included, in order. */
struct strat_tree {
	struct strategy		 strategy;
	struct strat_aim	*aims;
	size_t			 naims;
	struct strat_objective	*objectives;	/* by aim, then order */
	size_t			 nobjectives;
	struct strat_goal	*goals;		/* by objective, then year */
	size_t			 ngoals;
	struct strat_kpi	*kpis;		/* by objective, then order */
	size_t			 nkpis;
};

/*
 * A KPI's counting rule (see sql/007_strategy.sql for what each part
 * means).  The sets hold codes (types, media, categories, organisation
 * kinds) and policy area ids; empty means any.
 */
struct kpi_rule {
	const char	*measure;	/* engagements, people, organisations */
	const char	*newness;	/* any, new, existing */
	int		 decision_makers;
	const char	**types;
	size_t		 ntypes;
	const char	**media;
	size_t		 nmedia;
	const char	**categories;
	size_t		 ncategories;
	const char	**kinds;
	size_t		 nkinds;
	long long	*areas;
	size_t		 nareas;
};

/* A KPI's target for the strategy year starting in year; value "" none. */
struct kpi_target {
	int		 year;
	const char	*value;
};

/* One decision-log entry, with the fields that changed. */
struct strat_decision {
	long long		 id;
	const char		*at;		/* UTC, ISO 8601 */
	const char		*actor;
	const char		*entity;	/* strategy, aim, objective... */
	long long		 entity_id;
	const char		*label;		/* "KPI A1a Number of ..." */
	const char		*action;	/* create, update, drop, restore,
						   rule, targets */
	const char		*reason;
	struct audit_change	*changes;
	size_t			 nchanges;
};

/* Every strategy, newest first year first, dropped ones included. */
enum db_err	 strat_list(struct db *, struct arena *, struct strategy **,
		    size_t *n);

/* One strategy; DB_NOTFOUND if there is none. */
enum db_err	 strat_get(struct db *, struct arena *, long long id,
		    struct strategy *);

/*
 * The live strategy whose years include the one starting in start_year;
 * when several do, the one that started last.  DB_NOTFOUND if none.
 */
enum db_err	 strat_for_year(struct db *, struct arena *, int start_year,
		    struct strategy *);

/* The live strategy covering today (YYYY-MM-DD), else the latest. */
enum db_err	 strat_current(struct db *, struct arena *, const char *today,
		    struct strategy *);

/* A strategy and all its aims, objectives, goals and KPIs. */
enum db_err	 strat_tree(struct db *, struct arena *, long long id,
		    struct strat_tree *);

/* One item of a kind as text; DB_NOTFOUND if none. */
enum db_err	 strat_item_get(struct db *, struct arena *, enum strat_kind,
		    long long id, struct strat_item *);

/*
 * Create (id 0: sets id, version 1 and strategy_id) or update (checks
 * version, then increments it) with the audit and decision rows.  The
 * caller has validated the values.  DB_DUPLICATE when a code is taken in
 * the strategy (aims, KPIs); DB_NOTFOUND when the parent is missing.
 */
enum db_err	 strat_item_save(struct db *, const char *actor,
		    struct strat_item *, const char *reason);

/* Drop (dropped 1) or restore an item at version, with the reason. */
enum db_err	 strat_item_set_dropped(struct db *, const char *actor,
		    enum strat_kind, long long id, int version, int dropped,
		    const char *reason);

/* A KPI's rule, its sets in the arena. */
enum db_err	 kpi_rule_get(struct db *, struct arena *, long long kpi_id,
		    struct kpi_rule *);

/*
 * Replace a KPI's rule at version, count it again from every engagement
 * and log the decision, in one transaction.  The codes must exist
 * (foreign keys refuse others: DB_ERROR).
 */
enum db_err	 kpi_rule_save(struct db *, const char *actor, long long kpi_id,
		    int version, const struct kpi_rule *, const char *reason);

/* A KPI's target for each year of its strategy, in year order. */
enum db_err	 kpi_targets_get(struct db *, struct arena *, long long kpi_id,
		    struct kpi_target **, size_t *n);

/*
 * Set the KPI's targets at version: a year with value "" has none.  One
 * transaction with the audit and decision rows.
 */
enum db_err	 kpi_targets_save(struct db *, const char *actor,
		    long long kpi_id, int version, const struct kpi_target *,
		    size_t n, const char *reason);

/* The decision log of a strategy (0: of all), newest first. */
enum db_err	 strat_decisions(struct db *, struct arena *,
		    long long strategy_id, struct strat_decision **, size_t *n);

/* "2024-25" for a strategy year starting in year; "2024" if in January. */
void		 strat_year_label(int year, int start_month, char out[10]);

#endif
