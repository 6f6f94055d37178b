/*
 * The APPG secretariat's pages (see ui_appg.h).  Party and House "at the
 * time" are read from the people's dated terms with appg_term_on(): a
 * pure function of what the handler loaded, not a query.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "appg.h"
#include "appg_minutes.h"
#include "appg_rules.h"
#include "audit.h"
#include "auth.h"
#include "form.h"
#include "html.h"
#include "layout.h"
#include "ui.h"
#include "ui_appg.h"

#define PEOPLE_SEARCH	"/people/search.json?set=parliamentarians"

static int
can_edit(const struct session *s)
{
	return s != NULL && s->role >= ROLE_EDITOR;
}

static int
empty(const char *s)
{
	return s == NULL || *s == '\0';
}

static void
link(struct html *h, const char *href, const char *text)
{
	html_open(h, EL_A, AT_HREF, href, AT__MAX);
	html_text(h, text);
	html_close(h);
}

static void
button_link(struct html *h, const char *href, const char *text, int primary)
{
	html_open(h, EL_A, AT_HREF, href, AT_CLASS, primary ? "button primary" :
	    "button", AT__MAX);
	html_text(h, text);
	html_close(h);
}

static void
head_row(struct html *h, const char *const *cols)
{
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	for (; *cols != NULL; cols++) {
		html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
		html_text(h, *cols);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* Opens a table of class cls in its scrolling wrapper, with its header row. */
static void
table_begin(struct html *h, const char *cls, const char *const *cols)
{
	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, cls, AT__MAX);
	head_row(h, cols);
	html_open(h, EL_TBODY, AT__MAX);
}

static void
date_cell(struct html *h, const char *date)
{
	html_open(h, EL_TD, AT_CLASS, "nowrap", AT__MAX);
	if (!empty(date)) {
		html_open(h, EL_TIME, AT_DATETIME, date, AT__MAX);
		html_text(h, date);
		html_close(h);
	}
	html_close(h);
}

/* "APPGs › Group" above a page. */
static void
breadcrumbs(struct html *h, const struct appg_group *g)
{
	char	 href[48];

	html_open(h, EL_NAV, AT_CLASS, "breadcrumbs", AT_ARIA_LABEL,
	    "Breadcrumbs", AT__MAX);
	link(h, "/appg", "APPGs");
	if (g != NULL) {
		html_text(h, " › ");
		snprintf(href, sizeof(href), "/appg/%lld", g->id);
		link(h, href, g->title);
	}
	html_close(h);
}

static void
problem_box(struct html *h, const char *text)
{
	if (text == NULL)
		return;
	html_open(h, EL_DIV, AT_CLASS, "error-summary", AT_ROLE, "alert",
	    AT__MAX);
	html_elem(h, EL_H2, "There is a problem");
	html_elem(h, EL_P, text);
	html_close(h);
}

/*
 * The people type-ahead's script (tracker.js), for the pages with fields
 * that name a parliamentarian: it asks PEOPLE_SEARCH as the user types
 * and puts the name chosen, "#id" added for namesakes, in the field.
 * Without it the typed name is looked up on save.
 */
static void
typeahead_script(struct html *h)
{
	html_open(h, EL_SCRIPT, AT_SRC, "/static/tracker.js", AT_DEFER, "",
	    AT__MAX);
	html_close(h);
}

