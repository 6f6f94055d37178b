/*
 * Erasure and retention pages (see ui_privacy_erase.h).  Rendering only:
 * the handlers in cgi-bin/people.c and cgi-bin/admin.c do the queries.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "html.h"
#include "layout.h"
#include "privacy_erase.h"
#include "privacy_retention.h"
#include "ui.h"
#include "ui_privacy_erase.h"

#define HREF_MAX	128

/* One "N things: what happens" item, skipped when there are none. */
static void
count_item(struct html *h, long long n, const char *one, const char *many,
    const char *what)
{
	if (n == 0)
		return;
	html_open(h, EL_LI, AT__MAX);
	html_textf(h, "%lld %s: %s", n, n == 1 ? one : many, what);
	html_close(h);
}

static void
erase_counts(struct html *h, const struct erase_preview *p)
{
	html_elem(h, EL_H2, "What will go");
	html_open(h, EL_UL, AT__MAX);
	html_open(h, EL_LI, AT__MAX);
	html_text(h, "Their name, role, constituency, organisation, email, "
	    "phone, notes and external ids; their name, email and phone "
	    "wherever they were written (engagements, follow-ups, APPG "
	    "papers and minutes, stored press items, the audit log).");
	html_close(h);
	count_item(h, p->engagements, "engagement", "engagements",
	    "kept and still counted, showing \"" ERASED_NAME "\"");
	count_item(h, p->follow_ups, "follow-up", "follow-ups",
	    "on those engagements: their name is removed from the text");
	count_item(h, p->mentions, "press mention", "press mentions",
	    "unlinked from them");
	count_item(h, p->watch_terms, "press watch term", "press watch terms",
	    "deleted");
	count_item(h, p->audit_rows, "audit entry about them",
	    "audit entries about them", "the values recorded are removed");
	count_item(h, p->appg_roles, "APPG role", "APPG roles",
	    "officer posts, memberships and attendance kept for the groups' "
	    "counts, showing \"" ERASED_NAME "\"");
	count_item(h, p->merged, "duplicate record", "duplicate records",
	    "merged into this one: erased too, and the merge can no longer "
	    "be undone");
	html_close(h);
	html_elem(h, EL_P, "A record that an erasure happened, when and by "
	    "whom, is kept; nothing in it identifies the person.  An erasure "
	    "cannot be undone.");
}

void
ui_erase_confirm(struct html *h, const struct erase_confirm_view *v)
{
	const struct erase_preview	*p = v->preview;
	char				 action[HREF_MAX], back[HREF_MAX];
	const struct page		 pg = { "Erase this person", v->session,
	    AREA_PEOPLE };

	snprintf(action, sizeof(action), "/people/%lld/erase", p->person_id);
	snprintf(back, sizeof(back), "/people/%lld", p->person_id);
	layout_begin(h, &pg);
	html_open(h, EL_P, AT__MAX);
	html_text(h, "You are about to erase ");
	html_elem(h, EL_STRONG, p->full_name);
	html_textf(h, " (%s) from the tracker.", p->category_label);
	html_close(h);
	erase_counts(h, p);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, action,
	    AT_CLASS, "stacked", AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	html_open(h, EL_DIV, AT_CLASS, v->error ? "field field-error" : "field",
	    AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, "f-confirm", AT__MAX);
	html_text(h, "Type the person's full name to confirm");
	html_close(h);
	if (v->error != NULL) {
		html_open(h, EL_P, AT_CLASS, "error-message", AT_ID,
		    "f-confirm-error", AT__MAX);
		html_text(h, v->error);
		html_close(h);
	}
	html_open(h, EL_INPUT, AT_TYPE, "text", AT_ID, "f-confirm",
	    AT_NAME, "confirm", AT_VALUE, v->typed ? v->typed : "",
	    AT_AUTOCOMPLETE, "off", AT_REQUIRED, "required",
	    AT_ARIA_DESCRIBEDBY, v->error ? "f-confirm-error" : NULL,
	    AT_ARIA_INVALID, v->error ? "true" : NULL, AT__MAX);
	html_close(h);
	html_open(h, EL_DIV, AT_CLASS, "actions", AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT_CLASS, "danger",
	    AT__MAX);
	html_text(h, "Erase for good");
	html_close(h);
	html_open(h, EL_A, AT_HREF, back, AT__MAX);
	html_text(h, "Cancel");
	html_close(h);
	html_close(h);
	html_close(h);
	layout_end(h);
}

