/*
 * The APPG forms (see appg_form.h).  Simple fields go through form.c's
 * tables; the meeting form's repeated rows (attendance, agenda, actions)
 * are read here by name and number, keeping whatever was typed so a
 * rejected form comes back whole.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "appg.h"
#include "appg_form.h"
#include "appg_rules.h"
#include "buf.h"
#include "directory.h"
#include "form.h"
#include "ui_appg.h"

#define MAX_ROWS	100

static const struct field_option category_options[] = {
	{ "subject", "Subject" }, { "country", "Country" }, { NULL, NULL },
};

static const struct field_option month_options[] = {
	{ "1", "January" }, { "2", "February" }, { "3", "March" },
	{ "4", "April" }, { "5", "May" }, { "6", "June" }, { "7", "July" },
	{ "8", "August" }, { "9", "September" }, { "10", "October" },
	{ "11", "November" }, { "12", "December" }, { NULL, NULL },
};

static const struct field_option post_options[] = {
	{ "chair", "Chair" }, { "registered_contact", "Registered Contact" },
	{ "vice_chair", "Vice-Chair" }, { "treasurer", "Treasurer" },
	{ "secretary", "Secretary" }, { "officer", "Officer" }, { NULL, NULL },
};

static const struct field_option benefit_kinds[] = {
	{ "in_kind", "In kind" }, { "financial", "Financial" }, { NULL, NULL },
};

static const struct field_option kind_options[] = {
	{ "general", "General meeting" }, { "inaugural", "Inaugural meeting" },
	{ "agm", "Annual general meeting" },
	{ "egm", "Extraordinary general meeting" }, { "event", "Event" },
	{ NULL, NULL },
};

/* The codes and words of appg_settings_names, as select options. */
static const struct field_option setting_options[APPG_SET__MAX + 1] = {
	{ "officers_exact", "Officers a group must have (exactly)" },
	{ "officer_mps_min", "Officers who must be MPs (at least)" },
	{ "members_min", "Qualifying members, MPs and Peers (at least)" },
	{ "officer_posts_max", "APPG officer posts one Member may hold (at "
	    "most)" },
	{ "agm_quorum", "Quorum of an AGM (members)" },
	{ "egm_quorum", "Quorum of an EGM (members)" },
	{ "meetings_min", "Meetings a reporting year (at least)" },
	{ "notice_days", "Days of notice in All-Party Notices (at least)" },
	{ "agm_deadline_months", "Months from the end of the reporting year to "
	    "the deadline" },
	{ "benefit_band", "Band of benefits for the Register (pounds)" },
	{ "annual_report_threshold", "Outside benefits in a calendar year "
	    "above which an annual report is needed (pounds)" },
	{ "governing_party", "Party of Government" },
	{ "opposition_party", "Main opposition party" },
	{ NULL, NULL },
};

/* Whether s is a whole number from lo to hi. */
static int
integer_in(const char *s, long lo, long hi)
{
	long	 n = strtol(s, NULL, 10);

	return validate_integer(s) == NULL && n >= lo && n <= hi;
}

static const char *
validate_day(const char *s)
{
	return integer_in(s, 1, 31) ? NULL :
	    "Give a day of the month, 1 to 31.";
}

static const char *
validate_count(const char *s)
{
	return integer_in(s, 0, 50) ? NULL : "Give a number from 0 to 50.";
}

static const char *
validate_pounds(const char *s)
{
	return integer_in(s, 0, 100000000) ? NULL :
	    "Give a whole number of pounds, 0 or more.";
}

static const char *
validate_web(const char *s)
{
	return (strncmp(s, "https://", 8) == 0 || strncmp(s, "http://", 7) == 0) &&
	    s[strcspn(s, " <>\"")] == '\0' && html_url_safe(s) ? NULL :
	    "Give a web address starting with https://.";
}

static const struct form_field group_fields[] = {
	{ "version", "Version", FIELD_HIDDEN, 0, 12, validate_integer, NULL,
	    NULL, NULL },
	{ "title", "Title", FIELD_TEXT, FIELD_REQUIRED, 300, NULL, NULL,
	    "As on the Register, e.g. \"APPG on Refugees\".", NULL },
	{ "purpose", "Purpose", FIELD_TEXTAREA, FIELD_REQUIRED, 5000, NULL,
	    NULL, NULL, NULL },
	{ "category", "Category", FIELD_SELECT, FIELD_REQUIRED, 20, NULL, NULL,
	    NULL, category_options },
	{ "year_end_day", "Reporting year ends on (day)", FIELD_NUMBER,
	    FIELD_REQUIRED, 2, validate_day, NULL, "The last day of the "
	    "group's reporting year, e.g. 10 for 10 March.", NULL },
	{ "year_end_month", "Reporting year ends in (month)", FIELD_SELECT,
	    FIELD_REQUIRED, 2, NULL, NULL, NULL, month_options },
	{ "reporting_deadline", "Next reporting deadline (optional)",
	    FIELD_DATE, 0, 10, NULL, NULL, "The Registrar's date; otherwise "
	    "the checks take the year end plus the months in the settings.",
	    NULL },
	{ "enquiry_point", "Public enquiry point", FIELD_TEXT, 0, 500, NULL,
	    NULL, NULL, NULL },
	{ "website", "Website (optional)", FIELD_TEXT, 0, 1000, validate_web,
	    "url", NULL, NULL },
	{ "secretariat", "Secretariat", FIELD_TEXT, 0, 500, NULL, NULL,
	    "Who provides it, and who funds it.", NULL },
	{ "registered_on", "Registered on (optional)", FIELD_DATE, 0, 10, NULL,
	    NULL, NULL, NULL },
	{ "ie_published_on", "Income and expenditure statement published on "
	    "(optional)", FIELD_DATE, 0, 10, NULL, NULL, NULL, NULL },
	{ "annual_report_on", "Annual report published on (optional)",
	    FIELD_DATE, 0, 10, NULL, NULL, "Needed after a calendar year with "
	    "more than the threshold of outside benefits.", NULL },
};

