// HTTP tier: login, sessions, CSRF, request limits and security headers,
// against the real programs behind lighttpd (started by tests/http.test).
//
// Tests are flat (no subtests) so that automake's TAP driver counts each.
// Failed logins are counted per user name and per address: this file
// makes 5 failed logins from 127.0.0.1 in all (wrong password 1,
// throttle 3, disabled user 1), well below the per-address limit of 12.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	BASE_URL, ORIGIN, SESSION_COOKIE, LOGIN_COOKIE, TOKEN_RE, users,
	CookieJar, request, get, post, setCookie, formFor, inputValue, pageText,
	loginToken, login, loggedIn, assertSecurityHeaders,
} from './helpers.mjs';

const WRONG = 'The username or password is not right';

// Where a Location header points, as { path, params }.
function target(location) {
	assert.ok(location, 'Location header present');
	const u = new URL(location, BASE_URL);
	assert.equal(u.origin, ORIGIN, `redirect stays on this site: ${location}`);
	return { path: u.pathname, params: u.searchParams };
}

test('GET /login renders the form and sets the login CSRF cookie', async () => {
	const jar = new CookieJar();
	const r = await get('/login', { jar });
	assert.equal(r.status, 200);
	assert.match(r.headers.get('content-type'), /^text\/html; charset=utf-8$/i);
	assert.match(r.body, /<h1>Log in<\/h1>/);

	const c = setCookie(r.res, LOGIN_COOKIE);
	assert.ok(c, 'tracker_login cookie set');
	assert.match(c.value, TOKEN_RE, 'tracker_login is 64 hex digits');
	assert.equal(c.attrs.httponly, true, 'tracker_login is HttpOnly');
	assert.equal(c.attrs.samesite, 'Lax');
	assert.equal(c.attrs.path, '/');

	const f = formFor(r.body, '/login');
	assert.equal(f.attrs.method, 'post');
	const byName = Object.fromEntries(f.inputs.map((i) => [i.name, i]));
	assert.equal(byName.username?.type, 'text');
	assert.equal(byName.password?.type, 'password');
	assert.equal(byName.password.value, undefined, 'no password value echoed');
	assert.equal(byName.csrf?.type, 'hidden');
	assert.equal(byName.csrf.value, c.value, 'hidden csrf equals the cookie');
	assert.equal(byName.next?.type, 'hidden');
	assert.equal(byName.next.value, '/');
	// Visible labels tied to the inputs.
	assert.match(f.html, new RegExp(`<label for="${byName.username.id}">Username</label>`));
	assert.match(f.html, new RegExp(`<label for="${byName.password.id}">Password</label>`));
	assert.match(f.html, /<button type="submit"[^>]*>Log in<\/button>/);

	// A second visit keeps the same token (the cookie is reused).
	const again = await get('/login', { jar });
	assert.equal(inputValue(again.body, '/login', 'csrf'), c.value);
});

test('GET / without a session redirects to /login with next=/', async () => {
	const r = await get('/');
	assert.equal(r.status, 303);
	const t = target(r.location);
	assert.equal(t.path, '/login');
	assert.equal(t.params.get('next'), '/');
	assert.ok(r.location === '/login?next=/' || r.location === '/login?next=%2F',
	    `Location is ${r.location}`);
	assert.equal(setCookie(r.res, SESSION_COOKIE), undefined);

	// The login page carries `next` on into its form.
	const form = await get(r.location);
	assert.equal(form.status, 200);
	assert.equal(inputValue(form.body, '/login', 'next'), '/');
});

test('POST /login with the right password: 303 to / and a session', async () => {
	const r = await login(users.demo.username, users.demo.password);
	assert.equal(r.status, 303, pageText(r.body));
	assert.equal(r.location, '/');
	assert.match(r.jar.get(SESSION_COOKIE) || '', TOKEN_RE, 'session cookie is a 64-hex token');
	const gone = setCookie(r.res, LOGIN_COOKIE);
	assert.ok(gone, 'the login CSRF cookie is cleared');
	assert.equal(gone.value, '');
	assert.equal(gone.attrs['max-age'], '0');

	const home = await get('/', { jar: r.jar });
	assert.equal(home.status, 200);
	assert.match(home.body, /<h1>Home<\/h1>/);
});

