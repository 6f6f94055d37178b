// CSV injection in every CSV export, oversized requests, invalid UTF-8 in
// forms and query strings, and the security headers on every kind of
// page (HTML, error pages, CSV, Atom, redirects, static files).

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
	request, get, post, formData, parseCsv, pageText, selectOptions,
	assertSecurityHeaders, CookieJar, loginToken, BASE_URL,
} from './helpers.mjs';
import { client, payloads, pool, sampled, assertInert } from './security-lib.mjs';

let admin;
before(async () => {
	admin = await client('admin');
});

const FORMULA = ['=1+2', '+1+2', '-1+2', '@SUM(A1:A2)',
	'=HYPERLINK("http://evil.example","x")', '=cmd|\' /C calc\'!A0'];

// A cell a spreadsheet could take for a formula.
const live = (cell) => /^[=+\-@\t\r]/.test(cell);

test('CSV injection: cells starting with = + - @ tab or CR are neutralised in every CSV export', async () => {
	const jar = admin.jar;
	// An organisation, a person in it and an engagement, named with formulas.
	let page = await get('/organisations/new', { jar });
	let d = formData(page.body, '/organisations/new');
	d.set('name', `${FORMULA[4]} Ltd`);
	d.set('kind', selectOptions(page.body, 'kind').find((o) => o.value).value);
	d.set('notes', FORMULA[5]);
	let r = await post('/organisations/new', d, { jar });
	assert.equal(r.status, 303, pageText(r.body).slice(0, 400));
	const orgId = r.location.match(/\/organisations\/(\d+)/)[1];
	page = await get('/people/new', { jar });
	d = formData(page.body, '/people/new');
	d.set('name', FORMULA[0]);
	d.set('role_title', FORMULA[3]);
	d.set('party', FORMULA[1]);
	d.set('constituency', FORMULA[2]);
	d.set('organisation', orgId);
	d.set('category', selectOptions(page.body, 'category').find((o) => o.value).value);
	d.set('lawful_basis', 'legitimate_interests');
	r = await post('/people/new', d, { jar });
	assert.equal(r.status, 303, pageText(r.body).slice(0, 400));
	page = await get('/engagements/new', { jar });
	d = formData(page.body, '/engagements/new');
	d.set('date', '2019-02-03');
	d.set('title', FORMULA[0]);
	d.set('summary', FORMULA[3]);
	d.set('outcome', FORMULA[2]);
	d.set('media_programme', FORMULA[1]);
	d.set('org_id', orgId);
	r = await post('/engagements/new', d, { jar });
	assert.equal(r.status, 303, pageText(r.body).slice(0, 400));
	const exports = ['/engagements.csv?from=2019-02-03&to=2019-02-03',
		'/engagements.csv', '/people.csv', '/admin/import/template.csv',
		'/reports/engagement?from=2019-02-01&to=2019-02-28&format=csv'];
	for (const url of exports) {
		const e = await get(url, { jar });
		assert.equal(e.status, 200, url);
		assert.match(e.headers.get('content-type'), /^text\/csv/, url);
		const cells = parseCsv(e.body).flat();
		assert.deepEqual(cells.filter(live), [], `${url}: no live formula`);
	}
	// The formulas are there, defused with a leading apostrophe.
	const eng = parseCsv((await get(exports[0], { jar })).body).flat();
	assert.ok(eng.includes(`'${FORMULA[0]}`), 'the title, defused');
	const people = parseCsv((await get('/people.csv', { jar })).body).flat();
	for (const f of [FORMULA[0], FORMULA[1], FORMULA[2], FORMULA[3]])
		assert.ok(people.includes(`'${f}`), `people.csv has '${f}`);
});

