#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "request.h"
#include "testhelp.h"

static struct arena	 arena;

static void
setup(void)
{
	arena_init(&arena);
}

static void
teardown(void)
{
	arena_free(&arena);
}

static enum req_err
parse(const char *s, struct params *p)
{
	return req_parse_urlencoded(&arena, s, strlen(s), p);
}

/* --- req_parse_urlencoded ------------------------------------------------ */

static const struct {
	const char	*in;
	const char	*name;
	const char	*value;
} decodes[] = {
	{ "a=b", "a", "b" },
	{ "a=%41%42%43", "a", "ABC" },
	{ "a=%4a%4A%6b%6B", "a", "JJkk" },
	{ "a=%e2%82%AC", "a", "\xe2\x82\xac" },
	{ "a=%C3%a9", "a", "\xc3\xa9" },
	{ "a=x+y++z", "a", "x y  z" },
	{ "a=%2B", "a", "+" },
	{ "a=%20", "a", " " },
	{ "a=%26b%3Dc", "a", "&b=c" },
	{ "a=b=c", "a", "b=c" },
	{ "a=%zz", "a", "%zz" },
	{ "a=%G1", "a", "%G1" },
	{ "a=%1G", "a", "%1G" },
	{ "a=%4", "a", "%4" },
	{ "a=%", "a", "%" },
	{ "a=100%", "a", "100%" },
	{ "a=%%41", "a", "%A" },
	{ "a=%4%41", "a", "%4A" },
	{ "a=x%", "a", "x%" },
	{ "a%20b=c", "a b", "c" },
	{ "a+b=c", "a b", "c" },
	{ "%61=1", "a", "1" },
	{ "caf\xc3\xa9=th\xc3\xa9", "caf\xc3\xa9", "th\xc3\xa9" },
	{ "a", "a", "" },
	{ "a=", "a", "" },
	{ "a=%0A%09", "a", "\n\t" },
};
#define NDECODES	(sizeof(decodes) / sizeof(decodes[0]))

START_TEST(test_urlencoded_decode)
{
	struct params	 p;

	ck_assert_int_eq(parse(decodes[_i].in, &p), REQ_OK);
	ck_assert_uint_eq(p.n, 1);
	ck_assert_str_eq(p.list[0].name, decodes[_i].name);
	ck_assert_str_eq(p.list[0].value, decodes[_i].value);
	ck_assert_str_eq(params_get(&p, decodes[_i].name), decodes[_i].value);
}
END_TEST

START_TEST(test_urlencoded_repeated)
{
	struct params	 p;

	ck_assert_int_eq(parse("k=1&x=9&k=2&k=3", &p), REQ_OK);
	ck_assert_uint_eq(p.n, 4);
	ck_assert_uint_eq(params_count(&p, "k"), 3);
	ck_assert_uint_eq(params_count(&p, "x"), 1);
	ck_assert_uint_eq(params_count(&p, "nope"), 0);
	ck_assert_str_eq(params_nth(&p, "k", 0), "1");
	ck_assert_str_eq(params_nth(&p, "k", 1), "2");
	ck_assert_str_eq(params_nth(&p, "k", 2), "3");
	ck_assert_ptr_null(params_nth(&p, "k", 3));
	ck_assert_str_eq(params_nth(&p, "x", 0), "9");
	ck_assert_ptr_null(params_nth(&p, "x", 1));
	ck_assert_str_eq(params_get(&p, "k"), "1");
	ck_assert_ptr_null(params_get(&p, "nope"));
	ck_assert_ptr_null(params_get(&p, "K"));
}
END_TEST

START_TEST(test_urlencoded_empty_values)
{
	struct params	 p;

	ck_assert_int_eq(parse("a=&b", &p), REQ_OK);
	ck_assert_uint_eq(p.n, 2);
	ck_assert_ptr_nonnull(params_get(&p, "a"));
	ck_assert_str_eq(params_get(&p, "a"), "");
	ck_assert_ptr_nonnull(params_get(&p, "b"));
	ck_assert_str_eq(params_get(&p, "b"), "");
	ck_assert_ptr_null(params_get(&p, "c"));

	ck_assert_int_eq(parse("flag&x=1&other", &p), REQ_OK);
	ck_assert_uint_eq(p.n, 3);
	ck_assert_str_eq(params_get(&p, "flag"), "");
	ck_assert_str_eq(params_get(&p, "x"), "1");
	ck_assert_str_eq(params_get(&p, "other"), "");
}
END_TEST

