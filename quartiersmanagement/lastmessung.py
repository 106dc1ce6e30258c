"""The measurement behind `make bench` (command `lastmessung`): which pages, how they are
loaded, and which figures must hold.

Every page is measured against the floor (`/messung/grundlinie/`: a full page with one query of
its own) in the same run, so the ratios hold on any machine; the absolute limit of 300 ms p95
is checked as well. Pages are loaded by a small HTTP client with a fixed number of parallel
connections; exports and the annual report are timed one at a time, because their limit is
the duration of one download, not a latency under load. Method and reading of the figures:
docs/performance.md.
"""

import datetime
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from . import datenstand

#: The targets of the performance issue; a page misses if any of its figures misses.
ZIELE = {
    "p50_faktor": 3.0,
    "p95_faktor": 5.0,
    "p95_ms": 300.0,
    "export_s": 3.0,
    # Pages whose content is cached under the data version, on the first request after a write
    # (quartiersmanagement/datenstand.py): the worst case a user meets, timed one at a time.
    "nach_aenderung_s": 0.5,
    "bericht_s": 10.0,
    "rss_mb": 250.0,
}
#: The floor's label; every other page's ratio refers to it.
GRUNDLINIE = "Grundlinie (1 Abfrage)"


@dataclass(frozen=True)
class Messziel:
    """One URL to measure. `konto` names the account whose session is used (None: anonymous);
    `einzeln` targets (exports, reports) are timed one download at a time; with
    `nach_aenderung` the data version advances before each download, so nothing is cached."""

    name: str
    pfad: str
    konto: str | None
    einzeln: bool = False
    grenze_s: float | None = None
    #: Lists and details must not scan a big table sequentially (EXPLAIN of their queries).
    ohne_seq_scan: bool = False
    nach_aenderung: bool = False


@dataclass
class Seitenergebnis:
    name: str
    pfad: str
    anfragen: int
    fehler: int
    p50_ms: float
    p95_ms: float
    durchsatz: float
    seq_scans: list[str] = field(default_factory=list)
    faktor_p50: float = 0.0
    faktor_p95: float = 0.0
    verfehlt: list[str] = field(default_factory=list)


@dataclass
class Einzelergebnis:
    name: str
    pfad: str
    laeufe: int
    fehler: int
    median_s: float
    max_s: float
    kilobyte: int
    grenze_s: float
    verfehlt: list[str] = field(default_factory=list)


# --- Targets -------------------------------------------------------------------------------


