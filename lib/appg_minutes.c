/*
 * Minutes, notices, plain text and diffs for APPG meetings (see
 * appg_minutes.h).  Everything is built in a struct buf and copied into
 * the caller's arena at the end, so one check of buf.failed covers every
 * append.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "appg_minutes.h"
#include "appg_rules.h"
#include "arena.h"
#include "buf.h"

static int
empty(const char *s)
{
	return s == NULL || *s == '\0';
}

static char *
finish(struct arena *a, struct buf *b)
{
	char	*s = b->failed ? NULL : arena_strdup(a, b->len ? b->data : "");

	buf_free(b);
	return s;
}

/* --- Markdown escaping ------------------------------------------------------ */

char *
appg_md_escape(struct arena *a, const char *s)
{
	struct buf	 b;
	size_t		 i, end;

	buf_init(&b);
	/*
	 * Blanks around the text go: four leading spaces would make it a
	 * code block, fewer would hide a list marker from the checks of
	 * the first character, trailing ones before a newline a line break.
	 */
	if (s == NULL)
		s = "";
	s += strspn(s, " \t\r\n");
	for (end = strlen(s); end > 0 && strchr(" \t\r\n", s[end - 1]); end--)
		continue;
	for (i = 0; i < end; i++) {
		char	 c = s[i];

		/* Newlines cannot come from one-line fields; keep them inline. */
		if (c == '\n' || c == '\r') {
			buf_putc(&b, ' ');
			continue;
		}
		if (strchr("\\`*_[]<>#!|~&", c) != NULL ||
		    (i == 0 && strchr("+-=", c) != NULL) ||
		    ((c == '.' || c == ')') && i > 0 && s[i - 1] >= '0' &&
		    s[i - 1] <= '9' && strspn(s, "0123456789") == i))
			buf_putc(&b, '\\');
		buf_putc(&b, c);
	}
	return finish(a, &b);
}

/* --- people as the minutes name them ----------------------------------------- */

/* "Name MP", with "(Party, House of Commons)" as at the meeting. */
static void
person_line(struct arena *a, struct buf *b, const struct appg_person *p,
    const char *fallback, const char *date, const char *post)
{
	const struct appg_term	*t = p != NULL ? appg_term_on(p, date) : NULL;
	const char		*house = p != NULL ? appg_house_on(p, date) : NULL;
	const char		*name = p != NULL && p->name ? p->name : fallback;

	buf_printf(b, "- %s%s", appg_md_escape(a, name),
	    house != NULL && strcmp(house, "MP") == 0 ? " MP" : "");
	if (!empty(post))
		buf_printf(b, ", %s", post);
	if (house != NULL)
		buf_printf(b, " (%s%s%s)", t != NULL && !empty(t->party) ?
		    appg_md_escape(a, t->party) : "",
		    t != NULL && !empty(t->party) ? ", " : "",
		    strcmp(house, "MP") == 0 ? "House of Commons" :
		    "House of Lords");
	buf_putc(b, '\n');
}

/* The posts person_id holds on date, "Chair and Registered Contact". */
static const char *
posts_of(struct arena *a, const struct appg_minutes_input *in,
    long long person_id, const char *date)
{
	struct buf	 b;
	int		 post, n = 0;
	size_t		 i;

	buf_init(&b);
	for (post = 0; post < APPG_POST__MAX; post++)
		for (i = 0; i < in->nofficers; i++) {
			const struct appg_officer *o = &in->officers[i];

			if (o->deleted || o->person_id != person_id ||
			    (int)o->post != post ||
			    !appg_active_on(o->started_on, o->ended_on, date))
				continue;
			buf_printf(&b, "%s%s", n++ ? " and " : "",
			    appg_posts[post].label);
			break;
		}
	return finish(a, &b);
}

