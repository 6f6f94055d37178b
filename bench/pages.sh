#!/bin/sh
# Requests per second of our pages, as ratios to floors measured in the
# same run behind the same lighttpd (DESIGN.md, Performance floors): a
# static file, a FastCGI responder printing a fixed page, and one running
# one indexed SELECT.  Uses wrk (Debian package wrk), 16 connections,
# 2 workers per FastCGI program, the demo data, a logged-in session.
#
#	bench/pages.sh [seconds per URL, default 5]
set -eu
cd "$(dirname "$0")/.."
secs=${1:-5}
command -v wrk >/dev/null || { echo "bench: install wrk (apt-get install wrk)" >&2; exit 1; }
[ -x bench/floor.fcgi ] || make -s bench/floor.fcgi
top_srcdir=$(pwd) top_builddir=$(pwd)
. script/lib/services.sh
svc_tmpdir
trap svc_stop_all EXIT INT TERM
svc_mariadb_start "$SVC_DIR" 2>/dev/null
svc_migrate 2>/dev/null
svc_demo_data >/dev/null 2>&1
port=$(svc_free_port)
svc_lighttpd_start "$SVC_DIR" "$port" 2 2>"$SVC_DIR/lighttpd.stderr"
# The floors join the head of the config's chain of URL conditions.
floor_block() {
	cat <<CONF
\$HTTP["url"] =~ "^/floor/" {
	fastcgi.server = ( "/" => ((
		"socket" => "$SVC_DIR/run/floor.sock",
		"bin-path" => "$top_builddir/bench/floor.fcgi",
		"bin-environment" => ( "TRACKER_CONF" => "$SVC_CONF" ),
		"max-procs" => 2,
		"check-local" => "disable",
	)) )
}
CONF
}
floor_block >"$SVC_DIR/floor.conf"
awk -v floor="$SVC_DIR/floor.conf" '
	/^\$HTTP\["url"\] =~ "\^\/static\/"/ {
		while ((getline line < floor) > 0) print line
		printf "else "
	}
	{ print }' "$SVC_DIR/lighttpd.conf" >"$SVC_DIR/lighttpd.conf.new"
mv "$SVC_DIR/lighttpd.conf.new" "$SVC_DIR/lighttpd.conf"
kill "$SVC_WEB_PID"; wait "$SVC_WEB_PID" 2>/dev/null || true
SVC_PIDS=$SVC_DB_PID
: >"$SVC_DIR/run/error.log"
"${LIGHTTPD:-$(svc_find lighttpd)}" -D -f "$SVC_DIR/lighttpd.conf" \
    2>>"$SVC_DIR/lighttpd.stderr" &
SVC_WEB_PID=$!
SVC_PIDS="$SVC_WEB_PID $SVC_PIDS"
svc_wait_for 30 svc_lighttpd_ready "$SVC_DIR/run/error.log" ||
    svc_die "lighttpd did not restart"
url=$SVC_URL

# A session for the pages behind login.
jar=$SVC_DIR/cookies
curl -s -c "$jar" "$url/login" >/dev/null
tok=$(awk '$6 == "tracker_login" { print $7 }' "$jar")
curl -s -b "$jar" -c "$jar" -d "csrf=$tok&username=demo&password=demo" \
    "$url/login" >/dev/null
session=$(awk '$6 == "tracker_session" { print $7 }' "$jar")
[ -n "$session" ] || { echo "bench: could not log in" >&2; exit 1; }

rate() {
	[ -n "${BENCH_DEBUG:-}" ] && curl -s -o /dev/null -w "%{http_code} $1\n" -H "Cookie: tracker_session=$session" "$url$1" >&2
	wrk -t2 -c16 -d"${secs}s" -H "Cookie: tracker_session=$session" "$url$1" |
	    awk '/Requests\/sec/ { printf "%d", $2 } /Non-2xx/ { bad = 1 }
		END { if (bad) printf " (non-2xx answers!)" }'
}

printf '%-34s %10s %8s %8s\n' "URL" "req/s" "÷static" "÷select"
static=$(rate /static/tracker.css)
fixed=$(rate /floor/fixed)
select=$(rate /floor/select)
for u in /static/tracker.css /floor/fixed /floor/select /login / \
    /engagements "/engagements?q=asylum&type=meeting" /engagements/5 \
    /people /people/3 /follow-ups /engagements.csv /appg /appg/1 \
    /appg/meetings/3 /appg/meetings/1/minutes "/appg/meetings/1/minutes?format=txt"; do
	case $u in
	/static/tracker.css) r=$static ;;
	/floor/fixed) r=$fixed ;;
	/floor/select) r=$select ;;
	*) r=$(rate "$u") ;;
	esac
	n=${r%% *}
	printf '%-34s %10s %8.3f %8.3f\n' "$u" "$r" \
	    "$(echo "$n / $static" | bc -l)" "$(echo "$n / $select" | bc -l)"
done
