#!/usr/bin/env bash
# Runs the end-to-end checks in postman_collection.json (at the repository root) with Newman
# against the running platform, and prints Newman's summary. Exits non-zero when any
# assertion fails or a request cannot be sent.
#
# Installs Newman, at the version pinned in package-lock.json, into
# platform/system-tests/node_modules on first use (needs Node.js 16 or later and npm).
#
# The gateway URL comes from BASE_URL (default http://127.0.0.1:8080). The admin's login comes
# from CLINIC_ADMIN_EMAIL and CLINIC_ADMIN_PASSWORD, or else from deploy/local/.run/secrets.env,
# which deploy/local/infra.sh writes. Extra arguments go to `newman run`, for example
# --folder "1. Authentication" (later folders use ids that earlier ones save).
set -euo pipefail

SYSTEM_TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SYSTEM_TESTS_DIR/../.." && pwd)
COLLECTION="$REPO_ROOT/postman_collection.json"
SECRETS_FILE="$REPO_ROOT/deploy/local/.run/secrets.env"
BASE_URL=${BASE_URL:-http://127.0.0.1:8080}
NEWMAN="$SYSTEM_TESTS_DIR/node_modules/.bin/newman"

die() {
    printf 'run.sh: %s\n' "$*" >&2
    exit 1
}

command -v npm >/dev/null || die "npm is missing; install Node.js 16 or later (Debian: apt-get install nodejs npm)."

if [[ ! -x $NEWMAN || $SYSTEM_TESTS_DIR/package-lock.json -nt $SYSTEM_TESTS_DIR/node_modules/.package-lock.json ]]; then
    printf 'Installing Newman with npm ci into %s/node_modules\n' "$SYSTEM_TESTS_DIR" >&2
    (cd "$SYSTEM_TESTS_DIR" && npm ci --no-audit --no-fund --loglevel=error) \
        || die "npm ci failed; see the npm output above."
fi

if [[ -z ${CLINIC_ADMIN_EMAIL:-} || -z ${CLINIC_ADMIN_PASSWORD:-} ]]; then
    [[ -f $SECRETS_FILE ]] \
        || die "Set CLINIC_ADMIN_EMAIL and CLINIC_ADMIN_PASSWORD, or start the local stack (deploy/local/up.sh) so that $SECRETS_FILE exists."
    # shellcheck disable=SC1090
    source "$SECRETS_FILE"
fi

status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE_URL/" || true)
[[ $status == 200 ]] || die "The gateway at $BASE_URL is not reachable (HTTP $status); start the platform first."

# NOTE: --env-var puts the admin password on Newman's command line, where other users of this
# machine can read it (ps). That is acceptable for the generated local password only.
exec "$NEWMAN" run "$COLLECTION" \
    --env-var "baseUrl=$BASE_URL" \
    --env-var "adminEmail=$CLINIC_ADMIN_EMAIL" \
    --env-var "adminPassword=$CLINIC_ADMIN_PASSWORD" \
    --reporters cli \
    --color off \
    --timeout-request 30000 \
    "$@"
