"""Public pages never show private records: every private record below carries MARKER (or
the unusual amount BETRAG) and no public page or feed may contain it."""

import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.gis.geos import Point
from django.urls import reverse
from django.utils import timezone

from akteure.models import Akteur, Sitzung
from bedarfe.models import Bedarf
from projekte.models import Projekt, Termin
from tests import factories

MARKER = "Geheimmarker"
BETRAG = "98765"


@pytest.fixture
def private_und_oeffentliche_daten(oeffentliches_quartier):
    q = oeffentliches_quartier
    morgen = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    # public records whose internal fields hold the marker
    projekt = factories.ProjektFactory(
        quartiere=[q],
        titel="Offenes Projekt",
        slug="offenes-projekt",
        oeffentlich=True,
        status="umsetzung",
        erkenntnisse=MARKER,
    )
    factories.BudgetpostenFactory(
        projekt=projekt, bezeichnung=MARKER, geplant=Decimal(f"{BETRAG}.12")
    )
    factories.TerminFactory(
        quartier=q, projekt=projekt, titel="Offener Termin", oeffentlich=True, beginn=morgen
    )
    factories.BedarfFactory(
        quartier=q,
        titel="Öffentlicher Bedarf",
        beschreibung=MARKER,
        oeffentlich=True,
        oeffentliche_antwort="Wir haben gehandelt.",
    )
    gremium = factories.GremiumFactory(quartier=q, name="Offene Konferenz", oeffentlich=True)
    factories.SitzungFactory(gremium=gremium, titel="Offene Sitzung", protokoll=MARKER)
    akteur = factories.AkteurFactory(
        quartiere=[q],
        name="Offener Verein",
        oeffentlich=True,
        einwilligung_am=datetime.date(2026, 1, 1),
        email=f"{MARKER.lower()}@verein.example",
        telefon=MARKER,
    )
    factories.FunktionFactory(
        akteur=akteur, person=factories.PersonFactory(vorname=MARKER, nachname=MARKER)
    )
    factories.BeitragFactory(quartier=q, titel="Offener Beitrag")
    # private records
    factories.BedarfFactory(quartier=q, titel=MARKER, beschreibung=MARKER)
    factories.BedarfFactory(
        quartier=q, titel=MARKER, oeffentlich=False, oeffentliche_antwort=MARKER
    )
    factories.ProjektFactory(quartiere=[q], titel=MARKER, ziele=MARKER, status="umsetzung")
    factories.TerminFactory(quartier=q, titel=MARKER, beschreibung=MARKER, beginn=morgen)
    intern = factories.GremiumFactory(quartier=q, name=MARKER)
    factories.SitzungFactory(gremium=intern, titel=MARKER)
    factories.AkteurFactory(quartiere=[q], name=MARKER, beschreibung=MARKER)
    factories.PersonFactory(vorname=MARKER, nachname=MARKER, notiz=MARKER)
    factories.FondsantragFactory(
        fonds=factories.StadtteilfondsFactory(quartier=q),
        titel=MARKER,
        zweck=MARKER,
        kostenplan=MARKER,
        antragsteller_name=MARKER,
        betrag_beantragt=Decimal(f"{BETRAG}.00"),
    )
    factories.BeitragFactory(
        quartier=q,
        titel=MARKER,
        veroeffentlicht_am=datetime.date.today() + datetime.timedelta(days=7),
    )
    geheim = factories.QuartierFactory(name=MARKER, slug="geheim", beschreibung=MARKER)
    factories.BeitragFactory(quartier=geheim, titel=MARKER)
    assert Sitzung.objects.count() == 2
    # Every record has a place, so the public map (karten) would show it if it leaked.
    for modell in (Akteur, Bedarf, Projekt, Termin, Sitzung):
        modell.objects.update(lage=Point(6.064, 50.7465, srid=4326))
    return q


def _text(antwort) -> str:
    """The page's text; for the PDF the text layer (WeasyPrint compresses its streams)."""
    if antwort["Content-Type"] == "application/pdf":
        import pypdf

        return "".join(s.extract_text() for s in pypdf.PdfReader(io.BytesIO(antwort.content)).pages)
    return antwort.content.decode()


