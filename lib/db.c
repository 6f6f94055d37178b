#include "config.h"

#include <sys/socket.h>

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "arena.h"
#include "conf.h"
#include "db.h"

/* Every statement the product runs.  Times are UTC (see db_open). */
static const char *const stmt_sql[STMT__MAX] = {
	[STMT_USER_BY_NAME] =
	    "SELECT id, username, display_name, role, password_hash, disabled "
	    "FROM users WHERE username = ?",
	[STMT_USER_INSERT] =
	    "INSERT INTO users (username, display_name, role, password_hash, "
	    "created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
	[STMT_USER_SET_PASSWORD] =
	    "UPDATE users SET password_hash = ?, version = version + 1 "
	    "WHERE id = ?",
	[STMT_USER_SET_DISABLED] =
	    "UPDATE users SET disabled = ?, version = version + 1 WHERE id = ?",
	[STMT_USER_LIST] =
	    "SELECT id, username, display_name, role, password_hash, disabled "
	    "FROM users ORDER BY username",
	[STMT_SESSION_INSERT] =
	    "INSERT INTO sessions (token_hash, user_id, csrf_token, remote_addr, "
	    "created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL ? HOUR)",
	[STMT_SESSION_LOOKUP] =
	    "SELECT s.id, u.id, u.username, u.display_name, u.role, "
	    "s.csrf_token, TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP()) "
	    "FROM sessions s JOIN users u ON u.id = s.user_id "
	    "WHERE s.token_hash = ? AND u.disabled = 0 "
	    "AND s.expires_at > UTC_TIMESTAMP() "
	    "AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	[STMT_SESSION_TOUCH] =
	    "UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() WHERE id = ?",
	[STMT_SESSION_DELETE] =
	    "DELETE FROM sessions WHERE token_hash = ?",
	[STMT_SESSION_DELETE_USER] =
	    "DELETE FROM sessions WHERE user_id = ?",
	[STMT_SESSION_PURGE] =
	    "DELETE FROM sessions WHERE expires_at <= UTC_TIMESTAMP() "
	    "OR last_seen_at <= UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	[STMT_LOGIN_FAILURES_USER] =
	    "SELECT COUNT(*), TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), "
	    "MIN(attempted_at) + INTERVAL ? MINUTE) FROM login_failures "
	    "WHERE username = ? AND attempted_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	[STMT_LOGIN_FAILURES_ADDR] =
	    "SELECT COUNT(*), TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), "
	    "MIN(attempted_at) + INTERVAL ? MINUTE) FROM login_failures "
	    "WHERE remote_addr = ? AND attempted_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	[STMT_LOGIN_FAILURE_ADD] =
	    "INSERT INTO login_failures (username, remote_addr, attempted_at) "
	    "VALUES (?, ?, UTC_TIMESTAMP())",
	[STMT_LOGIN_FAILURE_CLEAR] =
	    "DELETE FROM login_failures WHERE username = ?",
	[STMT_LOGIN_FAILURE_PURGE] =
	    "DELETE FROM login_failures "
	    "WHERE attempted_at < UTC_TIMESTAMP() - INTERVAL 1 DAY",
	[STMT_AUDIT_INSERT] =
	    "INSERT INTO audit_log (at, actor, entity, entity_id, action, "
	    "before_data, after_data) VALUES (UTC_TIMESTAMP(), ?, ?, ?, ?, ?, ?)",
	[STMT_AUDIT_FOR] =
	    "SELECT id, actor, action, before_data, after_data, "
	    "DATE_FORMAT(at, '%Y-%m-%dT%H:%i:%sZ') FROM audit_log "
	    "WHERE entity = ? AND entity_id = ? ORDER BY id DESC",
	[STMT_MIGRATION_LIST] =
	    "SELECT version, checksum FROM schema_migrations ORDER BY version",
	[STMT_MIGRATION_RECORD] =
	    "INSERT INTO schema_migrations (version, checksum, applied_at) "
	    "VALUES (?, ?, UTC_TIMESTAMP())",
	[STMT_USER_BY_ID] =
	    "SELECT id, username, display_name, role, password_hash, disabled "
	    "FROM users WHERE id = ?",
	[STMT_USER_SET_ROLE_NAME] =
	    "UPDATE users SET display_name = ?, role = ?, version = version + 1 "
	    "WHERE id = ?",
};

