#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "kpi.h"
#include "strategy.h"

enum {
	KQ_AIMS,
	KQ_KPIS,
	KQ_TARGETS,
	KQ_COUNTS,
	KQ_VALUES,
	KQ_SNAP_ADD,
	KQ_SNAPS,
	KQ_SNAP_GET,
	KQ_INFO,
	KQ_VALUES_KPI,
	KQ_VALUE_GET,
	KQ_VALUE_INSERT,
	KQ_VALUE_UPDATE,
	KQ_VALUE_DELETE,
	KQ_COUNT,
	KQ_REBUILD,
	KQ_HITS,
	KQ_STORED,
	KQ_READ_COMMITTED,
	KQ_STORE_LOCK,
	KQ_MARKS,
	KQ_MARK_SPAN,
	KQ_FORGET_PERIODS,
	KQ_FORGET_MARKS,
	KQ_STORE,
	KQ__MAX
};

/* The KPIs the dashboard counts in one statement, and their binds. */
#define KPI_BATCH	32
#define KPI_BINDS8	"?, ?, ?, ?, ?, ?, ?, ?"
#define KPI_BATCH_BINDS	KPI_BINDS8 ", " KPI_BINDS8 ", " KPI_BINDS8 ", " KPI_BINDS8

/* The marks of a batch of KPIs within a period (sql/016). */
#define KPI_MARKS_OF \
	"SELECT COUNT(*) FROM kpi_count_marks m " \
	"WHERE m.kpi_id IN (" KPI_BATCH_BINDS ") " \
	"AND (m.occurred_on BETWEEN ? AND ? OR m.occurred_on IS NULL)"

/* Marks kept before a recompute clears them and every stored period. */
#define KPI_MARKS_KEPT	20000

#define LIVE_KPIS \
	"FROM kpis k JOIN strategy_objectives o ON o.id = k.objective_id " \
	"JOIN strategy_aims a ON a.id = o.aim_id WHERE k.strategy_id = ? " \
	"AND k.dropped_at IS NULL AND o.dropped_at IS NULL " \
	"AND a.dropped_at IS NULL "

static const char *const kq_sql[KQ__MAX] = {
	[KQ_AIMS] =
	    "SELECT id, code, name FROM strategy_aims WHERE strategy_id = ? "
	    "AND dropped_at IS NULL ORDER BY sort_order, code",
	/* Key measures first within each aim, then the strategy's order. */
	[KQ_KPIS] =
	    "SELECT k.id, k.code, k.label, k.unit, k.measure, k.key_measure, "
	    "k.source = 'counted', k.accumulate = 'latest', a.id " LIVE_KPIS
	    "ORDER BY a.sort_order, a.code, k.key_measure DESC, o.sort_order, "
	    "o.code, k.sort_order, k.code",
	[KQ_TARGETS] =
	    "SELECT t.kpi_id, t.target FROM kpi_targets t "
	    "JOIN kpis k ON k.id = t.kpi_id WHERE k.strategy_id = ? AND t.year = ?",
	/*
	 * The counted KPIs' months and, in each KPI's ROLLUP row (month
	 * NULL), the whole period: distinct subjects, so people are counted
	 * once a period.  Up to KPI_BATCH KPIs a statement (unused binds 0,
	 * no KPI's id), rather than a statement a KPI: the constant list
	 * lets the range optimizer read each KPI's period on the primary key
	 * (kpi_id, occurred_on) and nothing else (a join or subquery for the
	 * KPIs reads every year of their hits).
	 */
	[KQ_COUNTS] =
	    "SELECT kpi_id, DATE_FORMAT(occurred_on, '%Y-%m') AS ym, "
	    "COUNT(DISTINCT subject_id) FROM kpi_hits "
	    "WHERE kpi_id IN (" KPI_BATCH_BINDS ") "
	    "AND occurred_on BETWEEN ? AND ? "
	    "GROUP BY kpi_id, ym WITH ROLLUP",
	[KQ_VALUES] =
	    "SELECT v.kpi_id, DATE_FORMAT(v.month, '%Y-%m'), v.value "
	    "FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id "
	    "WHERE k.strategy_id = ? AND v.month BETWEEN ? AND ?",
	[KQ_SNAP_ADD] =
	    "INSERT INTO dashboard_snapshots (strategy_id, year, month, "
	    "frozen_at, frozen_by, figures) "
	    "VALUES (?, ?, ?, UTC_TIMESTAMP(), ?, ?)",
	[KQ_SNAPS] =
	    "SELECT d.id, d.year, DATE_FORMAT(d.month, '%Y-%m'), "
	    "DATE_FORMAT(d.frozen_at, '%Y-%m-%dT%H:%i:%sZ'), d.frozen_by, "
	    "s.year_start_month FROM dashboard_snapshots d "
	    "JOIN strategies s ON s.id = d.strategy_id "
	    "WHERE (? = 0 OR d.strategy_id = ?) ORDER BY d.month DESC, d.id DESC",
	[KQ_SNAP_GET] =
	    "SELECT figures, DATE_FORMAT(frozen_at, '%Y-%m-%dT%H:%i:%sZ'), "
	    "frozen_by FROM dashboard_snapshots WHERE id = ?",
	[KQ_INFO] =
	    "SELECT k.id, k.strategy_id, k.code, k.label, k.unit, k.measure, "
	    "k.key_measure, k.source = 'counted', k.accumulate = 'latest', "
	    "k.dropped_at IS NOT NULL, a.name, o.code, o.text FROM kpis k "
	    "JOIN strategy_objectives o ON o.id = k.objective_id "
	    "JOIN strategy_aims a ON a.id = o.aim_id WHERE k.id = ?",
	[KQ_VALUES_KPI] =
	    "SELECT DATE_FORMAT(month, '%Y-%m'), value, note, version, "
	    "updated_by, DATE_FORMAT(updated_at, '%Y-%m-%dT%H:%i:%sZ') "
	    "FROM kpi_values WHERE kpi_id = ? AND month BETWEEN ? AND ?",
	[KQ_VALUE_GET] =
	    "SELECT v.value, v.note, v.version, k.source = 'manual' FROM kpis k "
	    "LEFT JOIN kpi_values v ON v.kpi_id = k.id AND v.month = ? "
	    "WHERE k.id = ? FOR UPDATE",
	[KQ_VALUE_INSERT] =
	    "INSERT INTO kpi_values (kpi_id, month, value, note, updated_by, "
	    "updated_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	[KQ_VALUE_UPDATE] =
	    "UPDATE kpi_values SET value = ?, note = ?, version = version + 1, "
	    "updated_by = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE kpi_id = ? AND month = ? AND version = ?",
	[KQ_VALUE_DELETE] =
	    "DELETE FROM kpi_values WHERE kpi_id = ? AND month = ? AND version = ?",
	[KQ_COUNT] =
	    "SELECT COUNT(DISTINCT subject_id) FROM kpi_hits WHERE kpi_id = ? "
	    "AND (? IS NULL OR occurred_on >= ?) AND (? IS NULL OR occurred_on <= ?)",
	[KQ_REBUILD] = "CALL kpi_rebuild()",
	[KQ_HITS] = "SELECT COUNT(*) FROM kpi_hits",
	/*
	 * A stored period and, in the same statement (one view of the
	 * data), whether it is fresh: as many marks touch it as when it was
	 * stored.  sql/016_kpi_count_cache.sql says why that is exact.
	 */
	[KQ_STORED] =
	    "SELECT p.marks = (" KPI_MARKS_OF "), p.figures "
	    "FROM kpi_count_periods p "
	    "WHERE p.from_day = ? AND p.to_day = ? AND p.kpis = ?",
	/* Each statement of a recompute sees what is committed as it starts. */
	[KQ_READ_COMMITTED] = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
	/* No row: another view is recounting; this one counts, not stores. */
	[KQ_STORE_LOCK] =
	    "SELECT id FROM kpi_count_lock WHERE id = 1 FOR UPDATE SKIP LOCKED",
	[KQ_MARKS] = KPI_MARKS_OF,
	[KQ_MARK_SPAN] =
	    "SELECT IFNULL(MAX(id) - MIN(id), 0), IFNULL(MAX(id), 0) "
	    "FROM kpi_count_marks",
	[KQ_FORGET_PERIODS] = "DELETE FROM kpi_count_periods",
	[KQ_FORGET_MARKS] = "DELETE FROM kpi_count_marks WHERE id <= ?",
	[KQ_STORE] =
	    "REPLACE INTO kpi_count_periods (from_day, to_day, kpis, marks, "
	    "figures) VALUES (?, ?, ?, ?, ?)",
};

