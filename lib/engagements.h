/*
 * Engagements: meetings, briefings, media appearances and the rest, with
 * their people, organisations, staff present, policy areas and follow-up
 * actions.  Domain only: never prints.  Each save is one transaction with
 * its audit row; edits carry their version and fail with DB_CONFLICT when
 * someone saved in between; deletes are soft.
 *
 * Whether a person was new to us on an engagement is derived on every
 * read (see NEW_TO_US in eng_sql.h), never stored.
 */
#ifndef TRACKER_ENGAGEMENTS_H
#define TRACKER_ENGAGEMENTS_H

#include <stddef.h>

#include "db.h"

struct arena;
struct code_label;

/*
 * Who is reading, for confidential engagements (lib/eng_privacy.h): their
 * user id (0: nobody in particular) and whether they are an admin.  A
 * zeroed reader may read no confidential text.
 */
struct eng_reader {
	long long	 user_id;
	int		 admin;
};

struct eng_person {
	long long	 id;
	const char	*name;
	const char	*party;		/* on the engagement's date */
	const char	*category_label;	/* on the engagement's date */
	int		 is_new;	/* their first engagement with us */
};

struct eng_ref {
	long long	 id;
	const char	*name;
	int		 flag;		/* policy areas: priority */
};

struct followup {
	long long	 id;		/* 0: not saved yet */
	long long	 engagement_id;
	const char	*engagement_title;
	const char	*action;
	long long	 owner_id;	/* 0: nobody */
	const char	*owner_name;
	const char	*due_on;	/* YYYY-MM-DD or "" */
	int		 done;
	const char	*done_at;	/* UTC timestamp or "" */
};

struct engagement {
	long long		 id;		/* 0: not saved yet */
	const char		*type;		/* engagement_types code */
	const char		*type_label;
	const char		*date;		/* YYYY-MM-DD */
	const char		*time;		/* HH:MM or "" */
	const char		*title;
	const char		*summary;	/* Markdown */
	const char		*outcome;	/* Markdown */
	long long		 media_outlet_id;
	const char		*media_outlet_name;
	const char		*media_medium;	/* print, broadcast, online or "" */
	const char		*media_programme;
	const char		*media_link;
	int			 version;
	int			 deleted;
	const char		*created_by_name;
	long long		 created_by;	/* user id, 0: unknown */
	int			 confidential;	/* lib/eng_privacy.h */
	int			 text_hidden;	/* redacted */
	struct eng_person	*people;
	size_t			 npeople;
	struct eng_ref		*orgs;
	size_t			 norgs;
	struct eng_ref		*staff;		/* users present */
	size_t			 nstaff;
	struct eng_ref		*areas;		/* policy areas */
	size_t			 nareas;
	struct followup		*followups;
	size_t			 nfollowups;
	long long		 mention_id;	/* logged from this press mention */
};

/* List filters; NULL or 0 means "any". */
struct eng_filter {
	const char	*from;		/* YYYY-MM-DD, inclusive */
	const char	*to;
	const char	*type;
	long long	 person_id;
	const char	*party;
	const char	*category;
	long long	 policy_area_id;
	const char	*q;		/* title, summary, outcome, people */
	int		 deleted;	/* 1: the deleted ones instead */
	size_t		 offset;
	size_t		 limit;		/* 0: all */
	/*
	 * 0: count every match; else stop counting past count_cap (the
	 * total is then count_cap + 1, "more than count_cap"), so a long
	 * list costs a page, not a count of everything.
	 */
	size_t		 count_cap;
	long long	 kpi_id;	/* what this KPI counts (kpi_hits) */
	/* For the report's drill-down (lib/eng_sql.h has the rules): */
	const char	*medium;	/* print, broadcast or online */
	const char	*org_kind;	/* an organisation or outlet of this kind */
	const char	*party_then;	/* someone of this party on the date */
	const char	*category_then;	/* someone of this category on the date */
	const char	*novelty;	/* "new": someone new to us on it;
					   "existing": someone met before */
	int		 decision_makers; /* 1: someone who was then a decision
					   maker (with novelty: the same one) */
	struct eng_reader reader;	/* q matches only text they may read */
};

