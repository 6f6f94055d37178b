#include "config.h"

#include <sys/mman.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <check.h>

#include "arena.h"
#include "testhelp.h"

#define ALIGN	_Alignof(max_align_t)

static int
all_bytes(const void *p, int c, size_t n)
{
	const unsigned char	*s = p;
	size_t			 i;

	for (i = 0; i < n; i++)
		if (s[i] != (unsigned char)c)
			return 0;
	return 1;
}

/* Sizes around the alignment, the chunk size and well beyond it. */
static const size_t sizes[] = {
	0, 1, 2, 7, 8, 15, 16, 17, 31, 33, 100, 1000, 4095, 8191, 8192, 8193,
	9000, 16384, 65537, 1024 * 1024,
};
#define NSIZES	(sizeof(sizes) / sizeof(sizes[0]))

START_TEST(test_alloc_aligned_zeroed)
{
	struct arena	 a;
	size_t		 n = sizes[_i];
	unsigned char	*p, *q;

	arena_init(&a);
	ck_assert_ptr_null(a.head);
	/* Dirty memory that malloc may hand back to the arena's next chunk. */
	p = arena_alloc(&a, n + 64);
	ck_assert_ptr_nonnull(p);
	memset(p, 0xa5, n + 64);
	arena_free(&a);
	ck_assert_ptr_null(a.head);

	p = arena_alloc(&a, 3);		/* misalign the next one if it could be */
	ck_assert_ptr_nonnull(p);
	q = arena_alloc(&a, n);
	ck_assert_ptr_nonnull(q);
	ck_assert_uint_eq((uintptr_t)p % ALIGN, 0);
	ck_assert_uint_eq((uintptr_t)q % ALIGN, 0);
	ck_assert_msg(all_bytes(q, 0, n), "%zu bytes not zeroed", n);
	ck_assert_msg(q >= p + 3 || q + n <= p, "allocations overlap");
	memset(q, 0xff, n);		/* writable end to end (valgrind checks) */
	ck_assert_int_eq(p[0] | p[1] | p[2], 0);
	arena_free(&a);
}
END_TEST

START_TEST(test_alloc_zero_size)
{
	struct arena	 a;
	char		*p, *q;

	arena_init(&a);
	p = arena_alloc(&a, 0);
	q = arena_alloc(&a, 0);
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(q);
	ck_assert_ptr_ne(p, q);
	arena_free(&a);
}
END_TEST

START_TEST(test_alloc_overflow)
{
	struct arena	 a;

	arena_init(&a);
	ck_assert_ptr_null(arena_alloc(&a, SIZE_MAX));
	ck_assert_ptr_null(arena_alloc(&a, SIZE_MAX - 8));
	/* n is a maximum: a huge one must neither overflow nor over-read. */
	ck_assert_str_eq(arena_strndup(&a, "x", SIZE_MAX), "x");
	/* Still usable afterwards. */
	ck_assert_ptr_nonnull(arena_alloc(&a, 10));
	arena_free(&a);
}
END_TEST

/* Many small blocks across several chunks keep their own contents. */
START_TEST(test_alloc_many_distinct)
{
	struct arena	 a;
	unsigned char	*p[2000];
	size_t		 i, len;

	arena_init(&a);
	for (i = 0; i < 2000; i++) {
		len = 1 + i % 61;
		p[i] = arena_alloc(&a, len);
		ck_assert_ptr_nonnull(p[i]);
		ck_assert_uint_eq((uintptr_t)p[i] % ALIGN, 0);
		ck_assert(all_bytes(p[i], 0, len));
		memset(p[i], (int)(i & 0xff), len);
	}
	for (i = 0; i < 2000; i++)
		ck_assert_msg(all_bytes(p[i], (int)(i & 0xff), 1 + i % 61),
		    "block %zu was overwritten", i);
	arena_free(&a);
}
END_TEST

/* Big blocks (> 8 KiB) mixed with small ones: nothing overlaps. */
START_TEST(test_alloc_big)
{
	struct arena	 a;
	unsigned char	*s1, *big1, *s2, *big2, *s3;

	arena_init(&a);
	s1 = arena_alloc(&a, 100);
	big1 = arena_alloc(&a, 20000);
	s2 = arena_alloc(&a, 100);
	big2 = arena_alloc(&a, 3 * 1024 * 1024);
	s3 = arena_alloc(&a, 8000);
	ck_assert_ptr_nonnull(s1);
	ck_assert_ptr_nonnull(big1);
	ck_assert_ptr_nonnull(s2);
	ck_assert_ptr_nonnull(big2);
	ck_assert_ptr_nonnull(s3);
	ck_assert(all_bytes(big1, 0, 20000));
	ck_assert(all_bytes(big2, 0, 3 * 1024 * 1024));
	ck_assert(all_bytes(s3, 0, 8000));
	memset(s1, 1, 100);
	memset(big1, 2, 20000);
	memset(s2, 3, 100);
	memset(big2, 4, 3 * 1024 * 1024);
	memset(s3, 5, 8000);
	ck_assert(all_bytes(s1, 1, 100));
	ck_assert(all_bytes(big1, 2, 20000));
	ck_assert(all_bytes(s2, 3, 100));
	ck_assert(all_bytes(big2, 4, 3 * 1024 * 1024));
	ck_assert(all_bytes(s3, 5, 8000));
	arena_free(&a);
}
END_TEST

