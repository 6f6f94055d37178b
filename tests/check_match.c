/*
 * Watch-term matching (lib/match.c): folding, word boundaries, phrases,
 * exclusions, titles-only terms, offsets back into the original bytes,
 * hostile input, and a thousand-term set.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "match.h"
#include "testhelp.h"

static const struct {
	long long	 id;
	const char	*text;
	int		 exclude;
	int		 titles_only;
} terms[] = {
	{ 1, "HIAS+JCORE", 0, 0 },
	{ 2, "HIAS + JCORE", 0, 0 },
	{ 3, "JCORE", 0, 0 },
	{ 4, "Jewish Council for Racial Equality", 0, 0 },
	{ 5, "unaccompanied asylum-seeking children", 0, 0 },
	{ 6, "Refugee Council", 0, 0 },
	{ 7, "Council", 0, 0 },
	{ 8, "\xc5\x81ukasz W\xc3\xb3jcik", 0, 0 },		/* Łukasz Wójcik */
	{ 9, "Dr Zo\xc3\xab O\xe2\x80\x99Neill", 0, 0 },	/* Dr Zoë O’Neill */
	{ 20, "asylum", 0, 1 },
	{ 100, "crossword", 1, 0 },
	{ 101, "obituary", 1, 1 },
};

static struct matcher *
terms_matcher(void)
{
	struct matcher	*m = matcher_new();
	size_t		 i;

	ck_assert_ptr_nonnull(m);
	for (i = 0; i < sizeof(terms) / sizeof(terms[0]); i++)
		ck_assert_int_eq(matcher_add(m, terms[i].id, terms[i].text,
		    terms[i].exclude, terms[i].titles_only), MATCH_OK);
	ck_assert_int_eq(matcher_build(m), MATCH_OK);
	return m;
}

static const char *
term_text(long long id)
{
	size_t	 i;

	for (i = 0; i < sizeof(terms) / sizeof(terms[0]); i++)
		if (terms[i].id == id)
			return terms[i].text;
	return NULL;
}

/*
 * Expected hits as "id:field:offset:length" (field t or b), space
 * separated, in matcher_scan()'s order.
 */
