"""The fund's journal takes over its money: every existing grant becomes a Bewilligung booking
(on its decision date, by whoever decided), every payout an Auszahlung booking; the old payout
table goes (`Auszahlung` is now the journal's payouts). The stored sums are then recomputed from
the journal, so a sum an earlier admin save had made stale is put right before the database
starts to keep them (0011)."""

from django.db import migrations
from django.db.models import Sum

BEWILLIGTE = ["bewilligt", "ausgezahlt", "nachweis_eingereicht", "abgeschlossen"]


def ins_journal(apps, schema_editor):
    Buchung = apps.get_model("projekte", "Buchung")
    Fondsantrag = apps.get_model("projekte", "Fondsantrag")
    Stadtteilfonds = apps.get_model("projekte", "Stadtteilfonds")
    AlteAuszahlung = apps.get_model("projekte", "Auszahlung")
    neu = [
        Buchung(
            fonds_id=a.fonds_id,
            antrag_id=a.pk,
            art="bewilligung",
            betrag=a.betrag_bewilligt,
            datum=a.entschieden_am or a.eingegangen_am,
            gebucht_von_id=a.entschieden_von_id,
            vermerk=a.referenz,
        )
        for a in Fondsantrag.objects.filter(status__in=BEWILLIGTE, betrag_bewilligt__gt=0)
    ]
    neu += [
        Buchung(
            fonds_id=z.antrag.fonds_id,
            antrag_id=z.antrag_id,
            art="auszahlung",
            betrag=z.betrag,
            datum=z.datum,
            gebucht_von_id=z.gebucht_von_id,
            vermerk=z.vermerk,
        )
        for z in AlteAuszahlung.objects.select_related("antrag").order_by("datum", "pk")
    ]
    Buchung.objects.bulk_create(neu, batch_size=2000)
    for fonds in Stadtteilfonds.objects.all():
        summe = Buchung.objects.filter(
            fonds=fonds, art__in=["bewilligung", "aenderung"]
        ).aggregate(s=Sum("betrag"))["s"]
        Stadtteilfonds.objects.filter(pk=fonds.pk).update(bewilligt_summe=summe or 0)
    for antrag in Fondsantrag.objects.exclude(status__in=BEWILLIGTE):
        if antrag.betrag_bewilligt is not None:
            Fondsantrag.objects.filter(pk=antrag.pk).update(betrag_bewilligt=None)


def aus_journal(apps, schema_editor):
    Buchung = apps.get_model("projekte", "Buchung")
    AlteAuszahlung = apps.get_model("projekte", "Auszahlung")
    AlteAuszahlung.objects.bulk_create(
        AlteAuszahlung(
            antrag_id=b.antrag_id,
            betrag=b.betrag,
            datum=b.datum,
            vermerk=b.vermerk,
            gebucht_von_id=b.gebucht_von_id,
        )
        for b in Buchung.objects.filter(art="auszahlung", storno_von__isnull=True)
    )
    Buchung.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("projekte", "0009_buchungsjournal")]

    operations = [
        migrations.RunPython(ins_journal, aus_journal),
        migrations.DeleteModel(
            name='Auszahlung',
        ),
        migrations.DeleteModel(
            name='HistoricalAuszahlung',
        ),
        migrations.CreateModel(
            name='Auszahlung',
            fields=[
            ],
            options={
                'verbose_name': 'Auszahlung',
                'verbose_name_plural': 'Auszahlungen',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('projekte.buchung',),
        ),
    ]
