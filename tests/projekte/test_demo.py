"""The demo data of projects and funds: every state, consistent sums, idempotent."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Sum

from projekte.fonds import selectors as fonds_selectors
from projekte.models import Fondsantrag, Projekt, Stadtteilfonds
from quartiere.models import Quartier

pytestmark = pytest.mark.django_db


def _zaehlen():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label == "projekte" and "Historical" not in m.__name__
    }


def test_demo_zweimal_ohne_duplikate_mit_allen_zustaenden(settings):
    settings.DEBUG = True
    call_command("demo_daten")
    vorher = _zaehlen()
    call_command("demo_daten")
    assert _zaehlen() == vorher
    assert set(Projekt.objects.values_list("status", flat=True)) == set(Projekt.Status.values)
    assert set(Fondsantrag.objects.values_list("status", flat=True)) == set(
        Fondsantrag.Status.values
    )
    assert Stadtteilfonds.objects.count() == Quartier.objects.count()
    # Above the threshold the Gremium decided: a Beschluss with the applicant biased.
    assert Fondsantrag.objects.filter(
        beschluss__ergebnis="angenommen", beschluss__stimmen__wert="befangen"
    ).exists()
    assert fonds_selectors.ueberfaellige_nachweise().exists()


def test_demo_summen_der_fonds_stimmen_mit_dem_journal(settings):
    settings.DEBUG = True
    call_command("demo_daten")
    for fonds in Stadtteilfonds.objects.all():
        bewilligt = fonds.antraege.filter(status__in=Fondsantrag.BEWILLIGTE).aggregate(
            s=Sum("betrag_bewilligt")
        )["s"]
        assert fonds.bewilligt_summe == bewilligt
        for antrag in fonds.antraege.all():
            gezahlt = antrag.buchungen.filter(art="auszahlung").aggregate(s=Sum("betrag"))["s"]
            assert antrag.ausgezahlt_summe == (gezahlt or 0)


def test_demo_zeigt_schlussabrechnungen_in_jedem_fall(settings):
    settings.DEBUG = True
    call_command("demo_daten")
    # Aachen-Nord is the busiest demo quartier: it has every kind of settlement.
    antraege = Fondsantrag.objects.filter(fonds__quartier__name="Aachen-Nord")
    rest = antraege.get(titel="Seniorencafé: Geschirr")
    assert rest.status == "abgerechnet" and rest.offen_auszuzahlen == Decimal("140.00")
    rueck = antraege.get(titel="Stadtteilzeitung: Druck")
    assert rueck.status == "abgerechnet" and rueck.offen_zurueckzuzahlen == Decimal("12.40")
    gleich = antraege.get(titel="Lesepaten: Bücherkiste")
    assert gleich.status == "abgeschlossen" and gleich.saldo_null
    bezahlt = antraege.get(titel="Kinderflohmarkt: Tische")
    assert bezahlt.status == "abgeschlossen" and bezahlt.zurueckgezahlt_summe == Decimal("12.40")
