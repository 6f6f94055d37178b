#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "users.h"

static const char *const role_names[ROLE__MAX] = {
	[ROLE_NONE] = "none",
	[ROLE_VIEWER] = "viewer",
	[ROLE_EDITOR] = "editor",
	[ROLE_ADMIN] = "admin",
};

const char *
role_name(enum role r)
{
	return r > ROLE_NONE && r < ROLE__MAX ? role_names[r] : "none";
}

enum role
role_parse(const char *s)
{
	int	 r;

	for (r = ROLE_VIEWER; s != NULL && r < ROLE__MAX; r++)
		if (strcmp(s, role_names[r]) == 0)
			return (enum role)r;
	return ROLE_NONE;
}

const char *
user_name_problem(const char *s)
{
	size_t	 n = strlen(s);

	if (n == 0)
		return "Enter a user name.";
	if (n > 64)
		return "A user name has at most 64 characters.";
	if (strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789._-") != n)
		return "Use only lower-case letters, digits, '.', '_' and '-'.";
	return NULL;
}

const char *
user_password_problem(const char *pw)
{
	size_t	 n = strlen(pw);

	if (n < 8)
		return "A password needs at least 8 characters.";
	if (n > 1024)
		return "A password has at most 1024 characters.";
	return NULL;
}

static enum db_err
user_from_row(struct db_rows *r, size_t row, struct user *u)
{
	u->id = strtoll(DB_CELL(r, row, 0), NULL, 10);
	u->username = DB_CELL(r, row, 1);
	u->display_name = DB_CELL(r, row, 2);
	u->role = role_parse(DB_CELL(r, row, 3));
	u->password_hash = DB_CELL(r, row, 4);
	u->disabled = strcmp(DB_CELL(r, row, 5), "0") != 0;
	return DB_OK;
}

enum db_err
user_find(struct db *db, struct arena *a, const char *username,
    struct user *u)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(u, 0, sizeof(*u));
	e = db_query(db, STMT_USER_BY_NAME, DB_ARGS(DB_STR(username)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	return user_from_row(&r, 0, u);
}

enum db_err
user_get(struct db *db, struct arena *a, long long id, struct user *u)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(u, 0, sizeof(*u));
	e = db_query(db, STMT_USER_BY_ID, DB_ARGS(DB_INT(id)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	return user_from_row(&r, 0, u);
}

enum db_err
user_list(struct db *db, struct arena *a, struct user **out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*out = NULL;
	*n = 0;
	if ((e = db_query(db, STMT_USER_LIST, NULL, 0, a, &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_OK;
	if ((*out = arena_alloc(a, r.nrows * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++)
		user_from_row(&r, i, &(*out)[i]);
	*n = r.nrows;
	return DB_OK;
}

enum db_err
user_add(struct db *db, const char *actor, const char *username,
    const char *display_name, enum role role, const char *password)
{
	char			 hash[AUTH_HASH_MAX];
	struct arena		 a;
	unsigned long long	 id = 0;
	enum db_err		 e;
	const struct audit_field after[] = {
		{ "username", username }, { "display_name", display_name },
		{ "role", role_name(role) },
	};

	if (auth_hash_password(password, hash) == -1)
		return DB_NOMEM;
	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	e = db_exec(db, STMT_USER_INSERT, DB_ARGS(DB_STR(username),
	    DB_STR(display_name), DB_STR(role_name(role)), DB_STR(hash)),
	    NULL, &id);
	if (e == DB_OK)
		e = audit_write(db, actor, "user", (long long)id, "create",
		    NULL, audit_json(&a, after, 3));
	e = db_finish(db, e);
	arena_free(&a);
	return e;
}

/* Look the user up inside the transaction; DB_NOTFOUND if absent. */
static enum db_err
user_id(struct db *db, const char *username, long long *id)
{
	struct arena	 a;
	struct user	 u;
	enum db_err	 e;

	arena_init(&a);
	e = user_find(db, &a, username, &u);
	*id = u.id;
	arena_free(&a);
	return e;
}

enum db_err
user_set_password(struct db *db, const char *actor, const char *username,
    const char *password)
{
	char		 hash[AUTH_HASH_MAX];
	long long	 id;
	enum db_err	 e;

	if (auth_hash_password(password, hash) == -1)
		return DB_NOMEM;
	if ((e = db_begin(db)) != DB_OK)
		return e;
	if ((e = user_id(db, username, &id)) == DB_OK)
		e = db_exec(db, STMT_USER_SET_PASSWORD,
		    DB_ARGS(DB_STR(hash), DB_INT(id)), NULL, NULL);
	if (e == DB_OK)
		e = db_exec(db, STMT_SESSION_DELETE_USER, DB_ARGS(DB_INT(id)),
		    NULL, NULL);
	if (e == DB_OK)
		e = audit_write(db, actor, "user", id, "password", NULL, NULL);
	return db_finish(db, e);
}

enum db_err
user_set_disabled(struct db *db, const char *actor, const char *username,
    int disabled)
{
	long long	 id;
	enum db_err	 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	if ((e = user_id(db, username, &id)) == DB_OK)
		e = db_exec(db, STMT_USER_SET_DISABLED,
		    DB_ARGS(DB_INT(disabled ? 1 : 0), DB_INT(id)), NULL, NULL);
	if (e == DB_OK && disabled)
		e = db_exec(db, STMT_SESSION_DELETE_USER, DB_ARGS(DB_INT(id)),
		    NULL, NULL);
	if (e == DB_OK)
		e = audit_write(db, actor, "user", id,
		    disabled ? "disable" : "enable", NULL, NULL);
	return db_finish(db, e);
}

enum db_err
user_set_role_name(struct db *db, const char *actor, long long id,
    const char *display_name, enum role role)
{
	struct arena	 a;
	struct user	 u;
	enum db_err	 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	if ((e = user_get(db, &a, id, &u)) == DB_OK)
		e = db_exec(db, STMT_USER_SET_ROLE_NAME,
		    DB_ARGS(DB_STR(display_name), DB_STR(role_name(role)),
		    DB_INT(id)), NULL, NULL);
	if (e == DB_OK) {
		const struct audit_field before[] = {
			{ "display_name", u.display_name },
			{ "role", role_name(u.role) },
		};
		const struct audit_field after[] = {
			{ "display_name", display_name },
			{ "role", role_name(role) },
		};

		e = audit_write(db, actor, "user", id, "update",
		    audit_json(&a, before, 2), audit_json(&a, after, 2));
	}
	e = db_finish(db, e);
	arena_free(&a);
	return e;
}
