# Shell functions that start and stop the tracker's own MariaDB and
# lighttpd.  Sourced by script/server (data kept under $TRACKER_VAR) and by
# the tests (a throwaway directory).  Needs $top_srcdir and $top_builddir.
#
# Readiness is polled, never slept for: MariaDB by mariadb-admin ping,
# lighttpd by the line it logs once listening.

SVC_PIDS=""
SVC_OWN_DIR=""

svc_log() { printf '%s\n' "$*" >&2; }

svc_die() {
	svc_log "error: $*"
	exit 1
}

# A new private directory under /tmp (short: unix socket paths are <108).
svc_tmpdir() {
	SVC_DIR=$(mktemp -d "${TMPDIR:-/tmp}/trk.XXXXXX") || svc_die "mktemp"
	SVC_OWN_DIR=$SVC_DIR
}

# Poll "$@" every 0.05 s until it succeeds or $1 seconds pass.
svc_wait_for() {
	_limit=$1; shift
	_tries=$((_limit * 20))
	while [ "$_tries" -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		_tries=$((_tries - 1))
		sleep 0.05
	done
	return 1
}

# svc_ended PID: whether the process has ended: gone, or a zombie nobody
# reaps (spawn-fcgi's children outlive it, and a container's PID 1 may not
# reap orphans; kill -0 succeeds on a zombie, so waiting on it alone takes
# the whole timeout).
svc_ended() {
	! kill -0 "$1" 2>/dev/null ||
	    grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

svc_find() {
	for _p in "$@"; do
		command -v "$_p" 2>/dev/null && return 0
		for _d in /usr/sbin /sbin /usr/local/sbin; do
			[ -x "$_d/$_p" ] && { echo "$_d/$_p"; return 0; }
		done
	done
	return 1
}

svc_random() {
	od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

# svc_mariadb_start DIR: data in DIR/mariadb, socket DIR/mysqld.sock,
# database "tracker" and user "tracker"; writes $SVC_CONF (DIR/tracker.conf)
# with $SVC_CONF_EXTRA appended.  $SVC_MARIADB_ARGS adds server options
# (the benchmarks give it a bigger buffer pool).
svc_mariadb_start() {
	_dir=$1
	_data=$_dir/mariadb
	SVC_DB_SOCKET=$_dir/mysqld.sock
	_mariadbd=${MARIADBD:-$(svc_find mariadbd mysqld)} ||
	    svc_die "mariadbd not found: run script/bootstrap"
	_userflag=""
	[ "$(id -u)" = 0 ] && _userflag="--user=root"
	# A private tmpdir: mariadbd clears stale "#sql" files from its tmpdir
	# at start, which would break another server starting at the same time.
	mkdir -p "$_dir/tmp"
	if [ ! -d "$_data/mysql" ]; then
		mkdir -p "$_data"
		mariadb-install-db --no-defaults --datadir="$_data" $_userflag \
		    --tmpdir="$_dir/tmp" \
		    --auth-root-socket-user="$(id -un)" --skip-test-db \
		    >"$_dir/install-db.log" 2>&1 ||
		    { cat "$_dir/install-db.log" >&2; svc_die "mariadb-install-db failed"; }
	fi
	"$_mariadbd" --no-defaults --datadir="$_data" $_userflag \
	    --tmpdir="$_dir/tmp" \
	    --socket="$SVC_DB_SOCKET" --skip-networking \
	    --pid-file="$_dir/mysqld.pid" --log-error="$_dir/mysqld.log" \
	    --innodb-buffer-pool-size=32M --innodb-log-file-size=16M \
	    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
	    --skip-log-bin ${SVC_MARIADB_ARGS:-} &
	SVC_DB_PID=$!
	SVC_PIDS="$SVC_DB_PID $SVC_PIDS"
	svc_wait_for 60 mariadb-admin --no-defaults -S "$SVC_DB_SOCKET" -u root ping ||
	    { tail -20 "$_dir/mysqld.log" >&2; svc_die "MariaDB did not start"; }
	[ -f "$_dir/db-password" ] || svc_random >"$_dir/db-password"
	_pw=$(cat "$_dir/db-password")
	mariadb --no-defaults -S "$SVC_DB_SOCKET" -u root <<-SQL ||
		CREATE DATABASE IF NOT EXISTS tracker CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		CREATE USER IF NOT EXISTS 'tracker'@'localhost' IDENTIFIED BY '$_pw';
		GRANT ALL PRIVILEGES ON tracker.* TO 'tracker'@'localhost';
	SQL
	    svc_die "cannot create the tracker database"
	SVC_CONF=$_dir/tracker.conf
	cat >"$SVC_CONF" <<-CONF
		# Written by script/lib/services.sh for this private MariaDB.
		db_socket = $SVC_DB_SOCKET
		db_name = tracker
		db_user = tracker
		db_password = $_pw
	CONF
	[ -n "${SVC_CONF_EXTRA:-}" ] && printf '%s\n' "$SVC_CONF_EXTRA" >>"$SVC_CONF"
	chmod 600 "$SVC_CONF" "$_dir/db-password"
}

svc_admin() {
	"$top_builddir/admin/tracker-admin" -c "$SVC_CONF" "$@"
}

svc_demo_data() {
	svc_admin demo-data --file "$top_srcdir/sql/demo/demo-data.sql"
}

svc_migrate() {
	svc_admin migrate --sql-dir "$top_srcdir/sql" >/dev/null
}

# A TCP port nobody listens on now.
svc_free_port() {
	"${NODE:-node}" -e 'const s=require("net").createServer();
	    s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# lighttpd logs this line once it listens (the OpenBSD regress idiom:
# wait for a known log line, never a fixed sleep).
svc_lighttpd_ready() {
	grep -q "server started" "$1" 2>/dev/null
}

# svc_lighttpd_start DIR PORT [PROCS]: serves htdocs/ and the FastCGI
# programs from the build tree on 127.0.0.1:PORT ($SVC_FCGIDIR, when set,
# holds the programs instead: tests/http-valgrind.test's wrappers).
svc_lighttpd_start() {
	_dir=$1
	SVC_PORT=$2
	_lighttpd=${LIGHTTPD:-$(svc_find lighttpd)} ||
	    svc_die "lighttpd not found: run script/bootstrap"
	mkdir -p "$_dir/run"
	sed -e "s|@PORT@|$SVC_PORT|g" -e "s|@DOCROOT@|$top_srcdir/htdocs|g" \
	    -e "s|@RUNDIR@|$_dir/run|g" -e "s|@FCGIDIR@|${SVC_FCGIDIR:-$top_builddir/cgi-bin}|g" \
	    -e "s|@CONF@|$SVC_CONF|g" -e "s|@PROCS@|${3:-1}|g" \
	    -e "s|@DEMOFEEDS@|$top_srcdir/feeds/demo|g" \
	    "$top_srcdir/etc/lighttpd.conf.in" >"$_dir/lighttpd.conf"
	: >"$_dir/run/error.log"
	"$_lighttpd" -D -f "$_dir/lighttpd.conf" &
	SVC_WEB_PID=$!
	SVC_PIDS="$SVC_WEB_PID $SVC_PIDS"
	svc_wait_for 30 svc_lighttpd_ready "$_dir/run/error.log" ||
	    { cat "$_dir/run/error.log" >&2 2>/dev/null; svc_die "lighttpd did not start"; }
	[ -z "${TRACKER_SANITIZE_DIR:-}" ] ||
	    svc_wait_for 10 svc_sanitizer_env_reaches "$SVC_WEB_PID" ||
	    svc_die "lighttpd's FastCGI programs do not have the sanitizers' settings"
	SVC_URL=http://127.0.0.1:$SVC_PORT
}

# In a sanitizer run (tests/harness/sanitize.sh sets $TRACKER_SANITIZE_DIR):
# every FastCGI program the server process $1 started has the settings
# that send its reports where the harness collects them.
svc_sanitizer_env_reaches() {
	_n=0
	for _c in $(pgrep -P "$1"); do
		case $(readlink "/proc/$_c/exe") in *.fcgi) ;; *) continue ;; esac
		tr '\0' '\n' <"/proc/$_c/environ" |
		    grep -q "^ASAN_OPTIONS=log_path=$TRACKER_SANITIZE_DIR/" ||
		    return 1
		_n=$((_n + 1))
	done
	[ "$_n" -gt 0 ]
}

# Run the feed ingester now and then every $2 seconds, in the background,
# logging to $1; stopped by svc_stop_all.
svc_feeds_every() {
	(
		trap 'kill $_sleep 2>/dev/null; exit 0' TERM INT
		while :; do
			"$top_builddir/feeds/tracker-feeds" -c "$SVC_CONF" run \
			    >>"$1" 2>&1 </dev/null
			sleep "$2" &
			_sleep=$!
			wait "$_sleep"
		done
	) &
	SVC_PIDS="$! $SVC_PIDS"
}

# Stop what we started, newest first, and remove a throwaway directory.
svc_stop_all() {
	for _pid in $SVC_PIDS; do
		kill "$_pid" 2>/dev/null || continue
		svc_wait_for 30 svc_ended "$_pid" || kill -9 "$_pid" 2>/dev/null
		wait "$_pid" 2>/dev/null || true
	done
	SVC_PIDS=""
	[ -n "$SVC_OWN_DIR" ] && rm -rf "$SVC_OWN_DIR"
	SVC_OWN_DIR=""
}