static const struct {
	const char	*what;
	const char	*title;
	const char	*body;
	const char	*hits;
	long long	 excluded_by;
} scans[] = {
	/* Case and accents, both ways round. */
	{ "accented text", NULL, "Jewish Council for Racial \xc3\x89quality",
	    "4:b:0:35 7:b:7:7", 0 },
	{ "upper case", NULL, "JEWISH COUNCIL FOR RACIAL EQUALITY",
	    "4:b:0:34 7:b:7:7", 0 },
	{ "combining accent", NULL, "Jewish Council for Racial E\xcc\x81quality",
	    "4:b:0:36 7:b:7:7", 0 },
	{ "accented term, plain text", NULL, "by Lukasz Wojcik.",
	    "8:b:3:13", 0 },
	{ "accented term, upper text", NULL,
	    "by \xc5\x81UKASZ W\xc3\x93JCIK.", "8:b:3:15", 0 },
	{ "straight apostrophe, curly term", NULL, "dr zoe o'neill",
	    "9:b:0:14", 0 },
	/* Whole words. */
	{ "suffix", NULL, "JCOREX", "", 0 },
	{ "prefix", NULL, "XJCORE", "", 0 },
	{ "digit suffix", NULL, "JCORE2", "", 0 },
	{ "in brackets", NULL, "(JCORE)", "3:b:1:5", 0 },
	{ "possessive", NULL, "JCORE's", "3:b:0:5", 0 },
	{ "curly possessive", NULL, "JCORE\xe2\x80\x99s", "3:b:0:5", 0 },
	{ "hyphenated", NULL, "JCORE-led", "3:b:0:5", 0 },
	{ "lower case", NULL, "said jcore", "3:b:5:5", 0 },
	{ "twice", NULL, "JCORE and JCORE", "3:b:0:5 3:b:10:5", 0 },
	{ "after a Hebrew letter", NULL, "\xd7\xa9JCORE", "", 0 },
	{ "soft hyphen inside", NULL, "JCO\xc2\xadRE", "3:b:0:7", 0 },
	/* Phrases across white space. */
	{ "runs of spaces", NULL,
	    "unaccompanied   asylum-seeking\n\tchildren",
	    "5:b:0:40", 0 },
	{ "en dash", NULL, "unaccompanied asylum\xe2\x80\x93seeking children",
	    "5:b:0:39", 0 },
	{ "no-break space", NULL, "Refugee\xc2\xa0" "Council",
	    "6:b:0:16 7:b:9:7", 0 },
	{ "phrase cut short", NULL, "unaccompanied asylum-seeking child",
	    "", 0 },
	/* Punctuation inside a term is literal. */
	{ "plus, no spaces", NULL, "HIAS+JCORE", "1:b:0:10 3:b:5:5", 0 },
	{ "plus, spaces", NULL, "HIAS + JCORE", "2:b:0:12 3:b:7:5", 0 },
	{ "plus, odd spaces", NULL, "HIAS  +\nJCORE", "2:b:0:13 3:b:8:5", 0 },
	{ "plus, one space", NULL, "HIAS+ JCORE", "3:b:6:5", 0 },
	/* Overlapping terms. */
	{ "overlap", NULL, "the Refugee Council said",
	    "6:b:4:15 7:b:12:7", 0 },
	/* Exclusions. */
	{ "excluded in body", "JCORE news", "crossword answers",
	    "3:t:0:5", 100 },
	{ "excluded in title", "Crossword", "JCORE", "3:b:0:5", 100 },
	{ "excluded, no include", NULL, "crossword", "", 100 },
	{ "exclusion is whole-word", NULL, "crosswords JCORE",
	    "3:b:11:5", 0 },
	{ "titles-only exclusion in title", "Obituary", "JCORE",
	    "3:b:0:5", 101 },
	{ "titles-only exclusion in body", "News", "obituary of JCORE",
	    "3:b:12:5", 0 },
	/* Titles only. */
	{ "titles-only in title", "Asylum policy", NULL, "20:t:0:6", 0 },
	{ "titles-only in body", NULL, "asylum policy", "", 0 },
	{ "titles-only inside a body phrase", NULL,
	    "unaccompanied asylum-seeking children", "5:b:0:37", 0 },
	{ "title and body", "JCORE", "JCORE", "3:t:0:5 3:b:0:5", 0 },
	/* Offsets after multibyte characters. */
	{ "after Hebrew and a dash", NULL,
	    "Zo\xc3\xab said \xe2\x80\x94 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d JCORE",
	    "3:b:23:5", 0 },
	{ "accented match after accents", "\xc3\xa9\xc3\xa9",
	    "\xc3\xa9\xc3\xa9 Dr Zo\xc3\xab O\xe2\x80\x99Neill!",
	    "9:b:5:17", 0 },
	/* Invalid UTF-8. */
	{ "bad byte inside", NULL, "JC\xff" "ORE", "", 0 },
	{ "bad bytes around", NULL, "\xff JCORE \xc3", "3:b:2:5", 0 },
	{ "surrogate before", NULL, "\xed\xa0\x80JCORE", "3:b:3:5", 0 },
	{ "truncated after", NULL, "JCORE\xe2\x80", "3:b:0:5", 0 },
	{ "lone continuation", "\x80\x80", "\x80JCORE\x80", "3:b:1:5", 0 },
	/* Nothing. */
	{ "empty", "", "", "", 0 },
	{ "NULL", NULL, NULL, "", 0 },
	{ "spaces only", " ", "\n\t ", "", 0 },
};

START_TEST(test_scan)
{
	struct matcher		*m = terms_matcher();
	struct match_hit	*hits;
	struct arena		 a;
	char			 got[512] = "";
	size_t			 nhits, i, len = 0;
	long long		 excluded;
	int			 n;

	arena_init(&a);
	n = matcher_scan(m, scans[_i].title, scans[_i].body, &hits, &nhits,
	    &excluded, &a);
	ck_assert_int_ge(n, 0);
	ck_assert_uint_eq((size_t)n, nhits);
	for (i = 0; i < nhits; i++) {
		const char	*field = hits[i].field == MATCH_TITLE ?
		    scans[_i].title : scans[_i].body;
		char		*orig, *want, *have;

		len += (size_t)snprintf(got + len, sizeof(got) - len,
		    "%s%lld:%c:%zu:%zu", i ? " " : "", hits[i].term_id,
		    hits[i].field == MATCH_TITLE ? 't' : 'b', hits[i].offset,
		    hits[i].length);
		ck_assert_uint_lt(len, sizeof(got));
		/* The original bytes fold to the term: offsets map back. */
		ck_assert_uint_le(hits[i].offset + hits[i].length,
		    strlen(field));
		orig = arena_strndup(&a, field + hits[i].offset,
		    hits[i].length);
		want = match_fold(term_text(hits[i].term_id), &a);
		have = match_fold(orig, &a);
		ck_assert_ptr_nonnull(want);
		ck_assert_ptr_nonnull(have);
		ck_assert_msg(strcmp(want, have) == 0, "%s: hit \"%s\" folds "
		    "to \"%s\", not \"%s\"", scans[_i].what, orig, have, want);
	}
	ck_assert_msg(strcmp(got, scans[_i].hits) == 0,
	    "%s: hits \"%s\", want \"%s\"", scans[_i].what, got,
	    scans[_i].hits);
	ck_assert_msg(excluded == scans[_i].excluded_by,
	    "%s: excluded by %lld, want %lld", scans[_i].what, excluded,
	    scans[_i].excluded_by);
	if (nhits == 0)
		ck_assert_ptr_null(hits);
	arena_free(&a);
	matcher_free(m);
}
END_TEST

