#include "config.h"

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "directory.h"
#include "engagements.h"
#include "form.h"
#include "html.h"
#include "layout.h"
#include "privacy_basis.h"
#include "ui.h"
#include "ui_engagements.h"
#include "users.h"

static int
can_edit(const struct session *s)
{
	return s != NULL && s->role >= ROLE_EDITOR;
}

static void
label_for(struct html *h, const char *id, const char *text)
{
	html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
	html_text(h, text);
	html_close(h);
}

/* A <select> of options with an "any" (or "none") first option. */
static void
option_select(struct html *h, const char *name, const char *label,
    const struct option *opts, size_t n, const char *chosen, const char *any)
{
	char	 id[64];
	size_t	 i;

	snprintf(id, sizeof(id), "f-%s", name);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	label_for(h, id, label);
	html_open(h, EL_SELECT, AT_ID, id, AT_NAME, name, AT__MAX);
	if (any != NULL) {
		html_open(h, EL_OPTION, AT_VALUE, "", AT__MAX);
		html_text(h, any);
		html_close(h);
	}
	for (i = 0; i < n; i++) {
		html_open(h, EL_OPTION, AT_VALUE, opts[i].value, AT_SELECTED,
		    chosen && strcmp(chosen, opts[i].value) == 0 ? "" : NULL,
		    AT__MAX);
		html_text(h, opts[i].label);
		html_close(h);
	}
	/* A value no longer on offer (a party someone had) stays chosen. */
	if (chosen != NULL && *chosen != '\0' && !option_offered(opts, n, chosen)) {
		html_open(h, EL_OPTION, AT_VALUE, chosen, AT_SELECTED, "",
		    AT__MAX);
		html_text(h, chosen);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* The options of a code table, for option_select(). */
static void
code_options(const struct code_label *t, struct option *out, size_t max,
    size_t *n)
{
	for (*n = 0; *n < max && t[*n].code != NULL; (*n)++)
		out[*n] = (struct option){ t[*n].code, t[*n].label };
}

/*
 * The filters the report's numbers link with: medium, organisation kind,
 * new or met before, decision makers, and whether party and category mean
 * then or now.
 */
static void
report_filters(struct html *h, const struct eng_filter *f)
{
	static const struct option novelty[] = {
		{ "new", "Someone new to us" },
		{ "existing", "Someone met before" },
	};
	static const struct option as_at[] = {
		{ "then", "On each engagement's date" },
	};
	struct option	 opts[16];
	size_t		 n;

	code_options(media, opts, 16, &n);
	option_select(h, "medium", "Medium", opts, n, f->medium, "Any medium");
	code_options(org_kinds, opts, 16, &n);
	option_select(h, "org_kind", "Organisation kind", opts, n, f->org_kind,
	    "Any kind");
	option_select(h, "novelty", "New or met before", novelty, 2,
	    f->novelty, "Anyone");
	option_select(h, "as_at", "Party and category", as_at, 1,
	    f->party_then || f->category_then ? "then" : NULL, "As they are now");
	html_open(h, EL_DIV, AT_CLASS, "field checkbox", AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "checkbox", AT_ID, "f-dm", AT_NAME,
	    "dm", AT_VALUE, "1", AT_CHECKED, f->decision_makers ? "" : NULL,
	    AT__MAX);
	label_for(h, "f-dm", "Decision makers only");
	html_close(h);
}

static void
text_filter(struct html *h, const char *name, const char *label,
    const char *type, const char *value)
{
	char	 id[64];

	snprintf(id, sizeof(id), "f-%s", name);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	label_for(h, id, label);
	html_open(h, EL_INPUT, AT_ID, id, AT_NAME, name, AT_TYPE, type,
	    AT_VALUE, value ? value : "", AT__MAX);
	html_close(h);
}

static void
filter_form(struct html *h, const struct eng_list_view *v)
{
	const struct eng_filter	*f = v->filter;
	char			 idbuf[24];

	html_open(h, EL_FORM, AT_METHOD, "get", AT_ACTION, "/engagements",
	    AT_CLASS, "filters", AT_ROLE, "search", AT__MAX);
	text_filter(h, "from", "From", "date", f->from);
	text_filter(h, "to", "To", "date", f->to);
	option_select(h, "type", "Type", v->types, v->ntypes, f->type,
	    "Any type");
	option_select(h, "party", "Party", v->parties, v->nparties,
	    f->party_then ? f->party_then : f->party, "Any party");
	option_select(h, "category", "Category", v->categories,
	    v->ncategories, f->category_then ? f->category_then : f->category,
	    "Any category");
	snprintf(idbuf, sizeof(idbuf), "%lld", f->policy_area_id);
	option_select(h, "area", "Policy area", v->areas, v->nareas,
	    f->policy_area_id ? idbuf : NULL, "Any policy area");
	report_filters(h, f);
	text_filter(h, "q", "Search", "search", f->q);
	if (f->person_id > 0) {
		snprintf(idbuf, sizeof(idbuf), "%lld", f->person_id);
		html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "person",
		    AT_VALUE, idbuf, AT__MAX);
	}
	if (f->deleted)
		html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "deleted",
		    AT_VALUE, "1", AT__MAX);
	if (f->kpi_id > 0) {
		snprintf(idbuf, sizeof(idbuf), "%lld", f->kpi_id);
		html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "kpi",
		    AT_VALUE, idbuf, AT__MAX);
	}
	html_open(h, EL_DIV, AT_CLASS, "filter-actions", AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, "Filter");
	html_close(h);
	html_open(h, EL_A, AT_HREF, "/engagements", AT__MAX);
	html_text(h, "Clear filters");
	html_close(h);
	html_close(h);
	html_close(h);
}

