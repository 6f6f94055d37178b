/*
 * Retention rules and runs in MariaDB (see privacy_retention.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "privacy_erase.h"
#include "privacy_retention.h"

enum {
	RT_RULES,
	RT_CATEGORY,
	RT_RULE_GET,
	RT_RULE_SET,
	RT_DUE,
	RT_RUN_INSERT,
	RT_LAST_RUN,
	RT__MAX
};

static const char *const rt_sql[RT__MAX] = {
	[RT_RULES] =
	    "SELECT c.code, c.label, IFNULL(r.months, -1), "
	    "IFNULL(r.exempt_current, 0) FROM person_categories c "
	    "LEFT JOIN retention_rules r ON r.category = c.code "
	    "ORDER BY c.sort_order, c.label",
	[RT_CATEGORY] =
	    "SELECT code FROM person_categories WHERE code = ?",
	[RT_RULE_GET] =
	    "SELECT IFNULL(months, -1), exempt_current FROM retention_rules "
	    "WHERE category = ? FOR UPDATE",
	[RT_RULE_SET] =
	    "INSERT INTO retention_rules (category, months, exempt_current, "
	    "updated_by, updated_at) VALUES (?, NULLIF(?, -1), ?, ?, "
	    "UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE months = VALUES(months), "
	    "exempt_current = VALUES(exempt_current), "
	    "updated_by = VALUES(updated_by), updated_at = VALUES(updated_at), "
	    "version = version + 1",
	/* Last contact: the latest live engagement, else the last edit. */
	[RT_DUE] =
	    "SELECT d.id, d.full_name, d.category, d.label, "
	    "DATE_FORMAT(d.last_contact, '%Y-%m-%d'), d.months FROM ("
	    "SELECT p.id, p.full_name, p.category, c.label, r.months, "
	    "IFNULL((SELECT MAX(e.occurred_on) FROM engagement_people x "
	    "JOIN engagements e ON e.id = x.engagement_id "
	    "WHERE x.person_id = p.id AND e.deleted_at IS NULL), "
	    "DATE(GREATEST(p.created_at, p.updated_at))) AS last_contact "
	    "FROM people p JOIN person_categories c ON c.code = p.category "
	    "JOIN retention_rules r ON r.category = p.category "
	    "AND r.months IS NOT NULL "
	    "WHERE p.erased_at IS NULL "
	    "AND NOT (r.exempt_current = 1 AND p.is_current = 1) "
	    "AND NOT EXISTS (SELECT 1 FROM person_merges m "
	    "WHERE m.merged_id = p.id AND m.undone_at IS NULL)"
	    ") d WHERE d.last_contact <= DATE_SUB(?, INTERVAL d.months MONTH) "
	    "ORDER BY d.last_contact, d.id",
	[RT_RUN_INSERT] =
	    "INSERT INTO retention_runs (ran_at, actor, erased) "
	    "VALUES (UTC_TIMESTAMP(), ?, ?)",
	[RT_LAST_RUN] =
	    "SELECT DATE_FORMAT(ran_at, '%Y-%m-%d %H:%i:%s'), erased, "
	    "ran_at < DATE_SUB(?, INTERVAL 1 MONTH) FROM retention_runs "
	    "ORDER BY ran_at DESC, id DESC LIMIT 1",
};
static const struct db_stmts rt_stmts = { DB_SLOT_RETENTION, rt_sql,
    RT__MAX };

