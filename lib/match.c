/*
 * Watch-term matching: fold, then one Aho-Corasick pass.  See match.h.
 *
 * The text is never folded into a buffer.  Each character is decoded,
 * folded to 0-4 bytes and fed straight to the automaton (ASCII through a
 * table, in a loop without calls); a ring of the
 * last (longest term + 2) folded bytes remembers, for each, the original
 * byte span it came from and whether it is a word byte, which is all a
 * match needs for its word boundaries and its original offset.  A match
 * ending at folded byte k-1 is only reported once byte k (or the end of
 * the text) is known, because its end boundary depends on it.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "match.h"

/* What a folded character is, for collapsing and for word boundaries. */
enum fold_class {
	FOLD_IGNORE,		/* soft hyphen, zero-width, combining accent */
	FOLD_SPACE,		/* collapses with its neighbours to one ' ' */
	FOLD_PUNCT,		/* a boundary, compared literally */
	FOLD_WORD		/* letter or digit */
};

/* Stands for a byte that is not UTF-8: no valid term contains it. */
#define FOLD_BAD_BYTE	0xff

struct term {
	long long	 id;
	unsigned char	*text;		/* folded, not NUL-terminated */
	size_t		 len;
	int		 exclude;
	int		 titles_only;
};

struct matcher {
	struct term	*terms;
	size_t		 nterms;
	size_t		 terms_cap;
	size_t		 maxlen;	/* longest folded term */
	int		 built;

	/* The automaton, set by matcher_build(). */
	unsigned char	 byte_class[256];	/* 0: a byte no term uses */
	size_t		 nclasses;
	size_t		 nstates;
	/*
	 * [state * nclasses + class]: the next state's row, that is its
	 * number times nclasses, so a scan step is one load and one add.
	 * States are numbered with those that have output (out_head not
	 * 0) last, from out_from on: "row >= out_row" is the scan's only
	 * other test per byte.
	 */
	int32_t		*delta;
	int32_t		 out_row;	/* out_from * nclasses */
	uint32_t	 ascii_scan[128];	/* see ascii_scan_fill() */
	int32_t		*out_head;	/* first state with output on the fail chain, 0 none */
	int32_t		*out_next;	/* the next such state after this one */
	int32_t		*out_first;	/* first term ending at this state, -1 none */
	int32_t		*term_next;	/* next term with the same folded text */
};

static const char *const match_errors[MATCH__MAX] = {
	"no error",
	"out of memory",
	"the term is empty",
	"the term is not valid UTF-8 or has no id",
	"the matcher is used out of order",
};

const char *
match_strerror(enum match_err e)
{
	return e >= 0 && e < MATCH__MAX ? match_errors[e] : "unknown error";
}

/*
 * Decode one character of NUL-terminated s.  Returns the bytes used
 * (1 for a bad byte, when *cp is UINT32_MAX); never reads past the NUL,
 * because a NUL is not a continuation byte.  Rejects overlongs,
 * surrogates and anything above U+10FFFF (RFC 3629).
 */
static size_t
utf8_next(const unsigned char *s, uint32_t *cp)
{
	uint32_t	 c = s[0];

	*cp = UINT32_MAX;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xc2 || c > 0xf4 || (s[1] & 0xc0) != 0x80)
		return 1;
	if (c < 0xe0) {
		*cp = (c & 0x1f) << 6 | (s[1] & 0x3f);
		return 2;
	}
	if ((s[2] & 0xc0) != 0x80)
		return 1;
	if (c < 0xf0) {
		c = (c & 0x0f) << 12 | (uint32_t)(s[1] & 0x3f) << 6 |
		    (s[2] & 0x3f);
		if (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))
			return 1;
		*cp = c;
		return 3;
	}
	if ((s[3] & 0xc0) != 0x80)
		return 1;
	c = (c & 0x07) << 18 | (uint32_t)(s[1] & 0x3f) << 12 |
	    (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
	if (c < 0x10000 || c > 0x10ffff)
		return 1;
	*cp = c;
	return 4;
}

