/*
 * mentions.fcgi: the press mentions inbox -- /mentions (list, filters),
 * /mentions/:id and /mentions/bulk (state changes by editors, for a whole
 * syndicated story at once), /mentions.atom (the relevant mentions as an
 * Atom feed: for the logged-in, or with a private key for feed readers)
 * and /mentions/feed-key (make or stop that key).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app.h"
#include "form.h"
#include "auth.h"
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
	t->person = is_id(v = GET("person")) ? v : "";
	f->person_id = *t->person ? strtoll(t->person, NULL, 10) : 0;
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
	ui_query_add(&b, "person", t->person);
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
	struct mention_choices		 ch;
	enum db_err			 e;

	memset(&v, 0, sizeof(v));
	filter_read(c, &c->req.query, "", &t, &f, &v.page);
	f.limit = PER_PAGE;
	f.offset = (v.page - 1) * PER_PAGE;
	if ((e = mention_list(c->db, &c->arena, &f, &rows, &v.nrows,
	    &v.total, &v.more)) != DB_OK ||
	    (e = mention_choices(c->db, &c->arena, &ch)) != DB_OK ||
	    (e = feed_key_created(c->db, &c->arena, c->session.user_id,
	    &v.feed_key_created)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.people = ch.people;
	v.npeople = ch.npeople;
	v.session = &c->session;
	v.filter = &t;
	v.terms = ch.terms;
	v.nterms = ch.nterms;
	v.feeds = ch.feeds;
	v.nfeeds = ch.nfeeds;
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

/*
 * The state the list showed (its f_state), whose mentions of a story an
 * action changes with the one clicked; NULL for any state.
 */
static const char *
list_state(struct ctx *c)
{
	const char	*v = req_form(&c->req, "f_state");

	return v != NULL && mention_state_valid(v) ? v : NULL;
}

static void
set_one(struct ctx *c, long long id, const char *state)
{
	enum db_err	 e;

	if (state == NULL) {
		app_error(c, 400, "Choose relevant, dismissed or new.");
		return;
	}
	e = mention_set_state(c->db, app_actor(c), id, state, list_state(c),
	    NULL);
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
	if ((e = mention_set_state_many(c->db, app_actor(c), ids, n, state,
	    list_state(c), NULL)) != DB_OK)
		app_db_error(c, e);
	else
		back_to_list(c);
}

/* "http(s)://host" of this request, or "" when the host is unknown. */
static const char *
site_url(struct ctx *c)
{
	if (c->req.host == NULL || *c->req.host == '\0')
		return "";
	return arena_printf(&c->arena, "%s://%s", c->req.https ? "https" :
	    "http", c->req.host);
}

/*
 * The logged-in, or a feed reader with a valid private key, may read the
 * feed; others are sent to log in.  0 when allowed, else -1 with the
 * response set.
 */
static int
atom_allowed(struct ctx *c)
{
	const char	*key = req_query(&c->req, "key");
	enum db_err	 e;

	if (c->logged_in)
		return 0;
	if (key == NULL) {
		resp_redirect(&c->resp, "/login?next=%2Fmentions.atom");
		return -1;
	}
	if ((e = feed_key_check(c->db, key)) == DB_OK)
		return 0;
	if (e == DB_NOTFOUND)
		app_error(c, 403, "This feed address does not work any more: "
		    "make a new one on the mentions page.");
	else
		app_db_error(c, e);
	return -1;
}

static void
atom_get(struct ctx *c)
{
	struct mention_filter	 f;
	struct mention		*rows;
	const char		*site, *self;
	size_t			 n, total;
	int			 more;
	enum db_err		 e;
	char			 now[32];
	time_t			 t = time(NULL);
	struct tm		 tm;

	if (atom_allowed(c) == -1)
		return;
	memset(&f, 0, sizeof(f));
	f.state = "relevant";
	f.limit = ATOM_MAX;
	if ((e = mention_list(c->db, &c->arena, &f, &rows, &n, &total,
	    &more))) {
		app_db_error(c, e);
		return;
	}
	site = site_url(c);
	self = arena_printf(&c->arena, "%s/mentions.atom%s%s", site,
	    *c->req.query_string ? "?" : "", c->req.query_string);
	if (self == NULL || gmtime_r(&t, &tm) == NULL ||
	    strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) {
		app_error(c, 500, NULL);
		return;
	}
	buf_reset(&c->resp.body);
	if (ui_mentions_atom(&c->resp.body, rows, n, now, self,
	    arena_printf(&c->arena, "%s/mentions?state=relevant", site)) == -1 ||
	    resp_header_set(&c->resp, "Content-Type",
	    "application/atom+xml; charset=utf-8") == -1) {
		app_error(c, 500, NULL);
		return;
	}
}

/* POST /mentions/feed-key: op=make shows a new key once; op=revoke. */
static void
feed_key_post(struct ctx *c)
{
	const char	*op = req_form(&c->req, "op");
	char		 key[AUTH_TOKEN_HEX];
	enum db_err	 e;

	if (op != NULL && strcmp(op, "revoke") == 0) {
		e = feed_key_revoke(c->db, app_actor(c), c->session.user_id);
		if (e != DB_OK && e != DB_NOTFOUND)
			app_db_error(c, e);
		else
			resp_redirect(&c->resp, "/mentions?saved=1");
		return;
	}
	if (op == NULL || strcmp(op, "make") != 0) {
		app_error(c, 400, "Choose to make or to stop the address.");
		return;
	}
	if ((e = feed_key_create(c->db, app_actor(c), c->session.user_id,
	    key)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	{
		const struct feed_key_view v = { &c->session,
		    arena_printf(&c->arena, "%s/mentions.atom?key=%s",
		    site_url(c), key) };

		/* Every response is Cache-Control: no-store (response.c). */
		sodium_memzero(key, sizeof(key));
		if (v.url == NULL) {
			app_error(c, 500, NULL);
			return;
		}
		app_begin_page(c);
		ui_feed_key(&c->html, &v);
	}
}

static const struct route routes[] = {
	{ "/mentions", list_get, NULL, 0, ROLE_VIEWER },
	{ "/mentions.atom", atom_get, NULL, ROUTE_PUBLIC, ROLE_VIEWER },
	{ "/mentions/bulk", NULL, bulk_post, 0, ROLE_EDITOR },
	{ "/mentions/feed-key", NULL, feed_key_post, 0, ROLE_VIEWER },
	{ "/mentions/:id", NULL, one_post, 0, ROLE_EDITOR },
};

int
main(void)
{
	const struct app app = { "mentions", routes,
	    sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