static const struct form_field officer_fields[] = {
	{ "version", "Version", FIELD_HIDDEN, 0, 12, validate_integer, NULL,
	    NULL, NULL },
	{ "officer_name", "Name", FIELD_TEXT, FIELD_REQUIRED, 300, NULL, NULL,
	    "An MP or a Peer from the directory: start typing.", NULL },
	{ "post", "Post", FIELD_SELECT, FIELD_REQUIRED, 30, NULL, NULL, NULL,
	    post_options },
	{ "started_on", "In post from", FIELD_DATE, FIELD_REQUIRED, 10, NULL,
	    NULL, NULL, NULL },
	{ "ended_on", "Until (the day they stood down)", FIELD_DATE, 0, 10,
	    NULL, NULL, "Leave empty while in post.", NULL },
	{ "posts_elsewhere", "Officer posts in other groups", FIELD_NUMBER, 0,
	    2, validate_count, NULL, "In groups this tracker does not hold, "
	    "from the Register.", NULL },
};

static const struct form_field member_fields[] = {
	{ "version", "Version", FIELD_HIDDEN, 0, 12, validate_integer, NULL,
	    NULL, NULL },
	{ "member_name", "Name", FIELD_TEXT, FIELD_REQUIRED, 300, NULL, NULL,
	    "An MP or a Peer from the directory: start typing.", NULL },
	{ "joined_on", "Joined on", FIELD_DATE, FIELD_REQUIRED, 10, NULL, NULL,
	    NULL, NULL },
	{ "left_on", "Left on", FIELD_DATE, 0, 10, NULL, NULL,
	    "Leave empty while a member.", NULL },
};

static const struct form_field benefit_fields[] = {
	{ "version", "Version", FIELD_HIDDEN, 0, 12, validate_integer, NULL,
	    NULL, NULL },
	{ "source", "Source", FIELD_TEXT, FIELD_REQUIRED, 300, NULL, NULL,
	    "Who gave it.", NULL },
	{ "kind", "Kind", FIELD_SELECT, FIELD_REQUIRED, 20, NULL, NULL, NULL,
	    benefit_kinds },
	{ "description", "Description", FIELD_TEXTAREA, FIELD_REQUIRED, 2000,
	    NULL, NULL, NULL, NULL },
	{ "value_pounds", "Value (£)", FIELD_NUMBER, FIELD_REQUIRED, 9,
	    validate_pounds, NULL, "The Register shows it in bands of £1,500.",
	    NULL },
	{ "received_on", "Received on", FIELD_DATE, FIELD_REQUIRED, 10, NULL,
	    NULL, NULL, NULL },
	{ "registered_on", "Registered on", FIELD_DATE, 0, 10, NULL, NULL,
	    "Leave empty until the Registrar has it.", NULL },
};

static const struct form_field setting_fields[] = {
	{ "name", "Setting", FIELD_SELECT, FIELD_REQUIRED, 40, NULL, NULL, NULL,
	    setting_options },
	{ "value", "Value", FIELD_TEXT, FIELD_REQUIRED, 200, NULL, NULL,
	    "A whole number, or a party's name as the directory writes it.",
	    NULL },
	{ "valid_from", "Applies from", FIELD_DATE, FIELD_REQUIRED, 10, NULL,
	    NULL, NULL, NULL },
	{ "note", "Note (optional)", FIELD_TEXT, 0, 500, NULL, NULL,
	    "Where it comes from.", NULL },
};

/* The meeting form's simple fields; the rows are read by hand. */
static const struct form_field meeting_fields[] = {
	{ "version", "Version", FIELD_HIDDEN, 0, 12, validate_integer, NULL,
	    NULL, NULL },
	{ "kind", "Kind of meeting", FIELD_SELECT, FIELD_REQUIRED, 20, NULL,
	    NULL, NULL, kind_options },
	{ "title", "Title (optional)", FIELD_TEXT, 0, 300, NULL, NULL,
	    "E.g. \"Evidence session on unaccompanied children\".", NULL },
	{ "held_on", "Date", FIELD_DATE, FIELD_REQUIRED, 10, NULL, NULL, NULL,
	    NULL },
	{ "starts_at", "Time (optional)", FIELD_TIME, 0, 5, NULL, NULL, NULL,
	    NULL },
	{ "place", "Place", FIELD_TEXT, 0, 300, NULL, NULL,
	    "E.g. \"Committee Room 10, House of Commons\".", NULL },
	{ "notice_on", "Notice given in All-Party Notices on (optional)",
	    FIELD_DATE, 0, 10, NULL, NULL, NULL, NULL },
	{ "chair", "Chaired by (optional)", FIELD_TEXT, 0, 300, NULL, NULL,
	    "Leave empty when the group's Chair chaired.", NULL },
	{ "ie_income", "Income (£, optional)", FIELD_NUMBER, 0, 9,
	    validate_pounds, NULL, NULL, NULL },
	{ "ie_expenditure", "Expenditure (£, optional)", FIELD_NUMBER, 0, 9,
	    validate_pounds, NULL, NULL, NULL },
};

static const struct {
	const struct form_field	*fields;
	size_t			 n;
} tables[APPG_FORM__MAX] = {
	[APPG_FORM_GROUP] = { group_fields, sizeof(group_fields) /
	    sizeof(group_fields[0]) },
	[APPG_FORM_OFFICER] = { officer_fields, sizeof(officer_fields) /
	    sizeof(officer_fields[0]) },
	[APPG_FORM_OFFICER_EDIT] = { officer_fields, sizeof(officer_fields) /
	    sizeof(officer_fields[0]) },
	[APPG_FORM_MEMBER] = { member_fields, sizeof(member_fields) /
	    sizeof(member_fields[0]) },
	[APPG_FORM_MEMBER_EDIT] = { member_fields, sizeof(member_fields) /
	    sizeof(member_fields[0]) },
	[APPG_FORM_BENEFIT] = { benefit_fields, sizeof(benefit_fields) /
	    sizeof(benefit_fields[0]) },
	[APPG_FORM_SETTING] = { setting_fields, sizeof(setting_fields) /
	    sizeof(setting_fields[0]) },
};

/*
 * The add forms on the group page leave out the end date (a new post
 * has not ended): the officer table without "ended_on", the member
 * table without "left_on".
 */
