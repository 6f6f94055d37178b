/*
 * appg.fcgi: the APPG secretariat -- /appg (groups), /appg/:id (a group:
 * officers, members, checks, meetings, benefits; its register entry,
 * history and forms), /appg/meetings/:id (a meeting, its notice, its
 * minutes in HTML, text and Markdown, their editor, versions and
 * workflow), /appg/actions (actions across meetings) and /appg/settings
 * (the dated numbers of the rules; admins change them).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "appg.h"
#include "appg_form.h"
#include "appg_minutes.h"
#include "appg_rules.h"
#include "audit.h"
#include "form.h"
#include "ui.h"
#include "ui_appg.h"

#define TEXT_WIDTH	72
#define MINUTES_MAX	200000	/* characters of Markdown */
#define DIFF_MAX_LINES	1500

/* A database failure as a page: "what" names the missing record. */
static void
fail(struct ctx *c, enum db_err e, const char *what)
{
	if (e == DB_NOTFOUND)
		app_error(c, 404, arena_printf(&c->arena, "There is no %s with "
		    "that number.", what));
	else if (e == DB_CONFLICT)
		app_error(c, 409, arena_printf(&c->arena, "The %s changed or was "
		    "deleted since you opened it: reload it and try again.",
		    what));
	else
		app_db_error(c, e);
}

static const char *
today_of(struct ctx *c)
{
	char	 today[11];

	app_today(today);
	return arena_strdup(&c->arena, today);
}

