/*
 * Schema migrations: the files sql/NNN_name.sql, applied in order of
 * their names and recorded in schema_migrations with the SHA-256 of their
 * text.  Running again applies only what is new.  If a file that was
 * applied has changed or gone, nothing is applied and the run fails:
 * the database and the tree disagree and a person must look.
 */
#ifndef TRACKER_MIGRATE_H
#define TRACKER_MIGRATE_H

#include <stddef.h>

struct db;

enum migrate_err {
	MIGRATE_OK = 0,
	MIGRATE_NOMEM,
	MIGRATE_DIR,		/* cannot read the directory or a file */
	MIGRATE_CHANGED,	/* an applied file's checksum differs */
	MIGRATE_MISSING,	/* an applied file is no longer there */
	MIGRATE_DB,		/* the database refused a statement */
	MIGRATE__MAX
};

/* Called before each file is applied, for progress output. */
typedef void (*migrate_progress)(void *ctx, const char *file, size_t i,
    size_t total);

/*
 * Apply the pending migrations in dir on a DB_FLAG_MULTI connection.
 * *applied counts the files applied; msg explains any failure.
 */
enum migrate_err	 migrate_run(struct db *, const char *dir,
			    migrate_progress, void *ctx, size_t *applied,
			    char *msg, size_t msglen);

/*
 * Compare dir with the migrations the database records, changing nothing:
 * MIGRATE_OK with *pending the files not yet applied, or the error
 * migrate_run would stop with (a changed or missing file).
 */
enum migrate_err	 migrate_check(struct db *, const char *dir,
			    size_t *pending, char *msg, size_t msglen);

/* 1 if name looks like a migration file: digits, '_', ..., ".sql". */
int			 migrate_is_file(const char *name);

/* Hex SHA-256 (64 chars and NUL) of len bytes at p. */
void			 migrate_checksum(const void *p, size_t len,
			    char out[65]);

const char		*migrate_strerror(enum migrate_err);

#endif