test('the session cookie is HttpOnly, SameSite=Lax, Path=/, not Secure over http', async () => {
	const r = await login(users.demo.username, users.demo.password);
	assert.equal(r.status, 303);
	const c = setCookie(r.res, SESSION_COOKIE);
	assert.ok(c, 'tracker_session set');
	assert.equal(c.attrs.httponly, true, `HttpOnly in ${c.raw}`);
	assert.equal(c.attrs.samesite, 'Lax', `SameSite=Lax in ${c.raw}`);
	assert.equal(c.attrs.path, '/');
	assert.equal(c.attrs.secure, undefined, 'no Secure flag over plain http');
	assert.ok(Number(c.attrs['max-age']) > 0, `positive Max-Age in ${c.raw}`);
});

test('login follows `next` to local paths only', async () => {
	const cases = [
		['/some/page?x=1', '/some/page?x=1'],
		['https://evil.example/', '/'],
		['//evil.example/', '/'],
		['/\\evil.example/', '/'],
		['/logout', '/'],
		['/login?next=/x', '/'],
	];
	for (const [next, want] of cases) {
		const r = await login(users.demo.username, users.demo.password,
		    { fields: { next } });
		assert.equal(r.status, 303, `next=${next}`);
		assert.equal(r.location, want, `next=${next}`);
	}
});

test('a wrong password: 400, the message, the username kept, no session', async () => {
	const r = await login(users.demo.username, 'not-the-password');
	assert.equal(r.status, 400);
	assert.match(pageText(r.body), new RegExp(WRONG));
	assert.match(r.body, /role="alert"/, 'the message is an alert');
	assert.equal(setCookie(r.res, SESSION_COOKIE), undefined, 'no session cookie');
	assert.equal(r.jar.get(SESSION_COOKIE), undefined);
	assert.equal(inputValue(r.body, '/login', 'username'), users.demo.username);
	// The form can be sent again: it still carries the login token.
	assert.equal(inputValue(r.body, '/login', 'csrf'), r.jar.get(LOGIN_COOKIE));
});

test('missing fields: 400 with field messages, typed username kept', async () => {
	const jar = new CookieJar();
	const csrf = await loginToken(jar);

	const noUser = await post('/login', { csrf, username: '', password: 'x' }, { jar });
	assert.equal(noUser.status, 400);
	assert.match(pageText(noUser.body), /Username is required\./);
	assert.doesNotMatch(pageText(noUser.body), /Password is required\./);
	assert.match(noUser.body, /<input id="f-username"[^>]*aria-invalid="true"/);

	const noPass = await post('/login', { csrf, username: 'someone.typed' }, { jar });
	assert.equal(noPass.status, 400);
	assert.match(pageText(noPass.body), /Password is required\./);
	assert.doesNotMatch(pageText(noPass.body), /Username is required\./);
	assert.equal(inputValue(noPass.body, '/login', 'username'), 'someone.typed');
	assert.doesNotMatch(pageText(noPass.body), new RegExp(WRONG),
	    'a missing field is not a failed login');

	const neither = await post('/login', { csrf }, { jar });
	assert.equal(neither.status, 400);
	assert.match(pageText(neither.body), /Username is required\./);
	assert.match(pageText(neither.body), /Password is required\./);
	assert.equal(jar.get(SESSION_COOKIE), undefined);
});

test('after 3 failures for one user name: 429, Retry-After, even with the right password', async () => {
	const u = users.throttle;
	assert.ok(u.username && u.password, 'THROTTLE_USER and THROTTLE_PASSWORD set');
	for (let i = 1; i <= 3; i++) {
		const r = await login(u.username, `wrong-${i}-password`);
		assert.equal(r.status, 400, `failure ${i}`);
		assert.match(pageText(r.body), new RegExp(WRONG));
	}
	const r = await login(u.username, u.password);
	assert.equal(r.status, 429, pageText(r.body));
	const retry = r.headers.get('retry-after');
	assert.match(retry || '', /^[1-9][0-9]*$/, `Retry-After is whole seconds: ${retry}`);
	assert.ok(Number(retry) <= 15 * 60, `Retry-After within the 15-minute window: ${retry}`);
	assert.match(pageText(r.body), /Too many failed attempts/);
	assert.equal(setCookie(r.res, SESSION_COOKIE), undefined, 'no session when throttled');

	// Other accounts are not affected.
	await loggedIn(users.demo);
});

