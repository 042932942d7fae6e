#!/usr/bin/env bash
# `make demo`: from an installed .venv to a working portal on
# http://127.0.0.1:5000. Safe to run again: every step checks what is there.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
CKAN=.venv/bin/ckan
INI=demo.ini
PASSWORD_FILE=.stack/admin-password

say() { printf 'demo: %s\n' "$*"; }

write_config() {
    [ -f "$INI" ] && return 0
    say "writing $INI"
    "$CKAN" generate config "$INI" >/dev/null
    "$CKAN" config-tool "$INI" \
        "ckan.site_url = http://127.0.0.1:5000" \
        "ckan.site_id = jakarta_demo" \
        "ckan.site_title = Portal Data Jakarta" \
        "ckan.locale_default = id" \
        "ckan.locales_offered = id en" \
        "sqlalchemy.url = postgresql://ckan_jakarta:ckan_jakarta@127.0.0.1:5432/ckan_demo" \
        "solr_url = http://127.0.0.1:8983/solr/ckan" \
        "ckan.redis.url = redis://127.0.0.1:6379/0" \
        "ckan.plugins = jakarta scheming_datasets scheming_organizations scheming_groups dcat structured_data harvest activity" \
        "ckan.storage_path = $REPO/.stack/demo-storage" \
        "ckan.max_resource_size = 100" \
        "ckan.harvest.mq.type = redis" \
        "ckan.harvest.mq.hostname = 127.0.0.1" \
        "ckan.harvest.mq.port = 6379" \
        "ckan.harvest.mq.redis_db = 0" \
        "ckanext.jakarta.walidata_email = opendata@jakarta.go.id" \
        "ckan.devserver.host = 127.0.0.1" \
        "ckan.devserver.port = 5000"
}

ensure_admin() {
    if "$CKAN" -c "$INI" user show admin 2>/dev/null | grep -q "name=admin"; then
        return 0
    fi
    say "creating the sysadmin 'admin'"
    umask 077
    python3 -c 'import secrets; print(secrets.token_urlsafe(12))' >"$PASSWORD_FILE"
    "$CKAN" -c "$INI" user add admin email=admin@localhost \
        password="$(cat "$PASSWORD_FILE")" >/dev/null
    "$CKAN" -c "$INI" sysadmin add admin >/dev/null
}

mkdir -p .stack/demo-storage
write_config
say "migrating the database (CKAN core and plugins)"
"$CKAN" -c "$INI" db init >/dev/null
ensure_admin
say "creating the OPD organizations and topics"
"$CKAN" -c "$INI" jakarta init
say "loading the demo content"
.venv/bin/python stack/demo_content.py "$INI"

cat <<MSG

  Portal Data Jakarta is starting at http://127.0.0.1:5000
  Log in as:  admin
  Password:   $(cat "$PASSWORD_FILE")   (kept in $PASSWORD_FILE)
  Stop it with Ctrl-C; \`make stop\` stops PostgreSQL, Redis and Solr.

MSG
exec "$CKAN" -c "$INI" run --host 127.0.0.1 --port 5000
