# Shell functions that start the web servers of etc/ in front of the
# programs of the build tree: lighttpd (FastCGI or CGI), nginx and Apache
# (mod_fcgid or mod_proxy_fcgi).  Sourced after script/lib/services.sh,
# whose $SVC_CONF, $SVC_PIDS and svc_* they use; svc_stop_all stops what
# they start.
#
#   web_start KIND DIR PORT [PROCS]
#
# KIND is lighttpd, nginx, apache-fcgid, apache-proxy or cgi.  DIR holds
# the server's configuration, logs and sockets (DIR/run); give each server
# its own.  Sets $WEB_URL.  Readiness is polled, never slept for: the
# programs' sockets must exist, then GET /login must answer 200, which
# takes the server, a program and the database.

WEB_KINDS="lighttpd nginx apache-fcgid apache-proxy cgi"
WEB_PROGRAMS="auth home people engagements strategy admin reports mentions feeds appg"

# web_have KIND: the programs KIND needs are installed.
web_have() {
	case $1 in
	lighttpd|cgi) svc_find lighttpd >/dev/null ;;
	nginx) svc_find nginx >/dev/null && svc_find spawn-fcgi >/dev/null ;;
	apache-fcgid) web_apache_modules >/dev/null &&
	    [ -f "$(web_apache_modules)/mod_fcgid.so" ] ;;
	apache-proxy) web_apache_modules >/dev/null &&
	    [ -f "$(web_apache_modules)/mod_proxy_fcgi.so" ] &&
	    svc_find spawn-fcgi >/dev/null ;;
	*) return 1 ;;
	esac
}

# Apache's module directory, when Apache is installed.
web_apache_modules() {
	svc_find apache2 httpd >/dev/null || return 1
	for _d in /usr/lib/apache2/modules /usr/lib64/httpd/modules \
	    /usr/lib/httpd/modules /usr/libexec/apache2; do
		[ -f "$_d/mod_proxy.so" ] && { echo "$_d"; return 0; }
	done
	return 1
}

web_start() {
	_kind=$1 _wdir=$2 _wport=$3 _wprocs=${4:-1}
	mkdir -p "$_wdir/run"
	case $_kind in
	lighttpd) svc_lighttpd_start "$_wdir" "$_wport" "$_wprocs" ;;
	nginx) web_nginx_start "$_wdir" "$_wport" ;;
	apache-fcgid) web_apache_start fcgid "$_wdir" "$_wport" "$_wprocs" ;;
	apache-proxy) web_apache_start proxy-fcgi "$_wdir" "$_wport" ;;
	cgi) web_cgi_start "$_wdir" "$_wport" ;;
	*) svc_die "unknown web server \"$_kind\" (one of: $WEB_KINDS)" ;;
	esac
	WEB_URL=http://127.0.0.1:$_wport
	web_wait_http "$WEB_URL/login" 30 ||
	    svc_die "$_kind did not answer on $WEB_URL/login"
}

# web_wait_http URL SECONDS: poll URL until it answers 200 (one node
# process polling every 50 ms, not one process per try).
web_wait_http() {
	"${NODE:-node}" -e '
	    const [url, secs] = process.argv.slice(1);
	    const end = Date.now() + secs * 1000;
	    (async () => {
	        for (;;) {
	            try {
	                const r = await fetch(url, { redirect: "manual" });
	                await r.arrayBuffer();
	                if (r.status === 200) process.exit(0);
	            } catch (e) { /* not listening yet */ }
	            if (Date.now() > end) process.exit(1);
	            await new Promise((ok) => setTimeout(ok, 50));
	        }
	    })();' "$1" "$2"
}

# web_render TEMPLATE OUT NAME=VALUE...: the template with each @NAME@
# replaced (values must not hold "|" or a newline); fails if any is left.
web_render() {
	_tpl=$1 _out=$2
	shift 2
	for _kv in "$@"; do
		printf 's|@%s@|%s|g\n' "${_kv%%=*}" "${_kv#*=}"
	done >"$_out.sed" || svc_die "cannot write $_out.sed"
	sed -f "$_out.sed" "$_tpl" >"$_out" || svc_die "cannot write $_out"
	rm -f "$_out.sed"
	! grep -n '^[^#]*@[A-Z]*@' "$_out" >&2 ||
	    svc_die "$_out: @NAMES@ left unfilled"
}

