/*
 * tracker-admin backup and restore.  The dump is mariadb-dump's: one
 * transaction (--single-transaction, so InnoDB gives a consistent view
 * without locking out the web programs), with the triggers and routines
 * of migrations 007 and 008.  We run the clients rather than write our
 * own dumper because theirs is the format every MariaDB operator can read
 * and load by hand.  Their DEFINER clauses are removed on the way through,
 * so a dump loads as whatever account restores it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin.h"
#include "buf.h"
#include "client.h"
#include "conf.h"
#include "db.h"
#include "dbadmin.h"
#include "migrate.h"

/* What a copy of dump text has seen, for progress and for checks. */
struct copy {
	const char	*progname;
	const char	*verb;		/* "backup" or "restore" */
	int		 tty;		/* progress on standard error */
	long long	 bytes;
	long long	 total;		/* size of the input, 0 if unknown */
	unsigned	 tables;
	int		 complete;	/* saw mariadb-dump's last line */
};

static const char table_mark[] = "-- Dumping data for table `";
static const char end_mark[] = "-- Dump completed";

static void
progress(struct copy *c, const char *line)
{
	const char	*name = line + sizeof(table_mark) - 1;
	int		 namelen = (int)strcspn(name, "`");

	if (c->total > 0)
		fprintf(stderr, "\r%s: %3lld%% %-40.*s", c->verb,
		    c->bytes * 100 / c->total, namelen, name);
	else
		fprintf(stderr, "\r%s: %6lld kB %-40.*s", c->verb,
		    c->bytes / 1024, namelen, name);
}

/*
 * Copy dump text from in to out line by line without DEFINER clauses,
 * counting and showing progress.  Returns 0, or -1 on a write error.
 */
static int
copy_dump(struct copy *c, FILE *in, FILE *out)
{
	char	*line = NULL;
	size_t	 cap = 0, n;
	ssize_t	 got;

	while ((got = getline(&line, &cap, in)) != -1) {
		c->bytes += got;
		n = dba_strip_definer(line, (size_t)got);
		if (strncmp(line, table_mark, sizeof(table_mark) - 1) == 0) {
			c->tables++;
			if (c->tty)
				progress(c, line);
		}
		if (strncmp(line, end_mark, sizeof(end_mark) - 1) == 0)
			c->complete = 1;
		if (fwrite(line, 1, n, out) != n)
			break;
	}
	free(line);
	if (c->tty && c->tables > 0)
		fputc('\n', stderr);
	return ferror(out) || fflush(out) == EOF ? -1 : 0;
}

/* Where the dump goes: FILE.partial, renamed once complete; or stdout. */
static FILE *
open_output(const char *progname, const char *path, char *partial,
    size_t len)
{
	int	 fd, n;
	FILE	*f;

	if (path == NULL) {
		if (isatty(STDOUT_FILENO)) {
			fprintf(stderr, "%s: backup: not writing a dump to a "
			    "terminal; give -o FILE or redirect\n", progname);
			return NULL;
		}
		return stdout;
	}
	n = snprintf(partial, len, "%s.partial", path);
	if (n < 0 || (size_t)n >= len) {
		fprintf(stderr, "%s: backup: %s: name too long\n", progname,
		    path);
		return NULL;
	}
	fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd == -1 || (f = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "%s: backup: %s: %s\n", progname, partial,
		    strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(partial);
		}
		return NULL;
	}
	return f;
}

/* Make the complete dump durable under its real name. */
static int
close_output(const char *progname, FILE *f, const char *path,
    const char *partial, int ok)
{
	if (f == stdout)
		return ok && fflush(stdout) == 0 ? 0 : -1;
	if (ok && (fflush(f) == EOF || fsync(fileno(f)) == -1))
		ok = 0;
	if (fclose(f) == EOF)
		ok = 0;
	if (ok && rename(partial, path) == 0)
		return 0;
	if (ok)
		fprintf(stderr, "%s: backup: %s: %s\n", progname, path,
		    strerror(errno));
	unlink(partial);
	return -1;
}

