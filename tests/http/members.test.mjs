// HTTP tier: importing MPs, Peers and councillors from the admin page
// (/admin/members): uploads of the Members' Names Data Platform and
// ModernGov fixtures, a web address served by a small server in this
// process, refusals that change nothing, and who may do it.
//
// The "done when": importing the same members file twice leaves
// one person per member; a second file with a party switch (Rupert Hale,
// Conservative to Reform UK) and a departure (Graham Whitlock) shows both
// in /people.csv and in the person's dated history; a truncated file is
// refused with a message and changes nothing.  Tests run in order.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import http from 'node:http';

import {
	BASE_URL, users, get, inputValue, pageText, loggedIn, parseCsv, post,
} from './helpers.mjs';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const fixture = (name) => readFile(new URL(name, FIXTURES));

let adminJar;
const admin = async () => (adminJar ??= await loggedIn(users.demo));

async function csrf(jar) {
	const r = await get('/admin/members', { jar });
	assert.equal(r.status, 200);
	return inputValue(r.body, '/admin/members', 'csrf');
}

// POST the import form as a browser does (multipart/form-data).
async function importMembers(jar, { kind = 'parliament', file, name = 'members.xml',
    url = '', council = '', token } = {}) {
	const fd = new FormData();
	fd.append('csrf', token ?? await csrf(jar));
	fd.append('kind', kind);
	fd.append('council', council);
	fd.append('url', url);
	if (file !== undefined)
		fd.append('file', new Blob([file], { type: 'application/xml' }), name);
	const res = await fetch(BASE_URL + '/admin/members', {
		method: 'POST', body: fd, redirect: 'manual',
		headers: { Cookie: jar.header() },
	});
	return { status: res.status, body: await res.text() };
}

async function peopleCsv(q) {
	const r = await get(`/people.csv?q=${encodeURIComponent(q)}`, { jar: await admin() });
	assert.equal(r.status, 200);
	const rows = parseCsv(r.body);
	const head = rows.shift();
	return rows.map((row) => Object.fromEntries(head.map((h, i) => [h, row[i]])));
}

const imported = (body) => pageText(body).match(/Imported: (\d+) added, (\d+) updated, (\d+) no longer current, (\d+) unchanged/)?.slice(1).map(Number);

test('admins see the import form with its labelled fields; editors and viewers are refused', async () => {
	const r = await get('/admin/members', { jar: await admin() });
	assert.equal(r.status, 200);
	for (const label of ['What to import', 'Council (for councillors)', 'Members file', 'Or its web address'])
		assert.match(r.body, new RegExp(`<label for="f-[a-z]+">${label.replace(/[()]/g, '\\$&')}</label>`));
	assert.match(r.body, /enctype="multipart\/form-data"/);
	for (const who of [users.viewer, { username: 'miriam', password: 'demo' }]) {
		const jar = await loggedIn(who);
		assert.equal((await get('/admin/members', { jar })).status, 403, who.username);
		const fd = new FormData();
		fd.append('kind', 'parliament');
		const res = await fetch(BASE_URL + '/admin/members', { method: 'POST', body: fd,
		    headers: { Cookie: jar.header() }, redirect: 'manual' });
		assert.equal(res.status, 403, `${who.username} POST`);
	}
});

test('a POST without the CSRF token is refused', async () => {
	const r = await importMembers(await admin(), { file: await fixture('parliament-1.xml'), token: '' });
	assert.equal(r.status, 403);
});

test('importing the same members file twice leaves one person per member', async () => {
	const jar = await admin();
	const first = await importMembers(jar, { file: await fixture('parliament-1.xml'), name: 'parliament-1.xml' });
	assert.equal(first.status, 200, pageText(first.body));
	const [added, updated] = imported(first.body);
	assert.ok(added >= 30, `added ${added}`);
	assert.equal(updated, 0);
	const second = await importMembers(jar, { file: await fixture('parliament-1.xml') });
	assert.equal(second.status, 200);
	assert.deepEqual(imported(second.body), [0, 0, 0, added]);
	const hale = await peopleCsv('Rupert Hale');
	assert.equal(hale.length, 1, 'one Rupert Hale');
	assert.equal(hale[0].Party, 'Conservative');
	assert.equal(hale[0].Category, 'MP');
});

