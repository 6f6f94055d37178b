// Browser tier: the APPG secretariat in Debian's chromium, driven by
// playwright-core, against the tracker tests/browser.test starts (with the
// demo data): record a meeting of the demo APPG through its labelled form
// (attendance, an outside speaker, an agenda item, an action), generate
// its minutes, edit, circulate and approve them at a later meeting, and
// find the "APPG meeting" engagement the meeting created on /engagements.
// Also: the group page's checks, and a print of the minutes without the
// page's chrome.  Tests are flat (no subtests) so that automake's TAP
// driver counts each.

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
const GROUP = 'APPG on Faith and Displacement';
const TIMEOUT = 15000;
const RUN = 'ba' + Date.now().toString(36) + Math.random().toString(36).slice(2, 5);

// The London date, offset days from today.
function day(offset = 0) {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
	    .format(new Date(Date.now() + offset * 86400000));
}

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

// A fresh context and page; problems the page reports are collected.
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

// Click a submit button and wait for the page its POST answers with.
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

// From /appg to the demo group's page.
async function openGroup(page) {
	await page.goto(`${BASE_URL}/appg`);
	await Promise.all([
		page.waitForURL(/\/appg\/\d+$/),
		page.getByRole('link', { name: GROUP, exact: true }).click(),
	]);
	await page.getByRole('heading', { name: GROUP, level: 1 }).waitFor();
	return Number(new URL(page.url()).pathname.split('/').pop());
}

// Mark a roster person present or sending apologies.
async function mark(page, legend, status) {
	await page.getByRole('group', { name: legend, exact: true })
	    .getByLabel(status, { exact: true }).check();
}

// Record a meeting through the form; returns its id.
async function recordMeeting(page, fill) {
	await openGroup(page);
	await Promise.all([
		page.waitForURL(/\/meetings\/new$/),
		page.getByRole('link', { name: 'Record a meeting' }).click(),
	]);
	await page.getByRole('heading', { name: 'Record a meeting', level: 1 }).waitFor();
	await fill();
	assert.equal(await submit(page, 'Save meeting'), 303, 'the meeting is saved');
	await page.waitForURL(/\/appg\/meetings\/\d+\?saved=1$/);
	await page.getByText('Saved.', { exact: true }).waitFor();
	return Number(new URL(page.url()).pathname.split('/').pop());
}

