// HTTP tier: the admin area (/admin, users, policy areas, person
// categories), against the real admin.fcgi behind lighttpd.
//
// Tests are flat (no subtests) so that automake's TAP driver counts each,
// and independent: every test that changes state makes its own users,
// areas and categories (names starting "adm").  Failed logins are counted
// per user name and per address across the whole suite: this file makes
// 2 in all (a disabled user, an old password after a reset).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	users, CookieJar, get, post, forms, formFor, inputValue, pageText,
	login, loggedIn,
} from './helpers.mjs';

const editor = { username: 'miriam', password: 'demo' };	// demo data

let adminJarPromise;

// One session as demo (an admin) shared by the tests that only read or
// act on records of their own.
function adminJar() {
	adminJarPromise ??= loggedIn(users.demo);
	return adminJarPromise;
}

// The session's CSRF token, from the Log out form of any page.
async function csrfOf(jar) {
	const r = await get('/', { jar });
	assert.equal(r.status, 200, 'GET / to read the csrf token');
	return inputValue(r.body, '/logout', 'csrf');
}

// POST a form with the session's token.
async function send(jar, path, fields) {
	return post(path, { csrf: await csrfOf(jar), ...fields }, { jar });
}

// Assert a 303 to `path` with ?saved=1, then that the page says "Saved.".
async function assertSaved(r, path, jar) {
	assert.equal(r.status, 303, `expected a redirect: ${pageText(r.body)}`);
	assert.equal(r.location, `${path}?saved=1`);
	const page = await get(r.location, { jar });
	assert.equal(page.status, 200);
	assert.match(page.body, /<p class="notice" role="status">Saved\.<\/p>/);
	return page;
}

// The cells' text of the first table row containing `needle`, or undefined.
function rowCells(html, needle) {
	const row = [...html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)]
	    .map((m) => m[1]).find((r) => r.includes(needle));
	if (row === undefined)
		return undefined;
	return [...row.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)]
	    .map((m) => pageText(m[1]));
}

// The message shown beside the control with id `id`, or undefined.
function fieldError(html, id) {
	for (const m of html.matchAll(/<div class="field[^"]*">([\s\S]*?)<\/div>/g)) {
		if (!m[1].includes(`for="${id}"`))
			continue;
		const e = m[1].match(/<p class="error-message"[^>]*>([\s\S]*?)<\/p>/);
		return e ? pageText(e[1]) : undefined;
	}
	return undefined;
}

// The value attribute of the control with id `id` ('' when absent).
function controlValue(html, id) {
	const m = html.match(new RegExp(`<input\\b[^>]*\\bid="${id}"[^>]*>`));
	assert.ok(m, `no input #${id}`);
	const v = m[0].match(/\bvalue="([^"]*)"/);
	return v ? v[1] : undefined;
}

// Every password input of the page carries no value.
function assertNoPasswordEchoed(html) {
	for (const f of forms(html))
		for (const i of f.inputs.filter((x) => x.type === 'password'))
			assert.equal(i.value, undefined, `password ${i.name} not echoed`);
}

// Create a user through the admin pages; returns the POST's response.
async function createUser(jar, u) {
	const page = await get('/admin/users/new', { jar });
	assert.equal(page.status, 200);
	return post('/admin/users/new', {
		csrf: inputValue(page.body, '/admin/users/new', 'csrf'),
		username: u.username, display_name: u.name, role: u.role,
		password: u.password, password2: u.repeat ?? u.password,
	}, { jar });
}

// Create a user and return it with its id (from the list's edit link).
async function newUser(jar, username, role) {
	const u = { username, name: `Test ${username}`, role,
	    password: `${username}-pass-1` };
	const r = await createUser(jar, u);
	assert.equal(r.status, 303, `create ${username}: ${pageText(r.body)}`);
	u.id = await userId(jar, username);
	return u;
}

