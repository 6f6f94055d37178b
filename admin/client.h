/*
 * Running the MariaDB command-line clients (mariadb-dump, mariadb) for
 * backup and restore, with the credentials in a private option file.
 */
#ifndef TRACKER_ADMIN_CLIENT_H
#define TRACKER_ADMIN_CLIENT_H

#include <stddef.h>
#include <sys/types.h>

struct db;

/*
 * Write conf's credentials, for its socket or else the db_host server
 * our own connection db reached (the first Galera node that was ready),
 * to a new mode 0600 file in $TMPDIR (else /tmp) and put its name in
 * path; the caller unlinks it.  Returns 0, or -1 after saying why on
 * stderr.
 */
int	client_options(const char *progname, const struct db *,
	    char *path, size_t len);

/*
 * A pipe whose ends close on exec (each child gets its end by dup2);
 * 0, or -1 with errno set.
 */
int	client_pipe(int p[2]);

/*
 * Start the client called name (or, when that is not installed, alt) with
 * args (args[0] is set here) and fd in and out as its standard input and
 * output.  Returns its pid, or -1 after saying why.
 */
pid_t	client_spawn(const char *progname, const char *name, const char *alt,
	    const char **args, int in, int out);

/*
 * Wait for pid; returns 0 if it exited with status 0, else -1 after
 * saying how it ended.
 */
int	client_wait(const char *progname, const char *what, pid_t pid);

#endif
