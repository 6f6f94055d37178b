/*
 * APPG rules: the plain structs of a group (shared by the domain in
 * appg.c, the minutes in appg_minutes.c and the renderers), and the rule
 * checks of the House's Guide to the Rules on APPGs as pure functions of
 * them.  Nothing here touches the database or prints: every check can be
 * run on hand-made structs for any date, which is how the tests pin the
 * boundaries, and how the home page finds a check that newly fails.
 *
 * Numbers come from dated settings (struct appg_setting), never from
 * constants: the value in force on a day is the latest one that starts
 * on or before it.  Party and House "at the time" come from each
 * person's dated terms, read with the same rule as person_term_on() in
 * directory.c.
 *
 * Dates are "YYYY-MM-DD" strings (they compare as text); "" or NULL
 * means none.  Strings made here come from the caller's arena.
 */
#ifndef TRACKER_APPG_RULES_H
#define TRACKER_APPG_RULES_H

#include <stddef.h>

struct arena;

enum appg_kind {
	APPG_KIND_INAUGURAL, APPG_KIND_AGM, APPG_KIND_EGM, APPG_KIND_GENERAL,
	APPG_KIND_EVENT, APPG_KIND__MAX
};

enum appg_post {
	APPG_POST_CHAIR, APPG_POST_REGISTERED_CONTACT, APPG_POST_VICE_CHAIR,
	APPG_POST_TREASURER, APPG_POST_SECRETARY, APPG_POST_OFFICER,
	APPG_POST__MAX
};

enum appg_attend {
	APPG_PRESENT, APPG_APOLOGIES, APPG_IN_ATTENDANCE, APPG_ATTEND__MAX
};

enum appg_capacity {
	APPG_CAP_MEMBER, APPG_CAP_SPEAKER, APPG_CAP_GUEST,
	APPG_CAP_SECRETARIAT, APPG_CAP_OFFICIAL, APPG_CAP__MAX
};

enum appg_minutes_status {
	APPG_MINUTES_NONE, APPG_MINUTES_DRAFT, APPG_MINUTES_CIRCULATED,
	APPG_MINUTES_APPROVED, APPG_MINUTES__MAX
};

enum appg_setting_id {
	APPG_SET_OFFICERS_EXACT, APPG_SET_OFFICER_MPS_MIN, APPG_SET_MEMBERS_MIN,
	APPG_SET_OFFICER_POSTS_MAX, APPG_SET_AGM_QUORUM, APPG_SET_EGM_QUORUM,
	APPG_SET_MEETINGS_MIN, APPG_SET_NOTICE_DAYS,
	APPG_SET_AGM_DEADLINE_MONTHS, APPG_SET_BENEFIT_BAND,
	APPG_SET_ANNUAL_REPORT_THRESHOLD, APPG_SET_GOVERNING_PARTY,
	APPG_SET_OPPOSITION_PARTY, APPG_SET__MAX
};

/* The stored code and the words people see, for each enum. */
struct appg_name {
	const char	*code;
	const char	*label;
};
extern const struct appg_name appg_kinds[APPG_KIND__MAX];
extern const struct appg_name appg_posts[APPG_POST__MAX];
extern const struct appg_name appg_attends[APPG_ATTEND__MAX];
extern const struct appg_name appg_capacities[APPG_CAP__MAX];
extern const struct appg_name appg_minutes_statuses[APPG_MINUTES__MAX];
/* A setting's label is what it means; settings with a party value are
 * APPG_SET_GOVERNING_PARTY and APPG_SET_OPPOSITION_PARTY, the rest are
 * whole numbers. */
extern const struct appg_name appg_settings_names[APPG_SET__MAX];

/* The index of code in a table of n names, or -1. */
int		 appg_code_index(const struct appg_name *, size_t n,
		    const char *code);

/* A period of a person's category, party and House (person_terms). */
struct appg_term {
	const char	*category;	/* mp, peer, ... */
	const char	*party;
	const char	*house;		/* commons, lords or "" */
	const char	*started_on;
	const char	*ended_on;	/* NULL or "" while open */
};

/* A period of an officer post in another group the tracker knows. */
struct appg_period {
	long long	 group_id;
	const char	*started_on;
	const char	*ended_on;
};

/* Someone from the directory, with what the rules need of their past. */
struct appg_person {
	long long		 id;
	const char		*name;
	struct appg_term	*terms;
	size_t			 nterms;
	struct appg_period	*posts;		/* officer posts elsewhere */
	size_t			 nposts;
};

