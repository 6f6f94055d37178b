#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>

#include "conf.h"
#include "testhelp.h"

static struct conf	 conf;
static char		 path[64];

static void
setup(void)
{
	conf_defaults(&conf);
	path[0] = '\0';
}

static void
teardown(void)
{
	conf_free(&conf);
	if (path[0] != '\0')
		unlink(path);
}

/* Write text to a fresh temporary file; its name is in path. */
static void
write_conf(const char *text)
{
	size_t	 n = strlen(text);
	int	 fd;

	snprintf(path, sizeof(path), "%s", "/tmp/check_conf.XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	if (write(fd, text, n) != (ssize_t)n || close(fd) != 0) {
		unlink(path);
		ck_abort_msg("cannot write %s", path);
	}
}

/* Load text; the file is gone again before any assertion can fail. */
static enum conf_err
load(const char *text, unsigned *line)
{
	enum conf_err	 e;

	write_conf(text);
	*line = 12345;
	e = conf_load(&conf, path, line);
	unlink(path);
	path[0] = '\0';
	return e;
}

static void
assert_defaults(const struct conf *c)
{
	ck_assert_ptr_null(c->db_socket);
	ck_assert_ptr_null(c->db_host);
	ck_assert_uint_eq(c->db_nhosts, 0);
	ck_assert_ptr_null(c->db_name);
	ck_assert_ptr_null(c->db_user);
	ck_assert_ptr_null(c->db_password);
	ck_assert_uint_eq(c->db_port, 3306);
	ck_assert_uint_eq(c->max_body_bytes, 1024 * 1024);
	ck_assert_uint_eq(c->session_idle_minutes, 120);
	ck_assert_uint_eq(c->session_max_hours, 12);
	ck_assert_uint_eq(c->login_max_failures, 5);
	ck_assert_uint_eq(c->login_window_minutes, 15);
	ck_assert_uint_eq(c->fcgi_workers, 1);
	ck_assert_int_eq(c->trust_remote_user, 0);
}

START_TEST(test_defaults)
{
	struct conf	 c;

	memset(&c, 0x5a, sizeof(c));
	conf_defaults(&c);
	assert_defaults(&c);
}
END_TEST

START_TEST(test_every_key)
{
	unsigned	 line;

	ck_assert_int_eq(load(
	    "# tracker.conf\n"
	    "\n"
	    "   # indented comment = not a key\n"
	    "db_socket = /run/mysqld/mysqld.sock\n"
	    "db_host=db.example\n"
	    "db_port  =  3307\n"
	    "\tdb_name\t=\ttracker\t\n"
	    "db_user = tracker_app\n"
	    "db_password = s3cret = with # equals\n"
	    "   \n"
	    "max_body_bytes = 2048\n"
	    "session_idle_minutes = 30\n"
	    "session_max_hours = 8\n"
	    "login_max_failures = 3\n"
	    "login_window_minutes = 10\n"
	    "trust_remote_user = yes\n"
	    "# the end\n", &line), CONF_OK);
	ck_assert_uint_eq(line, 0);
	ck_assert_str_eq(conf.db_socket, "/run/mysqld/mysqld.sock");
	ck_assert_str_eq(conf.db_host, "db.example");
	ck_assert_uint_eq(conf.db_port, 3307);
	ck_assert_str_eq(conf.db_name, "tracker");
	ck_assert_str_eq(conf.db_user, "tracker_app");
	ck_assert_str_eq(conf.db_password, "s3cret = with # equals");
	ck_assert_uint_eq(conf.max_body_bytes, 2048);
	ck_assert_uint_eq(conf.session_idle_minutes, 30);
	ck_assert_uint_eq(conf.session_max_hours, 8);
	ck_assert_uint_eq(conf.login_max_failures, 3);
	ck_assert_uint_eq(conf.login_window_minutes, 10);
	ck_assert_int_eq(conf.trust_remote_user, 1);
}
END_TEST

