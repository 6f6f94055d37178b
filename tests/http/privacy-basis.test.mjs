// HTTP tier: the lawful basis and source of a person (issue 11, part 1):
// the person form's fields and their rules with messages beside the
// fields, the person page, history (versions and audit), the directory's
// filter by basis, the CSV column, the admin page's count of people with
// none recorded, and the spreadsheet import's default.
//
// Every test makes its own records, named with RUN.  Tests are flat so
// that automake's TAP driver counts each.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	BASE_URL, ORIGIN, users, get, post, loggedIn, formFor, pageText, sessionToken,
	fieldHtml, selectOptions, tableRows, parseCsv,
} from './helpers.mjs';

const RUN = 'zb' + Date.now().toString(36);

const clients = new Map();
async function client(user) {
	if (!clients.has(user.username)) {
		const jar = await loggedIn(user);
		const r = await get('/people', { jar });
		assert.equal(r.status, 200, 'GET /people');
		clients.set(user.username, { jar, csrf: sessionToken(r.body) });
	}
	return clients.get(user.username);
}
const admin = () => client(users.demo);
const editor = () => client({ username: 'miriam', password: 'demo' });	// demo data
const viewer = () => client(users.viewer);

async function view(who, path) {
	const c = await who;
	return get(path, { jar: c.jar });
}

async function send(who, path, fields) {
	const c = await who;
	return post(path, { csrf: c.csrf, ...fields }, { jar: c.jar, headers: { Origin: ORIGIN } });
}

const PERSON = {
	name: '', category: 'other', role_title: '', party: '', house: '',
	constituency: '', organisation: '', email: '', phone: '', notes: '',
	current: 'yes', press_watch: 'auto', lawful_basis: '', basis_date: '',
	basis_note: '', data_source: '', version: '',
};

function idFrom(location) {
	const m = (location || '').match(/^\/people\/(\d+)\?saved=1$/);
	assert.ok(m, `redirected to the new person: ${location}`);
	return Number(m[1]);
}

async function createPerson(fields, who = admin()) {
	const r = await send(who, '/people/new', { ...PERSON, ...fields });
	assert.equal(r.status, 303, `create person: ${pageText(r.body)}`);
	return idFrom(r.location);
}

