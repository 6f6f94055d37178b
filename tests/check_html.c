#include "config.h"

#include <stdio.h>
#include <string.h>

#include <check.h>

#include "buf.h"
#include "html.h"
#include "testhelp.h"

static struct buf	 out;
static struct html	 h;

static void
setup(void)
{
	buf_init(&out);
	html_init(&h, &out);
}

static void
teardown(void)
{
	buf_free(&out);
}

/* What was written so far ("" when nothing). */
static const char *
written(void)
{
	ck_assert_int_eq(out.failed, 0);
	return out.len ? out.data : "";
}

/* --- escaping ------------------------------------------------------------ */

static const struct {
	const char	*in;
	const char	*out;
} escapes[] = {
	{ "", "" },
	{ "plain text", "plain text" },
	{ "a&b", "a&amp;b" },
	{ "<script>alert(1)</script>",
	    "&lt;script&gt;alert(1)&lt;/script&gt;" },
	{ "\"double\"", "&quot;double&quot;" },
	{ "'single'", "&#39;single&#39;" },
	{ "&<>\"'", "&amp;&lt;&gt;&quot;&#39;" },
	{ "&amp;", "&amp;amp;" },
	{ "caf\xc3\xa9 \xe2\x82\xac", "caf\xc3\xa9 \xe2\x82\xac" },
	{ "x\" onmouseover=\"y", "x&quot; onmouseover=&quot;y" },
	{ "line\nbreak\ttab", "line\nbreak\ttab" },
	{ "<<>>", "&lt;&lt;&gt;&gt;" },
};
#define NESCAPES	(sizeof(escapes) / sizeof(escapes[0]))

START_TEST(test_escape)
{
	html_escape(&out, escapes[_i].in);
	ck_assert_str_eq(written(), escapes[_i].out);
}
END_TEST

