#!/bin/sh
# make bench: our pages, a save and the feed ingester as ratios to floors
# measured in the same run on the same machine (DESIGN.md, Performance
# floors; issue 10).  Starts its own MariaDB and nginx, the FastCGI
# programs under spawn-fcgi (BENCH_WORKERS processes each, default 4,
# the same for the floors), a generated dataset, then:
#
#   floors:  bench/floor.fcgi printing a fixed page (/floor/fixed), the
#            same running one indexed SELECT (/floor/select, the read
#            floor) and committing one INSERT (/floor/insert, the write
#            floor);
#   pages:   login, engagement list, engagement detail, board dashboard,
#            one-year policy engagement report, mentions inbox (logged in),
#            and the people type-ahead's search (in the table, not in P);
#   save:    POST /engagements/new with session and CSRF (bench/save.lua),
#            each linking an MP and a civil servant (100 pairs in turn),
#            so it counts KPI hits and marks report days as a real one;
#   ingest:  bench/feeds.sh (xmllint --stream floor, tracker-feeds parse
#            with 1,000 watch terms, node rss-parser peer).
#
# Each URL gets wrk with 16 connections for BENCH_SECONDS (quick 5, full
# 15) after one warming request.  Prints a table (requests/s, p99 latency,
# ratio to the matching floor), the peak RSS of every FastCGI program,
# then one line:
#   bench: pages P% of SELECT floor, save S% of INSERT floor, ingest I% of xmllint, Rx rss-parser
# P is the lowest ratio among the read pages.
#
# Dataset: 100,000 people, 1,000,000 engagements (BENCH_QUICK=1:
# 100,000), 100,000 feed items with 10,000 mentions, then what an
# operator runs after a bulk load (tracker-admin kpi-rebuild and
# report-refresh), so the pages are measured in their steady state.
# Progress on stderr.
#
#	BENCH_QUICK=1 make bench      # under 10 minutes on 2 cores
#	make bench                    # full: BENCHMARKS.md's table
#	BENCH_DIR=/var/tmp/b BENCH_QUICK=1 make bench
#	                              # keeps the dataset in /var/tmp/b and
#	                              # reuses it on the next run
#	BENCH_HOLD=1 ...              # the stack stays up for profiling
set -eu
cd "$(dirname "$0")/.."
top_srcdir=$(pwd) top_builddir=$(pwd)
quick=${BENCH_QUICK:-}
secs=${BENCH_SECONDS:-$([ -n "$quick" ] && echo 5 || echo 15)}
neng=${BENCH_ENGAGEMENTS:-$([ -n "$quick" ] && echo 100000 || echo 1000000)}
npeople=100000
nitems=100000
workers=${BENCH_WORKERS:-4}
started=$(date +%s)

say() { printf 'bench: %s (%d s)\n' "$*" "$(( $(date +%s) - started ))" >&2; }

for c in wrk nginx spawn-fcgi node xmllint bc curl; do
	command -v "$c" >/dev/null 2>&1 || [ -x "/usr/sbin/$c" ] || {
		echo "bench: missing $c (script/bootstrap installs it)" >&2
		exit 1
	}
done
. script/lib/services.sh
. script/lib/web.sh
say "building"
make -s all bench/floor.fcgi >/dev/null

