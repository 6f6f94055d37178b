#include "config.h"

#include <stdio.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "buf.h"
#include "form.h"
#include "html.h"
#include "request.h"
#include "testhelp.h"

static struct arena	 arena;
static struct buf	 out;
static struct html	 h;

static void
setup(void)
{
	arena_init(&arena);
	buf_init(&out);
	html_init(&h, &out);
}

static void
teardown(void)
{
	buf_free(&out);
	arena_free(&arena);
}

static int		 code_calls;
static const char	*code_seen;

static const char *
validate_code(const char *v)
{
	code_calls++;
	code_seen = v;
	return strcmp(v, "ok") == 0 ? NULL : "Code must be ok.";
}

static const struct field_option colours[] = {
	{ "red", "Red" },
	{ "green", "Green & <Lime>" },
	{ NULL, NULL },
};

enum { F_NAME, F_EMAIL, F_COLOUR, F_DAY, F_COUNT, F_PASSWORD, F_CODE,
    F_NOTES, F_NEXT, NFIELDS };

static const struct form_field fields[NFIELDS] = {
	[F_NAME] = { "name", "Name", FIELD_TEXT,
	    FIELD_REQUIRED | FIELD_AUTOFOCUS, 5, NULL, "name",
	    "As on your badge", NULL },
	[F_EMAIL] = { "email", "Email", FIELD_EMAIL, 0, 0, NULL, "email", NULL,
	    NULL },
	[F_COLOUR] = { "colour", "Colour", FIELD_SELECT, FIELD_REQUIRED, 0,
	    NULL, NULL, NULL, colours },
	[F_DAY] = { "day", "Day", FIELD_DATE, 0, 0, NULL, NULL, NULL, NULL },
	[F_COUNT] = { "count", "Count", FIELD_NUMBER, 0, 0, NULL, NULL, NULL,
	    NULL },
	[F_PASSWORD] = { "password", "Password", FIELD_PASSWORD,
	    FIELD_REQUIRED, 0, NULL, "current-password", NULL, NULL },
	[F_CODE] = { "code", "Code", FIELD_TEXT, 0, 0, validate_code, NULL,
	    NULL, NULL },
	[F_NOTES] = { "notes", "Notes", FIELD_TEXTAREA, 0, 0, NULL, NULL, NULL,
	    NULL },
	[F_NEXT] = { "next", "", FIELD_HIDDEN, 0, 0, validate_local_path, NULL,
	    NULL, NULL },
};

/* A form read from an urlencoded string. */
static int
read_form(struct form *f, const char *body)
{
	struct params	 p;

	ck_assert_int_eq(req_parse_urlencoded(&arena, body, strlen(body), &p),
	    REQ_OK);
	code_calls = 0;
	code_seen = NULL;
	return form_read(f, &arena, fields, NFIELDS, &p);
}

/* All required fields good; optional ones empty. */
#define GOOD	"name=Ann&colour=red&password=secret"

static const char *
rendered(void)
{
	ck_assert_int_eq(html_finish(&h), 0);
	return out.len ? out.data : "";
}

/* --- form_read ----------------------------------------------------------- */

START_TEST(test_init)
{
	struct form	 f;
	size_t		 i;

	ck_assert_int_eq(form_init(&f, &arena, fields, NFIELDS), 0);
	ck_assert_uint_eq(f.nerrors, 0);
	ck_assert_uint_eq(f.nfields, NFIELDS);
	for (i = 0; i < NFIELDS; i++) {
		ck_assert_str_eq(f.values[i].value, "");
		ck_assert_ptr_null(f.values[i].error);
	}
	ck_assert_str_eq(form_value(&f, "name"), "");
	ck_assert_str_eq(form_value(&f, "nope"), "");
}
END_TEST

START_TEST(test_good)
{
	struct form	 f;

	ck_assert_int_eq(read_form(&f, GOOD "&email=a%40b.org&day=2024-02-29"
	    "&count=-12&code=ok&notes=hi&next=/items"), 0);
	ck_assert_uint_eq(f.nerrors, 0);
	ck_assert_str_eq(form_value(&f, "name"), "Ann");
	ck_assert_str_eq(form_value(&f, "email"), "a@b.org");
	ck_assert_str_eq(form_value(&f, "day"), "2024-02-29");
	ck_assert_str_eq(form_value(&f, "count"), "-12");
	ck_assert_str_eq(form_value(&f, "next"), "/items");
	ck_assert_int_eq(code_calls, 1);
}
END_TEST

