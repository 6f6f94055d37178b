#!/bin/sh
# Feed parsing speed and memory (issue 5), as ratios to a floor and a peer
# measured in the same run on the same generated RSS 2.0 file: 100,000
# items of news-like titles and HTML descriptions (some naming HIAS+JCORE,
# JCORE, tracked people and policy topics), about 66 MB.
#
#   floor: xmllint --stream --noout (libxml2's streaming reader, which our
#          parser is built on; Debian package libxml2-utils);
#   ours:  tracker-feeds parse --text-only --terms T --count (hidden
#          option): the ingester's own parse (plain text only, what it
#          stores), then 1,000 watch terms matched over every entry's title
#          and text; also shown: the full parse printing JSON with the
#          sanitised HTML (the conformance interface), for comparison;
#   peer:  rss-parser from npm, parser.parseString() of the whole file.
#
# Targets: ours >= 0.40 x the floor's speed, >= 10 x the peer's.  Then a
# memory check, target peak RSS < 64 MB: the same file 8 times in one
# process (~530 MB in all), and a single ~500 MB document streamed through
# a pipe (the parser reads in chunks and hands on one entry at a time; the
# parse command accepts up to 1 GiB).  Seconds and peak RSS come from /usr/bin/time -f "%e %M".
# Everything generated lives in a temporary directory, removed at exit.
#
#	bench/feeds.sh          (BENCH_QUICK=1: without the 500 MB memory runs)
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
for c in xmllint node /usr/bin/time; do
	command -v "$c" >/dev/null || {
		echo "bench: missing $c (script/bootstrap installs it)" >&2
		exit 1
	}
done
[ -x feeds/tracker-feeds ] || make -s feeds/tracker-feeds
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-feeds.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
items=100000
# Bytes per item on average: 100,000 items come to about 66 MB.
item_bytes=688

# --- generators (deterministic: a fixed xorshift seed) ---------------------

cat >"$tmp/gen.js" <<'JS'
// node gen.js feed NITEMS ITEM_BYTES OUT|-   or   node gen.js terms OUT
'use strict';
const fs = require('fs');
let s = 0x2545f491 >>> 0;
function rnd(n) {
	s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
	return s % n;
}
const pick = (a) => a[rnd(a.length)];
const first = ['Hélène', 'David', 'Sarah', 'Mohammed', 'Anna', 'James',
	'Rachel', 'Tomasz', 'Priya', 'Daniel', 'Miriam', 'Kwame', 'Siobhán',
	'Aleksandra', 'Jonathan', 'Fatima', 'Oliver', 'Naomi', 'Chidi', 'Ruth',
	'Łukasz', 'Zoë', 'Benjamin', 'Leah', 'Samuel', 'Amira', 'Eitan',
	'Grace', 'Yusuf', 'Hannah'];
const last = ['Wójcik', 'Cohen', 'Okafor', 'Levy', 'Patel', 'O\'Neill',
	'Strauß', 'Goldberg', 'Mensah', 'Friedman', 'Khan', 'Rosenthal',
	'Nowak', 'Adeyemi', 'Shapiro', 'Murphy', 'Hussain', 'Klein', 'Evans',
	'Abramson', 'MacLeod', 'Begum', 'Weiss', 'Osei', 'Davies', 'Berger',
	'Jones', 'Kaplan', 'Ahmed', 'Price'];
const orgs = ['HIAS+JCORE', 'JCORE', 'HIAS', 'the Refugee Council',
	'Freedom from Torture', 'Safe Passage', 'the Home Office',
	'the Board of Deputies', 'Citizens UK', 'the UNHCR'];
const policy = ['asylum backlog', 'family reunion', 'safe and legal routes',
	'the Illegal Migration Act', 'the Rwanda plan', 'unaccompanied children',
	'hate crime', 'racial equality', 'the Windrush scheme',
	'refugee resettlement', 'modern slavery', 'the right to work',
	'interfaith dialogue', 'community cohesion', 'antisemitism'];
