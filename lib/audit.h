/*
 * The audit log: one row per change, written in the change's own
 * transaction, with the record before and after as JSON objects of its
 * fields.  The history pages read it back as field-by-field changes.
 */
#ifndef TRACKER_AUDIT_H
#define TRACKER_AUDIT_H

#include <stddef.h>

#include "db.h"

struct arena;

/* One field of a record as logged; value NULL means empty/none. */
struct audit_field {
	const char	*name;
	const char	*value;
};

/* A field that differs between before and after. */
struct audit_change {
	const char	*field;
	const char	*before;	/* "" when absent */
	const char	*after;
};

struct audit_entry {
	long long		 id;
	const char		*at;		/* ISO 8601, UTC */
	const char		*actor;
	const char		*action;	/* create, update, delete, restore... */
	struct audit_change	*changes;
	size_t			 nchanges;
};

/* The fields as a compact JSON object in the arena; NULL if out of memory. */
char		*audit_json(struct arena *, const struct audit_field *, size_t n);

/* Write an audit row; call inside the change's transaction. */
enum db_err	 audit_write(struct db *, const char *actor, const char *entity,
		    long long entity_id, const char *action,
		    const char *before, const char *after);

/*
 * Run a module's versioned UPDATE (its WHERE holds the id and the version
 * the editor loaded) inside the save's transaction: DB_CONFLICT when it
 * touches no row, because another save came first.
 */
enum db_err	 audit_update_versioned(struct db *, const struct db_stmts *,
		    unsigned stmt, const struct db_val *, size_t nargs);

/* The history of one record, newest first, with the fields that changed. */
enum db_err	 audit_history(struct db *, struct arena *, const char *entity,
		    long long entity_id, struct audit_entry **, size_t *n);

/* The fields that differ between two JSON objects (either may be NULL). */
int		 audit_diff(struct arena *, const char *before, const char *after,
		    struct audit_change **, size_t *n);

#endif
