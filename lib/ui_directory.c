/*
 * The directory pages: people and organisations.  Rendering only; see
 * ui_directory.h.  URLs with query strings are built in a struct buf
 * (malloc'd, freed here), since a renderer has no arena.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "csv.h"
#include "directory.h"
#include "feed_store.h"
#include "form.h"
#include "html.h"
#include "layout.h"
#include "mentions.h"
#include "people_search.h"
#include "privacy_basis.h"
#include "ui.h"
#include "ui_directory.h"
#include "ui_privacy.h"
#include "ui_privacy_sar.h"

/* Longest href built with snprintf: a path and a record id. */
#define HREF_MAX	96

/* --- small parts -------------------------------------------------------- */

static void
anchor(struct html *h, const char *href, const char *text, const char *class)
{
	html_open(h, EL_A, AT_HREF, href, AT_CLASS, class, AT__MAX);
	html_text(h, text);
	html_close(h);
}

/* A link when href is safe to write, else the text alone. */
static void
link_or_text(struct html *h, const char *href, const char *text)
{
	if (html_url_safe(href))
		anchor(h, href, text, NULL);
	else
		html_text(h, text);
}

static void
record_link(struct html *h, const char *base, long long id, const char *text)
{
	char	 href[HREF_MAX];

	snprintf(href, sizeof(href), "%s/%lld", base, id);
	anchor(h, href, text, NULL);
}

