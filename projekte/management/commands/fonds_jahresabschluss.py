"""Book the year end of the Stadtteilfonds of one year (default: last year); run in January from
cron and again whenever a late settlement returned money. Each fund's rule decides: the rest
lapses, or goes over to the next year's fund. Idempotent: with nothing available nothing is
booked."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.utils import timezone

from projekte.fonds import buchen
from projekte.models import Stadtteilfonds


class Command(BaseCommand):
    help = "Bucht den Jahresabschluss der Stadtteilfonds eines Jahres (Verfall oder Übertrag)."

    def add_arguments(self, parser):
        parser.add_argument("--jahr", type=int, help="Jahr der Fonds (Standard: Vorjahr)")

    def handle(self, *args, jahr=None, **options):
        jahr = jahr or timezone.localdate().year - 1
        fehler = 0
        for fonds in Stadtteilfonds.objects.filter(jahr=jahr).select_related("quartier"):
            try:
                gebucht = buchen.fonds_jahresabschluss(fonds=fonds)
            except ValidationError as e:
                fehler += 1
                self.stderr.write(f"{fonds}: {' '.join(e.messages)}")
                continue
            for buchung in gebucht:
                self.stdout.write(f"{buchung.fonds}: {buchung}")
        if fehler:
            raise SystemExit(1)
