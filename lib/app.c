#include "config.h"

#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <sodium.h>

#include "app.h"
#include "pages.h"

/* The path as logged: control characters become "?", so no log line is forged. */
static void
log_path(char *out, size_t len, const char *path)
{
	size_t	 i;

	snprintf(out, len, "%s", path != NULL ? path : "-");
	for (i = 0; out[i] != '\0'; i++)
		if ((unsigned char)out[i] < 0x20 || out[i] == 0x7f)
			out[i] = '?';
}

static void
log_error(const struct ctx *c, const char *what, const char *detail)
{
	char	 path[256];

	log_path(path, sizeof(path), c->req.path);
	fprintf(stderr, "tracker: %s %s: %s%s%s\n",
	    c->req.method == METHOD_OTHER ? "OTHER" : c->req.method_name ?
	    c->req.method_name : "-", path, what,
	    detail ? ": " : "", detail ? detail : "");
}

void
app_begin_page(struct ctx *c)
{
	buf_reset(&c->resp.body);
	html_init(&c->html, &c->resp.body);
}

void
app_begin_csv(struct ctx *c, const char *filename)
{
	const char	*disp;

	buf_reset(&c->resp.body);
	resp_header_set(&c->resp, "Content-Type", "text/csv; charset=utf-8");
	disp = arena_printf(&c->arena, "attachment; filename=\"%s\"", filename);
	if (disp != NULL)
		resp_header_set(&c->resp, "Content-Disposition", disp);
}

void
app_today(char out[11])
{
	time_t		 now = time(NULL);
	struct tm	 tm;

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		snprintf(out, 11, "1970-01-01");
}

const char *
app_actor(const struct ctx *c)
{
	return c->logged_in ? c->session.username : "anonymous";
}

void
app_error(struct ctx *c, int status, const char *detail)
{
	c->resp.status = status;
	resp_header_set(&c->resp, "Content-Type", "text/html; charset=utf-8");
	app_begin_page(c);
	page_error(&c->html, status, detail, c->logged_in ? &c->session : NULL);
}

void
app_db_log(const struct ctx *c, enum db_err e)
{
	log_error(c, db_strerror(e), c->db->error);
}

void
app_db_error(struct ctx *c, enum db_err e)
{
	app_db_log(c, e);
	app_error(c, e == DB_UNAVAILABLE ? 503 : e == DB_FULL ? 507 : 500, NULL);
	if (e == DB_UNAVAILABLE)
		resp_header(&c->resp, "Retry-After", "30");
}

static int
status_for(enum req_err e)
{
	switch (e) {
	case REQ_TOO_LARGE: return 413;
	case REQ_BAD_TYPE: return 415;
	case REQ_NOMEM: return 500;
	default: return 400;
	}
}

/* Match ":id" against the number at *p; advance p past it. */
static int
match_id(const char **p, long long *id)
{
	const char	*s = *p;
	long long	 n = 0;

	if (*s < '1' || *s > '9')
		return 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (n > (1LL << 53) / 10)
			return 0;
		n = n * 10 + (*s - '0');
	}
	*p = s;
	*id = n;
	return 1;
}

int
app_route_match(const char *pat, const char *path, long long *id)
{
	while (*pat != '\0') {
		if (strncmp(pat, ":id", 3) == 0) {
			if (!match_id(&path, id))
				return 0;
			pat += 3;
		} else if (*pat++ != *path++)
			return 0;
	}
	return *path == '\0';
}

static const struct route *
find_route(const struct app *app, const char *path, long long *id)
{
	size_t	 i;

	for (i = 0; i < app->nroutes; i++)
		if (app_route_match(app->routes[i].path, path, id))
			return &app->routes[i];
	return NULL;
}

static void
method_not_allowed(struct ctx *c, const struct route *r)
{
	app_error(c, 405, NULL);
	resp_header(&c->resp, "Allow", r->get && r->post ? "GET, HEAD, POST" :
	    r->get ? "GET, HEAD" : "POST");
}

/*
 * Trust REMOTE_USER when the configuration says the web server has
 * authenticated the user: open a session for an active account of that
 * name, so CSRF tokens work as with a password login.
 */
