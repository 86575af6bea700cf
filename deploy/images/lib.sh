# shellcheck shell=bash disable=SC2034
# (SC2034: the variables below are used by the scripts that source this file.)
# Paths, service table and helpers shared by the deploy/images scripts. Source it.
#
# Build state lives in deploy/images/.build, which git ignores:
#   containers.conf  podman settings for these scripts (the system's file is not changed)
#   base/            the Debian root file system archive of the base image
#   workspace/       copies of the service sources that Maven builds
#   oci/             one OCI archive per service image
#   logs/            build and smoke-run logs

IMAGES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$IMAGES_DIR/../.." && pwd)
BUILD_DIR="$IMAGES_DIR/.build"
LOG_DIR="$BUILD_DIR/logs"

# Image names: the Kubernetes manifests in deploy/k8s use the same names.
IMAGE_PREFIX=localhost/clinic-booking
IMAGE_TAG=1.0.0-SNAPSHOT
BASE_IMAGE_LOCAL=$IMAGE_PREFIX/jre-base:17-bookworm

# Each service: name and HTTP port.
SERVICES=(
    "user-service 8081"
    "scheduling-service 8082"
    "billing-service 8083"
    "clinical-service 8084"
    "audit-service 8085"
)

SCRIPT_NAME=$(basename "$0" .sh)
mkdir -p "$LOG_DIR"

log_info() {
    printf '%s [%s] %s\n' "$(date +%H:%M:%S)" "$SCRIPT_NAME" "$*" >&2
}

log_warn() {
    printf '%s [%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$SCRIPT_NAME" "$*" >&2
}

log_error() {
    printf '%s [%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$SCRIPT_NAME" "$*" >&2
}

die() {
    log_error "$*"
    exit 1
}

# Installs the Debian packages that are missing. Needs root.
ensure_packages() {
    local missing=() package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$package")
    done
    ((${#missing[@]} == 0)) && return 0
    [[ $(id -u) -eq 0 ]] || die "Installing ${missing[*]} needs root: run 'sudo apt-get install -y ${missing[*]}' and try again."
    log_info "Installing ${missing[*]} (log $LOG_DIR/apt-get.log)"
    {
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    } >"$LOG_DIR/apt-get.log" 2>&1 || die "apt-get install ${missing[*]} failed; see $LOG_DIR/apt-get.log"
}

# Runs podman with this folder's settings: runc, because crun fails on setrlimit on machines
# like this one, and no default ulimits, which the container runtime may not be allowed to set.
podman_cmd() {
    local conf="$BUILD_DIR/containers.conf"
    if [[ ! -f $conf ]]; then
        cat >"$conf" <<'CONF'
# Written by deploy/images/lib.sh for the podman commands of deploy/images.
[containers]
default_ulimits = []

[engine]
runtime = "runc"
CONF
    fi
    CONTAINERS_CONF="$conf" podman --runtime runc "$@"
}
