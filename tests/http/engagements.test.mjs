// HTTP tier: engagements (engagements.fcgi): the form (people by name with
// type-ahead, adding a new person, follow-up rows, validation), the list
// with its filters, pagination and CSV, the detail page with safe
// Markdown, edits and conflicts, soft delete and restore, history, whether
// a person was new to us, My follow-ups and the home page's count,
// permissions and 404s.
//
// Every test makes its own people and engagements, named with RUN and a
// token of its own, and finds them by searching for that token, so the
// demo data never matters.  The accounts are demo (admin) and viewer from
// tests/http.test, and editors this file makes through the admin pages.
// No failed logins.  Tests are flat so that automake's TAP driver counts
// each.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	ORIGIN, users, request, get, loggedIn, formFor, inputValue, pageText,
	sessionToken, selectOptions, attributes, decodeEntities,
	assertSecurityHeaders, formData, parseCsv,
} from './helpers.mjs';

const RUN = 'eg' + Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
let seq = 0;
// A word that no other record contains (letters and digits only).
const token = () => `${RUN}t${++seq}`;

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

// A new editor account, made by demo through the admin pages, logged in;
// .id is its user id.
async function newEditor() {
	const username = `${RUN}e${++seq}`;
	const u = { username, password: `${username}-pass-1`, name: `Editor ${username}` };
	const r = await send(admin(), '/admin/users/new', {
		username, display_name: u.name, role: 'editor',
		password: u.password, password2: u.password,
	});
	assert.equal(r.status, 303, `create user ${username}: ${mainText(r.body)}`);
	const c = await open(u);
	c.id = await userId(u.name);
	return c;
}
const editor = () => session('editor', newEditor);

// A user's id, from the "Staff present" options of the form.
async function userId(displayName) {
	const r = await view(admin(), '/engagements/new');
	const o = selectOptions(r.body, 'staff_id').find((x) => x.label === displayName);
	assert.ok(o, `${displayName} is among the staff options`);
	return Number(o.value);
}
const demoId = () => session('demo-id', () => userId(users.demo.name));

async function view(who, path) {
	const c = await who;
	return get(path, { jar: c.jar });
}

// POST as a browser on this site would: Origin, and the session's csrf
// unless the fields carry one.
async function send(who, path, fields = {}) {
	const c = await who;
	const body = new URLSearchParams(fields);
	if (!body.has('csrf'))
		body.set('csrf', c.csrf);
	return request(path, { method: 'POST', body, jar: c.jar, headers: { Origin: ORIGIN } });
}

// --- reading pages --------------------------------------------------------

function main(html) {
	const m = html.match(/<main\b[^>]*>([\s\S]*)<\/main>/);
	return m ? m[1] : html;
}
const mainText = (html) => pageText(main(html));

// The message beside field `name` (<p class="error-message" id="f-NAME-error">).
function fieldError(html, name) {
	const m = html.match(new RegExp(`<p class="error-message" id="f-${name}-error">([\\s\\S]*?)</p>`));
	return m ? pageText(m[1]) : undefined;
}

// The value of the control with id `id`: input value, textarea text or
// the chosen option(s) of a select (an array for a multiple select).
function control(html, id) {
	const input = html.match(new RegExp(`<input\\b[^>]*\\bid="${id}"[^>]*>`));
	if (input)
		return attributes(input[0]).value ?? '';
	const ta = html.match(new RegExp(`<textarea\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</textarea>`));
	if (ta)
		return decodeEntities(ta[1]).replace(/^\n/, '');
	const sel = html.match(new RegExp(`<select\\b([^>]*\\bid="${id}"[^>]*)>([\\s\\S]*?)</select>`));
	assert.ok(sel, `no control #${id}`);
	const opts = [...sel[2].matchAll(/<option\b([^>]*)>/g)].map((o) => attributes(`<option ${o[1]}>`));
	const chosen = opts.filter((a) => 'selected' in a).map((a) => a.value);
	if (/\bmultiple\b/.test(sel[1]))
		return chosen;
	// A single select with nothing marked shows (and sends) its first option.
	return chosen.length > 0 ? chosen[0] : opts[0]?.value;
}

// The people ticked on the form: [{ id, label, checked }].
function chosenPeople(html) {
	return [...html.matchAll(/<input\b([^>]*\bname="person_id"[^>]*)>\s*<label\b[^>]*>([\s\S]*?)<\/label>/g)]
	    .map((m) => {
		const a = attributes(`<input ${m[1]}>`);
		return { id: Number(a.value), label: pageText(m[2]), checked: 'checked' in a };
	    });
}

// The People type-ahead: the field searches GET /people/search.json (its
// data-search) as the user types; the page itself carries no list of
// people.  directory(q) is what that search offers for q:
// [{ id, name, value, hint }].
async function directory(q) {
	const r = await view(admin(), `/people/search.json?limit=50&q=${encodeURIComponent(q)}`);
	assert.equal(r.status, 200, `search for ${q}`);
	return JSON.parse(r.body).people;
}
function assertNoDirectoryList(html) {
	assert.doesNotMatch(html, /<datalist\b/, 'the form carries no list of people');
}

