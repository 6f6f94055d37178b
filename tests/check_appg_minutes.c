/*
 * Minutes, notices, plain text and diffs (lib/appg_minutes.c), no
 * database: the conventional order of the sections, officers first with
 * party and House at the time, the AGM's business, names that look like
 * Markdown written as themselves (and rendered safely), Markdown as text
 * for email (underlined headings, wrapped paragraphs, lists, links), and
 * line diffs of two versions.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <check.h>

#include "appg_minutes.h"
#include "appg_rules.h"
#include "arena.h"
#include "buf.h"
#include "html.h"
#include "testhelp.h"

static struct arena	 a;

static struct appg_term	 terms[4] = {
	{ "mp", "Labour", "commons", "2024-01-01", "" },
	{ "peer", "Crossbench", "lords", "2024-01-01", "" },
	{ "mp", "Conservative", "commons", "2024-01-01", "2026-01-01" },
	{ "mp", "Reform UK", "commons", "2026-01-01", "" },
};
static struct appg_person	 people[3] = {
	{ 1, "Ann Chair", &terms[0], 1, NULL, 0 },
	{ 2, "Lady *Bold* [x](javascript:alert(1))", &terms[1], 1, NULL, 0 },
	{ 3, "Cy Switch", &terms[2], 2, NULL, 0 },
};
static struct appg_officer	 officers[2];
static struct appg_attendee	 attendees[5];
static struct appg_agenda_item	 agenda[1];
static struct appg_action	 actions[1];
static struct appg_group	 group;
static struct appg_meeting	 meeting;

static void
setup(void)
{
	arena_init(&a);
	memset(&group, 0, sizeof(group));
	group.title = "APPG on Testing";
	group.enquiry_point = "appg@example.org";
	memset(officers, 0, sizeof(officers));
	officers[0] = (struct appg_officer){ 1, 1, 1, APPG_POST_CHAIR,
	    "2025-01-01", "", 0, 1, 0, &people[0] };
	officers[1] = (struct appg_officer){ 2, 1, 1,
	    APPG_POST_REGISTERED_CONTACT, "2025-01-01", "", 0, 1, 0, &people[0] };
	memset(attendees, 0, sizeof(attendees));
	attendees[0] = (struct appg_attendee){ 1, 3, "Cy Switch", "",
	    APPG_PRESENT, APPG_CAP_MEMBER, &people[2] };
	attendees[1] = (struct appg_attendee){ 2, 1, "Ann Chair", "",
	    APPG_PRESENT, APPG_CAP_MEMBER, &people[0] };
	attendees[2] = (struct appg_attendee){ 3, 2, people[1].name, "",
	    APPG_APOLOGIES, APPG_CAP_MEMBER, &people[1] };
	attendees[3] = (struct appg_attendee){ 4, 0, "Dr Speaker", "Refugee "
	    "Council", APPG_IN_ATTENDANCE, APPG_CAP_SPEAKER, NULL };
	attendees[4] = (struct appg_attendee){ 5, 0, "# Not a heading", "",
	    APPG_IN_ATTENDANCE, APPG_CAP_GUEST, NULL };
	agenda[0] = (struct appg_agenda_item){ 1, "Evidence <b>now</b>",
	    "Briefing https://example.org/brief.pdf\nhttps://example.org/a.pdf\n"
	    "No link here", "We heard **evidence**.", "Write to the minister." };
	actions[0] = (struct appg_action){ 1, 1, "Write the letter", "Chair",
	    "2026-02-02", "", 0, NULL, NULL, NULL };
	memset(&meeting, 0, sizeof(meeting));
	meeting.id = 1;
	meeting.kind = APPG_KIND_GENERAL;
	meeting.title = "";
	meeting.held_on = "2026-01-20";
	meeting.starts_at = "13:00";
	meeting.place = "Room 1";
	meeting.notice_on = "2026-01-10";
	meeting.attendees = attendees;
	meeting.nattendees = 5;
	meeting.agenda = agenda;
	meeting.nagenda = 1;
	meeting.actions = actions;
	meeting.nactions = 1;
}

static void
teardown(void)
{
	arena_free(&a);
}

static char *
generate(void)
{
	struct appg_minutes_input	 in;
	struct appg_quorum		 q = { 0, 2, 1, "2 members present." };
	char				*md;

	memset(&in, 0, sizeof(in));
	in.group = &group;
	in.meeting = &meeting;
	in.officers = officers;
	in.nofficers = 2;
	in.quorum = &q;
	in.chair = "Ann Chair MP";
	in.next_meeting_on = "2026-03-03";
	md = appg_minutes_generate(&a, &in);
	ck_assert_ptr_nonnull(md);
	return md;
}

static void
has(const char *text, const char *needle)
{
	ck_assert_msg(strstr(text, needle) != NULL, "\"%s\" not in:\n%s", needle,
	    text);
}

/* needle comes after before in text. */
static void
after(const char *text, const char *before, const char *needle)
{
	const char	*b = strstr(text, before), *n = strstr(text, needle);

	ck_assert_msg(b && n && n > b, "\"%s\" not after \"%s\"", needle, before);
}

