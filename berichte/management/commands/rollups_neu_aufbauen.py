"""Recount the rollups of the city-wide figures from the base tables (after a restore)."""

from django.core.management.base import BaseCommand

from berichte import rollups


class Command(BaseCommand):
    help = "Zählt die Rollups der stadtweiten Kennzahlen neu aus den Grunddaten."

    def handle(self, *args, **options):
        rollups.neu_aufbauen()
        self.stdout.write(self.style.SUCCESS("Rollups neu gezählt."))
