"""A member of staff learns by mail when their password or second factor changes."""

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORT, BenutzerFactory

pytestmark = pytest.mark.django_db


def test_passwortwechsel_schickt_eine_mail(client, django_capture_on_commit_callbacks):
    benutzer = BenutzerFactory(email="maja@stadt.example")
    client.force_login(benutzer)
    neu = "ein-ganz-neues-Passwort-2026"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("password_change"),
            {"old_password": PASSWORT, "new_password1": neu, "new_password2": neu},
        )
    assert [m.to for m in mail.outbox] == [["maja@stadt.example"]]
    assert "Passwort wurde geändert" in mail.outbox[0].subject


def test_passwort_setzen_durch_die_administration_schickt_auch_eine_mail(
    django_capture_on_commit_callbacks,
):
    benutzer = BenutzerFactory(email="maja@stadt.example")
    with django_capture_on_commit_callbacks(execute=True):
        benutzer.set_password("von-der-Administration-2026")
        benutzer.save()
    assert len(mail.outbox) == 1


def test_andere_aenderungen_am_konto_schicken_keine_mail(django_capture_on_commit_callbacks):
    benutzer = BenutzerFactory(email="maja@stadt.example")
    with django_capture_on_commit_callbacks(execute=True):
        benutzer.first_name = "Maja"
        benutzer.save()
    assert not mail.outbox


def test_zweiter_faktor_einrichten_und_entfernen_schicken_je_eine_mail(
    django_capture_on_commit_callbacks,
):
    benutzer = BenutzerFactory(email="maja@stadt.example")
    with django_capture_on_commit_callbacks(execute=True):
        geraet = TOTPDevice.objects.create(user=benutzer, confirmed=False, name="App")
    assert not mail.outbox, "ein unbestätigtes Gerät zählt noch nicht"
    with django_capture_on_commit_callbacks(execute=True):
        geraet.confirmed = True
        geraet.save(update_fields=["confirmed"])
        geraet.delete()
    assert ["eingerichtet" in m.body for m in mail.outbox] == [True, False]
    assert "entfernt" in mail.outbox[1].body
