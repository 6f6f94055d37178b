#include "config.h"

#include <stddef.h>

#include "auth.h"
#include "html.h"
#include "layout.h"
#include "users.h"

#define SITE_NAME	"Engagement tracker"

/* Areas appear here as later work builds them. */
const struct area_link layout_areas[] = {
	{ AREA_HOME, "/", "Home", "Your areas and recent activity." },
	{ AREA_ENGAGEMENTS, "/engagements", "Engagements", "Log meetings, "
	    "briefings, media and coalition work; search and export them." },
	{ AREA_FOLLOWUPS, "/follow-ups", "My follow-ups", "Actions you own: "
	    "overdue, due and done." },
	{ AREA_PEOPLE, "/people", "People", "MPs, Peers, officials, "
	    "journalists and partners, with each one's engagement history." },
	{ AREA_ORGANISATIONS, "/organisations", "Organisations", "Councils, "
	    "departments, FCDO desks, media outlets, coalitions and others." },
	{ AREA_PRESS, "/mentions", "Press", "The mentions inbox: press "
	    "items that matched the watch terms." },
	{ AREA_REPORTS, "/reports", "Reports", "The policy engagement report "
	    "for any period, the board dashboard of the strategy's KPIs, "
	    "frozen board packs and the decision log." },
	{ AREA_APPG, "/appg", "APPG", "The APPG secretariat: officers, "
	    "members, rule checks, meetings and minutes." },
	{ AREA_ADMIN, "/admin", "Admin", "Users, policy areas and person "
	    "categories (admins only)." },
	{ AREA_NONE, NULL, NULL, NULL },
};

void
layout_csrf_input(struct html *h, const char *token)
{
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "csrf",
	    AT_VALUE, token, AT__MAX);
}

static void
render_head(struct html *h, const char *title)
{
	html_open(h, EL_HEAD, AT__MAX);
	html_open(h, EL_META, AT_CHARSET, "utf-8", AT__MAX);
	html_open(h, EL_META, AT_NAME, "viewport",
	    AT_CONTENT, "width=device-width, initial-scale=1", AT__MAX);
	html_open(h, EL_TITLE, AT__MAX);
	html_textf(h, "%s — %s", title, SITE_NAME);
	html_close(h);
	html_open(h, EL_LINK, AT_REL, "stylesheet", AT_HREF,
	    "/static/tracker.css", AT__MAX);
	html_open(h, EL_LINK, AT_REL, "stylesheet", AT_HREF,
	    "/static/print.css", AT_MEDIA, "print", AT__MAX);
	html_close(h);
}

static void
render_nav(struct html *h, const struct page *p)
{
	const struct area_link	*l;

	html_open(h, EL_NAV, AT_ARIA_LABEL, "Areas", AT__MAX);
	html_open(h, EL_UL, AT__MAX);
	for (l = layout_areas; l->href != NULL; l++) {
		if (l->area == AREA_ADMIN && p->session->role != ROLE_ADMIN)
			continue;
		html_open(h, EL_LI, AT__MAX);
		html_open(h, EL_A, AT_HREF, l->href,
		    AT_ARIA_CURRENT, l->area == p->area ? "page" : NULL, AT__MAX);
		html_text(h, l->label);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
render_account(struct html *h, const struct session *s)
{
	html_open(h, EL_DIV, AT_CLASS, "account", AT__MAX);
	html_open(h, EL_SPAN, AT_CLASS, "who", AT__MAX);
	html_text(h, s->display_name);
	html_open(h, EL_SMALL, AT__MAX);
	html_textf(h, " (%s)", role_name(s->role));
	html_close(h);
	html_close(h);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, "/logout",
	    AT_CLASS, "logout", AT__MAX);
	layout_csrf_input(h, s->csrf);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, "Log out");
	html_close(h);
	html_close(h);
	html_close(h);
}

void
layout_begin(struct html *h, const struct page *p)
{
	html_doctype(h);
	html_open(h, EL_HTML, AT_LANG, "en-GB", AT__MAX);
	render_head(h, p->title);
	html_open(h, EL_BODY, AT__MAX);
	html_open(h, EL_A, AT_HREF, "#main", AT_CLASS, "skip-link", AT__MAX);
	html_text(h, "Skip to content");
	html_close(h);
	html_open(h, EL_HEADER, AT_CLASS, "site-header", AT__MAX);
	html_open(h, EL_A, AT_HREF, "/", AT_CLASS, "site-name", AT__MAX);
	html_text(h, SITE_NAME);
	html_close(h);
	if (p->session != NULL) {
		render_nav(h, p);
		render_account(h, p->session);
	}
	html_close(h);
	html_open(h, EL_MAIN, AT_ID, "main", AT__MAX);
	html_elem(h, EL_H1, p->title);
}

void
layout_end(struct html *h)
{
	html_close_to(h, 2);	/* back to <body> */
	html_open(h, EL_FOOTER, AT_CLASS, "site-footer", AT__MAX);
	html_text(h, SITE_NAME " — free software for public affairs teams.");
	html_close(h);
	html_close_all(h);
}
