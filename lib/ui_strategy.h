/*
 * Renderers for editing the strategy (/admin/strategy): the tree of a
 * strategy's aims, objectives, goals and KPIs with their edit, drop and
 * restore links; the form of one item (every change asks for a reason);
 * a KPI's counting rule and targets.  They take what to show and a
 * writer; none queries or reads the request.
 */
#ifndef TRACKER_UI_STRATEGY_H
#define TRACKER_UI_STRATEGY_H

#include <stddef.h>

struct conflict_row;
struct form;
struct html;
struct option;
struct session;
struct strat_tree;
struct strategy;

struct strat_tree_view {
	const struct session	*session;
	const char		*notice;
	const struct strategy	*strategies;	/* for the chooser */
	size_t			 nstrategies;
	const struct strat_tree	*tree;		/* NULL: there is none */
};

/* GET /admin/strategy: one strategy, all of it, with what can be done. */
void	ui_strategy_tree(struct html *, const struct strat_tree_view *);

/* A set of checkboxes of the rule form: name, legend, options, chosen. */
struct check_group {
	const char		*name;
	const char		*legend;
	const char		*hint;
	const struct option	*options;
	size_t			 noptions;
	const char *const	*chosen;	/* values ticked */
	size_t			 nchosen;
};

/*
 * One form of the strategy editor: an item's fields, a drop or restore
 * (only the reason), a KPI's targets, or its rule (with groups).  The
 * form's fields come first, then the groups; conflict rows, when there
 * are any, explain a 409 above it.
 */
struct strat_form_view {
	const struct session		*session;
	const char			*title;
	const char			*intro;		/* a sentence, or NULL */
	const char			*action;
	const char			*submit;	/* the button's text */
	const char			*back;		/* URL of the tree */
	const struct form		*form;
	const struct check_group	*groups;
	size_t				 ngroups;
	const char			*groups_error;	/* beside the groups */
	const struct conflict_row	*conflict;
	size_t				 nconflict;
};

void	ui_strategy_form(struct html *, const struct strat_form_view *);

#endif
