#include "config.h"

#include <stddef.h>
#include <string.h>

#include <check.h>

#include "feed_date.h"
#include "testhelp.h"

/* Input, expected UTC (NULL: refused). */
static const struct {
	const char	*in;
	const char	*out;
} cases[] = {
	/* RFC 822 and the variants feeds write. */
	{ "Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
	{ "Thu, 01 Jan 2004 19:48:21 UT", "2004-01-01T19:48:21Z" },
	{ "Thu, 01 Jan 2004 19:48:21 Z", "2004-01-01T19:48:21Z" },
	{ "01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
	{ "Thu,01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
	{ "Thu, 1 Jan 2004 19:48 GMT", "2004-01-01T19:48:00Z" },
	{ "Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z" },
	{ "Fri, 31 Dec 99 23:59:59 GMT", "1999-12-31T23:59:59Z" },
	{ "Thu, 01 Jan 2004 14:48:21 EST", "2004-01-01T19:48:21Z" },
	{ "Thu, 01 Jul 2004 15:48:21 EDT", "2004-07-01T19:48:21Z" },
	{ "Thu, 01 Jan 2004 11:48:21 PST", "2004-01-01T19:48:21Z" },
	{ "Thu, 01 Jul 2004 20:48:21 BST", "2004-07-01T19:48:21Z" },
	{ "Thu, 01 Jul 2004 21:48:21 CEST", "2004-07-01T19:48:21Z" },
	{ "Thu, 01 Jan 2004 21:48:21 +0200", "2004-01-01T19:48:21Z" },
	{ "Thu, 01 Jan 2004 21:48:21 +02:00", "2004-01-01T19:48:21Z" },
	{ "Thu, 01 Jan 2004 00:30:00 +0100", "2003-12-31T23:30:00Z" },
	{ "Wed, 31 Dec 2003 23:30:00 -0100", "2004-01-01T00:30:00Z" },
	{ "Thu, 01 Jan 2004 19:48:21", "2004-01-01T19:48:21Z" },
	{ "Thursday, 01 January 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
	{ "thu, 01 jan 2004 19:48:21 gmt", "2004-01-01T19:48:21Z" },
	{ "  Thu, 01 Jan 2004 19:48:21 GMT  ", "2004-01-01T19:48:21Z" },
	{ "01-Jan-2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
	{ "Thu, 01 Jan 2004", "2004-01-01T00:00:00Z" },
	{ "Sat, 29 Feb 2020 12:00:00 GMT", "2020-02-29T12:00:00Z" },
	{ "Thu, 01 Jan 2004 19:48:21 GMT+1", "2004-01-01T18:48:21Z" },
	/* RFC 3339, ISO 8601, W3C-DTF, dc:date. */
	{ "2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z" },
	{ "2003-12-31T10:14:55z", "2003-12-31T10:14:55Z" },
	{ "2003-12-31T10:14:55.123Z", "2003-12-31T10:14:55Z" },
	{ "2003-12-31T10:14:55.5+01:00", "2003-12-31T09:14:55Z" },
	{ "2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55Z" },
	{ "2003-12-31T23:14:55-08:00", "2004-01-01T07:14:55Z" },
	{ "2003-12-31T10:14:55+0530", "2003-12-31T04:44:55Z" },
	{ "2003-12-31T10:14Z", "2003-12-31T10:14:00Z" },
	{ "2003-12-31 10:14:55Z", "2003-12-31T10:14:55Z" },
	{ "2003-12-31T10:14:55", "2003-12-31T10:14:55Z" },
	{ "2003-12-31", "2003-12-31T00:00:00Z" },
	{ "2003-12", "2003-12-01T00:00:00Z" },
	{ "20031231T101455Z", "2003-12-31T10:14:55Z" },
	{ "2016-12-31T23:59:60Z", "2016-12-31T23:59:59Z" },
	/* Garbage. */
	{ "", NULL },
	{ "yesterday", NULL },
	{ "2003-13-01", NULL },
	{ "2003-02-30T00:00:00Z", NULL },
	{ "2003-12-31T25:00:00Z", NULL },
	{ "2003-12-31T10:14:55+99:00", NULL },
	{ "Thu, 32 Jan 2004 19:48:21 GMT", NULL },
	{ "Thu, 01 Foo 2004 19:48:21 GMT", NULL },
	{ "Thu, 01 Jan 2004 19:48:21 XYZ", NULL },
	{ "Thu, 01 Jan 2004 19:48:21 GMT trailing", NULL },
	{ "2003-12-31T10:14:55Z junk", NULL },
	{ "12/31/2003", NULL },
};
#define NCASES	(sizeof(cases) / sizeof(cases[0]))

START_TEST(test_table)
{
	char	 out[FEED_DATE_LEN + 1] = "untouched";
	int	 rc = feed_date_parse(cases[_i].in, out);

	if (cases[_i].out == NULL) {
		ck_assert_msg(rc == -1, "\"%s\" accepted as %s", cases[_i].in, out);
		ck_assert_str_eq(out, "untouched");
	} else {
		ck_assert_msg(rc == 0, "\"%s\" refused", cases[_i].in);
		ck_assert_str_eq(out, cases[_i].out);
	}
}
END_TEST

START_TEST(test_null)
{
	char	 out[FEED_DATE_LEN + 1];

	ck_assert_int_eq(feed_date_parse(NULL, out), -1);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("feed_date");
	TCase	*tc = tcase_create("parse");

	tcase_add_loop_test(tc, test_table, 0, (int)NCASES);
	tcase_add_test(tc, test_null);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
