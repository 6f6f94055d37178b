/*
 * The Markdown path: html_markdown() (cmark in safe mode, as APPG
 * minutes are shown), appg_markdown_text() (minutes as plain text for
 * email) and appg_md_escape() (names and titles put into minutes).
 * Rendered Markdown has only cmark's own elements, no raw HTML from the
 * input and no link that runs code; escaped text renders as one
 * paragraph without markup.
 */
#include "config.h"

#include <ctype.h>
#include <strings.h>

#include "arena.h"
#include "appg_minutes.h"
#include "buf.h"
#include "html.h"

#include "fuzz.h"

/* What cmark's HTML renderer writes. */
static const char *const cmark_tags[] = {
	"p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "a", "img",
	"code", "pre", "blockquote", "ul", "ol", "li", "hr", "br", NULL
};

static int
cmark_tag(const char *s, size_t n)
{
	const char *const	*t;

	for (t = cmark_tags; *t != NULL; t++)
		if (strlen(*t) == n && strncmp(*t, s, n) == 0)
			return 1;
	return 0;
}

/* Each '<' opens a cmark tag, its closing tag or the omitted-HTML note. */
static void
check_tags(const char *html)
{
	const char	*p;
	size_t		 n;

	for (p = strchr(html, '<'); p != NULL; p = strchr(p + 1, '<')) {
		if (strncmp(p, "<!-- raw HTML omitted -->", 25) == 0)
			continue;
		p += p[1] == '/';
		n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz0123456789");
		fuzz_assert(cmark_tag(p + 1, n));
		fuzz_assert(strchr(" />", p[1 + n]) != NULL);
	}
}

/* No href or src whose scheme runs code. */
static void
check_links(const char *html)
{
	static const char *const bad[] = {
		"javascript:", "vbscript:", "file:", "data:text", NULL
	};
	static const char *const attrs[] = { " href=\"", " src=\"", NULL };
	const char		*p;
	const char *const	*b, *const *at;

	for (at = attrs; *at != NULL; at++)
		for (p = html; (p = strstr(p, *at)) != NULL; ) {
			p += strlen(*at);
			for (b = bad; *b != NULL; b++)
				fuzz_assert(strncasecmp(p, *b, strlen(*b)) != 0);
		}
}

static char *
render(const char *md)
{
	struct buf	 b;
	struct html	 h;
	char		*out;

	buf_init(&b);
	html_init(&h, &b);
	html_markdown(&h, md);
	fuzz_assert(html_finish(&h) == 0);
	out = fuzz_cstr((const uint8_t *)(b.data ? b.data : ""), b.len);
	buf_free(&b);
	return out;
}

/* An escaped one-line field is a paragraph of text, or nothing. */
static void
check_escaped(struct arena *a, const char *s)
{
	char		*md = appg_md_escape(a, s), *html;
	const char	*p;

	fuzz_assert(md != NULL);
	html = render(md);
	for (p = strchr(html, '<'); p != NULL; p = strchr(p + 1, '<'))
		fuzz_assert(strncmp(p, "<p>", 3) == 0 ||
		    strncmp(p, "</p>", 4) == 0);
	free(html);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s = fuzz_cstr(data, size), *html;
	struct arena	 a;

	arena_init(&a);
	html = render(s);
	check_tags(html);
	check_links(html);
	free(html);
	(void)appg_markdown_text(&a, s, size % 100 + 20);
	check_escaped(&a, s);
	arena_free(&a);
	free(s);
	return 0;
}
