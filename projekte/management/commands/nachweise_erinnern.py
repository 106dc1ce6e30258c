"""Remind applicants of overdue proofs of use (Verwendungsnachweise); run daily from cron.

Idempotent per day: an application is reminded at most once on the same date.
"""

from django.core.management.base import BaseCommand

from projekte.fonds import services


class Command(BaseCommand):
    help = "Erinnert an überfällige Verwendungsnachweise des Stadtteilfonds (einmal je Tag)."

    def handle(self, *args, **options):
        anzahl = services.nachweise_erinnern()
        self.stdout.write(f"{anzahl} Erinnerung(en) verschickt.")