/* The first post (in the order of enum appg_post) held on date, or -1. */
static int
first_post(const struct appg_minutes_input *in, long long person_id,
    const char *date)
{
	size_t	 i;
	int	 best = -1;

	for (i = 0; i < in->nofficers; i++) {
		const struct appg_officer *o = &in->officers[i];

		if (!o->deleted && o->person_id == person_id &&
		    appg_active_on(o->started_on, o->ended_on, date) &&
		    (best == -1 || (int)o->post < best))
			best = (int)o->post;
	}
	return best;
}

/* --- the minutes ------------------------------------------------------------- */

static void
heading(struct buf *b, const char *text)
{
	buf_printf(b, "\n## %s\n\n", text);
}

static void
details(struct arena *a, struct buf *b, const struct appg_minutes_input *in)
{
	const struct appg_meeting	*m = in->meeting;

	buf_printf(b, "# %s\n\n", appg_md_escape(a, in->group->title));
	buf_printf(b, "## Minutes of the %s%s%s\n\n",
	    m->kind == APPG_KIND_EVENT ? "event" :
	    m->kind == APPG_KIND_INAUGURAL ? "inaugural meeting" :
	    m->kind == APPG_KIND_AGM ? "annual general meeting" :
	    m->kind == APPG_KIND_EGM ? "extraordinary general meeting" :
	    "meeting", empty(m->title) ? "" : ": ",
	    empty(m->title) ? "" : appg_md_escape(a, m->title));
	buf_printf(b, "- **Date:** %s\n", appg_date_long(a, m->held_on));
	if (!empty(m->starts_at))
		buf_printf(b, "- **Time:** %s\n", m->starts_at);
	if (!empty(m->place))
		buf_printf(b, "- **Place:** %s\n", appg_md_escape(a, m->place));
	if (!empty(in->chair))
		buf_printf(b, "- **Chair:** %s%s\n", appg_md_escape(a, in->chair),
		    m->chair_from_pool ? " (from the Speaker's pool)" : "");
}

/* Present: officers first (by their first post), then the members. */
static void
present(struct arena *a, struct buf *b, const struct appg_minutes_input *in)
{
	const struct appg_meeting	*m = in->meeting;
	size_t				 i, n = 0, officers = 0;
	int				 post;

	heading(b, "Present");
	for (post = 0; post < APPG_POST__MAX; post++)
		for (i = 0; i < m->nattendees; i++) {
			const struct appg_attendee *at = &m->attendees[i];

			if (at->status != APPG_PRESENT || at->person_id == 0 ||
			    first_post(in, at->person_id, m->held_on) != post)
				continue;
			if (officers++ == 0)
				buf_puts(b, "Officers:\n\n");
			person_line(a, b, at->person, at->name, m->held_on,
			    posts_of(a, in, at->person_id, m->held_on));
		}
	for (i = 0; i < m->nattendees; i++) {
		const struct appg_attendee *at = &m->attendees[i];

		if (at->status != APPG_PRESENT || (at->person_id != 0 &&
		    first_post(in, at->person_id, m->held_on) >= 0))
			continue;
		if (n++ == 0)
			buf_puts(b, officers ? "\nMembers:\n\n" : "Members:\n\n");
		person_line(a, b, at->person, at->name, m->held_on, NULL);
	}
	if (officers + n == 0)
		buf_puts(b, "No one is recorded as present.\n");
}

static void
apologies(struct arena *a, struct buf *b, const struct appg_minutes_input *in)
{
	const struct appg_meeting	*m = in->meeting;
	size_t				 i, n = 0;

	heading(b, "Apologies");
	for (i = 0; i < m->nattendees; i++)
		if (m->attendees[i].status == APPG_APOLOGIES) {
			person_line(a, b, m->attendees[i].person,
			    m->attendees[i].name, m->held_on, NULL);
			n++;
		}
	if (n == 0)
		buf_puts(b, "None.\n");
}

