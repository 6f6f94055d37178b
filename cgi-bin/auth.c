/*
 * auth.fcgi: /login and /logout.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "pages.h"

enum login_field { LOGIN_USERNAME, LOGIN_PASSWORD, LOGIN_NEXT, LOGIN__MAX };

static const struct form_field login_fields[LOGIN__MAX] = {
	[LOGIN_USERNAME] = { "username", "Username", FIELD_TEXT,
	    FIELD_REQUIRED | FIELD_AUTOFOCUS, 64, NULL, "username", NULL, NULL },
	[LOGIN_PASSWORD] = { "password", "Password", FIELD_PASSWORD,
	    FIELD_REQUIRED, 1024, NULL, "current-password", NULL, NULL },
	[LOGIN_NEXT] = { "next", "Next page", FIELD_HIDDEN, 0, 2048, NULL,
	    NULL, NULL, NULL },
};

/* Where to go after logging in: a local page, never back to /logout. */
static const char *
next_page(const char *next)
{
	if (next == NULL || !resp_local_path(next) ||
	    strncmp(next, "/logout", 7) == 0 || strncmp(next, "/login", 6) == 0)
		return "/";
	return next;
}

/* The login form's CSRF token: kept in its own cookie until login. */
static const char *
login_token(struct ctx *c)
{
	const char	*have = req_cookie(&c->req, LOGIN_CSRF_COOKIE);
	char		 fresh[AUTH_TOKEN_HEX];

	if (have == NULL || strlen(have) != AUTH_TOKEN_HEX - 1) {
		auth_random_token(fresh);
		have = arena_strdup(&c->arena, fresh);
	}
	if (have != NULL)
		resp_cookie(&c->resp, LOGIN_CSRF_COOKIE, have, -1, c->req.https);
	return have;
}

static void
show_login(struct ctx *c, const struct form *f, const char *notice,
    const char *problem)
{
	struct login_view	 v = { f, login_token(c), notice, problem };

	if (v.csrf == NULL) {
		app_error(c, 500, NULL);
		return;
	}
	app_begin_page(c);
	page_login(&c->html, &v);
}

static void
login_get(struct ctx *c)
{
	struct form	 f;

	if (c->logged_in) {
		resp_redirect(&c->resp, next_page(req_query(&c->req, "next")));
		return;
	}
	if (form_init(&f, &c->arena, login_fields, LOGIN__MAX) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	f.values[LOGIN_NEXT].value = next_page(req_query(&c->req, "next"));
	show_login(c, &f, req_query(&c->req, "logged_out") ?
	    "You have logged out." : NULL, NULL);
}

static const char *
throttled_message(struct ctx *c, long retry_after)
{
	long	 minutes = (retry_after + 59) / 60;

	resp_header(&c->resp, "Retry-After",
	    arena_printf(&c->arena, "%ld", retry_after));
	return arena_printf(&c->arena, "Too many failed attempts to log in to "
	    "this account. Try again in %ld minute%s.", minutes,
	    minutes == 1 ? "" : "s");
}

static void
login_post(struct ctx *c)
{
	char			 token[AUTH_TOKEN_HEX];
	struct form		 f;
	enum auth_result	 r;
	long			 retry = 0;
	int			 bad;

	if ((bad = form_read(&f, &c->arena, login_fields, LOGIN__MAX,
	    &c->req.form)) < 0) {
		app_error(c, 500, NULL);
		return;
	}
	if (bad > 0) {
		c->resp.status = 400;
		show_login(c, &f, NULL, NULL);
		return;
	}
	r = auth_login(c->db, &c->arena, c->conf,
	    f.values[LOGIN_USERNAME].value, f.values[LOGIN_PASSWORD].value,
	    c->req.remote_addr, token, &c->session, &retry);
	switch (r) {
	case AUTH_OK:
		resp_cookie(&c->resp, SESSION_COOKIE, token,
		    (long)c->conf->session_max_hours * 3600, c->req.https);
		resp_cookie(&c->resp, LOGIN_CSRF_COOKIE, "", 0, c->req.https);
		resp_redirect(&c->resp, next_page(f.values[LOGIN_NEXT].value));
		break;
	case AUTH_BAD_CREDENTIALS:
		c->resp.status = 400;
		show_login(c, &f, NULL, "The username or password is not "
		    "right. Check them and try again.");
		break;
	case AUTH_THROTTLED:
		c->resp.status = 429;
		show_login(c, &f, NULL, throttled_message(c, retry));
		break;
	case AUTH_UNAVAILABLE:
		app_db_error(c, DB_UNAVAILABLE);
		break;
	case AUTH_ERROR:
		app_db_error(c, DB_ERROR);
		break;
	}
}

static void
logout_post(struct ctx *c)
{
	enum db_err	 e;

	e = session_end(c->db, req_cookie(&c->req, SESSION_COOKIE));
	if (e != DB_OK) {
		app_db_error(c, e);
		return;
	}
	c->logged_in = 0;
	resp_cookie(&c->resp, SESSION_COOKIE, "", 0, c->req.https);
	resp_redirect(&c->resp, "/login?logged_out=1");
}

static const struct route routes[] = {
	{ "/login", login_get, login_post, ROUTE_PUBLIC, ROLE_NONE },
	{ "/logout", NULL, logout_post, 0, ROLE_VIEWER },
};

int
main(void)
{
	const struct app app = { "auth", routes, sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