START_TEST(test_urlencoded_empty_pieces)
{
	struct params	 p;

	ck_assert_int_eq(parse("&&a=1&", &p), REQ_OK);
	ck_assert_uint_eq(p.n, 1);
	ck_assert_str_eq(p.list[0].name, "a");
	ck_assert_str_eq(p.list[0].value, "1");

	ck_assert_int_eq(parse("a=1&&&b=2&&", &p), REQ_OK);
	ck_assert_uint_eq(p.n, 2);
	ck_assert_str_eq(params_get(&p, "b"), "2");

	ck_assert_int_eq(parse("", &p), REQ_OK);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_ptr_null(params_get(&p, "a"));
	ck_assert_int_eq(parse("&", &p), REQ_OK);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_int_eq(parse("&&&&", &p), REQ_OK);
	ck_assert_uint_eq(p.n, 0);
}
END_TEST

/* Only len bytes are parsed; the rest of the string is not. */
START_TEST(test_urlencoded_length)
{
	struct params	 p;

	ck_assert_int_eq(req_parse_urlencoded(&arena, "a=1&b=2", 3, &p), REQ_OK);
	ck_assert_uint_eq(p.n, 1);
	ck_assert_str_eq(params_get(&p, "a"), "1");
	ck_assert_ptr_null(params_get(&p, "b"));
	/* A cut escape is literal, not read past the end. */
	ck_assert_int_eq(req_parse_urlencoded(&arena, "a=%41", 4, &p), REQ_OK);
	ck_assert_str_eq(params_get(&p, "a"), "%4");
	ck_assert_int_eq(req_parse_urlencoded(&arena, "a=%41", 0, &p), REQ_OK);
	ck_assert_uint_eq(p.n, 0);
}
END_TEST

static const char *const bad_utf8[] = {
	"a=%00",
	"a=x%00y",
	"%00=1",
	"a=%FF",
	"a=%ff",
	"a=%C3%28",
	"a=%C3",
	"a=%C0%80",
	"a=%ED%A0%80",
	"a=%F4%90%80%80",
	"a=%80",
	"%FF=1",
	"ok=1&a=%FF",
	"a=\xff",
	"a\xc3=1",
};
#define NBAD_UTF8	(sizeof(bad_utf8) / sizeof(bad_utf8[0]))

START_TEST(test_urlencoded_bad_utf8)
{
	struct params	 p;

	ck_assert_msg(parse(bad_utf8[_i], &p) == REQ_BAD_UTF8, "%s accepted",
	    bad_utf8[_i]);
}
END_TEST

START_TEST(test_urlencoded_huge)
{
	const size_t	 big = 1024 * 1024;
	struct params	 p;
	char		*s, *w;
	const char	*v;
	size_t		 i;

	/* A 1 MB plain value, a 300 KB escaped one, and a small one. */
	s = malloc(4 + big + 3 + 3 * 100000 + 16);
	ck_assert_ptr_nonnull(s);
	w = s;
	memcpy(w, "big=", 4);
	w += 4;
	memset(w, 'x', big);
	w += big;
	memcpy(w, "&e=", 3);
	w += 3;
	for (i = 0; i < 100000; i++, w += 3)
		memcpy(w, "%41", 3);
	memcpy(w, "&small=1", 8);
	w += 8;
	ck_assert_int_eq(req_parse_urlencoded(&arena, s, (size_t)(w - s), &p),
	    REQ_OK);
	free(s);
	ck_assert_uint_eq(p.n, 3);
	v = params_get(&p, "big");
	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq(strlen(v), big);
	for (i = 0; i < big; i++)
		if (v[i] != 'x')
			ck_abort_msg("byte %zu is %d", i, v[i]);
	v = params_get(&p, "e");
	ck_assert_uint_eq(strlen(v), 100000);
	ck_assert_uint_eq(strspn(v, "A"), 100000);
	ck_assert_str_eq(params_get(&p, "small"), "1");
}
END_TEST

