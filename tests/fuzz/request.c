/*
 * req_parse(): a whole CGI request, environment and body.  The input is
 * lines: REQUEST_METHOD, REQUEST_URI, QUERY_STRING, CONTENT_TYPE,
 * CONTENT_LENGTH (empty: the body's length), HTTP_COOKIE, HTTP_HOST,
 * HTTP_ORIGIN, SCRIPT_NAME, PATH_INFO, HTTPS, then the body (the rest).
 * The body is read in uneven chunks, as a socket gives it.  Whatever
 * req_parse() returns, what it filled in is valid: UTF-8 without NUL.
 */
#include "config.h"

#include <sys/types.h>

#include "arena.h"
#include "request.h"
#include "utf8.h"

#include "fuzz.h"

static const char *const vars[] = {
	"REQUEST_METHOD", "REQUEST_URI", "QUERY_STRING", "CONTENT_TYPE",
	"CONTENT_LENGTH", "HTTP_COOKIE", "HTTP_HOST", "HTTP_ORIGIN",
	"SCRIPT_NAME", "PATH_INFO", "HTTPS",
};
#define NVARS	(sizeof(vars) / sizeof(vars[0]))

struct fake {
	char		*value[NVARS];
	char		 length[24];
	const char	*body;
	size_t		 len, off, chunk;
};

static const char *
fake_getenv(void *ctx, const char *name)
{
	struct fake	*f = ctx;
	size_t		 i;

	for (i = 0; i < NVARS; i++)
		if (strcmp(vars[i], name) == 0)
			break;
	if (i == NVARS || f->value[i] == NULL)
		return NULL;
	if (strcmp(name, "CONTENT_LENGTH") == 0 && *f->value[i] == '\0')
		return f->length;
	return f->value[i];
}

static ssize_t
fake_read(void *ctx, char *buf, size_t len)
{
	struct fake	*f = ctx;
	size_t		 n = f->len - f->off;

	if (n > len)
		n = len;
	if (n > f->chunk)
		n = f->chunk;
	memcpy(buf, f->body + f->off, n);
	f->off += n;
	return (ssize_t)n;
}

static int
valid(const char *s)
{
	return s != NULL && utf8_valid(s, strlen(s));
}

static void
check_params(const struct params *p)
{
	size_t	 i;

	fuzz_assert(p->n == 0 || p->list != NULL);
	for (i = 0; i < p->n; i++) {
		fuzz_assert(valid(p->list[i].name));
		fuzz_assert(valid(p->list[i].value));
		fuzz_assert(params_get(p, p->list[i].name) != NULL);
	}
}

static void
check_request(const struct request *r, enum req_err e)
{
	size_t	 i;

	fuzz_assert(r->method_name != NULL || e == REQ_NOMEM);
	fuzz_assert(r->path != NULL && r->query_string != NULL);
	fuzz_assert(r->host != NULL && r->remote_addr != NULL);
	check_params(&r->cookies);
	check_params(&r->query);
	check_params(&r->form);
	if (e == REQ_OK)
		fuzz_assert(valid(r->path));
	for (i = 0; i < r->uploads.n; i++) {
		const struct upload *u = &r->uploads.list[i];

		fuzz_assert(valid(u->name) && u->filename != NULL);
		fuzz_assert(u->content_type != NULL && u->data != NULL);
		fuzz_assert(u->data[u->len] == '\0');
	}
	fuzz_assert(strlen(req_strerror(e)) > 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s = fuzz_cstr(data, size), *piece[NVARS + 1];
	size_t		 n = fuzz_lines(s, piece, NVARS + 1), i;
	struct fake	 f;
	struct req_source src = { fake_getenv, fake_read, &f };
	struct request	 req;
	struct arena	 a;
	enum req_err	 e;

	memset(&f, 0, sizeof(f));
	for (i = 0; i < n && i < NVARS; i++)
		f.value[i] = piece[i];
	f.body = n > NVARS ? piece[NVARS] : "";
	f.len = strlen(f.body);
	f.chunk = f.len % 13 + 1;
	snprintf(f.length, sizeof(f.length), "%zu", f.len);
	arena_init(&a);
	e = req_parse(&req, &a, &src, 64 * 1024);
	check_request(&req, e);
	arena_free(&a);
	free(s);
	return 0;
}