async function userId(jar, username) {
	const r = await get('/admin/users', { jar });
	const m = r.body.match(new RegExp(`<a href="/admin/users/(\\d+)/edit">${username}</a>`));
	assert.ok(m, `${username} is on the users list`);
	return Number(m[1]);
}

// Add a policy area; returns its id.
async function newArea(jar, name, priority = 'no') {
	const r = await send(jar, '/admin/policy-areas', { name, priority });
	assert.equal(r.status, 303, `add ${name}: ${pageText(r.body)}`);
	return areaId(jar, name);
}

async function areaId(jar, name) {
	const r = await get('/admin/policy-areas', { jar });
	const m = r.body.match(new RegExp(
	    `<a href="/admin/policy-areas/(\\d+)/edit" aria-label="Edit ${name}">`));
	assert.ok(m, `${name} is on the policy areas list`);
	return Number(m[1]);
}

test('every admin page answers 200 for an admin, with Admin current in the nav', async () => {
	const jar = await adminJar();
	const me = await userId(jar, users.demo.username);
	const area = await newArea(jar, 'Adm pages area');
	const pages = {
		'/admin': 'Admin',
		'/admin/users': 'Users',
		'/admin/users/new': 'Add a user',
		[`/admin/users/${me}/edit`]: 'User demo',
		'/admin/policy-areas': 'Policy areas',
		[`/admin/policy-areas/${area}/edit`]: 'Policy area: Adm pages area',
		'/admin/categories': 'Person categories',
	};
	for (const [path, h1] of Object.entries(pages)) {
		const r = await get(path, { jar });
		assert.equal(r.status, 200, `GET ${path}`);
		assert.match(r.body, new RegExp(`<h1>${h1}</h1>`), `${path} title`);
		assert.match(r.body, /<a href="\/admin" aria-current="page">Admin<\/a>/,
		    `${path}: Admin is the current area`);
	}
	const index = await get('/admin', { jar });
	for (const href of ['/admin/users', '/admin/policy-areas', '/admin/categories'])
		assert.match(index.body, new RegExp(`<a href="${href}">`), `index links ${href}`);
	const home = await get('/', { jar });
	assert.match(home.body, /<a href="\/admin">Admin<\/a>/, 'home lists Admin for an admin');
});

test('a viewer and an editor get 403 on every admin route, GET and POST', async () => {
	const admin = await adminJar();
	const someone = await userId(admin, users.viewer.username);
	const area = await newArea(admin, 'Adm forbidden area');
	const gets = ['/admin', '/admin/users', '/admin/users/new',
	    `/admin/users/${someone}/edit`, '/admin/policy-areas',
	    `/admin/policy-areas/${area}/edit`, '/admin/categories'];
	const posts = {
		'/admin/users/new': { username: 'adm-sneaky', display_name: 'Sneaky',
		    role: 'admin', password: 'sneaky-pass-1', password2: 'sneaky-pass-1' },
		[`/admin/users/${someone}/edit`]: { display_name: 'Renamed', role: 'admin' },
		[`/admin/users/${someone}/password`]: { password: 'sneaky-pass-1',
		    password2: 'sneaky-pass-1' },
		[`/admin/users/${someone}/disable`]: {},
		[`/admin/users/${someone}/enable`]: {},
		'/admin/policy-areas': { name: 'Adm sneaky area', priority: 'yes' },
		[`/admin/policy-areas/${area}/edit`]: { name: 'Adm sneaky', priority: 'yes',
		    retired: 'yes' },
		'/admin/categories': { op: 'create', code: 'adm_sneaky', label: 'Sneaky',
		    decision_maker: 'yes' },
	};
	for (const who of [users.viewer, editor]) {
		const jar = await loggedIn(who);
		for (const path of gets) {
			const r = await get(path, { jar });
			assert.equal(r.status, 403, `${who.username} GET ${path}`);
		}
		const csrf = await csrfOf(jar);
		for (const [path, fields] of Object.entries(posts)) {
			const r = await post(path, { csrf, ...fields }, { jar });
			assert.equal(r.status, 403, `${who.username} POST ${path}`);
		}
		const home = await get('/', { jar });
		assert.doesNotMatch(home.body, /href="\/admin"/,
		    `${who.username}: no Admin link in the nav or on the home page`);
	}
	// Nothing changed.
	const list = await get('/admin/users', { jar: admin });
	assert.doesNotMatch(list.body, /adm-sneaky/);
	assert.deepEqual(rowCells(list.body, `>${users.viewer.username}</a>`).slice(1, 4),
	    [users.viewer.name, 'viewer', 'active']);
	const areas = await get('/admin/policy-areas', { jar: admin });
	assert.doesNotMatch(areas.body, /Adm sneaky/);
	assert.deepEqual(rowCells(areas.body, 'Adm forbidden area').slice(0, 3),
	    ['Adm forbidden area', 'no', 'no']);
	const cats = await get('/admin/categories', { jar: admin });
	assert.doesNotMatch(cats.body, /adm_sneaky/);
});

