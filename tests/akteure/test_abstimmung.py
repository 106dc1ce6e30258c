"""The rules of procedure as plain unit tests of the one function that decides a vote."""

import pytest

from akteure.gremien.abstimmung import auswerten, beschlussfaehig
from akteure.models import Beschluss, Gremium

HAELFTE = Gremium.Beschlussfaehigkeit.MEHR_ALS_HAELFTE
DRITTEL = Gremium.Beschlussfaehigkeit.EIN_DRITTEL
IMMER = Gremium.Beschlussfaehigkeit.IMMER
EINFACH = Gremium.Mehrheit.EINFACH
ANWESENDE = Gremium.Mehrheit.ANWESENDE
ZWEI_DRITTEL = Gremium.Mehrheit.ZWEI_DRITTEL
E = Beschluss.Ergebnis


def _ergebnis(*, regel=HAELFTE, mehrheit=EINFACH, alle=7, anwesend, ja, nein=0, enthaltung=0):
    return auswerten(
        beschlussfaehigkeit=regel,
        mehrheit=mehrheit,
        stimmberechtigte=alle,
        anwesende=anwesend,
        ja=ja,
        nein=nein,
        enthaltung=enthaltung,
    ).ergebnis


@pytest.mark.parametrize(("anwesend", "erwartet"), [(3, False), (4, True), (7, True), (0, False)])
def test_mehr_als_die_haelfte_von_sieben(anwesend, erwartet):
    assert beschlussfaehig(HAELFTE, stimmberechtigte=7, anwesende=anwesend) is erwartet


def test_genau_die_haelfte_ist_nicht_mehr_als_die_haelfte():
    assert not beschlussfaehig(HAELFTE, stimmberechtigte=8, anwesende=4)


def test_ein_drittel_und_immer():
    assert beschlussfaehig(DRITTEL, stimmberechtigte=9, anwesende=3)
    assert not beschlussfaehig(DRITTEL, stimmberechtigte=9, anwesende=2)
    assert beschlussfaehig(IMMER, stimmberechtigte=9, anwesende=1)


def test_drei_ja_von_sieben_ohne_beschlussfaehigkeit():
    assert _ergebnis(anwesend=3, ja=3) == E.NICHT_BESCHLUSSFAEHIG


def test_einfache_mehrheit_enthaltungen_zaehlen_nicht():
    assert _ergebnis(anwesend=5, ja=2, nein=1, enthaltung=2) == E.ANGENOMMEN


def test_stimmengleichheit_ist_abgelehnt():
    assert _ergebnis(anwesend=4, ja=2, nein=2) == E.ABGELEHNT


def test_mehrheit_der_anwesenden_zaehlt_enthaltungen_mit():
    assert _ergebnis(mehrheit=ANWESENDE, anwesend=5, ja=2, nein=1, enthaltung=2) == E.ABGELEHNT
    assert _ergebnis(mehrheit=ANWESENDE, anwesend=5, ja=3, nein=0, enthaltung=2) == E.ANGENOMMEN


def test_zweidrittelmehrheit():
    assert _ergebnis(mehrheit=ZWEI_DRITTEL, anwesend=6, ja=4, nein=2) == E.ANGENOMMEN
    assert _ergebnis(mehrheit=ZWEI_DRITTEL, anwesend=6, ja=3, nein=2) == E.ABGELEHNT


def test_befangene_zaehlen_nicht_als_anwesend():
    # 4 of 7 present, one of them biased: 3 present and unbiased, no quorum.
    assert _ergebnis(anwesend=3, ja=2, nein=1) == E.NICHT_BESCHLUSSFAEHIG


def test_mehr_stimmen_als_anwesende_ist_ein_programmfehler():
    with pytest.raises(ValueError):
        _ergebnis(anwesend=8, ja=40)
