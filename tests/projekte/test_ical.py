"""The event feed: RFC 5545 with stable UID and SEQUENCE; what it shows without a login."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from akteure import services as akteure_services
from projekte import services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def termine(quartier):
    beginn = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    return (
        factories.TerminFactory(
            quartier=quartier, titel="Stadtteilfest", oeffentlich=True, beginn=beginn
        ),
        factories.TerminFactory(quartier=quartier, titel="Interne Planung", beginn=beginn),
    )


def _ereignisse(response):
    cal = icalendar.Calendar.from_ical(response.content)
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_ohne_anmeldung_nur_oeffentliche_termine(client, quartier, termine):
    response = client.get(reverse("projekte:termine_ics"), {"quartier": quartier.slug})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert set(_ereignisse(response)) == {"Stadtteilfest"}


def test_mit_persoenlichem_token_alle_termine(client, qm, quartier, termine):
    token = akteure_services.kalenderzugang_erneuern(benutzer=qm).token
    response = client.get(
        reverse("projekte:termine_ics"), {"quartier": quartier.slug, "token": token}
    )
    ereignisse = _ereignisse(response)
    assert set(ereignisse) == {"Stadtteilfest", "Interne Planung"}
    fest = ereignisse["Stadtteilfest"]
    assert str(fest["uid"]) == termine[0].uid
    assert fest["sequence"] == 0
    assert fest.get("dtstamp") is not None


def test_token_fuer_fremdes_quartier_gibt_404(client, qm_anderes, quartier, termine):
    token = akteure_services.kalenderzugang_erneuern(benutzer=qm_anderes).token
    response = client.get(
        reverse("projekte:termine_ics"), {"quartier": quartier.slug, "token": token}
    )
    assert response.status_code == 404


def test_erneuertes_token_macht_alten_link_ungueltig(client, qm, quartier, termine):
    alt = akteure_services.kalenderzugang_erneuern(benutzer=qm).token
    akteure_services.kalenderzugang_erneuern(benutzer=qm)
    response = client.get(
        reverse("projekte:termine_ics"), {"quartier": quartier.slug, "token": alt}
    )
    assert response.status_code == 404


def test_aenderung_behaelt_uid_und_erhoeht_sequence(client, qm, quartier, termine):
    fest = termine[0]
    services.termin_speichern(
        von=qm,
        termin=fest,
        quartier=quartier,
        titel="Stadtteilfest",
        beginn=fest.beginn,
        abgesagt=True,
    )
    response = client.get(reverse("projekte:termine_ics"), {"quartier": quartier.slug})
    ereignis = _ereignisse(response)["Stadtteilfest"]
    assert str(ereignis["uid"]) == fest.uid
    assert ereignis["sequence"] == 1
    assert str(ereignis["status"]) == "CANCELLED"