# web_spawn DIR BINDIR [GROUP]: one FastCGI process per program, listening
# on DIR/run/<program>.sock, started by spawn-fcgi as production's systemd
# socket units would (the socket on fd 0).  GROUP, when given, owns the
# sockets so that a server running as another user may connect.
# Returns once every socket exists.
web_spawn() {
	_sdir=$1/run _bindir=$2 _sgroup=${3:-}
	_spawn=$(svc_find spawn-fcgi) || svc_die "spawn-fcgi not found: run script/bootstrap"
	for _p in $WEB_PROGRAMS; do
		rm -f "$_sdir/$_p.sock"
		# -n: no fork, so the pid is the program's own and its
		# stderr (the programs' log lines) stays ours.
		TRACKER_CONF=$SVC_CONF "$_spawn" -n -s "$_sdir/$_p.sock" -M 0660 \
		    ${_sgroup:+-G "$_sgroup"} -- "$_bindir/$_p.fcgi" \
		    >/dev/null &
		SVC_PIDS="$! $SVC_PIDS"
	done
	for _p in $WEB_PROGRAMS; do
		svc_wait_for 10 test -S "$_sdir/$_p.sock" ||
		    svc_die "spawn-fcgi did not make $_sdir/$_p.sock"
	done
}

# web_nginx_start DIR PORT: nginx (workers as the invoking user, root
# included: the sockets and test directory are private) in front of
# web_spawn's programs.
web_nginx_start() {
	_nginx=$(svc_find nginx) || svc_die "nginx not found: run script/bootstrap"
	web_spawn "$1" "$top_builddir/cgi-bin"
	web_render "$top_srcdir/etc/nginx.conf.in" "$1/nginx.conf" \
	    USER="$(id -un)" PORT="$2" DOCROOT="$top_srcdir/htdocs" \
	    DEMOFEEDS="$top_srcdir/feeds/demo" SOCKDIR="$1/run" RUNDIR="$1/run"
	"$_nginx" -p "$1/run" -e "$1/run/error.log" -c "$1/nginx.conf" \
	    -g 'daemon off;' &
	SVC_PIDS="$! $SVC_PIDS"
}

# web_cgi_start DIR PORT: lighttpd running the programs as plain CGI.
web_cgi_start() {
	_lighttpd=${LIGHTTPD:-$(svc_find lighttpd)} ||
	    svc_die "lighttpd not found: run script/bootstrap"
	web_render "$top_srcdir/etc/lighttpd-cgi.conf.in" "$1/lighttpd-cgi.conf" \
	    PORT="$2" DOCROOT="$top_srcdir/htdocs" RUNDIR="$1/run" \
	    FCGIDIR="$top_builddir/cgi-bin" CONF="$SVC_CONF" \
	    DEMOFEEDS="$top_srcdir/feeds/demo"
	"$_lighttpd" -D -f "$1/lighttpd-cgi.conf" &
	SVC_PIDS="$! $SVC_PIDS"
}

# Apache will not serve as root: started by root it runs its workers, and
# mod_fcgid the programs, as an unprivileged account (www-data, else
# nobody).  That account must read what it serves and runs, but the test
# directory is private (0700) and the source tree may sit where it cannot
# go (a CI clone under /root).  So the server gets copies of htdocs, the
# demo feeds and the programs in its own DIR, group-owned by that
# account's group; the directory holding tracker.conf (and the MariaDB
# socket) is opened to that group for traversal only (0710), and
# tracker.conf, which holds the database password, becomes root:GROUP mode
# 640 rather than readable by all.  Run by anyone else, Apache keeps the
# invoking user and the group changes are no-ops.
web_apache_account() {
	if [ "$(id -u)" = 0 ]; then
		for WEB_USER in www-data nobody ""; do
			[ -n "$WEB_USER" ] && id -u "$WEB_USER" >/dev/null 2>&1 && break
		done
		[ -n "$WEB_USER" ] || svc_die "no www-data or nobody account for Apache"
		WEB_GROUP=$(id -gn "$WEB_USER")
	else
		WEB_USER=$(id -un) WEB_GROUP=$(id -gn)
	fi
}

