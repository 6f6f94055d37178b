/*
 * Feed dates: RFC 822 as feeds really write it, and RFC 3339 / ISO 8601
 * (W3C-DTF, dc:date), normalised to UTC.
 */
#ifndef TRACKER_FEED_DATE_H
#define TRACKER_FEED_DATE_H

#include <stddef.h>

#define FEED_DATE_LEN	20	/* "YYYY-MM-DDTHH:MM:SSZ" without the NUL */

/*
 * Parse s and write the instant as UTC "YYYY-MM-DDTHH:MM:SSZ" into out
 * (FEED_DATE_LEN + 1 bytes).  Accepted: RFC 822/1123 with or without the
 * weekday and seconds, two- or four-digit years, named zones (GMT, UT,
 * EST, PDT, BST, CEST...), numeric offsets or no zone (taken as UTC);
 * ISO 8601 dates and date-times with "T" or a space, fractions, "Z" or
 * an offset.  Returns 0, or -1 (out untouched) for anything else.  Pure:
 * no locale, no time zone database, no allocation.
 */
int	feed_date_parse(const char *s, char out[FEED_DATE_LEN + 1]);

#endif
