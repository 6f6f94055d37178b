/*
 * Subject access (UK GDPR article 15): everything the tracker holds about
 * one person, gathered into plain structs for lib/ui_privacy_sar.c to
 * render as a printable page or as JSON.  Domain only: never prints.
 *
 * What counts as the person: their record and any records merged into it
 * (not undone).  What is redacted: the export is about them, not about
 * the people they met, so other participants of their engagements are
 * never named ("another person", with a count), and the names of other
 * people in the directory are replaced by "[another person]" wherever
 * they occur in free text the export carries (engagement titles,
 * summaries and outcomes, follow-ups, their notes, APPG actions and
 * benefits).  Our own staff are counted, not named: they act for the
 * organisation, and the data protection lead can name them if asked.
 * Press items are published text and are exported as stored.  The audit
 * rows keep their actor (who changed the record is part of what the
 * person may ask about).
 *
 * An erased person (people.erased_at set, once the erasure migration is
 * in) is never exported: sar_export() says so and gathers nothing.
 */
#ifndef TRACKER_PRIVACY_SAR_H
#define TRACKER_PRIVACY_SAR_H

#include <stddef.h>

#include "db.h"
#include "directory.h"

struct arena;

#define SAR_OTHER_PERSON	"another person"	/* a participant */
#define SAR_REDACTED		"[another person]"	/* in free text */

/*
 * The people column whose being set means the person was erased.  The
 * profile is read column by column from the schema, so the check works
 * as soon as the column exists: no switch to turn on at merge.
 */
#define SAR_ERASED_COLUMN	"erased_at"

/* One column of the person's row, in schema order; value NULL for NULL. */
struct sar_field {
	const char	*name;
	const char	*value;
};

/* An engagement they took part in, with the others redacted. */
struct sar_engagement {
	long long	 id;
	const char	*date;		/* YYYY-MM-DD */
	const char	*type_label;
	const char	*title;		/* redacted */
	const char	*summary;	/* redacted */
	const char	*outcome;	/* redacted */
	const char	*role;		/* their category and party then */
	const char	*organisations;	/* organisations involved, "; " apart */
	long		 others;	/* other people present, unnamed */
	long		 staff;		/* our staff present, unnamed */
	int		 deleted;	/* soft-deleted, still held */
};

/* A follow-up of one of their engagements (the owner is staff, unnamed). */
struct sar_follow_up {
	long long	 engagement_id;
	const char	*action;	/* redacted */
	const char	*due_on;	/* YYYY-MM-DD or NULL */
	const char	*done_at;	/* UTC or NULL */
};

/* A press item that matched a watch term linked to them. */
struct sar_mention {
	long long	 id;
	const char	*state;		/* new, relevant, dismissed, logged */
	const char	*date;		/* published, else fetched; UTC */
	const char	*source;	/* outlet or feed */
	const char	*title;
	const char	*link;
	const char	*summary;
	const char	*terms;		/* the terms that matched, "; " apart */
};

/* An APPG role: officer post, membership, attendance or chairing. */
struct sar_appg_role {
	const char	*kind;		/* "officer", "member", "attendance", "chair" */
	const char	*group;
	const char	*detail;	/* post, status and capacity, meeting */
	const char	*from;		/* YYYY-MM-DD */
	const char	*to;		/* YYYY-MM-DD or NULL */
};

/* An APPG action or benefit whose text names them (owner or source). */
struct sar_appg_text {
	const char	*kind;		/* "action" or "benefit" */
	const char	*group;
	const char	*date;		/* meeting or received date */
	const char	*text;		/* redacted action or description */
	const char	*detail;	/* redacted owner or source, and more */
};

/*
 * One audit row about them or an engagement they took part in, before
 * and after as logged (JSON objects), redacted; an engagement's people
 * and staff lists become counts ("them and 1 other person", "2 staff").
 */
struct sar_audit {
	long long	 id;
	const char	*at;		/* UTC */
	const char	*actor;
	const char	*entity;
	long long	 entity_id;
	const char	*action;
	const char	*before;	/* NULL: none */
	const char	*after;
};

struct sar_export {
	long long		 person_id;
	const char		*full_name;
	int			 erased;	/* nothing else is filled in */
	const char		*generated_at;	/* UTC, YYYY-MM-DD HH:MM:SS */
	const char		*generated_by;
	struct sar_field	*profile;
	size_t			 nprofile;
	struct person_term	*terms;
	size_t			 nterms;
	struct person_merge	*merges;
	size_t			 nmerges;
	struct sar_engagement	*engagements;
	size_t			 nengagements;
	struct sar_follow_up	*follow_ups;
	size_t			 nfollow_ups;
	struct sar_mention	*mentions;
	size_t			 nmentions;
	struct sar_appg_role	*appg_roles;
	size_t			 nappg_roles;
	struct sar_appg_text	*appg_texts;
	size_t			 nappg_texts;
	struct sar_audit	*audit;
	size_t			 naudit;
	/* Everyone else's name in the directory, looked for (not shown). */
	const char		**redacted_names;
	size_t			 nredacted_names;
};

/*
 * Gather the export of person_id into *x (all in the arena), reading
 * only.  DB_NOTFOUND if there is no such person; DB_OK with x->erased set
 * (and nothing else gathered) for an erased one.
 */
enum db_err	 sar_gather(struct db *, struct arena *, long long person_id,
		    struct sar_export *x);

/*
 * The export as sar_gather() makes it, and its audit row (entity
 * "person", action "export", after {"format": format}) in the same
 * transaction, so the row shows in the next export, not this one.  An
 * erased person is not exported and no row is written.
 */
enum db_err	 sar_export(struct db *, struct arena *, const char *actor,
		    long long person_id, const char *format,
		    struct sar_export *x);

/*
 * names (none empty) indexed for sar_redact(), in the arena; the strings
 * are not copied and must outlive it.  NULL on out of memory.
 */
struct sar_names;
const struct sar_names *sar_names_index(struct arena *,
		    const char *const *names, size_t n);

/*
 * text with each indexed name (whole words, any ASCII case) replaced by
 * SAR_REDACTED, the longest first so "Ann Lee-Smith" goes whole; text
 * itself when nothing matched; NULL stays NULL.  NULL on out of memory.
 */
const char	*sar_redact(struct arena *, const char *text,
		    const struct sar_names *);

#endif
