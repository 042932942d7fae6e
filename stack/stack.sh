#!/usr/bin/env bash
# Installs, starts and stops the services ckanext-jakarta runs on, for the
# demo and the tests: PostgreSQL 15 and Redis from Debian's packages, Apache
# Solr 9.10.1 from Maven Central. Everything listens on 127.0.0.1 only; data,
# pids and logs live under .stack/ in the repository (git-ignored).
#
#   stack/stack.sh install   apt packages and the Solr jars (idempotent)
#   stack/stack.sh start     start whatever is not running yet
#   stack/stack.sh stop      stop what this script started, by pid
#   stack/stack.sh status    one line per service
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK=${JAKARTA_STACK_DIR:-$REPO/.stack}
LOGS=$STACK/log
RUN=$STACK/run

PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
PG_PORT=5432
PG_ROLE=ckan_jakarta
PG_PASSWORD=ckan_jakarta
PG_DATABASES="ckan_demo ckan_test ckan_bench"
REDIS_PORT=6379
SOLR_PORT=8983
SOLR_CORES="ckan ckan_test"
SOLR_LIB=$REPO/stack/solr/lib
SOLR_CONF=$REPO/ckanext/jakarta/search/solr

say() { printf 'stack: %s\n' "$*"; }
die() { printf 'stack: %s\n' "$*" >&2; exit 1; }

# --- install ---------------------------------------------------------------

