#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "directory.h"
#include "html.h"
#include "kpi.h"
#include "layout.h"
#include "strategy.h"
#include "ui.h"
#include "ui_dashboard.h"

static const char *const month_names[] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };

/* "October 2024" for "2024-10". */
static void
month_words(const char *ym, char *out, size_t len)
{
	int	 m = atoi(ym + 5);

	snprintf(out, len, "%s %.4s", m >= 1 && m <= 12 ?
	    month_names[m - 1] : "?", ym);
}

/* "1234567" with thousands separators into out. */
static void
group_digits(char *out, size_t len, const char *digits)
{
	size_t	 n = strlen(digits), i, o = 0;

	for (i = 0; i < n && o + 2 < len; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

void
ui_kpi_number(char *out, size_t len, double v, int decimals, const char *unit)
{
	long long	 scale = decimals >= 2 ? 100 : decimals == 1 ? 10 : 1;
	long long	 scaled = (long long)((v < 0 ? -v : v) * (double)scale + 0.5);
	long long	 cents = scaled % scale * (100 / scale);
	char		 whole[32], grouped[48], frac[8] = "";

	snprintf(whole, sizeof(whole), "%lld", scaled / scale);
	group_digits(grouped, sizeof(grouped), whole);
	if (cents != 0 && cents % 10 == 0)
		snprintf(frac, sizeof(frac), ".%lld", cents / 10);
	else if (cents != 0)
		snprintf(frac, sizeof(frac), ".%02lld", cents);
	snprintf(out, len, "%s%s%s%s%s", v < 0 && scaled > 0 ? "-" : "",
	    unit != NULL && strcmp(unit, "£") == 0 ? "£" : "", grouped, frac,
	    unit != NULL && strcmp(unit, "%") == 0 ? "%" : "");
}

/* Short enough for a bar: 1.2k, 15k. */
static void
compact_number(char *out, size_t len, double v, const char *unit)
{
	double	 a = v < 0 ? -v : v;

	if (a >= 10000)
		snprintf(out, len, "%.0fk", v / 1000);
	else if (a >= 1000)
		snprintf(out, len, "%.1fk", v / 1000);
	else
		ui_kpi_number(out, len, v, 1, unit);
}

/* "2025-04-02 14:03 UTC" of an ISO 8601 UTC time ("" if it is not one). */
static const char *
utc_minutes(const char *iso, char out[24])
{
	if (iso == NULL || strlen(iso) < 16)
		out[0] = '\0';
	else
		snprintf(out, 24, "%.10s %.5s UTC", iso, iso + 11);
	return out;
}

static int
can_edit(const struct session *s)
{
	return s != NULL && s->role >= ROLE_EDITOR;
}

static void
link(struct html *h, const char *href, const char *text)
{
	html_open(h, EL_A, AT_HREF, href, AT__MAX);
	html_text(h, text);
	html_close(h);
}

/* /engagements?kpi=ID&from=...&to=...: what a figure counts. */
static void
engagements_href(char *out, size_t len, long long kpi, const char *from,
    const char *to)
{
	snprintf(out, len, "/engagements?kpi=%lld&from=%s&to=%s", kpi, from, to);
}

void
ui_reports_index(struct html *h, const struct session *s)
{
	static const struct {
		const char	*href, *label, *blurb;
	} reports[] = {
		{ "/reports/engagement", "Policy engagement report", "Our "
		    "engagements for any period by type, party (beside its "
		    "share of seats), category and policy area, new and known "
		    "decision makers, a year earlier beside; print, CSV, JSON." },
		{ "/reports/dashboard", "Board dashboard", "The strategy's KPIs "
		    "for a month: targets, the year to date, a chart of the "
		    "months and whether each is on track. Freeze a month for "
		    "the board." },
		{ "/reports/snapshots", "Frozen board packs", "Every month "
		    "frozen for the board, as it was sent." },
		{ "/reports/decisions", "Decision log", "Every change to the "
		    "strategy's aims, objectives, goals, KPIs and targets, with "
		    "its reason." },
	};
	const struct page	 p = { "Reports", s, AREA_REPORTS };
	size_t			 i;

	layout_begin(h, &p);
	html_open(h, EL_UL, AT_CLASS, "areas", AT__MAX);
	for (i = 0; i < sizeof(reports) / sizeof(reports[0]); i++) {
		html_open(h, EL_LI, AT__MAX);
		link(h, reports[i].href, reports[i].label);
		html_elem(h, EL_P, reports[i].blurb);
		html_close(h);
	}
	if (s != NULL && s->role == ROLE_ADMIN) {
		html_open(h, EL_LI, AT__MAX);
		link(h, "/admin/strategy", "Strategy and KPIs");
		html_elem(h, EL_P, "Edit the aims, objectives, goals, KPIs, "
		    "targets and counting rules (admins).");
		html_close(h);
	}
	html_close(h);
	layout_end(h);
}

/* The chart. */

#define SLOT	22		/* one month's width in the viewBox */
#define BAR	16
#define TOP	12		/* room for the numbers above the bars */
#define BASE	56		/* the baseline */
#define HEIGHT	72

static double
chart_max(const struct dashboard *d, const struct kpi_figures *k)
{
	double	 max = 0;
	int	 m;

	for (m = 0; m <= d->month; m++)
		if (k->has_month[m] && k->months[m] > max)
			max = k->months[m];
	if (k->has_target && !k->latest && k->target / KPI_MONTHS > max)
		max = k->target / KPI_MONTHS;
	if (k->has_target && k->latest && k->target > max)
		max = k->target;
	return max;
}

/* "A1a by month: July 2024 3, August 2024 5, ..." */
static const char *
chart_words(struct buf *b, const struct dashboard *d,
    const struct kpi_figures *k)
{
	char	 month[24], n[32];
	int	 m;

	buf_printf(b, "%s by month:", k->code);
	for (m = 0; m <= d->month; m++) {
		month_words(d->months[m], month, sizeof(month));
		if (k->has_month[m])
			ui_kpi_number(n, sizeof(n), k->months[m], 2, k->unit);
		buf_printf(b, "%s %s %s", m ? "," : "", month,
		    k->has_month[m] ? n : "not entered");
	}
	return b->failed ? "" : b->data;
}

static void
month_label(struct html *h, const struct dashboard *d, int m)
{
	char	 x[16], letter[4];

	snprintf(x, sizeof(x), "%d", m * SLOT + SLOT / 2);
	snprintf(letter, sizeof(letter), "%.1s",
	    month_names[atoi(d->months[m] + 5) - 1]);
	html_open(h, EL_SVG_TEXT, AT_X, x, AT_Y, "68", AT_TEXT_ANCHOR, "middle",
	    AT_CLASS, m > d->month ? "month future" : "month", AT__MAX);
	html_text(h, letter);
	html_close(h);
}

/* One month's bar and its number, a link to its engagements if live. */
static void
month_bar(struct html *h, const struct dashboard *d,
    const struct kpi_figures *k, int m, double max)
{
	char	 x[16], y[16], hgt[16], tx[16], ty[16], n[32], words[96];
	char	 href[160], first[11], last[11], ym[8];
	double	 bar = max > 0 ? k->months[m] / max * (BASE - TOP) : 0;
	int	 linked = d->snapshot_id == 0 && k->counted;

	if (k->months[m] > 0 && bar < 1)
		bar = 1;
	snprintf(x, sizeof(x), "%d", m * SLOT + (SLOT - BAR) / 2);
	snprintf(y, sizeof(y), "%.1f", BASE - bar);
	snprintf(hgt, sizeof(hgt), "%.1f", bar);
	snprintf(tx, sizeof(tx), "%d", m * SLOT + SLOT / 2);
	snprintf(ty, sizeof(ty), "%.1f", BASE - bar - 2);
	compact_number(n, sizeof(n), k->months[m], k->unit);
	month_words(d->months[m], words, sizeof(words) - 48);
	if (linked) {
		kpi_month_bounds(d->year, d->start_month, m, ym, first, last);
		engagements_href(href, sizeof(href), k->id, first, last);
		snprintf(words + strlen(words), sizeof(words) - strlen(words),
		    ": %s, show the engagements", n);
		html_open(h, EL_A, AT_HREF, href, AT_ARIA_LABEL, words,
		    AT_CLASS, "bar-link", AT__MAX);
	} else
		html_open(h, EL_G, AT__MAX);
	html_open(h, EL_RECT, AT_X, x, AT_Y, y, AT_WIDTH, "16", AT_HEIGHT, hgt,
	    AT_CLASS, "bar", AT__MAX);
	html_close(h);
	html_open(h, EL_SVG_TEXT, AT_X, tx, AT_Y, ty, AT_TEXT_ANCHOR, "middle",
	    AT_CLASS, "value", AT__MAX);
	html_text(h, n);
	html_close(h);
	html_close(h);
}

/* The monthly pace a target needs, as a dashed line. */
static void
pace_line(struct html *h, const struct kpi_figures *k, double max)
{
	char	 y[16], words[64], n[32];
	double	 pace = k->latest ? k->target : k->target / KPI_MONTHS;

	if (!k->has_target || max <= 0)
		return;
	snprintf(y, sizeof(y), "%.1f", BASE - pace / max * (BASE - TOP));
	ui_kpi_number(n, sizeof(n), pace, 1, k->unit);
	snprintf(words, sizeof(words), k->latest ? "Target: %s" :
	    "Monthly pace for the target: %s", n);
	html_open(h, EL_G, AT_CLASS, "pace", AT__MAX);
	html_open(h, EL_TITLE, AT__MAX);
	html_text(h, words);
	html_close(h);
	html_open(h, EL_LINE, AT_X1, "0", AT_X2, "264", AT_Y1, y, AT_Y2, y,
	    AT__MAX);
	html_close(h);
	html_close(h);
}

static void
chart(struct html *h, const struct dashboard *d, const struct kpi_figures *k)
{
	char		 title_id[48];
	struct buf	 words;
	double		 max = chart_max(d, k);
	int		 m;

	buf_init(&words);
	snprintf(title_id, sizeof(title_id), "chart-%lld-title", k->id);
	html_open(h, EL_SVG, AT_CLASS, "chart", AT_VIEWBOX, "0 0 264 72",
	    AT_WIDTH, "264", AT_HEIGHT, "72", AT_ROLE, "group",
	    AT_ARIA_LABELLEDBY, title_id, AT_PRESERVEASPECTRATIO,
	    "xMinYMid meet", AT__MAX);
	html_open(h, EL_TITLE, AT_ID, title_id, AT__MAX);
	html_text(h, chart_words(&words, d, k));
	html_close(h);
	buf_free(&words);
	html_open(h, EL_LINE, AT_X1, "0", AT_X2, "264", AT_Y1, "56", AT_Y2, "56",
	    AT_CLASS, "axis", AT_ARIA_HIDDEN, "true", AT__MAX);
	html_close(h);
	pace_line(h, k, max);
	for (m = 0; m < KPI_MONTHS; m++) {
		if (m <= d->month && k->has_month[m])
			month_bar(h, d, k, m, max);
		month_label(h, d, m);
	}
	html_close(h);
}

/* The table. */

static void
number_cell(struct html *h, const char *href, const char *text,
    const char *aria)
{
	html_open(h, EL_TD, AT_CLASS, "num", AT__MAX);
	if (href != NULL) {
		html_open(h, EL_A, AT_HREF, href, AT_ARIA_LABEL, aria, AT__MAX);
		html_text(h, text);
		html_close(h);
	} else
		html_text(h, text);
	html_close(h);
}

static void
kpi_name_cell(struct html *h, const struct dashboard *d,
    const struct kpi_figures *k)
{
	char	 href[96];

	html_open(h, EL_TH, AT_SCOPE, "row", AT__MAX);
	html_open(h, EL_SPAN, AT_CLASS, "code", AT__MAX);
	html_text(h, k->code);
	html_close(h);
	html_text(h, " ");
	if (d->snapshot_id == 0) {
		snprintf(href, sizeof(href), "/reports/kpis/%lld?year=%s", k->id,
		    d->year_label);
		link(h, href, k->label);
	} else
		html_text(h, k->label);
	if (k->key_measure) {
		html_text(h, " ");
		html_open(h, EL_SPAN, AT_CLASS, "tag tag-key", AT__MAX);
		html_text(h, "key measure");
		html_close(h);
	}
	html_open(h, EL_SMALL, AT_CLASS, "how", AT__MAX);
	html_text(h, k->counted ? (strcmp(k->measure, "people") == 0 ?
	    "counted: distinct people" : strcmp(k->measure, "organisations") == 0 ?
	    "counted: distinct organisations" : "counted: engagements") :
	    k->latest ? "entered monthly: latest month" :
	    "entered monthly: months added up");
	html_close(h);
	html_close(h);
}

static void
kpi_row(struct html *h, const struct dashboard *d, const struct kpi_figures *k)
{
	char	 target[32], expected[32], actual[32], href[160], aria[200];
	char	 cls[48];

	ui_kpi_number(target, sizeof(target), k->target, 2, k->unit);
	ui_kpi_number(expected, sizeof(expected), k->expected, 1, k->unit);
	ui_kpi_number(actual, sizeof(actual), k->actual, 2, k->unit);
	snprintf(cls, sizeof(cls), "kpi%s", k->key_measure ? " key" : "");
	html_open(h, EL_TR, AT_CLASS, cls, AT__MAX);
	kpi_name_cell(h, d, k);
	number_cell(h, NULL, k->has_target ? target : "—", NULL);
	number_cell(h, NULL, k->has_target ? expected : "—", NULL);
	engagements_href(href, sizeof(href), k->id, d->from, d->to);
	snprintf(aria, sizeof(aria), "%s year to date: %s, show the "
	    "engagements", k->code, actual);
	number_cell(h, d->snapshot_id == 0 && k->counted ? href : NULL,
	    k->has_actual ? actual : "not entered",
	    d->snapshot_id == 0 && k->counted ? aria : NULL);
	snprintf(cls, sizeof(cls), "status status-%s", kpi_status_code(k->status));
	html_open(h, EL_TD, AT__MAX);
	html_open(h, EL_SPAN, AT_CLASS, cls, AT__MAX);
	html_text(h, kpi_status_words(k->status));
	html_close(h);
	html_close(h);
	html_open(h, EL_TD, AT_CLASS, "chart-cell", AT__MAX);
	chart(h, d, k);
	html_close(h);
	html_close(h);
}

static void
aim_table(struct html *h, const struct dashboard *d,
    const struct kpi_aim_figures *aim)
{
	static const char *const head[] = { "KPI", "Target", "Expected by now",
	    "Year to date", "Status", "By month" };
	char	 caption[160];
	size_t	 i;

	html_open(h, EL_SECTION, AT_CLASS, "aim", AT__MAX);
	html_open(h, EL_H2, AT__MAX);
	html_textf(h, "%s ", aim->code);
	html_text(h, aim->name);
	html_close(h);
	if (aim->nkpis == 0) {
		html_elem(h, EL_P, "No KPIs.");
		html_close(h);
		return;
	}
	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, "kpis", AT__MAX);
	snprintf(caption, sizeof(caption), "%s: KPIs for %s to the end of ",
	    aim->name, d->year_label);
	month_words(d->months[d->month], caption + strlen(caption),
	    sizeof(caption) - strlen(caption));
	html_elem(h, EL_CAPTION, caption);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	for (i = 0; i < sizeof(head) / sizeof(head[0]); i++) {
		html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
		html_text(h, head[i]);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < aim->nkpis; i++)
		kpi_row(h, d, &aim->kpis[i]);
	html_close(h);
	html_close(h);
	html_close(h);
	html_close(h);
}

/* "Key measures: 2 on track, 1 at risk, 1 behind, 1 with no target." */
static void
key_summary(struct html *h, const struct dashboard *d)
{
	size_t	 count[KPI__STATUS] = { 0 }, i, j, n = 0;

	for (i = 0; i < d->naims; i++)
		for (j = 0; j < d->aims[i].nkpis; j++)
			if (d->aims[i].kpis[j].key_measure) {
				count[d->aims[i].kpis[j].status]++;
				n++;
			}
	if (n == 0)
		return;
	html_open(h, EL_P, AT_CLASS, "summary", AT__MAX);
	html_textf(h, "Key measures: %zu on track, %zu at risk, %zu behind",
	    count[KPI_ON_TRACK], count[KPI_AT_RISK], count[KPI_BEHIND]);
	if (count[KPI_NO_TARGET] > 0)
		html_textf(h, ", %zu with no target yet",
		    count[KPI_NO_TARGET]);
	html_text(h, ".");
	html_close(h);
}

static void
period_choice(struct html *h, const struct dashboard_view *v)
{
	const struct dashboard	*d = v->d;
	const struct strategy	*s = v->strategy;
	char			 label[10], words[24];
	int			 i;

	html_open(h, EL_FORM, AT_METHOD, "get", AT_ACTION, "/reports/dashboard",
	    AT_CLASS, "filters no-print", AT__MAX);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "f-year", AT__MAX);
	html_text(h, "Strategy year");
	html_close(h);
	html_open(h, EL_SELECT, AT_ID, "f-year", AT_NAME, "year", AT__MAX);
	for (i = 0; s != NULL && i < s->years; i++) {
		strat_year_label(s->first_year + i, s->start_month, label);
		html_open(h, EL_OPTION, AT_VALUE, label, AT_SELECTED,
		    s->first_year + i == d->year ? "" : NULL, AT__MAX);
		html_text(h, label);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "f-month", AT__MAX);
	html_text(h, "Figures to the end of");
	html_close(h);
	html_open(h, EL_SELECT, AT_ID, "f-month", AT_NAME, "month", AT__MAX);
	for (i = 0; i < KPI_MONTHS; i++) {
		month_words(d->months[i], words, sizeof(words));
		html_open(h, EL_OPTION, AT_VALUE, d->months[i], AT_SELECTED,
		    i == d->month ? "" : NULL, AT__MAX);
		html_text(h, words);
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
}

static void
freeze_form(struct html *h, const struct dashboard_view *v)
{
	const struct dashboard	*d = v->d;
	char			 words[24], text[96];

	month_words(d->months[d->month], words, sizeof(words));
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION,
	    "/reports/dashboard/freeze", AT_CLASS, "freeze no-print", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "year", AT_VALUE,
	    d->year_label, AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "month", AT_VALUE,
	    d->months[d->month], AT__MAX);
	if (v->frozen_before > 0) {
		html_open(h, EL_P, AT_CLASS, "hint", AT__MAX);
		html_textf(h, "%s has been frozen %zu time%s already; freezing "
		    "again keeps %s and adds a new snapshot.", words,
		    v->frozen_before, v->frozen_before == 1 ? "" : "s",
		    v->frozen_before == 1 ? "it" : "them");
		html_close(h);
	}
	snprintf(text, sizeof(text), "Freeze %s for the board", words);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_CLASS, "primary", AT__MAX);
	html_text(h, text);
	html_close(h);
	html_close(h);
}

