// Browser tier: Debian's chromium, driven by playwright-core, against the
// tracker that tests/browser.test starts at $BASE_URL.
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

const DEMO = { username: 'demo', password: 'demo', name: 'Demo User' };
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
	page.on('requestfailed', (r) =>
	    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
	page.on('response', (r) => {
		const u = new URL(r.url());
		if (u.pathname.startsWith('/static/') && r.status() >= 400)
			problems.push(`${r.status()} for ${u.pathname}`);
	});
	return { context, page, problems };
}

const path = (page) => {
	const u = new URL(page.url());
	return u.pathname + u.search;
};

// On the login page, on its way back to `next`.
function assertLoginPage(page, next) {
	const u = new URL(page.url());
	assert.equal(u.pathname, '/login', `on the login page: ${page.url()}`);
	assert.equal(u.searchParams.get('next'), next, `next=${next}: ${page.url()}`);
}

test('log in from /, see Home, log out back to the login page', async () => {
	const { context, page, problems } = await openPage();
	try {
		const res = await page.goto(`${BASE_URL}/`);
		assert.equal(res.status(), 200);
		assertLoginPage(page, '/');
		await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
		assert.match(await page.title(), /^Log in/);

		await page.getByLabel('Username').fill(DEMO.username);
		await page.getByLabel('Password').fill(DEMO.password);
		const [login] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Log in' }).click(),
		]);
		assert.equal(login.status(), 303, 'POST /login answers 303');
		await page.waitForURL(`${BASE_URL}/`);
		await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
		const logout = page.getByRole('button', { name: 'Log out' });
		assert.ok(await logout.isVisible(), 'Log out button visible');
		assert.match(await page.locator('main').innerText(),
		    /You are logged in as Demo User \(demo\)/);
		// The session cookie is not readable from scripts.
		assert.equal(await page.evaluate(() => document.cookie), '');

		const [out] = await Promise.all([
			page.waitForResponse((r) => new URL(r.url()).pathname === '/logout'),
			logout.click(),
		]);
		assert.equal(out.status(), 303, 'POST /logout answers 303');
		await page.waitForURL(/\/login\?logged_out=1$/);
		await page.getByText('You have logged out.').waitFor();
		await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
		assert.equal(await page.getByRole('button', { name: 'Log out' }).count(), 0);

		// Logged out for real: / goes back to the login page.
		await page.goto(`${BASE_URL}/`);
		assertLoginPage(page, '/');
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});

test('a wrong password shows the error and keeps the typed username', async () => {
	const { context, page, problems } = await openPage();
	try {
		await page.goto(`${BASE_URL}/login`);
		await page.getByLabel('Username').fill(DEMO.username);
		await page.getByLabel('Password').fill('not-the-password');
		const [res] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Log in' }).click(),
		]);
		assert.equal(res.status(), 400);
		await page.waitForLoadState('load');
		const alert = page.getByRole('alert');
		await alert.waitFor();
		assert.match(await alert.innerText(), /The username or password is not right/);
		assert.equal(await page.getByLabel('Username').inputValue(), DEMO.username);
		assert.equal(await page.getByLabel('Password').inputValue(), '',
		    'the password is not sent back');
		assert.equal(path(page), '/login');
		assert.equal(await page.getByRole('button', { name: 'Log out' }).count(), 0);

		// The form still works: the right password now logs in.
		await page.getByLabel('Password').fill(DEMO.password);
		await Promise.all([
			page.waitForURL(`${BASE_URL}/`),
			page.getByRole('button', { name: 'Log in' }).click(),
		]);
		await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});

test('the login page fits a phone screen (390x844) without sideways scrolling', async () => {
	const { context, page, problems } = await openPage({
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 3,
		isMobile: true,
		hasTouch: true,
	});
	try {
		await page.goto(`${BASE_URL}/login`);
		await page.getByRole('button', { name: 'Log in' }).waitFor();
		const m = await page.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			client: document.documentElement.clientWidth,
			inner: window.innerWidth,
		}));
		assert.equal(m.inner, 390, 'the viewport meta gives a 390px layout');
		assert.ok(m.scroll <= 390, `scrollWidth ${m.scroll} <= 390`);
		for (const name of ['Username', 'Password']) {
			const box = await page.getByLabel(name).boundingBox();
			assert.ok(box && box.x >= 0 && box.x + box.width <= 390,
			    `${name} field inside the screen: ${JSON.stringify(box)}`);
		}
		const button = await page.getByRole('button', { name: 'Log in' }).boundingBox();
		assert.ok(button && button.x + button.width <= 390, 'button inside the screen');
		assert.deepEqual(problems, []);
	} finally {
		await context.close();
	}
});
