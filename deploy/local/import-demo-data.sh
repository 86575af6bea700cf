#!/usr/bin/env bash
# Imports the demo data: a Synthea population (generated once, then cached in
# deploy/local/.run/synthea/) loaded through the gateway's public API, as the admin whose login
# is in deploy/local/.run/secrets.env. Prints a summary and writes it as JSON to
# deploy/local/.run/import-summary.json.
#
# Builds platform/demo-data first when its classes are missing or older than its sources, and
# resolves Synthea 3.3.0 from Maven Central (about 200 MB, once) into the local Maven repository.
# Options go to the importer; --help lists them (e.g. --years 0 imports all 10 years of history).
# Needs the services and the gateway running: deploy/local/up.sh calls this script last.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MODULE_DIR="$REPO_ROOT/platform/demo-data"
TARGET_DIR="$MODULE_DIR/target"
RUNTIME_CLASSPATH="$TARGET_DIR/runtime-classpath.txt"
SYNTHEA_CLASSPATH="$TARGET_DIR/synthea-classpath.txt"
BUILD_LOG="$LOG_DIR/demo-data-build.log"

# Returns 0 when the importer's build output is missing or older than one of its sources.
build_needed() {
    [[ -f $RUNTIME_CLASSPATH && -f $TARGET_DIR/classes/org/clinicbooking/demodata/ImportDemoData.class ]] || return 0
    [[ -n $(find "$MODULE_DIR/src/main" "$MODULE_DIR/pom.xml" -newer "$RUNTIME_CLASSPATH" -print -quit) ]]
}

run_maven() {
    if ! (cd "$REPO_ROOT" && ./mvnw -B -q "$@") >>"$BUILD_LOG" 2>&1; then
        print_log_tail "$BUILD_LOG"
        die "./mvnw $* failed; see $BUILD_LOG"
    fi
}

for argument in "$@"; do
    if [[ $argument == --help || $argument == -h ]]; then
        build_needed && run_maven -f platform/demo-data/pom.xml package -DskipTests
        exec java -cp "$TARGET_DIR/classes:$(<"$RUNTIME_CLASSPATH")" org.clinicbooking.demodata.ImportDemoData --help
    fi
done

: >"$BUILD_LOG"
if build_needed; then
    log_info "Building platform/demo-data (log $BUILD_LOG)"
    run_maven -f platform/demo-data/pom.xml package -DskipTests
fi
if [[ ! -s $SYNTHEA_CLASSPATH ]]; then
    log_info "Resolving Synthea 3.3.0 and its dependencies from Maven Central (about 200 MB the first time)"
    run_maven -f platform/demo-data/synthea/pom.xml dependency:build-classpath \
        "-Dmdep.outputFile=$SYNTHEA_CLASSPATH" -Dmdep.includeScope=runtime
fi

gateway_status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://$LOCAL_HOST:$GATEWAY_PORT/" || true)
[[ $gateway_status == 200 ]] \
    || die "The gateway on http://$LOCAL_HOST:$GATEWAY_PORT is not reachable (HTTP $gateway_status); start the stack with deploy/local/up.sh"

load_secrets
# The credentials reach the importer through its environment only, never its command line.
cd "$REPO_ROOT"
CLINIC_ADMIN_EMAIL=$CLINIC_ADMIN_EMAIL CLINIC_ADMIN_PASSWORD=$CLINIC_ADMIN_PASSWORD \
    exec java -Xmx1g "-Drepository.root=$REPO_ROOT" \
    -cp "$TARGET_DIR/classes:$(<"$RUNTIME_CLASSPATH")" \
    org.clinicbooking.demodata.ImportDemoData \
    --gateway "http://$LOCAL_HOST:$GATEWAY_PORT" --synthea-classpath "$SYNTHEA_CLASSPATH" "$@"
