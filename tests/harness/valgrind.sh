# The HTTP suite with every FastCGI program under valgrind
# (tests/http-valgrind.test sets TRACKER_VALGRIND=yes for tests/http.test,
# which sources this).  Each program runs inside memcheck for the whole
# suite; when the suite is done the web server is stopped, which sends
# the programs SIGTERM; they leave their accept loop and exit through
# their cleanup (libfcgi catches SIGTERM and ends FCGX_Accept_r; see
# tests/workers.test), so memcheck writes its leak check.  Every
# log must then say: the program exited (not killed), 0 errors, and 0
# bytes definitely lost.  Reachable memory at exit (libraries' caches)
# is not counted.

# vg_wrap DIR: DIR/bin/<program>.fcgi for each of $WEB_PROGRAMS, a script
# that runs the build tree's program under memcheck, logging to
# DIR/logs/<program>.<pid>.
vg_wrap() {
	_vg=$(command -v valgrind) || return 1
	mkdir -p "$1/bin" "$1/logs" || return 1
	for _p in $WEB_PROGRAMS; do
		cat >"$1/bin/$_p.fcgi" <<-EOF || return 1
			#!/bin/sh
			exec "$_vg" --error-exitcode=99 --leak-check=full \\
			    --show-leak-kinds=definite --errors-for-leak-kinds=definite \\
			    --num-callers=40 --log-file="$1/logs/$_p.%p" \\
			    "$top_builddir/cgi-bin/$_p.fcgi"
		EOF
		chmod 0755 "$1/bin/$_p.fcgi" || return 1
	done
}

# vg_stop PID: stop the web server PID and wait until every program it
# started has exited (memcheck's leak check takes a few seconds).
vg_stop() {
	_kids=$(pgrep -P "$1")
	kill "$1" 2>/dev/null
	for _k in $1 $_kids; do
		svc_wait_for 120 svc_ended "$_k" || return 1
	done
	wait "$1" 2>/dev/null
	return 0
}

# vg_log_ok LOG: LOG is of a program that exited by itself with no error
# and no definite leak; else says why on stderr.
vg_log_ok() {
	if grep -q "Process terminating with default action" "$1"; then
		echo "killed by a signal, not an exit" >&2
		return 1
	fi
	if ! grep -q "ERROR SUMMARY: 0 errors" "$1"; then
		grep "ERROR SUMMARY" "$1" >&2 || echo "no error summary: did it exit?" >&2
		return 1
	fi
	grep -q "definitely lost: 0 bytes" "$1" ||
	    grep -q "All heap blocks were freed" "$1" || {
		grep "definitely lost" "$1" >&2 || echo "no leak summary" >&2
		return 1
	}
}

# vg_figures LOG: its error count and leak summary on one comment line.
vg_figures() {
	printf '# %s:' "${1##*/}"
	sed -n -e 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/ \1 errors;/p' \
	    -e 's/.*\(definitely\|indirectly\|possibly\) lost: \([0-9,]*\) bytes.*/ \1 lost \2 B;/p' \
	    -e 's/.*still reachable: \([0-9,]*\) bytes.*/ still reachable \1 B;/p' \
	    -e 's/.*All heap blocks were freed.*/ all heap blocks freed;/p' "$1" |
	    tr -d '\n'
	echo
}

# vg_tap N LOGDIR: TAP results numbered from N+1, one per program: each
# of its logs (one a process lighttpd started) is clean.  Prints the
# failing logs as comments.
vg_tap() {
	_i=$1
	for _p in $WEB_PROGRAMS; do
		_i=$((_i + 1))
		_bad="" _n=0
		for _log in "$2/logs/$_p".*; do
			[ -f "$_log" ] || continue
			_n=$((_n + 1))
			vg_log_ok "$_log" 2>"$2/why" || _bad="$_bad $_log"
			vg_figures "$_log"
			[ -s "$2/why" ] && mv "$2/why" "$2/why.${_log##*/}"
		done
		_what="valgrind: $_p.fcgi ($_n process(es)) exited with 0 errors, 0 bytes definitely lost"
		if [ "$_n" -eq 0 ]; then
			echo "not ok $_i - $_what # no log: never started?"
		elif [ -n "$_bad" ]; then
			echo "not ok $_i - $_what"
			for _log in $_bad; do
				printf '# --- %s: %s\n' "${_log##*/}" \
				    "$(cat "$2/why.${_log##*/}")"
				sed 's/^/# /' "$_log"
			done
		else
			echo "ok $_i - $_what"
		fi
	done
}

# vg_finish TAPFILE LOGDIR SERVERPID: node's TAP without its plan, the
# programs stopped, a result per program, then the whole plan.  Fails
# if anything failed.
vg_finish() {
	_tests=$(grep -cE '^(not )?ok [0-9]+' "$1")
	grep -vE '^1\.\.[0-9]+$' "$1"
	_rc=0
	vg_stop "$3" || { echo "# the programs did not exit within 120 s"; _rc=1; }
	vg_tap "$_tests" "$2" >"$2/tap"
	cat "$2/tap"
	echo "1..$((_tests + $(grep -cE '^(not )?ok ' "$2/tap")))"
	! grep -q '^not ok' "$1" "$2/tap" || _rc=1
	return "$_rc"
}
