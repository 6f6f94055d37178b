/*
 * The mentions inbox pages and the Atom feed (see ui_mentions.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "arena.h"
#include "auth.h"
#include "buf.h"
#include "html.h"
#include "layout.h"
#include "mentions.h"
#include "ui.h"
#include "ui_mentions.h"

#define SNIPPET_CHARS	200

static const struct option state_options[] = {
	{ "new", "New" },
	{ "relevant", "Relevant" },
	{ "dismissed", "Dismissed" },
	{ "logged", "Logged" },
	{ "any", "Any state" },
};

/* What an editor may set a mention to, with the button text. */
static const struct option action_options[] = {
	{ "relevant", "Relevant" },
	{ "dismissed", "Dismiss" },
	{ "new", "Back to new" },
};

#define NELEMS(a)	(sizeof(a) / sizeof((a)[0]))

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

static void
choice_select(struct html *h, const char *name, const char *label,
    const struct mention_choice *c, size_t n, const char *chosen)
{
	char	 id[32], value[24];
	size_t	 i;

	snprintf(id, sizeof(id), "f-%s", name);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	label_for(h, id, label);
	html_open(h, EL_SELECT, AT_ID, id, AT_NAME, name, AT__MAX);
	html_open(h, EL_OPTION, AT_VALUE, "", AT__MAX);
	html_text(h, "Any");
	html_close(h);
	for (i = 0; i < n; i++) {
		snprintf(value, sizeof(value), "%lld", c[i].id);
		html_open(h, EL_OPTION, AT_VALUE, value, AT_SELECTED,
		    strcmp(value, chosen) == 0 ? "" : NULL, AT__MAX);
		html_text(h, c[i].name);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
date_filter(struct html *h, const char *name, const char *label,
    const char *value)
{
	char	 id[32];

	snprintf(id, sizeof(id), "f-%s", name);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	label_for(h, id, label);
	html_open(h, EL_INPUT, AT_ID, id, AT_NAME, name, AT_TYPE, "date",
	    AT_VALUE, value, AT__MAX);
	html_close(h);
}

static void
filter_form(struct html *h, const struct mention_list_view *v)
{
	const struct mention_filter_text *f = v->filter;
	size_t				 i;

	html_open(h, EL_FORM, AT_METHOD, "get", AT_ACTION, "/mentions",
	    AT_CLASS, "filters", AT_ROLE, "search", AT__MAX);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	label_for(h, "f-state", "State");
	html_open(h, EL_SELECT, AT_ID, "f-state", AT_NAME, "state", AT__MAX);
	for (i = 0; i < NELEMS(state_options); i++) {
		html_open(h, EL_OPTION, AT_VALUE, state_options[i].value,
		    AT_SELECTED, strcmp(f->state, state_options[i].value) == 0 ?
		    "" : NULL, AT__MAX);
		html_text(h, state_options[i].label);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	choice_select(h, "term", "Watch term", v->terms, v->nterms, f->term);
	choice_select(h, "outlet", "Outlet", v->feeds, v->nfeeds, f->outlet);
	if (v->npeople > 0 || *f->person != '\0')
		choice_select(h, "person", "Person", v->people, v->npeople,
		    f->person);
	date_filter(h, "from", "Published from", f->from);
	date_filter(h, "to", "Published to", f->to);
	html_open(h, EL_DIV, AT_CLASS, "filter-actions", AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, "Filter");
	html_close(h);
	html_open(h, EL_A, AT_HREF, "/mentions", AT__MAX);
	html_text(h, "Clear filters");
	html_close(h);
	html_close(h);
	html_close(h);
}

/* The filters as hidden fields, so a POST can come back to this list. */
static void
hidden_filters(struct html *h, const struct mention_filter_text *f)
{
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "f_state",
	    AT_VALUE, f->state, AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "f_term",
	    AT_VALUE, f->term, AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "f_outlet",
	    AT_VALUE, f->outlet, AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "f_from",
	    AT_VALUE, f->from, AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "f_to",
	    AT_VALUE, f->to, AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "f_page",
	    AT_VALUE, f->page, AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "f_person",
	    AT_VALUE, f->person, AT__MAX);
}

/* Text with the hits on field highlighted, cut around the first hit. */
static void
snippet(struct html *h, const struct mention *m, const char *text,
    enum mention_field field, size_t max_chars)
{
	struct snippet_part	*parts;
	struct arena		 a;
	size_t			 n, i;

	arena_init(&a);
	if (mention_snippet(&a, text, m->hits, m->nhits, field, max_chars,
	    &parts, &n) == -1) {
		html_text(h, text);
		arena_free(&a);
		return;
	}
	for (i = 0; i < n; i++) {
		if (parts[i].hit) {
			html_open(h, EL_STRONG, AT_CLASS, "hit", AT__MAX);
			html_text(h, parts[i].text);
			html_close(h);
		} else
			html_text(h, parts[i].text);
	}
	arena_free(&a);
}

/* The engagement form takes titles of up to this many characters. */
#define ENGAGEMENT_TITLE_MAX	300

/*
 * title cut to ENGAGEMENT_TITLE_MAX characters at a character boundary
 * (into buf when it must be cut), so that the form keeps it.
 */
static const char *
title_for_form(const char *title, char *buf, size_t size)
{
	size_t	 i, chars = 0;

	for (i = 0; title[i] != '\0'; i++)
		if (((unsigned char)title[i] & 0xc0) != 0x80 &&
		    chars++ == ENGAGEMENT_TITLE_MAX)
			break;
	if (title[i] == '\0' || i >= size)
		return title[i] == '\0' ? title : "";
	memcpy(buf, title, i);
	buf[i] = '\0';
	return buf;
}

/* /engagements/new with the mention's details, for the engagement form. */
static void
log_link(struct html *h, const struct mention *m)
{
	struct buf	 b;
	char		 num[24], short_title[ENGAGEMENT_TITLE_MAX * 4 + 1];

	buf_init(&b);
	buf_puts(&b, "/engagements/new");
	snprintf(num, sizeof(num), "%lld", m->id);
	ui_query_add(&b, "mention", num);
	ui_query_add(&b, "type", "media_appearance");
	ui_query_add(&b, "date", *m->published ? m->published : m->created);
	ui_query_add(&b, "title", title_for_form(m->title, short_title,
	    sizeof(short_title)));
	ui_query_add(&b, "media_link", m->link);
	if (m->outlet_id > 0) {
		snprintf(num, sizeof(num), "%lld", m->outlet_id);
		ui_query_add(&b, "media_outlet", num);
		ui_query_add(&b, "media_medium", m->medium);
	}
	if (!b.failed) {
		html_open(h, EL_A, AT_HREF, b.data, AT_CLASS, "button log",
		    AT__MAX);
		html_text(h, "Log as media engagement");
		html_close(h);
	}
	buf_free(&b);
}

static void
row_actions(struct html *h, const struct mention *m)
{
	char	 value[48];
	size_t	 i;

	html_open(h, EL_DIV, AT_CLASS, "row-actions", AT__MAX);
	if (strcmp(m->state, "logged") != 0) {
		for (i = 0; i < NELEMS(action_options); i++) {
			if (strcmp(m->state, action_options[i].value) == 0)
				continue;
			snprintf(value, sizeof(value), "%lld:%s", m->id,
			    action_options[i].value);
			html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_NAME, "row",
			    AT_VALUE, value, AT__MAX);
			html_text(h, action_options[i].label);
			html_close(h);
		}
		log_link(h, m);
	}
	html_close(h);
}

/* "Outlet, 2024-03-11" (or "fetched 2024-03-11" when the feed gave no date). */
static void
mention_meta(struct html *h, const struct mention *m)
{
	html_open(h, EL_P, AT_CLASS, "meta", AT__MAX);
	html_open(h, EL_SPAN, AT_CLASS, "outlet", AT__MAX);
	html_text(h, m->outlet);
	html_close(h);
	if (*m->published) {
		html_text(h, m->undated ? ", fetched " : ", ");
		html_open(h, EL_TIME, AT_DATETIME, m->published, AT__MAX);
		html_text(h, m->published);
		html_close(h);
	}
	html_close(h);
}

/* "Names: Helen Marchbank" with links to their directory pages. */
static void
people_line(struct html *h, const struct mention *m)
{
	char	 href[48];
	size_t	 i;

	if (m->npeople == 0)
		return;
	html_open(h, EL_P, AT_CLASS, "people", AT__MAX);
	html_text(h, "Names: ");
	for (i = 0; i < m->npeople; i++) {
		if (i > 0)
			html_text(h, ", ");
		snprintf(href, sizeof(href), "/people/%lld", m->people[i].id);
		html_open(h, EL_A, AT_HREF, href, AT__MAX);
		html_text(h, m->people[i].name);
		html_close(h);
	}
	html_close(h);
}

/* "Also in: Outlet A, Outlet B (relevant)": the story's other outlets. */
static void
mention_also(struct html *h, const struct mention *m)
{
	size_t	 i;

	if (m->nalso == 0)
		return;
	html_open(h, EL_P, AT_CLASS, "also", AT__MAX);
	html_text(h, "Also in: ");
	for (i = 0; i < m->nalso; i++) {
		const struct mention_also	*o = &m->also[i];

		if (i > 0)
			html_text(h, ", ");
		if (*o->link && html_url_safe(o->link)) {
			html_open(h, EL_A, AT_HREF, o->link, AT_REL,
			    "noreferrer", AT__MAX);
			html_text(h, o->outlet);
			html_close(h);
		} else
			html_text(h, o->outlet);
		if (strcmp(o->state, m->state) != 0)
			html_textf(h, " (%s)", o->state);
	}
	html_close(h);
}

static void
mention_row(struct html *h, const struct mention *m, int edit)
{
	char	 id[24], label[48];
	size_t	 i;

	snprintf(id, sizeof(id), "%lld", m->id);
	snprintf(label, sizeof(label), "m-%lld", m->id);
	html_open(h, EL_TR, AT_ID, label, AT__MAX);
	if (edit) {
		html_open(h, EL_TD, AT__MAX);
		html_open(h, EL_INPUT, AT_TYPE, "checkbox", AT_NAME, "id",
		    AT_VALUE, id, AT_ARIA_LABEL, "Select", AT__MAX);
		html_close(h);
	}
	html_open(h, EL_TD, AT_CLASS, "mention", AT__MAX);
	html_open(h, EL_H3, AT__MAX);
	if (*m->link && html_url_safe(m->link))
		html_open(h, EL_A, AT_HREF, m->link, AT_REL, "noreferrer",
		    AT__MAX);
	else
		html_open(h, EL_SPAN, AT__MAX);
	snippet(h, m, m->title, MENTION_TITLE, 1000);
	html_close(h);
	html_close(h);
	mention_meta(h, m);
	mention_also(h, m);
	html_open(h, EL_P, AT_CLASS, "snippet", AT__MAX);
	snippet(h, m, m->summary, MENTION_SUMMARY, SNIPPET_CHARS);
	html_close(h);
	html_open(h, EL_P, AT_CLASS, "terms", AT__MAX);
	html_text(h, "Matched: ");
	for (i = 0; i < m->nterms; i++) {
		html_open(h, EL_SPAN, AT_CLASS, "tag term", AT__MAX);
		html_text(h, m->terms[i]);
		html_close(h);
		html_text(h, " ");
	}
	html_close(h);
	people_line(h, m);
	html_close(h);
	html_open(h, EL_TD, AT__MAX);
	html_open(h, EL_SPAN, AT_CLASS, "tag state", AT__MAX);
	html_text(h, m->state);
	html_close(h);
	if (edit)
		row_actions(h, m);
	html_close(h);
	html_close(h);
}

static void
list_table(struct html *h, const struct mention_list_view *v, int edit)
{
	size_t	 i;

	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, "list mentions", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	if (edit) {
		html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
		html_text(h, "Select");
		html_close(h);
	}
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Mention");
	html_close(h);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "State");
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < v->nrows; i++)
		mention_row(h, &v->rows[i], edit);
	html_close(h);
	html_close(h);
	html_close(h);
}

