// Helpers for the HTTP tier: fetch that never follows redirects, a small
// cookie jar, form posts, and reading values out of the rendered HTML.
//
// The server under test is at $BASE_URL (tests/http.test starts it).

import assert from 'node:assert/strict';

export const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
if (!BASE_URL)
	throw new Error('BASE_URL is not set: run these tests through tests/http.test');

// The Origin a browser on this site would send (scheme://host:port).
export const ORIGIN = new URL(BASE_URL).origin;

export const SESSION_COOKIE = 'tracker_session';
export const LOGIN_COOKIE = 'tracker_login';
export const TOKEN_RE = /^[0-9a-f]{64}$/;

// Accounts made by tests/http.test (user names and passwords via env).
export const users = {
	demo: { username: 'demo', password: 'demo', name: 'Demo User', role: 'admin' },
	viewer: {
		username: process.env.VIEWER_USER || 'viewer',
		password: process.env.VIEWER_PASSWORD || 'viewer-pass-123',
		name: process.env.VIEWER_NAME || 'Vera Viewer',
		role: 'viewer',
	},
	disabled: {
		username: process.env.DISABLED_USER,
		password: process.env.DISABLED_PASSWORD,
	},
	throttle: {
		username: process.env.THROTTLE_USER,
		password: process.env.THROTTLE_PASSWORD,
	},
};

// A cookie jar for one client: name -> value, updated from Set-Cookie.
export class CookieJar {
	constructor() {
		this.cookies = new Map();
	}

	get(name) {
		return this.cookies.get(name);
	}

	set(name, value) {
		this.cookies.set(name, value);
	}

	delete(name) {
		this.cookies.delete(name);
	}

	header() {
		return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
	}

	// Apply a response's Set-Cookie headers (empty value or Max-Age<=0
	// deletes the cookie, as a browser would).
	update(res) {
		for (const c of parseSetCookies(res)) {
			const age = c.attrs['max-age'];
			if (c.value === '' || (age !== undefined && Number(age) <= 0))
				this.cookies.delete(c.name);
			else
				this.cookies.set(c.name, c.value);
		}
	}
}

// Every Set-Cookie header of a response, parsed:
// { name, value, raw, attrs: { lowercased-name: value or true } }.
export function parseSetCookies(res) {
	return res.headers.getSetCookie().map((raw) => {
		const [pair, ...rest] = raw.split(';');
		const eq = pair.indexOf('=');
		const attrs = {};
		for (const a of rest) {
			const i = a.indexOf('=');
			const k = (i < 0 ? a : a.slice(0, i)).trim().toLowerCase();
			if (k) attrs[k] = i < 0 ? true : a.slice(i + 1).trim();
		}
		return {
			name: pair.slice(0, eq).trim(),
			value: pair.slice(eq + 1).trim(),
			raw,
			attrs,
		};
	});
}

// The named Set-Cookie of a response, or undefined.
export function setCookie(res, name) {
	return parseSetCookies(res).find((c) => c.name === name);
}

// One request.  Options: method, headers, body (string or
// URLSearchParams), form (object: sent urlencoded), jar (CookieJar:
// sends and updates its cookies).  Never follows redirects.  Returns
// { res, status, headers, body, location }.
export async function request(path, opts = {}) {
	const headers = { ...(opts.headers || {}) };
	let body = opts.body;
	if (opts.form !== undefined)
		body = new URLSearchParams(opts.form).toString();
	if (body !== undefined && !Object.keys(headers).some(
	    (h) => h.toLowerCase() === 'content-type'))
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
	if (opts.jar && opts.jar.cookies.size > 0)
		headers.Cookie = opts.jar.header();
	const res = await fetch(BASE_URL + path, {
		method: opts.method || (body !== undefined ? 'POST' : 'GET'),
		headers,
		body: body === undefined ? undefined : String(body),
		redirect: 'manual',
	});
	const text = await res.text();
	if (opts.jar)
		opts.jar.update(res);
	return {
		res,
		status: res.status,
		headers: res.headers,
		body: text,
		location: res.headers.get('location'),
	};
}

