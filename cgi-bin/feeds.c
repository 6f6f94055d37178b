/*
 * feeds.fcgi: press monitoring's settings -- /feeds (the feeds with
 * their health; editors add, edit, enable and disable them) and
 * /watch-terms (the terms; editors add, enable and disable them and
 * re-run matching over the stored items).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
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

enum feed_field { FEED_F_URL, FEED_F_TITLE, FEED_F__MAX };

static const struct form_field feed_fields[FEED_F__MAX] = {
	[FEED_F_URL] = { "url", "Feed URL", FIELD_TEXT, FIELD_REQUIRED,
	    FEED_URL_MAX, feed_url_problem, "off",
	    "The RSS or Atom address, starting http:// or https://.", NULL },
	[FEED_F_TITLE] = { "title", "Title", FIELD_TEXT, 0, FEED_TITLE_MAX,
	    NULL, "off", "Optional: the outlet's name.", NULL },
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

/* The feeds page; form NULL: an empty add form for editors. */
static void
show_feeds(struct ctx *c, struct form *form)
{
	struct feeds_view	 v;
	struct feed_health	*feeds;
	size_t			 n;
	enum db_err		 e;

	if ((e = feed_health_list(c->db, &c->arena, &feeds, &n)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	if (form == NULL && c->session.role >= ROLE_EDITOR &&
	    (form = empty_form(c, feed_fields, FEED_F__MAX)) == NULL)
		return;
	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.notice = form == NULL || form->nerrors == 0 ?
	    (req_query(&c->req, "saved") ? "Saved." : NULL) : NULL;
	v.feeds = feeds;
	v.n = n;
	v.form = form;
	app_begin_page(c);
	ui_feeds(&c->html, &v);
}

static void
feeds_get(struct ctx *c)
{
	show_feeds(c, NULL);
}

static void
feeds_post(struct ctx *c)
{
	struct form	 f;
	const char	*title;
	enum db_err	 e;
	int		 bad;

	if (refuse_viewer(c))
		return;
	if ((bad = form_read(&f, &c->arena, feed_fields, FEED_F__MAX,
	    &c->req.form)) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	if (bad == 0) {
		title = f.values[FEED_F_TITLE].value;
		e = feed_add(c->db, f.values[FEED_F_URL].value,
		    *title ? title : NULL, 0, NULL);
		if (e == DB_OK) {
			resp_redirect(&c->resp, "/feeds?saved=1");
			return;
		}
		if (e != DB_DUPLICATE) {
			app_db_error(c, e);
			return;
		}
		form_set_error(&f, "url", duplicate_url);
	}
	c->resp.status = 400;
	show_feeds(c, &f);
}

static void
feed_enabled_post(struct ctx *c, int enabled)
{
	enum db_err	 e;

	if ((e = feed_set_enabled(c->db, c->id, enabled)) == DB_NOTFOUND)
		app_error(c, 404, "There is no feed with that number.");
	else if (e != DB_OK)
		app_db_error(c, e);
	else
		resp_redirect(&c->resp, "/feeds?saved=1");
}

static void
feed_disable_post(struct ctx *c)
{
	feed_enabled_post(c, 0);
}

static void
feed_enable_post(struct ctx *c)
{
	feed_enabled_post(c, 1);
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
	struct feed_health	 feed;
	struct form		*f;

	if (load_feed(c, &feed) == -1 ||
	    (f = empty_form(c, feed_fields, FEED_F__MAX)) == NULL)
		return;
	f->values[FEED_F_URL].value = feed.url;
	f->values[FEED_F_TITLE].value = feed.title;
	show_feed_edit(c, &feed, f);
}

static void
feed_edit_post(struct ctx *c)
{
	struct feed_health	 feed;
	struct form		 f;
	const char		*title;
	enum db_err		 e;
	int			 bad;

	if (load_feed(c, &feed) == -1)
		return;
	if ((bad = form_read(&f, &c->arena, feed_fields, FEED_F__MAX,
	    &c->req.form)) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	if (bad == 0) {
		title = f.values[FEED_F_TITLE].value;
		e = feed_update(c->db, c->id, f.values[FEED_F_URL].value,
		    *title ? title : NULL);
		if (e == DB_OK) {
			resp_redirect(&c->resp, "/feeds?saved=1");
			return;
		}
		if (e == DB_NOTFOUND) {
			app_error(c, 404, "There is no feed with that number.");
			return;
		}
		if (e != DB_DUPLICATE) {
			app_db_error(c, e);
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
	size_t			 n;
	enum db_err		 e;

	if ((e = watch_term_list(c->db, &c->arena, &terms, &n)) != DB_OK) {
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
		e = watch_term_add(c->db, f.values[TERM_F_TERM].value,
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

	if ((e = watch_term_set_enabled(c->db, c->id, enabled)) ==
	    DB_NOTFOUND)
		app_error(c, 404, "There is no watch term with that number.");
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
