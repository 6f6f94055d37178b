/*
 * strategy.fcgi: /admin/strategy, the strategy editor (admins only):
 * strategies, aims, objectives, goals and KPIs (add, edit, drop,
 * restore), each KPI's counting rule and targets.  Every change asks for
 * a reason, kept in the decision log (/reports/decisions).  A saved change
 * redirects (303) to the strategy; a refused one comes back as a 400 page
 * with the message beside the field and everything typed; a change that
 * crossed someone else's gets the 409 page with both versions.
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
#include "strategy.h"
#include "ui.h"
#include "ui_strategy.h"

#define TREE	"/admin/strategy"

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

/* The kind a request's path is about (routes only match known ones). */
static enum strat_kind
path_kind(const struct ctx *c)
{
	const char	*rest = c->req.path + strlen(TREE "/");
	size_t		 n;
	int		 k;

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
#define EXTRA_FIELDS	3

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
static const struct form_field reason_fields[] = { REASON_FIELDS };

/* What the forms of one item need to know around it. */
struct item_context {
	enum strat_kind		 kind;
	struct strat_item	 item;		/* id 0 when new */
	struct strategy		 strategy;
	struct field_option	*years;		/* the strategy's, for goals */
	struct form_field	*fields;	/* the kind's, years set */
	size_t			 nfields;
	const char		*parent_code;	/* "A1" */
};

static enum strat_kind
ctx_kind(const struct item_context *x)
{
	return x->kind;
}

/* The back link and redirect target: the strategy's tree. */
static const char *
tree_url(struct ctx *c, long long strategy_id, int saved)
{
	return arena_printf(&c->arena, TREE "?strategy=%lld%s", strategy_id,
	    saved ? "&saved=1" : "");
}

/* The strategy's years as select options ("2024" shown as "2024-25"). */
static int
year_options(struct ctx *c, struct item_context *x)
{
	int	 i, n = x->strategy.years;

	if ((x->years = arena_alloc(&c->arena, ((size_t)n + 1) *
	    sizeof(*x->years))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		char	 label[10];
		int	 y = x->strategy.first_year + i;

		strat_year_label(y, x->strategy.start_month, label);
		x->years[i].value = arena_printf(&c->arena, "%d", y);
		x->years[i].label = arena_strdup(&c->arena, label);
	}
	return 0;
}

/* The kind's field table, with the goal years filled in. */
static int
context_fields(struct ctx *c, struct item_context *x)
{
	enum strat_kind	 k = ctx_kind(x);

	x->nfields = kind_fields[k].n;
	if ((x->fields = arena_alloc(&c->arena, x->nfields *
	    sizeof(*x->fields))) == NULL)
		return -1;
	memcpy(x->fields, kind_fields[k].fields, x->nfields * sizeof(*x->fields));
	if (k == SK_GOAL) {
		if (year_options(c, x) == -1)
			return -1;
		x->fields[GOAL_YEAR].options = x->years;
	}
	return 0;
}

/*
 * The strategy and parent code of an item, its own (id) or a new one's
 * under parent.  DB_NOTFOUND when either is missing.
 */
static enum db_err
load_context(struct ctx *c, enum strat_kind k, long long id, long long parent,
    struct item_context *x)
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
	if (id != 0 && (e = strat_item_get(c->db, &c->arena, k, id,
	    &x->item)) != DB_OK)
		return e;
	if (id != 0)
		parent = x->item.parent_id;
	else
		x->item.parent_id = parent;
	if (k == SK_STRATEGY)
		sid = id;
	else if ((e = strat_item_get(c->db, &c->arena, parent_kind[k], parent,
	    &p)) != DB_OK)
		return e;
	else {
		sid = p.strategy_id;
		x->parent_code = p.values[0];
	}
	if (sid != 0 && (e = strat_get(c->db, &c->arena, sid,
	    &x->strategy)) != DB_OK)
		return e;
	x->item.strategy_id = sid;
	return context_fields(c, x) == -1 ? DB_NOMEM : DB_OK;
}

/* An error page for a failed load; 1 if the load worked. */
static int
loaded(struct ctx *c, enum db_err e, const char *missing)
{
	if (e == DB_NOTFOUND)
		app_error(c, 404, missing);
	else if (e != DB_OK)
		app_db_error(c, e);
	return e == DB_OK;
}

static const char *
title_of(struct ctx *c, const struct item_context *x, const char *verb)
{
	const struct strat_item	*it = &x->item;
	const char		*code = it->id != 0 ? it->values[0] : "";

	if (it->id == 0 && ctx_kind(x) == SK_STRATEGY)
		return "Add a strategy";
	if (it->id == 0)
		return arena_printf(&c->arena, "Add %s to %s", kind_paths[x->kind].what,
		    x->parent_code);
	if (ctx_kind(x) == SK_STRATEGY)
		return arena_printf(&c->arena, "%s the strategy %s", verb, code);
	if (ctx_kind(x) == SK_GOAL)
		return arena_printf(&c->arena, "%s a goal of %s", verb,
		    x->parent_code);
	return arena_printf(&c->arena, "%s %s %s", verb,
	    strat_kind_name(ctx_kind(x)), code);
}

static void
show(struct ctx *c, const struct strat_form_view *v)
{
	app_begin_page(c);
	ui_strategy_form(&c->html, v);
}

/* The item's form page: new or edit, first time, refused or in conflict. */
static void
show_item_form(struct ctx *c, const struct item_context *x,
    const struct form *f, const struct conflict_row *conflict,
    size_t nconflict)
{
	struct strat_form_view	 v;
	const char		*path = kind_paths[x->kind].path;

	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.title = title_of(c, x, "Edit");
	v.action = x->item.id ? arena_printf(&c->arena, TREE "/%s/%lld/edit",
	    path, x->item.id) : arena_printf(&c->arena, TREE "/%s/new", path);
	v.submit = x->item.id ? "Save changes" : "Add";
	v.back = x->item.strategy_id ? tree_url(c, x->item.strategy_id, 0) : TREE;
	v.form = f;
	v.conflict = conflict;
	v.nconflict = nconflict;
	show(c, &v);
}

/* Fill a form from an item's values, with its version and parent. */
static int
form_from_item(struct ctx *c, const struct item_context *x, struct form *f)
{
	size_t	 i, n = x->nfields - EXTRA_FIELDS;

	if (form_init(f, &c->arena, x->fields, x->nfields) == -1)
		return -1;
	for (i = 0; i < n; i++)
		f->values[i].value = x->item.values[i] ? x->item.values[i] : "";
	f->values[n + 1].value = arena_printf(&c->arena, "%d", x->item.version);
	f->values[n + 2].value = arena_printf(&c->arena, "%lld",
	    x->item.parent_id);
	return f->values[n + 1].value && f->values[n + 2].value ? 0 : -1;
}

/* A new item's first values. */
static void
item_defaults(struct ctx *c, struct item_context *x)
{
	static const char *const defaults[SK__MAX][STRAT_FIELDS_MAX] = {
		[SK_STRATEGY] = { "", "", "3", "1", "90", "70" },
		[SK_AIM] = { "", "", "", "100" },
		[SK_OBJECTIVE] = { "", "", "100" },
		[SK_GOAL] = { "", "" },
		[SK_KPI] = { "", "", "0", "", "manual", "sum", "100" },
	};
	enum strat_kind	 k = ctx_kind(x);
	char		 today[11];
	size_t		 i;

	for (i = 0; i < STRAT_FIELDS_MAX; i++)
		x->item.values[i] = defaults[k][i];
	app_today(today);
	if (k == SK_STRATEGY)
		x->item.values[ST_FIRST_YEAR] = arena_strndup(&c->arena, today, 4);
	if (k == SK_GOAL && x->years != NULL && x->strategy.years > 0)
		x->item.values[GOAL_YEAR] = x->years[0].value;
}

static long long
id_param(const char *s)
{
	return s != NULL && validate_integer(s) == NULL ? strtoll(s, NULL, 10) : 0;
}

static void
new_get(struct ctx *c)
{
	struct item_context	 x;
	struct form		 f;

	if (!loaded(c, load_context(c, path_kind(c), 0, id_param(req_query(&c->req,
	    "parent")), &x), "There is no such item to add to."))
		return;
	item_defaults(c, &x);
	if (form_from_item(c, &x, &f) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	show_item_form(c, &x, &f, NULL, 0);
}

static void
edit_get(struct ctx *c)
{
	struct item_context	 x;
	struct form		 f;

	if (!loaded(c, load_context(c, path_kind(c), c->id, 0, &x),
	    "There is no such item."))
		return;
	if (x.item.dropped) {
		app_error(c, 409, "This is dropped: restore it before editing.");
		return;
	}
	if (form_from_item(c, &x, &f) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	show_item_form(c, &x, &f, NULL, 0);
}

/* Checks across fields, after each field's own. */
static void
check_item(const struct item_context *x, struct form *f)
{
	if (ctx_kind(x) == SK_STRATEGY && f->values[ST_ON_TRACK].error == NULL &&
	    f->values[ST_AT_RISK].error == NULL &&
	    atoi(f->values[ST_AT_RISK].value) > atoi(f->values[ST_ON_TRACK].value))
		form_set_error(f, "at_risk_pct", "At risk must start at or below "
		    "on track.");
}

/* The 409 rows: each field as typed beside the saved one. */
static int
conflict_rows(struct ctx *c, const struct item_context *x,
    const struct form *f, const struct strat_item *now,
    struct conflict_row **rows, size_t *n)
{
	size_t	 i, nf = x->nfields - EXTRA_FIELDS;

	if ((*rows = arena_alloc(&c->arena, (nf + 1) * sizeof(**rows))) == NULL)
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
item_conflict(struct ctx *c, struct item_context *x, struct form *f)
{
	struct conflict_row	*rows;
	struct strat_item	 now;
	size_t			 n, nf = x->nfields - EXTRA_FIELDS;
	enum db_err		 e;

	e = strat_item_get(c->db, &c->arena, ctx_kind(x), x->item.id, &now);
	if (!loaded(c, e, "This item is gone."))
		return;
	if (conflict_rows(c, x, f, &now, &rows, &n) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	f->values[nf + 1].value = arena_printf(&c->arena, "%d", now.version);
	c->resp.status = 409;
	show_item_form(c, x, f, rows, n);
}

static void
save_item(struct ctx *c, struct item_context *x, struct form *f)
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
		resp_redirect(&c->resp, tree_url(c, x->item.strategy_id, 1));
}

static void
item_post(struct ctx *c, long long id)
{
	struct item_context	 x;
	struct form		 f;
	long long		 parent = id_param(req_form(&c->req, "parent"));

	if (!loaded(c, load_context(c, path_kind(c), id, parent, &x),
	    "There is no such item."))
		return;
	if (form_read(&f, &c->arena, x.fields, x.nfields, &c->req.form) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	check_item(&x, &f);
	if (f.nerrors > 0) {
		c->resp.status = 400;
		show_item_form(c, &x, &f, NULL, 0);
		return;
	}
	save_item(c, &x, &f);
}

static void
new_post(struct ctx *c)
{
	item_post(c, 0);
}

static void
edit_post(struct ctx *c)
{
	item_post(c, c->id);
}

/* Drop and restore: the reason, then the change. */

static void
show_drop(struct ctx *c, const struct item_context *x, const struct form *f,
    int dropping)
{
	struct strat_form_view	 v;
	const char		*path = kind_paths[x->kind].path;

	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.title = title_of(c, x, dropping ? "Drop" : "Restore");
	v.intro = dropping ? "A dropped item leaves the dashboard; its "
	    "history, figures and frozen snapshots stay, and it can be "
	    "restored." : "Restoring brings the item back to the dashboard "
	    "as it was.";
	v.action = arena_printf(&c->arena, TREE "/%s/%lld/%s", path,
	    x->item.id, dropping ? "drop" : "restore");
	v.submit = dropping ? "Drop it" : "Restore it";
	v.back = tree_url(c, x->item.strategy_id, 0);
	v.form = f;
	show(c, &v);
}

static void
drop_get_as(struct ctx *c, int dropping)
{
	struct item_context	 x;
	struct form		 f;

	if (!loaded(c, load_context(c, path_kind(c), c->id, 0, &x),
	    "There is no such item."))
		return;
	if (form_init(&f, &c->arena, reason_fields, EXTRA_FIELDS) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	f.values[1].value = arena_printf(&c->arena, "%d", x.item.version);
	if (x.item.dropped == dropping)
		c->resp.status = 409;
	show_drop(c, &x, &f, dropping);
}

static void
drop_post_as(struct ctx *c, int dropping)
{
	struct item_context	 x;
	struct form		 f;
	enum db_err		 e;

	if (!loaded(c, load_context(c, path_kind(c), c->id, 0, &x),
	    "There is no such item."))
		return;
	if (form_read(&f, &c->arena, reason_fields, EXTRA_FIELDS,
	    &c->req.form) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	if (f.nerrors > 0) {
		c->resp.status = 400;
		show_drop(c, &x, &f, dropping);
		return;
	}
	e = strat_item_set_dropped(c->db, app_actor(c), ctx_kind(&x), c->id,
	    atoi(f.values[1].value), dropping, f.values[0].value);
	if (e == DB_CONFLICT)
		app_error(c, 409, dropping ? "This changed since you opened it, "
		    "or is dropped already: go back to the strategy and try "
		    "again." : "This changed since you opened it, or is not "
		    "dropped: go back to the strategy and try again.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, tree_url(c, x.item.strategy_id, 1));
}

static void
drop_get(struct ctx *c)
{
	drop_get_as(c, 1);
}

static void
drop_post(struct ctx *c)
{
	drop_post_as(c, 1);
}

static void
restore_get(struct ctx *c)
{
	drop_get_as(c, 0);
}

static void
restore_post(struct ctx *c)
{
	drop_post_as(c, 0);
}

/* The tree. */

static void
tree_get(struct ctx *c)
{
	struct strat_tree_view	 v;
	struct strat_tree	 t;
	struct strategy		 s, *list = NULL;
	char			 today[11];
	long long		 id = id_param(req_query(&c->req, "strategy"));
	enum db_err		 e;

	memset(&v, 0, sizeof(v));
	app_today(today);
	e = strat_list(c->db, &c->arena, &list, &v.nstrategies);
	v.strategies = list;
	if (e == DB_OK && id == 0 && (e = strat_current(c->db, &c->arena, today,
	    &s)) == DB_OK)
		id = s.id;
	if (e == DB_NOTFOUND)
		e = DB_OK;
	if (e == DB_OK && id != 0 && (e = strat_tree(c->db, &c->arena, id,
	    &t)) == DB_OK)
		v.tree = &t;
	if (e == DB_NOTFOUND) {
		app_error(c, 404, "There is no strategy with that number.");
		return;
	}
	if (e != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.session = &c->session;
	v.notice = req_query(&c->req, "saved") ? "Saved, and logged with "
	    "its reason." : NULL;
	app_begin_page(c);
	ui_strategy_tree(&c->html, &v);
}

/* A KPI's targets: one field per strategy year, then the reason. */

struct targets_page {
	struct item_context	 x;
	struct kpi_target	*targets;
	size_t			 n;
	struct form_field	*fields;
	size_t			 nfields;
};

static const char *
target_problem(const char *s)
{
	return kpi_number_problem(s);
}

static int
targets_fields(struct ctx *c, struct targets_page *t)
{
	size_t	 i;

	t->nfields = t->n + EXTRA_FIELDS;
	if ((t->fields = arena_alloc(&c->arena, t->nfields *
	    sizeof(*t->fields))) == NULL)
		return -1;
	for (i = 0; i < t->n; i++) {
		char label[10];

		strat_year_label(t->targets[i].year, t->x.strategy.start_month,
		    label);
		t->fields[i].name = arena_printf(&c->arena, "target_%d",
		    t->targets[i].year);
		t->fields[i].label = arena_printf(&c->arena, "Target for %s",
		    label);
		t->fields[i].type = FIELD_TEXT;
		t->fields[i].max_chars = 20;
		t->fields[i].validate = target_problem;
		t->fields[i].autocomplete = "off";
		t->fields[i].hint = "A number; empty for none.";
		if (t->fields[i].name == NULL || t->fields[i].label == NULL)
			return -1;
	}
	memcpy(t->fields + t->n, reason_fields, sizeof(reason_fields));
	return 0;
}

static enum db_err
load_targets(struct ctx *c, struct targets_page *t)
{
	enum db_err	 e;

	memset(t, 0, sizeof(*t));
	if ((e = load_context(c, SK_KPI, c->id, 0, &t->x)) != DB_OK ||
	    (e = kpi_targets_get(c->db, &c->arena, c->id, &t->targets,
	    &t->n)) != DB_OK)
		return e;
	return targets_fields(c, t) == -1 ? DB_NOMEM : DB_OK;
}

static void
show_targets(struct ctx *c, const struct targets_page *t, const struct form *f)
{
	struct strat_form_view	 v;

	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.title = arena_printf(&c->arena, "Targets of KPI %s",
	    t->x.item.values[KPI_CODE]);
	v.intro = t->x.item.values[KPI_LABEL];
	v.action = arena_printf(&c->arena, TREE "/kpis/%lld/targets", c->id);
	v.submit = "Save targets";
	v.back = tree_url(c, t->x.item.strategy_id, 0);
	v.form = f;
	show(c, &v);
}

static void
targets_get(struct ctx *c)
{
	struct targets_page	 t;
	struct form		 f;
	size_t			 i;

	if (!loaded(c, load_targets(c, &t), "There is no such KPI."))
		return;
	if (form_init(&f, &c->arena, t.fields, t.nfields) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	for (i = 0; i < t.n; i++)
		f.values[i].value = t.targets[i].value;
	f.values[t.n + 1].value = arena_printf(&c->arena, "%d", t.x.item.version);
	show_targets(c, &t, &f);
}

static void
targets_post(struct ctx *c)
{
	struct targets_page	 t;
	struct form		 f;
	enum db_err		 e;
	size_t			 i;

	if (!loaded(c, load_targets(c, &t), "There is no such KPI."))
		return;
	if (form_read(&f, &c->arena, t.fields, t.nfields, &c->req.form) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	if (f.nerrors > 0) {
		c->resp.status = 400;
		show_targets(c, &t, &f);
		return;
	}
	for (i = 0; i < t.n; i++)
		t.targets[i].value = f.values[i].value;
	e = kpi_targets_save(c->db, app_actor(c), c->id,
	    atoi(f.values[t.n + 1].value), t.targets, t.n, f.values[t.n].value);
	if (e == DB_CONFLICT) {
		f.values[t.n + 1].value = arena_printf(&c->arena, "%d",
		    t.x.item.version);
		form_set_error(&f, "reason", "Someone changed this KPI since you "
		    "opened the page; the targets below are yours. Check them "
		    "and save again.");
		c->resp.status = 409;
		show_targets(c, &t, &f);
	} else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, tree_url(c, t.x.item.strategy_id, 1));
}

/* A KPI's counting rule. */

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

enum { R_MEASURE, R_NEWNESS, R_DM, R__FIELDS };

static const struct form_field rule_fields[] = {
	{ "measure", "Count", FIELD_SELECT, FIELD_REQUIRED, 0, NULL, NULL,
	    "Each matching engagement once, or the people or organisations "
	    "on them, each once per period.", measure_options },
	{ "newness", "People", FIELD_SELECT, FIELD_REQUIRED, 0, NULL, NULL,
	    "New or existing as the engagement list marks them.",
	    newness_options },
	{ "decision_makers", "Decision makers only", FIELD_SELECT,
	    FIELD_REQUIRED, 0, NULL, NULL, "Categories marked as decision "
	    "makers under Admin, Person categories.", dm_options },
	REASON_FIELDS,
};

enum { G_TYPE, G_MEDIUM, G_CATEGORY, G_KIND, G_AREA, G__MAX };

/* The checkbox names of the groups, as posted. */
static const char *const group_names[G__MAX] = {
	[G_TYPE] = "type", [G_MEDIUM] = "medium", [G_CATEGORY] = "category",
	[G_KIND] = "kind", [G_AREA] = "area",
};

/* Everything the rule form offers. */
struct rule_page {
	struct item_context	 x;
	struct kpi_rule		 rule;
	struct option		*opts[G__MAX];
	size_t			 nopts[G__MAX];
	struct check_group	 groups[G__MAX];
};

static enum db_err
rule_choices(struct ctx *c, struct rule_page *r)
{
	struct code_label	*types;
	struct category		*cats;
	struct policy_area	*areas;
	size_t			 i, n;
	enum db_err		 e;

	if ((e = engagement_types(c->db, &c->arena, &types, &n)) != DB_OK)
		return e;
	if ((r->opts[G_TYPE] = arena_alloc(&c->arena, (n + 1) *
	    sizeof(struct option))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++)
		r->opts[G_TYPE][i] = (struct option){ types[i].code,
		    types[i].label };
	r->nopts[G_TYPE] = n;
	if ((e = categories_list(c->db, &c->arena, &cats, &n)) != DB_OK)
		return e;
	if ((r->opts[G_CATEGORY] = arena_alloc(&c->arena, (n + 1) *
	    sizeof(struct option))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++)
		r->opts[G_CATEGORY][i] = (struct option){ cats[i].code,
		    cats[i].label };
	r->nopts[G_CATEGORY] = n;
	if ((e = policy_areas_list(c->db, &c->arena, 1, &areas, &n)) != DB_OK)
		return e;
	if ((r->opts[G_AREA] = arena_alloc(&c->arena, (n + 1) *
	    sizeof(struct option))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++)
		r->opts[G_AREA][i] = (struct option){ arena_printf(&c->arena,
		    "%lld", areas[i].id), areas[i].name };
	r->nopts[G_AREA] = n;
	return DB_OK;
}

/* The fixed lists (media, organisation kinds) as options. */
static int
table_options(struct ctx *c, const struct code_label *t, struct option **out,
    size_t *n)
{
	size_t	 i;

	for (*n = 0; t[*n].code != NULL; (*n)++)
		;
	if ((*out = arena_alloc(&c->arena, (*n + 1) * sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < *n; i++)
		(*out)[i] = (struct option){ t[i].code, t[i].label };
	return 0;
}

static void
rule_groups(struct rule_page *r, const char *const *chosen[G__MAX],
    const size_t nchosen[G__MAX])
{
	static const struct {
		const char	*legend, *hint;
	} g[G__MAX] = {
		[G_TYPE] = { "Engagement types", "None ticked: any type." },
		[G_MEDIUM] = { "Media", "None ticked: any, and engagements "
		    "with no medium." },
		[G_CATEGORY] = { "Person categories", "None ticked: anyone; "
		    "ticked: only engagements with someone of these, and only "
		    "they are counted as people." },
		[G_KIND] = { "Organisation kinds", "None ticked: any; ticked: "
		    "only engagements with an organisation of these, and only "
		    "they are counted as organisations." },
		[G_AREA] = { "Policy areas", "None ticked: any; ticked: only "
		    "engagements tagged with one of these." },
	};
	size_t	 i;

	for (i = 0; i < G__MAX; i++)
		r->groups[i] = (struct check_group){ group_names[i], g[i].legend,
		    g[i].hint, r->opts[i], r->nopts[i], chosen[i], nchosen[i] };
}

static const char **
area_texts(struct ctx *c, const long long *ids, size_t n)
{
	const char	**out = arena_alloc(&c->arena, (n + 1) * sizeof(*out));
	size_t		  i;

	for (i = 0; out != NULL && i < n; i++)
		out[i] = arena_printf(&c->arena, "%lld", ids[i]);
	return out;
}

static enum db_err
load_rule(struct ctx *c, struct rule_page *r)
{
	enum db_err	 e;

	memset(r, 0, sizeof(*r));
	if ((e = load_context(c, SK_KPI, c->id, 0, &r->x)) != DB_OK ||
	    (e = kpi_rule_get(c->db, &c->arena, c->id, &r->rule)) != DB_OK ||
	    (e = rule_choices(c, r)) != DB_OK)
		return e;
	if (table_options(c, media, &r->opts[G_MEDIUM], &r->nopts[G_MEDIUM]) ||
	    table_options(c, org_kinds, &r->opts[G_KIND], &r->nopts[G_KIND]))
		return DB_NOMEM;
	return DB_OK;
}

static void
show_rule(struct ctx *c, struct rule_page *r, const struct form *f,
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
	v.action = arena_printf(&c->arena, TREE "/kpis/%lld/rule", c->id);
	v.submit = "Save the rule";
	v.back = tree_url(c, r->x.item.strategy_id, 0);
	v.form = f;
	v.groups = r->groups;
	v.ngroups = G__MAX;
	v.groups_error = groups_error;
	show(c, &v);
}

static void
rule_get(struct ctx *c)
{
	struct rule_page	 r;
	struct form		 f;
	const char *const	*chosen[G__MAX];
	size_t			 nchosen[G__MAX];

	if (!loaded(c, load_rule(c, &r), "There is no such KPI."))
		return;
	if (form_init(&f, &c->arena, rule_fields, R__FIELDS + EXTRA_FIELDS)) {
		app_error(c, 500, NULL);
		return;
	}
	f.values[R_MEASURE].value = r.rule.measure;
	f.values[R_NEWNESS].value = r.rule.newness;
	f.values[R_DM].value = r.rule.decision_makers ? "1" : "0";
	f.values[R__FIELDS + 1].value = arena_printf(&c->arena, "%d",
	    r.x.item.version);
	chosen[G_TYPE] = r.rule.types;
	nchosen[G_TYPE] = r.rule.ntypes;
	chosen[G_MEDIUM] = r.rule.media;
	nchosen[G_MEDIUM] = r.rule.nmedia;
	chosen[G_CATEGORY] = r.rule.categories;
	nchosen[G_CATEGORY] = r.rule.ncategories;
	chosen[G_KIND] = r.rule.kinds;
	nchosen[G_KIND] = r.rule.nkinds;
	chosen[G_AREA] = area_texts(c, r.rule.areas, r.rule.nareas);
	nchosen[G_AREA] = r.rule.nareas;
	rule_groups(&r, chosen, nchosen);
	show_rule(c, &r, &f, NULL);
}

/* The ticked values of group g; -1 when one is not among its options. */
static int
ticked(struct ctx *c, const struct rule_page *r, int g, const char ***out,
    size_t *n)
{
	size_t	 i, j;

	*n = params_count(&c->req.form, group_names[g]);
	if ((*out = arena_alloc(&c->arena, (*n + 1) * sizeof(**out))) == NULL)
		return -1;
	for (i = 0; i < *n; i++) {
		(*out)[i] = params_nth(&c->req.form, group_names[g], i);
		for (j = 0; j < r->nopts[g]; j++)
			if (strcmp((*out)[i], r->opts[g][j].value) == 0)
				break;
		if (j == r->nopts[g])
			return -1;
	}
	return 0;
}

/* The rule as posted into r->rule; a message when a box is unknown. */
static const char *
rule_from_post(struct ctx *c, struct rule_page *r, const struct form *f)
{
	const char	**set[G__MAX];
	size_t		 n[G__MAX], i;
	int		 bad = 0;

	for (i = 0; i < G__MAX; i++)
		if (ticked(c, r, (int)i, &set[i], &n[i]) == -1)
			bad = 1;
	rule_groups(r, (const char *const **)set, n);
	if (bad)
		return "One of the ticked boxes is not on offer any more: "
		    "check them and save again.";
	r->rule.measure = f->values[R_MEASURE].value;
	r->rule.newness = f->values[R_NEWNESS].value;
	r->rule.decision_makers = strcmp(f->values[R_DM].value, "1") == 0;
	r->rule.types = set[G_TYPE];
	r->rule.ntypes = n[G_TYPE];
	r->rule.media = set[G_MEDIUM];
	r->rule.nmedia = n[G_MEDIUM];
	r->rule.categories = set[G_CATEGORY];
	r->rule.ncategories = n[G_CATEGORY];
	r->rule.kinds = set[G_KIND];
	r->rule.nkinds = n[G_KIND];
	r->rule.nareas = n[G_AREA];
	if ((r->rule.areas = arena_alloc(&c->arena, (n[G_AREA] + 1) *
	    sizeof(*r->rule.areas))) == NULL)
		return "Out of memory.";
	for (i = 0; i < n[G_AREA]; i++)
		r->rule.areas[i] = strtoll(set[G_AREA][i], NULL, 10);
	return NULL;
}

static void
rule_post(struct ctx *c)
{
	struct rule_page	 r;
	struct form		 f;
	const char		*problem;
	enum db_err		 e;

	if (!loaded(c, load_rule(c, &r), "There is no such KPI."))
		return;
	if (form_read(&f, &c->arena, rule_fields, R__FIELDS + EXTRA_FIELDS,
	    &c->req.form) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	problem = rule_from_post(c, &r, &f);
	if (f.nerrors > 0 || problem != NULL) {
		c->resp.status = 400;
		show_rule(c, &r, &f, problem);
		return;
	}
	e = kpi_rule_save(c->db, app_actor(c), c->id,
	    atoi(f.values[R__FIELDS + 1].value), &r.rule,
	    f.values[R__FIELDS].value);
	if (e == DB_CONFLICT) {
		f.values[R__FIELDS + 1].value = arena_printf(&c->arena, "%d",
		    r.x.item.version);
		c->resp.status = 409;
		show_rule(c, &r, &f, "Someone changed this KPI since you opened "
		    "the page; the rule below is yours. Check it and save again.");
	} else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, tree_url(c, r.x.item.strategy_id, 1));
}

#define KIND_ROUTES(p) \
	{ TREE "/" p "/new", new_get, new_post, 0, ROLE_ADMIN }, \
	{ TREE "/" p "/:id/edit", edit_get, edit_post, 0, ROLE_ADMIN }, \
	{ TREE "/" p "/:id/drop", drop_get, drop_post, 0, ROLE_ADMIN }, \
	{ TREE "/" p "/:id/restore", restore_get, restore_post, 0, ROLE_ADMIN }

static const struct route routes[] = {
	{ TREE, tree_get, NULL, 0, ROLE_ADMIN },
	KIND_ROUTES("strategies"),
	KIND_ROUTES("aims"),
	KIND_ROUTES("objectives"),
	KIND_ROUTES("goals"),
	KIND_ROUTES("kpis"),
	{ TREE "/kpis/:id/rule", rule_get, rule_post, 0, ROLE_ADMIN },
	{ TREE "/kpis/:id/targets", targets_get, targets_post, 0, ROLE_ADMIN },
};

int
main(void)
{
	const struct app app = { "strategy", routes,
	    sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