enum db_err
retention_rules(struct db *db, struct arena *a, struct retention_rule **out,
    size_t *n)
{
	struct retention_rule	*list;
	struct db_rows		 r;
	size_t			 i;
	enum db_err		 e;

	*out = NULL;
	*n = 0;
	if ((e = db_query_in(db, &rt_stmts, RT_RULES, NULL, 0, a, &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_OK;
	if ((list = arena_alloc(a, r.nrows * sizeof(*list))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		list[i].category = DB_CELL(&r, i, 0);
		list[i].label = DB_CELL(&r, i, 1);
		list[i].months = (int)db_num(DB_CELL(&r, i, 2));
		list[i].exempt_current = db_num(DB_CELL(&r, i, 3)) != 0;
	}
	*out = list;
	*n = r.nrows;
	return DB_OK;
}

/* A rule as the audit log holds it. */
static const char *
rule_json(struct arena *a, int months, int exempt)
{
	char			 m[16];
	struct audit_field	 f[2] = {
		{ "months", m }, { "exempt_current", exempt ? "yes" : "no" }
	};

	if (months < 0)
		snprintf(m, sizeof(m), "no limit");
	else
		snprintf(m, sizeof(m), "%d", months);
	return audit_json(a, f, 2);
}

static enum db_err
rule_save(struct db *db, struct arena *a, const char *actor,
    const char *category, int months, int exempt)
{
	struct db_rows	 r;
	const char	*before = NULL, *after;
	enum db_err	 e;

	if ((e = db_query_in(db, &rt_stmts, RT_CATEGORY, DB_ARGS(
	    DB_STR(category)), a, &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	if ((e = db_query_in(db, &rt_stmts, RT_RULE_GET, DB_ARGS(
	    DB_STR(category)), a, &r)) != DB_OK)
		return e;
	if (r.nrows > 0 && (before = rule_json(a,
	    (int)db_num(DB_CELL(&r, 0, 0)), db_num(DB_CELL(&r, 0, 1)) != 0))
	    == NULL)
		return DB_NOMEM;
	if ((after = rule_json(a, months, exempt)) == NULL)
		return DB_NOMEM;
	if ((e = db_exec_in(db, &rt_stmts, RT_RULE_SET, DB_ARGS(
	    DB_STR(category), DB_INT(months), DB_INT(exempt != 0),
	    DB_STR(actor)), NULL, NULL)) != DB_OK)
		return e;
	if (before != NULL && strcmp(before, after) == 0)
		return DB_OK;
	return audit_write(db, actor, "retention_rule", 0, "update", before,
	    after);
}

enum db_err
retention_rule_save(struct db *db, const char *actor, const char *category,
    int months, int exempt_current)
{
	struct arena	 a;
	enum db_err	 e;

	if (months != -1 && (months < 1 || months > RETENTION_MONTHS_MAX))
		return DB_ERROR;
	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, rule_save(db, &a, actor, category, months,
		    exempt_current));
	arena_free(&a);
	return e;
}

enum db_err
retention_due_list(struct db *db, struct arena *a, const char *today,
    struct retention_due **out, size_t *n)
{
	struct retention_due	*list;
	struct db_rows		 r;
	size_t			 i;
	enum db_err		 e;

	*out = NULL;
	*n = 0;
	if ((e = db_query_in(db, &rt_stmts, RT_DUE, DB_ARGS(DB_STR(today)), a,
	    &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_OK;
	if ((list = arena_alloc(a, r.nrows * sizeof(*list))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		list[i].person_id = db_num(DB_CELL(&r, i, 0));
		list[i].full_name = DB_CELL(&r, i, 1);
		list[i].category = DB_CELL(&r, i, 2);
		list[i].category_label = DB_CELL(&r, i, 3);
		list[i].last_contact = DB_CELL(&r, i, 4);
		list[i].months = (int)db_num(DB_CELL(&r, i, 5));
	}
	*out = list;
	*n = r.nrows;
	return DB_OK;
}

enum db_err
retention_run(struct db *db, const char *actor, const char *today,
    retention_progress_fn progress, void *ctx, size_t *erased)
{
	struct arena		 a;
	struct retention_due	*due;
	size_t			 n, i;
	enum db_err		 e;

	*erased = 0;
	arena_init(&a);
	if ((e = retention_due_list(db, &a, today, &due, &n)) != DB_OK)
		goto done;
	for (i = 0; i < n; i++) {
		if (progress != NULL)
			progress(ctx, i + 1, n);
		e = privacy_erase_person(db, due[i].person_id, actor,
		    "retention");
		if (e == DB_CONFLICT || e == DB_NOTFOUND)
			continue;
		if (e != DB_OK)
			goto done;
		(*erased)++;
	}
	e = db_exec_in(db, &rt_stmts, RT_RUN_INSERT, DB_ARGS(DB_STR(actor),
	    DB_INT((long long)*erased)), NULL, NULL);
done:
	arena_free(&a);
	return e;
}

enum db_err
retention_status(struct db *db, struct arena *a, const char *today,
    struct retention_status *s)
{
	struct retention_due	*due;
	struct db_rows		 r;
	int			 stale;
	enum db_err		 e;

	memset(s, 0, sizeof(*s));
	if ((e = retention_due_list(db, a, today, &due, &s->due)) != DB_OK)
		return e;
	if ((e = db_query_in(db, &rt_stmts, RT_LAST_RUN, DB_ARGS(
	    DB_STR(today)), a, &r)) != DB_OK)
		return e;
	stale = r.nrows == 0;
	if (r.nrows > 0) {
		s->last_run = DB_CELL(&r, 0, 0);
		s->last_erased = db_num(DB_CELL(&r, 0, 1));
		stale = db_num(DB_CELL(&r, 0, 2)) != 0;
	}
	s->remind = s->due > 0 || stale;
	return DB_OK;
}
