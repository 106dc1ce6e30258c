"""scripts/devdb.sh: two checkouts never collide, a crash's stale pid file is no obstacle, and the
cluster runs with the planner and memory settings of a production server."""

import glob
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest

SKRIPT = Path(__file__).resolve().parents[2] / "scripts" / "devdb.sh"

pytestmark = pytest.mark.skipif(
    not glob.glob("/usr/lib/postgresql/*/bin/initdb"), reason="PostgreSQL-Server nicht installiert"
)


def _devdb(checkout: Path, befehl: str) -> subprocess.CompletedProcess:
    umgebung = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run(  # noqa: S603 - fixed argv, no shell
        [str(checkout / "scripts" / "devdb.sh"), befehl],
        env=umgebung,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def checkouts():
    """Two throw-away checkouts (only the script) that the postgres user can enter."""
    wurzeln = []
    for _ in range(2):
        wurzel = Path(tempfile.mkdtemp(prefix="qm-devdb-", dir="/tmp"))
        wurzel.chmod(0o755)
        (wurzel / "scripts").mkdir()
        shutil.copy(SKRIPT, wurzel / "scripts" / "devdb.sh")
        wurzeln.append(wurzel)
    yield wurzeln
    for wurzel in wurzeln:
        _devdb(wurzel, "stop")
        shutil.rmtree(wurzel, ignore_errors=True)


def test_zwei_checkouts_bekommen_verschiedene_ports(checkouts):
    a, b = checkouts
    assert _devdb(a, "start").returncode == 0
    assert _devdb(b, "start").returncode == 0
    port_a = (a / ".pgdata" / "port").read_text().strip()
    port_b = (b / ".pgdata" / "port").read_text().strip()
    assert port_a != port_b
    assert f":{port_a}/" in (a / ".pgdata" / "database_url").read_text()
    assert _devdb(a, "status").returncode == 0
    assert not list((a / ".pgdata").glob("**/.s.PGSQL.*")), "kein Unix-Socket im Checkout"


def _einstellung(checkout: Path, name: str) -> str:
    psql = glob.glob("/usr/lib/postgresql/*/bin/psql")[0]
    url = (checkout / ".pgdata" / "database_url").read_text().strip()
    return subprocess.run(  # noqa: S603 - fixed argv, no shell
        [psql, url, "-tAc", f"SHOW {name}"], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_cluster_laeuft_mit_den_einstellungen_eines_servers(checkouts):
    """SSD costs for the planner and an eighth of the memory (128 MB to 1 GB) as buffer cache."""
    a, _ = checkouts
    assert _devdb(a, "start").returncode == 0
    assert _einstellung(a, "random_page_cost") == "1.1"
    speicher_mb = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2**20
    erwartet_mb = min(max(speicher_mb // 8, 128), 1024)
    erwartet = "1GB" if erwartet_mb == 1024 else f"{erwartet_mb}MB"
    assert _einstellung(a, "shared_buffers") == erwartet


def test_veraltete_pid_datei_nach_absturz_verhindert_den_start_nicht(checkouts):
    a, _ = checkouts
    assert _devdb(a, "start").returncode == 0
    pidfile = a / ".pgdata" / "data" / "postmaster.pid"
    postmaster = int(pidfile.read_text().splitlines()[0])
    os.kill(postmaster, signal.SIGKILL)
    # The crash leaves the file behind; make it name a live process that is not PostgreSQL.
    zeilen = pidfile.read_text().splitlines()
    zeilen[0] = str(os.getpid())
    pidfile.write_text("\n".join(zeilen) + "\n")

    neustart = _devdb(a, "start")
    assert neustart.returncode == 0, neustart.stderr
    assert "veraltete PID-Datei" in neustart.stderr
    assert _devdb(a, "status").returncode == 0


def test_mit_database_url_tut_das_skript_nichts(tmp_path):
    ergebnis = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [str(SKRIPT), "start"],
        env={**os.environ, "DATABASE_URL": "postgres://x@127.0.0.1:1/x"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert ergebnis.returncode == 0
    assert "DATABASE_URL ist gesetzt" in ergebnis.stderr


def test_belegter_port_eines_gestoppten_clusters_wird_neu_gewaehlt(checkouts):
    """A stopped checkout's remembered port may be taken by another checkout meanwhile."""
    a, b = checkouts
    assert _devdb(a, "start").returncode == 0
    assert _devdb(a, "stop").returncode == 0
    port_a = (a / ".pgdata" / "port").read_text().strip()
    (b / ".pgdata").mkdir()
    (b / ".pgdata" / "port").write_text(port_a)
    assert _devdb(b, "start").returncode == 0

    neustart = _devdb(a, "start")
    assert neustart.returncode == 0, neustart.stderr
    assert "inzwischen belegt" in neustart.stderr
    neuer_port = (a / ".pgdata" / "port").read_text().strip()
    assert neuer_port != port_a
    assert f":{neuer_port}/" in (a / ".pgdata" / "database_url").read_text()
    assert _devdb(a, "status").returncode == 0
