"""Seed the four relation types of the QM concept; admins may add their own."""

from django.db import migrations

ARTEN = [
    (1, "Kooperation", "Zusammenarbeit zweier Akteure."),
    (2, "Mitglied in", "Der Akteur ist Mitglied des anderen (z. B. eines Verbands)."),
    (3, "Träger von", "Der Akteur trägt die andere Einrichtung."),
    (4, "Förderer", "Der Akteur fördert den anderen finanziell oder ideell."),
]


def anlegen(apps, schema_editor):
    Beziehungsart = apps.get_model("akteure", "Beziehungsart")
    for sortierung, name, beschreibung in ARTEN:
        Beziehungsart.objects.get_or_create(
            name=name, defaults={"beschreibung": beschreibung, "sortierung": sortierung}
        )


def entfernen(apps, schema_editor):
    Beziehungsart = apps.get_model("akteure", "Beziehungsart")
    Beziehungsart.objects.filter(
        name__in=[name for _, name, _ in ARTEN], beziehungen__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("akteure", "0001_initial")]

    operations = [migrations.RunPython(anlegen, entfernen)]
