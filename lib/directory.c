#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "directory.h"
#include "eng_privacy.h"
#include "eng_sql.h"

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
	"p.version, p.deleted_at IS NOT NULL, IFNULL(o.kind, ''), " \
	"p.press_watch, IFNULL(p.lawful_basis, ''), " \
	"IFNULL(p.basis_note, ''), IFNULL(p.basis_date, ''), p.data_source " \
	"FROM people p JOIN person_categories c ON c.code = p.category " \
	"LEFT JOIN organisations o ON o.id = p.organisation_id "

/* The filter's WHERE clause; the binds are in person_filter_args(). */
#define PERSON_WHERE \
	"WHERE p.erased_at IS NULL AND (p.deleted_at IS NOT NULL) = ? " \
	"AND (? = '' OR p.full_name LIKE ? OR p.role_title LIKE ? " \
	"OR p.constituency LIKE ? OR o.name LIKE ?) " \
	"AND (? = '' OR p.category = ?) AND (? = '' OR p.party = ?) " \
	"AND (? = 0 OR p.organisation_id = ?) " \
	"AND (? = '' OR p.house = ?) " \
	"AND (? = 0 OR (p.organisation_id = ? AND o.kind = 'council')) " \
	"AND (? = 0 OR p.is_current = (? = 1)) " \
	"AND (? = '' OR (? = 'none' AND p.lawful_basis IS NULL) " \
	"OR p.lawful_basis = ?) "

#define TERM_COLUMNS \
	"t.id, t.person_id, t.category, IFNULL(c.label, t.category), t.party, " \
	"IFNULL(t.house, ''), t.constituency, t.role_title, " \
	"IFNULL(t.organisation_id, 0), IFNULL(o.name, ''), IFNULL(o.kind, ''), " \
	"t.started_on, t.ended_on, t.source " \
	"FROM person_terms t " \
	"LEFT JOIN person_categories c ON c.code = t.category " \
	"LEFT JOIN organisations o ON o.id = t.organisation_id "

