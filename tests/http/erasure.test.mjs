// HTTP tier: erasing a person (people.fcgi /people/ID/erase) and the
// retention rules (admin.fcgi /admin/retention): the confirmation names
// what will go, the typed name and the CSRF token are required, only
// admins may erase, and an erased person shows as "Erased person" on the
// engagements that keep counting them, never in the directory, and
// cannot be edited or restored.  Tests are flat so that automake's TAP
// driver counts each.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	ORIGIN, users, get, post, loggedIn, pageText, sessionToken,
} from './helpers.mjs';

const RUN = 'er' + Date.now().toString(36);

const clients = new Map();
async function client(user) {
	if (!clients.has(user.username)) {
		const jar = await loggedIn(user);
		const r = await get('/people', { jar });
		assert.equal(r.status, 200, 'GET /people');
		clients.set(user.username, { jar, csrf: sessionToken(r.body) });
	}
	return clients.get(user.username);
}
const admin = () => client(users.demo);
const viewer = () => client(users.viewer);

async function view(who, path) {
	const c = await who;
	return get(path, { jar: c.jar });
}

async function send(who, path, fields, csrf) {
	const c = await who;
	return post(path, { csrf: csrf ?? c.csrf, ...fields },
	    { jar: c.jar, headers: { Origin: ORIGIN } });
}

const PERSON = {
	name: '', category: 'journalist', role_title: '', party: '', house: '',
	constituency: '', organisation: '', email: '', phone: '', notes: '',
	current: 'yes', version: '', lawful_basis: 'legitimate_interests',
};

async function createPerson(fields) {
	const r = await send(admin(), '/people/new', { ...PERSON, ...fields });
	assert.equal(r.status, 303, `create person: ${pageText(r.body)}`);
	const m = (r.location || '').match(/^\/people\/(\d+)\?saved=1$/);
	assert.ok(m, r.location);
	return Number(m[1]);
}

async function createEngagement(title, personId) {
	const body = new URLSearchParams({
		version: '0', date: '2024-03-05', time: '', type: 'meeting', title,
		people: '', summary: '', outcome: '', media_outlet: '',
		media_medium: '', media_programme: '', media_link: '',
		fu_count: '0', op: 'save',
	});
	body.append('person_id', String(personId));
	const c = await admin();
	body.set('csrf', c.csrf);
	const r = await post('/engagements/new', body, { jar: c.jar, headers: { Origin: ORIGIN } });
	assert.equal(r.status, 303, `save engagement: ${pageText(r.body)}`);
	return Number(r.location.match(/^\/engagements\/(\d+)/)[1]);
}

