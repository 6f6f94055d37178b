// Stateless workers: two web hosts, each with its own server and its own
// program processes, in front of one database (started by
// tests/http-two-hosts.test: $BASE_URL is host A, $HOST_B_URL host B).
// Nothing a request needs may live in a process: the session, its CSRF
// token and every record are in MariaDB, so a browser may be sent to
// either host at each request.  The tests run in order and share the one
// session.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	BASE_URL, SESSION_COOKIE, TOKEN_RE, CookieJar, users, loggedIn,
	formData, pageText, sessionToken,
} from './../http/helpers.mjs';

const HOST_A = BASE_URL;
const HOST_B = (process.env.HOST_B_URL || '').replace(/\/+$/, '');
const RUN = 'th' + Date.now().toString(36);

// One request to `host`, as a browser there would send it (its Origin on
// a POST); never follows redirects.  Returns { status, location, body }.
async function at(host, path, jar, form) {
	const headers = { Cookie: jar.header() };
	if (form !== undefined) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		headers.Origin = new URL(host).origin;
	}
	const res = await fetch(host + path, {
		method: form === undefined ? 'GET' : 'POST',
		headers,
		body: form === undefined ? undefined : String(form),
		redirect: 'manual',
	});
	const body = await res.text();
	jar.update(res);
	return { status: res.status, location: res.headers.get('location'), body };
}

let jar;		// the one browser's cookies
let engagementId;

test('the two hosts are two different servers on two ports', async () => {
	assert.ok(HOST_B, 'HOST_B_URL is set by tests/http-two-hosts.test');
	assert.notEqual(new URL(HOST_A).port, new URL(HOST_B).port);
	const server = async (host) => {
		const r = await fetch(host + '/static/tracker.css');
		await r.arrayBuffer();
		return r.headers.get('server');
	};
	assert.notEqual(await server(HOST_A), await server(HOST_B),
	    'lighttpd and nginx name themselves differently');
});

test('a session made by logging in on host A is valid on host B', async () => {
	jar = await loggedIn(users.demo);	// through $BASE_URL, host A
	assert.match(jar.get(SESSION_COOKIE), TOKEN_RE);
	const b = await at(HOST_B, '/', jar);
	assert.equal(b.status, 200, 'GET / on B with the cookie from A');
	assert.match(pageText(b.body), /You are logged in as Demo User \(demo\)/);
	// B's page carries the same session token as A's: it is the session's.
	const a = await at(HOST_A, '/', jar);
	assert.equal(sessionToken(b.body), sessionToken(a.body));
});

test('an engagement saved on host B with the form fetched on host A shows on A', async () => {
	const form = await at(HOST_A, '/engagements/new', jar);
	assert.equal(form.status, 200, 'GET /engagements/new on A');
	const fields = formData(form.body, '/engagements/new');
	assert.match(fields.get('csrf'), TOKEN_RE, "A's form carries the token");

	// A new person, added through the form on B with A's token.
	const person = new URLSearchParams(fields);
	person.set('new_name', `Person ${RUN}`);
	person.set('new_category', 'mp');
	person.set('new_basis', 'legitimate_interests');
	person.set('op', 'new_person');
	const added = await at(HOST_B, '/engagements/new', jar, person);
	assert.equal(added.status, 200, `add a person on B: ${pageText(added.body)}`);
	const ticked = formData(added.body, '/engagements/new').getAll('person_id');
	assert.equal(ticked.length, 1, 'the new person is ticked on the form');

	const save = new URLSearchParams(fields);
	save.set('title', `Saved on B ${RUN}`);
	save.set('date', '2024-03-01');
	save.set('person_id', ticked[0]);
	save.set('op', 'save');
	const saved = await at(HOST_B, '/engagements/new', jar, save);
	assert.equal(saved.status, 303, `save on B: ${pageText(saved.body)}`);
	const m = (saved.location || '').match(/^\/engagements\/(\d+)\?saved=1$/);
	assert.ok(m, `redirected to the engagement: ${saved.location}`);
	engagementId = Number(m[1]);

	const shown = await at(HOST_A, `/engagements/${engagementId}`, jar);
	assert.equal(shown.status, 200, 'GET the engagement on A');
	assert.match(pageText(shown.body), new RegExp(`Saved on B ${RUN}`));
	assert.match(pageText(shown.body), new RegExp(`Person ${RUN}`));
});

test('logging out on host B ends the session on host A', async () => {
	const home = await at(HOST_A, '/', jar);
	const cookie = jar.get(SESSION_COOKIE);
	const out = await at(HOST_B, '/logout', jar,
	    new URLSearchParams({ csrf: sessionToken(home.body) }));
	assert.equal(out.status, 303, 'POST /logout on B');

	// The browser dropped the cookie; one that kept it is not let in on A.
	const stale = new CookieJar();
	stale.set(SESSION_COOKIE, cookie);
	const a = await at(HOST_A, `/engagements/${engagementId}`, stale);
	assert.equal(a.status, 303, 'the old cookie on A');
	assert.equal(new URL(a.location, HOST_A).pathname, '/login');
	const b = await at(HOST_B, '/', stale);
	assert.equal(b.status, 303, 'and on B');
});
