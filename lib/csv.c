#include "config.h"

#include <string.h>

#include "buf.h"
#include "csv.h"

void
csv_cell(struct buf *b, const char *v, int first)
{
	int	 quote;

	if (!first)
		buf_putc(b, ',');
	if (v == NULL)
		v = "";
	quote = strpbrk(v, ",\"\r\n") != NULL;
	if (quote)
		buf_putc(b, '"');
	/* A leading formula character is neutralised, as OWASP advises. */
	if (strchr("=+-@\t\r", *v) != NULL && *v != '\0')
		buf_putc(b, '\'');
	for (; *v != '\0'; v++) {
		if (*v == '"')
			buf_putc(b, '"');
		buf_putc(b, *v);
	}
	if (quote)
		buf_putc(b, '"');
}

void
csv_end_row(struct buf *b)
{
	buf_puts(b, "\r\n");
}

void
csv_row(struct buf *b, const char *const *cells, int n)
{
	int	 i;

	for (i = 0; i < n; i++)
		csv_cell(b, cells[i], i == 0);
	csv_end_row(b);
}
