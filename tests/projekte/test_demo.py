"""The demo data of projects and funds: every state, consistent sums, idempotent."""

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
    assert Fondsantrag.objects.filter(sitzung__isnull=False, stimmen__stimme="ja").exists()
    assert fonds_selectors.ueberfaellige_nachweise().exists()


def test_demo_summen_der_fonds_stimmen_mit_den_antraegen(settings):
    settings.DEBUG = True
    call_command("demo_daten")
    for fonds in Stadtteilfonds.objects.all():
        bewilligt = fonds.antraege.filter(status__in=Fondsantrag.BEWILLIGTE).aggregate(
            s=Sum("betrag_bewilligt")
        )["s"]
        assert fonds.bewilligt_summe == bewilligt
        for antrag in fonds.antraege.all():
            gezahlt = antrag.auszahlungen.aggregate(s=Sum("betrag"))["s"] or 0
            assert antrag.ausgezahlt_summe == gezahlt