/* Many parameters: the list grows and keeps its order. */
START_TEST(test_urlencoded_many)
{
	struct params	 p;
	char		*s, name[16], value[16];
	size_t		 i, off = 0;

	s = arena_alloc(&arena, 3000 * 24);
	ck_assert_ptr_nonnull(s);
	for (i = 0; i < 3000; i++)
		off += (size_t)sprintf(s + off, "%sk%zu=%zu", i ? "&" : "", i,
		    i * 7);
	ck_assert_int_eq(req_parse_urlencoded(&arena, s, off, &p), REQ_OK);
	ck_assert_uint_eq(p.n, 3000);
	for (i = 0; i < 3000; i += 37) {
		snprintf(name, sizeof(name), "k%zu", i);
		snprintf(value, sizeof(value), "%zu", i * 7);
		ck_assert_str_eq(p.list[i].name, name);
		ck_assert_str_eq(params_get(&p, name), value);
	}
}
END_TEST

/* --- req_parse_cookies --------------------------------------------------- */

START_TEST(test_cookies_basic)
{
	struct params	 p;

	ck_assert_int_eq(req_parse_cookies(&arena, "a=b; c=d", &p), REQ_OK);
	ck_assert_uint_eq(p.n, 2);
	ck_assert_str_eq(params_get(&p, "a"), "b");
	ck_assert_str_eq(params_get(&p, "c"), "d");

	ck_assert_int_eq(req_parse_cookies(&arena, NULL, &p), REQ_OK);
	ck_assert_uint_eq(p.n, 0);
	ck_assert_int_eq(req_parse_cookies(&arena, "", &p), REQ_OK);
	ck_assert_uint_eq(p.n, 0);
}
END_TEST

START_TEST(test_cookies_spaces)
{
	struct params	 p;

	ck_assert_int_eq(req_parse_cookies(&arena,
	    "  a=1;b=2 ;\tc=3\t;   d=4  ", &p), REQ_OK);
	ck_assert_uint_eq(p.n, 4);
	ck_assert_str_eq(params_get(&p, "a"), "1");
	ck_assert_str_eq(params_get(&p, "b"), "2");
	ck_assert_str_eq(params_get(&p, "c"), "3");
	ck_assert_str_eq(params_get(&p, "d"), "4");

	/* White space around '=' belongs to neither name nor value. */
	ck_assert_int_eq(req_parse_cookies(&arena, "x = 5; y =6 ;z= 7", &p),
	    REQ_OK);
	ck_assert_uint_eq(p.n, 3);
	ck_assert_str_eq(params_get(&p, "x"), "5");
	ck_assert_str_eq(params_get(&p, "y"), "6");
	ck_assert_str_eq(params_get(&p, "z"), "7");

	/* Inner spaces stay; percent escapes are not decoded. */
	ck_assert_int_eq(req_parse_cookies(&arena, "m=a b; n=%41", &p), REQ_OK);
	ck_assert_str_eq(params_get(&p, "m"), "a b");
	ck_assert_str_eq(params_get(&p, "n"), "%41");
}
END_TEST

START_TEST(test_cookies_quoted)
{
	struct params	 p;

	ck_assert_int_eq(req_parse_cookies(&arena,
	    "a=\"xyz\"; b=\"\"; c=\"; d=\"q\" ; e= \"r\"", &p), REQ_OK);
	ck_assert_uint_eq(p.n, 5);
	ck_assert_str_eq(params_get(&p, "a"), "xyz");
	ck_assert_str_eq(params_get(&p, "b"), "");
	ck_assert_str_eq(params_get(&p, "c"), "\"");
	ck_assert_str_eq(params_get(&p, "d"), "q");
	ck_assert_str_eq(params_get(&p, "e"), "r");
}
END_TEST

START_TEST(test_cookies_junk)
{
	struct params	 p;

	ck_assert_int_eq(req_parse_cookies(&arena,
	    "junk; =nameless; ;;  ; bad=\xff; \xc3=x; ok=1; e=; last", &p),
	    REQ_OK);
	ck_assert_uint_eq(p.n, 2);
	ck_assert_str_eq(params_get(&p, "ok"), "1");
	ck_assert_str_eq(params_get(&p, "e"), "");
	ck_assert_ptr_null(params_get(&p, "junk"));
	ck_assert_ptr_null(params_get(&p, "bad"));
	ck_assert_ptr_null(params_get(&p, "last"));
	ck_assert_ptr_null(params_get(&p, ""));

	/* Repeated names are kept in order (browsers send path-specific first). */
	ck_assert_int_eq(req_parse_cookies(&arena, "s=1; s=2", &p), REQ_OK);
	ck_assert_uint_eq(params_count(&p, "s"), 2);
	ck_assert_str_eq(params_nth(&p, "s", 1), "2");
}
END_TEST

