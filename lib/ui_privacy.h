/*
 * The lawful basis on the pages (privacy_basis.h): a person's basis,
 * note, date and source on their page, and the admin page's count of
 * people with none recorded.  Renderers only: they take what to show and
 * a writer, and never query.
 */
#ifndef TRACKER_UI_PRIVACY_H
#define TRACKER_UI_PRIVACY_H

struct html;
struct person;

/*
 * "Why we hold their details": the basis's label ("Not recorded" with a
 * prompt to record one when there is none: to edit the person when
 * can_edit, else to ask an editor), its date, note and source.
 */
void	ui_privacy_basis(struct html *, const struct person *, int can_edit);

/*
 * The admin page's line on people without a basis: how many, with a
 * link to the directory filtered to them; nothing when there are none.
 */
void	ui_privacy_no_basis(struct html *, long n);

#endif