# The dataset, then what an operator does after a bulk load: the loader
# skipped the KPI triggers and the report's stale-day marks, so count the
# KPIs once (tracker-admin kpi-rebuild; engagements-gen calls the same
# kpi_rebuild()) and recompute the report's day summaries now
# (tracker-admin report-refresh) rather than in the first report.  The
# pages are then measured in their steady state.
generate_dataset() {
	svc_demo_data >/dev/null
	say "generating $npeople people and $neng engagements"
	bench/engagements-gen -n "$neng" -p "$npeople" -c "$SVC_CONF"
	say "generating $nitems feed items"
	svc_sql <<SQL
INSERT INTO feeds (title, url, created_at, updated_at)
SELECT CONCAT('Bench feed ', seq), CONCAT('http://bench.invalid/', seq, '.xml'),
    UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_10;
SET @f0 = (SELECT MIN(id) FROM feeds WHERE url = 'http://bench.invalid/1.xml');
SET @t0 = (SELECT MIN(id) FROM watch_terms);
INSERT INTO feed_items (feed_id, item_key, story_key, guid, link, title,
    summary, published_at, fetched_at)
SELECT @f0 + seq % 10, SHA2(CONCAT('item ', seq), 256),
    SHA2(CONCAT('story ', seq), 256), CONCAT('bench-', seq),
    CONCAT('https://news.invalid/', seq),
    CONCAT('Bench headline number ', seq, IF(seq % 10 = 0, ' with HIAS+JCORE', '')),
    REPEAT('A paragraph of news about refugees and asylum policy. ', 8),
    UTC_TIMESTAMP() - INTERVAL seq MINUTE, UTC_TIMESTAMP()
FROM seq_1_to_$nitems;
INSERT INTO mentions (item_id, state, created_at, updated_at)
SELECT id, 'new', fetched_at, fetched_at FROM feed_items
WHERE guid LIKE 'bench-%' AND title LIKE '%HIAS+JCORE';
INSERT INTO mention_hits (mention_id, term_id, field, start, length)
SELECT m.id, @t0, 'title', 0, 10 FROM mentions m WHERE @t0 IS NOT NULL;
SQL
	say "tracker-admin report-refresh (as after any bulk load)"
	svc_admin report-refresh >/dev/null
}

# BENCH_DIR=DIR runs in DIR and keeps it: the first run generates the
# dataset there, later runs with the same sizes reuse it (minutes saved
# per iteration; new migrations are applied; the saves of earlier runs
# stay, a few thousand rows).  Otherwise a throwaway directory, which
# BENCH_KEEP=1 keeps (logs, wrk output) for a look after.
if [ -n "${BENCH_DIR:-}" ]; then
	mkdir -p "$BENCH_DIR"
	SVC_DIR=$(cd "$BENCH_DIR" && pwd) SVC_OWN_DIR=
	[ -f "$SVC_DIR/dataset" ] || [ ! -d "$SVC_DIR/mariadb" ] ||
	    svc_die "$SVC_DIR holds an unfinished dataset: remove it, or use another BENCH_DIR"
	rm -rf "$SVC_DIR/run" "$SVC_DIR"/*.sock
else
	svc_tmpdir
fi
trap '[ -z "${BENCH_KEEP:-}" ] || [ -z "$SVC_OWN_DIR" ] || { echo "bench: kept $SVC_DIR" >&2; SVC_OWN_DIR=; }; svc_stop_all' EXIT
trap 'exit 1' INT TERM
SVC_MARIADB_ARGS="--innodb-buffer-pool-size=$([ -n "$quick" ] && echo 512M || echo 2G)"
say "starting MariaDB in $SVC_DIR"
svc_mariadb_start "$SVC_DIR" 2>/dev/null
svc_migrate
svc_sql() {
	mariadb --no-defaults -S "$SVC_DB_SOCKET" -u root tracker "$@"
}
dataset="$npeople people, $neng engagements, $nitems feed items"
if [ -f "$SVC_DIR/dataset" ] && [ "$(cat "$SVC_DIR/dataset")" = "$dataset" ]; then
	say "reusing the dataset of $SVC_DIR ($dataset)"
else
	[ ! -f "$SVC_DIR/dataset" ] ||
	    svc_die "$SVC_DIR holds another dataset ($(cat "$SVC_DIR/dataset")): use another BENCH_DIR"
	generate_dataset
	echo "$dataset" >"$SVC_DIR/dataset"
fi

# The programs and the floor, each under spawn-fcgi with $workers processes.
spawn=$(svc_find spawn-fcgi)
mkdir -p "$SVC_DIR/run"
pids_of() { cat "$SVC_DIR/pids.$1"; }
for p in $WEB_PROGRAMS floor; do
	bin=$top_builddir/cgi-bin/$p.fcgi
	[ "$p" = floor ] && bin=$top_builddir/bench/floor.fcgi
	TRACKER_CONF=$SVC_CONF "$spawn" -s "$SVC_DIR/run/$p.sock" -F "$workers" \
	    -- "$bin" >"$SVC_DIR/spawn.$p" 2>&1
	sed -n 's/.*PID: *\([0-9]*\).*/\1/p' "$SVC_DIR/spawn.$p" >"$SVC_DIR/pids.$p"
	SVC_PIDS="$(pids_of "$p" | tr '\n' ' ')$SVC_PIDS"
