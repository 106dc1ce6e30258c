"""The measurement behind `make bench` (command `lastmessung`): what the simulated users of
bench/locustfile.py may ask for, the server they ask, and how their answers are judged.

Method (docs/performance.md): gunicorn with production settings serves the city-scale load
data; Locust runs concurrent users of every role who log in through the real login form and
request pages with random filters, search words, page numbers and detail ids drawn here from
the database; about a tenth of their requests are writes through the real forms. A floor user
requests a page with one query of its own during the same run, and every request group is
judged as a multiple of the floor, so the figures hold on any machine. The same run is made a
second time with the cache switched off (`CACHE_URL=dummycache://`).
"""

import http.client
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from bench.gruppen import (
    ANMELDUNG,
    GRUNDLINIE,
    MINDESTANZAHL,
    SCHREIBEN,
    ZWEITER_FAKTOR,
    braucht_mindestanzahl,
)

#: The targets of issue 15, as multiples of the floor of the same run.
ZIELE = {
    "lesen_p50": 3.0,
    "lesen_p95": 5.0,
    "schreiben_p95": 10.0,
    "ohne_cache_lesen_p95": 10.0,
}
LESEND = "last-lesend"
#: The name of the TOTP devices that `konten_vorbereiten` gives the load accounts.
LASTGERAET = "Lastmessung"
#: Words the simulated users search for: topics of the generated needs, their plural forms
#: (German stemming), names of generated rows, and words that find nothing.
SUCHWOERTER = [
    "Spielplatz",
    "Spielplätze",
    "Beleuchtung",
    "Treffpunkt",
    "Sauberkeit",
    "Verkehr",
    "Beratung",
    "Lastbedarf 17",
    "Akteur 12",
    "Lastprojekt",
    "Verein",
    "Schule",
    "Kita",
    "Zebrastreifen",
]


# --- What the users may ask for -------------------------------------------------------------


def _zufaellig(qs, n: int) -> list:
    """Up to n random rows of a queryset (ORDER BY random(): once per run, before the load)."""
    return list(qs.order_by("?")[:n])


