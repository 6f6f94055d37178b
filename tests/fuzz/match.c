/*
 * The watch-term matcher (lib/match.c) on hostile news text: lines up to
 * the first blank line are terms ("!" in front: an exclusion, "^": titles
 * only), then a title line, then the body.  Every hit lies in its field,
 * on whole UTF-8 characters, in the documented order, and folds to its
 * term; the name variants of the first term are a few non-empty names.
 */
#include "config.h"

#include "arena.h"
#include "match.h"
#include "utf8.h"

#include "fuzz.h"

#define MAX_TERMS	8

struct input {
	char		*term[MAX_TERMS];
	const char	*folded[MAX_TERMS];
	int		 exclude[MAX_TERMS], titles_only[MAX_TERMS];
	size_t		 nterms;
	const char	*title, *body;
};

static void
read_input(char *s, struct input *in, struct arena *a)
{
	char	*end = strstr(s, "\n\n"), *nl;
	size_t	 n;

	memset(in, 0, sizeof(*in));
	in->title = in->body = "";
	if (end != NULL) {
		*end = '\0';
		in->title = end + 2;
		if ((nl = strchr(end + 2, '\n')) != NULL) {
			*nl = '\0';
			in->body = nl + 1;
		}
	}
	while (in->nterms < MAX_TERMS && s != NULL) {
		nl = strchr(s, '\n');
		if (nl != NULL)
			*nl = '\0';
		n = strspn(s, "!^");
		in->exclude[in->nterms] = memchr(s, '!', n) != NULL;
		in->titles_only[in->nterms] = memchr(s, '^', n) != NULL;
		in->term[in->nterms] = s + n;
		in->folded[in->nterms++] = match_fold(s + n, a);
		s = nl != NULL ? nl + 1 : NULL;
	}
}

static void
check_hit(const struct input *in, const struct match_hit *h,
    struct arena *a)
{
	const char	*text = h->field == MATCH_TITLE ? in->title : in->body;
	size_t		 len = strlen(text);
	char		*piece;

	fuzz_assert(h->term_id >= 1 && (size_t)h->term_id <= in->nterms);
	fuzz_assert(!in->exclude[h->term_id - 1]);
	fuzz_assert(h->field == MATCH_TITLE || !in->titles_only[h->term_id - 1]);
	fuzz_assert(h->length > 0 && h->offset + h->length <= len);
	/* In valid text, a hit neither starts nor ends inside a character. */
	fuzz_assert(!utf8_valid(text, len) ||
	    ((unsigned char)text[h->offset] & 0xc0) != 0x80);
	fuzz_assert(!utf8_valid(text, len) || h->offset + h->length == len ||
	    ((unsigned char)text[h->offset + h->length] & 0xc0) != 0x80);
	piece = match_fold(arena_strndup(a, text + h->offset, h->length), a);
	if (piece != NULL && in->folded[h->term_id - 1] != NULL)
		fuzz_assert(strcmp(piece, in->folded[h->term_id - 1]) == 0);
}

static void
check_variants(const char *name, struct arena *a)
{
	const char	**v;
	size_t		  n, i;

	if (match_name_variants(name, a, &v, &n) != 0)
		return;
	for (i = 0; i < n; i++)
		fuzz_assert(v[i] != NULL && strchr(v[i], ' ') != NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char			*s = fuzz_cstr(data, size);
	struct arena		 a;
	struct input		 in;
	struct matcher		*m = matcher_new();
	struct match_hit	*hits;
	size_t			 nhits, i;
	long long		 excluded;

	fuzz_assert(m != NULL);
	arena_init(&a);
	read_input(s, &in, &a);
	for (i = 0; i < in.nterms; i++)
		(void)matcher_add(m, (long long)i + 1, in.term[i],
		    in.exclude[i], in.titles_only[i]);
	fuzz_assert(matcher_build(m) == MATCH_OK);
	fuzz_assert(matcher_scan(m, in.title, in.body, &hits, &nhits,
	    &excluded, &a) >= 0);
	for (i = 0; i < nhits; i++) {
		check_hit(&in, &hits[i], &a);
		if (i > 0)
			fuzz_assert(hits[i - 1].field < hits[i].field ||
			    (hits[i - 1].field == hits[i].field &&
			    hits[i - 1].offset <= hits[i].offset));
	}
	check_variants(in.term[0], &a);
	matcher_free(m);
	arena_free(&a);
	free(s);
	return 0;
}
