"""Notifications: new entries reach the responsible staff by mail, once, via the outbox."""

import smtplib

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from mailer import engine
from mailer.models import Message

from arbeitsplatz import services
from arbeitsplatz.models import Benachrichtigung
from tests import factories

pytestmark = pytest.mark.django_db


class KaputterServer:
    """An EMAIL_BACKEND whose SMTP server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        raise smtplib.SMTPConnectError(421, "Dienst nicht verfügbar")

    def close(self):
        pass

    def send_messages(self, messages):
        self.open()


def test_sofort_eine_mail_je_lauf_und_jeder_eintrag_nur_einmal(qm, quartier):
    antrag = factories.FondsantragFactory(fonds__quartier=quartier, titel="Sommerfest")
    assert services.benachrichtigen(taeglich=False) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [qm.email]
    assert "Sommerfest" in mail.outbox[0].body
    assert antrag.get_absolute_url() in mail.outbox[0].body
    assert services.benachrichtigen(taeglich=False) == 0
    assert len(mail.outbox) == 1


def test_fremdes_quartier_und_lesend_bekommen_nichts(qm_anderes, lesend, quartier):
    factories.FondsantragFactory(fonds__quartier=quartier)
    assert services.benachrichtigen(taeglich=True) == 0
    assert mail.outbox == []


def test_taeglich_nur_im_morgenlauf(qm, quartier):
    services.benachrichtigung_setzen(benutzer=qm, zustellung=Benachrichtigung.Zustellung.TAEGLICH)
    factories.FondsantragFactory(fonds__quartier=quartier)
    factories.FondsantragFactory(fonds__quartier=quartier)
    assert services.benachrichtigen(taeglich=False) == 0
    call_command("benachrichtigen", "--taeglich")
    assert len(mail.outbox) == 1
    assert "Zusammenfassung" in mail.outbox[0].subject


def test_keine_mails_gewuenscht(qm, quartier):
    services.benachrichtigung_setzen(benutzer=qm, zustellung=Benachrichtigung.Zustellung.KEINE)
    factories.FondsantragFactory(fonds__quartier=quartier)
    assert services.benachrichtigen(taeglich=True) == 0


def test_gelesenes_wird_nicht_gemeldet(qm, quartier):
    antrag = factories.FondsantragFactory(fonds__quartier=quartier)
    services.eintrag_gelesen(benutzer=qm, art="antrag", objekt_id=antrag.pk)
    assert services.benachrichtigen(taeglich=True) == 0


def test_eigene_aufgabe_wird_gemeldet(qm, quartier):
    from django.utils import timezone

    factories.AufgabeFactory(
        quartier=quartier,
        titel="Protokoll schreiben",
        verantwortlich_benutzer=qm,
        faellig_am=timezone.localdate(),
    )
    services.benachrichtigen(taeglich=False)
    assert "Protokoll schreiben" in mail.outbox[0].body


def test_smtp_ausfall_mail_bleibt_im_postausgang_und_anfrage_gelingt(
    client, settings, django_capture_on_commit_callbacks
):
    """The real path: the outbox as EMAIL_BACKEND, a mail server that is down, then up."""
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    settings.MAILER_EMAIL_BACKEND = f"{__name__}.KaputterServer"
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(
            reverse("oeffentlichkeit:barrierefreiheit"),
            {"nachricht": "Der Kontrast ist zu schwach."},
        )
    assert antwort.status_code == 302 and "gesendet=1" in antwort.url
    assert Message.objects.count() == 1

    engine.send_all()  # SMTP down: deferred, not lost
    assert Message.objects.count() == 1
    assert Message.objects.deferred().count() == 1
    assert mail.outbox == []

    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_deferred")
    call_command("send_mail")
    call_command("send_mail")  # a second run sends nothing again
    assert len(mail.outbox) == 1
    assert "Kontrast" in mail.outbox[0].body
    assert Message.objects.count() == 0