#define MERGE_COLUMNS \
	"m.id, m.survivor_id, s.full_name, m.merged_id, d.full_name, m.actor, " \
	"m.at, m.undone_at FROM person_merges m " \
	"JOIN people s ON s.id = m.survivor_id " \
	"JOIN people d ON d.id = m.merged_id "

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
	DIR_PARTY_COUNTS,
	DIR_TERM_OPEN,
	DIR_TERM_INSERT,
	DIR_TERM_CLOSE,
	DIR_TERM_UPDATE,
	DIR_TERMS,
	DIR_TERM_ON,
	DIR_DUPLICATES,
	DIR_MERGE_ENGAGEMENTS,
	DIR_MERGE_MOVE_ENGAGEMENT,
	DIR_MERGE_TERMS,
	DIR_MERGE_MOVE_TERM,
	DIR_MERGE_REOPEN_TERM,
	DIR_PERSON_FILL,
	DIR_MERGE_INSERT,
	DIR_MERGE_GET,
	DIR_MERGE_LOCK,
	DIR_MERGE_SET_UNDONE,
	DIR_MERGES_OF,
	DIR_EXTERNAL_IDS,
	DIR_SET_EXTERNAL_IDS,
	DIR_NO_BASIS_COUNT,
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
	    "press_watch, lawful_basis, basis_note, basis_date, data_source, "
	    "created_at, updated_at) VALUES (?, ?, ?, ?, "
	    "NULLIF(?, ''), ?, NULLIF(?, 0), ?, ?, ?, ?, IFNULL(?, 'auto'), "
	    "NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), ?, "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[DIR_PERSON_UPDATE] =
	    "UPDATE people SET full_name = ?, category = ?, role_title = ?, "
	    "party = ?, house = NULLIF(?, ''), constituency = ?, "
	    "organisation_id = NULLIF(?, 0), email = ?, phone = ?, notes = ?, "
	    "is_current = ?, press_watch = IFNULL(?, press_watch), "
	    "lawful_basis = NULLIF(?, ''), basis_note = NULLIF(?, ''), "
	    "basis_date = NULLIF(?, ''), data_source = ?, "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND deleted_at IS NULL",
	[DIR_PERSON_SET_DELETED] =
	    "UPDATE people SET deleted_at = IF(? = 1, UTC_TIMESTAMP(), NULL), "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND (deleted_at IS NULL) = (? = 1) "
	    "AND erased_at IS NULL",
	[DIR_PERSON_CONTACTS] =
	    "SELECT e.id, e.occurred_on, e.type, t.label, e.title, " IS_NEW_SQL
	    ", " ENG_TEXT_READABLE " FROM engagement_people ep "
	    "JOIN engagements e ON e.id = ep.engagement_id "
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
	    "SELECT e.id, e.occurred_on, e.type, t.label, e.title, 0, "
	    ENG_TEXT_READABLE " FROM engagement_organisations eo "
	    "JOIN engagements e ON e.id = eo.engagement_id "
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
	[DIR_PARTY_COUNTS] =
	    "SELECT p.party, COUNT(*) FROM people p "
	    "LEFT JOIN organisations o ON o.id = p.organisation_id " PERSON_WHERE
	    "GROUP BY p.party ORDER BY COUNT(*) DESC, p.party",
	[DIR_TERM_OPEN] =
	    "SELECT id, started_on >= UTC_DATE() FROM person_terms "
	    "WHERE person_id = ? AND ended_on IS NULL ORDER BY started_on DESC, "
	    "id DESC FOR UPDATE",
	[DIR_TERM_INSERT] =
	    "INSERT INTO person_terms (person_id, category, party, house, "
	    "constituency, role_title, organisation_id, started_on, source, "
	    "created_at) VALUES (?, ?, ?, NULLIF(?, ''), ?, ?, NULLIF(?, 0), "
	    "UTC_DATE(), 'manual', UTC_TIMESTAMP())",
	[DIR_TERM_CLOSE] =
	    "UPDATE person_terms SET ended_on = GREATEST(started_on, UTC_DATE()) "
	    "WHERE id = ? AND ended_on IS NULL",
	[DIR_TERM_UPDATE] =
	    "UPDATE person_terms SET category = ?, party = ?, "
	    "house = NULLIF(?, ''), constituency = ?, role_title = ?, "
	    "organisation_id = NULLIF(?, 0) WHERE id = ?",
	[DIR_TERMS] =
	    "SELECT " TERM_COLUMNS "WHERE t.person_id = ? "
	    "ORDER BY t.ended_on IS NULL DESC, t.started_on DESC, t.id DESC",
	[DIR_TERM_ON] =
	    "SELECT " TERM_COLUMNS "WHERE t.person_id = ? AND t.started_on <= ? "
	    "AND (t.ended_on IS NULL OR t.ended_on > ?) "
	    "ORDER BY t.started_on DESC, t.id DESC LIMIT 1",
	[DIR_DUPLICATES] =
	    "SELECT a.id, b.id, 'same name and category' FROM people a "
	    "JOIN people b ON b.full_name = a.full_name AND b.id > a.id "
	    "AND b.category = a.category "
	    "WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL "
	    "UNION "
	    "SELECT a.id, b.id, 'same email' FROM people a "
	    "JOIN people b ON b.email = a.email AND b.id > a.id "
	    "WHERE a.email <> '' AND a.deleted_at IS NULL "
	    "AND b.deleted_at IS NULL "
	    "ORDER BY 1, 2 LIMIT 1000",
	[DIR_MERGE_ENGAGEMENTS] =
	    "SELECT engagement_id FROM engagement_people WHERE person_id = ? "
	    "AND engagement_id NOT IN (SELECT engagement_id FROM "
	    "engagement_people WHERE person_id = ?) ORDER BY engagement_id "
	    "FOR UPDATE",
	[DIR_MERGE_MOVE_ENGAGEMENT] =
	    "UPDATE engagement_people SET person_id = ? "
	    "WHERE engagement_id = ? AND person_id = ?",
	[DIR_MERGE_TERMS] =
	    "SELECT id, ended_on IS NULL FROM person_terms WHERE person_id = ? "
	    "ORDER BY id FOR UPDATE",
	[DIR_MERGE_MOVE_TERM] =
	    "UPDATE person_terms SET person_id = ? WHERE id = ? AND person_id = ?",
	[DIR_MERGE_REOPEN_TERM] =
	    "UPDATE person_terms SET ended_on = NULL "
	    "WHERE id = ? AND person_id = ?",
	[DIR_PERSON_FILL] =
	    "UPDATE people SET email = ?, phone = ?, role_title = ?, "
	    "constituency = ?, notes = ?, version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND version = ?",
	[DIR_MERGE_INSERT] =
	    "INSERT INTO person_merges (survivor_id, merged_id, moved, actor, at) "
	    "VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
	[DIR_MERGE_GET] =
	    "SELECT " MERGE_COLUMNS "WHERE m.id = ?",
	[DIR_MERGE_LOCK] =
	    "SELECT survivor_id, merged_id, moved, undone_at IS NOT NULL "
	    "FROM person_merges WHERE id = ? FOR UPDATE",
	[DIR_MERGE_SET_UNDONE] =
	    "UPDATE person_merges SET undone_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND undone_at IS NULL",
	[DIR_EXTERNAL_IDS] =
	    "SELECT IFNULL(parliament_id, 0), IFNULL(twfy_id, 0), "
	    "IFNULL(moderngov_id, ''), IFNULL(organisation_id, 0) "
	    "FROM people WHERE id = ? FOR UPDATE",
	[DIR_SET_EXTERNAL_IDS] =
	    "UPDATE people SET parliament_id = NULLIF(?, 0), "
	    "twfy_id = NULLIF(?, 0), moderngov_id = NULLIF(?, ''), "
	    "organisation_id = NULLIF(?, 0) WHERE id = ?",
	[DIR_MERGES_OF] =
	    "SELECT " MERGE_COLUMNS "WHERE m.survivor_id = ? OR m.merged_id = ? "
	    "ORDER BY m.id DESC",
	[DIR_NO_BASIS_COUNT] =
	    "SELECT COUNT(*) FROM people WHERE lawful_basis IS NULL "
	    "AND deleted_at IS NULL",
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
	p->organisation_kind = DB_CELL(r, i, 16);
	p->press_watch = DB_CELL(r, i, 17);
	p->lawful_basis = DB_CELL(r, i, 18);
	p->basis_note = DB_CELL(r, i, 19);
	p->basis_date = DB_CELL(r, i, 20);
	p->data_source = DB_CELL(r, i, 21);
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

