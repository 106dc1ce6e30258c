"""Load the demo data of every app, in layer order, and print the demo logins.

Each app keeps its own part in `<app>/demo.py` and registers it in its AppConfig
(`quartiersmanagement.demo_data`); this command only runs what was registered.
Idempotent: running it twice changes nothing and creates no duplicates.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from quartiersmanagement import demo_data


class Command(BaseCommand):
    help = "Lädt die Demodaten (Aachener Quartiere, Programme, Demo-Zugänge). Mehrfach ausführbar."

    def add_arguments(self, parser):
        parser.add_argument(
            "--passwort",
            default="quartier-demo",
            help="Passwort der neu angelegten Demo-Zugänge (Standard: quartier-demo).",
        )
        parser.add_argument(
            "--erzwingen",
            action="store_true",
            help="Auch ohne DEBUG laden (nur für Test- und Schulungssysteme).",
        )

    def handle(self, *args, passwort, erzwingen, **options):
        if not settings.DEBUG and not erzwingen:
            raise CommandError(
                "Demodaten werden nur mit DEBUG=true geladen; "
                "für ein Schulungssystem --erzwingen angeben."
            )
        logins = demo_data.load_all(passwort=passwort)
        self.stdout.write(self.style.SUCCESS("Demodaten geladen."))
        self.stdout.write(f"Demo-Zugänge (Passwort für neu angelegte Zugänge: {passwort}):")
        for username, beschreibung in logins.items():
            self.stdout.write(f"  {username:<14} {beschreibung}")
