/*
 * Database access.  All SQL lives in one table of statements (db.c),
 * addressed by enum db_stmt, prepared once per connection on first use
 * and executed with typed binds.  No SQL text is ever built at run time.
 *
 * A lost connection marks the handle broken and returns DB_UNAVAILABLE
 * (the caller shows 503); db_ensure() at the start of the next request
 * reconnects, so a restarted MariaDB needs no restart of the programs.
 *
 * db_host may list several servers (the nodes of a Galera cluster): a
 * (re)connection tries them in order and keeps the first that answers
 * and is synced with its cluster.  A node that drops out of the cluster
 * answers error 1047, which counts as a lost connection, so the next
 * request goes to another node.  A transaction that a deadlock or a
 * certification conflict rolled back sets db->retryable; app_handle()
 * then runs the whole request again (see lib/app.c).
 */
#ifndef TRACKER_DB_H
#define TRACKER_DB_H

#include <stddef.h>

struct arena;
struct conf;
struct conf_db_host;

enum db_err {
	DB_OK = 0,
	DB_NOMEM,
	DB_UNAVAILABLE,		/* cannot reach the server: 503 */
	DB_DUPLICATE,		/* a unique key already holds the value */
	DB_NOTFOUND,		/* the row asked for is not there */
	DB_CONFLICT,		/* the row changed since it was read: 409 */
	DB_FULL,		/* the server's disk is full: 507, nothing saved */
	DB_ERROR,		/* anything else; see db->error */
	DB__MAX
};

enum db_stmt {
	STMT_USER_BY_NAME,
	STMT_USER_INSERT,
	STMT_USER_SET_PASSWORD,
	STMT_USER_SET_DISABLED,
	STMT_USER_LIST,
	STMT_SESSION_INSERT,
	STMT_SESSION_LOOKUP,
	STMT_SESSION_TOUCH,
	STMT_SESSION_DELETE,
	STMT_SESSION_DELETE_USER,
	STMT_SESSION_PURGE,
	STMT_LOGIN_FAILURES_USER,
	STMT_LOGIN_FAILURES_ADDR,
	STMT_LOGIN_FAILURE_ADD,
	STMT_LOGIN_FAILURE_CLEAR,
	STMT_LOGIN_FAILURE_PURGE,
	STMT_AUDIT_INSERT,
	STMT_AUDIT_FOR,
	STMT_MIGRATION_LIST,
	STMT_MIGRATION_RECORD,
	STMT_USER_BY_ID,
	STMT_USER_SET_ROLE_NAME,
	STMT__MAX
};

enum db_type { DB_T_NULL, DB_T_INT, DB_T_STR };

/* A bound parameter; build them with the macros below. */
struct db_val {
	enum db_type	 type;
	long long	 i;
	const char	*s;
};

static inline struct db_val
db_val_str(const char *s)
{
	struct db_val	 v = { s != NULL ? DB_T_STR : DB_T_NULL, 0, s };

	return v;
}

#define DB_INT(x)	((struct db_val){ DB_T_INT, (long long)(x), NULL })
#define DB_STR(x)	db_val_str(x)	/* NULL binds SQL NULL */
#define DB_NULL		((struct db_val){ DB_T_NULL, 0, NULL })

/* Rows as strings (NULL for SQL NULL), all in the caller's arena. */
struct db_rows {
	size_t	 nrows;
	size_t	 ncols;
	char	**cells;	/* row-major: cells[row * ncols + col] */
};

#define DB_CELL(r, row, col)	((r)->cells[(row) * (r)->ncols + (col)])

#define DB_FLAG_MULTI	0x01	/* allow multi-statement text (migrations) */

/*
 * Each domain module keeps its statements in a table of its own, beside
 * an enum of their ids, so the SQL sits with the code that uses it:
 *
 *	enum { PEOPLE_LIST, PEOPLE_GET, PEOPLE__MAX };
 *	static const char *const people_sql[PEOPLE__MAX] = { ... };
 *	const struct db_stmts people_stmts = { DB_SLOT_PEOPLE, people_sql,
 *	    PEOPLE__MAX };
 *
 * The slot says where the connection keeps the prepared handles.
 */
