/*
 * What the directory's pages show, for cgi-bin/people.c: the lists'
 * filters read from the query string, and each page's records gathered
 * in one call into its view (ui_directory.h).  The caller fills in the
 * session, whether the user may edit, and renders; nothing here prints.
 */
#ifndef TRACKER_DIR_PAGES_H
#define TRACKER_DIR_PAGES_H

#include <stddef.h>

#include "db.h"
#include "directory.h"
#include "ui_directory.h"

struct arena;
struct eng_reader;
struct params;

/*
 * The people list's filters from the query string.  A value that is not
 * one on offer (a house, "current" or "former", an id) reads as "any",
 * so an edited address shows more rather than an error.
 */
void		 dir_person_filter(const struct params *query,
		    struct person_filter *);

/* The organisations list's filters from the query string (q, kind, deleted). */
void		 dir_org_filter(const struct params *query, struct org_filter *);

/* The page number of a list ("page" in the query), from 1; junk reads as 1. */
size_t		 dir_page_number(const struct params *query);

/*
 * The notice for the flag a POST redirected with (dir_redirect()):
 * "Saved.", "Deleted.", "Restored.", and the merge ones; NULL for none.
 */
const char	*dir_notice(const struct params *query);

/*
 * One page of the people matching f (v->page, from 1; a page past the
 * end shows the last one and says so in v->page), how many there are by
 * party, and the filter form's choices.  f must outlive v.
 */
enum db_err	 dir_people_page(struct db *, struct arena *,
		    struct person_filter *f, size_t per_page,
		    struct people_list_view *v);

/* As dir_people_page(), for the organisations. */
enum db_err	 dir_orgs_page(struct db *, struct arena *, struct org_filter *f,
		    size_t per_page, struct orgs_list_view *v);

/*
 * A person's page: their engagements and its summary, their terms, the
 * merges into or of them, whether the press monitoring watches them, and
 * their newest mentions (at most nmentions, with the total).  The reader
 * decides which confidential engagements' titles show (lib/eng_privacy.h).
 */
enum db_err	 dir_person_page(struct db *, struct arena *,
		    const struct eng_reader *, const struct person *,
		    size_t nmentions, struct person_view *v);

/*
 * An organisation's page: the live organisations that are part of it
 * (an FCDO's desks), its people and its engagements.
 */
enum db_err	 dir_org_page(struct db *, struct arena *,
		    const struct eng_reader *, const struct organisation *,
		    struct org_view *v);

#endif
