/*
 * people.fcgi: the directory of people and organisations.
 *
 *	GET	/people, /people.csv, /people/ID, /people/ID/history
 *	GET+POST /people/new, /people/ID/edit
 *	POST	/people/ID/delete, /people/ID/restore
 *	GET	/people/duplicates; POST /people/ID/merge (other=ID),
 *		/people/merges/ID/undo
 *	GET+POST /people/ID/erase (admins), GET /people/erased
 *	GET	/people/ID/export[?format=json]: the subject access export
 *		(admins only), logged in the audit log
 *	GET	/people/search.json?q=...&limit=N&set=parliamentarians: the
 *		forms' type-ahead (lib/people_search.h)
 *
 * and the same under /organisations (without the CSV).  Viewers read;
 * editors and admins write.  A successful POST redirects (303) to the
 * record with a notice flag in the query; it never renders.  The forms
 * are lib/dir_form.c's, the pages' records lib/dir_pages.c's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "dir_form.h"
#include "dir_pages.h"
#include "directory.h"
#include "eng_privacy.h"
#include "people_search.h"
#include "privacy_erase.h"
#include "privacy_sar.h"
#include "ui_directory.h"
#include "ui_privacy_erase.h"
#include "ui_privacy_sar.h"
#include "users.h"

#define PER_PAGE	25
#define PERSON_MENTIONS	10	/* the newest, on a person's page */
#define WRITE_ROLE	ROLE_EDITOR	/* who may create, edit, delete */

static int
can_edit(const struct ctx *c)
{
	return c->session.role >= WRITE_ROLE;
}

/*
 * Refuse (409) a change to an erased person: 1 when refused or the
 * check failed (the page is written), else 0.
 */
static int
refuse_erased(struct ctx *c, long long id)
{
	int	 erased = privacy_is_erased(c->db, id);

	if (erased == -1)
		app_db_error(c, DB_ERROR);
	else if (erased)
		app_error(c, 409, "This person has been erased: their record "
		    "cannot be edited, deleted, restored or merged.");
	return erased != 0;
}

/* After a delete or restore: the 303 to the record with flag, or the error. */
static void
flagged(struct ctx *c, enum db_err e, const char *base, const char *flag)
{
	if (e != DB_OK)
		dir_fail(c, e);
	else
		dir_redirect(c, base, c->id, flag);
}

