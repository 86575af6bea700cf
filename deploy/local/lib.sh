# shellcheck shell=bash disable=SC2034
# (SC2034: the variables below are used by the scripts that source this file.)
# Functions and paths shared by the deploy/local scripts. Source it, do not run it.
#
# Runtime state lives in deploy/local/.run, which git ignores:
#   logs/        one log file per process
#   pids/        NAME.pid for each process that these scripts started, or NAME.reused for
#                a server that was already running, which stop then leaves alone
#   keys/        the JWT key pair
#   secrets.env  generated passwords
#   kafka/       broker jars, configuration and data
#   nginx/       gateway configuration
#   mariadb/     error log of a MariaDB server that these scripts started

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$LOCAL_DIR/../.." && pwd)
RUN_DIR="$LOCAL_DIR/.run"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
SECRETS_FILE="$RUN_DIR/secrets.env"
KEYS_DIR="$RUN_DIR/keys"

# Everything listens on loopback only.
LOCAL_HOST=127.0.0.1
MARIADB_PORT=3306
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9094
GATEWAY_PORT=8080

# Each service: name, HTTP port. The database schema and user are the name with '_'.
SERVICES=(
    "user-service 8081"
    "scheduling-service 8082"
    "billing-service 8083"
    "clinical-service 8084"
    "audit-service 8085"
)

SCRIPT_NAME=$(basename "$0" .sh)

mkdir -p "$LOG_DIR" "$PID_DIR"

log_info() {
    printf '%s [%s] %s\n' "$(date +%H:%M:%S)" "$SCRIPT_NAME" "$*" >&2
}

log_warn() {
    printf '%s [%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$SCRIPT_NAME" "$*" >&2
}

log_error() {
    printf '%s [%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$SCRIPT_NAME" "$*" >&2
}

die() {
    log_error "$*"
    exit 1
}

# Prints the usage line and exits with status 2.
usage() {
    printf 'Usage: %s %s\n' "$0" "$1" >&2
    exit 2
}

# Installs Debian packages, which needs root. Runs `apt-get update` once per script run
# first, because a fresh machine has no package lists.
APT_UPDATED=false
apt_install() {
    if [[ $(id -u) -ne 0 ]]; then
        die "Installing $* needs root: run 'sudo apt-get install -y $*' and try again."
    fi
    if [[ $APT_UPDATED == false ]]; then
        log_info "Running apt-get update"
        apt-get update -q >"$LOG_DIR/apt-get.log" 2>&1 \
            || die "apt-get update failed; see $LOG_DIR/apt-get.log"
        APT_UPDATED=true
    fi
    # Package scripts must not start the packaged service, because nginx would then listen
    # on port 80 of every interface. These scripts start it themselves, on loopback.
    # A policy-rc.d that exits 101 makes invoke-rc.d and deb-systemd-invoke skip every start.
    local policy=/usr/sbin/policy-rc.d created_policy=false status=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\n# Temporary, written by deploy/local/lib.sh during apt-get install.\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        created_policy=true
    fi
    log_info "Installing $* with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$LOG_DIR/apt-get.log" 2>&1 || status=$?
    if [[ $created_policy == true ]]; then
        rm -f "$policy"
    fi
    [[ $status -eq 0 ]] || die "apt-get install $* failed (exit $status); see $LOG_DIR/apt-get.log"
}

# Returns 0 when a TCP connection to HOST:PORT succeeds within one second.
port_open() {
    local host=$1 port=$2
    # shellcheck disable=SC2016 # $0 and $1 expand in the inner bash.
    timeout 1 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null
}

# Runs COMMAND... every second until it succeeds or TIMEOUT seconds pass.
# Fails early when PID (0 for none) is given and that process has exited.
wait_until() {
    local timeout=$1 pid=$2
    shift 2
    local deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        if "$@"; then
            return 0
        fi
        if [[ $pid != 0 ]] && ! kill -0 "$pid" 2>/dev/null; then
            log_error "Process $pid exited while waiting for: $*"
            return 1
        fi
        sleep 1
    done
    log_error "Timed out after ${timeout} s waiting for: $*"
    return 1
}

