/*
 * The page chrome and the core pages (lib/layout.c, lib/pages.c): what a
 * person sees, and that nothing they typed reaches the page unescaped.
 */
#include "config.h"

#include <string.h>

#include <check.h>

#include "appg.h"
#include "arena.h"
#include "auth.h"
#include "buf.h"
#include "form.h"
#include "html.h"
#include "pages.h"
#include "testhelp.h"
#include "ui_mentions.h"

static struct buf	 out;
static struct html	 h;
static struct arena	 a;

static void
setup(void)
{
	buf_init(&out);
	html_init(&h, &out);
	arena_init(&a);
}

static void
teardown(void)
{
	buf_free(&out);
	arena_free(&a);
}

static void
assert_has(const char *needle)
{
	ck_assert_msg(out.data != NULL && strstr(out.data, needle) != NULL,
	    "page lacks %s", needle);
}

static struct session
hostile_session(void)
{
	struct session	 s;

	memset(&s, 0, sizeof(s));
	s.username = "maya";
	s.display_name = "<script>alert(1)</script> & \"Maya\"";
	s.role = ROLE_EDITOR;
	strcpy(s.csrf, "c0ffee");
	return s;
}

START_TEST(test_home_page)
{
	struct session	 s = hostile_session();
	struct home_view v = { &s, 3, 1, NULL, 0 };

	page_home(&h, &v);
	ck_assert_int_eq(html_finish(&h), 0);
	assert_has("<!DOCTYPE html>");
	assert_has("<html lang=\"en-GB\">");
	assert_has("<meta name=\"viewport\"");
	assert_has("<link rel=\"stylesheet\" href=\"/static/tracker.css\">");
	assert_has("<title>Home — Engagement tracker</title>");
	assert_has("<h1>Home</h1>");
	assert_has("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Maya&quot;");
	ck_assert_ptr_null(strstr(out.data, "<script>"));
	assert_has("editor");
	/* The Log out button: a POST form with the session's CSRF token. */
	assert_has("<form method=\"post\" action=\"/logout\"");
	assert_has("<input type=\"hidden\" name=\"csrf\" value=\"c0ffee\">");
	assert_has("<button type=\"submit\">Log out</button>");
	assert_has("href=\"#main\"");
	assert_has("aria-current=\"page\"");
	assert_has("<a href=\"/follow-ups\">You have 3 open follow-ups, 1 overdue.</a>");
	/* An editor is not shown the admin area. */
	ck_assert_ptr_null(strstr(out.data, "href=\"/admin\""));
}
END_TEST

/* An APPG check that newly fails is on the home page, escaped. */
START_TEST(test_home_appg_alert)
{
	struct session		 s = hostile_session();
	struct appg_alert	 al;
	struct home_view	 v = { &s, 0, 0, &al, 1 };

	memset(&al, 0, sizeof(al));
	al.group_id = 7;
	al.group_title = "APPG on <b>Refugees</b>";
	al.check.title = "Exactly 4 officers";
	al.check.why = "The group has 3 officers; the rules require exactly 4.";
	al.check.failing_since = "2026-11-25";
	page_home(&h, &v);
	ck_assert_int_eq(html_finish(&h), 0);
	assert_has("<h2>APPG checks that newly fail</h2>");
	assert_has("<a href=\"/appg/7#checks\">APPG on &lt;b&gt;Refugees&lt;/b&gt;"
	    "</a>: Exactly 4 officers — failing since 2026-11-25.");
	assert_has("The group has 3 officers; the rules require exactly 4.");
	/* With none, no section. */
	buf_reset(&out);
	html_init(&h, &out);
	v.nappg_alerts = 0;
	page_home(&h, &v);
	ck_assert_ptr_null(strstr(out.data, "newly fail"));
}
END_TEST

enum { F_USER, F_PASS, F_NEXT };
static const struct form_field fields[] = {
	{ "username", "Username", FIELD_TEXT, FIELD_REQUIRED, 64, NULL,
	    "username", NULL, NULL },
	{ "password", "Password", FIELD_PASSWORD, FIELD_REQUIRED, 0, NULL,
	    "current-password", NULL, NULL },
	{ "next", "Next", FIELD_HIDDEN, 0, 0, NULL, NULL, NULL, NULL },
};

