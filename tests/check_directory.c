/*
 * lib/directory.c against a real MariaDB: people and organisations (saves,
 * version conflicts, soft deletes and restores, list filters), contact
 * histories and their summaries, the audit rows of each change, the seeded
 * categories and the policy areas.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <check.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "directory.h"
#include "engagements.h"
#include "import.h"
#include "testhelp.h"

static struct db	 db;
static struct conf	 conf;
static struct arena	 a;

/* Empty the directory and engagement tables (children first), then core. */
static void
reset_directory(void)
{
	th_sql(&db, "DELETE FROM follow_ups; DELETE FROM engagement_people; "
	    "DELETE FROM engagement_organisations; DELETE FROM engagement_staff; "
	    "DELETE FROM engagement_policy_areas; DELETE FROM engagements; "
	    "DELETE FROM person_merges; DELETE FROM person_terms; "
	    "DELETE FROM people; UPDATE organisations SET parent_id = NULL; "
	    "DELETE FROM organisations; DELETE FROM kpi_rule_areas; "
	    "DELETE FROM policy_areas");
	th_reset(&db);
}

static void
setup(void)
{
	th_db_open(&db, &conf);
	reset_directory();
	arena_init(&a);
}

static void
teardown(void)
{
	arena_free(&a);
	th_db_close(&db, &conf);
}

/* A person with every text field set, as the edit form would send it. */
static struct person
person_new(const char *name, const char *category, const char *party)
{
	struct person	 p;

	memset(&p, 0, sizeof(p));
	p.full_name = name;
	p.category = category;
	p.role_title = "";
	p.party = party;
	p.house = "";
	p.constituency = "";
	p.email = "";
	p.phone = "";
	p.notes = "";
	p.is_current = 1;
	return p;
}

static long long
add_person(struct person *p)
{
	ck_assert_msg(person_save(&db, "tester", p) == DB_OK, "%s", db.error);
	ck_assert_int_gt(p->id, 0);
	return p->id;
}

static long long
add_person_named(const char *name, const char *category, const char *party,
    long long org)
{
	struct person	 p = person_new(name, category, party);

	p.organisation_id = org;
	return add_person(&p);
}

static struct organisation
org_new(const char *name, const char *kind)
{
	struct organisation	 o;

	memset(&o, 0, sizeof(o));
	o.name = name;
	o.kind = kind;
	o.medium = "";
	o.website = "";
	o.notes = "";
	return o;
}

static long long
add_org(const char *name, const char *kind, long long parent)
{
	struct organisation	 o = org_new(name, kind);

	o.parent_id = parent;
	ck_assert_msg(org_save(&db, "tester", &o) == DB_OK, "%s", db.error);
	ck_assert_int_gt(o.id, 0);
	return o.id;
}

/* An engagement of type on date with one person and one organisation. */
static long long
add_engagement(const char *type, const char *date, const char *title,
    long long person, long long org)
{
	struct engagement	 e;
	struct eng_person	 p;
	struct eng_ref		 o;

	memset(&e, 0, sizeof(e));
	memset(&p, 0, sizeof(p));
	memset(&o, 0, sizeof(o));
	e.type = type;
	e.date = date;
	e.time = "";
	e.title = title;
	p.id = person;
	o.id = org;
	e.people = &p;
	e.npeople = person ? 1 : 0;
	e.orgs = &o;
	e.norgs = org ? 1 : 0;
	ck_assert_msg(engagement_save(&db, "tester", 0, &e) == DB_OK, "%s",
	    db.error);
	ck_assert_int_gt(e.id, 0);
	return e.id;
}

/* The people listed by filter f, as their names joined with ",". */
static const char *
people_listed(const struct person_filter *f, size_t *total)
{
	struct person	*list;
	size_t		 n, i;
	const char	*s = "";

	ck_assert_int_eq(person_list(&db, &a, f, &list, &n, total), DB_OK);
	for (i = 0; i < n; i++)
		s = arena_printf(&a, "%s%s%s", s, i ? "," : "",
		    list[i].full_name);
	return s;
}

static const char *
orgs_listed(const struct org_filter *f, size_t *total)
{
	struct organisation	*list;
	size_t			 n, i;
	const char		*s = "";

	ck_assert_int_eq(org_list(&db, &a, f, &list, &n, total), DB_OK);
	for (i = 0; i < n; i++)
		s = arena_printf(&a, "%s%s%s", s, i ? "," : "", list[i].name);
	return s;
}

static const struct audit_change *
change_of(const struct audit_entry *en, const char *field)
{
	size_t	 i;

	for (i = 0; i < en->nchanges; i++)
		if (strcmp(en->changes[i].field, field) == 0)
			return &en->changes[i];
	return NULL;
}

static size_t
audit_rows(const char *entity, long long id)
{
	struct audit_entry	*h;
	size_t			 n;

	ck_assert_int_eq(audit_history(&db, &a, entity, id, &h, &n), DB_OK);
	return n;
}

START_TEST(test_person_create_and_update)
{
	struct person	 p = person_new("Maya Cohen", "mp", "Labour");
	struct person	 got, stale;
	long long	 id;

	p.role_title = "Shadow Minister";
	p.house = "commons";
	p.constituency = "Hackney North";
	p.email = "maya@example.org";
	id = add_person(&p);
	ck_assert_int_eq(p.version, 1);
	ck_assert_int_eq(person_get(&db, &a, id, &got), DB_OK);
	ck_assert_int_eq(got.id, id);
	ck_assert_str_eq(got.full_name, "Maya Cohen");
	ck_assert_str_eq(got.category, "mp");
	ck_assert_str_eq(got.category_label, "MP");
	ck_assert_str_eq(got.role_title, "Shadow Minister");
	ck_assert_str_eq(got.party, "Labour");
	ck_assert_str_eq(got.house, "commons");
	ck_assert_str_eq(got.constituency, "Hackney North");
	ck_assert_str_eq(got.email, "maya@example.org");
	ck_assert_int_eq(got.organisation_id, 0);
	ck_assert_str_eq(got.organisation_name, "");
	ck_assert_int_eq(got.is_current, 1);
	ck_assert_int_eq(got.version, 1);
	ck_assert_int_eq(got.deleted, 0);

	/* Two editors open version 1; the first one saves. */
	stale = got;
	got.party = "Conservative";
	ck_assert_int_eq(person_save(&db, "tester", &got), DB_OK);
	ck_assert_int_eq(got.version, 2);
	ck_assert_int_eq(person_get(&db, &a, id, &got), DB_OK);
	ck_assert_str_eq(got.party, "Conservative");
	ck_assert_int_eq(got.version, 2);

	/* The second one's save from version 1 changes nothing. */
	stale.party = "Green";
	stale.full_name = "Maya Stale";
	ck_assert_int_eq(person_save(&db, "tester", &stale), DB_CONFLICT);
	ck_assert_int_eq(stale.version, 1);
	ck_assert_int_eq(person_get(&db, &a, id, &got), DB_OK);
	ck_assert_str_eq(got.party, "Conservative");
	ck_assert_str_eq(got.full_name, "Maya Cohen");
	ck_assert_int_eq(got.version, 2);
	ck_assert_uint_eq(audit_rows("person", id), 2);
}
END_TEST

/*
 * A save that leaves press_watch unset keeps the stored value, and
 * leaves the caller's struct pointing at the caller's memory, not at the
 * save's scratch arena, freed when it returns (ASan found the second
 * save reading it).
 */
