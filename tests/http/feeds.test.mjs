// HTTP tier: press monitoring's settings (feeds.fcgi): /feeds with each
// feed's health (add, edit with its outlet, disable, enable, delete,
// restore; long URLs) and /watch-terms (add, disable, enable, re-run
// matching; the people the directory watches), permissions and CSRF.
//
// The demo feeds and terms come from tracker-feeds, as in
// mentions.test.mjs; node runs each test file in its own process, so this
// file ingests once for itself.  demo-setup is idempotent; a failure of
// the second ingest (the other file may be ingesting at the same moment)
// is tolerated.  Feeds added here point at a demo feed under another URL,
// so that a later `tracker-feeds run` still succeeds, and are left
// disabled.  Tests are flat so that automake's TAP driver counts each.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

import {
	BASE_URL, ORIGIN, users, get, post, loggedIn, pageText, sessionToken,
	fieldHtml, tableRows, selectOptions,
} from './helpers.mjs';

let ingested;
function ingest() {
	if (!ingested) {
		ingested = (async () => {
			const conf = process.env.TRACKER_CONF;
			const top = process.env.top_builddir;
			assert.ok(conf, 'TRACKER_CONF is exported by tests/http.test');
			assert.ok(top, 'top_builddir is exported by make check');
			const bin = `${top}/feeds/tracker-feeds`;
			for (const args of [['demo-setup', `${BASE_URL}/demo-feeds`], ['run']]) {
				try {
					execFileSync(bin, ['-c', conf, ...args], { stdio: 'pipe' });
				} catch (e) {
					// The other file's ingest may hold the rows: go on.
				}
			}
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
			const r = await get('/feeds', { jar });
			assert.equal(r.status, 200, pageText(r.body));
			return { jar, csrf: sessionToken(r.body) };
		})());
	}
	return sessions.get(user.username);
}

const editor = () => open(users.demo);
const viewer = () => open(users.viewer);

async function send(path, form, who = editor) {
	const s = await who();
	return post(path, { csrf: s.csrf, ...form },
	    { jar: s.jar, headers: { Origin: ORIGIN } });
}

async function page(path, who = editor) {
	const s = await who();
	const r = await get(path, { jar: s.jar });
	assert.equal(r.status, 200, `GET ${path}: ${pageText(r.body)}`);
	return r.body;
}

// The id of the feed row whose text includes needle, or undefined.
function feedId(html, needle) {
	for (const m of html.matchAll(/<tr id="feed-(\d+)"[^>]*>([\s\S]*?)<\/tr>/g))
		if (pageText(m[2]).includes(needle))
			return m[1];
	return undefined;
}

function termId(html, term) {
	for (const m of html.matchAll(/<tr id="term-(\d+)"[^>]*>\s*<td>([^<]*)<\/td>/g))
		if (m[2] === term)
			return m[1];
	return undefined;
}

const copyUrl = (tag) => `${BASE_URL}/demo-feeds/community-voice.atom?${tag}`;

test('the feeds page lists each feed with its health', async () => {
	const html = await page('/feeds');
	const rows = tableRows(html, 'list feeds');
	assert.ok(rows.length >= 4, `the demo feeds: ${pageText(html)}`);
	const wire = rows.find((r) => r[0] === 'Westminster Wire (demo)');
	assert.ok(wire, 'the demo feed is listed');
	assert.equal(wire[1], '', 'no outlet');
	assert.match(wire[2], /\/demo-feeds\/westminster-wire\.xml$/);
	assert.equal(wire[3], 'yes');
	assert.match(wire[4], /^\d{4}-\d\d-\d\d \d\d:\d\d$/, 'fetched');
	assert.equal(wire[5], '200');
	assert.match(wire[6], /^\d+ \/ \d+$/);
	assert.equal(wire[8], '0');
	for (const h of ['Outlet', 'Last fetch (UTC)', 'HTTP status', 'Items seen / new',
	    'Last error', 'Consecutive failures'])
		assert.ok(html.includes(`>${h}</th>`), h);
	assert.match(html, /<a href="\/mentions" aria-current="page">Press<\/a>/);
});

