// The authorization matrix: every route of every program (read from the
// cgi-bin route tables) against every role -- anonymous, viewer, editor,
// admin -- for GET and POST.  The matrix below is the specification: a
// route in a table without a row here, or a row without a route, fails.
//
// A row's letter is the least role that may use the route:
//   P  anyone, even logged out (the login page)
//   V  viewer, E  editor, A  admin
// Logged out, a private route sends to /login; a role below the row's is
// refused with 403; a role at or above it gets the page (2xx), a redirect
// elsewhere than /login, or the handler's own 4xx (400/404/409/422 for
// the empty form or the missing record), never 401/403/405 nor 5xx.
//
// POSTs carry the right CSRF token and an empty form, and name record
// 999999 (which does not exist), so nothing is changed; GETs name record
// 1.  Heavy (about 700 requests): in full on lighttpd, every eighth row
// on the other servers (see HEAVY).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request, CookieJar, loginToken } from './helpers.mjs';
import { routes, client, pool, sampled } from './security-lib.mjs';

const MATRIX = {
	'GET /admin': 'A',
	'GET /admin/users': 'A',
	'GET /admin/users/new': 'A',
	'POST /admin/users/new': 'A',
	'GET /admin/users/:id/edit': 'A',
	'POST /admin/users/:id/edit': 'A',
	'POST /admin/users/:id/password': 'A',
	'POST /admin/users/:id/disable': 'A',
	'POST /admin/users/:id/enable': 'A',
	'GET /admin/policy-areas': 'A',
	'POST /admin/policy-areas': 'A',
	'GET /admin/policy-areas/:id/edit': 'A',
	'POST /admin/policy-areas/:id/edit': 'A',
	'GET /admin/categories': 'A',
	'POST /admin/categories': 'A',
	'GET /admin/retention': 'A',
	'POST /admin/retention': 'A',
	'GET /admin/members': 'A',
	'POST /admin/members': 'A',
	'GET /admin/import': 'E',
	'GET /admin/import/template.csv': 'E',
	'POST /admin/import/preview': 'E',
	'POST /admin/import/apply': 'E',
	'GET /appg': 'V',
	'GET /appg/new': 'E',
	'POST /appg/new': 'E',
	'GET /appg/actions': 'V',
	'POST /appg/actions/:id': 'E',
	'GET /appg/settings': 'V',
	'POST /appg/settings': 'A',	// viewers see the rules; admins change them,
	'POST /appg/settings/:id/delete': 'A',
	'POST /appg/settings/:id/restore': 'A',
	'GET /appg/:id': 'V',
	'GET /appg/:id/edit': 'E',
	'POST /appg/:id/edit': 'E',
	'POST /appg/:id/delete': 'E',
	'POST /appg/:id/restore': 'E',
	'GET /appg/:id/history': 'V',
	'GET /appg/:id/register': 'V',
	'POST /appg/:id/officers': 'E',
	'POST /appg/:id/members': 'E',
	'POST /appg/:id/benefits': 'E',
	'GET /appg/:id/meetings/new': 'E',
	'POST /appg/:id/meetings/new': 'E',
	'GET /appg/officers/:id': 'E',
	'POST /appg/officers/:id': 'E',
	'POST /appg/officers/:id/end': 'E',
	'POST /appg/officers/:id/delete': 'E',
	'POST /appg/officers/:id/restore': 'E',
	'GET /appg/members/:id': 'E',
	'POST /appg/members/:id': 'E',
	'POST /appg/members/:id/end': 'E',
	'POST /appg/members/:id/delete': 'E',
	'POST /appg/members/:id/restore': 'E',
	'GET /appg/benefits/:id': 'E',
	'POST /appg/benefits/:id': 'E',
	'POST /appg/benefits/:id/delete': 'E',
	'POST /appg/benefits/:id/restore': 'E',
	'GET /appg/meetings/:id': 'V',
	'GET /appg/meetings/:id/edit': 'E',
	'POST /appg/meetings/:id/edit': 'E',
	'POST /appg/meetings/:id/delete': 'E',
	'POST /appg/meetings/:id/restore': 'E',
	'GET /appg/meetings/:id/history': 'V',
	'GET /appg/meetings/:id/notice': 'V',
	'GET /appg/meetings/:id/minutes': 'V',
	'POST /appg/meetings/:id/minutes/generate': 'E',
	'GET /appg/meetings/:id/minutes/edit': 'E',
	'POST /appg/meetings/:id/minutes/edit': 'E',
	'POST /appg/meetings/:id/minutes/circulate': 'E',
	'POST /appg/meetings/:id/minutes/approve': 'E',
	'GET /appg/meetings/:id/minutes/versions': 'V',
	'GET /login': 'P',
	'POST /login': 'P',
	'POST /logout': 'V',
	'GET /engagements': 'V',
	'GET /engagements.csv': 'V',
	'GET /engagements/new': 'E',
	'POST /engagements/new': 'E',
	'GET /engagements/:id': 'V',
	'GET /engagements/:id/edit': 'E',
	'POST /engagements/:id/edit': 'E',
	'POST /engagements/:id/delete': 'E',
	'POST /engagements/:id/restore': 'E',
	'GET /engagements/:id/history': 'V',
	'GET /follow-ups': 'V',
	'POST /follow-ups/:id': 'E',
	'GET /feeds': 'V',
	'POST /feeds': 'E',	// viewers see the feeds; editors add them,
	'GET /feeds/:id/edit': 'E',
	'POST /feeds/:id/edit': 'E',
	'POST /feeds/:id/disable': 'E',
	'POST /feeds/:id/enable': 'E',
	'POST /feeds/:id/delete': 'E',
	'POST /feeds/:id/restore': 'E',
	'GET /watch-terms': 'V',
	'POST /watch-terms': 'E',	// likewise the watch terms,
	'POST /watch-terms/rematch': 'E',
	'POST /watch-terms/:id/disable': 'E',
	'POST /watch-terms/:id/enable': 'E',
	'GET /': 'V',
	'GET /mentions': 'V',
	'GET /mentions.atom': 'V',	// or anyone with a private key,
	'POST /mentions/bulk': 'E',
	'POST /mentions/feed-key': 'V',
	'POST /mentions/:id': 'E',
	'GET /people': 'V',
	'GET /people.csv': 'V',
	'GET /people/new': 'E',
	'POST /people/new': 'E',
	'GET /people/duplicates': 'V',
	'GET /people/search.json': 'V',	// the forms' people type-ahead
	'POST /people/merges/:id/undo': 'E',
	'POST /people/:id/merge': 'E',
	'GET /people/:id': 'V',
	'GET /people/:id/edit': 'E',
	'POST /people/:id/edit': 'E',
	'POST /people/:id/delete': 'E',
	'POST /people/:id/restore': 'E',
	'GET /people/:id/history': 'V',
	'GET /people/:id/erase': 'A',
	'POST /people/:id/erase': 'A',
	'GET /people/erased': 'A',
	'GET /people/:id/export': 'A',	// subject access: the data protection lead
	'GET /organisations': 'V',
	'GET /organisations/new': 'E',
	'POST /organisations/new': 'E',
	'GET /organisations/:id': 'V',
	'GET /organisations/:id/edit': 'E',
	'POST /organisations/:id/edit': 'E',
	'POST /organisations/:id/delete': 'E',
	'POST /organisations/:id/restore': 'E',
	'GET /organisations/:id/history': 'V',
	'GET /reports': 'V',
	'GET /reports/dashboard': 'V',
	'POST /reports/dashboard/freeze': 'E',
	'GET /reports/snapshots': 'V',
	'GET /reports/snapshots/:id': 'V',
	'GET /reports/decisions': 'V',
	'GET /reports/engagement': 'V',
	'GET /reports/kpis/:id': 'V',
	'POST /reports/kpis/:id/values': 'E',
	'GET /admin/strategy': 'A',
	'GET /admin/strategy/strategies/new': 'A',
	'POST /admin/strategy/strategies/new': 'A',
	'GET /admin/strategy/strategies/:id/edit': 'A',
	'POST /admin/strategy/strategies/:id/edit': 'A',
	'GET /admin/strategy/strategies/:id/drop': 'A',
	'POST /admin/strategy/strategies/:id/drop': 'A',
	'GET /admin/strategy/strategies/:id/restore': 'A',
	'POST /admin/strategy/strategies/:id/restore': 'A',
	'GET /admin/strategy/aims/new': 'A',
	'POST /admin/strategy/aims/new': 'A',
	'GET /admin/strategy/aims/:id/edit': 'A',
	'POST /admin/strategy/aims/:id/edit': 'A',
	'GET /admin/strategy/aims/:id/drop': 'A',
	'POST /admin/strategy/aims/:id/drop': 'A',
	'GET /admin/strategy/aims/:id/restore': 'A',
	'POST /admin/strategy/aims/:id/restore': 'A',
	'GET /admin/strategy/objectives/new': 'A',
	'POST /admin/strategy/objectives/new': 'A',
	'GET /admin/strategy/objectives/:id/edit': 'A',
	'POST /admin/strategy/objectives/:id/edit': 'A',
	'GET /admin/strategy/objectives/:id/drop': 'A',
	'POST /admin/strategy/objectives/:id/drop': 'A',
	'GET /admin/strategy/objectives/:id/restore': 'A',
	'POST /admin/strategy/objectives/:id/restore': 'A',
	'GET /admin/strategy/goals/new': 'A',
	'POST /admin/strategy/goals/new': 'A',
	'GET /admin/strategy/goals/:id/edit': 'A',
	'POST /admin/strategy/goals/:id/edit': 'A',
	'GET /admin/strategy/goals/:id/drop': 'A',
	'POST /admin/strategy/goals/:id/drop': 'A',
	'GET /admin/strategy/goals/:id/restore': 'A',
	'POST /admin/strategy/goals/:id/restore': 'A',
	'GET /admin/strategy/kpis/new': 'A',
	'POST /admin/strategy/kpis/new': 'A',
	'GET /admin/strategy/kpis/:id/edit': 'A',
	'POST /admin/strategy/kpis/:id/edit': 'A',
	'GET /admin/strategy/kpis/:id/drop': 'A',
	'POST /admin/strategy/kpis/:id/drop': 'A',
	'GET /admin/strategy/kpis/:id/restore': 'A',
	'POST /admin/strategy/kpis/:id/restore': 'A',
	'GET /admin/strategy/kpis/:id/rule': 'A',
	'POST /admin/strategy/kpis/:id/rule': 'A',
	'GET /admin/strategy/kpis/:id/targets': 'A',
	'POST /admin/strategy/kpis/:id/targets': 'A',
};

