#!/usr/bin/env bash
# Restore a dump made by backup.sh.
#
#   scripts/restore.sh DUMP [ZIEL_URL]
#
# ZIEL_URL defaults to the configured database. A target that already holds tables is only
# overwritten with RESTORE_UEBERSCHREIBEN=ja, so a typo cannot wipe production.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_datenbank.sh"
dump="${1:?Aufruf: scripts/restore.sh DUMP [ZIEL_URL]}"
ziel="${2:-$DATABASE_URL}"
[ -r "$dump" ] || { echo "Dump nicht lesbar: $dump" >&2; exit 1; }
# PostGIS's own reference table and views (in every new database made from a template with
# postgis) are not data of the application.
tabellen="$("${PGBIN}psql" "$ziel" -tAc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'spatial_ref_sys'")"
if [ "$tabellen" != 0 ] && [ "${RESTORE_UEBERSCHREIBEN:-}" != ja ]; then
  echo "Die Zieldatenbank enthält $tabellen Tabellen. Zum Überschreiben RESTORE_UEBERSCHREIBEN=ja setzen." >&2
  exit 1
fi
"${PGBIN}pg_restore" --clean --if-exists --no-owner --exit-on-error --single-transaction \
  --dbname="$ziel" "$dump"
echo "wiederhergestellt: $dump -> Datenbank $("${PGBIN}psql" "$ziel" -tAc 'SELECT current_database()')"
