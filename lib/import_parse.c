/*
 * The import parsers (see import_parse.h).  Both walk the document once
 * with libxml2's streaming reader, keeping the names of the open elements
 * on a small stack, and act on an element by its name and its parent's:
 * extra elements anywhere are ignored.  Nothing here touches a database.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlreader.h>

#include "arena.h"
#include "import_parse.h"

#define MAX_DEPTH	32	/* deeper documents are refused */
#define NAME_MAX_LEN	64

#define XSI_NS	"http://www.w3.org/2001/XMLSchema-instance"

/* The reader and what went wrong with it. */
struct xr {
	xmlTextReaderPtr	 r;
	struct arena		*a;
	char			*msg;
	size_t			 msglen;
	int			 xml_error;	/* libxml2 reported an error */
	int			 xml_code;
	unsigned long		 xml_line;
	char			 xml_msg[200];
	char			 stack[MAX_DEPTH][NAME_MAX_LEN];
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

/* libxml2's errors: keep the first, for the message. */
static void
on_error(void *ctx, xmlErrorPtr err)
{
	struct xr	*x = ctx;
	size_t		 n;

	if (err == NULL || x->xml_error || err->level < XML_ERR_ERROR)
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

/* Where needle first occurs in the len bytes at hay; NULL if nowhere. */
static const char *
find(const char *hay, size_t len, const char *needle)
{
	size_t	 nl = strlen(needle), i;

	for (i = 0; i + nl <= len; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, nl) == 0)
			return hay + i;
	return NULL;
}

/* Does a DOCTYPE declare entities?  Looked for before libxml2 sees it. */
static int
declares_entities(const char *data, size_t len)
{
	const char	*d = find(data, len, "<!DOCTYPE");

	return d != NULL && find(d, len - (size_t)(d - data), "<!ENTITY") != NULL;
}

static int
blank(const char *data, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (!isspace((unsigned char)data[i]))
			return 0;
	return 1;
}

/* Checks before parsing, then the hardened reader. */
static enum import_err
xr_open(struct xr *x, struct arena *a, const char *data, size_t len,
    char *msg, size_t msglen)
{
	memset(x, 0, sizeof(*x));
	x->a = a;
	x->msg = msg;
	x->msglen = msglen;
	if (msglen > 0)
		msg[0] = '\0';
	if (data == NULL || blank(data, len)) {
		say(x, "the document is empty");
		return IMPORT_EMPTY;
	}
	if (len > IMPORT_MAX_BYTES) {
		say(x, "the document is %zu bytes; at most %u are accepted",
		    len, IMPORT_MAX_BYTES);
		return IMPORT_TOO_LARGE;
	}
	if (len > (size_t)INT_MAX) {
		say(x, "the document is too large");
		return IMPORT_TOO_LARGE;
	}
	if (declares_entities(data, len)) {
		say(x, "the document declares entities in a DOCTYPE; "
		    "such documents are refused");
		return IMPORT_MALFORMED;
	}
	/*
	 * No NOENT (no substitution), no DTDLOAD, no network.  The encoding
	 * is fixed to UTF-8 (both sources publish UTF-8): a document in
	 * another encoding would slip its DOCTYPE past declares_entities().
	 */
	x->r = xmlReaderForMemory(data, (int)len, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	if (x->r == NULL) {
		say(x, "out of memory");
		return IMPORT_NOMEM;
	}
	xmlTextReaderSetStructuredErrorHandler(x->r, on_error, x);
	return IMPORT_OK;
}

static void
xr_close(struct xr *x)
{
	if (x->r != NULL)
		xmlFreeTextReader(x->r);
	x->r = NULL;
}

/* The current node's line (the parser itself may have read further). */
static unsigned long
xr_line(struct xr *x)
{
	xmlNodePtr	 node = xmlTextReaderCurrentNode(x->r);
	long		 l = node != NULL ? xmlGetLineNo(node) : -1;

	if (l <= 0)
		l = xmlTextReaderGetParserLineNumber(x->r);
	return l > 0 ? (unsigned long)l : 0;
}

/* The message for a reader failure; truncation gets a plain word. */
static enum import_err
xr_fail(struct xr *x, const char *expected_end)
{
	unsigned long	 line = x->xml_line ? x->xml_line : xr_line(x);

	if (!x->xml_error)
		say(x, "line %lu: not well-formed XML", line);
	else if (x->xml_code == XML_ERR_TAG_NOT_FINISHED ||
	    x->xml_code == XML_ERR_DOCUMENT_END ||
	    x->xml_code == XML_ERR_LTSLASH_REQUIRED ||
	    x->xml_code == XML_ERR_GT_REQUIRED ||
	    x->xml_code == XML_ERR_DOCUMENT_EMPTY ||
	    strstr(x->xml_msg, "Premature end") != NULL)
		say(x, "line %lu: the document ends before %s (truncated?): %s",
		    line, expected_end, x->xml_msg);
	else
		say(x, "line %lu: not well-formed XML: %s", line, x->xml_msg);
	return IMPORT_MALFORMED;
}

/*
 * The next node: 1, 0 at the end, -1 on a reader error, -2 for a
 * document refused by our own limits (message already said).
 */
static int
xr_next(struct xr *x)
{
	int	 rc = xmlTextReaderRead(x->r), depth, type;

	if (rc != 1)
		return rc == 0 && !x->xml_error ? 0 : -1;
	if (x->xml_error)
		return -1;
	type = xmlTextReaderNodeType(x->r);
	depth = xmlTextReaderDepth(x->r);
	if (type == XML_READER_TYPE_ENTITY_REFERENCE ||
	    type == XML_READER_TYPE_ENTITY) {
		say(x, "line %lu: entity references are refused", xr_line(x));
		return -2;
	}
	/* Neither source uses a DOCTYPE; one could declare entities. */
	if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
		say(x, "line %lu: documents with a DOCTYPE are refused",
		    xr_line(x));
		return -2;
	}
	if (depth < 0 || depth >= MAX_DEPTH) {
		say(x, "line %lu: elements nested deeper than %d are refused",
		    xr_line(x), MAX_DEPTH);
		return -2;
	}
	if (type == XML_READER_TYPE_ELEMENT) {
		const char	*name = (const char *)xmlTextReaderConstLocalName(x->r);

		snprintf(x->stack[depth], NAME_MAX_LEN, "%s", name ? name : "");
	}
	return 1;
}

/* The current element's name and its parent's ("" at the root). */
static const char *
xr_name(struct xr *x)
{
	return x->stack[xmlTextReaderDepth(x->r)];
}

static const char *
xr_parent(struct xr *x)
{
	int	 d = xmlTextReaderDepth(x->r);

	return d > 0 ? x->stack[d - 1] : "";
}

/* The element's text, trimmed, in the arena; NULL when out of memory. */
static char *
xr_text(struct xr *x)
{
	xmlChar		*s = NULL;
	const char	*p;
	char		*out;
	size_t		 n;

	if (!xmlTextReaderIsEmptyElement(x->r))
		s = xmlTextReaderReadString(x->r);
	p = s ? (const char *)s : "";
	while (isspace((unsigned char)*p))
		p++;
	n = strlen(p);
	while (n > 0 && isspace((unsigned char)p[n - 1]))
		n--;
	out = arena_strndup(x->a, p, n);
	xmlFree(s);
	return out;
}

/* An attribute's value in the arena ("" when absent); NULL: no memory. */
static char *
xr_attr(struct xr *x, const char *name, const char *ns)
{
	xmlChar	*v;
	char	*out;

	v = ns ? xmlTextReaderGetAttributeNs(x->r, (const xmlChar *)name,
	    (const xmlChar *)ns) : xmlTextReaderGetAttribute(x->r,
	    (const xmlChar *)name);
	out = arena_strdup(x->a, v ? (const char *)v : "");
	xmlFree(v);
	return out;
}

/* Append a member to the growing array (doubling copies in the arena). */
static int
push(struct arena *a, struct import_member **list, size_t *n, size_t *cap,
    const struct import_member *m)
{
	struct import_member	*grown;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		if ((grown = arena_alloc(a, *cap * sizeof(*grown))) == NULL)
			return -1;
		if (*n)
			memcpy(grown, *list, *n * sizeof(*grown));
		*list = grown;
	}
	(*list)[(*n)++] = *m;
	return 0;
}

