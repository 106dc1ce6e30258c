import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from akteure.models import Sitzung
from oeffentlichkeit.views import seiten
from tests import factories


def _morgen():
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)


def test_uebersicht_zeigt_nur_oeffentliche_quartiere(client, oeffentliches_quartier):
    factories.QuartierFactory(name="Verstecktes Viertel", slug="versteckt")
    inhalt = client.get(reverse("oeffentlichkeit:uebersicht")).content.decode()
    assert "Preuswald" in inhalt
    assert "Verstecktes Viertel" not in inhalt


def test_quartierseite_ohne_anmeldung_mit_kontakt_und_sprechzeiten(client, oeffentliches_quartier):
    antwort = client.get(reverse("oeffentlichkeit:quartier", args=["preuswald"]))
    assert antwort.status_code == 200
    inhalt = antwort.content.decode()
    assert "Reimser Straße 1" in inhalt
    assert "Di 10–12 Uhr" in inhalt
    assert "qm-preuswald@stadt.example" in inhalt
    assert '<html lang="de">' in inhalt
    assert 'href="#inhalt"' in inhalt
    assert reverse("oeffentlichkeit:barrierefreiheit") in inhalt
    assert reverse("oeffentlichkeit:leichte-sprache") in inhalt
    assert 'property="og:title"' in inhalt


def test_quartierseite_hat_keine_mitarbeiternavigation(client, qm, oeffentliches_quartier):
    client.force_login(qm)
    inhalt = client.get(reverse("oeffentlichkeit:quartier", args=["preuswald"])).content.decode()
    assert reverse("logout") not in inhalt
    assert reverse("password_change") not in inhalt


def test_nicht_oeffentliches_quartier_gibt_404(client, quartier):
    assert client.get(reverse("oeffentlichkeit:quartier", args=[quartier.slug])).status_code == 404
    assert (
        client.get(reverse("oeffentlichkeit:termine_ics", args=[quartier.slug])).status_code == 404
    )
    assert client.get(reverse("oeffentlichkeit:feed", args=[quartier.slug])).status_code == 404


def test_quartierseite_zeigt_termine_projekte_beitraege_und_antworten(
    client, oeffentliches_quartier
):
    q = oeffentliches_quartier
    factories.TerminFactory(quartier=q, titel="Sommerfest", oeffentlich=True, beginn=_morgen())
    gremium = factories.GremiumFactory(
        quartier=q, name="Stadtteilkonferenz Preuswald", oeffentlich=True
    )
    factories.SitzungFactory(gremium=gremium, titel="", beginn=_morgen())
    factories.ProjektFactory(
        quartiere=[q], titel="Gemeinschaftsgarten", oeffentlich=True, status="umsetzung"
    )
    factories.BeitragFactory(quartier=q, titel="Neue Bänke am Spielplatz")
    factories.BedarfFactory(
        quartier=q,
        titel="Mehr Licht im Park",
        oeffentlich=True,
        oeffentliche_antwort="Laternen stehen.",
    )
    inhalt = client.get(reverse("oeffentlichkeit:quartier", args=["preuswald"])).content.decode()
    for text in (
        "Sommerfest",
        "Stadtteilkonferenz Preuswald",
        "Gemeinschaftsgarten",
        "Neue Bänke am Spielplatz",
        "Mehr Licht im Park",
        "Laternen stehen.",
    ):
        assert text in inhalt


def test_quartierseite_kommt_aus_dem_zwischenspeicher_bis_sich_etwas_aendert(
    client, oeffentliches_quartier, django_capture_on_commit_callbacks, monkeypatch
):
    # The five-minute window is part of the key: pinned, so that the two requests cannot
    # fall on either side of its boundary (a fresh clone's run once did).
    monkeypatch.setattr(seiten, "time_window", lambda: 1)
    url = reverse("oeffentlichkeit:quartier", args=[oeffentliches_quartier.slug])
    factories.TerminFactory(
        quartier=oeffentliches_quartier, titel="Sommerfest", oeffentlich=True, beginn=_morgen()
    )
    assert "Sommerfest" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as zweiter_abruf:
        assert "Sommerfest" in client.get(url).content.decode()
    assert not any("projekte_termin" in q["sql"] for q in zweiter_abruf.captured_queries)
    with django_capture_on_commit_callbacks(execute=True):
        factories.TerminFactory(
            quartier=oeffentliches_quartier, titel="Flohmarkt", oeffentlich=True, beginn=_morgen()
        )
    assert "Flohmarkt" in client.get(url).content.decode()


def test_beitrag_mit_kuenftigem_datum_ist_noch_nicht_sichtbar(client, oeffentliches_quartier):
    b = factories.BeitragFactory(
        quartier=oeffentliches_quartier,
        titel="Zukunftsmeldung",
        veroeffentlicht_am=datetime.date.today() + datetime.timedelta(days=3),
    )
    inhalt = client.get(reverse("oeffentlichkeit:quartier", args=["preuswald"])).content.decode()
    assert "Zukunftsmeldung" not in inhalt
    url = reverse("oeffentlichkeit:beitrag", args=["preuswald", b.pk])
    assert client.get(url).status_code == 404


