#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "db.h"
#include "kpi.h"
#include "strategy.h"

enum {
	SQ_LIST,
	SQ_GET,
	SQ_FOR_YEAR,
	SQ_CURRENT,
	SQ_LATEST,
	SQ_AIMS,
	SQ_OBJECTIVES,
	SQ_GOALS,
	SQ_KPIS,
	/* Items by kind: get, insert, update, set dropped, parent. */
	SQ_GET_STRATEGY, SQ_GET_AIM, SQ_GET_OBJECTIVE, SQ_GET_GOAL, SQ_GET_KPI,
	SQ_INS_STRATEGY, SQ_INS_AIM, SQ_INS_OBJECTIVE, SQ_INS_GOAL, SQ_INS_KPI,
	SQ_UPD_STRATEGY, SQ_UPD_AIM, SQ_UPD_OBJECTIVE, SQ_UPD_GOAL, SQ_UPD_KPI,
	SQ_DROP_STRATEGY, SQ_DROP_AIM, SQ_DROP_OBJECTIVE, SQ_DROP_GOAL,
	SQ_DROP_KPI,
	SQ_PARENT_STRATEGY, SQ_PARENT_AIM, SQ_PARENT_OBJECTIVE,
	SQ_PARENT_GOAL, SQ_PARENT_KPI,
	SQ_REBUILD_KPI,
	SQ_BUMP_KPI,
	SQ_RULE,
	SQ_RULE_TYPES,
	SQ_RULE_MEDIA,
	SQ_RULE_CATEGORIES,
	SQ_RULE_KINDS,
	SQ_RULE_AREAS,
	SQ_RULE_SET,
	SQ_CLEAR_TYPES,
	SQ_CLEAR_MEDIA,
	SQ_CLEAR_CATEGORIES,
	SQ_CLEAR_KINDS,
	SQ_CLEAR_AREAS,
	SQ_ADD_TYPE,
	SQ_ADD_MEDIUM,
	SQ_ADD_CATEGORY,
	SQ_ADD_KIND,
	SQ_ADD_AREA,
	SQ_TARGETS,
	SQ_TARGET_CLEAR,
	SQ_TARGET_SET,
	SQ_DECISION_ADD,
	SQ_DECISIONS,
	SQ__MAX
};

#define STRATEGY_COLUMNS \
	"SELECT id, name, first_year, years, year_start_month, on_track_pct, " \
	"at_risk_pct, version, dropped_at IS NOT NULL FROM strategies "

/* The strategy year of today (YYYY-MM-DD), by the strategy's start month. */
#define YEAR_OF_TODAY "(YEAR(?) - (MONTH(?) < year_start_month))"

#define SET_DROPPED(table) \
	"UPDATE " table " SET dropped_at = IF(? = 1, UTC_TIMESTAMP(), NULL), " \
	"version = version + 1, updated_at = UTC_TIMESTAMP() " \
	"WHERE id = ? AND version = ? AND (dropped_at IS NULL) = (? = 1)"

