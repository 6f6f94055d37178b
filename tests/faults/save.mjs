// Engagement saves through the form, for the fault tests: logs in as
// demo on BASE, posts a new engagement titled TITLE (linked to the
// person PERSON_ID when given, "" for none) with its CSRF token, and
// prints one JSON line: the status, the Location, whether it was saved,
// whether the page came back as the form holding what was typed, and
// the page's text (first 300 chars) and its alert (the "Not saved"
// box), if any.
//
//   node save.mjs BASE TITLE [PERSON_ID [UNTIL_FAIL]]
//
// With UNTIL_FAIL (a number), saves TITLE-1, TITLE-2 ... each with a
// summary and outcome of 20,000 characters (the most the form takes)
// until a save fails or UNTIL_FAIL were made, tries twice more after a
// failure, and prints { attempted, acked: [titles], failures: [results] }.
//
// A network failure (the server hung up) is status 0.

const [base, title, person, untilFail] = process.argv.slice(2);
const CHARS = Number(process.env.SAVE_CHARS || 20000);
if (!base || !title)
	throw new Error('usage: node save.mjs BASE TITLE [PERSON_ID [UNTIL_FAIL]]');

const jar = new Map();

async function send(path, form) {
	const headers = { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
	    Origin: new URL(base).origin };
	const init = { headers, redirect: 'manual' };
	if (form) {
		init.method = 'POST';
		init.body = new URLSearchParams(form).toString();
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
	}
	const res = await fetch(base + path, init);
	const body = await res.text();
	for (const c of res.headers.getSetCookie()) {
		const [pair] = c.split(';');
		const eq = pair.indexOf('=');
		jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
	}
	return { status: res.status, location: res.headers.get('location'), body };
}

// The value of the first <input name="csrf">, whatever the attribute order.
function csrfOf(html) {
	for (const tag of html.match(/<input\b[^>]*>/g) || []) {
		const v = tag.match(/\bvalue="([0-9a-f]{64})"/);
		if (/\bname="csrf"/.test(tag) && v)
			return v[1];
	}
	return null;
}

const login = await send('/login');
const in_ = await send('/login', { csrf: csrfOf(login.body), username: 'demo',
    password: 'demo' });
if (in_.status !== 303)
	throw new Error(`login: ${in_.status}`);
const csrf = csrfOf((await send('/')).body);

const plain = (html) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

// Text that fills the field: words, not one repeated byte.
function filler(seed) {
	let t = '';
	for (let i = 0; t.length < CHARS; i++)
		t += `${seed} word${(i * 7919) % 10007} `;
	return t.slice(0, CHARS);
}

async function saveOne(t, big) {
	const summary = big ? filler(t) : `Typed by hand: ${t}`;
	const form = new URLSearchParams({ csrf, op: 'save', version: '0',
	    date: '2025-01-15', time: '', type: 'meeting', title: t, people: '',
	    summary, outcome: big ? filler(`outcome ${t}`) : '',
	    media_outlet: '', media_medium: '', media_programme: '',
	    media_link: '', fu_count: '0' });
	if (person)
		form.append('person_id', person);
	let r;
	try {
		r = await send('/engagements/new', form);
	} catch (e) {
		r = { status: 0, location: null, body: String(e.cause || e) };
	}
	return {
		status: r.status,
		location: r.location,
		saved: r.status === 303 &&
		    /^\/engagements\/\d+\?saved=1$/.test(r.location || ''),
		form_kept: /<form\b[^>]*action="\/engagements\/new"/.test(r.body) &&
		    r.body.includes(`value="${t}"`) && r.body.includes(summary),
		text: r.body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()
		    .slice(0, 300),
		alert: plain((r.body.match(/<div class="error-summary"[^>]*>([\s\S]*?)<\/div>/) ||
		    ['', ''])[1]),
	};
}

if (!untilFail) {
	console.log(JSON.stringify(await saveOne(title, false)));
} else {
	const out = { attempted: 0, acked: [], failures: [] };
	for (let i = 1; i <= Number(untilFail) && out.failures.length < 3; i++) {
		const r = await saveOne(`${title}-${i}`, true);
		out.attempted++;
		if (r.saved)
			out.acked.push(`${title}-${i}`);
		else
			out.failures.push(r);
	}
	console.log(JSON.stringify(out));
}
