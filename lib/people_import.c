#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "directory.h"
#include "form.h"
#include "people_import.h"
#include "privacy_basis.h"
#include "utf8.h"

const char *const people_import_columns[COL__MAX] = {
	[COL_NAME] = "name",
	[COL_CATEGORY] = "category",
	[COL_ROLE] = "role",
	[COL_PARTY] = "party",
	[COL_HOUSE] = "house",
	[COL_CONSTITUENCY] = "constituency",
	[COL_ORGANISATION] = "organisation",
	[COL_EMAIL] = "email",
	[COL_PHONE] = "phone",
	[COL_NOTES] = "notes",
	[COL_BASIS] = "lawful_basis",
	[COL_BASIS_DATE] = "basis_date",
	[COL_BASIS_NOTE] = "basis_note",
	[COL_SOURCE] = "source",
};

/* The longest value of each column, in characters, as the schema allows. */
static const size_t column_max[COL__MAX] = {
	[COL_NAME] = 200, [COL_CATEGORY] = 100, [COL_ROLE] = 200,
	[COL_PARTY] = 100, [COL_HOUSE] = 10, [COL_CONSTITUENCY] = 200,
	[COL_ORGANISATION] = 200, [COL_EMAIL] = 254, [COL_PHONE] = 50,
	[COL_NOTES] = 10000, [COL_BASIS] = 100, [COL_BASIS_DATE] = 10,
	[COL_BASIS_NOTE] = PRIVACY_NOTE_MAX, [COL_SOURCE] = PRIVACY_SOURCE_MAX,
};

enum {
	IMP_ORG_BY_NAME,
	IMP_PERSON_INSERT,
	IMP_TERM_INSERT,
	IMP_RUN_INSERT,
	IMP__MAX
};

static const char *const import_sql[IMP__MAX] = {
	[IMP_ORG_BY_NAME] =
	    "SELECT id, name FROM organisations WHERE name = ? "
	    "AND deleted_at IS NULL ORDER BY id",
	/* The same insert as person_save() makes for a new person. */
	[IMP_PERSON_INSERT] =
	    "INSERT INTO people (full_name, category, role_title, party, house, "
	    "constituency, organisation_id, email, phone, notes, is_current, "
	    "lawful_basis, basis_date, basis_note, data_source, "
	    "created_at, updated_at) VALUES (?, ?, ?, ?, NULLIF(?, ''), ?, "
	    "NULLIF(?, 0), ?, ?, ?, 1, ?, NULLIF(?, ''), NULLIF(?, ''), ?, "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[IMP_TERM_INSERT] =
	    "INSERT INTO person_terms (person_id, category, party, house, "
	    "constituency, role_title, organisation_id, started_on, source, "
	    "created_at) VALUES (?, ?, ?, NULLIF(?, ''), ?, ?, NULLIF(?, 0), ?, "
	    "'csv', UTC_TIMESTAMP())",
	[IMP_RUN_INSERT] =
	    "INSERT INTO import_runs (kind, source, actor, added, at) "
	    "VALUES ('csv', ?, ?, ?, UTC_TIMESTAMP())",
};

static const struct db_stmts import_stmts = { DB_SLOT_PEOPLE_IMPORT,
    import_sql, IMP__MAX };

/* --- parsing --------------------------------------------------------------- */

/* One CSV record as libcsv gave it. */
struct record {
	const char	**cells;
	size_t		  n;
};

struct parse_state {
	struct arena	*a;
	struct record	*records;
	size_t		 nrecords, cap;
	const char	**cells;	/* the record being read */
	size_t		 ncells, cells_cap;
	int		 nomem;
	int		 too_many;
};

static void
on_field(void *s, size_t len, void *data)
{
	struct parse_state	*ps = data;
	const char		*copy;

	if (ps->nomem || ps->too_many)
		return;
	if (ps->ncells == ps->cells_cap) {
		size_t		 ncap = ps->cells_cap ? ps->cells_cap * 2 : 16;
		const char	**nl = arena_alloc(ps->a, ncap * sizeof(*nl));

		if (nl == NULL) {
			ps->nomem = 1;
			return;
		}
		if (ps->ncells)
			memcpy(nl, ps->cells, ps->ncells * sizeof(*nl));
		ps->cells = nl;
		ps->cells_cap = ncap;
	}
	if ((copy = arena_strndup(ps->a, s != NULL ? s : "", len)) == NULL) {
		ps->nomem = 1;
		return;
	}
	ps->cells[ps->ncells++] = copy;
}

