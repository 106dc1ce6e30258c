"""Reads for other pages: counts for the quartier page and gap analysis, similar needs."""

import pytest

from bedarfe import selectors
from bedarfe.models import Bedarf
from tests import factories

pytestmark = pytest.mark.django_db


def test_bedarfe_gezaehlt_nach_status_und_handlungsfeld_in_einer_abfrage(
    quartier, anderes_quartier, django_assert_num_queries
):
    wohnen, jugend = factories.HandlungsfeldFactory.create_batch(2)
    factories.BedarfFactory.create_batch(2, quartier=quartier, handlungsfeld=wohnen)
    factories.BedarfFactory(quartier=quartier, handlungsfeld=jugend)
    factories.BedarfFactory(quartier=quartier, handlungsfeld=jugend, status=Bedarf.Status.ERLEDIGT)
    factories.BedarfFactory(quartier=quartier)  # without Handlungsfeld
    factories.BedarfFactory(quartier=anderes_quartier, handlungsfeld=wohnen)
    with django_assert_num_queries(1):
        ergebnis = selectors.bedarfe_gezaehlt(quartier)
    assert sorted(
        ((z["status"], z["handlungsfeld"], z["anzahl"]) for z in ergebnis),
        key=lambda z: (z[0], z[1] or 0),
    ) == sorted(
        [
            ("neu", wohnen.pk, 2),
            ("neu", jugend.pk, 1),
            ("erledigt", jugend.pk, 1),
            ("neu", None, 1),
        ],
        key=lambda z: (z[0], z[1] or 0),
    )


def test_offene_bedarfe_je_zielgruppe_in_einer_abfrage(
    quartier, anderes_quartier, django_assert_num_queries
):
    kinder, senioren = factories.ZielgruppeFactory.create_batch(2)
    a = factories.BedarfFactory(quartier=quartier)
    a.zielgruppen.add(kinder, senioren)
    b = factories.BedarfFactory(quartier=quartier)
    b.zielgruppen.add(kinder)
    zu = factories.BedarfFactory(quartier=quartier, status=Bedarf.Status.NICHT_UMSETZBAR)
    zu.zielgruppen.add(senioren)
    fremd = factories.BedarfFactory(quartier=anderes_quartier)
    fremd.zielgruppen.add(kinder)
    with django_assert_num_queries(1):
        ergebnis = selectors.offene_bedarfe_je_zielgruppe(quartier)
    assert ergebnis == {kinder.pk: 2, senioren.pk: 1}


def test_aehnliche_bedarfe_nur_im_selben_quartier(quartier, anderes_quartier, leitung):
    treffer = factories.BedarfFactory(quartier=quartier, titel="Spielplatz am Dorfweiher")
    factories.BedarfFactory(quartier=quartier, titel="Busverbindung nach Brand")
    factories.BedarfFactory(quartier=anderes_quartier, titel="Spielplatz am Dorfweiher")
    ergebnis = list(
        selectors.aehnliche_bedarfe(leitung, quartier=quartier, titel="Spielplatz Dorfweiher")
    )
    assert ergebnis == [treffer]


def test_aehnliche_bedarfe_aehnlichste_zuerst_bei_gleichstand_die_neuesten(quartier, leitung):
    gleich = [
        factories.BedarfFactory(quartier=quartier, titel=f"Spielplatz Nr. {n}") for n in range(4)
    ]
    genau = factories.BedarfFactory(quartier=quartier, titel="Spielplatz Dorfweiher")
    ergebnis = selectors.aehnliche_bedarfe(
        leitung, quartier=quartier, titel="Spielplatz Dorfweiher", anzahl=3
    )
    assert ergebnis[0] == genau
    assert ergebnis[1:] == sorted(gleich, key=lambda b: -b.pk)[:2]


def test_aehnliche_bedarfe_mit_mehr_gleichstaenden_als_kandidaten_bleiben_genau(
    quartier, leitung, monkeypatch
):
    monkeypatch.setattr(selectors, "AEHNLICHE_KANDIDATEN", 3)
    gleich = [
        factories.BedarfFactory(quartier=quartier, titel=f"Spielplatz Nr. {n}") for n in range(6)
    ]
    ergebnis = selectors.aehnliche_bedarfe(
        leitung, quartier=quartier, titel="Spielplatz Nr.", anzahl=2
    )
    assert ergebnis == sorted(gleich, key=lambda b: -b.pk)[:2]
