// SQL-injection and XSS payloads (tests/fixtures/security/*.txt, 30 of
// each) through every text field of every form: each is stored exactly
// as typed (read back from the edit form, or the page listing it) and
// shown as text (no tag or attribute it could inject, see scriptable()).
// A field with a format (a URL, a date, a user name) may refuse a payload:
// then the message is beside that field, what was typed comes back in it,
// and the page is inert too -- each form lists such fields, so a plain
// text field that refuses a payload fails the test.
//
// Heavy (about 3,000 requests): in full on lighttpd, a sample of the
// payloads on the other servers (see HEAVY).  The records made are
// dated 2019 (outside the reports' periods) and deleted afterwards
// where the form's record can be.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	get, post, formData, pageText, selectOptions, attributes, CookieJar,
	loginToken, login,
} from './helpers.mjs';
import {
	payloads, client, pool, assertInert, scriptable, sampled, HEAVY,
} from './security-lib.mjs';

const ALL_SQLI = payloads('sqli');
const ALL_XSS = payloads('xss');
const SQLI = sampled(ALL_SQLI, 15);
const XSS = sampled(ALL_XSS, 10);

let admin;
let userEdit;	// the edit form of a user made for the user form's sweep
const parent = {};	// a live parent for a new aim, objective, goal, KPI
let kpi;		// a KPI, for its targets form
let group;		// an APPG group
before(async () => {
	admin = await client('admin');
	const username = `secedit${process.pid}`;
	const page = await get('/admin/users/new', { jar: admin.jar });
	const d = formData(page.body, '/admin/users/new');
	for (const [k, v] of Object.entries({ username, display_name: 'Sec Edit',
	    role: 'viewer', password: 'a-long-password-1', password2: 'a-long-password-1' }))
		d.set(k, v);
	assert.equal((await post('/admin/users/new', d, { jar: admin.jar })).status, 303);
	const list = (await get('/admin/users', { jar: admin.jar })).body;
	userEdit = `/admin/users/${list.match(new RegExp(`/admin/users/(\\d+)/edit">${username}<`))[1]}/edit`;
	// The seeded strategy's parts and the demo APPG group, as the pages
	// link them: their ids are not always 1 (on a Galera cluster they
	// depend on the node that took the inserts).
	const tree = (await get('/admin/strategy', { jar: admin.jar })).body;
	const first = (re, html) => {
		const m = html.match(re);
		assert.ok(m, `a link matching ${re}`);
		return m[1];
	};
	for (const kind of ['aims', 'objectives', 'goals', 'kpis'])
		parent[kind] = first(new RegExp(`/admin/strategy/${kind}/new\\?parent=(\\d+)"`), tree);
	kpi = first(/\/admin\/strategy\/kpis\/(\d+)\/targets"/, tree);
	group = first(/href="\/appg\/(\d+)">APPG on Faith and Displacement</,
	    (await get('/appg', { jar: admin.jar })).body);
});

const at = (x) => (typeof x === 'function' ? x() : x);

// The text controls of the form posting to action: text-like inputs and
// textareas, by name.
function textFields(html, action) {
	const f = html.match(new RegExp(`<form\\b[^>]*action="${action.replace(/[?]/g, '\\?')}"[^>]*>[\\s\\S]*?</form>`));
	assert.ok(f, `a form for ${action}`);
	const names = [];
	for (const m of f[0].matchAll(/<input\b[^>]*>|<textarea\b[^>]*>/gi)) {
		const a = attributes(m[0]);
		if (/^<textarea/i.test(m[0]) || ['text', 'search', 'url', 'tel', undefined].includes(a.type))
			names.push(a.name);
	}
	return names;
}

// Names of the fields a page marks aria-invalid.
function invalidFields(html) {
	return [...html.matchAll(/<(?:input|textarea|select)\b[^>]*aria-invalid="true"[^>]*>/g)]
	    .map((m) => attributes(m[0]).name);
}

// Required selects left on their empty choice get their first real one.
function chooseSelects(data, html) {
	for (const m of html.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*\brequired/g)) {
		if (data.get(m[1]))
			continue;
		const o = selectOptions(html, m[1]).find((x) => x.value);
		if (o)
			data.set(m[1], o.value);
	}
}

