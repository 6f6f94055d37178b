/*
 * Renderers for the APPG secretariat: the list of groups, a group's page
 * (officers, members, checks, meetings, benefits), its printable register
 * entry, meetings and their form, the notice, minutes (printable on A4,
 * the editor, versions and their comparison), actions across meetings,
 * the settings, and the forms for officers, members and benefits.  They
 * take what to show and a writer; none queries or reads the request.
 */
#ifndef TRACKER_UI_APPG_H
#define TRACKER_UI_APPG_H

#include <stddef.h>

#include "appg.h"
#include "appg_minutes.h"
#include "appg_rules.h"
#include "form.h"
#include "ui.h"

struct audit_entry;
struct conflict_row;
struct html;
struct session;

struct appg_list_view {
	const struct session		*session;
	const struct appg_group_row	*rows;
	size_t				 n;
	int				 deleted;	/* listing deleted groups */
	const char			*notice;
};

void	ui_appg_list(struct html *, const struct appg_list_view *);

/* A small form shown on the group page (add an officer, a member...). */
struct appg_inline_form {
	const struct form	*form;
	const char		*problem;	/* above the form, or NULL */
};

struct appg_group_view {
	const struct session		*session;
	const struct appg_bundle	*bundle;
	const struct appg_check		*checks;	/* APPG_CHECK__MAX */
	int				 failing;
	const char			*today;
	struct appg_inline_form		 officer;	/* the add forms */
	struct appg_inline_form		 member;
	struct appg_inline_form		 benefit;
	const char			*notice;
};

void	ui_appg_group(struct html *, const struct appg_group_view *);
void	ui_appg_register(struct html *, const struct appg_group_view *);

/* A page with one form: a group, an officer, a member, a benefit, a setting. */
struct appg_form_view {
	const struct session	*session;
	const char		*title;		/* the page's h1 */
	const char		*action;	/* where the form posts */
	const char		*back;		/* where "Cancel" goes */
	const struct form	*form;
	const char		*lead;		/* a paragraph above, or NULL */
	const char		*problem;	/* "There is a problem" text */
	const struct conflict_row *conflict;	/* 409: both versions */
	size_t			 nconflict;
	const char		*delete_action;	/* a Delete button, or NULL */
	const char		*submit;	/* the button's words */
};

void	ui_appg_form(struct html *, const struct appg_form_view *);

/* --- the meeting form --------------------------------------------------- */

/* A member or officer of the group on the meeting's day, and their mark. */
struct appg_roster_row {
	long long	 person_id;
	const char	*name;
	const char	*role;		/* "Chair", "Member" */
	const char	*status;	/* present, apologies or "" */
};

/* A parliamentarian not in the group, present or sending apologies. */
struct appg_other_row {
	const char	*name;
	const char	*status;
	const char	*error;
};

struct appg_guest_row {
	const char	*name;
	const char	*organisation;
	const char	*capacity;
	const char	*error;
};

struct appg_item_row {
	const char	*title;
	const char	*papers;
	const char	*discussion;
	const char	*decision;
	const char	*error;
};

struct appg_action_row {
	const char	*id;
	const char	*action;
	const char	*owner;
	const char	*due_on;
	const char	*done_on;	/* kept while ticked */
	int		 done;
	const char	*error;
};

/* Everything the meeting form shows between round trips. */
struct appg_meeting_form {
	struct form		 form;	/* kind, title, date, time, place... */
	int			 decision_planned;
	int			 ie_approved;
	int			 ie_nil_return;
	int			 chair_from_pool;
	const char		*chair_error;
	struct appg_roster_row	*roster;
	size_t			 nroster;
	struct appg_other_row	*others;
	size_t			 nothers;
	struct appg_guest_row	*guests;
	size_t			 nguests;
	struct appg_item_row	*items;
	size_t			 nitems;
	struct appg_action_row	*actions;
	size_t			 nactions;
	size_t			 nrow_errors;
	const struct conflict_row *conflict;
	size_t			 nconflict;
};

struct appg_meeting_form_view {
	const struct session		*session;
	const struct appg_group		*group;
	const char			*title;
	const char			*action;
	const char			*back;
	const struct appg_meeting_form	*mf;
};

void	ui_appg_meeting_form(struct html *, const struct appg_meeting_form_view *);

/* --- a meeting, its notice, its minutes -------------------------------- */

struct appg_meeting_view {
	const struct session		*session;
	const struct appg_group		*group;
	const struct appg_meeting	*meeting;
	const struct appg_quorum	*quorum;
	const char			*chair;		/* who chaired */
	const char			*today;
	const char			*notice;
};

void	ui_appg_meeting(struct html *, const struct appg_meeting_view *);

struct appg_notice_view {
	const struct session		*session;
	const struct appg_group		*group;
	const struct appg_meeting	*meeting;
	const char			*text;
	const char			*due_by;	/* notice day, or NULL */
};

void	ui_appg_notice(struct html *, const struct appg_notice_view *);

struct appg_minutes_view {
	const struct session		*session;
	const struct appg_group		*group;
	const struct appg_meeting	*meeting;
	const struct appg_minutes	*minutes;	/* NULL: none yet */
	const struct appg_meeting	*approvers;	/* later meetings */
	size_t				 napprovers;
	const char			*notice;
	const char			*problem;
};

void	ui_appg_minutes(struct html *, const struct appg_minutes_view *);

struct appg_minutes_edit_view {
	const struct session		*session;
	const struct appg_group		*group;
	const struct appg_meeting	*meeting;
	const char			*body;
	int				 version;
	const char			*error;		/* beside the text */
	const struct conflict_row	*conflict;
	size_t				 nconflict;
};

void	ui_appg_minutes_edit(struct html *, const struct appg_minutes_edit_view *);

struct appg_versions_view {
	const struct session			*session;
	const struct appg_group			*group;
	const struct appg_meeting		*meeting;
	const struct appg_minutes		*minutes;
	const struct appg_minutes_version	*versions;	/* newest first */
	size_t					 n;
	const struct appg_minutes_version	*shown;	/* ?v=N, or NULL */
	/* A comparison of old_number with new_number, when asked. */
	const struct appg_diff_line		*diff;
	size_t					 ndiff;
	int					 old_number;
	int					 new_number;
};

void	ui_appg_versions(struct html *, const struct appg_versions_view *);

/* --- actions, settings, history ------------------------------------------ */

struct appg_actions_view {
	const struct session		*session;
	enum appg_action_state		 state;
	long long			 group_id;
	const struct appg_group_row	*groups;
	size_t				 ngroups;
	const struct appg_action	*actions;
	size_t				 n;
	const char			*today;
	const char			*notice;
};

void	ui_appg_actions(struct html *, const struct appg_actions_view *);

struct appg_settings_view {
	const struct session		*session;
	const struct appg_setting	*settings;	/* by name, then date */
	size_t				 n;
	const char			*today;
	const struct form		*form;		/* add a value */
	const char			*notice;
};

void	ui_appg_settings(struct html *, const struct appg_settings_view *);

/* The audit history of a group or a meeting. */
void	ui_appg_history(struct html *, const struct session *,
	    const char *title, const char *back, const struct audit_entry *,
	    size_t);

#endif