static void
frozen_banner(struct html *h, const struct dashboard *d)
{
	char	 href[96], when[24];

	html_open(h, EL_DIV, AT_CLASS, "frozen", AT_ROLE, "note", AT__MAX);
	html_open(h, EL_P, AT__MAX);
	html_open(h, EL_STRONG, AT__MAX);
	html_text(h, "Frozen for the board");
	html_close(h);
	utc_minutes(d->frozen_at, when);
	html_textf(h, " on %.10s at %s by %s. These figures do not change.",
	    when, *when ? when + 11 : "", d->frozen_by);
	html_close(h);
	html_open(h, EL_P, AT_CLASS, "no-print", AT__MAX);
	snprintf(href, sizeof(href), "/reports/dashboard?year=%s&month=%s",
	    d->year_label, d->months[d->month]);
	link(h, href, "The live dashboard for this month");
	html_text(h, " · ");
	link(h, "/reports/snapshots", "All frozen board packs");
	html_close(h);
	html_close(h);
}

static void
legend(struct html *h, const struct dashboard *d)
{
	html_open(h, EL_P, AT_CLASS, "legend", AT__MAX);
	html_textf(h, "Status compares the year to date with the target pro "
	    "rata (the share of the year gone by): on track at %d%% of it or "
	    "more, at risk from %d%%, behind below %d%%. Levels entered "
	    "monthly (followers, percentages) are compared with the whole "
	    "target. People and organisations are counted once however often "
	    "we met them, so their year can be less than the sum of the months.",
	    d->on_track_pct, d->at_risk_pct, d->at_risk_pct);
	html_close(h);
}

