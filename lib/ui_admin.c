#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "directory.h"
#include "form.h"
#include "html.h"
#include "import.h"
#include "layout.h"
#include "ui.h"
#include "ui_admin.h"
#include "ui_privacy.h"
#include "ui_privacy_erase.h"
#include "users.h"

static const char *
yes_no(int b)
{
	return b ? "yes" : "no";
}

static void
th_col(struct html *h, const char *text)
{
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, text);
	html_close(h);
}

static void
submit_button(struct html *h, const char *text, const char *aria_label)
{
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_CLASS, "primary",
	    AT_ARIA_LABEL, aria_label, AT__MAX);
	html_text(h, text);
	html_close(h);
}

static void
back_link(struct html *h, const char *href, const char *text)
{
	html_open(h, EL_P, AT__MAX);
	html_open(h, EL_A, AT_HREF, href, AT__MAX);
	html_text(h, text);
	html_close(h);
	html_close(h);
}

/* A refusal that is not about one field: an alert box above the page. */
static void
problem_box(struct html *h, const char *problem)
{
	if (problem == NULL)
		return;
	html_open(h, EL_DIV, AT_CLASS, "error-summary", AT_ROLE, "alert",
	    AT__MAX);
	html_elem(h, EL_H2, "There is a problem");
	html_elem(h, EL_P, problem);
	html_close(h);
}

/*
 * A POST button in its own form, like ui_post_button(), with an
 * accessible name that says which row it acts on ("Disable miriam").
 */
static void
row_button(struct html *h, const char *action, const char *csrf,
    const char *label, const char *aria_label)
{
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, action,
	    AT_CLASS, "inline", AT__MAX);
	layout_csrf_input(h, csrf);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_ARIA_LABEL, aria_label,
	    AT__MAX);
	html_text(h, label);
	html_close(h);
	html_close(h);
}

void
ui_admin_index(struct html *h, const struct session *s, long no_basis,
    const struct retention_status *retention)
{
	static const struct {
		const char	*href, *label, *blurb;
	} sections[] = {
		{ "/admin/users", "Users", "Add accounts, change roles and "
		    "names, set new passwords, disable and enable accounts." },
		{ "/admin/policy-areas", "Policy areas", "The policy areas "
		    "engagements are tagged with: add, rename, mark as a "
		    "priority, retire." },
		{ "/admin/categories", "Person categories", "The kinds of "
		    "people in the directory, and which of them count as "
		    "decision makers in reports." },
		{ "/admin/import", "Import people", "Add many people at once "
		    "from a CSV file; editors may do this too." },
		{ "/admin/members", "Import MPs, Peers and councillors",
		    "Keep Parliament members and a council's councillors "
		    "current from their published data." },
		{ "/admin/strategy", "Strategy and KPIs", "The strategy's "
		    "aims, objectives, yearly goals and KPIs, their targets "
		    "and how each KPI is counted; every change with its "
		    "reason in the decision log." },
		{ "/admin/retention", "Retention", "How long people are kept "
		    "after the last contact with them, by category, and who "
		    "is due for erasure." },
	};
	const struct page	 p = { "Admin", s, AREA_ADMIN };
	size_t			 i;

	layout_begin(h, &p);
	ui_retention_reminder(h, retention);
	ui_privacy_no_basis(h, no_basis);
	html_elem(h, EL_P, "Viewers read everything; editors also record and "
	    "edit; admins also manage what is on these pages.");
	html_open(h, EL_UL, AT_CLASS, "areas", AT__MAX);
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		html_open(h, EL_LI, AT__MAX);
		html_open(h, EL_A, AT_HREF, sections[i].href, AT__MAX);
		html_text(h, sections[i].label);
		html_close(h);
		html_elem(h, EL_P, sections[i].blurb);
		html_close(h);
	}
	html_close(h);
	layout_end(h);
}

static int
is_self(const struct session *s, const struct user *u)
{
	return s != NULL && s->user_id == u->id;
}