def messziele() -> list[Messziel]:
    """The pages of the issue, chosen in the generated data so that each is a heavy case: the
    quartier with the most needs, its need with the longest timeline, the most connected
    quartier's network, a public quartier with many dates, exports of about 10,000 rows."""
    from akteure.models import Akteur
    from bedarfe.models import Bedarf
    from projekte.models import Stadtteilfonds, Termin
    from quartiere.lastdaten import BENUTZER_PRAEFIX, LEITUNG
    from quartiere.models import Quartier
    from quartiersmanagement.lastdaten import SLUG_PRAEFIX

    lastquartiere = Quartier.objects.filter(slug__startswith=SLUG_PRAEFIX)
    if not lastquartiere.exists():
        raise LookupError("Keine Lastdaten: zuerst `manage.py lastdaten` ausführen.")
    gross = lastquartiere.annotate(n=Count("bedarfe")).order_by("-n", "pk").first()
    qm = f"{BENUTZER_PRAEFIX}{gross.slug.removeprefix(SLUG_PRAEFIX)}"
    bedarf = (
        Bedarf.objects.filter(quartier=gross)
        .annotate(n=Count("ereignisse"))
        .order_by("-n", "pk")
        .first()
    )
    vernetzt = (
        Akteur.quartiere.through.objects.filter(quartier__in=lastquartiere)
        .values("quartier")
        .annotate(n=Count("akteur"))
        .order_by("-n", "quartier")
        .first()
    )
    netz_slug = Quartier.objects.get(pk=vernetzt["quartier"]).slug
    netz_konto = f"{BENUTZER_PRAEFIX}{netz_slug.removeprefix(SLUG_PRAEFIX)}"
    fonds = (
        Stadtteilfonds.objects.filter(quartier=gross)
        .annotate(n=Count("antraege"))
        .order_by("-n", "-jahr")
        .first()
    )
    oeffentlich = (
        Termin.objects.filter(quartier__in=lastquartiere.filter(oeffentlich=True))
        .values("quartier__slug")
        .annotate(n=Count("pk"))
        .order_by("-n", "quartier__slug")
        .first()
    )
    if oeffentlich is None:
        raise LookupError("Kein öffentliches Lastquartier mit Terminen: Lastdaten neu erzeugen.")
    ab = _datum_fuer_zeilen(10_000)
    jahr = timezone.localdate().year
    ziele = [
        Messziel(GRUNDLINIE, reverse("grundlinie"), qm),
        Messziel("Anmeldeseite", reverse("login"), None),
        Messziel("Startseite", reverse("quartiere:start"), qm),
        Messziel("Quartiersseite (Dashboard)", gross.get_absolute_url(), qm),
        Messziel("Bedarfe", reverse("bedarfe:liste"), qm, ohne_seq_scan=True),
        Messziel(
            "Bedarfe gefiltert",
            f"{reverse('bedarfe:liste')}?status=weitergeleitet&sortierung=-gemeldet_am",
            qm,
            ohne_seq_scan=True,
        ),
        Messziel(
            "Bedarfe Volltextsuche",
            f"{reverse('bedarfe:liste')}?{urlencode({'suche': 'Spielplätze'})}",
            qm,
            ohne_seq_scan=True,
        ),
        Messziel(
            "Bedarfe aller Quartiere (Leitung)",
            reverse("bedarfe:liste"),
            LEITUNG,
            ohne_seq_scan=True,
        ),
        Messziel("Bedarf (Detail)", bedarf.get_absolute_url(), qm, ohne_seq_scan=True),
        Messziel("Akteure", reverse("akteure:liste"), qm, ohne_seq_scan=True),
        Messziel(
            "Netzwerkdaten (JSON)",
            f"{reverse('akteure:netzwerk_json')}?quartier={netz_slug}",
            netz_konto,
        ),
        Messziel("Projekte", reverse("projekte:liste"), qm, ohne_seq_scan=True),
        Messziel("Stadtteilfonds", fonds.get_absolute_url(), qm, ohne_seq_scan=True),
        Messziel("Stadtweite Übersicht (Leitung)", reverse("berichte:uebersicht"), LEITUNG),
        Messziel(
            "Öffentliche Quartiersseite",
            reverse("oeffentlichkeit:quartier", kwargs={"slug": oeffentlich["quartier__slug"]}),
            None,
        ),
        Messziel(
            "iCal-Feed (öffentlich)",
            reverse("oeffentlichkeit:termine_ics", kwargs={"slug": oeffentlich["quartier__slug"]}),
            None,
        ),
    ]
    export = f"{reverse('bedarfe:liste')}?gemeldet_ab={ab.isoformat()}&format="
    ziele += [
        Messziel(
            "Quartiersseite nach einer Änderung",
            gross.get_absolute_url(),
            qm,
            einzeln=True,
            grenze_s=ZIELE["nach_aenderung_s"],
            nach_aenderung=True,
        ),
        Messziel(
            "Stadtweite Übersicht nach einer Änderung",
            reverse("berichte:uebersicht"),
            LEITUNG,
            einzeln=True,
            grenze_s=ZIELE["nach_aenderung_s"],
            nach_aenderung=True,
        ),
        Messziel("CSV-Export ~10.000 Zeilen", export + "csv", LEITUNG, True, ZIELE["export_s"]),
        Messziel("XLSX-Export ~10.000 Zeilen", export + "xlsx", LEITUNG, True, ZIELE["export_s"]),
        Messziel(
            f"Jahresbericht {jahr} (PDF)",
            reverse("berichte:jahresbericht_pdf", kwargs={"slug": gross.slug, "jahr": jahr}),
            qm,
            True,
            ZIELE["bericht_s"],
        ),
    ]
    return ziele


