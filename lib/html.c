#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "buf.h"
#include "html.h"

static const struct {
	const char	*name;
	int		 is_void;
} elems[EL__MAX] = {
	[EL_A] = { "a", 0 }, [EL_BODY] = { "body", 0 },
	[EL_BUTTON] = { "button", 0 }, [EL_CAPTION] = { "caption", 0 },
	[EL_DATALIST] = { "datalist", 0 },
	[EL_DD] = { "dd", 0 }, [EL_DIV] = { "div", 0 }, [EL_DL] = { "dl", 0 },
	[EL_DT] = { "dt", 0 }, [EL_EM] = { "em", 0 },
	[EL_FIELDSET] = { "fieldset", 0 }, [EL_FOOTER] = { "footer", 0 },
	[EL_FORM] = { "form", 0 }, [EL_H1] = { "h1", 0 },
	[EL_H2] = { "h2", 0 }, [EL_H3] = { "h3", 0 },
	[EL_HEAD] = { "head", 0 }, [EL_HEADER] = { "header", 0 },
	[EL_HTML] = { "html", 0 }, [EL_INPUT] = { "input", 1 },
	[EL_LABEL] = { "label", 0 }, [EL_LEGEND] = { "legend", 0 },
	[EL_LI] = { "li", 0 }, [EL_LINK] = { "link", 1 },
	[EL_MAIN] = { "main", 0 }, [EL_META] = { "meta", 1 },
	[EL_NAV] = { "nav", 0 }, [EL_OL] = { "ol", 0 },
	[EL_OPTION] = { "option", 0 }, [EL_P] = { "p", 0 },
	[EL_SCRIPT] = { "script", 0 }, [EL_SECTION] = { "section", 0 },
	[EL_SELECT] = { "select", 0 }, [EL_SMALL] = { "small", 0 },
	[EL_SPAN] = { "span", 0 }, [EL_STRONG] = { "strong", 0 },
	[EL_TABLE] = { "table", 0 }, [EL_TBODY] = { "tbody", 0 },
	[EL_TD] = { "td", 0 }, [EL_TEXTAREA] = { "textarea", 0 },
	[EL_TH] = { "th", 0 }, [EL_THEAD] = { "thead", 0 },
	[EL_TIME] = { "time", 0 }, [EL_TITLE] = { "title", 0 },
	[EL_TR] = { "tr", 0 }, [EL_UL] = { "ul", 0 },
	/* SVG elements are never void in HTML: each gets its end tag. */
	[EL_SVG] = { "svg", 0 }, [EL_G] = { "g", 0 },
	[EL_RECT] = { "rect", 0 }, [EL_SVG_TEXT] = { "text", 0 },
	[EL_LINE] = { "line", 0 },
};

enum attr_kind { ATTR_TEXT, ATTR_BOOL, ATTR_URL };