/* A form field that names a parliamentarian: a text input with the list. */
static void
people_field(struct html *h, const struct form *f, size_t i)
{
	const struct form_field	*fd = &f->fields[i];
	const struct form_value	*fv = &f->values[i];
	char			 id[80], err[96], hint[96], desc[200];

	snprintf(id, sizeof(id), "f-%s", fd->name);
	snprintf(err, sizeof(err), "%s-error", id);
	snprintf(hint, sizeof(hint), "%s-hint", id);
	snprintf(desc, sizeof(desc), "%s%s%s", fd->hint ? hint : "",
	    fd->hint && fv->error ? " " : "", fv->error ? err : "");
	html_open(h, EL_DIV, AT_CLASS, fv->error ? "field field-error" : "field",
	    AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
	html_text(h, fd->label);
	html_close(h);
	if (fd->hint != NULL) {
		html_open(h, EL_P, AT_CLASS, "hint", AT_ID, hint, AT__MAX);
		html_text(h, fd->hint);
		html_close(h);
	}
	if (fv->error != NULL) {
		html_open(h, EL_P, AT_CLASS, "error-message", AT_ID, err, AT__MAX);
		html_text(h, fv->error);
		html_close(h);
	}
	html_open(h, EL_INPUT, AT_ID, id, AT_NAME, fd->name, AT_TYPE, "text",
	    AT_VALUE, fv->value, AT_DATA_SEARCH, PEOPLE_SEARCH, AT_DATA_PICK,
	    "fill", AT_AUTOCOMPLETE, "off",
	    AT_ARIA_DESCRIBEDBY, *desc ? desc : NULL, AT_ARIA_INVALID,
	    fv->error ? "true" : NULL, AT_REQUIRED,
	    (fd->flags & FIELD_REQUIRED) ? "" : NULL, AT__MAX);
	html_close(h);
}

/* The fields that name a parliamentarian get the type-ahead list. */
static int
names_person(const struct form_field *fd)
{
	return strcmp(fd->name, "officer_name") == 0 ||
	    strcmp(fd->name, "member_name") == 0 || strcmp(fd->name, "chair") == 0;
}

static void
render_fields(struct html *h, const struct form *f)
{
	size_t	 i;

	for (i = 0; i < f->nfields; i++)
		if (names_person(&f->fields[i]))
			people_field(h, f, i);
		else
			form_render_field(h, f, i);
}

/* A checkbox sending value 1 when ticked. */
static void
checkbox(struct html *h, const char *name, const char *label, int checked)
{
	char	 id[80];

	snprintf(id, sizeof(id), "f-%s", name);
	html_open(h, EL_DIV, AT_CLASS, "field checkbox", AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "checkbox", AT_ID, id, AT_NAME, name,
	    AT_VALUE, "1", AT_CHECKED, checked ? "" : NULL, AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
	html_text(h, label);
	html_close(h);
	html_close(h);
}

/* Party and House of a person on date: "Labour", "House of Commons". */
static void
party_house(const struct appg_person *p, const char *date,
    const char **party, const char **house)
{
	const struct appg_term	*t = appg_term_on(p, date);
	const char		*hs = appg_house_on(p, date);

	*party = t != NULL && !empty(t->party) ? t->party : "";
	*house = hs == NULL ? "Not in either House" : strcmp(hs, "MP") == 0 ?
	    "House of Commons" : "House of Lords";
}

/* --- the list ------------------------------------------------------------ */

void
ui_appg_list(struct html *h, const struct appg_list_view *v)
{
	static const char *const cols[] = { "Group", "Category", "Officers",
	    "Members", "Checks", "Last meeting", NULL };
	const struct page	 p = { v->deleted ? "Deleted APPGs" : "APPGs",
	    v->session, AREA_APPG };
	char			 href[48];
	size_t			 i;

	layout_begin(h, &p);
	if (v->notice)
		ui_notice(h, v->notice);
	html_open(h, EL_P, AT_CLASS, "actions", AT__MAX);
	if (can_edit(v->session))
		button_link(h, "/appg/new", "New group", 1);
	button_link(h, "/appg/actions", "Actions", 0);
	button_link(h, "/appg/settings", "Rule settings", 0);
	button_link(h, v->deleted ? "/appg" : "/appg?deleted=1",
	    v->deleted ? "Show current" : "Show deleted", 0);
	html_close(h);
	if (v->n == 0) {
		html_elem(h, EL_P, v->deleted ? "No deleted groups." :
		    "No groups yet.");
		layout_end(h);
		return;
	}
	table_begin(h, "list", cols);
	for (i = 0; i < v->n; i++) {
		const struct appg_group_row *r = &v->rows[i];

		snprintf(href, sizeof(href), "/appg/%lld", r->group.id);
		html_open(h, EL_TR, AT__MAX);
		html_open(h, EL_TD, AT__MAX);
		link(h, href, r->group.title);
		html_close(h);
		html_elem(h, EL_TD, strcmp(r->group.category, "country") == 0 ?
		    "Country" : "Subject");
		html_open(h, EL_TD, AT__MAX);
		html_textf(h, "%zu", r->officers);
		html_close(h);
		html_open(h, EL_TD, AT__MAX);
		html_textf(h, "%zu", r->members);
		html_close(h);
		html_open(h, EL_TD, AT__MAX);
		html_open(h, EL_SPAN, AT_CLASS, r->failing ? "tag tag-fail" :
		    "tag tag-pass", AT__MAX);
		if (r->failing)
			html_textf(h, "%d failing", r->failing);
		else
			html_text(h, "All pass");
		html_close(h);
		html_close(h);
		date_cell(h, r->last_meeting);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	layout_end(h);
}

/* --- the group page ------------------------------------------------------- */

static const char *
month_name(int m)
{
	static const char *const names[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };

	return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

static void
group_facts(struct html *h, const struct appg_group *g)
{
	html_open(h, EL_DL, AT_CLASS, "fields", AT__MAX);
	ui_dl_row(h, "Purpose", g->purpose);
	ui_dl_row(h, "Category", strcmp(g->category, "country") == 0 ?
	    "Country" : "Subject");
	html_elem(h, EL_DT, "Reporting year ends");
	html_open(h, EL_DD, AT__MAX);
	html_textf(h, "%d %s", g->year_end_day, month_name(g->year_end_month));
	html_close(h);
	ui_dl_row(h, "Next reporting deadline", g->reporting_deadline);
	ui_dl_row(h, "Public enquiry point", g->enquiry_point);
	if (!empty(g->website)) {
		html_elem(h, EL_DT, "Website");
		html_open(h, EL_DD, AT__MAX);
		html_open(h, EL_A, AT_HREF, g->website, AT_REL,
		    "noopener noreferrer", AT__MAX);
		html_text(h, g->website);
		html_close(h);
		html_close(h);
	}
	ui_dl_row(h, "Secretariat", g->secretariat);
	ui_dl_row(h, "Registered", g->registered_on);
	ui_dl_row(h, "Income and expenditure statement published",
	    g->ie_published_on);
	ui_dl_row(h, "Annual report published", g->annual_report_on);
	html_close(h);
}

static void
group_actions(struct html *h, const struct appg_group_view *v)
{
	const struct appg_group	*g = &v->bundle->group;
	char			 url[64];

	html_open(h, EL_DIV, AT_CLASS, "actions", AT__MAX);
	if (can_edit(v->session) && !g->deleted) {
		snprintf(url, sizeof(url), "/appg/%lld/meetings/new", g->id);
		button_link(h, url, "Record a meeting", 1);
		snprintf(url, sizeof(url), "/appg/%lld/edit", g->id);
		button_link(h, url, "Edit group", 0);
	}
	snprintf(url, sizeof(url), "/appg/%lld/register", g->id);
	button_link(h, url, "Register entry", 0);
	snprintf(url, sizeof(url), "/appg/actions?group=%lld", g->id);
	button_link(h, url, "Actions", 0);
	snprintf(url, sizeof(url), "/appg/%lld/history", g->id);
	button_link(h, url, "History", 0);
	if (can_edit(v->session)) {
		snprintf(url, sizeof(url), "/appg/%lld/%s", g->id, g->deleted ?
		    "restore" : "delete");
		ui_post_button(h, url, v->session->csrf, g->deleted ?
		    "Restore group" : "Delete group", NULL, NULL);
	}
	html_close(h);
}

/* The day the row's party and House are shown for: today, or its last day. */
static const char *
as_of(char buf[11], const char *ended, const char *today)
{
	if (empty(ended) || strcmp(ended, today) > 0)
		return today;
	if (appg_date_add_days(ended, -1, buf) == -1)
		return today;
	return buf;
}

/* Remove (from today) and Edit for a row, named for screen readers. */
static void
row_buttons(struct html *h, const struct session *s, const char *kind,
    long long id, int current, const char *who)
{
	char	 url[64], aria[300];

	html_open(h, EL_TD, AT_CLASS, "row-actions", AT__MAX);
	if (can_edit(s)) {
		if (current) {
			snprintf(url, sizeof(url), "/appg/%s/%lld/end", kind, id);
			snprintf(aria, sizeof(aria), "Remove %s from today", who);
			html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, url,
			    AT_CLASS, "inline", AT__MAX);
			layout_csrf_input(h, s->csrf);
			html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_ARIA_LABEL,
			    aria, AT__MAX);
			html_text(h, "Remove");
			html_close(h);
			html_close(h);
		}
		snprintf(url, sizeof(url), "/appg/%s/%lld", kind, id);
		snprintf(aria, sizeof(aria), "Edit %s", who);
		html_open(h, EL_A, AT_HREF, url, AT_ARIA_LABEL, aria, AT__MAX);
		html_text(h, "Edit");
		html_close(h);
	}
	html_close(h);
}

/* A cell linking to a person's directory page. */
static void
person_cell(struct html *h, long long id, const struct appg_person *p)
{
	char	 href[48];

	html_open(h, EL_TD, AT__MAX);
	snprintf(href, sizeof(href), "/people/%lld", id);
	link(h, href, p != NULL ? p->name : "(unknown)");
	html_close(h);
}

/* Closes a section's table and its wrapper; says none if no row showed. */
static void
table_end(struct html *h, size_t shown, const char *none)
{
	html_close(h);
	html_close(h);
	html_close(h);
	if (shown == 0)
		html_elem(h, EL_P, none);
}

/*
 * A group page's form adding a row (posted to /appg/ID/path) under
 * heading, for editors while the group is not deleted.
 */
static void
add_form(struct html *h, const struct appg_group_view *v, const char *path,
    const char *heading, const struct appg_inline_form *add,
    const char *button)
{
	char	 action[48];

	if (!can_edit(v->session) || v->bundle->group.deleted)
		return;
	snprintf(action, sizeof(action), "/appg/%lld/%s", v->bundle->group.id,
	    path);
	html_elem(h, EL_H3, heading);
	problem_box(h, add->problem);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, action,
	    AT_CLASS, "inline-add", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	render_fields(h, add->form);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, button);
	html_close(h);
	html_close(h);
}

static void
officers_section(struct html *h, const struct appg_group_view *v)
{
	static const char *const cols[] = { "Post", "Name", "Party", "House",
	    "From", "Until", "", NULL };
	const struct appg_bundle	*b = v->bundle;
	char				 day[11];
	size_t				 i, shown = 0;

	html_open(h, EL_SECTION, AT_ID, "officers", AT__MAX);
	html_elem(h, EL_H2, "Officers");
	table_begin(h, "list officers", cols);
	for (i = 0; i < b->nofficers; i++) {
		const struct appg_officer *o = &b->officers[i];
		const char *party, *house, *date = as_of(day, o->ended_on,
		    v->today);
		int current = empty(o->ended_on) ||
		    strcmp(o->ended_on, v->today) > 0;

		if (o->deleted)
			continue;
		shown++;
		party_house(o->person, date, &party, &house);
		html_open(h, EL_TR, AT_CLASS, current ? NULL : "former", AT__MAX);
		html_elem(h, EL_TD, appg_posts[o->post].label);
		person_cell(h, o->person_id, o->person);
		html_elem(h, EL_TD, party);
		html_elem(h, EL_TD, house);
		date_cell(h, o->started_on);
		date_cell(h, o->ended_on);
		row_buttons(h, v->session, "officers", o->id, current,
		    o->person ? o->person->name : "this officer");
		html_close(h);
	}
	table_end(h, shown, "No officers recorded.");
	add_form(h, v, "officers", "Add an officer", &v->officer,
	    "Add officer");
	html_close(h);
}

static void
members_section(struct html *h, const struct appg_group_view *v)
{
	static const char *const cols[] = { "Name", "Party", "House", "Joined",
	    "Left", "", NULL };
	const struct appg_bundle	*b = v->bundle;
	char				 day[11];
	size_t				 i, shown = 0;

	html_open(h, EL_SECTION, AT_ID, "members", AT__MAX);
	html_elem(h, EL_H2, "Members");
	html_elem(h, EL_P, "Officers are members too; they are listed above.");
	table_begin(h, "list members", cols);
	for (i = 0; i < b->nmembers; i++) {
		const struct appg_member *m = &b->members[i];
		const char *party, *house, *date = as_of(day, m->left_on,
		    v->today);
		int current = empty(m->left_on) ||
		    strcmp(m->left_on, v->today) > 0;

		if (m->deleted)
			continue;
		shown++;
		party_house(m->person, date, &party, &house);
		html_open(h, EL_TR, AT_CLASS, current ? NULL : "former", AT__MAX);
		person_cell(h, m->person_id, m->person);
		html_elem(h, EL_TD, party);
		html_elem(h, EL_TD, house);
		date_cell(h, m->joined_on);
		date_cell(h, m->left_on);
		row_buttons(h, v->session, "members", m->id, current,
		    m->person ? m->person->name : "this member");
		html_close(h);
	}
	table_end(h, shown, "No members recorded.");
	add_form(h, v, "members", "Add a member", &v->member, "Add member");
	html_close(h);
}

static void
check_item(struct html *h, const struct appg_check *c)
{
	html_open(h, EL_LI, AT_CLASS, c->pass ? "check check-pass" :
	    "check check-fail", AT__MAX);
	html_open(h, EL_P, AT_CLASS, "check-title", AT__MAX);
	html_open(h, EL_SPAN, AT_CLASS, c->pass ? "tag tag-pass" :
	    "tag tag-fail", AT__MAX);
	html_text(h, c->pass ? "Pass" : "Fail");
	html_close(h);
	html_text(h, " ");
	html_elem(h, EL_STRONG, c->title);
	html_close(h);
	html_elem(h, EL_P, c->why);
	if (!c->pass && !empty(c->todo)) {
		html_open(h, EL_P, AT_CLASS, "todo", AT__MAX);
		html_elem(h, EL_STRONG, "What to do: ");
		html_text(h, c->todo);
		html_close(h);
	}
	html_close(h);
}

static void
checks_section(struct html *h, const struct appg_group_view *v)
{
	int	 i;

	html_open(h, EL_SECTION, AT_ID, "checks", AT__MAX);
	html_elem(h, EL_H2, "Checks");
	html_open(h, EL_P, AT_CLASS, v->failing ? "notice warn" : "notice",
	    AT_ROLE, "status", AT__MAX);
	if (v->failing == 0)
		html_textf(h, "All %d checks of the House rules pass today (%s).",
		    APPG_CHECK__MAX, v->today);
	else
		html_textf(h, "%d of %d checks fail today (%s).", v->failing,
		    APPG_CHECK__MAX, v->today);
	html_close(h);
	html_open(h, EL_UL, AT_CLASS, "checks", AT__MAX);
	for (i = 0; i < APPG_CHECK__MAX; i++)
		check_item(h, &v->checks[i]);
	html_close(h);
	html_close(h);
}

static void
meetings_section(struct html *h, const struct appg_group_view *v)
{
	static const char *const cols[] = { "Date", "Meeting", "Notice",
	    "Minutes", NULL };
	const struct appg_bundle	*b = v->bundle;
	char				 href[48];
	size_t				 i, shown = 0;

	html_open(h, EL_SECTION, AT_ID, "meetings", AT__MAX);
	html_elem(h, EL_H2, "Meetings");
	table_begin(h, "list meetings", cols);
	for (i = 0; i < b->nmeetings; i++) {
		const struct appg_meeting *m = &b->meetings[i];

		if (m->deleted)
			continue;
		shown++;
		snprintf(href, sizeof(href), "/appg/meetings/%lld", m->id);
		html_open(h, EL_TR, AT__MAX);
		date_cell(h, m->held_on);
		html_open(h, EL_TD, AT__MAX);
		link(h, href, appg_meeting_label(m));
		html_close(h);
		html_elem(h, EL_TD, !empty(m->notice_on) ? m->notice_on :
		    appg_notice_required(m) ? "Needed, not given" :
		    "Not needed");
		html_elem(h, EL_TD, appg_minutes_statuses[m->minutes].label);
		html_close(h);
	}
	table_end(h, shown, "No meetings recorded.");
	html_close(h);
}

static void
benefits_section(struct html *h, const struct appg_group_view *v)
{
	static const char *const cols[] = { "Source", "Description", "Kind",
	    "Band", "Received", "Registered", "", NULL };
	const struct appg_bundle	*b = v->bundle;
	long				 band = appg_setting_num(&b->facts,
	    APPG_SET_BENEFIT_BAND, v->today, 1500);
	char				 href[48], bands[48];
	size_t				 i, shown = 0;

	html_open(h, EL_SECTION, AT_ID, "benefits", AT__MAX);
	html_elem(h, EL_H2, "Benefits");
	table_begin(h, "list benefits", cols);
	for (i = 0; i < b->nbenefits; i++) {
		const struct appg_benefit *x = &b->benefits[i];

		if (x->deleted)
			continue;
		shown++;
		html_open(h, EL_TR, AT__MAX);
		html_elem(h, EL_TD, x->source);
		html_elem(h, EL_TD, x->description);
		html_elem(h, EL_TD, strcmp(x->kind, "financial") == 0 ?
		    "Financial" : "In kind");
		html_elem(h, EL_TD, appg_band(bands, sizeof(bands), x->value,
		    band));
		date_cell(h, x->received_on);
		date_cell(h, x->registered_on);
		html_open(h, EL_TD, AT__MAX);
		if (can_edit(v->session)) {
			snprintf(href, sizeof(href), "/appg/benefits/%lld", x->id);
			link(h, href, "Edit");
		}
		html_close(h);
		html_close(h);
	}
	table_end(h, shown, "No benefits recorded.");
	add_form(h, v, "benefits", "Record a benefit", &v->benefit,
	    "Record benefit");
	html_close(h);
}

static void
deleted_section(struct html *h, const struct appg_group_view *v)
{
	const struct appg_bundle	*b = v->bundle;
	char				 url[64];
	size_t				 i, n = 0;

	for (i = 0; i < b->nofficers; i++)
		n += b->officers[i].deleted;
	for (i = 0; i < b->nmembers; i++)
		n += b->members[i].deleted;
	for (i = 0; i < b->nbenefits; i++)
		n += b->benefits[i].deleted;
	if (n == 0 || !can_edit(v->session))
		return;
	html_open(h, EL_SECTION, AT_ID, "deleted", AT_CLASS, "deleted-rows",
	    AT__MAX);
	html_elem(h, EL_H2, "Deleted entries");
	html_open(h, EL_UL, AT_CLASS, "plain", AT__MAX);
	for (i = 0; i < b->nofficers; i++) {
		const struct appg_officer *o = &b->officers[i];

		if (!o->deleted)
			continue;
		html_open(h, EL_LI, AT__MAX);
		html_textf(h, "Officer: %s, %s from %s ", o->person ?
		    o->person->name : "(unknown)", appg_posts[o->post].label,
		    o->started_on);
		snprintf(url, sizeof(url), "/appg/officers/%lld/restore", o->id);
		ui_post_button(h, url, v->session->csrf, "Restore", NULL, NULL);
		html_close(h);
	}
	for (i = 0; i < b->nmembers; i++) {
		const struct appg_member *m = &b->members[i];

		if (!m->deleted)
			continue;
		html_open(h, EL_LI, AT__MAX);
		html_textf(h, "Member: %s, joined %s ", m->person ?
		    m->person->name : "(unknown)", m->joined_on);
		snprintf(url, sizeof(url), "/appg/members/%lld/restore", m->id);
		ui_post_button(h, url, v->session->csrf, "Restore", NULL, NULL);
		html_close(h);
	}
	for (i = 0; i < b->nbenefits; i++) {
		const struct appg_benefit *x = &b->benefits[i];

		if (!x->deleted)
			continue;
		html_open(h, EL_LI, AT__MAX);
		html_textf(h, "Benefit: %s from %s, received %s ", x->description,
		    x->source, x->received_on);
		snprintf(url, sizeof(url), "/appg/benefits/%lld/restore", x->id);
		ui_post_button(h, url, v->session->csrf, "Restore", NULL, NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
ui_appg_group(struct html *h, const struct appg_group_view *v)
{
	const struct appg_group	*g = &v->bundle->group;
	const struct page	 p = { g->title, v->session, AREA_APPG };

	layout_begin(h, &p);
	breadcrumbs(h, NULL);
	if (v->notice)
		ui_notice(h, v->notice);
	if (g->deleted)
		ui_notice(h, "This group is deleted. An editor can restore it.");
	html_open(h, EL_P, AT_CLASS, v->failing ? "lead warn" : "lead", AT__MAX);
	html_open(h, EL_A, AT_HREF, "#checks", AT__MAX);
	if (v->failing)
		html_textf(h, "%d of %d rule checks fail today.", v->failing,
		    APPG_CHECK__MAX);
	else
		html_textf(h, "All %d rule checks pass today.", APPG_CHECK__MAX);
	html_close(h);
	html_close(h);
	group_facts(h, g);
	group_actions(h, v);
	typeahead_script(h);
	officers_section(h, v);
	members_section(h, v);
	checks_section(h, v);
	meetings_section(h, v);
	benefits_section(h, v);
	deleted_section(h, v);
	layout_end(h);
}

/* --- the register entry ------------------------------------------------------ */

static const char *
last_agm_on(const struct appg_bundle *b, const char *today)
{
	size_t	 i;

	/* Meetings are newest first. */
	for (i = 0; i < b->nmeetings; i++)
		if (!b->meetings[i].deleted &&
		    b->meetings[i].kind == APPG_KIND_AGM &&
		    strcmp(b->meetings[i].held_on, today) <= 0)
			return b->meetings[i].held_on;
	return "None held yet";
}

static void
register_officers(struct html *h, const struct appg_group_view *v)
{
	static const char *const cols[] = { "Role", "Name", "Party", NULL };
	const struct appg_bundle	*b = v->bundle;
	size_t				 i;

	html_elem(h, EL_H2, "Officers");
	html_open(h, EL_TABLE, AT_CLASS, "register", AT__MAX);
	head_row(h, cols);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < b->nofficers; i++) {
		const struct appg_officer *o = &b->officers[i];
		const char *party, *house;

		if (o->deleted || !appg_active_on(o->started_on, o->ended_on,
		    v->today))
			continue;
		party_house(o->person, v->today, &party, &house);
		html_open(h, EL_TR, AT__MAX);
		html_elem(h, EL_TD, appg_posts[o->post].label);
		html_open(h, EL_TD, AT__MAX);
		html_text(h, o->person ? o->person->name : "");
		if (strcmp(house, "House of Commons") == 0)
			html_text(h, " MP");
		html_close(h);
		html_elem(h, EL_TD, party);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
register_benefits(struct html *h, const struct appg_group_view *v)
{
	static const char *const cols[] = { "Source", "Description", "Band",
	    "Received", "Registered", NULL };
	const struct appg_bundle	*b = v->bundle;
	long				 band = appg_setting_num(&b->facts,
	    APPG_SET_BENEFIT_BAND, v->today, 1500);
	char				 bands[48];
	size_t				 i, n = 0;

	html_elem(h, EL_H2, "Benefits in kind and financial benefits");
	html_open(h, EL_TABLE, AT_CLASS, "register", AT__MAX);
	head_row(h, cols);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < b->nbenefits; i++) {
		const struct appg_benefit *x = &b->benefits[i];

		if (x->deleted || x->value <= band)
			continue;
		n++;
		html_open(h, EL_TR, AT__MAX);
		html_elem(h, EL_TD, x->source);
		html_elem(h, EL_TD, x->description);
		html_elem(h, EL_TD, appg_band(bands, sizeof(bands), x->value,
		    band));
		date_cell(h, x->received_on);
		date_cell(h, empty(x->registered_on) ? "Not yet" :
		    x->registered_on);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	if (n == 0)
		html_elem(h, EL_P, "None to register.");
}

void
ui_appg_register(struct html *h, const struct appg_group_view *v)
{
	const struct appg_group	*g = &v->bundle->group;
	const struct page	 p = { "Register entry", v->session, AREA_APPG };
	const char		*contact = "";
	size_t			 i;

	for (i = 0; i < v->bundle->nofficers; i++) {
		const struct appg_officer *o = &v->bundle->officers[i];

		if (!o->deleted && o->post == APPG_POST_REGISTERED_CONTACT &&
		    appg_active_on(o->started_on, o->ended_on, v->today) &&
		    o->person != NULL)
			contact = o->person->name;
	}
	layout_begin(h, &p);
	breadcrumbs(h, g);
	html_open(h, EL_DIV, AT_CLASS, "register-entry", AT__MAX);
	html_elem(h, EL_H2, g->title);
	html_open(h, EL_DL, AT_CLASS, "fields", AT__MAX);
	ui_dl_row(h, "Title", g->title);
	ui_dl_row(h, "Purpose", g->purpose);
	ui_dl_row(h, "Category", strcmp(g->category, "country") == 0 ?
	    "Country" : "Subject");
	ui_dl_row(h, "Registered contact", contact);
	ui_dl_row(h, "Public enquiry point", g->enquiry_point);
	ui_dl_row(h, "Secretariat", g->secretariat);
	ui_dl_row(h, "Group's website", g->website);
	ui_dl_row(h, "Date of most recent AGM", last_agm_on(v->bundle, v->today));
	ui_dl_row(h, "Income and expenditure statement published",
	    empty(g->ie_published_on) ? "No" : g->ie_published_on);
	html_elem(h, EL_DT, "Reporting year");
	html_open(h, EL_DD, AT__MAX);
	html_textf(h, "Ends on %d %s", g->year_end_day,
	    month_name(g->year_end_month));
	html_close(h);
	ui_dl_row(h, "Next reporting deadline", empty(g->reporting_deadline) ?
	    "Not recorded" : g->reporting_deadline);
	html_close(h);
	register_officers(h, v);
	register_benefits(h, v);
	html_open(h, EL_P, AT_CLASS, "print-note", AT__MAX);
	html_textf(h, "As recorded on %s.", v->today);
	html_close(h);
	html_close(h);
	layout_end(h);
}

/* --- one-form pages -------------------------------------------------------- */

void
ui_appg_form(struct html *h, const struct appg_form_view *v)
{
	const struct page	 p = { v->title, v->session, AREA_APPG };

	layout_begin(h, &p);
	if (v->conflict != NULL)
		ui_conflict(h, v->conflict, v->nconflict);
	problem_box(h, v->problem);
	form_render_summary(h, v->form);
	if (v->lead)
		html_elem(h, EL_P, v->lead);
	typeahead_script(h);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, v->action,
	    AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	render_fields(h, v->form);
	html_open(h, EL_DIV, AT_CLASS, "form-actions", AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_CLASS, "primary", AT__MAX);
	html_text(h, v->submit ? v->submit : "Save");
	html_close(h);
	html_text(h, " ");
	link(h, v->back, "Cancel");
	html_close(h);
	html_close(h);
	if (v->delete_action != NULL) {
		html_open(h, EL_DIV, AT_CLASS, "actions", AT__MAX);
		html_elem(h, EL_P, "Entered by mistake? Delete it (it can be "
		    "restored from the group's page).");
		ui_post_button(h, v->delete_action, v->session->csrf, "Delete",
		    NULL, NULL);
		html_close(h);
	}
	layout_end(h);
}

/* --- the meeting form ---------------------------------------------------- */

static void
field_named(struct html *h, const struct form *f, const char *name)
{
	size_t	 i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i].name, name) == 0) {
			if (names_person(&f->fields[i]))
				people_field(h, f, i);
			else
				form_render_field(h, f, i);
		}
}

/* An input of a repeated row: name_N, labelled. */
static void
row_input(struct html *h, const char *name, size_t n, const char *label,
    const char *type, const char *value, int people)
{
	char	 field[48], id[64];

	snprintf(field, sizeof(field), "%s_%zu", name, n);
	snprintf(id, sizeof(id), "f-%s", field);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
	html_text(h, label);
	html_close(h);
	html_open(h, EL_INPUT, AT_ID, id, AT_NAME, field, AT_TYPE, type,
	    AT_VALUE, value ? value : "", AT_DATA_SEARCH,
	    people ? PEOPLE_SEARCH : NULL, AT_DATA_PICK, people ? "fill" : NULL,
	    AT_AUTOCOMPLETE, people ? "off" : NULL, AT__MAX);
	html_close(h);
}

static void
row_textarea(struct html *h, const char *name, size_t n, const char *label,
    const char *hint, const char *value)
{
	char	 field[48], id[64], hint_id[80];

	snprintf(field, sizeof(field), "%s_%zu", name, n);
	snprintf(id, sizeof(id), "f-%s", field);
	snprintf(hint_id, sizeof(hint_id), "%s-hint", id);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
	html_text(h, label);
	html_close(h);
	if (hint != NULL) {
		html_open(h, EL_P, AT_CLASS, "hint", AT_ID, hint_id, AT__MAX);
		html_text(h, hint);
		html_close(h);
	}
	html_open(h, EL_TEXTAREA, AT_ID, id, AT_NAME, field, AT_ROWS, "3",
	    AT_ARIA_DESCRIBEDBY, hint ? hint_id : NULL, AT__MAX);
	if (value != NULL && *value == '\n')
		html_text(h, "\n");
	html_text(h, value ? value : "");
	html_close(h);
	html_close(h);
}

static void
row_select(struct html *h, const char *name, size_t n, const char *label,
    const struct appg_name *opts, size_t nopts, const char *value)
{
	char	 field[48], id[64];
	size_t	 i;

	snprintf(field, sizeof(field), "%s_%zu", name, n);
	snprintf(id, sizeof(id), "f-%s", field);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
	html_text(h, label);
	html_close(h);
	html_open(h, EL_SELECT, AT_ID, id, AT_NAME, field, AT__MAX);
	for (i = 0; i < nopts; i++) {
		html_open(h, EL_OPTION, AT_VALUE, opts[i].code, AT_SELECTED,
		    value && strcmp(value, opts[i].code) == 0 ? "" : NULL,
		    AT__MAX);
		html_text(h, opts[i].label);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
row_error(struct html *h, const char *error)
{
	if (error == NULL)
		return;
	html_open(h, EL_P, AT_CLASS, "error-message", AT__MAX);
	html_text(h, error);
	html_close(h);
}

static void
hidden(struct html *h, const char *name, const char *value)
{
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, name, AT_VALUE,
	    value, AT__MAX);
}

static void
hidden_count(struct html *h, const char *name, size_t n)
{
	char	 v[24];

	snprintf(v, sizeof(v), "%zu", n);
	hidden(h, name, v);
}

/* One radio button of a roster row. */
static void
radio(struct html *h, const char *name, const char *value, const char *label,
    const char *current)
{
	char	 id[64];

	snprintf(id, sizeof(id), "f-%s-%s", name, *value ? value : "none");
	html_open(h, EL_SPAN, AT_CLASS, "radio", AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "radio", AT_ID, id, AT_NAME, name,
	    AT_VALUE, value, AT_CHECKED, strcmp(current, value) == 0 ? "" : NULL,
	    AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
	html_text(h, label);
	html_close(h);
	html_close(h);
}

static void
roster_fieldset(struct html *h, const struct appg_meeting_form *mf)
{
	char	 name[40];
	size_t	 i;

	html_open(h, EL_FIELDSET, AT__MAX);
	html_elem(h, EL_LEGEND, "Officers and members");
	if (mf->nroster == 0)
		html_elem(h, EL_P, "The group had no officers or members on this "
		    "date. Add them on the group's page, or record "
		    "parliamentarians below.");
	for (i = 0; i < mf->nroster; i++) {
		const struct appg_roster_row *r = &mf->roster[i];

		snprintf(name, sizeof(name), "att_%lld", r->person_id);
		html_open(h, EL_FIELDSET, AT_CLASS, "roster-row", AT__MAX);
		html_open(h, EL_LEGEND, AT__MAX);
		html_textf(h, "%s (%s)", r->name, r->role);
		html_close(h);
		radio(h, name, "present", "Present", r->status);
		radio(h, name, "apologies", "Apologies", r->status);
		radio(h, name, "", "Not recorded", r->status);
		html_close(h);
	}
	html_close(h);
}

static const struct appg_name other_statuses[] = {
	{ "present", "Present" }, { "apologies", "Apologies" },
};

static void
others_fieldset(struct html *h, const struct appg_meeting_form *mf)
{
	size_t	 i;

	html_open(h, EL_FIELDSET, AT__MAX);
	html_elem(h, EL_LEGEND, "Other parliamentarians");
	html_elem(h, EL_P, "MPs and Peers who are not members of the group, "
	    "from the directory.");
	hidden_count(h, "others_count", mf->nothers);
	for (i = 0; i < mf->nothers; i++) {
		html_open(h, EL_DIV, AT_CLASS, "row-group", AT__MAX);
		row_error(h, mf->others[i].error);
		row_input(h, "other_name", i, "Name", "text",
		    mf->others[i].name, 1);
		row_select(h, "other_status", i, "Attendance", other_statuses, 2,
		    mf->others[i].status);
		html_close(h);
	}
	html_close(h);
}

/* In attendance: everyone but members (members are present). */
static const struct appg_name *
guest_capacities(size_t *n)
{
	*n = APPG_CAP__MAX - 1;
	return appg_capacities + 1;
}

static void
guests_fieldset(struct html *h, const struct appg_meeting_form *mf)
{
	const struct appg_name	*caps;
	size_t			 i, ncaps;

	caps = guest_capacities(&ncaps);
	html_open(h, EL_FIELDSET, AT__MAX);
	html_elem(h, EL_LEGEND, "In attendance");
	html_elem(h, EL_P, "Outside speakers, guests, officials and the "
	    "secretariat. A name found in the directory is linked to it.");
	hidden_count(h, "guests_count", mf->nguests);
	for (i = 0; i < mf->nguests; i++) {
		html_open(h, EL_DIV, AT_CLASS, "row-group", AT__MAX);
		row_error(h, mf->guests[i].error);
		row_input(h, "guest_name", i, "Name", "text", mf->guests[i].name,
		    0);
		row_input(h, "guest_org", i, "Organisation", "text",
		    mf->guests[i].organisation, 0);
		row_select(h, "guest_cap", i, "As", caps, ncaps,
		    mf->guests[i].capacity);
		html_close(h);
	}
	html_close(h);
}

static void
items_fieldset(struct html *h, const struct appg_meeting_form *mf)
{
	size_t	 i;

	html_open(h, EL_FIELDSET, AT__MAX);
	html_elem(h, EL_LEGEND, "Agenda");
	hidden_count(h, "items_count", mf->nitems);
	for (i = 0; i < mf->nitems; i++) {
		char legend[32];

		snprintf(legend, sizeof(legend), "Item %zu", i + 1);
		html_open(h, EL_DIV, AT_CLASS, "row-group", AT__MAX);
		html_elem(h, EL_H3, legend);
		row_error(h, mf->items[i].error);
		row_input(h, "item_title", i, "Title", "text",
		    mf->items[i].title, 0);
		row_textarea(h, "item_papers", i, "Papers", "One per line: a "
		    "title, then its address (https://...).",
		    mf->items[i].papers);
		row_textarea(h, "item_discussion", i, "Discussion", "A short "
		    "record, in Markdown.", mf->items[i].discussion);
		row_textarea(h, "item_decision", i, "Decision", "Leave empty "
		    "when nothing was decided.", mf->items[i].decision);
		html_close(h);
	}
	html_close(h);
}

static void
actions_fieldset(struct html *h, const struct appg_meeting_form *mf)
{
	char	 name[40];
	size_t	 i;

	html_open(h, EL_FIELDSET, AT__MAX);
	html_elem(h, EL_LEGEND, "Actions");
	hidden_count(h, "actions_count", mf->nactions);
	for (i = 0; i < mf->nactions; i++) {
		const struct appg_action_row *x = &mf->actions[i];

		html_open(h, EL_DIV, AT_CLASS, "row-group", AT__MAX);
		row_error(h, x->error);
		snprintf(name, sizeof(name), "act_id_%zu", i);
		hidden(h, name, x->id ? x->id : "");
		snprintf(name, sizeof(name), "act_done_on_%zu", i);
		hidden(h, name, x->done_on ? x->done_on : "");
		row_input(h, "act_action", i, "Action", "text", x->action, 0);
		row_input(h, "act_owner", i, "Owner", "text", x->owner, 0);
		row_input(h, "act_due", i, "Due", "date", x->due_on, 0);
		snprintf(name, sizeof(name), "act_done_%zu", i);
		checkbox(h, name, "Done", x->done);
		html_close(h);
	}
	html_close(h);
}

static void
meeting_fields(struct html *h, const struct appg_meeting_form *mf)
{
	html_open(h, EL_FIELDSET, AT__MAX);
	html_elem(h, EL_LEGEND, "The meeting");
	field_named(h, &mf->form, "version");
	field_named(h, &mf->form, "kind");
	field_named(h, &mf->form, "title");
	field_named(h, &mf->form, "held_on");
	field_named(h, &mf->form, "starts_at");
	field_named(h, &mf->form, "place");
	field_named(h, &mf->form, "notice_on");
	checkbox(h, "decision_planned", "A vote or decision is planned (a "
	    "week's notice is needed)", mf->decision_planned);
	field_named(h, &mf->form, "chair");
	if (mf->chair_error != NULL)
		row_error(h, mf->chair_error);
	checkbox(h, "chair_from_pool", "Chaired by a Member from the Speaker's "
	    "pool", mf->chair_from_pool);
	html_close(h);
	html_open(h, EL_FIELDSET, AT__MAX);
	html_elem(h, EL_LEGEND, "Annual general meeting business");
	checkbox(h, "ie_approved", "The income and expenditure statement was "
	    "approved", mf->ie_approved);
	checkbox(h, "ie_nil_return", "It was a nil return", mf->ie_nil_return);
	field_named(h, &mf->form, "ie_income");
	field_named(h, &mf->form, "ie_expenditure");
	html_close(h);
}

void
ui_appg_meeting_form(struct html *h, const struct appg_meeting_form_view *v)
{
	const struct appg_meeting_form	*mf = v->mf;
	const struct page		 p = { v->title, v->session, AREA_APPG };

	layout_begin(h, &p);
	breadcrumbs(h, v->group);
	if (mf->conflict != NULL)
		ui_conflict(h, mf->conflict, mf->nconflict);
	form_render_summary(h, &mf->form);
	if (mf->nrow_errors > 0 || mf->chair_error != NULL)
		problem_box(h, "Some rows below need attention: each says why.");
	typeahead_script(h);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, v->action,
	    AT_CLASS, "meeting-form", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	meeting_fields(h, mf);
	roster_fieldset(h, mf);
	others_fieldset(h, mf);
	guests_fieldset(h, mf);
	items_fieldset(h, mf);
	actions_fieldset(h, mf);
	html_open(h, EL_DIV, AT_CLASS, "form-actions", AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_NAME, "op", AT_VALUE,
	    "save", AT_CLASS, "primary", AT__MAX);
	html_text(h, "Save meeting");
	html_close(h);
	html_text(h, " ");
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_NAME, "op", AT_VALUE,
	    "more", AT__MAX);
	html_text(h, "Add more rows");
	html_close(h);
	html_text(h, " ");
	link(h, v->back, "Cancel");
	html_close(h);
	html_close(h);
	layout_end(h);
}

/* --- a meeting ------------------------------------------------------------ */

static void
meeting_facts(struct html *h, const struct appg_meeting_view *v)
{
	const struct appg_meeting	*m = v->meeting;
	char				 href[48];

	html_open(h, EL_DL, AT_CLASS, "fields", AT__MAX);
	ui_dl_row(h, "Kind", appg_kinds[m->kind].label);
	html_elem(h, EL_DT, "Date");
	html_open(h, EL_DD, AT__MAX);
	html_open(h, EL_TIME, AT_DATETIME, m->held_on, AT__MAX);
	html_text(h, m->held_on);
	html_close(h);
	if (!empty(m->starts_at))
		html_textf(h, " at %s", m->starts_at);
	html_close(h);
	ui_dl_row(h, "Place", m->place);
	html_elem(h, EL_DT, "Notice in All-Party Notices");
	html_elem(h, EL_DD, !empty(m->notice_on) ? m->notice_on :
	    appg_notice_required(m) ? "Needed (an AGM, an EGM, an outside "
	    "speaker, a vote or decision), not recorded" : "Not needed");
	ui_dl_row(h, "Chair", v->chair);
	if (m->chair_from_pool)
		ui_dl_row(h, "Chaired from", "The Speaker's pool");
	if (m->kind == APPG_KIND_AGM) {
		html_elem(h, EL_DT, "Income and expenditure statement");
		html_elem(h, EL_DD, !m->ie_approved ? "Not approved" :
		    m->ie_nil_return ? "Approved: a nil return" : "Approved");
	}
	if (m->engagement_id != 0) {
		html_elem(h, EL_DT, "Engagement");
		html_open(h, EL_DD, AT__MAX);
		snprintf(href, sizeof(href), "/engagements/%lld",
		    m->engagement_id);
		link(h, href, m->engagement_deleted ? "Recorded (deleted)" :
		    "Recorded as an APPG meeting engagement");
		html_close(h);
	}
	ui_dl_row(h, "Minutes", appg_minutes_statuses[m->minutes].label);
	html_close(h);
}

static void
meeting_actions(struct html *h, const struct appg_meeting_view *v)
{
	const struct appg_meeting	*m = v->meeting;
	char				 url[64];

	html_open(h, EL_DIV, AT_CLASS, "actions", AT__MAX);
	snprintf(url, sizeof(url), "/appg/meetings/%lld/minutes", m->id);
	button_link(h, url, "Minutes", 1);
	if (can_edit(v->session) && !m->deleted) {
		snprintf(url, sizeof(url), "/appg/meetings/%lld/edit", m->id);
		button_link(h, url, "Edit meeting", 0);
	}
	snprintf(url, sizeof(url), "/appg/meetings/%lld/notice", m->id);
	button_link(h, url, "Notice for All-Party Notices", 0);
	snprintf(url, sizeof(url), "/appg/meetings/%lld/history", m->id);
	button_link(h, url, "History", 0);
	if (can_edit(v->session)) {
		snprintf(url, sizeof(url), "/appg/meetings/%lld/%s", m->id,
		    m->deleted ? "restore" : "delete");
		ui_post_button(h, url, v->session->csrf, m->deleted ?
		    "Restore meeting" : "Delete meeting", NULL, NULL);
	}
	html_close(h);
}

static void
papers_list(struct html *h, const char *papers)
{
	const char	*p = papers, *nl;
	char		 line[1200], *sp;
	int		 open = 0;

	while (!empty(p)) {
		size_t len;

		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		if (len >= sizeof(line))
			len = sizeof(line) - 1;
		memcpy(line, p, len);
		line[len] = '\0';
		while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' '))
			line[--len] = '\0';
		p = nl ? nl + 1 : NULL;
		if (len == 0)
			continue;
		if (!open++)
			html_open(h, EL_UL, AT_CLASS, "papers", AT__MAX);
		html_open(h, EL_LI, AT__MAX);
		sp = strrchr(line, ' ');
		if ((strncmp(sp ? sp + 1 : line, "https://", 8) == 0 ||
		    strncmp(sp ? sp + 1 : line, "http://", 7) == 0) &&
		    html_url_safe(sp ? sp + 1 : line)) {
			if (sp != NULL)
				*sp = '\0';
			html_open(h, EL_A, AT_HREF, sp ? sp + 1 : line, AT_REL,
			    "noopener noreferrer", AT__MAX);
			html_text(h, line);
			html_close(h);
		} else
			html_text(h, line);
		html_close(h);
	}
	if (open)
		html_close(h);
}

static void
agenda_section(struct html *h, const struct appg_meeting *m)
{
	size_t	 i;

	html_elem(h, EL_H2, "Agenda");
	if (m->nagenda == 0) {
		html_elem(h, EL_P, "No agenda items recorded.");
		return;
	}
	html_open(h, EL_OL, AT_CLASS, "agenda", AT__MAX);
	for (i = 0; i < m->nagenda; i++) {
		const struct appg_agenda_item *it = &m->agenda[i];

		html_open(h, EL_LI, AT__MAX);
		html_elem(h, EL_STRONG, it->title);
		papers_list(h, it->papers);
		if (!empty(it->discussion)) {
			html_open(h, EL_DIV, AT_CLASS, "markdown", AT__MAX);
			html_markdown(h, it->discussion);
			html_close(h);
		}
		if (!empty(it->decision)) {
			html_open(h, EL_DIV, AT_CLASS, "decision", AT__MAX);
			html_elem(h, EL_STRONG, "Decision:");
			html_markdown(h, it->decision);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
}

static void
attendee_line(struct html *h, const struct appg_meeting *m,
    const struct appg_attendee *at)
{
	char		 href[48];
	const char	*party, *house;

	html_open(h, EL_LI, AT__MAX);
	if (at->person_id != 0) {
		snprintf(href, sizeof(href), "/people/%lld", at->person_id);
		link(h, href, at->name);
	} else
		html_text(h, at->name);
	if (at->person != NULL && at->status != APPG_IN_ATTENDANCE) {
		party_house(at->person, m->held_on, &party, &house);
		html_textf(h, " (%s%s%s)", party, *party ? ", " : "", house);
	}
	if (!empty(at->organisation))
		html_textf(h, ", %s", at->organisation);
	if (at->status == APPG_IN_ATTENDANCE)
		html_textf(h, " (%s)", appg_capacities[at->capacity].label);
	html_close(h);
}

static void
attendance_section(struct html *h, const struct appg_meeting_view *v)
{
	const struct appg_meeting	*m = v->meeting;
	int				 s;
	size_t				 i, n;

	html_elem(h, EL_H2, "Attendance");
	for (s = 0; s < APPG_ATTEND__MAX; s++) {
		html_elem(h, EL_H3, appg_attends[s].label);
		for (i = 0, n = 0; i < m->nattendees; i++)
			n += (int)m->attendees[i].status == s;
		if (n == 0) {
			html_elem(h, EL_P, "None recorded.");
			continue;
		}
		html_open(h, EL_UL, AT_CLASS, "attendance", AT__MAX);
		for (i = 0; i < m->nattendees; i++)
			if ((int)m->attendees[i].status == s)
				attendee_line(h, m, &m->attendees[i]);
		html_close(h);
	}
	if (v->quorum != NULL) {
		html_elem(h, EL_H3, "Quorum");
		html_open(h, EL_P, AT_CLASS, v->quorum->met ? "notice" :
		    "notice warn", AT__MAX);
		html_text(h, v->quorum->why);
		html_close(h);
	}
}

/* Mark done or open again, then back to the page the button is on. */
static void
action_button(struct html *h, const struct session *s,
    const struct appg_action *x, const char *back)
{
	char	 url[64];

	snprintf(url, sizeof(url), "/appg/actions/%lld", x->id);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, url, AT_CLASS,
	    "inline", AT__MAX);
	layout_csrf_input(h, s->csrf);
	hidden(h, "done", !empty(x->done_on) ? "0" : "1");
	hidden(h, "back", back);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, !empty(x->done_on) ? "Reopen" : "Mark done");
	html_close(h);
	html_close(h);
}

static void
action_row(struct html *h, const struct session *s, const struct appg_action *x,
    const char *today, int with_meeting, const char *back)
{
	char	 url[64];
	int	 overdue = empty(x->done_on) && !empty(x->due_on) &&
	    strcmp(x->due_on, today) < 0;

	html_open(h, EL_TR, AT_CLASS, !empty(x->done_on) ? "done" :
	    overdue ? "overdue" : NULL, AT__MAX);
	html_elem(h, EL_TD, x->action);
	html_elem(h, EL_TD, x->owner);
	date_cell(h, x->due_on);
	if (with_meeting) {
		html_open(h, EL_TD, AT__MAX);
		snprintf(url, sizeof(url), "/appg/meetings/%lld", x->meeting_id);
		html_open(h, EL_A, AT_HREF, url, AT__MAX);
		html_textf(h, "%s, %s (%s)", x->group_title, x->meeting_label,
		    x->meeting_held_on);
		html_close(h);
		html_close(h);
	}
	html_open(h, EL_TD, AT__MAX);
	html_open(h, EL_SPAN, AT_CLASS, !empty(x->done_on) ? "tag" : overdue ?
	    "tag tag-fail" : "tag tag-new", AT__MAX);
	html_text(h, !empty(x->done_on) ? "Done" : overdue ? "Overdue" : "Open");
	html_close(h);
	if (!empty(x->done_on))
		html_textf(h, " %s", x->done_on);
	html_close(h);
	html_open(h, EL_TD, AT__MAX);
	if (can_edit(s))
		action_button(h, s, x, back);
	html_close(h);
	html_close(h);
}

static void
actions_table(struct html *h, const struct session *s,
    const struct appg_action *x, size_t n, const char *today,
    int with_meeting, const char *back)
{
	static const char *const cols[] = { "Action", "Owner", "Due", "Status",
	    "", NULL };
	static const char *const cols_m[] = { "Action", "Owner", "Due",
	    "Meeting", "Status", "", NULL };
	size_t	 i;

	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, "list actions-list", AT__MAX);
	head_row(h, with_meeting ? cols_m : cols);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < n; i++)
		action_row(h, s, &x[i], today, with_meeting, back);
	html_close(h);
	html_close(h);
	html_close(h);
}

