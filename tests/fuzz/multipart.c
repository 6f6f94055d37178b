/*
 * req_parse_multipart(): the first line is the Content-Type header, the
 * rest (raw bytes) the body.  On success the text parts are UTF-8
 * without NUL, each file part's bytes lie inside the body and are
 * followed by a NUL, and there are no more parts than delimiters.
 */
#include "config.h"

#include "arena.h"
#include "request.h"
#include "utf8.h"

#include "fuzz.h"

static size_t
count(const char *hay, size_t len, const char *needle, size_t n)
{
	size_t	 i, c = 0;

	for (i = 0; n > 0 && i + n <= len; i++)
		c += memcmp(hay + i, needle, n) == 0;
	return c;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*nl = memchr(data, '\n', size), *body;
	char		*ct;
	size_t		 len, i;
	struct arena	 a;
	struct params	 form = { NULL, 0 };
	struct uploads	 up = { NULL, 0 };

	if (nl == NULL)
		return 0;
	ct = fuzz_cstr(data, (size_t)(nl - (const char *)data));
	body = nl + 1;
	len = size - (size_t)(body - (const char *)data);
	arena_init(&a);
	if (req_parse_multipart(&a, ct, body, len, &form, &up) == REQ_OK) {
		fuzz_assert(form.n + up.n <= count(body, len, "--", 2));
		for (i = 0; i < form.n; i++) {
			const char *n = form.list[i].name, *v = form.list[i].value;

			fuzz_assert(utf8_valid(n, strlen(n)));
			fuzz_assert(utf8_valid(v, strlen(v)));
		}
		for (i = 0; i < up.n; i++) {
			fuzz_assert(up.list[i].len <= len);
			fuzz_assert(up.list[i].data[up.list[i].len] == '\0');
			fuzz_assert(utf8_valid(up.list[i].name,
			    strlen(up.list[i].name)));
			fuzz_assert(up.list[i].filename != NULL);
		}
	}
	arena_free(&a);
	free(ct);
	return 0;
}
