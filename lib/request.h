/*
 * The parsed HTTP request: everything a handler may read, copied into the
 * request's arena and validated once.  Handlers never see raw FastCGI
 * parameters or undecoded bytes: every name and value is percent-decoded,
 * well-formed UTF-8 and free of NUL bytes.
 */
#ifndef TRACKER_REQUEST_H
#define TRACKER_REQUEST_H

#include <stddef.h>
#include <sys/types.h>

struct arena;

enum req_err {
	REQ_OK = 0,
	REQ_NOMEM,		/* out of memory: 500 */
	REQ_TOO_LARGE,		/* body over the configured cap: 413 */
	REQ_BAD_UTF8,		/* a name, value or path is not UTF-8: 400 */
	REQ_BAD_LENGTH,		/* CONTENT_LENGTH not a number (absent: no body): 400 */
	REQ_SHORT_BODY,		/* fewer body bytes than announced: 400 */
	REQ_BAD_TYPE,		/* a POST body neither urlencoded nor multipart: 415 */
	REQ_BAD_MULTIPART,	/* a multipart/form-data body that is malformed: 400 */
	REQ__MAX
};

enum req_method {
	METHOD_GET = 0,
	METHOD_HEAD,
	METHOD_POST,
	METHOD_OTHER,
	METHOD__MAX
};

struct param {
	const char	*name;
	const char	*value;
};

struct params {
	struct param	*list;
	size_t		 n;
};

/*
 * A file part of a multipart/form-data body (RFC 7578): the field name,
 * the file name exactly as the browser sent it (path separators and all;
 * never use it as a path), the part's Content-Type ("" when absent) and
 * the bytes, which may hold anything, NUL included.  data is followed by
 * a NUL that is not counted in len, for callers that have checked the
 * bytes are text.  All in the request's arena.
 */
struct upload {
	const char	*name;
	const char	*filename;
	const char	*content_type;
	const char	*data;
	size_t		 len;
};

struct uploads {
	struct upload	*list;
	size_t		 n;
};

struct request {
	enum req_method	 method;
	const char	*method_name;	/* as sent, for logs */
	const char	*path;		/* decoded, without the query string */
	const char	*query_string;	/* as sent (still encoded), or "" */
	const char	*host;		/* HTTP_HOST, or "" */
	const char	*origin;	/* HTTP_ORIGIN, or NULL when absent */
	const char	*remote_addr;	/* or "" */
	const char	*remote_user;	/* REMOTE_USER, or NULL */
	int		 https;		/* came over TLS */
	struct params	 query;
	struct params	 form;		/* POST body: urlencoded, or the
					   text parts of a multipart one */
	struct uploads	 uploads;	/* file parts of a multipart body */
	struct params	 cookies;
};

/*
 * Where the parser reads the CGI environment and the body from: getenv for
 * plain CGI and tests, FCGX_GetParam/FCGX_GetStr under FastCGI.
 * read returns bytes read, 0 at end, -1 on error.
 */
struct req_source {
	const char	*(*getenv)(void *ctx, const char *name);
	ssize_t		 (*read)(void *ctx, char *buf, size_t len);
	void		*ctx;
};

/*
 * Fill req from src, reading at most max_body body bytes.  On any error
 * the fields parsed so far stay valid (method, path and cookies first, so
 * the error page can still know who is asking).
 */
enum req_err	 req_parse(struct request *req, struct arena *,
		    const struct req_source *src, size_t max_body);

/* A short English explanation of the error, for the error page. */
const char	*req_strerror(enum req_err);

/*
 * Decode "a=1&b=%20x+y" into params (sep '&' for query strings and
 * bodies).  Keys without '=' get the value "".  Empty pieces are skipped.
 * Invalid percent escapes are kept literally.
 */
enum req_err	 req_parse_urlencoded(struct arena *, const char *s, size_t len,
		    struct params *out);

/*
 * Parse a multipart/form-data body (RFC 7578, RFC 2046 framing, CRLF line
 * ends) whose Content-Type header is content_type (the boundary comes
 * from it, quoted or not).  Parts with a filename parameter go to
 * uploads, the others to form, their values UTF-8 without NUL (else
 * REQ_BAD_UTF8).  Anything malformed -- no boundary, a part without a
 * Content-Disposition name, headers without their blank line, no final
 * boundary -- is REQ_BAD_MULTIPART.  A preamble before the first boundary
 * and an epilogue after the last are ignored, as RFC 2046 says.
 */
enum req_err	 req_parse_multipart(struct arena *, const char *content_type,
		    const char *body, size_t len, struct params *form,
		    struct uploads *uploads);

/* The first file part named name, or NULL. */
const struct upload *req_upload(const struct request *, const char *name);

/* Decode a Cookie header ("a=b; c=d"); invalid cookies are dropped. */
enum req_err	 req_parse_cookies(struct arena *, const char *s,
		    struct params *out);

/* The first value for name, or NULL. */
const char	*params_get(const struct params *, const char *name);

/* How many values name has (repeated keys), and the i-th of them. */
size_t		 params_count(const struct params *, const char *name);
const char	*params_nth(const struct params *, const char *name, size_t i);

#define req_query(r, n)		params_get(&(r)->query, (n))
#define req_form(r, n)		params_get(&(r)->form, (n))
#define req_cookie(r, n)	params_get(&(r)->cookies, (n))

#endif