void
ui_dashboard(struct html *h, const struct dashboard_view *v)
{
	const struct dashboard	*d = v->d;
	char			 title[96], words[24];
	struct page		 p = { NULL, v->session, AREA_REPORTS };
	size_t			 i;

	month_words(d->months[d->month], words, sizeof(words));
	snprintf(title, sizeof(title), "Board dashboard %s: %s", d->year_label,
	    words);
	p.title = title;
	layout_begin(h, &p);
	if (v->notice)
		ui_notice(h, v->notice);
	if (v->problem)
		ui_notice(h, v->problem);
	if (d->snapshot_id != 0)
		frozen_banner(h, d);
	html_open(h, EL_P, AT_CLASS, "lead", AT__MAX);
	html_textf(h, "%s. Year %s, figures from %s to %s.", d->strategy_name,
	    d->year_label, d->from, d->to);
	html_close(h);
	if (d->snapshot_id == 0) {
		period_choice(h, v);
		if (can_edit(v->session))
			freeze_form(h, v);
	}
	key_summary(h, d);
	for (i = 0; i < d->naims; i++)
		aim_table(h, d, &d->aims[i]);
	legend(h, d);
	if (d->snapshot_id == 0) {
		html_open(h, EL_P, AT_CLASS, "no-print", AT__MAX);
		link(h, "/reports/snapshots", "Frozen board packs");
		html_text(h, " · ");
		link(h, "/reports/decisions", "Decision log");
		html_close(h);
	}
	layout_end(h);
}