// The page holding spec's form.  A form for a new record is the same
// every time (the CSRF token is the session's, the version 0): fetched
// once.  A form editing one record carries its version: fetched each time.
const pages = new Map();
async function formPage(spec) {
	if (!spec.serial && pages.has(spec))
		return pages.get(spec);
	const page = await get(at(spec.page), { jar: admin.jar });
	assert.equal(page.status, 200, `GET ${at(spec.page)}`);
	pages.set(spec, page);
	return page;
}

// Fill the form of spec with payload p in every text field, post it, and
// check what comes back.  Returns the record's page address.
async function submit(spec, p, i) {
	const jar = admin.jar;
	const action = at(spec.action);
	const page = await formPage(spec);
	const data = formData(page.body, action);
	chooseSelects(data, page.body);
	for (const [k, v] of Object.entries(spec.set ? spec.set(i) : {}))
		data.set(k, v);
	const base = new URLSearchParams(data);
	const fields = textFields(page.body, action)
	    .filter((n) => !(spec.leave || []).includes(n) &&
	    !(spec.leaveRe && spec.leaveRe.test(n)));
	assert.ok(fields.length > 0, `${spec.name}: text fields`);
	for (const f of fields)
		data.set(f, p);
	let r = await post(action, data, { jar });
	let stored = fields;
	if (r.status !== 303) {
		const bad = invalidFields(r.body);
		const what = `${spec.name} with ${JSON.stringify(p)}`;
		assert.ok(r.status >= 400 && r.status < 500 && bad.length > 0,
		    `${what}: ${r.status} ${pageText(r.body).slice(0, 300)}`);
		assert.deepEqual(bad.filter((f) => !(spec.validated || []).includes(f)), [],
		    `${what}: only fields with a format refuse it`);
		assertInert(r.body, `${what}: the refusal`);
		const back = formData(r.body, action);
		for (const f of fields)
			assert.equal(back.get(f), p, `${what}: ${f} kept as typed`);
		for (const f of bad)
			data.set(f, base.get(f));
		stored = fields.filter((f) => !bad.includes(f));
		r = await post(action, data, { jar });
	}
	assert.equal(r.status, 303, `${spec.name} saved: ${pageText(r.body).slice(0, 300)}`);
	return { location: r.location, stored };
}

async function check(spec, p, location, stored) {
	const jar = admin.jar;
	const what = `${spec.name} with ${JSON.stringify(p)}`;
	const shown = await get(spec.show ? spec.show(location) : location, { jar });
	assert.equal(shown.status, 200, `${what}: its page`);
	assertInert(shown.body, `${what}: its page`);
	if (!spec.unshown)
		assert.ok(pageText(shown.body).includes(p), `${what}: shown as text`);
	if (!spec.edit)
		return;
	const url = spec.edit(location);
	const e = await get(url, { jar });
	assert.equal(e.status, 200, `${what}: ${url}`);
	assertInert(e.body, `${what}: edit form`);
	const back = formData(e.body, url);
	for (const f of stored)
		assert.equal(back.get(f), p, `${what}: ${f} stored verbatim`);
	if (spec.remove) {
		const d = await post(`${location.replace(/\?.*$/, '')}/delete`,
		    { csrf: admin.csrf, version: back.get('version') || '' }, { jar });
		assert.equal(d.status, 303, `${what}: deleted afterwards (${d.status})`);
	}
}

const itemEdit = (loc) => `${loc.replace(/\?.*$/, '')}/edit`;
let seq = 0;
const uniq = () => `${process.pid}${seq++}`;

