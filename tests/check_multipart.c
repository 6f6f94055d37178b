/*
 * multipart/form-data bodies (RFC 7578): req_parse_multipart() on its own
 * and through req_parse() with the size cap.  Text parts land in the
 * form params (so the CSRF check reads them as for urlencoded forms);
 * file parts land in the uploads, byte for byte.
 */
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

#define CT	"multipart/form-data; boundary=XyZ"

static enum req_err
mp(const char *ct, const char *body, size_t len, struct params *form,
    struct uploads *up)
{
	memset(form, 0, sizeof(*form));
	memset(up, 0, sizeof(*up));
	return req_parse_multipart(&arena, ct, body, len, form, up);
}

#define MP(ct, lit, f, u)	mp((ct), (lit), sizeof(lit) - 1, (f), (u))

/* Through req_parse: the body cap applies before any parsing. */
static enum req_err
run_post(struct request *r, const char *body, size_t len, size_t cap)
{
	char		 cl[48];
	const char	*vars[] = {
		"REQUEST_METHOD=POST", cl, "CONTENT_TYPE=" CT, NULL
	};
	struct th_env	 env = { vars, body, len, 0 };
	struct req_source src = th_source(&env);

	snprintf(cl, sizeof(cl), "CONTENT_LENGTH=%zu", len);
	return req_parse(r, &arena, &src, cap);
}