/* --- req_parse ----------------------------------------------------------- */

static enum req_err
run(struct request *r, const char *const *vars, const char *body,
    size_t max_body)
{
	struct th_env		 e = { vars, body, body ? strlen(body) : 0, 0 };
	struct req_source	 src = th_source(&e);

	return req_parse(r, &arena, &src, max_body);
}

START_TEST(test_parse_get)
{
	static const char *const vars[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/items/caf%C3%A9/a+b?x=1&y=a+b&y=%41",
		"QUERY_STRING=x=1&y=a+b&y=%41",
		"SCRIPT_NAME=/wrong",
		"PATH_INFO=/wrong",
		"HTTP_HOST=tracker.example:8080",
		"REMOTE_ADDR=192.0.2.7",
		"HTTP_COOKIE=tracker_session=abc; other=1",
		NULL
	};
	struct request	 r;

	ck_assert_int_eq(run(&r, vars, NULL, 100), REQ_OK);
	ck_assert_int_eq(r.method, METHOD_GET);
	ck_assert_str_eq(r.method_name, "GET");
	ck_assert_str_eq(r.path, "/items/caf\xc3\xa9/a+b");
	ck_assert_str_eq(r.host, "tracker.example:8080");
	ck_assert_str_eq(r.remote_addr, "192.0.2.7");
	ck_assert_ptr_null(r.origin);
	ck_assert_ptr_null(r.remote_user);
	ck_assert_int_eq(r.https, 0);
	ck_assert_uint_eq(r.query.n, 3);
	ck_assert_str_eq(req_query(&r, "x"), "1");
	ck_assert_uint_eq(params_count(&r.query, "y"), 2);
	ck_assert_str_eq(params_nth(&r.query, "y", 0), "a b");
	ck_assert_str_eq(params_nth(&r.query, "y", 1), "A");
	ck_assert_uint_eq(r.form.n, 0);
	ck_assert_str_eq(req_cookie(&r, "tracker_session"), "abc");
	ck_assert_str_eq(req_cookie(&r, "other"), "1");
}
END_TEST

static const struct {
	const char	*uri;
	const char	*path;
} paths[] = {
	{ "REQUEST_URI=/", "/" },
	{ "REQUEST_URI=/login", "/login" },
	{ "REQUEST_URI=/login?", "/login" },
	{ "REQUEST_URI=/login?next=/x?y", "/login" },
	{ "REQUEST_URI=/a%20b", "/a b" },
	{ "REQUEST_URI=/a%3Fb?c=d", "/a?b" },
	{ "REQUEST_URI=/a%2fb", "/a/b" },
	{ "REQUEST_URI=/a+b", "/a+b" },
	{ "REQUEST_URI=/%zz", "/%zz" },
	{ "REQUEST_URI=/%E2%82%AC", "/\xe2\x82\xac" },
};
#define NPATHS	(sizeof(paths) / sizeof(paths[0]))

START_TEST(test_parse_path)
{
	const char	*vars[] = { paths[_i].uri, NULL };
	struct request	 r;

	ck_assert_int_eq(run(&r, vars, NULL, 100), REQ_OK);
	ck_assert_str_eq(r.path, paths[_i].path);
}
END_TEST

START_TEST(test_parse_path_fallback)
{
	static const char *const both[] = {
		"SCRIPT_NAME=/app", "PATH_INFO=/x/y", NULL
	};
	static const char *const empty_uri[] = {
		"REQUEST_URI=", "SCRIPT_NAME=/app", "PATH_INFO=/z", NULL
	};
	static const char *const script[] = { "SCRIPT_NAME=/only", NULL };
	static const char *const info[] = { "PATH_INFO=/info", NULL };
	static const char *const none[] = { NULL };
	static const char *const bad[] = { "PATH_INFO=/\xff", NULL };
	struct request	 r;

	ck_assert_int_eq(run(&r, both, NULL, 100), REQ_OK);
	ck_assert_str_eq(r.path, "/app/x/y");
	ck_assert_int_eq(run(&r, empty_uri, NULL, 100), REQ_OK);
	ck_assert_str_eq(r.path, "/app/z");
	ck_assert_int_eq(run(&r, script, NULL, 100), REQ_OK);
	ck_assert_str_eq(r.path, "/only");
	ck_assert_int_eq(run(&r, info, NULL, 100), REQ_OK);
	ck_assert_str_eq(r.path, "/info");
	ck_assert_int_eq(run(&r, none, NULL, 100), REQ_OK);
	ck_assert_str_eq(r.path, "/");
	ck_assert_int_eq(run(&r, bad, NULL, 100), REQ_BAD_UTF8);
}
END_TEST