# Waits until HOST:PORT accepts connections; see wait_until for TIMEOUT and PID.
wait_for_port() {
    local host=$1 port=$2 timeout=$3 pid=${4:-0}
    wait_until "$timeout" "$pid" port_open "$host" "$port"
}

pid_file() {
    printf '%s/%s.pid' "$PID_DIR" "$1"
}

# Prints the pid recorded for NAME when that process is still alive.
running_pid() {
    local file pid
    file=$(pid_file "$1")
    [[ -f $file ]] || return 1
    pid=$(<"$file")
    if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
        printf '%s' "$pid"
        return 0
    fi
    return 1
}

# Records that NAME was started by these scripts as process PID.
write_pid() {
    printf '%s\n' "$2" >"$(pid_file "$1")"
    rm -f "$PID_DIR/$1.reused"
}

# Records that NAME was already running and is used as it is, so stop leaves it alone.
mark_reused() {
    rm -f "$(pid_file "$1")"
    touch "$PID_DIR/$1.reused"
}

is_reused() {
    [[ -f $PID_DIR/$1.reused ]]
}

# Starts COMMAND... in the background, detached from the terminal in a session of its
# own, with stdout and stderr appended to LOG_FILE, and records its pid for NAME.
# Prints the pid.
start_background() {
    local name=$1 log_file=$2
    shift 2
    # In a non-interactive shell the background child is no process group leader,
    # so setsid runs the command in that same process and $! is its pid.
    setsid "$@" </dev/null >>"$log_file" 2>&1 &
    local pid=$!
    write_pid "$name" "$pid"
    printf '%s' "$pid"
}

# Stops the process recorded for NAME: SIGTERM, then SIGKILL after TIMEOUT seconds.
# PATTERN must occur in the process's command line, so that a pid reused by an
# unrelated process after a reboot is never signalled.
stop_pid() {
    local name=$1 pattern=$2 timeout=${3:-30}
    local pid
    if ! pid=$(running_pid "$name"); then
        rm -f "$(pid_file "$name")"
        log_info "$name is not running (no live pid in $(pid_file "$name"))"
        return 0
    fi
    if ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$pattern"; then
        log_warn "pid $pid of $name does not run '$pattern'; removing the stale pid file only"
        rm -f "$(pid_file "$name")"
        return 0
    fi
    log_info "Stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + timeout))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log_warn "$name (pid $pid) did not stop within ${timeout} s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$(pid_file "$name")"
}

# Loads .run/secrets.env into the environment, failing when infra.sh has not created it.
load_secrets() {
    [[ -f $SECRETS_FILE ]] || die "$SECRETS_FILE is missing; run deploy/local/infra.sh up first."
    # shellcheck disable=SC1090
    source "$SECRETS_FILE"
}

# Prints the last lines of FILE to stderr, indented.
print_log_tail() {
    local file=$1 lines=${2:-40}
    [[ -f $file ]] || return 0
    printf -- '--- last %s lines of %s ---\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" | sed 's/^/    /' >&2
    printf -- '---\n' >&2
}

# Runs the mariadb (or mysql) client as the database root user with the given arguments.
# Uses MARIADB_ROOT_PASSWORD when set. Otherwise tries root without a password over TCP,
# then over the Unix socket, where Debian's packages let the system root user in.
mariadb_root() {
    local client
    client=$(command -v mariadb || command -v mysql) \
        || die "No mariadb or mysql client found; install the package mariadb-client."
    local tcp=(--protocol=tcp "--host=$LOCAL_HOST" "--port=$MARIADB_PORT" --user=root)
    if [[ -n ${MARIADB_ROOT_PASSWORD:-} ]]; then
        MYSQL_PWD=$MARIADB_ROOT_PASSWORD "$client" "${tcp[@]}" "$@"
    elif "$client" "${tcp[@]}" --connect-timeout=5 -e 'SELECT 1' >/dev/null 2>&1; then
        "$client" "${tcp[@]}" "$@"
    else
        "$client" --protocol=socket --user=root "$@"
    fi
}