// The rows of the engagement list: [{ id, date, type, title, people:
// [{ text, tag }] }].
function listRows(html) {
	const t = html.match(/<table class="list">([\s\S]*?)<\/table>/);
	if (!t)
		return [];
	const body = t[1].replace(/^[\s\S]*?<tbody>/, '');
	return [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => {
		const cells = [...r[1].matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]);
		const link = (cells[2] ?? '').match(/<a href="\/engagements\/(\d+)">([\s\S]*?)<\/a>/);
		return {
			id: link ? Number(link[1]) : undefined,
			date: pageText(cells[0] ?? ''),
			type: pageText(cells[1] ?? ''),
			title: link ? pageText(link[2]) : undefined,
			people: [...(cells[3] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((li) => {
				const tag = li[1].match(/<span class="tag[^"]*">([\s\S]*?)<\/span>/);
				return {
					text: pageText(li[1].replace(/<span class="tag[\s\S]*?<\/span>/, '')),
					tag: tag ? pageText(tag[1]) : undefined,
				};
			}),
		};
	});
}

// GET the list with `query`; returns { body, rows, total }.
async function list(query, who = admin()) {
	const qs = new URLSearchParams(query).toString();
	const r = await view(who, '/engagements' + (qs ? `?${qs}` : ''));
	assert.equal(r.status, 200, `GET /engagements?${qs}`);
	const m = r.body.match(/<p role="status">(\d+) engagements?<\/p>/);
	assert.ok(m, `the number of matches is shown for ?${qs}`);
	return { body: r.body, rows: listRows(r.body), total: Number(m[1]) };
}

const titles = (rows) => rows.map((r) => r.title);

// GET the CSV with `query`; returns { r, rows } (rows parsed, header first).
async function csv(query, who = admin()) {
	const qs = new URLSearchParams(query).toString();
	const r = await view(who, '/engagements.csv' + (qs ? `?${qs}` : ''));
	assert.equal(r.status, 200, `GET /engagements.csv?${qs}`);
	return { r, rows: parseCsv(r.body) };
}

// The people table of a detail page: [[person, category, new or existing]].
function detailPeople(html) {
	const m = html.match(/<h2>People<\/h2>\s*<table>([\s\S]*?)<\/table>/);
	if (!m)
		return [];
	const body = m[1].replace(/^[\s\S]*?<tbody>/, '');
	return [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
	    [...r[1].matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((c) => pageText(c[1])));
}

// The <dl class="facts"> of a detail page: { term: text }.
function facts(html) {
	const m = html.match(/<dl class="facts">([\s\S]*?)<\/dl>/);
	assert.ok(m, 'the detail page has its facts');
	const out = {};
	for (const d of m[1].matchAll(/<dt>([\s\S]*?)<\/dt>\s*<dd>([\s\S]*?)<\/dd>/g))
		out[pageText(d[1])] = pageText(d[2]);
	return out;
}

// "New: first engagement with us" or "Existing" for `name` on engagement id.
async function newOrExisting(id, name) {
	const r = await view(admin(), `/engagements/${id}`);
	assert.equal(r.status, 200);
	const row = detailPeople(r.body).find((x) => x[0].startsWith(name));
	assert.ok(row, `${name} is on engagement ${id}`);
	return row[2];
}

// --- making records -------------------------------------------------------

// The form's fields as a browser sends them.  personIds, orgs, areas and
// staff are lists of ids; followups a list of { action, owner, due, done }.
function engagementForm(e = {}) {
	const { personIds = [], orgs = [], areas = [], staff = [], followups = [], ...rest } = e;
	const p = new URLSearchParams({
		version: '0', date: '2024-01-15', time: '', type: 'meeting', title: '',
		people: '', summary: '', outcome: '', media_outlet: '', media_medium: '',
		media_programme: '', media_link: '', ...rest,
	});
	for (const id of personIds)
		p.append('person_id', String(id));
	for (const id of orgs)
		p.append('org_id', String(id));
	for (const id of areas)
		p.append('area_id', String(id));
	for (const id of staff)
		p.append('staff_id', String(id));
	p.set('fu_count', String(followups.length));
	followups.forEach((f, i) => {
		p.set(`fu_action_${i}`, f.action ?? '');
		p.set(`fu_owner_${i}`, String(f.owner ?? 0));
		p.set(`fu_due_${i}`, f.due ?? '');
		if (f.done)
			p.set(`fu_done_${i}`, '1');
	});
	return p;
}

function idFrom(location) {
	const m = (location || '').match(/^\/engagements\/(\d+)\?saved=1$/);
	assert.ok(m, `redirected to the engagement: ${location}`);
	return Number(m[1]);
}

// Log an engagement through the form; returns its id.
async function createEngagement(e, who = admin()) {
	const body = engagementForm(e);
	body.set('op', 'save');
	const r = await send(who, '/engagements/new', body);
	assert.equal(r.status, 303, `save "${e.title}": ${mainText(r.body)}`);
	return idFrom(r.location);
}

// Add someone to the directory with the form's "Add new person"; returns
// their id.
async function newPerson(name, category = 'mp', party = '') {
	const body = engagementForm({ new_name: name, new_category: category,
	    new_party: party, new_basis: 'legitimate_interests', op: 'new_person' });
	const r = await send(admin(), '/engagements/new', body);
	assert.equal(r.status, 200, `add ${name}: ${mainText(r.body)}`);
	const chosen = chosenPeople(r.body);
	assert.equal(chosen.length, 1, `${name} is on the form`);
	assert.equal(chosen[0].label, party ? `${name} (${party})` : name);
	return chosen[0].id;
}

// Edit through the form: GET it, change `changes`, save; returns the POST.
async function editEngagement(id, changes, who = admin()) {
	const page = await view(who, `/engagements/${id}/edit`);
	assert.equal(page.status, 200, `GET /engagements/${id}/edit`);
	const body = formData(page.body, `/engagements/${id}/edit`);
	for (const [k, v] of Object.entries(changes))
		body.set(k, v);
	body.set('op', 'save');
	return send(who, `/engagements/${id}/edit`, body);
}

async function createOrg(name, kind, medium = '') {
	const r = await send(admin(), '/organisations/new', {
		name, kind, medium, parent: '', website: '', notes: '', version: '',
	});
	assert.equal(r.status, 303, `create organisation ${name}: ${mainText(r.body)}`);
	const m = (r.location || '').match(/^\/organisations\/(\d+)\?saved=1$/);
	assert.ok(m, `redirected to the organisation: ${r.location}`);
	return Number(m[1]);
}

async function createArea(name, priority) {
	const r = await send(admin(), '/admin/policy-areas', { name, priority: priority ? 'yes' : 'no' });
	assert.equal(r.status, 303, `add policy area ${name}: ${mainText(r.body)}`);
	const page = await view(admin(), '/engagements/new');
	const o = selectOptions(page.body, 'area_id')
	    .find((x) => x.label === (priority ? `${name} (priority)` : name));
	assert.ok(o, `${name} is among the policy areas of the form`);
	return Number(o.value);
}

// --- logins and the form ---------------------------------------------------

test('engagement pages need a login: GETs go to /login with next, POSTs to /login', async () => {
	for (const path of ['/engagements', '/engagements.csv', '/engagements/new',
	    '/engagements/1', '/engagements/1/edit', '/engagements/1/history',
	    '/follow-ups', '/engagements?q=x&page=2']) {
		const r = await get(path);
		assert.equal(r.status, 303, `GET ${path}`);
		const u = new URL(r.location, ORIGIN);
		assert.equal(u.pathname, '/login', `GET ${path}: ${r.location}`);
		assert.equal(u.searchParams.get('next'), path, `GET ${path}: ${r.location}`);
	}
	for (const path of ['/engagements/new', '/engagements/1/edit',
	    '/engagements/1/delete', '/engagements/1/restore', '/follow-ups/1']) {
		const r = await request(path, { method: 'POST', form: { title: 'x', done: '1' },
		    headers: { Origin: ORIGIN } });
		assert.equal(r.status, 303, `POST ${path}`);
		assert.equal(r.location, '/login', `POST ${path}`);
	}
});

test('GET /engagements/new: the labelled form with types, staff, media and follow-up fields', async () => {
	const tok = token();
	const person = `Ada ${tok}`;
	await newPerson(person, 'mp', 'Labour');
	const r = await view(admin(), '/engagements/new');
	assert.equal(r.status, 200);
	assertSecurityHeaders(r.headers, 'GET /engagements/new');
	assert.match(r.body, /<h1>Log an engagement<\/h1>/);
	const f = formFor(r.body, '/engagements/new');
	assert.equal(f.attrs.method, 'post');
	const labels = {
		'f-date': 'Date', 'f-time': 'Time (optional)', 'f-type': 'Type',
		'f-title': 'Title', 'f-people': 'People', 'f-org_id': 'Organisations',
		'f-area_id': 'Policy areas', 'f-staff_id': 'Staff present',
		'f-summary': 'Summary', 'f-outcome': 'Outcome',
		'f-media_outlet': 'Outlet', 'f-media_medium': 'Medium',
		'f-media_programme': 'Programme or publication', 'f-media_link': 'Link',
		'f-fu_action_0': 'What needs doing', 'f-fu_owner_0': 'Owner',
		'f-fu_due_0': 'Due date', 'f-fu_done_0': 'Done',
	};
	for (const [id, label] of Object.entries(labels))
		assert.match(f.html, new RegExp(`<label for="${id}">${label.replace(/[()]/g, '\\$&')}</label>`),
		    `label "${label}" for #${id}`);
	// Hidden fields: the session's token and version 0.
	assert.equal(inputValue(r.body, '/engagements/new', 'csrf'), (await admin()).csrf);
	assert.equal(inputValue(r.body, '/engagements/new', 'version'), '0');
	assert.equal(inputValue(r.body, '/engagements/new', 'fu_count'), '1');
	assert.match(control(r.body, 'f-date'), /^\d{4}-\d{2}-\d{2}$/, 'the date defaults to today');
	assert.match(r.body, /<input id="f-date" name="date" type="date"/);
	// The types come from the database, Meeting first and chosen.
	const types = selectOptions(f.html, 'type');
	assert.deepEqual(types[0], { value: 'meeting', label: 'Meeting', selected: true });
	assert.ok(types.some((o) => o.value === 'media_appearance' && o.label === 'Media appearance'));
	assert.ok(types.some((o) => o.value === 'written_briefing' && o.label === 'Written briefing'));
	// People: a text field that searches the directory, and its button.
	assert.match(f.html, /<input id="f-people" name="people" type="text" autocomplete="off" data-search="\/people\/search.json" data-pick="add"/);
	assertNoDirectoryList(r.body);
	assert.ok((await directory(person)).some((o) => o.value === person && o.hint === 'MP, Labour'),
	    `${person} is in the type-ahead with category and party`);
	assert.match(f.html, /<button type="submit" name="op" value="add_person">Add person<\/button>/);
	assert.deepEqual(chosenPeople(r.body), []);
	assert.doesNotMatch(f.html, /Add a new person to the directory/);
	// Multiple selects; staff are the active users.
	for (const name of ['org_id', 'area_id', 'staff_id'])
		assert.match(f.html, new RegExp(`<select id="f-${name}" name="${name}" multiple`), name);
	assert.ok(selectOptions(f.html, 'staff_id').some((o) => o.label === users.demo.name));
	assert.ok(selectOptions(f.html, 'staff_id').some((o) => o.label === users.viewer.name));
	assert.deepEqual(selectOptions(f.html, 'media_medium').map((o) => o.value),
	    ['', 'print', 'broadcast', 'online']);
	assert.equal(selectOptions(f.html, 'media_outlet')[0].value, '');
	const owner = selectOptions(f.html, 'fu_owner_0')[0];
	assert.deepEqual([owner.value, owner.label], ['0', 'Nobody yet']);
	assert.match(f.html, /<input id="f-fu_done_0" name="fu_done_0" type="checkbox" value="1">/);
	assert.match(f.html, /<button type="submit" name="op" value="add_followup">Add another follow-up<\/button>/);
	assert.match(f.html, /<button type="submit" name="op" value="save" class="primary">Save<\/button>/);
});

test('Add person with a name from the directory ticks them on the form, keeping what was typed', async () => {
	const tok = token();
	const name = `Ada ${tok}`;
	const id = await newPerson(name, 'peer', 'Crossbench');
	const r = await send(admin(), '/engagements/new', engagementForm({
		date: '2024-05-06', time: '11:00', type: 'written_briefing',
		title: `Briefing ${tok}`, summary: 'Line one\n\nLine **two**', people: `  ${name}`,
		op: 'add_person',
	}));
	assert.equal(r.status, 200, mainText(r.body));
	assert.deepEqual(chosenPeople(r.body), [{ id, label: `${name} (Crossbench)`, checked: true }]);
	assert.equal(control(r.body, 'f-people'), '', 'the name field is empty again');
	assert.equal(fieldError(r.body, 'people'), undefined);
	assert.equal(control(r.body, 'f-title'), `Briefing ${tok}`);
	assert.equal(control(r.body, 'f-date'), '2024-05-06');
	assert.equal(control(r.body, 'f-time'), '11:00');
	assert.equal(control(r.body, 'f-type'), 'written_briefing');
	assert.equal(control(r.body, 'f-summary'), 'Line one\n\nLine **two**');

	// Adding the same person again does not list them twice.
	const again = formData(r.body, '/engagements/new');
	again.set('people', name);
	again.set('op', 'add_person');
	const r2 = await send(admin(), '/engagements/new', again);
	assert.equal(r2.status, 200);
	assert.deepEqual(chosenPeople(r2.body).map((p) => p.id), [id]);

	// Saving the form as it came back records them.
	const save = formData(r2.body, '/engagements/new');
	save.set('op', 'save');
	const saved = await send(admin(), '/engagements/new', save);
	assert.equal(saved.status, 303, mainText(saved.body));
	const page = await view(admin(), saved.location);
	assert.deepEqual(detailPeople(page.body), [[`${name} (Crossbench)`, 'Peer', 'New: first engagement with us']]);
	assert.match(page.body, new RegExp(`<a href="/people/${id}">`));

	// Unticking takes them off.
	const eid = idFrom(saved.location);
	const edit = await view(admin(), `/engagements/${eid}/edit`);
	const body = formData(edit.body, `/engagements/${eid}/edit`);
	body.delete('person_id');
	body.set('op', 'save');
	const off = await send(admin(), `/engagements/${eid}/edit`, body);
	assert.equal(off.status, 303, mainText(off.body));
	const after = await view(admin(), off.location);
	assert.deepEqual(detailPeople(after.body), []);
	assert.match(mainText(after.body), /No one from the directory is recorded\./);
});

test('an unknown name: 400 with the message beside People and "Add a new person", which keeps everything typed', async () => {
	const tok = token();
	const name = `Grace ${tok}`;
	const me = await demoId();
	const typed = {
		date: '2024-02-03', time: '09:30', type: 'written_briefing',
		title: `Unknown name ${tok}`, summary: 'Kept **summary**\n- a\n- b',
		outcome: 'Kept outcome', staff: [me],
		followups: [{ action: `Write up ${tok}`, owner: me, due: '2024-03-01' }],
		people: name,
	};
	for (const op of ['add_person', 'save']) {
		const r = await send(admin(), '/engagements/new', engagementForm({ ...typed, op }));
		assert.equal(r.status, 400, `op=${op}: ${mainText(r.body)}`);
		assert.equal(fieldError(r.body, 'people'), `No one called \u201c${name}\u201d is in the directory. ` +
		    'Check the spelling, or add them as a new person below.', `op=${op}`);
		assert.match(r.body, /<input id="f-people"[^>]*aria-invalid="true"/);
		assert.equal(control(r.body, 'f-people'), name, 'the typed name is kept');
	}
	assert.equal((await list({ q: tok })).total, 0, 'nothing was saved');

	const r = await send(admin(), '/engagements/new', engagementForm({ ...typed, op: 'add_person' }));
	const f = formFor(r.body, '/engagements/new');
	const fs = f.html.match(/<fieldset class="new-person">([\s\S]*?)<\/fieldset>/);
	assert.ok(fs, 'the new-person fieldset is offered');
	assert.match(fs[1], /<legend>Add a new person to the directory<\/legend>/);
	assert.match(fs[1], /<label for="f-new_name">New person&#39;s name<\/label>/);
	assert.match(fs[1], /<label for="f-new_category">Their category<\/label>/);
	assert.match(fs[1], /<label for="f-new_party">Their party \(if any\)<\/label>/);
	assert.match(fs[1], /<button type="submit" name="op" value="new_person">Add new person<\/button>/);
	assert.equal(control(r.body, 'f-new_name'), name, 'the name is filled in');
	assert.ok(selectOptions(fs[1], 'new_category').some((o) => o.value === 'mp' && o.label === 'MP'));
	assert.match(fs[1], /<label for="f-new_basis">Why we hold their details<\/label>/);
	const bases = selectOptions(fs[1], 'new_basis');
	assert.equal(bases.find((o) => o.selected)?.value, 'legitimate_interests',
	    'legitimate interests is chosen unless another basis is');
	assert.ok(bases.some((o) => o.value === 'public_task' && o.label === 'Public task'));
	assert.ok(!bases.some((o) => o.value === 'consent'), 'consent, which needs its date, is not offered');
	// Everything typed is still there.
	assert.equal(control(r.body, 'f-title'), typed.title);
	assert.equal(control(r.body, 'f-date'), typed.date);
	assert.equal(control(r.body, 'f-time'), typed.time);
	assert.equal(control(r.body, 'f-type'), typed.type);
	assert.equal(control(r.body, 'f-summary'), typed.summary);
	assert.equal(control(r.body, 'f-outcome'), typed.outcome);
	assert.deepEqual(control(r.body, 'f-staff_id'), [String(me)]);
	assert.equal(control(r.body, 'f-fu_action_0'), `Write up ${tok}`);
	assert.equal(control(r.body, 'f-fu_owner_0'), String(me));
	assert.equal(control(r.body, 'f-fu_due_0'), '2024-03-01');

	// A name is needed.
	const blank = formData(r.body, '/engagements/new');
	blank.set('new_name', '');
	blank.set('new_category', 'mp');
	blank.set('op', 'new_person');
	const nameless = await send(admin(), '/engagements/new', blank);
	assert.equal(nameless.status, 400);
	assert.match(fieldError(nameless.body, 'people') ?? '', /Give the new person's name/);
	assert.deepEqual(chosenPeople(nameless.body), []);

	// So is a lawful basis.
	for (const basis of ['', 'gossip']) {
		const unbased = formData(r.body, '/engagements/new');
		unbased.set('new_category', 'mp');
		unbased.set('new_basis', basis);
		unbased.set('op', 'new_person');
		const refused = await send(admin(), '/engagements/new', unbased);
		assert.equal(refused.status, 400, `basis "${basis}"`);
		assert.match(fieldError(refused.body, 'people') ?? '', /why we hold their details/);
		assert.deepEqual(chosenPeople(refused.body), []);
		assert.equal(control(refused.body, 'f-new_name'), name, 'the name is kept');
	}
	assert.ok(!(await directory(name)).some((o) => o.value === name), 'no one was added');

	// "Add new person" puts them in the directory and on the form.
	const add = formData(r.body, '/engagements/new');
	add.set('new_category', 'mp');
	add.set('new_party', 'Green');
	add.set('op', 'new_person');
	const added = await send(admin(), '/engagements/new', add);
	assert.equal(added.status, 200, mainText(added.body));
	const chosen = chosenPeople(added.body);
	assert.equal(chosen.length, 1);
	assert.equal(chosen[0].label, `${name} (Green)`);
	assert.equal(fieldError(added.body, 'people'), undefined);
	assert.equal(control(added.body, 'f-people'), '');
	assert.doesNotMatch(added.body, /Add a new person to the directory/);
	assertNoDirectoryList(added.body);
	assert.ok((await directory(name)).some((o) => o.value === name), 'now in the type-ahead');
	assert.equal(control(added.body, 'f-title'), typed.title);
	assert.equal(control(added.body, 'f-summary'), typed.summary);
	assert.equal(control(added.body, 'f-fu_action_0'), `Write up ${tok}`);
	assert.deepEqual(control(added.body, 'f-staff_id'), [String(me)]);

	const save = formData(added.body, '/engagements/new');
	save.set('op', 'save');
	const saved = await send(admin(), '/engagements/new', save);
	assert.equal(saved.status, 303, mainText(saved.body));
	const page = await view(admin(), saved.location);
	assert.deepEqual(detailPeople(page.body), [[`${name} (Green)`, 'MP', 'New: first engagement with us']]);
	const fx = facts(page.body);
	assert.equal(fx.Type, 'Written briefing');
	assert.equal(fx.Date, '2024-02-03 at 09:30');
	assert.equal(fx['Staff present'], users.demo.name);
	assert.match(mainText(page.body), new RegExp(`Write up ${tok} — ${users.demo.name}, due 2024-03-01`));
	// The person was made once.
	assert.equal((await directory(name)).filter((o) => o.value.startsWith(name)).length, 1);
});

test('namesakes: a shared name must be chosen by its number from the type-ahead', async () => {
	const tok = token();
	const name = `Sam ${tok}`;
	const a = await newPerson(name, 'mp', 'Labour');
	const b = await newPerson(name, 'journalist');
	const opts = (await directory(name)).filter((o) => o.value.startsWith(name));
	assert.deepEqual(opts.map((o) => o.value).sort(), [`${name} #${a}`, `${name} #${b}`].sort());
	assert.deepEqual(opts.map((o) => o.hint).sort(), ['Journalist', 'MP, Labour']);

	const r = await send(admin(), '/engagements/new', engagementForm({ title: `Namesakes ${tok}`, people: name, op: 'add_person' }));
	assert.equal(r.status, 400);
	assert.equal(fieldError(r.body, 'people'),
	    `Several people are called \u201c${name}\u201d: type one of ${name} #${a} (MP, Labour), ${name} #${b} (Journalist).`);
	assert.deepEqual(chosenPeople(r.body), []);

	const r2 = await send(admin(), '/engagements/new', engagementForm({ title: `Namesakes ${tok}`, people: `${name} #${b}`, op: 'add_person' }));
	assert.equal(r2.status, 200, mainText(r2.body));
	assert.deepEqual(chosenPeople(r2.body).map((p) => p.id), [b]);
});

test('"Add another follow-up" adds a blank row, keeps the filled ones, and blank rows are not saved', async () => {
	const tok = token();
	const me = await demoId();
	const r = await send(admin(), '/engagements/new', engagementForm({
		title: `Follow-up rows ${tok}`,
		followups: [{ action: `Call back ${tok}`, owner: me, due: '2030-01-01' }],
		op: 'add_followup',
	}));
	assert.equal(r.status, 200, mainText(r.body));
	assert.equal(inputValue(r.body, '/engagements/new', 'fu_count'), '2');
	assert.match(r.body, /<legend>Follow-up 2<\/legend>/);
	assert.equal(control(r.body, 'f-fu_action_0'), `Call back ${tok}`);
	assert.equal(control(r.body, 'f-fu_owner_0'), String(me));
	assert.equal(control(r.body, 'f-fu_due_0'), '2030-01-01');
	assert.equal(control(r.body, 'f-fu_action_1'), '');
	assert.equal(control(r.body, 'f-fu_owner_1'), '0');
	assert.equal(control(r.body, 'f-title'), `Follow-up rows ${tok}`);

	const body = formData(r.body, '/engagements/new');
	body.set('op', 'save');
	const saved = await send(admin(), '/engagements/new', body);
	assert.equal(saved.status, 303, mainText(saved.body));
	const page = await view(admin(), saved.location);
	const items = main(page.body).match(/<ul class="followups">([\s\S]*?)<\/ul>/);
	assert.ok(items, 'the follow-ups are listed');
	assert.deepEqual([...items[1].matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/g)].map((m) => pageText(m[1])),
	    [`Call back ${tok} — ${users.demo.name}, due 2030-01-01`]);
});

test('saving with errors: 400, each message beside its field, every typed value kept, nothing saved', async () => {
	const tok = token();
	const me = await demoId();
	const person = await newPerson(`Val ${tok}`, 'mp', 'Labour');
	const bad = {
		date: '2024-02-30', time: '10:15', type: 'media_appearance', title: '',
		summary: `Summary ${tok}\n\nsecond paragraph`, outcome: `Outcome ${tok}`,
		media_programme: `Programme ${tok}`, media_link: 'javascript:alert(1)',
		personIds: [person], staff: [me],
		followups: [{ action: '', owner: me, due: '2024-06-01' }],
		op: 'save',
	};
	const r = await send(admin(), '/engagements/new', engagementForm(bad));
	assert.equal(r.status, 400, mainText(r.body));
	assert.match(r.body, /<div class="error-summary" role="alert"><h2>There is a problem<\/h2>/);
	assert.equal(fieldError(r.body, 'title'), 'Title is required.');
	assert.equal(fieldError(r.body, 'date'), 'That date does not exist.');
	assert.equal(fieldError(r.body, 'media_medium'), 'Choose the medium of a media appearance.');
	assert.equal(fieldError(r.body, 'media_link'), 'Enter a web address starting with https://.');
	assert.equal(fieldError(r.body, 'followups'), 'Each follow-up needs an action.');
	assert.equal(fieldError(r.body, 'time'), undefined);
	assert.equal(fieldError(r.body, 'summary'), undefined);
	assert.match(r.body, /<input id="f-title"[^>]*aria-invalid="true"/);
	// Everything typed comes back.
	assert.equal(control(r.body, 'f-date'), '2024-02-30');
	assert.equal(control(r.body, 'f-time'), '10:15');
	assert.equal(control(r.body, 'f-type'), 'media_appearance');
	assert.equal(control(r.body, 'f-summary'), bad.summary);
	assert.equal(control(r.body, 'f-outcome'), bad.outcome);
	assert.equal(control(r.body, 'f-media_programme'), bad.media_programme);
	assert.equal(control(r.body, 'f-media_link'), bad.media_link);
	assert.deepEqual(chosenPeople(r.body), [{ id: person, label: `Val ${tok} (Labour)`, checked: true }]);
	assert.deepEqual(control(r.body, 'f-staff_id'), [String(me)]);
	assert.equal(control(r.body, 'f-fu_due_0'), '2024-06-01');
	// The form shown again searches the directory as before, and carries
	// no list of people itself.
	assertNoDirectoryList(r.body);
	assert.match(r.body, /<input id="f-people" name="people" type="text" autocomplete="off" data-search="\/people\/search.json"/);
	assert.equal(control(r.body, 'f-fu_owner_0'), String(me));
	assert.equal(inputValue(r.body, '/engagements/new', 'version'), '0');

	// One problem at a time.
	const cases = [
		[{ date: '15/01/2024' }, 'date', /YYYY-MM-DD/],
		[{ date: '' }, 'date', /^Date is required\.$/],
		[{ time: '25:00' }, 'time', /HH:MM/],
		[{ type: 'nonsense' }, 'type', /^Choose one of the options\.$/],
		[{ type: '' }, 'type', /^Type is required\.$/],
		[{ title: 'x'.repeat(301) }, 'title', /300 characters or fewer/],
		[{ media_link: 'www.example.org/clip' }, 'media_link', /https:\/\//],
		[{ type: 'media_appearance', media_medium: '' }, 'media_medium', /^Choose the medium of a media appearance\.$/],
		[{ followups: [{ action: '', owner: me }] }, 'followups', /^Each follow-up needs an action\.$/],
		[{ followups: [{ action: 'Chase', due: 'next week' }] }, 'followups', /^Enter follow-up due dates as YYYY-MM-DD\.$/],
	];
	for (const [change, field, want] of cases) {
		const res = await send(admin(), '/engagements/new', engagementForm({
			title: `Valid ${tok}`, ...change, op: 'save',
		}));
		assert.equal(res.status, 400, `${JSON.stringify(change)}: ${res.status}`);
		assert.match(fieldError(res.body, field) ?? '(no message)', want, JSON.stringify(change));
	}
	assert.equal((await list({ q: tok })).total, 0, 'nothing was saved');

	// Fixed, it saves.
	const fixed = formData(r.body, '/engagements/new');
	fixed.set('date', '2024-02-28');
	fixed.set('title', `Fixed ${tok}`);
	fixed.set('media_medium', 'online');
	fixed.set('media_link', 'https://example.org/clip');
	fixed.set('fu_action_0', `Send notes ${tok}`);
	fixed.set('op', 'save');
	const ok = await send(admin(), '/engagements/new', fixed);
	assert.equal(ok.status, 303, mainText(ok.body));
	assert.deepEqual(titles((await list({ q: tok })).rows), [`Fixed ${tok}`]);
});

test('media details, organisations, policy areas and staff show on the detail page and fill the edit form', async () => {
	const tok = token();
	const me = await demoId();
	const ed = await editor();
	const outlet = await createOrg(`Radio ${tok}`, 'media_outlet', 'broadcast');
	const council = await createOrg(`Council ${tok}`, 'council');
	const area = await createArea(`Area ${tok}`, true);
	const form = await view(admin(), '/engagements/new');
	assert.ok(selectOptions(form.body, 'media_outlet').some((o) => o.value === String(outlet) && o.label === `Radio ${tok}`),
	    'the outlet is offered for media appearances');
	assert.ok(!selectOptions(form.body, 'media_outlet').some((o) => o.value === String(council)),
	    'a council is not a media outlet');
	assert.ok(selectOptions(form.body, 'org_id').some((o) => o.value === String(council) && o.label.startsWith(`Council ${tok}`)));

	const id = await createEngagement({
		type: 'media_appearance', date: '2024-06-07', time: '07:45', title: `On air ${tok}`,
		media_outlet: String(outlet), media_medium: 'broadcast',
		media_programme: `Today ${tok}`, media_link: 'https://example.org/clip?a=1&b=2',
		orgs: [council], areas: [area], staff: [me, ed.id],
	});
	const page = await view(admin(), `/engagements/${id}`);
	assert.equal(page.status, 200);
	assert.match(page.body, new RegExp(`<h1>On air ${tok}</h1>`));
	const fx = facts(page.body);
	assert.equal(fx.Type, 'Media appearance');
	assert.equal(fx.Date, '2024-06-07 at 07:45');
	assert.equal(fx.Outlet, `Radio ${tok}`);
	assert.equal(fx.Medium, 'Broadcast');
	assert.equal(fx['Programme or publication'], `Today ${tok}`);
	assert.equal(fx.Link, 'https://example.org/clip?a=1&b=2');
	assert.match(page.body, /<a href="https:\/\/example\.org\/clip\?a=1&amp;b=2" rel="noopener noreferrer">/);
	assert.equal(fx.Organisations, `Council ${tok}`);
	assert.match(page.body, new RegExp(`<a href="/organisations/${council}">Council ${tok}</a>`));
	assert.equal(fx['Policy areas'], `Area ${tok} priority`);
	assert.deepEqual(fx['Staff present'].split(/\s+(?=Editor|Demo)/).sort(), [users.demo.name, `Editor ${ed.user.username}`].sort());
	assert.equal(fx['Logged by'], users.demo.name);

	const edit = await view(admin(), `/engagements/${id}/edit`);
	assert.equal(edit.status, 200);
	assert.match(edit.body, /<h1>Edit engagement<\/h1>/);
	assert.equal(inputValue(edit.body, `/engagements/${id}/edit`, 'version'), '1');
	assert.equal(control(edit.body, 'f-type'), 'media_appearance');
	assert.equal(control(edit.body, 'f-media_outlet'), String(outlet));
	assert.equal(control(edit.body, 'f-media_medium'), 'broadcast');
	assert.equal(control(edit.body, 'f-media_programme'), `Today ${tok}`);
	assert.equal(control(edit.body, 'f-media_link'), 'https://example.org/clip?a=1&b=2');
	assert.deepEqual(control(edit.body, 'f-org_id'), [String(council)]);
	assert.deepEqual(control(edit.body, 'f-area_id'), [String(area)]);
	assert.deepEqual(control(edit.body, 'f-staff_id').sort(), [String(me), String(ed.id)].sort());

	// Filtering by the policy area finds it.
	assert.deepEqual(titles((await list({ area: String(area) })).rows), [`On air ${tok}`]);
});

test('a save links only live organisations it names, and a form shown again offers every organisation', async () => {
	const tok = token();
	const live = await createOrg(`Live ${tok}`, 'council');
	const gone = await createOrg(`Gone ${tok}`, 'council');
	const other = await createOrg(`Other ${tok}`, 'ngo');
	assert.equal((await send(admin(), `/organisations/${gone}/delete`, {})).status, 303);
	const body = engagementForm({ title: `Orgs ${tok}`, orgs: [live, gone, 99999999, live] });
	body.append('org_id', 'x1');
	body.set('op', 'save');
	const r = await send(admin(), '/engagements/new', body);
	assert.equal(r.status, 303, mainText(r.body));
	const id = idFrom(r.location);
	assert.equal(facts((await view(admin(), `/engagements/${id}`)).body).Organisations, `Live ${tok}`,
	    'a deleted, missing or malformed id is not linked, and a repeated one once');
	// Past 64 ids the save checks them against the whole list instead.
	const many = engagementForm({ title: `Many orgs ${tok}`,
	    orgs: [...Array(70).fill(gone), live, other] });
	many.set('op', 'save');
	const r2 = await send(admin(), '/engagements/new', many);
	assert.equal(r2.status, 303, mainText(r2.body));
	assert.deepEqual(facts((await view(admin(), `/engagements/${idFrom(r2.location)}`)).body).Organisations
	    .split(/\s*,\s*|\s+(?=Other)/).sort(), [`Live ${tok}`, `Other ${tok}`]);

	// A form that fails its checks comes back with the whole list, the
	// posted choice still chosen.
	const bad = engagementForm({ title: '', orgs: [live] });
	bad.set('op', 'save');
	const again = await send(admin(), '/engagements/new', bad);
	assert.equal(again.status, 400);
	assert.ok(fieldError(again.body, 'title'), 'the title is required');
	const opts = selectOptions(again.body, 'org_id');
	assert.ok(opts.some((o) => o.value === String(other)), 'an organisation not posted is offered');
	assert.ok(!opts.some((o) => o.value === String(gone)), 'a deleted one is not');
	assert.deepEqual(control(again.body, 'f-org_id'), [String(live)]);

	// Editing keeps a link to an organisation deleted since.
	const kept = await createEngagement({ title: `Kept ${tok}`, orgs: [other] });
	assert.equal((await send(admin(), `/organisations/${other}/delete`, {})).status, 303);
	const edited = await editEngagement(kept, { title: `Kept edited ${tok}` });
	assert.equal(edited.status, 303, mainText(edited.body));
	assert.equal(facts((await view(admin(), `/engagements/${kept}`)).body).Organisations, `Other ${tok}`);
	const form = await view(admin(), `/engagements/${kept}/edit`);
	assert.deepEqual(control(form.body, 'f-org_id'), [String(other)]);
	const held = await send(admin(), `/engagements/${kept}/edit`, (() => {
		const b = formData(form.body, `/engagements/${kept}/edit`);
		b.set('title', '');
		b.set('op', 'save');
		return b;
	})());
	assert.equal(held.status, 400);
	assert.ok(selectOptions(held.body, 'org_id').some((o) => o.value === String(other) && /deleted/.test(o.label)),
	    'shown again, the edit form still offers the deleted organisation it links');
});

test('the detail page renders Markdown safely: no raw HTML, no javascript: links; titles are escaped', async () => {
	const tok = token();
	const summary = [
		`Intro ${tok} with **bold** and _stress_.`, '',
		'- one', '- two', '',
		"<script>alert('x')</script>", '',
		'<img src=x onerror=alert(1)>', '',
		'[bad](javascript:alert(1)) and [good](https://example.org/ok)',
	].join('\n');
	const outcome = 'Agreed <b onclick="alert(2)">next</b> steps; [sneaky](JaVaScRiPt:alert(3))';
	const id = await createEngagement({ title: `<i>Tagged</i> & ${tok}`, summary, outcome });
	const r = await view(admin(), `/engagements/${id}`);
	assert.equal(r.status, 200);
	assertSecurityHeaders(r.headers, 'GET /engagements/ID');
	assert.match(r.body, new RegExp(`<h1>&lt;i&gt;Tagged&lt;/i&gt; &amp; ${tok}</h1>`));
	const md = [...r.body.matchAll(/<div class="markdown">([\s\S]*?)<\/div>/g)].map((m) => m[1]);
	assert.equal(md.length, 2, 'summary and outcome are shown');
	assert.match(md[0], /<strong>bold<\/strong>/);
	assert.match(md[0], /<em>stress<\/em>/);
	assert.match(md[0], /<li>one<\/li>\s*<li>two<\/li>/);
	assert.match(md[0], /<a href="https:\/\/example\.org\/ok">good<\/a>/);
	assert.match(md[1], /Agreed/);
	const all = md.join('\n');
	assert.doesNotMatch(all, /<script/i);
	assert.doesNotMatch(all, /<img/i);
	assert.doesNotMatch(all, /<b\b/i);
	assert.doesNotMatch(all, /\bon(error|click)=/i);
	assert.doesNotMatch(all, /javascript:/i);
	for (const text of ['bad', 'sneaky']) {
		const a = all.match(new RegExp(`<a\\b([^>]*)>${text}</a>`));
		assert.ok(a, `the "${text}" link text is kept`);
		const href = attributes(`<a ${a[1]}>`).href;
		assert.ok(href === undefined || href === '', `the "${text}" link loses its href: ${a[0]}`);
	}
	assert.doesNotMatch(main(r.body), /<script/i, 'no script on the detail page');
	// The list escapes the title too.
	const l = await list({ q: tok });
	assert.match(l.body, new RegExp(`<a href="/engagements/${id}">&lt;i&gt;Tagged&lt;/i&gt; &amp; ${tok}</a>`));
});

// --- the list -------------------------------------------------------------

test('the list: newest first by date, then time, then number; rows show type, linked title and people', async () => {
	const tok = token();
	const pat = await newPerson(`Pat ${tok}`, 'mp', 'Labour');
	const ids = {};
	for (const [key, date, time, extra] of [
		['A', '2024-03-05', '', {}],
		['B', '2024-03-05', '14:00', { personIds: [pat] }],
		['C', '2024-03-05', '09:00', { type: 'written_briefing' }],
		['D', '2024-03-05', '', {}],
		['E', '2024-03-06', '', {}],
		['F', '2024-03-04', '23:59', { personIds: [pat] }],
	])
		ids[key] = await createEngagement({ date, time, title: `${tok} ${key}`, ...extra });
	const l = await list({ q: tok });
	assertSecurityHeaders((await view(admin(), `/engagements?q=${tok}`)).headers, 'GET /engagements');
	assert.match(l.body, /<h1>Engagements<\/h1>/);
	assert.equal(l.total, 6);
	assert.deepEqual(titles(l.rows), ['E', 'B', 'C', 'D', 'A', 'F'].map((k) => `${tok} ${k}`));
	const b = l.rows[1];
	assert.deepEqual(b, { id: ids.B, date: '2024-03-05', type: 'Meeting', title: `${tok} B`,
	    people: [{ text: `Pat ${tok} (Labour)`, tag: 'existing' }] });
	assert.equal(l.rows[2].type, 'Written briefing');
	assert.deepEqual(l.rows[5].people, [{ text: `Pat ${tok} (Labour)`, tag: 'new' }]);
	assert.deepEqual(l.rows[0].people, []);
	assert.match(l.body, /<a href="\/engagements\/new" class="button primary">Log an engagement<\/a>/);
	assert.match(l.body, new RegExp(`<a href="/engagements\\.csv\\?q=${tok}" class="button">Download CSV</a>`));
	// The filter form shows the search.
	assert.equal(control(l.body, 'f-q'), tok);
	// The CSV has the same order.
	const c = await csv({ q: tok });
	assert.deepEqual(c.rows.slice(1).map((x) => x[3]), titles(l.rows));
});

test('list filters: dates (inclusive), type, person, party, category, policy area and text; bad values ignored', async () => {
	const tok = token();
	const party = `Party${tok}`;
	const p1 = await newPerson(`Quinn ${tok}n`, 'mp', party);
	const p2 = await newPerson(`Robin ${tok}`, 'peer', '');
	const area = await createArea(`Filters ${tok}`, false);
	const a = await createEngagement({ date: '2023-01-10', title: `${tok} alpha`, personIds: [p1], areas: [area] });
	const b = await createEngagement({ date: '2023-02-15', type: 'written_briefing', title: `${tok} bravo`,
	    summary: `Mentions ${tok}s in the summary`, personIds: [p2] });
	const c = await createEngagement({ date: '2023-03-20', type: 'media_appearance', media_medium: 'online',
	    title: `${tok} charlie`, outcome: `Outcome has ${tok}o`, personIds: [p1, p2] });
	const byId = { [a]: 'alpha', [b]: 'bravo', [c]: 'charlie' };
	const names = (rows) => rows.map((r) => byId[r.id] ?? r.title);
	const cases = [
		[{ q: tok }, ['charlie', 'bravo', 'alpha']],
		[{ q: tok, from: '2023-02-15' }, ['charlie', 'bravo']],
		[{ q: tok, to: '2023-02-15' }, ['bravo', 'alpha']],
		[{ q: tok, from: '2023-02-15', to: '2023-02-15' }, ['bravo']],
		[{ q: tok, from: '2023-02-16', to: '2023-03-19' }, []],
		[{ q: tok, type: 'written_briefing' }, ['bravo']],
		[{ q: tok, type: 'media_appearance' }, ['charlie']],
		[{ person: String(p2) }, ['charlie', 'bravo']],
		[{ person: String(p1), q: tok }, ['charlie', 'alpha']],
		[{ party }, ['charlie', 'alpha']],
		[{ q: tok, category: 'peer' }, ['charlie', 'bravo']],
		[{ q: tok, category: 'mp' }, ['charlie', 'alpha']],
		[{ q: tok, category: 'journalist' }, []],
		[{ area: String(area) }, ['alpha']],
		[{ q: `${tok}s` }, ['bravo']],			// summary
		[{ q: `${tok}o` }, ['charlie']],		// outcome
		[{ q: `${tok}n` }, ['charlie', 'alpha']],	// a person's name
		[{ q: `Robin ${tok}` }, ['charlie', 'bravo']],
		[{ q: tok.toUpperCase() }, ['charlie', 'bravo', 'alpha']],
		[{ q: `${tok}%` }, []],				// % is not a wildcard
		[{ q: `${tok.slice(0, -1)}_` }, []],		// nor is _
		[{ q: tok, party, type: 'meeting' }, ['alpha']],
		// Bad values are ignored rather than refused.
		[{ q: tok, from: 'yesterday', to: '2023-13-45', person: 'x', area: 'y' }, ['charlie', 'bravo', 'alpha']],
	];
	for (const [query, want] of cases) {
		const l = await list(query);
		assert.deepEqual(names(l.rows), want, JSON.stringify(query));
		assert.equal(l.total, want.length, `count for ${JSON.stringify(query)}`);
	}
	// The person filter says whose engagements these are.
	const byPerson = await list({ person: String(p2) });
	assert.match(mainText(byPerson.body), new RegExp(`Showing engagements with Robin ${tok}\\.`));
	// The form keeps the filters, and "Download CSV" carries them.
	const l = await list({ q: tok, from: '2023-02-01', type: 'written_briefing', category: 'peer' });
	assert.equal(control(l.body, 'f-from'), '2023-02-01');
	assert.equal(control(l.body, 'f-type'), 'written_briefing');
	assert.equal(control(l.body, 'f-category'), 'peer');
	const href = l.body.match(/<a href="(\/engagements\.csv[^"]*)" class="button">Download CSV<\/a>/);
	assert.ok(href, 'a Download CSV link');
	const u = new URL(decodeEntities(href[1]), ORIGIN);
	assert.deepEqual(Object.fromEntries(u.searchParams),
	    { q: tok, from: '2023-02-01', type: 'written_briefing', category: 'peer' });
	const r = await view(admin(), u.pathname + u.search);
	assert.equal(r.status, 200);
	assert.deepEqual(parseCsv(r.body).slice(1).map((x) => x[3]), [`${tok} bravo`]);
	// So does the party filter's CSV.
	const pc = await csv({ party });
	assert.deepEqual(pc.rows.slice(1).map((x) => x[3]), [`${tok} charlie`, `${tok} alpha`]);
});

test('the list shows 50 to a page, with page links that keep the filters', async () => {
	const tok = token();
	for (let i = 1; i <= 51; i++)
		await createEngagement({ date: '2022-07-01', title: `${tok} n${String(i).padStart(2, '0')}` });
	const want = Array.from({ length: 51 }, (_, i) => `${tok} n${String(51 - i).padStart(2, '0')}`);
	const p1 = await list({ q: tok });
	assert.equal(p1.total, 51);
	assert.match(mainText(p1.body), /51 engagements/);
	assert.deepEqual(titles(p1.rows), want.slice(0, 50));
	assert.match(mainText(p1.body), /Page 1 of 2/);
	const next = p1.body.match(/<a href="([^"]*)" rel="next">/);
	assert.ok(next, 'a link to the next page');
	const nu = new URL(decodeEntities(next[1]), ORIGIN);
	assert.equal(nu.pathname, '/engagements');
	assert.deepEqual(Object.fromEntries(nu.searchParams), { q: tok, page: '2' });
	assert.doesNotMatch(p1.body, /rel="prev"/);

	const p2 = await list({ q: tok, page: '2' });
	assert.equal(p2.total, 51);
	assert.deepEqual(titles(p2.rows), want.slice(50));
	assert.match(mainText(p2.body), /Page 2 of 2/);
	const prev = p2.body.match(/<a href="([^"]*)" rel="prev">/);
	assert.ok(prev, 'a link to the previous page');
	assert.deepEqual(Object.fromEntries(new URL(decodeEntities(prev[1]), ORIGIN).searchParams), { q: tok, page: '1' });
	assert.doesNotMatch(p2.body, /rel="next"/);

	assert.deepEqual((await list({ q: tok, page: '3' })).rows, [], 'past the end: no rows');
	assert.deepEqual(titles((await list({ q: tok, page: 'abc' })).rows), want.slice(0, 50), 'a bad page is page 1');
	assert.deepEqual(titles((await list({ q: tok, page: '0' })).rows), want.slice(0, 50), 'page 0 is page 1');
	// The CSV is not paged.
	const c = await csv({ q: tok });
	assert.deepEqual(c.rows.slice(1).map((x) => x[3]), want);
});

test('GET /engagements.csv: header row, the filtered rows, RFC 4180 quoting, formulas neutralised, an attachment', async () => {
	const tok = token();
	const mal = await newPerson(`@Mal ${tok}`, 'mp', '-Minus');
	const bob = await newPerson(`Bob ${tok}`, 'peer', 'Labour');
	const ann = await newPerson(`Ann ${tok}`, 'mp', 'Green');
	await createEngagement({ date: '2024-04-01', time: '08:05', type: 'correspondence', title: `+44 call ${tok}` });
	await createEngagement({ date: '2024-04-02', title: `Lunch, "informal" ${tok}`, personIds: [ann, bob] });
	await createEngagement({ date: '2024-04-03', title: `=SUM(1+1) ${tok}`, personIds: [mal] });
	await createEngagement({ date: '2024-04-04', title: `Again ${tok}`, personIds: [bob] });
	const { r, rows } = await csv({ q: tok });
	assert.match(r.headers.get('content-type'), /^text\/csv(;|$)/);
	assert.match(r.headers.get('content-disposition') || '', /^attachment; filename="engagements\.csv"$/);
	assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
	assert.ok(r.body.startsWith('Date,Time,Type,Title,People,Parties,New to us\r\n'), JSON.stringify(r.body.slice(0, 60)));
	assert.ok(r.body.endsWith('\r\n'), 'rows end with CRLF');
	const lines = r.body.split('\r\n');
	assert.deepEqual(lines.slice(1), [
		`2024-04-04,,Meeting,Again ${tok},Bob ${tok},Labour,`,
		`2024-04-03,,Meeting,'=SUM(1+1) ${tok},'@Mal ${tok},'-Minus,'@Mal ${tok}`,
		`2024-04-02,,Meeting,"Lunch, ""informal"" ${tok}",Ann ${tok}; Bob ${tok},Green; Labour,Ann ${tok}; Bob ${tok}`,
		`2024-04-01,08:05,Correspondence,'+44 call ${tok},,,`,
		'',
	]);
	assert.deepEqual(rows[0], ['Date', 'Time', 'Type', 'Title', 'People', 'Parties', 'New to us']);
	assert.equal(rows[3][3], `Lunch, "informal" ${tok}`);
	// A viewer may download it too; filters apply.
	const v = await csv({ q: tok, type: 'correspondence' }, viewer());
	assert.deepEqual(v.rows.slice(1).map((x) => x[3]), [`'+44 call ${tok}`]);
	// Nothing matches: just the header.
	const none = await csv({ q: `${tok}zzz` });
	assert.equal(none.r.body, 'Date,Time,Type,Title,People,Parties,New to us\r\n');
});

// --- new or existing ------------------------------------------------------

test('new or existing: the first engagement by date, time and number; back-dating and deleting move it', async () => {
	const tok = token();
	const name = `Nia ${tok}`;
	const nia = await newPerson(name, 'councillor', 'Plaid');
	const NEW = 'New: first engagement with us', OLD = 'Existing';
	const e1 = await createEngagement({ date: '2024-03-10', title: `${tok} first logged`, personIds: [nia] });
	assert.equal(await newOrExisting(e1, name), NEW);
	const e2 = await createEngagement({ date: '2024-03-20', title: `${tok} later`, personIds: [nia] });
	assert.equal(await newOrExisting(e2, name), OLD);
	assert.equal(await newOrExisting(e1, name), NEW);

	// Logged last but back-dated: it is now the first.
	const e3 = await createEngagement({ date: '2024-03-01', time: '10:00', title: `${tok} back-dated`, personIds: [nia] });
	assert.equal(await newOrExisting(e3, name), NEW);
	assert.equal(await newOrExisting(e1, name), OLD);
	assert.equal(await newOrExisting(e2, name), OLD);
	// The same day: no time counts as the start of the day; then by number.
	const e4 = await createEngagement({ date: '2024-03-01', time: '', title: `${tok} same day, no time`, personIds: [nia] });
	assert.equal(await newOrExisting(e4, name), NEW, 'no time is earlier than 10:00');
	assert.equal(await newOrExisting(e3, name), OLD);
	const e5 = await createEngagement({ date: '2024-03-01', time: '', title: `${tok} same day again`, personIds: [nia] });
	assert.equal(await newOrExisting(e5, name), OLD, 'a tie goes to the lower number');

	const tags = async () => Object.fromEntries((await list({ q: tok })).rows.map((r) => [r.id, r.people[0]?.tag]));
	assert.deepEqual(await tags(), { [e1]: 'existing', [e2]: 'existing', [e3]: 'existing', [e4]: 'new', [e5]: 'existing' });
	const c = await csv({ q: tok });
	assert.deepEqual(c.rows.slice(1).map((x) => [x[3], x[6]]), [
		[`${tok} later`, ''], [`${tok} first logged`, ''], [`${tok} back-dated`, ''],
		[`${tok} same day again`, ''], [`${tok} same day, no time`, name],
	]);

	// Deleting the first hands it on; restoring takes it back.
	for (const id of [e4, e3]) {
		const d = await send(admin(), `/engagements/${id}/delete`);
		assert.equal(d.status, 303);
	}
	assert.equal(await newOrExisting(e5, name), NEW);
	assert.deepEqual(await tags(), { [e1]: 'existing', [e2]: 'existing', [e5]: 'new' });
	const r = await send(admin(), `/engagements/${e4}/restore`);
	assert.equal(r.status, 303);
	assert.equal(await newOrExisting(e4, name), NEW);
	assert.equal(await newOrExisting(e5, name), OLD);

	// Editing the date moves it too.
	const moved = await editEngagement(e2, { date: '2024-02-01' });
	assert.equal(moved.status, 303, mainText(moved.body));
	assert.equal(await newOrExisting(e2, name), NEW);
	assert.equal(await newOrExisting(e4, name), OLD);
});

// --- edit, conflicts, delete, history -------------------------------------

test('editing: the form is filled in, saving updates the record and its version', async () => {
	const tok = token();
	const me = await demoId();
	const p = await newPerson(`Eddie ${tok}`, 'civil_servant');
	const id = await createEngagement({
		date: '2024-08-09', time: '15:30', type: 'coalition_meeting', title: `Edit me ${tok}`,
		summary: '\nStarts with a blank line', outcome: 'Outcome *one*', personIds: [p],
		followups: [{ action: `Chase ${tok}`, owner: me, due: '2024-09-01' }],
	});
	const r = await view(admin(), `/engagements/${id}/edit`);
	assert.equal(r.status, 200);
	assertSecurityHeaders(r.headers, 'GET /engagements/ID/edit');
	const action = `/engagements/${id}/edit`;
	formFor(r.body, action);
	assert.equal(inputValue(r.body, action, 'version'), '1');
	assert.equal(control(r.body, 'f-date'), '2024-08-09');
	assert.equal(control(r.body, 'f-time'), '15:30');
	assert.equal(control(r.body, 'f-type'), 'coalition_meeting');
	assert.equal(control(r.body, 'f-title'), `Edit me ${tok}`);
	assert.equal(control(r.body, 'f-summary'), '\nStarts with a blank line');
	assert.equal(control(r.body, 'f-outcome'), 'Outcome *one*');
	assert.deepEqual(chosenPeople(r.body), [{ id: p, label: `Eddie ${tok}`, checked: true }]);
	assert.equal(control(r.body, 'f-fu_action_0'), `Chase ${tok}`);
	assert.equal(control(r.body, 'f-fu_owner_0'), String(me));
	assert.equal(control(r.body, 'f-fu_due_0'), '2024-09-01');
	assert.equal(inputValue(r.body, action, 'fu_count'), '2', 'the saved row and a blank one');

	const body = formData(r.body, action);
	body.set('title', `Edited ${tok}`);
	body.set('time', '');
	body.set('op', 'save');
	const s = await send(admin(), action, body);
	assert.equal(s.status, 303, mainText(s.body));
	assert.equal(s.location, `/engagements/${id}?saved=1`);
	const page = await view(admin(), s.location);
	assert.match(page.body, /<p class="notice" role="status">Saved\.<\/p>/);
	assert.match(page.body, new RegExp(`<h1>Edited ${tok}</h1>`));
	assert.equal(facts(page.body).Date, '2024-08-09');
	assert.equal(facts(page.body).Type, 'Coalition meeting');
	assert.deepEqual(detailPeople(page.body).map((x) => x[0]), [`Eddie ${tok}`]);
	assert.match(mainText(page.body), new RegExp(`Chase ${tok} — ${users.demo.name}, due 2024-09-01`));
	const again = await view(admin(), `/engagements/${id}/edit`);
	assert.equal(inputValue(again.body, action, 'version'), '2');
	assert.equal(control(again.body, 'f-summary'), '\nStarts with a blank line', 'a leading newline survives');
	// The detail page offers Edit, Delete and History to an editor.
	assert.match(page.body, new RegExp(`<a href="/engagements/${id}/edit" class="button primary">Edit</a>`));
	formFor(page.body, `/engagements/${id}/delete`);
	assert.match(page.body, new RegExp(`<a href="/engagements/${id}/history" class="button">History</a>`));
});

test('two editors save from one version: the second gets 409 with both versions, and saving again wins', async () => {
	const tok = token();
	const ed = await editor();
	const id = await createEngagement({ date: '2024-09-10', title: `Conflict ${tok}`, summary: 'Original' });
	const action = `/engagements/${id}/edit`;
	const mine = await view(admin(), action);
	const theirs = await view(ed, action);
	assert.equal(theirs.status, 200, 'an editor may edit');

	const first = formData(mine.body, action);
	first.set('title', `Admin's title ${tok}`);
	first.set('op', 'save');
	assert.equal((await send(admin(), action, first)).status, 303);

	const second = formData(theirs.body, action);
	second.set('title', `Editor's title ${tok}`);
	second.set('summary', 'Editor summary');
	second.set('op', 'save');
	const c = await send(ed, action, second);
	assert.equal(c.status, 409, mainText(c.body));
	assert.match(c.body, /<div class="error-summary" role="alert"><h2>Someone else saved this record first<\/h2>/);
	const table = c.body.match(/<table class="conflict">([\s\S]*?)<\/table>/);
	assert.ok(table, 'a table compares the versions');
	assert.match(table[1], /<th scope="col">Your version<\/th><th scope="col">Saved version<\/th>/);
	const rows = Object.fromEntries([...table[1].matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].slice(1)
	    .map((m) => [...m[1].matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((x) => pageText(x[1])))
	    .map(([label, yours, saved]) => [label, [yours, saved]]));
	assert.deepEqual(rows['Title (differs)'], [`Editor's title ${tok}`, `Admin's title ${tok}`]);
	assert.deepEqual(rows['Summary (differs)'], ['Editor summary', 'Original']);
	assert.deepEqual(rows.Date, ['2024-09-10', '2024-09-10']);
	// The form has the editor's values and the saved version's number.
	assert.equal(control(c.body, 'f-title'), `Editor's title ${tok}`);
	assert.equal(control(c.body, 'f-summary'), 'Editor summary');
	assert.equal(inputValue(c.body, action, 'version'), '2');
	// The record is unchanged by the refused save.
	const between = await view(admin(), `/engagements/${id}`);
	assert.match(between.body, new RegExp(`<h1>Admin&#39;s title ${tok}</h1>`));

	const retry = formData(c.body, action);
	retry.set('op', 'save');
	const won = await send(ed, action, retry);
	assert.equal(won.status, 303, mainText(won.body));
	const page = await view(admin(), `/engagements/${id}`);
	assert.match(page.body, new RegExp(`<h1>Editor&#39;s title ${tok}</h1>`));
	assert.match(mainText(page.body), /Editor summary/);
	// The admin's old form is stale now.
	const stale = await send(admin(), action, first);
	assert.equal(stale.status, 409);
});

test('delete and restore: off the list, shown with deleted=1, 404 when repeated, no editing while deleted', async () => {
	const tok = token();
	const id = await createEngagement({ date: '2024-10-01', title: `Delete me ${tok}` });
	const editPage = await view(admin(), `/engagements/${id}/edit`);
	const d = await send(admin(), `/engagements/${id}/delete`);
	assert.equal(d.status, 303);
	assert.equal(d.location, `/engagements/${id}?saved=1`);
	const page = await view(admin(), `/engagements/${id}`);
	assert.equal(page.status, 200, 'a deleted engagement can still be read');
	assert.match(mainText(page.body), /This engagement is deleted\. An editor can restore it\./);
	formFor(page.body, `/engagements/${id}/restore`);
	assert.doesNotMatch(page.body, new RegExp(`action="/engagements/${id}/delete"`));
	assert.doesNotMatch(page.body, new RegExp(`href="/engagements/${id}/edit"`));

	assert.equal((await list({ q: tok })).total, 0, 'gone from the list');
	assert.deepEqual((await csv({ q: tok })).rows.length, 1, 'and from the CSV');
	const del = await list({ q: tok, deleted: '1' });
	assert.match(del.body, /<h1>Deleted engagements<\/h1>/);
	assert.deepEqual(titles(del.rows), [`Delete me ${tok}`]);
	assert.match(del.body, /<input type="hidden" name="deleted" value="1">/, 'the filter form keeps deleted=1');
	assert.match(del.body, /<a href="\/engagements" class="button">Show current<\/a>/);
	assert.deepEqual((await csv({ q: tok, deleted: '1' })).rows.slice(1).map((x) => x[3]), [`Delete me ${tok}`]);

	const twice = await send(admin(), `/engagements/${id}/delete`);
	assert.equal(twice.status, 404);
	const edit = await view(admin(), `/engagements/${id}/edit`);
	assert.equal(edit.status, 409, 'a deleted engagement cannot be edited');
	assert.match(mainText(edit.body), /restore it before editing/);
	// A form opened before the delete gets the conflict page.
	const body = formData(editPage.body, `/engagements/${id}/edit`);
	body.set('title', `Edited while deleted ${tok}`);
	body.set('op', 'save');
	const late = await send(admin(), `/engagements/${id}/edit`, body);
	assert.equal(late.status, 409);
	assert.match(late.body, /<tr class="differs"><th scope="row">Deleted \(differs\)<\/th><td>no<\/td><td>yes<\/td><\/tr>/);

	const r = await send(admin(), `/engagements/${id}/restore`);
	assert.equal(r.status, 303);
	assert.equal(r.location, `/engagements/${id}?saved=1`);
	assert.deepEqual(titles((await list({ q: tok })).rows), [`Delete me ${tok}`]);
	assert.equal((await list({ q: tok, deleted: '1' })).total, 0);
	const r2 = await send(admin(), `/engagements/${id}/restore`);
	assert.equal(r2.status, 404, 'restoring one that is not deleted');
	const back = await view(admin(), `/engagements/${id}`);
	assert.doesNotMatch(back.body, /This engagement is deleted/);
	formFor(back.body, `/engagements/${id}/delete`);
});

test('saving an edit keeps links to a retired policy area, a deleted organisation or person and a disabled user', async () => {
	const tok = token();
	const gone = await newEditor();
	const area = await createArea(`Retired ${tok}`, false);
	const org = await createOrg(`Closed ${tok}`, 'ngo');
	const person = await newPerson(`Former ${tok}`, 'mp', 'Labour');
	const id = await createEngagement({
		date: '2023-05-05', title: `Old links ${tok}`, personIds: [person], orgs: [org],
		areas: [area], staff: [gone.id],
		followups: [{ action: `Task ${tok}`, owner: gone.id, due: '2099-02-02' }],
	});
	const links = async () => {
		const r = await view(admin(), `/engagements/${id}`);
		const fx = facts(r.body);
		return {
			'Policy areas': fx['Policy areas'], Organisations: fx.Organisations,
			'Staff present': fx['Staff present'],
			people: detailPeople(r.body).map((x) => x[0]),
			followup: mainText(r.body).match(new RegExp(`Task ${tok} — [^,]*`))?.[0],
		};
	};
	const want = {
		'Policy areas': `Retired ${tok}`, Organisations: `Closed ${tok}`,
		'Staff present': `Editor ${gone.user.username}`, people: [`Former ${tok} (Labour)`],
		followup: `Task ${tok} — Editor ${gone.user.username}`,
	};
	assert.deepEqual(await links(), want);

	// The area is retired, the organisation and person deleted, the user
	// disabled (the admin page says a retired area stays on past engagements).
	let r = await send(admin(), `/admin/policy-areas/${area}/edit`, { name: `Retired ${tok}`, priority: 'no', retired: 'yes' });
	assert.equal(r.status, 303, `retire the area: ${mainText(r.body)}`);
	r = await send(admin(), `/organisations/${org}/delete`);
	assert.equal(r.status, 303, 'delete the organisation');
	r = await send(admin(), `/people/${person}/delete`);
	assert.equal(r.status, 303, 'delete the person');
	r = await send(admin(), `/admin/users/${gone.id}/disable`);
	assert.equal(r.status, 303, 'disable the user');
	assert.deepEqual(await links(), want, 'the engagement still shows them');

	// Fixing a typo in the title must not drop any of them.
	const e = await editEngagement(id, { title: `Old links, typo fixed ${tok}` });
	assert.equal(e.status, 303, mainText(e.body));
	assert.deepEqual(await links(), want, 'after saving the edit form unchanged but for the title');
});

test('history: create, update, delete and restore, newest first, with the fields that changed', async () => {
	const tok = token();
	const id = await createEngagement({ date: '2024-11-01', title: `History ${tok}`, summary: 'First summary' });
	const u = await editEngagement(id, { title: `History renamed ${tok}`, summary: 'Second summary' });
	assert.equal(u.status, 303);
	assert.equal((await send(admin(), `/engagements/${id}/delete`)).status, 303);
	assert.equal((await send(admin(), `/engagements/${id}/restore`)).status, 303);

	const r = await view(viewer(), `/engagements/${id}/history`);
	assert.equal(r.status, 200, 'a viewer may read the history');
	assert.match(r.body, /<h1>History<\/h1>/);
	assert.match(r.body, new RegExp(`<a href="/engagements/${id}">History renamed ${tok}</a>`));
	const entries = [...r.body.matchAll(/<li><p><time[^>]*>[^<]*<\/time>([^<]*)<\/p>([\s\S]*?)<\/li>/g)]
	    .map((m) => ({
		what: pageText(m[1]),
		changes: Object.fromEntries([...m[2].matchAll(/<tr><td>([\s\S]*?)<\/td><td>([\s\S]*?)<\/td><td>([\s\S]*?)<\/td><\/tr>/g)]
		    .map((c) => [pageText(c[1]), [pageText(c[2]), pageText(c[3])]])),
	    }));
	assert.deepEqual(entries.map((e) => e.what),
	    ['— restore by demo', '— delete by demo', '— update by demo', '— create by demo']);
	assert.deepEqual(entries[2].changes, {
		title: [`History ${tok}`, `History renamed ${tok}`],
		summary: ['First summary', 'Second summary'],
	});
	assert.deepEqual(entries[3].changes.title, ['', `History ${tok}`]);
	assert.deepEqual(entries[3].changes.date, ['', '2024-11-01']);
	const detail = await view(admin(), `/engagements/${id}`);
	assert.match(detail.body, new RegExp(`<a href="/engagements/${id}/history" class="button">History</a>`));
});

// --- follow-ups -----------------------------------------------------------

// The sections of /follow-ups: { Overdue: [items], Due: [...], Done: [...] },
// each item { text, id, done } (id from its Mark form, if any).
function followupSections(html) {
	const out = {};
	for (const m of main(html).matchAll(/<h2>([^<]*)<\/h2>\s*<ul class="followups">([\s\S]*?)<\/ul>/g))
		out[m[1]] = [...m[2].matchAll(/<li>([\s\S]*?)<\/li>/g)].map((li) => {
			const f = li[1].match(/<form method="post" action="\/follow-ups\/(\d+)"[\s\S]*?name="done" value="([01])"/);
			return {
				text: pageText(li[1].replace(/<form[\s\S]*<\/form>/, '')),
				id: f ? Number(f[1]) : undefined,
				sets: f ? f[2] : undefined,
			};
		});
	return out;
}

async function homeSummary(who) {
	const r = await view(who, '/');
	assert.equal(r.status, 200);
	const m = r.body.match(/<p class="notice[^"]*"><a href="\/follow-ups">([^<]*)<\/a><\/p>/);
	assert.ok(m, 'the home page links the follow-ups count to /follow-ups');
	return decodeEntities(m[1]);
}

test('My follow-ups: overdue, due and done sections, the home page count, marking done and not done', async () => {
	const tok = token();
	const ed = await newEditor();		// a user with no other follow-ups
	const me = await demoId();
	const title = `Follow-ups ${tok}`;
	assert.equal(await homeSummary(ed), 'You have no open follow-ups.');
	const id = await createEngagement({
		date: '2024-12-01', title,
		followups: [
			{ action: `Whenever ${tok}`, owner: ed.id },
			{ action: `Overdue ${tok}`, owner: ed.id, due: '2020-01-02' },
			{ action: `Later ${tok}`, owner: ed.id, due: '2099-01-01' },
			{ action: `Not mine ${tok}`, owner: me, due: '2020-01-01' },
		],
	});
	assert.equal(await homeSummary(ed), 'You have 3 open follow-ups, 1 overdue.');

	const r = await view(ed, '/follow-ups');
	assert.equal(r.status, 200);
	assertSecurityHeaders(r.headers, 'GET /follow-ups');
	assert.match(r.body, /<h1>My follow-ups<\/h1>/);
	assert.match(r.body, /<a href="\/follow-ups" aria-current="page">My follow-ups<\/a>/);
	let s = followupSections(r.body);
	assert.deepEqual(Object.keys(s), ['Overdue', 'Due', 'Done']);
	assert.deepEqual(s.Overdue.map((x) => x.text), [`Overdue ${tok} — due 2020-01-02 — from ${title}`]);
	assert.deepEqual(s.Due.map((x) => x.text), [`Later ${tok} — due 2099-01-01 — from ${title}`, `Whenever ${tok} — from ${title}`]);
	assert.deepEqual(s.Done, []);
	assert.match(mainText(r.body), /Nothing done in the last 30 days\./);
	assert.doesNotMatch(r.body, /Not mine/);
	assert.match(r.body, new RegExp(`<a href="/engagements/${id}">${title}</a>`));
	assert.equal(s.Overdue[0].sets, '1', 'a Mark done button');
	const overdue = s.Overdue[0].id;

	// An edit form opened now will be stale once a follow-up is marked.
	const action = `/engagements/${id}/edit`;
	const stale = await view(admin(), action);

	const done = await send(ed, `/follow-ups/${overdue}`, { done: '1' });
	assert.equal(done.status, 303, mainText(done.body));
	assert.equal(done.location, '/follow-ups?saved=1');
	const after = await view(ed, done.location);
	assert.match(after.body, /<p class="notice" role="status">Saved\.<\/p>/);
	s = followupSections(after.body);
	assert.deepEqual(s.Overdue, []);
	assert.match(mainText(after.body), /Nothing overdue\./);
	assert.deepEqual(s.Done.map((x) => [x.text, x.id, x.sets]), [[`Overdue ${tok} — due 2020-01-02 — from ${title}`, overdue, '0']]);
	assert.match(after.body, /<button type="submit">Mark not done<\/button>/);
	assert.equal(await homeSummary(ed), 'You have 2 open follow-ups, 0 overdue.');
	const page = await view(admin(), `/engagements/${id}`);
	assert.match(mainText(page.body), new RegExp(`Overdue ${tok} — Editor ${ed.user.username}, due 2020-01-02 \\(done\\)`));

	const body = formData(stale.body, action);
	body.set('op', 'save');
	const conflict = await send(admin(), action, body);
	assert.equal(conflict.status, 409, 'marking a follow-up changed the engagement\'s version');

	// Saving the engagement's form again keeps it done.
	const resave = await editEngagement(id, { title: `${title} resaved` });
	assert.equal(resave.status, 303, mainText(resave.body));
	s = followupSections((await view(ed, '/follow-ups')).body);
	assert.deepEqual(s.Done.map((x) => x.text), [`Overdue ${tok} — due 2020-01-02 — from ${title} resaved`]);
	assert.equal(await homeSummary(ed), 'You have 2 open follow-ups, 0 overdue.');
	const ids = Object.fromEntries([...s.Due, ...s.Done].map((x) => [x.text.split(' — ')[0], x.id]));

	const undo = await send(ed, `/follow-ups/${ids[`Overdue ${tok}`]}`, { done: '0' });
	assert.equal(undo.status, 303);
	s = followupSections((await view(ed, '/follow-ups')).body);
	assert.deepEqual(s.Overdue.map((x) => x.text.split(' — ')[0]), [`Overdue ${tok}`]);
	assert.deepEqual(s.Done, []);
	assert.equal(await homeSummary(ed), 'You have 3 open follow-ups, 1 overdue.');
	for (const what of [`Later ${tok}`, `Whenever ${tok}`])
		assert.equal((await send(ed, `/follow-ups/${ids[what]}`, { done: '1' })).status, 303);
	assert.equal(await homeSummary(ed), 'You have 1 open follow-up, 1 overdue.');
	s = followupSections((await view(ed, '/follow-ups')).body);
	assert.deepEqual(s.Due, []);
	assert.match(mainText((await view(ed, '/follow-ups')).body), /Nothing else is open\./);
	assert.deepEqual(s.Done.map((x) => x.text.split(' — ')[0]).sort(), [`Later ${tok}`, `Whenever ${tok}`].sort());

	// Bad requests.
	assert.equal((await send(ed, `/follow-ups/${ids[`Later ${tok}`]}`, { done: 'yes' })).status, 400);
	assert.equal((await send(ed, `/follow-ups/${ids[`Later ${tok}`]}`, {})).status, 400);
	assert.equal((await send(ed, '/follow-ups/999999999', { done: '1' })).status, 404);

	// A deleted engagement's follow-ups are not shown or counted.
	assert.equal((await send(admin(), `/engagements/${id}/delete`)).status, 303);
	assert.equal(await homeSummary(ed), 'You have no open follow-ups.');
	s = followupSections((await view(ed, '/follow-ups')).body);
	assert.deepEqual([...s.Overdue, ...s.Due, ...s.Done], []);
	assert.equal((await send(ed, `/follow-ups/${ids[`Later ${tok}`]}`, { done: '1' })).status, 404,
	    'a follow-up of a deleted engagement cannot be marked');
	assert.equal((await send(admin(), `/engagements/${id}/restore`)).status, 303);
	assert.equal(await homeSummary(ed), 'You have 1 open follow-up, 1 overdue.');
});

// --- permissions and errors -----------------------------------------------

test('a viewer reads engagements but sees no Log, Edit, Delete or Mark done, and gets 403 on every write', async () => {
	const tok = token();
	const vid = await userId(users.viewer.name);
	const id = await createEngagement({
		date: '2024-12-05', title: `Viewer ${tok}`,
		followups: [{ action: `Viewer task ${tok}`, owner: vid, due: '2099-01-01' }],
	});
	const l = await list({ q: tok }, viewer());
	assert.deepEqual(titles(l.rows), [`Viewer ${tok}`]);
	assert.doesNotMatch(l.body, /Log an engagement/);
	assert.doesNotMatch(l.body, /href="\/engagements\/new"/);
	assert.match(l.body, /Download CSV/);
	const d = await view(viewer(), `/engagements/${id}`);
	assert.equal(d.status, 200);
	assert.doesNotMatch(d.body, /\/edit"/);
	assert.doesNotMatch(d.body, /\/delete"/);
	assert.doesNotMatch(d.body, /\/restore"/);
	assert.match(d.body, new RegExp(`href="/engagements/${id}/history"`));
	const f = await view(viewer(), '/follow-ups');
	assert.equal(f.status, 200);
	const s = followupSections(f.body);
	const mine = [...s.Overdue, ...s.Due].find((x) => x.text.startsWith(`Viewer task ${tok}`));
	assert.ok(mine, 'the viewer sees their follow-up');
	assert.equal(mine.id, undefined, 'with no Mark done button');
	assert.doesNotMatch(f.body, /Mark done/);

	for (const path of ['/engagements/new', `/engagements/${id}/edit`]) {
		const r = await view(viewer(), path);
		assert.equal(r.status, 403, `GET ${path}`);
		assert.match(mainText(r.body), /Your role does not allow this page\./);
	}
	const form = engagementForm({ title: `Viewer made ${tok}`, version: '1', op: 'save' });
	for (const [path, body] of [
		['/engagements/new', form],
		[`/engagements/${id}/edit`, form],
		[`/engagements/${id}/delete`, {}],
		[`/engagements/${id}/restore`, {}],
		['/follow-ups/1', { done: '1' }],
		['/engagements/new', engagementForm({ new_name: `Viewer person ${tok}`, new_category: 'mp',
		    new_basis: 'legitimate_interests', op: 'new_person' })],
	]) {
		const r = await send(viewer(), path, body);
		assert.equal(r.status, 403, `POST ${path}`);
	}
	// Nothing changed.
	assert.deepEqual(titles((await list({ q: tok })).rows), [`Viewer ${tok}`]);
	assert.equal((await list({ q: tok, deleted: '1' })).total, 0);
	assert.ok(!(await directory(`Viewer person ${tok}`)).some((o) => o.value.includes(`Viewer person ${tok}`)));
});

test('engagement POSTs without the session csrf token, or with a wrong one, are refused with 403', async () => {
	const tok = token();
	const c = await admin();
	const id = await createEngagement({ title: `Csrf ${tok}` });
	const wrong = c.csrf.replace(/^./, (x) => (x === '0' ? '1' : '0'));
	for (const csrf of [undefined, '', wrong]) {
		for (const [path, fields] of [
			['/engagements/new', engagementForm({ title: `Forged ${tok}`, op: 'save' })],
			[`/engagements/${id}/edit`, engagementForm({ title: `Forged ${tok}`, version: '1', op: 'save' })],
			[`/engagements/${id}/delete`, new URLSearchParams()],
			['/follow-ups/1', new URLSearchParams({ done: '1' })],
		]) {
			const body = new URLSearchParams(fields);
			if (csrf !== undefined)
				body.set('csrf', csrf);
			const r = await request(path, { method: 'POST', body, jar: c.jar, headers: { Origin: ORIGIN } });
			assert.equal(r.status, 403, `POST ${path} with csrf=${csrf}`);
		}
	}
	// From another site, even with the token.
	const r = await request(`/engagements/${id}/delete`, { method: 'POST', form: { csrf: c.csrf },
	    jar: c.jar, headers: { Origin: 'https://evil.example' } });
	assert.equal(r.status, 403);
	assert.deepEqual(titles((await list({ q: tok })).rows), [`Csrf ${tok}`], 'nothing forged was saved or deleted');
});

test('engagements that do not exist are 404; wrong methods are 405', async () => {
	const id = await createEngagement({ title: `Exists ${token()}` });
	for (const path of ['/engagements/999999999', '/engagements/999999999/edit',
	    '/engagements/999999999/history', '/engagements/abc', '/engagements/0',
	    `/engagements/${id}x`, '/engagements/-1', `/engagements/${id}/nothing`]) {
		const r = await view(admin(), path);
		assert.equal(r.status, 404, `GET ${path}`);
	}
	for (const path of ['/engagements/999999999/delete', '/engagements/999999999/restore',
	    '/follow-ups/999999999'])
		assert.equal((await send(admin(), path, { done: '1' })).status, 404, `POST ${path}`);
	const post = await send(admin(), '/engagements', {});
	assert.equal(post.status, 405);
	assert.match(post.headers.get('allow') || '', /^GET, HEAD$/);
	const get2 = await view(admin(), `/engagements/${id}/delete`);
	assert.equal(get2.status, 405);
	assert.equal(get2.headers.get('allow'), 'POST');
});

test('saving the edit form of an engagement that does not exist is 404, not a server error', async () => {
	const r = await send(admin(), '/engagements/999999999/edit',
	    engagementForm({ title: `Ghost ${token()}`, version: '1', op: 'save' }));
	assert.equal(r.status, 404, `got ${r.status}: ${mainText(r.body).slice(0, 200)}`);
});

test('the form can be prefilled from the address (press inbox "Log as media engagement"); bad values are left out', async () => {
	const q = new URLSearchParams({
		type: 'media_appearance', date: '2026-11-20', title: 'JCORE on the Today programme',
		media_link: 'https://example.org/today', media_medium: 'broadcast', mention: '12',
	});
	const r = await view(admin(), `/engagements/new?${q}`);
	assert.equal(r.status, 200);
	assert.equal(control(r.body, 'f-type'), 'media_appearance');
	assert.equal(control(r.body, 'f-date'), '2026-11-20');
	assert.equal(control(r.body, 'f-title'), 'JCORE on the Today programme');
	assert.equal(control(r.body, 'f-media_link'), 'https://example.org/today');
	assert.equal(control(r.body, 'f-media_medium'), 'broadcast');
	assert.match(r.body, /<input type="hidden" name="mention" value="12">/);

	const bad = new URLSearchParams({ type: 'nonsense', date: '2026-02-30', media_medium: 'carrier-pigeon', mention: 'x1' });
	const b = await view(admin(), `/engagements/new?${bad}`);
	assert.equal(b.status, 200);
	assert.equal(control(b.body, 'f-type'), 'meeting', 'an unknown type falls back to the default');
	assert.notEqual(control(b.body, 'f-date'), '2026-02-30');
	assert.equal(control(b.body, 'f-media_medium'), '');
	assert.match(b.body, /<input type="hidden" name="mention" value="">/);
});

test('the list with no filter (its own quick statements) shows what a filter matching everything shows, live and deleted, page by page', async () => {
	const tok = token();
	// At least one deleted engagement, so both lists have rows.
	const id = await createEngagement({ title: `Unfiltered ${tok}`, date: '2030-12-31' });
	assert.equal((await send(admin(), `/engagements/${id}/delete`, {})).status, 303);
	const status = (html) => pageText((html.match(/<p role="status">([\s\S]*?)<\/p>/) || [])[1] ?? '');
	// Other test files save engagements meanwhile: the two reads are
	// compared again if one came in between.
	const pair = async (base, page) => {
		const plain = await view(admin(), `/engagements?${new URLSearchParams({ ...base, page })}`);
		const all = await view(admin(), `/engagements?${new URLSearchParams({ ...base, from: '1900-01-01', page })}`);
		assert.equal(plain.status, 200);
		assert.match(status(plain.body), /^(\d+ engagements?|More than 500 engagements)$/);
		return [{ rows: listRows(plain.body), status: status(plain.body) },
		    { rows: listRows(all.body), status: status(all.body) }];
	};
	for (const base of [{}, { deleted: '1' }]) {
		for (const page of ['1', '2']) {
			let got;
			for (let i = 0; i < 5; i++) {
				got = await pair(base, page);
				if (JSON.stringify(got[0]) === JSON.stringify(got[1]))
					break;
			}
			assert.deepEqual(got[0], got[1], `page ${page} of ${JSON.stringify(base)}`);
		}
	}
	assert.ok(listRows((await view(admin(), '/engagements?deleted=1')).body).some((r) => r.id === id));
});
