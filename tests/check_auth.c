#include "config.h"

#include <string.h>

#include <check.h>

#include "auth.h"
#include "testhelp.h"
#include "users.h"

static void
setup(void)
{
	ck_assert_int_eq(auth_init(), 0);
}

/* --- passwords ----------------------------------------------------------- */

START_TEST(test_hash_verify)
{
	char	 hash[AUTH_HASH_MAX];

	ck_assert_int_eq(auth_hash_password("correct horse battery", hash), 0);
	ck_assert_int_eq(strncmp(hash, "$argon2id$", 10), 0);
	ck_assert_uint_lt(strlen(hash), AUTH_HASH_MAX);
	ck_assert_int_eq(auth_verify_password(hash, "correct horse battery"), 1);
	ck_assert_int_eq(auth_verify_password(hash, "correct horse batterY"), 0);
	ck_assert_int_eq(auth_verify_password(hash, "correct horse batter"), 0);
	ck_assert_int_eq(auth_verify_password(hash,
	    "correct horse battery "), 0);
	ck_assert_int_eq(auth_verify_password(hash, ""), 0);
}
END_TEST

START_TEST(test_hash_salted)
{
	char	 h1[AUTH_HASH_MAX], h2[AUTH_HASH_MAX];

	ck_assert_int_eq(auth_hash_password("same password", h1), 0);
	ck_assert_int_eq(auth_hash_password("same password", h2), 0);
	ck_assert_str_ne(h1, h2);
	ck_assert_int_eq(auth_verify_password(h1, "same password"), 1);
	ck_assert_int_eq(auth_verify_password(h2, "same password"), 1);
}
END_TEST

START_TEST(test_hash_utf8_password)
{
	char	 hash[AUTH_HASH_MAX];

	ck_assert_int_eq(auth_hash_password("p\xc3\xa4ssw\xc3\xb6rd", hash), 0);
	ck_assert_int_eq(auth_verify_password(hash, "p\xc3\xa4ssw\xc3\xb6rd"), 1);
	ck_assert_int_eq(auth_verify_password(hash, "passw\xc3\xb6rd"), 0);
}
END_TEST

START_TEST(test_verify_garbage_hash)
{
	ck_assert_int_eq(auth_verify_password("", "x"), 0);
	ck_assert_int_eq(auth_verify_password("not a hash", "not a hash"), 0);
	ck_assert_int_eq(auth_verify_password("$argon2id$v=19$m=1,t=1,p=1$",
	    "x"), 0);
}
END_TEST

/* --- tokens -------------------------------------------------------------- */

START_TEST(test_random_token)
{
	char	 t1[AUTH_TOKEN_HEX], t2[AUTH_TOKEN_HEX];

	memset(t1, 'X', sizeof(t1));
	memset(t2, 'X', sizeof(t2));
	auth_random_token(t1);
	auth_random_token(t2);
	ck_assert_uint_eq(strlen(t1), 64);
	ck_assert_uint_eq(strlen(t2), 64);
	ck_assert_uint_eq(strspn(t1, "0123456789abcdef"), 64);
	ck_assert_uint_eq(strspn(t2, "0123456789abcdef"), 64);
	ck_assert_str_ne(t1, t2);
}
END_TEST

