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
struct eng_reader;

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
	const char	*organisation_kind;	/* org_kinds code or "" */
	/*
	 * Watch the press for them (feed_store.h's watched_people()):
	 * "auto", "always" or "never"; NULL when saving keeps what is
	 * stored (a new person: "auto").
	 */
	const char	*press_watch;
	/*
	 * Why we hold them and where their details came from
	 * (privacy_basis.h): a basis code, "" when none is recorded; when
	 * saving, a NULL lawful_basis keeps all four as stored.
	 */
	const char	*lawful_basis;
	const char	*basis_note;
	const char	*basis_date;	/* YYYY-MM-DD or "" */
	const char	*data_source;
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
	const char	*house;		/* "commons", "lords" */
	long long	 council_id;	/* their organisation is this council */
	int		 current;	/* PERSON_CURRENT_*; 0: any */
	/* A basis code, PRIVACY_BASIS_NONE (not recorded) or "" (any). */
	const char	*basis;
};

#define PERSON_CURRENT_ANY	0
#define PERSON_CURRENT_YES	1	/* is_current */
#define PERSON_CURRENT_NO	2	/* former holders of their role */

/* How many of a filtered set have each party ("" for none). */
struct party_count {
	const char	*party;
	long		 n;
};

/*
 * One period of a person's party, House, seat, role and category
 * (person_terms).  ended_on is NULL for the open one.
 */
struct person_term {
	long long	 id;
	long long	 person_id;
	const char	*category;
	const char	*category_label;
	const char	*party;
	const char	*house;		/* "commons", "lords" or "" */
	const char	*constituency;
	const char	*role_title;
	long long	 organisation_id;	/* 0: none */
	const char	*organisation_name;
	const char	*organisation_kind;
	const char	*started_on;	/* YYYY-MM-DD */
	const char	*ended_on;	/* YYYY-MM-DD, NULL while open */
	const char	*source;	/* manual, parliament, moderngov... */
};

/* Two live people who are probably the same one (a < b by id). */
struct person_pair {
	struct person	 a;
	struct person	 b;
	const char	*reason;	/* "same name and category", "same email" */
};

/* One merge of merged into survivor, as person_merges keeps it. */
struct person_merge {
	long long	 id;
	long long	 survivor_id;
	const char	*survivor_name;
	long long	 merged_id;
	const char	*merged_name;
	const char	*actor;
	const char	*at;		/* UTC, YYYY-MM-DD HH:MM:SS */
	const char	*undone_at;	/* NULL unless undone */
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
	const char	*title;		/* or its confidential stand-in */
	int		 is_new;	/* this person's first engagement */
	int		 text_hidden;	/* not for this reader's eyes */
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
/* How many live people have no lawful basis recorded. */
enum db_err	 person_count_no_basis(struct db *, long *n);

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
/*
 * Their engagements, newest first, and a summary of them; the title of a
 * confidential one the reader may not read is replaced (lib/eng_privacy.h;
 * NULL: nobody in particular).
 */
enum db_err	 person_contacts(struct db *, struct arena *,
		    const struct eng_reader *, long long id,
		    struct contact **, size_t *, struct contact_summary *);

/* How many of the people filter f matches have each party, most first. */
enum db_err	 person_party_counts(struct db *, struct arena *,
		    const struct person_filter *, struct party_count **,
		    size_t *);

/* A person's terms, newest first (the open one, then by start). */
enum db_err	 person_terms(struct db *, struct arena *, long long person_id,
		    struct person_term **, size_t *);
/*
 * The term in force on date (YYYY-MM-DD): started_on <= date and not
 * ended by then (ended_on NULL or after date); the latest started when
 * periods overlap.  DB_NOTFOUND when none was.
 */
enum db_err	 person_term_on(struct db *, struct arena *, long long person_id,
		    const char *date, struct person_term *);

/*
 * Likely duplicates among live people: the same name (any case) and
 * category, or the same non-empty email.  At most 500 pairs.
 */
enum db_err	 person_duplicates(struct db *, struct arena *,
		    struct person_pair **, size_t *);
/*
 * Merge other into survivor in one transaction: other's engagements
 * (except those that already have survivor) and terms move to survivor,
 * other's open term is closed, survivor's empty email, phone, role and
 * constituency are filled from other and other's notes appended, other
 * is soft-deleted; a person_merges row records what moved (*merge_id)
 * and both get an audit row.  DB_NOTFOUND if either is missing;
 * DB_CONFLICT if they are the same person or either is deleted.
 */
enum db_err	 person_merge(struct db *, const char *actor,
		    long long survivor, long long other, long long *merge_id);
/*
 * Undo a merge: exactly the rows it moved go back, the merged person is
 * restored, the survivor's filled fields emptied again (those still
 * holding what the merge put there) and its notes put back.
 * DB_NOTFOUND if there is no such merge, DB_CONFLICT if it was undone.
 */
enum db_err	 person_merge_undo(struct db *, const char *actor,
		    long long merge_id);
/* The merges into or of a person, newest first. */
enum db_err	 person_merges_of(struct db *, struct arena *, long long person_id,
		    struct person_merge **, size_t *);
/* One merge; DB_NOTFOUND if none. */
enum db_err	 person_merge_get(struct db *, struct arena *, long long id,
		    struct person_merge *);

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
/* An organisation's engagements, as person_contacts() gives a person's. */
enum db_err	 org_contacts(struct db *, struct arena *,
		    const struct eng_reader *, long long id,
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
