/*
 * strategy.fcgi: /admin/strategy, the strategy editor (admins only):
 * strategies, aims, objectives, goals and KPIs (add, edit, drop,
 * restore), each KPI's counting rule and targets.  Every change asks for
 * a reason, kept in the decision log (/reports/decisions).  A saved change
 * redirects (303) to the strategy; a refused one comes back as a 400 page
 * with the message beside the field and everything typed; a change that
 * crossed someone else's gets the 409 page with both versions.  The forms
 * are lib/strategy_form.c's (items) and lib/kpi_form.c's (rule, targets).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "kpi_form.h"
#include "strategy.h"
#include "strategy_form.h"
#include "ui_strategy.h"

#define TREE	STRAT_FORM_TREE

static long long
id_param(const char *s)
{
	return s != NULL && validate_integer(s) == NULL ? strtoll(s, NULL, 10) : 0;
}

/* The item of the route's kind and id, or its error page; 1 if loaded. */
static int
load_item(struct ctx *c, struct strat_form *x)
{
	return strat_form_loaded(c, strat_form_load(c->db, &c->arena,
	    strat_form_kind(c->req.path), c->id, 0, x),
	    "There is no such item.");
}

/* Items: add and edit. */

static void
new_get(struct ctx *c)
{
	struct strat_form	 x;

	if (strat_form_loaded(c, strat_form_load(c->db, &c->arena,
	    strat_form_kind(c->req.path), 0, id_param(req_query(&c->req,
	    "parent")), &x), "There is no such item to add to."))
		strat_form_get(c, &x);
}

static void
edit_get(struct ctx *c)
{
	struct strat_form	 x;

	if (load_item(c, &x))
		strat_form_get(c, &x);
}

static void
item_post(struct ctx *c, long long id)
{
	struct strat_form	 x;
	long long		 parent = id_param(req_form(&c->req, "parent"));

	if (strat_form_loaded(c, strat_form_load(c->db, &c->arena,
	    strat_form_kind(c->req.path), id, parent, &x),
	    "There is no such item."))
		strat_form_post(c, &x);
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
drop_get_as(struct ctx *c, int dropping)
{
	struct strat_form	 x;

	if (load_item(c, &x))
		strat_form_drop_get(c, &x, dropping);
}

static void
drop_post_as(struct ctx *c, int dropping)
{
	struct strat_form	 x;

	if (load_item(c, &x))
		strat_form_drop_post(c, &x, dropping);
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

/* A KPI's targets and counting rule. */

static void
targets_get(struct ctx *c)
{
	struct kpi_targets_form	 t;

	if (strat_form_loaded(c, kpi_form_targets_load(c->db, &c->arena, c->id,
	    &t), "There is no such KPI."))
		kpi_form_targets_get(c, &t);
}

static void
targets_post(struct ctx *c)
{
	struct kpi_targets_form	 t;

	if (strat_form_loaded(c, kpi_form_targets_load(c->db, &c->arena, c->id,
	    &t), "There is no such KPI."))
		kpi_form_targets_post(c, &t);
}

static void
rule_get(struct ctx *c)
{
	struct kpi_rule_form	 r;

	if (strat_form_loaded(c, kpi_form_rule_load(c->db, &c->arena, c->id,
	    &r), "There is no such KPI."))
		kpi_form_rule_get(c, &r);
}

static void
rule_post(struct ctx *c)
{
	struct kpi_rule_form	 r;

	if (strat_form_loaded(c, kpi_form_rule_load(c->db, &c->arena, c->id,
	    &r), "There is no such KPI."))
		kpi_form_rule_post(c, &r);
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