/* A bad path is an error, but what was parsed before it stays usable. */
START_TEST(test_parse_path_bad)
{
	static const char *const vars[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/x%FF",
		"HTTP_COOKIE=tracker_session=t",
		NULL
	};
	static const char *const nul[] = { "REQUEST_URI=/x%00y", NULL };
	struct request	 r;

	ck_assert_int_eq(run(&r, vars, NULL, 100), REQ_BAD_UTF8);
	ck_assert_int_eq(r.method, METHOD_POST);
	ck_assert_str_eq(r.method_name, "POST");
	ck_assert_str_eq(req_cookie(&r, "tracker_session"), "t");
	ck_assert_ptr_nonnull(r.path);
	ck_assert_ptr_nonnull(r.host);
	ck_assert_ptr_nonnull(r.remote_addr);
	ck_assert_int_eq(run(&r, nul, NULL, 100), REQ_BAD_UTF8);
}
END_TEST

static const struct {
	const char	*var;
	enum req_method	 method;
	const char	*name;
} methods[] = {
	{ "REQUEST_METHOD=GET", METHOD_GET, "GET" },
	{ "REQUEST_METHOD=HEAD", METHOD_HEAD, "HEAD" },
	{ "REQUEST_METHOD=POST", METHOD_POST, "POST" },
	{ "REQUEST_METHOD=PUT", METHOD_OTHER, "PUT" },
	{ "REQUEST_METHOD=DELETE", METHOD_OTHER, "DELETE" },
	{ "REQUEST_METHOD=get", METHOD_OTHER, "get" },
	{ "NO_METHOD=1", METHOD_GET, "GET" },
};
#define NMETHODS	(sizeof(methods) / sizeof(methods[0]))

START_TEST(test_parse_method)
{
	const char	*vars[] = { methods[_i].var, "REQUEST_URI=/", NULL };
	struct request	 r;

	ck_assert_int_eq(run(&r, vars, NULL, 100), REQ_OK);
	ck_assert_int_eq(r.method, methods[_i].method);
	ck_assert_str_eq(r.method_name, methods[_i].name);
}
END_TEST

START_TEST(test_parse_query_bad)
{
	static const char *const vars[] = {
		"REQUEST_URI=/x?a=%FF", "QUERY_STRING=a=%FF", NULL
	};
	struct request	 r;

	ck_assert_int_eq(run(&r, vars, NULL, 100), REQ_BAD_UTF8);
	ck_assert_str_eq(r.path, "/x");
}
END_TEST

START_TEST(test_parse_post)
{
	static const char	 body[] = "name=J%C3%B6rg+M&note=a%26b&tag=1&tag=2";
	char			 cl[48];
	const char		*vars[] = {
		"REQUEST_METHOD=POST",
		"REQUEST_URI=/items?from=list",
		"QUERY_STRING=from=list",
		"CONTENT_TYPE=application/x-www-form-urlencoded",
		cl,
		NULL
	};
	struct request		 r;

	snprintf(cl, sizeof(cl), "CONTENT_LENGTH=%zu", strlen(body));
	ck_assert_int_eq(run(&r, vars, body, 1000), REQ_OK);
	ck_assert_int_eq(r.method, METHOD_POST);
	ck_assert_str_eq(r.path, "/items");
	ck_assert_str_eq(req_query(&r, "from"), "list");
	ck_assert_ptr_null(req_form(&r, "from"));
	ck_assert_uint_eq(r.form.n, 4);
	ck_assert_str_eq(req_form(&r, "name"), "J\xc3\xb6rg M");
	ck_assert_str_eq(req_form(&r, "note"), "a&b");
	ck_assert_uint_eq(params_count(&r.form, "tag"), 2);
	ck_assert_str_eq(params_nth(&r.form, "tag", 1), "2");
}
END_TEST