void
ui_appg_meeting(struct html *h, const struct appg_meeting_view *v)
{
	const struct appg_meeting	*m = v->meeting;
	const char			*title = NULL;
	struct page			 p = { "Meeting", v->session, AREA_APPG };
	char				 buf[400], back[64];

	snprintf(buf, sizeof(buf), "%s: %s", appg_meeting_label(m), m->held_on);
	title = buf;
	p.title = title;
	layout_begin(h, &p);
	breadcrumbs(h, v->group);
	if (v->notice)
		ui_notice(h, v->notice);
	if (m->deleted)
		ui_notice(h, "This meeting is deleted. An editor can restore it.");
	meeting_facts(h, v);
	meeting_actions(h, v);
	attendance_section(h, v);
	agenda_section(h, m);
	html_open(h, EL_H2, AT_ID, "actions", AT__MAX);
	html_text(h, "Actions");
	html_close(h);
	snprintf(back, sizeof(back), "/appg/meetings/%lld#actions", m->id);
	if (m->nactions == 0)
		html_elem(h, EL_P, "No actions recorded.");
	else
		actions_table(h, v->session, m->actions, m->nactions, v->today, 0,
		    back);
	layout_end(h);
}

void
ui_appg_notice(struct html *h, const struct appg_notice_view *v)
{
	const struct page	 p = { "Notice for All-Party Notices", v->session,
	    AREA_APPG };
	char			 url[80];

	layout_begin(h, &p);
	breadcrumbs(h, v->group);
	if (v->due_by != NULL) {
		html_open(h, EL_P, AT_CLASS, "notice", AT__MAX);
		html_textf(h, "This meeting needs notice in All-Party Notices at "
		    "least a week ahead: by %s.", v->due_by);
		html_close(h);
	}
	html_open(h, EL_DIV, AT_CLASS, "notice-text", AT__MAX);
	html_text(h, v->text);
	html_close(h);
	html_open(h, EL_P, AT_CLASS, "actions", AT__MAX);
	snprintf(url, sizeof(url), "/appg/meetings/%lld/notice?format=txt",
	    v->meeting->id);
	button_link(h, url, "Plain text", 0);
	snprintf(url, sizeof(url), "/appg/meetings/%lld", v->meeting->id);
	button_link(h, url, "Back to the meeting", 0);
	html_close(h);
	layout_end(h);
}

