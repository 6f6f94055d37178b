/*
 * The floors our pages are measured against, run in the same bench run
 * and behind the same web server: a FastCGI responder printing a fixed
 * page (/floor/fixed), the same running a single indexed SELECT per
 * request through a prepared statement (/floor/select: the read floor),
 * and the same committing a single INSERT of an audit row (/floor/insert:
 * the write floor; autocommit, so one durable commit per request, as a
 * save has).  Any other path prints the fixed page.  See bench/run.sh
 * (make bench) and bench/pages.sh.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <fcgiapp.h>

#include "arena.h"
#include "conf.h"
#include "db.h"

static const char page[] =
    "Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    "<!DOCTYPE html><html lang=\"en-GB\"><title>Floor</title><p>Floor</p>";

int
main(void)
{
	FCGX_Request	 fr;
	struct conf	 conf;
	struct db	 db;
	unsigned	 line;

	conf_defaults(&conf);
	if (conf_load(&conf, conf_path(), &line) != CONF_OK ||
	    db_open(&db, &conf, 0) != DB_OK) {
		fprintf(stderr, "floor: cannot load the configuration or connect\n");
		return 1;
	}
	if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, 0, 0) != 0)
		return 1;
	while (FCGX_Accept_r(&fr) >= 0) {
		const char	*uri = FCGX_GetParam("REQUEST_URI", fr.envp);
		struct arena	 a;
		struct db_rows	 r;

		arena_init(&a);
		if (uri == NULL)
			uri = "";
		if ((strcmp(uri, "/floor/select") == 0 && db_query(&db,
		    STMT_USER_BY_NAME, DB_ARGS(DB_STR("demo")), &a, &r) != DB_OK) ||
		    (strcmp(uri, "/floor/insert") == 0 && db_exec(&db,
		    STMT_AUDIT_INSERT, DB_ARGS(DB_STR("bench"),
		    DB_STR("bench_floor"), DB_NULL, DB_STR("floor"), DB_NULL,
		    DB_NULL), NULL, NULL) != DB_OK))
			FCGX_PutS("Status: 503 Service Unavailable\r\n\r\n", fr.out);
		else
			FCGX_PutStr(page, (int)sizeof(page) - 1, fr.out);
		arena_free(&a);
		FCGX_Finish_r(&fr);
	}
	db_close(&db);
	conf_free(&conf);
	return 0;
}
