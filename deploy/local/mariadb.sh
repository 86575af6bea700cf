#!/usr/bin/env bash
# Starts, stops or reports the local MariaDB server on 127.0.0.1:3306.
#
# start  reuses a server that already accepts connections on 127.0.0.1:3306 and records
#        that these scripts did not start it. Otherwise it installs mariadb-server with
#        apt-get when mariadbd is missing and starts mariadbd in the background with the
#        system's data directory (/var/lib/mysql) and its error log in
#        deploy/local/.run/mariadb/.
# stop   stops the server only if start started it.
# restart stops the server, whoever started it, and starts it again the same way: a server
#        that start started gets the same command line; any other one is shut down with the
#        SQL SHUTDOWN statement and started again as plain mariadbd, which reads the system's
#        configuration files as the packaged service does. The fault suite uses it to prove that
#        the services reconnect by themselves.
# status prints whether the server runs and who started it; exits 3 when it is not running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MARIADB_RUN_DIR="$RUN_DIR/mariadb"
MARIADB_DATA_DIR=/var/lib/mysql

# Returns 0 when a MariaDB or MySQL server responds on 127.0.0.1:3306, whether or not it
# lets root in. mariadb-admin ping exits 0 on "Access denied", but exits 1 on "Host
# '127.0.0.1' is not allowed to connect", which a new Debian installation returns because
# its root user exists for localhost (Unix socket) only.
mariadb_alive() {
    if ! command -v mariadb-admin >/dev/null; then
        port_open "$LOCAL_HOST" "$MARIADB_PORT"
        return
    fi
    local output
    if output=$(mariadb-admin --protocol=tcp "--host=$LOCAL_HOST" "--port=$MARIADB_PORT" \
        --user=root --connect-timeout=2 ping 2>&1); then
        return 0
    fi
    grep -q 'is not allowed to connect' <<<"$output"
}

find_mariadbd() {
    command -v mariadbd || { [[ -x /usr/sbin/mariadbd ]] && echo /usr/sbin/mariadbd; }
}

# Prints a directory for the error log that the mysql user can write: .run/mariadb when
# the mysql user can reach it, /var/log/mysql otherwise.
error_log_dir() {
    install -d -o mysql -g mysql -m 750 "$MARIADB_RUN_DIR"
    if runuser -u mysql -- test -w "$MARIADB_RUN_DIR"; then
        printf '%s' "$MARIADB_RUN_DIR"
    else
        install -d -o mysql -g mysql -m 750 /var/log/mysql
        printf '%s' /var/log/mysql
    fi
}

start() {
    local pid
    if pid=$(running_pid mariadb); then
        log_info "MariaDB already runs (pid $pid, started by these scripts); waiting for it"
        if ! wait_until 60 "$pid" mariadb_alive; then
            die "MariaDB (pid $pid) does not respond on $LOCAL_HOST:$MARIADB_PORT; see mariadb.err in $MARIADB_RUN_DIR or /var/log/mysql"
        fi
        return 0
    fi
    if mariadb_alive; then
        mark_reused mariadb
        log_info "Reusing the MariaDB server on $LOCAL_HOST:$MARIADB_PORT (not started by these scripts; stop leaves it running)"
        return 0
    fi

    local mariadbd
    if ! mariadbd=$(find_mariadbd); then
        apt_install mariadb-server mariadb-client
        mariadbd=$(find_mariadbd) || die "mariadbd is still missing after installing mariadb-server"
        # Debian's package may start its own server while installing.
        if mariadb_alive; then
            mark_reused mariadb
            log_info "The mariadb-server package started a server on $LOCAL_HOST:$MARIADB_PORT; reusing it"
            return 0
        fi
    fi
    [[ $(id -u) -eq 0 ]] || die "Starting mariadbd --user=mysql needs root."

    # NOTE: a data directory initialised here or by Debian's package lets root in through
    # the Unix socket only, so clients that log in as root over TCP are rejected.
    if [[ ! -d $MARIADB_DATA_DIR/mysql ]]; then
        log_info "Initialising the data directory $MARIADB_DATA_DIR"
        mariadb-install-db --user=mysql "--datadir=$MARIADB_DATA_DIR" \
            >>"$LOG_DIR/mariadb-install-db.log" 2>&1 \
            || die "mariadb-install-db failed; see $LOG_DIR/mariadb-install-db.log"
    fi
    install -d -o mysql -g mysql -m 755 /run/mysqld

    local log_dir
    log_dir=$(error_log_dir)
    log_info "Starting $mariadbd on $LOCAL_HOST:$MARIADB_PORT (error log $log_dir/mariadb.err)"
    pid=$(start_background mariadb "$LOG_DIR/mariadb.out" "$mariadbd" --user=mysql \
        "--datadir=$MARIADB_DATA_DIR" "--bind-address=$LOCAL_HOST" "--port=$MARIADB_PORT" \
        "--log-error=$log_dir/mariadb.err")
    if ! wait_until 60 "$pid" mariadb_alive; then
        print_log_tail "$log_dir/mariadb.err"
        stop_pid mariadb mariadbd 30
        die "MariaDB did not start; see $log_dir/mariadb.err"
    fi
    log_info "MariaDB is ready (pid $pid)"
}

stop() {
    if [[ -f $(pid_file mariadb) ]]; then
        stop_pid mariadb mariadbd 120
    elif is_reused mariadb; then
        log_info "MariaDB was not started by these scripts; leaving it running"
    else
        log_info "MariaDB was not started by these scripts; nothing to stop"
    fi
}

# Returns 0 while nothing accepts connections on the MariaDB port.
mariadb_port_closed() {
    ! port_open "$LOCAL_HOST" "$MARIADB_PORT"
}

restart() {
    if running_pid mariadb >/dev/null; then
        stop_pid mariadb mariadbd 120
        start
        return
    fi
    mariadb_alive || die "No MariaDB server responds on $LOCAL_HOST:$MARIADB_PORT; use start instead."

    local mariadbd
    mariadbd=$(find_mariadbd) || die "mariadbd is missing, so a server shut down here could not be started again."
    [[ $(id -u) -eq 0 ]] || die "Restarting a MariaDB server that these scripts did not start needs root."
    log_info "Shutting down the MariaDB server on $LOCAL_HOST:$MARIADB_PORT (not started by these scripts)"
    mariadb_root -e 'SHUTDOWN' || die "The SHUTDOWN statement failed; is the root login allowed?"
    wait_until 120 0 mariadb_port_closed || die "MariaDB did not stop within 120 s"

    install -d -o mysql -g mysql -m 755 /run/mysqld
    local pid
    pid=$(start_background mariadb "$LOG_DIR/mariadb.out" "$mariadbd")
    if ! wait_until 60 "$pid" mariadb_alive; then
        print_log_tail "$LOG_DIR/mariadb.out"
        die "MariaDB did not start again; see $LOG_DIR/mariadb.out"
    fi
    # It runs as before, a server of the machine's: stop and down.sh leave it alone.
    mark_reused mariadb
    log_info "MariaDB is ready again (pid $pid)"
}

status() {
    local pid
    if pid=$(running_pid mariadb); then
        echo "mariadb: running, pid $pid, started by these scripts"
    elif mariadb_alive; then
        echo "mariadb: running on $LOCAL_HOST:$MARIADB_PORT, not started by these scripts"
    else
        echo "mariadb: not running"
        return 3
    fi
}

case ${1:-} in
    start) start ;;
    stop) stop ;;
    restart) restart ;;
    status) status ;;
    *) usage "start|stop|restart|status" ;;
esac