static const struct form_field officer_add_fields[] = {
	{ "officer_name", "Name", FIELD_TEXT, FIELD_REQUIRED, 300, NULL, NULL,
	    "An MP or a Peer from the directory: start typing.", NULL },
	{ "post", "Post", FIELD_SELECT, FIELD_REQUIRED, 30, NULL, NULL, NULL,
	    post_options },
	{ "started_on", "In post from", FIELD_DATE, FIELD_REQUIRED, 10, NULL,
	    NULL, NULL, NULL },
	{ "posts_elsewhere", "Officer posts in other groups", FIELD_NUMBER, 0,
	    2, validate_count, NULL, "In groups this tracker does not hold.",
	    NULL },
};

static const struct form_field member_add_fields[] = {
	{ "member_name", "Name", FIELD_TEXT, FIELD_REQUIRED, 300, NULL, NULL,
	    "An MP or a Peer from the directory: start typing.", NULL },
	{ "joined_on", "Joined on", FIELD_DATE, FIELD_REQUIRED, 10, NULL, NULL,
	    NULL, NULL },
};

static const struct form_field *
fields_of(enum appg_form_kind k, size_t *n)
{
	if (k == APPG_FORM_OFFICER) {
		*n = sizeof(officer_add_fields) / sizeof(officer_add_fields[0]);
		return officer_add_fields;
	}
	if (k == APPG_FORM_MEMBER) {
		*n = sizeof(member_add_fields) / sizeof(member_add_fields[0]);
		return member_add_fields;
	}
	*n = tables[k].n;
	return tables[k].fields;
}

static void
set_value(struct form *f, const char *name, const char *value)
{
	size_t	 i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			f->values[i].value = value != NULL ? value : "";
}

int
appg_form_empty(struct ctx *c, enum appg_form_kind k, struct form *f)
{
	const struct form_field	*fields;
	char			 today[11];
	size_t			 n;

	fields = fields_of(k, &n);
	if (form_init(f, &c->arena, fields, n) == -1)
		return -1;
	app_today(today);
	set_value(f, "version", "0");
	set_value(f, "started_on", arena_strdup(&c->arena, today));
	set_value(f, "joined_on", arena_strdup(&c->arena, today));
	set_value(f, "received_on", arena_strdup(&c->arena, today));
	set_value(f, "valid_from", arena_strdup(&c->arena, today));
	set_value(f, "posts_elsewhere", "0");
	set_value(f, "year_end_month", "12");
	set_value(f, "year_end_day", "31");
	set_value(f, "post", "officer");
	set_value(f, "category", "subject");
	return 0;
}

int
appg_form_posted(struct ctx *c, enum appg_form_kind k, struct form *f)
{
	const struct form_field	*fields;
	size_t			 n;

	fields = fields_of(k, &n);
	return form_read(f, &c->arena, fields, n, &c->req.form);
}

static const char *
num(struct ctx *c, long long n)
{
	return arena_printf(&c->arena, "%lld", n);
}

int
appg_form_from_group(struct ctx *c, const struct appg_group *g,
    struct form *f)
{
	if (appg_form_empty(c, APPG_FORM_GROUP, f) == -1)
		return -1;
	set_value(f, "version", num(c, g->version));
	set_value(f, "title", g->title);
	set_value(f, "purpose", g->purpose);
	set_value(f, "category", g->category);
	set_value(f, "year_end_day", num(c, g->year_end_day));
	set_value(f, "year_end_month", num(c, g->year_end_month));
	set_value(f, "reporting_deadline", g->reporting_deadline);
	set_value(f, "enquiry_point", g->enquiry_point);
	set_value(f, "website", g->website);
	set_value(f, "secretariat", g->secretariat);
	set_value(f, "registered_on", g->registered_on);
	set_value(f, "ie_published_on", g->ie_published_on);
	set_value(f, "annual_report_on", g->annual_report_on);
	return 0;
}

int
appg_form_from_officer(struct ctx *c, const struct appg_officer *o,
    const char *name, struct form *f)
{
	if (appg_form_empty(c, APPG_FORM_OFFICER_EDIT, f) == -1)
		return -1;
	set_value(f, "version", num(c, o->version));
	set_value(f, "officer_name", name);
	set_value(f, "post", appg_posts[o->post].code);
	set_value(f, "started_on", o->started_on);
	set_value(f, "ended_on", o->ended_on);
	set_value(f, "posts_elsewhere", num(c, o->posts_elsewhere));
	return 0;
}

int
appg_form_from_member(struct ctx *c, const struct appg_member *m,
    const char *name, struct form *f)
{
	if (appg_form_empty(c, APPG_FORM_MEMBER_EDIT, f) == -1)
		return -1;
	set_value(f, "version", num(c, m->version));
	set_value(f, "member_name", name);
	set_value(f, "joined_on", m->joined_on);
	set_value(f, "left_on", m->left_on);
	return 0;
}

int
appg_form_from_benefit(struct ctx *c, const struct appg_benefit *b,
    struct form *f)
{
	if (appg_form_empty(c, APPG_FORM_BENEFIT, f) == -1)
		return -1;
	set_value(f, "version", num(c, b->version));
	set_value(f, "source", b->source);
	set_value(f, "kind", b->kind);
	set_value(f, "description", b->description);
	set_value(f, "value_pounds", num(c, b->value));
	set_value(f, "received_on", b->received_on);
	set_value(f, "registered_on", b->registered_on);
	return 0;
}

static int
version_of(const struct form *f)
{
	return (int)strtol(form_value(f, "version"), NULL, 10);
}