static const struct {
	const char	*in;
	const char	*out;
} folds[] = {
	{ "  HIAS  +  JCORE ", "hias + jcore" },
	{ "Stra\xc3\x9f" "e", "strasse" },
	{ "\xc3\x86sir \xc5\x92uvre \xc4\xb3s", "aesir oeuvre ijs" },
	{ "O\xe2\x80\x99Neill \xe2\x80\x93 Smith", "o'neill - smith" },
	{ "\xe2\x80\x9cQuoted\xe2\x80\x9d", "\"quoted\"" },
	{ "\xc5\x81\xc3\xb3" "d\xc5\xba", "lodz" },
	{ "\xc3\x80\xc3\x85\xc3\x87\xc3\x90\xc3\x91\xc3\x98\xc3\x9d\xc3\xbf",
	    "aacdnoyy" },
	{ "\xc4\x8c\xc4\x9b\xc5\x99\xc5\xa1\xc5\xbe\xc5\xaf\xc4\xb1\xc5\xbf",
	    "cerszuis" },
	{ "\xc3\x9e\xc3\xb3r \xc3\x97 \xc3\xb7", "thor \xc3\x97 \xc3\xb7" },
	{ "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d" },
	{ "a\xe2\x80\x83\xe3\x80\x80" "b\xe2\x80\x8b" "c", "a bc" },
	{ "", "" },
	{ " \xc2\xad ", "" },
};

START_TEST(test_fold)
{
	struct arena	 a;
	char		*s;

	arena_init(&a);
	s = match_fold(folds[_i].in, &a);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, folds[_i].out);
	arena_free(&a);
}
END_TEST

START_TEST(test_add_errors)
{
	struct matcher		*m = matcher_new();
	struct match_hit	*hits;
	struct arena		 a;
	size_t			 nhits;
	long long		 excluded;

	arena_init(&a);
	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(matcher_add(m, 1, "", 0, 0), MATCH_EMPTY);
	ck_assert_int_eq(matcher_add(m, 1, " \t\n", 0, 0), MATCH_EMPTY);
	ck_assert_int_eq(matcher_add(m, 1, "\xc2\xad", 0, 0), MATCH_EMPTY);
	ck_assert_int_eq(matcher_add(m, 1, "JC\xff", 0, 0), MATCH_INVALID);
	ck_assert_int_eq(matcher_add(m, 1, "\xc0\x80", 0, 0), MATCH_INVALID);
	ck_assert_int_eq(matcher_add(m, 0, "JCORE", 0, 0), MATCH_INVALID);
	ck_assert_int_eq(matcher_add(m, 1, NULL, 0, 0), MATCH_INVALID);
	ck_assert_uint_eq(matcher_count(m), 0);
	ck_assert_int_eq(matcher_scan(m, "JCORE", NULL, &hits, &nhits,
	    &excluded, &a), -1);
	ck_assert_int_eq(matcher_add(m, 1, "JCORE", 0, 0), MATCH_OK);
	ck_assert_int_eq(matcher_add(m, 2, "JCORE", 0, 0), MATCH_OK);
	ck_assert_uint_eq(matcher_count(m), 2);
	ck_assert_int_eq(matcher_build(m), MATCH_OK);
	ck_assert_int_eq(matcher_build(m), MATCH_STATE);
	ck_assert_int_eq(matcher_add(m, 3, "HIAS", 0, 0), MATCH_STATE);
	/* The same text under two ids: both reported, in id order. */
	ck_assert_int_eq(matcher_scan(m, "JCORE", NULL, &hits, &nhits,
	    &excluded, &a), 2);
	ck_assert_int_eq(hits[0].term_id, 1);
	ck_assert_int_eq(hits[1].term_id, 2);
	ck_assert_str_eq(match_strerror(MATCH_EMPTY), "the term is empty");
	ck_assert_str_eq(match_strerror(MATCH__MAX), "unknown error");
	matcher_free(m);
	matcher_free(NULL);
	arena_free(&a);
}
END_TEST