/* The binds of PERSON_WHERE, from f and the locals of its callers. */
#define FILTER_ARGS DB_INT(f->deleted ? 1 : 0), DB_STR(q), DB_STR(like), \
	DB_STR(like), DB_STR(like), DB_STR(like), DB_STR(cat), DB_STR(cat), \
	DB_STR(party), DB_STR(party), DB_INT(f->organisation_id), \
	DB_INT(f->organisation_id), DB_STR(house), DB_STR(house), \
	DB_INT(f->council_id), DB_INT(f->council_id), DB_INT(f->current), \
	DB_INT(f->current), DB_STR(basis), DB_STR(basis), DB_STR(basis)

enum db_err
person_list(struct db *db, struct arena *a, const struct person_filter *f,
    struct person **out, size_t *n, size_t *total)
{
	const char	*q = f->q ? f->q : "", *cat = f->category ? f->category : "";
	const char	*party = f->party ? f->party : "";
	const char	*house = f->house ? f->house : "";
	const char	*basis = f->basis ? f->basis : "";
	char		*like = like_escape(a, q);
	struct db_rows	 r;
	enum db_err	 e;
	long long	 limit = f->limit ? (long long)f->limit : 1LL << 40;

	*n = 0;
	if (like == NULL)
		return DB_NOMEM;
	e = db_query_in(db, &dir_stmts, DIR_PERSON_COUNT, DB_ARGS(FILTER_ARGS),
	    a, &r);
	if (e != DB_OK)
		return e;
	*total = (size_t)db_num(DB_CELL(&r, 0, 0));
	e = db_query_in(db, &dir_stmts, DIR_PERSON_LIST, DB_ARGS(FILTER_ARGS,
	    DB_INT(limit), DB_INT((long long)f->offset)), a, &r);
	if (e != DB_OK)
		return e;
	return people_from_rows(a, &r, out, n);
}

enum db_err
person_party_counts(struct db *db, struct arena *a,
    const struct person_filter *f, struct party_count **out, size_t *n)
{
	const char	*q = f->q ? f->q : "", *cat = f->category ? f->category : "";
	const char	*party = f->party ? f->party : "";
	const char	*house = f->house ? f->house : "";
	const char	*basis = f->basis ? f->basis : "";
	char		*like = like_escape(a, q);
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	if (like == NULL)
		return DB_NOMEM;
	e = db_query_in(db, &dir_stmts, DIR_PARTY_COUNTS, DB_ARGS(FILTER_ARGS),
	    a, &r);
	if (e != DB_OK)
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		(*out)[i].party = DB_CELL(&r, i, 0);
		(*out)[i].n = (long)db_num(DB_CELL(&r, i, 1));
	}
	*n = r.nrows;
	return DB_OK;
}

enum db_err
person_count_no_basis(struct db *db, long *n)
{
	struct arena	 a;
	struct db_rows	 r;
	enum db_err	 e;

	*n = 0;
	arena_init(&a);
	e = db_query_in(db, &dir_stmts, DIR_NO_BASIS_COUNT, NULL, 0, &a, &r);
	if (e == DB_OK)
		*n = (long)db_num(DB_CELL(&r, 0, 0));
	arena_free(&a);
	return e;
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
		{ "watch in the press", p->press_watch ? p->press_watch :
		    "auto" },
		{ "lawful basis", p->lawful_basis },
		{ "basis note", p->basis_note },
		{ "basis date", p->basis_date },
		{ "source", p->data_source },
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
	DB_INT((p)->is_current ? 1 : 0), DB_STR((p)->press_watch), \
	DB_STR(nz((p)->lawful_basis)), DB_STR(nz((p)->basis_note)), \
	DB_STR(nz((p)->basis_date)), DB_STR(nz((p)->data_source))

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

/* Whether a and b differ in what person_terms keeps. */
static int
term_fields_differ(const struct person *a, const struct person *b)
{
	return strcmp(nz(a->category), nz(b->category)) != 0 ||
	    strcmp(nz(a->party), nz(b->party)) != 0 ||
	    strcmp(nz(a->house), nz(b->house)) != 0 ||
	    strcmp(nz(a->constituency), nz(b->constituency)) != 0 ||
	    strcmp(nz(a->role_title), nz(b->role_title)) != 0 ||
	    a->organisation_id != b->organisation_id;
}

#define TERM_ARGS(p) DB_STR(nz((p)->category)), DB_STR(nz((p)->party)), \
	DB_STR(nz((p)->house)), DB_STR(nz((p)->constituency)), \
	DB_STR(nz((p)->role_title)), DB_INT((p)->organisation_id)

/*
 * Keep p's open term in step with p after a save, inside its
 * transaction: open one if there is none; when the kept fields changed,
 * close the open one today and open a new one, or amend it in place if
 * it only started today (two saves in a day make one period).
 */
static enum db_err
term_follow(struct db *db, struct arena *a, const struct person *p,
    int changed)
{
	struct db_rows	 r;
	enum db_err	 e;
	long long	 open_id;

	e = db_query_in(db, &dir_stmts, DIR_TERM_OPEN, DB_ARGS(DB_INT(p->id)),
	    a, &r);
	if (e != DB_OK)
		return e;
	/* Out of office: the open term ends, and no new one starts. */
	if (!p->is_current) {
		if (r.nrows == 0)
			return DB_OK;
		return db_exec_in(db, &dir_stmts, DIR_TERM_CLOSE,
		    DB_ARGS(DB_INT(db_num(DB_CELL(&r, 0, 0)))), NULL, NULL);
	}
	if (r.nrows > 0 && !changed)
		return DB_OK;
	if (r.nrows > 0) {
		open_id = db_num(DB_CELL(&r, 0, 0));
		if (db_num(DB_CELL(&r, 0, 1)) != 0)
			return db_exec_in(db, &dir_stmts, DIR_TERM_UPDATE,
			    DB_ARGS(TERM_ARGS(p), DB_INT(open_id)), NULL, NULL);
		e = db_exec_in(db, &dir_stmts, DIR_TERM_CLOSE,
		    DB_ARGS(DB_INT(open_id)), NULL, NULL);
		if (e != DB_OK)
			return e;
	}
	return db_exec_in(db, &dir_stmts, DIR_TERM_INSERT,
	    DB_ARGS(DB_INT(p->id), TERM_ARGS(p)), NULL, NULL);
}

typedef enum db_err (*dir_write)(struct db *, struct arena *, const char *,
    void *);

/*
 * One save of row in its own transaction, with a scratch arena for the
 * audit JSON: update when the row already exists, else create.
 */
static enum db_err
dir_save(struct db *db, const char *actor, void *row, int exists,
    dir_write update, dir_write create)
{
	struct arena	 a;
	enum db_err	 e;

	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, (exists ? update : create)(db, &a, actor,
		    row));
	arena_free(&a);
	return e;
}

