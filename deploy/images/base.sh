#!/usr/bin/env bash
# Builds the local JRE base image localhost/clinic-booking/jre-base:17-bookworm without any
# image registry: debootstrap installs a minimal Debian 12 with the Debian package
# openjdk-17-jre-headless into a folder, and `podman import` turns that folder into an image.
#
# The Containerfile uses this image when no public registry is reachable; elsewhere it
# defaults to eclipse-temurin:17-jre. Both give `java` on the PATH and nothing else that
# the services rely on.
#
# Cached: the root file system archive in .build/base/ is reused while RECIPE_VERSION, the
# suite, the mirror and the package list stay the same, and the import is skipped when the
# image carries the same cache key. --force rebuilds.
#
# Environment: DEBIAN_MIRROR (default http://deb.debian.org/debian).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Raise it whenever the steps that fill the root file system change, to rebuild the cache.
RECIPE_VERSION=1
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
PACKAGES=openjdk-17-jre-headless,ca-certificates
BASE_DIR="$BUILD_DIR/base"

force=false
[[ ${1:-} == --force ]] && force=true

ensure_packages podman runc debootstrap

cache_key=$(echo "$RECIPE_VERSION $SUITE $MIRROR $PACKAGES" | sha256sum | cut -c1-16)
archive="$BASE_DIR/rootfs-$cache_key.tar"

image_key() {
    podman_cmd image inspect --format '{{index .Labels "org.clinicbooking.base-key"}}' "$BASE_IMAGE_LOCAL" 2>/dev/null || true
}

if [[ $force == false && $(image_key) == "$cache_key" ]]; then
    log_info "$BASE_IMAGE_LOCAL is up to date (cache key $cache_key)"
    exit 0
fi

if [[ $force == true || ! -f $archive ]]; then
    rootfs="$BASE_DIR/rootfs"
    rm -rf "$rootfs"
    mkdir -p "$rootfs"
    log_info "debootstrap $SUITE with $PACKAGES from $MIRROR (a few minutes; log $LOG_DIR/debootstrap.log)"
    debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$rootfs" "$MIRROR" \
        >"$LOG_DIR/debootstrap.log" 2>&1 \
        || die "debootstrap failed; see $LOG_DIR/debootstrap.log"

    # The service user of the images: uid and gid 185, as in the Quarkus images, with no
    # login shell. Kubernetes runs the containers as this uid.
    chroot "$rootfs" groupadd --system --gid 185 quarkus
    chroot "$rootfs" useradd --system --uid 185 --gid 185 --home-dir /deployments \
        --no-create-home --shell /usr/sbin/nologin quarkus

    # Package caches, documentation and translations are not needed at run time.
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
        "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
        "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*.log "$rootfs"/var/log/apt/*
    log_info "Packing the root file system into $archive"
    rm -f "$BASE_DIR"/rootfs-*.tar
    tar -C "$rootfs" --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
        -cf "$archive.partial" .
    mv "$archive.partial" "$archive"
    rm -rf "$rootfs"
fi

java_home=/usr/lib/jvm/java-17-openjdk-amd64
log_info "Importing $archive as $BASE_IMAGE_LOCAL"
podman_cmd import \
    --change "ENV JAVA_HOME=$java_home" \
    --change "ENV PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV LANG=C.UTF-8" \
    --change "LABEL org.clinicbooking.base-key=$cache_key" \
    --change 'CMD ["/bin/bash"]' \
    --quiet "$archive" "$BASE_IMAGE_LOCAL" >/dev/null
podman_cmd run --rm "$BASE_IMAGE_LOCAL" java -version 2>&1 | head -1 | sed 's/^/  /' >&2
log_info "$BASE_IMAGE_LOCAL is ready"
