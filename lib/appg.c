/*
 * The APPG secretariat against the database (see appg.h): groups and
 * their people, meetings and their engagements, minutes and settings.
 * The SQL is in this module's own statement table (DB_SLOT_APPG).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "appg.h"
#include "appg_minutes.h"
#include "appg_rules.h"
#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "db.h"
#include "directory.h"
#include "engagements.h"

const struct appg_name appg_action_states[APPG_ACTIONS__MAX] = {
	[APPG_ACTIONS_OPEN] = { "open", "Open" },
	[APPG_ACTIONS_OVERDUE] = { "overdue", "Overdue" },
	[APPG_ACTIONS_DONE] = { "done", "Done" },
	[APPG_ACTIONS_ALL] = { "all", "All" },
};

#define GROUP_COLUMNS \
	"g.id, g.title, g.purpose, g.category, g.year_end_month, " \
	"g.year_end_day, IFNULL(g.reporting_deadline, ''), g.enquiry_point, " \
	"g.website, g.secretariat, IFNULL(g.registered_on, ''), " \
	"IFNULL(g.ie_published_on, ''), IFNULL(g.annual_report_on, ''), " \
	"g.version, g.deleted_at IS NOT NULL FROM appg_groups g "

#define OFFICER_COLUMNS \
	"o.id, o.group_id, o.person_id, o.post, o.started_on, " \
	"IFNULL(o.ended_on, ''), o.posts_elsewhere, o.version, " \
	"o.deleted_at IS NOT NULL, p.full_name FROM appg_officers o " \
	"JOIN people p ON p.id = o.person_id "

#define MEMBER_COLUMNS \
	"x.id, x.group_id, x.person_id, x.joined_on, IFNULL(x.left_on, ''), " \
	"x.version, x.deleted_at IS NOT NULL, p.full_name FROM appg_members x " \
	"JOIN people p ON p.id = x.person_id "

#define BENEFIT_COLUMNS \
	"b.id, b.group_id, b.source, b.kind, b.description, b.value_pounds, " \
	"b.received_on, IFNULL(b.registered_on, ''), b.version, " \
	"b.deleted_at IS NOT NULL FROM appg_benefits b "

/* A speaker, or a decision planned or recorded: the meeting needs notice. */
#define MEETING_COLUMNS \
	"m.id, m.group_id, m.kind, m.title, m.held_on, " \
	"IFNULL(TIME_FORMAT(m.starts_at, '%H:%i'), ''), m.place, " \
	"IFNULL(m.notice_on, ''), m.decision_planned, m.ie_approved, " \
	"m.ie_nil_return, IFNULL(m.ie_income, -1), IFNULL(m.ie_expenditure, -1), " \
	"IFNULL(m.chair_person_id, 0), IFNULL(cp.full_name, ''), " \
	"m.chair_from_pool, IFNULL(m.engagement_id, 0), " \
	"IFNULL(e.deleted_at IS NOT NULL, 0), m.version, " \
	"m.deleted_at IS NOT NULL, EXISTS (SELECT 1 FROM appg_attendance s " \
	"WHERE s.meeting_id = m.id AND s.capacity = 'speaker' " \
	"AND s.status = 'in_attendance'), (m.decision_planned OR EXISTS (" \
	"SELECT 1 FROM appg_agenda_items d WHERE d.meeting_id = m.id " \
	"AND d.decision <> '')), IFNULL(mi.status, 'none') " \
	"FROM appg_meetings m LEFT JOIN people cp ON cp.id = m.chair_person_id " \
	"LEFT JOIN engagements e ON e.id = m.engagement_id " \
	"LEFT JOIN appg_minutes mi ON mi.meeting_id = m.id "

#define TERM_COLUMNS \
	"t.person_id, t.category, t.party, IFNULL(t.house, ''), t.started_on, " \
	"IFNULL(t.ended_on, '') FROM person_terms t "

/* Joined as a derived table: as "IN (...)" MariaDB reruns it per row. */
#define GROUP_PEOPLE \
	"JOIN (SELECT person_id FROM appg_officers WHERE group_id = ? UNION " \
	"SELECT person_id FROM appg_members WHERE group_id = ?) gp "

#define MINUTES_COLUMNS \
	"mi.meeting_id, mi.status, mi.current_number, " \
	"IFNULL(mi.circulated_number, 0), IFNULL(mi.circulated_on, ''), " \
	"IFNULL(mi.approved_on, ''), IFNULL(mi.approved_at_meeting_id, 0), " \
	"IFNULL(am.held_on, ''), mi.version, v.body, " \
	"DATE_FORMAT(mi.updated_at, '%Y-%m-%d %H:%i') FROM appg_minutes mi " \
	"JOIN appg_minutes_versions v ON v.meeting_id = mi.meeting_id " \
	"AND v.number = mi.current_number " \
	"LEFT JOIN appg_meetings am ON am.id = mi.approved_at_meeting_id "

enum {
	G_LIST, G_GET, G_INSERT, G_UPDATE, G_SET_DELETED,
	O_LIST, O_GET, O_INSERT, O_UPDATE, O_END, O_SET_DELETED,
	M_LIST, M_GET, M_INSERT, M_UPDATE, M_END, M_SET_DELETED,
	B_LIST, B_GET, B_INSERT, B_UPDATE, B_SET_DELETED,
	P_PEOPLE, P_TERMS, P_POSTS, P_PARLIAMENTARIANS,
	A_PEOPLE, A_TERMS,
	MT_LIST, MT_GET, MT_INSERT, MT_UPDATE, MT_SET_DELETED,
	MT_SET_ENGAGEMENT, MT_BUMP, MT_AGENDA, MT_ATTENDANCE, MT_ACTIONS,
	MT_CLEAR_AGENDA, MT_ADD_AGENDA, MT_CLEAR_ATTENDANCE, MT_ADD_ATTENDEE,
	MT_ACTION_IDS, MT_ACTION_UPDATE, MT_ACTION_INSERT, MT_ACTION_DELETE,
	MT_APPROVED_HERE,
	ACT_LIST, ACT_GET, ACT_SET_DONE,
	MIN_GET, MIN_LOCK, MIN_INSERT, MIN_ADD_VERSION, MIN_SET_CURRENT,
	MIN_CIRCULATE, MIN_APPROVER, MIN_APPROVE, MIN_VERSIONS, MIN_VERSION,
	MIN_MEETING_LIVE,
	S_LIST, S_INSERT, S_SET_DELETED,
	APPG__MAX
};

