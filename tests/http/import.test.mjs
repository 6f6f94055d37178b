// HTTP tier: the CSV import of people (/admin/import), uploads sent as
// multipart/form-data with fetch, FormData and a Blob, as a browser does.
//
// Tests are flat (no subtests) so that automake's TAP driver counts each,
// and independent: every test imports people with names of its own
// (starting "Imp").

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	BASE_URL, users, get, inputValue, pageText, loggedIn, tableRows,
	parseCsv, formFor,
} from './helpers.mjs';

const editor = { username: 'miriam', password: 'demo' };	// demo data

let editorJarPromise;
function editorJar() {
	editorJarPromise ??= loggedIn(editor);
	return editorJarPromise;
}

async function csrfOf(jar) {
	const r = await get('/admin/import', { jar });
	assert.equal(r.status, 200, 'GET /admin/import');
	return inputValue(r.body, '/admin/import/preview', 'csrf');
}

// POST a FormData (multipart/form-data, boundary chosen by fetch).
async function postMultipart(path, fd, jar) {
	const res = await fetch(BASE_URL + path, {
		method: 'POST',
		body: fd,
		headers: jar.cookies.size > 0 ? { Cookie: jar.header() } : {},
		redirect: 'manual',
	});
	const body = await res.text();
	jar.update(res);
	return { res, status: res.status, headers: res.headers, body,
	    location: res.headers.get('location') };
}

// Upload csv text as the "CSV file" to the preview.
async function preview(jar, csv, { csrf, name = 'people.csv', type = 'text/csv' } = {}) {
	const fd = new FormData();
	if (csrf !== null)
		fd.append('csrf', csrf ?? await csrfOf(jar));
	fd.append('file', new Blob([csv], { type }), name);
	return postMultipart('/admin/import/preview', fd, jar);
}

