/*
 * feed_date_parse(): any string.  An accepted date is a real instant in
 * UTC "YYYY-MM-DDTHH:MM:SSZ" (timegm and gmtime give it back unchanged),
 * and parsing that output again gives the same output.
 */
#include "config.h"

#include <time.h>

#include "feed_date.h"

#include "fuzz.h"

static void
check_real(const char *d)
{
	struct tm	 tm, back;
	time_t		 t;

	memset(&tm, 0, sizeof(tm));
	fuzz_assert(sscanf(d, "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
	    &tm.tm_sec) == 6);
	tm.tm_year -= 1900;
	tm.tm_mon--;
	back = tm;
	t = timegm(&back);
	fuzz_assert(gmtime_r(&t, &back) != NULL);
	fuzz_assert(back.tm_year == tm.tm_year && back.tm_mon == tm.tm_mon &&
	    back.tm_mday == tm.tm_mday && back.tm_hour == tm.tm_hour &&
	    back.tm_min == tm.tm_min && back.tm_sec == tm.tm_sec);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s = fuzz_cstr(data, size);
	char	 out[FEED_DATE_LEN + 1], again[FEED_DATE_LEN + 1];

	memset(out, 'x', sizeof(out));
	if (feed_date_parse(s, out) == 0) {
		fuzz_assert(fuzz_date_shape(out));
		check_real(out);
		fuzz_assert(feed_date_parse(out, again) == 0);
		fuzz_assert(strcmp(out, again) == 0);
	} else
		fuzz_assert(out[0] == 'x' && out[FEED_DATE_LEN] == 'x');
	free(s);
	return 0;
}