/* One row of the list: the engagement and its people. */
struct eng_row {
	long long		 id;
	const char		*date;
	const char		*time;
	const char		*type_label;
	const char		*title;		/* or its stand-in */
	int			 confidential;
	int			 text_hidden;	/* not for the reader */
	struct eng_person	*people;
	size_t			 npeople;
};

/* A problem with a field, found by engagement_check(). */
struct eng_problem {
	const char	*field;		/* form field name */
	const char	*message;
};

/* The engagement types in display order (code, label), NULL-terminated. */
enum db_err	 engagement_types(struct db *, struct arena *,
		    struct code_label **, size_t *);

/* The list filter's choices, each list in display order. */
struct eng_filter_refs {
	struct code_label	*types;		/* code, label */
	size_t			 ntypes;
	struct code_label	*parties;	/* of live people; code = label */
	size_t			 nparties;
	struct code_label	*categories;	/* people's: code, label */
	size_t			 ncategories;
	struct code_label	*areas;		/* not retired: id, name */
	size_t			 nareas;
};

/*
 * The list filter's choices in one statement: the engagement types, the
 * parties of live people, the people's categories and the policy areas
 * not retired.  Read on every call (no cache), so they are as current as
 * the list itself.
 */
enum db_err	 engagement_filter_refs(struct db *, struct arena *,
		    struct eng_filter_refs *);

/*
 * The rules that span fields, beyond each field's own validation: a media
 * appearance needs its medium; a media link must be an http(s) URL; a
 * follow-up needs its action; dates and times must be real.  Returns the
 * number of problems written to out (at most max).
 */
size_t		 engagement_check(const struct engagement *,
		    struct eng_problem *out, size_t max);

/* The most rows of a page whose people are read by id (ENG_PAGE_PEOPLE). */
#define ENG_PAGE_IDS	50

/*
 * Newest first (date, time, id); *total counts all matches, confidential
 * or not, or up to f->count_cap + 1 of them.  A confidential row the
 * filter's reader may not read comes with its title replaced (text_hidden
 * set), and a text search (q) does not look into its title, summary or
 * outcome.
 */
enum db_err	 engagement_list(struct db *, struct arena *,
		    const struct eng_filter *, struct eng_row **, size_t *n,
		    size_t *total);

/*
 * Everything about one engagement, deleted or not, unredacted (a save
 * needs it whole): callers that show it to someone pass it through
 * eng_redact_for() first.  DB_NOTFOUND if none.
 */
enum db_err	 engagement_get(struct db *, struct arena *, long long id,
		    struct engagement *);

/*
 * Create (e->id == 0; sets id and version) or update (checks e->version)
 * with all its links and follow-ups, in one transaction with the audit row.
 * Only the ids of people, orgs, staff and areas are read.  created_by is
 * the acting user's id.
 */
enum db_err	 engagement_save(struct db *, const char *actor,
		    long long user_id, struct engagement *);

enum db_err	 engagement_delete(struct db *, const char *actor, long long id);
enum db_err	 engagement_restore(struct db *, const char *actor, long long id);

/*
 * A user's follow-ups: open ones by due date, then the last done ones.
 * The action and the engagement's title of one on a confidential
 * engagement the reader may not read are replaced.
 */
enum db_err	 followups_for(struct db *, struct arena *,
		    const struct eng_reader *, long long user_id,
		    struct followup **, size_t *);

/*
 * Open follow-ups of a user, and how many are overdue: due before today
 * (YYYY-MM-DD, the caller's local date, so the count agrees with pages).
 */
enum db_err	 followups_count(struct db *, long long user_id,
		    const char *today, long *open, long *overdue);

/*
 * Mark a follow-up done or not.  It is part of its engagement, so this
 * bumps the engagement's version: an edit open elsewhere gets a conflict
 * instead of silently undoing it.
 */
enum db_err	 followup_set_done(struct db *, const char *actor,
		    long long followup_id, int done);

#endif
