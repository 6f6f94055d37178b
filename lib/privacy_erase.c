/*
 * Erasure of a person (see privacy_erase.h).
 *
 * One transaction: lock the person's row; find the duplicates merged
 * into them (the same human: they go too); blank each row's personal
 * fields and those of their directory terms; empty the audit rows about
 * them; delete their watch terms with the mention hits those found, and
 * their merges; then replace their name, email and phone wherever free
 * text holds them (the scrub below, one SELECT and one UPDATE per text
 * column, so no SQL is built at run time); write the tombstone and the
 * erasure's own audit row, neither holding the name.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "audit.h"
#include "privacy_erase.h"

/*
 * Every table of the schema.  handled: the text columns erasure blanks
 * (on the person's own rows) or scrubs (everywhere); kept: the text
 * columns it leaves, for the reason in why.  Add a table here with its
 * migration: tests/check_privacy_erase.c compares this with the schema.
 */
const struct erase_table privacy_erase_tables[] = {
	{ "people", ERASE_PERSON_ROW | ERASE_SCRUB_TEXT,
	    "full_name role_title constituency email phone notes moderngov_id "
	    "basis_note data_source",
	    "category party lawful_basis",
	    "the person's own row stays (engagements, KPIs and reports link to "
	    "it) with every personal field blanked; category and party stay "
	    "because past figures are counted by them, and without a name they "
	    "identify no one, nor does the lawful basis code (kept as the "
	    "record of why the data was held); other people's notes, roles, "
	    "basis notes and sources are scrubbed" },
	{ "person_terms", ERASE_PERSON_ROW | ERASE_SCRUB_TEXT,
	    "role_title constituency", "category party source",
	    "dated party and category stay so reports for past years count "
	    "the same; roles and constituencies go" },
	{ "person_merges", ERASE_DELETE_ROWS, "moved actor", "",
	    "merges with the person are deleted (their duplicates are erased "
	    "with them, so nothing is left to undo)" },
	{ "watch_terms", ERASE_DELETE_ROWS, "term", "",
	    "the person's press watch terms, and any term holding their name, "
	    "are deleted" },
	{ "mention_hits", ERASE_DELETE_ROWS, "", "",
	    "the hits of the deleted terms are deleted: mentions no longer "
	    "link to the person" },
	{ "mentions", ERASE_DELETE_ROWS, "", "",
	    "a new mention left with no hit is deleted; a triaged one stays "
	    "(its item's text is scrubbed)" },
	{ "audit_log", ERASE_SCRUB_TEXT, "before_data after_data",
	    "actor entity action",
	    "the values of audit rows about the person are removed and their "
	    "name is scrubbed from every other row; who did what stays" },
	{ "engagements", ERASE_SCRUB_TEXT,
	    "title summary outcome media_programme media_link", "type",
	    "engagements stay (they count), their text loses the name" },
	{ "engagement_people", ERASE_NOT_PERSONAL, "",
	    "party_then category_then",
	    "links to the kept row and the party and category at the time: "
	    "what past KPIs and reports count" },
	{ "follow_ups", ERASE_SCRUB_TEXT, "action", "",
	    "follow-up actions lose the name" },
	{ "organisations", ERASE_SCRUB_TEXT, "notes", "name website",
	    "an organisation's notes lose the name; its name and site are the "
	    "organisation's" },
	{ "import_runs", ERASE_SCRUB_TEXT, "source", "kind actor",
	    "an import's file name loses the name" },
	{ "feeds", ERASE_SCRUB_TEXT, "title last_error",
	    "url etag last_modified",
	    "a feed's title loses the name; its address and HTTP cache "
	    "validators are the feed's" },
	{ "feed_items", ERASE_SCRUB_TEXT, "title summary author",
	    "item_key story_key guid link",
	    "stored copies of press items lose the name (the public article "
	    "is not ours); keys and addresses stay so the item is not fetched "
	    "again" },
	{ "appg_groups", ERASE_SCRUB_TEXT, "purpose enquiry_point secretariat",
	    "title website", "a group's contacts and purpose lose the name" },
	{ "appg_officers", ERASE_NOT_PERSONAL, "", "",
	    "posts link to the kept row by id: the group's officer counts for "
	    "past years stand" },
	{ "appg_members", ERASE_NOT_PERSONAL, "", "",
	    "memberships link to the kept row by id: membership counts stand" },
	{ "appg_benefits", ERASE_SCRUB_TEXT, "source description", "",
	    "a benefit's donor and description lose the name" },
	{ "appg_meetings", ERASE_SCRUB_TEXT, "title place", "",
	    "meetings lose the name" },
	{ "appg_agenda_items", ERASE_SCRUB_TEXT,
	    "title papers discussion decision", "", "agendas lose the name" },
	{ "appg_attendance", ERASE_SCRUB_TEXT, "name organisation", "",
	    "attendance by id stays (quorums count it); a guest's typed name "
	    "is scrubbed" },
	{ "appg_actions", ERASE_SCRUB_TEXT, "action owner", "",
	    "actions lose the name" },
	{ "appg_minutes_versions", ERASE_SCRUB_TEXT, "body", "how created_by",
	    "every kept version of the minutes loses the name" },
	{ "appg_minutes", ERASE_NOT_PERSONAL, "", "", "status and dates" },
	{ "appg_settings", ERASE_NOT_PERSONAL, "",
	    "name value note created_by", "the House rules' numbers" },
	{ "users", ERASE_NOT_PERSONAL, "",
	    "username display_name password_hash",
	    "staff accounts, not directory people" },
	{ "sessions", ERASE_NOT_PERSONAL, "",
	    "token_hash csrf_token remote_addr", "staff sessions" },
	{ "login_failures", ERASE_NOT_PERSONAL, "", "username remote_addr",
	    "staff log-in throttling" },
	{ "feed_keys", ERASE_NOT_PERSONAL, "", "key_hash",
	    "staff feed-reader keys" },
	{ "schema_migrations", ERASE_NOT_PERSONAL, "", "version checksum",
	    "the schema's history" },
	{ "person_categories", ERASE_NOT_PERSONAL, "", "code label",
	    "reference data" },
	{ "engagement_types", ERASE_NOT_PERSONAL, "", "code label",
	    "reference data" },
	{ "policy_areas", ERASE_NOT_PERSONAL, "", "name", "reference data" },
	{ "engagement_organisations", ERASE_NOT_PERSONAL, "", "",
	    "links between engagements and organisations" },
	{ "engagement_staff", ERASE_NOT_PERSONAL, "", "",
	    "which staff were present" },
	{ "engagement_policy_areas", ERASE_NOT_PERSONAL, "", "",
	    "links between engagements and policy areas" },
	{ "person_first", ERASE_NOT_PERSONAL, "", "",
	    "ids: who was new on which engagement, for KPIs" },
	{ "kpi_hits", ERASE_NOT_PERSONAL, "", "", "ids: what each KPI counts" },
	{ "kpi_count_marks", ERASE_NOT_PERSONAL, "", "",
	    "ids and days: which KPI counts changed" },
	{ "kpi_count_periods", ERASE_NOT_PERSONAL, "", "kpis figures",
	    "numbers: KPI ids and their stored counts, no people" },
	{ "kpi_count_lock", ERASE_NOT_PERSONAL, "", "", "a lock row" },
	{ "strategies", ERASE_NOT_PERSONAL, "", "name", "the strategy" },
	{ "strategy_aims", ERASE_NOT_PERSONAL, "", "code name statement",
	    "the strategy" },
	{ "strategy_objectives", ERASE_NOT_PERSONAL, "", "code text",
	    "the strategy" },
	{ "strategy_goals", ERASE_NOT_PERSONAL, "", "text", "the strategy" },
	{ "strategy_decisions", ERASE_NOT_PERSONAL, "",
	    "actor entity label action before_data after_data reason",
	    "changes to the strategy, by staff" },
	{ "kpis", ERASE_NOT_PERSONAL, "", "code label unit", "the strategy" },
	{ "kpi_targets", ERASE_NOT_PERSONAL, "", "", "the strategy" },
	{ "kpi_rule_types", ERASE_NOT_PERSONAL, "", "type_code",
	    "counting rules" },
	{ "kpi_rule_media", ERASE_NOT_PERSONAL, "", "medium", "counting rules" },
	{ "kpi_rule_categories", ERASE_NOT_PERSONAL, "", "category",
	    "counting rules" },
	{ "kpi_rule_org_kinds", ERASE_NOT_PERSONAL, "", "kind",
	    "counting rules" },
	{ "kpi_rule_areas", ERASE_NOT_PERSONAL, "", "", "counting rules" },
	{ "kpi_values", ERASE_NOT_PERSONAL, "", "note updated_by",
	    "monthly figures entered by staff" },
	{ "dashboard_snapshots", ERASE_NOT_PERSONAL, "", "frozen_by figures",
	    "frozen figures: numbers and KPI labels, no people" },
	{ "report_day_counts", ERASE_NOT_PERSONAL, "", "dimension item",
	    "daily counts by type, party, area and the like" },
	{ "report_month_counts", ERASE_NOT_PERSONAL, "", "dimension item",
	    "monthly counts by type, party, area and the like" },
	{ "report_dirty_days", ERASE_NOT_PERSONAL, "", "", "report upkeep" },
	{ "report_refresh_lock", ERASE_NOT_PERSONAL, "", "", "report upkeep" },
	{ "report_refresh_claims", ERASE_NOT_PERSONAL, "", "",
	    "report upkeep" },
	{ "report_refresh_claim_days", ERASE_NOT_PERSONAL, "", "",
	    "report upkeep" },
	{ "erasures", ERASE_NOT_PERSONAL, "", "erased_by",
	    "the tombstones: when, by whom, why; nothing about the person" },
	{ "retention_rules", ERASE_NOT_PERSONAL, "", "category updated_by",
	    "the retention rules" },
	{ "retention_runs", ERASE_NOT_PERSONAL, "", "actor",
	    "when retention last ran" },
};
const size_t privacy_erase_ntables =
    sizeof(privacy_erase_tables) / sizeof(privacy_erase_tables[0]);

