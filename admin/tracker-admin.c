/*
 * tracker-admin: migrations, accounts and demo data from the command
 * line.  See tracker-admin(8).
 */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "admin.h"
#include "app.h"
#include "arena.h"
#include "auth.h"
#include "cli.h"
#include "conf.h"
#include "db.h"
#include "directory.h"
#include "import.h"
#include "import_parse.h"
#include "kpi.h"
#include "migrate.h"
#include "privacy_retention.h"
#include "report.h"
#include "users.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/tracker"
#endif
#define SQL_DIR		PKGDATADIR "/sql"
#define DEMO_FILE	PKGDATADIR "/demo/demo-data.sql"

static const char *progname = "tracker-admin";

static void
usage_to(FILE *out)
{
	fprintf(out,
	    "usage: %s [-c tracker.conf] command [arguments]\n"
	    "       %s --help | --version\n"
	    "commands:\n"
	    "  migrate [--sql-dir DIR]      apply pending schema migrations\n"
	    "  user add NAME [--role viewer|editor|admin] [--name \"Full Name\"]\n"
	    "  user passwd NAME             set a new password\n"
	    "  user list                    list accounts\n"
	    "  user disable NAME            disable an account, ending its sessions\n"
	    "  user enable NAME             enable an account again\n"
	    "  demo-data [--file FILE]      load the demo data (demo/demo)\n"
	    "  import parliament FILE|URL   import MPs and Peers (Members' Names Data Platform)\n"
	    "  import moderngov COUNCIL FILE|URL\n"
	    "                               import a council's councillors (ModernGov)\n"
	    "  kpi-rebuild                  count every KPI again (after a bulk load)\n"
	    "  retention --dry-run          list the people the retention rules make due\n"
	    "  retention [--yes]            erase them (asks first on a terminal)\n"
	    "  report-refresh               recompute the report's stale day summaries\n"
	    "  purge                        remove expired sessions\n"
	    "  check-config [--sql-dir DIR] check the configuration and database\n"
	    "  backup [-o FILE]             dump the database (standard output by default)\n"
	    "  restore [--force] [--sql-dir DIR] FILE\n"
	    "                               load a dump into an empty database\n"
	    "defaults:\n"
	    "  configuration  %s\n"
	    "  DIR            %s\n"
	    "  demo FILE      %s\n",
	    progname, progname, conf_path(), SQL_DIR, DEMO_FILE);
}

static void
usage(void)
{
	usage_to(stderr);
}

/* Who is acting, for the audit log. */
static const char *
actor(void)
{
	static char	 name[100];
	struct passwd	*pw = getpwuid(getuid());

	snprintf(name, sizeof(name), "tracker-admin:%s",
	    pw != NULL ? pw->pw_name : "?");
	return name;
}

static int
db_fail(const struct db *db, enum db_err e, const char *what)
{
	fprintf(stderr, "%s: %s: %s%s%s\n", progname, what, db_strerror(e),
	    db->error[0] ? " — " : "", db->error);
	return 1;
}

static void
show_progress(void *ctx, const char *file, size_t i, size_t total)
{
	(void)ctx;
	fprintf(stderr, "[%zu/%zu] applying %s\n", i, total, file);
}

static int
cmd_migrate(struct db *db, int argc, char **argv)
{
	const char		*dir = SQL_DIR;
	char			 msg[512];
	size_t			 applied;
	enum migrate_err	 e;

	if (argc == 2 && strcmp(argv[0], "--sql-dir") == 0)
		dir = argv[1];
	else if (argc != 0) {
		usage();
		return 2;
	}
	e = migrate_run(db, dir, show_progress, NULL, &applied, msg, sizeof(msg));
	if (e != MIGRATE_OK) {
		fprintf(stderr, "%s: migrate: %s: %s\n", progname,
		    migrate_strerror(e), msg);
		return 1;
	}
	printf("migrate: %zu applied, schema up to date\n", applied);
	return 0;
}

static void
forget_password(char *pw)
{
	explicit_bzero(pw, strlen(pw));
	free(pw);
}

