// Browser tier: the board dashboard in Debian's chromium, driven by
// playwright-core, against the tracker (with its demo data) that
// tests/browser.test starts at $BASE_URL: following a year-to-date number
// and a chart's bar to their engagements and counting the list, freezing
// a month for the board through the page's own form, and the page on
// paper.  Tests are flat (no subtests) so that automake's TAP driver
// counts each.

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

// A fresh context and page, logged in as demo through the form; what the
// page reports (script errors, CSP violations, failed loads) is kept in
// problems.  The caller closes the context.
async function loggedInPage() {
	const context = await browser.newContext();
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
	await page.goto(`${BASE_URL}/login`);
	await page.getByLabel('Username').fill(DEMO.username);
	await page.getByLabel('Password').fill(DEMO.password);
	await Promise.all([
		page.waitForURL(`${BASE_URL}/`),
		page.getByRole('button', { name: 'Log in' }).click(),
	]);
	return { context, page, problems };
}

// The engagement list's own count, and its rows on this page.
async function listed(page) {
	const status = await page.getByRole('status').filter({ hasText: /engagements?$/ })
	    .innerText();
	const m = status.match(/^(\d+) engagements?$/);
	assert.ok(m, `the list says how many: "${status}"`);
	return { total: Number(m[1]), rows: await page.locator('table.list tbody tr').count() };
}

test('a number on the dashboard opens exactly the engagements it counts', async () => {
	const { context, page, problems } = await loggedInPage();
	try {
		await page.getByRole('navigation', { name: 'Areas' })
		    .getByRole('link', { name: 'Reports', exact: true }).click();
		await page.getByRole('link', { name: 'Board dashboard' }).click();
		// The months on offer are the shown year's: choose the year first.
		await page.getByLabel('Strategy year').selectOption('2024-25');
		await Promise.all([
			page.waitForURL(/\/reports\/dashboard\?year=2024-25&month=/),
			page.getByRole('button', { name: 'Show', exact: true }).click(),
		]);
		await page.getByLabel('Figures to the end of').selectOption('2025-06');
		await Promise.all([
			page.waitForURL(/\/reports\/dashboard\?year=2024-25&month=2025-06$/),
			page.getByRole('button', { name: 'Show', exact: true }).click(),
		]);
		await page.getByRole('heading', { name: 'Board dashboard 2024-25: June 2025' })
		    .waitFor();
		const link = page.getByRole('link', { name: /^A1c year to date: \d+, show the engagements$/ });
		const number = Number(await link.innerText());
		assert.ok(number > 0, 'the demo data has broadcast and print engagements');
		await Promise.all([
			page.waitForURL(/\/engagements\?kpi=\d+&from=2024-07-01&to=2025-06-30$/),
			link.click(),
		]);
		const l = await listed(page);
		assert.equal(l.total, number, 'the list says as many as the dashboard');
		assert.equal(l.rows, number, 'and shows them all');
		await page.getByText(new RegExp(`What KPI A1c counts: .* ${number} engagements counted from 2024-07-01 to 2025-06-30`)).waitFor();
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});

test('a bar of a chart is a link to its month, reachable from the keyboard', async () => {
	const { context, page, problems } = await loggedInPage();
	try {
		await page.goto(`${BASE_URL}/reports/dashboard?year=2024-25&month=2025-06`);
		const row = page.locator('tr.kpi', { has: page.locator('span.code', { hasText: /^A1d$/ }) });
		const bar = row.getByRole('link', { name: /^August 2024: \d+, show the engagements$/ });
		const label = await bar.getAttribute('aria-label');
		const number = Number(label.match(/: (\d+),/)[1]);
		await bar.focus();
		assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
		    label, 'the bar takes the focus');
		await Promise.all([
			page.waitForURL(/\/engagements\?kpi=\d+&from=2024-08-01&to=2024-08-31$/),
			page.keyboard.press('Enter'),
		]);
		const l = await listed(page);
		assert.equal(l.total, number);
		assert.equal(l.rows, number);
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});

test('freezing a month for the board keeps it among the board packs', async () => {
	const { context, page, problems } = await loggedInPage();
	try {
		await page.goto(`${BASE_URL}/reports/dashboard?year=2024-25&month=2025-03`);
		const ytd = await page.getByRole('link', { name: /^A5a year to date: / }).innerText();
		await Promise.all([
			page.waitForURL(/\/reports\/snapshots\/\d+\?frozen=1$/),
			page.getByRole('button', { name: 'Freeze March 2025 for the board' }).click(),
		]);
		await page.getByText('Frozen. This is the board pack for the month').waitFor();
		await page.getByText(/^Frozen for the board on \d{4}-\d\d-\d\d at \d\d:\d\d UTC by demo\./).waitFor();
		const row = page.locator('tr.kpi', { has: page.locator('span.code', { hasText: /^A5a$/ }) });
		assert.equal((await row.locator('td').nth(2).innerText()).trim(), ytd,
		    'the frozen figure is the one the dashboard showed');
		assert.equal(await page.getByRole('button', { name: /^Freeze / }).count(), 0);
		const url = new URL(page.url()).pathname;
		await page.getByRole('link', { name: 'All frozen board packs' }).click();
		assert.equal(await page.locator(`a[href="${url}"]`).innerText(), 'March 2025',
		    'the pack is listed under its month');
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});

test('on paper the dashboard is the figures only, on A4', async () => {
	const { context, page, problems } = await loggedInPage();
	try {
		await page.goto(`${BASE_URL}/reports/dashboard?year=2024-25&month=2025-06`);
		await page.emulateMedia({ media: 'print' });
		const shown = async (selector) => page.locator(selector).first()
		    .evaluate((e) => getComputedStyle(e).display !== 'none');
		assert.equal(await shown('form.freeze'), false, 'no freeze button on paper');
		assert.equal(await shown('form.filters'), false, 'no year choice on paper');
		assert.equal(await shown('.site-header nav'), false, 'no navigation on paper');
		assert.equal(await shown('table.kpis'), true, 'the figures are');
		assert.equal(await shown('svg.chart'), true, 'and the charts');
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		assert.ok(pdf.length > 10000, 'it prints to an A4 PDF');
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});
