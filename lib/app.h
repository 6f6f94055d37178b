/*
 * The request cycle every program shares.  A program is a table of
 * routes; app_main() runs the FastCGI accept loop (or one request when
 * started as plain CGI) and, per request: parses it, reconnects to the
 * database if needed, loads the session, enforces login, role, Origin and
 * CSRF, calls the handler, writes the response and frees the arena.
 * Handlers never see a request that failed any of those checks.
 */
#ifndef TRACKER_APP_H
#define TRACKER_APP_H

#include "arena.h"
#include "auth.h"
#include "buf.h"
#include "conf.h"
#include "db.h"
#include "html.h"
#include "request.h"
#include "response.h"

struct ctx {
	struct arena		 arena;
	struct request		 req;
	struct response		 resp;
	struct html		 html;		/* writes into resp.body */
	struct db		*db;
	const struct conf	*conf;
	struct session		 session;
	int			 logged_in;
	long long		 id;		/* the ":id" of the route, if any */
};

typedef void (*handler_fn)(struct ctx *);

#define ROUTE_PUBLIC	0x01	/* no login needed (the login page) */

struct route {
	const char	*path;		/* exact, or with one ":id" segment */
	handler_fn	 get;		/* GET and HEAD; NULL: not allowed */
	handler_fn	 post;		/* NULL: not allowed */
	unsigned	 flags;
	enum role	 min_role;	/* ROLE_VIEWER at least for private */
};

struct app {
	const char		*name;	/* for logs */
	const struct route	*routes;
	size_t			 nroutes;
};

/* Run the program; returns the process exit status. */
int	app_main(const struct app *);

/* How many times a request rolled back by a deadlock is run again. */
#define APP_MAX_RETRIES	3

/*
 * Handle one request from src with an open database and configuration;
 * the response is left in ctx->resp for the caller to write and free
 * with app_ctx_free().  Used by app_main() and by the tests.
 */
void	app_handle(const struct app *, struct ctx *, struct db *,
	    const struct conf *, const struct req_source *);
void	app_ctx_free(struct ctx *);

/* Replace the response with the error page for status. */
void	app_error(struct ctx *, int status, const char *detail);

/* Log a database failure that the handler answers in its own way. */
void	app_db_log(const struct ctx *, enum db_err);

/*
 * The error page for a database failure: 503 when unreachable, 507 when
 * its disk is full, else 500.
 */
void	app_db_error(struct ctx *, enum db_err);

/* Start a fresh page body (discarding anything rendered so far). */
void	app_begin_page(struct ctx *);

/* Start a CSV download named filename ("people.csv") in the body. */
void	app_begin_csv(struct ctx *, const char *filename);

/* Today's date in Europe/London as YYYY-MM-DD. */
void	app_today(char out[11]);

/* Who is acting, for the audit log: the logged-in user name. */
const char *app_actor(const struct ctx *);

/*
 * 1 if path matches the route pattern; a ":id" segment matches a positive
 * decimal number without leading zeros, stored in *id.
 */
int	app_route_match(const char *pattern, const char *path, long long *id);

#endif