void
appg_form_to_group(struct ctx *c, struct form *f, struct appg_group *g)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	(void)c;
	memset(g, 0, sizeof(*g));
	g->version = version_of(f);
	g->title = form_value(f, "title");
	g->purpose = form_value(f, "purpose");
	g->category = form_value(f, "category");
	g->year_end_day = (int)strtol(form_value(f, "year_end_day"), NULL, 10);
	g->year_end_month = (int)strtol(form_value(f, "year_end_month"), NULL,
	    10);
	g->reporting_deadline = form_value(f, "reporting_deadline");
	g->enquiry_point = form_value(f, "enquiry_point");
	g->website = form_value(f, "website");
	g->secretariat = form_value(f, "secretariat");
	g->registered_on = form_value(f, "registered_on");
	g->ie_published_on = form_value(f, "ie_published_on");
	g->annual_report_on = form_value(f, "annual_report_on");
	/* 29 February would end the year on a day most years lack. */
	if (g->year_end_month >= 1 && g->year_end_month <= 12 &&
	    g->year_end_day >= 1 && (g->year_end_day >
	    days[g->year_end_month - 1] || (g->year_end_month == 2 &&
	    g->year_end_day == 29)))
		form_set_error(f, "year_end_day", "That month has no such day "
		    "every year: choose an earlier day.");
}

/* "Name #id": the id, or 0. */
static long long
numbered(const char *typed)
{
	const char	*hash = strrchr(typed, '#');

	if (hash == NULL || hash == typed || hash[-1] != ' ' ||
	    validate_integer(hash + 1) != NULL)
		return 0;
	return strtoll(hash + 1, NULL, 10);
}

/* 1 if the person sat in either House on date, by the directory's terms. */
static enum db_err
sat_on(struct ctx *c, long long id, const char *date, int *sat)
{
	struct person_term	 t;
	enum db_err		 e;

	*sat = 0;
	e = person_term_on(c->db, &c->arena, id, date, &t);
	if (e == DB_NOTFOUND)
		return DB_OK;
	if (e != DB_OK)
		return e;
	*sat = strcmp(t.house, "commons") == 0 || strcmp(t.house, "lords") == 0 ||
	    strcmp(t.category, "mp") == 0 || strcmp(t.category, "peer") == 0;
	return DB_OK;
}

enum db_err
appg_form_parliamentarian(struct ctx *c, const char *typed, const char *date,
    long long *id, const char **problem)
{
	struct person	*found, one;
	struct buf	 numbers;
	size_t		 n, i, sitting = 0;
	enum db_err	 e;
	int		 sat;

	*id = 0;
	*problem = NULL;
	if (numbered(typed) != 0) {
		e = person_get(c->db, &c->arena, numbered(typed), &one);
		if (e == DB_NOTFOUND || (e == DB_OK && one.deleted)) {
			*problem = "There is no one with that number in the "
			    "directory.";
			return DB_OK;
		}
		if (e != DB_OK)
			return e;
		found = &one;
		n = 1;
	} else if ((e = person_find_by_name(c->db, &c->arena, typed, &found,
	    &n)) != DB_OK)
		return e;
	if (n == 0) {
		*problem = arena_printf(&c->arena, "No one called \u201c%s\u201d "
		    "is in the directory: check the spelling, or add them on the "
		    "People pages first.", typed);
		return DB_OK;
	}
	buf_init(&numbers);
	for (i = 0; i < n; i++) {
		if ((e = sat_on(c, found[i].id, date, &sat)) != DB_OK) {
			buf_free(&numbers);
			return e;
		}
		if (sat) {
			*id = found[i].id;
			/* How to type each, the type-ahead's list or not. */
			buf_printf(&numbers, "%s%s #%lld", sitting++ ? ", " : "",
			    found[i].full_name, found[i].id);
		}
	}
	if (sitting == 1) {
		buf_free(&numbers);
		return DB_OK;
	}
	*id = 0;
	*problem = sitting > 1 ? arena_printf(&c->arena, "Several people are "
	    "called \u201c%s\u201d: type one of %s.", typed, numbers.data) :
	    arena_printf(&c->arena, "%s was not an MP or "
	    "a Peer on %s, by the directory's record.", typed, date);
	buf_free(&numbers);
	return DB_OK;
}

/* Resolve the form's name field as of the date in date_field. */
static enum db_err
form_person(struct ctx *c, struct form *f, const char *name_field,
    const char *date_field, long long *id)
{
	const char	*typed = form_value(f, name_field);
	const char	*date = form_value(f, date_field);
	const char	*problem;
	enum db_err	 e;

	*id = 0;
	if (*typed == '\0' || validate_date(date) != NULL)
		return DB_OK;
	if ((e = appg_form_parliamentarian(c, typed, date, id, &problem)))
		return e;
	if (problem != NULL)
		form_set_error(f, name_field, problem);
	return DB_OK;
}

static void
end_after_start(struct form *f, const char *start, const char *end)
{
	const char	*s = form_value(f, start), *e = form_value(f, end);

	if (*e != '\0' && *s != '\0' && strcmp(e, s) < 0)
		form_set_error(f, end, "This is before the start date.");
}

enum db_err
appg_form_to_officer(struct ctx *c, struct form *f, struct appg_officer *o)
{
	int	 post = appg_code_index(appg_posts, APPG_POST__MAX,
	    form_value(f, "post"));

	memset(o, 0, sizeof(*o));
	o->version = version_of(f);
	o->post = post < 0 ? APPG_POST_OFFICER : (enum appg_post)post;
	o->started_on = form_value(f, "started_on");
	o->ended_on = form_value(f, "ended_on");
	o->posts_elsewhere = (int)strtol(form_value(f, "posts_elsewhere"),
	    NULL, 10);
	end_after_start(f, "started_on", "ended_on");
	return form_person(c, f, "officer_name", "started_on", &o->person_id);
}

enum db_err
appg_form_to_member(struct ctx *c, struct form *f, struct appg_member *m)
{
	memset(m, 0, sizeof(*m));
	m->version = version_of(f);
	m->joined_on = form_value(f, "joined_on");
	m->left_on = form_value(f, "left_on");
	end_after_start(f, "joined_on", "left_on");
	return form_person(c, f, "member_name", "joined_on", &m->person_id);
}

void
appg_form_to_benefit(struct ctx *c, struct form *f, struct appg_benefit *b)
{
	(void)c;
	memset(b, 0, sizeof(*b));
	b->version = version_of(f);
	b->source = form_value(f, "source");
	b->kind = form_value(f, "kind");
	b->description = form_value(f, "description");
	b->value = strtol(form_value(f, "value_pounds"), NULL, 10);
	b->received_on = form_value(f, "received_on");
	b->registered_on = form_value(f, "registered_on");
	end_after_start(f, "received_on", "registered_on");
}