done
port=$(svc_free_port)
web_render "$top_srcdir/etc/nginx.conf.in" "$SVC_DIR/nginx.conf" \
    USER="$(id -un)" PORT="$port" DOCROOT="$top_srcdir/htdocs" \
    DEMOFEEDS="$top_srcdir/feeds/demo" SOCKDIR="$SVC_DIR/run" \
    RUNDIR="$SVC_DIR/run"
# No access log (it is not ours to measure); the floor ahead of the routes.
awk -v sock="$SVC_DIR/run/floor.sock" '
	/^\taccess_log / { print "\taccess_log off;"; next }
	index($0, "location ~ ^/(login|logout)$ {") {
		print "\t\tlocation ^~ /floor/ {"
		print "\t\t\tfastcgi_pass unix:" sock ";"
		print "\t\t}"
	}
	{ print }' "$SVC_DIR/nginx.conf" >"$SVC_DIR/nginx.conf.new"
mv "$SVC_DIR/nginx.conf.new" "$SVC_DIR/nginx.conf"
grep -q "floor.sock" "$SVC_DIR/nginx.conf" || svc_die "could not add the floor to nginx.conf"
"$(svc_find nginx)" -p "$SVC_DIR/run" -e "$SVC_DIR/run/error.log" \
    -c "$SVC_DIR/nginx.conf" -g 'daemon off;' &
SVC_PIDS="$! $SVC_PIDS"
url=http://127.0.0.1:$port
web_wait_http "$url/login" 30 || svc_die "nginx did not answer"

# A session, and the CSRF token of its forms.
jar=$SVC_DIR/cookies
curl -s -c "$jar" "$url/login" >"$SVC_DIR/login.html"
tok=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$SVC_DIR/login.html" | head -1)
curl -s -b "$jar" -c "$jar" --data-urlencode "csrf=$tok" \
    -d "username=demo&password=demo" "$url/login" >/dev/null
session=$(awk '$6 == "tracker_session" { print $7 }' "$jar")
[ -n "$session" ] || svc_die "could not log in"
BENCH_COOKIE="tracker_session=$session"
BENCH_CSRF=$(curl -s -H "Cookie: $BENCH_COOKIE" "$url/engagements/new" |
    sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
[ -n "$BENCH_CSRF" ] || svc_die "no CSRF token on /engagements/new"
case $BENCH_CSRF in *[!0-9a-zA-Z_-]*) svc_die "the CSRF token needs URL-encoding" ;; esac
BENCH_FORM="&op=save&version=0&date=2025-01-15&time=&type=meeting"
BENCH_FORM="$BENCH_FORM&title=bench-save&people=&summary=Saved+by+make+bench."
BENCH_FORM="$BENCH_FORM&outcome=&media_outlet=&media_medium=&media_programme="
BENCH_FORM="$BENCH_FORM&media_link=&fu_count=0"
# The people met: each save links an MP and a civil servant, each with a
# history of engagements (their links, their party and category then,
# the first-engagement marks, KPI hits), taking the next of 100 pairs in
# turn (bench/save.lua).
BENCH_PEOPLE=$(svc_sql -N -B -e "SELECT CONCAT(m.id, ',', c.id) FROM
    (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM people
	WHERE category = 'mp' AND deleted_at IS NULL ORDER BY id LIMIT 100) m
    JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM people
	WHERE category = 'civil_servant' AND deleted_at IS NULL
	ORDER BY id LIMIT 100) c ON c.n = m.n" | tr '\n' ' ')
