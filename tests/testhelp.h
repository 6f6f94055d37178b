/*
 * Shared by the Check suites: run a suite with TAP output, and for the
 * database suites, open the throwaway MariaDB that tests/harness/unit-env.sh
 * started (its tracker.conf is in $TRACKER_CONF).
 */
#ifndef TRACKER_TESTHELP_H
#define TRACKER_TESTHELP_H

#include <check.h>

#include "conf.h"
#include "db.h"
#include "request.h"

struct arena;

/* Run the suite; exit status for main(). */
int	 th_run(Suite *);

/* Load $TRACKER_CONF and connect (DB_FLAG_MULTI); fails the test if not. */
void	 th_db_open(struct db *, struct conf *);
void	 th_db_close(struct db *, struct conf *);

/* Run fixed test SQL (setup, ageing rows); fails the test on error. */
void	 th_sql(struct db *, const char *sql);

/*
 * Assert that a fixed test SQL condition holds (a false or empty one
 * inserts NULL into a NOT NULL column), for tables no domain function
 * reads yet.
 */
void	 th_sql_true(struct db *, const char *condition);

/*
 * The first cell of fixed test SQL ("" for no row, "NULL" for SQL NULL),
 * valid until the next call; as a number.  For tables the library has no
 * statement for.
 */
const char	*th_cell(struct db *, const char *sql);
long long	 th_num(struct db *, const char *sql);

/* Empty the core tables: each test starts from nothing. */
void	 th_reset(struct db *);

/* Write text to dir/name, failing the test if it cannot. */
void	 th_write_file(const char *dir, const char *name, const char *text);

/* A request source over a NULL-terminated list of "NAME=value" strings. */
struct th_env {
	const char *const	*vars;
	const char		*body;
	size_t			 body_len;
	size_t			 body_off;
};
extern const struct req_source th_source_proto;
struct req_source th_source(struct th_env *);

/* Parameters as a browser posts them ("a=1&b=x+y"), in the arena. */
struct params	 th_params(struct arena *, const char *urlencoded);

#endif