void
ui_admin_users(struct html *h, const struct admin_users_view *v)
{
	const struct page	 p = { "Users", v->session, AREA_ADMIN };
	char			 href[96], aria[96];
	size_t			 i;

	layout_begin(h, &p);
	if (v->notice != NULL)
		ui_notice(h, v->notice);
	problem_box(h, v->problem);
	html_open(h, EL_P, AT__MAX);
	html_open(h, EL_A, AT_HREF, "/admin/users/new", AT_CLASS, "button",
	    AT__MAX);
	html_text(h, "Add a user");
	html_close(h);
	html_close(h);
	html_open(h, EL_TABLE, AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	th_col(h, "Username");
	th_col(h, "Name");
	th_col(h, "Role");
	th_col(h, "Status");
	th_col(h, "Actions");
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < v->n; i++) {
		const struct user *u = &v->users[i];

		html_open(h, EL_TR, AT__MAX);
		html_open(h, EL_TD, AT__MAX);
		snprintf(href, sizeof(href), "/admin/users/%lld/edit", u->id);
		html_open(h, EL_A, AT_HREF, href, AT__MAX);
		html_text(h, u->username);
		html_close(h);
		html_close(h);
		html_elem(h, EL_TD, u->display_name);
		html_elem(h, EL_TD, role_name(u->role));
		html_elem(h, EL_TD, u->disabled ? "disabled" : "active");
		html_open(h, EL_TD, AT__MAX);
		if (is_self(v->session, u))
			html_text(h, "This is you.");
		else {
			snprintf(href, sizeof(href), "/admin/users/%lld/%s",
			    u->id, u->disabled ? "enable" : "disable");
			snprintf(aria, sizeof(aria), "%s %s",
			    u->disabled ? "Enable" : "Disable", u->username);
			row_button(h, href, v->session->csrf,
			    u->disabled ? "Enable" : "Disable", aria);
		}
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	layout_end(h);
}

void
ui_admin_user_new(struct html *h, const struct admin_user_view *v)
{
	const struct page	 p = { "Add a user", v->session, AREA_ADMIN };

	layout_begin(h, &p);
	form_render_summary(h, v->form);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, "/admin/users/new",
	    AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	form_render_fields(h, v->form);
	submit_button(h, "Add user", NULL);
	html_close(h);
	back_link(h, "/admin/users", "Back to the users");
	layout_end(h);
}

void
ui_admin_user_edit(struct html *h, const struct admin_user_view *v)
{
	const struct user	*u = v->user;
	struct page		 p = { NULL, v->session, AREA_ADMIN };
	char			 title[128], action[96];

	snprintf(title, sizeof(title), "User %s", u->username);
	p.title = title;
	layout_begin(h, &p);
	if (v->notice != NULL)
		ui_notice(h, v->notice);
	form_render_summary(h, v->form);
	form_render_summary(h, v->password);
	html_open(h, EL_DL, AT__MAX);
	ui_dl_row(h, "Username", u->username);
	ui_dl_row(h, "Status", u->disabled ? "disabled" : "active");
	html_close(h);

	html_elem(h, EL_H2, "Name and role");
	snprintf(action, sizeof(action), "/admin/users/%lld/edit", u->id);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, action,
	    AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	form_render_fields(h, v->form);
	submit_button(h, "Save name and role", NULL);
	html_close(h);

	html_elem(h, EL_H2, "Set a new password");
	html_elem(h, EL_P, "A new password logs this user out everywhere; "
	    "tell them the new password another way than email.");
	snprintf(action, sizeof(action), "/admin/users/%lld/password", u->id);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, action,
	    AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	form_render_fields(h, v->password);
	submit_button(h, "Set password", NULL);
	html_close(h);

	html_elem(h, EL_H2, u->disabled ? "Enable the account" :
	    "Disable the account");
	if (is_self(v->session, u))
		html_elem(h, EL_P, "You cannot disable your own account; "
		    "another admin can.");
	else {
		html_elem(h, EL_P, u->disabled ? "Enabling the account lets "
		    "this user log in again with their password." :
		    "Disabling the account logs this user out and stops them "
		    "logging in; their records and history stay.");
		snprintf(action, sizeof(action), "/admin/users/%lld/%s", u->id,
		    u->disabled ? "enable" : "disable");
		ui_post_button(h, action, v->session->csrf,
		    u->disabled ? "Enable" : "Disable", NULL, NULL);
	}
	back_link(h, "/admin/users", "Back to the users");
	layout_end(h);
}

void
ui_admin_policy_areas(struct html *h, const struct admin_areas_view *v)
{
	const struct page	 p = { "Policy areas", v->session, AREA_ADMIN };
	char			 href[96], aria[256];
	size_t			 i;

	layout_begin(h, &p);
	if (v->notice != NULL)
		ui_notice(h, v->notice);
	form_render_summary(h, v->add);
	html_elem(h, EL_P, "Engagements are tagged with policy areas. Priority "
	    "areas come first in lists and reports; retired areas stay on past "
	    "engagements but are no longer offered for new ones.");
	html_open(h, EL_TABLE, AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	th_col(h, "Name");
	th_col(h, "Priority");
	th_col(h, "Retired");
	th_col(h, "Actions");
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < v->n; i++) {
		const struct policy_area *a = &v->areas[i];

		html_open(h, EL_TR, AT__MAX);
		html_elem(h, EL_TD, a->name);
		html_elem(h, EL_TD, yes_no(a->priority));
		html_elem(h, EL_TD, yes_no(a->retired));
		html_open(h, EL_TD, AT__MAX);
		snprintf(href, sizeof(href), "/admin/policy-areas/%lld/edit",
		    a->id);
		snprintf(aria, sizeof(aria), "Edit %s", a->name);
		html_open(h, EL_A, AT_HREF, href, AT_ARIA_LABEL, aria, AT__MAX);
		html_text(h, "Edit");
		html_close(h);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);

	html_elem(h, EL_H2, "Add a policy area");
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION,
	    "/admin/policy-areas", AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	form_render_fields(h, v->add);
	submit_button(h, "Add policy area", NULL);
	html_close(h);
	layout_end(h);
}

void
ui_admin_policy_area_edit(struct html *h, const struct admin_area_view *v)
{
	struct page	 p = { NULL, v->session, AREA_ADMIN };
	char		 title[256], action[96];

	snprintf(title, sizeof(title), "Policy area: %s", v->area->name);
	p.title = title;
	layout_begin(h, &p);
	form_render_summary(h, v->form);
	snprintf(action, sizeof(action), "/admin/policy-areas/%lld/edit",
	    v->area->id);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, action,
	    AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	form_render_fields(h, v->form);
	submit_button(h, "Save changes", NULL);
	html_close(h);
	back_link(h, "/admin/policy-areas", "Back to the policy areas");
	layout_end(h);
}

/* The message for field name of f, or NULL. */
static const char *
field_error(const struct form *f, const char *name)
{
	size_t	 i;

	for (i = 0; f != NULL && i < f->nfields; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return f->values[i].error;
	return NULL;
}

static const struct field_option yes_no_options[] = {
	{ "no", "No" }, { "yes", "Yes" }, { NULL, NULL },
};

/*
 * One control of a category's row form, with ids of its own
 * ("cat-mp-label") so that every row's label points at its control.
 */
static void
category_control(struct html *h, const char *code, const char *name,
    const char *label, const char *value, const char *error, int select)
{
	const struct field_option	*o;
	char				 id[96], err_id[112];

	snprintf(id, sizeof(id), "cat-%s-%s", code, name);
	snprintf(err_id, sizeof(err_id), "%s-error", id);
	html_open(h, EL_DIV, AT_CLASS, error ? "field field-error" : "field",
	    AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
	html_text(h, label);
	html_close(h);
	if (error != NULL) {
		html_open(h, EL_P, AT_CLASS, "error-message", AT_ID, err_id,
		    AT__MAX);
		html_text(h, error);
		html_close(h);
	}
	if (select) {
		html_open(h, EL_SELECT, AT_ID, id, AT_NAME, name,
		    AT_ARIA_DESCRIBEDBY, error ? err_id : NULL,
		    AT_ARIA_INVALID, error ? "true" : NULL, AT__MAX);
		for (o = yes_no_options; o->value != NULL; o++) {
			html_open(h, EL_OPTION, AT_VALUE, o->value,
			    AT_SELECTED, strcmp(o->value, value) == 0 ? "" : NULL,
			    AT__MAX);
			html_text(h, o->label);
			html_close(h);
		}
		html_close(h);
	} else
		html_open(h, EL_INPUT, AT_ID, id, AT_NAME, name,
		    AT_TYPE, "text", AT_VALUE, value, AT_MAXLENGTH, "100",
		    AT_REQUIRED, "", AT_ARIA_DESCRIBEDBY, error ? err_id : NULL,
		    AT_ARIA_INVALID, error ? "true" : NULL, AT__MAX);
	html_close(h);
}

/* The summary of a refused row update, linking to the row's controls. */
static void
category_summary(struct html *h, const char *code, const struct form *f)
{
	static const char *const names[] = { "label", "decision_maker" };
	const char	*error;
	char		 href[112];
	size_t		 i;

	if (code == NULL || f == NULL || f->nerrors == 0)
		return;
	html_open(h, EL_DIV, AT_CLASS, "error-summary", AT_ROLE, "alert",
	    AT__MAX);
	html_elem(h, EL_H2, "There is a problem");
	html_open(h, EL_UL, AT__MAX);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if ((error = field_error(f, names[i])) == NULL)
			continue;
		snprintf(href, sizeof(href), "#cat-%s-%s", code, names[i]);
		html_open(h, EL_LI, AT__MAX);
		html_open(h, EL_A, AT_HREF, href, AT__MAX);
		html_textf(h, "Category %s: %s", code, error);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
category_row(struct html *h, const struct admin_categories_view *v,
    const struct category *c)
{
	const struct form	*bad = NULL;
	char			 aria[96];

	if (v->bad_code != NULL && strcmp(v->bad_code, c->code) == 0)
		bad = v->update;
	html_open(h, EL_TR, AT__MAX);
	html_elem(h, EL_TD, c->code);
	html_elem(h, EL_TD, c->label);
	html_elem(h, EL_TD, yes_no(c->decision_maker));
	html_open(h, EL_TD, AT__MAX);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, "/admin/categories",
	    AT_CLASS, "inline", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "op",
	    AT_VALUE, "update", AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "code",
	    AT_VALUE, c->code, AT__MAX);
	category_control(h, c->code, "label", "Label",
	    bad ? form_value(bad, "label") : c->label,
	    field_error(bad, "label"), 0);
	category_control(h, c->code, "decision_maker", "Decision maker",
	    bad ? form_value(bad, "decision_maker") : yes_no(c->decision_maker),
	    field_error(bad, "decision_maker"), 1);
	snprintf(aria, sizeof(aria), "Save %s", c->code);
	submit_button(h, "Save", aria);
	html_close(h);
	html_close(h);
	html_close(h);
}

void
ui_admin_categories(struct html *h, const struct admin_categories_view *v)
{
	const struct page	 p = { "Person categories", v->session,
	    AREA_ADMIN };
	size_t			 i;

	layout_begin(h, &p);
	if (v->notice != NULL)
		ui_notice(h, v->notice);
	form_render_summary(h, v->add);
	category_summary(h, v->bad_code, v->update);
	html_elem(h, EL_P, "Every person in the directory has a category. "
	    "Categories marked as decision makers are counted as such in "
	    "reports: an engagement with a person in one of them counts as "
	    "an engagement with a decision maker. The code is what reports "
	    "and imports use, and cannot be changed; the label is what "
	    "people see.");
	html_open(h, EL_TABLE, AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	th_col(h, "Code");
	th_col(h, "Label");
	th_col(h, "Decision maker");
	th_col(h, "Change");
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < v->n; i++)
		category_row(h, v, &v->categories[i]);
	html_close(h);
	html_close(h);

	html_elem(h, EL_H2, "Add a category");
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, "/admin/categories",
	    AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "op",
	    AT_VALUE, "create", AT__MAX);
	form_render_fields(h, v->add);
	submit_button(h, "Add category", NULL);
	html_close(h);
	layout_end(h);
}

/* Import people from CSV */

/* The upload form: shown on the import page and below a refused preview. */
static void
import_form(struct html *h, const char *csrf)
{
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION,
	    "/admin/import/preview", AT_ENCTYPE, "multipart/form-data",
	    AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, csrf);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "f-file", AT__MAX);
	html_text(h, "CSV file");
	html_close(h);
	html_open(h, EL_P, AT_CLASS, "hint", AT_ID, "f-file-hint", AT__MAX);
	html_text(h, "A header row, then one row per person, saved as CSV "
	    "UTF-8. Nothing is saved until you have checked the preview.");
	html_close(h);
	html_open(h, EL_INPUT, AT_TYPE, "file", AT_ID, "f-file", AT_NAME,
	    "file", AT_ACCEPT, ".csv,text/csv", AT_REQUIRED, "",
	    AT_ARIA_DESCRIBEDBY, "f-file-hint", AT__MAX);
	html_close(h);
	submit_button(h, "Preview", NULL);
	html_close(h);
}

