#!/usr/bin/env bash
# Creates the Secrets that the manifests reference, with generated values, in the namespace
# of the deployment. Nothing secret is stored in the repository.
#
# Usage: create-secrets.sh --admin-email EMAIL [--namespace NAMESPACE] [--dry-run]
#
#   mysql-root            MYSQL_ROOT_PASSWORD
#   <service>-db          QUARKUS_DATASOURCE_USERNAME (the schema name, e.g. user_service)
#                         and QUARKUS_DATASOURCE_PASSWORD, for each of the five services;
#                         MySQL's first start creates the users with these passwords
#   jwt-signing-key       private.pem: RSA 2048 key, PKCS#8, that user-service signs with
#   jwt-verify-key        public.pem: its public key, that every service verifies with
#   user-service-admin    CLINIC_ADMIN_EMAIL and CLINIC_ADMIN_PASSWORD: the first admin
#
# A Secret that already exists is left as it is, because the MySQL data directory keeps
# the passwords it was initialized with. To change a password, change it in MySQL first
# (ALTER USER), then replace the Secret and restart the service.
#
# --dry-run prints the Secrets as YAML instead of creating them (no cluster needed).
# Needs kubectl and openssl.
set -euo pipefail

namespace=clinic-booking
admin_email=
dry_run=false
while (($# > 0)); do
    case $1 in
        --namespace) namespace=$2; shift 2 ;;
        --admin-email) admin_email=$2; shift 2 ;;
        --dry-run) dry_run=true; shift ;;
        -h | --help) sed -n '2,23p' "$0"; exit 0 ;;
        *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ -n $admin_email ]] || { echo "Missing --admin-email: the e-mail address of the first administrator" >&2; exit 2; }

work_dir=$(mktemp -d)
trap 'rm -rf "$work_dir"' EXIT
chmod 700 "$work_dir"

random_password() {
    openssl rand -hex 24
}

# Creates Secret NAME from the remaining kubectl arguments unless it exists.
create_secret() {
    local name=$1
    shift
    if [[ $dry_run == true ]]; then
        echo ---
        kubectl create secret generic "$name" --namespace "$namespace" "$@" --dry-run=client -o yaml
        return
    fi
    if kubectl get secret "$name" --namespace "$namespace" >/dev/null 2>&1; then
        echo "Kept the existing Secret $name" >&2
        return
    fi
    kubectl create secret generic "$name" --namespace "$namespace" "$@" >/dev/null
    echo "Created the Secret $name" >&2
}

# Values go through files, so that they never appear on a command line.
value_file() {
    local file="$work_dir/$1"
    printf '%s' "$2" >"$file"
    echo "$file"
}

create_secret mysql-root \
    --from-file=MYSQL_ROOT_PASSWORD="$(value_file mysql-root "$(random_password)")"

for service in user-service scheduling-service billing-service clinical-service audit-service; do
    create_secret "$service-db" \
        --from-literal=QUARKUS_DATASOURCE_USERNAME="${service//-/_}" \
        --from-file=QUARKUS_DATASOURCE_PASSWORD="$(value_file "$service-db" "$(random_password)")"
done

# genpkey writes PKCS#8 ("BEGIN PRIVATE KEY"), the format SmallRye JWT reads.
(umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
    -out "$work_dir/private.pem" 2>/dev/null)
openssl pkey -in "$work_dir/private.pem" -pubout -out "$work_dir/public.pem"
# The two halves must stay a pair: create them together or not at all.
if [[ $dry_run == false ]] && kubectl get secret jwt-signing-key --namespace "$namespace" >/dev/null 2>&1; then
    echo "Kept the existing Secrets jwt-signing-key and jwt-verify-key" >&2
else
    create_secret jwt-signing-key --from-file=private.pem="$work_dir/private.pem"
    create_secret jwt-verify-key --from-file=public.pem="$work_dir/public.pem"
fi

create_secret user-service-admin \
    --from-literal=CLINIC_ADMIN_EMAIL="$admin_email" \
    --from-file=CLINIC_ADMIN_PASSWORD="$(value_file admin "$(random_password)")"

if [[ $dry_run == false ]]; then
    echo "The first administrator's password:" \
        "kubectl get secret user-service-admin -n $namespace -o jsonpath='{.data.CLINIC_ADMIN_PASSWORD}' | base64 -d" >&2
fi
