#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "directory.h"

const struct code_label org_kinds[] = {
	{ "council", "Council" },
	{ "government_department", "Government department" },
	{ "fcdo_desk", "FCDO desk" },
	{ "media_outlet", "Media outlet" },
	{ "coalition", "Coalition" },
	{ "faith_body", "Faith body" },
	{ "ngo", "NGO" },
	{ "hias_country_office", "HIAS country office" },
	{ NULL, NULL },
};

const struct code_label media[] = {
	{ "print", "Print" },
	{ "broadcast", "Broadcast" },
	{ "online", "Online" },
	{ NULL, NULL },
};

const struct code_label houses[] = {
	{ "commons", "House of Commons" },
	{ "lords", "House of Lords" },
	{ NULL, NULL },
};

/*
 * Whether an engagement was a person's first with us: no earlier live
 * engagement with them, ordering by date, then time (none counts as the
 * start of the day), then id.  Derived on every read, so back-dating,
 * editing and deleting can never leave it stale.
 */
#define IS_NEW_SQL \
	"NOT EXISTS (SELECT 1 FROM engagement_people ep2 " \
	"JOIN engagements e2 ON e2.id = ep2.engagement_id " \
	"WHERE ep2.person_id = ep.person_id AND e2.deleted_at IS NULL " \
	"AND (e2.occurred_on, IFNULL(e2.occurred_time, TIME '00:00:00'), e2.id) " \
	"< (e.occurred_on, IFNULL(e.occurred_time, TIME '00:00:00'), e.id))"

#define PERSON_COLUMNS \
	"p.id, p.full_name, p.category, c.label, p.role_title, p.party, " \
	"IFNULL(p.house, ''), p.constituency, IFNULL(p.organisation_id, 0), " \
	"IFNULL(o.name, ''), p.email, p.phone, p.notes, p.is_current, " \
	"p.version, p.deleted_at IS NOT NULL " \
	"FROM people p JOIN person_categories c ON c.code = p.category " \
	"LEFT JOIN organisations o ON o.id = p.organisation_id "

/* The filter's WHERE clause; the binds are in person_filter_args(). */
#define PERSON_WHERE \
	"WHERE (p.deleted_at IS NOT NULL) = ? " \
	"AND (? = '' OR p.full_name LIKE ? OR p.role_title LIKE ? " \
	"OR p.constituency LIKE ? OR o.name LIKE ?) " \
	"AND (? = '' OR p.category = ?) AND (? = '' OR p.party = ?) " \
	"AND (? = 0 OR p.organisation_id = ?) "

#define ORG_COLUMNS \
	"o.id, o.name, o.kind, IFNULL(o.medium, ''), IFNULL(o.parent_id, 0), " \
	"IFNULL(po.name, ''), o.website, o.notes, o.version, " \
	"o.deleted_at IS NOT NULL " \
	"FROM organisations o LEFT JOIN organisations po ON po.id = o.parent_id "

#define ORG_WHERE \
	"WHERE (o.deleted_at IS NOT NULL) = ? " \
	"AND (? = '' OR o.name LIKE ?) AND (? = '' OR o.kind = ?) "

enum {
	DIR_CATEGORIES,
	DIR_POLICY_AREAS,
	DIR_PARTIES,
	DIR_PERSON_LIST,
	DIR_PERSON_COUNT,
	DIR_PERSON_GET,
	DIR_PERSON_BY_NAME,
	DIR_PERSON_INSERT,
	DIR_PERSON_UPDATE,
	DIR_PERSON_SET_DELETED,
	DIR_PERSON_CONTACTS,
	DIR_ORG_LIST,
	DIR_ORG_COUNT,
	DIR_ORG_GET,
	DIR_ORG_INSERT,
	DIR_ORG_UPDATE,
	DIR_ORG_SET_DELETED,
	DIR_ORG_CONTACTS,
	DIR_AREA_INSERT,
	DIR_AREA_UPDATE,
	DIR_CATEGORY_INSERT,
	DIR_CATEGORY_UPDATE,
	DIR__MAX
};