static const struct db_stmts core_stmts = { DB_SLOT_CORE, stmt_sql, STMT__MAX };

/* Strict mode and UTC on every connection, reconnects included. */
static const char session_setup[] =
    "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
    "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone = '+00:00'";

static const char *const db_errors[DB__MAX] = {
	[DB_OK] = "no error",
	[DB_NOMEM] = "out of memory",
	[DB_UNAVAILABLE] = "the database is unavailable",
	[DB_DUPLICATE] = "a record with that value already exists",
	[DB_NOTFOUND] = "no such record",
	[DB_CONFLICT] = "someone else changed the record",
	[DB_FULL] = "the database is out of space",
	[DB_ERROR] = "database error",
};

const char *
db_strerror(enum db_err e)
{
	return e >= 0 && e < DB__MAX ? db_errors[e] : "unknown error";
}

const char *
db_stmt_sql(enum db_stmt id)
{
	return id >= 0 && id < STMT__MAX ? stmt_sql[id] : NULL;
}

static int
connection_lost(unsigned err)
{
	return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST ||
	    err == CR_CONNECTION_ERROR || err == CR_CONN_HOST_ERROR ||
	    err == CR_SERVER_LOST_EXTENDED || err == ER_CONNECTION_KILLED ||
	    err == ER_SERVER_SHUTDOWN || err == CR_COMMANDS_OUT_OF_SYNC ||
	    err == 4031 /* ER_CLIENT_INTERACTION_TIMEOUT */ ||
	    /* A Galera node that left the primary component: try another. */
	    err == ER_UNKNOWN_COM_ERROR;
}

/*
 * The transaction was rolled back and may simply be run again: a deadlock,
 * or (the same error) a Galera certification conflict with a write-set
 * from another node; or a lock wait that timed out.
 */
static int
retryable(unsigned err)
{
	return err == ER_LOCK_DEADLOCK || err == ER_LOCK_WAIT_TIMEOUT;
}

/*
 * InnoDB could not extend a tablespace ("The table ... is full"), or the
 * server could not write a file for want of space.  The statement failed
 * and its transaction is rolled back by the caller: nothing was saved.
 */
static int
out_of_space(unsigned err)
{
	return err == ER_RECORD_FILE_FULL || err == ER_DISK_FULL;
}

/* Record the server's error and classify it. */
static enum db_err
fail(struct db *db, unsigned err, const char *msg)
{
	db->last_errno = err;
	snprintf(db->error, sizeof(db->error), "%u: %s", err, msg);
	if (retryable(err))
		db->retryable = 1;
	if (connection_lost(err)) {
		db->broken = 1;
		return DB_UNAVAILABLE;
	}
	if (err == ER_DUP_ENTRY)
		return DB_DUPLICATE;
	if (out_of_space(err))
		return DB_FULL;
	return DB_ERROR;
}

static void
drop_statements(struct db *db)
{
	size_t	 slot, i;

	for (slot = 0; slot < DB_SLOT__MAX; slot++) {
		if (db->prepared[slot] == NULL)
			continue;
		for (i = 0; db->prepared[slot][i] != (void *)db; i++)
			if (db->prepared[slot][i] != NULL)
				mysql_stmt_close(db->prepared[slot][i]);
		free(db->prepared[slot]);
		db->prepared[slot] = NULL;
	}
}

/* The value SHOW ... LIKE gives, "" for no row, NULL on error; freed. */
static char *
show_value(MYSQL *m, const char *sql)
{
	MYSQL_RES	*res;
	MYSQL_ROW	 row;
	char		*v;

	if (mysql_query(m, sql) != 0 || (res = mysql_store_result(m)) == NULL)
		return NULL;
	row = mysql_fetch_row(res);
	v = strdup(row != NULL && row[1] != NULL ? row[1] : "");
	mysql_free_result(res);
	return v;
}

