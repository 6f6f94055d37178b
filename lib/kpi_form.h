/*
 * A KPI's two pages in the strategy editor, for cgi-bin/strategy.c: its
 * targets (one field per strategy year) and its counting rule (what to
 * count, and the ticked types, media, categories, organisation kinds
 * and policy areas).  Both end with the reason and the KPI's version,
 * as every editor form does (strategy_form.h).
 *
 * The functions that take the request context end the response; the
 * others neither print nor read the request.
 */
#ifndef TRACKER_KPI_FORM_H
#define TRACKER_KPI_FORM_H

#include <stddef.h>

#include "db.h"
#include "form.h"
#include "strategy.h"
#include "strategy_form.h"
#include "ui.h"
#include "ui_strategy.h"

struct arena;
struct ctx;
struct params;

/* A KPI's targets page: the KPI, its targets and one field per year. */
struct kpi_targets_form {
	struct strat_form	 x;
	struct kpi_target	*targets;	/* in year order */
	size_t			 n;
	struct form_field	*fields;	/* target_YEAR..., reason... */
	size_t			 nfields;
};

/*
 * Load KPI kpi_id's targets and make its fields: "Target for 2024-25"
 * named target_2024, a number or empty, per year of its strategy, then
 * the reason, version and parent.  DB_NOTFOUND when there is no such KPI.
 */
enum db_err	 kpi_form_targets_load(struct db *, struct arena *,
		    long long kpi_id, struct kpi_targets_form *);

/* The form showing the saved targets and the KPI's version; -1 OOM. */
int		 kpi_form_targets_fill(struct arena *,
		    const struct kpi_targets_form *, struct form *);

/* GET of the targets form: the saved targets as a 200 page. */
void		 kpi_form_targets_get(struct ctx *,
		    const struct kpi_targets_form *);

/*
 * POST of the targets form: the 303 to the tree; the form again as a
 * 400 with the messages; as a 409 with the targets typed and the KPI's
 * current version when it changed meanwhile; or an error page.
 */
void		 kpi_form_targets_post(struct ctx *, struct kpi_targets_form *);

/* The checkbox groups of the rule form, in the order it shows them. */
enum kpi_rule_group {
	RULE_TYPE, RULE_MEDIUM, RULE_CATEGORY, RULE_KIND, RULE_AREA,
	RULE__GROUPS
};

/* The rule form's fields before the reason, version and parent. */
enum kpi_rule_field {
	RULE_MEASURE, RULE_NEWNESS, RULE_DM, RULE__FIELDS
};

/* A KPI's rule page: the KPI, its rule and everything the form offers. */
struct kpi_rule_form {
	struct strat_form	 x;
	struct kpi_rule		 rule;
	struct option		*opts[RULE__GROUPS];
	size_t			 nopts[RULE__GROUPS];
	struct check_group	 groups[RULE__GROUPS];
	struct form_field	 fields[RULE__FIELDS + STRAT_FORM_EXTRA];
};

/*
 * Load KPI kpi_id's rule and the choices of each group: the engagement
 * types, media, person categories, organisation kinds and policy areas
 * (retired ones too, since a rule may name them).  DB_NOTFOUND when there
 * is no such KPI.
 */
enum db_err	 kpi_form_rule_load(struct db *, struct arena *,
		    long long kpi_id, struct kpi_rule_form *);

/* The form and ticked boxes showing the saved rule; -1 out of memory. */
int		 kpi_form_rule_fill(struct arena *, struct kpi_rule_form *,
		    struct form *);

/*
 * The posted rule into r->rule: the selects from f (read by form_read()
 * from the same parameters), the ticked boxes from posted, which also go
 * into r's groups so the form comes back as sent.  Returns the message
 * for beside the groups when a ticked box is not on offer (any more),
 * else NULL; the fields' own messages are in f.
 */
const char	*kpi_form_rule_read(struct arena *, struct kpi_rule_form *r,
		    const struct params *posted, const struct form *f);

/* GET of the rule form: the saved rule as a 200 page. */
void		 kpi_form_rule_get(struct ctx *, struct kpi_rule_form *);

/*
 * POST of the rule form: the 303 to the tree once saved and counted
 * again; the form again as a 400 (a message beside a field or the
 * groups) or a 409 with the rule typed (the KPI changed meanwhile); or an
 * error page.
 */
void		 kpi_form_rule_post(struct ctx *, struct kpi_rule_form *);

#endif
