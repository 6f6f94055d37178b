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
};

struct mention_list_view {
	const struct session		*session;
	const struct mention_filter_text *filter;
	const struct mention_choice	*terms;
	size_t				 nterms;
	const struct mention_choice	*feeds;
	size_t				 nfeeds;
	const struct mention		*rows;
	size_t				 nrows;
	size_t				 total;
	size_t				 page;
	size_t				 per_page;
	const char			*query;	/* filters as "?a=1&b=2", or "" */
	const char			*notice;
};

/* GET /mentions. */
void	ui_mention_list(struct html *, const struct mention_list_view *);

/*
 * The Atom 1.0 document of the given mentions into out (feed id, title,
 * updated, self link, one entry per mention).  Returns 0, or -1 when
 * libxml2 failed or memory ran out.
 */
int	ui_mentions_atom(struct buf *out, const struct mention *, size_t n,
	    const char *now_rfc3339);

#endif