def _datum_fuer_zeilen(zeilen: int) -> datetime.date:
    """The earliest report date such that the newest `zeilen` needs were reported on or after it."""
    from bedarfe.models import Bedarf

    daten = Bedarf.objects.order_by("-gemeldet_am").values_list("gemeldet_am", flat=True)
    return daten[zeilen - 1 : zeilen].first() or datetime.date(2000, 1, 1)


def sitzung_fuer(benutzername: str) -> str:
    """A logged-in session of the account, created directly (the load accounts have no
    password); returns the session key for the cookie."""
    from django.contrib.auth import get_user_model

    benutzer = get_user_model().objects.get(username=benutzername)
    sitzung = SessionStore()
    sitzung[SESSION_KEY] = str(benutzer.pk)
    sitzung[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    sitzung[HASH_SESSION_KEY] = benutzer.get_session_auth_hash()
    sitzung.save()
    return sitzung.session_key


def grosse_modelle() -> list:
    """The models whose tables grow with the city and the years: lists must reach them by
    index, and results.json records their sizes."""
    from akteure.models import Akteur, Beziehung, Person, Sitzung
    from bedarfe.models import Bedarf, Bedarfsereignis, Weiterleitung
    from projekte.models import Fondsantrag, Projekt, Teilnahme, Termin

    modelle = [Bedarf, Bedarfsereignis, Weiterleitung, Akteur, Person, Beziehung, Sitzung]
    return modelle + [Projekt, Termin, Teilnahme, Fondsantrag]


def sequentielle_scans(ziel: Messziel, sitzung: str | None) -> list[str]:
    """Big tables that the page's queries read by sequential scan, from EXPLAIN of every
    SELECT the page runs (rendered in-process with the same session)."""
    from django.db import connection
    from django.test import Client as TestClient
    from django.test.utils import CaptureQueriesContext

    client = TestClient(HTTP_HOST="127.0.0.1")
    if sitzung:
        client.cookies[settings.SESSION_COOKIE_NAME] = sitzung
    with CaptureQueriesContext(connection) as abfragen:
        client.get(ziel.pfad)
    gross = {m._meta.db_table for m in grosse_modelle()}
    funde = set()
    with connection.cursor() as cursor:
        for abfrage in abfragen.captured_queries:
            if not abfrage["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor.execute("EXPLAIN (FORMAT JSON) " + abfrage["sql"])
            funde |= {t for t in _seq_scan_tabellen(cursor.fetchone()[0][0]["Plan"]) if t in gross}
    return sorted(funde)


def _seq_scan_tabellen(knoten: dict):
    if knoten.get("Node Type") == "Seq Scan":
        yield knoten["Relation Name"]
    for kind in knoten.get("Plans", []):
        yield from _seq_scan_tabellen(kind)


# --- Load ----------------------------------------------------------------------------------


class Client:
    """Plain HTTP/1.1 GETs against one server; one connection per thread, reopened when the
    server closes it (gunicorn's sync workers close after each response)."""

    def __init__(self, host: str, port: int, sitzungen: dict[str, str]):
        self.host, self.port = host, port
        self.sitzungen = sitzungen
        self._lokal = threading.local()
        self.anzahl = 0
        self._zaehler = threading.Lock()

    def get(self, ziel: Messziel) -> tuple[int, int, float]:
        """(status, bytes, seconds) of one complete download."""
        verbindung = getattr(self._lokal, "verbindung", None)
        if verbindung is None:
            verbindung = self._lokal.verbindung = http.client.HTTPConnection(
                self.host, self.port, timeout=120
            )
        kopf = {}
        if ziel.konto:
            kopf["Cookie"] = f"{settings.SESSION_COOKIE_NAME}={self.sitzungen[ziel.konto]}"
        start = time.perf_counter()
        try:
            verbindung.request("GET", ziel.pfad, headers=kopf)
            antwort = verbindung.getresponse()
            groesse = len(antwort.read())
            status = antwort.status
        except (OSError, http.client.HTTPException):
            verbindung.close()
            status, groesse = 0, 0
        dauer = time.perf_counter() - start
        with self._zaehler:
            self.anzahl += 1
        return status, groesse, dauer


def _perzentil(werte: list[float], p: int) -> float:
    return (
        statistics.quantiles(werte, n=100, method="inclusive")[p - 1]
        if len(werte) > 1
        else werte[0]
    )


def seite_messen(client: Client, ziel: Messziel, *, anfragen: int, parallel: int) -> Seitenergebnis:
    """Warm both workers up, then `anfragen` GETs with `parallel` connections in flight."""
    with ThreadPoolExecutor(parallel) as pool:
        list(pool.map(lambda _: client.get(ziel), range(2 * parallel)))
        start = time.perf_counter()
        messungen = list(pool.map(lambda _: client.get(ziel), range(anfragen)))
        wand = time.perf_counter() - start
    zeiten = [dauer * 1000 for _, _, dauer in messungen]
    return Seitenergebnis(
        name=ziel.name,
        pfad=ziel.pfad,
        anfragen=anfragen,
        fehler=sum(1 for status, _, _ in messungen if status != 200),
        p50_ms=round(statistics.median(zeiten), 1),
        p95_ms=round(_perzentil(zeiten, 95), 1),
        durchsatz=round(anfragen / wand, 1),
    )


def einzeln_messen(client: Client, ziel: Messziel, *, laeufe: int) -> Einzelergebnis:
    """Time `laeufe` complete downloads one after another (the first one warms up)."""

    def laden():
        if ziel.nach_aenderung:
            datenstand.weiterzaehlen()
        return client.get(ziel)

    laden()
    messungen = [laden() for _ in range(laeufe)]
    dauern = [dauer for _, _, dauer in messungen]
    return Einzelergebnis(
        name=ziel.name,
        pfad=ziel.pfad,
        laeufe=laeufe,
        fehler=sum(1 for status, _, _ in messungen if status != 200),
        median_s=round(statistics.median(dauern), 2),
        max_s=round(max(dauern), 2),
        kilobyte=round(max(groesse for _, groesse, _ in messungen) / 1024),
        grenze_s=ziel.grenze_s,
    )


def auffuellen(client: Client, ziele: list[Messziel], *, bis: int, parallel: int) -> int:
    """Mixed page load until the server has answered `bis` requests in this run."""
    fehlend = max(0, bis - client.anzahl)
    with ThreadPoolExecutor(parallel) as pool:
        ergebnisse = list(pool.map(lambda i: client.get(ziele[i % len(ziele)]), range(fehlend)))
    return sum(1 for status, _, _ in ergebnisse if status != 200)


# --- Targets check -------------------------------------------------------------------------


def bewerten(seiten: list[Seitenergebnis], einzeln: list[Einzelergebnis]) -> list[str]:
    """Fill in ratios and misses; returns every missed target as a German sentence."""
    boden = next(s for s in seiten if s.name == GRUNDLINIE)
    verfehlt = []
    for s in seiten:
        s.faktor_p50 = round(s.p50_ms / boden.p50_ms, 2)
        s.faktor_p95 = round(s.p95_ms / boden.p95_ms, 2)
        if s.fehler:
            s.verfehlt.append(f"{s.fehler} Fehlerantworten")
        if s.faktor_p50 > ZIELE["p50_faktor"]:
            s.verfehlt.append(f"p50 {s.faktor_p50:g}× Grundlinie > {ZIELE['p50_faktor']:g}×")
        if s.faktor_p95 > ZIELE["p95_faktor"]:
            s.verfehlt.append(f"p95 {s.faktor_p95:g}× Grundlinie > {ZIELE['p95_faktor']:g}×")
        if s.p95_ms > ZIELE["p95_ms"]:
            s.verfehlt.append(f"p95 {s.p95_ms:g} ms > {ZIELE['p95_ms']:g} ms")
        if s.seq_scans:
            s.verfehlt.append("Seq Scan auf " + ", ".join(s.seq_scans))
    for e in einzeln:
        if e.fehler:
            e.verfehlt.append(f"{e.fehler} Fehlerantworten")
        if e.max_s > e.grenze_s:
            e.verfehlt.append(f"{e.max_s:g} s > {e.grenze_s:g} s")
    for ergebnis in [*seiten, *einzeln]:
        verfehlt += [f"{ergebnis.name}: {grund}" for grund in ergebnis.verfehlt]
    return verfehlt


def speicher_bewerten(rss_mb: dict[int, float]) -> list[str]:
    return [
        f"Worker {pid}: {mb:g} MB RSS > {ZIELE['rss_mb']:g} MB"
        for pid, mb in rss_mb.items()
        if mb > ZIELE["rss_mb"]
    ]


def tabelle(seiten: list[Seitenergebnis], einzeln: list[Einzelergebnis]) -> str:
    """The printed table: one line per page, then the single downloads."""
    breite = max(len(z.name) for z in [*seiten, *einzeln])
    zeilen = [
        f"{'Seite':<{breite}} {'p50 ms':>8} {'p95 ms':>8} {'Anfr./s':>8} "
        f"{'×p50':>6} {'×p95':>6}  Ziel",
    ]
    for s in seiten:
        zeilen.append(
            f"{s.name:<{breite}} {s.p50_ms:>8.1f} {s.p95_ms:>8.1f} {s.durchsatz:>8.1f} "
            f"{s.faktor_p50:>6.2f} {s.faktor_p95:>6.2f}  {_urteil(s.verfehlt)}"
        )
    zeilen += [
        "",
        f"{'Einzeln gemessen':<{breite}} {'Median s':>8} {'Max s':>8} {'KB':>8} "
        f"{'Grenze':>13}  Ziel",
    ]
    for e in einzeln:
        zeilen.append(
            f"{e.name:<{breite}} {e.median_s:>8.2f} {e.max_s:>8.2f} {e.kilobyte:>8} "
            f"{e.grenze_s:>11g} s  {_urteil(e.verfehlt)}"
        )
    return "\n".join(zeilen)


def _urteil(verfehlt: list[str]) -> str:
    return "ok" if not verfehlt else "VERFEHLT: " + "; ".join(verfehlt)


# --- Server --------------------------------------------------------------------------------


class Gunicorn:
    """gunicorn with the settings of the calling environment, on 127.0.0.1:`port`; as a
    context manager it waits for /healthz/ and stops the server on exit."""

    def __init__(self, *, port: int, worker: int, protokoll: Path):
        self.port, self.worker, self.protokoll = port, worker, protokoll
        self.prozess: subprocess.Popen | None = None

    def __enter__(self):
        self.protokoll.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.protokoll.open("wb")
        self.prozess = subprocess.Popen(  # noqa: S603 - fixed argv of our own interpreter
            [
                sys.executable,
                "-m",
                "gunicorn",
                "quartiersmanagement.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.worker),
                "--timeout",
                "120",
            ],
            cwd=settings.BASE_DIR,
            env=os.environ.copy(),
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._warten_bis_bereit()
        return self

    def _warten_bis_bereit(self, sekunden: float = 60):
        ende = time.monotonic() + sekunden
        while time.monotonic() < ende:
            if self.prozess.poll() is not None:
                raise RuntimeError(f"gunicorn ist beendet; siehe {self.protokoll}")
            try:
                verbindung = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                verbindung.request("GET", reverse("healthz"))
                if (
                    verbindung.getresponse().status == 200
                    and len(self.worker_pids()) == self.worker
                ):
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn antwortet nicht; siehe {self.protokoll}")

    def worker_pids(self) -> list[int]:
        kinder = Path(f"/proc/{self.prozess.pid}/task/{self.prozess.pid}/children")
        return [int(pid) for pid in kinder.read_text().split()]

    def rss_mb(self) -> dict[int, float]:
        """Resident memory of each worker in MB (from /proc)."""
        return {pid: _rss_mb(pid) for pid in self.worker_pids()}

    def __exit__(self, *exc):
        self.prozess.terminate()
        try:
            self.prozess.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.prozess.kill()
        self._log.close()


def freier_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> float:
    for zeile in Path(f"/proc/{pid}/status").read_text().splitlines():
        if zeile.startswith("VmRSS:"):
            return round(int(zeile.split()[1]) / 1024, 1)
    return 0.0


def mengen() -> dict[str, int]:
    """Row counts of the quartiers and the big tables: what the figures were measured on."""
    from quartiere.models import Quartier

    return {m._meta.label: m.objects.count() for m in [Quartier, *grosse_modelle()]}
