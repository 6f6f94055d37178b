/*
 * The strategy editor's item forms: each kind's input table and
 * validators, the item with what is around it (its strategy, parent and
 * years), and the steps of the item, drop and restore forms.  See
 * strategy_form.h; cgi-bin/strategy.c loads and calls these.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "strategy.h"
#include "strategy_form.h"
#include "ui.h"
#include "ui_strategy.h"

#define TREE	STRAT_FORM_TREE

/* Each kind's path segment after /admin/strategy/, and how to name one. */
static const struct {
	const char	*path;
	const char	*what;		/* "an objective" */
} kind_paths[SK__MAX] = {
	[SK_STRATEGY] = { "strategies", "a strategy" },
	[SK_AIM] = { "aims", "an aim" },
	[SK_OBJECTIVE] = { "objectives", "an objective" },
	[SK_GOAL] = { "goals", "a goal" },
	[SK_KPI] = { "kpis", "a KPI" },
};

enum strat_kind
strat_form_kind(const char *path)
{
	const char	*rest = path + strlen(TREE "/");
	size_t		 n;
	int		 k;

	if (strncmp(path, TREE "/", strlen(TREE "/")) != 0)
		return SK_STRATEGY;
	for (k = 0; k < SK__MAX; k++) {
		n = strlen(kind_paths[k].path);
		if (strncmp(rest, kind_paths[k].path, n) == 0 && rest[n] == '/')
			return (enum strat_kind)k;
	}
	return SK_STRATEGY;
}