/*
 * A Galera node that is not part of the primary component, or still
 * joining, accepts connections but answers 1047 (ER_UNKNOWN_COM_ERROR,
 * "WSREP has not yet prepared node for application use") to queries.
 * wsrep_ready says so up front.  A server with wsrep off, or without
 * Galera at all, is always ready.
 */
static int
node_ready(MYSQL *m)
{
	char	*on, *ready = NULL;
	int	 ok;

	if ((on = show_value(m, "SHOW GLOBAL VARIABLES LIKE 'wsrep_on'")) == NULL)
		return 0;
	ok = strcasecmp(on, "ON") != 0 ||
	    ((ready = show_value(m, "SHOW GLOBAL STATUS LIKE 'wsrep_ready'"))
	    != NULL && strcasecmp(ready, "ON") == 0);
	free(on);
	free(ready);
	return ok;
}

/* Connect to one server: the socket, or host h of db_host. */
static MYSQL *
connect_one(struct db *db, const struct conf_db_host *h, const char *socket)
{
	const struct conf	*c = db->conf;
	MYSQL			*m;
	unsigned		 timeout = c->db_nhosts > 1 ? 3 : 10;
	unsigned long		 flags = CLIENT_FOUND_ROWS;

	if ((m = mysql_init(NULL)) == NULL) {
		snprintf(db->error, sizeof(db->error), "out of memory");
		return NULL;
	}
	mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(m, MYSQL_INIT_COMMAND, session_setup);
	mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	timeout = 60;
	mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &timeout);
	mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
	if (db->flags & DB_FLAG_MULTI)
		flags |= CLIENT_MULTI_STATEMENTS;
	if (mysql_real_connect(m, h != NULL ? h->name : NULL, c->db_user,
	    c->db_password, c->db_name, h != NULL && h->port != 0 ? h->port :
	    c->db_port, socket, flags) == NULL) {
		fail(db, mysql_errno(m), mysql_error(m));
		mysql_close(m);
		return NULL;
	}
	if (!node_ready(m)) {
		fail(db, ER_UNKNOWN_COM_ERROR, "the Galera node is not synced "
		    "with its cluster (wsrep_ready is not ON)");
		mysql_close(m);
		return NULL;
	}
	return m;
}

/*
 * The socket if set; else each server of db_host in turn, the first that
 * answers and is ready winning.  Any failure to connect means: not
 * reachable now, try later (DB_UNAVAILABLE; db->error says why the last
 * one failed).
 */
static enum db_err
connect_now(struct db *db)
{
	const struct conf	*c = db->conf;
	const struct conf_db_host local = { (char *)"localhost", 0 };
	MYSQL			*m = NULL;
	size_t			 i;

	db->broken = 1;
	db->host = NULL;
	if (c->db_socket != NULL || c->db_nhosts == 0)
		m = connect_one(db, c->db_socket != NULL ? NULL : &local,
		    c->db_socket);
	for (i = 0; m == NULL && c->db_socket == NULL && i < c->db_nhosts; i++)
		if ((m = connect_one(db, &c->db_hosts[i], NULL)) != NULL)
			db->host = &c->db_hosts[i];
	if (m == NULL)
		return DB_UNAVAILABLE;
	db->conn = m;
	db->broken = 0;
	db->tx_depth = 0;
	return DB_OK;
}

enum db_err
db_open(struct db *db, const struct conf *c, unsigned flags)
{
	memset(db, 0, sizeof(*db));
	db->conf = c;
	db->flags = flags;
	return connect_now(db);
}

void
db_close(struct db *db)
{
	drop_statements(db);
	if (db->conn != NULL)
		mysql_close(db->conn);
	db->conn = NULL;
}

/*
 * Between requests the server has nothing to say, so end-of-file or an
 * error on the idle socket means it hung up (it was restarted, or closed
 * us for idling).  Found now, before the request uses the connection, it
 * costs a reconnect rather than a 503.  Bytes waiting (a TLS record) are
 * not a hang-up: peeked at, never consumed.
 */
