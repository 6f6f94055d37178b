// HTTP tier: the board dashboard and the strategy as data (reports.fcgi,
// strategy.fcgi): every Advocating KPI with target, actual and chart; the
// default and chosen month; numbers that link to exactly the engagements
// behind them; permissions (viewers read, editors freeze and enter
// months, admins edit the strategy); CSRF; a reason required for every
// change and drop, and the decision log; optimistic concurrency; freezing
// a month for the board; escaping.
//
// The demo data fills 2024-25.  Tests that need exact numbers make a KPI
// of their own whose rule counts only a policy area of their own, so
// other test files' engagements never matter.  Tests are flat so that
// automake's TAP driver counts each.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	ORIGIN, users, request, get, loggedIn, pageText, sessionToken,
	attributes, decodeEntities,
} from './helpers.mjs';

const RUN = 'kp' + Date.now().toString(36).slice(-5) + Math.random().toString(36).slice(2, 4);
let seq = 0;
const token = () => `${RUN}${++seq}`;

// --- sessions -------------------------------------------------------------

const sessions = new Map();
function session(key, make) {
	if (!sessions.has(key))
		sessions.set(key, make());
	return sessions.get(key);
}

async function open(user) {
	const jar = await loggedIn(user);
	const r = await get('/', { jar });
	assert.equal(r.status, 200, `GET / as ${user.username}`);
	return { jar, csrf: sessionToken(r.body), user };
}

const admin = () => session('demo', () => open(users.demo));
const viewer = () => session('viewer', () => open(users.viewer));
const editor = () => session('editor', async () => {
	const username = `${RUN}ed`;
	const u = { username, password: `${username}-pass-1`, name: `Editor ${username}` };
	const r = await send(admin(), '/admin/users/new', {
		username, display_name: u.name, role: 'editor',
		password: u.password, password2: u.password,
	});
	assert.equal(r.status, 303, `create editor: ${mainText(r.body)}`);
	return open(u);
});

async function view(who, path) {
	const c = await who;
	return get(path, { jar: c.jar });
}

// POST as a browser on this site would: Origin and the session's csrf
// unless the fields carry one.
async function send(who, path, fields = {}) {
	const c = await who;
	const body = new URLSearchParams(fields);
	if (!body.has('csrf'))
		body.set('csrf', c.csrf);
	return request(path, { method: 'POST', body, jar: c.jar, headers: { Origin: ORIGIN } });
}

function main(html) {
	const m = html.match(/<main\b[^>]*>([\s\S]*)<\/main>/);
	return m ? m[1] : html;
}
const mainText = (html) => pageText(main(html));

// --- reading the dashboard ------------------------------------------------

// The KPI rows: { CODE: { id, label, target, expected, actual, href,
// status, chart } } with the cells' text.
function kpiRows(html) {
	const out = {};
	for (const m of html.matchAll(/<tr class="kpi[^"]*">([\s\S]*?)<\/tr>/g)) {
		const row = m[1];
		const code = row.match(/<span class="code">([^<]*)<\/span>/)[1];
		const kpiLink = row.match(/<a href="\/reports\/kpis\/(\d+)\?year=[^"]*">([\s\S]*?)<\/a>/);
		const cells = [...row.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]);
		const ytd = cells[2].match(/<a href="([^"]*)"/);
		out[code] = {
			id: kpiLink ? Number(kpiLink[1]) : undefined,
			label: kpiLink ? pageText(kpiLink[2]) : undefined,
			target: pageText(cells[0]),
			expected: pageText(cells[1]),
			actual: pageText(cells[2]),
			href: ytd ? decodeEntities(ytd[1]) : undefined,
			status: pageText(cells[3]),
			chart: cells[4],
		};
	}
	return out;
}

async function dashboard(query = 'year=2024-25', who = viewer()) {
	const r = await view(who, `/reports/dashboard?${query}`);
	assert.equal(r.status, 200, `GET /reports/dashboard?${query}: ${mainText(r.body)}`);
	return { body: r.body, rows: kpiRows(r.body) };
}