struct appg_group {
	long long	 id;
	const char	*title;
	const char	*purpose;
	const char	*category;	/* subject or country */
	int		 year_end_month;	/* 1-12 */
	int		 year_end_day;		/* 1-31 */
	const char	*reporting_deadline;	/* the Registrar's, or "" */
	const char	*enquiry_point;
	const char	*website;
	const char	*secretariat;
	const char	*registered_on;
	const char	*ie_published_on;
	const char	*annual_report_on;
	int		 version;
	int		 deleted;
};

/* One post held; in post from started_on to the day before ended_on. */
struct appg_officer {
	long long		 id;
	long long		 group_id;
	long long		 person_id;
	enum appg_post		 post;
	const char		*started_on;
	const char		*ended_on;	/* "" while in post */
	int			 posts_elsewhere;
	int			 version;
	int			 deleted;
	const struct appg_person *person;
};

struct appg_member {
	long long		 id;
	long long		 group_id;
	long long		 person_id;
	const char		*joined_on;
	const char		*left_on;	/* "" while a member */
	int			 version;
	int			 deleted;
	const struct appg_person *person;
};

struct appg_benefit {
	long long	 id;
	long long	 group_id;
	const char	*source;
	const char	*kind;		/* in_kind or financial */
	const char	*description;
	long		 value;		/* pounds */
	const char	*received_on;
	const char	*registered_on;	/* "" until registered */
	int		 version;
	int		 deleted;
};

struct appg_agenda_item {
	long long	 id;
	const char	*title;
	const char	*papers;	/* lines: "Title https://..." or a URL */
	const char	*discussion;	/* Markdown */
	const char	*decision;	/* Markdown, "" when none */
};

/* Present and apologies are parliamentarians (person set); in
 * attendance may be a named guest (person NULL, name given). */
struct appg_attendee {
	long long		 id;
	long long		 person_id;	/* 0: a guest */
	const char		*name;
	const char		*organisation;
	enum appg_attend	 status;
	enum appg_capacity	 capacity;
	const struct appg_person *person;
};

struct appg_action {
	long long	 id;
	long long	 meeting_id;
	const char	*action;
	const char	*owner;
	const char	*due_on;	/* "" when none */
	const char	*done_on;	/* "" while open */
	/* for lists across meetings: */
	long long	 group_id;
	const char	*group_title;
	const char	*meeting_held_on;
	const char	*meeting_label;
};

struct appg_meeting {
	long long		 id;
	long long		 group_id;
	enum appg_kind		 kind;
	const char		*title;		/* "" : the kind's label */
	const char		*held_on;
	const char		*starts_at;	/* HH:MM or "" */
	const char		*place;
	const char		*notice_on;	/* "" : none given */
	int			 decision_planned;
	int			 ie_approved;
	int			 ie_nil_return;
	long			 ie_income;	/* pounds, -1: not given */
	long			 ie_expenditure;
	long long		 chair_person_id;	/* 0: the group's Chair */
	const char		*chair_name;
	int			 chair_from_pool;
	long long		 engagement_id;	/* 0: none */
	int			 engagement_deleted;
	int			 version;
	int			 deleted;
	/* Derived when loaded, for lists and the rules. */
	int			 has_speaker;
	int			 has_decision;	/* planned or recorded */
	enum appg_minutes_status minutes;
	struct appg_agenda_item	*agenda;
	size_t			 nagenda;
	struct appg_attendee	*attendees;
	size_t			 nattendees;
	struct appg_action	*actions;
	size_t			 nactions;
};

struct appg_setting {
	long long		 id;
	enum appg_setting_id	 name;
	const char		*value;
	const char		*valid_from;
	const char		*note;
	const char		*created_by;
	int			 deleted;
};

/* Everything the checks read about one group. */
struct appg_facts {
	const struct appg_group		*group;
	const struct appg_officer	*officers;
	size_t				 nofficers;
	const struct appg_member	*members;
	size_t				 nmembers;
	const struct appg_meeting	*meetings;	/* any order */
	size_t				 nmeetings;
	const struct appg_benefit	*benefits;
	size_t				 nbenefits;
	const struct appg_setting	*settings;
	size_t				 nsettings;
};

