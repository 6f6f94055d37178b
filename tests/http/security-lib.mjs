// Shared pieces of the security tests (tests/http/security-*.test.mjs):
// the routes of every program, read from the cgi-bin route tables; the
// payload lists; a check that a page is inert (no tag or attribute a
// payload could have injected); logged-in clients for each role; and a
// small pool to run many requests at once.

import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { get, loggedIn, sessionToken, users, attributes } from './helpers.mjs';

const SRC = process.env.top_srcdir || new URL('../..', import.meta.url).pathname;
const BUILD = process.env.top_builddir || SRC;

// The heavy sweeps (every route for every role, every payload through
// every field) test the programs, which are the same behind every web
// server: they run in full on lighttpd only, so the five-server HTTP
// suite stays quick, and on the other servers as a sample (which still
// shows that server passing bodies, cookies and headers on intact).
// The light tests run in full everywhere.
export const HEAVY = (process.env.TRACKER_WEB || 'lighttpd') === 'lighttpd';

// All of list on lighttpd; elsewhere every nth item (and the first).
export function sampled(list, nth) {
	return HEAVY ? list : list.filter((_, i) => i % nth === 0);
}

// The programs: every cgi-bin/*.c with a route table.
export const PROGRAMS = readdirSync(join(SRC, 'cgi-bin'))
    .filter((f) => f.endsWith('.c') && /struct route routes\[\]/.test(
    readFileSync(join(SRC, 'cgi-bin', f), 'utf8')))
    .map((f) => f.slice(0, -2)).sort();

// Every route of every program: [{ program, path, get, post, public,
// role }], role one of viewer/editor/admin/none.  Read from the route
// table after the C preprocessor (the tables use macros), so a route
// added to a program shows up here without anyone listing it.
export function routes() {
	const cc = (process.env.CC || 'cc').split(/\s+/).filter(Boolean);
	const out = [];
	for (const program of PROGRAMS) {
		const file = join(SRC, 'cgi-bin', `${program}.c`);
		const text = execFileSync(cc[0], [...cc.slice(1), '-E', '-P',
		    '-iquote', join(SRC, 'lib'), '-I', BUILD, file],
		    { encoding: 'utf8', maxBuffer: 64 << 20 });
		const m = text.match(/struct route routes\[\]\s*=\s*\{([\s\S]*?)\};/);
		assert.ok(m, `no route table in ${file}`);
		const entry = /\{\s*((?:"[^"]*"\s*)+),\s*(\w+|\(\(void ?\*\)0\)),\s*(\w+|\(\(void ?\*\)0\)),\s*([\w|() ]+?),\s*(ROLE_\w+)\s*\}/g;
		let n = 0;
		for (const e of m[1].matchAll(entry)) {
			const path = [...e[1].matchAll(/"([^"]*)"/g)].map((s) => s[1]).join('');
			const isNull = (s) => s === 'NULL' || s.startsWith('((void');
			out.push({
				program, path,
				get: !isNull(e[2]), post: !isNull(e[3]),
				public: Number(e[4].replace(/[()]/g, '')) !== 0 ||
				    /ROUTE_PUBLIC/.test(e[4]),
				role: e[5].replace('ROLE_', '').toLowerCase(),
			});
			n++;
		}
		// Every "{" in the table is one route: none may be missed.
		assert.equal(n, (m[1].match(/\{/g) || []).length,
		    `every route of ${program} parsed`);
	}
	return out;
}

// Lines of a payload file (tests/fixtures/security/NAME.txt), less
// comments.
export function payloads(name) {
	return readFileSync(join(SRC, 'tests', 'fixtures', 'security', `${name}.txt`), 'utf8')
	    .split('\n').filter((l) => l !== '' && !l.startsWith('# '));
}

// What in a page could run script: <script> other than our own files,
// on* attributes, javascript: URLs, <iframe>/<object>/<embed>/<base>/
// <meta http-equiv>, or <svg>/<math>/<style> islands that no page of
// ours writes.  Returns a list of findings (empty when inert).
export function scriptable(html) {
	const found = [];
	const tag = /<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
	for (const m of html.matchAll(tag)) {
		const name = m[1].toLowerCase();
		const a = attributes(m[0]);
		if (name === 'script' && !(a.src || '').startsWith('/static/'))
			found.push(m[0]);
		else if (['iframe', 'object', 'embed', 'base', 'svg', 'math',
		    'style', 'frame', 'frameset', 'applet'].includes(name))
			found.push(m[0]);
		else if (name === 'meta' && 'http-equiv' in a)
			found.push(m[0]);
		for (const [k, v] of Object.entries(a)) {
			if (k.startsWith('on'))
				found.push(m[0]);
			if (['href', 'src', 'action', 'formaction', 'data'].includes(k) &&
			    /^\s*(javascript|vbscript|data):/i.test(v))
				found.push(m[0]);
		}
	}
	return found;
}

export function assertInert(html, what) {
	const f = scriptable(html);
	assert.deepEqual(f, [], `${what}: the page must not hold markup that can run script`);
}

// Logged-in clients, one per role: { jar, csrf }.  Editor and admin are
// demo accounts (sql/demo/demo-data.sql), the viewer is tests/http.test's.
export const ROLE_USERS = {
	viewer: users.viewer,
	editor: { username: 'miriam', password: 'demo' },
	admin: users.demo,
};

export async function client(role) {
	const jar = await loggedIn(ROLE_USERS[role]);
	const home = await get('/', { jar });
	return { jar, csrf: sessionToken(home.body) };
}

// Run fn over items, at most `width` at a time; results in order.
export async function pool(items, width, fn) {
	const out = new Array(items.length);
	let next = 0;
	async function worker() {
		while (next < items.length) {
			const i = next++;
			out[i] = await fn(items[i], i);
		}
	}
	await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
	return out;
}
