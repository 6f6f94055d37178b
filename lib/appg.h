/*
 * The APPG secretariat, domain side: groups with their officers, members
 * and benefits; meetings with agenda, attendance and actions, each
 * recording an "APPG meeting" engagement through engagement_save(); the
 * minutes' versions and workflow (draft, circulated, approved at a later
 * meeting, then locked); the dated settings; the checks that newly fail,
 * for the home page.  The structs are those of appg_rules.h.
 *
 * Every save is one transaction with its audit row.  Changes to a group,
 * its officers, members and benefits are logged on the group
 * ("appg_group"); a meeting's, its actions' and its minutes' on the
 * meeting ("appg_meeting"); settings on themselves.  Rows people edit
 * carry a version and a save that started from an older one fails with
 * DB_CONFLICT.  Deletes are soft and can be restored.
 *
 * Memory: everything comes back in the caller's arena.  Nothing prints.
 */
#ifndef TRACKER_APPG_H
#define TRACKER_APPG_H

#include <stddef.h>

#include "appg_rules.h"
#include "db.h"

struct arena;

/* One group in the list, with what the list shows of it. */
struct appg_group_row {
	struct appg_group	 group;
	size_t			 officers;	/* in post today */
	size_t			 members;	/* officers included */
	int			 failing;	/* checks failing today */
	const char		*last_meeting;	/* "" when none */
};

/* A group and everything its page and its checks need. */
struct appg_bundle {
	struct appg_group	 group;
	struct appg_officer	*officers;	/* deleted ones too, flagged */
	size_t			 nofficers;
	struct appg_member	*members;
	size_t			 nmembers;
	struct appg_meeting	*meetings;	/* newest first, no details */
	size_t			 nmeetings;
	struct appg_benefit	*benefits;
	size_t			 nbenefits;
	struct appg_setting	*settings;
	size_t			 nsettings;
	struct appg_person	*people;	/* of officers and members */
	size_t			 npeople;
	struct appg_facts	 facts;		/* points into the above */
};

struct appg_minutes {
	long long			 meeting_id;
	enum appg_minutes_status	 status;
	int				 current_number;
	int				 circulated_number;	/* 0: never */
	const char			*circulated_on;		/* or "" */
	const char			*approved_on;
	long long			 approved_at;	/* the approving meeting */
	const char			*approved_at_held_on;
	int				 version;
	const char			*body;		/* the current text */
	const char			*updated_at;	/* UTC */
};

struct appg_minutes_version {
	int		 number;
	const char	*how;		/* generated, edited, regenerated */
	const char	*created_by;
	const char	*created_at;	/* UTC, YYYY-MM-DD HH:MM */
	const char	*body;
};

/* Actions across meetings. */
enum appg_action_state {
	APPG_ACTIONS_OPEN, APPG_ACTIONS_OVERDUE, APPG_ACTIONS_DONE,
	APPG_ACTIONS_ALL, APPG_ACTIONS__MAX
};
extern const struct appg_name appg_action_states[APPG_ACTIONS__MAX];

/* A check that newly fails, and its group. */
struct appg_alert {
	long long		 group_id;
	const char		*group_title;
	struct appg_check	 check;
};

/* --- groups -------------------------------------------------------------- */

/* The groups, by title, with today's counts and failing checks. */
enum db_err	 appg_group_list(struct db *, struct arena *, const char *today,
		    int deleted, struct appg_group_row **, size_t *n);

/* Any group, deleted or not; DB_NOTFOUND if none. */
enum db_err	 appg_group_get(struct db *, struct arena *, long long id,
		    struct appg_group *);

/*
 * The group with its officers, members (their people, dated terms and
 * officer posts in the tracker's other groups), meetings, benefits and
 * the settings, ready for appg_check_all().  DB_NOTFOUND if none.
 */
enum db_err	 appg_bundle_load(struct db *, struct arena *, long long id,
		    struct appg_bundle *);

/* Create (id 0: sets id and version) or update (checks version). */
enum db_err	 appg_group_save(struct db *, const char *actor,
		    struct appg_group *);
enum db_err	 appg_group_set_deleted(struct db *, const char *actor,
		    long long id, int deleted);

/* --- officers, members, benefits --------------------------------------------- */

/*
 * Any officer, member or benefit row; its person's name in *name (may be
 * NULL; benefits have none).  DB_NOTFOUND if none.
 */
enum db_err	 appg_officer_get(struct db *, struct arena *, long long id,
		    struct appg_officer *, const char **name);
enum db_err	 appg_member_get(struct db *, struct arena *, long long id,
		    struct appg_member *, const char **name);
enum db_err	 appg_benefit_get(struct db *, struct arena *, long long id,
		    struct appg_benefit *);

/* Create (id 0) or update (checks version); logged on the group. */
enum db_err	 appg_officer_save(struct db *, const char *actor,
		    struct appg_officer *);
enum db_err	 appg_member_save(struct db *, const char *actor,
		    struct appg_member *);
enum db_err	 appg_benefit_save(struct db *, const char *actor,
		    struct appg_benefit *);

/*
 * Remove an officer from their post, or a member from the group, from
 * date (they held it until the day before).  DB_CONFLICT when already
 * ended by then or deleted.
 */
