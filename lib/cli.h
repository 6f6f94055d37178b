/*
 * What the command-line programs (tracker-admin, tracker-feeds) share:
 * load tracker.conf and connect, saying on standard error what went wrong.
 */
#ifndef TRACKER_CLI_H
#define TRACKER_CLI_H

#include <stdio.h>

struct conf;
struct db;

/*
 * --help (usage on standard output) and --version as the only argument:
 * the exit status, after printing; -1 when argv is neither.
 */
int	cli_help_version(const char *progname, int argc, char **argv,
	    void (*usage)(FILE *));

/*
 * Initialise libsodium, load the configuration from path (NULL: the usual
 * one, see conf_path()) and connect with db_flags.  Returns 0, or the exit
 * status after printing why on stderr; nothing is left to free then.
 */
int	cli_open(const char *progname, const char *path, unsigned db_flags,
	    struct conf *, struct db *);

/* Close what cli_open() opened. */
void	cli_close(struct conf *, struct db *);

#endif
