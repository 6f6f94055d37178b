# Shared by the fault tests (tests/fault-*.test): TAP helpers, a private
# MariaDB and lighttpd (script/lib/services.sh), SQL as root, and the
# figures printed as TAP comments.  Everything started is stopped, and the
# directory removed, however the test ends.  Needs (exported by make
# check) top_srcdir top_builddir NODE MARIADBD LIGHTTPD.
set -u
NODE=${NODE:-node}
n=0 failed=0
started=$(date +%s)
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; failed=1; }
comment() { printf '# %s\n' "$*"; }
check() {
	_what=$1; shift
	if "$@"; then ok "$_what"; else not_ok "$_what"; fi
}
bail() {
	echo "Bail out! $*"
	for _f in "${SVC_DIR:-/nonexistent}/mysqld.log" \
	    "${SVC_DIR:-/nonexistent}/web.stderr"; do
		[ -s "$_f" ] && tail -n 30 "$_f" | sed 's/^/# /'
	done
	exit 1
}

. "$top_srcdir/script/lib/services.sh"
svc_tmpdir
# FAULT_CLEANUP: functions run once everything is stopped, before the
# directory is removed (an unmount).
fault_cleanup() {
	_own=$SVC_OWN_DIR
	SVC_OWN_DIR=""
	svc_stop_all
	for _h in ${FAULT_CLEANUP:-}; do "$_h"; done
	[ -n "$_own" ] && rm -rf "$_own"
}
trap 'fault_cleanup' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The first cell of each row of SQL run as root in the tracker database.
sql() {
	mariadb --no-defaults -S "$SVC_DB_SOCKET" -u root -N -B tracker -e "$1"
}

# fault_start_db: MariaDB, migrated, with the demo data.
fault_start_db() {
	svc_mariadb_start "$SVC_DIR" 2>>"$SVC_DIR/start.log" ||
	    bail "MariaDB did not start"
	svc_migrate 2>>"$SVC_DIR/start.log" || bail "migrations failed"
	svc_demo_data >/dev/null 2>>"$SVC_DIR/start.log" || bail "the demo data did not load"
}

# fault_start_web PROCS: lighttpd spawning PROCS of each program; $BASE.
fault_start_web() {
	_port=$(svc_free_port) && [ -n "$_port" ] || bail "no free port"
	# (svc_die exits the subshell-less caller: a failure is a bail.)
	svc_lighttpd_start "$SVC_DIR" "$_port" "$1" 2>>"$SVC_DIR/web.stderr"
	BASE=$SVC_URL
	. "$top_srcdir/script/lib/web.sh"
	web_wait_http "$BASE/login" 30 || bail "lighttpd did not answer"
}

# The process ids of one program (lighttpd's children running it).
fault_pids() {
	pgrep -P "$SVC_WEB_PID" -f "/$1\.fcgi" | sort | tr '\n' ' '
}

# One save through the form: its JSON line (tests/faults/save.mjs).
fault_save() {
	"$NODE" "$top_srcdir/tests/faults/save.mjs" "$BASE" "$@"
}

# The field NAME of the JSON object in the file (or - for stdin).
json() {
	"$NODE" -e 'const fs = require("fs");
	    const r = JSON.parse(fs.readFileSync(process.argv[1] === "-" ? 0 :
	        process.argv[1], "utf8"));
	    const v = r[process.argv[2]];
	    console.log(Array.isArray(v) ? v.join("\n") : v);' "$1" "$2"
}

fault_done() {
	comment "$(basename "$0") took $(( $(date +%s) - started )) s"
	echo "1..$n"
	exit "$failed"
}
