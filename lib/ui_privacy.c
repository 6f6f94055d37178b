/*
 * The lawful basis as the pages show it (see ui_privacy.h).
 */
#include "config.h"

#include <stddef.h>

#include "directory.h"
#include "html.h"
#include "privacy_basis.h"
#include "ui.h"
#include "ui_privacy.h"

void
ui_privacy_basis(struct html *h, const struct person *p, int can_edit)
{
	const struct lawful_basis	*b = privacy_basis(p->lawful_basis);

	html_open(h, EL_SECTION, AT_CLASS, "privacy-basis", AT__MAX);
	html_elem(h, EL_H2, "Why we hold their details");
	html_open(h, EL_DL, AT_CLASS, "fields", AT__MAX);
	html_elem(h, EL_DT, "Lawful basis");
	html_open(h, EL_DD, AT_CLASS, b == NULL ? "basis-missing" : NULL,
	    AT__MAX);
	html_text(h, privacy_basis_label(p->lawful_basis));
	if (b == NULL)
		html_text(h, can_edit ? ": edit this person to record why we "
		    "hold their details." : ": an editor can record why we hold "
		    "their details.");
	html_close(h);
	ui_dl_row(h, b != NULL && b->needs_date ? "Consent given on" :
	    "Basis date", p->basis_date);
	if (p->basis_note != NULL && *p->basis_note != '\0') {
		html_elem(h, EL_DT, "Basis note");
		html_open(h, EL_DD, AT_CLASS, "notes", AT__MAX);
		html_text(h, p->basis_note);
		html_close(h);
	}
	ui_dl_row(h, "Source", p->data_source);
	html_close(h);	/* dl */
	html_close(h);	/* section */
}

void
ui_privacy_no_basis(struct html *h, long n)
{
	if (n <= 0)
		return;
	html_open(h, EL_P, AT_CLASS, "notice privacy-no-basis", AT_ROLE,
	    "status", AT__MAX);
	html_textf(h, "%ld %s no lawful basis recorded. ", n, n == 1 ?
	    "person in the directory has" : "people in the directory have");
	html_open(h, EL_A, AT_HREF, "/people?basis=" PRIVACY_BASIS_NONE,
	    AT__MAX);
	html_text(h, n == 1 ? "Review this person" : "Review them");
	html_close(h);
	html_text(h, " and record why we hold their details.");
	html_close(h);
}
