/*
 * The directory: people and organisations, the person categories and the
 * policy areas.  Domain only: takes plain structs and a database handle,
 * never prints.  Every save is one transaction with its audit row; edits
 * carry the version they started from and fail with DB_CONFLICT when
 * someone else saved in between; deletes are soft and can be restored.
 */
#ifndef TRACKER_DIRECTORY_H
#define TRACKER_DIRECTORY_H

#include <stddef.h>

#include "db.h"

struct arena;

struct category {
	const char	*code;		/* what counting rules use: "mp" */
	const char	*label;		/* what people see: "MP" */
	int		 decision_maker;
};

struct policy_area {
	long long	 id;
	const char	*name;
	int		 priority;
	int		 retired;
};

/* Organisation kinds and media, as stored and as shown. */
struct code_label {
	const char	*code;
	const char	*label;
};
extern const struct code_label org_kinds[];	/* ends with NULL code */
extern const struct code_label media[];		/* print, broadcast, online */
extern const struct code_label houses[];	/* commons, lords */

/* The label of code in a table, or code itself if unknown. */
const char	*code_label(const struct code_label *, const char *code);

struct organisation {
	long long	 id;
	const char	*name;
	const char	*kind;		/* org_kinds code */
	const char	*medium;	/* media code or "" (media outlets) */
	long long	 parent_id;	/* 0: none (an FCDO desk's parent) */
	const char	*parent_name;
	const char	*website;
	const char	*notes;
	int		 version;
	int		 deleted;
};

struct person {
	long long	 id;
	const char	*full_name;
	const char	*category;	/* category code */
	const char	*category_label;
	const char	*role_title;
	const char	*party;
	const char	*house;		/* "commons", "lords" or "" */
	const char	*constituency;
	long long	 organisation_id;	/* council, desk, outlet...; 0: none */
	const char	*organisation_name;
	const char	*email;
	const char	*phone;
	const char	*notes;
	int		 is_current;
	int		 version;
	int		 deleted;
};

/* Directory filters; empty strings and zeros mean "any". */
struct person_filter {
	const char	*q;		/* name, role, constituency, organisation */
	const char	*category;
	const char	*party;
	long long	 organisation_id;
	int		 deleted;	/* 1: the deleted ones instead */
	size_t		 offset;
	size_t		 limit;		/* 0: all */
};

struct org_filter {
	const char	*q;
	const char	*kind;
	int		 deleted;
	size_t		 offset;
	size_t		 limit;
};

/* One engagement in a person's or organisation's history. */
struct contact {
	long long	 engagement_id;
	const char	*date;		/* YYYY-MM-DD */
	const char	*type;		/* type code */
	const char	*type_label;
	const char	*title;
	int		 is_new;	/* this person's first engagement */
};

struct type_count {
	const char	*type_label;
	long		 n;
};

/* First and last contact, how many, and how many of each type. */
struct contact_summary {
	const char		*first;		/* NULL when none */
	const char		*last;
	long			 count;
	struct type_count	*by_type;
	size_t			 ntypes;
};

enum db_err	 categories_list(struct db *, struct arena *, struct category **,
		    size_t *);
enum db_err	 policy_areas_list(struct db *, struct arena *, int with_retired,
		    struct policy_area **, size_t *);
/* The parties in use, for filters. */
enum db_err	 parties_list(struct db *, struct arena *, const char ***,
		    size_t *);

/* *total is how many match without offset and limit. */
enum db_err	 person_list(struct db *, struct arena *,
		    const struct person_filter *, struct person **, size_t *n,
		    size_t *total);
/* Any person, deleted or not; DB_NOTFOUND if there is none. */
enum db_err	 person_get(struct db *, struct arena *, long long id,
		    struct person *);
/*
 * Create (p->id == 0; sets p->id) or update (checks p->version).  The
 * caller has validated the fields; category and organisation must exist.
 */
enum db_err	 person_save(struct db *, const char *actor, struct person *);
enum db_err	 person_delete(struct db *, const char *actor, long long id);
enum db_err	 person_restore(struct db *, const char *actor, long long id);
/* Their engagements, newest first, and a summary of them. */
enum db_err	 person_contacts(struct db *, struct arena *, long long id,
		    struct contact **, size_t *, struct contact_summary *);

/* People whose name matches exactly (case-insensitive), not deleted. */
enum db_err	 person_find_by_name(struct db *, struct arena *,
		    const char *name, struct person **, size_t *);

enum db_err	 org_list(struct db *, struct arena *, const struct org_filter *,
		    struct organisation **, size_t *n, size_t *total);
enum db_err	 org_get(struct db *, struct arena *, long long id,
		    struct organisation *);
enum db_err	 org_save(struct db *, const char *actor, struct organisation *);
enum db_err	 org_delete(struct db *, const char *actor, long long id);
enum db_err	 org_restore(struct db *, const char *actor, long long id);
enum db_err	 org_contacts(struct db *, struct arena *, long long id,
		    struct contact **, size_t *, struct contact_summary *);

/* Summarise a list of contacts (newest first). */
int		 contact_summarise(struct arena *, const struct contact *,
		    size_t, struct contact_summary *);

/* Admin: policy areas and category labels. */
enum db_err	 policy_area_save(struct db *, const char *actor,
		    struct policy_area *);
enum db_err	 category_save(struct db *, const char *actor,
		    const struct category *, int create);

/* Escape % _ and \ for a LIKE pattern. */
char		*like_escape(struct arena *, const char *);

#endif
