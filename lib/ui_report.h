/*
 * The policy engagement report as a page (printable on A4 through
 * htdocs/static/print.css), as CSV and as JSON.  Renderers only: they
 * take a built report (lib/report.h) and write; none queries.
 *
 * Every count links to the /engagements list of the engagements behind
 * it (ui_report_drill), whose length is that count.
 */
#ifndef TRACKER_UI_REPORT_H
#define TRACKER_UI_REPORT_H

#include <stddef.h>

#include "report.h"

struct arena;
struct buf;
struct form;
struct html;
struct session;

/* What the page shows. */
struct report_view {
	const struct session		*session;
	const struct form		*form;		/* from, to: typed, errors */
	const struct engagement_report	*report;	/* NULL: the period is bad */
	struct report_period		 presets[PRESET__MAX];
	const char			*today;		/* YYYY-MM-DD */
};

/* The HTML page: period picker, counts, notes on counting, the list. */
void		 ui_report_page(struct html *, const struct report_view *);

/*
 * CSV: one row per count, "section,key,label,count,previous_count,seats,
 * from,to,previous_from,previous_to" (the header row says so); the first
 * row is the total.  The rows of a section are the HTML's.
 */
void		 ui_report_csv(struct buf *, const struct engagement_report *);

/*
 * JSON (jansson): total, by_type, by_medium, by_organisation_kind,
 * by_category, by_party, by_policy_area, decision_makers,
 * new_decision_makers, existing_decision_makers, from, to, previous
 * (its from, to and headline counts), seats, notes and the engagements
 * listed.  Each item carries its engagements_url.  -1 when out of memory.
 */
int		 ui_report_json(struct buf *, struct arena *,
		    const struct engagement_report *);

/* {"error": message, "field": field}, for a bad period asked as JSON. */
void		 ui_report_error_json(struct buf *, const char *field,
		    const char *message);

/*
 * The /engagements list (path and query) of the engagements behind the
 * count of key in section s over period p; s == RS__MAX: all of them.
 */
const char	*ui_report_drill(struct arena *, const struct report_period *,
		    enum report_section s, const char *key);

#endif