const SPECS = [
	{ name: 'engagement', page: '/engagements/new', action: '/engagements/new',
	  set: () => ({ date: '2019-03-04', time: '' }),
	  leave: ['people', 'fu_action_0'], validated: ['media_link'],
	  edit: itemEdit, remove: true },
	{ name: 'person', page: '/people/new', action: '/people/new',
	  validated: ['phone'], edit: itemEdit, remove: true },
	{ name: 'organisation', page: '/organisations/new', action: '/organisations/new',
	  validated: ['website'], edit: itemEdit, remove: true },
	{ name: 'feed', page: '/feeds', action: '/feeds',
	  set: () => ({ url: `http://127.0.0.1:9/sec-${uniq()}.xml` }),
	  leave: ['url'] },
	{ name: 'watch term', page: '/watch-terms', action: '/watch-terms' },
	// A user's display name, through the edit form of one user (so as not
	// to make sixty accounts); the new-user form has the same field and
	// is swept with a few payloads below.
	{ name: 'user', page: () => userEdit, action: () => userEdit,
	  show: () => '/admin/users', edit: () => userEdit, serial: true },
	{ name: 'new user', page: '/admin/users/new', action: '/admin/users/new',
	  set: () => ({ username: `sec${uniq()}`, password: 'a-long-password-1',
	  password2: 'a-long-password-1', role: 'viewer' }), few: true,
	  leave: ['username'], show: () => '/admin/users' },
	{ name: 'policy area', page: '/admin/policy-areas', action: '/admin/policy-areas' },
	{ name: 'strategy', page: '/admin/strategy/strategies/new',
	  action: '/admin/strategy/strategies/new',
	  set: () => ({ first_year: '2019', years: '3' }),
	  show: () => '/admin/strategy' },
	{ name: 'aim', page: () => `/admin/strategy/aims/new?parent=${parent.aims}`,
	  action: '/admin/strategy/aims/new', set: () => ({ code: `A${uniq()}`, sort_order: '1' }),
	  leave: ['code'], show: () => '/admin/strategy' },
	{ name: 'objective', page: () => `/admin/strategy/objectives/new?parent=${parent.objectives}`,
	  action: '/admin/strategy/objectives/new',
	  set: () => ({ code: `O${uniq()}`, sort_order: '1' }), leave: ['code'],
	  show: () => '/admin/strategy' },
	{ name: 'goal', page: () => `/admin/strategy/goals/new?parent=${parent.goals}`,
	  action: '/admin/strategy/goals/new', show: () => '/admin/strategy' },
	{ name: 'KPI', page: () => `/admin/strategy/kpis/new?parent=${parent.kpis}`,
	  action: '/admin/strategy/kpis/new',
	  set: () => ({ code: `K${uniq()}`, sort_order: '1' }), leave: ['code'],
	  validated: ['unit'],
	  show: () => '/admin/strategy' },
	{ name: 'KPI targets (the reason)', page: () => `/admin/strategy/kpis/${kpi}/targets`,
	  action: () => `/admin/strategy/kpis/${kpi}/targets`, leaveRe: /^target_/,
	  // The reason is kept with the change (the audit log), not shown here.
	  show: () => `/admin/strategy/kpis/${kpi}/targets`, serial: true, few: true,
	  unshown: true },
	{ name: 'APPG group', page: '/appg/new', action: '/appg/new',
	  set: () => ({ year_end_day: '31' }), validated: ['website'],
	  edit: itemEdit },
	{ name: 'APPG meeting', page: () => `/appg/${group}/meetings/new`,
	  action: () => `/appg/${group}/meetings/new`,
	  set: () => ({ held_on: '2019-05-06' }), validated: ['chair'],
	  // The attender, guest, agenda and action rows are checked row by
	  // row with rules of their own: the meeting's own fields here.
	  leaveRe: /^(other|guest|act|item)_/,
	  edit: itemEdit },
	{ name: 'APPG benefit', page: () => `/appg/${group}`, action: () => `/appg/${group}/benefits`,
	  set: () => ({ value_pounds: '10', received_on: '2019-05-06' }) },
	{ name: 'APPG setting note', page: '/appg/settings', action: '/appg/settings',
	  set: () => ({ valid_from: '2019-01-01', value: '5' }), leave: ['value'] },
];

// At most this many submissions in flight across all forms: more only
// queue in the web server (each program is one process under test), and
// Apache's event MPM starts closing kept-alive connections under that
// load, which fetch reports as a failure.
const IN_FLIGHT = HEAVY ? 8 : 4;
let active = 0;
const waiting = [];
async function slot(fn) {
	while (active >= IN_FLIGHT)
		await new Promise((resolve) => waiting.push(resolve));
	active++;
	try {
		return await fn();
	} finally {
		active--;
		waiting.shift()?.();
	}
}

// Every payload through one form.
async function sweep(spec) {
	assert.equal(ALL_SQLI.length + ALL_XSS.length, 60);
	let all = [...SQLI, ...XSS];
	if (spec.few)
		all = [...SQLI.slice(0, 3), ...XSS.slice(0, 3)];
	// Forms showing one list page, or editing one record, are checked
	// one payload at a time.
	const width = spec.edit && !spec.serial ? 3 : 1;
	await pool(all, width, (p, i) => slot(async () => {
		const { location, stored } = await submit(spec, p, i);
		await check(spec, p, location, stored);
	}));
}

