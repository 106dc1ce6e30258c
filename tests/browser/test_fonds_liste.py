"""The fund list with an overdue proof of use: the warning's link stays readable (axe)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from projekte.fonds import services
from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen

pytestmark = pytest.mark.django_db(transaction=True)


def test_fondsliste_mit_ueberfaelligem_nachweis_ist_barrierefrei(page, live_server):
    quartier = factories.QuartierFactory(name="Preuswald", slug="preuswald")
    qm = factories.benutzer_mit_rolle(quartier, username="qm-preuswald")
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("1000.00"))
    antrag = services.antrag_pruefen(antrag=factories.FondsantragFactory(fonds=fonds), von=qm)
    services.antrag_bewilligen(
        antrag=antrag,
        von=qm,
        betrag=Decimal("100.00"),
        datum=timezone.localdate() - datetime.timedelta(days=60),
        nachweis_faellig_am=timezone.localdate() - datetime.timedelta(days=1),
    )

    anmelden(page, live_server, "qm-preuswald", factories.PASSWORT)
    page.goto(f"{live_server.url}/fonds/")
    assert page.get_by_role("link", name="1 Verwendungsnachweis ist überfällig").is_visible()
    axe_pruefen(page)
