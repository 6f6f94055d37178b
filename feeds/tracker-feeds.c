/*
 * tracker-feeds: the press-monitoring ingester.  See tracker-feeds(8).
 *
 * parse prints what the feed parser reads from files, one JSON object per
 * file (the conformance tests compare it), with no database and no
 * network.  run fetches every enabled feed (several at once), parses,
 * stores and matches each, and records its health; add, import-opml,
 * rematch and demo-setup manage feeds and terms.
 *
 * run parses each document in a child process ("parse -", exec'd) that
 * holds neither the database connection nor its password (STYLE.md 8).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stdint.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "arena.h"
#include "auth.h"
#include "cli.h"
#include "conf.h"
#include "db.h"
#include "feed_child.h"
#include "feed_fetch.h"
#include "feed_parse.h"
#include "feed_store.h"
#include "match.h"

static const char *progname = "tracker-feeds";

static void
usage_to(FILE *out)
{
	fprintf(out,
	    "usage: %s [-c tracker.conf] command [arguments]\n"
	    "commands:\n"
	    "  run                     fetch, store and match every enabled feed\n"
	    "  add URL [TITLE]         add a feed\n"
	    "  import-opml FILE        add every feed an OPML file lists\n"
	    "  rematch                 match every stored item against the terms again\n"
	    "  demo-setup BASEURL      add the demo feeds and the default watch terms\n"
	    "  parse [--base URL] [--max-bytes N] [--text-only] FILE...\n"
	    "                          print what the parser reads (no database;\n"
	    "                          FILE - is standard input)\n",
	    progname);
}

static void
usage(void)
{
	usage_to(stderr);
}

/* Where a parse reads from: a file or standard input. */
struct parse_opts {
	const char	*base;		/* --base: the document's URL */
	size_t		 max_bytes;	/* --max-bytes */
	int		 text_only;	/* --text-only */
};

/* The most a file given to parse may hold: its memory stays flat anyway. */
#define PARSE_MAX_BYTES	((size_t)1 << 30)

static long
fd_read(void *arg, char *buf, size_t len)
{
	int	 fd = *(int *)arg;
	ssize_t	 n;

	while ((n = read(fd, buf, len)) == -1 && errno == EINTR)
		;
	return (long)n;
}

/* Open path ("-": standard input) for reading; -1 said on stderr. */
static int
open_input(const char *path)
{
	int	 fd;

	if (strcmp(path, "-") == 0)
		return STDIN_FILENO;
	if ((fd = open(path, O_RDONLY)) == -1)
		fprintf(stderr, "%s: %s: %s\n", progname, path,
		    strerror(errno));
	return fd;
}

/* Entries as they come, written to a temporary file until the verdict. */
struct spool {
	FILE	*f;
	size_t	 n;
};

static int
spool_entry(void *arg, const struct feed_entry *e)
{
	struct spool	*s = arg;

	return feed_json_write_entry(s->f, e, s->n++ == 0);
}

/*
 * Parse one file and print it; 0, or -1 with the reason on stderr.  The
 * entries wait in a temporary file so that a document refused late
 * prints nothing, and memory stays flat whatever the size.
 */
static int
parse_one(const struct parse_opts *o, const char *path)
{
	struct arena		 a;
	struct feed		 f;
	struct spool		 s = { NULL, 0 };
	struct feed_source	 src = { fd_read, NULL, o->max_bytes, o->base,
	    o->text_only };
	enum feed_err		 e;
	char			 msg[300];
	int			 fd, rc = -1;

	if ((fd = open_input(path)) == -1)
		return -1;
	src.arg = &fd;
	arena_init(&a);
	if ((s.f = tmpfile()) == NULL) {
		fprintf(stderr, "%s: %s: a temporary file: %s\n", progname,
		    path, strerror(errno));
		goto done;
	}
	e = feed_parse_stream(&a, &src, spool_entry, &s, &f, msg, sizeof(msg));
	if (e == FEED_READ)
		snprintf(msg, sizeof(msg), "%s", strerror(errno));
	if (e != FEED_OK) {
		fprintf(stderr, "%s: %s: %s: %s\n", progname, path,
		    feed_strerror(e), msg);
		goto done;
	}
	if (feed_json_write(stdout, &f, s.f) == -1) {
		fprintf(stderr, "%s: %s: writing the result: %s\n", progname,
		    path, strerror(errno));
		goto done;
	}
	rc = 0;
done:
	if (s.f != NULL)
		fclose(s.f);
	if (fd != STDIN_FILENO)
		close(fd);
	arena_free(&a);
	return rc;
}

