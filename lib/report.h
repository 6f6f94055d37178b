/*
 * The policy engagement report: for a period, how many live engagements
 * there were in all, by type, medium, organisation kind, category and
 * party of the people on the date, policy area, and with decision makers
 * new to us or met before; each beside the same days a year earlier; each
 * party's share of our engagements beside its share of seats; and the
 * engagements themselves with their outcomes.  Domain only: never prints.
 *
 * Every count is a number of engagements, counted by the rules of the
 * /engagements list filters (lib/eng_sql.h), so each number links to a
 * list of exactly that length.  An engagement counts once in each row it
 * belongs to: one with people of two parties counts for both, so the
 * party rows (like categories, areas and organisation kinds) may add up
 * to more than the total.
 *
 * Counts come from day summaries (report_day_counts, sql/008_reports.sql)
 * that triggers mark stale on every change; report_build() recomputes the
 * stale days of its periods first, so the numbers are exact.
 */
#ifndef TRACKER_REPORT_H
#define TRACKER_REPORT_H

#include <stddef.h>

#include "db.h"

struct arena;
struct eng_person;
struct eng_reader;

/* Both ends included; YYYY-MM-DD. */
struct report_period {
	char	 from[11];
	char	 to[11];
};

/* The periods the report page offers in one click. */
enum report_preset {
	PRESET_THIS_YEAR,	/* the strategy year holding today */
	PRESET_LAST_YEAR,
	PRESET_THIS_MONTH,
	PRESET_LAST_MONTH,
	PRESET__MAX
};

/* The sections of counts, in the order the report shows them. */
enum report_section {
	RS_TYPE,		/* key: engagement type code */
	RS_MEDIUM,		/* key: print, broadcast, online */
	RS_ORG_KIND,		/* key: org_kinds code */
	RS_CATEGORY,		/* key: category code, on the date */
	RS_DECISION_MAKERS,	/* key: "" any, "new", "existing" */
	RS_PARTY,		/* key: the party, on the date */
	RS_AREA,		/* key: policy area id */
	RS__MAX
};

/* Section names for CSV and JSON ("type", "party"...). */
extern const char *const report_section_names[RS__MAX];

struct report_item {
	const char	*key;
	const char	*label;
	long		 count;
	long		 previous;	/* the same days a year earlier */
	int		 flag;		/* category: a decision maker's;
					   policy area: a priority */
	long		 seats;		/* party: current MPs */
};

/* One engagement of the period, with its people as on its date. */
struct report_row {
	long long		 id;
	const char		*date;
	const char		*time;		/* HH:MM or "" */
	const char		*type_label;
	const char		*title;
	const char		*outcome;	/* Markdown */
	int			 confidential;
	int			 text_hidden;	/* not for the reader */
	struct eng_person	*people;
	size_t			 npeople;
};

/* At most this many engagements are listed; the counts cover them all. */
#define REPORT_LIST_MAX	500

struct engagement_report {
	struct report_period	 period;
	struct report_period	 previous;	/* a year earlier */
	long			 total;
	long			 previous_total;
	struct report_item	*items[RS__MAX];
	size_t			 nitems[RS__MAX];
	long			 party_sum;	/* of the party rows: shares */
	long			 previous_party_sum;
	long			 seats_total;	/* current MPs, any party */
	struct report_row	*rows;		/* in date order */
	size_t			 nrows;
};

/* The strategy year (1 July to 30 June) that holds date. */
void		 report_strategy_year(const char *date,
		    struct report_period *);

/* A preset period as of today (YYYY-MM-DD). */
void		 report_preset(enum report_preset, const char *today,
		    struct report_period *);

/*
 * The same days a year earlier.  A period ending on the last day of a
 * month ends on that month's last day (February 2025 compares with all of
 * February 2024); 29 February otherwise becomes the 28th.
 */
void		 report_year_earlier(const struct report_period *,
		    struct report_period *);

/*
 * Check a period typed by a user: both dates real (see validate_date) and
 * the end not before the start.  NULL if good, else the message for the
 * field named in *field ("from" or "to").
 */
const char	*report_period_check(const char *from, const char *to,
		    const char **field);

/*
 * Bring the day summaries of [from, to] up to date: recompute the days
 * marked stale, in transactions of a few weeks each.  report_build()
 * calls it; tracker tools may call it to warm the summaries after a bulk
 * load.
 */
enum db_err	 report_refresh(struct db *, const struct report_period *);

/*
 * The whole report for period (checked by the caller), its counts beside
 * those of the same days a year earlier.  Everything is allocated in the
 * arena.  The reader decides which confidential engagements' text the
 * list shows (lib/eng_privacy.h; NULL is nobody in particular); the
 * counts are the same for everyone.
 */
enum db_err	 report_build(struct db *, struct arena *,
		    const struct report_period *, const struct eng_reader *,
		    struct engagement_report *);

/* The item of a section with key, or NULL. */
const struct report_item *report_item_find(const struct engagement_report *,
		    enum report_section, const char *key);

#endif
