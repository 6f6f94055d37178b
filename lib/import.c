/*
 * Applying an import (see import.h): the parsed members are matched to
 * people by their external id and written in one transaction, with dated
 * terms, audit rows and the import_runs row.  The parsing is in
 * import_parse.c; reading a file or URL is import_load() at the end.
 */
#include "config.h"

#include <sys/socket.h>
#include <sys/stat.h>

#include <netinet/in.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "import.h"
#include "import_parse.h"
#include "privacy_basis.h"

static const char *const import_errors[IMPORT__MAX] = {
	[IMPORT_OK] = "no error",
	[IMPORT_NOMEM] = "out of memory",
	[IMPORT_EMPTY] = "the document is empty",
	[IMPORT_MALFORMED] = "the document is malformed",
	[IMPORT_WRONG_KIND] = "the document is not of the expected kind",
	[IMPORT_TOO_LARGE] = "the document is too large",
	[IMPORT_FETCH] = "the document could not be read",
	[IMPORT_NOT_FOUND] = "no such council",
	[IMPORT_DB] = "the database refused the import",
};

const char *
import_strerror(enum import_err e)
{
	return e >= 0 && e < IMPORT__MAX ? import_errors[e] : "unknown error";
}

/* The columns every person lookup returns, in this order. */
#define IMP_COLUMNS "id, full_name, category, party, IFNULL(house, ''), " \
	"constituency, email, phone, is_current, IFNULL(moderngov_id, ''), " \
	"IFNULL(lawful_basis, ''), data_source " \
	"FROM people "
enum { C_ID, C_NAME, C_CATEGORY, C_PARTY, C_HOUSE, C_CONSTITUENCY, C_EMAIL,
	C_PHONE, C_CURRENT, C_MODERNGOV, C_BASIS, C_SOURCE };

enum {
	IMP_BY_PARLIAMENT,
	IMP_BY_MODERNGOV,
	IMP_COUNCIL_CURRENT,
	IMP_PERSON_INSERT,
	IMP_PERSON_UPDATE,
	IMP_TERM_CLOSE,
	IMP_TERM_OPEN,
	IMP_COUNCIL_GET,
	IMP_RUN_INSERT,
	IMP__MAX
};

static const char *const imp_sql[IMP__MAX] = {
	[IMP_BY_PARLIAMENT] =
	    "SELECT " IMP_COLUMNS "WHERE parliament_id = ? FOR UPDATE",
	[IMP_BY_MODERNGOV] =
	    "SELECT " IMP_COLUMNS "WHERE organisation_id = ? AND "
	    "moderngov_id = ? FOR UPDATE",
	[IMP_COUNCIL_CURRENT] =
	    "SELECT " IMP_COLUMNS "WHERE organisation_id = ? AND "
	    "moderngov_id IS NOT NULL AND is_current = 1 ORDER BY id FOR UPDATE",
	[IMP_PERSON_INSERT] =
	    "INSERT INTO people (full_name, category, party, house, constituency, "
	    "organisation_id, email, phone, notes, parliament_id, moderngov_id, "
	    "is_current, lawful_basis, basis_date, data_source, created_at, "
	    "updated_at) VALUES (?, ?, ?, NULLIF(?, ''), "
	    "?, NULLIF(?, 0), ?, ?, '', ?, ?, 1, 'public_role', ?, ?, "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[IMP_PERSON_UPDATE] =
	    "UPDATE people SET full_name = ?, category = ?, party = ?, "
	    "house = NULLIF(?, ''), constituency = ?, email = ?, phone = ?, "
	    "is_current = ?, basis_date = IF(lawful_basis IS NULL, ?, "
	    "basis_date), data_source = IF(lawful_basis IS NULL, ?, "
	    "data_source), lawful_basis = IFNULL(lawful_basis, 'public_role'), "
	    "version = version + 1, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?",
	/* The end date is the source's, else today; never before the start. */
	[IMP_TERM_CLOSE] =
	    "UPDATE person_terms SET ended_on = GREATEST(started_on, "
	    "IF(? = '', UTC_DATE(), ?)) WHERE person_id = ? AND ended_on IS NULL",
	[IMP_TERM_OPEN] =
	    "INSERT INTO person_terms (person_id, category, party, house, "
	    "constituency, organisation_id, started_on, source, created_at) "
	    "VALUES (?, ?, ?, NULLIF(?, ''), ?, NULLIF(?, 0), "
	    "IF(? = '', UTC_DATE(), ?), ?, UTC_TIMESTAMP())",
	[IMP_COUNCIL_GET] =
	    "SELECT kind, deleted_at IS NOT NULL, name FROM organisations "
	    "WHERE id = ?",
	[IMP_RUN_INSERT] =
	    "INSERT INTO import_runs (kind, source, organisation_id, actor, added, "
	    "updated, retired, unchanged, at) VALUES (?, ?, NULLIF(?, 0), ?, ?, "
	    "?, ?, ?, UTC_TIMESTAMP())",
};

