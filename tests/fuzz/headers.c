/*
 * Response headers (lib/response.c) from hostile values: the input's
 * lines are a header name and value, a cookie name and value, and a
 * redirect target.  The CGI output has exactly the header lines that
 * were accepted, each "Name: value" without CR or LF inside (no header
 * injection, no response splitting), a cookie that cannot add its own
 * attributes, and a Location that stays on this site.
 */
#include "config.h"

#include <ctype.h>
#include <strings.h>

#include "arena.h"
#include "buf.h"
#include "response.h"

#include "fuzz.h"

static int
put(void *ctx, const char *s, size_t n)
{
	buf_append(ctx, s, n);
	return 0;
}

/* One header line: a token, ": ", a value without controls but tab. */
static void
check_line(const char *l, size_t n)
{
	size_t	 i = 0;

	while (i < n && l[i] != ':') {
		fuzz_assert(isalnum((unsigned char)l[i]) ||
		    strchr("!#$%&'*+-.^_`|~", l[i]) != NULL);
		i++;
	}
	fuzz_assert(i > 0 && i + 1 < n && l[i + 1] == ' ');
	for (i += 2; i < n; i++)
		fuzz_assert(((unsigned char)l[i] >= 0x20 || l[i] == '\t') &&
		    l[i] != 0x7f);
}

static void
check_cookie(const char *l, size_t n, const char *name)
{
	const char	*semi = memchr(l, ';', n);
	size_t		 nl = strlen(name);

	fuzz_assert(strncmp(l, "Set-Cookie: ", 12) == 0);
	fuzz_assert(strncmp(l + 12, name, nl) == 0 && l[12 + nl] == '=');
	fuzz_assert(semi != NULL && strncmp(semi, "; Path=/; HttpOnly; "
	    "SameSite=Lax", 32) == 0);
}

/* The header lines, up to the blank line; returns how many. */
static size_t
check_head(const struct buf *b, const char *cookie)
{
	const char	*p = b->data, *end = b->data + b->len, *eol;
	size_t		 lines = 0;

	fuzz_assert(strncmp(p, "Status: 303 See Other\r\n", 23) == 0);
	for (p += 23; (eol = strstr(p, "\r\n")) != NULL && eol != p;
	    p = eol + 2) {
		fuzz_assert(eol < end);
		check_line(p, (size_t)(eol - p));
		if (strncmp(p, "Set-Cookie: ", 12) == 0)
			check_cookie(p, (size_t)(eol - p), cookie);
		if (strncmp(p, "Location: ", 10) == 0)
			fuzz_assert(resp_local_path(p + 10) || p[10] == '/');
		lines++;
	}
	fuzz_assert(eol == p && eol + 2 == end);
	return lines;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		 none[1] = "";
	char		*s = fuzz_cstr(data, size);
	char		*v[5] = { none, none, none, none, none };
	struct arena	 a;
	struct response	 r;
	struct buf	 out;
	size_t		 before, added = 0;

	fuzz_lines(s, v, 5);
	/* Header names are the program's own; the cookie's line is checked. */
	if (strcasecmp(v[0], "Set-Cookie") == 0)
		v[0] = none;
	arena_init(&a);
	resp_init(&r, &a);
	before = r.nheaders;
	added += resp_header(&r, v[0], v[1]) == 0;
	added += resp_cookie(&r, v[2], v[3], (long)size - 100, size & 1) == 0;
	resp_redirect(&r, v[4]);
	added++;
	buf_init(&out);
	fuzz_assert(resp_write(&r, put, &out) == 0 && !out.failed);
	fuzz_assert(check_head(&out, v[2]) >= before + added);
	buf_free(&out);
	resp_free(&r);
	arena_free(&a);
	free(s);
	return 0;
}
