/*
 * people_import_parse(): a CSV file of people (the libcsv reader, the
 * header, every row's checks), with the categories and organisations a
 * database would give.  Every row and problem it reports is consistent:
 * rows in order and within the file, cells trimmed UTF-8, a file without
 * problems has people, each with a name and a known category.
 */
#include "config.h"

#include "arena.h"
#include "directory.h"
#include "people_import.h"
#include "privacy_basis.h"
#include "utf8.h"

#include "fuzz.h"

static const struct category categories[] = {
	{ "mp", "MP", 1 },
	{ "journalist", "Journalist", 0 },
	{ "faith_leader", "Faith leader", 0 },
};

/* "Twin" is two organisations, "The Daily Example" one, no other. */
static enum db_err
organisations(void *arg, struct arena *a, const char *name,
    long long *first_id, size_t *found)
{
	(void)arg;
	(void)a;
	*found = strcmp(name, "Twin") == 0 ? 2 :
	    strcmp(name, "The Daily Example") == 0;
	if (*found)
		*first_id = 7;
	return DB_OK;
}

static void
check_row(const struct people_import *out, const struct import_row *r,
    size_t last_row)
{
	size_t	 c;

	fuzz_assert(r->row >= 2 && r->row > last_row);
	for (c = 0; c < COL__MAX; c++) {
		const char *v = r->cells[c];

		fuzz_assert(v != NULL && utf8_valid(v, strlen(v)));
		fuzz_assert(*v == '\0' || (v[0] != ' ' &&
		    v[strlen(v) - 1] != ' '));
	}
	if (out->nproblems == 0) {
		fuzz_assert(*r->cells[COL_NAME] != '\0');
		fuzz_assert(r->category != NULL);
		fuzz_assert(privacy_basis(r->basis) != NULL);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct people_import_lookup l = { categories,
	    sizeof(categories) / sizeof(categories[0]), organisations, NULL,
	    "2026-01-01" };
	struct people_import	 out;
	struct arena		 a;
	size_t			 i, last = 0, owned = 0;

	arena_init(&a);
	fuzz_assert(people_import_parse(&a, &l, (const char *)data, size,
	    &out) == DB_OK);
	fuzz_assert(out.nrows <= PEOPLE_IMPORT_MAX_ROWS);
	fuzz_assert(out.bad_rows <= out.nrows);
	if (out.nproblems == 0)
		fuzz_assert(out.nrows > 0);
	for (i = 0; i < out.nrows; i++) {
		check_row(&out, &out.rows[i], last);
		last = out.rows[i].row;
		owned += out.rows[i].nproblems;
	}
	fuzz_assert(owned <= out.nproblems);
	for (i = 0; i < out.nproblems; i++) {
		fuzz_assert(out.problems[i].column != NULL);
		fuzz_assert(out.problems[i].message != NULL);
		fuzz_assert(i == 0 ||
		    out.problems[i].row >= out.problems[i - 1].row);
	}
	arena_free(&a);
	return 0;
}
