# Build the tree in place: configure once, then make (which re-runs
# automake/configure itself when their inputs change).
tracker_build() {
	[ -x configure ] || autoreconf -fi
	[ -f Makefile ] || ./configure --enable-werror
	make -j"$(nproc 2>/dev/null || echo 2)"
}

# The sanitizer build (issue 9) in build-san/: configured with
# --enable-sanitizers out of tree, in build-san/obj.  Automake will not
# build out of tree from a source directory that is itself configured
# (make would take the in-tree objects for its own through VPATH), and
# the normal build above is in tree; so the sources git knows of,
# committed or not, are first mirrored into build-san/src (rsync keeps
# the times of unchanged files, so the next run rebuilds only what
# changed).  node_modules stays where it is.
tracker_build_sanitizers() {
	_top=$(pwd)
	mkdir -p build-san/src build-san/obj || return 1
	git ls-files -z -co --exclude-standard |
	    rsync -a --from0 --files-from=- --ignore-missing-args ./ build-san/src/ ||
	    return 1
	( cd build-san/src && { [ -x configure ] || autoreconf -fi; } ) || return 1
	# tests/conformance.test reads its corpus from the sources' parent.
	[ ! -d ../shared ] || ln -sfn "$(cd ../shared && pwd)" build-san/shared
	# Clang when installed: its single runtime writes UBSan's reports
	# where ASan's go; gcc's separate libubsan prints them on stderr,
	# past tests/harness/sanitize.sh (they still abort the program).
	_cc=$(command -v clang || echo "${CC:-cc}")
	( cd build-san/obj && { [ -f Makefile ] ||
	    ../src/configure CC="$_cc" --enable-werror --enable-sanitizers \
	    PLAYWRIGHT_CORE="$_top/node_modules/playwright-core"; } &&
	    make -j"$(nproc 2>/dev/null || echo 2)" )
}
