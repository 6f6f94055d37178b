/*
 * Form reading (lib/form.c): an urlencoded body read against a table with
 * one field of each kind, then the form rendered back.  Nothing typed is
 * lost (each value is the submitted one, trimmed except in passwords and
 * text areas), a value that passed is valid for its kind, a local path
 * that passed cannot send a browser to another site, and the rendered
 * form is balanced with text only where the writer put it.
 */
#include "config.h"

#include <ctype.h>

#include "arena.h"
#include "buf.h"
#include "form.h"
#include "html.h"
#include "request.h"
#include "response.h"

#include "fuzz.h"

static const struct field_option kinds[] = {
	{ "meeting", "Meeting" }, { "letter", "Letter" }, { NULL, NULL }
};

static const struct form_field fields[] = {
	{ "title", "Title", FIELD_TEXT, FIELD_REQUIRED, 20, NULL, NULL, NULL, NULL },
	{ "password", "Password", FIELD_PASSWORD, 0, 0, NULL, NULL, NULL, NULL },
	{ "email", "Email", FIELD_EMAIL, 0, 0, NULL, "email", NULL, NULL },
	{ "date", "Date", FIELD_DATE, 0, 0, NULL, NULL, "YYYY-MM-DD", NULL },
	{ "count", "Count", FIELD_NUMBER, 0, 0, NULL, NULL, NULL, NULL },
	{ "notes", "Notes", FIELD_TEXTAREA, 0, 0, NULL, NULL, NULL, NULL },
	{ "kind", "Kind", FIELD_SELECT, FIELD_REQUIRED, 0, NULL, NULL, NULL, kinds },
	{ "next", "Next", FIELD_HIDDEN, 0, 0, validate_local_path, NULL, NULL, NULL },
	{ "time", "Time", FIELD_TIME, 0, 0, NULL, NULL, NULL, NULL },
};
#define NFIELDS	(sizeof(fields) / sizeof(fields[0]))

/* Where a browser goes for Location: path, after it drops tabs and newlines. */
static void
check_local(const char *path)
{
	char	 seen[3];
	size_t	 n = 0;

	while (*path != '\0' && (unsigned char)*path <= 0x20)
		path++;
	for (; *path != '\0' && n < 2; path++)
		if (*path != '\t' && *path != '\n' && *path != '\r')
			seen[n++] = *path;
	seen[n] = '\0';
	fuzz_assert(seen[0] == '/' && seen[1] != '/' && seen[1] != '\\');
}

static void
check_value(const struct form_field *fd, const char *raw, const char *v)
{
	size_t	 n;

	if (fd->type == FIELD_PASSWORD || fd->type == FIELD_TEXTAREA)
		fuzz_assert(strcmp(v, raw) == 0);
	else {
		n = strlen(v);
		fuzz_assert(n == 0 || (!isspace((unsigned char)v[0]) &&
		    !isspace((unsigned char)v[n - 1])));
		fuzz_assert(strstr(raw, v) != NULL);
	}
}

static void
check_passed(const struct form_field *fd, const char *v)
{
	if (*v == '\0')
		return;
	if (fd->type == FIELD_DATE)
		fuzz_assert(validate_date(v) == NULL && strlen(v) == 10);
	if (fd->type == FIELD_TIME)
		fuzz_assert(validate_time(v) == NULL && strlen(v) == 5);
	if (fd->type == FIELD_NUMBER)
		fuzz_assert(validate_integer(v) == NULL);
	if (fd->validate == validate_local_path)
		check_local(v);
	if (fd->type == FIELD_SELECT)
		fuzz_assert(strcmp(v, "meeting") == 0 || strcmp(v, "letter") == 0);
}

static void
render(const struct form *f)
{
	struct buf	 b;
	struct html	 h;

	buf_init(&b);
	html_init(&h, &b);
	html_open(&h, EL_FORM, AT_METHOD, "post", AT__MAX);
	form_render_summary(&h, f);
	form_render_fields(&h, f);
	html_close(&h);
	fuzz_assert(html_finish(&h) == 0);
	buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	struct params	 p;
	struct form	 f;
	size_t		 i;
	int		 errors;

	arena_init(&a);
	if (req_parse_urlencoded(&a, (const char *)data, size, &p) == REQ_OK) {
		errors = form_read(&f, &a, fields, NFIELDS, &p);
		fuzz_assert(errors >= 0 && (size_t)errors == f.nerrors);
		for (i = 0; i < NFIELDS; i++) {
			const char *raw = params_get(&p, fields[i].name);

			fuzz_assert(f.values[i].value != NULL);
			check_value(&fields[i], raw ? raw : "", f.values[i].value);
			if (f.values[i].error == NULL)
				check_passed(&fields[i], f.values[i].value);
		}
		render(&f);
	}
	arena_free(&a);
	return 0;
}
