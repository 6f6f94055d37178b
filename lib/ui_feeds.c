/*
 * The feeds and watch-terms pages (see ui_feeds.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "feed_store.h"
#include "form.h"
#include "html.h"
#include "layout.h"
#include "ui.h"
#include "ui_feeds.h"

static int
can_edit(const struct session *s)
{
	return s != NULL && s->role >= ROLE_EDITOR;
}

static void
header_cell(struct html *h, const char *text)
{
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, text);
	html_close(h);
}

static void
text_cell(struct html *h, const char *text)
{
	html_open(h, EL_TD, AT__MAX);
	html_text(h, text);
	html_close(h);
}

static const char *
yes_no(int b)
{
	return b ? "yes" : "no";
}

/* The Press area's sub-pages, for moving between them. */
static void
press_links(struct html *h)
{
	html_open(h, EL_P, AT_CLASS, "actions", AT__MAX);
	html_open(h, EL_A, AT_HREF, "/mentions", AT__MAX);
	html_text(h, "Mentions");
	html_close(h);
	html_text(h, " · ");
	html_open(h, EL_A, AT_HREF, "/feeds", AT__MAX);
	html_text(h, "Feeds");
	html_close(h);
	html_text(h, " · ");
	html_open(h, EL_A, AT_HREF, "/watch-terms", AT__MAX);
	html_text(h, "Watch terms");
	html_close(h);
	html_close(h);
}

/* An editor's form: the fields, the CSRF token and one submit button. */
static void
post_form(struct html *h, const char *action, const char *csrf,
    const struct form *f, const char *button)
{
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, action, AT__MAX);
	layout_csrf_input(h, csrf);
	form_render_summary(h, f);
	form_render_fields(h, f);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, button);
	html_close(h);
	html_close(h);
}

/* The feed's outlet, linked to the directory, or nothing. */
static void
outlet_cell(struct html *h, const struct feed_health *f)
{
	char	 href[48];

	html_open(h, EL_TD, AT__MAX);
	if (f->outlet_id != 0) {
		snprintf(href, sizeof(href), "/organisations/%lld",
		    f->outlet_id);
		html_open(h, EL_A, AT_HREF, href, AT__MAX);
		html_text(h, f->outlet);
		html_close(h);
	}
	html_close(h);
}

static void
feed_row(struct html *h, const struct feed_health *f, const char *csrf)
{
	char	 id[32], url[64], status[24], counts[64], failures[32];

	snprintf(id, sizeof(id), "feed-%lld", f->id);
	html_open(h, EL_TR, AT_ID, id, AT_CLASS, f->failures > 0 ? "failing" :
	    NULL, AT__MAX);
	html_open(h, EL_TD, AT__MAX);
	html_text(h, *f->title ? f->title : "(no title)");
	html_close(h);
	outlet_cell(h, f);
	html_open(h, EL_TD, AT__MAX);
	if (html_url_safe(f->url)) {
		html_open(h, EL_A, AT_HREF, f->url, AT_REL, "noreferrer",
		    AT__MAX);
		html_text(h, f->url);
		html_close(h);
	} else
		html_text(h, f->url);
	html_close(h);
	text_cell(h, yes_no(f->enabled));
	text_cell(h, *f->last_fetch_at ? f->last_fetch_at : "never");
	snprintf(status, sizeof(status), "%ld", f->last_status);
	text_cell(h, f->last_status ? status : "none");
	snprintf(counts, sizeof(counts), "%lld / %lld", f->items_seen,
	    f->items_new);
	text_cell(h, counts);
	text_cell(h, f->last_error);
	html_open(h, EL_TD, AT__MAX);
	if (f->failures > 0) {
		snprintf(failures, sizeof(failures), "Failing: %lld",
		    f->failures);
		html_open(h, EL_STRONG, AT_CLASS, "tag failing", AT__MAX);
		html_text(h, failures);
		html_close(h);
	} else
		html_text(h, "0");
	html_close(h);
	if (csrf != NULL) {
		html_open(h, EL_TD, AT_CLASS, "row-actions", AT__MAX);
		snprintf(url, sizeof(url), "/feeds/%lld/edit", f->id);
		html_open(h, EL_A, AT_HREF, url, AT__MAX);
		html_text(h, "Edit");
		html_close(h);
		snprintf(url, sizeof(url), "/feeds/%lld/%s", f->id,
		    f->enabled ? "disable" : "enable");
		ui_post_button(h, url, csrf, f->enabled ? "Disable" : "Enable",
		    NULL, NULL);
		snprintf(url, sizeof(url), "/feeds/%lld/delete", f->id);
		ui_post_button(h, url, csrf, "Delete", NULL, NULL);
		html_close(h);
	}
	html_close(h);
}

