// HTTP tier: the directory of people and organisations (people.fcgi):
// lists, filters, pagination, CSV, create, validation, edit, conflicts,
// soft delete and restore, history, permissions and 404s.
//
// Every test makes its own records, named with RUN so that the demo data
// (loaded by tests/http.test) never matches a filter used here.  Tests
// are flat so that automake's TAP driver counts each.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	ORIGIN, users, get, post, loggedIn, formFor, inputValue, pageText,
	sessionToken, fieldHtml, selectOptions, tableRows, parseCsv, formData,
} from './helpers.mjs';

const RUN = 'zq' + Date.now().toString(36);

// One logged-in client per user, made on first use.
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
const viewer = () => client(users.viewer);

async function view(who, path) {
	const c = await who;
	return get(path, { jar: c.jar });
}

// POST a form as a browser on this site would (Origin and csrf).
async function send(who, path, fields) {
	const c = await who;
	return post(path, { csrf: c.csrf, ...fields }, { jar: c.jar, headers: { Origin: ORIGIN } });
}

const PERSON = {
	name: '', category: 'other', role_title: '', party: '', house: '',
	constituency: '', organisation: '', email: '', phone: '', notes: '',
	current: 'yes', lawful_basis: 'legitimate_interests', basis_date: '',
	basis_note: '', data_source: '', version: '',
};

const ORG = { name: '', kind: 'ngo', medium: '', parent: '', website: '', notes: '', version: '' };

function idFrom(location, base) {
	const m = (location || '').match(new RegExp(`^${base}/(\\d+)\\?saved=1$`));
	assert.ok(m, `redirected to the new record: ${location}`);
	return Number(m[1]);
}

async function createPerson(fields) {
	const r = await send(admin(), '/people/new', { ...PERSON, ...fields });
	assert.equal(r.status, 303, `create person: ${pageText(r.body)}`);
	return idFrom(r.location, '/people');
}

async function createOrg(fields) {
	const r = await send(admin(), '/organisations/new', { ...ORG, ...fields });
	assert.equal(r.status, 303, `create organisation: ${pageText(r.body)}`);
	return idFrom(r.location, '/organisations');
}

// The values of every input, select and textarea of the form at action.
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

// The names in the people table of a list page.
function listedNames(html) {
	return tableRows(html, 'directory').map((r) => r[0].replace(/ \(former\)$/, ''));
}

// --- pages and navigation ---------------------------------------------------

test('directory pages need a login: GET /people redirects to /login', async () => {
	for (const path of ['/people', '/people.csv', '/organisations', '/people/1']) {
		const r = await get(path);
		assert.equal(r.status, 303, path);
		assert.match(r.location, /^\/login\?next=/, path);
	}
});

test('the nav and the home page link People and Organisations', async () => {
	const r = await view(admin(), '/');
	assert.equal(r.status, 200);
	assert.match(r.body, /<a href="\/people"[^>]*>People<\/a>/);
	assert.match(r.body, /<a href="\/organisations"[^>]*>Organisations<\/a>/);
	const list = await view(admin(), '/people');
	assert.match(list.body, /<a href="\/people" aria-current="page">People<\/a>/);
});

// --- people: create and validate --------------------------------------------