test('an admin creates a user, who can then log in with that role', async () => {
	const jar = await adminJar();
	const u = { username: 'adm-new', name: '<b>Ada</b> & Co', role: 'editor',
	    password: 'adm-new-pass-1' };
	const r = await createUser(jar, u);
	const list = await assertSaved(r, '/admin/users', jar);
	assert.deepEqual(rowCells(list.body, '>adm-new</a>').slice(0, 4),
	    ['adm-new', '<b>Ada</b> & Co', 'editor', 'active']);
	assert.match(list.body, /&lt;b&gt;Ada&lt;\/b&gt; &amp; Co/, 'the name is escaped');

	const theirs = await loggedIn(u);
	const home = await get('/', { jar: theirs });
	assert.match(pageText(home.body), /with the editor role/);
	assert.equal((await get('/admin', { jar: theirs })).status, 403);
});

test('a duplicate username: 400, the message beside Username, typed values kept', async () => {
	const jar = await adminJar();
	const r = await createUser(jar, { username: users.viewer.username,
	    name: 'Second Viewer', role: 'editor', password: 'another-pass-1' });
	assert.equal(r.status, 400);
	assert.match(fieldError(r.body, 'f-username') || '',
	    /already a user with this username/);
	assert.equal(controlValue(r.body, 'f-username'), users.viewer.username);
	assert.equal(controlValue(r.body, 'f-display_name'), 'Second Viewer');
	assert.match(r.body, /<option value="editor" selected>/, 'role kept');
	assertNoPasswordEchoed(r.body);
	assert.doesNotMatch(r.body, /another-pass-1/);
	assert.match(r.body, /class="error-summary"/);
});

test('a short password or a mismatched repeat: 400 with the message, nothing created', async () => {
	const jar = await adminJar();
	const short = await createUser(jar, { username: 'adm-short', name: 'Short',
	    role: 'viewer', password: 'short' });
	assert.equal(short.status, 400);
	assert.match(fieldError(short.body, 'f-password') || '', /at least 8 characters/);
	assert.equal(controlValue(short.body, 'f-username'), 'adm-short');
	assertNoPasswordEchoed(short.body);

	const differ = await createUser(jar, { username: 'adm-differ', name: 'Differ',
	    role: 'viewer', password: 'first-pass-1', repeat: 'second-pass-1' });
	assert.equal(differ.status, 400);
	assert.match(fieldError(differ.body, 'f-password2') || '', /do not match/);
	assertNoPasswordEchoed(differ.body);

	const bad = await createUser(jar, { username: 'Adm Upper', name: 'Upper',
	    role: 'viewer', password: 'upper-pass-1' });
	assert.equal(bad.status, 400);
	assert.match(fieldError(bad.body, 'f-username') || '', /lower-case/);

	const list = await get('/admin/users', { jar });
	assert.doesNotMatch(list.body, /adm-short|adm-differ|Adm Upper/);
});

