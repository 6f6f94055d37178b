// Browser tier: engagements in Debian's chromium, driven by playwright-core,
// against the tracker that tests/browser.test starts at $BASE_URL: logging
// one through the labelled form and finding it on the list and in the CSV,
// adding people from the form (a new one and a known one), an edit
// conflict between two sessions, and what a viewer may not do.
//
// Every record made here has a unique name, found again by searching, so
// the demo data never matters.  Tests are flat (no subtests) so that
// automake's TAP driver counts each.

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
// tests/browser.test makes no viewer: the first test that needs one adds
// it through the admin pages.
const VIEWER = { username: 'viewer', password: 'viewer-pass-123', name: 'Vera Viewer' };
const TIMEOUT = 15000;
const RUN = 'br' + Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
let seq = 0;
const token = () => `${RUN}t${++seq}`;

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

// A fresh context (own cookies) and page; problems the page reports
// (script errors, CSP violations, failed loads of our own files) are
// collected in `problems`.  Always closed by the caller's finally.
async function openPage(options = {}) {
	const context = await browser.newContext(options);
	context.setDefaultTimeout(TIMEOUT);
	const page = await context.newPage();
	const problems = [];
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	// Chromium logs every 4xx page as "Failed to load resource"; those are
	// checked through their status instead.
	page.on('console', (m) => {
		if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
			problems.push(`console: ${m.text()}`);
	});
	// A type-ahead search still on its way when the form is saved (or the
	// list closes) is cancelled by the browser or the script: not a fault.
	page.on('requestfailed', (r) => {
		if (new URL(r.url()).pathname === '/people/search.json' &&
		    r.failure()?.errorText === 'net::ERR_ABORTED')
			return;
		problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
	});
	page.on('response', (r) => {
		const u = new URL(r.url());
		if (u.pathname.startsWith('/static/') && r.status() >= 400)
			problems.push(`${r.status()} for ${u.pathname}`);
	});
	return { context, page, problems };
}

// Log in through the labelled form; ends on the home page.
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
	await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
}

// Click a submit button and wait for the page its POST answers with;
// returns that response's status.
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

// The engagement number of a detail page's address.
function engagementId(page) {
	const m = new URL(page.url()).pathname.match(/^\/engagements\/(\d+)$/);
	assert.ok(m, `on an engagement's page: ${page.url()}`);
	return Number(m[1]);
}

// Fill in and save the engagement form (already open); returns its id.
async function saveForm(page) {
	assert.equal(await submit(page, 'Save'), 303, 'Save answers 303');
	await page.waitForURL(/\/engagements\/\d+\?saved=1$/);
	await page.getByText('Saved.', { exact: true }).waitFor();
	return engagementId(page);
}

// Search the list for `q` with the filter form; returns the table rows.
async function search(page, q) {
	await page.goto(`${BASE_URL}/engagements`);
	await field(page, 'Search').fill(q);
	await Promise.all([
		page.waitForURL((u) => u.pathname === '/engagements' && u.searchParams.get('q') === q),
		page.getByRole('button', { name: 'Filter', exact: true }).click(),
	]);
	return page.locator('table.list tbody tr');
}

// The cells' text of each row of the detail page's People table.
async function peopleTable(page) {
	const rows = page.locator('h2:text-is("People") + table tbody tr');
	const out = [];
	for (let i = 0; i < await rows.count(); i++)
		out.push((await rows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim()));
	return out;
}

// Type a name into People and press "Add person"; returns the status.
async function addPerson(page, name) {
	await field(page, 'People').fill(name);
	return submit(page, 'Add person');
}