static const struct db_stmts imp_stmts = { DB_SLOT_IMPORT, imp_sql, IMP__MAX };

/* What one run applies, and to what. */
struct apply {
	struct db		*db;
	struct arena		*a;
	const char		*actor;
	const char		*kind;		/* "parliament" or "moderngov" */
	long long		 council_id;	/* 0 for parliament */
	struct import_result	*res;
	/*
	 * A person without a lawful basis gets public_role, this source
	 * (privacy_basis.h) and today as its date.
	 */
	const char		*source;
	char			 today[11];
};

/* A person's imported fields, for comparing and for the audit log. */
struct fields {
	const char	*name, *category, *party, *house, *constituency;
	const char	*email, *phone;
	int		 current;
	const char	*basis, *source;	/* lawful basis and source */
};

static char *
fields_json(struct arena *a, const struct fields *f, long long org)
{
	char	 o[24] = "";
	const struct audit_field af[] = {
		{ "name", f->name }, { "category", f->category },
		{ "party", f->party }, { "house", f->house },
		{ "constituency", f->constituency }, { "organisation", o },
		{ "email", f->email }, { "phone", f->phone },
		{ "current", f->current ? "yes" : "no" },
		{ "lawful basis", f->basis }, { "source", f->source },
	};

	if (org > 0)
		snprintf(o, sizeof(o), "%lld", org);
	return audit_json(a, af, sizeof(af) / sizeof(af[0]));
}

static struct fields
fields_of_row(const struct db_rows *r, size_t row)
{
	struct fields	 f;

	f.name = DB_CELL(r, row, C_NAME);
	f.category = DB_CELL(r, row, C_CATEGORY);
	f.party = DB_CELL(r, row, C_PARTY);
	f.house = DB_CELL(r, row, C_HOUSE);
	f.constituency = DB_CELL(r, row, C_CONSTITUENCY);
	f.email = DB_CELL(r, row, C_EMAIL);
	f.phone = DB_CELL(r, row, C_PHONE);
	f.current = db_num(DB_CELL(r, row, C_CURRENT)) != 0;
	f.basis = DB_CELL(r, row, C_BASIS);
	f.source = DB_CELL(r, row, C_SOURCE);
	return f;
}

static enum db_err
term_close(struct apply *ap, long long person, const char *on)
{
	return db_exec_in(ap->db, &imp_stmts, IMP_TERM_CLOSE, DB_ARGS(DB_STR(on),
	    DB_STR(on), DB_INT(person)), NULL, NULL);
}

static enum db_err
term_open(struct apply *ap, long long person, const struct fields *f,
    const char *on)
{
	return db_exec_in(ap->db, &imp_stmts, IMP_TERM_OPEN, DB_ARGS(
	    DB_INT(person), DB_STR(f->category), DB_STR(f->party),
	    DB_STR(f->house), DB_STR(f->constituency), DB_INT(ap->council_id),
	    DB_STR(on), DB_STR(on), DB_STR(ap->kind)), NULL, NULL);
}

static enum db_err
person_write(struct apply *ap, long long id, const struct fields *f)
{
	return db_exec_in(ap->db, &imp_stmts, IMP_PERSON_UPDATE, DB_ARGS(
	    DB_STR(f->name), DB_STR(f->category), DB_STR(f->party),
	    DB_STR(f->house), DB_STR(f->constituency), DB_STR(f->email),
	    DB_STR(f->phone), DB_INT(f->current), DB_STR(ap->today),
	    DB_STR(ap->source), DB_INT(id)), NULL, NULL);
}

static int
same_term(const struct fields *a, const struct fields *b)
{
	return strcmp(a->category, b->category) == 0 &&
	    strcmp(a->party, b->party) == 0 &&
	    strcmp(a->house, b->house) == 0 &&
	    strcmp(a->constituency, b->constituency) == 0;
}

