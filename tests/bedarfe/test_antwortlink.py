"""The department's answer page: no login, only the one need, expired or altered -> no data."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from bedarfe.models import Weiterleitung
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def weiterleitung(quartier):
    factories.BedarfFactory(quartier=quartier, titel="Anderer interner Bedarf")
    return factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        bedarf__titel="Bordsteine absenken",
        bedarf__beschreibung="Rollatoren kommen nicht über die Kreuzung.",
    )


def _url(w, token=None):
    return reverse("bedarfe:antwort", kwargs={"token": token or factories.token_von(w)})


def test_antwortseite_ohne_anmeldung_zeigt_nur_diesen_bedarf(client, weiterleitung):
    inhalt = client.get(_url(weiterleitung)).content.decode()
    assert "Bordsteine absenken" in inhalt
    assert "Rollatoren" in inhalt
    assert "Anderer interner Bedarf" not in inhalt
    assert "Abmelden" not in inhalt


def test_antwort_ueber_link_wird_gespeichert_und_link_ist_verbraucht(client, weiterleitung):
    anderer = factories.FachbereichFactory(kuerzel="E 18")
    antwort = client.post(
        _url(weiterleitung),
        {
            "ergebnis": "nicht_zustaendig",
            "antwort": "Das macht der Stadtbetrieb.",
            "vorgeschlagener_fachbereich": anderer.pk,
            "antwort_von": "Herr K.",
        },
    )
    assert antwort.status_code == 302
    weiterleitung.refresh_from_db()
    assert weiterleitung.ergebnis == "nicht_zustaendig"
    assert weiterleitung.vorgeschlagener_fachbereich == anderer
    assert weiterleitung.beantwortet_ueber == Weiterleitung.Antwortweg.LINK
    danach = client.get(_url(weiterleitung)).content.decode()
    assert "Vielen Dank" in danach
    assert "Bordsteine" not in danach


def test_antwort_ohne_text_zeigt_meldung(client, weiterleitung):
    antwort = client.post(_url(weiterleitung), {"ergebnis": "abgelehnt", "antwort": ""})
    assert antwort.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in antwort.content.decode()
    weiterleitung.refresh_from_db()
    assert not weiterleitung.beantwortet


def test_veraenderter_token_zeigt_klare_seite_ohne_daten(client, weiterleitung):
    token = factories.token_von(weiterleitung)
    falsch = token[:-2] + ("xx" if not token.endswith("xx") else "yy")
    antwort = client.get(_url(weiterleitung, falsch))
    assert antwort.status_code == 404
    inhalt = antwort.content.decode()
    assert "Dieser Antwortlink ist nicht gültig" in inhalt
    assert "Bordsteine" not in inhalt


def test_abgelaufener_token_zeigt_klare_seite_ohne_daten(client, weiterleitung):
    Weiterleitung.objects.filter(pk=weiterleitung.pk).update(
        frist=timezone.localdate() - datetime.timedelta(weeks=8, days=1)
    )
    antwort = client.get(_url(weiterleitung))
    assert antwort.status_code == 410
    inhalt = antwort.content.decode()
    assert "abgelaufen" in inhalt
    assert "Bordsteine" not in inhalt
    assert (
        client.post(_url(weiterleitung), {"ergebnis": "abgelehnt", "antwort": "x"}).status_code
        == 410
    )


def test_link_gilt_bis_acht_wochen_nach_frist(client, weiterleitung):
    Weiterleitung.objects.filter(pk=weiterleitung.pk).update(
        frist=timezone.localdate() - datetime.timedelta(weeks=8)
    )
    assert client.get(_url(weiterleitung)).status_code == 200


def test_sehr_langer_token_gibt_404(client):
    assert client.get(reverse("bedarfe:antwort", kwargs={"token": "a" * 500})).status_code == 404