// Type an unknown name, press "Add person", then add them to the
// directory through the new-person fieldset.
async function addNewPerson(page, name, category, party) {
	assert.equal(await addPerson(page, name), 400, `${name} is not in the directory yet`);
	const alert = page.locator('#f-people-error');
	assert.match(await alert.innerText(), new RegExp(`No one called \u201c${name}\u201d is in the directory`));
	await page.getByRole('group', { name: 'Add a new person to the directory' }).waitFor();
	assert.equal(await field(page, "New person's name").inputValue(), name);
	await field(page, 'Their category').selectOption({ label: category });
	await field(page, 'Their party (if any)').fill(party);
	assert.equal(await submit(page, 'Add new person'), 200);
	const box = page.getByLabel(party ? `${name} (${party})` : name, { exact: true });
	assert.ok(await box.isChecked(), `${name} is ticked on the form`);
	assert.equal(await page.locator('#f-people-error').count(), 0, 'no message any more');
}

// Make the viewer account through the admin pages, once.
let viewerMade;
function makeViewer() {
	viewerMade ??= (async () => {
		const { context, page } = await openPage();
		try {
			await logIn(page, DEMO);
			await page.goto(`${BASE_URL}/admin/users/new`);
			await field(page, 'Username').fill(VIEWER.username);
			await field(page, 'Full name').fill(VIEWER.name);
			await field(page, 'Role').selectOption('viewer');
			await field(page, 'Password').fill(VIEWER.password);
			await field(page, 'Repeat password').fill(VIEWER.password);
			assert.equal(await submit(page, 'Add user'), 303, 'the viewer account is made');
		} finally {
			await context.close();
		}
	})();
	return viewerMade;
}