START_TEST(test_text_and_file_parts)
{
	static const char body[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n"
	    "\r\n"
	    "tok123\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
	    "Content-Type: text/csv\r\n"
	    "\r\n"
	    "name,category\r\nAda,mp\r\n"
	    "\r\n"
	    "--XyZ\r\n"
	    "content-disposition: form-data; name=\"note\"\r\n"
	    "\r\n"
	    "caf\xc3\xa9\r\n"
	    "--XyZ--\r\n";
	struct params	 f;
	struct uploads	 u;
	const struct upload *up;

	ck_assert_int_eq(MP(CT, body, &f, &u), REQ_OK);
	ck_assert_uint_eq(f.n, 2);
	ck_assert_str_eq(params_get(&f, "csrf"), "tok123");
	ck_assert_str_eq(params_get(&f, "note"), "caf\xc3\xa9");
	ck_assert_uint_eq(u.n, 1);
	up = &u.list[0];
	ck_assert_str_eq(up->name, "file");
	ck_assert_str_eq(up->filename, "people.csv");
	ck_assert_str_eq(up->content_type, "text/csv");
	/* The CRLF before the delimiter is the delimiter's, not the data's. */
	ck_assert_uint_eq(up->len, strlen("name,category\r\nAda,mp\r\n"));
	ck_assert_mem_eq(up->data, "name,category\r\nAda,mp\r\n", up->len);
	ck_assert_int_eq(up->data[up->len], '\0');
}
END_TEST


/* The boundary parameter, quoted or not, with other parameters around. */
static const struct {
	const char	*ct;
	const char	*boundary;
} boundaries[] = {
	{ "multipart/form-data; boundary=abc", "abc" },
	{ "multipart/form-data; boundary=\"abc\"", "abc" },
	{ "multipart/form-data;boundary=\"a b:c\"", "a b:c" },
	{ "Multipart/Form-Data; charset=utf-8; BOUNDARY=abc", "abc" },
	{ "multipart/form-data; boundary=----WebKitFormBoundaryq1W2e3R4t5Y6",
	    "----WebKitFormBoundaryq1W2e3R4t5Y6" },
	{ "multipart/form-data; boundary=\"abc\" ; x=y", "abc" },
};
#define NBOUNDARIES	(sizeof(boundaries) / sizeof(boundaries[0]))

START_TEST(test_boundaries)
{
	char		 body[256];
	struct params	 f;
	struct uploads	 u;
	int		 n;

	n = snprintf(body, sizeof(body), "--%s\r\n"
	    "Content-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--%s--\r\n",
	    boundaries[_i].boundary, boundaries[_i].boundary);
	ck_assert_int_eq(mp(boundaries[_i].ct, body, (size_t)n, &f, &u), REQ_OK);
	ck_assert_str_eq(params_get(&f, "x"), "1");
}
END_TEST

static const char *const bad_content_types[] = {
	"multipart/form-data",
	"multipart/form-data; boundary=",
	"multipart/form-data; boundary=\"\"",
	"multipart/form-data; boundary=\"abc",
	"multipart/form-data; boundary",
	"multipart/form-data; boundary=12345678901234567890123456789012345678901234567890123456789012345678901",
};
#define NBAD_CONTENT_TYPES	(sizeof(bad_content_types) / sizeof(bad_content_types[0]))

START_TEST(test_bad_content_type)
{
	static const char body[] = "--abc\r\n"
	    "Content-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--abc--\r\n";
	struct params	 f;
	struct uploads	 u;

	ck_assert_int_eq(MP(bad_content_types[_i], body, &f, &u),
	    REQ_BAD_MULTIPART);
}
END_TEST

/* Malformed bodies, each REQ_BAD_MULTIPART. */
static const char *const malformed[] = {
	/* missing final boundary */
	"--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1",
	/* part without headers */
	"--XyZ\r\n\r\n1\r\n--XyZ--\r\n",
	/* headers without the blank line */
	"--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n--XyZ--\r\n",
	/* ...even when a later part has one: parts never run together */
	"--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n"
	"--XyZ\r\nContent-Disposition: form-data; name=\"y\"\r\n\r\n2\r\n"
	"--XyZ--\r\n",
	/* no Content-Disposition, or not form-data, or no name */
	"--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: attachment; name=\"x\"\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data\r\n\r\n1\r\n--XyZ--\r\n",
	"--XyZ\r\nContent-Disposition: form-data; name=\"x\r\n\r\n1\r\n--XyZ--\r\n",
	/* bare LF line ends (RFC 7578 framing is CRLF) */
	"--XyZ\nContent-Disposition: form-data; name=\"x\"\n\n1\n--XyZ--\n",
	/* no boundary at all */
	"name=value",
	"",
	/* junk right after a delimiter */
	"--XyZjunk\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--XyZ--",
};
#define NMALFORMED	(sizeof(malformed) / sizeof(malformed[0]))

START_TEST(test_malformed)
{
	struct params	 f;
	struct uploads	 u;

	ck_assert_int_eq(mp(CT, malformed[_i], strlen(malformed[_i]), &f, &u),
	    REQ_BAD_MULTIPART);
}
END_TEST

START_TEST(test_crlf_handling)
{
	/* A preamble, transport padding, CRLF and LF inside values, an epilogue. */
	static const char body[] =
	    "This is a preamble.\r\n"
	    "--XyZ  \r\n"
	    "Content-Disposition: form-data; name=\"a\"\r\n"
	    "\r\n"
	    "line 1\r\nline 2\nline 3\r\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"b\"\r\n"
	    "\r\n"
	    "\r\n"
	    "--XyZ--\r\n"
	    "epilogue --XyZ junk";
	struct params	 f;
	struct uploads	 u;

	ck_assert_int_eq(MP(CT, body, &f, &u), REQ_OK);
	ck_assert_str_eq(params_get(&f, "a"), "line 1\r\nline 2\nline 3\r");
	ck_assert_str_eq(params_get(&f, "b"), "");
	ck_assert_uint_eq(u.n, 0);
}
END_TEST

START_TEST(test_binary_with_nul)
{
	static const char body[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n"
	    "Content-Type: application/octet-stream\r\n"
	    "\r\n"
	    "\x00\x01\xff\xfe\r\n--Xy\x00Z\r\n"
	    "\r\n"
	    "--XyZ--\r\n";
	static const char want[] = "\x00\x01\xff\xfe\r\n--Xy\x00Z\r\n";
	struct params	 f;
	struct uploads	 u;

	ck_assert_int_eq(MP(CT, body, &f, &u), REQ_OK);
	ck_assert_uint_eq(u.n, 1);
	ck_assert_uint_eq(u.list[0].len, sizeof(want) - 1);
	ck_assert_mem_eq(u.list[0].data, want, sizeof(want) - 1);
	ck_assert_str_eq(u.list[0].content_type, "application/octet-stream");
}
END_TEST

START_TEST(test_text_part_must_be_utf8)
{
	static const char nul[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
	    "x\x00y\r\n--XyZ--\r\n";
	static const char latin1[] =
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
	    "caf\xe9\r\n--XyZ--\r\n";
	struct params	 f;
	struct uploads	 u;

	ck_assert_int_eq(MP(CT, nul, &f, &u), REQ_BAD_UTF8);
	ck_assert_int_eq(MP(CT, latin1, &f, &u), REQ_BAD_UTF8);
}
END_TEST

/* File names are kept exactly as sent; nothing here treats them as paths. */
static const char *const filenames[] = {
	"../../etc/passwd",
	"C:\\Users\\ada\\people.csv",
	"/tmp/x.csv",
	"dir/sub\\mixed.csv",
	"na%22me.csv",
	"caf\xc3\xa9.csv",
};
#define NFILENAMES	(sizeof(filenames) / sizeof(filenames[0]))

START_TEST(test_filename_kept_as_given)
{
	char		 body[256];
	struct params	 f;
	struct uploads	 u;
	int		 n;

	n = snprintf(body, sizeof(body), "--XyZ\r\nContent-Disposition: "
	    "form-data; name=\"file\"; filename=\"%s\"\r\n\r\nx\r\n--XyZ--\r\n",
	    filenames[_i]);
	ck_assert_int_eq(mp(CT, body, (size_t)n, &f, &u), REQ_OK);
	ck_assert_uint_eq(u.n, 1);
	ck_assert_str_eq(u.list[0].filename, filenames[_i]);
}
END_TEST

START_TEST(test_req_upload_lookup)
{
	static const char body[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"a\"; filename=\"\"\r\n"
	    "\r\n"
	    "\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"b\"; filename=\"b.txt\"\r\n"
	    "\r\n"
	    "bee\r\n"
	    "--XyZ--";
	struct request	 r;

	ck_assert_int_eq(run_post(&r, body, sizeof(body) - 1, 1000), REQ_OK);
	ck_assert_uint_eq(r.uploads.n, 2);
	ck_assert_ptr_nonnull(req_upload(&r, "a"));
	ck_assert_str_eq(req_upload(&r, "a")->filename, "");
	ck_assert_uint_eq(req_upload(&r, "a")->len, 0);
	ck_assert_str_eq(req_upload(&r, "b")->data, "bee");
	ck_assert_str_eq(req_upload(&r, "b")->content_type, "");
	ck_assert_ptr_null(req_upload(&r, "c"));
	ck_assert_uint_eq(r.form.n, 0);
}
END_TEST

START_TEST(test_huge_part_over_cap)
{
	size_t		 n = 100000, hl;
	char		*body = malloc(n + 200);
	struct request	 r;
	static const char head[] = "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"file\"; filename=\"big.csv\"\r\n\r\n";

	ck_assert_ptr_nonnull(body);
	hl = sizeof(head) - 1;
	memcpy(body, head, hl);
	memset(body + hl, 'a', n);
	memcpy(body + hl + n, "\r\n--XyZ--\r\n", 11);
	ck_assert_int_eq(run_post(&r, body, hl + n + 11, 65536), REQ_TOO_LARGE);
	ck_assert_uint_eq(r.uploads.n, 0);
	ck_assert_int_eq(run_post(&r, body, hl + n + 11, hl + n + 11), REQ_OK);
	ck_assert_uint_eq(r.uploads.n, 1);
	ck_assert_uint_eq(r.uploads.list[0].len, n);
	free(body);
}
END_TEST

START_TEST(test_req_parse_malformed)
{
	static const char body[] = "--XyZ\r\n\r\nno headers\r\n--XyZ--\r\n";
	struct request	 r;

	ck_assert_int_eq(run_post(&r, body, sizeof(body) - 1, 1000),
	    REQ_BAD_MULTIPART);
	ck_assert_str_ne(req_strerror(REQ_BAD_MULTIPART), "unknown error");
	ck_assert_ptr_nonnull(strstr(req_strerror(REQ_BAD_MULTIPART),
	    "multipart/form-data"));
}
END_TEST

static Suite *
suite_multipart(void)
{
	Suite	*s = suite_create("multipart");
	TCase	*tc = tcase_create("parse");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_text_and_file_parts);
	tcase_add_test(tc, test_req_upload_lookup);
	tcase_add_loop_test(tc, test_boundaries, 0, NBOUNDARIES);
	tcase_add_loop_test(tc, test_bad_content_type, 0, NBAD_CONTENT_TYPES);
	tcase_add_loop_test(tc, test_malformed, 0, NMALFORMED);
	tcase_add_test(tc, test_crlf_handling);
	tcase_add_test(tc, test_binary_with_nul);
	tcase_add_test(tc, test_text_part_must_be_utf8);
	tcase_add_loop_test(tc, test_filename_kept_as_given, 0, NFILENAMES);
	tcase_add_test(tc, test_huge_part_over_cap);
	tcase_add_test(tc, test_req_parse_malformed);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite_multipart());
}
