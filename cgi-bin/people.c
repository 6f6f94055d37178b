/*
 * people.fcgi: the directory of people and organisations.
 *
 *	GET	/people, /people.csv, /people/ID, /people/ID/history
 *	GET+POST /people/new, /people/ID/edit
 *	POST	/people/ID/delete, /people/ID/restore
 *	GET	/people/duplicates; POST /people/ID/merge (other=ID),
 *		/people/merges/ID/undo
 *
 * and the same under /organisations (without the CSV).  Viewers read;
 * editors and admins write.  A successful POST redirects (303) to the
 * record with a notice flag in the query; it never renders.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "audit.h"
#include "csv.h"
#include "directory.h"
#include "feed_store.h"
#include "form.h"
#include "mentions.h"
#include "ui.h"
#include "ui_directory.h"
#include "users.h"

#define PER_PAGE	25
#define PERSON_MENTIONS	10	/* the newest, on a person's page */
#define WRITE_ROLE	ROLE_EDITOR	/* who may create, edit, delete */

/* --- the input tables ---------------------------------------------------- */

enum person_field {
	PF_NAME, PF_CATEGORY, PF_ROLE, PF_PARTY, PF_HOUSE, PF_CONSTITUENCY,
	PF_ORGANISATION, PF_EMAIL, PF_PHONE, PF_NOTES, PF_CURRENT, PF_PRESS,
	PF_VERSION,
	PF__MAX
};

static const struct field_option house_options[] = {
	{ "", "None" },
	{ "commons", "House of Commons" },
	{ "lords", "House of Lords" },
	{ NULL, NULL },
};

static const struct field_option current_options[] = {
	{ "yes", "Yes" },
	{ "no", "No, they have left this role" },
	{ NULL, NULL },
};

/* Whether the press monitoring looks for them (feed_store.h). */
static const struct field_option press_options[] = {
	{ "auto", "Automatically: while a current MP or Peer we have "
	    "engaged with" },
	{ "always", "Always, while current (a spokesperson, say)" },
	{ "never", "Never" },
	{ NULL, NULL },
};

/* Category and organisation options come from the database per request. */
static const struct form_field person_fields[PF__MAX] = {
	[PF_NAME] = { "name", "Name", FIELD_TEXT,
	    FIELD_REQUIRED | FIELD_AUTOFOCUS, 200, NULL, "off", NULL, NULL },
	[PF_CATEGORY] = { "category", "Category", FIELD_SELECT, FIELD_REQUIRED,
	    40, NULL, NULL, NULL, NULL },
	[PF_ROLE] = { "role_title", "Role or title", FIELD_TEXT, 0, 200, NULL,
	    "off", "For example: Shadow Home Secretary, Leader of the "
	    "Council.", NULL },
	[PF_PARTY] = { "party", "Party", FIELD_TEXT, 0, 100, NULL, "off",
	    NULL, NULL },
	[PF_HOUSE] = { "house", "House", FIELD_SELECT, 0, 0, NULL, NULL,
	    "For MPs and Peers.", house_options },
	[PF_CONSTITUENCY] = { "constituency", "Constituency", FIELD_TEXT, 0,
	    200, NULL, "off", "For MPs; for councillors, their ward.", NULL },
	[PF_ORGANISATION] = { "organisation", "Organisation", FIELD_SELECT, 0,
	    0, NULL, NULL, "Their council, FCDO desk, media outlet or other "
	    "organisation.", NULL },
	[PF_EMAIL] = { "email", "Email", FIELD_EMAIL, 0, 254, NULL, "off",
	    NULL, NULL },
	[PF_PHONE] = { "phone", "Phone", FIELD_TEXT, 0, 50, NULL, "off", NULL,
	    NULL },
	[PF_NOTES] = { "notes", "Notes", FIELD_TEXTAREA, 0, 10000, NULL, NULL,
	    NULL, NULL },
	[PF_CURRENT] = { "current", "Current", FIELD_SELECT, FIELD_REQUIRED, 0,
	    NULL, NULL, "Whether they still hold this role.", current_options },
	[PF_PRESS] = { "press_watch", "Watch in the press", FIELD_SELECT,
	    0, 0, NULL, NULL, "Whether press monitoring looks "
	    "for their name in the news.", press_options },
	[PF_VERSION] = { "version", "Version", FIELD_HIDDEN, 0, 20,
	    validate_integer, NULL, NULL, NULL },
};

enum org_field {
	OF_NAME, OF_KIND, OF_MEDIUM, OF_PARENT, OF_WEBSITE, OF_NOTES,
	OF_VERSION,
	OF__MAX
};

static const char *validate_website(const char *);

/* Kind, medium and parent options are filled in per request. */
static const struct form_field org_fields[OF__MAX] = {
	[OF_NAME] = { "name", "Name", FIELD_TEXT,
	    FIELD_REQUIRED | FIELD_AUTOFOCUS, 200, NULL, "off", NULL, NULL },
	[OF_KIND] = { "kind", "Kind", FIELD_SELECT, FIELD_REQUIRED, 0, NULL,
	    NULL, NULL, NULL },
	[OF_MEDIUM] = { "medium", "Medium", FIELD_SELECT, 0, 0, NULL, NULL,
	    "Media outlets only.", NULL },
	[OF_PARENT] = { "parent", "Part of", FIELD_SELECT, 0, 0, NULL, NULL,
	    "For an FCDO desk: the FCDO.", NULL },
	[OF_WEBSITE] = { "website", "Website", FIELD_TEXT, 0, 500,
	    validate_website, "off", "Starting with https://", NULL },
	[OF_NOTES] = { "notes", "Notes", FIELD_TEXTAREA, 0, 10000, NULL, NULL,
	    NULL, NULL },
	[OF_VERSION] = { "version", "Version", FIELD_HIDDEN, 0, 20,
	    validate_integer, NULL, NULL, NULL },
};

