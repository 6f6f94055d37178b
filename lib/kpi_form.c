/*
 * A KPI's targets and counting rule in the strategy editor: their field
 * tables, the choices the rule offers, reading the ticked boxes back,
 * and the steps of each form.  See kpi_form.h; cgi-bin/strategy.c loads
 * the page and calls these.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "directory.h"
#include "engagements.h"
#include "form.h"
#include "kpi.h"
#include "kpi_form.h"
#include "request.h"
#include "strategy.h"
#include "strategy_form.h"
#include "ui.h"
#include "ui_strategy.h"

#define EXTRA_FIELDS	STRAT_FORM_EXTRA

/* --- targets: one field per strategy year, then the reason --------------- */

static const char *
target_problem(const char *s)
{
	return kpi_number_problem(s);
}

static int
targets_fields(struct arena *a, struct kpi_targets_form *t)
{
	size_t	 i;

	t->nfields = t->n + EXTRA_FIELDS;
	if ((t->fields = arena_alloc(a, t->nfields *
	    sizeof(*t->fields))) == NULL)
		return -1;
	for (i = 0; i < t->n; i++) {
		char label[10];

		strat_year_label(t->targets[i].year, t->x.strategy.start_month,
		    label);
		t->fields[i].name = arena_printf(a, "target_%d",
		    t->targets[i].year);
		t->fields[i].label = arena_printf(a, "Target for %s", label);
		t->fields[i].type = FIELD_TEXT;
		t->fields[i].max_chars = 20;
		t->fields[i].validate = target_problem;
		t->fields[i].autocomplete = "off";
		t->fields[i].hint = "A number; empty for none.";
		if (t->fields[i].name == NULL || t->fields[i].label == NULL)
			return -1;
	}
	memcpy(t->fields + t->n, strat_form_reason_fields,
	    sizeof(strat_form_reason_fields));
	return 0;
}

enum db_err
kpi_form_targets_load(struct db *db, struct arena *a, long long kpi_id,
    struct kpi_targets_form *t)
{
	enum db_err	 e;

	memset(t, 0, sizeof(*t));
	if ((e = strat_form_load(db, a, SK_KPI, kpi_id, 0, &t->x)) != DB_OK ||
	    (e = kpi_targets_get(db, a, kpi_id, &t->targets, &t->n)) != DB_OK)
		return e;
	return targets_fields(a, t) == -1 ? DB_NOMEM : DB_OK;
}

static void
show_targets(struct ctx *c, const struct kpi_targets_form *t,
    const struct form *f)
{
	struct strat_form_view	 v;

	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.title = arena_printf(&c->arena, "Targets of KPI %s",
	    t->x.item.values[KPI_CODE]);
	v.intro = t->x.item.values[KPI_LABEL];
	v.action = arena_printf(&c->arena, STRAT_FORM_TREE "/kpis/%lld/targets",
	    t->x.item.id);
	v.submit = "Save targets";
	v.back = strat_form_tree_url(&c->arena, t->x.item.strategy_id, 0);
	v.form = f;
	strat_form_page(c, &v);
}

int
kpi_form_targets_fill(struct arena *a, const struct kpi_targets_form *t,
    struct form *f)
{
	size_t	 i;

	if (form_init(f, a, t->fields, t->nfields) == -1)
		return -1;
	for (i = 0; i < t->n; i++)
		f->values[i].value = t->targets[i].value;
	f->values[t->n + 1].value = arena_printf(a, "%d", t->x.item.version);
	return 0;
}