/* Take from's basis, note, date and source. */
static void
basis_keep(struct person *to, const struct person *from)
{
	to->lawful_basis = from->lawful_basis;
	to->basis_note = from->basis_note;
	to->basis_date = from->basis_date;
	to->data_source = from->data_source;
}

static enum db_err
person_update(struct db *db, struct arena *a, const char *actor, void *row)
{
	struct person		*p = row, old, given = *p;
	const char		*watch = p->press_watch;
	int			 kept = p->lawful_basis == NULL;
	enum db_err		 e;

	if ((e = person_get(db, a, p->id, &old)) != DB_OK)
		return e;
	if (old.deleted || old.version != p->version)
		return DB_CONFLICT;
	/* Unchanged: the audit row shows the kept value (old is in a). */
	if (p->press_watch == NULL)
		p->press_watch = old.press_watch;
	if (kept)
		basis_keep(p, &old);
	e = audit_update_versioned(db, &dir_stmts, DIR_PERSON_UPDATE,
	    DB_ARGS(PERSON_ARGS(p), DB_INT(p->id), DB_INT(p->version)));
	if (e == DB_OK)
		e = term_follow(db, a, p, term_fields_differ(&old, p));
	if (e == DB_OK)
		e = audit_write(db, actor, "person", p->id, "update",
		    person_json(a, &old), person_json(a, p));
	/* a is freed when the save ends: give the caller its own back. */
	p->press_watch = watch;
	if (kept)
		basis_keep(p, &given);
	if (e == DB_OK)
		p->version++;
	return e;
}

static enum db_err
person_create(struct db *db, struct arena *a, const char *actor, void *row)
{
	struct person		*p = row;
	unsigned long long	 id = 0;
	enum db_err		 e;

	e = db_exec_in(db, &dir_stmts, DIR_PERSON_INSERT,
	    DB_ARGS(PERSON_ARGS(p)), NULL, &id);
	if (e == DB_OK) {
		p->id = (long long)id;
		p->version = 1;
		e = term_follow(db, a, p, 1);
	}
	if (e == DB_OK)
		e = audit_write(db, actor, "person", p->id, "create", NULL,
		    person_json(a, p));
	if (e != DB_OK)
		p->id = 0;
	return e;
}

enum db_err
person_save(struct db *db, const char *actor, struct person *p)
{
	return dir_save(db, actor, p, p->id != 0, person_update,
	    person_create);
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
contacts(struct db *db, struct arena *a, unsigned stmt,
    const struct eng_reader *reader, long long id, struct contact **out,
    size_t *n, struct contact_summary *s)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	memset(s, 0, sizeof(*s));
	reader = eng_reader_or_nobody(reader);
	e = db_query_in(db, &dir_stmts, stmt, DB_ARGS(ENG_READER_ARGS(reader),
	    DB_INT(id)), a, &r);
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
		(*out)[i].text_hidden = db_num(DB_CELL(&r, i, 6)) == 0;
		if ((*out)[i].text_hidden)
			(*out)[i].title = ENG_CONFIDENTIAL_TITLE;
	}
	*n = r.nrows;
	return contact_summarise(a, *out, *n, s) == 0 ? DB_OK : DB_NOMEM;
}

enum db_err
person_contacts(struct db *db, struct arena *a, const struct eng_reader *reader,
    long long id, struct contact **out, size_t *n, struct contact_summary *s)
{
	return contacts(db, a, DIR_PERSON_CONTACTS, reader, id, out, n, s);
}

