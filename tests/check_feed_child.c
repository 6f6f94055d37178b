/*
 * The parser child: the JSON that carries its result, the real
 * tracker-feeds as the child, and children that hang, crash, print
 * nonsense or look for what they must not have (the parent's environment
 * and descriptors).
 */
#include "config.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>

#include "arena.h"
#include "feed_child.h"
#include "testhelp.h"

static struct arena	 a;
static char		 msg[300];
static char		 dir[] = "/tmp/check_feed_child.XXXXXX";

static void setup(void) { arena_init(&a); }
static void teardown(void) { arena_free(&a); }

/* A shell script in the test's directory, executable; its path. */
static const char *
script(const char *name, const char *body)
{
	char	*path = arena_printf(&a, "%s/%s", dir, name);
	FILE	*f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fprintf(f, "#!/bin/sh\n%s\n", body);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(chmod(path, 0700), 0);
	return path;
}

static const char *
program(void)
{
	const char	*top = getenv("top_builddir");

	return arena_printf(&a, "%s/feeds/tracker-feeds", top ? top : ".");
}

static const char feed_doc[] =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
    "<title>Wire &amp; Co</title><link>/</link>"
    "<item><title>R&eacute;fugi&eacute;s</title><link>news/1</link>"
    "<description>&lt;p&gt;Hello &lt;script&gt;x()&lt;/script&gt;"
    "&lt;/p&gt;</description><guid isPermaLink=\"false\">n1</guid>"
    "<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate></item>"
    "<item><title>Second</title></item></channel></rss>";

START_TEST(test_json_round_trip)
{
	struct feed_entry	 e[2] = {
		{ "T <b>1</b>", "T 1", "https://x.example/1", "id\"1",
		  "2024-03-05T09:30:00Z", NULL, "<p>\xc3\xa9</p>", "\xc3\xa9",
		  "A" },
		{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }
	};
	struct feed		 f = { "Feed", "Feed", NULL, NULL, 0, 0 }, back;
	FILE			*entries = tmpfile(), *out = tmpfile();
	char			 buf[4096];
	size_t			 n;

	ck_assert_ptr_nonnull(entries);
	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(feed_json_write_entry(entries, &e[0], 1), 0);
	ck_assert_int_eq(feed_json_write_entry(entries, &e[1], 0), 0);
	ck_assert_int_eq(feed_json_write(out, &f, entries), 0);
	rewind(out);
	n = fread(buf, 1, sizeof(buf) - 1, out);
	buf[n] = '\0';
	ck_assert_ptr_nonnull(strstr(buf, "{\"feed\":{\"title\":\"Feed\""));
	ck_assert_int_eq(buf[n - 1], '\n');
	ck_assert_int_eq(feed_json_read(&a, buf, n, &back), 0);
	ck_assert_str_eq(back.title, "Feed");
	ck_assert_ptr_null(back.link);
	ck_assert_uint_eq(back.n_entries, 2);
	ck_assert_str_eq(back.entries[0].id, "id\"1");
	ck_assert_str_eq(back.entries[0].summary_text, "\xc3\xa9");
	ck_assert_ptr_null(back.entries[0].updated);
	ck_assert_ptr_null(back.entries[1].title);
	fclose(entries);
	fclose(out);

	/* Not the parse command's JSON. */
	ck_assert_int_eq(feed_json_read(&a, "[]", 2, &back), -1);
	ck_assert_int_eq(feed_json_read(&a, "{\"feed\":{},\"entries\":[1]}",
	    25, &back), -1);
	ck_assert_int_eq(feed_json_read(&a, "{\"feed\":{\"title\":3},"
	    "\"entries\":[]}", 33, &back), -1);
	ck_assert_int_eq(feed_json_read(&a, "{\"feed\"", 7, &back), -1);
}
END_TEST

START_TEST(test_real_child)
{
	struct feed	 f;

	ck_assert_int_eq(feed_parse_child(program(), feed_doc,
	    strlen(feed_doc), "https://wire.example/feeds/", 0, &a, &f, msg,
	    sizeof(msg)), FEED_OK);
	ck_assert_str_eq(f.title_text, "Wire & Co");
	ck_assert_str_eq(f.link, "https://wire.example/");
	ck_assert_uint_eq(f.n_entries, 2);
	ck_assert_str_eq(f.entries[0].title, "R\xc3\xa9" "fugi\xc3\xa9s");
	ck_assert_str_eq(f.entries[0].link, "https://wire.example/feeds/news/1");
	ck_assert_str_eq(f.entries[0].id, "n1");
	ck_assert_str_eq(f.entries[0].published, "2024-03-05T09:30:00Z");
	ck_assert_ptr_null(strstr(f.entries[0].summary, "script"));
	ck_assert_str_eq(f.entries[1].title, "Second");

	/* The parser's own refusal comes back as its kind and reason. */
	ck_assert_int_eq(feed_parse_child(program(),
	    "<html><body>hi</body></html>", 28, NULL, 0, &a, &f, msg,
	    sizeof(msg)), FEED_NOT_A_FEED);
	ck_assert_str_eq(msg, "the document is <html>, expected <rss>, "
	    "<rdf:RDF> or <feed>");
	ck_assert_int_eq(feed_parse_child(program(), "", 0, NULL, 0, &a, &f,
	    msg, sizeof(msg)), FEED_EMPTY);
}
END_TEST