static const char *
validate_website(const char *v)
{
	size_t	 skip;

	skip = strncasecmp(v, "https://", 8) == 0 ? 8 :
	    strncasecmp(v, "http://", 7) == 0 ? 7 : 0;
	if (skip == 0 || v[skip] == '\0' || strpbrk(v, " \t\r\n<>\"") != NULL ||
	    !html_url_safe(v))
		return "Enter a web address starting with https:// or http://.";
	return NULL;
}

/* --- small helpers ------------------------------------------------------- */

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

/* A positive decimal id, or 0 for anything else. */
static long long
parse_id(const char *s)
{
	char		*end;
	long long	 n;

	if (s == NULL || *s < '1' || *s > '9')
		return 0;
	n = strtoll(s, &end, 10);
	return *end == '\0' && n > 0 ? n : 0;
}

/* The page number of a list, from 1; junk reads as 1. */
static size_t
parse_page(const char *s)
{
	long long	 n = parse_id(s);

	return n > 0 && n < 1000000 ? (size_t)n : 1;
}

static int
can_edit(const struct ctx *c)
{
	return c->session.role >= WRITE_ROLE;
}

static const char *
id_string(struct ctx *c, long long id)
{
	return id != 0 ? arena_printf(&c->arena, "%lld", id) : "";
}

/* The notice for the flag a POST redirected with. */
static const char *
notice_from_query(const struct ctx *c)
{
	if (req_query(&c->req, "saved") != NULL)
		return "Saved.";
	if (req_query(&c->req, "deleted") != NULL)
		return "Deleted.";
	if (req_query(&c->req, "restored") != NULL)
		return "Restored.";
	if (req_query(&c->req, "merged") != NULL)
		return "Merged. The other record has been deleted; you can undo "
		    "the merge below.";
	if (req_query(&c->req, "unmerged") != NULL)
		return "Merge undone.";
	return NULL;
}

/* 303 to base/id?flag=1 after a successful POST. */
static void
redirect_to_record(struct ctx *c, const char *base, long long id,
    const char *flag)
{
	const char	*to = arena_printf(&c->arena, "%s/%lld?%s=1", base, id,
	    flag);

	if (to == NULL) {
		app_error(c, 500, NULL);
		return;
	}
	resp_redirect(&c->resp, to);
}

/* The page for a failed domain call. */
static void
fail(struct ctx *c, enum db_err e)
{
	if (e == DB_NOTFOUND)
		app_error(c, 404, NULL);
	else
		app_db_error(c, e);
}

/* A copy of a field table in the arena, so options can be set. */
static struct form_field *
fields_copy(struct ctx *c, const struct form_field *fields, size_t n)
{
	struct form_field	*f;

	if ((f = arena_alloc(&c->arena, n * sizeof(*f))) != NULL)
		memcpy(f, fields, n * sizeof(*f));
	return f;
}

/* A code/label table as select options, after a first empty option. */
static struct field_option *
code_options(struct ctx *c, const struct code_label *t, const char *empty)
{
	struct field_option	*o;
	size_t			 n, i;

	for (n = 0; t[n].code != NULL; n++)
		continue;
	if ((o = arena_alloc(&c->arena, (n + 2) * sizeof(*o))) == NULL)
		return NULL;
	o[0].value = "";
	o[0].label = empty;
	for (i = 0; i < n; i++) {
		o[i + 1].value = t[i].code;
		o[i + 1].label = t[i].label;
	}
	return o;
}

/*
 * The live organisations as options "Name (Kind)" after "None", leaving
 * out exclude (an organisation cannot be part of itself) and adding keep
 * (the saved choice) even when it has since been deleted.
 */
static enum db_err
org_options(struct ctx *c, long long exclude, long long keep,
    const char *keep_name, struct field_option **out)
{
	const struct org_filter	 all = { NULL, NULL, 0, 0, 0 };
	struct organisation	*o;
	struct field_option	*opt;
	size_t			 n, total, i, k = 1;
	int			 kept = keep == 0;
	enum db_err		 e;

	if ((e = org_list(c->db, &c->arena, &all, &o, &n, &total)) != DB_OK)
		return e;
	if ((opt = arena_alloc(&c->arena, (n + 3) * sizeof(*opt))) == NULL)
		return DB_NOMEM;
	opt[0].value = "";
	opt[0].label = "None";
	for (i = 0; i < n; i++) {
		if (o[i].id == exclude)
			continue;
		kept |= o[i].id == keep;
		opt[k].value = id_string(c, o[i].id);
		opt[k++].label = arena_printf(&c->arena, "%s (%s)", o[i].name,
		    code_label(org_kinds, o[i].kind));
	}
	if (!kept) {
		opt[k].value = id_string(c, keep);
		opt[k++].label = arena_printf(&c->arena, "%s (deleted)",
		    nz(keep_name));
	}
	for (i = 0; i < k; i++)
		if (opt[i].value == NULL || opt[i].label == NULL)
			return DB_NOMEM;
	*out = opt;
	return DB_OK;
}

