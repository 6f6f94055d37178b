#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "audit.h"
#include "buf.h"
#include "html.h"
#include "layout.h"
#include "ui.h"

void
ui_query_add(struct buf *b, const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	buf_putc(b, b->len > 0 && memchr(b->data, '?', b->len) ? '&' : '?');
	url_escape_query(b, name);
	buf_putc(b, '=');
	url_escape_query(b, value);
}

static void
page_link(struct html *h, const char *base, size_t page, const char *rel,
    const char *label)
{
	char	 href[2048];

	snprintf(href, sizeof(href), "%spage=%zu", base, page);
	html_open(h, EL_A, AT_HREF, href, AT_REL, rel, AT__MAX);
	html_text(h, label);
	html_close(h);
}

int
option_offered(const struct option *opts, size_t n, const char *value)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(opts[i].value, value) == 0)
			return 1;
	return 0;
}

void
ui_pagination(struct html *h, const char *base, size_t page, size_t total,
    size_t per_page)
{
	size_t	 pages = per_page ? (total + per_page - 1) / per_page : 1;

	if (pages <= 1)
		return;
	html_open(h, EL_NAV, AT_CLASS, "pagination", AT_ARIA_LABEL, "Pages",
	    AT__MAX);
	if (page > 1)
		page_link(h, base, page - 1, "prev", "← Previous");
	html_open(h, EL_SPAN, AT__MAX);
	html_textf(h, " Page %zu of %zu ", page, pages);
	html_close(h);
	if (page < pages)
		page_link(h, base, page + 1, "next", "Next →");
	html_close(h);
}

void
ui_pagination_open(struct html *h, const char *base, size_t page,
    int has_next)
{
	if (page <= 1 && !has_next)
		return;
	html_open(h, EL_NAV, AT_CLASS, "pagination", AT_ARIA_LABEL, "Pages",
	    AT__MAX);
	if (page > 1)
		page_link(h, base, page - 1, "prev", "← Previous");
	html_open(h, EL_SPAN, AT__MAX);
	html_textf(h, " Page %zu ", page);
	html_close(h);
	if (has_next)
		page_link(h, base, page + 1, "next", "Next →");
	html_close(h);
}

void
ui_history(struct html *h, const struct audit_entry *e, size_t n)
{
	size_t	 i, j;

	if (n == 0) {
		html_elem(h, EL_P, "No changes recorded.");
		return;
	}
	html_open(h, EL_OL, AT_CLASS, "history", AT__MAX);
	for (i = 0; i < n; i++) {
		html_open(h, EL_LI, AT__MAX);
		html_open(h, EL_P, AT__MAX);
		html_open(h, EL_TIME, AT_DATETIME, e[i].at, AT__MAX);
		html_text(h, e[i].at);
		html_close(h);
		html_textf(h, " — %s by %s", e[i].action, e[i].actor);
		html_close(h);
		if (e[i].nchanges > 0) {
			html_open(h, EL_TABLE, AT__MAX);
			html_open(h, EL_THEAD, AT__MAX);
			html_open(h, EL_TR, AT__MAX);
			html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
			html_text(h, "Field");
			html_close(h);
			html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
			html_text(h, "Before");
			html_close(h);
			html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
			html_text(h, "After");
			html_close(h);
			html_close(h);
			html_close(h);
			html_open(h, EL_TBODY, AT__MAX);
			for (j = 0; j < e[i].nchanges; j++) {
				html_open(h, EL_TR, AT__MAX);
				html_elem(h, EL_TD, e[i].changes[j].field);
				html_elem(h, EL_TD, e[i].changes[j].before);
				html_elem(h, EL_TD, e[i].changes[j].after);
				html_close(h);
			}
			html_close(h);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
}

void
ui_conflict(struct html *h, const struct conflict_row *r, size_t n)
{
	size_t	 i;

	html_open(h, EL_DIV, AT_CLASS, "error-summary", AT_ROLE, "alert", AT__MAX);
	html_elem(h, EL_H2, "Someone else saved this record first");
	html_elem(h, EL_P, "Nothing you typed is lost: your version is in the "
	    "form below. Compare it with the saved version, then save again "
	    "to replace theirs, or leave the page to keep theirs.");
	html_close(h);
	html_open(h, EL_TABLE, AT_CLASS, "conflict", AT__MAX);
	html_open(h, EL_THEAD, AT__MAX);
	html_open(h, EL_TR, AT__MAX);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Field");
	html_close(h);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Your version");
	html_close(h);
	html_open(h, EL_TH, AT_SCOPE, "col", AT__MAX);
	html_text(h, "Saved version");
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, EL_TBODY, AT__MAX);
	for (i = 0; i < n; i++) {
		int differs = strcmp(r[i].yours ? r[i].yours : "",
		    r[i].theirs ? r[i].theirs : "") != 0;

		html_open(h, EL_TR, AT_CLASS, differs ? "differs" : NULL, AT__MAX);
		html_open(h, EL_TH, AT_SCOPE, "row", AT__MAX);
		html_text(h, r[i].label);
		if (differs)
			html_text(h, " (differs)");
		html_close(h);
		html_elem(h, EL_TD, r[i].yours);
		html_elem(h, EL_TD, r[i].theirs);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
ui_dl_row(struct html *h, const char *term, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	html_elem(h, EL_DT, term);
	html_elem(h, EL_DD, value);
}

void
ui_notice(struct html *h, const char *text)
{
	html_open(h, EL_P, AT_CLASS, "notice", AT_ROLE, "status", AT__MAX);
	html_text(h, text);
	html_close(h);
}

void
ui_post_button(struct html *h, const char *action, const char *csrf,
    const char *label, const char *name, const char *value)
{
	html_open(h, EL_FORM, AT_METHOD, "post", AT_ACTION, action,
	    AT_CLASS, "inline", AT__MAX);
	layout_csrf_input(h, csrf);
	if (name != NULL)
		html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, name,
		    AT_VALUE, value, AT__MAX);
	html_open(h, EL_BUTTON, AT_TYPE, "submit", AT__MAX);
	html_text(h, label);
	html_close(h);
	html_close(h);
}

int
ui_json_document(struct buf *b, json_t *o)
{
	return ui_json_write(b, o, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
}

int
ui_json_write(struct buf *b, json_t *o, size_t flags)
{
	char	*text;

	if (o == NULL)
		return -1;
	text = json_dumps(o, flags);
	json_decref(o);
	if (text == NULL)
		return -1;
	buf_puts(b, text);
	buf_putc(b, '\n');
	free(text);
	return b->failed ? -1 : 0;
}