void
kpi_form_targets_get(struct ctx *c, const struct kpi_targets_form *t)
{
	struct form	 f;

	if (kpi_form_targets_fill(&c->arena, t, &f) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	show_targets(c, t, &f);
}

void
kpi_form_targets_post(struct ctx *c, struct kpi_targets_form *t)
{
	struct form	 f;
	enum db_err	 e;
	size_t		 i;

	if (form_read(&f, &c->arena, t->fields, t->nfields, &c->req.form) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	if (f.nerrors > 0) {
		c->resp.status = 400;
		show_targets(c, t, &f);
		return;
	}
	for (i = 0; i < t->n; i++)
		t->targets[i].value = f.values[i].value;
	e = kpi_targets_save(c->db, app_actor(c), t->x.item.id,
	    atoi(f.values[t->n + 1].value), t->targets, t->n,
	    f.values[t->n].value);
	if (e == DB_CONFLICT) {
		f.values[t->n + 1].value = arena_printf(&c->arena, "%d",
		    t->x.item.version);
		form_set_error(&f, "reason", "Someone changed this KPI since you "
		    "opened the page; the targets below are yours. Check them "
		    "and save again.");
		c->resp.status = 409;
		show_targets(c, t, &f);
	} else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, strat_form_tree_url(&c->arena,
		    t->x.item.strategy_id, 1));
}

/* --- the counting rule --------------------------------------------------- */

static const struct field_option measure_options[] = {
	{ "engagements", "Engagements" },
	{ "people", "Distinct people on them" },
	{ "organisations", "Distinct organisations on them" },
	{ NULL, NULL },
};

static const struct field_option newness_options[] = {
	{ "any", "Anyone" },
	{ "new", "Only people new to us: the engagement is their first" },
	{ "existing", "Only people we had met before" },
	{ NULL, NULL },
};

static const struct field_option dm_options[] = {
	{ "0", "No" }, { "1", "Yes: only decision makers' categories" },
	{ NULL, NULL },
};

/* The reason, version and parent follow (strat_form_reason_fields). */
static const struct form_field rule_fields[RULE__FIELDS] = {
	{ "measure", "Count", FIELD_SELECT, FIELD_REQUIRED, 0, NULL, NULL,
	    "Each matching engagement once, or the people or organisations "
	    "on them, each once per period.", measure_options },
	{ "newness", "People", FIELD_SELECT, FIELD_REQUIRED, 0, NULL, NULL,
	    "New or existing as the engagement list marks them.",
	    newness_options },
	{ "decision_makers", "Decision makers only", FIELD_SELECT,
	    FIELD_REQUIRED, 0, NULL, NULL, "Categories marked as decision "
	    "makers under Admin, Person categories.", dm_options },
};

/* The checkbox names of the groups, as posted. */
static const char *const group_names[RULE__GROUPS] = {
	[RULE_TYPE] = "type", [RULE_MEDIUM] = "medium",
	[RULE_CATEGORY] = "category", [RULE_KIND] = "kind",
	[RULE_AREA] = "area",
};

static enum db_err
rule_choices(struct db *db, struct arena *a, struct kpi_rule_form *r)
{
	struct code_label	*types;
	struct category		*cats;
	struct policy_area	*areas;
	size_t			 i, n;
	enum db_err		 e;

	if ((e = engagement_types(db, a, &types, &n)) != DB_OK)
		return e;
	if ((r->opts[RULE_TYPE] = arena_alloc(a, (n + 1) *
	    sizeof(struct option))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++)
		r->opts[RULE_TYPE][i] = (struct option){ types[i].code,
		    types[i].label };
	r->nopts[RULE_TYPE] = n;
	if ((e = categories_list(db, a, &cats, &n)) != DB_OK)
		return e;
	if ((r->opts[RULE_CATEGORY] = arena_alloc(a, (n + 1) *
	    sizeof(struct option))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++)
		r->opts[RULE_CATEGORY][i] = (struct option){ cats[i].code,
		    cats[i].label };
	r->nopts[RULE_CATEGORY] = n;
	if ((e = policy_areas_list(db, a, 1, &areas, &n)) != DB_OK)
		return e;
	if ((r->opts[RULE_AREA] = arena_alloc(a, (n + 1) *
	    sizeof(struct option))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++)
		r->opts[RULE_AREA][i] = (struct option){ arena_printf(a,
		    "%lld", areas[i].id), areas[i].name };
	r->nopts[RULE_AREA] = n;
	return DB_OK;
}

/* The fixed lists (media, organisation kinds) as options. */
static int
table_options(struct arena *a, const struct code_label *t, struct option **out,
    size_t *n)
{
	size_t	 i;

	for (*n = 0; t[*n].code != NULL; (*n)++)
		;
	if ((*out = arena_alloc(a, (*n + 1) * sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < *n; i++)
		(*out)[i] = (struct option){ t[i].code, t[i].label };
	return 0;
}

static void
rule_groups(struct kpi_rule_form *r, const char *const *chosen[RULE__GROUPS],
    const size_t nchosen[RULE__GROUPS])
{
	static const struct {
		const char	*legend, *hint;
	} g[RULE__GROUPS] = {
		[RULE_TYPE] = { "Engagement types", "None ticked: any type." },
		[RULE_MEDIUM] = { "Media", "None ticked: any, and engagements "
		    "with no medium." },
		[RULE_CATEGORY] = { "Person categories", "None ticked: anyone; "
		    "ticked: only engagements with someone of these, and only "
		    "they are counted as people." },
		[RULE_KIND] = { "Organisation kinds", "None ticked: any; "
		    "ticked: only engagements with an organisation of these, "
		    "and only they are counted as organisations." },
		[RULE_AREA] = { "Policy areas", "None ticked: any; ticked: "
		    "only engagements tagged with one of these." },
	};
	size_t	 i;

	for (i = 0; i < RULE__GROUPS; i++)
		r->groups[i] = (struct check_group){ group_names[i],
		    g[i].legend, g[i].hint, r->opts[i], r->nopts[i], chosen[i],
		    nchosen[i] };
}

static const char **
area_texts(struct arena *a, const long long *ids, size_t n)
{
	const char	**out = arena_alloc(a, (n + 1) * sizeof(*out));
	size_t		  i;

	for (i = 0; out != NULL && i < n; i++)
		out[i] = arena_printf(a, "%lld", ids[i]);
	return out;
}

enum db_err
kpi_form_rule_load(struct db *db, struct arena *a, long long kpi_id,
    struct kpi_rule_form *r)
{
	enum db_err	 e;

	memset(r, 0, sizeof(*r));
	memcpy(r->fields, rule_fields, sizeof(rule_fields));
	memcpy(r->fields + RULE__FIELDS, strat_form_reason_fields,
	    sizeof(strat_form_reason_fields));
	if ((e = strat_form_load(db, a, SK_KPI, kpi_id, 0, &r->x)) != DB_OK ||
	    (e = kpi_rule_get(db, a, kpi_id, &r->rule)) != DB_OK ||
	    (e = rule_choices(db, a, r)) != DB_OK)
		return e;
	if (table_options(a, media, &r->opts[RULE_MEDIUM],
	    &r->nopts[RULE_MEDIUM]) ||
	    table_options(a, org_kinds, &r->opts[RULE_KIND],
	    &r->nopts[RULE_KIND]))
		return DB_NOMEM;
	return DB_OK;
}

static void
show_rule(struct ctx *c, struct kpi_rule_form *r, const struct form *f,
    const char *groups_error)
{
	struct strat_form_view	 v;

	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.title = arena_printf(&c->arena, "How KPI %s is counted",
	    r->x.item.values[KPI_CODE]);
	v.intro = arena_printf(&c->arena, "%s. An engagement counts when it "
	    "is not deleted and passes every part ticked below; saving counts "
	    "the KPI again from all engagements.", r->x.item.values[KPI_LABEL]);
	v.action = arena_printf(&c->arena, STRAT_FORM_TREE "/kpis/%lld/rule",
	    r->x.item.id);
	v.submit = "Save the rule";
	v.back = strat_form_tree_url(&c->arena, r->x.item.strategy_id, 0);
	v.form = f;
	v.groups = r->groups;
	v.ngroups = RULE__GROUPS;
	v.groups_error = groups_error;
	strat_form_page(c, &v);
}

int
kpi_form_rule_fill(struct arena *a, struct kpi_rule_form *r, struct form *f)
{
	const char *const	*chosen[RULE__GROUPS];
	size_t			 nchosen[RULE__GROUPS];

	if (form_init(f, a, r->fields, RULE__FIELDS + EXTRA_FIELDS))
		return -1;
	f->values[RULE_MEASURE].value = r->rule.measure;
	f->values[RULE_NEWNESS].value = r->rule.newness;
	f->values[RULE_DM].value = r->rule.decision_makers ? "1" : "0";
	f->values[RULE__FIELDS + 1].value = arena_printf(a, "%d",
	    r->x.item.version);
	chosen[RULE_TYPE] = r->rule.types;
	nchosen[RULE_TYPE] = r->rule.ntypes;
	chosen[RULE_MEDIUM] = r->rule.media;
	nchosen[RULE_MEDIUM] = r->rule.nmedia;
	chosen[RULE_CATEGORY] = r->rule.categories;
	nchosen[RULE_CATEGORY] = r->rule.ncategories;
	chosen[RULE_KIND] = r->rule.kinds;
	nchosen[RULE_KIND] = r->rule.nkinds;
	chosen[RULE_AREA] = area_texts(a, r->rule.areas, r->rule.nareas);
	nchosen[RULE_AREA] = r->rule.nareas;
	rule_groups(r, chosen, nchosen);
	return 0;
}

void
kpi_form_rule_get(struct ctx *c, struct kpi_rule_form *r)
{
	struct form	 f;

	if (kpi_form_rule_fill(&c->arena, r, &f) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	show_rule(c, r, &f, NULL);
}

/* The ticked values of group g; -1 when one is not among its options. */
static int
ticked(struct arena *a, const struct kpi_rule_form *r,
    const struct params *posted, int g, const char ***out, size_t *n)
{
	size_t	 i, j;

	*n = params_count(posted, group_names[g]);
	if ((*out = arena_alloc(a, (*n + 1) * sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < *n; i++) {
		(*out)[i] = params_nth(posted, group_names[g], i);
		for (j = 0; j < r->nopts[g]; j++)
			if (strcmp((*out)[i], r->opts[g][j].value) == 0)
				break;
		if (j == r->nopts[g])
			return -1;
	}
	return 0;
}

const char *
kpi_form_rule_read(struct arena *a, struct kpi_rule_form *r,
    const struct params *posted, const struct form *f)
{
	const char	**set[RULE__GROUPS];
	size_t		 n[RULE__GROUPS], i;
	int		 bad = 0;

	for (i = 0; i < RULE__GROUPS; i++)
		if (ticked(a, r, posted, (int)i, &set[i], &n[i]) == -1)
			bad = 1;
	rule_groups(r, (const char *const **)set, n);
	if (bad)
		return "One of the ticked boxes is not on offer any more: "
		    "check them and save again.";
	r->rule.measure = f->values[RULE_MEASURE].value;
	r->rule.newness = f->values[RULE_NEWNESS].value;
	r->rule.decision_makers = strcmp(f->values[RULE_DM].value, "1") == 0;
	r->rule.types = set[RULE_TYPE];
	r->rule.ntypes = n[RULE_TYPE];
	r->rule.media = set[RULE_MEDIUM];
	r->rule.nmedia = n[RULE_MEDIUM];
	r->rule.categories = set[RULE_CATEGORY];
	r->rule.ncategories = n[RULE_CATEGORY];
	r->rule.kinds = set[RULE_KIND];
	r->rule.nkinds = n[RULE_KIND];
	r->rule.nareas = n[RULE_AREA];
	if ((r->rule.areas = arena_alloc(a, (n[RULE_AREA] + 1) *
	    sizeof(*r->rule.areas))) == NULL)
		return "Out of memory.";
	for (i = 0; i < n[RULE_AREA]; i++)
		r->rule.areas[i] = strtoll(set[RULE_AREA][i], NULL, 10);
	return NULL;
}

void
kpi_form_rule_post(struct ctx *c, struct kpi_rule_form *r)
{
	struct form	 f;
	const char	*problem;
	enum db_err	 e;

	if (form_read(&f, &c->arena, r->fields, RULE__FIELDS + EXTRA_FIELDS,
	    &c->req.form) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	problem = kpi_form_rule_read(&c->arena, r, &c->req.form, &f);
	if (f.nerrors > 0 || problem != NULL) {
		c->resp.status = 400;
		show_rule(c, r, &f, problem);
		return;
	}
	e = kpi_rule_save(c->db, app_actor(c), r->x.item.id,
	    atoi(f.values[RULE__FIELDS + 1].value), &r->rule,
	    f.values[RULE__FIELDS].value);
	if (e == DB_CONFLICT) {
		f.values[RULE__FIELDS + 1].value = arena_printf(&c->arena, "%d",
		    r->x.item.version);
		c->resp.status = 409;
		show_rule(c, r, &f, "Someone changed this KPI since you opened "
		    "the page; the rule below is yours. Check it and save again.");
	} else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, strat_form_tree_url(&c->arena,
		    r->x.item.strategy_id, 1));
}
