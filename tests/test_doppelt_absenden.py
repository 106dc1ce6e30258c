"""Five identical POSTs at the same moment from one session (double click, network retry) give
one record and one mail on every form that creates a record, books money or sends mail; the
repeats are sent where the first went (quartiersmanagement/submission.py)."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bedarfe.models import Bedarf, Weiterleitung
from projekte.fonds import services as fonds_services
from projekte.models import Auszahlung, Fondsantrag
from quartiersmanagement.submission import FIELD
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)
TOKEN = "Zx4lQ1mY8u2n5r7t9w0aB3cD6eF-ghIJ"
N = 5


def gleichzeitig(client: Client, url: str, daten: dict) -> list:
    """POST `daten` N times at once, each from its own thread and database connection, all
    with the session of `client`."""
    start = threading.Barrier(N)
    antworten = []

    def senden():
        try:
            eigener = Client()
            eigener.cookies = client.cookies
            start.wait()
            antworten.append(eigener.post(url, daten))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=senden) for _ in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return antworten


def _ein_ziel(antworten) -> str:
    assert [a.status_code for a in antworten] == [302] * N
    ziele = {a.url for a in antworten}
    assert len(ziele) == 1
    return ziele.pop()


@pytest.fixture
def angemeldet(client, qm):
    client.force_login(qm)
    assert settings.SESSION_COOKIE_NAME in client.cookies
    return client


def test_online_antrag_fuenfmal_gleichzeitig_gibt_einen_antrag_und_eine_mail(client, quartier):
    quartier.oeffentlich = True
    quartier.save()
    factories.StadtteilfondsFactory(quartier=quartier, jahr=timezone.localdate().year)
    client.get(reverse("oeffentlichkeit:uebersicht"))
    daten = {
        "titel": "Nachbarschaftsfest",
        "zweck": "Ein Fest für alle im Park.",
        "kostenplan": "Getränke: 150 €",
        "betrag_beantragt": "150,00",
        "antragsteller_name": "Initiative Grüner Hof",
        "antragsteller_email": "hof@example.org",
        "einwilligung": "on",
        "webseite": "",
        FIELD: TOKEN,
    }
    url = reverse("oeffentlichkeit:antrag", args=[quartier.slug])
    ziel = _ein_ziel(gleichzeitig(client, url, daten))
    assert ziel == reverse("oeffentlichkeit:antrag_danke", args=[quartier.slug])
    assert Fondsantrag.objects.count() == 1
    assert len(mail.outbox) == 1


def test_fondsantrag_erfassen_fuenfmal_gleichzeitig_gibt_einen_antrag(angemeldet, quartier):
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("2000.00"))
    daten = {
        "fonds": fonds.pk,
        "titel": "Hoffest",
        "zweck": "Fest im Hof",
        "kostenplan": "Getränke 200 €",
        "betrag_beantragt": "200,00",
        "eingegangen_am": "2026-11-02",
        "antragsteller_name": "Max Muster",
        "antragsteller_email": "max@example.org",
        "einwilligung": "on",
        FIELD: TOKEN,
    }
    ziel = _ein_ziel(gleichzeitig(angemeldet, reverse("projekte:antrag_neu"), daten))
    assert ziel == Fondsantrag.objects.get().get_absolute_url()


def test_auszahlung_fuenfmal_gleichzeitig_wird_einmal_gebucht(angemeldet, quartier, qm):
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("2000.00"))
    antrag = fonds_services.antrag_pruefen(antrag=factories.FondsantragFactory(fonds=fonds), von=qm)
    fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag=Decimal("300.00"))
    url = reverse("projekte:auszahlung_buchen", args=[antrag.pk])
    heute = timezone.localdate().isoformat()
    daten = {"aus-betrag": "100,00", "aus-datum": heute, FIELD: TOKEN}
    ziel = _ein_ziel(gleichzeitig(angemeldet, url, daten))
    assert ziel == antrag.get_absolute_url()
    assert Auszahlung.objects.filter(antrag=antrag).count() == 1


def test_bedarf_erfassen_fuenfmal_gleichzeitig_gibt_einen_bedarf(angemeldet, quartier):
    daten = {
        "quartier": quartier.pk,
        "titel": "Bänke am Marktplatz fehlen",
        "quelle": "sprechstunde",
        "gemeldet_am": "2026-11-02",
        "prioritaet": 2,
        "nennungen": 1,
        FIELD: TOKEN,
    }
    ziel = _ein_ziel(gleichzeitig(angemeldet, reverse("bedarfe:anlegen"), daten))
    assert ziel == Bedarf.objects.get().get_absolute_url()


def test_weiterleiten_fuenfmal_gleichzeitig_gibt_eine_weiterleitung_und_eine_mail(
    angemeldet, quartier
):
    bedarf = factories.BedarfFactory(quartier=quartier)
    fb = factories.FachbereichFactory()
    frist = timezone.localdate() + datetime.timedelta(days=20)
    daten = {"fachbereich": fb.pk, "frist": frist.isoformat(), "nachricht": "Bitte.", FIELD: TOKEN}
    url = reverse("bedarfe:weiterleiten", args=[bedarf.pk])
    ziel = _ein_ziel(gleichzeitig(angemeldet, url, daten))
    assert ziel == bedarf.get_absolute_url()
    assert Weiterleitung.objects.filter(bedarf=bedarf).count() == 1
    assert len(mail.outbox) == 1
