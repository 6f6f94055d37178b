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
	[REQ_BAD_TYPE] = "forms must be sent as application/x-www-form-urlencoded "
	    "or multipart/form-data",
	[REQ_BAD_MULTIPART] = "the uploaded form data is malformed "
	    "(multipart/form-data that does not follow RFC 7578)",
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

/* --- multipart/form-data (RFC 7578) --------------------------------------- */

#define MULTIPART_MAX_BOUNDARY	70	/* RFC 2046 section 5.1.1 */

/* The first n-byte needle in hay[0..len), or NULL (memmem is not C99). */
static const char *
find_bytes(const char *hay, size_t len, const char *needle, size_t n)
{
	const char	*p = hay, *end = hay + len;

	while (n <= (size_t)(end - p) &&
	    (p = memchr(p, needle[0], (size_t)(end - p) - n + 1)) != NULL) {
		if (memcmp(p, needle, n) == 0)
			return p;
		p++;
	}
	return NULL;
}

/*
 * Find parameter want ("name", "boundary") in a header value such as
 * `form-data; name="a"; filename="b.csv"`.  The leading type is skipped.
 * A quoted value ends at the next '"': browsers escape '"' in names as
 * %22 and send backslashes as they are (HTML's rules, not RFC 2045's
 * quoted-pair), so "C:\x\y.csv" stays as given.  Returns 1 and the value
 * in [*vs, *vs + *vn) when found, 0 when absent, -1 when malformed.
 */
static int
header_param(const char *v, size_t vlen, const char *want, const char **vs,
    size_t *vn)
{
	const char	*p = v, *end = v + vlen, *ns, *s;
	size_t		 nn, n;
	int		 found = 0;

	while (p < end && *p != ';')
		p++;
	while (p < end) {
		p++;				/* the ';' */
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end)
			break;			/* a trailing ';' */
		for (ns = p; p < end && *p != '=' && *p != ';'; p++)
			continue;
		nn = (size_t)(p - ns);
		while (nn > 0 && (ns[nn - 1] == ' ' || ns[nn - 1] == '\t'))
			nn--;
		if (p == end || *p != '=' || nn == 0)
			return -1;
		p++;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p < end && *p == '"') {
			s = ++p;
			while (p < end && *p != '"')
				p++;
			if (p == end)
				return -1;
			n = (size_t)(p - s);
			p++;
		} else {
			for (s = p; p < end && *p != ';' && *p != ' ' &&
			    *p != '\t'; p++)
				continue;
			n = (size_t)(p - s);
		}
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p < end && *p != ';')
			return -1;
		if (!found && nn == strlen(want) &&
		    strncasecmp(ns, want, nn) == 0) {
			*vs = s;
			*vn = n;
			found = 1;
		}
	}
	return found;
}

/* A NUL-terminated UTF-8 copy of s[0..n), or an error. */
static enum req_err
copy_text(struct arena *a, const char *s, size_t n, const char **out)
{
	char	*d;

	if (!utf8_valid(s, n))
		return REQ_BAD_UTF8;
	if ((d = arena_strndup(a, s, n)) == NULL)
		return REQ_NOMEM;
	*out = d;
	return REQ_OK;
}

static enum req_err
uploads_add(struct arena *a, struct uploads *u, size_t *cap,
    const struct upload *up)
{
	if (u->n == *cap) {
		size_t		 ncap = *cap ? *cap * 2 : 4;
		struct upload	*nl = arena_alloc(a, ncap * sizeof(*nl));

		if (nl == NULL)
			return REQ_NOMEM;
		if (u->n)
			memcpy(nl, u->list, u->n * sizeof(*nl));
		u->list = nl;
		*cap = ncap;
	}
	u->list[u->n++] = *up;
	return REQ_OK;
}

/*
 * The headers of one part, from h to the blank line at hend: its
 * Content-Disposition name and filename (*has_file when a filename
 * parameter is present, even empty) and Content-Type.
 */
static enum req_err
part_headers(struct arena *a, const char *h, const char *hend,
    struct upload *up, int *has_file)
{
	static const char	 cd[] = "Content-Disposition:";
	static const char	 ct[] = "Content-Type:";
	const char		*line, *eol, *v, *vs;
	size_t			 vn;
	int			 seen_cd = 0, r;
	enum req_err		 e;

