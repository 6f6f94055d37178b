/*
 * admin.fcgi: /admin and its sections: users, policy areas and person
 * categories, which need the admin role, and the CSV import of people
 * (/admin/import), which editors may use too.  A saved change
 * redirects (303) to its list with ?saved=1; a refused one comes back
 * as a 400 page with the message beside the field and what was typed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "directory.h"
#include "form.h"
#include "import.h"
#include "people_import.h"
#include "ui.h"
#include "ui_admin.h"
#include "users.h"

static const struct field_option role_options[] = {
	{ "viewer", "Viewer: reads everything" },
	{ "editor", "Editor: also records and edits" },
	{ "admin", "Admin: also manages users, policy areas and categories" },
	{ NULL, NULL },
};

static const struct field_option yes_no_options[] = {
	{ "no", "No" }, { "yes", "Yes" }, { NULL, NULL },
};

#define PASSWORD_HINT	"At least 8 characters."

/* A new user. */
enum new_user_field {
	NEW_USERNAME, NEW_NAME, NEW_ROLE, NEW_PASSWORD, NEW_REPEAT, NEW__MAX
};

static const struct form_field new_user_fields[NEW__MAX] = {
	[NEW_USERNAME] = { "username", "Username", FIELD_TEXT,
	    FIELD_REQUIRED | FIELD_AUTOFOCUS, 64, user_name_problem, "off",
	    "What they log in with: lower-case letters, digits, '.', '_' "
	    "and '-'.", NULL },
	[NEW_NAME] = { "display_name", "Full name", FIELD_TEXT,
	    FIELD_REQUIRED, 200, NULL, "off", NULL, NULL },
	[NEW_ROLE] = { "role", "Role", FIELD_SELECT, FIELD_REQUIRED, 0, NULL,
	    NULL, NULL, role_options },
	[NEW_PASSWORD] = { "password", "Password", FIELD_PASSWORD,
	    FIELD_REQUIRED, 1024, user_password_problem, "new-password",
	    PASSWORD_HINT, NULL },
	[NEW_REPEAT] = { "password2", "Repeat password", FIELD_PASSWORD,
	    FIELD_REQUIRED, 1024, NULL, "new-password", NULL, NULL },
};

/* An existing user's name and role. */
enum edit_user_field { EDIT_NAME, EDIT_ROLE, EDIT__MAX };

static const struct form_field edit_user_fields[EDIT__MAX] = {
	[EDIT_NAME] = { "display_name", "Full name", FIELD_TEXT,
	    FIELD_REQUIRED, 200, NULL, "off", NULL, NULL },
	[EDIT_ROLE] = { "role", "Role", FIELD_SELECT, FIELD_REQUIRED, 0, NULL,
	    NULL, NULL, role_options },
};

/* An existing user's new password. */
enum password_field { PW_PASSWORD, PW_REPEAT, PW__MAX };

static const struct form_field password_fields[PW__MAX] = {
	[PW_PASSWORD] = { "password", "New password", FIELD_PASSWORD,
	    FIELD_REQUIRED, 1024, user_password_problem, "new-password",
	    PASSWORD_HINT, NULL },
	[PW_REPEAT] = { "password2", "Repeat new password", FIELD_PASSWORD,
	    FIELD_REQUIRED, 1024, NULL, "new-password", NULL, NULL },
};

/* A policy area: adding one uses the first PA_ADD_FIELDS fields. */
enum policy_area_field { PA_NAME, PA_PRIORITY, PA_RETIRED, PA__MAX };
#define PA_ADD_FIELDS	PA_RETIRED

static const struct form_field policy_area_fields[PA__MAX] = {
	[PA_NAME] = { "name", "Name", FIELD_TEXT, FIELD_REQUIRED, 200, NULL,
	    "off", NULL, NULL },
	[PA_PRIORITY] = { "priority", "Priority", FIELD_SELECT, FIELD_REQUIRED,
	    0, NULL, NULL, "Priority areas come first in lists and reports.",
	    yes_no_options },
	[PA_RETIRED] = { "retired", "Retired", FIELD_SELECT, FIELD_REQUIRED,
	    0, NULL, NULL, "A retired area stays on past engagements but is "
	    "not offered for new ones.", yes_no_options },
};

/* NULL if s is a category code: 1-40 of a-z 0-9 _ (length checked first). */
static const char *
category_code_problem(const char *s)
{
	if (strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(s))
		return "Use only lower-case letters a-z, digits and '_'.";
	return NULL;
}