/*
 * The scrub: X(table, text column, key expression, extra SET) for each
 * column whose free text may hold a person's name, email or phone.  A
 * table whose rows are edited with optimistic concurrency bumps the
 * version, so an editor holding the old text cannot save it back.
 */
#define VERSION_BUMP	", version = version + 1"
#define SCRUBS(X) \
	X(people, notes, id, VERSION_BUMP) \
	X(people, role_title, id, VERSION_BUMP) \
	X(people, basis_note, id, VERSION_BUMP) \
	X(people, data_source, id, VERSION_BUMP) \
	X(person_terms, role_title, id, "") \
	X(person_terms, constituency, id, "") \
	X(audit_log, before_data, id, "") \
	X(audit_log, after_data, id, "") \
	X(engagements, title, id, VERSION_BUMP) \
	X(engagements, summary, id, VERSION_BUMP) \
	X(engagements, outcome, id, VERSION_BUMP) \
	X(engagements, media_programme, id, VERSION_BUMP) \
	X(engagements, media_link, id, VERSION_BUMP) \
	X(follow_ups, action, id, "") \
	X(organisations, notes, id, VERSION_BUMP) \
	X(import_runs, source, id, "") \
	X(feeds, title, id, VERSION_BUMP) \
	X(feeds, last_error, id, "") \
	X(feed_items, title, id, "") \
	X(feed_items, summary, id, "") \
	X(feed_items, author, id, "") \
	X(appg_groups, purpose, id, VERSION_BUMP) \
	X(appg_groups, enquiry_point, id, VERSION_BUMP) \
	X(appg_groups, secretariat, id, VERSION_BUMP) \
	X(appg_benefits, source, id, VERSION_BUMP) \
	X(appg_benefits, description, id, VERSION_BUMP) \
	X(appg_meetings, title, id, VERSION_BUMP) \
	X(appg_meetings, place, id, VERSION_BUMP) \
	X(appg_agenda_items, title, id, "") \
	X(appg_agenda_items, papers, id, "") \
	X(appg_agenda_items, discussion, id, "") \
	X(appg_agenda_items, decision, id, "") \
	X(appg_attendance, name, id, "") \
	X(appg_attendance, organisation, id, "") \
	X(appg_actions, action, id, "") \
	X(appg_actions, owner, id, "") \
	X(appg_minutes_versions, body, id, "")

