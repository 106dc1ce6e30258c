#!/usr/bin/env bash
# Install the Debian packages the project needs when they are missing (root only).
#   scripts/systempakete.sh basis     python3-venv, gettext, Pango, redis-server (for the test
#                                     with two app servers sharing one Redis cache)
#   scripts/systempakete.sh browser   + chromium for the Playwright tests
set -euo pipefail
fehlend=()
python3 -c 'import venv, ensurepip' 2>/dev/null || fehlend+=(python3-venv)
command -v msgfmt >/dev/null || fehlend+=(gettext)
# WeasyPrint renders PDFs with Pango.
ldconfig -p | grep -q libpangoft2-1.0 || fehlend+=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
# tests/quartiersmanagement/test_mehrere_server.py starts its own redis-server on a free port.
command -v redis-server >/dev/null || fehlend+=(redis-server)
if [ "${1:-basis}" = browser ]; then
  [ -x /usr/bin/chromium ] || fehlend+=(chromium)
fi
[ ${#fehlend[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Fehlende Debian-Pakete: ${fehlend[*]} – bitte als root installieren." >&2
  exit 1
fi
echo "systempakete: installiere ${fehlend[*]} …"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${fehlend[@]}" >/dev/null
