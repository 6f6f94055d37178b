#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "buf.h"
#include "response.h"
#include "testhelp.h"

static struct arena	 arena;
static struct response	 resp;
static struct buf	 out;

static void
setup(void)
{
	arena_init(&arena);
	resp_init(&resp, &arena);
	buf_init(&out);
}

static void
teardown(void)
{
	buf_free(&out);
	resp_free(&resp);
	arena_free(&arena);
}

/* The value of the only header called name, or NULL; fails on duplicates. */
static const char *
header(const struct response *r, const char *name)
{
	const char	*v = NULL;
	size_t		 i;

	for (i = 0; i < r->nheaders; i++)
		if (strcmp(r->headers[i].name, name) == 0) {
			ck_assert_msg(v == NULL, "%s set twice", name);
			v = r->headers[i].value;
		}
	return v;
}

static int
put_buf(void *ctx, const char *p, size_t n)
{
	buf_append(ctx, p, n);
	return ((struct buf *)ctx)->failed ? -1 : 0;
}

static int	 put_calls, put_fail_at;

static int
put_failing(void *ctx, const char *p, size_t n)
{
	(void)ctx;
	(void)p;
	(void)n;
	return put_calls++ == put_fail_at ? -1 : 0;
}

START_TEST(test_init)
{
	ck_assert_int_eq(resp.status, 200);
	ck_assert_ptr_eq(resp.arena, &arena);
	ck_assert_uint_eq(resp.nheaders, 1);
	ck_assert_str_eq(header(&resp, "Content-Type"),
	    "text/html; charset=utf-8");
	ck_assert_uint_eq(resp.body.len, 0);
	ck_assert_int_eq(resp.head_only, 0);
}
END_TEST

static const struct {
	const char	*name;
	const char	*value;
	int		 ok;
} headers[] = {
	{ "X-Test", "plain value", 1 },
	{ "X-Test", "", 1 },
	{ "X-Test", "tab\tinside", 1 },
	{ "X-Test", "caf\xc3\xa9", 1 },
	{ "x!#$%&'*+-.^_`|~0", "v", 1 },
	{ "X-Test", "a\rb", 0 },
	{ "X-Test", "a\nb", 0 },
	{ "X-Test", "a\r\nSet-Cookie: evil=1", 0 },
	{ "X-Test", "trailing\n", 0 },
	{ "X-Test", "\x01", 0 },
	{ "X-Test", "bell\x07", 0 },
	{ "X-Test", "esc\x1b[0m", 0 },
	{ "X-Test", "del\x7f", 0 },
	{ "X-Test", "\x1f", 0 },
	{ "", "v", 0 },
	{ "X Test", "v", 0 },
	{ "X-Test:", "v", 0 },
	{ "X:Test", "v", 0 },
	{ "X-Test\r\nEvil", "v", 0 },
	{ "X(Test)", "v", 0 },
	{ "X/Test", "v", 0 },
	{ "X\"Test", "v", 0 },
	{ "X=Test", "v", 0 },
	{ "X;Test", "v", 0 },
	{ "X@Test", "v", 0 },
	{ "X\tTest", "v", 0 },
	{ "Caf\xc3\xa9", "v", 0 },
};
#define NHEADERS	(sizeof(headers) / sizeof(headers[0]))

START_TEST(test_header_table)
{
	size_t	 before = resp.nheaders;
	int	 rc = resp_header(&resp, headers[_i].name, headers[_i].value);

	if (headers[_i].ok) {
		ck_assert_int_eq(rc, 0);
		ck_assert_uint_eq(resp.nheaders, before + 1);
		ck_assert_str_eq(resp.headers[before].name, headers[_i].name);
		ck_assert_str_eq(resp.headers[before].value, headers[_i].value);
	} else {
		ck_assert_int_eq(rc, -1);
		ck_assert_uint_eq(resp.nheaders, before);
	}
	/* resp_header_set applies the same rules. */
	rc = resp_header_set(&resp, headers[_i].name, headers[_i].value);
	ck_assert_int_eq(rc, headers[_i].ok ? 0 : -1);
}
END_TEST

