/*
 * The subject access export as a page and as JSON (see ui_privacy_sar.h).
 * The page is one long report: every section says "None held." rather
 * than vanish, so the reader can see that each kind of record was looked
 * for.  Free text is shown as stored (plain, line breaks kept), never as
 * Markdown, so the copy given to the person is exactly what is held.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "auth.h"
#include "buf.h"
#include "directory.h"
#include "html.h"
#include "layout.h"
#include "privacy_basis.h"
#include "privacy_sar.h"
#include "ui.h"
#include "ui_privacy_sar.h"

#define HREF_MAX	64

/* --- the page ----------------------------------------------------------- */

void
ui_sar_person_action(struct html *h, const struct session *s,
    long long person_id)
{
	char	 href[HREF_MAX];

	if (s == NULL || s->role != ROLE_ADMIN)
		return;
	snprintf(href, sizeof(href), SAR_PATH_FMT, person_id);
	html_open(h, EL_P, AT_CLASS, "actions", AT__MAX);
	html_open(h, EL_A, AT_HREF, href, AT__MAX);
	html_text(h, "Subject access export");
	html_close(h);
	html_close(h);
}

/* "" and NULL read as "(none)". */
static const char *
or_none(const char *s)
{
	return s != NULL && *s != '\0' ? s : "(none)";
}

/* A column name as a label: "basis_note" -> "Basis note". */
static void
column_label(struct html *h, const char *name)
{
	char	 label[80];
	size_t	 i;

	snprintf(label, sizeof(label), "%s", name);
	for (i = 0; label[i] != '\0'; i++)
		if (label[i] == '_')
			label[i] = ' ';
	label[0] = (char)toupper((unsigned char)label[0]);
	html_elem(h, EL_DT, label);
}

static void
section_begin(struct html *h, const char *id, const char *title)
{
	html_open(h, EL_SECTION, AT_CLASS, "sar-section", AT_ARIA_LABELLEDBY,
	    id, AT__MAX);
	html_open(h, EL_H2, AT_ID, id, AT__MAX);
	html_text(h, title);
	html_close(h);
}