void
ui_admin_import(struct html *h, const struct admin_import_view *v)
{
	const struct page	 p = { "Import people", v->session, AREA_ADMIN };
	size_t			 i;

	layout_begin(h, &p);
	problem_box(h, v->problem);
	html_elem(h, EL_P, "Add journalists, faith leaders, coalition "
	    "partners, officials or anyone else from a spreadsheet. Upload "
	    "the file, check the preview, then import: every row is added, "
	    "or none is.");
	html_open(h, EL_P, AT__MAX);
	html_open(h, EL_A, AT_HREF, "/admin/import/template.csv", AT__MAX);
	html_text(h, "Download the template");
	html_close(h);
	html_text(h, " (the header row and one example).");
	html_close(h);
	html_elem(h, EL_H2, "Columns");
	html_open(h, EL_UL, AT__MAX);
	for (i = 0; i < COL__MAX; i++) {
		html_open(h, EL_LI, AT__MAX);
		html_elem(h, EL_STRONG, people_import_columns[i]);
		html_text(h, i == COL_NAME ? ": required." :
		    i == COL_CATEGORY ? ": required; a code or label from "
		    "Person categories." :
		    i == COL_HOUSE ? ": commons, lords or empty." :
		    i == COL_ORGANISATION ? ": the exact name of an "
		    "organisation already in the directory, or empty." :
		    i == COL_BASIS ? ": why we hold their details, a code or "
		    "label (consent, public_role...); empty means "
		    "legitimate interests." :
		    i == COL_BASIS_DATE ? ": YYYY-MM-DD, not in the future; "
		    "required for consent (the day it was given)." :
		    i == COL_SOURCE ? ": where their details came from; "
		    "empty means \u201cSpreadsheet import: <file>, "
		    "<date>\u201d." :
		    ": optional.");
		html_close(h);
	}
	html_close(h);
	html_elem(h, EL_P, "Column names may be in any order and any case.");
	import_form(h, v->session->csrf);
	layout_end(h);
}