static enum db_err
session_from_remote_user(struct ctx *c)
{
	char		 token[AUTH_TOKEN_HEX];
	struct user	 u;
	enum db_err	 e;

	e = user_find(c->db, &c->arena, c->req.remote_user, &u);
	if (e != DB_OK || u.disabled)
		return e == DB_NOTFOUND || e == DB_OK ? DB_OK : e;
	if ((e = session_create(c->db, c->conf, &u, c->req.remote_addr, token,
	    &c->session)) != DB_OK)
		return e;
	c->logged_in = 1;
	resp_cookie(&c->resp, SESSION_COOKIE, token,
	    (long)c->conf->session_max_hours * 3600, c->req.https);
	return DB_OK;
}

static enum db_err
load_session(struct ctx *c)
{
	const char	*token = req_cookie(&c->req, SESSION_COOKIE);
	enum db_err	 e = DB_NOTFOUND;

	if (token != NULL)
		e = session_load(c->db, &c->arena, c->conf, token, &c->session);
	if (e == DB_OK)
		c->logged_in = 1;
	else if (e != DB_NOTFOUND)
		return e;
	if (!c->logged_in && c->conf->trust_remote_user &&
	    c->req.remote_user != NULL && *c->req.remote_user != '\0')
		return session_from_remote_user(c);
	return DB_OK;
}

/*
 * Logged-in forms carry the session's token.  The login form, shown
 * before there is a session, carries the token of its own cookie.
 */
static int
csrf_ok(const struct ctx *c, const struct route *r)
{
	const char	*given = req_form(&c->req, "csrf");

	if (c->logged_in && auth_token_equal(c->session.csrf, given))
		return 1;
	return (r->flags & ROUTE_PUBLIC) &&
	    auth_token_equal(req_cookie(&c->req, LOGIN_CSRF_COOKIE), given);
}

/* Back to the page after login; a POST cannot be replayed, so not then. */
static void
redirect_to_login(struct ctx *c)
{
	struct buf	 url;
	const char	*loc;

	if (c->req.method == METHOD_POST) {
		resp_redirect(&c->resp, "/login");
		return;
	}
	buf_init(&url);
	buf_puts(&url, "/login?next=");
	url_escape_query(&url, c->req.path);
	if (*c->req.query_string != '\0') {
		url_escape_query(&url, "?");
		url_escape_query(&url, c->req.query_string);
	}
	loc = url.failed ? NULL : arena_strdup(&c->arena, url.data);
	buf_free(&url);
	resp_redirect(&c->resp, loc ? loc : "/login");
}

/*
 * Route the request and run its handler.  Returns 1 when the response
 * should be thrown away and the request run again: a transaction was
 * rolled back by a deadlock or a Galera certification conflict and
 * nothing the handler did was made durable; or the connection died
 * before the handler ran (another node is tried).
 */
static int
dispatch(const struct app *app, struct ctx *c)
{
	const struct route	*r = find_route(app, c->req.path, &c->id);
	handler_fn		 fn;
	enum db_err		 e;
	unsigned long		 writes;

	if (r == NULL) {
		app_error(c, 404, NULL);
		return 0;
	}
	fn = c->req.method == METHOD_POST ? r->post :
	    c->req.method == METHOD_OTHER ? NULL : r->get;
	if (fn == NULL) {
		method_not_allowed(c, r);
		return 0;
	}
	c->db->retryable = 0;
	if ((e = db_ensure(c->db)) != DB_OK) {
		app_db_error(c, e);
		return 0;
	}
	if ((e = load_session(c)) != DB_OK) {
		app_db_error(c, e);
		return e == DB_UNAVAILABLE || c->db->retryable;
	}
	if (!(r->flags & ROUTE_PUBLIC) && !c->logged_in) {
		redirect_to_login(c);
		return 0;
	}
	if (!(r->flags & ROUTE_PUBLIC) && c->session.role < r->min_role) {
		app_error(c, 403, "Your role does not allow this page.");
		return 0;
	}
	if (c->req.method == METHOD_POST &&
	    !auth_origin_ok(c->req.origin, c->req.host, c->req.https)) {
		app_error(c, 403, "This form was sent from another site, so it "
		    "was refused.");
		return 0;
	}
	if (c->req.method == METHOD_POST && !csrf_ok(c, r)) {
		app_error(c, 403, "This form has expired or did not come from "
		    "this site. Go back, reload the page and try again; what "
		    "you typed is still in your browser's back history.");
		return 0;
	}
	writes = c->db->durable_writes;
	c->db->retryable = 0;
	fn(c);
	return c->db->retryable && c->db->tx_depth == 0 &&
	    c->db->durable_writes == writes;
}

