/*
 * The person and organisation forms of the directory: their input
 * tables, the options the database gives them per request, and the
 * steps from a GET or POST to the page, the 303 or the 409.  The
 * handlers in cgi-bin/people.c load the record and call these.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "dir_form.h"
#include "directory.h"
#include "form.h"
#include "html.h"
#include "privacy_basis.h"
#include "ui.h"
#include "ui_directory.h"

/* --- the input tables ---------------------------------------------------- */

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
	/* Required unless editing someone with none recorded yet. */
	[PF_BASIS] = { "lawful_basis", "Lawful basis", FIELD_SELECT, 0, 0,
	    NULL, NULL, "Why we hold their details (UK GDPR article 6). "
	    "Public role: an office holder whose details are published.",
	    NULL },
	[PF_BASIS_DATE] = { "basis_date", "Basis date", FIELD_DATE, 0, 10,
	    NULL, "off", "When the basis was established; for consent, the "
	    "day they gave it.", NULL },
	[PF_BASIS_NOTE] = { "basis_note", "Basis note", FIELD_TEXTAREA, 0,
	    PRIVACY_NOTE_MAX, NULL, NULL, "What they consented to, or the "
	    "interest we weighed.", NULL },
	[PF_SOURCE] = { "data_source", "Source", FIELD_TEXT, 0,
	    PRIVACY_SOURCE_MAX, NULL, "off", "Where their details came "
	    "from: a register, a website, a meeting.", NULL },
	[PF_VERSION] = { "version", "Version", FIELD_HIDDEN, 0, 20,
	    validate_integer, NULL, NULL, NULL },
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

long long
dir_id(const char *s)
{
	char		*end;
	long long	 n;

	if (s == NULL || *s < '1' || *s > '9')
		return 0;
	n = strtoll(s, &end, 10);
	return *end == '\0' && n > 0 ? n : 0;
}

static const char *
id_string(struct arena *a, long long id)
{
	return id != 0 ? arena_printf(a, "%lld", id) : "";
}

void
dir_fail(struct ctx *c, enum db_err e)
{
	if (e == DB_NOTFOUND)
		app_error(c, 404, NULL);
	else
		app_db_error(c, e);
}

void
dir_redirect(struct ctx *c, const char *base, long long id, const char *flag)
{
	const char	*to = arena_printf(&c->arena, "%s/%lld?%s=1", base, id,
	    flag);

	if (to == NULL) {
		app_error(c, 500, NULL);
		return;
	}
	resp_redirect(&c->resp, to);
}

int
dir_person_load(struct ctx *c, struct person *p, int live)
{
	enum db_err	 e;

	if ((e = person_get(c->db, &c->arena, c->id, p)) != DB_OK) {
		dir_fail(c, e);
		return -1;
	}
	if (live && p->deleted) {
		app_error(c, 409, "This person has been deleted. Restore them "
		    "first if you want to edit them.");
		return -1;
	}
	return 0;
}

int
dir_org_load(struct ctx *c, struct organisation *o, int live)
{
	enum db_err	 e;

	if ((e = org_get(c->db, &c->arena, c->id, o)) != DB_OK) {
		dir_fail(c, e);
		return -1;
	}
	if (live && o->deleted) {
		app_error(c, 409, "This organisation has been deleted. Restore "
		    "it first if you want to edit it.");
		return -1;
	}
	return 0;
}

/* A copy of a field table in the arena, so options can be set. */
static struct form_field *
fields_copy(struct arena *a, const struct form_field *fields, size_t n)
{
	struct form_field	*f;

	if ((f = arena_alloc(a, n * sizeof(*f))) != NULL)
		memcpy(f, fields, n * sizeof(*f));
	return f;
}