/* <thead> with one column header per label. */
static void
table_head(struct html *h, const char *const *labels, size_t n)
{
	size_t	 i;

	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	for (i = 0; i < n; i++) {
		html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
		html_text(h, labels[i]);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* Open <div class="table-wrap"><table class=...> with its head. */
static void
table_begin(struct html *h, const char *class, const char *const *labels,
    size_t n)
{
	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, class, AT__MAX);
	table_head(h, labels, n);
	html_open(h, EL_TBODY, AT__MAX);
}

static void
table_end(struct html *h)
{
	html_close(h);	/* tbody */
	html_close(h);	/* table */
	html_close(h);	/* div */
}

/* A <dt>/<dd> pair whose value is a link (or text when href is NULL). */
static void
dl_link_row(struct html *h, const char *term, const char *href,
    const char *text)
{
	if (text == NULL || *text == '\0')
		return;
	html_elem(h, EL_DT, term);
	html_open(h, EL_DD, AT__MAX);
	if (href != NULL)
		link_or_text(h, href, text);
	else
		html_text(h, text);
	html_close(h);
}

/* Free text kept as typed: line breaks shown by the stylesheet. */
static void
dl_notes_row(struct html *h, const char *notes)
{
	if (notes == NULL || *notes == '\0')
		return;
	html_elem(h, EL_DT, "Notes");
	html_open(h, EL_DD, AT_CLASS, "notes", AT__MAX);
	html_text(h, notes);
	html_close(h);
}

static void
notices(struct html *h, const char *notice, int deleted, const char *what)
{
	if (notice != NULL)
		ui_notice(h, notice);
	if (deleted) {
		html_open(h, EL_P, AT_CLASS, "notice deleted", AT__MAX);
		html_textf(h, "This %s has been deleted: it is hidden from "
		    "lists and searches until someone restores it.", what);
		html_close(h);
	}
}

/*
 * Edit, Delete or Restore (editors), and History, for the record at
 * base/id ("/people/12").
 */
static void
record_actions(struct html *h, const struct session *s, int can_edit,
    const char *base, long long id, int deleted)
{
	char	 href[HREF_MAX];

	html_open(h, EL_DIV, AT_CLASS, "actions", AT__MAX);
	if (can_edit && !deleted) {
		snprintf(href, sizeof(href), "%s/%lld/edit", base, id);
		anchor(h, href, "Edit", "button");
		snprintf(href, sizeof(href), "%s/%lld/delete", base, id);
		ui_post_button(h, href, s->csrf, "Delete", NULL, NULL);
	}
	if (can_edit && deleted) {
		snprintf(href, sizeof(href), "%s/%lld/restore", base, id);
		ui_post_button(h, href, s->csrf, "Restore", NULL, NULL);
	}
	snprintf(href, sizeof(href), "%s/%lld/history", base, id);
	anchor(h, href, "History of changes", NULL);
	html_close(h);
}

/* "12 people" or "No people match." above a list. */
static void
count_line(struct html *h, size_t total, const char *one, const char *many)
{
	html_open(h, EL_P, AT_CLASS, "count", AT_ROLE, "status", AT__MAX);
	if (total == 0)
		html_textf(h, "No %s match.", many);
	else
		html_textf(h, "%zu %s", total, total == 1 ? one : many);
	html_close(h);
}

/* Start a URL in b; call buf_free when done. */
static void
url_begin(struct buf *b, const char *path)
{
	buf_init(b);
	buf_puts(b, path);
}

/* Turn b into a pagination base: ends in '?' or '&'. */
static void
url_for_pages(struct buf *b)
{
	buf_putc(b, memchr(b->data, '?', b->len) != NULL ? '&' : '?');
}

/* The URL in b, or "#" (and the page marked failed) if it ran out of memory. */
static const char *
url_get(struct html *h, const struct buf *b)
{
	if (b->failed || b->len == 0) {
		h->error = 1;
		return "#";
	}
	return b->data;
}

static void
label_for(struct html *h, const char *id, const char *text)
{
	html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
	html_text(h, text);
	html_close(h);
}

static void
option(struct html *h, const char *value, const char *label, int selected)
{
	html_open(h, EL_OPTION, AT_VALUE, value,
	    AT_SELECTED, selected ? "" : NULL, AT__MAX);
	html_text(h, label);
	html_close(h);
}

static int
same(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* A labelled search box in the filter form. */
static void
filter_search(struct html *h, const char *value)
{
	html_open(h, EL_DIV, AT_CLASS, "filter filter-q", AT__MAX);
	label_for(h, "filter-q", "Search");
	html_open(h, EL_INPUT, AT_TYPE, "search", AT_ID, "filter-q",
	    AT_NAME, "q", AT_VALUE, value != NULL ? value : "", AT__MAX);
	html_close(h);
}

/* Open a labelled select in the filter form, with its "Any" option. */
static void
filter_select_begin(struct html *h, const char *name, const char *label,
    int any_selected)
{
	char	 id[40];

	snprintf(id, sizeof(id), "filter-%s", name);
	html_open(h, EL_DIV, AT_CLASS, "filter", AT__MAX);
	label_for(h, id, label);
	html_open(h, EL_SELECT, AT_ID, id, AT_NAME, name, AT__MAX);
	option(h, "", "Any", any_selected);
}

static void
filter_select_end(struct html *h)
{
	html_close(h);	/* select */
	html_close(h);	/* div */
}

static void
filter_buttons(struct html *h, const char *clear_href)
{
	html_open(h, EL_DIV, AT_CLASS, "filter filter-buttons", AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, "Filter");
	html_close(h);
	anchor(h, clear_href, "Clear", NULL);
	html_close(h);
}

/* The contact summary and the list of engagements. */
static void
contacts_section(struct html *h, const struct contact_summary *s,
    const struct contact *c, size_t n, int with_is_new)
{
	static const char *const cols[] = { "Date", "Type", "Title",
	    "New or existing contact" };
	char	 count[24];
	size_t	 i;

	html_elem(h, EL_H2, "Contact summary");
	if (s == NULL || s->count == 0) {
		html_elem(h, EL_P, "No engagements recorded yet.");
		return;
	}
	snprintf(count, sizeof(count), "%ld", s->count);
	html_open(h, EL_DL, AT_CLASS, "fields summary", AT__MAX);
	ui_dl_row(h, "First contact", s->first);
	ui_dl_row(h, "Last contact", s->last);
	ui_dl_row(h, "Number of engagements", count);
	html_close(h);
	html_elem(h, EL_H3, "By type");
	html_open(h, EL_UL, AT_CLASS, "by-type", AT__MAX);
	for (i = 0; i < s->ntypes; i++) {
		html_open(h, EL_LI, AT__MAX);
		html_textf(h, "%s: %ld", s->by_type[i].type_label,
		    s->by_type[i].n);
		html_close(h);
	}
	html_close(h);
	html_elem(h, EL_H2, "Engagements");
	table_begin(h, "engagements", cols, with_is_new ? 4 : 3);
	for (i = 0; i < n; i++) {
		html_open(h, EL_TR, AT__MAX);
		html_open(h, EL_TD, AT__MAX);
		html_open(h, EL_TIME, AT_DATETIME, c[i].date, AT__MAX);
		html_text(h, c[i].date);
		html_close(h);
		html_close(h);
		html_elem(h, EL_TD, c[i].type_label);
		html_open(h, EL_TD, AT__MAX);
		record_link(h, "/engagements", c[i].engagement_id, c[i].title);
		html_close(h);
		if (with_is_new)
			html_elem(h, EL_TD, c[i].is_new ? "New" : "Existing");
		html_close(h);
	}
	table_end(h);
}

/* --- people ------------------------------------------------------------- */

/* The list's URL for filter f: path plus the filters that are set. */
static void
people_url(struct buf *b, const char *path, const struct person_filter *f,
    int deleted)
{
	char	 org[24];

	url_begin(b, path);
	ui_query_add(b, "q", f->q);
	ui_query_add(b, "category", f->category);
	ui_query_add(b, "party", f->party);
	if (f->organisation_id != 0) {
		snprintf(org, sizeof(org), "%lld", f->organisation_id);
		ui_query_add(b, "organisation", org);
	}
	ui_query_add(b, "house", f->house);
	if (f->council_id != 0) {
		snprintf(org, sizeof(org), "%lld", f->council_id);
		ui_query_add(b, "council", org);
	}
	if (f->current == PERSON_CURRENT_YES)
		ui_query_add(b, "current", "current");
	else if (f->current == PERSON_CURRENT_NO)
		ui_query_add(b, "current", "former");
	ui_query_add(b, "basis", f->basis);
	if (deleted)
		ui_query_add(b, "deleted", "1");
}

static void
people_links(struct html *h, const struct people_list_view *v)
{
	struct buf	 b;

	html_open(h, EL_DIV, AT_CLASS, "actions", AT__MAX);
	if (v->can_edit) {
		anchor(h, "/people/new", "Add a person", "button");
		anchor(h, "/admin/import", "Import from a spreadsheet", NULL);
	}
	people_url(&b, "/people.csv", v->filter, v->filter->deleted);
	anchor(h, url_get(h, &b), "Download CSV", NULL);
	buf_free(&b);
	people_url(&b, "/people", v->filter, !v->filter->deleted);
	anchor(h, url_get(h, &b), v->filter->deleted ? "Show current people" :
	    "Show deleted", NULL);
	buf_free(&b);
	anchor(h, "/people/duplicates", "Possible duplicates", NULL);
	html_close(h);
}

static void
party_filter(struct html *h, const struct people_list_view *v)
{
	const char	*want = v->filter->party;
	int		 found = 0;
	size_t		 i;

	filter_select_begin(h, "party", "Party", want == NULL || *want == '\0');
	for (i = 0; i < v->nparties; i++) {
		found |= same(v->parties[i], want);
		option(h, v->parties[i], v->parties[i],
		    same(v->parties[i], want));
	}
	/* A party no current person has any more: keep the filter visible. */
	if (!found && want != NULL && *want != '\0')
		option(h, want, want, 1);
	filter_select_end(h);
}

static void
org_options(struct html *h, const struct organisation *o, size_t n,
    long long selected)
{
	char	 id[24];
	size_t	 i;

	for (i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "%lld", o[i].id);
		html_open(h, EL_OPTION, AT_VALUE, id,
		    AT_SELECTED, o[i].id == selected ? "" : NULL, AT__MAX);
		html_textf(h, "%s (%s)", o[i].name, code_label(org_kinds,
		    o[i].kind));
		html_close(h);
	}
}

/* The councils among the organisations, by name. */
static void
council_filter(struct html *h, const struct people_list_view *v)
{
	char	 id[24];
	size_t	 i;

	filter_select_begin(h, "council", "Council", v->filter->council_id == 0);
	for (i = 0; i < v->norgs; i++) {
		if (strcmp(v->orgs[i].kind, "council") != 0)
			continue;
		snprintf(id, sizeof(id), "%lld", v->orgs[i].id);
		option(h, id, v->orgs[i].name,
		    v->orgs[i].id == v->filter->council_id);
	}
	filter_select_end(h);
}

/* "Counts by party" of everyone the filters match. */
static void
party_counts(struct html *h, const struct party_count *pc, size_t n)
{
	static const char *const cols[] = { "Party", "Number" };
	char	 num[24];
	size_t	 i;

	if (n == 0)
		return;
	html_open(h, EL_SECTION, AT_CLASS, "party-counts", AT__MAX);
	html_elem(h, EL_H2, "Counts by party");
	table_begin(h, "party-counts", cols, 2);
	for (i = 0; i < n; i++) {
		html_open(h, EL_TR, AT__MAX);
		html_elem(h, EL_TD, *pc[i].party != '\0' ? pc[i].party :
		    "No party");
		snprintf(num, sizeof(num), "%ld", pc[i].n);
		html_elem(h, EL_TD, num);
		html_close(h);
	}
	table_end(h);
	html_close(h);
}

/* "Lawful basis": each basis, and "Not recorded" for those without. */
static void
basis_filter(struct html *h, const char *want)
{
	size_t	 i;

	filter_select_begin(h, "basis", "Lawful basis",
	    want == NULL || *want == '\0');
	for (i = 0; lawful_bases[i].code != NULL; i++)
		option(h, lawful_bases[i].code, lawful_bases[i].label,
		    same(lawful_bases[i].code, want));
	option(h, PRIVACY_BASIS_NONE, "Not recorded",
	    same(PRIVACY_BASIS_NONE, want));
	filter_select_end(h);
}

static void
people_filters(struct html *h, const struct people_list_view *v)
{
	const struct person_filter	*f = v->filter;
	size_t				 i;

	html_open(h, EL_FORM, AT_METHOD, "get", AT_ACTION, "/people",
	    AT_CLASS, "filters", AT_ROLE, "search", AT__MAX);
	filter_search(h, f->q);
	filter_select_begin(h, "category", "Category",
	    f->category == NULL || *f->category == '\0');
	for (i = 0; i < v->ncategories; i++)
		option(h, v->categories[i].code, v->categories[i].label,
		    same(v->categories[i].code, f->category));
	filter_select_end(h);
	party_filter(h, v);
	filter_select_begin(h, "organisation", "Organisation",
	    f->organisation_id == 0);
	org_options(h, v->orgs, v->norgs, f->organisation_id);
	filter_select_end(h);
	filter_select_begin(h, "house", "House",
	    f->house == NULL || *f->house == '\0');
	for (i = 0; houses[i].code != NULL; i++)
		option(h, houses[i].code, houses[i].label,
		    same(houses[i].code, f->house));
	filter_select_end(h);
	council_filter(h, v);
	filter_select_begin(h, "current", "Current or former",
	    f->current == PERSON_CURRENT_ANY);
	option(h, "current", "Current", f->current == PERSON_CURRENT_YES);
	option(h, "former", "Former", f->current == PERSON_CURRENT_NO);
	filter_select_end(h);
	basis_filter(h, f->basis);
	if (f->deleted)
		html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "deleted",
		    AT_VALUE, "1", AT__MAX);
	filter_buttons(h, f->deleted ? "/people?deleted=1" : "/people");
	html_close(h);
}

