/*
 * The request cycle (lib/app.c) with a real MariaDB and a test program's
 * route table: login redirects, roles, CSRF and Origin checks, error
 * pages, 503 when the database is gone and recovery after it returns,
 * and REMOTE_USER trust.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "app.h"
#include "testhelp.h"
#include "users.h"

static struct db	 db;
static struct conf	 conf;
static char		 token[AUTH_TOKEN_HEX];	/* maya, editor */
static struct session	 sess;
static int		 handled;

static void
page_ok(struct ctx *c)
{
	handled++;
	app_begin_page(c);
	html_elem(&c->html, EL_P, c->session.display_name);
}

static void
echo_post(struct ctx *c)
{
	handled++;
	app_begin_page(c);
	html_elem(&c->html, EL_P, req_form(&c->req, "note"));
}

static const struct route routes[] = {
	{ "/", page_ok, NULL, 0, ROLE_VIEWER },
	{ "/admin", page_ok, NULL, 0, ROLE_ADMIN },
	{ "/echo", NULL, echo_post, 0, ROLE_EDITOR },
	{ "/public", page_ok, echo_post, ROUTE_PUBLIC, ROLE_NONE },
};
static const struct app app = { "test", routes, 4 };

struct result {
	int	 status;
	char	 head[4096];	/* headers as written */
	char	*body;
};

static int
put(void *ctx, const char *p, size_t n)
{
	struct buf	*b = ctx;

	buf_append(b, p, n);
	return 0;
}

/* Run one request; vars are "NAME=value" strings. */
static void
request(struct result *res, const char *const *vars, const char *body)
{
	struct th_env		 env = { vars, body, body ? strlen(body) : 0, 0 };
	struct req_source	 src = th_source(&env);
	struct ctx		 c;
	struct buf		 out;
	char			*sep;

	buf_init(&out);
	app_handle(&app, &c, &db, &conf, &src);
	ck_assert_int_eq(resp_write(&c.resp, put, &out), 0);
	res->status = c.resp.status;
	app_ctx_free(&c);
	ck_assert_ptr_nonnull(out.data);
	sep = strstr(out.data, "\r\n\r\n");
	ck_assert_ptr_nonnull(sep);
	*sep = '\0';
	snprintf(res->head, sizeof(res->head), "%s\r\n", out.data);
	res->body = strdup(sep + 4);
	buf_free(&out);
}

static void
setup(void)
{
	struct arena	 a;
	struct user	 u;

	th_db_open(&db, &conf);
	th_reset(&db);
	ck_assert_int_eq(user_add(&db, "tester", "maya", "Maya Cohen",
	    ROLE_EDITOR, "right password"), DB_OK);
	arena_init(&a);
	ck_assert_int_eq(user_find(&db, &a, "maya", &u), DB_OK);
	ck_assert_int_eq(session_create(&db, &conf, &u, "", token, &sess), DB_OK);
	arena_free(&a);
	handled = 0;
}

static void
teardown(void)
{
	th_db_close(&db, &conf);
}

static char *
cookie_var(void)
{
	static char	 v[128];

	snprintf(v, sizeof(v), "HTTP_COOKIE=%s=%s", SESSION_COOKIE, token);
	return v;
}

START_TEST(test_anonymous_redirected_to_login)
{
	const char *const vars[] = { "REQUEST_METHOD=GET",
	    "REQUEST_URI=/admin?x=1&y=%C3%A9", "QUERY_STRING=x=1&y=%C3%A9", NULL };
	struct result	 r;

	request(&r, vars, NULL);
	ck_assert_int_eq(r.status, 303);
	ck_assert_ptr_nonnull(strstr(r.head,
	    "Location: /login?next=/admin%3Fx%3D1%26y%3D%25C3%25A9\r"));
	ck_assert_int_eq(handled, 0);
	free(r.body);
}
END_TEST

START_TEST(test_logged_in_page)
{
	const char *const vars[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
	    cookie_var(), NULL };
	struct result	 r;

	request(&r, vars, NULL);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(r.body, "<p>Maya Cohen</p>");
	ck_assert_ptr_nonnull(strstr(r.head, "Content-Security-Policy: "));
	ck_assert_ptr_nonnull(strstr(r.head, "frame-ancestors 'none'"));
	ck_assert_ptr_null(strstr(r.head, "unsafe-inline"));
	ck_assert_ptr_nonnull(strstr(r.head, "X-Content-Type-Options: nosniff"));
	ck_assert_ptr_nonnull(strstr(r.head, "Referrer-Policy: same-origin"));
	free(r.body);
}
END_TEST