void
appg_form_to_setting(struct ctx *c, struct form *f, struct appg_setting *s)
{
	int	 name = appg_code_index(appg_settings_names, APPG_SET__MAX,
	    form_value(f, "name"));

	(void)c;
	memset(s, 0, sizeof(*s));
	s->name = name < 0 ? APPG_SET_OFFICERS_EXACT : (enum appg_setting_id)name;
	s->value = form_value(f, "value");
	s->valid_from = form_value(f, "valid_from");
	s->note = form_value(f, "note");
	/* The options above must be the codes the rules know. */
	if (name < 0)
		form_set_error(f, "name", "Choose one of the settings.");
	if (name >= 0 && s->name != APPG_SET_GOVERNING_PARTY &&
	    s->name != APPG_SET_OPPOSITION_PARTY && *s->value != '\0' &&
	    (validate_integer(s->value) != NULL ||
	    strtol(s->value, NULL, 10) < 0))
		form_set_error(f, "value", "This setting is a whole number, 0 "
		    "or more.");
}

/* --- the meeting form ------------------------------------------------------ */

/* The posted value of a row field ("" when absent). */
static const char *
row(struct ctx *c, const char *name, size_t n)
{
	char		 field[48];
	const char	*v;

	snprintf(field, sizeof(field), "%s_%zu", name, n);
	v = req_form(&c->req, field);
	return v != NULL ? v : "";
}

/* A one-line row value, trimmed and capped at max characters. */
static const char *
row_line(struct ctx *c, const char *name, size_t n, size_t max)
{
	const char	*v = row(c, name, n), *end;
	size_t		 len;

	while (isspace((unsigned char)*v))
		v++;
	end = v + strlen(v);
	while (end > v && isspace((unsigned char)end[-1]))
		end--;
	len = (size_t)(end - v);
	if (len > max * 4)
		len = max * 4;
	return arena_strndup(&c->arena, v, len);
}

static size_t
count(struct ctx *c, const char *name)
{
	const char	*v = req_form(&c->req, name);
	long		 n = v != NULL ? strtol(v, NULL, 10) : 0;

	return n < 0 ? 0 : n > MAX_ROWS ? MAX_ROWS : (size_t)n;
}

/* The role of a group person on date: their posts, or "Member". */
static const char *
role_on(struct ctx *c, const struct appg_bundle *b, long long person,
    const char *date)
{
	const char	*role = NULL;
	size_t		 i;

	for (i = 0; i < b->nofficers; i++) {
		const struct appg_officer *o = &b->officers[i];

		if (o->deleted || o->person_id != person ||
		    !appg_active_on(o->started_on, o->ended_on, date))
			continue;
		role = role == NULL ? appg_posts[o->post].label :
		    arena_printf(&c->arena, "%s and %s", role,
		    appg_posts[o->post].label);
	}
	return role != NULL ? role : "Member";
}

static int
in_group_on(const struct appg_bundle *b, long long person, const char *date)
{
	size_t	 i;

	for (i = 0; i < b->nofficers; i++)
		if (!b->officers[i].deleted && b->officers[i].person_id == person &&
		    appg_active_on(b->officers[i].started_on,
		    b->officers[i].ended_on, date))
			return 1;
	for (i = 0; i < b->nmembers; i++)
		if (!b->members[i].deleted && b->members[i].person_id == person &&
		    appg_active_on(b->members[i].joined_on, b->members[i].left_on,
		    date))
			return 1;
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct appg_roster_row *)a)->name,
	    ((const struct appg_roster_row *)b)->name);
}

/* The first post (in enum order) person holds on date, or -1: a member. */
static int
first_post(const struct appg_bundle *b, long long person, const char *date)
{
	size_t	 i;
	int	 best = -1;

	for (i = 0; i < b->nofficers; i++) {
		const struct appg_officer *o = &b->officers[i];

		if (!o->deleted && o->person_id == person &&
		    appg_active_on(o->started_on, o->ended_on, date) &&
		    (best == -1 || (int)o->post < best))
			best = (int)o->post;
	}
	return best;
}

/*
 * The roster of the meeting's day: the group's people then, officers
 * first by post, then members by name, plus anyone of the group already
 * marked (keep) even if the date moved outside their time.
 */
static int
build_roster(struct ctx *c, const struct appg_bundle *b, const char *date,
    int (*keep)(struct ctx *, const void *, long long), const void *arg,
    struct appg_meeting_form *mf)
{
	size_t	 i;
	int	 post;

	mf->nroster = 0;
	if ((mf->roster = arena_alloc(&c->arena, (b->npeople + 1) *
	    sizeof(*mf->roster))) == NULL)
		return -1;
	/* post -1 is the members' turn, after every post. */
	for (post = 0; post <= APPG_POST__MAX; post++)
		for (i = 0; i < b->npeople; i++) {
			const struct appg_person *p = &b->people[i];
			int fp = first_post(b, p->id, date);

			if (!(in_group_on(b, p->id, date) ||
			    (keep != NULL && keep(c, arg, p->id))))
				continue;
			if (post == APPG_POST__MAX ? fp != -1 : fp != post)
				continue;
			mf->roster[mf->nroster].person_id = p->id;
			mf->roster[mf->nroster].name = p->name;
			mf->roster[mf->nroster].role = role_on(c, b, p->id, date);
			mf->roster[mf->nroster].status = "";
			mf->nroster++;
		}
	for (i = 0; i < mf->nroster && strcmp(mf->roster[i].role, "Member"); i++)
		;
	qsort(mf->roster + i, mf->nroster - i, sizeof(*mf->roster), by_name);
	return 0;
}

static struct appg_roster_row *
roster_row(struct appg_meeting_form *mf, long long person)
{
	size_t	 i;

	for (i = 0; i < mf->nroster; i++)
		if (mf->roster[i].person_id == person)
			return &mf->roster[i];
	return NULL;
}

