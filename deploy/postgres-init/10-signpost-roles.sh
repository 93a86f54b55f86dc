#!/usr/bin/env bash
# The PostgreSQL image runs this once, when its data volume is first made: Signpost's roles, as
# deploy/database-roles.sql makes them on any PostgreSQL (docs/security.md, "Database roles").
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v owner_password="$SIGNPOST_DB_OWNER_PASSWORD" -v service_password="$SIGNPOST_DB_PASSWORD" \
    -f /signpost/database-roles.sql