# web_apache_share DIR: DIR/htdocs, DIR/demo-feeds, DIR/bin as above;
# DIR and DIR/run (logs, sockets) open to the group for traversal only.
web_apache_share() {
	rm -rf "${1:?}/htdocs" "${1:?}/demo-feeds" "${1:?}/bin"
	cp -R "$top_srcdir/htdocs" "$1/htdocs" &&
	    cp -R "$top_srcdir/feeds/demo" "$1/demo-feeds" &&
	    mkdir -p "$1/bin" ||
	    svc_die "cannot copy htdocs into $1"
	for _p in $WEB_PROGRAMS; do
		cp "$top_builddir/cgi-bin/$_p.fcgi" "$1/bin/" ||
		    svc_die "cannot copy $_p.fcgi into $1/bin"
	done
	chgrp -R "$WEB_GROUP" "$1/htdocs" "$1/demo-feeds" "$1/bin" &&
	    chmod -R g+rX,o-rwx "$1/htdocs" "$1/demo-feeds" "$1/bin" &&
	    chgrp "$WEB_GROUP" "$SVC_CONF" && chmod 0640 "$SVC_CONF" ||
	    svc_die "cannot share $1 and $SVC_CONF with $WEB_USER"
	for _d in "$1" "$1/run" "$(dirname "$SVC_CONF")" \
	    "$(dirname "$SVC_DB_SOCKET")"; do
		chgrp "$WEB_GROUP" "$_d" && chmod g+x "$_d" ||
		    svc_die "cannot open $_d to $WEB_GROUP"
	done
	# The directories above (a $TMPDIR under /root, say) must let it by.
	[ "$(id -u)" != 0 ] || ! command -v runuser >/dev/null ||
	    runuser -u "$WEB_USER" -- test -r "$SVC_CONF" -a \
	    -x "$1/bin/auth.fcgi" -a -r "$1/htdocs/static/tracker.css" ||
	    svc_die "$WEB_USER cannot reach $1 or $SVC_CONF: use a TMPDIR it can enter"
}

# web_apache_start fcgid|proxy-fcgi DIR PORT [PROCS]
web_apache_start() {
	_mode=$1 _adir=$2
	_apache=$(svc_find apache2 httpd) || svc_die "Apache not found: run script/bootstrap"
	_modules=$(web_apache_modules) || svc_die "Apache's modules not found"
	web_apache_account
	web_apache_share "$_adir"
	if [ "$_mode" = fcgid ]; then
		# mod_fcgid's sockets to its programs, made by the workers.
		mkdir -p "$_adir/run/fcgid" &&
		    chown "$WEB_USER:$WEB_GROUP" "$_adir/run/fcgid" ||
		    svc_die "cannot give $_adir/run/fcgid to $WEB_USER"
	else
		# The sockets' group lets the workers connect (spawn-fcgi -G
		# is for root only).
		_sgroup=""
		[ "$(id -u)" = 0 ] && _sgroup=$WEB_GROUP
		web_spawn "$_adir" "$_adir/bin" "$_sgroup"
	fi
	web_render "$top_srcdir/etc/apache-$_mode.conf.in" "$_adir/apache.conf" \
	    MODULES="$_modules" USER="$WEB_USER" GROUP="$WEB_GROUP" \
	    PORT="$3" DOCROOT="$_adir/htdocs" DEMOFEEDS="$_adir/demo-feeds" \
	    FCGIDIR="$_adir/bin" CONF="$SVC_CONF" PROCS="${4:-1}" \
	    SOCKDIR="$_adir/run" RUNDIR="$_adir/run"
	"$_apache" -f "$_adir/apache.conf" -DFOREGROUND &
	SVC_PIDS="$! $SVC_PIDS"
}
