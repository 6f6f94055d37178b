/*
 * The pages of erasure and retention: the confirmation that names what
 * an erasure will remove, its result, an erased person's page, and the
 * admin page of retention rules with the people due and the reminder.
 */
#ifndef TRACKER_UI_PRIVACY_ERASE_H
#define TRACKER_UI_PRIVACY_ERASE_H

#include <stddef.h>

struct erase_preview;
struct html;
struct retention_due;
struct retention_rule;
struct retention_status;
struct session;

struct erase_confirm_view {
	const struct session		*session;
	const struct erase_preview	*preview;
	const char			*typed;	/* the confirmation typed */
	const char			*error;	/* beside it, or NULL */
};

/* "Erase <name>?" with the counts and the typed confirmation. */
void	ui_erase_confirm(struct html *, const struct erase_confirm_view *);

/* After an erasure: what happened and where to go. */
void	ui_erase_done(struct html *, const struct session *);

/* The page of an erased person: nothing but that they were erased. */
void	ui_erased_person(struct html *, const struct session *,
	    const struct erase_preview *);

struct retention_view {
	const struct session		*session;
	const struct retention_rule	*rules;
	size_t				 nrules;
	const struct retention_due	*due;
	size_t				 ndue;
	const struct retention_status	*status;
	const char			*error;	/* a refused rule, or NULL */
	const char			*error_category;
	int				 saved;
};

/* /admin/retention: the rules, a form per category, and who is due. */
void	ui_retention_page(struct html *, const struct retention_view *);

/* The reminder paragraph for the admin index (nothing when not due). */
void	ui_retention_reminder(struct html *, const struct retention_status *);

#endif