enum db_err	 appg_officer_end(struct db *, const char *actor, long long id,
		    const char *date);
enum db_err	 appg_member_end(struct db *, const char *actor, long long id,
		    const char *date);

/* Soft delete or restore (a row entered by mistake). */
enum db_err	 appg_officer_set_deleted(struct db *, const char *actor,
		    long long id, int deleted);
enum db_err	 appg_member_set_deleted(struct db *, const char *actor,
		    long long id, int deleted);
enum db_err	 appg_benefit_set_deleted(struct db *, const char *actor,
		    long long id, int deleted);

/* --- meetings -------------------------------------------------------------- */

/*
 * A meeting with its agenda, attendance (each person with their dated
 * terms) and actions, deleted or not.  DB_NOTFOUND if none.
 */
enum db_err	 appg_meeting_get(struct db *, struct arena *, long long id,
		    struct appg_meeting *);

/*
 * Create (id 0: sets id) or update (checks version) a meeting with its
 * agenda, attendance and actions (actions keep their ids), and in the
 * same transaction its "APPG meeting" engagement: created when the first
 * parliamentarian is recorded present, kept in step (date, time, who was
 * present) after, deleted when no one is present; one the user deleted
 * is left alone.  The engagement is saved through engagement_save() by
 * user_id, so the audit log, "new or existing" and the KPIs count it.
 */
enum db_err	 appg_meeting_save(struct db *, const char *actor,
		    long long user_id, struct appg_meeting *);

/* Soft delete or restore, its engagement with it. */
enum db_err	 appg_meeting_set_deleted(struct db *, const char *actor,
		    long long id, int deleted);

/*
 * The minutes a meeting would have now, generated from its record (see
 * appg_minutes_generate()).  DB_NOTFOUND if no such meeting.
 */
enum db_err	 appg_minutes_draft(struct db *, struct arena *,
		    long long meeting_id, char **markdown);

/* The notice for All-Party Notices (see appg_notice_text()). */
enum db_err	 appg_notice(struct db *, struct arena *, long long meeting_id,
		    char **text);

/*
 * Actions of every meeting (not deleted) in a state, for one group (0:
 * all): open ones by due date, done ones newest first.  Overdue means
 * open and due before today.
 */
enum db_err	 appg_actions_list(struct db *, struct arena *,
		    enum appg_action_state, long long group_id,
		    const char *today, struct appg_action **, size_t *n);

/*
 * Mark an action done on date, or open again (date NULL); bumps its
 * meeting's version.  DB_NOTFOUND if none (or its meeting is deleted).
 */
enum db_err	 appg_action_set_done(struct db *, const char *actor,
		    long long id, const char *date);

/* --- minutes ------------------------------------------------------------------ */

/* The minutes of a meeting; DB_NOTFOUND when there are none yet. */
enum db_err	 appg_minutes_get(struct db *, struct arena *,
		    long long meeting_id, struct appg_minutes *);

/* Every version, newest first, with its text. */
enum db_err	 appg_minutes_versions(struct db *, struct arena *,
		    long long meeting_id, struct appg_minutes_version **,
		    size_t *n);

/* One version; DB_NOTFOUND if none. */
enum db_err	 appg_minutes_version(struct db *, struct arena *,
		    long long meeting_id, int number,
		    struct appg_minutes_version *);

/*
 * Save body as the next version (how: "generated" for the first,
 * "edited", "regenerated").  version is the minutes' version the user
 * started from (0 for the first); DB_CONFLICT when it is not the current
 * one, or the minutes are approved (locked), or the meeting is deleted.
 * *version becomes the new one.
 */
enum db_err	 appg_minutes_save(struct db *, const char *actor,
		    long long meeting_id, int *version, const char *body,
		    const char *how);

/*
 * Draft to circulated on date (the current version is the one sent
 * round); DB_CONFLICT unless a draft at that version.
 */
enum db_err	 appg_minutes_circulate(struct db *, const char *actor,
		    long long meeting_id, int version, const char *date);

/*
 * Circulated to approved at a later meeting of the same group (held
 * after this one, not deleted), on its date; this locks the text.
 * DB_CONFLICT unless circulated at that version; DB_NOTFOUND when the
 * approving meeting does not qualify.
 */
enum db_err	 appg_minutes_approve(struct db *, const char *actor,
		    long long meeting_id, int version, long long at_meeting);

/* --- settings and the home page ------------------------------------------------ */

/* Every setting row, by name then date (deleted ones too, flagged). */
enum db_err	 appg_settings_list(struct db *, struct arena *,
		    struct appg_setting **, size_t *n);

/* Add a value from a date (sets id). */
enum db_err	 appg_setting_add(struct db *, const char *actor,
		    struct appg_setting *);
enum db_err	 appg_setting_set_deleted(struct db *, const char *actor,
		    long long id, int deleted);

/*
 * The checks of live groups that fail today but passed within the last
 * window days (see appg_newly_failing()), group by group.
 */
enum db_err	 appg_alerts(struct db *, struct arena *, const char *today,
		    int window, struct appg_alert **, size_t *n);

/* How many days back the home page looks for checks that newly fail. */
#define APPG_ALERT_WINDOW	28

#endif
