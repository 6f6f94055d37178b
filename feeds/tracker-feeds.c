/*
 * tracker-feeds: the press-monitoring ingester.  For now only its parse
 * mode, which prints what the feed parser reads from files, one JSON
 * object per file (the conformance tests compare it).  See
 * tracker-feeds(8).  No database, no network: parsing hostile XML needs
 * no credentials.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "feed_parse.h"

static const char *progname = "tracker-feeds";

static void
usage(void)
{
	fprintf(stderr, "usage: %s parse FILE...\n", progname);
}

/*
 * Read a whole file, at most FEED_MAX_BYTES + 1 bytes (so the parser can
 * say it is too large).  malloc'd; NULL with errno on failure.
 */
static char *
slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf = NULL, *grown;
	size_t	 cap = 0, n = 0, got;
	int	 saved;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if (cap > (size_t)FEED_MAX_BYTES + 1)
				cap = (size_t)FEED_MAX_BYTES + 1;
			if (n == cap)
				break;
			if ((grown = realloc(buf, cap)) == NULL)
				goto fail;
			buf = grown;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0) {
			if (ferror(f))
				goto fail;
			break;
		}
	}
	fclose(f);
	*len = n;
	return buf ? buf : calloc(1, 1);
fail:
	saved = errno;
	fclose(f);
	free(buf);
	errno = saved;
	return NULL;
}

/* A string or null; strings the parser made are UTF-8. */
static json_t *
str(const char *s)
{
	json_t	*j;

	if (s == NULL)
		return json_null();
	j = json_string(s);
	return j != NULL ? j : json_null();
}

static json_t *
feed_json(const struct feed *f)
{
	json_t	*root, *feed, *entries, *e;
	size_t	 i;

	root = json_object();
	feed = json_object();
	entries = json_array();
	if (root == NULL || feed == NULL || entries == NULL) {
		json_decref(root);
		json_decref(feed);
		json_decref(entries);
		return NULL;
	}
	json_object_set_new(feed, "title", str(f->title));
	json_object_set_new(feed, "title_text", str(f->title_text));
	json_object_set_new(feed, "link", str(f->link));
	json_object_set_new(root, "feed", feed);
	for (i = 0; i < f->n_entries; i++) {
		const struct feed_entry	*fe = &f->entries[i];

		if ((e = json_object()) == NULL)
			break;
		json_object_set_new(e, "title", str(fe->title));
		json_object_set_new(e, "title_text", str(fe->title_text));
		json_object_set_new(e, "link", str(fe->link));
		json_object_set_new(e, "id", str(fe->id));
		json_object_set_new(e, "published", str(fe->published));
		json_object_set_new(e, "updated", str(fe->updated));
		json_object_set_new(e, "summary", str(fe->summary));
		json_object_set_new(e, "summary_text", str(fe->summary_text));
		json_object_set_new(e, "author", str(fe->author));
		json_array_append_new(entries, e);
	}
	json_object_set_new(root, "entries", entries);
	return root;
}

/* Parse one file and print it; 0, or -1 with the reason on stderr. */
static int
parse_one(const char *path)
{
	struct arena	 a;
	struct feed	 f;
	enum feed_err	 e;
	char		 msg[300], *data, *out;
	size_t		 len;
	json_t		*j;
	int		 rc = -1;

	if ((data = slurp(path, &len)) == NULL) {
		fprintf(stderr, "%s: %s: %s\n", progname, path, strerror(errno));
		return -1;
	}
	arena_init(&a);
	e = feed_parse(&a, data, len, NULL, &f, msg, sizeof(msg));
	if (e != FEED_OK) {
		fprintf(stderr, "%s: %s: %s: %s\n", progname, path,
		    feed_strerror(e), msg);
		goto done;
	}
	if ((j = feed_json(&f)) == NULL ||
	    (out = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER)) == NULL) {
		json_decref(j);
		fprintf(stderr, "%s: %s: out of memory\n", progname, path);
		goto done;
	}
	json_decref(j);
	puts(out);
	free(out);
	rc = 0;
done:
	arena_free(&a);
	free(data);
	return rc;
}

int
main(int argc, char *argv[])
{
	int	 i, status = 0;

	if (argc < 3 || strcmp(argv[1], "parse") != 0) {
		usage();
		return 2;
	}
	for (i = 2; i < argc; i++)
		if (parse_one(argv[i]) == -1)
			status = 1;
	if (fflush(stdout) != 0) {
		fprintf(stderr, "%s: standard output: %s\n", progname,
		    strerror(errno));
		return 1;
	}
	return status;
}