#define SCRUB_ENTRY(t, c, k, x)	{ #t, #c },
const struct erase_scrub privacy_erase_scrubs[] = { SCRUBS(SCRUB_ENTRY) };
const size_t privacy_erase_nscrubs =
    sizeof(privacy_erase_scrubs) / sizeof(privacy_erase_scrubs[0]);

/* Rows holding any of four LIKE patterns (NULL matches nothing). */
#define SCRUB_FIND(t, c, k, x) \
	"SELECT " #k ", " #c " FROM " #t " WHERE " #c " LIKE ? OR " #c \
	" LIKE ? OR " #c " LIKE ? OR " #c " LIKE ?",
#define SCRUB_SET(t, c, k, x) \
	"UPDATE " #t " SET " #c " = ?" x " WHERE " #k " = ?",

/* Fields of the person's row blanked besides the fixed ones (sql/010). */
#define PERSON_EXTRA_BLANKS ", basis_note = NULL, data_source = ''"

enum {
	PE_LOCK,
	PE_MERGED_INTO,
	PE_BLANK_PERSON,
	PE_BLANK_TERMS,
	PE_BLANK_AUDIT,
	PE_TERMS_OF,
	PE_DELETE_HITS,
	PE_DELETE_TERM,
	PE_DELETE_LONELY_MENTIONS,
	PE_DELETE_MERGES,
	PE_TOMBSTONE,
	PE_IS_ERASED,
	PE_PREVIEW,
	PE__FIXED
};
#define SCRUB_COUNT	(sizeof(privacy_erase_scrubs) / \
	sizeof(privacy_erase_scrubs[0]))