START_TEST(test_empty_file)
{
	unsigned	 line;

	ck_assert_int_eq(load("", &line), CONF_OK);
	ck_assert_uint_eq(line, 0);
	assert_defaults(&conf);
	ck_assert_int_eq(load("# only a comment\n\n\n", &line), CONF_OK);
	assert_defaults(&conf);
}
END_TEST

/* CRLF line endings and a last line without a newline. */
START_TEST(test_crlf_no_final_newline)
{
	unsigned	 line;

	ck_assert_int_eq(load("db_name = a\r\ndb_port = 1234\r\n"
	    "db_user = u", &line), CONF_OK);
	ck_assert_str_eq(conf.db_name, "a");
	ck_assert_uint_eq(conf.db_port, 1234);
	ck_assert_str_eq(conf.db_user, "u");
}
END_TEST

/* A key given twice: the last wins (and the first is freed). */
START_TEST(test_repeated_key)
{
	unsigned	 line;

	ck_assert_int_eq(load("db_name = one\ndb_name = two\n"
	    "db_port = 1\ndb_port = 2\n", &line), CONF_OK);
	ck_assert_str_eq(conf.db_name, "two");
	ck_assert_uint_eq(conf.db_port, 2);
}
END_TEST

/* An empty string value is allowed for strings (no password). */
START_TEST(test_empty_string_value)
{
	unsigned	 line;

	ck_assert_int_eq(load("db_password =\n", &line), CONF_OK);
	ck_assert_ptr_nonnull(conf.db_password);
	ck_assert_str_eq(conf.db_password, "");
}
END_TEST

START_TEST(test_unknown_key)
{
	unsigned	 line;

	ck_assert_int_eq(load("# comment\ndb_name = x\n\ndb_nmae = y\n"
	    "db_user = z\n", &line), CONF_UNKNOWN_KEY);
	ck_assert_uint_eq(line, 4);
	ck_assert_str_eq(conf.db_name, "x");
	ck_assert_int_eq(load("DB_NAME = x\n", &line), CONF_UNKNOWN_KEY);
	ck_assert_uint_eq(line, 1);
	ck_assert_int_eq(load("\n = x\n", &line), CONF_UNKNOWN_KEY);
	ck_assert_uint_eq(line, 2);
}
END_TEST

START_TEST(test_syntax)
{
	unsigned	 line;

	ck_assert_int_eq(load("db_name = x\n# ok\nno equals here\n", &line),
	    CONF_SYNTAX);
	ck_assert_uint_eq(line, 3);
	ck_assert_int_eq(load("db_port 3306\n", &line), CONF_SYNTAX);
	ck_assert_uint_eq(line, 1);
}
END_TEST

static const struct {
	const char	*text;
	int		 ok;
} numbers[] = {
	{ "db_port = 0", 0 },
	{ "db_port = -1", 0 },
	{ "db_port = 12x", 0 },
	{ "db_port = x12", 0 },
	{ "db_port = 1.5", 0 },
	{ "db_port = +80", 0 },
	{ "db_port =", 0 },
	{ "db_port = 1 2", 0 },
	{ "db_port = 65536", 0 },
	{ "db_port = 99999999999999999999999", 0 },
	{ "db_port = 18446744073709551617", 0 },
	{ "db_port = 65535", 1 },
	{ "db_port = 1", 1 },
	{ "max_body_bytes = 1073741824", 1 },
	{ "max_body_bytes = 1073741825", 0 },
	{ "max_body_bytes = 0", 0 },
	{ "session_idle_minutes = 43200", 1 },
	{ "session_idle_minutes = 43201", 0 },
	{ "session_max_hours = 2160", 1 },
	{ "session_max_hours = 2161", 0 },
	{ "login_max_failures = 1000", 1 },
	{ "login_max_failures = 1001", 0 },
	{ "login_max_failures = -5", 0 },
	{ "login_window_minutes = 1440", 1 },
	{ "login_window_minutes = 1441", 0 },
	{ "login_window_minutes = 0", 0 },
	{ "fcgi_workers = 1", 1 },
	{ "fcgi_workers = 64", 1 },
	{ "fcgi_workers = 65", 0 },
	{ "fcgi_workers = 0", 0 },
};
#define NNUMBERS	(sizeof(numbers) / sizeof(numbers[0]))