static const char *
code_problem(const char *s)
{
	if (strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789.-_") != strlen(s))
		return "Use letters, digits, '.', '-' and '_' only, such as A1a.";
	return NULL;
}

/* A whole number from lo to hi, as the message says. */
static const char *
range_problem(const char *s, long lo, long hi, const char *message)
{
	long	 v;

	if (validate_integer(s) != NULL)
		return validate_integer(s);
	v = strtol(s, NULL, 10);
	return v < lo || v > hi ? message : NULL;
}

static const char *
year_problem(const char *s)
{
	return range_problem(s, 1900, 2200, "Enter a year from 1900 to 2200.");
}

static const char *
years_problem(const char *s)
{
	return range_problem(s, 1, 10, "A strategy runs from 1 to 10 years.");
}

static const char *
pct_problem(const char *s)
{
	return range_problem(s, 0, 1000, "Enter a percentage from 0 to 1000.");
}

static const char *
order_problem(const char *s)
{
	return range_problem(s, -100000, 100000, "Enter a whole number; lower "
	    "numbers come first.");
}

static const struct field_option month_options[] = {
	{ "1", "January" }, { "2", "February" }, { "3", "March" },
	{ "4", "April" }, { "5", "May" }, { "6", "June" }, { "7", "July" },
	{ "8", "August" }, { "9", "September" }, { "10", "October" },
	{ "11", "November" }, { "12", "December" }, { NULL, NULL },
};

static const struct field_option key_options[] = {
	{ "0", "No" }, { "1", "Yes: a key success measure" }, { NULL, NULL },
};

static const struct field_option source_options[] = {
	{ "manual", "Entered by hand each month" },
	{ "counted", "Counted from engagements by its rule" }, { NULL, NULL },
};

static const struct field_option accumulate_options[] = {
	{ "sum", "Add the months up (events, meetings, money)" },
	{ "latest", "Take the latest month (followers, a percentage)" },
	{ NULL, NULL },
};

#define ORDER_HINT	"Lower numbers come first."

/* Text areas keep their spaces: a reason of blanks is no reason. */
static const char *
reason_problem(const char *s)
{
	if (strspn(s, " \t\r\n") == strlen(s))
		return "Reason for this change is required.";
	return NULL;
}

/* Every form ends with the reason, then its hidden version and parent. */
#define REASON_FIELDS \
	{ "reason", "Reason for this change", FIELD_TEXTAREA, FIELD_REQUIRED, \
	    2000, reason_problem, NULL, "Required: the decision log keeps it " \
	    "with the change, for the next strategy.", NULL }, \
	{ "version", "Version", FIELD_HIDDEN, 0, 12, NULL, NULL, NULL, NULL }, \
	{ "parent", "Parent", FIELD_HIDDEN, 0, 20, NULL, NULL, NULL, NULL }
#define EXTRA_FIELDS	STRAT_FORM_EXTRA

static const struct form_field strategy_fields[] = {
	{ "name", "Name", FIELD_TEXT, FIELD_REQUIRED, 200, NULL, "off", NULL,
	    NULL },
	{ "first_year", "First year", FIELD_NUMBER, FIELD_REQUIRED, 4,
	    year_problem, "off", "The calendar year its year one starts in: "
	    "2024 for 2024-25.", NULL },
	{ "years", "Number of years", FIELD_NUMBER, FIELD_REQUIRED, 2,
	    years_problem, "off", NULL, NULL },
	{ "start_month", "Years start in", FIELD_SELECT, FIELD_REQUIRED, 0,
	    NULL, NULL, "Each strategy year runs from the first of this month.",
	    month_options },
	{ "on_track_pct", "On track from (% of the pro-rata target)",
	    FIELD_NUMBER, FIELD_REQUIRED, 4, pct_problem, "off", "A KPI whose "
	    "year to date reaches this share of its target so far is on "
	    "track.", NULL },
	{ "at_risk_pct", "At risk from (% of the pro-rata target)",
	    FIELD_NUMBER, FIELD_REQUIRED, 4, pct_problem, "off", "Below the "
	    "on-track share but at least this is at risk; below it, behind.",
	    NULL },
	REASON_FIELDS,
};

static const struct form_field aim_fields[] = {
	{ "code", "Code", FIELD_TEXT, FIELD_REQUIRED, 10, code_problem, "off",
	    "Short and unique in the strategy, such as A.", NULL },
	{ "name", "Name", FIELD_TEXT, FIELD_REQUIRED, 100, NULL, "off", NULL,
	    NULL },
	{ "statement", "What it means by the end", FIELD_TEXTAREA, 0, 5000,
	    NULL, NULL, NULL, NULL },
	{ "sort_order", "Order", FIELD_NUMBER, FIELD_REQUIRED, 7, order_problem,
	    "off", ORDER_HINT, NULL },
	REASON_FIELDS,
};

static const struct form_field objective_fields[] = {
	{ "code", "Code", FIELD_TEXT, FIELD_REQUIRED, 10, code_problem, "off",
	    "Such as A1.", NULL },
	{ "text", "Objective", FIELD_TEXTAREA, FIELD_REQUIRED, 2000, NULL, NULL,
	    NULL, NULL },
	{ "sort_order", "Order", FIELD_NUMBER, FIELD_REQUIRED, 7, order_problem,
	    "off", ORDER_HINT, NULL },
	REASON_FIELDS,
};

/* The year's options are the strategy's years, set per request. */
static const struct form_field goal_fields[] = {
	{ "year", "Strategy year", FIELD_SELECT, FIELD_REQUIRED, 0, NULL, NULL,
	    NULL, NULL },
	{ "text", "SMART goal", FIELD_TEXTAREA, FIELD_REQUIRED, 5000, NULL,
	    NULL, NULL, NULL },
	REASON_FIELDS,
};

static const struct form_field kpi_fields[] = {
	{ "code", "Code", FIELD_TEXT, FIELD_REQUIRED, 10, code_problem, "off",
	    "Unique in the strategy, such as A1a.", NULL },
	{ "label", "Performance indicator", FIELD_TEXT, FIELD_REQUIRED, 300,
	    NULL, "off", NULL, NULL },
	{ "key_measure", "Key success measure", FIELD_SELECT, FIELD_REQUIRED,
	    0, NULL, NULL, "Key measures come first on the dashboard.",
	    key_options },
	{ "unit", "Unit", FIELD_TEXT, 0, 20, NULL, "off", "What one is: "
	    "meetings, people, £ or %.", NULL },
	{ "source", "How it is measured", FIELD_SELECT, FIELD_REQUIRED, 0, NULL,
	    NULL, "A counted KPI's rule is set on its Rule page.",
	    source_options },
	{ "accumulate", "Year to date", FIELD_SELECT, FIELD_REQUIRED, 0, NULL,
	    NULL, NULL, accumulate_options },
	{ "sort_order", "Order", FIELD_NUMBER, FIELD_REQUIRED, 7, order_problem,
	    "off", ORDER_HINT, NULL },
	REASON_FIELDS,
};

static const struct {
	const struct form_field	*fields;
	size_t			 n;
} kind_fields[SK__MAX] = {
	[SK_STRATEGY] = { strategy_fields, ST__FIELDS + EXTRA_FIELDS },
	[SK_AIM] = { aim_fields, AIM__FIELDS + EXTRA_FIELDS },
	[SK_OBJECTIVE] = { objective_fields, OBJ__FIELDS + EXTRA_FIELDS },
	[SK_GOAL] = { goal_fields, GOAL__FIELDS + EXTRA_FIELDS },
	[SK_KPI] = { kpi_fields, KPI__FIELDS + EXTRA_FIELDS },
};

_Static_assert(sizeof(strategy_fields) / sizeof(strategy_fields[0]) ==
    ST__FIELDS + EXTRA_FIELDS, "strategy fields follow the item's");
_Static_assert(sizeof(aim_fields) / sizeof(aim_fields[0]) ==
    AIM__FIELDS + EXTRA_FIELDS, "aim fields follow the item's");
_Static_assert(sizeof(objective_fields) / sizeof(objective_fields[0]) ==
    OBJ__FIELDS + EXTRA_FIELDS, "objective fields follow the item's");
_Static_assert(sizeof(goal_fields) / sizeof(goal_fields[0]) ==
    GOAL__FIELDS + EXTRA_FIELDS, "goal fields follow the item's");
_Static_assert(sizeof(kpi_fields) / sizeof(kpi_fields[0]) ==
    KPI__FIELDS + EXTRA_FIELDS, "KPI fields follow the item's");

/* A drop or restore asks only for the reason. */
const struct form_field strat_form_reason_fields[STRAT_FORM_EXTRA] = {
	REASON_FIELDS
};

/* --- an item and what is around it -------------------------------------- */

const char *
strat_form_tree_url(struct arena *a, long long strategy_id, int saved)
{
	return arena_printf(a, TREE "?strategy=%lld%s", strategy_id,
	    saved ? "&saved=1" : "");
}

/* The strategy's years as select options ("2024" shown as "2024-25"). */
static int
year_options(struct arena *a, struct strat_form *x)
{
	int	 i, n = x->strategy.years;

	if ((x->years = arena_alloc(a, ((size_t)n + 1) *
	    sizeof(*x->years))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		char	 label[10];
		int	 y = x->strategy.first_year + i;

		strat_year_label(y, x->strategy.start_month, label);
		x->years[i].value = arena_printf(a, "%d", y);
		x->years[i].label = arena_strdup(a, label);
	}
	return 0;
}

/* The kind's field table, with the goal years filled in. */
static int
kind_field_table(struct arena *a, struct strat_form *x)
{
	enum strat_kind	 k = x->kind;

	x->nfields = kind_fields[k].n;
	if ((x->fields = arena_alloc(a, x->nfields *
	    sizeof(*x->fields))) == NULL)
		return -1;
	memcpy(x->fields, kind_fields[k].fields, x->nfields * sizeof(*x->fields));
	if (k == SK_GOAL) {
		if (year_options(a, x) == -1)
			return -1;
		x->fields[GOAL_YEAR].options = x->years;
	}
	return 0;
}

enum db_err
strat_form_load(struct db *db, struct arena *a, enum strat_kind k, long long id,
    long long parent, struct strat_form *x)
{
	static const enum strat_kind parent_kind[SK__MAX] = {
		[SK_AIM] = SK_STRATEGY, [SK_OBJECTIVE] = SK_AIM,
		[SK_GOAL] = SK_OBJECTIVE, [SK_KPI] = SK_OBJECTIVE,
	};
	struct strat_item	 p;
	enum db_err		 e;
	long long		 sid = 0;

	memset(x, 0, sizeof(*x));
	x->kind = k;
	x->item.kind = k;
	x->parent_code = "";
	if (id != 0 && (e = strat_item_get(db, a, k, id, &x->item)) != DB_OK)
		return e;
	if (id != 0)
		parent = x->item.parent_id;
	else
		x->item.parent_id = parent;
	if (k == SK_STRATEGY)
		sid = id;
	else if ((e = strat_item_get(db, a, parent_kind[k], parent,
	    &p)) != DB_OK)
		return e;
	else {
		sid = p.strategy_id;
		x->parent_code = p.values[0];
	}
	if (sid != 0 && (e = strat_get(db, a, sid, &x->strategy)) != DB_OK)
		return e;
	x->item.strategy_id = sid;
	return kind_field_table(a, x) == -1 ? DB_NOMEM : DB_OK;
}

int
strat_form_loaded(struct ctx *c, enum db_err e, const char *missing)
{
	if (e == DB_NOTFOUND)
		app_error(c, 404, missing);
	else if (e != DB_OK)
		app_db_error(c, e);
	return e == DB_OK;
}

/* "Add a goal to A1", "Edit KPI A1a", "Drop the strategy 2024-2027". */
static const char *
title_of(struct arena *a, const struct strat_form *x, const char *verb)
{
	const struct strat_item	*it = &x->item;
	const char		*code = it->id != 0 ? it->values[0] : "";

	if (it->id == 0 && x->kind == SK_STRATEGY)
		return "Add a strategy";
	if (it->id == 0)
		return arena_printf(a, "Add %s to %s", kind_paths[x->kind].what,
		    x->parent_code);
	if (x->kind == SK_STRATEGY)
		return arena_printf(a, "%s the strategy %s", verb, code);
	if (x->kind == SK_GOAL)
		return arena_printf(a, "%s a goal of %s", verb, x->parent_code);
	return arena_printf(a, "%s %s %s", verb, strat_kind_name(x->kind),
	    code);
}

void
strat_form_page(struct ctx *c, const struct strat_form_view *v)
{
	app_begin_page(c);
	ui_strategy_form(&c->html, v);
}

/* The item's form page: new or edit, first time, refused or in conflict. */
static void
show_item_form(struct ctx *c, const struct strat_form *x,
    const struct form *f, const struct conflict_row *conflict,
    size_t nconflict)
{
	struct strat_form_view	 v;
	const char		*path = kind_paths[x->kind].path;

	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.title = title_of(&c->arena, x, "Edit");
	v.action = x->item.id ? arena_printf(&c->arena, TREE "/%s/%lld/edit",
	    path, x->item.id) : arena_printf(&c->arena, TREE "/%s/new", path);
	v.submit = x->item.id ? "Save changes" : "Add";
	v.back = x->item.strategy_id ?
	    strat_form_tree_url(&c->arena, x->item.strategy_id, 0) : TREE;
	v.form = f;
	v.conflict = conflict;
	v.nconflict = nconflict;
	strat_form_page(c, &v);
}

int
strat_form_fill(struct arena *a, const struct strat_form *x, struct form *f)
{
	size_t	 i, n = x->nfields - EXTRA_FIELDS;

	if (form_init(f, a, x->fields, x->nfields) == -1)
		return -1;
	for (i = 0; i < n; i++)
		f->values[i].value = x->item.values[i] ? x->item.values[i] : "";
	f->values[n + 1].value = arena_printf(a, "%d", x->item.version);
	f->values[n + 2].value = arena_printf(a, "%lld", x->item.parent_id);
	return f->values[n + 1].value && f->values[n + 2].value ? 0 : -1;
}

void
strat_form_defaults(struct arena *a, struct strat_form *x, const char *today)
{
	static const char *const defaults[SK__MAX][STRAT_FIELDS_MAX] = {
		[SK_STRATEGY] = { "", "", "3", "1", "90", "70" },
		[SK_AIM] = { "", "", "", "100" },
		[SK_OBJECTIVE] = { "", "", "100" },
		[SK_GOAL] = { "", "" },
		[SK_KPI] = { "", "", "0", "", "manual", "sum", "100" },
	};
	enum strat_kind	 k = x->kind;
	size_t		 i;

	for (i = 0; i < STRAT_FIELDS_MAX; i++)
		x->item.values[i] = defaults[k][i];
	if (k == SK_STRATEGY)
		x->item.values[ST_FIRST_YEAR] = arena_strndup(a, today, 4);
	if (k == SK_GOAL && x->years != NULL && x->strategy.years > 0)
		x->item.values[GOAL_YEAR] = x->years[0].value;
}

void
strat_form_get(struct ctx *c, struct strat_form *x)
{
	struct form	 f;
	char		 today[11];

	if (x->item.id != 0 && x->item.dropped) {
		app_error(c, 409, "This is dropped: restore it before editing.");
		return;
	}
	if (x->item.id == 0) {
		app_today(today);
		strat_form_defaults(&c->arena, x, today);
	}
	if (strat_form_fill(&c->arena, x, &f) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	show_item_form(c, x, &f, NULL, 0);
}

void
strat_form_check(const struct strat_form *x, struct form *f)
{
	if (x->kind == SK_STRATEGY && f->values[ST_ON_TRACK].error == NULL &&
	    f->values[ST_AT_RISK].error == NULL &&
	    atoi(f->values[ST_AT_RISK].value) > atoi(f->values[ST_ON_TRACK].value))
		form_set_error(f, "at_risk_pct", "At risk must start at or below "
		    "on track.");
}

int
strat_form_conflict_rows(struct arena *a, const struct strat_form *x,
    const struct form *f, const struct strat_item *now,
    struct conflict_row **rows, size_t *n)
{
	size_t	 i, nf = x->nfields - EXTRA_FIELDS;

	if ((*rows = arena_alloc(a, (nf + 1) * sizeof(**rows))) == NULL)
		return -1;
	for (i = 0; i < nf; i++) {
		(*rows)[i].label = x->fields[i].label;
		(*rows)[i].yours = f->values[i].value;
		(*rows)[i].theirs = now->values[i];
	}
	(*rows)[nf].label = "Dropped";
	(*rows)[nf].yours = "no";
	(*rows)[nf].theirs = now->dropped ? "yes" : "no";
	*n = nf + 1;
	return 0;
}

/* Someone saved first: both versions, and the form at the current one. */
static void
item_conflict(struct ctx *c, struct strat_form *x, struct form *f)
{
	struct conflict_row	*rows;
	struct strat_item	 now;
	size_t			 n, nf = x->nfields - EXTRA_FIELDS;
	enum db_err		 e;

	e = strat_item_get(c->db, &c->arena, x->kind, x->item.id, &now);
	if (!strat_form_loaded(c, e, "This item is gone."))
		return;
	if (strat_form_conflict_rows(&c->arena, x, f, &now, &rows, &n) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	f->values[nf + 1].value = arena_printf(&c->arena, "%d", now.version);
	c->resp.status = 409;
	show_item_form(c, x, f, rows, n);
}

static void
save_item(struct ctx *c, struct strat_form *x, struct form *f)
{
	size_t		 i, nf = x->nfields - EXTRA_FIELDS;
	enum db_err	 e;

	for (i = 0; i < nf; i++)
		x->item.values[i] = f->values[i].value;
	x->item.version = atoi(f->values[nf + 1].value);
	e = strat_item_save(c->db, app_actor(c), &x->item,
	    f->values[nf].value);
	if (e == DB_CONFLICT) {
		item_conflict(c, x, f);
		return;
	}
	if (e == DB_DUPLICATE) {
		form_set_error(f, "code", "Another one in this strategy has "
		    "this code: choose another.");
		c->resp.status = 400;
		show_item_form(c, x, f, NULL, 0);
		return;
	}
	if (e == DB_NOTFOUND)
		app_error(c, 404, "What this belongs to is gone.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, strat_form_tree_url(&c->arena,
		    x->item.strategy_id, 1));
}

void
strat_form_post(struct ctx *c, struct strat_form *x)
{
	struct form	 f;

	if (form_read(&f, &c->arena, x->fields, x->nfields, &c->req.form) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	strat_form_check(x, &f);
	if (f.nerrors > 0) {
		c->resp.status = 400;
		show_item_form(c, x, &f, NULL, 0);
		return;
	}
	save_item(c, x, &f);
}

/* --- drop and restore: the reason, then the change ----------------------- */

static void
show_drop(struct ctx *c, const struct strat_form *x, const struct form *f,
    int dropping)
{
	struct strat_form_view	 v;
	const char		*path = kind_paths[x->kind].path;

	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.title = title_of(&c->arena, x, dropping ? "Drop" : "Restore");
	v.intro = dropping ? "A dropped item leaves the dashboard; its "
	    "history, figures and frozen snapshots stay, and it can be "
	    "restored." : "Restoring brings the item back to the dashboard "
	    "as it was.";
	v.action = arena_printf(&c->arena, TREE "/%s/%lld/%s", path,
	    x->item.id, dropping ? "drop" : "restore");
	v.submit = dropping ? "Drop it" : "Restore it";
	v.back = strat_form_tree_url(&c->arena, x->item.strategy_id, 0);
	v.form = f;
	strat_form_page(c, &v);
}

void
strat_form_drop_get(struct ctx *c, const struct strat_form *x, int dropping)
{
	struct form	 f;

	if (form_init(&f, &c->arena, strat_form_reason_fields,
	    EXTRA_FIELDS) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	f.values[1].value = arena_printf(&c->arena, "%d", x->item.version);
	if (x->item.dropped == dropping)
		c->resp.status = 409;
	show_drop(c, x, &f, dropping);
}

void
strat_form_drop_post(struct ctx *c, const struct strat_form *x, int dropping)
{
	struct form	 f;
	enum db_err	 e;

	if (form_read(&f, &c->arena, strat_form_reason_fields, EXTRA_FIELDS,
	    &c->req.form) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	if (f.nerrors > 0) {
		c->resp.status = 400;
		show_drop(c, x, &f, dropping);
		return;
	}
	e = strat_item_set_dropped(c->db, app_actor(c), x->kind, x->item.id,
	    atoi(f.values[1].value), dropping, f.values[0].value);
	if (e == DB_CONFLICT)
		app_error(c, 409, dropping ? "This changed since you opened it, "
		    "or is dropped already: go back to the strategy and try "
		    "again." : "This changed since you opened it, or is not "
		    "dropped: go back to the strategy and try again.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, strat_form_tree_url(&c->arena,
		    x->item.strategy_id, 1));
}
