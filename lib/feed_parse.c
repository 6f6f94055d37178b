/*
 * The feed parser (see feed_parse.h).  One pass with libxml2's streaming
 * reader; the names of open elements, their namespaces and xml:base sit
 * on a small stack; an element is acted on by its name, namespace and
 * depth relative to the channel or the entry, so unknown extensions are
 * skipped.  Text constructs are captured node by node (never with a
 * DOM), then sanitised or flattened to text.
 *
 * Lessons kept from import_parse.c: limits are checked before libxml2
 * sees the bytes; entity declarations are checked on the parsed DTD, not
 * by a byte scan (a UTF-16 document hides "<!ENTITY" from a byte scan).
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/hash.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlreader.h>

#include "arena.h"
#include "feed_date.h"
#include "feed_parse.h"
#include "utf8.h"

#define NAME_MAX_LEN	64
#define FIELD_MAX	(1024 * 1024)	/* longer text constructs are cut */

/* --- a growing string -------------------------------------------------- */

struct sb {
	char	*s;
	size_t	 len, cap;
	int	 nomem;
};

static void
sb_addn(struct sb *b, const char *s, size_t n)
{
	char	*grown;
	size_t	 cap;

	if (b->nomem || n == 0)
		return;
	if (b->len + n > FIELD_MAX)
		return;		/* cut, silently: the field is still usable */
	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		if ((grown = realloc(b->s, cap)) == NULL) {
			b->nomem = 1;
			return;
		}
		b->s = grown;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
sb_add(struct sb *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

/* One byte: the common case without sb_addn()'s checks (a hot path). */
static inline void
sb_addc(struct sb *b, char c)
{
	if (b->len + 2 <= b->cap && b->len < FIELD_MAX && !b->nomem) {
		b->s[b->len++] = c;
		b->s[b->len] = '\0';
	} else
		sb_addn(b, &c, 1);
}

/* Windows-1252's characters at 0x80-0x9F, where Latin-1 has C1 controls. */
static const unsigned short cp1252[32] = {
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
	0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
};

/* A code point as UTF-8; C1 controls read as Windows-1252 (feeds mean it). */
static void
sb_addcp(struct sb *b, unsigned long cp)
{
	char	o[4];

	if (cp >= 0x80 && cp <= 0x9F)
		cp = cp1252[cp - 0x80];
	if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = 0xFFFD;
	if (cp < 0x80) {
		sb_addc(b, (char)cp);
	} else if (cp < 0x800) {
		o[0] = (char)(0xC0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3F));
		sb_addn(b, o, 2);
	} else if (cp < 0x10000) {
		o[0] = (char)(0xE0 | cp >> 12);
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		sb_addn(b, o, 3);
	} else {
		o[0] = (char)(0xF0 | cp >> 18);
		o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[3] = (char)(0x80 | (cp & 0x3F));
		sb_addn(b, o, 4);
	}
}

/* UTF-8 text from libxml2, with C1 controls repaired as Windows-1252. */
static void
sb_addtext(struct sb *b, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;

	const unsigned char	*run;

	while (*p) {
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			sb_addcp(b, p[1]);
			p += 2;
			continue;
		}
		/* strcspn() finds the next 0xC2 many bytes at a time. */
		run = p;
		p += 1 + strcspn((const char *)p + 1, "\xC2");
		sb_addn(b, (const char *)run, (size_t)(p - run));
	}
}

/* Escaped for HTML text or a double-quoted attribute. */
static void
sb_addesc(struct sb *b, const char *s, int attr)
{
	size_t	 n;

	while (*s) {
		n = strcspn(s, attr ? "&<>\"" : "&<>");
		sb_addn(b, s, n);
		s += n;
		if (*s == '&')
			sb_add(b, "&amp;");
		else if (*s == '<')
			sb_add(b, "&lt;");
		else if (*s == '>')
			sb_add(b, "&gt;");
		else if (*s == '"')
			sb_add(b, "&quot;");
		else
			break;
		s++;
	}
}

static void
sb_free(struct sb *b)
{
	free(b->s);
	memset(b, 0, sizeof(*b));
}

/* --- references --------------------------------------------------------- */

/* An HTML 4 (or XML) entity name's code point; 0 when unknown. */
static unsigned long
entity_cp(const char *name)
{
	const htmlEntityDesc	*d;

	if (strcmp(name, "apos") == 0)
		return '\'';
	d = htmlEntityLookup((const xmlChar *)name);
	return d != NULL ? d->value : 0;
}

/*
 * A reference at p ("&#38;", "&#x26;", "&eacute;"): its length including
 * the ";" and its code point in *cp, or 0 when p does not start one.
 * Named references must be known HTML 4 names.
 */
static size_t
ref_at(const char *p, unsigned long *cp)
{
	const char	*s = p + 1;
	char		 name[NAME_MAX_LEN];
	unsigned long	 v = 0;
	size_t		 n = 0;

	if (*s == '#') {
		s++;
		if (*s == 'x' || *s == 'X') {
			s++;
			while (isxdigit((unsigned char)*s) && n < 8) {
				v = v * 16 + (unsigned long)(isdigit((unsigned char)*s) ?
				    *s - '0' : (tolower((unsigned char)*s) - 'a' + 10));
				s++;
				n++;
			}
		} else
			while (isdigit((unsigned char)*s) && n < 8) {
				v = v * 10 + (unsigned long)(*s - '0');
				s++;
				n++;
			}
		if (n == 0 || *s != ';')
			return 0;
		*cp = v;
		return (size_t)(s - p) + 1;
	}
	while (isalnum((unsigned char)*s) && n + 1 < sizeof(name))
		name[n++] = *s++;
	name[n] = '\0';
	if (n == 0 || *s != ';' || (v = entity_cp(name)) == 0)
		return 0;
	*cp = v;
	return (size_t)(s - p) + 1;
}

/* --- the HTML sanitiser and text extractor ------------------------------- */

/* Dropped together with everything inside them. */
static const char *const drop_with_content[] = {
	"script", "style", "applet", "template", "svg", "math", "xml", NULL
};

/* Written (with the allowed attributes only); anything else is unwrapped. */
static const char *const allowed_elements[] = {
	"a", "abbr", "acronym", "address", "b", "big", "blockquote", "br",
	"caption", "center", "cite", "code", "col", "colgroup", "dd", "del",
	"dfn", "dir", "div", "dl", "dt", "em", "figcaption", "figure", "font",
	"h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
	"li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span",
	"strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
	"th", "thead", "time", "tr", "tt", "u", "ul", "var", NULL
};

static const char *const void_elements[] = {
	"br", "col", "hr", "img", NULL
};

/*
 * Kept in byte order of the names: a kept tag writes its attributes in
 * this order, which is the Universal Feed Parser's (it sorts them).
 */
static const char *const allowed_attributes[] = {
	"abbr", "align", "alt", "border", "cite", "class", "colspan", "datetime",
	"dir", "headers", "height", "href", "hreflang", "lang", "rowspan",
	"scope", "src", "start", "summary", "title", "valign", "width", NULL
};
#define N_ATTRIBUTES \
	(sizeof(allowed_attributes) / sizeof(allowed_attributes[0]) - 1)

/* Elements after which text reads as a new word. */
static const char *const block_elements[] = {
	"br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
	"h6", "blockquote", "pre", "hr", "dd", "dt", "ul", "ol", "table", NULL
};

static int
in_list(const char *const *list, const char *s)
{
	/* The first byte first: most names differ there (every tag asks). */
	for (; *list != NULL; list++)
		if (**list == *s && strcmp(*list, s) == 0)
			return 1;
	return 0;
}

static int
url_attribute(const char *name)
{
	return strcmp(name, "href") == 0 || strcmp(name, "src") == 0 ||
	    strcmp(name, "cite") == 0;
}

/*
 * Is a URL (entity-decoded) safe in href/src?  Blanks and controls are
 * ignored the way browsers ignore them; a scheme must be http, https,
 * mailto or ftp; anything without a scheme is relative and fine.
 */
static int
url_safe(const char *u)
{
	char	 scheme[16];
	size_t	 n = 0;

	for (; *u; u++) {
		unsigned char	 c = (unsigned char)*u;

		if (c <= 0x20 || c == 0x7F)
			continue;
		if (c == ':')
			break;
		if (c == '/' || c == '?' || c == '#')
			return 1;
		if (n + 1 >= sizeof(scheme))
			return 0;
		scheme[n++] = (char)tolower(c);
	}
	if (*u != ':')
		return 1;
	scheme[n] = '\0';
	return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
	    strcmp(scheme, "mailto") == 0 || strcmp(scheme, "ftp") == 0;
}

/* Decode the references in an attribute value. */
static void
decode_into(struct sb *b, const char *s, size_t n)
{
	const char	*end = s + n;
	unsigned long	 cp;
	size_t		 r;
	char		 tmp[16];

	while (s < end) {
		if (*s == '&') {
			size_t	 left = (size_t)(end - s);

			if (left > sizeof(tmp) - 1)
				left = sizeof(tmp) - 1;
			memcpy(tmp, s, left);
			tmp[left] = '\0';
			if ((r = ref_at(tmp, &cp)) > 0) {
				sb_addcp(b, cp);
				s += r;
				continue;
			}
		}
		sb_addc(b, *s++);
	}
}

/*
 * A reference as written, but "&#X61;" as "&#x61;" and a C1 reference
 * ("&#146;") as the Windows-1252 character it means.
 */
