/*
 * The import parsers: a Members' Names Data Platform <Members> document or
 * a ModernGov <councillorsbyward> document into an array of members in the
 * caller's arena.  Pure functions of their input, so they are tested (and
 * fuzzed) without a database.  The input is hostile: libxml2's streaming
 * reader without network access, entity substitution or DTD loading; a
 * DOCTYPE declaring entities is refused outright; size and depth are capped.
 */
#ifndef TRACKER_IMPORT_PARSE_H
#define TRACKER_IMPORT_PARSE_H

#include <stddef.h>

#include "import.h"

struct arena;

/* Documents larger than this are refused (IMPORT_TOO_LARGE). */
#define IMPORT_MAX_BYTES	(64u * 1024 * 1024)

/* One member or councillor as the source describes them; strings never NULL. */
struct import_member {
	const char	*ext_id;	/* Member_Id or councillorid */
	const char	*full_name;
	const char	*category;	/* "mp", "peer", "councillor" */
	const char	*party;
	const char	*house;		/* "commons", "lords" or "" */
	const char	*constituency;	/* constituency or ward; "" for Peers */
	const char	*member_from;	/* MemberFrom as given (Peers: the peerage) */
	const char	*started_on;	/* YYYY-MM-DD or "" */
	const char	*ended_on;	/* YYYY-MM-DD or "" (nil) */
	const char	*email;		/* "" unless the source gives one */
	const char	*phone;
	int		 active;	/* IsActive True and no end date */
	unsigned long	 line;		/* where the element starts */
};

/*
 * Parse a document into *out (*n entries, in document order, all in the
 * arena).  On failure msg says what was wrong and where (line, member);
 * *out and *n are then unspecified.  A document with no members is
 * IMPORT_EMPTY; one of another kind (an RSS feed) IMPORT_WRONG_KIND.
 */
enum import_err	 import_parse_parliament(struct arena *, const char *data,
		    size_t len, struct import_member **out, size_t *n,
		    char *msg, size_t msglen);
enum import_err	 import_parse_moderngov(struct arena *, const char *data,
		    size_t len, struct import_member **out, size_t *n,
		    char *msg, size_t msglen);

#endif