START_TEST(test_person_save_keeps_watch)
{
	struct person	 p = person_new("Watch Keeper", "mp", "Labour");
	struct person	 got;

	p.press_watch = "never";
	add_person(&p);
	p.press_watch = NULL;
	p.party = "Green";
	ck_assert_int_eq(person_save(&db, "tester", &p), DB_OK);
	ck_assert_ptr_null(p.press_watch);
	p.party = "Independent";
	ck_assert_int_eq(person_save(&db, "tester", &p), DB_OK);
	ck_assert_ptr_null(p.press_watch);
	ck_assert_int_eq(person_get(&db, &a, p.id, &got), DB_OK);
	ck_assert_str_eq(got.press_watch, "never");
	ck_assert_str_eq(got.party, "Independent");
	ck_assert_int_eq(got.version, 3);
}
END_TEST

/*
 * The lawful basis is saved, shown, versioned and audited with the rest;
 * a save that does not give one (the engagement form's quick add, an
 * older caller) keeps all four basis fields as stored; the directory
 * filters by basis and counts the people with none.
 */
START_TEST(test_person_basis_saved_kept_filtered)
{
	struct person		 p = person_new("Basis Holder", "journalist", "");
	struct person		 q = person_new("No Basis", "other", "");
	struct person		 got, *list;
	struct person_filter	 f;
	size_t			 n, total;
	long			 none;

	p.lawful_basis = "consent";
	p.basis_date = "2025-05-06";
	p.basis_note = "Happy to hear from us";
	p.data_source = "Press conference";
	add_person(&p);
	add_person(&q);
	ck_assert_int_eq(person_get(&db, &a, p.id, &got), DB_OK);
	ck_assert_str_eq(got.lawful_basis, "consent");
	ck_assert_str_eq(got.basis_date, "2025-05-06");
	ck_assert_str_eq(got.basis_note, "Happy to hear from us");
	ck_assert_str_eq(got.data_source, "Press conference");
	ck_assert_int_eq(person_get(&db, &a, q.id, &got), DB_OK);
	ck_assert_str_eq(got.lawful_basis, "");
	ck_assert_str_eq(got.basis_date, "");
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM people WHERE "
	    "full_name = 'No Basis' AND lawful_basis IS NULL AND "
	    "basis_note IS NULL AND basis_date IS NULL"), 1);

	/* Not given: kept, and the caller's own pointers given back. */
	p.lawful_basis = NULL;
	p.party = "None";
	ck_assert_int_eq(person_save(&db, "tester", &p), DB_OK);
	ck_assert_ptr_null(p.lawful_basis);
	ck_assert_int_eq(person_get(&db, &a, p.id, &got), DB_OK);
	ck_assert_str_eq(got.lawful_basis, "consent");
	ck_assert_str_eq(got.data_source, "Press conference");
	ck_assert_int_eq(got.version, 2);

	/* Changed: the audit row has both. */
	p.lawful_basis = "legitimate_interests";
	p.basis_date = "";
	p.basis_note = "";
	p.data_source = "Press conference";
	ck_assert_int_eq(person_save(&db, "tester", &p), DB_OK);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM audit_log WHERE "
	    "entity = 'person' AND action = 'update' AND before_data LIKE "
	    "'%\"lawful basis\":\"consent\"%' AND after_data LIKE "
	    "'%\"lawful basis\":\"legitimate_interests\"%' AND "
	    "before_data LIKE '%\"basis date\":\"2025-05-06\"%'"), 1);
	ck_assert_int_eq(th_num(&db, "SELECT COUNT(*) FROM people WHERE "
	    "full_name = 'Basis Holder' AND basis_date IS NULL AND "
	    "basis_note IS NULL"), 1);

	memset(&f, 0, sizeof(f));
	f.basis = "legitimate_interests";
	ck_assert_int_eq(person_list(&db, &a, &f, &list, &n, &total), DB_OK);
	ck_assert_uint_eq(total, 1);
	ck_assert_str_eq(list[0].full_name, "Basis Holder");
	f.basis = "none";
	ck_assert_int_eq(person_list(&db, &a, &f, &list, &n, &total), DB_OK);
	ck_assert_uint_eq(total, 1);
	ck_assert_str_eq(list[0].full_name, "No Basis");
	f.basis = "consent";
	ck_assert_int_eq(person_list(&db, &a, &f, &list, &n, &total), DB_OK);
	ck_assert_uint_eq(total, 0);
	ck_assert_int_eq(person_count_no_basis(&db, &none), DB_OK);
	ck_assert_int_eq(none, 1);
	/* The deleted are not waiting on anyone. */
	ck_assert_int_eq(person_delete(&db, "tester", q.id), DB_OK);
	ck_assert_int_eq(person_count_no_basis(&db, &none), DB_OK);
	ck_assert_int_eq(none, 0);
}
END_TEST

START_TEST(test_person_save_bad_category_rolls_back)
{
	struct person	 p = person_new("Nobody", "no_such_category", "");
	size_t		 total;

	ck_assert_int_ne(person_save(&db, "tester", &p), DB_OK);
	ck_assert_int_eq(p.id, 0);
	ck_assert_str_eq(people_listed(&(struct person_filter){ 0 }, &total), "");
	ck_assert_uint_eq(total, 0);
}
END_TEST

START_TEST(test_person_get_missing)
{
	struct person	 got;
	long long	 id = add_person_named("Maya Cohen", "mp", "", 0);

	ck_assert_int_eq(person_get(&db, &a, id + 1000, &got), DB_NOTFOUND);
	ck_assert_int_eq(person_get(&db, &a, 0, &got), DB_NOTFOUND);
	ck_assert_int_eq(person_get(&db, &a, id, &got), DB_OK);
}
END_TEST

START_TEST(test_person_delete_and_restore)
{
	struct person_filter	 live = { 0 }, gone = { 0 };
	struct person		 got;
	size_t			 total;
	long long		 maya, adam;

	gone.deleted = 1;
	maya = add_person_named("Maya Cohen", "mp", "Labour", 0);
	adam = add_person_named("Adam Levi", "peer", "", 0);
	ck_assert_str_eq(people_listed(&live, &total), "Adam Levi,Maya Cohen");

	ck_assert_int_eq(person_delete(&db, "tester", maya), DB_OK);
	ck_assert_str_eq(people_listed(&live, &total), "Adam Levi");
	ck_assert_uint_eq(total, 1);
	ck_assert_str_eq(people_listed(&gone, &total), "Maya Cohen");
	ck_assert_uint_eq(total, 1);
	/* Still readable, marked deleted; not editable. */
	ck_assert_int_eq(person_get(&db, &a, maya, &got), DB_OK);
	ck_assert_int_eq(got.deleted, 1);
	ck_assert_int_eq(person_save(&db, "tester", &got), DB_CONFLICT);
	ck_assert_int_eq(person_delete(&db, "tester", maya), DB_NOTFOUND);
	ck_assert_int_eq(person_delete(&db, "tester", maya + adam + 1000),
	    DB_NOTFOUND);
	ck_assert_int_eq(person_restore(&db, "tester", adam), DB_NOTFOUND);

	ck_assert_int_eq(person_restore(&db, "tester", maya), DB_OK);
	ck_assert_str_eq(people_listed(&live, &total), "Adam Levi,Maya Cohen");
	ck_assert_uint_eq(total, 2);
	ck_assert_str_eq(people_listed(&gone, &total), "");
	ck_assert_uint_eq(total, 0);
	ck_assert_int_eq(person_get(&db, &a, maya, &got), DB_OK);
	ck_assert_int_eq(got.deleted, 0);
	ck_assert_int_eq(person_restore(&db, "tester", maya), DB_NOTFOUND);
	/* A deleted person drops out of the parties in use. */
	{
		const char	**parties;
		size_t		 n;

		ck_assert_int_eq(parties_list(&db, &a, &parties, &n), DB_OK);
		ck_assert_uint_eq(n, 1);
		ck_assert_str_eq(parties[0], "Labour");
		ck_assert_int_eq(person_delete(&db, "tester", maya), DB_OK);
		ck_assert_int_eq(parties_list(&db, &a, &parties, &n), DB_OK);
		ck_assert_uint_eq(n, 0);
	}
}
END_TEST

