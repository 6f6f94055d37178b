// HTTP tier: the press mentions inbox (mentions.fcgi): the list with
// highlighted hits and its filters, syndicated stories listed once and
// triaged once, state changes one at a time and in bulk, the "Log as
// media engagement" link (with the feed's outlet), tracked
// parliamentarians linked both ways with the directory (and the person
// form's "Watch in the press"), the Atom feed of relevant mentions and
// its private address for feed readers, permissions, 404 and CSRF.
//
// The data comes from the real ingester: tracker-feeds adds the demo
// feeds (served by the web server itself at $BASE_URL/demo-feeds/) and the
// default watch terms, then fetches once.  Only this file touches
// mentions.  Tests are flat so that automake's TAP driver counts each.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

import {
	BASE_URL, ORIGIN, users, get, post, loggedIn, pageText, sessionToken,
	selectOptions, attributes, decodeEntities, formData, tableRows,
} from './helpers.mjs';

// --- data: the demo feeds, ingested once per suite -------------------------

let ingested;
function ingest() {
	if (!ingested) {
		ingested = (async () => {
			const conf = process.env.TRACKER_CONF;
			const top = process.env.top_builddir;
			assert.ok(conf, 'TRACKER_CONF is exported by tests/http.test');
			assert.ok(top, 'top_builddir is exported by make check');
			const bin = `${top}/feeds/tracker-feeds`;
			execFileSync(bin, ['-c', conf, 'demo-setup', `${BASE_URL}/demo-feeds`],
			    { stdio: 'pipe' });
			execFileSync(bin, ['-c', conf, 'run'], { stdio: 'pipe' });
		})();
	}
	return ingested;
}

const sessions = new Map();
async function open(user) {
	if (!sessions.has(user.username)) {
		sessions.set(user.username, (async () => {
			await ingest();
			const jar = await loggedIn(user);
			const r = await get('/mentions', { jar });
			assert.equal(r.status, 200);
			return { jar, csrf: sessionToken(r.body) };
		})());
	}
	return sessions.get(user.username);
}

const editor = () => open(users.demo);
const viewer = () => open(users.viewer);

// The mention ids on a list page, in order.
const ids = (html) => [...html.matchAll(/<tr id="m-(\d+)"/g)].map((m) => m[1]);

// One row's HTML.
function rowHtml(html, id) {
	const m = html.match(new RegExp(`<tr id="m-${id}">([\\s\\S]*?)</tr>`));
	assert.ok(m, `no row for mention ${id}`);
	return m[1];
}

async function list(query = '', who = editor) {
	const s = await who();
	const r = await get('/mentions' + query, { jar: s.jar });
	assert.equal(r.status, 200, `GET /mentions${query}: ${pageText(r.body)}`);
	return r.body;
}

async function setState(id, state, extra = {}) {
	const s = await editor();
	return post(`/mentions/${id}`, { csrf: s.csrf, state, ...extra },
	    { jar: s.jar, headers: { Origin: ORIGIN } });
}

// --- the list ---------------------------------------------------------------