def stichprobe(*, qm_anzahl: int) -> dict:
    """URLs and ids for the simulated users, drawn from the load data: the QMs of the
    quartiers with the most needs, the Leitung, a Lesend account of the biggest quartier, and
    public quartiers that take online applications. Raises LookupError without load data."""
    from akteure.models import Akteur, Sitzung
    from bedarfe.models import Bedarf
    from bench.lastdaten import SLUG_PRAEFIX
    from bench.lastdaten.quartiere import BENUTZER_PRAEFIX, LEITUNG
    from oeffentlichkeit.services import aktueller_fonds
    from projekte.models import Fondsantrag, Projekt
    from quartiere.models import Quartier

    lastquartiere = Quartier.objects.filter(slug__startswith=SLUG_PRAEFIX)
    if not lastquartiere.exists():
        raise LookupError("Keine Lastdaten: zuerst `manage.py lastdaten` ausführen.")
    gross = list(lastquartiere.annotate(n=Count("bedarfe")).order_by("-n", "pk")[:qm_anzahl])

    def ziele_im_quartier(q: Quartier) -> dict:
        bedarfe = _zufaellig(Bedarf.objects.filter(quartier=q).only("pk"), 200)
        akteure = _zufaellig(Akteur.objects.filter(quartiere=q).only("pk"), 100)
        return {
            "quartier": q.get_absolute_url(),
            "netzwerk_json": f"{reverse('akteure:netzwerk_json')}?quartier={q.slug}",
            "bedarfe": [reverse("bedarfe:detail", args=[b.pk]) for b in bedarfe],
            "bedarf_status": [reverse("bedarfe:status", args=[b.pk]) for b in bedarfe],
            "akteure": [reverse("akteure:detail", args=[a.pk]) for a in akteure],
            "akteur_bearbeiten": [reverse("akteure:bearbeiten", args=[a.pk]) for a in akteure],
            "projekte": [
                p.get_absolute_url()
                for p in _zufaellig(Projekt.objects.filter(quartiere=q).only("slug"), 100)
            ],
            "antraege": [
                reverse("projekte:antrag_detail", args=[a.pk])
                for a in _zufaellig(Fondsantrag.objects.filter(fonds__quartier=q).only("pk"), 100)
            ],
            "sitzungen": [
                reverse("akteure:sitzung", args=[s.pk])
                for s in _zufaellig(Sitzung.objects.filter(gremium__quartier=q).only("pk"), 100)
            ],
        }

    oeffentlich = []
    for q in lastquartiere.filter(oeffentlich=True).order_by("pk")[:20]:
        if aktueller_fonds(q) is None:
            continue
        projekte = Projekt.objects.filter(quartiere=q, oeffentlich=True).only("slug")
        oeffentlich.append(
            {
                "seite": reverse("oeffentlichkeit:quartier", args=[q.slug]),
                "termine": reverse("oeffentlichkeit:termine", args=[q.slug]),
                "ics": reverse("oeffentlichkeit:termine_ics", args=[q.slug]),
                "feed": reverse("oeffentlichkeit:feed", args=[q.slug]),
                "akteure": reverse("oeffentlichkeit:akteure", args=[q.slug]),
                "antrag": reverse("oeffentlichkeit:antrag", args=[q.slug]),
                "projekte": [
                    reverse("oeffentlichkeit:projekt", args=[q.slug, p.slug])
                    for p in _zufaellig(projekte, 30)
                ],
            }
        )
        if len(oeffentlich) == 10:
            break
    if not oeffentlich:
        raise LookupError(
            "Kein öffentliches Lastquartier mit Stadtteilfonds: Lastdaten neu erzeugen."
        )
    alle = list(lastquartiere.order_by("pk"))
    return {
        "qm": [
            {
                "konto": f"{BENUTZER_PRAEFIX}{q.slug.removeprefix(SLUG_PRAEFIX)}",
                **ziele_im_quartier(q),
            }
            for q in gross
        ],
        "lesend": {"konto": LESEND, **ziele_im_quartier(gross[0])},
        "leitung": {
            "konto": LEITUNG,
            "quartiere": [q.get_absolute_url() for q in random.sample(alle, min(20, len(alle)))],
            "bedarfe": [
                reverse("bedarfe:detail", args=[b.pk])
                for b in _zufaellig(Bedarf.objects.only("pk"), 300)
            ],
        },
        "oeffentlich": oeffentlich,
        "seiten": {
            "anmeldung": reverse("login"),
            "zweiter_faktor": reverse("zwei_faktor_pruefen"),
            "grundlinie": reverse("grundlinie"),
            "start": reverse("quartiere:start"),
            "uebersicht": reverse("berichte:uebersicht"),
            "bedarf_neu": reverse("bedarfe:anlegen"),
            "oeffentlich_uebersicht": reverse("oeffentlichkeit:uebersicht"),
        },
        #: Lists with a filter form; the users read its fields and pick random values.
        "listen": {
            "Bedarfe": reverse("bedarfe:liste"),
            "Weiterleitungen": reverse("bedarfe:weiterleitungen"),
            "Akteure": reverse("akteure:liste"),
            "Gremien": reverse("akteure:gremien"),
            "Aufgaben": reverse("akteure:aufgaben"),
            "Projekte": reverse("projekte:liste"),
            "Termine": reverse("projekte:termine"),
            "Stadtteilfonds": reverse("projekte:fonds"),
        },
        "suchwoerter": SUCHWOERTER,
    }


def konten_vorbereiten(stichprobe: dict) -> dict[str, dict[str, str]]:
    """A fresh random password for each account the users log in with (the load accounts
    have none), hashed with the production hasher, and a TOTP device for each account that
    production obliges to use a second factor (Leitung), so the run logs in the way they do.
    Returns {"passwoerter": username -> password, "totp": username -> hex key}. The Lesend
    account is created on first use and reads the sample's quartier (the biggest one, which
    earlier runs' new needs may have changed). `konten_sperren` takes both away again."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from quartiere.models import Quartier, Zustaendigkeit

    benutzer_model = get_user_model()
    lesend, _neu = benutzer_model.objects.get_or_create(username=LESEND)
    slug = stichprobe["lesend"]["quartier"].rstrip("/").rsplit("/", 1)[-1]
    quartier = Quartier.objects.get(slug=slug)
    Zustaendigkeit.objects.filter(benutzer=lesend).exclude(quartier=quartier).delete()
    Zustaendigkeit.objects.get_or_create(
        benutzer=lesend,
        quartier=quartier,
        defaults={"rolle": Zustaendigkeit.Rolle.LESEND, "von": timezone.localdate()},
    )
    namen = {z["konto"] for z in stichprobe["qm"]} | {LESEND, stichprobe["leitung"]["konto"]}
    passwoerter = {name: secrets.token_urlsafe(24) for name in namen}
    totp = {}
    for konto in benutzer_model.objects.filter(username__in=namen):
        konto.password = make_password(passwoerter[konto.username])
        konto.save(update_fields=["password"])
        if konto.has_perm("quartiersmanagement.zwei_faktor_nutzen"):
            geraet = TOTPDevice.objects.create(user=konto, name=LASTGERAET, confirmed=True)
            totp[konto.username] = geraet.key
    return {"passwoerter": passwoerter, "totp": totp}


def zweiten_faktor_freigeben() -> None:
    """Let the load accounts' devices accept the code of the current 30-s step again, before
    each run. django-otp refuses a code of a step it has accepted before (no replay), and the
    run before may have ended seconds after the Leitung's last login: its first login in the
    next run was refused, and every page of its session after that was an error. Failures of
    the run before no longer slow the login down either (django-otp's throttling)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(name=LASTGERAET).update(
        last_t=-1, throttling_failure_timestamp=None, throttling_failure_count=0
    )


