/*
 * The engagement form between round trips: the choices it offers, what
 * the user has put on it so far, and the steps of a POST (resolve typed
 * people, add a new person, save with its conflict page).  The handlers
 * in cgi-bin/engagements.c call these and pick what to show.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "csv.h"
#include "directory.h"
#include "eng_form.h"
#include "engagements.h"
#include "form.h"
#include "privacy_basis.h"
#include "ui.h"
#include "ui_engagements.h"
#include "users.h"

#define MAX_FOLLOWUPS	50
#define MAX_NAMESAKES	10	/* named in a message */

static const struct field_option medium_options[] = {
	{ "", "Not a media appearance" }, { "print", "Print" },
	{ "broadcast", "Broadcast" }, { "online", "Online" }, { NULL, NULL },
};

/* The type select's options are filled in from the database per request. */
static const struct form_field eng_fields[F__MAX] = {
	[F_VERSION] = { "version", "Version", FIELD_HIDDEN, 0, 12,
	    validate_integer, NULL, NULL, NULL },
	[F_DATE] = { "date", "Date", FIELD_DATE, FIELD_REQUIRED, 10, NULL,
	    NULL, NULL, NULL },
	[F_TIME] = { "time", "Time (optional)", FIELD_TIME, 0, 5, NULL, NULL,
	    NULL, NULL },
	[F_TYPE] = { "type", "Type", FIELD_SELECT, FIELD_REQUIRED, 40, NULL,
	    NULL, NULL, NULL },
	[F_TITLE] = { "title", "Title", FIELD_TEXT, FIELD_REQUIRED, 300, NULL,
	    NULL, "A line that says what it was, e.g. \"Briefing on UASC "
	    "with Sarah Jones MP\".", NULL },
	[F_PEOPLE] = { "people", "People", FIELD_TEXT, 0, 300, NULL, NULL,
	    NULL, NULL },
	[F_SUMMARY] = { "summary", "Summary", FIELD_TEXTAREA, 0, 20000, NULL,
	    NULL, "Markdown: **bold**, lists with -, links as "
	    "[text](https://...).", NULL },
	[F_OUTCOME] = { "outcome", "Outcome", FIELD_TEXTAREA, 0, 20000, NULL,
	    NULL, "What came of it, what was agreed.", NULL },
	[F_OUTLET] = { "media_outlet", "Outlet", FIELD_TEXT, 0, 20,
	    validate_integer, NULL, NULL, NULL },
	[F_MEDIUM] = { "media_medium", "Medium", FIELD_SELECT, 0, 20, NULL,
	    NULL, NULL, medium_options },
	[F_PROGRAMME] = { "media_programme", "Programme or publication",
	    FIELD_TEXT, 0, 300, NULL, NULL, NULL, NULL },
	[F_LINK] = { "media_link", "Link", FIELD_TEXT, 0, 1000, NULL, "url",
	    NULL, NULL },
	[F_NEW_CATEGORY] = { "new_category", "Their category", FIELD_TEXT, 0,
	    40, NULL, NULL, NULL, NULL },
	[F_MENTION] = { "mention", "Mention", FIELD_HIDDEN, 0, 20,
	    validate_integer, NULL, NULL, NULL },
	[F_NEW_PARTY] = { "new_party", "Their party", FIELD_TEXT, 0, 100,
	    NULL, NULL, NULL, NULL },
	[F_NEW_BASIS] = { "new_basis", "Why we hold their details",
	    FIELD_TEXT, 0, 40, NULL, NULL, NULL, NULL },
};


static const char *
id_text(struct arena *a, long long id)
{
	return arena_printf(a, "%lld", id);
}

static enum db_err
load_types(struct ctx *c, struct choices *ch)
{
	enum db_err	 e;
	size_t		 i;

	if ((e = engagement_types(c->db, &c->arena, &ch->types, &ch->ntypes)))
		return e;
	ch->type_opts = arena_alloc(&c->arena, (ch->ntypes + 1) *
	    sizeof(*ch->type_opts));
	ch->type_fopts = arena_alloc(&c->arena, (ch->ntypes + 1) *
	    sizeof(*ch->type_fopts));
	if (ch->type_opts == NULL || ch->type_fopts == NULL)
		return DB_NOMEM;
	for (i = 0; i < ch->ntypes; i++) {
		ch->type_opts[i] = (struct option){ ch->types[i].code,
		    ch->types[i].label };
		ch->type_fopts[i] = (struct field_option){ ch->types[i].code,
		    ch->types[i].label };
	}
	memcpy(ch->fields, eng_fields, sizeof(eng_fields));
	ch->fields[F_TYPE].options = ch->type_fopts;
	return DB_OK;
}

