#!/bin/sh
# Runs one test of a sanitizer build (./configure --enable-sanitizers),
# as `make check` does through $(SAN_RUN): every sanitized program the
# test starts (the suite itself, tracker-admin, tracker-feeds and its
# parser child, the FastCGI programs behind the web server) writes its
# AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer reports
# into one private directory rather than onto a stderr that a web server
# or a test may swallow.  After the test, any report is a TAP "Bail out!"
# with the reports as comments, so the test fails even if every request
# it made happened to succeed.
#
# The directory is under /tmp and open to all (sticky, like /tmp) because
# Apache runs the programs as www-data, which cannot reach the build
# tree of a CI clone under /root; a sanitizer that cannot open its log
# aborts.  Leaks are checked in every program when it exits: the suites,
# the command-line programs, CGI, and the FastCGI programs, which leave
# through their cleanup when the web server stops them with SIGTERM
# (tests/http-valgrind.test checks those under valgrind too).
set -u

dir=$(mktemp -d "${TMPDIR:-/tmp}/san.XXXXXX") || {
	echo "Bail out! cannot make a directory for sanitizer reports"
	exit 1
}
chmod 1777 "$dir"
trap 'rm -rf "$dir"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# halt_on_error: the first error ends the program (UBSan's are fatal at
# compile time: -fno-sanitize-recover=undefined).
ASAN_OPTIONS="log_path=$dir/asan:halt_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
UBSAN_OPTIONS="log_path=$dir/ubsan:print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
LSAN_OPTIONS="${LSAN_OPTIONS:-}"
TRACKER_SANITIZE_DIR=$dir
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS TRACKER_SANITIZE_DIR

"$@"
rc=$?

# Wait for stragglers: a FastCGI program stopped when the test stopped its
# web server runs its leak check after the server has gone.  Every
# process the test started has TRACKER_SANITIZE_DIR in its environment.
unset TRACKER_SANITIZE_DIR
i=0
while [ "$i" -lt 300 ] &&
    grep -lqsz "^TRACKER_SANITIZE_DIR=$dir\$" /proc/[0-9]*/environ; do
	sleep 0.1
	i=$((i + 1))
done

reports=$(find "$dir" -type f -size +0 | sort)
if [ -n "$reports" ]; then
	echo "Bail out! sanitizer reports from $(echo "$reports" | wc -l) process(es)"
	for f in $reports; do
		printf '# --- %s\n' "${f##*/}"
		sed 's/^/# /' "$f"
	done
	[ "$rc" -eq 0 ] && rc=1
fi
exit "$rc"