/* The states the bulk action sets, as the select names them. */
static const struct option bulk_options[] = {
	{ "relevant", "Relevant" },
	{ "dismissed", "Dismissed" },
	{ "new", "New" },
};

static void
bulk_controls(struct html *h)
{
	size_t	 i;

	html_open(h, EL_DIV, AT_CLASS, "bulk-actions", AT__MAX);
	label_for(h, "f-bulk-state", "Mark selected as");
	html_open(h, EL_SELECT, AT_ID, "f-bulk-state", AT_NAME, "state",
	    AT__MAX);
	for (i = 0; i < NELEMS(bulk_options); i++) {
		html_open(h, EL_OPTION, AT_VALUE, bulk_options[i].value,
		    AT__MAX);
		html_text(h, bulk_options[i].label);
		html_close(h);
	}
	html_close(h);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, "Apply to selected");
	html_close(h);
	html_close(h);
}

/*
 * "Follow in a feed reader": a reader cannot log in, so each user may
 * make a private address for the Atom feed.
 */
static void
feed_key_section(struct html *h, const struct mention_list_view *v)
{
	html_elem(h, EL_H2, "Follow in a feed reader");
	if (v->feed_key_created == NULL) {
		html_elem(h, EL_P, "A feed reader cannot log in. Make a private "
		    "address for the Atom feed of relevant mentions to give to "
		    "your reader.");
		ui_post_button(h, "/mentions/feed-key", v->session->csrf,
		    "Make my private feed address", "op", "make");
		return;
	}
	html_open(h, EL_P, AT__MAX);
	html_textf(h, "You made a private feed address on %s. If you have "
	    "lost it, or someone else has it, make a new one: the old one "
	    "stops working.", v->feed_key_created);
	html_close(h);
	ui_post_button(h, "/mentions/feed-key", v->session->csrf,
	    "Make a new private feed address", "op", "make");
	ui_post_button(h, "/mentions/feed-key", v->session->csrf,
	    "Stop my private feed address", "op", "revoke");
}