/* A member not yet in the directory: the person, an open term, audit. */
static enum db_err
apply_new(struct apply *ap, const struct import_member *m)
{
	struct fields		 f = { m->full_name, m->category, m->party,
	    m->house, m->constituency, m->email, m->phone, 1, "public_role",
	    ap->source };
	unsigned long long	 id = 0;
	int			 parl = ap->council_id == 0;
	enum db_err		 e;

	e = db_exec_in(ap->db, &imp_stmts, IMP_PERSON_INSERT, DB_ARGS(
	    DB_STR(f.name), DB_STR(f.category), DB_STR(f.party),
	    DB_STR(f.house), DB_STR(f.constituency), DB_INT(ap->council_id),
	    DB_STR(f.email), DB_STR(f.phone),
	    parl ? DB_INT(strtoll(m->ext_id, NULL, 10)) : DB_NULL,
	    parl ? DB_NULL : DB_STR(m->ext_id), DB_STR(ap->today),
	    DB_STR(ap->source)), NULL, &id);
	if (e == DB_OK)
		e = term_open(ap, (long long)id, &f, m->started_on);
	if (e == DB_OK)
		e = audit_write(ap->db, ap->actor, "person", (long long)id,
		    "create", NULL, fields_json(ap->a, &f, ap->council_id));
	if (e == DB_OK)
		ap->res->added++;
	return e;
}

/*
 * A known person: new values from the source, the team's email and phone
 * kept unless empty.  A change of category, party, House or constituency
 * closes the open term today and opens another; leaving closes it on the
 * source's end date; coming back opens one today.
 */
static enum db_err
apply_known(struct apply *ap, const struct db_rows *r, size_t row,
    const struct import_member *m, int current)
{
	struct fields	 old = fields_of_row(r, row), f;
	long long	 id = db_num(DB_CELL(r, row, C_ID));
	enum db_err	 e;
	const char	*action = "update";

	f = old;
	if (m != NULL) {
		f.name = m->full_name;
		f.category = m->category;
		f.party = m->party;
		f.house = m->house;
		f.constituency = m->constituency;
		if (*f.email == '\0')
			f.email = m->email;
		if (*f.phone == '\0')
			f.phone = m->phone;
	}
	f.current = current;
	/* Someone on the register holds a public role, unless we said else. */
	if (*old.basis == '\0') {
		f.basis = "public_role";
		f.source = ap->source;
	}
	if (same_term(&old, &f) && strcmp(old.name, f.name) == 0 &&
	    strcmp(old.email, f.email) == 0 &&
	    strcmp(old.phone, f.phone) == 0 && old.current == f.current &&
	    *old.basis != '\0') {
		ap->res->unchanged++;
		return DB_OK;
	}
	if ((e = person_write(ap, id, &f)) != DB_OK)
		return e;
	if (old.current && !f.current) {
		action = "retire";
		e = term_close(ap, id, m != NULL ? m->ended_on : "");
		ap->res->retired++;
	} else if (!old.current && f.current) {
		if ((e = term_close(ap, id, "")) == DB_OK)
			e = term_open(ap, id, &f, "");
		ap->res->updated++;
	} else {
		if (f.current && !same_term(&old, &f) &&
		    (e = term_close(ap, id, "")) == DB_OK)
			e = term_open(ap, id, &f, "");
		ap->res->updated++;
	}
	if (e == DB_OK)
		e = audit_write(ap->db, ap->actor, "person", id, action,
		    fields_json(ap->a, &old, ap->council_id),
		    fields_json(ap->a, &f, ap->council_id));
	return e;
}

static enum db_err
apply_member(struct apply *ap, const struct import_member *m)
{
	struct db_rows	 r;
	enum db_err	 e;

	if (ap->council_id == 0)
		e = db_query_in(ap->db, &imp_stmts, IMP_BY_PARLIAMENT, DB_ARGS(
		    DB_INT(strtoll(m->ext_id, NULL, 10))), ap->a, &r);
	else
		e = db_query_in(ap->db, &imp_stmts, IMP_BY_MODERNGOV, DB_ARGS(
		    DB_INT(ap->council_id), DB_STR(m->ext_id)), ap->a, &r);
	if (e != DB_OK)
		return e;
	if (r.nrows == 0)
		/* Former members we never knew are not worth adding. */
		return m->active ? apply_new(ap, m) : DB_OK;
	return apply_known(ap, &r, 0, m, m->active);
}

