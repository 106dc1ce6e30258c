import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from oeffentlichkeit.models import Formularversuch
from oeffentlichkeit.services import VERSUCHE_JE_STUNDE
from projekte.models import Fondsantrag
from tests import factories


@pytest.fixture
def fonds(oeffentliches_quartier):
    return factories.StadtteilfondsFactory(quartier=oeffentliches_quartier)


def _url():
    return reverse("oeffentlichkeit:antrag", args=["preuswald"])


def _daten(**mehr):
    return {
        "titel": "Nachbarschaftsfest",
        "zweck": "Ein Fest für alle im Park.",
        "kostenplan": "Getränke: 150 €\nMusik: 200 €",
        "betrag_beantragt": "350,00",
        "antragsteller_name": "Initiative Grüner Hof",
        "antragsteller_email": "hof@example.org",
        "antragsteller_telefon": "",
        "antragsteller_anschrift": "",
        "einwilligung": "on",
        "webseite": "",
        **mehr,
    }


def test_online_antrag_wird_eingereicht_und_bestaetigt(
    client, fonds, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(_url(), _daten())
    assert antwort.status_code == 302
    antrag = Fondsantrag.objects.get()
    assert antrag.fonds == fonds
    assert antrag.status == Fondsantrag.Status.EINGEREICHT
    assert str(antrag.betrag_beantragt) == "350.00"
    assert antrag.einwilligung
    referenz = antrag.referenz
    assert re.fullmatch(rf"SF-{antrag.eingegangen_am.year}-[A-Z0-9]{{6}}", referenz)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["hof@example.org"]
    assert referenz in mail.outbox[0].subject
    assert mail.outbox[0].reply_to == ["qm-preuswald@stadt.example"]
    assert mail.outbox[0].body.startswith("Guten Tag Initiative Grüner Hof,")
    danke = client.get(antwort.url)
    assert referenz in danke.content.decode()


def test_bestaetigung_redet_die_kontaktperson_an(client, fonds, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            _url(),
            _daten(
                antragsteller_organisation="Nachbarschaftskreis Nirm",
                antragsteller_anrede="frau",
                antragsteller_name="Gisela Muster",
            ),
        )
    assert mail.outbox[0].body.startswith("Sehr geehrte Frau Muster,")
    antrag = Fondsantrag.objects.get()
    assert antrag.antragsteller_organisation == "Nachbarschaftskreis Nirm"


def test_fehlerhafter_antrag_behaelt_alle_eingaben(client, fonds):
    antwort = client.post(_url(), _daten(betrag_beantragt="viel", einwilligung=""))
    assert antwort.status_code == 200
    form = antwort.context["form"]
    assert form.errors["betrag_beantragt"]
    assert "Einwilligung" in form.errors["einwilligung"][0]
    inhalt = antwort.content.decode()
    assert 'value="Nachbarschaftsfest"' in inhalt
    assert "Getränke: 150 €" in inhalt
    assert 'value="hof@example.org"' in inhalt
    assert not Fondsantrag.objects.exists()


def test_zu_hoher_betrag_meldet_fehler_am_feld(client, fonds):
    antwort = client.post(_url(), _daten(betrag_beantragt="99999,00"))
    assert antwort.status_code == 200
    assert "höchstens" in antwort.context["form"].errors["betrag_beantragt"][0]
    assert not Fondsantrag.objects.exists()


def test_honeypot_speichert_nichts_und_sieht_aus_wie_ein_echter_antrag(client, fonds):
    antwort = client.post(_url(), _daten(webseite="http://spam.example"))
    assert antwort.status_code == 302
    assert not Fondsantrag.objects.exists()
    assert not mail.outbox
    danke = client.get(antwort.url).content.decode()
    assert re.search(r"SF-\d{4}-[A-Z0-9]{6}", danke), "die gleiche Art Vorgangsnummer"


def test_vorgangsnummern_verraten_nicht_die_zahl_der_antraege(client, fonds):
    for _i in range(2):
        client.post(_url(), _daten())
    erste, zweite = Fondsantrag.objects.order_by("pk").values_list("referenz", flat=True)
    assert erste != zweite
    assert not (erste.endswith("00001") or zweite.endswith("00002"))


def test_ueberlange_freitexte_werden_am_feld_abgelehnt(client, fonds):
    antwort = client.post(_url(), _daten(zweck="x" * 200_000))
    assert antwort.status_code == 200
    assert "höchstens 4000 Zeichen" in antwort.context["form"].errors["zweck"][0]
    assert not Fondsantrag.objects.exists()


def test_auch_ungueltige_versuche_zaehlen_zum_limit(client, fonds):
    limit = VERSUCHE_JE_STUNDE[Formularversuch.Formular.ANTRAG]
    for _i in range(limit):
        client.post(_url(), _daten(betrag_beantragt="viel"))
    antwort = client.post(_url(), _daten())
    assert "später" in str(antwort.context["form"].non_field_errors())
    assert not Fondsantrag.objects.exists()


def test_ratenbegrenzung_nach_fuenf_antraegen_je_stunde(client, fonds):
    limit = VERSUCHE_JE_STUNDE[Formularversuch.Formular.ANTRAG]
    for _i in range(limit):
        assert client.post(_url(), _daten()).status_code == 302
    antwort = client.post(_url(), _daten())
    assert antwort.status_code == 200
    assert "später" in str(antwort.context["form"].non_field_errors())
    assert Fondsantrag.objects.count() == limit
    # the limit lives in the database, not in the memory of one process
    assert Formularversuch.objects.count() == limit
    assert "127.0.0.1" not in Formularversuch.objects.first().ip_hash


def test_andere_adresse_ist_nicht_begrenzt(client, fonds):
    for _i in range(VERSUCHE_JE_STUNDE[Formularversuch.Formular.ANTRAG]):
        client.post(_url(), _daten())
    antwort = client.post(_url(), _daten(), REMOTE_ADDR="10.0.0.7")
    assert antwort.status_code == 302


def test_ohne_fonds_kein_online_antrag(client, oeffentliches_quartier):
    antwort = client.post(_url(), _daten())
    assert antwort.status_code == 200
    assert "kein Antrag" in antwort.content.decode()
    assert not Fondsantrag.objects.exists()


def test_antrag_fuer_nicht_oeffentliches_quartier_gibt_404(client, quartier):
    factories.StadtteilfondsFactory(quartier=quartier)
    assert client.post(_url(), _daten()).status_code == 404
    assert not Fondsantrag.objects.exists()


def test_antragsformular_verlangt_csrf(fonds):
    from django.test import Client

    antwort = Client(enforce_csrf_checks=True).post(_url(), _daten())
    assert antwort.status_code == 403
    assert not Fondsantrag.objects.exists()


def test_online_antrag_nimmt_betrag_mit_tausenderpunkt(client, fonds):
    antwort = client.post(_url(), _daten(betrag_beantragt="1.200,50"))
    assert antwort.status_code == 302
    assert Fondsantrag.objects.get().betrag_beantragt == Decimal("1200.50")