START_TEST(test_numbers)
{
	char		 text[128];
	unsigned	 line;
	enum conf_err	 e;

	snprintf(text, sizeof(text), "db_name = x\n%s\n", numbers[_i].text);
	e = load(text, &line);
	if (numbers[_i].ok) {
		ck_assert_int_eq(e, CONF_OK);
		ck_assert_uint_eq(line, 0);
	} else {
		ck_assert_msg(e == CONF_BAD_VALUE, "%s: got %d",
		    numbers[_i].text, e);
		ck_assert_uint_eq(line, 2);
	}
}
END_TEST

/* A rejected number leaves the default in place. */
START_TEST(test_bad_number_keeps_default)
{
	unsigned	 line;

	ck_assert_int_eq(load("db_port = 70000\n", &line), CONF_BAD_VALUE);
	ck_assert_uint_eq(conf.db_port, 3306);
}
END_TEST

static const struct {
	const char	*value;
	int		 result;	/* -1: rejected */
} bools[] = {
	{ "yes", 1 }, { "no", 0 }, { "true", 1 }, { "false", 0 },
	{ "1", 1 }, { "0", 0 }, { "YES", 1 }, { "False", 0 }, { "TRUE", 1 },
	{ "maybe", -1 }, { "2", -1 }, { "", -1 }, { "on", -1 },
	{ "yes please", -1 }, { "01", -1 },
};
#define NBOOLS	(sizeof(bools) / sizeof(bools[0]))

START_TEST(test_bool)
{
	char		 text[128];
	unsigned	 line;
	enum conf_err	 e;

	/* Start from the opposite value so a no-op cannot pass. */
	conf.trust_remote_user = bools[_i].result == 1 ? 0 : 1;
	snprintf(text, sizeof(text), "trust_remote_user = %s\n",
	    bools[_i].value);
	e = load(text, &line);
	if (bools[_i].result == -1) {
		ck_assert_int_eq(e, CONF_BAD_VALUE);
		ck_assert_uint_eq(line, 1);
	} else {
		ck_assert_int_eq(e, CONF_OK);
		ck_assert_int_eq(conf.trust_remote_user, bools[_i].result);
	}
}
END_TEST

/* The shipped example sets every key to a valid value. */
START_TEST(test_example_file)
{
	const char	*top = getenv("top_srcdir");
	char		 example[1024];
	unsigned	 line;

	snprintf(example, sizeof(example), "%s/etc/tracker.conf.example",
	    top != NULL && *top != '\0' ? top : ".");
	ck_assert_msg(conf_load(&conf, example, &line) == CONF_OK,
	    "%s:%u", example, line);
	ck_assert_str_eq(conf.db_name, "tracker");
	ck_assert_uint_eq(conf.max_body_bytes, 1048576);
	ck_assert_int_eq(conf.trust_remote_user, 0);
}
END_TEST

START_TEST(test_missing_file)
{
	unsigned	 line = 99;

	ck_assert_int_eq(conf_load(&conf, "/nonexistent/dir/tracker.conf",
	    &line), CONF_OPEN);
	ck_assert_uint_eq(line, 0);
	assert_defaults(&conf);
}
END_TEST