START_TEST(test_required_missing)
{
	struct form	 f;

	ck_assert_int_eq(read_form(&f, "name=+++&colour="), 3);
	ck_assert_uint_eq(f.nerrors, 3);
	ck_assert_str_eq(f.values[F_NAME].error, "Name is required.");
	ck_assert_str_eq(f.values[F_COLOUR].error, "Colour is required.");
	ck_assert_str_eq(f.values[F_PASSWORD].error, "Password is required.");
	ck_assert_str_eq(f.values[F_NAME].value, "");
	ck_assert_ptr_null(f.values[F_EMAIL].error);
	ck_assert_ptr_null(f.values[F_DAY].error);
	/* An empty optional field is not validated. */
	ck_assert_ptr_null(f.values[F_CODE].error);
	ck_assert_int_eq(code_calls, 0);
}
END_TEST

START_TEST(test_trimming)
{
	struct form	 f;

	ck_assert_int_eq(read_form(&f, "name=%20%09Ann%0A+&colour=+red+"
	    "&password=+sec+ret+&notes=+two%0Alines+&code=+ok+"), 0);
	ck_assert_str_eq(form_value(&f, "name"), "Ann");
	ck_assert_str_eq(form_value(&f, "colour"), "red");
	ck_assert_str_eq(form_value(&f, "code"), "ok");
	ck_assert_str_eq(code_seen, "ok");
	/* Passwords and text areas are kept exactly as typed. */
	ck_assert_str_eq(form_value(&f, "password"), " sec ret ");
	ck_assert_str_eq(form_value(&f, "notes"), " two\nlines ");
}
END_TEST

static const struct {
	const char	*name;
	int		 ok;
} lengths[] = {
	{ "abcde", 1 },
	{ "abcdef", 0 },
	{ "J%C3%B6rg%C3%A9", 1 },		/* 5 code points, 7 bytes */
	{ "%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9", 1 },	/* 5, 10 bytes */
	{ "%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC", 1 },
	{ "%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80%F0%9F%98%80", 1 },
	{ "%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9", 0 },	/* 6 */
	{ "++abcde++", 1 },			/* trimmed first */
};
#define NLENGTHS	(sizeof(lengths) / sizeof(lengths[0]))

START_TEST(test_max_chars)
{
	struct form	 f;
	char		 body[200];

	snprintf(body, sizeof(body), "name=%s&colour=red&password=x",
	    lengths[_i].name);
	ck_assert_int_eq(read_form(&f, body), lengths[_i].ok ? 0 : 1);
	if (lengths[_i].ok)
		ck_assert_ptr_null(f.values[F_NAME].error);
	else
		ck_assert_str_eq(f.values[F_NAME].error,
		    "Name must be 5 characters or fewer.");
}
END_TEST

static const struct {
	const char	*colour;
	int		 ok;
} selects[] = {
	{ "red", 1 },
	{ "green", 1 },
	{ "+green+", 1 },
	{ "blue", 0 },
	{ "Red", 0 },
	{ "Green+%26+%3CLime%3E", 0 },	/* a label, not a value */
	{ "redd", 0 },
	{ "re", 0 },
};
#define NSELECTS	(sizeof(selects) / sizeof(selects[0]))

START_TEST(test_select)
{
	struct form	 f;
	char		 body[200];

	snprintf(body, sizeof(body), "name=A&password=x&colour=%s",
	    selects[_i].colour);
	ck_assert_int_eq(read_form(&f, body), selects[_i].ok ? 0 : 1);
	if (selects[_i].ok)
		ck_assert_ptr_null(f.values[F_COLOUR].error);
	else
		ck_assert_str_eq(f.values[F_COLOUR].error,
		    "Choose one of the options.");
}
END_TEST

