/*
 * Several feeds at once with libcurl's multi interface (see feed_fetch.h).
 */
#include "config.h"

#include <sys/socket.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "feed_fetch.h"
#include "import.h"

#define FEED_USER_AGENT	PACKAGE_NAME "/" PACKAGE_VERSION \
	" (advocacy engagement tracker feed ingester)"

/* One transfer in flight. */
struct transfer {
	struct feed_fetch	*f;
	CURL			*easy;
	struct curl_slist	*headers;
	size_t			 max;
	size_t			 cap;
	int			 too_large;
	int			 nomem;
	int			 allow_private;
	int			 refused;	/* a private address */
	char			 err[CURL_ERROR_SIZE];
};

/* Every connection (redirects too) is checked before it is made. */
static curl_socket_t
open_socket(void *ctx, curlsocktype purpose, struct curl_sockaddr *addr)
{
	struct transfer	*t = ctx;

	(void)purpose;
	if (!t->allow_private && import_address_private(&addr->addr)) {
		t->refused = 1;
		return CURL_SOCKET_BAD;
	}
	return socket(addr->family, addr->socktype, addr->protocol);
}

static size_t
write_body(char *p, size_t size, size_t nmemb, void *ctx)
{
	struct transfer	*t = ctx;
	struct feed_fetch *f = t->f;
	size_t		 n = size * nmemb;
	char		*grown;

	if (n > t->max - f->len) {
		t->too_large = 1;
		return 0;
	}
	if (f->len + n + 1 > t->cap) {
		size_t	 cap = t->cap ? t->cap : 65536;

		while (cap < f->len + n + 1)
			cap *= 2;
		if ((grown = realloc(f->body, cap)) == NULL) {
			t->nomem = 1;
			return 0;
		}
		f->body = grown;
		t->cap = cap;
	}
	memcpy(f->body + f->len, p, n);
	f->len += n;
	f->body[f->len] = '\0';
	return n;
}

