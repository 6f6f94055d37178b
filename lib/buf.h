/*
 * A growable byte buffer, malloc-backed: the response body and the HTML
 * writer's output.  Once an append fails the buffer remembers it (failed)
 * and ignores further appends, so writers need check only once at the end.
 */
#ifndef TRACKER_BUF_H
#define TRACKER_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;	/* NUL-terminated when len > 0 */
	size_t	 len;
	size_t	 cap;
	int	 failed;
};

void	buf_init(struct buf *);
void	buf_append(struct buf *, const void *, size_t);
void	buf_puts(struct buf *, const char *);
void	buf_putc(struct buf *, char);
void	buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	buf_vprintf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	buf_reset(struct buf *);
void	buf_free(struct buf *);

#endif
