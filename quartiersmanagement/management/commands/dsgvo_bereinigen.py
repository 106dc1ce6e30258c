"""Erase personal data that is due (Art. 17 DSGVO): for cron, dry run by default."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from quartiersmanagement import dsgvo


class Command(BaseCommand):
    help = (
        "Anonymisiert personenbezogene Daten, deren Löschdatum erreicht oder deren Einwilligung "
        "widerrufen ist (samt Verlauf). Ohne --ausfuehren nur ein Bericht (Probelauf)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--ausfuehren", action="store_true", help="Wirklich anonymisieren statt nur berichten."
        )

    def handle(self, *args, ausfuehren, **options):
        stichtag = timezone.localdate()
        modus = "Ausführung" if ausfuehren else "Probelauf (nichts geändert)"
        self.stdout.write(f"DSGVO-Bereinigung zum {stichtag:%d.%m.%Y} – {modus}")
        gesamt = 0
        with transaction.atomic():
            for bereinigung in dsgvo.bereinigungen():
                zeilen = bereinigung.ausfuehren(stichtag, ausfuehren)
                gesamt += len(zeilen)
                self.stdout.write(f"{bereinigung.bezeichnung}: {len(zeilen)}")
                for zeile in zeilen:
                    self.stdout.write(f"  - {zeile}")
        if not ausfuehren and gesamt:
            self.stdout.write("Zum Anwenden: manage.py dsgvo_bereinigen --ausfuehren")