/*
 * Hidden, for bench/feeds.sh: "parse --terms TERMSFILE --count FILE..."
 * parses each file and runs the watch-term matcher over every entry's
 * title_text and summary_text, printing only counts, one JSON object per
 * file.  TERMSFILE holds one include term a line (blank lines and lines
 * starting with # are skipped).  argv holds what follows "parse".
 */
static struct matcher *
load_terms(const char *path)
{
	struct matcher	*m;
	FILE		*f;
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 n;
	long long	 id = 0;
	enum match_err	 e;

	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "%s: %s: %s\n", progname, path, strerror(errno));
		return NULL;
	}
	if ((m = matcher_new()) == NULL) {
		fprintf(stderr, "%s: out of memory\n", progname);
		fclose(f);
		return NULL;
	}
	while ((n = getline(&line, &cap, f)) != -1) {
		id++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		e = matcher_add(m, id, line, 0, 0);
		if (e == MATCH_EMPTY)
			continue;
		if (e != MATCH_OK) {
			fprintf(stderr, "%s: %s:%lld: %s\n", progname, path, id,
			    match_strerror(e));
			goto fail;
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "%s: %s: %s\n", progname, path, strerror(errno));
		goto fail;
	}
	if ((e = matcher_build(m)) != MATCH_OK) {
		fprintf(stderr, "%s: %s: %s\n", progname, path,
		    match_strerror(e));
		goto fail;
	}
	free(line);
	fclose(f);
	return m;
fail:
	free(line);
	fclose(f);
	matcher_free(m);
	return NULL;
}

/* What count_one() adds up over the entries. */
struct tally {
	const struct matcher	*m;
	struct arena		 scan;
	size_t			 entries, with_hits, hits;
};

static int
tally_entry(void *arg, const struct feed_entry *e)
{
	struct tally		*t = arg;
	struct match_hit	*hits;
	size_t			 nhits;
	long long		 excluded;

	if (matcher_scan(t->m, e->title_text, e->summary_text, &hits, &nhits,
	    &excluded, &t->scan) < 0)
		return -1;
	t->entries++;
	t->with_hits += nhits > 0 && excluded == 0;
	t->hits += nhits;
	arena_reset(&t->scan);
	return 0;
}

static int
count_one(const struct parse_opts *o, const struct matcher *m,
    const char *path)
{
	struct arena		 a;
	struct feed		 f;
	struct tally		 t;
	struct feed_source	 src = { fd_read, NULL, o->max_bytes, o->base,
	    o->text_only };
	enum feed_err		 e;
	char			 msg[300], *out;
	json_t			*j;
	int			 fd, rc = -1;

	if ((fd = open_input(path)) == -1)
		return -1;
	src.arg = &fd;
	memset(&t, 0, sizeof(t));
	t.m = m;
	arena_init(&t.scan);
	arena_init(&a);
	e = feed_parse_stream(&a, &src, tally_entry, &t, &f, msg, sizeof(msg));
	if (e != FEED_OK) {
		fprintf(stderr, "%s: %s: %s: %s\n", progname, path,
		    feed_strerror(e), msg);
		goto done;
	}
	j = json_pack("{s:s, s:I, s:I, s:I, s:b}", "file", path,
	    "entries", (json_int_t)t.entries, "with_hits",
	    (json_int_t)t.with_hits, "hits", (json_int_t)t.hits,
	    "recovered", f.recovered);
	if (j == NULL || (out = json_dumps(j, JSON_COMPACT |
	    JSON_PRESERVE_ORDER)) == NULL) {
		json_decref(j);
		fprintf(stderr, "%s: %s: out of memory\n", progname, path);
		goto done;
	}
	json_decref(j);
	puts(out);
	free(out);
	rc = 0;
done:
	if (fd != STDIN_FILENO)
		close(fd);
	arena_free(&t.scan);
	arena_free(&a);
	return rc;
}