def test_beitragstext_wird_maskiert_und_nur_mit_eigenen_absaetzen_und_links(
    client, oeffentliches_quartier
):
    b = factories.BeitragFactory(
        quartier=oeffentliches_quartier,
        text="<b>fett</b> <script>alert(1)</script>\n\nMehr unter https://aachen.de/quartier.",
    )
    inhalt = client.get(
        reverse("oeffentlichkeit:beitrag", args=["preuswald", b.pk])
    ).content.decode()
    assert "<script>alert" not in inhalt
    assert "&lt;b&gt;fett&lt;/b&gt;" in inhalt
    assert '<a href="https://aachen.de/quartier" rel="nofollow noopener">' in inhalt
    assert "<p>Mehr unter" in inhalt


def test_projektseite_nur_fuer_oeffentliche_projekte(client, oeffentliches_quartier):
    offen = factories.ProjektFactory(quartiere=[oeffentliches_quartier], oeffentlich=True)
    intern = factories.ProjektFactory(quartiere=[oeffentliches_quartier], oeffentlich=False)
    url = "oeffentlichkeit:projekt"
    assert client.get(reverse(url, args=["preuswald", offen.slug])).status_code == 200
    assert client.get(reverse(url, args=["preuswald", intern.slug])).status_code == 404


def test_projekt_eines_anderen_quartiers_gibt_404(client, oeffentliches_quartier, anderes_quartier):
    fremd = factories.ProjektFactory(quartiere=[anderes_quartier], oeffentlich=True)
    url = reverse("oeffentlichkeit:projekt", args=["preuswald", fremd.slug])
    assert client.get(url).status_code == 404


def test_akteursverzeichnis_nur_mit_einwilligung(client, oeffentliches_quartier):
    factories.AkteurFactory(
        quartiere=[oeffentliches_quartier],
        name="Bürgerverein Preuswald",
        oeffentlich=True,
        einwilligung_am=datetime.date(2026, 1, 1),
    )
    factories.AkteurFactory(quartiere=[oeffentliches_quartier], name="Stiller Verein")
    inhalt = client.get(reverse("oeffentlichkeit:akteure", args=["preuswald"])).content.decode()
    assert "Bürgerverein Preuswald" in inhalt
    assert "Stiller Verein" not in inhalt


def test_terminliste_mit_json_ld(client, oeffentliches_quartier):
    factories.TerminFactory(
        quartier=oeffentliches_quartier,
        titel="Flohmarkt </script>",
        oeffentlich=True,
        beginn=_morgen(),
    )
    inhalt = client.get(reverse("oeffentlichkeit:termine", args=["preuswald"])).content.decode()
    anfang = inhalt.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    roh = inhalt[anfang : inhalt.index("</script>", anfang)]
    import json

    daten = json.loads(roh)
    assert daten[0]["@type"] == "Event"
    assert daten[0]["name"] == "Flohmarkt </script>"
    assert daten[0]["location"]["name"] == "Stadtteilbüro"


def test_abgesagte_sitzung_steht_als_abgesagt_in_der_liste(client, oeffentliches_quartier):
    gremium = factories.GremiumFactory(quartier=oeffentliches_quartier, oeffentlich=True)
    factories.SitzungFactory(gremium=gremium, titel="Herbstsitzung", status=Sitzung.Status.ABGESAGT)
    inhalt = client.get(reverse("oeffentlichkeit:termine", args=["preuswald"])).content.decode()
    assert "Herbstsitzung" in inhalt
    assert "abgesagt" in inhalt


@pytest.mark.parametrize(
    "name", ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"]
)
def test_rechtliche_seiten_ohne_anmeldung(client, db, name):
    assert client.get(reverse(f"oeffentlichkeit:{name}")).status_code == 200


def test_rechtliche_seite_zeigt_den_text_aus_der_verwaltung(client, db):
    factories.SeiteFactory(
        art="impressum", titel="Impressum der Stadt", text="Herausgeberin: Stadt Aachen"
    )
    inhalt = client.get(reverse("oeffentlichkeit:impressum")).content.decode()
    assert "Impressum der Stadt" in inhalt
    assert "Herausgeberin: Stadt Aachen" in inhalt


@pytest.mark.parametrize("name", ["uebersicht", "quartier", "termine", "akteure", "feed"])
def test_oeffentliche_seiten_lehnen_post_ab(client, oeffentliches_quartier, name):
    args = [] if name == "uebersicht" else ["preuswald"]
    assert client.post(reverse(f"oeffentlichkeit:{name}", args=args)).status_code == 405


def _daten(q, n):
    for _i in range(n):
        factories.TerminFactory(quartier=q, oeffentlich=True, beginn=_morgen())
        factories.SitzungFactory(gremium=factories.GremiumFactory(quartier=q, oeffentlich=True))
        factories.ProjektFactory(quartiere=[q], oeffentlich=True, status="umsetzung")
        factories.BeitragFactory(quartier=q)
        factories.BedarfFactory(quartier=q, oeffentlich=True, oeffentliche_antwort="Erledigt.")
        factories.AkteurFactory(
            quartiere=[q], oeffentlich=True, einwilligung_am=datetime.date(2026, 1, 1)
        )


