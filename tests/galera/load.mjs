// A load of engagement saves for tests/galera.test and
// tests/fault-db-restart.test: LOAD_CLIENTS clients,
// each logged in as demo on one of the web servers in BASE_URLS (comma-
// separated; client i uses server i mod n), save new engagements through
// the form with its CSRF token, one after another, for LOAD_SECONDS.
// Every client logs in before any saves, and $LOAD_DIR/logged-in is
// created then: the test kills nothing before it, so no log-in meets the
// fault.  Meanwhile the test kills a database node (or the one server); it
// creates $LOAD_DIR/killed when it has, and $LOAD_DIR/restarted once it is
// back.
// Titles start with LOAD_PREFIX (galera-load); with LOAD_PERSON set, each
// save also links that person (a link row in the same transaction).  Prints one JSON object: the counts, and the titles of the
// acknowledged saves (303 to the new engagement), which the test then
// looks for on every node.
//
// A 503 page is a failed save (the database went away under it); any
// other answer is counted as "other" and its first lines are kept.

import { existsSync, writeFileSync } from 'node:fs';

const urls = (process.env.BASE_URLS || '').split(',').filter(Boolean);
const clients = Number(process.env.LOAD_CLIENTS || 4);
const seconds = Number(process.env.LOAD_SECONDS || 20);
const dir = process.env.LOAD_DIR;
const run = Date.now().toString(36);
const prefix = process.env.LOAD_PREFIX || 'galera-load';
const person = process.env.LOAD_PERSON || '';
if (urls.length === 0 || !dir)
	throw new Error('BASE_URLS and LOAD_DIR must be set (tests/galera.test)');

const counts = { attempted: 0, acknowledged: 0, failed: 0, other: 0,
    acknowledged_after_kill: 0, failed_after_kill: 0,
    acknowledged_after_restart: 0 };
const acked = [];
const failedTitles = [];
const others = [];

function cookies(jar, res) {
	for (const c of res.headers.getSetCookie()) {
		const [pair] = c.split(';');
		const eq = pair.indexOf('=');
		jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
	}
}

async function send(base, jar, path, form) {
	const headers = { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
	    Origin: new URL(base).origin };
	const init = { headers, redirect: 'manual' };
	if (form) {
		init.method = 'POST';
		init.body = new URLSearchParams(form).toString();
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
	}
	const res = await fetch(base + path, init);
	const body = await res.text();
	cookies(jar, res);
	return { status: res.status, location: res.headers.get('location'), body };
}

// The value of the first <input name="csrf">, whatever the attribute order.
const csrfOf = (html) => {
	for (const tag of html.match(/<input\b[^>]*>/g) || []) {
		const v = tag.match(/\bvalue="([0-9a-f]{64})"/);
		if (/\bname="csrf"/.test(tag) && v)
			return v[1];
	}
	return null;
};

async function logIn(base) {
	const jar = new Map();
	const form = await send(base, jar, '/login');
	const r = await send(base, jar, '/login', { csrf: csrfOf(form.body),
	    username: 'demo', password: 'demo' });
	if (r.status !== 303)
		throw new Error(`login on ${base}: ${r.status}`);
	const home = await send(base, jar, '/');
	const csrf = csrfOf(home.body);
	if (!csrf)
		throw new Error(`no CSRF token on ${base}/`);
	return { jar, csrf };
}

// Half the saves are for one day (what the team met today: the counters
// of that day are a hot spot, where saves on two nodes conflict), the
// rest spread over the strategy year 2024-25.
function day() {
	if (Math.random() < 0.5)
		return '2025-01-15';
	const d = new Date(Date.UTC(2024, 6, 1) + Math.floor(Math.random() * 365) * 864e5);
	return d.toISOString().slice(0, 10);
}

async function client(i, s, until) {
	const base = urls[i % urls.length];
	for (let n = 1; Date.now() < until; n++) {
		const title = `${prefix}-${run}-c${i}-n${n}`;
		const killed = existsSync(`${dir}/killed`);
		const restarted = existsSync(`${dir}/restarted`);
		counts.attempted++;
		let r;
		try {
			const form = {
				csrf: s.csrf, op: 'save', version: '0', date: day(),
				time: '', type: 'meeting', title, people: '', summary: '',
				outcome: '', media_outlet: '', media_medium: '',
				media_programme: '', media_link: '', fu_count: '0',
			};
			if (person)
				form.person_id = person;
			r = await send(base, s.jar, '/engagements/new', form);
		} catch (e) {
			r = { status: 0, body: String(e) };
		}
		if (r.status === 303 && /^\/engagements\/\d+\?saved=1$/.test(r.location || '')) {
			counts.acknowledged++;
			if (killed)
				counts.acknowledged_after_kill++;
			if (restarted)
				counts.acknowledged_after_restart++;
			acked.push(title);
		} else if (r.status === 503) {
			counts.failed++;
			if (killed)
				counts.failed_after_kill++;
			failedTitles.push(title);
		} else {
			counts.other++;
			others.push(`${r.status} ${title}: ${r.body.replace(/<[^>]*>/g, ' ')
			    .replace(/\s+/g, ' ').slice(0, 200)}`);
		}
	}
}

const ids = [...Array(clients).keys()];
const sessions = await Promise.all(ids.map((i) => logIn(urls[i % urls.length])));
writeFileSync(`${dir}/logged-in`, '');
const until = Date.now() + seconds * 1000;
await Promise.all(ids.map((i) => client(i, sessions[i], until)));
writeFileSync(`${dir}/load.json`, JSON.stringify({ ...counts, acked,
    failed_titles: failedTitles, others: others.slice(0, 10) }));
console.log(JSON.stringify(counts));
