"""Generate city-scale load data (`--skalierung 1`: about 100 quartiers, 200,000 needs …).

Each app's generator is `bench/lastdaten/<app>.py`; this command only checks the arguments,
runs them in layer order inside one transaction and prints the counts and the time taken.
A second run is refused (the generated quartiers already exist; use a fresh database) unless
`--vorhandene-behalten` asks to keep them, as `make bench` does. The planner statistics are
refreshed afterwards, so the first queries on the new data get good plans.
"""

import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from bench.lastdaten import SLUG_PRAEFIX, akteure, bedarfe, projekte, quartiere
from quartiere.models import Quartier

#: Layer order: later generators use the rows of the earlier ones.
GENERATOREN = [quartiere, akteure, bedarfe, projekte]
SEED = 2026


def skalierung(wert: str) -> float:
    from argparse import ArgumentTypeError

    try:
        zahl = float(wert)
    except ValueError:
        raise ArgumentTypeError(f"„{wert}“ ist keine Zahl.") from None
    if not zahl > 0 or zahl == float("inf"):
        raise ArgumentTypeError("Die Skalierung muss eine Zahl größer als 0 sein.")
    return zahl


class Command(BaseCommand):
    help = (
        "Erzeugt Lastdaten in Stadtgröße (Skalierung 1: etwa 100 Quartiere, 200.000 Bedarfe, "
        "50.000 Akteure, 20.000 Projekte). Nur einmal je Datenbank."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skalierung",
            type=skalierung,
            default=1.0,
            help="Faktor für alle Mengen, z. B. 0.01 für Tests (Standard: 1).",
        )
        parser.add_argument(
            "--vorhandene-behalten",
            action="store_true",
            help="Vorhandene Lastdaten behalten und nichts erzeugen, statt abzubrechen.",
        )
        parser.add_argument(
            "--erzwingen",
            action="store_true",
            help="Auch ohne DEBUG erzeugen (nur für Last- und Testsysteme).",
        )

    def handle(self, *args, skalierung, erzwingen, vorhandene_behalten, **options):
        if not settings.DEBUG and not erzwingen:
            raise CommandError(
                "Lastdaten werden nur mit DEBUG=true erzeugt; "
                "für ein Lasttestsystem --erzwingen angeben."
            )
        if Quartier.objects.filter(slug__startswith=SLUG_PRAEFIX).exists():
            if vorhandene_behalten:
                self.stdout.write("Lastdaten sind schon vorhanden; nichts erzeugt.")
                return
            raise CommandError(
                "Es gibt schon Lastdaten in dieser Datenbank; "
                "bitte eine frische Datenbank verwenden."
            )
        start = time.monotonic()
        zufall = random.Random(SEED)  # noqa: S311 - load data, not security
        zahlen: dict[str, int] = {}
        with transaction.atomic():
            for generator in GENERATOREN:
                zahlen.update(generator.erzeugen(skalierung=skalierung, zufall=zufall))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        dauer = time.monotonic() - start
        for modell, anzahl in zahlen.items():
            self.stdout.write(f"  {modell:<28} {anzahl:>9}")
        self.stdout.write(
            self.style.SUCCESS(f"Lastdaten (Skalierung {skalierung:g}) in {dauer:.1f} s erzeugt.")
        )
