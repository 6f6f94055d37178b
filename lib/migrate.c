#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysqld_error.h>
#include <sodium.h>

#include "arena.h"
#include "db.h"
#include "migrate.h"

static const char create_table[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version VARCHAR(200) NOT NULL PRIMARY KEY,"
    " checksum CHAR(64) CHARACTER SET ascii NOT NULL,"
    " applied_at DATETIME NOT NULL"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

static const char *const migrate_errors[MIGRATE__MAX] = {
	[MIGRATE_OK] = "no error",
	[MIGRATE_NOMEM] = "out of memory",
	[MIGRATE_DIR] = "cannot read the migrations",
	[MIGRATE_CHANGED] = "an applied migration has changed",
	[MIGRATE_MISSING] = "an applied migration is missing",
	[MIGRATE_DB] = "the database refused a migration",
};

const char *
migrate_strerror(enum migrate_err e)
{
	return e >= 0 && e < MIGRATE__MAX ? migrate_errors[e] : "unknown error";
}

int
migrate_is_file(const char *name)
{
	size_t	 n = strlen(name), i = 0;

	while (isdigit((unsigned char)name[i]))
		i++;
	return i > 0 && name[i] == '_' && n > i + 5 &&
	    strcmp(name + n - 4, ".sql") == 0;
}

void
migrate_checksum(const void *p, size_t len, char out[65])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, p, len);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The migration file names in dir, sorted, in the arena. */
static enum migrate_err
list_files(struct arena *a, const char *dir, char ***out, size_t *n)
{
	DIR		*d;
	struct dirent	*ent;
	size_t		 cap = 0;
	char		**list = NULL, **grown;

	*n = 0;
	if ((d = opendir(dir)) == NULL)
		return MIGRATE_DIR;
	while ((ent = readdir(d)) != NULL) {
		if (!migrate_is_file(ent->d_name))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((grown = arena_alloc(a, cap * sizeof(*grown))) == NULL)
				break;
			if (*n)
				memcpy(grown, list, *n * sizeof(*grown));
			list = grown;
		}
		if ((list[*n] = arena_strdup(a, ent->d_name)) == NULL)
			break;
		(*n)++;
	}
	closedir(d);
	if (ent != NULL)
		return MIGRATE_NOMEM;
	if (*n > 0)
		qsort(list, *n, sizeof(*list), by_name);
	*out = list;
	return MIGRATE_OK;
}

static enum migrate_err
read_file(struct arena *a, const char *dir, const char *name, char **text,
    size_t *len)
{
	char	*path = arena_printf(a, "%s/%s", dir, name);
	FILE	*f;
	long	 size;

	if (path == NULL)
		return MIGRATE_NOMEM;
	if ((f = fopen(path, "rb")) == NULL)
		return MIGRATE_DIR;
	if (fseek(f, 0, SEEK_END) == -1 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) == -1 ||
	    (*text = arena_alloc(a, (size_t)size + 1)) == NULL ||
	    fread(*text, 1, (size_t)size, f) != (size_t)size) {
		fclose(f);
		return MIGRATE_DIR;
	}
	fclose(f);
	*len = (size_t)size;
	return MIGRATE_OK;
}

static const char *
applied_checksum(const struct db_rows *applied, const char *name)
{
	size_t	 r;

	for (r = 0; r < applied->nrows; r++)
		if (strcmp(DB_CELL(applied, r, 0), name) == 0)
			return DB_CELL(applied, r, 1);
	return NULL;
}

static int
in_list(char **files, size_t n, const char *name)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(files[i], name) == 0)
			return 1;
	return 0;
}

/*
 * The migrations recorded in the database.  Applying creates the table
 * first; checking only reads, and a database without the table has none.
 */
static enum migrate_err
recorded(struct arena *a, struct db *db, int apply, struct db_rows *applied,
    char *msg, size_t msglen)
{
	if (apply &&
	    db_run_script(db, create_table, sizeof(create_table) - 1) != DB_OK) {
		snprintf(msg, msglen, "%s", db->error);
		return MIGRATE_DB;
	}
	if (db_query(db, STMT_MIGRATION_LIST, NULL, 0, a, applied) == DB_OK)
		return MIGRATE_OK;
	if (!apply && db->last_errno == ER_NO_SUCH_TABLE) {
		memset(applied, 0, sizeof(*applied));
		return MIGRATE_OK;
	}
	snprintf(msg, msglen, "%s", db->error);
	return MIGRATE_DB;
}