/* Room for n rows of each repeated part, the first ones filled later. */
static int
alloc_rows(struct ctx *c, struct appg_meeting_form *mf, size_t others,
    size_t guests, size_t items, size_t actions)
{
	mf->others = arena_alloc(&c->arena, (others + 1) * sizeof(*mf->others));
	mf->guests = arena_alloc(&c->arena, (guests + 1) * sizeof(*mf->guests));
	mf->items = arena_alloc(&c->arena, (items + 1) * sizeof(*mf->items));
	mf->actions = arena_alloc(&c->arena, (actions + 1) *
	    sizeof(*mf->actions));
	mf->nothers = others;
	mf->nguests = guests;
	mf->nitems = items;
	mf->nactions = actions;
	return mf->others && mf->guests && mf->items && mf->actions ? 0 : -1;
}

static void
blank_rows(struct appg_meeting_form *mf, size_t from_o, size_t from_g,
    size_t from_i, size_t from_a)
{
	size_t	 i;

	for (i = from_o; i < mf->nothers; i++)
		mf->others[i] = (struct appg_other_row){ "", "present", NULL };
	for (i = from_g; i < mf->nguests; i++)
		mf->guests[i] = (struct appg_guest_row){ "", "", "speaker",
		    NULL };
	for (i = from_i; i < mf->nitems; i++)
		mf->items[i] = (struct appg_item_row){ "", "", "", "", NULL };
	for (i = from_a; i < mf->nactions; i++)
		mf->actions[i] = (struct appg_action_row){ "", "", "", "", "", 0,
		    NULL };
}

static void
meeting_values(struct ctx *c, struct appg_meeting_form *mf,
    const struct appg_meeting *m)
{
	struct form	*f = &mf->form;

	set_value(f, "version", num(c, m->version));
	set_value(f, "kind", appg_kinds[m->kind].code);
	set_value(f, "title", m->title);
	set_value(f, "held_on", m->held_on);
	set_value(f, "starts_at", m->starts_at);
	set_value(f, "place", m->place);
	set_value(f, "notice_on", m->notice_on);
	set_value(f, "chair", m->chair_name);
	set_value(f, "ie_income", m->ie_income >= 0 ? num(c, m->ie_income) : "");
	set_value(f, "ie_expenditure", m->ie_expenditure >= 0 ?
	    num(c, m->ie_expenditure) : "");
	mf->decision_planned = m->decision_planned;
	mf->ie_approved = m->ie_approved;
	mf->ie_nil_return = m->ie_nil_return;
	mf->chair_from_pool = m->chair_from_pool;
}

static int
attended(struct ctx *c, const void *arg, long long person)
{
	const struct appg_meeting	*m = arg;
	size_t				 i;

	(void)c;
	for (i = 0; i < m->nattendees; i++)
		if (m->attendees[i].person_id == person &&
		    m->attendees[i].status != APPG_IN_ATTENDANCE)
			return 1;
	return 0;
}

/* Attendance, agenda and actions of a saved meeting into the rows. */
static int
meeting_rows(struct ctx *c, const struct appg_meeting *m,
    struct appg_meeting_form *mf)
{
	struct appg_roster_row	*r;
	size_t			 i, no = 0, ng = 0;

	if (alloc_rows(c, mf, m->nattendees + 2, m->nattendees + 2,
	    m->nagenda + 2, m->nactions + 2) == -1)
		return -1;
	for (i = 0; i < m->nattendees; i++) {
		const struct appg_attendee *at = &m->attendees[i];

		if (at->status == APPG_IN_ATTENDANCE)
			mf->guests[ng++] = (struct appg_guest_row){ at->name,
			    at->organisation, appg_capacities[at->capacity].code,
			    NULL };
		else if ((r = roster_row(mf, at->person_id)) != NULL)
			r->status = appg_attends[at->status].code;
		else
			mf->others[no++] = (struct appg_other_row){ at->name,
			    appg_attends[at->status].code, NULL };
	}
	mf->nothers = no + 2;
	mf->nguests = ng + 2;
	for (i = 0; i < m->nagenda; i++)
		mf->items[i] = (struct appg_item_row){ m->agenda[i].title,
		    m->agenda[i].papers, m->agenda[i].discussion,
		    m->agenda[i].decision, NULL };
	for (i = 0; i < m->nactions; i++)
		mf->actions[i] = (struct appg_action_row){
		    num(c, m->actions[i].id), m->actions[i].action,
		    m->actions[i].owner, m->actions[i].due_on,
		    m->actions[i].done_on, *m->actions[i].done_on != '\0', NULL };
	blank_rows(mf, no, ng, m->nagenda, m->nactions);
	return 0;
}

enum db_err
appg_meeting_form_from(struct ctx *c, const struct appg_bundle *b,
    const struct appg_meeting *m, struct appg_meeting_form *mf)
{
	char	 today[11];

	memset(mf, 0, sizeof(*mf));
	if (form_init(&mf->form, &c->arena, meeting_fields,
	    sizeof(meeting_fields) / sizeof(meeting_fields[0])) == -1)
		return DB_NOMEM;
	if (m == NULL) {
		app_today(today);
		set_value(&mf->form, "version", "0");
		set_value(&mf->form, "kind", "general");
		set_value(&mf->form, "held_on", arena_strdup(&c->arena, today));
		if (build_roster(c, b, today, NULL, NULL, mf) == -1 ||
		    alloc_rows(c, mf, 2, 3, 3, 3) == -1)
			return DB_NOMEM;
		blank_rows(mf, 0, 0, 0, 0);
		return DB_OK;
	}
	meeting_values(c, mf, m);
	if (build_roster(c, b, m->held_on, attended, m, mf) == -1 ||
	    meeting_rows(c, m, mf) == -1)
		return DB_NOMEM;
	return DB_OK;
}

/* 1 if the form posted a mark for the person (att_ID). */
static int
marked(struct ctx *c, const void *arg, long long person)
{
	char		 name[40];
	const char	*v;

	(void)arg;
	snprintf(name, sizeof(name), "att_%lld", person);
	v = req_form(&c->req, name);
	return v != NULL && *v != '\0';
}

static const char *
one_of(const char *v, const char *const *allowed, const char *fallback)
{
	for (; *allowed != NULL; allowed++)
		if (strcmp(v, *allowed) == 0)
			return *allowed;
	return fallback;
}