static int
hung_up(struct db *db)
{
	struct pollfd	 p;
	char		 c;

	p.fd = (int)mysql_get_socket(db->conn);
	p.events = POLLIN;
	p.revents = 0;
	if (p.fd < 0 || poll(&p, 1, 0) <= 0)
		return 0;
	return recv(p.fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) <= 0;
}

enum db_err
db_ensure(struct db *db)
{
	if (db->conn != NULL && !db->broken && hung_up(db))
		db->broken = 1;
	if (db->conn != NULL && !db->broken) {
		/* A transaction a bug left open must not swallow the next. */
		if (db->tx_depth > 0) {
			db->tx_depth = 1;
			db_rollback(db);
		}
		return DB_OK;
	}
	db_close(db);
	return connect_now(db);
}

/*
 * The prepared handle for a module's statement, preparing it on first use
 * on this connection.  Each slot's array ends with the db pointer itself
 * as a sentinel, so drop_statements() needs no count.
 */
static enum db_err
prepared(struct db *db, const struct db_stmts *t, unsigned id,
    MYSQL_STMT **out)
{
	MYSQL_STMT	*st;
	void		**slot;

	if (t->slot >= DB_SLOT__MAX || id >= t->n || t->sql[id] == NULL)
		return DB_ERROR;
	if (db->conn == NULL || db->broken)
		return DB_UNAVAILABLE;
	if ((slot = db->prepared[t->slot]) == NULL) {
		if ((slot = calloc(t->n + 1, sizeof(*slot))) == NULL)
			return DB_NOMEM;
		slot[t->n] = db;
		db->prepared[t->slot] = slot;
	}
	if ((st = slot[id]) == NULL) {
		if ((st = mysql_stmt_init(db->conn)) == NULL)
			return DB_NOMEM;
		if (mysql_stmt_prepare(st, t->sql[id], strlen(t->sql[id]))) {
			enum db_err e = fail(db, mysql_stmt_errno(st),
			    mysql_stmt_error(st));

			snprintf(db->error + strlen(db->error),
			    sizeof(db->error) - strlen(db->error),
			    " (statement %u of slot %u)", id, (unsigned)t->slot);
			mysql_stmt_close(st);
			return e;
		}
		slot[id] = st;
	}
	*out = st;
	return DB_OK;
}

