/*
 * admin.fcgi: /admin and its sections: users, policy areas and person
 * categories, which need the admin role, and the CSV import of people
 * (/admin/import), which editors may use too, and the retention rules
 * (/admin/retention) with the monthly reminder on /admin.  A saved change
 * redirects (303) to its list with ?saved=1; a refused one comes back
 * as a 400 page with the message beside the field and what was typed.
 * The forms and pages are lib/admin_form.c's and lib/import_form.c's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin_form.h"
#include "app.h"
#include "directory.h"
#include "form.h"
#include "import_form.h"
#include "people_import.h"
#include "privacy_retention.h"
#include "ui_admin.h"
#include "ui_privacy_erase.h"
#include "users.h"

static void
admin_index(struct ctx *c)
{
	struct retention_status	 s;
	char			 today[11];
	long			 no_basis;
	enum db_err		 e;

	app_today(today);
	if ((e = person_count_no_basis(c->db, &no_basis)) != DB_OK ||
	    (e = retention_status(c->db, &c->arena, today, &s)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	app_begin_page(c);
	ui_admin_index(&c->html, &c->session, no_basis, &s);
}

/* Retention (issue 11): the rules, who is due, the reminder. */

static void
retention_page(struct ctx *c, const char *error, const char *category)
{
	struct retention_view	 v;
	struct retention_status	 s;
	struct retention_rule	*rules;
	struct retention_due	*due;
	char			 today[11];
	enum db_err		 e;

	memset(&v, 0, sizeof(v));
	app_today(today);
	if ((e = retention_rules(c->db, &c->arena, &rules, &v.nrules)) !=
	    DB_OK ||
	    (e = retention_due_list(c->db, &c->arena, today, &due, &v.ndue)) !=
	    DB_OK ||
	    (e = retention_status(c->db, &c->arena, today, &s)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.session = &c->session;
	v.rules = rules;
	v.due = due;
	v.status = &s;
	v.error = error;
	v.error_category = category;
	v.saved = req_query(&c->req, "saved") != NULL;
	if (error != NULL)
		c->resp.status = 400;
	app_begin_page(c);
	ui_retention_page(&c->html, &v);
}

static void
retention_get(struct ctx *c)
{
	retention_page(c, NULL, NULL);
}

/* months: empty for no limit, else a whole number 1..1200; -2 if bad. */
static int
months_of(const char *s)
{
	char	*end;
	long	 n;

	if (s == NULL || *s == '\0')
		return -1;
	n = strtol(s, &end, 10);
	if (*end != '\0' || n < 1 || n > RETENTION_MONTHS_MAX)
		return -2;
	return (int)n;
}

static void
retention_post(struct ctx *c)
{
	const char	*category = req_form(&c->req, "category");
	const char	*exempt = req_form(&c->req, "exempt_current");
	int		 months = months_of(req_form(&c->req, "months"));
	enum db_err	 e;

	if (category == NULL || *category == '\0') {
		app_error(c, 400, "The form did not say which category.");
		return;
	}
	if (months == -2) {
		retention_page(c, "Months must be a whole number from 1 to "
		    "1200, or empty for no limit.", category);
		return;
	}
	e = retention_rule_save(c->db, app_actor(c), category, months,
	    exempt != NULL && strcmp(exempt, "1") == 0);
	if (e == DB_NOTFOUND)
		app_error(c, 400, "There is no such category.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, "/admin/retention?saved=1");
}

/* Users */

static void
users_get(struct ctx *c)
{
	admin_form_users_page(c, NULL);
}

static void
user_new_get(struct ctx *c)
{
	struct form	 f;

	if (admin_form_empty(c, AF_NEW_USER, &f) == 0)
		admin_form_user_new_page(c, &f);
}

static void
user_new_post(struct ctx *c)
{
	struct form	 f;

	if (admin_form_posted(c, AF_NEW_USER, &f) < 0)
		return;
	if (f.nerrors == 0 && admin_form_saved(c, user_add(c->db, app_actor(c),
	    f.values[NEW_USERNAME].value, f.values[NEW_NAME].value,
	    role_parse(f.values[NEW_ROLE].value), f.values[NEW_PASSWORD].value),
	    "/admin/users?saved=1", &f, "username", "There is already a user "
	    "with this username. Choose another."))
		return;
	c->resp.status = 400;
	admin_form_user_new_page(c, &f);
}

/* After a change to an existing user: back to the list, or the error. */
static void
user_changed(struct ctx *c, enum db_err e)
{
	if (e == DB_NOTFOUND)
		app_error(c, 404, "There is no user with that number.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, "/admin/users?saved=1");
}

static void
user_edit_get(struct ctx *c)
{
	struct user	 u;

	if (admin_form_user_load(c, &u) == 0)
		admin_form_user_page(c, &u, NULL, NULL);
}

/*
 * The posted form k of the route's user: 1 with u and f when it is
 * valid; else 0, the page again (400) or an error page shown.
 */
static int
user_form(struct ctx *c, enum admin_form k, struct user *u, struct form *f)
{
	if (admin_form_user_load(c, u) == -1 || admin_form_posted(c, k, f) < 0)
		return 0;
	if (k == AF_EDIT_USER)
		admin_form_check_own_role(f, u, c->session.user_id);
	if (f->nerrors == 0)
		return 1;
	c->resp.status = 400;
	admin_form_user_page(c, u, k == AF_EDIT_USER ? f : NULL,
	    k == AF_PASSWORD ? f : NULL);
	return 0;
}

static void
user_edit_post(struct ctx *c)
{
	struct user	 u;
	struct form	 f;

	if (user_form(c, AF_EDIT_USER, &u, &f))
		user_changed(c, user_set_role_name(c->db, app_actor(c), u.id,
		    f.values[EDIT_NAME].value,
		    role_parse(f.values[EDIT_ROLE].value)));
}

static void
user_password_post(struct ctx *c)
{
	struct user	 u;
	struct form	 f;

	if (user_form(c, AF_PASSWORD, &u, &f))
		user_changed(c, user_set_password(c->db, app_actor(c),
		    u.username, f.values[PW_PASSWORD].value));
}

static void
set_disabled(struct ctx *c, int disabled)
{
	struct user	 u;

	if (admin_form_user_load(c, &u) == -1)
		return;
	if (disabled && u.id == c->session.user_id) {
		c->resp.status = 400;
		admin_form_users_page(c, "You cannot disable your own account: "
		    "you would be locked out. Another admin can disable it.");
		return;
	}
	user_changed(c, user_set_disabled(c->db, app_actor(c), u.username,
	    disabled));
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
policy_areas_get(struct ctx *c)
{
	struct form	 f;

	if (admin_form_empty(c, AF_ADD_AREA, &f) == 0)
		admin_form_areas_page(c, &f);
}

/* Add a policy area (saved NULL), or change saved. */
static void
area_post(struct ctx *c, const struct policy_area *saved)
{
	struct policy_area	 pa;
	struct form		 f;
	int			 bad;

	if ((bad = admin_form_posted(c, saved ? AF_EDIT_AREA : AF_ADD_AREA,
	    &f)) < 0)
		return;
	admin_form_area(&f, saved ? saved->id : 0, &pa);
	if (bad == 0 && admin_form_saved(c, policy_area_save(c->db,
	    app_actor(c), &pa), "/admin/policy-areas?saved=1", &f, "name",
	    "There is already a policy area with this name."))
		return;
	c->resp.status = 400;
	if (saved != NULL)
		admin_form_area_page(c, saved, &f);
	else
		admin_form_areas_page(c, &f);
}

static void
policy_areas_post(struct ctx *c)
{
	area_post(c, NULL);
}

static void
policy_area_edit_get(struct ctx *c)
{
	struct policy_area	 pa;

	if (admin_form_area_load(c, &pa) == 0)
		admin_form_area_page(c, &pa, NULL);
}

static void
policy_area_edit_post(struct ctx *c)
{
	struct policy_area	 saved;

	if (admin_form_area_load(c, &saved) == 0)
		area_post(c, &saved);
}

/* Person categories */

static void
categories_get(struct ctx *c)
{
	struct category	*cats;
	size_t		 n;

	if (admin_form_categories_load(c, &cats, &n) == 0)
		admin_form_categories_page(c, cats, n, NULL, NULL, NULL);
}

/* Save the category of a valid form (create, or change its row). */
static int
save_category(struct ctx *c, struct form *f, int create, const char *taken)
{
	struct category	 cat;

	admin_form_category(f, &cat);
	return admin_form_saved(c, category_save(c->db, app_actor(c), &cat,
	    create), "/admin/categories?saved=1", f, "label", taken);
}

static void
category_create(struct ctx *c)
{
	struct category	*cats;
	struct form	 f;
	size_t		 n;

	if (admin_form_posted(c, AF_ADD_CATEGORY, &f) < 0 ||
	    admin_form_categories_load(c, &cats, &n) == -1)
		return;
	if (f.values[CAT_CODE].error == NULL && admin_form_find_category(cats,
	    n, f.values[CAT_CODE].value) != NULL)
		form_set_error(&f, "code", "There is already a category with "
		    "this code.");
	/* The code was free a moment ago: a duplicate is the label. */
	if (f.nerrors == 0 && save_category(c, &f, 1, "There is already a "
	    "category with this label."))
		return;
	c->resp.status = 400;
	admin_form_categories_page(c, cats, n, &f, NULL, NULL);
}

static void
category_update(struct ctx *c)
{
	struct category	*cats;
	struct form	 f;
	size_t		 n;

	if (admin_form_posted(c, AF_UPDATE_CATEGORY, &f) < 0 ||
	    admin_form_categories_load(c, &cats, &n) == -1)
		return;
	if (f.values[CAT_CODE].error != NULL || admin_form_find_category(cats,
	    n, f.values[CAT_CODE].value) == NULL) {
		app_error(c, 404, "There is no category with that code.");
		return;
	}
	if (f.nerrors == 0 && save_category(c, &f, 0, "Another category "
	    "already has this label."))
		return;
	c->resp.status = 400;
	admin_form_categories_page(c, cats, n, NULL, f.values[CAT_CODE].value,
	    &f);
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
	import_form_page(c, NULL);
}

static void
import_template_get(struct ctx *c)
{
	app_begin_csv(c, "people-template.csv");
	buf_puts(&c->resp.body, people_import_template());
}

/* Members of Parliament and councillors */

static void
members_get(struct ctx *c)
{
	struct admin_members_view	 v;

	memset(&v, 0, sizeof(v));
	v.kind = "parliament";
	import_form_members_page(c, &v);
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
	{ "/admin/retention", retention_get, retention_post, 0, ROLE_ADMIN },
	{ "/admin/members", members_get, import_form_members_post, 0,
	    ROLE_ADMIN },
	{ "/admin/import", import_get, NULL, 0, ROLE_EDITOR },
	{ "/admin/import/template.csv", import_template_get, NULL, 0,
	    ROLE_EDITOR },
	{ "/admin/import/preview", NULL, import_form_preview_post, 0,
	    ROLE_EDITOR },
	{ "/admin/import/apply", NULL, import_form_apply_post, 0,
	    ROLE_EDITOR },
};

int
main(void)
{
	const struct app app = { "admin", routes,
	    sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