static const struct db_stmts kq_stmts = { DB_SLOT_KPI, kq_sql, KQ__MAX };

static const struct {
	const char	*code;
	const char	*words;
} statuses[KPI__STATUS] = {
	[KPI_NO_TARGET] = { "no-target", "no target" },
	[KPI_ON_TRACK] = { "on-track", "on track" },
	[KPI_AT_RISK] = { "at-risk", "at risk" },
	[KPI_BEHIND] = { "behind", "behind" },
};

const char *
kpi_status_words(enum kpi_status s)
{
	return s >= 0 && s < KPI__STATUS ? statuses[s].words : "?";
}

const char *
kpi_status_code(enum kpi_status s)
{
	return s >= 0 && s < KPI__STATUS ? statuses[s].code : "no-target";
}

enum kpi_status
kpi_status_parse(const char *code)
{
	int	 s;

	for (s = 0; code != NULL && s < KPI__STATUS; s++)
		if (strcmp(code, statuses[s].code) == 0)
			return (enum kpi_status)s;
	return KPI_NO_TARGET;
}

enum kpi_status
kpi_status_of(double actual, double expected, int on_track_pct,
    int at_risk_pct)
{
	if (expected <= 0 || actual * 100 >= expected * on_track_pct)
		return KPI_ON_TRACK;
	if (actual * 100 >= expected * at_risk_pct)
		return KPI_AT_RISK;
	return KPI_BEHIND;
}

double
kpi_expected(double target, int month_index, int latest)
{
	if (latest)
		return target;
	return target * (month_index + 1) / KPI_MONTHS;
}

