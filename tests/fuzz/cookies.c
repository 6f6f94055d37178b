/*
 * req_parse_cookies(): the Cookie header as a browser, or an attacker,
 * sends it.  Every cookie kept has a non-empty name and a value, both
 * UTF-8 without NUL, and the name contains no '=' or ';'.
 */
#include "config.h"

#include "arena.h"
#include "request.h"
#include "utf8.h"

#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s = fuzz_cstr(data, size);
	struct arena	 a;
	struct params	 p;
	size_t		 i;

	arena_init(&a);
	if (req_parse_cookies(&a, s, &p) == REQ_OK)
		for (i = 0; i < p.n; i++) {
			const char *n = p.list[i].name, *v = p.list[i].value;

			fuzz_assert(n != NULL && v != NULL && *n != '\0');
			fuzz_assert(utf8_valid(n, strlen(n)));
			fuzz_assert(utf8_valid(v, strlen(v)));
			fuzz_assert(strpbrk(n, "=;") == NULL);
			fuzz_assert(strchr(v, ';') == NULL);
		}
	arena_free(&a);
	free(s);
	return 0;
}
