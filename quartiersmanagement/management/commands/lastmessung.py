"""`make bench`: measure the pages of quartiersmanagement.lastmessung under load.

Starts gunicorn with the environment's (production) settings, or measures a running server
with `--server`; prints the table, writes bench/results.json and fails when a target is missed.
"""

import json
import os
import platform
import subprocess
from dataclasses import asdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from quartiersmanagement import lastmessung as lm


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
        "Misst Antwortzeiten unter Last (make bench) auf Lastdaten: startet gunicorn mit "
        "Produktionseinstellungen, schreibt bench/results.json und prüft die Zielwerte."
    )

    def add_arguments(self, parser):
        parser.add_argument("--anfragen", type=int, default=200, help="Anfragen je Seite")
        parser.add_argument("--parallel", type=int, default=8, help="gleichzeitige Verbindungen")
        parser.add_argument("--worker", type=int, default=2, help="gunicorn-Worker")
        parser.add_argument("--laeufe", type=int, default=3, help="Läufe je Export/Bericht")
        parser.add_argument(
            "--gesamt",
            type=int,
            default=10_000,
            help="Anfragen insgesamt, bevor der Speicher der Worker gemessen wird",
        )
        parser.add_argument(
            "--server",
            metavar="HOST:PORT",
            help="einen laufenden Server messen statt gunicorn zu starten (ohne Speichermessung)",
        )
        parser.add_argument(
            "--ausgabe", default=str(Path(settings.BASE_DIR) / "bench" / "results.json")
        )

    def handle(self, *args, **optionen):
        try:
            ziele = lm.messziele()
        except LookupError as fehler:
            raise CommandError(str(fehler)) from None
        if optionen["server"]:
            host, _, port = optionen["server"].rpartition(":")
            ergebnis = self._messen(ziele, host, int(port), None, optionen)
        else:
            if settings.DEBUG:
                raise CommandError(
                    "Gemessen wird mit Produktionseinstellungen: DEBUG=false setzen."
                )
            port = lm.freier_port()
            protokoll = Path(optionen["ausgabe"]).with_name("gunicorn.log")
            with lm.Gunicorn(port=port, worker=optionen["worker"], protokoll=protokoll) as server:
                ergebnis = self._messen(ziele, "127.0.0.1", port, server, optionen)
        Path(optionen["ausgabe"]).parent.mkdir(parents=True, exist_ok=True)
        Path(optionen["ausgabe"]).write_text(json.dumps(ergebnis, indent=2, ensure_ascii=False))
        self.stdout.write(f"\nErgebnis gespeichert in {optionen['ausgabe']}")
        if ergebnis["verfehlt"]:
            raise CommandError("Zielwerte verfehlt:\n  " + "\n  ".join(ergebnis["verfehlt"]))
        self.stdout.write(self.style.SUCCESS("Alle Zielwerte eingehalten."))

    def _messen(self, ziele, host, port, server, optionen) -> dict:
        konten = {z.konto for z in ziele if z.konto}
        client = lm.Client(host, port, {konto: lm.sitzung_fuer(konto) for konto in konten})
        seitenziele = [z for z in ziele if not z.einzeln]
        pids_vorher = server.worker_pids() if server else []
        seiten = []
        for ziel in seitenziele:
            seiten.append(
                lm.seite_messen(
                    client, ziel, anfragen=optionen["anfragen"], parallel=optionen["parallel"]
                )
            )
            if ziel.ohne_seq_scan:
                sitzung = client.sitzungen.get(ziel.konto) if ziel.konto else None
                seiten[-1].seq_scans = lm.sequentielle_scans(ziel, sitzung)
            self.stdout.write(f"  {ziel.name}: p50 {seiten[-1].p50_ms} ms")
        einzeln = [
            lm.einzeln_messen(client, z, laeufe=optionen["laeufe"]) for z in ziele if z.einzeln
        ]
        verfehlt = lm.bewerten(seiten, einzeln)
        speicher = {}
        if server:
            fehler = lm.auffuellen(
                client, seitenziele, bis=optionen["gesamt"], parallel=optionen["parallel"]
            )
            rss = server.rss_mb()
            speicher = {
                "anfragen_insgesamt": client.anzahl,
                "fehler_beim_auffuellen": fehler,
                "worker_rss_mb": rss,
                "worker_neu_gestartet": sorted(rss) != sorted(pids_vorher),
            }
            verfehlt += lm.speicher_bewerten(rss)
            if fehler:
                verfehlt.append(f"{fehler} Fehlerantworten beim Auffüllen")
            if speicher["worker_neu_gestartet"]:
                verfehlt.append("Worker wurden während der Messung neu gestartet")
        self.stdout.write("\n" + lm.tabelle(seiten, einzeln))
        if speicher:
            self.stdout.write(
                f"\nSpeicher nach {speicher['anfragen_insgesamt']} Anfragen: "
                + ", ".join(
                    f"Worker {pid} {mb:g} MB" for pid, mb in speicher["worker_rss_mb"].items()
                )
            )
        return {
            "zeitpunkt": timezone.now().isoformat(timespec="seconds"),
            "commit": _commit(),
            "rechner": {
                "cpus": len(os.sched_getaffinity(0)),
                "python": platform.python_version(),
                "postgresql": connection.pg_version,
            },
            "einstellungen": {
                k: optionen[k] for k in ("anfragen", "parallel", "worker", "laeufe", "gesamt")
            },
            "ziele": lm.ZIELE,
            "mengen": lm.mengen(),
            "seiten": [asdict(s) for s in seiten],
            "einzeln": [asdict(e) for e in einzeln],
            "speicher": speicher,
            "verfehlt": verfehlt,
        }