static void
in_attendance(struct arena *a, struct buf *b,
    const struct appg_minutes_input *in)
{
	const struct appg_meeting	*m = in->meeting;
	size_t				 i, n = 0;

	heading(b, "In attendance");
	for (i = 0; i < m->nattendees; i++) {
		const struct appg_attendee *at = &m->attendees[i];
		const char *name = at->person != NULL && at->person->name ?
		    at->person->name : at->name;

		if (at->status != APPG_IN_ATTENDANCE)
			continue;
		buf_printf(b, "- %s%s%s (%s)\n", appg_md_escape(a, name),
		    empty(at->organisation) ? "" : ", ",
		    appg_md_escape(a, at->organisation),
		    appg_capacities[at->capacity].label);
		n++;
	}
	if (n == 0)
		buf_puts(b, "None.\n");
}

static int
http_url(const char *u)
{
	return (strncmp(u, "https://", 8) == 0 || strncmp(u, "http://", 7) == 0) &&
	    strpbrk(u, "<> \t") == NULL;
}

/* A paper line: "Title https://..." or the address alone. */
static void
paper(struct arena *a, struct buf *b, const char *line, size_t len)
{
	char		*s = arena_strndup(a, line, len), *title;
	const char	*sp, *url;
	size_t		 end;

	if (s == NULL) {
		b->failed = 1;
		return;
	}
	end = strlen(s);
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\r'))
		s[--end] = '\0';
	sp = strrchr(s, ' ');
	url = sp != NULL ? sp + 1 : s;
	if (!http_url(url))
		buf_printf(b, "- %s\n", appg_md_escape(a, s));
	else if (sp == NULL)
		buf_printf(b, "- <%s>\n", url);
	else if ((title = arena_strndup(a, s, (size_t)(sp - s))) == NULL)
		b->failed = 1;
	else
		buf_printf(b, "- [%s](<%s>)\n", appg_md_escape(a, title), url);
}

static void
papers(struct arena *a, struct buf *b, const char *text)
{
	const char	*p = text, *nl;
	int		 n = 0;

	while (!empty(p)) {
		size_t len;

		nl = strchr(p, '\n');
		len = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (len > 0 && strspn(p, " \r") < len) {
			if (n++ == 0)
				buf_puts(b, "Papers:\n\n");
			paper(a, b, p, len);
		}
		p = nl != NULL ? nl + 1 : NULL;
	}
	if (n > 0)
		buf_putc(b, '\n');
}

/* User Markdown, ended by one newline. */
static void
markdown_block(struct buf *b, const char *md)
{
	size_t	 len = strlen(md);

	while (len > 0 && (md[len - 1] == '\n' || md[len - 1] == '\r' ||
	    md[len - 1] == ' '))
		len--;
	buf_append(b, md, len);
	buf_putc(b, '\n');
}

static void
agm_business(struct arena *a, struct buf *b,
    const struct appg_minutes_input *in, int *item)
{
	const struct appg_meeting	*m = in->meeting;
	size_t				 i;
	int				 post, n = 0;

	buf_printf(b, "\n## %d. Election of officers\n\n", (*item)++);
	for (post = 0; post < APPG_POST__MAX; post++)
		for (i = 0; i < in->nofficers; i++) {
			const struct appg_officer *o = &in->officers[i];

			if (o->deleted || (int)o->post != post ||
			    !appg_active_on(o->started_on, o->ended_on, m->held_on))
				continue;
			if (n++ == 0)
				buf_puts(b, "The following were elected officers of "
				    "the group:\n\n");
			person_line(a, b, o->person, "", m->held_on,
			    appg_posts[post].label);
		}
	if (n == 0)
		buf_puts(b, "No officers are recorded as elected.\n");
	buf_printf(b, "\n## %d. Income and expenditure statement\n\n",
	    (*item)++);
	if (!m->ie_approved) {
		buf_puts(b, "The income and expenditure statement was not "
		    "approved at this meeting.\n");
		return;
	}
	buf_printf(b, "The income and expenditure statement%s%s was approved",
	    empty(in->ie_year_end) ? "" : " for the year ending ",
	    empty(in->ie_year_end) ? "" : appg_date_long(a, in->ie_year_end));
	if (m->ie_nil_return)
		buf_puts(b, ": a nil return.\n");
	else if (m->ie_income >= 0 || m->ie_expenditure >= 0)
		buf_printf(b, ": income £%ld, expenditure £%ld.\n",
		    m->ie_income < 0 ? 0 : m->ie_income,
		    m->ie_expenditure < 0 ? 0 : m->ie_expenditure);
	else
		buf_puts(b, ".\n");
}

