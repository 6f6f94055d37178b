/*
 * lib/import_parse.c without a database: the Members' Names Data Platform
 * and ModernGov parsers on the fixtures in tests/fixtures/ (fields, nil
 * end dates, entities decoded), and the documents they must refuse with a
 * clear message: truncated, malformed, empty, of the wrong kind, declaring
 * entities (billion laughs), too deep, too large, or with a bad member.
 */
#include "config.h"

#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>

#include "arena.h"
#include "import.h"
#include "import_parse.h"
#include "testhelp.h"

static struct arena	 a;
static char		 msg[512];

static void
setup(void)
{
	arena_init(&a);
	msg[0] = '\0';
}

static void
teardown(void)
{
	arena_free(&a);
}

/* A fixture's bytes (through import_load, so that is tested too). */
static char *
fixture(const char *name, size_t *len)
{
	const char	*top = getenv("top_srcdir");
	char		 path[1024], *data;

	snprintf(path, sizeof(path), "%s/tests/fixtures/%s", top ? top : ".",
	    name);
	ck_assert_msg(import_load(path, IMPORT_MAX_BYTES, &data, len, msg,
	    sizeof(msg)) == IMPORT_OK, "%s", msg);
	return data;
}

static enum import_err
parse_parliament(const char *name, struct import_member **m, size_t *n)
{
	size_t		 len;
	char		*data = fixture(name, &len);
	enum import_err	 e;

	e = import_parse_parliament(&a, data, len, m, n, msg, sizeof(msg));
	free(data);
	return e;
}

static enum import_err
parse_text(int moderngov, const char *text, struct import_member **m,
    size_t *n)
{
	return (moderngov ? import_parse_moderngov : import_parse_parliament)(
	    &a, text, strlen(text), m, n, msg, sizeof(msg));
}

static const struct import_member *
by_id(const struct import_member *m, size_t n, const char *id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(m[i].ext_id, id) == 0)
			return &m[i];
	ck_abort_msg("member %s is missing", id);
	return NULL;
}

#define assert_msg_has(s) \
	ck_assert_msg(strstr(msg, (s)) != NULL, "message \"%s\" lacks \"%s\"", \
	    msg, (s))

START_TEST(test_parliament_fields)
{
	struct import_member		*m;
	const struct import_member	*p;
	size_t				 n;

	ck_assert_int_eq(parse_parliament("parliament-1.xml", &m, &n), IMPORT_OK);
	ck_assert_uint_eq(n, 31);
	ck_assert_str_eq(m[0].ext_id, "5001");
	ck_assert_str_eq(m[0].full_name, "Helen Marsh");
	ck_assert_str_eq(m[0].category, "mp");
	ck_assert_str_eq(m[0].house, "commons");
	ck_assert_str_eq(m[0].party, "Labour");
	ck_assert_str_eq(m[0].constituency, "Thornbury Vale");
	ck_assert_str_eq(m[0].started_on, "2024-07-04");
	ck_assert_str_eq(m[0].ended_on, "");
	ck_assert_str_eq(m[0].email, "");
	ck_assert_int_eq(m[0].active, 1);
	ck_assert_uint_gt(m[0].line, 1);

	p = by_id(m, n, "5003");
	ck_assert_str_eq(p->constituency, "Kettleby & Moor");
	ck_assert_str_eq(p->party, "Conservative");
	ck_assert_str_eq(by_id(m, n, "5008")->full_name, "Siân Pritchard-Jones");
	ck_assert_str_eq(by_id(m, n, "5016")->party, "Sinn Féin");

	p = by_id(m, n, "5025");
	ck_assert_str_eq(p->full_name, "Earl of Marlowe");
	ck_assert_str_eq(p->category, "peer");
	ck_assert_str_eq(p->house, "lords");
	ck_assert_str_eq(p->constituency, "");
	ck_assert_str_eq(p->member_from, "Excepted Hereditary");
	ck_assert_str_eq(p->started_on, "1999-11-11");
	ck_assert_int_eq(p->active, 1);

	p = by_id(m, n, "5099");
	ck_assert_int_eq(p->active, 0);
	ck_assert_str_eq(p->ended_on, "2019-11-06");
}
END_TEST