/* The label a select shows for value, or the value itself. */
static const char *
shown(const struct form_field *fd, const char *value)
{
	const struct field_option	*o;

	if (fd->type == FIELD_SELECT)
		for (o = fd->options; o != NULL && o->value != NULL; o++)
			if (strcmp(o->value, value) == 0)
				return o->label;
	return value;
}

/* One conflict row per visible field: what they typed, what is saved. */
static struct conflict_row *
conflict_rows(struct ctx *c, const struct form *yours,
    const struct form *saved, size_t *n)
{
	struct conflict_row	*r;
	size_t			 i;

	*n = 0;
	if ((r = arena_alloc(&c->arena, yours->nfields * sizeof(*r))) == NULL)
		return NULL;
	for (i = 0; i < yours->nfields; i++) {
		const struct form_field *fd = &yours->fields[i];

		if (fd->type == FIELD_HIDDEN)
			continue;
		r[*n].label = fd->label;
		r[*n].yours = shown(fd, yours->values[i].value);
		r[*n].theirs = shown(fd, saved->values[i].value);
		(*n)++;
	}
	return r;
}

/* --- people: forms ------------------------------------------------------- */

static enum db_err
category_options(struct ctx *c, struct field_option **out)
{
	struct category		*cat;
	struct field_option	*o;
	size_t			 n, i;
	enum db_err		 e;

	if ((e = categories_list(c->db, &c->arena, &cat, &n)) != DB_OK)
		return e;
	if ((o = arena_alloc(&c->arena, (n + 2) * sizeof(*o))) == NULL)
		return DB_NOMEM;
	o[0].value = "";
	o[0].label = "Choose a category";
	for (i = 0; i < n; i++) {
		o[i + 1].value = cat[i].code;
		o[i + 1].label = cat[i].label;
	}
	*out = o;
	return DB_OK;
}

/* The person field table with today's options; saved is the record edited. */
static enum db_err
person_form_fields(struct ctx *c, const struct person *saved,
    const struct form_field **out)
{
	struct form_field	*f;
	struct field_option	*cats, *orgs;
	enum db_err		 e;

	if ((f = fields_copy(c, person_fields, PF__MAX)) == NULL)
		return DB_NOMEM;
	if ((e = category_options(c, &cats)) != DB_OK)
		return e;
	if ((e = org_options(c, 0, saved ? saved->organisation_id : 0,
	    saved ? saved->organisation_name : NULL, &orgs)) != DB_OK)
		return e;
	f[PF_CATEGORY].options = cats;
	f[PF_ORGANISATION].options = orgs;
	*out = f;
	return DB_OK;
}

/* A form showing the saved person. */
static int
person_to_form(struct ctx *c, struct form *f, const struct form_field *fields,
    const struct person *p)
{
	struct form_value	*v;

	if (form_init(f, &c->arena, fields, PF__MAX) == -1)
		return -1;
	v = f->values;
	v[PF_NAME].value = nz(p->full_name);
	v[PF_CATEGORY].value = nz(p->category);
	v[PF_ROLE].value = nz(p->role_title);
	v[PF_PARTY].value = nz(p->party);
	v[PF_HOUSE].value = nz(p->house);
	v[PF_CONSTITUENCY].value = nz(p->constituency);
	v[PF_ORGANISATION].value = id_string(c, p->organisation_id);
	v[PF_EMAIL].value = nz(p->email);
	v[PF_PHONE].value = nz(p->phone);
	v[PF_NOTES].value = nz(p->notes);
	v[PF_CURRENT].value = p->is_current ? "yes" : "no";
	v[PF_PRESS].value = p->press_watch ? p->press_watch : "auto";
	v[PF_VERSION].value = arena_printf(&c->arena, "%d", p->version);
	return v[PF_ORGANISATION].value && v[PF_VERSION].value ? 0 : -1;
}

/* The person the user typed (fields already validated). */
static void
form_to_person(const struct form *f, long long id, struct person *p)
{
	const struct form_value	*v = f->values;

	memset(p, 0, sizeof(*p));
	p->id = id;
	p->full_name = v[PF_NAME].value;
	p->category = v[PF_CATEGORY].value;
	p->role_title = v[PF_ROLE].value;
	p->party = v[PF_PARTY].value;
	p->house = v[PF_HOUSE].value;
	p->constituency = v[PF_CONSTITUENCY].value;
	p->organisation_id = strtoll(v[PF_ORGANISATION].value, NULL, 10);
	p->email = v[PF_EMAIL].value;
	p->phone = v[PF_PHONE].value;
	p->notes = v[PF_NOTES].value;
	p->is_current = strcmp(v[PF_CURRENT].value, "yes") == 0;
	/* Not sent (an older form): keep what is stored. */
	p->press_watch = *v[PF_PRESS].value ? v[PF_PRESS].value : NULL;
	p->version = (int)strtol(v[PF_VERSION].value, NULL, 10);
}

static void
show_person_form(struct ctx *c, int status, const struct person *saved,
    const struct form *f, const struct conflict_row *rows, size_t nrows)
{
	const struct dir_form_view v = { &c->session, saved ? saved->id : 0,
	    saved ? saved->full_name : NULL, f, rows, nrows };

	c->resp.status = status;
	app_begin_page(c);
	if (nrows > 0)
		ui_directory_conflict(&c->html, &v, 1);
	else
		ui_person_form(&c->html, &v);
}