/* A code/label table as select options, after a first empty option. */
static struct field_option *
code_options(struct arena *a, const struct code_label *t, const char *empty)
{
	struct field_option	*o;
	size_t			 n, i;

	for (n = 0; t[n].code != NULL; n++)
		continue;
	if ((o = arena_alloc(a, (n + 2) * sizeof(*o))) == NULL)
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
org_options(struct db *db, struct arena *a, long long exclude, long long keep,
    const char *keep_name, struct field_option **out)
{
	const struct org_filter	 all = { NULL, NULL, 0, 0, 0 };
	struct organisation	*o;
	struct field_option	*opt;
	size_t			 n, total, i, k = 1;
	int			 kept = keep == 0;
	enum db_err		 e;

	if ((e = org_list(db, a, &all, &o, &n, &total)) != DB_OK)
		return e;
	if ((opt = arena_alloc(a, (n + 3) * sizeof(*opt))) == NULL)
		return DB_NOMEM;
	opt[0].value = "";
	opt[0].label = "None";
	for (i = 0; i < n; i++) {
		if (o[i].id == exclude)
			continue;
		kept |= o[i].id == keep;
		opt[k].value = id_string(a, o[i].id);
		opt[k++].label = arena_printf(a, "%s (%s)", o[i].name,
		    code_label(org_kinds, o[i].kind));
	}
	if (!kept) {
		opt[k].value = id_string(a, keep);
		opt[k++].label = arena_printf(a, "%s (deleted)", nz(keep_name));
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

struct conflict_row *
dir_conflict_rows(struct arena *a, const struct form *yours,
    const struct form *saved, size_t *n)
{
	struct conflict_row	*r;
	size_t			 i;

	*n = 0;
	if ((r = arena_alloc(a, yours->nfields * sizeof(*r))) == NULL)
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

/* --- a person ------------------------------------------------------------ */

/*
 * The lawful bases as options.  A new person, or one whose basis is
 * recorded, must have one; someone with none recorded yet may be saved
 * without, so that correcting a phone number does not wait on it.
 */
static struct field_option *
basis_options(struct arena *a, int required)
{
	struct field_option	*o;
	size_t			 n, i;

	for (n = 0; lawful_bases[n].code != NULL; n++)
		continue;
	if ((o = arena_alloc(a, (n + 2) * sizeof(*o))) == NULL)
		return NULL;
	o[0].value = "";
	o[0].label = required ? "Choose a lawful basis" : "Not recorded yet";
	for (i = 0; i < n; i++) {
		o[i + 1].value = lawful_bases[i].code;
		o[i + 1].label = lawful_bases[i].label;
	}
	o[n + 1].value = o[n + 1].label = NULL;
	return o;
}

static enum db_err
category_options(struct db *db, struct arena *a, struct field_option **out)
{
	struct category		*cat;
	struct field_option	*o;
	size_t			 n, i;
	enum db_err		 e;

	if ((e = categories_list(db, a, &cat, &n)) != DB_OK)
		return e;
	if ((o = arena_alloc(a, (n + 2) * sizeof(*o))) == NULL)
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

enum db_err
dir_person_fields(struct db *db, struct arena *a, const struct person *saved,
    const struct form_field **out)
{
	struct form_field	*f;
	struct field_option	*cats, *orgs, *bases;
	int			 required = saved == NULL ||
	    privacy_basis(saved->lawful_basis) != NULL;
	enum db_err		 e;

	if ((f = fields_copy(a, person_fields, PF__MAX)) == NULL ||
	    (bases = basis_options(a, required)) == NULL)
		return DB_NOMEM;
	f[PF_BASIS].options = bases;
	if (required)
		f[PF_BASIS].flags |= FIELD_REQUIRED;
	if ((e = category_options(db, a, &cats)) != DB_OK)
		return e;
	if ((e = org_options(db, a, 0, saved ? saved->organisation_id : 0,
	    saved ? saved->organisation_name : NULL, &orgs)) != DB_OK)
		return e;
	f[PF_CATEGORY].options = cats;
	f[PF_ORGANISATION].options = orgs;
	*out = f;
	return DB_OK;
}

int
dir_person_fill(struct arena *a, const struct form_field *fields,
    const struct person *p, struct form *f)
{
	struct form_value	*v;

	if (form_init(f, a, fields, PF__MAX) == -1)
		return -1;
	v = f->values;
	v[PF_NAME].value = nz(p->full_name);
	v[PF_CATEGORY].value = nz(p->category);
	v[PF_ROLE].value = nz(p->role_title);
	v[PF_PARTY].value = nz(p->party);
	v[PF_HOUSE].value = nz(p->house);
	v[PF_CONSTITUENCY].value = nz(p->constituency);
	v[PF_ORGANISATION].value = id_string(a, p->organisation_id);
	v[PF_EMAIL].value = nz(p->email);
	v[PF_PHONE].value = nz(p->phone);
	v[PF_NOTES].value = nz(p->notes);
	v[PF_CURRENT].value = p->is_current ? "yes" : "no";
	v[PF_PRESS].value = p->press_watch ? p->press_watch : "auto";
	v[PF_BASIS].value = nz(p->lawful_basis);
	v[PF_BASIS_DATE].value = nz(p->basis_date);
	v[PF_BASIS_NOTE].value = nz(p->basis_note);
	v[PF_SOURCE].value = nz(p->data_source);
	v[PF_VERSION].value = arena_printf(a, "%d", p->version);
	return v[PF_ORGANISATION].value && v[PF_VERSION].value ? 0 : -1;
}

void
dir_person_take(const struct form *f, long long id, struct person *p)
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
	p->lawful_basis = v[PF_BASIS].value;
	p->basis_date = v[PF_BASIS_DATE].value;
	p->basis_note = v[PF_BASIS_NOTE].value;
	p->data_source = v[PF_SOURCE].value;
	p->version = (int)strtol(v[PF_VERSION].value, NULL, 10);
}

int
dir_person_read(struct arena *a, const struct form_field *fields,
    const struct params *posted, const char *today, struct form *f)
{
	struct form_value	*v;
	struct basis_problems	 bp;

	if (form_read(f, a, fields, PF__MAX, posted) < 0)
		return -1;
	v = f->values;
	/* Each field's own check first: its message says more. */
	if (v[PF_BASIS].error == NULL && v[PF_BASIS_DATE].error == NULL &&
	    v[PF_SOURCE].error == NULL && v[PF_BASIS_NOTE].error == NULL &&
	    privacy_basis_check(v[PF_BASIS].value, v[PF_BASIS_DATE].value,
	    v[PF_SOURCE].value, v[PF_BASIS_NOTE].value, today, &bp) > 0) {
		if (bp.basis != NULL)
			form_set_error(f, "lawful_basis", bp.basis);
		if (bp.date != NULL)
			form_set_error(f, "basis_date", bp.date);
		if (bp.source != NULL)
			form_set_error(f, "data_source", bp.source);
	}
	return (int)f->nerrors;
}

/* --- an organisation ----------------------------------------------------- */

enum db_err
dir_org_fields(struct db *db, struct arena *a, const struct organisation *saved,
    const struct form_field **out)
{
	struct form_field	*f;
	struct field_option	*kinds, *mediums, *parents;
	enum db_err		 e;

	if ((f = fields_copy(a, org_fields, OF__MAX)) == NULL ||
	    (kinds = code_options(a, org_kinds, "Choose a kind")) == NULL ||
	    (mediums = code_options(a, media, "None")) == NULL)
		return DB_NOMEM;
	if ((e = org_options(db, a, saved ? saved->id : 0,
	    saved ? saved->parent_id : 0, saved ? saved->parent_name : NULL,
	    &parents)) != DB_OK)
		return e;
	f[OF_KIND].options = kinds;
	f[OF_MEDIUM].options = mediums;
	f[OF_PARENT].options = parents;
	*out = f;
	return DB_OK;
}

int
dir_org_fill(struct arena *a, const struct form_field *fields,
    const struct organisation *o, struct form *f)
{
	struct form_value	*v;

	if (form_init(f, a, fields, OF__MAX) == -1)
		return -1;
	v = f->values;
	v[OF_NAME].value = nz(o->name);
	v[OF_KIND].value = nz(o->kind);
	v[OF_MEDIUM].value = nz(o->medium);
	v[OF_PARENT].value = id_string(a, o->parent_id);
	v[OF_WEBSITE].value = nz(o->website);
	v[OF_NOTES].value = nz(o->notes);
	v[OF_VERSION].value = arena_printf(a, "%d", o->version);
	return v[OF_PARENT].value && v[OF_VERSION].value ? 0 : -1;
}

void
dir_org_take(const struct form *f, long long id, struct organisation *o)
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

int
dir_org_read(struct arena *a, const struct form_field *fields,
    const struct params *posted, struct form *f)
{
	if (form_read(f, a, fields, OF__MAX, posted) < 0)
		return -1;
	org_check_medium(f);
	return (int)f->nerrors;
}

/* --- the form pages ------------------------------------------------------ */

/* What the person and organisation forms differ in, past their types. */
struct dir_kind {
	const char	*base;		/* where a saved record is shown */
	size_t		 version;	/* the index of the hidden version */
	int		 is_person;	/* for ui_directory_conflict() */
	void		(*render)(struct html *, const struct dir_form_view *);
};

static const struct dir_kind person_kind = { "/people", PF_VERSION, 1,
    ui_person_form };
static const struct dir_kind org_kind = { "/organisations", OF_VERSION, 0,
    ui_org_form };

/* The record a form page is about: id 0 and no name for a new one. */
struct dir_record {
	long long	 id;
	const char	*name;
};

static struct dir_record
person_record(const struct person *p)
{
	return (struct dir_record){ p ? p->id : 0, p ? p->full_name : NULL };
}

static struct dir_record
org_record(const struct organisation *o)
{
	return (struct dir_record){ o ? o->id : 0, o ? o->name : NULL };
}

static void
show_form(struct ctx *c, const struct dir_kind *k, int status,
    struct dir_record r, const struct form *f, const struct conflict_row *rows,
    size_t nrows)
{
	const struct dir_form_view v = { &c->session, r.id, r.name, f, rows,
	    nrows };

	c->resp.status = status;
	app_begin_page(c);
	if (nrows > 0)
		ui_directory_conflict(&c->html, &v, k->is_person);
	else
		k->render(&c->html, &v);
}

/*
 * A form just filled (filled is the fill's result) shown as a 200 page,
 * or the 500 page when filling ran out of memory.
 */
static void
show_filled(struct ctx *c, const struct dir_kind *k, struct dir_record r,
    const struct form *f, int filled)
{
	if (filled == -1) {
		app_error(c, 500, NULL);
		return;
	}
	show_form(c, k, 200, r, f, NULL, 0);
}

/*
 * After reading a posted form (bad is the number of fields in error, -1
 * out of memory): 1 when it is valid; else 0 with the form shown again
 * as a 400 page, or -1 with the 500 page.
 */
static int
read_valid(struct ctx *c, const struct dir_kind *k, struct dir_record r,
    struct form *f, int bad)
{
	if (bad < 0) {
		app_error(c, 500, NULL);
		return -1;
	}
	if (bad == 0)
		return 1;
	show_form(c, k, 400, r, f, NULL, 0);
	return 0;
}

/*
 * Someone saved since the form was loaded: show both versions (saved is
 * now's form, filled is its fill's result), with the user's values in the
 * form and the saved version number, so that saving again is a
 * deliberate overwrite.
 */
static void
show_conflict(struct ctx *c, const struct dir_kind *k, struct dir_record now,
    struct form *yours, const struct form *saved, int filled)
{
	struct conflict_row	*rows;
	size_t			 n;

	if (filled == -1 ||
	    (rows = dir_conflict_rows(&c->arena, yours, saved, &n)) == NULL) {
		app_error(c, 500, NULL);
		return;
	}
	yours->values[k->version].value = saved->values[k->version].value;
	show_form(c, k, 409, now, yours, rows, n);
}

/* After the save: the 303 to the record, or the error page. */
static void
saved_or_fail(struct ctx *c, const struct dir_kind *k, enum db_err e,
    long long id)
{
	if (e != DB_OK)
		dir_fail(c, e);
	else
		dir_redirect(c, k->base, id, "saved");
}

void
dir_person_form_get(struct ctx *c, const struct person *saved)
{
	const struct form_field	*fields;
	struct form		 f;
	enum db_err		 e;
	int			 filled;

	if ((e = dir_person_fields(c->db, &c->arena, saved, &fields)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	filled = saved != NULL ? dir_person_fill(&c->arena, fields, saved, &f) :
	    form_init(&f, &c->arena, fields, PF__MAX);
	if (filled == 0 && saved == NULL) {
		f.values[PF_CURRENT].value = "yes";
		f.values[PF_PRESS].value = "auto";
	}
	show_filled(c, &person_kind, person_record(saved), &f, filled);
}

static void
person_conflict(struct ctx *c, struct form *yours)
{
	struct person	 now;
	struct form	 saved;
	int		 filled;

	if (dir_person_load(c, &now, 1) == -1)
		return;
	filled = dir_person_fill(&c->arena, yours->fields, &now, &saved);
	show_conflict(c, &person_kind, person_record(&now), yours, &saved,
	    filled);
}

void
dir_person_form_post(struct ctx *c, const struct person *saved)
{
	const struct form_field	*fields;
	struct person		 p;
	struct form		 f;
	char			 today[11];
	enum db_err		 e;

	if ((e = dir_person_fields(c->db, &c->arena, saved, &fields)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	app_today(today);
	if (read_valid(c, &person_kind, person_record(saved), &f,
	    dir_person_read(&c->arena, fields, &c->req.form, today, &f)) != 1)
		return;
	dir_person_take(&f, saved ? saved->id : 0, &p);
	e = person_save(c->db, app_actor(c), &p);
	if (e == DB_CONFLICT && saved != NULL)
		person_conflict(c, &f);
	else
		saved_or_fail(c, &person_kind, e, p.id);
}

void
dir_org_form_get(struct ctx *c, const struct organisation *saved)
{
	const struct form_field	*fields;
	struct form		 f;
	enum db_err		 e;
	int			 filled;

	if ((e = dir_org_fields(c->db, &c->arena, saved, &fields)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	filled = saved != NULL ? dir_org_fill(&c->arena, fields, saved, &f) :
	    form_init(&f, &c->arena, fields, OF__MAX);
	show_filled(c, &org_kind, org_record(saved), &f, filled);
}

static void
org_conflict(struct ctx *c, struct form *yours)
{
	struct organisation	 now;
	struct form		 saved;
	int			 filled;

	if (dir_org_load(c, &now, 1) == -1)
		return;
	filled = dir_org_fill(&c->arena, yours->fields, &now, &saved);
	show_conflict(c, &org_kind, org_record(&now), yours, &saved, filled);
}

void
dir_org_form_post(struct ctx *c, const struct organisation *saved)
{
	const struct form_field	*fields;
	struct organisation	 o;
	struct form		 f;
	enum db_err		 e;

	if ((e = dir_org_fields(c->db, &c->arena, saved, &fields)) != DB_OK) {
		dir_fail(c, e);
		return;
	}
	if (read_valid(c, &org_kind, org_record(saved), &f, dir_org_read(
	    &c->arena, fields, &c->req.form, &f)) != 1)
		return;
	dir_org_take(&f, saved ? saved->id : 0, &o);
	e = org_save(c->db, app_actor(c), &o);
	if (e == DB_CONFLICT && saved != NULL)
		org_conflict(c, &f);
	else
		saved_or_fail(c, &org_kind, e, o.id);
}
