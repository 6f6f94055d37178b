/*
 * The feed parser: RSS 0.90-2.0, RSS 1.0 (RDF), Atom 0.3 and 1.0, read
 * from memory with libxml2's streaming reader (no DOM of the feed is
 * built: memory grows only with the entries kept).  Nothing here fetches,
 * stores or matches.
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

#define FEED_MAX_BYTES	(64u * 1024 * 1024)
#define FEED_MAX_DEPTH	64

enum feed_err {
	FEED_OK = 0,
	FEED_EMPTY,		/* nothing but blanks, or no element */
	FEED_TOO_LARGE,		/* over FEED_MAX_BYTES or FEED_MAX_DEPTH */
	FEED_MALFORMED,		/* not XML that can be recovered */
	FEED_NOT_A_FEED,	/* XML, but not RSS or Atom (an HTML page) */
	FEED_ENTITIES,		/* external or nested entity declarations */
	FEED_NOMEM,
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
	struct feed_entry	*entries;	/* document order */
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
