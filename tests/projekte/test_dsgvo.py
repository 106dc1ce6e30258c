"""Applicants' contact data is anonymised after the retention period, the accounts stay."""

import datetime
from decimal import Decimal

import pytest

from projekte.fonds import services as fonds_services
from projekte.models import Fondsantrag
from tests import factories

pytestmark = pytest.mark.django_db

HEUTE = datetime.date(2026, 11, 25)


def test_abgeschlossene_antraege_nach_zehn_jahren_anonymisiert():
    alt = factories.FondsantragFactory(
        eingegangen_am=datetime.date(2016, 3, 1),
        status=Fondsantrag.Status.ABGESCHLOSSEN,
        antragsteller_telefon="0241 123",
        betrag_beantragt=Decimal("400.00"),
        betrag_bewilligt=Decimal("400.00"),
    )
    jung = factories.FondsantragFactory(
        eingegangen_am=datetime.date(2020, 3, 1), status=Fondsantrag.Status.ABGELEHNT
    )
    offen = factories.FondsantragFactory(eingegangen_am=datetime.date(2015, 3, 1))

    assert fonds_services.antragsteller_anonymisieren(HEUTE, False) == [
        f"Fondsantrag #{alt.pk}: eingegangen am 01.03.2016"
    ]
    fonds_services.antragsteller_anonymisieren(HEUTE, True)

    alt.refresh_from_db()
    assert (alt.antragsteller_name, alt.antragsteller_email, alt.antragsteller_telefon) == (
        "(anonymisiert)",
        "",
        "",
    )
    assert alt.betrag_beantragt == Decimal("400.00"), "Beträge bleiben für die Abrechnung"
    assert set(alt.history.values_list("antragsteller_email", flat=True)) == {""}
    jung.refresh_from_db()
    offen.refresh_from_db()
    assert jung.antragsteller_name == offen.antragsteller_name == "Erika Beispiel"
    assert fonds_services.antragsteller_anonymisieren(HEUTE, True) == []