START_TEST(test_strdup)
{
	struct arena	 a;
	char		 src[] = "hello, world";
	char		*p;

	arena_init(&a);
	ck_assert_ptr_null(arena_strdup(&a, NULL));
	p = arena_strdup(&a, src);
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_ne(p, src);
	ck_assert_str_eq(p, "hello, world");
	src[0] = 'J';
	ck_assert_str_eq(p, "hello, world");
	p = arena_strdup(&a, "");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p, "");
	arena_free(&a);
}
END_TEST

START_TEST(test_strndup)
{
	struct arena	 a;
	char		*p;

	arena_init(&a);
	ck_assert_ptr_null(arena_strndup(&a, NULL, 3));
	p = arena_strndup(&a, "abcdef", 3);
	ck_assert_str_eq(p, "abc");
	p = arena_strndup(&a, "abcdef", 0);
	ck_assert_str_eq(p, "");
	p = arena_strndup(&a, "abcdef", 6);
	ck_assert_str_eq(p, "abcdef");
	arena_free(&a);
}
END_TEST

/*
 * Like strndup(3), at most n bytes: a string shorter than n is copied up
 * to its NUL and nothing past it is read.  The string ends a page that is
 * followed by an inaccessible one, so reading past the NUL faults.
 */
START_TEST(test_strndup_short_string)
{
	struct arena	 a;
	long		 pg = sysconf(_SC_PAGESIZE);
	char		*map, *s, *p;

	ck_assert_int_gt(pg, 0);
	map = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert_ptr_ne(map, MAP_FAILED);
	ck_assert_int_eq(mprotect(map + pg, (size_t)pg, PROT_NONE), 0);
	s = map + pg - 3;
	memcpy(s, "ab", 3);

	arena_init(&a);
	p = arena_strndup(&a, s, 100);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p, "ab");
	p = arena_strndup(&a, s, 2);
	ck_assert_str_eq(p, "ab");
	p = arena_strndup(&a, s, 1);
	ck_assert_str_eq(p, "a");
	arena_free(&a);
	munmap(map, (size_t)pg * 2);
}
END_TEST

static char *
vp(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static char *
vp(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

START_TEST(test_printf)
{
	struct arena	 a;
	char		*p, *big;
	size_t		 i;

	arena_init(&a);
	p = arena_printf(&a, "%d-%s-%c-%05.1f", 42, "x", 'y', 3.14159);
	ck_assert_str_eq(p, "42-x-y-003.1");
	p = arena_printf(&a, "%s", "");
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p, "");
	p = vp(&a, "%s=%lld", "n", -12345678901LL);
	ck_assert_str_eq(p, "n=-12345678901");

	/* Output far larger than a chunk. */
	big = malloc(30001);
	ck_assert_ptr_nonnull(big);
	for (i = 0; i < 30000; i++)
		big[i] = (char)('a' + i % 26);
	big[30000] = '\0';
	p = arena_printf(&a, "<%s>", big);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(strlen(p), 30002);
	ck_assert_int_eq(p[0], '<');
	ck_assert_int_eq(p[30001], '>');
	ck_assert_int_eq(memcmp(p + 1, big, 30000), 0);
	free(big);
	arena_free(&a);
}
END_TEST

START_TEST(test_reuse_after_free)
{
	struct arena	 a;
	char		*p;
	int		 round;

	arena_init(&a);
	for (round = 0; round < 50; round++) {
		p = arena_alloc(&a, 100);
		ck_assert_ptr_nonnull(p);
		ck_assert(all_bytes(p, 0, 100));
		memset(p, 0x5a, 100);
		ck_assert_ptr_nonnull(arena_alloc(&a, 50000));
		p = arena_printf(&a, "round %d", round);
		ck_assert_ptr_nonnull(p);
		ck_assert_int_eq(strncmp(p, "round ", 6), 0);
		ck_assert_int_eq(atoi(p + 6), round);
		arena_free(&a);
		ck_assert_ptr_null(a.head);
	}
	/* Freeing an empty arena twice is harmless. */
	arena_free(&a);
	arena_free(&a);
	ck_assert_ptr_null(a.head);
}
END_TEST

static Suite *
suite(void)
{
	Suite	*s = suite_create("arena");
	TCase	*tc;

	tc = tcase_create("alloc");
	tcase_add_loop_test(tc, test_alloc_aligned_zeroed, 0, (int)NSIZES);
	tcase_add_test(tc, test_alloc_zero_size);
	tcase_add_test(tc, test_alloc_overflow);
	tcase_add_test(tc, test_alloc_many_distinct);
	tcase_add_test(tc, test_alloc_big);
	suite_add_tcase(s, tc);

	tc = tcase_create("strings");
	tcase_add_test(tc, test_strdup);
	tcase_add_test(tc, test_strndup);
	tcase_add_test(tc, test_strndup_short_string);
	tcase_add_test(tc, test_printf);
	suite_add_tcase(s, tc);

	tc = tcase_create("reuse");
	tcase_add_test(tc, test_reuse_after_free);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return th_run(suite());
}