static int
parse_count(const struct parse_opts *o, int argc, char *argv[])
{
	struct matcher	*m;
	int		 i, status = 0;

	if (argc < 4 || strcmp(argv[0], "--terms") != 0 ||
	    strcmp(argv[2], "--count") != 0) {
		fprintf(stderr, "usage: %s parse --terms TERMSFILE --count "
		    "FILE...\n", progname);
		return 2;
	}
	if ((m = load_terms(argv[1])) == NULL)
		return 1;
	for (i = 3; i < argc; i++)
		if (count_one(o, m, argv[i]) == -1)
			status = 1;
	matcher_free(m);
	return status;
}

static int
db_fail(const struct db *db, enum db_err e, const char *what)
{
	fprintf(stderr, "%s: %s: %s%s%s\n", progname, what, db_strerror(e),
	    db->error[0] ? " — " : "", db->error);
	return 1;
}

/* A feed URL we accept: http or https, short enough for the column. */
static int
url_ok(const char *url)
{
	return (strncmp(url, "http://", 7) == 0 ||
	    strncmp(url, "https://", 8) == 0) && strlen(url) <= FEED_URL_MAX &&
	    strpbrk(url, " \t\r\n") == NULL;
}

/* The host of a URL for progress lines, into buf. */
static const char *
url_host(const char *url, char *buf, size_t len)
{
	const char	*p = strstr(url, "://");
	size_t		 n;

	p = p != NULL ? p + 3 : url;
	n = strcspn(p, "/?#");
	snprintf(buf, len, "%.*s", (int)n, p);
	return buf;
}

/* What one run counts, and what its callback needs. */
struct run {
	struct db		*db;
	char			 self[4096];	/* this program, for the parser */
	const struct matcher	*m;
	struct feed_row		*rows;
	size_t			 nfeeds, ndone;
	size_t			 fetched, unchanged, failed, new_items, mentions;
	int			 tty;
};

static void
run_failed(struct run *r, struct feed_row *row, struct feed_fetch *f,
    const char *error)
{
	enum db_err	 e;

	r->failed++;
	e = feed_record_fetch(r->db, row->id, f->status, NULL, NULL, 0, 0,
	    error);
	if (e != DB_OK)
		db_fail(r->db, e, row->url);
	fprintf(stderr, "%s: %s: %s\n", progname, row->url, error);
}