// Post the preview's "Import N people" form back, as the browser would.
async function applyFrom(jar, page) {
	const f = formFor(page, '/admin/import/apply');
	const m = f.html.match(/<textarea\b[^>]*name="csv"[^>]*>([\s\S]*?)<\/textarea>/);
	assert.ok(m, 'the preview carries the file in a csv field');
	const fd = new FormData();
	fd.append('csrf', inputValue(page, '/admin/import/apply', 'csrf'));
	fd.append('filename', inputValue(page, '/admin/import/apply', 'filename'));
	fd.append('csv', m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>')
	    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
	return postMultipart('/admin/import/apply', fd, jar);
}

async function peopleMatching(jar, q) {
	const r = await get(`/people?q=${encodeURIComponent(q)}`, { jar });
	assert.equal(r.status, 200);
	return pageText(r.body);
}

test('the import page has a labelled file input in a multipart form and a template link', async () => {
	const jar = await editorJar();
	const r = await get('/admin/import', { jar });
	assert.equal(r.status, 200);
	assert.match(r.body, /<h1>Import people<\/h1>/);
	const f = formFor(r.body, '/admin/import/preview');
	assert.equal(f.attrs.enctype, 'multipart/form-data');
	assert.equal(f.attrs.method, 'post');
	const file = f.inputs.find((i) => i.type === 'file');
	assert.equal(file.name, 'file');
	assert.match(f.html, new RegExp(`<label for="${file.id}">CSV file</label>`));
	assert.match(r.body, /<a href="\/admin\/import\/template.csv">Download the template<\/a>/);
});

test('the template is CSV with the header row and an example', async () => {
	const jar = await editorJar();
	const r = await get('/admin/import/template.csv', { jar });
	assert.equal(r.status, 200);
	assert.match(r.headers.get('content-type'), /^text\/csv/);
	assert.match(r.headers.get('content-disposition') || '', /attachment/);
	const rows = parseCsv(r.body);
	assert.deepEqual(rows[0], ['name', 'category', 'role', 'party', 'house',
	    'constituency', 'organisation', 'email', 'phone', 'notes',
	    'lawful_basis', 'basis_date', 'basis_note', 'source']);
	assert.equal(rows.filter((x) => x.some((c) => c !== '')).length, 2);
});

test('a valid file previews every row and offers "Import 2 people", writing nothing yet', async () => {
	const jar = await editorJar();
	const csv = 'Name,Category,Email,Notes\r\nImp Preview One,Journalist,one@example.org,"Met at X, 2025"\r\n' +
	    'Imp Preview Two,faith_leader,,\r\n';
	const r = await preview(jar, csv);
	assert.equal(r.status, 200, pageText(r.body));
	const rows = tableRows(r.body, 'import-preview');
	assert.equal(rows.length, 2, 'two rows');
	assert.equal(rows[0][0], '2', 'spreadsheet row numbers: the header is row 1');
	assert.equal(rows[0][1], 'Imp Preview One');
	assert.equal(rows[1][2], 'faith_leader');
	assert.match(r.body, /<button type="submit" class="primary">Import 2 people<\/button>/);
	assert.equal(formFor(r.body, '/admin/import/apply').attrs.enctype, 'multipart/form-data');
	assert.doesNotMatch(await peopleMatching(jar, 'Imp Preview'), /Imp Preview One/);
});

test('a file with problems: 400, per-row messages, a summary, nothing imported', async () => {
	const jar = await editorJar();
	const csv = 'name,category,house,email\n' +
	    'Imp Bad Fine,mp,commons,\n' +
	    'Imp Bad Cat,astronaut,,\n' +
	    'Imp Bad Mail,journalist,,not-an-email\n' +
	    ',other,senate,\n';
	const r = await preview(jar, csv);
	assert.equal(r.status, 400);
	const text = pageText(r.body);
	assert.match(text, /3 rows have problems; nothing was imported/);
	const rows = tableRows(r.body, 'import-preview');
	assert.equal(rows.length, 4);
	assert.equal(rows[0].at(-1), 'OK');
	assert.match(rows[1].at(-1), /category: "astronaut" is not a category/);
	assert.match(rows[2].at(-1), /email: Enter an email address/);
	assert.match(rows[3].at(-1), /name: A name is required/);
	assert.match(rows[3].at(-1), /house: Use commons, lords/);
	assert.doesNotMatch(r.body, /action="\/admin\/import\/apply"/, 'no import button');
	formFor(r.body, '/admin/import/preview');
	assert.doesNotMatch(await peopleMatching(jar, 'Imp Bad'), /Imp Bad Fine/);
});

test('apply imports every row and redirects to /people?saved=1', async () => {
	const jar = await editorJar();
	const csv = '\ufeffname,category,organisation,notes\r\n' +
	    'Imp Apply Alpha,Coalition partner,,"line one\r\nline two"\r\n' +
	    'Imp Apply Beta,fcdo_official,,\r\n';
	const page = await preview(jar, csv);
	assert.equal(page.status, 200, pageText(page.body));
	assert.match(page.body, /Import 2 people/);
	const r = await applyFrom(jar, page.body);
	assert.equal(r.status, 303, pageText(r.body));
	assert.equal(r.location, '/people?saved=1');
	const found = await peopleMatching(jar, 'Imp Apply');
	assert.match(found, /Imp Apply Alpha/);
	assert.match(found, /Imp Apply Beta/);
});

test('apply with data that no longer passes shows the problems again, nothing imported', async () => {
	const jar = await editorJar();
	const fd = new FormData();
	fd.append('csrf', await csrfOf(jar));
	fd.append('filename', 'changed.csv');
	fd.append('csv', 'name,category\nImp Changed,astronaut\n');
	const r = await postMultipart('/admin/import/apply', fd, jar);
	assert.equal(r.status, 400);
	assert.match(pageText(r.body), /1 row has problems; nothing was imported/);
	assert.doesNotMatch(await peopleMatching(jar, 'Imp Changed'), /Imp Changed/);
});

test('a viewer gets 403 on every import route', async () => {
	const jar = await loggedIn(users.viewer);
	for (const path of ['/admin/import', '/admin/import/template.csv'])
		assert.equal((await get(path, { jar })).status, 403, `GET ${path}`);
	const home = await get('/', { jar });
	const csrf = inputValue(home.body, '/logout', 'csrf');
	const r = await preview(jar, 'name,category\nImp Viewer,mp\n', { csrf });
	assert.equal(r.status, 403);
	const fd = new FormData();
	fd.append('csrf', csrf);
	fd.append('csv', 'name,category\nImp Viewer,mp\n');
	assert.equal((await postMultipart('/admin/import/apply', fd, jar)).status, 403);
});

test('an upload without the csrf token gets 403', async () => {
	const jar = await editorJar();
	const r = await preview(jar, 'name,category\nImp No Token,mp\n', { csrf: null });
	assert.equal(r.status, 403);
	const w = await preview(jar, 'name,category\nImp No Token,mp\n', { csrf: 'f'.repeat(64) });
	assert.equal(w.status, 403);
});

test('an upload over max_body_bytes gets 413', async () => {
	const jar = await editorJar();
	const big = 'name,category\n' + 'Imp Big,mp\n'.repeat(8000);	// ~88 kB > 64 kB
	const r = await preview(jar, big);
	assert.equal(r.status, 413);
	assert.match(pageText(r.body), /larger than this server accepts/);
});

test('a file that is not CSV text, or no file at all, gets a clear 400', async () => {
	const jar = await editorJar();
	const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff]);
	const r = await preview(jar, bytes, { name: 'photo.png', type: 'image/png' });
	assert.equal(r.status, 400);
	assert.match(pageText(r.body), /not CSV text in UTF-8/);
	assert.match(pageText(r.body), /nothing was imported/);

	const empty = await preview(jar, '', { name: 'empty.csv' });
	assert.equal(empty.status, 400);
	assert.match(pageText(empty.body), /empty/);

	const fd = new FormData();
	fd.append('csrf', await csrfOf(jar));
	const none = await postMultipart('/admin/import/preview', fd, jar);
	assert.equal(none.status, 400);
	assert.match(pageText(none.body), /Choose a CSV file to upload/);
});

test('a malformed multipart body gets 400 with the reason', async () => {
	const jar = await editorJar();
	const res = await fetch(BASE_URL + '/admin/import/preview', {
		method: 'POST',
		headers: { Cookie: jar.header(),
		    'Content-Type': 'multipart/form-data; boundary=XyZ' },
		body: '--XyZ\r\n\r\nno headers and no end',
		redirect: 'manual',
	});
	assert.equal(res.status, 400);
	assert.match(pageText(await res.text()), /malformed/);
});