test('a disabled user cannot log in', async () => {
	const u = users.disabled;
	assert.ok(u.username && u.password, 'DISABLED_USER and DISABLED_PASSWORD set');
	const r = await login(u.username, u.password);
	assert.equal(r.status, 400);
	assert.match(pageText(r.body), new RegExp(WRONG), 'same message as a wrong password');
	assert.equal(setCookie(r.res, SESSION_COOKIE), undefined);
});

test('a POST without the csrf field, or with a wrong one, is refused with 403', async () => {
	const jar = new CookieJar();
	const csrf = await loginToken(jar);
	const creds = { username: users.demo.username, password: users.demo.password };

	const missing = await post('/login', creds, { jar });
	assert.equal(missing.status, 403, 'no csrf field');
	assert.match(pageText(missing.body), /This form has expired or did not come from this site/);

	const other = csrf.slice(0, 63) + (csrf[63] === '0' ? '1' : '0');
	const wrong = await post('/login', { ...creds, csrf: other }, { jar });
	assert.equal(wrong.status, 403, 'wrong csrf');

	const empty = await post('/login', { ...creds, csrf: '' }, { jar });
	assert.equal(empty.status, 403, 'empty csrf');

	const noCookie = await post('/login', { ...creds, csrf });
	assert.equal(noCookie.status, 403, 'csrf field without its cookie');
	assert.equal(jar.get(SESSION_COOKIE), undefined);

	// The same form with the token logs in.
	const ok = await post('/login', { ...creds, csrf }, { jar });
	assert.equal(ok.status, 303);
});

test('a logged-in POST needs the session csrf token, else 403', async () => {
	const jar = new CookieJar();
	const loginCsrf = await loginToken(jar);
	const session = await loggedIn(users.demo);
	const home = await get('/', { jar: session });
	const csrf = inputValue(home.body, '/logout', 'csrf');

	const noField = await post('/logout', {}, { jar: session });
	assert.equal(noField.status, 403, 'logout without csrf');
	assert.match(pageText(noField.body), /This form has expired/);
	const loginTok = await post('/logout', { csrf: loginCsrf }, { jar: session });
	assert.equal(loginTok.status, 403, 'logout with a login-form token');
	const other = await loggedIn(users.demo);
	const otherCsrf = inputValue((await get('/', { jar: other })).body, '/logout', 'csrf');
	assert.notEqual(otherCsrf, csrf, 'each session has its own token');
	const foreign = await post('/logout', { csrf: otherCsrf }, { jar: session });
	assert.equal(foreign.status, 403, "logout with another session's token");
	assert.equal((await get('/', { jar: session })).status, 200, 'still logged in');
	assert.equal((await get('/', { jar: other })).status, 200, 'other session untouched');
});

test('a POST whose Origin is not this site is refused with 403', async () => {
	const host = new URL(BASE_URL).host;
	for (const origin of ['http://evil.example', 'null', `https://${host}`,
	    `http://${host}.evil.example`, `${ORIGIN}/`]) {
		const r = await login(users.demo.username, users.demo.password,
		    { headers: { Origin: origin } });
		assert.equal(r.status, 403, `Origin: ${origin}`);
		assert.match(pageText(r.body), /sent from another site/);
		assert.equal(r.jar.get(SESSION_COOKIE), undefined);
	}
	const same = await login(users.demo.username, users.demo.password,
	    { headers: { Origin: ORIGIN } });
	assert.equal(same.status, 303, `Origin: ${ORIGIN} is this site`);
});

