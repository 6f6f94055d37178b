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
# aborts.  Leaks are detected in every program that exits (the suites,
# the command-line programs, CGI); the FastCGI programs are stopped by
# SIGTERM and do not check for leaks: tests/http-valgrind.test does.
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
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS

"$@"
rc=$?

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