/* "House of Commons, Finchley and Golders Green". */
static void
house_and_seat(struct html *h, const struct person *p)
{
	const char	*house = p->house != NULL && *p->house != '\0' ?
	    code_label(houses, p->house) : "";
	const char	*seat = p->constituency != NULL ? p->constituency : "";

	html_textf(h, "%s%s%s", house, *house && *seat ? ", " : "", seat);
}

static void
person_row(struct html *h, const struct person *p)
{
	html_open(h, EL_TR, AT__MAX);
	html_open(h, EL_TD, AT__MAX);
	record_link(h, "/people", p->id, p->full_name);
	if (!p->is_current) {
		html_open(h, EL_SMALL, AT_CLASS, "former", AT__MAX);
		html_text(h, " (former)");
		html_close(h);
	}
	html_close(h);
	html_elem(h, EL_TD, p->category_label);
	html_elem(h, EL_TD, p->party);
	html_open(h, EL_TD, AT__MAX);
	house_and_seat(h, p);
	html_close(h);
	html_open(h, EL_TD, AT__MAX);
	if (p->organisation_id != 0)
		record_link(h, "/organisations", p->organisation_id,
		    p->organisation_name);
	html_close(h);
	html_close(h);
}

static void
people_table(struct html *h, const struct person *p, size_t n)
{
	static const char *const cols[] = { "Name", "Category", "Party",
	    "House or constituency", "Organisation" };
	size_t	 i;

	if (n == 0)
		return;
	table_begin(h, "directory", cols, sizeof(cols) / sizeof(cols[0]));
	for (i = 0; i < n; i++)
		person_row(h, &p[i]);
	table_end(h);
}