START_TEST(test_role_too_low)
{
	const char *const vars[] = { "REQUEST_METHOD=GET",
	    "REQUEST_URI=/admin", cookie_var(), NULL };
	struct result	 r;

	request(&r, vars, NULL);
	ck_assert_int_eq(r.status, 403);
	ck_assert_int_eq(handled, 0);
	ck_assert_ptr_nonnull(strstr(r.body, "role"));
	free(r.body);
}
END_TEST

static void
post(struct result *r, const char *path, const char *origin,
    const char *body)
{
	char	 uri[64], len[64], org[96];
	const char *const vars[] = { "REQUEST_METHOD=POST", uri, cookie_var(),
	    "HTTP_HOST=tracker.example:8080", len,
	    "CONTENT_TYPE=application/x-www-form-urlencoded",
	    origin ? org : "X=1", NULL };

	snprintf(uri, sizeof(uri), "REQUEST_URI=%s", path);
	snprintf(len, sizeof(len), "CONTENT_LENGTH=%zu", strlen(body));
	snprintf(org, sizeof(org), "HTTP_ORIGIN=%s", origin ? origin : "");
	request(r, vars, body);
}

START_TEST(test_post_with_csrf)
{
	struct result	 r;
	char		 body[200];

	snprintf(body, sizeof(body), "csrf=%s&note=%%3Cb%%3Ehi", sess.csrf);
	post(&r, "/echo", "http://tracker.example:8080", body);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(r.body, "<p>&lt;b&gt;hi</p>");
	free(r.body);
	post(&r, "/echo", NULL, body);
	ck_assert_int_eq(r.status, 200);
	free(r.body);
	ck_assert_int_eq(handled, 2);
}
END_TEST

START_TEST(test_post_refused)
{
	struct result	 r;
	char		 body[200], other[AUTH_TOKEN_HEX];

	post(&r, "/echo", NULL, "note=x");
	ck_assert_int_eq(r.status, 403);
	free(r.body);
	auth_random_token(other);
	snprintf(body, sizeof(body), "csrf=%s&note=x", other);
	post(&r, "/echo", NULL, body);
	ck_assert_int_eq(r.status, 403);
	free(r.body);
	snprintf(body, sizeof(body), "csrf=%s&note=x", sess.csrf);
	post(&r, "/echo", "https://evil.example", body);
	ck_assert_int_eq(r.status, 403);
	ck_assert_ptr_nonnull(strstr(r.body, "another site"));
	free(r.body);
	post(&r, "/echo", "null", body);
	ck_assert_int_eq(r.status, 403);
	free(r.body);
	ck_assert_int_eq(handled, 0);
}
END_TEST

/* Before login, a public form's token is the one in its own cookie. */
START_TEST(test_public_post_uses_login_cookie)
{
	char		 cookie[128], body[128], len[32];
	const char *const vars[] = { "REQUEST_METHOD=POST", "REQUEST_URI=/public",
	    cookie, len, "CONTENT_TYPE=application/x-www-form-urlencoded", NULL };
	char		 t[AUTH_TOKEN_HEX];
	struct result	 r;

	auth_random_token(t);
	snprintf(cookie, sizeof(cookie), "HTTP_COOKIE=%s=%s", LOGIN_CSRF_COOKIE, t);
	snprintf(body, sizeof(body), "csrf=%s&note=ok", t);
	snprintf(len, sizeof(len), "CONTENT_LENGTH=%zu", strlen(body));
	request(&r, vars, body);
	ck_assert_int_eq(r.status, 200);
	free(r.body);
	snprintf(body, sizeof(body), "csrf=%s&note=ok", sess.csrf);
	request(&r, vars, body);
	ck_assert_int_eq(r.status, 403);
	free(r.body);
}
END_TEST

