/*
 * feed_parse_stream(): the same documents pulled in uneven chunks, as
 * tracker-feeds reads them from the network, with the byte cap and
 * text_only taken from the first byte.  Entries handed to the callback
 * are well formed; the streaming parser never hands over more entries
 * than there are elements in the document.
 */
#include "config.h"

#include "arena.h"
#include "feed_parse.h"
#include "utf8.h"

#include "fuzz.h"

struct reader {
	const uint8_t	*data;
	size_t		 len, off, chunk;
	size_t		 entries, tags;
};

static long
read_chunk(void *arg, char *buf, size_t len)
{
	struct reader	*r = arg;
	size_t		 n = r->len - r->off;

	if (n > len)
		n = len;
	if (n > r->chunk)
		n = r->chunk;
	memcpy(buf, r->data + r->off, n);
	r->off += n;
	/* Chunks of 1 to 64 bytes, changing as it goes. */
	r->chunk = r->chunk * 7 % 64 + 1;
	return (long)n;
}

static void
check_string(const char *s)
{
	fuzz_assert(s == NULL || utf8_valid(s, strlen(s)));
}

static int
each(void *arg, const struct feed_entry *e)
{
	struct reader	*r = arg;

	check_string(e->title);
	check_string(e->title_text);
	check_string(e->link);
	check_string(e->id);
	check_string(e->summary);
	check_string(e->summary_text);
	check_string(e->author);
	fuzz_assert(fuzz_date_shape(e->published));
	fuzz_assert(fuzz_date_shape(e->updated));
	r->entries++;
	fuzz_assert(r->entries <= r->tags);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reader		 r;
	struct feed_source	 src;
	struct arena		 a;
	struct feed		 f;
	char			 msg[128];
	size_t			 i;
	enum feed_err		 e;

	if (size == 0)
		return 0;
	memset(&r, 0, sizeof(r));
	r.data = data + 1;
	r.len = size - 1;
	r.chunk = data[0] % 64 + 1;
	for (i = 0; i < r.len; i++)
		r.tags += r.data[i] == '<';
	memset(&src, 0, sizeof(src));
	src.read = read_chunk;
	src.arg = &r;
	src.max_bytes = data[0] & 0x80 ? 512 : 0;
	src.text_only = data[0] & 0x40 ? 1 : 0;
	src.base = "https://example.org/feed/";
	arena_init(&a);
	e = feed_parse_stream(&a, &src, each, &r, &f, msg, sizeof(msg));
	fuzz_assert(e >= FEED_OK && e < FEED__MAX);
	fuzz_assert(e == FEED_OK || memchr(msg, '\0', sizeof(msg)) != NULL);
	if (e == FEED_OK) {
		check_string(f.title);
		check_string(f.title_text);
		check_string(f.link);
		fuzz_assert(f.entries == NULL);
	}
	arena_free(&a);
	return 0;
}
