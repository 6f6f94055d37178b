/*
 * Forms: each program declares its fields once, in a table, with a label
 * and validator per field.  form_read() keeps what the user typed next to
 * any error, so a rejected form comes back filled in with a message beside
 * each bad field; handlers read only values that passed.
 */
#ifndef TRACKER_FORM_H
#define TRACKER_FORM_H

#include <stddef.h>

struct arena;
struct html;
struct params;

enum field_type {
	FIELD_TEXT, FIELD_PASSWORD, FIELD_EMAIL, FIELD_DATE, FIELD_NUMBER,
	FIELD_TEXTAREA, FIELD_SELECT, FIELD_HIDDEN, FIELD_TIME,
	FIELD__MAX
};

#define FIELD_REQUIRED	0x01
#define FIELD_AUTOFOCUS	0x02

/* NULL if value is acceptable, else the message to show beside it. */
typedef const char *(*field_validator)(const char *value);

struct field_option {
	const char	*value;
	const char	*label;
};

struct form_field {
	const char		*name;
	const char		*label;
	enum field_type		 type;
	unsigned		 flags;
	size_t			 max_chars;	/* 0: no limit beyond the body cap */
	field_validator		 validate;	/* after the required/length checks */
	const char		*autocomplete;	/* the HTML autocomplete token */
	const char		*hint;		/* shown under the label */
	const struct field_option *options;	/* FIELD_SELECT, NULL-terminated */
};

struct form_value {
	const char	*value;		/* as typed, trimmed; never NULL */
	const char	*error;		/* NULL when the value passed */
};

struct form {
	const struct form_field	*fields;
	size_t			 nfields;
	struct form_value	*values;
	size_t			 nerrors;
};

/* An empty form (for a first GET); -1 when out of memory. */
int		 form_init(struct form *, struct arena *,
		    const struct form_field *, size_t n);

/*
 * Read and validate every field from params.  Returns the number of
 * fields in error, or -1 when out of memory.
 */
int		 form_read(struct form *, struct arena *,
		    const struct form_field *, size_t n, const struct params *);

/* The value of a field by name ("" if absent). */
const char	*form_value(const struct form *, const char *name);

/* Mark a field bad after the fact (a duplicate name found by the DB). */
void		 form_set_error(struct form *, const char *name, const char *msg);

/* A field: label, hint, error, control; password values are not echoed. */
void		 form_render_field(struct html *, const struct form *,
		    size_t index);

/* All fields in table order. */
void		 form_render_fields(struct html *, const struct form *);

/* "There is a problem" box linking to each bad field; nothing if none. */
void		 form_render_summary(struct html *, const struct form *);

/* Validators shared by programs. */
const char	*validate_date(const char *);		/* YYYY-MM-DD */
const char	*validate_time(const char *);		/* HH:MM, 24-hour */
const char	*validate_integer(const char *);
const char	*validate_email(const char *);
const char	*validate_local_path(const char *);	/* "/..." on this site */

#endif
