/*
 * How fast the watch-term matcher scans, with 10 terms and with 1,000:
 * the claim in lib/match.h is that the number of terms barely matters.
 * Generates about 50 MB of news items (4 KB each, words from a fixed
 * vocabulary with accented names, some of the terms, and multibyte
 * punctuation), then scans every item with each term set, one arena per
 * item as in the real fetcher.  Usage: bench/match [megabytes].
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "match.h"

#define ITEM_BYTES	4096

static const char *const words[] = {
	"the", "council", "said", "government", "asylum", "children",
	"refugee", "minister", "policy", "Member", "Constituency",
	"parliament", "debate", "on", "Tuesday", "racial", "equality",
	"Jewish", "community", "of", "and", "a", "to", "in", "H\xc3\xa9l\xc3\xa8ne",
	"W\xc3\xb3jcik", ("Stra\xc3\x9f" "e"), "\xe2\x80\x94", "O\xe2\x80\x99Neill",
	"JCORE", "HIAS", "unaccompanied", "asylum-seeking", "report",
	"(2024)", "\xe2\x80\x9cquoted\xe2\x80\x9d", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",
};

static unsigned long	 rng = 88172645463325252UL;

static unsigned long
next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* nitems NUL-terminated items, each just under ITEM_BYTES, back to back. */
static char *
make_text(size_t nitems)
{
	size_t	 nwords = sizeof(words) / sizeof(words[0]), i;
	char	*text = malloc(nitems * ITEM_BYTES), *p;

	if (text == NULL)
		return NULL;
	for (i = 0; i < nitems; i++) {
		char	*end = text + (i + 1) * ITEM_BYTES - 1;

		p = text + i * ITEM_BYTES;
		for (;;) {
			const char	*w = words[next_random() % nwords];
			char		 num[48];
			size_t		 len;

			if (strcmp(w, "Member") == 0) {
				/* Often a tracked member's whole name. */
				unsigned long	 n = next_random() % 1200;

				snprintf(num, sizeof(num), "Member%lu "
				    "Constituency%lu", n, next_random() % 2 ?
				    n * 7 % 1200 : next_random() % 1200);
				w = num;
			} else if (strcmp(w, "Constituency") == 0) {
				snprintf(num, sizeof(num), "%s%lu", w,
				    next_random() % 1200);
				w = num;
			}
			len = strlen(w);
			if (p + len + 1 >= end)
				break;
			memcpy(p, w, len);
			p += len;
			*p++ = next_random() % 16 == 0 ? '\n' : ' ';
		}
		*p = '\0';
	}
	return text;
}

static struct matcher *
make_matcher(int nterms)
{
	static const char *const fixed[] = {
		"HIAS+JCORE", "HIAS + JCORE", "JCORE",
		"Jewish Council for Racial Equality",
		"unaccompanied asylum-seeking children", "Refugee Council",
		"H\xc3\xa9l\xc3\xa8ne W\xc3\xb3jcik", "Dr Zo\xc3\xab O'Neill",
		"racial equality", "crossword",
	};
	struct matcher	*m = matcher_new();
	char		 term[64];
	int		 i;

	if (m == NULL)
		return NULL;
	for (i = 0; i < nterms; i++) {
		const char	*t = term;

		if (i < 10)
			t = fixed[i];
		else
			snprintf(term, sizeof(term), "Member%d Constituency%d",
			    i, i * 7 % 1200);
		if (matcher_add(m, i + 1, t, i == 9, 0) != MATCH_OK)
			goto fail;
	}
	if (matcher_build(m) != MATCH_OK)
		goto fail;
	return m;
fail:
	matcher_free(m);
	return NULL;
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
run(const char *text, size_t nitems, int nterms)
{
	struct matcher	*m;
	struct arena	 a;
	size_t		 i, bytes = 0, total_hits = 0, excluded_items = 0;
	double		 t0, t1, build;

	t0 = now();
	if ((m = make_matcher(nterms)) == NULL) {
		fprintf(stderr, "match: cannot build %d terms\n", nterms);
		return -1;
	}
	build = now() - t0;
	arena_init(&a);
	t0 = now();
	for (i = 0; i < nitems; i++) {
		const char		*item = text + i * ITEM_BYTES;
		struct match_hit	*hits;
		size_t			 nhits;
		long long		 excluded;

		if (matcher_scan(m, "Weekly round-up", item, &hits, &nhits,
		    &excluded, &a) < 0) {
			fprintf(stderr, "match: scan failed\n");
			matcher_free(m);
			arena_free(&a);
			return -1;
		}
		total_hits += nhits;
		excluded_items += excluded != 0;
		bytes += strlen(item) + sizeof("Weekly round-up") - 1;
		arena_free(&a);
	}
	t1 = now();
	printf("%5d terms: build %.2f ms, %zu MB in %.3f s = %.0f MB/s "
	    "(%zu hits, %zu items excluded)\n", nterms, build * 1e3,
	    bytes >> 20, t1 - t0, (double)bytes / (t1 - t0) / 1e6,
	    total_hits, excluded_items);
	matcher_free(m);
	return 0;
}

int
main(int argc, char *argv[])
{
	size_t	 mb = argc > 1 ? strtoul(argv[1], NULL, 10) : 50;
	size_t	 nitems = mb * 1024 * 1024 / ITEM_BYTES;
	char	*text;
	int	 rc = 0;

	if (nitems == 0 || (text = make_text(nitems)) == NULL) {
		fprintf(stderr, "usage: bench/match [megabytes]\n");
		return 1;
	}
	if (run(text, nitems, 10) != 0 || run(text, nitems, 1000) != 0 ||
	    run(text, nitems, 10) != 0 || run(text, nitems, 1000) != 0)
		rc = 1;
	free(text);
	return rc;
}
