/*
 * Accounts.  Every change is one transaction with its audit row.
 * Disabling an account or changing its password ends its sessions.
 */
#ifndef TRACKER_USERS_H
#define TRACKER_USERS_H

#include <stddef.h>

#include "db.h"

struct arena;

enum role {
	ROLE_NONE = 0,
	ROLE_VIEWER,		/* reads everything */
	ROLE_EDITOR,		/* also records and edits */
	ROLE_ADMIN,		/* also manages strategy, users and settings */
	ROLE__MAX
};

struct user {
	long long	 id;
	const char	*username;
	const char	*display_name;
	enum role	 role;
	const char	*password_hash;
	int		 disabled;
};

/* "viewer", "editor", "admin"; role_parse returns ROLE_NONE if unknown. */
const char	*role_name(enum role);
enum role	 role_parse(const char *);

/* NULL if s is a valid user name (1-64 of a-z 0-9 . _ -), else why not. */
const char	*user_name_problem(const char *s);

/* NULL if pw is acceptable for a real account (8-1024 bytes), else why. */
const char	*user_password_problem(const char *pw);

/* Look up by name; DB_NOTFOUND if there is no such user. */
enum db_err	 user_find(struct db *, struct arena *, const char *username,
		    struct user *);

/* Look up by id; DB_NOTFOUND if there is no such user. */
enum db_err	 user_get(struct db *, struct arena *, long long id,
		    struct user *);

/* All users by name, in the arena. */
enum db_err	 user_list(struct db *, struct arena *, struct user **,
		    size_t *n);

/*
 * Create a user (DB_DUPLICATE if the name is taken).  actor names who did
 * it, for the audit log ("tracker-admin", a user name...).
 */
enum db_err	 user_add(struct db *, const char *actor, const char *username,
		    const char *display_name, enum role, const char *password);

enum db_err	 user_set_password(struct db *, const char *actor,
		    const char *username, const char *password);

enum db_err	 user_set_disabled(struct db *, const char *actor,
		    const char *username, int disabled);

/*
 * Change the display name and role of user id (DB_NOTFOUND if there is
 * none), with an audit row of both before and after.  A new role takes
 * effect at the user's next request: sessions read the role live.
 */
enum db_err	 user_set_role_name(struct db *, const char *actor, long long id,
		    const char *display_name, enum role);

#endif