/* The section's table, or "None held." when n is 0; 0 when none. */
static int
table_begin(struct html *h, size_t n, const char *const *heads)
{
	if (n == 0) {
		html_elem(h, EL_P, "None held.");
		return 0;
	}
	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, "sar", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	for (; *heads != NULL; heads++) {
		html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
		html_text(h, *heads);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	return 1;
}

/* Closes the table and its wrapper. */
static void
table_end(struct html *h)
{
	html_close(h);
	html_close(h);
	html_close(h);
}

static void
td(struct html *h, const char *text)
{
	html_elem(h, EL_TD, text != NULL ? text : "");
}

/* A cell of free text, line breaks kept. */
static void
td_text(struct html *h, const char *text)
{
	html_open(h, EL_TD, AT_CLASS, "sar-text", AT__MAX);
	html_text(h, text != NULL ? text : "");
	html_close(h);
}

static void
intro(struct html *h, const struct sar_export *x)
{
	html_open(h, EL_P, AT__MAX);
	html_textf(h, "Everything this tracker holds about record %lld, "
	    "exported on %s UTC by %s.", x->person_id, x->generated_at,
	    x->generated_by != NULL ? x->generated_by : "");
	html_close(h);
	html_open(h, EL_P, AT_CLASS, "hint", AT__MAX);
	html_text(h, "Other people are not named: the people met at each "
	    "engagement are counted as \"" SAR_OTHER_PERSON "\", and their "
	    "names are replaced by \"" SAR_REDACTED "\" wherever they occur in "
	    "the text below. Our staff are counted, not named. Press items are "
	    "published text and are shown as stored. Read it through before "
	    "sending it: someone named otherwise than by their full name in "
	    "the directory (a surname alone, a first name, a title) is not "
	    "found.");
	html_close(h);
}

static void
controls(struct html *h, const struct sar_export *x)
{
	char	 href[HREF_MAX + 16];

	html_open(h, EL_DIV, AT_CLASS, "actions", AT__MAX);
	snprintf(href, sizeof(href), SAR_PATH_FMT "?format=json", x->person_id);
	html_open(h, EL_A, AT_HREF, href, AT_CLASS, "button", AT__MAX);
	html_text(h, "Download as JSON");
	html_close(h);
	snprintf(href, sizeof(href), "/people/%lld", x->person_id);
	html_open(h, EL_A, AT_HREF, href, AT__MAX);
	html_text(h, "Back to the person");
	html_close(h);
	html_close(h);
}

static void
profile_section(struct html *h, const struct sar_export *x)
{
	size_t	 i;

	section_begin(h, "sar-profile", "Profile");
	html_open(h, EL_DL, AT_CLASS, "fields", AT__MAX);
	for (i = 0; i < x->nprofile; i++) {
		column_label(h, x->profile[i].name);
		html_open(h, EL_DD, AT_CLASS, "sar-text", AT__MAX);
		/* The page reads the basis as its label; the JSON keeps the code. */
		if (strcmp(x->profile[i].name, "lawful_basis") == 0)
			html_text(h, privacy_basis_label(x->profile[i].value));
		else
			html_text(h, or_none(x->profile[i].value));
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
terms_section(struct html *h, const struct sar_export *x)
{
	static const char *const heads[] = { "From", "To", "Category",
	    "Party", "House", "Constituency", "Role", "Organisation", "Source",
	    NULL };
	const struct person_term	*t;
	size_t				 i;

	section_begin(h, "sar-history", "Dated history");
	if (table_begin(h, x->nterms, heads)) {
		for (i = 0; i < x->nterms; i++) {
			t = &x->terms[i];
			html_open(h, EL_TR, AT__MAX);
			td(h, t->started_on);
			td(h, t->ended_on != NULL ? t->ended_on : "open");
			td(h, t->category_label);
			td(h, t->party);
			td(h, t->house);
			td(h, t->constituency);
			td_text(h, t->role_title);
			td(h, t->organisation_name);
			td(h, t->source);
			html_close(h);
		}
		table_end(h);
	}
	html_close(h);
}

static void
merges_section(struct html *h, const struct sar_export *x)
{
	static const char *const heads[] = { "When (UTC)", "Record merged",
	    "Kept record", "By", "Undone", NULL };
	const struct person_merge	*m;
	size_t				 i;

	section_begin(h, "sar-merges", "Duplicate records merged");
	if (table_begin(h, x->nmerges, heads)) {
		for (i = 0; i < x->nmerges; i++) {
			m = &x->merges[i];
			html_open(h, EL_TR, AT__MAX);
			td(h, m->at);
			html_open(h, EL_TD, AT__MAX);
			html_textf(h, "%s (record %lld)", m->merged_name,
			    m->merged_id);
			html_close(h);
			html_open(h, EL_TD, AT__MAX);
			html_textf(h, "%s (record %lld)", m->survivor_name,
			    m->survivor_id);
			html_close(h);
			td(h, m->actor);
			td(h, m->undone_at != NULL ? m->undone_at : "no");
			html_close(h);
		}
		table_end(h);
	}
	html_close(h);
}

static void
engagement_row(struct html *h, const struct sar_engagement *g)
{
	html_open(h, EL_TR, AT__MAX);
	td(h, g->date);
	td(h, g->deleted ? "deleted" : g->type_label);
	td_text(h, g->title);
	td(h, g->role);
	td(h, g->organisations);
	html_open(h, EL_TD, AT__MAX);
	if (g->others == 0)
		html_text(h, "none");
	else
		html_textf(h, "%ld (%s)", g->others, g->others == 1 ?
		    SAR_OTHER_PERSON : "other people");
	html_close(h);
	html_open(h, EL_TD, AT__MAX);
	html_textf(h, "%ld", g->staff);
	html_close(h);
	td_text(h, g->summary);
	td_text(h, g->outcome);
	html_close(h);
}

static void
engagements_section(struct html *h, const struct sar_export *x)
{
	static const char *const heads[] = { "Date", "Type", "Title",
	    "As", "Organisations", "Other people", "Our staff", "Summary",
	    "Outcome", NULL };
	size_t	 i;

	section_begin(h, "sar-engagements", "Engagements they took part in");
	if (table_begin(h, x->nengagements, heads)) {
		for (i = 0; i < x->nengagements; i++)
			engagement_row(h, &x->engagements[i]);
		table_end(h);
	}
	html_close(h);
}

static void
follow_ups_section(struct html *h, const struct sar_export *x)
{
	static const char *const heads[] = { "Engagement", "Action", "Due",
	    "Done (UTC)", NULL };
	const struct sar_follow_up	*f;
	size_t				 i;

	section_begin(h, "sar-follow-ups", "Follow-ups of those engagements");
	if (table_begin(h, x->nfollow_ups, heads)) {
		for (i = 0; i < x->nfollow_ups; i++) {
			f = &x->follow_ups[i];
			html_open(h, EL_TR, AT__MAX);
			html_open(h, EL_TD, AT__MAX);
			html_textf(h, "%lld", f->engagement_id);
			html_close(h);
			td_text(h, f->action);
			td(h, f->due_on);
			td(h, f->done_at != NULL ? f->done_at : "open");
			html_close(h);
		}
		table_end(h);
	}
	html_close(h);
}

static void
mention_row(struct html *h, const struct sar_mention *m)
{
	html_open(h, EL_TR, AT__MAX);
	td(h, m->date);
	td(h, m->source);
	html_open(h, EL_TD, AT__MAX);
	if (html_url_safe(m->link) && *m->link != '\0') {
		html_open(h, EL_A, AT_HREF, m->link, AT__MAX);
		html_text(h, m->title);
		html_close(h);
	} else
		html_text(h, m->title);
	html_open(h, EL_SMALL, AT_CLASS, "sar-text", AT__MAX);
	html_text(h, *m->link != '\0' ? m->link : "");
	html_close(h);
	html_close(h);
	td_text(h, m->summary);
	td(h, m->terms);
	td(h, m->state);
	html_close(h);
}

static void
mentions_section(struct html *h, const struct sar_export *x)
{
	static const char *const heads[] = { "Date (UTC)", "Source", "Item",
	    "Summary", "Matched", "State", NULL };
	size_t	 i;

	section_begin(h, "sar-mentions", "Press items that named them");
	if (table_begin(h, x->nmentions, heads)) {
		for (i = 0; i < x->nmentions; i++)
			mention_row(h, &x->mentions[i]);
		table_end(h);
	}
	html_close(h);
}

static void
appg_section(struct html *h, const struct sar_export *x)
{
	static const char *const roles[] = { "Role", "Group", "Detail",
	    "From", "To", NULL };
	static const char *const texts[] = { "Kind", "Group", "Date", "Text",
	    "Detail", NULL };
	size_t	 i;

	section_begin(h, "sar-appg", "APPG roles");
	if (table_begin(h, x->nappg_roles, roles)) {
		for (i = 0; i < x->nappg_roles; i++) {
			html_open(h, EL_TR, AT__MAX);
			td(h, x->appg_roles[i].kind);
			td(h, x->appg_roles[i].group);
			td(h, x->appg_roles[i].detail);
			td(h, x->appg_roles[i].from);
			td(h, x->appg_roles[i].to);
			html_close(h);
		}
		table_end(h);
	}
	html_elem(h, EL_H3, "APPG actions and benefits that name them");
	if (table_begin(h, x->nappg_texts, texts)) {
		for (i = 0; i < x->nappg_texts; i++) {
			html_open(h, EL_TR, AT__MAX);
			td(h, x->appg_texts[i].kind);
			td(h, x->appg_texts[i].group);
			td(h, x->appg_texts[i].date);
			td_text(h, x->appg_texts[i].text);
			td_text(h, x->appg_texts[i].detail);
			html_close(h);
		}
		table_end(h);
	}
	html_close(h);
}

static void
audit_section(struct html *h, const struct sar_export *x)
{
	static const char *const heads[] = { "When (UTC)", "By", "Record",
	    "Action", "Before", "After", NULL };
	const struct sar_audit	*l;
	size_t			 i;

	section_begin(h, "sar-audit", "Changes to their record and their engagements (audit log)");
	if (table_begin(h, x->naudit, heads)) {
		for (i = 0; i < x->naudit; i++) {
			l = &x->audit[i];
			html_open(h, EL_TR, AT__MAX);
			td(h, l->at);
			td(h, l->actor);
			html_open(h, EL_TD, AT__MAX);
			html_textf(h, "%s %lld", l->entity, l->entity_id);
			html_close(h);
			td(h, l->action);
			td_text(h, l->before);
			td_text(h, l->after);
			html_close(h);
		}
		table_end(h);
	}
	html_close(h);
}

void
ui_sar_page(struct html *h, const struct session *s,
    const struct sar_export *x)
{
	char		 title[300];
	struct page	 p = { NULL, s, AREA_PEOPLE };

	snprintf(title, sizeof(title), "Subject access export: %s",
	    x->full_name);
	p.title = title;
	layout_begin(h, &p);
	html_open(h, EL_DIV, AT_CLASS, "sar", AT__MAX);
	intro(h, x);
	controls(h, x);
	profile_section(h, x);
	terms_section(h, x);
	merges_section(h, x);
	engagements_section(h, x);
	follow_ups_section(h, x);
	mentions_section(h, x);
	appg_section(h, x);
	audit_section(h, x);
	html_close(h);
	layout_end(h);
}

/* --- JSON ----------------------------------------------------------------- */

/* json_object_set_new that reports failure (jansson frees the value). */
static int
set(json_t *o, const char *key, json_t *v)
{
	return v == NULL || json_object_set_new(o, key, v) == -1 ? -1 : 0;
}

/* A string, or null for NULL. */
static json_t *
str(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* Logged JSON as itself when it parses, else as a string. */
static json_t *
logged(const char *s)
{
	json_t	*v;

	if (s == NULL)
		return json_null();
	v = json_loads(s, JSON_DECODE_ANY, NULL);
	return v != NULL ? v : json_string(s);
}

/* Append o to arr; -1 (o freed) on failure. */
static int
push(json_t *arr, json_t *o, int bad)
{
	if (bad || o == NULL) {
		json_decref(o);
		return -1;
	}
	return json_array_append_new(arr, o) == -1 ? -1 : 0;
}

static json_t *
json_profile(const struct sar_export *x)
{
	json_t	*o = json_object();
	int	 bad = o == NULL;
	size_t	 i;

	for (i = 0; !bad && i < x->nprofile; i++)
		bad = set(o, x->profile[i].name, str(x->profile[i].value));
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *
json_terms(const struct sar_export *x)
{
	json_t				*arr = json_array(), *o;
	const struct person_term	*t;
	int				 bad = arr == NULL;
	size_t				 i;

	for (i = 0; !bad && i < x->nterms; i++) {
		t = &x->terms[i];
		o = json_object();
		bad = o == NULL;
		bad |= set(o, "started_on", str(t->started_on));
		bad |= set(o, "ended_on", str(t->ended_on));
		bad |= set(o, "category", str(t->category_label));
		bad |= set(o, "party", str(t->party));
		bad |= set(o, "house", str(t->house));
		bad |= set(o, "constituency", str(t->constituency));
		bad |= set(o, "role_title", str(t->role_title));
		bad |= set(o, "organisation", str(t->organisation_name));
		bad |= set(o, "source", str(t->source));
		bad = push(arr, o, bad);
	}
	return bad ? (json_decref(arr), NULL) : arr;
}

static json_t *
json_merges(const struct sar_export *x)
{
	json_t				*arr = json_array(), *o;
	const struct person_merge	*m;
	int				 bad = arr == NULL;
	size_t				 i;

	for (i = 0; !bad && i < x->nmerges; i++) {
		m = &x->merges[i];
		o = json_object();
		bad = o == NULL;
		bad |= set(o, "at", str(m->at));
		bad |= set(o, "merged_id", json_integer(m->merged_id));
		bad |= set(o, "merged_name", str(m->merged_name));
		bad |= set(o, "kept_id", json_integer(m->survivor_id));
		bad |= set(o, "kept_name", str(m->survivor_name));
		bad |= set(o, "by", str(m->actor));
		bad |= set(o, "undone_at", str(m->undone_at));
		bad = push(arr, o, bad);
	}
	return bad ? (json_decref(arr), NULL) : arr;
}

static json_t *
json_engagements(const struct sar_export *x)
{
	json_t				*arr = json_array(), *o;
	const struct sar_engagement	*g;
	int				 bad = arr == NULL;
	size_t				 i;

	for (i = 0; !bad && i < x->nengagements; i++) {
		g = &x->engagements[i];
		o = json_object();
		bad = o == NULL;
		bad |= set(o, "id", json_integer(g->id));
		bad |= set(o, "date", str(g->date));
		bad |= set(o, "type", str(g->type_label));
		bad |= set(o, "title", str(g->title));
		bad |= set(o, "summary", str(g->summary));
		bad |= set(o, "outcome", str(g->outcome));
		bad |= set(o, "their_role", str(g->role));
		bad |= set(o, "organisations", str(g->organisations));
		bad |= set(o, "other_people", json_integer(g->others));
		bad |= set(o, "staff_present", json_integer(g->staff));
		bad |= set(o, "deleted", json_boolean(g->deleted));
		bad = push(arr, o, bad);
	}
	return bad ? (json_decref(arr), NULL) : arr;
}

static json_t *
json_follow_ups(const struct sar_export *x)
{
	json_t				*arr = json_array(), *o;
	const struct sar_follow_up	*f;
	int				 bad = arr == NULL;
	size_t				 i;

	for (i = 0; !bad && i < x->nfollow_ups; i++) {
		f = &x->follow_ups[i];
		o = json_object();
		bad = o == NULL;
		bad |= set(o, "engagement_id", json_integer(f->engagement_id));
		bad |= set(o, "action", str(f->action));
		bad |= set(o, "due_on", str(f->due_on));
		bad |= set(o, "done_at", str(f->done_at));
		bad = push(arr, o, bad);
	}
	return bad ? (json_decref(arr), NULL) : arr;
}

static json_t *
json_mentions(const struct sar_export *x)
{
	json_t				*arr = json_array(), *o;
	const struct sar_mention	*m;
	int				 bad = arr == NULL;
	size_t				 i;

	for (i = 0; !bad && i < x->nmentions; i++) {
		m = &x->mentions[i];
		o = json_object();
		bad = o == NULL;
		bad |= set(o, "id", json_integer(m->id));
		bad |= set(o, "date", str(m->date));
		bad |= set(o, "source", str(m->source));
		bad |= set(o, "title", str(m->title));
		bad |= set(o, "link", str(m->link));
		bad |= set(o, "summary", str(m->summary));
		bad |= set(o, "matched_terms", str(m->terms));
		bad |= set(o, "state", str(m->state));
		bad = push(arr, o, bad);
	}
	return bad ? (json_decref(arr), NULL) : arr;
}

static json_t *
json_appg_roles(const struct sar_export *x)
{
	json_t				*arr = json_array(), *o;
	const struct sar_appg_role	*r;
	int				 bad = arr == NULL;
	size_t				 i;

	for (i = 0; !bad && i < x->nappg_roles; i++) {
		r = &x->appg_roles[i];
		o = json_object();
		bad = o == NULL;
		bad |= set(o, "role", str(r->kind));
		bad |= set(o, "group", str(r->group));
		bad |= set(o, "detail", str(r->detail));
		bad |= set(o, "from", str(r->from));
		bad |= set(o, "to", str(r->to));
		bad = push(arr, o, bad);
	}
	return bad ? (json_decref(arr), NULL) : arr;
}

static json_t *
json_appg_texts(const struct sar_export *x)
{
	json_t				*arr = json_array(), *o;
	const struct sar_appg_text	*t;
	int				 bad = arr == NULL;
	size_t				 i;

	for (i = 0; !bad && i < x->nappg_texts; i++) {
		t = &x->appg_texts[i];
		o = json_object();
		bad = o == NULL;
		bad |= set(o, "kind", str(t->kind));
		bad |= set(o, "group", str(t->group));
		bad |= set(o, "date", str(t->date));
		bad |= set(o, "text", str(t->text));
		bad |= set(o, "detail", str(t->detail));
		bad = push(arr, o, bad);
	}
	return bad ? (json_decref(arr), NULL) : arr;
}

static json_t *
json_audit(const struct sar_export *x)
{
	json_t			*arr = json_array(), *o;
	const struct sar_audit	*l;
	int			 bad = arr == NULL;
	size_t			 i;

	for (i = 0; !bad && i < x->naudit; i++) {
		l = &x->audit[i];
		o = json_object();
		bad = o == NULL;
		bad |= set(o, "id", json_integer(l->id));
		bad |= set(o, "at", str(l->at));
		bad |= set(o, "by", str(l->actor));
		bad |= set(o, "entity", str(l->entity));
		bad |= set(o, "entity_id", json_integer(l->entity_id));
		bad |= set(o, "action", str(l->action));
		bad |= set(o, "before", logged(l->before));
		bad |= set(o, "after", logged(l->after));
		bad = push(arr, o, bad);
	}
	return bad ? (json_decref(arr), NULL) : arr;
}

static json_t *
json_about(const struct sar_export *x)
{
	json_t	*o = json_object();
	int	 bad = o == NULL;

	bad |= set(o, "person_id", json_integer(x->person_id));
	bad |= set(o, "generated_at_utc", str(x->generated_at));
	bad |= set(o, "generated_by", str(x->generated_by));
	bad |= set(o, "redaction", json_string("Other people are not named: "
	    "participants are counted, and their names in free text are "
	    "replaced by \"" SAR_REDACTED "\". Staff are counted, not named. "
	    "Someone named otherwise than by their full name in the directory "
	    "is not found: read the export through before sending it."));
	return bad ? (json_decref(o), NULL) : o;
}

static json_t *
json_export(const struct sar_export *x)
{
	json_t	*o = json_object(), *appg = json_object();
	int	 bad = o == NULL || appg == NULL;

	bad |= set(appg, "roles", json_appg_roles(x));
	bad |= set(appg, "actions_and_benefits", json_appg_texts(x));
	bad |= set(o, "export", json_about(x));
	bad |= set(o, "profile", json_profile(x));
	bad |= set(o, "history", json_terms(x));
	bad |= set(o, "merges", json_merges(x));
	bad |= set(o, "engagements", json_engagements(x));
	bad |= set(o, "follow_ups", json_follow_ups(x));
	bad |= set(o, "mentions", json_mentions(x));
	bad |= set(o, "appg", appg);
	bad |= set(o, "audit", json_audit(x));
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

int
ui_sar_json(struct buf *b, const struct sar_export *x)
{
	return ui_json_document(b, json_export(x));
}

void
ui_sar_json_filename(char *out, size_t size, const struct sar_export *x)
{
	snprintf(out, size, "subject-access-%lld-%.10s.json", x->person_id,
	    x->generated_at != NULL ? x->generated_at : "");
}
