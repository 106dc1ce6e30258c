"""Staff members book at the same moment: grants from a fund that can afford only one, a
settlement next to payouts and grants, two final payouts of one rest. The sums stay the
journal's and no invariant breaks."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from projekte.fonds import abrechnen, buchen
from projekte.fonds import services as fonds_services
from projekte.models import Buchung, Fondsantrag, Stadtteilfonds, Verwendungsnachweis
from tests import factories


@pytest.mark.django_db(transaction=True)
def test_gleichzeitige_bewilligungen_ueberziehen_den_fonds_nicht(quartier, qm):
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("500.00"))
    antraege = [
        fonds_services.antrag_pruefen(
            antrag=factories.FondsantragFactory(fonds=fonds, betrag_beantragt=Decimal("400.00")),
            von=qm,
        )
        for _ in range(2)
    ]
    start = threading.Barrier(2)
    ergebnisse = {}

    def bewilligen(antrag):
        try:
            start.wait()
            fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag=Decimal("400.00"))
            ergebnisse[antrag.pk] = "ok"
        except ValidationError as e:
            ergebnisse[antrag.pk] = e.message_dict["betrag_bewilligt"][0]
        finally:
            connections.close_all()  # each thread had its own connection

    threads = [threading.Thread(target=bewilligen, args=(a,)) for a in antraege]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    werte = sorted(ergebnisse.values())
    assert werte[1] == "ok"
    assert werte[0] == "Der Fonds reicht dafür nicht: Es sind nur noch 100,00\u00a0€ verfügbar."
    fonds = Stadtteilfonds.objects.get(pk=fonds.pk)
    bewilligt = Fondsantrag.objects.filter(fonds=fonds, status="bewilligt")
    assert bewilligt.count() == 1
    assert fonds.bewilligt_summe == Decimal("400.00") == bewilligt.get().betrag_bewilligt


def _gleichzeitig(*aufgaben):
    """Run the tasks in threads started at one barrier; their results (or German errors)."""
    start = threading.Barrier(len(aufgaben))
    ergebnisse = [None] * len(aufgaben)

    def laufen(i, aufgabe):
        try:
            start.wait()
            aufgabe()
            ergebnisse[i] = "ok"
        except ValidationError as e:
            ergebnisse[i] = " ".join(e.messages)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=laufen, args=(i, a)) for i, a in enumerate(aufgaben)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return ergebnisse


def _journal_stimmt(fonds):
    """Every stored sum equals its journal; no invariant broken."""
    fonds.refresh_from_db()
    buchungen = Buchung.objects.filter(fonds=fonds)
    assert fonds.bewilligt_summe == sum(
        b.betrag for b in buchungen if b.art in ("bewilligung", "aenderung")
    )
    assert fonds.bewilligt_summe <= fonds.mittel
    for antrag in Fondsantrag.objects.filter(fonds=fonds):
        eigene = [b for b in buchungen if b.antrag_id == antrag.pk]
        for feld, art in (
            ("ausgezahlt_summe", "auszahlung"),
            ("zurueckgefordert_summe", "rueckforderung"),
            ("zurueckgezahlt_summe", "rueckzahlung"),
        ):
            assert getattr(antrag, feld) == sum(b.betrag for b in eigene if b.art == art)
        assert antrag.ausgezahlt_summe <= (antrag.betrag_bewilligt or 0) + (
            antrag.zurueckgefordert_summe
        )


@pytest.mark.django_db(transaction=True)
def test_abrechnen_auszahlen_und_bewilligen_gleichzeitig_bleibt_stimmig(quartier, qm):
    fonds = factories.StadtteilfondsFactory(
        quartier=quartier, budget=Decimal("1000.00"), schwelle_qm=Decimal("1000.00")
    )
    abzurechnen = factories.FondsantragFactory(
        fonds=fonds,
        betrag_bewilligt=Decimal("400.00"),
        ausgezahlt_summe=Decimal("200.00"),
        status="nachweis_eingereicht",
    )
    Verwendungsnachweis.objects.create(
        antrag=abzurechnen, tatsaechliche_kosten=Decimal("300.00"), eingereicht_am="2026-01-05"
    )
    zu_zahlen = factories.FondsantragFactory(fonds=fonds, betrag_bewilligt=Decimal("400.00"))
    neu = fonds_services.antrag_pruefen(
        antrag=factories.FondsantragFactory(fonds=fonds, betrag_beantragt=Decimal("300.00")),
        von=qm,
    )  # the fund has 200 € left; 300 fit only after the settlement freed 100 €
    ergebnisse = _gleichzeitig(
        lambda: abrechnen.nachweis_pruefen(antrag=abzurechnen, von=qm),
        lambda: buchen.auszahlung_buchen(antrag=zu_zahlen, von=qm, betrag="400.00"),
        lambda: fonds_services.antrag_bewilligen(antrag=neu, von=qm, betrag="300.00"),
    )
    assert ergebnisse[:2] == ["ok", "ok"]
    _journal_stimmt(fonds)
    neu.refresh_from_db()
    if ergebnisse[2] == "ok":
        assert fonds.bewilligt_summe == Decimal("1000.00")
    else:
        assert "nur noch 200,00" in ergebnisse[2] and fonds.bewilligt_summe == Decimal("700.00")


@pytest.mark.django_db(transaction=True)
def test_zwei_restzahlungen_nach_der_abrechnung_zahlen_nicht_doppelt(quartier, qm):
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("1000.00"))
    antrag = factories.FondsantragFactory(
        fonds=fonds,
        betrag_bewilligt=Decimal("400.00"),
        ausgezahlt_summe=Decimal("200.00"),
        status="nachweis_eingereicht",
    )
    Verwendungsnachweis.objects.create(
        antrag=antrag, tatsaechliche_kosten=Decimal("300.00"), eingereicht_am="2026-01-05"
    )
    abrechnen.nachweis_pruefen(antrag=antrag, von=qm)
    ergebnisse = _gleichzeitig(
        lambda: buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="100.00"),
        lambda: buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="100.00"),
    )
    assert sorted(ergebnisse)[1] == "ok"
    assert sorted(ergebnisse)[0] != "ok"
    _journal_stimmt(fonds)
    antrag.refresh_from_db()
    assert antrag.ausgezahlt_summe == Decimal("300.00") and antrag.status == "abgeschlossen"