void
ui_people_list(struct html *h, const struct people_list_view *v)
{
	const struct page	 p = { v->filter->deleted ? "Deleted people" :
	    "People", v->session, AREA_PEOPLE };
	struct buf		 base;

	layout_begin(h, &p);
	people_links(h, v);
	people_filters(h, v);
	count_line(h, v->total, "person", "people");
	people_table(h, v->people, v->n);
	people_url(&base, "/people", v->filter, v->filter->deleted);
	url_for_pages(&base);
	ui_pagination(h, url_get(h, &base), v->page, v->total, v->per_page);
	buf_free(&base);
	party_counts(h, v->party_counts, v->nparty_counts);
	layout_end(h);
}

/* One person as a row of /people.csv, in ui_people_csv()'s columns. */
static void
csv_person(struct buf *b, const struct person *p)
{
	const char *const cells[] = {
		p->full_name, p->category_label, p->role_title, p->party,
		p->house && *p->house ? code_label(houses, p->house) : "",
		p->constituency, p->organisation_name, p->email, p->phone,
		p->is_current ? "Yes" : "No",
		p->organisation_kind &&
		    strcmp(p->organisation_kind, "council") == 0 ?
		    p->organisation_name : "",
		p->lawful_basis != NULL && *p->lawful_basis != '\0' ?
		    privacy_basis_label(p->lawful_basis) : "",
		p->basis_date, p->data_source,
	};

	csv_row(b, cells, sizeof(cells) / sizeof(cells[0]));
}

void
ui_people_csv(struct buf *b, const struct person *p, size_t n)
{
	static const char *const head[] = { "Name", "Category", "Role",
	    "Party", "House", "Constituency", "Organisation", "Email",
	    "Phone", "Current", "Council", "Lawful basis", "Basis date",
	    "Source" };
	size_t	 i;

	csv_row(b, head, sizeof(head) / sizeof(head[0]));
	for (i = 0; i < n; i++)
		csv_person(b, &p[i]);
}

static void
person_fields(struct html *h, const struct person *p)
{
	char	 href[HREF_MAX], mailto[300];

	html_open(h, EL_DL, AT_CLASS, "fields", AT__MAX);
	ui_dl_row(h, "Category", p->category_label);
	ui_dl_row(h, "Role or title", p->role_title);
	ui_dl_row(h, "Party", p->party);
	if (p->house != NULL && *p->house != '\0')
		ui_dl_row(h, "House", code_label(houses, p->house));
	ui_dl_row(h, "Constituency", p->constituency);
	snprintf(href, sizeof(href), "/organisations/%lld", p->organisation_id);
	if (p->organisation_id != 0)
		dl_link_row(h, "Organisation", href, p->organisation_name);
	snprintf(mailto, sizeof(mailto), "mailto:%s", p->email);
	dl_link_row(h, "Email", mailto, p->email);
	ui_dl_row(h, "Phone", p->phone);
	ui_dl_row(h, "Current", p->is_current ? "Yes" : "No, a former holder "
	    "of this role");
	dl_notes_row(h, p->notes);
	html_close(h);
}

