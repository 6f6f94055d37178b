/*
 * The feed parser in a child process (see feed_child.h).  The parent
 * writes the body to an unlinked temporary file that becomes the child's
 * standard input, reads its standard output through a pipe with a
 * deadline, and kills it when time or the output cap runs out.  Between
 * fork() and execve() the child only moves descriptors, closes the rest
 * and sets limits: the ingester may have threads (libcurl's resolver).
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "arena.h"
#include "feed_child.h"

/* --- the JSON --------------------------------------------------------- */

static json_t *
str(const char *s)
{
	json_t	*j;

	if (s == NULL)
		return json_null();
	j = json_string(s);
	return j != NULL ? j : json_null();
}

int
feed_json_write_entry(FILE *f, const struct feed_entry *fe, int first)
{
	json_t	*e;
	int	 rc;

	if ((e = json_object()) == NULL)
		return -1;
	json_object_set_new(e, "title", str(fe->title));
	json_object_set_new(e, "title_text", str(fe->title_text));
	json_object_set_new(e, "link", str(fe->link));
	json_object_set_new(e, "id", str(fe->id));
	json_object_set_new(e, "published", str(fe->published));
	json_object_set_new(e, "updated", str(fe->updated));
	json_object_set_new(e, "summary", str(fe->summary));
	json_object_set_new(e, "summary_text", str(fe->summary_text));
	json_object_set_new(e, "author", str(fe->author));
	rc = (first || fputc(',', f) != EOF) &&
	    json_dumpf(e, f, JSON_COMPACT | JSON_PRESERVE_ORDER) == 0 ? 0 : -1;
	json_decref(e);
	return rc;
}

int
feed_json_write(FILE *out, const struct feed *f, FILE *entries)
{
	json_t	*head;
	char	 buf[65536];
	size_t	 n;
	int	 rc;

	if ((head = json_object()) == NULL)
		return -1;
	json_object_set_new(head, "title", str(f->title));
	json_object_set_new(head, "title_text", str(f->title_text));
	json_object_set_new(head, "link", str(f->link));
	rc = fputs("{\"feed\":", out) != EOF &&
	    json_dumpf(head, out, JSON_COMPACT | JSON_PRESERVE_ORDER) == 0 &&
	    fputs(",\"entries\":[", out) != EOF ? 0 : -1;
	json_decref(head);
	if (rc == -1 || fflush(entries) != 0 || fseek(entries, 0, SEEK_SET) != 0)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), entries)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			return -1;
	if (ferror(entries) || fputs("]}\n", out) == EOF)
		return -1;
	return 0;
}

/* A string member copied into a; *ok cleared when present but not a string. */
static const char *
member(struct arena *a, json_t *o, const char *key, int *ok)
{
	json_t		*v = json_object_get(o, key);
	const char	*s;

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		*ok = 0;
		return NULL;
	}
	if ((s = arena_strdup(a, json_string_value(v))) == NULL)
		*ok = 0;
	return s;
}

int
feed_json_read(struct arena *a, const char *json, size_t len,
    struct feed *out)
{
	json_t		*root, *feed, *entries, *e;
	json_error_t	 err;
	size_t		 i;
	int		 ok = 1;

	memset(out, 0, sizeof(*out));
	if ((root = json_loadb(json, len, 0, &err)) == NULL)
		return -1;
	feed = json_object_get(root, "feed");
	entries = json_object_get(root, "entries");
	if (!json_is_object(feed) || !json_is_array(entries))
		goto fail;
	out->title = member(a, feed, "title", &ok);
	out->title_text = member(a, feed, "title_text", &ok);
	out->link = member(a, feed, "link", &ok);
	out->n_entries = json_array_size(entries);
	if (out->n_entries > 0 && (out->entries = arena_alloc(a,
	    out->n_entries * sizeof(*out->entries))) == NULL)
		goto fail;
	json_array_foreach(entries, i, e) {
		struct feed_entry	*fe = &out->entries[i];

		if (!json_is_object(e))
			goto fail;
		fe->title = member(a, e, "title", &ok);
		fe->title_text = member(a, e, "title_text", &ok);
		fe->link = member(a, e, "link", &ok);
		fe->id = member(a, e, "id", &ok);
		fe->published = member(a, e, "published", &ok);
		fe->updated = member(a, e, "updated", &ok);
		fe->summary = member(a, e, "summary", &ok);
		fe->summary_text = member(a, e, "summary_text", &ok);
		fe->author = member(a, e, "author", &ok);
	}
	if (!ok)
		goto fail;
	json_decref(root);
	return 0;
fail:
	json_decref(root);
	memset(out, 0, sizeof(*out));
	return -1;
}

