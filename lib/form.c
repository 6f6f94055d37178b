#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "form.h"
#include "html.h"
#include "request.h"
#include "response.h"
#include "utf8.h"

static const char *const input_types[FIELD__MAX] = {
	[FIELD_TEXT] = "text", [FIELD_PASSWORD] = "password",
	[FIELD_EMAIL] = "email", [FIELD_DATE] = "date",
	[FIELD_NUMBER] = "number", [FIELD_HIDDEN] = "hidden",
	[FIELD_TIME] = "time",
};

int
form_init(struct form *f, struct arena *a, const struct form_field *fields,
    size_t n)
{
	size_t	 i;

	f->fields = fields;
	f->nfields = n;
	f->nerrors = 0;
	if ((f->values = arena_alloc(a, (n ? n : 1) * sizeof(*f->values))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		f->values[i].value = "";
	return 0;
}

/* Trim surrounding white space, except in passwords and text areas. */
static const char *
clean(struct arena *a, const struct form_field *fd, const char *v)
{
	const char	*end;

	if (fd->type == FIELD_PASSWORD || fd->type == FIELD_TEXTAREA)
		return v;
	while (isspace((unsigned char)*v))
		v++;
	end = v + strlen(v);
	while (end > v && isspace((unsigned char)end[-1]))
		end--;
	return arena_strndup(a, v, (size_t)(end - v));
}

static const char *
check_option(const struct form_field *fd, const char *v)
{
	const struct field_option *o;

	for (o = fd->options; o != NULL && o->value != NULL; o++)
		if (strcmp(o->value, v) == 0)
			return NULL;
	return "Choose one of the options.";
}

static const char *
check_field(struct arena *a, const struct form_field *fd, const char *v)
{
	if (*v == '\0')
		return (fd->flags & FIELD_REQUIRED) ?
		    arena_printf(a, "%s is required.", fd->label) : NULL;
	if (fd->max_chars > 0 && utf8_length(v) > fd->max_chars)
		return arena_printf(a, "%s must be %zu characters or fewer.",
		    fd->label, fd->max_chars);
	if (fd->type == FIELD_SELECT)
		return check_option(fd, v);
	if (fd->type == FIELD_DATE && validate_date(v) != NULL)
		return validate_date(v);
	if (fd->type == FIELD_TIME && validate_time(v) != NULL)
		return validate_time(v);
	if (fd->type == FIELD_NUMBER && validate_integer(v) != NULL)
		return validate_integer(v);
	if (fd->type == FIELD_EMAIL && validate_email(v) != NULL)
		return validate_email(v);
	return fd->validate != NULL ? fd->validate(v) : NULL;
}

int
form_read(struct form *f, struct arena *a, const struct form_field *fields,
    size_t n, const struct params *p)
{
	size_t	 i;

	if (form_init(f, a, fields, n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		const char *raw = params_get(p, fields[i].name);

		if ((f->values[i].value = clean(a, &fields[i], raw ? raw : "")) == NULL)
			return -1;
		f->values[i].error = check_field(a, &fields[i], f->values[i].value);
		if (f->values[i].error != NULL)
			f->nerrors++;
	}
	return (int)f->nerrors;
}

static int
field_index(const struct form *f, const char *name)
{
	size_t	 i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *
form_value(const struct form *f, const char *name)
{
	int	 i = field_index(f, name);

	return i < 0 ? "" : f->values[i].value;
}

void
form_set_error(struct form *f, const char *name, const char *msg)
{
	int	 i = field_index(f, name);

	if (i < 0)
		return;
	if (f->values[i].error == NULL)
		f->nerrors++;
	f->values[i].error = msg;
}

static void
render_select(struct html *h, const struct form_field *fd, const char *id,
    const char *value, const char *described, int bad)
{
	const struct field_option *o;

	html_open(h, EL_SELECT, AT_ID, id, AT_NAME, fd->name,
	    AT_ARIA_DESCRIBEDBY, described, AT_ARIA_INVALID, bad ? "true" : NULL,
	    AT_REQUIRED, (fd->flags & FIELD_REQUIRED) ? "" : NULL, AT__MAX);
	for (o = fd->options; o != NULL && o->value != NULL; o++) {
		html_open(h, EL_OPTION, AT_VALUE, o->value,
		    AT_SELECTED, strcmp(o->value, value) == 0 ? "" : NULL, AT__MAX);
		html_text(h, o->label);
		html_close(h);
	}
	html_close(h);
}

static void
render_control(struct html *h, const struct form_field *fd, const char *id,
    const char *value, const char *described, int bad)
{
	const char	*required = (fd->flags & FIELD_REQUIRED) ? "" : NULL;
	const char	*autofocus = (fd->flags & FIELD_AUTOFOCUS) ? "" : NULL;
	char		 maxlen[24];

	snprintf(maxlen, sizeof(maxlen), "%zu", fd->max_chars);
	if (fd->type == FIELD_SELECT) {
		render_select(h, fd, id, value, described, bad);
		return;
	}
	if (fd->type == FIELD_TEXTAREA) {
		html_open(h, EL_TEXTAREA, AT_ID, id, AT_NAME, fd->name,
		    AT_ROWS, "5", AT_ARIA_DESCRIBEDBY, described,
		    AT_ARIA_INVALID, bad ? "true" : NULL, AT_REQUIRED, required,
		    AT_AUTOFOCUS, autofocus, AT__MAX);
		/* HTML drops a newline right after <textarea>: keep the user's. */
		if (*value == '\n')
			html_text(h, "\n");
		html_text(h, value);
		html_close(h);
		return;
	}
	html_open(h, EL_INPUT, AT_ID, id, AT_NAME, fd->name,
	    AT_TYPE, input_types[fd->type],
	    AT_VALUE, fd->type == FIELD_PASSWORD ? NULL : value,
	    AT_MAXLENGTH, fd->max_chars ? maxlen : NULL,
	    AT_AUTOCOMPLETE, fd->autocomplete,
	    AT_INPUTMODE, fd->type == FIELD_NUMBER ? "numeric" : NULL,
	    AT_ARIA_DESCRIBEDBY, described, AT_ARIA_INVALID, bad ? "true" : NULL,
	    AT_REQUIRED, required, AT_AUTOFOCUS, autofocus, AT__MAX);
}

void
form_render_field(struct html *h, const struct form *f, size_t i)
{
	const struct form_field	*fd = &f->fields[i];
	const struct form_value	*fv = &f->values[i];
	char			 id[80], hint_id[96], err_id[96], described[200];

	if (fd->type == FIELD_HIDDEN) {
		html_open(h, EL_INPUT, AT_TYPE, "hidden", AT_NAME, fd->name,
		    AT_VALUE, fv->value, AT__MAX);
		return;
	}
	snprintf(id, sizeof(id), "f-%s", fd->name);
	snprintf(hint_id, sizeof(hint_id), "%s-hint", id);
	snprintf(err_id, sizeof(err_id), "%s-error", id);
	snprintf(described, sizeof(described), "%s%s%s",
	    fd->hint ? hint_id : "", fd->hint && fv->error ? " " : "",
	    fv->error ? err_id : "");
	html_open(h, EL_DIV, AT_CLASS, fv->error ? "field field-error" : "field",
	    AT__MAX);
	html_open(h, EL_LABEL, AT_FOR, id, AT__MAX);
	html_text(h, fd->label);
	html_close(h);
	if (fd->hint != NULL) {
		html_open(h, EL_P, AT_CLASS, "hint", AT_ID, hint_id, AT__MAX);
		html_text(h, fd->hint);
		html_close(h);
	}
	if (fv->error != NULL) {
		html_open(h, EL_P, AT_CLASS, "error-message", AT_ID, err_id, AT__MAX);
		html_text(h, fv->error);
		html_close(h);
	}
	render_control(h, fd, id, fv->value, *described ? described : NULL,
	    fv->error != NULL);
	html_close(h);
}

void
form_render_fields(struct html *h, const struct form *f)
{
	size_t	 i;

	for (i = 0; i < f->nfields; i++)
		form_render_field(h, f, i);
}

void
form_render_summary(struct html *h, const struct form *f)
{
	char	 href[96];
	size_t	 i;

	if (f->nerrors == 0)
		return;
	html_open(h, EL_DIV, AT_CLASS, "error-summary", AT_ROLE, "alert", AT__MAX);
	html_elem(h, EL_H2, "There is a problem");
	html_open(h, EL_UL, AT__MAX);
	for (i = 0; i < f->nfields; i++) {
		if (f->values[i].error == NULL)
			continue;
		snprintf(href, sizeof(href), "#f-%s", f->fields[i].name);
		html_open(h, EL_LI, AT__MAX);
		html_open(h, EL_A, AT_HREF, href, AT__MAX);
		html_text(h, f->values[i].error);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

const char *
validate_date(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 y, m, d, n = 0;

	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || s[4] != '-' || s[7] != '-' || !isdigit((unsigned char)s[5]) ||
	    !isdigit((unsigned char)s[8]))
		return "Enter a date as YYYY-MM-DD, for example 2025-03-14.";
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days[m - 1] ||
	    (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)))
		return "That date does not exist.";
	return NULL;
}

const char *
validate_time(const char *t)
{
	if (strlen(t) != 5 || t[2] != ':' || !isdigit((unsigned char)t[0]) ||
	    !isdigit((unsigned char)t[1]) || !isdigit((unsigned char)t[3]) ||
	    !isdigit((unsigned char)t[4]) || (t[0] - '0') * 10 + t[1] - '0' > 23 ||
	    t[3] > '5')
		return "Enter a time as HH:MM, for example 14:30.";
	return NULL;
}

const char *
validate_integer(const char *s)
{
	char		*end;
	const char	*p = s;

	if (*p == '-')
		p++;
	if (!isdigit((unsigned char)*p))
		return "Enter a whole number.";
	errno = 0;
	(void)strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return "Enter a whole number.";
	return NULL;
}

const char *
validate_email(const char *s)
{
	const char	*at = strchr(s, '@');

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL ||
	    strchr(at + 1, '.') == NULL || strpbrk(s, " \t<>\"") != NULL)
		return "Enter an email address like name@example.org.";
	return NULL;
}

const char *
validate_local_path(const char *s)
{
	return resp_local_path(s) ? NULL : "Not a page on this site.";
}