test('the mentions page links to feeds and watch terms', async () => {
	const html = await page('/mentions');
	assert.match(html, /<a href="\/feeds">Feeds<\/a>/);
	assert.match(html, /<a href="\/watch-terms">Watch terms<\/a>/);
});

test('a viewer sees the lists without forms or buttons', async () => {
	const feeds = await page('/feeds', viewer);
	assert.ok(tableRows(feeds, 'list feeds').length >= 4);
	assert.ok(!/<form method="post" action="\/feeds/.test(feeds), 'no feed forms');
	const terms = await page('/watch-terms', viewer);
	assert.ok(tableRows(terms, 'list terms').length >= 5);
	assert.ok(!/<form method="post" action="\/watch-terms/.test(terms), 'no term forms');
	assert.ok(!terms.includes('Re-run matching'));
});

test('a viewer gets 403 on every POST', async () => {
	const feeds = await page('/feeds', viewer);
	const id = feedId(feeds, 'Westminster Wire (demo)');
	const terms = await page('/watch-terms', viewer);
	const tid = termId(terms, 'refugee');
	assert.ok(id && tid);
	for (const [path, form] of [
		['/feeds', { url: copyUrl('viewer') }],
		[`/feeds/${id}/edit`, { url: copyUrl('viewer'), title: 'x' }],
		[`/feeds/${id}/disable`, {}],
		[`/feeds/${id}/enable`, {}],
		['/watch-terms', { term: 'viewer term', kind: 'other', exclude: 'no', titles_only: 'no' }],
		[`/watch-terms/${tid}/disable`, {}],
		[`/watch-terms/${tid}/enable`, {}],
		['/watch-terms/rematch', {}],
	]) {
		const r = await send(path, form, viewer);
		assert.equal(r.status, 403, `POST ${path}`);
	}
	const s = await viewer();
	assert.equal((await get(`/feeds/${id}/edit`, { jar: s.jar })).status, 403);
	assert.ok(!feedId(await page('/feeds'), 'viewer'), 'nothing was added');
});

test('an editor adds a feed, and a duplicate or non-http URL is refused', async () => {
	const url = copyUrl('added');
	const r = await send('/feeds', { url, title: 'Added by test' });
	assert.equal(r.status, 303, pageText(r.body));
	assert.equal(r.location, '/feeds?saved=1');
	const html = await page('/feeds?saved=1');
	assert.match(pageText(html), /Saved\./);
	const id = feedId(html, 'Added by test');
	assert.ok(id, 'listed');
	// Leave it disabled so that a later fetch does not ingest it twice.
	assert.equal((await send(`/feeds/${id}/disable`, {})).status, 303);

	const dup = await send('/feeds', { url, title: 'Again' });
	assert.equal(dup.status, 400);
	assert.match(pageText(fieldHtml(dup.body, 'url')), /already a feed with this URL/);
	assert.match(dup.body, /value="Again"/, 'what was typed comes back');

	for (const bad of ['ftp://example.org/feed.xml', 'javascript:alert(1)',
	    'example.org/feed.xml', 'http://']) {
		const b = await send('/feeds', { url: bad });
		assert.equal(b.status, 400, bad);
		assert.match(pageText(fieldHtml(b.body, 'url')), /http/, bad);
	}
});

test('an editor disables and enables a feed', async () => {
	const add = await send('/feeds', { url: copyUrl('toggle'), title: 'Toggle me' });
	assert.equal(add.status, 303);
	const id = feedId(await page('/feeds'), 'Toggle me');
	const row = async () => tableRows(await page('/feeds'), 'list feeds')
	    .find((r) => r[0] === 'Toggle me');
	assert.equal((await row())[3], 'yes');
	const off = await send(`/feeds/${id}/disable`, {});
	assert.equal(off.status, 303);
	assert.equal(off.location, '/feeds?saved=1');
	assert.equal((await row())[3], 'no');
	assert.match(await page('/feeds'), new RegExp(`action="/feeds/${id}/enable"`));
	assert.equal((await send(`/feeds/${id}/enable`, {})).status, 303);
	assert.equal((await row())[3], 'yes');
	assert.equal((await send(`/feeds/${id}/disable`, {})).status, 303);
	assert.equal((await send('/feeds/999999999/disable', {})).status, 404);
});

test('an editor edits a feed\'s title; a duplicate URL is refused', async () => {
	const url = copyUrl('edit');
	assert.equal((await send('/feeds', { url, title: 'Before edit' })).status, 303);
	const id = feedId(await page('/feeds'), 'Before edit');
	await send(`/feeds/${id}/disable`, {});
	const form = await page(`/feeds/${id}/edit`);
	assert.match(form, /value="Before edit"/);
	const r = await send(`/feeds/${id}/edit`, { url, title: 'After edit' });
	assert.equal(r.status, 303, pageText(r.body));
	const html = await page('/feeds');
	assert.equal(feedId(html, 'After edit'), id);
	assert.ok(!feedId(html, 'Before edit'));
	const dup = await send(`/feeds/${id}/edit`,
	    { url: `${BASE_URL}/demo-feeds/westminster-wire.xml`, title: 'x' });
	assert.equal(dup.status, 400);
	assert.match(pageText(fieldHtml(dup.body, 'url')), /already a feed/);
	const bad = await send(`/feeds/${id}/edit`, { url: 'gopher://x', title: 'x' });
	assert.equal(bad.status, 400);
	const s = await editor();
	assert.equal((await get('/feeds/999999999/edit', { jar: s.jar })).status, 404);
});

test('a deleted feed leaves the list, and adding its URL again brings it back', async () => {
	const url = copyUrl('deleted');
	assert.equal((await send('/feeds', { url, title: 'Deleted later' })).status, 303);
	const id = feedId(await page('/feeds'), 'Deleted later');
	assert.ok(id);
	assert.equal((await send(`/feeds/${id}/disable`, {})).status, 303);
	const del = await send(`/feeds/${id}/delete`, {});
	assert.equal(del.status, 303, pageText(del.body));
	let html = await page('/feeds');
	assert.ok(!tableRows(html, 'list feeds').some((r) => r[0] === 'Deleted later'),
	    'not among the feeds');
	assert.ok(tableRows(html, 'list deleted-feeds').some((r) => r[0] === 'Deleted later'),
	    'among the deleted feeds');
	assert.match(html, new RegExp(`action="/feeds/${id}/restore"`));
	assert.equal((await send(`/feeds/${id}/delete`, {})).status, 404, 'deleted already');

	// Adding the same URL restores that feed, under the new title.
	const again = await send('/feeds', { url, title: 'Back again' });
	assert.equal(again.status, 303, pageText(again.body));
	assert.equal(again.location, '/feeds?restored=1');
	html = await page(again.location);
	assert.match(pageText(html), /had been deleted: it is back, with the items and mentions it had/);
	assert.equal(feedId(html, 'Back again'), id, 'the same feed, not a copy');
	const row = tableRows(html, 'list feeds').find((r) => r[0] === 'Back again');
	assert.equal(row[3], 'yes', 'enabled again');

	// Restore by button too; a live feed cannot be restored.
	assert.equal((await send(`/feeds/${id}/restore`, {})).status, 404);
	assert.equal((await send(`/feeds/${id}/delete`, {})).status, 303);
	assert.equal((await send(`/feeds/${id}/restore`, {})).status, 303);
	assert.equal(feedId(await page('/feeds'), 'Back again'), id);
	assert.equal((await send(`/feeds/${id}/disable`, {})).status, 303);
	const s = await viewer();
	assert.equal((await post(`/feeds/${id}/delete`, { csrf: s.csrf },
	    { jar: s.jar, headers: { Origin: ORIGIN } })).status, 403);
});

test('feed URLs are unique in full, however long, and compared without the case of the host', async () => {
	const long = (end) => `${copyUrl('long')}&q=${'x'.repeat(600)}${end}`;
	for (const [end, title] of [['a', 'Long A'], ['b', 'Long B']]) {
		const r = await send('/feeds', { url: long(end), title });
		assert.equal(r.status, 303, `${title}: ${pageText(r.body)}`);
	}
	const html = await page('/feeds');
	for (const title of ['Long A', 'Long B']) {
		const id = feedId(html, title);
		assert.ok(id, title);
		assert.equal((await send(`/feeds/${id}/disable`, {})).status, 303);
	}
	const dup = await send('/feeds', { url: long('b'), title: 'Long B again' });
	assert.equal(dup.status, 400);
	assert.match(pageText(fieldHtml(dup.body, 'url')), /already a feed with this URL/);
	const upper = BASE_URL.replace(/^http/, 'HTTP');
	const host = await send('/feeds', { url: `${upper}/demo-feeds/westminster-wire.xml` });
	assert.equal(host.status, 400, 'HTTP:// and http:// are one scheme');
	const tooLong = await send('/feeds', { url: long('c') + 'y'.repeat(2000) });
	assert.equal(tooLong.status, 400);
	assert.match(pageText(fieldHtml(tooLong.body, 'url')), /2000 characters or fewer/);
});

test('a feed\'s outlet comes from the directory\'s media outlets', async () => {
	assert.equal((await send('/feeds', { url: copyUrl('outlet'), title: 'With outlet' })).status, 303);
	const id = feedId(await page('/feeds'), 'With outlet');
	await send(`/feeds/${id}/disable`, {});
	const form = await page(`/feeds/${id}/edit`);
	const options = selectOptions(form, 'outlet');
	assert.equal(options[0].label, 'None');
	assert.ok(options[0].selected);
	const lbc = options.find((o) => o.label === 'LBC');
	assert.ok(lbc, `media outlets are offered: ${options.map((o) => o.label)}`);
	assert.ok(!options.some((o) => /Foreign, Commonwealth/.test(o.label)),
	    'only media outlets');
	const url = copyUrl('outlet');
	const r = await send(`/feeds/${id}/edit`, { url, title: 'With outlet', outlet: lbc.value });
	assert.equal(r.status, 303, pageText(r.body));
	const html = await page('/feeds');
	const row = tableRows(html, 'list feeds').find((x) => x[0] === 'With outlet');
	assert.equal(row[1], 'LBC');
	assert.match(html, new RegExp(`<a href="/organisations/${lbc.value}">LBC</a>`));
	assert.ok(selectOptions(await page(`/feeds/${id}/edit`), 'outlet')
	    .find((o) => o.value === lbc.value).selected, 'the outlet stays chosen');
	const bad = await send(`/feeds/${id}/edit`, { url, title: 'x', outlet: '999999999' });
	assert.equal(bad.status, 400);
	assert.match(pageText(fieldHtml(bad.body, 'outlet')), /Choose one of the options/);
	assert.match(bad.body, /value="x"/, 'what was typed comes back');
});

test('the watch terms page lists the people the directory watches', async () => {
	const html = await page('/watch-terms');
	const rows = tableRows(html, 'list watched');
	const helen = rows.find((r) => r[0] === 'Helen Marchbank');
	assert.ok(helen, `a current MP we have engaged with: ${pageText(html)}`);
	assert.deepEqual(helen.slice(1), ['MP', 'engaged with us', 'Helen Marchbank']);
	const linford = rows.find((r) => r[0] === 'Baroness Linford of Highgate');
	assert.ok(linford);
	assert.equal(linford[3], 'Baroness Linford of Highgate Baroness Linford',
	    'a peer also by title and name');
	const bishop = rows.find((r) => r[0] === 'Rt Revd Catherine Ashby');
	assert.equal(bishop[3], 'Rt Revd Catherine Ashby Catherine Ashby');
	assert.ok(!rows.some((r) => r[0] === 'Geoffrey Hallam'), 'a former MP is not watched');
	assert.match(html, /href="\/people\/\d+">Helen Marchbank<\/a>/);
	// Their names are not in the typed terms' table, which has no buttons for them.
	assert.ok(!tableRows(html, 'list terms').some((r) => r[0] === 'Helen Marchbank'));
});

test('the watch terms page lists the terms', async () => {
	const html = await page('/watch-terms');
	const rows = tableRows(html, 'list terms');
	const ltd = rows.find((r) => r[0] === 'JCORE Ltd');
	assert.deepEqual(ltd.slice(0, 5), ['JCORE Ltd', 'other', 'yes', 'no', 'yes']);
	const refugee = rows.find((r) => r[0] === 'refugee');
	assert.deepEqual(refugee.slice(0, 5), ['refugee', 'topic', 'no', 'no', 'yes']);
	assert.match(html, /Re-run matching over stored items/);
	assert.match(html, /<select[^>]*name="kind"/);
});

test('an editor adds a term; a duplicate or a term with nothing to match is refused', async () => {
	const form = { term: 'Asylum Aid', kind: 'organisation', exclude: 'no', titles_only: 'yes' };
	const r = await send('/watch-terms', form);
	assert.equal(r.status, 303, pageText(r.body));
	const rows = tableRows(await page('/watch-terms'), 'list terms');
	assert.deepEqual(rows.find((x) => x[0] === 'Asylum Aid').slice(0, 5),
	    ['Asylum Aid', 'organisation', 'no', 'yes', 'yes']);
	const dup = await send('/watch-terms', form);
	assert.equal(dup.status, 400);
	assert.match(pageText(fieldHtml(dup.body, 'term')), /already there/);
	// A soft hyphen and a zero-width space: nothing left after folding.
	// ("—" is not empty: dashes fold to "-", which the matcher keeps.)
	const empty = await send('/watch-terms', { ...form, term: '\u00ad\u200b' });
	assert.equal(empty.status, 400);
	assert.match(pageText(fieldHtml(empty.body, 'term')), /nothing left to match/);
	const kind = await send('/watch-terms', { ...form, term: 'Odd kind', kind: 'planet' });
	assert.equal(kind.status, 400);
});

test('an editor disables and enables a term', async () => {
	await send('/watch-terms', { term: 'toggle term', kind: 'other', exclude: 'no', titles_only: 'no' });
	const id = termId(await page('/watch-terms'), 'toggle term');
	assert.ok(id);
	const row = async () => tableRows(await page('/watch-terms'), 'list terms')
	    .find((r) => r[0] === 'toggle term');
	const off = await send(`/watch-terms/${id}/disable`, {});
	assert.equal(off.status, 303);
	assert.equal((await row())[4], 'no');
	assert.equal((await send(`/watch-terms/${id}/enable`, {})).status, 303);
	assert.equal((await row())[4], 'yes');
	assert.equal((await send('/watch-terms/999999999/enable', {})).status, 404);
});

test('re-running matching finds stored items for a new term', async () => {
	const before = await page('/mentions?state=any');
	assert.ok(!before.includes('cycle lanes'), 'no mention yet');
	const add = await send('/watch-terms',
	    { term: 'cycle lanes', kind: 'topic', exclude: 'no', titles_only: 'no' });
	assert.equal(add.status, 303, pageText(add.body));
	const r = await send('/watch-terms/rematch', {});
	assert.equal(r.status, 303, pageText(r.body));
	const m = (r.location || '').match(/^\/watch-terms\?found=(\d+)$/);
	assert.ok(m, r.location);
	assert.ok(Number(m[1]) >= 1, `found ${m[1]}`);
	const html = await page(r.location);
	assert.match(pageText(html), /Matching re-run: \d+ new mentions? found\./);
	const after = await page('/mentions?state=any');
	assert.match(after, /<strong class="hit">cycle lanes<\/strong>/i);
});

test('a POST without the CSRF token is refused', async () => {
	const s = await editor();
	for (const [path, form] of [
		['/feeds', { url: copyUrl('nocsrf') }],
		['/watch-terms', { term: 'no csrf', kind: 'other', exclude: 'no', titles_only: 'no' }],
		['/watch-terms/rematch', {}],
	]) {
		const r = await post(path, form, { jar: s.jar, headers: { Origin: ORIGIN } });
		assert.equal(r.status, 403, path);
	}
	assert.ok(!feedId(await page('/feeds'), 'nocsrf'));
});

test('logged out, the pages need a login', async () => {
	for (const path of ['/feeds', '/watch-terms']) {
		const r = await get(path);
		assert.equal(r.status, 303);
		assert.match(r.location || '', /^\/login/);
	}
});