/* The feeds deleted, each with "Restore" for editors. */
static void
deleted_feeds(struct html *h, const struct feeds_view *v, const char *csrf)
{
	char	 id[32], url[64];
	size_t	 i;

	if (v->ndeleted == 0)
		return;
	html_elem(h, EL_H2, "Deleted feeds");
	html_elem(h, EL_P, "Not fetched, and their mentions are out of the "
	    "inbox. Restoring one brings back its items and mentions; so does "
	    "adding its URL again.");
	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, "list deleted-feeds", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	header_cell(h, "Title");
	header_cell(h, "URL");
	if (csrf != NULL)
		header_cell(h, "Actions");
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < v->ndeleted; i++) {
		const struct feed_health	*f = &v->deleted[i];

		snprintf(id, sizeof(id), "deleted-feed-%lld", f->id);
		html_open(h, EL_TR, AT_ID, id, AT__MAX);
		text_cell(h, *f->title ? f->title : "(no title)");
		text_cell(h, f->url);
		if (csrf != NULL) {
			html_open(h, EL_TD, AT_CLASS, "row-actions", AT__MAX);
			snprintf(url, sizeof(url), "/feeds/%lld/restore", f->id);
			ui_post_button(h, url, csrf, "Restore", NULL, NULL);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

void
ui_feeds(struct html *h, const struct feeds_view *v)
{
	const struct page	 p = { "Feeds", v->session, AREA_PRESS };
	const char		*csrf = can_edit(v->session) ?
				    v->session->csrf : NULL;
	size_t			 i;

	layout_begin(h, &p);
	press_links(h);
	if (v->notice)
		ui_notice(h, v->notice);
	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, "list feeds", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	header_cell(h, "Title");
	header_cell(h, "Outlet");
	header_cell(h, "URL");
	header_cell(h, "Enabled");
	header_cell(h, "Last fetch (UTC)");
	header_cell(h, "HTTP status");
	header_cell(h, "Items seen / new");
	header_cell(h, "Last error");
	header_cell(h, "Consecutive failures");
	if (csrf != NULL)
		header_cell(h, "Actions");
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < v->n; i++)
		feed_row(h, &v->feeds[i], csrf);
	html_close(h);
	html_close(h);
	html_close(h);
	if (csrf != NULL && v->form != NULL) {
		html_elem(h, EL_H2, "Add a feed");
		post_form(h, "/feeds", csrf, v->form, "Add feed");
	}
	deleted_feeds(h, v, csrf);
	layout_end(h);
}

void
ui_feed_edit(struct html *h, const struct feed_edit_view *v)
{
	const struct page	 p = { "Edit feed", v->session, AREA_PRESS };
	char			 action[64];

	layout_begin(h, &p);
	press_links(h);
	snprintf(action, sizeof(action), "/feeds/%lld/edit", v->feed->id);
	post_form(h, action, v->session->csrf, v->form, "Save");
	layout_end(h);
}

static void
term_row(struct html *h, const struct watch_term *t, const char *csrf)
{
	char	 id[32], url[64];

	snprintf(id, sizeof(id), "term-%lld", t->id);
	html_open(h, EL_TR, AT_ID, id, AT__MAX);
	text_cell(h, t->term);
	text_cell(h, t->kind);
	text_cell(h, yes_no(t->exclude));
	text_cell(h, yes_no(t->titles_only));
	text_cell(h, yes_no(t->enabled));
	if (csrf != NULL) {
		html_open(h, EL_TD, AT_CLASS, "row-actions", AT__MAX);
		snprintf(url, sizeof(url), "/watch-terms/%lld/%s", t->id,
		    t->enabled ? "disable" : "enable");
		ui_post_button(h, url, csrf, t->enabled ? "Disable" : "Enable",
		    NULL, NULL);
		html_close(h);
	}
	html_close(h);
}

/* The typed terms (the directory's are shown by person, below). */
static void
typed_terms(struct html *h, const struct watch_terms_view *v,
    const char *csrf)
{
	size_t	 i;

	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, "list terms", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	header_cell(h, "Term");
	header_cell(h, "Kind");
	header_cell(h, "Exclude");
	header_cell(h, "Titles only");
	header_cell(h, "Enabled");
	if (csrf != NULL)
		header_cell(h, "Actions");
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < v->n; i++)
		if (!v->terms[i].from_directory)
			term_row(h, &v->terms[i], csrf);
	html_close(h);
	html_close(h);
	html_close(h);
}