void
ui_mention_list(struct html *h, const struct mention_list_view *v)
{
	const struct page	 p = { "Press mentions", v->session, AREA_PRESS };
	int			 edit = can_edit(v->session);
	char			 url[2300];

	layout_begin(h, &p);
	if (v->notice)
		ui_notice(h, v->notice);
	html_open(h, EL_P, AT_CLASS, "actions", AT__MAX);
	html_open(h, EL_A, AT_HREF, "/mentions.atom", AT_CLASS, "button",
	    AT__MAX);
	html_text(h, "Atom feed of relevant mentions");
	html_close(h);
	html_text(h, " ");
	html_open(h, EL_A, AT_HREF, "/feeds", AT__MAX);
	html_text(h, "Feeds");
	html_close(h);
	html_text(h, " · ");
	html_open(h, EL_A, AT_HREF, "/watch-terms", AT__MAX);
	html_text(h, "Watch terms");
	html_close(h);
	html_close(h);
	filter_form(h, v);
	html_open(h, EL_P, AT_ROLE, "status", AT__MAX);
	if (v->more)
		html_textf(h, "More than %zu mentions", v->total);
	else
		html_textf(h, "%zu mention%s", v->total,
		    v->total == 1 ? "" : "s");
	html_close(h);
	if (v->nrows > 0) {
		if (edit) {
			html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION,
			    "/mentions/bulk", AT_CLASS, "bulk", AT__MAX);
			layout_csrf_input(h, v->session->csrf);
			hidden_filters(h, v->filter);
			bulk_controls(h);
		}
		list_table(h, v, edit);
		if (edit)
			html_close(h);
	}
	snprintf(url, sizeof(url), "/mentions%s%s", v->query,
	    *v->query ? "&" : "?");
	if (v->more)
		ui_pagination_open(h, url, v->page, 1);
	else
		ui_pagination(h, url, v->page, v->total, v->per_page);
	feed_key_section(h, v);
	layout_end(h);
}

