// Browser tier: the policy engagement report in Debian's chromium, driven
// by playwright-core, against the tracker that tests/browser.test starts
// at $BASE_URL with the demo data: reaching it from the nav, choosing a
// period with the labelled form, following numbers to the engagements
// behind them (the list says as many as the number did), a bad date, and
// the page on paper.
//
// Tests are flat (no subtests) so that automake's TAP driver counts each.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
if (!BASE_URL)
	throw new Error('BASE_URL is not set: run these tests through tests/browser.test');
if (!process.env.PLAYWRIGHT_CORE)
	throw new Error('PLAYWRIGHT_CORE is not set: run these tests through tests/browser.test');

const { chromium } = createRequire(import.meta.url)(process.env.PLAYWRIGHT_CORE);

const DEMO = { username: 'demo', password: 'demo' };
const TIMEOUT = 15000;

let browser;

before(async () => {
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		timeout: 60000,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
		    '--disable-component-update', '--disable-sync',
		    '--disable-dev-shm-usage', '--no-first-run'],
	});
});

after(async () => {
	await browser?.close();
});

// A fresh context and page; problems the page reports (script errors,
// CSP violations, failed loads) are collected in `problems`.
async function openPage(options = {}) {
	const context = await browser.newContext(options);
	context.setDefaultTimeout(TIMEOUT);
	const page = await context.newPage();
	const problems = [];
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
			problems.push(`console: ${m.text()}`);
	});
	page.on('requestfailed', (r) =>
	    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
	page.on('response', (r) => {
		const u = new URL(r.url());
		if (u.pathname.startsWith('/static/') && r.status() >= 400)
			problems.push(`${r.status()} for ${u.pathname}`);
	});
	return { context, page, problems };
}

async function logIn(page) {
	await page.goto(`${BASE_URL}/login`);
	await page.getByLabel('Username').fill(DEMO.username);
	await page.getByLabel('Password').fill(DEMO.password);
	await Promise.all([
		page.waitForURL(`${BASE_URL}/`),
		page.getByRole('button', { name: 'Log in' }).click(),
	]);
}

// Choose a period with the form and show the report.
async function showPeriod(page, from, to) {
	await page.getByLabel('First day', { exact: true }).fill(from);
	await page.getByLabel('Last day', { exact: true }).fill(to);
	await Promise.all([
		page.waitForURL((u) => u.pathname === '/reports/engagement' &&
		    u.searchParams.get('from') === from),
		page.getByRole('button', { name: 'Show the report' }).click(),
	]);
}

const count = (s) => Number(s.replace(/,/g, ''));

// "N engagements" on the list page.
async function listTotal(page) {
	const text = await page.locator('main p[role="status"]').innerText();
	const m = text.match(/^(\d+) engagements?$/);
	assert.ok(m, `the list says how many: ${text}`);
	return Number(m[1]);
}

test('from the nav to a period, then a number to the engagements behind it', async () => {
	const { context, page, problems } = await openPage();
	try {
		await logIn(page);
		await page.getByRole('navigation', { name: 'Areas' })
		    .getByRole('link', { name: 'Reports', exact: true }).click();
		await page.getByRole('link', { name: 'Policy engagement report' }).click();
		await page.getByRole('heading', { name: 'Policy engagement report', level: 1 }).waitFor();
		await showPeriod(page, '2024-07-01', '2025-06-30');
		await page.getByText('1 July 2024 to 30 June 2025, beside the same days a year earlier').waitFor();

		// The total: its list holds as many engagements.
		const totalLink = page.locator('#report-summary tr.total td.num a').first();
		const total = count(await totalLink.innerText());
		assert.ok(total > 0, 'the demo data has engagements in 2024-25');
		await Promise.all([page.waitForURL(/\/engagements\?/), totalLink.click()]);
		assert.equal(await listTotal(page), total);
		const u = new URL(page.url());
		assert.equal(u.searchParams.get('from'), '2024-07-01');
		assert.equal(u.searchParams.get('to'), '2025-06-30');
		await page.goBack();

		// A party's number: the list is filtered by party on the date.
		const labour = page.locator('#report-party tr', { hasText: 'Labour' }).first();
		const n = count(await labour.locator('td.num a').first().innerText());
		await Promise.all([page.waitForURL(/as_at=then/),
		    labour.locator('td.num a').first().click()]);
		assert.equal(await listTotal(page), n);
		assert.equal(await page.getByLabel('Party', { exact: true }).inputValue(), 'Labour');
		assert.equal(await page.getByLabel('Party and category', { exact: true }).inputValue(), 'then');
		await page.goBack();

		// Decision makers new to us, by keyboard: focus the link, press Enter.
		const fresh = page.locator('#report-summary tr', { hasText: 'new to us' })
		    .locator('td.num a').first();
		const m = count(await fresh.innerText());
		await fresh.focus();
		await Promise.all([page.waitForURL(/novelty=new/), page.keyboard.press('Enter')]);
		assert.equal(await listTotal(page), m);
		assert.equal(await page.getByLabel('Decision makers only').isChecked(), true);
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});

test('a date that does not exist is pointed out beside its field', async () => {
	const { context, page, problems } = await openPage();
	try {
		await logIn(page);
		const res = await page.goto(`${BASE_URL}/reports/engagement?from=2025-02-29&to=2025-06-30`);
		assert.equal(res.status(), 400);
		await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
		const from = page.getByLabel('First day', { exact: true });
		assert.equal(await from.getAttribute('aria-invalid'), 'true');
		assert.match(await page.locator('#f-from-error').innerText(), /That date does not exist/);
		assert.equal(await page.locator('table.report').count(), 0);
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});

test('on paper: A4, the numbers and the list, no controls', async () => {
	const { context, page, problems } = await openPage();
	try {
		await logIn(page);
		await page.goto(`${BASE_URL}/reports/engagement?from=2024-07-01&to=2025-06-30`);
		await page.emulateMedia({ media: 'print' });
		const hidden = async (sel) => page.locator(sel).first().evaluate(
		    (el) => getComputedStyle(el).display === 'none');
		assert.equal(await hidden('form.period'), true, 'no period form on paper');
		assert.equal(await hidden('nav.presets'), true, 'no presets on paper');
		assert.equal(await hidden('p.actions'), true, 'no download buttons on paper');
		assert.equal(await hidden('#report-party'), false, 'the tables print');
		assert.equal(await hidden('table.report-engagements'), false, 'the list prints');
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
		assert.ok(pdf.length > 10000, 'a PDF came out');
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});
