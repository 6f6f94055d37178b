// The feed parser against the Universal Feed Parser conformance corpus:
// runs `tracker-feeds parse` on each file named in expectations.tsv and
// compares each row (see the corpus README).  TAP: one test per row, a
// failing row reported as "not ok ... # TODO" (XFAIL: a known difference;
// automake counts "ok ... # TODO" as XPASS, a failure), then a real test
// that --text-only (the ingester's parse) reads the same plain text as
// the full parse in every file, and one that the pass rate is at least 99% (the issue asks 95%; we hold what we reached).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [corpus, program] = process.argv.slice(2);
const unescape = (s) => s.replace(/\\(.)/g, (m, c) =>
	({ "\\": "\\", t: "\t", n: "\n", r: "\r" })[c] ?? m);
const rows = readFileSync(join(corpus, "expectations.tsv"), "utf8")
	.split("\n").slice(1).filter((l) => l !== "")
	.map((l) => { const [file, field, expected] = l.split("\t");
		return { file, field, expected: unescape(expected ?? "") }; });

const parsed = new Map();
function parse(file) {
	if (!parsed.has(file)) {
		try {
			const out = execFileSync(program, ["parse", join(corpus, file)],
				{ encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 10000 });
			parsed.set(file, { json: JSON.parse(out) });
		} catch (e) {
			parsed.set(file, { error: String(e.stderr || e.message).trim() });
		}
	}
	return parsed.get(file);
}

function value(json, field) {
	if (field === "entries.count") return String(json.entries.length);
	const [scope, key] = field.split(".");
	if (scope === "feed") return json.feed[key];
	const m = /^entry(\d+)$/.exec(scope);
	const entry = m ? json.entries[Number(m[1])] : undefined;
	return entry === undefined ? undefined : entry[key];
}

console.log(`1..${rows.length + 2}`);
let n = 0, passed = 0;
for (const row of rows) {
	const r = parse(row.file);
	const got = r.error !== undefined ? `error: ${r.error}` : value(r.json, row.field);
	n++;
	const what = `${row.file} ${row.field}`.replace(/#/g, "\\#");
	if (got === row.expected) {
		passed++;
		console.log(`ok ${n} - ${what}`);
	} else {
		const shown = JSON.stringify(got === undefined ? null : got).replace(/#/g, "\\#");
		console.log(`not ok ${n} - ${what} # TODO known difference: got ${shown}, expected ${JSON.stringify(row.expected).replace(/#/g, "\\#")}`);
	}
}
// The ingester stores only the plain text, parsed with --text-only
// (no sanitised HTML written): it must be the text the full parse gives.
function textOnlyDiffers(file) {
	const full = parse(file);
	let lean;
	try {
		lean = JSON.parse(execFileSync(program, ["parse", "--text-only",
			join(corpus, file)], { encoding: "utf8",
			stdio: ["ignore", "pipe", "pipe"], timeout: 10000 }));
	} catch (e) {
		return full.error === undefined ? "refused with --text-only only" : null;
	}
	if (full.error !== undefined) return "accepted with --text-only only";
	const pairs = [[full.json.feed, lean.feed]].concat(
		full.json.entries.map((e, i) => [e, lean.entries[i] ?? {}]));
	for (const [a, b] of pairs) {
		for (const k of ["title_text", "summary_text"])
			if (a[k] !== b[k]) return `${k}: ${JSON.stringify(a[k])} != ${JSON.stringify(b[k])}`;
		if (b.title !== b.title_text || b.summary !== b.summary_text)
			return "title or summary is not the plain text";
	}
	return null;
}
const files = [...new Set(rows.map((r) => r.file))];
const differing = files.map((f) => [f, textOnlyDiffers(f)]).filter(([, d]) => d);
for (const [f, d] of differing) console.log(`# --text-only differs: ${f}: ${d}`.replace(/\n/g, " "));
console.log(`${differing.length === 0 ? "ok" : "not ok"} ${++n} - --text-only gives the same text in all ${files.length} files`);
const rate = rows.length ? (100 * passed) / rows.length : 0;
console.log(`# pass rate ${rate.toFixed(1)}% (${passed} of ${rows.length} rows)`);
console.log(`${rate >= 99 ? "ok" : "not ok"} ${n + 1} - pass rate >= 99%`);