/* --- minutes ----------------------------------------------------------------- */

static void
minutes_status(struct html *h, const struct appg_minutes_view *v)
{
	const struct appg_minutes	*mi = v->minutes;

	html_open(h, EL_P, AT_CLASS, "notice minutes-status", AT_ROLE, "status",
	    AT__MAX);
	html_open(h, EL_SPAN, AT_CLASS, mi->status == APPG_MINUTES_APPROVED ?
	    "tag tag-pass" : "tag tag-new", AT__MAX);
	html_text(h, appg_minutes_statuses[mi->status].label);
	html_close(h);
	switch (mi->status) {
	case APPG_MINUTES_APPROVED:
		html_textf(h, " at the meeting of %s (version %d). Approved "
		    "minutes are locked.", mi->approved_at_held_on,
		    mi->current_number);
		break;
	case APPG_MINUTES_CIRCULATED:
		html_textf(h, " on %s (version %d).", mi->circulated_on,
		    mi->circulated_number);
		if (mi->current_number != mi->circulated_number)
			html_textf(h, " Changed since: version %d must be "
			    "circulated before it can be approved.",
			    mi->current_number);
		break;
	default:
		html_textf(h, " (version %d, saved %s UTC). Circulate it to "
		    "the officers and members when ready.", mi->current_number,
		    mi->updated_at);
		break;
	}
	html_close(h);
}