static const char *const sq_sql[SQ__MAX] = {
	[SQ_LIST] = STRATEGY_COLUMNS "ORDER BY first_year DESC, id DESC",
	[SQ_GET] = STRATEGY_COLUMNS "WHERE id = ?",
	[SQ_FOR_YEAR] = STRATEGY_COLUMNS
	    "WHERE dropped_at IS NULL AND first_year <= ? AND first_year + years > ? "
	    "ORDER BY first_year DESC, id DESC LIMIT 1",
	[SQ_CURRENT] = STRATEGY_COLUMNS
	    "WHERE dropped_at IS NULL AND first_year <= " YEAR_OF_TODAY
	    " AND first_year + years > " YEAR_OF_TODAY
	    " ORDER BY first_year DESC, id DESC LIMIT 1",
	[SQ_LATEST] = STRATEGY_COLUMNS
	    "WHERE dropped_at IS NULL ORDER BY first_year DESC, id DESC LIMIT 1",
	[SQ_AIMS] =
	    "SELECT id, code, name, statement, version, dropped_at IS NOT NULL "
	    "FROM strategy_aims WHERE strategy_id = ? ORDER BY sort_order, code",
	[SQ_OBJECTIVES] =
	    "SELECT o.id, o.aim_id, o.code, o.text, o.version, "
	    "o.dropped_at IS NOT NULL FROM strategy_objectives o "
	    "JOIN strategy_aims a ON a.id = o.aim_id WHERE a.strategy_id = ? "
	    "ORDER BY a.sort_order, a.code, o.sort_order, o.code",
	[SQ_GOALS] =
	    "SELECT g.id, g.objective_id, g.year, g.text, g.version, "
	    "g.dropped_at IS NOT NULL FROM strategy_goals g "
	    "JOIN strategy_objectives o ON o.id = g.objective_id "
	    "JOIN strategy_aims a ON a.id = o.aim_id WHERE a.strategy_id = ? "
	    "ORDER BY g.objective_id, g.year, g.id",
	[SQ_KPIS] =
	    "SELECT id, objective_id, code, label, key_measure, unit, "
	    "source = 'counted', accumulate = 'latest', version, "
	    "dropped_at IS NOT NULL FROM kpis WHERE strategy_id = ? "
	    "ORDER BY sort_order, code",
	[SQ_GET_STRATEGY] =
	    "SELECT id, 0, id, version, dropped_at IS NOT NULL, name, first_year, "
	    "years, year_start_month, on_track_pct, at_risk_pct "
	    "FROM strategies WHERE id = ?",
	[SQ_GET_AIM] =
	    "SELECT id, strategy_id, strategy_id, version, dropped_at IS NOT NULL, "
	    "code, name, statement, sort_order FROM strategy_aims WHERE id = ?",
	[SQ_GET_OBJECTIVE] =
	    "SELECT o.id, o.aim_id, a.strategy_id, o.version, "
	    "o.dropped_at IS NOT NULL, o.code, o.text, o.sort_order "
	    "FROM strategy_objectives o JOIN strategy_aims a ON a.id = o.aim_id "
	    "WHERE o.id = ?",
	[SQ_GET_GOAL] =
	    "SELECT g.id, g.objective_id, a.strategy_id, g.version, "
	    "g.dropped_at IS NOT NULL, g.year, g.text FROM strategy_goals g "
	    "JOIN strategy_objectives o ON o.id = g.objective_id "
	    "JOIN strategy_aims a ON a.id = o.aim_id WHERE g.id = ?",
	[SQ_GET_KPI] =
	    "SELECT id, objective_id, strategy_id, version, dropped_at IS NOT NULL, "
	    "code, label, key_measure, unit, source, accumulate, sort_order "
	    "FROM kpis WHERE id = ?",
	/* Inserts: the values in field order, then the parent ids. */
	[SQ_INS_STRATEGY] =
	    "INSERT INTO strategies (name, first_year, years, year_start_month, "
	    "on_track_pct, at_risk_pct, created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[SQ_INS_AIM] =
	    "INSERT INTO strategy_aims (code, name, statement, sort_order, "
	    "strategy_id, created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[SQ_INS_OBJECTIVE] =
	    "INSERT INTO strategy_objectives (code, text, sort_order, aim_id, "
	    "created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[SQ_INS_GOAL] =
	    "INSERT INTO strategy_goals (year, text, objective_id, created_at, "
	    "updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[SQ_INS_KPI] =
	    "INSERT INTO kpis (code, label, key_measure, unit, source, accumulate, "
	    "sort_order, objective_id, strategy_id, created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	/* Updates: the values in field order, then id and version. */
	[SQ_UPD_STRATEGY] =
	    "UPDATE strategies SET name = ?, first_year = ?, years = ?, "
	    "year_start_month = ?, on_track_pct = ?, at_risk_pct = ?, "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND dropped_at IS NULL",
	[SQ_UPD_AIM] =
	    "UPDATE strategy_aims SET code = ?, name = ?, statement = ?, "
	    "sort_order = ?, version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND dropped_at IS NULL",
	[SQ_UPD_OBJECTIVE] =
	    "UPDATE strategy_objectives SET code = ?, text = ?, sort_order = ?, "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND dropped_at IS NULL",
	[SQ_UPD_GOAL] =
	    "UPDATE strategy_goals SET year = ?, text = ?, "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND dropped_at IS NULL",
	[SQ_UPD_KPI] =
	    "UPDATE kpis SET code = ?, label = ?, key_measure = ?, unit = ?, "
	    "source = ?, accumulate = ?, sort_order = ?, version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND dropped_at IS NULL",
	[SQ_DROP_STRATEGY] = SET_DROPPED("strategies"),
	[SQ_DROP_AIM] = SET_DROPPED("strategy_aims"),
	[SQ_DROP_OBJECTIVE] = SET_DROPPED("strategy_objectives"),
	[SQ_DROP_GOAL] = SET_DROPPED("strategy_goals"),
	[SQ_DROP_KPI] = SET_DROPPED("kpis"),
	/* A new item's parent: its strategy and the parent's code. */
	[SQ_PARENT_STRATEGY] = "SELECT 0, ''",
	[SQ_PARENT_AIM] = "SELECT id, '' FROM strategies WHERE id = ?",
	[SQ_PARENT_OBJECTIVE] =
	    "SELECT strategy_id, code FROM strategy_aims WHERE id = ?",
	[SQ_PARENT_GOAL] =
	    "SELECT a.strategy_id, o.code FROM strategy_objectives o "
	    "JOIN strategy_aims a ON a.id = o.aim_id WHERE o.id = ?",
	[SQ_PARENT_KPI] =
	    "SELECT a.strategy_id, o.code FROM strategy_objectives o "
	    "JOIN strategy_aims a ON a.id = o.aim_id WHERE o.id = ?",
	[SQ_REBUILD_KPI] = "CALL kpi_rebuild_kpi(?)",
	[SQ_BUMP_KPI] =
	    "UPDATE kpis SET version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND dropped_at IS NULL",
	[SQ_RULE] =
	    "SELECT measure, newness, decision_makers FROM kpis WHERE id = ?",
	[SQ_RULE_TYPES] =
	    "SELECT r.type_code, t.label FROM kpi_rule_types r "
	    "JOIN engagement_types t ON t.code = r.type_code WHERE r.kpi_id = ? "
	    "ORDER BY t.sort_order, t.label",
	[SQ_RULE_MEDIA] =
	    "SELECT medium, medium FROM kpi_rule_media WHERE kpi_id = ? "
	    "ORDER BY FIELD(medium, 'print', 'broadcast', 'online'), medium",
	[SQ_RULE_CATEGORIES] =
	    "SELECT r.category, c.label FROM kpi_rule_categories r "
	    "JOIN person_categories c ON c.code = r.category WHERE r.kpi_id = ? "
	    "ORDER BY c.sort_order, c.label",
	[SQ_RULE_KINDS] =
	    "SELECT kind, kind FROM kpi_rule_org_kinds WHERE kpi_id = ? "
	    "ORDER BY kind",
	[SQ_RULE_AREAS] =
	    "SELECT r.policy_area_id, a.name FROM kpi_rule_areas r "
	    "JOIN policy_areas a ON a.id = r.policy_area_id WHERE r.kpi_id = ? "
	    "ORDER BY a.name",
	[SQ_RULE_SET] =
	    "UPDATE kpis SET measure = ?, newness = ?, decision_makers = ? "
	    "WHERE id = ?",
	[SQ_CLEAR_TYPES] = "DELETE FROM kpi_rule_types WHERE kpi_id = ?",
	[SQ_CLEAR_MEDIA] = "DELETE FROM kpi_rule_media WHERE kpi_id = ?",
	[SQ_CLEAR_CATEGORIES] = "DELETE FROM kpi_rule_categories WHERE kpi_id = ?",
	[SQ_CLEAR_KINDS] = "DELETE FROM kpi_rule_org_kinds WHERE kpi_id = ?",
	[SQ_CLEAR_AREAS] = "DELETE FROM kpi_rule_areas WHERE kpi_id = ?",
	[SQ_ADD_TYPE] =
	    "INSERT IGNORE INTO kpi_rule_types (kpi_id, type_code) VALUES (?, ?)",
	[SQ_ADD_MEDIUM] =
	    "INSERT IGNORE INTO kpi_rule_media (kpi_id, medium) VALUES (?, ?)",
	[SQ_ADD_CATEGORY] =
	    "INSERT IGNORE INTO kpi_rule_categories (kpi_id, category) "
	    "VALUES (?, ?)",
	[SQ_ADD_KIND] =
	    "INSERT IGNORE INTO kpi_rule_org_kinds (kpi_id, kind) VALUES (?, ?)",
	[SQ_ADD_AREA] =
	    "INSERT IGNORE INTO kpi_rule_areas (kpi_id, policy_area_id) "
	    "VALUES (?, ?)",
	[SQ_TARGETS] =
	    "SELECT t.year, t.target FROM kpi_targets t WHERE t.kpi_id = ? "
	    "ORDER BY t.year",
	[SQ_TARGET_CLEAR] = "DELETE FROM kpi_targets WHERE kpi_id = ?",
	[SQ_TARGET_SET] =
	    "INSERT INTO kpi_targets (kpi_id, year, target) VALUES (?, ?, ?)",
	[SQ_DECISION_ADD] =
	    "INSERT INTO strategy_decisions (strategy_id, at, actor, entity, "
	    "entity_id, label, action, before_data, after_data, reason) "
	    "VALUES (?, UTC_TIMESTAMP(), ?, ?, ?, ?, ?, ?, ?, ?)",
	[SQ_DECISIONS] =
	    "SELECT id, DATE_FORMAT(at, '%Y-%m-%dT%H:%i:%sZ'), actor, entity, "
	    "entity_id, label, action, reason, before_data, after_data "
	    "FROM strategy_decisions WHERE (? = 0 OR strategy_id = ?) "
	    "ORDER BY id DESC",
};