static const struct {
	const char	*date;
	int		 ok;
} dates[] = {
	{ "2024-02-29", 1 },
	{ "2000-02-29", 1 },
	{ "2025-01-01", 1 },
	{ "2025-12-31", 1 },
	{ "2025-04-30", 1 },
	{ "2023-02-28", 1 },
	{ "2023-02-29", 0 },
	{ "1900-02-29", 0 },
	{ "2100-02-29", 0 },
	{ "2025-13-01", 0 },
	{ "2025-00-10", 0 },
	{ "2025-01-00", 0 },
	{ "2025-01-32", 0 },
	{ "2025-04-31", 0 },
	{ "2025-1-01", 0 },
	{ "2025-01-1", 0 },
	{ "25-01-01", 0 },
	{ "2025/01/01", 0 },
	{ "20250101", 0 },
	{ "2025-01-01x", 0 },
	{ "2025-01-01T00", 0 },
	{ " 2025-01-01", 0 },
	{ "2025-01- 1", 0 },
	{ "2025- 1-01", 0 },
	{ "2025-+1-01", 0 },
	{ "2025-01-+1", 0 },
	{ "+025-01-01", 0 },
	{ "-025-01-01", 0 },
	{ "abcd-ef-gh", 0 },
	{ "", 0 },
};
#define NDATES	(sizeof(dates) / sizeof(dates[0]))

START_TEST(test_validate_date)
{
	ck_assert_msg((validate_date(dates[_i].date) == NULL) == dates[_i].ok,
	    "\"%s\": expected %s", dates[_i].date, dates[_i].ok ? "ok" : "no");
}
END_TEST

START_TEST(test_date_field)
{
	struct form	 f;

	ck_assert_int_eq(read_form(&f, GOOD "&day=2023-02-29"), 1);
	ck_assert_ptr_nonnull(f.values[F_DAY].error);
	ck_assert_str_eq(f.values[F_DAY].error, validate_date("2023-02-29"));
	ck_assert_str_eq(form_value(&f, "day"), "2023-02-29");
	ck_assert_int_eq(read_form(&f, GOOD "&day=2025-1-01"), 1);
	ck_assert_int_eq(read_form(&f, GOOD "&day=2024-02-29"), 0);
}
END_TEST

static const struct {
	const char	*s;
	int		 ok;
} integers[] = {
	{ "0", 1 },
	{ "42", 1 },
	{ "-7", 1 },
	{ "007", 1 },
	{ "9223372036854775807", 1 },
	{ "-9223372036854775808", 1 },
	{ "9223372036854775808", 0 },
	{ "", 0 },
	{ "-", 0 },
	{ "--1", 0 },
	{ "+1", 0 },
	{ " 1", 0 },
	{ "1 ", 0 },
	{ "1.5", 0 },
	{ "1e3", 0 },
	{ "12x", 0 },
	{ "0x10", 0 },
	{ "abc", 0 },
};
#define NINTEGERS	(sizeof(integers) / sizeof(integers[0]))

START_TEST(test_validate_integer)
{
	ck_assert_msg((validate_integer(integers[_i].s) == NULL) ==
	    integers[_i].ok, "\"%s\": expected %s", integers[_i].s,
	    integers[_i].ok ? "ok" : "no");
}
END_TEST

START_TEST(test_number_field)
{
	struct form	 f;

	ck_assert_int_eq(read_form(&f, GOOD "&count=1.5"), 1);
	ck_assert_str_eq(f.values[F_COUNT].error, "Enter a whole number.");
	ck_assert_str_eq(form_value(&f, "count"), "1.5");
	ck_assert_int_eq(read_form(&f, GOOD "&count=+15+"), 0);
	ck_assert_str_eq(form_value(&f, "count"), "15");
}
END_TEST

static const struct {
	const char	*s;
	int		 ok;
} emails[] = {
	{ "a@b.org", 1 },
	{ "first.last+tag@example.co.uk", 1 },
	{ "a@b", 0 },
	{ "@b.org", 0 },
	{ "a.org", 0 },
	{ "a@@b.org", 0 },
	{ "a@b@c.org", 0 },
	{ "a b@c.org", 0 },
	{ "a@b.org\t", 0 },
	{ "<a@b.org>", 0 },
	{ "\"a\"@b.org", 0 },
};
#define NEMAILS	(sizeof(emails) / sizeof(emails[0]))

START_TEST(test_validate_email)
{
	ck_assert_msg((validate_email(emails[_i].s) == NULL) == emails[_i].ok,
	    "\"%s\": expected %s", emails[_i].s, emails[_i].ok ? "ok" : "no");
}
END_TEST

