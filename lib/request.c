#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "request.h"
#include "utf8.h"

static const char *const req_errors[REQ__MAX] = {
	[REQ_OK] = "no error",
	[REQ_NOMEM] = "the server ran out of memory",
	[REQ_TOO_LARGE] = "the submitted data is larger than this server accepts",
	[REQ_BAD_UTF8] = "the request contains text that is not valid UTF-8",
	[REQ_BAD_LENGTH] = "the request's Content-Length is missing or invalid",
	[REQ_SHORT_BODY] = "the request body ended before its announced length",
	[REQ_BAD_TYPE] = "forms must be sent as application/x-www-form-urlencoded",
};

const char *
req_strerror(enum req_err e)
{
	return e >= 0 && e < REQ__MAX ? req_errors[e] : "unknown error";
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Percent-decode s[0..len) into the arena, '+' meaning space when
 * plus_is_space.  The result must be UTF-8 without NUL.
 */
static enum req_err
decode(struct arena *a, const char *s, size_t len, int plus_is_space,
    const char **out)
{
	char	*d;
	size_t	 i, j = 0;

	if ((d = arena_alloc(a, len + 1)) == NULL)
		return REQ_NOMEM;
	for (i = 0; i < len; i++) {
		int hi, lo;

		if (s[i] == '%' && i + 2 < len &&
		    (hi = hexval((unsigned char)s[i + 1])) >= 0 &&
		    (lo = hexval((unsigned char)s[i + 2])) >= 0) {
			d[j++] = (char)(hi << 4 | lo);
			i += 2;
		} else if (s[i] == '+' && plus_is_space)
			d[j++] = ' ';
		else
			d[j++] = s[i];
	}
	d[j] = '\0';
	if (!utf8_valid(d, j))
		return REQ_BAD_UTF8;
	*out = d;
	return REQ_OK;
}

static enum req_err
params_add(struct arena *a, struct params *p, size_t *cap, const char *name,
    const char *value)
{
	if (p->n == *cap) {
		size_t		 ncap = *cap ? *cap * 2 : 8;
		struct param	*nl = arena_alloc(a, ncap * sizeof(*nl));

		if (nl == NULL)
			return REQ_NOMEM;
		if (p->n)
			memcpy(nl, p->list, p->n * sizeof(*nl));
		p->list = nl;
		*cap = ncap;
	}
	p->list[p->n].name = name;
	p->list[p->n].value = value;
	p->n++;
	return REQ_OK;
}

enum req_err
req_parse_urlencoded(struct arena *a, const char *s, size_t len,
    struct params *out)
{
	size_t		 cap = 0, i = 0;
	enum req_err	 e;

	out->list = NULL;
	out->n = 0;
	while (i < len) {
		size_t		 end = i, eq;
		const char	*name, *value;

		while (end < len && s[end] != '&')
			end++;
		for (eq = i; eq < end && s[eq] != '='; eq++)
			continue;
		if (end > i) {
			if ((e = decode(a, s + i, eq - i, 1, &name)) != REQ_OK)
				return e;
			if (eq < end)
				e = decode(a, s + eq + 1, end - eq - 1, 1, &value);
			else
				value = "";
			if (e != REQ_OK)
				return e;
			if ((e = params_add(a, out, &cap, name, value)) != REQ_OK)
				return e;
		}
		i = end + 1;
	}
	return REQ_OK;
}

enum req_err
req_parse_cookies(struct arena *a, const char *s, struct params *out)
{
	size_t		 cap = 0;
	enum req_err	 e;

	out->list = NULL;
	out->n = 0;
	while (s != NULL && *s != '\0') {
		const char	*end = strchr(s, ';'), *eq, *ns, *ne, *vs, *ve;
		char		*name, *value;

		if (end == NULL)
			end = s + strlen(s);
		for (ns = s; ns < end && (*ns == ' ' || *ns == '\t'); ns++)
			continue;
		eq = memchr(ns, '=', (size_t)(end - ns));
		if (eq != NULL && eq > ns) {
			for (ne = eq; ne > ns && (ne[-1] == ' ' || ne[-1] == '\t'); ne--)
				continue;
			for (vs = eq + 1; *vs == ' ' || *vs == '\t'; vs++)
				continue;
			ve = end;
			while (ve > vs && (ve[-1] == ' ' || ve[-1] == '\t'))
				ve--;
			if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
				vs++;
				ve--;
			}
			name = arena_strndup(a, ns, (size_t)(ne - ns));
			value = arena_strndup(a, vs, (size_t)(ve - vs));
			if (name == NULL || value == NULL)
				return REQ_NOMEM;
			/* Cookies are ours or junk: junk is dropped, not an error. */
			if (utf8_valid(name, strlen(name)) &&
			    utf8_valid(value, strlen(value)) &&
			    (e = params_add(a, out, &cap, name, value)) != REQ_OK)
				return e;
		}
		s = *end == ';' ? end + 1 : end;
	}
	return REQ_OK;
}

const char *
params_get(const struct params *p, const char *name)
{
	return params_nth(p, name, 0);
}