test('log an engagement through the form, then find it on the list and in the CSV', async () => {
	const { context, page, problems } = await openPage();
	const title = `Meeting on UASC ${token()}`;
	try {
		await logIn(page, DEMO);
		await page.goto(`${BASE_URL}/engagements`);
		await Promise.all([
			page.waitForURL(`${BASE_URL}/engagements/new`),
			page.getByRole('link', { name: 'Log an engagement' }).click(),
		]);
		await page.getByRole('heading', { name: 'Log an engagement', level: 1 }).waitFor();
		await field(page, 'Date').fill('2024-05-14');
		await field(page, 'Type').selectOption({ label: 'Meeting' });
		await field(page, 'Title').fill(title);
		await field(page, 'Summary').fill('Discussed **funding** for the project.\n\n- next steps agreed');
		const id = await saveForm(page);
		await page.getByRole('heading', { name: title, level: 1 }).waitFor();
		assert.match(await page.locator('main').innerText(), /2024-05-14/);
		assert.equal(await page.locator('.markdown strong').first().innerText(), 'funding');

		// On the list, found by searching.
		const rows = await search(page, title);
		assert.equal(await rows.count(), 1);
		const cells = await rows.first().locator('td').allInnerTexts();
		assert.deepEqual(cells.slice(0, 3).map((c) => c.trim()), ['2024-05-14', 'Meeting', title]);
		const link = rows.first().getByRole('link', { name: title });
		assert.equal(await link.getAttribute('href'), `/engagements/${id}`);

		// In the CSV, fetched with the browser's cookies: the filtered
		// download the list links to, and the whole export.
		const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
		const u = new URL(href, BASE_URL);
		assert.equal(u.pathname, '/engagements.csv');
		assert.equal(u.searchParams.get('q'), title);
		const filtered = await page.request.get(u.href);
		assert.equal(filtered.status(), 200);
		assert.match(filtered.headers()['content-type'], /^text\/csv/);
		assert.match(filtered.headers()['content-disposition'] || '', /^attachment/);
		assert.equal(await filtered.text(),
		    `Date,Time,Type,Title,People,Parties,New to us\r\n2024-05-14,,Meeting,${title},,,\r\n`);
		const all = await page.request.get(`${BASE_URL}/engagements.csv`);
		assert.equal(all.status(), 200);
		assert.ok((await all.text()).split('\r\n').includes(`2024-05-14,,Meeting,${title},,,`),
		    'the whole export has the row');
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});

test('a meeting with two people: one added to the directory from the form, one already there', async () => {
	const { context, page, problems } = await openPage();
	const tok = token();
	const known = `Ruth Known ${tok}`;
	const fresh = `Omar Fresh ${tok}`;
	const title = `Two people ${tok}`;
	try {
		await logIn(page, DEMO);

		// Earlier, through the same flow: Ruth's first engagement.
		await page.goto(`${BASE_URL}/engagements/new`);
		await field(page, 'Date').fill('2024-01-10');
		await field(page, 'Title').fill(`Ruth's first ${tok}`);
		await addNewPerson(page, known, 'Peer', 'Green');
		await saveForm(page);

		// Now the meeting: a new name, then a known one.
		await page.goto(`${BASE_URL}/engagements/new`);
		await field(page, 'Date').fill('2024-02-20');
		await field(page, 'Type').selectOption({ label: 'Meeting' });
		await field(page, 'Title').fill(title);
		await field(page, 'Summary').fill('Typed before adding people.');
		await addNewPerson(page, fresh, 'MP', 'Labour');
		assert.equal(await field(page, 'Title').inputValue(), title, 'the title is kept');
		assert.equal(await field(page, 'Summary').inputValue(), 'Typed before adding people.');
		assert.equal(await addPerson(page, known), 200, `${known} is in the directory`);
		assert.ok(await page.getByLabel(`${fresh} (Labour)`, { exact: true }).isChecked());
		assert.ok(await page.getByLabel(`${known} (Green)`, { exact: true }).isChecked());
		assert.equal(await field(page, 'People').inputValue(), '');
		const id = await saveForm(page);

		assert.deepEqual((await peopleTable(page)).sort(), [
			[`${fresh} (Labour)`, 'MP', 'New: first engagement with us'],
			[`${known} (Green)`, 'Peer', 'Existing'],
		].sort());

		const rows = await search(page, title);
		assert.equal(await rows.count(), 1);
		const row = rows.first();
		assert.equal(await row.getByRole('link', { name: title }).getAttribute('href'), `/engagements/${id}`);
		const people = (await row.locator('td').nth(3).locator('li').allInnerTexts())
		    .map((t) => t.replace(/\s+/g, ' ').trim()).sort();
		assert.deepEqual(people, [`${fresh} (Labour)new`, `${known} (Green)existing`].sort());
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});

test('an edit conflict between two sessions: the second save sees both versions, then saves again and wins', async () => {
	const a = await openPage();
	const b = await openPage();
	const tok = token();
	try {
		await logIn(a.page, DEMO);
		await logIn(b.page, DEMO);
		await a.page.goto(`${BASE_URL}/engagements/new`);
		await field(a.page, 'Date').fill('2024-06-01');
		await field(a.page, 'Title').fill(`Conflict original ${tok}`);
		const id = await saveForm(a.page);

		for (const { page } of [a, b]) {
			await page.goto(`${BASE_URL}/engagements/${id}/edit`);
			await page.getByRole('heading', { name: 'Edit engagement', level: 1 }).waitFor();
		}
		await field(a.page, 'Title').fill(`First session's title ${tok}`);
		await saveForm(a.page);
		await a.page.getByRole('heading', { name: `First session's title ${tok}`, level: 1 }).waitFor();

		await field(b.page, 'Title').fill(`Second session's title ${tok}`);
		assert.equal(await submit(b.page, 'Save'), 409);
		const alert = b.page.getByRole('alert');
		await alert.getByRole('heading', { name: 'Someone else saved this record first' }).waitFor();
		const table = b.page.locator('table.conflict');
		assert.deepEqual((await table.locator('thead th').allInnerTexts()).map((t) => t.trim()),
		    ['Field', 'Your version', 'Saved version']);
		const titleRow = table.locator('tbody tr', { hasText: 'Title' });
		assert.deepEqual((await titleRow.locator('th, td').allInnerTexts()).map((t) => t.trim()),
		    ['Title (differs)', `Second session's title ${tok}`, `First session's title ${tok}`]);
		assert.equal(await field(b.page, 'Title').inputValue(), `Second session's title ${tok}`,
		    'the form keeps what the second session typed');

		await saveForm(b.page);
		await b.page.getByRole('heading', { name: `Second session's title ${tok}`, level: 1 }).waitFor();
		await a.page.goto(`${BASE_URL}/engagements/${id}`);
		await a.page.getByRole('heading', { name: `Second session's title ${tok}`, level: 1 }).waitFor();
		assert.deepEqual([...a.problems, ...b.problems], []);
	} finally {
		await a.context.close();
		await b.context.close();
	}
});

test('a viewer sees no "Log an engagement", gets a 403 page on the form, and a POST from the page fails', async () => {
	await makeViewer();
	const tok = token();
	const title = `Viewer can read ${tok}`;
	const ed = await openPage();
	const v = await openPage();
	try {
		await logIn(ed.page, DEMO);
		await ed.page.goto(`${BASE_URL}/engagements/new`);
		await field(ed.page, 'Date').fill('2024-07-01');
		await field(ed.page, 'Title').fill(title);
		const id = await saveForm(ed.page);

		const { page } = v;
		await logIn(page, VIEWER);
		await page.goto(`${BASE_URL}/engagements`);
		await page.getByRole('heading', { name: 'Engagements', level: 1 }).waitFor();
		assert.equal(await page.getByRole('link', { name: 'Log an engagement' }).count(), 0);
		assert.ok(await page.getByRole('link', { name: 'Download CSV' }).isVisible());

		const res = await page.goto(`${BASE_URL}/engagements/new`);
		assert.equal(res.status(), 403);
		await page.getByText('Your role does not allow this page.').waitFor();
		assert.equal(await page.getByLabel('Title', { exact: true }).count(), 0, 'no form');

		const rows = await search(page, title);
		assert.equal(await rows.count(), 1);
		await Promise.all([
			page.waitForURL(`${BASE_URL}/engagements/${id}`),
			rows.first().getByRole('link', { name: title }).click(),
		]);
		await page.getByRole('heading', { name: title, level: 1 }).waitFor();
		for (const name of ['Edit', 'Delete', 'Restore'])
			assert.equal(await page.getByRole('main').getByRole('button', { name, exact: true }).count()
			    + await page.getByRole('main').getByRole('link', { name, exact: true }).count(), 0, name);

		// A form the page did not offer: delete, with the session's token.
		const [post] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.evaluate((action) => {
				const f = document.createElement('form');
				f.method = 'post';
				f.action = action;
				const csrf = document.createElement('input');
				csrf.type = 'hidden';
				csrf.name = 'csrf';
				csrf.value = document.querySelector('form[action="/logout"] input[name="csrf"]').value;
				f.append(csrf);
				document.body.append(f);
				f.submit();
			}, `/engagements/${id}/delete`),
		]);
		assert.equal(post.status(), 403);
		await page.waitForLoadState('load');
		await page.getByText('Your role does not allow this page.').waitFor();
		// And through the page's own request context, a new engagement.
		const csrf = await page.locator('form[action="/logout"] input[name="csrf"]').getAttribute('value');
		const made = await page.request.post(`${BASE_URL}/engagements/new`, {
			form: { csrf, date: '2024-07-02', type: 'meeting', title: `Viewer made ${tok}`, op: 'save' },
			maxRedirects: 0,
		});
		assert.equal(made.status(), 403);

		// Nothing changed.
		await ed.page.goto(`${BASE_URL}/engagements/${id}`);
		assert.equal(await ed.page.getByText('This engagement is deleted').count(), 0);
		assert.equal(await (await search(ed.page, `Viewer made ${tok}`)).count(), 0);
		assert.deepEqual([...ed.problems, ...v.problems], []);
	} finally {
		await ed.context.close();
		await v.context.close();
	}
});

