/*
 * Press monitoring, the storage side: the feeds to fetch, their items
 * (stored once per feed, grouped into stories across feeds), the watch
 * terms (typed by editors, or made from the people the directory says
 * are watched), and the mentions the terms find.  The SQL is in
 * feed_store.c's own statement table (DB_SLOT_FEEDS).  Nothing here
 * fetches or parses: see feed_fetch.h and feed_parse.h.
 *
 * Every change an editor makes (feeds, terms) is one transaction with its
 * audit row; the command line acts as "tracker-feeds".
 *
 * Memory: rows come back in the caller's arena; the matcher from
 * watch_terms_load() is malloc'd (matcher_free()).  Errors are returned
 * as enum db_err, with db->error saying more; nothing is printed.
 */
#ifndef TRACKER_FEED_STORE_H
#define TRACKER_FEED_STORE_H

#include <stddef.h>

#include "db.h"

struct arena;
struct feed;
struct matcher;

/* Column limits of sql/005_press.sql and 006, in characters. */
#define FEED_URL_MAX		2000
#define FEED_TITLE_MAX		300
#define FEED_ETAG_MAX		500
#define FEED_LASTMOD_MAX	100
#define FEED_ERROR_MAX		1000
#define FEED_ITEM_TITLE_MAX	1000

/*
 * Items with the same normalised title from different feeds are one
 * story when their dates are at most this far apart.
 */
#define STORY_WINDOW_SECONDS	(3 * 24 * 60 * 60)

/* An enabled feed as the fetcher needs it; strings in the arena. */
struct feed_row {
	long long	 id;
	const char	*url;
	const char	*title;
	const char	*etag;		/* "" when none */
	const char	*last_modified;	/* "" when none */
};

/* What one feed_ingest() did. */
struct ingest_result {
	size_t	 seen;		/* entries in the document */
	size_t	 new_items;	/* of those, stored for the first time */
	size_t	 mentions;	/* new mentions created */
};

/*
 * url with its scheme and host in lower case (they are case-insensitive;
 * the path is not), into the arena; NULL when out of memory.  Feeds are
 * stored and compared in this form.
 */
char		*feed_url_normal(struct arena *, const char *url);

/*
 * Add a feed (http or https URL of at most FEED_URL_MAX characters,
 * checked by the caller; title NULL or "" for none; outlet_id 0 for
 * none) as actor, with its audit row.  When a deleted feed has the URL,
 * that feed is restored instead (enabled, with its earlier items and
 * mentions; the title and outlet replaced when given) and *restored
 * (may be NULL) is 1.  DB_DUPLICATE when a feed that is not deleted has
 * the URL.  *id (may be NULL) is the feed's id in all three cases.
 */
enum db_err	 feed_create(struct db *, const char *actor, const char *url,
		    const char *title, long long outlet_id, long long *id,
		    int *restored);

/* feed_create() by the command line (actor "tracker-feeds"). */
enum db_err	 feed_add(struct db *, const char *url, const char *title,
		    long long outlet_id, long long *id);

/* The enabled, not deleted feeds, by id, into the arena. */
enum db_err	 feed_list(struct db *, struct arena *, struct feed_row **,
		    size_t *n);

/*
 * Store a parsed document's entries for feed feed_id in one transaction:
 * an entry already stored for this feed (same item key: the SHA-256 of
 * its guid, else its link, else its title and date) is only counted as
 * seen.  A new item joins a story (see STORY_WINDOW_SECONDS) and is
 * matched: one with include hits and no exclusion gets a mention (state
 * 'new') and its hits.  m may be NULL (store only).  On error nothing is
 * stored and *res is zero.
 */
enum db_err	 feed_ingest(struct db *, long long feed_id,
		    const struct feed *parsed, const struct matcher *m,
		    struct ingest_result *res);

/*
 * The story key of a title: the SHA-256 of its folded form (case,
 * accents, quotes, dashes and spacing ignored), as 64 hex digits.
 * Returns 0, or -1 when out of memory.
 */
int		 feed_story_key(const char *title, char out[65]);

/*
 * Record the outcome of one fetch: error NULL is a success (the failure
 * count goes back to 0, last_error is cleared), otherwise the failure
 * count goes up by one and error (cut to FEED_ERROR_MAX characters) is
 * kept.  etag and last_modified NULL keep the stored validators (a 304,
 * or a failure); "" clears them.  http_status 0 when there was none.
 */
enum db_err	 feed_record_fetch(struct db *, long long feed_id,
		    long http_status, const char *etag,
		    const char *last_modified, size_t seen, size_t new_items,
		    const char *error);

/*
 * A person the directory says to watch in the press, or might: current,
 * not deleted, not set to "never", and an MP or Peer or set to "always".
 * tracked: they are watched now (set to "always", or an MP or Peer with
 * at least one engagement with us).  terms: the forms of their name
 * that are looked for (match_name_variants(), less any short form that
 * another such person shares), the name as held first; none when the
 * name has one word only.
 */
struct watched_person {
	long long	 id;
	const char	*name;
	const char	*category;	/* the category's label */
	const char	*press_watch;	/* auto, always */
	int		 tracked;
	const char	**terms;
	size_t		 nterms;
};

/*
 * The people above, by name; with tracked_only, only those watched now.
 * Strings in the arena.
 */