test('the inbox lists new mentions with their terms highlighted', async () => {
	const html = await list();
	const found = ids(html);
	assert.ok(found.length >= 3, `several mentions: ${pageText(html)}`);
	assert.match(html, /<strong class="hit">[^<]+<\/strong>/, 'hits are highlighted');
	const hits = [...html.matchAll(/<strong class="hit">([^<]+)<\/strong>/g)]
	    .map((m) => decodeEntities(m[1]).toLowerCase());
	assert.ok(hits.some((h) => h.includes('refugee') || h.includes('jcore')),
	    `highlighted text is a watch term: ${hits}`);
	assert.match(pageText(html), /Matched: /);
	// The title links to the item.
	const row = rowHtml(html, found[0]);
	const a = row.match(/<h3><a\b[^>]*>/);
	assert.ok(a, 'the title is a link');
	assert.match(attributes(a[0]).href, /^https?:\/\//);
	assert.match(row, /class="tag state">new</);
	assert.ok(!/JCORE Ltd opens/.test(html), 'excluded term keeps an item out');
	// The Press area is in the nav.
	assert.match(html, /<a href="\/mentions" aria-current="page">Press<\/a>/);
});

test('the snippet cuts long summaries and keeps the hit', async () => {
	const html = await list('?state=any');
	for (const m of html.matchAll(/<p class="snippet">([\s\S]*?)<\/p>/g)) {
		const text = decodeEntities(m[1].replace(/<[^>]*>/g, ''));
		assert.ok([...text].length <= 205, `snippet is short: ${text}`);
	}
});

test('filters: term, outlet and dates', async () => {
	const all = await list('?state=any');
	const total = ids(all).length;
	const term = selectOptions(all, 'term').find((o) => o.label === 'refugee');
	assert.ok(term, 'the refugee term is a choice');
	const byTerm = await list(`?state=any&term=${term.value}`);
	assert.ok(ids(byTerm).length > 0 && ids(byTerm).length <= total);
	for (const id of ids(byTerm))
		assert.match(pageText(rowHtml(byTerm, id)), /Matched: .*refugee/i);
	const outlet = selectOptions(all, 'outlet')
	    .find((o) => o.label === 'Westminster Wire (demo)');
	assert.ok(outlet, 'the demo feed is an outlet choice');
	const byOutlet = await list(`?state=any&outlet=${outlet.value}`);
	assert.ok(ids(byOutlet).length > 0 && ids(byOutlet).length < total);
	for (const id of ids(byOutlet))
		assert.match(rowHtml(byOutlet, id), /Westminster Wire \(demo\)/);
	assert.equal(selectOptions(byOutlet, 'outlet').find((o) => o.selected)?.value,
	    outlet.value, 'the chosen outlet stays selected');
	const old = await list('?state=any&to=1990-01-01');
	assert.equal(ids(old).length, 0, 'nothing published before 1990');
	const wide = await list('?state=any&from=1990-01-01&to=2999-12-31');
	assert.equal(ids(wide).length, total);
	const junk = await list('?state=bogus&term=x&from=yesterday');
	assert.deepEqual(ids(junk), ids(await list()), 'bad filters are ignored');
});

// --- actions ----------------------------------------------------------------

test('an editor marks a mention relevant and comes back to the filtered list', async () => {
	const id = ids(await list())[0];
	const all = await list('?state=any');
	const outlet = selectOptions(all, 'outlet')[1].value;
	const r = await setState(id, 'relevant', { f_state: 'any', f_outlet: outlet,
	    f_from: '2000-01-01', f_term: '', f_to: 'junk' });
	assert.equal(r.status, 303, pageText(r.body));
	assert.equal(r.location,
	    `/mentions?state=any&outlet=${outlet}&from=2000-01-01&saved=1`);
	assert.ok(ids(await list('?state=relevant')).includes(id));
	assert.ok(!ids(await list()).includes(id), 'no longer new');
	const back = await setState(id, 'new');
	assert.equal(back.status, 303);
	assert.equal(back.location, '/mentions?saved=1');
	assert.ok(ids(await list()).includes(id));
	assert.equal((await setState(id, 'logged')).status, 400, 'logged is not set by hand');
	assert.equal((await setState(id, 'bogus')).status, 400);
});

test('the list form has per-row buttons and a bulk action', async () => {
	const html = await list();
	assert.match(html, /<form method="post" action="\/mentions\/bulk"/);
	assert.match(html, /Mark selected as/);
	assert.match(html, /<input type="checkbox" name="id" value="\d+"/);
	assert.match(html, /<input type="hidden" name="f_state" value="new">/);
	const [id] = ids(html);
	assert.match(rowHtml(html, id), new RegExp(`name="row" value="${id}:relevant"`));
	const s = await editor();
	const r = await post('/mentions/bulk', { csrf: s.csrf, row: `${id}:dismissed`,
	    f_state: 'new' }, { jar: s.jar, headers: { Origin: ORIGIN } });
	assert.equal(r.status, 303, pageText(r.body));
	assert.ok(ids(await list('?state=dismissed')).includes(id));
	assert.equal((await setState(id, 'new')).status, 303);
});

test('bulk: several mentions change state at once', async () => {
	const [a, b] = ids(await list());
	assert.ok(a && b, 'two new mentions');
	const s = await editor();
	const form = new URLSearchParams([['csrf', s.csrf], ['id', a], ['id', b],
	    ['state', 'dismissed'], ['f_state', 'dismissed']]);
	const r = await post('/mentions/bulk', form, { jar: s.jar, headers: { Origin: ORIGIN } });
	assert.equal(r.status, 303, pageText(r.body));
	assert.equal(r.location, '/mentions?state=dismissed&saved=1');
	const dismissed = ids(await list('?state=dismissed'));
	assert.ok(dismissed.includes(a) && dismissed.includes(b));
	const back = new URLSearchParams([['csrf', s.csrf], ['id', a], ['id', b],
	    ['state', 'new']]);
	assert.equal((await post('/mentions/bulk', back, { jar: s.jar,
	    headers: { Origin: ORIGIN } })).status, 303);
	assert.ok(ids(await list()).includes(a));
	const none = await post('/mentions/bulk', { csrf: s.csrf, state: 'new' },
	    { jar: s.jar, headers: { Origin: ORIGIN } });
	assert.equal(none.status, 400, 'nothing selected');
});

test('the Log-as-engagement link carries the prefill parameters', async () => {
	const html = await list();
	const [id] = ids(html);
	const row = rowHtml(html, id);
	const a = row.match(/<a href="(\/engagements\/new\?[^"]*)"[^>]*>Log as media engagement<\/a>/);
	assert.ok(a, `a log link in the row: ${row}`);
	const url = new URL(decodeEntities(a[1]), BASE_URL);
	assert.equal(url.searchParams.get('mention'), id);
	assert.equal(url.searchParams.get('type'), 'media_appearance');
	assert.match(url.searchParams.get('date'), /^\d{4}-\d{2}-\d{2}$/);
	const title = decodeEntities(row.match(/<h3><a\b[^>]*>([\s\S]*?)<\/a>/)[1]
	    .replace(/<[^>]*>/g, ''));
	assert.equal(url.searchParams.get('title'), title);
	assert.match(url.searchParams.get('media_link'), /^https?:\/\//);
});

// --- Atom -------------------------------------------------------------------

test('the Atom feed lists the relevant mentions only, well formed', async () => {
	const picked = ids(await list()).slice(0, 2);
	for (const id of picked)
		assert.equal((await setState(id, 'relevant')).status, 303);
	const relevant = ids(await list('?state=relevant'));
	const s = await viewer();
	const r = await get('/mentions.atom', { jar: s.jar });
	assert.equal(r.status, 200);
	assert.match(r.headers.get('content-type'), /^application\/atom\+xml/);
	assert.match(r.body, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
	assert.match(r.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
	const entries = [...r.body.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]);
	const entryIds = entries.map((e) => e.match(/<id>tag:tracker,2026:mention-(\d+)<\/id>/)?.[1]);
	assert.deepEqual([...entryIds].sort(), [...relevant].sort(),
	    'one entry per relevant mention');
	for (const id of picked)
		assert.ok(entryIds.includes(id));
	for (const e of entries) {
		assert.match(e, /<title type="text">[^<]+<\/title>/);
		assert.match(e, /<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/updated>/);
		assert.match(e, /<summary type="text">/);
	}
	// Balanced: every start tag has its end tag, in order.
	const stack = [];
	for (const m of r.body.replace(/^<\?xml[^>]*\?>/, '')
	    .matchAll(/<(\/?)([A-Za-z][\w:-]*)[^>]*?(\/?)>/g)) {
		if (m[3] === '/')
			continue;
		if (m[1] === '/')
			assert.equal(stack.pop(), m[2], 'tags close in order');
		else
			stack.push(m[2]);
	}
	assert.equal(stack.length, 0, 'every element is closed');
	assert.doesNotMatch(r.body.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, ''),
	    /&/, 'no bare ampersands');
	for (const id of picked)
		assert.equal((await setState(id, 'new')).status, 303);
});

// --- permissions and errors -------------------------------------------------

test('a viewer sees no actions and may not change states', async () => {
	const html = await list('', viewer);
	assert.ok(ids(html).length > 0);
	assert.doesNotMatch(html, /action="\/mentions\/bulk"/);
	assert.doesNotMatch(html, /Log as media engagement/);
	assert.doesNotMatch(html, /type="checkbox"/);
	const s = await viewer();
	const [id] = ids(html);
	const one = await post(`/mentions/${id}`, { csrf: s.csrf, state: 'relevant' },
	    { jar: s.jar, headers: { Origin: ORIGIN } });
	assert.equal(one.status, 403);
	const bulk = await post('/mentions/bulk', { csrf: s.csrf, id, state: 'relevant' },
	    { jar: s.jar, headers: { Origin: ORIGIN } });
	assert.equal(bulk.status, 403);
	assert.ok(ids(await list()).includes(id), 'still new');
});

test('a missing mention is 404', async () => {
	const r = await setState(999999999, 'relevant');
	assert.equal(r.status, 404);
});

test('a POST without the CSRF token is refused', async () => {
	const s = await editor();
	const [id] = ids(await list());
	const r = await post(`/mentions/${id}`, { state: 'relevant' },
	    { jar: s.jar, headers: { Origin: ORIGIN } });
	assert.equal(r.status, 403);
	assert.ok(ids(await list()).includes(id), 'still new');
});

test('logged out, the inbox and the feed need a login', async () => {
	const r = await get('/mentions');
	assert.equal(r.status, 303);
	assert.match(r.location || '', /^\/login/);
	const a = await get('/mentions.atom');
	assert.notEqual(a.status, 200);
});

// --- syndicated stories -------------------------------------------------------

const SYNDICATED = 'Charities urge ministers to widen refugee family reunion';
const WIRE = 'Westminster Wire (demo)';
const GAZETTE = 'Northern Gazette (demo)';

// The ids of the rows whose text includes needle.
const rowsWith = (html, needle) =>
	ids(html).filter((id) => pageText(rowHtml(html, id)).includes(needle));

async function outletId(name) {
	const o = selectOptions(await list('?state=any'), 'outlet').find((x) => x.label === name);
	assert.ok(o, `outlet ${name}`);
	return o.value;
}

test('a syndicated story is listed once, with the other outlet that carried it', async () => {
	const html = await list('?state=any');
	const rows = rowsWith(html, SYNDICATED);
	assert.equal(rows.length, 1, 'one row for the story');
	const row = rowHtml(html, rows[0]);
	assert.match(pageText(row), /Also in: (Westminster Wire|Northern Gazette) \(demo\)/);
	assert.match(row, /<p class="also">Also in: <a href="https:\/\/(westminster-wire|northern-gazette)\.example\/[^"]+" rel="noreferrer">/,
	    'the other outlet links to its copy');
	// Whichever outlet the list is filtered to, the story is there.
	const seen = {};
	for (const [name, other] of [[WIRE, 'Northern Gazette'], [GAZETTE, 'Westminster Wire']]) {
		const h = await list(`?state=any&outlet=${await outletId(name)}`);
		const r = rowsWith(h, SYNDICATED);
		assert.equal(r.length, 1, name);
		assert.match(pageText(rowHtml(h, r[0])), new RegExp(`${name.replace(/[()]/g, '\\$&')} ?, 2024-03-1\\d`));
		assert.match(pageText(rowHtml(h, r[0])), new RegExp(`Also in: ${other}`));
		seen[name] = r[0];
	}
	assert.notEqual(seen[WIRE], seen[GAZETTE], 'each outlet shows its own copy');
	assert.ok([seen[WIRE], seen[GAZETTE]].includes(rows[0]));
});

