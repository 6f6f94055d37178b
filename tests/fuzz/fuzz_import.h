/*
 * The two directory importers' fuzz targets share this: whatever the
 * bytes, the parser returns one of its errors with a message, or members
 * whose fields are all strings (UTF-8) of the documented shapes.
 */
#ifndef TRACKER_FUZZ_IMPORT_H
#define TRACKER_FUZZ_IMPORT_H

#include "arena.h"
#include "import_parse.h"
#include "utf8.h"

#include "fuzz.h"

typedef enum import_err (*import_parser)(struct arena *, const char *,
    size_t, struct import_member **, size_t *, char *, size_t);

static int
fuzz_text(const char *s)
{
	return s != NULL && utf8_valid(s, strlen(s));
}

/* "" or YYYY-MM-DD (digits in place; the importers check no more). */
static int
fuzz_day(const char *s)
{
	static const char	 shape[] = "dddd-dd-dd";
	size_t			 i;

	if (*s == '\0')
		return 1;
	if (strlen(s) != sizeof(shape) - 1)
		return 0;
	for (i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return 0;
	return 1;
}

static void
fuzz_check_member(const struct import_member *m)
{
	fuzz_assert(fuzz_text(m->ext_id) && fuzz_text(m->full_name));
	fuzz_assert(fuzz_text(m->party) && fuzz_text(m->constituency));
	fuzz_assert(fuzz_text(m->member_from) && fuzz_text(m->email));
	fuzz_assert(fuzz_text(m->phone));
	fuzz_assert(strcmp(m->category, "mp") == 0 ||
	    strcmp(m->category, "peer") == 0 ||
	    strcmp(m->category, "councillor") == 0);
	fuzz_assert(strcmp(m->house, "commons") == 0 ||
	    strcmp(m->house, "lords") == 0 || *m->house == '\0');
	fuzz_assert(fuzz_text(m->started_on) && fuzz_day(m->started_on));
	fuzz_assert(fuzz_text(m->ended_on) && fuzz_day(m->ended_on));
}

static int
fuzz_import(import_parser parse, const uint8_t *data, size_t size)
{
	struct arena		 a;
	struct import_member	*m = NULL;
	size_t			 n = 0, i;
	char			 msg[256];
	enum import_err		 e;

	arena_init(&a);
	memset(msg, 'x', sizeof(msg));
	e = parse(&a, (const char *)data, size, &m, &n, msg, sizeof(msg));
	fuzz_assert(e >= IMPORT_OK && e < IMPORT__MAX);
	fuzz_assert(memchr(msg, '\0', sizeof(msg)) != NULL);
	if (e == IMPORT_OK) {
		fuzz_assert(n > 0 && m != NULL);
		for (i = 0; i < n; i++)
			fuzz_check_member(&m[i]);
	} else
		fuzz_assert(msg[0] != '\0');
	arena_free(&a);
	return 0;
}

#endif
