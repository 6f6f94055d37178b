/*
 * The admin area's import pages: the CSV import of people and the
 * members import.  See import_form.h; cgi-bin/admin.c calls these.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "directory.h"
#include "form.h"
#include "import.h"
#include "import_form.h"
#include "people_import.h"
#include "request.h"
#include "ui.h"
#include "ui_admin.h"

void
import_form_page(struct ctx *c, const char *problem)
{
	const struct admin_import_view v = { &c->session, problem, NULL, NULL,
	    NULL };

	app_begin_page(c);
	ui_admin_import(&c->html, &v);
}

void
import_form_preview_page(struct ctx *c, const struct people_import *imp,
    const char *csv, const char *filename)
{
	const struct admin_import_view v = { &c->session, NULL, imp, csv,
	    filename };

	if (imp->nproblems > 0)
		c->resp.status = 400;
	app_begin_page(c);
	ui_admin_import_preview(&c->html, &v);
}

void
import_form_preview_post(struct ctx *c)
{
	const struct upload	*up = req_upload(&c->req, "file");
	struct people_import	 imp;
	char			 today[11];
	enum db_err		 e;

	if (up == NULL || up->len == 0) {
		c->resp.status = 400;
		import_form_page(c, up == NULL ? "Choose a CSV file to upload." :
		    "The file you chose is empty.");
		return;
	}
	app_today(today);
	if ((e = people_import_check(c->db, &c->arena, today, up->data,
	    up->len, &imp)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	/* Only valid UTF-8 without NUL passes the check, so data is text. */
	import_form_preview_page(c, &imp, imp.nproblems == 0 ? up->data : "",
	    up->filename);
}

void
import_form_apply_post(struct ctx *c)
{
	const char		*csv = req_form(&c->req, "csv");
	const char		*filename = req_form(&c->req, "filename");
	struct people_import	 imp;
	char			 today[11];
	enum db_err		 e;

	if (csv == NULL) {
		app_error(c, 400, "The form did not carry the file to import; "
		    "upload it again.");
		return;
	}
	if (filename == NULL || *filename == '\0')
		filename = "upload.csv";
	app_today(today);
	if ((e = people_import_apply(c->db, &c->arena, app_actor(c), filename,
	    today, csv, strlen(csv), &imp)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	if (imp.nproblems > 0) {
		import_form_preview_page(c, &imp, "", filename);
		return;
	}
	resp_redirect(&c->resp, "/people?saved=1");
}

static const char *
posted(const struct params *p, const char *name)
{
	const char	*v = params_get(p, name);

	return v != NULL ? v : "";
}

const char *
import_form_members_read(const struct params *p, struct admin_members_view *v,
    long long *council)
{
	v->kind = posted(p, "kind");
	v->council = posted(p, "council");
	v->url = posted(p, "url");
	*council = validate_integer(v->council) == NULL ?
	    strtoll(v->council, NULL, 10) : 0;
	if (strcmp(v->kind, "parliament") != 0 &&
	    strcmp(v->kind, "moderngov") != 0)
		return "Choose what to import.";
	if (strcmp(v->kind, "moderngov") == 0 && *council <= 0)
		return "Choose the council whose councillors these are.";
	return NULL;
}

enum import_err
import_form_members_document(const struct upload *up, const char *url,
    int allow_private, const char **data, size_t *len, char **fetched,
    char *msg, size_t msglen)
{
	enum import_err	 e;

	*fetched = NULL;
	if (up != NULL && up->len == 0 && up->filename && *up->filename) {
		snprintf(msg, msglen, "the file you chose (%s) is empty.",
		    up->filename);
		return IMPORT_EMPTY;
	}
	if (up != NULL && up->len > 0) {
		*data = up->data;
		*len = up->len;
		return IMPORT_OK;
	}
	if (*url == '\0') {
		snprintf(msg, msglen, "Choose a members file, or give its web "
		    "address.");
		return IMPORT_FETCH;
	}
	if ((e = import_load_web(url, IMPORT_FORM_WEB_MAX, allow_private,
	    fetched, len, msg, msglen)) != IMPORT_OK)
		return e;
	*data = *fetched;
	return IMPORT_OK;
}

/*
 * Import the members document of v->kind ("parliament", or "moderngov"
 * for council) as actor, recorded under the file's name or the address.
 */
static enum import_err
members_import(struct db *db, const char *actor,
    const struct upload *up, const struct admin_members_view *v,
    long long council, int allow_private, struct import_result *r, char *msg,
    size_t msglen)
{
	const char	*data, *source = up && up->len ? up->filename : v->url;
	char		*fetched;
	size_t		 len;
	enum import_err	 e;

	msg[0] = '\0';
	e = import_form_members_document(up, v->url, allow_private, &data, &len,
	    &fetched, msg, msglen);
	if (e == IMPORT_OK)
		e = strcmp(v->kind, "parliament") == 0 ?
		    import_parliament(db, actor, data, len, source, r, msg,
		    msglen) :
		    import_moderngov(db, actor, council, data, len, source, r,
		    msg, msglen);
	free(fetched);
	return e;
}

/* The councils, for the councillor import's select. */
static enum db_err
council_options(struct ctx *c, struct option **out, size_t *n)
{
	const struct org_filter	 f = { NULL, "council", 0, 0, 0 };
	struct organisation	*o;
	size_t			 i, total;
	enum db_err		 e;

	if ((e = org_list(c->db, &c->arena, &f, &o, n, &total)) != DB_OK)
		return e;
	if ((*out = arena_alloc(&c->arena, (*n + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < *n; i++)
		(*out)[i] = (struct option){ arena_printf(&c->arena, "%lld",
		    o[i].id), o[i].name };
	return DB_OK;
}

void
import_form_members_page(struct ctx *c, struct admin_members_view *v)
{
	struct option	*councils;
	enum db_err	 e;

	if ((e = council_options(c, &councils, &v->ncouncils)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v->session = &c->session;
	v->councils = councils;
	app_begin_page(c);
	ui_admin_members(&c->html, v);
}

void
import_form_members_post(struct ctx *c)
{
	struct admin_members_view	 v;
	struct import_result		 r;
	char				 msg[512];
	long long			 council;
	enum import_err			 e;

	memset(&v, 0, sizeof(v));
	if ((v.problem = import_form_members_read(&c->req.form, &v,
	    &council)) != NULL) {
		c->resp.status = 400;
		import_form_members_page(c, &v);
		return;
	}
	e = members_import(c->db, app_actor(c), req_upload(&c->req, "file"),
	    &v, council, c->conf->import_allow_private, &r, msg, sizeof(msg));
	if (e == IMPORT_DB) {
		app_db_error(c, c->db->broken ? DB_UNAVAILABLE : DB_ERROR);
		return;
	}
	if (e != IMPORT_OK) {
		c->resp.status = 400;
		v.problem = arena_printf(&c->arena, "%s: %s", import_strerror(e),
		    msg);
	} else
		v.result = &r;
	import_form_members_page(c, &v);
}
