/*
 * A request whose transaction a deadlock rolled back runs again (lib/app.c),
 * as one that a Galera certification conflict rolled back would: the same
 * error, 1213.  The deadlocks here are real ones, between the request's
 * connection and a second connection in a thread, on the throwaway
 * MariaDB; nothing is mocked.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <check.h>
#include <mysql.h>

#include "app.h"
#include "testhelp.h"
#include "users.h"

static struct db	 db;
static struct conf	 conf;
static char		 token[AUTH_TOKEN_HEX];
static struct session	 sess;
static int		 runs;		/* how many times a handler ran */
static int		 deadlock_runs;	/* runs that provoke a deadlock */

/*
 * The test's own statements.  They borrow the APPG module's slot of
 * prepared handles, which nothing else in this program uses.
 */
enum {
	RT_BUMP,		/* n = n + ? for one row */
	RT_BUMP_REST,		/* n = n + ? for every row but 1 */
	RT_WAITING,		/* is connection ? running RT_BUMP? */
	RT_LOG,			/* a row written by autocommit */
	RT__MAX
};
static const char *const rt_sql[RT__MAX] = {
	[RT_BUMP] = "UPDATE retry_rows SET n = n + ? WHERE id = ?",
	[RT_BUMP_REST] = "UPDATE retry_rows SET n = n + ? WHERE id > 1",
	[RT_WAITING] = "SELECT COUNT(*) FROM information_schema.processlist "
	    "WHERE id = ? AND info = 'UPDATE retry_rows SET n = n + ? "
	    "WHERE id = ?'",
	[RT_LOG] = "INSERT INTO retry_log (note) VALUES ('committed')",
};
static const struct db_stmts rt_stmts = { DB_SLOT_APPG, rt_sql, RT__MAX };

/* The other side of the deadlock: its own connection, in a thread. */
struct rival {
	struct db	 db;
	struct conf	 conf;
	pthread_t	 thread;
	pthread_mutex_t	 lock;
	pthread_cond_t	 cond;
	int		 holding;	/* rows 2.. are locked */
	int		 running;	/* a thread to join */
	enum db_err	 result;
};
static struct rival	 rival;

/*
 * Lock rows 2..10 (more rows than the request holds, so InnoDB picks the
 * request as the deadlock's victim), then wait for row 1, which the
 * request holds; commit once the request's rollback frees it.
 */
static void *
rival_run(void *arg)
{
	struct rival	*r = arg;
	enum db_err	 e;

	if ((e = db_begin(&r->db)) == DB_OK)
		e = db_exec_in(&r->db, &rt_stmts, RT_BUMP_REST,
		    DB_ARGS(DB_INT(100)), NULL, NULL);
	pthread_mutex_lock(&r->lock);
	r->holding = 1;
	pthread_cond_signal(&r->cond);
	pthread_mutex_unlock(&r->lock);
	if (e == DB_OK)
		e = db_exec_in(&r->db, &rt_stmts, RT_BUMP,
		    DB_ARGS(DB_INT(100), DB_INT(1)), NULL, NULL);
	r->result = db_finish(&r->db, e);
	return NULL;
}

/* Wait for the last rival, which must have committed. */
static void
rival_join(void)
{
	if (!rival.running)
		return;
	rival.running = 0;
	ck_assert_int_eq(pthread_join(rival.thread, NULL), 0);
	ck_assert_msg(rival.result == DB_OK, "rival: %s", rival.db.error);
}

static void
nap(void)
{
	const struct timespec	 ts = { 0, 10 * 1000 * 1000 };

	nanosleep(&ts, NULL);
}

/*
 * Start the rival and wait until it waits for row 1: its statement shows
 * in the process list only while it runs, and it cannot finish while the
 * request holds row 1.
 */
static void
rival_start(struct db *mine)
{
	struct arena	 a;
	struct db_rows	 rows;
	int		 tries = 500, waiting = 0;

	rival_join();
	rival.holding = 0;
	rival.running = 1;
	ck_assert_int_eq(pthread_create(&rival.thread, NULL, rival_run,
	    &rival), 0);
	pthread_mutex_lock(&rival.lock);
	while (!rival.holding)
		pthread_cond_wait(&rival.cond, &rival.lock);
	pthread_mutex_unlock(&rival.lock);
	arena_init(&a);
	while (!waiting && tries-- > 0) {
		ck_assert_int_eq(db_query_in(mine, &rt_stmts, RT_WAITING,
		    DB_ARGS(DB_INT(mysql_thread_id(rival.db.conn))), &a, &rows),
		    DB_OK);
		waiting = rows.nrows == 1 && db_num(DB_CELL(&rows, 0, 0)) > 0;
		if (!waiting)
			nap();
	}
	arena_free(&a);
	ck_assert_msg(waiting, "the rival never waited for row 1");
}

/*
 * The save under test: one transaction adding 1 to rows 1 and 2.  On the
 * first deadlock_runs runs, the rival locks row 2 and waits for row 1
 * in between, so the update of row 2 closes a deadlock.
 */
static void
deadlocking_save(struct ctx *c)
{
	enum db_err	 e;

	runs++;
	if ((e = db_begin(c->db)) == DB_OK)
		e = db_exec_in(c->db, &rt_stmts, RT_BUMP,
		    DB_ARGS(DB_INT(1), DB_INT(1)), NULL, NULL);
	if (e == DB_OK && runs <= deadlock_runs)
		rival_start(c->db);
	if (e == DB_OK)
		e = db_exec_in(c->db, &rt_stmts, RT_BUMP,
		    DB_ARGS(DB_INT(1), DB_INT(2)), NULL, NULL);
	if ((e = db_finish(c->db, e)) != DB_OK) {
		app_db_error(c, e);
		return;
	}
	app_begin_page(c);
	html_elem(&c->html, EL_P, "saved");
}

