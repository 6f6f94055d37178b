/*
 * Feed date parsing (see feed_date.h).  Two small hand-written parsers,
 * one per family; both end in the same civil-to-UTC arithmetic.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "feed_date.h"

struct tm_parts {
	long	year;
	int	month, day, hour, min, sec;
	long	offset;		/* seconds east of UTC */
};

static const char *const months[12] = {
	"jan", "feb", "mar", "apr", "may", "jun",
	"jul", "aug", "sep", "oct", "nov", "dec"
};

/* Named zones seen in feeds, hours east of UTC. */
static const struct {
	const char	*name;
	int		 hours;
} zones[] = {
	{ "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 }, { "WET", 0 },
	{ "BST", 1 }, { "IST", 1 }, { "CET", 1 }, { "MET", 1 }, { "WEST", 1 },
	{ "CEST", 2 }, { "MEST", 2 }, { "EET", 2 }, { "EEST", 3 },
	{ "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
	{ "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
	{ "AST", -4 }, { "ADT", -3 }, { "AKST", -9 }, { "AKDT", -8 },
	{ "HST", -10 }, { "JST", 9 }, { "KST", 9 }, { "AEST", 10 },
	{ "AEDT", 11 }, { "NZST", 12 }, { "NZDT", 13 },
};

static int
leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(long y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long
days_from_civil(long y, int m, int d)
{
	long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, long *y, int *m, int *d)
{
	long	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y += *m <= 2;
}

/*
 * v (0 <= v < 10^n) as n decimal digits, zero-padded, no NUL: every
 * dated entry is formatted, and snprintf() cost more than the parse.
 */
static void
put_digits(char *out, long v, int n)
{
	while (n-- > 0) {
		out[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Validate, shift to UTC and format. */
static int
finish(const struct tm_parts *p, char out[FEED_DATE_LEN + 1])
{
	long	secs, days, y, rem;
	int	m, d, sec = p->sec;

	if (p->year < 1 || p->year > 9999 || p->month < 1 || p->month > 12 ||
	    p->day < 1 || p->day > mdays(p->year, p->month) ||
	    p->hour < 0 || p->hour > 24 || p->min < 0 || p->min > 59 ||
	    sec < 0 || sec > 60 || (p->hour == 24 && (p->min || sec)))
		return -1;
	if (sec == 60)
		sec = 59;	/* a leap second: keep the minute */
	days = days_from_civil(p->year, p->month, p->day);
	secs = p->hour * 3600L + p->min * 60L + sec - p->offset;
	days += secs / 86400;
	rem = secs % 86400;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	civil_from_days(days, &y, &m, &d);
	if (y < 1 || y > 9999)
		return -1;
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = 'T';
	put_digits(out + 11, rem / 3600, 2);
	out[13] = ':';
	put_digits(out + 14, rem / 60 % 60, 2);
	out[16] = ':';
	put_digits(out + 17, rem % 60, 2);
	out[19] = 'Z';
	out[20] = '\0';
	return 0;
}

/* Up to max digits; the number of digits read (0: none). */
static int
digits(const char **sp, int max, long *v)
{
	const char	*s = *sp;
	int		 n = 0;

	*v = 0;
	while (n < max && isdigit((unsigned char)*s)) {
		*v = *v * 10 + (*s - '0');
		s++;
		n++;
	}
	*sp = s;
	return n;
}

static void
skip_space(const char **sp)
{
	while (isspace((unsigned char)**sp))
		(*sp)++;
}

/* "+0100", "-05:00", "+01": seconds east; -1 if malformed. */
static int
numeric_offset(const char **sp, long *off)
{
	const char	*s = *sp;
	int		 sign = *s == '-' ? -1 : 1, n;
	long		 hh, mm = 0;

	s++;
	n = digits(&s, 4, &hh);
	if (n == 4) {
		mm = hh % 100;
		hh /= 100;
	} else if (n == 2 || n == 1) {
		if (*s == ':') {
			s++;
			if (digits(&s, 2, &mm) != 2)
				return -1;
		}
	} else
		return -1;
	if (hh > 23 || mm > 59)
		return -1;
	*off = sign * (hh * 3600 + mm * 60);
	*sp = s;
	return 0;
}

/* ISO 8601 / RFC 3339. */
static int
parse_iso(const char *s, char out[FEED_DATE_LEN + 1])
{
	struct tm_parts	 p;
	long		 v;

	memset(&p, 0, sizeof(p));
	p.month = p.day = 1;
	if (digits(&s, 4, &p.year) != 4)
		return -1;
	if (*s == '-') {
		s++;
		if (digits(&s, 2, &v) != 2)
			return -1;
		p.month = (int)v;
		if (*s == '-') {
			s++;
			if (digits(&s, 2, &v) != 2)
				return -1;
			p.day = (int)v;
		}
	} else if (isdigit((unsigned char)*s)) {
		/* Basic format: 20040101. */
		if (digits(&s, 2, &v) != 2)
			return -1;
		p.month = (int)v;
		if (digits(&s, 2, &v) != 2)
			return -1;
		p.day = (int)v;
	}
	if (*s == 'T' || *s == 't' || (*s == ' ' && isdigit((unsigned char)s[1]))) {
		s++;
		if (digits(&s, 2, &v) != 2)
			return -1;
		p.hour = (int)v;
		if (*s == ':')
			s++;
		if (digits(&s, 2, &v) != 2)
			return -1;
		p.min = (int)v;
		if (*s == ':' || isdigit((unsigned char)*s)) {
			if (*s == ':')
				s++;
			if (digits(&s, 2, &v) != 2)
				return -1;
			p.sec = (int)v;
			if (*s == '.' || *s == ',') {
				s++;
				if (!isdigit((unsigned char)*s))
					return -1;
				while (isdigit((unsigned char)*s))
					s++;
			}
		}
		skip_space(&s);
		if (*s == 'Z' || *s == 'z')
			s++;
		else if (*s == '+' || *s == '-') {
			if (numeric_offset(&s, &p.offset) == -1)
				return -1;
		} else if (*s != '\0') {
			size_t	 i;

			for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
				if (strcasecmp(s, zones[i].name) == 0)
					break;
			if (i == sizeof(zones) / sizeof(zones[0]))
				return -1;
			p.offset = zones[i].hours * 3600L;
			s += strlen(s);
		}
	}
	skip_space(&s);
	if (*s != '\0')
		return -1;
	return finish(&p, out);
}

static int
month_of(const char **sp)
{
	const char	*s = *sp;
	int		 i;

	for (i = 0; i < 12; i++)
		if (strncasecmp(s, months[i], 3) == 0) {
			s += 3;
			while (isalpha((unsigned char)*s))
				s++;	/* "June", "Sept." */
			if (*s == '.')
				s++;
			*sp = s;
			return i + 1;
		}
	return 0;
}

/* RFC 822 and its relatives: [Wkd[,]] D Mon YY[YY] [HH:MM[:SS]] [zone]. */
static int
parse_rfc822(const char *s, char out[FEED_DATE_LEN + 1])
{
	struct tm_parts	 p;
	long		 v;
	int		 n;

	memset(&p, 0, sizeof(p));
	skip_space(&s);
	if (isalpha((unsigned char)*s)) {
		/* A weekday (any spelling), then an optional comma. */
		while (isalpha((unsigned char)*s))
			s++;
		if (*s == '.')
			s++;
		skip_space(&s);
		if (*s == ',')
			s++;
		skip_space(&s);
	}
	if (digits(&s, 2, &v) == 0)
		return -1;
	p.day = (int)v;
	if (*s == '-' || *s == ' ')
		s++;
	skip_space(&s);
	if ((p.month = month_of(&s)) == 0)
		return -1;
	if (*s == '-' || *s == ',')
		s++;
	skip_space(&s);
	n = digits(&s, 4, &p.year);
	if (n == 2)
		p.year += p.year < 50 ? 2000 : 1900;
	else if (n == 3)
		p.year += 1900;		/* RFC 2822 obsolete 3-digit years */
	else if (n != 4)
		return -1;
	skip_space(&s);
	if (isdigit((unsigned char)*s)) {
		if (digits(&s, 2, &v) == 0 || *s != ':')
			return -1;
		p.hour = (int)v;
		s++;
		if (digits(&s, 2, &v) != 2)
			return -1;
		p.min = (int)v;
		if (*s == ':') {
			s++;
			if (digits(&s, 2, &v) != 2)
				return -1;
			p.sec = (int)v;
		}
		skip_space(&s);
	}
	if (*s == '+' || *s == '-') {
		if (numeric_offset(&s, &p.offset) == -1)
			return -1;
	} else if (isalpha((unsigned char)*s)) {
		const char	*z = s;
		size_t		 i, len;

		while (isalpha((unsigned char)*s))
			s++;
		len = (size_t)(s - z);
		for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
			if (strlen(zones[i].name) == len &&
			    strncasecmp(z, zones[i].name, len) == 0)
				break;
		if (i < sizeof(zones) / sizeof(zones[0]))
			p.offset = zones[i].hours * 3600L;
		else if (len == 1 && toupper((unsigned char)*z) != 'J') {
			/* Military zones are ambiguous in practice: UTC. */
			p.offset = 0;
		} else
			return -1;
		/* "GMT+1", "UTC-05:00" */
		if ((*s == '+' || *s == '-') &&
		    numeric_offset(&s, &v) == 0)
			p.offset = v;
	}
	skip_space(&s);
	/* "(BST)" comments after the zone. */
	if (*s == '(') {
		while (*s && *s != ')')
			s++;
		if (*s == ')')
			s++;
		skip_space(&s);
	}
	if (*s != '\0')
		return -1;
	return finish(&p, out);
}

int
feed_date_parse(const char *s, char out[FEED_DATE_LEN + 1])
{
	char	buf[FEED_DATE_LEN + 1];

	if (s == NULL)
		return -1;
	skip_space(&s);
	if (strlen(s) > 80)
		return -1;
	if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3])) {
		if (parse_iso(s, buf) == -1) {
			/* Trailing blanks are common; retry without them. */
			char	 tmp[81];
			size_t	 n = strlen(s);

			memcpy(tmp, s, n + 1);
			while (n > 0 && isspace((unsigned char)tmp[n - 1]))
				tmp[--n] = '\0';
			if (parse_iso(tmp, buf) == -1)
				return -1;
		}
	} else if (parse_rfc822(s, buf) == -1)
		return -1;
	memcpy(out, buf, sizeof(buf));
	return 0;
}
