#!/usr/bin/env bash
# Starts the whole platform locally: MariaDB and Kafka (infra.sh), the five services
# (services.sh), the gateway on http://127.0.0.1:8080 (gateway.sh), then the demo data
# (import-demo-data.sh, when present). Stop everything with deploy/local/down.sh.
#
# Options:
#   --build  rebuild every service with ./mvnw package -DskipTests first. Without it the
#            build runs only when a module of the root pom.xml has no jar yet.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build=false
for argument in "$@"; do
    case $argument in
        --build) build=true ;;
        -h | --help) usage "[--build]" ;;
        *) log_error "Unknown option: $argument"; usage "[--build]" ;;
    esac
done

# Returns 0 when a service that the root pom.xml lists as a module has no runnable jar yet.
jar_missing() {
    local entry name
    for entry in "${SERVICES[@]}"; do
        name=${entry%% *}
        if grep -q "<module>$name</module>" "$REPO_ROOT/pom.xml" \
            && [[ ! -f $REPO_ROOT/$name/target/quarkus-app/quarkus-run.jar ]]; then
            return 0
        fi
    done
    return 1
}

if [[ $build == true ]] || jar_missing; then
    log_info "Building the services: ./mvnw -B -q package -DskipTests (log $LOG_DIR/build.log)"
    if ! (cd "$REPO_ROOT" && ./mvnw -B -q package -DskipTests) >"$LOG_DIR/build.log" 2>&1; then
        print_log_tail "$LOG_DIR/build.log"
        die "The build failed; see $LOG_DIR/build.log"
    fi
fi

"$LOCAL_DIR/infra.sh" up

services_status=0
"$LOCAL_DIR/services.sh" start || services_status=$?

"$LOCAL_DIR/gateway.sh" start

import_script="$LOCAL_DIR/import-demo-data.sh"
if [[ $services_status -ne 0 ]]; then
    log_warn "Demo data not imported because a service did not start"
elif [[ -x $import_script ]]; then
    log_info "Importing the demo data with $import_script"
    "$import_script"
elif [[ -e $import_script ]]; then
    log_warn "$import_script is not executable; run chmod +x on it to import the demo data"
fi

load_secrets
cat <<TEXT

The clinic booking platform runs locally.
  Gateway (all /api paths):  http://$LOCAL_HOST:$GATEWAY_PORT/api
  Swagger UI of each service:
TEXT
for entry in "${SERVICES[@]}"; do
    read -r name port <<<"$entry"
    printf '    %-19s http://%s:%s/q/swagger-ui\n' "$name" "$LOCAL_HOST" "$port"
done
cat <<TEXT
  Administrator:             $CLINIC_ADMIN_EMAIL (password: CLINIC_ADMIN_PASSWORD in $SECRETS_FILE)
  Logs:                      $LOG_DIR
  State of each part:        deploy/local/services.sh status, deploy/local/infra.sh status
  Stop everything:           deploy/local/down.sh  (--purge also deletes the Kafka data)
TEXT

if [[ $services_status -ne 0 ]]; then
    log_error "At least one service did not start; see the messages above."
fi
exit "$services_status"
