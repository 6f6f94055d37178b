/*
 * home.fcgi: the home page, and the 404 for any path no program claims.
 */
#include "config.h"

#include "app.h"
#include "appg.h"
#include "engagements.h"
#include "pages.h"

static void
home_get(struct ctx *c)
{
	struct home_view	 v = { &c->session, 0, 0, NULL, 0 };
	struct appg_alert	*alerts = NULL;
	char			 today[11];
	enum db_err		 e;

	app_today(today);
	e = followups_count(c->db, c->session.user_id, today,
	    &v.open_followups, &v.overdue_followups);
	if (e == DB_OK)
		e = appg_alerts(c->db, &c->arena, today, APPG_ALERT_WINDOW,
		    &alerts, &v.nappg_alerts);
	v.appg_alerts = alerts;
	if (e != DB_OK) {
		app_db_error(c, e);
		return;
	}
	app_begin_page(c);
	page_home(&c->html, &v);
}

static const struct route routes[] = {
	{ "/", home_get, NULL, 0, ROLE_VIEWER },
};

int
main(void)
{
	const struct app app = { "home", routes, sizeof(routes) / sizeof(routes[0]) };

	return app_main(&app);
}
