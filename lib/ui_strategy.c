#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "form.h"
#include "html.h"
#include "layout.h"
#include "strategy.h"
#include "ui.h"
#include "ui_strategy.h"

#define TREE	"/admin/strategy"

static void
link_to(struct html *h, const char *href, const char *text,
    const char *aria_label)
{
	html_open(h, EL_A, AT_HREF, href, AT_ARIA_LABEL, aria_label, AT__MAX);
	html_text(h, text);
	html_close(h);
}

/*
 * The actions of one item: Edit (while live) and Drop or Restore, each
 * with an accessible name saying which item ("Edit KPI A1a").
 */
static void
item_actions(struct html *h, const char *path, long long id, int dropped,
    const char *what)
{
	char	 href[128], aria[300];

	html_open(h, EL_SPAN, AT_CLASS, "item-actions", AT__MAX);
	if (!dropped) {
		snprintf(href, sizeof(href), TREE "/%s/%lld/edit", path, id);
		snprintf(aria, sizeof(aria), "Edit %s", what);
		link_to(h, href, "Edit", aria);
		html_text(h, " ");
	}
	snprintf(href, sizeof(href), TREE "/%s/%lld/%s", path, id,
	    dropped ? "restore" : "drop");
	snprintf(aria, sizeof(aria), "%s %s", dropped ? "Restore" : "Drop", what);
	link_to(h, href, dropped ? "Restore" : "Drop", aria);
	html_close(h);
}

static void
dropped_tag(struct html *h, int dropped)
{
	if (!dropped)
		return;
	html_text(h, " ");
	html_open(h, EL_SPAN, AT_CLASS, "tag tag-dropped", AT__MAX);
	html_text(h, "dropped");
	html_close(h);
}

static void
add_link(struct html *h, const char *path, long long parent, const char *text)
{
	char	 href[128];

	snprintf(href, sizeof(href), TREE "/%s/new?parent=%lld", path, parent);
	html_open(h, EL_P, AT_CLASS, "add", AT__MAX);
	link_to(h, href, text, NULL);
	html_close(h);
}

static void
goals_list(struct html *h, const struct strat_tree *t,
    const struct strat_objective *o)
{
	char	 year[10], what[64];
	size_t	 i;

	html_open(h, EL_UL, AT_CLASS, "goals", AT__MAX);
	for (i = 0; i < t->ngoals; i++) {
		const struct strat_goal *g = &t->goals[i];

		if (g->objective_id != o->id)
			continue;
		strat_year_label(g->year, t->strategy.start_month, year);
		snprintf(what, sizeof(what), "goal %s of %s", year, o->code);
		html_open(h, EL_LI, AT_CLASS, g->dropped ? "dropped" : NULL,
		    AT__MAX);
		html_open(h, EL_STRONG, AT__MAX);
		html_textf(h, "Goal %s: ", year);
		html_close(h);
		html_text(h, g->text);
		dropped_tag(h, g->dropped);
		html_text(h, " ");
		item_actions(h, "goals", g->id, g->dropped, what);
		html_close(h);
	}
	html_close(h);
	add_link(h, "goals", o->id, "Add a goal for a year");
}

static void
kpi_row(struct html *h, const struct strat_kpi *k)
{
	char	 href[128], what[64];

	snprintf(what, sizeof(what), "KPI %s", k->code);
	html_open(h, EL_TR, AT_CLASS, k->dropped ? "dropped" : NULL, AT__MAX);
	html_elem(h, EL_TD, k->code);
	html_open(h, EL_TD, AT__MAX);
	snprintf(href, sizeof(href), "/reports/kpis/%lld", k->id);
	link_to(h, href, k->label, NULL);
	dropped_tag(h, k->dropped);
	html_close(h);
	html_elem(h, EL_TD, k->key_measure ? "key measure" : "");
	html_elem(h, EL_TD, k->counted ? "counted" : k->latest ?
	    "entered monthly (level)" : "entered monthly");
	html_open(h, EL_TD, AT__MAX);
	item_actions(h, "kpis", k->id, k->dropped, what);
	if (!k->dropped) {
		char aria[120];

		html_text(h, " ");
		if (k->counted) {
			snprintf(href, sizeof(href), TREE "/kpis/%lld/rule", k->id);
			snprintf(aria, sizeof(aria), "Counting rule of %s", what);
			link_to(h, href, "Rule", aria);
			html_text(h, " ");
		}
		snprintf(href, sizeof(href), TREE "/kpis/%lld/targets", k->id);
		snprintf(aria, sizeof(aria), "Targets of %s", what);
		link_to(h, href, "Targets", aria);
	}
	html_close(h);
	html_close(h);
}

