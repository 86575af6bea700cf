#!/usr/bin/env bash
# Smoke-runs one service image against the local MariaDB (127.0.0.1:3306, root without a
# password) and Kafka (127.0.0.1:9092). The container runs as the image's non-root user
# with a read-only root file system and a tmpfs at /tmp, as Kubernetes runs it, and the
# script waits until /q/health/ready returns 200.
#
# Usage: smoke.sh SERVICE PORT
#
# Touches nothing of the local stack: the service gets a throwaway schema and user
# (smoke_<schema>, dropped at the end), its HTTP port is PORT + 10000 on 127.0.0.1, its
# topics are prefixed with "smoke." and its consumer groups with "smoke-" (the local
# broker creates topics on first use). Exits 1 when the service does not become ready
# within 180 s, or runs as root; the container's log is then in .build/logs/smoke-SERVICE.log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $# -eq 2 ]] || { echo "Usage: $0 SERVICE PORT" >&2; exit 2; }
service=$1
port=$(($2 + 10000))
schema=smoke_${service//-/_}
image="$IMAGE_PREFIX/$service:$IMAGE_TAG"
container="clinic-smoke-$service"
smoke_dir="$BUILD_DIR/smoke/$service"
log="$LOG_DIR/smoke-$service.log"
properties="$REPO_ROOT/$service/src/main/resources/application.properties"
READY_TIMEOUT=180

mariadb_root() {
    mariadb --protocol=tcp --host=127.0.0.1 --port=3306 --user=root "$@"
}

cleanup() {
    podman_cmd rm --force --time 10 "$container" >/dev/null 2>&1 || true
    mariadb_root -e "DROP DATABASE IF EXISTS \`$schema\`; DROP USER IF EXISTS '$schema'@'%';" 2>/dev/null || true
    rm -rf "$smoke_dir"
}
trap cleanup EXIT

mariadb_root -e 'SELECT 1' >/dev/null 2>&1 || die "MariaDB on 127.0.0.1:3306 does not accept root without a password"
(exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null || die "Kafka on 127.0.0.1:9092 is not reachable"

cleanup
mkdir -p "$smoke_dir/keys"
chmod 700 "$smoke_dir"
password=$(openssl rand -hex 16)
mariadb_root -e "CREATE DATABASE \`$schema\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER '$schema'@'%' IDENTIFIED BY '$password';
    GRANT ALL PRIVILEGES ON \`$schema\`.* TO '$schema'@'%';"

# A throwaway key pair; the container's user (185) must read it, the host's other users not.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$smoke_dir/keys/private.pem" 2>/dev/null
openssl pkey -in "$smoke_dir/keys/private.pem" -pubout -out "$smoke_dir/keys/public.pem"
chown -R 185:185 "$smoke_dir/keys"
chmod 500 "$smoke_dir/keys"
chmod 400 "$smoke_dir/keys"/*.pem
chmod 711 "$smoke_dir"

# Topic and consumer-group overrides, from the service's own configuration (profile-free
# lines only): every *.topic, *.topics and dead-letter-queue.topic value gets the
# "smoke." prefix, every incoming channel a "smoke-" consumer group.
overrides=()
if [[ -f $properties ]]; then
    while IFS='=' read -r key value; do
        case $key in
            mp.messaging.*.topic | mp.messaging.*.topics | clinic.outbox.topic)
                overrides+=("-D$key=$(sed -E 's/(^|,)[[:space:]]*/\1smoke./g' <<<"$value")") ;;
        esac
        if [[ $key =~ ^mp\.messaging\.incoming\.([^.]+)\.connector$ ]]; then
            overrides+=("-Dmp.messaging.incoming.${BASH_REMATCH[1]}.group.id=smoke-$service")
        fi
    done < <(grep -E '^[a-z]' "$properties")
fi

{
    echo "QUARKUS_HTTP_HOST=127.0.0.1"
    echo "QUARKUS_HTTP_PORT=$port"
    echo "QUARKUS_DATASOURCE_USERNAME=$schema"
    echo "QUARKUS_DATASOURCE_PASSWORD=$password"
    echo "QUARKUS_DATASOURCE_REACTIVE_URL=mysql://127.0.0.1:3306/$schema"
    echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:mariadb://127.0.0.1:3306/$schema"
    echo "KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092"
    echo "MP_JWT_VERIFY_PUBLICKEY_LOCATION=/etc/clinic-booking/jwt/public.pem"
    echo "QUARKUS_REST_CLIENT_USER_SERVICE_URL=http://127.0.0.1:18081"
    echo "QUARKUS_REST_CLIENT_SCHEDULING_SERVICE_URL=http://127.0.0.1:18082"
    echo "SMALLRYE_JWT_SIGN_KEY_LOCATION=/etc/clinic-booking/jwt/private.pem"
    echo "CLINIC_ADMIN_EMAIL=admin@smoke.invalid"
    echo "CLINIC_ADMIN_PASSWORD=$(openssl rand -hex 16)"
    echo "JDK_JAVA_OPTIONS=-XX:MaxRAMPercentage=60.0 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager ${overrides[*]}"
} >"$smoke_dir/env"
chmod 600 "$smoke_dir/env"

log_info "Starting $image on http://127.0.0.1:$port (schema $schema)"
started=$SECONDS
podman_cmd run --detach --name "$container" --network host \
    --read-only --tmpfs /tmp:rw,size=64m,mode=1777 \
    --cap-drop ALL --security-opt no-new-privileges --memory 768m \
    --env-file "$smoke_dir/env" \
    --volume "$smoke_dir/keys:/etc/clinic-booking/jwt:ro" \
    "$image" >/dev/null

ready=false
while ((SECONDS - started < READY_TIMEOUT)); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/q/health/ready") == 200 ]]; then
        ready=true
        break
    fi
    if [[ $(podman_cmd inspect --format '{{.State.Running}}' "$container" 2>/dev/null) != true ]]; then
        break
    fi
    sleep 2
done

podman_cmd logs "$container" >"$log" 2>&1 || true
if [[ $ready != true ]]; then
    tail -n 25 "$log" | sed 's/^/    /' >&2
    curl -s --max-time 2 "http://127.0.0.1:$port/q/health/ready" | head -c 1500 | sed 's/^/    /' >&2 || true
    die "$service did not become ready within $READY_TIMEOUT s; log $log"
fi

uid=$(podman_cmd exec "$container" id -u)
[[ $uid != 0 ]] || die "$service runs as root"
log_info "$service is ready after $((SECONDS - started)) s, running as uid $uid with a read-only root file system"
