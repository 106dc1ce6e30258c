#!/usr/bin/env bash
# Back up the database: pg_dump in custom format into a folder, keeping the newest N dumps.
#
#   scripts/backup.sh [ORDNER]          (default: backups/, or BACKUP_ORDNER)
#   BACKUP_BEHALTEN=14                  how many dumps to keep (rotation)
#
# Prints the path of the new dump. For cron, see docs/betrieb.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_datenbank.sh"
ordner="${1:-${BACKUP_ORDNER:-$ROOT/backups}}"
behalten="${BACKUP_BEHALTEN:-14}"
mkdir -p "$ordner"
chmod 700 "$ordner"
ziel="$ordner/qm-$(date -u +%Y%m%dT%H%M%S.%NZ).dump"
"${PGBIN}pg_dump" --format=custom --no-owner --file="$ziel.teil" "$DATABASE_URL"
mv "$ziel.teil" "$ziel"
chmod 600 "$ziel"
# Rotation: newest first, delete everything after the first $behalten.
ls -1t "$ordner"/qm-*.dump | tail -n +"$((behalten + 1))" | xargs -r rm -f
echo "$ziel"
