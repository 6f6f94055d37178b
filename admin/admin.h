/*
 * The commands of tracker-admin that live outside tracker-admin.c:
 * check-config (check.c), backup and restore (backup.c).
 */
#ifndef TRACKER_ADMIN_H
#define TRACKER_ADMIN_H

struct conf;
struct db;

/*
 * Check the configuration file at path (NULL: conf_path()) key by key,
 * its permissions, the database connection and the migrations in sqldir;
 * print each problem, warnings included.  Returns the exit status: 0 when
 * nothing but warnings was found, else 1.
 */
int	admin_check_config(const char *progname, const char *path,
	    const char *sqldir);

/*
 * Write a consistent dump of the configured database, from the server db
 * is connected to, (mariadb-dump in one
 * transaction, DEFINER clauses removed) to out_path, through a temporary
 * file renamed into place once complete; NULL writes to standard output.
 * Returns the exit status.
 */
int	admin_backup(const char *progname, const struct db *,
	    const struct conf *, const char *out_path);

/*
 * Load the dump at path into the configured database with the mariadb
 * client, refusing a database that holds anything unless force (then all
 * of it is dropped first); then compare its migrations with sqldir.
 * Returns the exit status.
 */
int	admin_restore(const char *progname, struct db *, const struct conf *,
	    const char *path, int force, const char *sqldir);

#endif