START_TEST(test_parliament_later_file)
{
	struct import_member		*m;
	const struct import_member	*p;
	size_t				 n;

	ck_assert_int_eq(parse_parliament("parliament-2.xml", &m, &n), IMPORT_OK);
	ck_assert_uint_eq(n, 32);
	ck_assert_str_eq(by_id(m, n, "5003")->party, "Reform UK");
	p = by_id(m, n, "5007");
	ck_assert_int_eq(p->active, 0);
	ck_assert_str_eq(p->ended_on, "2025-03-14");
	p = by_id(m, n, "5031");
	ck_assert_str_eq(p->full_name, "Rebecca Thornley");
	ck_assert_str_eq(p->started_on, "2025-05-01");
	ck_assert_int_eq(p->active, 1);
}
END_TEST

/* IsActive False alone, and an end date alone, each mean not current. */
START_TEST(test_parliament_inactive_rules)
{
	static const char doc[] =
	    "<Members xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
	    "<Member Member_Id=\"1\"><DisplayAs>A One</DisplayAs>"
	    "<House>Commons</House><HouseEndDate xsi:nil=\"true\"/>"
	    "<CurrentStatus IsActive=\"False\"><Name>Suspended</Name>"
	    "</CurrentStatus></Member>"
	    "<Member Member_Id=\"2\"><DisplayAs>B Two</DisplayAs>"
	    "<House>Lords</House><HouseEndDate>2024-01-31T00:00:00</HouseEndDate>"
	    "<CurrentStatus IsActive=\"True\"/></Member>"
	    "<Member Member_Id=\"3\"><DisplayAs>C Three</DisplayAs>"
	    "<House>Commons</House><CurrentStatus IsActive=\"True\"/></Member>"
	    "</Members>";
	struct import_member	*m;
	size_t			 n;

	ck_assert_int_eq(parse_text(0, doc, &m, &n), IMPORT_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(m[0].active, 0);
	ck_assert_int_eq(m[1].active, 0);
	ck_assert_str_eq(m[1].ended_on, "2024-01-31");
	ck_assert_int_eq(m[2].active, 1);
	ck_assert_str_eq(m[2].started_on, "");
}
END_TEST

START_TEST(test_parliament_truncated)
{
	struct import_member	*m;
	size_t			 n;

	ck_assert_int_eq(parse_parliament("parliament-truncated.xml", &m, &n),
	    IMPORT_MALFORMED);
	assert_msg_has("truncated");
	assert_msg_has("line ");
}
END_TEST

START_TEST(test_parliament_malformed)
{
	struct import_member	*m;
	size_t			 n;

	ck_assert_int_eq(parse_parliament("parliament-malformed.xml", &m, &n),
	    IMPORT_MALFORMED);
	assert_msg_has("line ");
	assert_msg_has("Partyy");
}
END_TEST

START_TEST(test_empty)
{
	struct import_member	*m;
	size_t			 n;

	ck_assert_int_eq(parse_parliament("empty.xml", &m, &n), IMPORT_EMPTY);
	assert_msg_has("empty");
	ck_assert_int_eq(parse_text(1, " \n\t", &m, &n), IMPORT_EMPTY);
	ck_assert_int_eq(parse_text(0, "<Members/>", &m, &n), IMPORT_EMPTY);
	assert_msg_has("no members");
	ck_assert_int_eq(parse_text(1, "<councillorsbyward><wards/>"
	    "</councillorsbyward>", &m, &n), IMPORT_EMPTY);
	assert_msg_has("no councillors");
}
END_TEST

START_TEST(test_wrong_kind)
{
	struct import_member	*m;
	size_t			 n, len;
	char			*data;

	ck_assert_int_eq(parse_parliament("rss.xml", &m, &n), IMPORT_WRONG_KIND);
	assert_msg_has("<rss>");
	assert_msg_has("Members");
	data = fixture("parliament-1.xml", &len);
	ck_assert_int_eq(import_parse_moderngov(&a, data, len, &m, &n, msg,
	    sizeof(msg)), IMPORT_WRONG_KIND);
	free(data);
	assert_msg_has("councillorsbyward");
	data = fixture("moderngov-1.xml", &len);
	ck_assert_int_eq(import_parse_parliament(&a, data, len, &m, &n, msg,
	    sizeof(msg)), IMPORT_WRONG_KIND);
	free(data);
}
END_TEST

START_TEST(test_billion_laughs)
{
	static const char doc[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE Members [\n"
	    " <!ENTITY lol \"lol\">\n"
	    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
	    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
	    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
	    "]>\n"
	    "<Members><Member Member_Id=\"1\"><DisplayAs>&lol3;</DisplayAs>"
	    "<House>Commons</House></Member></Members>\n";
	static const char xxe[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE Members [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
	    "<Members><Member Member_Id=\"1\"><DisplayAs>&x;</DisplayAs>"
	    "<House>Commons</House></Member></Members>\n";
	struct import_member	*m;
	size_t			 n;

	ck_assert_int_eq(parse_text(0, doc, &m, &n), IMPORT_MALFORMED);
	assert_msg_has("entities");
	ck_assert_int_eq(parse_text(0, xxe, &m, &n), IMPORT_MALFORMED);
	assert_msg_has("entities");
	/* An undeclared entity is not well-formed. */
	ck_assert_int_eq(parse_text(0, "<Members><Member Member_Id=\"1\">"
	    "<DisplayAs>&x;</DisplayAs></Member></Members>", &m, &n),
	    IMPORT_MALFORMED);
}
END_TEST

/* An external DTD is neither fetched nor loaded; the document still parses. */
/*
 * A DOCTYPE is refused outright (neither source uses one), so an external
 * DTD is never fetched; nor can a document in UTF-16, whose "<!ENTITY"
 * is not in the bytes our pre-scan reads, declare entities and have them
 * expanded in attributes.
 */
START_TEST(test_doctype_refused)
{
	static const char doc[] =
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE Members SYSTEM \"http://192.0.2.1/members.dtd\">\n"
	    "<Members><Member Member_Id=\"7\"><DisplayAs>Ann Example</DisplayAs>"
	    "<House>Commons</House><CurrentStatus IsActive=\"True\"/></Member>"
	    "</Members>\n";
	static const char utf8[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
	    "<!DOCTYPE Members [<!ENTITY x \"7\">]>"
	    "<Members><Member Member_Id=\"&x;\"><DisplayAs>A</DisplayAs>"
	    "<House>Commons</House><CurrentStatus IsActive=\"True\"/></Member>"
	    "</Members>";
	struct import_member	*m;
	char			 utf16[2 * sizeof(utf8)];
	size_t			 n, i;

	ck_assert_int_eq(parse_text(0, doc, &m, &n), IMPORT_MALFORMED);
	/* The same entity document, as UTF-16LE bytes. */
	for (i = 0; i < sizeof(utf8) - 1; i++) {
		utf16[2 * i] = utf8[i];
		utf16[2 * i + 1] = 0;
	}
	ck_assert_int_ne(import_parse_parliament(&a, utf16, 2 * i, &m, &n,
	    msg, sizeof(msg)), IMPORT_OK);
}
END_TEST

START_TEST(test_bad_members)
{
	static const struct {
		const char	*doc;
		const char	*says;
	} cases[] = {
		{ "<Members><Member Member_Id=\"1\"><DisplayAs>A</DisplayAs>"
		  "<House>Senate</House><CurrentStatus IsActive=\"True\"/>"
		  "</Member></Members>", "House is \"Senate\"" },
		{ "<Members><Member><DisplayAs>A</DisplayAs><House>Commons</House>"
		  "</Member></Members>", "Member_Id \"\"" },
		{ "<Members><Member Member_Id=\"12x\"><DisplayAs>A</DisplayAs>"
		  "</Member></Members>", "Member_Id \"12x\"" },
		{ "<Members><Member Member_Id=\"1\"><House>Commons</House>"
		  "</Member></Members>", "no DisplayAs" },
		{ "<Members><Member Member_Id=\"1\"><DisplayAs>A</DisplayAs>"
		  "<House>Commons</House><HouseStartDate>4 July 2024"
		  "</HouseStartDate><CurrentStatus IsActive=\"True\"/></Member>"
		  "</Members>", "HouseStartDate \"4 July 2024\"" },
		{ "<Members><Member Member_Id=\"1\"><DisplayAs>A</DisplayAs>"
		  "<House>Commons</House><CurrentStatus IsActive=\"True\"/>"
		  "</Member><Member Member_Id=\"1\"><DisplayAs>B</DisplayAs>"
		  "<House>Commons</House><CurrentStatus IsActive=\"True\"/>"
		  "</Member></Members>", "member 2: Member_Id 1 appears twice" },
		{ "<Members><Member Member_Id=\"1\"><DisplayAs>A</DisplayAs>"
		  "<House>Commons</House><CurrentStatus IsActive=\"Maybe\"/>"
		  "</Member></Members>", "IsActive is \"Maybe\"" },
	};
	struct import_member	*m;
	size_t			 n, i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_msg(parse_text(0, cases[i].doc, &m, &n) ==
		    IMPORT_MALFORMED, "case %zu", i);
		assert_msg_has(cases[i].says);
	}
}
END_TEST

START_TEST(test_limits)
{
	struct import_member	*m;
	size_t			 n, i;
	char			*deep, *p, *big;

	deep = malloc(100 * 3 + 16);
	ck_assert_ptr_nonnull(deep);
	p = deep + sprintf(deep, "<Members>");
	for (i = 0; i < 100; i++)
		p += sprintf(p, "<a>");
	ck_assert_int_eq(parse_text(0, deep, &m, &n), IMPORT_MALFORMED);
	assert_msg_has("deeper");
	free(deep);

	big = calloc(1, (size_t)IMPORT_MAX_BYTES + 1);
	ck_assert_ptr_nonnull(big);
	ck_assert_int_eq(import_parse_parliament(&a, big,
	    (size_t)IMPORT_MAX_BYTES + 1, &m, &n, msg, sizeof(msg)),
	    IMPORT_TOO_LARGE);
	free(big);
}
END_TEST

START_TEST(test_moderngov_fields)
{
	struct import_member		*m;
	const struct import_member	*c;
	size_t				 n, len;
	char				*data = fixture("moderngov-1.xml", &len);

	ck_assert_int_eq(import_parse_moderngov(&a, data, len, &m, &n, msg,
	    sizeof(msg)), IMPORT_OK);
	free(data);
	ck_assert_uint_eq(n, 8);
	ck_assert_str_eq(m[0].ext_id, "101");
	ck_assert_str_eq(m[0].full_name, "Jane Smith");
	ck_assert_str_eq(m[0].category, "councillor");
	ck_assert_str_eq(m[0].house, "");
	ck_assert_str_eq(m[0].party, "Labour");
	ck_assert_str_eq(m[0].constituency, "Abbey");
	ck_assert_str_eq(m[0].email, "jane.smith@northbridge.example.gov.uk");
	ck_assert_str_eq(m[0].phone, "01632 960101");
	ck_assert_int_eq(m[0].active, 1);
	/* The address's own email is not the councillor's. */
	c = by_id(m, n, "102");
	ck_assert_str_eq(c->email, "");
	c = by_id(m, n, "104");
	ck_assert_str_eq(c->full_name, "Lucy Fairbairn");
	ck_assert_str_eq(c->constituency, "Castle");
	ck_assert_str_eq(by_id(m, n, "108")->constituency, "St Mary's");
}
END_TEST

START_TEST(test_moderngov_refused)
{
	struct import_member	*m;
	size_t			 n, len;
	char			*data = fixture("moderngov-1.xml", &len);

	ck_assert_int_eq(import_parse_moderngov(&a, data, len / 2, &m, &n, msg,
	    sizeof(msg)), IMPORT_MALFORMED);
	free(data);
	assert_msg_has("truncated");
	ck_assert_int_eq(parse_text(1, "<councillorsbyward><wards><ward>"
	    "<wardtitle>Abbey</wardtitle><councillors><councillor>"
	    "<fullusername>Cllr No Id</fullusername></councillor>"
	    "</councillors></ward></wards></councillorsbyward>", &m, &n),
	    IMPORT_MALFORMED);
	assert_msg_has("councillor 1 has no councillorid");
	ck_assert_int_eq(parse_text(1, "<rss version=\"2.0\"/>", &m, &n),
	    IMPORT_WRONG_KIND);
}
END_TEST

START_TEST(test_load_errors)
{
	char	*data;
	size_t	 len;

	ck_assert_int_eq(import_load("/nonexistent/members.xml", 1024, &data,
	    &len, msg, sizeof(msg)), IMPORT_FETCH);
	ck_assert_ptr_null(data);
	assert_msg_has("/nonexistent/members.xml");
	data = fixture("empty.xml", &len);
	ck_assert_uint_eq(len, 0);
	ck_assert_str_eq(data, "");
	free(data);
	{
		const char	*top = getenv("top_srcdir");
		char		 path[1024];

		snprintf(path, sizeof(path), "%s/tests/fixtures/rss.xml",
		    top ? top : ".");
		ck_assert_int_eq(import_load(path, 100, &data, &len, msg,
		    sizeof(msg)), IMPORT_TOO_LARGE);
		ck_assert_ptr_null(data);
	}
	ck_assert_str_eq(import_strerror(IMPORT_TOO_LARGE),
	    "the document is too large");
	ck_assert_str_eq(import_strerror(IMPORT__MAX), "unknown error");
}
END_TEST

static const struct {
	const char	*addr;
	int		 private;
} addresses[] = {
	{ "127.0.0.1", 1 }, { "10.1.2.3", 1 }, { "172.16.0.1", 1 },
	{ "172.31.255.255", 1 }, { "172.32.0.1", 0 }, { "192.168.1.1", 1 },
	{ "169.254.169.254", 1 }, { "100.64.0.1", 1 }, { "0.0.0.0", 1 },
	{ "224.0.0.1", 1 }, { "8.8.8.8", 0 }, { "151.101.1.1", 0 },
	{ "::1", 1 }, { "::", 1 }, { "fe80::1", 1 }, { "fd00::1", 1 },
	{ "::ffff:127.0.0.1", 1 }, { "::ffff:8.8.8.8", 0 },
	{ "2a00:1450:4009::1", 0 },
};

START_TEST(test_private_addresses)
{
	struct sockaddr_storage	 ss;

	memset(&ss, 0, sizeof(ss));
	if (strchr(addresses[_i].addr, ':') != NULL) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;

		s6->sin6_family = AF_INET6;
		ck_assert_int_eq(inet_pton(AF_INET6, addresses[_i].addr,
		    &s6->sin6_addr), 1);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;

		s4->sin_family = AF_INET;
		ck_assert_int_eq(inet_pton(AF_INET, addresses[_i].addr,
		    &s4->sin_addr), 1);
	}
	ck_assert_msg(import_address_private((struct sockaddr *)&ss) ==
	    addresses[_i].private, "%s", addresses[_i].addr);
}
END_TEST

/* The web loader takes only http(s), and refuses local addresses. */
START_TEST(test_load_web_refusals)
{
	char	*data;
	size_t	 len;

	ck_assert_int_eq(import_load_web("/etc/passwd", 1024, 0, &data, &len,
	    msg, sizeof(msg)), IMPORT_FETCH);
	ck_assert_ptr_nonnull(strstr(msg, "https://"));
	ck_assert_int_eq(import_load_web("http://127.0.0.1:9/x.xml", 1024, 0,
	    &data, &len, msg, sizeof(msg)), IMPORT_FETCH);
	ck_assert_ptr_nonnull(strstr(msg, "private network"));
	ck_assert_ptr_null(data);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("mnis");
	TCase	*tc = tcase_create("parsers");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_parliament_fields);
	tcase_add_test(tc, test_parliament_later_file);
	tcase_add_test(tc, test_parliament_inactive_rules);
	tcase_add_test(tc, test_parliament_truncated);
	tcase_add_test(tc, test_parliament_malformed);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_wrong_kind);
	tcase_add_test(tc, test_billion_laughs);
	tcase_add_test(tc, test_doctype_refused);
	tcase_add_test(tc, test_bad_members);
	tcase_add_test(tc, test_limits);
	tcase_add_test(tc, test_moderngov_fields);
	tcase_add_test(tc, test_moderngov_refused);
	tcase_add_test(tc, test_load_errors);
	tcase_add_loop_test(tc, test_private_addresses, 0,
	    sizeof(addresses) / sizeof(addresses[0]));
	tcase_add_test(tc, test_load_web_refusals);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