START_TEST(test_conventional_order)
{
	char	*md = generate();

	has(md, "# APPG on Testing\n\n## Minutes of the meeting\n\n"
	    "- **Date:** Tuesday 20 January 2026\n- **Time:** 13:00\n"
	    "- **Place:** Room 1\n- **Chair:** Ann Chair MP\n");
	after(md, "**Chair:**", "## Present");
	after(md, "## Present", "## Apologies");
	after(md, "## Apologies", "## In attendance");
	after(md, "## In attendance", "## Quorum");
	after(md, "## Quorum", "## 1. Evidence");
	after(md, "## 1. Evidence", "## Actions");
	after(md, "## Actions", "## Date of next meeting\n\nTuesday 3 March 2026");
	/* Officers first, with their posts; then members; party then. */
	has(md, "Officers:\n\n- Ann Chair MP, Chair and Registered Contact "
	    "(Labour, House of Commons)\n\nMembers:\n\n- Cy Switch MP "
	    "(Reform UK, House of Commons)\n");
	has(md, "- Dr Speaker, Refugee Council (speaker)");
	has(md, "- Write the letter (owner: Chair; due Monday 2 February 2026)");
	has(md, "**Decision:** Write to the minister.");
}
END_TEST

START_TEST(test_party_at_the_time)
{
	char	*md;

	/* Cy switched party on 2026-01-01: a meeting before shows the old one. */
	meeting.held_on = "2025-12-31";
	md = generate();
	has(md, "- Cy Switch MP (Conservative, House of Commons)");
	meeting.held_on = "2026-01-01";
	md = generate();
	has(md, "- Cy Switch MP (Reform UK, House of Commons)");
}
END_TEST

START_TEST(test_names_stay_text)
{
	struct buf	 b;
	struct html	 h;
	char		*md = generate();

	/* Markdown in names and titles is escaped, never interpreted. */
	has(md, "- Lady \\*Bold\\* \\[x\\](javascript:alert(1)) (Crossbench, "
	    "House of Lords)");
	has(md, "- \\# Not a heading (guest)");
	has(md, "## 1. Evidence \\<b\\>now\\</b\\>");
	has(md, "- [Briefing](<https://example.org/brief.pdf>)\n"
	    "- <https://example.org/a.pdf>\n- No link here\n");
	buf_init(&b);
	html_init(&h, &b);
	html_markdown(&h, md);
	ck_assert_int_eq(html_finish(&h), 0);
	has(b.data, "Lady *Bold* [x](javascript:alert(1))");
	has(b.data, "Evidence &lt;b&gt;now&lt;/b&gt;");
	ck_assert_ptr_null(strstr(b.data, "href=\"javascript"));
	ck_assert_ptr_null(strstr(b.data, "<b>now"));
	has(b.data, "<a href=\"https://example.org/brief.pdf\">Briefing</a>");
	has(b.data, "<h2>Present</h2>");
	buf_free(&b);
}
END_TEST

START_TEST(test_agm_business)
{
	char	*md;

	meeting.kind = APPG_KIND_AGM;
	meeting.ie_approved = 1;
	meeting.ie_income = 0;
	meeting.ie_expenditure = 250;
	md = generate();
	has(md, "## Minutes of the annual general meeting");
	has(md, "## 1. Election of officers\n\nThe following were elected "
	    "officers of the group:\n\n- Ann Chair MP, Chair (Labour, House of "
	    "Commons)\n- Ann Chair MP, Registered Contact (Labour, House of "
	    "Commons)\n");
	has(md, "## 2. Income and expenditure statement\n\nThe income and "
	    "expenditure statement was approved: income £0, expenditure £250.");
	has(md, "## 3. Evidence");
	meeting.ie_approved = 0;
	md = generate();
	has(md, "was not approved at this meeting.");
}
END_TEST

