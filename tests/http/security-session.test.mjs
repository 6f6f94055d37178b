// Security of the session: CSRF on every POST route, session fixation,
// the cookies' flags (also over HTTPS, through a program run as CGI with
// HTTPS=on), and open redirects through login's `next`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
	request, get, post, formData, CookieJar, loginToken, login, loggedIn, users,
	setCookie, SESSION_COOKIE, LOGIN_COOKIE, TOKEN_RE,
	ORIGIN, BASE_URL,
} from './helpers.mjs';
import { routes, client, pool, HEAVY } from './security-lib.mjs';

const postRoutes = () => routes().filter((r) => r.post)
    .map((r) => r.path.replace(':id', '1'));

// Every POST route on lighttpd; elsewhere one route of each program (the
// check is the programs', the server only passes the cookie and body on).
function sample(paths) {
	if (HEAVY)
		return paths;
	const seen = new Set();
	return paths.filter((p) => {
		const top = p.split('/')[1];
		return seen.has(top) ? false : seen.add(top);
	});
}

test('every POST route refuses a missing, a wrong, or another session\'s CSRF token with 403', async () => {
	const admin = await client('admin');
	const other = await client('editor');
	const wrong = randomBytes(32).toString('hex');
	const paths = sample(postRoutes());
	assert.ok(paths.length >= (HEAVY ? 90 : 8), `POST routes: ${paths.length}`);
	const cases = [];
	for (const p of paths) {
		cases.push([p, 'missing', {}]);
		cases.push([p, 'wrong', { csrf: wrong }]);
		cases.push([p, "another session's", { csrf: other.csrf }]);
		cases.push([p, 'empty', { csrf: '' }]);
	}
	const bad = (await pool(cases, 8, async ([p, what, form]) => {
		const r = await post(p, { ...form, name: 'csrf-probe', op: 'make' },
		    { jar: admin.jar, headers: { Origin: ORIGIN } });
		return r.status === 403 ? null : `${p} with ${what} token: ${r.status}`;
	})).filter(Boolean);
	assert.deepEqual(bad, []);
	// The admin's session still works: refusing is not logging out.
	assert.equal((await get('/', { jar: admin.jar })).status, 200);
});

test('POST /login refuses a missing, wrong, or another visitor\'s login token with 403', async () => {
	const a = new CookieJar();
	const b = new CookieJar();
	await loginToken(a);
	const theirs = await loginToken(b);
	for (const csrf of [undefined, randomBytes(32).toString('hex'), theirs]) {
		const form = { username: users.demo.username, password: users.demo.password };
		if (csrf !== undefined)
			form.csrf = csrf;
		const r = await post('/login', form, { jar: a });
		assert.equal(r.status, 403, `login with token ${csrf}`);
		assert.equal(setCookie(r.res, SESSION_COOKIE), undefined, 'no session');
	}
});

test('session fixation: a session id planted before login is not the one after it', async () => {
	const planted = randomBytes(32).toString('hex');
	const jar = new CookieJar();
	jar.set(SESSION_COOKIE, planted);
	const r = await login(users.demo.username, users.demo.password, { jar });
	assert.equal(r.status, 303);
	const after = jar.get(SESSION_COOKIE);
	assert.match(after, TOKEN_RE);
	assert.notEqual(after, planted, 'a fresh session id at login');
	// The planted id opens nothing.
	const probe = new CookieJar();
	probe.set(SESSION_COOKIE, planted);
	const g = await get('/', { jar: probe });
	assert.equal(g.status, 303);
	assert.match(g.location, /^\/login/);
});

test('session fixation: an attacker\'s own valid session planted in a victim\'s browser is replaced at login', async () => {
	const attacker = await loggedIn(users.viewer);
	const planted = attacker.get(SESSION_COOKIE);
	// The victim's login form was open before the cookie was planted.
	const jar = new CookieJar();
	const csrf = await loginToken(jar);
	jar.set(SESSION_COOKIE, planted);
	const r = await post('/login', { csrf, username: users.demo.username,
	    password: users.demo.password }, { jar });
	assert.equal(r.status, 303, 'the victim logs in');
	assert.notEqual(jar.get(SESSION_COOKIE), planted, 'with a new session id');
	// The attacker's cookie still belongs to the attacker, not the victim.
	const home = await get('/', { jar: attacker });
	assert.match(home.body, /Vera Viewer|viewer/);
	assert.doesNotMatch(home.body, /Demo User/, 'the attacker is not the victim');
});