START_TEST(test_email_field)
{
	struct form	 f;

	ck_assert_int_eq(read_form(&f, GOOD "&email=not+an+email"), 1);
	ck_assert_str_eq(f.values[F_EMAIL].error,
	    "Enter an email address like name@example.org.");
	/* The value is kept as typed, so the form comes back filled in. */
	ck_assert_str_eq(form_value(&f, "email"), "not an email");
}
END_TEST

START_TEST(test_custom_validator)
{
	struct form	 f;

	ck_assert_int_eq(read_form(&f, GOOD "&code=bad"), 1);
	ck_assert_int_eq(code_calls, 1);
	ck_assert_str_eq(code_seen, "bad");
	ck_assert_str_eq(f.values[F_CODE].error, "Code must be ok.");
	ck_assert_str_eq(form_value(&f, "code"), "bad");
	ck_assert_int_eq(read_form(&f, GOOD "&code=ok"), 0);
	ck_assert_int_eq(code_calls, 1);
	ck_assert_int_eq(read_form(&f, GOOD "&next=//evil.example"), 1);
	ck_assert_str_eq(f.values[F_NEXT].error, "Not a page on this site.");
}
END_TEST

/* Every value in error is still what the user typed. */
START_TEST(test_values_kept_in_error)
{
	struct form	 f;

	ck_assert_int_eq(read_form(&f, "name=Toolongname&colour=blue"
	    "&day=2025-13-01&count=x1&email=nope&code=no&password="), 7);
	ck_assert_str_eq(form_value(&f, "name"), "Toolongname");
	ck_assert_str_eq(form_value(&f, "colour"), "blue");
	ck_assert_str_eq(form_value(&f, "day"), "2025-13-01");
	ck_assert_str_eq(form_value(&f, "count"), "x1");
	ck_assert_str_eq(form_value(&f, "email"), "nope");
	ck_assert_str_eq(form_value(&f, "code"), "no");
}
END_TEST

START_TEST(test_set_error)
{
	struct form	 f;

	ck_assert_int_eq(read_form(&f, GOOD), 0);
	form_set_error(&f, "name", "That name is taken.");
	ck_assert_uint_eq(f.nerrors, 1);
	ck_assert_str_eq(f.values[F_NAME].error, "That name is taken.");
	form_set_error(&f, "name", "Still taken.");
	ck_assert_uint_eq(f.nerrors, 1);
	ck_assert_str_eq(f.values[F_NAME].error, "Still taken.");
	form_set_error(&f, "nope", "x");
	ck_assert_uint_eq(f.nerrors, 1);
	form_set_error(&f, "email", "Bad.");
	ck_assert_uint_eq(f.nerrors, 2);

	/* On a field already in error from form_read: counted once. */
	ck_assert_int_eq(read_form(&f, "colour=red&password=x"), 1);
	form_set_error(&f, "name", "Other.");
	ck_assert_uint_eq(f.nerrors, 1);
	ck_assert_str_eq(f.values[F_NAME].error, "Other.");
}
END_TEST

/* --- rendering ----------------------------------------------------------- */

START_TEST(test_render_field_error)
{
	struct form	 f;
	const char	*s;

	ck_assert_int_eq(read_form(&f,
	    "name=%3Cb%3E%26%22x&colour=red&password=x"), 1);
	ck_assert_str_eq(form_value(&f, "name"), "<b>&\"x");
	form_render_field(&h, &f, F_NAME);
	s = rendered();
	ck_assert_ptr_nonnull(strstr(s, "<label for=\"f-name\">Name</label>"));
	ck_assert_ptr_nonnull(strstr(s, " id=\"f-name\""));
	ck_assert_ptr_nonnull(strstr(s, " name=\"name\""));
	ck_assert_ptr_nonnull(strstr(s, " type=\"text\""));
	ck_assert_ptr_nonnull(strstr(s, " value=\"&lt;b&gt;&amp;&quot;x\""));
	ck_assert_ptr_null(strstr(s, "<b>"));
	ck_assert_ptr_nonnull(strstr(s, " aria-invalid=\"true\""));
	ck_assert_ptr_nonnull(strstr(s, " id=\"f-name-error\""));
	ck_assert_ptr_nonnull(strstr(s,
	    ">Name must be 5 characters or fewer.</p>"));
	ck_assert_ptr_nonnull(strstr(s,
	    " aria-describedby=\"f-name-hint f-name-error\""));
	ck_assert_ptr_nonnull(strstr(s, " id=\"f-name-hint\""));
	ck_assert_ptr_nonnull(strstr(s, ">As on your badge</p>"));
	ck_assert_ptr_nonnull(strstr(s, " maxlength=\"5\""));
	ck_assert_ptr_nonnull(strstr(s, " autocomplete=\"name\""));
	ck_assert_ptr_nonnull(strstr(s, " required"));
	ck_assert_ptr_nonnull(strstr(s, " autofocus"));
	ck_assert_ptr_nonnull(strstr(s, "field-error"));
}
END_TEST

