/*
 * The feed parser in a child process that holds no database credentials
 * (STYLE.md 8).  The ingester holds a database connection; it hands each
 * fetched body to a fresh "tracker-feeds parse -" process, exec'd so that
 * none of its memory (the password) or descriptors (the connection) comes
 * along, with an empty environment, bounded in time and in output, and
 * reads back the JSON that command prints.
 *
 * The JSON is the parse command's: one object per document,
 * {"feed": {"title", "title_text", "link"}, "entries": [{"title",
 * "title_text", "link", "id", "published", "updated", "summary",
 * "summary_text", "author"}, ...]}, a missing value null.  The writers
 * and the reader below are its one definition.
 */
#ifndef TRACKER_FEED_CHILD_H
#define TRACKER_FEED_CHILD_H

#include <stddef.h>
#include <stdio.h>

#include "feed_parse.h"

struct arena;

#define FEED_CHILD_TIMEOUT	60	/* seconds for one document */

/*
 * Write one entry as a JSON object to f, a comma before it unless first.
 * -1 when out of memory or the write failed.
 */
int		 feed_json_write_entry(FILE *f, const struct feed_entry *,
		    int first);

/*
 * Write the whole document: the feed's own fields, then the entries
 * already written as JSON (comma-separated, no brackets) in the file
 * entries, copied from its start; then a newline.  -1 on a failed read or
 * write.
 */
int		 feed_json_write(FILE *out, const struct feed *,
		    FILE *entries);

/*
 * Read a document written by feed_json_write() (len bytes at json) into
 * out, every string copied into a.  -1 when it is not such a document.
 */
int		 feed_json_read(struct arena *a, const char *json, size_t len,
		    struct feed *out);

/*
 * Parse len bytes at data by running "program parse --base BASE
 * --max-bytes LEN --text-only -" in a child (program: the absolute path
 * of tracker-feeds), at most timeout seconds (0: FEED_CHILD_TIMEOUT).
 * Title and summary come back as plain text, all the ingester stores.  On
 * FEED_OK out holds the feed (strings in a).  Otherwise msg says why: the
 * parser's own reason, or that the child timed out, crashed or could not
 * be started (FEED_READ).
 */
enum feed_err	 feed_parse_child(const char *program, const char *data,
		    size_t len, const char *base, unsigned timeout,
		    struct arena *a, struct feed *out, char *msg,
		    size_t msglen);

#endif