static const char *const appg_sql[APPG__MAX] = {
	[G_LIST] =
	    "SELECT " GROUP_COLUMNS "WHERE (g.deleted_at IS NOT NULL) = ? "
	    "ORDER BY g.title, g.id",
	[G_GET] = "SELECT " GROUP_COLUMNS "WHERE g.id = ?",
	[G_INSERT] =
	    "INSERT INTO appg_groups (title, purpose, category, year_end_month, "
	    "year_end_day, reporting_deadline, enquiry_point, website, "
	    "secretariat, registered_on, ie_published_on, annual_report_on, "
	    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, "
	    "?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP())",
	[G_UPDATE] =
	    "UPDATE appg_groups SET title = ?, purpose = ?, category = ?, "
	    "year_end_month = ?, year_end_day = ?, "
	    "reporting_deadline = NULLIF(?, ''), enquiry_point = ?, website = ?, "
	    "secretariat = ?, registered_on = NULLIF(?, ''), "
	    "ie_published_on = NULLIF(?, ''), annual_report_on = NULLIF(?, ''), "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND deleted_at IS NULL",
	[G_SET_DELETED] =
	    "UPDATE appg_groups SET deleted_at = IF(? = 1, UTC_TIMESTAMP(), NULL), "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND (deleted_at IS NULL) = (? = 1)",
	[O_LIST] =
	    "SELECT " OFFICER_COLUMNS "WHERE o.group_id = ? "
	    "ORDER BY o.ended_on IS NOT NULL, o.post, o.started_on, o.id",
	[O_GET] = "SELECT " OFFICER_COLUMNS "WHERE o.id = ?",
	[O_INSERT] =
	    "INSERT INTO appg_officers (group_id, person_id, post, started_on, "
	    "ended_on, posts_elsewhere, created_at, updated_at) VALUES (?, ?, ?, "
	    "?, NULLIF(?, ''), ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[O_UPDATE] =
	    "UPDATE appg_officers SET person_id = ?, post = ?, started_on = ?, "
	    "ended_on = NULLIF(?, ''), posts_elsewhere = ?, "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND deleted_at IS NULL",
	[O_END] =
	    "UPDATE appg_officers SET ended_on = ?, version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND deleted_at IS NULL "
	    "AND started_on <= ? AND (ended_on IS NULL OR ended_on > ?)",
	[O_SET_DELETED] =
	    "UPDATE appg_officers SET deleted_at = IF(? = 1, UTC_TIMESTAMP(), "
	    "NULL), version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND (deleted_at IS NULL) = (? = 1)",
	[M_LIST] =
	    "SELECT " MEMBER_COLUMNS "WHERE x.group_id = ? "
	    "ORDER BY x.left_on IS NOT NULL, p.full_name, x.id",
	[M_GET] = "SELECT " MEMBER_COLUMNS "WHERE x.id = ?",
	[M_INSERT] =
	    "INSERT INTO appg_members (group_id, person_id, joined_on, left_on, "
	    "created_at, updated_at) VALUES (?, ?, ?, NULLIF(?, ''), "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[M_UPDATE] =
	    "UPDATE appg_members SET person_id = ?, joined_on = ?, "
	    "left_on = NULLIF(?, ''), version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND deleted_at IS NULL",
	[M_END] =
	    "UPDATE appg_members SET left_on = ?, version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND deleted_at IS NULL "
	    "AND joined_on <= ? AND (left_on IS NULL OR left_on > ?)",
	[M_SET_DELETED] =
	    "UPDATE appg_members SET deleted_at = IF(? = 1, UTC_TIMESTAMP(), "
	    "NULL), version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND (deleted_at IS NULL) = (? = 1)",
	[B_LIST] =
	    "SELECT " BENEFIT_COLUMNS "WHERE b.group_id = ? "
	    "ORDER BY b.received_on DESC, b.id DESC",
	[B_GET] = "SELECT " BENEFIT_COLUMNS "WHERE b.id = ?",
	[B_INSERT] =
	    "INSERT INTO appg_benefits (group_id, source, kind, description, "
	    "value_pounds, received_on, registered_on, created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, ''), UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP())",
	[B_UPDATE] =
	    "UPDATE appg_benefits SET source = ?, kind = ?, description = ?, "
	    "value_pounds = ?, received_on = ?, registered_on = NULLIF(?, ''), "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND deleted_at IS NULL",
	[B_SET_DELETED] =
	    "UPDATE appg_benefits SET deleted_at = IF(? = 1, UTC_TIMESTAMP(), "
	    "NULL), version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND (deleted_at IS NULL) = (? = 1)",
	[P_PEOPLE] =
	    "SELECT p.id, p.full_name FROM people p " GROUP_PEOPLE
	    "ON gp.person_id = p.id ORDER BY p.id",
	[P_TERMS] =
	    "SELECT " TERM_COLUMNS GROUP_PEOPLE "ON gp.person_id = t.person_id "
	    "ORDER BY t.person_id, t.started_on, t.id",
	[P_POSTS] =
	    "SELECT o.person_id, o.group_id, o.started_on, IFNULL(o.ended_on, '') "
	    "FROM appg_officers o JOIN appg_groups g ON g.id = o.group_id "
	    "AND g.deleted_at IS NULL WHERE o.deleted_at IS NULL "
	    "AND o.group_id <> ? AND o.person_id IN (SELECT person_id "
	    "FROM appg_officers WHERE group_id = ?) ORDER BY o.person_id, o.id",
	[A_PEOPLE] =
	    "SELECT p.id, p.full_name FROM people p WHERE p.id IN "
	    "(SELECT person_id FROM appg_attendance WHERE meeting_id = ?) "
	    "ORDER BY p.id",
	[A_TERMS] =
	    "SELECT " TERM_COLUMNS "WHERE t.person_id IN (SELECT person_id "
	    "FROM appg_attendance WHERE meeting_id = ?) "
	    "ORDER BY t.person_id, t.started_on, t.id",
	[MT_LIST] =
	    "SELECT " MEETING_COLUMNS "WHERE m.group_id = ? "
	    "ORDER BY m.held_on DESC, m.id DESC",
	[MT_GET] = "SELECT " MEETING_COLUMNS "WHERE m.id = ?",
	[MT_INSERT] =
	    "INSERT INTO appg_meetings (group_id, kind, title, held_on, "
	    "starts_at, place, notice_on, decision_planned, ie_approved, "
	    "ie_nil_return, ie_income, ie_expenditure, chair_person_id, "
	    "chair_from_pool, created_at, updated_at) VALUES (?, ?, ?, ?, "
	    "NULLIF(?, ''), ?, NULLIF(?, ''), ?, ?, ?, NULLIF(?, -1), "
	    "NULLIF(?, -1), NULLIF(?, 0), ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[MT_UPDATE] =
	    "UPDATE appg_meetings SET kind = ?, title = ?, held_on = ?, "
	    "starts_at = NULLIF(?, ''), place = ?, notice_on = NULLIF(?, ''), "
	    "decision_planned = ?, ie_approved = ?, ie_nil_return = ?, "
	    "ie_income = NULLIF(?, -1), ie_expenditure = NULLIF(?, -1), "
	    "chair_person_id = NULLIF(?, 0), chair_from_pool = ?, "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND version = ? AND deleted_at IS NULL",
	[MT_SET_DELETED] =
	    "UPDATE appg_meetings SET deleted_at = IF(? = 1, UTC_TIMESTAMP(), "
	    "NULL), version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND (deleted_at IS NULL) = (? = 1)",
	[MT_SET_ENGAGEMENT] =
	    "UPDATE appg_meetings SET engagement_id = NULLIF(?, 0) WHERE id = ?",
	[MT_BUMP] =
	    "UPDATE appg_meetings SET version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[MT_AGENDA] =
	    "SELECT id, title, papers, discussion, decision "
	    "FROM appg_agenda_items WHERE meeting_id = ? ORDER BY position, id",
	[MT_ATTENDANCE] =
	    "SELECT a.id, IFNULL(a.person_id, 0), IFNULL(p.full_name, a.name), "
	    "a.organisation, a.status, a.capacity FROM appg_attendance a "
	    "LEFT JOIN people p ON p.id = a.person_id WHERE a.meeting_id = ? "
	    "ORDER BY a.position, a.id",
	[MT_ACTIONS] =
	    "SELECT id, meeting_id, action, owner, IFNULL(due_on, ''), "
	    "IFNULL(done_on, '') FROM appg_actions WHERE meeting_id = ? "
	    "ORDER BY position, id",
	[MT_CLEAR_AGENDA] = "DELETE FROM appg_agenda_items WHERE meeting_id = ?",
	[MT_ADD_AGENDA] =
	    "INSERT INTO appg_agenda_items (meeting_id, position, title, papers, "
	    "discussion, decision) VALUES (?, ?, ?, ?, ?, ?)",
	[MT_CLEAR_ATTENDANCE] = "DELETE FROM appg_attendance WHERE meeting_id = ?",
	[MT_ADD_ATTENDEE] =
	    "INSERT INTO appg_attendance (meeting_id, position, person_id, name, "
	    "organisation, status, capacity) VALUES (?, ?, NULLIF(?, 0), ?, ?, "
	    "?, ?)",
	[MT_ACTION_IDS] = "SELECT id FROM appg_actions WHERE meeting_id = ?",
	[MT_ACTION_UPDATE] =
	    "UPDATE appg_actions SET position = ?, action = ?, owner = ?, "
	    "due_on = NULLIF(?, ''), done_on = NULLIF(?, '') "
	    "WHERE id = ? AND meeting_id = ?",
	[MT_ACTION_INSERT] =
	    "INSERT INTO appg_actions (meeting_id, position, action, owner, "
	    "due_on, done_on) VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''))",
	[MT_ACTION_DELETE] =
	    "DELETE FROM appg_actions WHERE id = ? AND meeting_id = ?",
	[MT_APPROVED_HERE] =
	    "SELECT m.held_on FROM appg_minutes mi JOIN appg_meetings m "
	    "ON m.id = mi.meeting_id AND m.deleted_at IS NULL "
	    "WHERE mi.approved_at_meeting_id = ? AND mi.status = 'approved' "
	    "ORDER BY m.held_on, m.id",
	[ACT_LIST] =
	    "SELECT x.id, x.meeting_id, x.action, x.owner, IFNULL(x.due_on, ''), "
	    "IFNULL(x.done_on, ''), g.id, g.title, m.held_on, m.kind, m.title "
	    "FROM appg_actions x JOIN appg_meetings m ON m.id = x.meeting_id "
	    "AND m.deleted_at IS NULL JOIN appg_groups g ON g.id = m.group_id "
	    "AND g.deleted_at IS NULL WHERE (? = 0 OR g.id = ?) AND CASE ? "
	    "WHEN 'open' THEN x.done_on IS NULL "
	    "WHEN 'overdue' THEN x.done_on IS NULL AND x.due_on < ? "
	    "WHEN 'done' THEN x.done_on IS NOT NULL ELSE 1 END "
	    "ORDER BY x.done_on IS NOT NULL, "
	    "IF(x.done_on IS NULL, x.due_on IS NULL, 0), "
	    "IF(x.done_on IS NULL, x.due_on, NULL), x.done_on DESC, x.id",
	[ACT_GET] =
	    "SELECT x.meeting_id, IFNULL(x.done_on, '') FROM appg_actions x "
	    "JOIN appg_meetings m ON m.id = x.meeting_id AND m.deleted_at IS NULL "
	    "WHERE x.id = ? FOR UPDATE",
	[ACT_SET_DONE] = "UPDATE appg_actions SET done_on = ? WHERE id = ?",
	[MIN_GET] = "SELECT " MINUTES_COLUMNS "WHERE mi.meeting_id = ?",
	[MIN_LOCK] =
	    "SELECT status, version, current_number FROM appg_minutes "
	    "WHERE meeting_id = ? FOR UPDATE",
	[MIN_INSERT] =
	    "INSERT INTO appg_minutes (meeting_id, status, current_number, "
	    "version, created_at, updated_at) VALUES (?, 'draft', 1, 1, "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[MIN_ADD_VERSION] =
	    "INSERT INTO appg_minutes_versions (meeting_id, number, body, how, "
	    "created_by, created_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	[MIN_SET_CURRENT] =
	    "UPDATE appg_minutes SET current_number = ?, version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() WHERE meeting_id = ? AND version = ? "
	    "AND status <> 'approved'",
	[MIN_CIRCULATE] =
	    "UPDATE appg_minutes SET status = 'circulated', "
	    "circulated_number = current_number, circulated_on = ?, "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE meeting_id = ? AND version = ? AND status <> 'approved'",
	[MIN_APPROVER] =
	    "SELECT a.held_on FROM appg_meetings a JOIN appg_meetings m "
	    "ON m.id = ? WHERE a.id = ? AND a.group_id = m.group_id "
	    "AND a.deleted_at IS NULL AND a.held_on > m.held_on",
	[MIN_APPROVE] =
	    "UPDATE appg_minutes SET status = 'approved', "
	    "approved_at_meeting_id = ?, approved_on = ?, version = version + 1, "
	    "updated_at = UTC_TIMESTAMP() WHERE meeting_id = ? AND version = ? "
	    "AND status = 'circulated' AND current_number = circulated_number",
	[MIN_VERSIONS] =
	    "SELECT number, how, created_by, DATE_FORMAT(created_at, "
	    "'%Y-%m-%d %H:%i'), body FROM appg_minutes_versions "
	    "WHERE meeting_id = ? ORDER BY number DESC",
	[MIN_VERSION] =
	    "SELECT number, how, created_by, DATE_FORMAT(created_at, "
	    "'%Y-%m-%d %H:%i'), body FROM appg_minutes_versions "
	    "WHERE meeting_id = ? AND number = ?",
	[MIN_MEETING_LIVE] =
	    "SELECT id FROM appg_meetings WHERE id = ? AND deleted_at IS NULL "
	    "FOR UPDATE",
	[S_LIST] =
	    "SELECT id, name, value, valid_from, note, created_by, "
	    "deleted_at IS NOT NULL FROM appg_settings "
	    "ORDER BY name, valid_from, id",
	[S_INSERT] =
	    "INSERT INTO appg_settings (name, value, valid_from, note, "
	    "created_by, created_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	[S_SET_DELETED] =
	    "UPDATE appg_settings SET deleted_at = IF(? = 1, UTC_TIMESTAMP(), "
	    "NULL) WHERE id = ? AND (deleted_at IS NULL) = (? = 1)",
};

static const struct db_stmts appg_stmts = { DB_SLOT_APPG, appg_sql, APPG__MAX };

static enum db_err
query(struct db *db, struct arena *a, unsigned id, const struct db_val *args,
    size_t n, struct db_rows *r)
{
	return db_query_in(db, &appg_stmts, id, args, n, a, r);
}

static enum db_err
exec(struct db *db, unsigned id, const struct db_val *args, size_t n,
    unsigned long long *affected, unsigned long long *insert_id)
{
	return db_exec_in(db, &appg_stmts, id, args, n, affected, insert_id);
}

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

static int
cell_int(const struct db_rows *r, size_t i, size_t c)
{
	return (int)db_num(DB_CELL(r, i, c));
}

/* A table of n items of size from the arena (at least one, zeroed). */
static void *
table(struct arena *a, size_t n, size_t size)
{
	return arena_alloc(a, (n + 1) * size);
}

