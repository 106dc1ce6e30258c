"""Shared content names the models whose records it reads (`shared_cache.cached(..., models=)`):
a write of another model keeps it cached, so content that read a model it does not name would
show stale figures. Each builder runs on a quartier with data of every kind and its SQL is read:
the quartier page's parts (`quartierseite.TEILE`), the network document, the public page and
feeds and the departments' figures. A table of a model whose writes reach no quartier (a
Handlungsfeld, a department) needs no naming: such a write renews all content."""

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
from akteure.views.netzwerk import NETZWERK_MODELS, netzwerk_json_text
from bedarfe import services as bedarfe_services
from bedarfe.models import Bedarf
from berichte import quartierseite, selectors, uebersicht
from berichte.models import _Rollup
from oeffentlichkeit.views.feed import FEED_MODELS, feed_beitraege
from oeffentlichkeit.views.seiten import QUARTIER_DATEN_MODELS, quartier_daten
from oeffentlichkeit.views.termine import TERMINE_ICS_MODELS, termine_ical
from quartiersmanagement import shared_cache
from tests import factories

pytestmark = pytest.mark.django_db

#: Every shared content that names its models: its builder (from a quartier's id), the models.
INHALTE = {
    **{f"quartierseite-{name}": teil for name, teil in quartierseite.TEILE.items()},
    "netzwerk_json": (lambda q: netzwerk_json_text(q, None), NETZWERK_MODELS),
    "oeffentliche_quartierseite": (quartier_daten, QUARTIER_DATEN_MODELS),
    "oeffentliche_beitraege_atom": (feed_beitraege, FEED_MODELS),
    "oeffentliche_termine_ics": (
        lambda q: termine_ical(q, "https://example.org/"),
        TERMINE_ICS_MODELS,
    ),
    "fachbereiche": (
        lambda q: selectors.fachbereiche_im_jahr([q], timezone.localdate().year),
        uebersicht.FACHBEREICHE_MODELS,
    ),
}


def _erneuert_alles(model) -> bool:
    """A write of this model reaches no quartier: it renews all content (shared_cache)."""
    return (
        shared_cache._is_own(model)
        and not model._meta.auto_created
        and not shared_cache._has_quartier(model)
        and not shared_cache._parent_keys(model)
        and not shared_cache._quartier_m2m(model)
    )


def _gelesen(abfragen) -> set[str]:
    """The labels of the models whose writes must renew content that ran these queries."""
    modelle = {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}
    tabellen = {
        t for a in abfragen.captured_queries for t in re.findall(r'(?:FROM|JOIN) "(\w+)"', a["sql"])
    }
    assert tabellen, "the builder reads nothing?"
    return set(
        shared_cache._labels(
            m._meta.label_lower for t in tabellen if not _erneuert_alles(m := modelle[t])
        )
    )


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


def test_jeder_rollup_nennt_die_modelle_die_ihn_fuellen():
    """Content reading a rollup holds the versions of the models in its `filled_by`: a rollup
    without them would stand for itself, whose rows only triggers write, and never renew."""
    rollups = [m for m in apps.get_app_config("berichte").get_models() if issubclass(m, _Rollup)]
    assert len(rollups) == 5
    for rollup in rollups:
        assert rollup.filled_by, rollup.__name__
        for label in rollup.filled_by:
            assert shared_cache._is_own(apps.get_model(label)), (rollup.__name__, label)


@pytest.mark.parametrize("name", INHALTE)
def test_inhalt_nennt_jedes_modell_dessen_tabellen_er_liest(name, voller_quartier):
    bauen, genannt = INHALTE[name]
    with CaptureQueriesContext(connection) as abfragen:
        bauen(voller_quartier.pk)
    fehlend = _gelesen(abfragen) - set(shared_cache._labels(genannt))
    assert not fehlend, f"{name} reads {sorted(fehlend)}"


def _mitgeschrieben(bauen, name: str, gebaut: list):
    """`bauen`, writing `name` into `gebaut` at each call (a build, i.e. a cache miss)."""

    def gezaehlt(*args):
        gebaut.append(name)
        return bauen(*args)

    return gezaehlt


def test_eine_aenderung_baut_nur_die_teile_neu_die_ihr_modell_lesen(
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
    assert gebaut == []  # no part reads the timeline
    with django_capture_on_commit_callbacks(execute=True):
        bedarfe_services.bedarf_status_aendern(
            bedarf=bedarf, status=Bedarf.Status.IN_BEARBEITUNG, von=qm
        )
    quartierseite.gemeinsame_daten(voller_quartier.pk)
    assert gebaut == ["bedarfe"]
    gebaut.clear()
    with django_capture_on_commit_callbacks(execute=True):
        factories.AufgabeFactory(quartier=voller_quartier, titel="Flyer drucken")
    daten = quartierseite.gemeinsame_daten(voller_quartier.pk)
    assert "Flyer drucken" in {a.titel for a in daten["aufgaben"]}
    assert sorted(gebaut) == ["bedarfe", "netzwerk"]  # the parts that read action items


@pytest.mark.parametrize("stadtweit", [False, True], ids=["quartier", "stadt"])
def test_nur_weiterleitungen_erneuern_die_zahlen_der_fachbereiche(
    stadtweit, voller_quartier, qm, monkeypatch, django_capture_on_commit_callbacks
):
    gebaut = []
    monkeypatch.setattr(
        selectors,
        "fachbereiche_im_jahr",
        _mitgeschrieben(selectors.fachbereiche_im_jahr, "fachbereiche", gebaut),
    )
    jahr = timezone.localdate().year
    ids = None if stadtweit else [voller_quartier.pk]
    bedarf = Bedarf.objects.get(quartier=voller_quartier)
    uebersicht.fachbereiche(ids, jahr)
    with django_capture_on_commit_callbacks(execute=True):
        bedarfe_services.bedarf_kommentieren(bedarf=bedarf, kommentar="Rückruf", von=qm)
        bedarfe_services.bedarf_status_aendern(
            bedarf=bedarf, status=Bedarf.Status.IN_BEARBEITUNG, von=qm
        )
        factories.BedarfFactory(quartier=voller_quartier)
    uebersicht.fachbereiche(ids, jahr)
    assert len(gebaut) == 1
    with django_capture_on_commit_callbacks(execute=True):
        factories.WeiterleitungFactory(bedarf=bedarf)
    assert sum(f.weitergeleitet for f in uebersicht.fachbereiche(ids, jahr)) == 2
    assert len(gebaut) == 2


def test_ein_umgezogener_bedarf_erneuert_die_zahlen_der_fachbereiche_beider_quartiere(
    voller_quartier, qm, django_capture_on_commit_callbacks
):
    jahr = timezone.localdate().year
    anderes = factories.QuartierFactory()
    assert sum(f.weitergeleitet for f in uebersicht.fachbereiche([anderes.pk], jahr)) == 0
    assert sum(f.weitergeleitet for f in uebersicht.fachbereiche([voller_quartier.pk], jahr)) == 1
    bedarf = Bedarf.objects.get(quartier=voller_quartier)
    bedarf.quartier = anderes
    with django_capture_on_commit_callbacks(execute=True):
        bedarf.save()
    assert sum(f.weitergeleitet for f in uebersicht.fachbereiche([anderes.pk], jahr)) == 1
    assert sum(f.weitergeleitet for f in uebersicht.fachbereiche([voller_quartier.pk], jahr)) == 0


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
