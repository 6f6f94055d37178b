// HTTP tier: the subject access export (people.fcgi, /people/ID/export):
// admins get the printable page and the JSON download; editors and
// viewers are refused; the other person at a shared engagement is never
// named; every export writes an audit row that the next export shows.
//
// The records are made through the forms, named with RUN so the demo
// data never matches.  Tests are flat so automake's TAP driver counts each.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ORIGIN, users, get, post, loggedIn, sessionToken, pageText } from './helpers.mjs';

const RUN = 'sar' + Date.now().toString(36);
const SUBJECT = `Maya Subject ${RUN}`;
const OTHER = `Daniel Other ${RUN}`;

const clients = new Map();
async function client(user) {
	if (!clients.has(user.username)) {
		const jar = await loggedIn(user);
		const r = await get('/people', { jar });
		assert.equal(r.status, 200, `GET /people as ${user.username}`);
		clients.set(user.username, { jar, csrf: sessionToken(r.body) });
	}
	return clients.get(user.username);
}
const admin = () => client(users.demo);
const viewer = () => client(users.viewer);
const editor = () => client({ username: 'miriam', password: 'demo' });

async function view(who, path) {
	const c = await who;
	return get(path, { jar: c.jar });
}

async function send(who, path, fields) {
	const c = await who;
	const body = new URLSearchParams(fields);
	body.set('csrf', c.csrf);
	return post(path, body, { jar: c.jar, headers: { Origin: ORIGIN } });
}

async function createPerson(name, notes = '') {
	const r = await send(admin(), '/people/new', {
		name, category: 'mp', role_title: '', party: 'Labour', house: '',
		constituency: '', organisation: '', email: '', phone: '', notes,
		current: 'yes', version: '', lawful_basis: 'legitimate_interests',
	});
	assert.equal(r.status, 303, `create ${name}: ${pageText(r.body)}`);
	const m = (r.location || '').match(/^\/people\/(\d+)\?saved=1$/);
	assert.ok(m, `redirected to the new person: ${r.location}`);
	return Number(m[1]);
}

// The people and their shared engagement, made once.
let fixture;
async function people() {
	if (!fixture) {
		const subject = await createPerson(SUBJECT, `Met through ${OTHER}`);
		const other = await createPerson(OTHER);
		const c = await admin();
		const body = new URLSearchParams({
			csrf: c.csrf, version: '0', date: '2025-02-03', time: '',
			type: 'meeting', title: `Briefing with ${OTHER}`, people: '',
			summary: `${SUBJECT} and ${OTHER} discussed the bill.`,
			outcome: `${OTHER} will write back.`, media_outlet: '',
			media_medium: '', media_programme: '', media_link: '',
			fu_count: '0', op: 'save',
		});
		body.append('person_id', String(subject));
		body.append('person_id', String(other));
		const r = await post('/engagements/new', body,
		    { jar: c.jar, headers: { Origin: ORIGIN } });
		assert.equal(r.status, 303, `save the engagement: ${pageText(r.body)}`);
		fixture = { subject, other };
	}
	return fixture;
}

test('an admin gets the printable export, without the other person', async () => {
	const { subject } = await people();
	const r = await view(admin(), `/people/${subject}/export`);
	assert.equal(r.status, 200, pageText(r.body));
	assert.match(r.headers.get('content-type'), /^text\/html/);
	const text = pageText(r.body);
	assert.ok(text.includes(`Subject access export: ${SUBJECT}`), 'the title names them');
	assert.ok(text.includes('Briefing with [another person]'), 'the title is redacted');
	assert.ok(text.includes('1 (another person)'), 'the other person is counted');
	assert.ok(text.includes('Met through [another person]'), 'their notes are redacted');
	assert.ok(!r.body.includes('Daniel Other'), 'the other person is never named');
	assert.match(r.body, /href="\/static\/print.css" media="print"/, 'the print stylesheet');
	assert.match(r.body, new RegExp(`href="/people/${subject}/export\\?format=json"`));
});

