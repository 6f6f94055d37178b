/*
 * CSV out (RFC 4180): UTF-8, CRLF line ends, quotes where needed.  A cell
 * that starts with = + - @ (or tab or CR) is prefixed with ' so that a
 * spreadsheet never runs it as a formula.
 */
#ifndef TRACKER_CSV_H
#define TRACKER_CSV_H

struct buf;

/* One cell; first is 1 for the first cell of a row (no comma before). */
void	csv_cell(struct buf *, const char *value, int first);

/* A whole row of n cells and its CRLF. */
void	csv_row(struct buf *, const char *const *cells, int n);

/* End the current row. */
void	csv_end_row(struct buf *);

#endif