def konten_sperren(konten: dict) -> None:
    """Unusable passwords and no second factor again: a load system holds no known secret
    after a run."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    namen = list(konten["passwoerter"])
    get_user_model().objects.filter(username__in=namen).update(password=make_password(None))
    TOTPDevice.objects.filter(user__username__in=namen, name=LASTGERAET).delete()


# --- Judging --------------------------------------------------------------------------------


@dataclass
class Gruppe:
    """One request group of one run; times in ms, factors as multiples of the floor."""

    name: str
    art: str  # "lesen", "schreiben", "anmeldung" or "grundlinie"
    anzahl: int
    fehler: int
    p50: float
    p95: float
    p99: float
    x50: float = 0.0
    x95: float = 0.0
    verfehlt: list[str] = field(default_factory=list)


def art(name: str) -> str:
    if name == GRUNDLINIE:
        return "grundlinie"
    if name == ANMELDUNG:
        return "anmeldung"
    return "schreiben" if name.startswith(SCHREIBEN) or name == ZWEITER_FAKTOR else "lesen"


def _perzentil(werte: list[float], p: int) -> float:
    if len(werte) < 2:
        return werte[0]
    return statistics.quantiles(werte, n=100, method="inclusive")[p - 1]


def auswerten(roh: list, *, ab: float) -> list[Gruppe]:
    """Per group from Locust's raw records [name, ms, ok, start]: count, errors and
    percentiles of the requests that started at or after `ab` (the end of the warm-up); the
    password and code checks, which mostly happen at the start, count from the first one on,
    and errors from the first request on. The login page counts after the warm-up like every
    page: in the warm-up it waits behind the whole team's password hashing at once (one
    user a second), which a city's staff, arriving over a morning, never cause."""
    zeiten: dict[str, list[float]] = {}
    fehler: dict[str, int] = {}
    for name, ms, ok, start in roh:
        zeiten.setdefault(name, [])
        fehler[name] = fehler.get(name, 0) + (not ok)
        if ok and (start >= ab or name in (ANMELDUNG, ZWEITER_FAKTOR)):
            zeiten[name].append(ms)
    gruppen = []
    for name in sorted(zeiten, key=lambda n: (n != GRUNDLINIE, art(n) == "schreiben", n)):
        werte = zeiten[name] or [0.0]
        gruppen.append(
            Gruppe(
                name=name,
                art=art(name),
                anzahl=len(zeiten[name]),
                fehler=fehler[name],
                p50=round(statistics.median(werte), 1),
                p95=round(_perzentil(werte, 95), 1),
                p99=round(_perzentil(werte, 99), 1),
            )
        )
    return gruppen


def bewerten(gruppen: list[Gruppe], *, mit_cache: bool) -> list[str]:
    """Fill in factors and misses; returns every miss as a German sentence. With the shipped
    settings reads must stay within 3x (p50) and 5x (p95) of the floor and writes within 10x
    (p95); with the cache off no read may pass 10x (p95). No group may have an error; a
    group whose requests all fell into the warm-up counts as not measured, and one with fewer
    than MINDESTANZAHL requests as a miss of its own, without ratios that one request decides."""
    boden = next((g for g in gruppen if g.art == "grundlinie"), None)
    if boden is None or not boden.anzahl:
        return ["Die Grundlinie wurde nicht gemessen."]
    for g in gruppen:
        g.x50 = round(g.p50 / boden.p50, 2) if boden.p50 else 0.0
        g.x95 = round(g.p95 / boden.p95, 2) if boden.p95 else 0.0
        if g.fehler:
            g.verfehlt.append(f"{g.fehler} Fehler")
        if g.art in ("lesen", "schreiben") and not g.anzahl:
            # every request fell into the warm-up: nothing shows that the target was met
            g.verfehlt.append("nicht gemessen")
        elif g.anzahl < MINDESTANZAHL and braucht_mindestanzahl(g.name):
            g.verfehlt.append(f"zu wenige Anfragen ({g.anzahl} < {MINDESTANZAHL})")
        elif g.art == "lesen" and mit_cache:
            if g.x50 > ZIELE["lesen_p50"]:
                g.verfehlt.append(f"p50 {g.x50:g}× > {ZIELE['lesen_p50']:g}×")
            if g.x95 > ZIELE["lesen_p95"]:
                g.verfehlt.append(f"p95 {g.x95:g}× > {ZIELE['lesen_p95']:g}×")
        elif g.art == "lesen" and g.x95 > ZIELE["ohne_cache_lesen_p95"]:
            g.verfehlt.append(f"p95 {g.x95:g}× > {ZIELE['ohne_cache_lesen_p95']:g}×")
        elif g.art == "schreiben" and mit_cache and g.x95 > ZIELE["schreiben_p95"]:
            g.verfehlt.append(f"p95 {g.x95:g}× > {ZIELE['schreiben_p95']:g}×")
    return [f"{g.name}: {grund}" for g in gruppen for grund in g.verfehlt]