#define PE_FIND(i)	(PE__FIXED + (i))
#define PE_SET(i)	(PE__FIXED + SCRUB_COUNT + (i))
#define PE__MAX		(PE__FIXED + 2 * SCRUB_COUNT)

static const char *const pe_sql[PE__MAX] = {
	[PE_LOCK] =
	    "SELECT full_name, email, phone, erased_at IS NOT NULL "
	    "FROM people WHERE id = ? FOR UPDATE",
	/* The duplicates merged (and not unmerged) into a person. */
	[PE_MERGED_INTO] =
	    "SELECT merged_id FROM person_merges WHERE survivor_id = ? "
	    "AND undone_at IS NULL ORDER BY merged_id",
	[PE_BLANK_PERSON] =
	    "UPDATE people SET full_name = '" ERASED_NAME "', role_title = '', "
	    "constituency = '', organisation_id = NULL, email = '', "
	    "phone = '', notes = '', parliament_id = NULL, twfy_id = NULL, "
	    "moderngov_id = NULL, press_watch = 'never'" PERSON_EXTRA_BLANKS
	    ", erased_at = UTC_TIMESTAMP(), "
	    "deleted_at = IFNULL(deleted_at, UTC_TIMESTAMP()), "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND erased_at IS NULL",
	[PE_BLANK_TERMS] =
	    "UPDATE person_terms SET role_title = '', constituency = '', "
	    "organisation_id = NULL WHERE person_id = ?",
	[PE_BLANK_AUDIT] =
	    "UPDATE audit_log SET before_data = NULL, after_data = NULL "
	    "WHERE entity = 'person' AND entity_id = ?",
	/* The person's terms, and any term holding their name. */
	[PE_TERMS_OF] =
	    "SELECT id FROM watch_terms WHERE person_id = ? OR term LIKE ?",
	[PE_DELETE_HITS] =
	    "DELETE FROM mention_hits WHERE term_id = ?",
	[PE_DELETE_TERM] =
	    "DELETE FROM watch_terms WHERE id = ?",
	[PE_DELETE_LONELY_MENTIONS] =
	    "DELETE FROM mentions WHERE state = 'new' AND engagement_id IS NULL "
	    "AND NOT EXISTS (SELECT 1 FROM mention_hits h "
	    "WHERE h.mention_id = mentions.id)",
	[PE_DELETE_MERGES] =
	    "DELETE FROM person_merges WHERE survivor_id = ? OR merged_id = ?",
	[PE_TOMBSTONE] =
	    "INSERT INTO erasures (erased_at, erased_by, reason) "
	    "VALUES (UTC_TIMESTAMP(), ?, ?)",
	[PE_IS_ERASED] =
	    "SELECT erased_at IS NOT NULL FROM people WHERE id = ?",
	[PE_PREVIEW] =
	    "SELECT p.full_name, c.label, p.erased_at IS NOT NULL, "
	    "(SELECT COUNT(*) FROM engagement_people x JOIN engagements e "
	    "ON e.id = x.engagement_id WHERE x.person_id = p.id "
	    "AND e.deleted_at IS NULL), "
	    "(SELECT COUNT(*) FROM follow_ups f JOIN engagement_people x "
	    "ON x.engagement_id = f.engagement_id WHERE x.person_id = p.id), "
	    "(SELECT COUNT(DISTINCT h.mention_id) FROM mention_hits h "
	    "JOIN watch_terms t ON t.id = h.term_id WHERE t.person_id = p.id), "
	    "(SELECT COUNT(*) FROM watch_terms t WHERE t.person_id = p.id), "
	    "(SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'person' "
	    "AND a.entity_id = p.id), "
	    "(SELECT COUNT(*) FROM appg_officers o WHERE o.person_id = p.id) + "
	    "(SELECT COUNT(*) FROM appg_members m WHERE m.person_id = p.id) + "
	    "(SELECT COUNT(*) FROM appg_attendance a WHERE a.person_id = p.id), "
	    "(SELECT COUNT(*) FROM person_merges m WHERE m.survivor_id = p.id "
	    "AND m.undone_at IS NULL) "
	    "FROM people p JOIN person_categories c ON c.code = p.category "
	    "WHERE p.id = ?",
	SCRUBS(SCRUB_FIND)
	SCRUBS(SCRUB_SET)
};
static const struct db_stmts pe_stmts = { DB_SLOT_PRIVACY_ERASE, pe_sql,
    PE__MAX };