static void
on_record(int c, void *data)
{
	struct parse_state	*ps = data;

	(void)c;
	if (ps->nomem || ps->too_many)
		return;
	if (ps->nrecords > PEOPLE_IMPORT_MAX_ROWS) {
		ps->too_many = 1;
		return;
	}
	if (ps->nrecords == ps->cap) {
		size_t		 ncap = ps->cap ? ps->cap * 2 : 64;
		struct record	*nl = arena_alloc(ps->a, ncap * sizeof(*nl));

		if (nl == NULL) {
			ps->nomem = 1;
			return;
		}
		if (ps->nrecords)
			memcpy(nl, ps->records, ps->nrecords * sizeof(*nl));
		ps->records = nl;
		ps->cap = ncap;
	}
	ps->records[ps->nrecords].cells = ps->cells;
	ps->records[ps->nrecords].n = ps->ncells;
	ps->nrecords++;
	ps->cells = NULL;
	ps->ncells = ps->cells_cap = 0;
}

/* --- problems -------------------------------------------------------------- */

struct checker {
	struct arena		*a;
	struct people_import	*out;
	size_t			 problems_cap;
	int			 nomem;
};

static void
problem(struct checker *k, size_t row, const char *column, const char *msg)
{
	struct people_import	*o = k->out;

	if (msg == NULL)
		k->nomem = 1;
	if (k->nomem)
		return;
	if (o->nproblems == k->problems_cap) {
		size_t			 ncap = k->problems_cap ?
		    k->problems_cap * 2 : 16;
		struct import_problem	*nl = arena_alloc(k->a,
		    ncap * sizeof(*nl));

		if (nl == NULL) {
			k->nomem = 1;
			return;
		}
		if (o->nproblems)
			memcpy(nl, o->problems, o->nproblems * sizeof(*nl));
		o->problems = nl;
		k->problems_cap = ncap;
	}
	o->problems[o->nproblems].row = row;
	o->problems[o->nproblems].column = column;
	o->problems[o->nproblems].message = msg;
	o->nproblems++;
}

/* Trim spaces and tabs (libcsv keeps them inside quotes). */
static const char *
trim(struct arena *a, const char *s)
{
	size_t	 n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(a, s, n);
}

/*
 * Map each header cell to a column: map[i] is the column of cell i.
 * Returns 0, or -1 after recording the header's problems.
 */
static int
read_header(struct checker *k, const struct record *h, int *map)
{
	int	 seen[COL__MAX] = { 0 };
	size_t	 i;
	int	 c, bad = 0;

	for (i = 0; i < h->n; i++) {
		const char *name = trim(k->a, h->cells[i]);

		if (name == NULL) {
			k->nomem = 1;
			return -1;
		}
		for (c = 0; c < COL__MAX; c++)
			if (strcasecmp(name, people_import_columns[c]) == 0)
				break;
		if (c == COL__MAX) {
			problem(k, 1, name, *name == '\0' ?
			    "A column has no name in the header row." :
			    "Unknown column. The columns are name, category, "
			    "role, party, house, constituency, organisation, "
			    "email, phone, notes, lawful_basis, basis_date, "
			    "basis_note and source.");
			bad = 1;
		} else if (seen[c]) {
			problem(k, 1, people_import_columns[c],
			    "This column appears twice in the header row.");
			bad = 1;
		} else
			seen[c] = 1;
		map[i] = c;
	}
	if (!seen[COL_NAME]) {
		problem(k, 1, "name", "The header row has no name column.");
		bad = 1;
	}
	if (!seen[COL_CATEGORY]) {
		problem(k, 1, "category",
		    "The header row has no category column.");
		bad = 1;
	}
	return bad ? -1 : 0;
}

