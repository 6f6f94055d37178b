// HTTP tier: confidential engagements (issue 11, part 5).  An editor logs
// one marked confidential, with a viewer among the staff present; its
// author, that viewer and an admin read its text everywhere, while
// another editor and the suite's viewer see "Confidential engagement"
// in its place on every page and export they can reach (detail, list,
// search, CSV, the policy engagement report as HTML and JSON, history,
// the person's page, My follow-ups), cannot change it, and see it
// counted all the same.
//
// Everything here is made by this file, dated in May 2008 (no other file
// logs engagements then) and named with RUN.  Tests are flat so that
// automake's TAP driver counts each.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	ORIGIN, users, request, get, loggedIn, formFor, pageText, sessionToken,
	selectOptions, fieldHtml, parseCsv,
} from './helpers.mjs';

const RUN = 'cf' + Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
let seq = 0;
const token = () => `${RUN}t${++seq}`;
const MONTH = { from: '2008-05-01', to: '2008-05-31' };

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

async function view(who, path) {
	const c = await who;
	return get(path, { jar: c.jar });
}

async function send(who, path, fields = {}) {
	const c = await who;
	const body = new URLSearchParams(fields);
	if (!body.has('csrf'))
		body.set('csrf', c.csrf);
	return request(path, { method: 'POST', body, jar: c.jar, headers: { Origin: ORIGIN } });
}

const mainText = (html) => pageText((html.match(/<main\b[^>]*>([\s\S]*)<\/main>/) || [, html])[1]);

const admin = () => session('demo', () => open(users.demo));
const viewer = () => session('viewer', () => open(users.viewer));

// A user's id, from the "Staff present" options of the form.
async function userId(displayName) {
	const r = await view(admin(), '/engagements/new');
	const o = selectOptions(r.body, 'staff_id').find((x) => x.label === displayName);
	assert.ok(o, `${displayName} is among the staff options`);
	return Number(o.value);
}

// A new account of `role`, made by demo, logged in; .id is its user id.
async function newUser(role) {
	const username = `${RUN}u${++seq}`;
	const u = { username, password: `${username}-pass-1`, name: `User ${username}` };
	const r = await send(admin(), '/admin/users/new', {
		username, display_name: u.name, role, password: u.password, password2: u.password,
	});
	assert.equal(r.status, 303, `create user ${username}: ${mainText(r.body)}`);
	const c = await open(u);
	c.id = await userId(u.name);
	return c;
}

const author = () => session('author', () => newUser('editor'));
const present = () => session('present', () => newUser('viewer'));
const other = () => session('other', () => newUser('editor'));

// The engagement form's fields as a browser sends them.
function engagementForm(e) {
	const { personIds = [], staff = [], followups = [], confidential, ...rest } = e;
	const p = new URLSearchParams({
		version: '0', date: '2008-05-14', time: '', type: 'meeting', title: '',
		people: '', summary: '', outcome: '', media_outlet: '', media_medium: '',
		media_programme: '', media_link: '', ...rest,
	});
	for (const id of personIds)
		p.append('person_id', String(id));
	for (const id of staff)
		p.append('staff_id', String(id));
	if (confidential)
		p.set('confidential', '1');
	p.set('fu_count', String(followups.length));
	followups.forEach((f, i) => {
		p.set(`fu_action_${i}`, f.action);
		p.set(`fu_owner_${i}`, String(f.owner ?? 0));
		p.set(`fu_due_${i}`, '');
	});
	return p;
}

async function createEngagement(who, e) {
	const body = engagementForm(e);
	body.set('op', 'save');
	const r = await send(who, '/engagements/new', body);
	assert.equal(r.status, 303, `save "${e.title}": ${mainText(r.body)}`);
	const m = (r.location || '').match(/^\/engagements\/(\d+)\?saved=1$/);
	assert.ok(m, `redirected to the engagement: ${r.location}`);
	return Number(m[1]);
}