void
ui_snapshots(struct html *h, const struct snapshots_view *v)
{
	static const char *const head[] = { "Month", "Strategy year",
	    "Frozen", "By" };
	const struct page	 p = { "Frozen board packs", v->session,
	    AREA_REPORTS };
	char			 href[64], words[24], when[24];
	size_t			 i;

	layout_begin(h, &p);
	if (v->n == 0) {
		html_elem(h, EL_P, "No month has been frozen yet. Freeze one "
		    "from the board dashboard.");
		layout_end(h);
		return;
	}
	html_open(h, EL_TABLE, AT_CLASS, "list snapshots", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	for (i = 0; i < sizeof(head) / sizeof(head[0]); i++) {
		html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
		html_text(h, head[i]);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < v->n; i++) {
		const struct kpi_snapshot *s = &v->snapshots[i];

		snprintf(href, sizeof(href), "/reports/snapshots/%lld", s->id);
		month_words(s->month, words, sizeof(words));
		html_open(h, EL_TR, AT__MAX);
		html_open(h, EL_TD, AT__MAX);
		link(h, href, words);
		html_close(h);
		html_elem(h, EL_TD, s->year_label);
		html_open(h, EL_TD, AT__MAX);
		html_open(h, EL_TIME, AT_DATETIME, s->frozen_at, AT__MAX);
		html_text(h, utc_minutes(s->frozen_at, when));
		html_close(h);
		html_close(h);
		html_elem(h, EL_TD, s->frozen_by);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	layout_end(h);
}

/* The KPI page. */

static const char *
option_label(const struct option *o, size_t n, const char *value)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(o[i].value, value) == 0)
			return o[i].label;
	return value;
}

