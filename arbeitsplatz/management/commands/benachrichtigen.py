"""Cron job: mail staff the new entries of their "Heute" page (into the outbox).

Crontab (docs/betrieb.md): every 5 minutes `manage.py benachrichtigen` (who wants mail
immediately), once in the morning `manage.py benachrichtigen --taeglich` (the digest).
"""

from django.core.management.base import BaseCommand

from arbeitsplatz import services


class Command(BaseCommand):
    help = "Meldet neue Einträge der Seite „Heute“ per E-Mail (sofort oder täglich gesammelt)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--taeglich", action="store_true", help="Auch die tägliche Zusammenfassung senden."
        )

    def handle(self, *args, **options):
        anzahl = services.benachrichtigen(taeglich=options["taeglich"])
        self.stdout.write(f"{anzahl} Benachrichtigung(en) in den Postausgang gelegt.")
