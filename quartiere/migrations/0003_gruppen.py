"""The three staff groups. Rights per quartier come from Zustaendigkeit; the Leitung group
reads every quartier (see quartiere/rules.py)."""

from django.db import migrations

GRUPPEN = ("Quartiersmanagement", "Leitung", "Lesend")


def anlegen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GRUPPEN:
        Group.objects.get_or_create(name=name)


def entfernen(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GRUPPEN).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quartiere", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(anlegen, entfernen)]
