/*
 * feed_html_sanitise() and feed_html_text(): an HTML fragment from a
 * feed.  What the sanitiser writes, read back by libxml2's HTML parser,
 * holds only allowed elements and attributes (so no event handler), and
 * no link, image or citation whose scheme could run code; from UTF-8,
 * both write UTF-8 (references to surrogates or NUL included).
 */
#include "config.h"

#include <ctype.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "arena.h"
#include "feed_parse.h"
#include "utf8.h"

#include "fuzz.h"

/* lib/feed_parse.c's allowed_elements and allowed_attributes. */
static const char *const elements[] = {
	"a", "abbr", "acronym", "address", "b", "big", "blockquote", "br",
	"caption", "center", "cite", "code", "col", "colgroup", "dd", "del",
	"dfn", "dir", "div", "dl", "dt", "em", "figcaption", "figure", "font",
	"h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
	"li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span",
	"strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
	"th", "thead", "time", "tr", "tt", "u", "ul", "var", NULL
};
static const char *const attributes[] = {
	"abbr", "align", "alt", "border", "cite", "class", "colspan", "datetime",
	"dir", "headers", "height", "href", "hreflang", "lang", "rowspan",
	"scope", "src", "start", "summary", "title", "valign", "width", NULL
};

static int
listed(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcasecmp(*list, s) == 0)
			return 1;
	return 0;
}

/* The attributes a browser follows as links or loads. */
static int
url_attribute(const char *name)
{
	return strcasecmp(name, "href") == 0 || strcasecmp(name, "src") == 0 ||
	    strcasecmp(name, "cite") == 0;
}

/* A browser's reading of the scheme: controls and blanks skipped. */
static int
runs_code(const char *url)
{
	char	 scheme[16];
	size_t	 n = 0;

	for (; *url != '\0' && *url != ':' && n + 1 < sizeof(scheme); url++)
		if ((unsigned char)*url > 0x20)
			scheme[n++] = (char)tolower((unsigned char)*url);
	scheme[n] = '\0';
	return *url == ':' && (strcmp(scheme, "javascript") == 0 ||
	    strcmp(scheme, "vbscript") == 0 || strcmp(scheme, "data") == 0);
}

static void
check_tree(xmlNodePtr n)
{
	xmlAttrPtr	 at;

	for (; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE) {
			fuzz_assert(listed(elements, (const char *)n->name));
			for (at = n->properties; at != NULL; at = at->next) {
				xmlChar	*v = xmlNodeGetContent((xmlNodePtr)at);

				fuzz_assert(listed(attributes,
				    (const char *)at->name));
				fuzz_assert(v == NULL ||
				    !url_attribute((const char *)at->name) ||
				    !runs_code((char *)v));
				xmlFree(v);
			}
		}
		check_tree(n->children);
	}
}

static void
ignore(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s = fuzz_cstr(data, size), *clean, *text;
	struct arena	 a;
	htmlDocPtr	 doc;

	xmlSetGenericErrorFunc(NULL, ignore);
	arena_init(&a);
	clean = feed_html_sanitise(&a, s, "https://example.org/a/");
	text = feed_html_text(&a, s);
	fuzz_assert(clean != NULL && text != NULL);
	if (utf8_valid(s, strlen(s)))
		fuzz_assert(utf8_valid(clean, strlen(clean)) &&
		    utf8_valid(text, strlen(text)));
	if (*clean != '\0') {
		doc = htmlReadMemory(clean, (int)strlen(clean), NULL, "UTF-8",
		    HTML_PARSE_NOIMPLIED | HTML_PARSE_NOERROR |
		    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
		if (doc != NULL) {
			check_tree(doc->children);
			xmlFreeDoc(doc);
		}
	}
	arena_free(&a);
	free(s);
	return 0;
}
