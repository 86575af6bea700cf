#!/usr/bin/env bash
# Builds the five service images, smoke-runs each one, and saves them as OCI archives.
#
# Usage: build.sh [--no-smoke] [SERVICE...]     (default: all five services)
#
# 1. base.sh makes the JRE base image localhost/clinic-booking/jre-base:17-bookworm
#    (debootstrap and podman import; cached, so only the first run takes minutes).
# 2. package.sh builds the services' jars in one Maven run on a copy of the working tree.
# 3. podman builds localhost/clinic-booking/SERVICE:1.0.0-SNAPSHOT from the Containerfile,
#    the names that the manifests in deploy/k8s use.
# 4. smoke.sh runs each image against the local MariaDB and Kafka until it is ready
#    (skipped with --no-smoke).
# 5. podman saves each image to .build/oci/SERVICE.tar (OCI archive), for kind, k3s or
#    skopeo to load or push.
#
# A service whose build or smoke run fails is reported, and the others go on; the script
# then exits 1. Needs root for debootstrap and podman (installs podman, runc and
# debootstrap when missing). Logs: deploy/images/.build/logs/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

smoke=true
selected=()
for argument in "$@"; do
    case $argument in
        --no-smoke) smoke=false ;;
        -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
        -*) die "Unknown option: $argument (see --help)" ;;
        *) selected+=("$argument") ;;
    esac
done

services=()
for entry in "${SERVICES[@]}"; do
    read -r name port <<<"$entry"
    if ((${#selected[@]} == 0)) || [[ " ${selected[*]} " == *" $name "* ]]; then
        services+=("$name $port")
    fi
done
((${#services[@]} > 0)) || die "No known service among: ${selected[*]}"

"$IMAGES_DIR/base.sh"

workspace="$BUILD_DIR/workspace"
modules=$(printf '%s\n' "${services[@]}" | cut -d' ' -f1 | paste -sd,)
log_info "Building $modules (log $LOG_DIR/maven.log)"
"$IMAGES_DIR/package.sh" "$workspace" "$modules" >"$LOG_DIR/maven.log" 2>&1 \
    || log_warn "The Maven build failed for some services; see $LOG_DIR/maven.log"

mkdir -p "$BUILD_DIR/oci"
failed=()
summary=()
for entry in "${services[@]}"; do
    read -r name port <<<"$entry"
    app="$workspace/$name/target/quarkus-app"
    image="$IMAGE_PREFIX/$name:$IMAGE_TAG"
    if [[ ! -f $app/quarkus-run.jar ]]; then
        log_error "$name: no jar, the Maven build failed (see $LOG_DIR/maven.log)"
        failed+=("$name")
        summary+=("$name: build failed")
        continue
    fi

    log_info "Building $image (log $LOG_DIR/image-$name.log)"
    if ! podman_cmd build --pull=never --file "$IMAGES_DIR/Containerfile" \
        --build-arg BASE_IMAGE="$BASE_IMAGE_LOCAL" --build-arg SERVICE="$name" \
        --build-arg PORT="$port" --build-arg VERSION="$IMAGE_TAG" \
        --tag "$image" "$app" >"$LOG_DIR/image-$name.log" 2>&1; then
        log_error "$name: podman build failed; see $LOG_DIR/image-$name.log"
        failed+=("$name")
        summary+=("$name: image build failed")
        continue
    fi

    state="built"
    if [[ $smoke == true ]]; then
        if "$IMAGES_DIR/smoke.sh" "$name" "$port"; then
            state="built, smoke run ready"
        else
            failed+=("$name")
            state="built, smoke run FAILED"
        fi
    fi

    archive="$BUILD_DIR/oci/$name.tar"
    rm -f "$archive"
    podman_cmd save --quiet --format oci-archive --output "$archive" "$image"
    size=$(podman_cmd image inspect --format '{{.Size}}' "$image")
    summary+=("$name: $state; image $((size / 1000000)) MB, archive $(du -m "$archive" | cut -f1) MiB ($archive)")
done

log_info "Summary:"
printf '  %s\n' "${summary[@]}" >&2
if ((${#failed[@]} > 0)); then
    die "Failed: ${failed[*]}"
fi
