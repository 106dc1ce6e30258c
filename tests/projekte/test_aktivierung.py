"""Activation figures and the quartier page section, computed in the database."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from projekte import selectors, services
from projekte.models import Termin
from tests import factories

pytestmark = pytest.mark.django_db


def test_aktivierung_je_jahr_ohne_abgesagte_termine(quartier):
    kinder = factories.ZielgruppeFactory(name="Kinder")
    eltern = factories.ZielgruppeFactory(name="Eltern")
    jetzt = timezone.now()
    t1 = factories.TerminFactory(quartier=quartier, ehrenamtliche=2, ehrenamtsstunden=5)
    factories.TeilnahmeFactory(termin=t1, zielgruppe=kinder, anzahl=10)
    factories.TeilnahmeFactory(termin=t1, zielgruppe=eltern, anzahl=4)
    vorjahr = factories.TerminFactory(
        quartier=quartier, beginn=jetzt - datetime.timedelta(days=400), ehrenamtliche=1
    )
    factories.TeilnahmeFactory(termin=vorjahr, zielgruppe=kinder, anzahl=7)
    abgesagt = factories.TerminFactory(quartier=quartier, abgesagt=True, ehrenamtliche=9)
    factories.TeilnahmeFactory(termin=abgesagt, zielgruppe=kinder, anzahl=99)

    gesamt = selectors.aktivierung(Termin.objects.filter(quartier=quartier))
    assert gesamt == {
        "termine": 2,
        "teilnehmende": 21,
        "ehrenamtliche": 3,
        "ehrenamtsstunden": Decimal("5.00"),
    }
    je_jahr = selectors.aktivierung_je_jahr(Termin.objects.filter(quartier=quartier))
    assert [(z["jahr"], z["termine"], z["teilnehmende"]) for z in je_jahr] == [
        (t1.beginn.year, 1, 14),
        (vorjahr.beginn.year, 1, 7),
    ]


@pytest.mark.parametrize("anzahl", [5, 200])
def test_quartierabschnitt_mit_drei_abfragen(quartier, qm, django_assert_num_queries, anzahl):
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("3000"))
    antrag = services.antrag_pruefen(antrag=factories.FondsantragFactory(fonds=fonds), von=qm)
    services.antrag_bewilligen(antrag=antrag, von=qm, betrag="300")
    services.auszahlung_buchen(antrag=antrag, von=qm, betrag="100")
    for i in range(anzahl):
        factories.ProjektFactory(quartiere=[quartier], status=["idee", "planung"][i % 2])
    for _ in range(anzahl):
        factories.TeilnahmeFactory(termin__quartier=quartier, anzahl=2)
    factories.ProjektFactory(quartiere=[quartier, factories.QuartierFactory()], status="idee")
    factories.ProjektFactory(status="idee")  # another quartier's
    with django_assert_num_queries(3):
        daten = selectors.quartier_abschnitt(qm, quartier)
    zahlen = {z["status"]: z["anzahl"] for z in daten["projekte_je_status"]}
    assert zahlen["idee"] + zahlen["planung"] == anzahl + 1 and zahlen["umsetzung"] == 0
    assert daten["aktivierung"]["termine"] == anzahl
    assert daten["aktivierung"]["teilnehmende"] == 2 * anzahl
    assert daten["fonds"]["verfuegbar"] == Decimal("2700.00")
    assert daten["fonds"]["ausgezahlt"] == Decimal("100.00")


def test_quartierabschnitt_ohne_fonds_und_ohne_termine(quartier, qm):
    factories.ProjektFactory(quartiere=[quartier], status="umsetzung")
    factories.ProjektFactory(status="umsetzung")  # another quartier
    letztes_jahr = timezone.now().replace(month=6, day=1) - datetime.timedelta(days=365)
    factories.TerminFactory(quartier=quartier, beginn=letztes_jahr, ehrenamtliche=4)
    factories.StadtteilfondsFactory(quartier=quartier, jahr=timezone.localdate().year - 1)
    daten = selectors.quartier_abschnitt(qm, quartier)
    assert [z["anzahl"] for z in daten["projekte_je_status"]] == [0, 0, 1, 0, 0]
    assert daten["aktivierung"] == {
        "termine": 0,
        "teilnehmende": 0,
        "ehrenamtliche": 0,
        "ehrenamtsstunden": Decimal("0"),
    }
    assert daten["fonds"] is None


def test_quartierabschnitt_zaehlt_termine_des_jahres_ab_neujahr_ortszeit(quartier, qm):
    jahr = timezone.localdate().year
    tz = timezone.get_current_timezone()
    factories.TerminFactory(
        quartier=quartier, beginn=datetime.datetime(jahr, 1, 1, 0, 30, tzinfo=tz), ehrenamtliche=1
    )
    factories.TerminFactory(
        quartier=quartier,
        beginn=datetime.datetime(jahr - 1, 12, 31, 23, 30, tzinfo=tz),
        ehrenamtliche=5,
    )
    daten = selectors.quartier_abschnitt(qm, quartier)
    assert daten["aktivierung"]["termine"] == 1
    assert daten["aktivierung"]["ehrenamtliche"] == 1
