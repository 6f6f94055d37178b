// HTTP tier: the APPG secretariat (appg.fcgi).  The demo APPG as a first
// start shows it: officers, members and passing checks, minutes at each
// stage in HTML (with "Present" and "Apologies"), text and Markdown, the
// notice and the register entry.  Then a group of this run's own: officers
// and members by name (with messages beside bad names), removing an
// officer turning the officer checks red with the reason, also on the
// home page; a meeting recorded with its attendance, agenda and actions,
// and the "APPG meeting" engagement it makes in /engagements; the minutes
// workflow step by step (generate, edit, a stale edit's conflict,
// circulate, approve at a later meeting, then locked: a POST is refused
// and nothing changes), versions and their comparison; actions across
// meetings; dated settings (admins only); permissions, CSRF and Origin.
//
// Groups made here are named with RUN; only the demo group is shared, and
// this file only reads it.  Tests are flat so that automake's TAP driver
// counts each.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
	ORIGIN, users, request, get, post, loggedIn, pageText, sessionToken,
	formData, tableRows, fieldHtml,
} from './helpers.mjs';

const RUN = 'ag' + Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
const DEMO_TITLE = 'APPG on Faith and Displacement';
const EDITOR = { username: 'miriam', password: 'demo', name: 'Miriam Levy' };

// The London date of today, as the tracker's pages use it.
function today(offset = 0) {
	const d = new Date(Date.now() + offset * 86400000);
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);
}

// --- sessions and small helpers ---------------------------------------------

const sessions = new Map();
function open(user) {
	if (!sessions.has(user.username))
		sessions.set(user.username, (async () => {
			const jar = await loggedIn(user);
			const r = await get('/appg', { jar });
			assert.equal(r.status, 200, `GET /appg as ${user.username}`);
			return { jar, csrf: sessionToken(r.body) };
		})());
	return sessions.get(user.username);
}
const admin = () => open(users.demo);
const editor = () => open(EDITOR);
const viewer = () => open(users.viewer);

async function page(path, who = admin) {
	const s = await who();
	return get(path, { jar: s.jar });
}

// POST as a user, with the session's token and this site's Origin.
async function send(path, form, who = admin) {
	const s = await who();
	const body = form instanceof URLSearchParams ? form : new URLSearchParams(form);
	if (!body.has('csrf'))
		body.set('csrf', s.csrf);
	return request(path, { method: 'POST', body, jar: s.jar,
	    headers: { Origin: ORIGIN } });
}

const mainText = (html) => pageText((html.match(/<main[\s\S]*<\/main>/) || [html])[0]);

// The id in a redirect to /appg/.../ID...
function idOf(location, re) {
	const m = (location || '').match(re);
	assert.ok(m, `a redirect matching ${re}: ${location}`);
	return Number(m[1]);
}

// The <li> of a check on a group page, by the start of its title.
function check(html, title) {
	const m = [...html.matchAll(/<li class="check (check-pass|check-fail)">([\s\S]*?)<\/li>/g)]
	    .map((x) => ({ pass: x[1] === 'check-pass', text: pageText(x[2]) }))
	    .find((x) => x.text.replace(/^(Pass|Fail) /, '').startsWith(title));
	assert.ok(m, `a check "${title}" on the page`);
	return m;
}

// --- the demo APPG ---------------------------------------------------------------

let demoIds;
async function demo() {
	if (!demoIds) {
		const r = await page('/appg');
		const m = r.body.match(new RegExp(`<a href="/appg/(\\d+)">${DEMO_TITLE}</a>`));
		assert.ok(m, 'the demo APPG is listed with a link to its page');
		const g = await page(`/appg/${m[1]}`);
		const meetings = [...g.body.matchAll(/<a href="\/appg\/meetings\/(\d+)">([^<]*)<\/a>/g)]
		    .map((x) => ({ id: Number(x[1]), label: x[2] }));
		demoIds = { group: Number(m[1]), meetings };
	}
	return demoIds;
}