/* A response header of the last response as a malloc'd copy, or NULL. */
static char *
header(CURL *c, const char *name)
{
	struct curl_header	*h;

	if (curl_easy_header(c, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK ||
	    h->value == NULL || strpbrk(h->value, "\r\n") != NULL)
		return NULL;
	return strdup(h->value);
}

static void
fail(struct feed_fetch *f, const char *what)
{
	f->failed = 1;
	snprintf(f->error, sizeof(f->error), "%s", what);
}

/* Set up one transfer; -1 when it could not be (marked failed). */
static int
start(struct transfer *t, const struct feed_fetch_opts *o)
{
	struct feed_fetch	*f = t->f;
	struct curl_slist	*l;
	char			 line[700];

	if ((t->easy = curl_easy_init()) == NULL) {
		fail(f, "out of memory");
		return -1;
	}
	if (f->etag != NULL && f->etag[0] != '\0' &&
	    strpbrk(f->etag, "\r\n") == NULL) {
		snprintf(line, sizeof(line), "If-None-Match: %s", f->etag);
		if ((l = curl_slist_append(t->headers, line)) != NULL)
			t->headers = l;
	}
	if (f->last_modified != NULL && f->last_modified[0] != '\0' &&
	    strpbrk(f->last_modified, "\r\n") == NULL) {
		snprintf(line, sizeof(line), "If-Modified-Since: %s",
		    f->last_modified);
		if ((l = curl_slist_append(t->headers, line)) != NULL)
			t->headers = l;
	}
	curl_easy_setopt(t->easy, CURLOPT_URL, f->url);
	curl_easy_setopt(t->easy, CURLOPT_PRIVATE, t);
	curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, t->headers);
	curl_easy_setopt(t->easy, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(t->easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(t->easy, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(t->easy, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(t->easy, CURLOPT_CONNECTTIMEOUT, o->connect_timeout);
	curl_easy_setopt(t->easy, CURLOPT_TIMEOUT, o->timeout);
	curl_easy_setopt(t->easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(t->easy, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(t->easy, CURLOPT_USERAGENT, FEED_USER_AGENT);
	/* The declared (encoded) length, refused before reading. */
	curl_easy_setopt(t->easy, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)t->max);
	curl_easy_setopt(t->easy, CURLOPT_WRITEFUNCTION, write_body);
	curl_easy_setopt(t->easy, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(t->easy, CURLOPT_ERRORBUFFER, t->err);
	t->allow_private = o->allow_private;
	curl_easy_setopt(t->easy, CURLOPT_OPENSOCKETFUNCTION, open_socket);
	curl_easy_setopt(t->easy, CURLOPT_OPENSOCKETDATA, t);
	return 0;
}

/* Fill in the outcome of a finished transfer. */
static void
finish(struct transfer *t, CURLcode rc)
{
	struct feed_fetch	*f = t->f;

	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &f->status);
	if (t->nomem)
		fail(f, "out of memory");
	else if (t->refused)
		fail(f, "the address is on a local or private network, which "
		    "is not fetched (feeds_allow_private_addresses)");
	else if (t->too_large || rc == CURLE_FILESIZE_EXCEEDED)
		snprintf(f->error, sizeof(f->error), "larger than %zu bytes",
		    t->max), f->failed = 1;
	else if (rc != CURLE_OK)
		fail(f, t->err[0] ? t->err : curl_easy_strerror(rc));
	else if (f->status == 304)
		f->not_modified = 1;
	else if (f->status < 200 || f->status > 299) {
		snprintf(f->error, sizeof(f->error), "HTTP status %ld",
		    f->status);
		f->failed = 1;
	} else {
		f->new_etag = header(t->easy, "ETag");
		f->new_last_modified = header(t->easy, "Last-Modified");
		if (f->body == NULL && (f->body = calloc(1, 1)) == NULL)
			fail(f, "out of memory");
	}
	if (f->failed || f->not_modified) {
		free(f->body);
		f->body = NULL;
		f->len = 0;
	}
}

static void
reset(struct feed_fetch *f)
{
	f->failed = f->not_modified = 0;
	f->status = 0;
	f->body = f->new_etag = f->new_last_modified = NULL;
	f->len = 0;
	f->error[0] = '\0';
}

int
feed_fetch_all(struct feed_fetch *fs, size_t n,
    const struct feed_fetch_opts *opts)
{
	struct feed_fetch_opts	 o = { 0, 0, 0, 0, NULL, NULL, 0 };
	struct transfer		*ts;
	CURLM			*multi;
	CURLMsg			*msg;
	size_t			 next = 0, active = 0, i;
	int			 running, left;

	if (opts != NULL)
		o = *opts;
	if (o.max_bytes == 0)
		o.max_bytes = FEED_FETCH_MAX_BYTES;
	if (o.timeout <= 0)
		o.timeout = FEED_FETCH_TIMEOUT;
	if (o.connect_timeout <= 0)
		o.connect_timeout = FEED_FETCH_CONNECT;
	if (o.parallel == 0)
		o.parallel = FEED_FETCH_PARALLEL;
	for (i = 0; i < n; i++)
		reset(&fs[i]);
	ts = calloc(n ? n : 1, sizeof(*ts));
	multi = curl_multi_init();
	if (ts == NULL || multi == NULL) {
		for (i = 0; i < n; i++) {
			fail(&fs[i], "out of memory");
			if (o.done != NULL)
				o.done(o.ctx, &fs[i]);
		}
		free(ts);
		if (multi != NULL)
			curl_multi_cleanup(multi);
		return -1;
	}
	for (;;) {
		/* Keep the window full. */
		while (active < o.parallel && next < n) {
			struct transfer	*t = &ts[next];

			t->f = &fs[next++];
			t->max = o.max_bytes;
			if (start(t, &o) == -1 ||
			    curl_multi_add_handle(multi, t->easy) != CURLM_OK) {
				if (!t->f->failed)
					fail(t->f, "cannot start the transfer");
				if (t->easy != NULL)
					curl_easy_cleanup(t->easy);
				t->easy = NULL;
				curl_slist_free_all(t->headers);
				t->headers = NULL;
				if (o.done != NULL)
					o.done(o.ctx, t->f);
				continue;
			}
			active++;
		}
		if (active == 0)
			break;
		if (curl_multi_perform(multi, &running) != CURLM_OK)
			break;
		while ((msg = curl_multi_info_read(multi, &left)) != NULL) {
			struct transfer	*t;
			char		*priv = NULL;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			    &priv);
			t = (struct transfer *)(void *)priv;
			finish(t, msg->data.result);
			curl_multi_remove_handle(multi, t->easy);
			curl_easy_cleanup(t->easy);
			t->easy = NULL;
			curl_slist_free_all(t->headers);
			t->headers = NULL;
			active--;
			if (o.done != NULL)
				o.done(o.ctx, t->f);
		}
		if (running > 0 &&
		    curl_multi_poll(multi, NULL, 0, 1000, NULL) != CURLM_OK)
			break;
	}
	/* Only after a libcurl failure: whatever is still in flight. */
	for (i = 0; i < next; i++)
		if (ts[i].easy != NULL) {
			curl_multi_remove_handle(multi, ts[i].easy);
			curl_easy_cleanup(ts[i].easy);
			curl_slist_free_all(ts[i].headers);
			feed_fetch_clear(ts[i].f);
			fail(ts[i].f, "the transfer was abandoned");
			if (o.done != NULL)
				o.done(o.ctx, ts[i].f);
		}
	for (i = next; i < n; i++) {
		fail(&fs[i], "the transfer was abandoned");
		if (o.done != NULL)
			o.done(o.ctx, &fs[i]);
	}
	curl_multi_cleanup(multi);
	free(ts);
	return 0;
}

void
feed_fetch_clear(struct feed_fetch *f)
{
	free(f->body);
	free(f->new_etag);
	free(f->new_last_modified);
	f->body = f->new_etag = f->new_last_modified = NULL;
	f->len = 0;
}
