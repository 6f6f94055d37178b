/*
 * tracker.conf: "key = value" lines, '#' comments, read once per process.
 * Every key is documented in tracker.conf(5) and etc/tracker.conf.example.
 */
#ifndef TRACKER_CONF_H
#define TRACKER_CONF_H

#include <stddef.h>

#define CONF_MAX_DB_HOSTS	8
#define CONF_MAX_FCGI_WORKERS	64

/* One database server of db_host; port 0 means db_port. */
struct conf_db_host {
	char	*name;
	unsigned port;
};

struct conf {
	char	*db_socket;		/* unix socket; or host + port */
	char	*db_host;		/* as written: "host[:port], ..." */
	struct conf_db_host db_hosts[CONF_MAX_DB_HOSTS]; /* db_host, parsed */
	size_t	 db_nhosts;		/* tried in order on (re)connect */
	unsigned db_port;
	char	*db_name;
	char	*db_user;
	char	*db_password;
	size_t	 max_body_bytes;	/* larger POST bodies get 413 */
	unsigned session_idle_minutes;	/* idle sessions end after this */
	unsigned session_max_hours;	/* every session ends after this */
	unsigned login_max_failures;	/* per user name, within the window */
	unsigned login_window_minutes;
	int	 trust_remote_user;	/* the web server authenticates */
	int	 import_allow_private;	/* web imports may fetch local addresses */
	int	 feeds_allow_private;	/* so may the feed ingester */
	unsigned fcgi_workers;		/* FastCGI processes per program */
};

enum conf_err {
	CONF_OK = 0,
	CONF_NOMEM,
	CONF_OPEN,		/* cannot open the file */
	CONF_SYNTAX,		/* a line is not "key = value" */
	CONF_UNKNOWN_KEY,
	CONF_BAD_VALUE,
	CONF__MAX
};

/*
 * Parse a db_host value, "host[:port]" items separated by commas (an IPv6
 * address in brackets: "[::1]:3306"), into out[0..*n), strings strdup()ed.
 * At most CONF_MAX_DB_HOSTS items.  CONF_BAD_VALUE for an empty item, a
 * bad port or too many; out is then untouched.
 */
enum conf_err	 conf_parse_hosts(const char *value,
		    struct conf_db_host out[CONF_MAX_DB_HOSTS], size_t *n);

/* The defaults, with no strings set. */
void		 conf_defaults(struct conf *);

/*
 * Read path over the defaults.  On error, *line is the offending line
 * (0 when the file could not be opened) and the config is partly filled;
 * call conf_free() either way.
 */
enum conf_err	 conf_load(struct conf *, const char *path, unsigned *line);

/*
 * The configuration file for this process: $TRACKER_CONF, else
 * $TRACKER_VAR/tracker.conf if that file exists, else the default.
 */
const char	*conf_path(void);

const char	*conf_strerror(enum conf_err);
void		 conf_free(struct conf *);

#endif