enum db_err
org_contacts(struct db *db, struct arena *a, const struct eng_reader *reader,
    long long id, struct contact **out, size_t *n, struct contact_summary *s)
{
	return contacts(db, a, DIR_ORG_CONTACTS, reader, id, out, n, s);
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
org_update(struct db *db, struct arena *a, const char *actor, void *row)
{
	struct organisation	*o = row, old;
	enum db_err		 e;

	if ((e = org_get(db, a, o->id, &old)) != DB_OK)
		return e;
	if (old.deleted || old.version != o->version)
		return DB_CONFLICT;
	e = audit_update_versioned(db, &dir_stmts, DIR_ORG_UPDATE,
	    DB_ARGS(ORG_ARGS(o), DB_INT(o->id), DB_INT(o->version)));
	if (e == DB_OK)
		e = audit_write(db, actor, "organisation", o->id, "update",
		    org_json(a, &old), org_json(a, o));
	if (e == DB_OK)
		o->version++;
	return e;
}

static enum db_err
org_create(struct db *db, struct arena *a, const char *actor, void *row)
{
	struct organisation	*o = row;
	unsigned long long	 id = 0;
	enum db_err		 e;

	e = db_exec_in(db, &dir_stmts, DIR_ORG_INSERT, DB_ARGS(ORG_ARGS(o)),
	    NULL, &id);
	if (e == DB_OK) {
		o->id = (long long)id;
		o->version = 1;
		e = audit_write(db, actor, "organisation", o->id, "create",
		    NULL, org_json(a, o));
	}
	if (e != DB_OK)
		o->id = 0;
	return e;
}

enum db_err
org_save(struct db *db, const char *actor, struct organisation *o)
{
	return dir_save(db, actor, o, o->id != 0, org_update, org_create);
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

/* --- terms ---------------------------------------------------------------- */

static void
term_from_row(const struct db_rows *r, size_t i, struct person_term *t)
{
	t->id = db_num(DB_CELL(r, i, 0));
	t->person_id = db_num(DB_CELL(r, i, 1));
	t->category = DB_CELL(r, i, 2);
	t->category_label = DB_CELL(r, i, 3);
	t->party = DB_CELL(r, i, 4);
	t->house = DB_CELL(r, i, 5);
	t->constituency = DB_CELL(r, i, 6);
	t->role_title = DB_CELL(r, i, 7);
	t->organisation_id = db_num(DB_CELL(r, i, 8));
	t->organisation_name = DB_CELL(r, i, 9);
	t->organisation_kind = DB_CELL(r, i, 10);
	t->started_on = DB_CELL(r, i, 11);
	t->ended_on = DB_CELL(r, i, 12);
	t->source = DB_CELL(r, i, 13);
}

enum db_err
person_terms(struct db *db, struct arena *a, long long person_id,
    struct person_term **out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	e = db_query_in(db, &dir_stmts, DIR_TERMS, DB_ARGS(DB_INT(person_id)),
	    a, &r);
	if (e != DB_OK)
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++)
		term_from_row(&r, i, &(*out)[i]);
	*n = r.nrows;
	return DB_OK;
}

enum db_err
person_term_on(struct db *db, struct arena *a, long long person_id,
    const char *date, struct person_term *t)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(t, 0, sizeof(*t));
	e = db_query_in(db, &dir_stmts, DIR_TERM_ON, DB_ARGS(DB_INT(person_id),
	    DB_STR(date), DB_STR(date)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	term_from_row(&r, 0, t);
	return DB_OK;
}

/* --- duplicates and merges ------------------------------------------------ */

enum db_err
person_duplicates(struct db *db, struct arena *a, struct person_pair **out,
    size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i, k = 0;

	*n = 0;
	if ((e = db_query_in(db, &dir_stmts, DIR_DUPLICATES, NULL, 0, a, &r)))
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows && k < 500; i++) {
		struct person_pair	*pp = &(*out)[k];

		/* A pair both ways alike is listed once, by name. */
		if (k > 0 && pp[-1].a.id == db_num(DB_CELL(&r, i, 0)) &&
		    pp[-1].b.id == db_num(DB_CELL(&r, i, 1)))
			continue;
		if ((e = person_get(db, a, db_num(DB_CELL(&r, i, 0)), &pp->a))
		    != DB_OK ||
		    (e = person_get(db, a, db_num(DB_CELL(&r, i, 1)), &pp->b))
		    != DB_OK)
			return e;
		pp->reason = DB_CELL(&r, i, 2);
		k++;
	}
	*n = k;
	return DB_OK;
}

/* The ids of a query's first column as a JSON array; NULL on no memory. */
static json_t *
ids_json(const struct db_rows *r)
{
	json_t	*arr = json_array();
	size_t	 i;

	for (i = 0; arr != NULL && i < r->nrows; i++)
		if (json_array_append_new(arr,
		    json_integer(db_num(DB_CELL(r, i, 0)))) == -1) {
			json_decref(arr);
			return NULL;
		}
	return arr;
}

/* A JSON text in the arena; NULL on no memory. */
static char *
json_in_arena(struct arena *a, json_t *j)
{
	char	*text, *copy = NULL;

	if (j != NULL &&
	    (text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER)) != NULL) {
		copy = arena_strdup(a, text);
		free(text);
	}
	return copy;
}

/*
 * Fill survivor s's empty fields from other o (notes appended), noting
 * in filled each field set and its new value.
 */
static int
merge_fill(struct arena *a, struct person *s, const struct person *o,
    json_t *filled)
{
	struct {
		const char	 *name;
		const char	**to;
		const char	 *from;
	} f[] = {
		{ "email", &s->email, o->email },
		{ "phone", &s->phone, o->phone },
		{ "role", &s->role_title, o->role_title },
		{ "constituency", &s->constituency, o->constituency },
	};
	size_t	 i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		if (**f[i].to != '\0' || *nz(f[i].from) == '\0')
			continue;
		*f[i].to = f[i].from;
		if (json_object_set_new(filled, f[i].name,
		    json_string(f[i].from)) == -1)
			return -1;
	}
	if (*nz(o->notes) != '\0') {
		s->notes = *nz(s->notes) == '\0' ? o->notes :
		    arena_printf(a, "%s\n\n%s", s->notes, o->notes);
		if (s->notes == NULL || json_object_set_new(filled, "notes",
		    json_string(s->notes)) == -1)
			return -1;
	}
	return 0;
}