/* Read a password: twice without echo on a terminal, else one line. */
static char *
read_password(void)
{
	struct termios	 old, quiet;
	char		*first = NULL, *second = NULL;
	size_t		 cap1 = 0, cap2 = 0;
	ssize_t		 n;
	int		 tty = isatty(STDIN_FILENO);

	if (tty && tcgetattr(STDIN_FILENO, &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
		fprintf(stderr, "Password: ");
	}
	n = getline(&first, &cap1, stdin);
	if (tty) {
		fprintf(stderr, "\nRepeat password: ");
		if (getline(&second, &cap2, stdin) == -1 ||
		    strcmp(first ? first : "", second) != 0)
			n = -2;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
		free(second);
	}
	if (n < 0) {
		fprintf(stderr, "%s: %s\n", progname, n == -2 ?
		    "the passwords differ" : "no password given");
		free(first);
		return NULL;
	}
	first[strcspn(first, "\r\n")] = '\0';
	return first;
}

/*
 * Read a password that meets the policy into *pw (release it with
 * forget_password); returns 0, or the exit status for the failure.
 */
static int
read_acceptable_password(char **pw)
{
	const char	*problem;

	if ((*pw = read_password()) == NULL)
		return 1;
	if ((problem = user_password_problem(*pw)) != NULL) {
		fprintf(stderr, "%s: %s\n", progname, problem);
		forget_password(*pw);
		return 2;
	}
	return 0;
}

static int
user_add_cmd(struct db *db, int argc, char **argv)
{
	const char	*name = argv[0], *display = argv[0], *problem;
	enum role	 role = ROLE_EDITOR;
	char		*pw;
	enum db_err	 e;
	int		 i, rc;

	for (i = 1; i + 1 < argc; i += 2)
		if (strcmp(argv[i], "--role") == 0 &&
		    (role = role_parse(argv[i + 1])) != ROLE_NONE)
			continue;
		else if (strcmp(argv[i], "--name") == 0)
			display = argv[i + 1];
		else
			break;
	if (i != argc) {
		usage();
		return 2;
	}
	if ((problem = user_name_problem(name)) != NULL) {
		fprintf(stderr, "%s: %s\n", progname, problem);
		return 2;
	}
	if ((rc = read_acceptable_password(&pw)) != 0)
		return rc;
	e = user_add(db, actor(), name, display, role, pw);
	forget_password(pw);
	if (e != DB_OK)
		return db_fail(db, e, e == DB_DUPLICATE ?
		    "user add: that user name is taken" : "user add");
	printf("user %s added with role %s\n", name, role_name(role));
	return 0;
}

static int
user_passwd_cmd(struct db *db, const char *name)
{
	char		*pw;
	enum db_err	 e;
	int		 rc;

	if ((rc = read_acceptable_password(&pw)) != 0)
		return rc;
	e = user_set_password(db, actor(), name, pw);
	forget_password(pw);
	if (e != DB_OK)
		return db_fail(db, e, e == DB_NOTFOUND ? "no such user" : "passwd");
	printf("password changed for %s; their sessions have ended\n", name);
	return 0;
}

static int
user_list_cmd(struct db *db)
{
	struct arena	 a;
	struct user	*u;
	size_t		 n, i;
	enum db_err	 e;

	arena_init(&a);
	if ((e = user_list(db, &a, &u, &n)) != DB_OK) {
		arena_free(&a);
		return db_fail(db, e, "user list");
	}
	printf("%-20s %-8s %-9s %s\n", "USERNAME", "ROLE", "STATUS", "NAME");
	for (i = 0; i < n; i++)
		printf("%-20s %-8s %-9s %s\n", u[i].username,
		    role_name(u[i].role), u[i].disabled ? "disabled" : "active",
		    u[i].display_name);
	arena_free(&a);
	return 0;
}

static int
user_enable_cmd(struct db *db, const char *name, int disabled)
{
	enum db_err	 e = user_set_disabled(db, actor(), name, disabled);

	if (e != DB_OK)
		return db_fail(db, e, e == DB_NOTFOUND ? "no such user" : "user");
	printf("user %s %s\n", name, disabled ? "disabled" : "enabled");
	return 0;
}

static int
cmd_user(struct db *db, int argc, char **argv)
{
	if (argc == 1 && strcmp(argv[0], "list") == 0)
		return user_list_cmd(db);
	if (argc >= 2 && strcmp(argv[0], "add") == 0)
		return user_add_cmd(db, argc - 1, argv + 1);
	if (argc == 2 && strcmp(argv[0], "passwd") == 0)
		return user_passwd_cmd(db, argv[1]);
	if (argc == 2 && strcmp(argv[0], "disable") == 0)
		return user_enable_cmd(db, argv[1], 1);
	if (argc == 2 && strcmp(argv[0], "enable") == 0)
		return user_enable_cmd(db, argv[1], 0);
	usage();
	return 2;
}

/*
 * The demo data: the demo accounts, then sql/demo/demo-data.sql (people,
 * organisations, policy areas, engagements, follow-ups).  The password
 * "demo" is below the policy for real accounts; these exist only on demo
 * installs.  Loaded once: a second run finds the demo user and stops.
 */
static const struct {
	const char	*username;
	const char	*name;
	enum role	 role;
} demo_users[] = {
	{ "demo", "Demo User", ROLE_ADMIN },
	{ "miriam", "Miriam Levy", ROLE_EDITOR },
	{ "tom", "Tom Okafor", ROLE_VIEWER },
};

static int
load_sql_file(struct db *db, const char *path)
{
	FILE	*f = fopen(path, "rb");
	char	*text = NULL;
	size_t	 cap = 0;
	ssize_t	 n;
	int	 rc = 1;

	if (f == NULL) {
		fprintf(stderr, "%s: %s: %s\n", progname, path, strerror(errno));
		return 1;
	}
	/* Read the whole file: getdelim with NUL reads to the end. */
	if ((n = getdelim(&text, &cap, '\0', f)) > 0) {
		enum db_err e = db_run_script(db, text, (size_t)n);

		rc = e == DB_OK ? 0 : db_fail(db, e, path);
	}
	free(text);
	fclose(f);
	return rc;
}

static int
cmd_demo_data(struct db *db, int argc, char **argv)
{
	const char	*file = DEMO_FILE;
	enum db_err	 e;
	size_t		 i;

	if (argc == 2 && strcmp(argv[0], "--file") == 0)
		file = argv[1];
	else if (argc != 0) {
		usage();
		return 2;
	}
	for (i = 0; i < sizeof(demo_users) / sizeof(demo_users[0]); i++) {
		e = user_add(db, actor(), demo_users[i].username,
		    demo_users[i].name, demo_users[i].role, "demo");
		if (e == DB_DUPLICATE && i == 0) {
			printf("demo-data: already loaded\n");
			return 0;
		}
		if (e != DB_OK)
			return db_fail(db, e, "demo-data");
	}
	fprintf(stderr, "demo-data: loading %s\n", file);
	if (load_sql_file(db, file) != 0)
		return 1;
	printf("demo-data: loaded (log in as demo / demo)\n");
	return 0;
}

/*
 * A council by id or exact name: 0 and its id, or the exit status after
 * saying what is wrong (no such council, or several of that name).
 */
static int
find_council(struct db *db, const char *which, long long *id)
{
	struct arena		 a;
	struct organisation	*o;
	struct org_filter	 f;
	size_t			 n, total, i, found = 0;
	char			*end;
	enum db_err		 e;
	long long		 v;

	v = strtoll(which, &end, 10);
	if (*which != '\0' && *end == '\0') {
		*id = v;	/* import_moderngov checks it is a council */
		return 0;
	}
	arena_init(&a);
	memset(&f, 0, sizeof(f));
	f.q = which;
	f.kind = "council";
	if ((e = org_list(db, &a, &f, &o, &n, &total)) != DB_OK) {
		arena_free(&a);
		return db_fail(db, e, "import");
	}
	for (i = 0; i < n; i++)
		if (strcmp(o[i].name, which) == 0) {
			*id = o[i].id;
			found++;
		}
	arena_free(&a);
	if (found == 1)
		return 0;
	fprintf(stderr, found == 0 ? "%s: import: there is no council named "
	    "\"%s\"\n" : "%s: import: several councils are named \"%s\"; "
	    "give its id\n", progname, which);
	return 1;
}

/* import parliament FILE|URL, import moderngov COUNCIL FILE|URL */
static int
cmd_import(struct db *db, int argc, char **argv)
{
	struct import_result	 r;
	const char		*source;
	long long		 council = 0;
	char			 msg[512], *data;
	size_t			 len;
	enum import_err		 e;
	int			 rc;

	if (argc == 2 && strcmp(argv[0], "parliament") == 0)
		source = argv[1];
	else if (argc == 3 && strcmp(argv[0], "moderngov") == 0) {
		if ((rc = find_council(db, argv[1], &council)) != 0)
			return rc;
		source = argv[2];
	} else {
		usage();
		return 2;
	}
	e = import_load(source, IMPORT_MAX_BYTES, &data, &len, msg, sizeof(msg));
	if (e == IMPORT_OK) {
		if (council == 0)
			e = import_parliament(db, actor(), data, len, source,
			    &r, msg, sizeof(msg));
		else
			e = import_moderngov(db, actor(), council, data, len,
			    source, &r, msg, sizeof(msg));
		free(data);
	}
	if (e != IMPORT_OK) {
		fprintf(stderr, "%s: import: %s: %s; nothing was changed\n",
		    progname, import_strerror(e), msg);
		return 1;
	}
	printf("import: %ld added, %ld updated, %ld retired, %ld unchanged\n",
	    r.added, r.updated, r.retired, r.unchanged);
	return 0;
}

/* Count every KPI from scratch, as after a bulk load (see 007's notes). */
static int
cmd_kpi_rebuild(struct db *db)
{
	long long	 hits;
	enum db_err	 e;

	if ((e = kpi_rebuild_all(db, &hits)) != DB_OK)
		return db_fail(db, e, "kpi-rebuild");
	printf("kpi-rebuild: %lld KPI hits\n", hits);
	return 0;
}

/* "36 months" in a static buffer, for one printf argument. */
static const char *
rule_text(int months)
{
	static char	 text[24];

	snprintf(text, sizeof(text), "%d months", months);
	return text;
}

/* The people due, one a line, for the admin who runs retention. */
static void
print_due(const struct retention_due *d, size_t n)
{
	size_t	 i;

	if (n > 0)
		printf("%-8s %-20s %-12s %-10s %s\n", "ID", "CATEGORY",
		    "LAST CONTACT", "RULE", "NAME");
	for (i = 0; i < n; i++)
		printf("%-8lld %-20s %-12s %-10s %s\n", d[i].person_id,
		    d[i].category, d[i].last_contact,
		    rule_text(d[i].months), d[i].full_name);
}

/* Progress on a terminal: "[3/40] erasing". */
static void
retention_progress(void *ctx, size_t i, size_t total)
{
	(void)ctx;
	fprintf(stderr, "\r[%zu/%zu] erasing", i, total);
	if (i == total)
		fputc('\n', stderr);
}

/* Whether the admin at the terminal typed "yes" to erasing n people. */
static int
confirmed_on_tty(size_t n)
{
	char	 line[16];

	if (!isatty(STDIN_FILENO)) {
		fprintf(stderr, "%s: retention: %zu %s due; run with --yes to "
		    "erase them (or --dry-run to list them)\n", progname, n,
		    n == 1 ? "person is" : "people are");
		return 0;
	}
	fprintf(stderr, "Erase %zu %s for good? Type yes to go on: ", n,
	    n == 1 ? "person" : "people");
	if (fgets(line, sizeof(line), stdin) == NULL)
		return 0;
	return strcmp(line, "yes\n") == 0 || strcmp(line, "yes") == 0;
}

/* retention [--dry-run | --yes] */
static int
cmd_retention(struct db *db, int argc, char **argv)
{
	struct arena		 a;
	struct retention_due	*due;
	char			 today[11];
	size_t			 n, erased;
	int			 dry = 0, yes = 0, rc = 0;
	enum db_err		 e;

	if (argc == 1 && strcmp(argv[0], "--dry-run") == 0)
		dry = 1;
	else if (argc == 1 && strcmp(argv[0], "--yes") == 0)
		yes = 1;
	else if (argc != 0) {
		usage();
		return 2;
	}
	/* Days are UK days, as on the web pages (app_main() does the same). */
	setenv("TZ", "Europe/London", 1);
	tzset();
	app_today(today);
	arena_init(&a);
	if ((e = retention_due_list(db, &a, today, &due, &n)) != DB_OK) {
		rc = db_fail(db, e, "retention");
		goto done;
	}
	print_due(due, n);
	if (dry) {
		printf("retention: %zu %s due (dry run: nothing erased)\n", n,
		    n == 1 ? "person" : "people");
		goto done;
	}
	if (n > 0 && !yes && !confirmed_on_tty(n)) {
		rc = 2;
		goto done;
	}
	e = retention_run(db, actor(), today, isatty(STDERR_FILENO) ?
	    retention_progress : NULL, NULL, &erased);
	if (e != DB_OK)
		rc = db_fail(db, e, "retention");
	else
		printf("retention: %zu %s erased\n", erased,
		    erased == 1 ? "person" : "people");
done:
	arena_free(&a);
	return rc;
}

/*
 * Recompute every stale day summary of the policy engagement report now,
 * as after a bulk load, so the first report does not do it (see 008).
 */
static int
cmd_report_refresh(struct db *db)
{
	static const struct report_period	 all = { "1000-01-01", "9999-12-31" };
	enum db_err				 e;

	if ((e = report_refresh(db, &all)) != DB_OK)
		return db_fail(db, e, "report-refresh");
	printf("report-refresh: day summaries up to date\n");
	return 0;
}

/* backup [-o FILE] */
static int
cmd_backup(struct db *db, const struct conf *conf, int argc, char **argv)
{
	if (argc == 0)
		return admin_backup(progname, db, conf, NULL);
	if (argc == 2 && strcmp(argv[0], "-o") == 0)
		return admin_backup(progname, db, conf, argv[1]);
	usage();
	return 2;
}

/* restore [--force] [--sql-dir DIR] FILE */
static int
cmd_restore(struct db *db, const struct conf *conf, int argc, char **argv)
{
	const char	*dir = SQL_DIR;
	int		 force = 0, i;

	for (i = 0; i < argc - 1; i++)
		if (strcmp(argv[i], "--force") == 0)
			force = 1;
		else if (strcmp(argv[i], "--sql-dir") == 0 && i + 2 < argc)
			dir = argv[++i];
		else
			break;
	if (i != argc - 1) {
		usage();
		return 2;
	}
	return admin_restore(progname, db, conf, argv[i], force, dir);
}

/* check-config [--sql-dir DIR]: before connecting, to report why not. */
static int
cmd_check_config(const char *path, int argc, char **argv)
{
	if (argc == 0)
		return admin_check_config(progname, path, SQL_DIR);
	if (argc == 2 && strcmp(argv[0], "--sql-dir") == 0)
		return admin_check_config(progname, path, argv[1]);
	usage();
	return 2;
}

static int
run(struct db *db, const struct conf *conf, int argc, char **argv)
{
	enum db_err	 e;

	if (strcmp(argv[0], "migrate") == 0)
		return cmd_migrate(db, argc - 1, argv + 1);
	if (strcmp(argv[0], "user") == 0)
		return cmd_user(db, argc - 1, argv + 1);
	if (strcmp(argv[0], "demo-data") == 0)
		return cmd_demo_data(db, argc - 1, argv + 1);
	if (strcmp(argv[0], "import") == 0)
		return cmd_import(db, argc - 1, argv + 1);
	if (strcmp(argv[0], "kpi-rebuild") == 0 && argc == 1)
		return cmd_kpi_rebuild(db);
	if (strcmp(argv[0], "retention") == 0)
		return cmd_retention(db, argc - 1, argv + 1);
	if (strcmp(argv[0], "report-refresh") == 0 && argc == 1)
		return cmd_report_refresh(db);
	if (strcmp(argv[0], "purge") == 0 && argc == 1) {
		if ((e = session_purge(db, conf)) != DB_OK)
			return db_fail(db, e, "purge");
		return 0;
	}
	if (strcmp(argv[0], "backup") == 0)
		return cmd_backup(db, conf, argc - 1, argv + 1);
	if (strcmp(argv[0], "restore") == 0)
		return cmd_restore(db, conf, argc - 1, argv + 1);
	usage();
	return 2;
}

int
main(int argc, char **argv)
{
	const char	*path = NULL;
	struct conf	 conf;
	struct db	 db;
	int		 ch, rc;

	if ((rc = cli_help_version(progname, argc, argv, usage_to)) != -1)
		return rc;
	while ((ch = getopt(argc, argv, "+c:h")) != -1)
		switch (ch) {
		case 'c':
			path = optarg;
			break;
		default:
			usage_to(ch == 'h' ? stdout : stderr);
			return ch == 'h' ? 0 : 2;
		}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage();
		return 2;
	}
	if (strcmp(argv[0], "check-config") == 0)
		return cmd_check_config(path, argc - 1, argv + 1);
	if ((rc = cli_open(progname, path, DB_FLAG_MULTI, &conf, &db)) != 0)
		return rc;
	rc = run(&db, &conf, argc, argv);
	cli_close(&conf, &db);
	return rc;
}
