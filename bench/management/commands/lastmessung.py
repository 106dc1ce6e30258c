"""`make bench`: real use under load, measured with Locust (bench/locustfile.py).

Two runs on the same data: first with the environment's (shipped) settings, then with the cache
switched off (`CACHE_URL=dummycache://`). Each run starts gunicorn with production settings,
lets the simulated users of bench/locustfile.py work for `--dauer` seconds and on until every
request group has MINDESTANZAHL requests (bench/gruppen.py; at most twice as long), and judges
every group against the floor of the same run (bench/messung.py). Prints one table per run,
writes bench/ergebnisse/ergebnis.json and fails when a target is missed.
"""

import contextlib
import json
import os
import platform
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from bench import gruppen, messung

ORDNER = Path(settings.BASE_DIR) / "bench" / "ergebnisse"
LOCUSTFILE = Path(__file__).resolve().parents[2] / "locustfile.py"
#: A run lasts at most this many times `--dauer`, however few requests a group has by then.
LAENGSTENS = 2


def _commit() -> str:
    ergebnis = subprocess.run(  # noqa: S603 - fixed argv, read-only git call
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 - git from PATH
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    return ergebnis.stdout.strip()


class Command(BaseCommand):
    help = (
        "Misst Antwortzeiten unter gemischter Last (make bench) mit Locust: Nutzer aller Rollen, "
        "zufällige Filter und Datensätze, etwa 10 % Schreibzugriffe; einmal mit und einmal ohne "
        "Cache. Schreibt bench/ergebnisse/ergebnis.json und prüft die Zielwerte."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dauer",
            type=int,
            default=300,
            help="Sekunden je Lauf, mindestens: danach läuft er, bis jede Gruppe "
            f"{gruppen.MINDESTANZAHL} Anfragen hat, höchstens {LAENGSTENS}-mal so lange",
        )
        parser.add_argument(
            "--aufwaermen", type=int, default=15, help="Sekunden am Anfang, die nicht zählen"
        )
        parser.add_argument("--qm", type=int, default=4, help="Quartiersmanager:innen")
        parser.add_argument("--leitung", type=int, default=1, help="Nutzer:innen der Leitung")
        parser.add_argument("--lesend", type=int, default=1, help="Nutzer:innen mit Leserecht")
        parser.add_argument("--oeffentlich", type=int, default=3, help="anonyme Besucher:innen")
        parser.add_argument("--worker", type=int, default=2, help="gunicorn-Worker")
        parser.add_argument(
            "--nur-mit-cache", action="store_true", help="den Lauf ohne Cache auslassen"
        )
        parser.add_argument(
            "--server",
            metavar="HOST:PORT",
            help="einen laufenden Server auf 127.0.0.1 messen statt gunicorn zu starten "
            "(nur ein Lauf, mit dessen Cache)",
        )
        parser.add_argument("--ausgabe", default=str(ORDNER / "ergebnis.json"))

    def handle(self, *args, **optionen):
        if optionen["server"] and not optionen["server"].startswith(("127.0.0.1:", "localhost:")):
            raise CommandError("Gemessen wird nur auf diesem Rechner (127.0.0.1).")
        if not optionen["server"] and settings.DEBUG:
            raise CommandError("Gemessen wird mit Produktionseinstellungen: DEBUG=false setzen.")
        try:
            stichprobe = messung.stichprobe(qm_anzahl=optionen["qm"])
        except LookupError as fehler:
            raise CommandError(str(fehler)) from None
        ausgabe = Path(optionen["ausgabe"])
        ausgabe.parent.mkdir(parents=True, exist_ok=True)
        konten = messung.konten_vorbereiten(stichprobe)
        with contextlib.ExitStack() as stack:
            stack.callback(messung.konten_sperren, konten)
            stack.callback(ausgabe.with_name("stichprobe.json").unlink, missing_ok=True)
            stichprobe["konten"] = konten
            stichprobe["nutzer"] = {
                "qm": optionen["qm"],
                "leitung": optionen["leitung"],
                "lesend": optionen["lesend"],
                "oeffentlich": optionen["oeffentlich"],
                "grundlinie": 1,
            }
            datei = ausgabe.with_name("stichprobe.json")
            datei.touch(mode=0o600)
            datei.write_text(json.dumps(stichprobe))
            laeufe = [("mit Cache", True, {})]
            if not optionen["server"] and self._eigener_redis_noetig(optionen):
                redis = messung.RedisServer(port=messung.freier_port(), ordner=ORDNER / "redis")
                laeufe = [("mit Cache", True, {"CACHE_URL": redis.url})]
                self.stdout.write(
                    "Der Lauf mit Cache nutzt den für den Betrieb mit mehreren Workern "
                    f"vorgesehenen gemeinsamen Cache: eigener redis-server ({redis.url})."
                )
                stack.enter_context(redis)
            if not optionen["server"] and not optionen["nur_mit_cache"]:
                laeufe.append(("ohne Cache", False, {"CACHE_URL": "dummycache://"}))
            ergebnisse = [
                self._lauf(titel, mit_cache, umgebung, datei, optionen)
                for titel, mit_cache, umgebung in laeufe
            ]
        verfehlt = [f"{e['lauf']}: {grund}" for e in ergebnisse for grund in e["verfehlt"]]
        ausgabe.write_text(
            json.dumps(
                {
                    "zeitpunkt": timezone.now().isoformat(timespec="seconds"),
                    "commit": _commit(),
                    "rechner": {
                        "cpus": len(os.sched_getaffinity(0)),
                        "python": platform.python_version(),
                        "postgresql": connection.pg_version,
                    },
                    "einstellungen": {
                        k: optionen[k]
                        for k in ("dauer", "aufwaermen", "qm", "leitung", "lesend", "oeffentlich")
                        + ("worker",)
                    },
                    "ziele": messung.ZIELE,
                    "mengen": messung.mengen(),
                    "laeufe": ergebnisse,
                    "verfehlt": verfehlt,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        self.stdout.write(f"\nErgebnis gespeichert in {ausgabe}")
        if verfehlt:
            raise CommandError("Zielwerte verfehlt:\n  " + "\n  ".join(verfehlt))
        self.stdout.write(self.style.SUCCESS("Alle Zielwerte eingehalten."))

    def _eigener_redis_noetig(self, optionen) -> bool:
        """Whether the run "mit Cache" needs a cache of its own: the shipped setting is no
        cache (dummycache://), and LocMem is a cache per process (a write advances the versions
        in one worker only, quartiersmanagement/shared_cache.py). Production with several
        workers uses Redis, and so does the measured run."""
        backend = settings.CACHES["default"]["BACKEND"]
        return not backend.endswith("RedisCache") and (
            optionen["worker"] > 1 or backend.endswith("DummyCache")
        )

    def _lauf(self, titel, mit_cache, umgebung, stichprobe_datei, optionen) -> dict:
        rohdaten = stichprobe_datei.with_name(f"roh-{'mit' if mit_cache else 'ohne'}-cache.json")
        cache_url = umgebung.get("CACHE_URL", os.environ.get("CACHE_URL", "dummycache://"))
        mindestens = optionen["dauer"]
        self.stdout.write(f"\n== Lauf {titel}: {mindestens}–{LAENGSTENS * mindestens} s …")
        messung.zweiten_faktor_freigeben()
        if optionen["server"]:
            roh, ab, dauer = self._locust(optionen["server"], stichprobe_datei, rohdaten, optionen)
            rss = {}
        else:
            port = messung.freier_port()
            protokoll = stichprobe_datei.with_name(
                f"gunicorn-{'mit' if mit_cache else 'ohne'}-cache.log"
            )
            with messung.Gunicorn(
                port=port, worker=optionen["worker"], protokoll=protokoll, umgebung=umgebung
            ) as server:
                roh, ab, dauer = self._locust(
                    f"127.0.0.1:{port}", stichprobe_datei, rohdaten, optionen
                )
                rss = server.rss_mb()
        gruppen = messung.auswerten(roh, ab=ab)
        verfehlt = messung.bewerten(gruppen, mit_cache=mit_cache)
        lesend = sum(g.anzahl for g in gruppen if g.art != "grundlinie")
        schreibend = sum(g.anzahl for g in gruppen if g.art == "schreiben")
        anteil = round(100 * schreibend / lesend, 1) if lesend else 0.0
        self.stdout.write(f"\nLauf {titel} ({dauer} s, CACHE_URL={cache_url}):")
        self.stdout.write(messung.tabelle(gruppen))
        self.stdout.write(
            f"Schreibanteil {anteil} % der Anfragen der Nutzer:innen; "
            f"Speicher der Worker: {', '.join(f'{mb:g} MB' for mb in rss.values()) or '–'}"
        )
        return {
            "lauf": titel,
            "cache_url": cache_url,
            "dauer_s": dauer,
            "schreibanteil_prozent": anteil,
            "worker_rss_mb": list(rss.values()),
            "gruppen": [asdict(g) for g in gruppen],
            "verfehlt": verfehlt,
        }

    def _locust(self, server, stichprobe_datei, rohdaten, optionen) -> tuple[list, float, int]:
        """Run Locust; returns its raw records, the end of the warm-up (the same moment for the
        users' minimum count and for the judgment) and the seconds it ran."""
        nutzer = sum(optionen[k] for k in ("qm", "leitung", "lesend", "oeffentlich")) + 1
        rohdaten.unlink(missing_ok=True)
        start = timezone.now().timestamp()
        ab = start + optionen["aufwaermen"]
        ergebnis = subprocess.run(  # noqa: S603 - fixed argv of our own interpreter
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(LOCUSTFILE),
                "--headless",
                "--host",
                f"http://{server}",
                "--users",
                str(nutzer),
                # One new user a second: a team signs in one after another, not all in the
                # same second (a burst queues every page behind the password hashing).
                "--spawn-rate",
                "1",
                # the upper bound; the users end the run when every group has enough
                "--run-time",
                f"{LAENGSTENS * optionen['dauer']}s",
                "--stop-timeout",
                "10",
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=settings.BASE_DIR,
            env={
                **os.environ,
                "BENCH_STICHPROBE": str(stichprobe_datei),
                "BENCH_ROHDATEN": str(rohdaten),
                "BENCH_AB": str(ab),
                "BENCH_FRUEHESTES_ENDE": str(start + optionen["dauer"]),
            },
            capture_output=True,
            text=True,
            check=False,
        )
        if not rohdaten.exists():
            raise CommandError(
                f"Locust hat keine Messwerte geschrieben:\n{ergebnis.stderr[-3000:]}"
            )
        if optionen["verbosity"] > 1:
            self.stdout.write(ergebnis.stdout + ergebnis.stderr)
        fehler = [
            z for z in ergebnis.stdout.splitlines() + ergebnis.stderr.splitlines() if "HTTP " in z
        ]
        for zeile in fehler[:20]:
            self.stdout.write(f"  {zeile.strip()}")
        dauer = round(timezone.now().timestamp() - start)
        return json.loads(rohdaten.read_text()), ab, dauer