const RANK = { anonymous: 0, viewer: 1, editor: 2, admin: 3 };
const LEAST = { P: 0, V: 1, E: 2, A: 3 };

// What `role` should get for a row: 'login', 403 or 'ok'.
function expected(letter, role) {
	if (RANK[role] >= LEAST[letter])
		return 'ok';
	return role === 'anonymous' ? 'login' : 403;
}

function outcome(r) {
	// Logging out is done when it lands on the login page saying so.
	if (r.location === '/login?logged_out=1')
		return 'ok';
	if (r.status >= 300 && r.status < 400 && /^\/login(\?|$)/.test(r.location || ''))
		return 'login';
	if (r.status === 403)
		return 403;
	if ([401, 405].includes(r.status) || r.status >= 500)
		return `bad ${r.status}`;
	return 'ok';
}

const concreteGet = (p) => p.replace(':id', '1');
const concretePost = (p) => p.replace(':id', '999999');

test('every route in the cgi-bin route tables has a row in the authorization matrix, and every row a route', () => {
	const keys = [];
	for (const r of routes()) {
		if (r.get)
			keys.push(`GET ${r.path}`);
		if (r.post)
			keys.push(`POST ${r.path}`);
	}
	assert.ok(keys.length > 150, `routes found: ${keys.length}`);
	assert.deepEqual(keys.filter((k) => !(k in MATRIX)), [], 'routes without a matrix row');
	assert.deepEqual(Object.keys(MATRIX).filter((k) => !keys.includes(k)), [],
	    'matrix rows without a route');
});

