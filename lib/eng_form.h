/*
 * The engagement form's state and steps, for cgi-bin/engagements.c.
 * Every function takes the request context; none prints.
 */
#ifndef TRACKER_ENG_FORM_H
#define TRACKER_ENG_FORM_H

#include <stddef.h>

#include "db.h"
#include "directory.h"
#include "engagements.h"
#include "form.h"
#include "ui.h"
#include "ui_engagements.h"

struct ctx;

enum eng_field {
	F_VERSION, F_DATE, F_TIME, F_TYPE, F_TITLE, F_PEOPLE, F_SUMMARY,
	F_OUTCOME, F_OUTLET, F_MEDIUM, F_PROGRAMME, F_LINK, F_NEW_CATEGORY,
	F_NEW_PARTY, F_MENTION, F_NEW_BASIS, F__MAX
};

/* The choices a form offers, loaded once per request. */
struct choices {
	struct code_label	*types;
	size_t			 ntypes;
	struct option		*type_opts;
	struct field_option	*type_fopts;
	struct option		*categories;
	size_t			 ncategories;
	struct option		*orgs;
	size_t			 norgs;
	struct option		*outlets;
	size_t			 noutlets;
	struct option		*areas;
	size_t			 nareas;
	struct option		*users;
	size_t			 nusers;
	struct form_field	 fields[F__MAX];
};

/* The state of the form between round trips. */
struct eng_state {
	struct form		 form;
	struct eng_person	*people;
	size_t			 npeople;
	const char		*people_error;
	const char		*new_person_name;
	const char		**orgs, **areas, **staff;
	size_t			 norgs, nareas, nstaff;
	struct followup		*followups;
	size_t			 nfollowups;
	const char		*followups_error;
	struct conflict_row	*conflict;
	size_t			 nconflict;
	const char		*not_saved;	/* why the save failed, or NULL */
	int			 confidential;	/* the box is ticked */
};

/*
 * Load every choice the form offers.  People are not among them: the
 * People field searches the directory as the user types.
 */
enum db_err	 eng_choices_load(struct ctx *, struct choices *);
/*
 * The same for a posted form, with only the organisations it links: a
 * save checks those without reading every organisation.  Before the form
 * is shown again, eng_choices_load_orgs() loads the whole lists (and
 * eng_keep_current() is applied again when editing).
 */
enum db_err	 eng_choices_load_posted(struct ctx *, struct choices *);
enum db_err	 eng_choices_load_orgs(struct ctx *, struct choices *);
/* Keep what an engagement links to choosable though retired or deleted. */
int		 eng_keep_current(struct ctx *, struct choices *,
		    const struct engagement *);

/* The form as posted; current is the engagement being edited, or NULL. */
enum db_err	 eng_state_read(struct ctx *, const struct choices *,
		    const struct engagement *current, struct eng_state *);
/* The form filled from a saved engagement. */
int		 eng_state_from(struct ctx *, const struct choices *,
		    const struct engagement *, struct eng_state *);
/* Add the people typed in the People field, or explain who is unknown. */
enum db_err	 eng_people_resolve(struct ctx *, struct eng_state *);
/* "Add new person": put them in the directory and on the form. */
enum db_err	 eng_people_create(struct ctx *, const struct choices *,
		    struct eng_state *);
/*
 * Validate and save; *done when saved and redirected.  Otherwise the
 * status says why (400 invalid, 409 conflict with its rows prepared).
 */
enum db_err	 eng_save(struct ctx *, const struct choices *,
		    struct eng_state *, long long id, int *done);
/*
 * A new engagement's form filled from the query string, for "Log as media
 * engagement" from the press inbox: type, date, title, media_link,
 * media_outlet, media_medium and mention; bad values are left out.
 */
void		 eng_state_prefill(struct ctx *, const struct choices *,
		    struct eng_state *);

/* Render the form page. */
void		 eng_form_show(struct ctx *, const struct choices *,
		    struct eng_state *, const char *action, const char *title);

/* The list's filters from the query string; bad values are ignored. */
void		 eng_filter_read(struct ctx *, struct eng_filter *, size_t *page);
/* The filters again as a query string ("?a=1&b=2", or ""). */
const char	*eng_filter_query(struct ctx *, const struct eng_filter *);
/* The filter form's choices. */
enum db_err	 eng_filter_choices(struct ctx *, struct eng_list_view *);
/* A CSV cell of a row's people: 0 names, 1 parties, 2 those new to us. */
const char	*eng_people_cell(struct arena *, const struct eng_row *, int);

#endif
