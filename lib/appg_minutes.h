/*
 * Minutes of APPG meetings, pure: a meeting record in, Markdown out, in
 * the conventional order (title, date, time and place, present with
 * officers first and everyone's party and House at the time, apologies,
 * in attendance, each agenda item with its discussion and decision,
 * actions, the date of the next meeting; for an AGM the election of
 * officers and the income and expenditure statement).  Also the notice
 * for All-Party Notices, Markdown as plain text for email, and a line
 * diff of two versions.
 *
 * Nothing here queries or prints; every string comes from the caller's
 * arena.  Text from users that is not Markdown (names, titles, places)
 * is escaped, so it reads the same once rendered.
 */
#ifndef TRACKER_APPG_MINUTES_H
#define TRACKER_APPG_MINUTES_H

#include <stddef.h>

#include "appg_rules.h"

struct arena;

struct appg_minutes_input {
	const struct appg_group		*group;
	const struct appg_meeting	*meeting;	/* agenda, attendees, actions */
	const struct appg_officer	*officers;	/* the group's, any dates */
	size_t				 nofficers;
	const struct appg_quorum	*quorum;	/* NULL: not shown */
	const char			*chair;		/* who chaired, or "" */
	const char			*next_meeting_on;	/* or "" */
	const char			*ie_year_end;	/* AGM: the year reported */
	const char			**approved;	/* dates of meetings whose
							   minutes this one approved */
	size_t				 napproved;
};

/* The minutes as Markdown; NULL when out of memory. */
char		*appg_minutes_generate(struct arena *,
		    const struct appg_minutes_input *);

struct appg_notice_input {
	const struct appg_group		*group;
	const struct appg_meeting	*meeting;
	const char			*contact;	/* the parliamentary contact */
};

/*
 * The notice for All-Party Notices as plain text: the group, the kind of
 * meeting, date, time and place, the agenda, the outside speakers and
 * the parliamentary contact.  NULL when out of memory.
 */
char		*appg_notice_text(struct arena *, const struct appg_notice_input *);

/*
 * Markdown as plain text for email: headings underlined, paragraphs
 * wrapped at width columns, lists with "- " or "1. ", links as
 * "text <address>", no markup left.  NULL when out of memory or when
 * cmark fails.
 */
char		*appg_markdown_text(struct arena *, const char *markdown,
		    size_t width);

/* Text safe to put inline in Markdown: it renders as itself. */
char		*appg_md_escape(struct arena *, const char *text);

/* One line of a diff: ' ' in both, '-' only in the old, '+' only in the new. */
struct appg_diff_line {
	char		 op;
	const char	*text;
};

/*
 * The lines of old and new as a shortest-edit diff (longest common
 * subsequence of lines, common head and tail first).  Past max_lines
 * lines in the middle that differ, the middle is shown as all removed
 * then all added.  Returns 0, or -1 when out of memory.
 */
int		 appg_diff(struct arena *, const char *old, const char *new_text,
		    size_t max_lines, struct appg_diff_line **, size_t *n);

#endif
