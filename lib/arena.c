#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ARENA_CHUNK	8192

struct arena_chunk {
	struct arena_chunk	*next;
	size_t			 size;
	size_t			 used;
	max_align_t		 data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
}

static size_t
round_up(size_t n)
{
	size_t	 align = sizeof(max_align_t);

	return (n + align - 1) / align * align;
}

/* Aligned memory, not zeroed: for callers that fill all of it at once. */
static void *
arena_take(struct arena *a, size_t n)
{
	struct arena_chunk	*c = a->head;
	size_t			 need = round_up(n == 0 ? 1 : n);
	void			*p;

	if (need < n)
		return NULL;
	if (c == NULL || c->size - c->used < need) {
		size_t size = need > ARENA_CHUNK ? need : ARENA_CHUNK;

		if (size > SIZE_MAX - sizeof(*c))
			return NULL;
		c = malloc(sizeof(*c) + size);
		if (c == NULL)
			return NULL;
		c->size = size;
		c->used = 0;
		/* A big block goes behind the head so the head's space stays usable. */
		if (a->head != NULL && size > ARENA_CHUNK) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += need;
	return p;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	void	*p = arena_take(a, n);

	if (p != NULL)
		memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	if (s == NULL)
		return NULL;
	n = strnlen(s, n);
	if ((p = arena_take(a, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return s == NULL ? NULL : arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list	 copy;
	int	 n;
	char	*p;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || (p = arena_take(a, (size_t)n + 1)) == NULL)
		return NULL;
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_free(struct arena *a)
{
	struct arena_chunk	*c, *next;

	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
}

void
arena_reset(struct arena *a)
{
	struct arena_chunk	*keep = NULL, *c, *next;

	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		if (keep == NULL && c->size == ARENA_CHUNK)
			keep = c;
		else
			free(c);
	}
	if (keep != NULL) {
		keep->used = 0;
		keep->next = NULL;
	}
	a->head = keep;
}
