/*
 * Renderers for the core pages.  Each takes the data to show and a
 * writer; none queries the database or reads the request.
 */
#ifndef TRACKER_PAGES_H
#define TRACKER_PAGES_H

#include <stddef.h>

struct appg_alert;
struct form;
struct html;
struct session;

struct login_view {
	const struct form	*form;		/* username, password, next */
	const char		*csrf;		/* the login form's token */
	const char		*notice;	/* "You have logged out." */
	const char		*problem;	/* wrong password, throttled */
};

void	page_login(struct html *, const struct login_view *);
/*
 * The home page: who is logged in, the areas, their open follow-ups,
 * and the APPG rule checks that newly fail.
 */
struct home_view {
	const struct session	*session;
	long			 open_followups;
	long			 overdue_followups;
	const struct appg_alert	*appg_alerts;
	size_t			 nappg_alerts;
};

void	page_home(struct html *, const struct home_view *);

/* The error page for status, with an optional detail sentence. */
void	page_error(struct html *, int status, const char *detail,
	    const struct session *);

#endif