static void
kpi_table(struct html *h, const struct strat_tree *t,
    const struct strat_objective *o)
{
	static const char *const head[] = { "Code", "KPI", "Key", "Source",
	    "Change" };
	size_t	 i;

	html_open(h, EL_DIV, AT_CLASS, "table-wrap", AT__MAX);
	html_open(h, EL_TABLE, AT_CLASS, "list strategy-kpis", AT__MAX);
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
	for (i = 0; i < t->nkpis; i++)
		if (t->kpis[i].objective_id == o->id)
			kpi_row(h, &t->kpis[i]);
	html_close(h);
	html_close(h);
	html_close(h);
	add_link(h, "kpis", o->id, "Add a KPI");
}

static void
objective_block(struct html *h, const struct strat_tree *t,
    const struct strat_objective *o)
{
	char	 what[64], id[32];

	snprintf(what, sizeof(what), "objective %s", o->code);
	snprintf(id, sizeof(id), "objective-%lld", o->id);
	html_open(h, EL_DIV, AT_CLASS, o->dropped ? "objective dropped" :
	    "objective", AT_ID, id, AT__MAX);
	html_open(h, EL_H3, AT__MAX);
	html_textf(h, "%s ", o->code);
	html_text(h, o->text);
	dropped_tag(h, o->dropped);
	html_close(h);
	item_actions(h, "objectives", o->id, o->dropped, what);
	goals_list(h, t, o);
	kpi_table(h, t, o);
	html_close(h);
}

static void
aim_block(struct html *h, const struct strat_tree *t,
    const struct strat_aim *a)
{
	char	 what[64], id[32];
	size_t	 i;

	snprintf(what, sizeof(what), "aim %s", a->code);
	snprintf(id, sizeof(id), "aim-%lld", a->id);
	html_open(h, EL_SECTION, AT_CLASS, a->dropped ? "aim dropped" : "aim",
	    AT_ID, id, AT__MAX);
	html_open(h, EL_H2, AT__MAX);
	html_textf(h, "%s ", a->code);
	html_text(h, a->name);
	dropped_tag(h, a->dropped);
	html_close(h);
	item_actions(h, "aims", a->id, a->dropped, what);
	if (*a->statement)
		html_elem(h, EL_P, a->statement);
	for (i = 0; i < t->nobjectives; i++)
		if (t->objectives[i].aim_id == a->id)
			objective_block(h, t, &t->objectives[i]);
	add_link(h, "objectives", a->id, "Add an objective");
	html_close(h);
}

