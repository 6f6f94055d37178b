// HTTP tier: the policy engagement report (reports.fcgi) at
// /reports/engagement: login and roles, the default period, each format
// (HTML, CSV, JSON), the JSON total against /engagements.csv for the same
// dates, the CSV against the page, every number against the length of
// the list it links to, the /engagements filters the links use, party on
// the engagement's date, deletions, and bad periods.
//
// The counts are checked on engagements this file logs in strategy year
// 2011-12 (and 2010-11, a year earlier), which no other test and no demo
// record uses, so other files running at the same time cannot move them.
// Tests are flat so that automake's TAP driver counts each.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	ORIGIN, users, request, get, loggedIn, pageText, sessionToken,
	selectOptions, attributes, decodeEntities, parseCsv,
} from './helpers.mjs';

const RUN = 'rp' + Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
let seq = 0;
const token = () => `${RUN}t${++seq}`;

const YEAR = { from: '2011-07-01', to: '2012-06-30' };
const EARLIER = { from: '2010-07-01', to: '2011-06-30' };
const REPORT = `/reports/engagement?from=${YEAR.from}&to=${YEAR.to}`;

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

async function view(who, path) {
	const c = await who;
	return get(path, { jar: c.jar });
}

async function send(who, path, fields) {
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

// --- making records -------------------------------------------------------

function engagementForm(e) {
	const { personIds = [], orgs = [], areas = [], ...rest } = e;
	const p = new URLSearchParams({
		version: '0', time: '', type: 'meeting', people: '', summary: '',
		outcome: '', media_outlet: '', media_medium: '', media_programme: '',
		media_link: '', fu_count: '0', ...rest,
	});
	for (const id of personIds)
		p.append('person_id', String(id));
	for (const id of orgs)
		p.append('org_id', String(id));
	for (const id of areas)
		p.append('area_id', String(id));
	return p;
}

async function createEngagement(e) {
	const body = engagementForm(e);
	body.set('op', 'save');
	const r = await send(admin(), '/engagements/new', body);
	assert.equal(r.status, 303, `save "${e.title}": ${mainText(r.body)}`);
	const m = (r.location || '').match(/^\/engagements\/(\d+)\?saved=1$/);
	assert.ok(m, `redirected to the engagement: ${r.location}`);
	return Number(m[1]);
}

async function newPerson(name, category, party = '') {
	const body = engagementForm({ date: YEAR.from, title: '', new_name: name,
	    new_category: category, new_party: party,
	    new_basis: 'legitimate_interests', op: 'new_person' });
	const r = await send(admin(), '/engagements/new', body);
	assert.equal(r.status, 200, `add ${name}: ${mainText(r.body)}`);
	const m = [...r.body.matchAll(/<input\b([^>]*\bname="person_id"[^>]*)>/g)]
	    .map((x) => attributes(`<input ${x[1]}>`));
	assert.equal(m.length, 1, `${name} is on the form`);
	return Number(m[0].value);
}

async function createOrg(name, kind, medium = '') {
	const r = await send(admin(), '/organisations/new', {
		name, kind, medium, parent: '', website: '', notes: '', version: '',
	});
	assert.equal(r.status, 303, `create organisation ${name}: ${mainText(r.body)}`);
	return Number(r.location.match(/^\/organisations\/(\d+)/)[1]);
}

async function createArea(name) {
	const r = await send(admin(), '/admin/policy-areas', { name, priority: 'yes' });
	assert.equal(r.status, 303, `add policy area ${name}: ${mainText(r.body)}`);
	const page = await view(admin(), '/engagements/new');
	const o = selectOptions(page.body, 'area_id').find((x) => x.label === `${name} (priority)`);
	assert.ok(o, `${name} is among the policy areas`);
	return Number(o.value);
}

// The cast and the engagements of 2011-12 and 2010-11, made once.
const world = () => session('world', async () => {
	const tok = token();
	const w = { tok };
	w.labour = await newPerson(`Lab ${tok}`, 'mp', `Labour ${tok}`);
	w.tory = await newPerson(`Con ${tok}`, 'mp', `Conservative ${tok}`);
	w.writer = await newPerson(`Jo ${tok}`, 'journalist');
	w.official = await newPerson(`Civ ${tok}`, 'civil_servant');
	w.desk = await createOrg(`Desk ${tok}`, 'fcdo_desk');
	w.radio = await createOrg(`Radio ${tok}`, 'media_outlet', 'broadcast');
	w.area = await createArea(`Area ${tok}`);
	// Both MPs met first on 1 July 2011, the first day of the year.
	w.both = await createEngagement({ date: '2011-07-01', title: `Both ${tok}`,
	    personIds: [w.labour, w.tory], orgs: [w.desk], areas: [w.area],
	    outcome: `They agreed ${tok}.` });
	w.briefing = await createEngagement({ date: '2012-06-30', type: 'written_briefing',
	    title: `Briefing ${tok}`, personIds: [w.labour], areas: [w.area] });
	w.interview = await createEngagement({ date: '2011-10-10', type: 'media_appearance',
	    title: `Interview ${tok}`, personIds: [w.writer], media_outlet: String(w.radio),
	    media_medium: 'broadcast' });
	w.earlier = await createEngagement({ date: '2011-06-30', title: `Earlier ${tok}`,
	    personIds: [w.official] });
	w.later = await createEngagement({ date: '2011-11-11', title: `Later ${tok}`,
	    personIds: [w.official] });
	w.next = await createEngagement({ date: '2012-07-01', title: `Next ${tok}`,
	    personIds: [w.official] });
	return w;
});

// --- reading the report ---------------------------------------------------

async function reportJson(period = YEAR, who = admin()) {
	const r = await view(who, `/reports/engagement?from=${period.from}&to=${period.to}&format=json`);
	assert.equal(r.status, 200, `JSON report: ${r.body}`);
	assert.match(r.headers.get('content-type'), /^application\/json/);
	return JSON.parse(r.body);
}

// The number of rows /engagements.csv lists for an /engagements URL.
async function csvRows(url) {
	const u = new URL(url, ORIGIN);
	assert.equal(u.pathname, '/engagements', `a link to the list: ${url}`);
	const r = await view(admin(), `/engagements.csv${u.search}`);
	assert.equal(r.status, 200, `GET /engagements.csv${u.search}`);
	return parseCsv(r.body).length - 1;
}

// The "N engagements" the list page says for an /engagements URL.
async function listTotal(url) {
	const r = await view(admin(), url);
	assert.equal(r.status, 200, `GET ${url}`);
	const m = r.body.match(/<p role="status">(\d+) engagements?<\/p>/);
	assert.ok(m, `the list says how many: ${url}`);
	return Number(m[1]);
}

// The tables of the page: id -> [{ label, cells: [{ text, href }] }].
function reportTables(html) {
	const out = {};
	for (const t of html.matchAll(/<table class="report" id="([^"]+)">([\s\S]*?)<\/table>/g)) {
		const body = t[2].replace(/^[\s\S]*?<tbody>/, '');
		out[t[1]] = [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => {
			const label = r[1].match(/<th\b[^>]*>([\s\S]*?)<\/th>/);
			return {
				label: pageText((label ? label[1] : '').replace(/<span class="tag[\s\S]*?<\/span>/, '')),
				cells: [...r[1].matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((c) => {
					const a = c[1].match(/<a\b([^>]*)>/);
					return { text: pageText(c[1]), href: a ? attributes(`<a ${a[1]}>`).href : undefined };
				}),
			};
		});
	}
	return out;
}

const num = (s) => Number(String(s).replace(/,/g, ''));

// --- tests ----------------------------------------------------------------

test('the report needs a login, in every format', async () => {
	for (const path of ['/reports/engagement', REPORT, `${REPORT}&format=csv`,
	    `${REPORT}&format=json`]) {
		const r = await get(path);
		assert.equal(r.status, 303, `GET ${path}`);
		const u = new URL(r.location, ORIGIN);
		assert.equal(u.pathname, '/login', `GET ${path}: ${r.location}`);
		assert.equal(u.searchParams.get('next'), path);
	}
	// Reading only: a POST is refused before anything else.
	const post = await request('/reports/engagement', { method: 'POST', form: { x: '1' },
	    headers: { Origin: ORIGIN } });
	assert.equal(post.status, 405);
	assert.equal(post.headers.get('allow'), 'GET, HEAD');
});

test('a viewer may read it; without dates it shows the strategy year holding today', async () => {
	const r = await view(viewer(), '/reports/engagement');
	assert.equal(r.status, 200, mainText(r.body));
	assert.match(r.body, /<h1>Policy engagement report<\/h1>/);
	assert.match(r.body, /<a href="\/reports" aria-current="page">Reports<\/a>/);
	const from = attributes(r.body.match(/<input\b[^>]*\bname="from"[^>]*>/)[0]).value;
	const to = attributes(r.body.match(/<input\b[^>]*\bname="to"[^>]*>/)[0]).value;
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
	assert.match(from, /^\d{4}-07-01$/);
	assert.equal(to, `${Number(from.slice(0, 4)) + 1}-06-30`);
	assert.ok(from <= today && today <= to, `${from}..${to} holds ${today}`);
	// The presets link to concrete dates; this year's is the current one.
	assert.match(r.body, new RegExp(`<a href="/reports/engagement\\?from=${from}&amp;to=${to}" aria-current="page">This strategy year</a>`));
	for (const name of ['Last strategy year', 'This month', 'Last month'])
		assert.match(r.body, new RegExp(`>${name}</a>`));
	// A viewer sees the report but nothing to edit.
	assert.doesNotMatch(main(r.body), /method="post"/);
});

test('HTML, CSV and JSON: content types, the CSV header and the JSON keys', async () => {
	const w = await world();
	const html = await view(admin(), REPORT);
	assert.equal(html.status, 200);
	assert.match(html.headers.get('content-type'), /^text\/html/);
	assert.match(html.body, /1 July 2011 to 30 June 2012, beside the same days a year earlier \(1 July 2010 to 30 June 2011\)/);
	assert.match(html.body, /<link rel="stylesheet" href="\/static\/print.css" media="print">/);
	assert.ok(html.body.includes(`They agreed ${w.tok}.`), 'outcomes are listed');

	const csv = await view(admin(), `${REPORT}&format=csv`);
	assert.equal(csv.status, 200);
	assert.match(csv.headers.get('content-type'), /^text\/csv/);
	assert.match(csv.headers.get('content-disposition'),
	    /attachment; filename="engagement-report-2011-07-01-to-2012-06-30.csv"/);
	const rows = parseCsv(csv.body);
	assert.deepEqual(rows[0], ['section', 'key', 'label', 'count', 'previous_count',
	    'seats', 'from', 'to', 'previous_from', 'previous_to']);
	assert.deepEqual(rows[1].slice(0, 5), ['total', '', 'All engagements', '4', '1']);
	assert.deepEqual(rows[1].slice(6), [YEAR.from, YEAR.to, EARLIER.from, EARLIER.to]);

	const j = await reportJson();
	for (const k of ['total', 'by_type', 'by_party', 'by_policy_area', 'new_decision_makers',
	    'existing_decision_makers', 'from', 'to', 'previous', 'by_category', 'by_medium',
	    'by_organisation_kind', 'decision_makers', 'engagements', 'notes', 'seats_total'])
		assert.ok(k in j, `JSON has ${k}`);
	assert.equal(j.from, YEAR.from);
	assert.equal(j.to, YEAR.to);
	assert.deepEqual(j.previous, { from: EARLIER.from, to: EARLIER.to, total: 1,
	    decision_makers: 1, new_decision_makers: 1, existing_decision_makers: 0 });
	assert.equal(j.total, 4);
	// Both MPs were new on 1 July; the briefing and Civ's second meeting
	// were with decision makers met before.
	assert.equal(j.new_decision_makers, 1);
	assert.equal(j.existing_decision_makers, 2);
	assert.equal(j.decision_makers, 3);
	const type = (k) => j.by_type.find((x) => x.key === k);
	assert.equal(type('meeting').count, 2);
	assert.equal(type('meeting').previous_count, 1);
	assert.equal(type('written_briefing').count, 1);
	assert.equal(type('media_appearance').count, 1);
	assert.equal(j.by_medium.find((x) => x.key === 'broadcast').count, 1);
	assert.equal(j.by_organisation_kind.find((x) => x.key === 'fcdo_desk').count, 1);
	assert.equal(j.by_organisation_kind.find((x) => x.key === 'media_outlet').count, 1);
	assert.equal(j.by_policy_area.find((x) => x.key === String(w.area)).count, 2);
	assert.equal(j.by_category.find((x) => x.key === 'mp').decision_maker, true);
	assert.deepEqual(j.engagements.map((e) => e.title), [`Both ${w.tok}`,
	    `Interview ${w.tok}`, `Later ${w.tok}`, `Briefing ${w.tok}`]);
	assert.equal(j.engagements[0].people.length, 2);
});

test('the JSON total equals the rows /engagements.csv lists for the same dates', async () => {
	await world();
	for (const period of [YEAR, EARLIER, { from: '2011-07-01', to: '2011-07-01' },
	    { from: '2010-01-01', to: '2013-12-31' }]) {
		const j = await reportJson(period);
		const r = await view(admin(), `/engagements.csv?from=${period.from}&to=${period.to}`);
		assert.equal(r.status, 200);
		assert.equal(parseCsv(r.body).length - 1, j.total, `${period.from}..${period.to}`);
		assert.equal(await csvRows(j.engagements_url), j.total);
	}
});

test('every count in the JSON links to a list of exactly that many engagements', async () => {
	await world();
	const j = await reportJson();
	let checked = 0;
	for (const [key, items] of Object.entries(j)) {
		if (!key.startsWith('by_'))
			continue;
		for (const it of items) {
			assert.equal(await csvRows(it.engagements_url), it.count,
			    `${key} ${it.key}: ${it.engagements_url}`);
			checked++;
		}
	}
	assert.ok(checked > 30, `checked ${checked} numbers`);
});

test('every number on the page links to the list of its engagements, of that length', async () => {
	await world();
	const r = await view(admin(), REPORT);
	const links = [...main(r.body).matchAll(/<td class="num"><a href="([^"]+)">([\d,]+)<\/a><\/td>/g)]
	    .map((m) => ({ href: decodeEntities(m[1]), n: num(m[2]) }));
	assert.ok(links.length > 40, `${links.length} linked numbers`);
	// Every one with engagements, and a sample of the zeros.
	const sample = links.filter((l, i) => l.n > 0 || i % 7 === 0);
	for (const l of sample)
		assert.equal(await listTotal(l.href), l.n, l.href);
	const linked = links.map((l) => l.href);
	assert.ok(linked.includes(`/engagements?from=${YEAR.from}&to=${YEAR.to}`), 'the total links to the period');
	assert.ok(linked.includes(`/engagements?from=${EARLIER.from}&to=${EARLIER.to}`), 'and the year earlier too');
});

test('the CSV holds the numbers of the page, section by section', async () => {
	await world();
	const page = reportTables((await view(admin(), REPORT)).body);
	const rows = parseCsv((await view(admin(), `${REPORT}&format=csv`)).body).slice(1);
	const ids = { total: 'report-summary', decision_makers: 'report-summary' };
	let compared = 0;
	for (const [section, key, label, count, previous, seats] of rows) {
		const table = page[ids[section] || `report-${section}`];
		assert.ok(table, `the page has a table for ${section}`);
		const row = table.find((x) => x.label === label);
		assert.ok(row, `${section}: "${label}" is on the page`);
		assert.equal(num(row.cells[0].text), Number(count), `${section} ${label}`);
		if (section === 'party') {
			assert.equal(num(row.cells[2].text), Number(previous), `${section} ${label} earlier`);
			assert.equal(num(row.cells[4].text), Number(seats), `${section} ${label} seats`);
		} else
			assert.equal(num(row.cells[1].text), Number(previous), `${section} ${label} earlier`);
		compared++;
	}
	assert.equal(compared, rows.length);
	// Each engagement has one type: the type rows add up to the total.
	const sum = (s, col) => rows.filter((r) => r[0] === s).reduce((a, r) => a + Number(r[col]), 0);
	assert.equal(sum('type', 3), Number(rows[0][3]));
	assert.equal(sum('type', 4), Number(rows[0][4]));
});

test('two parties on one engagement count once each; shares add up to one', async () => {
	const w = await world();
	const j = await reportJson();
	const party = (p) => j.by_party.find((x) => x.key === p);
	assert.equal(party(`Labour ${w.tok}`).count, 2);
	assert.equal(party(`Conservative ${w.tok}`).count, 1);
	const sum = j.by_party.reduce((a, x) => a + x.count, 0);
	assert.ok(sum > 0);
	const shares = j.by_party.reduce((a, x) => a + x.share, 0);
	assert.ok(Math.abs(shares - 1) < 1e-9, `shares add up to ${shares}`);
	assert.ok(Math.abs(party(`Labour ${w.tok}`).share - 2 / sum) < 1e-9);
	const seats = j.by_party.reduce((a, x) => a + x.seats, 0);
	assert.ok(seats <= j.seats_total);
	for (const p of j.by_party)
		assert.ok(Math.abs(p.seat_share - (j.seats_total ? p.seats / j.seats_total : 0)) < 1e-9);
	const page = await view(admin(), REPORT);
	assert.match(page.body, /counts once for each, so\s+this column can add up to more than the total/);
	assert.match(pageText(page.body), /Seats: the \d+ MPs the directory holds as current now/);
});

test('deleting an engagement takes it out of the report at once; restoring puts it back', async () => {
	const w = await world();
	const before = await reportJson();
	const del = await send(admin(), `/engagements/${w.interview}/delete`, {});
	assert.equal(del.status, 303);
	try {
		const after = await reportJson();
		assert.equal(after.total, before.total - 1);
		assert.equal(after.by_medium.find((x) => x.key === 'broadcast').count,
		    before.by_medium.find((x) => x.key === 'broadcast').count - 1);
		assert.equal(await csvRows(after.engagements_url), after.total);
	} finally {
		const res = await send(admin(), `/engagements/${w.interview}/restore`, {});
		assert.equal(res.status, 303);
	}
	assert.equal((await reportJson()).total, before.total);
});

test('party on the date: the demo MP who left the Greens on 2 June 2025', async () => {
	const period = '/engagements?from=2024-07-01&to=2025-06-30&as_at=then&party=';
	const green = await view(admin(), `${period}Green`);
	const labour = await view(admin(), `${period}Labour`);
	assert.equal(green.status, 200);
	const rowsWith = (html) => [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
	    .map((m) => pageText(m[1])).filter((t) => t.includes('Priya Nandakumar'));
	const asGreen = rowsWith(green.body);
	const asLabour = rowsWith(labour.body);
	assert.ok(asGreen.length > 0, 'some of her engagements count as Green');
	for (const t of asGreen) {
		assert.ok(t.slice(0, 10) < '2025-06-02', `as Green before the switch: ${t}`);
		assert.match(t, /Priya Nandakumar \(Green\)/);
	}
	for (const t of asLabour)
		assert.ok(t.slice(0, 10) >= '2025-06-02', `as Labour from the switch: ${t}`);
	// The filter keeps its choices, and the CSV link carries them.
	const opts = selectOptions(green.body, 'as_at');
	assert.equal(opts.find((o) => o.selected)?.value, 'then');
	assert.equal(selectOptions(green.body, 'party').find((o) => o.selected)?.value, 'Green');
	assert.match(green.body, /href="\/engagements.csv\?from=2024-07-01&amp;to=2025-06-30&amp;party=Green&amp;as_at=then"/);
});

test('the list filters the report links with: medium, kind, new or met before, decision makers', async () => {
	const w = await world();
	const q = `from=${YEAR.from}&to=${YEAR.to}`;
	const titles = async (extra) => {
		const r = await view(admin(), `/engagements.csv?${q}&${extra}`);
		assert.equal(r.status, 200);
		return parseCsv(r.body).slice(1).map((x) => x[3]).sort();
	};
	assert.deepEqual(await titles('medium=broadcast'), [`Interview ${w.tok}`]);
	assert.deepEqual(await titles('org_kind=fcdo_desk'), [`Both ${w.tok}`]);
	assert.deepEqual(await titles('org_kind=media_outlet'), [`Interview ${w.tok}`]);
	assert.deepEqual(await titles('dm=1&novelty=new'), [`Both ${w.tok}`]);
	assert.deepEqual(await titles('dm=1&novelty=existing'), [`Briefing ${w.tok}`, `Later ${w.tok}`]);
	assert.deepEqual(await titles('novelty=new'), [`Both ${w.tok}`, `Interview ${w.tok}`]);
	assert.deepEqual(await titles('category=journalist&as_at=then'), [`Interview ${w.tok}`]);
	// Unknown values are ignored, as the other filters' are.
	assert.equal((await titles('medium=telepathy&org_kind=x&novelty=maybe')).length, 4);
	const page = await view(admin(), `/engagements?${q}&medium=print&org_kind=fcdo_desk&novelty=new&dm=1`);
	assert.equal(selectOptions(page.body, 'medium').find((o) => o.selected)?.value, 'print');
	assert.equal(selectOptions(page.body, 'org_kind').find((o) => o.selected)?.value, 'fcdo_desk');
	assert.equal(selectOptions(page.body, 'novelty').find((o) => o.selected)?.value, 'new');
	assert.match(page.body, /<input type="checkbox" id="f-dm" name="dm" value="1" checked>/);
});

test('a bad period gets a clear message beside its field, and keeps what was typed', async () => {
	const r = await view(admin(), '/reports/engagement?from=2024-02-30&to=2025-06-30');
	assert.equal(r.status, 400);
	assert.match(r.body, /<p class="error-message" id="f-from-error">That date does not exist.<\/p>/);
	assert.equal(attributes(r.body.match(/<input\b[^>]*\bname="from"[^>]*>/)[0]).value, '2024-02-30');
	assert.equal(attributes(r.body.match(/<input\b[^>]*\bname="to"[^>]*>/)[0]).value, '2025-06-30');
	assert.doesNotMatch(r.body, /<table class="report"/);

	const back = await view(admin(), '/reports/engagement?from=2025-07-01&to=2025-06-30');
	assert.equal(back.status, 400);
	assert.match(back.body, /id="f-to-error">The last day must be on or after the first day.</);

	const half = await view(admin(), '/reports/engagement?from=2025-07-01');
	assert.equal(half.status, 400);
	assert.match(half.body, /id="f-to-error">Enter the last day of the period/);

	const j = await view(admin(), '/reports/engagement?from=30/06/2025&to=2025-06-30&format=json');
	assert.equal(j.status, 400);
	assert.match(j.headers.get('content-type'), /^application\/json/);
	assert.deepEqual(JSON.parse(j.body), { error: 'Enter a date as YYYY-MM-DD, for example 2025-03-14.', field: 'from' });

	const c = await view(admin(), '/reports/engagement?from=2025-07-01&to=2024-06-30&format=csv');
	assert.equal(c.status, 400);
	assert.match(c.headers.get('content-type'), /^text\/plain/);
	assert.equal(c.body, 'to: The last day must be on or after the first day.\n');

	const f = await view(admin(), `${REPORT}&format=xml`);
	assert.equal(f.status, 400);
	assert.match(pageText(f.body), /The format must be html, csv or json/);
});
