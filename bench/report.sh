#!/bin/sh
# Server time of the policy engagement report at a million engagements
# (issue 6: a one-year report in under 200 ms), and of the /engagements
# lists its numbers link to.  Starts its own MariaDB (2 GB buffer pool)
# and lighttpd (2 FastCGI workers) with the demo data, adds N engagements
# with bench/engagements-gen (five strategy years, 2020-21 to 2024-25),
# then times each URL R times.
#
# Server time is curl's time to the first byte less its time to send the
# request (time_starttransfer - time_pretransfer) over loopback: the time
# from the request reaching lighttpd to the answer starting back.  Prints
# the median and the slowest of the R runs, in milliseconds.
#
# The first report after the bulk load recomputes the day summaries of
# its two years (the load marks every day stale); that one-off time is
# printed apart.  So is a report after 20 engagements were edited across
# its year, which recomputes the days they touched.
#
#	bench/report.sh [N, default 1000000] [R, default 15]
set -eu
cd "$(dirname "$0")/.."
n=${1:-1000000}
runs=${2:-15}
for p in cgi-bin/reports.fcgi cgi-bin/engagements.fcgi cgi-bin/auth.fcgi \
    cgi-bin/home.fcgi admin/tracker-admin; do
	[ -x "$p" ] || make -s "$p"
done
top_srcdir=$(pwd) top_builddir=$(pwd)
. script/lib/services.sh
svc_tmpdir
trap svc_stop_all EXIT INT TERM
SVC_MARIADB_ARGS="--innodb-buffer-pool-size=2G --innodb-log-file-size=512M"
svc_mariadb_start "$SVC_DIR" 2>/dev/null
svc_migrate 2>/dev/null
svc_demo_data >/dev/null 2>&1
t0=$(date +%s)
bench/engagements-gen -n "$n" -c "$SVC_CONF"
echo "generated $n engagements in $(( $(date +%s) - t0 )) s"
port=$(svc_free_port)
svc_lighttpd_start "$SVC_DIR" "$port" 2 2>"$SVC_DIR/lighttpd.stderr"
url=$SVC_URL

jar=$SVC_DIR/cookies
curl -s -c "$jar" "$url/login" >/dev/null
tok=$(awk '$6 == "tracker_login" { print $7 }' "$jar")
curl -s -b "$jar" -c "$jar" -d "csrf=$tok&username=demo&password=demo" \
    "$url/login" >/dev/null
session=$(awk '$6 == "tracker_session" { print $7 }' "$jar")
[ -n "$session" ] || { echo "bench: could not log in" >&2; exit 1; }

# Server milliseconds of one GET; fails on anything but 200.
once() {
	curl -s -o /dev/null -m 600 -H "Cookie: tracker_session=$session" \
	    -w '%{http_code} %{time_pretransfer} %{time_starttransfer}\n' \
	    "$url$1" | awk -v u="$1" '
		$1 != 200 { print "bench: " $1 " for " u > "/dev/stderr"; exit 1 }
		{ printf "%.1f\n", ($3 - $2) * 1000 }'
}

# "median max" of R runs.
timed() {
	i=0
	: >"$SVC_DIR/times"
	while [ "$i" -lt "$runs" ]; do
		once "$1" >>"$SVC_DIR/times"
		i=$((i + 1))
	done
	sort -n "$SVC_DIR/times" | awk '{ v[NR] = $1 }
	    END { printf "%8.1f %8.1f", v[int((NR + 1) / 2)], v[NR] }'
}

year="from=2023-07-01&to=2024-06-30"
mysql_bench() {
	MYSQL_PWD=$(cat "$SVC_DIR/db-password") mariadb --no-defaults \
	    -S "$SVC_DB_SOCKET" -u tracker tracker "$@"
}
mysql_bench -N -e "SELECT CONCAT(COUNT(*), ' engagements, ', SUM(occurred_on
    BETWEEN '2023-07-01' AND '2024-06-30'), ' in 2023-24, ', SUM(occurred_on
    BETWEEN '2022-07-01' AND '2023-06-30'), ' in 2022-23; ', (SELECT COUNT(*)
    FROM engagement_people), ' people links') FROM engagements"

printf '%-66s %s ms\n' "first report after the load (summaries of 2 years)" \
    "$(once "/reports/engagement?$year")"
printf '%-66s %8s %8s\n' "URL (server time, $runs runs)" "median" "max"
for u in "/reports/engagement?$year" "/reports/engagement?$year&format=json" \
    "/reports/engagement?$year&format=csv" \
    "/reports/engagement?from=2024-06-01&to=2024-06-30" \
    "/engagements?$year" "/engagements?$year&type=meeting" \
    "/engagements?$year&party=Labour&as_at=then" \
    "/engagements?$year&dm=1&novelty=new" \
    "/engagements?$year&org_kind=fcdo_desk"; do
	printf '%-66s %s\n' "$u" "$(timed "$u")"
done

# Twenty edits spread over the year mark their days (and the first days
# of the people on them) stale; the next report recomputes those.
mysql_bench -e "UPDATE engagements SET type = 'correspondence'
    WHERE occurred_on BETWEEN '2023-07-01' AND '2024-06-30'
    AND id % 9973 = 0 LIMIT 20"
stale=$(mysql_bench -N -e "SELECT COUNT(DISTINCT day) FROM report_dirty_days
    WHERE day BETWEEN '2022-07-01' AND '2024-06-30'")
printf '%-66s %s ms\n' "report after 20 edits ($stale stale days)" \
    "$(once "/reports/engagement?$year")"
printf '%-66s %s\n' "/reports/engagement?$year (again)" "$(timed "/reports/engagement?$year")"
