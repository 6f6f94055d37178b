/*
 * Page parts shared by the areas: pagination, record history, the edit
 * conflict table, definition rows, flash notices, and small links.
 * Rendering only: takes what to show, never queries.
 */
#ifndef TRACKER_UI_H
#define TRACKER_UI_H

#include <stddef.h>

/* An option of a select: a value and its text. */
struct option {
	const char	*value;
	const char	*label;
};

/* 1 if value is the value of one of the n options. */
int	option_offered(const struct option *, size_t n, const char *value);

struct audit_entry;
struct buf;
struct html;
struct json_t;

/*
 * "Page 2 of 7" with previous/next links.  base is the list's URL with
 * its filters already encoded and ending in '?' or '&'; page counts
 * from 1.
 */
void	ui_pagination(struct html *, const char *base, size_t page,
	    size_t total, size_t per_page);

/*
 * The same for a list whose length is not known past a point ("more than
 * 500"): "Page 12" with a previous link, and a next link when has_next.
 */
void	ui_pagination_open(struct html *, const char *base, size_t page,
	    int has_next);

/* The audit history of one record, newest first. */
void	ui_history(struct html *, const struct audit_entry *, size_t n);

/* One row of a conflict: a field's label, what you typed, what is saved. */
struct conflict_row {
	const char	*label;
	const char	*yours;
	const char	*theirs;
};

/*
 * The 409 page body: explains that someone else saved first and shows
 * both versions side by side, differing rows marked.  The caller renders
 * the form again below it, filled with the user's version and the
 * current version number, so saving again is a deliberate choice.
 */
void	ui_conflict(struct html *, const struct conflict_row *, size_t n);

/* <dt>term</dt><dd>value</dd>, skipped when value is empty. */
void	ui_dl_row(struct html *, const char *term, const char *value);

/* A notice paragraph (role=status), for "Saved." and the like. */
void	ui_notice(struct html *, const char *text);

/*
 * A POST button in its own small form (delete, restore, mark done):
 * action URL, the CSRF token, the button text, and an optional hidden
 * name/value pair.
 */
void	ui_post_button(struct html *, const char *action, const char *csrf,
	    const char *label, const char *name, const char *value);

/* Append name=value to a query string being built ("?a=1&b=2"). */
void	ui_query_add(struct buf *, const char *name, const char *value);

/*
 * Write the JSON document o, indented, and a newline to b, then release
 * o (NULL is a failure: the caller's builder ran out of memory).  -1 on
 * failure.
 */
int	ui_json_document(struct buf *, struct json_t *o);
/* The same with jansson's json_dumps() flags (compact, say). */
int	ui_json_write(struct buf *, struct json_t *o, size_t flags);

#endif
