# Shell functions that start a MariaDB Galera cluster of three nodes on
# 127.0.0.1, each with its own data directory under $SVC_DIR/galera/nodeN,
# its own client port, group-communication port, IST port and SST port.
# Sourced (after script/lib/services.sh) by tests/galera.test.
#
# Node 1 bootstraps the cluster; nodes 2 and 3 join it and receive a full
# copy of node 1 by rsync SST.  A node killed and started again catches
# up by IST (only the write-sets it missed, from a donor's gcache).
# Readiness is polled, never slept for: a node is ready when it answers
# on its socket and reports wsrep_local_state_comment = Synced.

GALERA_NODES="1 2 3"

galera_provider() {
	for _p in /usr/lib/galera/libgalera_smm.so /usr/lib/libgalera_smm.so \
	    /usr/lib64/galera-4/libgalera_smm.so; do
		[ -f "$_p" ] && { echo "$_p"; return 0; }
	done
	return 1
}

# Twelve TCP ports nobody listens on now, held open together so they differ.
galera_free_ports() {
	"${NODE:-node}" -e 'const net = require("net"); const s = [];
	    let left = 12; const ports = [];
	    for (let i = 0; i < 12; i++) { const x = net.createServer();
	      s.push(x); x.listen(0, "127.0.0.1", () => {
	        ports.push(x.address().port);
	        if (--left === 0) { console.log(ports.join(" "));
	          s.forEach((y) => y.close()); } }); }'
}

