/*
 * The response under construction.  Every header goes through
 * resp_header(), which refuses CR, LF and other control characters, so no
 * value from a user can split a header.  The body is buffered whole, so a
 * handler can still turn into an error page after it started rendering.
 * Security headers are added by resp_write() to every response.
 */
#ifndef TRACKER_RESPONSE_H
#define TRACKER_RESPONSE_H

#include <stddef.h>

#include "buf.h"

struct arena;

#define RESP_MAX_HEADERS	24

struct response {
	int		 status;
	struct arena	*arena;
	struct {
		const char	*name;
		const char	*value;
	}		 headers[RESP_MAX_HEADERS];
	size_t		 nheaders;
	struct buf	 body;
	int		 head_only;	/* HEAD: send headers, no body */
};

/* Status 200, text/html; no headers yet.  Free with resp_free(). */
void		 resp_init(struct response *, struct arena *);
void		 resp_free(struct response *);

/*
 * Add a header.  Returns 0, or -1 (and adds nothing) when the name is not
 * an HTTP token or the value holds a control character, or when full.
 */
int		 resp_header(struct response *, const char *name,
		    const char *value);

/* Replace a header already set (Content-Type), or add it. */
int		 resp_header_set(struct response *, const char *name,
		    const char *value);

/*
 * Set-Cookie with HttpOnly, SameSite=Lax and Path=/; Secure when secure.
 * max_age < 0 means a session cookie, 0 deletes it.
 */
int		 resp_cookie(struct response *, const char *name,
		    const char *value, long max_age, int secure);

/* 303 See Other to a local path (anything else becomes "/"). */
void		 resp_redirect(struct response *, const char *local_path);

/* 1 if s is a path on this site: "/..." but not "//..." nor "/\...". */
int		 resp_local_path(const char *s);

/* The reason phrase for a status code ("Not Found"). */
const char	*resp_reason(int status);

/*
 * Write the whole response as CGI output ("Status:" line, headers,
 * blank line, body) through put, which returns 0 or -1.
 */
int		 resp_write(const struct response *,
		    int (*put)(void *ctx, const char *, size_t), void *ctx);

#endif