static const struct db_stmts sq_stmts = { DB_SLOT_STRATEGY, sq_sql, SQ__MAX };

/* Per kind: its name, field names and statements. */
static const struct {
	const char	*name;
	const char	*fields[STRAT_FIELDS_MAX];
	size_t		 nfields;
	unsigned	 get, insert, update, drop, parent;
} kinds[SK__MAX] = {
	[SK_STRATEGY] = { "strategy", { "name", "first year", "years",
	    "year starts in month", "on track from %", "at risk from %" },
	    ST__FIELDS, SQ_GET_STRATEGY, SQ_INS_STRATEGY, SQ_UPD_STRATEGY,
	    SQ_DROP_STRATEGY, SQ_PARENT_STRATEGY },
	[SK_AIM] = { "aim", { "code", "name", "statement", "order" },
	    AIM__FIELDS, SQ_GET_AIM, SQ_INS_AIM, SQ_UPD_AIM, SQ_DROP_AIM,
	    SQ_PARENT_AIM },
	[SK_OBJECTIVE] = { "objective", { "code", "objective", "order" },
	    OBJ__FIELDS, SQ_GET_OBJECTIVE, SQ_INS_OBJECTIVE, SQ_UPD_OBJECTIVE,
	    SQ_DROP_OBJECTIVE, SQ_PARENT_OBJECTIVE },
	[SK_GOAL] = { "goal", { "year", "goal" }, GOAL__FIELDS, SQ_GET_GOAL,
	    SQ_INS_GOAL, SQ_UPD_GOAL, SQ_DROP_GOAL, SQ_PARENT_GOAL },
	[SK_KPI] = { "KPI", { "code", "label", "key measure", "unit", "source",
	    "accumulate", "order" }, KPI__FIELDS, SQ_GET_KPI, SQ_INS_KPI,
	    SQ_UPD_KPI, SQ_DROP_KPI, SQ_PARENT_KPI },
};

const char *
strat_kind_name(enum strat_kind k)
{
	return k >= 0 && k < SK__MAX ? kinds[k].name : "?";
}

const char *const *
strat_field_names(enum strat_kind k, size_t *n)
{
	*n = k >= 0 && k < SK__MAX ? kinds[k].nfields : 0;
	return *n ? kinds[k].fields : NULL;
}

void
strat_year_label(int year, int start_month, char out[10])
{
	if (start_month == 1)
		snprintf(out, 10, "%d", year);
	else
		snprintf(out, 10, "%d-%02d", year, (year + 1) % 100);
}

static const char *
cell(const struct db_rows *r, size_t row, size_t col)
{
	const char	*s = DB_CELL(r, row, col);

	return s != NULL ? s : "";
}

static int
num(const struct db_rows *r, size_t row, size_t col)
{
	return (int)db_num(DB_CELL(r, row, col));
}

static void
strategy_from(const struct db_rows *r, size_t i, struct strategy *s)
{
	s->id = db_num(DB_CELL(r, i, 0));
	s->name = cell(r, i, 1);
	s->first_year = num(r, i, 2);
	s->years = num(r, i, 3);
	s->start_month = num(r, i, 4);
	s->on_track_pct = num(r, i, 5);
	s->at_risk_pct = num(r, i, 6);
	s->version = num(r, i, 7);
	s->dropped = num(r, i, 8) != 0;
}

