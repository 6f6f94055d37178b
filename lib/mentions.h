/*
 * Press monitoring, the inbox side: the mentions the watch terms found,
 * listed with filters, moved between states by editors, and cut into
 * highlighted snippets.  The SQL is in mentions.c's own statement table
 * (DB_SLOT_MENTIONS); the ingest side is feed_store.h.
 *
 * Memory: everything comes back in the caller's arena.  Errors are
 * returned as enum db_err, with db->error saying more; nothing is
 * printed.
 */
#ifndef TRACKER_MENTIONS_H
#define TRACKER_MENTIONS_H

#include <stddef.h>

#include "db.h"

struct arena;

/* Where a term matched: a byte range of the item's title or summary. */
enum mention_field { MENTION_TITLE, MENTION_SUMMARY };

struct mention_hit {
	long long		 term_id;
	const char		*term;
	enum mention_field	 field;
	size_t			 start;		/* byte offset */
	size_t			 length;	/* bytes */
};

/* Another outlet that carried the same story (same story_key). */
struct mention_also {
	long long	 id;
	const char	*outlet;
};

struct mention {
	long long		 id;
	const char		*state;		/* new, relevant, dismissed, logged */
	const char		*title;		/* the item's, plain text */
	const char		*link;		/* "" when none */
	const char		*summary;	/* plain text */
	const char		*published;	/* YYYY-MM-DD, "" when unknown */
	const char		*created;	/* YYYY-MM-DD */
	const char		*updated;	/* RFC 3339, UTC */
	const char		*story_key;
	long long		 feed_id;
	const char		*outlet;	/* the outlet's name, else the feed's title */
	long long		 outlet_id;	/* organisations.id, 0 when none */
	const char		*medium;	/* the outlet's medium, "" when none */
	struct mention_hit	*hits;		/* by field, then start */
	size_t			 nhits;
	const char		**terms;	/* distinct terms that matched */
	size_t			 nterms;
	struct mention_also	*also;		/* same story elsewhere */
	size_t			 nalso;
};

/*
 * What the inbox shows.  state NULL means any state; the ids are 0 for
 * any; from and to (YYYY-MM-DD, NULL for open) bound published_at.
 */
struct mention_filter {
	const char	*state;
	long long	 term_id;
	long long	 feed_id;
	const char	*from;
	const char	*to;
	size_t		 limit;
	size_t		 offset;
};

/* An id and a name, for the filter choices. */
struct mention_choice {
	long long	 id;
	const char	*name;
};

/* 1 if s is one of the four mention states. */
int		 mention_state_valid(const char *s);

/*
 * The mentions the filter selects, newest first (created_at, then id),
 * one per story: the newest mention of a story stands for it, the others
 * in the same state filter are in its also list.  Each row has its hits
 * and terms.  *total counts the stories over all pages.
 */
enum db_err	 mention_list(struct db *, struct arena *,
		    const struct mention_filter *, struct mention **,
		    size_t *n, size_t *total);

/* The newest relevant mentions (at most limit), with their hits. */
enum db_err	 mention_relevant(struct db *, struct arena *, size_t limit,
		    struct mention **, size_t *n);

/*
 * Set one mention's state (new, relevant or dismissed).  DB_NOTFOUND when
 * there is no such mention, DB_CONFLICT when it is already logged as an
 * engagement (that state is only left by editing the engagement).  One
 * transaction with its audit row.
 */
enum db_err	 mention_set_state(struct db *, const char *actor, long long id,
		    const char *state);

/*
 * The same for several mentions in one transaction; missing and logged
 * ones are skipped.  *changed (may be NULL) counts those updated.
 */
enum db_err	 mention_set_state_many(struct db *, const char *actor,
		    const long long *ids, size_t n, const char *state,
		    size_t *changed);

/* The feeds and the (including) watch terms, by name, for the filters. */
enum db_err	 mention_feeds(struct db *, struct arena *,
		    struct mention_choice **, size_t *n);
enum db_err	 mention_terms(struct db *, struct arena *,
		    struct mention_choice **, size_t *n);

/* A piece of a snippet: text, highlighted when it is a hit. */
struct snippet_part {
	const char	*text;
	int		 hit;
};

/*
 * Cut text around the first of the hits on field (byte ranges; ranges
 * out of bounds, not on UTF-8 character boundaries or overlapping an
 * earlier one are ignored) to about max_chars characters, cutting only
 * at character boundaries, with "…" where text was left out.  Hits
 * wholly inside the cut become highlighted parts.  With no usable hit
 * the start of the text is shown.  Returns 0, or -1 when out of memory.
 */
int		 mention_snippet(struct arena *, const char *text,
		    const struct mention_hit *hits, size_t nhits,
		    enum mention_field field, size_t max_chars,
		    struct snippet_part **parts, size_t *nparts);

#endif