static void
approve_form(struct html *h, const struct appg_minutes_view *v,
    const char *csrf, const char *version)
{
	char	 url[80], id[24];
	size_t	 i;

	snprintf(url, sizeof(url), "/appg/meetings/%lld/minutes/approve",
	    v->meeting->id);
	if (v->napprovers == 0) {
		html_elem(h, EL_P, "Minutes are approved at a later meeting: "
		    "record that meeting first.");
		return;
	}
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, url, AT_CLASS,
	    "approve", AT__MAX);
	layout_csrf_input(h, csrf);
	hidden(h, "version", version);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "f-at", AT__MAX);
	html_text(h, "Approved at the meeting of");
	html_close(h);
	html_open(h, EL_SELECT, AT_ID, "f-at", AT_NAME, "at", AT__MAX);
	for (i = 0; i < v->napprovers; i++) {
		snprintf(id, sizeof(id), "%lld", v->approvers[i].id);
		html_open(h, EL_OPTION, AT_VALUE, id, AT__MAX);
		html_textf(h, "%s, %s", v->approvers[i].held_on,
		    appg_meeting_label(&v->approvers[i]));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, "Approve (locks the minutes)");
	html_close(h);
	html_close(h);
}

static void
minutes_actions(struct html *h, const struct appg_minutes_view *v)
{
	const struct appg_minutes	*mi = v->minutes;
	const char			*csrf = v->session->csrf;
	long long			 id = v->meeting->id;
	char				 url[80], version[24];

	html_open(h, EL_DIV, AT_CLASS, "actions minutes-actions", AT__MAX);
	snprintf(url, sizeof(url), "/appg/meetings/%lld/minutes?format=txt", id);
	button_link(h, url, "Plain text", 0);
	snprintf(url, sizeof(url), "/appg/meetings/%lld/minutes?format=md", id);
	button_link(h, url, "Markdown", 0);
	snprintf(url, sizeof(url), "/appg/meetings/%lld/minutes/versions", id);
	button_link(h, url, "Versions", 0);
	if (can_edit(v->session) && !v->meeting->deleted &&
	    mi->status != APPG_MINUTES_APPROVED) {
		snprintf(version, sizeof(version), "%d", mi->version);
		snprintf(url, sizeof(url), "/appg/meetings/%lld/minutes/edit", id);
		button_link(h, url, "Edit", 1);
		snprintf(url, sizeof(url), "/appg/meetings/%lld/minutes/generate",
		    id);
		ui_post_button(h, url, csrf, "Regenerate from the record",
		    "version", version);
		if (mi->status == APPG_MINUTES_DRAFT ||
		    mi->current_number != mi->circulated_number) {
			snprintf(url, sizeof(url),
			    "/appg/meetings/%lld/minutes/circulate", id);
			ui_post_button(h, url, csrf, mi->status ==
			    APPG_MINUTES_DRAFT ? "Circulate" : "Circulate again",
			    "version", version);
		} else
			approve_form(h, v, csrf, version);
	}
	html_close(h);
}