/* Load the person of the route; a page is shown when it fails. */
static int
load_person(struct ctx *c, struct person *p, int live)
{
	enum db_err	 e;

	if ((e = person_get(c->db, &c->arena, c->id, p)) != DB_OK) {
		fail(c, e);
		return -1;
	}
	if (live && p->deleted) {
		app_error(c, 409, "This person has been deleted. Restore them "
		    "first if you want to edit them.");
		return -1;
	}
	return 0;
}

/* --- people: handlers ---------------------------------------------------- */

/* The list's filters from the query string. */
static void
person_filter_read(const struct ctx *c, struct person_filter *f)
{
	const char	*house = nz(req_query(&c->req, "house"));
	const char	*current = nz(req_query(&c->req, "current"));

	memset(f, 0, sizeof(*f));
	f->q = nz(req_query(&c->req, "q"));
	f->category = nz(req_query(&c->req, "category"));
	f->party = nz(req_query(&c->req, "party"));

	f->organisation_id = parse_id(req_query(&c->req, "organisation"));
	f->house = strcmp(house, "commons") == 0 || strcmp(house, "lords") == 0 ?
	    house : "";
	f->council_id = parse_id(req_query(&c->req, "council"));
	f->current = strcmp(current, "current") == 0 ? PERSON_CURRENT_YES :
	    strcmp(current, "former") == 0 ? PERSON_CURRENT_NO :
	    PERSON_CURRENT_ANY;
	f->deleted = req_query(&c->req, "deleted") != NULL &&
	    strcmp(req_query(&c->req, "deleted"), "1") == 0;
}

/* One page of people; a page past the end shows the last one. */
static enum db_err
people_page(struct ctx *c, struct person_filter *f, size_t *page,
    struct person **p, size_t *n, size_t *total)
{
	enum db_err	 e;

	f->limit = PER_PAGE;
	f->offset = (*page - 1) * PER_PAGE;
	e = person_list(c->db, &c->arena, f, p, n, total);
	if (e != DB_OK || *n > 0 || *total == 0 || *page == 1)
		return e;
	*page = (*total + PER_PAGE - 1) / PER_PAGE;
	f->offset = (*page - 1) * PER_PAGE;
	return person_list(c->db, &c->arena, f, p, n, total);
}

static void
people_list(struct ctx *c)
{
	const struct org_filter	 all = { NULL, NULL, 0, 0, 0 };
	struct person_filter	 f;
	struct people_list_view	 v;
	struct person		*people;
	struct category		*cats;
	struct organisation	*orgs;
	struct party_count	*counts;
	const char		**parties;
	size_t			 page = parse_page(req_query(&c->req, "page"));
	size_t			 n, total, ncats, nparties, norgs, ntotal;
	size_t			 ncounts;
	enum db_err		 e;

	person_filter_read(c, &f);
	if ((e = people_page(c, &f, &page, &people, &n, &total)) != DB_OK ||
	    (e = person_party_counts(c->db, &c->arena, &f, &counts, &ncounts))
	    != DB_OK ||
	    (e = categories_list(c->db, &c->arena, &cats, &ncats)) != DB_OK ||
	    (e = parties_list(c->db, &c->arena, &parties, &nparties))
	    != DB_OK ||
	    (e = org_list(c->db, &c->arena, &all, &orgs, &norgs, &ntotal))
	    != DB_OK) {
		fail(c, e);
		return;
	}
	v = (struct people_list_view){ &c->session, can_edit(c), &f, people,
	    n, total, page, PER_PAGE, cats, ncats, parties, nparties, orgs,
	    norgs, counts, ncounts };
	app_begin_page(c);
	ui_people_list(&c->html, &v);
}

static void
csv_person(struct buf *b, const struct person *p)
{
	const char *const cells[] = {
		p->full_name, p->category_label, p->role_title, p->party,
		*nz(p->house) ? code_label(houses, p->house) : "",
		p->constituency, p->organisation_name, p->email, p->phone,
		p->is_current ? "Yes" : "No",
		strcmp(nz(p->organisation_kind), "council") == 0 ?
		    p->organisation_name : "",
	};

	csv_row(b, cells, sizeof(cells) / sizeof(cells[0]));
}

static void
people_csv(struct ctx *c)
{
	static const char *const head[] = { "Name", "Category", "Role",
	    "Party", "House", "Constituency", "Organisation", "Email",
	    "Phone", "Current", "Council" };
	struct person_filter	 f;
	struct person		*p;
	size_t			 n, total, i;
	enum db_err		 e;

	person_filter_read(c, &f);
	if ((e = person_list(c->db, &c->arena, &f, &p, &n, &total)) != DB_OK) {
		fail(c, e);
		return;
	}
	app_begin_csv(c, "people.csv");
	csv_row(&c->resp.body, head, sizeof(head) / sizeof(head[0]));
	for (i = 0; i < n; i++)
		csv_person(&c->resp.body, &p[i]);
}