/* "<term>: a, b, c" as a list item, or nothing for an empty set. */
static void
rule_set_item(struct html *h, const char *term, const char *const *codes,
    size_t n, const struct option *labels, size_t nlabels,
    const struct code_label *table)
{
	size_t	 i;

	if (n == 0)
		return;
	html_open(h, EL_LI, AT__MAX);
	html_textf(h, "%s: ", term);
	for (i = 0; i < n; i++)
		html_textf(h, "%s%s", i ? ", " : "", table != NULL ?
		    code_label(table, codes[i]) :
		    option_label(labels, nlabels, codes[i]));
	html_close(h);
}

/* "tagged with: Racial justice", the areas by name. */
static void
area_item(struct html *h, const struct kpi_page_view *v)
{
	const struct kpi_rule	*r = v->rule;
	char			 id[24];
	size_t			 i;

	if (r->nareas == 0)
		return;
	html_open(h, EL_LI, AT__MAX);
	html_text(h, "tagged with: ");
	for (i = 0; i < r->nareas; i++) {
		snprintf(id, sizeof(id), "%lld", r->areas[i]);
		html_textf(h, "%s%s", i ? ", " : "",
		    option_label(v->areas, v->nareas, id));
	}
	html_close(h);
}

static void
rule_words(struct html *h, const struct kpi_page_view *v)
{
	const struct kpi_rule	*r = v->rule;

	html_open(h, EL_P, AT__MAX);
	html_text(h, strcmp(r->measure, "people") == 0 ? "Counts each person "
	    "once per period, among those on the engagements that match:" :
	    strcmp(r->measure, "organisations") == 0 ? "Counts each "
	    "organisation once per period, among those on the engagements "
	    "that match:" : "Counts the engagements that match:");
	html_close(h);
	html_open(h, EL_UL, AT_CLASS, "rule", AT__MAX);
	html_elem(h, EL_LI, "not deleted");
	rule_set_item(h, "of type", r->types, r->ntypes, v->types, v->ntypes,
	    NULL);
	rule_set_item(h, "in the media", r->media, r->nmedia, NULL, 0, media);
	rule_set_item(h, "with someone who is", r->categories, r->ncategories,
	    v->categories, v->ncategories, NULL);
	if (r->decision_makers)
		html_elem(h, EL_LI, "with a decision maker (a category marked "
		    "as one)");
	if (strcmp(r->newness, "new") == 0)
		html_elem(h, EL_LI, "with someone new to us: the engagement is "
		    "their first");
	else if (strcmp(r->newness, "existing") == 0)
		html_elem(h, EL_LI, "with someone we had met before");
	rule_set_item(h, "with an organisation that is", r->kinds, r->nkinds,
	    NULL, 0, org_kinds);
	area_item(h, v);
	html_close(h);
}