static const char *const urlencoded_types[] = {
	"CONTENT_TYPE=application/x-www-form-urlencoded",
	"CONTENT_TYPE=application/x-www-form-urlencoded; charset=UTF-8",
	"CONTENT_TYPE=application/x-www-form-urlencoded;charset=utf-8",
	"CONTENT_TYPE=Application/X-WWW-Form-URLEncoded",
};
#define NURLENCODED_TYPES \
	(sizeof(urlencoded_types) / sizeof(urlencoded_types[0]))

START_TEST(test_parse_post_types_ok)
{
	const char	*vars[] = {
		"REQUEST_METHOD=POST", "CONTENT_LENGTH=3", urlencoded_types[_i],
		NULL
	};
	struct request	 r;

	ck_assert_int_eq(run(&r, vars, "a=1", 100), REQ_OK);
	ck_assert_str_eq(req_form(&r, "a"), "1");
}
END_TEST

static const char *const bad_types[] = {
	"CONTENT_TYPE=text/plain",
	"CONTENT_TYPE=application/json",
	"CONTENT_TYPE=application/x-www-form-urlencodedX",
	"CONTENT_TYPE=application/x-www-form",
	"CONTENT_TYPE=",
	"NO_CONTENT_TYPE=1",
};
#define NBAD_TYPES	(sizeof(bad_types) / sizeof(bad_types[0]))

START_TEST(test_parse_post_bad_type)
{
	const char	*vars[] = {
		"REQUEST_METHOD=POST", "CONTENT_LENGTH=3", bad_types[_i], NULL
	};
	struct request	 r;

	ck_assert_int_eq(run(&r, vars, "a=1", 100), REQ_BAD_TYPE);
	ck_assert_uint_eq(r.form.n, 0);
}
END_TEST

START_TEST(test_parse_post_too_large)
{
	static const char *const over[] = {
		"REQUEST_METHOD=POST", "CONTENT_LENGTH=11",
		"CONTENT_TYPE=application/x-www-form-urlencoded", NULL
	};
	static const char *const at[] = {
		"REQUEST_METHOD=POST", "CONTENT_LENGTH=10",
		"CONTENT_TYPE=application/x-www-form-urlencoded", NULL
	};
	static const char *const huge[] = {
		"REQUEST_METHOD=POST", "CONTENT_LENGTH=1099511627776",
		"CONTENT_TYPE=application/x-www-form-urlencoded", NULL
	};
	struct request	 r;

	ck_assert_int_eq(run(&r, over, "a=12345678&", 10), REQ_TOO_LARGE);
	ck_assert_uint_eq(r.form.n, 0);
	ck_assert_int_eq(run(&r, at, "a=12345678", 10), REQ_OK);
	ck_assert_str_eq(req_form(&r, "a"), "12345678");
	ck_assert_int_eq(run(&r, huge, "a=1", 1024 * 1024), REQ_TOO_LARGE);
}
END_TEST

static const char *const bad_lengths[] = {
	"CONTENT_LENGTH=abc",
	"CONTENT_LENGTH=-1",
	"CONTENT_LENGTH=12x",
	"CONTENT_LENGTH= 3",
	"CONTENT_LENGTH=+3",
	"CONTENT_LENGTH=3 ",
	"CONTENT_LENGTH=0x3",
	"CONTENT_LENGTH=3.0",
};
#define NBAD_LENGTHS	(sizeof(bad_lengths) / sizeof(bad_lengths[0]))

START_TEST(test_parse_post_bad_length)
{
	const char	*vars[] = {
		"REQUEST_METHOD=POST", bad_lengths[_i],
		"CONTENT_TYPE=application/x-www-form-urlencoded", NULL
	};
	struct request	 r;

	ck_assert_msg(run(&r, vars, "a=1", 100) == REQ_BAD_LENGTH,
	    "%s accepted", bad_lengths[_i]);
}
END_TEST

START_TEST(test_parse_post_empty)
{
	static const char *const zero[] = {
		"REQUEST_METHOD=POST", "CONTENT_LENGTH=0", NULL
	};
	static const char *const absent[] = { "REQUEST_METHOD=POST", NULL };
	struct request	 r;

	ck_assert_int_eq(run(&r, zero, NULL, 100), REQ_OK);
	ck_assert_uint_eq(r.form.n, 0);
	ck_assert_int_eq(run(&r, absent, NULL, 100), REQ_OK);
	ck_assert_uint_eq(r.form.n, 0);
}
END_TEST