/* A durable write first: running the request again would repeat it. */
static void
write_then_deadlock(struct ctx *c)
{
	ck_assert_int_eq(db_exec_in(c->db, &rt_stmts, RT_LOG, NULL, 0, NULL,
	    NULL), DB_OK);
	deadlocking_save(c);
}

static const struct route routes[] = {
	{ "/save", NULL, deadlocking_save, 0, ROLE_EDITOR },
	{ "/write-first", NULL, write_then_deadlock, 0, ROLE_EDITOR },
};
static const struct app app = { "retry-test", routes, 2 };

/* POST path with the session and its CSRF token; the status. */
static int
post(const char *path)
{
	char			 uri[64], cookie[128], body[128], len[64];
	const char *const	 vars[] = { "REQUEST_METHOD=POST", uri, cookie,
	    "CONTENT_TYPE=application/x-www-form-urlencoded", "HTTP_HOST=t",
	    "HTTP_ORIGIN=http://t", len, NULL };
	struct th_env		 env = { vars, body, 0, 0 };
	struct req_source	 src;
	struct ctx		 c;
	int			 status;

	snprintf(uri, sizeof(uri), "REQUEST_URI=%s", path);
	snprintf(cookie, sizeof(cookie), "HTTP_COOKIE=%s=%s", SESSION_COOKIE,
	    token);
	snprintf(body, sizeof(body), "csrf=%s", sess.csrf);
	env.body_len = strlen(body);
	snprintf(len, sizeof(len), "CONTENT_LENGTH=%zu", env.body_len);
	src = th_source(&env);
	app_handle(&app, &c, &db, &conf, &src);
	status = c.resp.status;
	app_ctx_free(&c);
	return status;
}


static void
setup(void)
{
	struct arena	 a;
	struct user	 u;

	th_db_open(&db, &conf);
	th_reset(&db);
	th_sql(&db, "CREATE OR REPLACE TABLE retry_rows (id INT PRIMARY KEY, "
	    "n INT NOT NULL) ENGINE=InnoDB");
	th_sql(&db, "INSERT INTO retry_rows SELECT seq, 0 FROM seq_1_to_10");
	th_sql(&db, "CREATE OR REPLACE TABLE retry_log (id INT AUTO_INCREMENT "
	    "PRIMARY KEY, note VARCHAR(20) NOT NULL) ENGINE=InnoDB");
	ck_assert_int_eq(user_add(&db, "tester", "maya", "Maya Cohen",
	    ROLE_EDITOR, "right password"), DB_OK);
	arena_init(&a);
	ck_assert_int_eq(user_find(&db, &a, "maya", &u), DB_OK);
	ck_assert_int_eq(session_create(&db, &conf, &u, "", token, &sess), DB_OK);
	arena_free(&a);
	th_db_open(&rival.db, &rival.conf);
	pthread_mutex_init(&rival.lock, NULL);
	pthread_cond_init(&rival.cond, NULL);
	runs = 0;
	rival.running = 0;
}

static void
teardown(void)
{
	th_sql(&db, "DROP TABLE IF EXISTS retry_rows, retry_log");
	th_db_close(&rival.db, &rival.conf);
	th_db_close(&db, &conf);
}

/* Deadlocked once: run again, saved once, the rival's change kept too. */
START_TEST(test_deadlock_runs_again)
{
	deadlock_runs = 1;
	ck_assert_int_eq(post("/save"), 200);
	rival_join();
	ck_assert_int_eq(runs, 2);
	ck_assert_int_eq(th_num(&db, "SELECT n FROM retry_rows WHERE id = 1"),
	    101);
	ck_assert_int_eq(th_num(&db, "SELECT n FROM retry_rows WHERE id = 2"),
	    101);
	ck_assert_int_eq(th_num(&db, "SELECT n FROM retry_rows WHERE id = 3"),
	    100);
}
END_TEST

/* Deadlocked every time: run 1 + APP_MAX_RETRIES times, then a 503. */
START_TEST(test_gives_up)
{
	deadlock_runs = 100;
	ck_assert_int_eq(post("/save"), 503);
	ck_assert_int_eq(runs, 1 + APP_MAX_RETRIES);
	rival_join();
	ck_assert_int_eq(th_num(&db, "SELECT n FROM retry_rows WHERE id = 1"),
	    100 * (1 + APP_MAX_RETRIES));
	ck_assert_int_eq(th_num(&db, "SELECT n FROM retry_rows WHERE id = 2"),
	    100 * (1 + APP_MAX_RETRIES));
}
END_TEST

/* Something durable before the deadlock: no second run, an error page. */
START_TEST(test_durable_write_not_repeated)
{
	deadlock_runs = 1;
	ck_assert_int_eq(post("/write-first"), 500);
	rival_join();
	ck_assert_int_eq(runs, 1);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM retry_log"), 1);
	ck_assert_int_eq(th_num(&db, "SELECT n FROM retry_rows WHERE id = 1"),
	    100);
}
END_TEST

/* No deadlock: one run. */
START_TEST(test_no_deadlock_one_run)
{
	deadlock_runs = 0;
	ck_assert_int_eq(post("/save"), 200);
	ck_assert_int_eq(runs, 1);
	ck_assert_int_eq(th_num(&db, "SELECT n FROM retry_rows WHERE id = 1"),
	    1);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("retry");
	TCase	*tc = tcase_create("retry");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_deadlock_runs_again);
	tcase_add_test(tc, test_gives_up);
	tcase_add_test(tc, test_durable_write_not_repeated);
	tcase_add_test(tc, test_no_deadlock_one_run);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
