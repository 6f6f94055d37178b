/*
 * Lawful basis and source (see privacy_basis.h).  The table below is the
 * only list of basis codes: the schema stores the code in a plain column,
 * the forms, filters, spreadsheet import and pages all read it from here.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "arena.h"
#include "form.h"
#include "privacy_basis.h"
#include "utf8.h"

const struct lawful_basis lawful_bases[] = {
	{ "legitimate_interests", "Legitimate interests", 0, 0 },
	{ "public_role", "Legitimate interests: public role", 0, 1 },
	{ "consent", "Consent", 1, 0 },
	{ "public_task", "Public task", 0, 0 },
	{ "contract", "Contract", 0, 0 },
	{ "legal_obligation", "Legal obligation", 0, 0 },
	{ "vital_interests", "Vital interests", 0, 0 },
	{ NULL, NULL, 0, 0 },
};

const struct lawful_basis *
privacy_basis(const char *code)
{
	const struct lawful_basis	*b;

	if (code == NULL)
		return NULL;
	for (b = lawful_bases; b->code != NULL; b++)
		if (strcmp(b->code, code) == 0)
			return b;
	return NULL;
}

const char *
privacy_basis_label(const char *code)
{
	const struct lawful_basis	*b = privacy_basis(code);

	return b != NULL ? b->label : "Not recorded";
}

const char *
privacy_basis_parse(const char *typed)
{
	const struct lawful_basis	*b;

	for (b = lawful_bases; b->code != NULL; b++)
		if (strcasecmp(typed, b->code) == 0 ||
		    strcasecmp(typed, b->label) == 0)
			return b->code;
	return NULL;
}

static int
empty(const char *s)
{
	return s == NULL || *s == '\0';
}

/* The message for date, or NULL: a real date, not after today. */
static const char *
date_problem(const char *date, const char *today)
{
	const char	*bad;

	if ((bad = validate_date(date)) != NULL)
		return bad;
	/* Both are YYYY-MM-DD, so they compare as strings. */
	if (today != NULL && strcmp(date, today) > 0)
		return "The date cannot be in the future.";
	return NULL;
}

int
privacy_basis_check(const char *code, const char *date, const char *source,
    const char *note, const char *today, struct basis_problems *p)
{
	const struct lawful_basis	*b = privacy_basis(code);

	memset(p, 0, sizeof(*p));
	if (!empty(code) && b == NULL)
		p->basis = "Choose one of the lawful bases listed.";
	else if (b == NULL && (!empty(note) || !empty(date)))
		p->basis = "Choose the lawful basis this note and date are "
		    "about.";
	if (!empty(date))
		p->date = date_problem(date, today);
	else if (b != NULL && b->needs_date)
		p->date = "Give the date they consented, as YYYY-MM-DD: "
		    "consent needs a date.";
	if (b != NULL && b->needs_source && empty(source))
		p->source = "Say where their public role is published, for "
		    "example the register they were imported from.";
	else if (!empty(source) && utf8_length(source) > PRIVACY_SOURCE_MAX)
		p->source = "The source must be 300 characters or fewer.";
	return (p->basis != NULL) + (p->date != NULL) + (p->source != NULL);
}

/* s cut to at most max characters, on a character boundary. */
static const char *
cut(struct arena *a, const char *s, size_t max)
{
	size_t	 n = 0, i;

	if (s == NULL)
		return NULL;
	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && ++n > max)
			return arena_strndup(a, s, i);
	return s;
}

const char *
privacy_source_parliament(struct arena *a, const char *today)
{
	return cut(a, arena_printf(a, "UK Parliament Members API, imported %s",
	    today), PRIVACY_SOURCE_MAX);
}

const char *
privacy_source_moderngov(struct arena *a, const char *council,
    const char *today)
{
	return cut(a, arena_printf(a, "ModernGov: %s, imported %s",
	    council != NULL ? council : "", today), PRIVACY_SOURCE_MAX);
}

const char *
privacy_source_spreadsheet(struct arena *a, const char *filename,
    const char *today)
{
	const char	*name = filename != NULL && *filename != '\0' ?
	    cut(a, filename, 250) : "upload.csv";

	/* The name is cut first, so that the date always fits. */
	if (name == NULL)
		return NULL;
	return cut(a, arena_printf(a, "Spreadsheet import: %s, %s", name,
	    today), PRIVACY_SOURCE_MAX);
}

void
privacy_today(char out[11])
{
	time_t		 now = time(NULL);
	struct tm	 tm;

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		snprintf(out, 11, "1970-01-01");
}
