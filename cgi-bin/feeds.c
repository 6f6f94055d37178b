/*
 * feeds.fcgi: press monitoring's settings -- /feeds (the feeds with
 * their health; editors add, edit, enable, disable, delete and restore
 * them) and /watch-terms (the typed terms, which editors add, enable and
 * disable; the people the directory has watched; re-running matching
 * over the stored items).  Every change is audited (feed_store.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "directory.h"
#include "feed_store.h"
#include "form.h"
#include "match.h"
#include "ui.h"
#include "ui_feeds.h"

/* An http or https URL with a host and no white space or controls. */
static const char *
feed_url_problem(const char *v)
{
	size_t	 skip;
	const unsigned char *p;

	if (strncasecmp(v, "http://", 7) == 0)
		skip = 7;
	else if (strncasecmp(v, "https://", 8) == 0)
		skip = 8;
	else
		return "Enter a web address starting http:// or https://.";
	if (v[skip] == '\0' || v[skip] == '/')
		return "Enter the address with its host name.";
	for (p = (const unsigned char *)v; *p != '\0'; p++)
		if (*p <= ' ' || *p == 0x7f)
			return "A web address cannot contain spaces.";
	return NULL;
}

enum feed_field { FEED_F_URL, FEED_F_TITLE, FEED_F_OUTLET, FEED_F__MAX };

/* The outlet's options come from the directory per request. */
static const struct form_field feed_fields[FEED_F__MAX] = {
	[FEED_F_URL] = { "url", "Feed URL", FIELD_TEXT, FIELD_REQUIRED,
	    FEED_URL_MAX, feed_url_problem, "off",
	    "The RSS or Atom address, starting http:// or https://.", NULL },
	[FEED_F_TITLE] = { "title", "Title", FIELD_TEXT, 0, FEED_TITLE_MAX,
	    NULL, "off", "Optional: the feed's name, as the inbox shows it "
	    "when there is no outlet.", NULL },
	[FEED_F_OUTLET] = { "outlet", "Outlet", FIELD_SELECT, 0, 0, NULL,
	    NULL, "The media outlet in the directory that publishes this "
	    "feed: \"Log as media engagement\" fills in the outlet and "
	    "medium from it.", NULL },
};

static const struct field_option kind_options[] = {
	{ "organisation", "Organisation" }, { "person", "Person" },
	{ "topic", "Topic" }, { "other", "Other" }, { NULL, NULL },
};

static const struct field_option yes_no_options[] = {
	{ "no", "No" }, { "yes", "Yes" }, { NULL, NULL },
};

enum term_field { TERM_F_TERM, TERM_F_KIND, TERM_F_EXCLUDE, TERM_F_TITLES,
	TERM_F__MAX };

static const struct form_field term_fields[TERM_F__MAX] = {
	[TERM_F_TERM] = { "term", "Term", FIELD_TEXT, FIELD_REQUIRED, 300,
	    NULL, "off", "Matched ignoring case, accents and spacing.", NULL },
	[TERM_F_KIND] = { "kind", "Kind", FIELD_SELECT, FIELD_REQUIRED, 0,
	    NULL, NULL, NULL, kind_options },
	[TERM_F_EXCLUDE] = { "exclude", "Exclude", FIELD_SELECT,
	    FIELD_REQUIRED, 0, NULL, NULL,
	    "Yes: an item naming this term is not a mention.", yes_no_options },
	[TERM_F_TITLES] = { "titles_only", "Titles only", FIELD_SELECT,
	    FIELD_REQUIRED, 0, NULL, NULL,
	    "Yes: look for the term in headlines only.", yes_no_options },
};

/* For a route that viewers may GET: only editors may POST. */
static int
refuse_viewer(struct ctx *c)
{
	if (c->session.role >= ROLE_EDITOR)
		return 0;
	app_error(c, 403, "Your role does not allow this page.");
	return 1;
}

static const char *const duplicate_url =
    "There is already a feed with this URL.";

/* An empty form, or NULL with the 500 page set. */
static struct form *
empty_form(struct ctx *c, const struct form_field *fields, size_t n)
{
	struct form	*f;

	if ((f = arena_alloc(&c->arena, sizeof(*f))) == NULL ||
	    form_init(f, &c->arena, fields, n) == -1) {
		app_error(c, 500, NULL);
		return NULL;
	}
	return f;
}

/* Feeds */

/*
 * The feed fields with the media outlets as the outlet's options (and
 * keep_id, the saved outlet, even when it has been deleted since); NULL
 * with the error page set.
 */