/* The first strategy row of a query, or DB_NOTFOUND. */
static enum db_err
one_strategy(struct db *db, struct arena *a, unsigned stmt,
    const struct db_val *args, size_t nargs, struct strategy *s)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(s, 0, sizeof(*s));
	if ((e = db_query_in(db, &sq_stmts, stmt, args, nargs, a, &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	strategy_from(&r, 0, s);
	return DB_OK;
}

enum db_err
strat_list(struct db *db, struct arena *a, struct strategy **out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	if ((e = db_query_in(db, &sq_stmts, SQ_LIST, NULL, 0, a, &r)) != DB_OK)
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++)
		strategy_from(&r, i, &(*out)[i]);
	*n = r.nrows;
	return DB_OK;
}

enum db_err
strat_get(struct db *db, struct arena *a, long long id, struct strategy *s)
{
	return one_strategy(db, a, SQ_GET, DB_ARGS(DB_INT(id)), s);
}

enum db_err
strat_for_year(struct db *db, struct arena *a, int year, struct strategy *s)
{
	return one_strategy(db, a, SQ_FOR_YEAR, DB_ARGS(DB_INT(year),
	    DB_INT(year)), s);
}

enum db_err
strat_current(struct db *db, struct arena *a, const char *today,
    struct strategy *s)
{
	enum db_err	 e;

	e = one_strategy(db, a, SQ_CURRENT, DB_ARGS(DB_STR(today),
	    DB_STR(today), DB_STR(today), DB_STR(today)), s);
	if (e == DB_NOTFOUND)
		e = one_strategy(db, a, SQ_LATEST, NULL, 0, s);
	return e;
}

/* Run a query of the tree by strategy id; rows stay in *r. */
static enum db_err
tree_rows(struct db *db, struct arena *a, unsigned stmt, long long id,
    struct db_rows *r, void **out, size_t size)
{
	enum db_err	 e;

	if ((e = db_query_in(db, &sq_stmts, stmt, DB_ARGS(DB_INT(id)), a, r)))
		return e;
	if ((*out = arena_alloc(a, (r->nrows + 1) * size)) == NULL)
		return DB_NOMEM;
	return DB_OK;
}

static enum db_err
tree_aims(struct db *db, struct arena *a, struct strat_tree *t)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	if ((e = tree_rows(db, a, SQ_AIMS, t->strategy.id, &r,
	    (void **)&t->aims, sizeof(*t->aims))) != DB_OK)
		return e;
	for (i = 0; i < r.nrows; i++) {
		t->aims[i].id = db_num(DB_CELL(&r, i, 0));
		t->aims[i].code = cell(&r, i, 1);
		t->aims[i].name = cell(&r, i, 2);
		t->aims[i].statement = cell(&r, i, 3);
		t->aims[i].version = num(&r, i, 4);
		t->aims[i].dropped = num(&r, i, 5) != 0;
	}
	t->naims = r.nrows;
	return DB_OK;
}

static enum db_err
tree_objectives(struct db *db, struct arena *a, struct strat_tree *t)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	if ((e = tree_rows(db, a, SQ_OBJECTIVES, t->strategy.id, &r,
	    (void **)&t->objectives, sizeof(*t->objectives))) != DB_OK)
		return e;
	for (i = 0; i < r.nrows; i++) {
		struct strat_objective *o = &t->objectives[i];

		o->id = db_num(DB_CELL(&r, i, 0));
		o->aim_id = db_num(DB_CELL(&r, i, 1));
		o->code = cell(&r, i, 2);
		o->text = cell(&r, i, 3);
		o->version = num(&r, i, 4);
		o->dropped = num(&r, i, 5) != 0;
	}
	t->nobjectives = r.nrows;
	return DB_OK;
}

static enum db_err
tree_goals(struct db *db, struct arena *a, struct strat_tree *t)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	if ((e = tree_rows(db, a, SQ_GOALS, t->strategy.id, &r,
	    (void **)&t->goals, sizeof(*t->goals))) != DB_OK)
		return e;
	for (i = 0; i < r.nrows; i++) {
		struct strat_goal *g = &t->goals[i];

		g->id = db_num(DB_CELL(&r, i, 0));
		g->objective_id = db_num(DB_CELL(&r, i, 1));
		g->year = num(&r, i, 2);
		g->text = cell(&r, i, 3);
		g->version = num(&r, i, 4);
		g->dropped = num(&r, i, 5) != 0;
	}
	t->ngoals = r.nrows;
	return DB_OK;
}

static enum db_err
tree_kpis(struct db *db, struct arena *a, struct strat_tree *t)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	if ((e = tree_rows(db, a, SQ_KPIS, t->strategy.id, &r,
	    (void **)&t->kpis, sizeof(*t->kpis))) != DB_OK)
		return e;
	for (i = 0; i < r.nrows; i++) {
		struct strat_kpi *k = &t->kpis[i];

		k->id = db_num(DB_CELL(&r, i, 0));
		k->objective_id = db_num(DB_CELL(&r, i, 1));
		k->code = cell(&r, i, 2);
		k->label = cell(&r, i, 3);
		k->key_measure = num(&r, i, 4) != 0;
		k->unit = cell(&r, i, 5);
		k->counted = num(&r, i, 6) != 0;
		k->latest = num(&r, i, 7) != 0;
		k->version = num(&r, i, 8);
		k->dropped = num(&r, i, 9) != 0;
	}
	t->nkpis = r.nrows;
	return DB_OK;
}

enum db_err
strat_tree(struct db *db, struct arena *a, long long id, struct strat_tree *t)
{
	enum db_err	 e;

	memset(t, 0, sizeof(*t));
	if ((e = strat_get(db, a, id, &t->strategy)) != DB_OK ||
	    (e = tree_aims(db, a, t)) != DB_OK ||
	    (e = tree_objectives(db, a, t)) != DB_OK ||
	    (e = tree_goals(db, a, t)) != DB_OK)
		return e;
	return tree_kpis(db, a, t);
}

