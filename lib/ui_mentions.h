/*
 * The mentions inbox pages: the list with its filters, bulk and per-row
 * state actions and "Log as media engagement" links, and the Atom feed
 * of relevant mentions.  Rendering only: takes what to show, never
 * queries.
 */
#ifndef TRACKER_UI_MENTIONS_H
#define TRACKER_UI_MENTIONS_H

#include <stddef.h>

struct buf;
struct html;
struct mention;
struct mention_choice;
struct session;

/* The filters as the user gave them (validated), for the form and links. */
struct mention_filter_text {
	const char	*state;		/* new, relevant, dismissed, logged, any */
	const char	*term;		/* watch term id, "" for any */
	const char	*outlet;	/* feed id, "" for any */
	const char	*from;		/* YYYY-MM-DD or "" */
	const char	*to;
	const char	*page;		/* "1"... */
	const char	*person;	/* person id, "" for any */
};

struct mention_list_view {
	const struct session		*session;
	const struct mention_filter_text *filter;
	const struct mention_choice	*terms;
	size_t				 nterms;
	const struct mention_choice	*feeds;
	size_t				 nfeeds;
	const struct mention_choice	*people;
	size_t				 npeople;
	const struct mention		*rows;
	size_t				 nrows;
	size_t				 total;
	int				 more;	/* more than total */
	size_t				 page;
	size_t				 per_page;
	const char			*query;	/* filters as "?a=1&b=2", or "" */
	const char			*notice;
	const char			*feed_key_created; /* YYYY-MM-DD or NULL */
};

/* The private feed address just made, shown once. */
struct feed_key_view {
	const struct session		*session;
	const char			*url;	/* with its key */
};

/* GET /mentions. */
void	ui_mention_list(struct html *, const struct mention_list_view *);

/* POST /mentions/feed-key (make): the new address, shown this once. */
void	ui_feed_key(struct html *, const struct feed_key_view *);

/*
 * The Atom 1.0 document of the given mentions into out: feed id, title,
 * updated (the newest entry's, else now), a self link (self_url) and an
 * alternate link (inbox_url, the inbox of relevant mentions), one entry
 * per mention (its story's other outlets named in the summary).  Text
 * that XML 1.0 cannot carry (C0 controls, U+FFFE, U+FFFF) is left out.
 * Returns 0, or -1 when libxml2 failed or memory ran out.
 */
int	ui_mentions_atom(struct buf *out, const struct mention *, size_t n,
	    const char *now_rfc3339, const char *self_url,
	    const char *inbox_url);

#endif