static const char *const dir_sql[DIR__MAX] = {
	[DIR_CATEGORIES] =
	    "SELECT code, label, decision_maker FROM person_categories "
	    "ORDER BY sort_order, label",
	[DIR_POLICY_AREAS] =
	    "SELECT id, name, priority, retired FROM policy_areas "
	    "WHERE retired = 0 OR ? = 1 ORDER BY priority DESC, name",
	[DIR_PARTIES] =
	    "SELECT DISTINCT party FROM people WHERE party <> '' "
	    "AND deleted_at IS NULL ORDER BY party",
	[DIR_PERSON_LIST] =
	    "SELECT " PERSON_COLUMNS PERSON_WHERE
	    "ORDER BY p.full_name, p.id LIMIT ? OFFSET ?",
	[DIR_PERSON_COUNT] =
	    "SELECT COUNT(*) FROM people p "
	    "LEFT JOIN organisations o ON o.id = p.organisation_id " PERSON_WHERE,
	[DIR_PERSON_GET] =
	    "SELECT " PERSON_COLUMNS "WHERE p.id = ?",
	[DIR_PERSON_BY_NAME] =
	    "SELECT " PERSON_COLUMNS
	    "WHERE p.full_name = ? AND p.deleted_at IS NULL ORDER BY p.id",
	[DIR_PERSON_INSERT] =
	    "INSERT INTO people (full_name, category, role_title, party, house, "
	    "constituency, organisation_id, email, phone, notes, is_current, "
	    "created_at, updated_at) VALUES (?, ?, ?, ?, NULLIF(?, ''), ?, "
	    "NULLIF(?, 0), ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[DIR_PERSON_UPDATE] =
	    "UPDATE people SET full_name = ?, category = ?, role_title = ?, "
	    "party = ?, house = NULLIF(?, ''), constituency = ?, "
	    "organisation_id = NULLIF(?, 0), email = ?, phone = ?, notes = ?, "
	    "is_current = ?, version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND deleted_at IS NULL",
	[DIR_PERSON_SET_DELETED] =
	    "UPDATE people SET deleted_at = IF(? = 1, UTC_TIMESTAMP(), NULL), "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND (deleted_at IS NULL) = (? = 1)",
	[DIR_PERSON_CONTACTS] =
	    "SELECT e.id, e.occurred_on, e.type, t.label, e.title, " IS_NEW_SQL
	    " FROM engagement_people ep JOIN engagements e ON e.id = ep.engagement_id "
	    "JOIN engagement_types t ON t.code = e.type "
	    "WHERE ep.person_id = ? AND e.deleted_at IS NULL "
	    "ORDER BY e.occurred_on DESC, IFNULL(e.occurred_time, TIME '00:00:00') DESC, "
	    "e.id DESC",
	[DIR_ORG_LIST] =
	    "SELECT " ORG_COLUMNS ORG_WHERE "ORDER BY o.name, o.id LIMIT ? OFFSET ?",
	[DIR_ORG_COUNT] =
	    "SELECT COUNT(*) FROM organisations o " ORG_WHERE,
	[DIR_ORG_GET] =
	    "SELECT " ORG_COLUMNS "WHERE o.id = ?",
	[DIR_ORG_INSERT] =
	    "INSERT INTO organisations (name, kind, medium, parent_id, website, "
	    "notes, created_at, updated_at) VALUES (?, ?, NULLIF(?, ''), "
	    "NULLIF(?, 0), ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[DIR_ORG_UPDATE] =
	    "UPDATE organisations SET name = ?, kind = ?, medium = NULLIF(?, ''), "
	    "parent_id = NULLIF(?, 0), website = ?, notes = ?, "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND deleted_at IS NULL",
	[DIR_ORG_SET_DELETED] =
	    "UPDATE organisations SET deleted_at = IF(? = 1, UTC_TIMESTAMP(), NULL), "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND (deleted_at IS NULL) = (? = 1)",
	[DIR_ORG_CONTACTS] =
	    "SELECT e.id, e.occurred_on, e.type, t.label, e.title, 0 "
	    "FROM engagement_organisations eo JOIN engagements e ON e.id = eo.engagement_id "
	    "JOIN engagement_types t ON t.code = e.type "
	    "WHERE eo.organisation_id = ? AND e.deleted_at IS NULL "
	    "ORDER BY e.occurred_on DESC, IFNULL(e.occurred_time, TIME '00:00:00') DESC, "
	    "e.id DESC",
	[DIR_AREA_INSERT] =
	    "INSERT INTO policy_areas (name, priority, retired) VALUES (?, ?, ?)",
	[DIR_AREA_UPDATE] =
	    "UPDATE policy_areas SET name = ?, priority = ?, retired = ? WHERE id = ?",
	[DIR_CATEGORY_INSERT] =
	    "INSERT INTO person_categories (code, label, decision_maker, sort_order) "
	    "SELECT ?, ?, ?, IFNULL(MAX(sort_order), 0) + 10 FROM person_categories",
	[DIR_CATEGORY_UPDATE] =
	    "UPDATE person_categories SET label = ?, decision_maker = ? WHERE code = ?",
};

