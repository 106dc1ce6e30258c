#!/usr/bin/env bash
# `make bench`: city-scale load data in a database of its own (made once, then reused), then
# `manage.py lastmessung` runs Locust against gunicorn with production settings, once with the
# shipped cache and once without. See docs/performance.md.
#
#   SKALIERUNG=1 (default) – amount of load data; BENCH_DATABASE_URL – the database to use
#   (default: the embedded cluster's, or DATABASE_URL's server, with the name qm_bench).
#   Further arguments go to `lastmessung`, e.g. scripts/bench.sh --dauer 60
set -euo pipefail
# shellcheck source=scripts/_datenbank.sh
source "$(dirname "${BASH_SOURCE[0]}")/_datenbank.sh"
cd "$ROOT"

BENCH_DATABASE_URL="${BENCH_DATABASE_URL:-${DATABASE_URL%/*}/qm_bench}"
name="${BENCH_DATABASE_URL##*/}"
if [ -z "$("${PGBIN}psql" "${BENCH_DATABASE_URL%/*}/postgres" -tAc \
  "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
  "${PGBIN}psql" "${BENCH_DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE \"$name\""
fi

# Production settings plus the development-only bench app (its commands and the floor page);
# mails go nowhere, static files come from a folder of their own.
export DATABASE_URL="$BENCH_DATABASE_URL" DEBUG=false HTTPS=false BENCH=true
export ALLOWED_HOSTS=127.0.0.1,localhost STATIC_ROOT="$ROOT/bench/static" EMAIL_URL=dummymail://
PY="$ROOT/.venv/bin/python"
"$PY" manage.py migrate --no-input -v 0
"$PY" manage.py lastdaten --skalierung "${SKALIERUNG:-1}" --erzwingen --vorhandene-behalten
# collectstatic compresses every file (minutes on 2 cores): only when an asset changed.
manifest="$ROOT/bench/static/staticfiles.json"
if [ ! -f "$manifest" ] || [ -n "$(find static package-lock.json -newer "$manifest" -print -quit)" ]; then
  "$PY" manage.py collectstatic --no-input -v 0
fi
exec "$PY" manage.py lastmessung "$@"