def tabelle(gruppen: list[Gruppe]) -> str:
    """The printed table of one run: one line per group, "ok" or "verfehlt" with the reason.
    The login is reported without a ratio target: it checks a password with the deliberately
    slow production hasher."""
    breite = max(len(g.name) for g in gruppen)
    zeilen = [
        f"{'Gruppe':<{breite}} {'Anz.':>6} {'Fehler':>6} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'×p50':>6} {'×p95':>6}  Ziel"
    ]
    for g in gruppen:
        if g.verfehlt:
            urteil = "verfehlt: " + "; ".join(g.verfehlt)
        elif g.art in ("lesen", "schreiben") and g.anzahl:
            urteil = "ok"
        else:
            urteil = "–"
        zeilen.append(
            f"{g.name:<{breite}} {g.anzahl:>6} {g.fehler:>6} {g.p50:>8.1f} {g.p95:>8.1f} "
            f"{g.p99:>8.1f} {g.x50:>6.2f} {g.x95:>6.2f}  {urteil}"
        )
    return "\n".join(zeilen)


# --- Server --------------------------------------------------------------------------------


#: gunicorn's access log line: time, server time in ms, method, path and query, status.
ZUGRIFFSPROTOKOLL = "%(t)s %(M)sms %(m)s %(U)s?%(q)s %(s)s"


class Gunicorn:
    """gunicorn with the settings of the calling environment (plus `umgebung`) on
    127.0.0.1:`port`; as a context manager it waits for /healthz/ and stops the server on exit."""

    def __init__(self, *, port: int, worker: int, protokoll: Path, umgebung: dict | None = None):
        self.port, self.worker, self.protokoll = port, worker, protokoll
        self.umgebung = {**os.environ, **(umgebung or {})}
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
                # Each request's server time and address in the log: where the outliers of
                # a group come from (docs/performance.md).
                "--access-logfile",
                "-",
                "--access-logformat",
                ZUGRIFFSPROTOKOLL,
                "--logger-class",
                "quartiersmanagement.gunicorn_logging.MaskingLogger",
            ],
            cwd=settings.BASE_DIR,
            env=self.umgebung,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        try:
            self._warten_bis_bereit()
        except BaseException:
            self.__exit__()
            raise
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
            self.prozess.wait()
        self._log.close()


class RedisServer:
    """Debian's redis-server on 127.0.0.1:`port` without persistence (scripts/systempakete.sh
    installs it), for the benchmark and the test of several app servers; as a context
    manager it waits until Redis answers and stops it on exit."""

    def __init__(self, *, port: int, ordner: Path):
        self.port, self.ordner = port, ordner
        self.url = f"redis://127.0.0.1:{port}/0"
        self.prozess: subprocess.Popen | None = None

    def __enter__(self):
        import redis

        self.ordner.mkdir(parents=True, exist_ok=True)
        self.prozess = subprocess.Popen(  # noqa: S603 - fixed argv
            [  # noqa: S607 - Debian's redis-server from PATH
                "redis-server",
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.ordner)),
            ],
            stdout=subprocess.DEVNULL,
        )
        verbindung = redis.Redis(host="127.0.0.1", port=self.port)
        ende = time.monotonic() + 20
        while True:
            try:
                verbindung.ping()
                return self
            except redis.ConnectionError:
                if time.monotonic() > ende or self.prozess.poll() is not None:
                    self.__exit__()
                    raise RuntimeError("redis-server antwortet nicht") from None
                time.sleep(0.1)

    def __exit__(self, *exc):
        self.prozess.terminate()
        self.prozess.wait(timeout=10)


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
    from akteure.models import Akteur, Beziehung, Person, Sitzung
    from bedarfe.models import Bedarf, Bedarfsereignis, Weiterleitung
    from projekte.models import Fondsantrag, Projekt, Termin
    from quartiere.models import Quartier

    modelle = [Quartier, Bedarf, Bedarfsereignis, Weiterleitung, Akteur, Person, Beziehung]
    modelle += [Sitzung, Projekt, Termin, Fondsantrag]
    return {m._meta.label: m.objects.count() for m in modelle}
