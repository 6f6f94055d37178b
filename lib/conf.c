#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "conf.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif

static const char *const conf_errors[CONF__MAX] = {
	[CONF_OK] = "no error",
	[CONF_NOMEM] = "out of memory",
	[CONF_OPEN] = "cannot open the configuration file",
	[CONF_SYNTAX] = "expected \"key = value\"",
	[CONF_UNKNOWN_KEY] = "unknown key",
	[CONF_BAD_VALUE] = "invalid value",
};

const char *
conf_strerror(enum conf_err e)
{
	return e >= 0 && e < CONF__MAX ? conf_errors[e] : "unknown error";
}

/*
 * $TRACKER_CONF; else, when $TRACKER_VAR (script/server's data directory)
 * holds a tracker.conf, that one, so the commands reach script/server's
 * database; else the system file.
 */
const char *
conf_path(void)
{
	static char	 var_conf[4096];
	const char	*p = getenv("TRACKER_CONF");
	struct stat	 st;
	int		 n;

	if (p != NULL && *p != '\0')
		return p;
	p = getenv("TRACKER_VAR");
	if (p != NULL && *p != '\0') {
		n = snprintf(var_conf, sizeof(var_conf), "%s/tracker.conf", p);
		if (n > 0 && (size_t)n < sizeof(var_conf) &&
		    stat(var_conf, &st) == 0 && S_ISREG(st.st_mode))
			return var_conf;
	}
	return SYSCONFDIR "/tracker.conf";
}

void
conf_defaults(struct conf *c)
{
	memset(c, 0, sizeof(*c));
	c->db_port = 3306;
	c->max_body_bytes = 1024 * 1024;
	c->session_idle_minutes = 120;
	c->session_max_hours = 12;
	c->login_max_failures = 5;
	c->login_window_minutes = 15;
	c->fcgi_workers = 1;
}

static void
free_hosts(struct conf_db_host *h, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(h[i].name);
}

void
conf_free(struct conf *c)
{
	free(c->db_socket);
	free(c->db_host);
	free_hosts(c->db_hosts, c->db_nhosts);
	free(c->db_name);
	free(c->db_user);
	if (c->db_password != NULL)
		explicit_bzero(c->db_password, strlen(c->db_password));
	free(c->db_password);
	conf_defaults(c);
}

static enum conf_err
set_string(char **dst, const char *v)
{
	char	*p = strdup(v);

	if (p == NULL)
		return CONF_NOMEM;
	free(*dst);
	*dst = p;
	return CONF_OK;
}

static enum conf_err
set_number(unsigned long long *dst, const char *v, unsigned long long max)
{
	char			*end;
	unsigned long long	 n;

	if (!isdigit((unsigned char)*v))
		return CONF_BAD_VALUE;
	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno != 0 || *end != '\0' || n == 0 || n > max)
		return CONF_BAD_VALUE;
	*dst = n;
	return CONF_OK;
}

static enum conf_err
set_bool(int *dst, const char *v)
{
	if (strcasecmp(v, "yes") == 0 || strcasecmp(v, "true") == 0 ||
	    strcmp(v, "1") == 0)
		*dst = 1;
	else if (strcasecmp(v, "no") == 0 || strcasecmp(v, "false") == 0 ||
	    strcmp(v, "0") == 0)
		*dst = 0;
	else
		return CONF_BAD_VALUE;
	return CONF_OK;
}

/* A port after "host:" — digits only, 1 to 65535. */
static int
parse_port(const char *s, size_t len, unsigned *port)
{
	unsigned long	 n = 0;
	size_t		 i;

	if (len == 0 || len > 5)
		return 0;
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		n = n * 10 + (unsigned long)(s[i] - '0');
	}
	if (n == 0 || n > 65535)
		return 0;
	*port = (unsigned)n;
	return 1;
}

/*
 * One item of db_host, spaces trimmed: "host", "host:port", "[v6]" or
 * "[v6]:port".  A bare IPv6 address (two colons or more) has no port.
 */
static enum conf_err
parse_host(const char *s, size_t len, struct conf_db_host *h)
{
	const char	*colon, *name = s;
	size_t		 namelen = len, i;

	h->port = 0;
	if (len > 0 && s[0] == '[') {
		if ((colon = memchr(s, ']', len)) == NULL || colon == s + 1)
			return CONF_BAD_VALUE;
		name = s + 1;
		namelen = (size_t)(colon - name);
		colon++;
		if (colon < s + len && (*colon != ':' ||
		    !parse_port(colon + 1, (size_t)(s + len - colon - 1), &h->port)))
			return CONF_BAD_VALUE;
	} else if ((colon = memchr(s, ':', len)) != NULL &&
	    memchr(colon + 1, ':', (size_t)(s + len - colon - 1)) == NULL) {
		namelen = (size_t)(colon - s);
		if (!parse_port(colon + 1, (size_t)(s + len - colon - 1), &h->port))
			return CONF_BAD_VALUE;
	}
	if (namelen == 0)
		return CONF_BAD_VALUE;
	for (i = 0; i < namelen; i++)
		if (isspace((unsigned char)name[i]) || name[i] == '[' ||
		    name[i] == ']')
			return CONF_BAD_VALUE;
	if ((h->name = strndup(name, namelen)) == NULL)
		return CONF_NOMEM;
	return CONF_OK;
}

