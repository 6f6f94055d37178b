/*
 * The import pages of the admin area, for cgi-bin/admin.c: the CSV
 * import of people (/admin/import: upload, preview, apply) and the
 * members import of MPs, Peers and councillors (/admin/members: what to
 * import, the file or its web address, and the outcome).
 *
 * The functions that take the request context show the page
 * themselves; the others neither print nor read the request.
 */
#ifndef TRACKER_IMPORT_FORM_H
#define TRACKER_IMPORT_FORM_H

#include <stddef.h>

#include "db.h"
#include "import.h"
#include "people_import.h"
#include "ui_admin.h"

struct ctx;
struct params;
struct upload;

/* The most the server fetches from a web address: the full members list. */
#define IMPORT_FORM_WEB_MAX	(64 * 1024 * 1024)

/* The upload page, with problem (why an upload was refused) or NULL. */
void		 import_form_page(struct ctx *, const char *problem);

/*
 * The preview of imp, checked or applied: a 400 when it has problems.
 * csv is the file to carry to the apply form ("" when there are
 * problems: nothing is applied), filename as the browser sent it.
 */
void		 import_form_preview_page(struct ctx *,
		    const struct people_import *imp, const char *csv,
		    const char *filename);

/*
 * POST of the upload form: the preview of the file's people, each row
 * with its problems (a 400 when there are any), or the upload page again
 * as a 400 when no file or an empty one was sent.
 */
void		 import_form_preview_post(struct ctx *);

/*
 * POST of the preview's "Import" form, which carries the file back:
 * the people are added or updated and the response is the 303 to
 * /people; if the file has problems now, nothing is imported and the
 * preview comes back as a 400.
 */
void		 import_form_apply_post(struct ctx *);

/*
 * The members form as posted into v (kind, council and url; "" when not
 * sent) and the council's id (0 when not a whole number).  The
 * refusal to show above the form, or NULL: what to import must be
 * chosen, and for councillors, whose council they are.
 */
const char	*import_form_members_read(const struct params *,
		    struct admin_members_view *v, long long *council);

/*
 * The members document: the uploaded file up when it has bytes, else
 * the http(s) address url, which the server fetches (at most
 * IMPORT_FORM_WEB_MAX, a private address only when allow_private; never
 * a local path, which is for tracker-admin only).  *fetched is what was
 * fetched, for the caller to free(), or NULL.  IMPORT_EMPTY for a
 * chosen file that is empty, IMPORT_FETCH when there is neither, with
 * msg saying so.
 */
enum import_err	 import_form_members_document(const struct upload *up,
		    const char *url, int allow_private, const char **data,
		    size_t *len, char **fetched, char *msg, size_t msglen);

/*
 * POST of the members form: import the file or the address as the
 * form says, and show the page again with the outcome, or a 400 with
 * why nothing was imported (a 503 or 500 when the database failed).
 */
void		 import_form_members_post(struct ctx *);

/* The members page showing v, with the councils to choose from. */
void		 import_form_members_page(struct ctx *,
		    struct admin_members_view *v);

#endif
