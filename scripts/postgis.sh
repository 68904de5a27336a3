#!/usr/bin/env bash
# A local PostGIS + pgRouting server for Geo's tests and users: Debian's packages, a throwaway cluster on loopback.
#   scripts/postgis.sh [start]   install when missing, start, print the connection string on the last line
#   scripts/postgis.sh stop      stop the cluster
#   scripts/postgis.sh url       print the connection string
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${GEO_PGDATA:-$repo/.pgdata}"
port="${GEO_PGPORT:-55432}"
bin=/usr/lib/postgresql/15/bin
url="Host=127.0.0.1;Port=$port;Username=geo;Database=geo"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_packages() {
  local missing=()
  for p in postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "postgis.sh: missing Debian packages ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "postgis.sh: installing ${missing[*]}" >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
}

start() {
  install_packages
  # Debian's package starts its own cluster on 5432; Geo uses its own on $port and leaves that one alone.
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
    chmod 700 "$data"
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $port"
      echo "unix_socket_directories = '$data'"
      echo "fsync = off"
      echo "max_connections = 50"
    } >>"$data/postgresql.conf"
    printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$data/pg_hba.conf"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$data/pg_hba.conf"
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start >/dev/null
  fi
  local psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt)
  if [ "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname = 'geo'")" != 1 ]; then
    "${psql[@]}" -d postgres -c "CREATE ROLE geo LOGIN SUPERUSER"
  fi
  if [ "$("${psql[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'geo'")" != 1 ]; then
    "${psql[@]}" -d postgres -c "CREATE DATABASE geo OWNER geo"
  fi
  "${psql[@]}" -d geo -c "CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pgrouting;"
  echo "$url"
}

case "${1:-start}" in
  start) start ;;
  stop) as_postgres "$bin/pg_ctl" -D "$data" -w stop >/dev/null && echo "stopped" ;;
  url) echo "$url" ;;
  *) echo "usage: scripts/postgis.sh [start|stop|url]" >&2; exit 2 ;;
esac
