#ifndef TRACKER_UTF8_H
#define TRACKER_UTF8_H

#include <stddef.h>

/*
 * 1 when the n bytes at s are well-formed UTF-8 (RFC 3629: no overlongs,
 * no surrogates, nothing above U+10FFFF) and contain no NUL, else 0.
 */
int	utf8_valid(const char *s, size_t n);

/* Number of code points in a valid UTF-8 string (for length limits). */
size_t	utf8_length(const char *s);

#endif
