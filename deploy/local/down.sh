#!/usr/bin/env bash
# Stops what up.sh started, in reverse order: the gateway, the services, then Kafka and
# MariaDB if these scripts started them. A server that was already running is left alone.
#
# Options:
#   --purge  also delete the Kafka data (deploy/local/.run/kafka/data), so the next start
#            formats a new, empty cluster. The database is never deleted.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

purge=false
for argument in "$@"; do
    case $argument in
        --purge) purge=true ;;
        -h | --help) usage "[--purge]" ;;
        *) log_error "Unknown option: $argument"; usage "[--purge]" ;;
    esac
done

"$LOCAL_DIR/gateway.sh" stop
"$LOCAL_DIR/services.sh" stop
"$LOCAL_DIR/infra.sh" down

if [[ $purge == true ]]; then
    if running_pid kafka >/dev/null; then
        die "Kafka still runs; not deleting $RUN_DIR/kafka/data"
    fi
    log_info "Deleting the Kafka data in $RUN_DIR/kafka/data"
    rm -rf "$RUN_DIR/kafka/data"
fi
log_info "Stopped"
