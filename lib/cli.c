#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "cli.h"
#include "conf.h"
#include "db.h"

int
cli_open(const char *progname, const char *path, unsigned db_flags,
    struct conf *conf, struct db *db)
{
	unsigned	 line;
	enum conf_err	 ce;
	enum db_err	 e;

	if (auth_init() == -1) {
		fprintf(stderr, "%s: libsodium failed to initialise\n", progname);
		return 1;
	}
	if (path == NULL)
		path = conf_path();
	conf_defaults(conf);
	if ((ce = conf_load(conf, path, &line)) != CONF_OK) {
		if (line)
			fprintf(stderr, "%s: %s:%u: %s\n", progname, path, line,
			    conf_strerror(ce));
		else
			fprintf(stderr, "%s: %s: %s\n", progname, path,
			    conf_strerror(ce));
		conf_free(conf);
		return 1;
	}
	if ((e = db_open(db, conf, db_flags)) != DB_OK) {
		fprintf(stderr, "%s: cannot connect to the database: %s%s%s\n",
		    progname, db_strerror(e), db->error[0] ? " — " : "",
		    db->error);
		db_close(db);
		conf_free(conf);
		return 1;
	}
	return 0;
}

void
cli_close(struct conf *conf, struct db *db)
{
	db_close(db);
	conf_free(conf);
}

int
cli_help_version(const char *progname, int argc, char **argv,
    void (*usage)(FILE *))
{
	if (argc != 2)
		return -1;
	if (strcmp(argv[1], "--version") == 0) {
		printf("%s (%s) %s\n", progname, PACKAGE_NAME, PACKAGE_VERSION);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	if (strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	return -1;
}