/* "2024-07-04T00:00:00" or "2024-07-04" to "2024-07-04"; NULL if neither. */
static const char *
date_part(struct arena *a, const char *s)
{
	int	 y, m, d, i;

	if (*s == '\0')
		return "";
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return NULL;
	if (s[10] != '\0' && s[10] != 'T' && s[10] != ' ')
		return NULL;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1800 || m < 1 || m > 12 || d < 1 || d > 31)
		return NULL;
	return arena_strndup(a, s, 10);
}

/* A decimal id that fits an INT UNSIGNED column. */
static int
valid_id(const char *s, unsigned long long max)
{
	unsigned long long	 v = 0;

	if (*s == '\0' || strlen(s) > 10)
		return 0;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s))
			return 0;
		v = v * 10 + (unsigned)(*s - '0');
	}
	return v > 0 && v <= max;
}

static int
duplicate_id(const struct import_member *list, size_t n, const char *id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i].ext_id, id) == 0)
			return 1;
	return 0;
}

/* Characters (not bytes) in a UTF-8 string, as VARCHAR counts them. */
static size_t
chars(const char *s)
{
	size_t	 n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * Fit the fields to their columns: a name, party or constituency too long
 * is an error (-1, said); an email or phone too long is dropped.
 */
static int
fits(struct xr *x, struct import_member *m, const char *what, size_t index)
{
	const char	*field = NULL;

	if (chars(m->full_name) > 200)
		field = "the name";
	else if (chars(m->party) > 100)
		field = "the party";
	else if (chars(m->constituency) > 200)
		field = "the constituency or ward";
	if (field != NULL) {
		say(x, "line %lu: %s %zu (%s): %s is too long", m->line, what,
		    index, m->ext_id, field);
		return -1;
	}
	if (chars(m->email) > 254)
		m->email = "";
	if (chars(m->phone) > 50)
		m->phone = "";
	return 0;
}

static void
member_init(struct import_member *m, unsigned long line)
{
	memset(m, 0, sizeof(*m));
	m->ext_id = m->full_name = m->category = m->party = m->house = "";
	m->constituency = m->member_from = m->started_on = m->ended_on = "";
	m->email = m->phone = "";
	m->line = line;
}

/* --- Members' Names Data Platform ---------------------------------------- */

struct mnis_member {
	struct import_member	 m;
	const char		*house_text;
	const char		*start_text;
	const char		*end_text;
	const char		*is_active;
	int			 end_nil;
};

/* Check a finished <Member> and add it; -1 with the message said. */
static int
mnis_finish(struct xr *x, struct mnis_member *mm, size_t index,
    struct import_member **list, size_t *n, size_t *cap)
{
	struct import_member	*m = &mm->m;
	const char		*start, *end;

	if (!valid_id(m->ext_id, 4294967295ULL)) {
		say(x, "line %lu: member %zu: Member_Id \"%s\" is not a "
		    "positive number", m->line, index, m->ext_id);
		return -1;
	}
	if (duplicate_id(*list, *n, m->ext_id)) {
		say(x, "line %lu: member %zu: Member_Id %s appears twice",
		    m->line, index, m->ext_id);
		return -1;
	}
	if (*m->full_name == '\0') {
		say(x, "line %lu: member %zu (Member_Id %s) has no DisplayAs name",
		    m->line, index, m->ext_id);
		return -1;
	}
	if (strcmp(mm->house_text, "Commons") == 0) {
		m->house = "commons";
		m->category = "mp";
		m->constituency = m->member_from;
	} else if (strcmp(mm->house_text, "Lords") == 0) {
		m->house = "lords";
		m->category = "peer";
		m->constituency = "";
	} else {
		say(x, "line %lu: member %zu (Member_Id %s, %s): House is "
		    "\"%s\", expected Commons or Lords", m->line, index,
		    m->ext_id, m->full_name, mm->house_text);
		return -1;
	}
	start = date_part(x->a, mm->start_text);
	end = mm->end_nil ? "" : date_part(x->a, mm->end_text);
	if (start == NULL || end == NULL) {
		say(x, "line %lu: member %zu (Member_Id %s, %s): %s \"%s\" is "
		    "not a date", m->line, index, m->ext_id, m->full_name,
		    start == NULL ? "HouseStartDate" : "HouseEndDate",
		    start == NULL ? mm->start_text : mm->end_text);
		return -1;
	}
	m->started_on = start;
	m->ended_on = end;
	if (strcmp(mm->is_active, "True") != 0 &&
	    strcmp(mm->is_active, "False") != 0) {
		say(x, "line %lu: member %zu (Member_Id %s, %s): CurrentStatus "
		    "IsActive is \"%s\", expected True or False", m->line,
		    index, m->ext_id, m->full_name, mm->is_active);
		return -1;
	}
	m->active = strcmp(mm->is_active, "True") == 0 && *end == '\0';
	if (fits(x, m, "member", index) == -1)
		return -1;
	if (push(x->a, list, n, cap, m) == -1) {
		say(x, "out of memory");
		return -1;
	}
	return 0;
}

static void
mnis_init(struct mnis_member *mm, unsigned long line)
{
	memset(mm, 0, sizeof(*mm));
	member_init(&mm->m, line);
	mm->house_text = mm->start_text = mm->end_text = "";
	mm->is_active = "";
}

enum import_err
import_parse_parliament(struct arena *a, const char *data, size_t len,
    struct import_member **out, size_t *n, char *msg, size_t msglen)
{
	struct xr		 x;
	struct mnis_member	 mm;
	size_t			 cap = 0, index = 0;
	enum import_err		 e;
	int			 rc, in_member = 0, seen_root = 0, type;
	const char		*name, *parent;
	char			*v;

	*out = NULL;
	*n = 0;
	if ((e = xr_open(&x, a, data, len, msg, msglen)) != IMPORT_OK)
		return e;
	mnis_init(&mm, 0);
	while ((rc = xr_next(&x)) == 1) {
		type = xmlTextReaderNodeType(x.r);
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (in_member && xmlTextReaderDepth(x.r) == 1) {
				in_member = 0;
				if (mnis_finish(&x, &mm, index, out, n, &cap) == -1)
					goto refused;
			}
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		name = xr_name(&x);
		parent = xr_parent(&x);
		if (!seen_root) {
			seen_root = 1;
			if (strcmp(name, "Members") != 0) {
				say(&x, "line %lu: expected a <Members> document "
				    "from the Members' Names Data Platform, found "
				    "<%s>", xr_line(&x), name);
				xr_close(&x);
				return IMPORT_WRONG_KIND;
			}
			continue;
		}
		if (strcmp(name, "Member") == 0 && xmlTextReaderDepth(x.r) == 1) {
			mnis_init(&mm, xr_line(&x));
			index++;
			if ((v = xr_attr(&x, "Member_Id", NULL)) == NULL)
				goto nomem;
			mm.m.ext_id = v;
			in_member = 1;
			if (xmlTextReaderIsEmptyElement(x.r)) {
				in_member = 0;
				if (mnis_finish(&x, &mm, index, out, n, &cap) == -1)
					goto refused;
			}
			continue;
		}
		if (!in_member)
			continue;
		if (strcmp(parent, "Member") == 0) {
			if (strcmp(name, "CurrentStatus") == 0) {
				if ((v = xr_attr(&x, "IsActive", NULL)) == NULL)
					goto nomem;
				mm.is_active = v;
				continue;
			}
			if (strcmp(name, "HouseEndDate") == 0) {
				if ((v = xr_attr(&x, "nil", XSI_NS)) == NULL)
					goto nomem;
				mm.end_nil = strcmp(v, "true") == 0;
			}
			if ((v = xr_text(&x)) == NULL)
				goto nomem;
			if (strcmp(name, "DisplayAs") == 0)
				mm.m.full_name = v;
			else if (strcmp(name, "Party") == 0)
				mm.m.party = v;
			else if (strcmp(name, "House") == 0)
				mm.house_text = v;
			else if (strcmp(name, "MemberFrom") == 0)
				mm.m.member_from = v;
			else if (strcmp(name, "HouseStartDate") == 0)
				mm.start_text = v;
			else if (strcmp(name, "HouseEndDate") == 0)
				mm.end_text = v;
		}
	}
	if (rc == -2)
		goto refused;
	if (rc == -1) {
		e = xr_fail(&x, "</Members>");
		xr_close(&x);
		return e;
	}
	xr_close(&x);
	if (!seen_root) {
		say(&x, "the document has no elements");
		return IMPORT_EMPTY;
	}
	if (*n == 0) {
		say(&x, "the <Members> document lists no members");
		return IMPORT_EMPTY;
	}
	return IMPORT_OK;
nomem:
	say(&x, "out of memory");
	xr_close(&x);
	return IMPORT_NOMEM;
refused:
	xr_close(&x);
	return IMPORT_MALFORMED;
}

/* --- ModernGov GetCouncillorsByWard --------------------------------------- */

/* "Cllr Jane Smith", "Councillor Jane Smith" → "Jane Smith". */
static const char *
strip_title(const char *name)
{
	static const char *const titles[] = { "Cllr. ", "Cllr ", "Councillor " };
	size_t	 i, l;

	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		l = strlen(titles[i]);
		if (strncasecmp(name, titles[i], l) == 0 && name[l] != '\0')
			return name + l;
	}
	return name;
}