test('GET /people/new: the person form, with categories from the database', async () => {
	const org = await createOrg({ name: `${RUN} Form Council`, kind: 'council' });
	const r = await view(admin(), '/people/new');
	assert.equal(r.status, 200);
	assert.match(r.body, /<h1>Add a person<\/h1>/);
	const f = formFor(r.body, '/people/new');
	assert.equal(f.attrs.method, 'post');
	// The categories of the schema, in their order; an admin may add more.
	assert.deepEqual(selectOptions(r.body, 'category').map((o) => o.label).slice(0, 11), [
		'Choose a category', 'MP', 'Peer', 'Councillor', 'Civil servant',
		'FCDO official', 'Journalist', 'Faith leader', 'Coalition partner',
		'HIAS staff', 'Other',
	]);
	assert.deepEqual(selectOptions(r.body, 'house').map((o) => [o.value, o.label]), [
		['', 'None'], ['commons', 'House of Commons'], ['lords', 'House of Lords'],
	]);
	const orgs = selectOptions(r.body, 'organisation');
	assert.deepEqual(orgs[0], { value: '', label: 'None', selected: true });
	assert.ok(orgs.some((o) => o.value === String(org) && o.label === `${RUN} Form Council (Council)`),
	    'organisations listed as "Name (Kind)"');
	assert.deepEqual(selectOptions(r.body, 'current').map((o) => [o.value, o.selected]),
	    [['yes', true], ['no', false]]);
	for (const name of ['name', 'role_title', 'party', 'constituency', 'email', 'phone'])
		assert.match(fieldHtml(r.body, name), /<label for="f-/, `${name} has a label`);
	assert.match(fieldHtml(r.body, 'notes'), /<textarea/);
	assert.equal(f.inputs.find((i) => i.name === 'version')?.type, 'hidden');
});

test('POST /people/new creates a person: 303 to the detail page, which shows them', async () => {
	const org = await createOrg({ name: `${RUN} Camden Council`, kind: 'council' });
	const r = await send(admin(), '/people/new', {
		...PERSON, name: `${RUN} Ana <b>Tester</b>`, category: 'councillor',
		role_title: 'Cabinet member for housing', party: 'Green',
		constituency: 'Kilburn ward', organisation: String(org),
		email: 'ana@example.org', phone: '020 7946 0000',
		notes: 'Met at the refugee week reception.\nKeen on resettlement.',
	});
	assert.equal(r.status, 303, pageText(r.body));
	const id = idFrom(r.location, '/people');

	const d = await view(admin(), r.location);
	assert.equal(d.status, 200);
	assert.match(d.body, /<p class="notice" role="status">Saved\.<\/p>/);
	assert.ok(d.body.includes(`<h1>${RUN} Ana &lt;b&gt;Tester&lt;/b&gt;</h1>`), 'name escaped in the h1');
	const text = pageText(d.body);
	for (const s of ['Category Councillor', 'Role or title Cabinet member for housing',
	    'Party Green', 'Constituency Kilburn ward', `Organisation ${RUN} Camden Council`,
	    'Email ana@example.org', 'Phone 020 7946 0000', 'Current Yes',
	    'Met at the refugee week reception.', 'No engagements recorded yet.'])
		assert.ok(text.includes(s), `detail shows "${s}"`);
	assert.match(d.body, new RegExp(`<a href="/organisations/${org}">`));
	assert.match(d.body, /<a href="mailto:ana@example.org">/);
	// Without ?saved=1 there is no notice.
	const again = await view(admin(), `/people/${id}`);
	assert.doesNotMatch(again.body, /Saved\./);
});

test('POST /people/new with errors: 400, a message beside each bad field, typed values kept', async () => {
	const r = await send(admin(), '/people/new', {
		...PERSON, name: '', category: 'astronaut', role_title: `${RUN} kept role`,
		organisation: '999999', email: 'not-an-email', house: 'upper',
		notes: 'Typed notes, kept',
	});
	assert.equal(r.status, 400);
	assert.match(r.body, /There is a problem/);
	assert.match(fieldHtml(r.body, 'name'), /class="field field-error"[\s\S]*Name is required\./);
	assert.match(fieldHtml(r.body, 'category'), /Choose one of the options\./);
	assert.match(fieldHtml(r.body, 'organisation'), /Choose one of the options\./);
	assert.match(fieldHtml(r.body, 'house'), /Choose one of the options\./);
	assert.match(fieldHtml(r.body, 'email'), /Enter an email address/);
	assert.doesNotMatch(fieldHtml(r.body, 'role_title'), /field-error/);
	const v = formValues(r.body, '/people/new');
	assert.equal(v.role_title, `${RUN} kept role`);
	assert.equal(v.email, 'not-an-email');
	assert.equal(v.notes, 'Typed notes, kept');

	const long = await send(admin(), '/people/new', { ...PERSON, name: 'x'.repeat(201) });
	assert.equal(long.status, 400);
	assert.match(fieldHtml(long.body, 'name'), /Name must be 200 characters or fewer\./);

	const list = await view(admin(), `/people?q=${RUN}+kept`);
	assert.deepEqual(listedNames(list.body), [], 'nothing was saved');
});

test('editing a person: the form is filled in and saving updates the record', async () => {
	const id = await createPerson({ name: `${RUN} Edit Me`, category: 'journalist', party: '' });
	const form = await view(admin(), `/people/${id}/edit`);
	assert.equal(form.status, 200);
	assert.match(form.body, new RegExp(`<h1>Edit ${RUN} Edit Me</h1>`));
	const v = formValues(form.body, `/people/${id}/edit`);
	assert.equal(v.name, `${RUN} Edit Me`);
	assert.equal(v.category, 'journalist');
	assert.equal(v.version, '1');

	const r = await send(admin(), `/people/${id}/edit`, { ...v, role_title: 'Political editor', current: 'no' });
	assert.equal(r.status, 303, pageText(r.body));
	assert.equal(r.location, `/people/${id}?saved=1`);
	const d = await view(admin(), r.location);
	assert.ok(pageText(d.body).includes('Role or title Political editor'));
	assert.ok(pageText(d.body).includes('Current No'));

	// A failed edit keeps the record's title and the typed values.
	const bad = await send(admin(), `/people/${id}/edit`, { ...v, version: '2', name: '', party: 'Typed party' });
	assert.equal(bad.status, 400);
	assert.match(bad.body, new RegExp(`<h1>Edit ${RUN} Edit Me</h1>`));
	assert.equal(formValues(bad.body, `/people/${id}/edit`).party, 'Typed party');
});

test('two edits from the same version: the second gets 409 with the conflict table', async () => {
	const id = await createPerson({ name: `${RUN} Conflict`, party: 'Labour' });
	const form = await view(admin(), `/people/${id}/edit`);
	const v = formValues(form.body, `/people/${id}/edit`);

	const first = await send(admin(), `/people/${id}/edit`, { ...v, party: 'Conservative' });
	assert.equal(first.status, 303);
	const second = await send(admin(), `/people/${id}/edit`, { ...v, party: 'Liberal Democrat', phone: '0123' });
	assert.equal(second.status, 409);
	assert.match(second.body, /Someone else saved this record first/);
	const rows = tableRows(second.body, 'conflict');
	assert.deepEqual(rows.find((r) => r[0].startsWith('Party')),
	    ['Party (differs)', 'Liberal Democrat', 'Conservative']);
	assert.deepEqual(rows.find((r) => r[0].startsWith('Name')),
	    ['Name', `${RUN} Conflict`, `${RUN} Conflict`]);
	assert.deepEqual(rows.find((r) => r[0].startsWith('Category')), ['Category', 'Other', 'Other'],
	    'selects show their labels');
	assert.ok(!rows.some((r) => r[0].startsWith('Version')), 'no row for the hidden version');
	const again = formValues(second.body, `/people/${id}/edit`);
	assert.equal(again.party, 'Liberal Democrat', 'the form holds their version');
	assert.equal(again.version, '2', 'with the saved version number');

	// Saving again is a deliberate overwrite.
	const third = await send(admin(), `/people/${id}/edit`, again);
	assert.equal(third.status, 303, pageText(third.body));
	const d = await view(admin(), `/people/${id}`);
	assert.ok(pageText(d.body).includes('Party Liberal Democrat'));
});

test('delete hides a person, show-deleted lists them, restore brings them back', async () => {
	const id = await createPerson({ name: `${RUN} Deletable` });
	const before = await view(admin(), `/people?q=${RUN}+Deletable`);
	assert.deepEqual(listedNames(before.body), [`${RUN} Deletable`]);
	assert.ok(formFor(before.body, '/logout'));
	const page = await view(admin(), `/people/${id}`);
	formFor(page.body, `/people/${id}/delete`);

	const del = await send(admin(), `/people/${id}/delete`, {});
	assert.equal(del.status, 303);
	assert.equal(del.location, `/people/${id}?deleted=1`);
	const after = await view(admin(), `/people?q=${RUN}+Deletable`);
	assert.deepEqual(listedNames(after.body), []);
	assert.match(pageText(after.body), /No people match\./);
	const shown = await view(admin(), `/people?q=${RUN}+Deletable&deleted=1`);
	assert.match(shown.body, /<h1>Deleted people<\/h1>/);
	assert.deepEqual(listedNames(shown.body), [`${RUN} Deletable`]);

	const d = await view(admin(), `/people/${id}`);
	assert.equal(d.status, 200, 'a deleted person still has a page');
	assert.match(pageText(d.body), /This person has been deleted/);
	formFor(d.body, `/people/${id}/restore`);
	assert.ok(!d.body.includes(`action="/people/${id}/delete"`), 'no Delete when deleted');
	assert.ok(!d.body.includes(`href="/people/${id}/edit"`), 'no Edit when deleted');
	assert.equal((await view(admin(), `/people/${id}/edit`)).status, 409, 'cannot edit a deleted person');
	assert.equal((await send(admin(), `/people/${id}/delete`, {})).status, 404, 'deleting twice');

	const res = await send(admin(), `/people/${id}/restore`, {});
	assert.equal(res.status, 303);
	assert.equal(res.location, `/people/${id}?restored=1`);
	const back = await view(admin(), `/people?q=${RUN}+Deletable`);
	assert.deepEqual(listedNames(back.body), [`${RUN} Deletable`]);
	assert.equal((await send(admin(), `/people/${id}/restore`, {})).status, 404, 'restoring a live person');
});

test('a person\'s history shows create, update, delete and restore with the changes', async () => {
	const id = await createPerson({ name: `${RUN} Historic`, party: 'Labour' });
	const form = await view(admin(), `/people/${id}/edit`);
	const v = formValues(form.body, `/people/${id}/edit`);
	assert.equal((await send(admin(), `/people/${id}/edit`, { ...v, party: 'Green' })).status, 303);
	assert.equal((await send(admin(), `/people/${id}/delete`, {})).status, 303);
	assert.equal((await send(admin(), `/people/${id}/restore`, {})).status, 303);

	const d = await view(admin(), `/people/${id}`);
	assert.match(d.body, new RegExp(`<a href="/people/${id}/history">`));
	const h = await view(admin(), `/people/${id}/history`);
	assert.equal(h.status, 200);
	assert.match(h.body, new RegExp(`<h1>History of ${RUN} Historic</h1>`));
	const text = pageText(h.body);
	const order = ['restore by demo', 'delete by demo', 'update by demo', 'create by demo']
	    .map((s) => text.indexOf(s));
	assert.ok(order.every((i) => i >= 0), `all four actions listed: ${text}`);
	assert.deepEqual([...order].sort((a, b) => a - b), order, 'newest first');
	assert.ok(text.includes('party Labour Green'), 'the update shows before and after');
});

// --- people: list, filters, pagination, CSV ---------------------------------

test('the people list filters by text, category, party and organisation', async () => {
	const org = await createOrg({ name: `${RUN} Filter Outlet`, kind: 'media_outlet', medium: 'online' });
	await createPerson({ name: `${RUN} Flt Alpha`, category: 'mp', party: `${RUN}Party`, house: 'commons', constituency: 'Barnet' });
	await createPerson({ name: `${RUN} Flt Beta`, category: 'journalist', organisation: String(org) });
	await createPerson({ name: `${RUN} Flt Gamma`, category: 'mp', party: 'Labour', role_title: `${RUN}Rolematch` });

	const all = await view(admin(), `/people?q=${RUN}+Flt`);
	assert.equal(all.status, 200);
	assert.deepEqual(listedNames(all.body), [`${RUN} Flt Alpha`, `${RUN} Flt Beta`, `${RUN} Flt Gamma`]);
	assert.match(pageText(all.body), /3 people/);
	const row = tableRows(all.body, 'directory')[0];
	assert.deepEqual(row, [`${RUN} Flt Alpha`, 'MP', `${RUN}Party`, 'House of Commons, Barnet', '']);

	const byRole = await view(admin(), `/people?q=${RUN}Rolematch`);
	assert.deepEqual(listedNames(byRole.body), [`${RUN} Flt Gamma`], 'q searches the role too');
	const byOrgName = await view(admin(), `/people?q=${encodeURIComponent(`${RUN} Filter Outlet`)}`);
	assert.deepEqual(listedNames(byOrgName.body), [`${RUN} Flt Beta`], 'and the organisation name');

	const mps = await view(admin(), `/people?q=${RUN}+Flt&category=mp`);
	assert.deepEqual(listedNames(mps.body), [`${RUN} Flt Alpha`, `${RUN} Flt Gamma`]);
	assert.ok(selectOptions(mps.body, 'category').find((o) => o.value === 'mp').selected, 'filter kept');
	assert.equal(inputValue(mps.body, '/people', 'q'), `${RUN} Flt`);

	const party = await view(admin(), `/people?party=${RUN}Party`);
	assert.deepEqual(listedNames(party.body), [`${RUN} Flt Alpha`]);
	assert.ok(selectOptions(party.body, 'party').some((o) => o.value === `${RUN}Party` && o.selected));

	const byOrg = await view(admin(), `/people?organisation=${org}`);
	assert.deepEqual(listedNames(byOrg.body), [`${RUN} Flt Beta`]);
	assert.ok(selectOptions(byOrg.body, 'organisation').some((o) => o.value === String(org) && o.selected));
	assert.match(byOrg.body, new RegExp(`<a href="/organisations/${org}">${RUN} Filter Outlet</a>`));

	// The CSV link keeps the filters.
	assert.ok(mps.body.includes(`href="/people.csv?q=${RUN}%20Flt&amp;category=mp"`),
	    'Download CSV keeps the filters');
	assert.ok(mps.body.includes(`href="/people?q=${RUN}%20Flt&amp;category=mp&amp;deleted=1"`),
	    'Show deleted keeps the filters');
});

test('the people list shows 25 to a page, with page links that keep the filters', async () => {
	for (let i = 1; i <= 26; i++)
		await createPerson({ name: `${RUN} Pg ${String(i).padStart(2, '0')}` });
	const p1 = await view(admin(), `/people?q=${RUN}+Pg`);
	assert.equal(p1.status, 200);
	assert.match(pageText(p1.body), /26 people/);
	const names = listedNames(p1.body);
	assert.equal(names.length, 25);
	assert.equal(names[0], `${RUN} Pg 01`);
	assert.match(pageText(p1.body), /Page 1 of 2/);
	assert.ok(p1.body.includes(`href="/people?q=${RUN}%20Pg&amp;page=2"`), 'next link keeps q');

	const p2 = await view(admin(), `/people?q=${RUN}+Pg&page=2`);
	assert.deepEqual(listedNames(p2.body), [`${RUN} Pg 26`]);
	assert.match(pageText(p2.body), /Page 2 of 2/);
	assert.ok(p2.body.includes(`href="/people?q=${RUN}%20Pg&amp;page=1"`), 'previous link');

	const past = await view(admin(), `/people?q=${RUN}+Pg&page=9`);
	assert.deepEqual(listedNames(past.body), [`${RUN} Pg 26`], 'a page past the end shows the last');
	const junk = await view(admin(), `/people?q=${RUN}+Pg&page=abc`);
	assert.equal(listedNames(junk.body).length, 25, 'a junk page number shows the first');
});

test('GET /people.csv: header row, the filtered rows, RFC 4180 quoting, formulas neutralised', async () => {
	const tag = `${RUN}csv`;
	await createPerson({ name: '=HYPERLINK(1)', category: 'journalist', role_title: tag });
	await createPerson({ name: `Smith, Jo "JJ"`, category: 'mp', role_title: tag, party: 'Labour',
	    house: 'commons', constituency: 'Holborn', email: 'jo@example.org', current: 'no' });
	const r = await view(admin(), `/people.csv?q=${tag}`);
	assert.equal(r.status, 200);
	assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8$/i);
	assert.match(r.headers.get('content-disposition'), /^attachment; filename="people\.csv"$/);
	const lines = r.body.split('\r\n');
	assert.equal(lines.at(-1), '', 'every row ends in CRLF');
	assert.deepEqual(lines.slice(0, -1), [
		'Name,Category,Role,Party,House,Constituency,Organisation,Email,Phone,Current,Council,Lawful basis,Basis date,Source',
		`'=HYPERLINK(1),Journalist,${tag},,,,,,,Yes,,Legitimate interests,,`,
		`"Smith, Jo ""JJ""",MP,${tag},Labour,House of Commons,Holborn,,jo@example.org,,No,,Legitimate interests,,`,
	]);

	const mps = await view(admin(), `/people.csv?q=${tag}&category=mp`);
	assert.equal(mps.body.split('\r\n').length, 3, 'header, one row, end: filters apply');
	const none = await view(admin(), `/people.csv?q=${tag}&deleted=1`);
	assert.equal(none.body, 'Name,Category,Role,Party,House,Constituency,Organisation,Email,Phone,Current,Council,Lawful basis,Basis date,Source\r\n');
});