test('triaging a syndicated story changes every copy the list showed', async () => {
	const s = await editor();
	const [id] = rowsWith(await list(), SYNDICATED);
	assert.ok(id, 'the story is new');
	const r = await post('/mentions/bulk', { csrf: s.csrf, row: `${id}:dismissed`, f_state: 'new' },
	    { jar: s.jar, headers: { Origin: ORIGIN } });
	assert.equal(r.status, 303, pageText(r.body));
	assert.equal(rowsWith(await list(), SYNDICATED).length, 0, 'no copy left in new');
	for (const name of [WIRE, GAZETTE])
		assert.equal(rowsWith(await list(`?state=dismissed&outlet=${await outletId(name)}`),
		    SYNDICATED).length, 1, `${name}'s copy is dismissed`);
	// In bulk, from the dismissed list: both come back.
	const form = new URLSearchParams([['csrf', s.csrf], ['id', id], ['state', 'new'],
	    ['f_state', 'dismissed']]);
	const back = await post('/mentions/bulk', form, { jar: s.jar, headers: { Origin: ORIGIN } });
	assert.equal(back.status, 303, pageText(back.body));
	for (const name of [WIRE, GAZETTE])
		assert.equal(rowsWith(await list(`?state=new&outlet=${await outletId(name)}`),
		    SYNDICATED).length, 1, `${name}'s copy is new again`);
});

