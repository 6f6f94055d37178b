/*
 * The admin area's forms and pages, for cgi-bin/admin.c: users (a new
 * one, an existing one's name and role, a new password), policy areas
 * and person categories.  Each form is named by an enum admin_form and
 * declared once in admin_form.c with its labels and validators.
 *
 * The functions that take the request context show the page (or an
 * error page) themselves; the others neither print nor read the
 * request, so the tests call them directly.
 */
#ifndef TRACKER_ADMIN_FORM_H
#define TRACKER_ADMIN_FORM_H

#include <stddef.h>

#include "db.h"
#include "directory.h"
#include "form.h"
#include "users.h"

struct arena;
struct ctx;
struct params;

enum admin_form {
	AF_NEW_USER,		/* username, name, role, password twice */
	AF_EDIT_USER,		/* name and role */
	AF_PASSWORD,		/* a new password twice */
	AF_ADD_AREA,		/* name and priority */
	AF_EDIT_AREA,		/* name, priority and retired */
	AF_ADD_CATEGORY,	/* code, label and decision maker */
	AF_UPDATE_CATEGORY,	/* the same, the code hidden */
	AF__MAX
};

/* The fields of each form, in their table's order. */
enum { NEW_USERNAME, NEW_NAME, NEW_ROLE, NEW_PASSWORD, NEW_REPEAT };
enum { EDIT_NAME, EDIT_ROLE };
enum { PW_PASSWORD, PW_REPEAT };
enum { PA_NAME, PA_PRIORITY, PA_RETIRED };
enum { CAT_CODE, CAT_LABEL, CAT_DECISION };

/*
 * An empty form of its kind with its first values: a new user is a
 * viewer; a new area is not a priority, a new category not a decision
 * maker.  -1 out of memory.
 */
int		 admin_form_init(struct arena *, enum admin_form, struct form *);

/*
 * Read and check a posted form of its kind: form_read(), then the two
 * passwords must match.  The number of fields in error, or -1 out of
 * memory; what was typed stays in the form either way (but passwords
 * are never shown again).
 */
int		 admin_form_read(struct arena *, enum admin_form,
		    const struct params *, struct form *);

/*
 * An edit of user u's name and role by the admin whose user id is me: an
 * admin cannot take away their own admin role (another admin can), so
 * they cannot lock every admin out.
 */
void		 admin_form_check_own_role(struct form *, const struct user *u,
		    long long me);

/* The policy area a valid AF_ADD_AREA or AF_EDIT_AREA form describes. */
void		 admin_form_area(const struct form *, long long id,
		    struct policy_area *);

/* The category a valid AF_ADD_CATEGORY or AF_UPDATE_CATEGORY form describes. */
void		 admin_form_category(const struct form *, struct category *);

/* The category whose code is code among cats, or NULL. */
const struct category *admin_form_find_category(const struct category *cats,
		    size_t n, const char *code);

/* As admin_form_init(), the 500 page shown when it fails. */
int		 admin_form_empty(struct ctx *, enum admin_form, struct form *);

/* As admin_form_read() from the POST body, the 500 page shown on -1. */
int		 admin_form_posted(struct ctx *, enum admin_form, struct form *);

/*
 * The end of a save that may find its value taken: 1 when the response
 * is done (the 303 to to, or the error page), 0 when the form must come
 * back with taken beside field (the database found it a duplicate).
 */
int		 admin_form_saved(struct ctx *, enum db_err, const char *to,
		    struct form *, const char *field, const char *taken);

/* The users page, with problem (a refusal) above the table, or NULL. */
void		 admin_form_users_page(struct ctx *, const char *problem);

/* The new user page showing f. */
void		 admin_form_user_new_page(struct ctx *, const struct form *f);

/*
 * The user of the route's id into *u: 0, or -1 with the 404 or error
 * page shown.
 */
int		 admin_form_user_load(struct ctx *, struct user *u);

/*
 * User u's page: the name and role form (edit; NULL: filled from u) and
 * the password form (NULL: empty).
 */
void		 admin_form_user_page(struct ctx *, const struct user *u,
		    const struct form *edit, const struct form *password);

/* The policy areas page with the add form add. */
void		 admin_form_areas_page(struct ctx *, const struct form *add);

/*
 * The policy area of the route's id into *pa (found in the list of all,
 * retired ones too): 0, or -1 with the 404 or error page shown.
 */
int		 admin_form_area_load(struct ctx *, struct policy_area *pa);

/* One policy area's page showing f (NULL: filled from the saved pa). */
void		 admin_form_area_page(struct ctx *, const struct policy_area *,
		    const struct form *f);

/* Every category into *cats: 0, or -1 with the error page shown. */
int		 admin_form_categories_load(struct ctx *, struct category **cats,
		    size_t *n);

/*
 * The categories page: add is the add form (NULL: an empty one); when
 * a row's change was refused, bad_code names the row and update holds
 * what was typed there with the messages.
 */
void		 admin_form_categories_page(struct ctx *,
		    const struct category *cats, size_t n,
		    const struct form *add, const char *bad_code,
		    const struct form *update);

#endif
