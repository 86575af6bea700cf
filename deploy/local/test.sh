#!/usr/bin/env bash
# Runs every test of the platform on real servers, from a clean clone:
#   1. MariaDB and Kafka (infra.sh up starts what is missing),
#   2. each module's tests with ./mvnw verify (they use *_test schemas and test.* topics),
#   3. the Kubernetes manifest validation (deploy/k8s/validate.sh, when present),
#   4. the system tests through the gateway against the five running services
#      (platform/system-tests/run.sh, when present),
#   5. the fault and security suite against the same stack (platform/system-tests/faults.sh),
#      which stops Kafka, kills services and restarts MariaDB, and rewrites RELIABILITY.md.
# Whatever this script started it stops again at the end; servers that already ran stay.
#
# Options:
#   --skip-system  stop after step 3 (no services, no gateway).
#   --skip-faults  stop after step 4 (no fault and security suite).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_system=true
run_faults=true
for argument in "$@"; do
    case $argument in
        --skip-system) run_system=false ;;
        --skip-faults) run_faults=false ;;
        -h | --help) usage "[--skip-system] [--skip-faults]" ;;
        *) log_error "Unknown option: $argument"; usage "[--skip-system] [--skip-faults]" ;;
    esac
done

mariadb_was_up=false
kafka_was_up=false
port_open "$LOCAL_HOST" "$MARIADB_PORT" && mariadb_was_up=true
port_open "$LOCAL_HOST" "$KAFKA_PORT" && kafka_was_up=true
stack_started=false

# Stops, in reverse order, only what this run started.
cleanup() {
    local status=$?
    if [[ $stack_started == true ]]; then
        "$LOCAL_DIR/gateway.sh" stop || true
        "$LOCAL_DIR/services.sh" stop || true
    fi
    if [[ $kafka_was_up == false ]]; then
        "$LOCAL_DIR/kafka.sh" stop || true
    fi
    if [[ $mariadb_was_up == false ]]; then
        "$LOCAL_DIR/mariadb.sh" stop || true
    fi
    exit "$status"
}
trap cleanup EXIT

# The module tests rebuild the jars, and the fault suite kills and restarts services. So this
# script runs its own services from the fresh jars and stops them at the end. A stack that
# already runs would keep serving the old jars, and would then be stopped.
if "$LOCAL_DIR/services.sh" status >/dev/null 2>&1; then
    die "Services of the local stack are running; stop them first with deploy/local/down.sh (or services.sh stop and gateway.sh stop)."
fi

"$LOCAL_DIR/infra.sh" up

log_info "Running every module's tests: ./mvnw -B verify"
(cd "$REPO_ROOT" && ./mvnw -B verify)

if [[ -x $REPO_ROOT/deploy/k8s/validate.sh ]]; then
    log_info "Validating the Kubernetes manifests"
    "$REPO_ROOT/deploy/k8s/validate.sh" --generated-from-target
fi

if [[ $run_system == false ]]; then
    log_info "System tests skipped (--skip-system)"
    exit 0
fi

system_tests="$REPO_ROOT/platform/system-tests/run.sh"
if [[ ! -x $system_tests ]]; then
    log_warn "No system tests at $system_tests; skipping the running-stack stage"
    exit 0
fi

stack_started=true
"$LOCAL_DIR/services.sh" start
"$LOCAL_DIR/gateway.sh" start
log_info "Running the system tests through the gateway"
"$system_tests"

if [[ $run_faults == false ]]; then
    log_info "Fault and security suite skipped (--skip-faults)"
    exit 0
fi
log_info "Running the fault and security suite (writes RELIABILITY.md)"
"$REPO_ROOT/platform/system-tests/faults.sh"