#define FILL_ARGS(p) DB_STR(nz((p)->email)), DB_STR(nz((p)->phone)), \
	DB_STR(nz((p)->role_title)), DB_STR(nz((p)->constituency)), \
	DB_STR(nz((p)->notes)), DB_INT((p)->id), DB_INT((p)->version)


/* A person's outside ids: Parliament, TheyWorkForYou, ModernGov (+council). */
struct external_ids {
	long long	 parliament, twfy, org;
	const char	*moderngov;
};

static enum db_err
external_ids(struct db *db, struct arena *a, long long id,
    struct external_ids *x)
{
	struct db_rows	 r;
	enum db_err	 e;

	e = db_query_in(db, &dir_stmts, DIR_EXTERNAL_IDS, DB_ARGS(DB_INT(id)),
	    a, &r);
	if (e == DB_OK && r.nrows == 0)
		e = DB_NOTFOUND;
	if (e != DB_OK)
		return e;
	x->parliament = db_num(DB_CELL(&r, 0, 0));
	x->twfy = db_num(DB_CELL(&r, 0, 1));
	x->moderngov = DB_CELL(&r, 0, 2);
	x->org = db_num(DB_CELL(&r, 0, 3));
	return DB_OK;
}

static enum db_err
set_external_ids(struct db *db, long long id, const struct external_ids *x)
{
	return db_exec_in(db, &dir_stmts, DIR_SET_EXTERNAL_IDS, DB_ARGS(
	    DB_INT(x->parliament), DB_INT(x->twfy), DB_STR(x->moderngov),
	    DB_INT(x->org), DB_INT(id)), NULL, NULL);
}

/*
 * The survivor takes the merged person's outside ids it lacks, so the
 * next import updates the survivor, not the deleted record.  A ModernGov
 * id moves only with its council.  What moved is kept for undo.  The
 * merged record lets go first: the ids are unique.
 */
static enum db_err
take_ids(struct db *db, struct arena *a, long long survivor, long long other,
    json_t *moved)
{
	struct external_ids	 s, o, so, oo;
	json_t			*ids;
	enum db_err		 e;

	if ((e = external_ids(db, a, survivor, &s)) != DB_OK ||
	    (e = external_ids(db, a, other, &o)) != DB_OK)
		return e;
	so = s;
	oo = o;
	if (s.parliament == 0 && o.parliament != 0) {
		so.parliament = o.parliament;
		oo.parliament = 0;
	}
	if (s.twfy == 0 && o.twfy != 0) {
		so.twfy = o.twfy;
		oo.twfy = 0;
	}
	if (*s.moderngov == '\0' && *o.moderngov != '\0' &&
	    (s.org == 0 || s.org == o.org)) {
		so.moderngov = o.moderngov;
		so.org = o.org;
		oo.moderngov = "";
	}
	if ((ids = json_pack("{sIsIss}", "parliament", (json_int_t)(so.parliament
	    != s.parliament ? so.parliament : 0), "twfy", (json_int_t)(so.twfy !=
	    s.twfy ? so.twfy : 0), "moderngov", so.moderngov != s.moderngov ?
	    so.moderngov : "")) == NULL ||
	    json_object_set_new(moved, "ids", ids) == -1 ||
	    json_object_set_new(moved, "org_before", json_integer(s.org)) == -1)
		return DB_NOMEM;
	if ((e = set_external_ids(db, other, &oo)) != DB_OK)
		return e;
	return set_external_ids(db, survivor, &so);
}

/* Undo take_ids: the ids the survivor took go back to the merged person. */
static enum db_err
give_ids(struct db *db, struct arena *a, long long survivor, long long merged,
    json_t *moved)
{
	json_t			*ids = json_object_get(moved, "ids");
	struct external_ids	 s, m;
	long long		 parliament, twfy;
	const char		*mg;
	enum db_err		 e;

	if (!json_is_object(ids))
		return DB_OK;	/* a merge recorded before ids moved */
	parliament = json_integer_value(json_object_get(ids, "parliament"));
	twfy = json_integer_value(json_object_get(ids, "twfy"));
	mg = json_string_value(json_object_get(ids, "moderngov"));
	if ((e = external_ids(db, a, survivor, &s)) != DB_OK ||
	    (e = external_ids(db, a, merged, &m)) != DB_OK)
		return e;
	if (parliament != 0 && s.parliament == parliament) {
		s.parliament = 0;
		m.parliament = parliament;
	}
	if (twfy != 0 && s.twfy == twfy) {
		s.twfy = 0;
		m.twfy = twfy;
	}
	if (mg != NULL && *mg != '\0' && strcmp(s.moderngov, mg) == 0) {
		s.moderngov = "";
		s.org = json_integer_value(json_object_get(moved, "org_before"));
		m.moderngov = mg;
	}
	if ((e = set_external_ids(db, survivor, &s)) != DB_OK)
		return e;
	return set_external_ids(db, merged, &m);
}