static void
person_show(struct ctx *c)
{
	struct person		 p;
	struct contact		*contacts;
	struct contact_summary	 s;
	struct person_term	*terms;
	struct person_merge	*merges;
	size_t			 n, nterms, nmerges;
	enum db_err		 e;
	struct person_view	 v;
	struct watched_person	 watch;
	struct mention		*mentions;
	struct mention_filter	 mf;
	size_t			 nmentions, mentions_total;
	int			 watched;

	if (load_person(c, &p, 0) == -1)
		return;
	memset(&mf, 0, sizeof(mf));
	mf.person_id = p.id;
	mf.limit = PERSON_MENTIONS;
	if ((e = person_contacts(c->db, &c->arena, p.id, &contacts, &n, &s))
	    != DB_OK ||
	    (e = person_terms(c->db, &c->arena, p.id, &terms, &nterms))
	    != DB_OK ||
	    (e = person_merges_of(c->db, &c->arena, p.id, &merges, &nmerges))
	    != DB_OK ||
	    (e = watched_person_get(c->db, &c->arena, p.id, &watch, &watched))
	    != DB_OK ||
	    (e = mention_list(c->db, &c->arena, &mf, &mentions, &nmentions,
	    &mentions_total)) != DB_OK) {
		fail(c, e);
		return;
	}
	v = (struct person_view){ &c->session, can_edit(c),
	    notice_from_query(c), &p, contacts, n, &s, terms, nterms, merges,
	    nmerges, watched ? &watch : NULL, mentions, nmentions,
	    mentions_total };
	app_begin_page(c);
	ui_person_detail(&c->html, &v);
}