/* What to look for in one erased row, and what replaces it. */
enum { NEEDLE_NAME, NEEDLE_NAME_JSON, NEEDLE_EMAIL, NEEDLE_PHONE,
    NEEDLE__MAX };
struct needles {
	const char	*text[NEEDLE__MAX];	/* NULL: nothing to look for */
	const char	*like[NEEDLE__MAX];	/* LIKE patterns, or NULL */
};
static const char *const replacement[NEEDLE__MAX] = {
	ERASED_NAME, ERASED_NAME, "[email removed]", "[phone removed]"
};
static const int whole_word[NEEDLE__MAX] = { 1, 1, 0, 0 };

/* Shorter names are not scrubbed from free text: "Al" is in "Also". */
#define NAME_MIN_BYTES	4
#define CONTACT_MIN_BYTES	5

static int
word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Whether needle (n bytes) is at text + i, ASCII case folded. */
static int
match_at(const char *text, size_t len, size_t i, const char *needle,
    size_t n, int word)
{
	if (i + n > len || strncasecmp(text + i, needle, n) != 0)
		return 0;
	if (!word)
		return 1;
	if (i > 0 && word_byte((unsigned char)text[i - 1]))
		return 0;
	return i + n == len || !word_byte((unsigned char)text[i + n]);
}

/* The needle at text + i, or n if none is. */
static size_t
needle_at(const char *text, size_t len, size_t i, const char *const *needles,
    const int *word, size_t n)
{
	size_t	 k;

	for (k = 0; k < n; k++)
		if (needles[k] != NULL && needles[k][0] != '\0' &&
		    match_at(text, len, i, needles[k], strlen(needles[k]),
		    word[k]))
			return k;
	return n;
}