// The forms belong to different programs, each one process under test
// (tests/http.test): sweeping them all at once keeps the file quick.
// Each test waits for its own form's sweep.
let sweeps;
let minutes;
function startSweeps() {
	sweeps = new Map(SPECS.map((spec) => {
		const run = sweep(spec);
		run.catch(() => {});	// reported by the form's own test
		return [spec, run];
	}));
	minutes = minutesSweep();
	minutes.catch(() => {});
}

for (const spec of SPECS) {
	test(`${spec.name} form: SQL-injection and XSS payloads stored verbatim and shown inert`, async () => {
		if (!sweeps)
			startSweeps();
		await sweeps.get(spec);
	});
}

test('login form: payloads as the user name come back in the field, as text', async () => {
	await pool([...SQLI, ...XSS], 4, async (p) => {
		const jar = new CookieJar();
		const csrf = await loginToken(jar);
		// No password: refused before any check, so no failed login counts.
		const r = await post('/login', { csrf, username: p, password: '' }, { jar });
		assert.equal(r.status, 400, p);
		assertInert(r.body, `login with ${p}`);
		assert.equal(formData(r.body, '/login').get('username'), p);
	});
});

test('login form: SQL injection in the user name and password logs nobody in', async () => {
	// Two failed logins: well below the per-address limit the other
	// files leave (see tests/http/auth.test.mjs).
	for (const [u, pw] of [["demo' --", 'x'], ["' OR '1'='1", "' OR '1'='1"]]) {
		const r = await login(u, pw);
		assert.equal(r.status, 400, `${u} / ${pw}`);
		assert.equal(r.jar.get('tracker_session'), undefined, 'no session');
		assert.deepEqual(scriptable(r.body), []);
	}
});

// Markdown links and raw HTML that would run if the Markdown path let
// them through (the minutes are the product's Markdown).
const MARKDOWN = [
	'[a](javascript:alert(1))', '[b](JaVaScRiPt:alert(2))', '[c](  javascript:alert(3))',
	'![i](javascript:alert(4))', '[d](data:text/html,<script>alert(5)</script>)',
	'[e](java&#x73;cript:alert(6))', '[f](&#106;avascript:alert(7))',
	'<https://x.example/"onmouseover="alert(8)>', '[g](https://ok.example/" onclick="alert(9))',
	'<a href="javascript:alert(10)">z</a>', '[h]: javascript:alert(11)\n\n[h][]',
	'<div onclick=alert(12)>x</div>', '```\n</code><script>alert(13)</script>\n```',
	'[i](vbscript:msgbox(14))', '*<img src=x onerror=alert(15)>*',
];

test('APPG minutes (Markdown): every payload stored verbatim, the minutes and their versions inert', async () => {
	if (!sweeps)
		startSweeps();
	await minutes;
});

// The minutes of one meeting, edited with each payload in turn.
async function minutesSweep() {
	const jar = admin.jar;
	const page = await get(`/appg/${group}/meetings/new`, { jar });
	const d = formData(page.body, `/appg/${group}/meetings/new`);
	d.set('held_on', '2019-05-07');
	d.set('title', 'Minutes payloads');
	const made = await post(`/appg/${group}/meetings/new`, d, { jar });
	assert.equal(made.status, 303);
	const m = made.location.replace(/\?.*$/, '');
	const g = await post(`${m}/minutes/generate`, { csrf: admin.csrf, version: '0' }, { jar });
	assert.equal(g.status, 303, 'minutes generated');
	for (const p of [...sampled(MARKDOWN, 5), ...SQLI, ...XSS]) {
		const e = await get(`${m}/minutes/edit`, { jar });
		const f = formData(e.body, `${m}/minutes/edit`);
		f.set('body', `Minutes\n\n${p}\n`);
		const s = await post(`${m}/minutes/edit`, f, { jar });
		assert.equal(s.status, 303, `${p}: ${pageText(s.body).slice(0, 300)}`);
		const back = formData((await get(`${m}/minutes/edit`, { jar })).body, `${m}/minutes/edit`);
		assert.equal(back.get('body').replace(/\r\n/g, '\n'), `Minutes\n\n${p}\n`, `${p}: stored verbatim`);
		for (const u of [`${m}/minutes`, `${m}/minutes/versions`])
			assertInert((await get(u, { jar })).body, `${u} with ${JSON.stringify(p)}`);
	}
}
