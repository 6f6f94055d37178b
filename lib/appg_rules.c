/*
 * The rule checks of the Guide to the Rules on APPGs, as pure functions
 * of a group's facts and a date (see appg_rules.h).  Each check says
 * pass or fail, why (the facts it found, with names and dates) and what
 * to do, in words a secretariat can act on.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appg_rules.h"
#include "arena.h"
#include "buf.h"

const struct appg_name appg_kinds[APPG_KIND__MAX] = {
	[APPG_KIND_INAUGURAL] = { "inaugural", "Inaugural meeting" },
	[APPG_KIND_AGM] = { "agm", "Annual general meeting" },
	[APPG_KIND_EGM] = { "egm", "Extraordinary general meeting" },
	[APPG_KIND_GENERAL] = { "general", "General meeting" },
	[APPG_KIND_EVENT] = { "event", "Event" },
};

const struct appg_name appg_posts[APPG_POST__MAX] = {
	[APPG_POST_CHAIR] = { "chair", "Chair" },
	[APPG_POST_REGISTERED_CONTACT] = { "registered_contact",
	    "Registered Contact" },
	[APPG_POST_VICE_CHAIR] = { "vice_chair", "Vice-Chair" },
	[APPG_POST_TREASURER] = { "treasurer", "Treasurer" },
	[APPG_POST_SECRETARY] = { "secretary", "Secretary" },
	[APPG_POST_OFFICER] = { "officer", "Officer" },
};

const struct appg_name appg_attends[APPG_ATTEND__MAX] = {
	[APPG_PRESENT] = { "present", "Present" },
	[APPG_APOLOGIES] = { "apologies", "Apologies" },
	[APPG_IN_ATTENDANCE] = { "in_attendance", "In attendance" },
};

const struct appg_name appg_capacities[APPG_CAP__MAX] = {
	[APPG_CAP_MEMBER] = { "member", "member" },
	[APPG_CAP_SPEAKER] = { "speaker", "speaker" },
	[APPG_CAP_GUEST] = { "guest", "guest" },
	[APPG_CAP_SECRETARIAT] = { "secretariat", "secretariat" },
	[APPG_CAP_OFFICIAL] = { "official", "official" },
};

const struct appg_name appg_minutes_statuses[APPG_MINUTES__MAX] = {
	[APPG_MINUTES_NONE] = { "none", "No minutes yet" },
	[APPG_MINUTES_DRAFT] = { "draft", "Draft" },
	[APPG_MINUTES_CIRCULATED] = { "circulated", "Circulated" },
	[APPG_MINUTES_APPROVED] = { "approved", "Approved" },
};

const struct appg_name appg_settings_names[APPG_SET__MAX] = {
	[APPG_SET_OFFICERS_EXACT] = { "officers_exact",
	    "Officers a group must have (exactly)" },
	[APPG_SET_OFFICER_MPS_MIN] = { "officer_mps_min",
	    "Officers who must be MPs (at least)" },
	[APPG_SET_MEMBERS_MIN] = { "members_min",
	    "Qualifying members, MPs and Peers (at least)" },
	[APPG_SET_OFFICER_POSTS_MAX] = { "officer_posts_max",
	    "APPG officer posts one Member may hold (at most)" },
	[APPG_SET_AGM_QUORUM] = { "agm_quorum", "Quorum of an AGM (members)" },
	[APPG_SET_EGM_QUORUM] = { "egm_quorum", "Quorum of an EGM (members)" },
	[APPG_SET_MEETINGS_MIN] = { "meetings_min",
	    "Meetings a reporting year (at least)" },
	[APPG_SET_NOTICE_DAYS] = { "notice_days",
	    "Days of notice in All-Party Notices (at least)" },
	[APPG_SET_AGM_DEADLINE_MONTHS] = { "agm_deadline_months",
	    "Months from the end of the reporting year to the deadline" },
	[APPG_SET_BENEFIT_BAND] = { "benefit_band",
	    "Band of benefits for the Register (pounds)" },
	[APPG_SET_ANNUAL_REPORT_THRESHOLD] = { "annual_report_threshold",
	    "Outside benefits in a calendar year above which an annual report "
	    "is needed (pounds)" },
	[APPG_SET_GOVERNING_PARTY] = { "governing_party", "Party of Government" },
	[APPG_SET_OPPOSITION_PARTY] = { "opposition_party",
	    "Main opposition party" },
};

const char *const appg_check_names[APPG_CHECK__MAX] = {
	[APPG_CHECK_OFFICERS] = "Exactly the required number of officers",
	[APPG_CHECK_OFFICER_MPS] = "Enough officers are MPs",
	[APPG_CHECK_CHAIR_CONTACT] = "The Chair and the Registered Contact are MPs",
	[APPG_CHECK_PARTY_SPREAD] = "Officers from the governing party and the "
	    "main opposition party",
	[APPG_CHECK_MEMBERS] = "Enough members (MPs and Peers)",
	[APPG_CHECK_OFFICER_POSTS] = "No officer holds too many officer posts",
	[APPG_CHECK_MEETINGS] = "Enough meetings a reporting year, one of them "
	    "the AGM or the inaugural meeting",
	[APPG_CHECK_AGM] = "AGM held after the reporting year ends and by the "
	    "reporting deadline",
	[APPG_CHECK_IE_STATEMENT] = "Income and expenditure statement approved "
	    "at the last AGM",
	[APPG_CHECK_NOTICE] = "Notice given where required",
	[APPG_CHECK_BENEFITS] = "Benefits registered",
	[APPG_CHECK_ANNUAL_REPORT] = "Annual report when outside benefits "
	    "exceed the threshold in a calendar year",
};

int
appg_code_index(const struct appg_name *t, size_t n, const char *code)
{
	size_t	 i;

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* --- dates ---------------------------------------------------------------- */

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static int
parse_date(const char *s, int *y, int *m, int *d)
{
	int	 n = 0;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%n", y, m, d, &n) != 3 || n != 10)
		return -1;
	if (*y < 1 || *m < 1 || *m > 12 || *d < 1 || *d > month_days(*y, *m))
		return -1;
	return 0;
}

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long
days_from_civil(int y, int m, int d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* YYYY-MM-DD, digit by digit (years past 9999 wrap; none get there). */
static void
format_date(int y, int m, int d, char *out)
{
	unsigned	 uy = (unsigned)(y < 0 ? 0 : y) % 10000;
	unsigned	 um = (unsigned)m % 100, ud = (unsigned)d % 100;

	out[0] = (char)('0' + uy / 1000);
	out[1] = (char)('0' + uy / 100 % 10);
	out[2] = (char)('0' + uy / 10 % 10);
	out[3] = (char)('0' + uy % 10);
	out[4] = '-';
	out[5] = (char)('0' + um / 10);
	out[6] = (char)('0' + um % 10);
	out[7] = '-';
	out[8] = (char)('0' + ud / 10);
	out[9] = (char)('0' + ud % 10);
	out[10] = '\0';
}

int
appg_date_add_days(const char *s, long days, char *out)
{
	int	 y, m, d;

	if (parse_date(s, &y, &m, &d) == -1)
		return -1;
	civil_from_days(days_from_civil(y, m, d) + days, &y, &m, &d);
	format_date(y, m, d, out);
	return 0;
}

/* Whole months on; the day is cut to the month's length (31 Jan + 1: 28 Feb). */
int
appg_date_add_months(const char *s, int months, char *out)
{
	int	 y, m, d, total;

	if (parse_date(s, &y, &m, &d) == -1)
		return -1;
	total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	format_date(y, m, d, out);
	return 0;
}

long
appg_date_diff(const char *a, const char *b)
{
	int	 ay, am, ad, by, bm, bd;

	if (parse_date(a, &ay, &am, &ad) == -1 ||
	    parse_date(b, &by, &bm, &bd) == -1)
		return 0;
	return days_from_civil(by, bm, bd) - days_from_civil(ay, am, ad);
}

const char *
appg_date_long(struct arena *a, const char *s)
{
	static const char *const wd[] = { "Thursday", "Friday", "Saturday",
	    "Sunday", "Monday", "Tuesday", "Wednesday" };
	static const char *const mon[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	int	 y, m, d;
	long	 z;

	if (parse_date(s, &y, &m, &d) == -1)
		return s != NULL ? s : "";
	z = days_from_civil(y, m, d);
	return arena_printf(a, "%s %d %s %d", wd[((z % 7) + 7) % 7], d,
	    mon[m - 1], y);
}

static int
empty(const char *s)
{
	return s == NULL || *s == '\0';
}

int
appg_active_on(const char *from, const char *to, const char *date)
{
	return !empty(from) && strcmp(from, date) <= 0 &&
	    (empty(to) || strcmp(to, date) > 0);
}

void
appg_reporting_year(const struct appg_group *g, const char *date,
    char start[11], char end[11])
{
	int	 y, m, d, ey, em = g->year_end_month, ed = g->year_end_day;

	start[0] = end[0] = '\0';
	if (parse_date(date, &y, &m, &d) == -1 || em < 1 || em > 12 ||
	    ed < 1 || ed > 31)
		return;
	/* The last year end strictly before date. */
	ey = y;
	if (em > m || (em == m && (ed > month_days(y, em) ?
	    month_days(y, em) : ed) >= d))
		ey = y - 1;
	format_date(ey, em, ed > month_days(ey, em) ? month_days(ey, em) : ed,
	    end);
	format_date(ey - 1, em, ed > month_days(ey - 1, em) ?
	    month_days(ey - 1, em) : ed, start);
	(void)appg_date_add_days(start, 1, start);
}

/* --- settings, terms and houses ------------------------------------------- */

const char *
appg_setting_on(const struct appg_facts *f, enum appg_setting_id id,
    const char *date)
{
	const struct appg_setting	*best = NULL;
	size_t				 i;

	for (i = 0; i < f->nsettings; i++) {
		const struct appg_setting *s = &f->settings[i];

		if (s->deleted || s->name != id || empty(s->valid_from) ||
		    strcmp(s->valid_from, date) > 0)
			continue;
		/* The latest start wins; of two on one day, the later row. */
		if (best == NULL || strcmp(s->valid_from, best->valid_from) > 0 ||
		    (strcmp(s->valid_from, best->valid_from) == 0 &&
		    s->id > best->id))
			best = s;
	}
	return best != NULL ? best->value : NULL;
}

long
appg_setting_num(const struct appg_facts *f, enum appg_setting_id id,
    const char *date, long fallback)
{
	const char	*v = appg_setting_on(f, id, date);
	char		*end;
	long		 n;

	if (empty(v))
		return fallback;
	n = strtol(v, &end, 10);
	return *end == '\0' ? n : fallback;
}

const struct appg_term *
appg_term_on(const struct appg_person *p, const char *date)
{
	const struct appg_term	*best = NULL;
	size_t			 i;

	for (i = 0; p != NULL && i < p->nterms; i++) {
		const struct appg_term *t = &p->terms[i];

		if (!appg_active_on(t->started_on, t->ended_on, date))
			continue;
		if (best == NULL || strcmp(t->started_on, best->started_on) >= 0)
			best = t;
	}
	return best;
}

const char *
appg_house_on(const struct appg_person *p, const char *date)
{
	const struct appg_term	*t = appg_term_on(p, date);

	if (t == NULL)
		return NULL;
	if ((t->house && strcmp(t->house, "commons") == 0) ||
	    (t->category && strcmp(t->category, "mp") == 0))
		return "MP";
	if ((t->house && strcmp(t->house, "lords") == 0) ||
	    (t->category && strcmp(t->category, "peer") == 0))
		return "Peer";
	return NULL;
}

static const char *
party_on(const struct appg_person *p, const char *date)
{
	const struct appg_term	*t = appg_term_on(p, date);

	return t != NULL && t->party != NULL ? t->party : "";
}

/* "£2,400": pounds with thousands separators, into out. */
static const char *
fmt_pounds(char *out, size_t len, long n)
{
	if (n >= 1000000)
		snprintf(out, len, "£%ld,%03ld,%03ld", n / 1000000,
		    n / 1000 % 1000, n % 1000);
	else if (n >= 1000)
		snprintf(out, len, "£%ld,%03ld", n / 1000, n % 1000);
	else
		snprintf(out, len, "£%ld", n);
	return out;
}

const char *
appg_band(char *out, size_t len, long value, long band)
{
	char	 lo[24], hi[24];

	if (band <= 0)
		return fmt_pounds(out, len, value);
	if (value <= band)
		snprintf(out, len, "up to %s", fmt_pounds(hi, sizeof(hi), band));
	else
		snprintf(out, len, "%s–%s", fmt_pounds(lo, sizeof(lo),
		    (value - 1) / band * band + 1), fmt_pounds(hi, sizeof(hi),
		    (value - 1) / band * band + band));
	return out;
}

static const char *
pounds(struct arena *a, long n)
{
	char	 buf[32];

	return arena_strdup(a, fmt_pounds(buf, sizeof(buf), n));
}

int
appg_notice_required(const struct appg_meeting *m)
{
	return m->kind == APPG_KIND_AGM || m->kind == APPG_KIND_EGM ||
	    m->has_speaker || m->has_decision || m->decision_planned;
}

const char *
appg_meeting_label(const struct appg_meeting *m)
{
	if (!empty(m->title))
		return m->title;
	return m->kind < APPG_KIND__MAX ? appg_kinds[m->kind].label : "Meeting";
}

/* --- the roster on a day --------------------------------------------------- */

/* A person who is an officer or member on the day, once each. */
struct seat {
	long long		 person_id;
	const struct appg_person *person;
	unsigned		 posts;		/* bit per enum appg_post held */
	int			 officer;
	int			 posts_elsewhere;
	const char		*house;		/* "MP", "Peer" or NULL */
	const char		*party;
};

struct eval {
	struct arena		*a;
	const struct appg_facts	*f;
	const char		*date;
	struct seat		*seats;
	size_t			 nseats;
	int			 oom;
};

static struct seat *
seat_for(struct eval *ev, long long person_id, const struct appg_person *p)
{
	size_t	 i;

	for (i = 0; i < ev->nseats; i++)
		if (ev->seats[i].person_id == person_id)
			return &ev->seats[i];
	ev->seats[ev->nseats].person_id = person_id;
	ev->seats[ev->nseats].person = p;
	ev->seats[ev->nseats].house = appg_house_on(p, ev->date);
	ev->seats[ev->nseats].party = party_on(p, ev->date);
	return &ev->seats[ev->nseats++];
}

static int
roster(struct eval *ev)
{
	const struct appg_facts	*f = ev->f;
	size_t			 i;

	ev->nseats = 0;
	ev->seats = arena_alloc(ev->a, (f->nofficers + f->nmembers + 1) *
	    sizeof(*ev->seats));
	if (ev->seats == NULL)
		return -1;
	for (i = 0; i < f->nofficers; i++) {
		const struct appg_officer	*o = &f->officers[i];
		struct seat			*s;

		if (o->deleted || !appg_active_on(o->started_on, o->ended_on,
		    ev->date))
			continue;
		s = seat_for(ev, o->person_id, o->person);
		s->officer = 1;
		s->posts |= 1u << o->post;
		if (o->posts_elsewhere > s->posts_elsewhere)
			s->posts_elsewhere = o->posts_elsewhere;
	}
	for (i = 0; i < f->nmembers; i++) {
		const struct appg_member *m = &f->members[i];

		if (!m->deleted && appg_active_on(m->joined_on, m->left_on,
		    ev->date))
			(void)seat_for(ev, m->person_id, m->person);
	}
	return 0;
}

static const char *
name_of(const struct seat *s)
{
	return s->person != NULL && s->person->name != NULL ?
	    s->person->name : "someone no longer in the directory";
}

/* "Name MP" or "Name" for a Peer, as minutes and messages name people. */
static const char *
styled(struct eval *ev, const struct seat *s)
{
	if (s->house != NULL && strcmp(s->house, "MP") == 0)
		return arena_printf(ev->a, "%s MP", name_of(s));
	return name_of(s);
}

/* Join the names of the seats that pass keep, "A, B and C". */
static const char *
names(struct eval *ev, int (*keep)(const struct seat *, const void *),
    const void *arg)
{
	struct buf	 b;
	const char	*out, *last = NULL;
	size_t		 i, n = 0;

	buf_init(&b);
	for (i = 0; i < ev->nseats; i++) {
		if (!keep(&ev->seats[i], arg))
			continue;
		if (last != NULL)
			buf_printf(&b, "%s%s", n > 1 ? ", " : "", last);
		last = styled(ev, &ev->seats[i]);
		n++;
	}
	if (last != NULL)
		buf_printf(&b, "%s%s", n > 1 ? " and " : "", last);
	out = arena_strdup(ev->a, b.len ? b.data : "");
	if (b.failed || out == NULL)
		ev->oom = 1;
	buf_free(&b);
	return out != NULL ? out : "";
}

static int
is_officer(const struct seat *s, const void *arg)
{
	(void)arg;
	return s->officer;
}

static int
is_unseated_officer(const struct seat *s, const void *arg)
{
	(void)arg;
	return s->officer && s->house == NULL;
}

static int
is_qualifying_officer(const struct seat *s, const void *arg)
{
	(void)arg;
	return s->officer && s->house != NULL;
}

static int
is_officer_mp(const struct seat *s, const void *arg)
{
	(void)arg;
	return s->officer && s->house != NULL && strcmp(s->house, "MP") == 0;
}

static int
officer_of_party(const struct seat *s, const void *party)
{
	return s->officer && s->house != NULL && strcmp(s->party, party) == 0;
}

static size_t
count(struct eval *ev, int (*keep)(const struct seat *, const void *),
    const void *arg)
{
	size_t	 i, n = 0;

	for (i = 0; i < ev->nseats; i++)
		n += keep(&ev->seats[i], arg) != 0;
	return n;
}

/* --- the checks ------------------------------------------------------------ */

static void
result(struct eval *ev, struct appg_check *c, int pass, const char *why,
    const char *todo)
{
	c->pass = pass;
	c->why = why != NULL ? why : "";
	c->todo = pass ? "" : todo != NULL ? todo : "";
	if (why == NULL || (!pass && todo == NULL))
		ev->oom = 1;
}

/* A setting that is not in force on the day: the rule is not checked. */
static int
unset(struct eval *ev, struct appg_check *c, enum appg_setting_id id, long n)
{
	if (n >= 0)
		return 0;
	c->title = appg_check_names[c->id];
	result(ev, c, 1, arena_printf(ev->a, "No value of \u201c%s\u201d is in "
	    "force on %s, so this rule is not checked.",
	    appg_settings_names[id].label, ev->date), "");
	return 1;
}

static void
check_officers(struct eval *ev, struct appg_check *c)
{
	long	 want = appg_setting_num(ev->f, APPG_SET_OFFICERS_EXACT,
	    ev->date, -1);
	size_t	 all = count(ev, is_officer, NULL);
	size_t	 ok = count(ev, is_qualifying_officer, NULL);
	const char *gone = names(ev, is_unseated_officer, NULL);

	if (unset(ev, c, APPG_SET_OFFICERS_EXACT, want))
		return;
	c->title = arena_printf(ev->a, "Exactly %ld officers", want);
	if (ok == (size_t)want) {
		result(ev, c, 1, arena_printf(ev->a, "The group has %zu officers "
		    "sitting in either House: %s.%s%s%s", ok,
		    names(ev, is_qualifying_officer, NULL), all != ok ?
		    " Still recorded as an officer but no longer sitting: " : "",
		    all != ok ? gone : "", all != ok ? "." : ""), "");
		return;
	}
	result(ev, c, 0, all != ok ?
	    arena_printf(ev->a, "The group has %zu officer%s who sit%s in "
	    "either House; the rules require exactly %ld. Recorded as an "
	    "officer but not sitting in either House on %s: %s.", ok,
	    ok == 1 ? "" : "s", ok == 1 ? "s" : "", want, ev->date, gone) :
	    arena_printf(ev->a, "The group has %zu officer%s; the rules "
	    "require exactly %ld.", ok, ok == 1 ? "" : "s", want),
	    ok < (size_t)want ?
	    arena_printf(ev->a, "Elect %zu more officer%s at a quorate "
	    "meeting, record the end of any post held by someone who has left "
	    "Parliament, and tell the Registrar.", (size_t)want - ok,
	    (size_t)want - ok == 1 ? "" : "s") :
	    arena_printf(ev->a, "Record the officers who have stood down, so "
	    "that exactly %ld remain, and tell the Registrar.", want));
}

static void
check_officer_mps(struct eval *ev, struct appg_check *c)
{
	long	 want = appg_setting_num(ev->f, APPG_SET_OFFICER_MPS_MIN,
	    ev->date, -1);
	size_t	 mps = count(ev, is_officer_mp, NULL);

	if (unset(ev, c, APPG_SET_OFFICER_MPS_MIN, want))
		return;
	c->title = arena_printf(ev->a, "At least %ld officers are MPs", want);
	result(ev, c, mps >= (size_t)want, mps == 0 ?
	    arena_strdup(ev->a, "None of the officers is an MP.") :
	    arena_printf(ev->a, "%zu officer%s %s MP%s: %s.", mps,
	    mps == 1 ? "" : "s", mps == 1 ? "is an" : "are", mps == 1 ? "" : "s",
	    names(ev, is_officer_mp, NULL)),
	    arena_printf(ev->a, "Elect MPs to officer posts until at least %ld "
	    "officers are MPs (Peers may hold the posts other than Chair and "
	    "Registered Contact).", want));
}

/* The problem with the holder(s) of post, or NULL when it is held by an MP. */
static const char *
post_problem(struct eval *ev, enum appg_post post)
{
	const char	*label = appg_posts[post].label;
	size_t		 i;
	int		 held = 0;

	for (i = 0; i < ev->nseats; i++) {
		const struct seat *s = &ev->seats[i];

		if (!(s->posts & (1u << post)))
			continue;
		held = 1;
		if (s->house == NULL)
			return arena_printf(ev->a, "The %s, %s, does not sit in "
			    "either House on %s.", label, name_of(s), ev->date);
		if (strcmp(s->house, "MP") != 0)
			return arena_printf(ev->a, "The %s, %s, is a Peer; the %s "
			    "must be an MP.", label, name_of(s), label);
	}
	return held ? NULL : arena_printf(ev->a, "No one holds the post of %s.",
	    label);
}

static const char *
post_holders(struct eval *ev, enum appg_post post)
{
	size_t	 i;

	for (i = 0; i < ev->nseats; i++)
		if (ev->seats[i].posts & (1u << post))
			return styled(ev, &ev->seats[i]);
	return "";
}

static void
check_chair_contact(struct eval *ev, struct appg_check *c)
{
	const char	*chair = post_problem(ev, APPG_POST_CHAIR);
	const char	*contact = post_problem(ev, APPG_POST_REGISTERED_CONTACT);

	c->title = "The Chair and the Registered Contact are MPs";
	if (chair == NULL && contact == NULL) {
		result(ev, c, 1, arena_printf(ev->a, "Chair: %s. Registered "
		    "Contact: %s.", post_holders(ev, APPG_POST_CHAIR),
		    post_holders(ev, APPG_POST_REGISTERED_CONTACT)), "");
		return;
	}
	result(ev, c, 0, arena_printf(ev->a, "%s%s%s", chair ? chair : "",
	    chair && contact ? " " : "", contact ? contact : ""),
	    "Elect an MP to each of these posts at a quorate meeting and tell "
	    "the Registrar.");
}

static void
check_party_spread(struct eval *ev, struct appg_check *c)
{
	const char	*gov = appg_setting_on(ev->f, APPG_SET_GOVERNING_PARTY,
	    ev->date);
	const char	*opp = appg_setting_on(ev->f, APPG_SET_OPPOSITION_PARTY,
	    ev->date);
	size_t		 ng, no;

	c->title = arena_printf(ev->a, "Officers from the governing party (%s) "
	    "and the main opposition party (%s)", gov ? gov : "not set",
	    opp ? opp : "not set");
	if (unset(ev, c, gov == NULL ? APPG_SET_GOVERNING_PARTY :
	    APPG_SET_OPPOSITION_PARTY, gov == NULL || opp == NULL ? -1 : 0))
		return;
	ng = count(ev, officer_of_party, gov);
	no = count(ev, officer_of_party, opp);
	if (ng > 0 && no > 0) {
		result(ev, c, 1, arena_printf(ev->a, "%s: %s. %s: %s.", gov,
		    names(ev, officer_of_party, gov), opp,
		    names(ev, officer_of_party, opp)), "");
		return;
	}
	result(ev, c, 0, arena_printf(ev->a, "%s%s%s Parties are as the "
	    "directory records them on %s.",
	    ng == 0 ? arena_printf(ev->a, "No officer is from the governing "
	    "party, %s.", gov) : "", ng == 0 && no == 0 ? " " : "",
	    no == 0 ? arena_printf(ev->a, "No officer is from the main "
	    "opposition party, %s.", opp) : "", ev->date),
	    arena_printf(ev->a, "Elect an officer from %s at a quorate meeting "
	    "(an officer who changed party still counts for the party they "
	    "are in now).", ng == 0 && no == 0 ? arena_printf(ev->a, "%s and "
	    "one from %s", gov, opp) : ng == 0 ? gov : opp));
}

static int
is_qualifying(const struct seat *s, const void *house)
{
	return s->house != NULL && (house == NULL ||
	    strcmp(s->house, house) == 0);
}

static int
is_unseated(const struct seat *s, const void *arg)
{
	(void)arg;
	return s->house == NULL;
}

static void
check_members(struct eval *ev, struct appg_check *c)
{
	long	 want = appg_setting_num(ev->f, APPG_SET_MEMBERS_MIN, ev->date,
	    -1);
	size_t	 n = count(ev, is_qualifying, NULL);
	size_t	 mps = count(ev, is_qualifying, "MP");
	size_t	 gone = count(ev, is_unseated, NULL);

	if (unset(ev, c, APPG_SET_MEMBERS_MIN, want))
		return;
	c->title = arena_printf(ev->a, "At least %ld members (MPs and Peers)",
	    want);
	result(ev, c, n >= (size_t)want, arena_printf(ev->a, "%zu qualifying "
	    "member%s, officers included: %zu MP%s and %zu Peer%s.%s%s%s", n,
	    n == 1 ? "" : "s", mps, mps == 1 ? "" : "s", n - mps,
	    n - mps == 1 ? "" : "s", gone ? " Not counted, as they no longer "
	    "sit in either House: " : "", gone ? names(ev, is_unseated, NULL) :
	    "", gone ? "." : ""),
	    arena_printf(ev->a, "Recruit %zu more member%s from either House, "
	    "and record those who have left.", (size_t)want > n ?
	    (size_t)want - n : 0, (size_t)want - n == 1 ? "" : "s"));
}

/* Officer posts a person holds on the day: here, other groups, elsewhere. */
static long
posts_held(struct eval *ev, const struct seat *s)
{
	const struct appg_person	*p = s->person;
	long				 n = 1 + s->posts_elsewhere;
	size_t				 i, j;

	for (i = 0; p != NULL && i < p->nposts; i++) {
		const struct appg_period *q = &p->posts[i];
		int seen = 0;

		if (q->group_id == ev->f->group->id ||
		    !appg_active_on(q->started_on, q->ended_on, ev->date))
			continue;
		/* Two posts in one group are one group. */
		for (j = 0; j < i; j++)
			if (p->posts[j].group_id == q->group_id &&
			    appg_active_on(p->posts[j].started_on,
			    p->posts[j].ended_on, ev->date))
				seen = 1;
		n += !seen;
	}
	return n;
}

static void
check_officer_posts(struct eval *ev, struct appg_check *c)
{
	long		 most = appg_setting_num(ev->f, APPG_SET_OFFICER_POSTS_MAX,
	    ev->date, -1);
	struct buf	 b;
	size_t		 i, over = 0;

	if (unset(ev, c, APPG_SET_OFFICER_POSTS_MAX, most))
		return;
	c->title = arena_printf(ev->a, "No officer holds more than %ld officer "
	    "posts", most);
	buf_init(&b);
	for (i = 0; i < ev->nseats; i++) {
		long n;

		if (!ev->seats[i].officer)
			continue;
		if ((n = posts_held(ev, &ev->seats[i])) > most) {
			buf_printf(&b, "%s%s holds %ld", over ? "; " : "",
			    styled(ev, &ev->seats[i]), n);
			over++;
		}
	}
	if (b.failed)
		ev->oom = 1;
	result(ev, c, over == 0, over == 0 ?
	    arena_printf(ev->a, "Counting this group, the other groups the "
	    "tracker knows and the posts recorded elsewhere, every officer "
	    "holds at most %ld.", most) :
	    arena_printf(ev->a, "Officer posts held (this group, the other "
	    "groups the tracker knows and those recorded elsewhere): %s.",
	    b.data), arena_printf(ev->a, "An officer over the limit must "
	    "stand down from enough groups to hold at most %ld posts.", most));
	buf_free(&b);
}

/* The first inaugural meeting's date, or NULL. */
static const char *
inaugural_on(const struct appg_facts *f)
{
	const char	*first = NULL;
	size_t		 i;

	for (i = 0; i < f->nmeetings; i++)
		if (!f->meetings[i].deleted &&
		    f->meetings[i].kind == APPG_KIND_INAUGURAL &&
		    (first == NULL || strcmp(f->meetings[i].held_on, first) < 0))
			first = f->meetings[i].held_on;
	return first;
}

/* Meetings of the group (events do not count) held in [from, to]. */
static size_t
meetings_in(const struct appg_facts *f, const char *from, const char *to,
    int *with_agm)
{
	size_t	 i, n = 0;

	*with_agm = 0;
	for (i = 0; i < f->nmeetings; i++) {
		const struct appg_meeting *m = &f->meetings[i];

		if (m->deleted || m->kind == APPG_KIND_EVENT ||
		    strcmp(m->held_on, from) < 0 || strcmp(m->held_on, to) > 0)
			continue;
		n++;
		if (m->kind == APPG_KIND_AGM || m->kind == APPG_KIND_INAUGURAL)
			*with_agm = 1;
	}
	return n;
}

static int
no_year_end(struct eval *ev, struct appg_check *c)
{
	if (ev->f->group->year_end_month >= 1 &&
	    ev->f->group->year_end_month <= 12 &&
	    ev->f->group->year_end_day >= 1)
		return 0;
	c->title = appg_check_names[c->id];
	result(ev, c, 0, arena_strdup(ev->a, "The group's reporting year is "
	    "not recorded."), "Edit the group and give the last day of its "
	    "reporting year.");
	return 1;
}

static void
check_meetings(struct eval *ev, struct appg_check *c)
{
	long		 want = appg_setting_num(ev->f, APPG_SET_MEETINGS_MIN,
	    ev->date, -1);
	const char	*first = inaugural_on(ev->f);
	char		 start[11], end[11], cur_start[11];
	size_t		 n, now;
	int		 agm, cur_agm;

	if (unset(ev, c, APPG_SET_MEETINGS_MIN, want) || no_year_end(ev, c))
		return;
	c->title = arena_printf(ev->a, "At least %ld meetings a reporting year, "
	    "one of them the AGM or the inaugural meeting", want);
	appg_reporting_year(ev->f->group, ev->date, start, end);
	(void)appg_date_add_days(end, 1, cur_start);
	now = meetings_in(ev->f, cur_start, ev->date, &cur_agm);
	if (first != NULL && strcmp(first, start) > 0) {
		result(ev, c, 1, arena_printf(ev->a, "The group's first full "
		    "reporting year (from its inaugural meeting on %s) has not "
		    "ended yet; %zu meeting%s so far.", first, now,
		    now == 1 ? "" : "s"), "");
		return;
	}
	n = meetings_in(ev->f, start, end, &agm);
	result(ev, c, n >= (size_t)want && agm, arena_printf(ev->a,
	    "Reporting year %s to %s: %zu meeting%s%s. This year so far (from "
	    "%s): %zu.", start, end, n, n == 1 ? "" : "s",
	    agm ? ", including the AGM or inaugural meeting" :
	    ", none of them the AGM or the inaugural meeting", cur_start, now),
	    n < (size_t)want ?
	    arena_printf(ev->a, "Record any meetings held that year; if there "
	    "were fewer than %ld, say so to the Registrar and hold at least "
	    "%ld this year, one of them the AGM.", want, want) :
	    "Record that year's AGM; if none was held, say so to the Registrar "
	    "and hold the AGM this year.");
}

/* The first AGM held in [from, to], or NULL. */
static const struct appg_meeting *
agm_in(const struct appg_facts *f, const char *from, const char *to)
{
	const struct appg_meeting	*best = NULL;
	size_t				 i;

	for (i = 0; i < f->nmeetings; i++) {
		const struct appg_meeting *m = &f->meetings[i];

		if (m->deleted || m->kind != APPG_KIND_AGM ||
		    strcmp(m->held_on, from) < 0 || strcmp(m->held_on, to) > 0)
			continue;
		if (best == NULL || strcmp(m->held_on, best->held_on) < 0)
			best = m;
	}
	return best;
}

/*
 * The deadline for the AGM after the year ending end: the Registrar's
 * date when it falls in the year after, else end plus the setting's
 * months.
 */
static void
agm_deadline(struct eval *ev, const char *end, long months, char out[11])
{
	const char	*given = ev->f->group->reporting_deadline;
	char		 year_on[11];

	(void)appg_date_add_months(end, 12, year_on);
	if (!empty(given) && strcmp(given, end) > 0 &&
	    strcmp(given, year_on) <= 0) {
		snprintf(out, 11, "%s", given);
		return;
	}
	(void)appg_date_add_months(end, (int)months, out);
}

/* The first AGM may be held only a full year after the inaugural meeting. */
static int
agm_too_soon(struct eval *ev, struct appg_check *c, const char *first)
{
	const struct appg_meeting	*m;
	char				 year_on[11];

	if (first == NULL)
		return 0;
	(void)appg_date_add_months(first, 12, year_on);
	(void)appg_date_add_days(year_on, -1, year_on);
	if ((m = agm_in(ev->f, first, year_on)) == NULL ||
	    strcmp(m->held_on, ev->date) > 0)
		return 0;
	result(ev, c, 0, arena_printf(ev->a, "The AGM on %s came less than a "
	    "full year after the inaugural meeting on %s.", m->held_on, first),
	    "Hold the first AGM only after a full year from the inaugural "
	    "meeting; if that AGM elected officers, confirm them at a "
	    "meeting held at the right time.");
	return 1;
}

static void
check_agm(struct eval *ev, struct appg_check *c)
{
	long				 months = appg_setting_num(ev->f,
	    APPG_SET_AGM_DEADLINE_MONTHS, ev->date, -1);
	const char			*first = inaugural_on(ev->f);
	const struct appg_meeting	*m;
	char				 start[11], end[11], deadline[11], after[11];
	char				 year_on[11];

	c->title = appg_check_names[APPG_CHECK_AGM];
	if (unset(ev, c, APPG_SET_AGM_DEADLINE_MONTHS, months) ||
	    no_year_end(ev, c) || agm_too_soon(ev, c, first))
		return;
	appg_reporting_year(ev->f->group, ev->date, start, end);
	agm_deadline(ev, end, months, deadline);
	(void)appg_date_add_days(end, 1, after);
	/* In a new Parliament the first AGM waits a full year. */
	if (first != NULL) {
		(void)appg_date_add_months(first, 12, year_on);
		if (strcmp(year_on, after) > 0)
			snprintf(after, sizeof(after), "%s", year_on);
	}
	if ((first != NULL && strcmp(first, end) > 0) ||
	    strcmp(after, deadline) > 0) {
		result(ev, c, 1, arena_printf(ev->a, "The first AGM is due after "
		    "a full year from the inaugural meeting (from %s) and after "
		    "the end of the first full reporting year.", first != NULL &&
		    strcmp(year_on, after) > 0 ? year_on : after), "");
		return;
	}
	m = agm_in(ev->f, after, strcmp(deadline, ev->date) < 0 ? deadline :
	    ev->date);
	if (m != NULL) {
		result(ev, c, 1, arena_printf(ev->a, "The AGM for the year ending "
		    "%s was held on %s, within the window (%s to %s).", end,
		    m->held_on, after, deadline), "");
		return;
	}
	if (strcmp(ev->date, deadline) <= 0) {
		result(ev, c, 1, arena_printf(ev->a, "The AGM for the year ending "
		    "%s is due between %s and %s; none is recorded yet.", end,
		    after, deadline), "");
		return;
	}
	result(ev, c, 0, arena_printf(ev->a, "No AGM was held between %s and "
	    "the reporting deadline, %s, for the year ending %s.", after,
	    deadline, end), "Hold the AGM as soon as possible with a week's "
	    "notice, and tell the Registrar why it is late.");
}

/* The last AGM held on or before the day, or NULL. */
static const struct appg_meeting *
last_agm(const struct appg_facts *f, const char *date)
{
	const struct appg_meeting	*best = NULL;
	size_t				 i;

	for (i = 0; i < f->nmeetings; i++) {
		const struct appg_meeting *m = &f->meetings[i];

		if (m->deleted || m->kind != APPG_KIND_AGM ||
		    strcmp(m->held_on, date) > 0)
			continue;
		if (best == NULL || strcmp(m->held_on, best->held_on) > 0)
			best = m;
	}
	return best;
}

static void
check_ie_statement(struct eval *ev, struct appg_check *c)
{
	const struct appg_meeting	*m = last_agm(ev->f, ev->date);

	c->title = "Income and expenditure statement approved at the last AGM";
	if (m == NULL) {
		result(ev, c, 1, arena_strdup(ev->a, "No AGM has been held yet; "
		    "the statement is due at the first one."), "");
		return;
	}
	result(ev, c, m->ie_approved, m->ie_approved ?
	    arena_printf(ev->a, "The AGM on %s approved the statement%s.",
	    m->held_on, m->ie_nil_return ? " (a nil return)" : "") :
	    arena_printf(ev->a, "The AGM on %s did not record an approved "
	    "income and expenditure statement.", m->held_on),
	    "Record the approval on that AGM if it was approved (a nil return "
	    "counts); if not, approve it at an EGM and publish it.");
}

static void
check_notice(struct eval *ev, struct appg_check *c)
{
	long		 days = appg_setting_num(ev->f, APPG_SET_NOTICE_DAYS,
	    ev->date, -1);
	char		 since[11], by[11];
	struct buf	 b;
	size_t		 i, late = 0, checked = 0;

	if (unset(ev, c, APPG_SET_NOTICE_DAYS, days))
		return;
	c->title = arena_printf(ev->a, "At least %ld days' notice where "
	    "required", days);
	(void)appg_date_add_days(ev->date, -365, since);
	buf_init(&b);
	for (i = 0; i < ev->f->nmeetings; i++) {
		const struct appg_meeting *m = &ev->f->meetings[i];

		if (m->deleted || !appg_notice_required(m) ||
		    strcmp(m->held_on, since) < 0)
			continue;
		(void)appg_date_add_days(m->held_on, -days, by);
		/* A future meeting is late only once its notice day has passed. */
		if (strcmp(by, ev->date) >= 0 && (empty(m->notice_on) ||
		    strcmp(m->notice_on, ev->date) > 0))
			continue;
		checked++;
		if (!empty(m->notice_on) && strcmp(m->notice_on, by) <= 0 &&
		    strcmp(m->notice_on, ev->date) <= 0)
			continue;
		buf_printf(&b, "%s%s on %s (notice %s; due by %s)",
		    late ? "; " : "", appg_meeting_label(m), m->held_on,
		    empty(m->notice_on) || strcmp(m->notice_on, ev->date) > 0 ?
		    "not given" : arena_printf(ev->a, "given %s", m->notice_on),
		    by);
		late++;
	}
	if (b.failed)
		ev->oom = 1;
	result(ev, c, late == 0, late == 0 ?
	    arena_printf(ev->a, "%zu meeting%s in the last year needed notice "
	    "(an AGM, an EGM, an outside speaker, a vote or decision); %s.",
	    checked, checked == 1 ? "" : "s", checked == 0 ? "nothing to check" :
	    "each had it in time") :
	    arena_printf(ev->a, "Without a week's notice: %s.", b.data),
	    "Give notice in All-Party Notices at least a week ahead; for a "
	    "meeting held without it, note in the minutes that no decision "
	    "taken there stands until confirmed at a meeting with notice.");
	buf_free(&b);
}

static void
check_benefits(struct eval *ev, struct appg_check *c)
{
	long		 band = appg_setting_num(ev->f, APPG_SET_BENEFIT_BAND,
	    ev->date, -1);
	struct buf	 b;
	char		 bands[48];
	size_t		 i, missing = 0, due = 0;

	if (unset(ev, c, APPG_SET_BENEFIT_BAND, band))
		return;
	c->title = arena_printf(ev->a, "Benefits over %s registered",
	    pounds(ev->a, band));
	buf_init(&b);
	for (i = 0; i < ev->f->nbenefits; i++) {
		const struct appg_benefit *x = &ev->f->benefits[i];

		if (x->deleted || x->value <= band ||
		    strcmp(x->received_on, ev->date) > 0)
			continue;
		due++;
		if (!empty(x->registered_on) &&
		    strcmp(x->registered_on, ev->date) <= 0)
			continue;
		buf_printf(&b, "%s%s from %s, received %s (%s)",
		    missing ? "; " : "", x->description, x->source,
		    x->received_on, appg_band(bands, sizeof(bands), x->value,
		    band));
		missing++;
	}
	if (b.failed)
		ev->oom = 1;
	result(ev, c, missing == 0, missing == 0 ?
	    arena_printf(ev->a, "%zu benefit%s over the band received; %s.",
	    due, due == 1 ? "" : "s", due == 0 ? "nothing to register" :
	    "all registered") :
	    arena_printf(ev->a, "Not registered: %s.", b.data),
	    "Send the Registrar each benefit (source, description, band, date "
	    "received) and record the date it was registered.");
	buf_free(&b);
}

static long
benefits_in_year(const struct appg_facts *f, int year)
{
	char	 from[11], to[11];
	long	 total = 0;
	size_t	 i;

	format_date(year, 1, 1, from);
	format_date(year, 12, 31, to);
	for (i = 0; i < f->nbenefits; i++)
		if (!f->benefits[i].deleted &&
		    strcmp(f->benefits[i].received_on, from) >= 0 &&
		    strcmp(f->benefits[i].received_on, to) <= 0)
			total += f->benefits[i].value;
	return total;
}

static void
check_annual_report(struct eval *ev, struct appg_check *c)
{
	long				 limit = appg_setting_num(ev->f,
	    APPG_SET_ANNUAL_REPORT_THRESHOLD, ev->date, -1);
	const char			*report = ev->f->group->annual_report_on;
	const struct appg_meeting	*m;
	char				 after[11];
	int				 year = atoi(ev->date) - 1;
	long				 total;

	if (unset(ev, c, APPG_SET_ANNUAL_REPORT_THRESHOLD, limit))
		return;
	c->title = arena_printf(ev->a, "Annual report when outside benefits "
	    "exceed %s in a calendar year", pounds(ev->a, limit));
	total = benefits_in_year(ev->f, year);
	if (total <= limit) {
		result(ev, c, 1, arena_printf(ev->a, "Outside benefits in %d: "
		    "%s, not above the threshold; no annual report is needed.",
		    year, pounds(ev->a, total)), "");
		return;
	}
	format_date(year + 1, 1, 1, after);
	m = agm_in(ev->f, after, ev->date);
	if (m == NULL) {
		result(ev, c, 1, arena_printf(ev->a, "Outside benefits in %d: "
		    "%s. An annual report is due, with the next AGM chaired by "
		    "a Member from the Speaker's pool who is not in the group.",
		    year, pounds(ev->a, total)), "");
		return;
	}
	result(ev, c, !empty(report) && strcmp(report, after) >= 0 &&
	    strcmp(report, ev->date) <= 0 && m->chair_from_pool,
	    arena_printf(ev->a, "Outside benefits in %d: %s. Annual report: "
	    "%s. The AGM on %s was %schaired by a Member from the Speaker's "
	    "pool.", year, pounds(ev->a, total), !empty(report) && strcmp(report, after) >= 0 &&
	    strcmp(report, ev->date) <= 0 ? arena_printf(ev->a, "published %s",
	    report) : "not recorded", m->held_on, m->chair_from_pool ? "" :
	    "not "),
	    "Publish the annual report on the group's work and record its date "
	    "on the group; an AGM after such a year must be chaired by a "
	    "Member from the Speaker's pool.");
}

typedef void (*check_fn)(struct eval *, struct appg_check *);

static const check_fn checks[APPG_CHECK__MAX] = {
	[APPG_CHECK_OFFICERS] = check_officers,
	[APPG_CHECK_OFFICER_MPS] = check_officer_mps,
	[APPG_CHECK_CHAIR_CONTACT] = check_chair_contact,
	[APPG_CHECK_PARTY_SPREAD] = check_party_spread,
	[APPG_CHECK_MEMBERS] = check_members,
	[APPG_CHECK_OFFICER_POSTS] = check_officer_posts,
	[APPG_CHECK_MEETINGS] = check_meetings,
	[APPG_CHECK_AGM] = check_agm,
	[APPG_CHECK_IE_STATEMENT] = check_ie_statement,
	[APPG_CHECK_NOTICE] = check_notice,
	[APPG_CHECK_BENEFITS] = check_benefits,
	[APPG_CHECK_ANNUAL_REPORT] = check_annual_report,
};

int
appg_check_all(struct arena *a, const struct appg_facts *f, const char *date,
    struct appg_check *out)
{
	struct eval	 ev;
	int		 i, failing = 0;

	memset(&ev, 0, sizeof(ev));
	ev.a = a;
	ev.f = f;
	ev.date = date;
	if (roster(&ev) == -1)
		return -1;
	for (i = 0; i < APPG_CHECK__MAX; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		out[i].id = (enum appg_check_id)i;
		checks[i](&ev, &out[i]);
		if (out[i].title == NULL)
			ev.oom = 1;
		failing += !out[i].pass;
	}
	return ev.oom ? -1 : failing;
}

int
appg_newly_failing(struct arena *a, const struct appg_facts *f,
    const char *today, int window, struct appg_check *out)
{
	struct appg_check	 now[APPG_CHECK__MAX], then[APPG_CHECK__MAX];
	char			 day[11], since[APPG_CHECK__MAX][11];
	int			 i, back, n = 0, open;

	if (appg_check_all(a, f, today, now) == -1)
		return -1;
	for (i = 0; i < APPG_CHECK__MAX; i++)
		since[i][0] = now[i].pass ? 'x' : '\0';
	/* Walk back while some failing check has not yet been seen passing. */
	for (back = 1, open = 1; open && back <= window; back++) {
		if (appg_date_add_days(today, -back, day) == -1 ||
		    appg_check_all(a, f, day, then) == -1)
			return -1;
		for (open = 0, i = 0; i < APPG_CHECK__MAX; i++) {
			if (since[i][0] != '\0')
				continue;
			if (then[i].pass)
				(void)appg_date_add_days(day, 1, since[i]);
			else
				open = 1;
		}
	}
	for (i = 0; i < APPG_CHECK__MAX; i++) {
		if (now[i].pass || since[i][0] == '\0')
			continue;
		out[n] = now[i];
		if ((out[n].failing_since = arena_strdup(a, since[i])) == NULL)
			return -1;
		n++;
	}
	return n;
}

int
appg_quorum(struct arena *a, const struct appg_facts *f,
    const struct appg_meeting *m, struct appg_quorum *q)
{
	struct eval	 ev;
	size_t		 i, j;

	memset(q, 0, sizeof(*q));
	memset(&ev, 0, sizeof(ev));
	ev.a = a;
	ev.f = f;
	ev.date = m->held_on;
	q->required = m->kind == APPG_KIND_AGM ? (int)appg_setting_num(f,
	    APPG_SET_AGM_QUORUM, m->held_on, 0) : m->kind == APPG_KIND_EGM ?
	    (int)appg_setting_num(f, APPG_SET_EGM_QUORUM, m->held_on, 0) : 0;
	if (roster(&ev) == -1)
		return -1;
	for (i = 0; i < m->nattendees; i++) {
		const struct appg_attendee *at = &m->attendees[i];

		if (at->status != APPG_PRESENT || at->person_id == 0)
			continue;
		for (j = 0; j < ev.nseats; j++)
			if (ev.seats[j].person_id == at->person_id &&
			    ev.seats[j].house != NULL)
				q->counted++;
	}
	q->met = q->counted >= q->required;
	if (q->required == 0)
		q->why = arena_printf(a, "%d member%s of the group present; there "
		    "is no quorum rule for a meeting of this kind.", q->counted,
		    q->counted == 1 ? "" : "s");
	else
		q->why = arena_printf(a, "%d member%s of the group present; the "
		    "quorum for %s is %d: %s.", q->counted,
		    q->counted == 1 ? "" : "s", m->kind == APPG_KIND_AGM ?
		    "an AGM" : "an EGM", q->required, q->met ? "quorate" :
		    "not quorate");
	return q->why != NULL ? 0 : -1;
}
