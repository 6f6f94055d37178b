/*
 * reports.fcgi, its second part: /reports/engagement, the policy
 * engagement report for a period, as a page, CSV (&format=csv) or JSON
 * (&format=json).  The route table is in reports.c.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app.h"
#include "eng_privacy.h"
#include "form.h"
#include "report.h"
#include "reports.h"
#include "ui_report.h"

enum period_field { P_FROM, P_TO, P__MAX };

static const struct form_field period_fields[P__MAX] = {
	[P_FROM] = { "from", "First day", FIELD_DATE, 0, 10, NULL, NULL,
	    NULL, NULL },
	[P_TO] = { "to", "Last day", FIELD_DATE, 0, 10, NULL, NULL, NULL,
	    NULL },
};

enum format { FORMAT_HTML, FORMAT_CSV, FORMAT_JSON, FORMAT_BAD };

static enum format
format_of(const char *s)
{
	if (s == NULL || *s == '\0' || strcmp(s, "html") == 0)
		return FORMAT_HTML;
	if (strcmp(s, "csv") == 0)
		return FORMAT_CSV;
	return strcmp(s, "json") == 0 ? FORMAT_JSON : FORMAT_BAD;
}

/*
 * The period asked for: both dates, or neither for this strategy year.
 * Returns 0, or -1 with the problem marked on its field.
 */
static int
read_period(struct ctx *c, struct form *f, const char *today,
    struct report_period *p)
{
	const char	*from, *to, *msg, *field;

	if (form_read(f, &c->arena, period_fields, P__MAX, &c->req.query) < 0)
		return -1;
	from = f->values[P_FROM].value;
	to = f->values[P_TO].value;
	if (*from == '\0' && *to == '\0' && f->nerrors == 0) {
		report_strategy_year(today, p);
		f->values[P_FROM].value = arena_strdup(&c->arena, p->from);
		f->values[P_TO].value = arena_strdup(&c->arena, p->to);
		return 0;
	}
	if (f->nerrors > 0)
		return -1;
	if ((msg = report_period_check(from, to, &field)) != NULL) {
		form_set_error(f, field, msg);
		return -1;
	}
	snprintf(p->from, sizeof(p->from), "%s", from);
	snprintf(p->to, sizeof(p->to), "%s", to);
	return 0;
}

/* The first problem of the form, for the CSV and JSON answers. */
static const char *
first_problem(const struct form *f, const char **field)
{
	size_t	 i;

	for (i = 0; i < P__MAX; i++)
		if (f->values != NULL && f->values[i].error != NULL) {
			*field = period_fields[i].name;
			return f->values[i].error;
		}
	*field = "from";
	return "Enter the period as from=YYYY-MM-DD&to=YYYY-MM-DD.";
}

static void
bad_period(struct ctx *c, enum format fmt, const struct form *f)
{
	const char	*field, *msg = first_problem(f, &field);

	c->resp.status = 400;
	buf_reset(&c->resp.body);
	if (fmt == FORMAT_JSON) {
		resp_header_set(&c->resp, "Content-Type",
		    "application/json; charset=utf-8");
		ui_report_error_json(&c->resp.body, field, msg);
	} else {
		resp_header_set(&c->resp, "Content-Type",
		    "text/plain; charset=utf-8");
		buf_printf(&c->resp.body, "%s: %s\n", field, msg);
	}
}

static void
respond(struct ctx *c, enum format fmt, struct report_view *v)
{
	if (fmt == FORMAT_CSV) {
		app_begin_csv(c, arena_printf(&c->arena,
		    "engagement-report-%s-to-%s.csv", v->report->period.from,
		    v->report->period.to));
		ui_report_csv(&c->resp.body, v->report);
	} else if (fmt == FORMAT_JSON) {
		buf_reset(&c->resp.body);
		resp_header_set(&c->resp, "Content-Type",
		    "application/json; charset=utf-8");
		if (ui_report_json(&c->resp.body, &c->arena, v->report) == -1)
			app_error(c, 500, NULL);
	} else {
		app_begin_page(c);
		ui_report_page(&c->html, v);
	}
}

void
report_engagement_get(struct ctx *c)
{
	enum format			 fmt = format_of(req_query(&c->req,
					    "format"));
	struct eng_reader		 reader;
	struct engagement_report	 rep;
	struct report_period		 period;
	struct report_view		 v;
	struct form			 f;
	char				 today[11];
	enum db_err			 e;
	size_t				 i;

	if (fmt == FORMAT_BAD) {
		app_error(c, 400, "The format must be html, csv or json.");
		return;
	}
	memset(&v, 0, sizeof(v));
	memset(&f, 0, sizeof(f));
	app_today(today);
	for (i = 0; i < PRESET__MAX; i++)
		report_preset((enum report_preset)i, today, &v.presets[i]);
	v.session = &c->session;
	v.form = &f;
	v.today = today;
	if (read_period(c, &f, today, &period) == -1) {
		if (f.values == NULL) {
			app_error(c, 500, NULL);
			return;
		}
		if (fmt != FORMAT_HTML) {
			bad_period(c, fmt, &f);
			return;
		}
		app_begin_page(c);
		ui_report_page(&c->html, &v);
		c->resp.status = 400;
		return;
	}
	reader = eng_reader_of(&c->session);
	if ((e = report_build(c->db, &c->arena, &period, &reader, &rep))
	    != DB_OK) {
		app_db_error(c, e);
		return;
	}
	v.report = &rep;
	respond(c, fmt, &v);
}