void
ui_eng_person(struct html *h, const struct eng_person *p, int link)
{
	char	 href[48];

	snprintf(href, sizeof(href), "/people/%lld", p->id);
	if (link)
		html_open(h, EL_A, AT_HREF, href, AT__MAX);
	html_text(h, p->name);
	if (link)
		html_close(h);
	if (*p->party != '\0')
		html_textf(h, " (%s)", p->party);
	html_open(h, EL_SPAN, AT_CLASS, p->is_new ? "tag tag-new" : "tag",
	    AT__MAX);
	html_text(h, p->is_new ? "new" : "existing");
	html_close(h);
}

/* Marks a confidential engagement, to those who may read it and not. */
static void
confidential_tag(struct html *h)
{
	html_text(h, " ");
	html_open(h, EL_SPAN, AT_CLASS, "tag tag-confidential", AT__MAX);
	html_text(h, "Confidential");
	html_close(h);
}

static void
list_table(struct html *h, const struct eng_list_view *v)
{
	char	 href[48];
	size_t	 i, j;

	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, "list", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Date");
	html_close(h);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Type");
	html_close(h);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Title");
	html_close(h);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "People");
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < v->nrows; i++) {
		const struct eng_row *r = &v->rows[i];

		snprintf(href, sizeof(href), "/engagements/%lld", r->id);
		html_open(h, EL_TR, AT__MAX);
		html_open(h, EL_TD, AT_CLASS, "nowrap", AT__MAX);
		html_open(h, EL_TIME, AT_DATETIME, r->date, AT__MAX);
		html_text(h, r->date);
		html_close(h);
		html_close(h);
		html_elem(h, EL_TD, r->type_label);
		html_open(h, EL_TD, AT__MAX);
		html_open(h, EL_A, AT_HREF, href, AT__MAX);
		html_text(h, r->title);
		html_close(h);
		if (r->confidential)
			confidential_tag(h);
		html_close(h);
		html_open(h, EL_TD, AT__MAX);
		html_open(h, EL_UL, AT_CLASS, "plain", AT__MAX);
		for (j = 0; j < r->npeople; j++) {
			html_open(h, EL_LI, AT__MAX);
			ui_eng_person(h, &r->people[j], 0);
			html_close(h);
		}
		html_close(h);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

/*
 * Listing what a KPI counts: which KPI, and its figure for the dates, so
 * the number followed from the dashboard is on the page beside its list.
 */
static void
kpi_banner(struct html *h, const struct eng_list_view *v)
{
	const struct eng_filter	*f = v->filter;
	const char		*what = strcmp(v->kpi_measure, "people") == 0 ?
	    "people" : strcmp(v->kpi_measure, "organisations") == 0 ?
	    "organisations" : "engagements";

	html_open(h, EL_P, AT_CLASS, "notice kpi-filter", AT__MAX);
	html_textf(h, "What KPI %s counts: ", v->kpi_code);
	html_open(h, EL_STRONG, AT__MAX);
	html_text(h, v->kpi_label);
	html_close(h);
	html_textf(h, ". %lld %s counted", v->kpi_count, what);
	if (f->from != NULL && f->to != NULL)
		html_textf(h, " from %s to %s", f->from, f->to);
	else if (f->from != NULL)
		html_textf(h, " from %s", f->from);
	else if (f->to != NULL)
		html_textf(h, " up to %s", f->to);
	html_text(h, strcmp(what, "engagements") == 0 ? ": they are listed "
	    "below. " : ", on the engagements listed below. ");
	html_open(h, EL_A, AT_HREF, "/engagements", AT__MAX);
	html_text(h, "Show all engagements");
	html_close(h);
	html_close(h);
}

void
ui_engagement_list(struct html *h, const struct eng_list_view *v)
{
	const struct page	 p = { v->filter->deleted ? "Deleted engagements" :
	    "Engagements", v->session, AREA_ENGAGEMENTS };
	int			 more = v->count_cap && v->total > v->count_cap;
	char			 url[2300];

	layout_begin(h, &p);
	if (v->notice)
		ui_notice(h, v->notice);
	html_open(h, EL_P, AT_CLASS, "actions", AT__MAX);
	if (can_edit(v->session)) {
		html_open(h, EL_A, AT_HREF, "/engagements/new", AT_CLASS,
		    "button primary", AT__MAX);
		html_text(h, "Log an engagement");
		html_close(h);
	}
	snprintf(url, sizeof(url), "/engagements.csv%s", v->query);
	html_open(h, EL_A, AT_HREF, url, AT_CLASS, "button", AT__MAX);
	html_text(h, "Download CSV");
	html_close(h);
	html_open(h, EL_A, AT_HREF, v->filter->deleted ? "/engagements" :
	    "/engagements?deleted=1", AT_CLASS, "button", AT__MAX);
	html_text(h, v->filter->deleted ? "Show current" : "Show deleted");
	html_close(h);
	html_close(h);
	if (v->person_name != NULL) {
		html_open(h, EL_P, AT__MAX);
		html_textf(h, "Showing engagements with %s. ", v->person_name);
		html_open(h, EL_A, AT_HREF, "/engagements", AT__MAX);
		html_text(h, "Show everyone");
		html_close(h);
		html_close(h);
	}
	if (v->kpi_code != NULL)
		kpi_banner(h, v);
	filter_form(h, v);
	html_open(h, EL_P, AT_ROLE, "status", AT__MAX);
	if (more)
		html_textf(h, "More than %zu engagements", v->count_cap);
	else
		html_textf(h, "%zu engagement%s", v->total,
		    v->total == 1 ? "" : "s");
	html_close(h);
	if (v->nrows > 0)
		list_table(h, v);
	snprintf(url, sizeof(url), "/engagements%s%s", v->query,
	    *v->query ? "&" : "?");
	/* Past the count: a full page may have a next one. */
	if (more)
		ui_pagination_open(h, url, v->page, v->nrows == v->per_page);
	else
		ui_pagination(h, url, v->page, v->total, v->per_page);
	layout_end(h);
}

static void
ref_list(struct html *h, const char *term, const struct eng_ref *r, size_t n,
    const char *href_prefix, const char *flag_text)
{
	char	 href[64];
	size_t	 i;

	if (n == 0)
		return;
	html_elem(h, EL_DT, term);
	html_open(h, EL_DD, AT__MAX);
	html_open(h, EL_UL, AT_CLASS, "plain", AT__MAX);
	for (i = 0; i < n; i++) {
		html_open(h, EL_LI, AT__MAX);
		if (href_prefix != NULL) {
			snprintf(href, sizeof(href), "%s%lld", href_prefix,
			    r[i].id);
			html_open(h, EL_A, AT_HREF, href, AT__MAX);
		}
		html_text(h, r[i].name);
		if (href_prefix != NULL)
			html_close(h);
		if (r[i].flag && flag_text != NULL) {
			html_open(h, EL_SPAN, AT_CLASS, "tag tag-new", AT__MAX);
			html_text(h, flag_text);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
detail_people(struct html *h, const struct engagement *e)
{
	size_t	 i;

	html_elem(h, EL_H2, "People");
	if (e->npeople == 0) {
		html_elem(h, EL_P, "No one from the directory is recorded.");
		return;
	}
	html_open(h, EL_TABLE, AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Person");
	html_close(h);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Category");
	html_close(h);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "New or existing");
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < e->npeople; i++) {
		char href[48];

		snprintf(href, sizeof(href), "/people/%lld", e->people[i].id);
		html_open(h, EL_TR, AT__MAX);
		html_open(h, EL_TD, AT__MAX);
		html_open(h, EL_A, AT_HREF, href, AT__MAX);
		html_text(h, e->people[i].name);
		html_close(h);
		if (*e->people[i].party)
			html_textf(h, " (%s)", e->people[i].party);
		html_close(h);
		html_elem(h, EL_TD, e->people[i].category_label);
		html_elem(h, EL_TD, e->people[i].is_new ?
		    "New: first engagement with us" : "Existing");
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
detail_followups(struct html *h, const struct engagement *e)
{
	size_t	 i;

	if (e->nfollowups == 0)
		return;
	html_elem(h, EL_H2, "Follow-ups");
	html_open(h, EL_UL, AT_CLASS, "followups", AT__MAX);
	for (i = 0; i < e->nfollowups; i++) {
		const struct followup *f = &e->followups[i];

		html_open(h, EL_LI, AT_CLASS, f->done ? "done" : NULL, AT__MAX);
		html_text(h, f->action);
		html_textf(h, " — %s%s%s%s", *f->owner_name ? f->owner_name :
		    "no owner", *f->due_on ? ", due " : "", f->due_on,
		    f->done ? " (done)" : "");
		html_close(h);
	}
	html_close(h);
}

static void
detail_actions(struct html *h, const struct eng_detail_view *v)
{
	const struct engagement	*e = v->e;
	char			 url[64];

	html_open(h, EL_DIV, AT_CLASS, "actions", AT__MAX);
	/* Text hidden from them: not theirs to change either. */
	if (can_edit(v->session) && !e->deleted && !e->text_hidden) {
		snprintf(url, sizeof(url), "/engagements/%lld/edit", e->id);
		html_open(h, EL_A, AT_HREF, url, AT_CLASS, "button primary",
		    AT__MAX);
		html_text(h, "Edit");
		html_close(h);
		snprintf(url, sizeof(url), "/engagements/%lld/delete", e->id);
		ui_post_button(h, url, v->session->csrf, "Delete", NULL, NULL);
	}
	if (can_edit(v->session) && e->deleted && !e->text_hidden) {
		snprintf(url, sizeof(url), "/engagements/%lld/restore", e->id);
		ui_post_button(h, url, v->session->csrf, "Restore", NULL, NULL);
	}
	snprintf(url, sizeof(url), "/engagements/%lld/history", e->id);
	html_open(h, EL_A, AT_HREF, url, AT_CLASS, "button", AT__MAX);
	html_text(h, "History");
	html_close(h);
	html_close(h);
}

void
ui_engagement_detail(struct html *h, const struct eng_detail_view *v)
{
	const struct engagement	*e = v->e;
	const struct page	 p = { e->title, v->session, AREA_ENGAGEMENTS };

	layout_begin(h, &p);
	if (v->notice)
		ui_notice(h, v->notice);
	if (e->deleted)
		ui_notice(h, "This engagement is deleted. An editor can "
		    "restore it.");
	if (e->text_hidden)
		ui_notice(h, "This engagement is confidential: only its "
		    "author, the staff present and admins can read its title, "
		    "summary, outcome and follow-ups. It is counted in lists "
		    "and reports.");
	else if (e->confidential)
		ui_notice(h, "Confidential: only its author, the staff present "
		    "and admins can read its title, summary, outcome and "
		    "follow-ups.");
	html_open(h, EL_DL, AT_CLASS, "facts", AT__MAX);
	ui_dl_row(h, "Type", e->type_label);
	html_elem(h, EL_DT, "Date");
	html_open(h, EL_DD, AT__MAX);
	html_textf(h, "%s%s%s", e->date, *e->time ? " at " : "", e->time);
	html_close(h);
	ref_list(h, "Organisations", e->orgs, e->norgs, "/organisations/", NULL);
	ref_list(h, "Policy areas", e->areas, e->nareas, NULL, "priority");
	ref_list(h, "Staff present", e->staff, e->nstaff, NULL, NULL);
	ui_dl_row(h, "Logged by", e->created_by_name);
	if (strcmp(e->type, "media_appearance") == 0 || *e->media_medium) {
		ui_dl_row(h, "Outlet", e->media_outlet_name);
		ui_dl_row(h, "Medium", code_label(media, e->media_medium));
		ui_dl_row(h, "Programme or publication", e->media_programme);
		if (*e->media_link) {
			html_elem(h, EL_DT, "Link");
			html_open(h, EL_DD, AT__MAX);
			html_open(h, EL_A, AT_HREF, e->media_link, AT_REL,
			    "noopener noreferrer", AT__MAX);
			html_text(h, e->media_link);
			html_close(h);
			html_close(h);
		}
	}
	html_close(h);
	detail_people(h, e);
	html_elem(h, EL_H2, "Summary");
	html_open(h, EL_DIV, AT_CLASS, "markdown", AT__MAX);
	html_markdown(h, e->summary);
	html_close(h);
	if (*e->outcome) {
		html_elem(h, EL_H2, "Outcome");
		html_open(h, EL_DIV, AT_CLASS, "markdown", AT__MAX);
		html_markdown(h, e->outcome);
		html_close(h);
	}
	detail_followups(h, e);
	detail_actions(h, v);
	layout_end(h);
}

static int
chosen(const char *const *values, size_t n, const char *v)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(values[i], v) == 0)
			return 1;
	return 0;
}

/* A multiple select: several options may be chosen. */
static void
multi_select(struct html *h, const char *name, const char *label,
    const char *hint, const struct option *opts, size_t n,
    const char *const *picked, size_t npicked)
{
	char	 id[64], hint_id[80];
	size_t	 i;

	snprintf(id, sizeof(id), "f-%s", name);
	snprintf(hint_id, sizeof(hint_id), "%s-hint", id);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	label_for(h, id, label);
	html_open(h, EL_P, AT_CLASS, "hint", AT_ID, hint_id, AT__MAX);
	html_text(h, hint);
	html_close(h);
	html_open(h, EL_SELECT, AT_ID, id, AT_NAME, name, AT_MULTIPLE, "",
	    AT_SIZE, n > 6 ? "6" : "3", AT_ARIA_DESCRIBEDBY, hint_id, AT__MAX);
	for (i = 0; i < n; i++) {
		html_open(h, EL_OPTION, AT_VALUE, opts[i].value, AT_SELECTED,
		    chosen(picked, npicked, opts[i].value) ? "" : NULL, AT__MAX);
		html_text(h, opts[i].label);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* A field from the form's table, by name. */
static void
field(struct html *h, const struct form *f, const char *name)
{
	size_t	 i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			form_render_field(h, f, i);
}

static void
error_message(struct html *h, const char *id, const char *msg)
{
	html_open(h, EL_P, AT_CLASS, "error-message", AT_ID, id, AT__MAX);
	html_text(h, msg);
	html_close(h);
}

/*
 * People: the ones chosen, as checkboxes to keep or drop, and a field to
 * add one by name.  Without script, "Add person" posts the form back with
 * everything typed so far and the server finds the name (exactly, or
 * "Name #id" for namesakes); with it, tracker.js offers matches from
 * GET /people/search.json as the user types (data-search) and adds the
 * one chosen as a ticked box (data-pick="add").  No list of the whole
 * directory is sent: the page is the same size at any directory size.
 */
static void
people_field(struct html *h, const struct eng_form_view *v)
{
	char	 id[32], value[24];
	size_t	 i;

	html_open(h, EL_DIV, AT_CLASS, v->people_error ? "field field-error" :
	    "field", AT__MAX);
	label_for(h, "f-people", "People");
	html_open(h, EL_P, AT_CLASS, "hint", AT_ID, "f-people-hint", AT__MAX);
	html_text(h, "Type a name from the directory and choose it from the "
	    "names offered, or type it in full and choose \u201cAdd "
	    "person\u201d. Untick anyone to take them off.");
	html_close(h);
	if (v->people_error)
		error_message(h, "f-people-error", v->people_error);
	if (v->nchosen > 0) {
		html_open(h, EL_UL, AT_CLASS, "chosen", AT__MAX);
		for (i = 0; i < v->nchosen; i++) {
			snprintf(id, sizeof(id), "f-person-%zu", i);
			snprintf(value, sizeof(value), "%lld", v->chosen[i].id);
			html_open(h, EL_LI, AT__MAX);
			html_open(h, EL_INPUT, AT_TYPE, "checkbox", AT_ID, id,
			    AT_NAME, "person_id", AT_VALUE, value, AT_CHECKED,
			    "", AT__MAX);
			html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
			html_text(h, v->chosen[i].name);
			if (*v->chosen[i].party)
				html_textf(h, " (%s)", v->chosen[i].party);
			html_close(h);
			html_close(h);
		}
		html_close(h);
	}
	html_open(h, EL_DIV, AT_CLASS, "add-row", AT__MAX);
	html_open(h, EL_INPUT, AT_ID, "f-people", AT_NAME, "people",
	    AT_TYPE, "text", AT_AUTOCOMPLETE, "off",
	    AT_DATA_SEARCH, "/people/search.json", AT_DATA_PICK, "add",
	    AT_VALUE, form_value(v->form, "people"),
	    AT_ARIA_DESCRIBEDBY, v->people_error ?
	    "f-people-hint f-people-error" : "f-people-hint",
	    AT_ARIA_INVALID, v->people_error ? "true" : NULL, AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_NAME, "op",
	    AT_VALUE, "add_person", AT__MAX);
	html_text(h, "Add person");
	html_close(h);
	html_close(h);
	html_close(h);
}

/*
 * The lawful basis of a person added from the form: legitimate interests
 * unless another is chosen, as for most people met in the course of
 * advocacy (PRIVACY.md).  Bases that need a date (consent) are not
 * offered: the person's own form asks for it.
 */
static void
new_person_basis(struct html *h, const char *chosen)
{
	size_t	 i;

	if (chosen == NULL || *chosen == '\0')
		chosen = "legitimate_interests";
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	label_for(h, "f-new_basis", "Why we hold their details");
	html_open(h, EL_SELECT, AT_ID, "f-new_basis", AT_NAME, "new_basis",
	    AT_ARIA_DESCRIBEDBY, "f-new_basis-hint", AT__MAX);
	for (i = 0; lawful_bases[i].code != NULL; i++) {
		if (lawful_bases[i].needs_date)
			continue;
		html_open(h, EL_OPTION, AT_VALUE, lawful_bases[i].code,
		    AT_SELECTED, strcmp(chosen, lawful_bases[i].code) == 0 ?
		    "" : NULL, AT__MAX);
		html_text(h, lawful_bases[i].label);
		html_close(h);
	}
	html_close(h);
	html_open(h, EL_P, AT_ID, "f-new_basis-hint", AT_CLASS, "hint",
	    AT__MAX);
	html_text(h, "The lawful basis; their page can change it and add a "
	    "note. For consent, which needs the day it was given, add them "
	    "under People.");
	html_close(h);
	html_close(h);
}

/* Offered when a typed name is not in the directory. */
static void
new_person_fields(struct html *h, const struct eng_form_view *v)
{
	html_open(h, EL_FIELDSET, AT_CLASS, "new-person", AT__MAX);
	html_elem(h, EL_LEGEND, "Add a new person to the directory");
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	label_for(h, "f-new_name", "New person's name");
	html_open(h, EL_INPUT, AT_ID, "f-new_name", AT_NAME, "new_name",
	    AT_TYPE, "text", AT_VALUE, v->new_person_name, AT__MAX);
	html_close(h);
	option_select(h, "new_category", "Their category", v->categories,
	    v->ncategories, form_value(v->form, "new_category"), NULL);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	label_for(h, "f-new_party", "Their party (if any)");
	html_open(h, EL_INPUT, AT_ID, "f-new_party", AT_NAME, "new_party",
	    AT_TYPE, "text", AT_VALUE, form_value(v->form, "new_party"), AT__MAX);
	html_close(h);
	new_person_basis(h, form_value(v->form, "new_basis"));
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_NAME, "op",
	    AT_VALUE, "new_person", AT__MAX);
	html_text(h, "Add new person");
	html_close(h);
	html_close(h);
}

static void
followup_row(struct html *h, const struct eng_form_view *v, size_t i,
    const struct followup *f)
{
	char	 name[32], id[40], owner[24];
	size_t	 u;

	html_open(h, EL_FIELDSET, AT_CLASS, "followup", AT__MAX);
	html_open(h, EL_LEGEND, AT__MAX);
	html_textf(h, "Follow-up %zu", i + 1);
	html_close(h);
	snprintf(name, sizeof(name), "fu_action_%zu", i);
	snprintf(id, sizeof(id), "f-%s", name);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	label_for(h, id, "What needs doing");
	html_open(h, EL_INPUT, AT_ID, id, AT_NAME, name, AT_TYPE, "text",
	    AT_VALUE, f ? f->action : "", AT_MAXLENGTH, "500", AT__MAX);
	html_close(h);
	snprintf(name, sizeof(name), "fu_owner_%zu", i);
	snprintf(id, sizeof(id), "f-%s", name);
	snprintf(owner, sizeof(owner), "%lld", f ? f->owner_id : 0);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	label_for(h, id, "Owner");
	html_open(h, EL_SELECT, AT_ID, id, AT_NAME, name, AT__MAX);
	html_open(h, EL_OPTION, AT_VALUE, "0", AT__MAX);
	html_text(h, "Nobody yet");
	html_close(h);
	for (u = 0; u < v->nusers; u++) {
		html_open(h, EL_OPTION, AT_VALUE, v->users[u].value, AT_SELECTED,
		    strcmp(owner, v->users[u].value) == 0 ? "" : NULL, AT__MAX);
		html_text(h, v->users[u].label);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	snprintf(name, sizeof(name), "fu_due_%zu", i);
	snprintf(id, sizeof(id), "f-%s", name);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	label_for(h, id, "Due date");
	html_open(h, EL_INPUT, AT_ID, id, AT_NAME, name, AT_TYPE, "date",
	    AT_VALUE, f ? f->due_on : "", AT__MAX);
	html_close(h);
	snprintf(name, sizeof(name), "fu_done_%zu", i);
	snprintf(id, sizeof(id), "f-%s", name);
	html_open(h, EL_DIV, AT_CLASS, "field checkbox", AT__MAX);
	html_open(h, EL_INPUT, AT_ID, id, AT_NAME, name, AT_TYPE, "checkbox",
	    AT_VALUE, "1", AT_CHECKED, f && f->done ? "" : NULL, AT__MAX);
	label_for(h, id, "Done");
	html_close(h);
	if (f != NULL && f->id > 0) {
		snprintf(name, sizeof(name), "fu_id_%zu", i);
		snprintf(owner, sizeof(owner), "%lld", f->id);
		html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, name,
		    AT_VALUE, owner, AT__MAX);
	}
	if (f != NULL && f->done && *f->done_at) {
		snprintf(name, sizeof(name), "fu_done_at_%zu", i);
		html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, name,
		    AT_VALUE, f->done_at, AT__MAX);
	}
	html_close(h);
}

/*
 * The confidential box, with who can read it said beside it: ticking it
 * hides the text from colleagues, so they must know what it does.
 */
static void
confidential_field(struct html *h, const struct eng_form_view *v)
{
	html_open(h, EL_DIV, AT_CLASS, "field checkbox", AT__MAX);
	html_open(h, EL_INPUT, AT_ID, "f-confidential", AT_NAME, "confidential",
	    AT_TYPE, "checkbox", AT_VALUE, "1", AT_CHECKED, v->confidential ?
	    "" : NULL, AT_ARIA_DESCRIBEDBY, "f-confidential-hint", AT__MAX);
	label_for(h, "f-confidential", "Confidential (casework detail)");
	html_open(h, EL_P, AT_CLASS, "hint", AT_ID, "f-confidential-hint",
	    AT__MAX);
	html_text(h, "Only its author, the staff present and admins can "
	    "then read its title, summary, outcome and follow-ups. Everyone "
	    "else sees \"Confidential engagement\", counted in lists and "
	    "reports.");
	html_close(h);
	html_close(h);
}

/* Follow-up actions: those so far and one blank row to add another. */
static void
followups_fields(struct html *h, const struct eng_form_view *v)
{
	char	 count[24];
	size_t	 i;

	html_open(h, EL_SECTION, AT_CLASS, "followups-form",
	    AT_ARIA_LABEL, "Follow-up actions", AT__MAX);
	html_elem(h, EL_H2, "Follow-up actions");
	if (v->followups_error)
		error_message(h, "f-followups-error", v->followups_error);
	for (i = 0; i < v->nfollowups; i++)
		followup_row(h, v, i, &v->followups[i]);
	followup_row(h, v, v->nfollowups, NULL);
	snprintf(count, sizeof(count), "%zu", v->nfollowups + 1);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "fu_count",
	    AT_VALUE, count, AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_NAME, "op",
	    AT_VALUE, "add_followup", AT__MAX);
	html_text(h, "Add another follow-up");
	html_close(h);
	html_close(h);
}

static void
media_fields(struct html *h, const struct eng_form_view *v)
{
	html_open(h, EL_FIELDSET, AT_CLASS, "media", AT__MAX);
	html_elem(h, EL_LEGEND, "Media details (for media appearances)");
	option_select(h, "media_outlet", "Outlet", v->outlets, v->noutlets,
	    form_value(v->form, "media_outlet"), "None");
	field(h, v->form, "media_medium");
	field(h, v->form, "media_programme");
	field(h, v->form, "media_link");
	html_close(h);
}

void
ui_engagement_form(struct html *h, const struct eng_form_view *v)
{
	const struct page	 p = { v->title, v->session, AREA_ENGAGEMENTS };

	layout_begin(h, &p);
	if (v->nconflict > 0)
		ui_conflict(h, v->conflict, v->nconflict);
	if (v->not_saved != NULL) {
		html_open(h, EL_DIV, AT_CLASS, "error-summary", AT_ROLE, "alert",
		    AT__MAX);
		html_elem(h, EL_H2, "Not saved");
		html_elem(h, EL_P, v->not_saved);
		html_close(h);
	}
	form_render_summary(h, v->form);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, v->action,
	    AT_CLASS, "stacked engagement-form", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	field(h, v->form, "version");
	field(h, v->form, "mention");
	field(h, v->form, "date");
	field(h, v->form, "time");
	field(h, v->form, "type");
	field(h, v->form, "title");
	people_field(h, v);
	if (v->new_person_name != NULL)
		new_person_fields(h, v);
	multi_select(h, "org_id", "Organisations", "Hold Ctrl (or Cmd) to "
	    "choose several.", v->orgs, v->norgs, v->org_chosen, v->norg_chosen);
	multi_select(h, "area_id", "Policy areas", "Priority areas are "
	    "marked. Hold Ctrl (or Cmd) to choose several.", v->areas,
	    v->nareas, v->area_chosen, v->narea_chosen);
	multi_select(h, "staff_id", "Staff present", "Who from the team was "
	    "there.", v->users, v->nusers, v->staff_chosen, v->nstaff_chosen);
	field(h, v->form, "summary");
	field(h, v->form, "outcome");
	confidential_field(h, v);
	media_fields(h, v);
	followups_fields(h, v);
	html_open(h, EL_DIV, AT_CLASS, "form-actions", AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_NAME, "op",
	    AT_VALUE, "save", AT_CLASS, "primary", AT__MAX);
	html_text(h, "Save");
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, EL_SCRIPT, AT_SRC, "/static/tracker.js", AT_DEFER, "",
	    AT__MAX);
	html_close(h);
	layout_end(h);
}

void
ui_engagement_history(struct html *h, const struct session *s,
    const struct engagement *e, const struct audit_entry *entries, size_t n)
{
	const struct page	 p = { "History", s, AREA_ENGAGEMENTS };
	char			 href[48];

	layout_begin(h, &p);
	snprintf(href, sizeof(href), "/engagements/%lld", e->id);
	html_open(h, EL_P, AT__MAX);
	html_text(h, "Every change to ");
	html_open(h, EL_A, AT_HREF, href, AT__MAX);
	html_text(h, e->title);
	html_close(h);
	html_text(h, ", newest first. People, organisations, staff and "
	    "policy areas are shown by their record numbers.");
	html_close(h);
	ui_history(h, entries, n);
	layout_end(h);
}

static void
followup_item(struct html *h, const struct followups_view *v,
    const struct followup *f)
{
	char	 href[48], action[48];

	snprintf(href, sizeof(href), "/engagements/%lld", f->engagement_id);
	snprintf(action, sizeof(action), "/follow-ups/%lld", f->id);
	html_open(h, EL_LI, AT__MAX);
	html_open(h, EL_STRONG, AT__MAX);
	html_text(h, f->action);
	html_close(h);
	if (*f->due_on)
		html_textf(h, " — due %s", f->due_on);
	html_text(h, " — from ");
	html_open(h, EL_A, AT_HREF, href, AT__MAX);
	html_text(h, f->engagement_title);
	html_close(h);
	if (v->session->role >= ROLE_EDITOR)
		ui_post_button(h, action, v->session->csrf,
		    f->done ? "Mark not done" : "Mark done", "done",
		    f->done ? "0" : "1");
	html_close(h);
}

/* One section of the page: the items for which pick() is true. */
static void
followup_section(struct html *h, const struct followups_view *v,
    const char *heading, int which)
{
	size_t	 i, shown = 0;

	html_elem(h, EL_H2, heading);
	html_open(h, EL_UL, AT_CLASS, "followups", AT__MAX);
	for (i = 0; i < v->n; i++) {
		const struct followup *f = &v->items[i];
		int overdue = !f->done && *f->due_on &&
		    strcmp(f->due_on, v->today) < 0;
		int section = f->done ? 2 : overdue ? 0 : 1;

		if (section != which)
			continue;
		followup_item(h, v, f);
		shown++;
	}
	html_close(h);
	if (shown == 0)
		html_elem(h, EL_P, which == 0 ? "Nothing overdue." :
		    which == 1 ? "Nothing else is open." :
		    "Nothing done in the last 30 days.");
}

void
ui_followups(struct html *h, const struct followups_view *v)
{
	const struct page	 p = { "My follow-ups", v->session,
	    AREA_FOLLOWUPS };

	layout_begin(h, &p);
	if (v->notice)
		ui_notice(h, v->notice);
	followup_section(h, v, "Overdue", 0);
	followup_section(h, v, "Due", 1);
	followup_section(h, v, "Done", 2);
	layout_end(h);
}