test('changing a role and name shows on the list and takes effect at once', async () => {
	const jar = await adminJar();
	const u = await newUser(jar, 'adm-role', 'viewer');
	const theirs = await loggedIn(u);
	assert.equal((await get('/admin', { jar: theirs })).status, 403);

	const form = await get(`/admin/users/${u.id}/edit`, { jar });
	assert.equal(controlValue(form.body, 'f-display_name'), u.name);
	assert.match(form.body, /<option value="viewer" selected>/);
	const r = await post(`/admin/users/${u.id}/edit`, {
		csrf: inputValue(form.body, `/admin/users/${u.id}/edit`, 'csrf'),
		display_name: 'Promoted Person', role: 'admin',
	}, { jar });
	const list = await assertSaved(r, '/admin/users', jar);
	assert.deepEqual(rowCells(list.body, '>adm-role</a>').slice(0, 4),
	    ['adm-role', 'Promoted Person', 'admin', 'active']);
	assert.equal((await get('/admin', { jar: theirs })).status, 200,
	    'the new role applies to the open session');

	const empty = await send(jar, `/admin/users/${u.id}/edit`,
	    { display_name: '', role: 'nobody' });
	assert.equal(empty.status, 400);
	assert.match(fieldError(empty.body, 'f-display_name') || '', /required/);
	assert.match(fieldError(empty.body, 'f-role') || '', /Choose one/);
});

test('a disabled user cannot log in and is logged out; enabled again, they can', async () => {
	const jar = await adminJar();
	const u = await newUser(jar, 'adm-gone', 'editor');
	const theirs = await loggedIn(u);

	const off = await send(jar, `/admin/users/${u.id}/disable`, {});
	const list = await assertSaved(off, '/admin/users', jar);
	assert.deepEqual(rowCells(list.body, '>adm-gone</a>').slice(2, 4),
	    ['editor', 'disabled']);
	assert.match(rowCells(list.body, '>adm-gone</a>')[4], /Enable/);

	const old = await get('/', { jar: theirs });
	assert.equal(old.status, 303, 'the open session ended');
	assert.match(old.location, /^\/login/);
	const refused = await login(u.username, u.password);	// failed login 1 of 2
	assert.equal(refused.status, 400);

	const on = await send(jar, `/admin/users/${u.id}/enable`, {});
	const again = await assertSaved(on, '/admin/users', jar);
	assert.equal(rowCells(again.body, '>adm-gone</a>')[3], 'active');
	await loggedIn(u);
});

test('an admin cannot disable themself, nor take away their own admin role', async () => {
	const admin = await adminJar();
	const u = await newUser(admin, 'adm-boss', 'admin');
	const jar = await loggedIn(u);

	const list = await get('/admin/users', { jar });
	assert.match(rowCells(list.body, '>adm-boss</a>')[4], /This is you/,
	    'no disable button on your own row');

	const r = await send(jar, `/admin/users/${u.id}/disable`, {});
	assert.equal(r.status, 400);
	assert.match(pageText(r.body), /You cannot disable your own account/);
	assert.equal((await get('/admin', { jar })).status, 200, 'still logged in');

	const demote = await send(jar, `/admin/users/${u.id}/edit`,
	    { display_name: u.name, role: 'viewer' });
	assert.equal(demote.status, 400);
	assert.match(fieldError(demote.body, 'f-role') || '', /own admin role/);

	const after = await get('/admin/users', { jar: admin });
	assert.deepEqual(rowCells(after.body, '>adm-boss</a>').slice(2, 4),
	    ['admin', 'active']);
});

