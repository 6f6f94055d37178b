// Browser tier: confidential engagements (issue 11, part 5), in Debian's
// chromium driven by playwright-core.  An admin logs one through the form
// with "Confidential (casework detail)" ticked, beside an open one on the
// same day; a viewer then goes through every page they can reach from
// there (the list, its search, the engagement, its history, the person's
// page, the policy engagement report, and the CSV and JSON behind their
// links) and never finds its text, yet sees it counted: the list says 2
// engagements and the report's total is 2.  Its author reads it all.
//
// The engagements are dated September 2007, which nothing else in the
// browser suite uses, and carry words unique to this run.  Tests are flat
// so that automake's TAP driver counts each.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
if (!BASE_URL)
	throw new Error('BASE_URL is not set: run these tests through tests/browser.test');
if (!process.env.PLAYWRIGHT_CORE)
	throw new Error('PLAYWRIGHT_CORE is not set: run these tests through tests/browser.test');

const { chromium } = createRequire(import.meta.url)(process.env.PLAYWRIGHT_CORE);

const DEMO = { username: 'demo', password: 'demo', name: 'Demo User' };
const TIMEOUT = 15000;
const RUN = 'cb' + Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
// A viewer of this file's own (other files make "viewer").
const VIEWER = { username: `${RUN}v`, password: `${RUN}v-pass-123`, name: `Viewer ${RUN}` };
const MONTH = { from: '2007-09-01', to: '2007-09-30' };
const WORDS = {
	title: `${RUN}title`, summary: `${RUN}summary`, outcome: `${RUN}outcome`,
	action: `${RUN}action`,
};
const PERSON = `Pat ${RUN}`;

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

async function logIn(page, user) {
	await page.goto(`${BASE_URL}/login`);
	await page.getByLabel('Username').fill(user.username);
	await page.getByLabel('Password').fill(user.password);
	const [res] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Log in' }).click(),
	]);
	assert.equal(res.status(), 303, `log in as ${user.username}`);
	await page.waitForURL(`${BASE_URL}/`);
}

async function submit(page, name) {
	const [res] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' &&
		    r.request().resourceType() === 'document'),
		page.getByRole('button', { name, exact: true }).click(),
	]);
	await page.waitForLoadState('load');
	return res.status();
}

const field = (page, label) => page.getByLabel(label, { exact: true });

// Fill in the open form's common fields and save it; returns its id.
async function logEngagement(page, title, summary, outcome) {
	await page.goto(`${BASE_URL}/engagements/new`);
	await field(page, 'Date').fill('2007-09-12');
	await field(page, 'Type').selectOption({ label: 'Meeting' });
	await field(page, 'Title').fill(title);
	await field(page, 'People').fill(PERSON);
	assert.equal(await submit(page, 'Add person'), 200, `${PERSON} is added`);
	await field(page, 'Summary').fill(summary);
	await field(page, 'Outcome').fill(outcome);
	return page;
}

async function save(page) {
	assert.equal(await submit(page, 'Save'), 303);
	await page.waitForURL(/\/engagements\/\d+\?saved=1$/);
	return Number(new URL(page.url()).pathname.split('/')[2]);
}

// The admin makes the viewer, the person, and the two engagements, once.
let made;
function setUp() {
	made ??= (async () => {
		const { context, page } = await openPage();
		try {
			await logIn(page, DEMO);
			await page.goto(`${BASE_URL}/admin/users/new`);
			await field(page, 'Username').fill(VIEWER.username);
			await field(page, 'Full name').fill(VIEWER.name);
			await field(page, 'Role').selectOption('viewer');
			await field(page, 'Password').fill(VIEWER.password);
			await field(page, 'Repeat password').fill(VIEWER.password);
			assert.equal(await submit(page, 'Add user'), 303, 'the viewer is made');

			await page.goto(`${BASE_URL}/people/new`);
			await field(page, 'Name').fill(PERSON);
			await field(page, 'Category').selectOption({ label: 'MP' });
			await field(page, 'Lawful basis').selectOption('public_role');
			await field(page, 'Source').fill('UK Parliament register');
			assert.equal(await submit(page, 'Save'), 303, `${PERSON} is made`);

			await logEngagement(page, `Casework ${WORDS.title}`,
			    `Ms A's claim: ${WORDS.summary}`, `Agreed ${WORDS.outcome}`);
			await page.locator('[name="fu_action_0"]').fill(`Send ${WORDS.action}`);
			const box = field(page, 'Confidential (casework detail)');
			assert.equal(await box.isChecked(), false, 'not confidential unless ticked');
			await box.check();
			const hint = await page.locator('#f-confidential-hint').innerText();
			assert.match(hint, /only its author, the staff present and admins/i);
			const secret = await save(page);

			await logEngagement(page, `Briefing ${RUN}`, 'Support rates', '');
			const open = await save(page);
			return { secret, open };
		} finally {
			await context.close();
		}
	})();
	return made;
}

