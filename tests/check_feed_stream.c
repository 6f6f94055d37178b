/*
 * feed_parse_stream(): the same result whatever the chunks the source
 * gives (repairs and CDATA cut at any byte), entries handed over one at
 * a time, and the source's own limits and failures.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "feed_parse.h"
#include "testhelp.h"

static struct arena	 a;
static char		 msg[300];

static void setup(void) { arena_init(&a); }
static void teardown(void) { arena_free(&a); }

/* A source that gives at most step bytes a call, failing at fail_at. */
struct chunks {
	const char	*data;
	size_t		 len, at, step, fail_at;
};

static long
chunk_read(void *arg, char *buf, size_t len)
{
	struct chunks	*c = arg;
	size_t		 n = c->len - c->at;

	if (c->fail_at > 0 && c->at >= c->fail_at) {
		errno = EIO;
		return -1;
	}
	if (n > c->step)
		n = c->step;
	if (n > len)
		n = len;
	memcpy(buf, c->data + c->at, n);
	c->at += n;
	return (long)n;
}

/* Every entry, flattened to one line each, into a growing string. */
struct flat {
	char	*s;
	size_t	 len, n;
	int	 stop_after;	/* 0: never */
	size_t	 cap;
};

static void
flat_add(struct flat *fl, const char *s)
{
	size_t	 n = strlen(s ? s : "(null)");

	/* Doubling: one realloc a field is quadratic under ASan's realloc. */
	if (fl->len + n + 2 > fl->cap) {
		fl->cap = fl->cap * 2 > fl->len + n + 2 ? fl->cap * 2 :
		    fl->len + n + 2;
		fl->s = realloc(fl->s, fl->cap);
		ck_assert_ptr_nonnull(fl->s);
	}
	memcpy(fl->s + fl->len, s ? s : "(null)", n);
	fl->len += n;
	fl->s[fl->len++] = '|';
	fl->s[fl->len] = '\0';
}

static int
flatten(void *arg, const struct feed_entry *e)
{
	struct flat	*fl = arg;

	flat_add(fl, e->title);
	flat_add(fl, e->title_text);
	flat_add(fl, e->link);
	flat_add(fl, e->id);
	flat_add(fl, e->published);
	flat_add(fl, e->updated);
	flat_add(fl, e->summary);
	flat_add(fl, e->summary_text);
	flat_add(fl, e->author);
	fl->n++;
	return fl->stop_after > 0 && fl->n >= (size_t)fl->stop_after ? -1 : 0;
}

static enum feed_err
stream(const char *doc, size_t len, size_t step, size_t max,
    struct flat *fl, struct feed *out)
{
	struct chunks		 c = { doc, len, 0, step, 0 };
	struct feed_source	 src = { chunk_read, &c, max, NULL, 0 };

	return feed_parse_stream(&a, &src, flatten, fl, out, msg, sizeof(msg));
}

/* Repairs, CDATA and comments, to be cut at every byte. */
static const char tricky[] =
    "  \n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<rss version=\"2.0\"><channel><title>Caf&eacute; &amp; Co</title>"
    "<item><title>Fish & chips &nbsp;in Leeds</title>"
    "<link>https://example.org/a?x=1&y=2</link>"
    "<description><![CDATA[<p>A & B ]] > ]]]]><![CDATA[>&eacute;</p>]]>"
    "</description><guid>id-1</guid>"
    "<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate></item>"
    "<!-- a comment with & and &bogus; inside -->"
    "<item><title>R&eacute;fugi&eacute;s &#233;&#x00E9; &copy;</title>"
    "<description>&lt;b&gt;bold&lt;/b&gt; &amp;amp; &hellip;</description>"
    "<author>a@example.org (A &amp; B)</author><guid>id-2</guid></item>"
    "</channel></rss>\n";

START_TEST(test_any_chunking)
{
	static const size_t	 steps[] = { 1, 2, 3, 5, 7, 9, 13, 64, 65, 66,
	    4096 };
	struct flat		 want = { NULL, 0, 0, 0, 0 }, got;
	struct feed		 f, mem;
	size_t			 i;

	ck_assert_int_eq(feed_parse(&a, tricky, strlen(tricky), NULL, &mem,
	    msg, sizeof(msg)), FEED_OK);
	ck_assert_uint_eq(mem.n_entries, 2);
	ck_assert_str_eq(mem.entries[0].title_text, "Fish & chips in Leeds");
	ck_assert_str_eq(mem.entries[0].link, "https://example.org/a?x=1&y=2");
	ck_assert_str_eq(mem.entries[1].title_text,
	    "R\xc3\xa9" "fugi\xc3\xa9s \xc3\xa9\xc3\xa9 \xc2\xa9");
	for (i = 0; i < mem.n_entries; i++)
		flatten(&want, &mem.entries[i]);
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		memset(&got, 0, sizeof(got));
		ck_assert_int_eq(stream(tricky, strlen(tricky), steps[i], 0,
		    &got, &f), FEED_OK);
		ck_assert_msg(strcmp(got.s, want.s) == 0,
		    "step %zu: got %s, want %s", steps[i], got.s, want.s);
		ck_assert_str_eq(f.title_text, "Caf\xc3\xa9 & Co");
		ck_assert_ptr_null(f.entries);
		free(got.s);
	}
	free(want.s);
}
END_TEST