/* --- the child --------------------------------------------------------- */

/* What one child run holds, for the parent. */
struct child {
	pid_t	 pid;
	FILE	*in, *err;	/* the body; what the child said */
	int	 out;		/* the read end of its standard output */
	char	*buf;		/* its standard output */
	size_t	 len, cap, max;
	int	 timed_out, too_much;
};

static void
say(char *msg, size_t msglen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
say(char *msg, size_t msglen, const char *fmt, ...)
{
	va_list	 ap;

	if (msglen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, msglen, fmt, ap);
	va_end(ap);
}

extern char	**environ;

/*
 * The child's environment: empty, so the parser sees nothing of the
 * ingester's.  A sanitizer build (--enable-sanitizers) passes on its
 * sanitizers' settings alone, so that the child's reports go where the
 * tests collect them (tests/harness/sanitize.sh).  Pointers into
 * environ: nothing is allocated.
 */
static void
child_env(char *envp[], size_t n)
{
#ifdef TRACKER_SANITIZERS
	static const char *const	 keep[] = { "ASAN_OPTIONS=",
	    "UBSAN_OPTIONS=", "LSAN_OPTIONS=" };
	char				**e;
	size_t				 i, k = 0;

	for (e = environ; *e != NULL && k + 1 < n; e++)
		for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
			if (strncmp(*e, keep[i], strlen(keep[i])) == 0)
				envp[k++] = *e;
	envp[k] = NULL;
#else
	(void)n;
	envp[0] = NULL;
#endif
}

/* In the child, between fork() and execve(): nothing that allocates. */
static void
child_exec(const char *program, char *const argv[], char *const envp[],
    int in, int out, int err, unsigned timeout)
{
	struct rlimit		 cpu = { timeout, timeout + 1 };

	if (dup2(in, STDIN_FILENO) == -1 || dup2(out, STDOUT_FILENO) == -1 ||
	    dup2(err, STDERR_FILENO) == -1)
		_exit(126);
	closefrom(STDERR_FILENO + 1);
	setrlimit(RLIMIT_CPU, &cpu);
	execve(program, argv, envp);
	_exit(127);
}

static int
child_start(struct child *c, const char *program, const char *data,
    size_t len, const char *base, unsigned timeout)
{
	char	 max[32];
	char	*argv[] = { (char *)"tracker-feeds", (char *)"parse",
	    (char *)"--base", (char *)(base ? base : ""),
	    (char *)"--max-bytes", max, (char *)"--text-only", (char *)"-",
	    NULL };
	char	*envp[4];
	int	 p[2];

	snprintf(max, sizeof(max), "%zu", len);
	child_env(envp, sizeof(envp) / sizeof(envp[0]));
	if ((c->in = tmpfile()) == NULL || (c->err = tmpfile()) == NULL)
		return -1;
	if ((len > 0 && fwrite(data, 1, len, c->in) != len) ||
	    fflush(c->in) != 0 || fseek(c->in, 0, SEEK_SET) != 0)
		return -1;
	if (pipe(p) == -1)
		return -1;
	if ((c->pid = fork()) == -1) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (c->pid == 0)
		child_exec(program, argv, envp, fileno(c->in), p[1],
		    fileno(c->err), timeout);
	close(p[1]);
	c->out = p[0];
	return 0;
}

/* Milliseconds on a clock that does not jump. */
static long long
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Read the child's output until it closes it, the deadline or the cap. */
static int
child_collect(struct child *c, unsigned timeout)
{
	long long	 deadline = now_ms() + (long long)timeout * 1000;
	struct pollfd	 pfd = { c->out, POLLIN, 0 };
	ssize_t		 n;
	char		*grown;
	int		 left, ready;

	for (;;) {
		if ((left = (int)(deadline - now_ms())) <= 0) {
			c->timed_out = 1;
			return -1;
		}
		if ((ready = poll(&pfd, 1, left)) == -1 && errno != EINTR)
			return -1;
		if (ready <= 0)
			continue;	/* the deadline is checked above */
		if (c->len == c->cap) {
			if (c->cap >= c->max) {
				c->too_much = 1;
				return -1;
			}
			c->cap = c->cap ? c->cap * 2 : 65536;
			if ((grown = realloc(c->buf, c->cap)) == NULL)
				return -1;
			c->buf = grown;
		}
		n = read(c->out, c->buf + c->len, c->cap - c->len);
		if (n == 0)
			return 0;
		if (n == -1 && errno != EINTR && errno != EAGAIN)
			return -1;
		if (n > 0)
			c->len += (size_t)n;
	}
}

/* The parser's own reason, from its standard error: the kind and the text. */
static enum feed_err
child_reason(struct child *c, char *msg, size_t msglen)
{
	char		 line[512], *p, *nl;
	size_t		 n, k;
	int		 e;

	n = fseek(c->err, 0, SEEK_SET) == 0 ?
	    fread(line, 1, sizeof(line) - 1, c->err) : 0;
	line[n] = '\0';
	if ((nl = strchr(line, '\n')) != NULL)
		*nl = '\0';
	/* "tracker-feeds: -: not a feed: the document is <html>" */
	p = (p = strstr(line, ": -: ")) != NULL ? p + 5 : line;
	for (e = FEED_EMPTY; e < FEED__MAX; e++) {
		k = strlen(feed_strerror((enum feed_err)e));
		if (strncmp(p, feed_strerror((enum feed_err)e), k) == 0 &&
		    p[k] == ':') {
			say(msg, msglen, "%s", p[k + 1] == ' ' ? p + k + 2 : p + k + 1);
			return (enum feed_err)e;
		}
	}
	say(msg, msglen, "the parser failed%s%s", *p ? ": " : "", p);
	return FEED_READ;
}

/* How the child ended, as the parse's result. */
static enum feed_err
child_verdict(struct child *c, int status, unsigned timeout,
    struct arena *a, struct feed *out, char *msg, size_t msglen)
{
	if (c->timed_out) {
		say(msg, msglen, "the parser was stopped after %u s", timeout);
		return FEED_TOO_LARGE;
	}
	if (c->too_much) {
		say(msg, msglen, "the parser's output passed %zu bytes", c->max);
		return FEED_TOO_LARGE;
	}
	if (WIFSIGNALED(status)) {
		say(msg, msglen, "the parser was killed by signal %d%s",
		    WTERMSIG(status), WTERMSIG(status) == SIGXCPU ?
		    " (its time ran out)" : "");
		return WTERMSIG(status) == SIGXCPU ? FEED_TOO_LARGE : FEED_READ;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) >= 126) {
		say(msg, msglen, "the parser could not be started");
		return FEED_READ;
	}
	if (WEXITSTATUS(status) != 0)
		return child_reason(c, msg, msglen);
	if (feed_json_read(a, c->buf ? c->buf : "", c->len, out) == -1) {
		say(msg, msglen, "the parser's output could not be read");
		return FEED_READ;
	}
	return FEED_OK;
}

