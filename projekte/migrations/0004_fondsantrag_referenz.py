"""Every application gets a random reference number SF-<year>-<6 signs> (paper and online)."""

import secrets

from django.db import migrations, models

import projekte.models

ZEICHEN = "ACDEFGHJKLMNPQRTUVWXY3469"


def referenzen_vergeben(apps, schema_editor):
    Fondsantrag = apps.get_model("projekte", "Fondsantrag")
    vergeben = set()
    for antrag in Fondsantrag.objects.filter(referenz__isnull=True).only("pk", "eingegangen_am"):
        while True:
            referenz = f"SF-{antrag.eingegangen_am.year}-" + "".join(
                secrets.choice(ZEICHEN) for _ in range(6)
            )
            if referenz not in vergeben:
                break
        vergeben.add(referenz)
        Fondsantrag.objects.filter(pk=antrag.pk).update(referenz=referenz)


class Migration(migrations.Migration):
    dependencies = [
        ("projekte", "0003_projekt_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="fondsantrag",
            name="referenz",
            field=models.CharField(editable=False, max_length=20, null=True),
        ),
        migrations.RunPython(referenzen_vergeben, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="fondsantrag",
            name="referenz",
            field=models.CharField(
                default=projekte.models.neue_referenz,
                editable=False,
                help_text="SF-<Jahr>-<6 Zeichen>, zufällig: verrät nicht, wie viele Anträge es gibt.",
                max_length=20,
                unique=True,
                verbose_name="Vorgangsnummer",
            ),
        ),
        migrations.AddField(
            model_name="historicalfondsantrag",
            name="referenz",
            field=models.CharField(
                db_index=True,
                default=projekte.models.neue_referenz,
                editable=False,
                help_text="SF-<Jahr>-<6 Zeichen>, zufällig: verrät nicht, wie viele Anträge es gibt.",
                max_length=20,
                verbose_name="Vorgangsnummer",
            ),
        ),
    ]