/* A document bigger than the reader's chunks, every entry in order. */
START_TEST(test_many_entries)
{
	size_t		 n = 3000, i, len = 0, cap = n * 200 + 200;
	char		*doc = malloc(cap);
	struct flat	 got = { NULL, 0, 0, 0, 0 };
	struct feed	 f;
	char		 want[64];

	ck_assert_ptr_nonnull(doc);
	len += (size_t)snprintf(doc + len, cap - len, "<rss><channel>");
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(doc + len, cap - len,
		    "<item><title>Caf&eacute; %zu & more</title>"
		    "<guid>g%zu</guid></item>", i, i);
	len += (size_t)snprintf(doc + len, cap - len, "</channel></rss>");
	ck_assert_int_eq(stream(doc, len, 65536, 0, &got, &f), FEED_OK);
	ck_assert_uint_eq(got.n, n);
	snprintf(want, sizeof(want), "|g%zu|", n - 1);
	ck_assert_ptr_nonnull(strstr(got.s, want));
	ck_assert_ptr_nonnull(strstr(got.s, "Caf\xc3\xa9 2999 & more|"));
	free(got.s);
	free(doc);
}
END_TEST

START_TEST(test_limits_and_failures)
{
	struct flat		 got = { NULL, 0, 0, 0, 0 };
	struct feed		 f;
	struct chunks		 c = { tricky, strlen(tricky), 0, 16, 200 };
	struct feed_source	 src = { chunk_read, &c, 0, NULL, 0 };

	/* Larger than allowed, found while reading. */
	ck_assert_int_eq(stream(tricky, strlen(tricky), 7, 100, &got, &f),
	    FEED_TOO_LARGE);
	ck_assert_ptr_nonnull(strstr(msg, "larger than 100 bytes"));
	ck_assert_ptr_null(f.title);
	free(got.s);

	/* The source fails midway. */
	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(feed_parse_stream(&a, &src, flatten, &got, &f, msg,
	    sizeof(msg)), FEED_READ);
	free(got.s);

	/* The callback says stop after the first entry. */
	memset(&got, 0, sizeof(got));
	got.stop_after = 1;
	ck_assert_int_eq(stream(tricky, strlen(tricky), 4096, 0, &got, &f),
	    FEED_STOPPED);
	ck_assert_uint_eq(got.n, 1);
	free(got.s);

	/* Blank, in dribbles. */
	memset(&got, 0, sizeof(got));
	ck_assert_int_eq(stream(" \n\t \n", 5, 1, 0, &got, &f), FEED_EMPTY);
	ck_assert_uint_eq(got.n, 0);
	free(got.s);
}
END_TEST

/* UTF-16 is passed through untouched, however it is cut. */
START_TEST(test_utf16_chunks)
{
	static const char	 ascii[] = "<?xml version=\"1.0\" encoding="
	    "\"UTF-16\"?><rss><channel><item><title>Hello</title></item>"
	    "</channel></rss>";
	char			 doc[2 * sizeof(ascii) + 2];
	size_t			 i, len = 0;
	struct flat		 got = { NULL, 0, 0, 0, 0 };
	struct feed		 f;

	doc[len++] = (char)0xFF;
	doc[len++] = (char)0xFE;
	for (i = 0; ascii[i] != '\0'; i++) {
		doc[len++] = ascii[i];
		doc[len++] = '\0';
	}
	ck_assert_int_eq(stream(doc, len, 1, 0, &got, &f), FEED_OK);
	ck_assert_uint_eq(got.n, 1);
	ck_assert_ptr_nonnull(strstr(got.s, "Hello|Hello|"));
	free(got.s);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("feed_stream");
	TCase	*tc = tcase_create("stream");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_any_chunking);
	tcase_add_test(tc, test_many_entries);
	tcase_add_test(tc, test_limits_and_failures);
	tcase_add_test(tc, test_utf16_chunks);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