static int
lower_eq(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

/*
 * The row's lawful basis: the default when the cell is empty, else a code
 * or label; then the rules of the person form, each problem beside its
 * column.  An empty source is checked as the default that will fill it.
 */
static void
check_basis(const struct people_import_lookup *l, struct checker *k,
    struct import_row *r)
{
	const char		*typed = r->cells[COL_BASIS];
	const char		*source = r->cells[COL_SOURCE];
	struct basis_problems	 bp;

	r->basis = *typed == '\0' ? PRIVACY_SPREADSHEET_BASIS :
	    privacy_basis_parse(typed);
	if (r->basis == NULL) {
		problem(k, r->row, "lawful_basis", arena_printf(k->a,
		    "\"%s\" is not a lawful basis; use legitimate_interests, "
		    "public_role, consent, public_task, contract, "
		    "legal_obligation, vital_interests or leave it empty.",
		    typed));
		return;
	}
	privacy_basis_check(r->basis, r->cells[COL_BASIS_DATE],
	    *source != '\0' ? source : "spreadsheet",
	    r->cells[COL_BASIS_NOTE], l->today, &bp);
	if (bp.date != NULL)
		problem(k, r->row, "basis_date", bp.date);
	if (bp.source != NULL)
		problem(k, r->row, "source", bp.source);
}

static enum db_err
check_row(const struct people_import_lookup *l, struct checker *k,
    struct import_row *r)
{
	const struct category	*cats = l->categories;
	size_t			 ncats = l->ncategories;
	const char		*v;
	size_t			 before = k->out->nproblems, i, c;
	enum db_err		 e;

	for (c = 0; c < COL__MAX; c++)
		if (utf8_length(r->cells[c]) > column_max[c])
			problem(k, r->row, people_import_columns[c],
			    arena_printf(k->a, "Too long: at most %zu "
			    "characters.", column_max[c]));

	if (*r->cells[COL_NAME] == '\0')
		problem(k, r->row, "name", "A name is required.");

	v = r->cells[COL_CATEGORY];
	for (i = 0; i < ncats; i++)
		if (lower_eq(v, cats[i].code) || lower_eq(v, cats[i].label)) {
			r->category = cats[i].code;
			break;
		}
	if (*v == '\0')
		problem(k, r->row, "category", "A category is required.");
	else if (r->category == NULL)
		problem(k, r->row, "category", arena_printf(k->a,
		    "\"%s\" is not a category; use a code or label from "
		    "Admin, Person categories.", v));

	v = r->cells[COL_HOUSE];
	if (lower_eq(v, "commons"))
		r->cells[COL_HOUSE] = "commons";
	else if (lower_eq(v, "lords"))
		r->cells[COL_HOUSE] = "lords";
	else if (*v != '\0')
		problem(k, r->row, "house",
		    "Use commons, lords or leave it empty.");

	v = r->cells[COL_EMAIL];
	if (*v != '\0' && validate_email(v) != NULL)
		problem(k, r->row, "email", validate_email(v));

	check_basis(l, k, r);

	v = r->cells[COL_ORGANISATION];
	if (*v != '\0') {
		size_t		 found = 0;

		e = l->organisations(l->arg, k->a, v, &r->organisation_id,
		    &found);
		if (e != DB_OK)
			return e;
		if (found == 0)
			problem(k, r->row, "organisation", arena_printf(k->a,
			    "There is no organisation called \"%s\"; add it "
			    "first or leave the cell empty.", v));
		else if (found > 1)
			problem(k, r->row, "organisation", arena_printf(k->a,
			    "More than one organisation is called \"%s\".", v));
	}
	r->nproblems = k->out->nproblems - before;
	if (r->nproblems > 0)
		k->out->bad_rows++;
	return DB_OK;
}

/* The live organisations called exactly name, from MariaDB. */
static enum db_err
organisations_in_db(void *arg, struct arena *a, const char *name,
    long long *first_id, size_t *found)
{
	struct db	*db = arg;
	struct db_rows	 rows;
	size_t		 i;
	enum db_err	 e;

	*found = 0;
	e = db_query_in(db, &import_stmts, IMP_ORG_BY_NAME,
	    DB_ARGS(DB_STR(name)), a, &rows);
	if (e != DB_OK)
		return e;
	/* The collation ignores case: the name must match exactly. */
	for (i = 0; i < rows.nrows; i++)
		if (strcmp(DB_CELL(&rows, i, 1), name) == 0 &&
		    (*found)++ == 0)
			*first_id = db_num(DB_CELL(&rows, i, 0));
	return DB_OK;
}

static int
blank_record(const struct record *rec)
{
	size_t	 i;

	for (i = 0; i < rec->n; i++)
		if (strspn(rec->cells[i], " \t") != strlen(rec->cells[i]))
			return 0;
	return 1;
}

/* Parse csv into records with libcsv; file-level problems recorded. */
static int
parse_csv(struct checker *k, const char *csv, size_t len,
    struct parse_state *ps)
{
	struct csv_parser	 p;
	size_t			 done;

	memset(ps, 0, sizeof(*ps));
	ps->a = k->a;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		k->nomem = 1;
		return -1;
	}
	done = csv_parse(&p, csv, len, on_field, on_record, ps);
	if (done == len)
		csv_fini(&p, on_field, on_record, ps);
	if (csv_error(&p) != CSV_SUCCESS) {
		problem(k, ps->nrecords + 1, "", csv_error(&p) == CSV_EPARSE ?
		    "This row's quotes do not match: a quoted cell must end "
		    "with a quote, and a quote inside it is written twice "
		    "(\"\")." : "The file could not be read as CSV.");
		csv_free(&p);
		return -1;
	}
	csv_free(&p);
	if (ps->nomem) {
		k->nomem = 1;
		return -1;
	}
	if (ps->too_many) {
		problem(k, 0, "", arena_printf(k->a, "The file has more than "
		    "%d people; split it into smaller files.",
		    PEOPLE_IMPORT_MAX_ROWS));
		return -1;
	}
	return 0;
}

