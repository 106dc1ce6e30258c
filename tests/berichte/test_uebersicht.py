"""The city-wide overview: figures against hand-computed values, access, constant queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bedarfe.models import Bedarf, Bedarfsereignis
from berichte.uebersicht import uebersicht
from projekte.models import Projekt
from tests import factories

JAHR = 2025
URL = reverse("berichte:uebersicht")


def _zeit(tag: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(tag, datetime.time(10), tzinfo=timezone.get_current_timezone())


def _geschlossen(quartier, gemeldet, geschlossen):
    bedarf = factories.BedarfFactory(
        quartier=quartier, gemeldet_am=gemeldet, status=Bedarf.Status.ERLEDIGT
    )
    Bedarfsereignis.objects.create(
        bedarf=bedarf,
        art=Bedarfsereignis.Art.STATUS,
        von_status=Bedarf.Status.IN_BEARBEITUNG,
        zu_status=Bedarf.Status.ERLEDIGT,
        zeitpunkt=_zeit(geschlossen),
    )
    return bedarf


def quartier_mit_daten(quartier):
    """Needs, projects, events and a fund of `quartier` in JAHR (and some outside it)."""
    factories.BedarfFactory(quartier=quartier, gemeldet_am=datetime.date(JAHR, 3, 1))
    factories.BedarfFactory(
        quartier=quartier, gemeldet_am=datetime.date(JAHR - 1, 6, 1), status="in_pruefung"
    )
    _geschlossen(quartier, datetime.date(JAHR, 4, 1), datetime.date(JAHR, 5, 1))
    _geschlossen(quartier, datetime.date(JAHR - 1, 12, 1), datetime.date(JAHR, 1, 10))
    _geschlossen(quartier, datetime.date(JAHR - 1, 1, 1), datetime.date(JAHR - 1, 2, 1))
    factories.ProjektFactory(quartiere=[quartier], status=Projekt.Status.UMSETZUNG)
    factories.ProjektFactory(quartiere=[quartier], status=Projekt.Status.IDEE)
    termin = factories.TerminFactory(quartier=quartier, beginn=_zeit(datetime.date(JAHR, 6, 1)))
    factories.TeilnahmeFactory(termin=termin, anzahl=10)
    factories.TeilnahmeFactory(termin=termin, anzahl=5)
    abgesagt = factories.TerminFactory(
        quartier=quartier, beginn=_zeit(datetime.date(JAHR, 7, 1)), abgesagt=True
    )
    factories.TeilnahmeFactory(termin=abgesagt, anzahl=7)
    frueher = factories.TerminFactory(
        quartier=quartier, beginn=_zeit(datetime.date(JAHR - 1, 7, 1))
    )
    factories.TeilnahmeFactory(termin=frueher, anzahl=3)
    fonds = factories.StadtteilfondsFactory(quartier=quartier, jahr=JAHR, budget=Decimal("5000.00"))
    antrag = factories.FondsantragFactory(fonds=fonds, betrag_bewilligt=Decimal("1200.00"))
    factories.AuszahlungFactory(antrag=antrag, betrag=Decimal("300.00"))
    factories.AuszahlungFactory(antrag=antrag, betrag=Decimal("200.00"))
    alt = factories.FondsantragFactory(
        fonds=factories.StadtteilfondsFactory(quartier=quartier, jahr=JAHR - 1)
    )
    factories.AuszahlungFactory(antrag=alt, betrag=Decimal("100.00"))


@pytest.mark.django_db
def test_kennzahlen_je_quartier_stimmen_mit_handgerechneten_werten(leitung, quartier):
    quartier_mit_daten(quartier)
    leer = factories.QuartierFactory(name="Zzz leer")
    zeilen = {q.pk: q for q in uebersicht(leitung, JAHR)["quartiere"]}
    q = zeilen[quartier.pk]
    assert f'<a href="{quartier.get_absolute_url()}">{quartier.name}</a>' in q.zeile
    assert (q.bedarfe_eroeffnet, q.bedarfe_geschlossen, q.bedarfe_offen) == (2, 2, 2)
    assert q.projekte_laufend == 1
    assert q.teilnehmende == 15
    assert (q.fonds_budget, q.fonds_bewilligt, q.fonds_ausgezahlt) == (
        Decimal("5000.00"),
        Decimal("1200.00"),
        Decimal("500.00"),
    )
    z = zeilen[leer.pk]
    assert (z.bedarfe_eroeffnet, z.teilnehmende, z.fonds_ausgezahlt) == (0, 0, Decimal(0))


def _weiterleitung(fachbereich, gesendet, beantwortet=None, ergebnis="", frist=None, quartier=None):
    bedarf = factories.BedarfFactory(quartier=quartier, status=Bedarf.Status.WEITERGELEITET)
    return factories.WeiterleitungFactory(
        bedarf=bedarf,
        fachbereich=fachbereich,
        gesendet_am=_zeit(gesendet),
        beantwortet_am=_zeit(beantwortet) if beantwortet else None,
        ergebnis=ergebnis,
        frist=frist or gesendet + datetime.timedelta(days=28),
    )


@pytest.mark.django_db
def test_fachbereiche_mit_median_und_ergebnissen(leitung, quartier):
    fb = factories.FachbereichFactory(kuerzel="FB 61")
    d = datetime.date
    _weiterleitung(fb, d(JAHR, 2, 1), d(JAHR, 2, 11), "uebernommen", quartier=quartier)
    _weiterleitung(fb, d(JAHR, 3, 1), d(JAHR, 3, 21), "abgelehnt", quartier=quartier)
    _weiterleitung(fb, d(JAHR, 3, 1), d(JAHR, 4, 30), "uebernommen", quartier=quartier)
    _weiterleitung(fb, d(JAHR, 3, 5), frist=d(JAHR, 4, 1), quartier=quartier)
    _weiterleitung(fb, d(JAHR - 1, 3, 5), d(JAHR - 1, 3, 6), "abgelehnt", quartier=quartier)
    factories.FachbereichFactory(kuerzel="FB 99")  # nothing forwarded: not listed

    [zeile] = uebersicht(leitung, JAHR)["fachbereiche"]
    assert zeile.pk == fb.pk
    assert (zeile.weitergeleitet, zeile.beantwortet, zeile.ueberfaellig) == (4, 3, 1)
    assert zeile.median_tage == pytest.approx(20.0)
    assert (zeile.ergebnis_uebernommen, zeile.ergebnis_abgelehnt, zeile.ergebnis_in_planung) == (
        2,
        1,
        0,
    )


@pytest.mark.django_db
def test_leitung_sieht_uebersicht_mit_zahlen(client, leitung, quartier):
    quartier_mit_daten(quartier)
    client.force_login(leitung)
    antwort = client.get(URL, {"jahr": JAHR})
    assert antwort.status_code == 200
    inhalt = antwort.content.decode()
    assert quartier.name in inhalt
    assert "5.000,00" in inhalt and "500,00" in inhalt
    assert f"gemeldet_ab={JAHR}-01-01" in inhalt


@pytest.mark.django_db
def test_superuser_sieht_uebersicht(client, admin_user):
    client.force_login(admin_user)
    assert client.get(URL).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("benutzer", ["qm", "lesend"])
def test_andere_rollen_bekommen_403(client, request, benutzer):
    client.force_login(request.getfixturevalue(benutzer))
    assert client.get(URL).status_code == 403


@pytest.mark.django_db
def test_sortierung_nach_spalte_absteigend(client, leitung, quartier):
    quartier_mit_daten(quartier)
    factories.QuartierFactory(name="Aaa leer")
    client.force_login(leitung)
    antwort = client.get(URL, {"jahr": JAHR, "o": "-teilnehmende"})
    namen = [q.name for q in antwort.context["quartiere"]]
    assert namen[0] == quartier.name


@pytest.mark.django_db
def test_sortierung_deutsch_und_gleichstaende_nach_name(client, leitung):
    for name in ("Zentrum", "Ölbach", "Alt-Haarin"):
        factories.QuartierFactory(name=name)
    client.force_login(leitung)
    nach_name = client.get(URL, {"o": "name"}).context["quartiere"]
    assert [q.name for q in nach_name] == ["Alt-Haarin", "Ölbach", "Zentrum"]
    absteigend = client.get(URL, {"o": "-teilnehmende"}).context["quartiere"]
    assert [q.name for q in absteigend] == ["Alt-Haarin", "Ölbach", "Zentrum"]  # all 0: by name


@pytest.mark.django_db
def test_unsinnige_parameter_geben_keinen_fehler(client, leitung):
    client.force_login(leitung)
    antwort = client.get(URL, {"jahr": "abc", "o": "passwort"})
    assert antwort.status_code == 200
    assert antwort.context["jahr"] == timezone.localdate().year


@pytest.mark.django_db
def test_uebersicht_mit_konstanter_anzahl_abfragen(client, leitung, quartier, abfragen):
    client.force_login(leitung)
    quartier_mit_daten(quartier)
    fb = factories.FachbereichFactory()
    _weiterleitung(fb, datetime.date(JAHR, 2, 1), quartier=quartier)
    wenig = abfragen(lambda: client.get(URL, {"jahr": JAHR}))
    # session and user, programmes, the quartiers, their parts (6 figures and their names)
    # and 3 for the departments
    assert wenig <= 18
    for _ in range(3):
        neu = factories.QuartierFactory()
        quartier_mit_daten(neu)
        _weiterleitung(factories.FachbereichFactory(), datetime.date(JAHR, 3, 1), quartier=neu)
    assert abfragen(lambda: client.get(URL, {"jahr": JAHR})) == wenig
    # from the shared cache the quartiers' parts and the departments cost no query
    with CaptureQueriesContext(connection) as aus_dem_cache:
        client.get(URL, {"jahr": JAHR})
    assert len(aus_dem_cache) == wenig - 10


@pytest.mark.django_db
def test_programmauswahl_zeigt_nur_quartiere_des_programms_im_jahr(
    client, leitung, quartier, anderes_quartier
):
    programm = factories.ProgrammFactory(laufzeit_von=datetime.date(2020, 1, 1))
    factories.ProgrammeinsatzFactory(
        programm=programm, quartier=quartier, von=datetime.date(JAHR, 5, 1)
    )
    factories.ProgrammeinsatzFactory(
        programm=programm,
        quartier=anderes_quartier,
        von=datetime.date(2020, 1, 1),
        bis=datetime.date(JAHR - 1, 12, 31),
    )
    client.force_login(leitung)
    antwort = client.get(URL, {"jahr": JAHR, "programm": programm.pk})
    assert [q.pk for q in antwort.context["quartiere"]] == [quartier.pk]
    alle = client.get(URL, {"jahr": JAHR, "programm": "kein"})
    assert {q.pk for q in alle.context["quartiere"]} == {quartier.pk, anderes_quartier.pk}


@pytest.mark.django_db
def test_kleine_diagramme_je_quartier_mit_gemeinsamer_skala(client, leitung, quartier):
    """Small multiples: needs reported/closed on one shared scale, fund shares in percent."""
    quartier_mit_daten(quartier)
    leer = factories.QuartierFactory(name="Zzz leer")
    client.force_login(leitung)
    antwort = client.get(URL, {"jahr": JAHR})
    inhalt = antwort.content.decode()
    daten = antwort.context["diagramme"]
    voll, ohne = daten[f"klein-bedarfe-{quartier.pk}"], daten[f"klein-bedarfe-{leer.pk}"]
    assert voll["datasets"][0]["data"] == [2, 2]
    assert voll["max"] == ohne["max"] == 2
    assert daten[f"klein-fonds-{quartier.pk}"]["datasets"][0]["data"] == [24, 10]  # of 5000
    assert f"klein-fonds-{leer.pk}" not in daten  # no fund: no chart, a sentence instead
    # One data element for all charts, each canvas names its part.
    assert inhalt.count('data-diagramm="kleine-diagramme-daten"') == 3
    assert f'data-teil="klein-bedarfe-{quartier.pk}"' in inhalt
    assert f'data-teil="klein-fonds-{leer.pk}"' not in inhalt
    assert '<script id="kleine-diagramme-daten" type="application/json">' in inhalt
    assert f'aria-label="Bedarfe in {quartier.name}: gemeldet und abgeschlossen"' in inhalt
    assert "2 Bedarfe gemeldet, 2 abgeschlossen; Stadtteilfonds zu 24 % bewilligt" in inhalt


@pytest.mark.django_db
def test_uebersicht_offene_bedarfe_fuehren_zur_gefilterten_liste(client, leitung, quartier):
    quartier_mit_daten(quartier)
    client.force_login(leitung)
    inhalt = client.get(URL, {"jahr": JAHR}).content.decode()
    assert f"{reverse('bedarfe:liste')}?quartier={quartier.pk}&amp;offen=true" in inhalt


@pytest.mark.django_db
def test_naechste_anfrage_nach_einer_aenderung_zeigt_sie(client, leitung, quartier):
    client.force_login(leitung)
    assert "Neuquartier" not in client.get(URL, {"jahr": JAHR}).content.decode()
    neu = factories.QuartierFactory(name="Neuquartier")
    factories.BedarfFactory(quartier=neu, gemeldet_am=datetime.date(JAHR, 2, 1))
    antwort = client.get(URL, {"jahr": JAHR})
    assert "Neuquartier" in antwort.content.decode()
    [zeile] = [q for q in antwort.context["quartiere"] if q.pk == neu.pk]
    assert (zeile.bedarfe_eroeffnet, zeile.bedarfe_offen) == (1, 1)


@pytest.mark.django_db
def test_sortierlinks_tragen_nur_die_eigenen_parameter(client, leitung, quartier):
    """Links in the cached content are built from the normalised parameters, so a stray
    parameter of one request never shows up on another user's page."""
    programm = factories.ProgrammFactory()
    client.force_login(leitung)
    inhalt = client.get(
        URL, {"jahr": JAHR, "programm": programm.pk, "o": "-teilnehmende", "fremd": "x"}
    ).content.decode()
    assert f"?jahr={JAHR}&amp;o=teilnehmende&amp;programm={programm.pk}" in inhalt
    assert "fremd" not in inhalt


@pytest.mark.django_db
def test_jahre_und_ids_ohne_tausenderpunkt(client, leitung):
    """USE_THOUSAND_SEPARATOR groups counts, never years or ids in links ("2.025", "12.345")."""
    quartier = factories.QuartierFactory(pk=12345)
    factories.ZustaendigkeitFactory(quartier=quartier)
    quartier_mit_daten(quartier)
    client.force_login(leitung)
    inhalt = client.get(URL, {"jahr": JAHR}).content.decode()
    assert f"Stadtweite Übersicht {JAHR}" in inhalt
    assert f"?quartier=12345&amp;gemeldet_ab={JAHR}-01-01" in inhalt
    assert f'<option value="{JAHR}" selected>{JAHR}</option>' in inhalt
    assert "2.025" not in inhalt and "12.345" not in inhalt