@pytest.mark.parametrize(
    "name", ["uebersicht", "quartier", "termine", "akteure", "termine_ics", "feed"]
)
def test_oeffentliche_seiten_mit_konstanter_abfragezahl(
    client, oeffentliches_quartier, abfragen, name, django_capture_on_commit_callbacks
):
    """Counted on the first visit after a write, when cached content is built anew."""
    args = [] if name == "uebersicht" else ["preuswald"]
    url = reverse(f"oeffentlichkeit:{name}", args=args)
    with django_capture_on_commit_callbacks(execute=True):
        _daten(oeffentliches_quartier, 1)
    wenige = abfragen(lambda: client.get(url))
    with django_capture_on_commit_callbacks(execute=True):
        _daten(oeffentliches_quartier, 4)
        factories.QuartierFactory(oeffentlich=True)
    assert abfragen(lambda: client.get(url)) == wenige


def test_monatsansicht_zeigt_termine_des_monats(client, oeffentliches_quartier):
    beginn = timezone.make_aware(datetime.datetime(2026, 12, 10, 18, 0))
    factories.TerminFactory(
        quartier=oeffentliches_quartier, titel="Adventscafé", oeffentlich=True, beginn=beginn
    )
    factories.TerminFactory(
        quartier=oeffentliches_quartier,
        titel="Neujahrsempfang",
        oeffentlich=True,
        beginn=beginn + datetime.timedelta(days=40),
    )
    url = reverse("oeffentlichkeit:termine", args=["preuswald"])
    inhalt = client.get(url, {"ansicht": "monat", "monat": "2026-12"}).content.decode()
    assert "Adventscafé" in inhalt
    assert "Neujahrsempfang" not in inhalt
    assert "Dezember 2026" in inhalt
    assert "monat=2027-01" in inhalt


@pytest.mark.parametrize("monat", ["quatsch", "2026-13", "99999-01", "1-1-1"])
def test_ungueltiger_monat_zeigt_den_aktuellen_monat(client, oeffentliches_quartier, monat):
    url = reverse("oeffentlichkeit:termine", args=["preuswald"])
    antwort = client.get(url, {"ansicht": "monat", "monat": monat})
    assert antwort.status_code == 200
    assert antwort.context["erster"] == timezone.localdate().replace(day=1)


def test_monatsansicht_mit_konstanter_abfragezahl(client, oeffentliches_quartier, abfragen):
    url = reverse("oeffentlichkeit:termine", args=["preuswald"]) + "?ansicht=monat"
    _daten(oeffentliches_quartier, 1)
    wenige = abfragen(lambda: client.get(url))
    _daten(oeffentliches_quartier, 4)
    assert abfragen(lambda: client.get(url)) == wenige


def test_aushang_ist_ein_pdf(client, oeffentliches_quartier):
    factories.TerminFactory(quartier=oeffentliches_quartier, oeffentlich=True, beginn=_morgen())
    antwort = client.get(reverse("oeffentlichkeit:aushang", args=["preuswald"]))
    assert antwort["Content-Type"] == "application/pdf"
    assert antwort.content.startswith(b"%PDF")


def test_oeffentliche_seite_ist_zwischenspeicherbar_mit_etag(
    client, oeffentliches_quartier, django_capture_on_commit_callbacks
):
    url = reverse("oeffentlichkeit:quartier", args=["preuswald"])
    antwort = client.get(url)
    assert "public" in antwort["Cache-Control"]
    assert antwort["ETag"]
    assert client.get(url, headers={"if-none-match": antwort["ETag"]}).status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        factories.BeitragFactory(quartier=oeffentliches_quartier, titel="Frisch")
    assert client.get(url, headers={"if-none-match": antwort["ETag"]}).status_code == 200


def test_quartierseite_wiegt_komprimiert_unter_300_kb(client, oeffentliches_quartier):
    """HTML plus every stylesheet, script and image it loads, gzip-compressed."""
    import gzip
    import re

    from django.contrib.staticfiles import finders
    from django.templatetags.static import static

    _daten(oeffentliches_quartier, 5)
    html = client.get(reverse("oeffentlichkeit:quartier", args=["preuswald"])).content
    gesamt = len(gzip.compress(html))
    praefix = static("")
    for pfad in re.findall(rf'(?:href|src)="{re.escape(praefix)}([^"]+)"', html.decode()):
        gesamt += len(gzip.compress(open(finders.find(pfad), "rb").read()))  # noqa: SIM115
    assert gesamt < 300 * 1024, gesamt
    # No render-blocking script: the map's scripts (Leaflet) load with `defer`.
    blockierend = re.findall(rb'<script src="[^"]*"(?![^>]*\b(?:defer|async)\b)[^>]*>', html)
    assert not blockierend, blockierend