test('a body over max_body_bytes is refused with 413 on every program, before any handler', async () => {
	const big = 'notes=' + 'x'.repeat(70000);
	const paths = ['/login', '/engagements/new', '/people/new', '/feeds',
		'/admin/users/new', '/appg/new', '/admin/strategy/strategies/new',
		'/mentions/bulk', '/reports/dashboard/freeze', '/logout'];
	for (const p of paths) {
		const r = await request(p, { method: 'POST', body: big, jar: admin.jar });
		assert.equal(r.status, 413, `${p}: ${r.status}`);
		assert.match(pageText(r.body) || '413', /large|413/i, `${p}: says why`);
	}
	// Still logged in, nothing broken.
	assert.equal((await get('/', { jar: admin.jar })).status, 200);
});

test('a huge URL or huge headers get a clear refusal, not a crash', async () => {
	const checks = [
		['a 100 kB path', () => request('/engagements/' + 'x'.repeat(100000), { jar: admin.jar })],
		['a 100 kB query', () => request('/engagements?q=' + 'y'.repeat(100000), { jar: admin.jar })],
		['a 100 kB cookie', () => request('/', { headers: { Cookie: 'a=' + 'z'.repeat(100000) } })],
		['a 100 kB header', () => request('/', { headers: { 'X-Big': 'h'.repeat(100000) } })],
	];
	for (const [what, go] of checks) {
		let r;
		try {
			r = await go();
		} catch (e) {
			// A server may close the connection on a request it will not
			// read: a refusal too, as long as it stays up (checked below).
			r = { status: 'closed' };
		}
		assert.ok(r.status === 'closed' || [400, 404, 413, 414, 431].includes(r.status),
		    `${what}: ${r.status}`);
	}
	assert.equal((await get('/', { jar: admin.jar })).status, 200, 'the server is still up');
});

test('invalid UTF-8 in a form is refused with 400 and a clear message, and nothing is stored', async () => {
	const jar = admin.jar;
	const page = await get('/organisations/new', { jar });
	const d = formData(page.body, '/organisations/new');
	d.set('kind', selectOptions(page.body, 'kind').find((o) => o.value).value);
	const marker = `utf8-probe-${process.pid}`;
	for (const bad of ['%C3%28', '%FF', '%ED%A0%80', '%C0%AF', '%F8%88%80%80%80']) {
		d.set('name', marker);
		const body = d.toString().replace(`name=${marker}`, `name=${marker}${bad}`);
		const r = await request('/organisations/new', { method: 'POST', body, jar });
		assert.equal(r.status, 400, `${bad}: ${r.status}`);
		assert.match(pageText(r.body), /UTF-8|characters|encoding/i, `${bad}: says why`);
	}
	const list = await get(`/organisations?q=${marker}`, { jar });
	// (The search box echoes the marker: look for it as a row's text.)
	assert.doesNotMatch(list.body, new RegExp(`>[^<]*${marker}`), 'nothing stored');
	// (%FF and overlong forms are refused by lighttpd itself, with its
	// own page: see tests/http/auth.test.mjs.)
	for (const bad of ['%C3%28', '%E2%82', '%ED%A0%80', '%80']) {
		const r = await get(`/people?q=a${bad}`, { jar });
		assert.equal(r.status, 400, `query ${bad}`);
		assert.match(pageText(r.body), /UTF-8|characters|encoding/i);
	}
});

