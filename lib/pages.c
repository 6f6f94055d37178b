#include "config.h"

#include <stddef.h>
#include <stdio.h>

#include "appg.h"
#include "auth.h"
#include "form.h"
#include "html.h"
#include "layout.h"
#include "pages.h"
#include "users.h"

void
page_login(struct html *h, const struct login_view *v)
{
	const struct page p = { "Log in", NULL, AREA_NONE };

	layout_begin(h, &p);
	if (v->notice != NULL) {
		html_open(h, EL_P, AT_CLASS, "notice", AT_ROLE, "status", AT__MAX);
		html_text(h, v->notice);
		html_close(h);
	}
	if (v->problem != NULL) {
		html_open(h, EL_DIV, AT_CLASS, "error-summary", AT_ROLE, "alert",
		    AT__MAX);
		html_elem(h, EL_P, v->problem);
		html_close(h);
	} else
		form_render_summary(h, v->form);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, "/login",
	    AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, v->csrf);
	form_render_fields(h, v->form);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_CLASS, "primary", AT__MAX);
	html_text(h, "Log in");
	html_close(h);
	html_close(h);
	layout_end(h);
}

static void
followup_summary(struct html *h, const struct home_view *v)
{
	html_open(h, EL_P, AT_CLASS, v->overdue_followups ? "notice warn" :
	    "notice", AT__MAX);
	html_open(h, EL_A, AT_HREF, "/follow-ups", AT__MAX);
	if (v->open_followups == 0)
		html_text(h, "You have no open follow-ups.");
	else
		html_textf(h, "You have %ld open follow-up%s, %ld overdue.",
		    v->open_followups, v->open_followups == 1 ? "" : "s",
		    v->overdue_followups);
	html_close(h);
	html_close(h);
}

/* APPG checks that newly fail: an officer left, a member crossed the floor. */
static void
appg_alerts_section(struct html *h, const struct home_view *v)
{
	const struct appg_alert	*a;
	char			 href[48];
	size_t			 i;

	if (v->nappg_alerts == 0)
		return;
	html_open(h, EL_SECTION, AT_CLASS, "appg-alerts", AT_ARIA_LABEL,
	    "APPG checks that newly fail", AT__MAX);
	html_elem(h, EL_H2, "APPG checks that newly fail");
	html_open(h, EL_UL, AT_CLASS, "checks", AT__MAX);
	for (i = 0; i < v->nappg_alerts; i++) {
		a = &v->appg_alerts[i];
		snprintf(href, sizeof(href), "/appg/%lld#checks", a->group_id);
		html_open(h, EL_LI, AT_CLASS, "check check-fail", AT__MAX);
		html_open(h, EL_P, AT__MAX);
		html_open(h, EL_A, AT_HREF, href, AT__MAX);
		html_text(h, a->group_title);
		html_close(h);
		html_textf(h, ": %s — failing since %s.", a->check.title,
		    a->check.failing_since);
		html_close(h);
		html_elem(h, EL_P, a->check.why);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
page_home(struct html *h, const struct home_view *v)
{
	const struct session	*s = v->session;
	const struct page	 p = { "Home", s, AREA_HOME };
	const struct area_link	*l;

	layout_begin(h, &p);
	html_open(h, EL_P, AT_CLASS, "lead", AT__MAX);
	html_textf(h, "You are logged in as %s (%s), with the %s role.",
	    s->display_name, s->username, role_name(s->role));
	html_close(h);
	followup_summary(h, v);
	appg_alerts_section(h, v);
	html_elem(h, EL_H2, "Areas");
	html_open(h, EL_UL, AT_CLASS, "areas", AT__MAX);
	for (l = layout_areas; l->href != NULL; l++) {
		if (l->area == AREA_HOME ||
		    (l->area == AREA_ADMIN && s->role != ROLE_ADMIN))
			continue;
		html_open(h, EL_LI, AT__MAX);
		html_open(h, EL_A, AT_HREF, l->href, AT__MAX);
		html_text(h, l->label);
		html_close(h);
		html_elem(h, EL_P, l->blurb);
		html_close(h);
	}
	html_close(h);
	layout_end(h);
}

static const struct {
	int		 status;
	const char	*title;
	const char	*text;
} errors[] = {
	{ 400, "Bad request", "The request could not be understood." },
	{ 403, "Forbidden", "You do not have permission to do that." },
	{ 404, "Page not found", "There is no page at this address. "
	    "Check the address, or start again from the home page." },
	{ 405, "Method not allowed", "This page does not accept that kind of "
	    "request." },
	{ 409, "Changed by someone else", "Someone else saved this record "
	    "while you were editing it. Reload it to see their changes." },
	{ 413, "Too much data", "What you sent is larger than this server "
	    "accepts. Nothing was saved." },
	{ 415, "Unsupported form encoding", "The form was sent in an "
	    "encoding this server does not accept." },
	{ 429, "Too many attempts", "Too many attempts; wait a few minutes "
	    "and try again." },
	{ 500, "Something went wrong", "The server hit an error; it has been "
	    "logged. Nothing was saved." },
	{ 503, "Service unavailable", "The database cannot be reached just "
	    "now. Nothing was saved; please try again in a minute." },
	{ 507, "Database disk full", "The database has run out of disk "
	    "space, so nothing was saved. Go back to keep what you typed, "
	    "and ask your administrator to free some space." },
};

void
page_error(struct html *h, int status, const char *detail,
    const struct session *s)
{
	struct page	 p = { "Error", s, AREA_NONE };
	const char	*text = NULL;
	size_t		 i;

	for (i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
		if (errors[i].status == status) {
			p.title = errors[i].title;
			text = errors[i].text;
		}
	layout_begin(h, &p);
	html_open(h, EL_P, AT_CLASS, "lead", AT__MAX);
	html_text(h, detail != NULL ? detail : text);
	html_close(h);
	if (detail != NULL && text != NULL)
		html_elem(h, EL_P, text);
	html_open(h, EL_P, AT__MAX);
	html_open(h, EL_A, AT_HREF, "/", AT__MAX);
	html_text(h, "Go to the home page");
	html_close(h);
	html_close(h);
	layout_end(h);
}