test('GET / with a session: home page with the display name and a Log out form', async () => {
	const jar = await loggedIn(users.demo);
	const r = await get('/', { jar });
	assert.equal(r.status, 200);
	assert.match(r.body, /<h1>Home<\/h1>/);
	const text = pageText(r.body);
	assert.match(text, /You are logged in as Demo User \(demo\), with the admin role\./);
	const f = formFor(r.body, '/logout');
	assert.equal(f.attrs.method, 'post');
	assert.match(f.html, /<button type="submit"[^>]*>Log out<\/button>/);
	const csrf = f.inputs.find((i) => i.name === 'csrf');
	assert.ok(csrf && csrf.type === 'hidden', 'hidden csrf in the logout form');
	assert.match(csrf.value, TOKEN_RE);
	assert.notEqual(csrf.value, jar.get(SESSION_COOKIE), 'csrf token is not the session token');

	// GET /login while logged in goes on to `next`.
	const again = await get('/login?next=/elsewhere', { jar });
	assert.equal(again.status, 303);
	assert.equal(again.location, '/elsewhere');
});

test('POST /logout ends the session: 303 to /login?logged_out=1, old cookie refused', async () => {
	const jar = await loggedIn(users.demo);
	const oldSession = jar.get(SESSION_COOKIE);
	const home = await get('/', { jar });
	const csrf = inputValue(home.body, '/logout', 'csrf');

	const r = await post('/logout', { csrf }, { jar });
	assert.equal(r.status, 303);
	assert.equal(r.location, '/login?logged_out=1');
	const cleared = setCookie(r.res, SESSION_COOKIE);
	assert.ok(cleared, 'session cookie cleared');
	assert.equal(cleared.value, '');
	assert.equal(cleared.attrs['max-age'], '0');

	const page = await get(r.location);
	assert.equal(page.status, 200);
	assert.match(pageText(page.body), /You have logged out\./);

	// The old cookie, replayed, is no longer a session.
	const stale = new CookieJar();
	stale.set(SESSION_COOKIE, oldSession);
	const after = await get('/', { jar: stale });
	assert.equal(after.status, 303);
	assert.equal(target(after.location).path, '/login');
	const replay = await post('/logout', { csrf }, { jar: stale });
	assert.equal(replay.status, 303);
	assert.equal(target(replay.location).path, '/login', 'logout of a dead session goes to login');
});

test('a body larger than max_body_bytes is refused with 413', async () => {
	const limit = 65536;
	const jar = new CookieJar();
	const csrf = await loginToken(jar);
	const prefix = `csrf=${csrf}&username=demo&password=demo&pad=`;

	const big = await request('/login', { method: 'POST', jar,
	    body: prefix + 'a'.repeat(limit + 1 - prefix.length) });
	assert.equal(big.status, 413);
	assert.match(pageText(big.body), /larger than this server accepts/);
	assert.equal(jar.get(SESSION_COOKIE), undefined);
	assertSecurityHeaders(big.headers, '413');

	// Exactly at the limit is still read (and this one logs in).
	const edge = await request('/login', { method: 'POST', jar,
	    body: prefix + 'a'.repeat(limit - prefix.length) });
	assert.equal(edge.status, 303, `a body of exactly ${limit} bytes`);
});

test('invalid UTF-8 in a form body is refused with 400 and a clear page', async () => {
	const jar = new CookieJar();
	const csrf = await loginToken(jar);
	const r = await request('/login', { method: 'POST', jar,
	    body: `csrf=${csrf}&username=%FF&password=x` });
	assert.equal(r.status, 400);
	assert.match(r.headers.get('content-type'), /^text\/html/);
	assert.match(r.body, /<h1>Bad request<\/h1>/);
	assert.match(pageText(r.body), /not valid UTF-8/);
	assertSecurityHeaders(r.headers, 'bad UTF-8 body');
	assert.equal(jar.get(SESSION_COOKIE), undefined);

	const truncated = await request('/login', { method: 'POST', jar,
	    body: `csrf=${csrf}&username=%C3&password=x` });
	assert.equal(truncated.status, 400, 'a cut-off UTF-8 sequence');
});