// --- tracked parliamentarians ------------------------------------------------

// The person linked from a row's "Names:" line, by name.
function namedPerson(row, name) {
	const m = row.match(new RegExp(`<p class="people">Names: (?:<a href="/people/\\d+">[^<]*</a>, )*<a href="/people/(\\d+)">${name}</a>`));
	return m?.[1];
}

test('a mention naming a tracked parliamentarian links to them, and their page lists it', async () => {
	const html = await list('?state=any');
	const [id] = rowsWith(html, 'Helen Marchbank MP asked');
	assert.ok(id, 'the demo feed names Helen Marchbank');
	const person = namedPerson(rowHtml(html, id), 'Helen Marchbank');
	assert.ok(person, `a link to her page: ${rowHtml(html, id)}`);
	// A peer named by title and name only ("Baroness Linford").
	const [peer] = rowsWith(html, 'launched in Parliament by Baroness Linford');
	assert.ok(namedPerson(rowHtml(html, peer), 'Baroness Linford of Highgate'));

	const s = await editor();
	const p = await get(`/people/${person}`, { jar: s.jar });
	assert.equal(p.status, 200);
	const text = pageText(p.body);
	assert.match(text, /In the press Watched in the press \(a current parliamentarian we have engaged with\) as: Helen Marchbank/);
	const rows = tableRows(p.body, 'person-mentions');
	assert.ok(rows.some((r) => r[2].startsWith('MPs press Home Office')), JSON.stringify(rows));
	const all = p.body.match(/<a href="(\/mentions\?state=any&amp;person=\d+)">/);
	assert.ok(all, 'a link to the inbox filtered to her');
	const filtered = await list(decodeEntities(all[1]).replace('/mentions', ''));
	assert.ok(ids(filtered).includes(id));
	for (const m of ids(filtered))
		assert.ok(namedPerson(rowHtml(filtered, m), 'Helen Marchbank'), 'only mentions naming her');
	const chosen = selectOptions(filtered, 'person').find((o) => o.selected);
	assert.equal(chosen?.label, 'Helen Marchbank', 'the person filter shows her');
	assert.ok(!ids(filtered).includes(peer));
});

