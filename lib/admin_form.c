/*
 * The admin area's input tables and the pages around them: users,
 * policy areas and person categories.  See admin_form.h; the handlers in
 * cgi-bin/admin.c read, check, save and pick the page with these.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin_form.h"
#include "app.h"
#include "directory.h"
#include "form.h"
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

static const struct form_field new_user_fields[] = {
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

static const struct form_field edit_user_fields[] = {
	[EDIT_NAME] = { "display_name", "Full name", FIELD_TEXT,
	    FIELD_REQUIRED, 200, NULL, "off", NULL, NULL },
	[EDIT_ROLE] = { "role", "Role", FIELD_SELECT, FIELD_REQUIRED, 0, NULL,
	    NULL, NULL, role_options },
};

static const struct form_field password_fields[] = {
	[PW_PASSWORD] = { "password", "New password", FIELD_PASSWORD,
	    FIELD_REQUIRED, 1024, user_password_problem, "new-password",
	    PASSWORD_HINT, NULL },
	[PW_REPEAT] = { "password2", "Repeat new password", FIELD_PASSWORD,
	    FIELD_REQUIRED, 1024, NULL, "new-password", NULL, NULL },
};

/* Adding a policy area uses the fields before PA_RETIRED. */
static const struct form_field policy_area_fields[] = {
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

static const struct form_field category_fields[] = {
	[CAT_CODE] = { "code", "Code", FIELD_TEXT, FIELD_REQUIRED, 40,
	    category_code_problem, "off", "Lower-case letters, digits and "
	    "'_', up to 40; cannot be changed later.", NULL },
	[CAT_LABEL] = { "label", "Label", FIELD_TEXT, FIELD_REQUIRED, 100,
	    NULL, "off", "What people see, such as \"MP\".", NULL },
	[CAT_DECISION] = { "decision_maker", "Decision maker", FIELD_SELECT,
	    FIELD_REQUIRED, 0, NULL, NULL, "Decision makers are counted as "
	    "such in reports.", yes_no_options },
};

/*
 * A change to one category's row: the code is a hidden field, and the
 * fields keep the add form's order, so admin_form_category() reads both.
 */
static const struct form_field category_update_fields[] = {
	[CAT_CODE] = { "code", "Code", FIELD_HIDDEN, FIELD_REQUIRED, 40,
	    category_code_problem, NULL, NULL, NULL },
	[CAT_LABEL] = { "label", "Label", FIELD_TEXT, FIELD_REQUIRED, 100,
	    NULL, NULL, NULL, NULL },
	[CAT_DECISION] = { "decision_maker", "Decision maker", FIELD_SELECT,
	    FIELD_REQUIRED, 0, NULL, NULL, NULL, yes_no_options },
};

#define NFIELDS(t)	(sizeof(t) / sizeof((t)[0]))

/* Each form's table, the fields it uses, and a first value, if any. */
static const struct {
	const struct form_field	*fields;
	size_t			 n;
	int			 first;		/* field of the first value */
	const char		*value;		/* NULL: none */
} forms[AF__MAX] = {
	[AF_NEW_USER] = { new_user_fields, NFIELDS(new_user_fields),
	    NEW_ROLE, "viewer" },
	[AF_EDIT_USER] = { edit_user_fields, NFIELDS(edit_user_fields), 0,
	    NULL },
	[AF_PASSWORD] = { password_fields, NFIELDS(password_fields), 0,
	    NULL },
	[AF_ADD_AREA] = { policy_area_fields, PA_RETIRED, PA_PRIORITY, "no" },
	[AF_EDIT_AREA] = { policy_area_fields, NFIELDS(policy_area_fields), 0,
	    NULL },
	[AF_ADD_CATEGORY] = { category_fields, NFIELDS(category_fields),
	    CAT_DECISION, "no" },
	[AF_UPDATE_CATEGORY] = { category_update_fields,
	    NFIELDS(category_update_fields), 0, NULL },
};

/* --- the forms ----------------------------------------------------------- */

int
admin_form_init(struct arena *a, enum admin_form k, struct form *f)
{
	if (form_init(f, a, forms[k].fields, forms[k].n) == -1)
		return -1;
	if (forms[k].value != NULL)
		f->values[forms[k].first].value = forms[k].value;
	return 0;
}

/* The repeat must match the password, unless that is refused already. */
static void
check_repeat(struct form *f, size_t password, size_t repeat)
{
	if (f->values[password].error == NULL &&
	    strcmp(f->values[password].value, f->values[repeat].value) != 0)
		form_set_error(f, f->fields[repeat].name,
		    "The two passwords do not match.");
}

int
admin_form_read(struct arena *a, enum admin_form k, const struct params *p,
    struct form *f)
{
	if (form_read(f, a, forms[k].fields, forms[k].n, p) < 0)
		return -1;
	if (k == AF_NEW_USER)
		check_repeat(f, NEW_PASSWORD, NEW_REPEAT);
	else if (k == AF_PASSWORD)
		check_repeat(f, PW_PASSWORD, PW_REPEAT);
	return (int)f->nerrors;
}

void
admin_form_check_own_role(struct form *f, const struct user *u, long long me)
{
	if (f->values[EDIT_ROLE].error == NULL && u->id == me &&
	    role_parse(f->values[EDIT_ROLE].value) != ROLE_ADMIN)
		form_set_error(f, "role", "You cannot take away your own admin "
		    "role; another admin can.");
}

void
admin_form_area(const struct form *f, long long id, struct policy_area *pa)
{
	memset(pa, 0, sizeof(*pa));
	pa->id = id;
	pa->name = f->values[PA_NAME].value;
	pa->priority = strcmp(f->values[PA_PRIORITY].value, "yes") == 0;
	pa->retired = f->nfields > PA_RETIRED &&
	    strcmp(f->values[PA_RETIRED].value, "yes") == 0;
}

void
admin_form_category(const struct form *f, struct category *cat)
{
	cat->code = f->values[CAT_CODE].value;
	cat->label = f->values[CAT_LABEL].value;
	cat->decision_maker = strcmp(f->values[CAT_DECISION].value, "yes") == 0;
}

const struct category *
admin_form_find_category(const struct category *cats, size_t n,
    const char *code)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(cats[i].code, code) == 0)
			return &cats[i];
	return NULL;
}