enum db_err	 watched_people(struct db *, struct arena *, int tracked_only,
		    struct watched_person **, size_t *n);

/*
 * Why person_id is or is not watched, for their page: *out is filled
 * from watched_people() when they are among them (tracked or not);
 * otherwise *found is 0 and *out is zeroed.
 */
enum db_err	 watched_person_get(struct db *, struct arena *,
		    long long person_id, struct watched_person *out,
		    int *found);

/*
 * Bring the directory's watch terms (source 'directory') into step with
 * watched_people(): a term for each form of each tracked person's name,
 * enabled; a term no longer wanted (renamed, merged, deleted, retired,
 * untracked) is deleted, or disabled when mentions refer to it.  One
 * transaction.  *added and *retired (may be NULL) count the changes.
 */
enum db_err	 watch_terms_sync(struct db *, size_t *added, size_t *retired);

/*
 * watch_terms_sync(), then build a matcher from the enabled watch terms
 * (exclude and titles_only as stored), so that matching always uses the
 * directory as it is now.  Terms the matcher refuses (nothing left after
 * folding, bad UTF-8) are skipped and counted in *skipped (may be NULL).
 * On DB_OK, *out is built and the caller frees it.
 */
enum db_err	 watch_terms_load(struct db *, struct arena *,
		    struct matcher **out, size_t *skipped);

/*
 * Add a watch term (kind "organisation", "person", "topic" or "other")
 * as actor, with its audit row.  DB_DUPLICATE when the same term with
 * the same exclude flag is there.
 */
enum db_err	 watch_term_create(struct db *, const char *actor,
		    const char *term, const char *kind, int exclude,
		    int titles_only);

/* watch_term_create() by the command line (actor "tracker-feeds"). */
enum db_err	 watch_term_add(struct db *, const char *term, const char *kind,
		    int exclude, int titles_only);

/*
 * Match every stored item again (after the terms changed), in one
 * transaction: items that now qualify and have no mention get one, with
 * its hits; existing mentions, whatever their state, are left alone.
 * *created (may be NULL) says how many were made.
 */
enum db_err	 feed_rematch(struct db *, const struct matcher *,
		    size_t *created);

/* A feed as the feeds page shows it, with its health; strings in the arena. */
struct feed_health {
	long long	 id;
	const char	*title;
	const char	*url;
	int		 enabled;
	const char	*last_fetch_at;	/* "YYYY-MM-DD HH:MM" UTC, "" if never */
	long		 last_status;	/* HTTP status, 0 if none */
	long long	 items_seen;
	long long	 items_new;
	const char	*last_error;	/* "" after a success */
	long long	 failures;	/* consecutive */
	long long	 outlet_id;	/* organisations.id, 0 when none */
	const char	*outlet;	/* its name, "" when none */
	int		 version;
};

/* A watch term as the terms page shows it; strings in the arena. */
struct watch_term {
	long long	 id;
	const char	*term;
	const char	*kind;		/* organisation, person, topic, other */
	int		 exclude;
	int		 titles_only;
	int		 enabled;
	int		 from_directory;	/* source 'directory' */
	long long	 person_id;	/* 0 when none */
	const char	*person;	/* their name, "" when none */
};

/*
 * Every feed that is not deleted (deleted 0) or every deleted one
 * (deleted 1), enabled or not, by title, with its health.
 */
enum db_err	 feed_health_list(struct db *, struct arena *, int deleted,
		    struct feed_health **, size_t *n);

/* One feed with its health; DB_NOTFOUND when there is none (or deleted). */
enum db_err	 feed_health_get(struct db *, struct arena *, long long id,
		    struct feed_health *);

/*
 * Enable or disable a feed (a disabled feed is not in feed_list(), so
 * the fetcher skips it), with its audit row.  DB_NOTFOUND when there is
 * no such feed (or it is deleted).
 */
enum db_err	 feed_set_enabled(struct db *, const char *actor, long long id,
		    int enabled);

/*
 * Delete (deleted 1) or restore (0) a feed, with its audit row.  A
 * deleted feed is not fetched and its mentions leave the inbox; its
 * items are kept, so restoring brings everything back.  DB_NOTFOUND when
 * there is no such feed in the other state; DB_DUPLICATE when restoring
 * and another feed now has its URL.
 */
enum db_err	 feed_set_deleted(struct db *, const char *actor, long long id,
		    int deleted);

/*
 * Change a feed's URL (checked by the caller: http or https, at most
 * FEED_URL_MAX characters), title (NULL for none; cut to FEED_TITLE_MAX)
 * and outlet (0 for none), with its audit row.  DB_DUPLICATE when another
 * feed has the URL, DB_NOTFOUND when there is no such feed.
 */
enum db_err	 feed_update(struct db *, const char *actor, long long id,
		    const char *url, const char *title, long long outlet_id);

/* Every watch term, enabled or not: typed ones, then the directory's. */
enum db_err	 watch_term_list(struct db *, struct arena *,
		    struct watch_term **, size_t *n);

/*
 * Enable or disable a typed watch term (a disabled term is left out of
 * watch_terms_load()), with its audit row.  DB_NOTFOUND when there is no
 * such term, DB_CONFLICT for a term from the directory (those follow the
 * person's "watch in the press" setting).
 */
enum db_err	 watch_term_set_enabled(struct db *, const char *actor,
		    long long id, int enabled);

#endif
