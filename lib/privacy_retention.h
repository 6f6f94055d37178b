/*
 * Retention: how long the tracker keeps a person after the last contact
 * with them, per person category, and the people those rules make due
 * for erasure (see sql/011_erasure.sql for the rules' meaning and
 * defaults).  A person's last contact is the date of their latest live
 * engagement; for someone never engaged, the day their record was last
 * edited (or created).  A person is due on the day their category's
 * months have passed since then: last contact 2023-01-15 under a
 * 36-month rule is due from 2026-01-15.  People marked current in a
 * category that exempts current office holders are never due; nor are
 * duplicates merged into another record (they go with the survivor).
 */
#ifndef TRACKER_PRIVACY_RETENTION_H
#define TRACKER_PRIVACY_RETENTION_H

#include <stddef.h>

#include "db.h"

struct arena;

#define RETENTION_MONTHS_MAX	1200

/* A category's rule; months -1: no limit. */
struct retention_rule {
	const char	*category;
	const char	*label;
	int		 months;
	int		 exempt_current;
};

/* Every category with its rule, in the categories' order. */
enum db_err	 retention_rules(struct db *, struct arena *,
		    struct retention_rule **, size_t *n);

/*
 * Set a category's rule (months -1: no limit; else 1 to
 * RETENTION_MONTHS_MAX) with its audit row.  DB_NOTFOUND for an unknown
 * category, DB_ERROR for months out of range.
 */
enum db_err	 retention_rule_save(struct db *, const char *actor,
		    const char *category, int months, int exempt_current);

/* A person due for erasure under the rules. */
struct retention_due {
	long long	 person_id;
	const char	*full_name;
	const char	*category;
	const char	*category_label;
	const char	*last_contact;	/* YYYY-MM-DD */
	int		 months;	/* the rule */
};

/* The people due on today (YYYY-MM-DD), longest out of contact first. */
enum db_err	 retention_due_list(struct db *, struct arena *,
		    const char *today, struct retention_due **, size_t *n);

/* Called before each erasure of a run: i of total, from 1. */
typedef void	 (*retention_progress_fn)(void *, size_t i, size_t total);

/*
 * Erase everyone due on today, each in their own transaction through
 * privacy_erase_person() with reason "retention", and record the run.
 * *erased counts those erased (someone erased meanwhile is skipped).
 * Stops at the first error, having recorded nothing for the run.
 */
enum db_err	 retention_run(struct db *, const char *actor,
		    const char *today, retention_progress_fn, void *ctx,
		    size_t *erased);

/* For the monthly reminder on the admin page. */
struct retention_status {
	const char	*last_run;	/* UTC "YYYY-MM-DD HH:MM:SS"; NULL: never */
	long long	 last_erased;	/* erased by the last run */
	size_t		 due;		/* people due today */
	int		 remind;	/* due > 0, or no run for over a month */
};

enum db_err	 retention_status(struct db *, struct arena *,
		    const char *today, struct retention_status *);

#endif