static const struct {
	const char	*method;
	const char	*uri;
	const char	*length;
	int		 status;
	const char	*allow;
} errors[] = {
	{ "GET", "/nowhere", NULL, 404, NULL },
	{ "POST", "/", "0", 405, "Allow: GET, HEAD\r" },
	{ "DELETE", "/echo", NULL, 405, "Allow: POST\r" },
	{ "GET", "/?q=%FF", NULL, 400, NULL },
	{ "GET", "/%C3%28", NULL, 400, NULL },
	{ "POST", "/echo", "99999999", 413, NULL },
	{ "POST", "/echo", "12x", 400, NULL },
};

START_TEST(test_error_pages)
{
	char		 m[32], u[64], l[64], q[64];
	const char	*qs = strchr(errors[_i].uri, '?');
	const char *const vars[] = { m, u, q, errors[_i].length ? l : "X=1",
	    "CONTENT_TYPE=application/x-www-form-urlencoded", cookie_var(), NULL };
	struct result	 r;

	snprintf(m, sizeof(m), "REQUEST_METHOD=%s", errors[_i].method);
	snprintf(u, sizeof(u), "REQUEST_URI=%s", errors[_i].uri);
	snprintf(q, sizeof(q), "QUERY_STRING=%s", qs ? qs + 1 : "");
	snprintf(l, sizeof(l), "CONTENT_LENGTH=%s", errors[_i].length ?
	    errors[_i].length : "");
	request(&r, vars, NULL);
	ck_assert_int_eq(r.status, errors[_i].status);
	if (errors[_i].allow != NULL)
		ck_assert_ptr_nonnull(strstr(r.head, errors[_i].allow));
	ck_assert_ptr_nonnull(strstr(r.body, "<!DOCTYPE html>"));
	ck_assert_ptr_nonnull(strstr(r.head, "Content-Security-Policy"));
	ck_assert_int_eq(handled, 0);
	free(r.body);
}
END_TEST

START_TEST(test_head_has_no_body)
{
	const char *const vars[] = { "REQUEST_METHOD=HEAD", "REQUEST_URI=/",
	    cookie_var(), NULL };
	struct result	 r;

	request(&r, vars, NULL);
	ck_assert_int_eq(r.status, 200);
	ck_assert_str_eq(r.body, "");
	free(r.body);
}
END_TEST

/* The database goes away: 503, then the next request reconnects. */
START_TEST(test_database_gone_then_back)
{
	const char *const vars[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
	    cookie_var(), NULL };
	char		*good = conf.db_socket;
	struct result	 r;

	db_close(&db);
	db.broken = 1;
	conf.db_socket = (char *)"/nonexistent/mysqld.sock";
	request(&r, vars, NULL);
	ck_assert_int_eq(r.status, 503);
	ck_assert_ptr_nonnull(strstr(r.head, "Retry-After: "));
	ck_assert_ptr_nonnull(strstr(r.body, "Nothing was saved"));
	free(r.body);
	conf.db_socket = good;
	request(&r, vars, NULL);
	ck_assert_int_eq(r.status, 200);
	free(r.body);
}
END_TEST

START_TEST(test_remote_user_trusted_only_when_configured)
{
	const char *const vars[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
	    "REMOTE_USER=maya", NULL };
	const char *const ghost[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/",
	    "REMOTE_USER=ghost", NULL };
	struct result	 r;

	request(&r, vars, NULL);
	ck_assert_int_eq(r.status, 303);
	free(r.body);
	conf.trust_remote_user = 1;
	request(&r, vars, NULL);
	ck_assert_int_eq(r.status, 200);
	ck_assert_ptr_nonnull(strstr(r.head, "Set-Cookie: " SESSION_COOKIE "="));
	ck_assert_str_eq(r.body, "<p>Maya Cohen</p>");
	free(r.body);
	request(&r, ghost, NULL);
	ck_assert_int_eq(r.status, 303);
	free(r.body);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("app");
	TCase	*tc = tcase_create("app");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_anonymous_redirected_to_login);
	tcase_add_test(tc, test_logged_in_page);
	tcase_add_test(tc, test_role_too_low);
	tcase_add_test(tc, test_post_with_csrf);
	tcase_add_test(tc, test_post_refused);
	tcase_add_test(tc, test_public_post_uses_login_cookie);
	tcase_add_loop_test(tc, test_error_pages, 0,
	    sizeof(errors) / sizeof(errors[0]));
	tcase_add_test(tc, test_head_has_no_body);
	tcase_add_test(tc, test_database_gone_then_back);
	tcase_add_test(tc, test_remote_user_trusted_only_when_configured);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
