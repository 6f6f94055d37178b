/*
 * The CSV writer (lib/csv.c) read back by a CSV reader (libcsv, strict,
 * no blank trimming): the input's NUL-separated pieces are the cells of
 * one row.  Each comes back as written, with a quote mark in front when
 * it starts like a formula (= + - @ tab CR), and nothing else does.
 */
#include "config.h"

#include <csv.h>

#include "buf.h"
#include "csv.h"

#include "fuzz.h"

#define MAX_CELLS	64

struct back {
	char	*cell[MAX_CELLS + 1];
	size_t	 len[MAX_CELLS + 1];
	size_t	 n;
	int	 records;
};

static void
on_cell(void *s, size_t len, void *arg)
{
	struct back	*b = arg;

	fuzz_assert(b->n <= MAX_CELLS);
	b->cell[b->n] = fuzz_cstr(s != NULL ? s : "", len);
	b->len[b->n++] = len;
}

static void
on_row(int c, void *arg)
{
	struct back	*b = arg;

	(void)c;
	b->records++;
}

static int
no_blank(unsigned char c)
{
	(void)c;
	return 0;
}

static void
read_back(const struct buf *b, struct back *back)
{
	struct csv_parser	 p;

	fuzz_assert(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) == 0);
	csv_set_space_func(&p, no_blank);
	fuzz_assert(csv_parse(&p, b->data, b->len, on_cell, on_row, back) ==
	    b->len);
	fuzz_assert(csv_fini(&p, on_cell, on_row, back) == 0);
	csv_free(&p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*cells[MAX_CELLS];
	char		*s = fuzz_cstr(data, size);
	size_t		 n = 0, i, off = 0;
	struct buf	 b;
	struct back	 back;

	while (n < MAX_CELLS && off <= size) {
		cells[n++] = s + off;
		off += strlen(s + off) + 1;
	}
	/* One empty cell is a blank line, which readers skip. */
	if (n == 1 && *cells[0] == '\0') {
		free(s);
		return 0;
	}
	buf_init(&b);
	csv_row(&b, cells, (int)n);
	fuzz_assert(!b.failed);
	memset(&back, 0, sizeof(back));
	read_back(&b, &back);
	fuzz_assert(back.records == 1 && back.n == n);
	for (i = 0; i < n; i++) {
		const char *got = back.cell[i];

		if (*cells[i] != '\0' && strchr("=+-@\t\r", *cells[i]) != NULL) {
			fuzz_assert(got[0] == '\'');
			got++;
		}
		fuzz_assert(strcmp(got, cells[i]) == 0);
		free(back.cell[i]);
	}
	buf_free(&b);
	free(s);
	return 0;
}
