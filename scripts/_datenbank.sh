# Shared by backup.sh and restore.sh: the database URL and PostgreSQL client tools.
# DATABASE_URL wins; otherwise the project-local cluster of scripts/devdb.sh.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${DATABASE_URL:-}" ]; then
  [ -s "$ROOT/.pgdata/database_url" ] || { echo "Keine Datenbank: DATABASE_URL setzen oder scripts/devdb.sh start." >&2; exit 1; }
  DATABASE_URL="$(cat "$ROOT/.pgdata/database_url")"
fi
# Client tools of the server's major version (Debian keeps them per version).
PGBIN=""
for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  [ -x "$d/pg_dump" ] && { PGBIN="$d/"; break; }
done
