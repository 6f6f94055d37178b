/*
 * The page chrome every program shares: head, header with the areas and
 * the "Log out" button, main, footer.  Rendering only: takes what to show,
 * never queries.
 */
#ifndef TRACKER_LAYOUT_H
#define TRACKER_LAYOUT_H

struct html;
struct session;

/* Top-level areas; only those built are linked. */
enum area {
	AREA_NONE = 0,
	AREA_HOME,
	AREA_ENGAGEMENTS,
	AREA_FOLLOWUPS,
	AREA_PEOPLE,
	AREA_ORGANISATIONS,
	AREA_ADMIN,
	AREA_PRESS,
	AREA_REPORTS,
	AREA_APPG,
	AREA__MAX
};

struct page {
	const char		*title;		/* also the h1 */
	const struct session	*session;	/* NULL: not logged in */
	enum area		 area;		/* marked current in the nav */
};

void	layout_begin(struct html *, const struct page *);
void	layout_end(struct html *);

/* The hidden CSRF input every POST form carries. */
void	layout_csrf_input(struct html *, const char *token);

/* The areas that exist, for the nav and the home page. */
struct area_link {
	enum area	 area;
	const char	*href;
	const char	*label;
	const char	*blurb;
};

extern const struct area_link layout_areas[];

#endif
