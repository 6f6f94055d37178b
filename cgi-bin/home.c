/*
 * home.fcgi: the home page, and the 404 for any path no program claims.
 */
#include "config.h"

#include "app.h"
#include "pages.h"

static void
home_get(struct ctx *c)
{
	app_begin_page(c);
	page_home(&c->html, &c->session);
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
