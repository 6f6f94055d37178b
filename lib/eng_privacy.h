/*
 * Confidential engagements (issue 11, part 5).  An engagement marked
 * confidential keeps its type, date, people, organisations and policy
 * areas in sight, so it counts everywhere; its title, summary, outcome and
 * follow-up actions are for its author, the staff present and admins only.
 * Everyone else sees "Confidential engagement" in their place.
 *
 * One rule, two forms: eng_can_read_text() for an engagement loaded whole,
 * and ENG_TEXT_READABLE (lib/eng_sql.h) for lists that decide it in SQL.
 * Domain only: nothing here prints.
 */
#ifndef TRACKER_ENG_PRIVACY_H
#define TRACKER_ENG_PRIVACY_H

#include "engagements.h"

struct audit_entry;
struct session;

/* What others see in place of a confidential engagement's title. */
#define ENG_CONFIDENTIAL_TITLE	"Confidential engagement"
/* ... and in place of its summary, outcome and follow-up actions. */
#define ENG_CONFIDENTIAL_TEXT	"Confidential"

/* The binds of ENG_TEXT_READABLE for a reader (never NULL). */
#define ENG_READER_ARGS(r) DB_INT((r)->admin ? 1 : 0), \
	DB_INT((r)->user_id), DB_INT((r)->user_id)

/* The reader itself, or for NULL one who is nobody in particular. */
const struct eng_reader *eng_reader_or_nobody(const struct eng_reader *);

/* The reader a signed-in session is; a NULL session reads as nobody. */
struct eng_reader eng_reader_of(const struct session *);

/*
 * 1 if the reader may read the engagement's text: it is not confidential,
 * or the reader is an admin, its author (created_by) or one of the staff
 * present.  A NULL reader is nobody in particular.
 */
int		 eng_can_read_text(const struct eng_reader *,
		    const struct engagement *);

/*
 * Replace the text of the engagement (title, summary, outcome, follow-up
 * actions) with the confidential placeholders and set text_hidden, when
 * the reader may not read it; the rest stays.  Returns text_hidden.
 */
int		 eng_redact_for(const struct eng_reader *, struct engagement *);

/*
 * The audit entries of an engagement whose text is hidden from the reader
 * lose their before and after values (they hold the text); who did what
 * and when stays.
 */
void		 eng_redact_history(struct audit_entry *, size_t n);

#endif