// The engagement list behind a link: { total, counted, what }.
async function behind(href, who = viewer()) {
	const r = await view(who, href);
	assert.equal(r.status, 200, `GET ${href}`);
	const total = r.body.match(/<p role="status">(\d+) engagements?<\/p>/);
	const banner = pageText(r.body).match(/(\d+) (engagements|people|organisations) counted/);
	assert.ok(total && banner, `the list and its KPI heading at ${href}`);
	return { total: Number(total[1]), counted: Number(banner[1]), what: banner[2] };
}

const num = (text) => Number(text.replace(/[£,%]/g, ''));

// --- records of this file's own ---------------------------------------------

// A policy area of its own; returns its id.
async function newArea(name) {
	const r = await send(admin(), '/admin/policy-areas', { name, priority: 'no' });
	assert.equal(r.status, 303, `add ${name}: ${mainText(r.body)}`);
	const list = await view(admin(), '/admin/policy-areas');
	const m = list.body.match(new RegExp(
	    `<a href="/admin/policy-areas/(\\d+)/edit" aria-label="Edit ${name}">`));
	assert.ok(m, `${name} is listed`);
	return Number(m[1]);
}

// Log an engagement through the form; returns its id.
async function newEngagement(who, e) {
	const p = new URLSearchParams({
		version: '0', time: '', title: `${RUN} engagement`, people: '',
		summary: '', outcome: '', media_outlet: '', media_medium: '',
		media_programme: '', media_link: '', fu_count: '0', op: 'save',
		...e.fields,
	});
	for (const id of e.areas || [])
		p.append('area_id', String(id));
	const r = await send(who, '/engagements/new', p);
	assert.equal(r.status, 303, `save an engagement: ${mainText(r.body)}`);
	return Number(r.location.match(/^\/engagements\/(\d+)/)[1]);
}

// The id of objective CODE on the strategy page.
async function objectiveId(code) {
	const r = await view(admin(), '/admin/strategy');
	assert.equal(r.status, 200);
	const m = r.body.match(new RegExp(`id="objective-(\\d+)"><h3>${code} `));
	assert.ok(m, `objective ${code} on the strategy page`);
	return Number(m[1]);
}

// A counted KPI under objective A1 whose rule counts meetings tagged with
// a policy area of its own.  Returns { id, code, label, area, version }.
const ownKpi = () => session('own-kpi', async () => {
	const code = 'Z' + RUN.slice(-6);
	const label = `Meetings on ${RUN}`;
	const area = await newArea(`${RUN} area`);
	const parent = await objectiveId('A1');
	let r = await send(admin(), '/admin/strategy/kpis/new', {
		parent, version: '0', code, label, key_measure: '0', unit: 'meetings',
		source: 'counted', accumulate: 'sum', sort_order: '100',
		reason: `Testing ${RUN}`,
	});
	assert.equal(r.status, 303, `add KPI ${code}: ${mainText(r.body)}`);
	const tree = await view(admin(), '/admin/strategy');
	const m = tree.body.match(new RegExp(
	    `href="/admin/strategy/kpis/(\\d+)/rule" aria-label="Counting rule of KPI ${code}"`));
	assert.ok(m, `KPI ${code} has its rule link`);
	const id = Number(m[1]);
	r = await send(admin(), `/admin/strategy/kpis/${id}/rule`, {
		version: '1', measure: 'engagements', newness: 'any',
		decision_makers: '0', type: 'meeting', area: String(area),
		reason: `Only meetings on ${RUN}`,
	});
	assert.equal(r.status, 303, `set the rule: ${mainText(r.body)}`);
	return { id, code, label, area, version: 2 };
});

// --- tests ----------------------------------------------------------------

