#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "audit.h"
#include "db.h"

char *
audit_json(struct arena *a, const struct audit_field *f, size_t n)
{
	json_t	*obj = json_object();
	char	*text, *copy = NULL;
	size_t	 i;

	if (obj == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if (json_object_set_new(obj, f[i].name,
		    json_string(f[i].value ? f[i].value : "")) == -1)
			goto done;
	if ((text = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER)) != NULL) {
		copy = arena_strdup(a, text);
		free(text);
	}
done:
	json_decref(obj);
	return copy;
}

enum db_err
audit_write(struct db *db, const char *actor, const char *entity,
    long long entity_id, const char *action, const char *before,
    const char *after)
{
	return db_exec(db, STMT_AUDIT_INSERT, DB_ARGS(DB_STR(actor),
	    DB_STR(entity), entity_id > 0 ? DB_INT(entity_id) : DB_NULL,
	    DB_STR(action), DB_STR(before), DB_STR(after)), NULL, NULL);
}

static const char *
field_of(json_t *obj, const char *key)
{
	json_t	*v = obj ? json_object_get(obj, key) : NULL;

	return json_is_string(v) ? json_string_value(v) : "";
}

static int
add_change(struct arena *a, struct audit_change **list, size_t *n,
    size_t *cap, const char *field, const char *before, const char *after)
{
	struct audit_change	*grown;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		if ((grown = arena_alloc(a, *cap * sizeof(*grown))) == NULL)
			return -1;
		if (*n)
			memcpy(grown, *list, *n * sizeof(*grown));
		*list = grown;
	}
	(*list)[*n].field = arena_strdup(a, field);
	(*list)[*n].before = arena_strdup(a, before);
	(*list)[*n].after = arena_strdup(a, after);
	if ((*list)[*n].field == NULL || (*list)[*n].before == NULL ||
	    (*list)[*n].after == NULL)
		return -1;
	(*n)++;
	return 0;
}

/* Changed fields: those of after in its order, then those only in before. */
static int
diff_objects(struct arena *a, json_t *b, json_t *af,
    struct audit_change **out, size_t *n)
{
	const char	*key;
	json_t		*v;
	size_t		 cap = 0;

	json_object_foreach(af, key, v) {
		if (strcmp(field_of(b, key), field_of(af, key)) != 0 &&
		    add_change(a, out, n, &cap, key, field_of(b, key),
		    field_of(af, key)) == -1)
			return -1;
	}
	json_object_foreach(b, key, v) {
		if ((af == NULL || json_object_get(af, key) == NULL) &&
		    *field_of(b, key) != '\0' &&
		    add_change(a, out, n, &cap, key, field_of(b, key), "") == -1)
			return -1;
	}
	return 0;
}

int
audit_diff(struct arena *a, const char *before, const char *after,
    struct audit_change **out, size_t *n)
{
	json_t	*b = before ? json_loads(before, JSON_DECODE_ANY, NULL) : NULL;
	json_t	*af = after ? json_loads(after, JSON_DECODE_ANY, NULL) : NULL;
	int	 rc;

	*out = NULL;
	*n = 0;
	if (b != NULL && !json_is_object(b)) {
		json_decref(b);
		b = NULL;
	}
	if (af != NULL && !json_is_object(af)) {
		json_decref(af);
		af = NULL;
	}
	rc = diff_objects(a, b, af, out, n);
	json_decref(b);
	json_decref(af);
	return rc;
}

enum db_err
audit_history(struct db *db, struct arena *a, const char *entity,
    long long id, struct audit_entry **out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*out = NULL;
	*n = 0;
	e = db_query(db, STMT_AUDIT_FOR, DB_ARGS(DB_STR(entity), DB_INT(id)),
	    a, &r);
	if (e != DB_OK || r.nrows == 0)
		return e;
	if ((*out = arena_alloc(a, r.nrows * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		struct audit_entry *en = &(*out)[i];

		en->id = strtoll(DB_CELL(&r, i, 0), NULL, 10);
		en->actor = DB_CELL(&r, i, 1);
		en->action = DB_CELL(&r, i, 2);
		en->at = DB_CELL(&r, i, 5);
		if (audit_diff(a, DB_CELL(&r, i, 3), DB_CELL(&r, i, 4),
		    &en->changes, &en->nchanges) == -1)
			return DB_NOMEM;
	}
	*n = r.nrows;
	return DB_OK;
}

enum db_err
audit_update_versioned(struct db *db, const struct db_stmts *stmts,
    unsigned stmt, const struct db_val *args, size_t nargs)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;

	e = db_exec_in(db, stmts, stmt, args, nargs, &affected, NULL);
	return e == DB_OK && affected == 0 ? DB_CONFLICT : e;
}