/* "Party and role over time": one row per term, newest first. */
static void
terms_section(struct html *h, const struct person_term *t, size_t n)
{
	static const char *const cols[] = { "From", "To", "Category", "Party",
	    "House", "Constituency or council", "Role" };
	size_t	 i;

	html_elem(h, EL_H2, "Party and role over time");
	if (n == 0) {
		html_elem(h, EL_P, "No dated record of their party or role.");
		return;
	}
	table_begin(h, "terms", cols, sizeof(cols) / sizeof(cols[0]));
	for (i = 0; i < n; i++) {
		const char	*seat = *t[i].constituency != '\0' ?
		    t[i].constituency :
		    strcmp(t[i].organisation_kind, "council") == 0 ?
		    t[i].organisation_name : "";

		html_open(h, EL_TR, AT__MAX);
		html_elem(h, EL_TD, t[i].started_on);
		html_elem(h, EL_TD, t[i].ended_on != NULL ? t[i].ended_on :
		    "now");
		html_elem(h, EL_TD, t[i].category_label);
		html_elem(h, EL_TD, t[i].party);
		html_elem(h, EL_TD, *t[i].house != '\0' ?
		    code_label(houses, t[i].house) : "");
		html_elem(h, EL_TD, seat);
		html_elem(h, EL_TD, t[i].role_title);
		html_close(h);
	}
	table_end(h);
}

/* Whether press monitoring looks for them, and why (not). */
static void
press_status(struct html *h, const struct person *pe,
    const struct watched_person *w)
{
	size_t	 i;

	html_open(h, EL_P, AT_CLASS, "press-status", AT__MAX);
	if (w != NULL && w->tracked && w->nterms > 0) {
		html_text(h, strcmp(w->press_watch, "always") == 0 ?
		    "Watched in the press (set to always) as: " :
		    "Watched in the press (a current parliamentarian we have "
		    "engaged with) as: ");
		for (i = 0; i < w->nterms; i++) {
			html_open(h, EL_SPAN, AT_CLASS, "tag term", AT__MAX);
			html_text(h, w->terms[i]);
			html_close(h);
			html_text(h, " ");
		}
	} else if (w != NULL && w->tracked)
		html_text(h, "Set to be watched in the press, but their name "
		    "is one word: add the form the press uses to their name.");
	else if (w != NULL)
		html_text(h, "Not watched in the press yet: they will be once "
		    "we have an engagement with them (or set \"Watch in the "
		    "press\" to Always).");
	else if (pe->press_watch != NULL &&
	    strcmp(pe->press_watch, "never") == 0)
		html_text(h, "Not watched in the press: set to never.");
	else if (pe->deleted)
		html_text(h, "Not watched in the press: this record is deleted.");
	else if (!pe->is_current)
		html_text(h, "Not watched in the press: not current.");
	else
		html_text(h, "Not watched in the press: only MPs and Peers are "
		    "watched automatically; set \"Watch in the press\" to "
		    "Always to watch them.");
	html_close(h);
}

/* "In the press": the status, then the newest mentions naming them. */
static void
press_section(struct html *h, const struct person_view *v)
{
	static const char *const cols[] = { "Date", "Outlet", "Headline",
	    "State" };
	const struct person	*pe = v->person;
	char			 href[HREF_MAX];
	size_t			 i;

	html_elem(h, EL_H2, "In the press");
	press_status(h, pe, v->watch);
	if (v->nmentions == 0) {
		html_elem(h, EL_P, "No mentions name them yet.");
		return;
	}
	table_begin(h, "person-mentions", cols, sizeof(cols) / sizeof(cols[0]));
	for (i = 0; i < v->nmentions; i++) {
		const struct mention	*m = &v->mentions[i];

		html_open(h, EL_TR, AT__MAX);
		html_elem(h, EL_TD, m->published);
		html_elem(h, EL_TD, m->outlet);
		html_open(h, EL_TD, AT__MAX);
		if (*m->link)
			link_or_text(h, m->link, m->title);
		else
			html_text(h, m->title);
		html_close(h);
		html_elem(h, EL_TD, m->state);
		html_close(h);
	}
	table_end(h);
	snprintf(href, sizeof(href), "/mentions?state=any&person=%lld",
	    pe->id);
	html_open(h, EL_P, AT__MAX);
	anchor(h, href, v->mentions_total > v->nmentions ?
	    "All the mentions naming them" : "Open these in the inbox", NULL);
	html_close(h);
}

/* On a merged-away record: who it was merged into. */
static void
merged_notice(struct html *h, const struct person *pe,
    const struct person_merge *m, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (m[i].merged_id != pe->id || m[i].undone_at != NULL)
			continue;
		html_open(h, EL_P, AT_CLASS, "notice", AT__MAX);
		html_text(h, "This record was merged into ");
		record_link(h, "/people", m[i].survivor_id, m[i].survivor_name);
		html_text(h, ".");
		html_close(h);
	}
}

