/*
 * The HTML writer (lib/html.c) with hostile text: the input's first line
 * is a URL, the rest text.  Text and attribute values come out inert
 * (no raw < > " ' and every & starts one of the writer's five
 * references, which decode back to the input); the document has only
 * the tags the writer opened; a URL the writer lets into href has no
 * scheme a browser would run; a query value is %-escaped ASCII.
 */
#include "config.h"

#include <ctype.h>

#include "buf.h"
#include "html.h"

#include "fuzz.h"

static const char *const refs[][2] = {
	{ "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
	{ "&quot;", "\"" }, { "&#39;", "'" },
};

/* Check escaped is inert, and decode it back into out. */
static void
check_escaped(const char *escaped, size_t len, struct buf *out)
{
	size_t	 i = 0, r;

	while (i < len) {
		fuzz_assert(strchr("<>\"'", escaped[i]) == NULL);
		if (escaped[i] != '&') {
			buf_putc(out, escaped[i++]);
			continue;
		}
		for (r = 0; r < sizeof(refs) / sizeof(refs[0]); r++)
			if (strncmp(escaped + i, refs[r][0],
			    strlen(refs[r][0])) == 0)
				break;
		fuzz_assert(r < sizeof(refs) / sizeof(refs[0]));
		buf_puts(out, refs[r][1]);
		i += strlen(refs[r][0]);
	}
}

static void
check_escape(const char *s)
{
	struct buf	 e, back;

	buf_init(&e);
	buf_init(&back);
	html_escape(&e, s);
	check_escaped(e.data ? e.data : "", e.len, &back);
	fuzz_assert(strcmp(back.data ? back.data : "", s) == 0);
	buf_free(&e);
	buf_free(&back);
}

/*
 * The URL's scheme as a browser finds it: leading C0 controls and spaces
 * stripped, tabs and newlines removed, then a letter and letters, digits,
 * + - . up to ':'.  "" when it has none (a relative reference).
 */
static void
browser_scheme(const char *u, char *scheme, size_t size)
{
	size_t	 n = 0;

	while (*u != '\0' && (unsigned char)*u <= 0x20)
		u++;
	for (; *u != '\0' && n + 1 < size; u++) {
		if (*u == '\t' || *u == '\n' || *u == '\r')
			continue;
		if (*u == ':')
			break;
		if (!(isalpha((unsigned char)*u) || (n > 0 &&
		    (isdigit((unsigned char)*u) || strchr("+-.", *u)))))
			break;
		scheme[n++] = (char)tolower((unsigned char)*u);
	}
	scheme[*u == ':' ? n : 0] = '\0';
}

static void
check_url(const char *u)
{
	char	 scheme[32];

	if (!html_url_safe(u))
		return;
	browser_scheme(u, scheme, sizeof(scheme));
	fuzz_assert(*scheme == '\0' || strcmp(scheme, "http") == 0 ||
	    strcmp(scheme, "https") == 0 || strcmp(scheme, "mailto") == 0);
}

static void
check_query(const char *s)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b);
	url_escape_query(&b, s);
	for (i = 0; i < b.len; i++)
		if (b.data[i] == '%')
			fuzz_assert(i + 2 < b.len &&
			    isxdigit((unsigned char)b.data[i + 1]) &&
			    isxdigit((unsigned char)b.data[i + 2]));
		else
			fuzz_assert(isalnum((unsigned char)b.data[i]) ||
			    strchr("-._~/", b.data[i]) != NULL);
	buf_free(&b);
}

/* A small page with text everywhere: exactly the tags it opened. */
static void
check_page(const char *url, const char *text)
{
	struct buf	 b;
	struct html	 h;
	size_t		 i, lt = 0;

	buf_init(&b);
	html_init(&h, &b);
	html_open(&h, EL_P, AT_TITLE, text, AT_CLASS, text, AT__MAX);
	html_text(&h, text);
	html_open(&h, EL_A, AT_HREF, url, AT_ARIA_LABEL, text, AT__MAX);
	html_textf(&h, "%s (%s)", text, url);
	html_close(&h);
	html_elem(&h, EL_TEXTAREA, text);
	html_open(&h, EL_INPUT, AT_VALUE, text, AT_NAME, url, AT__MAX);
	html_close_all(&h);
	fuzz_assert(html_finish(&h) == 0 || !html_url_safe(url));
	for (i = 0; i < b.len; i++)
		lt += b.data[i] == '<';
	/* <p> <a> </a> <textarea> </textarea> <input> </p> */
	fuzz_assert(lt == 7);
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s = fuzz_cstr(data, size), *piece[2];
	size_t	 n = fuzz_lines(s, piece, 2);
	const char *url = piece[0], *text = n > 1 ? piece[1] : "";

	check_escape(url);
	check_escape(text);
	check_url(url);
	check_query(text);
	check_page(url, text);
	free(s);
	return 0;
}