void
ui_appg_minutes(struct html *h, const struct appg_minutes_view *v)
{
	const struct page	 p = { "Minutes", v->session, AREA_APPG };
	char			 url[80];

	layout_begin(h, &p);
	breadcrumbs(h, v->group);
	if (v->notice)
		ui_notice(h, v->notice);
	problem_box(h, v->problem);
	html_open(h, EL_P, AT_CLASS, "minutes-of", AT__MAX);
	snprintf(url, sizeof(url), "/appg/meetings/%lld", v->meeting->id);
	html_open(h, EL_A, AT_HREF, url, AT__MAX);
	html_textf(h, "%s, %s", appg_meeting_label(v->meeting),
	    v->meeting->held_on);
	html_close(h);
	html_close(h);
	if (v->minutes == NULL) {
		html_elem(h, EL_P, "No minutes yet. They are generated from the "
		    "meeting's record, then edited, circulated and approved at "
		    "a later meeting.");
		if (can_edit(v->session) && !v->meeting->deleted) {
			snprintf(url, sizeof(url),
			    "/appg/meetings/%lld/minutes/generate",
			    v->meeting->id);
			ui_post_button(h, url, v->session->csrf,
			    "Generate the minutes", "version", "0");
		}
		layout_end(h);
		return;
	}
	minutes_status(h, v);
	minutes_actions(h, v);
	html_open(h, EL_DIV, AT_CLASS, "minutes markdown", AT__MAX);
	html_markdown(h, v->minutes->body);
	html_close(h);
	layout_end(h);
}