test('invalid UTF-8 in a query string is refused with 400 and a clear page', async () => {
	for (const path of ['/login?next=%C3%28', '/login?x=%80', '/?x=%C3']) {
		const r = await get(path);
		assert.equal(r.status, 400, path);
		assert.match(r.body, /<h1>Bad request<\/h1>/, path);
		assert.match(pageText(r.body), /not valid UTF-8/, path);
		assertSecurityHeaders(r.headers, path);
	}
	// Bytes that are never UTF-8 (%FF): lighttpd's URL normalisation
	// refuses them before the program runs, with its own bare 400 page
	// (no security headers); nginx and Apache pass them on and the
	// program refuses them with its page.  A 400 either way.
	const ff = await get('/login?next=%FF');
	assert.equal(ff.status, 400, '/login?next=%FF');
	assert.match(pageText(ff.body), /bad request/i);
	// Valid UTF-8 is fine.
	const ok = await get('/login?next=%C3%A9');
	assert.equal(ok.status, 200);
});

test('an unknown path is 404 with the tracker page', async () => {
	for (const path of ['/no-such-page', '/login/extra', '/a/b/c.html']) {
		const r = await get(path);
		assert.equal(r.status, 404, path);
		assert.match(r.body, /<h1>Page not found<\/h1>/, path);
		assertSecurityHeaders(r.headers, path);
	}
});

test('GET-only paths refuse POST and DELETE with 405 and an Allow header', async () => {
	for (const method of ['POST', 'DELETE', 'PUT']) {
		const r = await request('/', { method,
		    body: method === 'DELETE' ? undefined : '' });
		assert.equal(r.status, 405, `${method} /`);
		assert.equal(r.headers.get('allow'), 'GET, HEAD', `${method} / Allow`);
		assert.match(r.body, /<h1>Method not allowed<\/h1>/);
	}
	// Even with a session and a valid token.
	const jar = await loggedIn(users.demo);
	const home = await get('/', { jar });
	const csrf = inputValue(home.body, '/logout', 'csrf');
	const r = await post('/', { csrf }, { jar });
	assert.equal(r.status, 405);
	assert.equal(r.headers.get('allow'), 'GET, HEAD');

	// /login takes GET and POST only.
	const del = await request('/login', { method: 'DELETE' });
	assert.equal(del.status, 405);
	assert.equal(del.headers.get('allow'), 'GET, HEAD, POST');
});

test('POST-only /logout refuses GET with 405 and Allow: POST', async () => {
	for (const method of ['GET', 'DELETE']) {
		const r = await request('/logout', { method });
		assert.equal(r.status, 405, `${method} /logout`);
		assert.equal(r.headers.get('allow'), 'POST');
		assertSecurityHeaders(r.headers, `${method} /logout`);
	}
});

test('every dynamic response carries the security headers', async () => {
	const jar = await loggedIn(users.demo);
	const checks = [
		['GET /login', await get('/login')],
		['GET / (303)', await get('/')],
		['GET / (200)', await get('/', { jar })],
		['POST /login (403)', await post('/login', { username: 'x' })],
		['POST /login (400)', await login('', '')],
		['GET /nope (404)', await get('/nope')],
		['DELETE / (405)', await request('/', { method: 'DELETE' })],
		['HEAD /login', await request('/login', { method: 'HEAD' })],
	];
	for (const [what, r] of checks) {
		assertSecurityHeaders(r.headers, what);
		assert.equal(r.headers.get('cache-control'), 'no-store', `${what}: Cache-Control`);
	}
});

test('/static/tracker.css carries nosniff and a CSP', async () => {
	const r = await get('/static/tracker.css');
	assert.equal(r.status, 200);
	assert.match(r.headers.get('content-type'), /^text\/css/);
	assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
	const csp = r.headers.get('content-security-policy');
	assert.ok(csp, 'CSP present');
	assert.match(csp, /frame-ancestors 'none'/);
	assert.doesNotMatch(csp, /unsafe-inline/);
});

test('a viewer can log in and sees the viewer role on the home page', async () => {
	const u = users.viewer;
	const jar = await loggedIn(u);
	const r = await get('/', { jar });
	assert.equal(r.status, 200);
	const text = pageText(r.body);
	assert.match(text, new RegExp(`You are logged in as ${u.name} \\(${u.username}\\), with the viewer role\\.`));
	assert.match(text, new RegExp(`${u.name} \\(viewer\\)`), 'the header names the role');
	assert.match(formFor(r.body, '/logout').html, />Log out<\/button>/);
});