/*
 * Check dir against the database, then (when apply) apply what is
 * pending; *count is the number applied, or pending when only checking.
 */
static enum migrate_err
migrate_in(struct arena *a, struct db *db, const char *dir, int apply,
    migrate_progress progress, void *ctx, size_t *count,
    char *msg, size_t msglen)
{
	struct db_rows	 applied;
	char		**files, **text, sum[65];
	size_t		*len, n, i, pending = 0, done = 0;
	enum migrate_err e;

	if ((e = recorded(a, db, apply, &applied, msg, msglen)) != MIGRATE_OK)
		return e;
	if ((e = list_files(a, dir, &files, &n)) != MIGRATE_OK) {
		snprintf(msg, msglen, "%s", dir);
		return e;
	}
	for (i = 0; i < applied.nrows; i++)
		if (!in_list(files, n, DB_CELL(&applied, i, 0))) {
			snprintf(msg, msglen, "%s was applied but is not in %s",
			    DB_CELL(&applied, i, 0), dir);
			return MIGRATE_MISSING;
		}
	text = arena_alloc(a, (n + 1) * sizeof(*text));
	len = arena_alloc(a, (n + 1) * sizeof(*len));
	if (text == NULL || len == NULL)
		return MIGRATE_NOMEM;
	/* Check every file before applying any. */
	for (i = 0; i < n; i++) {
		const char *have = applied_checksum(&applied, files[i]);

		if ((e = read_file(a, dir, files[i], &text[i], &len[i])) != MIGRATE_OK) {
			snprintf(msg, msglen, "%s/%s", dir, files[i]);
			return e;
		}
		migrate_checksum(text[i], len[i], sum);
		if (have != NULL && strcmp(have, sum) != 0) {
			snprintf(msg, msglen, "%s changed after it was applied "
			    "(recorded %.12s…, now %.12s…)", files[i], have, sum);
			return MIGRATE_CHANGED;
		}
		if (have == NULL)
			pending++;
	}
	if (!apply) {
		*count = pending;
		return MIGRATE_OK;
	}
	for (i = 0; i < n; i++) {
		if (applied_checksum(&applied, files[i]) != NULL)
			continue;
		if (progress != NULL)
			progress(ctx, files[i], ++done, pending);
		migrate_checksum(text[i], len[i], sum);
		if (db_run_script(db, text[i], len[i]) != DB_OK ||
		    db_exec(db, STMT_MIGRATION_RECORD,
		    DB_ARGS(DB_STR(files[i]), DB_STR(sum)), NULL, NULL) != DB_OK) {
			snprintf(msg, msglen, "%s: %s", files[i], db->error);
			return MIGRATE_DB;
		}
		(*count)++;
	}
	return MIGRATE_OK;
}

/* migrate_in() with its own arena; *count is applied or pending ones. */
static enum migrate_err
migrate_arena(struct db *db, const char *dir, int apply,
    migrate_progress progress, void *ctx, size_t *count, char *msg,
    size_t msglen)
{
	struct arena	 a;
	enum migrate_err e;

	*count = 0;
	if (msglen > 0)
		msg[0] = '\0';
	arena_init(&a);
	e = migrate_in(&a, db, dir, apply, progress, ctx, count, msg, msglen);
	arena_free(&a);
	return e;
}

enum migrate_err
migrate_run(struct db *db, const char *dir, migrate_progress progress,
    void *ctx, size_t *applied, char *msg, size_t msglen)
{
	return migrate_arena(db, dir, 1, progress, ctx, applied, msg, msglen);
}

enum migrate_err
migrate_check(struct db *db, const char *dir, size_t *pending, char *msg,
    size_t msglen)
{
	return migrate_arena(db, dir, 0, NULL, NULL, pending, msg, msglen);
}
