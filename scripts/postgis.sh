#!/usr/bin/env bash
# A local PostGIS + pgRouting server for Geo's tests and users: Debian's packages, a throwaway cluster on loopback.
#   scripts/postgis.sh [start]   install when missing, start, create the cluster membership tables, print the connection
#                                string on the last line
#   scripts/postgis.sh stop      stop the cluster
#   scripts/postgis.sh url       print the connection string
# GEO_PGDATA (default <repo>/.pgdata) is where the cluster lives, GEO_PGPORT (default 55432) the loopback port.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${GEO_PGPORT:-55432}"
bin=/usr/lib/postgresql/15/bin
packages=(postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting)
url="Host=127.0.0.1;Port=$port;Username=geo;Database=geo"

say() { echo "postgis.sh: $*" >&2; }
fail() { say "$*"; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

# The server refuses to run as root, so as root the cluster belongs to the postgres user.
as_postgres() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Where the cluster lives. The postgres user must be able to reach it: when root's checkout is closed to other
# users (a home folder with mode 700), the default moves to a fixed folder under /var/tmp named after the checkout.
data_dir() {
  if [ -n "${GEO_PGDATA:-}" ]; then
    echo "$GEO_PGDATA"
  elif is_root && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$repo"; then
    echo "/var/tmp/geo-pgdata-$(printf '%s' "$repo" | cksum | cut -d' ' -f1)"
  else
    echo "$repo/.pgdata"
  fi
}

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  is_root || fail "missing Debian packages: ${missing[*]}; install them with: sudo apt-get install ${missing[*]}"
  command -v apt-get >/dev/null || fail "missing Debian packages ${missing[*]} and there is no apt-get to install them"
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists yet; refresh them only when the install cannot find the packages.
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
    apt-get update -q >&2 || fail "apt-get update failed; cannot install ${missing[*]}"
    apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 || fail "apt-get could not install ${missing[*]}"
  fi
  [ -x "$bin/initdb" ] || fail "installed ${missing[*]} but $bin/initdb is missing"
}

create_cluster() {
  local data="$1"
  mkdir -p "$data"
  is_root && chown postgres:postgres "$data"
  chmod 700 "$data"
  as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null \
    || fail "initdb could not create a cluster in $data"
  # Only loopback, only trust: a throwaway server nobody else can reach. The port is also given at every start,
  # so GEO_PGPORT applies to an existing cluster too.
  as_postgres tee -a "$data/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
fsync = off
max_connections = 50
EOF
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' | as_postgres tee "$data/pg_hba.conf" >/dev/null
}

wait_ready() {
  for _ in $(seq 1 60); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && return 0
    sleep 1
  done
  fail "the server on 127.0.0.1:$port did not become ready within 60 s"
}

psql_as() {
  local user="$1" db="$2"
  shift 2
  PGOPTIONS="-c client_min_messages=warning" "$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d "$db" -v ON_ERROR_STOP=1 -qAtX "$@"
}

start() {
  install_packages
  local data
  data="$(data_dir)"
  if [ -f "$data/PG_VERSION" ] && as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    : # already running: leave it
  elif "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    # Another checkout's cluster already holds the port; share it rather than fail to bind.
    say "a server already listens on 127.0.0.1:$port (not the cluster in $data); using it"
  else
    [ -f "$data/PG_VERSION" ] || create_cluster "$data"
    as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $port" -w -t 60 start >/dev/null \
      || fail "the server in $data did not start; its log: $(tail -n 5 "$data/server.log" 2>/dev/null | tr '\n' ' ')"
  fi
  wait_ready
  psql_as postgres postgres -c "SELECT 1" >/dev/null 2>&1 \
    || fail "the server on 127.0.0.1:$port does not let the postgres role in without a password; stop it or set GEO_PGPORT"
  if [ "$(psql_as postgres postgres -c "SELECT count(*) FROM pg_roles WHERE rolname = 'geo'")" = 0 ]; then
    psql_as postgres postgres -c "CREATE ROLE geo LOGIN SUPERUSER"
  fi
  if [ "$(psql_as postgres postgres -c "SELECT count(*) FROM pg_database WHERE datname = 'geo'")" = 0 ]; then
    psql_as postgres postgres -c "CREATE DATABASE geo OWNER geo"
  fi
  psql_as geo geo -c "CREATE EXTENSION IF NOT EXISTS postgis" -c "CREATE EXTENSION IF NOT EXISTS pgrouting"
  # Cluster membership for 'geo serve --cluster' lives in the same database as the data.
  psql_as geo geo -f "$repo/scripts/cluster-tables.sql" >/dev/null
  echo "$url"
}

stop() {
  local data
  data="$(data_dir)"
  if [ -f "$data/PG_VERSION" ] && as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    echo "stopped the server in $data"
  else
    echo "no server running in $data"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  url) echo "$url" ;;
  *) echo "usage: scripts/postgis.sh [start|stop|url]" >&2; exit 2 ;;
esac