static void
person_new_get(struct ctx *c)
{
	const struct form_field	*fields;
	struct form		 f;
	enum db_err		 e;

	if ((e = person_form_fields(c, NULL, &fields)) != DB_OK) {
		fail(c, e);
		return;
	}
	if (form_init(&f, &c->arena, fields, PF__MAX) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	f.values[PF_CURRENT].value = "yes";
	f.values[PF_PRESS].value = "auto";
	show_person_form(c, 200, NULL, &f, NULL, 0);
}

/*
 * Read the posted person into f; 1 when it is valid, 0 when the form
 * was shown again with its errors (400), -1 when an error page was.
 */
static int
person_read(struct ctx *c, const struct person *saved, struct form *f)
{
	const struct form_field	*fields;
	enum db_err		 e;
	int			 bad;

	if ((e = person_form_fields(c, saved, &fields)) != DB_OK) {
		fail(c, e);
		return -1;
	}
	bad = form_read(f, &c->arena, fields, PF__MAX, &c->req.form);
	if (bad < 0) {
		app_error(c, 500, NULL);
		return -1;
	}
	if (bad == 0)
		return 1;
	show_person_form(c, 400, saved, f, NULL, 0);
	return 0;
}

static void
person_new_post(struct ctx *c)
{
	struct form	 f;
	struct person	 p;
	enum db_err	 e;

	if (person_read(c, NULL, &f) != 1)
		return;
	form_to_person(&f, 0, &p);
	if ((e = person_save(c->db, app_actor(c), &p)) != DB_OK) {
		fail(c, e);
		return;
	}
	redirect_to_record(c, "/people", p.id, "saved");
}

static void
person_edit_get(struct ctx *c)
{
	const struct form_field	*fields;
	struct person		 p;
	struct form		 f;
	enum db_err		 e;

	if (load_person(c, &p, 1) == -1)
		return;
	if ((e = person_form_fields(c, &p, &fields)) != DB_OK) {
		fail(c, e);
		return;
	}
	if (person_to_form(c, &f, fields, &p) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	show_person_form(c, 200, &p, &f, NULL, 0);
}

/*
 * Someone saved since the form was loaded: show both versions, with the
 * user's values in the form and the saved version number, so that saving
 * again is a deliberate overwrite.
 */
static void
person_conflict(struct ctx *c, struct form *yours)
{
	struct person		 now;
	struct form		 saved;
	struct conflict_row	*rows;
	size_t			 n;

	if (load_person(c, &now, 1) == -1)
		return;
	if (person_to_form(c, &saved, yours->fields, &now) == -1 ||
	    (rows = conflict_rows(c, yours, &saved, &n)) == NULL) {
		app_error(c, 500, NULL);
		return;
	}
	yours->values[PF_VERSION].value = saved.values[PF_VERSION].value;
	show_person_form(c, 409, &now, yours, rows, n);
}

static void
person_edit_post(struct ctx *c)
{
	struct person	 saved, p;
	struct form	 f;
	enum db_err	 e;

	if (load_person(c, &saved, 1) == -1 || person_read(c, &saved, &f) != 1)
		return;
	form_to_person(&f, saved.id, &p);
	e = person_save(c->db, app_actor(c), &p);
	if (e == DB_CONFLICT)
		person_conflict(c, &f);
	else if (e != DB_OK)
		fail(c, e);
	else
		redirect_to_record(c, "/people", p.id, "saved");
}

static void
person_delete_post(struct ctx *c)
{
	enum db_err	 e;

	if ((e = person_delete(c->db, app_actor(c), c->id)) != DB_OK)
		fail(c, e);
	else
		redirect_to_record(c, "/people", c->id, "deleted");
}

static void
person_restore_post(struct ctx *c)
{
	enum db_err	 e;

	if ((e = person_restore(c->db, app_actor(c), c->id)) != DB_OK)
		fail(c, e);
	else
		redirect_to_record(c, "/people", c->id, "restored");
}

static void
person_history(struct ctx *c)
{
	struct person		 p;
	struct audit_entry	*entries;
	size_t			 n;
	enum db_err		 e;
	struct dir_history_view	 v;

	if (load_person(c, &p, 0) == -1)
		return;
	if ((e = audit_history(c->db, &c->arena, "person", p.id, &entries,
	    &n)) != DB_OK) {
		fail(c, e);
		return;
	}
	v = (struct dir_history_view){ &c->session, p.id, p.full_name,
	    entries, n };
	app_begin_page(c);
	ui_person_history(&c->html, &v);
}

static void
people_duplicates(struct ctx *c)
{
	struct person_pair	*pairs;
	struct duplicates_view	 v;
	size_t			 n;
	enum db_err		 e;

	if ((e = person_duplicates(c->db, &c->arena, &pairs, &n)) != DB_OK) {
		fail(c, e);
		return;
	}
	v = (struct duplicates_view){ &c->session, can_edit(c), NULL, pairs,
	    n };
	app_begin_page(c);
	ui_people_duplicates(&c->html, &v);
}

/* POST /people/ID/merge, other=ID: merge other into the route's person. */
static void
person_merge_post(struct ctx *c)
{
	struct person	 keep, other;
	long long	 other_id = parse_id(params_get(&c->req.form, "other"));
	long long	 merge_id;
	enum db_err	 e;

	if (other_id == 0) {
		app_error(c, 400, "Choose the record to merge into this one.");
		return;
	}
	if (other_id == c->id) {
		app_error(c, 400, "A record cannot be merged into itself.");
		return;
	}
	if (load_person(c, &keep, 1) == -1)
		return;
	if ((e = person_get(c->db, &c->arena, other_id, &other)) != DB_OK) {
		fail(c, e);
		return;
	}
	if (other.deleted) {
		app_error(c, 409, "The other record has been deleted or merged "
		    "already: restore it first if you want to merge it.");
		return;
	}
	e = person_merge(c->db, app_actor(c), keep.id, other.id, &merge_id);
	if (e == DB_CONFLICT)
		app_error(c, 409, "One of these records changed (deleted or "
		    "merged) while you were looking: nothing was merged.");
	else if (e != DB_OK)
		fail(c, e);
	else
		redirect_to_record(c, "/people", keep.id, "merged");
}

/* POST /people/merges/ID/undo. */
static void
merge_undo_post(struct ctx *c)
{
	struct person_merge	 m;
	enum db_err		 e;

	if ((e = person_merge_get(c->db, &c->arena, c->id, &m)) != DB_OK) {
		if (e == DB_NOTFOUND)
			app_error(c, 404, "There is no such merge.");
		else
			fail(c, e);
		return;
	}
	if (m.undone_at != NULL) {
		app_error(c, 409, "This merge has already been undone.");
		return;
	}
	e = person_merge_undo(c->db, app_actor(c), m.id);
	if (e == DB_CONFLICT)
		app_error(c, 409, "This merge has already been undone.");
	else if (e != DB_OK)
		fail(c, e);
	else
		redirect_to_record(c, "/people", m.survivor_id, "unmerged");
}

/* --- organisations: forms ------------------------------------------------ */

/* The organisation field table with today's options. */
static enum db_err
org_form_fields(struct ctx *c, const struct organisation *saved,
    const struct form_field **out)
{
	struct form_field	*f;
	struct field_option	*kinds, *mediums, *parents;
	enum db_err		 e;

	if ((f = fields_copy(c, org_fields, OF__MAX)) == NULL ||
	    (kinds = code_options(c, org_kinds, "Choose a kind")) == NULL ||
	    (mediums = code_options(c, media, "None")) == NULL)
		return DB_NOMEM;
	if ((e = org_options(c, saved ? saved->id : 0,
	    saved ? saved->parent_id : 0, saved ? saved->parent_name : NULL,
	    &parents)) != DB_OK)
		return e;
	f[OF_KIND].options = kinds;
	f[OF_MEDIUM].options = mediums;
	f[OF_PARENT].options = parents;
	*out = f;
	return DB_OK;
}

static int
org_to_form(struct ctx *c, struct form *f, const struct form_field *fields,
    const struct organisation *o)
{
	struct form_value	*v;

	if (form_init(f, &c->arena, fields, OF__MAX) == -1)
		return -1;
	v = f->values;
	v[OF_NAME].value = nz(o->name);
	v[OF_KIND].value = nz(o->kind);
	v[OF_MEDIUM].value = nz(o->medium);
	v[OF_PARENT].value = id_string(c, o->parent_id);
	v[OF_WEBSITE].value = nz(o->website);
	v[OF_NOTES].value = nz(o->notes);
	v[OF_VERSION].value = arena_printf(&c->arena, "%d", o->version);
	return v[OF_PARENT].value && v[OF_VERSION].value ? 0 : -1;
}

static void
form_to_org(const struct form *f, long long id, struct organisation *o)
{
	const struct form_value	*v = f->values;

	memset(o, 0, sizeof(*o));
	o->id = id;
	o->name = v[OF_NAME].value;
	o->kind = v[OF_KIND].value;
	o->medium = v[OF_MEDIUM].value;
	o->parent_id = strtoll(v[OF_PARENT].value, NULL, 10);
	o->website = v[OF_WEBSITE].value;
	o->notes = v[OF_NOTES].value;
	o->version = (int)strtol(v[OF_VERSION].value, NULL, 10);
}

/* A medium for media outlets, and only for them. */
static void
org_check_medium(struct form *f)
{
	int	 outlet = strcmp(f->values[OF_KIND].value, "media_outlet") == 0;
	int	 has = *f->values[OF_MEDIUM].value != '\0';

	if (f->values[OF_KIND].error != NULL || f->values[OF_MEDIUM].error)
		return;
	if (outlet && !has)
		form_set_error(f, "medium", "Choose the medium of a media "
		    "outlet: print, broadcast or online.");
	else if (!outlet && has)
		form_set_error(f, "medium", "Only media outlets have a medium: "
		    "choose None for this kind of organisation.");
}

static void
show_org_form(struct ctx *c, int status, const struct organisation *saved,
    const struct form *f, const struct conflict_row *rows, size_t nrows)
{
	const struct dir_form_view v = { &c->session, saved ? saved->id : 0,
	    saved ? saved->name : NULL, f, rows, nrows };

	c->resp.status = status;
	app_begin_page(c);
	if (nrows > 0)
		ui_directory_conflict(&c->html, &v, 0);
	else
		ui_org_form(&c->html, &v);
}

static int
load_org(struct ctx *c, struct organisation *o, int live)
{
	enum db_err	 e;

	if ((e = org_get(c->db, &c->arena, c->id, o)) != DB_OK) {
		fail(c, e);
		return -1;
	}
	if (live && o->deleted) {
		app_error(c, 409, "This organisation has been deleted. Restore "
		    "it first if you want to edit it.");
		return -1;
	}
	return 0;
}

/* As person_read(), for an organisation. */
static int
org_read(struct ctx *c, const struct organisation *saved, struct form *f)
{
	const struct form_field	*fields;
	enum db_err		 e;

	if ((e = org_form_fields(c, saved, &fields)) != DB_OK) {
		fail(c, e);
		return -1;
	}
	if (form_read(f, &c->arena, fields, OF__MAX, &c->req.form) < 0) {
		app_error(c, 500, NULL);
		return -1;
	}
	org_check_medium(f);
	if (f->nerrors == 0)
		return 1;
	show_org_form(c, 400, saved, f, NULL, 0);
	return 0;
}

/* --- organisations: handlers --------------------------------------------- */

static void
orgs_list(struct ctx *c)
{
	struct org_filter	 f;
	struct orgs_list_view	 v;
	struct organisation	*o;
	size_t			 page = parse_page(req_query(&c->req, "page"));
	size_t			 n, total;
	enum db_err		 e;

	memset(&f, 0, sizeof(f));
	f.q = nz(req_query(&c->req, "q"));
	f.kind = nz(req_query(&c->req, "kind"));
	f.deleted = strcmp(nz(req_query(&c->req, "deleted")), "1") == 0;
	f.limit = PER_PAGE;
	f.offset = (page - 1) * PER_PAGE;
	e = org_list(c->db, &c->arena, &f, &o, &n, &total);
	if (e == DB_OK && n == 0 && total > 0 && page > 1) {
		page = (total + PER_PAGE - 1) / PER_PAGE;
		f.offset = (page - 1) * PER_PAGE;
		e = org_list(c->db, &c->arena, &f, &o, &n, &total);
	}
	if (e != DB_OK) {
		fail(c, e);
		return;
	}
	v = (struct orgs_list_view){ &c->session, can_edit(c), &f, o, n, total,
	    page, PER_PAGE };
	app_begin_page(c);
	ui_orgs_list(&c->html, &v);
}

/* The live organisations whose parent is id (an FCDO's desks). */
static enum db_err
org_parts(struct ctx *c, long long id, struct organisation **out, size_t *n)
{
	const struct org_filter	 all = { NULL, NULL, 0, 0, 0 };
	struct organisation	*o;
	size_t			 count, total, i, k = 0;
	enum db_err		 e;

	*n = 0;
	if ((e = org_list(c->db, &c->arena, &all, &o, &count, &total)) != DB_OK)
		return e;
	for (i = 0; i < count; i++)
		if (o[i].parent_id == id)
			o[k++] = o[i];
	*out = o;
	*n = k;
	return DB_OK;
}

static void
org_show(struct ctx *c)
{
	struct organisation	 o, *parts;
	struct person_filter	 pf;
	struct person		*people;
	struct contact		*contacts;
	struct contact_summary	 s;
	size_t			 nparts, npeople, ncontacts, total;
	enum db_err		 e;
	struct org_view		 v;

	if (load_org(c, &o, 0) == -1)
		return;
	memset(&pf, 0, sizeof(pf));
	pf.organisation_id = o.id;
	if ((e = org_parts(c, o.id, &parts, &nparts)) != DB_OK ||
	    (e = person_list(c->db, &c->arena, &pf, &people, &npeople,
	    &total)) != DB_OK ||
	    (e = org_contacts(c->db, &c->arena, o.id, &contacts, &ncontacts,
	    &s)) != DB_OK) {
		fail(c, e);
		return;
	}
	v = (struct org_view){ &c->session, can_edit(c), notice_from_query(c),
	    &o, parts, nparts, people, npeople, contacts, ncontacts, &s };
	app_begin_page(c);
	ui_org_detail(&c->html, &v);
}

static void
org_new_get(struct ctx *c)
{
	const struct form_field	*fields;
	struct form		 f;
	enum db_err		 e;

	if ((e = org_form_fields(c, NULL, &fields)) != DB_OK) {
		fail(c, e);
		return;
	}
	if (form_init(&f, &c->arena, fields, OF__MAX) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	show_org_form(c, 200, NULL, &f, NULL, 0);
}

static void
org_new_post(struct ctx *c)
{
	struct form		 f;
	struct organisation	 o;
	enum db_err		 e;

	if (org_read(c, NULL, &f) != 1)
		return;
	form_to_org(&f, 0, &o);
	if ((e = org_save(c->db, app_actor(c), &o)) != DB_OK) {
		fail(c, e);
		return;
	}
	redirect_to_record(c, "/organisations", o.id, "saved");
}

static void
org_edit_get(struct ctx *c)
{
	const struct form_field	*fields;
	struct organisation	 o;
	struct form		 f;
	enum db_err		 e;

	if (load_org(c, &o, 1) == -1)
		return;
	if ((e = org_form_fields(c, &o, &fields)) != DB_OK) {
		fail(c, e);
		return;
	}
	if (org_to_form(c, &f, fields, &o) == -1) {
		app_error(c, 500, NULL);
		return;
	}
	show_org_form(c, 200, &o, &f, NULL, 0);
}

/* As person_conflict(), for an organisation. */
static void
org_conflict(struct ctx *c, struct form *yours)
{
	struct organisation	 now;
	struct form		 saved;
	struct conflict_row	*rows;
	size_t			 n;

	if (load_org(c, &now, 1) == -1)
		return;
	if (org_to_form(c, &saved, yours->fields, &now) == -1 ||
	    (rows = conflict_rows(c, yours, &saved, &n)) == NULL) {
		app_error(c, 500, NULL);
		return;
	}
	yours->values[OF_VERSION].value = saved.values[OF_VERSION].value;
	show_org_form(c, 409, &now, yours, rows, n);
}

static void
org_edit_post(struct ctx *c)
{
	struct organisation	 saved, o;
	struct form		 f;
	enum db_err		 e;

	if (load_org(c, &saved, 1) == -1 || org_read(c, &saved, &f) != 1)
		return;
	form_to_org(&f, saved.id, &o);
	e = org_save(c->db, app_actor(c), &o);
	if (e == DB_CONFLICT)
		org_conflict(c, &f);
	else if (e != DB_OK)
		fail(c, e);
	else
		redirect_to_record(c, "/organisations", o.id, "saved");
}

static void
org_delete_post(struct ctx *c)
{
	enum db_err	 e;

	if ((e = org_delete(c->db, app_actor(c), c->id)) != DB_OK)
		fail(c, e);
	else
		redirect_to_record(c, "/organisations", c->id, "deleted");
}

static void
org_restore_post(struct ctx *c)
{
	enum db_err	 e;

	if ((e = org_restore(c->db, app_actor(c), c->id)) != DB_OK)
		fail(c, e);
	else
		redirect_to_record(c, "/organisations", c->id, "restored");
}

static void
org_history(struct ctx *c)
{
	struct organisation	 o;
	struct audit_entry	*entries;
	size_t			 n;
	enum db_err		 e;
	struct dir_history_view	 v;

	if (load_org(c, &o, 0) == -1)
		return;
	if ((e = audit_history(c->db, &c->arena, "organisation", o.id,
	    &entries, &n)) != DB_OK) {
		fail(c, e);
		return;
	}
	v = (struct dir_history_view){ &c->session, o.id, o.name, entries, n };
	app_begin_page(c);
	ui_org_history(&c->html, &v);
}

static const struct route routes[] = {
	{ "/people", people_list, NULL, 0, ROLE_VIEWER },
	{ "/people.csv", people_csv, NULL, 0, ROLE_VIEWER },
	{ "/people/new", person_new_get, person_new_post, 0, WRITE_ROLE },
	{ "/people/duplicates", people_duplicates, NULL, 0, ROLE_VIEWER },
	{ "/people/merges/:id/undo", NULL, merge_undo_post, 0, WRITE_ROLE },
	{ "/people/:id/merge", NULL, person_merge_post, 0, WRITE_ROLE },
	{ "/people/:id", person_show, NULL, 0, ROLE_VIEWER },
	{ "/people/:id/edit", person_edit_get, person_edit_post, 0,
	    WRITE_ROLE },
	{ "/people/:id/delete", NULL, person_delete_post, 0, WRITE_ROLE },
	{ "/people/:id/restore", NULL, person_restore_post, 0, WRITE_ROLE },
	{ "/people/:id/history", person_history, NULL, 0, ROLE_VIEWER },
	{ "/organisations", orgs_list, NULL, 0, ROLE_VIEWER },
	{ "/organisations/new", org_new_get, org_new_post, 0, WRITE_ROLE },
	{ "/organisations/:id", org_show, NULL, 0, ROLE_VIEWER },
	{ "/organisations/:id/edit", org_edit_get, org_edit_post, 0,
	    WRITE_ROLE },
	{ "/organisations/:id/delete", NULL, org_delete_post, 0, WRITE_ROLE },
	{ "/organisations/:id/restore", NULL, org_restore_post, 0,
	    WRITE_ROLE },
	{ "/organisations/:id/history", org_history, NULL, 0, ROLE_VIEWER },
};

int
main(void)
{
	const struct app app = { "people", routes,
	    sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