START_TEST(test_parse_post_short_body)
{
	static const char *const vars[] = {
		"REQUEST_METHOD=POST", "CONTENT_LENGTH=10",
		"CONTENT_TYPE=application/x-www-form-urlencoded", NULL
	};
	struct request	 r;

	ck_assert_int_eq(run(&r, vars, "a=1", 100), REQ_SHORT_BODY);
	ck_assert_int_eq(run(&r, vars, NULL, 100), REQ_SHORT_BODY);
	ck_assert_int_eq(run(&r, vars, "a=12345678", 100), REQ_OK);
}
END_TEST

static const char *const bad_bodies[] = {
	"a=%C3%28",
	"a=1&b=%00",
	"a=%FF",
	"%ED%A0%80=1",
	"a=\xff",
};
#define NBAD_BODIES	(sizeof(bad_bodies) / sizeof(bad_bodies[0]))

START_TEST(test_parse_post_bad_utf8)
{
	char		 cl[48];
	const char	*vars[] = {
		"REQUEST_METHOD=POST", cl,
		"CONTENT_TYPE=application/x-www-form-urlencoded", NULL
	};
	struct request	 r;

	snprintf(cl, sizeof(cl), "CONTENT_LENGTH=%zu", strlen(bad_bodies[_i]));
	ck_assert_int_eq(run(&r, vars, bad_bodies[_i], 100), REQ_BAD_UTF8);
}
END_TEST

/* A source that hands out the body a byte at a time, or fails. */
struct trickle {
	const char	*body;
	size_t		 len, off;
	int		 fail_at;	/* -1 = never */
};

static const char *
trickle_getenv(void *ctx, const char *name)
{
	(void)ctx;
	if (strcmp(name, "REQUEST_METHOD") == 0)
		return "POST";
	if (strcmp(name, "CONTENT_LENGTH") == 0)
		return "11";
	if (strcmp(name, "CONTENT_TYPE") == 0)
		return "application/x-www-form-urlencoded";
	return NULL;
}

static ssize_t
trickle_read(void *ctx, char *buf, size_t len)
{
	struct trickle	*t = ctx;

	if (t->fail_at >= 0 && t->off == (size_t)t->fail_at)
		return -1;
	if (len == 0 || t->off == t->len)
		return 0;
	*buf = t->body[t->off++];
	return 1;
}

START_TEST(test_parse_post_partial_reads)
{
	struct trickle		 t = { "a=1&b=x+y&c", 11, 0, -1 };
	struct req_source	 src = { trickle_getenv, trickle_read, &t };
	struct request		 r;

	ck_assert_int_eq(req_parse(&r, &arena, &src, 100), REQ_OK);
	ck_assert_str_eq(req_form(&r, "a"), "1");
	ck_assert_str_eq(req_form(&r, "b"), "x y");
	ck_assert_str_eq(req_form(&r, "c"), "");

	t.off = 0;
	t.fail_at = 5;
	ck_assert_int_eq(req_parse(&r, &arena, &src, 100), REQ_SHORT_BODY);
}
END_TEST

/* A body is read only for POST. */
START_TEST(test_parse_get_ignores_body)
{
	static const char *const vars[] = {
		"REQUEST_METHOD=GET", "CONTENT_LENGTH=3",
		"CONTENT_TYPE=text/plain", NULL
	};
	struct request	 r;

	ck_assert_int_eq(run(&r, vars, "a=1", 100), REQ_OK);
	ck_assert_uint_eq(r.form.n, 0);
}
END_TEST

static const struct {
	const char	*var;
	int		 https;
} https_cases[] = {
	{ "HTTPS=on", 1 },
	{ "HTTPS=ON", 1 },
	{ "HTTPS=off", 0 },
	{ "HTTPS=", 0 },
	{ "HTTPS=1", 0 },
	{ "NO_HTTPS=on", 0 },
};
#define NHTTPS	(sizeof(https_cases) / sizeof(https_cases[0]))

START_TEST(test_parse_https)
{
	const char	*vars[] = { https_cases[_i].var, NULL };
	struct request	 r;

	ck_assert_int_eq(run(&r, vars, NULL, 100), REQ_OK);
	ck_assert_int_eq(r.https, https_cases[_i].https);
}
END_TEST