/* A record's history page, rendered by show. */
static void
history(struct ctx *c, const char *table, long long id, const char *name,
    void (*show)(struct html *, const struct dir_history_view *))
{
	struct dir_history_view	 v = { &c->session, id, name, NULL, 0 };
	struct audit_entry	*entries;
	enum db_err		 e;

	if ((e = audit_history(c->db, &c->arena, table, id, &entries,
	    &v.n)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	v.entries = entries;
	app_begin_page(c);
	show(&c->html, &v);
}

/* --- people -------------------------------------------------------------- */

static void
people_list(struct ctx *c)
{
	struct person_filter	 f;
	struct people_list_view	 v;
	enum db_err		 e;

	memset(&v, 0, sizeof(v));
	dir_person_filter(&c->req.query, &f);
	v.page = dir_page_number(&c->req.query);
	if ((e = dir_people_page(c->db, &c->arena, &f, PER_PAGE, &v)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	v.session = &c->session;
	v.can_edit = can_edit(c);
	app_begin_page(c);
	ui_people_list(&c->html, &v);
}

static void
people_csv(struct ctx *c)
{
	struct person_filter	 f;
	struct person		*p;
	size_t			 n, total;
	enum db_err		 e;

	dir_person_filter(&c->req.query, &f);
	if ((e = person_list(c->db, &c->arena, &f, &p, &n, &total)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	app_begin_csv(c, "people.csv");
	ui_people_csv(&c->resp.body, p, n);
}

/* An erased person's page: that they were erased, and no more. */
static void
person_erased_show(struct ctx *c)
{
	struct erase_preview	 p;
	enum db_err		 e;

	if ((e = privacy_erase_preview(c->db, &c->arena, c->id, &p)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	app_begin_page(c);
	ui_erased_person(&c->html, &c->session, &p);
}

static void
person_show(struct ctx *c)
{
	struct eng_reader	 reader = eng_reader_of(&c->session);
	struct person		 p;
	struct person_view	 v;
	enum db_err		 e;

	if (dir_person_load(c, &p, 0) == -1)
		return;
	if (privacy_is_erased(c->db, p.id) == 1) {
		person_erased_show(c);
		return;
	}
	memset(&v, 0, sizeof(v));
	if ((e = dir_person_page(c->db, &c->arena, &reader, &p, PERSON_MENTIONS,
	    &v)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	v.session = &c->session;
	v.can_edit = can_edit(c);
	v.notice = dir_notice(&c->req.query);
	app_begin_page(c);
	ui_person_detail(&c->html, &v);
}

/* /people/new (no :id in the route, so c->id is 0) or /people/ID/edit. */
static void
person_form_get(struct ctx *c)
{
	struct person	 p;

	if (c->id == 0)
		dir_person_form_get(c, NULL);
	else if (!refuse_erased(c, c->id) && dir_person_load(c, &p, 1) == 0)
		dir_person_form_get(c, &p);
}

static void
person_form_post(struct ctx *c)
{
	struct person	 saved;

	if (c->id == 0)
		dir_person_form_post(c, NULL);
	else if (!refuse_erased(c, c->id) &&
	    dir_person_load(c, &saved, 1) == 0)
		dir_person_form_post(c, &saved);
}

static void
person_delete_post(struct ctx *c)
{
	if (refuse_erased(c, c->id))
		return;
	flagged(c, person_delete(c->db, app_actor(c), c->id), "/people",
	    "deleted");
}

static void
person_restore_post(struct ctx *c)
{
	if (refuse_erased(c, c->id))
		return;
	flagged(c, person_restore(c->db, app_actor(c), c->id), "/people",
	    "restored");
}

static void
person_history(struct ctx *c)
{
	struct person	 p;

	if (dir_person_load(c, &p, 0) == 0)
		history(c, "person", p.id, p.full_name, ui_person_history);
}

static void
people_duplicates(struct ctx *c)
{
	struct person_pair	*pairs;
	struct duplicates_view	 v;
	size_t			 n;
	enum db_err		 e;

	if ((e = person_duplicates(c->db, &c->arena, &pairs, &n)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	v = (struct duplicates_view){ &c->session, can_edit(c), NULL, pairs,
	    n };
	app_begin_page(c);
	ui_people_duplicates(&c->html, &v);
}

/* POST /people/ID/merge, other=ID: merge other into the route's person. */
static void
person_merge_post(struct ctx *c)
{
	struct person	 keep, other;
	long long	 other_id = dir_id(params_get(&c->req.form, "other"));
	long long	 merge_id;
	enum db_err	 e;

	if (other_id == 0) {
		app_error(c, 400, "Choose the record to merge into this one.");
		return;
	}
	if (other_id == c->id) {
		app_error(c, 400, "A record cannot be merged into itself.");
		return;
	}
	if (refuse_erased(c, c->id) || refuse_erased(c, other_id))
		return;
	if (dir_person_load(c, &keep, 1) == -1)
		return;
	if ((e = person_get(c->db, &c->arena, other_id, &other)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	if (other.deleted) {
		app_error(c, 409, "The other record has been deleted or merged "
		    "already: restore it first if you want to merge it.");
		return;
	}
	e = person_merge(c->db, app_actor(c), keep.id, other.id, &merge_id);
	if (e == DB_CONFLICT)
		app_error(c, 409, "One of these records changed (deleted or "
		    "merged) while you were looking: nothing was merged.");
	else if (e != DB_OK)
		dir_fail(c, e);
	else
		dir_redirect(c, "/people", keep.id, "merged");
}

/* POST /people/merges/ID/undo. */
static void
merge_undo_post(struct ctx *c)
{
	struct person_merge	 m;
	enum db_err		 e;

	if ((e = person_merge_get(c->db, &c->arena, c->id, &m)) != DB_OK) {
		if (e == DB_NOTFOUND)
			app_error(c, 404, "There is no such merge.");
		else
			dir_fail(c, e);
		return;
	}
	if (m.undone_at != NULL) {
		app_error(c, 409, "This merge has already been undone.");
		return;
	}
	e = person_merge_undo(c->db, app_actor(c), m.id);
	if (e == DB_CONFLICT)
		app_error(c, 409, "This merge has already been undone.");
	else if (e != DB_OK)
		dir_fail(c, e);
	else
		dir_redirect(c, "/people", m.survivor_id, "unmerged");
}

/* --- erasure (admins) ---------------------------------------------------- */

/* The confirmation page, with what was typed and why it was refused. */
static void
erase_confirm_page(struct ctx *c, const struct erase_preview *p,
    const char *typed, const char *error)
{
	struct erase_confirm_view	 v = { &c->session, p, typed, error };

	if (error != NULL)
		c->resp.status = 400;
	app_begin_page(c);
	ui_erase_confirm(&c->html, &v);
}

/* Load what erasing the route's person would touch; -1 if not (answered). */
static int
erase_load(struct ctx *c, struct erase_preview *p)
{
	enum db_err	 e;

	if ((e = privacy_erase_preview(c->db, &c->arena, c->id, p)) != DB_OK) {
		dir_fail(c, e);
		return -1;
	}
	if (p->erased) {
		app_error(c, 409, "This person has been erased already.");
		return -1;
	}
	return 0;
}

static void
person_erase_get(struct ctx *c)
{
	struct erase_preview	 p;

	if (erase_load(c, &p) == 0)
		erase_confirm_page(c, &p, NULL, NULL);
}

/* Whether typed is name, ignoring surrounding spaces and ASCII case. */
static int
typed_matches(const char *typed, const char *name)
{
	size_t	 n;

	while (*typed == ' ' || *typed == '\t')
		typed++;
	n = strlen(typed);
	while (n > 0 && (typed[n - 1] == ' ' || typed[n - 1] == '\t'))
		n--;
	return n == strlen(name) && strncasecmp(typed, name, n) == 0;
}

static void
person_erase_post(struct ctx *c)
{
	struct erase_preview	 p;
	const char		*typed = params_get(&c->req.form, "confirm");
	enum db_err		 e;

	if (erase_load(c, &p) == -1)
		return;
	if (typed == NULL || !typed_matches(typed, p.full_name)) {
		erase_confirm_page(c, &p, typed, "Type the person's full name "
		    "exactly as shown above to confirm the erasure.");
		return;
	}
	e = privacy_erase_person(c->db, c->id, app_actor(c), "request");
	if (e == DB_CONFLICT)
		app_error(c, 409, "This person has been erased already.");
	else if (e != DB_OK)
		dir_fail(c, e);
	else
		resp_redirect(&c->resp, "/people/erased");
}

static void
person_erased_get(struct ctx *c)
{
	app_begin_page(c);
	ui_erase_done(&c->html, &c->session);
}

/*
 * GET /people/ID/export: everything held about the person, as a page or
 * (format=json) as a download; either way one audit row says who took it.
 * Admins only, in the route table: subject access is the data protection
 * lead's job.  An erased person has nothing to export.
 */
static void
person_export(struct ctx *c)
{
	const char		*format = req_query(&c->req, "format");
	struct sar_export	 x;
	char			 name[80];
	const char		*disp;
	enum db_err		 e;

	if (format == NULL || *format == '\0')
		format = "html";
	if (strcmp(format, "html") != 0 && strcmp(format, "json") != 0) {
		app_error(c, 400, "The format must be html or json.");
		return;
	}
	e = sar_export(c->db, &c->arena, app_actor(c), c->id, format, &x);
	if (e != DB_OK) {
		dir_fail(c, e);
		return;
	}
	if (x.erased) {
		app_error(c, 409, "This person has been erased: the tracker "
		    "keeps nothing about them to export, only a record that an "
		    "erasure happened, which does not name them.");
		return;
	}
	if (strcmp(format, "html") == 0) {
		app_begin_page(c);
		ui_sar_page(&c->html, &c->session, &x);
		return;
	}
	buf_reset(&c->resp.body);
	resp_header_set(&c->resp, "Content-Type",
	    "application/json; charset=utf-8");
	ui_sar_json_filename(name, sizeof(name), &x);
	if ((disp = arena_printf(&c->arena, "attachment; filename=\"%s\"",
	    name)) != NULL)
		resp_header_set(&c->resp, "Content-Disposition", disp);
	if (ui_sar_json(&c->resp.body, &x) == -1)
		app_error(c, 500, NULL);
}

/* --- organisations ------------------------------------------------------- */

static void
orgs_list(struct ctx *c)
{
	struct org_filter	 f;
	struct orgs_list_view	 v;
	enum db_err		 e;

	memset(&v, 0, sizeof(v));
	dir_org_filter(&c->req.query, &f);
	v.page = dir_page_number(&c->req.query);
	if ((e = dir_orgs_page(c->db, &c->arena, &f, PER_PAGE, &v)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	v.session = &c->session;
	v.can_edit = can_edit(c);
	app_begin_page(c);
	ui_orgs_list(&c->html, &v);
}

static void
org_show(struct ctx *c)
{
	struct organisation	 o;
	struct org_view		 v;
	struct eng_reader	 reader;
	enum db_err		 e;

	if (dir_org_load(c, &o, 0) == -1)
		return;
	memset(&v, 0, sizeof(v));
	reader = eng_reader_of(&c->session);
	if ((e = dir_org_page(c->db, &c->arena, &reader, &o, &v)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	v.session = &c->session;
	v.can_edit = can_edit(c);
	v.notice = dir_notice(&c->req.query);
	app_begin_page(c);
	ui_org_detail(&c->html, &v);
}

/* /organisations/new (c->id is 0) or /organisations/ID/edit. */
static void
org_form_get(struct ctx *c)
{
	struct organisation	 o;

	if (c->id == 0)
		dir_org_form_get(c, NULL);
	else if (dir_org_load(c, &o, 1) == 0)
		dir_org_form_get(c, &o);
}

static void
org_form_post(struct ctx *c)
{
	struct organisation	 saved;

	if (c->id == 0)
		dir_org_form_post(c, NULL);
	else if (dir_org_load(c, &saved, 1) == 0)
		dir_org_form_post(c, &saved);
}

static void
org_delete_post(struct ctx *c)
{
	flagged(c, org_delete(c->db, app_actor(c), c->id), "/organisations",
	    "deleted");
}

static void
org_restore_post(struct ctx *c)
{
	flagged(c, org_restore(c->db, app_actor(c), c->id), "/organisations",
	    "restored");
}

static void
org_history(struct ctx *c)
{
	struct organisation	 o;

	if (dir_org_load(c, &o, 0) == 0)
		history(c, "organisation", o.id, o.name, ui_org_history);
}

/*
 * The type-ahead's matches as JSON.  A bad limit or set is the caller's
 * mistake (the forms' script sends good ones): 400 with a JSON message.
 */
static void
people_search_get(struct ctx *c)
{
	const char		*q = req_query(&c->req, "q");
	const char		*lim = req_query(&c->req, "limit");
	int			 set = people_set_from(req_query(&c->req, "set"));
	long long		 limit = 0;
	struct people_match	*m;
	size_t			 n;
	enum db_err		 e;

	buf_reset(&c->resp.body);
	resp_header_set(&c->resp, "Content-Type",
	    "application/json; charset=utf-8");
	if (lim != NULL && *lim != '\0' && (validate_integer(lim) != NULL ||
	    (limit = strtoll(lim, NULL, 10)) < 1 || limit > PEOPLE_SEARCH_MAX))
		set = -1;
	if (set == -1) {
		c->resp.status = 400;
		buf_printf(&c->resp.body, "{\"error\": \"limit is 1 to %d; set "
		    "is all or parliamentarians\"}\n", PEOPLE_SEARCH_MAX);
		return;
	}
	e = people_search(c->db, &c->arena, q, (enum people_set)set,
	    (size_t)limit, &m, &n);
	if (e != DB_OK)
		app_db_error(c, e);
	else if (ui_people_search_json(&c->resp.body, m, n) == -1)
		app_error(c, 500, NULL);
}

static const struct route routes[] = {
	{ "/people", people_list, NULL, 0, ROLE_VIEWER },
	{ "/people.csv", people_csv, NULL, 0, ROLE_VIEWER },
	{ "/people/new", person_form_get, person_form_post, 0, WRITE_ROLE },
	{ "/people/duplicates", people_duplicates, NULL, 0, ROLE_VIEWER },
	{ "/people/erased", person_erased_get, NULL, 0, ROLE_ADMIN },
	{ "/people/search.json", people_search_get, NULL, 0, ROLE_VIEWER },
	{ "/people/merges/:id/undo", NULL, merge_undo_post, 0, WRITE_ROLE },
	{ "/people/:id/merge", NULL, person_merge_post, 0, WRITE_ROLE },
	{ "/people/:id", person_show, NULL, 0, ROLE_VIEWER },
	{ "/people/:id/edit", person_form_get, person_form_post, 0,
	    WRITE_ROLE },
	{ "/people/:id/delete", NULL, person_delete_post, 0, WRITE_ROLE },
	{ "/people/:id/restore", NULL, person_restore_post, 0, WRITE_ROLE },
	{ "/people/:id/history", person_history, NULL, 0, ROLE_VIEWER },
	{ "/people/:id/erase", person_erase_get, person_erase_post, 0,
	    ROLE_ADMIN },

	{ "/people/:id/export", person_export, NULL, 0, ROLE_ADMIN },
	{ "/organisations", orgs_list, NULL, 0, ROLE_VIEWER },
	{ "/organisations/new", org_form_get, org_form_post, 0, WRITE_ROLE },
	{ "/organisations/:id", org_show, NULL, 0, ROLE_VIEWER },
	{ "/organisations/:id/edit", org_form_get, org_form_post, 0,
	    WRITE_ROLE },
	{ "/organisations/:id/delete", NULL, org_delete_post, 0, WRITE_ROLE },
	{ "/organisations/:id/restore", NULL, org_restore_post, 0,
	    WRITE_ROLE },
	{ "/organisations/:id/history", org_history, NULL, 0, ROLE_VIEWER },
};

int
main(void)
{
	const struct app app = { "people", routes,
	    sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
