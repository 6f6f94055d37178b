#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "auth.h"
#include "buf.h"
#include "csv.h"
#include "engagements.h"
#include "form.h"
#include "html.h"
#include "layout.h"
#include "report.h"
#include "ui.h"
#include "ui_engagements.h"
#include "ui_report.h"

#define REPORT_PATH	"/reports/engagement"

static const char *const section_titles[RS__MAX] = {
	[RS_TYPE] = "By type",
	[RS_MEDIUM] = "Media appearances by medium",
	[RS_ORG_KIND] = "By kind of organisation",
	[RS_CATEGORY] = "By category of person",
	[RS_DECISION_MAKERS] = "Decision makers: new and met before",
	[RS_PARTY] = "By party: our reach beside seats",
	[RS_AREA] = "By policy area",
};

static const char *const first_column[RS__MAX] = {
	[RS_TYPE] = "Type",
	[RS_MEDIUM] = "Medium",
	[RS_ORG_KIND] = "Kind",
	[RS_CATEGORY] = "Category",
	[RS_DECISION_MAKERS] = "Engagements",
	[RS_PARTY] = "Party",
	[RS_AREA] = "Policy area",
};

/* What each section counts, said once under its heading. */
static const char *const section_notes[RS__MAX] = {
	[RS_TYPE] = "Each engagement has one type, so these add up to the "
	    "total.",
	[RS_MEDIUM] = "Media appearances by the medium recorded on them.",
	[RS_ORG_KIND] = "An engagement counts once for each kind of "
	    "organisation recorded on it, its media outlet included, so these "
	    "may add up to more or less than the total.",
	[RS_CATEGORY] = "A person's category on the engagement's date (from "
	    "their dated terms; where none covers the date, their category "
	    "now). An engagement counts once for each category of the people "
	    "on it. Decision makers' categories are marked.",
	[RS_DECISION_MAKERS] = "Engagements with at least one person whose "
	    "category was then a decision maker's. A decision maker is new to "
	    "us on their first engagement with us ever, not only in this "
	    "period; an engagement with a new and a known decision maker "
	    "counts in both rows.",
	[RS_PARTY] = "A person's party on the engagement's date (from their "
	    "dated terms; where none covers the date, their party now). An "
	    "engagement with people of two parties counts once for each, so "
	    "this column can add up to more than the total, and engagements "
	    "with no one of a party are not in it. Share of engagements: each "
	    "party's count over the sum of the column, so shares add up to "
	    "100% like shares of seats.",
	[RS_AREA] = "An engagement counts once for each policy area recorded "
	    "on it. Priority areas are marked.",
};

/* --- links to the engagements behind a number ----------------------------- */

const char *
ui_report_drill(struct arena *a, const struct report_period *p,
    enum report_section s, const char *key)
{
	struct buf	 b;
	const char	*out;

	buf_init(&b);
	buf_puts(&b, "/engagements");
	ui_query_add(&b, "from", p->from);
	ui_query_add(&b, "to", p->to);
	switch (s) {
	case RS_TYPE:
		ui_query_add(&b, "type", key);
		break;
	case RS_MEDIUM:
		ui_query_add(&b, "medium", key);
		break;
	case RS_ORG_KIND:
		ui_query_add(&b, "org_kind", key);
		break;
	case RS_CATEGORY:
		ui_query_add(&b, "category", key);
		ui_query_add(&b, "as_at", "then");
		break;
	case RS_DECISION_MAKERS:
		ui_query_add(&b, "dm", "1");
		ui_query_add(&b, "novelty", key);
		break;
	case RS_PARTY:
		ui_query_add(&b, "party", key);
		ui_query_add(&b, "as_at", "then");
		break;
	case RS_AREA:
		ui_query_add(&b, "area", key);
		break;
	default:
		break;
	}
	out = b.failed ? NULL : arena_strdup(a, b.data);
	buf_free(&b);
	return out;
}

/* --- small formatting ----------------------------------------------------- */

/* 12345 as "12,345". */
static const char *
count_text(char out[32], long n)
{
	char	 digits[24];
	size_t	 len, i, o = 0;

	snprintf(digits, sizeof(digits), "%ld", n < 0 ? -n : n);
	len = strlen(digits);
	if (n < 0)
		out[o++] = '-';
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return out;
}