static void
agenda(struct arena *a, struct buf *b, const struct appg_minutes_input *in)
{
	const struct appg_meeting	*m = in->meeting;
	size_t				 i;
	int				 item = 1;

	if (in->napproved > 0) {
		buf_printf(b, "\n## %d. Minutes of the previous meeting\n\n",
		    item++);
		for (i = 0; i < in->napproved; i++)
			buf_printf(b, "%sThe minutes of the meeting of %s were "
			    "approved as a correct record.\n", i ? "\n" : "",
			    appg_date_long(a, in->approved[i]));
	}
	if (m->kind == APPG_KIND_AGM)
		agm_business(a, b, in, &item);
	for (i = 0; i < m->nagenda; i++) {
		const struct appg_agenda_item *it = &m->agenda[i];

		buf_printf(b, "\n## %d. %s\n\n", item++,
		    appg_md_escape(a, it->title));
		papers(a, b, it->papers);
		if (!empty(it->discussion))
			markdown_block(b, it->discussion);
		else
			buf_puts(b, "No discussion recorded.\n");
		if (!empty(it->decision)) {
			buf_puts(b, "\n**Decision:** ");
			markdown_block(b, it->decision);
		}
	}
}

static void
actions(struct arena *a, struct buf *b, const struct appg_minutes_input *in)
{
	const struct appg_meeting	*m = in->meeting;
	size_t				 i;

	heading(b, "Actions");
	for (i = 0; i < m->nactions; i++) {
		const struct appg_action *x = &m->actions[i];

		buf_printf(b, "- %s", appg_md_escape(a, x->action));
		if (!empty(x->owner))
			buf_printf(b, " (owner: %s", appg_md_escape(a, x->owner));
		if (!empty(x->due_on))
			buf_printf(b, "%sdue %s", empty(x->owner) ? " (" : "; ",
			    appg_date_long(a, x->due_on));
		buf_puts(b, !empty(x->owner) || !empty(x->due_on) ? ")\n" : "\n");
	}
	if (m->nactions == 0)
		buf_puts(b, "None recorded.\n");
}

char *
appg_minutes_generate(struct arena *a, const struct appg_minutes_input *in)
{
	struct buf	 b;

	buf_init(&b);
	details(a, &b, in);
	present(a, &b, in);
	apologies(a, &b, in);
	in_attendance(a, &b, in);
	if (in->quorum != NULL) {
		heading(&b, "Quorum");
		buf_printf(&b, "%s\n", in->quorum->why);
	}
	agenda(a, &b, in);
	actions(a, &b, in);
	heading(&b, "Date of next meeting");
	buf_printf(&b, "%s\n", empty(in->next_meeting_on) ? "To be announced." :
	    appg_date_long(a, in->next_meeting_on));
	return finish(a, &b);
}

/* --- the notice ---------------------------------------------------------------- */