/* The body of person_merge, inside its transaction. */
static enum db_err
merge_in(struct db *db, struct arena *a, const char *actor,
    long long survivor, long long other, long long *merge_id)
{
	struct person		 s, before, o;
	struct db_rows		 eng, terms;
	json_t			*moved = NULL, *filled;
	unsigned long long	 affected = 0, id = 0;
	long long		 closed = 0;
	const char		*text;
	char			 into[24];
	size_t			 i;
	enum db_err		 e;

	if ((e = person_get(db, a, survivor, &s)) != DB_OK ||
	    (e = person_get(db, a, other, &o)) != DB_OK)
		return e;
	if (s.deleted || o.deleted)
		return DB_CONFLICT;
	before = s;
	if ((e = db_query_in(db, &dir_stmts, DIR_MERGE_ENGAGEMENTS,
	    DB_ARGS(DB_INT(other), DB_INT(survivor)), a, &eng)) != DB_OK ||
	    (e = db_query_in(db, &dir_stmts, DIR_MERGE_TERMS,
	    DB_ARGS(DB_INT(other)), a, &terms)) != DB_OK)
		return e;
	for (i = 0; i < eng.nrows && e == DB_OK; i++)
		e = db_exec_in(db, &dir_stmts, DIR_MERGE_MOVE_ENGAGEMENT,
		    DB_ARGS(DB_INT(survivor), DB_INT(db_num(DB_CELL(&eng, i, 0))),
		    DB_INT(other)), NULL, NULL);
	for (i = 0; i < terms.nrows && e == DB_OK; i++) {
		long long	 t = db_num(DB_CELL(&terms, i, 0));

		/* The survivor keeps its own open term as the only one. */
		if (db_num(DB_CELL(&terms, i, 1)) != 0) {
			closed = t;
			e = db_exec_in(db, &dir_stmts, DIR_TERM_CLOSE,
			    DB_ARGS(DB_INT(t)), NULL, NULL);
		}
		if (e == DB_OK)
			e = db_exec_in(db, &dir_stmts, DIR_MERGE_MOVE_TERM,
			    DB_ARGS(DB_INT(survivor), DB_INT(t), DB_INT(other)),
			    NULL, NULL);
	}
	if (e != DB_OK)
		return e;

	e = DB_NOMEM;
	if ((moved = json_object()) == NULL ||
	    (filled = json_object()) == NULL ||
	    json_object_set_new(moved, "engagements", ids_json(&eng)) == -1 ||
	    json_object_set_new(moved, "terms", ids_json(&terms)) == -1 ||
	    json_object_set_new(moved, "closed_term", closed ?
	    json_integer(closed) : json_null()) == -1 ||
	    json_object_set_new(moved, "filled", filled) == -1 ||
	    merge_fill(a, &s, &o, filled) == -1 ||
	    json_object_set_new(moved, "notes_before",
	    json_string(nz(before.notes))) == -1)
		goto out;
	/* Someone saving the survivor meanwhile makes this a conflict. */
	e = db_exec_in(db, &dir_stmts, DIR_PERSON_FILL, DB_ARGS(FILL_ARGS(&s)),
	    &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_CONFLICT;
	if (e == DB_OK)
		e = take_ids(db, a, survivor, other, moved);
	if (e == DB_OK)
		e = db_exec_in(db, &dir_stmts, DIR_PERSON_SET_DELETED,
		    DB_ARGS(DB_INT(1), DB_INT(other), DB_INT(1)), &affected,
		    NULL);
	if (e == DB_OK && affected == 0)
		e = DB_CONFLICT;
	if (e == DB_OK && (text = json_in_arena(a, moved)) == NULL)
		e = DB_NOMEM;
	if (e == DB_OK)
		e = db_exec_in(db, &dir_stmts, DIR_MERGE_INSERT,
		    DB_ARGS(DB_INT(survivor), DB_INT(other), DB_STR(text),
		    DB_STR(actor)), NULL, &id);
	snprintf(into, sizeof(into), "%lld", survivor);
	if (e == DB_OK)
		e = audit_write(db, actor, "person", survivor, "merge",
		    person_json(a, &before), person_json(a, &s));
	if (e == DB_OK)
		e = audit_write(db, actor, "person", other, "merged", NULL,
		    audit_json(a, (const struct audit_field[]){
		    { "merged_into", into } }, 1));
	if (e == DB_OK)
		*merge_id = (long long)id;
out:
	json_decref(moved);
	return e;
}

enum db_err
person_merge(struct db *db, const char *actor, long long survivor,
    long long other, long long *merge_id)
{
	struct arena	 a;
	enum db_err	 e;

	*merge_id = 0;
	if (survivor == other)
		return DB_CONFLICT;
	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, merge_in(db, &a, actor, survivor, other,
		    merge_id));
	if (e != DB_OK)
		*merge_id = 0;
	arena_free(&a);
	return e;
}

/* Run stmt(to, id, from) for each integer id of the JSON array. */
static enum db_err
move_back(struct db *db, unsigned stmt, json_t *ids, long long to,
    long long from)
{
	size_t	 i;
	json_t	*v;
	enum db_err e = DB_OK;

	json_array_foreach(ids, i, v) {
		unsigned long long affected = 0;

		if (!json_is_integer(v))
			return DB_ERROR;
		if ((e = db_exec_in(db, &dir_stmts, stmt, DB_ARGS(DB_INT(to),
		    DB_INT(json_integer_value(v)), DB_INT(from)), &affected,
		    NULL)))
			return e;
		/* Moved on since (another merge, an edit): refuse, not half-undo. */
		if (affected == 0)
			return DB_CONFLICT;
	}
	return e;
}

/* A field the merge filled goes back, unless edited since. */
static void
unfill(struct arena *a, json_t *filled, const char *name, const char **field,
    const char *was)
{
	json_t	*v = json_object_get(filled, name);

	if (json_is_string(v) && strcmp(nz(*field), json_string_value(v)) == 0)
		*field = arena_strdup(a, was);
}