/* Run mariadb-dump into out; 0 if it succeeded and its dump is complete. */
static int
dump_to(struct copy *c, const struct conf *conf, const char *options,
    FILE *out)
{
	char	 optfile[4200];
	const char *args[] = { NULL, optfile, "--single-transaction", "--routines",
	    "--triggers", "--hex-blob", "--default-character-set=utf8mb4",
	    conf->db_name, NULL };
	FILE	*in;
	pid_t	 pid;
	int	 p[2], rc;

	snprintf(optfile, sizeof(optfile), "--defaults-extra-file=%s", options);
	if (client_pipe(p) == -1) {
		fprintf(stderr, "%s: pipe: %s\n", c->progname, strerror(errno));
		return -1;
	}
	pid = client_spawn(c->progname, "mariadb-dump", "mysqldump", args,
	    STDIN_FILENO, p[1]);
	close(p[1]);
	if (pid == -1 || (in = fdopen(p[0], "r")) == NULL) {
		close(p[0]);
		return -1;
	}
	rc = copy_dump(c, in, out);
	fclose(in);
	if (client_wait(c->progname, "mariadb-dump", pid) == -1)
		return -1;
	if (rc == -1)
		fprintf(stderr, "%s: backup: write error: %s\n", c->progname,
		    strerror(errno));
	else if (!c->complete) {
		fprintf(stderr, "%s: backup: the dump ended early\n",
		    c->progname);
		rc = -1;
	}
	return rc;
}

int
admin_backup(const char *progname, const struct db *db, const struct conf *conf,
    const char *out_path)
{
	struct copy	 c = { progname, "backup", isatty(STDERR_FILENO), 0,
	    0, 0, 0 };
	char		 options[4096], partial[4096];
	FILE		*out;
	int		 rc;

	if (conf->db_name == NULL || *conf->db_name == '\0' ||
	    *conf->db_name == '-') {
		fprintf(stderr, "%s: backup: db_name is not set (or starts "
		    "with '-')\n", progname);
		return 1;
	}
	if ((out = open_output(progname, out_path, partial,
	    sizeof(partial))) == NULL)
		return 1;
	if (client_options(progname, db, options, sizeof(options)) == -1) {
		close_output(progname, out, out_path, partial, 0);
		return 1;
	}
	rc = dump_to(&c, conf, options, out);
	unlink(options);
	if (close_output(progname, out, out_path, partial, rc == 0) == -1)
		return 1;
	fprintf(stderr, "backup: %s: %u tables, %lld kB%s%s\n", conf->db_name,
	    c.tables, c.bytes / 1024, out_path ? " written to " : "",
	    out_path ? out_path : "");
	return 0;
}

/*
 * A mariadb-dump (or mysqldump) file: its header comment is the first
 * line, or the second after the "sandbox mode" line of MariaDB 10.11.8
 * and later.
 */
static int
is_dump(FILE *f)
{
	char	 line[128];
	int	 i, found = 0;

	for (i = 0; i < 2 && !found && fgets(line, sizeof(line), f) != NULL;
	    i++)
		found = strncmp(line, "-- MariaDB dump", 15) == 0 ||
		    strncmp(line, "-- MySQL dump", 13) == 0;
	rewind(f);
	return found;
}

/* Feed the drop script (if any) and the dump to the mariadb client. */
static int
load_into(struct copy *c, const struct conf *conf, const char *options,
    const struct buf *drop, FILE *dump)
{
	char	 optfile[4200], dbarg[300];
	const char *args[] = { NULL, optfile, "--batch", dbarg, NULL };
	FILE	*to;
	pid_t	 pid;
	int	 p[2], rc;

	snprintf(optfile, sizeof(optfile), "--defaults-extra-file=%s", options);
	snprintf(dbarg, sizeof(dbarg), "--database=%s", conf->db_name);
	if (client_pipe(p) == -1) {
		fprintf(stderr, "%s: pipe: %s\n", c->progname, strerror(errno));
		return -1;
	}
	pid = client_spawn(c->progname, "mariadb", "mysql", args, p[0],
	    STDOUT_FILENO);
	close(p[0]);
	if (pid == -1 || (to = fdopen(p[1], "w")) == NULL) {
		close(p[1]);
		return -1;
	}
	if (drop->len > 0)
		fwrite(drop->data, 1, drop->len, to);
	rc = copy_dump(c, dump, to);
	if (fclose(to) == EOF)
		rc = -1;
	/* The client's own message says why, if it stopped early. */
	if (client_wait(c->progname, "mariadb (loading the dump)", pid) == -1)
		return -1;
	return rc;
}