START_TEST(test_no_terms)
{
	struct matcher		*m = matcher_new();
	struct match_hit	*hits;
	struct arena		 a;
	size_t			 nhits;
	long long		 excluded;

	arena_init(&a);
	ck_assert_int_eq(matcher_build(m), MATCH_OK);
	ck_assert_int_eq(matcher_scan(m, "JCORE", "anything", &hits, &nhits,
	    &excluded, &a), 0);
	ck_assert_ptr_null(hits);
	ck_assert_int_eq(excluded, 0);
	matcher_free(m);
	arena_free(&a);
}
END_TEST

/* Every short string over awkward bytes: no crash, hits inside the text. */
START_TEST(test_hostile_bytes)
{
	static const char	 alphabet[] = "J \x80\xc3\xa9\xe2\xf0\xff\xed(";
	struct matcher		*m = terms_matcher();
	struct match_hit	*hits;
	struct arena		 a;
	char			 s[6];
	size_t			 nhits, i, j, n = sizeof(alphabet) - 1, c;
	long long		 excluded;

	arena_init(&a);
	for (c = 0; c < n * n * n * n; c++) {
		s[0] = alphabet[c % n];
		s[1] = alphabet[c / n % n];
		s[2] = alphabet[c / n / n % n];
		s[3] = alphabet[c / n / n / n % n];
		s[4] = '\0';
		ck_assert_int_eq(matcher_scan(m, s, s, &hits, &nhits,
		    &excluded, &a), 0);
		/* And wrapped around a term, still found exactly once. */
		for (i = 0; i < 4; i++) {
			char	 t[32];
			int	 k;

			snprintf(t, sizeof(t), "%.*s JCORE %s", (int)i, s,
			    s + i);
			k = matcher_scan(m, NULL, t, &hits, &nhits, &excluded,
			    &a);
			ck_assert_int_eq(k, 1);
			j = hits[0].offset;
			ck_assert_int_eq(memcmp(t + j, "JCORE", 5), 0);
		}
		arena_free(&a);
	}
	matcher_free(m);
}
END_TEST

START_TEST(test_thousand_terms)
{
	struct matcher		*m = matcher_new();
	struct match_hit	*hits;
	struct arena		 a;
	char			 term[64];
	size_t			 nhits;
	long long		 excluded;
	int			 i;

	arena_init(&a);
	for (i = 1; i <= 1000; i++) {
		snprintf(term, sizeof(term), "Member%d Constituency%d", i,
		    i * 7 % 1000);
		ck_assert_int_eq(matcher_add(m, i, term, 0, 0), MATCH_OK);
	}
	ck_assert_int_eq(matcher_add(m, 1001, "JCORE", 0, 0), MATCH_OK);
	ck_assert_int_eq(matcher_add(m, 1002, "Member", 1, 1), MATCH_OK);
	ck_assert_int_eq(matcher_build(m), MATCH_OK);
	ck_assert_int_eq(matcher_scan(m, "Questions to Member42",
	    "Member42 Constituency294 and Member999  Constituency993 met "
	    "JCORE; Member4 Constituency28x and Member1 Constituency70 did "
	    "not, nor Member10 Constituency7.  Member1000 Constituency0.",
	    &hits, &nhits, &excluded, &a), 4);
	ck_assert_int_eq(hits[0].term_id, 42);
	ck_assert_uint_eq(hits[0].offset, 0);
	ck_assert_int_eq(hits[1].term_id, 999);
	ck_assert_uint_eq(hits[1].length, 26);
	ck_assert_int_eq(hits[2].term_id, 1001);
	ck_assert_int_eq(hits[3].term_id, 1000);
	ck_assert_int_eq(excluded, 0);
	ck_assert_int_eq(matcher_scan(m, "Member questions", "", &hits,
	    &nhits, &excluded, &a), 0);
	ck_assert_int_eq(excluded, 1002);
	arena_free(&a);
	matcher_free(m);
}
END_TEST