/* A new person category. */
enum category_field { CAT_CODE, CAT_LABEL, CAT_DECISION, CAT__MAX };

static const struct form_field category_fields[CAT__MAX] = {
	[CAT_CODE] = { "code", "Code", FIELD_TEXT, FIELD_REQUIRED, 40,
	    category_code_problem, "off", "Lower-case letters, digits and "
	    "'_', up to 40; cannot be changed later.", NULL },
	[CAT_LABEL] = { "label", "Label", FIELD_TEXT, FIELD_REQUIRED, 100,
	    NULL, "off", "What people see, such as \"MP\".", NULL },
	[CAT_DECISION] = { "decision_maker", "Decision maker", FIELD_SELECT,
	    FIELD_REQUIRED, 0, NULL, NULL, "Decision makers are counted as "
	    "such in reports.", yes_no_options },
};

/* A change to one category's row (the code is a hidden field). */
enum category_update_field { CATU_CODE, CATU_LABEL, CATU_DECISION, CATU__MAX };
/* save_category_form() reads either form by the add form's indices. */
_Static_assert((int)CATU_CODE == (int)CAT_CODE &&
    (int)CATU_LABEL == (int)CAT_LABEL &&
    (int)CATU_DECISION == (int)CAT_DECISION,
    "the category forms share their layout");

static const struct form_field category_update_fields[CATU__MAX] = {
	[CATU_CODE] = { "code", "Code", FIELD_HIDDEN, FIELD_REQUIRED, 40,
	    category_code_problem, NULL, NULL, NULL },
	[CATU_LABEL] = { "label", "Label", FIELD_TEXT, FIELD_REQUIRED, 100,
	    NULL, NULL, NULL, NULL },
	[CATU_DECISION] = { "decision_maker", "Decision maker", FIELD_SELECT,
	    FIELD_REQUIRED, 0, NULL, NULL, NULL, yes_no_options },
};

static const char *
yes_no(int b)
{
	return b ? "yes" : "no";
}

/* "Saved." after a redirect from a saved change. */
static const char *
saved_notice(struct ctx *c)
{
	return req_query(&c->req, "saved") != NULL ? "Saved." : NULL;
}

/* An empty form; on failure the 500 page is set and -1 returned. */
static int
empty_form(struct ctx *c, struct form *f, const struct form_field *fields,
    size_t n)
{
	if (form_init(f, &c->arena, fields, n) == -1) {
		app_error(c, 500, NULL);
		return -1;
	}
	return 0;
}

/*
 * Read the posted form: the number of fields in error, or -1 with the
 * 500 page set.
 */
static int
posted_form(struct ctx *c, struct form *f, const struct form_field *fields,
    size_t n)
{
	int	 bad;

	if ((bad = form_read(f, &c->arena, fields, n, &c->req.form)) < 0)
		app_error(c, 500, NULL);
	return bad;
}

static void
admin_index(struct ctx *c)
{
	app_begin_page(c);
	ui_admin_index(&c->html, &c->session);
}

/* Users */