static void
targets_list(struct html *h, const struct kpi_page_view *v)
{
	const struct kpi_info	*k = v->kpi;
	char			 label[10], n[32];
	size_t			 i;

	html_elem(h, EL_H2, "Targets");
	html_open(h, EL_DL, AT_CLASS, "targets", AT__MAX);
	for (i = 0; i < v->ntargets; i++) {
		strat_year_label(v->targets[i].year, v->start_month, label);
		html_elem(h, EL_DT, label);
		if (*v->targets[i].value)
			ui_kpi_number(n, sizeof(n), strtod(v->targets[i].value,
			    NULL), 2, k->unit);
		html_elem(h, EL_DD, *v->targets[i].value ? n : "none set");
	}
	html_close(h);
}

static void
year_links(struct html *h, const struct kpi_page_view *v)
{
	char	 label[10], href[96];
	int	 i;

	html_open(h, EL_P, AT_CLASS, "years no-print", AT__MAX);
	html_text(h, "Year: ");
	for (i = 0; i < v->years; i++) {
		strat_year_label(v->first_year + i, v->start_month, label);
		if (i > 0)
			html_text(h, " · ");
		if (v->first_year + i == v->year) {
			html_open(h, EL_STRONG, AT_ARIA_CURRENT, "page", AT__MAX);
			html_text(h, label);
			html_close(h);
			continue;
		}
		snprintf(href, sizeof(href), "/reports/kpis/%lld?year=%s",
		    v->kpi->id, label);
		link(h, href, label);
	}
	html_close(h);
}