export const get = (path, opts = {}) => request(path, { ...opts, method: 'GET' });

export const post = (path, form, opts = {}) =>
	request(path, { ...opts, method: 'POST', form });

// Minimal HTML helpers: enough for the pages this product writes.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

export function decodeEntities(s) {
	return s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, e) => ENTITIES[e]);
}

// Attributes of one start tag's text: { name: value } (boolean -> '').
export function attributes(tag) {
	const attrs = {};
	const re = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
	const inner = tag.replace(/^<\s*[a-zA-Z0-9]+/, '').replace(/\/?>$/, '');
	let m;
	while ((m = re.exec(inner)) !== null)
		attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
	return attrs;
}

// Every <form> of a page: [{ attrs, html, inputs: [attrs...] }].
export function forms(html) {
	const out = [];
	const re = /<form\b[^>]*>[\s\S]*?<\/form>/gi;
	for (const m of html.matchAll(re)) {
		const start = m[0].match(/^<form\b[^>]*>/i)[0];
		out.push({
			attrs: attributes(start),
			html: m[0],
			inputs: [...m[0].matchAll(/<input\b[^>]*>/gi)].map((i) => attributes(i[0])),
		});
	}
	return out;
}

// The form whose action is `action`; fails the test when there is none.
export function formFor(html, action) {
	const f = forms(html).find((x) => x.attrs.action === action);
	assert.ok(f, `no <form action="${action}"> in the page:\n${html}`);
	return f;
}

// The value of input `name` in the form posting to `action`.
export function inputValue(html, action, name) {
	const i = formFor(html, action).inputs.find((x) => x.name === name);
	assert.ok(i, `no input "${name}" in the form for ${action}`);
	return i.value;
}