char *
appg_notice_text(struct arena *a, const struct appg_notice_input *in)
{
	const struct appg_meeting	*m = in->meeting;
	struct buf			 b;
	size_t				 i, n = 0;

	buf_init(&b);
	buf_printf(&b, "%s\n\n", in->group->title);
	buf_printf(&b, "%s\n", appg_meeting_label(m));
	if (!empty(m->title))
		buf_printf(&b, "(%s)\n", appg_kinds[m->kind].label);
	buf_printf(&b, "%s%s%s\n", appg_date_long(a, m->held_on),
	    empty(m->starts_at) ? "" : ", ", empty(m->starts_at) ? "" :
	    m->starts_at);
	if (!empty(m->place))
		buf_printf(&b, "%s\n", m->place);
	if (m->nagenda > 0 || m->kind == APPG_KIND_AGM) {
		int item = 1;

		buf_puts(&b, "\nAgenda:\n");
		if (m->kind == APPG_KIND_AGM) {
			buf_printf(&b, "%d. Election of officers\n", item++);
			buf_printf(&b, "%d. Income and expenditure statement\n",
			    item++);
		}
		for (i = 0; i < m->nagenda; i++)
			buf_printf(&b, "%d. %s\n", item++, m->agenda[i].title);
	}
	for (i = 0; i < m->nattendees; i++) {
		const struct appg_attendee *at = &m->attendees[i];

		if (at->status != APPG_IN_ATTENDANCE ||
		    at->capacity != APPG_CAP_SPEAKER)
			continue;
		buf_printf(&b, "%s%s%s%s%s\n", n++ == 0 ? "\nSpeakers:\n" : "",
		    at->person != NULL && at->person->name ? at->person->name :
		    at->name, empty(at->organisation) ? "" : " (",
		    empty(at->organisation) ? "" : at->organisation,
		    empty(at->organisation) ? "" : ")");
	}
	if (m->decision_planned)
		buf_puts(&b, "\nA vote or decision will be taken.\n");
	buf_printf(&b, "\nParliamentary contact: %s\n", empty(in->contact) ?
	    "(no Registered Contact recorded)" : in->contact);
	if (!empty(in->group->enquiry_point))
		buf_printf(&b, "Public enquiries: %s\n", in->group->enquiry_point);
	return finish(a, &b);
}

/* --- Markdown as plain text ------------------------------------------------------ */

struct text_writer {
	struct buf	*out;
	size_t		 width;
};

/* The inline content of node as plain text ('\n' for a hard break). */
static void
inline_text(struct buf *b, cmark_node *node)
{
	cmark_node	*c;
	const char	*lit, *url;

	for (c = cmark_node_first_child(node); c != NULL; c = cmark_node_next(c))
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if ((lit = cmark_node_get_literal(c)) != NULL)
				buf_puts(b, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
			buf_putc(b, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			buf_putc(b, '\n');
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE: {
			size_t start = b->len;

			inline_text(b, c);
			url = cmark_node_get_url(c);
			if (!empty(url) && (b->len - start != strlen(url) ||
			    memcmp(b->data + start, url, strlen(url)) != 0))
				buf_printf(b, " <%s>", url);
			break;
		}
		case CMARK_NODE_HTML_INLINE:
			break;
		default:
			inline_text(b, c);
			break;
		}
}

/* Characters of UTF-8 text, not bytes. */
static size_t
columns(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/*
 * Text wrapped at the writer's width, the first line after first and
 * the others after rest ('\n' in text forces a break).
 */
static void
wrap(struct text_writer *t, const char *text, const char *first,
    const char *rest)
{
	const char	*p = text, *prefix = first;
	size_t		 col = 0, room;
	int		 line_start = 1;

	buf_puts(t->out, first);
	col = columns(first, strlen(first));
	while (*p != '\0') {
		size_t wlen;

		if (*p == '\n') {
			buf_putc(t->out, '\n');
			buf_puts(t->out, prefix = rest);
			col = columns(rest, strlen(rest));
			line_start = 1;
			p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		wlen = strcspn(p, " \n");
		room = t->width > col ? t->width - col : 0;
		if (!line_start && columns(p, wlen) + 1 > room) {
			buf_putc(t->out, '\n');
			buf_puts(t->out, prefix = rest);
			col = columns(rest, strlen(rest));
			line_start = 1;
		}
		if (!line_start) {
			buf_putc(t->out, ' ');
			col++;
		}
		buf_append(t->out, p, wlen);
		col += columns(p, wlen);
		line_start = 0;
		p += wlen;
	}
	(void)prefix;
	buf_putc(t->out, '\n');
}

static void render_blocks(struct text_writer *, cmark_node *, const char *,
    const char *, int);

/* The prefix without its trailing spaces, for blank lines. */
static void
blank_line(struct text_writer *t, const char *prefix)
{
	size_t	 len = strlen(prefix);

	while (len > 0 && prefix[len - 1] == ' ')
		len--;
	buf_append(t->out, prefix, len);
	buf_putc(t->out, '\n');
}

static char *
joined(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b);
	char	*s = malloc(la + lb + 1);

	if (s != NULL) {
		memcpy(s, a, la);
		memcpy(s + la, b, lb + 1);
	}
	return s;
}

static void
render_list(struct text_writer *t, cmark_node *list, const char *first,
    const char *rest)
{
	cmark_node	*item;
	int		 ordered = cmark_node_get_list_type(list) ==
	    CMARK_ORDERED_LIST;
	int		 number = cmark_node_get_list_start(list);
	int		 tight = cmark_node_get_list_tight(list);
	char		 marker[16], pad[16];

	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item), number++) {
		char	*f, *r;

		if (item != cmark_node_first_child(list) && !tight)
			blank_line(t, rest);
		if (ordered)
			snprintf(marker, sizeof(marker), "%d. ", number);
		else
			snprintf(marker, sizeof(marker), "- ");
		memset(pad, ' ', strlen(marker));
		pad[strlen(marker)] = '\0';
		f = joined(item == cmark_node_first_child(list) ? first : rest,
		    marker);
		r = joined(rest, pad);
		if (f == NULL || r == NULL)
			t->out->failed = 1;
		else
			render_blocks(t, item, f, r, tight);
		free(f);
		free(r);
	}
}