static void
posted_rows(struct ctx *c, struct appg_meeting_form *mf)
{
	static const char *const statuses[] = { "present", "apologies", NULL };
	static const char *const caps[] = { "speaker", "guest", "secretariat",
	    "official", NULL };
	size_t	 i;

	for (i = 0; i < mf->nothers; i++)
		mf->others[i] = (struct appg_other_row){
		    row_line(c, "other_name", i, 300),
		    one_of(row(c, "other_status", i), statuses, "present"), NULL };
	for (i = 0; i < mf->nguests; i++)
		mf->guests[i] = (struct appg_guest_row){
		    row_line(c, "guest_name", i, 200),
		    row_line(c, "guest_org", i, 200),
		    one_of(row(c, "guest_cap", i), caps, "guest"), NULL };
	for (i = 0; i < mf->nitems; i++)
		mf->items[i] = (struct appg_item_row){
		    row_line(c, "item_title", i, 300), row(c, "item_papers", i),
		    row(c, "item_discussion", i), row(c, "item_decision", i),
		    NULL };
	for (i = 0; i < mf->nactions; i++)
		mf->actions[i] = (struct appg_action_row){
		    row_line(c, "act_id", i, 20),
		    row_line(c, "act_action", i, 500),
		    row_line(c, "act_owner", i, 200),
		    row_line(c, "act_due", i, 10),
		    row_line(c, "act_done_on", i, 10),
		    strcmp(row(c, "act_done", i), "1") == 0, NULL };
}

enum db_err
appg_meeting_form_posted(struct ctx *c, const struct appg_bundle *b,
    struct appg_meeting_form *mf)
{
	static const char *const statuses[] = { "present", "apologies", NULL };
	const char	*date;
	char		 name[40], today[11];
	size_t		 i;

	memset(mf, 0, sizeof(*mf));
	if (form_read(&mf->form, &c->arena, meeting_fields,
	    sizeof(meeting_fields) / sizeof(meeting_fields[0]),
	    &c->req.form) < 0)
		return DB_NOMEM;
	mf->decision_planned = req_form(&c->req, "decision_planned") != NULL;
	mf->ie_approved = req_form(&c->req, "ie_approved") != NULL;
	mf->ie_nil_return = req_form(&c->req, "ie_nil_return") != NULL;
	mf->chair_from_pool = req_form(&c->req, "chair_from_pool") != NULL;
	date = form_value(&mf->form, "held_on");
	if (validate_date(date) != NULL) {
		app_today(today);
		date = arena_strdup(&c->arena, today);
	}
	if (build_roster(c, b, date, marked, NULL, mf) == -1)
		return DB_NOMEM;
	for (i = 0; i < mf->nroster; i++) {
		const char *v;

		snprintf(name, sizeof(name), "att_%lld", mf->roster[i].person_id);
		v = req_form(&c->req, name);
		mf->roster[i].status = one_of(v ? v : "", statuses, "");
	}
	if (alloc_rows(c, mf, count(c, "others_count"), count(c,
	    "guests_count"), count(c, "items_count"),
	    count(c, "actions_count")) == -1)
		return DB_NOMEM;
	posted_rows(c, mf);
	return DB_OK;
}

int
appg_meeting_form_more(struct ctx *c, struct appg_meeting_form *mf)
{
	struct appg_meeting_form	 old = *mf;

	if (alloc_rows(c, mf, old.nothers + 2, old.nguests + 2, old.nitems + 2,
	    old.nactions + 2) == -1)
		return -1;
	memcpy(mf->others, old.others, old.nothers * sizeof(*old.others));
	memcpy(mf->guests, old.guests, old.nguests * sizeof(*old.guests));
	memcpy(mf->items, old.items, old.nitems * sizeof(*old.items));
	memcpy(mf->actions, old.actions, old.nactions * sizeof(*old.actions));
	blank_rows(mf, old.nothers, old.nguests, old.nitems, old.nactions);
	return 0;
}

static void
row_problem(struct appg_meeting_form *mf, const char **error, const char *msg)
{
	if (*error == NULL) {
		*error = msg;
		mf->nrow_errors++;
	}
}

/* Papers: each line "Title https://..." or the address alone. */
static int
papers_ok(const char *papers)
{
	const char	*p = papers, *nl, *sp, *url;
	char		 line[1100];

	for (; p != NULL && *p != '\0'; p = nl ? nl + 1 : NULL) {
		size_t len;

		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		if (len >= sizeof(line))
			return 0;
		memcpy(line, p, len);
		line[len] = '\0';
		while (len > 0 && isspace((unsigned char)line[len - 1]))
			line[--len] = '\0';
		if (len == 0)
			continue;
		sp = strrchr(line, ' ');
		url = sp ? sp + 1 : line;
		if (validate_web(url) != NULL)
			return 0;
	}
	return 1;
}

static enum db_err
build_attendees(struct ctx *c, struct appg_meeting_form *mf, const char *date,
    struct appg_meeting *m)
{
	struct appg_attendee	*at;
	const char		*problem;
	long long		 id;
	size_t			 i, j;
	enum db_err		 e;