// The values of the form's inputs, selects and textareas.
function formValues(html, action) {
	const f = formFor(html, action);
	const out = {};
	for (const i of f.inputs)
		if (i.name)
			out[i.name] = i.value ?? '';
	for (const m of f.html.matchAll(/<select\b[^>]*\bname="([^"]+)"/g)) {
		const sel = selectOptions(f.html, m[1]).find((o) => o.selected);
		out[m[1]] = sel ? sel.value : '';
	}
	for (const m of f.html.matchAll(/<textarea\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
		out[m[1]] = pageText(m[2]);
	return out;
}

const listedNames = (html) => tableRows(html, 'directory').map((r) => r[0].replace(/ \(former\)$/, ''));

// The date n days from today in London, as the server sees it.
function londonDate(days) {
	const d = new Date(Date.now() + days * 86400000);
	return d.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
}

// The engagement form's "Add new person" for name with basis.
const addNewPerson = (name, basis) => send(admin(), '/engagements/new', {
	version: '0', date: '2024-01-15', time: '', type: 'meeting', title: '',
	people: '', summary: '', outcome: '', media_outlet: '', media_medium: '',
	media_programme: '', media_link: '', new_name: name, new_category: 'other',
	new_party: '', new_basis: basis, op: 'new_person',
});

// Someone added from the engagement form ("Add new person") with the
// basis chosen there; returns their id.
async function quickAdd(name, basis) {
	const r = await addNewPerson(name, basis);
	assert.equal(r.status, 200, `quick add ${name}: ${pageText(r.body).slice(0, 300)}`);
	const list = await view(admin(), `/people?q=${encodeURIComponent(name)}`);
	const m = list.body.match(/<a href="\/people\/(\d+)">/);
	assert.ok(m, `${name} is in the directory`);
	return Number(m[1]);
}

// Someone with no basis recorded: the demo data leaves all faith leaders
// but one so (sql/demo/demo-data.sql).  The last one listed, so that a
// run that records one's basis leaves the others for the next run on the
// same database.  Their id and name.
async function unrecorded() {
	const r = await view(admin(), '/people?category=faith_leader&basis=none');
	const names = listedNames(r.body);
	const ids = [...r.body.matchAll(/<a href="\/people\/(\d+)">/g)].map((m) => Number(m[1]));
	assert.ok(names.length > 0 && names.length === ids.length,
	    'a faith leader with no basis recorded is in the demo data');
	return { id: ids[ids.length - 1], name: names[names.length - 1] };
}

test('the new-person form has a labelled, required lawful basis select and the basis fields', async () => {
	const r = await view(admin(), '/people/new');
	assert.equal(r.status, 200);
	const f = formFor(r.body, '/people/new');
	assert.match(f.html, /<label for="f-lawful_basis">Lawful basis/);
	assert.match(f.html, /<select[^>]*name="lawful_basis"[^>]*required/);
	const opts = selectOptions(f.html, 'lawful_basis');
	assert.deepEqual(opts.map((o) => o.value), ['', 'legitimate_interests', 'public_role',
	    'consent', 'public_task', 'contract', 'legal_obligation', 'vital_interests']);
	assert.equal(opts[0].label, 'Choose a lawful basis');
	assert.ok(opts.find((o) => o.value === 'public_role').label === 'Legitimate interests: public role');
	assert.ok(opts[0].selected, 'nothing is chosen for them');
	assert.match(f.html, /<label for="f-basis_date">Basis date/);
	assert.match(f.html, /<input[^>]*type="date"[^>]*name="basis_date"|<input[^>]*name="basis_date"[^>]*type="date"/);
	assert.match(f.html, /<label for="f-basis_note">Basis note/);
	assert.match(f.html, /<label for="f-data_source">Source/);
});

test('creating a person by hand needs a basis; the rules give messages beside the fields and keep what was typed', async () => {
	const none = await send(admin(), '/people/new', { ...PERSON, name: `${RUN} Nobasis`, notes: 'kept notes' });
	assert.equal(none.status, 400);
	assert.match(fieldHtml(none.body, 'lawful_basis'), /field-error[\s\S]*Lawful basis is required\./);
	assert.equal(formValues(none.body, '/people/new').notes, 'kept notes');

	const consent = await send(admin(), '/people/new', { ...PERSON, name: `${RUN} Nodate`,
	    lawful_basis: 'consent', basis_note: 'Said yes on the phone', data_source: 'A phone call' });
	assert.equal(consent.status, 400);
	assert.match(fieldHtml(consent.body, 'basis_date'), /consent needs a date/);
	assert.doesNotMatch(fieldHtml(consent.body, 'lawful_basis'), /field-error/);
	const kept = formValues(consent.body, '/people/new');
	assert.equal(kept.lawful_basis, 'consent');
	assert.equal(kept.basis_note, 'Said yes on the phone');
	assert.equal(kept.data_source, 'A phone call');

	const future = await send(admin(), '/people/new', { ...PERSON, name: `${RUN} Future`,
	    lawful_basis: 'consent', basis_date: londonDate(3) });
	assert.equal(future.status, 400);
	assert.match(fieldHtml(future.body, 'basis_date'), /The date cannot be in the future\./);

	const bad = await send(admin(), '/people/new', { ...PERSON, name: `${RUN} Baddate`,
	    lawful_basis: 'public_task', basis_date: '2025-02-30' });
	assert.equal(bad.status, 400);
	assert.match(fieldHtml(bad.body, 'basis_date'), /That date does not exist\./);

	const role = await send(admin(), '/people/new', { ...PERSON, name: `${RUN} Role`, lawful_basis: 'public_role' });
	assert.equal(role.status, 400);
	assert.match(fieldHtml(role.body, 'data_source'), /Say where their public role is published/);

	const junk = await send(admin(), '/people/new', { ...PERSON, name: `${RUN} Junk`, lawful_basis: 'gossip' });
	assert.equal(junk.status, 400);
	assert.match(fieldHtml(junk.body, 'lawful_basis'), /Choose one of the options\./);

	const list = await view(admin(), `/people?q=${RUN}`);
	assert.deepEqual(listedNames(list.body), [], 'nothing was saved');
});

test('the person page shows the basis, its date, note and source', async () => {
	const today = londonDate(0);
	const id = await createPerson({ name: `${RUN} Consenting`, category: 'journalist',
	    lawful_basis: 'consent', basis_date: today, basis_note: 'Briefings <by> email',
	    data_source: 'Conference sign-up sheet' });
	const d = await view(viewer(), `/people/${id}`);
	assert.equal(d.status, 200);
	assert.match(d.body, /<h2>Why we hold their details<\/h2>/);
	const text = pageText(d.body);
	for (const s of ['Lawful basis Consent', `Consent given on ${today}`,
	    'Basis note Briefings <by> email', 'Source Conference sign-up sheet'])
		assert.ok(text.includes(s), `page shows "${s}"`);
	assert.ok(d.body.includes('Briefings &lt;by&gt; email'), 'the note is escaped');
});

test('editing the basis is versioned and audited like the rest of the person', async () => {
	const id = await createPerson({ name: `${RUN} Edited`, lawful_basis: 'consent',
	    basis_date: '2024-02-03', basis_note: 'Newsletter', data_source: 'Web form' }, editor());
	const form = await view(editor(), `/people/${id}/edit`);
	const v = formValues(form.body, `/people/${id}/edit`);
	assert.equal(v.lawful_basis, 'consent');
	assert.equal(v.basis_date, '2024-02-03');
	assert.equal(v.basis_note, 'Newsletter');
	assert.equal(v.data_source, 'Web form');
	assert.equal(v.version, '1');
	// A recorded basis cannot be emptied.
	const cleared = await send(editor(), `/people/${id}/edit`, { ...v, lawful_basis: '' });
	assert.equal(cleared.status, 400);
	assert.match(fieldHtml(cleared.body, 'lawful_basis'), /Lawful basis is required\./);

	const r = await send(editor(), `/people/${id}/edit`, { ...v, lawful_basis: 'legitimate_interests',
	    basis_date: '2024-03-01', basis_note: 'Weighed: press contact' });
	assert.equal(r.status, 303, pageText(r.body));
	const again = formValues((await view(editor(), `/people/${id}/edit`)).body, `/people/${id}/edit`);
	assert.equal(again.version, '2');
	assert.equal(again.lawful_basis, 'legitimate_interests');

	// The old form is now stale: 409 with the basis in the conflict table.
	const stale = await send(editor(), `/people/${id}/edit`, { ...v, lawful_basis: 'contract' });
	assert.equal(stale.status, 409);
	const rows = tableRows(stale.body, 'conflict');
	assert.deepEqual(rows.find((row) => row[0].startsWith('Lawful basis')),
	    ['Lawful basis (differs)', 'Contract', 'Legitimate interests']);

	const h = await view(viewer(), `/people/${id}/history`);
	assert.equal(h.status, 200);
	const text = pageText(h.body);
	assert.ok(text.includes('update by miriam'), text);
	assert.ok(text.includes('lawful basis consent legitimate_interests'), `the change is audited: ${text}`);
	assert.ok(text.includes('basis date 2024-02-03 2024-03-01'), 'the date change too');
	assert.ok(text.includes('basis note Newsletter Weighed: press contact'), 'and the note');
});

test('someone added from an engagement gets the basis chosen there, with the form as source; consent is not taken there', async () => {
	const li = await quickAdd(`${RUN} Quick Interests`, 'legitimate_interests');
	const text = pageText((await view(admin(), `/people/${li}`)).body);
	assert.match(text, /Lawful basis Legitimate interests/);
	assert.doesNotMatch(text, /Basis date/, 'legitimate interests needs no date');
	assert.ok(text.includes(`Engagement form: added by demo, ${londonDate(0)}`), text);
	const found = await view(admin(), `/people?q=${RUN}+Quick+Interests&basis=legitimate_interests`);
	assert.deepEqual(listedNames(found.body), [`${RUN} Quick Interests`]);

	const t = await quickAdd(`${RUN} Quick Task`, 'public_task');
	assert.match(pageText((await view(admin(), `/people/${t}`)).body), /Lawful basis Public task/);
	const h = pageText((await view(admin(), `/people/${t}/history`)).body);
	assert.ok(h.includes('lawful basis public_task'), `the basis is in the audit row: ${h}`);

	// Consent needs the day it was given, which this form does not ask.
	const name = `${RUN} Quick Consent`;
	const r = await addNewPerson(name, 'consent');
	assert.equal(r.status, 400);
	assert.match(pageText(r.body), /Consent needs the day it was given, which this form does not ask/);
	const none = await view(admin(), `/people?q=${encodeURIComponent(name)}`);
	assert.deepEqual(listedNames(none.body), [], 'no one was added');
});

test('someone with no basis recorded says so, can be found, and can be saved until one is chosen', async () => {
	const { id, name } = await unrecorded();
	const d = await view(admin(), `/people/${id}`);
	assert.match(pageText(d.body), /Lawful basis Not recorded: edit this person to record why we hold their details\./);
	const dv = await view(viewer(), `/people/${id}`);
	assert.match(pageText(dv.body), /Lawful basis Not recorded: an editor can record why we hold their details\./,
	    'a viewer, who cannot edit, is not told to');

	const none = await view(admin(), `/people?q=${encodeURIComponent(name)}&basis=none`);
	assert.deepEqual(listedNames(none.body), [name]);
	const li = await view(admin(), `/people?q=${encodeURIComponent(name)}&basis=legitimate_interests`);
	assert.deepEqual(listedNames(li.body), []);

	const form = await view(admin(), `/people/${id}/edit`);
	const f = formFor(form.body, `/people/${id}/edit`);
	assert.equal(selectOptions(f.html, 'lawful_basis')[0].label, 'Not recorded yet');
	assert.doesNotMatch(f.html, /<select[^>]*name="lawful_basis"[^>]*required/);
	const v = formValues(form.body, `/people/${id}/edit`);
	const version = Number(v.version);
	const phone = await send(admin(), `/people/${id}/edit`, { ...v, phone: '020 7946 0001' });
	assert.equal(phone.status, 303, 'a phone number can be corrected first');
	const next = String(version + 1);
	const note = await send(admin(), `/people/${id}/edit`, { ...v, version: next, basis_note: 'a note about nothing' });
	assert.equal(note.status, 400);
	assert.match(fieldHtml(note.body, 'lawful_basis'), /Choose the lawful basis this note and date are about\./);
	const set = await send(admin(), `/people/${id}/edit`, { ...v, version: next, lawful_basis: 'legitimate_interests' });
	assert.equal(set.status, 303);
	const after = await view(admin(), `/people?q=${encodeURIComponent(name)}&basis=legitimate_interests`);
	assert.deepEqual(listedNames(after.body), [name]);
});

test('the directory filters by basis, keeps the filter in its links, and the CSV has the basis', async () => {
	await createPerson({ name: `${RUN} Flt Consent`, lawful_basis: 'consent', basis_date: '2025-01-02' });
	await createPerson({ name: `${RUN} Flt Task`, lawful_basis: 'public_task', data_source: 'Gov.uk' });
	const r = await view(viewer(), `/people?q=${RUN}+Flt&basis=consent`);
	assert.equal(r.status, 200);
	assert.deepEqual(listedNames(r.body), [`${RUN} Flt Consent`]);
	assert.match(r.body, /<label for="filter-basis">Lawful basis<\/label>/);
	const opts = selectOptions(r.body, 'basis');
	assert.ok(opts.find((o) => o.value === 'consent').selected);
	assert.ok(opts.some((o) => o.value === 'none' && o.label === 'Not recorded'));
	assert.ok(r.body.includes(`href="/people.csv?q=${RUN}%20Flt&amp;basis=consent"`), 'the CSV link keeps the filter');
	// An unknown basis reads as "any".
	const any = await view(viewer(), `/people?q=${RUN}+Flt&basis=gossip`);
	assert.deepEqual(listedNames(any.body).sort(), [`${RUN} Flt Consent`, `${RUN} Flt Task`]);

	const csv = await view(viewer(), `/people.csv?q=${RUN}+Flt`);
	const rows = parseCsv(csv.body);
	const head = rows[0];
	const rec = rows.slice(1).map((row) => Object.fromEntries(head.map((h, i) => [h, row[i]])));
	assert.deepEqual(rec.map((x) => [x.Name, x['Lawful basis'], x['Basis date'], x.Source]), [
		[`${RUN} Flt Consent`, 'Consent', '2025-01-02', ''],
		[`${RUN} Flt Task`, 'Public task', '', 'Gov.uk'],
	]);
});

test('the admin page counts the people with no basis and links to them', async () => {
	await unrecorded();
	const r = await view(admin(), '/admin');
	assert.equal(r.status, 200);
	const m = pageText(r.body).match(/(\d+) (?:person in the directory has|people in the directory have) no lawful basis recorded\./);
	assert.ok(m, 'the count is shown');
	assert.ok(Number(m[1]) >= 1);
	assert.match(r.body, /<a href="\/people\?basis=none">Review (?:them|this person)<\/a>/);
	const list = await view(admin(), '/people?basis=none');
	const count = pageText(list.body).match(/(\d+) (?:person|people)\b/);
	assert.ok(count, 'the list has a count');
	assert.ok(Number(count[1]) >= 1);
});

// POST a FormData (multipart/form-data, boundary chosen by fetch).
async function postMultipart(path, fd, jar) {
	const res = await fetch(BASE_URL + path, {
		method: 'POST', body: fd, redirect: 'manual',
		headers: { Cookie: jar.header(), Origin: ORIGIN },
	});
	const body = await res.text();
	return { status: res.status, body, location: res.headers.get('location') };
}

test('a spreadsheet import without basis columns records legitimate interests and the file as the source', async () => {
	const c = await editor();
	const fd = new FormData();
	fd.append('csrf', c.csrf);
	fd.append('file', new Blob([`name,category\r\n${RUN} Imported,journalist\r\n`],
	    { type: 'text/csv' }), `${RUN}.csv`);
	const pre = await postMultipart('/admin/import/preview', fd, c.jar);
	assert.equal(pre.status, 200, pageText(pre.body).slice(0, 300));
	const f = formFor(pre.body, '/admin/import/apply');
	const m = f.html.match(/<textarea\b[^>]*name="csv"[^>]*>([\s\S]*?)<\/textarea>/);
	assert.ok(m, 'the preview carries the file');
	const ap = new FormData();
	ap.append('csrf', c.csrf);
	ap.append('filename', `${RUN}.csv`);
	ap.append('csv', m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>')
	    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
	const done = await postMultipart('/admin/import/apply', ap, c.jar);
	assert.equal(done.status, 303, pageText(done.body).slice(0, 300));
	const list = await view(editor(), `/people?q=${RUN}+Imported&basis=legitimate_interests`);
	assert.deepEqual(listedNames(list.body), [`${RUN} Imported`]);
	const id = list.body.match(/<a href="\/people\/(\d+)">/)[1];
	const d = await view(editor(), `/people/${id}`);
	assert.ok(pageText(d.body).includes(`Source Spreadsheet import: ${RUN}.csv, ${londonDate(0)}`),
	    pageText(d.body));
	const page = await view(editor(), '/admin/import');
	assert.match(pageText(page.body), /lawful_basis ?: why we hold their details[^.]*\.\.\.\); empty means legitimate interests\./);
});