// Type text into the focused field, key by key, and wait for the
// type-ahead's answer to the whole of it (earlier answers may come first).
async function typeAndWait(page, text) {
	const answered = page.waitForResponse((r) => {
		const u = new URL(r.url());
		return u.pathname === '/people/search.json' && u.searchParams.get('q') === text;
	});
	await page.keyboard.type(text);
	assert.equal((await answered).status(), 200);
}

// The options the list shows once it shows `want`, or after 10 s what it
// shows then.  The answer for the whole text has come (typeAndWait), but
// the script may not have drawn it yet, and the list may still show the
// answer to a shorter text typed before it.
async function settledOptions(list, want) {
	const texts = async () => (await list.getByRole('option').allInnerTexts())
	    .map((t) => t.replace(/\s+/g, ' ').trim());
	const deadline = Date.now() + 10000;
	let got = await texts();
	while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 50));
		got = await texts();
	}
	return got;
}

test('with the script, People offers directory matches as you type; picking with the keyboard adds each at once and saves them', async () => {
	const { context, page, problems } = await openPage();
	const tok = token();
	const first = `Ada Picked ${tok}`;
	const second = `Ben Picked ${tok}`;
	const title = `Type-ahead ${tok}`;
	try {
		await logIn(page, DEMO);
		// Put both in the directory (through the no-script flow).
		await page.goto(`${BASE_URL}/engagements/new`);
		await field(page, 'Date').fill('2024-03-01');
		await field(page, 'Title').fill(`Setup ${tok}`);
		await addNewPerson(page, first, 'MP', 'Labour');
		await addNewPerson(page, second, 'Peer', '');
		await saveForm(page);

		await page.goto(`${BASE_URL}/engagements/new`);
		assert.equal(await page.locator('datalist').count(), 0, 'no list of people in the page');
		await field(page, 'Date').fill('2024-03-02');
		await field(page, 'Title').fill(title);
		let posts = 0;
		page.on('request', (r) => { if (r.method() === 'POST') posts++; });
		const url = page.url();
		const people = page.getByRole('combobox', { name: 'People' });
		const list = page.getByRole('listbox', { name: 'Matching people' });
		// Words in any order, any case: both are offered, by name.
		await people.focus();
		await typeAndWait(page, `picked ${tok}`);
		await list.waitFor();
		assert.equal(await people.getAttribute('aria-expanded'), 'true');
		const options = list.getByRole('option');
		assert.deepEqual(await settledOptions(list, [`${first} MP, Labour`, `${second} Peer`]),
		    [`${first} MP, Labour`, `${second} Peer`]);
		// Down, Down, Up: the first again; Enter picks it.
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowUp');
		assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true');
		assert.equal(await people.getAttribute('aria-activedescendant'),
		    await options.nth(0).getAttribute('id'));
		await page.keyboard.press('Enter');
		const box1 = page.getByLabel(`${first} (MP, Labour)`, { exact: true });
		await box1.waitFor();
		assert.ok(await box1.isChecked(), `${first} is ticked at once`);
		assert.equal(await people.inputValue(), '', 'the field is cleared for the next');
		assert.ok(await list.isHidden());
		// The second by its first name.
		await typeAndWait(page, 'ben pick');
		assert.deepEqual(await settledOptions(list, [`${second} Peer`]), [`${second} Peer`]);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		const box2 = page.getByLabel(`${second} (Peer)`, { exact: true });
		await box2.waitFor();
		assert.ok(await box2.isChecked());
		assert.equal(posts, 0, 'no round trip to the server');
		assert.equal(page.url(), url);
		// A name not in the directory: no matches; Escape closes; the
		// text stays for the server to explain.
		await typeAndWait(page, `Nobody ${tok}`);
		await page.getByText('No matches.').waitFor({ state: 'attached' });
		assert.ok(await list.isHidden());
		assert.equal(await people.inputValue(), `Nobody ${tok}`);
		await people.fill('');
		// Save from the keyboard too.
		await page.getByRole('button', { name: 'Save', exact: true }).focus();
		const [res] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST' &&
			    r.request().resourceType() === 'document'),
			page.keyboard.press('Enter'),
		]);
		assert.equal(res.status(), 303);
		await page.waitForURL(/\/engagements\/\d+\?saved=1$/);
		const saved = (await peopleTable(page)).map((r) => r[0]).sort();
		assert.deepEqual(saved, [`${first} (Labour)`, second].sort());
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});