// The words of the confidential engagement that only its readers may see,
// the person on both engagements, and the two engagements.
const world = () => session('world', async () => {
	const words = { title: token(), summary: token(), outcome: token(), action: token() };
	const name = `Pat ${RUN}`;
	const body = engagementForm({ new_name: name, new_category: 'mp', new_party: '',
	    new_basis: 'legitimate_interests', op: 'new_person' });
	const r = await send(admin(), '/engagements/new', body);
	assert.equal(r.status, 200, `add ${name}: ${mainText(r.body)}`);
	const m = r.body.match(/<input\b[^>]*\bname="person_id"[^>]*\bvalue="(\d+)"/);
	assert.ok(m, `${name} is on the form`);
	const person = Number(m[1]);
	const [a, p, o] = await Promise.all([author(), present(), other()]);
	const secret = await createEngagement(a, {
		title: `Casework ${words.title}`, summary: `Ms A ${words.summary}`,
		outcome: `Agreed ${words.outcome}`, personIds: [person], staff: [p.id],
		followups: [{ action: `Send ${words.action}`, owner: o.id }],
		confidential: true,
	});
	const open_ = await createEngagement(o, {
		title: `Briefing ${RUN}`, summary: 'Support rates', personIds: [person],
		staff: [o.id],
	});
	return { words, person, secret, open: open_ };
});

const readers = {
	author: author, 'staff present': present, admin: admin,
};
const others = {
	'another editor': other, viewer: viewer,
};

function assertHidden(body, words, what) {
	for (const [k, w] of Object.entries(words))
		assert.ok(!body.includes(w), `${what}: the ${k} is hidden`);
}

function assertShown(body, words, keys, what) {
	for (const k of keys)
		assert.ok(body.includes(words[k]), `${what}: the ${k} is shown`);
}

// --- the form -------------------------------------------------------------

test('the form has a labelled Confidential box with a hint, and keeps it ticked', async () => {
	const r = await view(author(), '/engagements/new');
	assert.equal(r.status, 200);
	const f = fieldHtml(r.body, 'confidential');
	assert.match(f, /<input[^>]*type="checkbox"[^>]*>/);
	assert.match(f, /<label for="f-confidential">Confidential \(casework detail\)<\/label>/);
	assert.match(f, /aria-describedby="f-confidential-hint"/);
	assert.match(pageText(f), /only its author, the staff present and admins/i);
	assert.doesNotMatch(f.match(/<input[^>]*>/)[0], /checked/, 'unticked on a new one');

	const { secret } = await world();
	const edit = await view(author(), `/engagements/${secret}/edit`);
	assert.equal(edit.status, 200);
	assert.match(fieldHtml(edit.body, 'confidential').match(/<input[^>]*>/)[0], /checked/,
	    'ticked when editing a confidential one');
	assert.ok(formFor(edit.body, `/engagements/${secret}/edit`));
});

test('the flag is in the history of the author, as any other change', async () => {
	const { secret } = await world();
	const r = await view(author(), `/engagements/${secret}/history`);
	assert.equal(r.status, 200);
	assert.match(mainText(r.body), /confidential/i);
	assert.match(mainText(r.body), /\byes\b/);
});

// --- who reads it ---------------------------------------------------------

for (const [who, as] of Object.entries(readers)) {
	test(`${who} reads the confidential engagement's text: detail, list, search, CSV`, async () => {
		const { words, secret, person } = await world();
		const d = await view(as(), `/engagements/${secret}`);
		assert.equal(d.status, 200);
		assertShown(d.body, words, ['title', 'summary', 'outcome', 'action'], 'detail');
		assert.match(mainText(d.body), /Confidential: only its author/);

		const l = await view(as(), `/engagements?person=${person}`);
		assert.match(l.body, /<p role="status">2 engagements<\/p>/);
		assertShown(l.body, words, ['title'], 'list');
		assert.match(l.body, /tag-confidential/);

		for (const k of ['title', 'summary', 'outcome']) {
			const s = await view(as(), `/engagements?q=${words[k]}`);
			assert.match(s.body, /<p role="status">1 engagement<\/p>/, `search by ${k}`);
		}
		const c = await view(as(), `/engagements.csv?person=${person}`);
		assert.equal(parseCsv(c.body).length - 1, 2);
		assertShown(c.body, words, ['title'], 'CSV');
	});
}

