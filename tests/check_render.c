/*
 * Pure pieces behind the pages: CSV escaping, safe Markdown, audit JSON
 * and its diff, route patterns.
 */
#include "config.h"

#include <string.h>

#include <check.h>

#include "app.h"
#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "csv.h"
#include "html.h"
#include "testhelp.h"

static const struct {
	const char	*in;
	const char	*out;
} cells[] = {
	{ "plain", "plain" },
	{ "", "" },
	{ "a,b", "\"a,b\"" },
	{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
	{ "two\nlines", "\"two\nlines\"" },
	{ "cr\r", "\"cr\r\"" },
	{ "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"" },
	{ "=1+2", "'=1+2" },
	{ "+44 20 7946 0000", "'+44 20 7946 0000" },
	{ "-5", "'-5" },
	{ "@SUM(A1)", "'@SUM(A1)" },
	{ "\tx", "'\tx" },
	{ "a=b", "a=b" },
	{ "Zoë — שלום", "Zoë — שלום" },
};

START_TEST(test_csv_cell)
{
	struct buf	 b;

	buf_init(&b);
	csv_cell(&b, cells[_i].in, 1);
	ck_assert_str_eq(b.data ? b.data : "", cells[_i].out);
	buf_free(&b);
}
END_TEST

START_TEST(test_csv_row)
{
	const char *const row[] = { "Date", "a,b", NULL, "=x" };
	struct buf	 b;

	buf_init(&b);
	csv_row(&b, row, 4);
	csv_row(&b, row, 1);
	ck_assert_str_eq(b.data, "Date,\"a,b\",,'=x\r\nDate\r\n");
	buf_free(&b);
}
END_TEST

static const struct {
	const char	*md;
	const char	*must;
	const char	*must_not;
} markdown[] = {
	{ "**bold** and _it_", "<strong>bold</strong>", NULL },
	{ "- one\n- two", "<li>one</li>", NULL },
	{ "<script>alert(1)</script>", NULL, "<script>" },
	{ "<img src=x onerror=alert(1)>", NULL, "onerror" },
	{ "[x](javascript:alert(1))", NULL, "javascript:" },
	{ "[x](JAVASCRIPT:alert(1))", NULL, "JAVASCRIPT:" },
	{ "[x](vbscript:msgbox)", NULL, "vbscript:" },
	{ "[x](data:text/html;base64,PHNjcmlwdD4=)", NULL, "data:text" },
	{ "[ok](https://example.org/a?b=1&c=2)",
	    "href=\"https://example.org/a?b=1&amp;c=2\"", NULL },
	{ "a < b & c", "a &lt; b &amp; c", NULL },
	{ "\"quoted\"", "\u201cquoted\u201d", NULL },
};

START_TEST(test_markdown_safe)
{
	struct buf	 b;
	struct html	 h;

	buf_init(&b);
	html_init(&h, &b);
	html_markdown(&h, markdown[_i].md);
	ck_assert_int_eq(html_finish(&h), 0);
	ck_assert_ptr_nonnull(b.data);
	if (markdown[_i].must)
		ck_assert_msg(strstr(b.data, markdown[_i].must) != NULL,
		    "%s -> %s lacks %s", markdown[_i].md, b.data,
		    markdown[_i].must);
	if (markdown[_i].must_not)
		ck_assert_msg(strstr(b.data, markdown[_i].must_not) == NULL,
		    "%s -> %s has %s", markdown[_i].md, b.data,
		    markdown[_i].must_not);
	buf_free(&b);
}
END_TEST

START_TEST(test_markdown_empty)
{
	struct buf	 b;
	struct html	 h;

	buf_init(&b);
	html_init(&h, &b);
	html_markdown(&h, "");
	html_markdown(&h, NULL);
	ck_assert_uint_eq(b.len, 0);
	buf_free(&b);
}
END_TEST

START_TEST(test_audit_json_escapes)
{
	struct arena		 a;
	const struct audit_field f[] = { { "name", "O'Brien \"the\" <b>" },
	    { "notes", "line\nbreak" }, { "empty", NULL } };
	char			*json;

	arena_init(&a);
	json = audit_json(&a, f, 3);
	ck_assert_str_eq(json, "{\"name\":\"O'Brien \\\"the\\\" <b>\","
	    "\"notes\":\"line\\nbreak\",\"empty\":\"\"}");
	arena_free(&a);
}
END_TEST

START_TEST(test_audit_diff)
{
	struct arena		 a;
	struct audit_change	*ch;
	size_t			 n;

	arena_init(&a);
	ck_assert_int_eq(audit_diff(&a, "{\"name\":\"A\",\"party\":\"Labour\","
	    "\"gone\":\"x\"}", "{\"name\":\"A\",\"party\":\"Green\","
	    "\"new\":\"y\"}", &ch, &n), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(ch[0].field, "party");
	ck_assert_str_eq(ch[0].before, "Labour");
	ck_assert_str_eq(ch[0].after, "Green");
	ck_assert_str_eq(ch[1].field, "new");
	ck_assert_str_eq(ch[1].before, "");
	ck_assert_str_eq(ch[2].field, "gone");
	ck_assert_str_eq(ch[2].after, "");
	/* A create: every field is a change from nothing. */
	ck_assert_int_eq(audit_diff(&a, NULL, "{\"a\":\"1\",\"b\":\"\"}",
	    &ch, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(ch[0].field, "a");
	/* Not JSON objects: no changes, no crash. */
	ck_assert_int_eq(audit_diff(&a, "[1]", "not json", &ch, &n), 0);
	ck_assert_uint_eq(n, 0);
	arena_free(&a);
}
END_TEST

static const struct {
	const char	*pattern;
	const char	*path;
	int		 match;
	long long	 id;
} routes[] = {
	{ "/engagements", "/engagements", 1, 0 },
	{ "/engagements", "/engagements/", 0, 0 },
	{ "/engagements/:id", "/engagements/42", 1, 42 },
	{ "/engagements/:id", "/engagements/042", 0, 0 },
	{ "/engagements/:id", "/engagements/0", 0, 0 },
	{ "/engagements/:id", "/engagements/-1", 0, 0 },
	{ "/engagements/:id", "/engagements/abc", 0, 0 },
	{ "/engagements/:id", "/engagements/", 0, 0 },
	{ "/engagements/:id", "/engagements/99999999999999999999", 0, 0 },
	{ "/engagements/:id/edit", "/engagements/7/edit", 1, 7 },
	{ "/engagements/:id/edit", "/engagements/7/editx", 0, 0 },
	{ "/engagements/:id/edit", "/engagements/7", 0, 0 },
	{ "/engagements/new", "/engagements/new", 1, 0 },
};

START_TEST(test_route_match)
{
	long long	 id = 0;

	ck_assert_int_eq(app_route_match(routes[_i].pattern, routes[_i].path,
	    &id), routes[_i].match);
	if (routes[_i].match)
		ck_assert_int_eq(id, routes[_i].id);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("render");
	TCase	*tc = tcase_create("render");

	tcase_add_loop_test(tc, test_csv_cell, 0, sizeof(cells) / sizeof(cells[0]));
	tcase_add_test(tc, test_csv_row);
	tcase_add_loop_test(tc, test_markdown_safe, 0,
	    sizeof(markdown) / sizeof(markdown[0]));
	tcase_add_test(tc, test_markdown_empty);
	tcase_add_test(tc, test_audit_json_escapes);
	tcase_add_test(tc, test_audit_diff);
	tcase_add_loop_test(tc, test_route_match, 0,
	    sizeof(routes) / sizeof(routes[0]));
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