START_TEST(test_text)
{
	html_text(&h, escapes[_i].in);
	ck_assert_str_eq(written(), escapes[_i].out);
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

/* An attribute value gets the same escaping inside its quotes. */
START_TEST(test_attr_escape)
{
	char	 want[256];

	html_open(&h, EL_SPAN, AT_TITLE, escapes[_i].in, AT__MAX);
	snprintf(want, sizeof(want), "<span title=\"%s\">", escapes[_i].out);
	ck_assert_str_eq(written(), want);
	html_close(&h);
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

START_TEST(test_text_null)
{
	html_text(&h, NULL);
	ck_assert_uint_eq(out.len, 0);
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

static const struct {
	const char	*in;
	const char	*out;
} url_escapes[] = {
	{ "", "" },
	{ "abcXYZ019", "abcXYZ019" },
	{ "-._~/", "-._~/" },
	{ "a b", "a%20b" },
	{ "a&b=c", "a%26b%3Dc" },
	{ "a+b", "a%2Bb" },
	{ "100%", "100%25" },
	{ "#?", "%23%3F" },
	{ "\"<>'", "%22%3C%3E%27" },
	{ "caf\xc3\xa9", "caf%C3%A9" },
	{ "\n\x01\x7f\xff", "%0A%01%7F%FF" },
	{ "/items?x=1", "/items%3Fx%3D1" },
};
#define NURL_ESCAPES	(sizeof(url_escapes) / sizeof(url_escapes[0]))

START_TEST(test_url_escape_query)
{
	url_escape_query(&out, url_escapes[_i].in);
	ck_assert_str_eq(written(), url_escapes[_i].out);
}
END_TEST

/* --- URL checks ---------------------------------------------------------- */

static const struct {
	const char	*url;
	int		 safe;
} urls[] = {
	{ "/x", 1 },
	{ "x", 1 },
	{ "", 1 },
	{ "#a", 1 },
	{ "?q", 1 },
	{ "?q=a:b", 1 },
	{ "./x:y", 1 },
	{ "x/y:z", 1 },
	{ "/path/with:colon", 1 },
	{ "https://a", 1 },
	{ "http://a/b?c#d", 1 },
	{ "HTTPS://A", 1 },
	{ "mailto:a@b", 1 },
	{ "MailTo:a@b", 1 },
	{ "javascript:alert(1)", 0 },
	{ "JaVaScRiPt:x", 0 },
	{ "javascript:", 0 },
	{ "data:text/html,x", 0 },
	{ "DATA:text/html;base64,PHNjcmlwdD4=", 0 },
	{ "vbscript:x", 0 },
	{ "file:///etc/passwd", 0 },
	{ "ftp://a", 0 },
	{ "blob:https://a/x", 0 },
	{ "httpx://a", 0 },
	{ "http", 1 },
	{ " javascript:x", 0 },
	{ "\x01javascript:x", 0 },
	{ "\x0ejavascript:x", 0 },
	{ "\x1fjavascript:x", 0 },
	{ "\x20\x01javascript:x", 0 },
	{ "java\tscript:x", 0 },
	{ "java\nscript:x", 0 },
	{ "java\rscript:x", 0 },
	{ "javascript\t:x", 0 },
	{ "java\x7fscript:x", 0 },
	{ "/\x01", 0 },
	{ "https://a\n", 0 },
};
#define NURLS	(sizeof(urls) / sizeof(urls[0]))

START_TEST(test_url_safe)
{
	ck_assert_msg(html_url_safe(urls[_i].url) == urls[_i].safe,
	    "url %d: expected %s", _i, urls[_i].safe ? "safe" : "unsafe");
}
END_TEST

/* Each URL attribute writes unsafe values as "#" and flags the error. */
static const enum html_attr url_attrs[] = { AT_HREF, AT_ACTION, AT_SRC };
static const char *const url_attr_names[] = { "href", "action", "src" };

START_TEST(test_unsafe_url_attr)
{
	char	 want[64];

	html_open(&h, EL_A, url_attrs[_i], "javascript:alert(1)", AT_CLASS, "c",
	    AT__MAX);
	snprintf(want, sizeof(want), "<a %s=\"#\" class=\"c\">",
	    url_attr_names[_i]);
	ck_assert_str_eq(written(), want);
	ck_assert_int_eq(h.error, 1);
	html_close(&h);
	ck_assert_int_eq(html_finish(&h), -1);
}
END_TEST

START_TEST(test_safe_url_attr)
{
	html_open(&h, EL_A, AT_HREF, "/items?a=1&b=\"2\"", AT__MAX);
	html_text(&h, "Items");
	html_close(&h);
	ck_assert_str_eq(written(),
	    "<a href=\"/items?a=1&amp;b=&quot;2&quot;\">Items</a>");
	ck_assert_int_eq(h.error, 0);
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

/* --- attributes ---------------------------------------------------------- */

START_TEST(test_null_attr_omitted)
{
	html_open(&h, EL_DIV, AT_ID, NULL, AT_CLASS, "c", AT_TITLE, NULL,
	    AT_HREF, NULL, AT__MAX);
	ck_assert_str_eq(written(), "<div class=\"c\">");
	html_close(&h);
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

START_TEST(test_empty_attr_kept)
{
	html_open(&h, EL_INPUT, AT_VALUE, "", AT__MAX);
	ck_assert_str_eq(written(), "<input value=\"\">");
}
END_TEST

START_TEST(test_bool_attrs)
{
	html_open(&h, EL_INPUT, AT_TYPE, "checkbox", AT_CHECKED, "",
	    AT_REQUIRED, "yes", AT_DISABLED, NULL, AT_AUTOFOCUS, "false",
	    AT_HIDDEN, "\"><script>", AT__MAX);
	ck_assert_str_eq(written(),
	    "<input type=\"checkbox\" checked required autofocus hidden>");
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

START_TEST(test_attr_order_and_names)
{
	html_open(&h, EL_INPUT, AT_ID, "f-x", AT_NAME, "x",
	    AT_ARIA_DESCRIBEDBY, "f-x-error", AT_ARIA_INVALID, "true",
	    AT_MAXLENGTH, "5", AT_AUTOCOMPLETE, "off", AT__MAX);
	ck_assert_str_eq(written(), "<input id=\"f-x\" name=\"x\" "
	    "aria-describedby=\"f-x-error\" aria-invalid=\"true\" "
	    "maxlength=\"5\" autocomplete=\"off\">");
}
END_TEST

START_TEST(test_bad_attr)
{
	html_open(&h, EL_DIV, (enum html_attr)(AT__MAX + 1), "x", AT__MAX);
	ck_assert_int_eq(h.error, 1);
	ck_assert_ptr_null(strstr(written(), "x"));
	html_close(&h);
	ck_assert_int_eq(html_finish(&h), -1);
}
END_TEST

/* --- structure ----------------------------------------------------------- */

static const enum html_elem void_elems[] = { EL_INPUT, EL_META, EL_LINK };
static const char *const void_names[] = { "<input>", "<meta>", "<link>" };

START_TEST(test_void_not_pushed)
{
	html_open(&h, EL_DIV, AT__MAX);
	html_open(&h, void_elems[_i], AT__MAX);
	ck_assert_uint_eq(html_depth(&h), 1);
	html_close(&h);
	ck_assert_uint_eq(html_depth(&h), 0);
	ck_assert_int_eq(html_finish(&h), 0);
	ck_assert_ptr_nonnull(strstr(written(), void_names[_i]));
	ck_assert_ptr_nonnull(strstr(written(), "</div>"));
	ck_assert_int_eq(strncmp(written() + out.len - 6, "</div>", 6), 0);
}
END_TEST

START_TEST(test_nesting)
{
	html_doctype(&h);
	html_open(&h, EL_HTML, AT_LANG, "en", AT__MAX);
	html_open(&h, EL_BODY, AT__MAX);
	html_open(&h, EL_UL, AT__MAX);
	ck_assert_uint_eq(html_depth(&h), 3);
	html_open(&h, EL_LI, AT__MAX);
	html_text(&h, "one");
	html_close(&h);
	html_elem(&h, EL_LI, "two & three");
	ck_assert_uint_eq(html_depth(&h), 3);
	html_close_all(&h);
	ck_assert_uint_eq(html_depth(&h), 0);
	ck_assert_str_eq(written(), "<!DOCTYPE html>\n<html lang=\"en\"><body>"
	    "<ul><li>one</li><li>two &amp; three</li></ul></body></html>");
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

START_TEST(test_close_to)
{
	size_t	 mark;

	html_open(&h, EL_MAIN, AT__MAX);
	mark = html_depth(&h);
	html_open(&h, EL_TABLE, AT__MAX);
	html_open(&h, EL_TR, AT__MAX);
	html_open(&h, EL_TD, AT__MAX);
	html_close_to(&h, mark);
	ck_assert_uint_eq(html_depth(&h), 1);
	ck_assert_str_eq(written(), "<main><table><tr><td></td></tr></table>");
	/* Closing to a depth above the current one does nothing. */
	html_close_to(&h, 5);
	ck_assert_uint_eq(html_depth(&h), 1);
	html_close_all(&h);
	ck_assert_str_eq(written(),
	    "<main><table><tr><td></td></tr></table></main>");
	html_close_all(&h);
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

/* A chart as ui_dashboard.c draws it: SVG elements end, values escape. */
START_TEST(test_svg)
{
	html_open(&h, EL_SVG, AT_CLASS, "chart", AT_VIEWBOX, "0 0 264 72",
	    AT_ROLE, "group", AT_ARIA_LABELLEDBY, "t1", AT__MAX);
	html_open(&h, EL_TITLE, AT_ID, "t1", AT__MAX);
	html_text(&h, "A1a by month: <July> \"3\" & more");
	html_close(&h);
	html_open(&h, EL_A, AT_HREF, "/engagements?kpi=1&from=2024-07-01",
	    AT_ARIA_LABEL, "July 2024: 3", AT__MAX);
	html_open(&h, EL_RECT, AT_X, "3", AT_Y, "40", AT_WIDTH, "16",
	    AT_HEIGHT, "16", AT__MAX);
	html_close(&h);
	html_open(&h, EL_SVG_TEXT, AT_X, "11", AT_TEXT_ANCHOR, "middle",
	    AT__MAX);
	html_text(&h, "3");
	html_close(&h);
	html_close(&h);
	html_open(&h, EL_LINE, AT_X1, "0", AT_X2, "264", AT_Y1, "56", AT_Y2,
	    "56", AT_ARIA_HIDDEN, "true", AT__MAX);
	html_close(&h);
	html_open(&h, EL_G, AT__MAX);
	html_close(&h);
	html_close(&h);
	ck_assert_int_eq(html_finish(&h), 0);
	ck_assert_str_eq(written(), "<svg class=\"chart\" viewBox=\"0 0 264 72\" "
	    "role=\"group\" aria-labelledby=\"t1\"><title id=\"t1\">A1a by "
	    "month: &lt;July&gt; &quot;3&quot; &amp; more</title>"
	    "<a href=\"/engagements?kpi=1&amp;from=2024-07-01\" "
	    "aria-label=\"July 2024: 3\"><rect x=\"3\" y=\"40\" width=\"16\" "
	    "height=\"16\"></rect><text x=\"11\" text-anchor=\"middle\">3</text>"
	    "</a><line x1=\"0\" x2=\"264\" y1=\"56\" y2=\"56\" "
	    "aria-hidden=\"true\"></line><g></g></svg>");
}
END_TEST

START_TEST(test_elem)
{
	html_elem(&h, EL_H1, "T&C");
	ck_assert_str_eq(written(), "<h1>T&amp;C</h1>");
	ck_assert_uint_eq(html_depth(&h), 0);
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

START_TEST(test_finish_unbalanced)
{
	html_open(&h, EL_DIV, AT__MAX);
	html_open(&h, EL_P, AT__MAX);
	html_close(&h);
	ck_assert_int_eq(html_finish(&h), -1);
}
END_TEST

START_TEST(test_finish_extra_close)
{
	html_open(&h, EL_DIV, AT__MAX);
	html_close(&h);
	html_close(&h);
	ck_assert_str_eq(written(), "<div></div>");
	ck_assert_int_eq(html_finish(&h), -1);
}
END_TEST

START_TEST(test_finish_balanced)
{
	ck_assert_int_eq(html_finish(&h), 0);
	html_open(&h, EL_P, AT__MAX);
	html_close(&h);
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

START_TEST(test_finish_buffer_failed)
{
	html_elem(&h, EL_P, "x");
	out.failed = 1;
	ck_assert_int_eq(html_finish(&h), -1);
}
END_TEST

START_TEST(test_too_deep)
{
	size_t	 i;

	for (i = 0; i < HTML_MAX_DEPTH; i++)
		html_open(&h, EL_DIV, AT__MAX);
	ck_assert_int_eq(h.error, 0);
	ck_assert_uint_eq(html_depth(&h), HTML_MAX_DEPTH);
	html_open(&h, EL_DIV, AT__MAX);
	ck_assert_int_eq(h.error, 1);
	ck_assert_uint_eq(html_depth(&h), HTML_MAX_DEPTH);
	html_close_all(&h);
	ck_assert_int_eq(html_finish(&h), -1);
}
END_TEST

START_TEST(test_bad_elem)
{
	html_open(&h, EL__MAX, AT__MAX);
	ck_assert_int_eq(h.error, 1);
	ck_assert_uint_eq(html_depth(&h), 0);
	ck_assert_uint_eq(out.len, 0);
	ck_assert_int_eq(html_finish(&h), -1);
}
END_TEST

/* --- html_textf ---------------------------------------------------------- */

START_TEST(test_textf_escapes)
{
	html_textf(&h, "%s & %d%%", "<b>\"x\"</b>", 42);
	ck_assert_str_eq(written(),
	    "&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; 42%");
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

START_TEST(test_textf_empty)
{
	html_textf(&h, "%s", "");
	ck_assert_uint_eq(out.len, 0);
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

START_TEST(test_textf_long)
{
	char	 arg[5001];
	size_t	 i;

	/* 1000 copies of "<ab>" then 1000 'z': 5000 bytes before escaping. */
	for (i = 0; i < 4000; i += 4)
		memcpy(arg + i, "<ab>", 4);
	memset(arg + 4000, 'z', 1000);
	arg[5000] = '\0';
	html_textf(&h, "[%s]", arg);
	ck_assert_int_eq(html_finish(&h), 0);
	ck_assert_uint_eq(out.len, 1 + 1000 * 10 + 1000 + 1);
	ck_assert_int_eq(out.data[0], '[');
	ck_assert_int_eq(strncmp(out.data + 1, "&lt;ab&gt;&lt;ab&gt;", 20), 0);
	ck_assert_int_eq(strncmp(out.data + 1 + 9990, "&lt;ab&gt;zzz", 13), 0);
	ck_assert_int_eq(out.data[out.len - 1], ']');
	ck_assert_int_eq(out.data[out.len - 2], 'z');
}
END_TEST

START_TEST(test_textf_just_over_256)
{
	char	 arg[301];

	memset(arg, 'q', 300);
	arg[300] = '\0';
	html_textf(&h, "%s&", arg);
	ck_assert_uint_eq(out.len, 305);
	ck_assert_int_eq(strncmp(out.data + 300, "&amp;", 5), 0);
	ck_assert_uint_eq(strspn(out.data, "q"), 300);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("html");
	TCase	*tc;

	tc = tcase_create("escape");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_escape, 0, (int)NESCAPES);
	tcase_add_loop_test(tc, test_text, 0, (int)NESCAPES);
	tcase_add_loop_test(tc, test_attr_escape, 0, (int)NESCAPES);
	tcase_add_test(tc, test_text_null);
	tcase_add_loop_test(tc, test_url_escape_query, 0, (int)NURL_ESCAPES);
	suite_add_tcase(s, tc);

	tc = tcase_create("urls");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_url_safe, 0, (int)NURLS);
	tcase_add_loop_test(tc, test_unsafe_url_attr, 0,
	    (int)(sizeof(url_attrs) / sizeof(url_attrs[0])));
	tcase_add_test(tc, test_safe_url_attr);
	suite_add_tcase(s, tc);

	tc = tcase_create("attributes");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_null_attr_omitted);
	tcase_add_test(tc, test_empty_attr_kept);
	tcase_add_test(tc, test_bool_attrs);
	tcase_add_test(tc, test_attr_order_and_names);
	tcase_add_test(tc, test_bad_attr);
	suite_add_tcase(s, tc);

	tc = tcase_create("structure");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_void_not_pushed, 0,
	    (int)(sizeof(void_elems) / sizeof(void_elems[0])));
	tcase_add_test(tc, test_nesting);
	tcase_add_test(tc, test_close_to);
	tcase_add_test(tc, test_elem);
	tcase_add_test(tc, test_svg);
	tcase_add_test(tc, test_finish_unbalanced);
	tcase_add_test(tc, test_finish_extra_close);
	tcase_add_test(tc, test_finish_balanced);
	tcase_add_test(tc, test_finish_buffer_failed);
	tcase_add_test(tc, test_too_deep);
	tcase_add_test(tc, test_bad_elem);
	suite_add_tcase(s, tc);

	tc = tcase_create("textf");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_textf_escapes);
	tcase_add_test(tc, test_textf_empty);
	tcase_add_test(tc, test_textf_long);
	tcase_add_test(tc, test_textf_just_over_256);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
