#!/bin/sh
# The board dashboard with a million engagements (issue 6): generates the
# data (bench/dashboard-data.sql: 1,000,000 engagements over eleven
# strategy years, with their people, organisations and policy areas, then
# kpi_rebuild()), then prints the server time of the dashboard for
# 2024-25 -- time to first byte over loopback through lighttpd and
# FastCGI, after a warm-up -- as the median and worst of its requests,
# beside one page of the engagement list a dashboard number links to.
#
#	bench/dashboard.sh [engagements, default 1000000] [requests, default 30]
#
# Starts its own MariaDB (1 GiB buffer pool) and lighttpd in a throwaway
# directory and removes them at the end.  Generating a million takes a
# few minutes on a 2-core machine.
set -eu
cd "$(dirname "$0")/.."
n=${1:-1000000}
tries=${2:-30}
make -s admin/tracker-admin cgi-bin/auth.fcgi cgi-bin/home.fcgi \
    cgi-bin/reports.fcgi cgi-bin/engagements.fcgi
top_srcdir=$(pwd) top_builddir=$(pwd)
. script/lib/services.sh
svc_tmpdir
trap svc_stop_all EXIT INT TERM
SVC_MARIADB_ARGS="--innodb-buffer-pool-size=1G --innodb-log-file-size=256M"
svc_mariadb_start "$SVC_DIR" 2>/dev/null
svc_migrate 2>/dev/null
printf '%s\n' bench-password-1 | svc_admin user add bench --role admin \
    --name "Bench User" >/dev/null

sql() {
	mariadb --no-defaults -S "$SVC_DB_SOCKET" -u root -N tracker "$@"
}

echo "bench: generating $n engagements and counting their KPIs..."
start=$(date +%s)
{ echo "SET @engagements = $n;"; cat bench/dashboard-data.sql; } | sql
echo "bench: generated in $(( $(date +%s) - start )) s:" \
    "$(sql -e 'SELECT CONCAT(COUNT(*), " engagements, ") FROM engagements')$(sql -e \
    'SELECT CONCAT(COUNT(*), " people links, ") FROM engagement_people')$(sql -e \
    'SELECT CONCAT(COUNT(*), " KPI hits, ") FROM kpi_hits')$(sql -e \
    "SELECT CONCAT(COUNT(*), ' of them in 2024-25') FROM kpi_hits WHERE occurred_on BETWEEN '2024-07-01' AND '2025-06-30'")"

port=$(svc_free_port)
svc_lighttpd_start "$SVC_DIR" "$port" 1 2>"$SVC_DIR/lighttpd.stderr"
url=$SVC_URL
jar=$SVC_DIR/cookies
curl -s -c "$jar" "$url/login" >/dev/null
tok=$(awk '$6 == "tracker_login" { print $7 }' "$jar")
curl -s -b "$jar" -c "$jar" -H "Origin: $url" \
    -d "csrf=$tok&username=bench&password=bench-password-1" "$url/login" >/dev/null
grep -q tracker_session "$jar" || { echo "bench: could not log in" >&2; exit 1; }

# Server time of a page: time to first byte, in milliseconds, $tries
# times after two warm-up requests; prints "median worst".
server_ms() {
	for i in 1 2; do
		code=$(curl -s -o /dev/null -b "$jar" -w '%{http_code}' "$url$1")
		[ "$code" = 200 ] || { echo "bench: $1 answered $code" >&2; exit 1; }
	done
	i=0
	while [ "$i" -lt "$tries" ]; do
		curl -s -o /dev/null -b "$jar" -w '%{time_starttransfer}\n' "$url$1"
		i=$((i + 1))
	done | sort -n | awk '{ t[NR] = $1 * 1000 }
	    END { printf "%.1f %.1f", t[int((NR + 1) / 2)], t[NR] }'
}

dash="/reports/dashboard?year=2024-25"
link=$(curl -s -b "$jar" "$url$dash" |
    grep -o 'href="/engagements?kpi=[0-9]*&amp;from=2024-07-01&amp;to=2025-06-30"' |
    head -1 | sed 's/^href="//; s/"$//; s/&amp;/\&/g')
printf '%-60s %10s %10s\n' "page ($tries requests each)" "median ms" "worst ms"
for u in "$dash" "$dash&month=2024-12" "/reports/dashboard?year=2025-26" "$link"; do
	set -- $(server_ms "$u")
	printf '%-60s %10s %10s\n' "$u" "$1" "$2"
done