for (const [who, as] of Object.entries(others)) {
	test(`${who} sees it counted but not its text: detail, list, search, CSV`, async () => {
		const { words, secret, person } = await world();
		const d = await view(as(), `/engagements/${secret}`);
		assert.equal(d.status, 200);
		assertHidden(d.body, words, 'detail');
		assert.match(d.body, /<h1>Confidential engagement<\/h1>/);
		assert.match(mainText(d.body), /This engagement is confidential/);
		assert.match(mainText(d.body), new RegExp(`Pat ${RUN}`), 'its people stay');
		assert.doesNotMatch(d.body, new RegExp(`/engagements/${secret}/edit`), 'no Edit button');

		const l = await view(as(), `/engagements?person=${person}`);
		assert.match(l.body, /<p role="status">2 engagements<\/p>/, 'counted in the list');
		assertHidden(l.body, words, 'list');
		assert.match(l.body, /Confidential engagement/);

		for (const k of ['title', 'summary', 'outcome']) {
			const s = await view(as(), `/engagements?q=${words[k]}`);
			assert.match(s.body, /<p role="status">0 engagements<\/p>/,
			    `a search by its ${k} must not find it`);
		}
		// Its people are not hidden, so a search by them still finds it.
		const byName = await view(as(), `/engagements?q=${encodeURIComponent(`Pat ${RUN}`)}`);
		assert.match(byName.body, /<p role="status">2 engagements<\/p>/);

		const c = await view(as(), `/engagements.csv?person=${person}`);
		const rows = parseCsv(c.body);
		assert.equal(rows.length - 1, 2, 'counted in the CSV');
		assertHidden(c.body, words, 'CSV');
		assert.ok(rows.some((row) => row.includes('Confidential engagement')));
	});

	test(`${who} cannot read it in its history, the report, the person's page`, async () => {
		const { words, secret, person } = await world();
		const h = await view(as(), `/engagements/${secret}/history`);
		assert.equal(h.status, 200);
		assertHidden(h.body, words, 'history');

		const q = `from=${MONTH.from}&to=${MONTH.to}`;
		const j = await view(as(), `/reports/engagement?${q}&format=json`);
		assert.equal(j.status, 200);
		assertHidden(j.body, words, 'JSON report');
		const report = JSON.parse(j.body);
		const row = report.engagements.find((e) => e.id === secret);
		assert.ok(row, 'listed in the report');
		assert.equal(row.title, 'Confidential engagement');
		assert.equal(row.confidential, true);
		const html = await view(as(), `/reports/engagement?${q}`);
		assertHidden(html.body, words, 'report page');

		const p = await view(as(), `/people/${person}`);
		assert.equal(p.status, 200);
		assertHidden(p.body, words, "person's page");
		assert.match(p.body, /Confidential engagement/);
	});
}

test('counts are the same for every reader: list, CSV and report totals', async () => {
	const { person } = await world();
	const q = `from=${MONTH.from}&to=${MONTH.to}`;
	const totals = new Set();
	for (const as of [...Object.values(readers), ...Object.values(others)]) {
		const j = JSON.parse((await view(as(), `/reports/engagement?${q}&format=json`)).body);
		const l = await view(as(), `/engagements?${q}`);
		const n = Number(l.body.match(/<p role="status">(\d+) engagements?<\/p>/)[1]);
		assert.equal(n, j.total, 'the list and the report agree');
		const c = await view(as(), `/engagements.csv?person=${person}`);
		assert.equal(parseCsv(c.body).length - 1, 2);
		totals.add(j.total);
	}
	assert.equal(totals.size, 1, `one total for everyone: ${[...totals]}`);
	assert.ok([...totals][0] >= 2);
});

test('a follow-up owner who may not read it sees it on My follow-ups without its text', async () => {
	const { words } = await world();
	const r = await view(other(), '/follow-ups');
	assert.equal(r.status, 200);
	assertHidden(r.body, words, 'My follow-ups');
	assert.match(mainText(r.body), /Confidential — from Confidential engagement/);
});

test('another editor cannot edit, delete or restore it (403); its author can', async () => {
	const { secret, words } = await world();
	const g = await view(other(), `/engagements/${secret}/edit`);
	assert.equal(g.status, 403);
	assertHidden(g.body, words, 'the refused edit form');
	const p = await send(other(), `/engagements/${secret}/edit`,
	    engagementForm({ title: 'Overwritten', version: '1', op: 'save' }));
	assert.equal(p.status, 403);
	const del = await send(other(), `/engagements/${secret}/delete`);
	assert.equal(del.status, 403);
	const d = await view(author(), `/engagements/${secret}`);
	assert.ok(d.body.includes(`Casework ${words.title}`), 'still as written');
	assert.equal((await view(author(), `/engagements/${secret}/edit`)).status, 200);
	assert.equal((await view(admin(), `/engagements/${secret}/edit`)).status, 200);
});

test('an open engagement is untouched: everyone reads it', async () => {
	const { open } = await world();
	for (const as of [...Object.values(readers), ...Object.values(others)]) {
		const d = await view(as(), `/engagements/${open}`);
		assert.ok(d.body.includes(`Briefing ${RUN}`));
		assert.doesNotMatch(mainText(d.body), /confidential/i);
	}
});
