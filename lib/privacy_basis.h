/*
 * The lawful basis on which the tracker holds a person (UK GDPR article
 * 6), and where their details came from: the one table of basis codes
 * and labels, the rules a recorded basis must meet, and the source text
 * each importer writes.  Pure functions: no database, no printing, so the
 * person form, the CSV import and the tests share them.
 *
 * A person's basis is stored as a code (people.lawful_basis,
 * sql/010_privacy_basis.sql); NULL or "" means not recorded yet.
 */
#ifndef TRACKER_PRIVACY_BASIS_H
#define TRACKER_PRIVACY_BASIS_H

#include <stddef.h>

struct arena;

struct lawful_basis {
	const char	*code;		/* what is stored: "consent" */
	const char	*label;		/* what people see: "Consent" */
	int		 needs_date;	/* it needs a basis_date */
	int		 needs_source;	/* it needs a data_source */
};

/* Every basis, in the order forms offer them; ends with a NULL code. */
extern const struct lawful_basis lawful_bases[];

/* The query value of the directory filter for "not recorded". */
#define PRIVACY_BASIS_NONE	"none"

/* The longest note and source, in characters, as the schema allows. */
#define PRIVACY_NOTE_MAX	10000
#define PRIVACY_SOURCE_MAX	300

/* The basis with this code, or NULL (for "", NULL or an unknown code). */
const struct lawful_basis *privacy_basis(const char *code);

/* What a page shows for code: its label, or "Not recorded". */
const char	*privacy_basis_label(const char *code);

/*
 * The code a person typed in a spreadsheet cell: a code or a label, in
 * any case ("Consent", "public_role").  NULL if it is neither.
 */
const char	*privacy_basis_parse(const char *typed);

/* The messages privacy_basis_check() gives, by field. */
struct basis_problems {
	const char	*basis;
	const char	*date;
	const char	*source;
};

/*
 * Check a basis as a form or a spreadsheet row gives it: code empty or a
 * known code, date empty or a real YYYY-MM-DD not after today (YYYY-MM-DD
 * in Europe/London), a date for the bases that need one (consent: the
 * day it was given), a source for those that need one (public_role: the
 * register).  A note or date with no basis is refused too: they would
 * describe nothing.  Fills *p with a message per field in error (NULL
 * where there is none) and returns how many there are.
 */
int		 privacy_basis_check(const char *code, const char *date,
		    const char *source, const char *note, const char *today,
		    struct basis_problems *p);

/*
 * The source the importers record, in the arena (NULL out of memory),
 * cut to PRIVACY_SOURCE_MAX characters; today is YYYY-MM-DD:
 *   "UK Parliament Members API, imported 2026-11-25"
 *   "ModernGov: Leeds City Council, imported 2026-11-25"
 *   "Spreadsheet import: contacts.csv, 2026-11-25"
 */
const char	*privacy_source_parliament(struct arena *, const char *today);
const char	*privacy_source_moderngov(struct arena *, const char *council,
		    const char *today);
const char	*privacy_source_spreadsheet(struct arena *,
		    const char *filename, const char *today);

/* The basis a spreadsheet row without one gets. */
#define PRIVACY_SPREADSHEET_BASIS	"legitimate_interests"

/* Today's date in the process's time zone (TZ=Europe/London), YYYY-MM-DD. */
void		 privacy_today(char out[11]);

#endif