const verbs = ['calls for', 'warns over', 'welcomes', 'criticises',
	'responds to', 'launches review of', 'questions minister on',
	'publishes report on', 'backs', 'urges rethink of'];
const places = ['Manchester', 'Leeds', 'Glasgow', 'Cardiff', 'Belfast',
	'Birmingham', 'London', 'Bristol', 'Newcastle', 'Hackney', 'Barnet',
	'Bradford'];
const filler = ['the', 'council', 'said', 'on', 'Tuesday', 'government',
	'minister', 'policy', 'parliament', 'debate', 'community', 'of', 'and',
	'a', 'to', 'in', 'report', 'spokesperson', 'figures', 'published',
	'week', 'local', 'charity', 'families', 'support', 'housing', 'would',
	'should', 'statement', 'recent', 'years', 'people', 'services',
	'funding', '—', '“important”', 'campaigners', 'MPs', 'peers'];
const name = () => pick(first) + ' ' + pick(last);
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')
	.replace(/>/g, '&gt;');
const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug',
	'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n) => (n < 10 ? '0' : '') + n;

function title() {
	switch (rnd(6)) {
	case 0: return pick(orgs) + ' ' + pick(verbs) + ' ' + pick(policy);
	case 1: return name() + ' MP ' + pick(verbs) + ' ' + pick(policy);
	case 2: return pick(places) + ' ' + pick(['council', 'charity',
		'school', 'synagogue', 'mosque']) + ' ' + pick(verbs) + ' ' +
		pick(policy);
	default: return pick(['Weather', 'Sport', 'Traffic', 'Business',
		'Arts']) + ': ' + pick(places) + ' ' + pick(filler) + ' ' +
		pick(filler) + ' ' + pick(['update', 'latest', 'round-up']);
	}
}

function description(budget) {
	let p = [];
	let len = 0;
	while (len < budget) {
		let w;
		const r = rnd(100);
		if (r < 2) w = pick(orgs);
		else if (r < 4) w = pick(policy);
		else if (r < 6) w = name();
		else if (r < 7) w = '<a href="https://news.example/' + rnd(99999) +
			'">' + pick(places) + '</a>';
		else w = pick(filler);
		p.push(w);
		len += w.length + 1;
	}
	return '<p>' + p.join(' ') + '.</p>';
}

async function feed(nitems, itemBytes, out) {
	const stream = out === '-' ? process.stdout :
		fs.createWriteStream(out);
	stream.on('error', (e) => {
		if (e.code === 'EPIPE') process.exit(0);
		throw e;
	});
	const write = (t) => stream.write(t) ? null :
		new Promise((ok) => stream.once('drain', ok));
	await write('<?xml version="1.0" encoding="UTF-8"?>\n' +
		'<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n' +
		'<channel>\n<title>Press monitor benchmark</title>\n' +
		'<link>https://news.example/</link>\n' +
		'<description>Generated by bench/feeds.sh</description>\n');
	let chunk = [];
	for (let i = 0; i < nitems; i++) {
		const t = title();
		const link = 'https://news.example/' + i + '/' +
			t.toLowerCase().replace(/[^a-z0-9]+/g, '-');
		const date = days[rnd(7)] + ', ' + two(1 + rnd(28)) + ' ' +
			months[rnd(12)] + ' 2024 ' + two(rnd(24)) + ':' +
			two(rnd(60)) + ':' + two(rnd(60)) + ' +0000';
		const head = '<item>\n<title>' + esc(t) + '</title>\n<link>' +
			link + '</link>\n<guid isPermaLink="false">bench-' + i +
			'</guid>\n<pubDate>' + date + '</pubDate>\n<dc:creator>' +
			name() + '</dc:creator>\n<description>';
		const tail = '</description>\n</item>\n';
		// Escaped HTML grows by about a fifth.
		const budget = Math.max(40, Math.round((itemBytes - head.length -
			tail.length) / 1.2 * (0.6 + rnd(81) / 100)));
		chunk.push(head + esc(description(budget)) + tail);
		if (chunk.length === 500) {
			await write(chunk.join(''));
			chunk = [];
		}
	}
	await write(chunk.join('') + '</channel>\n</rss>\n');
	if (stream !== process.stdout)
		await new Promise((ok) => stream.end(ok));
}

