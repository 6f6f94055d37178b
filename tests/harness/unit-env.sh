#!/bin/sh
# Runs one Check suite.  Suites listed in $DB_TESTS get a throwaway MariaDB
# with the migrations applied, found through $TRACKER_CONF; it is removed
# when the suite ends, however it ends.
set -eu
prog=$1
case " ${DB_TESTS:-} " in
*" ${prog#./} "*) ;;
*) exec "$prog" ;;
esac
. "$top_srcdir/script/lib/services.sh"
svc_tmpdir
trap svc_stop_all EXIT INT TERM
svc_mariadb_start "$SVC_DIR"
svc_migrate
TRACKER_CONF=$SVC_CONF "$prog"