static void
show_users(struct ctx *c, const char *problem)
{
	struct admin_users_view	 v;
	struct user		*users;
	size_t			 n;
	enum db_err		 e;

	if ((e = user_list(c->db, &c->arena, &users, &n)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.notice = problem == NULL ? saved_notice(c) : NULL;
	v.problem = problem;
	v.users = users;
	v.n = n;
	app_begin_page(c);
	ui_admin_users(&c->html, &v);
}

static void
users_get(struct ctx *c)
{
	show_users(c, NULL);
}

static void
show_new_user(struct ctx *c, const struct form *f)
{
	const struct admin_user_view v = { &c->session, NULL, NULL, f, NULL };

	app_begin_page(c);
	ui_admin_user_new(&c->html, &v);
}

static void
user_new_get(struct ctx *c)
{
	struct form	 f;

	if (empty_form(c, &f, new_user_fields, NEW__MAX) == -1)
		return;
	f.values[NEW_ROLE].value = "viewer";
	show_new_user(c, &f);
}

static void
user_new_post(struct ctx *c)
{
	struct form	 f;
	enum db_err	 e;
	int		 bad;

	if ((bad = posted_form(c, &f, new_user_fields, NEW__MAX)) < 0)
		return;
	if (f.values[NEW_PASSWORD].error == NULL &&
	    strcmp(f.values[NEW_PASSWORD].value, f.values[NEW_REPEAT].value))
		form_set_error(&f, "password2", "The two passwords do not match.");
	if (f.nerrors == 0) {
		e = user_add(c->db, app_actor(c), f.values[NEW_USERNAME].value,
		    f.values[NEW_NAME].value,
		    role_parse(f.values[NEW_ROLE].value),
		    f.values[NEW_PASSWORD].value);
		if (e == DB_OK) {
			resp_redirect(&c->resp, "/admin/users?saved=1");
			return;
		}
		if (e != DB_DUPLICATE) {
			app_db_error(c, e);
			return;
		}
		form_set_error(&f, "username", "There is already a user with "
		    "this username. Choose another.");
	}
	c->resp.status = 400;
	show_new_user(c, &f);
}

/* The user of the route's id into *u; else the 404 or error page, -1. */
static int
load_user(struct ctx *c, struct user *u)
{
	enum db_err	 e;

	if ((e = user_get(c->db, &c->arena, c->id, u)) == DB_OK)
		return 0;
	if (e == DB_NOTFOUND)
		app_error(c, 404, "There is no user with that number.");
	else
		app_db_error(c, e);
	return -1;
}

/*
 * The user's page.  A NULL form is filled from the saved user; a NULL
 * password form is empty.
 */
static void
show_user(struct ctx *c, const struct user *u, struct form *edit,
    struct form *password)
{
	struct admin_user_view	 v;
	struct form		 fresh_edit, fresh_password;

	if (edit == NULL) {
		if (empty_form(c, &fresh_edit, edit_user_fields, EDIT__MAX) == -1)
			return;
		fresh_edit.values[EDIT_NAME].value = u->display_name;
		fresh_edit.values[EDIT_ROLE].value = role_name(u->role);
		edit = &fresh_edit;
	}
	if (password == NULL) {
		if (empty_form(c, &fresh_password, password_fields,
		    PW__MAX) == -1)
			return;
		password = &fresh_password;
	}
	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.notice = saved_notice(c);
	v.user = u;
	v.form = edit;
	v.password = password;
	app_begin_page(c);
	ui_admin_user_edit(&c->html, &v);
}

static void
user_edit_get(struct ctx *c)
{
	struct user	 u;

	if (load_user(c, &u) == 0)
		show_user(c, &u, NULL, NULL);
}

static void
user_edit_post(struct ctx *c)
{
	struct user	 u;
	struct form	 f;
	enum role	 role;
	enum db_err	 e;

	if (load_user(c, &u) == -1 ||
	    posted_form(c, &f, edit_user_fields, EDIT__MAX) < 0)
		return;
	role = role_parse(f.values[EDIT_ROLE].value);
	if (f.values[EDIT_ROLE].error == NULL && u.id == c->session.user_id &&
	    role != ROLE_ADMIN)
		form_set_error(&f, "role", "You cannot take away your own admin "
		    "role; another admin can.");
	if (f.nerrors > 0) {
		c->resp.status = 400;
		show_user(c, &u, &f, NULL);
		return;
	}
	e = user_set_role_name(c->db, app_actor(c), u.id,
	    f.values[EDIT_NAME].value, role);
	if (e == DB_NOTFOUND)
		app_error(c, 404, "There is no user with that number.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, "/admin/users?saved=1");
}

static void
user_password_post(struct ctx *c)
{
	struct user	 u;
	struct form	 f;
	enum db_err	 e;

	if (load_user(c, &u) == -1 ||
	    posted_form(c, &f, password_fields, PW__MAX) < 0)
		return;
	if (f.values[PW_PASSWORD].error == NULL &&
	    strcmp(f.values[PW_PASSWORD].value, f.values[PW_REPEAT].value))
		form_set_error(&f, "password2", "The two passwords do not match.");
	if (f.nerrors > 0) {
		c->resp.status = 400;
		show_user(c, &u, NULL, &f);
		return;
	}
	e = user_set_password(c->db, app_actor(c), u.username,
	    f.values[PW_PASSWORD].value);
	if (e == DB_NOTFOUND)
		app_error(c, 404, "There is no user with that number.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, "/admin/users?saved=1");
}

static void
set_disabled(struct ctx *c, int disabled)
{
	struct user	 u;
	enum db_err	 e;

	if (load_user(c, &u) == -1)
		return;
	if (disabled && u.id == c->session.user_id) {
		c->resp.status = 400;
		show_users(c, "You cannot disable your own account: you would "
		    "be locked out. Another admin can disable it.");
		return;
	}
	e = user_set_disabled(c->db, app_actor(c), u.username, disabled);
	if (e == DB_NOTFOUND)
		app_error(c, 404, "There is no user with that number.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, "/admin/users?saved=1");
}

static void
user_disable_post(struct ctx *c)
{
	set_disabled(c, 1);
}

static void
user_enable_post(struct ctx *c)
{
	set_disabled(c, 0);
}

/* Policy areas */

static void
show_policy_areas(struct ctx *c, const struct form *add)
{
	struct admin_areas_view	 v;
	struct policy_area	*areas;
	size_t			 n;
	enum db_err		 e;

	if ((e = policy_areas_list(c->db, &c->arena, 1, &areas, &n)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.notice = saved_notice(c);
	v.areas = areas;
	v.n = n;
	v.add = add;
	app_begin_page(c);
	ui_admin_policy_areas(&c->html, &v);
}

static void
policy_areas_get(struct ctx *c)
{
	struct form	 f;

	if (empty_form(c, &f, policy_area_fields, PA_ADD_FIELDS) == -1)
		return;
	f.values[PA_PRIORITY].value = "no";
	show_policy_areas(c, &f);
}

static const char *const duplicate_area =
    "There is already a policy area with this name.";

static void
policy_areas_post(struct ctx *c)
{
	struct policy_area	 pa;
	struct form		 f;
	enum db_err		 e;
	int			 bad;

	if ((bad = posted_form(c, &f, policy_area_fields, PA_ADD_FIELDS)) < 0)
		return;
	if (bad == 0) {
		memset(&pa, 0, sizeof(pa));
		pa.name = f.values[PA_NAME].value;
		pa.priority = strcmp(f.values[PA_PRIORITY].value, "yes") == 0;
		e = policy_area_save(c->db, app_actor(c), &pa);
		if (e == DB_OK) {
			resp_redirect(&c->resp, "/admin/policy-areas?saved=1");
			return;
		}
		if (e != DB_DUPLICATE) {
			app_db_error(c, e);
			return;
		}
		form_set_error(&f, "name", duplicate_area);
	}
	c->resp.status = 400;
	show_policy_areas(c, &f);
}

/*
 * The policy area of the route's id into *pa (there is no lookup by id:
 * it is found in the full list); else the 404 or error page, -1.
 */
static int
load_policy_area(struct ctx *c, struct policy_area *pa)
{
	struct policy_area	*areas;
	size_t			 n, i;
	enum db_err		 e;

	if ((e = policy_areas_list(c->db, &c->arena, 1, &areas, &n)) != DB_OK) {
		app_db_error(c, e);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (areas[i].id == c->id) {
			*pa = areas[i];
			return 0;
		}
	app_error(c, 404, "There is no policy area with that number.");
	return -1;
}

static void
show_policy_area(struct ctx *c, const struct policy_area *pa,
    const struct form *f)
{
	const struct admin_area_view v = { &c->session, pa, f };

	app_begin_page(c);
	ui_admin_policy_area_edit(&c->html, &v);
}

static void
policy_area_edit_get(struct ctx *c)
{
	struct policy_area	 pa;
	struct form		 f;

	if (load_policy_area(c, &pa) == -1 ||
	    empty_form(c, &f, policy_area_fields, PA__MAX) == -1)
		return;
	f.values[PA_NAME].value = pa.name;
	f.values[PA_PRIORITY].value = yes_no(pa.priority);
	f.values[PA_RETIRED].value = yes_no(pa.retired);
	show_policy_area(c, &pa, &f);
}

static void
policy_area_edit_post(struct ctx *c)
{
	struct policy_area	 pa, saved;
	struct form		 f;
	enum db_err		 e;
	int			 bad;

	if (load_policy_area(c, &saved) == -1 ||
	    (bad = posted_form(c, &f, policy_area_fields, PA__MAX)) < 0)
		return;
	if (bad == 0) {
		pa.id = saved.id;
		pa.name = f.values[PA_NAME].value;
		pa.priority = strcmp(f.values[PA_PRIORITY].value, "yes") == 0;
		pa.retired = strcmp(f.values[PA_RETIRED].value, "yes") == 0;
		e = policy_area_save(c->db, app_actor(c), &pa);
		if (e == DB_OK) {
			resp_redirect(&c->resp, "/admin/policy-areas?saved=1");
			return;
		}
		if (e != DB_DUPLICATE) {
			app_db_error(c, e);
			return;
		}
		form_set_error(&f, "name", duplicate_area);
	}
	c->resp.status = 400;
	show_policy_area(c, &saved, &f);
}

/* Person categories */

/*
 * The categories page.  add NULL: an empty add form; bad_code and update
 * name the row whose change was refused, if any.
 */
static void
show_categories(struct ctx *c, const struct category *cats, size_t n,
    const struct form *add, const char *bad_code, const struct form *update)
{
	struct admin_categories_view	 v;
	struct form			 fresh;

	if (add == NULL) {
		if (empty_form(c, &fresh, category_fields, CAT__MAX) == -1)
			return;
		fresh.values[CAT_DECISION].value = "no";
		add = &fresh;
	}
	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.notice = saved_notice(c);
	v.categories = cats;
	v.n = n;
	v.add = add;
	v.bad_code = bad_code;
	v.update = update;
	app_begin_page(c);
	ui_admin_categories(&c->html, &v);
}

/* All categories into *cats; else the error page and -1. */
static int
load_categories(struct ctx *c, struct category **cats, size_t *n)
{
	enum db_err	 e;

	if ((e = categories_list(c->db, &c->arena, cats, n)) != DB_OK) {
		app_db_error(c, e);
		return -1;
	}
	return 0;
}

static const struct category *
find_category(const struct category *cats, size_t n, const char *code)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(cats[i].code, code) == 0)
			return &cats[i];
	return NULL;
}

static void
categories_get(struct ctx *c)
{
	struct category	*cats;
	size_t		 n;

	if (load_categories(c, &cats, &n) == 0)
		show_categories(c, cats, n, NULL, NULL, NULL);
}

/*
 * Save the category a valid form describes: both forms list code, label
 * and decision maker in that order.  1 when the response is done (the
 * redirect, or an error page); 0 when the form must come back, with
 * taken beside the label if the database found it a duplicate.
 */
static int
save_category_form(struct ctx *c, struct form *f, int create,
    const char *taken)
{
	struct category	 cat;
	enum db_err	 e;

	cat.code = f->values[CAT_CODE].value;
	cat.label = f->values[CAT_LABEL].value;
	cat.decision_maker = strcmp(f->values[CAT_DECISION].value, "yes") == 0;
	e = category_save(c->db, app_actor(c), &cat, create);
	if (e == DB_OK)
		resp_redirect(&c->resp, "/admin/categories?saved=1");
	else if (e != DB_DUPLICATE)
		app_db_error(c, e);
	else {
		form_set_error(f, "label", taken);
		return 0;
	}
	return 1;
}

static void
category_create(struct ctx *c)
{
	struct category	*cats;
	struct form	 f;
	size_t		 n;

	if (posted_form(c, &f, category_fields, CAT__MAX) < 0 ||
	    load_categories(c, &cats, &n) == -1)
		return;
	if (f.values[CAT_CODE].error == NULL &&
	    find_category(cats, n, f.values[CAT_CODE].value) != NULL)
		form_set_error(&f, "code", "There is already a category with "
		    "this code.");
	/* The code was free a moment ago: a duplicate is the label. */
	if (f.nerrors == 0 && save_category_form(c, &f, 1, "There is already "
	    "a category with this label."))
		return;
	c->resp.status = 400;
	show_categories(c, cats, n, &f, NULL, NULL);
}

static void
category_update(struct ctx *c)
{
	struct category	*cats;
	struct form	 f;
	size_t		 n;

	if (posted_form(c, &f, category_update_fields, CATU__MAX) < 0 ||
	    load_categories(c, &cats, &n) == -1)
		return;
	if (f.values[CATU_CODE].error != NULL ||
	    find_category(cats, n, f.values[CATU_CODE].value) == NULL) {
		app_error(c, 404, "There is no category with that code.");
		return;
	}
	if (f.nerrors == 0 && save_category_form(c, &f, 0, "Another category "
	    "already has this label."))
		return;
	c->resp.status = 400;
	show_categories(c, cats, n, NULL, f.values[CATU_CODE].value, &f);
}

/* One URL for both forms of the page: op says which was sent. */
static void
categories_post(struct ctx *c)
{
	const char	*op = req_form(&c->req, "op");

	if (op != NULL && strcmp(op, "create") == 0)
		category_create(c);
	else if (op != NULL && strcmp(op, "update") == 0)
		category_update(c);
	else
		app_error(c, 400, "The form did not say whether to add or to "
		    "change a category.");
}

/* Import people from CSV (editors too) */

static void
import_get(struct ctx *c)
{
	const struct admin_import_view v = { &c->session, NULL, NULL, NULL,
	    NULL };

	app_begin_page(c);
	ui_admin_import(&c->html, &v);
}

static void
import_template_get(struct ctx *c)
{
	app_begin_csv(c, "people-template.csv");
	buf_puts(&c->resp.body, people_import_template());
}

/* The preview of imp, 400 when it has problems. */
static void
show_import_preview(struct ctx *c, const struct people_import *imp,
    const char *csv, const char *filename)
{
	const struct admin_import_view v = { &c->session, NULL, imp, csv,
	    filename };

	if (imp->nproblems > 0)
		c->resp.status = 400;
	app_begin_page(c);
	ui_admin_import_preview(&c->html, &v);
}

static void
import_preview_post(struct ctx *c)
{
	const struct upload	*up = req_upload(&c->req, "file");
	struct people_import	 imp;
	enum db_err		 e;

	if (up == NULL || up->len == 0) {
		const struct admin_import_view v = { &c->session,
		    up == NULL ? "Choose a CSV file to upload." :
		    "The file you chose is empty.", NULL, NULL, NULL };

		c->resp.status = 400;
		app_begin_page(c);
		ui_admin_import(&c->html, &v);
		return;
	}
	if ((e = people_import_check(c->db, &c->arena, up->data, up->len,
	    &imp)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	/* Only valid UTF-8 without NUL passes the check, so data is text. */
	show_import_preview(c, &imp, imp.nproblems == 0 ? up->data : "",
	    up->filename);
}

static void
import_apply_post(struct ctx *c)
{
	const char		*csv = req_form(&c->req, "csv");
	const char		*filename = req_form(&c->req, "filename");
	struct people_import	 imp;
	char			 today[11];
	enum db_err		 e;

	if (csv == NULL) {
		app_error(c, 400, "The form did not carry the file to import; "
		    "upload it again.");
		return;
	}
	if (filename == NULL || *filename == '\0')
		filename = "upload.csv";
	app_today(today);
	if ((e = people_import_apply(c->db, &c->arena, app_actor(c), filename,
	    today, csv, strlen(csv), &imp)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	if (imp.nproblems > 0) {
		show_import_preview(c, &imp, "", filename);
		return;
	}
	resp_redirect(&c->resp, "/people?saved=1");
}

/* The most the server fetches from a web address: the full members list. */
#define IMPORT_WEB_MAX	(64 * 1024 * 1024)

/* The councils, for the councillor import's select. */
static enum db_err
council_options(struct ctx *c, struct option **out, size_t *n)
{
	const struct org_filter	 f = { NULL, "council", 0, 0, 0 };
	struct organisation	*o;
	size_t			 i, total;
	enum db_err		 e;

	if ((e = org_list(c->db, &c->arena, &f, &o, n, &total)) != DB_OK)
		return e;
	if ((*out = arena_alloc(&c->arena, (*n + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < *n; i++)
		(*out)[i] = (struct option){ arena_printf(&c->arena, "%lld",
		    o[i].id), o[i].name };
	return DB_OK;
}

static void
show_members(struct ctx *c, struct admin_members_view *v)
{
	struct option	*councils;
	enum db_err	 e;

	if ((e = council_options(c, &councils, &v->ncouncils)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v->session = &c->session;
	v->councils = councils;
	app_begin_page(c);
	ui_admin_members(&c->html, v);
}

static void
members_get(struct ctx *c)
{
	struct admin_members_view	 v;

	memset(&v, 0, sizeof(v));
	v.kind = "parliament";
	show_members(c, &v);
}

/*
 * The document to import: the uploaded file, or an http(s) address the
 * server fetches (never a local path: that is for tracker-admin only).
 */
static enum import_err
members_document(struct ctx *c, const char *url, const char **data,
    size_t *len, char **fetched, char *msg, size_t msglen)
{
	const struct upload	*up = req_upload(&c->req, "file");
	enum import_err		 e;

	*fetched = NULL;
	if (up != NULL && up->len == 0 && up->filename && *up->filename) {
		snprintf(msg, msglen, "the file you chose (%s) is empty.",
		    up->filename);
		return IMPORT_EMPTY;
	}
	if (up != NULL && up->len > 0) {
		*data = up->data;
		*len = up->len;
		return IMPORT_OK;
	}
	if (*url == '\0') {
		snprintf(msg, msglen, "Choose a members file, or give its web "
		    "address.");
		return IMPORT_FETCH;
	}
	if ((e = import_load_web(url, IMPORT_WEB_MAX,
	    c->conf->import_allow_private, fetched, len, msg, msglen)) !=
	    IMPORT_OK)
		return e;
	*data = *fetched;
	return IMPORT_OK;
}

static void
members_post(struct ctx *c)
{
	struct admin_members_view	 v;
	struct import_result		 r;
	const char			*data, *url = req_form(&c->req, "url");
	const struct upload		*up = req_upload(&c->req, "file");
	char				*fetched, msg[512];
	size_t				 len;
	long long			 council;
	enum import_err			 e;

	memset(&v, 0, sizeof(v));
	v.kind = req_form(&c->req, "kind") ? req_form(&c->req, "kind") : "";
	v.council = req_form(&c->req, "council") ? req_form(&c->req, "council") : "";
	v.url = url = url ? url : "";
	council = validate_integer(v.council) == NULL ?
	    strtoll(v.council, NULL, 10) : 0;
	msg[0] = '\0';
	if (strcmp(v.kind, "parliament") != 0 && strcmp(v.kind, "moderngov") != 0)
		snprintf(msg, sizeof(msg), "Choose what to import.");
	else if (strcmp(v.kind, "moderngov") == 0 && council <= 0)
		snprintf(msg, sizeof(msg), "Choose the council whose councillors "
		    "these are.");
	if (msg[0] != '\0') {
		c->resp.status = 400;
		v.problem = arena_strdup(&c->arena, msg);
		show_members(c, &v);
		return;
	}
	e = members_document(c, url, &data, &len, &fetched, msg, sizeof(msg));
	if (e == IMPORT_OK)
		e = strcmp(v.kind, "parliament") == 0 ?
		    import_parliament(c->db, app_actor(c), data, len,
		    up && up->len ? up->filename : url, &r, msg, sizeof(msg)) :
		    import_moderngov(c->db, app_actor(c), council, data, len,
		    up && up->len ? up->filename : url, &r, msg, sizeof(msg));
	free(fetched);
	if (e == IMPORT_DB) {
		app_db_error(c, c->db->broken ? DB_UNAVAILABLE : DB_ERROR);
		return;
	}
	if (e != IMPORT_OK) {
		c->resp.status = 400;
		v.problem = arena_printf(&c->arena, "%s: %s", import_strerror(e),
		    msg);
	} else
		v.result = &r;
	show_members(c, &v);
}

static const struct route routes[] = {
	{ "/admin", admin_index, NULL, 0, ROLE_ADMIN },
	{ "/admin/users", users_get, NULL, 0, ROLE_ADMIN },
	{ "/admin/users/new", user_new_get, user_new_post, 0, ROLE_ADMIN },
	{ "/admin/users/:id/edit", user_edit_get, user_edit_post, 0,
	    ROLE_ADMIN },
	{ "/admin/users/:id/password", NULL, user_password_post, 0,
	    ROLE_ADMIN },
	{ "/admin/users/:id/disable", NULL, user_disable_post, 0, ROLE_ADMIN },
	{ "/admin/users/:id/enable", NULL, user_enable_post, 0, ROLE_ADMIN },
	{ "/admin/policy-areas", policy_areas_get, policy_areas_post, 0,
	    ROLE_ADMIN },
	{ "/admin/policy-areas/:id/edit", policy_area_edit_get,
	    policy_area_edit_post, 0, ROLE_ADMIN },
	{ "/admin/categories", categories_get, categories_post, 0,
	    ROLE_ADMIN },
	{ "/admin/members", members_get, members_post, 0, ROLE_ADMIN },
	{ "/admin/import", import_get, NULL, 0, ROLE_EDITOR },
	{ "/admin/import/template.csv", import_template_get, NULL, 0,
	    ROLE_EDITOR },
	{ "/admin/import/preview", NULL, import_preview_post, 0, ROLE_EDITOR },
	{ "/admin/import/apply", NULL, import_apply_post, 0, ROLE_EDITOR },
};

int
main(void)
{
	const struct app app = { "admin", routes,
	    sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