/* The records merged into this one, each with "Undo merge" for editors. */
static void
merges_section(struct html *h, const struct person_view *v,
    const struct person *pe)
{
	static const char *const cols[] = { "Merged record", "When", "By",
	    "" };
	char	 href[HREF_MAX];
	size_t	 i, k = 0;

	for (i = 0; i < v->nmerges; i++)
		k += v->merges[i].survivor_id == pe->id;
	if (k == 0)
		return;
	html_elem(h, EL_H2, "Merged records");
	table_begin(h, "merges", cols, v->can_edit ? 4 : 3);
	for (i = 0; i < v->nmerges; i++) {
		const struct person_merge	*m = &v->merges[i];

		if (m->survivor_id != pe->id)
			continue;
		html_open(h, EL_TR, AT__MAX);
		html_open(h, EL_TD, AT__MAX);
		record_link(h, "/people", m->merged_id, m->merged_name);
		html_close(h);
		html_elem(h, EL_TD, m->at);
		html_elem(h, EL_TD, m->actor);
		if (v->can_edit) {
			html_open(h, EL_TD, AT__MAX);
			if (m->undone_at != NULL)
				html_textf(h, "Undone %s", m->undone_at);
			else {
				snprintf(href, sizeof(href),
				    "/people/merges/%lld/undo", m->id);
				ui_post_button(h, href, v->session->csrf,
				    "Undo merge", NULL, NULL);
			}
			html_close(h);
		}
		html_close(h);
	}
	table_end(h);
}

/* One "Keep this one" form: merge other into keep. */
static void
keep_button(struct html *h, const struct session *s, const struct person *keep,
    const struct person *other)
{
	char	 action[HREF_MAX], id[24];
	struct buf b;

	snprintf(action, sizeof(action), "/people/%lld/merge", keep->id);
	snprintf(id, sizeof(id), "%lld", other->id);
	buf_init(&b);
	buf_printf(&b, "Merge: keep %s (#%lld)", keep->full_name, keep->id);
	ui_post_button(h, action, s->csrf, url_get(h, &b), "other", id);
	buf_free(&b);
}

static void
duplicate_person_cell(struct html *h, const struct person *p)
{
	html_open(h, EL_TD, AT__MAX);
	record_link(h, "/people", p->id, p->full_name);
	html_open(h, EL_SMALL, AT__MAX);
	html_textf(h, " #%lld, %s%s%s%s%s", p->id, p->category_label,
	    *p->party ? ", " : "", p->party, *p->email ? ", " : "", p->email);
	html_close(h);
	html_close(h);
}

void
ui_people_duplicates(struct html *h, const struct duplicates_view *v)
{
	static const char *const cols[] = { "Person", "Possible duplicate",
	    "Why", "Merge" };
	const struct page	 p = { "Possible duplicates", v->session,
	    AREA_PEOPLE };
	size_t			 i;

	layout_begin(h, &p);
	if (v->notice != NULL)
		ui_notice(h, v->notice);
	html_elem(h, EL_P, "People with the same name and category, or the "
	    "same email. Merging moves the engagements and history of one "
	    "to the other and deletes it; a merge can be undone from the "
	    "page of the person kept.");
	count_line(h, v->n, "pair", "pairs");
	if (v->n > 0) {
		table_begin(h, "duplicates", cols, v->can_edit ? 4 : 3);
		for (i = 0; i < v->n; i++) {
			html_open(h, EL_TR, AT__MAX);
			duplicate_person_cell(h, &v->pairs[i].a);
			duplicate_person_cell(h, &v->pairs[i].b);
			html_elem(h, EL_TD, v->pairs[i].reason);
			if (v->can_edit) {
				html_open(h, EL_TD, AT__MAX);
				keep_button(h, v->session, &v->pairs[i].a,
				    &v->pairs[i].b);
				keep_button(h, v->session, &v->pairs[i].b,
				    &v->pairs[i].a);
				html_close(h);
			}
			html_close(h);
		}
		table_end(h);
	}
	html_open(h, EL_P, AT__MAX);
	anchor(h, "/people", "All people", NULL);
	html_close(h);
	layout_end(h);
}

void
ui_person_detail(struct html *h, const struct person_view *v)
{
	const struct person	*pe = v->person;
	const struct page	 p = { pe->full_name, v->session, AREA_PEOPLE };

	layout_begin(h, &p);
	notices(h, v->notice, pe->deleted, "person");
	record_actions(h, v->session, v->can_edit, "/people", pe->id,
	    pe->deleted);
	if (v->session != NULL && v->session->role == ROLE_ADMIN) {
		/* Issue 11: erasure, for admins only (the route checks too). */
		char	 erase[HREF_MAX];

		snprintf(erase, sizeof(erase), "/people/%lld/erase", pe->id);
		html_open(h, EL_P, AT__MAX);
		anchor(h, erase, "Erase this person\u2026", NULL);
		html_close(h);
	}
	ui_sar_person_action(h, v->session, pe->id);	/* admins only */
	merged_notice(h, pe, v->merges, v->nmerges);
	person_fields(h, pe);
	ui_privacy_basis(h, pe, v->can_edit);
	terms_section(h, v->terms, v->nterms);
	merges_section(h, v, pe);
	press_section(h, v);
	contacts_section(h, v->summary, v->contacts, v->ncontacts, 1);
	html_open(h, EL_P, AT__MAX);
	anchor(h, "/people", "All people", NULL);
	html_close(h);
	layout_end(h);
}