test('the dashboard shows every Advocating KPI with its target, actual and chart', async () => {
	const { body, rows } = await dashboard();
	const codes = ['A1a', 'A1b', 'A1c', 'A1d', 'A1e', 'A1f', 'A2a', 'A2b', 'A2c',
	    'A3a', 'A3b', 'A3c', 'A3d', 'A4a', 'A4b', 'A4c', 'A4d', 'A4e', 'A5a',
	    'A5b', 'A6a', 'A6b'];
	for (const code of codes) {
		const k = rows[code];
		assert.ok(k, `${code} is on the dashboard`);
		assert.match(k.target, /^[£\d]/, `${code} has a target`);
		assert.match(k.actual, /^[£\d]/, `${code} has an actual`);
		assert.match(k.chart, /^<svg class="chart"[^>]*role="group"[^>]*aria-labelledby="chart-\d+-title"/,
		    `${code} has its chart`);
		assert.match(k.chart, new RegExp(`<title id="chart-\\d+-title">${code} by month: July 2024 `),
		    `${code}'s chart says its months in words`);
		assert.match(k.status, /^(on track|at risk|behind)$/, `${code}'s status in words`);
	}
	// Key measures first within the aim.
	const order = [...body.matchAll(/<span class="code">(A\d[a-z])<\/span>/g)].map((m) => m[1]);
	assert.deepEqual(order.slice(0, 3), ['A1a', 'A1c', 'A5a']);
	// The other aims are there too, entered by hand.
	for (const code of ['M1b', 'S1a', 'T1a', 'T7c'])
		assert.ok(rows[code], `${code} is on the dashboard`);
	assert.match(mainText(body), /on track at 90% of it or more, at risk from 70%, behind below 70%/);
	assert.match(body, /<span class="status status-(on-track|at-risk|behind)">/);
});

test('the dashboard defaults to the latest complete month and takes another', async () => {
	let r = await dashboard();
	assert.match(r.body, /<h1>Board dashboard 2024-25: June 2025<\/h1>/);
	r = await dashboard('year=2024-25&month=2024-12');
	assert.match(r.body, /<h1>Board dashboard 2024-25: December 2024<\/h1>/);
	assert.match(mainText(r.body), /figures from 2024-07-01 to 2024-12-31/);
	// Months after the chosen one have no bar.
	assert.doesNotMatch(r.rows.A1c.chart, /from=2025-01-01/);
	r = await dashboard('year=2024-25&month=2030-01');
	assert.match(mainText(r.body), /That month is not in this strategy year/);
	assert.match(r.body, /<h1>Board dashboard 2024-25: June 2025<\/h1>/);
	let bad = await view(viewer(), '/reports/dashboard?year=2024-26');
	assert.equal(bad.status, 400);
	bad = await view(viewer(), '/reports/dashboard?year=2040-41');
	assert.equal(bad.status, 404);
	assert.match(mainText(bad.body), /No strategy covers that year/);
	const plain = await view(viewer(), '/reports/dashboard');
	assert.equal(plain.status, 200);
});

test('every counted number lists exactly the engagements behind it', async () => {
	const { rows } = await dashboard();
	let checked = 0;
	for (const [code, k] of Object.entries(rows)) {
		if (!k.href)
			continue;
		const b = await behind(k.href);
		assert.equal(b.counted, num(k.actual), `${code}: the list's heading agrees`);
		if (b.what === 'engagements')
			assert.equal(b.total, num(k.actual), `${code}: as many engagements as counted`);
		else
			assert.ok(b.total >= 1 || num(k.actual) === 0, `${code}: its engagements are listed`);
		checked++;
	}
	assert.equal(checked, 15, 'the 15 counted Advocating KPIs link to their engagements');
});

