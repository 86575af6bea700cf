#!/usr/bin/env bash
# Runs the fault and security suite (the JUnit tests in platform/system-tests/src/test) against
# the running local stack, and writes RELIABILITY.md at the repository root with the figures of
# every scenario. Bring the stack up first with deploy/local/up.sh, or let deploy/local/test.sh
# run this script after its other stages.
#
# The suite stops and starts Kafka, kills and restarts services and restarts MariaDB through the
# deploy/local scripts, so nothing else should use the stack while it runs (about 5 minutes).
# It needs Kafka started by deploy/local/kafka.sh (a broker it did not start is never stopped,
# so the broker outage scenario fails), and logs in to MariaDB as root over TCP, without a
# password or with MARIADB_ROOT_PASSWORD.
# Extra arguments go to Maven, for example -Dtest=BadInputTest to run one scenario, or
# -Doutage.changes=300 for a shorter broker outage.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
secrets="$repo_root/deploy/local/.run/secrets.env"

if [[ ! -f $secrets ]]; then
    echo "faults.sh: $secrets is missing; bring the stack up with deploy/local/up.sh first." >&2
    exit 1
fi
status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${BASE_URL:-http://127.0.0.1:8080}/" || true)
if [[ $status != 200 ]]; then
    echo "faults.sh: the gateway does not respond (HTTP $status); start the stack first." >&2
    exit 1
fi

# RELIABILITY.md describes a whole run: a run of chosen scenarios (-Dtest=...) leaves it alone
# unless -Dreliability.report=true is given.
report=()
for argument in "$@"; do
    if [[ $argument == -Dtest=* && " $* " != *" -Dreliability.report="* ]]; then
        report=(-Dreliability.report=false)
    fi
done

cd "$repo_root"
exec ./mvnw -B -f platform/system-tests/pom.xml test "${report[@]}" "$@"