/* q looks in name, role, constituency and organisation name. */
START_TEST(test_person_list_q)
{
	struct person_filter	 f = { 0 };
	struct person		 p;
	size_t			 total;
	long long		 camden;

	camden = add_org("Camden Council", "council", 0);
	p = person_new("Maya Cohen", "mp", "Labour");
	p.role_title = "Shadow Minister";
	add_person(&p);
	p = person_new("Adam Levi", "mp", "Labour");
	p.constituency = "Hackney North";
	add_person(&p);
	add_person_named("Sara Khan", "councillor", "Green", camden);
	add_person_named("Ben Ross", "journalist", "", 0);

	f.q = "cohen";
	ck_assert_str_eq(people_listed(&f, &total), "Maya Cohen");
	f.q = "Minister";
	ck_assert_str_eq(people_listed(&f, &total), "Maya Cohen");
	f.q = "hackney";
	ck_assert_str_eq(people_listed(&f, &total), "Adam Levi");
	f.q = "Camden";
	ck_assert_str_eq(people_listed(&f, &total), "Sara Khan");
	ck_assert_uint_eq(total, 1);
	f.q = "a";
	ck_assert_str_eq(people_listed(&f, &total),
	    "Adam Levi,Maya Cohen,Sara Khan");
	ck_assert_uint_eq(total, 3);
	f.q = "nothing like it";
	ck_assert_str_eq(people_listed(&f, &total), "");
	ck_assert_uint_eq(total, 0);
	f.q = "";
	ck_assert_str_eq(people_listed(&f, &total),
	    "Adam Levi,Ben Ross,Maya Cohen,Sara Khan");
}
END_TEST

/* % _ and \ in the query are plain characters, not LIKE wildcards. */
START_TEST(test_person_list_q_wildcards_literal)
{
	struct person_filter	 f = { 0 };
	struct person		 p;
	size_t			 total;

	p = person_new("Percent Person", "other", "");
	p.role_title = "Head of 100% Campaign";
	add_person(&p);
	p = person_new("Thousand Person", "other", "");
	p.role_title = "Head of 1000 Campaign";
	add_person(&p);
	p = person_new("Underscore Person", "other", "");
	p.constituency = "North_East";
	add_person(&p);
	p = person_new("Letter Person", "other", "");
	p.constituency = "NorthXEast";
	add_person(&p);
	p = person_new("Back\\slash Person", "other", "");
	add_person(&p);
	p = person_new("Backslash Person", "other", "");
	add_person(&p);

	f.q = "100%";
	ck_assert_str_eq(people_listed(&f, &total), "Percent Person");
	ck_assert_uint_eq(total, 1);
	f.q = "h_E";
	ck_assert_str_eq(people_listed(&f, &total), "Underscore Person");
	ck_assert_uint_eq(total, 1);
	f.q = "%";
	ck_assert_str_eq(people_listed(&f, &total), "Percent Person");
	f.q = "_";
	ck_assert_str_eq(people_listed(&f, &total), "Underscore Person");
	f.q = "k\\s";
	ck_assert_str_eq(people_listed(&f, &total), "Back\\slash Person");
	ck_assert_uint_eq(total, 1);
}
END_TEST

START_TEST(test_person_list_filters)
{
	struct person_filter	 f = { 0 };
	size_t			 total;
	long long		 bbc, camden;

	bbc = add_org("BBC", "media_outlet", 0);
	camden = add_org("Camden Council", "council", 0);
	add_person_named("Maya Cohen", "mp", "Labour", 0);
	add_person_named("Adam Levi", "mp", "Conservative", 0);
	add_person_named("Sara Khan", "councillor", "Labour", camden);
	add_person_named("Ben Ross", "journalist", "", bbc);
	add_person_named("Dina Gold", "journalist", "", bbc);

	f.category = "mp";
	ck_assert_str_eq(people_listed(&f, &total), "Adam Levi,Maya Cohen");
	ck_assert_uint_eq(total, 2);
	f.category = "journalist";
	ck_assert_str_eq(people_listed(&f, &total), "Ben Ross,Dina Gold");
	f.category = NULL;

	f.party = "Labour";
	ck_assert_str_eq(people_listed(&f, &total), "Maya Cohen,Sara Khan");
	f.category = "mp";
	ck_assert_str_eq(people_listed(&f, &total), "Maya Cohen");
	ck_assert_uint_eq(total, 1);
	f.category = NULL;
	f.party = NULL;

	f.organisation_id = bbc;
	ck_assert_str_eq(people_listed(&f, &total), "Ben Ross,Dina Gold");
	f.organisation_id = camden;
	ck_assert_str_eq(people_listed(&f, &total), "Sara Khan");
	f.organisation_id = 0;

	/* Pages of two, ordered by name; total counts them all. */
	f.limit = 2;
	ck_assert_str_eq(people_listed(&f, &total), "Adam Levi,Ben Ross");
	ck_assert_uint_eq(total, 5);
	f.offset = 2;
	ck_assert_str_eq(people_listed(&f, &total), "Dina Gold,Maya Cohen");
	ck_assert_uint_eq(total, 5);
	f.offset = 4;
	ck_assert_str_eq(people_listed(&f, &total), "Sara Khan");
	ck_assert_uint_eq(total, 5);
	f.offset = 6;
	ck_assert_str_eq(people_listed(&f, &total), "");
	ck_assert_uint_eq(total, 5);
	f.category = "journalist";
	f.offset = 1;
	f.limit = 1;
	ck_assert_str_eq(people_listed(&f, &total), "Dina Gold");
	ck_assert_uint_eq(total, 2);
}
END_TEST