/* POST /mentions/feed-key: the new private address, once. */
void
ui_feed_key(struct html *h, const struct feed_key_view *v)
{
	const struct page	 p = { "Your private feed address", v->session,
				    AREA_PRESS };

	layout_begin(h, &p);
	html_elem(h, EL_P, "Copy this address into your feed reader now: it "
	    "is shown only this once. Anyone who has it can read the "
	    "relevant mentions, so keep it to yourself; make a new one, or "
	    "stop it, on the mentions page if it gets out.");
	html_open(h, EL_P, AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "feed-url", AT__MAX);
	html_text(h, "Feed address");
	html_close(h);
	html_open(h, EL_INPUT, AT_ID, "feed-url", AT_TYPE, "text", AT_VALUE,
	    v->url, AT_SIZE, "80", AT_AUTOCOMPLETE, "off", AT__MAX);
	html_close(h);
	html_open(h, EL_P, AT__MAX);
	html_open(h, EL_A, AT_HREF, "/mentions", AT__MAX);
	html_text(h, "Back to the mentions");
	html_close(h);
	html_close(h);
	layout_end(h);
}

/*
 * s without what XML 1.0 cannot carry: C0 controls other than tab, line
 * feed and carriage return, and U+FFFE and U+FFFF (libxml2's writer
 * passes them through, which would leave the document unreadable).  s
 * itself when clean; NULL when out of memory.
 */