char *
privacy_scrub_text(struct arena *a, const char *text,
    const char *const *needles, const char *const *repl, const int *word,
    size_t n)
{
	size_t	 len = strlen(text), i, k, out_len = 0, matches = 0;
	char	*out;

	/* First the length, then the copy. */
	for (i = 0; i < len; )
		if ((k = needle_at(text, len, i, needles, word, n)) < n) {
			out_len += strlen(repl[k]);
			i += strlen(needles[k]);
			matches++;
		} else {
			out_len++;
			i++;
		}
	if (matches == 0 || (out = arena_alloc(a, out_len + 1)) == NULL)
		return NULL;
	for (i = 0, out_len = 0; i < len; )
		if ((k = needle_at(text, len, i, needles, word, n)) < n) {
			memcpy(out + out_len, repl[k], strlen(repl[k]));
			out_len += strlen(repl[k]);
			i += strlen(needles[k]);
		} else
			out[out_len++] = text[i++];
	out[out_len] = '\0';
	return out;
}

/* A LIKE pattern finding s anywhere, its wildcards escaped. */
static const char *
like_anywhere(struct arena *a, const char *s)
{
	char	*p, *q;

	if ((p = arena_alloc(a, strlen(s) * 2 + 3)) == NULL)
		return NULL;
	q = p;
	*q++ = '%';
	for (; *s != '\0'; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*q++ = '\\';
		*q++ = *s;
	}
	*q++ = '%';
	*q = '\0';
	return p;
}

/* s as the inside of a JSON string (how the audit log holds it). */
static const char *
json_inner(struct arena *a, const char *s)
{
	json_t		*j = json_string(s);
	char		*text;
	const char	*inner = NULL;

	if (j == NULL)
		return NULL;
	if ((text = json_dumps(j, JSON_ENCODE_ANY)) != NULL) {
		inner = arena_strndup(a, text + 1, strlen(text) - 2);
		free(text);
	}
	json_decref(j);
	return inner;
}

/* The needles of one row: name, its JSON form if different, email, phone. */
static int
needles_of(struct arena *a, const char *name, const char *email,
    const char *phone, struct needles *nd)
{
	const char	*js;
	size_t		 i;

	memset(nd, 0, sizeof(*nd));
	if (strlen(name) >= NAME_MIN_BYTES &&
	    strcmp(name, ERASED_NAME) != 0) {
		nd->text[NEEDLE_NAME] = name;
		if ((js = json_inner(a, name)) == NULL)
			return -1;
		if (strcmp(js, name) != 0)
			nd->text[NEEDLE_NAME_JSON] = js;
	}
	if (strlen(email) >= CONTACT_MIN_BYTES)
		nd->text[NEEDLE_EMAIL] = email;
	if (strlen(phone) >= CONTACT_MIN_BYTES)
		nd->text[NEEDLE_PHONE] = phone;
	for (i = 0; i < NEEDLE__MAX; i++)
		if (nd->text[i] != NULL &&
		    (nd->like[i] = like_anywhere(a, nd->text[i])) == NULL)
			return -1;
	return 0;
}

/* Rewrite the rows of scrub entry i that hold a needle. */
static enum db_err
scrub_column(struct db *db, struct arena *a, size_t i,
    const struct needles *nd)
{
	struct db_rows	 r;
	const char	*fixed;
	size_t		 row;
	enum db_err	 e;

	if ((e = db_query_in(db, &pe_stmts, PE_FIND(i), DB_ARGS(
	    DB_STR(nd->like[0]), DB_STR(nd->like[1]), DB_STR(nd->like[2]),
	    DB_STR(nd->like[3])), a, &r)) != DB_OK)
		return e;
	for (row = 0; row < r.nrows; row++) {
		if (DB_CELL(&r, row, 1) == NULL)
			continue;
		fixed = privacy_scrub_text(a, DB_CELL(&r, row, 1), nd->text,
		    replacement, whole_word, NEEDLE__MAX);
		if (fixed == NULL)
			continue;
		if ((e = db_exec_in(db, &pe_stmts, PE_SET(i), DB_ARGS(
		    DB_STR(fixed), DB_INT(db_num(DB_CELL(&r, row, 0)))), NULL,
		    NULL)) != DB_OK)
			return e;
	}
	return DB_OK;
}

