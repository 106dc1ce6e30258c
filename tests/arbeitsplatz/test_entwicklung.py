"""Development: links in mails follow the server's host and port; the outbox page."""

import pytest
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from quartiersmanagement.mail import DevelopmentSiteUrlMiddleware, send_mail, site_url

pytestmark = pytest.mark.django_db


def test_ohne_anfrage_gilt_site_url(settings):
    settings.SITE_URL = "https://qm.example"
    assert site_url() == "https://qm.example"


def test_in_der_entwicklung_folgt_der_link_host_und_port(settings):
    settings.DEBUG = True
    anfrage = RequestFactory().get("/", HTTP_HOST="localhost:8001")
    gesehen = []
    middleware = DevelopmentSiteUrlMiddleware(lambda request: gesehen.append(site_url()))
    middleware(anfrage)
    assert gesehen == ["http://localhost:8001"]
    assert site_url() != "http://localhost:8001"  # reset after the request
    settings.DEBUG = False
    middleware(anfrage)
    assert gesehen[-1] == settings.SITE_URL


def test_mail_vorlage_bekommt_site_url(settings):
    settings.SITE_URL = "https://qm.example"
    send_mail(
        template="arbeitsplatz_benachrichtigung",
        to=["a@example.org"],
        context={"benutzer": "A", "eintraege": [], "taeglich": True},
    )
    assert "https://qm.example/heute/" in mail.outbox[0].body


def test_postausgang_nur_fuer_superuser_im_debug(client, settings, qm):
    superuser = qm.__class__.objects.create_superuser("admin", "admin@example.org", "x")
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    send_mail(
        template="arbeitsplatz_benachrichtigung",
        to=["a@example.org"],
        context={"benutzer": "A", "eintraege": [], "taeglich": True},
    )
    url = reverse("arbeitsplatz:postausgang")
    client.force_login(qm)
    assert client.get(url).status_code == 403
    client.force_login(superuser)
    settings.DEBUG = False
    assert client.get(url).status_code == 403
    settings.DEBUG = True
    antwort = client.get(url)
    assert antwort.status_code == 200
    assert "a@example.org" in antwort.content.decode()