test('cookies over http: HttpOnly, SameSite, Path=/, no Secure, and the session one has a lifetime', async () => {
	const jar = new CookieJar();
	const g = await get('/login', { jar });
	const lc = setCookie(g.res, LOGIN_COOKIE);
	assert.ok(lc, 'login token cookie set');
	const r = await login(users.demo.username, users.demo.password);
	const sc = setCookie(r.res, SESSION_COOKIE);
	for (const c of [lc, sc]) {
		assert.equal(c.attrs.httponly, true, `${c.name} HttpOnly`);
		assert.match(String(c.attrs.samesite), /^(Lax|Strict)$/i, `${c.name} SameSite`);
		assert.equal(c.attrs.path, '/', `${c.name} Path=/`);
		assert.equal(c.attrs.secure, undefined, `${c.name}: no Secure over http`);
		assert.equal(c.attrs.domain, undefined, `${c.name}: host-only (no Domain)`);
	}
});

// One request to a program run as CGI (FCGX_IsCGI), as a web server
// would over HTTPS.  Returns { status, headers: [[name, value]], body }.
function cgi(program, { method = 'GET', path, cookie = '', body = '' }) {
	const env = {
		TRACKER_CONF: process.env.TRACKER_CONF,
		GATEWAY_INTERFACE: 'CGI/1.1', SERVER_PROTOCOL: 'HTTP/1.1',
		REQUEST_METHOD: method, REQUEST_URI: path, SCRIPT_NAME: '',
		PATH_INFO: path, QUERY_STRING: '', HTTPS: 'on',
		HTTP_HOST: 'tracker.example', SERVER_NAME: 'tracker.example',
		SERVER_PORT: '443', REMOTE_ADDR: '192.0.2.7',
		HTTP_ORIGIN: 'https://tracker.example', HTTP_COOKIE: cookie,
		CONTENT_LENGTH: String(Buffer.byteLength(body)),
		CONTENT_TYPE: 'application/x-www-form-urlencoded',
	};
	const r = spawnSync(join(process.env.top_builddir, 'cgi-bin', `${program}.fcgi`), [],
	    { env, input: body, encoding: 'utf8', timeout: 20000 });
	assert.equal(r.status, 0, `${program}.fcgi as CGI: ${r.stderr}`);
	const [head, ...rest] = r.stdout.split(/\r?\n\r?\n/);
	const headers = head.split(/\r?\n/).map((l) => {
		const i = l.indexOf(':');
		return [l.slice(0, i).toLowerCase(), l.slice(i + 1).trim()];
	});
	const status = Number((headers.find(([n]) => n === 'status') || [, '200'])[1].slice(0, 3));
	return { status, headers, body: rest.join('\n\n') };
}

test('cookies over HTTPS: the login and session cookies are Secure as well', () => {
	assert.ok(process.env.TRACKER_CONF, 'TRACKER_CONF (tests/http.test sets it)');
	const g = cgi('auth', { path: '/login' });
	assert.equal(g.status, 200);
	const lc = g.headers.find(([n, v]) => n === 'set-cookie' && v.startsWith(`${LOGIN_COOKIE}=`));
	assert.ok(lc, 'login cookie set');
	assert.match(lc[1], /;\s*Secure(;|$)/, 'login cookie Secure over HTTPS');
	const token = lc[1].split(';')[0].split('=')[1];
	const body = new URLSearchParams({ csrf: token, username: users.demo.username,
	    password: users.demo.password, next: '/' }).toString();
	const p = cgi('auth', { method: 'POST', path: '/login',
	    cookie: `${LOGIN_COOKIE}=${token}`, body });
	assert.equal(p.status, 303, p.body);
	const sc = p.headers.find(([n, v]) => n === 'set-cookie' && v.startsWith(`${SESSION_COOKIE}=`));
	assert.ok(sc, 'session cookie set');
	assert.match(sc[1], /;\s*Secure(;|$)/, 'session cookie Secure');
	assert.match(sc[1], /;\s*HttpOnly(;|$)/, 'session cookie HttpOnly');
	assert.match(sc[1], /;\s*SameSite=(Lax|Strict)(;|$)/, 'session cookie SameSite');
	assert.match(sc[1], /;\s*Path=\/(;|$)/, 'session cookie Path=/');
});

const EVIL = [
	'//evil.example', '//evil.example/', 'https://evil.example',
	'http://evil.example/path', '/\\evil.example', '\\\\evil.example',
	'\\/evil.example', '/\\/evil.example', '///evil.example',
	'https:evil.example', '//evil.example@tracker', 'javascript:alert(1)',
	'data:text/html,<script>alert(1)</script>', '/\t/evil.example',
	'/\r\n//evil.example', ' //evil.example', '\t//evil.example',
	'%2F%2Fevil.example', '/%2F%2Fevil.example', '%5C%5Cevil.example',
	'/%5Cevil.example', '//%65vil.example', 'evil.example', '//evil.example%23.local',
	'/.//evil.example', '/login?next=//evil.example', '/logout',
];