[ -n "$BENCH_PEOPLE" ] || svc_die "no MPs and civil servants in the dataset"
export BENCH_COOKIE BENCH_CSRF BENCH_FORM BENCH_PEOPLE
detail=$(svc_sql -N -B -e "SELECT MAX(id) DIV 2 FROM engagements")
if [ -n "${BENCH_HOLD:-}" ]; then
	# For profiling by hand: the stack stays up until interrupted.
	echo "bench: holding $url (Cookie: $BENCH_COOKIE; csrf $BENCH_CSRF; dir $SVC_DIR)" >&2
	# sleep in the background: a shell runs its INT/TERM trap (and so
	# stops the stack) only once the command it waits on has ended.
	while :; do sleep 60 & wait $!; done
fi

# measure NAME URL [wrk args]: "rps p99ms" into $SVC_DIR/m.NAME.
measure() {
	_name=$1 _u=$2
	shift 2
	[ "$#" -gt 0 ] || curl -s -o /dev/null -H "Cookie: $BENCH_COOKIE" "$url$_u"
	say "measuring $_u"
	wrk -t2 -c16 -d"${secs}s" --latency -H "Cookie: $BENCH_COOKIE" "$@" \
	    "$url$_u" >"$SVC_DIR/wrk.$_name" 2>&1
	awk '
	    /Requests\/sec/ { rps = $2 }
	    $1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
		p99 = u == "us" ? v / 1000 : u == "s" ? v * 1000 : v }
	    /Non-2xx|Socket errors/ { bad = 1 }
	    END { printf "%s %s %s\n", rps, p99, bad ? "errors" : "ok" }' \
	    "$SVC_DIR/wrk.$_name" >"$SVC_DIR/m.$_name"
}
measure fixed /floor/fixed
measure select /floor/select
measure insert /floor/insert
measure login /login
measure list /engagements
measure detail "/engagements/$detail"
measure dashboard "/reports/dashboard?year=2024-25"
measure report "/reports/engagement?from=2024-07-01&to=2025-06-30"
measure mentions /mentions
# The forms' people type-ahead (issue 10): one keystroke partway through a
# name, as the script asks while someone types.
measure search "/people/search.json?q=Bench+person+48"
# One save by hand first, with the first pair: the form must answer 303
# (saved) and link both, or the run would measure something else.
pair=$(echo "$BENCH_PEOPLE" | cut -d' ' -f1)
code=$(curl -s -o "$SVC_DIR/save.html" -w '%{http_code}' -H "Cookie: $BENCH_COOKIE" \
    --data "csrf=$BENCH_CSRF$BENCH_FORM&person_id=${pair%,*}&person_id=${pair#*,}" \
    "$url/engagements/new")
[ "$code" = 303 ] || { sed 's/<[^>]*>/ /g' "$SVC_DIR/save.html" | tr -s ' \n' ' ' | head -c 600 >&2
	svc_die "a save answered $code, not 303"; }
