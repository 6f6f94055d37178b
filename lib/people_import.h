/*
 * CSV import of people: journalists, faith leaders, coalition partners,
 * FCDO desk officials, anyone.  Domain only: parses and checks a file,
 * and writes it, never prints.
 *
 * The file is RFC 4180 CSV in UTF-8 (a byte-order mark at the start is
 * tolerated), parsed by libcsv.  The first row is the header: column
 * names from people_import_columns, case-insensitive, in any order;
 * "name" and "category" are required, an unknown or repeated column is
 * an error.  Category is a code or a label of person_categories
 * (case-insensitive); organisation the exact name of one live
 * organisation, or empty; house commons, lords or empty; email empty or
 * an address.  Blank rows are skipped.
 *
 * Why we hold each person (privacy_basis.h) may be given per row:
 * lawful_basis a code or label of the table there, basis_date, basis_note
 * and source, with the rules of the person form (consent needs its date,
 * no date after today).  A row without a basis gets
 * PRIVACY_SPREADSHEET_BASIS (legitimate interests), and one without a
 * source "Spreadsheet import: <file>, <date>".
 *
 * Problems are collected, not stopped at: each has the spreadsheet row
 * (the header is row 1, so the first person is row 2; 0 for the file as
 * a whole) and the column it is about ("" for the whole row or file).
 */
#ifndef TRACKER_PEOPLE_IMPORT_H
#define TRACKER_PEOPLE_IMPORT_H

#include <stddef.h>

#include "db.h"

struct arena;
struct category;

enum import_col {
	COL_NAME, COL_CATEGORY, COL_ROLE, COL_PARTY, COL_HOUSE,
	COL_CONSTITUENCY, COL_ORGANISATION, COL_EMAIL, COL_PHONE,
	COL_NOTES, COL_BASIS, COL_BASIS_DATE, COL_BASIS_NOTE, COL_SOURCE,
	COL__MAX
};

/* The header names, in template order: "name", "category", ... */
extern const char *const people_import_columns[COL__MAX];

/* At most this many people per file. */
#define PEOPLE_IMPORT_MAX_ROWS	5000

struct import_problem {
	size_t		 row;		/* 0: the file; 1: the header */
	const char	*column;	/* a column name, or "" */
	const char	*message;
};

struct import_row {
	size_t		 row;			/* spreadsheet row number */
	const char	*cells[COL__MAX];	/* trimmed; "" when absent */
	const char	*category;		/* the category code, when valid */
	long long	 organisation_id;	/* 0: none */
	const char	*basis;			/* its basis code, if valid */
	size_t		 nproblems;		/* how many problems are its */
};

struct people_import {
	struct import_row	*rows;
	size_t			 nrows;
	struct import_problem	*problems;	/* in row order */
	size_t			 nproblems;
	size_t			 bad_rows;	/* rows with a problem */
	size_t			 added;		/* after apply: people written */
};

/*
 * Parse and check csv[0..len) against the categories and organisations
 * in db, writing nothing.  out (in the arena) holds every row and every
 * problem; the file is importable when out->nproblems is 0.  Returns a
 * database error only; a bad file is DB_OK with problems.
 */
enum db_err	 people_import_check(struct db *, struct arena *,
		    const char *today, const char *csv, size_t len,
		    struct people_import *out);

/*
 * What checking a file asks of the database: the person categories, and
 * the live organisations called exactly a name (*found of them, the
 * first's id in *first_id).  people_import_check() answers from MariaDB;
 * the fuzzer (tests/fuzz/people_csv.c) from a fixed list.
 */
struct people_import_lookup {
	const struct category	*categories;
	size_t			 ncategories;
	enum db_err		(*organisations)(void *arg, struct arena *,
				    const char *name, long long *first_id,
				    size_t *found);
	void			*arg;
	const char		*today;	/* YYYY-MM-DD; NULL: any date */
};

/*
 * people_import_check() with the database's answers given by l: parses
 * and checks csv[0..len) into out, which it clears first.  Returns what
 * l->organisations returned when that failed, else DB_OK (DB_NOMEM when
 * out of memory); a bad file is DB_OK with problems.
 */
enum db_err	 people_import_parse(struct arena *,
		    const struct people_import_lookup *l, const char *csv,
		    size_t len, struct people_import *out);

/*
 * Check csv as above, and when there is no problem at all write every
 * row in one transaction: the person (with the row's basis and source,
 * else the defaults above), an audit row (entity "person",
 * action "import"), an open person_terms row (started_on today, source
 * "csv"), and one import_runs row (kind "csv", source, added = rows).
 * With any problem nothing is written and DB_OK is returned: the caller
 * looks at out->nproblems.  today is YYYY-MM-DD in Europe/London.
 */
enum db_err	 people_import_apply(struct db *, struct arena *,
		    const char *actor, const char *source, const char *today,
		    const char *csv, size_t len, struct people_import *out);

/* The template: the header row and one example row, CSV with CRLFs. */
const char	*people_import_template(void);

#endif
