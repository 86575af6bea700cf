#!/usr/bin/env bash
# Builds the benchmark harness and runs it against the local stack that deploy/local/up.sh (or
# infra.sh up, services.sh start and gateway.sh start) brought up. Prints one Markdown table on
# standard output and progress on standard error. Options go to the harness; --help lists them.
# It connects to MariaDB as root on 127.0.0.1:3306, creates and drops the schema bench_direct,
# and leaves its clinic, doctors, patients and appointments in the services' schemas.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
module="$repo_root/platform/benchmarks"
secrets="$repo_root/deploy/local/.run/secrets.env"

if [[ ! -f $secrets ]]; then
    echo "$secrets is missing; bring the stack up with deploy/local/up.sh first." >&2
    exit 1
fi
set -a
# shellcheck disable=SC1090
source "$secrets"
set +a

(cd "$repo_root" && ./mvnw -B -q -f platform/benchmarks/pom.xml package)

exec java -Xmx512m -cp "$module/target/classes:$(<"$module/target/runtime-classpath.txt")" \
    org.clinicbooking.benchmarks.BenchmarkMain --repository-root "$repo_root" "$@"
