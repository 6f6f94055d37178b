/*
 * Fetching feeds over HTTP(S), several at once (libcurl's multi
 * interface).  Each transfer is a conditional GET when validators are
 * known (If-None-Match, If-Modified-Since): a 304 is "not modified", not
 * an error.  Bodies may arrive gzip- or deflate-encoded; the size cap
 * applies to the decoded bytes as they arrive, so a small compressed bomb
 * is stopped too.  At most 5 redirects, http and https only.  One
 * transfer's failure never stops the others.
 *
 * Nothing here parses or stores.  Memory: bodies and the new validators
 * are malloc'd and owned by the struct feed_fetch until
 * feed_fetch_clear().  Nothing is printed.
 */
#ifndef TRACKER_FEED_FETCH_H
#define TRACKER_FEED_FETCH_H

#include <stddef.h>

#define FEED_FETCH_MAX_BYTES	(8u * 1024 * 1024)
#define FEED_FETCH_TIMEOUT	30	/* seconds, whole transfer */
#define FEED_FETCH_CONNECT	10	/* seconds, connecting */
#define FEED_FETCH_PARALLEL	6

struct feed_fetch {
	/* Set by the caller. */
	const char	*url;
	const char	*etag;		/* NULL or "": none */
	const char	*last_modified;	/* NULL or "": none */
	void		*user;		/* the caller's, untouched */

	/* Set by feed_fetch_all(). */
	int		 failed;	/* error[] says why */
	int		 not_modified;	/* a 304: no body */
	long		 status;	/* last HTTP status, 0 if none */
	char		*body;		/* NUL-terminated; NULL if none */
	size_t		 len;
	char		*new_etag;	/* the response's, NULL if none */
	char		*new_last_modified;
	char		 error[256];
};

struct feed_fetch_opts {
	size_t		 max_bytes;	/* 0: FEED_FETCH_MAX_BYTES */
	long		 timeout;	/* 0: FEED_FETCH_TIMEOUT */
	long		 connect_timeout; /* 0: FEED_FETCH_CONNECT */
	size_t		 parallel;	/* 0: FEED_FETCH_PARALLEL */
	/* Called once per transfer as it ends (may be NULL). */
	void		(*done)(void *ctx, struct feed_fetch *);
	void		*ctx;
	/*
	 * 0: refuse to connect (redirects included) to loopback, private,
	 * link-local or multicast addresses, so a feed URL an editor typed
	 * cannot reach internal services.
	 */
	int		 allow_private;
};

/*
 * Fetch the n transfers, at most opts->parallel at a time, calling
 * opts->done for each as it ends (in the order they end).  opts may be
 * NULL for the defaults.  Returns 0, or -1 when libcurl could not be set
 * up at all (every transfer is then marked failed).  Call
 * curl_global_init() first.
 */
int	 feed_fetch_all(struct feed_fetch *, size_t n,
	    const struct feed_fetch_opts *);

/* Free what feed_fetch_all() allocated for one transfer; keeps the inputs. */
void	 feed_fetch_clear(struct feed_fetch *);

#endif