START_TEST(test_person_find_by_name)
{
	struct person	*found;
	size_t		 n;
	long long	 first, second, gone;

	first = add_person_named("Maya Cohen", "mp", "Labour", 0);
	second = add_person_named("Maya Cohen", "councillor", "Labour", 0);
	gone = add_person_named("Adam Levi", "mp", "", 0);
	add_person_named("Maya Cohen-Smith", "other", "", 0);
	ck_assert_int_eq(person_delete(&db, "tester", gone), DB_OK);

	ck_assert_int_eq(person_find_by_name(&db, &a, "maya cohen", &found, &n),
	    DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(found[0].id, first);
	ck_assert_int_eq(found[1].id, second);
	ck_assert_str_eq(found[1].category, "councillor");
	ck_assert_int_eq(person_find_by_name(&db, &a, "Maya", &found, &n),
	    DB_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(person_find_by_name(&db, &a, "Adam Levi", &found, &n),
	    DB_OK);
	ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(test_org_save_get_and_parent)
{
	struct organisation	 o = org_new("Foreign Office", "government_department");
	struct organisation	 got, stale;
	long long		 fcdo, desk, bbc;

	o.website = "https://www.gov.uk/fcdo";
	ck_assert_int_eq(org_save(&db, "tester", &o), DB_OK);
	fcdo = o.id;
	ck_assert_int_gt(fcdo, 0);
	ck_assert_int_eq(o.version, 1);

	desk = add_org("Middle East desk", "fcdo_desk", fcdo);
	ck_assert_int_eq(org_get(&db, &a, desk, &got), DB_OK);
	ck_assert_str_eq(got.name, "Middle East desk");
	ck_assert_str_eq(got.kind, "fcdo_desk");
	ck_assert_int_eq(got.parent_id, fcdo);
	ck_assert_str_eq(got.parent_name, "Foreign Office");
	ck_assert_str_eq(got.medium, "");
	ck_assert_int_eq(got.version, 1);
	ck_assert_int_eq(got.deleted, 0);

	o = org_new("BBC Radio 4", "media_outlet");
	o.medium = "broadcast";
	ck_assert_int_eq(org_save(&db, "tester", &o), DB_OK);
	bbc = o.id;
	ck_assert_int_eq(org_get(&db, &a, bbc, &got), DB_OK);
	ck_assert_str_eq(got.medium, "broadcast");
	ck_assert_int_eq(got.parent_id, 0);
	ck_assert_str_eq(got.parent_name, "");

	/* Rename the department: the desk shows the new parent name. */
	ck_assert_int_eq(org_get(&db, &a, fcdo, &got), DB_OK);
	ck_assert_str_eq(got.website, "https://www.gov.uk/fcdo");
	stale = got;
	got.name = "FCDO";
	ck_assert_int_eq(org_save(&db, "tester", &got), DB_OK);
	ck_assert_int_eq(got.version, 2);
	ck_assert_int_eq(org_get(&db, &a, desk, &got), DB_OK);
	ck_assert_str_eq(got.parent_name, "FCDO");

	stale.name = "Stale name";
	ck_assert_int_eq(org_save(&db, "tester", &stale), DB_CONFLICT);
	ck_assert_int_eq(org_get(&db, &a, fcdo, &got), DB_OK);
	ck_assert_str_eq(got.name, "FCDO");
	ck_assert_int_eq(got.version, 2);

	ck_assert_int_eq(org_get(&db, &a, fcdo + desk + bbc + 1000, &got),
	    DB_NOTFOUND);
}
END_TEST

START_TEST(test_org_list_delete_restore)
{
	struct org_filter	 f = { 0 }, gone = { 0 };
	size_t			 total;
	long long		 fcdo, desk, camden;

	gone.deleted = 1;
	fcdo = add_org("FCDO", "government_department", 0);
	desk = add_org("Middle East desk", "fcdo_desk", fcdo);
	add_org("Africa desk", "fcdo_desk", fcdo);
	camden = add_org("Camden Council", "council", 0);
	add_org("100% Campaign", "coalition", 0);
	add_org("1000 Voices", "coalition", 0);

	ck_assert_str_eq(orgs_listed(&f, &total), "100% Campaign,1000 Voices,"
	    "Africa desk,Camden Council,FCDO,Middle East desk");
	ck_assert_uint_eq(total, 6);
	f.q = "DESK";
	ck_assert_str_eq(orgs_listed(&f, &total), "Africa desk,Middle East desk");
	ck_assert_uint_eq(total, 2);
	f.q = "100%";
	ck_assert_str_eq(orgs_listed(&f, &total), "100% Campaign");
	f.q = NULL;
	f.kind = "fcdo_desk";
	ck_assert_str_eq(orgs_listed(&f, &total), "Africa desk,Middle East desk");
	f.kind = "council";
	ck_assert_str_eq(orgs_listed(&f, &total), "Camden Council");
	f.kind = NULL;
	f.limit = 2;
	f.offset = 2;
	ck_assert_str_eq(orgs_listed(&f, &total), "Africa desk,Camden Council");
	ck_assert_uint_eq(total, 6);
	f.limit = 0;
	f.offset = 0;

	ck_assert_int_eq(org_delete(&db, "tester", desk), DB_OK);
	f.kind = "fcdo_desk";
	ck_assert_str_eq(orgs_listed(&f, &total), "Africa desk");
	ck_assert_uint_eq(total, 1);
	ck_assert_str_eq(orgs_listed(&gone, &total), "Middle East desk");
	ck_assert_uint_eq(total, 1);
	ck_assert_int_eq(org_delete(&db, "tester", desk), DB_NOTFOUND);
	ck_assert_int_eq(org_restore(&db, "tester", camden), DB_NOTFOUND);
	ck_assert_int_eq(org_restore(&db, "tester", desk), DB_OK);
	ck_assert_str_eq(orgs_listed(&f, &total), "Africa desk,Middle East desk");
	ck_assert_str_eq(orgs_listed(&gone, &total), "");
	ck_assert_uint_eq(total, 0);
	ck_assert_int_eq(org_restore(&db, "tester", desk), DB_NOTFOUND);
	ck_assert_uint_eq(audit_rows("organisation", desk), 3);
}
END_TEST

START_TEST(test_person_contacts)
{
	struct contact		*c;
	struct contact_summary	 s;
	size_t			 n;
	long long		 maya, adam, org, e1, e2, e3, e4;

	maya = add_person_named("Maya Cohen", "mp", "Labour", 0);
	adam = add_person_named("Adam Levi", "mp", "", 0);
	org = add_org("Camden Council", "council", 0);
	e1 = add_engagement("meeting", "2025-03-01", "First meeting", maya, org);
	e2 = add_engagement("written_briefing", "2025-05-01", "Briefing",
	    maya, 0);
	e3 = add_engagement("meeting", "2025-04-01", "Second meeting", maya,
	    org);
	add_engagement("meeting", "2025-06-01", "Adam only", adam, 0);
	e4 = add_engagement("correspondence", "2025-07-01", "Deleted letter",
	    maya, org);
	ck_assert_int_eq(engagement_delete(&db, "tester", e4), DB_OK);

	ck_assert_int_eq(person_contacts(&db, &a, NULL, maya, &c, &n, &s),
	    DB_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(c[0].engagement_id, e2);
	ck_assert_str_eq(c[0].date, "2025-05-01");
	ck_assert_str_eq(c[0].type, "written_briefing");
	ck_assert_str_eq(c[0].type_label, "Written briefing");
	ck_assert_str_eq(c[0].title, "Briefing");
	ck_assert_int_eq(c[0].is_new, 0);
	ck_assert_int_eq(c[1].engagement_id, e3);
	ck_assert_int_eq(c[1].is_new, 0);
	ck_assert_int_eq(c[2].engagement_id, e1);
	ck_assert_int_eq(c[2].is_new, 1);

	ck_assert_str_eq(s.first, "2025-03-01");
	ck_assert_str_eq(s.last, "2025-05-01");
	ck_assert_int_eq(s.count, 3);
	ck_assert_uint_eq(s.ntypes, 2);
	ck_assert_str_eq(s.by_type[0].type_label, "Written briefing");
	ck_assert_int_eq(s.by_type[0].n, 1);
	ck_assert_str_eq(s.by_type[1].type_label, "Meeting");
	ck_assert_int_eq(s.by_type[1].n, 2);

	/* The organisation's history: its two live meetings. */
	ck_assert_int_eq(org_contacts(&db, &a, NULL, org, &c, &n, &s), DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(c[0].engagement_id, e3);
	ck_assert_int_eq(c[1].engagement_id, e1);
	ck_assert_int_eq(s.count, 2);
	ck_assert_uint_eq(s.ntypes, 1);
	ck_assert_int_eq(s.by_type[0].n, 2);

	/* Nobody's history is empty: no first or last date. */
	ck_assert_int_eq(person_contacts(&db, &a, NULL, maya + adam + 1000, &c,
	    &n, &s), DB_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(s.first);
	ck_assert_ptr_null(s.last);
	ck_assert_int_eq(s.count, 0);
	ck_assert_uint_eq(s.ntypes, 0);
}
END_TEST

START_TEST(test_contact_summarise)
{
	const struct contact	 c[] = {
		{ 4, "2025-09-01", "meeting", "Meeting", "d", 0, 0 },
		{ 3, "2025-06-01", "correspondence", "Correspondence", "c", 0,
		    0 },
		{ 2, "2025-06-01", "meeting", "Meeting", "b", 0, 0 },
		{ 1, "2024-01-31", "meeting", "Meeting", "a", 1, 0 },
	};
	struct contact_summary	 s;

	ck_assert_int_eq(contact_summarise(&a, c, 4, &s), 0);
	ck_assert_str_eq(s.first, "2024-01-31");
	ck_assert_str_eq(s.last, "2025-09-01");
	ck_assert_int_eq(s.count, 4);
	ck_assert_uint_eq(s.ntypes, 2);
	ck_assert_str_eq(s.by_type[0].type_label, "Meeting");
	ck_assert_int_eq(s.by_type[0].n, 3);
	ck_assert_str_eq(s.by_type[1].type_label, "Correspondence");
	ck_assert_int_eq(s.by_type[1].n, 1);
	ck_assert_int_eq(contact_summarise(&a, c, 1, &s), 0);
	ck_assert_str_eq(s.first, "2025-09-01");
	ck_assert_str_eq(s.last, "2025-09-01");
	ck_assert_int_eq(s.count, 1);
	ck_assert_int_eq(contact_summarise(&a, c, 0, &s), 0);
	ck_assert_ptr_null(s.first);
	ck_assert_int_eq(s.count, 0);
	ck_assert_uint_eq(s.ntypes, 0);
}
END_TEST

START_TEST(test_person_audit_history)
{
	struct person		 p = person_new("Maya Cohen", "mp", "Labour");
	struct audit_entry	*h;
	const struct audit_change *ch;
	size_t			 n;
	long long		 id;

	id = add_person(&p);
	p.party = "Conservative";
	ck_assert_int_eq(person_save(&db, "editor-1", &p), DB_OK);
	ck_assert_int_eq(person_delete(&db, "editor-2", id), DB_OK);
	ck_assert_int_eq(person_restore(&db, "editor-3", id), DB_OK);

	ck_assert_int_eq(audit_history(&db, &a, "person", id, &h, &n), DB_OK);
	ck_assert_uint_eq(n, 4);
	ck_assert_str_eq(h[0].action, "restore");
	ck_assert_str_eq(h[0].actor, "editor-3");
	ck_assert_str_eq(h[1].action, "delete");
	ck_assert_str_eq(h[1].actor, "editor-2");
	ck_assert_str_eq(h[2].action, "update");
	ck_assert_str_eq(h[2].actor, "editor-1");
	ck_assert_str_eq(h[3].action, "create");
	ck_assert_str_eq(h[3].actor, "tester");
	ck_assert_int_gt(h[0].id, h[1].id);
	ck_assert_int_gt(h[1].id, h[2].id);
	ck_assert_int_gt(h[2].id, h[3].id);
	ck_assert_uint_eq(strlen(h[0].at), 20);

	/* The update changed the party and nothing else. */
	ck_assert_uint_eq(h[2].nchanges, 1);
	ck_assert_str_eq(h[2].changes[0].field, "party");
	ck_assert_str_eq(h[2].changes[0].before, "Labour");
	ck_assert_str_eq(h[2].changes[0].after, "Conservative");
	/* The create logged the fields as they were first saved. */
	ck_assert_ptr_nonnull(ch = change_of(&h[3], "name"));
	ck_assert_str_eq(ch->before, "");
	ck_assert_str_eq(ch->after, "Maya Cohen");
	ck_assert_ptr_nonnull(ch = change_of(&h[3], "party"));
	ck_assert_str_eq(ch->after, "Labour");
	ck_assert_ptr_nonnull(ch = change_of(&h[3], "category"));
	ck_assert_str_eq(ch->after, "mp");
	ck_assert_uint_eq(h[1].nchanges, 0);
	ck_assert_uint_eq(h[0].nchanges, 0);
}
END_TEST

START_TEST(test_categories_list)
{
	static const char *const codes[] = { "mp", "peer", "councillor",
	    "civil_servant", "fcdo_official", "journalist", "faith_leader",
	    "coalition_partner", "hias_staff", "other" };
	struct category	*c;
	size_t		 n, i;

	ck_assert_int_eq(categories_list(&db, &a, &c, &n), DB_OK);
	ck_assert_uint_eq(n, 10);
	for (i = 0; i < n; i++)
		ck_assert_str_eq(c[i].code, codes[i]);
	ck_assert_str_eq(c[0].label, "MP");
	ck_assert_int_eq(c[0].decision_maker, 1);
	ck_assert_str_eq(c[1].label, "Peer");
	ck_assert_int_eq(c[1].decision_maker, 1);
	ck_assert_str_eq(c[5].label, "Journalist");
	ck_assert_int_eq(c[5].decision_maker, 0);
	ck_assert_str_eq(c[8].label, "HIAS staff");
	ck_assert_int_eq(c[8].decision_maker, 0);
	ck_assert_int_eq(c[9].decision_maker, 0);
}
END_TEST

START_TEST(test_policy_areas)
{
	struct policy_area	 pa = { 0, "Refugee protection", 1, 0 };
	struct policy_area	 pb = { 0, "Asylum accommodation", 0, 0 };
	struct policy_area	 pc = { 0, "Old campaign", 1, 1 };
	struct policy_area	 dup = { 0, "Refugee protection", 0, 0 };
	struct policy_area	*l;
	struct audit_entry	*h;
	size_t			 n;

	ck_assert_int_eq(policy_area_save(&db, "tester", &pa), DB_OK);
	ck_assert_int_eq(policy_area_save(&db, "tester", &pb), DB_OK);
	ck_assert_int_eq(policy_area_save(&db, "tester", &pc), DB_OK);
	ck_assert_int_gt(pa.id, 0);
	ck_assert_int_gt(pb.id, pa.id);
	ck_assert_int_gt(pc.id, pb.id);

	/* Priority ones first, then by name; retired ones only on request. */
	ck_assert_int_eq(policy_areas_list(&db, &a, 0, &l, &n), DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(l[0].id, pa.id);
	ck_assert_str_eq(l[0].name, "Refugee protection");
	ck_assert_int_eq(l[0].priority, 1);
	ck_assert_int_eq(l[0].retired, 0);
	ck_assert_int_eq(l[1].id, pb.id);
	ck_assert_int_eq(l[1].priority, 0);
	ck_assert_int_eq(policy_areas_list(&db, &a, 1, &l, &n), DB_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(l[0].name, "Old campaign");
	ck_assert_int_eq(l[0].retired, 1);
	ck_assert_str_eq(l[1].name, "Refugee protection");
	ck_assert_str_eq(l[2].name, "Asylum accommodation");

	/* Edit: rename and retire one; bring the other back. */
	pb.name = "Asylum housing";
	pb.retired = 1;
	ck_assert_int_eq(policy_area_save(&db, "tester", &pb), DB_OK);
	pc.retired = 0;
	ck_assert_int_eq(policy_area_save(&db, "tester", &pc), DB_OK);
	ck_assert_int_eq(policy_areas_list(&db, &a, 0, &l, &n), DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(l[0].name, "Old campaign");
	ck_assert_str_eq(l[1].name, "Refugee protection");
	ck_assert_int_eq(policy_areas_list(&db, &a, 1, &l, &n), DB_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(l[2].name, "Asylum housing");
	ck_assert_int_eq(l[2].retired, 1);

	ck_assert_int_eq(policy_area_save(&db, "tester", &dup), DB_DUPLICATE);
	ck_assert_int_eq(dup.id, 0);

	ck_assert_int_eq(audit_history(&db, &a, "policy_area", pb.id, &h, &n),
	    DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(h[0].action, "update");
	ck_assert_str_eq(h[1].action, "create");
	ck_assert_ptr_nonnull(change_of(&h[0], "name"));
	ck_assert_str_eq(change_of(&h[0], "name")->after, "Asylum housing");
}
END_TEST

START_TEST(test_like_escape)
{
	ck_assert_str_eq(like_escape(&a, ""), "%%");
	ck_assert_str_eq(like_escape(&a, "plain"), "%plain%");
	ck_assert_str_eq(like_escape(&a, "100%"), "%100\\%%");
	ck_assert_str_eq(like_escape(&a, "a_b"), "%a\\_b%");
	ck_assert_str_eq(like_escape(&a, "a\\b"), "%a\\\\b%");
	ck_assert_str_eq(like_escape(&a, "%_\\"), "%\\%\\_\\\\%");
}
END_TEST

START_TEST(test_code_label)
{
	ck_assert_str_eq(code_label(org_kinds, "fcdo_desk"), "FCDO desk");
	ck_assert_str_eq(code_label(media, "broadcast"), "Broadcast");
	ck_assert_str_eq(code_label(houses, "lords"), "House of Lords");
	ck_assert_str_eq(code_label(media, "carrier pigeon"), "carrier pigeon");
	ck_assert_str_eq(code_label(media, NULL), "");
}
END_TEST

/* Today's date in UTC, as the terms are dated. */
static const char *
today_utc(void)
{
	static char	 d[11];
	time_t		 now = time(NULL);
	struct tm	 tm;

	gmtime_r(&now, &tm);
	strftime(d, sizeof(d), "%Y-%m-%d", &tm);
	return d;
}

/* An engagement on date with two people. */
static long long
add_engagement_two(const char *date, const char *title, long long p1,
    long long p2)
{
	struct engagement	 e;
	struct eng_person	 p[2];

	memset(&e, 0, sizeof(e));
	memset(p, 0, sizeof(p));
	e.type = "meeting";
	e.date = date;
	e.time = "";
	e.title = title;
	p[0].id = p1;
	p[1].id = p2;
	e.people = p;
	e.npeople = 2;
	ck_assert_msg(engagement_save(&db, "tester", 0, &e) == DB_OK, "%s",
	    db.error);
	return e.id;
}

/* The engagement ids of a person's contacts, newest first, "id*" if new. */
static const char *
contacts_of(long long person)
{
	struct contact		*c;
	struct contact_summary	 s;
	size_t			 n, i;
	const char		*out = "";

	ck_assert_int_eq(person_contacts(&db, &a, NULL, person, &c, &n, &s),
	    DB_OK);
	for (i = 0; i < n; i++)
		out = arena_printf(&a, "%s%s%lld%s", out, i ? "," : "",
		    c[i].engagement_id, c[i].is_new ? "*" : "");
	return out;
}

static size_t
terms_count(long long person, size_t *open)
{
	struct person_term	*t;
	size_t			 n, i;

	ck_assert_int_eq(person_terms(&db, &a, person, &t, &n), DB_OK);
	*open = 0;
	for (i = 0; i < n; i++)
		*open += t[i].ended_on == NULL;
	return n;
}

START_TEST(test_person_terms_follow_saves)
{
	struct person		 p = person_new("Maya Cohen", "mp", "Labour");
	struct person_term	*t, on;
	size_t			 n, open;
	const char		*today = today_utc();
	char			 sql[200];

	p.house = "commons";
	p.constituency = "Hackney North";
	add_person(&p);
	ck_assert_int_eq(person_terms(&db, &a, p.id, &t, &n), DB_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(t[0].started_on, today);
	ck_assert_ptr_null(t[0].ended_on);
	ck_assert_str_eq(t[0].party, "Labour");
	ck_assert_str_eq(t[0].house, "commons");
	ck_assert_str_eq(t[0].constituency, "Hackney North");
	ck_assert_str_eq(t[0].category_label, "MP");
	ck_assert_str_eq(t[0].source, "manual");

	/* A change on the day the term started amends it in place. */
	p.party = "Green";
	ck_assert_int_eq(person_save(&db, "tester", &p), DB_OK);
	ck_assert_int_eq(person_terms(&db, &a, p.id, &t, &n), DB_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(t[0].party, "Green");

	/* A term that started earlier is closed today and a new one opened. */
	snprintf(sql, sizeof(sql), "UPDATE person_terms SET started_on = "
	    "'2024-01-01' WHERE person_id = %lld", p.id);
	th_sql(&db, sql);
	p.party = "Independent";
	ck_assert_int_eq(person_save(&db, "tester", &p), DB_OK);
	ck_assert_int_eq(person_terms(&db, &a, p.id, &t, &n), DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(t[0].party, "Independent");
	ck_assert_str_eq(t[0].started_on, today);
	ck_assert_ptr_null(t[0].ended_on);
	ck_assert_str_eq(t[1].party, "Green");
	ck_assert_str_eq(t[1].started_on, "2024-01-01");
	ck_assert_str_eq(t[1].ended_on, today);

	/* Email and notes are not kept by term: no new period. */
	p.email = "maya@example.org";
	p.notes = "Met at conference";
	ck_assert_int_eq(person_save(&db, "tester", &p), DB_OK);
	ck_assert_uint_eq(terms_count(p.id, &open), 2);
	ck_assert_uint_eq(open, 1);

	ck_assert_int_eq(person_term_on(&db, &a, p.id, "2024-06-01", &on),
	    DB_OK);
	ck_assert_str_eq(on.party, "Green");
	ck_assert_int_eq(person_term_on(&db, &a, p.id, today, &on), DB_OK);
	ck_assert_str_eq(on.party, "Independent");
	ck_assert_int_eq(person_term_on(&db, &a, p.id, "2023-12-31", &on),
	    DB_NOTFOUND);
}
END_TEST

START_TEST(test_person_list_house_council_current)
{
	struct person_filter	 f = { 0 };
	struct party_count	*pc;
	struct person		 p;
	size_t			 total, n;
	long long		 camden, bbc, ben;

	camden = add_org("Camden Council", "council", 0);
	bbc = add_org("BBC", "media_outlet", 0);
	p = person_new("Maya Cohen", "mp", "Labour");
	p.house = "commons";
	add_person(&p);
	p = person_new("Adam Levi", "peer", "Conservative");
	p.house = "lords";
	add_person(&p);
	p = person_new("Old Member", "mp", "Labour");
	p.house = "commons";
	p.is_current = 0;
	add_person(&p);
	add_person_named("Sara Khan", "councillor", "Labour", camden);
	ben = add_person_named("Ben Ross", "journalist", "", bbc);

	f.house = "commons";
	ck_assert_str_eq(people_listed(&f, &total), "Maya Cohen,Old Member");
	f.house = "lords";
	ck_assert_str_eq(people_listed(&f, &total), "Adam Levi");
	f.house = NULL;
	f.council_id = camden;
	ck_assert_str_eq(people_listed(&f, &total), "Sara Khan");
	f.council_id = bbc;		/* not a council: nobody */
	ck_assert_str_eq(people_listed(&f, &total), "");
	f.council_id = 0;
	f.current = PERSON_CURRENT_NO;
	ck_assert_str_eq(people_listed(&f, &total), "Old Member");
	f.current = PERSON_CURRENT_YES;
	ck_assert_str_eq(people_listed(&f, &total),
	    "Adam Levi,Ben Ross,Maya Cohen,Sara Khan");
	ck_assert_uint_eq(total, 4);

	ck_assert_int_eq(person_party_counts(&db, &a, &f, &pc, &n), DB_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(pc[0].party, "Labour");
	ck_assert_int_eq(pc[0].n, 2);
	ck_assert_str_eq(pc[1].party, "");
	ck_assert_int_eq(pc[1].n, 1);
	ck_assert_str_eq(pc[2].party, "Conservative");
	ck_assert_int_eq(pc[2].n, 1);
	f.current = 0;
	f.house = "commons";
	ck_assert_int_eq(person_party_counts(&db, &a, &f, &pc, &n), DB_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(pc[0].n, 2);
	{
		struct person	 got;

		ck_assert_int_eq(person_get(&db, &a, ben, &got), DB_OK);
		ck_assert_str_eq(got.organisation_kind, "media_outlet");
	}
}
END_TEST

START_TEST(test_person_duplicates)
{
	struct person_pair	*d;
	struct person		 p;
	size_t			 n;
	long long		 m1, m2, j1, j2, gone;

	m1 = add_person_named("Maya Cohen", "mp", "Labour", 0);
	m2 = add_person_named("maya COHEN", "mp", "", 0);
	add_person_named("Maya Cohen", "journalist", "", 0);	/* other category */
	p = person_new("Jo Smith", "journalist", "");
	p.email = "jo@example.org";
	j1 = add_person(&p);
	p = person_new("Joanna Smith", "other", "");
	p.email = "JO@example.org";
	j2 = add_person(&p);
	gone = add_person_named("Adam Levi", "peer", "", 0);
	add_person_named("Adam Levi", "peer", "", 0);
	ck_assert_int_eq(person_delete(&db, "tester", gone), DB_OK);
	p = person_new("No Email", "other", "");
	add_person(&p);
	p = person_new("No Email Either", "other", "");
	add_person(&p);

	ck_assert_int_eq(person_duplicates(&db, &a, &d, &n), DB_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(d[0].a.id, m1);
	ck_assert_int_eq(d[0].b.id, m2);
	ck_assert_str_eq(d[0].reason, "same name and category");
	ck_assert_int_eq(d[1].a.id, j1);
	ck_assert_int_eq(d[1].b.id, j2);
	ck_assert_str_eq(d[1].reason, "same email");
	ck_assert_str_eq(d[1].b.full_name, "Joanna Smith");
}
END_TEST

START_TEST(test_person_merge_and_undo)
{
	struct person		 s = person_new("Maya Cohen", "mp", "Labour");
	struct person		 o = person_new("Maya Cohen", "mp", "Labour");
	struct person		 got;
	struct person_merge	*m, one;
	struct audit_entry	*h;
	size_t			 n, open;
	long long		 e1, e2, e3, mid;
	char			*expect;

	s.notes = "Survivor notes";
	s.phone = "020 7946 0000";
	add_person(&s);
	o.email = "maya@example.org";
	o.phone = "020 7946 0999";
	o.role_title = "Shadow Minister";
	o.notes = "Other notes";
	add_person(&o);
	e1 = add_engagement("meeting", "2025-03-01", "Other first", o.id, 0);
	e2 = add_engagement("meeting", "2025-05-01", "Survivor only", s.id, 0);
	e3 = add_engagement_two("2025-04-01", "Both", s.id, o.id);
	ck_assert_str_eq(contacts_of(s.id), arena_printf(&a, "%lld,%lld*", e2,
	    e3));

	ck_assert_int_eq(person_merge(&db, "editor-1", s.id, o.id, &mid), DB_OK);
	ck_assert_int_gt(mid, 0);
	/* Other's first engagement moved: it is now the survivor's first. */
	expect = arena_printf(&a, "%lld,%lld,%lld*", e2, e3, e1);
	ck_assert_str_eq(contacts_of(s.id), expect);
	ck_assert_int_eq(person_get(&db, &a, o.id, &got), DB_OK);
	ck_assert_int_eq(got.deleted, 1);
	ck_assert_int_eq(person_get(&db, &a, s.id, &got), DB_OK);
	ck_assert_str_eq(got.email, "maya@example.org");
	ck_assert_str_eq(got.phone, "020 7946 0000");	/* kept: not empty */
	ck_assert_str_eq(got.role_title, "Shadow Minister");
	ck_assert_str_eq(got.notes, "Survivor notes\n\nOther notes");
	ck_assert_uint_eq(terms_count(s.id, &open), 2);
	ck_assert_uint_eq(open, 1);
	ck_assert_uint_eq(terms_count(o.id, &open), 0);
	ck_assert_int_eq(person_merges_of(&db, &a, s.id, &m, &n), DB_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(m[0].id, mid);
	ck_assert_int_eq(m[0].merged_id, o.id);
	ck_assert_str_eq(m[0].actor, "editor-1");
	ck_assert_ptr_null(m[0].undone_at);
	ck_assert_int_eq(audit_history(&db, &a, "person", s.id, &h, &n), DB_OK);
	ck_assert_str_eq(h[0].action, "merge");
	ck_assert_ptr_nonnull(change_of(&h[0], "email"));
	ck_assert_int_eq(audit_history(&db, &a, "person", o.id, &h, &n), DB_OK);
	ck_assert_str_eq(h[0].action, "merged");
	/* A merged person cannot be merged again, nor into. */
	ck_assert_int_eq(person_merge(&db, "editor-1", s.id, o.id, &mid),
	    DB_CONFLICT);
	ck_assert_int_eq(mid, 0);
	ck_assert_int_eq(person_merges_of(&db, &a, s.id, &m, &n), DB_OK);
	mid = m[0].id;

	ck_assert_int_eq(person_merge_undo(&db, "editor-2", mid), DB_OK);
	ck_assert_str_eq(contacts_of(s.id), arena_printf(&a, "%lld,%lld*", e2,
	    e3));
	ck_assert_str_eq(contacts_of(o.id), arena_printf(&a, "%lld,%lld*", e3,
	    e1));
	ck_assert_int_eq(person_get(&db, &a, o.id, &got), DB_OK);
	ck_assert_int_eq(got.deleted, 0);
	ck_assert_int_eq(person_get(&db, &a, s.id, &got), DB_OK);
	ck_assert_str_eq(got.email, "");
	ck_assert_str_eq(got.phone, "020 7946 0000");
	ck_assert_str_eq(got.role_title, "");
	ck_assert_str_eq(got.notes, "Survivor notes");
	ck_assert_uint_eq(terms_count(s.id, &open), 1);
	ck_assert_uint_eq(open, 1);
	ck_assert_uint_eq(terms_count(o.id, &open), 1);
	ck_assert_uint_eq(open, 1);
	ck_assert_int_eq(person_merge_get(&db, &a, mid, &one), DB_OK);
	ck_assert_ptr_nonnull(one.undone_at);
	ck_assert_int_eq(audit_history(&db, &a, "person", s.id, &h, &n), DB_OK);
	ck_assert_str_eq(h[0].action, "unmerge");
	ck_assert_int_eq(audit_history(&db, &a, "person", o.id, &h, &n), DB_OK);
	ck_assert_str_eq(h[0].action, "unmerge");

	/* Undoing twice is refused and changes nothing. */
	ck_assert_int_eq(person_merge_undo(&db, "editor-2", mid), DB_CONFLICT);
	ck_assert_int_eq(person_merge_undo(&db, "editor-2", mid + 1000),
	    DB_NOTFOUND);
	ck_assert_int_eq(person_get(&db, &a, o.id, &got), DB_OK);
	ck_assert_int_eq(got.deleted, 0);
}
END_TEST

START_TEST(test_person_merge_refused)
{
	struct person_merge	*m;
	size_t			 n;
	long long		 s, o, gone, mid;

	s = add_person_named("Maya Cohen", "mp", "", 0);
	o = add_person_named("Maya Cohen", "mp", "", 0);
	gone = add_person_named("Maya Cohen", "mp", "", 0);
	ck_assert_int_eq(person_delete(&db, "tester", gone), DB_OK);

	ck_assert_int_eq(person_merge(&db, "t", s, s, &mid), DB_CONFLICT);
	ck_assert_int_eq(person_merge(&db, "t", s, gone, &mid), DB_CONFLICT);
	ck_assert_int_eq(person_merge(&db, "t", gone, o, &mid), DB_CONFLICT);
	ck_assert_int_eq(person_merge(&db, "t", s, s + o + gone + 1000, &mid),
	    DB_NOTFOUND);
	ck_assert_int_eq(mid, 0);
	ck_assert_int_eq(person_merges_of(&db, &a, s, &m, &n), DB_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_uint_eq(audit_rows("person", s), 1);
	ck_assert_uint_eq(audit_rows("person", o), 1);
}
END_TEST

/* Undoing a merge whose survivor was merged on since is refused whole. */
START_TEST(test_merge_undo_after_chain_refused)
{
	long long	 x, s_, t, e, m1, m2;
	size_t		 open, n;

	x = add_person_named("Chain X", "mp", "Labour", 0);
	s_ = add_person_named("Chain S", "mp", "Labour", 0);
	t = add_person_named("Chain T", "mp", "Labour", 0);
	e = add_engagement_two("2025-01-01", "X met", x, x);
	ck_assert_int_gt(e, 0);
	ck_assert_int_eq(person_merge(&db, "t", s_, x, &m1), DB_OK);
	ck_assert_int_eq(person_merge(&db, "t", t, s_, &m2), DB_OK);
	ck_assert_int_eq(person_merge_undo(&db, "t", m1), DB_CONFLICT);
	/* Nothing moved: T keeps the engagement and exactly one open term. */
	ck_assert_str_eq(contacts_of(t), arena_printf(&a, "%lld*", e));
	ck_assert_str_eq(contacts_of(x), "");
	n = terms_count(t, &open);
	ck_assert_uint_ge(n, 1);
	ck_assert_uint_eq(open, 1);
	/* Undone in order, both come back. */
	ck_assert_int_eq(person_merge_undo(&db, "t", m2), DB_OK);
	ck_assert_int_eq(person_merge_undo(&db, "t", m1), DB_OK);
	ck_assert_str_eq(contacts_of(x), arena_printf(&a, "%lld*", e));
}
END_TEST

static const char members_doc[] =
    "<Members><Member Member_Id=\"9101\"><DisplayAs>Idris Vane</DisplayAs>"
    "<Party Id=\"1\">%s</Party><House>Commons</House>"
    "<MemberFrom>Eastmoor</MemberFrom>"
    "<HouseStartDate>2024-07-04T00:00:00</HouseStartDate>"
    "<CurrentStatus IsActive=\"True\"><Name>Current</Name></CurrentStatus>"
    "</Member></Members>";

/*
 * Merging an imported member into a hand-made record hands over the
 * Parliament id: the next import updates the survivor, not the deleted
 * record, and undo gives the id back.
 */
START_TEST(test_merge_moves_outside_ids)
{
	struct import_result	 r;
	struct person		*found, p;
	char			 doc[sizeof(members_doc) + 64], msg[256];
	long long		 mine, imported, mid;
	size_t			 n;

	snprintf(doc, sizeof(doc), members_doc, "Labour");
	ck_assert_msg(import_parliament(&db, "t", doc, strlen(doc), "t", &r,
	    msg, sizeof(msg)) == IMPORT_OK, "%s", msg);
	ck_assert_int_eq(person_find_by_name(&db, &a, "Idris Vane", &found,
	    &n), DB_OK);
	ck_assert_uint_eq(n, 1);
	imported = found[0].id;
	mine = add_person_named("Idris Vane MP", "mp", "Labour", 0);
	ck_assert_int_eq(person_merge(&db, "t", mine, imported, &mid), DB_OK);

	snprintf(doc, sizeof(doc), members_doc, "Green");
	ck_assert_msg(import_parliament(&db, "t", doc, strlen(doc), "t", &r,
	    msg, sizeof(msg)) == IMPORT_OK, "%s", msg);
	ck_assert_int_eq(r.added, 0);
	ck_assert_int_eq(person_get(&db, &a, mine, &p), DB_OK);
	ck_assert_str_eq(p.party, "Green");
	ck_assert_int_eq(person_get(&db, &a, imported, &p), DB_OK);
	ck_assert_str_eq(p.party, "Labour");

	ck_assert_int_eq(person_merge_undo(&db, "t", mid), DB_OK);
	snprintf(doc, sizeof(doc), members_doc, "Reform UK");
	ck_assert_msg(import_parliament(&db, "t", doc, strlen(doc), "t", &r,
	    msg, sizeof(msg)) == IMPORT_OK, "%s", msg);
	ck_assert_int_eq(person_get(&db, &a, imported, &p), DB_OK);
	ck_assert_str_eq(p.party, "Reform UK");
	ck_assert_int_eq(person_get(&db, &a, mine, &p), DB_OK);
	ck_assert_str_eq(p.party, "Green");
}
END_TEST

/* Leaving office ends the open term; nothing new opens while out. */
START_TEST(test_not_current_closes_term)
{
	struct person	 p = person_new("Former Member", "mp", "Labour");
	size_t		 open;

	add_person(&p);
	terms_count(p.id, &open);
	ck_assert_uint_eq(open, 1);
	p.is_current = 0;
	ck_assert_int_eq(person_save(&db, "t", &p), DB_OK);
	terms_count(p.id, &open);
	ck_assert_uint_eq(open, 0);
	p.party = "Independent";
	ck_assert_int_eq(person_save(&db, "t", &p), DB_OK);
	terms_count(p.id, &open);
	ck_assert_uint_eq(open, 0);
	p.is_current = 1;
	ck_assert_int_eq(person_save(&db, "t", &p), DB_OK);
	terms_count(p.id, &open);
	ck_assert_uint_eq(open, 1);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("directory");
	TCase	*tc = tcase_create("directory");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_person_create_and_update);
	tcase_add_test(tc, test_person_save_keeps_watch);
	tcase_add_test(tc, test_person_save_bad_category_rolls_back);
	tcase_add_test(tc, test_person_basis_saved_kept_filtered);
	tcase_add_test(tc, test_person_get_missing);
	tcase_add_test(tc, test_person_delete_and_restore);
	tcase_add_test(tc, test_person_list_q);
	tcase_add_test(tc, test_person_list_q_wildcards_literal);
	tcase_add_test(tc, test_person_list_filters);
	tcase_add_test(tc, test_person_find_by_name);
	tcase_add_test(tc, test_org_save_get_and_parent);
	tcase_add_test(tc, test_org_list_delete_restore);
	tcase_add_test(tc, test_person_contacts);
	tcase_add_test(tc, test_contact_summarise);
	tcase_add_test(tc, test_person_audit_history);
	tcase_add_test(tc, test_categories_list);
	tcase_add_test(tc, test_policy_areas);
	tcase_add_test(tc, test_like_escape);
	tcase_add_test(tc, test_code_label);
	tcase_add_test(tc, test_person_terms_follow_saves);
	tcase_add_test(tc, test_person_list_house_council_current);
	tcase_add_test(tc, test_person_duplicates);
	tcase_add_test(tc, test_person_merge_and_undo);
	tcase_add_test(tc, test_person_merge_refused);
	tcase_add_test(tc, test_merge_undo_after_chain_refused);
	tcase_add_test(tc, test_merge_moves_outside_ids);
	tcase_add_test(tc, test_not_current_closes_term);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
