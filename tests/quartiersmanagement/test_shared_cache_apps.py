"""Shared content names the apps whose records it reads (`shared_cache.cached(..., apps=)`):
a write of another app keeps it cached, so content that read an app it does not name would
show stale figures. Each builder runs on a quartier with data of every kind and its SQL is read:
the quartier page's parts (`quartierseite.TEILE`), the network document and the public page
and feeds."""

import datetime
import re
import sys
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from akteure.models import Akteur
from akteure.views.netzwerk import NETZWERK_APPS, netzwerk_json_text
from bedarfe import services as bedarfe_services
from bedarfe.models import Bedarf
from berichte import quartierseite
from berichte.models import _Rollup
from oeffentlichkeit.views.feed import FEED_APPS, feed_beitraege
from oeffentlichkeit.views.seiten import QUARTIER_DATEN_APPS, quartier_daten
from oeffentlichkeit.views.termine import TERMINE_ICS_APPS, termine_ical
from tests import factories

pytestmark = pytest.mark.django_db

#: The rollups, filled by triggers on the tables of these apps (berichte/rollups.py).
ROLLUP_QUELLEN = {
    "berichte_bedarfzahl": "bedarfe",
    "berichte_abschlusszahl": "bedarfe",
    "berichte_weiterleitungzahl": "bedarfe",
    "berichte_antwortdauerzahl": "bedarfe",
    "berichte_terminzahl": "projekte",
}


#: Every shared content that names its apps: its builder (from a quartier's id) and the apps.
INHALTE = {
    **{f"quartierseite-{name}": teil for name, teil in quartierseite.TEILE.items()},
    "netzwerk_json": (lambda q: netzwerk_json_text(q, None), NETZWERK_APPS),
    "oeffentliche_quartierseite": (quartier_daten, QUARTIER_DATEN_APPS),
    "oeffentliche_beitraege_atom": (feed_beitraege, FEED_APPS),
    "oeffentliche_termine_ics": (
        lambda q: termine_ical(q, "https://example.org/"),
        TERMINE_ICS_APPS,
    ),
}


def _app_je_tabelle() -> dict[str, str]:
    tabellen = {
        m._meta.db_table: m._meta.app_label for m in apps.get_models(include_auto_created=True)
    }
    return {**tabellen, **ROLLUP_QUELLEN}


@pytest.fixture
def voller_quartier(quartier, qm):
    """A quartier with records of every kind the page shows."""
    heute = timezone.localdate()
    morgen = timezone.now() + datetime.timedelta(days=1)
    hf = factories.HandlungsfeldFactory()
    akteur = factories.AkteurFactory(quartiere=[quartier])
    akteur.handlungsfelder.set([hf])
    factories.BeziehungFactory(quelle=akteur, ziel=factories.AkteurFactory(quartiere=[quartier]))
    gremium = factories.GremiumFactory(quartier=quartier)
    factories.SitzungFactory(gremium=gremium, beginn=morgen)
    factories.AufgabeFactory(quartier=quartier, faellig_am=heute - datetime.timedelta(days=3))
    bedarf = factories.BedarfFactory(quartier=quartier, handlungsfeld=hf)
    factories.WeiterleitungFactory(bedarf=bedarf, frist=heute - datetime.timedelta(days=1))
    projekt = factories.ProjektFactory(quartiere=[quartier], status="umsetzung")
    factories.TerminFactory(quartier=quartier, projekt=projekt, beginn=morgen, oeffentlich=True)
    factories.BeitragFactory(quartier=quartier)
    fonds = factories.StadtteilfondsFactory(quartier=quartier, jahr=heute.year)
    factories.FondsantragFactory(fonds=fonds, betrag_bewilligt=Decimal("100.00"))
    programm = factories.ProgrammFactory()
    factories.ProgrammeinsatzFactory(programm=programm, quartier=quartier)
    factories.BerichtspflichtFactory(programm=programm, faellig_am=heute)
    return quartier