void
ui_appg_minutes_edit(struct html *h, const struct appg_minutes_edit_view *v)
{
	const struct page	 p = { "Edit the minutes", v->session, AREA_APPG };
	char			 url[80], version[24];

	layout_begin(h, &p);
	breadcrumbs(h, v->group);
	if (v->conflict != NULL)
		ui_conflict(h, v->conflict, v->nconflict);
	if (v->error != NULL)
		problem_box(h, v->error);
	snprintf(url, sizeof(url), "/appg/meetings/%lld/minutes/edit",
	    v->meeting->id);
	snprintf(version, sizeof(version), "%d", v->version);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, url, AT_CLASS,
	    "minutes-edit", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	hidden(h, "version", version);
	html_open(h, EL_DIV, AT_CLASS, v->error ? "field field-error" : "field",
	    AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "f-body", AT__MAX);
	html_text(h, "Minutes (Markdown)");
	html_close(h);
	html_open(h, EL_P, AT_CLASS, "hint", AT_ID, "f-body-hint", AT__MAX);
	html_text(h, "Headings start with ##, lists with -, **bold**. Every "
	    "save is kept as a version.");
	html_close(h);
	if (v->error != NULL) {
		html_open(h, EL_P, AT_CLASS, "error-message", AT_ID, "f-body-error",
		    AT__MAX);
		html_text(h, v->error);
		html_close(h);
	}
	html_open(h, EL_TEXTAREA, AT_ID, "f-body", AT_NAME, "body", AT_ROWS, "30",
	    AT_ARIA_DESCRIBEDBY, v->error ? "f-body-hint f-body-error" :
	    "f-body-hint", AT_ARIA_INVALID, v->error ? "true" : NULL, AT__MAX);
	if (v->body != NULL && *v->body == '\n')
		html_text(h, "\n");
	html_text(h, v->body);
	html_close(h);
	html_close(h);
	html_open(h, EL_DIV, AT_CLASS, "form-actions", AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_CLASS, "primary", AT__MAX);
	html_text(h, "Save the minutes");
	html_close(h);
	html_text(h, " ");
	snprintf(url, sizeof(url), "/appg/meetings/%lld/minutes", v->meeting->id);
	link(h, url, "Cancel");
	html_close(h);
	html_close(h);
	layout_end(h);
}