test('the demo APPG on first start: officers, members and passing checks', async () => {
	const { group } = await demo();
	const r = await page(`/appg/${group}`);
	assert.equal(r.status, 200);
	assert.match(r.body, /<h2>Officers<\/h2>/);
	const officers = tableRows(r.body, 'list officers');
	assert.deepEqual(officers.map((row) => row.slice(0, 4)), [
		['Chair', 'Joseph Okonjo-Reid', 'Labour', 'House of Commons'],
		['Registered Contact', 'Rajiv Chandran', 'Labour', 'House of Commons'],
		['Vice-Chair', 'Baroness Linford of Highgate', 'Crossbench', 'House of Lords'],
		['Vice-Chair', 'Margaret Ashdown', 'Conservative', 'House of Commons'],
	]);
	const members = tableRows(r.body, 'list members');
	assert.equal(members.length, 24);
	assert.ok(members.some((m) => m[2] === 'House of Lords'));
	assert.ok(new Set(members.map((m) => m[1])).size >= 7, 'members across parties');
	// Rules of people and money hold whatever the date; those of the
	// calendar hold until the next reporting year's deadlines.
	for (const t of ['Exactly 4 officers', 'At least 2 officers are MPs',
	    'The Chair and the Registered Contact are MPs',
	    'Officers from the governing party (Labour)', 'At least 20 members',
	    'No officer holds more than 6', 'Income and expenditure statement',
	    'Benefits over £1,500 registered', 'Annual report'])
		assert.ok(check(r.body, t).pass, `${t}: ${check(r.body, t).text}`);
	if (today() <= '2027-03-10')
		assert.match(mainText(r.body), /All 12 rule checks pass today/);
	assert.ok(check(r.body, 'At least 20 members').text.includes('28 qualifying members'));
	// Meetings link to their pages; the benefit in kind shows its band.
	assert.equal((await demo()).meetings.length, 3);
	assert.deepEqual(tableRows(r.body, 'list benefits')[0].slice(0, 5), ['HIAS+JCORE',
	    'Secretariat services: staff time to organise meetings, draft minutes and keep the group\'s records (2025)',
	    'In kind', '£1,501–£3,000', '2025-03-11']);
});