test('security headers on every kind of page: pages, forms, errors, CSV, Atom, redirects', async () => {
	const jar = admin.jar;
	const anon = new CookieJar();
	await loginToken(anon);
	const pages = [
		['/login', anon], ['/', jar], ['/engagements', jar], ['/engagements/new', jar],
		['/engagements/1', jar], ['/people', jar], ['/people/1/edit', jar],
		['/organisations', jar], ['/feeds', jar], ['/watch-terms', jar],
		['/mentions', jar], ['/mentions.atom', jar], ['/reports/dashboard', jar],
		['/reports/engagement', jar], ['/admin/users', jar], ['/admin/strategy', jar],
		['/appg', jar], ['/appg/1', jar], ['/engagements.csv', jar], ['/people.csv', jar],
		['/no-such-page', jar], ['/engagements/999999', jar], ['/', anon],
		['/admin', anon],
	];
	const bad = [];
	await pool(pages, 4, async ([p, j]) => {
		const r = await get(p, { jar: j });
		try {
			assertSecurityHeaders(r.headers, `${p} (${r.status})`);
			// Logged-in pages must not be kept by shared caches or the
			// back button after logging out.
			if (j === jar)
				assert.match(r.headers.get('cache-control') || '', /no-store/, `${p}: Cache-Control no-store`);
		} catch (e) {
			bad.push(e.message);
		}
	});
	// A refused POST and a 405 too.
	for (const r of [await post('/engagements/new', {}, { jar }),
		await request('/engagements', { method: 'DELETE', jar })]) {
		try {
			assertSecurityHeaders(r.headers, `refusal ${r.status}`);
		} catch (e) {
			bad.push(e.message);
		}
	}
	assert.deepEqual(bad, []);
});

test('payloads in query strings are inert on the lists that echo them', async () => {
	const jar = admin.jar;
	const lists = ['/people?q=', '/organisations?q=', '/engagements?q=', '/mentions?state=',
		'/login?next=', '/reports/engagement?from=', '/appg?q='];
	await pool(sampled(payloads('xss'), 10).flatMap((p) => lists.map((l) => l + encodeURIComponent(p))), 6, async (u) => {
		const r = await get(u, { jar: u.startsWith('/login') ? new CookieJar() : jar });
		assert.ok(r.status < 500, `${u}: ${r.status}`);
		assertInert(r.body, u);
	});
});

// POST a FormData (multipart/form-data) as a browser does.
async function postMultipart(path, fd, jar) {
	const res = await fetch(BASE_URL + path, { method: 'POST', body: fd,
	    headers: { Cookie: jar.header() }, redirect: 'manual' });
	return { status: res.status, body: await res.text(), headers: res.headers };
}

test('import: a CSV (and its file name) full of XSS payloads previews as text; multipart needs the CSRF token too', async () => {
	const jar = admin.jar;
	const xss = payloads('xss');
	const quote = (s) => `"${s.replace(/"/g, '""')}"`;
	const rows = xss.map((p, i) => [quote(`${p} ${i}`), 'Journalist', quote(p), '', '', '',
		'', '', '', quote(p)].join(','));
	const csv = 'name,category,role,party,house,constituency,organisation,email,phone,notes\r\n' +
	    rows.join('\r\n') + '\r\n';
	const fd = () => {
		const f = new FormData();
		f.append('file', new Blob([csv], { type: 'text/csv' }), `${xss[0]}.csv`);
		return f;
	};
	const without = await postMultipart('/admin/import/preview', fd(), jar);
	assert.equal(without.status, 403, 'multipart without csrf');
	const wrongFd = fd();
	wrongFd.append('csrf', 'f'.repeat(64));
	assert.equal((await postMultipart('/admin/import/preview', wrongFd, jar)).status, 403,
	    'multipart with a wrong csrf');
	const okFd = fd();
	okFd.append('csrf', admin.csrf);
	const r = await postMultipart('/admin/import/preview', okFd, jar);
	assert.equal(r.status, 200, pageText(r.body).slice(0, 300));
	assertInert(r.body, 'import preview');
	const text = pageText(r.body);
	for (const p of xss.slice(0, 10))
		assert.ok(text.includes(p), `preview shows ${p} as text`);
});

test('static files: no path escapes the document root', async () => {
	for (const p of ['/static/../../etc/passwd', '/static/%2e%2e/%2e%2e/etc/passwd',
		'/static/..%2f..%2fetc/passwd', '/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
		'/static/....//....//etc/passwd']) {
		const r = await request(p, { method: 'GET' });
		assert.ok([400, 403, 404].includes(r.status) || (r.status === 303 &&
		    /^\/login/.test(r.location)), `${p}: ${r.status}`);
		assert.doesNotMatch(r.body, /root:.*:0:0:/, `${p}: no /etc/passwd`);
	}
});
