#!/usr/bin/env bash
# `make demo`: from an installed .venv to a working portal on
# http://127.0.0.1:5000. Safe to run again: every step checks what is there.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
CKAN=.venv/bin/ckan
INI=demo.ini
PASSWORD_FILE=.stack/admin-password
REMOTE_PORT=8900

say() { printf 'demo: %s\n' "$*"; }

write_config() {
    if [ ! -f "$INI" ]; then
        say "writing $INI"
        "$CKAN" generate config "$INI" >/dev/null
    fi
    # Applied on every run, so an existing demo.ini follows the repository.
    "$CKAN" config-tool "$INI" \
        "ckan.site_url = http://127.0.0.1:5000" \
        "ckan.site_id = jakarta_demo" \
        "ckan.site_title = Portal Data Jakarta" \
        "ckan.site_intro_text = Satu katalog data seluruh OPD Pemerintah Provinsi DKI Jakarta: cari, unduh, atau ambil lewat API dan DCAT. / One catalog of the data of every DKI Jakarta agency." \
        "ckan.locale_default = id" \
        "ckan.locales_offered = id en" \
        "sqlalchemy.url = postgresql://ckan_jakarta:ckan_jakarta@127.0.0.1:5432/ckan_demo" \
        "solr_url = http://127.0.0.1:8983/solr/ckan" \
        "ckan.redis.url = redis://127.0.0.1:6379/0" \
        "ckan.plugins = jakarta scheming_datasets scheming_organizations scheming_groups dcat structured_data harvest activity jakarta_ckan jakarta_dcat jakarta_datajson jakarta_satudata jakarta_inventory" \
        "ckan.storage_path = $REPO/.stack/demo-storage" \
        "ckan.max_resource_size = 100" \
        "ckan.harvest.mq.type = redis" \
        "ckan.harvest.mq.hostname = 127.0.0.1" \
        "ckan.harvest.mq.port = 6379" \
        "ckan.harvest.mq.redis_db = 0" \
        "ckanext.jakarta.walidata_email = opendata@jakarta.go.id" \
        "ckanext.jakarta.harvest.allowed_hosts = 127.0.0.1" \
        "ckanext.dcat.rdf.profiles = euro_dcat_ap_3 jakarta_dcat_ap" \
        "ckanext.dcat.structured_data.profiles = jakarta_schemaorg" \
        "ckanext.dcat.enable_content_negotiation = true" \
        "ckan.search.solr_commit = false" \
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

# The stand-in OPD endpoints: demo/remote served on 127.0.0.1:8900.
start_remote() {
    local pidfile=.stack/run/demo-remote.pid
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
        return 0
    fi
    nohup .venv/bin/python -m http.server "$REMOTE_PORT" --bind 127.0.0.1 \
        --directory demo/remote >.stack/log/demo-remote.log 2>&1 &
    echo $! >"$pidfile"
    local waited=0
    until curl -sf "http://127.0.0.1:$REMOTE_PORT/SOURCES.md" >/dev/null; do
        [ "$waited" -ge 30 ] && {
            say "the demo sources server did not come up after ${waited}s;" \
                "its log is .stack/log/demo-remote.log"
            exit 1
        }
        sleep 1
        waited=$((waited + 1))
    done
}

source_names() {
    .venv/bin/python -c 'import sys, yaml
for source in yaml.safe_load(open(sys.argv[1]))["sources"]:
    print(source["name"])' demo/sources.yaml
}

mkdir -p .stack/demo-storage .stack/run .stack/log
write_config
say "migrating the database (CKAN core and plugins)"
"$CKAN" -c "$INI" db init >/dev/null
ensure_admin
say "creating the OPD organizations and topics"
"$CKAN" -c "$INI" jakarta init
say "loading the demo content"
.venv/bin/python stack/demo_content.py "$INI"
start_remote
say "syncing the harvest sources with demo/sources.yaml"
"$CKAN" -c "$INI" jakarta sources sync demo/sources.yaml
for source in $(source_names); do
    say "harvesting $source"
    "$CKAN" -c "$INI" jakarta harvest "$source"
done

cat <<MSG

  Portal Data Jakarta is starting at http://127.0.0.1:5000
  Log in as:  admin
  Password:   $(cat "$PASSWORD_FILE")   (kept in $PASSWORD_FILE)
  Stop it with Ctrl-C; \`make stop\` stops PostgreSQL, Redis and Solr.

MSG
# No Werkzeug debugger (its console runs code) and no reloader: the demo is
# a portal to look at, not a development server.
exec "$CKAN" -c "$INI" run --host 127.0.0.1 --port 5000 \
    --disable-debugger --disable-reloader --threaded
