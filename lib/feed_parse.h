/*
 * The feed parser: RSS 0.90-2.0, RSS 1.0 (RDF), Atom 0.3 and 1.0, read
 * with libxml2's streaming reader (no DOM of the feed is built).
 * feed_parse_stream() pulls the bytes in chunks and hands each entry to a
 * callback, so its memory stays flat whatever the document's size;
 * feed_parse() is the same over bytes in memory, keeping every entry.
 * Nothing here fetches, stores or matches.
 *
 * Conventions follow the Universal Feed Parser's test suite: a title or
 * summary the feed marks as HTML (type="html", escaped or inline markup,
 * RSS description) is kept as sanitised HTML; otherwise it is plain text.
 * The *_text fields are always plain text.  Dates are UTC
 * "YYYY-MM-DDTHH:MM:SSZ".  Every string lives in the caller's arena; a
 * missing value is NULL.
 *
 * Hostile input: no network, no DTD loading, no external entities (a
 * document declaring one is refused), no nested entity definitions
 * (billion laughs is refused), libxml2's expansion limits stay on
 * (no XML_PARSE_HUGE), FEED_MAX_BYTES and FEED_MAX_DEPTH caps.
 */
#ifndef TRACKER_FEED_PARSE_H
#define TRACKER_FEED_PARSE_H

#include <stddef.h>

struct arena;

#define FEED_MAX_BYTES	(64u * 1024 * 1024)	/* feed_parse(), and the default */
#define FEED_MAX_DEPTH	64

enum feed_err {
	FEED_OK = 0,
	FEED_EMPTY,		/* nothing but blanks, or no element */
	FEED_TOO_LARGE,		/* over FEED_MAX_BYTES or FEED_MAX_DEPTH */
	FEED_MALFORMED,		/* not XML that can be recovered */
	FEED_NOT_A_FEED,	/* XML, but not RSS or Atom (an HTML page) */
	FEED_ENTITIES,		/* external or nested entity declarations */
	FEED_NOMEM,
	FEED_READ,		/* the source failed (errno said) */
	FEED_STOPPED,		/* the entry callback said stop */
	FEED__MAX
};

struct feed_entry {
	const char	*title;
	const char	*title_text;
	const char	*link;
	const char	*id;
	const char	*published;
	const char	*updated;
	const char	*summary;
	const char	*summary_text;
	const char	*author;
};

struct feed {
	const char		*title;
	const char		*title_text;
	const char		*link;
	struct feed_entry	*entries;	/* document order; feed_parse() only */
	size_t			 n_entries;
	int			 recovered;	/* errors were skipped */
};

/* A short English name for the error ("not a feed"). */
const char	*feed_strerror(enum feed_err);

/*
 * Parse len bytes at data.  base (may be NULL) is the document's own
 * URL, against which relative links resolve when xml:base does not say.
 * On FEED_OK, *out holds the feed (strings in a); otherwise msg (msglen
 * bytes, may be 0) says why, for a log line.  A document that is a feed
 * but breaks off or has errors is recovered as far as it goes (FEED_OK
 * with out->recovered set).  Never reads files or the network.
 */
enum feed_err	 feed_parse(struct arena *a, const char *data, size_t len,
		    const char *base, struct feed *out, char *msg,
		    size_t msglen);

/*
 * Where feed_parse_stream() gets its bytes: like read(2), the number of
 * bytes put in buf (at most len), 0 at the end, -1 on an error.
 */
typedef long	(*feed_read_fn)(void *arg, char *buf, size_t len);

/*
 * Called once per entry, in document order.  The entry's strings live
 * only until the callback returns (each entry's memory is freed before
 * the next is read).  Return 0 to go on, -1 to stop (FEED_STOPPED).
 */
typedef int	(*feed_entry_fn)(void *arg, const struct feed_entry *);

struct feed_source {
	feed_read_fn	 read;
	void		*arg;
	size_t		 max_bytes;	/* 0: FEED_MAX_BYTES */
	const char	*base;		/* the document's URL; may be NULL */
	/*
	 * 1: title and summary are plain text too (the same as their
	 * *_text), with no sanitised HTML written: all the ingester
	 * stores, for half the work.
	 */
	int		 text_only;
};

/*
 * Parse what src reads, calling each(arg, entry) per entry; memory stays
 * flat, whatever the size.  On return out holds the feed's own title and
 * link (strings in a; out->entries stays NULL) and whether errors were
 * recovered.  Entries already handed over are not taken back when the
 * document is refused late (an entity loop, a read error): a caller that
 * must not show a refused document's entries holds them until the end.
 * The errors and msg are as for feed_parse(); a failing source gives
 * FEED_READ with errno kept.
 */
enum feed_err	 feed_parse_stream(struct arena *a,
		    const struct feed_source *src, feed_entry_fn each,
		    void *arg, struct feed *out, char *msg, size_t msglen);

/*
 * Sanitise an HTML fragment: only an allowlist of elements and
 * attributes is written; script, style and the like go with their
 * content; on* attributes and javascript:/data: URLs are dropped;
 * relative URLs resolve against base (may be NULL).  Character and
 * entity references in text are kept as written.  Attributes are
 * written in name order, a repeated one once with its last value (the
 * Universal Feed Parser's order, which the conformance corpus compares).
 * NULL: no memory.
 */
char		*feed_html_sanitise(struct arena *a, const char *html,
		    const char *base);

/*
 * Plain text of an HTML fragment: tags (and the content of script and
 * style) removed, references decoded, whitespace collapsed and trimmed.
 */
char		*feed_html_text(struct arena *a, const char *html);

#endif
