#!/usr/bin/env bash
# Validates the Kubernetes manifests offline and exits non-zero on any failure.
#
# Usage: validate.sh [--skip-generated | --generated-from-target]
#
# 1. The generated service manifests in base/services/ and the copy of create-schemas.sql
#    are up to date: generate.sh --check rebuilds the five services from a copy of the
#    working tree and compares (a few minutes). --generated-from-target compares with the
#    services' target/kubernetes/kubernetes.yml of a build that just ran instead, and
#    --skip-generated skips this step.
# 2. The Maven project in validation/ runs its tests. Every overlay renders with
#    kubectl kustomize, and every rendered document passes the schema of its kind
#    (Kubernetes, Strimzi and Gateway API schemas from Maven Central, nothing fetched at
#    run time). The workload and route policies hold, and copies broken on purpose fail.
#
# Needs Java 17, kubectl (or the KUBECTL variable) and openssl. The first run downloads
# the Maven dependencies.
set -euo pipefail

K8S_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$K8S_DIR/../.." && pwd)

check_generated=true
generate_options=(--check)
for argument in "$@"; do
    case $argument in
        --skip-generated) check_generated=false ;;
        --generated-from-target) generate_options=(--check --from-target) ;;
        -h | --help) sed -n '2,18p' "$0"; exit 0 ;;
        *) echo "Unknown option: $argument (see --help)" >&2; exit 2 ;;
    esac
done

kubectl=${KUBECTL:-kubectl}
command -v "$kubectl" >/dev/null || { echo "kubectl is missing: install it or set KUBECTL" >&2; exit 1; }
command -v openssl >/dev/null || { echo "openssl is missing: apt-get install openssl" >&2; exit 1; }

status=0
if [[ $check_generated == true ]]; then
    echo "Checking that the generated manifests are up to date" >&2
    "$K8S_DIR/generate.sh" "${generate_options[@]}" || status=1
fi

echo "Rendering and checking the overlays (deploy/k8s/validation)" >&2
(cd "$K8S_DIR/validation" && "$REPO_ROOT/mvnw" -B --no-transfer-progress verify) || status=1

if ((status == 0)); then
    echo "validate.sh: all checks passed" >&2
else
    echo "validate.sh: FAILED (see the messages above)" >&2
fi
exit "$status"