/*
 * Forget what the last run of the request produced: response, session,
 * route id.  The parsed request and the arena (freed with the context)
 * stay, so the next run sees the same input.
 */
static void
reset_for_retry(struct ctx *c)
{
	resp_free(&c->resp);
	resp_init(&c->resp, &c->arena);
	c->resp.head_only = c->req.method == METHOD_HEAD;
	html_init(&c->html, &c->resp.body);
	memset(&c->session, 0, sizeof(c->session));
	c->logged_in = 0;
	c->id = 0;
}

/*
 * Before run n + 1, wait a little and a random amount, longer each time,
 * so two requests that conflicted do not meet again at once.
 */
static void
back_off(int n)
{
	struct timespec	 ts = { 0, 0 };

	ts.tv_nsec = (long)n * 20000000L + (long)randombytes_uniform(20000000);
	nanosleep(&ts, NULL);
}

/*
 * A handler's database work is all in transactions that were rolled
 * back when dispatch() asks for a retry, and its other effects (reading
 * the request, fetching an import URL) can be repeated; the response is
 * still in memory.  So the request runs again, a few times at most; then
 * it gets the 503 page (nothing was saved; try again shortly).
 */
static void
dispatch_with_retries(const struct app *app, struct ctx *c)
{
	char	 what[64];
	int	 run;

	for (run = 1; dispatch(app, c); run++) {
		if (run > APP_MAX_RETRIES) {
			/* Nothing was saved, and it may well work in a moment. */
			log_error(c, "giving up after running it again", c->db->error);
			app_error(c, 503, NULL);
			resp_header(&c->resp, "Retry-After", "5");
			return;
		}
		snprintf(what, sizeof(what), "running the request again (%d of %d)",
		    run, APP_MAX_RETRIES);
		log_error(c, what, c->db->error);
		reset_for_retry(c);
		back_off(run);
	}
}

void
app_handle(const struct app *app, struct ctx *c, struct db *db,
    const struct conf *conf, const struct req_source *src)
{
	enum req_err	 e;

	memset(c, 0, sizeof(*c));
	arena_init(&c->arena);
	resp_init(&c->resp, &c->arena);
	html_init(&c->html, &c->resp.body);
	c->db = db;
	c->conf = conf;
	e = req_parse(&c->req, &c->arena, src, conf->max_body_bytes);
	c->resp.head_only = c->req.method == METHOD_HEAD;
	if (e != REQ_OK) {
		log_error(c, "bad request", req_strerror(e));
		app_error(c, status_for(e), req_strerror(e));
		return;
	}
	dispatch_with_retries(app, c);
	if (c->html.error || c->resp.body.failed) {
		log_error(c, "page rendering failed", NULL);
		app_error(c, 500, NULL);
	}
}

void
app_ctx_free(struct ctx *c)
{
	resp_free(&c->resp);
	arena_free(&c->arena);
}

/* FastCGI glue: the only place that calls fcgi2. */

static const char *
fcgi_getenv(void *ctx, const char *name)
{
	return FCGX_GetParam(name, ((FCGX_Request *)ctx)->envp);
}

static ssize_t
fcgi_read(void *ctx, char *buf, size_t len)
{
	int	 n = len > 1 << 30 ? 1 << 30 : (int)len;

	return FCGX_GetStr(buf, n, ((FCGX_Request *)ctx)->in);
}

static int
fcgi_put(void *ctx, const char *p, size_t len)
{
	return FCGX_PutStr(p, (int)len, ((FCGX_Request *)ctx)->out) == (int)len ?
	    0 : -1;
}

static const char *
cgi_getenv(void *ctx, const char *name)
{
	(void)ctx;
	return getenv(name);
}

static ssize_t
cgi_read(void *ctx, char *buf, size_t len)
{
	(void)ctx;
	return read(STDIN_FILENO, buf, len);
}

static int
cgi_put(void *ctx, const char *p, size_t len)
{
	(void)ctx;
	return fwrite(p, 1, len, stdout) == len ? 0 : -1;
}

static int
serve_cgi(const struct app *app, struct db *db, const struct conf *conf)
{
	const struct req_source	 src = { cgi_getenv, cgi_read, NULL };
	struct ctx		 c;
	int			 rc;

	app_handle(app, &c, db, conf, &src);
	rc = resp_write(&c.resp, cgi_put, NULL);
	app_ctx_free(&c);
	return rc == 0 && fflush(stdout) == 0 ? 0 : 1;
}