test('the demo APPG: officers, members and the rule checks on its page', async () => {
	const { context, page, problems } = await openPage();
	try {
		await logIn(page);
		await openGroup(page);
		await page.getByRole('heading', { name: 'Officers', level: 2 }).waitFor();
		assert.equal(await page.locator('table.officers tbody tr').count(), 4);
		assert.equal(await page.locator('table.members tbody tr').count(), 24);
		const checks = page.locator('#checks li.check');
		assert.equal(await checks.count(), 12);
		assert.ok(await page.locator('#checks li.check-pass').count() >= 10);
		await page.getByRole('link', { name: /rule checks (pass|fail) today/ }).click();
		assert.match(page.url(), /#checks$/);
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});

test('record a meeting, then generate, edit, circulate and approve its minutes, and find its engagement', async () => {
	const { context, page, problems } = await openPage();
	const title = `Evidence session ${RUN}`;
	try {
		await logIn(page);
		const id = await recordMeeting(page, async () => {
			await field(page, 'Kind of meeting').selectOption({ label: 'General meeting' });
			await field(page, 'Title (optional)').fill(title);
			await field(page, 'Date').fill(day());
			await field(page, 'Time (optional)').fill('14:00');
			await field(page, 'Place').fill('Committee Room 9, House of Commons');
			await field(page, 'Notice given in All-Party Notices on (optional)').fill(day(-8));
			await mark(page, 'Joseph Okonjo-Reid (Chair)', 'Present');
			await mark(page, 'Helen Marchbank (Member)', 'Present');
			await mark(page, 'Bethan Rowlands (Member)', 'Apologies');
			await page.locator('#f-guest_name_0').fill('Kwame Boateng');
			await page.locator('#f-guest_org_0').fill('Refugee Council');
			await page.locator('#f-guest_cap_0').selectOption('speaker');
			await page.locator('#f-item_title_0').fill('Earned settlement');
			await page.locator('#f-item_discussion_0').fill('Members heard evidence on **longer routes** to settlement.');
			await page.locator('#f-item_decision_0').fill('The Chair to write to the Home Secretary.');
			await page.locator('#f-act_action_0').fill(`Write to the Home Secretary ${RUN}`);
			await page.locator('#f-act_owner_0').fill('Chair');
			await page.locator('#f-act_due_0').fill(day(14));
		});
		const main = page.locator('main');
		assert.match(await main.innerText(), /Present\s+Joseph Okonjo-Reid \(Labour, House of Commons\)/);
		assert.match(await main.innerText(), /Kwame Boateng, Refugee Council \(speaker\)/);

		// A later meeting, where the minutes will be approved.
		await recordMeeting(page, async () => {
			await field(page, 'Title (optional)').fill(`Next session ${RUN}`);
			await field(page, 'Date').fill(day(7));
		});

		// Generate the minutes from the record.
		await page.goto(`${BASE_URL}/appg/meetings/${id}/minutes`);
		assert.match(await main.innerText(), /No minutes yet/);
		assert.equal(await submit(page, 'Generate the minutes'), 303);
		await page.getByText('Saved.', { exact: true }).waitFor();
		const minutes = page.locator('.minutes');
		await minutes.getByRole('heading', { name: 'Present', level: 2 }).waitFor();
		await minutes.getByRole('heading', { name: 'Apologies', level: 2 }).waitFor();
		assert.match(await minutes.innerText(), /Bethan Rowlands MP \(Plaid Cymru, House of Commons\)/);
		assert.match(await page.locator('.minutes-status').innerText(), /Draft \(version 1/);

		// Edit: a sentence added in Markdown.
		await Promise.all([
			page.waitForURL(/\/minutes\/edit$/),
			page.getByRole('link', { name: 'Edit', exact: true }).click(),
		]);
		const text = field(page, 'Minutes (Markdown)');
		await text.fill((await text.inputValue()).replace('## Actions',
		    `The Chair thanked **Kwame Boateng** ${RUN}.\n\n## Actions`));
		assert.equal(await submit(page, 'Save the minutes'), 303);
		await page.getByText('Saved.', { exact: true }).waitFor();
		assert.match(await page.locator('.minutes-status').innerText(), /Draft \(version 2/);
		assert.equal(await minutes.locator('strong', { hasText: 'Kwame Boateng' }).count(), 1);

		// Circulate, then approve at the later meeting: locked.
		assert.equal(await submit(page, 'Circulate'), 303);
		assert.match(await page.locator('.minutes-status').innerText(), new RegExp(`Circulated on ${day()}`));
		await field(page, 'Approved at the meeting of').selectOption({ label: `${day(7)}, Next session ${RUN}` });
		assert.equal(await submit(page, 'Approve (locks the minutes)'), 303);
		assert.match(await page.locator('.minutes-status').innerText(),
		    new RegExp(`Approved at the meeting of ${day(7)} \\(version 2\\)\\. Approved minutes are locked\\.`));
		assert.equal(await page.getByRole('link', { name: 'Edit', exact: true }).count(), 0);

		// Versions: both kept, and compared.
		await page.getByRole('link', { name: 'Versions' }).click();
		await page.getByRole('button', { name: 'Compare' }).click();
		await page.locator('table.diff tr.added', { hasText: `The Chair thanked **Kwame Boateng** ${RUN}.` }).waitFor();

		// The meeting's engagement is on /engagements, with who was present.
		await page.goto(`${BASE_URL}/engagements`);
		await field(page, 'Search').fill(RUN);
		await Promise.all([
			page.waitForURL((u) => u.pathname === '/engagements' && u.searchParams.get('q') === RUN),
			page.getByRole('button', { name: 'Filter', exact: true }).click(),
		]);
		const row = page.locator('table.list tbody tr', { hasText: `${GROUP}: ${title}` });
		assert.equal(await row.count(), 1, 'one engagement for the meeting');
		assert.match(await row.innerText(), /APPG meeting/);
		await row.getByRole('link', { name: `${GROUP}: ${title}` }).click();
		await page.waitForLoadState('load');	/* the whole table, not its start */
		await page.getByRole('heading', { name: `${GROUP}: ${title}`, level: 1 }).waitFor();
		const people = await page.locator('h2:text-is("People") + table tbody tr td:first-child')
		    .allInnerTexts();
		assert.deepEqual(people.map((p) => p.replace(/ \(.*\)$/, '')).sort(),
		    ['Helen Marchbank', 'Joseph Okonjo-Reid']);
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});

test('minutes print on A4 without the page chrome', async () => {
	const { context, page, problems } = await openPage();
	try {
		await logIn(page);
		await openGroup(page);
		await page.getByRole('link', { name: 'Inaugural meeting' }).click();
		await page.getByRole('link', { name: 'Minutes', exact: true }).click();
		// The click returns once the minutes page commits: wait for all of
		// it, stylesheets included, before reading what print shows.
		await page.waitForURL(/\/appg\/meetings\/\d+\/minutes$/);
		await page.waitForLoadState('load');
		await page.locator('.minutes h2', { hasText: 'Present' }).waitFor();
		await page.emulateMedia({ media: 'print' });
		assert.equal(await page.locator('.minutes-actions').isVisible(), false);
		assert.equal(await page.locator('nav[aria-label="Areas"]').isVisible(), false);
		assert.equal(await page.locator('main > h1').isVisible(), false);
		assert.equal(await page.locator('.minutes h2', { hasText: 'Present' }).isVisible(), true);
		const pdf = await page.pdf({ format: 'A4' });
		assert.ok(pdf.length > 1000, 'a PDF of the minutes');
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});