/* The form itself, under its title, after any conflict table. */
static void
record_form(struct html *h, const struct dir_form_view *v, const char *base,
    const char *title, enum area area)
{
	const struct page	 p = { title, v->session, area };
	char			 action[HREF_MAX], cancel[HREF_MAX];

	if (v->id != 0) {
		snprintf(action, sizeof(action), "%s/%lld/edit", base, v->id);
		snprintf(cancel, sizeof(cancel), "%s/%lld", base, v->id);
	} else {
		snprintf(action, sizeof(action), "%s/new", base);
		snprintf(cancel, sizeof(cancel), "%s", base);
	}
	layout_begin(h, &p);
	if (v->nconflicts > 0)
		ui_conflict(h, v->conflicts, v->nconflicts);
	form_render_summary(h, v->form);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, action,
	    AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	form_render_fields(h, v->form);
	html_open(h, EL_DIV, AT_CLASS, "actions", AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_CLASS, "primary",
	    AT__MAX);
	html_text(h, v->nconflicts > 0 ? "Save my version" : "Save");
	html_close(h);
	anchor(h, cancel, "Cancel", NULL);
	html_close(h);
	html_close(h);
	layout_end(h);
}

/* "Edit Jane Smith" in a buffer the caller frees. */
static const char *
edit_title(struct html *h, struct buf *b, const struct dir_form_view *v,
    const char *new_title)
{
	buf_init(b);
	if (v->id == 0)
		return new_title;
	buf_printf(b, "Edit %s", v->name != NULL ? v->name : "");
	return url_get(h, b);
}

void
ui_person_form(struct html *h, const struct dir_form_view *v)
{
	struct buf	 title;

	record_form(h, v, "/people", edit_title(h, &title, v, "Add a person"),
	    AREA_PEOPLE);
	buf_free(&title);
}

static void
history_page(struct html *h, const struct dir_history_view *v,
    const char *base, enum area area)
{
	struct buf	 title;
	struct page	 p = { NULL, v->session, area };
	char		 back[HREF_MAX];

	buf_init(&title);
	buf_printf(&title, "History of %s", v->name != NULL ? v->name : "");
	p.title = url_get(h, &title);
	snprintf(back, sizeof(back), "%s/%lld", base, v->id);
	layout_begin(h, &p);
	html_open(h, EL_P, AT__MAX);
	anchor(h, back, "Back to the record", NULL);
	html_close(h);
	ui_history(h, v->entries, v->n);
	layout_end(h);
	buf_free(&title);
}

void
ui_person_history(struct html *h, const struct dir_history_view *v)
{
	history_page(h, v, "/people", AREA_PEOPLE);
}

/* --- organisations ------------------------------------------------------ */

static void
orgs_url(struct buf *b, const struct org_filter *f, int deleted)
{
	url_begin(b, "/organisations");
	ui_query_add(b, "q", f->q);
	ui_query_add(b, "kind", f->kind);
	if (deleted)
		ui_query_add(b, "deleted", "1");
}

static void
orgs_links(struct html *h, const struct orgs_list_view *v)
{
	struct buf	 b;

	html_open(h, EL_DIV, AT_CLASS, "actions", AT__MAX);
	if (v->can_edit)
		anchor(h, "/organisations/new", "Add an organisation",
		    "button");
	orgs_url(&b, v->filter, !v->filter->deleted);
	anchor(h, url_get(h, &b), v->filter->deleted ?
	    "Show current organisations" : "Show deleted", NULL);
	buf_free(&b);
	html_close(h);
}

static void
orgs_filters(struct html *h, const struct org_filter *f)
{
	const struct code_label	*k;

	html_open(h, EL_FORM, AT_METHOD, "get", AT_ACTION, "/organisations",
	    AT_CLASS, "filters", AT_ROLE, "search", AT__MAX);
	filter_search(h, f->q);
	filter_select_begin(h, "kind", "Kind",
	    f->kind == NULL || *f->kind == '\0');
	for (k = org_kinds; k->code != NULL; k++)
		option(h, k->code, k->label, same(k->code, f->kind));
	filter_select_end(h);
	if (f->deleted)
		html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "deleted",
		    AT_VALUE, "1", AT__MAX);
	filter_buttons(h, f->deleted ? "/organisations?deleted=1" :
	    "/organisations");
	html_close(h);
}

static void
org_row(struct html *h, const struct organisation *o)
{
	html_open(h, EL_TR, AT__MAX);
	html_open(h, EL_TD, AT__MAX);
	record_link(h, "/organisations", o->id, o->name);
	html_close(h);
	html_elem(h, EL_TD, code_label(org_kinds, o->kind));
	html_elem(h, EL_TD, o->medium != NULL && *o->medium != '\0' ?
	    code_label(media, o->medium) : "");
	html_open(h, EL_TD, AT__MAX);
	if (o->parent_id != 0)
		record_link(h, "/organisations", o->parent_id, o->parent_name);
	html_close(h);
	html_close(h);
}