static enum db_err
scrub_everywhere(struct db *db, struct arena *a, const struct needles *nd)
{
	size_t		 i;
	enum db_err	 e;

	if (nd->like[0] == NULL && nd->like[1] == NULL &&
	    nd->like[2] == NULL && nd->like[3] == NULL)
		return DB_OK;
	for (i = 0; i < SCRUB_COUNT; i++)
		if ((e = scrub_column(db, a, i, nd)) != DB_OK)
			return e;
	return DB_OK;
}

/* Delete the person's watch terms (and those naming them) and their hits. */
static enum db_err
drop_watch_terms(struct db *db, struct arena *a, long long id,
    const struct needles *nd)
{
	struct db_rows	 r;
	size_t		 i;
	enum db_err	 e;

	if ((e = db_query_in(db, &pe_stmts, PE_TERMS_OF, DB_ARGS(DB_INT(id),
	    DB_STR(nd->like[NEEDLE_NAME])), a, &r)) != DB_OK)
		return e;
	for (i = 0; i < r.nrows; i++) {
		if ((e = db_exec_in(db, &pe_stmts, PE_DELETE_HITS, DB_ARGS(
		    DB_INT(db_num(DB_CELL(&r, i, 0)))), NULL, NULL)) != DB_OK ||
		    (e = db_exec_in(db, &pe_stmts, PE_DELETE_TERM, DB_ARGS(
		    DB_INT(db_num(DB_CELL(&r, i, 0)))), NULL, NULL)) != DB_OK)
			return e;
	}
	if (r.nrows == 0)
		return DB_OK;
	return db_exec_in(db, &pe_stmts, PE_DELETE_LONELY_MENTIONS, NULL, 0,
	    NULL, NULL);
}

/* Blank one person's row, terms, audit values, watch terms, merges. */
static enum db_err
erase_row(struct db *db, struct arena *a, long long id,
    const struct needles *nd)
{
	enum db_err	 e;

	if ((e = db_exec_in(db, &pe_stmts, PE_BLANK_PERSON, DB_ARGS(
	    DB_INT(id)), NULL, NULL)) != DB_OK ||
	    (e = db_exec_in(db, &pe_stmts, PE_BLANK_TERMS, DB_ARGS(
	    DB_INT(id)), NULL, NULL)) != DB_OK ||
	    (e = db_exec_in(db, &pe_stmts, PE_BLANK_AUDIT, DB_ARGS(
	    DB_INT(id)), NULL, NULL)) != DB_OK ||
	    (e = drop_watch_terms(db, a, id, nd)) != DB_OK)
		return e;
	return db_exec_in(db, &pe_stmts, PE_DELETE_MERGES, DB_ARGS(DB_INT(id),
	    DB_INT(id)), NULL, NULL);
}

/* The most duplicates followed through merges, against a cycle. */
#define ERASE_MAX_ROWS	64

/*
 * Lock id, and every duplicate merged into it (recursively), into ids;
 * their needles into nd.  DB_CONFLICT if id is erased already.
 */
static enum db_err
gather(struct db *db, struct arena *a, long long id, long long *ids,
    struct needles *nd, size_t *n)
{
	struct db_rows	 r;
	size_t		 at, i, j;
	enum db_err	 e;

