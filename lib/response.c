#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "response.h"

/*
 * Sent on every response.  The CSP allows no inline script or style at
 * all: pages use htdocs/static files only.
 */
static const char *const security_headers[][2] = {
	{ "Content-Security-Policy", "default-src 'self'; script-src 'self'; "
	    "style-src 'self'; img-src 'self' data:; object-src 'none'; "
	    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "X-Frame-Options", "DENY" },
	{ "Referrer-Policy", "same-origin" },
	{ "Cache-Control", "no-store" },
};

void
resp_init(struct response *r, struct arena *a)
{
	memset(r, 0, sizeof(*r));
	r->status = 200;
	r->arena = a;
	buf_init(&r->body);
	resp_header(r, "Content-Type", "text/html; charset=utf-8");
}

void
resp_free(struct response *r)
{
	buf_free(&r->body);
}

static int
is_token(const char *s)
{
	static const char	 specials[] = "!#$%&'*+-.^_`|~";

	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr(specials, *s) != NULL))
			return 0;
	return 1;
}

static int
is_field_value(const char *s)
{
	for (; *s != '\0'; s++)
		if (((unsigned char)*s < 0x20 && *s != '\t') || *s == 0x7f)
			return 0;
	return 1;
}

int
resp_header(struct response *r, const char *name, const char *value)
{
	if (name == NULL || value == NULL || !is_token(name) ||
	    !is_field_value(value) || r->nheaders == RESP_MAX_HEADERS)
		return -1;
	r->headers[r->nheaders].name = name;
	r->headers[r->nheaders].value = value;
	r->nheaders++;
	return 0;
}

int
resp_header_set(struct response *r, const char *name, const char *value)
{
	size_t	 i;

	if (name == NULL || value == NULL || !is_token(name) ||
	    !is_field_value(value))
		return -1;
	for (i = 0; i < r->nheaders; i++)
		if (strcasecmp(r->headers[i].name, name) == 0) {
			r->headers[i].value = value;
			return 0;
		}
	return resp_header(r, name, value);
}

int
resp_cookie(struct response *r, const char *name, const char *value,
    long max_age, int secure)
{
	const char	*age = "", *v;

	if (name == NULL || value == NULL || !is_token(name) ||
	    strpbrk(value, ";,\" \\") != NULL)
		return -1;
	if (max_age >= 0 && (age = arena_printf(r->arena, "; Max-Age=%ld",
	    max_age)) == NULL)
		return -1;
	v = arena_printf(r->arena, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
	    name, value, secure ? "; Secure" : "", age);
	return v == NULL ? -1 : resp_header(r, "Set-Cookie", v);
}

int
resp_local_path(const char *s)
{
	return s != NULL && s[0] == '/' && s[1] != '/' && s[1] != '\\' &&
	    strpbrk(s, "\r\n\t") == NULL;
}

void
resp_redirect(struct response *r, const char *path)
{
	r->status = 303;
	if (!resp_local_path(path) || resp_header_set(r, "Location", path) == -1)
		resp_header_set(r, "Location", "/");
}

const char *
resp_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	case 507: return "Insufficient Storage";
	default: return "Unknown";
	}
}

int
resp_write(const struct response *r,
    int (*put)(void *, const char *, size_t), void *ctx)
{
	char	 line[64];
	size_t	 i;
	int	 n;

	n = snprintf(line, sizeof(line), "Status: %d %s\r\n", r->status,
	    resp_reason(r->status));
	if (put(ctx, line, (size_t)n) == -1)
		return -1;
	for (i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
		if (put(ctx, security_headers[i][0], strlen(security_headers[i][0])) ||
		    put(ctx, ": ", 2) ||
		    put(ctx, security_headers[i][1], strlen(security_headers[i][1])) ||
		    put(ctx, "\r\n", 2))
			return -1;
	for (i = 0; i < r->nheaders; i++)
		if (put(ctx, r->headers[i].name, strlen(r->headers[i].name)) ||
		    put(ctx, ": ", 2) ||
		    put(ctx, r->headers[i].value, strlen(r->headers[i].value)) ||
		    put(ctx, "\r\n", 2))
			return -1;
	if (put(ctx, "\r\n", 2) == -1)
		return -1;
	if (!r->head_only && r->body.len > 0)
		return put(ctx, r->body.data, r->body.len);
	return 0;
}