START_TEST(test_render_field_ok)
{
	struct form	 f;
	const char	*s;

	ck_assert_int_eq(read_form(&f, GOOD "&email=a%40b.org"), 0);
	form_render_field(&h, &f, F_EMAIL);
	s = rendered();
	ck_assert_ptr_nonnull(strstr(s, "<label for=\"f-email\">Email</label>"));
	ck_assert_ptr_nonnull(strstr(s, " type=\"email\""));
	ck_assert_ptr_nonnull(strstr(s, " value=\"a@b.org\""));
	ck_assert_ptr_null(strstr(s, "aria-invalid"));
	ck_assert_ptr_null(strstr(s, "aria-describedby"));
	ck_assert_ptr_null(strstr(s, "-error"));
	ck_assert_ptr_null(strstr(s, " required"));
}
END_TEST

/* An error without a hint: aria-describedby names the error alone. */
START_TEST(test_render_error_no_hint)
{
	struct form	 f;
	const char	*s;

	ck_assert_int_eq(read_form(&f, GOOD "&count=zz"), 1);
	form_render_field(&h, &f, F_COUNT);
	s = rendered();
	ck_assert_ptr_nonnull(strstr(s,
	    " aria-describedby=\"f-count-error\""));
	ck_assert_ptr_nonnull(strstr(s, " id=\"f-count-error\""));
	ck_assert_ptr_nonnull(strstr(s, " value=\"zz\""));
	ck_assert_ptr_nonnull(strstr(s, " inputmode=\"numeric\""));
}
END_TEST

START_TEST(test_render_password_not_echoed)
{
	struct form	 f;
	const char	*s;

	ck_assert_int_eq(read_form(&f, "name=&colour=red"
	    "&password=Sup3rS3cret%22%3E"), 1);
	form_set_error(&f, "password", "Wrong password.");
	form_render_fields(&h, &f);
	s = rendered();
	ck_assert_ptr_null(strstr(s, "Sup3rS3cret"));
	ck_assert_ptr_nonnull(strstr(s, " type=\"password\""));
	ck_assert_ptr_nonnull(strstr(s, "<label for=\"f-password\">"));
	ck_assert_ptr_nonnull(strstr(s, ">Wrong password.</p>"));
}
END_TEST

START_TEST(test_render_select)
{
	struct form	 f;
	const char	*s;

	ck_assert_int_eq(read_form(&f, "name=A&password=x&colour=green"), 0);
	form_render_field(&h, &f, F_COLOUR);
	s = rendered();
	ck_assert_ptr_nonnull(strstr(s, "<select id=\"f-colour\" "
	    "name=\"colour\" required>"));
	ck_assert_ptr_nonnull(strstr(s, "<option value=\"red\">Red</option>"));
	ck_assert_ptr_nonnull(strstr(s, "<option value=\"green\" selected>"
	    "Green &amp; &lt;Lime&gt;</option>"));
}
END_TEST

START_TEST(test_render_textarea_hidden)
{
	struct form	 f;
	const char	*s;

	ck_assert_int_eq(read_form(&f, GOOD "&notes=%3C%2Ftextarea%3E%26"
	    "&next=/a%22b"), 0);
	form_render_field(&h, &f, F_NOTES);
	form_render_field(&h, &f, F_NEXT);
	s = rendered();
	ck_assert_ptr_nonnull(strstr(s, "<textarea id=\"f-notes\" "
	    "name=\"notes\" rows=\"5\">&lt;/textarea&gt;&amp;</textarea>"));
	ck_assert_ptr_nonnull(strstr(s,
	    "<input type=\"hidden\" name=\"next\" value=\"/a&quot;b\">"));
	ck_assert_ptr_null(strstr(s, "f-next"));
}
END_TEST

