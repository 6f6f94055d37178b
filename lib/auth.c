#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "auth.h"
#include "conf.h"
#include "db.h"
#include "users.h"

/*
 * A per-address limit well above the per-user one: an office behind one
 * NAT address must not lock itself out, a password sprayer must.
 */
#define ADDR_FAILURE_FACTOR	4

/* Refresh last_seen_at at most this often, to spare a write per page. */
#define TOUCH_INTERVAL		60

int
auth_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

int
auth_hash_password(const char *pw, char out[AUTH_HASH_MAX])
{
	return crypto_pwhash_str(out, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

int
auth_verify_password(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

void
auth_random_token(char out[AUTH_TOKEN_HEX])
{
	unsigned char	 raw[32];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(out, AUTH_TOKEN_HEX, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
}

void
auth_token_hash(const char *token, char out[AUTH_TOKEN_HEX])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, AUTH_TOKEN_HEX, h, sizeof(h));
}

int
auth_token_equal(const char *expected, const char *given)
{
	size_t	 n;

	if (expected == NULL || given == NULL)
		return 0;
	n = strlen(expected);
	return n > 0 && strlen(given) == n &&
	    sodium_memcmp(expected, given, n) == 0;
}

int
auth_origin_ok(const char *origin, const char *host, int https)
{
	const char	*scheme = https ? "https://" : "http://";
	size_t		 n = strlen(scheme);

	if (origin == NULL)
		return 1;
	return host != NULL && *host != '\0' &&
	    strncmp(origin, scheme, n) == 0 && strcmp(origin + n, host) == 0;
}

/* Failures within the window for one key; seconds until the oldest ages. */
static enum db_err
count_failures(struct db *db, struct arena *a, enum db_stmt id,
    const char *key, unsigned window, long *count, long *retry)
{
	struct db_rows	 r;
	enum db_err	 e;

	e = db_query(db, id, DB_ARGS(DB_INT(window), DB_STR(key),
	    DB_INT(window)), a, &r);
	if (e != DB_OK)
		return e;
	*count = r.nrows ? strtol(DB_CELL(&r, 0, 0), NULL, 10) : 0;
	*retry = r.nrows && DB_CELL(&r, 0, 1) ?
	    strtol(DB_CELL(&r, 0, 1), NULL, 10) : 0;
	if (*retry < 1)
		*retry = 1;
	return DB_OK;
}

static enum auth_result
from_db(enum db_err e)
{
	return e == DB_UNAVAILABLE ? AUTH_UNAVAILABLE : AUTH_ERROR;
}

static enum auth_result
check_throttle(struct db *db, struct arena *a, const struct conf *c,
    const char *username, const char *addr, long *retry_after)
{
	long		 n, retry;
	enum db_err	 e;

	e = count_failures(db, a, STMT_LOGIN_FAILURES_USER, username,
	    c->login_window_minutes, &n, &retry);
	if (e != DB_OK)
		return from_db(e);
	if ((unsigned long)n >= c->login_max_failures) {
		*retry_after = retry;
		return AUTH_THROTTLED;
	}
	e = count_failures(db, a, STMT_LOGIN_FAILURES_ADDR, addr,
	    c->login_window_minutes, &n, &retry);
	if (e != DB_OK)
		return from_db(e);
	if ((unsigned long)n >= (unsigned long)c->login_max_failures *
	    ADDR_FAILURE_FACTOR) {
		*retry_after = retry;
		return AUTH_THROTTLED;
	}
	return AUTH_OK;
}

/*
 * Verify against a real hash even for unknown users, so the time taken
 * does not reveal which user names exist.
 */
static int
password_matches(const struct user *u, int found, const char *password)
{
	static char	 dummy[AUTH_HASH_MAX];

	if (found)
		return auth_verify_password(u->password_hash, password);
	if (dummy[0] == '\0' && auth_hash_password("not a password", dummy))
		return 0;
	(void)auth_verify_password(dummy, password);
	return 0;
}

enum auth_result
auth_login(struct db *db, struct arena *a, const struct conf *c,
    const char *username, const char *password, const char *addr,
    char token[AUTH_TOKEN_HEX], struct session *s, long *retry_after)
{
	struct user		 u;
	enum auth_result	 r;
	enum db_err		 e;
	int			 found;

	*retry_after = 0;
	if ((r = check_throttle(db, a, c, username, addr, retry_after)) != AUTH_OK)
		return r;
	e = user_find(db, a, username, &u);
	if (e != DB_OK && e != DB_NOTFOUND)
		return from_db(e);
	found = e == DB_OK && !u.disabled;
	if (!password_matches(&u, found, password)) {
		e = db_exec(db, STMT_LOGIN_FAILURE_ADD,
		    DB_ARGS(DB_STR(username), DB_STR(addr)), NULL, NULL);
		return e == DB_OK ? AUTH_BAD_CREDENTIALS : from_db(e);
	}
	e = db_exec(db, STMT_LOGIN_FAILURE_CLEAR, DB_ARGS(DB_STR(username)),
	    NULL, NULL);
	if (e == DB_OK)
		e = session_create(db, c, &u, addr, token, s);
	return e == DB_OK ? AUTH_OK : from_db(e);
}

enum db_err
session_create(struct db *db, const struct conf *c, const struct user *u,
    const char *addr, char token[AUTH_TOKEN_HEX], struct session *s)
{
	char			 hash[AUTH_TOKEN_HEX];
	unsigned long long	 id = 0;
	enum db_err		 e;

	memset(s, 0, sizeof(*s));
	auth_random_token(token);
	auth_random_token(s->csrf);
	auth_token_hash(token, hash);
	e = db_exec(db, STMT_SESSION_INSERT, DB_ARGS(DB_STR(hash),
	    DB_INT(u->id), DB_STR(s->csrf), DB_STR(addr),
	    DB_INT(c->session_max_hours)), NULL, &id);
	if (e != DB_OK)
		return e;
	s->id = (long long)id;
	s->user_id = u->id;
	s->username = u->username;
	s->display_name = u->display_name;
	s->role = u->role;
	return DB_OK;
}

static int
token_well_formed(const char *t)
{
	return t != NULL && strlen(t) == AUTH_TOKEN_HEX - 1 &&
	    strspn(t, "0123456789abcdef") == AUTH_TOKEN_HEX - 1;
}

enum db_err
session_load(struct db *db, struct arena *a, const struct conf *c,
    const char *token, struct session *s)
{
	char		 hash[AUTH_TOKEN_HEX];
	struct db_rows	 r;
	enum db_err	 e;

	memset(s, 0, sizeof(*s));
	if (!token_well_formed(token))
		return DB_NOTFOUND;
	auth_token_hash(token, hash);
	e = db_query(db, STMT_SESSION_LOOKUP, DB_ARGS(DB_STR(hash),
	    DB_INT(c->session_idle_minutes)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	s->id = strtoll(DB_CELL(&r, 0, 0), NULL, 10);
	s->user_id = strtoll(DB_CELL(&r, 0, 1), NULL, 10);
	s->username = DB_CELL(&r, 0, 2);
	s->display_name = DB_CELL(&r, 0, 3);
	s->role = role_parse(DB_CELL(&r, 0, 4));
	snprintf(s->csrf, sizeof(s->csrf), "%s", DB_CELL(&r, 0, 5));
	if (strtol(DB_CELL(&r, 0, 6), NULL, 10) >= TOUCH_INTERVAL)
		return db_exec(db, STMT_SESSION_TOUCH, DB_ARGS(DB_INT(s->id)),
		    NULL, NULL);
	return DB_OK;
}

enum db_err
session_end(struct db *db, const char *token)
{
	char	 hash[AUTH_TOKEN_HEX];

	if (!token_well_formed(token))
		return DB_OK;
	auth_token_hash(token, hash);
	return db_exec(db, STMT_SESSION_DELETE, DB_ARGS(DB_STR(hash)),
	    NULL, NULL);
}

enum db_err
session_purge(struct db *db, const struct conf *c)
{
	enum db_err	 e;

	e = db_exec(db, STMT_SESSION_PURGE,
	    DB_ARGS(DB_INT(c->session_idle_minutes)), NULL, NULL);
	if (e == DB_OK)
		e = db_exec(db, STMT_LOGIN_FAILURE_PURGE, NULL, 0, NULL, NULL);
	return e;
}