static const struct db_stmts dir_stmts = { DB_SLOT_DIRECTORY, dir_sql, DIR__MAX };

const char *
code_label(const struct code_label *t, const char *code)
{
	for (; t->code != NULL; t++)
		if (code != NULL && strcmp(t->code, code) == 0)
			return t->label;
	return code != NULL ? code : "";
}

char *
like_escape(struct arena *a, const char *s)
{
	char	*out, *d;

	if ((out = d = arena_alloc(a, strlen(s) * 2 + 3)) == NULL)
		return NULL;
	*d++ = '%';
	for (; *s != '\0'; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*d++ = '\\';
		*d++ = *s;
	}
	*d++ = '%';
	*d = '\0';
	return out;
}

enum db_err
categories_list(struct db *db, struct arena *a, struct category **out,
    size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	if ((e = db_query_in(db, &dir_stmts, DIR_CATEGORIES, NULL, 0, a, &r)))
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		(*out)[i].code = DB_CELL(&r, i, 0);
		(*out)[i].label = DB_CELL(&r, i, 1);
		(*out)[i].decision_maker = db_num(DB_CELL(&r, i, 2)) != 0;
	}
	*n = r.nrows;
	return DB_OK;
}

enum db_err
policy_areas_list(struct db *db, struct arena *a, int with_retired,
    struct policy_area **out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	if ((e = db_query_in(db, &dir_stmts, DIR_POLICY_AREAS,
	    DB_ARGS(DB_INT(with_retired ? 1 : 0)), a, &r)))
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		(*out)[i].id = db_num(DB_CELL(&r, i, 0));
		(*out)[i].name = DB_CELL(&r, i, 1);
		(*out)[i].priority = db_num(DB_CELL(&r, i, 2)) != 0;
		(*out)[i].retired = db_num(DB_CELL(&r, i, 3)) != 0;
	}
	*n = r.nrows;
	return DB_OK;
}

enum db_err
parties_list(struct db *db, struct arena *a, const char ***out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	if ((e = db_query_in(db, &dir_stmts, DIR_PARTIES, NULL, 0, a, &r)))
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++)
		(*out)[i] = DB_CELL(&r, i, 0);
	*n = r.nrows;
	return DB_OK;
}

static void
person_from_row(const struct db_rows *r, size_t i, struct person *p)
{
	p->id = db_num(DB_CELL(r, i, 0));
	p->full_name = DB_CELL(r, i, 1);
	p->category = DB_CELL(r, i, 2);
	p->category_label = DB_CELL(r, i, 3);
	p->role_title = DB_CELL(r, i, 4);
	p->party = DB_CELL(r, i, 5);
	p->house = DB_CELL(r, i, 6);
	p->constituency = DB_CELL(r, i, 7);
	p->organisation_id = db_num(DB_CELL(r, i, 8));
	p->organisation_name = DB_CELL(r, i, 9);
	p->email = DB_CELL(r, i, 10);
	p->phone = DB_CELL(r, i, 11);
	p->notes = DB_CELL(r, i, 12);
	p->is_current = db_num(DB_CELL(r, i, 13)) != 0;
	p->version = (int)db_num(DB_CELL(r, i, 14));
	p->deleted = db_num(DB_CELL(r, i, 15)) != 0;
}

