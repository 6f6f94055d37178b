// HTTP tier: the people type-ahead, GET /people/search.json (people.fcgi,
// lib/people_search.c): who may ask, the JSON it answers with (escaping,
// namesakes numbered, hints), matching (word prefixes, case and accents
// folded, short words, the parliamentarians set), the limit, and that
// deleted people are never offered.  The forms that use it carry no list
// of people (tests/http/engagements.test.mjs, appg.test.mjs).
//
// Every test makes its own people, named with RUN and a token of its own,
// so the demo data never matches.  Tests are flat so that automake's TAP
// driver counts each.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	ORIGIN, users, get, post, loggedIn, sessionToken, assertSecurityHeaders,
} from './helpers.mjs';

const RUN = 'ps' + Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
let seq = 0;
const token = () => `${RUN}t${++seq}`;

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

async function send(who, path, fields) {
	const c = await who;
	return post(path, { csrf: c.csrf, ...fields }, { jar: c.jar, headers: { Origin: ORIGIN } });
}

const PERSON = {
	name: '', category: 'other', role_title: '', party: '', house: '',
	constituency: '', organisation: '', email: '', phone: '', notes: '',
	current: 'yes', version: '', lawful_basis: 'legitimate_interests',
};

async function createPerson(fields) {
	const r = await send(admin(), '/people/new', { ...PERSON, ...fields });
	assert.equal(r.status, 303, `create ${fields.name}`);
	const m = (r.location || '').match(/^\/people\/(\d+)\?saved=1$/);
	assert.ok(m, `redirected to the new person: ${r.location}`);
	return Number(m[1]);
}

// The search as `who` sees it: { status, type, body (parsed when JSON) }.
async function search(params, who = viewer()) {
	const c = await who;
	const r = await get(`/people/search.json?${new URLSearchParams(params)}`, { jar: c.jar });
	let body = r.body;
	if (/^application\/json/.test(r.headers.get('content-type') || ''))
		body = JSON.parse(r.body);
	return { status: r.status, type: r.headers.get('content-type'), body, raw: r.body, headers: r.headers };
}
const names = (r) => r.body.people.map((p) => p.name);

test('the search answers logged-in users only: without a session it sends to the login page', async () => {
	const r = await get('/people/search.json?q=anyone');
	assert.equal(r.status, 303);
	assert.match(r.location, /^\/login/);
	assert.doesNotMatch(r.body, /"people"/);
	const v = await search({ q: 'anyone' });
	assert.equal(v.status, 200, 'a viewer may search');
	assert.equal(v.type, 'application/json; charset=utf-8');
	assertSecurityHeaders(v.headers, 'GET /people/search.json');
});

test('a match gives id, name, what to type and a hint with category, party and former', async () => {
	const tok = token();
	const id = await createPerson({ name: `Ada ${tok}`, category: 'mp', party: 'Labour', house: 'commons' });
	const old = await createPerson({ name: `Bea ${tok}`, category: 'peer', party: '', house: 'lords', current: 'no' });
	const r = await search({ q: tok });
	assert.equal(r.status, 200);
	assert.deepEqual(r.body, { people: [
		{ id, name: `Ada ${tok}`, value: `Ada ${tok}`, hint: 'MP, Labour' },
		{ id: old, name: `Bea ${tok}`, value: `Bea ${tok}`, hint: 'Peer (former)' },
	] });
});

test('words match at their start, in any order, whatever the case and accents', async () => {
	const tok = token();
	await createPerson({ name: `Zoë Ellis-Whyte ${tok}` });
	await createPerson({ name: `Lord Patel of Bradford ${tok}` });
	await createPerson({ name: `José Álvarez ${tok}` });
	await createPerson({ name: `Sofia Grant ${tok}` });
	for (const [q, want] of [
		[`zoe ${tok}`, [`Zoë Ellis-Whyte ${tok}`]],
		[`ZOË ${tok}`, [`Zoë Ellis-Whyte ${tok}`]],
		[`${tok} whyte`, [`Zoë Ellis-Whyte ${tok}`]],
		[`ell ${tok}`, [`Zoë Ellis-Whyte ${tok}`]],
		[`pat ${tok}`, [`Lord Patel of Bradford ${tok}`]],
		[`bradford ${tok}`, [`Lord Patel of Bradford ${tok}`]],
		[`alvarez jos ${tok}`, [`José Álvarez ${tok}`]],
		[`of ${tok}`, [`Lord Patel of Bradford ${tok}`]],	// a short word narrows, at a word's start
		[`llis ${tok}`, []],	// inside a word: no
		[`zoe ${tok}x`, []],
	]) {
		const r = await search({ q });
		assert.equal(r.status, 200, q);
		assert.deepEqual(names(r), want, `q=${q}`);
	}
});

test('a query of short words only is a prefix of the whole name', async () => {
	const tok = token();
	// Names that start with something unlikely, so the demo never matches.
	await createPerson({ name: `Qx ${tok}` });
	await createPerson({ name: `Qx'y ${tok}` });
	const r = await search({ q: 'qx' , limit: '50' });
	assert.ok(names(r).includes(`Qx ${tok}`), 'two letters find the name that starts with them');
	const r2 = await search({ q: "Qx'y" });
	assert.ok(names(r2).includes(`Qx'y ${tok}`));
	assert.ok(!names(r2).includes(`Qx ${tok}`));
});

