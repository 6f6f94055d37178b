/*
 * The APPG secretariat's forms between round trips, for cgi-bin/appg.c:
 * the field tables of each form, filling them from records, turning what
 * was posted into records with a message beside each bad field, naming
 * parliamentarians (typed names resolved against the directory and its
 * dated terms), and the meeting form with its repeated rows.  Every
 * function takes the request context; none prints.
 */
#ifndef TRACKER_APPG_FORM_H
#define TRACKER_APPG_FORM_H

#include <stddef.h>

#include "appg.h"
#include "db.h"
#include "form.h"
#include "ui_appg.h"

struct ctx;

enum appg_form_kind {
	APPG_FORM_GROUP, APPG_FORM_OFFICER, APPG_FORM_OFFICER_EDIT,
	APPG_FORM_MEMBER, APPG_FORM_MEMBER_EDIT, APPG_FORM_BENEFIT,
	APPG_FORM_SETTING, APPG_FORM__MAX
};

/* An empty form of a kind (defaults filled: today's dates, versions 0). */
int		 appg_form_empty(struct ctx *, enum appg_form_kind, struct form *);

/* The form as posted, each field validated on its own. */
int		 appg_form_posted(struct ctx *, enum appg_form_kind,
		    struct form *);

/* Forms filled from records, for their edit pages. */
int		 appg_form_from_group(struct ctx *, const struct appg_group *,
		    struct form *);
int		 appg_form_from_officer(struct ctx *, const struct appg_officer *,
		    const char *name, struct form *);
int		 appg_form_from_member(struct ctx *, const struct appg_member *,
		    const char *name, struct form *);
int		 appg_form_from_benefit(struct ctx *, const struct appg_benefit *,
		    struct form *);

/*
 * Records from posted forms, with the rules that span fields (a year end
 * that exists, a website that is a web address, a post that ends after
 * it starts, a parliamentarian who sat on the day).  The form's nerrors
 * says whether the record may be saved.
 */
void		 appg_form_to_group(struct ctx *, struct form *,
		    struct appg_group *);
enum db_err	 appg_form_to_officer(struct ctx *, struct form *,
		    struct appg_officer *);
enum db_err	 appg_form_to_member(struct ctx *, struct form *,
		    struct appg_member *);
void		 appg_form_to_benefit(struct ctx *, struct form *,
		    struct appg_benefit *);
void		 appg_form_to_setting(struct ctx *, struct form *,
		    struct appg_setting *);

/*
 * The parliamentarian a typed name means: "Name" or "Name #id" for
 * namesakes, an MP or a Peer in the directory's record on date.  *id is
 * 0 and *problem says why when it names no one, or several.
 */
enum db_err	 appg_form_parliamentarian(struct ctx *, const char *typed,
		    const char *date, long long *id, const char **problem);

/* The meeting form: from a saved meeting (NULL: a new one), or as posted. */
enum db_err	 appg_meeting_form_from(struct ctx *, const struct appg_bundle *,
		    const struct appg_meeting *, struct appg_meeting_form *);
enum db_err	 appg_meeting_form_posted(struct ctx *,
		    const struct appg_bundle *, struct appg_meeting_form *);

/* Two more empty rows of each repeated part (the "Add more rows" button). */
int		 appg_meeting_form_more(struct ctx *, struct appg_meeting_form *);

/*
 * The meeting the posted form describes (id, group), with every name
 * resolved; row and field messages are left on the form, whose
 * nerrors + nrow_errors say whether it may be saved.
 */
enum db_err	 appg_meeting_form_build(struct ctx *, struct appg_meeting_form *,
		    long long id, long long group_id, struct appg_meeting *);

#endif
