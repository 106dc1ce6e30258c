import pytest
from django.core import mail
from django.urls import reverse

from oeffentlichkeit.models import Formularversuch, Rueckmeldung
from oeffentlichkeit.services import VERSUCHE_JE_STUNDE
from tests import factories


def test_rueckmeldung_wird_gespeichert_und_an_das_qm_postfach_geschickt(
    client, oeffentliches_quartier, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(
            reverse("oeffentlichkeit:barrierefreiheit"),
            {
                "quartier": oeffentliches_quartier.pk,
                "seite": "/q/preuswald/",
                "nachricht": "Der Kontrast der Fußzeile ist zu schwach.",
                "email": "besucherin@example.org",
            },
        )
    assert antwort.status_code == 302
    rueckmeldung = Rueckmeldung.objects.get()
    assert rueckmeldung.quartier == oeffentliches_quartier
    assert mail.outbox[0].to == ["qm-preuswald@stadt.example"]
    assert mail.outbox[0].reply_to == ["besucherin@example.org"]
    assert "Kontrast" in mail.outbox[0].body
    assert "Vielen Dank" in client.get(antwort.url).content.decode()


def test_rueckmeldung_ohne_nachricht_zeigt_fehler_und_behaelt_eingaben(client, db):
    antwort = client.post(
        reverse("oeffentlichkeit:barrierefreiheit"), {"nachricht": "", "name": "Kim"}
    )
    assert antwort.status_code == 200
    assert antwort.context["form"].errors["nachricht"]
    assert 'value="Kim"' in antwort.content.decode()
    assert not Rueckmeldung.objects.exists()


def test_rueckmeldung_honeypot_speichert_nichts(client, db):
    client.post(
        reverse("oeffentlichkeit:barrierefreiheit"),
        {"nachricht": "Spam", "webseite": "http://spam.example"},
    )
    assert not Rueckmeldung.objects.exists()
    assert not mail.outbox


def test_rueckmeldung_ohne_quartier_geht_an_ein_postfach(
    client, db, settings, django_capture_on_commit_callbacks
):
    settings.RUECKMELDUNG_EMAIL = "barrierefreiheit@stadt.example"
    for i in range(3):
        factories.QuartierFactory(oeffentlich=True, kontakt_email=f"qm{i}@stadt.example")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("oeffentlichkeit:barrierefreiheit"), {"nachricht": "Kontrast"})
    assert [m.to for m in mail.outbox] == [["barrierefreiheit@stadt.example"]]


@pytest.mark.django_db
def test_rueckmeldungen_sind_je_stunde_begrenzt(client):
    limit = VERSUCHE_JE_STUNDE[Formularversuch.Formular.RUECKMELDUNG]
    for _i in range(limit):
        client.post(reverse("oeffentlichkeit:barrierefreiheit"), {"nachricht": "Kontrast"})
    antwort = client.post(reverse("oeffentlichkeit:barrierefreiheit"), {"nachricht": "mehr"})
    assert antwort.status_code == 200
    assert "später" in str(antwort.context["form"].non_field_errors())
    assert Rueckmeldung.objects.count() == limit


@pytest.mark.django_db
def test_ueberlange_rueckmeldung_wird_abgelehnt(client):
    antwort = client.post(reverse("oeffentlichkeit:barrierefreiheit"), {"nachricht": "x" * 200_000})
    assert antwort.context["form"].errors["nachricht"]
    assert not Rueckmeldung.objects.exists()