START_TEST(test_header_null_and_full)
{
	size_t	 i;

	ck_assert_int_eq(resp_header(&resp, NULL, "v"), -1);
	ck_assert_int_eq(resp_header(&resp, "X-A", NULL), -1);
	ck_assert_int_eq(resp_header_set(&resp, NULL, "v"), -1);
	ck_assert_int_eq(resp_header_set(&resp, "X-A", NULL), -1);
	ck_assert_uint_eq(resp.nheaders, 1);
	for (i = resp.nheaders; i < RESP_MAX_HEADERS; i++)
		ck_assert_int_eq(resp_header(&resp, "X-Fill", "v"), 0);
	ck_assert_uint_eq(resp.nheaders, RESP_MAX_HEADERS);
	ck_assert_int_eq(resp_header(&resp, "X-One-Too-Many", "v"), -1);
	ck_assert_int_eq(resp_header_set(&resp, "X-One-Too-Many", "v"), -1);
	ck_assert_uint_eq(resp.nheaders, RESP_MAX_HEADERS);
	/* Replacing still works when full. */
	ck_assert_int_eq(resp_header_set(&resp, "Content-Type", "text/plain"), 0);
	ck_assert_str_eq(resp.headers[0].value, "text/plain");
}
END_TEST

START_TEST(test_header_set_replaces)
{
	ck_assert_int_eq(resp_header_set(&resp, "Content-Type",
	    "text/plain; charset=utf-8"), 0);
	ck_assert_uint_eq(resp.nheaders, 1);
	ck_assert_str_eq(header(&resp, "Content-Type"),
	    "text/plain; charset=utf-8");
	/* Names compare case-insensitively. */
	ck_assert_int_eq(resp_header_set(&resp, "content-type", "text/csv"), 0);
	ck_assert_uint_eq(resp.nheaders, 1);
	ck_assert_str_eq(resp.headers[0].value, "text/csv");
	/* A new name is added. */
	ck_assert_int_eq(resp_header_set(&resp, "Retry-After", "30"), 0);
	ck_assert_uint_eq(resp.nheaders, 2);
	ck_assert_str_eq(header(&resp, "Retry-After"), "30");
	/* A refused value leaves the old one. */
	ck_assert_int_eq(resp_header_set(&resp, "Retry-After", "1\r\n2"), -1);
	ck_assert_str_eq(header(&resp, "Retry-After"), "30");
	ck_assert_uint_eq(resp.nheaders, 2);
}
END_TEST

START_TEST(test_cookie_session)
{
	const char	*v;

	ck_assert_int_eq(resp_cookie(&resp, "sid", "abc123", -1, 0), 0);
	v = header(&resp, "Set-Cookie");
	ck_assert_ptr_nonnull(v);
	ck_assert_str_eq(v, "sid=abc123; Path=/; HttpOnly; SameSite=Lax");
	ck_assert_ptr_null(strstr(v, "Secure"));
	ck_assert_ptr_null(strstr(v, "Max-Age"));
}
END_TEST

START_TEST(test_cookie_flags)
{
	const char	*v;

	ck_assert_int_eq(resp_cookie(&resp, "sid", "tok", 3600, 1), 0);
	v = header(&resp, "Set-Cookie");
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(strncmp(v, "sid=tok; ", 9), 0);
	ck_assert_ptr_nonnull(strstr(v, "; HttpOnly"));
	ck_assert_ptr_nonnull(strstr(v, "; SameSite=Lax"));
	ck_assert_ptr_nonnull(strstr(v, "; Path=/"));
	ck_assert_ptr_nonnull(strstr(v, "; Secure"));
	ck_assert_ptr_nonnull(strstr(v, "; Max-Age=3600"));
}
END_TEST

START_TEST(test_cookie_delete)
{
	const char	*v;

	ck_assert_int_eq(resp_cookie(&resp, "sid", "", 0, 0), 0);
	v = header(&resp, "Set-Cookie");
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(strncmp(v, "sid=; ", 6), 0);
	ck_assert_ptr_nonnull(strstr(v, "; Max-Age=0"));
	ck_assert_ptr_null(strstr(v, "Secure"));
}
END_TEST