/* Councillors of the council that the document no longer lists. */
static enum db_err
retire_missing(struct apply *ap, const struct import_member *list, size_t n)
{
	struct db_rows	 r;
	size_t		 row, i;
	enum db_err	 e;

	e = db_query_in(ap->db, &imp_stmts, IMP_COUNCIL_CURRENT, DB_ARGS(
	    DB_INT(ap->council_id)), ap->a, &r);
	for (row = 0; e == DB_OK && row < r.nrows; row++) {
		for (i = 0; i < n; i++)
			if (strcmp(list[i].ext_id,
			    DB_CELL(&r, row, C_MODERNGOV)) == 0)
				break;
		if (i == n)
			e = apply_known(ap, &r, row, NULL, 0);
	}
	return e;
}

/* A string cut to at most max bytes on a UTF-8 character boundary. */
static const char *
cut(struct arena *a, const char *s, size_t max)
{
	size_t	 n = strlen(s);

	if (n <= max)
		return s;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return arena_strndup(a, s, n);
}

/* Everything in one transaction; the run's row last. */
static enum import_err
apply_all(struct apply *ap, const struct import_member *list, size_t n,
    const char *source, char *msg, size_t msglen)
{
	unsigned long long	 run = 0;
	const char		*src = cut(ap->a, source ? source : "", 1000);
	const char		*who = cut(ap->a, ap->actor, 100);
	const struct import_member *at = NULL;	/* the member that failed */
	enum db_err		 e;
	size_t			 i;

	if (src == NULL || who == NULL) {
		snprintf(msg, msglen, "out of memory");
		return IMPORT_NOMEM;
	}
	ap->actor = who;
	if ((e = db_begin(ap->db)) != DB_OK)
		goto fail;
	for (i = 0; e == DB_OK && i < n; i++)
		if ((e = apply_member(ap, &list[i])) != DB_OK)
			at = &list[i];
	if (e == DB_OK && ap->council_id != 0)
		e = retire_missing(ap, list, n);
	if (e == DB_OK)
		e = db_exec_in(ap->db, &imp_stmts, IMP_RUN_INSERT, DB_ARGS(
		    DB_STR(ap->kind), DB_STR(src), DB_INT(ap->council_id),
		    DB_STR(ap->actor), DB_INT(ap->res->added),
		    DB_INT(ap->res->updated), DB_INT(ap->res->retired),
		    DB_INT(ap->res->unchanged)), NULL, &run);
	if (e != DB_OK && at != NULL)
		snprintf(msg, msglen, "line %lu: %s (%s): %s", at->line,
		    at->full_name, at->ext_id, ap->db->error);
	if ((e = db_finish(ap->db, e)) != DB_OK)
		goto fail;
	ap->res->run_id = (long long)run;
	return IMPORT_OK;
fail:
	if (msglen > 0 && msg[0] == '\0')
		snprintf(msg, msglen, "%s: %s", db_strerror(e), ap->db->error);
	memset(ap->res, 0, sizeof(*ap->res));
	return IMPORT_DB;
}

enum import_err
import_parliament(struct db *db, const char *actor, const char *data,
    size_t len, const char *source, struct import_result *res, char *msg,
    size_t msglen)
{
	struct arena		 a;
	struct import_member	*list;
	struct apply		 ap = { db, &a, actor, "parliament", 0, res,
	    NULL, "" };
	size_t			 n;
	enum import_err		 e;

	memset(res, 0, sizeof(*res));
	if (msglen > 0)
		msg[0] = '\0';
	arena_init(&a);
	privacy_today(ap.today);
	if ((ap.source = privacy_source_parliament(&a, ap.today)) == NULL) {
		arena_free(&a);
		snprintf(msg, msglen, "out of memory");
		return IMPORT_NOMEM;
	}
	e = import_parse_parliament(&a, data, len, &list, &n, msg, msglen);
	if (e == IMPORT_OK)
		e = apply_all(&ap, list, n, source, msg, msglen);
	arena_free(&a);
	return e;
}