static void
render_heading(struct text_writer *t, cmark_node *node, const char *first,
    const char *rest)
{
	struct buf	 line;
	size_t		 n, i;
	int		 level = cmark_node_get_heading_level(node);

	buf_init(&line);
	inline_text(&line, node);
	if (line.failed)
		t->out->failed = 1;
	wrap(t, line.len ? line.data : "", first, rest);
	if (level <= 2) {
		n = columns(line.len ? line.data : "", line.len);
		buf_puts(t->out, rest);
		for (i = 0; i < n && i < t->width; i++)
			buf_putc(t->out, level == 1 ? '=' : '-');
		buf_putc(t->out, '\n');
	}
	buf_free(&line);
}

static void
render_block(struct text_writer *t, cmark_node *node, const char *first,
    const char *rest)
{
	struct buf	 text;
	const char	*lit, *p, *nl;
	char		*f, *r;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH:
		buf_init(&text);
		inline_text(&text, node);
		if (text.failed)
			t->out->failed = 1;
		wrap(t, text.len ? text.data : "", first, rest);
		buf_free(&text);
		break;
	case CMARK_NODE_HEADING:
		render_heading(t, node, first, rest);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		buf_printf(t->out, "%s----------\n", first);
		break;
	case CMARK_NODE_CODE_BLOCK:
		lit = cmark_node_get_literal(node);
		for (p = lit ? lit : ""; *p != '\0'; p = nl ? nl + 1 : "") {
			nl = strchr(p, '\n');
			buf_printf(t->out, "%s    ", p == lit ? first : rest);
			buf_append(t->out, p, nl ? (size_t)(nl - p) : strlen(p));
			buf_putc(t->out, '\n');
		}
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		f = joined(first, "> ");
		r = joined(rest, "> ");
		if (f == NULL || r == NULL)
			t->out->failed = 1;
		else
			render_blocks(t, node, f, r, 0);
		free(f);
		free(r);
		break;
	case CMARK_NODE_LIST:
		render_list(t, node, first, rest);
		break;
	default:
		/* Raw HTML is dropped, as the safe HTML rendering drops it. */
		break;
	}
}

static void
render_blocks(struct text_writer *t, cmark_node *parent, const char *first,
    const char *rest, int tight)
{
	cmark_node	*c;

	for (c = cmark_node_first_child(parent); c != NULL; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) == CMARK_NODE_HTML_BLOCK)
			continue;
		if (c != cmark_node_first_child(parent) && !tight)
			blank_line(t, rest);
		render_block(t, c, c == cmark_node_first_child(parent) ? first :
		    rest, rest);
	}
}