enum db_err
strat_item_get(struct db *db, struct arena *a, enum strat_kind k,
    long long id, struct strat_item *it)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	memset(it, 0, sizeof(*it));
	if (k < 0 || k >= SK__MAX)
		return DB_ERROR;
	e = db_query_in(db, &sq_stmts, kinds[k].get, DB_ARGS(DB_INT(id)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	it->kind = k;
	it->id = db_num(DB_CELL(&r, 0, 0));
	it->parent_id = db_num(DB_CELL(&r, 0, 1));
	it->strategy_id = db_num(DB_CELL(&r, 0, 2));
	it->version = num(&r, 0, 3);
	it->dropped = num(&r, 0, 4) != 0;
	for (i = 0; i < kinds[k].nfields; i++)
		it->values[i] = cell(&r, 0, 5 + i);
	return DB_OK;
}

/* At most max characters of s (UTF-8), with "…" when cut. */
static const char *
shortened(struct arena *a, const char *s, size_t max)
{
	size_t	 i, chars = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && chars++ == max)
			return arena_printf(a, "%.*s…", (int)i, s);
	return s;
}

/*
 * How the decision log names an item: "KPI A1a Number of ...", "Aim A
 * Advocating", "Objective A1: Be the go-to ...", "Goal 2024-25 of A1".
 */
static const char *
item_label(struct arena *a, const struct strat_item *it,
    const char *parent_code, int start_month)
{
	char	 year[10];

	switch (it->kind) {
	case SK_STRATEGY:
		return shortened(a, it->values[ST_NAME], 300);
	case SK_AIM:
		return arena_printf(a, "Aim %s %s", it->values[AIM_CODE],
		    shortened(a, it->values[AIM_NAME], 300));
	case SK_OBJECTIVE:
		return arena_printf(a, "Objective %s: %s", it->values[OBJ_CODE],
		    shortened(a, it->values[OBJ_TEXT], 300));
	case SK_GOAL:
		strat_year_label(atoi(it->values[GOAL_YEAR]), start_month, year);
		return arena_printf(a, "Goal %s of objective %s: %s", year,
		    parent_code, shortened(a, it->values[GOAL_TEXT], 250));
	case SK_KPI:
		return arena_printf(a, "KPI %s %s", it->values[KPI_CODE],
		    shortened(a, it->values[KPI_LABEL], 300));
	default:
		return "?";
	}
}

static const char *
yes_no(const char *flag)
{
	return flag != NULL && strcmp(flag, "1") == 0 ? "yes" : "no";
}

/* The item's fields as a JSON object for the logs. */
static const char *
item_json(struct arena *a, const struct strat_item *it)
{
	struct audit_field	 f[STRAT_FIELDS_MAX];
	size_t			 i, n = kinds[it->kind].nfields;

	for (i = 0; i < n; i++) {
		f[i].name = kinds[it->kind].fields[i];
		f[i].value = it->values[i];
	}
	if (it->kind == SK_KPI)
		f[KPI_KEY].value = yes_no(it->values[KPI_KEY]);
	return audit_json(a, f, n);
}

/* The JSON object after (or an empty one) with the reason added. */
static const char *
with_reason(struct arena *a, const char *after, const char *reason)
{
	json_t		*o = after != NULL ? json_loads(after, 0, NULL) :
			    json_object();
	char		*text;
	const char	*copy = NULL;

	if (json_is_object(o) && json_object_set_new(o, "reason",
	    json_string(reason)) == 0 && (text = json_dumps(o,
	    JSON_COMPACT | JSON_PRESERVE_ORDER)) != NULL) {
		copy = arena_strdup(a, text);
		free(text);
	}
	json_decref(o);
	return copy;
}

/*
 * The audit row and the decision-log row of one change, inside its
 * transaction.  The audit row's after carries the reason too.
 */
static enum db_err
log_decision(struct db *db, struct arena *a, const char *actor,
    long long strategy_id, const char *entity, long long entity_id,
    const char *label, const char *action, const char *before,
    const char *after, const char *reason)
{
	const char	*audited = with_reason(a, after, reason);
	enum db_err	 e;

	if (audited == NULL)
		return DB_NOMEM;
	e = audit_write(db, actor, entity, entity_id, action, before, audited);
	if (e == DB_OK)
		e = db_exec_in(db, &sq_stmts, SQ_DECISION_ADD, DB_ARGS(
		    DB_INT(strategy_id), DB_STR(actor), DB_STR(entity),
		    DB_INT(entity_id), DB_STR(label), DB_STR(action),
		    DB_STR(before), DB_STR(after), DB_STR(reason)), NULL, NULL);
	return e;
}

/* The parent's strategy and code; DB_NOTFOUND if there is no parent. */
static enum db_err
parent_of(struct db *db, struct arena *a, const struct strat_item *it,
    long long *strategy_id, const char **code)
{
	struct db_rows	 r;
	enum db_err	 e;

	*strategy_id = 0;
	*code = "";
	if (it->kind == SK_STRATEGY)
		return DB_OK;
	e = db_query_in(db, &sq_stmts, kinds[it->kind].parent,
	    DB_ARGS(DB_INT(it->parent_id)), a, &r);
	if (e == DB_OK && r.nrows == 0)
		e = DB_NOTFOUND;
	if (e == DB_OK) {
		*strategy_id = db_num(DB_CELL(&r, 0, 0));
		*code = cell(&r, 0, 1);
	}
	return e;
}

/* The start month of a strategy (7 when unknown), for year labels. */
static int
start_month_of(struct db *db, struct arena *a, long long strategy_id)
{
	struct strategy	 s;

	return strat_get(db, a, strategy_id, &s) == DB_OK ? s.start_month : 7;
}

/* The values of an item as binds, then up to two more. */
static size_t
item_args(const struct strat_item *it, struct db_val *args)
{
	size_t	 i, n = kinds[it->kind].nfields;

	for (i = 0; i < n; i++)
		args[i] = DB_STR(it->values[i] ? it->values[i] : "");
	return n;
}

static enum db_err
item_insert(struct db *db, struct strat_item *it, long long strategy_id)
{
	struct db_val		 args[STRAT_FIELDS_MAX + 2];
	unsigned long long	 id = 0;
	size_t			 n = item_args(it, args);
	enum db_err		 e;

	if (it->kind != SK_STRATEGY)
		args[n++] = DB_INT(it->parent_id);
	if (it->kind == SK_KPI)
		args[n++] = DB_INT(strategy_id);
	e = db_exec_in(db, &sq_stmts, kinds[it->kind].insert, args, n, NULL,
	    &id);
	if (e == DB_OK) {
		it->id = (long long)id;
		it->version = 1;
		it->strategy_id = it->kind == SK_STRATEGY ? it->id : strategy_id;
	}
	return e;
}