static enum db_err
load_categories(struct ctx *c, struct option **out, size_t *n)
{
	struct category	*cats;
	enum db_err	 e;
	size_t		 i;

	if ((e = categories_list(c->db, &c->arena, &cats, n)) != DB_OK)
		return e;
	if ((*out = arena_alloc(&c->arena, (*n + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < *n; i++)
		(*out)[i] = (struct option){ cats[i].code, cats[i].label };
	return DB_OK;
}

static enum db_err
load_areas(struct ctx *c, struct option **out, size_t *n, int marked)
{
	struct policy_area	*pa;
	enum db_err		 e;
	size_t			 i;

	if ((e = policy_areas_list(c->db, &c->arena, 0, &pa, n)) != DB_OK)
		return e;
	if ((*out = arena_alloc(&c->arena, (*n + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < *n; i++)
		(*out)[i] = (struct option){ id_text(&c->arena, pa[i].id),
		    marked && pa[i].priority ? arena_printf(&c->arena,
		    "%s (priority)", pa[i].name) : pa[i].name };
	return DB_OK;
}

/* One organisation as an option, and as an outlet when it is one. */
static void
add_org(struct ctx *c, struct choices *ch, const struct organisation *o)
{
	const char *id = id_text(&c->arena, o->id);

	ch->orgs[ch->norgs++] = (struct option){ id, arena_printf(&c->arena,
	    "%s (%s)", o->name, code_label(org_kinds, o->kind)) };
	if (strcmp(o->kind, "media_outlet") == 0)
		ch->outlets[ch->noutlets++] = (struct option){ id, o->name };
}

static int
alloc_orgs(struct ctx *c, struct choices *ch, size_t n)
{
	ch->norgs = ch->noutlets = 0;
	ch->orgs = arena_alloc(&c->arena, (n + 1) * sizeof(*ch->orgs));
	ch->outlets = arena_alloc(&c->arena, (n + 1) * sizeof(*ch->outlets));
	return ch->orgs != NULL && ch->outlets != NULL ? 0 : -1;
}

/*
 * Organisations for the multiple select, and media outlets for the
 * outlet select, with their kind or medium so like names are told apart.
 */
static enum db_err
load_orgs(struct ctx *c, struct choices *ch)
{
	const struct org_filter	 f = { NULL, NULL, 0, 0, 0 };
	struct organisation	*o;
	enum db_err		 e;
	size_t			 i, n, total;

	if ((e = org_list(c->db, &c->arena, &f, &o, &n, &total)) != DB_OK)
		return e;
	if (alloc_orgs(c, ch, n) == -1)
		return DB_NOMEM;
	for (i = 0; i < n; i++)
		add_org(c, ch, &o[i]);
	return DB_OK;
}

/*
 * Only the organisations a posted form links (its org_id values), each
 * looked up by id: a save need not read, sort and label every
 * organisation to check the few it links.  Ids that are not live
 * organisations are left out, as they are not among the full list's
 * options.  More than ORGS_POSTED_MAX ids: the whole list, which costs
 * less than that many lookups.
 */
#define ORGS_POSTED_MAX	64
static enum db_err
load_posted_orgs(struct ctx *c, struct choices *ch)
{
	struct organisation	 o;
	size_t			 i, n = params_count(&c->req.form, "org_id");
	enum db_err		 e;

	if (n > ORGS_POSTED_MAX)
		return load_orgs(c, ch);
	if (alloc_orgs(c, ch, n) == -1)
		return DB_NOMEM;
	for (i = 0; i < n; i++) {
		const char	*v = params_nth(&c->req.form, "org_id", i);
		char		*end;
		long long	 id = strtoll(v, &end, 10);

		if (id <= 0 || *end != '\0' ||
		    option_offered(ch->orgs, ch->norgs, v))
			continue;
		if ((e = org_get(c->db, &c->arena, id, &o)) == DB_NOTFOUND)
			continue;
		if (e != DB_OK)
			return e;
		if (!o.deleted)
			add_org(c, ch, &o);
	}
	return DB_OK;
}

static enum db_err
load_users(struct ctx *c, struct option **out, size_t *n)
{
	struct user	*u;
	enum db_err	 e;
	size_t		 i, all;

	*n = 0;
	if ((e = user_list(c->db, &c->arena, &u, &all)) != DB_OK)
		return e;
	if ((*out = arena_alloc(&c->arena, (all + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < all; i++)
		if (!u[i].disabled)
			(*out)[(*n)++] = (struct option){
			    id_text(&c->arena, u[i].id), u[i].display_name };
	return DB_OK;
}

/*
 * Everything but people: the People field's type-ahead asks
 * GET /people/search.json as the user types (htdocs/static/tracker.js),
 * so the form's size does not grow with the directory.  posted: only the
 * organisations the posted form links (eng_choices_load_posted()).
 */
static enum db_err
choices_load(struct ctx *c, struct choices *ch, int posted)
{
	enum db_err	 e;

	memset(ch, 0, sizeof(*ch));
	if ((e = load_types(c, ch)) == DB_OK &&
	    (e = load_categories(c, &ch->categories, &ch->ncategories)) == DB_OK &&
	    (e = posted ? load_posted_orgs(c, ch) : load_orgs(c, ch)) == DB_OK &&
	    (e = load_areas(c, &ch->areas, &ch->nareas, 1)) == DB_OK)
		e = load_users(c, &ch->users, &ch->nusers);
	return e;
}

enum db_err
eng_choices_load(struct ctx *c, struct choices *ch)
{
	return choices_load(c, ch, 0);
}

enum db_err
eng_choices_load_posted(struct ctx *c, struct choices *ch)
{
	return choices_load(c, ch, 1);
}

/* The whole organisation lists, for showing the form after a posted load. */
enum db_err
eng_choices_load_orgs(struct ctx *c, struct choices *ch)
{
	return load_orgs(c, ch);
}

/* Append an option unless its value is there already. */
static int
add_option(struct arena *a, struct option **opts, size_t *n, long long id,
    const char *name, const char *note)
{
	const char	*value = id_text(a, id);
	struct option	*grown;
	size_t		 i;

	for (i = 0; i < *n; i++)
		if (strcmp((*opts)[i].value, value) == 0)
			return 0;
	if ((grown = arena_alloc(a, (*n + 2) * sizeof(*grown))) == NULL)
		return -1;
	if (*n)
		memcpy(grown, *opts, *n * sizeof(*grown));
	grown[*n].value = value;
	grown[*n].label = arena_printf(a, "%s (%s)", name, note);
	*opts = grown;
	(*n)++;
	return 0;
}

/*
 * When editing, what the engagement already links to stays choosable even
 * if it has since been retired, deleted or disabled: fixing a typo in the
 * title must not silently drop a link.
 */
int
eng_keep_current(struct ctx *c, struct choices *ch, const struct engagement *e)
{
	size_t	 i;

	for (i = 0; i < e->norgs; i++)
		if (add_option(&c->arena, &ch->orgs, &ch->norgs, e->orgs[i].id,
		    e->orgs[i].name, "deleted") == -1)
			return -1;
	for (i = 0; i < e->nareas; i++)
		if (add_option(&c->arena, &ch->areas, &ch->nareas,
		    e->areas[i].id, e->areas[i].name, "retired") == -1)
			return -1;
	for (i = 0; i < e->nstaff; i++)
		if (add_option(&c->arena, &ch->users, &ch->nusers,
		    e->staff[i].id, e->staff[i].name, "disabled") == -1)
			return -1;
	for (i = 0; i < e->nfollowups; i++)
		if (e->followups[i].owner_id != 0 &&
		    add_option(&c->arena, &ch->users, &ch->nusers,
		    e->followups[i].owner_id, e->followups[i].owner_name,
		    "disabled") == -1)
			return -1;
	if (e->media_outlet_id != 0 &&
	    add_option(&c->arena, &ch->outlets, &ch->noutlets,
	    e->media_outlet_id, e->media_outlet_name, "deleted") == -1)
		return -1;
	return 0;
}


/* The values of a multiple select that are among its options. */
static const char **
picked(struct ctx *c, const char *name, const struct option *o, size_t no,
    size_t *n)
{
	size_t		 i, all = params_count(&c->req.form, name);
	const char	**out = arena_alloc(&c->arena, (all + 1) * sizeof(*out));

	*n = 0;
	for (i = 0; out != NULL && i < all; i++) {
		const char *v = params_nth(&c->req.form, name, i);

		if (option_offered(o, no, v))
			out[(*n)++] = v;
	}
	return out;
}

void
eng_form_show(struct ctx *c, const struct choices *ch, struct eng_state *st,
    const char *action, const char *title)
{
	struct eng_form_view	 v;

	memset(&v, 0, sizeof(v));
	v.session = &c->session;
	v.action = action;
	v.title = title;
	v.form = &st->form;
	v.chosen = st->people;
	v.nchosen = st->npeople;
	v.people_error = st->people_error;
	v.new_person_name = st->new_person_name;
	v.categories = ch->categories;
	v.ncategories = ch->ncategories;
	v.orgs = ch->orgs;
	v.norgs = ch->norgs;
	v.outlets = ch->outlets;
	v.noutlets = ch->noutlets;
	v.org_chosen = st->orgs;
	v.norg_chosen = st->norgs;
	v.areas = ch->areas;
	v.nareas = ch->nareas;
	v.area_chosen = st->areas;
	v.narea_chosen = st->nareas;
	v.users = ch->users;
	v.nusers = ch->nusers;
	v.staff_chosen = st->staff;
	v.nstaff_chosen = st->nstaff;
	v.followups = st->followups;
	v.nfollowups = st->nfollowups;
	v.followups_error = st->followups_error;
	v.conflict = st->conflict;
	v.nconflict = st->nconflict;
	v.not_saved = st->not_saved;
	v.confidential = st->confidential;
	app_begin_page(c);
	ui_engagement_form(&c->html, &v);
}

static int
has_person(const struct eng_state *st, long long id)
{
	size_t	 i;

	for (i = 0; i < st->npeople; i++)
		if (st->people[i].id == id)
			return 1;
	return 0;
}

static enum db_err
add_person(struct ctx *c, struct eng_state *st, const struct person *p)
{
	struct eng_person	*grown;

	if (has_person(st, p->id))
		return DB_OK;
	if ((grown = arena_alloc(&c->arena, (st->npeople + 1) *
	    sizeof(*grown))) == NULL)
		return DB_NOMEM;
	if (st->npeople)
		memcpy(grown, st->people, st->npeople * sizeof(*grown));
	grown[st->npeople].id = p->id;
	grown[st->npeople].name = p->full_name;
	grown[st->npeople].party = p->party;
	grown[st->npeople].category_label = p->category_label;
	st->people = grown;
	st->npeople++;
	return DB_OK;
}

static int
on_engagement(const struct engagement *e, long long person_id)
{
	size_t	 i;

	for (i = 0; e != NULL && i < e->npeople; i++)
		if (e->people[i].id == person_id)
			return 1;
	return 0;
}

/*
 * The people ticked on the form.  Ids that are not live people are
 * dropped, unless they were on the engagement already (since deleted).
 */
static enum db_err
read_people(struct ctx *c, const struct engagement *current,
    struct eng_state *st)
{
	size_t		 i, n = params_count(&c->req.form, "person_id");
	struct person	 p;
	enum db_err	 e;

	for (i = 0; i < n; i++) {
		long long id = strtoll(params_nth(&c->req.form, "person_id", i),
		    NULL, 10);

		e = person_get(c->db, &c->arena, id, &p);
		if (e == DB_NOTFOUND || (e == DB_OK && p.deleted &&
		    !on_engagement(current, id)))
			continue;
		if (e != DB_OK || (e = add_person(c, st, &p)) != DB_OK)
			return e;
	}
	return DB_OK;
}

/*
 * One name typed in the People field: "Name" or, for namesakes,
 * "Name #id".  Sets *n to how many live people it names.
 */
static enum db_err
lookup_typed(struct ctx *c, const char *typed, struct person **found,
    size_t *n)
{
	const char	*hash = strrchr(typed, '#');
	enum db_err	 e;

	if (hash != NULL && hash > typed && hash[-1] == ' ' &&
	    validate_integer(hash + 1) == NULL) {
		if ((*found = arena_alloc(&c->arena, sizeof(**found))) == NULL)
			return DB_NOMEM;
		e = person_get(c->db, &c->arena, strtoll(hash + 1, NULL, 10),
		    *found);
		*n = e == DB_OK && !(*found)->deleted ? 1 : 0;
		return e == DB_NOTFOUND ? DB_OK : e;
	}
	return person_find_by_name(c->db, &c->arena, typed, found, n);
}

/*
 * The namesakes as they can be typed, "Name #12 (MP, Labour), Name #40
 * (Peer)": without the type-ahead's list this is how to tell them apart.
 */
static const char *
namesakes(struct arena *a, const struct person *p, size_t n)
{
	struct buf	 b;
	const char	*s;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < n && i < MAX_NAMESAKES; i++)
		buf_printf(&b, "%s%s #%lld (%s%s%s)", i ? ", " : "",
		    p[i].full_name, p[i].id, p[i].category_label,
		    *p[i].party ? ", " : "", p[i].party);
	if (n > MAX_NAMESAKES)
		buf_printf(&b, " and %zu more (see the People pages)",
		    n - MAX_NAMESAKES);
	s = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

/*
 * Add the people typed in the People field (several when the script
 * added them as you typed).  The first unknown name stays in the field
 * with a message and the offer to add them to the directory.
 */
enum db_err
eng_people_resolve(struct ctx *c, struct eng_state *st)
{
	size_t		 i, n, count = params_count(&c->req.form, "people");
	struct person	*found;
	const char	*typed;
	enum db_err	 e;

	st->form.values[F_PEOPLE].value = "";
	for (i = 0; i < count; i++) {
		typed = params_nth(&c->req.form, "people", i);
		while (*typed == ' ')
			typed++;
		if (*typed == '\0')
			continue;
		if ((e = lookup_typed(c, typed, &found, &n)) != DB_OK)
			return e;
		if (n == 1) {
			if ((e = add_person(c, st, found)) != DB_OK)
				return e;
			continue;
		}
		if (st->people_error != NULL)
			continue;
		st->form.values[F_PEOPLE].value = typed;
		st->people_error = n == 0 ? arena_printf(&c->arena, "No one "
		    "called \u201c%s\u201d is in the directory. Check the "
		    "spelling, or add them as a new person below.", typed) :
		    arena_printf(&c->arena, "Several people are called "
		    "\u201c%s\u201d: type one of %s.", typed,
		    namesakes(&c->arena, found, n));
		if (n == 0)
			st->new_person_name = typed;
	}
	return DB_OK;
}

/*
 * "Add new person": create them in the directory and put them on the
 * form.  They get the lawful basis chosen beside their name, with the
 * form and the user as their source; their page can refine both.  A
 * basis that needs a date (consent: the day it was given) is not taken
 * here, as this form does not ask for one.
 */
enum db_err
eng_people_create(struct ctx *c, const struct choices *ch, struct eng_state *st)
{
	const char			*name = req_form(&c->req, "new_name");
	const char			*cat = st->form.values[F_NEW_CATEGORY].value;
	const struct lawful_basis	*basis =
	    privacy_basis(st->form.values[F_NEW_BASIS].value);
	struct person			 p;
	char				 today[11];
	enum db_err			 e;

	memset(&p, 0, sizeof(p));
	if (basis != NULL && basis->needs_date) {
		st->people_error = arena_printf(&c->arena, "%s needs the day "
		    "it was given, which this form does not ask: choose "
		    "another basis, or add them under People.", basis->label);
		st->new_person_name = name ? name : "";
		return st->people_error == NULL ? DB_NOMEM : DB_OK;
	}
	if (name == NULL || *name == '\0' || strlen(name) > 200 ||
	    !option_offered(ch->categories, ch->ncategories, cat) ||
	    st->form.values[F_NEW_PARTY].error != NULL || basis == NULL) {
		st->people_error = "Give the new person's name (up to 200 "
		    "characters), category, party (up to 100) and why we "
		    "hold their details.";
		st->new_person_name = name ? name : "";
		return DB_OK;
	}
	privacy_today(today);
	p.full_name = name;
	p.category = cat;
	p.party = st->form.values[F_NEW_PARTY].value;
	p.role_title = p.house = p.constituency = p.email = p.phone = "";
	p.notes = p.basis_note = "";
	p.is_current = 1;
	p.lawful_basis = basis->code;
	p.basis_date = "";
	p.data_source = arena_printf(&c->arena, "Engagement form: added by "
	    "%s, %s", app_actor(c), today);
	if (p.data_source == NULL)
		return DB_NOMEM;
	if ((e = person_save(c->db, app_actor(c), &p)) != DB_OK)
		return e;
	p.category_label = cat;
	st->form.values[F_PEOPLE].value = "";
	return add_person(c, st, &p);
}

/* Follow-up rows; a row with nothing typed is ignored. */
static int
read_followups(struct ctx *c, const struct choices *ch, struct eng_state *st)
{
	const char	*count = req_form(&c->req, "fu_count");
	size_t		 n = count ? (size_t)strtoul(count, NULL, 10) : 0, i;
	char		 name[32];

	if (n > MAX_FOLLOWUPS)
		n = MAX_FOLLOWUPS;
	if ((st->followups = arena_alloc(&c->arena, (n + 1) *
	    sizeof(*st->followups))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		struct followup	*f = &st->followups[st->nfollowups];
		const char	*owner;

#define FU(field) (snprintf(name, sizeof(name), "fu_%s_%zu", field, i), \
	req_form(&c->req, name) ? req_form(&c->req, name) : "")
		f->action = FU("action");
		owner = FU("owner");
		f->due_on = FU("due");
		f->done = strcmp(FU("done"), "1") == 0;
		f->done_at = FU("done_at");
		/* Only a timestamp this form wrote comes back; else "now". */
		if (strlen(f->done_at) != 19 ||
		    validate_date(arena_strndup(&c->arena, f->done_at, 10)) ||
		    f->done_at[10] != ' ' || validate_time(arena_strndup(
		    &c->arena, f->done_at + 11, 5)) || f->done_at[16] != ':' ||
		    strspn(f->done_at + 17, "0123456789") != 2)
			f->done_at = "";
		f->id = validate_integer(FU("id")) == NULL ?
		    strtoll(FU("id"), NULL, 10) : 0;
#undef FU
		if (*f->action == '\0' && *f->due_on == '\0' && !f->done &&
		    (*owner == '\0' || strcmp(owner, "0") == 0))
			continue;
		f->owner_id = option_offered(ch->users, ch->nusers, owner) ?
		    strtoll(owner, NULL, 10) : 0;
		f->owner_name = "";
		st->nfollowups++;
	}
	return 0;
}

/* A checkbox of the form is ticked (posted as 1). */
static int
checked(struct ctx *c, const char *name)
{
	const char	*v = req_form(&c->req, name);

	return v != NULL && strcmp(v, "1") == 0;
}

enum db_err
eng_state_read(struct ctx *c, const struct choices *ch,
    const struct engagement *current, struct eng_state *st)
{
	enum db_err	 e;

	memset(st, 0, sizeof(*st));
	if (form_read(&st->form, &c->arena, ch->fields, F__MAX,
	    &c->req.form) < 0)
		return DB_NOMEM;
	if ((e = read_people(c, current, st)) != DB_OK)
		return e;
	st->confidential = checked(c, "confidential");
	st->orgs = picked(c, "org_id", ch->orgs, ch->norgs, &st->norgs);
	st->areas = picked(c, "area_id", ch->areas, ch->nareas, &st->nareas);
	st->staff = picked(c, "staff_id", ch->users, ch->nusers, &st->nstaff);
	if (st->orgs == NULL || st->areas == NULL || st->staff == NULL ||
	    read_followups(c, ch, st) == -1)
		return DB_NOMEM;
	return DB_OK;
}

static struct eng_ref *
refs(struct arena *a, const char **ids, size_t n)
{
	struct eng_ref	*r = arena_alloc(a, (n + 1) * sizeof(*r));
	size_t		 i;

	for (i = 0; r != NULL && i < n; i++)
		r[i].id = strtoll(ids[i], NULL, 10);
	return r;
}

/* The engagement the form describes. */
static int
engagement_from(struct ctx *c, const struct eng_state *st, long long id,
    struct engagement *e)
{
	const struct form_value	*v = st->form.values;

	memset(e, 0, sizeof(*e));
	e->id = id;
	e->version = (int)strtol(v[F_VERSION].value, NULL, 10);
	e->date = v[F_DATE].value;
	e->time = v[F_TIME].value;
	e->type = v[F_TYPE].value;
	e->title = v[F_TITLE].value;
	e->summary = v[F_SUMMARY].value;
	e->outcome = v[F_OUTCOME].value;
	e->media_outlet_id = strtoll(v[F_OUTLET].value, NULL, 10);
	e->media_medium = v[F_MEDIUM].value;
	e->media_programme = v[F_PROGRAMME].value;
	e->media_link = v[F_LINK].value;
	e->confidential = st->confidential;
	e->mention_id = id == 0 && v[F_MENTION].error == NULL ?
	    strtoll(v[F_MENTION].value, NULL, 10) : 0;
	e->people = st->people;
	e->npeople = st->npeople;
	e->orgs = refs(&c->arena, st->orgs, st->norgs);
	e->norgs = st->norgs;
	e->areas = refs(&c->arena, st->areas, st->nareas);
	e->nareas = st->nareas;
	e->staff = refs(&c->arena, st->staff, st->nstaff);
	e->nstaff = st->nstaff;
	e->followups = st->followups;
	e->nfollowups = st->nfollowups;
	return e->orgs && e->areas && e->staff ? 0 : -1;
}

/* Cross-field rules: messages go beside their fields (the first one wins). */
static void
check_rules(const struct engagement *e, struct eng_state *st)
{
	struct eng_problem	 p[16];
	size_t			 n = engagement_check(e, p, 16), i, f;

	for (i = 0; i < n && i < 16; i++) {
		if (strcmp(p[i].field, "followups") == 0) {
			if (st->followups_error == NULL)
				st->followups_error = p[i].message;
			continue;
		}
		for (f = 0; f < st->form.nfields; f++)
			if (strcmp(st->form.fields[f].name, p[i].field) == 0 &&
			    st->form.values[f].error == NULL)
				form_set_error(&st->form, p[i].field,
				    p[i].message);
	}
}

static const char *
people_names(struct arena *a, const struct eng_person *p, size_t n)
{
	struct buf	 b;
	const char	*s;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", p[i].name);
	s = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

/* The saved version beside the user's, for the 409 page. */
static const char *
type_label(const struct choices *ch, const char *code)
{
	size_t	 i;

	for (i = 0; i < ch->ntypes; i++)
		if (strcmp(ch->types[i].code, code) == 0)
			return ch->types[i].label;
	return code;
}

static enum db_err
prepare_conflict(struct ctx *c, const struct choices *ch,
    const struct engagement *mine, struct eng_state *st)
{
	struct engagement	 now;
	enum db_err		 e;

	if ((e = engagement_get(c->db, &c->arena, mine->id, &now)) != DB_OK)
		return e;
	if ((st->conflict = arena_alloc(&c->arena, 8 *
	    sizeof(*st->conflict))) == NULL)
		return DB_NOMEM;
#define ROW(l, y, t) st->conflict[st->nconflict++] = \
	(struct conflict_row){ (l), (y), (t) }
	ROW("Date", mine->date, now.date);
	ROW("Time", mine->time, now.time);
	ROW("Type", type_label(ch, mine->type), now.type_label);
	ROW("Title", mine->title, now.title);
	ROW("People", people_names(&c->arena, mine->people, mine->npeople),
	    people_names(&c->arena, now.people, now.npeople));
	ROW("Summary", mine->summary, now.summary);
	ROW("Outcome", mine->outcome, now.outcome);
	ROW("Deleted", "no", now.deleted ? "yes" : "no");
#undef ROW
	st->form.values[F_VERSION].value = id_text(&c->arena, now.version);
	return DB_OK;
}

/* Save the form; on success redirect, else leave the status for show_form. */
enum db_err
eng_save(struct ctx *c, const struct choices *ch, struct eng_state *st,
    long long id, int *shown)
{
	struct engagement	 e;
	enum db_err		 err;

	*shown = 0;
	if (engagement_from(c, st, id, &e) == -1)
		return DB_NOMEM;
	check_rules(&e, st);
	if (st->form.nerrors > 0 || st->people_error != NULL ||
	    st->followups_error != NULL) {
		c->resp.status = 400;
		return DB_OK;
	}
	err = engagement_save(c->db, app_actor(c), c->session.user_id, &e);
	if (err == DB_CONFLICT) {
		c->resp.status = 409;
		return prepare_conflict(c, ch, &e, st);
	}
	if (err != DB_OK)
		return err;
	resp_redirect(&c->resp, arena_printf(&c->arena,
	    "/engagements/%lld?saved=1", e.id));
	*shown = 1;
	return DB_OK;
}

static const char **
ref_ids(struct arena *a, const struct eng_ref *r, size_t n)
{
	const char	**ids = arena_alloc(a, (n + 1) * sizeof(*ids));
	size_t		 i;

	for (i = 0; ids != NULL && i < n; i++)
		ids[i] = id_text(a, r[i].id);
	return ids;
}

/* The form's state from a saved engagement. */
int
eng_state_from(struct ctx *c, const struct choices *ch, const struct engagement *e,
    struct eng_state *st)
{
	struct form_value	*v;

	memset(st, 0, sizeof(*st));
	if (form_init(&st->form, &c->arena, ch->fields, F__MAX) == -1)
		return -1;
	v = st->form.values;
	v[F_VERSION].value = id_text(&c->arena, e->version);
	v[F_DATE].value = e->date;
	v[F_TIME].value = e->time;
	v[F_TYPE].value = e->type;
	v[F_TITLE].value = e->title;
	v[F_SUMMARY].value = e->summary;
	v[F_OUTCOME].value = e->outcome;
	v[F_OUTLET].value = e->media_outlet_id ?
	    id_text(&c->arena, e->media_outlet_id) : "";
	v[F_MEDIUM].value = e->media_medium;
	v[F_PROGRAMME].value = e->media_programme;
	v[F_LINK].value = e->media_link;
	st->people = e->people;
	st->npeople = e->npeople;
	st->orgs = ref_ids(&c->arena, e->orgs, e->norgs);
	st->norgs = e->norgs;
	st->areas = ref_ids(&c->arena, e->areas, e->nareas);
	st->nareas = e->nareas;
	st->staff = ref_ids(&c->arena, e->staff, e->nstaff);
	st->nstaff = e->nstaff;
	st->followups = e->followups;
	st->nfollowups = e->nfollowups;
	st->confidential = e->confidential;
	return st->orgs && st->areas && st->staff ? 0 : -1;
}

/* A code of the table, or NULL. */
static const char *
known_code(const struct code_label *t, const char *code)
{
	for (; code != NULL && t->code != NULL; t++)
		if (strcmp(t->code, code) == 0)
			return code;
	return NULL;
}

/*
 * The filters the report's numbers link with.  as_at=then: the party and
 * category filters mean a person's party and category on each
 * engagement's date (lib/eng_sql.h), the rule the report counts by; else
 * today's, as the directory shows them.
 */
static void
eng_filter_read_report(struct ctx *c, struct eng_filter *f)
{
	const char	*v;

	f->medium = known_code(media, req_query(&c->req, "medium"));
	f->org_kind = known_code(org_kinds, req_query(&c->req, "org_kind"));
	if ((v = req_query(&c->req, "novelty")) != NULL &&
	    (strcmp(v, "new") == 0 || strcmp(v, "existing") == 0))
		f->novelty = v;
	f->decision_makers = (v = req_query(&c->req, "dm")) &&
	    strcmp(v, "1") == 0;
	if ((v = req_query(&c->req, "as_at")) && strcmp(v, "then") == 0) {
		f->party_then = f->party;
		f->category_then = f->category;
		f->party = f->category = NULL;
	}
}

/* The list's filters from the query string; bad values are ignored. */
void
eng_filter_read(struct ctx *c, struct eng_filter *f, size_t *page)
{
	const char	*v;

	memset(f, 0, sizeof(*f));
	f->from = req_query(&c->req, "from");
	if (f->from && validate_date(f->from) != NULL)
		f->from = NULL;
	f->to = req_query(&c->req, "to");
	if (f->to && validate_date(f->to) != NULL)
		f->to = NULL;
	f->type = req_query(&c->req, "type");
	f->party = req_query(&c->req, "party");
	f->category = req_query(&c->req, "category");
	f->q = req_query(&c->req, "q");
	if ((v = req_query(&c->req, "person")) && validate_integer(v) == NULL)
		f->person_id = strtoll(v, NULL, 10);
	if ((v = req_query(&c->req, "area")) && validate_integer(v) == NULL)
		f->policy_area_id = strtoll(v, NULL, 10);
	f->deleted = (v = req_query(&c->req, "deleted")) && strcmp(v, "1") == 0;
	if ((v = req_query(&c->req, "kpi")) && validate_integer(v) == NULL &&
	    strtoll(v, NULL, 10) > 0)
		f->kpi_id = strtoll(v, NULL, 10);
	eng_filter_read_report(c, f);
	*page = 1;
	if ((v = req_query(&c->req, "page")) && validate_integer(v) == NULL &&
	    strtoll(v, NULL, 10) > 0 && strtoll(v, NULL, 10) < 100000)
		*page = (size_t)strtoll(v, NULL, 10);
}

/* The filters again as a query string, for CSV and page links. */
const char *
eng_filter_query(struct ctx *c, const struct eng_filter *f)
{
	struct buf	 b;
	const char	*s;

	buf_init(&b);
	ui_query_add(&b, "from", f->from);
	ui_query_add(&b, "to", f->to);
	ui_query_add(&b, "type", f->type);
	ui_query_add(&b, "party", f->party);
	ui_query_add(&b, "category", f->category);
	if (f->policy_area_id)
		ui_query_add(&b, "area", id_text(&c->arena, f->policy_area_id));
	if (f->person_id)
		ui_query_add(&b, "person", id_text(&c->arena, f->person_id));
	ui_query_add(&b, "q", f->q);
	if (f->deleted)
		ui_query_add(&b, "deleted", "1");
	if (f->kpi_id)
		ui_query_add(&b, "kpi", id_text(&c->arena, f->kpi_id));
	ui_query_add(&b, "party", f->party_then);
	ui_query_add(&b, "category", f->category_then);
	if (f->party_then != NULL || f->category_then != NULL)
		ui_query_add(&b, "as_at", "then");
	ui_query_add(&b, "medium", f->medium);
	ui_query_add(&b, "org_kind", f->org_kind);
	ui_query_add(&b, "novelty", f->novelty);
	if (f->decision_makers)
		ui_query_add(&b, "dm", "1");
	s = arena_strdup(&c->arena, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

/* The code/label pairs of a reference list as the select's options. */
static struct option *
as_options(struct arena *a, const struct code_label *l, size_t n)
{
	struct option	*o;
	size_t		 i;

	if ((o = arena_alloc(a, (n + 1) * sizeof(*o))) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		o[i] = (struct option){ l[i].code, l[i].label };
	return o;
}

enum db_err
eng_filter_choices(struct ctx *c, struct eng_list_view *v)
{
	struct eng_filter_refs	 refs;
	enum db_err		 e;

	if ((e = engagement_filter_refs(c->db, &c->arena, &refs)) != DB_OK)
		return e;
	v->types = as_options(&c->arena, refs.types, refs.ntypes);
	v->parties = as_options(&c->arena, refs.parties, refs.nparties);
	v->categories = as_options(&c->arena, refs.categories,
	    refs.ncategories);
	v->areas = as_options(&c->arena, refs.areas, refs.nareas);
	if (v->types == NULL || v->parties == NULL || v->categories == NULL ||
	    v->areas == NULL)
		return DB_NOMEM;
	v->ntypes = refs.ntypes;
	v->nparties = refs.nparties;
	v->ncategories = refs.ncategories;
	v->nareas = refs.nareas;
	return DB_OK;
}

const char *
eng_people_cell(struct arena *a, const struct eng_row *r, int which)
{
	struct buf	 b;
	const char	*s;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < r->npeople; i++) {
		const struct eng_person *p = &r->people[i];

		if (which == 0)
			buf_printf(&b, "%s%s", b.len ? "; " : "", p->name);
		else if (which == 1)
			buf_printf(&b, "%s%s", b.len ? "; " : "",
			    *p->party ? p->party : "no party");
		else if (p->is_new)
			buf_printf(&b, "%s%s", b.len ? "; " : "", p->name);
	}
	s = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

/* A query value that passes the field's own rules, else NULL. */
static const char *
prefill_value(struct ctx *c, const struct choices *ch, enum eng_field f)
{
	const char	*v = req_query(&c->req, ch->fields[f].name);
	struct params	 one;
	struct param	 p;
	struct form	 tmp;

	if (v == NULL || *v == '\0')
		return NULL;
	p.name = ch->fields[f].name;
	p.value = v;
	one.list = &p;
	one.n = 1;
	if (form_read(&tmp, &c->arena, &ch->fields[f], 1, &one) != 0)
		return NULL;
	return tmp.values[0].value;
}

void
eng_state_prefill(struct ctx *c, const struct choices *ch,
    struct eng_state *st)
{
	static const enum eng_field fields[] = { F_TYPE, F_DATE, F_TITLE,
	    F_LINK, F_OUTLET, F_MEDIUM, F_MENTION };
	const char	*v;
	size_t		 i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if ((v = prefill_value(c, ch, fields[i])) != NULL)
			st->form.values[fields[i]].value = v;
	/* Only an outlet on offer: the select could not show another. */
	if (!option_offered(ch->outlets, ch->noutlets,
	    st->form.values[F_OUTLET].value))
		st->form.values[F_OUTLET].value = "";
}
