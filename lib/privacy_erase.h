/*
 * Erasure of a person (UK GDPR art. 17) and the retention rules that
 * erase people nobody has been in contact with for long enough.
 *
 * An erased person keeps their people row, so every engagement, KPI hit,
 * report count and APPG membership that links to it stands ("Erased
 * person" in place of the name); everything personal goes: the row's
 * personal fields, their text in every other table (engagement notes,
 * follow-ups, APPG papers, feed items, the audit log's before and after
 * values), their press watch terms and the mentions' links to them,
 * and their merges.  What remains of the act itself is one tombstone row
 * (erasures: when, by whom, why) and one audit row without the name.
 *
 * privacy_erase_tables lists every table of the schema and how erasure
 * treats it; tests/check_privacy_erase.c fails when the schema holds a
 * table, or a text column, the list does not cover.
 */
#ifndef TRACKER_PRIVACY_ERASE_H
#define TRACKER_PRIVACY_ERASE_H

#include <stddef.h>

#include "db.h"

struct arena;

/* What replaces a name wherever it was written. */
#define ERASED_NAME	"Erased person"

/* How erasure treats a table; a table may be scrubbed and erased both. */
enum {
	ERASE_PERSON_ROW = 0x01,	/* the person's own rows are blanked */
	ERASE_DELETE_ROWS = 0x02,	/* rows linked to the person are deleted */
	ERASE_SCRUB_TEXT = 0x04,	/* their name is replaced in free text */
	ERASE_NOT_PERSONAL = 0x08,	/* kept as is: see why */
};

struct erase_table {
	const char	*table;
	unsigned	 how;		/* ERASE_* flags */
	const char	*handled;	/* text columns blanked or scrubbed */
	const char	*kept;		/* text columns kept, for the reason */
	const char	*why;
};

extern const struct erase_table	privacy_erase_tables[];
extern const size_t		privacy_erase_ntables;

/* The generic scrub: one entry per (table, text column) it rewrites. */
struct erase_scrub {
	const char	*table;
	const char	*column;
};
extern const struct erase_scrub	privacy_erase_scrubs[];
extern const size_t		privacy_erase_nscrubs;

/* What an erasure will touch, for the confirmation page. */
struct erase_preview {
	long long	 person_id;
	const char	*full_name;
	const char	*category_label;
	int		 erased;	/* erased already */
	long long	 engagements;	/* kept, counted as 'Erased person' */
	long long	 follow_ups;	/* on those engagements */
	long long	 mentions;	/* unlinked from them */
	long long	 watch_terms;	/* deleted */
	long long	 audit_rows;	/* about them: their values removed */
	long long	 appg_roles;	/* officer posts, memberships, attendance */
	long long	 merged;	/* duplicates merged into them, erased too */
};

/*
 * What erasing person_id would touch, in the arena.  DB_NOTFOUND when
 * there is no such person.
 */
enum db_err	 privacy_erase_preview(struct db *, struct arena *,
		    long long person_id, struct erase_preview *);

/*
 * Erase person_id (and any duplicates merged into them) in one
 * transaction, as described at the top; reason is "request" or
 * "retention".  DB_NOTFOUND when there is no such person, DB_CONFLICT
 * when they are erased already, DB_ERROR for an unknown reason.
 */
enum db_err	 privacy_erase_person(struct db *, long long person_id,
		    const char *actor, const char *reason);

/* Whether person_id has been erased: 1, 0, or -1 on a database error. */
int		 privacy_is_erased(struct db *, long long person_id);

/*
 * Replace, in text, every occurrence of each needles[i] (ASCII letters
 * in any case; a name only as a whole word) by replacements[i]; a copy
 * in the arena, or NULL when nothing matched.  For the scrub, exposed
 * for the tests.
 */
char		*privacy_scrub_text(struct arena *, const char *text,
		    const char *const *needles, const char *const *replacements,
		    const int *whole_word, size_t n);

#endif