/* One watched person: name (linked), category, why, their terms. */
static void
watched_row(struct html *h, const struct watched_person *p)
{
	char	 id[40], href[48];
	size_t	 i;

	snprintf(id, sizeof(id), "watched-%lld", p->id);
	snprintf(href, sizeof(href), "/people/%lld", p->id);
	html_open(h, EL_TR, AT_ID, id, AT__MAX);
	html_open(h, EL_TD, AT__MAX);
	html_open(h, EL_A, AT_HREF, href, AT__MAX);
	html_text(h, p->name);
	html_close(h);
	html_close(h);
	text_cell(h, p->category);
	text_cell(h, strcmp(p->press_watch, "always") == 0 ?
	    "set to always" : "engaged with us");
	html_open(h, EL_TD, AT__MAX);
	if (p->nterms == 0)
		html_text(h, "(a one-word name: nothing to look for)");
	for (i = 0; i < p->nterms; i++) {
		html_open(h, EL_SPAN, AT_CLASS, "tag term", AT__MAX);
		html_text(h, p->terms[i]);
		html_close(h);
		html_text(h, " ");
	}
	html_close(h);
	html_close(h);
}

/* "People from the directory": who is watched, and who could be. */
static void
watched_section(struct html *h, const struct watch_terms_view *v)
{
	size_t	 i, waiting = 0;

	html_elem(h, EL_H2, "People from the directory");
	html_elem(h, EL_P, "Current MPs and Peers we have had an engagement "
	    "with, and anyone set to \"Always\" under \"Watch in the press\" "
	    "on their page, are looked for by these forms of their name. "
	    "The list follows the directory: renaming, merging, retiring or "
	    "setting someone to \"Never\" changes it at the next match.");
	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, "list watched", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	header_cell(h, "Person");
	header_cell(h, "Category");
	header_cell(h, "Watched because");
	header_cell(h, "Looked for as");
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < v->npeople; i++) {
		if (v->people[i].tracked)
			watched_row(h, &v->people[i]);
		else
			waiting++;
	}
	html_close(h);
	html_close(h);
	html_close(h);
	if (waiting > 0) {
		html_open(h, EL_P, AT__MAX);
		html_textf(h, "%zu more current MP%s and Peers are not watched "
		    "yet: we have no engagement with them.", waiting,
		    waiting == 1 ? "" : "s");
		html_close(h);
	}
}

void
ui_watch_terms(struct html *h, const struct watch_terms_view *v)
{
	const struct page	 p = { "Watch terms", v->session, AREA_PRESS };
	const char		*csrf = can_edit(v->session) ?
				    v->session->csrf : NULL;

	layout_begin(h, &p);
	press_links(h);
	if (v->notice)
		ui_notice(h, v->notice);
	typed_terms(h, v, csrf);
	if (csrf != NULL) {
		ui_post_button(h, "/watch-terms/rematch", csrf,
		    "Re-run matching over stored items", NULL, NULL);
		if (v->form != NULL) {
			html_elem(h, EL_H2, "Add a watch term");
			post_form(h, "/watch-terms", csrf, v->form, "Add term");
		}
	}
	watched_section(h, v);
	layout_end(h);
}