static void
version_select(struct html *h, const char *name, const char *label,
    const struct appg_versions_view *v, int chosen)
{
	char	 id[32], value[24];
	size_t	 i;

	snprintf(id, sizeof(id), "f-%s", name);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
	html_text(h, label);
	html_close(h);
	html_open(h, EL_SELECT, AT_ID, id, AT_NAME, name, AT__MAX);
	for (i = 0; i < v->n; i++) {
		snprintf(value, sizeof(value), "%d", v->versions[i].number);
		html_open(h, EL_OPTION, AT_VALUE, value, AT_SELECTED,
		    v->versions[i].number == chosen ? "" : NULL, AT__MAX);
		html_textf(h, "Version %d (%s)", v->versions[i].number,
		    v->versions[i].how);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

#define DIFF_CONTEXT	3

/* 1 if line i is a change or within DIFF_CONTEXT lines of one. */
static int
near_change(const struct appg_versions_view *v, size_t i)
{
	size_t	 from = i > DIFF_CONTEXT ? i - DIFF_CONTEXT : 0, j;

	for (j = from; j < v->ndiff && j <= i + DIFF_CONTEXT; j++)
		if (v->diff[j].op != ' ')
			return 1;
	return 0;
}

static void
diff_table(struct html *h, const struct appg_versions_view *v)
{
	static const char *const cols[] = { "", "Text", NULL };
	size_t	 i, changed = 0;

	html_open(h, EL_H2, AT_ID, "compare", AT__MAX);
	html_textf(h, "Version %d compared with version %d", v->old_number,
	    v->new_number);
	html_close(h);
	for (i = 0; i < v->ndiff; i++)
		changed += v->diff[i].op != ' ';
	html_open(h, EL_P, AT_ROLE, "status", AT__MAX);
	if (changed == 0)
		html_text(h, "The two versions are the same.");
	else
		html_textf(h, "%zu line%s differ: removed lines are marked −, "
		    "added lines +.", changed, changed == 1 ? "" : "s");
	html_close(h);
	table_begin(h, "diff", cols);
	for (i = 0; i < v->ndiff; i++) {
		const struct appg_diff_line *d = &v->diff[i];
		size_t run = 0;

		/* Unchanged lines far from any change fold into one row. */
		while (i + run < v->ndiff && !near_change(v, i + run))
			run++;
		if (run > 0) {
			html_open(h, EL_TR, AT_CLASS, "folded", AT__MAX);
			html_elem(h, EL_TD, "");
			html_open(h, EL_TD, AT__MAX);
			html_textf(h, "… %zu unchanged line%s …", run,
			    run == 1 ? "" : "s");
			html_close(h);
			html_close(h);
			i += run - 1;
			continue;
		}
		html_open(h, EL_TR, AT_CLASS, d->op == '+' ? "added" :
		    d->op == '-' ? "removed" : NULL, AT__MAX);
		html_elem(h, EL_TD, d->op == '+' ? "+" : d->op == '-' ? "−" : "");
		html_elem(h, EL_TD, d->text);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

void
ui_appg_versions(struct html *h, const struct appg_versions_view *v)
{
	static const char *const cols[] = { "Version", "How", "By", "Saved (UTC)",
	    NULL };
	const struct page	 p = { "Versions of the minutes", v->session,
	    AREA_APPG };
	char			 url[96];
	size_t			 i;

	layout_begin(h, &p);
	breadcrumbs(h, v->group);
	html_open(h, EL_P, AT__MAX);
	snprintf(url, sizeof(url), "/appg/meetings/%lld/minutes", v->meeting->id);
	link(h, url, "Back to the minutes");
	html_close(h);
	table_begin(h, "list versions", cols);
	for (i = 0; i < v->n; i++) {
		const struct appg_minutes_version *x = &v->versions[i];

		html_open(h, EL_TR, AT__MAX);
		html_open(h, EL_TD, AT__MAX);
		snprintf(url, sizeof(url), "/appg/meetings/%lld/minutes/versions"
		    "?v=%d", v->meeting->id, x->number);
		html_open(h, EL_A, AT_HREF, url, AT__MAX);
		html_textf(h, "Version %d", x->number);
		html_close(h);
		if (v->minutes && x->number == v->minutes->current_number)
			html_text(h, " (current)");
		if (v->minutes && x->number == v->minutes->circulated_number)
			html_text(h, " (circulated)");
		html_close(h);
		html_elem(h, EL_TD, x->how);
		html_elem(h, EL_TD, x->created_by);
		html_elem(h, EL_TD, x->created_at);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	if (v->n > 1) {
		snprintf(url, sizeof(url), "/appg/meetings/%lld/minutes/versions",
		    v->meeting->id);
		html_open(h, EL_FORM, AT_METHOD, "get", AT_ACTION, url, AT_CLASS,
		    "filters compare-form", AT__MAX);
		version_select(h, "a", "Compare version", v, v->old_number ?
		    v->old_number : v->versions[1].number);
		version_select(h, "b", "with version", v, v->new_number ?
		    v->new_number : v->versions[0].number);
		html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
		html_text(h, "Compare");
		html_close(h);
		html_close(h);
	}
	if (v->diff != NULL)
		diff_table(h, v);
	if (v->shown != NULL) {
		html_open(h, EL_H2, AT__MAX);
		html_textf(h, "Version %d", v->shown->number);
		html_close(h);
		html_open(h, EL_DIV, AT_CLASS, "minutes markdown", AT__MAX);
		html_markdown(h, v->shown->body);
		html_close(h);
	}
	layout_end(h);
}

/* --- actions across meetings, settings, history --------------------------------- */

void
ui_appg_actions(struct html *h, const struct appg_actions_view *v)
{
	const struct page	 p = { "APPG actions", v->session, AREA_APPG };
	char			 id[24], back[96];
	size_t			 i;
	int			 s;

	layout_begin(h, &p);
	breadcrumbs(h, NULL);
	if (v->notice)
		ui_notice(h, v->notice);
	html_open(h, EL_FORM, AT_METHOD, "get", AT_ACTION, "/appg/actions",
	    AT_CLASS, "filters", AT_ROLE, "search", AT__MAX);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "f-state", AT__MAX);
	html_text(h, "Show");
	html_close(h);
	html_open(h, EL_SELECT, AT_ID, "f-state", AT_NAME, "state", AT__MAX);
	for (s = 0; s < APPG_ACTIONS__MAX; s++) {
		html_open(h, EL_OPTION, AT_VALUE, appg_action_states[s].code,
		    AT_SELECTED, (int)v->state == s ? "" : NULL, AT__MAX);
		html_text(h, appg_action_states[s].label);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "f-group", AT__MAX);
	html_text(h, "Group");
	html_close(h);
	html_open(h, EL_SELECT, AT_ID, "f-group", AT_NAME, "group", AT__MAX);
	html_open(h, EL_OPTION, AT_VALUE, "", AT__MAX);
	html_text(h, "Every group");
	html_close(h);
	for (i = 0; i < v->ngroups; i++) {
		snprintf(id, sizeof(id), "%lld", v->groups[i].group.id);
		html_open(h, EL_OPTION, AT_VALUE, id, AT_SELECTED,
		    v->groups[i].group.id == v->group_id ? "" : NULL, AT__MAX);
		html_text(h, v->groups[i].group.title);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, EL_DIV, AT_CLASS, "filter-actions", AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, "Show");
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, EL_P, AT_ROLE, "status", AT__MAX);
	html_textf(h, "%zu action%s", v->n, v->n == 1 ? "" : "s");
	html_close(h);
	snprintf(id, sizeof(id), "%lld", v->group_id);
	snprintf(back, sizeof(back), "/appg/actions?state=%s%s%s",
	    appg_action_states[v->state].code, v->group_id ? "&group=" : "",
	    v->group_id ? id : "");
	if (v->n > 0)
		actions_table(h, v->session, v->actions, v->n, v->today, 1, back);
	layout_end(h);
}

static void
setting_rows(struct html *h, const struct appg_settings_view *v, int id)
{
	char	 url[64];
	size_t	 i;

	html_open(h, EL_UL, AT_CLASS, "plain setting-history", AT__MAX);
	for (i = 0; i < v->n; i++) {
		const struct appg_setting *s = &v->settings[i];

		if ((int)s->name != id)
			continue;
		html_open(h, EL_LI, AT_CLASS, s->deleted ? "former" : NULL,
		    AT__MAX);
		html_textf(h, "%s from %s", s->value, s->valid_from);
		if (!empty(s->note))
			html_textf(h, " — %s", s->note);
		if (s->deleted)
			html_text(h, " (deleted)");
		if (v->session->role >= ROLE_ADMIN) {
			html_text(h, " ");
			snprintf(url, sizeof(url), "/appg/settings/%lld/%s", s->id,
			    s->deleted ? "restore" : "delete");
			ui_post_button(h, url, v->session->csrf, s->deleted ?
			    "Restore" : "Delete", NULL, NULL);
		}
		html_close(h);
	}
	html_close(h);
}

void
ui_appg_settings(struct html *h, const struct appg_settings_view *v)
{
	static const char *const cols[] = { "Rule", "In force today",
	    "Values over time", NULL };
	const struct page	 p = { "APPG rule settings", v->session,
	    AREA_APPG };
	struct appg_facts	 f;
	int			 i;

	memset(&f, 0, sizeof(f));
	f.settings = v->settings;
	f.nsettings = v->n;
	layout_begin(h, &p);
	breadcrumbs(h, NULL);
	if (v->notice)
		ui_notice(h, v->notice);
	html_elem(h, EL_P, "The numbers of the Guide to the Rules on All-Party "
	    "Parliamentary Groups, and which parties govern and lead the "
	    "opposition, each with the date it applies from. When the Guide "
	    "or the Government changes, add a value from that date: the "
	    "checks of earlier days keep the old one.");
	table_begin(h, "list settings", cols);
	for (i = 0; i < APPG_SET__MAX; i++) {
		const char *now = appg_setting_on(&f, (enum appg_setting_id)i,
		    v->today);

		html_open(h, EL_TR, AT__MAX);
		html_elem(h, EL_TD, appg_settings_names[i].label);
		html_elem(h, EL_TD, now ? now : "Not set");
		html_open(h, EL_TD, AT__MAX);
		setting_rows(h, v, i);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	if (v->session->role >= ROLE_ADMIN && v->form != NULL) {
		html_elem(h, EL_H2, "Add a value");
		form_render_summary(h, v->form);
		html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION,
		    "/appg/settings", AT_CLASS, "stacked", AT__MAX);
		layout_csrf_input(h, v->session->csrf);
		form_render_fields(h, v->form);
		html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_CLASS, "primary",
		    AT__MAX);
		html_text(h, "Add value");
		html_close(h);
		html_close(h);
	}
	layout_end(h);
}

void
ui_appg_history(struct html *h, const struct session *s, const char *title,
    const char *back, const struct audit_entry *e, size_t n)
{
	const struct page	 p = { title, s, AREA_APPG };

	layout_begin(h, &p);
	html_open(h, EL_P, AT__MAX);
	link(h, back, "Back");
	html_close(h);
	ui_history(h, e, n);
	layout_end(h);
}