test('an admin sees "Erase this person" on a person page; a viewer does not', async () => {
	const id = await createPerson({ name: `Link ${RUN}` });
	const a = await view(admin(), `/people/${id}`);
	assert.match(a.body, new RegExp(`href="/people/${id}/erase"`));
	const v = await view(viewer(), `/people/${id}`);
	assert.equal(v.status, 200);
	assert.doesNotMatch(v.body, /\/erase"/);
});

test('the confirmation names the person and what will go', async () => {
	const id = await createPerson({ name: `Confirm ${RUN}`, email: `c.${RUN}@example.org` });
	await createEngagement(`Met Confirm ${RUN}`, id);
	const r = await view(admin(), `/people/${id}/erase`);
	assert.equal(r.status, 200);
	const text = pageText(r.body);
	assert.match(text, new RegExp(`erase Confirm ${RUN} \\(Journalist\\)`));
	assert.match(text, /1 engagement: kept and still counted, showing "Erased person"/);
	assert.match(text, /\d+ audit entr(y|ies) about them: the values recorded are removed/);
	assert.match(r.body, /name="confirm"/);
	assert.match(r.body, /name="csrf"/);
});

test('a viewer may neither see the confirmation nor erase: 403', async () => {
	const id = await createPerson({ name: `Viewer ${RUN}` });
	assert.equal((await view(viewer(), `/people/${id}/erase`)).status, 403);
	const r = await send(viewer(), `/people/${id}/erase`, { confirm: `Viewer ${RUN}` });
	assert.equal(r.status, 403);
	const still = await view(admin(), `/people/${id}`);
	assert.match(pageText(still.body), new RegExp(`Viewer ${RUN}`));
});

test('erasing without the CSRF token is refused and erases nothing', async () => {
	const id = await createPerson({ name: `Csrf ${RUN}` });
	const r = await send(admin(), `/people/${id}/erase`, { confirm: `Csrf ${RUN}` }, 'f'.repeat(64));
	assert.equal(r.status, 403);
	const still = await view(admin(), `/people/${id}`);
	assert.match(pageText(still.body), new RegExp(`Csrf ${RUN}`));
});

test('a wrong typed name comes back with the message beside the field and what was typed', async () => {
	const id = await createPerson({ name: `Typed ${RUN}` });
	const r = await send(admin(), `/people/${id}/erase`, { confirm: 'Someone else' });
	assert.equal(r.status, 400);
	assert.match(r.body, /class="error-message"[^>]*>Type the person&#39;s full name exactly/);
	assert.match(r.body, /value="Someone else"/);
	const still = await view(admin(), `/people/${id}`);
	assert.match(pageText(still.body), new RegExp(`Typed ${RUN}`));
});

test('erasing: done page, "Erased person" on the engagement, gone from the directory, no edit or restore', async () => {
	const name = `Gone ${RUN}`;
	const id = await createPerson({ name, email: `g.${RUN}@example.org`, notes: `Notes of ${name}` });
	const eid = await createEngagement(`Lunch with ${name}`, id);
	const r = await send(admin(), `/people/${id}/erase`, { confirm: `  gone ${RUN.toUpperCase()} ` });
	assert.equal(r.status, 303, pageText(r.body));
	assert.equal(r.location, '/people/erased');
	const done = await view(admin(), '/people/erased');
	assert.match(pageText(done.body), /The person has been erased/);

	const page = await view(viewer(), `/people/${id}`);
	assert.equal(page.status, 200);
	const text = pageText(page.body);
	assert.match(text, /Erased person/);
	assert.doesNotMatch(text, new RegExp(RUN));

	const eng = await view(viewer(), `/engagements/${eid}`);
	assert.equal(eng.status, 200);
	assert.match(pageText(eng.body), /Erased person/);
	assert.doesNotMatch(pageText(eng.body), new RegExp(RUN));

	for (const q of [`/people?q=${RUN}`, '/people?q=Erased', '/people?deleted=1&q=Erased']) {
		const list = await view(admin(), q);
		assert.equal(list.status, 200);
		assert.doesNotMatch(list.body, new RegExp(`href="/people/${id}"`), q);
	}
	assert.equal((await view(admin(), `/people/${id}/edit`)).status, 409);
	assert.equal((await send(admin(), `/people/${id}/edit`, { ...PERSON, name: 'Back' })).status, 409);
	assert.equal((await send(admin(), `/people/${id}/restore`, {})).status, 409);
	assert.equal((await view(admin(), `/people/${id}/erase`)).status, 409);
	const hist = await view(admin(), `/people/${id}/history`);
	assert.doesNotMatch(pageText(hist.body), new RegExp(RUN));
});

test('erasing a person who does not exist: 404', async () => {
	assert.equal((await view(admin(), '/people/999999/erase')).status, 404);
	assert.equal((await send(admin(), '/people/999999/erase', { confirm: 'x' })).status, 404);
});

test('the retention page lists every category with its rule; an admin changes one', async () => {
	const r = await view(admin(), '/admin/retention');
	assert.equal(r.status, 200);
	assert.match(r.body, /<label for="m-journalist">Journalist<\/label>/);
	assert.match(r.body, /id="m-journalist"[^>]*value="36"/);
	const s = await send(admin(), '/admin/retention', { category: 'coalition_partner', months: '30' });
	assert.equal(s.status, 303);
	assert.equal(s.location, '/admin/retention?saved=1');
	const after = await view(admin(), '/admin/retention?saved=1');
	assert.match(after.body, /id="m-coalition_partner"[^>]*value="30"/);
	assert.doesNotMatch(after.body, /id="x-coalition_partner"[^>]*checked/);
	const back = await send(admin(), '/admin/retention', { category: 'coalition_partner', months: '48' });
	assert.equal(back.status, 303);
});

test('a bad number of months comes back with the message beside the field', async () => {
	const r = await send(admin(), '/admin/retention', { category: 'journalist', months: 'soon' });
	assert.equal(r.status, 400);
	assert.match(r.body, /class="error-message">Months must be a whole number/);
	const u = await send(admin(), '/admin/retention', { category: 'nobody', months: '12' });
	assert.equal(u.status, 400);
});

test('viewers may not see or change the retention rules', async () => {
	assert.equal((await view(viewer(), '/admin/retention')).status, 403);
	assert.equal((await send(viewer(), '/admin/retention', { category: 'journalist', months: '1' })).status, 403);
});

test('the admin page reminds when people are due or retention has not run for a month', async () => {
	const r = await view(admin(), '/admin');
	assert.equal(r.status, 200);
	// Retention has never run on this database.
	assert.match(pageText(r.body), /\d+ (people are|person is) due for retention review; retention has never run\./);
	assert.match(r.body, /href="\/admin\/retention"/);
});