static int
serve_fastcgi(const struct app *app, struct db *db, const struct conf *conf)
{
	FCGX_Request	 fr;
	struct ctx	 c;

	if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, 0, 0) != 0) {
		fprintf(stderr, "%s: cannot initialise FastCGI\n", app->name);
		return 1;
	}
	while (FCGX_Accept_r(&fr) >= 0) {
		const struct req_source src = { fcgi_getenv, fcgi_read, &fr };

		app_handle(app, &c, db, conf, &src);
		if (resp_write(&c.resp, fcgi_put, &fr) == -1)
			fprintf(stderr, "%s: client went away\n", app->name);
		app_ctx_free(&c);
		FCGX_Finish_r(&fr);
	}
	FCGX_Free(&fr, 1);
	return 0;
}

/* Serve with this process's own database connection; the exit status. */
static int
serve(const struct app *app, const struct conf *conf, int cgi)
{
	struct db	 db;
	int		 rc;

	/* A database that is down now is retried at each request (503). */
	if (db_open(&db, conf, 0) != DB_OK)
		fprintf(stderr, "%s: database: %s (will retry)\n", app->name,
		    db.error);
	rc = cgi ? serve_cgi(app, &db, conf) : serve_fastcgi(app, &db, conf);
	db_close(&db);
	return rc;
}

static volatile sig_atomic_t	 stopping;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

/* A worker: the default signals, its own connection, the accept loop. */
static pid_t
start_worker(const struct app *app, struct conf *conf)
{
	pid_t	 pid;

	if ((pid = fork()) != 0) {
		if (pid == -1)
			fprintf(stderr, "%s: fork: %s\n", app->name,
			    strerror(errno));
		return pid;
	}
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	_exit(serve(app, conf, 0));
}

/*
 * Started on a socket with fcgi_workers > 1: fork the workers, all
 * accepting on the inherited socket (fd 0), replace any that dies, and on
 * SIGTERM or SIGINT stop them all.  systemd's socket units give one
 * process per socket, so this is how one host serves several requests to
 * one program at once.  A worker that dies within a second of starting
 * is replaced a second later, so a program that cannot start does not
 * spin.
 */
static int
supervise(const struct app *app, struct conf *conf)
{
	pid_t			 pids[CONF_MAX_FCGI_WORKERS];
	time_t			 started[CONF_MAX_FCGI_WORKERS];
	struct sigaction	 sa;
	unsigned		 i, n = conf->fcgi_workers;
	pid_t			 pid;
	int			 status;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;	/* no SA_RESTART: wait() returns */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	for (i = 0; i < n; i++) {
		pids[i] = start_worker(app, conf);
		started[i] = time(NULL);
	}
	while (!stopping) {
		if ((pid = wait(&status)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < n && pids[i] != pid; i++)
			continue;
		if (i == n)
			continue;
		fprintf(stderr, "%s: worker %ld %s %d; starting another\n",
		    app->name, (long)pid, WIFSIGNALED(status) ?
		    "killed by signal" : "exited with status",
		    WIFSIGNALED(status) ? WTERMSIG(status) :
		    WEXITSTATUS(status));
		if (time(NULL) - started[i] < 1)
			sleep(1);
		pids[i] = stopping ? -1 : start_worker(app, conf);
		started[i] = time(NULL);
	}
	for (i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	while (wait(&status) != -1 || errno == EINTR)
		continue;
	return 0;
}

int
app_main(const struct app *app)
{
	struct conf	 conf;
	unsigned	 line;
	enum conf_err	 ce;
	int		 rc;

	/* Times are stored in UTC and shown in London time. */
	setenv("TZ", "Europe/London", 1);
	tzset();
	if (auth_init() == -1) {
		fprintf(stderr, "%s: libsodium failed to initialise\n", app->name);
		return 1;
	}
	conf_defaults(&conf);
	if ((ce = conf_load(&conf, conf_path(), &line)) != CONF_OK) {
		fprintf(stderr, "%s: %s:%u: %s\n", app->name, conf_path(), line,
		    conf_strerror(ce));
		conf_free(&conf);
		return 1;
	}
	if (FCGX_IsCGI())
		rc = serve(app, &conf, 1);
	else if (conf.fcgi_workers > 1)
		rc = supervise(app, &conf);
	else
		rc = serve(app, &conf, 0);
	conf_free(&conf);
	return rc;
}