/* One transfer has ended: parse, store, match, record. */
static void
run_one(void *ctx, struct feed_fetch *f)
{
	struct run		*r = ctx;
	struct feed_row		*row = f->user;
	struct ingest_result	 res = { 0, 0, 0 };
	struct arena		 a;
	struct feed		 parsed;
	enum feed_err		 fe;
	enum db_err		 e;
	char			 msg[300], host[200], *err;

	r->ndone++;
	url_host(row->url, host, sizeof(host));
	if (f->failed) {
		run_failed(r, row, f, f->error);
		if (r->tty)
			fprintf(stderr, "[%zu/%zu] %s: failed\n", r->ndone,
			    r->nfeeds, host);
		return;
	}
	if (f->not_modified) {
		r->unchanged++;
		if ((e = feed_record_fetch(r->db, row->id, f->status, NULL,
		    NULL, 0, 0, NULL)) != DB_OK)
			db_fail(r->db, e, row->url);
		if (r->tty)
			fprintf(stderr, "[%zu/%zu] %s: not modified\n",
			    r->ndone, r->nfeeds, host);
		return;
	}
	arena_init(&a);
	msg[0] = '\0';
	/* In a child without the database connection or its password. */
	fe = feed_parse_child(r->self, f->body, f->len, row->url, 0, &a,
	    &parsed, msg, sizeof(msg));
	if (fe != FEED_OK) {
		err = arena_printf(&a, "%s%s%s", feed_strerror(fe),
		    msg[0] ? ": " : "", msg);
		run_failed(r, row, f, err ? err : feed_strerror(fe));
		if (r->tty)
			fprintf(stderr, "[%zu/%zu] %s: failed\n", r->ndone,
			    r->nfeeds, host);
		goto done;
	}
	if ((e = feed_ingest(r->db, row->id, &parsed, r->m, &res)) != DB_OK) {
		err = arena_printf(&a, "storing: %s", db_strerror(e));
		db_fail(r->db, e, row->url);
		run_failed(r, row, f, err ? err : "storing failed");
		goto done;
	}
	r->fetched++;
	r->new_items += res.new_items;
	r->mentions += res.mentions;
	/* Only a stored result moves the validators on. */
	if ((e = feed_record_fetch(r->db, row->id, f->status,
	    f->new_etag ? f->new_etag : "",
	    f->new_last_modified ? f->new_last_modified : "",
	    res.seen, res.new_items, NULL)) != DB_OK)
		db_fail(r->db, e, row->url);
	if (r->tty)
		fprintf(stderr, "[%zu/%zu] %s: %zu items, %zu new\n", r->ndone,
		    r->nfeeds, host, res.seen, res.new_items);
done:
	arena_free(&a);
	feed_fetch_clear(f);
}

/* This program's own absolute path, for running its parser child. */
static int
self_path(char *buf, size_t len)
{
	ssize_t	 n = readlink("/proc/self/exe", buf, len - 1);

	if (n <= 0 || (size_t)n >= len - 1) {
		fprintf(stderr, "%s: cannot find this program for the parser "
		    "(/proc/self/exe): %s\n", progname,
		    n == -1 ? strerror(errno) : "name too long");
		return -1;
	}
	buf[n] = '\0';
	return 0;
}

static int
cmd_run(struct db *db)
{
	struct arena		 a;
	struct run		 r;
	struct feed_fetch	*fs = NULL;
	struct feed_fetch_opts	 o = { 0, 0, 0, 0, run_one, NULL, 0 };
	struct matcher		*m = NULL;
	const char		*t;
	size_t			 i, skipped;
	enum db_err		 e;
	int			 rc = 1;

	memset(&r, 0, sizeof(r));
	arena_init(&a);
	if (self_path(r.self, sizeof(r.self)) == -1)
		goto done;
	if ((e = feed_list(db, &a, &r.rows, &r.nfeeds)) != DB_OK) {
		db_fail(db, e, "reading the feeds");
		goto done;
	}
	if ((e = watch_terms_load(db, &a, &m, &skipped)) != DB_OK) {
		db_fail(db, e, "reading the watch terms");
		goto done;
	}
	if (skipped > 0)
		fprintf(stderr, "%s: %zu watch terms skipped (nothing to match "
		    "after folding, or not UTF-8)\n", progname, skipped);
	if (r.nfeeds > 0 && (fs = calloc(r.nfeeds, sizeof(*fs))) == NULL) {
		fprintf(stderr, "%s: out of memory\n", progname);
		goto done;
	}
	for (i = 0; i < r.nfeeds; i++) {
		fs[i].url = r.rows[i].url;
		fs[i].etag = r.rows[i].etag;
		fs[i].last_modified = r.rows[i].last_modified;
		fs[i].user = &r.rows[i];
	}
	if ((t = getenv("TRACKER_FEEDS_TIMEOUT")) != NULL)
		o.timeout = strtol(t, NULL, 10);
	r.db = db;
	r.m = m;
	r.tty = isatty(STDERR_FILENO);
	o.ctx = &r;
	o.allow_private = db->conf->feeds_allow_private;
	feed_fetch_all(fs, r.nfeeds, &o);
	for (i = 0; i < r.nfeeds; i++)
		feed_fetch_clear(&fs[i]);
	printf("feeds: %zu fetched, %zu unchanged, %zu failed; %zu new items, "
	    "%zu new mentions\n", r.fetched, r.unchanged, r.failed,
	    r.new_items, r.mentions);
	rc = r.failed > 0 ? 1 : 0;
done:
	free(fs);
	matcher_free(m);
	arena_free(&a);
	return rc;
}