/* "+3 (+50%)", "−2", "no change". */
static const char *
change_text(char out[64], long now, long before)
{
	char	 n[32];
	long	 d = now - before;

	if (d == 0) {
		snprintf(out, 64, "no change");
		return out;
	}
	count_text(n, d < 0 ? -d : d);
	if (before > 0)
		snprintf(out, 64, "%s%s (%s%.0f%%)", d > 0 ? "+" : "−", n,
		    d > 0 ? "+" : "−", 100.0 * (double)(d < 0 ? -d : d) /
		    (double)before);
	else
		snprintf(out, 64, "%s%s", d > 0 ? "+" : "−", n);
	return out;
}

static const char *
share_text(char out[16], long part, long whole)
{
	if (whole <= 0)
		snprintf(out, 16, "—");
	else
		snprintf(out, 16, "%.1f%%", 100.0 * (double)part / (double)whole);
	return out;
}

/* "2024-07-01" as "1 July 2024". */
static const char *
date_text(char out[32], const char *date)
{
	static const char *const months[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	int	 y, m, d;

	if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		snprintf(out, 32, "%s", date);
	else
		snprintf(out, 32, "%d %s %d", d, months[m - 1], y);
	return out;
}

static void
period_text(struct html *h, const struct report_period *p)
{
	char	 a[32], b[32];

	html_textf(h, "%s to %s", date_text(a, p->from), date_text(b, p->to));
}

/* --- the page ------------------------------------------------------------- */

static void
th(struct html *h, const char *scope, const char *text)
{
	html_open(h, EL_TH, AT_SCOPE, scope, AT__MAX);
	html_text(h, text);
	html_close(h);
}

/* A count in a cell, linked to its engagements. */
static void
count_cell(struct html *h, struct arena *a, const struct report_period *p,
    enum report_section s, const char *key, long n)
{
	const char	*href = ui_report_drill(a, p, s, key);
	char		 num[32];

	html_open(h, EL_TD, AT_CLASS, "num", AT__MAX);
	if (href != NULL)
		html_open(h, EL_A, AT_HREF, href, AT__MAX);
	html_text(h, count_text(num, n));
	if (href != NULL)
		html_close(h);
	html_close(h);
}

static void
change_cell(struct html *h, long now, long before)
{
	char	 text[64];

	html_open(h, EL_TD, AT_CLASS, "num change", AT__MAX);
	html_text(h, change_text(text, now, before));
	html_close(h);
}

static void
table_head(struct html *h, const char *first, int party)
{
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	th(h, "col", first);
	th(h, "col", "This period");
	if (party)
		th(h, "col", "Share of engagements");
	th(h, "col", "A year earlier");
	th(h, "col", "Change");
	if (party) {
		th(h, "col", "Seats (MPs)");
		th(h, "col", "Share of seats");
	}
	html_close(h);
	html_close(h);
}

static void
item_label(struct html *h, enum report_section s,
    const struct report_item *it)
{
	html_open(h, EL_TH, AT_SCOPE, "row", AT__MAX);
	html_text(h, it->label);
	if (it->flag && (s == RS_CATEGORY || s == RS_AREA)) {
		html_open(h, EL_SPAN, AT_CLASS, "tag tag-new", AT__MAX);
		html_text(h, s == RS_CATEGORY ? "decision maker" : "priority");
		html_close(h);
	}
	html_close(h);
}

static void
party_cells(struct html *h, const struct engagement_report *r,
    const struct report_item *it, int seats_part)
{
	char	 text[32];

	html_open(h, EL_TD, AT_CLASS, "num", AT__MAX);
	if (seats_part)
		html_text(h, count_text(text, it->seats));
	else
		html_text(h, share_text(text, it->count, r->party_sum));
	html_close(h);
	if (seats_part) {
		html_open(h, EL_TD, AT_CLASS, "num", AT__MAX);
		html_text(h, share_text(text, it->seats, r->seats_total));
		html_close(h);
	}
}

static void
item_row(struct html *h, struct arena *a, const struct engagement_report *r,
    enum report_section s, const struct report_item *it)
{
	html_open(h, EL_TR, AT__MAX);
	item_label(h, s, it);
	count_cell(h, a, &r->period, s, it->key, it->count);
	if (s == RS_PARTY)
		party_cells(h, r, it, 0);
	count_cell(h, a, &r->previous, s, it->key, it->previous);
	change_cell(h, it->count, it->previous);
	if (s == RS_PARTY)
		party_cells(h, r, it, 1);
	html_close(h);
}

static void
section_table(struct html *h, struct arena *a,
    const struct engagement_report *r, enum report_section s)
{
	char	 id[40];
	size_t	 i;

	snprintf(id, sizeof(id), "report-%s", report_section_names[s]);
	html_open(h, EL_SECTION, AT_CLASS, "report-section", AT__MAX);
	html_elem(h, EL_H2, section_titles[s]);
	html_open(h, EL_P, AT_CLASS, "hint", AT__MAX);
	html_text(h, section_notes[s]);
	if (s == RS_PARTY)
		html_textf(h, " Seats: the %ld MPs the directory holds as "
		    "current now (House of Commons, with a current term), by "
		    "their party today.", r->seats_total);
	html_close(h);
	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, "report", AT_ID, id, AT__MAX);
	table_head(h, first_column[s], s == RS_PARTY);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < r->nitems[s]; i++)
		item_row(h, a, r, s, &r->items[s][i]);
	html_close(h);
	html_close(h);
	html_close(h);
	html_close(h);
}