/* The n digits at s as a number, or -1. */
static int
digits(const char *s, size_t n)
{
	int	 v = 0;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
kpi_year_parse(const char *s, int *year)
{
	int	 y;

	if (s == NULL || (strlen(s) != 4 && strlen(s) != 7) ||
	    (y = digits(s, 4)) < 1900 || y > 2200)
		return -1;
	if (strlen(s) == 7 && (s[4] != '-' || digits(s + 5, 2) != (y + 1) % 100))
		return -1;
	*year = y;
	return 0;
}

/* Months since year 0 of "YYYY-MM..." (a month or a date), or -1. */
static int
month_number(const char *s)
{
	int	 y, m;

	if (s == NULL || strlen(s) < 7 || s[4] != '-' ||
	    (y = digits(s, 4)) < 1900 || (m = digits(s + 5, 2)) < 1 || m > 12)
		return -1;
	return y * 12 + m - 1;
}

int
kpi_month_index(const char *ym, int year, int start_month)
{
	int	 n = month_number(ym), i;

	if (n < 0 || strlen(ym) != 7)
		return -1;
	i = n - (year * 12 + start_month - 1);
	return i >= 0 && i < KPI_MONTHS ? i : -1;
}

static int
days_in(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

void
kpi_month_bounds(int year, int start_month, int index, char ym[8],
    char first[11], char last[11])
{
	unsigned n = (unsigned)(year * 12 + start_month - 1 + index);
	unsigned y = n / 12 % 10000, m = n % 12 + 1;
	unsigned d = (unsigned)days_in((int)y, (int)m) % 32;

	snprintf(ym, 8, "%04u-%02u", y, m);
	snprintf(first, 11, "%04u-%02u-01", y, m);
	snprintf(last, 11, "%04u-%02u-%02u", y, m, d);
}

int
kpi_default_month(int year, int start_month, const char *today)
{
	int	 now = month_number(today);
	int	 done = now - (year * 12 + start_month - 1) - 1;

	if (now < 0 || done < 0)
		return 0;
	return done >= KPI_MONTHS ? KPI_MONTHS - 1 : done;
}

int
kpi_year_of(const char *today, int start_month)
{
	int	 now = month_number(today);

	return now < 0 ? 0 : now / 12 - (now % 12 + 1 < start_month);
}

static const char *
cell(const struct db_rows *r, size_t row, size_t col)
{
	const char	*s = DB_CELL(r, row, col);

	return s != NULL ? s : "";
}

/* The live aims and their KPIs, in dashboard order, figures empty. */
static enum db_err
load_kpis(struct db *db, struct arena *a, struct dashboard *d,
    long long **aim_ids)
{
	struct db_rows	 ar, kr;
	enum db_err	 e;
	size_t		 i, j;

	if ((e = db_query_in(db, &kq_stmts, KQ_AIMS,
	    DB_ARGS(DB_INT(d->strategy_id)), a, &ar)) != DB_OK ||
	    (e = db_query_in(db, &kq_stmts, KQ_KPIS,
	    DB_ARGS(DB_INT(d->strategy_id)), a, &kr)) != DB_OK)
		return e;
	if ((d->aims = arena_alloc(a, (ar.nrows + 1) * sizeof(*d->aims))) == NULL ||
	    (*aim_ids = arena_alloc(a, (ar.nrows + 1) * sizeof(**aim_ids))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < ar.nrows; i++) {
		struct kpi_aim_figures *aim = &d->aims[i];

		(*aim_ids)[i] = db_num(DB_CELL(&ar, i, 0));
		aim->code = cell(&ar, i, 1);
		aim->name = cell(&ar, i, 2);
		if ((aim->kpis = arena_alloc(a, (kr.nrows + 1) *
		    sizeof(*aim->kpis))) == NULL)
			return DB_NOMEM;
		for (j = 0; j < kr.nrows; j++) {
			struct kpi_figures *k;

			if (db_num(DB_CELL(&kr, j, 8)) != (*aim_ids)[i])
				continue;
			k = &aim->kpis[aim->nkpis++];
			k->id = db_num(DB_CELL(&kr, j, 0));
			k->code = cell(&kr, j, 1);
			k->label = cell(&kr, j, 2);
			k->unit = cell(&kr, j, 3);
			k->measure = cell(&kr, j, 4);
			k->key_measure = db_num(DB_CELL(&kr, j, 5)) != 0;
			k->counted = db_num(DB_CELL(&kr, j, 6)) != 0;
			k->latest = db_num(DB_CELL(&kr, j, 7)) != 0;
		}
	}
	d->naims = ar.nrows;
	return DB_OK;
}

/* The KPI of the dashboard with id, or NULL. */
static struct kpi_figures *
find_kpi(struct dashboard *d, long long id)
{
	size_t	 i, j;

	for (i = 0; i < d->naims; i++)
		for (j = 0; j < d->aims[i].nkpis; j++)
			if (d->aims[i].kpis[j].id == id)
				return &d->aims[i].kpis[j];
	return NULL;
}

static enum db_err
load_targets(struct db *db, struct arena *a, struct dashboard *d)
{
	struct kpi_figures	*k;
	struct db_rows		 r;
	enum db_err		 e;
	size_t			 i;

	e = db_query_in(db, &kq_stmts, KQ_TARGETS, DB_ARGS(DB_INT(d->strategy_id),
	    DB_INT(d->year)), a, &r);
	for (i = 0; e == DB_OK && i < r.nrows; i++)
		if ((k = find_kpi(d, db_num(DB_CELL(&r, i, 0)))) != NULL) {
			k->has_target = 1;
			k->target = strtod(cell(&r, i, 1), NULL);
		}
	return e;
}

/* Every counted KPI has a figure for each month so far, hits or not. */
static void
counted_zero(struct dashboard *d)
{
	size_t	 i, j;
	int	 m;

	for (i = 0; i < d->naims; i++)
		for (j = 0; j < d->aims[i].nkpis; j++) {
			struct kpi_figures *k = &d->aims[i].kpis[j];

			if (!k->counted)
				continue;
			for (m = 0; m <= d->month; m++)
				k->has_month[m] = 1;
			k->has_actual = 1;
		}
}

/* --- KQ_COUNTS kept per period (sql/016_kpi_count_cache.sql) ------------- */

/* The batch's KPI ids, "3,7,0,...": the stored period's key. */
static char *
batch_key(struct arena *a, const struct db_val *args)
{
	char	*key, *p;
	size_t	 i;

	if ((key = arena_alloc(a, KPI_BATCH * 21 + 1)) == NULL)
		return NULL;
	for (p = key, i = 0; i < KPI_BATCH; i++)
		p += sprintf(p, "%s%lld", i > 0 ? "," : "", args[i].i);
	return key;
}

/* KQ_COUNTS' rows as stored: "kpi ym n" lines, ym "-" for the total. */
static char *
figures_text(struct arena *a, const struct db_rows *r)
{
	char	*t, *p;
	size_t	 i;

	if ((t = arena_alloc(a, r->nrows * 64 + 1)) == NULL)
		return NULL;
	*(p = t) = '\0';
	for (i = 0; i < r->nrows; i++) {
		if (DB_CELL(r, i, 0) == NULL)
			continue;	/* the grand total: no caller reads it */
		p += sprintf(p, "%lld %.7s %lld\n", db_num(DB_CELL(r, i, 0)),
		    DB_CELL(r, i, 1) != NULL ? DB_CELL(r, i, 1) : "-",
		    db_num(DB_CELL(r, i, 2)));
	}
	return t;
}

/* The stored text back into KQ_COUNTS' rows (kpi, ym or NULL, n). */
static enum db_err
figures_rows(struct arena *a, const char *text, struct db_rows *r)
{
	const char	*p;
	char		*s;
	size_t		 i, n = 0;

	for (p = text; *p != '\0'; p++)
		n += *p == '\n';
	r->nrows = n;
	r->ncols = 3;
	if ((s = arena_strdup(a, text)) == NULL ||
	    (r->cells = arena_alloc(a, (n * 3 + 1) * sizeof(*r->cells))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < n * 3; i++) {
		r->cells[i] = s;
		s += strcspn(s, " \n");
		if (*s == '\0')
			return DB_ERROR;
		*s++ = '\0';
		if (i % 3 == 1 && strcmp(r->cells[i], "-") == 0)
			r->cells[i] = NULL;
	}
	return DB_OK;
}

/* The batch's stored rows into r, and *found, if they are fresh. */
static enum db_err
counts_stored(struct db *db, struct arena *a, const struct db_val *args,
    const char *key, struct db_rows *r, int *found)
{
	struct db_val	 q[KPI_BATCH + 5];
	struct db_rows	 s;
	enum db_err	 e;

	*found = 0;
	memcpy(q, args, (KPI_BATCH + 2) * sizeof(*q));
	q[KPI_BATCH + 2] = args[KPI_BATCH];
	q[KPI_BATCH + 3] = args[KPI_BATCH + 1];
	q[KPI_BATCH + 4] = DB_STR(key);
	e = db_query_in(db, &kq_stmts, KQ_STORED, q, KPI_BATCH + 5, a, &s);
	if (e != DB_OK || s.nrows != 1 || DB_CELL(&s, 0, 0) == NULL ||
	    db_num(DB_CELL(&s, 0, 0)) != 1)
		return e;
	*found = 1;
	return figures_rows(a, DB_CELL(&s, 0, 1), r);
}

/*
 * Past KPI_MARKS_KEPT marks, forget them and every stored period with
 * them (a period's count of marks only holds while none is removed).
 */
static enum db_err
marks_trim(struct db *db, struct arena *a)
{
	struct db_rows	 r;
	enum db_err	 e;

	e = db_query_in(db, &kq_stmts, KQ_MARK_SPAN, NULL, 0, a, &r);
	if (e != DB_OK || r.nrows != 1 ||
	    db_num(DB_CELL(&r, 0, 0)) < KPI_MARKS_KEPT)
		return e;
	if ((e = db_exec_in(db, &kq_stmts, KQ_FORGET_PERIODS, NULL, 0, NULL,
	    NULL)) != DB_OK)
		return e;
	return db_exec_in(db, &kq_stmts, KQ_FORGET_MARKS,
	    DB_ARGS(DB_INT(db_num(DB_CELL(&r, 0, 1)))), NULL, NULL);
}

/* Count the batch's marks, then its hits, and store both. */
static enum db_err
counts_store(struct db *db, struct arena *a, const struct db_val *args,
    const char *key, struct db_rows *r)
{
	struct db_rows	 m;
	enum db_err	 e;
	long long	 marks;
	char		*figures;

	if ((e = marks_trim(db, a)) != DB_OK ||
	    (e = db_query_in(db, &kq_stmts, KQ_MARKS, args, KPI_BATCH + 2, a,
	    &m)) != DB_OK)
		return e;
	marks = m.nrows == 1 ? db_num(DB_CELL(&m, 0, 0)) : 0;
	if ((e = db_query_in(db, &kq_stmts, KQ_COUNTS, args, KPI_BATCH + 2, a,
	    r)) != DB_OK)
		return e;
	if ((figures = figures_text(a, r)) == NULL)
		return DB_NOMEM;
	return db_exec_in(db, &kq_stmts, KQ_STORE, DB_ARGS(args[KPI_BATCH],
	    args[KPI_BATCH + 1], DB_STR(key), DB_INT(marks), DB_STR(figures)),
	    NULL, NULL);
}

/*
 * Recompute under kpi_count_lock, unless a view stored it meanwhile.
 * While another view holds the lock this one only counts, as before
 * anything was stored: views of a period that saves keep changing then
 * count side by side rather than queue for the lock.
 */
static enum db_err
counts_recompute(struct db *db, struct arena *a, const struct db_val *args,
    const char *key, struct db_rows *r)
{
	struct db_rows	 lock;
	enum db_err	 e;
	int		 found = 0;

	if ((e = db_exec_in(db, &kq_stmts, KQ_READ_COMMITTED, NULL, 0, NULL,
	    NULL)) != DB_OK || (e = db_begin(db)) != DB_OK)
		return e;
	e = db_query_in(db, &kq_stmts, KQ_STORE_LOCK, NULL, 0, a, &lock);
	if (e == DB_OK && lock.nrows == 0)
		e = db_query_in(db, &kq_stmts, KQ_COUNTS, args, KPI_BATCH + 2,
		    a, r);
	else if (e == DB_OK) {
		if ((e = counts_stored(db, a, args, key, r, &found)) == DB_OK &&
		    !found)
			e = counts_store(db, a, args, key, r);
	}
	return db_finish(db, e);
}

/*
 * KQ_COUNTS' rows for args (KPI_BATCH ids, the period's first and last
 * day): the stored ones while fresh, else counted and stored.  Within a
 * caller's transaction only counted: its isolation is set already.
 */
static enum db_err
counts_query(struct db *db, struct arena *a, const struct db_val *args,
    struct db_rows *r)
{
	enum db_err	 e;
	char		*key;
	int		 found;

	if (db->tx_depth > 0)
		return db_query_in(db, &kq_stmts, KQ_COUNTS, args,
		    KPI_BATCH + 2, a, r);
	if ((key = batch_key(a, args)) == NULL)
		return DB_NOMEM;
	if ((e = counts_stored(db, a, args, key, r, &found)) != DB_OK || found)
		return e;
	return counts_recompute(db, a, args, key, r);
}

/* The rows of KQ_COUNTS into their KPIs' months and years to date. */
static void
counts_apply(struct dashboard *d, const struct db_rows *r)
{
	struct kpi_figures	*k;
	size_t			 i;
	int			 m;

	for (i = 0; i < r->nrows; i++) {
		double n = (double)db_num(DB_CELL(r, i, 2));

		/* The grand total's row has no KPI. */
		if (DB_CELL(r, i, 0) == NULL ||
		    (k = find_kpi(d, db_num(DB_CELL(r, i, 0)))) == NULL ||
		    !k->counted)
			continue;
		if (DB_CELL(r, i, 1) == NULL)
			k->actual = n;
		else if ((m = kpi_month_index(cell(r, i, 1), d->year,
		    d->start_month)) >= 0 && m <= d->month)
			k->months[m] = n;
	}
}

/*
 * The counted KPIs' months and years to date, from kpi_hits: KPI_BATCH
 * KPIs a statement (one for any strategy of up to 32 counted KPIs).
 */
static enum db_err
load_counts(struct db *db, struct arena *a, struct dashboard *d)
{
	struct db_val	 args[KPI_BATCH + 2];
	struct db_rows	 r;
	long long	*ids;
	enum db_err	 e;
	size_t		 i, j, n = 0, at;

	counted_zero(d);
	for (i = 0; i < d->naims; i++)
		n += d->aims[i].nkpis;
	if ((ids = arena_alloc(a, (n + 1) * sizeof(*ids))) == NULL)
		return DB_NOMEM;
	for (n = 0, i = 0; i < d->naims; i++)
		for (j = 0; j < d->aims[i].nkpis; j++)
			if (d->aims[i].kpis[j].counted)
				ids[n++] = d->aims[i].kpis[j].id;
	for (at = 0; at < n; at += KPI_BATCH) {
		for (i = 0; i < KPI_BATCH; i++)
			args[i] = DB_INT(at + i < n ? ids[at + i] : 0);
		args[KPI_BATCH] = DB_STR(d->from);
		args[KPI_BATCH + 1] = DB_STR(d->to);
		if ((e = counts_query(db, a, args, &r)) != DB_OK)
			return e;
		counts_apply(d, &r);
	}
	return DB_OK;
}

/* The manual KPIs' months, then their year to date. */
static enum db_err
load_values(struct db *db, struct arena *a, struct dashboard *d)
{
	struct kpi_figures	*k;
	struct db_rows		 r;
	enum db_err		 e;
	size_t			 i;
	int			 m;

	e = db_query_in(db, &kq_stmts, KQ_VALUES, DB_ARGS(DB_INT(d->strategy_id),
	    DB_STR(d->from), DB_STR(d->to)), a, &r);
	for (i = 0; e == DB_OK && i < r.nrows; i++) {
		k = find_kpi(d, db_num(DB_CELL(&r, i, 0)));
		m = kpi_month_index(cell(&r, i, 1), d->year, d->start_month);
		if (k == NULL || k->counted || m < 0 || m > d->month)
			continue;
		k->has_month[m] = 1;
		k->months[m] = strtod(cell(&r, i, 2), NULL);
	}
	return e;
}

/* Year to date of a manual KPI: the sum, or the latest month's level. */
static void
manual_actual(struct kpi_figures *k, int month)
{
	int	 m;

	for (m = 0; m <= month; m++) {
		if (!k->has_month[m])
			continue;
		k->has_actual = 1;
		k->actual = k->latest ? k->months[m] : k->actual + k->months[m];
	}
}

static void
judge(struct dashboard *d, struct kpi_figures *k)
{
	if (!k->counted)
		manual_actual(k, d->month);
	if (!k->has_target) {
		k->status = KPI_NO_TARGET;
		return;
	}
	k->expected = kpi_expected(k->target, d->month, k->latest);
	k->status = kpi_status_of(k->has_actual ? k->actual : 0, k->expected,
	    d->on_track_pct, d->at_risk_pct);
}

static void
dashboard_period(struct dashboard *d, const struct strategy *s, int year,
    int month)
{
	char	 first[11], last[11];
	int	 i;

	memset(d, 0, sizeof(*d));
	d->strategy_id = s->id;
	d->strategy_name = s->name;
	d->year = year;
	d->start_month = s->start_month;
	d->month = month;
	d->on_track_pct = s->on_track_pct;
	d->at_risk_pct = s->at_risk_pct;
	strat_year_label(year, s->start_month, d->year_label);
	for (i = 0; i < KPI_MONTHS; i++) {
		kpi_month_bounds(year, s->start_month, i, d->months[i], first,
		    last);
		if (i == 0)
			memcpy(d->from, first, sizeof(d->from));
		if (i == month)
			memcpy(d->to, last, sizeof(d->to));
	}
}

enum db_err
kpi_dashboard(struct db *db, struct arena *a, const struct strategy *s,
    int year, int month, struct dashboard *d)
{
	long long	*aim_ids;
	enum db_err	 e;
	size_t		 i, j;

	if (month < 0 || month >= KPI_MONTHS)
		return DB_ERROR;
	dashboard_period(d, s, year, month);
	if ((e = load_kpis(db, a, d, &aim_ids)) != DB_OK ||
	    (e = load_targets(db, a, d)) != DB_OK ||
	    (e = load_values(db, a, d)) != DB_OK ||
	    (e = load_counts(db, a, d)) != DB_OK)
		return e;
	for (i = 0; i < d->naims; i++)
		for (j = 0; j < d->aims[i].nkpis; j++)
			judge(d, &d->aims[i].kpis[j]);
	return DB_OK;
}

enum db_err
kpi_rebuild_all(struct db *db, long long *hits)
{
	struct arena	 a;
	struct db_rows	 r;
	enum db_err	 e;

	*hits = 0;
	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = db_finish(db, db_exec_in(db, &kq_stmts, KQ_REBUILD, NULL, 0, NULL,
	    NULL));
	if (e != DB_OK)
		return e;
	arena_init(&a);
	e = db_query_in(db, &kq_stmts, KQ_HITS, NULL, 0, &a, &r);
	if (e == DB_OK && r.nrows == 1)
		*hits = db_num(DB_CELL(&r, 0, 0));
	arena_free(&a);
	return e;
}

/* Snapshots: the dashboard as JSON and back. */

static json_t *
kpi_json(const struct kpi_figures *k)
{
	json_t	*o = json_object(), *months = json_array();
	int	 m;

	if (o == NULL || months == NULL) {
		json_decref(o);
		json_decref(months);
		return NULL;
	}
	for (m = 0; m < KPI_MONTHS; m++)
		json_array_append_new(months, k->has_month[m] ?
		    json_real(k->months[m]) : json_null());
	json_object_set_new(o, "id", json_integer(k->id));
	json_object_set_new(o, "code", json_string(k->code));
	json_object_set_new(o, "label", json_string(k->label));
	json_object_set_new(o, "unit", json_string(k->unit));
	json_object_set_new(o, "measure", json_string(k->measure));
	json_object_set_new(o, "key_measure", json_boolean(k->key_measure));
	json_object_set_new(o, "counted", json_boolean(k->counted));
	json_object_set_new(o, "latest", json_boolean(k->latest));
	json_object_set_new(o, "target", k->has_target ?
	    json_real(k->target) : json_null());
	json_object_set_new(o, "expected", json_real(k->expected));
	json_object_set_new(o, "actual", k->has_actual ?
	    json_real(k->actual) : json_null());
	json_object_set_new(o, "status",
	    json_string(kpi_status_code(k->status)));
	json_object_set_new(o, "months", months);
	return o;
}

static json_t *
dashboard_json(const struct dashboard *d)
{
	json_t	*o = json_object(), *aims = json_array();
	size_t	 i, j;

	if (o == NULL || aims == NULL) {
		json_decref(o);
		json_decref(aims);
		return NULL;
	}
	json_object_set_new(o, "strategy_id", json_integer(d->strategy_id));
	json_object_set_new(o, "strategy", json_string(d->strategy_name));
	json_object_set_new(o, "year", json_integer(d->year));
	json_object_set_new(o, "start_month", json_integer(d->start_month));
	json_object_set_new(o, "month", json_integer(d->month));
	json_object_set_new(o, "on_track_pct", json_integer(d->on_track_pct));
	json_object_set_new(o, "at_risk_pct", json_integer(d->at_risk_pct));
	for (i = 0; i < d->naims; i++) {
		json_t *aim = json_object(), *kpis = json_array();

		json_object_set_new(aim, "code", json_string(d->aims[i].code));
		json_object_set_new(aim, "name", json_string(d->aims[i].name));
		for (j = 0; j < d->aims[i].nkpis; j++)
			json_array_append_new(kpis, kpi_json(&d->aims[i].kpis[j]));
		json_object_set_new(aim, "kpis", kpis);
		json_array_append_new(aims, aim);
	}
	json_object_set_new(o, "aims", aims);
	return o;
}

static enum db_err
freeze(struct db *db, struct arena *a, const char *actor, const char *figures,
    const struct dashboard *d, long long *id)
{
	const struct audit_field f[] = { { "year", d->year_label },
	    { "month", d->months[d->month] } };
	unsigned long long	 new_id = 0;
	char			 month[11];
	enum db_err		 e;

	snprintf(month, sizeof(month), "%s-01", d->months[d->month]);
	e = db_exec_in(db, &kq_stmts, KQ_SNAP_ADD, DB_ARGS(DB_INT(d->strategy_id),
	    DB_INT(d->year), DB_STR(month), DB_STR(actor), DB_STR(figures)),
	    NULL, &new_id);
	if (e == DB_OK) {
		*id = (long long)new_id;
		e = audit_write(db, actor, "dashboard_snapshot", *id, "freeze",
		    NULL, audit_json(a, f, 2));
	}
	return e;
}

enum db_err
kpi_snapshot_freeze(struct db *db, const char *actor,
    const struct dashboard *d, long long *id)
{
	struct arena	 a;
	json_t		*j;
	char		*text;
	enum db_err	 e;

	*id = 0;
	if ((j = dashboard_json(d)) == NULL)
		return DB_NOMEM;
	text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	json_decref(j);
	if (text == NULL)
		return DB_NOMEM;
	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, freeze(db, &a, actor, text, d, id));
	arena_free(&a);
	free(text);
	return e;
}

enum db_err
kpi_snapshots(struct db *db, struct arena *a, long long strategy_id,
    struct kpi_snapshot **out, size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	e = db_query_in(db, &kq_stmts, KQ_SNAPS, DB_ARGS(DB_INT(strategy_id),
	    DB_INT(strategy_id)), a, &r);
	if (e != DB_OK)
		return e;
	if ((*out = arena_alloc(a, (r.nrows + 1) * sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		struct kpi_snapshot *s = &(*out)[i];

		s->id = db_num(DB_CELL(&r, i, 0));
		s->year = (int)db_num(DB_CELL(&r, i, 1));
		s->month = cell(&r, i, 2);
		s->frozen_at = cell(&r, i, 3);
		s->frozen_by = cell(&r, i, 4);
		strat_year_label(s->year, (int)db_num(DB_CELL(&r, i, 5)),
		    s->year_label);
	}
	*n = r.nrows;
	return DB_OK;
}

/* A JSON string member as an arena copy ("" when missing). */
static const char *
json_text(struct arena *a, json_t *o, const char *key)
{
	json_t	*v = json_object_get(o, key);

	return arena_strdup(a, json_is_string(v) ? json_string_value(v) : "");
}

static double
json_num(json_t *o, const char *key, int *present)
{
	json_t	*v = json_object_get(o, key);

	if (present != NULL)
		*present = json_is_number(v);
	return json_is_number(v) ? json_number_value(v) : 0;
}

static void
kpi_from_json(struct arena *a, json_t *o, struct kpi_figures *k)
{
	json_t	*months = json_object_get(o, "months");
	int	 m;

	k->id = (long long)json_num(o, "id", NULL);
	k->code = json_text(a, o, "code");
	k->label = json_text(a, o, "label");
	k->unit = json_text(a, o, "unit");
	k->measure = json_text(a, o, "measure");
	k->key_measure = json_is_true(json_object_get(o, "key_measure"));
	k->counted = json_is_true(json_object_get(o, "counted"));
	k->latest = json_is_true(json_object_get(o, "latest"));
	k->target = json_num(o, "target", &k->has_target);
	k->expected = json_num(o, "expected", NULL);
	k->actual = json_num(o, "actual", &k->has_actual);
	k->status = kpi_status_parse(json_string_value(json_object_get(o,
	    "status")));
	for (m = 0; m < KPI_MONTHS; m++) {
		json_t *v = json_array_get(months, (size_t)m);

		k->has_month[m] = json_is_number(v);
		k->months[m] = k->has_month[m] ? json_number_value(v) : 0;
	}
}

/* The aims and KPIs of a snapshot's JSON into d. */
static enum db_err
aims_from_json(struct arena *a, json_t *aims, struct dashboard *d)
{
	size_t	 i, j;

	d->naims = json_array_size(aims);
	if ((d->aims = arena_alloc(a, (d->naims + 1) * sizeof(*d->aims))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < d->naims; i++) {
		json_t	*aim = json_array_get(aims, i);
		json_t	*kpis = json_object_get(aim, "kpis");
		struct kpi_aim_figures *af = &d->aims[i];

		af->code = json_text(a, aim, "code");
		af->name = json_text(a, aim, "name");
		af->nkpis = json_array_size(kpis);
		if ((af->kpis = arena_alloc(a, (af->nkpis + 1) *
		    sizeof(*af->kpis))) == NULL)
			return DB_NOMEM;
		for (j = 0; j < af->nkpis; j++)
			kpi_from_json(a, json_array_get(kpis, j), &af->kpis[j]);
	}
	return DB_OK;
}

static enum db_err
dashboard_from_json(struct arena *a, const char *text, struct dashboard *d)
{
	struct strategy	 s;
	json_t		*o = json_loads(text, 0, NULL);
	enum db_err	 e;
	int		 month;

	if (!json_is_object(o)) {
		json_decref(o);
		return DB_ERROR;
	}
	memset(&s, 0, sizeof(s));
	s.id = (long long)json_num(o, "strategy_id", NULL);
	s.name = json_text(a, o, "strategy");
	s.start_month = (int)json_num(o, "start_month", NULL);
	s.on_track_pct = (int)json_num(o, "on_track_pct", NULL);
	s.at_risk_pct = (int)json_num(o, "at_risk_pct", NULL);
	month = (int)json_num(o, "month", NULL);
	if (s.start_month < 1 || s.start_month > 12 || month < 0 ||
	    month >= KPI_MONTHS) {
		json_decref(o);
		return DB_ERROR;
	}
	dashboard_period(d, &s, (int)json_num(o, "year", NULL), month);
	e = aims_from_json(a, json_object_get(o, "aims"), d);
	json_decref(o);
	return e;
}

enum db_err
kpi_snapshot_get(struct db *db, struct arena *a, long long id,
    struct dashboard *d)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(d, 0, sizeof(*d));
	e = db_query_in(db, &kq_stmts, KQ_SNAP_GET, DB_ARGS(DB_INT(id)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	if ((e = dashboard_from_json(a, cell(&r, 0, 0), d)) != DB_OK)
		return e;
	d->snapshot_id = id;
	d->frozen_at = cell(&r, 0, 1);
	d->frozen_by = cell(&r, 0, 2);
	return DB_OK;
}

/* Manual values. */

enum db_err
kpi_info_get(struct db *db, struct arena *a, long long id,
    struct kpi_info *k)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(k, 0, sizeof(*k));
	e = db_query_in(db, &kq_stmts, KQ_INFO, DB_ARGS(DB_INT(id)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	k->id = db_num(DB_CELL(&r, 0, 0));
	k->strategy_id = db_num(DB_CELL(&r, 0, 1));
	k->code = cell(&r, 0, 2);
	k->label = cell(&r, 0, 3);
	k->unit = cell(&r, 0, 4);
	k->measure = cell(&r, 0, 5);
	k->key_measure = db_num(DB_CELL(&r, 0, 6)) != 0;
	k->counted = db_num(DB_CELL(&r, 0, 7)) != 0;
	k->latest = db_num(DB_CELL(&r, 0, 8)) != 0;
	k->dropped = db_num(DB_CELL(&r, 0, 9)) != 0;
	k->aim_name = cell(&r, 0, 10);
	k->objective_code = cell(&r, 0, 11);
	k->objective_text = cell(&r, 0, 12);
	return DB_OK;
}

const char *
kpi_decimal_text(struct arena *a, const char *s)
{
	char	*t = arena_strdup(a, s), *end;

	if (t == NULL || strchr(t, '.') == NULL)
		return t;
	end = t + strlen(t);
	while (end > t && end[-1] == '0')
		*--end = '\0';
	if (end > t && end[-1] == '.')
		*--end = '\0';
	return t;
}

enum db_err
kpi_count(struct db *db, long long kpi_id, const char *from, const char *to,
    long long *n)
{
	struct arena	 a;
	struct db_rows	 r;
	enum db_err	 e;

	*n = 0;
	arena_init(&a);
	e = db_query_in(db, &kq_stmts, KQ_COUNT, DB_ARGS(DB_INT(kpi_id),
	    DB_STR(from), DB_STR(from), DB_STR(to), DB_STR(to)), &a, &r);
	if (e == DB_OK && r.nrows == 1)
		*n = db_num(DB_CELL(&r, 0, 0));
	arena_free(&a);
	return e;
}

enum db_err
kpi_months(struct db *db, struct arena *a, long long kpi_id, int year,
    int start_month, long long out[KPI_MONTHS], long long *total)
{
	char		 ym[8], from[11], to[11], first[11];
	struct db_val	 args[KPI_BATCH + 2];
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;
	int		 m;

	memset(out, 0, KPI_MONTHS * sizeof(*out));
	*total = 0;
	kpi_month_bounds(year, start_month, 0, ym, from, to);
	kpi_month_bounds(year, start_month, KPI_MONTHS - 1, ym, first, to);
	/* The dashboard's statement, for one KPI: the other ids 0. */
	for (i = 0; i < KPI_BATCH; i++)
		args[i] = DB_INT(i == 0 ? kpi_id : 0);
	args[KPI_BATCH] = DB_STR(from);
	args[KPI_BATCH + 1] = DB_STR(to);
	e = counts_query(db, a, args, &r);
	for (i = 0; e == DB_OK && i < r.nrows; i++) {
		long long n = db_num(DB_CELL(&r, i, 2));

		if (DB_CELL(&r, i, 0) == NULL)
			continue;	/* the grand total: the KPI's own below */
		if (DB_CELL(&r, i, 1) == NULL)
			*total = n;
		else if ((m = kpi_month_index(cell(&r, i, 1), year,
		    start_month)) >= 0)
			out[m] = n;
	}
	return e;
}

enum db_err
kpi_values_year(struct db *db, struct arena *a, long long kpi_id, int year,
    int start_month, struct kpi_value out[KPI_MONTHS])
{
	char		 first[11], last[11], from[11];
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;
	int		 m;

	memset(out, 0, KPI_MONTHS * sizeof(*out));
	for (m = 0; m < KPI_MONTHS; m++) {
		kpi_month_bounds(year, start_month, m, out[m].month, first, last);
		out[m].value = out[m].note = "";
		if (m == 0)
			memcpy(from, first, sizeof(from));
	}
	e = db_query_in(db, &kq_stmts, KQ_VALUES_KPI, DB_ARGS(DB_INT(kpi_id),
	    DB_STR(from), DB_STR(last)), a, &r);
	for (i = 0; e == DB_OK && i < r.nrows; i++) {
		if ((m = kpi_month_index(cell(&r, i, 0), year, start_month)) < 0)
			continue;
		out[m].has_value = 1;
		if ((out[m].value = kpi_decimal_text(a, cell(&r, i, 1))) == NULL)
			return DB_NOMEM;
		out[m].note = cell(&r, i, 2);
		out[m].version = (int)db_num(DB_CELL(&r, i, 3));
		out[m].updated_by = cell(&r, i, 4);
		out[m].updated_at = cell(&r, i, 5);
	}
	return e;
}

const char *
kpi_number_problem(const char *s)
{
	const char	*p = s;
	size_t		 whole = 0, frac = 0;

	if (*p == '-')
		p++;
	while (isdigit((unsigned char)*p)) {
		p++;
		whole++;
	}
	if (*p == '.')
		while (isdigit((unsigned char)*++p))
			frac++;
	if (*p != '\0' || whole == 0 || (p[-1] == '.'))
		return "Enter a number such as 12 or 2.5, without commas, "
		    "units or spaces.";
	if (whole > 14 || frac > 2)
		return "Enter at most 14 digits before the point and 2 after.";
	return NULL;
}

/* The value row of a month, locked: *exists, *version, *manual. */
static enum db_err
value_row(struct db *db, struct arena *a, long long kpi_id, const char *date,
    struct kpi_value *v, int *manual)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(v, 0, sizeof(*v));
	e = db_query_in(db, &kq_stmts, KQ_VALUE_GET, DB_ARGS(DB_STR(date),
	    DB_INT(kpi_id)), a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	*manual = db_num(DB_CELL(&r, 0, 3)) != 0;
	v->has_value = DB_CELL(&r, 0, 0) != NULL;
	v->value = v->has_value ? kpi_decimal_text(a, cell(&r, 0, 0)) : "";
	v->note = cell(&r, 0, 1);
	v->version = (int)db_num(DB_CELL(&r, 0, 2));
	return v->value == NULL ? DB_NOMEM : DB_OK;
}

static const char *
value_json(struct arena *a, const char *month, const char *value,
    const char *note)
{
	const struct audit_field f[] = { { "month", month },
	    { "value", value }, { "note", note } };

	return audit_json(a, f, 3);
}

static enum db_err
value_save(struct db *db, struct arena *a, const char *actor,
    long long kpi_id, const char *month, const char *value, const char *note,
    int version)
{
	struct kpi_value	 old;
	unsigned long long	 affected = 1;
	char			 date[11];
	int			 manual;
	enum db_err		 e;

	snprintf(date, sizeof(date), "%.7s-01", month);
	if ((e = value_row(db, a, kpi_id, date, &old, &manual)) != DB_OK)
		return e;
	if (!manual)
		return DB_ERROR;
	if (old.version != version)
		return DB_CONFLICT;
	if (old.has_value)
		e = db_exec_in(db, &kq_stmts, KQ_VALUE_UPDATE, DB_ARGS(
		    DB_STR(value), DB_STR(note), DB_STR(actor), DB_INT(kpi_id),
		    DB_STR(date), DB_INT(version)), &affected, NULL);
	else
		e = db_exec_in(db, &kq_stmts, KQ_VALUE_INSERT, DB_ARGS(
		    DB_INT(kpi_id), DB_STR(date), DB_STR(value), DB_STR(note),
		    DB_STR(actor)), NULL, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_CONFLICT;
	if (e == DB_DUPLICATE)
		e = DB_CONFLICT;
	if (e == DB_OK)
		e = audit_write(db, actor, "kpi", kpi_id, "value",
		    old.has_value ? value_json(a, month, old.value, old.note) :
		    NULL, value_json(a, month, value, note));
	return e;
}

enum db_err
kpi_value_save(struct db *db, const char *actor, long long kpi_id,
    const char *month, const char *value, const char *note, int version)
{
	struct arena	 a;
	enum db_err	 e;

	if (month_number(month) < 0 || strlen(month) != 7 ||
	    kpi_number_problem(value) != NULL)
		return DB_ERROR;
	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, value_save(db, &a, actor, kpi_id, month, value,
		    note ? note : "", version));
	arena_free(&a);
	return e;
}

static enum db_err
value_delete(struct db *db, struct arena *a, const char *actor,
    long long kpi_id, const char *month, int version)
{
	struct kpi_value	 old;
	unsigned long long	 affected = 0;
	char			 date[11];
	int			 manual;
	enum db_err		 e;

	snprintf(date, sizeof(date), "%.7s-01", month);
	if ((e = value_row(db, a, kpi_id, date, &old, &manual)) != DB_OK)
		return e;
	if (!old.has_value || old.version != version)
		return DB_CONFLICT;
	e = db_exec_in(db, &kq_stmts, KQ_VALUE_DELETE, DB_ARGS(DB_INT(kpi_id),
	    DB_STR(date), DB_INT(version)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_CONFLICT;
	if (e == DB_OK)
		e = audit_write(db, actor, "kpi", kpi_id, "value",
		    value_json(a, month, old.value, old.note),
		    value_json(a, month, "", ""));
	return e;
}

enum db_err
kpi_value_delete(struct db *db, const char *actor, long long kpi_id,
    const char *month, int version)
{
	struct arena	 a;
	enum db_err	 e;

	if (month_number(month) < 0 || strlen(month) != 7)
		return DB_ERROR;
	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, value_delete(db, &a, actor, kpi_id, month,
		    version));
	arena_free(&a);
	return e;
}