test('a truncated file is refused with a message and changes nothing', async () => {
	const jar = await admin();
	const before = await get('/people.csv', { jar });
	for (const [name, why] of [['parliament-truncated.xml', /truncated|ends before/i],
	    ['rss.xml', /not .*members|wrong kind|expected/i], ['empty.xml', /empty|no members/i],
	    ['parliament-malformed.xml', /line \d+/]]) {
		const r = await importMembers(jar, { file: await fixture(name), name });
		assert.equal(r.status, 400, name);
		assert.match(pageText(r.body), /Nothing was changed/);
		assert.match(pageText(r.body), why, name);
	}
	const afterwards = await get('/people.csv', { jar });
	assert.equal(afterwards.body, before.body, 'the directory is as it was');
});

test('a second file: the party switch and the departure show in /people.csv and in the dated history', async () => {
	const jar = await admin();
	const r = await importMembers(jar, { file: await fixture('parliament-2.xml'), name: 'parliament-2.xml' });
	assert.equal(r.status, 200, pageText(r.body));
	const [added, updated, retired] = imported(r.body);
	assert.equal(added, 1, 'Rebecca Thornley');
	assert.ok(updated >= 1);
	assert.equal(retired, 1, 'Graham Whitlock');

	const [hale] = await peopleCsv('Rupert Hale');
	assert.equal(hale.Party, 'Reform UK');
	assert.equal(hale.Current.toLowerCase(), 'yes');
	const [whitlock] = await peopleCsv('Graham Whitlock');
	assert.equal(whitlock.Current.toLowerCase(), 'no');

	const list = await get(`/people?q=${encodeURIComponent('Rupert Hale')}`, { jar });
	const id = list.body.match(/href="\/people\/(\d+)">Rupert Hale</)?.[1];
	assert.ok(id, 'Rupert Hale is listed');
	const page = pageText((await get(`/people/${id}`, { jar })).body);
	assert.match(page, /Party and role over time/);
	assert.match(page, /Conservative/, 'the earlier party is in the history');
	assert.match(page, /Reform UK/);
});

test('councillors need their council, and are imported per council', async () => {
	const jar = await admin();
	const none = await importMembers(jar, { kind: 'moderngov', file: await fixture('moderngov-1.xml') });
	assert.equal(none.status, 400);
	assert.match(pageText(none.body), /Choose the council/);

	const name = `Borough ${Date.now().toString(36)}`;
	const form = await get('/organisations/new', { jar });
	const created = await post('/organisations/new', {
		csrf: inputValue(form.body, '/organisations/new', 'csrf'), version: '0',
		name, kind: 'council', medium: '', parent_id: '0', website: '', notes: '',
	}, { jar });
	assert.equal(created.status, 303, pageText(created.body));
	const council = created.location.match(/\/organisations\/(\d+)/)[1];
	const r = await importMembers(jar, { kind: 'moderngov', council, file: await fixture('moderngov-1.xml') });
	assert.equal(r.status, 200, pageText(r.body));
	const [added] = imported(r.body);
	assert.ok(added > 0);
	const csv = await get(`/people.csv?council=${council}`, { jar });
	assert.equal(parseCsv(csv.body).length - 1, added, 'each councillor listed under the council');
});

test('a web address is fetched by the server; anything but http(s) is refused', async () => {
	const body = await fixture('parliament-1.xml');
	const server = http.createServer((req, res) => {
		if (req.url !== '/members.xml') {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, { 'Content-Type': 'application/xml' }).end(body);
	});
	await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
	after(() => server.close());
	const jar = await admin();
	const url = `http://127.0.0.1:${server.address().port}/members.xml`;
	const r = await importMembers(jar, { url });
	assert.equal(r.status, 200, pageText(r.body));
	assert.ok(imported(r.body), 'a result is shown');
	const missing = await importMembers(jar, { url: url.replace('members', 'nothing') });
	assert.equal(missing.status, 400);
	assert.match(pageText(missing.body), /Nothing was changed/);
	for (const bad of ['/etc/passwd', 'file:///etc/passwd', 'ftp://127.0.0.1/x']) {
		const refused = await importMembers(jar, { url: bad });
		assert.equal(refused.status, 400, bad);
		assert.match(pageText(refused.body), /must start with https:\/\//);
	}
	const neither = await importMembers(jar, {});
	assert.equal(neither.status, 400);
	assert.match(pageText(neither.body), /Choose a members file/);
});