enum db_slot {
	DB_SLOT_CORE = 0,
	DB_SLOT_DIRECTORY,
	DB_SLOT_ENGAGEMENTS,
	DB_SLOT_AUDIT,
	DB_SLOT_PEOPLE_IMPORT,
	DB_SLOT_IMPORT,
	DB_SLOT_FEEDS,
	DB_SLOT_MENTIONS,
	DB_SLOT_STRATEGY,
	DB_SLOT_KPI,
	DB_SLOT_REPORT,
	DB_SLOT_APPG,
	DB_SLOT_DBADMIN,
	DB_SLOT_PRIVACY_ERASE,	/* issue 11: erasure */
	DB_SLOT_RETENTION,	/* issue 11: retention */
	DB_SLOT_PRIVACY_SAR,	/* lib/privacy_sar.c (issue 11) */
	DB_SLOT_PEOPLE_SEARCH,	/* lib/people_search.c */
	DB_SLOT__MAX
};

struct db_stmts {
	enum db_slot		 slot;
	const char *const	*sql;
	size_t			 n;
};

struct db {
	void		*conn;			/* MYSQL * */
	void		**prepared[DB_SLOT__MAX];	/* MYSQL_STMT *[n] */
	const struct conf *conf;
	const struct conf_db_host *host; /* db_host server in use; NULL: socket */
	unsigned	 flags;
	int		 broken;
	unsigned	 tx_depth;	/* open db_begin()s: 0 outside */
	unsigned long	 durable_writes; /* commits and autocommitted changes */
	int		 retryable;	/* saw a deadlock or lock wait timeout */
	unsigned	 last_errno;
	char		 error[512];
};

/* Connect with conf's settings; the conf must outlive the handle. */
enum db_err	 db_open(struct db *, const struct conf *, unsigned flags);

/* Reconnect when the last call found the server gone, or it hung up since. */
enum db_err	 db_ensure(struct db *);

void		 db_close(struct db *);

/* Run a statement that returns no rows. */
enum db_err	 db_exec(struct db *, enum db_stmt, const struct db_val *,
		    size_t nargs, unsigned long long *affected,
		    unsigned long long *insert_id);

/* Run a statement and fetch all its rows into the arena. */
enum db_err	 db_query(struct db *, enum db_stmt, const struct db_val *,
		    size_t nargs, struct arena *, struct db_rows *);

/* The same for statement id of a module's table. */
enum db_err	 db_exec_in(struct db *, const struct db_stmts *, unsigned id,
		    const struct db_val *, size_t nargs,
		    unsigned long long *affected, unsigned long long *insert_id);
enum db_err	 db_query_in(struct db *, const struct db_stmts *, unsigned id,
		    const struct db_val *, size_t nargs, struct arena *,
		    struct db_rows *);

#define DB_ARGS(...)	(const struct db_val[]){ __VA_ARGS__ }, \
	sizeof((const struct db_val[]){ __VA_ARGS__ }) / sizeof(struct db_val)

/*
 * Transactions: one per save, with its audit row.  A db_begin() inside
 * an open transaction nests as a savepoint, so one save can call another
 * (an APPG meeting saves its engagement through engagement_save()) and
 * still be one transaction: the inner commit releases the savepoint, the
 * inner rollback undoes only the inner part, and nothing is durable
 * until the outermost commit.  Nesting is at most DB_TX_MAX_DEPTH deep.
 */
#define DB_TX_MAX_DEPTH	8
enum db_err	 db_begin(struct db *);
enum db_err	 db_commit(struct db *);
void		 db_rollback(struct db *);

/* End a transaction: commit when e is DB_OK, else roll back; the outcome. */
enum db_err	 db_finish(struct db *, enum db_err e);

/* A cell as a number (0 for NULL or junk). */
long long	 db_num(const char *cell);
/*
 * The rows of r whose column col holds the number v, when r is sorted by
 * that column ascending (ORDER BY it first): *first is the first such
 * row (or r->nrows); returns how many.  A binary search, so attaching
 * n child rows to m parents costs m log n, not m times n.
 */
size_t		 db_rows_with(const struct db_rows *r, size_t col, long long v,
		    size_t *first);

/*
 * Run trusted, fixed SQL text (a migration file, never input) on a
 * DB_FLAG_MULTI connection, consuming every result.
 */
enum db_err	 db_run_script(struct db *, const char *sql, size_t len);

const char	*db_strerror(enum db_err);

/* The SQL text of a statement (for tests and error messages). */
const char	*db_stmt_sql(enum db_stmt);

#endif
