"""Other apps add sections to the quartier page through quartiere.abschnitte."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from quartiersmanagement import abschnitte
from tests import factories

pytestmark = pytest.mark.django_db


def test_registrierter_abschnitt_erscheint_auf_der_quartierseite(
    client, qm, quartier, tmp_path, settings
):
    vorlage = tmp_path / "probe_abschnitt.html"
    vorlage.write_text("<p>Offene Bedarfe: {{ daten.anzahl }} in {{ objekt.name }}</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    abschnitt = abschnitte.Abschnitt(
        titel="Probe", template="probe_abschnitt.html", kontext=lambda u, q: {"anzahl": 7}
    )
    abschnitte.registrieren("quartier", abschnitt)
    try:
        client.force_login(qm)
        inhalt = client.get(quartier.get_absolute_url()).content.decode()
    finally:
        abschnitte._registriert["quartier"].pop("probe_abschnitt.html")
    assert "Offene Bedarfe: 7 in Preuswald" in inhalt


@pytest.fixture
def probevorlage(tmp_path, settings):
    (tmp_path / "probe.html").write_text("a={{ daten.a }} b={{ daten.b }}")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]


@pytest.fixture
def anfrage(qm):
    request = RequestFactory().get("/")
    request.user = qm
    return request


def _probeseite(kontext, **optionen):
    abschnitte.registrieren(
        "probe",
        abschnitte.Abschnitt(titel="Probe", template="probe.html", kontext=kontext, **optionen),
    )


@pytest.fixture
def zahl():
    aufrufe = []

    def zaehlen(q):
        aufrufe.append(q)
        return len(aufrufe)

    yield zaehlen
    abschnitte._registriert.pop("probe", None)


def test_geteilt_rechnet_waehrend_einer_seite_nur_einmal(probevorlage, anfrage, quartier, zahl):
    _probeseite(
        lambda u, q: {"a": abschnitte.geteilt(zahl, q), "b": abschnitte.geteilt(zahl, q)},
        persoenlich=True,
    )
    erste = abschnitte.abschnitte_fuer("probe", anfrage, quartier)
    zweite = abschnitte.abschnitte_fuer("probe", anfrage, quartier)
    assert erste[0][1] == "a=1 b=1"
    # A new page computes afresh: the memo never outlives one call of abschnitte_fuer.
    assert zweite[0][1] == "a=2 b=2"


def test_abschnitt_kommt_bis_zur_naechsten_aenderung_aus_dem_speicher(
    probevorlage, anfrage, quartier, zahl
):
    _probeseite(lambda u, q: {"a": zahl(q), "b": 0})
    assert abschnitte.abschnitte_fuer("probe", anfrage, quartier)[0][1] == "a=1 b=0"
    assert abschnitte.abschnitte_fuer("probe", anfrage, quartier)[0][1] == "a=1 b=0"
    factories.BedarfFactory(quartier=quartier)
    assert abschnitte.abschnitte_fuer("probe", anfrage, quartier)[0][1] == "a=2 b=0"


@pytest.mark.parametrize("seite", ["quartier", "bedarf"])
def test_gemeinsame_abschnitte_zeigen_allen_dasselbe(seite, quartier, qm, leitung):
    """Cached sections are shared by every reader, so they must not depend on the user: the
    same HTML for the quartier's QM and for Leitung, and no form with a CSRF token."""
    objekt = quartier if seite == "quartier" else factories.BedarfFactory(quartier=quartier)
    factories.AufgabeFactory(quartier=quartier)
    for abschnitt in abschnitte._registriert[seite].values():
        if abschnitt.persoenlich:
            continue
        html = {}
        for benutzer in (qm, leitung):
            request = RequestFactory().get("/")
            request.user = benutzer
            html[benutzer] = abschnitte._html(abschnitt, seite, request, objekt)
            cache.clear()
        assert html[qm] == html[leitung], abschnitt.template
        assert "csrfmiddlewaretoken" not in html[qm], abschnitt.template


def test_geteilt_ausserhalb_einer_seite_ruft_immer_auf(quartier):
    aufrufe = []
    abschnitte.geteilt(aufrufe.append, quartier)
    abschnitte.geteilt(aufrufe.append, quartier)
    assert aufrufe == [quartier, quartier]
