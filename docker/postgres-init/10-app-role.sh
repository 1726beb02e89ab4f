#!/bin/bash
# Creates the login role the API connects as. It owns nothing: migrations (run as
# the owner) grant it only what it needs, and nothing but INSERT/SELECT on the audit tables.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'chartdesk_app') THEN
    CREATE ROLE chartdesk_app LOGIN PASSWORD '${POSTGRES_APP_PASSWORD}';
  END IF;
END \$\$;
GRANT CONNECT ON DATABASE ${POSTGRES_DB} TO chartdesk_app;
GRANT USAGE ON SCHEMA public TO chartdesk_app;
SQL