static const char *
xml_text(struct arena *a, const char *s)
{
	const unsigned char	*p;
	char			*out, *q;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
		    (p[0] == 0xef && p[1] == 0xbf && (p[2] == 0xbe ||
		    p[2] == 0xbf)))
			break;
	if (*p == '\0')
		return s;
	if ((out = arena_strdup(a, s)) == NULL)
		return NULL;
	for (p = (const unsigned char *)s, q = out; *p != '\0'; p++) {
		if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
			continue;
		if (p[0] == 0xef && p[1] == 0xbf && (p[2] == 0xbe ||
		    p[2] == 0xbf)) {
			p += 2;
			continue;
		}
		*q++ = (char)*p;
	}
	*q = '\0';
	return out;
}

/* An element holding text, cleaned for XML; -1 on failure. */
static int
write_text(xmlTextWriterPtr w, struct arena *a, const char *name,
    const char *type, const char *text)
{
	const char	*t = xml_text(a, text);

	if (t == NULL || xmlTextWriterStartElement(w, BAD_CAST name) < 0 ||
	    (type != NULL && xmlTextWriterWriteAttribute(w, BAD_CAST "type",
	    BAD_CAST type) < 0) ||
	    xmlTextWriterWriteString(w, BAD_CAST t) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return 0;
}

/* <link rel="rel" href="href"/>. */
static int
write_link(xmlTextWriterPtr w, struct arena *a, const char *rel,
    const char *href)
{
	const char	*t = xml_text(a, href);

	if (t == NULL || xmlTextWriterStartElement(w, BAD_CAST "link") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST rel) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST t) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return 0;
}