static int
cmd_add(struct db *db, int argc, char **argv)
{
	enum db_err	 e;

	if (argc < 1 || argc > 2) {
		usage();
		return 2;
	}
	if (!url_ok(argv[0])) {
		fprintf(stderr, "%s: %s: not an http or https URL of at most "
		    "%d characters\n", progname, argv[0], FEED_URL_MAX);
		return 2;
	}
	e = feed_add(db, argv[0], argc == 2 ? argv[1] : NULL, 0, NULL);
	if (e == DB_DUPLICATE) {
		printf("add: %s is already there\n", argv[0]);
		return 0;
	}
	if (e != DB_OK)
		return db_fail(db, e, "add");
	printf("add: %s added\n", argv[0]);
	return 0;
}

/* Every outline with an xmlUrl, depth first. */
static void
opml_walk(struct db *db, xmlNode *n, size_t *added, size_t *there,
    size_t *bad, int *dberr)
{
	xmlChar		*url, *title;
	enum db_err	 e;

	for (; n != NULL && !*dberr; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcmp(n->name, (const xmlChar *)"outline") == 0 &&
		    (url = xmlGetProp(n, (const xmlChar *)"xmlUrl")) != NULL) {
			if ((title = xmlGetProp(n,
			    (const xmlChar *)"title")) == NULL)
				title = xmlGetProp(n, (const xmlChar *)"text");
			if (!url_ok((const char *)url)) {
				fprintf(stderr, "%s: %s: skipped: not an http "
				    "or https URL\n", progname,
				    (const char *)url);
				(*bad)++;
			} else if ((e = feed_add(db, (const char *)url,
			    (const char *)title, 0, NULL)) == DB_OK)
				(*added)++;
			else if (e == DB_DUPLICATE)
				(*there)++;
			else {
				db_fail(db, e, (const char *)url);
				*dberr = 1;
			}
			xmlFree(url);
			xmlFree(title);
		}
		opml_walk(db, n->children, added, there, bad, dberr);
	}
}

/* Any entity declared in the internal subset: refused. */
static int
has_entities(xmlDoc *doc)
{
	xmlDtd	*dtd = xmlGetIntSubset(doc);
	xmlNode	*n;

	if (dtd == NULL)
		return 0;
	for (n = dtd->children; n != NULL; n = n->next)
		if (n->type == XML_ENTITY_DECL)
			return 1;
	return 0;
}

#define OPML_MAX_BYTES	(4 * 1024 * 1024)

/*
 * Read a whole file, at most max + 1 bytes (so the caller can say it is
 * too large).  malloc'd; NULL with errno on failure.
 */
