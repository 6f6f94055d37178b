#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <mysql.h>

#include "auth.h"
#include "testhelp.h"

int
th_run(Suite *s)
{
	SRunner	*sr = srunner_create(s);
	int	 failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

void
th_db_open(struct db *db, struct conf *c)
{
	const char	*path = getenv("TRACKER_CONF");
	unsigned	 line;

	ck_assert_msg(path != NULL, "TRACKER_CONF is not set: run through "
	    "tests/harness/unit-env.sh");
	ck_assert_int_eq(auth_init(), 0);
	conf_defaults(c);
	ck_assert_int_eq(conf_load(c, path, &line), CONF_OK);
	ck_assert_msg(db_open(db, c, DB_FLAG_MULTI) == DB_OK, "%s", db->error);
}

void
th_db_close(struct db *db, struct conf *c)
{
	db_close(db);
	conf_free(c);
}

void
th_sql(struct db *db, const char *sql)
{
	ck_assert_msg(db_run_script(db, sql, strlen(sql)) == DB_OK, "%s: %s",
	    sql, db->error);
}

void
th_sql_true(struct db *db, const char *cond)
{
	char	 sql[1024];

	/* Strict mode refuses the NULL a false (or empty) condition gives. */
	snprintf(sql, sizeof(sql), "CREATE TEMPORARY TABLE IF NOT EXISTS "
	    "th_assert (ok TINYINT NOT NULL); INSERT INTO th_assert VALUES "
	    "(IF((%s), 1, NULL))", cond);
	ck_assert_msg(db_run_script(db, sql, strlen(sql)) == DB_OK,
	    "not true: %s", cond);
}

const char *
th_cell(struct db *db, const char *sql)
{
	static char	 cell[1024];
	MYSQL		*c = db->conn;
	MYSQL_RES	*res;
	MYSQL_ROW	 row;

	ck_assert_msg(mysql_query(c, sql) == 0, "%s: %s", sql, mysql_error(c));
	res = mysql_store_result(c);
	ck_assert_ptr_nonnull(res);
	row = mysql_fetch_row(res);
	snprintf(cell, sizeof(cell), "%s", row == NULL ? "" :
	    row[0] == NULL ? "NULL" : row[0]);
	mysql_free_result(res);
	return cell;
}

long long
th_num(struct db *db, const char *sql)
{
	return strtoll(th_cell(db, sql), NULL, 10);
}

void
th_reset(struct db *db)
{
	th_sql(db, "DELETE FROM sessions; DELETE FROM login_failures; "
	    "DELETE FROM audit_log; DELETE FROM users");
}

static const char *
th_getenv(void *ctx, const char *name)
{
	struct th_env	*e = ctx;
	size_t		 n = strlen(name), i;

	for (i = 0; e->vars[i] != NULL; i++)
		if (strncmp(e->vars[i], name, n) == 0 && e->vars[i][n] == '=')
			return e->vars[i] + n + 1;
	return NULL;
}

static ssize_t
th_read(void *ctx, char *buf, size_t len)
{
	struct th_env	*e = ctx;
	size_t		 left = e->body ? e->body_len - e->body_off : 0;

	if (len > left)
		len = left;
	if (len > 0)
		memcpy(buf, e->body + e->body_off, len);
	e->body_off += len;
	return (ssize_t)len;
}

struct req_source
th_source(struct th_env *e)
{
	struct req_source s = { th_getenv, th_read, e };

	return s;
}

struct params
th_params(struct arena *a, const char *s)
{
	struct params	 p;

	ck_assert_int_eq(req_parse_urlencoded(a, s, strlen(s), &p), REQ_OK);
	return p;
}

void
th_write_file(const char *dir, const char *name, const char *text)
{
	char	 path[512];
	FILE	*f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}