static const struct {
	const char	*in;
	const char	*sha256;
} vectors[] = {
	{ "abc",
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "",
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
};
#define NVECTORS	(sizeof(vectors) / sizeof(vectors[0]))

START_TEST(test_token_hash)
{
	char	 out[AUTH_TOKEN_HEX];

	memset(out, 'X', sizeof(out));
	auth_token_hash(vectors[_i].in, out);
	ck_assert_str_eq(out, vectors[_i].sha256);
}
END_TEST

/* A token's hash is itself a well-formed, different token. */
START_TEST(test_token_hash_of_token)
{
	char	 t[AUTH_TOKEN_HEX], h1[AUTH_TOKEN_HEX], h2[AUTH_TOKEN_HEX];

	auth_random_token(t);
	auth_token_hash(t, h1);
	auth_token_hash(t, h2);
	ck_assert_str_eq(h1, h2);
	ck_assert_str_ne(h1, t);
	ck_assert_uint_eq(strspn(h1, "0123456789abcdef"), 64);
	ck_assert_uint_eq(strlen(h1), 64);
}
END_TEST

static const struct {
	const char	*expected;
	const char	*given;
	int		 equal;
} tokens[] = {
	{ "abc123", "abc123", 1 },
	{ "abc123", "abc124", 0 },
	{ "abc123", "Abc123", 0 },
	{ "abc123", "abc12", 0 },
	{ "abc12", "abc123", 0 },
	{ "abc123", "abc123\n", 0 },
	{ NULL, "abc", 0 },
	{ "abc", NULL, 0 },
	{ NULL, NULL, 0 },
	/* An empty expected token (none issued) matches nothing. */
	{ "", "", 0 },
	{ "", "a", 0 },
	{ "a", "", 0 },
};
#define NTOKENS	(sizeof(tokens) / sizeof(tokens[0]))

START_TEST(test_token_equal)
{
	ck_assert_int_eq(auth_token_equal(tokens[_i].expected, tokens[_i].given),
	    tokens[_i].equal);
}
END_TEST

START_TEST(test_token_equal_random)
{
	char	 t[AUTH_TOKEN_HEX], u[AUTH_TOKEN_HEX];

	auth_random_token(t);
	memcpy(u, t, sizeof(u));
	ck_assert_int_eq(auth_token_equal(t, u), 1);
	u[63] = u[63] == '0' ? '1' : '0';
	ck_assert_int_eq(auth_token_equal(t, u), 0);
}
END_TEST

/* --- Origin -------------------------------------------------------------- */

static const struct {
	const char	*origin;
	const char	*host;
	int		 https;
	int		 ok;
} origins[] = {
	{ NULL, "host", 0, 1 },
	{ NULL, "host", 1, 1 },
	{ NULL, "", 0, 1 },
	{ "http://host:8080", "host:8080", 0, 1 },
	{ "http://host", "host", 0, 1 },
	{ "https://host", "host", 1, 1 },
	{ "https://tracker.example:8443", "tracker.example:8443", 1, 1 },
	{ "http://host", "host", 1, 0 },
	{ "https://host", "host", 0, 0 },
	{ "http://other", "host", 0, 0 },
	{ "http://host:8080", "host", 0, 0 },
	{ "http://host", "host:8080", 0, 0 },
	{ "http://hostx", "host", 0, 0 },
	{ "http://host.evil", "host", 0, 0 },
	{ "http://host/", "host", 0, 0 },
	{ "http://evil.example/http://host", "host", 0, 0 },
	{ "null", "host", 0, 0 },
	{ "", "host", 0, 0 },
	{ "host", "host", 0, 0 },
	{ "//host", "host", 0, 0 },
	{ "ftp://host", "host", 0, 0 },
	{ "http://", "", 0, 0 },
	{ "http://host", "", 0, 0 },
	{ "http://host", NULL, 0, 0 },
};
#define NORIGINS	(sizeof(origins) / sizeof(origins[0]))

START_TEST(test_origin)
{
	ck_assert_msg(auth_origin_ok(origins[_i].origin, origins[_i].host,
	    origins[_i].https) == origins[_i].ok,
	    "origin %s host %s https %d: expected %d",
	    origins[_i].origin ? origins[_i].origin : "(none)",
	    origins[_i].host ? origins[_i].host : "(none)", origins[_i].https,
	    origins[_i].ok);
}
END_TEST

/* --- users.h helpers ----------------------------------------------------- */

START_TEST(test_role_names)
{
	ck_assert_str_eq(role_name(ROLE_VIEWER), "viewer");
	ck_assert_str_eq(role_name(ROLE_EDITOR), "editor");
	ck_assert_str_eq(role_name(ROLE_ADMIN), "admin");
	ck_assert_str_eq(role_name(ROLE_NONE), "none");
	ck_assert_str_eq(role_name(ROLE__MAX), "none");
	ck_assert_str_eq(role_name((enum role)-1), "none");
}
END_TEST

START_TEST(test_role_round_trip)
{
	enum role	 r = (enum role)_i;

	ck_assert_int_eq(role_parse(role_name(r)), r);
}
END_TEST

static const char *const not_roles[] = {
	"none", "", "Admin", "ADMIN", "admin ", " admin", "administrator",
	"view", "root",
};
#define NNOT_ROLES	(sizeof(not_roles) / sizeof(not_roles[0]))

START_TEST(test_role_parse_unknown)
{
	ck_assert_int_eq(role_parse(not_roles[_i]), ROLE_NONE);
}
END_TEST

START_TEST(test_role_parse_null)
{
	ck_assert_int_eq(role_parse(NULL), ROLE_NONE);
}
END_TEST

static const struct {
	const char	*name;
	int		 ok;
} user_names[] = {
	{ "alice", 1 },
	{ "a", 1 },
	{ "a.b_c-9", 1 },
	{ "0123456789", 1 },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1 },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0 },
	{ "", 0 },
	{ "Alice", 0 },
	{ "a b", 0 },
	{ "al/ice", 0 },
	{ "alice@example.org", 0 },
	{ "caf\xc3\xa9", 0 },
	{ "alice\n", 0 },
	{ "a'b", 0 },
	{ "<b>", 0 },
};
#define NUSER_NAMES	(sizeof(user_names) / sizeof(user_names[0]))