static void
strategy_chooser(struct html *h, const struct strat_tree_view *v)
{
	char	 value[24];
	size_t	 i;

	html_open(h, EL_FORM, AT_METHOD, "get", AT_ACTION, TREE, AT_CLASS,
	    "filters", AT__MAX);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "f-strategy", AT__MAX);
	html_text(h, "Strategy");
	html_close(h);
	html_open(h, EL_SELECT, AT_ID, "f-strategy", AT_NAME, "strategy",
	    AT__MAX);
	for (i = 0; i < v->nstrategies; i++) {
		snprintf(value, sizeof(value), "%lld", v->strategies[i].id);
		html_open(h, EL_OPTION, AT_VALUE, value, AT_SELECTED,
		    v->tree && v->tree->strategy.id == v->strategies[i].id ?
		    "" : NULL, AT__MAX);
		html_textf(h, "%s%s", v->strategies[i].name,
		    v->strategies[i].dropped ? " (dropped)" : "");
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
strategy_summary(struct html *h, const struct strategy *s)
{
	char	 first[10], last[10], month[12];
	static const char *const months[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };

	strat_year_label(s->first_year, s->start_month, first);
	strat_year_label(s->first_year + s->years - 1, s->start_month, last);
	snprintf(month, sizeof(month), "%s",
	    months[(s->start_month >= 1 && s->start_month <= 12) ?
	    s->start_month - 1 : 0]);
	html_open(h, EL_H2, AT__MAX);
	html_text(h, s->name);
	dropped_tag(h, s->dropped);
	html_close(h);
	item_actions(h, "strategies", s->id, s->dropped, "the strategy");
	html_open(h, EL_P, AT__MAX);
	html_textf(h, "Years %s to %s, each starting on 1 %s. A KPI is on "
	    "track at %d%% of its pro-rata target or more, at risk from %d%%, "
	    "and behind below that.", first, last, month, s->on_track_pct,
	    s->at_risk_pct);
	html_close(h);
}

void
ui_strategy_tree(struct html *h, const struct strat_tree_view *v)
{
	const struct page	 p = { "Strategy and KPIs", v->session,
	    AREA_ADMIN };
	const struct strat_tree	*t = v->tree;
	char			 href[96];
	size_t			 i;

	layout_begin(h, &p);
	if (v->notice)
		ui_notice(h, v->notice);
	html_elem(h, EL_P, "Aims, objectives, yearly SMART goals and KPIs, "
	    "their targets and how each KPI is counted. Every change and drop "
	    "asks for a reason and is kept in the decision log.");
	html_open(h, EL_P, AT_CLASS, "actions", AT__MAX);
	html_open(h, EL_A, AT_HREF, TREE "/strategies/new", AT_CLASS, "button",
	    AT__MAX);
	html_text(h, "Add a strategy");
	html_close(h);
	snprintf(href, sizeof(href), "/reports/decisions%s%lld",
	    t ? "?strategy=" : "", t ? t->strategy.id : 0LL);
	html_open(h, EL_A, AT_HREF, t ? href : "/reports/decisions",
	    AT_CLASS, "button", AT__MAX);
	html_text(h, "Decision log");
	html_close(h);
	html_close(h);
	if (v->nstrategies > 1)
		strategy_chooser(h, v);
	if (t == NULL) {
		html_elem(h, EL_P, "There is no strategy yet: add one.");
		layout_end(h);
		return;
	}
	strategy_summary(h, &t->strategy);
	for (i = 0; i < t->naims; i++)
		aim_block(h, t, &t->aims[i]);
	add_link(h, "aims", t->strategy.id, "Add an aim");
	layout_end(h);
}

/* A fieldset of checkboxes, ids "f-NAME-VALUE". */
static void
check_group(struct html *h, const struct check_group *g)
{
	char	 id[120];
	size_t	 i, j;

	html_open(h, EL_FIELDSET, AT_CLASS, "field checks", AT__MAX);
	html_elem(h, EL_LEGEND, g->legend);
	if (g->hint != NULL) {
		html_open(h, EL_P, AT_CLASS, "hint", AT__MAX);
		html_text(h, g->hint);
		html_close(h);
	}
	for (i = 0; i < g->noptions; i++) {
		int ticked = 0;

		for (j = 0; j < g->nchosen; j++)
			if (strcmp(g->chosen[j], g->options[i].value) == 0)
				ticked = 1;
		snprintf(id, sizeof(id), "f-%s-%s", g->name, g->options[i].value);
		html_open(h, EL_DIV, AT_CLASS, "check", AT__MAX);
		html_open(h, EL_INPUT, AT_TYPE, "checkbox", AT_ID, id, AT_NAME,
		    g->name, AT_VALUE, g->options[i].value, AT_CHECKED,
		    ticked ? "" : NULL, AT__MAX);
		html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
		html_text(h, g->options[i].label);
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

static void
form_body(struct html *h, const struct strat_form_view *v)
{
	const struct form	*f = v->form;
	size_t			 i, reason = f->nfields;

	for (i = 0; i < f->nfields; i++) {
		if (strcmp(f->fields[i].name, "reason") == 0) {
			reason = i;
			continue;
		}
		form_render_field(h, f, i);
	}
	if (v->groups_error != NULL) {
		html_open(h, EL_P, AT_CLASS, "error-message", AT_ID,
		    "f-groups-error", AT_ROLE, "alert", AT__MAX);
		html_text(h, v->groups_error);
		html_close(h);
	}
	for (i = 0; i < v->ngroups; i++)
		check_group(h, &v->groups[i]);
	if (reason < f->nfields)
		form_render_field(h, f, reason);
}

void
ui_strategy_form(struct html *h, const struct strat_form_view *v)
{
	const struct page	 p = { v->title, v->session, AREA_ADMIN };

	layout_begin(h, &p);
	if (v->nconflict > 0)
		ui_conflict(h, v->conflict, v->nconflict);
	form_render_summary(h, v->form);
	if (v->intro != NULL)
		html_elem(h, EL_P, v->intro);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, v->action,
	    AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	form_body(h, v);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_CLASS, "primary", AT__MAX);
	html_text(h, v->submit);
	html_close(h);
	html_close(h);
	html_open(h, EL_P, AT__MAX);
	html_open(h, EL_A, AT_HREF, v->back, AT__MAX);
	html_text(h, "Back to the strategy");
	html_close(h);
	html_close(h);
	layout_end(h);
}
