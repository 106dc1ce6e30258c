"""A held meeting of a committee with five voting members and one advisory member."""

import datetime

import pytest
from django.utils import timezone

from tests import factories


@pytest.fixture
def konferenz(quartier):
    """(sitzung, [five voting memberships], advisory membership); nobody recorded yet."""
    sitzung = factories.SitzungFactory(
        gremium__quartier=quartier,
        gremium__name="Stadtteilkonferenz Test",
        beginn=timezone.now().replace(microsecond=0) - datetime.timedelta(days=2),
        titel="Frühjahrssitzung",
    )
    for nummer, titel in enumerate(["Begrüßung", "Sommerfest", "Verschiedenes"], start=1):
        factories.TagesordnungspunktFactory(sitzung=sitzung, nummer=nummer, titel=titel)
    mitglieder = [
        factories.MitgliedschaftFactory(gremium=sitzung.gremium, akteur__name=f"Verein {n}")
        for n in "ABCDE"
    ]
    beratend = factories.MitgliedschaftFactory(
        gremium=sitzung.gremium, akteur__name="Verwaltung Beratend", stimmberechtigt=False
    )
    return sitzung, mitglieder, beratend


@pytest.fixture
def melden():
    """melden(sitzung, *memberships, status=..., ab_top=...): record attendance directly."""

    def melden(sitzung, *mitgliedschaften, status="anwesend", ab_top=None):
        for m in mitgliedschaften:
            sitzung.teilnahmen.update_or_create(
                akteur=m.akteur, defaults={"status": status, "ab_top": ab_top}
            )

    return melden