/* The headline: all engagements, then those with decision makers. */
static void
summary_table(struct html *h, struct arena *a,
    const struct engagement_report *r)
{
	const struct report_item all = { "", "All engagements", r->total,
	    r->previous_total, 0, 0 };
	size_t	 i;

	html_open(h, EL_SECTION, AT_CLASS, "report-section", AT__MAX);
	html_elem(h, EL_H2, "Summary");
	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, "report", AT_ID, "report-summary",
	    AT__MAX);
	table_head(h, "Engagements", 0);
	html_open(h, EL_TBODY, AT__MAX);
	html_open(h, EL_TR, AT_CLASS, "total", AT__MAX);
	item_label(h, RS__MAX, &all);
	count_cell(h, a, &r->period, RS__MAX, "", r->total);
	count_cell(h, a, &r->previous, RS__MAX, "", r->previous_total);
	change_cell(h, r->total, r->previous_total);
	html_close(h);
	for (i = 0; i < r->nitems[RS_DECISION_MAKERS]; i++)
		item_row(h, a, r, RS_DECISION_MAKERS,
		    &r->items[RS_DECISION_MAKERS][i]);
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, EL_P, AT_CLASS, "hint", AT__MAX);
	html_text(h, section_notes[RS_DECISION_MAKERS]);
	html_close(h);
	html_close(h);
}