static void
counted_months(struct html *h, const struct kpi_page_view *v)
{
	char	 ym[8], first[11], last[11], from[11], words[24], href[160];
	char	 n[32], label[10];
	int	 m;

	html_open(h, EL_TABLE, AT_CLASS, "list months", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Month");
	html_close(h);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Counted");
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (m = 0; m < KPI_MONTHS; m++) {
		kpi_month_bounds(v->year, v->start_month, m, ym, first, last);
		if (m == 0)
			memcpy(from, first, sizeof(from));
		month_words(ym, words, sizeof(words));
		engagements_href(href, sizeof(href), v->kpi->id, first, last);
		snprintf(n, sizeof(n), "%lld", v->counts[m]);
		html_open(h, EL_TR, AT__MAX);
		html_elem(h, EL_TD, words);
		number_cell(h, href, n, NULL);
		html_close(h);
	}
	strat_year_label(v->year, v->start_month, label);
	engagements_href(href, sizeof(href), v->kpi->id, from, last);
	snprintf(n, sizeof(n), "%lld", v->year_count);
	html_open(h, EL_TR, AT_CLASS, "total", AT__MAX);
	html_open(h, EL_TH, AT_SCOPE, "row", AT__MAX);
	html_textf(h, "The whole of %s", label);
	html_close(h);
	number_cell(h, href, n, NULL);
	html_close(h);
	html_close(h);
	html_close(h);
}

/* One month's form: value, note, version, Save (and Remove). */
static void
value_form(struct html *h, const struct kpi_page_view *v,
    const struct kpi_value *val, const char *words)
{
	const struct kpi_value_problem *p = v->problem;
	int	 bad = p != NULL && strcmp(p->month, val->month) == 0;
	char	 action[64], id[40], nid[40], eid[48], label[64], version[16];

	snprintf(action, sizeof(action), "/reports/kpis/%lld/values", v->kpi->id);
	snprintf(id, sizeof(id), "v-%s-value", val->month);
	snprintf(nid, sizeof(nid), "v-%s-note", val->month);
	snprintf(eid, sizeof(eid), "v-%s-error", val->month);
	snprintf(version, sizeof(version), "%d", val->version);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, action, AT_CLASS,
	    bad ? "value-form field-error" : "value-form", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "month", AT_VALUE,
	    val->month, AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "version", AT_VALUE,
	    version, AT__MAX);
	if (bad) {
		html_open(h, EL_P, AT_CLASS, "error-message", AT_ID, eid, AT__MAX);
		html_text(h, p->message);
		html_close(h);
	}
	snprintf(label, sizeof(label), "Value for %s", words);
	html_open(h, EL_LABEL, AT_FOR, id, AT_CLASS, "visually-hidden", AT__MAX);
	html_text(h, label);
	html_close(h);
	html_open(h, EL_INPUT, AT_ID, id, AT_NAME, "value", AT_TYPE, "text",
	    AT_INPUTMODE, "decimal", AT_SIZE, "8", AT_VALUE, bad ? p->value :
	    val->value, AT_ARIA_INVALID, bad ? "true" : NULL,
	    AT_ARIA_DESCRIBEDBY, bad ? eid : NULL, AT__MAX);
	snprintf(label, sizeof(label), "Note for %s", words);
	html_open(h, EL_LABEL, AT_FOR, nid, AT_CLASS, "visually-hidden", AT__MAX);
	html_text(h, label);
	html_close(h);
	html_open(h, EL_INPUT, AT_ID, nid, AT_NAME, "note", AT_TYPE, "text",
	    AT_MAXLENGTH, "500", AT_PLACEHOLDER, "note", AT_VALUE, bad ?
	    p->note : val->note, AT__MAX);
	snprintf(label, sizeof(label), "Save %s", words);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_NAME, "op", AT_VALUE,
	    "save", AT_ARIA_LABEL, label, AT__MAX);
	html_text(h, "Save");
	html_close(h);
	if (val->has_value) {
		snprintf(label, sizeof(label), "Remove %s", words);
		html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_NAME, "op",
		    AT_VALUE, "delete", AT_ARIA_LABEL, label, AT__MAX);
		html_text(h, "Remove");
		html_close(h);
	}
	html_close(h);
}