START_TEST(test_notice)
{
	struct appg_notice_input	 in = { &group, &meeting,
	    "Ann Chair MP (Registered Contact)" };
	char				*t;

	meeting.decision_planned = 1;
	t = appg_notice_text(&a, &in);
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t, "APPG on Testing\n\nGeneral meeting\n"
	    "Tuesday 20 January 2026, 13:00\nRoom 1\n\nAgenda:\n"
	    "1. Evidence <b>now</b>\n\nSpeakers:\nDr Speaker (Refugee Council)\n"
	    "\nA vote or decision will be taken.\n\nParliamentary contact: Ann "
	    "Chair MP (Registered Contact)\nPublic enquiries: appg@example.org\n");
}
END_TEST

START_TEST(test_markdown_as_text)
{
	char	*t;

	t = appg_markdown_text(&a, "# Title\n\n## Present\n\n- one\n- two "
	    "**bold** [link](https://example.org/x)\n\n1. first\n2. second\n\n"
	    "A paragraph long enough that it has to be wrapped at the width we "
	    "ask for, which is forty.\n\n<script>x</script>\n\n> quoted\n", 40);
	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t, "Title\n=====\n\nPresent\n-------\n\n- one\n"
	    "- two bold link <https://example.org/x>\n\n1. first\n2. second\n\n"
	    "A paragraph long enough that it has to\nbe wrapped at the width we "
	    "ask for,\nwhich is forty.\n\n> quoted\n");
	/* An address as its own text is not repeated. */
	t = appg_markdown_text(&a, "<https://example.org/a>\n", 72);
	ck_assert_str_eq(t, "https://example.org/a\n");
}
END_TEST

START_TEST(test_escape)
{
	ck_assert_str_eq(appg_md_escape(&a, "- not a list"), "\\- not a list");
	ck_assert_str_eq(appg_md_escape(&a, "1. not a list"), "1\\. not a list");
	ck_assert_str_eq(appg_md_escape(&a, "Room 1. Upstairs"),
	    "Room 1. Upstairs");
	ck_assert_str_eq(appg_md_escape(&a, "a_b & <c>"), "a\\_b \\& \\<c\\>");
	ck_assert_str_eq(appg_md_escape(&a, "two\nlines"), "two lines");
	/* Found by tests/fuzz/markdown.c: leading blanks made a code block. */
	ck_assert_str_eq(appg_md_escape(&a, "  \n\nab-<$cr"), "ab-\\<$cr");
	ck_assert_str_eq(appg_md_escape(&a, " - x \t\n"), "\\- x");
}
END_TEST

static const char *
ops(const struct appg_diff_line *d, size_t n)
{
	static char	 s[64];
	size_t		 i;

	for (i = 0; i < n && i < sizeof(s) - 1; i++)
		s[i] = d[i].op;
	s[i] = '\0';
	return s;
}

START_TEST(test_diff)
{
	struct appg_diff_line	*d;
	size_t			 n;

	ck_assert_int_eq(appg_diff(&a, "a\nb\nc\nd\n", "a\nc\nx\nd\n", 100, &d,
	    &n), 0);
	ck_assert_str_eq(ops(d, n), " - + ");
	ck_assert_uint_eq(n, 5);
	ck_assert_str_eq(d[1].text, "b");
	ck_assert_str_eq(d[3].text, "x");
	/* The same text: all common; CRLF read as LF. */
	ck_assert_int_eq(appg_diff(&a, "a\r\nb\r\n", "a\nb\n", 100, &d, &n), 0);
	ck_assert_str_eq(ops(d, n), "  ");
	/* From nothing, to nothing. */
	ck_assert_int_eq(appg_diff(&a, "", "x\ny", 100, &d, &n), 0);
	ck_assert_str_eq(ops(d, n), "++");
	ck_assert_int_eq(appg_diff(&a, "x\ny\n", "", 100, &d, &n), 0);
	ck_assert_str_eq(ops(d, n), "--");
	/* Past the limit the middle is replaced whole; head and tail kept. */
	ck_assert_int_eq(appg_diff(&a, "h\n1\n2\n3\nt\n", "h\n2\n4\nt\n", 2, &d,
	    &n), 0);
	ck_assert_str_eq(ops(d, n), " ---++ ");
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("appg_minutes");
	TCase	*tc = tcase_create("minutes");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_conventional_order);
	tcase_add_test(tc, test_party_at_the_time);
	tcase_add_test(tc, test_names_stay_text);
	tcase_add_test(tc, test_agm_business);
	tcase_add_test(tc, test_notice);
	tcase_add_test(tc, test_markdown_as_text);
	tcase_add_test(tc, test_escape);
	tcase_add_test(tc, test_diff);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
