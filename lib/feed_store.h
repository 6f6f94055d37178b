/*
 * Press monitoring, the storage side: the feeds to fetch, their items
 * (stored once per feed), the watch terms, and the mentions the terms
 * find.  The SQL is in feed_store.c's own statement table
 * (DB_SLOT_FEEDS).  Nothing here fetches or parses: see feed_fetch.h and
 * feed_parse.h.
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

/* Column limits of sql/005_press.sql, in characters. */
#define FEED_URL_MAX		1000
#define FEED_TITLE_MAX		300
#define FEED_ETAG_MAX		500
#define FEED_LASTMOD_MAX	100
#define FEED_ERROR_MAX		1000

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
 * Add a feed (http or https URL of at most FEED_URL_MAX characters;
 * title may be NULL; outlet_id 0 for none).  DB_DUPLICATE when a feed
 * with that URL is already there (*id is then its id).  id may be NULL.
 */
enum db_err	 feed_add(struct db *, const char *url, const char *title,
		    long long outlet_id, long long *id);

/* The enabled, not deleted feeds, by id, into the arena. */
enum db_err	 feed_list(struct db *, struct arena *, struct feed_row **,
		    size_t *n);

/*
 * Store a parsed document's entries for feed feed_id in one transaction:
 * an entry already stored for this feed (same item key: the SHA-256 of
 * its guid, else its link, else its title and date) is only counted as
 * seen.  Only new items are matched: one with include hits and no
 * exclusion gets a mention (state 'new') and its hits.  m may be NULL
 * (store only).  On error nothing is stored and *res is zero.
 */
enum db_err	 feed_ingest(struct db *, long long feed_id,
		    const struct feed *parsed, const struct matcher *m,
		    struct ingest_result *res);

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
 * Build a matcher from the enabled watch terms (exclude and titles_only
 * as stored).  Terms the matcher refuses (nothing left after folding,
 * bad UTF-8) are skipped and counted in *skipped (may be NULL).  On
 * DB_OK, *out is built and the caller frees it; DB_NOMEM otherwise.
 */
enum db_err	 watch_terms_load(struct db *, struct arena *,
		    struct matcher **out, size_t *skipped);

/*
 * Add a watch term (kind "organisation", "person", "topic" or "other").
 * DB_DUPLICATE when the same term with the same exclude flag is there.
 */
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
};

/* A watch term as the terms page shows it; strings in the arena. */
struct watch_term {
	long long	 id;
	const char	*term;
	const char	*kind;		/* organisation, person, topic, other */
	int		 exclude;
	int		 titles_only;
	int		 enabled;
};

/* Every feed that is not deleted, enabled or not, by id, with its health. */
enum db_err	 feed_health_list(struct db *, struct arena *,
		    struct feed_health **, size_t *n);

/* One feed with its health; DB_NOTFOUND when there is none (or deleted). */
enum db_err	 feed_health_get(struct db *, struct arena *, long long id,
		    struct feed_health *);

/*
 * Enable or disable a feed (a disabled feed is not in feed_list(), so
 * the fetcher skips it).  DB_NOTFOUND when there is no such feed.
 */
enum db_err	 feed_set_enabled(struct db *, long long id, int enabled);

/*
 * Change a feed's URL (checked by the caller: http or https, at most
 * FEED_URL_MAX characters) and title (NULL for none; cut to
 * FEED_TITLE_MAX).  DB_DUPLICATE when another feed has the URL,
 * DB_NOTFOUND when there is no such feed.
 */
enum db_err	 feed_update(struct db *, long long id, const char *url,
		    const char *title);

/* Every watch term, enabled or not, by term, into the arena. */
enum db_err	 watch_term_list(struct db *, struct arena *,
		    struct watch_term **, size_t *n);

/*
 * Enable or disable a watch term (a disabled term is left out of
 * watch_terms_load()).  DB_NOTFOUND when there is no such term.
 */
enum db_err	 watch_term_set_enabled(struct db *, long long id, int enabled);

#endif