static void
manual_months(struct html *h, const struct kpi_page_view *v)
{
	static const char *const head[] = { "Month", "Value", "Note",
	    "Entered" };
	int	 edit = can_edit(v->session), m;
	char	 words[24], n[32];
	size_t	 i;

	html_open(h, EL_TABLE, AT_CLASS, "list months", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	for (i = 0; i < sizeof(head) / sizeof(head[0]); i++) {
		html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
		html_text(h, head[i]);
		html_close(h);
	}
	if (edit) {
		html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
		html_text(h, "Enter or change");
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (m = 0; m < KPI_MONTHS; m++) {
		const struct kpi_value *val = &v->values[m];

		month_words(val->month, words, sizeof(words));
		if (val->has_value)
			ui_kpi_number(n, sizeof(n), strtod(val->value, NULL), 2,
			    v->kpi->unit);
		html_open(h, EL_TR, AT__MAX);
		html_elem(h, EL_TD, words);
		html_elem(h, EL_TD, val->has_value ? n : "—");
		html_elem(h, EL_TD, val->note);
		html_open(h, EL_TD, AT__MAX);
		if (val->has_value)
			html_textf(h, "%s, %.10s", val->updated_by,
			    val->updated_at);
		html_close(h);
		if (edit) {
			html_open(h, EL_TD, AT__MAX);
			value_form(h, v, val, words);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
ui_kpi_page(struct html *h, const struct kpi_page_view *v)
{
	const struct kpi_info	*k = v->kpi;
	struct page		 p = { NULL, v->session, AREA_REPORTS };
	char			 title[400], label[10];

	snprintf(title, sizeof(title), "KPI %s: %s", k->code, k->label);
	p.title = title;
	layout_begin(h, &p);
	if (v->notice)
		ui_notice(h, v->notice);
	html_open(h, EL_DL, AT_CLASS, "facts", AT__MAX);
	ui_dl_row(h, "Aim", k->aim_name);
	html_elem(h, EL_DT, "Objective");
	html_open(h, EL_DD, AT__MAX);
	html_textf(h, "%s ", k->objective_code);
	html_text(h, k->objective_text);
	html_close(h);
	ui_dl_row(h, "Key success measure", k->key_measure ? "yes" : "no");
	ui_dl_row(h, "Measured", k->counted ? "counted from engagements" :
	    k->latest ? "entered by hand each month; the year to date is the "
	    "latest month's" : "entered by hand each month; the year to date "
	    "adds the months up");
	ui_dl_row(h, "Dropped", k->dropped ? "yes: not on the dashboard" : "");
	html_close(h);
	if (k->counted && v->rule != NULL)
		rule_words(h, v);
	targets_list(h, v);
	strat_year_label(v->year, v->start_month, label);
	html_open(h, EL_H2, AT__MAX);
	html_textf(h, "Months of %s", label);
	html_close(h);
	year_links(h, v);
	if (k->counted)
		counted_months(h, v);
	else
		manual_months(h, v);
	html_open(h, EL_P, AT_CLASS, "no-print", AT__MAX);
	snprintf(title, sizeof(title), "/reports/dashboard?year=%s", label);
	link(h, title, "The board dashboard");
	html_close(h);
	layout_end(h);
}

/* The decision log. */

static void
decision_changes(struct html *h, const struct strat_decision *d)
{
	size_t	 i;

	if (d->nchanges == 0)
		return;
	html_open(h, EL_TABLE, AT_CLASS, "changes", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "What");
	html_close(h);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "From");
	html_close(h);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "To");
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < d->nchanges; i++) {
		html_open(h, EL_TR, AT__MAX);
		html_elem(h, EL_TD, d->changes[i].field);
		html_elem(h, EL_TD, d->changes[i].before);
		html_elem(h, EL_TD, d->changes[i].after);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static const char *
action_words(const char *action)
{
	static const struct code_label words[] = {
		{ "create", "added" }, { "update", "changed" },
		{ "drop", "dropped" }, { "restore", "restored" },
		{ "rule", "counting rule changed" },
		{ "targets", "targets changed" }, { NULL, NULL },
	};

	return code_label(words, action);
}

static void
decisions_chooser(struct html *h, const struct decisions_view *v)
{
	char	 value[24];
	size_t	 i;

	html_open(h, EL_FORM, AT_METHOD, "get", AT_ACTION, "/reports/decisions",
	    AT_CLASS, "filters no-print", AT__MAX);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "f-strategy", AT__MAX);
	html_text(h, "Strategy");
	html_close(h);
	html_open(h, EL_SELECT, AT_ID, "f-strategy", AT_NAME, "strategy",
	    AT__MAX);
	html_open(h, EL_OPTION, AT_VALUE, "", AT__MAX);
	html_text(h, "All strategies");
	html_close(h);
	for (i = 0; i < v->nstrategies; i++) {
		snprintf(value, sizeof(value), "%lld", v->strategies[i].id);
		html_open(h, EL_OPTION, AT_VALUE, value, AT_SELECTED,
		    v->chosen == v->strategies[i].id ? "" : NULL, AT__MAX);
		html_text(h, v->strategies[i].name);
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
}

void
ui_decisions(struct html *h, const struct decisions_view *v)
{
	const struct page	 p = { "Decision log", v->session, AREA_REPORTS };
	char			 when[24];
	size_t			 i;

	layout_begin(h, &p);
	html_elem(h, EL_P, "Every change to the strategy: who made it, when, "
	    "what changed from what to what, and why. The strategy asks that "
	    "each change or drop of a goal be logged for the next strategy.");
	if (v->nstrategies > 1)
		decisions_chooser(h, v);
	if (v->n == 0)
		html_elem(h, EL_P, "Nothing has been changed yet.");
	html_open(h, EL_OL, AT_CLASS, "decisions", AT__MAX);
	for (i = 0; i < v->n; i++) {
		const struct strat_decision *d = &v->decisions[i];

		html_open(h, EL_LI, AT_CLASS, "decision", AT__MAX);
		html_open(h, EL_P, AT_CLASS, "what", AT__MAX);
		html_open(h, EL_STRONG, AT__MAX);
		html_text(h, d->label);
		html_close(h);
		html_textf(h, " — %s", action_words(d->action));
		html_close(h);
		html_open(h, EL_P, AT_CLASS, "meta", AT__MAX);
		html_open(h, EL_TIME, AT_DATETIME, d->at, AT__MAX);
		html_text(h, utc_minutes(d->at, when));
		html_close(h);
		html_textf(h, " by %s", d->actor);
		html_close(h);
		html_open(h, EL_P, AT_CLASS, "reason", AT__MAX);
		html_text(h, "Why: ");
		html_text(h, d->reason);
		html_close(h);
		decision_changes(h, d);
		html_close(h);
	}
	html_close(h);
	layout_end(h);
}
