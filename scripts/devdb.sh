#!/usr/bin/env bash
# Project-local PostgreSQL cluster for development and tests, kept in .pgdata/.
#
#   scripts/devdb.sh start|stop|status|psql|url
#
# The cluster listens on 127.0.0.1 only (no unix socket in the checkout), on a port chosen
# once per checkout and remembered in .pgdata/port, so two clones on one machine never collide.
# As root, initdb and the server run as the `postgres` OS user. Debian's PostgreSQL is installed
# with apt-get when its binaries are missing. With DATABASE_URL set, this script does nothing:
# that database is used instead.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGDIR="$ROOT/.pgdata"
DATA="$PGDIR/data"
LOG="$PGDIR/postgresql.log"
DBUSER=qm
DBNAME=qm
ERSTER_PORT=54329

say() { echo "devdb: $*" >&2; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bindir() {
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  return 1
}

ensure_binaries() {
  bindir >/dev/null && return 0
  [ "$(id -u)" = 0 ] || { say "PostgreSQL fehlt; bitte 'apt-get install postgresql' als root."; exit 1; }
  say "installiere PostgreSQL (Debian-Paket) …"
  # Debian would otherwise create and start a system-wide cluster we do not need.
  mkdir -p /etc/postgresql-common
  grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf ||
    echo 'create_main_cluster = false' >>/etc/postgresql-common/createcluster.conf
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  bindir >/dev/null || { say "PostgreSQL-Installation fehlgeschlagen."; exit 1; }
}

port_frei() {
  python3 - "$1" <<'PY'
import socket, sys
s = socket.socket()
# Connections of a just-stopped server linger in TIME_WAIT; they do not keep the port busy
# (only a listening socket does), so the cluster keeps its port after a stop and a start.
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
PY
}

port() {
  if [ -s "$PGDIR/port" ]; then cat "$PGDIR/port"; return; fi
  local p=$ERSTER_PORT
  until port_frei "$p"; do p=$((p + 1)); done
  echo "$p" >"$PGDIR/port"
  echo "$p"
}

url() {
  echo "postgres://$DBUSER:$(cat "$PGDIR/password")@127.0.0.1:$(port)/$DBNAME"
}

puffer_mb() {
  # PostgreSQL's default of 128 MB is sized for any machine; a server of the city gets about a
  # quarter of its memory (docs/betrieb.md). This cluster shares the machine with the app, the
  # test workers and the browser, so it takes an eighth, at least 128 MB and at most 1 GB: enough
  # for the hot lists and indexes of the benchmark's city-scale data (docs/performance.md).
  local kb
  kb="$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
  local mb=$((kb / 1024 / 8))
  [ "$mb" -lt 128 ] && mb=128
  [ "$mb" -gt 1024 ] && mb=1024
  echo "$mb"
}

laeuft() {
  [ -f "$DATA/postmaster.pid" ] && as_pg "$(bindir)/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

stale_pid_entfernen() {
  # After a crash or reboot the pid file may name a dead process or a reused pid of another
  # program; PostgreSQL would then refuse to start. Only our own postmaster keeps the file.
  local pidfile="$DATA/postmaster.pid" pid
  [ -f "$pidfile" ] || return 0
  pid="$(head -n 1 "$pidfile")"
  if ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$DATA"; then
    say "entferne veraltete PID-Datei (Prozess $pid läuft nicht mehr)"
    rm -f "$pidfile"
  fi
}

cluster_anlegen() {
  local bin pw pwfile
  bin="$(bindir)"
  say "lege Cluster in $DATA an …"
  mkdir -p "$PGDIR"
  if [ "$(id -u)" = 0 ]; then
    # The server runs as postgres and must pass through the checkout (e.g. a `mktemp -d`
    # folder, mode 700): grant only the right to pass (o+x) where it is missing, never to read.
    local weg="$ROOT"
    while [ "$weg" != / ]; do
      if ! runuser -u postgres -- test -x "$weg"; then
        say "erlaube postgres das Durchqueren von $weg (chmod o+x)"
        chmod o+x "$weg"
      fi
      weg="$(dirname "$weg")"
    done
    runuser -u postgres -- test -x "$ROOT" || {
      say "Der Benutzer postgres kann $ROOT nicht betreten; bitte das Projekt z. B. unter /srv klonen."
      exit 1
    }
    chown postgres: "$PGDIR"
  fi
  chmod 700 "$PGDIR"
  pw="$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
  pwfile="$(mktemp)"
  echo "$pw" >"$pwfile"
  [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
  as_pg "$bin/initdb" -D "$DATA" -U "$DBUSER" --pwfile="$pwfile" -E UTF8 \
    --locale-provider=icu --icu-locale=de-DE --locale=C.UTF-8 \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  echo "$pw" >"$PGDIR/password"
  chmod 600 "$PGDIR/password"
  as_pg tee -a "$DATA/postgresql.conf" >/dev/null <<CONF
# scripts/devdb.sh: loopback only, no unix socket, fast and unsafe for development
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
CONF
}

start() {
  ensure_binaries
  mkdir -p "$PGDIR"
  [ -f "$DATA/PG_VERSION" ] || cluster_anlegen
  if laeuft; then
    say "läuft bereits auf 127.0.0.1:$(port)"
  else
    stale_pid_entfernen
    # random_page_cost 1.1: the data sits on SSD or in memory (PostgreSQL's default 4 assumes
    # spinning disks and makes the planner prefer sequential scans of big tables).
    # While this cluster was stopped, another checkout may have taken its port.
    if ! port_frei "$(port)"; then
      say "Port $(port) ist inzwischen belegt; wähle einen neuen"
      rm -f "$PGDIR/port"
    fi
    [ "$(id -u)" = 0 ] && { touch "$LOG"; chown postgres "$LOG"; }
    as_pg "$(bindir)/pg_ctl" -D "$DATA" -l "$LOG" -o "-p $(port) -c random_page_cost=1.1 -c shared_buffers=$(puffer_mb)MB" -w -t 60 start >/dev/null ||
      { say "Start fehlgeschlagen, siehe $LOG"; tail -n 20 "$LOG" >&2; exit 1; }
    say "gestartet auf 127.0.0.1:$(port)"
  fi
  local admin_url="postgres://$DBUSER:$(cat "$PGDIR/password")@127.0.0.1:$(port)/postgres"
  if [ -z "$("$(bindir)/psql" "$admin_url" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'")" ]; then
    "$(bindir)/psql" "$admin_url" -qc "CREATE DATABASE $DBNAME"
  fi
  # Maps store places and borders with PostGIS. template1 gets it too, so every database created
  # later (pytest-django's test databases, one per xdist worker) has it from the start.
  local db
  for db in template1 "$DBNAME"; do
    "$(bindir)/psql" "${admin_url%/postgres}/$db" -qc "CREATE EXTENSION IF NOT EXISTS postgis" 2>&1 |
      grep -v 'already exists' >&2 || true
  done
  url >"$PGDIR/database_url"
  chmod 600 "$PGDIR/database_url"
}

stop() {
  if [ -f "$DATA/PG_VERSION" ] && laeuft; then
    as_pg "$(bindir)/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    say "gestoppt"
  else
    say "läuft nicht"
  fi
}

status() {
  if [ -f "$DATA/PG_VERSION" ] && laeuft; then
    say "läuft auf 127.0.0.1:$(port), Daten in $DATA"
  else
    say "läuft nicht"
    return 3
  fi
}

if [ -n "${DATABASE_URL:-}" ]; then
  case "${1:-}" in
    psql) exec psql "$DATABASE_URL" ;;
    url) echo "$DATABASE_URL"; exit 0 ;;
    *) say "DATABASE_URL ist gesetzt – die eingebettete Datenbank wird nicht verwendet."; exit 0 ;;
  esac
fi

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  psql) exec "$(bindir)/psql" "$(url)" ;;
  url) url ;;
  *) echo "Aufruf: $0 start|stop|status|psql|url" >&2; exit 2 ;;
esac
