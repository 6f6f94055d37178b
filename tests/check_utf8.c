#include "config.h"

#include <stddef.h>
#include <string.h>

#include <check.h>

#include "testhelp.h"
#include "utf8.h"

/* Lengths are explicit so that cases may hold NUL bytes. */
#define S(lit)	lit, sizeof(lit) - 1

static const struct {
	const char	*what;
	const char	*s;
	size_t		 n;
	int		 valid;
} cases[] = {
	/* Well-formed. */
	{ "empty", S(""), 1 },
	{ "ASCII", S("hello, world ~!"), 1 },
	{ "DEL", S("\x7f"), 1 },
	{ "2-byte min U+0080", S("\xc2\x80"), 1 },
	{ "2-byte max U+07FF", S("\xdf\xbf"), 1 },
	{ "2-byte in text", S("caf\xc3\xa9"), 1 },
	{ "3-byte min U+0800", S("\xe0\xa0\x80"), 1 },
	{ "3-byte euro U+20AC", S("\xe2\x82\xac"), 1 },
	{ "3-byte U+D7FF", S("\xed\x9f\xbf"), 1 },
	{ "3-byte U+E000", S("\xee\x80\x80"), 1 },
	{ "3-byte max U+FFFF", S("\xef\xbf\xbf"), 1 },
	{ "4-byte min U+10000", S("\xf0\x90\x80\x80"), 1 },
	{ "4-byte emoji U+1F600", S("\xf0\x9f\x98\x80"), 1 },
	{ "4-byte max U+10FFFF", S("\xf4\x8f\xbf\xbf"), 1 },
	{ "mixed", S("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z"), 1 },

	/* Overlong forms. */
	{ "overlong NUL C0 80", S("\xc0\x80"), 0 },
	{ "overlong C1 BF", S("\xc1\xbf"), 0 },
	{ "overlong slash C0 AF", S("\xc0\xaf"), 0 },
	{ "overlong 3-byte E0 80 80", S("\xe0\x80\x80"), 0 },
	{ "overlong 3-byte E0 9F BF", S("\xe0\x9f\xbf"), 0 },
	{ "overlong 4-byte F0 80 80 80", S("\xf0\x80\x80\x80"), 0 },
	{ "overlong 4-byte F0 8F BF BF", S("\xf0\x8f\xbf\xbf"), 0 },

	/* Surrogates and beyond U+10FFFF. */
	{ "high surrogate ED A0 80", S("\xed\xa0\x80"), 0 },
	{ "low surrogate ED BF BF", S("\xed\xbf\xbf"), 0 },
	{ "surrogate pair", S("\xed\xa0\xbd\xed\xb8\x80"), 0 },
	{ "U+110000 F4 90 80 80", S("\xf4\x90\x80\x80"), 0 },
	{ "F5 lead", S("\xf5\x80\x80\x80"), 0 },
	{ "5-byte F8", S("\xf8\x88\x80\x80\x80"), 0 },
	{ "6-byte FC", S("\xfc\x84\x80\x80\x80\x80"), 0 },
	{ "FE", S("\xfe"), 0 },
	{ "FF", S("\xff"), 0 },

	/* Truncated sequences. */
	{ "truncated 2-byte", S("\xc3"), 0 },
	{ "truncated 2-byte after text", S("abc\xc3"), 0 },
	{ "truncated 3-byte", S("\xe2\x82"), 0 },
	{ "truncated 4-byte", S("\xf0\x9f\x98"), 0 },
	{ "3-byte cut by ASCII", S("\xe2\x82" "a"), 0 },
	{ "4-byte cut by ASCII", S("\xf0\x9f" "ab"), 0 },
	{ "2-byte cut by a lead", S("\xc3\xc3\xa9"), 0 },

	/* Stray continuation bytes. */
	{ "lone continuation", S("\x80"), 0 },
	{ "continuation in text", S("a\xbf" "b"), 0 },
	{ "extra continuation", S("\xc3\xa9\xa9"), 0 },

	/* NUL is rejected anywhere. */
	{ "NUL alone", S("\0"), 0 },
	{ "NUL in text", S("a\0b"), 0 },
	{ "NUL at end", S("abc\0"), 0 },
	{ "NUL as continuation", S("\xc3\0"), 0 },
};
#define NCASES	(sizeof(cases) / sizeof(cases[0]))

START_TEST(test_valid_table)
{
	ck_assert_msg(utf8_valid(cases[_i].s, cases[_i].n) == cases[_i].valid,
	    "%s: expected %s", cases[_i].what,
	    cases[_i].valid ? "valid" : "invalid");
}
END_TEST

/* Only the n bytes given are looked at. */
START_TEST(test_valid_respects_length)
{
	ck_assert_int_eq(utf8_valid("ab\xff", 2), 1);
	ck_assert_int_eq(utf8_valid("ab\xff", 3), 0);
	ck_assert_int_eq(utf8_valid("\xc3\xa9", 1), 0);
	ck_assert_int_eq(utf8_valid("\xc3\xa9", 2), 1);
	ck_assert_int_eq(utf8_valid("\xe2\x82\xac", 2), 0);
	ck_assert_int_eq(utf8_valid("\xf0\x9f\x98\x80", 3), 0);
	ck_assert_int_eq(utf8_valid("ab\0cd", 2), 1);
	ck_assert_int_eq(utf8_valid("whatever", 0), 1);
}
END_TEST

/* Every code point round trips through a minimal encoder. */
static size_t
encode(unsigned long cp, unsigned char *o)
{
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

START_TEST(test_valid_all_code_points)
{
	unsigned char	 b[4];
	unsigned long	 cp;
	size_t		 n;
	int		 want;

	for (cp = 0; cp <= 0x13ffff; cp++) {
		n = encode(cp, b);
		want = cp != 0 && !(cp >= 0xd800 && cp <= 0xdfff) &&
		    cp <= 0x10ffff;
		if (utf8_valid((const char *)b, n) != want)
			ck_abort_msg("U+%04lX: expected %s", cp,
			    want ? "valid" : "invalid");
	}
}
END_TEST

static const struct {
	const char	*s;
	size_t		 len;
} lengths[] = {
	{ "", 0 },
	{ "a", 1 },
	{ "hello", 5 },
	{ "caf\xc3\xa9", 4 },
	{ "\xc3\xa9\xc3\xa9\xc3\xa9", 3 },
	{ "\xe2\x82\xac", 1 },
	{ "\xf0\x9f\x98\x80", 1 },
	{ "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z", 5 },
	{ "J\xc3\xb6rg", 4 },
};
#define NLENGTHS	(sizeof(lengths) / sizeof(lengths[0]))

START_TEST(test_length_table)
{
	ck_assert_uint_eq(utf8_length(lengths[_i].s), lengths[_i].len);
	ck_assert_int_eq(utf8_valid(lengths[_i].s, strlen(lengths[_i].s)), 1);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("utf8");
	TCase	*tc;

	tc = tcase_create("valid");
	tcase_add_loop_test(tc, test_valid_table, 0, (int)NCASES);
	tcase_add_test(tc, test_valid_respects_length);
	tcase_add_test(tc, test_valid_all_code_points);
	suite_add_tcase(s, tc);

	tc = tcase_create("length");
	tcase_add_loop_test(tc, test_length_table, 0, (int)NLENGTHS);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
