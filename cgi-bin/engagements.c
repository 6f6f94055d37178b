/*
 * engagements.fcgi: /engagements (list, CSV, form, detail, history,
 * delete, restore) and /follow-ups.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "audit.h"
#include "csv.h"
#include "directory.h"
#include "eng_form.h"
#include "eng_privacy.h"
#include "engagements.h"
#include "form.h"
#include "kpi.h"
#include "ui.h"
#include "ui_engagements.h"
#include "users.h"

#define PER_PAGE	ENG_PAGE_IDS
/*
 * The list counts its matches up to this many: past it the page says
 * "more than 500" rather than count a million rows on every view.
 */
#define COUNT_CAP	500

/*
 * A confidential engagement is changed only by those who may read it
 * (lib/eng_privacy.h): anyone else would edit text they cannot see.  1 if
 * the session may; otherwise a 403 page is written.
 */
static int
may_change(struct ctx *c, const struct engagement *e)
{
	struct eng_reader	 r = eng_reader_of(&c->session);

	if (eng_can_read_text(&r, e))
		return 1;
	app_error(c, 403, "This engagement is confidential: only its author, "
	    "the staff present and admins can change it.");
	return 0;
}

/*
 * The save failed for want of the database (down, or its disk full), not
 * for anything in the form: the form comes back as typed, saying so, to
 * be saved again later.  1 when that is the answer.
 */
static int
keep_unsaved(struct ctx *c, enum db_err e, struct eng_state *st)
{
	if (e == DB_FULL) {
		c->resp.status = 507;
		st->not_saved = "The database has run out of disk space, so "
		    "this engagement was not saved. What you typed is below: "
		    "save it again once your administrator has freed some "
		    "space.";
	} else if (e == DB_UNAVAILABLE) {
		c->resp.status = 503;
		resp_header(&c->resp, "Retry-After", "30");
		st->not_saved = "The database cannot be reached just now, so "
		    "this engagement was not saved. What you typed is below: "
		    "save it again in a minute.";
	} else
		return 0;
	app_db_log(c, e);
	return 1;
}

/*
 * POST of the form.  "Save" (or Enter) saves; the other buttons (add a
 * person, add a new person, add a follow-up row) come back to the form
 * with everything typed so far.
 */
static void
form_post(struct ctx *c, long long id, const char *action, const char *title)
{
	const char		*op = req_form(&c->req, "op");
	int			 saving = op == NULL || strcmp(op, "save") == 0;
	int			 adding = op != NULL && strcmp(op, "new_person") == 0;
	struct engagement	 current, *cur = NULL;
	struct choices		 ch;
	struct eng_state	 st;
	enum db_err		 e;
	int			 done = 0, tried = 0;

	if ((e = eng_choices_load_posted(c, &ch)) == DB_OK && id != 0) {
		if ((e = engagement_get(c->db, &c->arena, id, &current)) == DB_OK) {
			if (!may_change(c, &current))
				return;
			cur = &current;
			if (eng_keep_current(c, &ch, cur) == -1)
				e = DB_NOMEM;
		}
	}
	if (e == DB_OK)
		e = eng_state_read(c, &ch, cur, &st);
	if (e == DB_OK)
		e = adding ? eng_people_create(c, &ch, &st) : eng_people_resolve(c, &st);
	if (e == DB_OK && saving && st.people_error == NULL) {
		tried = 1;
		e = eng_save(c, &ch, &st, id, &done);
	}
	if (e == DB_NOTFOUND) {
		app_error(c, 404, "There is no engagement with that number.");
		return;
	}
	if (tried && keep_unsaved(c, e, &st))
		e = DB_OK;	/* the form again, as typed */
	if (e != DB_OK) {
		app_db_error(c, e);
		return;
	}
	if (done)
		return;
	if (st.people_error != NULL && c->resp.status == 200)
		c->resp.status = 400;
	/*
	 * Shown again: every organisation, not only those posted.  If the
	 * database has gone (a save that met a full disk or a restart), the
	 * form still comes back as typed, offering the posted ones.
	 */
	if (eng_choices_load_orgs(c, &ch) == DB_OK && cur != NULL &&
	    eng_keep_current(c, &ch, cur) == -1) {
		app_db_error(c, DB_NOMEM);
		return;
	}
	eng_form_show(c, &ch, &st, action, title);
}