/* The way back to the directory, under a page about an erasure. */
static void
all_people_link(struct html *h)
{
	html_open(h, EL_P, AT__MAX);
	html_open(h, EL_A, AT_HREF, "/people", AT__MAX);
	html_text(h, "All people");
	html_close(h);
	html_close(h);
}

void
ui_erase_done(struct html *h, const struct session *s)
{
	const struct page	 p = { "Person erased", s, AREA_PEOPLE };

	layout_begin(h, &p);
	ui_notice(h, "The person has been erased.");
	html_elem(h, EL_P, "Their engagements and APPG roles are still counted "
	    "and show \"" ERASED_NAME "\"; nothing else about them is left.");
	all_people_link(h);
	layout_end(h);
}

void
ui_erased_person(struct html *h, const struct session *s,
    const struct erase_preview *p)
{
	const struct page	 pg = { ERASED_NAME, s, AREA_PEOPLE };

	layout_begin(h, &pg);
	html_open(h, EL_P, AT__MAX);
	html_textf(h, "This person's details were erased.  %lld engagement%s "
	    "with them %s still counted (as %s).", p->engagements,
	    p->engagements == 1 ? "" : "s",
	    p->engagements == 1 ? "is" : "are", p->category_label);
	html_close(h);
	html_elem(h, EL_P, "An erased person cannot be edited, restored or "
	    "merged.");
	all_people_link(h);
	layout_end(h);
}

void
ui_retention_reminder(struct html *h, const struct retention_status *s)
{
	if (s == NULL || !s->remind)
		return;
	html_open(h, EL_DIV, AT_CLASS, "notice", AT_ROLE, "status", AT__MAX);
	html_open(h, EL_P, AT__MAX);
	html_textf(h, "%zu %s due for retention review", s->due,
	    s->due == 1 ? "person is" : "people are");
	if (s->last_run != NULL)
		html_textf(h, "; retention last ran on %.10s.", s->last_run);
	else
		html_text(h, "; retention has never run.");
	html_text(h, " ");
	html_open(h, EL_A, AT_HREF, "/admin/retention", AT__MAX);
	html_text(h, "Review retention");
	html_close(h);
	html_close(h);
	html_close(h);
}

/* One category's rule as a row with its own small form. */
static void
rule_row(struct html *h, const struct retention_view *v,
    const struct retention_rule *r)
{
	char	 months[16], mid[64], eid[64], fid[64];
	int	 bad = v->error != NULL && v->error_category != NULL &&
		    strcmp(v->error_category, r->category) == 0;

	snprintf(months, sizeof(months), "%d", r->months);
	snprintf(mid, sizeof(mid), "m-%s", r->category);
	snprintf(eid, sizeof(eid), "x-%s", r->category);
	snprintf(fid, sizeof(fid), "rule-%s", r->category);
	html_open(h, EL_TR, AT__MAX);
	html_open(h, EL_TH, AT_SCOPE, "row", AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, mid, AT__MAX);
	html_text(h, r->label);
	html_close(h);
	html_close(h);
	html_open(h, EL_TD, AT__MAX);
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, "/admin/retention",
	    AT_CLASS, "inline", AT_ID, fid, AT__MAX);
	layout_csrf_input(h, v->session->csrf);
	html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, "category",
	    AT_VALUE, r->category, AT__MAX);
	if (bad) {
		html_open(h, EL_P, AT_CLASS, "error-message", AT__MAX);
		html_text(h, v->error);
		html_close(h);
	}
	html_open(h, EL_INPUT, AT_TYPE, "number", AT_ID, mid, AT_NAME, "months",
	    AT_MIN, "1", AT_MAX, "1200", AT_SIZE, "5", AT_INPUTMODE, "numeric",
	    AT_VALUE, r->months < 0 ? "" : months,
	    AT_ARIA_INVALID, bad ? "true" : NULL, AT__MAX);
	html_text(h, " months ");
	html_open(h, EL_LABEL, AT__MAX);
	html_open(h, EL_INPUT, AT_TYPE, "checkbox", AT_ID, eid,
	    AT_NAME, "exempt_current", AT_VALUE, "1",
	    AT_CHECKED, r->exempt_current ? "checked" : NULL, AT__MAX);
	html_text(h, " keep while current");
	html_close(h);
	html_text(h, " ");
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, "Save");
	html_close(h);
	html_close(h);
	html_close(h);
	html_close(h);
}