/*
 * U+00C0..U+017F folded to one ASCII letter; '*' marks the few handled
 * in fold_char() (two letters, or × and ÷ which are not letters).
 */
static const char latin_fold[] =
    "aaaaaa*ceeeeiiii" "dnooooo*ouuuuy**"	/* U+00C0 */
    "aaaaaa*ceeeeiiii" "dnooooo*ouuuuy*y"	/* U+00E0 */
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg"	/* U+0100 */
    "gggghhhhiiiiiiii" "ii**jjkkklllllll"	/* U+0120 */
    "lllnnnnnnnnnoooo" "oo**rrrrrrssssss"	/* U+0140 */
    "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";	/* U+0160 */

static int
is_unicode_space(uint32_t cp)
{
	return cp == 0x85 || cp == 0xa0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

static int
is_unicode_punct(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0xbf) || cp == 0xd7 || cp == 0xf7 ||
	    (cp >= 0x2000 && cp <= 0x206f) ||	/* general punctuation */
	    (cp >= 0x20a0 && cp <= 0x20cf) ||	/* currency */
	    (cp >= 0x2190 && cp <= 0x22ff) ||	/* arrows, maths */
	    (cp >= 0x2e00 && cp <= 0x2e7f) ||
	    (cp >= 0x3000 && cp <= 0x303f) ||	/* CJK punctuation */
	    (cp >= 0xfe30 && cp <= 0xfe4f) || cp == 0xfffd;
}

/*
 * Fold character cp, whose original bytes are src[0..n), into out (at
 * most 4 bytes, never more than n); *outlen is how many.  Returns its
 * fold_class.
 */
static enum fold_class
fold_char(uint32_t cp, const unsigned char *src, size_t n,
    unsigned char *out, size_t *outlen)
{
	const char	*two = NULL;

	*outlen = 1;
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z') {
			out[0] = (unsigned char)(cp - 'A' + 'a');
			return FOLD_WORD;
		}
		out[0] = (unsigned char)cp;
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			return FOLD_WORD;
		if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
			return FOLD_SPACE;
		return FOLD_PUNCT;
	}
	if (cp == UINT32_MAX) {
		out[0] = FOLD_BAD_BYTE;
		return FOLD_PUNCT;
	}
	if (cp >= 0xc0 && cp <= 0x17f && latin_fold[cp - 0xc0] != '*') {
		out[0] = (unsigned char)latin_fold[cp - 0xc0];
		return FOLD_WORD;
	}
	switch (cp) {
	case 0xc6: case 0xe6:		/* Æ æ */
		two = "ae";
		break;
	case 0xde: case 0xfe:		/* Þ þ */
		two = "th";
		break;
	case 0xdf:			/* ß */
		two = "ss";
		break;
	case 0x132: case 0x133:		/* Ĳ ĳ */
		two = "ij";
		break;
	case 0x152: case 0x153:		/* Œ œ */
		two = "oe";
		break;
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212:
		out[0] = '-';
		return FOLD_PUNCT;
	case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032:
		out[0] = '\'';
		return FOLD_PUNCT;
	case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
		out[0] = '"';
		return FOLD_PUNCT;
	case 0xad: case 0x200b: case 0x200c: case 0x200d: case 0x2060:
	case 0xfeff:
		*outlen = 0;
		return FOLD_IGNORE;
	default:
		break;
	}
	if (two != NULL) {
		out[0] = (unsigned char)two[0];
		out[1] = (unsigned char)two[1];
		*outlen = 2;
		return FOLD_WORD;
	}
	if (cp >= 0x300 && cp <= 0x36f) {
		*outlen = 0;
		return FOLD_IGNORE;
	}
	if (is_unicode_space(cp)) {
		out[0] = ' ';
		return FOLD_SPACE;
	}
	memcpy(out, src, n);
	*outlen = n;
	return is_unicode_punct(cp) ? FOLD_PUNCT : FOLD_WORD;
}

/*
 * Fold a term: into *out (malloc'd, *len bytes, NUL-terminated), spaces
 * collapsed and trimmed.  The folded text is never longer than s.
 */