links=$(svc_sql -N -B -e "SELECT COUNT(*) FROM engagement_people WHERE
    engagement_id = (SELECT MAX(id) FROM engagements WHERE title = 'bench-save')")
[ "$links" = 2 ] || svc_die "the save by hand linked $links people, not 2"
before=$(svc_sql -N -B -e "SELECT COUNT(*) FROM engagements WHERE title = 'bench-save'")
measure save /engagements/new -s "$top_srcdir/bench/save.lua"
saved=$(svc_sql -N -B -e "SELECT COUNT(*) FROM engagements WHERE title = 'bench-save'")

# Peak RSS of each program: the largest VmHWM among its processes (or,
# with VmRSS, the largest resident size at the end of the run).
rss_of() {
	for _pid in $(pids_of "$1"); do
		awk -v k="^${2:-VmHWM}" '$0 ~ k { print $2 }' "/proc/$_pid/status" 2>/dev/null
	done | sort -n | tail -1
}

say "timing the ingester (bench/feeds.sh)"
BENCH_QUICK=$quick bench/feeds.sh >"$SVC_DIR/feeds.out" 2>&1 ||
    { cat "$SVC_DIR/feeds.out" >&2; svc_die "bench/feeds.sh failed"; }
set -- $(sed -n 's/^bench-feeds: //p' "$SVC_DIR/feeds.out" | tr '=' ' ')
xml_s=$2 ours_s=$4 peer_s=$6 ours_kb=$8 big_kb=${10}

# --- the table -------------------------------------------------------------
field() { cut -d' ' -f"$2" "$SVC_DIR/m.$1"; }
ratio() { echo "100 * $(field "$1" 1) / $(field "$2" 1)" | bc -l; }
echo
printf 'make bench (%s): %d people, %d engagements, %d feed items; wrk 16 connections, %d s per URL; %d processes per program; %s\n' \
    "$([ -n "$quick" ] && echo quick || echo full)" "$npeople" \
    "$(svc_sql -N -B -e 'SELECT COUNT(*) FROM engagements')" "$nitems" \
    "$secs" "$workers" "$(nproc) cores"
printf '\n%-44s %10s %9s %-8s %7s %s\n' "URL" "req/s" "p99 ms" "floor" "ratio" ""
row() { # name url floor
	printf '%-44s %10.0f %9.2f %-8s %6.0f%% %s\n' "$2" "$(field "$1" 1)" \
	    "$(field "$1" 2)" "${3:--}" "$([ -n "$3" ] && ratio "$1" "$3" || echo 100)" \
	    "$([ "$(field "$1" 3)" = ok ] || echo "(non-2xx answers!)")"
}
row fixed /floor/fixed ""
row select /floor/select fixed
row insert /floor/insert fixed
row login /login select
row list /engagements select
row detail "/engagements/$detail" select
row dashboard "/reports/dashboard?year=2024-25" select
row report "/reports/engagement?from=2024-07-01&to=2025-06-30" select
row mentions /mentions select
row search "/people/search.json?q=Bench+person+48" select
row save "POST /engagements/new" insert
echo "  saves made by the save run: $((saved - before))"

echo
printf '%-14s %9s %9s   (MB, the largest of its %d processes)\n' program "peak RSS" "RSS now" "$workers"
for p in $WEB_PROGRAMS floor; do
	printf '%-14s %9.1f %9.1f\n' "$p" "$(echo "$(rss_of "$p") / 1024" | bc -l)" \
	    "$(echo "$(rss_of "$p" VmRSS) / 1024" | bc -l)"
done
# auth's peak is the login's password check: argon2id with the cost the
# hash was made with (crypto_pwhash_MEMLIMIT_INTERACTIVE, 64 MiB, in
# lib/auth.c), allocated for the check and freed after it.
echo "  auth's peak includes argon2id's working memory while it checks a password:" \
    "$(svc_sql -N -B -e "SELECT MAX(SUBSTRING_INDEX(SUBSTRING_INDEX(password_hash, '\$', 4), '\$', -1)) FROM users")"

echo
sed -n '/^tool/,/^ours \/ rss/p' "$SVC_DIR/feeds.out"
[ "$big_kb" = none ] ||
    printf 'ingester peak RSS on one 500 MB feed: %.1f MB\n' "$(echo "$big_kb / 1024" | bc -l)"

low=100000 lowname=
for n in login list detail dashboard report mentions; do
	r=$(ratio "$n" select)
	if [ "$(echo "$r < $low" | bc -l)" = 1 ]; then low=$r lowname=$n; fi
done
echo
echo "lowest read page: $lowname; p99 target < 20 ms at 16 connections"
printf 'bench: pages %.0f%% of SELECT floor, save %.0f%% of INSERT floor, ingest %.0f%% of xmllint, %sx rss-parser\n' \
    "$low" "$(ratio save insert)" "$(echo "100 * $xml_s / $ours_s" | bc -l)" \
    "$([ "$peer_s" = none ] && echo none || printf '%.1f' "$(echo "$peer_s / $ours_s" | bc -l)")"
say "done"