function terms(out) {
	// The organisation, its aliases and topics, then tracked people:
	// 1,000 terms in all, names drawn as the feed draws them.
	const t = new Set(orgs.concat(policy, ['asylum', 'refugee',
		'Refugee Council', 'Rwanda', 'Jewish Council for Racial Equality',
		'HIAS + JCORE']));
	for (const f of first)
		for (const l of last)
			if (t.size < 1000 && rnd(2)) t.add(f + ' ' + l);
	let n = 0;
	while (t.size < 1000) t.add('Member' + n++ + ' Constituency' + n);
	fs.writeFileSync(out, [...t].join('\n') + '\n');
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'terms') terms(args[0]);
else feed(+args[0], +args[1], args[2]);
JS

cat >"$tmp/peer.js" <<'JS'
'use strict';
const fs = require('fs');
const Parser = require('rss-parser');
new Parser().parseString(fs.readFileSync(process.argv[2], 'utf8'))
	.then((f) => console.log(f.items.length + ' items'))
	.catch((e) => { console.error('rss-parser: ' + e.message); process.exit(1); });
JS

feed=$tmp/feed.xml
terms=$tmp/terms.txt
node "$tmp/gen.js" feed "$items" "$item_bytes" "$feed"
node "$tmp/gen.js" terms "$terms"
bytes=$(wc -c <"$feed")
mb=$(echo "$bytes / 1000000" | bc -l)
printf 'feed: %d items, %.1f MB (%d bytes); %d watch terms\n' \
    "$items" "$mb" "$bytes" "$(wc -l <"$terms")"

# run NAME COMMAND...: prints "seconds peakKB", command output to NAME.out.
run() {
	n=$1
	shift
	/usr/bin/time -f "%e %M" -o "$tmp/$n.time" "$@" >"$tmp/$n.out" \
	    2>"$tmp/$n.err" || { echo "fail"; return 0; }
	cat "$tmp/$n.time"
}
row() {
	# tool seconds peakKB
	printf '%-34s %8.2f %8.1f %10.1f\n' "$1" "$2" \
	    "$(echo "$mb / $2" | bc -l)" "$(echo "$3 / 1024" | bc -l)"
}

printf '\n%-34s %8s %8s %10s\n' "tool" "seconds" "MB/s" "peak RSS MB"

set -- $(run floor xmllint --stream --noout "$feed")
[ "$1" != fail ] || { cat "$tmp/floor.err" >&2; exit 1; }
floor_s=$1
row "xmllint --stream --noout" "$1" "$2"

set -- $(run ours feeds/tracker-feeds parse --text-only --terms "$terms" \
    --count "$feed")
[ "$1" != fail ] || { cat "$tmp/ours.err" >&2; exit 1; }
ours_s=$1 ours_kb=$2
row "tracker-feeds parse+match" "$1" "$2"
counts=$(cat "$tmp/ours.out")
# The same with no terms: how much of ours is the parser alone.
: >"$tmp/none.txt"
set -- $(run parse feeds/tracker-feeds parse --text-only --terms \
    "$tmp/none.txt" --count "$feed")
[ "$1" = fail ] || row "  same, parse only (0 terms)" "$1" "$2"
set -- $(run json feeds/tracker-feeds parse "$feed")
[ "$1" = fail ] || row "  full parse, JSON with HTML" "$1" "$2"

peer_s=
if [ ! -f node_modules/rss-parser/package.json ]; then
	# npm install --no-save prunes what it was not asked for: name
	# script/bootstrap's playwright-core too, at its installed version.
	keep=
	[ ! -f node_modules/playwright-core/package.json ] ||
	    keep=playwright-core@$(node -p "require('$top/node_modules/playwright-core/package.json').version")
	npm install --prefix "$(pwd)/node_modules/.." --no-save \
	    --no-package-lock --no-audit --no-fund --loglevel=error \
	    $keep rss-parser >"$tmp/npm.log" 2>&1 || true
