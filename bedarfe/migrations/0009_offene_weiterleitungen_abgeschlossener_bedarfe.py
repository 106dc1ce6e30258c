"""Forwards of needs that were closed or merged before closing ended them stayed open: they
were overdue in the lists, figures and reminders. Withdraw them now (no e-mail), with a note on
the timeline. Reversing leaves them withdrawn (nothing to restore that anyone relies on)."""

from django.db import migrations
from django.utils import timezone

ABGESCHLOSSEN = ["erledigt", "nicht_umsetzbar", "zusammengefuehrt"]
GRUND = "Der Bedarf war bereits abgeschlossen; Weiterleitung nachträglich beendet."


def zurueckziehen(apps, schema_editor):
    Weiterleitung = apps.get_model("bedarfe", "Weiterleitung")
    Bedarfsereignis = apps.get_model("bedarfe", "Bedarfsereignis")
    offen = Weiterleitung.objects.filter(
        beantwortet_am__isnull=True,
        zurueckgezogen_am__isnull=True,
        bedarf__status__in=ABGESCHLOSSEN,
    )
    jetzt = timezone.now()
    Bedarfsereignis.objects.bulk_create(
        Bedarfsereignis(
            bedarf_id=bedarf_id,
            art="zurueckgezogen",
            zeitpunkt=jetzt,
            kommentar=GRUND,
            weiterleitung_id=pk,
        )
        for pk, bedarf_id in offen.values_list("pk", "bedarf_id")
    )
    offen.update(ergebnis="zurueckgezogen", zurueckgezogen_am=jetzt, rueckzugsgrund=GRUND)


class Migration(migrations.Migration):
    dependencies = [("bedarfe", "0008_weiterleitung_zurueckziehen_erinnern_gelesen")]

    operations = [migrations.RunPython(zurueckziehen, migrations.RunPython.noop)]
