/*
 * Renderers for the admin area: users, policy areas and person
 * categories.  One function per page; each takes the domain structs to
 * show, the forms the program has filled and a writer, and never queries
 * the database nor reads the request.  The program decides which notice
 * or refusal to show and the status of the response.
 */
#ifndef TRACKER_UI_ADMIN_H
#define TRACKER_UI_ADMIN_H

#include <stddef.h>

#include "directory.h"
#include "people_import.h"
#include "users.h"

struct form;
struct import_result;
struct option;
struct html;
struct session;

struct retention_status;

/*
 * GET /admin: what each section is for, and a link to it, under the
 * retention reminder when one is due and the count of people with no
 * lawful basis recorded (ui_privacy_no_basis()).
 */
void	ui_admin_index(struct html *, const struct session *, long no_basis,
	    const struct retention_status *);

/*
 * The users list: username, name, role, active or disabled, with an edit
 * link and a disable/enable button per user (none on the admin's own
 * row).  problem is a refusal shown above the table (400), or NULL.
 */
struct admin_users_view {
	const struct session	*session;
	const char		*notice;	/* "Saved." or NULL */
	const char		*problem;
	const struct user	*users;
	size_t			 n;
};

void	ui_admin_users(struct html *, const struct admin_users_view *);

/*
 * A user's form page.  For a new user (user NULL) form holds username,
 * full name, role and both passwords.  For an existing user form holds
 * the full name and role, and password the new password and its repeat;
 * the page also offers the disable or enable button.
 */
struct admin_user_view {
	const struct session	*session;
	const char		*notice;
	const struct user	*user;		/* NULL: a new user */
	const struct form	*form;
	const struct form	*password;	/* NULL for a new user */
};

/* GET /admin/users/new, and its 400 page. */
void	ui_admin_user_new(struct html *, const struct admin_user_view *);

/* GET /admin/users/ID/edit, and the 400 pages of edit and password. */
void	ui_admin_user_edit(struct html *, const struct admin_user_view *);

/* The policy areas, retired ones included, and the form to add one. */
struct admin_areas_view {
	const struct session		*session;
	const char			*notice;
	const struct policy_area	*areas;
	size_t				 n;
	const struct form		*add;	/* name and priority */
};

/* GET /admin/policy-areas, and the 400 page of adding one. */
void	ui_admin_policy_areas(struct html *, const struct admin_areas_view *);

/* One policy area's form: name, priority, retired. */
struct admin_area_view {
	const struct session		*session;
	const struct policy_area	*area;	/* as saved */
	const struct form		*form;
};

/* GET /admin/policy-areas/ID/edit, and its 400 page. */
void	ui_admin_policy_area_edit(struct html *, const struct admin_area_view *);

/*
 * The person categories, each row with its own small form to change the
 * label and the decision-maker flag, and the form to add one.  When an
 * update was refused, bad_code names the row and update holds what was
 * typed there (fields "label" and "decision_maker") with the messages.
 */
struct admin_categories_view {
	const struct session	*session;
	const char		*notice;
	const struct category	*categories;
	size_t			 n;
	const struct form	*add;	/* code, label, decision_maker */
	const char		*bad_code;
	const struct form	*update;
};

/* GET /admin/categories, and the 400 pages of adding and updating. */
void	ui_admin_categories(struct html *, const struct admin_categories_view *);

/*
 * GET /admin/import: the upload form (a "CSV file" input, sent as
 * multipart/form-data with the CSRF token as a text part), what the
 * columns mean, and a link to the template.  problem is a refusal shown
 * above the form (no file chosen), or NULL.
 */
struct admin_import_view {
	const struct session		*session;
	const char			*problem;
	const struct people_import	*import;	/* preview only */
	const char			*csv;		/* preview: the file */
	const char			*filename;	/* preview: as sent */
};

void	ui_admin_import(struct html *, const struct admin_import_view *);

/*
 * POST /admin/import/preview and a refused apply: every row with its
 * problems beside it.  With problems, a summary ("N rows have problems;
 * nothing was imported") and the upload form again; without, an
 * "Import N people" button whose form carries the file back as a hidden
 * csv field.
 */
void	ui_admin_import_preview(struct html *,
	    const struct admin_import_view *);

/*
 * GET and POST /admin/members: import UK Parliament members or one
 * council's councillors from an uploaded file or a web address, and the
 * outcome of the last run (result) or why it was refused (problem).
 */
struct admin_members_view {
	const struct session		*session;
	const struct option		*councils;	/* value: the id */
	size_t				 ncouncils;
	const char			*kind;		/* parliament, moderngov */
	const char			*council;	/* chosen id */
	const char			*url;
	const char			*problem;
	const struct import_result	*result;
};

void	ui_admin_members(struct html *, const struct admin_members_view *);

#endif
