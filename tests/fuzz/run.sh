#!/bin/sh
# Run each libFuzzer target for FUZZ_SECONDS from its seeds, and say how
# many inputs it ran, as TAP (one test per target):
#	run.sh SRCDIR BUILDDIR   (tests/fuzz of the source and build trees)
# FUZZ_NAMES lists the targets (BUILDDIR/NAME.fuzz, seeds in
# SRCDIR/corpus/NAME).  What a run finds stays in BUILDDIR/out/NAME/: the
# corpus it grew, its log, and the input that crashed (crash-*, leak-*,
# timeout-*), which goes into SRCDIR/corpus/NAME once the bug is fixed.
set -u
src=$1 build=$2
seconds=${FUZZ_SECONDS:-60}
set -- $FUZZ_NAMES
echo "1..$#"
i=0 failed=0
for name; do
	i=$((i + 1))
	out=$build/out/$name
	rm -rf "$out"
	mkdir -p "$out/corpus"
	"$build/$name.fuzz" -max_total_time="$seconds" -print_final_stats=1 \
	    -timeout=20 -rss_limit_mb=2048 -artifact_prefix="$out/" \
	    "$out/corpus" "$src/corpus/$name" >"$out/log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/log")
	seeds=$(ls "$src/corpus/$name" | wc -l)
	if [ "$rc" -eq 0 ] && [ -n "$runs" ]; then
		echo "ok $i - $name: $runs executions in $seconds s" \
		    "($seeds seeds)"
	else
		failed=$((failed + 1))
		echo "not ok $i - $name: exit $rc after ${runs:-?} executions;" \
		    "log and input in $out"
		grep -E 'property failed|runtime error|ERROR:|SUMMARY:|#[0-9]+ 0x.* in [a-z_]+ .*/(lib|tests)/|Test unit written' \
		    "$out/log" | head -n 30 | sed 's/^/# /'
	fi
done
[ "$failed" -eq 0 ]
