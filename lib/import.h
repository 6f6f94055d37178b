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

struct import_result { long added, updated, retired, unchanged; long long run_id; };
enum import_err { IMPORT_OK = 0, IMPORT_NOMEM, IMPORT_EMPTY, IMPORT_MALFORMED, IMPORT_WRONG_KIND, IMPORT_TOO_LARGE, IMPORT_FETCH, IMPORT_NOT_FOUND, IMPORT_DB, IMPORT__MAX };
const char *import_strerror(enum import_err);
/* Parse and apply a members file; msg says what was wrong (line/member) on failure; nothing is written unless IMPORT_OK. */
enum import_err import_parliament(struct db *, const char *actor, const char *data, size_t len, const char *source, struct import_result *, char *msg, size_t msglen);
enum import_err import_moderngov(struct db *, const char *actor, long long council_id, const char *data, size_t len, const char *source, struct import_result *, char *msg, size_t msglen);
/* Read a local file or an http(s) URL (libcurl: connect 10 s, total 60 s, at most 5 redirects, size cap max bytes) into *data (malloc'd, NUL-terminated; caller frees). */
enum import_err import_load(const char *file_or_url, size_t max, char **data, size_t *len, char *msg, size_t msglen);

#endif
