"""A Gremium's decision on a fund application is a Beschluss of its meeting (issue 17): every
application decided in a meeting gets one, with the votes it had (Stimmabgabe becomes Stimme),
then the application's own meeting link and vote table go. Backwards only the schema returns."""

import django.db.models.deletion
from django.db import migrations, models

ERGEBNIS = {"abgelehnt": "abgelehnt"}  # every other decided status was a grant


def beschluesse_anlegen(apps, schema_editor):
    Fondsantrag = apps.get_model("projekte", "Fondsantrag")
    Stimmabgabe = apps.get_model("projekte", "Stimmabgabe")
    Beschluss = apps.get_model("akteure", "Beschluss")
    Stimme = apps.get_model("akteure", "Stimme")
    for antrag in Fondsantrag.objects.filter(sitzung__isnull=False).order_by("pk"):
        stimmen = list(Stimmabgabe.objects.filter(antrag_id=antrag.pk))
        zahl = {w: sum(1 for s in stimmen if s.stimme == w) for w in ("ja", "nein", "enthaltung")}
        abstimmend = sum(zahl.values())
        betrag = antrag.betrag_bewilligt or antrag.betrag_beantragt
        beschluss = Beschluss.objects.create(
            sitzung_id=antrag.sitzung_id,
            text=f"Fondsantrag {antrag.referenz} „{antrag.titel}“: Bewilligung von {betrag} €",
            ja=zahl["ja"],
            nein=zahl["nein"],
            enthaltung=zahl["enthaltung"],
            anwesende=abstimmend,
            stimmberechtigte=len(stimmen),
            ergebnis=ERGEBNIS.get(antrag.status, "angenommen"),
        )
        Stimme.objects.bulk_create(
            Stimme(beschluss=beschluss, mitgliedschaft_id=s.mitgliedschaft_id, wert=s.stimme)
            for s in stimmen
        )
        Fondsantrag.objects.filter(pk=antrag.pk).update(beschluss=beschluss)


class Migration(migrations.Migration):
    dependencies = [
        ("akteure", "0012_kalendertoken_als_hash"),
        ("projekte", "0012_fondsantrag_anrede_organisation"),
    ]

    operations = [
        migrations.AddField(
            model_name="fondsantrag",
            name="beschluss",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="fondsantrag",
                to="akteure.beschluss",
                verbose_name="Beschluss des Gremiums",
            ),
        ),
        migrations.AddField(
            model_name="historicalfondsantrag",
            name="beschluss",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="akteure.beschluss",
                verbose_name="Beschluss des Gremiums",
            ),
        ),
        migrations.RunPython(beschluesse_anlegen, migrations.RunPython.noop),
        migrations.RemoveField(model_name="stimmabgabe", name="antrag"),
        migrations.RemoveField(model_name="stimmabgabe", name="mitgliedschaft"),
        migrations.RemoveField(model_name="fondsantrag", name="sitzung"),
        migrations.RemoveField(model_name="historicalfondsantrag", name="sitzung"),
        migrations.DeleteModel(name="HistoricalStimmabgabe"),
        migrations.DeleteModel(name="Stimmabgabe"),
    ]