/* Fills the item at out from row i of r. */
typedef void (*row_fill)(const struct db_rows *r, size_t i, void *out);

/*
 * Runs statement id with args and returns a table (see table()) of its
 * rows, items of size, each filled by fill; *n is the row count.  On
 * failure returns NULL with *e set (and *n zero).
 */
static void *
load_rows(struct db *db, struct arena *a, unsigned id,
    const struct db_val *args, size_t nargs, size_t size, row_fill fill,
    size_t *n, enum db_err *e)
{
	struct db_rows	 r;
	char		*out;
	size_t		 i;

	*n = 0;
	if ((*e = query(db, a, id, args, nargs, &r)) != DB_OK)
		return NULL;
	if ((out = table(a, r.nrows, size)) == NULL) {
		*e = DB_NOMEM;
		return NULL;
	}
	for (i = 0; i < r.nrows; i++)
		fill(&r, i, out + i * size);
	*n = r.nrows;
	return out;
}

/* --- rows to structs --------------------------------------------------------- */

static void
group_from(const struct db_rows *r, size_t i, struct appg_group *g)
{
	g->id = db_num(DB_CELL(r, i, 0));
	g->title = DB_CELL(r, i, 1);
	g->purpose = DB_CELL(r, i, 2);
	g->category = DB_CELL(r, i, 3);
	g->year_end_month = cell_int(r, i, 4);
	g->year_end_day = cell_int(r, i, 5);
	g->reporting_deadline = DB_CELL(r, i, 6);
	g->enquiry_point = DB_CELL(r, i, 7);
	g->website = DB_CELL(r, i, 8);
	g->secretariat = DB_CELL(r, i, 9);
	g->registered_on = DB_CELL(r, i, 10);
	g->ie_published_on = DB_CELL(r, i, 11);
	g->annual_report_on = DB_CELL(r, i, 12);
	g->version = cell_int(r, i, 13);
	g->deleted = cell_int(r, i, 14);
}

static void
officer_from(const struct db_rows *r, size_t i, void *item)
{
	struct appg_officer	*o = item;
	int	 post = appg_code_index(appg_posts, APPG_POST__MAX,
	    DB_CELL(r, i, 3));

	o->id = db_num(DB_CELL(r, i, 0));
	o->group_id = db_num(DB_CELL(r, i, 1));
	o->person_id = db_num(DB_CELL(r, i, 2));
	o->post = post < 0 ? APPG_POST_OFFICER : (enum appg_post)post;
	o->started_on = DB_CELL(r, i, 4);
	o->ended_on = DB_CELL(r, i, 5);
	o->posts_elsewhere = cell_int(r, i, 6);
	o->version = cell_int(r, i, 7);
	o->deleted = cell_int(r, i, 8);
}

static void
member_from(const struct db_rows *r, size_t i, void *item)
{
	struct appg_member	*m = item;
	m->id = db_num(DB_CELL(r, i, 0));
	m->group_id = db_num(DB_CELL(r, i, 1));
	m->person_id = db_num(DB_CELL(r, i, 2));
	m->joined_on = DB_CELL(r, i, 3);
	m->left_on = DB_CELL(r, i, 4);
	m->version = cell_int(r, i, 5);
	m->deleted = cell_int(r, i, 6);
}

static void
benefit_from(const struct db_rows *r, size_t i, void *item)
{
	struct appg_benefit	*b = item;
	b->id = db_num(DB_CELL(r, i, 0));
	b->group_id = db_num(DB_CELL(r, i, 1));
	b->source = DB_CELL(r, i, 2);
	b->kind = DB_CELL(r, i, 3);
	b->description = DB_CELL(r, i, 4);
	b->value = (long)db_num(DB_CELL(r, i, 5));
	b->received_on = DB_CELL(r, i, 6);
	b->registered_on = DB_CELL(r, i, 7);
	b->version = cell_int(r, i, 8);
	b->deleted = cell_int(r, i, 9);
}

static void
meeting_from(const struct db_rows *r, size_t i, void *item)
{
	struct appg_meeting	*m = item;
	int	 kind = appg_code_index(appg_kinds, APPG_KIND__MAX,
	    DB_CELL(r, i, 2));
	int	 minutes = appg_code_index(appg_minutes_statuses,
	    APPG_MINUTES__MAX, DB_CELL(r, i, 22));

	memset(m, 0, sizeof(*m));
	m->id = db_num(DB_CELL(r, i, 0));
	m->group_id = db_num(DB_CELL(r, i, 1));
	m->kind = kind < 0 ? APPG_KIND_GENERAL : (enum appg_kind)kind;
	m->title = DB_CELL(r, i, 3);
	m->held_on = DB_CELL(r, i, 4);
	m->starts_at = DB_CELL(r, i, 5);
	m->place = DB_CELL(r, i, 6);
	m->notice_on = DB_CELL(r, i, 7);
	m->decision_planned = cell_int(r, i, 8);
	m->ie_approved = cell_int(r, i, 9);
	m->ie_nil_return = cell_int(r, i, 10);
	m->ie_income = (long)db_num(DB_CELL(r, i, 11));
	m->ie_expenditure = (long)db_num(DB_CELL(r, i, 12));
	m->chair_person_id = db_num(DB_CELL(r, i, 13));
	m->chair_name = DB_CELL(r, i, 14);
	m->chair_from_pool = cell_int(r, i, 15);
	m->engagement_id = db_num(DB_CELL(r, i, 16));
	m->engagement_deleted = cell_int(r, i, 17);
	m->version = cell_int(r, i, 18);
	m->deleted = cell_int(r, i, 19);
	m->has_speaker = cell_int(r, i, 20);
	m->has_decision = cell_int(r, i, 21);
	m->minutes = minutes < 0 ? APPG_MINUTES_NONE :
	    (enum appg_minutes_status)minutes;
}

static void
setting_from(const struct db_rows *r, size_t i, void *item)
{
	struct appg_setting	*s = item;
	int	 name = appg_code_index(appg_settings_names, APPG_SET__MAX,
	    DB_CELL(r, i, 1));

	s->id = db_num(DB_CELL(r, i, 0));
	/* A row for a setting this build does not know is left out. */
	s->name = name < 0 ? APPG_SET__MAX : (enum appg_setting_id)name;
	s->value = DB_CELL(r, i, 2);
	s->valid_from = DB_CELL(r, i, 3);
	s->note = DB_CELL(r, i, 4);
	s->created_by = DB_CELL(r, i, 5);
	s->deleted = cell_int(r, i, 6) || name < 0;
}

/* --- people with their terms ---------------------------------------------------- */