char *
appg_markdown_text(struct arena *a, const char *md, size_t width)
{
	cmark_node		*doc;
	struct buf		 b;
	struct text_writer	 t;

	if ((doc = cmark_parse_document(md, strlen(md),
	    CMARK_OPT_VALIDATE_UTF8)) == NULL)
		return NULL;
	buf_init(&b);
	t.out = &b;
	t.width = width;
	render_blocks(&t, doc, "", "", 0);
	cmark_node_free(doc);
	return finish(a, &b);
}

/* --- diff ------------------------------------------------------------------------- */

/* Split text into lines (a final newline ends the last line, not a new one). */
static const char **
lines_of(struct arena *a, const char *text, size_t *n)
{
	const char	**out, *p;
	size_t		 cap = 1, i = 0;

	for (p = text; *p != '\0'; p++)
		cap += *p == '\n';
	if ((out = arena_alloc(a, (cap + 1) * sizeof(*out))) == NULL)
		return NULL;
	for (p = text; *p != '\0'; ) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (len > 0 && p[len - 1] == '\r')
			len--;
		if ((out[i++] = arena_strndup(a, p, len)) == NULL)
			return NULL;
		p = nl ? nl + 1 : p + len;
	}
	*n = i;
	return out;
}

static void
push(struct appg_diff_line *out, size_t *n, char op, const char *text)
{
	out[*n].op = op;
	out[*n].text = text;
	(*n)++;
}

int
appg_diff(struct arena *a, const char *old, const char *new_text,
    size_t max_lines, struct appg_diff_line **out, size_t *n)
{
	const char	**x, **y;
	size_t		 nx = 0, ny = 0, head = 0, tail = 0, i, j, w;
	uint16_t	*lcs;

	*n = 0;
	if ((x = lines_of(a, old, &nx)) == NULL ||
	    (y = lines_of(a, new_text, &ny)) == NULL ||
	    (*out = arena_alloc(a, (nx + ny + 1) * sizeof(**out))) == NULL)
		return -1;
	while (head < nx && head < ny && strcmp(x[head], y[head]) == 0)
		head++;
	while (tail < nx - head && tail < ny - head &&
	    strcmp(x[nx - 1 - tail], y[ny - 1 - tail]) == 0)
		tail++;
	for (i = 0; i < head; i++)
		push(*out, n, ' ', x[i]);
	nx -= head + tail;
	ny -= head + tail;
	x += head;
	y += head;
	if (max_lines > 60000)
		max_lines = 60000;
	if (nx > max_lines || ny > max_lines) {
		for (i = 0; i < nx; i++)
			push(*out, n, '-', x[i]);
		for (j = 0; j < ny; j++)
			push(*out, n, '+', y[j]);
	} else {
		/* lcs[i][j]: the longest common run of x[i..] and y[j..]. */
		w = ny + 1;
		if ((lcs = arena_alloc(a, (nx + 1) * w * sizeof(*lcs))) == NULL)
			return -1;
		for (i = nx; i-- > 0; )
			for (j = ny; j-- > 0; )
				lcs[i * w + j] = strcmp(x[i], y[j]) == 0 ?
				    (uint16_t)(lcs[(i + 1) * w + j + 1] + 1) :
				    lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] ?
				    lcs[(i + 1) * w + j] : lcs[i * w + j + 1];
		for (i = 0, j = 0; i < nx || j < ny; ) {
			if (i < nx && j < ny && strcmp(x[i], y[j]) == 0) {
				push(*out, n, ' ', x[i]);
				i++, j++;
			} else if (j == ny || (i < nx &&
			    lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]))
				push(*out, n, '-', x[i++]);
			else
				push(*out, n, '+', y[j++]);
		}
	}
	for (i = 0; i < tail; i++)
		push(*out, n, ' ', x[nx + i]);
	return 0;
}
