/*
 * The HTML writer.  Page code cannot print raw text: element and attribute
 * names come from the enums below, every text and attribute value is
 * escaped, URL attributes are checked for a safe scheme, and a stack
 * closes elements in order.  There is no raw-output function.
 *
 *	html_open(h, EL_A, AT_HREF, url, AT_CLASS, "button", AT__MAX);
 *	html_text(h, name);
 *	html_close(h);
 *
 * Attribute lists are pairs ending with AT__MAX.  A NULL value omits the
 * attribute; for boolean attributes (required, checked...) any non-NULL
 * value writes the bare name.
 */
#ifndef TRACKER_HTML_H
#define TRACKER_HTML_H

#include <stddef.h>

struct buf;

enum html_elem {
	EL_A, EL_BODY, EL_BUTTON, EL_CAPTION, EL_DATALIST, EL_DD, EL_DIV, EL_DL,
	EL_DT,
	EL_EM, EL_FIELDSET, EL_FOOTER, EL_FORM, EL_H1, EL_H2, EL_H3, EL_HEAD,
	EL_HEADER, EL_HTML, EL_INPUT, EL_LABEL, EL_LEGEND, EL_LI, EL_LINK,
	EL_MAIN, EL_META, EL_NAV, EL_OL, EL_OPTION, EL_P, EL_SCRIPT,
	EL_SECTION, EL_SELECT, EL_SMALL, EL_SPAN, EL_STRONG, EL_TABLE,
	EL_TBODY, EL_TD, EL_TEXTAREA, EL_TH, EL_THEAD, EL_TIME, EL_TITLE,
	EL_TR, EL_UL,
	/* Inline SVG, for charts drawn by our own code (ui_dashboard.c). */
	EL_SVG, EL_G, EL_RECT, EL_SVG_TEXT, EL_LINE,
	EL__MAX
};

enum html_attr {
	AT_ACCEPT, AT_ACTION, AT_ARIA_CURRENT, AT_ARIA_DESCRIBEDBY, AT_ARIA_INVALID,
	AT_ARIA_LABEL, AT_ARIA_LIVE, AT_AUTOCOMPLETE, AT_AUTOFOCUS,
	AT_CHARSET, AT_CHECKED, AT_CLASS, AT_CONTENT, AT_DATETIME, AT_DEFER,
	AT_DISABLED, AT_ENCTYPE, AT_FOR, AT_HIDDEN, AT_HREF, AT_ID, AT_INPUTMODE, AT_LANG,
	AT_LIST, AT_MAX, AT_MAXLENGTH, AT_MEDIA, AT_METHOD, AT_MIN, AT_MULTIPLE,
	AT_NAME,
	AT_PATTERN, AT_PLACEHOLDER, AT_REL, AT_REQUIRED, AT_ROLE, AT_ROWS,
	AT_SCOPE, AT_SELECTED, AT_SIZE, AT_SRC, AT_STEP, AT_TITLE, AT_TYPE,
	AT_VALUE,
	/* SVG and its accessibility. */
	AT_VIEWBOX, AT_WIDTH, AT_HEIGHT, AT_X, AT_Y, AT_X1, AT_Y1, AT_X2, AT_Y2,
	AT_TEXT_ANCHOR, AT_ARIA_HIDDEN, AT_ARIA_LABELLEDBY, AT_FOCUSABLE,
	AT_PRESERVEASPECTRATIO,
	/*
	 * The people type-ahead (htdocs/static/tracker.js): where a name
	 * field searches, and what choosing a name does ("add" a person to
	 * a list, or "fill" the field).
	 */
	AT_DATA_SEARCH, AT_DATA_PICK,
	AT__MAX
};

#define HTML_MAX_DEPTH	64

struct html {
	struct buf	*out;
	enum html_elem	 stack[HTML_MAX_DEPTH];
	size_t		 depth;
	int		 error;		/* misuse seen: unbalanced, too deep */
};

void	html_init(struct html *, struct buf *out);

/* "<!DOCTYPE html>" */
void	html_doctype(struct html *);

/* Open an element (void elements such as input are not pushed). */
void	html_open(struct html *, enum html_elem, ...);

/* Escaped text content. */
void	html_text(struct html *, const char *);
void	html_textf(struct html *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* <el>text</el> with no attributes. */
void	html_elem(struct html *, enum html_elem, const char *text);

/*
 * User Markdown as HTML, through cmark in its safe mode: raw HTML is
 * dropped and javascript:, vbscript:, file: and data: links are removed.
 * This is the only place where markup not built by this writer is
 * written, and what cmark writes is escaped by cmark.
 */
void	html_markdown(struct html *, const char *markdown);

/* Close the innermost element; close everything above depth; close all. */
void	html_close(struct html *);
void	html_close_to(struct html *, size_t depth);
void	html_close_all(struct html *);
size_t	html_depth(const struct html *);

/* 0 when the document is balanced and nothing went wrong, else -1. */
int	html_finish(struct html *);

/*
 * Escapers for each context, writing to a buffer (the writer uses the
 * first; the others build URLs before they reach an attribute).
 */
void	html_escape(struct buf *, const char *);
void	url_escape_query(struct buf *, const char *);

/*
 * 1 if s is safe in href/action/src: a relative reference, "#...",
 * or an http, https or mailto URL.
 */
int	html_url_safe(const char *);

#endif
