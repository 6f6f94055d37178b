/*
 * mentions.fcgi: the press mentions inbox -- /mentions (list, filters),
 * /mentions/:id and /mentions/bulk (state changes by editors) and
 * /mentions.atom (the relevant mentions as an Atom feed).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "form.h"
#include "mentions.h"
#include "ui.h"
#include "ui_mentions.h"

#define PER_PAGE	50
#define ATOM_MAX	100
#define BULK_MAX	500

/* 1 if s is a positive decimal id. */
static int
is_id(const char *s)
{
	return s != NULL && *s != '\0' && validate_integer(s) == NULL &&
	    strtoll(s, NULL, 10) > 0;
}

/*
 * The filters from params, each name with prefix ("" for the list's
 * query, "f_" for the hidden fields of a POST); anything invalid is
 * dropped, so what comes back is safe to put in a link.
 */
static void
filter_read(struct ctx *c, const struct params *p, const char *prefix,
    struct mention_filter_text *t, struct mention_filter *f, size_t *page)
{
	const char	*v;
	char		 name[16];

#define GET(n)	(snprintf(name, sizeof(name), "%s%s", prefix, (n)), \
	params_get(p, name))
	memset(f, 0, sizeof(*f));
	t->state = "new";
	if ((v = GET("state")) != NULL &&
	    (mention_state_valid(v) || strcmp(v, "any") == 0))
		t->state = v;
	f->state = strcmp(t->state, "any") == 0 ? NULL : t->state;
	t->term = is_id(v = GET("term")) ? v : "";
	f->term_id = *t->term ? strtoll(t->term, NULL, 10) : 0;
	t->outlet = is_id(v = GET("outlet")) ? v : "";
	f->feed_id = *t->outlet ? strtoll(t->outlet, NULL, 10) : 0;
	v = GET("from");
	t->from = v != NULL && *v && validate_date(v) == NULL ? v : "";
	f->from = *t->from ? t->from : NULL;
	v = GET("to");
	t->to = v != NULL && *v && validate_date(v) == NULL ? v : "";
	f->to = *t->to ? t->to : NULL;
	*page = 1;
	if (is_id(v = GET("page")) && strtoll(v, NULL, 10) < 100000)
		*page = (size_t)strtoll(v, NULL, 10);
	t->page = arena_printf(&c->arena, "%zu", *page);
#undef GET
}