START_TEST(test_parse_headers)
{
	static const char *const vars[] = {
		"HTTP_ORIGIN=https://tracker.example",
		"REMOTE_USER=alice",
		"HTTP_HOST=tracker.example",
		NULL
	};
	static const char *const bad[] = {
		"HTTP_HOST=h\xff", "HTTP_ORIGIN=o\xff", "REMOTE_ADDR=\xc3", NULL
	};
	struct request	 r;

	ck_assert_int_eq(run(&r, vars, NULL, 100), REQ_OK);
	ck_assert_str_eq(r.origin, "https://tracker.example");
	ck_assert_str_eq(r.remote_user, "alice");
	ck_assert_str_eq(r.host, "tracker.example");
	ck_assert_str_eq(r.remote_addr, "");

	/* Values that are not UTF-8 are treated as absent. */
	ck_assert_int_eq(run(&r, bad, NULL, 100), REQ_OK);
	ck_assert_str_eq(r.host, "");
	ck_assert_ptr_null(r.origin);
	ck_assert_str_eq(r.remote_addr, "");
}
END_TEST

START_TEST(test_strerror)
{
	const char	*s = req_strerror((enum req_err)_i);
	int		 j;

	ck_assert_ptr_nonnull(s);
	ck_assert_uint_gt(strlen(s), 0);
	ck_assert_str_ne(s, "unknown error");
	for (j = 0; j < REQ__MAX; j++)
		if (j != _i)
			ck_assert_str_ne(s, req_strerror((enum req_err)j));
}
END_TEST

START_TEST(test_strerror_out_of_range)
{
	ck_assert_str_eq(req_strerror(REQ__MAX), "unknown error");
	ck_assert_str_eq(req_strerror((enum req_err)1000), "unknown error");
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("request");
	TCase	*tc;

	tc = tcase_create("urlencoded");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_urlencoded_decode, 0, (int)NDECODES);
	tcase_add_test(tc, test_urlencoded_repeated);
	tcase_add_test(tc, test_urlencoded_empty_values);
	tcase_add_test(tc, test_urlencoded_empty_pieces);
	tcase_add_test(tc, test_urlencoded_length);
	tcase_add_loop_test(tc, test_urlencoded_bad_utf8, 0, (int)NBAD_UTF8);
	tcase_add_test(tc, test_urlencoded_huge);
	tcase_add_test(tc, test_urlencoded_many);
	suite_add_tcase(s, tc);

	tc = tcase_create("cookies");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_cookies_basic);
	tcase_add_test(tc, test_cookies_spaces);
	tcase_add_test(tc, test_cookies_quoted);
	tcase_add_test(tc, test_cookies_junk);
	suite_add_tcase(s, tc);

	tc = tcase_create("parse");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_parse_get);
	tcase_add_loop_test(tc, test_parse_path, 0, (int)NPATHS);
	tcase_add_test(tc, test_parse_path_fallback);
	tcase_add_test(tc, test_parse_path_bad);
	tcase_add_loop_test(tc, test_parse_method, 0, (int)NMETHODS);
	tcase_add_test(tc, test_parse_query_bad);
	tcase_add_test(tc, test_parse_post);
	tcase_add_loop_test(tc, test_parse_post_types_ok, 0,
	    (int)NURLENCODED_TYPES);
	tcase_add_loop_test(tc, test_parse_post_bad_type, 0, (int)NBAD_TYPES);
	tcase_add_test(tc, test_parse_post_too_large);
	tcase_add_loop_test(tc, test_parse_post_bad_length, 0,
	    (int)NBAD_LENGTHS);
	tcase_add_test(tc, test_parse_post_empty);
	tcase_add_test(tc, test_parse_post_short_body);
	tcase_add_loop_test(tc, test_parse_post_bad_utf8, 0, (int)NBAD_BODIES);
	tcase_add_test(tc, test_parse_post_partial_reads);
	tcase_add_test(tc, test_parse_get_ignores_body);
	tcase_add_loop_test(tc, test_parse_https, 0, (int)NHTTPS);
	tcase_add_test(tc, test_parse_headers);
	tcase_add_loop_test(tc, test_strerror, 0, REQ__MAX);
	tcase_add_test(tc, test_strerror_out_of_range);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
