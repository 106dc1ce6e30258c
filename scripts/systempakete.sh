#!/usr/bin/env bash
# Install the Debian packages the project needs when they are missing (root only).
#   scripts/systempakete.sh basis     python3-venv, gettext, Pango, redis-server (for the test
#                                     with two app servers sharing one Redis cache), GDAL/GEOS/PROJ
#                                     for GeoDjango and PostGIS for the embedded cluster
#   scripts/systempakete.sh browser   + chromium for the Playwright tests
set -euo pipefail
fehlend=()
python3 -c 'import venv, ensurepip' 2>/dev/null || fehlend+=(python3-venv)
command -v msgfmt >/dev/null || fehlend+=(gettext)
# WeasyPrint renders PDFs with Pango.
ldconfig -p | grep -q libpangoft2-1.0 || fehlend+=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
# tests/quartiersmanagement/test_mehrere_server.py starts its own redis-server on a free port.
command -v redis-server >/dev/null || fehlend+=(redis-server)
# GeoDjango loads GDAL (which pulls GEOS and PROJ); maps store places and borders with PostGIS.
# gdal-bin is the package name that stays the same across Debian releases (libgdalNN does not).
ldconfig -p | grep -q 'libgdal\.so' || fehlend+=(gdal-bin)
ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 || fehlend+=(postgresql-15-postgis-3)
if [ "${1:-basis}" = browser ]; then
  [ -x /usr/bin/chromium ] || fehlend+=(chromium)
fi
[ ${#fehlend[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Fehlende Debian-Pakete: ${fehlend[*]} – bitte als root installieren." >&2
  exit 1
fi
# postgresql-15-postgis-3 pulls in the server; Debian would then create and start a system-wide
# cluster we do not need (the project runs its own, scripts/devdb.sh).
mkdir -p /etc/postgresql-common
grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf ||
  echo 'create_main_cluster = false' >>/etc/postgresql-common/createcluster.conf
echo "systempakete: installiere ${fehlend[*]} …"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${fehlend[@]}" >/dev/null