static const struct {
	const char	*name;
	enum attr_kind	 kind;
} attrs[AT__MAX] = {
	[AT_ACCEPT] = { "accept", ATTR_TEXT },
	[AT_ACTION] = { "action", ATTR_URL },
	[AT_ARIA_CURRENT] = { "aria-current", ATTR_TEXT },
	[AT_ARIA_DESCRIBEDBY] = { "aria-describedby", ATTR_TEXT },
	[AT_ARIA_INVALID] = { "aria-invalid", ATTR_TEXT },
	[AT_ARIA_LABEL] = { "aria-label", ATTR_TEXT },
	[AT_ARIA_LIVE] = { "aria-live", ATTR_TEXT },
	[AT_AUTOCOMPLETE] = { "autocomplete", ATTR_TEXT },
	[AT_AUTOFOCUS] = { "autofocus", ATTR_BOOL },
	[AT_CHARSET] = { "charset", ATTR_TEXT },
	[AT_CHECKED] = { "checked", ATTR_BOOL },
	[AT_CLASS] = { "class", ATTR_TEXT },
	[AT_CONTENT] = { "content", ATTR_TEXT },
	[AT_DATETIME] = { "datetime", ATTR_TEXT },
	[AT_DEFER] = { "defer", ATTR_BOOL },
	[AT_DISABLED] = { "disabled", ATTR_BOOL },
	[AT_ENCTYPE] = { "enctype", ATTR_TEXT },
	[AT_FOR] = { "for", ATTR_TEXT },
	[AT_HIDDEN] = { "hidden", ATTR_BOOL },
	[AT_HREF] = { "href", ATTR_URL },
	[AT_ID] = { "id", ATTR_TEXT },
	[AT_INPUTMODE] = { "inputmode", ATTR_TEXT },
	[AT_LANG] = { "lang", ATTR_TEXT },
	[AT_LIST] = { "list", ATTR_TEXT },
	[AT_MAX] = { "max", ATTR_TEXT },
	[AT_MAXLENGTH] = { "maxlength", ATTR_TEXT },
	[AT_MEDIA] = { "media", ATTR_TEXT },
	[AT_METHOD] = { "method", ATTR_TEXT },
	[AT_MIN] = { "min", ATTR_TEXT },
	[AT_MULTIPLE] = { "multiple", ATTR_BOOL },
	[AT_NAME] = { "name", ATTR_TEXT },
	[AT_PATTERN] = { "pattern", ATTR_TEXT },
	[AT_PLACEHOLDER] = { "placeholder", ATTR_TEXT },
	[AT_REL] = { "rel", ATTR_TEXT },
	[AT_REQUIRED] = { "required", ATTR_BOOL },
	[AT_ROLE] = { "role", ATTR_TEXT },
	[AT_ROWS] = { "rows", ATTR_TEXT },
	[AT_SCOPE] = { "scope", ATTR_TEXT },
	[AT_SELECTED] = { "selected", ATTR_BOOL },
	[AT_SIZE] = { "size", ATTR_TEXT },
	[AT_SRC] = { "src", ATTR_URL },
	[AT_STEP] = { "step", ATTR_TEXT },
	[AT_TITLE] = { "title", ATTR_TEXT },
	[AT_TYPE] = { "type", ATTR_TEXT },
	[AT_VALUE] = { "value", ATTR_TEXT },
	[AT_VIEWBOX] = { "viewBox", ATTR_TEXT },
	[AT_WIDTH] = { "width", ATTR_TEXT },
	[AT_HEIGHT] = { "height", ATTR_TEXT },
	[AT_X] = { "x", ATTR_TEXT },
	[AT_Y] = { "y", ATTR_TEXT },
	[AT_X1] = { "x1", ATTR_TEXT },
	[AT_Y1] = { "y1", ATTR_TEXT },
	[AT_X2] = { "x2", ATTR_TEXT },
	[AT_Y2] = { "y2", ATTR_TEXT },
	[AT_TEXT_ANCHOR] = { "text-anchor", ATTR_TEXT },
	[AT_ARIA_HIDDEN] = { "aria-hidden", ATTR_TEXT },
	[AT_ARIA_LABELLEDBY] = { "aria-labelledby", ATTR_TEXT },
	[AT_FOCUSABLE] = { "focusable", ATTR_TEXT },
	[AT_PRESERVEASPECTRATIO] = { "preserveAspectRatio", ATTR_TEXT },
	[AT_DATA_SEARCH] = { "data-search", ATTR_URL },
	[AT_DATA_PICK] = { "data-pick", ATTR_TEXT },
};

void
html_init(struct html *h, struct buf *out)
{
	memset(h, 0, sizeof(*h));
	h->out = out;
}

void
html_doctype(struct html *h)
{
	buf_puts(h->out, "<!DOCTYPE html>\n");
}

void
html_escape(struct buf *b, const char *s)
{
	const char	*run = s;

	for (; *s != '\0'; s++) {
		const char *rep;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_append(b, run, (size_t)(s - run));
		buf_puts(b, rep);
		run = s + 1;
	}
	buf_append(b, run, (size_t)(s - run));
}