/* The child sees neither the parent's environment nor its descriptors. */
START_TEST(test_child_holds_nothing)
{
	struct feed	 f;
	const char	*p = script("inspect",
	    "if [ -n \"$TRACKER_SECRET\" ]; then echo env leaked >&2; exit 1; fi\n"
	    "if [ -e /proc/self/fd/42 ]; then echo fd leaked >&2; exit 1; fi\n"
	    "printf '{\"feed\":{\"title\":\"clean\",\"title_text\":null,"
	    "\"link\":null},\"entries\":[]}\\n'");
	int		 fd = open("/dev/null", O_RDONLY);

	ck_assert_int_ne(fd, -1);
	ck_assert_int_eq(dup2(fd, 42), 42);
	ck_assert_int_eq(setenv("TRACKER_SECRET", "password", 1), 0);
	ck_assert_int_eq(feed_parse_child(p, feed_doc, strlen(feed_doc), NULL,
	    0, &a, &f, msg, sizeof(msg)), FEED_OK);
	ck_assert_str_eq(f.title, "clean");
	ck_assert_uint_eq(f.n_entries, 0);
	unsetenv("TRACKER_SECRET");
	close(42);
	close(fd);
}
END_TEST

START_TEST(test_bad_children)
{
	struct feed	 f;

	/* Hangs: stopped at the deadline. */
	ck_assert_int_eq(feed_parse_child(script("hang", "exec sleep 30"),
	    feed_doc, strlen(feed_doc), NULL, 1, &a, &f, msg, sizeof(msg)),
	    FEED_TOO_LARGE);
	ck_assert_str_eq(msg, "the parser was stopped after 1 s");

	/* Crashes. */
	ck_assert_int_eq(feed_parse_child(script("crash", "kill -SEGV $$"),
	    feed_doc, strlen(feed_doc), NULL, 0, &a, &f, msg, sizeof(msg)),
	    FEED_READ);
	ck_assert_str_eq(msg, "the parser was killed by signal 11");

	/* Prints what is not the parse command's JSON. */
	ck_assert_int_eq(feed_parse_child(script("babble", "echo '{\"x\":1}'"),
	    feed_doc, strlen(feed_doc), NULL, 0, &a, &f, msg, sizeof(msg)),
	    FEED_READ);
	ck_assert_str_eq(msg, "the parser's output could not be read");

	/* Fails without saying a kind. */
	ck_assert_int_eq(feed_parse_child(script("fail",
	    "echo 'something odd' >&2; exit 1"), feed_doc, strlen(feed_doc),
	    NULL, 0, &a, &f, msg, sizeof(msg)), FEED_READ);
	ck_assert_str_eq(msg, "the parser failed: something odd");

	/* Cannot be run at all. */
	ck_assert_int_eq(feed_parse_child("/nonexistent/tracker-feeds",
	    feed_doc, strlen(feed_doc), NULL, 0, &a, &f, msg, sizeof(msg)),
	    FEED_READ);
	ck_assert_str_eq(msg, "the parser could not be started");
}
END_TEST

/*
 * The child gets an empty environment: nothing of the ingester's (its
 * configuration's path, a proxy's password) reaches the parser.  A
 * sanitizer build passes its sanitizers' settings, and those alone, so
 * that the child's reports are collected (tests/harness/sanitize.sh).
 */
#ifdef TRACKER_SANITIZERS
static const int	 sanitized = 1;
#else
static const int	 sanitized = 0;
#endif

START_TEST(test_child_environment)
{
	static const char *const	 san[] = { "ASAN_OPTIONS",
	    "LSAN_OPTIONS", "UBSAN_OPTIONS" };	/* as sort(1) puts them */
	struct feed			 f;
	char				 want[300];
	size_t				 i, len;

	ck_assert_int_eq(setenv("TRACKER_SECRET", "s3cret", 1), 0);
	len = (size_t)snprintf(want, sizeof(want), "the parser failed: names:");
	for (i = 0; i < sizeof(san) / sizeof(san[0]); i++) {
		if (!sanitized)
			ck_assert_int_eq(setenv(san[i], "x=1", 1), 0);
		else if (getenv(san[i]) != NULL)
			len += (size_t)snprintf(want + len, sizeof(want) - len,
			    " %s", san[i]);
	}
	ck_assert_int_eq(feed_parse_child(script("env",
	    "printf 'names:' >&2; env | cut -d= -f1 | "
	    "grep -vx 'PWD\\|OLDPWD\\|SHLVL\\|_' | sort | "
	    "while read -r n; do printf ' %s' \"$n\" >&2; done; exit 1"),
	    feed_doc, strlen(feed_doc), NULL, 0, &a, &f, msg, sizeof(msg)),
	    FEED_READ);
	ck_assert_str_eq(msg, want);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("feed_child");
	TCase	*tc = tcase_create("child");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_json_round_trip);
	tcase_add_test(tc, test_real_child);
	tcase_add_test(tc, test_child_holds_nothing);
	tcase_add_test(tc, test_bad_children);
	tcase_add_test(tc, test_child_environment);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	int	 rc;
	char	 cmd[64];

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	rc = th_run(suite());
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		rc = 1;
	return rc;
}