test('a KPI of our own counts exactly its rule, and its bars link to their months', async () => {
	const k = await ownKpi();
	const e = await editor();
	for (const date of ['2024-10-03', '2024-10-17', '2025-02-11'])
		await newEngagement(e, { fields: { type: 'meeting', date }, areas: [k.area] });
	await newEngagement(e, { fields: { type: 'correspondence', date: '2024-10-04' }, areas: [k.area] });
	await newEngagement(e, { fields: { type: 'meeting', date: '2024-10-05' } });
	await newEngagement(e, { fields: { type: 'meeting', date: '2025-07-01' }, areas: [k.area] });
	const { rows } = await dashboard();
	const row = rows[k.code];
	assert.ok(row, `${k.code} is on the dashboard`);
	assert.equal(row.actual, '3');
	const b = await behind(row.href);
	assert.deepEqual(b, { total: 3, counted: 3, what: 'engagements' });
	const bar = row.chart.match(/<a href="([^"]*from=2024-10-01&amp;to=2024-10-31)" aria-label="October 2024: 2, show the engagements"/);
	assert.ok(bar, 'October has a bar of 2 that links to its month');
	assert.equal((await behind(decodeEntities(bar[1]))).total, 2);
	const next = await dashboard('year=2025-26&month=2025-07');
	assert.equal(next.rows[k.code].actual, '1', '1 July is in the next year');
});

test('targets and status: a target set with a reason is judged pro rata', async () => {
	const k = await ownKpi();
	let r = await send(admin(), `/admin/strategy/kpis/${k.id}/targets`, {
		version: String(k.version), target_2024: '24', target_2025: '',
		target_2026: '30', reason: '',
	});
	assert.equal(r.status, 400, 'a reason is required');
	assert.match(r.body, /<p class="error-message" id="f-reason-error">Reason for this change is required\.<\/p>/);
	assert.match(r.body, /id="f-target_2024"[^>]*value="24"/, 'what was typed is kept');
	r = await send(admin(), `/admin/strategy/kpis/${k.id}/targets`, {
		version: String(k.version), target_2024: '24', target_2025: 'lots',
		target_2026: '30', reason: 'Board agreed',
	});
	assert.equal(r.status, 400, 'a target must be a number');
	assert.match(r.body, /id="f-target_2025-error"/);
	r = await send(admin(), `/admin/strategy/kpis/${k.id}/targets`, {
		version: String(k.version), target_2024: '24', target_2025: '',
		target_2026: '30', reason: `Board agreed ${RUN}`,
	});
	assert.equal(r.status, 303, mainText(r.body));
	k.version++;
	const dec = await dashboard('year=2024-25&month=2024-12');
	const row = dec.rows[k.code];
	assert.equal(row.target, '24');
	assert.equal(row.expected, '12', 'half the year: half the target');
	assert.equal(row.status, 'behind', `${row.actual} of 12 is behind`);
	const jun = await dashboard('year=2024-25&month=2025-06');
	assert.equal(jun.rows[k.code].expected, '24');
});