size_t
params_count(const struct params *p, const char *name)
{
	size_t	 i, n = 0;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->list[i].name, name) == 0)
			n++;
	return n;
}

const char *
params_nth(const struct params *p, const char *name, size_t nth)
{
	size_t	 i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->list[i].name, name) == 0 && nth-- == 0)
			return p->list[i].value;
	return NULL;
}

static const char *
env(const struct req_source *src, const char *name)
{
	return src->getenv(src->ctx, name);
}

static enum req_method
parse_method(const char *m)
{
	if (strcmp(m, "GET") == 0)
		return METHOD_GET;
	if (strcmp(m, "HEAD") == 0)
		return METHOD_HEAD;
	if (strcmp(m, "POST") == 0)
		return METHOD_POST;
	return METHOD_OTHER;
}

/* REQUEST_URI when the server gives it (all three do), else the CGI pair. */
static enum req_err
parse_path(struct request *req, struct arena *a, const struct req_source *src)
{
	const char	*uri = env(src, "REQUEST_URI");
	const char	*q;
	char		*joined;

	if (uri != NULL && *uri != '\0') {
		q = strchr(uri, '?');
		return decode(a, uri, q ? (size_t)(q - uri) : strlen(uri), 0,
		    &req->path);
	}
	joined = arena_printf(a, "%s%s",
	    env(src, "SCRIPT_NAME") ? env(src, "SCRIPT_NAME") : "",
	    env(src, "PATH_INFO") ? env(src, "PATH_INFO") : "");
	if (joined == NULL)
		return REQ_NOMEM;
	if (!utf8_valid(joined, strlen(joined)))
		return REQ_BAD_UTF8;
	req->path = *joined ? joined : "/";
	return REQ_OK;
}

static const char *
copy_env(struct arena *a, const struct req_source *src, const char *name)
{
	const char	*v = env(src, name);

	if (v == NULL || !utf8_valid(v, strlen(v)))
		return NULL;
	return arena_strdup(a, v);
}

static int
is_urlencoded(const char *ct)
{
	static const char	 want[] = "application/x-www-form-urlencoded";
	size_t			 n = sizeof(want) - 1;

	return ct != NULL && strncasecmp(ct, want, n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

static enum req_err
read_body(struct request *req, struct arena *a, const struct req_source *src,
    size_t max_body)
{
	const char		*cl = env(src, "CONTENT_LENGTH");
	char			*end, *body;
	unsigned long long	 len;
	size_t			 got = 0;

	if (cl == NULL || *cl == '\0')
		len = 0;
	else {
		if (!isdigit((unsigned char)*cl))
			return REQ_BAD_LENGTH;
		errno = 0;
		len = strtoull(cl, &end, 10);
		if (*end != '\0')
			return REQ_BAD_LENGTH;
		if (errno == ERANGE)
			return REQ_TOO_LARGE;
	}
	if (len > max_body)
		return REQ_TOO_LARGE;
	if (len == 0)
		return REQ_OK;
	if (!is_urlencoded(env(src, "CONTENT_TYPE")))
		return REQ_BAD_TYPE;
	if ((body = arena_alloc(a, (size_t)len + 1)) == NULL)
		return REQ_NOMEM;
	while (got < len) {
		ssize_t n = src->read(src->ctx, body + got, (size_t)len - got);

		if (n <= 0)
			return REQ_SHORT_BODY;
		got += (size_t)n;
	}
	return req_parse_urlencoded(a, body, got, &req->form);
}

enum req_err
req_parse(struct request *req, struct arena *a, const struct req_source *src,
    size_t max_body)
{
	const char	*m, *qs, *https;
	enum req_err	 e;

	memset(req, 0, sizeof(*req));
	req->path = "/";
	req->query_string = "";
	req->host = "";
	req->remote_addr = "";
	m = env(src, "REQUEST_METHOD");
	req->method_name = arena_strdup(a, m ? m : "GET");
	if (req->method_name == NULL)
		return REQ_NOMEM;
	req->method = parse_method(req->method_name);
	if ((e = req_parse_cookies(a, env(src, "HTTP_COOKIE"), &req->cookies)))
		return e;
	req->host = copy_env(a, src, "HTTP_HOST");
	req->origin = copy_env(a, src, "HTTP_ORIGIN");
	req->remote_addr = copy_env(a, src, "REMOTE_ADDR");
	req->remote_user = copy_env(a, src, "REMOTE_USER");
	if (req->host == NULL)
		req->host = "";
	if (req->remote_addr == NULL)
		req->remote_addr = "";
	https = env(src, "HTTPS");
	req->https = https != NULL && strcasecmp(https, "on") == 0;
	if ((e = parse_path(req, a, src)) != REQ_OK)
		return e;
	qs = env(src, "QUERY_STRING");
	if (qs != NULL &&
	    (e = req_parse_urlencoded(a, qs, strlen(qs), &req->query)) != REQ_OK)
		return e;
	/* Valid once decoded; kept encoded for links back to this page. */
	if ((req->query_string = arena_strdup(a, qs ? qs : "")) == NULL)
		return REQ_NOMEM;
	if (req->method == METHOD_POST)
		return read_body(req, a, src, max_body);
	return REQ_OK;
}