static void
add_ref(struct sb *b, const char *p, size_t r, unsigned long cp)
{
	char	 tmp[16];

	if (p[1] == '#' && (p[2] == 'X' || (cp >= 0x80 && cp <= 0x9F))) {
		struct sb	 one = { 0 };
		const unsigned char	*u;
		unsigned long	 v;

		sb_addcp(&one, cp);	/* repairs C1 */
		u = (const unsigned char *)(one.s ? one.s : "");
		v = cp;
		if (u[0] >= 0xE0)
			v = ((unsigned long)(u[0] & 0x0F) << 12) |
			    ((unsigned long)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
		else if (u[0] >= 0xC0)
			v = ((unsigned long)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		else if (u[0] != 0)
			v = u[0];
		sb_free(&one);
		snprintf(tmp, sizeof(tmp), "&#x%lx;", v);
		sb_add(b, tmp);
		return;
	}
	sb_addn(b, p, r);
}

/* An attribute value as written, references kept, the rest escaped. */
static void
add_attr_raw(struct sb *b, const char *s, size_t n)
{
	const char	*end = s + n;
	char		 tmp[16];
	unsigned long	 cp;
	size_t		 r, left;

	while (s < end) {
		if (*s == '&') {
			left = (size_t)(end - s);
			if (left > sizeof(tmp) - 1)
				left = sizeof(tmp) - 1;
			memcpy(tmp, s, left);
			tmp[left] = '\0';
			if ((r = ref_at(tmp, &cp)) > 0) {
				add_ref(b, s, r, cp);
				s += r;
				continue;
			}
			sb_add(b, "&amp;");
		} else if (*s == '<')
			sb_add(b, "&lt;");
		else if (*s == '>')
			sb_add(b, "&gt;");
		else if (*s == '"')
			sb_add(b, "&quot;");
		else
			sb_addc(b, *s);
		s++;
	}
}

/* Where the element's own end tag "</name" finishes; end of s if none. */
static const char *
skip_element(const char *s, const char *name)
{
	size_t	 n = strlen(name);
	const char	*p;

	for (p = s; (p = strchr(p, '<')) != NULL; p++)
		if (p[1] == '/' && strncasecmp(p + 2, name, n) == 0 &&
		    !isalnum((unsigned char)p[2 + n])) {
			const char	*gt = strchr(p, '>');

			return gt ? gt + 1 : p + strlen(p);
		}
	return s + strlen(s);
}

/* What html_walk() carries from one construct to the next. */
struct walk {
	struct sb	 out;
	struct sb	 val;		/* a URL attribute's value, decoded */
	struct sb	 attr[N_ATTRIBUTES];	/* ' name="value"', or empty */
	const char	*base;
	int		 text;		/* text only: no markup written */
};

/* A reference is kept (sanitising) or decoded (text); a bare "&" escaped. */
static const char *
walk_reference(struct walk *w, const char *p)
{
	unsigned long	 cp;
	size_t		 r;

	if ((r = ref_at(p, &cp)) == 0) {
		sb_add(&w->out, w->text ? "&" : "&amp;");
		return p + 1;
	}
	if (w->text)
		sb_addcp(&w->out, cp);
	else
		add_ref(&w->out, p, r, cp);
	return p + r;
}

/* Text up to the next tag or reference, as it is. */
static const char *
walk_text(struct walk *w, const char *p)
{
	const char	*q = p;

	q += strcspn(q, "<&");
	sb_addn(&w->out, p, (size_t)(q - p));
	return q;
}

/* How a "<!DOCTYPE" declaration ends (see scan_declaration()). */
enum decl {
	DECL_END,	/* at its '>' */
	DECL_BAD,	/* at a character a declaration cannot hold */
	DECL_OPEN	/* the fragment ends first */
};

/*
 * Read the declaration at p ("<!DOCTYPE ...") the way the Universal Feed
 * Parser's SGML reader does: names, quoted strings, an internal subset in
 * brackets and blanks, up to '>'.  *end is set for DECL_END.
 */
static enum decl
scan_declaration(const char *p, const char **end)
{
	const char	*s = p + 2, *q;

	while (*s) {
		if (*s == '>') {
			*end = s + 1;
			return DECL_END;
		}
		if (isalpha((unsigned char)*s)) {
			while (isalnum((unsigned char)*s) || *s == '-' ||
			    *s == '_' || *s == '.' || *s == ':')
				s++;
		} else if (*s == '"' || *s == '\'' || *s == '[') {
			if ((q = strchr(s + 1, *s == '[' ? ']' : *s)) == NULL)
				return DECL_OPEN;
			s = q + 1;
		} else
			return DECL_BAD;
		while (isspace((unsigned char)*s))
			s++;
	}
	return DECL_OPEN;
}

/*
 * At "<!" or "<?": comments, declarations and processing instructions
 * are dropped.  As in the Universal Feed Parser, "<!" that does not
 * start a comment, a DOCTYPE or a marked section ("<![CDATA[") is text
 * ("<!'"), and so is a DOCTYPE broken by a character it cannot hold
 * ("<!DOCTYPE ~").  One the fragment ends in ("<!DOCTYPE ") is escaped
 * text to its end: no tag can follow it.
 */
static const char *
walk_declaration(struct walk *w, const char *p)
{
	const char	*q;

	if (strncmp(p, "<!--", 4) == 0) {
		if ((q = strstr(p + 4, "-->")) == NULL &&
		    (q = strchr(p + 4, '>')) != NULL)
			q -= 2;		/* "<!-- -- x >": ends at '>' */
		return q ? q + 3 : p + strlen(p);
	}
	if (p[1] == '!' && p[2] != '[') {
		if (strncasecmp(p + 2, "doctype", 7) != 0)
			goto text;
		switch (scan_declaration(p, &q)) {
		case DECL_END:
			return q;
		case DECL_BAD:
			goto text;
		case DECL_OPEN:
			break;
		}
		/*
		 * The peer keeps a raw "<!" here; we escape it (one
		 * conformance row differs) so that the sanitised HTML is
		 * safe wherever it is put: a raw "<!" would swallow the
		 * next tag of a page that embedded it.
		 */
		sb_add(&w->out, w->text ? "<!" : "&lt;!");
		if (w->text)
			decode_into(&w->out, p + 2, strlen(p + 2));
		else
			add_attr_raw(&w->out, p + 2, strlen(p + 2));
		return p + strlen(p);
	}
	/* "<?...>" and "<![...>". */
	if ((q = strchr(p, '>')) != NULL)
		return q + 1;
text:
	sb_add(&w->out, w->text ? "<" : "&lt;");
	return p + 1;
}

/* An allowed attribute's place in allowed_attributes; -1 if not allowed. */
static int
attribute_slot(const char *name)
{
	size_t	 i;

	for (i = 0; i < N_ATTRIBUTES; i++)
		if (strcmp(allowed_attributes[i], name) == 0)
			return (int)i;
	return -1;
}

/*
 * xmlBuildURI(), or NULL (the caller keeps the reference as written)
 * when the result is not UTF-8: libxml2 unescapes the host, so a base
 * such as "http://example.org%ba/" gives a raw byte 0xba.
 */
static xmlChar *
build_uri(const char *ref, const char *base)
{
	xmlChar	*abs = xmlBuildURI((const xmlChar *)ref, (const xmlChar *)base);

	if (abs != NULL && !utf8_valid((char *)abs, strlen((char *)abs))) {
		xmlFree(abs);
		abs = NULL;
	}
	return abs;
}

/* href, src, cite: dropped unless safe; made absolute against the base. */
static void
add_url_attribute(struct walk *w, struct sb *o, const char *name,
    const char *vs, size_t vl)
{
	xmlChar		*abs = NULL;
	const char	*u;

	w->val.len = 0;
	if (w->val.s)
		w->val.s[0] = '\0';
	decode_into(&w->val, vs, vl);
	u = w->val.s ? w->val.s : "";
	if (!url_safe(u))
		return;
	if (w->base != NULL && *u != '\0')
		abs = build_uri(u, w->base);
	if (abs == NULL || url_safe((char *)abs)) {
		sb_add(o, " ");
		sb_add(o, name);
		sb_add(o, "=\"");
		sb_addesc(o, abs ? (char *)abs : u, 1);
		sb_add(o, "\"");
	}
	xmlFree(abs);
}

/*
 * Keep one attribute of a kept start tag in its slot, if it is allowed.
 * A name written twice keeps its last value (a value that is then unsafe
 * drops the attribute), as the Universal Feed Parser's sanitiser does.
 */
static void
keep_attribute(struct walk *w, const char *an, const char *ae,
    const char *vs, size_t vl)
{
	char		 name[NAME_MAX_LEN];
	size_t		 n = 0;
	int		 slot;
	struct sb	*o;

	for (; an + n < ae && n + 1 < sizeof(name) &&
	    (isalnum((unsigned char)an[n]) || an[n] == '-' || an[n] == ':'); n++)
		name[n] = (char)tolower((unsigned char)an[n]);
	name[n] = '\0';
	if ((slot = attribute_slot(name)) < 0)
		return;
	o = &w->attr[slot];
	o->len = 0;
	if (o->s)
		o->s[0] = '\0';
	if (url_attribute(name)) {
		add_url_attribute(w, o, name, vs, vl);
		return;
	}
	sb_add(o, " ");
	sb_add(o, name);
	sb_add(o, "=\"");
	add_attr_raw(o, vs, vl);
	sb_add(o, "\"");
}

/* An attribute value after its '=': quoted, or up to a blank or '>'. */
static const char *
attribute_value(const char *s, const char **vs, size_t *vl)
{
	char	 quote;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '"' || *s == '\'') {
		quote = *s++;
		*vs = s;
		while (*s && *s != quote)
			s++;
		*vl = (size_t)(s - *vs);
		return *s ? s + 1 : s;
	}
	*vs = s;
	while (*s && !isspace((unsigned char)*s) && *s != '>')
		s++;
	*vl = (size_t)(s - *vs);
	return s;
}

/* A tag's attributes, up to its unquoted '>' (or the end); kept if collect. */
static const char *
walk_attributes(struct walk *w, const char *s, int collect)
{
	const char	*an, *ae, *vs;
	size_t		 vl;

	for (;;) {
		while (isspace((unsigned char)*s))
			s++;
		if (*s == '\0' || *s == '>')
			return s;
		if (*s == '/') {
			s++;
			continue;
		}
		an = s;
		while (*s && !isspace((unsigned char)*s) && *s != '=' &&
		    *s != '>' && *s != '/')
			s++;
		if (s == an)
			s++;
		ae = s;
		while (isspace((unsigned char)*s))
			s++;
		vs = "";
		vl = 0;
		if (*s == '=')
			s = attribute_value(s + 1, &vs, &vl);
		if (collect)
			keep_attribute(w, an, ae, vs, vl);
	}
}

/*
 * A kept tag with the attributes collected, in the order of
 * allowed_attributes (sorted by name, as the Universal Feed Parser
 * writes them).  "</br>" and the like write nothing.
 */
static void
write_tag(struct walk *w, const char *name, int closing)
{
	int	 is_void = in_list(void_elements, name);
	size_t	 i;

	if (closing) {
		if (!is_void) {
			sb_add(&w->out, "</");
			sb_add(&w->out, name);
			sb_add(&w->out, ">");
		}
		return;
	}
	sb_add(&w->out, "<");
	sb_add(&w->out, name);
	for (i = 0; i < N_ATTRIBUTES; i++) {
		sb_addn(&w->out, w->attr[i].s, w->attr[i].len);
		w->attr[i].len = 0;
	}
	sb_add(&w->out, is_void ? " />" : ">");
}

/* At '<': a start or end tag, written if allowed, or a '<' that is text. */
static const char *
walk_tag(struct walk *w, const char *p)
{
	int		 closing = p[1] == '/', keep;
	const char	*s = p + 1 + closing;
	char		 name[NAME_MAX_LEN];
	size_t		 n = 0;

	if (!isalpha((unsigned char)*s)) {
		sb_add(&w->out, w->text ? "<" : "&lt;");
		return p + 1;
	}
	while ((isalnum((unsigned char)*s) || *s == ':' || *s == '-') &&
	    n + 1 < sizeof(name))
		name[n++] = (char)tolower((unsigned char)*s++);
	name[n] = '\0';
	while (isalnum((unsigned char)*s) || *s == ':' || *s == '-')
		s++;
	if (!closing && in_list(drop_with_content, name))
		return skip_element(s, name);
	keep = !w->text && in_list(allowed_elements, name);
	if (w->text && in_list(block_elements, name))
		sb_addc(&w->out, ' ');
	s = walk_attributes(w, s, keep && !closing);
	if (keep)
		write_tag(w, name, closing);
	return *s == '>' ? s + 1 : s;
}

/*
 * One walker for both jobs: sanitise (text is 0) writes allowed markup;
 * text mode writes decoded text only.  NULL: no memory.
 */
static char	*collapse_n(struct arena *, const char *, size_t);

static char *
html_walk(struct arena *a, const char *html, const char *base, int text)
{
	struct walk	 w;
	const char	*p = html;
	char		*result = NULL;
	int		 nomem;
	size_t		 i;

	memset(&w, 0, sizeof(w));
	w.base = base;
	w.text = text;
	while (*p) {
		if (*p == '&')
			p = walk_reference(&w, p);
		else if (*p != '<')
			p = walk_text(&w, p);
		else if (p[1] == '!' || p[1] == '?')
			p = walk_declaration(&w, p);
		else
			p = walk_tag(&w, p);
	}
	nomem = w.out.nomem || w.val.nomem;
	for (i = 0; i < N_ATTRIBUTES; i++) {
		nomem = nomem || w.attr[i].nomem;
		sb_free(&w.attr[i]);
	}
	/* Text is collapsed as it is copied out: one pass, not two. */
	if (!nomem && text)
		result = collapse_n(a, w.out.s ? w.out.s : "", w.out.len);
	else if (!nomem)
		result = arena_strndup(a, w.out.s ? w.out.s : "", w.out.len);
	sb_free(&w.out);
	sb_free(&w.val);
	return result;
}

/*
 * ASCII whitespace, as isspace() in the C locale, without the call; 2
 * for 0xC2, which starts a no-break space (C2 A0) or another character.
 */
static const unsigned char blank[256] = {
	['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
	[0xC2] = 2
};

/* Is p (before end) white space or a no-break space? */
static inline int
is_blank_at(const unsigned char *p, const unsigned char *end)
{
	return blank[*p] == 1 || (*p == 0xC2 && p + 1 < end && p[1] == 0xA0);
}

/*
 * Is [p, end), which neither starts nor ends with a blank, collapsed
 * already (no blank but single spaces)?  *end is followed by blanks and
 * a NUL.  The libc scans go many bytes at a time, and most text is.
 */
static int
collapsed_already(const unsigned char *p, const unsigned char *end)
{
	const char	*two;

	/* strcspn() also stops at a NUL, so a NUL inside is not hidden. */
	if (strcspn((const char *)p, "\t\n\v\f\r\xC2") < (size_t)(end - p))
		return 0;
	two = strstr((const char *)p, "  ");
	return two == NULL || (const unsigned char *)two >= end;
}

/*
 * Collapse runs of whitespace (and no-break spaces) to one space; trim.
 * s[len] is a NUL.
 */
static char *
collapse_n(struct arena *a, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s, *end = p + len;
	char			*out, *o;

	while (p < end && is_blank_at(p, end))
		p += *p == 0xC2 ? 2 : 1;
	/* C2 is never a continuation byte: "C2 A0" at the end is a space. */
	while (end > p && (blank[end[-1]] == 1 ||
	    (end - p >= 2 && end[-2] == 0xC2 && end[-1] == 0xA0)))
		end -= blank[end[-1]] == 1 ? 1 : 2;
	if (collapsed_already(p, end))
		return arena_strndup(a, (const char *)p, (size_t)(end - p));
	if ((out = arena_alloc(a, (size_t)(end - p) + 1)) == NULL)
		return NULL;
	o = out;
	while (p < end) {
		/* Most bytes are copied with one test. */
		if (blank[*p] == 0 || !is_blank_at(p, end)) {
			*o++ = (char)*p++;
			continue;
		}
		while (p < end && is_blank_at(p, end))
			p += *p == 0xC2 ? 2 : 1;
		if (o != out && p < end)
			*o++ = ' ';
	}
	*o = '\0';
	return out;
}

static char *
collapse(struct arena *a, const char *s)
{
	return collapse_n(a, s, strlen(s));
}

char *
feed_html_sanitise(struct arena *a, const char *html, const char *base)
{
	return html_walk(a, html ? html : "", base, 0);
}

char *
feed_html_text(struct arena *a, const char *html)
{
	return html_walk(a, html ? html : "", NULL, 1);
}

/* Trimmed copy. */
static char *
trim(struct arena *a, const char *s)
{
	size_t	 n;

	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return arena_strndup(a, s, n);
}

/* Base64 (blanks ignored); NULL when not base64. */
static char *
base64_decode(struct arena *a, const char *s)
{
	static const char	 al[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	struct sb		 b = { 0 };
	unsigned long		 acc = 0;
	int			 bits = 0;
	char			*out;
	const char		*c;

	for (; *s; s++) {
		if (isspace((unsigned char)*s))
			continue;
		if (*s == '=')
			break;
		if ((c = strchr(al, *s)) == NULL) {
			sb_free(&b);
			return NULL;
		}
		acc = (acc << 6) | (unsigned long)(c - al);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			sb_addc(&b, (char)((acc >> bits) & 0xFF));
		}
	}
	out = arena_strdup(a, b.s ? b.s : "");
	sb_free(&b);
	return out;
}

/* --- the reader ---------------------------------------------------------- */

enum ns {
	NS_CORE, NS_ATOM, NS_DC, NS_DCTERMS, NS_CONTENT, NS_XHTML, NS_MEDIA,
	NS_RDF, NS_OTHER
};

static const struct {
	const char	*uri;
	enum ns		 ns;
} namespaces[] = {
	{ "http://my.netscape.com/rdf/simple/0.9/", NS_CORE },
	{ "http://purl.org/rss/1.0/", NS_CORE },
	{ "http://backend.userland.com/rss2", NS_CORE },
	{ "http://backend.userland.com/rss", NS_CORE },
	{ "http://blogs.law.harvard.edu/tech/rss", NS_CORE },
	{ "http://www.w3.org/2005/Atom", NS_ATOM },
	{ "http://purl.org/atom/ns#", NS_ATOM },
	{ "http://purl.org/dc/elements/1.1/", NS_DC },
	{ "http://purl.org/dc/terms/", NS_DCTERMS },
	{ "http://purl.org/rss/1.0/modules/content/", NS_CONTENT },
	{ "http://www.w3.org/1999/xhtml", NS_XHTML },
	{ "http://search.yahoo.com/mrss/", NS_MEDIA },
	{ "http://search.yahoo.com/mrss", NS_MEDIA },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF },
};

struct level {
	char		 name[NAME_MAX_LEN];
	enum ns		 ns;
	const char	*base;
};

/* A captured element: its text, its children as markup, whether it had any. */
struct capture {
	struct sb	 text;
	struct sb	 markup;
	int		 children;
};

struct xr {
	xmlTextReaderPtr	 r;
	struct arena		*a;
	char			*msg;
	size_t			 msglen;
	int			 xml_error;
	int			 xml_code;
	unsigned long		 xml_line;
	char			 xml_msg[200];
	int			 refused;	/* our limits said no */
	/*
	 * The current node's type and depth, as xr_next() read them: the
	 * reader's own calls cost more than a field (the type of a text
	 * node is found by scanning it for blanks), and each node is
	 * looked at several times.
	 */
	int			 type;
	int			 depth;
	/*
	 * capture()'s buffers, kept from one element to the next instead of
	 * allocated for each; what is read is copied out to the arena.
	 */
	struct capture		 cap;
	int			 text_only;	/* see struct feed_source */
	enum feed_err		 refusal;
	const char		*doc_base;
	int			 atom_root;	/* <feed> in an unknown namespace */
	char			 atom_ns[256];
	struct level		 stack[FEED_MAX_DEPTH];
};

static void
say(struct xr *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
say(struct xr *x, const char *fmt, ...)
{
	va_list	 ap;

	if (x->msglen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(x->msg, x->msglen, fmt, ap);
	va_end(ap);
}

static void
on_error(void *ctx, xmlErrorPtr err)
{
	struct xr	*x = ctx;
	size_t		 n;

	if (err == NULL || x->xml_error || err->level < XML_ERR_ERROR)
		return;
	/* Undeclared entities are recovered (HTML names are mapped). */
	if (err->code == XML_ERR_UNDECLARED_ENTITY ||
	    err->code == XML_WAR_UNDECLARED_ENTITY)
		return;
	x->xml_error = 1;
	x->xml_code = err->code;
	x->xml_line = err->line > 0 ? (unsigned long)err->line : 0;
	snprintf(x->xml_msg, sizeof(x->xml_msg), "%s",
	    err->message ? err->message : "not well-formed XML");
	n = strlen(x->xml_msg);
	while (n > 0 && isspace((unsigned char)x->xml_msg[n - 1]))
		x->xml_msg[--n] = '\0';
}

/* Refuse every external load, whatever asks for it. */
static xmlParserInputPtr
no_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static xmlDocPtr xr_doc(struct xr *);

struct entity_scan {
	int	external;
	int	nested;
};

static void
scan_entity(void *payload, void *data, const xmlChar *name)
{
	xmlEntityPtr		 e = payload;
	struct entity_scan	*s = data;

	(void)name;
	if (e->etype != XML_INTERNAL_GENERAL_ENTITY &&
	    e->etype != XML_INTERNAL_PREDEFINED_ENTITY)
		s->external = 1;
	else if (e->content != NULL &&
	    (strchr((const char *)e->content, '&') != NULL ||
	    strchr((const char *)e->content, '%') != NULL ||
	    strchr((const char *)e->content, '<') != NULL))
		s->nested = 1;
}

/* The DTD's entities: external or nested ones refuse the document. */
static int
check_dtd(struct xr *x)
{
	xmlDocPtr		 doc = xr_doc(x);
	struct entity_scan	 s = { 0, 0 };
	xmlDtdPtr		 dtd;

	if (doc == NULL || (dtd = doc->intSubset) == NULL)
		return 0;
	if (dtd->entities != NULL)
		xmlHashScan(dtd->entities, scan_entity, &s);
	if (dtd->pentities != NULL && xmlHashSize(dtd->pentities) > 0)
		s.nested = 1;
	if (s.external) {
		say(x, "the document declares an external entity; "
		    "such documents are refused");
		return -1;
	}
	if (s.nested) {
		say(x, "the document declares entities built from other "
		    "entities or markup (entity expansion); refused");
		return -1;
	}
	return 0;
}

/*
 * The document, through the current node: xmlTextReaderCurrentDoc()
 * would make the reader keep every node (and leak the document).
 */
static xmlDocPtr
xr_doc(struct xr *x)
{
	xmlNodePtr	 node = xmlTextReaderCurrentNode(x->r);

	return node != NULL ? node->doc : NULL;
}

static unsigned long
xr_line(struct xr *x)
{
	long	 l = xmlTextReaderGetParserLineNumber(x->r);

	return l > 0 ? (unsigned long)l : 0;
}

static enum ns
ns_of(const char *uri)
{
	size_t	 i;

	if (uri == NULL || *uri == '\0')
		return NS_CORE;
	for (i = 0; i < sizeof(namespaces) / sizeof(namespaces[0]); i++)
		if (strcmp(uri, namespaces[i].uri) == 0)
			return namespaces[i].ns;
	return NS_OTHER;
}

/*
 * The next node: 1, 0 at the end, -1 on a reader error (recoverable by
 * the caller), -2 when our own limits refuse the document (said).
 */
static int
xr_next(struct xr *x)
{
	xmlNodePtr	 cur;
	int		 rc, depth, type;

	if (x->refused)
		return -2;
	rc = xmlTextReaderRead(x->r);
	if (rc != 1)
		return rc == 0 ? 0 : -1;
	/*
	 * The reader tells a text node from white space by scanning it;
	 * capture() reads both alike, so a text node is TEXT here.
	 */
	cur = xmlTextReaderCurrentNode(x->r);
	type = x->type = cur != NULL && cur->type == XML_TEXT_NODE ?
	    XML_READER_TYPE_TEXT : xmlTextReaderNodeType(x->r);
	depth = x->depth = xmlTextReaderDepth(x->r);
	if (type == XML_READER_TYPE_DOCUMENT_TYPE && check_dtd(x) == -1) {
		x->refused = 1;
		x->refusal = FEED_ENTITIES;
		return -2;
	}
	if (depth < 0 || depth >= FEED_MAX_DEPTH) {
		say(x, "line %lu: elements nested deeper than %d are refused",
		    xr_line(x), FEED_MAX_DEPTH);
		x->refused = 1;
		x->refusal = FEED_TOO_LARGE;
		return -2;
	}
	if (type == XML_READER_TYPE_ELEMENT) {
		struct level	*l = &x->stack[depth];
		const char	*name = (const char *)xmlTextReaderConstLocalName(x->r);
		xmlChar		*xb;
		size_t		 n;

		n = name ? strnlen(name, NAME_MAX_LEN - 1) : 0;
		memcpy(l->name, name ? name : "", n);	/* per element: no printf */
		l->name[n] = '\0';
		l->ns = ns_of((const char *)xmlTextReaderConstNamespaceUri(x->r));
		if (depth == 0 && strcmp(l->name, "feed") == 0 &&
		    l->ns != NS_ATOM) {
			const char	*u = (const char *)
			    xmlTextReaderConstNamespaceUri(x->r);

			/* A bare or unknown-namespace <feed> is Atom. */
			x->atom_root = 1;
			snprintf(x->atom_ns, sizeof(x->atom_ns), "%s", u ? u : "");
		}
		if (x->atom_root) {
			const char	*u = (const char *)
			    xmlTextReaderConstNamespaceUri(x->r);

			if (strcmp(u ? u : "", x->atom_ns) == 0)
				l->ns = NS_ATOM;
		}
		l->base = depth > 0 ? x->stack[depth - 1].base : x->doc_base;
		/* Most elements have no attributes: no look-up for them. */
		xb = xmlTextReaderHasAttributes(x->r) != 1 ? NULL :
		    xmlTextReaderGetAttributeNs(x->r, (const xmlChar *)"base",
		    XML_XML_NAMESPACE);
		if (xb != NULL) {
			xmlChar	*abs = l->base ? build_uri((const char *)xb,
			    l->base) : NULL;

			l->base = arena_strdup(x->a, abs ? (char *)abs : (char *)xb);
			xmlFree(abs);
			xmlFree(xb);
		}
	}
	return 1;
}

/* A reference the reader left unexpanded: a declared internal entity or an HTML name. */
static void
add_reference(struct xr *x, struct sb *text)
{
	const char	*name = (const char *)xmlTextReaderConstName(x->r);
	xmlDocPtr	 doc = xr_doc(x);
	xmlEntityPtr	 e;
	unsigned long	 cp;

	if (name == NULL)
		return;
	e = doc ? xmlGetDocEntity(doc, (const xmlChar *)name) : NULL;
	if (e != NULL && e->etype == XML_INTERNAL_GENERAL_ENTITY &&
	    e->content != NULL) {
		sb_addtext(text, (const char *)e->content);
		return;
	}
	if ((cp = entity_cp(name)) != 0)
		sb_addcp(text, cp);
}

static void
capture_free(struct capture *c)
{
	sb_free(&c->text);
	sb_free(&c->markup);
}

/* Empty, keeping the memory. */
static void
sb_reset(struct sb *b)
{
	b->len = 0;
	b->nomem = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

/* Read the current element's content up to its end tag. */
static int
capture(struct xr *x, struct capture *c)
{
	int	 depth0 = x->depth, rc, type;

	sb_reset(&c->text);
	sb_reset(&c->markup);
	c->children = 0;
	if (xmlTextReaderIsEmptyElement(x->r))
		return 1;
	while ((rc = xr_next(x)) == 1) {
		type = x->type;
		switch (type) {
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
			const char	*v = (const char *)xmlTextReaderConstValue(x->r);
			size_t		 before = c->text.len;

			sb_addtext(&c->text, v ? v : "");
			if (c->children && c->text.s != NULL)
				sb_addesc(&c->markup, c->text.s + before, 0);
			break;
		}
		case XML_READER_TYPE_ENTITY_REFERENCE: {
			size_t	 before = c->text.len;

			add_reference(x, &c->text);
			if (c->children && c->text.s != NULL)
				sb_addesc(&c->markup, c->text.s + before, 0);
			break;
		}
		case XML_READER_TYPE_ELEMENT: {
			const char	*name = (const char *)xmlTextReaderConstLocalName(x->r);
			int		 empty = xmlTextReaderIsEmptyElement(x->r);

			/* Markup is the escaped text until a child appears. */
			if (!c->children && c->text.s != NULL)
				sb_addesc(&c->markup, c->text.s, 0);
			c->children = 1;
			sb_add(&c->markup, "<");
			sb_add(&c->markup, name ? name : "span");
			while (xmlTextReaderMoveToNextAttribute(x->r) == 1) {
				const char	*an = (const char *)xmlTextReaderConstName(x->r);
				const char	*av = (const char *)xmlTextReaderConstValue(x->r);

				if (an == NULL || strncmp(an, "xmlns", 5) == 0 ||
				    strncmp(an, "xml:", 4) == 0)
					continue;
				sb_add(&c->markup, " ");
				sb_add(&c->markup, an);
				sb_add(&c->markup, "=\"");
				sb_addesc(&c->markup, av ? av : "", 1);
				sb_add(&c->markup, "\"");
			}
			xmlTextReaderMoveToElement(x->r);
			sb_add(&c->markup, empty ? " />" : ">");
			break;
		}
		case XML_READER_TYPE_END_ELEMENT:
			if (x->depth <= depth0)
				return c->text.nomem || c->markup.nomem ? -3 : 1;
			sb_add(&c->markup, "</");
			sb_add(&c->markup, (const char *)xmlTextReaderConstLocalName(x->r));
			sb_add(&c->markup, ">");
			break;
		default:
			break;
		}
	}
	return rc;	/* the document ended inside the element */
}

enum construct {
	C_TEXT,		/* RSS title: text unless it looks like HTML */
	C_HTML,		/* RSS description, content:encoded: HTML */
	C_ATOM,		/* Atom text construct: type and mode say */
	C_MEDIA		/* media:description: HTML unless type says plain */
};

/* Does plain text look like escaped HTML (a closing tag or a reference)? */
static int
looks_like_html(const char *s)
{
	const char	*p;
	unsigned long	 cp;

	for (p = s; (p = strchr(p, '<')) != NULL; p++)
		if (p[1] == '/' && isalpha((unsigned char)p[2]))
			return 1;
		else if (isalpha((unsigned char)p[1]) && strchr(p, '>') != NULL) {
			char	 name[16];
			size_t	 n = 0;

			while (isalnum((unsigned char)p[1 + n]) && n + 1 < sizeof(name)) {
				name[n] = (char)tolower((unsigned char)p[1 + n]);
				n++;
			}
			name[n] = '\0';
			if (in_list(void_elements, name) ||
			    in_list(allowed_elements, name))
				return 1;
		}
	for (p = s; (p = strchr(p, '&')) != NULL; p++)
		if (ref_at(p, &cp) > 0)
			return 1;
	return 0;
}

/* The current element's attribute, lower case, in buf ("" if absent). */
static void
attribute_lower(struct xr *x, const char *name, char *buf, size_t size)
{
	xmlChar	*v = xmlTextReaderHasAttributes(x->r) != 1 ? NULL :
	    xmlTextReaderGetAttribute(x->r, (const xmlChar *)name);
	size_t	 i;

	/* Cut to size like snprintf(), without its cost on every construct. */
	for (i = 0; v != NULL && v[i] != '\0' && i + 1 < size; i++)
		buf[i] = (char)tolower(v[i]);
	buf[i] = '\0';
	xmlFree(v);
}

/* Is the current element in the Atom 1.0 namespace (not Atom 0.3)? */
static int
element_atom10(struct xr *x)
{
	const char	*u = (const char *)xmlTextReaderConstNamespaceUri(x->r);

	return u != NULL && strcmp(u, "http://www.w3.org/2005/Atom") == 0;
}

/*
 * Does the document say it is UTF-8?  One that declares no encoding is
 * (a UTF-16 one with a byte order mark and no declaration looks the same
 * here; the repair it enables only ever applies to mojibake).
 */
static int
document_utf8(struct xr *x)
{
	const char	*e = (const char *)xmlTextReaderConstEncoding(x->r);

	return e == NULL || strcasecmp(e, "utf-8") == 0 ||
	    strcasecmp(e, "utf8") == 0;
}

/*
 * Atom 1.0 xhtml is wrapped in one <div> (RFC 4287, 3.1.1.3): the value
 * is what is inside it.  markup (from capture(), so '<' only starts a
 * tag) is returned as it is unless one <div> wraps all of it; the
 * Universal Feed Parser keeps "<div>a</div><div>b</div>" too.  NULL: no
 * memory.
 */
static const char *
unwrap_xhtml_div(struct arena *a, const char *markup)
{
	const char	*s = markup, *e, *in, *p;
	int		 depth = 1;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	if (strncmp(s, "<div", 4) != 0 || (s[4] != '>' && s[4] != ' ') ||
	    (in = strchr(s, '>')) == NULL || in[-1] == '/' ||
	    e - in < 7 || strncmp(e - 6, "</div>", 6) != 0)
		return markup;
	in++;
	for (p = in; (p = strchr(p, '<')) != NULL && p < e - 6; p++) {
		const char	*gt = strchr(p, '>');

		if (gt == NULL)
			return markup;
		if (p[1] == '/' && --depth == 0)
			return markup;	/* the first <div> closed early */
		if (p[1] != '/' && gt[-1] != '/')
			depth++;
	}
	return arena_strndup(a, in, (size_t)(e - 6 - in));
}

/*
 * An Atom text construct (captured in c) by its type and mode: *raw is
 * set to its value; 1 when that is HTML, 0 when plain text, -1 when out
 * of memory.  atom10: Atom 1.0, whose xhtml has a wrapping <div>.
 */
static int
atom_construct(struct arena *a, struct capture *c, const char *type,
    const char *mode, int atom10, const char **raw)
{
	int	 is_text = *type == '\0' || strcmp(type, "text") == 0 ||
	    strcmp(type, "text/plain") == 0;
	int	 is_html = strcmp(type, "html") == 0 ||
	    strcmp(type, "text/html") == 0;
	int	 is_xhtml = strcmp(type, "xhtml") == 0 ||
	    strcmp(type, "application/xhtml+xml") == 0;
	char	*decoded;

	if (strcmp(mode, "base64") == 0 || (!is_text && !is_html &&
	    !is_xhtml && strncmp(type, "text/", 5) != 0 &&
	    strstr(type, "xml") == NULL)) {
		/* Bytes that are not text (an image) stay as they came. */
		if ((decoded = base64_decode(a, *raw)) != NULL &&
		    utf8_valid(decoded, strlen(decoded)))
			*raw = decoded;
		return is_html || is_xhtml || looks_like_html(*raw);
	}
	if (c->children) {
		*raw = c->markup.s;
		if (is_xhtml && atom10 &&
		    (*raw = unwrap_xhtml_div(a, c->markup.s)) == NULL)
			return -1;
		return 1;
	}
	return is_html || is_xhtml || strcmp(mode, "escaped") == 0;
}

/* Does a type attribute say HTML?  None does: a description's default. */
static int
html_type(const char *type)
{
	return *type == '\0' || strcmp(type, "html") == 0 ||
	    strcmp(type, "text/html") == 0 || strcmp(type, "xhtml") == 0 ||
	    strcmp(type, "application/xhtml+xml") == 0;
}

/* The code point at *p, which moves past it; -1 (one byte on) if not UTF-8. */
static long
utf8_next(const unsigned char **p)
{
	const unsigned char	*s = *p;
	unsigned long		 cp;
	int			 n, i;

	*p = s + 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 1, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 2, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 3, cp = s[0] & 0x07;
	else
		return -1;
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*p = s + n + 1;
	return (long)cp;
}

/* A code point's byte in Windows-1252 (Latin-1 above 0x9F); -1 if none. */
static int
cp1252_byte(long cp)
{
	int	 i;

	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	for (i = 0; i < 32; i++)
		if (cp1252[i] == cp)
			return 0x80 + i;
	return -1;
}

/*
 * Read UTF-8 text p as the Windows-1252 bytes of its characters: 1 when
 * every character has such a byte and the bytes are UTF-8 in shape (lead
 * and continuation bytes in order), else 0.  The bytes are added to b
 * when it is not NULL.
 */
static int
cp1252_walk(const unsigned char *p, struct sb *b)
{
	const unsigned char	*run;
	long			 cp;
	int			 byte, need = 0;

	while (*p) {
		if (*p < 0x80 && need == 0) {
			for (run = p; *p && *p < 0x80; p++)
				;
			if (b != NULL)
				sb_addn(b, (const char *)run, (size_t)(p - run));
			continue;
		}
		if ((cp = utf8_next(&p)) < 0 || (byte = cp1252_byte(cp)) < 0)
			return 0;
		/* Stop at the first byte that cannot be UTF-8 here: the
		 * usual accented text ("é" then a letter) ends at once. */
		if (byte >= 0xC2 && byte <= 0xF4 && need == 0)
			need = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1;
		else if (byte >= 0x80 && byte <= 0xBF && need > 0)
			need--;
		else
			return 0;
		if (b != NULL)
			sb_addc(b, (char)byte);
	}
	return need == 0;
}

/*
 * UTF-8 that was read as Windows-1252 or Latin-1 and encoded again
 * ("â€¦" for "…") is decoded once more, as the Universal Feed Parser does
 * in UTF-8 documents: only when every character of s has a byte in
 * Windows-1252 and those bytes are UTF-8 with a non-ASCII character.
 * Otherwise s itself.  NULL: no memory.
 */
static const char *
undo_double_utf8(struct arena *a, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	struct sb		 bytes = { 0 }, out = { 0 };
	const char		*result = s;

	while (*p && *p < 0x80)
		p++;
	if (*p == '\0')
		return s;	/* ASCII: nothing to repair */
	/* Judge first, copy only what will be repaired (rare). */
	if (!cp1252_walk(p, NULL))
		return s;
	sb_addn(&bytes, s, (size_t)(p - (const unsigned char *)s));
	cp1252_walk(p, &bytes);
	if (bytes.nomem) {
		result = NULL;
		goto done;
	}
	for (p = (const unsigned char *)bytes.s; *p; )
		if (utf8_next(&p) < 0)
			goto done;
	sb_addtext(&out, bytes.s);	/* C1 controls: Windows-1252 */
	result = out.nomem ? NULL : arena_strdup(a, out.s);
done:
	sb_free(&bytes);
	sb_free(&out);
	return result;
}

/*
 * Read a text construct at the current element into *value and *text.
 * Returns 1, or what capture() returned for a document that ended (-3:
 * no memory).
 */
static int
read_construct(struct xr *x, enum construct kind, const char **value,
    const char **text)
{
	struct capture	*c = &x->cap;
	const char	*base = x->stack[xmlTextReaderDepth(x->r)].base;
	const char	*raw;
	char		 type[64], mode[32];
	int		 html, rc, atom10 = element_atom10(x);

	attribute_lower(x, "type", type, sizeof(type));
	attribute_lower(x, "mode", mode, sizeof(mode));
	rc = capture(x, c);
	if (rc == -3 || c->text.nomem || c->markup.nomem)
		return -3;
	raw = c->text.s ? c->text.s : "";
	if (kind == C_ATOM)
		html = atom_construct(x->a, c, type, mode, atom10, &raw);
	else if (c->children) {
		raw = c->markup.s;
		html = 1;
	} else if (kind == C_HTML || (kind == C_MEDIA && html_type(type)))
		html = 1;
	else
		html = looks_like_html(raw);
	if (html != -1 && document_utf8(x))
		raw = undo_double_utf8(x->a, raw);
	*value = *text = NULL;
	if (html == 1 && raw != NULL && x->text_only) {
		/* The text of the HTML, without first writing it clean. */
		*value = *text = feed_html_text(x->a, raw);
	} else if (html == 1 && raw != NULL) {
		char	*clean = feed_html_sanitise(x->a, raw, base);

		*value = clean ? trim(x->a, clean) : NULL;
		*text = clean ? feed_html_text(x->a, clean) : NULL;
	} else if (html == 0 && raw != NULL) {
		*text = collapse(x->a, raw);
		*value = x->text_only ? *text : trim(x->a, raw);
	}
	if (*value == NULL || *text == NULL)
		return -3;
	return rc;
}

/* The current element's plain text, trimmed (for ids, links, dates). */
static int
read_plain(struct xr *x, const char **out)
{
	struct capture	*c = &x->cap;
	int		 rc = capture(x, c);

	*out = c->text.nomem ? NULL : trim(x->a, c->text.s ? c->text.s : "");
	return *out == NULL ? -3 : rc;
}

/* A link resolved against the element's xml:base. */
static const char *
resolve(struct xr *x, const char *link, int depth)
{
	const char	*base = x->stack[depth].base;
	xmlChar		*abs;
	const char	*out;

	if (link == NULL || *link == '\0')
		return NULL;
	if (base == NULL)
		return link;
	abs = build_uri(link, base);
	out = abs ? arena_strdup(x->a, (char *)abs) : link;
	xmlFree(abs);
	return out;
}

/* An Atom <link>: its href when rel is alternate (or absent); else NULL. */
static const char *
atom_link(struct xr *x)
{
	xmlChar		*rel = xmlTextReaderGetAttribute(x->r, (const xmlChar *)"rel");
	xmlChar		*href = xmlTextReaderGetAttribute(x->r, (const xmlChar *)"href");
	const char	*out = NULL;

	if (href != NULL && (rel == NULL ||
	    strcmp((char *)rel, "alternate") == 0 ||
	    strcmp((char *)rel, "http://www.iana.org/assignments/relation/alternate") == 0)) {
		char	*h = trim(x->a, (char *)href);

		out = h ? resolve(x, h, xmlTextReaderDepth(x->r)) : NULL;
	}
	xmlFree(rel);
	xmlFree(href);
	return out;
}

static const char *
date_of(struct arena *a, const char *s)
{
	char	 buf[FEED_DATE_LEN + 1];

	if (s == NULL || feed_date_parse(s, buf) == -1)
		return NULL;
	return arena_strdup(a, buf);
}

/* What an entry collects before it is finished. */
struct pending {
	struct feed_entry	 e;
	int			 depth;
	const char		*dc_title, *dc_title_text;
	const char		*media_title, *media_title_text;
	const char		*content, *content_text;
	const char		*dc_summary, *dc_summary_text;
	const char		*media_summary, *media_summary_text;
	const char		*guid;
	int			 guid_permalink;
	const char		*dc_author;
	int			 author_depth;
	const char		*author_name, *author_email;
	const char		*link_rss;
};

/* The entry's fields, from the best of the elements it had. */
static void
entry_finish(struct pending *p)
{
	struct feed_entry	*e = &p->e;

	if (e->title == NULL && p->dc_title != NULL) {
		e->title = p->dc_title;
		e->title_text = p->dc_title_text;
	}
	if (e->title == NULL && p->media_title != NULL) {
		e->title = p->media_title;
		e->title_text = p->media_title_text;
	}
	if (e->summary == NULL && p->dc_summary != NULL) {
		e->summary = p->dc_summary;
		e->summary_text = p->dc_summary_text;
	}
	if (e->summary == NULL && p->media_summary != NULL) {
		e->summary = p->media_summary;
		e->summary_text = p->media_summary_text;
	}
	if (e->summary == NULL && p->content != NULL) {
		e->summary = p->content;
		e->summary_text = p->content_text;
	}
	if (e->link == NULL && p->link_rss != NULL)
		e->link = p->link_rss;
	if (p->guid != NULL && *p->guid != '\0') {
		e->id = p->guid;
		if (e->link == NULL && p->guid_permalink)
			e->link = p->guid;
	}
	if (e->author == NULL && p->dc_author != NULL)
		e->author = p->dc_author;
}

static int
is_name(const struct level *l, enum ns ns, const char *name)
{
	return l->ns == ns && strcmp(l->name, name) == 0;
}

/* Empty strings become NULL (missing). */
static const char *
nonempty(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

/*
 * media:title and media:description, the entry's own or inside its
 * media:group (which only groups them): fallbacks for the title and the
 * summary.  The last title wins, the first description, as in the
 * Universal Feed Parser.
 */
static int
media_element(struct xr *x, struct pending *p, const struct level *l)
{
	if (is_name(l, NS_MEDIA, "title"))
		return read_construct(x, C_TEXT, &p->media_title,
		    &p->media_title_text);
	if (is_name(l, NS_MEDIA, "description") && p->media_summary == NULL)
		return read_construct(x, C_MEDIA, &p->media_summary,
		    &p->media_summary_text);
	return 1;
}

/* One element inside an entry (a direct child, or an author's child). */
static int
entry_element(struct xr *x, struct pending *p, int depth)
{
	struct level	*l = &x->stack[depth];
	const char	*v, *t;
	int		 rc = 1;

	if (p->author_depth > 0 && depth == p->author_depth + 1) {
		if (l->ns == NS_ATOM && strcmp(l->name, "name") == 0)
			rc = read_plain(x, &p->author_name);
		else if (l->ns == NS_ATOM && strcmp(l->name, "email") == 0)
			rc = read_plain(x, &p->author_email);
		return rc;
	}
	if (depth == p->depth + 2 &&
	    is_name(&x->stack[depth - 1], NS_MEDIA, "group"))
		return media_element(x, p, l);
	if (depth != p->depth + 1)
		return 1;
	if (l->ns == NS_MEDIA)
		return media_element(x, p, l);
	if (is_name(l, NS_CORE, "title") || is_name(l, NS_ATOM, "title")) {
		rc = read_construct(x, l->ns == NS_ATOM ? C_ATOM : C_TEXT, &v, &t);
		if (rc >= 0 && p->e.title == NULL) {
			p->e.title = v;
			p->e.title_text = t;
		}
	} else if (is_name(l, NS_DC, "title")) {
		rc = read_construct(x, C_TEXT, &p->dc_title, &p->dc_title_text);
	} else if (is_name(l, NS_CORE, "link")) {
		rc = read_plain(x, &v);
		if (rc >= 0 && p->link_rss == NULL)
			p->link_rss = resolve(x, nonempty(v), depth);
	} else if (is_name(l, NS_ATOM, "link")) {
		xmlChar	*href = xmlTextReaderGetAttribute(x->r,
		    (const xmlChar *)"href");
		xmlChar	*rel = xmlTextReaderGetAttribute(x->r,
		    (const xmlChar *)"rel");
		int	 alt = rel == NULL || strcmp((char *)rel, "alternate") == 0;

		xmlFree(rel);
		if (href == NULL && alt) {
			/* Old Atom drafts put the URL in the content. */
			rc = read_plain(x, &v);
			if (rc >= 0 && p->e.link == NULL)
				p->e.link = resolve(x, nonempty(v), depth);
		} else if ((v = atom_link(x)) != NULL && p->e.link == NULL)
			p->e.link = v;
		xmlFree(href);
	} else if (is_name(l, NS_CORE, "guid")) {
		xmlChar	*pl = xmlTextReaderGetAttribute(x->r,
		    (const xmlChar *)"isPermaLink");

		p->guid_permalink = pl == NULL ||
		    strcasecmp((char *)pl, "false") != 0;
		xmlFree(pl);
		rc = read_plain(x, &v);
		if (rc >= 0 && nonempty(v))
			p->guid = v;
	} else if (is_name(l, NS_ATOM, "id")) {
		rc = read_plain(x, &v);
		if (rc >= 0 && nonempty(v))
			p->e.id = v;
	} else if (is_name(l, NS_CORE, "pubDate") ||
	    is_name(l, NS_DCTERMS, "issued") || is_name(l, NS_ATOM, "issued") ||
	    is_name(l, NS_ATOM, "published")) {
		rc = read_plain(x, &v);
		if (rc >= 0 && (t = date_of(x->a, v)) != NULL)
			p->e.published = t;
	} else if (is_name(l, NS_DC, "date") ||
	    is_name(l, NS_DCTERMS, "modified") ||
	    is_name(l, NS_ATOM, "modified") || is_name(l, NS_ATOM, "updated")) {
		rc = read_plain(x, &v);
		if (rc >= 0 && (t = date_of(x->a, v)) != NULL)
			p->e.updated = t;
	} else if (is_name(l, NS_CORE, "description") ||
	    is_name(l, NS_ATOM, "summary") || is_name(l, NS_CORE, "summary")) {
		rc = read_construct(x, l->ns == NS_ATOM ? C_ATOM : C_HTML, &v, &t);
		if (rc >= 0 && p->e.summary == NULL) {
			p->e.summary = v;
			p->e.summary_text = t;
		}
	} else if (is_name(l, NS_DC, "description")) {
		rc = read_construct(x, C_HTML, &p->dc_summary, &p->dc_summary_text);
	} else if (is_name(l, NS_CONTENT, "encoded") ||
	    is_name(l, NS_XHTML, "body") || is_name(l, NS_CORE, "body") ||
	    is_name(l, NS_CORE, "fullitem") ||
	    is_name(l, NS_ATOM, "content")) {
		rc = read_construct(x, l->ns == NS_ATOM ? C_ATOM : C_HTML, &v, &t);
		if (rc >= 0 && p->content == NULL) {
			p->content = v;
			p->content_text = t;
		}
	} else if (is_name(l, NS_CORE, "author")) {
		rc = read_plain(x, &v);
		if (rc >= 0 && nonempty(v))
			p->e.author = v;
	} else if (is_name(l, NS_DC, "creator") || is_name(l, NS_DC, "author")) {
		rc = read_plain(x, &v);
		if (rc >= 0 && nonempty(v) && p->dc_author == NULL)
			p->dc_author = v;
	} else if (is_name(l, NS_ATOM, "author")) {
		if (!xmlTextReaderIsEmptyElement(x->r))
			p->author_depth = depth;
	}
	return rc;
}

/* An Atom author ends: "Name (email)", or whichever there is. */
static void
author_end(struct xr *x, struct pending *p)
{
	const char	*n = nonempty(p->author_name), *e = nonempty(p->author_email);

	p->author_depth = 0;
	if (p->e.author != NULL)
		return;
	if (n && e)
		p->e.author = arena_printf(x->a, "%s (%s)", n, e);
	else
		p->e.author = n ? n : e;
}

/* A channel or feed level element. */
static int
feed_element(struct xr *x, struct feed *f, int depth, const char **dc_title,
    const char **dc_title_text)
{
	struct level	*l = &x->stack[depth];
	const char	*v, *t;
	int		 rc = 1;

	if (is_name(l, NS_CORE, "title") || is_name(l, NS_ATOM, "title")) {
		rc = read_construct(x, l->ns == NS_ATOM ? C_ATOM : C_TEXT, &v, &t);
		if (rc >= 0 && f->title == NULL) {
			f->title = v;
			f->title_text = t;
		}
	} else if (is_name(l, NS_DC, "title")) {
		rc = read_construct(x, C_TEXT, dc_title, dc_title_text);
	} else if (is_name(l, NS_CORE, "link")) {
		rc = read_plain(x, &v);
		if (rc >= 0 && f->link == NULL)
			f->link = resolve(x, nonempty(v), depth);
	} else if (is_name(l, NS_ATOM, "link")) {
		if ((v = atom_link(x)) != NULL && f->link == NULL)
			f->link = v;
	}
	return rc;
}

/* --- before libxml2 sees the bytes -------------------------------------- */

/* UTF-16/32 (or anything with NULs up front): leave the bytes alone. */
static int
ascii_compatible(const unsigned char *d, size_t len)
{
	if (len >= 2 && ((d[0] == 0xFE && d[1] == 0xFF) ||
	    (d[0] == 0xFF && d[1] == 0xFE)))
		return 0;
	if (len >= 2 && (d[0] == 0 || d[1] == 0))
		return 0;
	return 1;
}

#define READ_CHUNK	65536
#define REF_LOOKAHEAD	(NAME_MAX_LEN + 1)	/* "&name;" decided within */
#define HEAD_LEN	1024

/*
 * The bytes on their way to libxml2, in chunks, repaired as they pass
 * (see repair_step()).  A construct cut by a chunk's end is carried over
 * to the next chunk, so the result is the same whatever the chunking.
 */
struct src {
	const struct feed_source *from;
	size_t		 total;		/* raw bytes read */
	size_t		 max_bytes;
	int		 eof, failed, too_large, started, ascii;
	enum { IN_TEXT, IN_CDATA, IN_COMMENT } state;
	char		*raw;		/* carried bytes, then the new chunk */
	size_t		 nraw;
	struct sb	 out;		/* repaired, not yet handed over */
	size_t		 outpos;
	char		 head[HEAD_LEN];	/* the document's start */
	size_t		 nhead;
};

/* An HTML entity name or bare "&" at d (n bytes of lookahead), repaired. */
static size_t
repair_amp(struct sb *b, const char *d, size_t n)
{
	char		 tmp[REF_LOOKAHEAD + 1], ref[16];
	unsigned long	 cp;
	size_t		 k = 1;

	if (n > REF_LOOKAHEAD)
		n = REF_LOOKAHEAD;
	/* XML's own references, most of any feed's: no copy, no lookup. */
	if ((n >= 4 && (memcmp(d + 1, "lt;", 3) == 0 ||
	    memcmp(d + 1, "gt;", 3) == 0)) ||
	    (n >= 5 && memcmp(d + 1, "amp;", 4) == 0))
		return 0;
	memcpy(tmp, d, n);
	tmp[n] = '\0';
	if (tmp[1] == '#') {
		if (ref_at(tmp, &cp) > 0)
			return 0;
	} else {
		while (k < n && (isalnum((unsigned char)tmp[k]) ||
		    tmp[k] == '_' || tmp[k] == '-' || tmp[k] == '.' ||
		    tmp[k] == ':'))
			k++;
		if (k > 1 && k < n && tmp[k] == ';') {
			tmp[k] = '\0';
			if (strcmp(tmp + 1, "amp") == 0 ||
			    strcmp(tmp + 1, "lt") == 0 ||
			    strcmp(tmp + 1, "gt") == 0 ||
			    strcmp(tmp + 1, "quot") == 0 ||
			    strcmp(tmp + 1, "apos") == 0 ||
			    (cp = entity_cp(tmp + 1)) == 0)
				return 0;	/* XML's own, or maybe declared */
			snprintf(ref, sizeof(ref), "&#%lu;", cp);
			sb_add(b, ref);
			return k + 1;
		}
	}
	sb_add(b, "&amp;");	/* a bare ampersand */
	return 1;
}

/* The first 3-byte marker m ("]]>", "-->") in the n bytes at d, or NULL. */
static const char *
find_marker(const char *d, size_t n, const char *m)
{
	const char	*p = d, *end = d + n;

	while (end - p >= 3 &&
	    (p = memchr(p, m[0], (size_t)(end - p) - 2)) != NULL) {
		if (p[1] == m[1] && p[2] == m[2])
			return p;
		p++;
	}
	return NULL;
}

/*
 * Repair what real feeds get wrong and XML does not allow, in an ASCII
 * compatible document: a bare "&" becomes "&amp;", an HTML entity name
 * ("&eacute;") its character reference.  CDATA sections and comments are
 * left alone.  Appends len bytes at d, repaired, to s->out, except a
 * construct the chunk's end leaves undecided (unless eof): returns the
 * bytes used, the rest to be carried over.  d[len] must be a NUL.
 */
static size_t
repair_step(struct src *s, const char *d, size_t len, int eof)
{
	size_t		 i = 0, from = 0, used;
	const char	*hit;

	while (i < len) {
		if (s->state != IN_TEXT) {
			hit = find_marker(d + i, len - i,
			    s->state == IN_CDATA ? "]]>" : "-->");
			if (hit == NULL) {
				/* Keep what may begin the end marker. */
				if (eof)
					i = len;
				else if (len - i > 2)
					i = len - 2;
				if (!eof)
					break;
				continue;
			}
			i = (size_t)(hit - d) + 3;
			s->state = IN_TEXT;
			continue;
		}
		/* d[len] is a NUL (see src_fill()), which stops strcspn()
		 * too; a NUL inside the document is only a byte. */
		i += strcspn(d + i, "<&");
		if (i < len && d[i] == '\0') {
			i++;
			continue;
		}
		if (i >= len)
			break;
		if (d[i] == '<') {
			if (len - i < 9 && !eof)
				break;
			if (len - i >= 9 && memcmp(d + i, "<![CDATA[", 9) == 0) {
				s->state = IN_CDATA;
				i += 9;
			} else if (len - i >= 4 && memcmp(d + i, "<!--", 4) == 0) {
				s->state = IN_COMMENT;
				i += 4;
			} else
				i++;
			continue;
		}
		if (len - i < REF_LOOKAHEAD && !eof)
			break;
		sb_addn(&s->out, d + from, i - from);
		if ((used = repair_amp(&s->out, d + i, len - i)) == 0) {
			from = i;
			i++;
		} else
			from = i += used;
	}
	sb_addn(&s->out, d + from, i - from);
	return i;
}

/* Whitespace before the XML declaration is a common mistake: skip it. */
static void
src_start(struct src *s)
{
	size_t	 i = 0, n;

	if (s->nraw < 2 && !s->eof)
		return;		/* too little to judge yet */
	s->ascii = ascii_compatible((unsigned char *)s->raw, s->nraw);
	if (s->ascii) {
		while (i < s->nraw && isspace((unsigned char)s->raw[i]))
			i++;
		memmove(s->raw, s->raw + i, s->nraw - i);
		s->nraw -= i;
		if (s->nraw == 0 && !s->eof)
			return;	/* only blanks so far */
	}
	s->started = 1;
	n = s->nraw < HEAD_LEN ? s->nraw : HEAD_LEN;
	memcpy(s->head, s->raw, n);
	s->nhead = n;
}

/*
 * Read and repair until there is something to hand over: 1, or 0 at the
 * end, -1 when the source failed or the document is too large.
 */
static int
src_fill(struct src *s)
{
	long	 n;
	size_t	 used;

	while (s->outpos == s->out.len) {
		if (s->eof && s->nraw == 0)
			return 0;
		if (s->failed || s->too_large || s->out.nomem)
			return -1;
		s->out.len = s->outpos = 0;
		if (!s->eof) {
			n = s->from->read(s->from->arg, s->raw + s->nraw,
			    READ_CHUNK);
			if (n < 0) {
				s->failed = 1;
				return -1;
			}
			s->eof = n == 0;
			s->nraw += (size_t)n;
			if ((s->total += (size_t)n) > s->max_bytes) {
				s->too_large = 1;
				return -1;
			}
		}
		if (!s->started && (src_start(s), !s->started))
			continue;
		if (!s->ascii) {
			sb_addn(&s->out, s->raw, s->nraw);
			s->nraw = 0;
			continue;
		}
		s->raw[s->nraw] = '\0';	/* for repair_step()'s strcspn() */
		used = repair_step(s, s->raw, s->nraw, s->eof);
		memmove(s->raw, s->raw + used, s->nraw - used);
		s->nraw -= used;
	}
	return 1;
}

/* libxml2's xmlInputReadCallback. */
static int
src_read(void *ctx, char *buf, int len)
{
	struct src	*s = ctx;
	size_t		 n;
	int		 rc;

	if (len <= 0)
		return 0;
	if ((rc = src_fill(s)) <= 0)
		return rc;
	n = s->out.len - s->outpos;
	if (n > (size_t)len)
		n = (size_t)len;
	memcpy(buf, s->out.s + s->outpos, n);
	s->outpos += n;
	return (int)n;
}

static int
src_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* Does the start of the document say it is an HTML page? */
static int
looks_like_page(const char *d, size_t len)
{
	size_t	 i, n = len < HEAD_LEN ? len : HEAD_LEN;

	for (i = 0; i + 5 <= n; i++)
		if (d[i] == '<' && (strncasecmp(d + i, "<html", 5) == 0 ||
		    (i + 14 <= n && strncasecmp(d + i, "<!DOCTYPE html", 14) == 0)))
			return 1;
	return 0;
}

/* --- the parse ----------------------------------------------------------- */

static const char *const errors[FEED__MAX] = {
	"ok", "empty document", "document too large", "not well-formed XML",
	"not a feed", "entity declarations refused", "out of memory",
	"could not read the document", "stopped"
};

const char *
feed_strerror(enum feed_err e)
{
	return (unsigned)e < FEED__MAX ? errors[e] : "unknown error";
}

/* One walk over a document: where it is and what it hands on. */
struct doc_walk {
	struct xr	*x;
	struct src	*src;
	struct arena	*feed_arena;	/* the feed's own strings */
	struct arena	 entry_arena;	/* one entry's; freed after each */
	struct pending	 p;
	struct feed	*out;
	feed_entry_fn	 each;
	void		*arg;
	const char	*dc_title, *dc_title_text;
	int		 seen_root, channel_depth, in_entry, stopped;
};

/* Hand the finished entry on and free its memory. */
static int
entry_deliver(struct doc_walk *w)
{
	int	 rc;

	w->in_entry = 0;
	entry_finish(&w->p);
	rc = w->each(w->arg, &w->p.e);
	arena_reset(&w->entry_arena);
	w->x->a = w->feed_arena;
	if (rc != 0) {
		w->stopped = 1;
		return -1;
	}
	return 0;
}

/* An item or entry begins: its strings go to the entry's arena. */
static int
entry_begin(struct doc_walk *w, int depth)
{
	xmlChar	*about;

	memset(&w->p, 0, sizeof(w->p));
	w->p.depth = depth;
	w->x->a = &w->entry_arena;
	about = xmlTextReaderGetAttributeNs(w->x->r, (const xmlChar *)"about",
	    (const xmlChar *)"http://www.w3.org/1999/02/22-rdf-syntax-ns#");
	if (about != NULL && *about != '\0')
		w->p.e.id = arena_strdup(w->x->a, (char *)about);
	xmlFree(about);
	w->in_entry = 1;
	if (xmlTextReaderIsEmptyElement(w->x->r))
		return entry_deliver(w);
	return 0;
}

/* The root element: a feed, or a refusal (said). */
static enum feed_err
doc_root(struct doc_walk *w)
{
	struct level	*l = &w->x->stack[0];

	w->seen_root = 1;
	if (check_dtd(w->x) == -1)
		return FEED_ENTITIES;
	if (strcmp(l->name, "rss") == 0 || strcmp(l->name, "RDF") == 0)
		return FEED_OK;
	if (strcmp(l->name, "feed") == 0) {
		w->channel_depth = 0;
		return FEED_OK;
	}
	say(w->x, "the document is <%s>, expected "
	    "<rss>, <rdf:RDF> or <feed>", l->name);
	return FEED_NOT_A_FEED;
}

/*
 * One start tag: 1 to go on, <0 to stop reading (-3: no memory; -4: the
 * callback stopped; FEED_* refusals come back through *refusal).
 */
static int
doc_element(struct doc_walk *w, int depth, enum feed_err *refusal)
{
	struct xr	*x = w->x;
	int		 rc;

	if (!w->seen_root) {
		*refusal = doc_root(w);
		return *refusal == FEED_OK ? 1 : -2;
	}
	if (w->in_entry)
		return entry_element(x, &w->p, depth);
	if (is_name(&x->stack[depth], NS_CORE, "item") ||
	    is_name(&x->stack[depth], NS_ATOM, "entry"))
		return entry_begin(w, depth) == 0 ? 1 : -4;
	if (is_name(&x->stack[depth], NS_CORE, "channel") && depth == 1) {
		w->channel_depth = depth;
		return 1;
	}
	if (w->channel_depth >= 0 && depth == w->channel_depth + 1) {
		rc = feed_element(x, w->out, depth, &w->dc_title,
		    &w->dc_title_text);
		return rc;
	}
	return 1;
}

/* One end tag. */
static int
doc_end(struct doc_walk *w, int depth)
{
	if (w->in_entry && w->p.author_depth == depth)
		author_end(w->x, &w->p);
	if (w->in_entry && depth == w->p.depth && entry_deliver(w) == -1)
		return -4;
	if (depth == w->channel_depth && w->x->stack[depth].ns != NS_ATOM)
		w->channel_depth = -1;
	return 1;
}

/* The reader failed before it showed the root: say what the document is. */
static enum feed_err
doc_no_root(struct doc_walk *w)
{
	struct xr	*x = w->x;
	xmlDocPtr	 doc = xr_doc(x);
	xmlNodePtr	 root = doc ? xmlDocGetRootElement(doc) : NULL;

	if (root != NULL && root->name != NULL &&
	    strcmp((const char *)root->name, "rss") != 0 &&
	    strcmp((const char *)root->name, "RDF") != 0 &&
	    strcmp((const char *)root->name, "feed") != 0) {
		say(x, "the document is <%s>, expected "
		    "<rss>, <rdf:RDF> or <feed>", root->name);
		return FEED_NOT_A_FEED;
	}
	/* Broken before the root: an HTML page still gets its name. */
	if (looks_like_page(w->src->head, w->src->nhead)) {
		say(x, "the document is an HTML page");
		return FEED_NOT_A_FEED;
	}
	if (x->xml_code == XML_ERR_ENTITY_LOOP) {
		say(x, "line %lu: entity expansion refused: %s", x->xml_line,
		    x->xml_msg);
		return FEED_ENTITIES;
	}
	if (x->xml_error) {
		say(x, "line %lu: not well-formed XML: %s", x->xml_line,
		    x->xml_msg);
		return FEED_MALFORMED;
	}
	say(x, "the document has no elements");
	return FEED_EMPTY;
}

/* The source's own failures, which libxml2 saw only as a read error. */
static enum feed_err
doc_source_failed(struct doc_walk *w)
{
	if (w->src->too_large) {
		say(w->x, "the document is larger than %zu bytes, the most "
		    "accepted", w->src->max_bytes);
		return FEED_TOO_LARGE;
	}
	if (w->src->out.nomem) {
		say(w->x, "out of memory");
		return FEED_NOMEM;
	}
	say(w->x, "reading the document failed");
	return FEED_READ;
}

/* Read every node; the document's verdict. */
static enum feed_err
doc_walk_all(struct doc_walk *w)
{
	struct xr	*x = w->x;
	enum feed_err	 refusal = FEED_OK;
	int		 rc, type;

	while ((rc = xr_next(x)) == 1) {
		type = x->type;
		if (type == XML_READER_TYPE_END_ELEMENT)
			rc = doc_end(w, x->depth);
		else if (type == XML_READER_TYPE_ELEMENT)
			rc = doc_element(w, x->depth, &refusal);
		if (rc < 0)
			break;
	}
	if (rc == -2)
		return refusal != FEED_OK ? refusal : x->refusal;
	if (rc == -3) {
		say(x, "out of memory");
		return FEED_NOMEM;
	}
	if (w->stopped) {
		say(x, "stopped by the caller");
		return FEED_STOPPED;
	}
	if (w->src->failed || w->src->too_large || w->src->out.nomem)
		return doc_source_failed(w);
	if (!w->seen_root)
		return doc_no_root(w);
	if (x->xml_code == XML_ERR_ENTITY_LOOP) {
		say(x, "line %lu: entity expansion refused: %s", x->xml_line,
		    x->xml_msg);
		return FEED_ENTITIES;
	}
	/* A truncated document: keep the entry that was being read. */
	if (w->in_entry && entry_deliver(w) == -1) {
		say(x, "stopped by the caller");
		return FEED_STOPPED;
	}
	if (w->out->title == NULL && w->dc_title != NULL) {
		w->out->title = w->dc_title;
		w->out->title_text = w->dc_title_text;
	}
	w->out->recovered = x->xml_error || rc < 0;
	if (w->out->recovered)
		say(x, "line %lu: recovered from: %s", x->xml_line,
		    x->xml_error ? x->xml_msg : "a reader error");
	return FEED_OK;
}

enum feed_err
feed_parse_stream(struct arena *a, const struct feed_source *from,
    feed_entry_fn each, void *arg, struct feed *out, char *msg,
    size_t msglen)
{
	struct xr	 x;
	struct src	 s;
	struct doc_walk	 w;
	enum feed_err	 e;
	int		 rc;

	memset(out, 0, sizeof(*out));
	memset(&x, 0, sizeof(x));
	memset(&s, 0, sizeof(s));
	memset(&w, 0, sizeof(w));
	if (msglen > 0)
		msg[0] = '\0';
	x.a = a;
	x.msg = msg;
	x.msglen = msglen;
	x.doc_base = from->base;
	x.text_only = from->text_only;
	s.from = from;
	s.max_bytes = from->max_bytes ? from->max_bytes : FEED_MAX_BYTES;
	w.x = &x;
	w.src = &s;
	w.feed_arena = a;
	w.out = out;
	w.each = each;
	w.arg = arg;
	w.channel_depth = -1;
	arena_init(&w.entry_arena);

	if ((s.raw = malloc(READ_CHUNK + REF_LOOKAHEAD + 16)) == NULL) {
		say(&x, "out of memory");
		return FEED_NOMEM;
	}
	if ((rc = src_fill(&s)) <= 0) {
		e = rc == 0 ? FEED_EMPTY : doc_source_failed(&w);
		if (rc == 0)
			say(&x, "the document is empty");
		goto done;
	}
	xmlSetExternalEntityLoader(no_loader);
	/*
	 * RECOVER: real feeds break off and misbehave; what can be read is
	 * kept.  No NOENT (no substitution), no DTDLOAD, no HUGE, no network.
	 */
	/*
	 * COMPACT (as xmllint has by default): short text nodes are kept
	 * inside the node, one allocation fewer each; the reader's nodes
	 * are never changed.
	 */
	x.r = xmlReaderForIO(src_read, src_close, &s, from->base, NULL,
	    XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOWARNING |
	    XML_PARSE_COMPACT);
	if (x.r == NULL) {
		say(&x, "out of memory");
		e = FEED_NOMEM;
		goto done;
	}
	xmlTextReaderSetStructuredErrorHandler(x.r, on_error, &x);
	e = doc_walk_all(&w);
done:
	if (e != FEED_OK)
		memset(out, 0, sizeof(*out));
	if (x.r != NULL)
		xmlFreeTextReader(x.r);
	arena_free(&w.entry_arena);
	capture_free(&x.cap);
	sb_free(&s.out);
	free(s.raw);
	return e;
}

/* --- the whole document in memory --------------------------------------- */

struct mem_source {
	const char	*data;
	size_t		 len, at;
};

static long
mem_read(void *arg, char *buf, size_t len)
{
	struct mem_source	*m = arg;
	size_t			 n = m->len - m->at < len ? m->len - m->at : len;

	memcpy(buf, m->data + m->at, n);
	m->at += n;
	return (long)n;
}

/* feed_parse()'s entries: copied into the caller's arena as they come. */
struct keep {
	struct arena	*a;
	struct feed	 f;
	size_t		 cap;
};

static int
keep_entry(void *arg, const struct feed_entry *in)
{
	struct keep		*k = arg;
	struct feed_entry	*e, *grown;

	if (k->f.n_entries == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 16;
		if ((grown = arena_alloc(k->a, k->cap * sizeof(*grown))) == NULL)
			return -1;
		if (k->f.n_entries)
			memcpy(grown, k->f.entries,
			    k->f.n_entries * sizeof(*grown));
		k->f.entries = grown;
	}
	e = &k->f.entries[k->f.n_entries++];
#define KEEP(field) \
	e->field = in->field ? arena_strdup(k->a, in->field) : NULL; \
	if (in->field != NULL && e->field == NULL) \
		return -1
	KEEP(title);
	KEEP(title_text);
	KEEP(link);
	KEEP(id);
	KEEP(published);
	KEEP(updated);
	KEEP(summary);
	KEEP(summary_text);
	KEEP(author);
#undef KEEP
	return 0;
}

enum feed_err
feed_parse(struct arena *a, const char *data, size_t len, const char *base,
    struct feed *out, char *msg, size_t msglen)
{
	struct mem_source	 m = { data, data ? len : 0, 0 };
	struct feed_source	 src = { mem_read, &m, FEED_MAX_BYTES, base, 0 };
	struct keep		 k;
	enum feed_err		 e;

	memset(out, 0, sizeof(*out));
	if (len > FEED_MAX_BYTES) {
		if (msglen > 0)
			snprintf(msg, msglen, "the document is %zu bytes; at "
			    "most %u are accepted", len, FEED_MAX_BYTES);
		return FEED_TOO_LARGE;
	}
	memset(&k, 0, sizeof(k));
	k.a = a;
	e = feed_parse_stream(a, &src, keep_entry, &k, out, msg, msglen);
	if (e == FEED_STOPPED) {
		if (msglen > 0)
			snprintf(msg, msglen, "out of memory");
		return FEED_NOMEM;
	}
	if (e == FEED_OK) {
		out->entries = k.f.entries;
		out->n_entries = k.f.n_entries;
	}
	return e;
}