START_TEST(test_user_name_problem)
{
	const char	*p = user_name_problem(user_names[_i].name);

	if (user_names[_i].ok)
		ck_assert_ptr_null(p);
	else {
		ck_assert_ptr_nonnull(p);
		ck_assert_uint_gt(strlen(p), 0);
	}
}
END_TEST

START_TEST(test_user_password_problem)
{
	char	 pw[1100];

	ck_assert_ptr_nonnull(user_password_problem(""));
	ck_assert_ptr_nonnull(user_password_problem("1234567"));
	ck_assert_ptr_null(user_password_problem("12345678"));
	ck_assert_ptr_null(user_password_problem("correct horse battery staple"));
	memset(pw, 'p', sizeof(pw));
	pw[1024] = '\0';
	ck_assert_ptr_null(user_password_problem(pw));
	pw[1024] = 'p';
	pw[1025] = '\0';
	ck_assert_ptr_nonnull(user_password_problem(pw));
	ck_assert_str_ne(user_password_problem(pw),
	    user_password_problem("short"));
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("auth");
	TCase	*tc;

	tc = tcase_create("passwords");
	tcase_add_checked_fixture(tc, setup, NULL);
	/* argon2id is slow on purpose, more so under valgrind. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_hash_verify);
	tcase_add_test(tc, test_hash_salted);
	tcase_add_test(tc, test_hash_utf8_password);
	tcase_add_test(tc, test_verify_garbage_hash);
	suite_add_tcase(s, tc);

	tc = tcase_create("tokens");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_random_token);
	tcase_add_loop_test(tc, test_token_hash, 0, (int)NVECTORS);
	tcase_add_test(tc, test_token_hash_of_token);
	tcase_add_loop_test(tc, test_token_equal, 0, (int)NTOKENS);
	tcase_add_test(tc, test_token_equal_random);
	tcase_add_loop_test(tc, test_origin, 0, (int)NORIGINS);
	suite_add_tcase(s, tc);

	tc = tcase_create("users");
	tcase_add_test(tc, test_role_names);
	tcase_add_loop_test(tc, test_role_round_trip, ROLE_VIEWER, ROLE__MAX);
	tcase_add_loop_test(tc, test_role_parse_unknown, 0, (int)NNOT_ROLES);
	tcase_add_test(tc, test_role_parse_null);
	tcase_add_loop_test(tc, test_user_name_problem, 0, (int)NUSER_NAMES);
	tcase_add_test(tc, test_user_password_problem);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