test('the route tables agree with the matrix on the least role (rows refined by handlers say so)', () => {
	const refined = ['POST /appg/settings', 'POST /feeds', 'POST /watch-terms'];
	for (const r of routes()) {
		const letter = r.public ? 'P' : r.role[0].toUpperCase();
		for (const m of ['GET', 'POST']) {
			const k = `${m} ${r.path}`;
			if (!r[m.toLowerCase()] || refined.includes(k) || k === 'GET /mentions.atom')
				continue;
			assert.equal(MATRIX[k], letter, k);
		}
	}
});

test('every role against every route, GET and POST: the matrix holds', async () => {
	const anon = new CookieJar();
	const clients = {
		anonymous: { jar: anon, csrf: await loginToken(anon) },
		viewer: await client('viewer'),
		editor: await client('editor'),
		admin: await client('admin'),
	};
	const cases = [];
	for (const [key, letter] of sampled(Object.entries(MATRIX), 8)) {
		const [method, path] = key.split(' ');
		for (const role of Object.keys(RANK))
			cases.push({ method, path, letter, role });
	}
	// Logging out ends the session the other requests use: last, alone.
	const last = cases.filter((c) => c.path === '/logout');
	const first = cases.filter((c) => c.path !== '/logout');
	const run = async (c) => {
		const cl = clients[c.role];
		const r = c.method === 'GET' ?
		    await request(concreteGet(c.path), { method: 'GET', jar: cl.jar }) :
		    await request(concretePost(c.path), { method: 'POST', jar: cl.jar,
		    form: { csrf: cl.csrf } });
		const got = outcome(r);
		const want = expected(c.letter, c.role);
		return got === want ? null :
		    `${c.method} ${c.path} as ${c.role}: want ${want}, got ${got} (${r.status} ${r.location || ''})`;
	};
	const wrong = [...await pool(first, 8, run), ...await pool(last, 1, run)]
	    .filter(Boolean);
	assert.deepEqual(wrong, [], `${wrong.length} of ${cases.length} cells differ`);
});