/* The filters as "?state=...&..." ("" when all are defaults). */
static const char *
filter_query(struct ctx *c, const struct mention_filter_text *t, size_t page)
{
	struct buf	 b;
	const char	*s;

	buf_init(&b);
	if (strcmp(t->state, "new") != 0)
		ui_query_add(&b, "state", t->state);
	ui_query_add(&b, "term", t->term);
	ui_query_add(&b, "outlet", t->outlet);
	ui_query_add(&b, "from", t->from);
	ui_query_add(&b, "to", t->to);
	if (page > 1)
		ui_query_add(&b, "page", t->page);
	s = b.failed ? NULL : arena_strdup(&c->arena, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

static void
list_get(struct ctx *c)
{
	struct mention_list_view	 v;
	struct mention_filter_text	 t;
	struct mention_filter		 f;
	struct mention			*rows;
	struct mention_choice		*terms, *feeds;
	enum db_err			 e;

	memset(&v, 0, sizeof(v));
	filter_read(c, &c->req.query, "", &t, &f, &v.page);
	f.limit = PER_PAGE;
	f.offset = (v.page - 1) * PER_PAGE;
	if ((e = mention_list(c->db, &c->arena, &f, &rows, &v.nrows,
	    &v.total)) != DB_OK ||
	    (e = mention_terms(c->db, &c->arena, &terms, &v.nterms)) != DB_OK ||
	    (e = mention_feeds(c->db, &c->arena, &feeds, &v.nfeeds)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.session = &c->session;
	v.filter = &t;
	v.terms = terms;
	v.feeds = feeds;
	v.rows = rows;
	v.per_page = PER_PAGE;
	/* The pagination adds its own page number. */
	if ((v.query = filter_query(c, &t, 1)) == NULL) {
		app_error(c, 500, NULL);
		return;
	}
	if (req_query(&c->req, "saved"))
		v.notice = "Saved.";
	app_begin_page(c);
	ui_mention_list(&c->html, &v);
}

/* 303 back to the list the POST came from, with its filters. */
static void
back_to_list(struct ctx *c)
{
	struct mention_filter_text	 t;
	struct mention_filter		 f;
	const char			*q;
	size_t				 page;

	filter_read(c, &c->req.form, "f_", &t, &f, &page);
	if ((q = filter_query(c, &t, page)) == NULL) {
		app_error(c, 500, NULL);
		return;
	}
	resp_redirect(&c->resp, arena_printf(&c->arena, "/mentions%s%ssaved=1",
	    q, *q ? "&" : "?"));
}

/* The state an editor asked for: new, relevant or dismissed; else NULL. */
static const char *
settable_state(const char *s)
{
	if (s != NULL && (strcmp(s, "new") == 0 || strcmp(s, "relevant") == 0 ||
	    strcmp(s, "dismissed") == 0))
		return s;
	return NULL;
}

static void
set_one(struct ctx *c, long long id, const char *state)
{
	enum db_err	 e;

	if (state == NULL) {
		app_error(c, 400, "Choose relevant, dismissed or new.");
		return;
	}
	e = mention_set_state(c->db, app_actor(c), id, state);
	if (e == DB_NOTFOUND)
		app_error(c, 404, "There is no mention with that number.");
	else if (e == DB_CONFLICT)
		app_error(c, 409, "This mention is already logged as an "
		    "engagement.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		back_to_list(c);
}

static void
one_post(struct ctx *c)
{
	set_one(c, c->id, settable_state(req_form(&c->req, "state")));
}

/*
 * The list's form: a row's own button sends row=ID:STATE; the bulk
 * button sends the ticked id=N and state.
 */
static void
bulk_post(struct ctx *c)
{
	const char	*row = req_form(&c->req, "row");
	const char	*state, *v;
	long long	*ids;
	size_t		 n, i;
	enum db_err	 e;

	if (row != NULL) {
		const char	*colon = strchr(row, ':');
		char		*num;

		if (colon == NULL || (num = arena_strndup(&c->arena, row,
		    (size_t)(colon - row))) == NULL || !is_id(num)) {
			app_error(c, 400, "That is not a mention.");
			return;
		}
		set_one(c, strtoll(num, NULL, 10), settable_state(colon + 1));
		return;
	}
	if ((state = settable_state(req_form(&c->req, "state"))) == NULL) {
		app_error(c, 400, "Choose relevant, dismissed or new.");
		return;
	}
	n = params_count(&c->req.form, "id");
	if (n == 0 || n > BULK_MAX) {
		app_error(c, 400, "Select at least one mention (at most 500).");
		return;
	}
	if ((ids = arena_alloc(&c->arena, n * sizeof(*ids))) == NULL) {
		app_error(c, 500, NULL);
		return;
	}
	for (i = 0; i < n; i++) {
		if (!is_id(v = params_nth(&c->req.form, "id", i))) {
			app_error(c, 400, "That is not a mention.");
			return;
		}
		ids[i] = strtoll(v, NULL, 10);
	}
	if ((e = mention_set_state_many(c->db, app_actor(c), ids, n, state, NULL)) != DB_OK)
		app_db_error(c, e);
	else
		back_to_list(c);
}

static void
atom_get(struct ctx *c)
{
	struct mention	*rows;
	size_t		 n;
	enum db_err	 e;
	char		 now[32];
	time_t		 t = time(NULL);
	struct tm	 tm;

	if ((e = mention_relevant(c->db, &c->arena, ATOM_MAX, &rows, &n))) {
		app_db_error(c, e);
		return;
	}
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) {
		app_error(c, 500, NULL);
		return;
	}
	buf_reset(&c->resp.body);
	if (ui_mentions_atom(&c->resp.body, rows, n, now) == -1 ||
	    resp_header_set(&c->resp, "Content-Type",
	    "application/atom+xml; charset=utf-8") == -1) {
		app_error(c, 500, NULL);
		return;
	}
}

static const struct route routes[] = {
	{ "/mentions", list_get, NULL, 0, ROLE_VIEWER },
	{ "/mentions.atom", atom_get, NULL, 0, ROLE_VIEWER },
	{ "/mentions/bulk", NULL, bulk_post, 0, ROLE_EDITOR },
	{ "/mentions/:id", NULL, one_post, 0, ROLE_EDITOR },
};

int
main(void)
{
	const struct app app = { "mentions", routes,
	    sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
