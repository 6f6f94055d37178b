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

/* A person in the directory whose name a hit matched. */
struct mention_person {
	long long	 id;
	const char	*name;
};

/* Another outlet's mention of the same story (same story group). */
struct mention_also {
	long long	 id;
	long long	 feed_id;
	const char	*outlet;
	const char	*link;		/* the item's, "" when none */
	const char	*state;
};

struct mention {
	long long		 id;
	const char		*state;		/* new, relevant, dismissed, logged */
	const char		*title;		/* the item's, plain text */
	const char		*link;		/* "" when none */
	const char		*summary;	/* plain text */
	const char		*published;	/* YYYY-MM-DD, Europe/London */
	int			 undated;	/* the feed gave no date: published
						   is the day it was fetched */
	const char		*created;	/* YYYY-MM-DD, Europe/London */
	const char		*updated;	/* RFC 3339, UTC */
	long long		 story_id;	/* the story group */
	long long		 feed_id;
	const char		*outlet;	/* the outlet's name, else the feed's title */
	long long		 outlet_id;	/* organisations.id, 0 when none */
	const char		*medium;	/* the outlet's medium, "" when none */
	struct mention_hit	*hits;		/* by field, then start */
	size_t			 nhits;
	const char		**terms;	/* distinct terms that matched */
	size_t			 nterms;
	struct mention_person	*people;	/* people the hits name */
	size_t			 npeople;
	struct mention_also	*also;		/* same story elsewhere */
	size_t			 nalso;
};

/*
 * What the inbox shows.  state NULL means any state; the ids are 0 for
 * any; from and to (YYYY-MM-DD in Europe/London, NULL for open) bound the
 * item's date (published, else fetched).  person_id selects mentions
 * whose hits name that person (or someone merged into them).
 */
struct mention_filter {
	const char	*state;
	long long	 term_id;
	long long	 feed_id;
	const char	*from;
	const char	*to;
	size_t		 limit;
	size_t		 offset;
	long long	 person_id;
	size_t		 count_max;	/* 0: MENTION_COUNT_MAX */
};

/*
 * How many stories past a page's first the inbox counts: "more than"
 * beyond it.  Counting every story was most of a request's time with
 * 10,000 in the inbox; past a thousand the exact number helps nobody
 * triage (issue 10).
 */
#define MENTION_COUNT_MAX	1000

/* An id and a name, for the filter choices. */
struct mention_choice {
	long long	 id;
	const char	*name;
};

/* 1 if s is one of the four mention states. */
int		 mention_state_valid(const char *s);

/*
 * The mentions the filter selects, one per story, newest first
 * (created_at, then id): of a story's mentions that pass every filter,
 * the newest stands for it, and the story's other mentions (any state,
 * any outlet; from feeds not deleted) are in its also list.  Each row
 * has its hits, terms and people.  *total counts the stories over all
 * pages, up to the page's offset plus count_max: *more is 1 when there
 * are more than *total.  Mentions of deleted feeds are left out.
 */
enum db_err	 mention_list(struct db *, struct arena *,
		    const struct mention_filter *, struct mention **,
		    size_t *n, size_t *total, int *more);

/*
 * Set one mention's state (new, relevant or dismissed), and with it the
 * state of the other mentions of its story that are in state from
 * (NULL: any state), so that a syndicated story is triaged once.
 * Logged mentions never change here.  DB_NOTFOUND when there is no such
 * mention, DB_CONFLICT when it is already logged as an engagement (that
 * state is only left by editing the engagement).  One transaction, with
 * an audit row per mention changed; *changed (may be NULL) counts them.
 */
enum db_err	 mention_set_state(struct db *, const char *actor, long long id,
		    const char *state, const char *from, size_t *changed);

/*
 * The same for several mentions (and their stories) in one transaction;
 * missing and logged ones are skipped.
 */
enum db_err	 mention_set_state_many(struct db *, const char *actor,
		    const long long *ids, size_t n, const char *state,
		    const char *from, size_t *changed);

/* The inbox's filter choices, each list by name. */
struct mention_choices {
	struct mention_choice	*feeds;		/* not deleted */
	size_t			 nfeeds;
	struct mention_choice	*terms;		/* typed including terms */
	size_t			 nterms;
	struct mention_choice	*people;	/* named by watch terms */
	size_t			 npeople;
};

/* All three lists of choices, read in one statement. */
enum db_err	 mention_choices(struct db *, struct arena *,
		    struct mention_choices *);

/*
 * The filter choices one list at a time, by name: the feeds (not
 * deleted), the typed including watch terms, and the people watch terms
 * have named.
 */
enum db_err	 mention_feeds(struct db *, struct arena *,
		    struct mention_choice **, size_t *n);
enum db_err	 mention_terms(struct db *, struct arena *,
		    struct mention_choice **, size_t *n);
enum db_err	 mention_people(struct db *, struct arena *,
		    struct mention_choice **, size_t *n);

/*
 * Private feed addresses: a secret key per user that opens the Atom feed
 * of relevant mentions for a feed reader, which cannot log in.  Only the
 * key's SHA-256 is stored, so the key is shown once, when made.
 */

/*
 * Make user_id a new key (replacing any old one) into key (64 hex
 * digits), with an audit row by actor.
 */
enum db_err	 feed_key_create(struct db *, const char *actor,
		    long long user_id, char key[65]);

/* Remove user_id's key, with an audit row; DB_NOTFOUND when none. */
enum db_err	 feed_key_revoke(struct db *, const char *actor,
		    long long user_id);

/*
 * When user_id made their key ("YYYY-MM-DD", UTC, in the arena), or
 * NULL when they have none.
 */
enum db_err	 feed_key_created(struct db *, struct arena *,
		    long long user_id, const char **created);

/*
 * Whether key opens the feed: a stored key of a user who is not
 * disabled (its last use is recorded).  DB_NOTFOUND when not.
 */
enum db_err	 feed_key_check(struct db *, const char *key);

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