// --- permissions and errors ---------------------------------------------------

test('a viewer reads the directory but sees no Add, Edit, Delete or Restore', async () => {
	const id = await createPerson({ name: `${RUN} Viewed` });
	const deleted = await createPerson({ name: `${RUN} Viewed Gone` });
	assert.equal((await send(admin(), `/people/${deleted}/delete`, {})).status, 303);
	const org = await createOrg({ name: `${RUN} Viewed Org` });

	const list = await view(viewer(), `/people?q=${RUN}+Viewed`);
	assert.equal(list.status, 200);
	assert.deepEqual(listedNames(list.body), [`${RUN} Viewed`]);
	assert.ok(!list.body.includes('href="/people/new"'), 'no Add a person');
	assert.match(list.body, /Download CSV/);
	for (const path of [`/people/${id}`, `/people/${deleted}`, `/organisations/${org}`]) {
		const d = await view(viewer(), path);
		assert.equal(d.status, 200, path);
		assert.doesNotMatch(d.body, /\/(edit|delete|restore)"/, `${path}: no write buttons`);
		assert.match(d.body, /History of changes/);
	}
	for (const path of [`/people/${id}/history`, '/people.csv', '/organisations', `/organisations/${org}/history`])
		assert.equal((await view(viewer(), path)).status, 200, path);
	const orgs = await view(viewer(), '/organisations');
	assert.ok(!orgs.body.includes('href="/organisations/new"'), 'no Add an organisation');
});

test('a viewer gets 403 on every write route, and nothing changes', async () => {
	const id = await createPerson({ name: `${RUN} Protected` });
	const gone = await createPerson({ name: `${RUN} Protected Gone` });
	assert.equal((await send(admin(), `/people/${gone}/delete`, {})).status, 303);
	const org = await createOrg({ name: `${RUN} Protected Org` });
	const goneOrg = await createOrg({ name: `${RUN} Protected Gone Org` });
	assert.equal((await send(admin(), `/organisations/${goneOrg}/delete`, {})).status, 303);

	const gets = ['/people/new', `/people/${id}/edit`, '/organisations/new', `/organisations/${org}/edit`];
	for (const path of gets) {
		const r = await view(viewer(), path);
		assert.equal(r.status, 403, `GET ${path}`);
		assert.match(pageText(r.body), /Your role does not allow this page/);
	}
	const posts = [
		['/people/new', { ...PERSON, name: `${RUN} Sneaky` }],
		[`/people/${id}/edit`, { ...PERSON, name: `${RUN} Renamed`, version: '1' }],
		[`/people/${id}/delete`, {}],
		[`/people/${gone}/restore`, {}],
		['/organisations/new', { ...ORG, name: `${RUN} Sneaky Org` }],
		[`/organisations/${org}/edit`, { ...ORG, name: `${RUN} Renamed Org`, version: '1' }],
		[`/organisations/${org}/delete`, {}],
		[`/organisations/${goneOrg}/restore`, {}],
	];
	for (const [path, form] of posts)
		assert.equal((await send(viewer(), path, form)).status, 403, `POST ${path}`);

	const list = await view(admin(), `/people?q=${RUN}+Protected`);
	assert.deepEqual(listedNames(list.body), [`${RUN} Protected`]);
	const d = await view(admin(), `/organisations/${org}`);
	assert.match(d.body, new RegExp(`<h1>${RUN} Protected Org</h1>`));
	assert.doesNotMatch(d.body, /has been deleted/);
});

test('people and organisations that do not exist are 404; bad methods 405', async () => {
	for (const base of ['/people', '/organisations']) {
		for (const path of [`${base}/999999`, `${base}/abc`, `${base}/0`, `${base}/01`,
		    `${base}/999999/edit`, `${base}/999999/history`, `${base}/1/nothing`]) {
			const r = await view(admin(), path);
			assert.equal(r.status, 404, `GET ${path}`);
			assert.match(r.body, /<h1>Page not found<\/h1>/, path);
		}
		for (const path of [`${base}/999999/delete`, `${base}/999999/restore`, `${base}/999999/edit`])
			assert.equal((await send(admin(), path, { ...PERSON, ...ORG, version: '1' })).status, 404, `POST ${path}`);
		assert.equal((await send(admin(), base, {})).status, 405, `POST ${base}`);
		const r = await view(admin(), `${base}/1/delete`);
		assert.equal(r.status, 405, `GET ${base}/1/delete`);
		assert.equal(r.headers.get('allow'), 'POST');
	}
	assert.equal((await view(admin(), '/organisations.csv')).status, 404);
});

test('directory POSTs without the session csrf token are refused with 403', async () => {
	const c = await admin();
	const r = await post('/people/new', { ...PERSON, name: `${RUN} No Token` },
	    { jar: c.jar, headers: { Origin: ORIGIN } });
	assert.equal(r.status, 403);
	const list = await view(admin(), `/people?q=${RUN}+No+Token`);
	assert.deepEqual(listedNames(list.body), []);
});

// --- organisations --------------------------------------------------------------

test('GET /organisations/new: kinds, media and "Part of" options', async () => {
	const parent = await createOrg({ name: `${RUN} Options Dept`, kind: 'government_department' });
	const r = await view(admin(), '/organisations/new');
	assert.equal(r.status, 200);
	assert.match(r.body, /<h1>Add an organisation<\/h1>/);
	assert.deepEqual(selectOptions(r.body, 'kind').map((o) => o.label), [
		'Choose a kind', 'Council', 'Government department', 'FCDO desk',
		'Media outlet', 'Coalition', 'Faith body', 'NGO', 'HIAS country office',
	]);
	assert.deepEqual(selectOptions(r.body, 'medium').map((o) => [o.value, o.label]), [
		['', 'None'], ['print', 'Print'], ['broadcast', 'Broadcast'], ['online', 'Online'],
	]);
	assert.ok(selectOptions(r.body, 'parent').some((o) =>
	    o.value === String(parent) && o.label === `${RUN} Options Dept (Government department)`));
	// An organisation is not offered as part of itself.
	const e = await view(admin(), `/organisations/${parent}/edit`);
	assert.ok(!selectOptions(e.body, 'parent').some((o) => o.value === String(parent)));
});

test('creating organisations: an FCDO desk shows its parent, the parent lists its desks and people', async () => {
	const fcdo = await createOrg({ name: `${RUN} FCDO`, kind: 'government_department',
	    website: 'https://www.gov.uk/fcdo', notes: 'Foreign office' });
	const r = await send(admin(), '/organisations/new', { ...ORG, name: `${RUN} East Africa Desk`,
	    kind: 'fcdo_desk', parent: String(fcdo) });
	assert.equal(r.status, 303, pageText(r.body));
	const desk = idFrom(r.location, '/organisations');
	const official = await createPerson({ name: `${RUN} Desk Officer`, category: 'fcdo_official',
	    role_title: 'Head of desk', organisation: String(desk) });

	const d = await view(admin(), r.location);
	assert.equal(d.status, 200);
	assert.match(d.body, /Saved\./);
	const text = pageText(d.body);
	assert.ok(text.includes('Kind FCDO desk'));
	assert.ok(text.includes(`Part of ${RUN} FCDO`));
	assert.match(d.body, new RegExp(`<a href="/organisations/${fcdo}">${RUN} FCDO</a>`));
	assert.deepEqual(tableRows(d.body, 'directory'), [[`${RUN} Desk Officer`, 'FCDO official', 'Head of desk']]);
	assert.match(d.body, new RegExp(`<a href="/people/${official}">`));
	assert.ok(text.includes('No engagements recorded yet.'));

	const p = await view(admin(), `/organisations/${fcdo}`);
	assert.match(p.body, new RegExp(`<a href="/organisations/${desk}">${RUN} East Africa Desk</a>`));
	assert.match(p.body, /<a href="https:\/\/www.gov.uk\/fcdo">https:\/\/www.gov.uk\/fcdo<\/a>/);

	const list = await view(admin(), `/organisations?q=${RUN}+East`);
	assert.deepEqual(tableRows(list.body, 'directory'), [[`${RUN} East Africa Desk`, 'FCDO desk', '', `${RUN} FCDO`]]);
	const kind = await view(admin(), `/organisations?q=${RUN}&kind=government_department`);
	assert.ok(tableRows(kind.body, 'directory').every((row) => row[1] === 'Government department'));
	assert.ok(tableRows(kind.body, 'directory').some((row) => row[0] === `${RUN} FCDO`));
	assert.ok(selectOptions(kind.body, 'kind').find((o) => o.value === 'government_department').selected);
});

test('medium: required for a media outlet, refused for other kinds (400, beside the field)', async () => {
	const none = await send(admin(), '/organisations/new', { ...ORG, name: `${RUN} Paper`, kind: 'media_outlet' });
	assert.equal(none.status, 400);
	assert.match(fieldHtml(none.body, 'medium'), /field-error[\s\S]*Choose the medium of a media outlet/);
	assert.equal(formValues(none.body, '/organisations/new').name, `${RUN} Paper`);

	const extra = await send(admin(), '/organisations/new', { ...ORG, name: `${RUN} Council`, kind: 'council', medium: 'print' });
	assert.equal(extra.status, 400);
	assert.match(fieldHtml(extra.body, 'medium'), /Only media outlets have a medium/);
	assert.equal(formValues(extra.body, '/organisations/new').medium, 'print');

	const bad = await send(admin(), '/organisations/new', { ...ORG, name: '', kind: 'spaceship', medium: 'telepathy',
	    website: 'javascript:alert(1)' });
	assert.equal(bad.status, 400);
	assert.match(fieldHtml(bad.body, 'name'), /Name is required/);
	assert.match(fieldHtml(bad.body, 'kind'), /Choose one of the options/);
	assert.match(fieldHtml(bad.body, 'medium'), /Choose one of the options/);
	assert.match(fieldHtml(bad.body, 'website'), /starting with https:\/\/ or http:\/\//);
	const notUrl = await send(admin(), '/organisations/new', { ...ORG, name: `${RUN} Site`, website: 'www.example.org' });
	assert.equal(notUrl.status, 400);
	assert.match(fieldHtml(notUrl.body, 'website'), /starting with https:\/\//);

	const ok = await send(admin(), '/organisations/new', { ...ORG, name: `${RUN} Paper`, kind: 'media_outlet', medium: 'broadcast' });
	assert.equal(ok.status, 303, pageText(ok.body));
	const d = await view(admin(), ok.location);
	assert.ok(pageText(d.body).includes('Kind Media outlet Medium Broadcast'));
});

test('organisations: edit, conflict (409), delete, show deleted, restore and history', async () => {
	const id = await createOrg({ name: `${RUN} Coalition`, kind: 'coalition' });
	const form = await view(admin(), `/organisations/${id}/edit`);
	assert.equal(form.status, 200);
	const v = formValues(form.body, `/organisations/${id}/edit`);
	assert.equal(v.version, '1');
	assert.equal(v.kind, 'coalition');

	assert.equal((await send(admin(), `/organisations/${id}/edit`, { ...v, notes: 'First' })).status, 303);
	const second = await send(admin(), `/organisations/${id}/edit`, { ...v, notes: 'Second', kind: 'ngo' });
	assert.equal(second.status, 409);
	const rows = tableRows(second.body, 'conflict');
	assert.deepEqual(rows.find((r) => r[0].startsWith('Notes')), ['Notes (differs)', 'Second', 'First']);
	assert.deepEqual(rows.find((r) => r[0].startsWith('Kind')), ['Kind (differs)', 'NGO', 'Coalition']);
	const again = formValues(second.body, `/organisations/${id}/edit`);
	assert.equal(again.version, '2');
	assert.equal(again.kind, 'ngo');
	assert.equal((await send(admin(), `/organisations/${id}/edit`, again)).status, 303);

	assert.equal((await send(admin(), `/organisations/${id}/delete`, {})).status, 303);
	const list = await view(admin(), `/organisations?q=${RUN}+Coalition`);
	assert.deepEqual(tableRows(list.body, 'directory'), []);
	const gone = await view(admin(), `/organisations?q=${RUN}+Coalition&deleted=1`);
	assert.match(gone.body, /<h1>Deleted organisations<\/h1>/);
	assert.equal(tableRows(gone.body, 'directory')[0][0], `${RUN} Coalition`);
	assert.equal((await send(admin(), `/organisations/${id}/delete`, {})).status, 404);
	assert.equal((await view(admin(), `/organisations/${id}/edit`)).status, 409);
	const d = await view(admin(), `/organisations/${id}`);
	formFor(d.body, `/organisations/${id}/restore`);
	assert.equal((await send(admin(), `/organisations/${id}/restore`, {})).status, 303);
	assert.equal((await send(admin(), `/organisations/${id}/restore`, {})).status, 404);

	const h = await view(admin(), `/organisations/${id}/history`);
	const text = pageText(h.body);
	for (const s of ['create by demo', 'update by demo', 'delete by demo', 'restore by demo', 'kind coalition ngo'])
		assert.ok(text.includes(s), `history has "${s}"`);
});

test('a person can belong to a deleted organisation: kept when their form is saved', async () => {
	const org = await createOrg({ name: `${RUN} Closing NGO` });
	const id = await createPerson({ name: `${RUN} Loyal`, organisation: String(org) });
	assert.equal((await send(admin(), `/organisations/${org}/delete`, {})).status, 303);
	const form = await view(admin(), `/people/${id}/edit`);
	const opts = selectOptions(form.body, 'organisation');
	assert.ok(opts.some((o) => o.value === String(org) && o.selected && o.label === `${RUN} Closing NGO (deleted)`));
	const v = formValues(form.body, `/people/${id}/edit`);
	const r = await send(admin(), `/people/${id}/edit`, { ...v, phone: '1' });
	assert.equal(r.status, 303, pageText(r.body));
	// A new person cannot be put in it.
	const n = await send(admin(), '/people/new', { ...PERSON, name: `${RUN} Late`, organisation: String(org) });
	assert.equal(n.status, 400);
	assert.match(fieldHtml(n.body, 'organisation'), /Choose one of the options/);
});

// --- history, duplicates and merges, more filters (issue 4) -----------------

// The id of the first /people/ID link in a list page for name.
function personIdIn(html, name) {
	const re = new RegExp(`<a href="/people/(\\d+)">${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</a>`);
	const m = html.match(re);
	assert.ok(m, `a link to ${name} in the page`);
	return Number(m[1]);
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

test('the people list filters by House, council and current or former, with counts by party', async () => {
	const tag = `${RUN}Hx`;
	const council = await createOrg({ name: `${tag} Council`, kind: 'council' });
	const other = await createOrg({ name: `${tag} Charity`, kind: 'ngo' });
	await createPerson({ name: `${tag} A`, category: 'mp', party: 'Labour', house: 'commons' });
	await createPerson({ name: `${tag} B`, category: 'peer', party: 'Conservative', house: 'lords' });
	await createPerson({ name: `${tag} C`, category: 'mp', party: 'Labour', house: 'commons', current: 'no' });
	await createPerson({ name: `${tag} D`, category: 'councillor', party: 'Green', organisation: String(council) });
	await createPerson({ name: `${tag} E`, category: 'other', organisation: String(other) });

	const all = await view(admin(), `/people?q=${tag}`);
	assert.deepEqual(selectOptions(all.body, 'house').map((o) => o.value), ['', 'commons', 'lords']);
	assert.deepEqual(selectOptions(all.body, 'current').map((o) => [o.value, o.label]),
	    [['', 'Any'], ['current', 'Current'], ['former', 'Former']]);
	const councils = selectOptions(all.body, 'council');
	assert.ok(councils.some((o) => o.value === String(council) && o.label === `${tag} Council`));
	assert.ok(!councils.some((o) => o.value === String(other)), 'only councils in the council filter');
	assert.match(all.body, /<h2>Counts by party<\/h2>/);
	assert.deepEqual(tableRows(all.body, 'party-counts'),
	    [['Labour', '2'], ['No party', '1'], ['Conservative', '1'], ['Green', '1']]);

	const names = async (q) => listedNames((await view(admin(), `/people?q=${tag}&${q}`)).body);
	assert.deepEqual(await names('house=commons'), [`${tag} A`, `${tag} C`]);
	assert.deepEqual(await names('house=lords'), [`${tag} B`]);
	assert.deepEqual(await names(`council=${council}`), [`${tag} D`]);
	assert.deepEqual(await names(`council=${other}`), [], 'an organisation that is not a council');
	assert.deepEqual(await names('current=former'), [`${tag} C`]);
	assert.deepEqual(await names('current=current'), [`${tag} A`, `${tag} B`, `${tag} D`, `${tag} E`]);
	assert.deepEqual(await names('house=bogus'), [`${tag} A`, `${tag} B`, `${tag} C`, `${tag} D`, `${tag} E`],
	    'an unknown House is ignored');

	const commons = await view(admin(), `/people?q=${tag}&house=commons&current=current`);
	assert.deepEqual(tableRows(commons.body, 'party-counts'), [['Labour', '1']]);
	assert.ok(selectOptions(commons.body, 'house').find((o) => o.value === 'commons').selected);
	assert.ok(selectOptions(commons.body, 'current').find((o) => o.value === 'current').selected);
	assert.ok(commons.body.includes(`href="/people.csv?q=${tag}&amp;house=commons&amp;current=current"`),
	    'the CSV link keeps the new filters');
});

test('GET /people.csv with the new filters: name, category, party, House, constituency, council, current', async () => {
	const tag = `${RUN}Cv`;
	const council = await createOrg({ name: `${tag} Borough Council`, kind: 'council' });
	await createPerson({ name: `${tag} Cllr`, category: 'councillor', party: 'Labour', constituency: 'Kilburn',
	    organisation: String(council) });
	await createPerson({ name: `${tag} Peer`, category: 'peer', party: 'Crossbench', house: 'lords', current: 'no' });
	const r = await view(admin(), `/people.csv?q=${tag}`);
	assert.equal(r.status, 200);
	const rows = parseCsv(r.body);
	const head = rows[0];
	for (const col of ['Name', 'Category', 'Party', 'House', 'Constituency', 'Council', 'Current'])
		assert.ok(head.includes(col), `column ${col}`);
	const rec = rows.slice(1).map((row) => Object.fromEntries(head.map((h, i) => [h, row[i]])));
	assert.equal(rec.length, 2);
	assert.equal(rec[0].Name, `${tag} Cllr`);
	assert.equal(rec[0].Council, `${tag} Borough Council`);
	assert.equal(rec[0].Constituency, 'Kilburn');
	assert.equal(rec[0].Current, 'Yes');
	assert.equal(rec[1].Name, `${tag} Peer`);
	assert.equal(rec[1].House, 'House of Lords');
	assert.equal(rec[1].Council, '');
	assert.equal(rec[1].Current, 'No');

	const lords = parseCsv((await view(admin(), `/people.csv?q=${tag}&house=lords&current=former`)).body);
	assert.deepEqual(lords.slice(1).map((x) => x[0]), [`${tag} Peer`]);
	const inCouncil = parseCsv((await view(admin(), `/people.csv?q=${tag}&council=${council}`)).body);
	assert.deepEqual(inCouncil.slice(1).map((x) => x[0]), [`${tag} Cllr`]);
});

test('the person page shows "Party and role over time", following a party change made in the edit form', async () => {
	const id = await createPerson({ name: `${RUN} Termed`, category: 'mp', party: 'Labour', house: 'commons',
	    constituency: 'Hendon', role_title: 'Backbencher' });
	let page = await view(admin(), `/people/${id}`);
	assert.match(page.body, /<h2>Party and role over time<\/h2>/);
	assert.deepEqual(tableRows(page.body, 'terms'),
	    [[todayUtc(), 'now', 'MP', 'Labour', 'House of Commons', 'Hendon', 'Backbencher']]);

	const edit = await view(admin(), `/people/${id}/edit`);
	const data = formData(edit.body, `/people/${id}/edit`);
	data.set('party', 'Green');
	const c = await admin();
	const r = await post(`/people/${id}/edit`, data, { jar: c.jar, headers: { Origin: ORIGIN } });
	assert.equal(r.status, 303, pageText(r.body));
	page = await view(admin(), `/people/${id}`);
	// Changed on the day the term began: the same period, amended.
	assert.deepEqual(tableRows(page.body, 'terms'),
	    [[todayUtc(), 'now', 'MP', 'Green', 'House of Commons', 'Hendon', 'Backbencher']]);

	// The demo MP who changed party in 2025 shows both periods.
	const list = await view(admin(), '/people?q=Priya+Nandakumar');
	const demo = await view(admin(), `/people/${personIdIn(list.body, 'Priya Nandakumar')}`);
	const rows = tableRows(demo.body, 'terms');
	assert.equal(rows.length, 2);
	assert.deepEqual(rows[0].slice(0, 4), ['2025-06-02', 'now', 'MP', 'Labour']);
	assert.deepEqual(rows[1].slice(0, 4), ['2024-01-01', '2025-06-02', 'MP', 'Green']);
});

test('GET /people/duplicates lists same-name and same-email pairs with merge forms for editors', async () => {
	const tag = `${RUN}Dp`;
	const a = await createPerson({ name: `${tag} Same`, category: 'journalist' });
	const b = await createPerson({ name: `${tag} SAME`, category: 'journalist' });
	const notDup = await createPerson({ name: `${tag} Same`, category: 'other' });
	const e1 = await createPerson({ name: `${tag} Mail One`, email: `${tag}@example.org` });
	const e2 = await createPerson({ name: `${tag} Mail Two`, email: `${tag}@example.org` });
	const r = await view(admin(), '/people/duplicates');
	assert.equal(r.status, 200);
	assert.match(r.body, /<h1>Possible duplicates<\/h1>/);
	const rows = tableRows(r.body, 'duplicates').filter((x) => x[0].startsWith(tag));
	assert.equal(rows.length, 2, JSON.stringify(rows));
	assert.equal(rows.find((x) => x[0].startsWith(`${tag} Same`))[2], 'same name and category');
	assert.equal(rows.find((x) => x[0].startsWith(`${tag} Mail`))[2], 'same email');
	assert.equal(inputValue(r.body, `/people/${a}/merge`, 'other'), String(b));
	assert.equal(inputValue(r.body, `/people/${b}/merge`, 'other'), String(a));
	assert.equal(inputValue(r.body, `/people/${e1}/merge`, 'other'), String(e2));
	assert.ok(!r.body.includes(`/people/${notDup}/merge`), 'another category is not a duplicate');
	const list = await view(admin(), '/people');
	assert.match(list.body, /<a href="\/people\/duplicates">Possible duplicates<\/a>/);

	const v = await view(viewer(), '/people/duplicates');
	assert.equal(v.status, 200);
	assert.ok(!v.body.includes(`/people/${a}/merge`), 'a viewer sees no merge forms');
});

test('merge through HTTP, then undo: fields filled and restored, the merged record deleted and back', async () => {
	const tag = `${RUN}Mg`;
	const keep = await createPerson({ name: `${tag} Person`, category: 'mp', notes: 'Kept notes' });
	const gone = await createPerson({ name: `${tag} Person`, category: 'mp', email: 'merge@example.org',
	    phone: '020 7946 0123', notes: 'Other notes' });

	const self = await send(admin(), `/people/${keep}/merge`, { other: String(keep) });
	assert.equal(self.status, 400);
	assert.match(pageText(self.body), /cannot be merged into itself/);

	const r = await send(admin(), `/people/${keep}/merge`, { other: String(gone) });
	assert.equal(r.status, 303, pageText(r.body));
	assert.equal(r.location, `/people/${keep}?merged=1`);
	let page = await view(admin(), r.location);
	assert.match(pageText(page.body), /Merged\./);
	assert.match(page.body, /merge@example\.org/);
	assert.match(page.body, /020 7946 0123/);
	assert.match(pageText(page.body), /Kept notes Other notes/);
	assert.match(page.body, /<h2>Merged records<\/h2>/);
	const undo = formFor(page.body, page.body.match(/action="(\/people\/merges\/\d+\/undo)"/)[1]);
	const undoPath = undo.attrs.action;
	const goneNow = await view(admin(), `/people/${gone}`);
	assert.match(pageText(goneNow.body), /This person has been deleted/);
	assert.match(pageText(goneNow.body), new RegExp(`merged into ${tag} Person`));
	const hist = await view(admin(), `/people/${keep}/history`);
	assert.match(pageText(hist.body), /merge/);

	// A deleted (merged) record cannot be merged again.
	const again = await send(admin(), `/people/${keep}/merge`, { other: String(gone) });
	assert.equal(again.status, 409);

	const u = await send(admin(), undoPath, {});
	assert.equal(u.status, 303, pageText(u.body));
	assert.equal(u.location, `/people/${keep}?unmerged=1`);
	page = await view(admin(), u.location);
	assert.match(pageText(page.body), /Merge undone\./);
	assert.doesNotMatch(page.body, /merge@example\.org/);
	assert.doesNotMatch(pageText(page.body), /Other notes/);
	assert.match(pageText(page.body), /Undone/);
	assert.ok(!page.body.includes(`action="${undoPath}"`), 'no undo button once undone');
	const back = await view(admin(), `/people/${gone}`);
	assert.doesNotMatch(pageText(back.body), /has been deleted/);
	assert.match(back.body, /merge@example\.org/);

	const twice = await send(admin(), undoPath, {});
	assert.equal(twice.status, 409);
	assert.match(pageText(twice.body), /already been undone/);
	const missing = await send(admin(), '/people/merges/999999999/undo', {});
	assert.equal(missing.status, 404);
});

test('a viewer gets 403 on merge and undo, and nothing changes', async () => {
	const tag = `${RUN}Mv`;
	const keep = await createPerson({ name: `${tag} Person` });
	const other = await createPerson({ name: `${tag} Person`, email: 'viewer-merge@example.org' });
	const denied = await send(viewer(), `/people/${keep}/merge`, { other: String(other) });
	assert.equal(denied.status, 403);
	const still = await view(admin(), `/people/${other}`);
	assert.doesNotMatch(pageText(still.body), /has been deleted/);

	const r = await send(admin(), `/people/${keep}/merge`, { other: String(other) });
	assert.equal(r.status, 303);
	const page = await view(admin(), `/people/${keep}`);
	const undoPath = page.body.match(/action="(\/people\/merges\/\d+\/undo)"/)[1];
	const v = await view(viewer(), `/people/${keep}`);
	assert.ok(!v.body.includes(undoPath), 'a viewer sees no Undo merge button');
	const u = await send(viewer(), undoPath, {});
	assert.equal(u.status, 403);
	const gone = await view(admin(), `/people/${other}`);
	assert.match(pageText(gone.body), /has been deleted/);
});
