/*
 * The people type-ahead: a few live people whose name has a word starting
 * with what was typed, for GET /people/search.json (cgi-bin/people.c)
 * and the forms' script (htdocs/static/tracker.js).  Forms no longer
 * carry the whole directory, so a page's size and a program's memory do
 * not grow with it.  Domain only: never prints.
 */
#ifndef TRACKER_PEOPLE_SEARCH_H
#define TRACKER_PEOPLE_SEARCH_H

#include <stddef.h>

#include "db.h"

struct arena;

#define PEOPLE_SEARCH_LIMIT	20	/* matches when none is asked for */
#define PEOPLE_SEARCH_MAX	50	/* the most one search returns */
#define PEOPLE_SEARCH_QMAX	200	/* bytes of the query looked at */

/* Which people a search looks among. */
enum people_set {
	PEOPLE_ALL = 0,
	PEOPLE_PARLIAMENTARIANS,	/* MPs and Peers, former ones too */
	PEOPLE_SET__MAX
};

struct people_match {
	long long	 id;
	const char	*name;
	/*
	 * What to type for them, as the forms resolve names on save: the
	 * name, or "Name #id" when a live namesake shares it.
	 */
	const char	*value;
	const char	*hint;		/* "MP, Labour", " (former)" if not current */
};

/*
 * The people of set whose name has a word starting with each word of q
 * (case and accents folded, so "zoe" finds Zoë; punctuation separates
 * words), those whose name starts with q first, then by name and id; at
 * most limit of them (0: PEOPLE_SEARCH_LIMIT, capped at
 * PEOPLE_SEARCH_MAX).  When q has several words and some names start
 * with it, only those: the user is typing a name from its start.  Of the
 * others at most the first 1,000 word matches are sorted (type more to
 * narrow).  Deleted people are never returned.  An empty q finds no one.
 * Everything is allocated in the arena.
 */
enum db_err	 people_search(struct db *, struct arena *, const char *q,
		    enum people_set, size_t limit, struct people_match **,
		    size_t *n);

/* The set named in a query string ("parliamentarians"), or -1. */
int		 people_set_from(const char *name);

#endif