/* A person's name as held, and the forms looked for, joined by " | ". */
static const struct {
	const char	*name;
	const char	*forms;
} names[] = {
	{ "Helen Marchbank", "Helen Marchbank" },
	{ "  Helen   Marchbank ", "Helen Marchbank" },
	{ "Sir Keir Starmer KC MP", "Sir Keir Starmer KC MP | Keir Starmer" },
	{ "The Rt Hon. Dame Diana Johnson DBE MP",
	    "The Rt Hon. Dame Diana Johnson DBE MP | Diana Johnson" },
	{ "Dr Rosena Allin-Khan", "Dr Rosena Allin-Khan | Rosena Allin-Khan" },
	{ "Ms Diane Abbott", "Ms Diane Abbott | Diane Abbott" },
	{ "Rt Revd Catherine Ashby", "Rt Revd Catherine Ashby | "
	    "Catherine Ashby" },
	{ "Baroness Linford of Highgate",
	    "Baroness Linford of Highgate | Baroness Linford" },
	{ "The Lord Smith of Finsbury", "The Lord Smith of Finsbury | "
	    "Lord Smith of Finsbury | Lord Smith" },
	{ "Lord Sugar", "Lord Sugar" },
	{ "Baroness Kennedy of The Shaws KC",
	    "Baroness Kennedy of The Shaws KC | Baroness Kennedy of The Shaws | "
	    "Baroness Kennedy" },
	/* Not a name after the title: no "Lord Bishop". */
	{ "Lord Bishop of Durham", "Lord Bishop of Durham" },
	/* Asides in parentheses are left out. */
	{ "Helen Marchbank (Labour Co-op)", "Helen Marchbank" },
	{ "Yusuf (Joe) Bhatti MP", "Yusuf Bhatti MP | Yusuf Bhatti" },
	/* One word, or nothing but titles: nothing to look for. */
	{ "Cher", "" },
	{ "Dr Smith", "Dr Smith" },
	{ "Sir", "" },
	{ "", "" },
	{ "   ", "" },
	/* Case and accents differ only: one form. */
	{ "Si\xc3\xa2n Pritchard", "Si\xc3\xa2n Pritchard" },
	{ "Mr Si\xc3\xa2n Pritchard", "Mr Si\xc3\xa2n Pritchard | "
	    "Si\xc3\xa2n Pritchard" },
	/* Post-nominals are capitals: "Ms" in front is a title, not "MS". */
	{ "Jane Doe Ms", "Jane Doe Ms" },
	{ "Jane Doe MS", "Jane Doe MS | Jane Doe" },
	/* A trailing comma before post-nominals goes with them. */
	{ "Jane Doe, OBE", "Jane Doe, OBE | Jane Doe" },
};

START_TEST(test_name_variants)
{
	struct arena	 a;
	const char	**forms;
	char		 got[512] = "";
	size_t		 n, i, len = 0;

	arena_init(&a);
	ck_assert_int_eq(match_name_variants(names[_i].name, &a, &forms, &n),
	    0);
	for (i = 0; i < n; i++) {
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%s",
		    i ? " | " : "", forms[i]);
		ck_assert_uint_lt(len, sizeof(got));
	}
	ck_assert_msg(strcmp(got, names[_i].forms) == 0,
	    "\"%s\": \"%s\", want \"%s\"", names[_i].name, got,
	    names[_i].forms);
	if (n == 0)
		ck_assert_ptr_null(forms);
	arena_free(&a);
}
END_TEST

/* Every form of a name finds the name in a headline that uses it. */
START_TEST(test_name_forms_match)
{
	struct matcher		*m = matcher_new();
	struct match_hit	*hits;
	struct arena		 a;
	const char		**forms;
	size_t			 n, nhits, i;
	long long		 excluded;

	arena_init(&a);
	ck_assert_int_eq(match_name_variants("Baroness Linford of Highgate",
	    &a, &forms, &n), 0);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(matcher_add(m, 7, forms[i], 0, 0), MATCH_OK);
	ck_assert_int_eq(matcher_build(m), MATCH_OK);
	ck_assert_int_eq(matcher_scan(m, "BARONESS LINFORD presses ministers",
	    "Baroness Linford of Highgate said...", &hits, &nhits, &excluded,
	    &a), 3);
	ck_assert_int_eq(hits[0].term_id, 7);
	ck_assert_uint_eq(hits[1].length, strlen("Baroness Linford of "
	    "Highgate"));
	ck_assert_int_eq(matcher_scan(m, "Lord Linford", "Baroness Linfords",
	    &hits, &nhits, &excluded, &a), 0);
	arena_free(&a);
	matcher_free(m);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("match");
	TCase	*tc = tcase_create("match");

	tcase_add_loop_test(tc, test_scan, 0, sizeof(scans) / sizeof(scans[0]));
	tcase_add_loop_test(tc, test_fold, 0, sizeof(folds) / sizeof(folds[0]));
	tcase_add_test(tc, test_add_errors);
	tcase_add_test(tc, test_no_terms);
	tcase_add_test(tc, test_hostile_bytes);
	tcase_add_test(tc, test_thousand_terms);
	tcase_add_loop_test(tc, test_name_variants, 0,
	    sizeof(names) / sizeof(names[0]));
	tcase_add_test(tc, test_name_forms_match);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
