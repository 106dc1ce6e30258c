"""Invariants of the base data are held by the database, not only by forms."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from quartiere.models import Zustaendigkeit
from tests import factories

pytestmark = pytest.mark.django_db


def test_programm_mit_ende_vor_beginn_verweigert_die_datenbank():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ProgrammFactory(
            laufzeit_von=datetime.date(2024, 1, 1), laufzeit_bis=datetime.date(2023, 12, 31)
        )


def test_programm_ohne_ende_ist_gueltig():
    programm = factories.ProgrammFactory(laufzeit_bis=None)
    assert programm.laeuft_am(datetime.date(2030, 1, 1))


def test_programm_mit_ende_vor_beginn_meldet_die_validierung_auf_deutsch():
    programm = factories.ProgrammFactory.build(
        fachbereich=factories.FachbereichFactory(),
        laufzeit_von=datetime.date(2024, 1, 1),
        laufzeit_bis=datetime.date(2023, 1, 1),
    )
    with pytest.raises(ValidationError, match="Laufzeitende liegt vor dem Beginn"):
        programm.full_clean()


@pytest.mark.parametrize("anteil", [Decimal("-1"), Decimal("100.01")])
def test_stellenanteil_ausserhalb_0_bis_100_verweigert_die_datenbank(anteil):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ProgrammeinsatzFactory(stellenanteil=anteil)


def test_quartier_slug_ist_eindeutig():
    factories.QuartierFactory(slug="preuswald")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.QuartierFactory._meta.model.objects.create(name="Zweites", slug="preuswald")


def test_ueberlappende_zustaendigkeit_gleicher_rolle_verweigert_die_datenbank():
    z = factories.ZustaendigkeitFactory(von=datetime.date(2024, 1, 1), bis=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Zustaendigkeit.objects.create(
            benutzer=z.benutzer, quartier=z.quartier, rolle=z.rolle, von=datetime.date(2025, 6, 1)
        )


def test_ueberlappende_zustaendigkeit_meldet_die_validierung_auf_deutsch():
    z = factories.ZustaendigkeitFactory(von=datetime.date(2024, 1, 1), bis=None)
    doppelt = Zustaendigkeit(
        benutzer=z.benutzer, quartier=z.quartier, rolle=z.rolle, von=datetime.date(2025, 6, 1)
    )
    with pytest.raises(ValidationError, match="schon eine Zuständigkeit"):
        doppelt.full_clean()


def test_aufeinanderfolgende_zustaendigkeiten_und_andere_rolle_sind_erlaubt():
    z = factories.ZustaendigkeitFactory(
        von=datetime.date(2024, 1, 1), bis=datetime.date(2024, 12, 31)
    )
    Zustaendigkeit.objects.create(
        benutzer=z.benutzer, quartier=z.quartier, rolle=z.rolle, von=datetime.date(2025, 1, 1)
    )
    Zustaendigkeit.objects.create(
        benutzer=z.benutzer,
        quartier=z.quartier,
        rolle=Zustaendigkeit.Rolle.LESEND,
        von=datetime.date(2024, 6, 1),
    )
    assert Zustaendigkeit.objects.filter(benutzer=z.benutzer).count() == 3


def test_zustaendigkeit_mit_ende_vor_beginn_verweigert_die_datenbank():
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ZustaendigkeitFactory(
            von=datetime.date(2024, 1, 1), bis=datetime.date(2023, 1, 1)
        )


def test_fachbereich_kann_sich_nicht_selbst_unterstellt_sein():
    fb = factories.FachbereichFactory()
    fb.uebergeordnet = fb
    with pytest.raises(IntegrityError), transaction.atomic():
        fb.save()


def test_aenderungen_landen_im_verlauf():
    quartier = factories.QuartierFactory(name="Alt")
    quartier.name = "Neu"
    quartier.save()
    assert [h.name for h in quartier.history.all()] == ["Neu", "Alt"]


D = datetime.date


@pytest.fixture
def qfi():
    """QFI ran from 2017 to the end of 2019."""
    return factories.ProgrammFactory(
        kurzname="QFI", laufzeit_von=D(2017, 1, 1), laufzeit_bis=D(2019, 12, 31)
    )


@pytest.mark.parametrize(
    ("von", "bis", "feld"),
    [
        (D(2020, 1, 1), None, "bis"),
        (D(2016, 12, 31), D(2019, 12, 31), "von"),
        (D(2018, 1, 1), D(2020, 6, 30), "bis"),
    ],
)
def test_programmeinsatz_ausserhalb_der_laufzeit_meldet_die_validierung(qfi, von, bis, feld):
    einsatz = factories.ProgrammeinsatzFactory.build(
        programm=qfi, quartier=factories.QuartierFactory(), von=von, bis=bis
    )
    with pytest.raises(ValidationError) as fehler:
        einsatz.full_clean()
    assert feld in fehler.value.message_dict
    assert "Laufzeit des Programms" in str(fehler.value) or "läuft nur bis" in str(fehler.value)


def test_programmeinsatz_innerhalb_der_laufzeit_ist_gueltig(qfi):
    einsatz = factories.ProgrammeinsatzFactory(
        programm=qfi, von=D(2017, 1, 1), bis=D(2019, 12, 31), stellenanteil=50
    )
    einsatz.full_clean()


def test_programmeinsatz_ausserhalb_der_laufzeit_verweigert_die_datenbank(qfi):
    with pytest.raises(IntegrityError, match="außerhalb der Laufzeit"), transaction.atomic():
        factories.ProgrammeinsatzFactory(programm=qfi, von=D(2020, 1, 1), bis=None)


def test_laufzeit_kuerzen_mit_einsatz_ausserhalb_verweigert_die_datenbank(qfi):
    factories.ProgrammeinsatzFactory(programm=qfi, von=D(2017, 1, 1), bis=D(2019, 12, 31))
    qfi.laufzeit_bis = D(2018, 12, 31)
    with pytest.raises(IntegrityError), transaction.atomic():
        qfi.save()
        with transaction.get_connection().cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