static int
mg_finish(struct xr *x, struct import_member *m, size_t index,
    struct import_member **list, size_t *n, size_t *cap)
{
	const char	*id = m->ext_id;

	if (*id == '\0' || strlen(id) > 64) {
		say(x, "line %lu: councillor %zu has %s councillorid", m->line,
		    index, *id ? "too long a" : "no");
		return -1;
	}
	if (duplicate_id(*list, *n, id)) {
		say(x, "line %lu: councillor %zu: councillorid %s appears twice",
		    m->line, index, id);
		return -1;
	}
	m->full_name = strip_title(m->full_name);
	if (*m->full_name == '\0') {
		say(x, "line %lu: councillor %zu (councillorid %s) has no "
		    "fullusername", m->line, index, id);
		return -1;
	}
	m->category = "councillor";
	m->active = 1;
	if (fits(x, m, "councillor", index) == -1)
		return -1;
	if (push(x->a, list, n, cap, m) == -1) {
		say(x, "out of memory");
		return -1;
	}
	return 0;
}

enum import_err
import_parse_moderngov(struct arena *a, const char *data, size_t len,
    struct import_member **out, size_t *n, char *msg, size_t msglen)
{
	struct xr		 x;
	struct import_member	 m;
	const char		*ward = "", *name, *parent;
	size_t			 cap = 0, index = 0;
	enum import_err		 e;
	int			 rc, in_cllr = 0, seen_root = 0, type, depth = 0;
	char			*v;