async function asViewer(fn) {
	const ids = await setUp();
	const { context, page, problems } = await openPage();
	try {
		await logIn(page, VIEWER);
		await fn(page, ids);
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
}

// Neither the page's text nor its HTML holds a word of the hidden text.
async function assertNothingHidden(page, where) {
	const html = await page.content();
	for (const [k, w] of Object.entries(WORDS))
		assert.ok(!html.includes(w), `${where}: its ${k} is hidden`);
}

const listUrl = `${BASE_URL}/engagements?from=${MONTH.from}&to=${MONTH.to}`;
const reportUrl = `${BASE_URL}/reports/engagement?from=${MONTH.from}&to=${MONTH.to}`;

test('a viewer sees the confidential engagement counted on the list, without its text', async () => {
	await asViewer(async (page, { secret }) => {
		await page.goto(listUrl);
		assert.equal(await page.getByRole('status').innerText(), '2 engagements');
		const link = page.locator(`table.list a[href="/engagements/${secret}"]`);
		assert.equal(await link.innerText(), 'Confidential engagement');
		await assertNothingHidden(page, 'the list');

		// Its people are shown: it counts by them.
		const row = page.locator('table.list tbody tr', {
			has: page.locator(`a[href="/engagements/${secret}"]`),
		});
		assert.match(await row.innerText(), new RegExp(PERSON));

		// A search by its hidden words finds nothing.
		for (const w of Object.values(WORDS)) {
			await page.goto(`${BASE_URL}/engagements`);
			await field(page, 'Search').fill(w);
			await Promise.all([
				page.waitForURL((u) => u.searchParams.get('q') === w),
				page.getByRole('button', { name: 'Filter', exact: true }).click(),
			]);
			assert.equal(await page.getByRole('status').innerText(), '0 engagements');
		}
	});
});

test('a viewer opening it, its history and the person reads no text of it', async () => {
	await asViewer(async (page, { secret }) => {
		await page.goto(listUrl);
		await Promise.all([
			page.waitForURL(`${BASE_URL}/engagements/${secret}`),
			page.locator(`table.list a[href="/engagements/${secret}"]`).click(),
		]);
		await page.getByRole('heading', { name: 'Confidential engagement', level: 1 }).waitFor();
		assert.match(await page.locator('main').innerText(), /This engagement is confidential/);
		await assertNothingHidden(page, 'the engagement');
		assert.equal(await page.getByRole('link', { name: 'Edit' }).count(), 0);

		await Promise.all([
			page.waitForURL(`${BASE_URL}/engagements/${secret}/history`),
			page.getByRole('link', { name: 'History' }).click(),
		]);
		await assertNothingHidden(page, 'its history');

		await page.goto(`${BASE_URL}/engagements/${secret}`);
		await Promise.all([
			page.waitForURL(/\/people\/\d+$/),
			page.getByRole('link', { name: PERSON }).first().click(),
		]);
		await assertNothingHidden(page, "the person's page");
		assert.match(await page.locator('main').innerText(), /Confidential engagement/);

		const edit = await page.goto(`${BASE_URL}/engagements/${secret}/edit`);
		assert.equal(edit.status(), 403, 'a viewer has no form to open');
		await assertNothingHidden(page, 'the refused form');
	});
});

test("a viewer sees it in the report's total and list, and in the CSV and JSON, without its text", async () => {
	await asViewer(async (page, { secret }) => {
		await page.goto(reportUrl);
		const total = page.locator('#report-summary tr.total td.num').first();
		assert.equal((await total.innerText()).trim(), '2', 'the report counts it');
		assert.ok(await page.locator(`a[href="/engagements/${secret}"]`).count() > 0,
		    'the report lists it');
		await assertNothingHidden(page, 'the report');

		const json = await page.request.get(`${reportUrl}&format=json`);
		assert.equal(json.status(), 200);
		const body = await json.text();
		for (const w of Object.values(WORDS))
			assert.ok(!body.includes(w), 'the JSON report hides it');
		assert.equal(JSON.parse(body).total, 2);

		const csv = await page.request.get(`${BASE_URL}/engagements.csv?from=${MONTH.from}&to=${MONTH.to}`);
		assert.equal(csv.status(), 200);
		const text = await csv.text();
		for (const w of Object.values(WORDS))
			assert.ok(!text.includes(w), 'the CSV hides it');
		assert.match(text, /Confidential engagement/);
	});
});

test('its author reads the text the viewer cannot', async () => {
	const { secret } = await setUp();
	const { context, page } = await openPage();
	try {
		await logIn(page, DEMO);
		await page.goto(`${BASE_URL}/engagements/${secret}`);
		const main = await page.locator('main').innerText();
		for (const w of Object.values(WORDS))
			assert.ok(main.includes(w), `the author reads ${w}`);
		await page.goto(listUrl);
		assert.equal(await page.getByRole('status').innerText(), '2 engagements');
		await page.goto(`${BASE_URL}/engagements/${secret}/edit`);
		assert.equal(await field(page, 'Confidential (casework detail)').isChecked(), true);
	} finally {
		await context.close();
	}
});