OEFFENTLICHE_URLS = [
    ("uebersicht", []),
    ("quartier", ["preuswald"]),
    ("projekt", ["preuswald", "offenes-projekt"]),
    ("akteure", ["preuswald"]),
    ("termine", ["preuswald"]),
    ("aushang", ["preuswald"]),
    ("termine_ics", ["preuswald"]),
    ("feed", ["preuswald"]),
    ("impressum", []),
    ("datenschutz", []),
    ("barrierefreiheit", []),
    ("leichte-sprache", []),
    ("antrag", ["preuswald"]),
]


@pytest.mark.parametrize("name,args", OEFFENTLICHE_URLS, ids=[n for n, _a in OEFFENTLICHE_URLS])
def test_private_daten_erscheinen_auf_keiner_oeffentlichen_seite(
    client, private_und_oeffentliche_daten, name, args
):
    antwort = client.get(reverse(f"oeffentlichkeit:{name}", args=args))
    assert antwort.status_code == 200
    inhalt = _text(antwort)
    assert MARKER.lower() not in inhalt.lower(), f"{name} zeigt private Daten"
    assert BETRAG not in inhalt, f"{name} zeigt Beträge"


def test_oeffentliche_daten_erscheinen_wirklich(client, private_und_oeffentliche_daten):
    """Guards the privacy test against passing on empty pages."""
    seiten = "".join(
        _text(client.get(reverse(f"oeffentlichkeit:{name}", args=args)))
        for name, args in OEFFENTLICHE_URLS
    )
    for text in (
        "Offenes Projekt",
        "Offener Termin",
        "Öffentlicher Bedarf",
        "Offene Sitzung",
        "Offener Verein",
        "Offener Beitrag",
    ):
        assert text in seiten


def test_beitrag_seite_zeigt_keine_privaten_daten(client, private_und_oeffentliche_daten):
    from oeffentlichkeit.models import Beitrag

    b = Beitrag.objects.get(titel="Offener Beitrag")
    inhalt = client.get(reverse("oeffentlichkeit:beitrag", args=["preuswald", b.pk])).content
    assert MARKER.lower() not in inhalt.decode().lower()


XSS = '<script>alert("xss")</script>"><img src=x onerror=alert(1)>'


def test_oeffentliche_texte_erscheinen_nur_maskiert(client, oeffentliches_quartier):
    q = oeffentliches_quartier
    q.beschreibung = XSS
    q.sprechzeiten = XSS
    q.save()
    morgen = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    projekt = factories.ProjektFactory(
        quartiere=[q], slug="xss", titel=XSS[:200], ziele=XSS, oeffentlich=True, status="umsetzung"
    )
    factories.TerminFactory(
        quartier=q,
        projekt=projekt,
        titel=XSS[:200],
        beschreibung=XSS,
        oeffentlich=True,
        beginn=morgen,
    )
    factories.AkteurFactory(
        quartiere=[q],
        name=XSS,
        beschreibung=XSS,
        oeffentlich=True,
        einwilligung_am=datetime.date(2026, 1, 1),
    )
    factories.BedarfFactory(quartier=q, titel=XSS[:200], oeffentlich=True, oeffentliche_antwort=XSS)
    beitrag = factories.BeitragFactory(quartier=q, titel=XSS[:200], teaser=XSS, text=XSS)
    for name, args in [
        ("quartier", ["preuswald"]),
        ("projekt", ["preuswald", "xss"]),
        ("akteure", ["preuswald"]),
        ("termine", ["preuswald"]),
        ("beitrag", ["preuswald", beitrag.pk]),
    ]:
        inhalt = client.get(reverse(f"oeffentlichkeit:{name}", args=args)).content.decode()
        assert "<script>alert" not in inhalt, name
        assert "<img src=x" not in inhalt, name


def test_oeffentliche_karte_zeigt_nur_oeffentliches(client, private_und_oeffentliche_daten):
    antwort = client.get(reverse("oeffentlichkeit:quartier", args=["preuswald"]))
    features = antwort.context["karte"]["json"]["features"]
    titel = {f["properties"].get("titel") for f in features}
    assert {"Offenes Projekt", "Offener Verein"} <= titel
    assert not any(MARKER in (t or "") for t in titel)