static enum match_err
fold_term(const char *s, unsigned char **out, size_t *len)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned char		*buf;
	size_t			 n = 0;
	int			 space = 0;

	*out = NULL;
	*len = 0;
	if ((buf = malloc(strlen(s) + 1)) == NULL)
		return MATCH_NOMEM;
	while (*p != '\0') {
		uint32_t	 cp;
		size_t		 used = utf8_next(p, &cp), outlen;
		enum fold_class	 cls;

		if (cp == UINT32_MAX) {
			free(buf);
			return MATCH_INVALID;
		}
		cls = fold_char(cp, p, used, buf + n, &outlen);
		if (cls == FOLD_SPACE)
			space = 1;
		else if (cls != FOLD_IGNORE) {
			/* The slot is free: a space is 1 byte, its source >= 1. */
			if (space && n > 0) {
				memmove(buf + n + 1, buf + n, outlen);
				buf[n++] = ' ';
			}
			space = 0;
			n += outlen;
		}
		p += used;
	}
	buf[n] = '\0';
	if (n == 0) {
		free(buf);
		return MATCH_EMPTY;
	}
	*out = buf;
	*len = n;
	return MATCH_OK;
}

char *
match_fold(const char *s, struct arena *a)
{
	unsigned char	*folded;
	size_t		 len;
	char		*copy;
	enum match_err	 e;

	if ((e = fold_term(s, &folded, &len)) == MATCH_EMPTY)
		return arena_strdup(a, "");
	if (e != MATCH_OK)
		return NULL;
	copy = arena_strndup(a, (char *)folded, len);
	free(folded);
	return copy;
}

struct matcher *
matcher_new(void)
{
	return calloc(1, sizeof(struct matcher));
}

size_t
matcher_count(const struct matcher *m)
{
	return m->nterms;
}

enum match_err
matcher_add(struct matcher *m, long long id, const char *text, int exclude,
    int titles_only)
{
	struct term	*t;
	enum match_err	 e;

	if (m->built)
		return MATCH_STATE;
	if (id == 0 || text == NULL)
		return MATCH_INVALID;
	if (m->nterms == m->terms_cap) {
		size_t	 cap = m->terms_cap ? m->terms_cap * 2 : 16;

		if (cap > SIZE_MAX / sizeof(*t) ||
		    (t = realloc(m->terms, cap * sizeof(*t))) == NULL)
			return MATCH_NOMEM;
		m->terms = t;
		m->terms_cap = cap;
	}
	t = &m->terms[m->nterms];
	if ((e = fold_term(text, &t->text, &t->len)) != MATCH_OK)
		return e;
	t->id = id;
	t->exclude = exclude != 0;
	t->titles_only = titles_only != 0;
	if (t->len > m->maxlen)
		m->maxlen = t->len;
	m->nterms++;
	return MATCH_OK;
}

static void
automaton_free(struct matcher *m)
{
	free(m->delta);
	free(m->out_head);
	free(m->out_next);
	free(m->out_first);
	free(m->term_next);
	m->delta = m->out_head = m->out_next = m->out_first = m->term_next = NULL;
	m->nstates = 0;
}

/*
 * ascii_scan[] entries, for an ASCII byte: the class of its folded byte
 * (ASCII_CLASS), what the ring keeps of it (ASCII_INFO: see struct
 * scan), and whether it is white space.
 */
#define ASCII_CLASS(e)	((e) & 0xff)
#define ASCII_INFO(e)	((e) >> 8 & 0xff)
#define ASCII_SPACE	0x10000u

/*
 * Fill m->ascii_scan from fold_char() and the byte classes, so that the
 * scan of ASCII, most of any text, is a table look-up and no call.
 */
static void
ascii_scan_fill(struct matcher *m)
{
	unsigned	 c;

	for (c = 0; c < 128; c++) {
		unsigned char	 out[4];
		size_t		 outlen;
		enum fold_class	 cls = fold_char(c, NULL, 1, out, &outlen);

		if (cls == FOLD_SPACE)
			out[0] = ' ';
		m->ascii_scan[c] = m->byte_class[out[0]] |
		    (uint32_t)((cls == FOLD_WORD) | 1 << 1) << 8 |
		    (cls == FOLD_SPACE ? ASCII_SPACE : 0);
	}
}