// The id of the person called name, from the directory's search.
async function personId(name) {
	const s = await editor();
	const r = await get(`/people?q=${encodeURIComponent(name)}`, { jar: s.jar });
	const m = r.body.match(new RegExp(`<a href="/people/(\\d+)">${name}</a>`));
	assert.ok(m, `${name} is in the directory`);
	return m[1];
}

async function setPressWatch(id, value) {
	const s = await editor();
	const form = await get(`/people/${id}/edit`, { jar: s.jar });
	assert.equal(form.status, 200);
	const body = formData(form.body, `/people/${id}/edit`);
	body.set('press_watch', value);
	const r = await post(`/people/${id}/edit`, Object.fromEntries(body),
	    { jar: s.jar, headers: { Origin: ORIGIN } });
	assert.equal(r.status, 303, pageText(r.body));
}

test('"Watch in the press" on the person form is saved, audited and followed by the watch terms', async () => {
	const s = await editor();
	const id = await personId('Dennis Marlow');
	const watched = async () => tableRows((await get('/watch-terms', { jar: s.jar })).body,
	    'list watched').find((r) => r[0] === 'Dennis Marlow');
	assert.equal((await watched())?.[2], 'engaged with us');
	const form = await get(`/people/${id}/edit`, { jar: s.jar });
	assert.deepEqual(selectOptions(form.body, 'press_watch').map((o) => o.value),
	    ['auto', 'always', 'never']);
	assert.equal(selectOptions(form.body, 'press_watch').find((o) => o.selected)?.value, 'auto');

	await setPressWatch(id, 'never');
	assert.equal(await watched(), undefined, 'no longer watched');
	const page = await get(`/people/${id}`, { jar: s.jar });
	assert.match(pageText(page.body), /Not watched in the press: set to never\./);
	const history = await get(`/people/${id}/history`, { jar: s.jar });
	assert.match(pageText(history.body), /watch in the press/);
	assert.match(pageText(history.body), /never/);
	const bad = new URLSearchParams(formData(form.body, `/people/${id}/edit`));
	bad.set('press_watch', 'sometimes');
	const refused = await post(`/people/${id}/edit`, Object.fromEntries(bad),
	    { jar: s.jar, headers: { Origin: ORIGIN } });
	assert.equal(refused.status, 400);

	await setPressWatch(id, 'always');
	assert.equal((await watched())?.[2], 'set to always');
	await setPressWatch(id, 'auto');
	assert.equal((await watched())?.[2], 'engaged with us');

	// Anyone current may be watched when set to always: a journalist.
	const people = await get('/people?category=journalist', { jar: s.jar });
	const m = people.body.match(/<a href="\/people\/(\d+)">([^<]+)<\/a>/);
	assert.ok(m, 'a demo journalist');
	const journalist = decodeEntities(m[2]);
	const before = await get(`/people/${m[1]}`, { jar: s.jar });
	assert.match(pageText(before.body), /Not watched in the press: only MPs and Peers are watched automatically/);
	await setPressWatch(m[1], 'always');
	const row = tableRows((await get('/watch-terms', { jar: s.jar })).body, 'list watched')
	    .find((r) => r[0] === journalist);
	assert.deepEqual(row?.slice(1, 3), ['Journalist', 'set to always']);
	await setPressWatch(m[1], 'auto');
});