static void redirect(struct ctx *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

/* 303 to a page of this program, its address made like printf's. */
static void
redirect(struct ctx *c, const char *fmt, ...)
{
	va_list		 ap;
	const char	*url;

	va_start(ap, fmt);
	url = arena_vprintf(&c->arena, fmt, ap);
	va_end(ap);
	resp_redirect(&c->resp, url);
}

/* Raw text as the whole response, of a content type. */
static void
send_text(struct ctx *c, const char *type, const char *text)
{
	buf_reset(&c->resp.body);
	buf_puts(&c->resp.body, text);
	if (resp_header_set(&c->resp, "Content-Type", type) == -1)
		app_error(c, 500, NULL);
}

/* --- groups ------------------------------------------------------------- */

static void
list_get(struct ctx *c)
{
	struct appg_list_view	 v;
	struct appg_group_row	*rows;
	const char		*d = req_query(&c->req, "deleted");
	enum db_err		 e;

	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.deleted = d != NULL && strcmp(d, "1") == 0;
	if ((e = appg_group_list(c->db, &c->arena, today_of(c), v.deleted,
	    &rows, &v.n)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.rows = rows;
	v.notice = req_query(&c->req, "saved") ? "Saved." : NULL;
	app_begin_page(c);
	ui_appg_list(&c->html, &v);
}

/*
 * The group page, with its three add forms: those given (kept after a
 * rejected POST) or empty ones.
 */
static void
show_group(struct ctx *c, long long id, struct form *officer,
    struct form *member, struct form *benefit, int register_entry)
{
	struct appg_check	 checks[APPG_CHECK__MAX];
	struct appg_group_view	 v;
	struct appg_bundle	 b;
	struct form		 fo, fm, fb;
	enum db_err		 e;

	memset(&v, 0, sizeof(v));
	if ((e = appg_bundle_load(c->db, &c->arena, id, &b)) != DB_OK) {
		fail(c, e, "group");
		return;
	}
	if ((officer == NULL && appg_form_empty(c, APPG_FORM_OFFICER, &fo)) ||
	    (member == NULL && appg_form_empty(c, APPG_FORM_MEMBER, &fm)) ||
	    (benefit == NULL && appg_form_empty(c, APPG_FORM_BENEFIT, &fb))) {
		app_error(c, 500, NULL);
		return;
	}
	v.session = &c->session;
	v.bundle = &b;
	v.today = today_of(c);
	if ((v.failing = appg_check_all(&c->arena, &b.facts, v.today,
	    checks)) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	v.checks = checks;
	v.officer.form = officer ? officer : &fo;
	v.member.form = member ? member : &fm;
	v.benefit.form = benefit ? benefit : &fb;
	v.notice = req_query(&c->req, "saved") ? "Saved." : NULL;
	app_begin_page(c);
	if (register_entry)
		ui_appg_register(&c->html, &v);
	else
		ui_appg_group(&c->html, &v);
}

static void
group_get(struct ctx *c)
{
	show_group(c, c->id, NULL, NULL, NULL, 0);
}

static void
register_get(struct ctx *c)
{
	show_group(c, c->id, NULL, NULL, NULL, 1);
}

static void
show_form(struct ctx *c, const char *title, const char *action,
    const char *back, struct form *f)
{
	struct appg_form_view	 v;

	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.title = title;
	v.action = action;
	v.back = back;
	v.form = f;
	app_begin_page(c);
	ui_appg_form(&c->html, &v);
}

static void
group_new_get(struct ctx *c)
{
	struct form	 f;

	if (appg_form_empty(c, APPG_FORM_GROUP, &f) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	show_form(c, "New group", "/appg/new", "/appg", &f);
}

static void
set_field(struct form *f, const char *name, const char *value)
{
	size_t	 i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			f->values[i].value = value;
}

/* The 409 rows for a group saved by someone else meanwhile. */
static int
group_conflict(struct ctx *c, const struct appg_group *mine,
    struct form *f, struct appg_form_view *v)
{
	struct appg_group	 now;
	struct conflict_row	*r;
	enum db_err		 e;

	if ((e = appg_group_get(c->db, &c->arena, mine->id, &now)) != DB_OK) {
		fail(c, e, "group");
		return -1;
	}
	if ((r = arena_alloc(&c->arena, 8 * sizeof(*r))) == NULL) {
		app_error(c, 500, NULL);
		return -1;
	}
	r[0] = (struct conflict_row){ "Title", mine->title, now.title };
	r[1] = (struct conflict_row){ "Purpose", mine->purpose, now.purpose };
	r[2] = (struct conflict_row){ "Category", mine->category, now.category };
	r[3] = (struct conflict_row){ "Reporting deadline",
	    mine->reporting_deadline, now.reporting_deadline };
	r[4] = (struct conflict_row){ "Public enquiry point",
	    mine->enquiry_point, now.enquiry_point };
	r[5] = (struct conflict_row){ "Website", mine->website, now.website };
	r[6] = (struct conflict_row){ "Secretariat", mine->secretariat,
	    now.secretariat };
	r[7] = (struct conflict_row){ "Deleted", "no", now.deleted ? "yes" :
	    "no" };
	v->conflict = r;
	v->nconflict = 8;
	set_field(f, "version", arena_printf(&c->arena, "%d", now.version));
	return 0;
}

/* Save the group form (new: id 0); on a problem the form comes back. */
static void
group_save(struct ctx *c, long long id, const char *action, const char *back,
    const char *title)
{
	struct appg_form_view	 v;
	struct appg_group	 g;
	struct form		 f;
	enum db_err		 e = DB_OK;

	if (appg_form_posted(c, APPG_FORM_GROUP, &f) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	appg_form_to_group(c, &f, &g);
	g.id = id;
	memset(&v, 0, sizeof(v));
	if (f.nerrors == 0 &&
	    (e = appg_group_save(c->db, app_actor(c), &g)) == DB_OK) {
		redirect(c, "/appg/%lld?saved=1", g.id);
		return;
	}
	if (e != DB_OK && e != DB_CONFLICT) {
		fail(c, e, "group");
		return;
	}
	if (e == DB_CONFLICT && group_conflict(c, &g, &f, &v) == -1)
		return;
	c->resp.status = e == DB_CONFLICT ? 409 : 400;
	v.session = &c->session;
	v.title = title;
	v.action = action;
	v.back = back;
	v.form = &f;
	app_begin_page(c);
	ui_appg_form(&c->html, &v);
}

static void
group_new_post(struct ctx *c)
{
	group_save(c, 0, "/appg/new", "/appg", "New group");
}

static void
group_edit_get(struct ctx *c)
{
	struct appg_group	 g;
	struct form		 f;
	enum db_err		 e;

	if ((e = appg_group_get(c->db, &c->arena, c->id, &g)) != DB_OK) {
		fail(c, e, "group");
		return;
	}
	if (g.deleted) {
		app_error(c, 409, "This group is deleted: restore it first.");
		return;
	}
	if (appg_form_from_group(c, &g, &f) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	show_form(c, "Edit group", arena_printf(&c->arena, "/appg/%lld/edit",
	    c->id), arena_printf(&c->arena, "/appg/%lld", c->id), &f);
}

static void
group_edit_post(struct ctx *c)
{
	group_save(c, c->id, arena_printf(&c->arena, "/appg/%lld/edit", c->id),
	    arena_printf(&c->arena, "/appg/%lld", c->id), "Edit group");
}

static void
group_set_deleted(struct ctx *c, int deleted)
{
	enum db_err	 e = appg_group_set_deleted(c->db, app_actor(c), c->id,
	    deleted);

	if (e == DB_NOTFOUND)
		app_error(c, 404, deleted ? "There is no such group, or it is "
		    "already deleted." : "There is no such deleted group.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		redirect(c, "/appg/%lld?saved=1", c->id);
}

static void
group_delete_post(struct ctx *c)
{
	group_set_deleted(c, 1);
}

static void
group_restore_post(struct ctx *c)
{
	group_set_deleted(c, 0);
}

static void
history(struct ctx *c, const char *entity, const char *title,
    const char *back)
{
	struct audit_entry	*h;
	size_t			 n;
	enum db_err		 e;

	if ((e = audit_history(c->db, &c->arena, entity, c->id, &h, &n))) {
		app_db_error(c, e);
		return;
	}
	app_begin_page(c);
	ui_appg_history(&c->html, &c->session, title, back, h, n);
}

static void
group_history_get(struct ctx *c)
{
	struct appg_group	 g;
	enum db_err		 e;

	if ((e = appg_group_get(c->db, &c->arena, c->id, &g)) != DB_OK) {
		fail(c, e, "group");
		return;
	}
	history(c, "appg_group", arena_printf(&c->arena, "History: %s",
	    g.title), arena_printf(&c->arena, "/appg/%lld", c->id));
}

/* --- officers, members, benefits ----------------------------------------------- */

/* Add to the group; a rejected form comes back on the group page. */
static void
officer_add_post(struct ctx *c)
{
	struct appg_officer	 o;
	struct form		 f;
	enum db_err		 e;

	if (appg_form_posted(c, APPG_FORM_OFFICER, &f) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	if ((e = appg_form_to_officer(c, &f, &o)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	o.group_id = c->id;
	if (f.nerrors == 0 &&
	    (e = appg_officer_save(c->db, app_actor(c), &o)) == DB_OK) {
		redirect(c, "/appg/%lld?saved=1#officers", c->id);
		return;
	}
	if (f.nerrors == 0) {
		fail(c, e, "group");
		return;
	}
	c->resp.status = 400;
	show_group(c, c->id, &f, NULL, NULL, 0);
}

static void
member_add_post(struct ctx *c)
{
	struct appg_member	 m;
	struct form		 f;
	enum db_err		 e;

	if (appg_form_posted(c, APPG_FORM_MEMBER, &f) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	if ((e = appg_form_to_member(c, &f, &m)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	m.group_id = c->id;
	if (f.nerrors == 0 &&
	    (e = appg_member_save(c->db, app_actor(c), &m)) == DB_OK) {
		redirect(c, "/appg/%lld?saved=1#members", c->id);
		return;
	}
	if (f.nerrors == 0) {
		fail(c, e, "group");
		return;
	}
	c->resp.status = 400;
	show_group(c, c->id, NULL, &f, NULL, 0);
}

static void
benefit_add_post(struct ctx *c)
{
	struct appg_benefit	 b;
	struct form		 f;
	enum db_err		 e;

	if (appg_form_posted(c, APPG_FORM_BENEFIT, &f) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	appg_form_to_benefit(c, &f, &b);
	b.group_id = c->id;
	if (f.nerrors == 0 &&
	    (e = appg_benefit_save(c->db, app_actor(c), &b)) == DB_OK) {
		redirect(c, "/appg/%lld?saved=1#benefits", c->id);
		return;
	}
	if (f.nerrors == 0) {
		fail(c, e, "group");
		return;
	}
	c->resp.status = 400;
	show_group(c, c->id, NULL, NULL, &f, 0);
}

/* An officer, member or benefit: how its pages are named. */
struct row_kind {
	const char	*path;		/* in URLs and the group page's anchor */
	const char	*what;		/* in messages */
	const char	*title;		/* of its edit page */
};

static const struct row_kind officer_kind =
	{ "officers", "officer", "Edit officer" };
static const struct row_kind member_kind =
	{ "members", "member", "Edit member" };
static const struct row_kind benefit_kind =
	{ "benefits", "benefit", "Edit benefit" };

/*
 * An officer, member or benefit's own page: its form, filled from the
 * record (GET) or as posted, with a Delete button.
 */
static void
row_page(struct ctx *c, const struct row_kind *k, struct form *f,
    long long group_id, const char *problem)
{
	struct appg_form_view	 v;

	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.title = k->title;
	v.action = arena_printf(&c->arena, "/appg/%s/%lld", k->path, c->id);
	v.back = arena_printf(&c->arena, "/appg/%lld", group_id);
	v.delete_action = arena_printf(&c->arena, "/appg/%s/%lld/delete",
	    k->path, c->id);
	v.form = f;
	v.problem = problem;
	app_begin_page(c);
	ui_appg_form(&c->html, &v);
}

#define CHANGED_MEANWHILE "Someone else changed this entry while you were " \
	"editing it. What you typed is below; save again to replace their " \
	"version, or go back to see it."

/* The edit page of a row read into f (made is -1 if that failed). */
static void
row_shown(struct ctx *c, const struct row_kind *k, int made, struct form *f,
    long long group_id, int deleted)
{
	if (made == -1) {
		app_error(c, 500, NULL);
		return;
	}
	row_page(c, k, f, group_id, deleted ? "This entry is deleted: restore "
	    "it from the group's page to change it." : NULL);
}

/*
 * After a row's edit form f was posted and, if it had no errors, saved
 * with result e: back to the group's page, or the form again with its
 * errors (400) or, if someone saved it meanwhile, their version (409).
 */
static void
row_saved(struct ctx *c, const struct row_kind *k, struct form *f,
    enum db_err e, long long group_id, int version)
{
	if (f->nerrors == 0 && e == DB_OK) {
		redirect(c, "/appg/%lld?saved=1#%s", group_id, k->path);
		return;
	}
	if (f->nerrors == 0 && e != DB_CONFLICT) {
		fail(c, e, k->what);
		return;
	}
	if (f->nerrors == 0)
		set_field(f, "version", arena_printf(&c->arena, "%d", version));
	c->resp.status = f->nerrors ? 400 : 409;
	row_page(c, k, f, group_id, f->nerrors ? NULL : CHANGED_MEANWHILE);
}

static void
officer_get(struct ctx *c)
{
	struct appg_officer	 o;
	const char		*name;
	struct form		 f;
	enum db_err		 e;

	if ((e = appg_officer_get(c->db, &c->arena, c->id, &o, &name))) {
		fail(c, e, "officer");
		return;
	}
	row_shown(c, &officer_kind, appg_form_from_officer(c, &o, name, &f),
	    &f, o.group_id, o.deleted);
}

static void
officer_post(struct ctx *c)
{
	struct appg_officer	 o, old;
	struct form		 f;
	enum db_err		 e;

	if ((e = appg_officer_get(c->db, &c->arena, c->id, &old, NULL))) {
		fail(c, e, "officer");
		return;
	}
	if (appg_form_posted(c, APPG_FORM_OFFICER_EDIT, &f) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	if ((e = appg_form_to_officer(c, &f, &o)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	o.id = c->id;
	o.group_id = old.group_id;
	if (f.nerrors == 0)
		e = appg_officer_save(c->db, app_actor(c), &o);
	row_saved(c, &officer_kind, &f, e, old.group_id, old.version);
}

static void
member_get(struct ctx *c)
{
	struct appg_member	 m;
	const char		*name;
	struct form		 f;
	enum db_err		 e;

	if ((e = appg_member_get(c->db, &c->arena, c->id, &m, &name))) {
		fail(c, e, "member");
		return;
	}
	row_shown(c, &member_kind, appg_form_from_member(c, &m, name, &f),
	    &f, m.group_id, m.deleted);
}

static void
member_post(struct ctx *c)
{
	struct appg_member	 m, old;
	struct form		 f;
	enum db_err		 e;

	if ((e = appg_member_get(c->db, &c->arena, c->id, &old, NULL))) {
		fail(c, e, "member");
		return;
	}
	if (appg_form_posted(c, APPG_FORM_MEMBER_EDIT, &f) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	if ((e = appg_form_to_member(c, &f, &m)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	m.id = c->id;
	m.group_id = old.group_id;
	if (f.nerrors == 0)
		e = appg_member_save(c->db, app_actor(c), &m);
	row_saved(c, &member_kind, &f, e, old.group_id, old.version);
}

static void
benefit_get(struct ctx *c)
{
	struct appg_benefit	 b;
	struct form		 f;
	enum db_err		 e;

	if ((e = appg_benefit_get(c->db, &c->arena, c->id, &b)) != DB_OK) {
		fail(c, e, "benefit");
		return;
	}
	row_shown(c, &benefit_kind, appg_form_from_benefit(c, &b, &f), &f,
	    b.group_id, b.deleted);
}

static void
benefit_post(struct ctx *c)
{
	struct appg_benefit	 b, old;
	struct form		 f;
	enum db_err		 e;

	if ((e = appg_benefit_get(c->db, &c->arena, c->id, &old)) != DB_OK) {
		fail(c, e, "benefit");
		return;
	}
	if (appg_form_posted(c, APPG_FORM_BENEFIT, &f) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	appg_form_to_benefit(c, &f, &b);
	b.id = c->id;
	b.group_id = old.group_id;
	if (f.nerrors == 0)
		e = appg_benefit_save(c->db, app_actor(c), &b);
	row_saved(c, &benefit_kind, &f, e, old.group_id, old.version);
}

/* The group of an officer, member or benefit row, for the redirect. */
static long long
row_group(struct ctx *c, char kind)
{
	struct appg_officer	 o;
	struct appg_member	 m;
	struct appg_benefit	 b;

	if (kind == 'o' && appg_officer_get(c->db, &c->arena, c->id, &o,
	    NULL) == DB_OK)
		return o.group_id;
	if (kind == 'm' && appg_member_get(c->db, &c->arena, c->id, &m,
	    NULL) == DB_OK)
		return m.group_id;
	if (kind == 'b' && appg_benefit_get(c->db, &c->arena, c->id,
	    &b) == DB_OK)
		return b.group_id;
	return 0;
}

static void
row_done(struct ctx *c, enum db_err e, char kind, const char *what,
    const char *anchor)
{
	long long	 group;

	if (e == DB_NOTFOUND)
		app_error(c, 404, arena_printf(&c->arena, "There is no such %s, "
		    "or it was already changed that way.", what));
	else if (e == DB_CONFLICT)
		app_error(c, 409, arena_printf(&c->arena, "That %s has already "
		    "ended by then, or is deleted.", what));
	else if (e != DB_OK)
		app_db_error(c, e);
	else if ((group = row_group(c, kind)) == 0)
		app_error(c, 500, NULL);
	else
		resp_redirect(&c->resp, arena_printf(&c->arena,
		    "/appg/%lld?saved=1#%s", group, anchor));
}

/* The date a removal takes effect: the form's, else today. */
static const char *
end_date(struct ctx *c)
{
	const char	*d = req_form(&c->req, "date");

	return d != NULL && validate_date(d) == NULL ? d : today_of(c);
}

static void
officer_end_post(struct ctx *c)
{
	row_done(c, appg_officer_end(c->db, app_actor(c), c->id, end_date(c)),
	    'o', "officer", "officers");
}

static void
officer_delete_post(struct ctx *c)
{
	row_done(c, appg_officer_set_deleted(c->db, app_actor(c), c->id, 1),
	    'o', "officer", "officers");
}

static void
officer_restore_post(struct ctx *c)
{
	row_done(c, appg_officer_set_deleted(c->db, app_actor(c), c->id, 0),
	    'o', "officer", "officers");
}

static void
member_end_post(struct ctx *c)
{
	row_done(c, appg_member_end(c->db, app_actor(c), c->id, end_date(c)),
	    'm', "member", "members");
}

static void
member_delete_post(struct ctx *c)
{
	row_done(c, appg_member_set_deleted(c->db, app_actor(c), c->id, 1),
	    'm', "member", "members");
}

static void
member_restore_post(struct ctx *c)
{
	row_done(c, appg_member_set_deleted(c->db, app_actor(c), c->id, 0),
	    'm', "member", "members");
}

static void
benefit_delete_post(struct ctx *c)
{
	row_done(c, appg_benefit_set_deleted(c->db, app_actor(c), c->id, 1),
	    'b', "benefit", "benefits");
}

static void
benefit_restore_post(struct ctx *c)
{
	row_done(c, appg_benefit_set_deleted(c->db, app_actor(c), c->id, 0),
	    'b', "benefit", "benefits");
}

/* --- meetings -------------------------------------------------------------- */

/* The meeting of the route and its group's bundle; 0 with the page set. */
static int
load_meeting(struct ctx *c, struct appg_meeting *m, struct appg_bundle *b)
{
	enum db_err	 e;

	if ((e = appg_meeting_get(c->db, &c->arena, c->id, m)) != DB_OK ||
	    (b != NULL && (e = appg_bundle_load(c->db, &c->arena, m->group_id,
	    b)) != DB_OK)) {
		fail(c, e, "meeting");
		return 0;
	}
	return 1;
}

/* Who chaired: the meeting's own chair, else the group's Chair then. */
static const char *
chair_of(const struct appg_bundle *b, const struct appg_meeting *m)
{
	size_t	 i;

	if (m->chair_person_id != 0)
		return m->chair_name;
	for (i = 0; i < b->nofficers; i++)
		if (!b->officers[i].deleted &&
		    b->officers[i].post == APPG_POST_CHAIR &&
		    appg_active_on(b->officers[i].started_on,
		    b->officers[i].ended_on, m->held_on) &&
		    b->officers[i].person != NULL)
			return b->officers[i].person->name;
	return "";
}

static void
meeting_get(struct ctx *c)
{
	struct appg_meeting_view	 v;
	struct appg_meeting		 m;
	struct appg_bundle		 b;
	struct appg_quorum		 q;

	if (!load_meeting(c, &m, &b))
		return;
	if (appg_quorum(&c->arena, &b.facts, &m, &q) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.group = &b.group;
	v.meeting = &m;
	v.quorum = m.kind == APPG_KIND_EVENT ? NULL : &q;
	v.chair = chair_of(&b, &m);
	v.today = today_of(c);
	v.notice = req_query(&c->req, "saved") ? "Saved." : NULL;
	app_begin_page(c);
	ui_appg_meeting(&c->html, &v);
}

static void
show_meeting_form(struct ctx *c, const struct appg_bundle *b,
    struct appg_meeting_form *mf, long long id)
{
	struct appg_meeting_form_view	 v;

	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.group = &b->group;
	v.mf = mf;
	v.title = id ? "Edit meeting" : "Record a meeting";
	v.action = id ? arena_printf(&c->arena, "/appg/meetings/%lld/edit", id) :
	    arena_printf(&c->arena, "/appg/%lld/meetings/new", b->group.id);
	v.back = id ? arena_printf(&c->arena, "/appg/meetings/%lld", id) :
	    arena_printf(&c->arena, "/appg/%lld", b->group.id);
	app_begin_page(c);
	ui_appg_meeting_form(&c->html, &v);
}

static void
meeting_new_get(struct ctx *c)
{
	struct appg_meeting_form	 mf;
	struct appg_bundle		 b;
	enum db_err			 e;

	if ((e = appg_bundle_load(c->db, &c->arena, c->id, &b)) != DB_OK) {
		fail(c, e, "group");
		return;
	}
	if (b.group.deleted) {
		app_error(c, 409, "This group is deleted: restore it first.");
		return;
	}
	if ((e = appg_meeting_form_from(c, &b, NULL, &mf)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	show_meeting_form(c, &b, &mf, 0);
}

/* The 409 rows: the meeting as saved by someone else, beside the user's. */
static enum db_err
meeting_conflict(struct ctx *c, const struct appg_meeting *mine,
    struct appg_meeting_form *mf)
{
	struct appg_meeting	 now;
	struct conflict_row	*r;
	enum db_err		 e;
	size_t			 i;

	if ((e = appg_meeting_get(c->db, &c->arena, mine->id, &now)) != DB_OK)
		return e;
	if ((r = arena_alloc(&c->arena, 6 * sizeof(*r))) == NULL)
		return DB_NOMEM;
	r[0] = (struct conflict_row){ "Kind", appg_kinds[mine->kind].label,
	    appg_kinds[now.kind].label };
	r[1] = (struct conflict_row){ "Title", mine->title, now.title };
	r[2] = (struct conflict_row){ "Date", mine->held_on, now.held_on };
	r[3] = (struct conflict_row){ "Place", mine->place, now.place };
	r[4] = (struct conflict_row){ "Attendance",
	    arena_printf(&c->arena, "%zu recorded", mine->nattendees),
	    arena_printf(&c->arena, "%zu recorded", now.nattendees) };
	r[5] = (struct conflict_row){ "Deleted", "no", now.deleted ? "yes" :
	    "no" };
	mf->conflict = r;
	mf->nconflict = 6;
	for (i = 0; i < mf->form.nfields; i++)
		if (strcmp(mf->form.fields[i].name, "version") == 0)
			mf->form.values[i].value = arena_printf(&c->arena, "%d",
			    now.version);
	return DB_OK;
}

/* POST of the meeting form: more rows, or save (id 0: a new meeting). */
static void
meeting_post(struct ctx *c, long long group_id, long long id)
{
	struct appg_meeting_form	 mf;
	struct appg_meeting		 m;
	struct appg_bundle		 b;
	const char			*op = req_form(&c->req, "op");
	enum db_err			 e;

	if ((e = appg_bundle_load(c->db, &c->arena, group_id, &b)) != DB_OK) {
		fail(c, e, "group");
		return;
	}
	if ((e = appg_meeting_form_posted(c, &b, &mf)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	if (op != NULL && strcmp(op, "more") == 0) {
		if (appg_meeting_form_more(c, &mf) == -1)
			app_error(c, 500, NULL);
		else
			show_meeting_form(c, &b, &mf, id);
		return;
	}
	if ((e = appg_meeting_form_build(c, &mf, id, group_id, &m)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	if (mf.form.nerrors == 0 && mf.nrow_errors == 0) {
		e = appg_meeting_save(c->db, app_actor(c), c->session.user_id, &m);
		if (e == DB_OK) {
			redirect(c, "/appg/meetings/%lld?saved=1", m.id);
			return;
		}
		if (e != DB_CONFLICT || id == 0 ||
		    (e = meeting_conflict(c, &m, &mf)) != DB_OK) {
			fail(c, e == DB_CONFLICT ? DB_CONFLICT : e, "meeting");
			return;
		}
		c->resp.status = 409;
	} else
		c->resp.status = 400;
	show_meeting_form(c, &b, &mf, id);
}

static void
meeting_new_post(struct ctx *c)
{
	meeting_post(c, c->id, 0);
}

static void
meeting_edit_get(struct ctx *c)
{
	struct appg_meeting_form	 mf;
	struct appg_meeting		 m;
	struct appg_bundle		 b;
	enum db_err			 e;

	if (!load_meeting(c, &m, &b))
		return;
	if (m.deleted) {
		app_error(c, 409, "This meeting is deleted: restore it first.");
		return;
	}
	if ((e = appg_meeting_form_from(c, &b, &m, &mf)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	show_meeting_form(c, &b, &mf, m.id);
}

static void
meeting_edit_post(struct ctx *c)
{
	struct appg_meeting	 m;

	if (!load_meeting(c, &m, NULL))
		return;
	meeting_post(c, m.group_id, m.id);
}

static void
meeting_set_deleted(struct ctx *c, int deleted)
{
	enum db_err	 e = appg_meeting_set_deleted(c->db, app_actor(c), c->id,
	    deleted);

	if (e == DB_NOTFOUND)
		app_error(c, 404, deleted ? "There is no such meeting, or it is "
		    "already deleted." : "There is no such deleted meeting.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		redirect(c, "/appg/meetings/%lld?saved=1", c->id);
}

static void
meeting_delete_post(struct ctx *c)
{
	meeting_set_deleted(c, 1);
}

static void
meeting_restore_post(struct ctx *c)
{
	meeting_set_deleted(c, 0);
}

static void
meeting_history_get(struct ctx *c)
{
	struct appg_meeting	 m;

	if (!load_meeting(c, &m, NULL))
		return;
	history(c, "appg_meeting", arena_printf(&c->arena, "History: %s, %s",
	    appg_meeting_label(&m), m.held_on),
	    arena_printf(&c->arena, "/appg/meetings/%lld", c->id));
}

/* The format asked for: 0 HTML, 't' text, 'm' Markdown; -1 unknown. */
static int
format_of(struct ctx *c)
{
	const char	*f = req_query(&c->req, "format");

	if (f == NULL || *f == '\0' || strcmp(f, "html") == 0)
		return 0;
	if (strcmp(f, "txt") == 0)
		return 't';
	if (strcmp(f, "md") == 0)
		return 'm';
	app_error(c, 400, "Ask for format=txt or format=md, or none for the "
	    "page.");
	return -1;
}

static void
notice_get(struct ctx *c)
{
	struct appg_notice_view	 v;
	struct appg_meeting	 m;
	struct appg_bundle	 b;
	char			*text, by[11];
	int			 format = format_of(c);
	enum db_err		 e;

	if (format == -1 || !load_meeting(c, &m, &b))
		return;
	if ((e = appg_notice(c->db, &c->arena, c->id, &text)) != DB_OK) {
		fail(c, e, "meeting");
		return;
	}
	if (format != 0) {
		send_text(c, "text/plain; charset=utf-8", text);
		return;
	}
	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.group = &b.group;
	v.meeting = &m;
	v.text = text;
	if (appg_notice_required(&m) && appg_date_add_days(m.held_on,
	    -appg_setting_num(&b.facts, APPG_SET_NOTICE_DAYS, m.held_on, 7),
	    by) == 0)
		v.due_by = by;
	app_begin_page(c);
	ui_appg_notice(&c->html, &v);
}

/* --- minutes ------------------------------------------------------------------ */

/* Later meetings of the group, oldest first: where minutes are approved. */
static struct appg_meeting *
approvers(struct ctx *c, const struct appg_bundle *b,
    const struct appg_meeting *m, size_t *n)
{
	struct appg_meeting	*out;
	size_t			 i;

	*n = 0;
	if ((out = arena_alloc(&c->arena, (b->nmeetings + 1) *
	    sizeof(*out))) == NULL)
		return NULL;
	for (i = b->nmeetings; i-- > 0; )
		if (!b->meetings[i].deleted &&
		    strcmp(b->meetings[i].held_on, m->held_on) > 0)
			out[(*n)++] = b->meetings[i];
	return out;
}

static void
show_minutes(struct ctx *c, const struct appg_minutes *mi,
    const char *problem)
{
	struct appg_minutes_view	 v;
	struct appg_meeting		 m;
	struct appg_meeting		*later;
	struct appg_bundle		 b;

	if (!load_meeting(c, &m, &b))
		return;
	memset(&v, 0, sizeof(v));
	if ((later = approvers(c, &b, &m, &v.napprovers)) == NULL) {
		app_error(c, 500, NULL);
		return;
	}
	v.session = &c->session;
	v.group = &b.group;
	v.meeting = &m;
	v.minutes = mi;
	v.approvers = later;
	v.problem = problem;
	v.notice = req_query(&c->req, "saved") ? "Saved." : NULL;
	app_begin_page(c);
	ui_appg_minutes(&c->html, &v);
}

static void
minutes_get(struct ctx *c)
{
	struct appg_minutes	 mi;
	char			*text;
	int			 format = format_of(c);
	enum db_err		 e;

	if (format == -1)
		return;
	e = appg_minutes_get(c->db, &c->arena, c->id, &mi);
	if (e == DB_NOTFOUND && format == 0) {
		show_minutes(c, NULL, NULL);
		return;
	}
	if (e == DB_NOTFOUND) {
		app_error(c, 404, "This meeting has no minutes yet.");
		return;
	}
	if (e != DB_OK) {
		app_db_error(c, e);
		return;
	}
	if (format == 'm')
		send_text(c, "text/markdown; charset=utf-8", mi.body);
	else if (format == 't') {
		if ((text = appg_markdown_text(&c->arena, mi.body,
		    TEXT_WIDTH)) == NULL)
			app_error(c, 500, NULL);
		else
			send_text(c, "text/plain; charset=utf-8", text);
	} else
		show_minutes(c, &mi, NULL);
}

/* The version a workflow POST started from; -1 (and a 400) when absent. */
static int
posted_version(struct ctx *c)
{
	const char	*v = req_form(&c->req, "version");

	if (v == NULL || validate_integer(v) != NULL || strtol(v, NULL, 10) < 0) {
		app_error(c, 400, "The form lacks the version it started from: "
		    "reload the page.");
		return -1;
	}
	return (int)strtol(v, NULL, 10);
}

/*
 * A workflow step was refused: approved minutes are locked, or someone
 * else moved them on; the page says which, and nothing changed.
 */
static void
refused(struct ctx *c, enum db_err e)
{
	struct appg_minutes	 mi;
	enum db_err		 got;

	if (e != DB_CONFLICT) {
		fail(c, e, "meeting");
		return;
	}
	got = appg_minutes_get(c->db, &c->arena, c->id, &mi);
	c->resp.status = 409;
	if (got == DB_OK && mi.status == APPG_MINUTES_APPROVED)
		show_minutes(c, &mi, "These minutes are approved, so they are "
		    "locked: nothing was changed.");
	else if (got == DB_OK)
		show_minutes(c, &mi, "The minutes changed since you opened them "
		    "(or must be circulated first): nothing was changed. Look "
		    "at them again below.");
	else
		fail(c, got == DB_NOTFOUND ? DB_CONFLICT : got, "meeting");
}

static void
minutes_generate_post(struct ctx *c)
{
	char		*md;
	int		 version = posted_version(c);
	enum db_err	 e;

	if (version < 0)
		return;
	if ((e = appg_minutes_draft(c->db, &c->arena, c->id, &md)) != DB_OK) {
		fail(c, e, "meeting");
		return;
	}
	e = appg_minutes_save(c->db, app_actor(c), c->id, &version, md,
	    version == 0 ? "generated" : "regenerated");
	if (e != DB_OK)
		refused(c, e);
	else
		redirect(c, "/appg/meetings/%lld/minutes?saved=1", c->id);
}

static void
show_minutes_edit(struct ctx *c, const char *body, int version,
    const char *error, const struct conflict_row *conflict)
{
	struct appg_minutes_edit_view	 v;
	struct appg_meeting		 m;
	struct appg_bundle		 b;

	if (!load_meeting(c, &m, &b))
		return;
	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.group = &b.group;
	v.meeting = &m;
	v.body = body;
	v.version = version;
	v.error = error;
	v.conflict = conflict;
	v.nconflict = conflict != NULL;
	app_begin_page(c);
	ui_appg_minutes_edit(&c->html, &v);
}

static void
minutes_edit_get(struct ctx *c)
{
	struct appg_minutes	 mi;
	enum db_err		 e;

	if ((e = appg_minutes_get(c->db, &c->arena, c->id, &mi)) == DB_NOTFOUND) {
		app_error(c, 404, "This meeting has no minutes yet: generate "
		    "them first.");
		return;
	}
	if (e != DB_OK) {
		app_db_error(c, e);
		return;
	}
	if (mi.status == APPG_MINUTES_APPROVED) {
		refused(c, DB_CONFLICT);
		return;
	}
	show_minutes_edit(c, mi.body, mi.version, NULL, NULL);
}

static void
minutes_edit_post(struct ctx *c)
{
	struct appg_minutes	 mi;
	struct conflict_row	*row;
	const char		*body = req_form(&c->req, "body");
	int			 version = posted_version(c);
	enum db_err		 e;

	if (version < 0)
		return;
	if (body == NULL || strspn(body, " \r\n\t") == strlen(body) ||
	    strlen(body) > MINUTES_MAX) {
		c->resp.status = 400;
		show_minutes_edit(c, body ? body : "", version, "Write the "
		    "minutes (up to 200,000 characters): they cannot be empty.",
		    NULL);
		return;
	}
	e = appg_minutes_save(c->db, app_actor(c), c->id, &version, body,
	    "edited");
	if (e == DB_OK) {
		redirect(c, "/appg/meetings/%lld/minutes?saved=1", c->id);
		return;
	}
	if (e != DB_CONFLICT ||
	    (e = appg_minutes_get(c->db, &c->arena, c->id, &mi)) != DB_OK ||
	    mi.status == APPG_MINUTES_APPROVED) {
		refused(c, e == DB_OK ? DB_CONFLICT : e);
		return;
	}
	/* Someone saved first: both texts, and the form at their version. */
	if ((row = arena_alloc(&c->arena, sizeof(*row))) == NULL) {
		app_error(c, 500, NULL);
		return;
	}
	*row = (struct conflict_row){ "Minutes", body, mi.body };
	c->resp.status = 409;
	show_minutes_edit(c, body, mi.version, NULL, row);
}

static void
minutes_circulate_post(struct ctx *c)
{
	int		 version = posted_version(c);
	enum db_err	 e;

	if (version < 0)
		return;
	e = appg_minutes_circulate(c->db, app_actor(c), c->id, version,
	    today_of(c));
	if (e != DB_OK)
		refused(c, e);
	else
		redirect(c, "/appg/meetings/%lld/minutes?saved=1", c->id);
}

static void
minutes_approve_post(struct ctx *c)
{
	const char	*at = req_form(&c->req, "at");
	int		 version = posted_version(c);
	enum db_err	 e;

	if (version < 0)
		return;
	if (at == NULL || validate_integer(at) != NULL) {
		app_error(c, 400, "Choose the meeting that approved the minutes.");
		return;
	}
	e = appg_minutes_approve(c->db, app_actor(c), c->id, version,
	    strtoll(at, NULL, 10));
	if (e == DB_NOTFOUND)
		app_error(c, 400, "Minutes are approved at a later meeting of "
		    "the same group: choose one held after this meeting.");
	else if (e != DB_OK)
		refused(c, e);
	else
		redirect(c, "/appg/meetings/%lld/minutes?saved=1", c->id);
}

static int
version_query(struct ctx *c, const char *name)
{
	const char	*v = req_query(&c->req, name);

	return v != NULL && validate_integer(v) == NULL ?
	    (int)strtol(v, NULL, 10) : 0;
}

/* Two versions' texts as a diff, when both are asked for and exist. */
static enum db_err
compare(struct ctx *c, struct appg_versions_view *v, int a, int b)
{
	struct appg_minutes_version	 old, new_version;
	struct appg_diff_line		*d;
	enum db_err			 e;

	if ((e = appg_minutes_version(c->db, &c->arena, c->id, a, &old)) ||
	    (e = appg_minutes_version(c->db, &c->arena, c->id, b,
	    &new_version)))
		return e;
	if (appg_diff(&c->arena, old.body, new_version.body, DIFF_MAX_LINES,
	    &d, &v->ndiff) == -1)
		return DB_NOMEM;
	v->diff = d;
	v->old_number = a;
	v->new_number = b;
	return DB_OK;
}

static void
versions_get(struct ctx *c)
{
	struct appg_versions_view	 v;
	struct appg_minutes_version	*all, one;
	struct appg_minutes		 mi;
	struct appg_meeting		 m;
	struct appg_bundle		 b;
	int				 a = version_query(c, "a");
	int				 bn = version_query(c, "b");
	int				 shown = version_query(c, "v");
	enum db_err			 e;

	memset(&v, 0, sizeof(v));
	if (!load_meeting(c, &m, &b))
		return;
	if ((e = appg_minutes_get(c->db, &c->arena, c->id, &mi)) != DB_OK) {
		fail(c, e == DB_NOTFOUND ? DB_NOTFOUND : e, "minutes for a "
		    "meeting");
		return;
	}
	if ((e = appg_minutes_versions(c->db, &c->arena, c->id, &all,
	    &v.n)) != DB_OK ||
	    (a > 0 && bn > 0 && (e = compare(c, &v, a, bn)) != DB_OK) ||
	    (shown > 0 && (e = appg_minutes_version(c->db, &c->arena, c->id,
	    shown, &one)) != DB_OK)) {
		fail(c, e, "version");
		return;
	}
	v.session = &c->session;
	v.group = &b.group;
	v.meeting = &m;
	v.minutes = &mi;
	v.versions = all;
	v.shown = shown > 0 ? &one : NULL;
	app_begin_page(c);
	ui_appg_versions(&c->html, &v);
}

/* --- actions and settings ------------------------------------------------------ */

static void
actions_get(struct ctx *c)
{
	struct appg_actions_view	 v;
	struct appg_group_row		*groups;
	struct appg_action		*x;
	const char			*s = req_query(&c->req, "state");
	const char			*g = req_query(&c->req, "group");
	int				 state;
	enum db_err			 e;

	memset(&v, 0, sizeof(v));
	state = appg_code_index(appg_action_states, APPG_ACTIONS__MAX, s);
	v.state = state < 0 ? APPG_ACTIONS_OPEN : (enum appg_action_state)state;
	v.group_id = g != NULL && validate_integer(g) == NULL ?
	    strtoll(g, NULL, 10) : 0;
	v.today = today_of(c);
	if ((e = appg_actions_list(c->db, &c->arena, v.state, v.group_id,
	    v.today, &x, &v.n)) != DB_OK ||
	    (e = appg_group_list(c->db, &c->arena, v.today, 0, &groups,
	    &v.ngroups)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.actions = x;
	v.groups = groups;
	v.session = &c->session;
	v.notice = req_query(&c->req, "saved") ? "Saved." : NULL;
	app_begin_page(c);
	ui_appg_actions(&c->html, &v);
}

static void
action_post(struct ctx *c)
{
	const char	*done = req_form(&c->req, "done");
	const char	*back = req_form(&c->req, "back");
	enum db_err	 e;

	if (done == NULL || (strcmp(done, "0") != 0 && strcmp(done, "1") != 0)) {
		app_error(c, 400, "Say whether the action is done.");
		return;
	}
	e = appg_action_set_done(c->db, app_actor(c), c->id,
	    strcmp(done, "1") == 0 ? today_of(c) : NULL);
	if (e == DB_NOTFOUND)
		app_error(c, 404, "There is no such action.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else if (back == NULL || !resp_local_path(back))
		resp_redirect(&c->resp, "/appg/actions?saved=1");
	else
		redirect(c, "%.*s%ssaved=1%s", (int)strcspn(back, "#"), back,
		    strchr(back, '?') ? "&" : "?", back + strcspn(back, "#"));
}

static void
show_settings(struct ctx *c, struct form *f)
{
	struct appg_settings_view	 v;
	struct appg_setting		*s;
	struct form			 empty;
	enum db_err			 e;

	memset(&v, 0, sizeof(v));
	if ((e = appg_settings_list(c->db, &c->arena, &s, &v.n)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	if (f == NULL && appg_form_empty(c, APPG_FORM_SETTING, &empty) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	v.session = &c->session;
	v.settings = s;
	v.today = today_of(c);
	v.form = f != NULL ? f : &empty;
	v.notice = req_query(&c->req, "saved") ? "Saved." : NULL;
	app_begin_page(c);
	ui_appg_settings(&c->html, &v);
}

static void
settings_get(struct ctx *c)
{
	show_settings(c, NULL);
}

static void
settings_post(struct ctx *c)
{
	struct appg_setting	 s;
	struct form		 f;
	enum db_err		 e;

	if (c->session.role < ROLE_ADMIN) {
		app_error(c, 403, "Only admins change the rule settings.");
		return;
	}
	if (appg_form_posted(c, APPG_FORM_SETTING, &f) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	appg_form_to_setting(c, &f, &s);
	if (f.nerrors > 0) {
		c->resp.status = 400;
		show_settings(c, &f);
		return;
	}
	if ((e = appg_setting_add(c->db, app_actor(c), &s)) != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, "/appg/settings?saved=1");
}

static void
setting_set_deleted(struct ctx *c, int deleted)
{
	enum db_err	 e = appg_setting_set_deleted(c->db, app_actor(c), c->id,
	    deleted);

	if (e == DB_NOTFOUND)
		app_error(c, 404, "There is no such setting value, or it is "
		    "already so.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, "/appg/settings?saved=1");
}

static void
setting_delete_post(struct ctx *c)
{
	setting_set_deleted(c, 1);
}

static void
setting_restore_post(struct ctx *c)
{
	setting_set_deleted(c, 0);
}

static const struct route routes[] = {
	{ "/appg", list_get, NULL, 0, ROLE_VIEWER },
	{ "/appg/new", group_new_get, group_new_post, 0, ROLE_EDITOR },
	{ "/appg/actions", actions_get, NULL, 0, ROLE_VIEWER },
	{ "/appg/actions/:id", NULL, action_post, 0, ROLE_EDITOR },
	{ "/appg/settings", settings_get, settings_post, 0, ROLE_VIEWER },
	{ "/appg/settings/:id/delete", NULL, setting_delete_post, 0, ROLE_ADMIN },
	{ "/appg/settings/:id/restore", NULL, setting_restore_post, 0,
	    ROLE_ADMIN },
	{ "/appg/:id", group_get, NULL, 0, ROLE_VIEWER },
	{ "/appg/:id/edit", group_edit_get, group_edit_post, 0, ROLE_EDITOR },
	{ "/appg/:id/delete", NULL, group_delete_post, 0, ROLE_EDITOR },
	{ "/appg/:id/restore", NULL, group_restore_post, 0, ROLE_EDITOR },
	{ "/appg/:id/history", group_history_get, NULL, 0, ROLE_VIEWER },
	{ "/appg/:id/register", register_get, NULL, 0, ROLE_VIEWER },
	{ "/appg/:id/officers", NULL, officer_add_post, 0, ROLE_EDITOR },
	{ "/appg/:id/members", NULL, member_add_post, 0, ROLE_EDITOR },
	{ "/appg/:id/benefits", NULL, benefit_add_post, 0, ROLE_EDITOR },
	{ "/appg/:id/meetings/new", meeting_new_get, meeting_new_post, 0,
	    ROLE_EDITOR },
	{ "/appg/officers/:id", officer_get, officer_post, 0, ROLE_EDITOR },
	{ "/appg/officers/:id/end", NULL, officer_end_post, 0, ROLE_EDITOR },
	{ "/appg/officers/:id/delete", NULL, officer_delete_post, 0,
	    ROLE_EDITOR },
	{ "/appg/officers/:id/restore", NULL, officer_restore_post, 0,
	    ROLE_EDITOR },
	{ "/appg/members/:id", member_get, member_post, 0, ROLE_EDITOR },
	{ "/appg/members/:id/end", NULL, member_end_post, 0, ROLE_EDITOR },
	{ "/appg/members/:id/delete", NULL, member_delete_post, 0, ROLE_EDITOR },
	{ "/appg/members/:id/restore", NULL, member_restore_post, 0,
	    ROLE_EDITOR },
	{ "/appg/benefits/:id", benefit_get, benefit_post, 0, ROLE_EDITOR },
	{ "/appg/benefits/:id/delete", NULL, benefit_delete_post, 0,
	    ROLE_EDITOR },
	{ "/appg/benefits/:id/restore", NULL, benefit_restore_post, 0,
	    ROLE_EDITOR },
	{ "/appg/meetings/:id", meeting_get, NULL, 0, ROLE_VIEWER },
	{ "/appg/meetings/:id/edit", meeting_edit_get, meeting_edit_post, 0,
	    ROLE_EDITOR },
	{ "/appg/meetings/:id/delete", NULL, meeting_delete_post, 0,
	    ROLE_EDITOR },
	{ "/appg/meetings/:id/restore", NULL, meeting_restore_post, 0,
	    ROLE_EDITOR },
	{ "/appg/meetings/:id/history", meeting_history_get, NULL, 0,
	    ROLE_VIEWER },
	{ "/appg/meetings/:id/notice", notice_get, NULL, 0, ROLE_VIEWER },
	{ "/appg/meetings/:id/minutes", minutes_get, NULL, 0, ROLE_VIEWER },
	{ "/appg/meetings/:id/minutes/generate", NULL, minutes_generate_post, 0,
	    ROLE_EDITOR },
	{ "/appg/meetings/:id/minutes/edit", minutes_edit_get,
	    minutes_edit_post, 0, ROLE_EDITOR },
	{ "/appg/meetings/:id/minutes/circulate", NULL, minutes_circulate_post,
	    0, ROLE_EDITOR },
	{ "/appg/meetings/:id/minutes/approve", NULL, minutes_approve_post, 0,
	    ROLE_EDITOR },
	{ "/appg/meetings/:id/minutes/versions", versions_get, NULL, 0,
	    ROLE_VIEWER },
};

int
main(void)
{
	const struct app app = { "appg", routes,
	    sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