def test_jeder_rollup_hat_eine_quelle():
    rollups = {
        m._meta.db_table
        for m in apps.get_app_config("berichte").get_models()
        if issubclass(m, _Rollup)
    }
    assert rollups == set(ROLLUP_QUELLEN)


@pytest.mark.parametrize("name", INHALTE)
def test_inhalt_nennt_jede_app_deren_tabellen_er_liest(name, voller_quartier):
    bauen, genannt = INHALTE[name]
    with CaptureQueriesContext(connection) as abfragen:
        bauen(voller_quartier.pk)
    app_je_tabelle = _app_je_tabelle()
    tabellen = {
        t for a in abfragen.captured_queries for t in re.findall(r'(?:FROM|JOIN) "(\w+)"', a["sql"])
    }
    assert tabellen, "the builder reads nothing?"
    gelesen = {app_je_tabelle[t] for t in tabellen}
    assert gelesen <= set(genannt), f"{name} reads {sorted(gelesen - set(genannt))}"


def _mitgeschrieben(bauen, name: str, gebaut: list):
    """`bauen`, writing `name` into `gebaut` at each call (a build, i.e. a cache miss)."""

    def gezaehlt(*args):
        gebaut.append(name)
        return bauen(*args)

    return gezaehlt


def test_ein_kommentar_baut_nur_den_teil_der_bedarfe_neu(
    voller_quartier, qm, monkeypatch, django_capture_on_commit_callbacks
):
    gebaut = []
    teile = {
        name: (_mitgeschrieben(bauen, name, gebaut), genannt)
        for name, (bauen, genannt) in quartierseite.TEILE.items()
    }
    monkeypatch.setattr(quartierseite, "TEILE", teile)
    quartierseite.gemeinsame_daten(voller_quartier.pk)
    assert sorted(gebaut) == sorted(teile)
    gebaut.clear()
    bedarf = Bedarf.objects.get(quartier=voller_quartier)
    with django_capture_on_commit_callbacks(execute=True):
        bedarfe_services.bedarf_kommentieren(bedarf=bedarf, kommentar="Rückruf", von=qm)
    quartierseite.gemeinsame_daten(voller_quartier.pk)
    assert gebaut == ["bedarfe"]
    gebaut.clear()
    with django_capture_on_commit_callbacks(execute=True):
        factories.AufgabeFactory(quartier=voller_quartier, titel="Flyer drucken")
    daten = quartierseite.gemeinsame_daten(voller_quartier.pk)
    assert "Flyer drucken" in {a.titel for a in daten["aufgaben"]}
    assert sorted(gebaut) == ["bedarfe", "netzwerk", "projekte"]  # the parts that read akteure


def test_ein_kommentar_laesst_die_netzwerkdaten_im_cache(
    client, qm, voller_quartier, monkeypatch, django_capture_on_commit_callbacks
):
    gebaut = []
    netzwerk_views = sys.modules["akteure.views.netzwerk"]  # `akteure.views.netzwerk` is the view
    monkeypatch.setattr(
        netzwerk_views,
        "netzwerk_json_text",
        _mitgeschrieben(netzwerk_views.netzwerk_json_text, "netzwerk_json", gebaut),
    )
    url = reverse("akteure:netzwerk_json") + f"?quartier={voller_quartier.slug}"
    client.force_login(qm)
    client.get(url)
    bedarf = Bedarf.objects.get(quartier=voller_quartier)
    with django_capture_on_commit_callbacks(execute=True):
        bedarfe_services.bedarf_kommentieren(bedarf=bedarf, kommentar="Rückruf", von=qm)
    client.get(url)
    assert len(gebaut) == 1
    akteur = Akteur.objects.filter(quartiere=voller_quartier).first()
    akteur.name = "Bürgerverein Nord"
    with django_capture_on_commit_callbacks(execute=True):
        akteur.save()
    namen = {k["name"] for k in client.get(url).json()["knoten"]}
    assert len(gebaut) == 2
    assert "Bürgerverein Nord" in namen