/* After a load: do the restored migrations match this version's? */
static int
check_schema(const char *progname, struct db *db, const char *sqldir)
{
	char			 msg[512];
	size_t			 pending;
	enum migrate_err	 e;

	e = migrate_check(db, sqldir, &pending, msg, sizeof(msg));
	if (e != MIGRATE_OK) {
		fprintf(stderr, "%s: restore: the restored schema does not match "
		    "this version's migrations: %s: %s\n", progname,
		    migrate_strerror(e), msg);
		return 1;
	}
	if (pending > 0)
		printf("restore: %zu migration%s pending: run tracker-admin "
		    "migrate\n", pending, pending == 1 ? "" : "s");
	else
		printf("restore: the schema matches this version's "
		    "migrations\n");
	return 0;
}

/* The drop script; 0, or the exit status after refusing or failing. */
static int
plan_drop(const char *progname, struct db *db, const struct conf *conf,
    int force, struct buf *drop)
{
	size_t	 count;
	int	 refused;

	if (dba_drop_script(db, drop, &count) == -1) {
		fprintf(stderr, "%s: restore: %s\n", progname, db->error);
		return 1;
	}
	if (count > 0 && !force) {
		fprintf(stderr, "%s: restore: the database %s is not empty (%zu "
		    "tables, views and routines); restore --force replaces "
		    "them\n", progname, conf->db_name, count);
		return 1;
	}
	if (count == 0)
		buf_reset(drop);
	if (dba_binlog_refuses_triggers(db, &refused) == 0 && refused)
		fprintf(stderr, "%s: restore: warning: the server logs binary "
		    "and log_bin_trust_function_creators is off, so the "
		    "triggers need SUPER: see tracker-admin(8)\n", progname);
	return 0;
}

int
admin_restore(const char *progname, struct db *db, const struct conf *conf,
    const char *path, int force, const char *sqldir)
{
	struct copy	 c = { progname, "restore", isatty(STDERR_FILENO), 0,
	    0, 0, 0 };
	struct buf	 drop;
	struct stat	 st;
	char		 options[4096];
	FILE		*dump;
	int		 rc;

	if ((dump = fopen(path, "r")) == NULL) {
		fprintf(stderr, "%s: restore: %s: %s\n", progname, path,
		    strerror(errno));
		return 1;
	}
	if (!is_dump(dump)) {
		fprintf(stderr, "%s: restore: %s is not a mariadb-dump file\n",
		    progname, path);
		fclose(dump);
		return 1;
	}
	c.total = fstat(fileno(dump), &st) == 0 ? (long long)st.st_size : 0;
	buf_init(&drop);
	if ((rc = plan_drop(progname, db, conf, force, &drop)) != 0)
		goto out;
	if (client_options(progname, db, options, sizeof(options)) == -1) {
		rc = 1;
		goto out;
	}
	signal(SIGPIPE, SIG_IGN);
	if (load_into(&c, conf, options, &drop, dump) == -1) {
		fprintf(stderr, "%s: restore: %s was not fully loaded\n",
		    progname, path);
		rc = 1;
	}
	unlink(options);
out:
	buf_free(&drop);
	fclose(dump);
	if (rc != 0)
		return rc;
	printf("restore: %s loaded into %s (%u tables)\n", path,
	    conf->db_name, c.tables);
	return check_schema(progname, db, sqldir);
}
