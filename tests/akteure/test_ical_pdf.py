"""iCal feeds (RFC 5545, parsed with icalendar), their access by token, and the minutes PDF."""

import datetime
import hashlib
import io
import re

import icalendar
import pytest
from django.urls import reverse
from pypdf import PdfReader

from akteure import services
from akteure.gremien import services as gremien_services
from akteure.models import Kalenderzugang, Sitzung
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def sitzung(quartier):
    return factories.SitzungFactory(
        gremium__quartier=quartier,
        gremium__name="Stadtteilkonferenz Preuswald",
        titel="Frühjahrssitzung",
        ort="Stadtteilbüro",
    )


def _ereignisse(antwort):
    assert antwort["Content-Type"].startswith("text/calendar")
    kalender = icalendar.Calendar.from_ical(antwort.content)
    return kalender, {str(e["uid"]): e for e in kalender.walk("VEVENT")}


def test_gremium_feed_ist_gueltiges_ical(client, qm, sitzung):
    client.force_login(qm)
    kalender, ereignisse = _ereignisse(
        client.get(reverse("akteure:gremium_ics", args=[sitzung.gremium.pk]))
    )
    assert str(kalender["version"]) == "2.0" and kalender["prodid"]
    ereignis = ereignisse[sitzung.ical_uid]
    assert ereignis["dtstamp"] and ereignis["sequence"] == 0
    assert str(ereignis["summary"]) == "Stadtteilkonferenz Preuswald: Frühjahrssitzung"
    assert str(ereignis["location"]) == "Stadtteilbüro"
    assert ereignis["dtstart"].dt.tzinfo.key == "Europe/Berlin"
    assert kalender.walk("VTIMEZONE")[0]["tzid"] == "Europe/Berlin"


def test_sequence_waechst_und_absage_wird_cancelled(client, qm, sitzung):
    client.force_login(qm)
    url = reverse("akteure:gremium_ics", args=[sitzung.gremium.pk])
    _k, vorher = _ereignisse(client.get(url))
    gremien_services.sitzung_aendern(
        sitzung=sitzung, beginn=sitzung.beginn + datetime.timedelta(hours=1)
    )
    gremien_services.sitzung_absagen(sitzung=sitzung)
    _k, nachher = _ereignisse(client.get(url))
    assert set(nachher) == set(vorher)  # same UID: calendars update instead of duplicating
    assert nachher[sitzung.ical_uid]["sequence"] > vorher[sitzung.ical_uid]["sequence"]
    assert str(nachher[sitzung.ical_uid]["status"]) == "CANCELLED"


def test_quartier_feed_enthaelt_nur_sitzungen_des_quartiers(client, qm, sitzung, quartier):
    andere = factories.SitzungFactory(gremium__quartier=factories.QuartierFactory())
    client.force_login(qm)
    _k, ereignisse = _ereignisse(
        client.get(reverse("akteure:sitzungen_ics"), {"quartier": quartier.slug})
    )
    assert sitzung.ical_uid in ereignisse and andere.ical_uid not in ereignisse


def test_feed_ohne_anmeldung_und_ohne_token_verboten(client, sitzung):
    assert client.get(reverse("akteure:gremium_ics", args=[sitzung.gremium.pk])).status_code == 403
    assert client.get(reverse("akteure:sitzungen_ics")).status_code == 403
    antwort = client.get(reverse("akteure:sitzungen_ics"), {"token": "falsch"})
    assert antwort.status_code == 403


def test_feed_mit_persoenlichem_token_fuer_kalenderprogramme(client, qm, sitzung, quartier):
    token = services.kalenderzugang_erneuern(benutzer=qm).token
    antwort = client.get(
        reverse("akteure:sitzungen_ics"), {"quartier": quartier.slug, "token": token}
    )
    _k, ereignisse = _ereignisse(antwort)
    assert sitzung.ical_uid in ereignisse


def test_token_gibt_keine_fremden_gremien_frei(client, qm_anderes, sitzung):
    token = services.kalenderzugang_erneuern(benutzer=qm_anderes).token
    url = reverse("akteure:gremium_ics", args=[sitzung.gremium.pk])
    assert client.get(url, {"token": token}).status_code == 404


def test_erneuertes_token_macht_altes_ungueltig(client, qm, sitzung):
    alt = services.kalenderzugang_erneuern(benutzer=qm).token
    services.kalenderzugang_erneuern(benutzer=qm)
    assert client.get(reverse("akteure:sitzungen_ics"), {"token": alt}).status_code == 403


def _token_der_seite(inhalt: str) -> str:
    return re.search(r"token=([A-Za-z0-9_-]{40,})", inhalt).group(1)


def test_kalenderseite_zeigt_abo_links_fuer_termine_und_sitzungen_nur_einmal(client, qm, quartier):
    client.force_login(qm)
    client.post(reverse("akteure:kalender"))
    inhalt = client.get(reverse("akteure:kalender")).content.decode()
    token = _token_der_seite(inhalt)
    assert f"/sitzungen.ics?token={token}" in inhalt
    assert f"/termine.ics?quartier={quartier.slug}&amp;token={token}" in inhalt
    assert "token=" not in client.get(reverse("akteure:kalender")).content.decode()


def test_kalendertoken_steht_nur_als_hash_in_der_datenbank(client, qm):
    token = services.kalenderzugang_erneuern(benutzer=qm).token
    zugang = Kalenderzugang.objects.get(benutzer=qm)
    assert zugang.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert not Kalenderzugang.objects.filter(token_hash=token).exists()


def test_gesperrte_abo_links_oeffnen_nichts_mehr(client, qm, sitzung):
    token = services.kalenderzugang_erneuern(benutzer=qm).token
    client.force_login(qm)
    client.post(reverse("akteure:kalender"), {"sperren": "1"})
    client.logout()
    assert client.get(reverse("akteure:sitzungen_ics"), {"token": token}).status_code == 403
    assert not Kalenderzugang.objects.exists()


def test_protokoll_pdf_enthaelt_beschluesse_und_aufgaben(client, qm, sitzung):
    gremien_services.sitzung_aendern(
        sitzung=sitzung, status=Sitzung.Status.DURCHGEFUEHRT, protokoll="Begrüßung durch das QM."
    )
    factories.TagesordnungspunktFactory(sitzung=sitzung, nummer=1, titel="Sommerfest")
    factories.BeschlussFactory(sitzung=sitzung, text="Das Sommerfest findet am Weiher statt.")
    gremien_services.aufgabe_anlegen(titel="Bühne reservieren", sitzung=sitzung)
    client.force_login(qm)
    antwort = client.get(reverse("akteure:protokoll_pdf", args=[sitzung.pk]))
    assert antwort["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(antwort.content)).pages)
    text = " ".join(text.split())
    assert "Protokoll: Stadtteilkonferenz Preuswald" in text
    assert "Das Sommerfest findet am Weiher statt." in text
    assert "7 Ja, 1 Nein, 2 Enthaltungen" in text
    assert "Bühne reservieren" in text
    assert "Begrüßung durch das QM." in text
