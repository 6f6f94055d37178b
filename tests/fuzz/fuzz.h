/*
 * What the libFuzzer targets share.  Each target is one file with
 * LLVMFuzzerTestOneInput(); a property that does not hold is a crash
 * (fuzz_assert aborts, so libFuzzer saves the input), like the
 * sanitizers' reports.  Everything here is static: each target is one
 * translation unit linked against the lib sources built for fuzzing.
 */
#ifndef TRACKER_FUZZ_H
#define TRACKER_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Not assert(): NDEBUG must not turn a property off. */
#define fuzz_assert(c) do {						\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: property failed: %s\n",		\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

/* The input as a NUL-terminated string (cut at its first NUL); free it. */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char	*s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/*
 * Split the string s in place at each '\n' into at most max pieces; the
 * last piece keeps the rest, newlines and all.  Returns how many.
 */
static inline size_t
fuzz_lines(char *s, char **piece, size_t max)
{
	size_t	 n = 0;

	while (n + 1 < max) {
		char *nl = strchr(s, '\n');

		if (nl == NULL)
			break;
		*nl = '\0';
		piece[n++] = s;
		s = nl + 1;
	}
	piece[n++] = s;
	return n;
}

/* 1 when none of the bytes is c. */
static inline int
fuzz_lacks(const char *s, size_t n, char c)
{
	return memchr(s, c, n) == NULL;
}

#endif

/* s is NULL or UTC "YYYY-MM-DDTHH:MM:SSZ", as the feed code writes dates. */
static inline int
fuzz_date_shape(const char *s)
{
	static const char	 shape[] = "dddd-dd-ddTdd:dd:ddZ";
	size_t			 i;

	if (s == NULL)
		return 1;
	if (strlen(s) != sizeof(shape) - 1)
		return 0;
	for (i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return 0;
	return 1;
}