START_TEST(test_render_all_balanced)
{
	struct form	 f;
	const char	*s;

	ck_assert_int_eq(read_form(&f, "email=x&day=1&count=y&code=n"), 7);
	form_render_summary(&h, &f);
	form_render_fields(&h, &f);
	s = rendered();
	ck_assert_uint_eq(html_depth(&h), 0);
	ck_assert_ptr_nonnull(strstr(s, "<label for=\"f-day\">"));
	ck_assert_ptr_nonnull(strstr(s, "<label for=\"f-code\">"));
}
END_TEST

START_TEST(test_render_summary)
{
	struct form	 f;
	const char	*s;

	ck_assert_int_eq(read_form(&f, "colour=red&password=x&email=bad"), 2);
	form_render_summary(&h, &f);
	s = rendered();
	ck_assert_ptr_nonnull(strstr(s, "role=\"alert\""));
	ck_assert_ptr_nonnull(strstr(s, "There is a problem"));
	ck_assert_ptr_nonnull(strstr(s,
	    "<a href=\"#f-name\">Name is required.</a>"));
	ck_assert_ptr_nonnull(strstr(s, "<a href=\"#f-email\">Enter an email "
	    "address like name@example.org.</a>"));
	ck_assert_ptr_null(strstr(s, "#f-colour"));
	ck_assert_ptr_null(strstr(s, "#f-password"));
	/* In table order. */
	ck_assert(strstr(s, "#f-name") < strstr(s, "#f-email"));
}
END_TEST

START_TEST(test_render_summary_none)
{
	struct form	 f;

	ck_assert_int_eq(read_form(&f, GOOD), 0);
	form_render_summary(&h, &f);
	ck_assert_uint_eq(out.len, 0);
	ck_assert_int_eq(html_finish(&h), 0);
}
END_TEST

static const struct {
	const char	*s;
	int		 ok;
} local_paths[] = {
	{ "/", 1 },
	{ "/items?x=1", 1 },
	{ "//evil.example", 0 },
	{ "/\\evil.example", 0 },
	{ "http://evil.example", 0 },
	{ "items", 0 },
	{ "", 0 },
	{ "/\t/evil.example", 0 },
};
#define NLOCAL_PATHS	(sizeof(local_paths) / sizeof(local_paths[0]))

START_TEST(test_validate_local_path)
{
	const char	*e = validate_local_path(local_paths[_i].s);

	if (local_paths[_i].ok)
		ck_assert_ptr_null(e);
	else
		ck_assert_str_eq(e, "Not a page on this site.");
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("form");
	TCase	*tc;

	tc = tcase_create("read");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_init);
	tcase_add_test(tc, test_good);
	tcase_add_test(tc, test_required_missing);
	tcase_add_test(tc, test_trimming);
	tcase_add_loop_test(tc, test_max_chars, 0, (int)NLENGTHS);
	tcase_add_loop_test(tc, test_select, 0, (int)NSELECTS);
	tcase_add_test(tc, test_date_field);
	tcase_add_test(tc, test_number_field);
	tcase_add_test(tc, test_email_field);
	tcase_add_test(tc, test_custom_validator);
	tcase_add_test(tc, test_values_kept_in_error);
	tcase_add_test(tc, test_set_error);
	suite_add_tcase(s, tc);

	tc = tcase_create("validators");
	tcase_add_loop_test(tc, test_validate_date, 0, (int)NDATES);
	tcase_add_loop_test(tc, test_validate_integer, 0, (int)NINTEGERS);
	tcase_add_loop_test(tc, test_validate_email, 0, (int)NEMAILS);
	tcase_add_loop_test(tc, test_validate_local_path, 0,
	    (int)NLOCAL_PATHS);
	suite_add_tcase(s, tc);

	tc = tcase_create("render");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_render_field_error);
	tcase_add_test(tc, test_render_field_ok);
	tcase_add_test(tc, test_render_error_no_hint);
	tcase_add_test(tc, test_render_password_not_echoed);
	tcase_add_test(tc, test_render_select);
	tcase_add_test(tc, test_render_textarea_hidden);
	tcase_add_test(tc, test_render_all_balanced);
	tcase_add_test(tc, test_render_summary);
	tcase_add_test(tc, test_render_summary_none);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