void
url_escape_query(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~/", c) != NULL)
			buf_putc(b, (char)c);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
	}
}

int
html_url_safe(const char *s)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	/* No scheme before the first '/', '?' or '#': a relative reference. */
	i = strcspn(s, ":/?#");
	if (s[i] != ':')
		return 1;
	return (i == 4 && strncasecmp(s, "http", 4) == 0) ||
	    (i == 5 && strncasecmp(s, "https", 5) == 0) ||
	    (i == 6 && strncasecmp(s, "mailto", 6) == 0);
}

static void
write_attr(struct html *h, enum html_attr at, const char *value)
{
	if (at < 0 || at >= AT__MAX) {
		h->error = 1;
		return;
	}
	buf_putc(h->out, ' ');
	buf_puts(h->out, attrs[at].name);
	if (attrs[at].kind == ATTR_BOOL)
		return;
	if (attrs[at].kind == ATTR_URL && !html_url_safe(value)) {
		value = "#";
		h->error = 1;
	}
	buf_puts(h->out, "=\"");
	html_escape(h->out, value);
	buf_putc(h->out, '"');
}

void
html_open(struct html *h, enum html_elem el, ...)
{
	va_list		 ap;
	int		 at;

	if (el < 0 || el >= EL__MAX) {
		h->error = 1;
		return;
	}
	buf_putc(h->out, '<');
	buf_puts(h->out, elems[el].name);
	va_start(ap, el);
	while ((at = va_arg(ap, int)) != AT__MAX) {
		const char *value = va_arg(ap, const char *);

		if (value != NULL)
			write_attr(h, (enum html_attr)at, value);
	}
	va_end(ap);
	buf_putc(h->out, '>');
	if (elems[el].is_void)
		return;
	if (h->depth == HTML_MAX_DEPTH) {
		h->error = 1;
		return;
	}
	h->stack[h->depth++] = el;
}

void
html_text(struct html *h, const char *s)
{
	if (s != NULL)
		html_escape(h->out, s);
}

void
html_textf(struct html *h, const char *fmt, ...)
{
	struct buf	 tmp;
	va_list		 ap;

	buf_init(&tmp);
	va_start(ap, fmt);
	buf_vprintf(&tmp, fmt, ap);
	va_end(ap);
	if (tmp.failed)
		h->error = 1;
	else if (tmp.len > 0)
		html_escape(h->out, tmp.data);
	buf_free(&tmp);
}

void
html_markdown(struct html *h, const char *md)
{
	char	*out;

	if (md == NULL || *md == '\0')
		return;
	/* Safe is cmark's default since 0.29; say so anyway. */
	out = cmark_markdown_to_html(md, strlen(md),
	    CMARK_OPT_SAFE | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8);
	if (out == NULL) {
		h->error = 1;
		return;
	}
	buf_puts(h->out, out);
	free(out);
}

void
html_elem(struct html *h, enum html_elem el, const char *text)
{
	html_open(h, el, AT__MAX);
	html_text(h, text);
	if (!elems[el].is_void)
		html_close(h);
}

void
html_close(struct html *h)
{
	if (h->depth == 0) {
		h->error = 1;
		return;
	}
	h->depth--;
	buf_puts(h->out, "</");
	buf_puts(h->out, elems[h->stack[h->depth]].name);
	buf_putc(h->out, '>');
}

void
html_close_to(struct html *h, size_t depth)
{
	while (h->depth > depth)
		html_close(h);
}

void
html_close_all(struct html *h)
{
	html_close_to(h, 0);
}

size_t
html_depth(const struct html *h)
{
	return h->depth;
}

int
html_finish(struct html *h)
{
	if (h->depth != 0)
		h->error = 1;
	return h->error || h->out->failed ? -1 : 0;
}
