/*
 * What backup, restore and check-config need from the database and from
 * the dump text: the objects a database holds, the binary-log setting
 * that decides whether triggers and routines may be created, the client
 * option file that carries the credentials to mariadb-dump and mariadb
 * (never their command line), and DEFINER clauses taken out of a dump so
 * that it loads as any account.
 */
#ifndef TRACKER_DBADMIN_H
#define TRACKER_DBADMIN_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

struct conf;
struct conf_db_host;
struct db;

/*
 * SQL that drops every table, view, procedure and function of the
 * connection's database, appended to out; *count is how many there are
 * (0: the database is empty).  Names come from information_schema and are
 * quoted as identifiers: DDL takes no placeholders.
 */
int	dba_drop_script(struct db *, struct buf *out, size_t *count);

/*
 * 1 in *refused when the server logs binary and does not trust function
 * creators, so an account without SUPER cannot create the schema's
 * triggers, procedures and functions.  Returns 0, or -1 on a database
 * error (see db->error).
 */
int	dba_binlog_refuses_triggers(struct db *, int *refused);

/*
 * Write a "[client]" option group with conf's user, password, and its
 * socket or else server h of db_host (NULL: the first), for
 * --defaults-extra-file.  Values are double-quoted with '\\' and '"'
 * escaped.  Returns 0, or -1 on a write error.
 */
int	dba_write_client_options(FILE *, const struct conf *,
	    const struct conf_db_host *h);

/*
 * Remove each DEFINER=`user`@`host` clause (with the space after it)
 * from a line of dump text, in place; returns the new length.  A trigger,
 * routine or view loaded without one is owned by the loading account.
 */
size_t	dba_strip_definer(char *line, size_t len);

#endif