/* Bind the arguments and execute. */
static enum db_err
execute(struct db *db, MYSQL_STMT *st, const struct db_val *args, size_t n)
{
	MYSQL_BIND	 bind[64];
	size_t		 i;

	if (n != mysql_stmt_param_count(st) || n > 64) {
		snprintf(db->error, sizeof(db->error),
		    "statement wants %lu parameters, given %zu",
		    mysql_stmt_param_count(st), n);
		return DB_ERROR;
	}
	memset(bind, 0, sizeof(bind));
	for (i = 0; i < n; i++) {
		switch (args[i].type) {
		case DB_T_NULL:
			bind[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		case DB_T_INT:
			bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
			bind[i].buffer = (void *)&args[i].i;
			break;
		case DB_T_STR:
			bind[i].buffer_type = MYSQL_TYPE_STRING;
			bind[i].buffer = (void *)args[i].s;
			bind[i].buffer_length = strlen(args[i].s);
			break;
		}
	}
	if ((n > 0 && mysql_stmt_bind_param(st, bind)) || mysql_stmt_execute(st))
		return fail(db, mysql_stmt_errno(st), mysql_stmt_error(st));
	return DB_OK;
}

enum db_err
db_exec_in(struct db *db, const struct db_stmts *t, unsigned id,
    const struct db_val *args, size_t n, unsigned long long *affected,
    unsigned long long *insert_id)
{
	MYSQL_STMT	*st;
	enum db_err	 e;

	if ((e = prepared(db, t, id, &st)) != DB_OK ||
	    (e = execute(db, st, args, n)) != DB_OK)
		return e;
	/* Outside a transaction, a change is durable at once. */
	if (db->tx_depth == 0 && mysql_stmt_affected_rows(st) > 0 &&
	    mysql_stmt_affected_rows(st) != (my_ulonglong)-1)
		db->durable_writes++;
	if (affected != NULL)
		*affected = mysql_stmt_affected_rows(st);
	if (insert_id != NULL)
		*insert_id = mysql_stmt_insert_id(st);
	return DB_OK;
}

enum db_err
db_exec(struct db *db, enum db_stmt id, const struct db_val *args,
    size_t n, unsigned long long *affected, unsigned long long *insert_id)
{
	return db_exec_in(db, &core_stmts, id, args, n, affected, insert_id);
}

/* Fetch one row's columns as strings, whatever their length. */
static enum db_err
fetch_row(struct db *db, MYSQL_STMT *st, struct arena *a, char **cells,
    size_t ncols)
{
	MYSQL_BIND	 bind[64];
	unsigned long	 len[64];
	my_bool		 isnull[64];
	size_t		 c;
	int		 rc;

	memset(bind, 0, sizeof(bind));
	for (c = 0; c < ncols; c++) {
		bind[c].buffer_type = MYSQL_TYPE_STRING;
		bind[c].length = &len[c];
		bind[c].is_null = &isnull[c];
	}
	if (mysql_stmt_bind_result(st, bind))
		return fail(db, mysql_stmt_errno(st), mysql_stmt_error(st));
	rc = mysql_stmt_fetch(st);
	if (rc == MYSQL_NO_DATA)
		return DB_NOTFOUND;
	if (rc == 1)
		return fail(db, mysql_stmt_errno(st), mysql_stmt_error(st));
	for (c = 0; c < ncols; c++) {
		if (isnull[c]) {
			cells[c] = NULL;
			continue;
		}
		if ((cells[c] = arena_alloc(a, len[c] + 1)) == NULL)
			return DB_NOMEM;
		bind[c].buffer = cells[c];
		bind[c].buffer_length = len[c] + 1;
		if (len[c] > 0 && mysql_stmt_fetch_column(st, &bind[c],
		    (unsigned)c, 0))
			return fail(db, mysql_stmt_errno(st),
			    mysql_stmt_error(st));
		cells[c][len[c]] = '\0';
	}
	return DB_OK;
}

enum db_err
db_query(struct db *db, enum db_stmt id, const struct db_val *args,
    size_t n, struct arena *a, struct db_rows *out)
{
	return db_query_in(db, &core_stmts, id, args, n, a, out);
}

enum db_err
db_query_in(struct db *db, const struct db_stmts *t, unsigned id,
    const struct db_val *args, size_t n, struct arena *a,
    struct db_rows *out)
{
	MYSQL_STMT	*st;
	enum db_err	 e;
	size_t		 cap = 0;

	memset(out, 0, sizeof(*out));
	if ((e = prepared(db, t, id, &st)) != DB_OK ||
	    (e = execute(db, st, args, n)) != DB_OK)
		return e;
	out->ncols = mysql_stmt_field_count(st);
	if (out->ncols > 64 || mysql_stmt_store_result(st)) {
		e = out->ncols > 64 ? DB_ERROR :
		    fail(db, mysql_stmt_errno(st), mysql_stmt_error(st));
		goto done;
	}
	cap = mysql_stmt_num_rows(st);
	if (cap > 0 &&
	    (out->cells = arena_alloc(a, cap * out->ncols * sizeof(char *))) == NULL) {
		e = DB_NOMEM;
		goto done;
	}
	while (out->nrows < cap) {
		e = fetch_row(db, st, a, out->cells + out->nrows * out->ncols,
		    out->ncols);
		if (e == DB_NOTFOUND) {
			e = DB_OK;
			break;
		}
		if (e != DB_OK)
			break;
		out->nrows++;
	}
done:
	if (!db->broken)
		mysql_stmt_free_result(st);
	return e;
}

static enum db_err
simple(struct db *db, const char *sql)
{
	if (db->conn == NULL || db->broken)
		return DB_UNAVAILABLE;
	if (mysql_query(db->conn, sql))
		return fail(db, mysql_errno(db->conn), mysql_error(db->conn));
	return DB_OK;
}

/*
 * Savepoint n (1-based) marks the start of the transaction nested at
 * depth n + 1.  Fixed text, like every other statement.
 */
static const char *const savepoint_sql[DB_TX_MAX_DEPTH] = {
	NULL, "SAVEPOINT tx1", "SAVEPOINT tx2", "SAVEPOINT tx3",
	"SAVEPOINT tx4", "SAVEPOINT tx5", "SAVEPOINT tx6", "SAVEPOINT tx7",
};
static const char *const release_sql[DB_TX_MAX_DEPTH] = {
	NULL, "RELEASE SAVEPOINT tx1", "RELEASE SAVEPOINT tx2",
	"RELEASE SAVEPOINT tx3", "RELEASE SAVEPOINT tx4",
	"RELEASE SAVEPOINT tx5", "RELEASE SAVEPOINT tx6",
	"RELEASE SAVEPOINT tx7",
};
static const char *const rollback_to_sql[DB_TX_MAX_DEPTH] = {
	NULL, "ROLLBACK TO SAVEPOINT tx1", "ROLLBACK TO SAVEPOINT tx2",
	"ROLLBACK TO SAVEPOINT tx3", "ROLLBACK TO SAVEPOINT tx4",
	"ROLLBACK TO SAVEPOINT tx5", "ROLLBACK TO SAVEPOINT tx6",
	"ROLLBACK TO SAVEPOINT tx7",
};

enum db_err
db_begin(struct db *db)
{
	enum db_err	 e;

	if (db->tx_depth >= DB_TX_MAX_DEPTH) {
		snprintf(db->error, sizeof(db->error),
		    "transactions nested more than %d deep", DB_TX_MAX_DEPTH);
		return DB_ERROR;
	}
	e = simple(db, db->tx_depth == 0 ? "START TRANSACTION" :
	    savepoint_sql[db->tx_depth]);
	if (e == DB_OK)
		db->tx_depth++;
	return e;
}

/* On failure the depth stays, so the caller's db_rollback() undoes it. */
enum db_err
db_commit(struct db *db)
{
	enum db_err	 e;

	e = simple(db, db->tx_depth > 1 ? release_sql[db->tx_depth - 1] :
	    "COMMIT");
	if (e == DB_OK && db->tx_depth > 0 && --db->tx_depth == 0)
		db->durable_writes++;
	return e;
}

void
db_rollback(struct db *db)
{
	if (db->tx_depth > 1) {
		db->tx_depth--;
		if (db->conn != NULL && !db->broken &&
		    simple(db, rollback_to_sql[db->tx_depth]) == DB_OK)
			(void)simple(db, release_sql[db->tx_depth]);
		return;
	}
	db->tx_depth = 0;
	if (db->conn != NULL && !db->broken)
		(void)simple(db, "ROLLBACK");
}

enum db_err
db_finish(struct db *db, enum db_err e)
{
	if (e == DB_OK)
		e = db_commit(db);
	if (e != DB_OK)
		db_rollback(db);
	return e;
}

long long
db_num(const char *cell)
{
	return cell != NULL ? strtoll(cell, NULL, 10) : 0;
}

size_t
db_rows_with(const struct db_rows *r, size_t col, long long v, size_t *first)
{
	size_t	 lo = 0, hi = r->nrows, n = 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (db_num(DB_CELL(r, mid, col)) < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo + n < r->nrows && db_num(DB_CELL(r, lo + n, col)) == v)
		n++;
	return n;
}

enum db_err
db_run_script(struct db *db, const char *sql, size_t len)
{
	MYSQL		*m = db->conn;
	enum db_err	 e = DB_OK;
	int		 status;

	if (m == NULL || db->broken)
		return DB_UNAVAILABLE;
	if (!(db->flags & DB_FLAG_MULTI))
		return DB_ERROR;
	if (mysql_real_query(m, sql, len))
		return fail(db, mysql_errno(m), mysql_error(m));
	do {
		MYSQL_RES *res = mysql_store_result(m);

		if (res != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(m) != 0)
			e = fail(db, mysql_errno(m), mysql_error(m));
		if ((status = mysql_next_result(m)) > 0)
			e = fail(db, mysql_errno(m), mysql_error(m));
	} while (status == 0);
	return e;
}
