"""Delete contact persons whose deletion date has come (run daily from cron)."""

from django.core.management.base import BaseCommand

from akteure import services


class Command(BaseCommand):
    help = "Löscht Personen, deren Löschdatum erreicht ist, samt Historie ihrer Daten."

    def handle(self, *args, **options):
        anzahl = services.personen_loeschen_faellige()
        self.stdout.write(f"{anzahl} Person(en) gelöscht.")
