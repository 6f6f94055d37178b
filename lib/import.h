/*
 * Importing the directory from outside sources: UK Parliament members from
 * the Members' Names Data Platform, councillors from a council's ModernGov
 * GetCouncillorsByWard.  Each run parses the whole document first (see
 * import_parse.h; hostile input, no database handle involved), then applies
 * it in one transaction with an import_runs row and the audit rows of every
 * person created, updated or retired.  People are matched on their external
 * ids, so a re-import never creates a duplicate, and the team's own notes,
 * email and phone are never overwritten.
 */
#ifndef TRACKER_IMPORT_H
#define TRACKER_IMPORT_H

#include <stddef.h>

#include "db.h"

/* What a run did. */
struct import_result {
	long		 added;
	long		 updated;
	long		 retired;	/* no longer current */
	long		 unchanged;
	long long	 run_id;	/* its import_runs row */
};

enum import_err {
	IMPORT_OK = 0,
	IMPORT_NOMEM,
	IMPORT_EMPTY,		/* no members in it */
	IMPORT_MALFORMED,	/* not well-formed, truncated, hostile */
	IMPORT_WRONG_KIND,	/* XML, but not the document expected */
	IMPORT_TOO_LARGE,
	IMPORT_FETCH,		/* the file or URL could not be read */
	IMPORT_NOT_FOUND,	/* no such council */
	IMPORT_DB,
	IMPORT__MAX
};

const char	*import_strerror(enum import_err);

/*
 * Parse and apply a members file; on failure msg says what was wrong
 * (with its line and member) and nothing is written.
 */
enum import_err	 import_parliament(struct db *, const char *actor,
		    const char *data, size_t len, const char *source,
		    struct import_result *, char *msg, size_t msglen);

/* The same for one council's GetCouncillorsByWard document. */
enum import_err	 import_moderngov(struct db *, const char *actor,
		    long long council_id, const char *data, size_t len,
		    const char *source, struct import_result *, char *msg,
		    size_t msglen);

/*
 * Read a local file or an http(s) URL (libcurl: connect 10 s, total 60 s,
 * at most 5 redirects, at most max bytes) into *data, malloc'd and
 * NUL-terminated; the caller frees it.
 */
enum import_err	 import_load(const char *file_or_url, size_t max, char **data,
		    size_t *len, char *msg, size_t msglen);

/*
 * For a web page: only an http(s) URL, and unless allow_private (the
 * import_allow_private_addresses key) no connection, redirects included,
 * to loopback, private, link-local or multicast addresses.
 */
enum import_err	 import_load_web(const char *url, size_t max,
		    int allow_private, char **data, size_t *len, char *msg,
		    size_t msglen);

struct sockaddr;

/* 1 if a connection to this address stays on the machine or its network. */
int		 import_address_private(const struct sockaddr *);

#endif
