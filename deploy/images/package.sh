#!/usr/bin/env bash
# Builds services' jars from a copy of the working tree, so that the build never writes into
# a service's own target/ folder while someone else builds or tests it there.
#
# Usage: package.sh WORKSPACE SERVICE[,SERVICE...] [MAVEN_ARGUMENT...]
#
# Copies the working tree (without .git, deploy/ and target/ folders) into WORKSPACE, which
# is kept between runs so that Maven's incremental build applies, and runs
# `mvnw package -DskipTests -pl SERVICES -am --fail-at-end` there with the extra
# arguments: the platform kit is built from the same copy, so it need not be installed.
# Spotless is skipped: it would only format the copy.
#
# A service built when WORKSPACE/SERVICE/target/quarkus-app/quarkus-run.jar and
# WORKSPACE/SERVICE/target/kubernetes/kubernetes.yml exist afterwards; both are removed
# first. Exits non-zero when any module failed, after building all the others it could.
set -euo pipefail

[[ $# -ge 2 ]] || { echo "Usage: $0 WORKSPACE SERVICE[,SERVICE...] [MAVEN_ARGUMENT...]" >&2; exit 2; }
workspace=$1
modules=$2
shift 2

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v rsync >/dev/null || { echo "rsync is missing: apt-get install rsync" >&2; exit 1; }
mkdir -p "$workspace"
# Excluded paths are also kept on the receiving side, so the copy's target/ folders stay.
rsync -a --delete --exclude='/.git/' --exclude='/deploy/' --exclude='target/' \
    --exclude='.run/' --exclude='node_modules/' "$repo_root/" "$workspace/"

IFS=, read -r -a services <<<"$modules"
for service in "${services[@]}"; do
    [[ -f $workspace/$service/pom.xml ]] || { echo "No module $service in $repo_root" >&2; exit 2; }
    rm -rf "$workspace/$service/target/quarkus-app" "$workspace/$service/target/kubernetes"
done

"$workspace/mvnw" -B -q -f "$workspace/pom.xml" package -pl "$modules" -am --fail-at-end \
    -DskipTests -Dspotless.apply.skip=true "$@"
