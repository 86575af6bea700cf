#!/bin/bash
# Runs by the MySQL image's entrypoint at the first start on an empty data directory, while
# the server listens on its socket only. Creates the five schemas and users with
# create-schemas.sql, giving it the passwords from the services' Secrets (environment
# variables <SCHEMA>_PASSWORD, for example USER_SERVICE_PASSWORD).
set -euo pipefail

# The mount point of create-schemas.sql in the StatefulSet; tests point it elsewhere.
SCHEMAS_SQL=${SCHEMAS_SQL:-/etc/clinic-booking/mysql/create-schemas.sql}

# Quotes a value as a MySQL string literal (backslash and quote escaped).
sql_string() {
    local value=${1//\\/\\\\}
    value=${value//\'/\\\'}
    printf "'%s'" "$value"
}

# The root password goes through a client option file, not the command line.
options_file=$(mktemp /tmp/create-schemas.XXXXXX.cnf)
trap 'rm -f "$options_file"' EXIT
printf '[client]\nuser=root\npassword=%s\n' "$MYSQL_ROOT_PASSWORD" >"$options_file"

{
    for schema in user_service scheduling_service billing_service clinical_service audit_service; do
        variable="${schema^^}_PASSWORD"
        printf 'SET @%s_password = %s;\n' "$schema" "$(sql_string "${!variable:-}")"
    done
    cat "$SCHEMAS_SQL"
} | mysql --defaults-extra-file="$options_file" --protocol=socket

echo "create-schemas.sh: created the five service schemas and users"
