/*
 * The people type-ahead (people_search.h).  Words of three characters or
 * more go to the FULLTEXT index on the name (sql/013_people_search.sql)
 * as required prefixes, "+jon* +sar*"; shorter ones, which that index
 * does not hold, narrow its matches with LIKE.  A query of short words
 * only ("Al", "O'") is a prefix of the whole name, read from the
 * people_name index in name order, so it stops after the page.  Either
 * way a search reads a few index entries, not the directory.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "people_search.h"
#include "utf8.h"

#define MAX_WORDS	8
/*
 * The most word matches a search looks at.  A word shared by most of the
 * directory ("Lord", or the bench's "Bench person N") matches
 * everyone; reading them all to sort by name would cost a primary-key
 * lookup each.  Past this many the user is shown some of them and types
 * more.
 */
#define MAX_WORD_MATCHES "1000"

#define MATCH_COLUMNS \
	"SELECT p.id, p.full_name, c.label, p.party, p.is_current, " \
	"(SELECT COUNT(*) FROM people t WHERE t.full_name = p.full_name " \
	"AND t.deleted_at IS NULL) "

#define IN_SET \
	"AND p.deleted_at IS NULL AND (? = 0 OR p.category IN ('mp', 'peer')) "

enum {
	PS_PREFIX,
	PS_WORDS,
	PS__MAX
};

static const char *const ps_sql[PS__MAX] = {
	/* Names that start with what was typed: a range of people_name. */
	[PS_PREFIX] =
	    MATCH_COLUMNS "FROM people p "
	    "JOIN person_categories c ON c.code = p.category "
	    "WHERE p.full_name LIKE ? " IN_SET
	    "ORDER BY p.full_name, p.id LIMIT ?",
	/* The others with a word starting with each long word typed. */
	[PS_WORDS] =
	    MATCH_COLUMNS "FROM (SELECT id FROM people "
	    "WHERE MATCH (full_name) AGAINST (? IN BOOLEAN MODE) "
	    "LIMIT " MAX_WORD_MATCHES ") w JOIN people p ON p.id = w.id "
	    "JOIN person_categories c ON c.code = p.category "
	    "WHERE CONCAT(' ', p.full_name) LIKE ? AND p.full_name NOT LIKE ? "
	    IN_SET
	    "ORDER BY p.full_name, p.id LIMIT ?",
};

static const struct db_stmts ps_stmts = { DB_SLOT_PEOPLE_SEARCH, ps_sql,
    PS__MAX };

int
people_set_from(const char *name)
{
	if (name == NULL || *name == '\0' || strcmp(name, "all") == 0)
		return PEOPLE_ALL;
	if (strcmp(name, "parliamentarians") == 0)
		return PEOPLE_PARLIAMENTARIANS;
	return -1;
}

