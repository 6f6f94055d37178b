# Build the tree in place: configure once, then make (which re-runs
# automake/configure itself when their inputs change).
tracker_build() {
	[ -x configure ] || autoreconf -fi
	[ -f Makefile ] || ./configure --enable-werror
	make -j"$(nproc 2>/dev/null || echo 2)"
}