static const struct form_field *
feed_form_fields(struct ctx *c, long long keep_id, const char *keep_name)
{
	const struct org_filter	 outlets = { NULL, "media_outlet", 0, 0, 0 };
	struct organisation	*o;
	struct form_field	*f;
	struct field_option	*opt;
	size_t			 n, total, i, k = 1;
	int			 kept = keep_id == 0;
	enum db_err		 e;

	if ((e = org_list(c->db, &c->arena, &outlets, &o, &n, &total)) !=
	    DB_OK) {
		app_db_error(c, e);
		return NULL;
	}
	if ((f = arena_alloc(&c->arena, sizeof(feed_fields))) == NULL ||
	    (opt = arena_alloc(&c->arena, (n + 3) * sizeof(*opt))) == NULL) {
		app_error(c, 500, NULL);
		return NULL;
	}
	memcpy(f, feed_fields, sizeof(feed_fields));
	opt[0].value = "";
	opt[0].label = "None";
	for (i = 0; i < n; i++) {
		kept |= o[i].id == keep_id;
		opt[k].value = arena_printf(&c->arena, "%lld", o[i].id);
		opt[k++].label = o[i].name;
	}
	if (!kept) {
		opt[k].value = arena_printf(&c->arena, "%lld", keep_id);
		opt[k++].label = arena_printf(&c->arena, "%s (deleted)",
		    keep_name);
	}
	opt[k].value = opt[k].label = NULL;
	for (i = 0; i < k; i++)
		if (opt[i].value == NULL || opt[i].label == NULL) {
			app_error(c, 500, NULL);
			return NULL;
		}
	f[FEED_F_OUTLET].options = opt;
	return f;
}