/* Two cookies are two Set-Cookie headers. */
START_TEST(test_cookie_two)
{
	ck_assert_int_eq(resp_cookie(&resp, "a", "1", -1, 0), 0);
	ck_assert_int_eq(resp_cookie(&resp, "b", "2", -1, 0), 0);
	ck_assert_uint_eq(resp.nheaders, 3);
	ck_assert_str_eq(resp.headers[1].name, "Set-Cookie");
	ck_assert_str_eq(resp.headers[2].name, "Set-Cookie");
	ck_assert_int_eq(strncmp(resp.headers[1].value, "a=1;", 4), 0);
	ck_assert_int_eq(strncmp(resp.headers[2].value, "b=2;", 4), 0);
}
END_TEST

static const struct {
	const char	*name;
	const char	*value;
} bad_cookies[] = {
	{ "sid", "a;b" },
	{ "sid", "a b" },
	{ "sid", " a" },
	{ "sid", "a,b" },
	{ "sid", "a\"b" },
	{ "sid", "a\\b" },
	{ "sid", "a\r\nSet-Cookie: x=1" },
	{ "sid", "a\nb" },
	{ "sid", "a\x01" },
	{ "", "v" },
	{ "s id", "v" },
	{ "s=id", "v" },
	{ "s;id", "v" },
	{ "s\r\nid", "v" },
};
#define NBAD_COOKIES	(sizeof(bad_cookies) / sizeof(bad_cookies[0]))

START_TEST(test_cookie_refused)
{
	ck_assert_int_eq(resp_cookie(&resp, bad_cookies[_i].name,
	    bad_cookies[_i].value, 60, 1), -1);
	ck_assert_ptr_null(header(&resp, "Set-Cookie"));
	ck_assert_uint_eq(resp.nheaders, 1);
}
END_TEST

static const struct {
	const char	*to;
	const char	*location;
} redirects[] = {
	{ "/", "/" },
	{ "/items", "/items" },
	{ "/items?x=1&y=%2F", "/items?x=1&y=%2F" },
	{ "/a//b", "/a//b" },
	{ "//evil.example", "/" },
	{ "//evil.example/path", "/" },
	{ "/\\evil.example", "/" },
	{ "/\\/evil.example", "/" },
	{ "http://x", "/" },
	{ "https://evil.example/", "/" },
	{ "javascript:alert(1)", "/" },
	{ "evil.example", "/" },
	{ "", "/" },
	{ NULL, "/" },
	{ "/\t/evil.example", "/" },
	{ "/\r\nSet-Cookie: x=1", "/" },
	{ "/ok\n", "/" },
	{ "/ctl\x01", "/" },
	{ " /x", "/" },
};
#define NREDIRECTS	(sizeof(redirects) / sizeof(redirects[0]))

START_TEST(test_redirect)
{
	resp_redirect(&resp, redirects[_i].to);
	ck_assert_int_eq(resp.status, 303);
	ck_assert_ptr_nonnull(header(&resp, "Location"));
	ck_assert_str_eq(header(&resp, "Location"), redirects[_i].location);
}
END_TEST

/* A second redirect replaces the first Location. */
START_TEST(test_redirect_twice)
{
	resp_redirect(&resp, "/first");
	resp_redirect(&resp, "/second");
	ck_assert_str_eq(header(&resp, "Location"), "/second");
	resp_redirect(&resp, "//evil");
	ck_assert_str_eq(header(&resp, "Location"), "/");
	ck_assert_uint_eq(resp.nheaders, 2);
}
END_TEST