	ids[0] = id;
	*n = 1;
	for (at = 0; at < *n; at++) {
		if ((e = db_query_in(db, &pe_stmts, PE_LOCK, DB_ARGS(
		    DB_INT(ids[at])), a, &r)) != DB_OK)
			return e;
		if (r.nrows == 0)
			return DB_NOTFOUND;
		if (at == 0 && db_num(DB_CELL(&r, 0, 3)) != 0)
			return DB_CONFLICT;
		if (needles_of(a, DB_CELL(&r, 0, 0), DB_CELL(&r, 0, 1),
		    DB_CELL(&r, 0, 2), &nd[at]) == -1)
			return DB_NOMEM;
		if ((e = db_query_in(db, &pe_stmts, PE_MERGED_INTO, DB_ARGS(
		    DB_INT(ids[at])), a, &r)) != DB_OK)
			return e;
		for (i = 0; i < r.nrows && *n < ERASE_MAX_ROWS; i++) {
			for (j = 0; j < *n; j++)
				if (ids[j] == db_num(DB_CELL(&r, i, 0)))
					break;
			if (j == *n)
				ids[(*n)++] = db_num(DB_CELL(&r, i, 0));
		}
	}
	return DB_OK;
}

static enum db_err
erase_all(struct db *db, struct arena *a, long long id, const char *actor,
    const char *reason)
{
	long long	 ids[ERASE_MAX_ROWS];
	struct needles	 nd[ERASE_MAX_ROWS];
	size_t		 n, i;
	enum db_err	 e;

	if ((e = gather(db, a, id, ids, nd, &n)) != DB_OK)
		return e;
	for (i = 0; i < n; i++)
		if ((e = erase_row(db, a, ids[i], &nd[i])) != DB_OK)
			return e;
	for (i = 0; i < n; i++)
		if ((e = scrub_everywhere(db, a, &nd[i])) != DB_OK)
			return e;
	if ((e = db_exec_in(db, &pe_stmts, PE_TOMBSTONE, DB_ARGS(DB_STR(actor),
	    DB_STR(reason)), NULL, NULL)) != DB_OK)
		return e;
	return audit_write(db, actor, "person", id, "erase", NULL,
	    strcmp(reason, "retention") == 0 ? "{\"reason\":\"retention\"}" :
	    "{\"reason\":\"request\"}");
}

enum db_err
privacy_erase_person(struct db *db, long long person_id, const char *actor,
    const char *reason)
{
	struct arena	 a;
	enum db_err	 e;

	if (reason == NULL || (strcmp(reason, "request") != 0 &&
	    strcmp(reason, "retention") != 0))
		return DB_ERROR;
	arena_init(&a);
	if ((e = db_begin(db)) == DB_OK)
		e = db_finish(db, erase_all(db, &a, person_id, actor, reason));
	arena_free(&a);
	return e;
}

enum db_err
privacy_erase_preview(struct db *db, struct arena *a, long long person_id,
    struct erase_preview *p)
{
	struct db_rows	 r;
	enum db_err	 e;

	memset(p, 0, sizeof(*p));
	if ((e = db_query_in(db, &pe_stmts, PE_PREVIEW, DB_ARGS(
	    DB_INT(person_id)), a, &r)) != DB_OK)
		return e;
	if (r.nrows == 0)
		return DB_NOTFOUND;
	p->person_id = person_id;
	p->full_name = DB_CELL(&r, 0, 0);
	p->category_label = DB_CELL(&r, 0, 1);
	p->erased = db_num(DB_CELL(&r, 0, 2)) != 0;
	p->engagements = db_num(DB_CELL(&r, 0, 3));
	p->follow_ups = db_num(DB_CELL(&r, 0, 4));
	p->mentions = db_num(DB_CELL(&r, 0, 5));
	p->watch_terms = db_num(DB_CELL(&r, 0, 6));
	p->audit_rows = db_num(DB_CELL(&r, 0, 7));
	p->appg_roles = db_num(DB_CELL(&r, 0, 8));
	p->merged = db_num(DB_CELL(&r, 0, 9));
	return DB_OK;
}

int
privacy_is_erased(struct db *db, long long person_id)
{
	struct arena	 a;
	struct db_rows	 r;
	int		 erased;

	arena_init(&a);
	if (db_query_in(db, &pe_stmts, PE_IS_ERASED, DB_ARGS(
	    DB_INT(person_id)), &a, &r) != DB_OK)
		erased = -1;
	else
		erased = r.nrows > 0 && db_num(DB_CELL(&r, 0, 0)) != 0;
	arena_free(&a);
	return erased;
}
