"""Cron job: remind departments of overdue forwards (at most one reminder per forward a day).

Example crontab line: `15 7 * * 1-5 cd /srv/qm && .venv/bin/python manage.py erinnerungen_senden`
"""

from django.core.management.base import BaseCommand

from bedarfe.weiterleitungen import nachhalten


class Command(BaseCommand):
    help = "Sendet je überfälliger, offener Weiterleitung höchstens eine Erinnerung am Tag."

    def handle(self, *args, **options):
        anzahl = nachhalten.erinnerungen_senden()
        self.stdout.write(f"{anzahl} Erinnerung(en) gesendet.")