static char *
slurp(const char *path, size_t max, size_t *len)
{
	FILE	*f;
	char	*buf;
	size_t	 n;
	int	 saved;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if ((buf = malloc(max + 2)) == NULL) {
		fclose(f);
		return NULL;
	}
	n = fread(buf, 1, max + 1, f);
	if (ferror(f)) {
		saved = errno;
		fclose(f);
		free(buf);
		errno = saved;
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static int
cmd_import_opml(struct db *db, int argc, char **argv)
{
	xmlDoc		*doc;
	xmlNode		*root;
	char		*data;
	size_t		 len, added = 0, there = 0, bad = 0;
	int		 dberr = 0;

	if (argc != 1) {
		usage();
		return 2;
	}
	if ((data = slurp(argv[0], OPML_MAX_BYTES, &len)) == NULL) {
		fprintf(stderr, "%s: %s: %s\n", progname, argv[0],
		    strerror(errno));
		return 1;
	}
	if (len > OPML_MAX_BYTES) {
		fprintf(stderr, "%s: %s: too large\n", progname, argv[0]);
		free(data);
		return 1;
	}
	/* No network, no DTD, entities left unexpanded (and refused). */
	doc = xmlReadMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(data);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL ||
	    xmlStrcmp(root->name, (const xmlChar *)"opml") != 0) {
		fprintf(stderr, "%s: %s: not an OPML document\n", progname,
		    argv[0]);
		xmlFreeDoc(doc);
		return 1;
	}
	if (has_entities(doc)) {
		fprintf(stderr, "%s: %s: entity declarations are refused\n",
		    progname, argv[0]);
		xmlFreeDoc(doc);
		return 1;
	}
	opml_walk(db, root->children, &added, &there, &bad, &dberr);
	xmlFreeDoc(doc);
	printf("import-opml: %zu added, %zu already there%s", added, there,
	    bad ? "" : "\n");
	if (bad)
		printf(", %zu skipped\n", bad);
	return dberr || bad ? 1 : 0;
}

static int
cmd_rematch(struct db *db)
{
	struct arena	 a;
	struct matcher	*m = NULL;
	size_t		 created = 0, skipped;
	enum db_err	 e;
	int		 rc;

	arena_init(&a);
	if ((e = watch_terms_load(db, &a, &m, &skipped)) != DB_OK)
		rc = db_fail(db, e, "reading the watch terms");
	else if ((e = feed_rematch(db, m, &created)) != DB_OK)
		rc = db_fail(db, e, "rematch");
	else {
		printf("rematch: %zu new mentions\n", created);
		rc = 0;
	}
	matcher_free(m);
	arena_free(&a);
	return rc;
}

/* The files of feeds/demo and the default watch terms. */
static const char *const demo_feeds[][2] = {
	{ "westminster-wire.xml", "Westminster Wire (demo)" },
	{ "northern-gazette.xml", "Northern Gazette (demo)" },
	{ "community-voice.atom", "Community Voice (demo)" },
	{ "policy-desk.atom", "Policy Desk (demo)" },
};

static const struct {
	const char	*term;
	const char	*kind;
	int		 exclude;
} demo_terms[] = {
	{ "HIAS+JCORE", "organisation", 0 },
	{ "HIAS + JCORE", "organisation", 0 },
	{ "JCORE", "organisation", 0 },
	{ "Jewish Council for Racial Equality", "organisation", 0 },
	{ "unaccompanied asylum-seeking children", "topic", 0 },
	{ "refugee", "topic", 0 },
	{ "JCORE Ltd", "other", 1 },
};

static int
cmd_demo_setup(struct db *db, int argc, char **argv)
{
	size_t		 i, feeds = 0, terms = 0, baselen;
	char		 url[FEED_URL_MAX + 1];
	enum db_err	 e;

	if (argc != 1) {
		usage();
		return 2;
	}
	baselen = strlen(argv[0]);
	while (baselen > 0 && argv[0][baselen - 1] == '/')
		baselen--;
	for (i = 0; i < sizeof(demo_feeds) / sizeof(demo_feeds[0]); i++) {
		snprintf(url, sizeof(url), "%.*s/%s", (int)baselen, argv[0],
		    demo_feeds[i][0]);
		if (!url_ok(url)) {
			fprintf(stderr, "%s: %s: not an http or https URL\n",
			    progname, url);
			return 2;
		}
		if ((e = feed_add(db, url, demo_feeds[i][1], 0, NULL)) == DB_OK)
			feeds++;
		else if (e != DB_DUPLICATE)
			return db_fail(db, e, url);
	}
	for (i = 0; i < sizeof(demo_terms) / sizeof(demo_terms[0]); i++) {
		e = watch_term_add(db, demo_terms[i].term, demo_terms[i].kind,
		    demo_terms[i].exclude, 0);
		if (e == DB_OK)
			terms++;
		else if (e != DB_DUPLICATE)
			return db_fail(db, e, demo_terms[i].term);
	}
	printf("demo-setup: %zu feeds and %zu watch terms added\n", feeds,
	    terms);
	return 0;
}

static int
run_command(struct db *db, int argc, char **argv)
{
	if (strcmp(argv[0], "run") == 0 && argc == 1)
		return cmd_run(db);
	if (strcmp(argv[0], "add") == 0)
		return cmd_add(db, argc - 1, argv + 1);
	if (strcmp(argv[0], "import-opml") == 0)
		return cmd_import_opml(db, argc - 1, argv + 1);
	if (strcmp(argv[0], "rematch") == 0 && argc == 1)
		return cmd_rematch(db);
	if (strcmp(argv[0], "demo-setup") == 0)
		return cmd_demo_setup(db, argc - 1, argv + 1);
	usage();
	return 2;
}

/*
 * parse [--base URL] [--max-bytes N] [--text-only] FILE...  ("-":
 * standard input).  The ingester runs "parse --base URL --max-bytes N
 * --text-only -" as its parser child.
 */
static int
cmd_parse(int argc, char **argv)
{
	struct parse_opts	 o = { NULL, PARSE_MAX_BYTES, 0 };
	char			*end;
	int			 i, status = 0;

	for (;;) {
		if (argc >= 1 && strcmp(argv[0], "--text-only") == 0) {
			o.text_only = 1;
			argc--;
			argv++;
			continue;
		}
		if (argc < 2 || (strcmp(argv[0], "--base") != 0 &&
		    strcmp(argv[0], "--max-bytes") != 0))
			break;
		if (strcmp(argv[0], "--base") == 0)
			o.base = *argv[1] != '\0' ? argv[1] : NULL;
		else {
			errno = 0;
			o.max_bytes = strtoull(argv[1], &end, 10);
			if (errno != 0 || *end != '\0' || *argv[1] == '-') {
				fprintf(stderr, "%s: --max-bytes %s: not a "
				    "number of bytes\n", progname, argv[1]);
				return 2;
			}
		}
		argc -= 2;
		argv += 2;
	}
	if (argc >= 1 && strcmp(argv[0], "--terms") == 0)
		return parse_count(&o, argc, argv);
	if (argc < 1) {
		usage();
		return 2;
	}
	for (i = 0; i < argc; i++)
		if (parse_one(&o, argv[i]) == -1)
			status = 1;
	return status;
}

int
main(int argc, char *argv[])
{
	const char	*path = NULL;
	struct conf	 conf;
	struct db	 db;
	int		 ch, rc;

	if ((rc = cli_help_version(progname, argc, argv, usage_to)) != -1)
		return rc;
	while ((ch = getopt(argc, argv, "+c:h")) != -1)
		switch (ch) {
		case 'c':
			path = optarg;
			break;
		default:
			usage();
			return ch == 'h' ? 0 : 2;
		}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage();
		return 2;
	}
	if (strcmp(argv[0], "parse") == 0) {
		rc = cmd_parse(argc - 1, argv + 1);
		goto out;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fprintf(stderr, "%s: libcurl failed to initialise\n", progname);
		return 1;
	}
	if ((rc = cli_open(progname, path, 0, &conf, &db)) != 0) {
		curl_global_cleanup();
		return rc;
	}
	rc = run_command(&db, argc, argv);
	cli_close(&conf, &db);
	curl_global_cleanup();
out:
	if (fflush(stdout) != 0) {
		fprintf(stderr, "%s: standard output: %s\n", progname,
		    strerror(errno));
		return 1;
	}
	return rc;
}