static const struct {
	const char	*s;
	int		 local;
} local_paths[] = {
	{ "/", 1 },
	{ "/x", 1 },
	{ "/x/y?z=1#f", 1 },
	{ "/x//y", 1 },
	{ "/x\\y", 1 },
	{ "/caf\xc3\xa9", 1 },
	{ "//x", 0 },
	{ "///x", 0 },
	{ "/\\x", 0 },
	{ "\\\\x", 0 },
	{ "x", 0 },
	{ "./x", 0 },
	{ "", 0 },
	{ NULL, 0 },
	{ "http://x", 0 },
	{ "https://x/", 0 },
	{ "javascript:alert(1)", 0 },
	{ " /x", 0 },
	{ "/\t/x", 0 },
	{ "/\n/x", 0 },
	{ "/\r/x", 0 },
	{ "/x\r\nLocation: //evil", 0 },
};
#define NLOCAL_PATHS	(sizeof(local_paths) / sizeof(local_paths[0]))

START_TEST(test_local_path)
{
	ck_assert_msg(resp_local_path(local_paths[_i].s) == local_paths[_i].local,
	    "\"%s\": expected %d", local_paths[_i].s ? local_paths[_i].s : "(null)",
	    local_paths[_i].local);
}
END_TEST

static const struct {
	int		 status;
	const char	*reason;
} reasons[] = {
	{ 200, "OK" }, { 303, "See Other" }, { 400, "Bad Request" },
	{ 403, "Forbidden" }, { 404, "Not Found" },
	{ 405, "Method Not Allowed" }, { 413, "Content Too Large" },
	{ 415, "Unsupported Media Type" }, { 500, "Internal Server Error" },
	{ 503, "Service Unavailable" }, { 507, "Insufficient Storage" },
	{ 299, "Unknown" },
};
#define NREASONS	(sizeof(reasons) / sizeof(reasons[0]))

START_TEST(test_reason)
{
	ck_assert_str_eq(resp_reason(reasons[_i].status), reasons[_i].reason);
}
END_TEST

/* The header block of the written response, split from the body. */
static const char *
split(char **headers_end)
{
	char	*end;

	ck_assert_int_eq(out.failed, 0);
	ck_assert_ptr_nonnull(out.data);
	end = strstr(out.data, "\r\n\r\n");
	ck_assert_ptr_nonnull(end);
	*headers_end = end + 2;
	return end + 4;
}

/* "Name: value\r\n" appears exactly once in the header block. */
static void
assert_line(const char *hdrs, const char *line)
{
	const char	*p = strstr(hdrs, line);

	ck_assert_msg(p != NULL, "missing: %s", line);
	ck_assert_msg(p == hdrs || p[-1] == '\n', "not at line start: %s", line);
	ck_assert_msg(strstr(p + 1, line) == NULL, "repeated: %s", line);
}

START_TEST(test_write)
{
	char		*hend, *csp, *eol;
	const char	*body;
	size_t		 i;

	resp.status = 404;
	buf_puts(&resp.body, "<p>not here</p>");
	ck_assert_int_eq(resp_header(&resp, "X-Extra", "1"), 0);
	ck_assert_int_eq(resp_write(&resp, put_buf, &out), 0);

	ck_assert_int_eq(strncmp(out.data, "Status: 404 Not Found\r\n", 23), 0);
	body = split(&hend);
	ck_assert_str_eq(body, "<p>not here</p>");
	*hend = '\0';
	/* Every line of the header block ends in CRLF. */
	for (i = 0; out.data[i] != '\0'; i++)
		if (out.data[i] == '\n')
			ck_assert_msg(i > 0 && out.data[i - 1] == '\r',
			    "bare LF at %zu", i);
	assert_line(out.data, "Content-Type: text/html; charset=utf-8\r\n");
	assert_line(out.data, "X-Content-Type-Options: nosniff\r\n");
	assert_line(out.data, "X-Frame-Options: DENY\r\n");
	assert_line(out.data, "Referrer-Policy: same-origin\r\n");
	assert_line(out.data, "Cache-Control: no-store\r\n");
	assert_line(out.data, "X-Extra: 1\r\n");
	assert_line(out.data, "Content-Security-Policy: ");
	csp = strstr(out.data, "Content-Security-Policy: ");
	eol = strstr(csp, "\r\n");
	*eol = '\0';
	ck_assert_ptr_null(strstr(csp, "unsafe-inline"));
	ck_assert_ptr_null(strstr(csp, "unsafe-eval"));
	ck_assert_ptr_nonnull(strstr(csp, "frame-ancestors 'none'"));
	ck_assert_ptr_nonnull(strstr(csp, "default-src 'self'"));
	ck_assert_ptr_nonnull(strstr(csp, "object-src 'none'"));
}
END_TEST