/* Letters and digits of any script make words; ASCII punctuation splits. */
static int
word_byte(unsigned char ch)
{
	return ch >= 0x80 || (ch >= '0' && ch <= '9') ||
	    (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* q with its LIKE wildcards escaped and '%' added: "what was typed%". */
static char *
prefix_pattern(struct arena *a, const char *q)
{
	char	*out, *d;

	if ((out = d = arena_alloc(a, strlen(q) * 2 + 2)) == NULL)
		return NULL;
	for (; *q != '\0'; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			*d++ = '\\';
		*d++ = *q;
	}
	*d++ = '%';
	*d = '\0';
	return out;
}

/*
 * Split q into words: the long ones into the boolean-mode query ft
 * ("+word* " each), the short ones into the LIKE pattern shortp
 * ("% al% o%", matched against the name after a space, so each starts a
 * word, as the long ones do: "of" finds "Patel of Bradford", not
 * "Sofia"), which holds only letters and digits, so nothing to escape;
 * *nwords counts them.  Returns -1 when out of memory.
 */
static int
split_words(struct arena *a, const char *q, char **ft, char **shortp,
    size_t *nwords)
{
	struct buf	 f, s;
	const char	*w;
	size_t		 len;
	char		*word;
	int		 rc = 0;

	buf_init(&f);
	buf_init(&s);
	buf_puts(&s, "%");
	*nwords = 0;
	while (*q != '\0' && *nwords < MAX_WORDS) {
		while (*q != '\0' && !word_byte((unsigned char)*q))
			q++;
		for (w = q; *q != '\0' && word_byte((unsigned char)*q); q++)
			;
		if ((len = (size_t)(q - w)) == 0)
			break;
		if ((word = arena_strndup(a, w, len)) == NULL) {
			rc = -1;
			break;
		}
		(*nwords)++;
		if (utf8_length(word) >= 3)
			buf_printf(&f, "+%s* ", word);
		else
			buf_printf(&s, " %s%%", word);
	}
	*ft = rc == 0 ? arena_strdup(a, f.data ? f.data : "") : NULL;
	*shortp = rc == 0 ? arena_strdup(a, s.data) : NULL;
	buf_free(&f);
	buf_free(&s);
	return *ft != NULL && *shortp != NULL ? 0 : -1;
}

/* At most PEOPLE_SEARCH_QMAX bytes of q, cut at a character's start. */
static char *
bounded(struct arena *a, const char *q)
{
	size_t	 n = strlen(q);

	while (*q == ' ')
		q++, n--;
	if (n > PEOPLE_SEARCH_QMAX) {
		n = PEOPLE_SEARCH_QMAX;
		while (n > 0 && ((unsigned char)q[n] & 0xc0) == 0x80)
			n--;
	}
	return arena_strndup(a, q, n);
}

/* Append the rows r to *out (n so far, room for max). */
static enum db_err
matches_from(struct arena *a, const struct db_rows *r,
    struct people_match *out, size_t *n, size_t max)
{
	size_t	 i;

	for (i = 0; i < r->nrows && *n < max; i++) {
		struct people_match *m = &out[(*n)++];
		const char *party = DB_CELL(r, i, 3);

		m->id = db_num(DB_CELL(r, i, 0));
		m->name = DB_CELL(r, i, 1);
		m->value = db_num(DB_CELL(r, i, 5)) > 1 ? arena_printf(a,
		    "%s #%lld", m->name, m->id) : m->name;
		m->hint = arena_printf(a, "%s%s%s%s", DB_CELL(r, i, 2),
		    *party ? ", " : "", party,
		    db_num(DB_CELL(r, i, 4)) ? "" : " (former)");
		if (m->value == NULL || m->hint == NULL)
			return DB_NOMEM;
	}
	return DB_OK;
}

/*
 * First the names that start with what was typed, which is how people
 * mostly type and which one index range answers; then, if the page is
 * not full, the names with a word starting with each long word typed.
 * Not when several words were typed and a name starts with them: the
 * user is typing a name from its start, and the word search would cost
 * a read of every name holding the commonest word ("Lord ...").
 */
enum db_err
people_search(struct db *db, struct arena *a, const char *q,
    enum people_set set, size_t limit, struct people_match **out, size_t *n)
{
	char		*typed, *ft, *shortp, *prefix;
	size_t		 nwords;
	struct db_rows	 r;
	enum db_err	 e;
	int		 parl = set == PEOPLE_PARLIAMENTARIANS;

	*n = 0;
	*out = NULL;
	if (limit == 0)
		limit = PEOPLE_SEARCH_LIMIT;
	if (limit > PEOPLE_SEARCH_MAX)
		limit = PEOPLE_SEARCH_MAX;
	if (q == NULL || (typed = bounded(a, q)) == NULL)
		return q == NULL ? DB_OK : DB_NOMEM;
	if (*typed == '\0' || !utf8_valid(typed, strlen(typed)))
		return DB_OK;
	if (split_words(a, typed, &ft, &shortp, &nwords) == -1 ||
	    (prefix = prefix_pattern(a, typed)) == NULL)
		return DB_NOMEM;
	if ((*out = arena_alloc(a, (limit + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	e = db_query_in(db, &ps_stmts, PS_PREFIX, DB_ARGS(DB_STR(prefix),
	    DB_INT(parl), DB_INT((long long)limit)), a, &r);
	if (e != DB_OK || (e = matches_from(a, &r, *out, n, limit)) != DB_OK)
		return e;
	if (*n == limit || *ft == '\0' || (*n > 0 && nwords > 1))
		return DB_OK;
	e = db_query_in(db, &ps_stmts, PS_WORDS, DB_ARGS(DB_STR(ft),
	    DB_STR(shortp), DB_STR(prefix), DB_INT(parl),
	    DB_INT((long long)(limit - *n))), a, &r);
	if (e != DB_OK)
		return e;
	return matches_from(a, &r, *out, n, limit);
}