enum db_err
people_import_check(struct db *db, struct arena *a, const char *today,
    const char *csv, size_t len, struct people_import *out)
{
	struct people_import_lookup	 l = { NULL, 0, organisations_in_db,
	    db, today };
	struct category			*cats;
	enum db_err			 e;

	memset(out, 0, sizeof(*out));
	if ((e = categories_list(db, a, &cats, &l.ncategories)) != DB_OK)
		return e;
	l.categories = cats;
	return people_import_parse(a, &l, csv, len, out);
}

enum db_err
people_import_parse(struct arena *a, const struct people_import_lookup *l,
    const char *csv, size_t len, struct people_import *out)
{
	struct checker		 k = { a, out, 0, 0 };
	struct parse_state	 ps;
	size_t			 i, c;
	int			*map;
	enum db_err		 e;

	memset(out, 0, sizeof(*out));
	if (len >= 3 && memcmp(csv, "\xef\xbb\xbf", 3) == 0) {
		csv += 3;
		len -= 3;
	}
	for (i = 0; i < len && strchr(" \t\r\n", csv[i]) != NULL &&
	    csv[i] != '\0'; i++)
		continue;
	if (i == len) {
		problem(&k, 0, "", "The file is empty: it needs a header row "
		    "and a row for each person.");
		goto done;
	}
	if (!utf8_valid(csv, len)) {
		problem(&k, 0, "", "The file is not CSV text in UTF-8. Save it "
		    "from your spreadsheet as \"CSV UTF-8\" and try again.");
		goto done;
	}
	if (parse_csv(&k, csv, len, &ps) == -1)
		goto done;
	if ((map = arena_alloc(a, (ps.records[0].n + 1) * sizeof(*map))) ==
	    NULL)
		return DB_NOMEM;
	if (read_header(&k, &ps.records[0], map) == -1)
		goto done;
	out->rows = arena_alloc(a, ps.nrecords * sizeof(*out->rows));
	if (out->rows == NULL)
		return DB_NOMEM;
	for (i = 1; i < ps.nrecords; i++) {
		const struct record	*rec = &ps.records[i];
		struct import_row	*r = &out->rows[out->nrows];
		size_t			 before = out->nproblems;

		if (blank_record(rec))
			continue;
		r->row = i + 1;
		for (c = 0; c < COL__MAX; c++)
			r->cells[c] = "";
		for (c = 0; c < rec->n && c < ps.records[0].n; c++)
			if ((r->cells[map[c]] = trim(a, rec->cells[c])) == NULL)
				return DB_NOMEM;
		out->nrows++;
		if (rec->n > ps.records[0].n) {
			problem(&k, r->row, "", arena_printf(a, "This row has "
			    "%zu cells but the header row has %zu.", rec->n,
			    ps.records[0].n));
			if ((e = check_row(l, &k, r)) != DB_OK)
				return e;
			if (r->nproblems == 0)
				out->bad_rows++;
			r->nproblems = out->nproblems - before;
			continue;
		}
		if ((e = check_row(l, &k, r)) != DB_OK)
			return e;
	}
	if (out->nrows == 0)
		problem(&k, 0, "", "The file has a header row but no people.");
done:
	return k.nomem ? DB_NOMEM : DB_OK;
}

