/*
 * Renderers for the directory: people and organisations.  One function
 * per page; each takes the domain structs to show and a writer, and never
 * queries the database nor reads the request.  The program decides who
 * may edit (can_edit) and which notice to show.
 */
#ifndef TRACKER_UI_DIRECTORY_H
#define TRACKER_UI_DIRECTORY_H

#include <stddef.h>

#include "directory.h"

struct audit_entry;
struct buf;
struct conflict_row;
struct form;
struct html;
struct mention;
struct people_match;
struct session;
struct watched_person;

/* The people list: filters, one page of results, and its links. */
struct people_list_view {
	const struct session		*session;
	int				 can_edit;
	const struct person_filter	*filter;	/* as applied */
	const struct person		*people;	/* this page */
	size_t				 n;
	size_t				 total;		/* all that match */
	size_t				 page;		/* from 1 */
	size_t				 per_page;
	const struct category		*categories;	/* filter options */
	size_t				 ncategories;
	const char *const		*parties;
	size_t				 nparties;
	const struct organisation	*orgs;
	size_t				 norgs;
	const struct party_count	*party_counts;	/* of all that match */
	size_t				 nparty_counts;
};

/* One person, their contact summary and their engagements. */
struct person_view {
	const struct session		*session;
	int				 can_edit;
	const char			*notice;	/* "Saved." or NULL */
	const struct person		*person;
	const struct contact		*contacts;	/* newest first */
	size_t				 ncontacts;
	const struct contact_summary	*summary;
	const struct person_term	*terms;		/* newest first */
	size_t				 nterms;
	const struct person_merge	*merges;	/* into or of them */
	size_t				 nmerges;
	/* In the press: whether watched (feed_store.h) and recent mentions. */
	const struct watched_person	*watch;	/* NULL: not a candidate */
	const struct mention		*mentions;	/* newest first */
	size_t				 nmentions;
	size_t				 mentions_total;
};

/* GET /people/duplicates: likely duplicate pairs, each with merge forms. */
struct duplicates_view {
	const struct session		*session;
	int				 can_edit;
	const char			*notice;
	const struct person_pair	*pairs;
	size_t				 n;
};

/* The organisations list: filters, one page, links. */
struct orgs_list_view {
	const struct session		*session;
	int				 can_edit;
	const struct org_filter		*filter;
	const struct organisation	*orgs;
	size_t				 n;
	size_t				 total;
	size_t				 page;
	size_t				 per_page;
};

/* One organisation, its parts, its people and its engagements. */
struct org_view {
	const struct session		*session;
	int				 can_edit;
	const char			*notice;
	const struct organisation	*org;
	const struct organisation	*parts;		/* desks under it */
	size_t				 nparts;
	const struct person		*people;
	size_t				 npeople;
	const struct contact		*contacts;
	size_t				 ncontacts;
	const struct contact_summary	*summary;
};

/*
 * A create or edit form.  id is 0 for a new record; name is the saved
 * name of the record being edited (for the title).  With conflicts, the
 * page is the 409 page: the conflict table above the form.
 */
struct dir_form_view {
	const struct session		*session;
	long long			 id;
	const char			*name;
	const struct form		*form;
	const struct conflict_row	*conflicts;
	size_t				 nconflicts;
};

/* The audit history of one record. */
struct dir_history_view {
	const struct session		*session;
	long long			 id;
	const char			*name;
	const struct audit_entry	*entries;	/* newest first */
	size_t				 n;
};

/* GET /people: the filter form, the table, pagination, CSV link. */
void	ui_people_list(struct html *, const struct people_list_view *);

/*
 * GET /people.csv: a header row, then one row per person (name,
 * category, role, party, House, constituency, organisation, email,
 * phone, current, and the organisation again when it is a council).
 */
void	ui_people_csv(struct buf *, const struct person *, size_t n);

/* GET /people/ID: fields, contact summary, engagements, actions. */
void	ui_person_detail(struct html *, const struct person_view *);

/* GET /people/duplicates. */
void	ui_people_duplicates(struct html *, const struct duplicates_view *);

/* GET /people/new and /people/ID/edit, and their 400 pages. */
void	ui_person_form(struct html *, const struct dir_form_view *);

/* GET /people/ID/history. */
void	ui_person_history(struct html *, const struct dir_history_view *);

/* GET /organisations. */
void	ui_orgs_list(struct html *, const struct orgs_list_view *);

/* GET /organisations/ID: fields, parent, parts, people, engagements. */
void	ui_org_detail(struct html *, const struct org_view *);

/* GET /organisations/new and /organisations/ID/edit. */
void	ui_org_form(struct html *, const struct dir_form_view *);

/* GET /organisations/ID/history. */
void	ui_org_history(struct html *, const struct dir_history_view *);

/*
 * The 409 page of an edit (person when is_person, else organisation):
 * ui_conflict's table of both versions above the form, which the caller
 * has filled with the user's values and the saved version number.
 */
void	ui_directory_conflict(struct html *, const struct dir_form_view *,
	    int is_person);

/*
 * The type-ahead's answer (GET /people/search.json) into b, as
 * {"people": [{"id": 12, "name": "...", "value": "...", "hint": "..."}]}:
 * value is what to put in a form's name field (people_search.h).  JSON
 * escaping by jansson, with "/" escaped too, so no "</" appears.
 * Returns -1 when out of memory (b is then left empty).
 */
int	ui_people_search_json(struct buf *b, const struct people_match *,
	    size_t n);

#endif