static enum db_err
item_update(struct db *db, const struct strat_item *it)
{
	struct db_val		 args[STRAT_FIELDS_MAX + 2];
	unsigned long long	 affected = 0;
	size_t			 n = item_args(it, args);
	enum db_err		 e;

	args[n++] = DB_INT(it->id);
	args[n++] = DB_INT(it->version);
	e = db_exec_in(db, &sq_stmts, kinds[it->kind].update, args, n,
	    &affected, NULL);
	return e == DB_OK && affected == 0 ? DB_CONFLICT : e;
}

/* 1 if a KPI save switched it between counted and manual. */
static int
source_changed(const struct strat_item *old, const struct strat_item *it)
{
	return it->kind == SK_KPI && (old == NULL ||
	    strcmp(old->values[KPI_SOURCE], it->values[KPI_SOURCE]) != 0);
}

static enum db_err
item_save(struct db *db, struct arena *a, const char *actor,
    struct strat_item *it, const char *reason)
{
	struct strat_item	 old, *was = NULL;
	const char		*code, *label;
	long long		 strategy_id;
	enum db_err		 e;

	if (it->id != 0) {
		if ((e = strat_item_get(db, a, it->kind, it->id, &old)) != DB_OK)
			return e;
		if (old.dropped || old.version != it->version)
			return DB_CONFLICT;
		was = &old;
		it->parent_id = old.parent_id;
	}
	if ((e = parent_of(db, a, it, &strategy_id, &code)) != DB_OK)
		return e;
	e = was ? item_update(db, it) : item_insert(db, it, strategy_id);
	if (e != DB_OK)
		return e;
	if (was != NULL) {
		it->version++;
		it->strategy_id = was->strategy_id;
	}
	if (source_changed(was, it))
		e = db_exec_in(db, &sq_stmts, SQ_REBUILD_KPI,
		    DB_ARGS(DB_INT(it->id)), NULL, NULL);
	label = item_label(a, it, code, start_month_of(db, a, it->strategy_id));
	if (e == DB_OK)
		e = log_decision(db, a, actor, it->strategy_id,
		    kinds[it->kind].name, it->id, label,
		    was ? "update" : "create", was ? item_json(a, was) : NULL,
		    item_json(a, it), reason);
	return e;
}

enum db_err
strat_item_save(struct db *db, const char *actor, struct strat_item *it,
    const char *reason)
{
	struct arena	 a;
	long long	 id = it->id;
	int		 version = it->version;
	enum db_err	 e;

	if (it->kind < 0 || it->kind >= SK__MAX)
		return DB_ERROR;
	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, item_save(db, &a, actor, it, reason));
	if (e != DB_OK) {
		it->id = id;
		it->version = version;
	}
	arena_free(&a);
	return e;
}

static enum db_err
set_dropped(struct db *db, struct arena *a, const char *actor,
    enum strat_kind k, long long id, int version, int dropped,
    const char *reason)
{
	struct strat_item	 it;
	unsigned long long	 affected = 0;
	const char		*code;
	long long		 strategy_id;
	enum db_err		 e;

	if ((e = strat_item_get(db, a, k, id, &it)) != DB_OK)
		return e;
	if (it.version != version || it.dropped == dropped)
		return DB_CONFLICT;
	if ((e = parent_of(db, a, &it, &strategy_id, &code)) != DB_OK)
		return e;
	e = db_exec_in(db, &sq_stmts, kinds[k].drop, DB_ARGS(DB_INT(dropped),
	    DB_INT(id), DB_INT(version), DB_INT(dropped)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_CONFLICT;
	if (e == DB_OK)
		e = log_decision(db, a, actor, it.strategy_id, kinds[k].name, id,
		    item_label(a, &it, code, start_month_of(db, a,
		    it.strategy_id)), dropped ? "drop" : "restore", NULL, NULL,
		    reason);
	return e;
}

enum db_err
strat_item_set_dropped(struct db *db, const char *actor, enum strat_kind k,
    long long id, int version, int dropped, const char *reason)
{
	struct arena	 a;
	enum db_err	 e;

	if (k < 0 || k >= SK__MAX)
		return DB_ERROR;
	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, set_dropped(db, &a, actor, k, id, version,
		    dropped ? 1 : 0, reason));
	arena_free(&a);
	return e;
}

/* The codes (column 0) and labels (column 1) of a rule set's rows. */
static enum db_err
rule_set(struct db *db, struct arena *a, unsigned stmt, long long kpi_id,
    const char ***codes, const char ***labels, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	e = db_query_in(db, &sq_stmts, stmt, DB_ARGS(DB_INT(kpi_id)), a, &r);
	if (e != DB_OK)
		return e;
	if ((*codes = arena_alloc(a, (r.nrows + 1) * sizeof(**codes))) == NULL ||
	    (labels != NULL && (*labels = arena_alloc(a, (r.nrows + 1) *
	    sizeof(**labels))) == NULL))
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		(*codes)[i] = cell(&r, i, 0);
		if (labels != NULL)
			(*labels)[i] = cell(&r, i, 1);
	}
	*n = r.nrows;
	return DB_OK;
}

