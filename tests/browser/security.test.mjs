// Stored XSS, in a real browser: the XSS payloads of
// tests/fixtures/security/xss.txt are saved (over HTTP, as the demo user)
// in the text fields of engagements, people, organisations, APPGs and
// their meetings, feeds and watch terms; then Chromium visits every page
// showing them and the test asserts that no payload ran: window.__xss
// stays unset, no dialog opens (alert), no script error is reported.
//
// The pages are loaded with the Content-Security-Policy bypassed, so the
// test shows that escaping alone keeps the payloads inert; the CSP (which
// forbids inline script) is a second wall, checked by the HTTP tests.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
	get, post, formData, selectOptions, loggedIn, users, SESSION_COOKIE, pageText,
} from '../http/helpers.mjs';
import { payloads, pool } from '../http/security-lib.mjs';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
if (!BASE_URL)
	throw new Error('BASE_URL is not set: run these tests through tests/browser.test');
if (!process.env.PLAYWRIGHT_CORE)
	throw new Error('PLAYWRIGHT_CORE is not set: run these tests through tests/browser.test');

const { chromium } = createRequire(import.meta.url)(process.env.PLAYWRIGHT_CORE);
const XSS = payloads('xss');
const TIMEOUT = 15000;

let browser;
let jar;

before(async () => {
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		timeout: 60000,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
		    '--disable-component-update', '--disable-sync',
		    '--disable-dev-shm-usage', '--no-first-run'],
	});
	jar = await loggedIn(users.demo);
});

after(async () => {
	await browser?.close();
});

// Post the form at page/action with the payload in `fields` (and `set`
// for the rest); returns the Location of the saved record.
async function save(page, action, fields, p, set = {}) {
	const g = await get(page, { jar });
	assert.equal(g.status, 200, page);
	const d = formData(g.body, action);
	for (const m of g.body.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*\brequired/g)) {
		if (!d.get(m[1]))
			d.set(m[1], selectOptions(g.body, m[1]).find((o) => o.value)?.value ?? '');
	}
	for (const [k, v] of Object.entries(set))
		d.set(k, v);
	for (const f of fields)
		d.set(f, p);
	const r = await post(action, d, { jar });
	assert.equal(r.status, 303, `${action} with ${p}: ${pageText(r.body).slice(0, 300)}`);
	return r.location.replace(/\?.*$/, '');
}

// A browser context logged in as the demo user (the session cookie of
// `jar`), with CSP bypassed and every sign of a script that ran recorded.
async function openPage() {
	const context = await browser.newContext({ bypassCSP: true });
	context.setDefaultTimeout(TIMEOUT);
	await context.addCookies([{ name: SESSION_COOKIE, value: jar.get(SESSION_COOKIE),
	    url: BASE_URL }]);
	const page = await context.newPage();
	const ran = [];
	page.on('dialog', async (d) => {
		ran.push(`dialog ${d.type()}: ${d.message()}`);
		await d.dismiss();
	});
	page.on('pageerror', (e) => ran.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
			ran.push(`console: ${m.text()}`);
	});
	// Payloads that would load or navigate elsewhere: none may leave.
	page.on('request', (r) => {
		const u = new URL(r.url());
		if (u.origin !== new URL(BASE_URL).origin && u.protocol !== 'data:')
			ran.push(`request to ${r.url()}`);
	});
	return { context, page, ran };
}

// Visit each path; return what ran on which page.
async function visit(paths) {
	const { context, page, ran } = await openPage();
	const found = [];
	try {
		for (const p of paths) {
			ran.length = 0;
			const res = await page.goto(BASE_URL + p, { waitUntil: 'load' });
			assert.equal(res.status(), 200, p);
			// Give onload/onfocus/ontoggle handlers their chance.
			await page.focus('body').catch(() => {});
			await page.mouse.move(5, 5);
			await page.mouse.move(300, 300);
			await page.waitForTimeout(50);
			const xss = await page.evaluate(() => window.__xss);
			if (xss !== undefined)
				ran.push(`window.__xss = ${xss}`);
			if (!page.url().startsWith(BASE_URL + p.replace(/\?.*$/, '')))
				ran.push(`navigated to ${page.url()}`);
			if (ran.length)
				found.push(`${p}: ${ran.join('; ')}`);
		}
	} finally {
		await context.close();
	}
	return found;
}

let records = [];

test('the XSS payloads are stored in every kind of record', async () => {
	assert.equal(XSS.length, 30);
	records = await pool(XSS, 3, async (p, i) => {
		const day = `2019-04-${String(1 + (i % 28)).padStart(2, '0')}`;
		const org = await save('/organisations/new', '/organisations/new',
		    ['name', 'notes'], p);
		const orgId = org.split('/').pop();
		const person = await save('/people/new', '/people/new',
		    ['name', 'role_title', 'party', 'constituency', 'notes',
		    'basis_note', 'data_source'], p,
		    { organisation: orgId });
		const eng = await save('/engagements/new', '/engagements/new',
		    ['title', 'summary', 'outcome', 'media_programme'], p,
		    { date: day, org_id: orgId });
		return { org, person, eng };
	});
	const group = await save('/appg/new', '/appg/new',
	    ['title', 'purpose', 'enquiry_point', 'secretariat'], XSS[0], { year_end_day: '31' });
	const gid = group.split('/').pop();
	const meeting = await save(`/appg/${gid}/meetings/new`, `/appg/${gid}/meetings/new`,
	    ['title', 'place'], XSS[1], { held_on: '2019-05-06' });
	await save('/feeds', '/feeds', ['title'], XSS[2],
	    { url: `http://127.0.0.1:9/browser-xss-${process.pid}.xml` });
	await save('/watch-terms', '/watch-terms', ['term'], `${XSS[3]} ${process.pid}`);
	records.group = group;
	records.meeting = meeting;
	assert.equal(records.length, 30);
});

test('no payload runs on the pages of each record (details, edit forms, history)', async () => {
	assert.equal(records.length, 30, 'records stored by the test before');
	// Every record's own page and the engagement's edit form; the other
	// forms and the history pages (the same writer, the same fields) for
	// the first few, to keep the browser tier quick.
	const paths = records.flatMap((r, i) => [r.eng, `${r.eng}/edit`, r.person, r.org,
		...(i < 6 ? [`${r.eng}/history`, `${r.person}/edit`, `${r.org}/edit`,
		`${r.person}/history`] : [])]);
	// Three browsers' worth of pages at once.
	const chunks = [0, 1, 2].map((k) => paths.filter((_, i) => i % 3 === k));
	const found = (await Promise.all(chunks.map(visit))).flat();
	assert.deepEqual(found, []);
});

test('no payload runs on the lists, searches, reports, APPG and press pages showing them', async () => {
	const g = records.group, m = records.meeting;
	const found = await visit([
		'/engagements?from=2019-04-01&to=2019-04-30', '/people', '/people?q=script',
		'/organisations', '/organisations?q=img', '/follow-ups', '/',
		'/reports/engagement?from=2019-04-01&to=2019-04-30', '/reports/dashboard',
		'/appg', g, `${g}/edit`, `${g}/register`, `${g}/history`, m, `${m}/edit`,
		`${m}/notice`, '/feeds', '/watch-terms', '/mentions',
		`/people?q=${encodeURIComponent(XSS[0])}`,
		`/engagements?q=${encodeURIComponent(XSS[6])}`,
	]);
	assert.deepEqual(found, []);
});
