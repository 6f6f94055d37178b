/*
 * Press monitoring: which watch terms (the organisation's names and
 * aliases, its spokespeople, tracked parliamentarians, policy topics) a
 * news item names.
 *
 * Terms and text are compared after the same folding: case, Latin
 * diacritics (Latin-1 Supplement and Latin Extended-A: é->e, ß->ss,
 * ł->l, æ->ae; combining accents U+0300-U+036F dropped), typographic
 * quotes to ' and ", dashes to -, and every run of white space (including
 * no-break and Unicode spaces) to one space.  Soft hyphens and zero-width
 * characters are ignored.  Other scripts are compared byte for byte.
 *
 * A match starts and ends at a word boundary: letters and digits (and
 * characters outside ASCII that are neither space nor punctuation) are
 * word characters, everything else is a boundary, so "JCORE" is found in
 * "(JCORE)" and "JCORE's" but not in "JCOREX".  Punctuation inside a term
 * is literal: "HIAS+JCORE" and "HIAS + JCORE" are different terms, each
 * matching its own spacing variants ("HIAS  +\nJCORE" for the latter).
 *
 * The terms are compiled once into an Aho-Corasick automaton (a complete
 * DFA over the byte classes the terms use), so a scan is one pass over the
 * text whatever the number of terms.  Build memory is about
 * 4 * (total folded term bytes) * (distinct term bytes) bytes: a few MB
 * for thousands of terms.
 *
 * Memory: the matcher is malloc'd and outlives requests (build it once
 * per term set, scan many items); hits come from the caller's arena.
 * lib/ never prints: errors are returned.
 */
#ifndef TRACKER_MATCH_H
#define TRACKER_MATCH_H

#include <stddef.h>

struct arena;
struct matcher;

enum match_err {
	MATCH_OK = 0,
	MATCH_NOMEM,
	MATCH_EMPTY,		/* nothing left of the term after folding */
	MATCH_INVALID,		/* the term is not valid UTF-8, or its id is 0 */
	MATCH_STATE,		/* added after build, or scanned before it */
	MATCH__MAX
};

enum match_field {
	MATCH_TITLE = 0,
	MATCH_BODY,
	MATCH_FIELD__MAX
};

/*
 * One occurrence of an include term.  offset and length are bytes in the
 * ORIGINAL (unfolded) title or body, covering whole UTF-8 characters, so
 * a snippet can highlight text[offset .. offset + length).
 */
struct match_hit {
	long long		 term_id;
	enum match_field	 field;
	size_t			 offset;
	size_t			 length;
};

/* An empty matcher, or NULL when out of memory.  Free with matcher_free(). */
struct matcher	*matcher_new(void);

/*
 * Add a term before matcher_build().  id must be non-zero (0 means "not
 * excluded" in matcher_scan()); ids need not be unique.  exclude: a match
 * of this term anywhere it applies makes the item not a mention.
 * titles_only: the term is looked for in the title only.  The text is
 * copied (folded).  Returns MATCH_EMPTY for a term that folds to nothing
 * (white space, soft hyphens), MATCH_INVALID for bad UTF-8 or id 0,
 * MATCH_STATE after a successful build, MATCH_NOMEM; the matcher is
 * unchanged on error.
 */
enum match_err	 matcher_add(struct matcher *, long long id, const char *term,
		    int exclude, int titles_only);

/*
 * Compile the terms added so far; call once, after the last add.  A
 * matcher with no terms builds and finds nothing.  On MATCH_NOMEM the
 * matcher stays unbuilt and the build may be retried.
 */
enum match_err	 matcher_build(struct matcher *);

/*
 * Find the terms in a news item.  title and body are NUL-terminated and
 * may be NULL (empty) or invalid UTF-8 (a bad byte is a boundary that no
 * term matches across).  On success *hits (arena memory, NULL when none)
 * holds *nhits hits of include terms, every occurrence, overlapping ones
 * included ("Refugee Council" and "Council"), sorted by field (title
 * first), then offset, then longest first.  *excluded_by is the id of the
 * first exclusion term found (title before body, then by position), or 0;
 * when it is not 0 the item is NOT a mention: the hits are still filled
 * in so that a reviewer can see what was excluded.  Returns *nhits, or
 * -1 (out of memory, matcher not built, more than INT_MAX hits), when
 * *hits, *nhits and *excluded_by are NULL, 0 and 0.
 */
int		 matcher_scan(const struct matcher *, const char *title,
		    const char *body, struct match_hit **hits, size_t *nhits,
		    long long *excluded_by, struct arena *);

/*
 * Fold s (NUL-terminated) as terms are folded, into the arena: lower
 * case ASCII, spaces collapsed and trimmed.  NULL when out of memory or
 * when s is not valid UTF-8.  For tests and for showing an editor what a
 * term will match.
 */
char		*match_fold(const char *s, struct arena *);

/*
 * The forms in which the press names a person, from their name as the
 * directory holds it: that name (white space tidied), then without
 * courtesy titles and honorifics in front ("Rt Hon", "Dr", "Sir",
 * "Dame", "Rt Revd") or letters behind ("MP", "KC", "OBE"), then for a
 * peer by title the title and name without the territorial part
 * ("Baroness Linford of Highgate" also as "Baroness Linford").  Words in
 * parentheses are left out.  A form of one word is never given (a
 * surname alone would flood the inbox), nor one that folds like an
 * earlier one.  *out (arena memory, NULL when none) holds *n strings, the
 * name as held first when it has two words or more.  Returns 0, or -1
 * when out of memory.
 */
int		 match_name_variants(const char *name, struct arena *,
		    const char ***out, size_t *n);

/* The number of terms added, include and exclude. */
size_t		 matcher_count(const struct matcher *);

const char	*match_strerror(enum match_err);

/* Free the matcher and everything it owns; NULL is allowed. */
void		 matcher_free(struct matcher *);

#endif