/* Renumbered by perm (old state to new), int32_t arrays of n states. */
static int32_t *
states_permuted(const int32_t *v, const int32_t *perm, size_t n, int values)
{
	int32_t	*out;
	size_t	 i;

	if ((out = malloc((n ? n : 1) * sizeof(*out))) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		out[perm[i]] = values && v[i] != 0 ? perm[v[i]] : v[i];
	return out;
}

/*
 * Number the states with output last and make delta hold rows (see
 * struct matcher): the scan's per-byte work is then a load, an add and
 * a compare.  The root has no output, so it stays state 0 and 0 still
 * means "none" in out_head and out_next.  -1: no memory (m unchanged).
 */
static int
automaton_order(struct matcher *m)
{
	size_t		 n = m->nstates, nc = m->nclasses, i, j, next = 0;
	int32_t		*perm, *delta = NULL, *head = NULL, *onext = NULL,
			*first = NULL;

	if ((perm = calloc(n, sizeof(*perm))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (m->out_head[i] == 0)
			perm[i] = (int32_t)next++;
	m->out_row = (int32_t)(next * nc);
	for (i = 0; i < n; i++)
		if (m->out_head[i] != 0)
			perm[i] = (int32_t)next++;
	delta = malloc(n * nc * sizeof(*delta));
	head = states_permuted(m->out_head, perm, n, 1);
	onext = states_permuted(m->out_next, perm, n, 1);
	first = states_permuted(m->out_first, perm, n, 0);
	if (delta == NULL || head == NULL || onext == NULL || first == NULL) {
		free(perm);
		free(delta);
		free(head);
		free(onext);
		free(first);
		return -1;
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < nc; j++)
			delta[(size_t)perm[i] * nc + j] =
			    perm[m->delta[i * nc + j]] * (int32_t)nc;
	free(perm);
	free(m->delta);
	free(m->out_head);
	free(m->out_next);
	free(m->out_first);
	m->delta = delta;
	m->out_head = head;
	m->out_next = onext;
	m->out_first = first;
	return 0;
}

/*
 * The trie of the folded terms, then Aho-Corasick failure links in
 * breadth-first order, completing delta so that a scan is one table
 * look-up per folded byte.  Bytes that no term uses share class 0.
 */
enum match_err
matcher_build(struct matcher *m)
{
	size_t		 i, j, maxstates = 1, nc, head = 0, tail = 0;
	int32_t		*fail = NULL, *queue = NULL;
	int		 used[256] = { 0 };

	if (m->built)
		return MATCH_STATE;
	for (i = 0; i < m->nterms; i++) {
		for (j = 0; j < m->terms[i].len; j++)
			used[m->terms[i].text[j]] = 1;
		if (maxstates > (size_t)INT32_MAX - m->terms[i].len)
			return MATCH_NOMEM;
		maxstates += m->terms[i].len;
	}
	nc = 1;
	for (i = 0; i < 256; i++)
		m->byte_class[i] = used[i] ? (unsigned char)nc++ : 0;
	/* 256 used bytes would need class 256: impossible, 0xff is never used. */
	m->nclasses = nc;

	/* Rows (state * nc) are int32_t in delta. */
	if (maxstates > (size_t)INT32_MAX / nc)
		return MATCH_NOMEM;
	m->delta = calloc(maxstates * nc, sizeof(int32_t));
	m->out_head = calloc(maxstates, sizeof(int32_t));
	m->out_next = calloc(maxstates, sizeof(int32_t));
	m->out_first = malloc(maxstates * sizeof(int32_t));
	m->term_next = malloc((m->nterms ? m->nterms : 1) * sizeof(int32_t));
	fail = calloc(maxstates, sizeof(int32_t));
	queue = malloc(maxstates * sizeof(int32_t));
	if (m->delta == NULL || m->out_head == NULL || m->out_next == NULL ||
	    m->out_first == NULL || m->term_next == NULL || fail == NULL ||
	    queue == NULL)
		goto fail;
	for (i = 0; i < maxstates; i++)
		m->out_first[i] = -1;

	/* The trie: 0 in delta means "no child" until the links are made. */
	m->nstates = 1;
	for (i = m->nterms; i-- > 0; ) {
		const struct term	*t = &m->terms[i];
		size_t			 s = 0;

		for (j = 0; j < t->len; j++) {
			int32_t	*edge = &m->delta[s * nc + m->byte_class[t->text[j]]];

			if (*edge == 0)
				*edge = (int32_t)m->nstates++;
			s = (size_t)*edge;
		}
		/* Added in reverse so that the chain lists terms in add order. */
		m->term_next[i] = m->out_first[s];
		m->out_first[s] = (int32_t)i;
	}

	/* Depth 1 fails to the root; the root's missing edges stay at 0. */
	for (j = 0; j < nc; j++)
		if (m->delta[j] != 0)
			queue[tail++] = m->delta[j];
	while (head < tail) {
		size_t	 u = (size_t)queue[head++], f = (size_t)fail[u];

		m->out_next[u] = m->out_head[f];
		m->out_head[u] = m->out_first[u] >= 0 ? (int32_t)u : m->out_head[f];
		for (j = 0; j < nc; j++) {
			int32_t	*edge = &m->delta[u * nc + j];

			if (*edge != 0) {
				/* A trie child: u's row is untouched until now. */
				fail[*edge] = m->delta[f * nc + j];
				queue[tail++] = *edge;
			} else
				*edge = m->delta[f * nc + j];
		}
	}
	free(fail);
	free(queue);
	fail = queue = NULL;
	if (automaton_order(m) == -1)
		goto fail;
	ascii_scan_fill(m);
	m->built = 1;
	return MATCH_OK;
fail:
	free(fail);
	free(queue);
	automaton_free(m);
	return MATCH_NOMEM;
}

struct hit_list {
	struct match_hit	*v;
	size_t			 n;
	size_t			 cap;
};

/* One field being scanned. */
struct scan {
	const struct matcher	*m;
	enum match_field	 field;
	size_t			 mask;		/* ring size - 1 */
	/*
	 * Folded byte i came from the original bytes [ring_start[i],
	 * ring_start[i] + (ring_info[i] >> 1)); ring_info[i] & 1: it is a
	 * word byte.  (One byte for both: fewer stores per folded byte.)
	 */
	size_t			*ring_start;
	unsigned char		*ring_info;
	struct hit_list		*hits;
	long long		*excluded_by;
	int			 nomem;
};

static void
hit_push(struct scan *sc, long long id, size_t start, size_t end)
{
	struct hit_list		*l = sc->hits;
	struct match_hit	*v;

	if (l->n == l->cap) {
		size_t	 cap = l->cap ? l->cap * 2 : 16;

		if (cap > SIZE_MAX / sizeof(*v) ||
		    (v = realloc(l->v, cap * sizeof(*v))) == NULL) {
			sc->nomem = 1;
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	v = &l->v[l->n++];
	v->term_id = id;
	v->field = sc->field;
	v->offset = start;
	v->length = end - start;
}

/*
 * The terms ending at folded byte k-1, now that whether byte k is a word
 * byte is known (next_word; 0 at the end of the text).  state (a row)
 * has output.
 */
static void
scan_report(struct scan *sc, int32_t state, size_t k, int next_word)
{
	const struct matcher	*m = sc->m;
	int32_t			 u, t;

	if ((sc->ring_info[(k - 1) & sc->mask] & 1) && next_word)
		return;		/* ends inside a word */
	u = m->out_head[(size_t)state / m->nclasses];
	for (; u != 0; u = m->out_next[u]) {
		for (t = m->out_first[u]; t >= 0; t = m->term_next[t]) {
			const struct term	*term = &m->terms[t];
			size_t			 s0 = k - term->len;

			if (term->titles_only && sc->field != MATCH_TITLE)
				continue;
			if (s0 > 0 && (sc->ring_info[(s0 - 1) & sc->mask] & 1) &&
			    (sc->ring_info[s0 & sc->mask] & 1))
				continue;	/* starts inside a word */
			if (term->exclude) {
				if (*sc->excluded_by == 0)
					*sc->excluded_by = term->id;
				continue;
			}
			hit_push(sc, term->id, sc->ring_start[s0 & sc->mask],
			    sc->ring_start[(k - 1) & sc->mask] +
			    (sc->ring_info[(k - 1) & sc->mask] >> 1));
		}
	}
}

/*
 * Where a field's scan is: a local of scan_field(), apart from struct
 * scan, so that the compiler keeps it in registers (the ring's byte
 * stores could alias anything reached through a pointer).
 */
struct scan_at {
	int32_t			 state;		/* a row of delta */
	size_t			 k;		/* folded bytes fed so far */
	/* Copies of what the loop reads from sc and its matcher. */
	const int32_t		*delta;
	const unsigned char	*byte_class;
	int32_t			 out_row;
	size_t			 mask;
	size_t			*ring_start;
	unsigned char		*ring_info;
};

/*
 * Feed a folded byte of class cls to the automaton; info is what the
 * ring keeps with start (see struct scan).
 */
static inline void
scan_class(struct scan *sc, struct scan_at *at, unsigned cls,
    unsigned info, size_t start)
{
	size_t	 i = at->k & at->mask;

	if (at->state >= at->out_row)
		scan_report(sc, at->state, at->k, (int)(info & 1));
	at->ring_start[i] = start;
	at->ring_info[i] = (unsigned char)info;
	at->state = at->delta[(size_t)at->state + cls];
	at->k++;
}

/*
 * Feed folded byte b, from the n original bytes at start (n <= 4), to
 * the automaton.
 */
static inline void
scan_byte(struct scan *sc, struct scan_at *at, unsigned char b, int word,
    size_t start, size_t n)
{
	scan_class(sc, at, at->byte_class[b], (unsigned)word | (unsigned)n << 1,
	    start);
}

/*
 * A run of ASCII from p, most of any text, with no calls unless a term
 * may end here: p past the run.  *space: the last byte fed was a space
 * (runs of white space are fed as one).
 */
static const unsigned char *
scan_ascii(struct scan *sc, struct scan_at *at, const unsigned char *base,
    const unsigned char *p, int *space)
{
	const uint32_t	*table = sc->m->ascii_scan;
	uint32_t	 e;

	for (; *p != '\0' && *p < 0x80; p++) {
		e = table[*p];
		if (e & ASCII_SPACE) {
			if (*space)
				continue;
			*space = 1;
		} else
			*space = 0;
		scan_class(sc, at, ASCII_CLASS(e), ASCII_INFO(e),
		    (size_t)(p - base));
	}
	return p;
}

static void
scan_field(struct scan *sc, enum match_field field, const char *text)
{
	const unsigned char	*base = (const unsigned char *)text, *p = base;
	struct scan_at		 at = { 0, 0, sc->m->delta, sc->m->byte_class,
	    sc->m->out_row, sc->mask, sc->ring_start, sc->ring_info };
	int			 space = 0;

	sc->field = field;
	if (text == NULL)
		return;
	while (*(p = scan_ascii(sc, &at, base, p, &space)) != '\0') {
		unsigned char	 out[4];
		uint32_t	 cp;
		size_t		 used, outlen, off = (size_t)(p - base), i;
		enum fold_class	 cls;

		used = utf8_next(p, &cp);
		cls = fold_char(cp, p, used, out, &outlen);
		if (cls == FOLD_SPACE) {
			if (!space)
				scan_byte(sc, &at, ' ', 0, off, used);
			space = 1;
		} else if (cls != FOLD_IGNORE) {
			for (i = 0; i < outlen; i++)
				scan_byte(sc, &at, out[i], cls == FOLD_WORD,
				    off, used);
			space = 0;
		}
		p += used;
	}
	/* The root (state 0) never has output, so k > 0 here. */
	if (at.state >= at.out_row)
		scan_report(sc, at.state, at.k, 0);
}

static int
hit_cmp(const void *pa, const void *pb)
{
	const struct match_hit	*a = pa, *b = pb;

	if (a->field != b->field)
		return a->field < b->field ? -1 : 1;
	if (a->offset != b->offset)
		return a->offset < b->offset ? -1 : 1;
	if (a->length != b->length)
		return a->length > b->length ? -1 : 1;
	if (a->term_id != b->term_id)
		return a->term_id < b->term_id ? -1 : 1;
	return 0;
}

int
matcher_scan(const struct matcher *m, const char *title, const char *body,
    struct match_hit **hits, size_t *nhits, long long *excluded_by,
    struct arena *a)
{
	struct hit_list	 list = { NULL, 0, 0 };
	struct scan	 sc;
	size_t		 ring = 4;

	*hits = NULL;
	*nhits = 0;
	*excluded_by = 0;
	if (!m->built)
		return -1;
	while (ring < m->maxlen + 2)
		ring *= 2;
	memset(&sc, 0, sizeof(sc));
	sc.m = m;
	sc.mask = ring - 1;
	sc.hits = &list;
	sc.excluded_by = excluded_by;
	sc.ring_start = arena_alloc(a, ring * sizeof(size_t));
	sc.ring_info = arena_alloc(a, ring);
	if (sc.ring_start == NULL || sc.ring_info == NULL)
		goto fail;

	scan_field(&sc, MATCH_TITLE, title);
	scan_field(&sc, MATCH_BODY, body);
	if (sc.nomem || list.n > INT_MAX)
		goto fail;
	if (list.n > 0) {
		qsort(list.v, list.n, sizeof(list.v[0]), hit_cmp);
		if ((*hits = arena_alloc(a, list.n * sizeof(list.v[0]))) == NULL)
			goto fail;
		memcpy(*hits, list.v, list.n * sizeof(list.v[0]));
	}
	*nhits = list.n;
	free(list.v);
	return (int)list.n;
fail:
	free(list.v);
	*hits = NULL;
	*nhits = 0;
	*excluded_by = 0;
	return -1;
}

void
matcher_free(struct matcher *m)
{
	size_t	 i;

	if (m == NULL)
		return;
	automaton_free(m);
	for (i = 0; i < m->nterms; i++)
		free(m->terms[i].text);
	free(m->terms);
	free(m);
}

/*
 * People's names: the forms the press uses.  A name is split into words
 * at white space; words in parentheses are asides ("(demo)", "(Lab)").
 */

#define NAME_WORDS_MAX	32

/* Courtesy titles and honorifics the press drops: "Rt Hon", "Dr", "Sir". */
static const char *const honorifics[] = {
	"the", "rt", "right", "hon", "honourable", "rev", "revd", "reverend",
	"very", "most", "canon", "rabbi", "imam", "dr", "prof", "professor",
	"mr", "mrs", "ms", "miss", "mx", "cllr", "councillor", "sir", "dame",
	NULL
};

/* Letters after a name: "MP", "KC", "OBE"; compared in capitals only. */
static const char *const postnominals[] = {
	"MP", "MSP", "MS", "AM", "MLA", "MEP", "KC", "QC", "PC", "JP", "DL",
	"OBE", "MBE", "CBE", "KBE", "DBE", "CH", "KG", "KT", "GCB", "KCB", "CB",
	"GCMG", "KCMG", "CMG", "GCVO", "KCVO", "CVO", "LVO", "MVO", "FRS",
	"FBA", "FRSE", "PhD", "DPhil", NULL
};

/* Peerage titles: the press keeps them and drops the territorial part. */
static const char *const peerages[] = {
	"lord", "lady", "baroness", "baron", "viscount", "viscountess", "earl",
	"countess", "marquess", "marchioness", "duke", "duchess", NULL
};

/* Not a name after a peerage title: "Lord Bishop of Durham". */
static const char *const not_names[] = { "bishop", "archbishop", NULL };

/* 1 if word (len bytes; a trailing '.' or ',' ignored) is in list. */
static int
word_in(const char *word, size_t len, const char *const *list, int nocase)
{
	size_t	 i;

	while (len > 0 && (word[len - 1] == '.' || word[len - 1] == ','))
		len--;
	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == len && (nocase ?
		    strncasecmp(word, list[i], len) == 0 :
		    strncmp(word, list[i], len) == 0))
			return 1;
	return 0;
}

struct name_words {
	const char	*w[NAME_WORDS_MAX];
	size_t		 len[NAME_WORDS_MAX];
	size_t		 n;
};

/* Split name at white space, leaving out parenthesised asides. */
static int
name_split(const char *name, struct name_words *nw)
{
	const char	*p = name;
	int		 depth = 0;

	nw->n = 0;
	while (*p != '\0') {
		const char	*start;

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		start = p;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' &&
		    *p != '\r')
			p++;
		if (*start == '(')
			depth++;
		if (depth == 0) {
			if (nw->n == NAME_WORDS_MAX)
				return -1;
			nw->w[nw->n] = start;
			nw->len[nw->n++] = (size_t)(p - start);
		}
		if (p[-1] == ')' && depth > 0)
			depth--;
	}
	return 0;
}

/* Words [from, to) joined by single spaces; a trailing ',' dropped. */
static char *
name_join(struct arena *a, const struct name_words *nw, size_t from,
    size_t to)
{
	size_t	 i, total = 0, len;
	char	*s, *q;

	for (i = from; i < to; i++)
		total += nw->len[i] + 1;
	if ((s = arena_alloc(a, total + 1)) == NULL)
		return NULL;
	q = s;
	for (i = from; i < to; i++) {
		len = nw->len[i];
		if (i + 1 == to && len > 1 && nw->w[i][len - 1] == ',')
			len--;
		if (q != s)
			*q++ = ' ';
		memcpy(q, nw->w[i], len);
		q += len;
	}
	*q = '\0';
	return s;
}

/* Add s to the list unless it is one word or folds like one there. */
static int
variant_add(struct arena *a, const char **list, size_t *n, const char *s)
{
	const char	*folded;
	size_t		 i;

	if (s == NULL)
		return -1;
	if (strchr(s, ' ') == NULL)
		return 0;
	if ((folded = match_fold(s, a)) == NULL || *folded == '\0')
		return 0;
	for (i = 0; i < *n; i++) {
		const char	*other = match_fold(list[i], a);

		if (other == NULL)
			return -1;
		if (strcmp(other, folded) == 0)
			return 0;
	}
	list[(*n)++] = s;
	return 0;
}

int
match_name_variants(const char *name, struct arena *a, const char ***out,
    size_t *n)
{
	struct name_words	 nw;
	const char		**list;
	size_t			 first = 0, last, of;

	*out = NULL;
	*n = 0;
	if (name == NULL || name_split(name, &nw) == -1 || nw.n == 0)
		return 0;
	if ((list = arena_alloc(a, 3 * sizeof(*list))) == NULL)
		return -1;
	/* As the directory holds it (white space tidied). */
	if (variant_add(a, list, n, name_join(a, &nw, 0, nw.n)) == -1)
		return -1;
	/* Without courtesy titles in front or letters behind. */
	last = nw.n;
	while (last > 0 && word_in(nw.w[last - 1], nw.len[last - 1],
	    postnominals, 0))
		last--;
	while (first < last && word_in(nw.w[first], nw.len[first],
	    honorifics, 1))
		first++;
	if (first < last &&
	    variant_add(a, list, n, name_join(a, &nw, first, last)) == -1)
		return -1;
	/* A peer by title and name: "Lord Smith of Finsbury" as "Lord Smith". */
	if (first + 2 < last && word_in(nw.w[first], nw.len[first], peerages,
	    1) && !word_in(nw.w[first + 1], nw.len[first + 1], not_names, 1)) {
		for (of = first + 2; of < last; of++)
			if (nw.len[of] == 2 && strncmp(nw.w[of], "of", 2) == 0)
				break;
		if (of < last && variant_add(a, list, n,
		    name_join(a, &nw, first, of)) == -1)
			return -1;
	}
	*out = *n > 0 ? list : NULL;
	return 0;
}