test('an admin sets a new password: it works, the old one does not, sessions end', async () => {
	const jar = await adminJar();
	const u = await newUser(jar, 'adm-pw', 'viewer');
	const theirs = await loggedIn(u);
	const action = `/admin/users/${u.id}/password`;

	const short = await send(jar, action, { password: 'tiny', password2: 'tiny' });
	assert.equal(short.status, 400);
	assert.match(fieldError(short.body, 'f-password') || '', /at least 8 characters/);
	assertNoPasswordEchoed(short.body);
	assert.equal(controlValue(short.body, 'f-display_name'), u.name,
	    'the name and role form is still filled in');

	const differ = await send(jar, action,
	    { password: 'fresh-pass-1', password2: 'fresh-pass-2' });
	assert.equal(differ.status, 400);
	assert.match(fieldError(differ.body, 'f-password2') || '', /do not match/);

	const page = await get(`/admin/users/${u.id}/edit`, { jar });
	formFor(page.body, action);
	const r = await send(jar, action,
	    { password: 'fresh-pass-1', password2: 'fresh-pass-1' });
	await assertSaved(r, '/admin/users', jar);

	assert.equal((await get('/', { jar: theirs })).status, 303, 'old session ended');
	const old = await login(u.username, u.password);	// failed login 2 of 2
	assert.equal(old.status, 400, 'the old password no longer works');
	await loggedIn({ username: u.username, password: 'fresh-pass-1' });
});

test('unknown users and policy areas are 404; POST-only user actions refuse GET', async () => {
	const jar = await adminJar();
	for (const path of ['/admin/users/999999/edit', '/admin/policy-areas/999999/edit'])
		assert.equal((await get(path, { jar })).status, 404, path);
	assert.equal((await send(jar, '/admin/users/999999/disable', {})).status, 404);
	const me = await userId(jar, users.demo.username);
	for (const a of ['disable', 'enable', 'password']) {
		const r = await get(`/admin/users/${me}/${a}`, { jar });
		assert.equal(r.status, 405, `GET ${a}`);
	}
});

test('policy areas: add, duplicate name 400, edit priority and retire', async () => {
	const jar = await adminJar();
	const add = await send(jar, '/admin/policy-areas',
	    { name: 'Adm Refugee protection', priority: 'no' });
	let list = await assertSaved(add, '/admin/policy-areas', jar);
	assert.deepEqual(rowCells(list.body, 'Adm Refugee protection').slice(0, 3),
	    ['Adm Refugee protection', 'no', 'no']);

	const dup = await send(jar, '/admin/policy-areas',
	    { name: 'Adm Refugee protection', priority: 'yes' });
	assert.equal(dup.status, 400);
	assert.match(fieldError(dup.body, 'f-name') || '', /already a policy area/);
	assert.equal(controlValue(dup.body, 'f-name'), 'Adm Refugee protection');
	assert.match(dup.body, /<option value="yes" selected>/, 'priority kept');

	const empty = await send(jar, '/admin/policy-areas', { name: '', priority: 'yes' });
	assert.equal(empty.status, 400);
	assert.match(fieldError(empty.body, 'f-name') || '', /required/);

	const id = await areaId(jar, 'Adm Refugee protection');
	const action = `/admin/policy-areas/${id}/edit`;
	const form = await get(action, { jar });
	assert.equal(controlValue(form.body, 'f-name'), 'Adm Refugee protection');
	const edit = await send(jar, action,
	    { name: 'Adm Refugee protection', priority: 'yes', retired: 'yes' });
	list = await assertSaved(edit, '/admin/policy-areas', jar);
	assert.deepEqual(rowCells(list.body, 'Adm Refugee protection').slice(0, 3),
	    ['Adm Refugee protection', 'yes', 'yes']);

	await newArea(jar, 'Adm Interfaith');
	const clash = await send(jar, action,
	    { name: 'Adm Interfaith', priority: 'yes', retired: 'no' });
	assert.equal(clash.status, 400);
	assert.match(fieldError(clash.body, 'f-name') || '', /already a policy area/);
	assert.equal(controlValue(clash.body, 'f-name'), 'Adm Interfaith');
	list = await get('/admin/policy-areas', { jar });
	assert.deepEqual(rowCells(list.body, 'Adm Refugee protection').slice(0, 3),
	    ['Adm Refugee protection', 'yes', 'yes'], 'the refused edit saved nothing');
});