/* "Row 3" for a row, "The file" and "The header row" for the others. */
static const char *
problem_where(char *out, size_t len, const struct import_problem *pr)
{
	if (pr->row == 0)
		snprintf(out, len, "The file");
	else if (pr->row == 1)
		snprintf(out, len, "The header row");
	else
		snprintf(out, len, "Row %zu", pr->row);
	return out;
}

/* The problems not tied to a person's row: the file and its header. */
static void
import_file_problems(struct html *h, const struct people_import *imp)
{
	char	 where[32];
	size_t	 i;

	for (i = 0; i < imp->nproblems; i++) {
		const struct import_problem *pr = &imp->problems[i];

		if (pr->row > 1)
			continue;
		html_open(h, EL_LI, AT__MAX);
		html_text(h, problem_where(where, sizeof(where), pr));
		if (*pr->column != '\0')
			html_textf(h, ", column %s", pr->column);
		html_textf(h, ": %s", pr->message);
		html_close(h);
	}
}

static void
import_table(struct html *h, const struct people_import *imp)
{
	static const enum import_col shown[] = {
		COL_NAME, COL_CATEGORY, COL_ROLE, COL_PARTY,
		COL_HOUSE, COL_CONSTITUENCY, COL_ORGANISATION,
		COL_EMAIL, COL_PHONE, COL_BASIS,
	};
	size_t	 i, c, k = 0;

	html_open(h, EL_TABLE, AT_CLASS, "import-preview", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	th_col(h, "Row");
	for (c = 0; c < sizeof(shown) / sizeof(shown[0]); c++)
		th_col(h, people_import_columns[shown[c]]);
	th_col(h, "Problems");
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < imp->nrows; i++) {
		const struct import_row *r = &imp->rows[i];

		html_open(h, EL_TR, AT_CLASS, r->nproblems ? "row-error" : NULL,
		    AT__MAX);
		html_open(h, EL_TD, AT__MAX);
		html_textf(h, "%zu", r->row);
		html_close(h);
		for (c = 0; c < sizeof(shown) / sizeof(shown[0]); c++)
			html_elem(h, EL_TD, r->cells[shown[c]]);
		html_open(h, EL_TD, AT__MAX);
		/* Problems are in row order: this row's come next. */
		while (k < imp->nproblems && imp->problems[k].row < r->row)
			k++;
		if (r->nproblems > 0) {
			html_open(h, EL_UL, AT_CLASS, "error-message", AT__MAX);
			for (; k < imp->nproblems &&
			    imp->problems[k].row == r->row; k++) {
				const struct import_problem *pr =
				    &imp->problems[k];

				html_open(h, EL_LI, AT__MAX);
				if (*pr->column != '\0')
					html_textf(h, "%s: ", pr->column);
				html_text(h, pr->message);
				html_close(h);
			}
			html_close(h);
		} else
			html_text(h, "OK");
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
ui_admin_import_preview(struct html *h, const struct admin_import_view *v)
{
	const struct people_import	*imp = v->import;
	const struct page		 p = { "Import people: preview",
	    v->session, AREA_ADMIN };
	char				 label[64];

	layout_begin(h, &p);
	if (imp->nproblems > 0) {
		html_open(h, EL_DIV, AT_CLASS, "error-summary", AT_ROLE,
		    "alert", AT__MAX);
		html_elem(h, EL_H2, "There is a problem");
		html_open(h, EL_P, AT__MAX);
		if (imp->bad_rows == 1)
			html_text(h, "1 row has problems; nothing was "
			    "imported.");
		else if (imp->bad_rows > 1)
			html_textf(h, "%zu rows have problems; nothing was "
			    "imported.", imp->bad_rows);
		else
			html_text(h, "The file has problems; nothing was "
			    "imported.");
		html_close(h);
		html_open(h, EL_UL, AT__MAX);
		import_file_problems(h, imp);
		html_close(h);
		html_elem(h, EL_P, "Correct the file and upload it again.");
		html_close(h);
	} else {
		html_open(h, EL_P, AT__MAX);
		html_textf(h, "%zu %s ready to import from %s. Check them, "
		    "then import.", imp->nrows,
		    imp->nrows == 1 ? "person is" : "people are",
		    v->filename != NULL && *v->filename ? v->filename :
		    "the file");
		html_close(h);
	}
	if (imp->nrows > 0)
		import_table(h, imp);
	if (imp->nproblems == 0) {
		/* multipart: the file goes back as sent, not %-encoded. */
		html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION,
		    "/admin/import/apply", AT_ENCTYPE, "multipart/form-data",
		    AT_CLASS, "stacked", AT__MAX);
		layout_csrf_input(h, v->session->csrf);
		html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "filename",
		    AT_VALUE, v->filename ? v->filename : "", AT__MAX);
		html_open(h, EL_TEXTAREA, AT_NAME, "csv", AT_HIDDEN, "",
		    AT_ARIA_LABEL, "The file's content", AT__MAX);
		/* HTML drops a newline right after <textarea>: keep the file's. */
		if (v->csv != NULL && *v->csv == '\n')
			html_text(h, "\n");
		html_text(h, v->csv);
		html_close(h);
		snprintf(label, sizeof(label), "Import %zu %s", imp->nrows,
		    imp->nrows == 1 ? "person" : "people");
		submit_button(h, label, NULL);
		html_close(h);
	} else {
		html_elem(h, EL_H2, "Upload a corrected file");
		import_form(h, v->session->csrf);
	}
	back_link(h, "/admin/import", "Back to Import people");
	layout_end(h);
}