enum db_err
kpi_rule_get(struct db *db, struct arena *a, long long kpi_id,
    struct kpi_rule *rule)
{
	const char	**area_ids;
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	memset(rule, 0, sizeof(*rule));
	e = db_query_in(db, &sq_stmts, SQ_RULE, DB_ARGS(DB_INT(kpi_id)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	rule->measure = cell(&r, 0, 0);
	rule->newness = cell(&r, 0, 1);
	rule->decision_makers = num(&r, 0, 2) != 0;
	if ((e = rule_set(db, a, SQ_RULE_TYPES, kpi_id, &rule->types, NULL,
	    &rule->ntypes)) != DB_OK ||
	    (e = rule_set(db, a, SQ_RULE_MEDIA, kpi_id, &rule->media, NULL,
	    &rule->nmedia)) != DB_OK ||
	    (e = rule_set(db, a, SQ_RULE_CATEGORIES, kpi_id, &rule->categories,
	    NULL, &rule->ncategories)) != DB_OK ||
	    (e = rule_set(db, a, SQ_RULE_KINDS, kpi_id, &rule->kinds, NULL,
	    &rule->nkinds)) != DB_OK ||
	    (e = rule_set(db, a, SQ_RULE_AREAS, kpi_id, &area_ids, NULL,
	    &rule->nareas)) != DB_OK)
		return e;
	if ((rule->areas = arena_alloc(a, (rule->nareas + 1) *
	    sizeof(*rule->areas))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < rule->nareas; i++)
		rule->areas[i] = db_num(area_ids[i]);
	return DB_OK;
}

/* "a, b, c" of a rule set's labels as stored, for the logs. */
static enum db_err
set_text(struct db *db, struct arena *a, unsigned stmt, long long kpi_id,
    const char **out)
{
	const char	**codes, **labels;
	struct buf	 b;
	size_t		 n, i;
	enum db_err	 e;

	if ((e = rule_set(db, a, stmt, kpi_id, &codes, &labels, &n)) != DB_OK)
		return e;
	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", labels[i]);
	*out = b.failed ? NULL : arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return *out == NULL ? DB_NOMEM : DB_OK;
}

/* The rule as stored, as a JSON object of readable fields. */
static enum db_err
rule_json(struct db *db, struct arena *a, long long kpi_id, const char **out)
{
	struct audit_field	 f[8];
	struct kpi_rule		 rule;
	enum db_err		 e;

	if ((e = kpi_rule_get(db, a, kpi_id, &rule)) != DB_OK)
		return e;
	f[0].name = "counts";
	f[0].value = rule.measure;
	f[1].name = "new or existing";
	f[1].value = rule.newness;
	f[2].name = "decision makers only";
	f[2].value = rule.decision_makers ? "yes" : "no";
	f[3].name = "engagement types";
	f[4].name = "media";
	f[5].name = "person categories";
	f[6].name = "organisation kinds";
	f[7].name = "policy areas";
	if ((e = set_text(db, a, SQ_RULE_TYPES, kpi_id, &f[3].value)) ||
	    (e = set_text(db, a, SQ_RULE_MEDIA, kpi_id, &f[4].value)) ||
	    (e = set_text(db, a, SQ_RULE_CATEGORIES, kpi_id, &f[5].value)) ||
	    (e = set_text(db, a, SQ_RULE_KINDS, kpi_id, &f[6].value)) ||
	    (e = set_text(db, a, SQ_RULE_AREAS, kpi_id, &f[7].value)))
		return e;
	*out = audit_json(a, f, 8);
	return *out == NULL ? DB_NOMEM : DB_OK;
}

/* Add each code of a set to a rule table. */
static enum db_err
add_codes(struct db *db, unsigned stmt, long long kpi_id,
    const char *const *codes, size_t n)
{
	enum db_err	 e = DB_OK;
	size_t		 i;

	for (i = 0; e == DB_OK && i < n; i++)
		e = db_exec_in(db, &sq_stmts, stmt, DB_ARGS(DB_INT(kpi_id),
		    DB_STR(codes[i])), NULL, NULL);
	return e;
}

static enum db_err
write_rule(struct db *db, long long kpi_id, const struct kpi_rule *rule)
{
	static const unsigned clear[] = { SQ_CLEAR_TYPES, SQ_CLEAR_MEDIA,
	    SQ_CLEAR_CATEGORIES, SQ_CLEAR_KINDS, SQ_CLEAR_AREAS };
	enum db_err	 e;
	size_t		 i;

	e = db_exec_in(db, &sq_stmts, SQ_RULE_SET, DB_ARGS(DB_STR(rule->measure),
	    DB_STR(rule->newness), DB_INT(rule->decision_makers ? 1 : 0),
	    DB_INT(kpi_id)), NULL, NULL);
	for (i = 0; e == DB_OK && i < sizeof(clear) / sizeof(clear[0]); i++)
		e = db_exec_in(db, &sq_stmts, clear[i], DB_ARGS(DB_INT(kpi_id)),
		    NULL, NULL);
	if (e == DB_OK)
		e = add_codes(db, SQ_ADD_TYPE, kpi_id, rule->types, rule->ntypes);
	if (e == DB_OK)
		e = add_codes(db, SQ_ADD_MEDIUM, kpi_id, rule->media,
		    rule->nmedia);
	if (e == DB_OK)
		e = add_codes(db, SQ_ADD_CATEGORY, kpi_id, rule->categories,
		    rule->ncategories);
	if (e == DB_OK)
		e = add_codes(db, SQ_ADD_KIND, kpi_id, rule->kinds, rule->nkinds);
	for (i = 0; e == DB_OK && i < rule->nareas; i++)
		e = db_exec_in(db, &sq_stmts, SQ_ADD_AREA, DB_ARGS(DB_INT(kpi_id),
		    DB_INT(rule->areas[i])), NULL, NULL);
	return e;
}

/* Check the KPI is live at version and bump it; *it gets the KPI. */
static enum db_err
bump_kpi(struct db *db, struct arena *a, long long kpi_id, int version,
    struct strat_item *it)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;

	if ((e = strat_item_get(db, a, SK_KPI, kpi_id, it)) != DB_OK)
		return e;
	if (it->dropped || it->version != version)
		return DB_CONFLICT;
	e = db_exec_in(db, &sq_stmts, SQ_BUMP_KPI, DB_ARGS(DB_INT(kpi_id),
	    DB_INT(version)), &affected, NULL);
	return e == DB_OK && affected == 0 ? DB_CONFLICT : e;
}

static enum db_err
rule_save(struct db *db, struct arena *a, const char *actor, long long kpi_id,
    int version, const struct kpi_rule *rule, const char *reason)
{
	struct strat_item	 it;
	const char		*before, *after;
	enum db_err		 e;

	if ((e = bump_kpi(db, a, kpi_id, version, &it)) != DB_OK ||
	    (e = rule_json(db, a, kpi_id, &before)) != DB_OK ||
	    (e = write_rule(db, kpi_id, rule)) != DB_OK ||
	    (e = db_exec_in(db, &sq_stmts, SQ_REBUILD_KPI,
	    DB_ARGS(DB_INT(kpi_id)), NULL, NULL)) != DB_OK ||
	    (e = rule_json(db, a, kpi_id, &after)) != DB_OK)
		return e;
	return log_decision(db, a, actor, it.strategy_id, "KPI", kpi_id,
	    item_label(a, &it, "", 7), "rule", before, after, reason);
}

enum db_err
kpi_rule_save(struct db *db, const char *actor, long long kpi_id, int version,
    const struct kpi_rule *rule, const char *reason)
{
	struct arena	 a;
	enum db_err	 e;

	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, rule_save(db, &a, actor, kpi_id, version, rule,
		    reason));
	arena_free(&a);
	return e;
}

enum db_err
kpi_targets_get(struct db *db, struct arena *a, long long kpi_id,
    struct kpi_target **out, size_t *n)
{
	struct strat_item	 it;
	struct strategy		 s;
	struct db_rows		 r;
	enum db_err		 e;
	size_t			 i, j;