test('person categories: add, bad or taken code 400, update label and decision maker', async () => {
	const jar = await adminJar();
	const page = await get('/admin/categories', { jar });
	assert.match(pageText(page.body), /counted as such in reports/);

	const add = await send(jar, '/admin/categories',
	    { op: 'create', code: 'adm_faith', label: 'Adm Faith leader', decision_maker: 'yes' });
	let list = await assertSaved(add, '/admin/categories', jar);
	assert.deepEqual(rowCells(list.body, '>adm_faith<').slice(0, 3),
	    ['adm_faith', 'Adm Faith leader', 'yes']);

	for (const code of ['Bad Code', 'bad-code', 'x'.repeat(41)]) {
		const bad = await send(jar, '/admin/categories',
		    { op: 'create', code, label: 'Adm Bad', decision_maker: 'no' });
		assert.equal(bad.status, 400, `code ${code}`);
		assert.ok(fieldError(bad.body, 'f-code'), `a message beside Code for ${code}`);
		assert.equal(controlValue(bad.body, 'f-label'), 'Adm Bad', 'label kept');
	}
	const taken = await send(jar, '/admin/categories',
	    { op: 'create', code: 'adm_faith', label: 'Adm Other', decision_maker: 'no' });
	assert.equal(taken.status, 400);
	assert.match(fieldError(taken.body, 'f-code') || '', /already a category with this code/);

	const update = await send(jar, '/admin/categories',
	    { op: 'update', code: 'adm_faith', label: 'Adm Faith representative',
	      decision_maker: 'no' });
	list = await assertSaved(update, '/admin/categories', jar);
	assert.deepEqual(rowCells(list.body, '>adm_faith<').slice(0, 3),
	    ['adm_faith', 'Adm Faith representative', 'no']);

	const blank = await send(jar, '/admin/categories',
	    { op: 'update', code: 'adm_faith', label: '', decision_maker: 'yes' });
	assert.equal(blank.status, 400);
	assert.match(fieldError(blank.body, 'cat-adm_faith-label') || '', /required/);
	assert.match(blank.body, /<a href="#cat-adm_faith-label">/, 'the summary links the row');

	const unknown = await send(jar, '/admin/categories',
	    { op: 'update', code: 'adm_nosuch', label: 'X', decision_maker: 'no' });
	assert.equal(unknown.status, 404);
	assert.equal((await send(jar, '/admin/categories', { code: 'adm_x' })).status, 400,
	    'no op');
});

test('an admin POST without the CSRF token, or with a wrong one, is refused with 403', async () => {
	const jar = await adminJar();
	const fields = { username: 'adm-csrf', display_name: 'No Token', role: 'admin',
	    password: 'csrf-pass-123', password2: 'csrf-pass-123' };
	const none = await post('/admin/users/new', fields, { jar });
	assert.equal(none.status, 403);
	const wrong = await post('/admin/users/new', { ...fields, csrf: '0'.repeat(64) }, { jar });
	assert.equal(wrong.status, 403);
	for (const [path, form] of Object.entries({
		'/admin/policy-areas': { name: 'Adm csrf area', priority: 'no' },
		'/admin/categories': { op: 'create', code: 'adm_csrf', label: 'Adm csrf',
		    decision_maker: 'no' },
	}))
		assert.equal((await post(path, form, { jar })).status, 403, path);
	const list = await get('/admin/users', { jar });
	assert.doesNotMatch(list.body, /adm-csrf/);
	assert.doesNotMatch((await get('/admin/policy-areas', { jar })).body, /Adm csrf area/);
});

test('without a session, admin pages redirect to the login page', async () => {
	const r = await get('/admin/users', { jar: new CookieJar() });
	assert.equal(r.status, 303);
	assert.match(r.location, /^\/login\?next=/);
});
