/*
 * Per-request memory.
 *
 * Ownership rule for the whole of lib/: everything a request needs is
 * allocated from the request's arena and freed at once by arena_free() at
 * the end of the accept-loop iteration.  Nothing allocated from an arena
 * may outlive it; values that must (configuration, the database handle)
 * are malloc'd by their own module and freed by its close or free call.
 * fcgi2 frees its environment at the next accept, so request values are
 * copied into the arena, never kept as pointers into FastCGI memory.
 */
#ifndef TRACKER_ARENA_H
#define TRACKER_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk	*head;
};

/* Prepare an empty arena; allocates nothing until first use. */
void	 arena_init(struct arena *);

/* Zero-filled, max_align_t-aligned memory, or NULL when out of memory. */
void	*arena_alloc(struct arena *, size_t);

/* Copies of strings in the arena; NULL when out of memory or given NULL. */
char	*arena_strdup(struct arena *, const char *);
char	*arena_strndup(struct arena *, const char *, size_t);

/* printf into the arena; NULL when out of memory. */
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
char	*arena_vprintf(struct arena *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));

/* Free every allocation at once; the arena may be used again. */
void	 arena_free(struct arena *);

/*
 * Free every allocation but keep one ordinary chunk for reuse: for a loop
 * that allocates a little per round (an entry, a row) and frees it all.
 */
void	 arena_reset(struct arena *);

#endif