// The text of the page with tags removed and white space squeezed, for
// messages that may be split by markup.
export function pageText(html) {
	return decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

// GET /login into `jar` and return the login CSRF token, after checking
// that the hidden form field and the cookie carry the same token.
export async function loginToken(jar, path = '/login') {
	const r = await get(path, { jar });
	assert.equal(r.status, 200, `GET ${path}`);
	const csrf = inputValue(r.body, '/login', 'csrf');
	assert.match(csrf, TOKEN_RE, 'login form csrf token');
	assert.equal(jar.get(LOGIN_COOKIE), csrf, 'csrf field equals the tracker_login cookie');
	return csrf;
}

// Fetch a login form, then post it.  Extra form fields (next) and headers
// (Origin) may be given.  Returns the response of the POST.
export async function login(username, password, opts = {}) {
	const jar = opts.jar || new CookieJar();
	const csrf = await loginToken(jar);
	const form = { csrf, username, password, ...(opts.fields || {}) };
	const r = await post('/login', form, { jar, headers: opts.headers });
	return { ...r, jar };
}

// Log in and assert success; returns the jar holding the session.
export async function loggedIn(user) {
	const r = await login(user.username, user.password);
	assert.equal(r.status, 303, `login as ${user.username}: ${pageText(r.body)}`);
	assert.match(r.jar.get(SESSION_COOKIE) || '', TOKEN_RE, 'session cookie set');
	return r.jar;
}

// The security headers every dynamic response carries.
export function assertSecurityHeaders(h, what) {
	const csp = h.get('content-security-policy');
	assert.ok(csp, `${what}: Content-Security-Policy present`);
	assert.doesNotMatch(csp, /unsafe-inline/, `${what}: CSP has no 'unsafe-inline'`);
	assert.doesNotMatch(csp, /unsafe-eval/, `${what}: CSP has no 'unsafe-eval'`);
	assert.match(csp, /(^|;)\s*frame-ancestors 'none'\s*(;|$)/, `${what}: CSP frame-ancestors 'none'`);
	assert.equal(h.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
	assert.ok(h.get('referrer-policy'), `${what}: Referrer-Policy present`);
	assert.match(h.get('x-frame-options') || '', /^(DENY|SAMEORIGIN)$/i, `${what}: X-Frame-Options`);
}

// --- added for the directory tests (tests/http/directory.test.mjs) -------

// The session's CSRF token, from the Log out form every logged-in page has.
export function sessionToken(html) {
	return inputValue(html, '/logout', 'csrf');
}

// The <div class="field..."> block of form field `name` (id "f-NAME"):
// label, hint, error message and control.  Fails when there is none.
export function fieldHtml(html, name) {
	const block = html.split('<div class="field').slice(1)
	    .find((b) => b.includes(`id="f-${name}"`));
	assert.ok(block, `no field "${name}" in the page`);
	return '<div class="field' + block.slice(0, block.indexOf('</div>') + 6);
}

// The options of <select name="name">: [{ value, label, selected }].
export function selectOptions(html, name) {
	const m = html.match(new RegExp(`<select\\b[^>]*\\bname="${name}"[^>]*>([\\s\\S]*?)</select>`));
	assert.ok(m, `no <select name="${name}"> in the page`);
	return [...m[1].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/g)].map((o) => {
		const a = attributes(`<option ${o[1]}>`);
		return { value: a.value, label: decodeEntities(o[2]), selected: 'selected' in a };
	});
}

// The rows of the first <table class="cls">'s body, as arrays of cell text.
export function tableRows(html, cls) {
	const m = html.match(new RegExp(`<table class="${cls}">([\\s\\S]*?)</table>`));
	if (!m)
		return [];
	const body = m[1].replace(/^[\s\S]*?<tbody>/, '');
	return [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
	    [...r[1].matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => pageText(c[1])));
}

// --- added for the engagement tests (tests/http/engagements.test.mjs) ----

// What a browser would send for the form posting to `action`, as a
// URLSearchParams: inputs (checkboxes only when ticked), every chosen
// option of each select (the first option of a single select when none
// is marked), and textareas.  Buttons are left out: add the op yourself.
export function formData(html, action) {
	const f = formFor(html, action);
	const out = new URLSearchParams();
	const re = /<input\b[^>]*>|<select\b[^>]*>[\s\S]*?<\/select>|<textarea\b[^>]*>([\s\S]*?)<\/textarea>/gi;
	for (const m of f.html.matchAll(re)) {
		const start = m[0].match(/^<[a-z]+\b[^>]*>/i)[0];
		const a = attributes(start);
		if (!a.name || 'disabled' in a)
			continue;
		if (/^<input/i.test(start)) {
			if (['submit', 'button', 'image', 'reset'].includes(a.type))
				continue;
			if ((a.type === 'checkbox' || a.type === 'radio') && !('checked' in a))
				continue;
			out.append(a.name, a.value ?? (a.type === 'checkbox' ? 'on' : ''));
		} else if (/^<select/i.test(start)) {
			const opts = [...m[0].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)]
			    .map((o) => ({ ...attributes(`<option ${o[1]}>`), text: decodeEntities(o[2]) }));
			const chosen = opts.filter((o) => 'selected' in o);
			if (chosen.length === 0 && !('multiple' in a) && opts.length > 0)
				chosen.push(opts[0]);
			for (const o of chosen)
				out.append(a.name, o.value ?? o.text);
		} else {
			// HTML drops one newline right after <textarea>.
			out.append(a.name, decodeEntities(m[1]).replace(/^\r?\n/, ''));
		}
	}
	return out;
}

// Parse RFC 4180 CSV text into rows of cells (CRLF or LF line ends).
export function parseCsv(text) {
	const rows = [];
	let row = [], cell = '', i = 0, quoted = false;
	while (i < text.length) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i += 2;
				continue;
			}
			if (ch === '"')
				quoted = false;
			else
				cell += ch;
			i++;
			continue;
		}
		if (ch === '"' && cell === '')
			quoted = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			endRow();
			i++;
		} else if (ch === '\n')
			endRow();
		else
			cell += ch;
		i++;
	}
	if (cell !== '' || row.length > 0)
		endRow();
	return rows;

	function endRow() {
		row.push(cell);
		rows.push(row);
		row = [];
		cell = '';
	}
}
