/*
 * The directory's pages gathered from the database: the lists with
 * their filters and pages, a person's page and an organisation's.  See
 * dir_pages.h; cgi-bin/people.c renders what these fill in.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "dir_form.h"
#include "dir_pages.h"
#include "directory.h"
#include "feed_store.h"
#include "mentions.h"
#include "privacy_basis.h"
#include "request.h"
#include "ui_directory.h"

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

void
dir_person_filter(const struct params *q, struct person_filter *f)
{
	const char	*house = nz(params_get(q, "house"));
	const char	*current = nz(params_get(q, "current"));

	memset(f, 0, sizeof(*f));
	f->q = nz(params_get(q, "q"));
	f->category = nz(params_get(q, "category"));
	f->party = nz(params_get(q, "party"));

	f->organisation_id = dir_id(params_get(q, "organisation"));
	f->house = strcmp(house, "commons") == 0 || strcmp(house, "lords") == 0 ?
	    house : "";
	f->council_id = dir_id(params_get(q, "council"));
	f->current = strcmp(current, "current") == 0 ? PERSON_CURRENT_YES :
	    strcmp(current, "former") == 0 ? PERSON_CURRENT_NO :
	    PERSON_CURRENT_ANY;
	f->deleted = strcmp(nz(params_get(q, "deleted")), "1") == 0;
	f->basis = nz(params_get(q, "basis"));
	if (privacy_basis(f->basis) == NULL &&
	    strcmp(f->basis, PRIVACY_BASIS_NONE) != 0)
		f->basis = "";
}

void
dir_org_filter(const struct params *q, struct org_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->q = nz(params_get(q, "q"));
	f->kind = nz(params_get(q, "kind"));
	f->deleted = strcmp(nz(params_get(q, "deleted")), "1") == 0;
}

size_t
dir_page_number(const struct params *q)
{
	long long	 n = dir_id(params_get(q, "page"));

	return n > 0 && n < 1000000 ? (size_t)n : 1;
}

const char *
dir_notice(const struct params *q)
{
	if (params_get(q, "saved") != NULL)
		return "Saved.";
	if (params_get(q, "deleted") != NULL)
		return "Deleted.";
	if (params_get(q, "restored") != NULL)
		return "Restored.";
	if (params_get(q, "merged") != NULL)
		return "Merged. The other record has been deleted; you can undo "
		    "the merge below.";
	if (params_get(q, "unmerged") != NULL)
		return "Merge undone.";
	return NULL;
}

/*
 * Where page (from 1) starts, or, when it came back empty past the end
 * of total rows, 1 with page moved to the last one: fetch that instead.
 */
static int
past_the_end(size_t *page, size_t n, size_t total, size_t per_page,
    size_t *offset)
{
	if (n > 0 || total == 0 || *page == 1)
		return 0;
	*page = (total + per_page - 1) / per_page;
	*offset = (*page - 1) * per_page;
	return 1;
}

/* One page of people; a page past the end shows the last one. */
static enum db_err
people_rows(struct db *db, struct arena *a, struct person_filter *f,
    size_t per_page, struct people_list_view *v)
{
	struct person	*p = NULL;
	enum db_err	 e;

	f->limit = per_page;
	f->offset = (v->page - 1) * per_page;
	e = person_list(db, a, f, &p, &v->n, &v->total);
	if (e == DB_OK && past_the_end(&v->page, v->n, v->total, per_page,
	    &f->offset))
		e = person_list(db, a, f, &p, &v->n, &v->total);
	v->people = p;
	return e;
}

enum db_err
dir_people_page(struct db *db, struct arena *a, struct person_filter *f,
    size_t per_page, struct people_list_view *v)
{
	const struct org_filter	 all = { NULL, NULL, 0, 0, 0 };
	struct category		*cats;
	struct organisation	*orgs;
	struct party_count	*counts;
	const char		**parties;
	size_t			 ntotal;
	enum db_err		 e;

	if ((e = people_rows(db, a, f, per_page, v)) != DB_OK ||
	    (e = person_party_counts(db, a, f, &counts, &v->nparty_counts))
	    != DB_OK ||
	    (e = categories_list(db, a, &cats, &v->ncategories)) != DB_OK ||
	    (e = parties_list(db, a, &parties, &v->nparties)) != DB_OK ||
	    (e = org_list(db, a, &all, &orgs, &v->norgs, &ntotal)) != DB_OK)
		return e;
	v->filter = f;
	v->per_page = per_page;
	v->party_counts = counts;
	v->categories = cats;
	v->parties = parties;
	v->orgs = orgs;
	return DB_OK;
}

