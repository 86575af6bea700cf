#!/usr/bin/env bash
# Starts, stops or reports the five Quarkus services from their built jars
# (<service>/target/quarkus-app/quarkus-run.jar; build them with ./mvnw package).
#
# start  starts each service whose jar exists, in the order user-service, scheduling-service,
#        billing-service, clinical-service, audit-service, and waits up to 120 s for its
#        /q/health/ready to return 200. A missing jar is reported and skipped. Exits 1 when
#        a started service did not become ready. Needs deploy/local/infra.sh up first.
# stop   stops the services that start started, in reverse order.
# status prints each service's state; exits 3 when none runs.
#
# Logs go to deploy/local/.run/logs/<service>.log; the previous one is kept as .log.1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

READY_TIMEOUT=120

# Measured in BENCHMARKS.md (third run): a 160 MiB heap starting at 32 MiB and a 64 MiB code
# cache brought an idle service from about 290 to 230 MiB resident. They also cost 20 to 30 %
# of the booking throughput, so the heap and code cache keep their sizes. Metaspace (about 85 MiB) and
# symbols (about 25 MiB) are the floor; the caps below only bound them.
JVM_OPTIONS=(
    -XX:+UseSerialGC
    -Xmx256m
    -XX:MaxMetaspaceSize=160m
    -XX:MaxDirectMemorySize=64m
    -Xss512k
)

jar_path() {
    printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$REPO_ROOT" "$1"
}

ready() {
    local port=$1
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$LOCAL_HOST:$port/q/health/ready") == 200 ]]
}

# Exports the configuration of service NAME on PORT. Runs in the subshell that starts the
# service, so that the passwords never appear on a command line.
export_service_environment() {
    local name=$1 port=$2
    local schema=${name//-/_}
    local password_variable="${schema^^}_DB_PASSWORD"

    export QUARKUS_HTTP_HOST="$LOCAL_HOST"
    export QUARKUS_HTTP_PORT="$port"
    export QUARKUS_DATASOURCE_USERNAME="$schema"
    export QUARKUS_DATASOURCE_PASSWORD="${!password_variable}"
    export QUARKUS_DATASOURCE_REACTIVE_URL="mysql://$LOCAL_HOST:$MARIADB_PORT/$schema"
    export QUARKUS_DATASOURCE_JDBC_URL="jdbc:mariadb://$LOCAL_HOST:$MARIADB_PORT/$schema"
    export KAFKA_BOOTSTRAP_SERVERS="$LOCAL_HOST:$KAFKA_PORT"
    export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEYS_DIR/jwt-public.pem"

    if [[ $name == user-service ]]; then
        export SMALLRYE_JWT_SIGN_KEY_LOCATION="$KEYS_DIR/jwt-private.pem"
        export CLINIC_ADMIN_EMAIL CLINIC_ADMIN_PASSWORD
    else
        export QUARKUS_REST_CLIENT_USER_SERVICE_URL="http://$LOCAL_HOST:8081"
        export QUARKUS_REST_CLIENT_SCHEDULING_SERVICE_URL="http://$LOCAL_HOST:8082"
    fi
}

# Starts one service and waits until it is ready. Returns 1 when it failed to start,
# 0 when it is ready or was skipped.
start_service() {
    local name=$1 port=$2
    local jar log pid
    jar=$(jar_path "$name")
    log="$LOG_DIR/$name.log"

    if pid=$(running_pid "$name"); then
        log_info "$name already runs (pid $pid) on port $port"
        return 0
    fi
    if [[ ! -f $jar ]]; then
        log_warn "$name skipped: $jar is missing (build it with ./mvnw package, or the service is not written yet)"
        return 0
    fi
    if port_open "$LOCAL_HOST" "$port"; then
        log_error "$name not started: port $port is taken by another process"
        return 1
    fi

    if [[ -f $log ]]; then
        mv "$log" "$log.1"
    fi
    log_info "Starting $name on http://$LOCAL_HOST:$port (log $log)"
    local started_at=$SECONDS
    # The service's own directory is the working directory, where Quarkus looks for
    # config/application.properties and .env.
    pid=$(
        cd "$REPO_ROOT/$name"
        export_service_environment "$name" "$port"
        # Two malloc arenas instead of glibc's default of eight per core, which only grow
        # resident memory in a service that does its work on two event-loop threads.
        export MALLOC_ARENA_MAX=2
        start_background "$name" "$log" java "${JVM_OPTIONS[@]}" -jar "$jar"
    )
    if ! wait_until "$READY_TIMEOUT" "$pid" ready "$port"; then
        print_log_tail "$log"
        log_error "$name did not become ready on http://$LOCAL_HOST:$port/q/health/ready; see $log"
        # Stops a service that runs but is not ready, or removes the pid file of one that exited.
        stop_pid "$name" "$jar" 10
        return 1
    fi
    log_info "$name is ready (pid $pid) after $((SECONDS - started_at)) s"
}

start() {
    load_secrets
    [[ -f $KEYS_DIR/jwt-public.pem ]] || die "$KEYS_DIR/jwt-public.pem is missing; run deploy/local/infra.sh up first."
    local entry name port failed=()
    for entry in "${SERVICES[@]}"; do
        read -r name port <<<"$entry"
        start_service "$name" "$port" || failed+=("$name")
    done
    if ((${#failed[@]} > 0)); then
        log_error "Not ready: ${failed[*]}"
        return 1
    fi
}

stop() {
    local index name
    for ((index = ${#SERVICES[@]} - 1; index >= 0; index--)); do
        name=${SERVICES[index]%% *}
        if [[ -f $(pid_file "$name") ]]; then
            stop_pid "$name" "$(jar_path "$name")" 30
        fi
    done
}

status() {
    local entry name port pid running=0
    for entry in "${SERVICES[@]}"; do
        read -r name port <<<"$entry"
        if pid=$(running_pid "$name"); then
            running=$((running + 1))
            if ready "$port"; then
                echo "$name: ready, pid $pid, http://$LOCAL_HOST:$port"
            else
                echo "$name: running but not ready, pid $pid, http://$LOCAL_HOST:$port"
            fi
        elif [[ -f $(jar_path "$name") ]]; then
            echo "$name: not running"
        else
            echo "$name: not built"
        fi
    done
    ((running > 0)) || return 3
}

case ${1:-} in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) usage "start|stop|status" ;;
esac
