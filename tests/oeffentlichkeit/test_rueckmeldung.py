from django.core import mail
from django.urls import reverse

from oeffentlichkeit.models import Rueckmeldung


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