static void
preset_links(struct html *h, const struct report_view *v)
{
	static const char *const names[PRESET__MAX] = {
		[PRESET_THIS_YEAR] = "This strategy year",
		[PRESET_LAST_YEAR] = "Last strategy year",
		[PRESET_THIS_MONTH] = "This month",
		[PRESET_LAST_MONTH] = "Last month",
	};
	const struct report_period	*now = v->report ? &v->report->period :
					    NULL;
	char				 href[80];
	size_t				 i;

	html_open(h, EL_NAV, AT_CLASS, "presets", AT_ARIA_LABEL, "Periods",
	    AT__MAX);
	html_open(h, EL_UL, AT__MAX);
	for (i = 0; i < PRESET__MAX; i++) {
		const struct report_period *p = &v->presets[i];
		int current = now != NULL && strcmp(now->from, p->from) == 0 &&
		    strcmp(now->to, p->to) == 0;

		snprintf(href, sizeof(href), REPORT_PATH "?from=%s&to=%s",
		    p->from, p->to);
		html_open(h, EL_LI, AT__MAX);
		html_open(h, EL_A, AT_HREF, href, AT_ARIA_CURRENT,
		    current ? "page" : NULL, AT__MAX);
		html_text(h, names[i]);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
period_form(struct html *h, const struct report_view *v)
{
	form_render_summary(h, v->form);
	html_open(h, EL_FORM, AT_METHOD, "get", AT_ACTION, REPORT_PATH,
	    AT_CLASS, "filters period", AT__MAX);
	form_render_fields(h, v->form);
	html_open(h, EL_DIV, AT_CLASS, "filter-actions", AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, "Show the report");
	html_close(h);
	html_close(h);
	html_close(h);
}

static void
download_links(struct html *h, const struct engagement_report *r)
{
	char	 href[96];

	html_open(h, EL_P, AT_CLASS, "actions", AT__MAX);
	snprintf(href, sizeof(href), REPORT_PATH "?from=%s&to=%s&format=csv",
	    r->period.from, r->period.to);
	html_open(h, EL_A, AT_HREF, href, AT_CLASS, "button", AT__MAX);
	html_text(h, "Download CSV");
	html_close(h);
	snprintf(href, sizeof(href), REPORT_PATH "?from=%s&to=%s&format=json",
	    r->period.from, r->period.to);
	html_open(h, EL_A, AT_HREF, href, AT_CLASS, "button", AT__MAX);
	html_text(h, "JSON");
	html_close(h);
	html_open(h, EL_SPAN, AT_CLASS, "hint", AT__MAX);
	html_text(h, "To print, use your browser's Print: the page is laid out "
	    "for A4.");
	html_close(h);
	html_close(h);
}

static void
people_list(struct html *h, const struct report_row *row)
{
	size_t	 i;

	if (row->npeople == 0)
		return;
	html_open(h, EL_UL, AT_CLASS, "plain", AT__MAX);
	for (i = 0; i < row->npeople; i++) {
		html_open(h, EL_LI, AT__MAX);
		ui_eng_person(h, &row->people[i], 0);
		html_close(h);
	}
	html_close(h);
}

static void
list_row(struct html *h, const struct report_row *row)
{
	char	 href[48];

	snprintf(href, sizeof(href), "/engagements/%lld", row->id);
	html_open(h, EL_TR, AT__MAX);
	html_open(h, EL_TD, AT_CLASS, "nowrap", AT__MAX);
	html_open(h, EL_TIME, AT_DATETIME, row->date, AT__MAX);
	html_text(h, row->date);
	html_close(h);
	html_close(h);
	html_open(h, EL_TD, AT__MAX);
	html_open(h, EL_A, AT_HREF, href, AT__MAX);
	html_text(h, row->title);
	html_close(h);
	if (row->confidential) {
		html_text(h, " ");
		html_open(h, EL_SPAN, AT_CLASS, "tag tag-confidential",
		    AT__MAX);
		html_text(h, "Confidential");
		html_close(h);
	}
	html_open(h, EL_SMALL, AT_CLASS, "type", AT__MAX);
	html_textf(h, " %s", row->type_label);
	html_close(h);
	people_list(h, row);
	html_close(h);
	html_open(h, EL_TD, AT_CLASS, "markdown", AT__MAX);
	if (row->outcome != NULL && *row->outcome != '\0')
		html_markdown(h, row->outcome);
	else
		html_text(h, "—");
	html_close(h);
	html_close(h);
}

static void
list_intro(struct html *h, struct arena *a, const struct engagement_report *r)
{
	const char	*all = ui_report_drill(a, &r->period, RS__MAX, "");
	char		 num[32];

	html_open(h, EL_P, AT__MAX);
	if ((long)r->nrows < r->total)
		html_textf(h, "The first %zu of %s, in date order. ", r->nrows,
		    count_text(num, r->total));
	else
		html_textf(h, "All %s, in date order. ",
		    count_text(num, r->total));
	if (all != NULL) {
		html_open(h, EL_A, AT_HREF, all, AT__MAX);
		html_text(h, "Search and filter them in the engagements list");
		html_close(h);
		html_text(h, ".");
	}
	html_close(h);
}

static void
report_list(struct html *h, struct arena *a,
    const struct engagement_report *r)
{
	size_t	 i;

	html_open(h, EL_SECTION, AT_CLASS, "report-section report-list",
	    AT__MAX);
	html_elem(h, EL_H2, "The engagements and their outcomes");
	list_intro(h, a, r);
	if (r->nrows > 0) {
		html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
		html_open(h, EL_TABLE, AT_CLASS, "list report-engagements",
		    AT__MAX);
		html_open(h, EL_THEAD, AT__MAX);
		html_open(h, EL_TR, AT__MAX);
		th(h, "col", "Date");
		th(h, "col", "Engagement and people (party on the date)");
		th(h, "col", "Outcome");
		html_close(h);
		html_close(h);
		html_open(h, EL_TBODY, AT__MAX);
		for (i = 0; i < r->nrows; i++)
			list_row(h, &r->rows[i]);
		html_close(h);
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

static void
report_body(struct html *h, struct arena *a, const struct engagement_report *r)
{
	static const enum report_section order[] = { RS_TYPE, RS_PARTY,
	    RS_CATEGORY, RS_AREA, RS_MEDIUM, RS_ORG_KIND };
	size_t	 i;

	html_open(h, EL_P, AT_CLASS, "lead", AT__MAX);
	period_text(h, &r->period);
	html_text(h, ", beside the same days a year earlier (");
	period_text(h, &r->previous);
	html_text(h, "). Deleted engagements are not counted. Every number "
	    "links to the engagements behind it.");
	html_close(h);
	download_links(h, r);
	summary_table(h, a, r);
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		section_table(h, a, r, order[i]);
	report_list(h, a, r);
}

void
ui_report_page(struct html *h, const struct report_view *v)
{
	const struct page	 p = { "Policy engagement report", v->session,
	    AREA_REPORTS };
	struct arena		 a;

	arena_init(&a);
	layout_begin(h, &p);
	preset_links(h, v);
	period_form(h, v);
	if (v->report != NULL)
		report_body(h, &a, v->report);
	layout_end(h);
	arena_free(&a);
}

/* --- CSV ------------------------------------------------------------------ */

static void
csv_count_row(struct buf *b, const struct engagement_report *r,
    const char *section, const struct report_item *it, int with_seats)
{
	char		 count[24], previous[24], seats[24];
	const char	*cells[10] = { section, it->key, it->label, count,
	    previous, with_seats ? seats : "", r->period.from, r->period.to,
	    r->previous.from, r->previous.to };

	snprintf(count, sizeof(count), "%ld", it->count);
	snprintf(previous, sizeof(previous), "%ld", it->previous);
	snprintf(seats, sizeof(seats), "%ld", it->seats);
	csv_row(b, cells, 10);
}

void
ui_report_csv(struct buf *b, const struct engagement_report *r)
{
	static const char *const head[10] = { "section", "key", "label",
	    "count", "previous_count", "seats", "from", "to", "previous_from",
	    "previous_to" };
	const struct report_item all = { "", "All engagements", r->total,
	    r->previous_total, 0, 0 };
	size_t	 s, i;

	csv_row(b, head, 10);
	csv_count_row(b, r, "total", &all, 0);
	for (s = 0; s < RS__MAX; s++)
		for (i = 0; i < r->nitems[s]; i++)
			csv_count_row(b, r, report_section_names[s],
			    &r->items[s][i], s == RS_PARTY);
}

/* --- JSON ----------------------------------------------------------------- */

/* json_object_set_new that reports failure (jansson frees the value). */
static int
set(json_t *o, const char *key, json_t *v)
{
	return v == NULL || json_object_set_new(o, key, v) == -1 ? -1 : 0;
}

static double
ratio(long part, long whole)
{
	return whole > 0 ? (double)part / (double)whole : 0.0;
}

static json_t *
json_item(struct arena *a, const struct engagement_report *r,
    enum report_section s, const struct report_item *it)
{
	json_t	*o = json_object();
	int	 bad = o == NULL;

	bad |= set(o, "key", json_string(it->key));
	bad |= set(o, "label", json_string(it->label));
	bad |= set(o, "count", json_integer(it->count));
	bad |= set(o, "previous_count", json_integer(it->previous));
	bad |= set(o, "engagements_url", json_string(ui_report_drill(a,
	    &r->period, s, it->key)));
	if (s == RS_CATEGORY)
		bad |= set(o, "decision_maker", json_boolean(it->flag));
	if (s == RS_AREA)
		bad |= set(o, "priority", json_boolean(it->flag));
	if (s == RS_PARTY) {
		bad |= set(o, "share", json_real(ratio(it->count, r->party_sum)));
		bad |= set(o, "seats", json_integer(it->seats));
		bad |= set(o, "seat_share", json_real(ratio(it->seats,
		    r->seats_total)));
	}
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *
json_section(struct arena *a, const struct engagement_report *r,
    enum report_section s)
{
	json_t	*arr = json_array();
	size_t	 i;

	for (i = 0; arr != NULL && i < r->nitems[s]; i++)
		if (json_array_append_new(arr, json_item(a, r, s,
		    &r->items[s][i])) == -1) {
			json_decref(arr);
			return NULL;
		}
	return arr;
}

static long
dm_count(const struct engagement_report *r, const char *key, int previous)
{
	const struct report_item *it = report_item_find(r, RS_DECISION_MAKERS,
	    key);

	return it == NULL ? 0 : previous ? it->previous : it->count;
}

/* The headline counts of a period: total and decision makers. */
static int
json_headline(json_t *o, const struct engagement_report *r, int previous)
{
	const struct report_period *p = previous ? &r->previous : &r->period;
	int	 bad = 0;

	bad |= set(o, "from", json_string(p->from));
	bad |= set(o, "to", json_string(p->to));
	bad |= set(o, "total", json_integer(previous ? r->previous_total :
	    r->total));
	bad |= set(o, "decision_makers", json_integer(dm_count(r, "",
	    previous)));
	bad |= set(o, "new_decision_makers", json_integer(dm_count(r, "new",
	    previous)));
	bad |= set(o, "existing_decision_makers", json_integer(dm_count(r,
	    "existing", previous)));
	return bad ? -1 : 0;
}

static json_t *
json_person(const struct eng_person *p)
{
	json_t	*o = json_object();
	int	 bad = o == NULL;

	bad |= set(o, "id", json_integer(p->id));
	bad |= set(o, "name", json_string(p->name));
	bad |= set(o, "party", json_string(p->party));
	bad |= set(o, "category", json_string(p->category_label));
	bad |= set(o, "new", json_boolean(p->is_new));
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *
json_row(const struct report_row *row)
{
	json_t	*o = json_object(), *people = json_array();
	int	 bad = o == NULL || people == NULL;
	size_t	 i;

	for (i = 0; !bad && i < row->npeople; i++)
		bad = json_array_append_new(people, json_person(&row->people[i]))
		    == -1;
	bad |= set(o, "id", json_integer(row->id));
	bad |= set(o, "date", json_string(row->date));
	bad |= set(o, "time", json_string(row->time));
	bad |= set(o, "type", json_string(row->type_label));
	bad |= set(o, "title", json_string(row->title));
	bad |= set(o, "outcome", json_string(row->outcome));
	bad |= set(o, "confidential", json_boolean(row->confidential));
	bad |= set(o, "people", people);
	people = NULL;
	if (bad) {
		json_decref(people);
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *
json_rows(const struct engagement_report *r)
{
	json_t	*arr = json_array();
	size_t	 i;

	for (i = 0; arr != NULL && i < r->nrows; i++)
		if (json_array_append_new(arr, json_row(&r->rows[i])) == -1) {
			json_decref(arr);
			return NULL;
		}
	return arr;
}

static json_t *
json_notes(void)
{
	json_t	*o = json_object();
	int	 bad = o == NULL;
	size_t	 s;

	for (s = 0; !bad && s < RS__MAX; s++)
		bad = set(o, report_section_names[s],
		    json_string(section_notes[s]));
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *
json_report(struct arena *a, const struct engagement_report *r)
{
	static const char *const keys[RS__MAX] = {
		[RS_TYPE] = "by_type", [RS_MEDIUM] = "by_medium",
		[RS_ORG_KIND] = "by_organisation_kind",
		[RS_CATEGORY] = "by_category",
		[RS_DECISION_MAKERS] = "by_decision_makers",
		[RS_PARTY] = "by_party", [RS_AREA] = "by_policy_area",
	};
	json_t	*o = json_object(), *prev = json_object();
	int	 bad = o == NULL || prev == NULL;
	size_t	 s;

	bad |= json_headline(o, r, 0) | json_headline(prev, r, 1);
	bad |= set(o, "previous", prev);
	bad |= set(o, "engagements_url", json_string(ui_report_drill(a,
	    &r->period, RS__MAX, "")));
	for (s = 0; s < RS__MAX; s++)
		bad |= set(o, keys[s], json_section(a, r, (enum report_section)s));
	bad |= set(o, "seats_total", json_integer(r->seats_total));
	bad |= set(o, "notes", json_notes());
	bad |= set(o, "engagements", json_rows(r));
	bad |= set(o, "engagements_listed", json_integer((json_int_t)r->nrows));
	bad |= set(o, "engagements_list_limit", json_integer(REPORT_LIST_MAX));
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

int
ui_report_json(struct buf *b, struct arena *a, const struct engagement_report *r)
{
	return ui_json_document(b, json_report(a, r));
}

void
ui_report_error_json(struct buf *b, const char *field, const char *message)
{
	json_t	*o = json_pack("{s:s, s:s}", "error", message, "field", field);
	char	*text = o != NULL ? json_dumps(o, 0) : NULL;

	buf_puts(b, text != NULL ? text : "{\"error\": \"bad period\"}");
	buf_putc(b, '\n');
	free(text);
	json_decref(o);
}