test('an admin gets the same as a JSON download', async () => {
	const { subject } = await people();
	const r = await view(admin(), `/people/${subject}/export?format=json`);
	assert.equal(r.status, 200, r.body);
	assert.match(r.headers.get('content-type'), /^application\/json/);
	assert.match(r.headers.get('content-disposition'),
	    new RegExp(`^attachment; filename="subject-access-${subject}-\\d{4}-\\d\\d-\\d\\d\\.json"$`));
	const x = JSON.parse(r.body);
	assert.equal(x.export.person_id, subject);
	assert.equal(x.export.generated_by, 'demo');
	assert.equal(x.profile.full_name, SUBJECT);
	assert.equal(x.profile.party, 'Labour');
	assert.equal(x.profile.category_label, 'MP');
	assert.equal(x.profile.notes, 'Met through [another person]');
	assert.equal(x.engagements.length, 1);
	assert.equal(x.engagements[0].title, 'Briefing with [another person]');
	assert.equal(x.engagements[0].summary, `${SUBJECT} and [another person] discussed the bill.`);
	assert.equal(x.engagements[0].other_people, 1);
	assert.equal(x.engagements[0].their_role, 'MP, Labour');
	assert.ok(x.history.length >= 1, 'their dated history');
	for (const k of ['merges', 'follow_ups', 'mentions', 'audit'])
		assert.ok(Array.isArray(x[k]), `${k} is a list`);
	assert.ok(Array.isArray(x.appg.roles));
	const created = x.audit.find((l) => l.entity === 'person' && l.action === 'create' &&
	    l.entity_id === subject);
	assert.ok(created, 'the audit row of their creation');
	assert.equal(created.before, null);
	assert.equal(created.after.name, SUBJECT, 'with its after values');
	assert.equal(created.after.notes, 'Met through [another person]', 'redacted too');
	const logged = x.audit.find((l) => l.entity === 'engagement' && l.action === 'create');
	assert.ok(logged, 'the audit row of their engagement');
	assert.equal(logged.after.people, 'them and 1 other person', 'people counted, no ids');
	assert.equal(logged.after.title, 'Briefing with [another person]');
	assert.ok(!r.body.includes('Daniel Other'), 'the other person is never named');
});

test('each export is audit-logged and shows in the next', async () => {
	const { subject } = await people();
	const first = JSON.parse((await view(admin(), `/people/${subject}/export?format=json`)).body);
	const before = first.audit.filter((l) => l.action === 'export').length;
	assert.equal((await view(admin(), `/people/${subject}/export`)).status, 200);
	const next = JSON.parse((await view(admin(), `/people/${subject}/export?format=json`)).body);
	const exports = next.audit.filter((l) => l.action === 'export');
	assert.equal(exports.length, before + 2, 'the JSON and the page export were logged');
	assert.equal(exports[0].after.format, 'html');
	assert.equal(exports[0].by, 'demo');
	assert.equal(exports[1].after.format, 'json');
	const history = await view(admin(), `/people/${subject}/history`);
	assert.match(pageText(history.body), /export/);
});

test('editors and viewers may not export', async () => {
	const { subject } = await people();
	for (const who of [editor(), viewer()])
		for (const q of ['', '?format=json']) {
			const r = await view(who, `/people/${subject}/export${q}`);
			assert.equal(r.status, 403, `${q}: ${r.status}`);
			assert.ok(!r.body.includes(SUBJECT));
		}
	const logged = await view(admin(), `/people/${subject}/export?format=json`);
	assert.ok(!JSON.parse(logged.body).audit.some((l) => l.action === 'export' && l.by !== 'demo'),
	    'a refused export writes no audit row');
});

test('only admins see the export action on a person\'s page', async () => {
	const { subject } = await people();
	const link = `href="/people/${subject}/export"`;
	assert.ok((await view(admin(), `/people/${subject}`)).body.includes(link));
	assert.ok(!(await view(editor(), `/people/${subject}`)).body.includes(link));
	assert.ok(!(await view(viewer(), `/people/${subject}`)).body.includes(link));
});

test('a bad format is 400 and a missing person 404', async () => {
	const { subject } = await people();
	assert.equal((await view(admin(), `/people/${subject}/export?format=xml`)).status, 400);
	assert.equal((await view(admin(), '/people/99999999/export')).status, 404);
	assert.equal((await view(admin(), '/people/99999999/export?format=json')).status, 404);
});