static const char *
person_json(struct arena *a, const struct import_row *r, const char *source)
{
	char	 org[24];
	const struct audit_field f[] = {
		{ "name", r->cells[COL_NAME] },
		{ "category", r->category },
		{ "role", r->cells[COL_ROLE] },
		{ "party", r->cells[COL_PARTY] },
		{ "house", r->cells[COL_HOUSE] },
		{ "constituency", r->cells[COL_CONSTITUENCY] },
		{ "organisation", org },
		{ "email", r->cells[COL_EMAIL] },
		{ "phone", r->cells[COL_PHONE] },
		{ "notes", r->cells[COL_NOTES] },
		{ "current", "yes" },
		{ "lawful basis", r->basis },
		{ "basis note", r->cells[COL_BASIS_NOTE] },
		{ "basis date", r->cells[COL_BASIS_DATE] },
		{ "source", source },
	};

	snprintf(org, sizeof(org), "%lld", r->organisation_id);
	if (r->organisation_id == 0)
		org[0] = '\0';
	return audit_json(a, f, sizeof(f) / sizeof(f[0]));
}

static enum db_err
write_row(struct db *db, struct arena *a, const char *actor,
    const char *today, const char *default_source, const struct import_row *r)
{
	const char *const	*v = r->cells;
	const char		*source = *v[COL_SOURCE] != '\0' ?
	    v[COL_SOURCE] : default_source;
	unsigned long long	 id;
	const char		*json;
	enum db_err		 e;

	e = db_exec_in(db, &import_stmts, IMP_PERSON_INSERT, DB_ARGS(
	    DB_STR(v[COL_NAME]), DB_STR(r->category), DB_STR(v[COL_ROLE]),
	    DB_STR(v[COL_PARTY]), DB_STR(v[COL_HOUSE]),
	    DB_STR(v[COL_CONSTITUENCY]), DB_INT(r->organisation_id),
	    DB_STR(v[COL_EMAIL]), DB_STR(v[COL_PHONE]),
	    DB_STR(v[COL_NOTES]), DB_STR(r->basis), DB_STR(v[COL_BASIS_DATE]),
	    DB_STR(v[COL_BASIS_NOTE]), DB_STR(source)), NULL, &id);
	if (e != DB_OK)
		return e;
	if ((json = person_json(a, r, source)) == NULL)
		return DB_NOMEM;
	if ((e = audit_write(db, actor, "person", (long long)id, "import",
	    NULL, json)) != DB_OK)
		return e;
	return db_exec_in(db, &import_stmts, IMP_TERM_INSERT, DB_ARGS(
	    DB_INT(id), DB_STR(r->category), DB_STR(v[COL_PARTY]),
	    DB_STR(v[COL_HOUSE]), DB_STR(v[COL_CONSTITUENCY]),
	    DB_STR(v[COL_ROLE]), DB_INT(r->organisation_id),
	    DB_STR(today)), NULL, NULL);
}

/* s cut to at most max characters (import_runs.source is that wide). */
static const char *
fit(struct arena *a, const char *s, size_t max)
{
	size_t	 n = 0, i;

	if (s == NULL)
		return "";
	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && ++n > max)
			return arena_strndup(a, s, i);
	return s;
}

enum db_err
people_import_apply(struct db *db, struct arena *a, const char *actor,
    const char *source, const char *today, const char *csv, size_t len,
    struct people_import *out)
{
	const char	*default_source;
	size_t		 i;
	enum db_err	 e;

	if ((e = people_import_check(db, a, today, csv, len, out)) != DB_OK ||
	    out->nproblems > 0)
		return e;
	if ((default_source = privacy_source_spreadsheet(a, source, today)) ==
	    NULL)
		return DB_NOMEM;
	if ((e = db_begin(db)) != DB_OK)
		return e;
	for (i = 0; i < out->nrows && e == DB_OK; i++)
		e = write_row(db, a, actor, today, default_source,
		    &out->rows[i]);
	if (e == DB_OK)
		e = db_exec_in(db, &import_stmts, IMP_RUN_INSERT,
		    DB_ARGS(DB_STR(fit(a, source, 1000)), DB_STR(actor),
		    DB_INT(out->nrows)), NULL, NULL);
	if ((e = db_finish(db, e)) == DB_OK)
		out->added = out->nrows;
	return e;
}

const char *
people_import_template(void)
{
	return "name,category,role,party,house,constituency,organisation,"
	    "email,phone,notes,lawful_basis,basis_date,basis_note,source\r\n"
	    "Jane Example,Journalist,Religious affairs correspondent,,,,,"
	    "jane@example.org,020 7946 0000,\"Met at the conference, "
	    "March 2025\",Consent,2025-03-14,Agreed to hear about our "
	    "briefings,Conference sign-up sheet\r\n";
}