// --- the outlet's details for "Log as media engagement" -----------------------

test('"Log as media engagement" fills in the outlet and medium of the feed\'s outlet', async () => {
	const s = await editor();
	const feeds = await get('/feeds', { jar: s.jar });
	const fm = feeds.body.match(/<tr id="feed-(\d+)"[^>]*>\s*<td>Policy Desk \(demo\)<\/td>/);
	assert.ok(fm, 'the Policy Desk feed');
	const feed = fm[1];
	const edit = await get(`/feeds/${feed}/edit`, { jar: s.jar });
	const outlet = selectOptions(edit.body, 'outlet').find((o) => o.label === 'openDemocracy');
	assert.ok(outlet, 'a demo online outlet');
	const body = formData(edit.body, `/feeds/${feed}/edit`);
	body.set('outlet', outlet.value);
	const saved = await post(`/feeds/${feed}/edit`, Object.fromEntries(body),
	    { jar: s.jar, headers: { Origin: ORIGIN } });
	assert.equal(saved.status, 303, pageText(saved.body));
	try {
		const html = await list(`?state=any&outlet=${feed}`);
		const [id] = rowsWith(html, 'Illegal Migration');
		assert.ok(id, 'the Policy Desk mention');
		assert.match(pageText(rowHtml(html, id)), /openDemocracy ?, 2024-03-16/,
		    'the outlet names the mention');
		const a = rowHtml(html, id).match(/<a href="(\/engagements\/new\?[^"]*)"[^>]*>Log as media engagement<\/a>/);
		const url = new URL(decodeEntities(a[1]), BASE_URL);
		assert.equal(url.searchParams.get('media_outlet'), outlet.value);
		assert.equal(url.searchParams.get('media_medium'), 'online');
		assert.equal(url.searchParams.get('date'), '2024-03-16');
		const form = await get(decodeEntities(a[1]), { jar: s.jar });
		assert.equal(form.status, 200);
		const fields = formData(form.body, '/engagements/new');
		assert.equal(fields.get('media_outlet'), outlet.value);
		assert.equal(fields.get('media_medium'), 'online');
		assert.equal(fields.get('type'), 'media_appearance');
		assert.equal(fields.get('mention'), id);
		assert.match(fields.get('title'), /^Analysis: what the new Illegal Migration rules mean for refugees$/);
	} finally {
		body.set('outlet', '');
		const back = await post(`/feeds/${feed}/edit`, Object.fromEntries(body),
		    { jar: s.jar, headers: { Origin: ORIGIN } });
		assert.equal(back.status, 303);
	}
});

// --- the Atom feed's private address ------------------------------------------