// A Location keeps the browser on this site: resolved against it, the
// origin stays ours.
function stays(location) {
	if (location === null)
		return true;
	return new URL(location, BASE_URL).origin === ORIGIN;
}

test('open redirect: login\'s next, in the query or the form, never leaves the site', async () => {
	const bad = [];
	// Logged in, GET /login?next= redirects at once, through the same
	// check as after a login: every variant that way.
	const jar = await loggedIn(users.demo);
	await pool(EVIL, 4, async (next) => {
		const g = await get(`/login?next=${encodeURIComponent(next)}`, { jar });
		// Control characters in a query are refused outright (400).
		if (g.status === 400 && /[\t\r\n]/.test(next))
			return;
		if (g.status !== 303 || !stays(g.location))
			bad.push(`GET /login?next=${JSON.stringify(next)} logged in: ${g.status} ${g.location}`);
	});
	// Through the login form: each costs a login (a password hash), so a
	// sample.  Logged out, the form keeps next; the POST goes home.
	await pool(EVIL.filter((_, i) => i % (HEAVY ? 3 : 6) === 0), 2, async (next) => {
		const fresh = new CookieJar();
		const g = await get(`/login?next=${encodeURIComponent(next)}`, { jar: fresh });
		if (g.status !== 200 && !(g.status === 400 && /[\t\r\n]/.test(next)))
			bad.push(`GET /login?next=${JSON.stringify(next)}: ${g.status}`);
		const r = await login(users.demo.username, users.demo.password,
		    { jar: fresh, fields: { next } });
		if (r.status !== 303 || !stays(r.location))
			bad.push(`POST next=${JSON.stringify(next)}: ${r.status} ${r.location}`);
	});
	assert.deepEqual(bad, []);
});

test('open redirect: the login redirect of a private page keeps a local next', async () => {
	for (const p of ['//evil.example', '/\\evil.example', '/engagements?x=//evil.example']) {
		const r = await request(p, { method: 'GET' });
		if (r.location !== null) {
			assert.ok(stays(r.location), `${p} -> ${r.location}`);
			const next = new URL(r.location, BASE_URL).searchParams.get('next');
			if (next !== null)
				assert.ok(stays(next) && next.startsWith('/') && !/^\/[\/\\]/.test(next), `next ${next}`);
		}
	}
});

// A fresh account of role, logged in: { id, jar }.
async function freshUser(admin, role) {
	const username = `rev${process.pid}${role}${Math.floor(Math.random() * 1e6)}`;
	const page = await get('/admin/users/new', { jar: admin.jar });
	const d = formData(page.body, '/admin/users/new');
	for (const [k, v] of Object.entries({ username, display_name: `Rev ${role}`, role,
	    password: 'a-long-password-1', password2: 'a-long-password-1' }))
		d.set(k, v);
	const r = await post('/admin/users/new', d, { jar: admin.jar });
	assert.equal(r.status, 303, 'user made');
	const list = (await get('/admin/users', { jar: admin.jar })).body;
	const id = list.match(new RegExp(`/admin/users/(\\d+)/edit">${username}<`))[1];
	return { id, jar: await loggedIn({ username, password: 'a-long-password-1' }) };
}

test('an open session loses rights at once when its user is demoted, disabled or given a new password', async () => {
	const admin = await client('admin');
	// Demoted from admin to viewer: admin pages refused on the open session.
	const a = await freshUser(admin, 'admin');
	assert.equal((await get('/admin/users', { jar: a.jar })).status, 200);
	const page = await get(`/admin/users/${a.id}/edit`, { jar: admin.jar });
	const d = formData(page.body, `/admin/users/${a.id}/edit`);
	d.set('role', 'viewer');
	assert.equal((await post(`/admin/users/${a.id}/edit`, d, { jar: admin.jar })).status, 303);
	assert.equal((await get('/admin/users', { jar: a.jar })).status, 403, 'demoted');
	// Disabled: the open session is logged out.
	const b = await freshUser(admin, 'editor');
	assert.equal((await post(`/admin/users/${b.id}/disable`, { csrf: admin.csrf },
	    { jar: admin.jar })).status, 303);
	const gb = await get('/', { jar: b.jar });
	assert.equal(gb.status, 303, 'disabled');
	assert.match(gb.location, /^\/login/);
	// A new password set by an admin ends the sessions opened with the old.
	const c = await freshUser(admin, 'editor');
	assert.equal((await post(`/admin/users/${c.id}/password`, { csrf: admin.csrf,
	    password: 'another-password-2', password2: 'another-password-2' },
	    { jar: admin.jar })).status, 303);
	const gc = await get('/', { jar: c.jar });
	assert.equal(gc.status, 303, 'password reset');
	assert.match(gc.location, /^\/login/);
});
