#include "config.h"

#include <stddef.h>

#include "audit.h"
#include "auth.h"
#include "eng_privacy.h"
#include "engagements.h"
#include "users.h"

const struct eng_reader *
eng_reader_or_nobody(const struct eng_reader *r)
{
	static const struct eng_reader nobody = { 0, 0 };

	return r != NULL ? r : &nobody;
}

struct eng_reader
eng_reader_of(const struct session *s)
{
	struct eng_reader	 r = { 0, 0 };

	if (s != NULL) {
		r.user_id = s->user_id;
		r.admin = s->role >= ROLE_ADMIN;
	}
	return r;
}

/* One of the staff recorded as present. */
static int
was_present(const struct engagement *e, long long user_id)
{
	size_t	 i;

	for (i = 0; i < e->nstaff; i++)
		if (e->staff[i].id == user_id)
			return 1;
	return 0;
}

int
eng_can_read_text(const struct eng_reader *r, const struct engagement *e)
{
	if (!e->confidential)
		return 1;
	if (r == NULL)
		return 0;
	if (r->admin)
		return 1;
	/* User id 0 is nobody: it matches no author and no staff row. */
	return r->user_id > 0 && (e->created_by == r->user_id ||
	    was_present(e, r->user_id));
}

int
eng_redact_for(const struct eng_reader *r, struct engagement *e)
{
	size_t	 i;

	if (eng_can_read_text(r, e))
		return e->text_hidden = 0;
	e->title = ENG_CONFIDENTIAL_TITLE;
	e->summary = ENG_CONFIDENTIAL_TEXT;
	e->outcome = ENG_CONFIDENTIAL_TEXT;
	for (i = 0; i < e->nfollowups; i++)
		e->followups[i].action = ENG_CONFIDENTIAL_TEXT;
	return e->text_hidden = 1;
}

void
eng_redact_history(struct audit_entry *entries, size_t n)
{
	size_t	 i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < entries[i].nchanges; j++) {
			entries[i].changes[j].before = ENG_CONFIDENTIAL_TEXT;
			entries[i].changes[j].after = ENG_CONFIDENTIAL_TEXT;
		}
}