test('the Atom feed has one entry per story, and a private address opens it for a feed reader', async () => {
	const s = await editor();
	const [id] = rowsWith(await list(), SYNDICATED);
	assert.equal((await setState(id, 'relevant', { f_state: 'new' })).status, 303);
	try {
		const v = await viewer();
		const atom = await get('/mentions.atom', { jar: v.jar });
		const entries = [...atom.body.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]);
		const story = entries.filter((e) => e.includes(SYNDICATED));
		assert.equal(story.length, 1, 'one entry for the story');
		assert.match(story[0], /Also in: (Westminster Wire|Northern Gazette) \(demo\)\./);
		assert.match(atom.body, new RegExp(`<link rel="self" href="${BASE_URL}/mentions.atom"/>`));

		// A viewer makes a private address; it is shown once.
		const page = await get('/mentions', { jar: v.jar });
		assert.match(pageText(page.body), /Follow in a feed reader/);
		const made = await post('/mentions/feed-key', { csrf: v.csrf, op: 'make' },
		    { jar: v.jar, headers: { Origin: ORIGIN } });
		assert.equal(made.status, 200, pageText(made.body));
		assert.equal(made.headers.get('cache-control'), 'no-store');
		const url = attributes(made.body.match(/<input id="feed-url"[^>]*>/)[0]).value;
		assert.match(url, new RegExp(`^${BASE_URL}/mentions\\.atom\\?key=[0-9a-f]{64}$`));
		const path = url.slice(BASE_URL.length);
		const reader = await get(path);
		assert.equal(reader.status, 200, 'no cookie needed');
		assert.match(reader.headers.get('content-type'), /^application\/atom\+xml/);
		assert.ok(reader.body.includes(SYNDICATED));
		assert.match(pageText((await get('/mentions', { jar: v.jar })).body),
		    /You made a private feed address on \d{4}-\d\d-\d\d/);
		assert.equal((await get(path.replace(/key=[0-9a-f]/, 'key=x'))).status, 403);

		// A new one replaces it; stopping it closes the feed.
		const again = await post('/mentions/feed-key', { csrf: v.csrf, op: 'make' },
		    { jar: v.jar, headers: { Origin: ORIGIN } });
		const path2 = attributes(again.body.match(/<input id="feed-url"[^>]*>/)[0]).value
		    .slice(BASE_URL.length);
		assert.notEqual(path2, path);
		assert.equal((await get(path)).status, 403, 'the old address is dead');
		assert.equal((await get(path2)).status, 200);
		const stop = await post('/mentions/feed-key', { csrf: v.csrf, op: 'revoke' },
		    { jar: v.jar, headers: { Origin: ORIGIN } });
		assert.equal(stop.status, 303);
		assert.equal((await get(path2)).status, 403);
		assert.equal((await post('/mentions/feed-key', { op: 'make' },
		    { jar: v.jar, headers: { Origin: ORIGIN } })).status, 403, 'CSRF');
		assert.equal((await post('/mentions/feed-key', { csrf: s.csrf, op: 'bogus' },
		    { jar: s.jar, headers: { Origin: ORIGIN } })).status, 400);
	} finally {
		assert.equal((await setState(id, 'new', { f_state: 'relevant' })).status, 303);
	}
});

// --- the "done when": a mention logged as a media engagement -------

test('a mention logged as a media engagement appears in /engagements as a media appearance, and the mention is logged', async () => {
	const s = await editor();
	const html = await list();
	const id = ids(html).at(-1);
	const a = rowHtml(html, id).match(/<a href="(\/engagements\/new\?[^"]*)"[^>]*>Log as media engagement<\/a>/);
	const form = await get(decodeEntities(a[1]), { jar: s.jar });
	assert.equal(form.status, 200);
	const body = formData(form.body, '/engagements/new');
	assert.equal(body.get('type'), 'media_appearance');
	assert.equal(body.get('mention'), id);
	const title = body.get('title');
	body.set('media_medium', 'online');
	body.set('op', 'save');
	const saved = await post('/engagements/new', Object.fromEntries(body),
	    { jar: s.jar, headers: { Origin: ORIGIN } });
	assert.equal(saved.status, 303, pageText(saved.body));
	const eid = saved.location.match(/\/engagements\/(\d+)/)[1];

	const logged = await list('?state=logged');
	assert.ok(ids(logged).includes(id), 'the mention is now logged');
	assert.doesNotMatch(rowHtml(logged, id), /Log as media engagement/);
	const media = await get(`/engagements?type=media_appearance&q=${encodeURIComponent(title)}`, { jar: s.jar });
	assert.match(media.body, new RegExp(`<a href="/engagements/${eid}">`));
});
