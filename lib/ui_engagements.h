/*
 * Renderers for engagements and follow-ups: the list, the detail page,
 * the form, history and "My follow-ups".  They take what to show and a
 * writer; none queries or reads the request.
 */
#ifndef TRACKER_UI_ENGAGEMENTS_H
#define TRACKER_UI_ENGAGEMENTS_H

#include <stddef.h>

#include "ui.h"

struct audit_entry;
struct conflict_row;
struct eng_filter;
struct eng_person;
struct eng_row;
struct engagement;
struct followup;
struct form;
struct html;
struct session;

/* What the list's filter form offers, and what is chosen. */
struct eng_list_view {
	const struct session	*session;
	const struct eng_filter	*filter;
	const char		*person_name;	/* when filtering by person */
	const struct option	*types;
	size_t			 ntypes;
	const struct option	*parties;
	size_t			 nparties;
	const struct option	*categories;
	size_t			 ncategories;
	const struct option	*areas;		/* value: the id */
	size_t			 nareas;
	const struct eng_row	*rows;
	size_t			 nrows;
	size_t			 total;
	size_t			 count_cap;	/* total > count_cap: "more than" */
	size_t			 page;
	size_t			 per_page;
	const char		*query;		/* the filters as "?a=1&b=2" */
	const char		*notice;
	/* Filtered by a KPI: it, and what it counts in the dates. */
	const char		*kpi_code;
	const char		*kpi_label;
	const char		*kpi_measure;	/* engagements, people... */
	long long		 kpi_count;
};

void	ui_engagement_list(struct html *, const struct eng_list_view *);

struct eng_detail_view {
	const struct session	*session;
	const struct engagement	*e;
	const char		*notice;
};

void	ui_engagement_detail(struct html *, const struct eng_detail_view *);

/*
 * Everything the form shows.  The simple fields are in form; the lists
 * of choices are options whose value is the id, with the chosen values.
 */
struct eng_form_view {
	const struct session	*session;
	const char		*action;	/* URL the form posts to */
	const char		*title;		/* page heading */
	const struct form	*form;		/* date, time, type, title... */
	const struct eng_person	*chosen;	/* people on it so far */
	size_t			 nchosen;
	const char		*people_error;
	const char		*new_person_name;	/* offer to add them */
	const struct option	*categories;	/* for a new person */
	size_t			 ncategories;
	const struct option	*orgs;
	size_t			 norgs;
	const struct option	*outlets;	/* media outlets */
	size_t			 noutlets;
	const char *const	*org_chosen;
	size_t			 norg_chosen;
	const struct option	*areas;
	size_t			 nareas;
	const char *const	*area_chosen;
	size_t			 narea_chosen;
	const struct option	*users;
	size_t			 nusers;
	const char *const	*staff_chosen;
	size_t			 nstaff_chosen;
	const struct followup	*followups;
	size_t			 nfollowups;
	const char		*followups_error;
	const struct conflict_row *conflict;	/* after a 409 */
	size_t			 nconflict;
	const char		*not_saved;	/* why the save failed, or NULL */
	int			 confidential;	/* lib/eng_privacy.h */
};

void	ui_engagement_form(struct html *, const struct eng_form_view *);

void	ui_engagement_history(struct html *, const struct session *,
	    const struct engagement *, const struct audit_entry *, size_t);

struct followups_view {
	const struct session	*session;
	const struct followup	*items;
	size_t			 n;
	const char		*today;		/* YYYY-MM-DD, Europe/London */
	const char		*notice;
};

void	ui_followups(struct html *, const struct followups_view *);

/* "Name (Party)" with "new" or "existing" for a person on an engagement. */
void	ui_eng_person(struct html *, const struct eng_person *, int link);

#endif