enum feed_err
feed_parse_child(const char *program, const char *data, size_t len,
    const char *base, unsigned timeout, struct arena *a, struct feed *out,
    char *msg, size_t msglen)
{
	struct child	 c;
	enum feed_err	 e;
	int		 status = 0, collected;

	memset(out, 0, sizeof(*out));
	memset(&c, 0, sizeof(c));
	c.out = -1;
	c.pid = -1;
	if (msglen > 0)
		msg[0] = '\0';
	if (timeout == 0)
		timeout = FEED_CHILD_TIMEOUT;
	/* Text, sanitised HTML and JSON escapes: generous, but bounded. */
	c.max = 16 * len + 1024 * 1024;
	if (child_start(&c, program, data, len, base, timeout) == -1) {
		say(msg, msglen, "the parser could not be started: %s",
		    strerror(errno));
		e = FEED_READ;
		goto done;
	}
	collected = child_collect(&c, timeout);
	if (collected == -1)
		kill(c.pid, SIGKILL);
	while (waitpid(c.pid, &status, 0) == -1 && errno == EINTR)
		;
	c.pid = -1;
	e = child_verdict(&c, status, timeout, a, out, msg, msglen);
done:
	if (c.pid > 0) {
		kill(c.pid, SIGKILL);
		waitpid(c.pid, NULL, 0);
	}
	if (c.out != -1)
		close(c.out);
	if (c.in != NULL)
		fclose(c.in);
	if (c.err != NULL)
		fclose(c.err);
	free(c.buf);
	return e;
}