static enum db_err
people_from_rows(struct arena *a, const struct db_rows *r, struct person **out,
    size_t *n)
{
	size_t	 i;

	if ((*out = arena_alloc(a, (r->nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r->nrows; i++)
		person_from_row(r, i, &(*out)[i]);
	*n = r->nrows;
	return DB_OK;
}

enum db_err
person_list(struct db *db, struct arena *a, const struct person_filter *f,
    struct person **out, size_t *n, size_t *total)
{
	const char	*q = f->q ? f->q : "", *cat = f->category ? f->category : "";
	const char	*party = f->party ? f->party : "";
	char		*like = like_escape(a, q);
	struct db_rows	 r;
	enum db_err	 e;
	long long	 limit = f->limit ? (long long)f->limit : 1LL << 40;

	*n = 0;
	if (like == NULL)
		return DB_NOMEM;
#define FILTER_ARGS DB_INT(f->deleted ? 1 : 0), DB_STR(q), DB_STR(like), \
	DB_STR(like), DB_STR(like), DB_STR(like), DB_STR(cat), DB_STR(cat), \
	DB_STR(party), DB_STR(party), DB_INT(f->organisation_id), \
	DB_INT(f->organisation_id)
	e = db_query_in(db, &dir_stmts, DIR_PERSON_COUNT, DB_ARGS(FILTER_ARGS),
	    a, &r);
	if (e != DB_OK)
		return e;
	*total = (size_t)db_num(DB_CELL(&r, 0, 0));
	e = db_query_in(db, &dir_stmts, DIR_PERSON_LIST, DB_ARGS(FILTER_ARGS,
	    DB_INT(limit), DB_INT((long long)f->offset)), a, &r);
#undef FILTER_ARGS
	if (e != DB_OK)
		return e;
	return people_from_rows(a, &r, out, n);
}

enum db_err
person_get(struct db *db, struct arena *a, long long id, struct person *p)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(p, 0, sizeof(*p));
	e = db_query_in(db, &dir_stmts, DIR_PERSON_GET, DB_ARGS(DB_INT(id)),
	    a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	person_from_row(&r, 0, p);
	return DB_OK;
}

enum db_err
person_find_by_name(struct db *db, struct arena *a, const char *name,
    struct person **out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;

	*n = 0;
	e = db_query_in(db, &dir_stmts, DIR_PERSON_BY_NAME,
	    DB_ARGS(DB_STR(name)), a, &r);
	if (e != DB_OK)
		return e;
	return people_from_rows(a, &r, out, n);
}

static char *
person_json(struct arena *a, const struct person *p)
{
	char	 org[24];
	const struct audit_field f[] = {
		{ "name", p->full_name }, { "category", p->category },
		{ "role", p->role_title }, { "party", p->party },
		{ "house", p->house }, { "constituency", p->constituency },
		{ "organisation", org }, { "email", p->email },
		{ "phone", p->phone }, { "notes", p->notes },
		{ "current", p->is_current ? "yes" : "no" },
	};

	snprintf(org, sizeof(org), "%lld", p->organisation_id);
	if (p->organisation_id == 0)
		org[0] = '\0';
	return audit_json(a, f, sizeof(f) / sizeof(f[0]));
}

#define PERSON_ARGS(p) DB_STR((p)->full_name), DB_STR((p)->category), \
	DB_STR((p)->role_title), DB_STR((p)->party), DB_STR((p)->house), \
	DB_STR((p)->constituency), DB_INT((p)->organisation_id), \
	DB_STR((p)->email), DB_STR((p)->phone), DB_STR((p)->notes), \
	DB_INT((p)->is_current ? 1 : 0)

static enum db_err
person_update(struct db *db, struct arena *a, const char *actor,
    struct person *p)
{
	struct person		 old;
	unsigned long long	 affected = 0;
	enum db_err		 e;

	if ((e = person_get(db, a, p->id, &old)) != DB_OK)
		return e;
	if (old.deleted || old.version != p->version)
		return DB_CONFLICT;
	e = db_exec_in(db, &dir_stmts, DIR_PERSON_UPDATE, DB_ARGS(PERSON_ARGS(p),
	    DB_INT(p->id), DB_INT(p->version)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		return DB_CONFLICT;
	if (e == DB_OK)
		e = audit_write(db, actor, "person", p->id, "update",
		    person_json(a, &old), person_json(a, p));
	if (e == DB_OK)
		p->version++;
	return e;
}

enum db_err
person_save(struct db *db, const char *actor, struct person *p)
{
	struct arena		 a;
	unsigned long long	 id = 0;
	enum db_err		 e;

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	if (p->id != 0)
		e = person_update(db, &a, actor, p);
	else {
		e = db_exec_in(db, &dir_stmts, DIR_PERSON_INSERT,
		    DB_ARGS(PERSON_ARGS(p)), NULL, &id);
		if (e == DB_OK) {
			p->id = (long long)id;
			p->version = 1;
			e = audit_write(db, actor, "person", p->id, "create",
			    NULL, person_json(&a, p));
		}
		if (e != DB_OK)
			p->id = 0;
	}
	e = db_finish(db, e);
out:
	arena_free(&a);
	return e;
}

/* Soft delete (deleted=1) or restore one row of a directory table. */
static enum db_err
set_deleted(struct db *db, const char *actor, unsigned stmt,
    const char *entity, long long id, int deleted)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_exec_in(db, &dir_stmts, stmt, DB_ARGS(DB_INT(deleted),
	    DB_INT(id), DB_INT(deleted)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_NOTFOUND;
	if (e == DB_OK)
		e = audit_write(db, actor, entity, id,
		    deleted ? "delete" : "restore", NULL, NULL);
	return db_finish(db, e);
}

enum db_err
person_delete(struct db *db, const char *actor, long long id)
{
	return set_deleted(db, actor, DIR_PERSON_SET_DELETED, "person", id, 1);
}

enum db_err
person_restore(struct db *db, const char *actor, long long id)
{
	return set_deleted(db, actor, DIR_PERSON_SET_DELETED, "person", id, 0);
}

int
contact_summarise(struct arena *a, const struct contact *c, size_t n,
    struct contact_summary *s)
{
	size_t	 i, j;

	memset(s, 0, sizeof(*s));
	if (n == 0)
		return 0;
	s->last = c[0].date;
	s->first = c[n - 1].date;
	s->count = (long)n;
	if ((s->by_type = arena_alloc(a, n * sizeof(*s->by_type))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		for (j = 0; j < s->ntypes; j++)
			if (strcmp(s->by_type[j].type_label, c[i].type_label) == 0)
				break;
		if (j == s->ntypes) {
			s->by_type[j].type_label = c[i].type_label;
			s->ntypes++;
		}
		s->by_type[j].n++;
	}
	return 0;
}

static enum db_err
contacts(struct db *db, struct arena *a, unsigned stmt, long long id,
    struct contact **out, size_t *n, struct contact_summary *s)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	memset(s, 0, sizeof(*s));
	e = db_query_in(db, &dir_stmts, stmt, DB_ARGS(DB_INT(id)), a, &r);
	if (e != DB_OK)
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		(*out)[i].engagement_id = db_num(DB_CELL(&r, i, 0));
		(*out)[i].date = DB_CELL(&r, i, 1);
		(*out)[i].type = DB_CELL(&r, i, 2);
		(*out)[i].type_label = DB_CELL(&r, i, 3);
		(*out)[i].title = DB_CELL(&r, i, 4);
		(*out)[i].is_new = db_num(DB_CELL(&r, i, 5)) != 0;
	}
	*n = r.nrows;
	return contact_summarise(a, *out, *n, s) == 0 ? DB_OK : DB_NOMEM;
}

enum db_err
person_contacts(struct db *db, struct arena *a, long long id,
    struct contact **out, size_t *n, struct contact_summary *s)
{
	return contacts(db, a, DIR_PERSON_CONTACTS, id, out, n, s);
}

enum db_err
org_contacts(struct db *db, struct arena *a, long long id,
    struct contact **out, size_t *n, struct contact_summary *s)
{
	return contacts(db, a, DIR_ORG_CONTACTS, id, out, n, s);
}

static void
org_from_row(const struct db_rows *r, size_t i, struct organisation *o)
{
	o->id = db_num(DB_CELL(r, i, 0));
	o->name = DB_CELL(r, i, 1);
	o->kind = DB_CELL(r, i, 2);
	o->medium = DB_CELL(r, i, 3);
	o->parent_id = db_num(DB_CELL(r, i, 4));
	o->parent_name = DB_CELL(r, i, 5);
	o->website = DB_CELL(r, i, 6);
	o->notes = DB_CELL(r, i, 7);
	o->version = (int)db_num(DB_CELL(r, i, 8));
	o->deleted = db_num(DB_CELL(r, i, 9)) != 0;
}

enum db_err
org_list(struct db *db, struct arena *a, const struct org_filter *f,
    struct organisation **out, size_t *n, size_t *total)
{
	const char	*q = f->q ? f->q : "", *kind = f->kind ? f->kind : "";
	char		*like = like_escape(a, q);
	struct db_rows	 r;
	enum db_err	 e;
	long long	 limit = f->limit ? (long long)f->limit : 1LL << 40;
	size_t		 i;

	*n = 0;
	if (like == NULL)
		return DB_NOMEM;
	e = db_query_in(db, &dir_stmts, DIR_ORG_COUNT, DB_ARGS(
	    DB_INT(f->deleted ? 1 : 0), DB_STR(q), DB_STR(like), DB_STR(kind),
	    DB_STR(kind)), a, &r);
	if (e != DB_OK)
		return e;
	*total = (size_t)db_num(DB_CELL(&r, 0, 0));
	e = db_query_in(db, &dir_stmts, DIR_ORG_LIST, DB_ARGS(
	    DB_INT(f->deleted ? 1 : 0), DB_STR(q), DB_STR(like), DB_STR(kind),
	    DB_STR(kind), DB_INT(limit), DB_INT((long long)f->offset)), a, &r);
	if (e != DB_OK)
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++)
		org_from_row(&r, i, &(*out)[i]);
	*n = r.nrows;
	return DB_OK;
}

enum db_err
org_get(struct db *db, struct arena *a, long long id, struct organisation *o)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(o, 0, sizeof(*o));
	e = db_query_in(db, &dir_stmts, DIR_ORG_GET, DB_ARGS(DB_INT(id)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	org_from_row(&r, 0, o);
	return DB_OK;
}

static char *
org_json(struct arena *a, const struct organisation *o)
{
	char	 parent[24];
	const struct audit_field f[] = {
		{ "name", o->name }, { "kind", o->kind }, { "medium", o->medium },
		{ "parent", parent }, { "website", o->website },
		{ "notes", o->notes },
	};

	snprintf(parent, sizeof(parent), "%lld", o->parent_id);
	if (o->parent_id == 0)
		parent[0] = '\0';
	return audit_json(a, f, sizeof(f) / sizeof(f[0]));
}

#define ORG_ARGS(o) DB_STR((o)->name), DB_STR((o)->kind), DB_STR((o)->medium), \
	DB_INT((o)->parent_id), DB_STR((o)->website), DB_STR((o)->notes)

static enum db_err
org_update(struct db *db, struct arena *a, const char *actor,
    struct organisation *o)
{
	struct organisation	 old;
	unsigned long long	 affected = 0;
	enum db_err		 e;

	if ((e = org_get(db, a, o->id, &old)) != DB_OK)
		return e;
	if (old.deleted || old.version != o->version)
		return DB_CONFLICT;
	e = db_exec_in(db, &dir_stmts, DIR_ORG_UPDATE, DB_ARGS(ORG_ARGS(o),
	    DB_INT(o->id), DB_INT(o->version)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		return DB_CONFLICT;
	if (e == DB_OK)
		e = audit_write(db, actor, "organisation", o->id, "update",
		    org_json(a, &old), org_json(a, o));
	if (e == DB_OK)
		o->version++;
	return e;
}

enum db_err
org_save(struct db *db, const char *actor, struct organisation *o)
{
	struct arena		 a;
	unsigned long long	 id = 0;
	enum db_err		 e;

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	if (o->id != 0)
		e = org_update(db, &a, actor, o);
	else {
		e = db_exec_in(db, &dir_stmts, DIR_ORG_INSERT,
		    DB_ARGS(ORG_ARGS(o)), NULL, &id);
		if (e == DB_OK) {
			o->id = (long long)id;
			o->version = 1;
			e = audit_write(db, actor, "organisation", o->id,
			    "create", NULL, org_json(&a, o));
		}
		if (e != DB_OK)
			o->id = 0;
	}
	e = db_finish(db, e);
out:
	arena_free(&a);
	return e;
}

enum db_err
org_delete(struct db *db, const char *actor, long long id)
{
	return set_deleted(db, actor, DIR_ORG_SET_DELETED, "organisation", id, 1);
}

enum db_err
org_restore(struct db *db, const char *actor, long long id)
{
	return set_deleted(db, actor, DIR_ORG_SET_DELETED, "organisation", id, 0);
}

enum db_err
policy_area_save(struct db *db, const char *actor, struct policy_area *pa)
{
	struct arena		 a;
	unsigned long long	 id = 0, affected = 0;
	enum db_err		 e;
	const struct audit_field f[] = {
		{ "name", pa->name }, { "priority", pa->priority ? "yes" : "no" },
		{ "retired", pa->retired ? "yes" : "no" },
	};

	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK) {
		if (pa->id == 0)
			e = db_exec_in(db, &dir_stmts, DIR_AREA_INSERT,
			    DB_ARGS(DB_STR(pa->name), DB_INT(pa->priority),
			    DB_INT(pa->retired)), NULL, &id);
		else
			e = db_exec_in(db, &dir_stmts, DIR_AREA_UPDATE,
			    DB_ARGS(DB_STR(pa->name), DB_INT(pa->priority),
			    DB_INT(pa->retired), DB_INT(pa->id)), &affected, NULL);
		if (e == DB_OK && pa->id != 0 && id == 0 && affected == 0)
			e = DB_NOTFOUND;
		if (e == DB_OK && pa->id == 0)
			pa->id = (long long)id;
		if (e == DB_OK)
			e = audit_write(db, actor, "policy_area", pa->id,
			    id ? "create" : "update", NULL, audit_json(&a, f, 3));
		e = db_finish(db, e);
	}
	arena_free(&a);
	return e;
}

enum db_err
category_save(struct db *db, const char *actor, const struct category *c,
    int create)
{
	struct arena		 a;
	unsigned long long	 affected = 0;
	enum db_err		 e;
	const struct audit_field f[] = {
		{ "code", c->code }, { "label", c->label },
		{ "decision_maker", c->decision_maker ? "yes" : "no" },
	};

	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK) {
		if (create)
			e = db_exec_in(db, &dir_stmts, DIR_CATEGORY_INSERT,
			    DB_ARGS(DB_STR(c->code), DB_STR(c->label),
			    DB_INT(c->decision_maker)), NULL, NULL);
		else
			e = db_exec_in(db, &dir_stmts, DIR_CATEGORY_UPDATE,
			    DB_ARGS(DB_STR(c->label), DB_INT(c->decision_maker),
			    DB_STR(c->code)), &affected, NULL);
		if (e == DB_OK && !create && affected == 0)
			e = DB_NOTFOUND;
		if (e == DB_OK)
			e = audit_write(db, actor, "category", 0,
			    create ? "create" : "update", NULL,
			    audit_json(&a, f, 3));
		e = db_finish(db, e);
	}
	arena_free(&a);
	return e;
}