static void
rules_table(struct html *h, const struct retention_view *v)
{
	size_t	 i;

	html_elem(h, EL_H2, "Rules");
	html_elem(h, EL_P, "How many months after the last contact (the latest "
	    "engagement; for someone never engaged, the last edit of their "
	    "record) a person is erased.  Leave the months empty for no limit. "
	    "\"Keep while current\" keeps people marked current (sitting MPs, "
	    "Peers, councillors) while they hold office.");
	html_open(h, EL_TABLE, AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Category");
	html_close(h);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Keep for");
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < v->nrules; i++)
		rule_row(h, v, &v->rules[i]);
	html_close(h);
	html_close(h);
}

static void
due_table(struct html *h, const struct retention_view *v)
{
	char	 href[HREF_MAX];
	size_t	 i;

	html_elem(h, EL_H2, "Due for erasure");
	if (v->ndue == 0) {
		html_elem(h, EL_P, "Nobody is due today.");
		return;
	}
	html_elem(h, EL_P, "Run tracker-admin retention on the server to erase "
	    "them all (tracker-admin retention --dry-run lists them), or "
	    "erase one from their page.");
	html_open(h, EL_TABLE, AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	html_elem(h, EL_TH, "Person");
	html_elem(h, EL_TH, "Category");
	html_elem(h, EL_TH, "Last contact");
	html_elem(h, EL_TH, "Rule");
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < v->ndue; i++) {
		snprintf(href, sizeof(href), "/people/%lld",
		    v->due[i].person_id);
		html_open(h, EL_TR, AT__MAX);
		html_open(h, EL_TD, AT__MAX);
		html_open(h, EL_A, AT_HREF, href, AT__MAX);
		html_text(h, v->due[i].full_name);
		html_close(h);
		html_close(h);
		html_elem(h, EL_TD, v->due[i].category_label);
		html_elem(h, EL_TD, v->due[i].last_contact);
		html_open(h, EL_TD, AT__MAX);
		html_textf(h, "%d months", v->due[i].months);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
ui_retention_page(struct html *h, const struct retention_view *v)
{
	const struct page	 p = { "Retention", v->session, AREA_ADMIN };

	layout_begin(h, &p);
	if (v->saved)
		ui_notice(h, "Saved.");
	if (v->error != NULL) {
		html_open(h, EL_DIV, AT_CLASS, "error-summary", AT_ROLE, "alert",
		    AT__MAX);
		html_text(h, v->error);
		html_close(h);
	}
	ui_retention_reminder(h, v->status);
	if (v->status != NULL && !v->status->remind) {
		html_open(h, EL_P, AT__MAX);
		html_textf(h, "Nobody is due; retention last ran on %.10s.",
		    v->status->last_run);
		html_close(h);
	}
	rules_table(h, v);
	due_table(h, v);
	layout_end(h);
}
