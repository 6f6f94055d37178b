/*
 * The press feeds pages: the feeds with their health (add, edit,
 * enable/disable, delete/restore) and the watch terms (add,
 * enable/disable, re-run matching; the people the directory has
 * watched).  Rendering only: takes what to show, never queries.
 */
#ifndef TRACKER_UI_FEEDS_H
#define TRACKER_UI_FEEDS_H

#include <stddef.h>

struct feed_health;
struct form;
struct html;
struct session;
struct watch_term;
struct watched_person;

/* GET /feeds: the list, and for editors the add form (may have errors). */
struct feeds_view {
	const struct session		*session;
	const char			*notice;
	const struct feed_health	*feeds;
	size_t				 n;
	const struct form		*form;	/* the add form, editors only */
	const struct feed_health	*deleted;	/* restorable */
	size_t				 ndeleted;
};

/* GET /feeds/:id/edit. */
struct feed_edit_view {
	const struct session		*session;
	const struct feed_health	*feed;
	const struct form		*form;
};

/* GET /watch-terms. */
struct watch_terms_view {
	const struct session		*session;
	const char			*notice;
	const struct watch_term		*terms;	/* typed and directory */
	size_t				 n;
	const struct form		*form;	/* the add form, editors only */
	const struct watched_person	*people;	/* watched_people(0) */
	size_t				 npeople;
};

void	ui_feeds(struct html *, const struct feeds_view *);
void	ui_feed_edit(struct html *, const struct feed_edit_view *);
void	ui_watch_terms(struct html *, const struct watch_terms_view *);

#endif
