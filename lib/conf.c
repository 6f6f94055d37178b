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
}

void
conf_free(struct conf *c)
{
	free(c->db_socket);
	free(c->db_host);
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

enum conf_num { NUM_PORT, NUM_BODY, NUM_IDLE, NUM_MAXH, NUM_FAIL, NUM_WIN };

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
		return set_string(&c->db_host, value);
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