/* The summary, then the story's other outlets. */
static const char *
entry_summary(struct arena *a, const struct mention *m)
{
	struct buf	 b;
	const char	*s;
	size_t		 i;

	if (m->nalso == 0)
		return m->summary;
	buf_init(&b);
	buf_printf(&b, "%s%sAlso in: ", m->summary, *m->summary ? "\n\n" : "");
	for (i = 0; i < m->nalso; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", m->also[i].outlet);
	buf_puts(&b, ".");
	s = b.failed ? NULL : arena_strdup(a, b.data);
	buf_free(&b);
	return s;
}

/*
 * One <entry>: id, title, link, updated, the outlet as author, a
 * category per term, summary.
 */
static int
write_entry(xmlTextWriterPtr w, struct arena *a, const struct mention *m)
{
	char		 id[64];
	const char	*summary;
	size_t		 i;

	snprintf(id, sizeof(id), "tag:tracker,2026:mention-%lld", m->id);
	if ((summary = entry_summary(a, m)) == NULL ||
	    xmlTextWriterStartElement(w, BAD_CAST "entry") < 0 ||
	    xmlTextWriterWriteElement(w, BAD_CAST "id", BAD_CAST id) < 0 ||
	    write_text(w, a, "title", "text", m->title) == -1)
		return -1;
	if (*m->link && html_url_safe(m->link) &&
	    write_link(w, a, "alternate", m->link) == -1)
		return -1;
	if (xmlTextWriterWriteElement(w, BAD_CAST "updated",
	    BAD_CAST m->updated) < 0 ||
	    xmlTextWriterStartElement(w, BAD_CAST "author") < 0 ||
	    write_text(w, a, "name", NULL, m->outlet) == -1 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	for (i = 0; i < m->nterms; i++) {
		const char	*t = xml_text(a, m->terms[i]);

		if (t == NULL ||
		    xmlTextWriterStartElement(w, BAD_CAST "category") < 0 ||
		    xmlTextWriterWriteAttribute(w, BAD_CAST "term",
		    BAD_CAST t) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	if (write_text(w, a, "summary", "text", summary) == -1 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return 0;
}

/* The feed's head: id, title, updated, its links. */
static int
write_head(xmlTextWriterPtr w, struct arena *a, const char *updated,
    const char *self_url, const char *inbox_url)
{
	if (xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElementNS(w, NULL, BAD_CAST "feed",
	    BAD_CAST "http://www.w3.org/2005/Atom") < 0 ||
	    xmlTextWriterWriteElement(w, BAD_CAST "id",
	    BAD_CAST "tag:tracker,2026:mentions") < 0 ||
	    xmlTextWriterWriteElement(w, BAD_CAST "title",
	    BAD_CAST "Relevant press mentions") < 0 ||
	    xmlTextWriterWriteElement(w, BAD_CAST "updated",
	    BAD_CAST updated) < 0 ||
	    write_link(w, a, "self", self_url) == -1 ||
	    write_link(w, a, "alternate", inbox_url) == -1)
		return -1;
	return 0;
}

int
ui_mentions_atom(struct buf *out, const struct mention *m, size_t n,
    const char *now, const char *self_url, const char *inbox_url)
{
	struct arena		 a;
	xmlBufferPtr		 xb;
	xmlTextWriterPtr	 w = NULL;
	const char		*updated = now;
	size_t			 i;
	int			 rc = -1;

	/* The newest change of any entry (RFC 3339 UTC sorts as text). */
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(m[i].updated, updated) > 0)
			updated = m[i].updated;
	if ((xb = xmlBufferCreate()) == NULL)
		return -1;
	arena_init(&a);
	if ((w = xmlNewTextWriterMemory(xb, 0)) == NULL ||
	    write_head(w, &a, updated, self_url, inbox_url) == -1)
		goto fail;
	for (i = 0; i < n; i++)
		if (write_entry(w, &a, &m[i]) == -1)
			goto fail;
	if (xmlTextWriterEndDocument(w) < 0)
		goto fail;
	xmlFreeTextWriter(w);	/* flushes into xb */
	w = NULL;
	buf_append(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	rc = out->failed ? -1 : 0;
fail:
	if (w != NULL)
		xmlFreeTextWriter(w);
	xmlBufferFree(xb);
	arena_free(&a);
	return rc;
}