test('names that start with the query come first, then by name', async () => {
	const tok = token();
	await createPerson({ name: `Zed ${tok}` });
	await createPerson({ name: `${tok} Alpha` });
	await createPerson({ name: `Abe ${tok}` });
	assert.deepEqual(names(await search({ q: tok })), [`${tok} Alpha`, `Abe ${tok}`, `Zed ${tok}`]);
});

test('namesakes are numbered: the value is "Name #id", as the forms resolve it', async () => {
	const tok = token();
	const name = `Sam ${tok}`;
	const a = await createPerson({ name, category: 'mp', party: 'Green', house: 'commons' });
	const b = await createPerson({ name, category: 'journalist' });
	const r = await search({ q: name });
	assert.deepEqual(r.body.people.map((p) => [p.id, p.value, p.hint]), [
		[a, `${name} #${a}`, 'MP, Green'], [b, `${name} #${b}`, 'Journalist']]);
});

test('deleted people are not offered, and come back when restored', async () => {
	const tok = token();
	const id = await createPerson({ name: `Gone ${tok}` });
	const twin = await createPerson({ name: `Gone ${tok}` });
	let r = await search({ q: tok });
	assert.deepEqual(r.body.people.map((p) => p.id), [id, twin]);
	const d = await send(admin(), `/people/${id}/delete`, {});
	assert.equal(d.status, 303);
	r = await search({ q: tok });
	assert.deepEqual(r.body.people.map((p) => [p.id, p.value]), [[twin, `Gone ${tok}`]],
	    'the one left is no longer numbered');
	assert.equal((await send(admin(), `/people/${id}/restore`, {})).status, 303);
	assert.equal((await search({ q: tok })).body.people.length, 2);
});

test('the limit: 20 unless asked, at most 50; a bad limit or set is a 400 in JSON', async () => {
	const tok = token();
	for (let i = 0; i < 23; i++)
		await createPerson({ name: `Many ${String(i).padStart(2, '0')} ${tok}` });
	assert.equal((await search({ q: tok })).body.people.length, 20);
	assert.deepEqual(names(await search({ q: tok, limit: '3' })),
	    [`Many 00 ${tok}`, `Many 01 ${tok}`, `Many 02 ${tok}`]);
	assert.equal((await search({ q: tok, limit: '50' })).body.people.length, 23);
	for (const bad of [{ limit: '0' }, { limit: '51' }, { limit: 'x' }, { limit: '-1' }, { set: 'everyone' }]) {
		const r = await search({ q: tok, ...bad });
		assert.equal(r.status, 400, JSON.stringify(bad));
		assert.equal(r.type, 'application/json; charset=utf-8');
		assert.match(r.body.error, /limit is 1 to 50/);
	}
});

test('set=parliamentarians offers MPs and Peers only', async () => {
	const tok = token();
	await createPerson({ name: `Parl ${tok} One`, category: 'mp', house: 'commons' });
	await createPerson({ name: `Parl ${tok} Two`, category: 'peer', house: 'lords' });
	await createPerson({ name: `Parl ${tok} Three`, category: 'journalist' });
	assert.deepEqual(names(await search({ q: tok, set: 'parliamentarians' })),
	    [`Parl ${tok} One`, `Parl ${tok} Two`]);
	assert.equal((await search({ q: tok, set: 'all' })).body.people.length, 3);
});

test('names are escaped as JSON: quotes, backslashes, markup and control-free', async () => {
	const tok = token();
	const name = `Tricky "Q" \\ </script><b>x</b> ${tok}`;
	const id = await createPerson({ name });
	const r = await search({ q: tok });
	assert.deepEqual(r.body.people, [{ id, name, value: name, hint: 'Other' }]);
	assert.doesNotMatch(r.raw, /<\//, 'no "</" in the raw text');
});

test('empty, blank, punctuation-only, over-long and odd queries find no one and do not fail', async () => {
	for (const q of ['', '   ', '+-*()"~<>@', '%', '_', '\\', 'a'.repeat(5000), 'ø'.repeat(150) + 'x']) {
		const r = await search({ q });
		assert.equal(r.status, 200, `q=${q.slice(0, 20)}`);
		assert.ok(Array.isArray(r.body.people));
		if (q.trim() === '' || /^[%_\\]$/.test(q))
			assert.deepEqual(r.body.people, [], `q=${q}`);
	}
	const none = await search({});
	assert.equal(none.status, 200);
	assert.deepEqual(none.body, { people: [] });
});

test('the APPG pages name parliamentarians through the search, with no list of people in the page', async () => {
	const c = await admin();
	const groups = await get('/appg', { jar: c.jar });
	const m = groups.body.match(/href="\/appg\/(\d+)"/);
	assert.ok(m, 'the demo has an APPG');
	for (const path of [`/appg/${m[1]}`, `/appg/${m[1]}/meetings/new`]) {
		const r = await get(path, { jar: c.jar });
		assert.equal(r.status, 200, path);
		assert.doesNotMatch(r.body, /<datalist\b/, `${path} carries no list of people`);
		assert.match(r.body, /data-search="\/people\/search.json\?set=parliamentarians" data-pick="fill"/, path);
		assert.match(r.body, /<script src="\/static\/tracker.js" defer>/, path);
	}
});