	*has_file = 0;
	up->content_type = "";
	for (line = h; line < hend; line = eol + 2) {
		eol = find_bytes(line, (size_t)(hend - line) + 2, "\r\n", 2);
		if (eol == NULL)
			return REQ_BAD_MULTIPART;
		if ((size_t)(eol - line) >= sizeof(cd) - 1 &&
		    strncasecmp(line, cd, sizeof(cd) - 1) == 0) {
			v = line + sizeof(cd) - 1;
			while (v < eol && (*v == ' ' || *v == '\t'))
				v++;
			if ((size_t)(eol - v) < 9 ||
			    strncasecmp(v, "form-data", 9) != 0 || seen_cd)
				return REQ_BAD_MULTIPART;
			seen_cd = 1;
			r = header_param(v, (size_t)(eol - v), "name", &vs, &vn);
			if (r != 1)
				return REQ_BAD_MULTIPART;
			if ((e = copy_text(a, vs, vn, &up->name)) != REQ_OK)
				return e;
			r = header_param(v, (size_t)(eol - v), "filename", &vs,
			    &vn);
			if (r == -1)
				return REQ_BAD_MULTIPART;
			if (r == 1) {
				*has_file = 1;
				if ((e = copy_text(a, vs, vn, &up->filename)))
					return e;
			}
		} else if ((size_t)(eol - line) >= sizeof(ct) - 1 &&
		    strncasecmp(line, ct, sizeof(ct) - 1) == 0) {
			v = line + sizeof(ct) - 1;
			while (v < eol && (*v == ' ' || *v == '\t'))
				v++;
			if ((e = copy_text(a, v, (size_t)(eol - v),
			    &up->content_type)) != REQ_OK)
				return e;
		}
	}
	return seen_cd ? REQ_OK : REQ_BAD_MULTIPART;
}

enum req_err
req_parse_multipart(struct arena *a, const char *content_type,
    const char *body, size_t len, struct params *form,
    struct uploads *uploads)
{
	const char	*bs, *p, *end = body + len, *hend, *next;
	char		 delim[MULTIPART_MAX_BOUNDARY + 5];
	size_t		 bn, dn, fcap = form->n, ucap = uploads->n;
	enum req_err	 e;

	if (content_type == NULL ||
	    header_param(content_type, strlen(content_type), "boundary", &bs,
	    &bn) != 1 || bn == 0 || bn > MULTIPART_MAX_BOUNDARY)
		return REQ_BAD_MULTIPART;
	/* Each delimiter is CRLF "--" boundary; the first may open the body. */
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, bs, bn);
	dn = bn + 4;
	if (len >= dn - 2 && memcmp(body, delim + 2, dn - 2) == 0)
		p = body + dn - 2;
	else if ((p = find_bytes(body, len, delim, dn)) != NULL)
		p += dn;
	else
		return REQ_BAD_MULTIPART;
	for (;;) {
		struct upload	 up;
		int		 has_file;

		/* After a delimiter: "--" closes, else padding and CRLF. */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return REQ_OK;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return REQ_BAD_MULTIPART;
		p += 2;
		/* The headers end at a blank line; a part must have some. */
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n')
			return REQ_BAD_MULTIPART;
		/* ...before this part's closing delimiter, not in a later part. */
		if ((next = find_bytes(p, (size_t)(end - p), delim, dn)) == NULL ||
		    (hend = find_bytes(p, (size_t)(next - p), "\r\n\r\n", 4)) ==
		    NULL)
			return REQ_BAD_MULTIPART;
		memset(&up, 0, sizeof(up));
		if ((e = part_headers(a, p, hend, &up, &has_file)) != REQ_OK)
			return e;
		p = hend + 4;
		if ((next = find_bytes(p, (size_t)(end - p), delim, dn)) == NULL)
			return REQ_BAD_MULTIPART;	/* no closing boundary */
		if (has_file) {
			char	*d = arena_alloc(a, (size_t)(next - p) + 1);

			if (d == NULL)
				return REQ_NOMEM;
			memcpy(d, p, (size_t)(next - p));
			d[next - p] = '\0';
			up.data = d;
			up.len = (size_t)(next - p);
			if ((e = uploads_add(a, uploads, &ucap, &up)) != REQ_OK)
				return e;
		} else {
			const char	*value;

			if ((e = copy_text(a, p, (size_t)(next - p), &value)) ||
			    (e = params_add(a, form, &fcap, up.name, value)))
				return e;
		}
		p = next + dn;
	}
}

const struct upload *
req_upload(const struct request *req, const char *name)
{
	size_t	 i;

	for (i = 0; i < req->uploads.n; i++)
		if (strcmp(req->uploads.list[i].name, name) == 0)
			return &req->uploads.list[i];
	return NULL;
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

static int
is_multipart(const char *ct)
{
	static const char	 want[] = "multipart/form-data";
	size_t			 n = sizeof(want) - 1;

	return ct != NULL && strncasecmp(ct, want, n) == 0 &&
	    (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

static enum req_err
read_body(struct request *req, struct arena *a, const struct req_source *src,
    size_t max_body)
{
	const char		*cl = env(src, "CONTENT_LENGTH"), *ct;
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
	ct = env(src, "CONTENT_TYPE");
	if (!is_urlencoded(ct) && !is_multipart(ct))
		return REQ_BAD_TYPE;
	if ((body = arena_alloc(a, (size_t)len + 1)) == NULL)
		return REQ_NOMEM;
	while (got < len) {
		ssize_t n = src->read(src->ctx, body + got, (size_t)len - got);

		if (n <= 0)
			return REQ_SHORT_BODY;
		got += (size_t)n;
	}
	body[got] = '\0';
	if (is_multipart(ct))
		return req_parse_multipart(a, ct, body, got, &req->form,
		    &req->uploads);
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