test('demo minutes: HTML with Present and Apologies, text/plain and Markdown', async () => {
	const { meetings } = await demo();
	const inaugural = meetings.find((m) => m.label === 'Inaugural meeting').id;
	const html = await page(`/appg/meetings/${inaugural}/minutes`);
	assert.equal(html.status, 200);
	assert.match(html.headers.get('content-type'), /^text\/html/);
	assert.match(html.body, /<h2>Present<\/h2>/);
	assert.match(html.body, /<h2>Apologies<\/h2>/);
	assert.match(mainText(html.body), /Approved at the meeting of 2025-05-13 \(version 2\)\. Approved minutes are locked\./);
	const txt = await page(`/appg/meetings/${inaugural}/minutes?format=txt`);
	assert.equal(txt.status, 200);
	assert.equal(txt.headers.get('content-type'), 'text/plain; charset=utf-8');
	assert.match(txt.body, /^APPG on Faith and Displacement\n=+\n/);
	assert.match(txt.body, /\nPresent\n-------\n/);
	assert.match(txt.body, /\nApologies\n---------\n\n- Helen Marchbank MP \(Labour, House of Commons\)/);
	assert.doesNotMatch(txt.body, /\*\*|<\/?[a-z]+[ >]/, 'no Markdown or HTML left in the text');
	const md = await page(`/appg/meetings/${inaugural}/minutes?format=md`);
	assert.equal(md.headers.get('content-type'), 'text/markdown; charset=utf-8');
	assert.match(md.body, /\n## Present\n/);
	assert.match(md.body, /\n## Apologies\n/);
	assert.match(md.body, /The Chair will circulate a draft programme/);
	// The other two are circulated and a draft.
	const stages = [];
	for (const m of meetings)
		stages.push(mainText((await page(`/appg/meetings/${m.id}/minutes`)).body)
		    .match(/(Approved|Circulated|Draft) /)[1]);
	assert.deepEqual(stages.sort(), ['Approved', 'Circulated', 'Draft']);
	assert.equal((await page(`/appg/meetings/${inaugural}/minutes?format=pdf`)).status, 400);
});

test('demo register entry, notice and meeting page', async () => {
	const { group, meetings } = await demo();
	const reg = await page(`/appg/${group}/register`);
	assert.equal(reg.status, 200);
	const t = mainText(reg.body);
	assert.match(t, /Registered contact Rajiv Chandran/);
	assert.match(t, /Date of most recent AGM 2026-03-17/);
	assert.match(t, /Income and expenditure statement published 2026-03-24/);
	assert.match(t, /Secretariat services.*£1,501–£3,000 2025-03-11 2025-04-01/);
	const agm = meetings.find((m) => m.label === 'Annual general meeting').id;
	const notice = await page(`/appg/meetings/${agm}/notice?format=txt`);
	assert.equal(notice.headers.get('content-type'), 'text/plain; charset=utf-8');
	assert.match(notice.body, /^APPG on Faith and Displacement\n\nAnnual general meeting\nTuesday 17 March 2026, 13:00\n/);
	assert.match(notice.body, /Parliamentary contact: Rajiv Chandran MP \(Registered Contact\)/);
	const m = await page(`/appg/meetings/${agm}`);
	const mt = mainText(m.body);
	assert.match(mt, /8 members of the group present; the quorum for an AGM is 8: quorate/);
	assert.match(m.body, /<a href="\/engagements\/\d+">Recorded as an APPG meeting engagement<\/a>/);
});

// --- a group of this run ---------------------------------------------------------

const OFFICERS = [
	['Helen Marchbank', 'chair'], ['Priya Nandakumar', 'registered_contact'],
	['Charles Everley', 'vice_chair'], ['Lord Gilchrist of Kelvinside', 'officer'],
];
const MEMBERS = ['Siân Pritchard', 'Oliver Pennington', 'Alastair Whyte',
	'Eleanor Castleford', 'Fiona Drummond', 'Rosalind Feltham', 'Bethan Rowlands',
	'Dennis Marlow', 'Yusuf Bhatti', 'Lord Abelson of Stamford Hill',
	'Baroness Adebayo-Clarke of Peckham', 'Baroness Penhallow of Truro',
	'Rt Revd Catherine Ashby', 'Lord Wetherby of Thirsk', 'Catrin Powys-Evans',
	'Daniel Whitlow', 'Harriet Lomax', 'Lord Tremayne of Fowey',
	'Baroness Quennell of Hexham', 'Lord Hartree of Beverley'];

async function newGroup(title, who = editor) {
	const r = await send('/appg/new', { version: '0', title,
	    purpose: 'To test the secretariat.', category: 'subject',
	    year_end_day: '31', year_end_month: '12', enquiry_point: '',
	    website: '', secretariat: 'HIAS+JCORE' }, who);
	assert.equal(r.status, 303, `create ${title}: ${mainText(r.body)}`);
	return idOf(r.location, /^\/appg\/(\d+)\?saved=1$/);
}

let full;
// A group with four officers and twenty members from 30 days ago (so the
// checks passed yesterday, and one failing from today is new), made once.
function fullGroup() {
	if (!full)
		full = (async () => {
			const id = await newGroup(`APPG on Testing ${RUN}`);
			for (const [name, post] of OFFICERS) {
				const r = await send(`/appg/${id}/officers`, { officer_name: name, post,
				    started_on: today(-30), posts_elsewhere: '0' }, editor);
				assert.equal(r.status, 303, `officer ${name}: ${mainText(r.body)}`);
			}
			for (const name of MEMBERS) {
				const r = await send(`/appg/${id}/members`, { member_name: name,
				    joined_on: today(-30) }, editor);
				assert.equal(r.status, 303, `member ${name}: ${mainText(r.body)}`);
			}
			return id;
		})();
	return full;
}

test('a new group: the form refuses what is wrong beside each field, keeping what was typed', async () => {
	const r = await send('/appg/new', { version: '0', title: '', purpose: `Typed ${RUN}`,
	    category: 'subject', year_end_day: '30', year_end_month: '2',
	    website: 'javascript:alert(1)' }, editor);
	assert.equal(r.status, 400);
	assert.match(fieldHtml(r.body, 'title'), /Title is required\./);
	assert.match(fieldHtml(r.body, 'year_end_day'), /That month has no such day/);
	assert.match(fieldHtml(r.body, 'website'), /Give a web address starting with https:\/\//);
	assert.match(r.body, new RegExp(`>Typed ${RUN}</textarea>`));
	const list = await page('/appg');
	assert.doesNotMatch(list.body, new RegExp(`Typed ${RUN}`));
});

test('officers and members by name: unknown names and non-parliamentarians are refused beside the field', async () => {
	const id = await fullGroup();
	let r = await send(`/appg/${id}/officers`, { officer_name: `Nobody ${RUN}`, post: 'treasurer',
	    started_on: today(), posts_elsewhere: '0' }, editor);
	assert.equal(r.status, 400);
	assert.match(fieldHtml(r.body, 'officer_name'), new RegExp(`No one called “Nobody ${RUN}” is in the directory`));
	assert.match(fieldHtml(r.body, 'officer_name'), new RegExp(`value="Nobody ${RUN}"`));
	r = await send(`/appg/${id}/members`, { member_name: 'Hannah Lieberman', joined_on: today() }, editor);
	assert.equal(r.status, 400);
	assert.match(fieldHtml(r.body, 'member_name'), /Hannah Lieberman was not an MP or a Peer on/);
	// Nothing was added.
	const g = await page(`/appg/${id}`);
	assert.equal(tableRows(g.body, 'list officers').length, 4);
	assert.equal(tableRows(g.body, 'list members').length, 20);
});

test('removing an officer turns the officer checks red with a clear reason, and the home page shows it', async () => {
	const id = await fullGroup();
	let g = await page(`/appg/${id}`);
	for (const t of ['Exactly 4 officers', 'At least 2 officers are MPs',
	    'The Chair and the Registered Contact are MPs', 'Officers from the governing party',
	    'At least 20 members'])
		assert.ok(check(g.body, t).pass, `${t} passes with four officers`);
	// Remove the Conservative Vice-Chair from today.
	const m = g.body.match(/<tr><td>Vice-Chair<\/td><td><a href="\/people\/\d+">Charles Everley<\/a>[\s\S]*?action="\/appg\/officers\/(\d+)\/end"/);
	assert.ok(m, 'a Remove button for the Vice-Chair');
	const r = await send(`/appg/officers/${m[1]}/end`, {}, editor);
	assert.equal(r.status, 303);
	assert.equal(r.location, `/appg/${id}?saved=1#officers`);
	g = await page(`/appg/${id}`);
	const officers = check(g.body, 'Exactly 4 officers');
	assert.equal(officers.pass, false);
	assert.match(officers.text, /The group has 3 officers; the rules require exactly 4\./);
	assert.match(officers.text, /What to do: Elect 1 more officer/);
	const spread = check(g.body, 'Officers from the governing party');
	assert.equal(spread.pass, false);
	assert.match(spread.text, /No officer is from the main opposition party, Conservative\./);
	assert.match(tableRows(g.body, 'list officers').find((row) => row[1] === 'Charles Everley')[5], new RegExp(today()));
	const home = await page('/');
	const t = mainText(home.body);
	assert.match(t, /APPG checks that newly fail/);
	assert.match(t, new RegExp(`APPG on Testing ${RUN} ?: Exactly 4 officers — failing since ${today()}\\.`));
	assert.match(home.body, new RegExp(`<a href="/appg/${id}#checks">APPG on Testing ${RUN}</a>`));
	// Removing again is refused: the post has ended.
	assert.equal((await send(`/appg/officers/${m[1]}/end`, {}, editor)).status, 409);
});

// --- meetings and their engagements -------------------------------------------------

// The roster's radio names on a meeting form: name -> "att_ID".
function roster(html) {
	return Object.fromEntries([...html.matchAll(
	    /<fieldset class="roster-row"><legend>([^<(]+?) \([^)]*\)<\/legend>[\s\S]*?name="(att_\d+)"/g)]
	    .map((m) => [m[1], m[2]]));
}

// Record a meeting of group through its form; returns its id.
async function recordMeeting(group, fields, present = [], apologies = []) {
	const f = await page(`/appg/${group}/meetings/new`, editor);
	assert.equal(f.status, 200);
	const names = roster(f.body);
	const data = formData(f.body, `/appg/${group}/meetings/new`);
	for (const [k, v] of Object.entries(fields))
		data.set(k, v);
	for (const n of present) {
		assert.ok(names[n], `${n} on the roster`);
		data.set(names[n], 'present');
	}
	for (const n of apologies)
		data.set(names[n], 'apologies');
	data.set('op', 'save');
	const r = await send(`/appg/${group}/meetings/new`, data, editor);
	assert.equal(r.status, 303, `record a meeting: ${mainText(r.body)}`);
	return idOf(r.location, /^\/appg\/meetings\/(\d+)\?saved=1$/);
}

let recorded;
function meeting() {
	if (!recorded)
		recorded = (async () => {
			const group = await fullGroup();
			const id = await recordMeeting(group, {
				kind: 'general', title: `Evidence session ${RUN}`,
				held_on: today(), starts_at: '13:30', place: 'Committee Room 14',
				notice_on: today(-10),
				guest_name_0: 'Kwame Boateng', guest_org_0: 'Refugee Council',
				guest_cap_0: 'speaker',
				guest_name_1: 'A guest of the Chair', guest_cap_1: 'guest',
				item_title_0: 'Evidence on the asylum backlog',
				item_papers_0: 'Briefing https://example.org/briefing.pdf',
				item_discussion_0: 'The speaker set out the **backlog**.',
				item_decision_0: 'The Chair to write to the minister.',
				act_action_0: `Write to the minister ${RUN}`, act_owner_0: 'Chair',
				act_due_0: today(-1),
			}, ['Helen Marchbank', 'Priya Nandakumar', 'Lord Abelson of Stamford Hill'],
			    ['Fiona Drummond']);
			return { group, id };
		})();
	return recorded;
}

test('recording a meeting records an "APPG meeting" engagement with the parliamentarians present', async () => {
	const { id } = await meeting();
	const m = await page(`/appg/meetings/${id}`);
	assert.equal(m.status, 200);
	const t = mainText(m.body);
	assert.match(t, /Present Helen Marchbank \(Labour, House of Commons\)/);
	assert.match(t, /Apologies Fiona Drummond \(SNP, House of Commons\)/);
	assert.match(t, /Kwame Boateng ?, Refugee Council \(speaker\)/);
	assert.match(m.body, /<a href="https:\/\/example\.org\/briefing\.pdf" rel="noopener noreferrer">Briefing<\/a>/);
	assert.match(m.body, /<strong>backlog<\/strong>/);
	const e = m.body.match(/<a href="\/engagements\/(\d+)">Recorded as an APPG meeting engagement<\/a>/);
	assert.ok(e, 'the meeting links its engagement');
	const en = await page(`/engagements/${e[1]}`);
	assert.equal(en.status, 200);
	const et = mainText(en.body);
	assert.match(et, /Type APPG meeting/);
	assert.match(et, new RegExp(`Date ${today()} at 13:30`));
	const people = [...en.body.matchAll(/<a href="\/people\/\d+">([^<]+)<\/a>/g)].map((x) => x[1]);
	assert.deepEqual(people.sort(), ['Helen Marchbank', 'Lord Abelson of Stamford Hill', 'Priya Nandakumar']);
	// It is on the engagements list, under its type.
	const list = await page(`/engagements?type=appg_meeting&q=${encodeURIComponent(`Testing ${RUN}`)}`);
	assert.match(list.body, new RegExp(`<a href="/engagements/${e[1]}">APPG on Testing ${RUN}: Evidence session ${RUN}</a>`));
});

test('the meeting form: bad rows are refused with their reasons, and everything typed comes back', async () => {
	const group = await fullGroup();
	const f = await page(`/appg/${group}/meetings/new`, editor);
	const data = formData(f.body, `/appg/${group}/meetings/new`);
	data.set('title', `Refused ${RUN}`);
	data.set('held_on', today());
	data.set('notice_on', today(1));
	data.set('other_name_0', `Nobody ${RUN}`);
	data.set('item_title_0', 'Papers without an address');
	data.set('item_papers_0', 'A paper with no link');
	data.set('act_owner_1', 'Someone');
	data.set('op', 'save');
	const r = await send(`/appg/${group}/meetings/new`, data, editor);
	assert.equal(r.status, 400);
	const t = mainText(r.body);
	assert.match(t, /Notice is given before the meeting: this date is after it\./);
	assert.match(t, new RegExp(`No one called “Nobody ${RUN}” is in the directory`));
	assert.match(t, /Each paper needs its address: put https:\/\/\.\.\. at the end of its line\./);
	assert.match(t, /Say what the action is\./);
	assert.match(r.body, new RegExp(`value="Refused ${RUN}"`));
	assert.match(r.body, />A paper with no link<\/textarea>/);
	// "Add more rows" keeps everything and adds rows.
	data.set('op', 'more');
	const more = await send(`/appg/${group}/meetings/new`, data, editor);
	assert.equal(more.status, 200);
	assert.equal(formData(more.body, `/appg/${group}/meetings/new`).get('items_count'),
	    String(Number(data.get('items_count')) + 2));
	assert.match(more.body, new RegExp(`value="Nobody ${RUN}"`));
	const g = await page(`/appg/${group}`);
	assert.doesNotMatch(g.body, new RegExp(`Refused ${RUN}`), 'nothing was saved');
});

test('actions across meetings: open, overdue, done, and marking done', async () => {
	const { id } = await meeting();
	let r = await page('/appg/actions?state=overdue');
	const rows = tableRows(r.body, 'list actions-list');
	const row = rows.find((x) => x[0] === `Write to the minister ${RUN}`);
	assert.ok(row, 'the overdue action is listed');
	assert.equal(row[4], 'Overdue');
	assert.equal(row[5], 'Mark done');
	const a = r.body.match(new RegExp(`Write to the minister ${RUN}[\\s\\S]*?action="/appg/actions/(\\d+)"`));
	r = await send(`/appg/actions/${a[1]}`, { done: '1' }, editor);
	assert.equal(r.status, 303);
	r = await page('/appg/actions?state=done');
	assert.ok(tableRows(r.body, 'list actions-list').some((x) =>
	    x[0] === `Write to the minister ${RUN}` && x[4].startsWith(`Done ${today()}`)));
	r = await page('/appg/actions?state=open');
	assert.ok(!tableRows(r.body, 'list actions-list').some((x) => x[0] === `Write to the minister ${RUN}`));
	// The meeting's history records it.
	assert.match(mainText((await page(`/appg/meetings/${id}/history`)).body), /action done by miriam/);
	// From the meeting page, the button comes back to the meeting's actions.
	const mp = await page(`/appg/meetings/${id}`, editor);
	assert.match(mp.body, new RegExp(`action="/appg/actions/${a[1]}" class="inline"><input type="hidden" name="csrf" value="[0-9a-f]+"><input type="hidden" name="done" value="0"><input type="hidden" name="back" value="/appg/meetings/${id}#actions">`));
	r = await send(`/appg/actions/${a[1]}`, { done: '0', back: `/appg/meetings/${id}#actions` }, editor);
	assert.equal(r.location, `/appg/meetings/${id}?saved=1#actions`);
	r = await send(`/appg/actions/${a[1]}`, { done: '1', back: 'https://evil.example/' }, editor);
	assert.equal(r.location, '/appg/actions?saved=1', 'only a page of this site');
	// A viewer may not.
	assert.equal((await send(`/appg/actions/${a[1]}`, { done: '0' }, viewer)).status, 403);
});

// --- the minutes workflow ------------------------------------------------------------

async function minutesVersion(id) {
	const r = await page(`/appg/meetings/${id}/minutes`, editor);
	const m = r.body.match(/name="version" value="(\d+)"/);
	assert.ok(m, 'a workflow form with the version');
	return m[1];
}

test('minutes workflow: generate, edit, a stale edit, circulate, approve at a later meeting, then locked', async () => {
	const { group, id } = await meeting();
	// None yet: the page offers to generate them.
	let r = await page(`/appg/meetings/${id}/minutes`, editor);
	assert.match(mainText(r.body), /No minutes yet/);
	assert.equal((await page(`/appg/meetings/${id}/minutes?format=md`)).status, 404);
	r = await send(`/appg/meetings/${id}/minutes/generate`, { version: '0' }, editor);
	assert.equal(r.status, 303);
	r = await page(`/appg/meetings/${id}/minutes`, editor);
	assert.match(mainText(r.body), /Draft \(version 1/);
	assert.match(r.body, /<h2>Present<\/h2>/);
	assert.match(r.body, /<h2>Apologies<\/h2>/);
	assert.match(mainText(r.body), /Kwame Boateng ?, Refugee Council \(speaker\)/);
	// Edit: a new version.
	const v1 = await minutesVersion(id);
	const md = (await page(`/appg/meetings/${id}/minutes?format=md`)).body;
	const edited = md.replace('## Actions', `Members thanked the speaker ${RUN}.\n\n## Actions`);
	r = await send(`/appg/meetings/${id}/minutes/edit`, { version: v1, body: edited }, editor);
	assert.equal(r.status, 303);
	// A second editor who started from version 1 gets both texts, loses nothing.
	r = await send(`/appg/meetings/${id}/minutes/edit`, { version: v1, body: `Stale ${RUN}` }, admin);
	assert.equal(r.status, 409);
	assert.match(mainText(r.body), /Someone else saved this record first/);
	assert.match(r.body, new RegExp(`>Stale ${RUN}</textarea>`));
	assert.match((await page(`/appg/meetings/${id}/minutes?format=md`)).body, new RegExp(`thanked the speaker ${RUN}`));
	// An empty text is refused beside the field.
	r = await send(`/appg/meetings/${id}/minutes/edit`, { version: await minutesVersion(id), body: '  ' }, editor);
	assert.equal(r.status, 400);
	assert.match(mainText(r.body), /they cannot be empty/);
	// Circulate.
	r = await send(`/appg/meetings/${id}/minutes/circulate`, { version: await minutesVersion(id) }, editor);
	assert.equal(r.status, 303);
	r = await page(`/appg/meetings/${id}/minutes`, editor);
	assert.match(mainText(r.body), new RegExp(`Circulated on ${today()} \\(version 2\\)`));
	// Approval needs a later meeting: the meeting itself does not do.
	r = await send(`/appg/meetings/${id}/minutes/approve`, { version: await minutesVersion(id), at: String(id) }, editor);
	assert.equal(r.status, 400);
	const later = await recordMeeting(group, { kind: 'general', title: `Next ${RUN}`, held_on: today(1) });
	r = await page(`/appg/meetings/${id}/minutes`, editor);
	assert.match(r.body, new RegExp(`<option value="${later}">${today(1)}, Next ${RUN}</option>`));
	r = await send(`/appg/meetings/${id}/minutes/approve`, { version: await minutesVersion(id), at: String(later) }, editor);
	assert.equal(r.status, 303);
	r = await page(`/appg/meetings/${id}/minutes`, editor);
	assert.match(mainText(r.body), new RegExp(`Approved at the meeting of ${today(1)} \\(version 2\\)\\. Approved minutes are locked\\.`));
	assert.doesNotMatch(r.body, /\/minutes\/edit"/, 'no Edit once approved');
	// Locked: a POST is refused and nothing changes.
	const before = (await page(`/appg/meetings/${id}/minutes?format=md`)).body;
	const version = String(Number(v1) + 3);
	for (const [path, form] of [['edit', { version, body: `Changed ${RUN}` }],
	    ['generate', { version }], ['circulate', { version }],
	    ['approve', { version, at: String(later) }]]) {
		r = await send(`/appg/meetings/${id}/minutes/${path}`, form, editor);
		assert.equal(r.status, 409, `${path} after approval`);
		assert.match(mainText(r.body), /These minutes are approved, so they are locked: nothing was changed\./);
	}
	assert.equal((await page(`/appg/meetings/${id}/minutes/edit`, editor)).status, 409);
	assert.equal((await page(`/appg/meetings/${id}/minutes?format=md`)).body, before);
	// The later meeting's minutes record the approval.
	await send(`/appg/meetings/${later}/minutes/generate`, { version: '0' }, editor);
	assert.match((await page(`/appg/meetings/${later}/minutes?format=md`)).body,
	    /## 1\. Minutes of the previous meeting\n\nThe minutes of the meeting of \w+ \d+ \w+ \d{4} were approved as a correct record\./);
});

test('minutes versions: every version kept, two compared line by line', async () => {
	const { id } = await meeting();
	let r = await page(`/appg/meetings/${id}/minutes/versions`);
	assert.equal(r.status, 200);
	const rows = tableRows(r.body, 'list versions');
	assert.deepEqual(rows.map((x) => x.slice(0, 2)), [
		['Version 2 (current) (circulated)', 'edited'], ['Version 1', 'generated']]);
	r = await page(`/appg/meetings/${id}/minutes/versions?a=1&b=2`);
	assert.match(mainText(r.body), /Version 1 compared with version 2/);
	const diff = tableRows(r.body, 'diff');
	assert.ok(diff.some((x) => x[0] === '+' && x[1] === `Members thanked the speaker ${RUN}.`));
	assert.ok(diff.some((x) => /unchanged lines/.test(x[1])), 'far lines fold away');
	r = await page(`/appg/meetings/${id}/minutes/versions?v=1`);
	assert.doesNotMatch(mainText(r.body).split('Version 1 ').pop(), new RegExp(`thanked the speaker ${RUN}`));
	assert.equal((await page(`/appg/meetings/${id}/minutes/versions?v=99`)).status, 404);
});

// --- settings, permissions, CSRF ---------------------------------------------------------

test('settings: dated values change the checks from their date; only admins change them', async () => {
	const id = await fullGroup();
	let r = await send('/appg/settings', { name: 'members_min', value: '40',
	    valid_from: today(), note: `Test ${RUN}` }, editor);
	assert.equal(r.status, 403);
	r = await send('/appg/settings', { name: 'members_min', value: 'many',
	    valid_from: today(), note: '' });
	assert.equal(r.status, 400);
	assert.match(fieldHtml(r.body, 'value'), /This setting is a whole number/);
	r = await send('/appg/settings', { name: 'members_min', value: '40',
	    valid_from: today(), note: `Test ${RUN}` });
	assert.equal(r.status, 303);
	let g = await page(`/appg/${id}`);
	const members = check(g.body, 'At least 40 members');
	assert.equal(members.pass, false);
	assert.match(members.text, /Recruit \d+ more members/);
	const s = await page('/appg/settings', viewer);
	assert.equal(s.status, 200);
	const m = s.body.match(new RegExp(`40 from ${today()} — Test ${RUN}`));
	assert.ok(m, 'the value is listed with its note');
	assert.doesNotMatch(s.body, /action="\/appg\/settings"/, 'a viewer has no form');
	const del = (await page('/appg/settings')).body.match(
	    new RegExp(`40 from ${today()} — Test ${RUN}[\\s\\S]*?action="/appg/settings/(\\d+)/delete"`));
	r = await send(`/appg/settings/${del[1]}/delete`, {});
	assert.equal(r.status, 303);
	g = await page(`/appg/${id}`);
	assert.ok(check(g.body, 'At least 20 members').pass);
});

test('permissions: viewers read; editors edit; logged-out users go to the login page', async () => {
	const id = await fullGroup();
	const v = await page(`/appg/${id}`, viewer);
	assert.equal(v.status, 200);
	assert.doesNotMatch(v.body, /Add an officer|Record a meeting|\/officers\/\d+\/end/);
	for (const [path, form] of [[`/appg/${id}/officers`, { officer_name: 'Dame Eleri Parry', post: 'treasurer', started_on: today() }],
	    [`/appg/${id}/members`, { member_name: 'Dame Eleri Parry', joined_on: today() }],
	    ['/appg/new', { title: `Viewer ${RUN}` }],
	    [`/appg/${id}/delete`, {}]]) {
		const r = await send(path, form, viewer);
		assert.equal(r.status, 403, `viewer POST ${path}`);
	}
	assert.equal((await page(`/appg/${id}/meetings/new`, viewer)).status, 403);
	const anon = await get(`/appg/${id}`);
	assert.equal(anon.status, 303);
	assert.match(anon.location, /^\/login\?next=/);
	const g = await page(`/appg/${id}`);
	assert.equal(tableRows(g.body, 'list officers').length, 4, 'nothing changed');
});

test('CSRF and Origin: a POST without the token, or from another site, is refused and changes nothing', async () => {
	const id = await fullGroup();
	const s = await editor();
	let r = await request(`/appg/${id}/members`, { method: 'POST', jar: s.jar,
	    headers: { Origin: ORIGIN }, body: new URLSearchParams({ member_name: 'Dame Eleri Parry',
	    joined_on: today() }) });
	assert.equal(r.status, 403);
	r = await request(`/appg/${id}/members`, { method: 'POST', jar: s.jar,
	    headers: { Origin: 'https://evil.example' }, body: new URLSearchParams({
	    csrf: s.csrf, member_name: 'Dame Eleri Parry', joined_on: today() }) });
	assert.equal(r.status, 403);
	const g = await page(`/appg/${id}`);
	assert.ok(!tableRows(g.body, 'list members').some((m) => m[0] === 'Dame Eleri Parry'));
});

test('soft delete and restore: a meeting and its engagement go and come back together', async () => {
	const group = await fullGroup();
	const id = await recordMeeting(group, { kind: 'general', title: `Deleted ${RUN}`,
	    held_on: today() }, ['Helen Marchbank']);
	const m = await page(`/appg/meetings/${id}`);
	const e = m.body.match(/<a href="\/engagements\/(\d+)">/)[1];
	let r = await send(`/appg/meetings/${id}/delete`, {}, editor);
	assert.equal(r.status, 303);
	assert.match(mainText((await page(`/engagements/${e}`)).body), /This engagement is deleted/);
	assert.doesNotMatch((await page(`/appg/${group}`)).body, new RegExp(`Deleted ${RUN}`));
	r = await send(`/appg/meetings/${id}/restore`, {}, editor);
	assert.equal(r.status, 303);
	assert.doesNotMatch(mainText((await page(`/engagements/${e}`)).body), /This engagement is deleted/);
	assert.match((await page(`/appg/${group}`)).body, new RegExp(`Deleted ${RUN}`));
	assert.equal((await page('/appg/meetings/999999')).status, 404);
});

test('a meeting saved by someone else meanwhile: 409 with both versions, and what was typed kept', async () => {
	const group = await fullGroup();
	const id = await recordMeeting(group, { kind: 'general', title: `Conflict ${RUN}`,
	    held_on: today(2) });
	const mine = formData((await page(`/appg/meetings/${id}/edit`, editor)).body,
	    `/appg/meetings/${id}/edit`);
	const theirs = formData((await page(`/appg/meetings/${id}/edit`)).body,
	    `/appg/meetings/${id}/edit`);
	theirs.set('place', `Their room ${RUN}`);
	theirs.set('op', 'save');
	assert.equal((await send(`/appg/meetings/${id}/edit`, theirs)).status, 303);
	mine.set('place', `My room ${RUN}`);
	mine.set('op', 'save');
	const r = await send(`/appg/meetings/${id}/edit`, mine, editor);
	assert.equal(r.status, 409);
	assert.match(mainText(r.body), /Someone else saved this record first/);
	assert.match(mainText(r.body), new RegExp(`Place \\(differs\\) My room ${RUN} Their room ${RUN}`));
	assert.match(r.body, new RegExp(`value="My room ${RUN}"`));
	// Saving again is a deliberate choice: it now carries their version.
	const again = formData(r.body, `/appg/meetings/${id}/edit`);
	again.set('op', 'save');
	assert.equal((await send(`/appg/meetings/${id}/edit`, again, editor)).status, 303);
	assert.match(mainText((await page(`/appg/meetings/${id}`)).body), new RegExp(`Place My room ${RUN}`));
});

test('an officer entered by mistake is deleted and restored; a group too', async () => {
	const id = await newGroup(`APPG on Mistakes ${RUN}`);
	let r = await send(`/appg/${id}/officers`, { officer_name: 'Joseph Okonjo-Reid',
	    post: 'chair', started_on: today(), posts_elsewhere: '0' }, editor);
	assert.equal(r.status, 303);
	let g = await page(`/appg/${id}`, editor);
	const o = g.body.match(/href="\/appg\/officers\/(\d+)" aria-label="Edit Joseph Okonjo-Reid">Edit<\/a>/)[1];
	const edit = await page(`/appg/officers/${o}`, editor);
	assert.equal(edit.status, 200);
	assert.match(edit.body, /value="Joseph Okonjo-Reid"/);
	r = await send(`/appg/officers/${o}/delete`, {}, editor);
	assert.equal(r.status, 303);
	g = await page(`/appg/${id}`, editor);
	assert.equal(tableRows(g.body, 'list officers').length, 0);
	assert.match(mainText(g.body), /Deleted entries Officer: Joseph Okonjo-Reid, Chair from/);
	r = await send(`/appg/officers/${o}/restore`, {}, editor);
	assert.equal(r.status, 303);
	g = await page(`/appg/${id}`, editor);
	assert.equal(tableRows(g.body, 'list officers').length, 1);
	// Its history has each step.
	const h = mainText((await page(`/appg/${id}/history`)).body);
	for (const step of ['officer restore', 'officer delete', 'officer add', 'create'])
		assert.match(h, new RegExp(`— ${step} by miriam`));
	// The group itself.
	assert.equal((await send(`/appg/${id}/delete`, {}, editor)).status, 303);
	assert.doesNotMatch((await page('/appg')).body, new RegExp(`Mistakes ${RUN}`));
	assert.match((await page('/appg?deleted=1')).body, new RegExp(`Mistakes ${RUN}`));
	assert.equal((await send(`/appg/${id}/officers`, { officer_name: 'Rajiv Chandran',
	    post: 'registered_contact', started_on: today(), posts_elsewhere: '0' }, editor)).status, 409);
	assert.equal((await send(`/appg/${id}/restore`, {}, editor)).status, 303);
	assert.match((await page('/appg')).body, new RegExp(`Mistakes ${RUN}`));
});