# galera_ports: sets GALERA_{CLIENT,GCOMM,IST,SST}_n for nodes 1..3.
galera_ports() {
	_ports=$(galera_free_ports) || return 1
	set -- $_ports
	[ $# -eq 12 ] || return 1
	for _n in $GALERA_NODES; do
		eval "GALERA_CLIENT_$_n=\$1 GALERA_GCOMM_$_n=\$2"
		eval "GALERA_IST_$_n=\$3 GALERA_SST_$_n=\$4"
		shift 4
	done
	GALERA_ADDRESS="gcomm://127.0.0.1:$GALERA_GCOMM_1,127.0.0.1:$GALERA_GCOMM_2,127.0.0.1:$GALERA_GCOMM_3"
}

galera_dir() { echo "$SVC_DIR/galera/node$1"; }
galera_socket() { echo "$SVC_DIR/galera/node$1/mysqld.sock"; }

galera_sql() {
	_n=$1; shift
	mariadb --no-defaults -S "$(galera_socket "$_n")" -u root "$@"
}

galera_status() {
	galera_sql "$1" -N -B -e "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null |
	    cut -f2
}

# Synced, or a dead node (so the wait ends at once): galera_alive tells.
galera_synced_or_dead() {
	galera_alive "$1" || return 0
	[ "$(galera_status "$1" wsrep_local_state_comment)" = Synced ] &&
	    [ "$(galera_status "$1" wsrep_ready)" = ON ]
}

galera_alive() {
	eval "_pid=\${GALERA_PID_$1:-}"
	[ -n "$_pid" ] && kill -0 "$_pid" 2>/dev/null
}

# galera_mariadbd N ARGS...: become node N's server (exec: run it in a
# subshell or in the background, where $! is then the server's own pid).
# Triggers (migrations 007, 008) need log_bin_trust_function_creators
# where the binary log is on, as it usually is on a Galera node.
galera_mariadbd() {
	_n=$1; shift
	_dir=$(galera_dir "$_n")
	_mariadbd=${MARIADBD:-$(svc_find mariadbd mysqld)} ||
	    svc_die "mariadbd not found: run script/bootstrap"
	_userflag=""
	[ "$(id -u)" = 0 ] && _userflag="--user=mysql"
	eval "_client=\$GALERA_CLIENT_$_n _gcomm=\$GALERA_GCOMM_$_n"
	eval "_ist=\$GALERA_IST_$_n _sst=\$GALERA_SST_$_n"
	exec "$_mariadbd" --no-defaults --datadir="$_dir/data" $_userflag \
	    --tmpdir="$_dir/tmp" --socket="$_dir/mysqld.sock" \
	    --port="$_client" --bind-address=127.0.0.1 --skip-name-resolve \
	    --pid-file="$_dir/mysqld.pid" \
	    --innodb-buffer-pool-size=32M --innodb-log-file-size=16M \
	    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
	    --log-bin="$_dir/data/binlog" --server-id="$_n" \
	    --log-bin-trust-function-creators=1 \
	    --binlog-format=ROW --default-storage-engine=InnoDB \
	    --innodb-autoinc-lock-mode=2 \
	    --wsrep-on=ON --wsrep-provider="$(galera_provider)" \
	    --wsrep-cluster-name=tracker-test \
	    --wsrep-cluster-address="$GALERA_ADDRESS" \
	    --wsrep-node-name="node$_n" \
	    --wsrep-node-address="127.0.0.1:$_gcomm" \
	    --wsrep-node-incoming-address="127.0.0.1:$_client" \
	    --wsrep-sst-method=rsync \
	    --wsrep-sst-receive-address="127.0.0.1:$_sst" \
	    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$_gcomm;ist.recv_addr=127.0.0.1:$_ist;gcache.size=64M;evs.keepalive_period=PT0.5S;evs.suspect_timeout=PT2S;evs.inactive_timeout=PT4S;evs.install_timeout=PT4S" \
	    "$@"
}

# galera_node_start N [--wsrep-new-cluster]: start node N in the
# background and wait until it is synced with the cluster.
galera_node_start() {
	_n=$1; shift
	_dir=$(galera_dir "$_n")
	_userflag=""
	mkdir -p "$_dir/data" "$_dir/tmp"
	# As root, run the node as the mysql account: rsync's daemon, which
	# receives an SST, drops root for "nobody" and could not write the
	# data directory of a node running as root.
	if [ "$(id -u)" = 0 ]; then
		_userflag="--user=mysql"
		chmod 711 "$SVC_DIR"
		chown -R mysql: "$SVC_DIR/galera"
	fi
	# The node that bootstraps needs system tables; joiners get node 1's.
	if [ "${1:-}" = --wsrep-new-cluster ] && [ ! -d "$_dir/data/mysql" ]; then
		mariadb-install-db --no-defaults --datadir="$_dir/data" \
		    $_userflag --tmpdir="$_dir/tmp" \
		    --auth-root-socket-user="$(id -un)" --skip-test-db \
		    >"$_dir/install-db.log" 2>&1 ||
		    { cat "$_dir/install-db.log" >&2; return 1; }
	fi
	_start=""
	_seqno=$(sed -n 's/^seqno: *//p' "$_dir/data/grastate.dat" 2>/dev/null)
	if [ "$_seqno" = -1 ]; then
		# Killed while running: its position is in InnoDB only.  Find it
		# as galera_recovery(1) does, so the node asks for an IST.
		(galera_mariadbd "$_n" --wsrep-recover \
		    --log-error="$_dir/recover.log") >/dev/null 2>&1
		_pos=$(sed -n 's/.*WSREP: Recovered position: *//p' \
		    "$_dir/recover.log" | tail -n 1)
		[ -n "$_pos" ] && _start="--wsrep-start-position=$_pos"
	fi
	galera_mariadbd "$_n" --log-error="$_dir/mysqld.log" $_start \
	    "$@" >>"$_dir/mysqld.stdout" 2>&1 &
	eval "GALERA_PID_$_n=\$!"
	SVC_PIDS="$! $SVC_PIDS"
	svc_wait_for 60 galera_synced_or_dead "$_n" && galera_alive "$_n"
}

# galera_node_kill N: SIGKILL, as a crash or a pulled plug would.
galera_node_kill() {
	eval "_pid=\$GALERA_PID_$1"
	kill -9 "$_pid" 2>/dev/null
	wait "$_pid" 2>/dev/null || true
}

# galera_cluster_start: three synced nodes, the database "tracker" and
# its user; writes $SVC_CONF listing the three nodes in db_host.
galera_cluster_start() {
	mkdir -p "$SVC_DIR/galera"
	galera_ports || svc_die "no free ports for the cluster"
	galera_node_start 1 --wsrep-new-cluster ||
	    { tail -30 "$(galera_dir 1)/mysqld.log" >&2; return 1; }
	[ -f "$SVC_DIR/db-password" ] || svc_random >"$SVC_DIR/db-password"
	_pw=$(cat "$SVC_DIR/db-password")
	galera_sql 1 <<-SQL || return 1
		CREATE DATABASE IF NOT EXISTS tracker CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
		CREATE USER IF NOT EXISTS 'tracker'@'127.0.0.1' IDENTIFIED BY '$_pw';
		GRANT ALL PRIVILEGES ON tracker.* TO 'tracker'@'127.0.0.1';
	SQL
	for _n in 2 3; do
		galera_node_start "$_n" ||
		    { tail -30 "$(galera_dir "$_n")/mysqld.log" >&2; return 1; }
	done
	SVC_CONF=$SVC_DIR/tracker.conf
	cat >"$SVC_CONF" <<-CONF
		# Written by script/lib/galera.sh: the three nodes, tried in order.
		db_host = 127.0.0.1:$GALERA_CLIENT_1, 127.0.0.1:$GALERA_CLIENT_2, 127.0.0.1:$GALERA_CLIENT_3
		db_name = tracker
		db_user = tracker
		db_password = $_pw
	CONF
	chmod 600 "$SVC_CONF" "$SVC_DIR/db-password"
}