test('viewers read the reports; editors freeze and enter months; only admins edit the strategy', async () => {
	for (const path of ['/reports', '/reports/dashboard?year=2024-25', '/reports/snapshots',
	    '/reports/decisions'])
		assert.equal((await view(viewer(), path)).status, 200, `viewer GET ${path}`);
	const { body, rows } = await dashboard();
	assert.doesNotMatch(body, /action="\/reports\/dashboard\/freeze"/, 'no freeze button for viewers');
	const kpiPage = await view(viewer(), `/reports/kpis/${rows.A1e.id}?year=2024-25`);
	assert.equal(kpiPage.status, 200);
	assert.doesNotMatch(kpiPage.body, /class="value-form/, 'no value forms for viewers');
	for (const who of [viewer(), editor()]) {
		const c = await who;
		for (const path of ['/admin/strategy', '/admin/strategy/kpis/1/edit',
		    '/admin/strategy/kpis/1/rule'])
			assert.equal((await view(who, path)).status, 403, `${c.user.username} GET ${path}`);
		const r = await send(who, `/admin/strategy/kpis/${rows.A1a.id}/drop`,
		    { version: '1', reason: 'not mine to drop' });
		assert.equal(r.status, 403, `${c.user.username} cannot drop a KPI`);
	}
	assert.equal((await send(viewer(), '/reports/dashboard/freeze',
	    { year: '2024-25', month: '2024-07' })).status, 403);
	assert.equal((await send(viewer(), `/reports/kpis/${rows.A1e.id}/values`,
	    { month: '2024-07', value: '1', version: '1' })).status, 403);
	const anon = await get('/reports/dashboard');
	assert.equal(anon.status, 303);
	assert.match(anon.location, /^\/login\?next=/);
	assert.equal((await view(admin(), '/admin/strategy')).status, 200);
	const editorPage = await view(editor(), `/reports/kpis/${rows.A1e.id}?year=2024-25`);
	assert.match(editorPage.body, /class="value-form/, 'editors get the value forms');
});

test('every POST needs the session CSRF token and this site as Origin', async () => {
	const c = await editor();
	let r = await request('/reports/dashboard/freeze', { method: 'POST', jar: c.jar,
	    headers: { Origin: ORIGIN }, form: { year: '2024-25', month: '2024-07' } });
	assert.equal(r.status, 403, 'no token');
	r = await request('/reports/dashboard/freeze', { method: 'POST', jar: c.jar,
	    headers: { Origin: ORIGIN }, form: { csrf: 'f'.repeat(64), year: '2024-25', month: '2024-07' } });
	assert.equal(r.status, 403, 'a wrong token');
	r = await request('/reports/dashboard/freeze', { method: 'POST', jar: c.jar,
	    headers: { Origin: 'http://evil.example' }, form: { csrf: c.csrf, year: '2024-25', month: '2024-07' } });
	assert.equal(r.status, 403, 'another site');
	const a = await admin();
	r = await request('/admin/strategy/aims/1/edit', { method: 'POST', jar: a.jar,
	    headers: { Origin: ORIGIN }, form: { version: '1', code: 'A', name: 'x', statement: '',
	    sort_order: '1', reason: 'no token' } });
	assert.equal(r.status, 403);
});

test('every change and drop asks for a reason, and the decision log says who, when, what and why', async () => {
	const k = await ownKpi();
	const edit = await view(admin(), `/admin/strategy/kpis/${k.id}/edit`);
	assert.equal(edit.status, 200);
	assert.match(edit.body, /<label for="f-reason">Reason for this change<\/label>/);
	const fields = {
		version: String(k.version), code: k.code, label: `${k.label} (renamed)`,
		key_measure: '1', unit: 'meetings', source: 'counted', accumulate: 'sum',
		sort_order: '100', reason: '  ',
	};
	let r = await send(admin(), `/admin/strategy/kpis/${k.id}/edit`, fields);
	assert.equal(r.status, 400);
	assert.match(r.body, /id="f-reason-error">Reason for this change is required\.</);
	assert.match(r.body, new RegExp(`id="f-label"[^>]*value="${k.label} \\(renamed\\)"`), 'the typed label is kept');
	const why = `Made a key measure at the ${RUN} review`;
	r = await send(admin(), `/admin/strategy/kpis/${k.id}/edit`, { ...fields, reason: why });
	assert.equal(r.status, 303, mainText(r.body));
	k.version++;
	k.label = `${k.label} (renamed)`;
	// Dropping asks for a reason too.
	r = await send(admin(), `/admin/strategy/kpis/${k.id}/drop`, { version: String(k.version), reason: '' });
	assert.equal(r.status, 400);
	assert.match(r.body, /id="f-reason-error"/);
	r = await send(admin(), `/admin/strategy/kpis/${k.id}/drop`,
	    { version: String(k.version), reason: `Dropped at the ${RUN} review` });
	assert.equal(r.status, 303);
	k.version++;
	assert.equal((await dashboard()).rows[k.code], undefined, 'a dropped KPI leaves the dashboard');
	r = await send(admin(), `/admin/strategy/kpis/${k.id}/restore`,
	    { version: String(k.version), reason: `Restored at the ${RUN} review` });
	assert.equal(r.status, 303);
	k.version++;
	assert.ok((await dashboard()).rows[k.code], 'restored, it is back');
	const log = await view(viewer(), '/reports/decisions');
	assert.equal(log.status, 200);
	const entries = [...log.body.matchAll(/<li class="decision">([\s\S]*?)<\/li>/g)].map((m) => m[1])
	    .filter((e) => e.includes(`KPI ${k.code} `));
	const text = entries.map(pageText);
	assert.match(text[0], new RegExp(`KPI ${k.code} .* — restored .* by demo Why: Restored at the ${RUN} review`));
	assert.match(text[1], /— dropped .* Why: Dropped at the/);
	assert.match(text[2], new RegExp(`— changed \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC by demo Why: ${why}`));
	assert.match(text[2], /label .* \(renamed\)/, 'what changed, from what to what');
	assert.match(text[2], /key measure no yes/);
	assert.ok(text.some((t) => /— counting rule changed .*engagement types Meeting/.test(t)), 'the rule change is logged');
	assert.ok(text.some((t) => /— added .*Why: Testing/.test(t)), 'its creation is logged');
	// The migration's own entry: where the strategy came from.
	assert.match(pageText(log.body), /HIAS\+JCORE strategy 2024–2027 — added .* by migration 007/);
});

test('two admins editing one KPI: the second gets both versions, not an overwrite', async () => {
	const k = await ownKpi();
	const fields = {
		version: String(k.version), code: k.code, label: `${RUN} first`,
		key_measure: '0', unit: 'meetings', source: 'counted', accumulate: 'sum',
		sort_order: '100', reason: 'first edit',
	};
	let r = await send(admin(), `/admin/strategy/kpis/${k.id}/edit`, fields);
	assert.equal(r.status, 303);
	r = await send(admin(), `/admin/strategy/kpis/${k.id}/edit`,
	    { ...fields, label: `${RUN} second`, reason: 'second edit' });
	assert.equal(r.status, 409);
	assert.match(mainText(r.body), /Someone else saved this record first/);
	assert.match(r.body, new RegExp(`<td>${RUN} second</td><td>${RUN} first</td>`));
	assert.match(r.body, new RegExp(`name="version" value="${k.version + 1}"`), 'the form is at the saved version');
	k.version++;
	k.label = `${RUN} first`;
	r = await send(admin(), `/admin/strategy/kpis/${k.id}/rule`, {
		version: String(k.version), measure: 'engagements', newness: 'any',
		decision_makers: '0', type: 'no_such_type', reason: 'bad box',
	});
	assert.equal(r.status, 400);
	assert.match(mainText(r.body), /One of the ticked boxes is not on offer/);
});

test('editors enter a month of a manual KPI; bad values come back with what was typed', async () => {
	const { rows } = await dashboard();
	const id = rows.A1f.id;
	const page = await view(editor(), `/reports/kpis/${id}?year=2025-26`);
	assert.equal(page.status, 200);
	const form = page.body.match(/<form method="post" action="\/reports\/kpis\/\d+\/values" class="value-form">(?:(?!<\/form>)[\s\S])*?name="month" value="2025-08"[\s\S]*?<\/form>/);
	assert.ok(form, 'August 2025 has its form');
	const version = attributes(form[0].match(/<input type="hidden" name="version"[^>]*>/)[0]).value;
	let r = await send(editor(), `/reports/kpis/${id}/values`,
	    { month: '2025-08', value: '12,000', note: 'typed', version, op: 'save' });
	assert.equal(r.status, 400);
	assert.match(r.body, /<p class="error-message" id="v-2025-08-error">Enter a number such as 12 or 2\.5/);
	assert.match(r.body, /id="v-2025-08-value"[^>]*value="12,000"/);
	assert.match(r.body, /id="v-2025-08-note"[^>]*value="typed"/);
	r = await send(editor(), `/reports/kpis/${id}/values`,
	    { month: '2025-08', value: '777', note: `${RUN} note`, version, op: 'save' });
	assert.equal(r.status, 303, mainText(r.body));
	assert.equal(r.location, `/reports/kpis/${id}?year=2025-26&saved=1`);
	const after = await view(viewer(), `/reports/kpis/${id}?year=2025-26`);
	assert.match(pageText(after.body), new RegExp(`August 2025 777 ${RUN} note`));
	r = await send(editor(), `/reports/kpis/${id}/values`,
	    { month: '2025-08', value: '778', note: '', version, op: 'save' });
	assert.equal(r.status, 409, 'a stale version is refused');
	const counted = await send(editor(), `/reports/kpis/${rows.A1c.id}/values`,
	    { month: '2025-08', value: '3', version: '0', op: 'save' });
	assert.equal(counted.status, 400, 'counted KPIs take no values');
});

test('freezing a month keeps its figures whatever is recorded later', async () => {
	const e = await editor();
	let r = await send(e, '/reports/dashboard/freeze', { year: '2024-25', month: '2024-09' });
	assert.equal(r.status, 303);
	const m = r.location.match(/^\/reports\/snapshots\/(\d+)\?frozen=1$/);
	assert.ok(m, `redirected to the snapshot: ${r.location}`);
	const snap = await view(viewer(), `/reports/snapshots/${m[1]}`);
	assert.equal(snap.status, 200);
	assert.match(mainText(snap.body), new RegExp(`Frozen for the board on \\d{4}-\\d\\d-\\d\\d at \\d\\d:\\d\\d UTC by ${e.user.username}\\. These figures do not change\\.`));
	assert.doesNotMatch(snap.body, /action="\/reports\/dashboard\/freeze"/, 'a snapshot cannot be frozen again');
	assert.doesNotMatch(snap.body, /href="\/engagements\?kpi=/, 'a snapshot links to no live list');
	const frozen = kpiRows(snap.body);
	const live = (await dashboard('year=2024-25&month=2024-09')).rows;
	assert.equal(frozen.A1c.actual, live.A1c.actual);
	assert.equal(frozen.A1e.actual, live.A1e.actual);
	// Record a broadcast interview in September 2024.
	await newEngagement(e, { fields: { type: 'media_appearance', date: '2024-09-20',
	    media_medium: 'broadcast' } });
	const later = (await dashboard('year=2024-25&month=2024-09')).rows;
	assert.equal(num(later.A1c.actual), num(frozen.A1c.actual) + 1, 'the live dashboard moves on');
	const again = kpiRows((await view(viewer(), `/reports/snapshots/${m[1]}`)).body);
	assert.equal(again.A1c.actual, frozen.A1c.actual, 'the frozen pack does not');
	const list = await view(viewer(), '/reports/snapshots');
	assert.match(list.body, new RegExp(`<a href="/reports/snapshots/${m[1]}">September 2024</a>`));
	const dash = await view(e, '/reports/dashboard?year=2024-25&month=2024-09');
	assert.match(mainText(dash.body), /September 2024 has been frozen \d+ times? already/);
	assert.equal((await view(viewer(), '/reports/snapshots/999999')).status, 404);
});

test('what admins type is escaped on every page that shows it', async () => {
	const k = await ownKpi();
	const nasty = `<img src=x onerror=alert(1)> "${RUN}" & co`;
	const r = await send(admin(), `/admin/strategy/kpis/${k.id}/edit`, {
		version: String(k.version), code: k.code, label: nasty,
		key_measure: '0', unit: 'meetings', source: 'counted', accumulate: 'sum',
		sort_order: '100', reason: '<script>alert(2)</script>',
	});
	assert.equal(r.status, 303, mainText(r.body));
	k.version++;
	for (const path of ['/reports/dashboard?year=2024-25', '/reports/decisions',
	    `/reports/kpis/${k.id}`, '/admin/strategy']) {
		const p = await view(admin(), path);
		assert.equal(p.status, 200, path);
		assert.doesNotMatch(p.body, /<img src=x/, `${path}: no raw markup`);
		assert.doesNotMatch(p.body, /<script>alert/, `${path}: no raw script`);
		assert.match(p.body, /&lt;img src=x onerror=alert\(1\)&gt; &quot;/, `${path}: escaped`);
	}
});
