// Browser tier: importing people from a CSV file through /admin/import,
// in Debian's chromium driven by playwright-core against $BASE_URL.
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

async function openPage() {
	const context = await browser.newContext();
	context.setDefaultTimeout(TIMEOUT);
	const page = await context.newPage();
	const problems = [];
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
			problems.push(`console: ${m.text()}`);
	});
	return { context, page, problems };
}

// Log in as demo through the labelled login form.
async function logIn(page) {
	await page.goto(`${BASE_URL}/login`);
	await page.getByLabel('Username').fill(DEMO.username);
	await page.getByLabel('Password').fill(DEMO.password);
	await Promise.all([
		page.waitForURL(`${BASE_URL}/`),
		page.getByRole('button', { name: 'Log in' }).click(),
	]);
}

test('upload a CSV file, check the preview, import, find the people on /people', async () => {
	const { context, page, problems } = await openPage();
	const tok = `Brw${Date.now().toString(36)}`;
	const csv = `name,category,role,notes\r\n${tok} Alpha,Journalist,Editor,"Met, twice"\r\n` +
	    `${tok} Beta,faith_leader,,\r\n${tok} Gamma,Coalition partner,,\r\n`;
	try {
		await logIn(page);
		await page.goto(`${BASE_URL}/admin/import`);
		await page.getByRole('heading', { name: 'Import people', level: 1 }).waitFor();
		await page.getByLabel('CSV file').setInputFiles({
			name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv),
		});
		const [res] = await Promise.all([
			page.waitForResponse((r) => new URL(r.url()).pathname === '/admin/import/preview'),
			page.getByRole('button', { name: 'Preview' }).click(),
		]);
		assert.equal(res.status(), 200);
		await page.waitForLoadState('load');	/* the whole table, not its start */
		await page.getByRole('heading', { name: 'Import people: preview', level: 1 }).waitFor();
		const table = page.locator('table.import-preview');
		assert.match(await table.innerText(), new RegExp(`${tok} Alpha`));
		assert.match(await table.innerText(), new RegExp(`${tok} Gamma`));

		const [applied] = await Promise.all([
			page.waitForResponse((r) => new URL(r.url()).pathname === '/admin/import/apply'),
			page.getByRole('button', { name: 'Import 3 people' }).click(),
		]);
		assert.equal(applied.status(), 303);
		await page.waitForURL(/\/people\?saved=1$/);

		await page.goto(`${BASE_URL}/people?q=${encodeURIComponent(tok)}`);
		const main = await page.locator('main').innerText();
		for (const who of ['Alpha', 'Beta', 'Gamma'])
			assert.match(main, new RegExp(`${tok} ${who}`));
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});

test('a file with a bad row shows the problem beside it and imports nothing', async () => {
	const { context, page, problems } = await openPage();
	const tok = `Brx${Date.now().toString(36)}`;
	try {
		await logIn(page);
		await page.goto(`${BASE_URL}/admin/import`);
		await page.getByLabel('CSV file').setInputFiles({
			name: 'bad.csv', mimeType: 'text/csv',
			buffer: Buffer.from(`name,category\n${tok} Ok,mp\n${tok} Bad,astronaut\n`),
		});
		const [res] = await Promise.all([
			page.waitForResponse((r) => new URL(r.url()).pathname === '/admin/import/preview'),
			page.getByRole('button', { name: 'Preview' }).click(),
		]);
		assert.equal(res.status(), 400);
		await page.waitForLoadState('load');
		assert.match(await page.getByRole('alert').innerText(),
		    /1 row has problems; nothing was imported/);
		assert.match(await page.locator('table.import-preview').innerText(),
		    /"astronaut" is not a category/);
		assert.equal(await page.getByRole('button', { name: /^Import \d+ people$/ }).count(), 0);
		await page.goto(`${BASE_URL}/people?q=${encodeURIComponent(tok)}`);
		assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(`${tok} Ok`));
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});
