/*
 * feed_parse(): a whole document in memory, as tracker-feeds' parser
 * child gets it.  Whatever the bytes, it returns one of its errors or a
 * feed whose strings are UTF-8 and whose dates have the UTC shape.
 */
#include "config.h"

#include "arena.h"
#include "feed_parse.h"
#include "utf8.h"

#include "fuzz.h"

static void
check_string(const char *s)
{
	fuzz_assert(s == NULL || utf8_valid(s, strlen(s)));
}

static void
check_entry(const struct feed_entry *e)
{
	check_string(e->title);
	check_string(e->title_text);
	check_string(e->link);
	check_string(e->id);
	check_string(e->summary);
	check_string(e->summary_text);
	check_string(e->author);
	fuzz_assert(fuzz_date_shape(e->published));
	fuzz_assert(fuzz_date_shape(e->updated));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	struct feed	 f;
	char		 msg[256];
	size_t		 i;
	enum feed_err	 e;

	arena_init(&a);
	memset(msg, 'x', sizeof(msg));
	e = feed_parse(&a, (const char *)data, size, "https://example.org/feed/",
	    &f, msg, sizeof(msg));
	fuzz_assert(e >= FEED_OK && e < FEED__MAX);
	fuzz_assert(e == FEED_OK || memchr(msg, '\0', sizeof(msg)) != NULL);
	fuzz_assert(strlen(feed_strerror(e)) > 0);
	if (e == FEED_OK) {
		check_string(f.title);
		check_string(f.title_text);
		check_string(f.link);
		fuzz_assert(f.n_entries == 0 || f.entries != NULL);
		for (i = 0; i < f.n_entries; i++)
			check_entry(&f.entries[i]);
	}
	arena_free(&a);
	return 0;
}
