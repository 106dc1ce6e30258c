"""Fixtures of the berichte tests: a programme with two quartiers and data inside and
outside its periods."""

import datetime
from decimal import Decimal

import pytest

from akteure.models import Sitzung
from tests import factories
from tests.berichte.test_uebersicht import _zeit

D = datetime.date


def _daten_im_quartier(quartier, *, drin: datetime.date, draussen: datetime.date, anzahl: int):
    """One need, event (with `anzahl` participants) and meeting inside the window, the same
    outside it."""
    for tag, zahl in ((drin, anzahl), (draussen, 100)):
        factories.BedarfFactory(quartier=quartier, gemeldet_am=tag)
        termin = factories.TerminFactory(quartier=quartier, beginn=_zeit(tag))
        factories.TeilnahmeFactory(termin=termin, anzahl=zahl)
        sitzung = factories.SitzungFactory(
            gremium=factories.GremiumFactory(quartier=quartier),
            beginn=_zeit(tag),
            status=Sitzung.Status.DURCHGEFUEHRT,
        )
        factories.BeschlussFactory(sitzung=sitzung)


@pytest.fixture
def programm(quartier, anderes_quartier):
    """Programme 2024–2026: `quartier` from 1.7.2025 (open), `anderes_quartier` until
    31.3.2025. For the report year 2025 the windows are 1.7.–31.12. and 1.1.–31.3."""
    programm = factories.ProgrammFactory(
        name="Soziale Stadt Nord",
        traeger="Caritas Aachen",
        laufzeit_von=D(2024, 1, 1),
        laufzeit_bis=D(2026, 12, 31),
    )
    factories.ProgrammeinsatzFactory(
        programm=programm, quartier=quartier, von=D(2025, 7, 1), stellenanteil=Decimal("50")
    )
    factories.ProgrammeinsatzFactory(
        programm=programm,
        quartier=anderes_quartier,
        von=D(2024, 1, 1),
        bis=D(2025, 3, 31),
        stellenanteil=Decimal("25"),
    )
    _daten_im_quartier(quartier, drin=D(2025, 8, 1), draussen=D(2025, 3, 1), anzahl=12)
    _daten_im_quartier(anderes_quartier, drin=D(2025, 2, 1), draussen=D(2025, 5, 1), anzahl=6)
    for q, budget, betrag in ((quartier, "1000.00", "100.00"), (anderes_quartier, "2000", "50")):
        fonds = factories.StadtteilfondsFactory(quartier=q, jahr=2025, budget=Decimal(budget))
        factories.AuszahlungFactory(
            antrag=factories.FondsantragFactory(fonds=fonds), betrag=Decimal(betrag)
        )
    person = factories.PersonFactory(
        vorname="Erika", nachname="Beispiel", email="erika@example.org"
    )
    factories.AufgabeFactory(quartier=quartier, verantwortlich_person=person)
    return programm