/* The feeds page; form NULL: an empty add form for editors. */
static void
show_feeds(struct ctx *c, struct form *form, const char *notice)
{
	const struct form_field	*fields;
	struct feeds_view	 v;
	struct feed_health	*feeds, *deleted;
	enum db_err		 e;

	memset(&v, 0, sizeof(v));
	if ((e = feed_health_list(c->db, &c->arena, 0, &feeds, &v.n)) !=
	    DB_OK ||
	    (e = feed_health_list(c->db, &c->arena, 1, &deleted,
	    &v.ndeleted)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.feeds = feeds;
	v.deleted = deleted;
	if (form == NULL && c->session.role >= ROLE_EDITOR &&
	    ((fields = feed_form_fields(c, 0, NULL)) == NULL ||
	    (form = empty_form(c, fields, FEED_F__MAX)) == NULL))
		return;
	v.session = &c->session;
	v.notice = form == NULL || form->nerrors == 0 ? notice : NULL;
	v.form = form;
	app_begin_page(c);
	ui_feeds(&c->html, &v);
}

static void
feeds_get(struct ctx *c)
{
	const char	*notice = NULL;

	if (req_query(&c->req, "restored"))
		notice = "This feed had been deleted: it is back, with the "
		    "items and mentions it had.";
	else if (req_query(&c->req, "saved"))
		notice = "Saved.";
	show_feeds(c, NULL, notice);
}

/*
 * Read a posted feed form into *f (fields with today's outlets, keeping
 * keep_id); 0 when it is valid, 1 when it has errors, -1 when an error
 * page was set.
 */
static int
feed_read(struct ctx *c, struct form *f, long long keep_id,
    const char *keep_name)
{
	const struct form_field	*fields;
	int			 bad;

	if ((fields = feed_form_fields(c, keep_id, keep_name)) == NULL)
		return -1;
	if ((bad = form_read(f, &c->arena, fields, FEED_F__MAX,
	    &c->req.form)) < 0) {
		app_error(c, 500, NULL);
		return -1;
	}
	return bad > 0;
}

static long long
outlet_of(const struct form *f)
{
	return strtoll(f->values[FEED_F_OUTLET].value, NULL, 10);
}

static void
feeds_post(struct ctx *c)
{
	struct form	 f;
	int		 bad, restored = 0;
	enum db_err	 e;

	if (refuse_viewer(c) || (bad = feed_read(c, &f, 0, NULL)) < 0)
		return;
	if (bad == 0) {
		e = feed_create(c->db, app_actor(c), f.values[FEED_F_URL].value,
		    f.values[FEED_F_TITLE].value, outlet_of(&f), NULL,
		    &restored);
		if (e == DB_OK) {
			resp_redirect(&c->resp, restored ?
			    "/feeds?restored=1" : "/feeds?saved=1");
			return;
		}
		if (e != DB_DUPLICATE) {
			app_db_error(c, e);
			return;
		}
		form_set_error(&f, "url", duplicate_url);
	}
	c->resp.status = 400;
	show_feeds(c, &f, NULL);
}

/* After a change to feed c->id: the page, or the error for e. */
static void
feed_changed(struct ctx *c, enum db_err e, const char *query)
{
	if (e == DB_NOTFOUND)
		app_error(c, 404, "There is no such feed (or it has been "
		    "deleted or restored already).");
	else if (e == DB_DUPLICATE)
		app_error(c, 409, "Another feed has this feed's URL now: "
		    "delete or change that one first.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, query);
}

static void
feed_disable_post(struct ctx *c)
{
	feed_changed(c, feed_set_enabled(c->db, app_actor(c), c->id, 0),
	    "/feeds?saved=1");
}

static void
feed_enable_post(struct ctx *c)
{
	feed_changed(c, feed_set_enabled(c->db, app_actor(c), c->id, 1),
	    "/feeds?saved=1");
}

static void
feed_delete_post(struct ctx *c)
{
	feed_changed(c, feed_set_deleted(c->db, app_actor(c), c->id, 1),
	    "/feeds?saved=1");
}

static void
feed_restore_post(struct ctx *c)
{
	feed_changed(c, feed_set_deleted(c->db, app_actor(c), c->id, 0),
	    "/feeds?saved=1");
}

/* The feed of the route's id into *f; else the 404 or error page, -1. */
static int
load_feed(struct ctx *c, struct feed_health *f)
{
	enum db_err	 e;

	if ((e = feed_health_get(c->db, &c->arena, c->id, f)) == DB_OK)
		return 0;
	if (e == DB_NOTFOUND)
		app_error(c, 404, "There is no feed with that number.");
	else
		app_db_error(c, e);
	return -1;
}

static void
show_feed_edit(struct ctx *c, const struct feed_health *feed,
    const struct form *f)
{
	const struct feed_edit_view	 v = { &c->session, feed, f };

	app_begin_page(c);
	ui_feed_edit(&c->html, &v);
}

static void
feed_edit_get(struct ctx *c)
{
	const struct form_field	*fields;
	struct feed_health	 feed;
	struct form		*f;

	if (load_feed(c, &feed) == -1 ||
	    (fields = feed_form_fields(c, feed.outlet_id, feed.outlet)) ==
	    NULL || (f = empty_form(c, fields, FEED_F__MAX)) == NULL)
		return;
	f->values[FEED_F_URL].value = feed.url;
	f->values[FEED_F_TITLE].value = feed.title;
	f->values[FEED_F_OUTLET].value = feed.outlet_id == 0 ? "" :
	    arena_printf(&c->arena, "%lld", feed.outlet_id);
	if (f->values[FEED_F_OUTLET].value == NULL) {
		app_error(c, 500, NULL);
		return;
	}
	show_feed_edit(c, &feed, f);
}

static void
feed_edit_post(struct ctx *c)
{
	struct feed_health	 feed;
	struct form		 f;
	enum db_err		 e;
	int			 bad;

	if (load_feed(c, &feed) == -1 ||
	    (bad = feed_read(c, &f, feed.outlet_id, feed.outlet)) < 0)
		return;
	if (bad == 0) {
		e = feed_update(c->db, app_actor(c), c->id,
		    f.values[FEED_F_URL].value, f.values[FEED_F_TITLE].value,
		    outlet_of(&f));
		if (e != DB_DUPLICATE) {
			feed_changed(c, e, "/feeds?saved=1");
			return;
		}
		form_set_error(&f, "url", duplicate_url);
	}
	c->resp.status = 400;
	show_feed_edit(c, &feed, &f);
}

/* Watch terms */

/* The terms page; form NULL: an empty add form for editors. */
static void
show_terms(struct ctx *c, struct form *form, const char *notice)
{
	struct watch_terms_view	 v;
	struct watch_term	*terms;
	struct watched_person	*people;
	size_t			 n, npeople;
	enum db_err		 e;

	if ((e = watch_term_list(c->db, &c->arena, &terms, &n)) != DB_OK ||
	    (e = watched_people(c->db, &c->arena, 0, &people, &npeople)) !=
	    DB_OK) {
		app_db_error(c, e);
		return;
	}
	if (form == NULL && c->session.role >= ROLE_EDITOR) {
		if ((form = empty_form(c, term_fields, TERM_F__MAX)) == NULL)
			return;
		form->values[TERM_F_KIND].value = "other";
		form->values[TERM_F_EXCLUDE].value = "no";
		form->values[TERM_F_TITLES].value = "no";
	}
	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.notice = notice;
	v.terms = terms;
	v.n = n;
	v.people = people;
	v.npeople = npeople;
	v.form = form;
	app_begin_page(c);
	ui_watch_terms(&c->html, &v);
}

static void
terms_get(struct ctx *c)
{
	const char	*found = req_query(&c->req, "found");
	const char	*notice = NULL;

	if (found != NULL && *found != '\0' && validate_integer(found) == NULL)
		notice = arena_printf(&c->arena, "Matching re-run: %lld new "
		    "mention%s found.", strtoll(found, NULL, 10),
		    strtoll(found, NULL, 10) == 1 ? "" : "s");
	else if (req_query(&c->req, "saved"))
		notice = "Saved.";
	show_terms(c, NULL, notice);
}

/*
 * Whether the matcher would take term: it must keep something after
 * folding and be valid UTF-8; NULL if so, else the message.
 */
static const char *
term_problem(const char *term)
{
	struct matcher	*m;
	enum match_err	 me;

	if ((m = matcher_new()) == NULL)
		return NULL;	/* the insert will find out */
	me = matcher_add(m, 1, term, 0, 0);
	matcher_free(m);
	if (me == MATCH_EMPTY)
		return "This term has nothing left to match once spaces, "
		    "soft hyphens and invisible characters are ignored.";
	if (me == MATCH_INVALID)
		return "This term is not valid text.";
	return NULL;
}

static void
terms_post(struct ctx *c)
{
	struct form	 f;
	const char	*problem;
	enum db_err	 e;
	int		 bad;

	if (refuse_viewer(c))
		return;
	if ((bad = form_read(&f, &c->arena, term_fields, TERM_F__MAX,
	    &c->req.form)) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	if (f.values[TERM_F_TERM].error == NULL &&
	    (problem = term_problem(f.values[TERM_F_TERM].value)) != NULL)
		form_set_error(&f, "term", problem);
	if (f.nerrors == 0) {
		e = watch_term_create(c->db, app_actor(c),
		    f.values[TERM_F_TERM].value,
		    f.values[TERM_F_KIND].value,
		    strcmp(f.values[TERM_F_EXCLUDE].value, "yes") == 0,
		    strcmp(f.values[TERM_F_TITLES].value, "yes") == 0);
		if (e == DB_OK) {
			resp_redirect(&c->resp, "/watch-terms?saved=1");
			return;
		}
		if (e != DB_DUPLICATE) {
			app_db_error(c, e);
			return;
		}
		form_set_error(&f, "term", "This term is already there (with "
		    "the same exclude setting).");
	}
	c->resp.status = 400;
	show_terms(c, &f, NULL);
}

static void
term_enabled_post(struct ctx *c, int enabled)
{
	enum db_err	 e;

	if ((e = watch_term_set_enabled(c->db, app_actor(c), c->id,
	    enabled)) == DB_NOTFOUND)
		app_error(c, 404, "There is no watch term with that number.");
	else if (e == DB_CONFLICT)
		app_error(c, 409, "This term is a person's name from the "
		    "directory: change \"Watch in the press\" on their page "
		    "instead.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, "/watch-terms?saved=1");
}

static void
term_disable_post(struct ctx *c)
{
	term_enabled_post(c, 0);
}

static void
term_enable_post(struct ctx *c)
{
	term_enabled_post(c, 1);
}

static void
rematch_post(struct ctx *c)
{
	struct matcher	*m;
	size_t		 created = 0;
	enum db_err	 e;

	if ((e = watch_terms_load(c->db, &c->arena, &m, NULL)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	e = feed_rematch(c->db, m, &created);
	matcher_free(m);
	if (e != DB_OK) {
		app_db_error(c, e);
		return;
	}
	resp_redirect(&c->resp, arena_printf(&c->arena,
	    "/watch-terms?found=%zu", created));
}

static const struct route routes[] = {
	{ "/feeds", feeds_get, feeds_post, 0, ROLE_VIEWER },
	{ "/feeds/:id/edit", feed_edit_get, feed_edit_post, 0, ROLE_EDITOR },
	{ "/feeds/:id/disable", NULL, feed_disable_post, 0, ROLE_EDITOR },
	{ "/feeds/:id/enable", NULL, feed_enable_post, 0, ROLE_EDITOR },
	{ "/feeds/:id/delete", NULL, feed_delete_post, 0, ROLE_EDITOR },
	{ "/feeds/:id/restore", NULL, feed_restore_post, 0, ROLE_EDITOR },
	{ "/watch-terms", terms_get, terms_post, 0, ROLE_VIEWER },
	{ "/watch-terms/rematch", NULL, rematch_post, 0, ROLE_EDITOR },
	{ "/watch-terms/:id/disable", NULL, term_disable_post, 0, ROLE_EDITOR },
	{ "/watch-terms/:id/enable", NULL, term_enable_post, 0, ROLE_EDITOR },
};

int
main(void)
{
	const struct app app = { "feeds", routes,
	    sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