START_TEST(test_write_redirect)
{
	char	*hend;

	resp_cookie(&resp, "sid", "t", -1, 1);
	resp_redirect(&resp, "/home");
	ck_assert_int_eq(resp_write(&resp, put_buf, &out), 0);
	ck_assert_int_eq(strncmp(out.data, "Status: 303 See Other\r\n", 23), 0);
	ck_assert_str_eq(split(&hend), "");
	*hend = '\0';
	assert_line(out.data, "Location: /home\r\n");
	assert_line(out.data,
	    "Set-Cookie: sid=t; Path=/; HttpOnly; SameSite=Lax; Secure\r\n");
}
END_TEST

START_TEST(test_write_head)
{
	char	*hend;

	resp.head_only = 1;
	buf_puts(&resp.body, "<p>body</p>");
	ck_assert_int_eq(resp_write(&resp, put_buf, &out), 0);
	ck_assert_int_eq(strncmp(out.data, "Status: 200 OK\r\n", 16), 0);
	ck_assert_str_eq(split(&hend), "");
	ck_assert_ptr_null(strstr(out.data, "body"));
	ck_assert_uint_eq(out.len, (size_t)(hend + 2 - out.data));
	ck_assert_ptr_nonnull(strstr(out.data, "X-Content-Type-Options: nosniff"));
}
END_TEST

START_TEST(test_write_big_body)
{
	const size_t	 n = 200000;
	char		*hend;
	const char	*body;
	size_t		 i;

	for (i = 0; i < n; i++)
		buf_putc(&resp.body, (char)('a' + i % 26));
	ck_assert_int_eq(resp_write(&resp, put_buf, &out), 0);
	body = split(&hend);
	ck_assert_uint_eq(strlen(body), n);
	ck_assert_int_eq(memcmp(body, resp.body.data, n), 0);
}
END_TEST

/* A failing writer at any point makes resp_write fail. */
START_TEST(test_write_failure)
{
	int	 total;

	buf_puts(&resp.body, "body");
	put_calls = 0;
	put_fail_at = -1;
	ck_assert_int_eq(resp_write(&resp, put_failing, NULL), 0);
	total = put_calls;
	ck_assert_int_gt(total, 5);
	for (put_fail_at = 0; put_fail_at < total; put_fail_at++) {
		put_calls = 0;
		ck_assert_msg(resp_write(&resp, put_failing, NULL) == -1,
		    "failure at call %d ignored", put_fail_at);
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("response");
	TCase	*tc;

	tc = tcase_create("headers");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_init);
	tcase_add_loop_test(tc, test_header_table, 0, (int)NHEADERS);
	tcase_add_test(tc, test_header_null_and_full);
	tcase_add_test(tc, test_header_set_replaces);
	suite_add_tcase(s, tc);

	tc = tcase_create("cookies");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_cookie_session);
	tcase_add_test(tc, test_cookie_flags);
	tcase_add_test(tc, test_cookie_delete);
	tcase_add_test(tc, test_cookie_two);
	tcase_add_loop_test(tc, test_cookie_refused, 0, (int)NBAD_COOKIES);
	suite_add_tcase(s, tc);

	tc = tcase_create("redirect");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_redirect, 0, (int)NREDIRECTS);
	tcase_add_test(tc, test_redirect_twice);
	tcase_add_loop_test(tc, test_local_path, 0, (int)NLOCAL_PATHS);
	suite_add_tcase(s, tc);

	tc = tcase_create("write");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_reason, 0, (int)NREASONS);
	tcase_add_test(tc, test_write);
	tcase_add_test(tc, test_write_redirect);
	tcase_add_test(tc, test_write_head);
	tcase_add_test(tc, test_write_big_body);
	tcase_add_test(tc, test_write_failure);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