enum import_err
import_moderngov(struct db *db, const char *actor, long long council_id,
    const char *data, size_t len, const char *source,
    struct import_result *res, char *msg, size_t msglen)
{
	struct arena		 a;
	struct import_member	*list;
	struct apply		 ap = { db, &a, actor, "moderngov", council_id,
	    res, NULL, "" };
	struct db_rows		 r;
	size_t			 n;
	enum import_err		 e;
	enum db_err		 de;

	memset(res, 0, sizeof(*res));
	if (msglen > 0)
		msg[0] = '\0';
	arena_init(&a);
	privacy_today(ap.today);
	e = import_parse_moderngov(&a, data, len, &list, &n, msg, msglen);
	if (e != IMPORT_OK)
		goto out;
	de = council_id > 0 ? db_query_in(db, &imp_stmts, IMP_COUNCIL_GET,
	    DB_ARGS(DB_INT(council_id)), &a, &r) : DB_NOTFOUND;
	if (de != DB_OK && de != DB_NOTFOUND) {
		snprintf(msg, msglen, "%s: %s", db_strerror(de), db->error);
		e = IMPORT_DB;
	} else if (de == DB_NOTFOUND || r.nrows == 0) {
		snprintf(msg, msglen, "there is no organisation %lld", council_id);
		e = IMPORT_NOT_FOUND;
	} else if (strcmp(DB_CELL(&r, 0, 0), "council") != 0 ||
	    db_num(DB_CELL(&r, 0, 1)) != 0) {
		snprintf(msg, msglen, "organisation %lld is %s, not a council",
		    council_id, db_num(DB_CELL(&r, 0, 1)) ? "deleted" :
		    DB_CELL(&r, 0, 0));
		e = IMPORT_NOT_FOUND;
	} else if ((ap.source = privacy_source_moderngov(&a,
	    DB_CELL(&r, 0, 2), ap.today)) == NULL) {
		snprintf(msg, msglen, "out of memory");
		e = IMPORT_NOMEM;
	} else
		e = apply_all(&ap, list, n, source, msg, msglen);
out:
	arena_free(&a);
	return e;
}

/* --- reading the document -------------------------------------------------- */

struct sink {
	char	*data;
	size_t	 len, cap, max;
	int	 too_large, nomem;
};

static size_t
sink_write(char *p, size_t size, size_t nmemb, void *ctx)
{
	struct sink	*s = ctx;
	size_t		 n = size * nmemb;
	char		*grown;

	if (n > s->max - s->len) {
		s->too_large = 1;
		return 0;
	}
	if (s->len + n + 1 > s->cap) {
		size_t	 cap = s->cap ? s->cap : 65536;

		while (cap < s->len + n + 1)
			cap *= 2;
		if ((grown = realloc(s->data, cap)) == NULL) {
			s->nomem = 1;
			return 0;
		}
		s->data = grown;
		s->cap = cap;
	}
	memcpy(s->data + s->len, p, n);
	s->len += n;
	s->data[s->len] = '\0';
	return n;
}

static int
v4_private(const unsigned char *b)
{
	return b[0] == 0 || b[0] == 10 || b[0] == 127 ||
	    (b[0] == 100 && (b[1] & 0xc0) == 64) ||
	    (b[0] == 169 && b[1] == 254) ||
	    (b[0] == 172 && (b[1] & 0xf0) == 16) ||
	    (b[0] == 192 && b[1] == 168) || b[0] >= 224;
}

/* Copies, not casts, of the address: no aliasing games for the optimiser. */
int
import_address_private(const struct sockaddr *sa)
{
	struct sockaddr_in	 in4;
	struct sockaddr_in6	 in6;
	const unsigned char	*b;

	if (sa->sa_family == AF_INET) {
		memcpy(&in4, sa, sizeof(in4));
		return v4_private((const unsigned char *)&in4.sin_addr);
	}
	if (sa->sa_family != AF_INET6)
		return 1;
	memcpy(&in6, sa, sizeof(in6));
	b = in6.sin6_addr.s6_addr;
	if (IN6_IS_ADDR_V4MAPPED(&in6.sin6_addr))
		return v4_private(b + 12);
	return IN6_IS_ADDR_LOOPBACK(&in6.sin6_addr) ||
	    IN6_IS_ADDR_UNSPECIFIED(&in6.sin6_addr) ||
	    IN6_IS_ADDR_LINKLOCAL(&in6.sin6_addr) ||
	    IN6_IS_ADDR_MULTICAST(&in6.sin6_addr) || (b[0] & 0xfe) == 0xfc;
}