START_TEST(test_conf_path)
{
	const char	*old = getenv("TRACKER_CONF");
	char		*saved = old ? strdup(old) : NULL;
	const char	*p;
	size_t		 n;

	ck_assert_int_eq(setenv("TRACKER_CONF", "/tmp/elsewhere.conf", 1), 0);
	ck_assert_str_eq(conf_path(), "/tmp/elsewhere.conf");

	ck_assert_int_eq(unsetenv("TRACKER_CONF"), 0);
	p = conf_path();
	n = strlen(p);
	ck_assert_uint_gt(n, strlen("/tracker.conf"));
	ck_assert_str_eq(p + n - strlen("/tracker.conf"), "/tracker.conf");
	ck_assert_str_eq(p, SYSCONFDIR "/tracker.conf");

	/* An empty value means the default too. */
	ck_assert_int_eq(setenv("TRACKER_CONF", "", 1), 0);
	ck_assert_str_eq(conf_path(), SYSCONFDIR "/tracker.conf");

	if (saved != NULL) {
		setenv("TRACKER_CONF", saved, 1);
		free(saved);
	} else
		unsetenv("TRACKER_CONF");
}
END_TEST

START_TEST(test_free_leaves_defaults)
{
	unsigned	 line;

	ck_assert_int_eq(load("db_socket = /s\ndb_host = h\ndb_name = n\n"
	    "db_user = u\ndb_password = p\ndb_port = 1\nmax_body_bytes = 9\n"
	    "session_idle_minutes = 9\nsession_max_hours = 9\n"
	    "login_max_failures = 9\nlogin_window_minutes = 9\n"
	    "trust_remote_user = 1\n", &line), CONF_OK);
	ck_assert_uint_eq(conf.db_port, 1);
	conf_free(&conf);
	assert_defaults(&conf);
	/* Freeing twice is harmless. */
	conf_free(&conf);
	assert_defaults(&conf);
}
END_TEST

/* db_host lists: what each value parses to, "|"-separated, or NULL if bad. */
static const struct {
	const char	*value;
	const char	*want;	/* "name:port|..." with port 0 for db_port */
} host_lists[] = {
	{ "db.example", "db.example:0" },
	{ "db.example:3307", "db.example:3307" },
	{ "10.0.0.1:3306,10.0.0.2:3307, 10.0.0.3",
	    "10.0.0.1:3306|10.0.0.2:3307|10.0.0.3:0" },
	{ " a , b:1 ,c:65535 ", "a:0|b:1|c:65535" },
	{ "[::1]:3306, [fe80::2]", "::1:3306|fe80::2:0" },
	{ "::1", "::1:0" },
	{ "a,b,c,d,e,f,g,h", "a:0|b:0|c:0|d:0|e:0|f:0|g:0|h:0" },
	{ "a,b,c,d,e,f,g,h,i", NULL },	/* more than CONF_MAX_DB_HOSTS */
	{ "", NULL },
	{ "a,,b", NULL },
	{ "a,", NULL },
	{ ",a", NULL },
	{ "a:", NULL },
	{ ":3306", NULL },
	{ "a:0", NULL },
	{ "a:65536", NULL },
	{ "a:123456", NULL },
	{ "a:33x", NULL },
	{ "a:+33", NULL },
	{ "a b:3306", NULL },
	{ "[::1", NULL },
	{ "[]:3306", NULL },
	{ "[::1]x", NULL },
	{ "[::1]:", NULL },
};
#define NHOST_LISTS (sizeof(host_lists) / sizeof(host_lists[0]))

START_TEST(test_host_list)
{
	struct conf_db_host	 h[CONF_MAX_DB_HOSTS];
	char			 got[512];
	size_t			 n = 99, i, len = 0;
	enum conf_err		 e;

	e = conf_parse_hosts(host_lists[_i].value, h, &n);
	if (host_lists[_i].want == NULL) {
		ck_assert_int_eq(e, CONF_BAD_VALUE);
		ck_assert_uint_eq(n, 99);
		return;
	}
	ck_assert_int_eq(e, CONF_OK);
	got[0] = '\0';
	for (i = 0; i < n; i++) {
		len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%s:%u",
		    i > 0 ? "|" : "", h[i].name, h[i].port);
		free(h[i].name);
	}
	ck_assert_str_eq(got, host_lists[_i].want);
}
END_TEST