fi
if [ -f node_modules/rss-parser/package.json ]; then
	set -- $(NODE_PATH=$top/node_modules run peer \
	    node --max-old-space-size=16384 "$tmp/peer.js" "$feed")
	if [ "$1" = fail ]; then
		echo "rss-parser: failed: $(tail -1 "$tmp/peer.err")"
	else
		peer_s=$1
		row "rss-parser $(node -p "require('$top/node_modules/rss-parser/package.json').version") (node $(node --version))" "$1" "$2"
		peer_items=$(cat "$tmp/peer.out")
	fi
else
	echo "rss-parser: SKIPPED (npm could not install it: $(tail -1 "$tmp/npm.log"))"
fi

verdict() { # ratio target
	if [ "$(echo "$1 >= $2" | bc -l)" = 1 ]; then echo met; else echo "NOT met"; fi
}
echo
echo "ours: $counts"
[ -z "$peer_s" ] || echo "rss-parser: $peer_items"
r=$(echo "$floor_s / $ours_s" | bc -l)
printf 'ours / xmllint speed     %6.2f   (target >= 0.40: %s)\n' "$r" \
    "$(verdict "$r" 0.40)"
if [ -n "$peer_s" ]; then
	r=$(echo "$peer_s / $ours_s" | bc -l)
	printf 'ours / rss-parser speed  %6.2f x (target >= 10: %s)\n' "$r" \
	    "$(verdict "$r" 10)"
else
	echo "ours / rss-parser speed  skipped (no rss-parser)"
fi

# One line for bench/run.sh (make bench) to read.
summary() {
	echo "bench-feeds: xmllint=$floor_s ours=$ours_s peer=${peer_s:-none}" \
	    "ours_rss_kb=$ours_kb big_rss_kb=${big_kb:-none}"
}
# Quick mode (BENCH_QUICK=1): no 500 MB memory runs.
if [ -n "${BENCH_QUICK:-}" ]; then
	summary
	exit 0
fi

# --- memory: ~500 MB ---------------------------------------------------------

echo
echo "memory, target peak RSS < 64 MB:"
set -- $(run many feeds/tracker-feeds parse --text-only --terms "$terms" --count \
    "$feed" "$feed" "$feed" "$feed" "$feed" "$feed" "$feed" "$feed")
[ "$1" != fail ] || { cat "$tmp/many.err" >&2; exit 1; }
printf '  ours, 8 x %.0f MB in one process:   %6.1f MB peak (%s), %.2f s\n' \
    "$mb" "$(echo "$2 / 1024" | bc -l)" \
    "$(verdict "$(echo "64 * 1024 - $2" | bc)" 1)" "$1"
# One document of ~500 MB, streamed through a pipe, never on disk.
big=$((items * 500000000 / bytes))
node "$tmp/gen.js" feed "$big" "$item_bytes" - |
    /usr/bin/time -f "%e %M" -o "$tmp/bigfloor.time" \
    xmllint --stream --noout - 2>"$tmp/bigfloor.err" || true
set -- $(tail -1 "$tmp/bigfloor.time")
printf '  xmllint --stream, one 500 MB doc:  %6.1f MB peak\n' \
    "$(echo "$2 / 1024" | bc -l)"
node "$tmp/gen.js" feed "$big" "$item_bytes" - |
    /usr/bin/time -f "%e %M" -o "$tmp/big.time" feeds/tracker-feeds parse \
    --text-only --terms "$terms" --count - >"$tmp/big.out" 2>"$tmp/big.err" || true
set -- $(tail -1 "$tmp/big.time")
big_kb=$2
printf '  ours, one 500 MB doc:              %6.1f MB peak: %s\n' \
    "$(echo "$2 / 1024" | bc -l)" \
    "$(cat "$tmp/big.out" "$tmp/big.err" | sed 's/^tracker-feeds: //' | head -1)"
summary
