/*
 * tracker-admin check-config: everything a program would stop at, and
 * what it would not stop at but a person should know, in one run.  It
 * reads the file itself rather than through cli_open() so that it can
 * report an unreachable database instead of stopping there.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "admin.h"
#include "conf.h"
#include "db.h"
#include "dbadmin.h"
#include "migrate.h"

struct check {
	const char	*progname;
	const char	*path;
	unsigned	 errors;
	unsigned	 warnings;
};

static void	problem(struct check *, int, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

/* Report one finding: a warning, or an error that fails the check. */
static void
problem(struct check *k, int warning, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "%s: check-config: %s", k->progname,
	    warning ? "warning: " : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (warning)
		k->warnings++;
	else
		k->errors++;
}

/*
 * What line lineno of the file says, for the message: the key alone for
 * an unknown key (it may be a misspelt db_password), "key = value" for a
 * bad value (only numbers and yes/no are ever refused).
 */
static void
describe_line(const char *path, unsigned lineno, enum conf_err e,
    char *out, size_t len)
{
	FILE		*f = fopen(path, "r");
	char		*line = NULL, *eq, *key, *end;
	size_t		 cap = 0;
	unsigned	 n = 0;

	*out = '\0';
	while (f != NULL && getline(&line, &cap, f) != -1)
		if (++n == lineno)
			break;
	if (n == lineno && line != NULL && (eq = strchr(line, '=')) != NULL) {
		*eq = '\0';
		for (key = line; isspace((unsigned char)*key); key++)
			;
		for (end = eq; end > key && isspace((unsigned char)end[-1]);)
			*--end = '\0';
		eq[1 + strcspn(eq + 1, "\r\n")] = '\0';
		if (e == CONF_UNKNOWN_KEY)
			snprintf(out, len, " \"%s\"", key);
		else if (e == CONF_BAD_VALUE)
			snprintf(out, len, " for %s:%s", key, eq + 1);
	}
	free(line);
	if (f != NULL)
		fclose(f);
}

/* Load the file; 0, or -1 after the message (the check stops there). */
static int
check_file(struct check *k, struct conf *c)
{
	char		 what[300];
	unsigned	 line;
	enum conf_err	 e;

	if ((e = conf_load(c, k->path, &line)) == CONF_OK)
		return 0;
	if (e == CONF_OPEN) {
		problem(k, 0, "%s: %s", k->path, strerror(errno));
		return -1;
	}
	describe_line(k->path, line, e, what, sizeof(what));
	problem(k, 0, "%s:%u: %s%s", k->path, line, conf_strerror(e), what);
	return -1;
}

static void
check_keys(struct check *k, const struct conf *c)
{
	if (c->db_name == NULL || *c->db_name == '\0')
		problem(k, 0, "%s: db_name is not set", k->path);
	if (c->db_user == NULL || *c->db_user == '\0')
		problem(k, 0, "%s: db_user is not set", k->path);
	if (c->trust_remote_user)
		problem(k, 1, "%s: trust_remote_user is on: the web server "
		    "must authenticate every request", k->path);
}

/* The file holds the database password: only its owner and group read it. */
static void
check_mode(struct check *k, const struct conf *c)
{
	struct stat	 st;

	if (stat(k->path, &st) == -1)
		return;
	if ((st.st_mode & S_IWOTH) != 0)
		problem(k, 1, "%s is writable by every user: chmod o-w %s",
		    k->path, k->path);
	if (c->db_password != NULL && (st.st_mode & S_IROTH) != 0)
		problem(k, 1, "%s holds db_password and is readable by every "
		    "user: chmod o-r %s", k->path, k->path);
}

static void
check_database(struct check *k, const struct conf *c, const char *sqldir)
{
	struct db		 db;
	char			 msg[512];
	size_t			 pending;
	enum migrate_err	 e;
	int			 refused;

	if (db_open(&db, c, 0) != DB_OK) {
		problem(k, 0, "cannot connect to the database: %s", db.error);
		db_close(&db);
		return;
	}
	if ((e = migrate_check(&db, sqldir, &pending, msg, sizeof(msg))) !=
	    MIGRATE_OK)
		problem(k, 0, "migrations: %s: %s", migrate_strerror(e), msg);
	else if (pending > 0) {
		problem(k, 0, "%zu migration%s pending in %s: run "
		    "tracker-admin migrate", pending, pending == 1 ? " is" :
		    "s are", sqldir);
	}
	if (dba_binlog_refuses_triggers(&db, &refused) == 0 && refused)
		problem(k, 1, "the server logs binary and "
		    "log_bin_trust_function_creators is off: migrations and "
		    "restores need SUPER");
	db_close(&db);
}

int
admin_check_config(const char *progname, const char *path,
    const char *sqldir)
{
	struct check	 k = { progname, path != NULL ? path : conf_path(), 0, 0 };
	struct conf	 c;

	printf("check-config: %s\n", k.path);
	conf_defaults(&c);
	if (check_file(&k, &c) == 0) {
		check_keys(&k, &c);
		check_mode(&k, &c);
		if (k.errors == 0)
			check_database(&k, &c, sqldir);
	}
	conf_free(&c);
	if (k.errors > 0) {
		fprintf(stderr, "%s: check-config: %u problem%s found\n",
		    progname, k.errors, k.errors == 1 ? "" : "s");
		return 1;
	}
	printf("configuration and database connection are fine%s\n",
	    k.warnings > 0 ? " (see the warnings)" : "");
	return 0;
}
