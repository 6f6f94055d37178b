/*
 * The subject access export rendered: a printable page (A4, through
 * print.css) and the same as JSON.  Rendering only: never queries.
 */
#ifndef TRACKER_UI_PRIVACY_SAR_H
#define TRACKER_UI_PRIVACY_SAR_H

#include <stddef.h>

struct buf;
struct html;
struct sar_export;
struct session;

/* Where a person's export is: "/people/ID/export" (+ "?format=json"). */
#define SAR_PATH_FMT	"/people/%lld/export"

/*
 * The "Subject access export" link on a person's page, for admins only
 * (subject access is the data protection lead's job); nothing for others.
 */
void	ui_sar_person_action(struct html *, const struct session *,
	    long long person_id);

/* The export page, whole (chrome included). */
void	ui_sar_page(struct html *, const struct session *,
	    const struct sar_export *);

/*
 * The export as one JSON object (UTF-8, indented) into b: 0, or -1 if
 * out of memory.
 */
int	ui_sar_json(struct buf *, const struct sar_export *);

/* The attachment name for the JSON: "subject-access-ID-YYYY-MM-DD.json". */
void	ui_sar_json_filename(char *out, size_t size, const struct sar_export *);

#endif