struct opener {
	int	 allow_private;
	int	 refused;
};

/* Every connection (redirects too) is checked before it is made. */
static curl_socket_t
open_socket(void *ctx, curlsocktype purpose, struct curl_sockaddr *addr)
{
	struct opener	*o = ctx;

	(void)purpose;
	if (!o->allow_private && import_address_private(&addr->addr)) {
		o->refused = 1;
		return CURL_SOCKET_BAD;
	}
	return socket(addr->family, addr->socktype, addr->protocol);
}

static enum import_err
load_url(const char *url, struct sink *s, int allow_private, char *msg,
    size_t msglen)
{
	struct opener	 o = { allow_private, 0 };
	CURL		*c;
	CURLcode	 rc;
	char		 err[CURL_ERROR_SIZE] = "";

	if ((c = curl_easy_init()) == NULL) {
		snprintf(msg, msglen, "out of memory");
		return IMPORT_NOMEM;
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)s->max);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_socket);
	curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &o);
	rc = curl_easy_perform(c);
	curl_easy_cleanup(c);
	if (s->nomem) {
		snprintf(msg, msglen, "out of memory");
		return IMPORT_NOMEM;
	}
	if (s->too_large || rc == CURLE_FILESIZE_EXCEEDED) {
		snprintf(msg, msglen, "%s: larger than %zu bytes", url, s->max);
		return IMPORT_TOO_LARGE;
	}
	if (o.refused) {
		snprintf(msg, msglen, "%s: the address is on a local or private "
		    "network, which this server does not fetch from", url);
		return IMPORT_FETCH;
	}
	if (rc != CURLE_OK) {
		snprintf(msg, msglen, "%s: %s", url,
		    err[0] ? err : curl_easy_strerror(rc));
		return IMPORT_FETCH;
	}
	return IMPORT_OK;
}

static enum import_err
load_file(const char *path, struct sink *s, char *msg, size_t msglen)
{
	FILE		*f = fopen(path, "rb");
	char		 buf[65536];
	size_t		 got;
	enum import_err	 e = IMPORT_OK;

	if (f == NULL) {
		snprintf(msg, msglen, "%s: %s", path, strerror(errno));
		return IMPORT_FETCH;
	}
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
		if (sink_write(buf, 1, got, s) != got)
			break;
	if (s->nomem) {
		snprintf(msg, msglen, "out of memory");
		e = IMPORT_NOMEM;
	} else if (s->too_large) {
		snprintf(msg, msglen, "%s: larger than %zu bytes", path, s->max);
		e = IMPORT_TOO_LARGE;
	} else if (ferror(f)) {
		snprintf(msg, msglen, "%s: %s", path, strerror(errno));
		e = IMPORT_FETCH;
	}
	fclose(f);
	return e;
}

static enum import_err
load(const char *file_or_url, size_t max, int web, int allow_private,
    char **data, size_t *len, char *msg, size_t msglen)
{
	struct sink	 s = { NULL, 0, 0, max, 0, 0 };
	enum import_err	 e;
	int		 url;

	*data = NULL;
	*len = 0;
	if (msglen > 0)
		msg[0] = '\0';
	url = strncmp(file_or_url, "http://", 7) == 0 ||
	    strncmp(file_or_url, "https://", 8) == 0;
	if (web && !url) {
		snprintf(msg, msglen, "the web address must start with https://");
		return IMPORT_FETCH;
	}
	if (url)
		e = load_url(file_or_url, &s, allow_private, msg, msglen);
	else
		e = load_file(file_or_url, &s, msg, msglen);
	if (e == IMPORT_OK && s.data == NULL &&
	    (s.data = calloc(1, 1)) == NULL) {
		snprintf(msg, msglen, "out of memory");
		e = IMPORT_NOMEM;
	}
	if (e != IMPORT_OK) {
		free(s.data);
		return e;
	}
	*data = s.data;
	*len = s.len;
	return IMPORT_OK;
}

enum import_err
import_load(const char *file_or_url, size_t max, char **data, size_t *len,
    char *msg, size_t msglen)
{
	return load(file_or_url, max, 0, 1, data, len, msg, msglen);
}

enum import_err
import_load_web(const char *url, size_t max, int allow_private, char **data,
    size_t *len, char *msg, size_t msglen)
{
	return load(url, max, 1, allow_private, data, len, msg, msglen);
}