	*out = NULL;
	*n = 0;
	if ((e = xr_open(&x, a, data, len, msg, msglen)) != IMPORT_OK)
		return e;
	member_init(&m, 0);
	while ((rc = xr_next(&x)) == 1) {
		type = xmlTextReaderNodeType(x.r);
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (in_cllr && xmlTextReaderDepth(x.r) == depth) {
				in_cllr = 0;
				if (mg_finish(&x, &m, index, out, n, &cap) == -1)
					goto refused;
			}
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		name = xr_name(&x);
		parent = xr_parent(&x);
		if (!seen_root) {
			seen_root = 1;
			if (strcmp(name, "councillorsbyward") != 0) {
				say(&x, "line %lu: expected a ModernGov "
				    "<councillorsbyward> document, found <%s>",
				    xr_line(&x), name);
				xr_close(&x);
				return IMPORT_WRONG_KIND;
			}
			continue;
		}
		if (strcmp(name, "wardtitle") == 0 && strcmp(parent, "ward") == 0) {
			if ((v = xr_text(&x)) == NULL)
				goto nomem;
			ward = v;
			continue;
		}
		if (strcmp(name, "ward") == 0) {
			ward = "";
			continue;
		}
		if (strcmp(name, "councillor") == 0 &&
		    strcmp(parent, "councillors") == 0 && !in_cllr) {
			member_init(&m, xr_line(&x));
			m.constituency = ward;
			index++;
			depth = xmlTextReaderDepth(x.r);
			in_cllr = 1;
			if (xmlTextReaderIsEmptyElement(x.r)) {
				in_cllr = 0;
				if (mg_finish(&x, &m, index, out, n, &cap) == -1)
					goto refused;
			}
			continue;
		}
		if (!in_cllr || strcmp(parent, "councillor") != 0 ||
		    xmlTextReaderDepth(x.r) != depth + 1)
			continue;
		if ((v = xr_text(&x)) == NULL)
			goto nomem;
		if (strcmp(name, "councillorid") == 0)
			m.ext_id = v;
		else if (strcmp(name, "fullusername") == 0)
			m.full_name = v;
		else if (strcmp(name, "politicalpartytitle") == 0)
			m.party = v;
		else if (strcmp(name, "email") == 0 && *m.email == '\0')
			m.email = v;
		else if ((strcmp(name, "phone") == 0 ||
		    strcmp(name, "workphone") == 0 ||
		    strcmp(name, "workmobile") == 0) && *m.phone == '\0')
			m.phone = v;
	}
	if (rc == -2)
		goto refused;
	if (rc == -1) {
		e = xr_fail(&x, "</councillorsbyward>");
		xr_close(&x);
		return e;
	}
	xr_close(&x);
	if (!seen_root) {
		say(&x, "the document has no elements");
		return IMPORT_EMPTY;
	}
	if (*n == 0) {
		say(&x, "the <councillorsbyward> document lists no councillors");
		return IMPORT_EMPTY;
	}
	return IMPORT_OK;
nomem:
	say(&x, "out of memory");
	xr_close(&x);
	return IMPORT_NOMEM;
refused:
	xr_close(&x);
	return IMPORT_MALFORMED;
}