apt_install() {
    local missing=()
    [ -x "$PG_BIN/postgres" ] || missing+=(postgresql-$PG_VERSION)
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
    command -v mvn >/dev/null || missing+=(maven)
    command -v curl >/dev/null || missing+=(curl)
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

solr_jars() {
    if ls "$SOLR_LIB"/solr-core-*.jar >/dev/null 2>&1; then
        return 0
    fi
    say "resolving Solr from Maven Central into stack/solr/lib"
    (cd "$REPO/stack/solr" &&
        mvn -q -B dependency:copy-dependencies -DoutputDirectory="$SOLR_LIB" \
            -DexcludeTransitive=false) ||
        die "could not resolve Solr with Maven (see the output above)"
}

cmd_install() {
    apt_install
    solr_jars
}

# --- helpers ---------------------------------------------------------------

pid_alive() {
    local pidfile=$1
    [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_for NAME SECONDS LOG COMMAND...: poll COMMAND once a second.
wait_for() {
    local name=$1 limit=$2 log=$3
    shift 3
    local waited=0
    until "$@" >/dev/null 2>&1; do
        if [ "$waited" -ge "$limit" ]; then
            die "$name did not come up after ${waited}s; its log is $log"
        fi
        sleep 1
        waited=$((waited + 1))
    done
    say "$name is up (${waited}s)"
}

# The port is taken by something this script did not start.
refuse_foreign_port() {
    local name=$1 port=$2
    if port_open "$port"; then
        die "port $port is already in use by another process, so $name cannot start" \
            "(stop it, e.g. the distribution's own $name service, and run again)"
    fi
}

# --- PostgreSQL ------------------------------------------------------------

pg_data_dir() {
    # PostgreSQL refuses to run as root, so the cluster belongs to the
    # "postgres" user. When that user cannot reach the repository (a clone
    # under /root, say), the cluster lives under /var/lib/postgresql and
    # .stack/pg points at it.
    local wanted=$STACK/pg
    if [ -L "$wanted" ] || runuser -u postgres -- test -x "$STACK"; then
        echo "$wanted"
        return
    fi
    local outside
    outside=/var/lib/postgresql/ckanext-jakarta/$(printf '%s' "$REPO" | md5sum | cut -c1-12)
    mkdir -p "$outside"
    chown postgres:postgres "$outside"
    ln -sfn "$outside" "$wanted"
    echo "$wanted"
}

pg_psql() {
    runuser -u postgres -- "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
        -h "$STACK/pg/run" -p "$PG_PORT" -d postgres "$@"
}

pg_start() {
    local data pidfile
    data=$(pg_data_dir)
    pidfile=$data/data/postmaster.pid
    if [ -f "$pidfile" ] && kill -0 "$(head -1 "$pidfile")" 2>/dev/null; then
        say "PostgreSQL is already running"
        return 0
    fi
    refuse_foreign_port PostgreSQL "$PG_PORT"
    mkdir -p "$data"
    chown postgres:postgres "$data"
    runuser -u postgres -- mkdir -p "$data/run" "$data/log"
    if [ ! -f "$data/data/PG_VERSION" ]; then
        say "creating the PostgreSQL cluster in $data/data"
        runuser -u postgres -- "$PG_BIN/initdb" -D "$data/data" -U postgres \
            --auth-local=peer --auth-host=scram-sha-256 -E UTF8 \
            --locale=C.UTF-8 >"$LOGS/initdb.log" 2>&1 ||
            die "initdb failed; its log is $LOGS/initdb.log"
    fi
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data/data" -l "$data/log/postgresql.log" \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $data/run" start >/dev/null ||
        die "PostgreSQL did not start; its log is $data/log/postgresql.log"
    wait_for PostgreSQL 60 "$data/log/postgresql.log" \
        runuser -u postgres -- "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"
    pg_roles
}

pg_roles() {
    pg_psql <<SQL
SELECT 'CREATE ROLE $PG_ROLE LOGIN'
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') \gexec
ALTER ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD';
SQL
    local db
    for db in $PG_DATABASES; do
        pg_psql <<SQL
SELECT 'CREATE DATABASE $db OWNER $PG_ROLE ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db') \gexec
SQL
    done
}

pg_stop() {
    local data=$STACK/pg
    if [ -f "$data/data/postmaster.pid" ]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data/data" -m fast stop >/dev/null &&
            say "PostgreSQL stopped"
    fi
}

# --- Redis -----------------------------------------------------------------

redis_start() {
    if pid_alive "$RUN/redis.pid"; then
        say "Redis is already running"
        return 0
    fi
    refuse_foreign_port Redis "$REDIS_PORT"
    mkdir -p "$STACK/redis"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
        --pidfile "$RUN/redis.pid" --logfile "$LOGS/redis.log" \
        --dir "$STACK/redis" --save 300 1 --appendonly no ||
        die "Redis did not start; its log is $LOGS/redis.log"
    wait_for Redis 30 "$LOGS/redis.log" redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping
}

redis_stop() {
    stop_pid Redis "$RUN/redis.pid"
}

# --- Solr ------------------------------------------------------------------

solr_home() {
    local home=$STACK/solr/home core
    mkdir -p "$home/configsets/ckan/conf"
    cp "$REPO/stack/solr/solr.xml" "$home/solr.xml"
    # The configset is refreshed on each start; the indexes are kept.
    cp "$SOLR_CONF"/solrconfig.xml "$SOLR_CONF"/schema.xml \
        "$SOLR_CONF"/synonyms.txt "$SOLR_CONF"/protwords.txt \
        "$home/configsets/ckan/conf/"
    for core in $SOLR_CORES; do
        mkdir -p "$home/$core"
        printf 'name=%s\nconfigSet=ckan\n' "$core" >"$home/$core/core.properties"
    done
}

solr_core_ready() {
    local core
    for core in $SOLR_CORES; do
        curl -sf "http://127.0.0.1:$SOLR_PORT/solr/$core/select?q=*:*&rows=0" || return 1
    done
}

solr_start() {
    if pid_alive "$RUN/solr.pid"; then
        say "Solr is already running"
        return 0
    fi
    refuse_foreign_port Solr "$SOLR_PORT"
    solr_jars
    solr_home
    # JettySolrRunner's main serves the solr home in the working directory
    # on 127.0.0.1:8983 under /solr.
    (
        cd "$STACK/solr/home"
        nohup java -Xms256m -Xmx1g \
            -Dsolr.log.dir="$LOGS" -Dlog4j2.configurationFile="$REPO/stack/solr/log4j2.xml" \
            -Dsolr.solr.home="$STACK/solr/home" \
            -cp "$SOLR_LIB/*" org.apache.solr.embedded.JettySolrRunner \
            >"$LOGS/solr.log" 2>&1 &
        echo $! >"$RUN/solr.pid"
    )
    wait_for Solr 180 "$LOGS/solr.log" solr_core_ready
}

solr_stop() {
    stop_pid Solr "$RUN/solr.pid"
}

stop_pid() {
    local name=$1 pidfile=$2 pid waited=0
    pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
    pid=$(cat "$pidfile")
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 30 ]; do
        sleep 1
        waited=$((waited + 1))
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
    say "$name stopped"
}

# --- commands --------------------------------------------------------------

cmd_start() {
    mkdir -p "$LOGS" "$RUN"
    pg_start
    redis_start
    solr_start
}

cmd_stop() {
    stop_pid "demo sources server" "$RUN/demo-remote.pid"
    solr_stop
    redis_stop
    pg_stop
}

cmd_status() {
    local name port
    for name in PostgreSQL:$PG_PORT Redis:$REDIS_PORT Solr:$SOLR_PORT; do
        port=${name#*:}
        if port_open "$port"; then
            say "${name%:*} listening on 127.0.0.1:$port"
        else
            say "${name%:*} not running"
        fi
    done
}

case "${1:-}" in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) die "usage: stack/stack.sh install|start|stop|status" ;;
esac