/* Through the file: the text is kept, the list replaces the last one. */
START_TEST(test_db_host_key)
{
	unsigned	 line;

	ck_assert_int_eq(load("db_host = old:1, older:2\n"
	    "db_host = n1:3306, n2, [::1]:3308\n", &line), CONF_OK);
	ck_assert_str_eq(conf.db_host, "n1:3306, n2, [::1]:3308");
	ck_assert_uint_eq(conf.db_nhosts, 3);
	ck_assert_str_eq(conf.db_hosts[0].name, "n1");
	ck_assert_uint_eq(conf.db_hosts[0].port, 3306);
	ck_assert_str_eq(conf.db_hosts[1].name, "n2");
	ck_assert_uint_eq(conf.db_hosts[1].port, 0);
	ck_assert_str_eq(conf.db_hosts[2].name, "::1");
	ck_assert_uint_eq(conf.db_hosts[2].port, 3308);
	/* A bad list is an error on its line and keeps the list before it. */
	ck_assert_int_eq(load("db_host = n1, n2\ndb_host = n3:99999\n", &line),
	    CONF_BAD_VALUE);
	ck_assert_uint_eq(line, 2);
	ck_assert_uint_eq(conf.db_nhosts, 2);
	ck_assert_str_eq(conf.db_hosts[1].name, "n2");
	conf_free(&conf);
	ck_assert_uint_eq(conf.db_nhosts, 0);
	ck_assert_ptr_null(conf.db_host);
}
END_TEST

/* After an error the strings read so far are still freed by conf_free. */
START_TEST(test_error_then_free)
{
	unsigned	 line;

	ck_assert_int_eq(load("db_name = kept\ndb_user = u\nbogus\n", &line),
	    CONF_SYNTAX);
	ck_assert_uint_eq(line, 3);
	ck_assert_str_eq(conf.db_name, "kept");
	conf_free(&conf);
	assert_defaults(&conf);
}
END_TEST

START_TEST(test_strerror)
{
	const char	*s = conf_strerror((enum conf_err)_i);
	int		 j;

	ck_assert_ptr_nonnull(s);
	ck_assert_uint_gt(strlen(s), 0);
	ck_assert_str_ne(s, "unknown error");
	for (j = 0; j < CONF__MAX; j++)
		if (j != _i)
			ck_assert_str_ne(s, conf_strerror((enum conf_err)j));
}
END_TEST

START_TEST(test_strerror_out_of_range)
{
	ck_assert_str_eq(conf_strerror(CONF__MAX), "unknown error");
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("conf");
	TCase	*tc;

	tc = tcase_create("load");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_every_key);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_crlf_no_final_newline);
	tcase_add_test(tc, test_repeated_key);
	tcase_add_test(tc, test_empty_string_value);
	tcase_add_test(tc, test_unknown_key);
	tcase_add_test(tc, test_syntax);
	tcase_add_loop_test(tc, test_numbers, 0, (int)NNUMBERS);
	tcase_add_test(tc, test_bad_number_keeps_default);
	tcase_add_loop_test(tc, test_bool, 0, (int)NBOOLS);
	tcase_add_test(tc, test_example_file);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_free_leaves_defaults);
	tcase_add_test(tc, test_error_then_free);
	tcase_add_loop_test(tc, test_host_list, 0, (int)NHOST_LISTS);
	tcase_add_test(tc, test_db_host_key);
	suite_add_tcase(s, tc);

	tc = tcase_create("misc");
	tcase_add_test(tc, test_conf_path);
	tcase_add_loop_test(tc, test_strerror, 0, CONF__MAX);
	tcase_add_test(tc, test_strerror_out_of_range);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