START_TEST(test_login_page_keeps_input)
{
	struct form		 f;
	struct login_view	 v;
	const struct param	 p[] = { { "username", "\"><b>maya" },
	    { "password", "secret-typed" }, { "next", "/people?x=1&y=2" } };
	const struct params	 ps = { (struct param *)p, 3 };

	ck_assert_int_eq(form_read(&f, &a, fields, 3, &ps), 0);
	v.form = &f;
	v.csrf = "abc123";
	v.notice = NULL;
	v.problem = "The username or password is not right.";
	page_login(&h, &v);
	ck_assert_int_eq(html_finish(&h), 0);
	assert_has("<label for=\"f-username\">Username</label>");
	assert_has("<label for=\"f-password\">Password</label>");
	assert_has("value=\"&quot;&gt;&lt;b&gt;maya\"");
	ck_assert_ptr_null(strstr(out.data, "secret-typed"));
	assert_has("value=\"/people?x=1&amp;y=2\"");
	assert_has("role=\"alert\"");
	assert_has("The username or password is not right.");
	assert_has("<button type=\"submit\" class=\"primary\">Log in</button>");
	assert_has("name=\"csrf\" value=\"abc123\"");
	/* Not logged in: no Log out button. */
	ck_assert_ptr_null(strstr(out.data, "Log out"));
}
END_TEST

START_TEST(test_login_page_field_errors)
{
	struct form		 f;
	struct login_view	 v = { NULL, "t", "You have logged out.", NULL };
	const struct params	 none = { NULL, 0 };

	ck_assert_int_eq(form_read(&f, &a, fields, 3, &none), 2);
	v.form = &f;
	page_login(&h, &v);
	ck_assert_int_eq(html_finish(&h), 0);
	assert_has("There is a problem");
	assert_has("<a href=\"#f-username\">Username is required.</a>");
	assert_has("id=\"f-password-error\"");
	assert_has("You have logged out.");
}
END_TEST

static const int statuses[] = { 400, 403, 404, 405, 409, 413, 429, 500, 503,
    507 };

START_TEST(test_error_pages)
{
	page_error(&h, statuses[_i], NULL, NULL);
	ck_assert_int_eq(html_finish(&h), 0);
	assert_has("<h1>");
	assert_has("<a href=\"/\">Go to the home page</a>");
	ck_assert_ptr_null(strstr(out.data, "<h1>Error</h1>"));
}
END_TEST

START_TEST(test_error_detail_escaped)
{
	struct session	 s = hostile_session();

	page_error(&h, 400, "bad <input>", &s);
	ck_assert_int_eq(html_finish(&h), 0);
	assert_has("bad &lt;input&gt;");
	assert_has("Log out");
}
END_TEST

/*
 * Past its count cap the inbox says "more than" and pages on with Next
 * alone; under it, the exact count and "Page 1 of N".
 */
START_TEST(test_mentions_count_capped)
{
	struct session			 s = hostile_session();
	struct mention_filter_text	 f = { "new", "", "", "", "", "2", "" };
	struct mention_list_view	 v;

	memset(&v, 0, sizeof(v));
	v.session = &s;
	v.filter = &f;
	v.page = 2;
	v.per_page = 50;
	v.query = "?state=new";
	v.total = 1050;
	v.more = 1;
	ui_mention_list(&h, &v);
	ck_assert_int_eq(html_finish(&h), 0);
	assert_has("More than 1050 mentions");
	assert_has(" Page 2 <");
	assert_has("page=3");
	assert_has("page=1");
	ck_assert_ptr_null(strstr(out.data, "Page 2 of"));

	buf_reset(&out);
	html_init(&h, &out);
	v.total = 120;
	v.more = 0;
	ui_mention_list(&h, &v);
	ck_assert_int_eq(html_finish(&h), 0);
	assert_has("120 mentions");
	assert_has(" Page 2 of 3 ");
	ck_assert_ptr_null(strstr(out.data, "More than"));
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("pages");
	TCase	*tc = tcase_create("pages");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_home_page);
	tcase_add_test(tc, test_home_appg_alert);
	tcase_add_test(tc, test_login_page_keeps_input);
	tcase_add_test(tc, test_login_page_field_errors);
	tcase_add_loop_test(tc, test_error_pages, 0,
	    sizeof(statuses) / sizeof(statuses[0]));
	tcase_add_test(tc, test_error_detail_escaped);
	tcase_add_test(tc, test_mentions_count_capped);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