static struct appg_person *
find_person(struct appg_person *p, size_t n, long long id)
{
	size_t	 lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (p[mid].id == id)
			return &p[mid];
		if (p[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* People rows (id, name, by id) and their term rows (person first). */
static enum db_err
people_from(struct arena *a, const struct db_rows *pr,
    const struct db_rows *tr, struct appg_person **out, size_t *n)
{
	struct appg_person	*p;
	size_t			 i;

	if ((p = table(a, pr->nrows, sizeof(*p))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < pr->nrows; i++) {
		p[i].id = db_num(DB_CELL(pr, i, 0));
		p[i].name = DB_CELL(pr, i, 1);
		p[i].terms = table(a, tr->nrows, sizeof(*p[i].terms));
		if (p[i].terms == NULL)
			return DB_NOMEM;
	}
	for (i = 0; i < tr->nrows; i++) {
		struct appg_person *who = find_person(p, pr->nrows,
		    db_num(DB_CELL(tr, i, 0)));
		struct appg_term *t;

		if (who == NULL)
			continue;
		t = &who->terms[who->nterms++];
		t->category = DB_CELL(tr, i, 1);
		t->party = DB_CELL(tr, i, 2);
		t->house = DB_CELL(tr, i, 3);
		t->started_on = DB_CELL(tr, i, 4);
		t->ended_on = DB_CELL(tr, i, 5);
	}
	*out = p;
	*n = pr->nrows;
	return DB_OK;
}

static enum db_err
attach_posts(struct arena *a, const struct db_rows *r, struct appg_person *p,
    size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if ((p[i].posts = table(a, r->nrows, sizeof(*p[i].posts))) == NULL)
			return DB_NOMEM;
	for (i = 0; i < r->nrows; i++) {
		struct appg_person *who = find_person(p, n,
		    db_num(DB_CELL(r, i, 0)));
		struct appg_period *q;

		if (who == NULL)
			continue;
		q = &who->posts[who->nposts++];
		q->group_id = db_num(DB_CELL(r, i, 1));
		q->started_on = DB_CELL(r, i, 2);
		q->ended_on = DB_CELL(r, i, 3);
	}
	return DB_OK;
}

/* --- groups ------------------------------------------------------------------- */

enum db_err
appg_group_get(struct db *db, struct arena *a, long long id,
    struct appg_group *g)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(g, 0, sizeof(*g));
	if ((e = query(db, a, G_GET, DB_ARGS(DB_INT(id)), &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	group_from(&r, 0, g);
	return DB_OK;
}

static enum db_err
load_settings(struct db *db, struct arena *a, struct appg_setting **out,
    size_t *n)
{
	enum db_err	 e;

	*out = load_rows(db, a, S_LIST, NULL, 0, sizeof(**out), setting_from,
	    n, &e);
	return e;
}

enum db_err
appg_settings_list(struct db *db, struct arena *a, struct appg_setting **out,
    size_t *n)
{
	return load_settings(db, a, out, n);
}

static enum db_err
load_officers(struct db *db, struct arena *a, struct appg_bundle *b)
{
	enum db_err	 e;
	size_t		 i;

	b->officers = load_rows(db, a, O_LIST, DB_ARGS(DB_INT(b->group.id)),
	    sizeof(*b->officers), officer_from, &b->nofficers, &e);
	for (i = 0; i < b->nofficers; i++)
		b->officers[i].person = find_person(b->people, b->npeople,
		    b->officers[i].person_id);
	return e;
}

static enum db_err
load_members(struct db *db, struct arena *a, struct appg_bundle *b)
{
	enum db_err	 e;
	size_t		 i;

	b->members = load_rows(db, a, M_LIST, DB_ARGS(DB_INT(b->group.id)),
	    sizeof(*b->members), member_from, &b->nmembers, &e);
	for (i = 0; i < b->nmembers; i++)
		b->members[i].person = find_person(b->people, b->npeople,
		    b->members[i].person_id);
	return e;
}

static enum db_err
load_meetings_benefits(struct db *db, struct arena *a, struct appg_bundle *b)
{
	enum db_err	 e;

	b->meetings = load_rows(db, a, MT_LIST, DB_ARGS(DB_INT(b->group.id)),
	    sizeof(*b->meetings), meeting_from, &b->nmeetings, &e);
	if (e != DB_OK)
		return e;
	b->benefits = load_rows(db, a, B_LIST, DB_ARGS(DB_INT(b->group.id)),
	    sizeof(*b->benefits), benefit_from, &b->nbenefits, &e);
	return e;
}

static enum db_err
load_people(struct db *db, struct arena *a, struct appg_bundle *b)
{
	struct db_rows	 pr, tr, posts;
	enum db_err	 e;
	long long	 id = b->group.id;

	if ((e = query(db, a, P_PEOPLE, DB_ARGS(DB_INT(id), DB_INT(id)),
	    &pr)) != DB_OK ||
	    (e = query(db, a, P_TERMS, DB_ARGS(DB_INT(id), DB_INT(id)),
	    &tr)) != DB_OK ||
	    (e = query(db, a, P_POSTS, DB_ARGS(DB_INT(id), DB_INT(id)),
	    &posts)) != DB_OK ||
	    (e = people_from(a, &pr, &tr, &b->people, &b->npeople)) != DB_OK)
		return e;
	return attach_posts(a, &posts, b->people, b->npeople);
}

enum db_err
appg_bundle_load(struct db *db, struct arena *a, long long id,
    struct appg_bundle *b)
{
	enum db_err	 e;

	memset(b, 0, sizeof(*b));
	if ((e = appg_group_get(db, a, id, &b->group)) != DB_OK ||
	    (e = load_people(db, a, b)) != DB_OK ||
	    (e = load_officers(db, a, b)) != DB_OK ||
	    (e = load_members(db, a, b)) != DB_OK ||
	    (e = load_meetings_benefits(db, a, b)) != DB_OK ||
	    (e = load_settings(db, a, &b->settings, &b->nsettings)) != DB_OK)
		return e;
	b->facts.group = &b->group;
	b->facts.officers = b->officers;
	b->facts.nofficers = b->nofficers;
	b->facts.members = b->members;
	b->facts.nmembers = b->nmembers;
	b->facts.meetings = b->meetings;
	b->facts.nmeetings = b->nmeetings;
	b->facts.benefits = b->benefits;
	b->facts.nbenefits = b->nbenefits;
	b->facts.settings = b->settings;
	b->facts.nsettings = b->nsettings;
	return DB_OK;
}

/* Officers in post and people in the group (officers included) on date. */
static void
count_roster(const struct appg_bundle *b, const char *date, size_t *officers,
    size_t *members)
{
	size_t	 i, j;

	*officers = *members = 0;
	for (i = 0; i < b->npeople; i++) {
		int officer = 0, member = 0;

		for (j = 0; j < b->nofficers; j++)
			officer |= !b->officers[j].deleted &&
			    b->officers[j].person_id == b->people[i].id &&
			    appg_active_on(b->officers[j].started_on,
			    b->officers[j].ended_on, date);
		for (j = 0; j < b->nmembers; j++)
			member |= !b->members[j].deleted &&
			    b->members[j].person_id == b->people[i].id &&
			    appg_active_on(b->members[j].joined_on,
			    b->members[j].left_on, date);
		*officers += officer;
		*members += officer || member;
	}
}

enum db_err
appg_group_list(struct db *db, struct arena *a, const char *today,
    int deleted, struct appg_group_row **out, size_t *n)
{
	struct appg_check	 checks[APPG_CHECK__MAX];
	struct appg_bundle	 b;
	struct db_rows		 r;
	enum db_err		 e;
	size_t			 i, j;

	*n = 0;
	if ((e = query(db, a, G_LIST, DB_ARGS(DB_INT(deleted ? 1 : 0)),
	    &r)) != DB_OK)
		return e;
	if ((*out = table(a, r.nrows, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		struct appg_group_row *row = &(*out)[i];

		if ((e = appg_bundle_load(db, a, db_num(DB_CELL(&r, i, 0)),
		    &b)) != DB_OK)
			return e;
		row->group = b.group;
		count_roster(&b, today, &row->officers, &row->members);
		if ((row->failing = appg_check_all(a, &b.facts, today,
		    checks)) < 0)
			return DB_NOMEM;
		row->last_meeting = "";
		for (j = 0; j < b.nmeetings; j++)
			if (!b.meetings[j].deleted &&
			    strcmp(b.meetings[j].held_on, today) <= 0) {
				row->last_meeting = b.meetings[j].held_on;
				break;
			}
	}
	*n = r.nrows;
	return DB_OK;
}

static char *
group_json(struct arena *a, const struct appg_group *g)
{
	const struct audit_field f[] = {
		{ "title", g->title }, { "purpose", g->purpose },
		{ "category", g->category },
		{ "year ends", arena_printf(a, "%02d-%02d", g->year_end_month,
		    g->year_end_day) },
		{ "reporting deadline", g->reporting_deadline },
		{ "enquiry point", g->enquiry_point }, { "website", g->website },
		{ "secretariat", g->secretariat },
		{ "registered", g->registered_on },
		{ "I&E published", g->ie_published_on },
		{ "annual report", g->annual_report_on },
	};

	return audit_json(a, f, sizeof(f) / sizeof(f[0]));
}

#define GROUP_ARGS(g) DB_STR((g)->title), DB_STR(nz((g)->purpose)), \
	DB_STR((g)->category), DB_INT((g)->year_end_month), \
	DB_INT((g)->year_end_day), DB_STR(nz((g)->reporting_deadline)), \
	DB_STR(nz((g)->enquiry_point)), DB_STR(nz((g)->website)), \
	DB_STR(nz((g)->secretariat)), DB_STR(nz((g)->registered_on)), \
	DB_STR(nz((g)->ie_published_on)), DB_STR(nz((g)->annual_report_on))

/*
 * The end of every save: the audit row (entity, id), then commit, or
 * roll back on any error so far.
 */
static enum db_err
logged(struct db *db, enum db_err e, const char *actor, const char *entity,
    long long id, const char *action, const char *before, const char *after)
{
	if (e == DB_OK)
		e = audit_write(db, actor, entity, id, action, before, after);
	return db_finish(db, e);
}

/*
 * Runs update stmt with args unless the copy read before it is stale
 * (deleted, or another version): that, or no row updated because someone
 * saved meanwhile, is DB_CONFLICT.
 */
static enum db_err
update_unless_stale(struct db *db, int stale, unsigned stmt,
    const struct db_val *args, size_t n)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;

	if (stale)
		return DB_CONFLICT;
	e = exec(db, stmt, args, n, &affected, NULL);
	return e == DB_OK && affected == 0 ? DB_CONFLICT : e;
}

/*
 * After an add (before is NULL) or an edit was logged with result e: the
 * row's new version, or, for an add that failed, no id.
 */
static void
after_save(enum db_err e, const char *before, long long *id, int *version)
{
	if (e == DB_OK)
		*version = before ? *version + 1 : 1;
	else if (before == NULL)
		*id = 0;
}

enum db_err
appg_group_save(struct db *db, const char *actor, struct appg_group *g)
{
	struct arena		 a;
	struct appg_group	 old;
	unsigned long long	 id = 0;
	enum db_err		 e;
	const char		*before = NULL;

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	if (g->id == 0) {
		e = exec(db, G_INSERT, DB_ARGS(GROUP_ARGS(g)), NULL, &id);
		if (e == DB_OK)
			g->id = (long long)id;
	} else if ((e = appg_group_get(db, &a, g->id, &old)) == DB_OK) {
		before = group_json(&a, &old);
		e = update_unless_stale(db, old.deleted ||
		    old.version != g->version, G_UPDATE, DB_ARGS(GROUP_ARGS(g),
		    DB_INT(g->id), DB_INT(g->version)));
	}
	e = logged(db, e, actor, "appg_group", g->id, before ? "update" :
	    "create", before, group_json(&a, g));
	after_save(e, before, &g->id, &g->version);
out:
	arena_free(&a);
	return e;
}

/* Soft delete or restore a row of stmt, logged on entity id log_id. */
static enum db_err
set_deleted(struct db *db, const char *actor, unsigned stmt, long long id,
    int deleted, long long log_id, const char *what)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;
	char			 action[32], detail[64];

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = exec(db, stmt, DB_ARGS(DB_INT(deleted ? 1 : 0), DB_INT(id),
	    DB_INT(deleted ? 1 : 0)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_NOTFOUND;
	snprintf(action, sizeof(action), "%s%s%s", what ? what : "",
	    what ? " " : "", deleted ? "delete" : "restore");
	snprintf(detail, sizeof(detail), "{\"id\":\"%lld\"}", id);
	return logged(db, e, actor, "appg_group", log_id, action, NULL,
	    what ? detail : NULL);
}

enum db_err
appg_group_set_deleted(struct db *db, const char *actor, long long id,
    int deleted)
{
	return set_deleted(db, actor, G_SET_DELETED, id, deleted, id, NULL);
}

/* --- officers, members, benefits --------------------------------------------- */

enum db_err
appg_officer_get(struct db *db, struct arena *a, long long id,
    struct appg_officer *o, const char **name)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(o, 0, sizeof(*o));
	if ((e = query(db, a, O_GET, DB_ARGS(DB_INT(id)), &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	officer_from(&r, 0, o);
	if (name != NULL)
		*name = DB_CELL(&r, 0, 9);
	return DB_OK;
}

enum db_err
appg_member_get(struct db *db, struct arena *a, long long id,
    struct appg_member *m, const char **name)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(m, 0, sizeof(*m));
	if ((e = query(db, a, M_GET, DB_ARGS(DB_INT(id)), &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	member_from(&r, 0, m);
	if (name != NULL)
		*name = DB_CELL(&r, 0, 7);
	return DB_OK;
}

enum db_err
appg_benefit_get(struct db *db, struct arena *a, long long id,
    struct appg_benefit *b)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(b, 0, sizeof(*b));
	if ((e = query(db, a, B_GET, DB_ARGS(DB_INT(id)), &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	benefit_from(&r, 0, b);
	return DB_OK;
}

static char *
officer_json(struct arena *a, const struct appg_officer *o)
{
	const struct audit_field f[] = {
		{ "officer", arena_printf(a, "%lld", o->id) },
		{ "person", arena_printf(a, "%lld", o->person_id) },
		{ "post", appg_posts[o->post].label },
		{ "from", o->started_on }, { "until", o->ended_on },
		{ "posts elsewhere", arena_printf(a, "%d", o->posts_elsewhere) },
	};

	return audit_json(a, f, sizeof(f) / sizeof(f[0]));
}

static char *
member_json(struct arena *a, const struct appg_member *m)
{
	const struct audit_field f[] = {
		{ "member", arena_printf(a, "%lld", m->id) },
		{ "person", arena_printf(a, "%lld", m->person_id) },
		{ "joined", m->joined_on }, { "left", m->left_on },
	};

	return audit_json(a, f, sizeof(f) / sizeof(f[0]));
}

static char *
benefit_json(struct arena *a, const struct appg_benefit *b)
{
	const struct audit_field f[] = {
		{ "benefit", arena_printf(a, "%lld", b->id) },
		{ "source", b->source }, { "kind", b->kind },
		{ "description", b->description },
		{ "value", arena_printf(a, "%ld", b->value) },
		{ "received", b->received_on }, { "registered", b->registered_on },
	};

	return audit_json(a, f, sizeof(f) / sizeof(f[0]));
}

/* Whether the row being saved is of a live group (its parent). */
static enum db_err
live_group(struct db *db, struct arena *a, long long group_id)
{
	struct appg_group	 g;
	enum db_err		 e = appg_group_get(db, a, group_id, &g);

	return e == DB_OK && g.deleted ? DB_CONFLICT : e;
}

enum db_err
appg_officer_save(struct db *db, const char *actor, struct appg_officer *o)
{
	struct arena		 a;
	struct appg_officer	 old;
	unsigned long long	 id = 0;
	const char		*before = NULL;
	enum db_err		 e;

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	if ((e = live_group(db, &a, o->group_id)) != DB_OK)
		;
	else if (o->id == 0) {
		e = exec(db, O_INSERT, DB_ARGS(DB_INT(o->group_id),
		    DB_INT(o->person_id), DB_STR(appg_posts[o->post].code),
		    DB_STR(o->started_on), DB_STR(nz(o->ended_on)),
		    DB_INT(o->posts_elsewhere)), NULL, &id);
		o->id = (long long)id;
	} else if ((e = appg_officer_get(db, &a, o->id, &old, NULL)) == DB_OK) {
		before = officer_json(&a, &old);
		e = update_unless_stale(db, old.deleted ||
		    old.version != o->version || old.group_id != o->group_id,
		    O_UPDATE, DB_ARGS(DB_INT(o->person_id),
		    DB_STR(appg_posts[o->post].code), DB_STR(o->started_on),
		    DB_STR(nz(o->ended_on)), DB_INT(o->posts_elsewhere),
		    DB_INT(o->id), DB_INT(o->version)));
	}
	e = logged(db, e, actor, "appg_group", o->group_id, before ?
	    "officer edit" : "officer add", before, officer_json(&a, o));
	after_save(e, before, &o->id, &o->version);
out:
	arena_free(&a);
	return e;
}

enum db_err
appg_member_save(struct db *db, const char *actor, struct appg_member *m)
{
	struct arena		 a;
	struct appg_member	 old;
	unsigned long long	 id = 0;
	const char		*before = NULL;
	enum db_err		 e;

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	if ((e = live_group(db, &a, m->group_id)) != DB_OK)
		;
	else if (m->id == 0) {
		e = exec(db, M_INSERT, DB_ARGS(DB_INT(m->group_id),
		    DB_INT(m->person_id), DB_STR(m->joined_on),
		    DB_STR(nz(m->left_on))), NULL, &id);
		m->id = (long long)id;
	} else if ((e = appg_member_get(db, &a, m->id, &old, NULL)) == DB_OK) {
		before = member_json(&a, &old);
		e = update_unless_stale(db, old.deleted ||
		    old.version != m->version || old.group_id != m->group_id,
		    M_UPDATE, DB_ARGS(DB_INT(m->person_id),
		    DB_STR(m->joined_on), DB_STR(nz(m->left_on)), DB_INT(m->id),
		    DB_INT(m->version)));
	}
	e = logged(db, e, actor, "appg_group", m->group_id, before ?
	    "member edit" : "member add", before, member_json(&a, m));
	after_save(e, before, &m->id, &m->version);
out:
	arena_free(&a);
	return e;
}

enum db_err
appg_benefit_save(struct db *db, const char *actor, struct appg_benefit *b)
{
	struct arena		 a;
	struct appg_benefit	 old;
	unsigned long long	 id = 0;
	const char		*before = NULL;
	enum db_err		 e;

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	if ((e = live_group(db, &a, b->group_id)) != DB_OK)
		;
	else if (b->id == 0) {
		e = exec(db, B_INSERT, DB_ARGS(DB_INT(b->group_id),
		    DB_STR(b->source), DB_STR(b->kind), DB_STR(nz(b->description)),
		    DB_INT(b->value), DB_STR(b->received_on),
		    DB_STR(nz(b->registered_on))), NULL, &id);
		b->id = (long long)id;
	} else if ((e = appg_benefit_get(db, &a, b->id, &old)) == DB_OK) {
		before = benefit_json(&a, &old);
		e = update_unless_stale(db, old.deleted ||
		    old.version != b->version || old.group_id != b->group_id,
		    B_UPDATE, DB_ARGS(DB_STR(b->source), DB_STR(b->kind),
		    DB_STR(nz(b->description)), DB_INT(b->value),
		    DB_STR(b->received_on), DB_STR(nz(b->registered_on)),
		    DB_INT(b->id), DB_INT(b->version)));
	}
	e = logged(db, e, actor, "appg_group", b->group_id, before ?
	    "benefit edit" : "benefit add", before, benefit_json(&a, b));
	after_save(e, before, &b->id, &b->version);
out:
	arena_free(&a);
	return e;
}

/* End a post or a membership from date; logged on the group. */
static enum db_err
end_row(struct db *db, const char *actor, unsigned stmt, long long id,
    long long group_id, const char *what, const char *date)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;
	char			 detail[96];

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = exec(db, stmt, DB_ARGS(DB_STR(date), DB_INT(id), DB_STR(date),
	    DB_STR(date)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_CONFLICT;
	snprintf(detail, sizeof(detail), "{\"id\":\"%lld\",\"until\":\"%.10s\"}",
	    id, date);
	return logged(db, e, actor, "appg_group", group_id, what, NULL, detail);
}

/* The group of an officer ('o'), member ('m') or benefit ('b') row. */
static enum db_err
group_of(struct db *db, char kind, long long id, long long *group)
{
	struct arena		 a;
	struct appg_officer	 o;
	struct appg_member	 m;
	struct appg_benefit	 b;
	enum db_err		 e = DB_NOTFOUND;

	arena_init(&a);
	if (kind == 'o' && (e = appg_officer_get(db, &a, id, &o, NULL)) == DB_OK)
		*group = o.group_id;
	else if (kind == 'm' &&
	    (e = appg_member_get(db, &a, id, &m, NULL)) == DB_OK)
		*group = m.group_id;
	else if (kind == 'b' && (e = appg_benefit_get(db, &a, id, &b)) == DB_OK)
		*group = b.group_id;
	arena_free(&a);
	return e;
}

enum db_err
appg_officer_end(struct db *db, const char *actor, long long id,
    const char *date)
{
	long long	 group;
	enum db_err	 e;

	if ((e = group_of(db, 'o', id, &group)) != DB_OK)
		return e;
	return end_row(db, actor, O_END, id, group, "officer end", date);
}

enum db_err
appg_member_end(struct db *db, const char *actor, long long id,
    const char *date)
{
	long long	 group;
	enum db_err	 e;

	if ((e = group_of(db, 'm', id, &group)) != DB_OK)
		return e;
	return end_row(db, actor, M_END, id, group, "member end", date);
}

enum db_err
appg_officer_set_deleted(struct db *db, const char *actor, long long id,
    int deleted)
{
	long long	 group;
	enum db_err	 e;

	if ((e = group_of(db, 'o', id, &group)) != DB_OK)
		return e;
	return set_deleted(db, actor, O_SET_DELETED, id, deleted, group,
	    "officer");
}

enum db_err
appg_member_set_deleted(struct db *db, const char *actor, long long id,
    int deleted)
{
	long long	 group;
	enum db_err	 e;

	if ((e = group_of(db, 'm', id, &group)) != DB_OK)
		return e;
	return set_deleted(db, actor, M_SET_DELETED, id, deleted, group,
	    "member");
}

enum db_err
appg_benefit_set_deleted(struct db *db, const char *actor, long long id,
    int deleted)
{
	long long	 group;
	enum db_err	 e;

	if ((e = group_of(db, 'b', id, &group)) != DB_OK)
		return e;
	return set_deleted(db, actor, B_SET_DELETED, id, deleted, group,
	    "benefit");
}

/* --- meetings ----------------------------------------------------------------- */

static enum db_err
load_agenda(struct db *db, struct arena *a, struct appg_meeting *m)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	if ((e = query(db, a, MT_AGENDA, DB_ARGS(DB_INT(m->id)), &r)) != DB_OK)
		return e;
	if ((m->agenda = table(a, r.nrows, sizeof(*m->agenda))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		m->agenda[i].id = db_num(DB_CELL(&r, i, 0));
		m->agenda[i].title = DB_CELL(&r, i, 1);
		m->agenda[i].papers = DB_CELL(&r, i, 2);
		m->agenda[i].discussion = DB_CELL(&r, i, 3);
		m->agenda[i].decision = DB_CELL(&r, i, 4);
	}
	m->nagenda = r.nrows;
	return DB_OK;
}

static enum db_err
load_attendance(struct db *db, struct arena *a, struct appg_meeting *m)
{
	struct db_rows		 r, pr, tr;
	struct appg_person	*people;
	size_t			 npeople, i;
	enum db_err		 e;
	int			 st, cap;

	if ((e = query(db, a, MT_ATTENDANCE, DB_ARGS(DB_INT(m->id)), &r)) ||
	    (e = query(db, a, A_PEOPLE, DB_ARGS(DB_INT(m->id)), &pr)) ||
	    (e = query(db, a, A_TERMS, DB_ARGS(DB_INT(m->id)), &tr)) ||
	    (e = people_from(a, &pr, &tr, &people, &npeople)))
		return e;
	if ((m->attendees = table(a, r.nrows, sizeof(*m->attendees))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		struct appg_attendee *at = &m->attendees[i];

		at->id = db_num(DB_CELL(&r, i, 0));
		at->person_id = db_num(DB_CELL(&r, i, 1));
		at->name = DB_CELL(&r, i, 2);
		at->organisation = DB_CELL(&r, i, 3);
		st = appg_code_index(appg_attends, APPG_ATTEND__MAX,
		    DB_CELL(&r, i, 4));
		cap = appg_code_index(appg_capacities, APPG_CAP__MAX,
		    DB_CELL(&r, i, 5));
		at->status = st < 0 ? APPG_IN_ATTENDANCE : (enum appg_attend)st;
		at->capacity = cap < 0 ? APPG_CAP_GUEST : (enum appg_capacity)cap;
		at->person = at->person_id ? find_person(people, npeople,
		    at->person_id) : NULL;
	}
	m->nattendees = r.nrows;
	return DB_OK;
}

static enum db_err
load_actions(struct db *db, struct arena *a, struct appg_meeting *m)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	if ((e = query(db, a, MT_ACTIONS, DB_ARGS(DB_INT(m->id)), &r)) != DB_OK)
		return e;
	if ((m->actions = table(a, r.nrows, sizeof(*m->actions))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		struct appg_action *x = &m->actions[i];

		x->id = db_num(DB_CELL(&r, i, 0));
		x->meeting_id = db_num(DB_CELL(&r, i, 1));
		x->action = DB_CELL(&r, i, 2);
		x->owner = DB_CELL(&r, i, 3);
		x->due_on = DB_CELL(&r, i, 4);
		x->done_on = DB_CELL(&r, i, 5);
	}
	m->nactions = r.nrows;
	return DB_OK;
}

enum db_err
appg_meeting_get(struct db *db, struct arena *a, long long id,
    struct appg_meeting *m)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(m, 0, sizeof(*m));
	if ((e = query(db, a, MT_GET, DB_ARGS(DB_INT(id)), &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	meeting_from(&r, 0, m);
	if ((e = load_agenda(db, a, m)) != DB_OK ||
	    (e = load_attendance(db, a, m)) != DB_OK)
		return e;
	return load_actions(db, a, m);
}

static const char *
attendance_text(struct arena *a, const struct appg_meeting *m)
{
	struct buf	 b;
	const char	*s;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < m->nattendees; i++)
		buf_printf(&b, "%s%s: %s%s", i ? "; " : "",
		    appg_attends[m->attendees[i].status].label,
		    m->attendees[i].person_id ? arena_printf(a, "person %lld",
		    m->attendees[i].person_id) : nz(m->attendees[i].name),
		    m->attendees[i].capacity != APPG_CAP_MEMBER ?
		    arena_printf(a, " (%s)",
		    appg_capacities[m->attendees[i].capacity].label) : "");
	s = arena_strdup(a, b.len ? b.data : "");
	buf_free(&b);
	return s;
}

static const char *
agenda_text(struct arena *a, const struct appg_meeting *m)
{
	struct buf	 b;
	const char	*s;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < m->nagenda; i++)
		buf_printf(&b, "%s%zu. %s%s%s", i ? "; " : "", i + 1,
		    m->agenda[i].title, *nz(m->agenda[i].decision) ?
		    " — decision: " : "", nz(m->agenda[i].decision));
	for (i = 0; i < m->nactions; i++)
		buf_printf(&b, "%sAction: %s (%s, due %s%s)", b.len ? "; " : "",
		    m->actions[i].action, nz(m->actions[i].owner),
		    *nz(m->actions[i].due_on) ? m->actions[i].due_on : "-",
		    *nz(m->actions[i].done_on) ? ", done" : "");
	s = arena_strdup(a, b.len ? b.data : "");
	buf_free(&b);
	return s;
}

static char *
meeting_json(struct arena *a, const struct appg_meeting *m)
{
	const struct audit_field f[] = {
		{ "kind", appg_kinds[m->kind].label }, { "title", m->title },
		{ "date", m->held_on }, { "time", m->starts_at },
		{ "place", m->place }, { "notice", m->notice_on },
		{ "decision planned", m->decision_planned ? "yes" : "no" },
		{ "I&E approved", m->ie_approved ? "yes" : "no" },
		{ "nil return", m->ie_nil_return ? "yes" : "no" },
		{ "income", m->ie_income >= 0 ? arena_printf(a, "%ld",
		    m->ie_income) : "" },
		{ "expenditure", m->ie_expenditure >= 0 ? arena_printf(a, "%ld",
		    m->ie_expenditure) : "" },
		{ "chair", m->chair_person_id ? arena_printf(a, "person %lld",
		    m->chair_person_id) : "" },
		{ "chair from pool", m->chair_from_pool ? "yes" : "no" },
		{ "attendance", attendance_text(a, m) },
		{ "agenda and actions", agenda_text(a, m) },
	};

	return audit_json(a, f, sizeof(f) / sizeof(f[0]));
}

#define MEETING_ARGS(m) DB_STR(appg_kinds[(m)->kind].code), \
	DB_STR(nz((m)->title)), DB_STR((m)->held_on), \
	DB_STR(nz((m)->starts_at)), DB_STR(nz((m)->place)), \
	DB_STR(nz((m)->notice_on)), DB_INT((m)->decision_planned != 0), \
	DB_INT((m)->ie_approved != 0), DB_INT((m)->ie_nil_return != 0), \
	DB_INT((m)->ie_income), DB_INT((m)->ie_expenditure), \
	DB_INT((m)->chair_person_id), DB_INT((m)->chair_from_pool != 0)

static int
action_kept(const struct appg_meeting *m, long long id)
{
	size_t	 i;

	for (i = 0; i < m->nactions; i++)
		if (m->actions[i].id == id)
			return 1;
	return 0;
}

/* Actions keep their ids: update those still there, add, delete the rest. */
static enum db_err
write_actions(struct db *db, struct arena *a, const struct appg_meeting *m)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	e = query(db, a, MT_ACTION_IDS, DB_ARGS(DB_INT(m->id)), &r);
	for (i = 0; e == DB_OK && i < r.nrows; i++)
		if (!action_kept(m, db_num(DB_CELL(&r, i, 0))))
			e = exec(db, MT_ACTION_DELETE, DB_ARGS(
			    DB_INT(db_num(DB_CELL(&r, i, 0))), DB_INT(m->id)),
			    NULL, NULL);
	for (i = 0; e == DB_OK && i < m->nactions; i++) {
		const struct appg_action	*x = &m->actions[i];
		unsigned long long		 affected = 0;

		if (x->id > 0)
			e = exec(db, MT_ACTION_UPDATE, DB_ARGS(DB_INT(i),
			    DB_STR(x->action), DB_STR(nz(x->owner)),
			    DB_STR(nz(x->due_on)), DB_STR(nz(x->done_on)),
			    DB_INT(x->id), DB_INT(m->id)), &affected, NULL);
		if (e == DB_OK && affected == 0)
			e = exec(db, MT_ACTION_INSERT, DB_ARGS(DB_INT(m->id),
			    DB_INT(i), DB_STR(x->action), DB_STR(nz(x->owner)),
			    DB_STR(nz(x->due_on)), DB_STR(nz(x->done_on))),
			    NULL, NULL);
	}
	return e;
}

static enum db_err
write_details(struct db *db, struct arena *a, const struct appg_meeting *m)
{
	enum db_err	 e;
	size_t		 i;

	e = exec(db, MT_CLEAR_AGENDA, DB_ARGS(DB_INT(m->id)), NULL, NULL);
	for (i = 0; e == DB_OK && i < m->nagenda; i++) {
		const struct appg_agenda_item *it = &m->agenda[i];

		e = exec(db, MT_ADD_AGENDA, DB_ARGS(DB_INT(m->id), DB_INT(i),
		    DB_STR(it->title), DB_STR(nz(it->papers)),
		    DB_STR(nz(it->discussion)), DB_STR(nz(it->decision))),
		    NULL, NULL);
	}
	if (e == DB_OK)
		e = exec(db, MT_CLEAR_ATTENDANCE, DB_ARGS(DB_INT(m->id)), NULL,
		    NULL);
	for (i = 0; e == DB_OK && i < m->nattendees; i++) {
		const struct appg_attendee *at = &m->attendees[i];

		e = exec(db, MT_ADD_ATTENDEE, DB_ARGS(DB_INT(m->id), DB_INT(i),
		    DB_INT(at->person_id), DB_STR(at->person_id ? "" :
		    nz(at->name)), DB_STR(nz(at->organisation)),
		    DB_STR(appg_attends[at->status].code),
		    DB_STR(appg_capacities[at->capacity].code)), NULL, NULL);
	}
	return e == DB_OK ? write_actions(db, a, m) : e;
}

/* --- the meeting's engagement -------------------------------------------------- */

static int
has_id(const struct eng_person *p, size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (p[i].id == id)
			return 1;
	return 0;
}

/* 1 if the attendee is a parliamentarian on the meeting's day. */
static int
parliamentarian(const struct appg_meeting *m, const struct appg_attendee *at)
{
	return at->person_id != 0 && at->person != NULL &&
	    appg_house_on(at->person, m->held_on) != NULL;
}

/*
 * Who the engagement has: the parliamentarians present, and anyone on it
 * already whom the meeting's record does not mark present or sending
 * apologies (someone added to the engagement by hand, a speaker).
 */
static struct eng_person *
engagement_people(struct arena *a, const struct appg_meeting *m,
    const struct engagement *old, size_t *n)
{
	struct eng_person	*p;
	size_t			 i, j;

	*n = 0;
	if ((p = table(a, m->nattendees + (old ? old->npeople : 0),
	    sizeof(*p))) == NULL)
		return NULL;
	for (i = 0; i < m->nattendees; i++)
		if (m->attendees[i].status == APPG_PRESENT &&
		    parliamentarian(m, &m->attendees[i]) &&
		    !has_id(p, *n, m->attendees[i].person_id))
			p[(*n)++].id = m->attendees[i].person_id;
	for (i = 0; old != NULL && i < old->npeople; i++) {
		int managed = 0;

		for (j = 0; j < m->nattendees; j++)
			managed |= m->attendees[j].person_id == old->people[i].id &&
			    m->attendees[j].status != APPG_IN_ATTENDANCE;
		if (!managed && !has_id(p, *n, old->people[i].id))
			p[(*n)++] = old->people[i];
	}
	return p;
}

static size_t
present_parliamentarians(const struct appg_meeting *m)
{
	size_t	 i, n = 0;

	for (i = 0; i < m->nattendees; i++)
		n += m->attendees[i].status == APPG_PRESENT &&
		    parliamentarian(m, &m->attendees[i]);
	return n;
}

static enum db_err
engagement_create(struct db *db, struct arena *a, const char *actor,
    long long user_id, struct appg_meeting *m, const char *group_title)
{
	struct engagement	 en;
	enum db_err		 e;

	memset(&en, 0, sizeof(en));
	en.type = "appg_meeting";
	en.date = m->held_on;
	en.time = m->starts_at;
	en.title = arena_printf(a, "%s: %s", group_title, appg_meeting_label(m));
	en.summary = arena_printf(a, "Recorded from the group's [meeting "
	    "record](/appg/meetings/%lld): attendance, agenda and minutes are "
	    "there.", m->id);
	en.outcome = "";
	en.media_medium = en.media_programme = en.media_link = "";
	if (en.title == NULL || en.summary == NULL ||
	    (en.people = engagement_people(a, m, NULL, &en.npeople)) == NULL)
		return DB_NOMEM;
	if ((e = engagement_save(db, actor, user_id, &en)) != DB_OK)
		return e;
	m->engagement_id = en.id;
	return exec(db, MT_SET_ENGAGEMENT, DB_ARGS(DB_INT(en.id), DB_INT(m->id)),
	    NULL, NULL);
}

/*
 * Keep the meeting's engagement in step with the record (see
 * appg_meeting_save()); the user's own edits to it (summary, outcome,
 * policy areas, follow-ups, title) stay.
 */
static enum db_err
engagement_sync(struct db *db, struct arena *a, const char *actor,
    long long user_id, struct appg_meeting *m, const char *group_title)
{
	struct engagement	 en;
	struct eng_person	*people;
	size_t			 n;
	enum db_err		 e;

	if (m->engagement_id == 0)
		return present_parliamentarians(m) == 0 ? DB_OK :
		    engagement_create(db, a, actor, user_id, m, group_title);
	e = engagement_get(db, a, m->engagement_id, &en);
	if (e == DB_NOTFOUND) {
		m->engagement_id = 0;
		return engagement_sync(db, a, actor, user_id, m, group_title);
	}
	if (e != DB_OK || en.deleted)
		return e;
	if (present_parliamentarians(m) == 0)
		return engagement_delete(db, actor, en.id);
	en.type = "appg_meeting";
	en.date = m->held_on;
	en.time = m->starts_at;
	/* Not into en.npeople directly: engagement_people() reads it. */
	if ((people = engagement_people(a, m, &en, &n)) == NULL)
		return DB_NOMEM;
	en.people = people;
	en.npeople = n;
	return engagement_save(db, actor, user_id, &en);
}

/* Attendees' people and terms, as the sync and the checks read them. */
static enum db_err
attach_attendee_people(struct db *db, struct arena *a, struct appg_meeting *m)
{
	struct appg_meeting	 stored;
	size_t			 i, j;
	enum db_err		 e;

	stored.id = m->id;
	if ((e = load_attendance(db, a, &stored)) != DB_OK)
		return e;
	for (i = 0; i < m->nattendees; i++)
		for (j = 0; j < stored.nattendees; j++)
			if (stored.attendees[j].person_id ==
			    m->attendees[i].person_id)
				m->attendees[i].person = stored.attendees[j].person;
	return DB_OK;
}

enum db_err
appg_meeting_save(struct db *db, const char *actor, long long user_id,
    struct appg_meeting *m)
{
	struct arena		 a;
	struct appg_meeting	 old;
	struct appg_group	 g;
	unsigned long long	 id = 0;
	const char		*before = NULL;
	enum db_err		 e;

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	if ((e = appg_group_get(db, &a, m->group_id, &g)) == DB_OK && g.deleted)
		e = DB_CONFLICT;
	if (e != DB_OK)
		;
	else if (m->id == 0) {
		e = exec(db, MT_INSERT, DB_ARGS(DB_INT(m->group_id),
		    MEETING_ARGS(m)), NULL, &id);
		m->id = (long long)id;
		m->engagement_id = 0;
	} else if ((e = appg_meeting_get(db, &a, m->id, &old)) == DB_OK) {
		before = meeting_json(&a, &old);
		m->engagement_id = old.engagement_id;
		e = update_unless_stale(db, old.deleted ||
		    old.version != m->version || old.group_id != m->group_id,
		    MT_UPDATE, DB_ARGS(MEETING_ARGS(m), DB_INT(m->id),
		    DB_INT(m->version)));
	}
	if (e == DB_OK)
		e = write_details(db, &a, m);
	if (e == DB_OK)
		e = attach_attendee_people(db, &a, m);
	if (e == DB_OK)
		e = engagement_sync(db, &a, actor, user_id, m, g.title);
	e = logged(db, e, actor, "appg_meeting", m->id, before ? "update" :
	    "create", before, meeting_json(&a, m));
	after_save(e, before, &m->id, &m->version);
out:
	arena_free(&a);
	return e;
}

enum db_err
appg_meeting_set_deleted(struct db *db, const char *actor, long long id,
    int deleted)
{
	struct arena		 a;
	struct appg_meeting	 m;
	unsigned long long	 affected = 0;
	enum db_err		 e;

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	if ((e = appg_meeting_get(db, &a, id, &m)) == DB_OK)
		e = exec(db, MT_SET_DELETED, DB_ARGS(DB_INT(deleted ? 1 : 0),
		    DB_INT(id), DB_INT(deleted ? 1 : 0)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_NOTFOUND;
	/* The engagement goes and comes back with its meeting. */
	if (e == DB_OK && m.engagement_id != 0 &&
	    m.engagement_deleted != deleted) {
		e = deleted ? engagement_delete(db, actor, m.engagement_id) :
		    engagement_restore(db, actor, m.engagement_id);
		if (e == DB_NOTFOUND)
			e = DB_OK;
	}
	e = logged(db, e, actor, "appg_meeting", id, deleted ? "delete" :
	    "restore", NULL, NULL);
out:
	arena_free(&a);
	return e;
}

/* --- minutes from the record, and the notice ------------------------------------ */

/* The group's Chair on date, styled "Name MP", or "". */
static const char *
chair_on(struct arena *a, const struct appg_bundle *b, const char *date)
{
	size_t	 i;

	for (i = 0; i < b->nofficers; i++) {
		const struct appg_officer *o = &b->officers[i];
		const char *house;

		if (o->deleted || o->post != APPG_POST_CHAIR ||
		    !appg_active_on(o->started_on, o->ended_on, date) ||
		    o->person == NULL)
			continue;
		house = appg_house_on(o->person, date);
		return arena_printf(a, "%s%s", o->person->name,
		    house != NULL && strcmp(house, "MP") == 0 ? " MP" : "");
	}
	return "";
}

/* The Registered Contact on date, "Name MP (Registered Contact)", or "". */
static const char *
contact_on(struct arena *a, const struct appg_bundle *b, const char *date)
{
	size_t	 i;

	for (i = 0; i < b->nofficers; i++) {
		const struct appg_officer *o = &b->officers[i];
		const char *house;

		if (o->deleted || o->post != APPG_POST_REGISTERED_CONTACT ||
		    !appg_active_on(o->started_on, o->ended_on, date) ||
		    o->person == NULL)
			continue;
		house = appg_house_on(o->person, date);
		return arena_printf(a, "%s%s (Registered Contact)",
		    o->person->name, house != NULL && strcmp(house, "MP") == 0 ?
		    " MP" : "");
	}
	return "";
}

/* The next meeting of the group after m (bundle meetings are newest first). */
static const char *
next_meeting(const struct appg_bundle *b, const struct appg_meeting *m)
{
	const char	*next = "";
	size_t		 i;

	for (i = 0; i < b->nmeetings; i++) {
		const struct appg_meeting *x = &b->meetings[i];

		if (!x->deleted && x->id != m->id &&
		    (strcmp(x->held_on, m->held_on) > 0 ||
		    (strcmp(x->held_on, m->held_on) == 0 && x->id > m->id)))
			next = x->held_on;
	}
	return next;
}

enum db_err
appg_minutes_draft(struct db *db, struct arena *a, long long meeting_id,
    char **markdown)
{
	struct appg_minutes_input	 in;
	struct appg_meeting		 m;
	struct appg_bundle		 b;
	struct appg_quorum		 q;
	struct person_term		 t;
	struct db_rows			 r;
	char				 start[11], end[11];
	enum db_err			 e;
	size_t				 i;

	if ((e = appg_meeting_get(db, a, meeting_id, &m)) != DB_OK ||
	    (e = appg_bundle_load(db, a, m.group_id, &b)) != DB_OK ||
	    (e = query(db, a, MT_APPROVED_HERE, DB_ARGS(DB_INT(m.id)),
	    &r)) != DB_OK)
		return e;
	if (appg_quorum(a, &b.facts, &m, &q) == -1)
		return DB_NOMEM;
	memset(&in, 0, sizeof(in));
	in.group = &b.group;
	in.meeting = &m;
	in.officers = b.officers;
	in.nofficers = b.nofficers;
	in.quorum = m.kind == APPG_KIND_EVENT ? NULL : &q;
	if (m.chair_person_id != 0) {
		/* Styled as at the meeting: "Name MP" for a Member then. */
		e = person_term_on(db, a, m.chair_person_id, m.held_on, &t);
		if (e != DB_OK && e != DB_NOTFOUND)
			return e;
		in.chair = arena_printf(a, "%s%s", m.chair_name, e == DB_OK &&
		    strcmp(t.house, "commons") == 0 ? " MP" : "");
	} else
		in.chair = chair_on(a, &b, m.held_on);
	in.next_meeting_on = next_meeting(&b, &m);
	appg_reporting_year(&b.group, m.held_on, start, end);
	in.ie_year_end = end;
	if ((in.approved = table(a, r.nrows, sizeof(*in.approved))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++)
		in.approved[i] = DB_CELL(&r, i, 0);
	in.napproved = r.nrows;
	if ((*markdown = appg_minutes_generate(a, &in)) == NULL)
		return DB_NOMEM;
	return DB_OK;
}

enum db_err
appg_notice(struct db *db, struct arena *a, long long meeting_id, char **text)
{
	struct appg_notice_input	 in;
	struct appg_meeting		 m;
	struct appg_bundle		 b;
	enum db_err			 e;

	if ((e = appg_meeting_get(db, a, meeting_id, &m)) != DB_OK ||
	    (e = appg_bundle_load(db, a, m.group_id, &b)) != DB_OK)
		return e;
	in.group = &b.group;
	in.meeting = &m;
	in.contact = contact_on(a, &b, m.held_on);
	if ((*text = appg_notice_text(a, &in)) == NULL)
		return DB_NOMEM;
	return DB_OK;
}

/* --- actions across meetings ------------------------------------------------------ */

enum db_err
appg_actions_list(struct db *db, struct arena *a, enum appg_action_state st,
    long long group_id, const char *today, struct appg_action **out,
    size_t *n)
{
	struct db_rows	 r;
	enum db_err	 e;
	size_t		 i;

	*n = 0;
	e = query(db, a, ACT_LIST, DB_ARGS(DB_INT(group_id), DB_INT(group_id),
	    DB_STR(appg_action_states[st].code), DB_STR(today)), &r);
	if (e != DB_OK)
		return e;
	if ((*out = table(a, r.nrows, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		struct appg_action	*x = &(*out)[i];
		struct appg_meeting	 m;
		int			 kind = appg_code_index(appg_kinds,
		    APPG_KIND__MAX, DB_CELL(&r, i, 9));

		x->id = db_num(DB_CELL(&r, i, 0));
		x->meeting_id = db_num(DB_CELL(&r, i, 1));
		x->action = DB_CELL(&r, i, 2);
		x->owner = DB_CELL(&r, i, 3);
		x->due_on = DB_CELL(&r, i, 4);
		x->done_on = DB_CELL(&r, i, 5);
		x->group_id = db_num(DB_CELL(&r, i, 6));
		x->group_title = DB_CELL(&r, i, 7);
		x->meeting_held_on = DB_CELL(&r, i, 8);
		memset(&m, 0, sizeof(m));
		m.kind = kind < 0 ? APPG_KIND_GENERAL : (enum appg_kind)kind;
		m.title = DB_CELL(&r, i, 10);
		x->meeting_label = appg_meeting_label(&m);
	}
	*n = r.nrows;
	return DB_OK;
}

enum db_err
appg_action_set_done(struct db *db, const char *actor, long long id,
    const char *date)
{
	struct arena	 a;
	struct db_rows	 r;
	long long	 meeting = 0;
	enum db_err	 e;
	char		 detail[96];

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	e = query(db, &a, ACT_GET, DB_ARGS(DB_INT(id)), &r);
	if (e == DB_OK && r.nrows == 0)
		e = DB_NOTFOUND;
	if (e == DB_OK) {
		meeting = db_num(DB_CELL(&r, 0, 0));
		e = exec(db, ACT_SET_DONE, DB_ARGS(DB_STR(date), DB_INT(id)),
		    NULL, NULL);
	}
	/* Part of the meeting: an edit open elsewhere must not undo it. */
	if (e == DB_OK)
		e = exec(db, MT_BUMP, DB_ARGS(DB_INT(meeting)), NULL, NULL);
	snprintf(detail, sizeof(detail), "{\"action %lld\":\"%s%.10s\"}", id,
	    date ? "done " : "open", date ? date : "");
	e = logged(db, e, actor, "appg_meeting", meeting, date ? "action done" :
	    "action reopened", NULL, detail);
out:
	arena_free(&a);
	return e;
}

/* --- minutes ------------------------------------------------------------------- */

enum db_err
appg_minutes_get(struct db *db, struct arena *a, long long meeting_id,
    struct appg_minutes *mi)
{
	struct db_rows	 r;
	enum db_err	 e;
	int		 st;

	memset(mi, 0, sizeof(*mi));
	if ((e = query(db, a, MIN_GET, DB_ARGS(DB_INT(meeting_id)), &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	st = appg_code_index(appg_minutes_statuses, APPG_MINUTES__MAX,
	    DB_CELL(&r, 0, 1));
	mi->meeting_id = db_num(DB_CELL(&r, 0, 0));
	mi->status = st < 0 ? APPG_MINUTES_DRAFT : (enum appg_minutes_status)st;
	mi->current_number = cell_int(&r, 0, 2);
	mi->circulated_number = cell_int(&r, 0, 3);
	mi->circulated_on = DB_CELL(&r, 0, 4);
	mi->approved_on = DB_CELL(&r, 0, 5);
	mi->approved_at = db_num(DB_CELL(&r, 0, 6));
	mi->approved_at_held_on = DB_CELL(&r, 0, 7);
	mi->version = cell_int(&r, 0, 8);
	mi->body = DB_CELL(&r, 0, 9);
	mi->updated_at = DB_CELL(&r, 0, 10);
	return DB_OK;
}

static void
version_from(const struct db_rows *r, size_t i, void *item)
{
	struct appg_minutes_version	*v = item;
	v->number = cell_int(r, i, 0);
	v->how = DB_CELL(r, i, 1);
	v->created_by = DB_CELL(r, i, 2);
	v->created_at = DB_CELL(r, i, 3);
	v->body = DB_CELL(r, i, 4);
}

enum db_err
appg_minutes_versions(struct db *db, struct arena *a, long long meeting_id,
    struct appg_minutes_version **out, size_t *n)
{
	enum db_err	 e;

	*out = load_rows(db, a, MIN_VERSIONS, DB_ARGS(DB_INT(meeting_id)),
	    sizeof(**out), version_from, n, &e);
	return e;
}

enum db_err
appg_minutes_version(struct db *db, struct arena *a, long long meeting_id,
    int number, struct appg_minutes_version *v)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(v, 0, sizeof(*v));
	e = query(db, a, MIN_VERSION, DB_ARGS(DB_INT(meeting_id),
	    DB_INT(number)), &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	version_from(&r, 0, v);
	return DB_OK;
}

/* The minutes row locked for this transaction; DB_NOTFOUND when none. */
static enum db_err
lock_minutes(struct db *db, struct arena *a, long long meeting_id,
    const char **status, int *version, int *number)
{
	struct db_rows	 r;
	enum db_err	 e;

	e = query(db, a, MIN_MEETING_LIVE, DB_ARGS(DB_INT(meeting_id)), &r);
	if (e == DB_OK && r.nrows == 0)
		return DB_CONFLICT;
	if (e == DB_OK)
		e = query(db, a, MIN_LOCK, DB_ARGS(DB_INT(meeting_id)), &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	*status = DB_CELL(&r, 0, 0);
	*version = cell_int(&r, 0, 1);
	*number = cell_int(&r, 0, 2);
	return DB_OK;
}

enum db_err
appg_minutes_save(struct db *db, const char *actor, long long meeting_id,
    int *version, const char *body, const char *how)
{
	struct arena		 a;
	const char		*status = NULL;
	int			 current = 0, number = 0;
	unsigned long long	 affected = 0;
	enum db_err		 e;
	char			 detail[96];

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	e = lock_minutes(db, &a, meeting_id, &status, &current, &number);
	if (e == DB_NOTFOUND && *version == 0) {
		/* The first version makes the minutes, as a draft. */
		e = exec(db, MIN_INSERT, DB_ARGS(DB_INT(meeting_id)), NULL, NULL);
		number = 1;
		current = 1;
	} else if (e == DB_NOTFOUND || (e == DB_OK && (*version != current ||
	    strcmp(status, "approved") == 0)))
		e = DB_CONFLICT;
	else if (e == DB_OK) {
		number++;
		e = exec(db, MIN_SET_CURRENT, DB_ARGS(DB_INT(number),
		    DB_INT(meeting_id), DB_INT(*version)), &affected, NULL);
		if (e == DB_OK && affected == 0)
			e = DB_CONFLICT;
		current++;
	}
	if (e == DB_OK)
		e = exec(db, MIN_ADD_VERSION, DB_ARGS(DB_INT(meeting_id),
		    DB_INT(number), DB_STR(body), DB_STR(how), DB_STR(actor)),
		    NULL, NULL);
	snprintf(detail, sizeof(detail), "{\"minutes version\":\"%d\","
	    "\"how\":\"%.20s\"}", number, how);
	e = logged(db, e, actor, "appg_meeting", meeting_id,
	    number == 1 ? "minutes create" : "minutes edit", NULL, detail);
	if (e == DB_OK)
		*version = current;
out:
	arena_free(&a);
	return e;
}

enum db_err
appg_minutes_circulate(struct db *db, const char *actor, long long meeting_id,
    int version, const char *date)
{
	struct arena		 a;
	const char		*status = NULL;
	int			 current = 0, number = 0;
	unsigned long long	 affected = 0;
	enum db_err		 e;
	char			 detail[96];

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	e = lock_minutes(db, &a, meeting_id, &status, &current, &number);
	if (e == DB_NOTFOUND || (e == DB_OK && (current != version ||
	    strcmp(status, "approved") == 0)))
		e = DB_CONFLICT;
	if (e == DB_OK)
		e = exec(db, MIN_CIRCULATE, DB_ARGS(DB_STR(date),
		    DB_INT(meeting_id), DB_INT(version)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_CONFLICT;
	snprintf(detail, sizeof(detail), "{\"circulated\":\"version %d on "
	    "%.10s\"}", number, date);
	e = logged(db, e, actor, "appg_meeting", meeting_id,
	    "minutes circulate", NULL, detail);
out:
	arena_free(&a);
	return e;
}

enum db_err
appg_minutes_approve(struct db *db, const char *actor, long long meeting_id,
    int version, long long at_meeting)
{
	struct arena		 a;
	struct db_rows		 r;
	const char		*status = NULL;
	int			 current = 0, number = 0;
	unsigned long long	 affected = 0;
	enum db_err		 e;
	char			 detail[128];

	arena_init(&a);
	if ((e = db_begin(db)) != DB_OK)
		goto out;
	e = lock_minutes(db, &a, meeting_id, &status, &current, &number);
	if (e == DB_NOTFOUND || (e == DB_OK && (current != version ||
	    strcmp(status, "circulated") != 0)))
		e = DB_CONFLICT;
	if (e == DB_OK && (e = query(db, &a, MIN_APPROVER,
	    DB_ARGS(DB_INT(meeting_id), DB_INT(at_meeting)), &r)) == DB_OK &&
	    r.nrows == 0)
		e = DB_NOTFOUND;
	if (e == DB_OK)
		e = exec(db, MIN_APPROVE, DB_ARGS(DB_INT(at_meeting),
		    DB_STR(DB_CELL(&r, 0, 0)), DB_INT(meeting_id),
		    DB_INT(version)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_CONFLICT;
	snprintf(detail, sizeof(detail), "{\"approved\":\"version %d at "
	    "meeting %lld\"}", number, at_meeting);
	e = logged(db, e, actor, "appg_meeting", meeting_id, "minutes approve",
	    NULL, detail);
out:
	arena_free(&a);
	return e;
}

/* --- settings ---------------------------------------------------------------- */

enum db_err
appg_setting_add(struct db *db, const char *actor, struct appg_setting *s)
{
	struct arena		 a;
	unsigned long long	 id = 0;
	enum db_err		 e;
	const struct audit_field f[] = {
		{ "setting", appg_settings_names[s->name].code },
		{ "value", s->value }, { "from", s->valid_from },
		{ "note", s->note },
	};

	if ((e = db_begin(db)) != DB_OK)
		return e;
	arena_init(&a);
	e = exec(db, S_INSERT, DB_ARGS(DB_STR(appg_settings_names[s->name].code),
	    DB_STR(s->value), DB_STR(s->valid_from), DB_STR(nz(s->note)),
	    DB_STR(actor)), NULL, &id);
	s->id = (long long)id;
	e = logged(db, e, actor, "appg_setting", s->id, "create", NULL,
	    audit_json(&a, f, sizeof(f) / sizeof(f[0])));
	if (e != DB_OK)
		s->id = 0;
	arena_free(&a);
	return e;
}

enum db_err
appg_setting_set_deleted(struct db *db, const char *actor, long long id,
    int deleted)
{
	unsigned long long	 affected = 0;
	enum db_err		 e;

	if ((e = db_begin(db)) != DB_OK)
		return e;
	e = exec(db, S_SET_DELETED, DB_ARGS(DB_INT(deleted ? 1 : 0), DB_INT(id),
	    DB_INT(deleted ? 1 : 0)), &affected, NULL);
	if (e == DB_OK && affected == 0)
		e = DB_NOTFOUND;
	return logged(db, e, actor, "appg_setting", id, deleted ? "delete" :
	    "restore", NULL, NULL);
}

/* --- the home page --------------------------------------------------------------- */

enum db_err
appg_alerts(struct db *db, struct arena *a, const char *today, int window,
    struct appg_alert **out, size_t *n)
{
	struct appg_check	 checks[APPG_CHECK__MAX];
	struct appg_bundle	 b;
	struct db_rows		 r;
	enum db_err		 e;
	size_t			 i;
	int			 k, j;

	*n = 0;
	if ((e = query(db, a, G_LIST, DB_ARGS(DB_INT(0)), &r)) != DB_OK)
		return e;
	if ((*out = table(a, r.nrows * APPG_CHECK__MAX, sizeof(**out))) == NULL)
		return DB_NOMEM;
	for (i = 0; i < r.nrows; i++) {
		if ((e = appg_bundle_load(db, a, db_num(DB_CELL(&r, i, 0)),
		    &b)) != DB_OK)
			return e;
		if ((k = appg_newly_failing(a, &b.facts, today, window,
		    checks)) < 0)
			return DB_NOMEM;
		for (j = 0; j < k; j++) {
			(*out)[*n].group_id = b.group.id;
			(*out)[*n].group_title = b.group.title;
			(*out)[*n].check = checks[j];
			(*n)++;
		}
	}
	return DB_OK;
}