enum appg_check_id {
	APPG_CHECK_OFFICERS, APPG_CHECK_OFFICER_MPS, APPG_CHECK_CHAIR_CONTACT,
	APPG_CHECK_PARTY_SPREAD, APPG_CHECK_MEMBERS, APPG_CHECK_OFFICER_POSTS,
	APPG_CHECK_MEETINGS, APPG_CHECK_AGM, APPG_CHECK_IE_STATEMENT,
	APPG_CHECK_NOTICE, APPG_CHECK_BENEFITS, APPG_CHECK_ANNUAL_REPORT,
	APPG_CHECK__MAX
};

/* What each check is about, without its numbers (for lists and tests). */
extern const char *const appg_check_names[APPG_CHECK__MAX];

/* The result of one check on one day. */
struct appg_check {
	enum appg_check_id	 id;
	const char		*title;		/* what the rule is */
	int			 pass;
	const char		*why;		/* the facts behind the result */
	const char		*todo;		/* what to do; "" when passing */
	const char		*failing_since;	/* appg_newly_failing() only */
};

/*
 * Run every check as of date (normally today), writing APPG_CHECK__MAX
 * results in check order.  Returns the number failing, or -1 when out
 * of memory.
 */
int		 appg_check_all(struct arena *, const struct appg_facts *,
		    const char *date, struct appg_check *out);

/*
 * The checks that fail on today but passed on some day of the window
 * days before it (an officer left the House, a member switched party, a
 * deadline went by): at most APPG_CHECK__MAX, each with failing_since,
 * the first day of its current failing run.  Returns how many, or -1
 * when out of memory.
 */
int		 appg_newly_failing(struct arena *, const struct appg_facts *,
		    const char *today, int window, struct appg_check *out);

/* Whether a meeting was quorate, by the quorum for its kind. */
struct appg_quorum {
	int		 required;	/* 0: no quorum rule for this kind */
	int		 counted;	/* members present who count */
	int		 met;
	const char	*why;
};

/*
 * Count the present who, on the meeting's day, were officers or members
 * of the group and sat in either House, against the quorum setting for
 * the kind (AGM, EGM).  Returns 0, or -1 when out of memory.
 */
int		 appg_quorum(struct arena *, const struct appg_facts *,
		    const struct appg_meeting *, struct appg_quorum *);

/*
 * A setting's value on date, or NULL when none is in force then; as a
 * number, or fallback when missing or not a number.
 */
const char	*appg_setting_on(const struct appg_facts *,
		    enum appg_setting_id, const char *date);
long		 appg_setting_num(const struct appg_facts *,
		    enum appg_setting_id, const char *date, long fallback);

/*
 * The person's term on date: started_on <= date and not ended by then
 * (ended_on empty or after date); the latest started when periods
 * overlap.  NULL when none (not in the directory's record that day).
 */
const struct appg_term *appg_term_on(const struct appg_person *,
		    const char *date);

/* "MP", "Peer" or NULL (not sitting in either House on date). */
const char	*appg_house_on(const struct appg_person *, const char *date);

/* 1 if the period [from, to) includes date (to empty: open). */
int		 appg_active_on(const char *from, const char *to,
		    const char *date);

/*
 * The £ band of a value with band size band, "£1,501–£3,000" style,
 * into out (48 bytes is enough); returns out.
 */
const char	*appg_band(char *out, size_t len, long value, long band);

/*
 * Whether notice was required for the meeting: an AGM, an EGM, an
 * outside speaker, a vote or decision (planned or recorded).
 */
int		 appg_notice_required(const struct appg_meeting *);

/*
 * The last reporting year to have ended before date: [start, end], by
 * the group's year end; both "" when the year end is not set.
 */
void		 appg_reporting_year(const struct appg_group *,
		    const char *date, char start[11], char end[11]);

/* Date arithmetic on "YYYY-MM-DD" (out gets 11 bytes); -1 if invalid. */
int		 appg_date_add_days(const char *date, long days, char *out);
int		 appg_date_add_months(const char *date, int months, char *out);
/* Days from a to b (b - a); 0 if either is invalid. */
long		 appg_date_diff(const char *a, const char *b);
/* "Tuesday 11 March 2025" in the arena; the date itself if invalid. */
const char	*appg_date_long(struct arena *, const char *date);

/* The meeting's title, or its kind's label when it has none. */
const char	*appg_meeting_label(const struct appg_meeting *);

#endif
