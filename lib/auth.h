/*
 * Passwords, sessions, CSRF tokens and login throttling.
 *
 * A session is a random 256-bit token in an HttpOnly cookie; the
 * database keeps only its SHA-256, so a leaked table lets no one in.
 * Each session has its own CSRF token, sent in every form and compared in
 * constant time on every POST, together with the Origin header.
 */
#ifndef TRACKER_AUTH_H
#define TRACKER_AUTH_H

#include <stddef.h>

#include "db.h"
#include "users.h"

struct arena;
struct conf;

#define AUTH_TOKEN_HEX	65	/* 64 hex digits and NUL */
#define AUTH_HASH_MAX	128	/* >= crypto_pwhash_STRBYTES */

#define SESSION_COOKIE	"tracker_session"
#define LOGIN_CSRF_COOKIE "tracker_login"

struct session {
	long long	 id;
	long long	 user_id;
	const char	*username;
	const char	*display_name;
	enum role	 role;
	char		 csrf[AUTH_TOKEN_HEX];
};

enum auth_result {
	AUTH_OK = 0,
	AUTH_BAD_CREDENTIALS,	/* unknown user, wrong password, disabled */
	AUTH_THROTTLED,		/* too many recent failures */
	AUTH_UNAVAILABLE,	/* database down: 503 */
	AUTH_ERROR,		/* anything else: 500 */
};

/* libsodium must be initialised once per process before anything here. */
int		 auth_init(void);

/* argon2id string for pw into out; 0 or -1 (out of memory). */
int		 auth_hash_password(const char *pw, char out[AUTH_HASH_MAX]);

/* 1 if pw matches the argon2id string, else 0. */
int		 auth_verify_password(const char *hash, const char *pw);

/* A fresh random token: 32 bytes as 64 hex digits. */
void		 auth_random_token(char out[AUTH_TOKEN_HEX]);

/* The hex SHA-256 of a token, as stored in sessions.token_hash. */
void		 auth_token_hash(const char *token, char out[AUTH_TOKEN_HEX]);

/* 1 if the two tokens are equal (constant time for equal lengths). */
int		 auth_token_equal(const char *expected, const char *given);

/*
 * Check the throttle, the user and the password; on success create a
 * session, write its cookie token to token and fill *s.  On
 * AUTH_THROTTLED, *retry_after is the seconds until the next try.
 */
enum auth_result auth_login(struct db *, struct arena *, const struct conf *,
		    const char *username, const char *password,
		    const char *remote_addr, char token[AUTH_TOKEN_HEX],
		    struct session *s, long *retry_after);

/* Create a session for a user already authenticated. */
enum db_err	 session_create(struct db *, const struct conf *,
		    const struct user *, const char *remote_addr,
		    char token[AUTH_TOKEN_HEX], struct session *);

/*
 * The live session for a cookie token (DB_NOTFOUND if none, expired or
 * the user is disabled); refreshes its idle timer.
 */
enum db_err	 session_load(struct db *, struct arena *, const struct conf *,
		    const char *token, struct session *);

/* End the session with this token (logout). */
enum db_err	 session_end(struct db *, const char *token);

/* Drop expired sessions and old login failures. */
enum db_err	 session_purge(struct db *, const struct conf *);

/*
 * 1 if a POST's Origin header fits the request: absent (non-browser
 * clients), or exactly the site's own scheme://host[:port].
 */
int		 auth_origin_ok(const char *origin, const char *host, int https);

#endif