static void
new_get(struct ctx *c)
{
	struct choices	 ch;
	struct eng_state st;
	char		 today[11];
	enum db_err	 e;

	memset(&st, 0, sizeof(st));
	if ((e = eng_choices_load(c, &ch)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	if (form_init(&st.form, &c->arena, ch.fields, F__MAX) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	app_today(today);
	st.form.values[F_DATE].value = arena_strdup(&c->arena, today);
	st.form.values[F_TYPE].value = "meeting";
	st.form.values[F_VERSION].value = "0";
	eng_state_prefill(c, &ch, &st);
	eng_form_show(c, &ch, &st, "/engagements/new", "Log an engagement");
}

static void
new_post(struct ctx *c)
{
	form_post(c, 0, "/engagements/new", "Log an engagement");
}

/* The engagement of the route, or an error page; 1 if found. */
static int
load_engagement(struct ctx *c, struct engagement *e)
{
	enum db_err	 err = engagement_get(c->db, &c->arena, c->id, e);

	if (err == DB_NOTFOUND)
		app_error(c, 404, "There is no engagement with that number.");
	else if (err != DB_OK)
		app_db_error(c, err);
	return err == DB_OK;
}

static void
edit_get(struct ctx *c)
{
	struct engagement	 e;
	struct choices		 ch;
	struct eng_state	 st;
	enum db_err		 err;

	if (!load_engagement(c, &e) || !may_change(c, &e))
		return;
	if (e.deleted) {
		app_error(c, 409, "This engagement is deleted: restore it "
		    "before editing.");
		return;
	}
	if ((err = eng_choices_load(c, &ch)) != DB_OK) {
		app_db_error(c, err);
		return;
	}
	if (eng_keep_current(c, &ch, &e) == -1 || eng_state_from(c, &ch, &e, &st) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	eng_form_show(c, &ch, &st, arena_printf(&c->arena,
	    "/engagements/%lld/edit", c->id), "Edit engagement");
}

static void
edit_post(struct ctx *c)
{
	form_post(c, c->id, arena_printf(&c->arena, "/engagements/%lld/edit",
	    c->id), "Edit engagement");
}

/* The KPI the list is filtered by, and its figure for the dates. */
static enum db_err
kpi_heading(struct ctx *c, const struct eng_filter *f,
    struct eng_list_view *v)
{
	struct kpi_info	 k;
	enum db_err	 e;

	if ((e = kpi_info_get(c->db, &c->arena, f->kpi_id, &k)) != DB_OK ||
	    (e = kpi_count(c->db, f->kpi_id, f->from, f->to,
	    &v->kpi_count)) != DB_OK)
		return e;
	v->kpi_code = k.code;
	v->kpi_label = k.label;
	v->kpi_measure = k.measure;
	return DB_OK;
}

static void
list_get(struct ctx *c)
{
	struct eng_list_view	 v;
	struct eng_filter	 f;
	struct eng_row		*rows;
	struct person		 p;
	enum db_err		 e;

	memset(&v, 0, sizeof(v));
	eng_filter_read(c, &f, &v.page);
	f.reader = eng_reader_of(&c->session);
	f.limit = PER_PAGE;
	f.offset = (v.page - 1) * PER_PAGE;
	f.count_cap = COUNT_CAP;
	e = engagement_list(c->db, &c->arena, &f, &rows, &v.nrows, &v.total);
	if (e == DB_OK)
		e = eng_filter_choices(c, &v);
	if (e == DB_OK && f.person_id &&
	    (e = person_get(c->db, &c->arena, f.person_id, &p)) == DB_OK)
		v.person_name = p.full_name;
	if (e == DB_OK && f.kpi_id)
		e = kpi_heading(c, &f, &v);
	if (e == DB_NOTFOUND)
		e = DB_OK;
	if (e != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.session = &c->session;
	v.filter = &f;
	v.rows = rows;
	v.per_page = PER_PAGE;
	v.count_cap = COUNT_CAP;
	v.query = eng_filter_query(c, &f);
	app_begin_page(c);
	ui_engagement_list(&c->html, &v);
}

static void
csv_get(struct ctx *c)
{
	static const char *const head[] = { "Date", "Time", "Type", "Title",
	    "People", "Parties", "New to us" };
	struct eng_filter	 f;
	struct eng_row		*rows;
	size_t			 n, total, page, i;
	enum db_err		 e;

	eng_filter_read(c, &f, &page);
	f.reader = eng_reader_of(&c->session);
	if ((e = engagement_list(c->db, &c->arena, &f, &rows, &n, &total))) {
		app_db_error(c, e);
		return;
	}
	app_begin_csv(c, "engagements.csv");
	csv_row(&c->resp.body, head, 7);
	for (i = 0; i < n; i++) {
		const char *cells[7] = { rows[i].date, rows[i].time,
		    rows[i].type_label, rows[i].title,
		    eng_people_cell(&c->arena, &rows[i], 0),
		    eng_people_cell(&c->arena, &rows[i], 1),
		    eng_people_cell(&c->arena, &rows[i], 2) };

		csv_row(&c->resp.body, cells, 7);
	}
}

static void
detail_get(struct ctx *c)
{
	struct engagement	 e;
	struct eng_detail_view	 v = { &c->session, &e, NULL };
	struct eng_reader	 r = eng_reader_of(&c->session);

	if (!load_engagement(c, &e))
		return;
	eng_redact_for(&r, &e);
	if (req_query(&c->req, "saved"))
		v.notice = "Saved.";
	app_begin_page(c);
	ui_engagement_detail(&c->html, &v);
}

static void
history_get(struct ctx *c)
{
	struct engagement	 e;
	struct audit_entry	*entries;
	struct eng_reader	 r = eng_reader_of(&c->session);
	size_t			 n;
	enum db_err		 err;

	if (!load_engagement(c, &e))
		return;
	err = audit_history(c->db, &c->arena, "engagement", c->id, &entries, &n);
	if (err != DB_OK) {
		app_db_error(c, err);
		return;
	}
	/* Its audit rows hold its text, from before it was confidential too. */
	if (eng_redact_for(&r, &e))
		eng_redact_history(entries, n);
	app_begin_page(c);
	ui_engagement_history(&c->html, &c->session, &e, entries, n);
}

static void
set_deleted(struct ctx *c, int deleted)
{
	struct engagement	 en;
	enum db_err		 e;

	if (!load_engagement(c, &en) || !may_change(c, &en))
		return;
	e = deleted ? engagement_delete(c->db, app_actor(c), c->id) :
	    engagement_restore(c->db, app_actor(c), c->id);
	if (e == DB_NOTFOUND)
		app_error(c, 404, deleted ? "There is no such engagement, or "
		    "it is already deleted." : "There is no such deleted "
		    "engagement.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, arena_printf(&c->arena,
		    "/engagements/%lld?saved=1", c->id));
}

static void
delete_post(struct ctx *c)
{
	set_deleted(c, 1);
}

static void
restore_post(struct ctx *c)
{
	set_deleted(c, 0);
}

static void
followups_get(struct ctx *c)
{
	struct followups_view	 v;
	struct followup		*items;
	struct eng_reader	 r = eng_reader_of(&c->session);
	char			 today[11];
	enum db_err		 e;

	memset(&v, 0, sizeof(v));
	e = followups_for(c->db, &c->arena, &r, c->session.user_id, &items,
	    &v.n);
	if (e != DB_OK) {
		app_db_error(c, e);
		return;
	}
	app_today(today);
	v.session = &c->session;
	v.items = items;
	v.today = today;
	v.notice = req_query(&c->req, "saved") ? "Saved." : NULL;
	app_begin_page(c);
	ui_followups(&c->html, &v);
}

static void
followup_post(struct ctx *c)
{
	const char	*done = req_form(&c->req, "done");
	enum db_err	 e;

	if (done == NULL || (strcmp(done, "0") != 0 && strcmp(done, "1") != 0)) {
		app_error(c, 400, "Say whether the follow-up is done.");
		return;
	}
	e = followup_set_done(c->db, app_actor(c), c->id, strcmp(done, "1") == 0);
	if (e == DB_NOTFOUND)
		app_error(c, 404, "There is no such follow-up.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, "/follow-ups?saved=1");
}

static const struct route routes[] = {
	{ "/engagements", list_get, NULL, 0, ROLE_VIEWER },
	{ "/engagements.csv", csv_get, NULL, 0, ROLE_VIEWER },
	{ "/engagements/new", new_get, new_post, 0, ROLE_EDITOR },
	{ "/engagements/:id", detail_get, NULL, 0, ROLE_VIEWER },
	{ "/engagements/:id/edit", edit_get, edit_post, 0, ROLE_EDITOR },
	{ "/engagements/:id/delete", NULL, delete_post, 0, ROLE_EDITOR },
	{ "/engagements/:id/restore", NULL, restore_post, 0, ROLE_EDITOR },
	{ "/engagements/:id/history", history_get, NULL, 0, ROLE_VIEWER },
	{ "/follow-ups", followups_get, NULL, 0, ROLE_VIEWER },
	{ "/follow-ups/:id", NULL, followup_post, 0, ROLE_EDITOR },
};

int
main(void)
{
	const struct app app = { "engagements", routes,
	    sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