static void
members_select(struct html *h, const char *id, const char *label,
    const struct option *opts, size_t n, const char *chosen, const char *none)
{
	size_t	 i;

	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
	html_text(h, label);
	html_close(h);
	html_open(h, EL_SELECT, AT_ID, id, AT_NAME, id + 2, AT__MAX);
	if (none != NULL) {
		html_open(h, EL_OPTION, AT_VALUE, "", AT__MAX);
		html_text(h, none);
		html_close(h);
	}
	for (i = 0; i < n; i++) {
		html_open(h, EL_OPTION, AT_VALUE, opts[i].value, AT_SELECTED,
		    chosen && strcmp(chosen, opts[i].value) == 0 ? "" : NULL,
		    AT__MAX);
		html_text(h, opts[i].label);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
members_result(struct html *h, const struct import_result *r)
{
	char	 text[200];

	snprintf(text, sizeof(text), "Imported: %ld added, %ld updated, %ld "
	    "no longer current, %ld unchanged.", r->added, r->updated,
	    r->retired, r->unchanged);
	ui_notice(h, text);
}

void
ui_admin_members(struct html *h, const struct admin_members_view *v)
{
	static const struct option kinds[] = {
		{ "parliament", "UK Parliament members (Members' Names Data "
		    "Platform XML)" },
		{ "moderngov", "A council's councillors (ModernGov "
		    "GetCouncillorsByWard)" },
	};
	const struct page	 p = { "Import MPs, Peers and councillors",
	    v->session, AREA_ADMIN };

	layout_begin(h, &p);
	if (v->result != NULL)
		members_result(h, v->result);
	if (v->problem != NULL) {
		html_open(h, EL_DIV, AT_CLASS, "error-summary", AT_ROLE,
		    "alert", AT__MAX);
		html_elem(h, EL_H2, "Nothing was changed");
		html_elem(h, EL_P, v->problem);
		html_close(h);
	}
	html_elem(h, EL_P, "Members are matched on their Parliament or "
	    "ModernGov number: importing again updates them, marks those who "
	    "left as no longer current and records party and seat changes "
	    "with their dates. Your own notes, emails and phone numbers are "
	    "never overwritten. A file that is not the right kind, or is cut "
	    "short, changes nothing.");
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, "/admin/members",
	    AT_ENCTYPE, "multipart/form-data", AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	members_select(h, "f-kind", "What to import", kinds, 2, v->kind, NULL);
	members_select(h, "f-council", "Council (for councillors)",
	    v->councils, v->ncouncils, v->council, "Choose a council");
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "f-file", AT__MAX);
	html_text(h, "Members file");
	html_close(h);
	html_open(h, EL_INPUT, AT_TYPE, "file", AT_ID, "f-file", AT_NAME,
	    "file", AT_ACCEPT, ".xml,application/xml,text/xml", AT__MAX);
	html_close(h);
	html_open(h, EL_DIV, AT_CLASS, "field", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "f-url", AT__MAX);
	html_text(h, "Or its web address");
	html_close(h);
	html_open(h, EL_P, AT_CLASS, "hint", AT_ID, "f-url-hint", AT__MAX);
	html_text(h, "An https:// address of the document; use this for the "
	    "full members list, which is larger than an upload may be.");
	html_close(h);
	html_open(h, EL_INPUT, AT_TYPE, "url", AT_ID, "f-url", AT_NAME, "url",
	    AT_VALUE, v->url ? v->url : "", AT_ARIA_DESCRIBEDBY, "f-url-hint",
	    AT__MAX);
	html_close(h);
	submit_button(h, "Import", NULL);
	html_close(h);
	layout_end(h);
}