	if ((m->attendees = arena_alloc(&c->arena, (mf->nroster + mf->nothers +
	    mf->nguests + 1) * sizeof(*m->attendees))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < mf->nroster; i++) {
		if (*mf->roster[i].status == '\0')
			continue;
		at = &m->attendees[m->nattendees++];
		at->person_id = mf->roster[i].person_id;
		at->status = strcmp(mf->roster[i].status, "present") == 0 ?
		    APPG_PRESENT : APPG_APOLOGIES;
		at->capacity = APPG_CAP_MEMBER;
	}
	for (i = 0; i < mf->nothers; i++) {
		struct appg_other_row *o = &mf->others[i];

		if (*o->name == '\0')
			continue;
		if ((e = appg_form_parliamentarian(c, o->name, date, &id,
		    &problem)) != DB_OK)
			return e;
		for (j = 0; problem == NULL && j < m->nattendees; j++)
			if (m->attendees[j].person_id == id)
				problem = "Already listed on this form.";
		if (problem != NULL) {
			row_problem(mf, &o->error, problem);
			continue;
		}
		at = &m->attendees[m->nattendees++];
		at->person_id = id;
		at->status = strcmp(o->status, "apologies") == 0 ?
		    APPG_APOLOGIES : APPG_PRESENT;
		at->capacity = APPG_CAP_MEMBER;
	}
	for (i = 0; i < mf->nguests; i++) {
		struct appg_guest_row	*g = &mf->guests[i];
		struct person		*found;
		size_t			 n;
		int			 cap = appg_code_index(appg_capacities,
		    APPG_CAP__MAX, g->capacity);

		if (*g->name == '\0') {
			if (*g->organisation != '\0')
				row_problem(mf, &g->error, "Give the name of "
				    "whoever came from this organisation.");
			continue;
		}
		/* A name the directory knows once is linked to its record. */
		if ((e = person_find_by_name(c->db, &c->arena, g->name, &found,
		    &n)) != DB_OK)
			return e;
		at = &m->attendees[m->nattendees++];
		at->person_id = n == 1 ? found[0].id : 0;
		at->name = g->name;
		at->organisation = g->organisation;
		at->status = APPG_IN_ATTENDANCE;
		at->capacity = cap < 0 ? APPG_CAP_GUEST : (enum appg_capacity)cap;
	}
	return DB_OK;
}

static int
build_items(struct ctx *c, struct appg_meeting_form *mf,
    struct appg_meeting *m)
{
	size_t	 i;

	if ((m->agenda = arena_alloc(&c->arena, (mf->nitems + 1) *
	    sizeof(*m->agenda))) == NULL)
		return -1;
	for (i = 0; i < mf->nitems; i++) {
		struct appg_item_row	*it = &mf->items[i];
		struct appg_agenda_item	*a;

		if (*it->title == '\0' && strspn(it->papers, " \r\n") ==
		    strlen(it->papers) && strspn(it->discussion, " \r\n") ==
		    strlen(it->discussion) && strspn(it->decision, " \r\n") ==
		    strlen(it->decision))
			continue;
		if (*it->title == '\0')
			row_problem(mf, &it->error, "Give this item a title.");
		if (!papers_ok(it->papers))
			row_problem(mf, &it->error, "Each paper needs its "
			    "address: put https://... at the end of its line.");
		if (strlen(it->discussion) > 20000 || strlen(it->decision) > 5000)
			row_problem(mf, &it->error, "This item is too long: keep "
			    "the discussion under 20,000 characters.");
		a = &m->agenda[m->nagenda++];
		a->title = it->title;
		a->papers = it->papers;
		a->discussion = it->discussion;
		a->decision = it->decision;
	}
	return 0;
}

static int
build_actions(struct ctx *c, struct appg_meeting_form *mf,
    struct appg_meeting *m)
{
	char	 today[11];
	size_t	 i;

	app_today(today);
	if ((m->actions = arena_alloc(&c->arena, (mf->nactions + 1) *
	    sizeof(*m->actions))) == NULL)
		return -1;
	for (i = 0; i < mf->nactions; i++) {
		struct appg_action_row	*x = &mf->actions[i];
		struct appg_action	*a;

		if (*x->action == '\0' && *x->owner == '\0' &&
		    *x->due_on == '\0' && !x->done)
			continue;
		if (*x->action == '\0')
			row_problem(mf, &x->error, "Say what the action is.");
		if (*x->due_on != '\0' && validate_date(x->due_on) != NULL)
			row_problem(mf, &x->error, validate_date(x->due_on));
		/* Only a date this form wrote comes back; a new tick is today. */
		if (!x->done)
			x->done_on = "";
		else if (validate_date(x->done_on) != NULL)
			x->done_on = arena_strdup(&c->arena, today);
		a = &m->actions[m->nactions++];
		a->id = validate_integer(x->id) == NULL ? strtoll(x->id, NULL,
		    10) : 0;
		a->action = x->action;
		a->owner = x->owner;
		a->due_on = x->due_on;
		a->done_on = x->done_on;
	}
	return 0;
}

enum db_err
appg_meeting_form_build(struct ctx *c, struct appg_meeting_form *mf,
    long long id, long long group_id, struct appg_meeting *m)
{
	struct form	*f = &mf->form;
	const char	*date = form_value(f, "held_on"), *chair, *problem;
	int		 kind = appg_code_index(appg_kinds, APPG_KIND__MAX,
	    form_value(f, "kind"));
	enum db_err	 e;

	memset(m, 0, sizeof(*m));
	m->id = id;
	m->group_id = group_id;
	m->version = version_of(f);
	m->kind = kind < 0 ? APPG_KIND_GENERAL : (enum appg_kind)kind;
	m->title = form_value(f, "title");
	m->held_on = date;
	m->starts_at = form_value(f, "starts_at");
	m->place = form_value(f, "place");
	m->notice_on = form_value(f, "notice_on");
	m->decision_planned = mf->decision_planned;
	m->ie_approved = mf->ie_approved;
	m->ie_nil_return = mf->ie_nil_return;
	m->chair_from_pool = mf->chair_from_pool;
	m->ie_income = *form_value(f, "ie_income") ?
	    strtol(form_value(f, "ie_income"), NULL, 10) : -1;
	m->ie_expenditure = *form_value(f, "ie_expenditure") ?
	    strtol(form_value(f, "ie_expenditure"), NULL, 10) : -1;
	if (*m->notice_on != '\0' && validate_date(date) == NULL &&
	    strcmp(m->notice_on, date) > 0)
		form_set_error(f, "notice_on", "Notice is given before the "
		    "meeting: this date is after it.");
	if (validate_date(date) != NULL)
		return DB_OK;
	chair = form_value(f, "chair");
	if (*chair != '\0') {
		if ((e = appg_form_parliamentarian(c, chair, date,
		    &m->chair_person_id, &problem)) != DB_OK)
			return e;
		if (problem != NULL)
			form_set_error(f, "chair", problem);
	}
	if ((e = build_attendees(c, mf, date, m)) != DB_OK)
		return e;
	if (build_items(c, mf, m) == -1 || build_actions(c, mf, m) == -1)
		return DB_NOMEM;
	return DB_OK;
}
