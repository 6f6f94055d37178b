/*
 * The directory's forms, for cgi-bin/people.c: a person's and an
 * organisation's field tables with today's options, a form filled from a
 * saved record and read back into one, the rows of the 409 page, and the
 * steps of a form's GET and POST.
 *
 * The functions that take the request context end the response
 * themselves (the page, a 303 or an error page); the others neither
 * print nor read the request, so the tests call them directly.
 */
#ifndef TRACKER_DIR_FORM_H
#define TRACKER_DIR_FORM_H

#include <stddef.h>

#include "db.h"
#include "directory.h"
#include "form.h"

struct arena;
struct conflict_row;
struct ctx;
struct params;

enum person_field {
	PF_NAME, PF_CATEGORY, PF_ROLE, PF_PARTY, PF_HOUSE, PF_CONSTITUENCY,
	PF_ORGANISATION, PF_EMAIL, PF_PHONE, PF_NOTES, PF_CURRENT, PF_PRESS,
	PF_BASIS, PF_BASIS_DATE, PF_BASIS_NOTE, PF_SOURCE,
	PF_VERSION,
	PF__MAX
};

enum org_field {
	OF_NAME, OF_KIND, OF_MEDIUM, OF_PARENT, OF_WEBSITE, OF_NOTES,
	OF_VERSION,
	OF__MAX
};

/*
 * A record id as a form or query string carries it: a positive decimal
 * without sign or leading zero.  0 for anything else, so that junk reads
 * as "none" rather than as some other record.
 */
long long	 dir_id(const char *);

/*
 * The page for a failed directory call: 404 for DB_NOTFOUND (the record
 * is not there), else app_db_error's 500 or 503.
 */
void		 dir_fail(struct ctx *, enum db_err);

/*
 * End a successful POST: 303 to base/id?flag=1 ("/people", 7, "saved"),
 * where the record's page shows the matching notice (dir_notice()).
 */
void		 dir_redirect(struct ctx *, const char *base, long long id,
		    const char *flag);

/*
 * The person of the route (c->id) into *p: 0, or -1 with the error page
 * shown (404; 409 when live is set and they are deleted, since a deleted
 * record is restored before it is changed).
 */
int		 dir_person_load(struct ctx *, struct person *, int live);

/* As dir_person_load(), for the organisation of the route. */
int		 dir_org_load(struct ctx *, struct organisation *, int live);

/*
 * The person field table (PF__MAX fields, in the arena) with today's
 * categories and organisations as the selects' options.  saved is the
 * person being edited, or NULL: their organisation stays on offer even
 * when it has since been deleted, so that saving does not drop it.
 */
enum db_err	 dir_person_fields(struct db *, struct arena *,
		    const struct person *saved, const struct form_field **);

/*
 * Read and check a posted person: form_read(), then the lawful basis
 * rules across fields (privacy_basis_check(): consent needs its date, no
 * date after today, a public role its source).  today is YYYY-MM-DD.
 * The number of fields in error, or -1 out of memory; what was typed
 * stays in the form either way.
 */
int		 dir_person_read(struct arena *, const struct form_field *,
		    const struct params *, const char *today, struct form *);

/* A form showing saved person p, with its version; -1 out of memory. */
int		 dir_person_fill(struct arena *, const struct form_field *,
		    const struct person *p, struct form *);

/*
 * The person a valid form describes, as the record id to save (0: new).
 * The strings point into the form.  An empty "Watch in the press" (a
 * form from before the field) leaves press_watch NULL: keep what is
 * stored.
 */
void		 dir_person_take(const struct form *, long long id,
		    struct person *);

/*
 * As dir_person_fields(), for an organisation (OF__MAX fields): kinds,
 * media and the possible parents, which leave out saved itself (nothing
 * is part of itself) and keep its saved parent though deleted.
 */
enum db_err	 dir_org_fields(struct db *, struct arena *,
		    const struct organisation *saved,
		    const struct form_field **);

/* A form showing saved organisation o; -1 out of memory. */
int		 dir_org_fill(struct arena *, const struct form_field *,
		    const struct organisation *o, struct form *);

/*
 * Read and check a posted organisation: form_read(), then the rule
 * across fields (a medium for media outlets, and only for them).  The
 * number of fields in error, or -1 out of memory; what was typed stays
 * in the form either way.
 */
int		 dir_org_read(struct arena *, const struct form_field *,
		    const struct params *, struct form *);

/* The organisation a valid form describes; see dir_person_take(). */
void		 dir_org_take(const struct form *, long long id,
		    struct organisation *);

/*
 * The 409 page's rows: one per visible field of yours, its label, what
 * was typed and what is saved (as the select shows them, not as codes).
 * saved is a form of the same fields filled from the record as it is
 * now.  NULL out of memory.
 */
struct conflict_row *dir_conflict_rows(struct arena *,
		    const struct form *yours, const struct form *saved,
		    size_t *n);

/*
 * GET of the person form: a new person's (saved NULL: current, watched
 * automatically) or saved's, as a 200 page.
 */
void		 dir_person_form_get(struct ctx *, const struct person *saved);

/*
 * POST of the person form, saved being the person edited (NULL: a new
 * one).  Ends with the 303 to their page, the form again as a 400 with
 * the messages beside the fields, the 409 page with both versions and
 * the form at the saved version (saving again is then a deliberate
 * overwrite), or an error page.
 */
void		 dir_person_form_post(struct ctx *, const struct person *saved);

/* As dir_person_form_get(), for an organisation. */
void		 dir_org_form_get(struct ctx *, const struct organisation *saved);

/* As dir_person_form_post(), for an organisation. */
void		 dir_org_form_post(struct ctx *,
		    const struct organisation *saved);

#endif