	*n = 0;
	if ((e = strat_item_get(db, a, SK_KPI, kpi_id, &it)) != DB_OK ||
	    (e = strat_get(db, a, it.strategy_id, &s)) != DB_OK ||
	    (e = db_query_in(db, &sq_stmts, SQ_TARGETS, DB_ARGS(DB_INT(kpi_id)),
	    a, &r)) != DB_OK)
		return e;
	if ((*out = arena_alloc(a, ((size_t)s.years + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < (size_t)s.years; i++) {
		(*out)[i].year = s.first_year + (int)i;
		(*out)[i].value = "";
		for (j = 0; j < r.nrows; j++)
			if (num(&r, j, 0) == (*out)[i].year &&
			    ((*out)[i].value = kpi_decimal_text(a,
			    cell(&r, j, 1))) == NULL)
				return DB_NOMEM;
	}
	*n = (size_t)s.years;
	return DB_OK;
}

/* The targets as stored, {"2024-25": "8", ...}, for the logs. */
static enum db_err
targets_json(struct db *db, struct arena *a, long long kpi_id,
    int start_month, const char **out)
{
	struct audit_field	*f;
	struct kpi_target	*t;
	size_t			 n, i;
	enum db_err		 e;

	if ((e = kpi_targets_get(db, a, kpi_id, &t, &n)) != DB_OK)
		return e;
	if ((f = arena_alloc(a, (n + 1) * sizeof(*f))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < n; i++) {
		char year[10];

		strat_year_label(t[i].year, start_month, year);
		f[i].name = arena_strdup(a, year);
		f[i].value = t[i].value;
	}
	*out = audit_json(a, f, n);
	return *out == NULL ? DB_NOMEM : DB_OK;
}

static enum db_err
targets_save(struct db *db, struct arena *a, const char *actor,
    long long kpi_id, int version, const struct kpi_target *t, size_t n,
    const char *reason)
{
	struct strat_item	 it;
	const char		*before, *after;
	int			 month;
	enum db_err		 e;
	size_t			 i;

	if ((e = bump_kpi(db, a, kpi_id, version, &it)) != DB_OK)
		return e;
	month = start_month_of(db, a, it.strategy_id);
	if ((e = targets_json(db, a, kpi_id, month, &before)) != DB_OK)
		return e;
	e = db_exec_in(db, &sq_stmts, SQ_TARGET_CLEAR, DB_ARGS(DB_INT(kpi_id)),
	    NULL, NULL);
	for (i = 0; e == DB_OK && i < n; i++)
		if (t[i].value != NULL && *t[i].value != '\0')
			e = db_exec_in(db, &sq_stmts, SQ_TARGET_SET, DB_ARGS(
			    DB_INT(kpi_id), DB_INT(t[i].year),
			    DB_STR(t[i].value)), NULL, NULL);
	if (e == DB_OK)
		e = targets_json(db, a, kpi_id, month, &after);
	if (e == DB_OK)
		e = log_decision(db, a, actor, it.strategy_id, "KPI", kpi_id,
		    item_label(a, &it, "", month), "targets", before, after,
		    reason);
	return e;
}

enum db_err
kpi_targets_save(struct db *db, const char *actor, long long kpi_id,
    int version, const struct kpi_target *t, size_t n, const char *reason)
{
	struct arena	 a;
	enum db_err	 e;

	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, targets_save(db, &a, actor, kpi_id, version, t,
		    n, reason));
	arena_free(&a);
	return e;
}

enum db_err
strat_decisions(struct db *db, struct arena *a, long long strategy_id,
    struct strat_decision **out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	e = db_query_in(db, &sq_stmts, SQ_DECISIONS, DB_ARGS(DB_INT(strategy_id),
	    DB_INT(strategy_id)), a, &r);
	if (e != DB_OK)
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		struct strat_decision *d = &(*out)[i];

		d->id = db_num(DB_CELL(&r, i, 0));
		d->at = cell(&r, i, 1);
		d->actor = cell(&r, i, 2);
		d->entity = cell(&r, i, 3);
		d->entity_id = db_num(DB_CELL(&r, i, 4));
		d->label = cell(&r, i, 5);
		d->action = cell(&r, i, 6);
		d->reason = cell(&r, i, 7);
		if (audit_diff(a, DB_CELL(&r, i, 8), DB_CELL(&r, i, 9),
		    &d->changes, &d->nchanges) == -1)
			return DB_NOMEM;
	}
	*n = r.nrows;
	return DB_OK;
}
