"""The one-time submission token: repeats go where the first submission went, a form with
errors can be sent again with the same token, old tokens are cleaned up."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from bedarfe.models import Bedarf
from projekte.fonds import services as fonds_services
from quartiersmanagement.models import SubmissionToken
from quartiersmanagement.submission import FIELD, LIFETIME
from tests import factories

pytestmark = pytest.mark.django_db
TOKEN = "a" * 43


@pytest.fixture
def angemeldet(client, qm):
    client.force_login(qm)
    return client


def _bedarf(quartier, **mehr):
    return {
        "quartier": quartier.pk,
        "titel": "Bänke fehlen",
        "quelle": "sprechstunde",
        "gemeldet_am": "2026-11-02",
        "prioritaet": 2,
        "nennungen": 1,
        FIELD: TOKEN,
        **mehr,
    }


def test_formular_traegt_ein_neues_token_je_aufruf(angemeldet):
    erste = angemeldet.get(reverse("bedarfe:anlegen")).content.decode()
    zweite = angemeldet.get(reverse("bedarfe:anlegen")).content.decode()
    assert f'name="{FIELD}"' in erste
    assert (
        erste.split(f'name="{FIELD}" value="')[1][:43]
        != zweite.split(f'name="{FIELD}" value="')[1][:43]
    )


def test_wiederholung_fuehrt_zum_ersten_ergebnis_mit_hinweis(angemeldet, quartier):
    erste = angemeldet.post(reverse("bedarfe:anlegen"), _bedarf(quartier))
    zweite = angemeldet.post(reverse("bedarfe:anlegen"), _bedarf(quartier, titel="Anders"))
    bedarf = Bedarf.objects.get()
    assert erste.url == zweite.url == bedarf.get_absolute_url()
    seite = angemeldet.get(zweite.url).content.decode()
    assert "Das Formular war schon abgeschickt; hier ist das Ergebnis." in seite


def test_nach_fehlern_zaehlt_dasselbe_token_noch(angemeldet, quartier):
    fehler = angemeldet.post(reverse("bedarfe:anlegen"), _bedarf(quartier, titel=""))
    assert fehler.status_code == 200
    assert not SubmissionToken.objects.exists()
    richtig = angemeldet.post(reverse("bedarfe:anlegen"), _bedarf(quartier))
    assert richtig.status_code == 302
    assert Bedarf.objects.count() == 1


def test_ohne_token_wird_wie_bisher_gespeichert(angemeldet, quartier):
    daten = _bedarf(quartier)
    del daten[FIELD]
    angemeldet.post(reverse("bedarfe:anlegen"), daten)
    angemeldet.post(reverse("bedarfe:anlegen"), daten)
    assert Bedarf.objects.count() == 2
    assert not SubmissionToken.objects.exists()


def test_wiederholung_eines_anderen_quartiers_qm_bleibt_verboten(client, qm_anderes, quartier):
    """The permission decorator runs before the token: a foreign token reveals nothing."""
    bedarf = factories.BedarfFactory(quartier=quartier)
    SubmissionToken.objects.create(token=TOKEN, url=bedarf.get_absolute_url())
    client.force_login(qm_anderes)
    url = reverse("bedarfe:weiterleiten", args=[bedarf.pk])
    assert client.post(url, {FIELD: TOKEN}).status_code == 404


def test_bereinigung_entfernt_abgelaufene_tokens(capsys):
    alt = SubmissionToken.objects.create(token="alt" * 10, url="/")
    SubmissionToken.objects.filter(pk=alt.pk).update(
        erstellt=timezone.now() - LIFETIME - datetime.timedelta(minutes=1)
    )
    frisch = SubmissionToken.objects.create(token="frisch" * 5, url="/")
    call_command("dsgvo_bereinigen", "--ausfuehren")
    assert list(SubmissionToken.objects.all()) == [frisch]
    assert "1 abgelaufene Einmal-Tokens" in capsys.readouterr().out


def test_jedes_geschuetzte_formular_traegt_das_token(angemeldet, quartier, qm):
    quartier.oeffentlich = True
    quartier.save()
    fonds = factories.StadtteilfondsFactory(quartier=quartier, jahr=timezone.localdate().year)
    antrag = fonds_services.antrag_pruefen(antrag=factories.FondsantragFactory(fonds=fonds), von=qm)
    fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag=Decimal("100.00"))
    bedarf = factories.BedarfFactory(quartier=quartier)
    seiten = [
        reverse("oeffentlichkeit:antrag", args=[quartier.slug]),
        reverse("projekte:antrag_neu"),
        antrag.get_absolute_url(),
        reverse("bedarfe:anlegen"),
        reverse("bedarfe:weiterleiten", args=[bedarf.pk]),
    ]
    for url in seiten:
        assert f'name="{FIELD}"' in angemeldet.get(url).content.decode(), url