void
ui_orgs_list(struct html *h, const struct orgs_list_view *v)
{
	static const char *const cols[] = { "Name", "Kind", "Medium",
	    "Part of" };
	const struct page	 p = { v->filter->deleted ?
	    "Deleted organisations" : "Organisations", v->session,
	    AREA_ORGANISATIONS };
	struct buf		 base;
	size_t			 i;

	layout_begin(h, &p);
	orgs_links(h, v);
	orgs_filters(h, v->filter);
	count_line(h, v->total, "organisation", "organisations");
	if (v->n > 0) {
		table_begin(h, "directory", cols,
		    sizeof(cols) / sizeof(cols[0]));
		for (i = 0; i < v->n; i++)
			org_row(h, &v->orgs[i]);
		table_end(h);
	}
	orgs_url(&base, v->filter, v->filter->deleted);
	url_for_pages(&base);
	ui_pagination(h, url_get(h, &base), v->page, v->total, v->per_page);
	buf_free(&base);
	layout_end(h);
}

static void
org_fields(struct html *h, const struct organisation *o)
{
	char	 href[HREF_MAX];

	html_open(h, EL_DL, AT_CLASS, "fields", AT__MAX);
	ui_dl_row(h, "Kind", code_label(org_kinds, o->kind));
	if (o->medium != NULL && *o->medium != '\0')
		ui_dl_row(h, "Medium", code_label(media, o->medium));
	snprintf(href, sizeof(href), "/organisations/%lld", o->parent_id);
	if (o->parent_id != 0)
		dl_link_row(h, "Part of", href, o->parent_name);
	dl_link_row(h, "Website", o->website, o->website);
	dl_notes_row(h, o->notes);
	html_close(h);
}

static void
org_parts(struct html *h, const struct organisation *parts, size_t n,
    const char *kind)
{
	size_t	 i;

	if (n == 0)
		return;
	html_elem(h, EL_H2, strcmp(kind, "government_department") == 0 ?
	    "Desks and teams" : "Parts of this organisation");
	html_open(h, EL_UL, AT__MAX);
	for (i = 0; i < n; i++) {
		html_open(h, EL_LI, AT__MAX);
		record_link(h, "/organisations", parts[i].id, parts[i].name);
		html_close(h);
	}
	html_close(h);
}

static void
org_people(struct html *h, const struct person *p, size_t n)
{
	static const char *const cols[] = { "Name", "Category",
	    "Role or title" };
	size_t	 i;

	html_elem(h, EL_H2, "People");
	if (n == 0) {
		html_elem(h, EL_P, "No one in the directory is linked to this "
		    "organisation.");
		return;
	}
	table_begin(h, "directory", cols, sizeof(cols) / sizeof(cols[0]));
	for (i = 0; i < n; i++) {
		html_open(h, EL_TR, AT__MAX);
		html_open(h, EL_TD, AT__MAX);
		record_link(h, "/people", p[i].id, p[i].full_name);
		html_close(h);
		html_elem(h, EL_TD, p[i].category_label);
		html_elem(h, EL_TD, p[i].role_title);
		html_close(h);
	}
	table_end(h);
}

void
ui_org_detail(struct html *h, const struct org_view *v)
{
	const struct organisation	*o = v->org;
	const struct page		 p = { o->name, v->session,
	    AREA_ORGANISATIONS };

	layout_begin(h, &p);
	notices(h, v->notice, o->deleted, "organisation");
	record_actions(h, v->session, v->can_edit, "/organisations", o->id,
	    o->deleted);
	org_fields(h, o);
	org_parts(h, v->parts, v->nparts, o->kind);
	org_people(h, v->people, v->npeople);
	contacts_section(h, v->summary, v->contacts, v->ncontacts, 0);
	html_open(h, EL_P, AT__MAX);
	anchor(h, "/organisations", "All organisations", NULL);
	html_close(h);
	layout_end(h);
}

void
ui_org_form(struct html *h, const struct dir_form_view *v)
{
	struct buf	 title;

	record_form(h, v, "/organisations", edit_title(h, &title, v,
	    "Add an organisation"), AREA_ORGANISATIONS);
	buf_free(&title);
}

void
ui_org_history(struct html *h, const struct dir_history_view *v)
{
	history_page(h, v, "/organisations", AREA_ORGANISATIONS);
}

void
ui_directory_conflict(struct html *h, const struct dir_form_view *v,
    int is_person)
{
	if (is_person)
		ui_person_form(h, v);
	else
		ui_org_form(h, v);
}

/* One match as a JSON object, or NULL when out of memory. */
static json_t *
match_json(const struct people_match *m)
{
	return json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)m->id,
	    "name", m->name, "value", m->value, "hint", m->hint);
}

int
ui_people_search_json(struct buf *b, const struct people_match *m, size_t n)
{
	json_t	*list = json_array();
	size_t	 i;

	for (i = 0; list != NULL && i < n; i++)
		if (json_array_append_new(list, match_json(&m[i])) == -1) {
			json_decref(list);
			list = NULL;
		}
	if (list == NULL)
		return -1;
	/* "o" takes the list: written compact, for the type-ahead. */
	return ui_json_write(b, json_pack("{s:o}", "people", list),
	    JSON_PRESERVE_ORDER | JSON_ESCAPE_SLASH);
}