enum conf_err
conf_parse_hosts(const char *value, struct conf_db_host out[CONF_MAX_DB_HOSTS],
    size_t *n)
{
	struct conf_db_host	 h[CONF_MAX_DB_HOSTS];
	const char		*p = value, *end;
	size_t			 count = 0, len;
	enum conf_err		 e;

	for (;;) {
		while (isspace((unsigned char)*p))
			p++;
		end = p + strcspn(p, ",");
		len = (size_t)(end - p);
		while (len > 0 && isspace((unsigned char)p[len - 1]))
			len--;
		e = count == CONF_MAX_DB_HOSTS ? CONF_BAD_VALUE :
		    parse_host(p, len, &h[count]);
		if (e != CONF_OK) {
			free_hosts(h, count);
			return e;
		}
		count++;
		if (*end == '\0')
			break;
		p = end + 1;
	}
	memcpy(out, h, count * sizeof(h[0]));
	*n = count;
	return CONF_OK;
}

/* db_host: keep the text as written and the list it gives. */
static enum conf_err
set_hosts(struct conf *c, const char *value)
{
	struct conf_db_host	 h[CONF_MAX_DB_HOSTS];
	size_t			 n;
	enum conf_err		 e;

	if ((e = conf_parse_hosts(value, h, &n)) != CONF_OK)
		return e;
	if ((e = set_string(&c->db_host, value)) != CONF_OK) {
		free_hosts(h, n);
		return e;
	}
	free_hosts(c->db_hosts, c->db_nhosts);
	memcpy(c->db_hosts, h, n * sizeof(h[0]));
	c->db_nhosts = n;
	return CONF_OK;
}

enum conf_num { NUM_PORT, NUM_BODY, NUM_IDLE, NUM_MAXH, NUM_FAIL, NUM_WIN,
    NUM_WORKERS };

static const struct {
	const char		*key;
	enum conf_num		 which;
	unsigned long long	 max;
} numeric_keys[] = {
	{ "db_port", NUM_PORT, 65535 },
	{ "max_body_bytes", NUM_BODY, 1ULL << 30 },
	{ "session_idle_minutes", NUM_IDLE, 60 * 24 * 30 },
	{ "session_max_hours", NUM_MAXH, 24 * 90 },
	{ "login_max_failures", NUM_FAIL, 1000 },
	{ "login_window_minutes", NUM_WIN, 60 * 24 },
	{ "fcgi_workers", NUM_WORKERS, CONF_MAX_FCGI_WORKERS },
};

static void
store_number(struct conf *c, enum conf_num which, unsigned long long n)
{
	switch (which) {
	case NUM_PORT: c->db_port = (unsigned)n; break;
	case NUM_BODY: c->max_body_bytes = (size_t)n; break;
	case NUM_IDLE: c->session_idle_minutes = (unsigned)n; break;
	case NUM_MAXH: c->session_max_hours = (unsigned)n; break;
	case NUM_FAIL: c->login_max_failures = (unsigned)n; break;
	case NUM_WIN: c->login_window_minutes = (unsigned)n; break;
	case NUM_WORKERS: c->fcgi_workers = (unsigned)n; break;
	}
}

static enum conf_err
conf_set(struct conf *c, const char *key, const char *value)
{
	unsigned long long	 n;
	enum conf_err		 e;
	size_t			 i;

	if (strcmp(key, "db_socket") == 0)
		return set_string(&c->db_socket, value);
	if (strcmp(key, "db_host") == 0)
		return set_hosts(c, value);
	if (strcmp(key, "db_name") == 0)
		return set_string(&c->db_name, value);
	if (strcmp(key, "db_user") == 0)
		return set_string(&c->db_user, value);
	if (strcmp(key, "db_password") == 0)
		return set_string(&c->db_password, value);
	if (strcmp(key, "trust_remote_user") == 0)
		return set_bool(&c->trust_remote_user, value);
	if (strcmp(key, "import_allow_private_addresses") == 0)
		return set_bool(&c->import_allow_private, value);
	if (strcmp(key, "feeds_allow_private_addresses") == 0)
		return set_bool(&c->feeds_allow_private, value);
	for (i = 0; i < sizeof(numeric_keys) / sizeof(numeric_keys[0]); i++) {
		if (strcmp(key, numeric_keys[i].key) != 0)
			continue;
		if ((e = set_number(&n, value, numeric_keys[i].max)) == CONF_OK)
			store_number(c, numeric_keys[i].which, n);
		return e;
	}
	return CONF_UNKNOWN_KEY;
}

static char *
trim(char *s)
{
	char	*end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

enum conf_err
conf_load(struct conf *c, const char *path, unsigned *lineno)
{
	FILE		*f;
	char		*line = NULL, *key, *value, *eq;
	size_t		 cap = 0;
	enum conf_err	 e = CONF_OK;

	*lineno = 0;
	if ((f = fopen(path, "r")) == NULL)
		return CONF_OPEN;
	while (getline(&line, &cap, f) != -1) {
		(*lineno)++;
		key = trim(line);
		if (*key == '\0' || *key == '#')
			continue;
		if ((eq = strchr(key, '=')) == NULL) {
			e = CONF_SYNTAX;
			break;
		}
		*eq = '\0';
		key = trim(key);
		value = trim(eq + 1);
		if ((e = conf_set(c, key, value)) != CONF_OK)
			break;
	}
	/* A directory opens but cannot be read: say so, not "no keys". */
	if (e == CONF_OK && ferror(f)) {
		e = CONF_OPEN;
		*lineno = 0;
	}
	free(line);
	fclose(f);
	if (e == CONF_OK)
		*lineno = 0;
	return e;
}
