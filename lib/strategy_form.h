/*
 * The strategy editor's forms, for cgi-bin/strategy.c: one item of any
 * kind (a strategy, aim, objective, goal or KPI) with the reason every
 * change asks for, and the drop or restore that asks only for the
 * reason.  Each kind's fields come first, in strat_item.values order,
 * then the reason and the hidden version and parent.
 *
 * The functions that take the request context end the response
 * themselves (the page, the 303 to the tree, or an error page); the
 * others neither print nor read the request, so the tests call them.
 */
#ifndef TRACKER_STRATEGY_FORM_H
#define TRACKER_STRATEGY_FORM_H

#include <stddef.h>

#include "db.h"
#include "form.h"
#include "strategy.h"

struct arena;
struct conflict_row;
struct ctx;
struct strat_form_view;

/* Where the editor lives: the tree, and each kind's pages below it. */
#define STRAT_FORM_TREE	"/admin/strategy"

/*
 * How many fields every form has after its kind's own: the reason, the
 * hidden version and the hidden parent, at kind fields + 0, 1 and 2.
 */
#define STRAT_FORM_EXTRA	3

/* The reason, version and parent: the whole form of a drop or restore. */
extern const struct form_field strat_form_reason_fields[STRAT_FORM_EXTRA];

/* What the forms of one item need to know around it. */
struct strat_form {
	enum strat_kind		 kind;
	struct strat_item	 item;		/* id 0 when new */
	struct strategy		 strategy;
	struct field_option	*years;		/* the strategy's, for goals */
	struct form_field	*fields;	/* the kind's, years set */
	size_t			 nfields;
	const char		*parent_code;	/* "A1" */
};

/*
 * The kind a path below the tree is about: "/admin/strategy/goals/new"
 * is SK_GOAL.  SK_STRATEGY for a path that names no kind (the routes
 * only match those that do).
 */
enum strat_kind	 strat_form_kind(const char *path);

/*
 * Load an item of kind k for its forms: its own (id), or a new one's
 * under parent (id 0; a strategy has no parent), with the strategy it is
 * in, its parent's code and the kind's field table, a goal's years from
 * its strategy.  DB_NOTFOUND when the item or the parent is missing.
 */
enum db_err	 strat_form_load(struct db *, struct arena *, enum strat_kind k,
		    long long id, long long parent, struct strat_form *);

/*
 * An error page for a failed load: 404 with missing for DB_NOTFOUND,
 * else the database's.  1 when the load worked and nothing was shown.
 */
int		 strat_form_loaded(struct ctx *, enum db_err, const char *missing);

/*
 * The strategy's tree, where the editor goes back to and redirects after
 * a save (saved adds the flag that shows the notice).  NULL out of
 * memory.
 */
const char	*strat_form_tree_url(struct arena *, long long strategy_id,
		    int saved);

/*
 * A new item's first values: a strategy of three years from January
 * starting this year (today is YYYY-MM-DD), on track from 90% and at
 * risk from 70%; order 100; a goal in its strategy's first year; a KPI
 * that is not a key measure, entered by hand and added up.
 */
void		 strat_form_defaults(struct arena *, struct strat_form *,
		    const char *today);

/* The form showing the item's values, its version and parent; -1 OOM. */
int		 strat_form_fill(struct arena *, const struct strat_form *,
		    struct form *);

/*
 * The checks across fields, after form_read()'s own: a strategy's at
 * risk threshold must not be above its on track one.
 */
void		 strat_form_check(const struct strat_form *, struct form *);

/*
 * The 409 page's rows: each field as typed in f beside now's (the item
 * as saved now), then whether it is dropped.  -1 out of memory.
 */
int		 strat_form_conflict_rows(struct arena *,
		    const struct strat_form *, const struct form *f,
		    const struct strat_item *now, struct conflict_row **,
		    size_t *n);

/* Begin the page and render one editor form. */
void		 strat_form_page(struct ctx *, const struct strat_form_view *);

/*
 * GET of the item's form as a 200 page: a new item's with its defaults,
 * or a saved one's (a dropped one is a 409: restore it first).
 */
void		 strat_form_get(struct ctx *, struct strat_form *);

/*
 * POST of the item's form.  Ends with the 303 to the tree; the form again
 * as a 400 with the messages (a code taken in the strategy among them);
 * the 409 page with both versions and the form at the saved version; or
 * an error page (404 when what it belongs to is gone).
 */
void		 strat_form_post(struct ctx *, struct strat_form *);

/*
 * GET of the drop (dropping) or restore form: only the reason.  A 409
 * page, form and all, when the item is already so.
 */
void		 strat_form_drop_get(struct ctx *, const struct strat_form *,
		    int dropping);

/*
 * POST of the drop or restore form: the 303 to the tree, the form again
 * as a 400 without a reason, or the 409 error page when the item changed
 * or is already so.
 */
void		 strat_form_drop_post(struct ctx *, const struct strat_form *,
		    int dropping);

#endif