/* The body of person_merge_undo, inside its transaction. */
static enum db_err
undo_in(struct db *db, struct arena *a, const char *actor, long long merge_id)
{
	struct db_rows		 r;
	struct person		 s, before;
	json_t			*moved, *filled, *closed;
	json_error_t		 jerr;
	unsigned long long	 affected = 0;
	long long		 survivor, merged;
	enum db_err		 e;

	e = db_query_in(db, &dir_stmts, DIR_MERGE_LOCK,
	    DB_ARGS(DB_INT(merge_id)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	if (db_num(DB_CELL(&r, 0, 3)) != 0)
		return DB_CONFLICT;
	survivor = db_num(DB_CELL(&r, 0, 0));
	merged = db_num(DB_CELL(&r, 0, 1));
	if ((moved = json_loads(DB_CELL(&r, 0, 2), 0, &jerr)) == NULL)
		return DB_ERROR;
	if ((e = person_get(db, a, survivor, &s)) != DB_OK)
		goto out;
	/* Merged on into someone else since: undo that merge first. */
	if (s.deleted) {
		e = DB_CONFLICT;
		goto out;
	}
	before = s;
	e = give_ids(db, a, survivor, merged, moved);
	if (e == DB_OK)
		e = move_back(db, DIR_MERGE_MOVE_ENGAGEMENT,
	    json_object_get(moved, "engagements"), merged, survivor);
	if (e == DB_OK)
		e = move_back(db, DIR_MERGE_MOVE_TERM,
		    json_object_get(moved, "terms"), merged, survivor);
	closed = json_object_get(moved, "closed_term");
	if (e == DB_OK && json_is_integer(closed))
		e = db_exec_in(db, &dir_stmts, DIR_MERGE_REOPEN_TERM,
		    DB_ARGS(DB_INT(json_integer_value(closed)), DB_INT(merged)),
		    NULL, NULL);
	if (e != DB_OK)
		goto out;
	filled = json_object_get(moved, "filled");
	unfill(a, filled, "email", &s.email, "");
	unfill(a, filled, "phone", &s.phone, "");
	unfill(a, filled, "role", &s.role_title, "");
	unfill(a, filled, "constituency", &s.constituency, "");
	unfill(a, filled, "notes", &s.notes, json_is_string(json_object_get(
	    moved, "notes_before")) ? json_string_value(json_object_get(moved,
	    "notes_before")) : "");
	e = db_exec_in(db, &dir_stmts, DIR_PERSON_FILL, DB_ARGS(FILL_ARGS(&s)),
	    &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_CONFLICT;
	/* Restored by hand since is fine: then there is nothing to do. */
	if (e == DB_OK)
		e = db_exec_in(db, &dir_stmts, DIR_PERSON_SET_DELETED,
		    DB_ARGS(DB_INT(0), DB_INT(merged), DB_INT(0)), NULL, NULL);
	if (e == DB_OK)
		e = db_exec_in(db, &dir_stmts, DIR_MERGE_SET_UNDONE,
		    DB_ARGS(DB_INT(merge_id)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_CONFLICT;
	if (e == DB_OK)
		e = audit_write(db, actor, "person", survivor, "unmerge",
		    person_json(a, &before), person_json(a, &s));
	if (e == DB_OK)
		e = audit_write(db, actor, "person", merged, "unmerge", NULL,
		    NULL);
out:
	json_decref(moved);
	return e;
}

enum db_err
person_merge_undo(struct db *db, const char *actor, long long merge_id)
{
	struct arena	 a;
	enum db_err	 e;

	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, undo_in(db, &a, actor, merge_id));
	arena_free(&a);
	return e;
}

static enum db_err
merges_from_rows(struct arena *a, const struct db_rows *r,
    struct person_merge **out, size_t *n)
{
	size_t	 i;

	if ((*out = arena_alloc(a, (r->nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r->nrows; i++) {
		struct person_merge	*m = &(*out)[i];

		m->id = db_num(DB_CELL(r, i, 0));
		m->survivor_id = db_num(DB_CELL(r, i, 1));
		m->survivor_name = DB_CELL(r, i, 2);
		m->merged_id = db_num(DB_CELL(r, i, 3));
		m->merged_name = DB_CELL(r, i, 4);
		m->actor = DB_CELL(r, i, 5);
		m->at = DB_CELL(r, i, 6);
		m->undone_at = DB_CELL(r, i, 7);
	}
	*n = r->nrows;
	return DB_OK;
}

enum db_err
person_merges_of(struct db *db, struct arena *a, long long person_id,
    struct person_merge **out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;

	*n = 0;
	e = db_query_in(db, &dir_stmts, DIR_MERGES_OF,
	    DB_ARGS(DB_INT(person_id), DB_INT(person_id)), a, &r);
	if (e != DB_OK)
		return e;
	return merges_from_rows(a, &r, out, n);
}

enum db_err
person_merge_get(struct db *db, struct arena *a, long long id,
    struct person_merge *m)
{
	struct db_rows		 r;
	struct person_merge	*list;
	size_t			 n;
	enum db_err		 e;

	memset(m, 0, sizeof(*m));
	e = db_query_in(db, &dir_stmts, DIR_MERGE_GET, DB_ARGS(DB_INT(id)),
	    a, &r);
	if (e != DB_OK)
		return e;
	if ((e = merges_from_rows(a, &r, &list, &n)) != DB_OK)
		return e;
	if (n == 0)
		return DB_NOTFOUND;
	*m = list[0];
	return DB_OK;
}
