"""The "Heute" page: what needs a staff member, scoped by their quartiers, read marks."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from arbeitsplatz import selectors, services
from arbeitsplatz.models import Art
from oeffentlichkeit.models import Rueckmeldung
from projekte.models import Fondsantrag
from tests import factories

pytestmark = pytest.mark.django_db


def _alles_in(quartier, qm, text="Eintrag"):
    """One record of every kind of entry in `quartier` (action item assigned to `qm`)."""
    heute = timezone.localdate()
    factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        bedarf__titel=f"{text} beantwortet",
        ergebnis="uebernommen",
        antwort="Wir kümmern uns.",
        beantwortet_am=timezone.now(),
    )
    factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        bedarf__titel=f"{text} überfällig",
        frist=heute - datetime.timedelta(days=3),
    )
    factories.FondsantragFactory(fonds__quartier=quartier, titel=f"{text} Antrag")
    factories.FondsantragFactory(
        fonds__quartier=quartier,
        titel=f"{text} Nachweis",
        status=Fondsantrag.Status.AUSGEZAHLT,
        betrag_bewilligt=300,
        nachweis_faellig_am=heute - datetime.timedelta(days=1),
    )
    Rueckmeldung.objects.create(quartier=quartier, nachricht=f"{text} Barriere")
    factories.AufgabeFactory(
        quartier=quartier,
        titel=f"{text} Aufgabe",
        verantwortlich_benutzer=qm,
        faellig_am=heute,
    )
    factories.SitzungFactory(gremium__quartier=quartier, titel=f"{text} Sitzung")
    bedarf = factories.BedarfFactory(quartier=quartier, titel=f"{text} Stillstand")
    bedarf.__class__.objects.filter(pk=bedarf.pk).update(
        geaendert=timezone.now() - datetime.timedelta(weeks=20)
    )


def test_qm_sieht_jede_art_von_eintrag(client, qm, quartier):
    _alles_in(quartier, qm)
    client.force_login(qm)
    antwort = client.get(reverse("arbeitsplatz:heute"))
    assert antwort.status_code == 200
    arten = {e.art for e in antwort.context["eintraege"]}
    assert arten == set(Art.values)
    inhalt = antwort.content.decode()
    assert "Eintrag Aufgabe" in inhalt and "Eintrag Sitzung" in inhalt


def test_qm_sieht_nichts_aus_fremdem_quartier(client, qm, quartier, anderes_quartier):
    fremde_qm = factories.benutzer_mit_rolle(anderes_quartier, username="fremd")
    _alles_in(anderes_quartier, fremde_qm, text="Geheim")
    # An action item of the other quartier assigned to qm does not show either.
    factories.AufgabeFactory(
        quartier=anderes_quartier,
        titel="Geheim zugeteilt",
        verantwortlich_benutzer=qm,
        faellig_am=timezone.localdate(),
    )
    client.force_login(qm)
    antwort = client.get(reverse("arbeitsplatz:heute"))
    assert antwort.context["eintraege"] == []
    assert "Geheim" not in antwort.content.decode()


def test_leitung_ohne_zustaendigkeit_sieht_alle_quartiere(leitung, quartier, qm):
    _alles_in(quartier, qm)
    arten = {e.art for e in selectors.eintraege_fuer(leitung)}
    # Action items are personal: Leitung is not responsible for this one.
    assert arten == set(Art.values) - {Art.AUFGABE}


def test_gelesen_blendet_nur_fuer_diesen_benutzer_aus(client, qm, quartier):
    kollegin = factories.benutzer_mit_rolle(quartier, username="kollegin")
    antrag = factories.FondsantragFactory(fonds__quartier=quartier)
    client.force_login(qm)
    antwort = client.post(
        reverse("arbeitsplatz:gelesen"), {"art": Art.ANTRAG, "objekt_id": antrag.pk}
    )
    assert antwort.status_code == 302
    # A second click (double submit) changes nothing.
    client.post(reverse("arbeitsplatz:gelesen"), {"art": Art.ANTRAG, "objekt_id": antrag.pk})
    assert selectors.eintraege_fuer(qm) == []
    assert [e.objekt_id for e in selectors.eintraege_fuer(kollegin)] == [antrag.pk]


def test_schaltflaeche_sendet_die_id_ohne_tausenderpunkt(client, qm, quartier):
    """German number format must not reach a form value: id 12345, not "12.345"."""
    factories.FondsantragFactory(pk=12345, fonds__quartier=quartier)
    client.force_login(qm)
    seite = client.get(reverse("arbeitsplatz:heute")).content.decode()
    assert 'name="objekt_id" value="12345"' in seite


def test_gelesen_mit_unsinn_gibt_400(client, qm):
    client.force_login(qm)
    antwort = client.post(reverse("arbeitsplatz:gelesen"), {"art": "gibtsnicht", "objekt_id": "x"})
    assert antwort.status_code == 400


def test_neueste_zuerst_kommendes_zaehlt_als_jetzt(qm, quartier):
    alt = factories.FondsantragFactory(fonds__quartier=quartier, titel="alt")
    neu = factories.FondsantragFactory(fonds__quartier=quartier, titel="neu")
    Fondsantrag.objects.filter(pk=alt.pk).update(
        erstellt=timezone.now() - datetime.timedelta(days=3)
    )
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    reihenfolge = [(e.art, e.objekt_id) for e in selectors.eintraege_fuer(qm)]
    assert reihenfolge == [(Art.SITZUNG, sitzung.pk), (Art.ANTRAG, neu.pk), (Art.ANTRAG, alt.pk)]


def test_anzahl_fuer_die_navigation(client, qm, quartier):
    factories.FondsantragFactory(fonds__quartier=quartier)
    client.force_login(qm)
    assert client.get(reverse("arbeitsplatz:heute_anzahl")).json() == {"anzahl": 1}


def test_benachrichtigung_einstellen(client, qm):
    client.force_login(qm)
    client.post(reverse("arbeitsplatz:benachrichtigung"), {"zustellung": "taeglich"})
    assert qm.benachrichtigung.zustellung == "taeglich"
    antwort = client.post(
        reverse("arbeitsplatz:benachrichtigung"), {"zustellung": "quatsch"}, follow=True
    )
    assert "Bitte eine der angebotenen" in antwort.content.decode()


def test_anmeldung_fuehrt_auf_heute(client, qm):
    antwort = client.post(
        reverse("login"), {"username": "qm", "password": factories.quartiere.PASSWORT}
    )
    assert antwort.url == reverse("arbeitsplatz:heute")


def test_abfragen_konstant(client, qm, quartier, abfragen):
    client.force_login(qm)
    url = reverse("arbeitsplatz:heute")
    client.get(url)
    _alles_in(quartier, qm, text="E0")
    wenig = abfragen(lambda: client.get(url))
    for i in range(1, 6):
        _alles_in(quartier, qm, text=f"E{i}")
    assert len(client.get(url).context["eintraege"]) == 6 * len(Art.values)
    assert abfragen(lambda: client.get(url)) == wenig <= 16


def test_eintrag_gelesen_service_prueft_art(qm):
    with pytest.raises(ValueError):
        services.eintrag_gelesen(benutzer=qm, art="falsch", objekt_id=1)