enum db_err
dir_orgs_page(struct db *db, struct arena *a, struct org_filter *f,
    size_t per_page, struct orgs_list_view *v)
{
	struct organisation	*o = NULL;
	enum db_err		 e;

	f->limit = per_page;
	f->offset = (v->page - 1) * per_page;
	e = org_list(db, a, f, &o, &v->n, &v->total);
	if (e == DB_OK && past_the_end(&v->page, v->n, v->total, per_page,
	    &f->offset))
		e = org_list(db, a, f, &o, &v->n, &v->total);
	v->filter = f;
	v->orgs = o;
	v->per_page = per_page;
	return e;
}

enum db_err
dir_person_page(struct db *db, struct arena *a, const struct eng_reader *reader,
    const struct person *p, size_t nmentions, struct person_view *v)
{
	struct contact_summary	*s = arena_alloc(a, sizeof(*s));
	struct watched_person	*watch = arena_alloc(a, sizeof(*watch));
	struct contact		*contacts;
	struct person_term	*terms;
	struct person_merge	*merges;
	struct mention		*mentions;
	struct mention_filter	 mf;
	enum db_err		 e;
	int			 watched, more;

	if (s == NULL || watch == NULL)
		return DB_NOMEM;
	memset(&mf, 0, sizeof(mf));
	mf.person_id = p->id;
	mf.limit = nmentions;
	mf.count_max = nmentions + 1;	/* only whether there are more */
	if ((e = person_contacts(db, a, reader, p->id, &contacts, &v->ncontacts,
	    s)) != DB_OK ||
	    (e = person_terms(db, a, p->id, &terms, &v->nterms)) != DB_OK ||
	    (e = person_merges_of(db, a, p->id, &merges, &v->nmerges))
	    != DB_OK ||
	    (e = watched_person_get(db, a, p->id, watch, &watched)) != DB_OK ||
	    (e = mention_list(db, a, &mf, &mentions, &v->nmentions,
	    &v->mentions_total, &more)) != DB_OK)
		return e;
	v->person = p;
	v->contacts = contacts;
	v->summary = s;
	v->terms = terms;
	v->merges = merges;
	v->watch = watched ? watch : NULL;
	v->mentions = mentions;
	return DB_OK;
}

/* The live organisations whose parent is id (an FCDO's desks). */
static enum db_err
org_parts(struct db *db, struct arena *a, long long id,
    struct organisation **out, size_t *n)
{
	const struct org_filter	 all = { NULL, NULL, 0, 0, 0 };
	struct organisation	*o;
	size_t			 count, total, i, k = 0;
	enum db_err		 e;

	*n = 0;
	if ((e = org_list(db, a, &all, &o, &count, &total)) != DB_OK)
		return e;
	for (i = 0; i < count; i++)
		if (o[i].parent_id == id)
			o[k++] = o[i];
	*out = o;
	*n = k;
	return DB_OK;
}

enum db_err
dir_org_page(struct db *db, struct arena *a, const struct eng_reader *reader,
    const struct organisation *o, struct org_view *v)
{
	struct contact_summary	*s = arena_alloc(a, sizeof(*s));
	struct organisation	*parts;
	struct person_filter	 pf;
	struct person		*people;
	struct contact		*contacts;
	size_t			 total;
	enum db_err		 e;

	if (s == NULL)
		return DB_NOMEM;
	memset(&pf, 0, sizeof(pf));
	pf.organisation_id = o->id;
	if ((e = org_parts(db, a, o->id, &parts, &v->nparts)) != DB_OK ||
	    (e = person_list(db, a, &pf, &people, &v->npeople, &total))
	    != DB_OK ||
	    (e = org_contacts(db, a, reader, o->id, &contacts, &v->ncontacts,
	    s)) != DB_OK)
		return e;
	v->org = o;
	v->parts = parts;
	v->people = people;
	v->contacts = contacts;
	v->summary = s;
	return DB_OK;
}