int
admin_form_empty(struct ctx *c, enum admin_form k, struct form *f)
{
	if (admin_form_init(&c->arena, k, f) == -1) {
		app_error(c, 500, NULL);
		return -1;
	}
	return 0;
}

int
admin_form_posted(struct ctx *c, enum admin_form k, struct form *f)
{
	int	 bad;

	if ((bad = admin_form_read(&c->arena, k, &c->req.form, f)) < 0)
		app_error(c, 500, NULL);
	return bad;
}

int
admin_form_saved(struct ctx *c, enum db_err e, const char *to, struct form *f,
    const char *field, const char *taken)
{
	if (e == DB_OK)
		resp_redirect(&c->resp, to);
	else if (e != DB_DUPLICATE)
		app_db_error(c, e);
	else {
		form_set_error(f, field, taken);
		return 0;
	}
	return 1;
}

/* --- the pages ----------------------------------------------------------- */

/* "Saved." after a redirect from a saved change. */
static const char *
saved_notice(struct ctx *c)
{
	return req_query(&c->req, "saved") != NULL ? "Saved." : NULL;
}

void
admin_form_users_page(struct ctx *c, const char *problem)
{
	struct admin_users_view	 v;
	struct user		*users;
	size_t			 n;
	enum db_err		 e;

	if ((e = user_list(c->db, &c->arena, &users, &n)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v = (struct admin_users_view){ .session = &c->session,
	    .notice = problem == NULL ? saved_notice(c) : NULL,
	    .problem = problem, .users = users, .n = n };
	app_begin_page(c);
	ui_admin_users(&c->html, &v);
}

void
admin_form_user_new_page(struct ctx *c, const struct form *f)
{
	const struct admin_user_view v = { &c->session, NULL, NULL, f, NULL };

	app_begin_page(c);
	ui_admin_user_new(&c->html, &v);
}

int
admin_form_user_load(struct ctx *c, struct user *u)
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

void
admin_form_user_page(struct ctx *c, const struct user *u,
    const struct form *edit, const struct form *password)
{
	struct admin_user_view	 v;
	struct form		 fresh_edit, fresh_password;

	if (edit == NULL) {
		if (admin_form_empty(c, AF_EDIT_USER, &fresh_edit) == -1)
			return;
		fresh_edit.values[EDIT_NAME].value = u->display_name;
		fresh_edit.values[EDIT_ROLE].value = role_name(u->role);
		edit = &fresh_edit;
	}
	if (password == NULL) {
		if (admin_form_empty(c, AF_PASSWORD, &fresh_password) == -1)
			return;
		password = &fresh_password;
	}
	v = (struct admin_user_view){ .session = &c->session,
	    .notice = saved_notice(c), .user = u, .form = edit,
	    .password = password };
	app_begin_page(c);
	ui_admin_user_edit(&c->html, &v);
}

void
admin_form_areas_page(struct ctx *c, const struct form *add)
{
	struct admin_areas_view	 v;
	struct policy_area	*areas;
	size_t			 n;
	enum db_err		 e;

	if ((e = policy_areas_list(c->db, &c->arena, 1, &areas, &n)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v = (struct admin_areas_view){ .session = &c->session,
	    .notice = saved_notice(c), .areas = areas, .n = n, .add = add };
	app_begin_page(c);
	ui_admin_policy_areas(&c->html, &v);
}

int
admin_form_area_load(struct ctx *c, struct policy_area *pa)
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

void
admin_form_area_page(struct ctx *c, const struct policy_area *pa,
    const struct form *f)
{
	struct admin_area_view	 v = { &c->session, pa, f };
	struct form		 fresh;

	if (f == NULL) {
		if (admin_form_empty(c, AF_EDIT_AREA, &fresh) == -1)
			return;
		fresh.values[PA_NAME].value = pa->name;
		fresh.values[PA_PRIORITY].value = pa->priority ? "yes" : "no";
		fresh.values[PA_RETIRED].value = pa->retired ? "yes" : "no";
		v.form = &fresh;
	}
	app_begin_page(c);
	ui_admin_policy_area_edit(&c->html, &v);
}

int
admin_form_categories_load(struct ctx *c, struct category **cats, size_t *n)
{
	enum db_err	 e;

	if ((e = categories_list(c->db, &c->arena, cats, n)) != DB_OK) {
		app_db_error(c, e);
		return -1;
	}
	return 0;
}

void
admin_form_categories_page(struct ctx *c, const struct category *cats,
    size_t n, const struct form *add, const char *bad_code,
    const struct form *update)
{
	struct admin_categories_view	 v;
	struct form			 fresh;

	if (add == NULL) {
		if (admin_form_empty(c, AF_ADD_CATEGORY, &fresh) == -1)
			return;
		add = &fresh;
	}
	v = (struct admin_categories_view){ .session = &c->session,
	    .notice = saved_notice(c), .categories = cats, .n = n,
	    .add = add, .bad_code = bad_code, .update = update };
	app_begin_page(c);
	ui_admin_categories(&c->html, &v);
}
