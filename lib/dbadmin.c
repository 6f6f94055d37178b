#include "config.h"

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "conf.h"
#include "db.h"
#include "dbadmin.h"

enum { DBA_OBJECTS, DBA_BINLOG, DBA__MAX };

static const char *const dba_sql[DBA__MAX] = {
	/* Views before tables, so a view never outlives what it reads. */
	[DBA_OBJECTS] =
	    "SELECT kind, name FROM ("
	    " SELECT IF(table_type = 'VIEW', 'VIEW', 'TABLE') AS kind,"
	    " table_name AS name FROM information_schema.tables"
	    " WHERE table_schema = DATABASE()"
	    " UNION ALL SELECT routine_type, routine_name"
	    " FROM information_schema.routines"
	    " WHERE routine_schema = DATABASE()) o "
	    "ORDER BY kind = 'TABLE', kind, name",
	[DBA_BINLOG] =
	    "SELECT @@log_bin AND NOT @@log_bin_trust_function_creators",
};

static const struct db_stmts dba_stmts = { DB_SLOT_DBADMIN, dba_sql,
    DBA__MAX };

/* `name`, with any backtick doubled. */
static void
put_ident(struct buf *out, const char *name)
{
	buf_putc(out, '`');
	for (; *name != '\0'; name++) {
		if (*name == '`')
			buf_putc(out, '`');
		buf_putc(out, *name);
	}
	buf_putc(out, '`');
}

int
dba_drop_script(struct db *db, struct buf *out, size_t *count)
{
	struct arena	 a;
	struct db_rows	 r;
	size_t		 i;

	*count = 0;
	arena_init(&a);
	if (db_query_in(db, &dba_stmts, DBA_OBJECTS, NULL, 0, &a, &r) != DB_OK) {
		arena_free(&a);
		return -1;
	}
	buf_puts(out, "SET FOREIGN_KEY_CHECKS = 0;\n");
	for (i = 0; i < r.nrows; i++) {
		buf_printf(out, "DROP %s IF EXISTS ", DB_CELL(&r, i, 0));
		put_ident(out, DB_CELL(&r, i, 1));
		buf_puts(out, ";\n");
	}
	buf_puts(out, "SET FOREIGN_KEY_CHECKS = 1;\n");
	*count = r.nrows;
	arena_free(&a);
	return out->failed ? -1 : 0;
}

int
dba_binlog_refuses_triggers(struct db *db, int *refused)
{
	struct arena	 a;
	struct db_rows	 r;
	int		 rc = -1;

	arena_init(&a);
	if (db_query_in(db, &dba_stmts, DBA_BINLOG, NULL, 0, &a, &r) == DB_OK &&
	    r.nrows == 1) {
		*refused = db_num(DB_CELL(&r, 0, 0)) != 0;
		rc = 0;
	}
	arena_free(&a);
	return rc;
}

static void
put_option(FILE *f, const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	fprintf(f, "%s=\"", name);
	for (; *value != '\0'; value++) {
		if (*value == '\\' || *value == '"')
			fputc('\\', f);
		fputc(*value, f);
	}
	fputs("\"\n", f);
}

int
dba_write_client_options(FILE *f, const struct conf *c,
    const struct conf_db_host *h)
{
	fputs("[client]\n", f);
	put_option(f, "user", c->db_user);
	put_option(f, "password", c->db_password);
	if (h == NULL && c->db_nhosts > 0)
		h = &c->db_hosts[0];
	if (c->db_socket != NULL && *c->db_socket != '\0')
		put_option(f, "socket", c->db_socket);
	else if (h != NULL) {
		put_option(f, "host", h->name);
		fprintf(f, "port=%u\n", h->port != 0 ? h->port : c->db_port);
		fputs("protocol=TCP\n", f);
	}
	fputs("default-character-set=utf8mb4\n", f);
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

/* Past a `quoted` identifier at p (doubled backticks inside); NULL if none. */
static const char *
skip_ident(const char *p, const char *end)
{
	if (p >= end || *p != '`')
		return NULL;
	for (p++; p < end; p++)
		if (*p == '`') {
			if (p + 1 < end && p[1] == '`')
				p++;
			else
				return p + 1;
		}
	return NULL;
}

/* Length of the DEFINER clause at p, its trailing space included; or 0. */
static size_t
definer_at(const char *p, const char *end)
{
	static const char	 kw[] = "DEFINER=";
	const char		*q;

	if ((size_t)(end - p) < sizeof(kw) - 1 ||
	    memcmp(p, kw, sizeof(kw) - 1) != 0)
		return 0;
	q = skip_ident(p + sizeof(kw) - 1, end);
	if (q == NULL || q >= end || *q != '@' ||
	    (q = skip_ident(q + 1, end)) == NULL)
		return 0;
	if (q < end && *q == ' ')
		q++;
	return (size_t)(q - p);
}

size_t
dba_strip_definer(char *line, size_t len)
{
	char	*end = line + len, *r, *w;
	size_t	 n;

	for (r = w = line; r < end;) {
		if ((n = definer_at(r, end)) > 0) {
			r += n;
			continue;
		}
		*w++ = *r++;
	}
	if (w < end)
		*w = '\0';
	return (size_t)(w - line);
}
