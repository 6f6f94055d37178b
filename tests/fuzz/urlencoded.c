/*
 * req_parse_urlencoded(): query strings and form bodies, raw bytes (NUL
 * included).  On success every name and value is UTF-8 without NUL, and
 * there are no more pairs than '&'-separated pieces; percent-encoding
 * what was decoded and decoding it again gives it back.
 */
#include "config.h"

#include "arena.h"
#include "buf.h"
#include "html.h"
#include "request.h"
#include "utf8.h"

#include "fuzz.h"

static void
check_round_trip(struct arena *a, const struct params *p)
{
	struct buf	 b;
	struct params	 again;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < p->n; i++) {
		if (i > 0)
			buf_putc(&b, '&');
		url_escape_query(&b, p->list[i].name);
		buf_putc(&b, '=');
		url_escape_query(&b, p->list[i].value);
	}
	fuzz_assert(!b.failed);
	fuzz_assert(req_parse_urlencoded(a, b.len ? b.data : "", b.len,
	    &again) == REQ_OK);
	/* An empty name and value ("=") is a piece, unlike "": skip those. */
	for (i = 0; i < again.n && i < p->n; i++) {
		fuzz_assert(strcmp(again.list[i].name, p->list[i].name) == 0);
		fuzz_assert(strcmp(again.list[i].value, p->list[i].value) == 0);
	}
	fuzz_assert(again.n == p->n);
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	struct params	 p;
	size_t		 i, pieces = 1;

	arena_init(&a);
	if (req_parse_urlencoded(&a, (const char *)data, size, &p) == REQ_OK) {
		for (i = 0; i < size; i++)
			pieces += data[i] == '&';
		fuzz_assert(p.n <= pieces);
		for (i = 0; i < p.n; i++) {
			const char *n = p.list[i].name, *v = p.list[i].value;

			fuzz_assert(utf8_valid(n, strlen(n)));
			fuzz_assert(utf8_valid(v, strlen(v)));
		}
		check_round_trip(&a, &p);
	}
	arena_free(&a);
	return 0;
}
