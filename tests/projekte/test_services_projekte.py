"""Project services: creation, lifecycle with logged changes, results, budget lines, events."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from projekte import services
from projekte.models import Projekt, Teilnahme
from tests import factories

pytestmark = pytest.mark.django_db


def _projekt(qm, quartier, **kwargs):
    return services.projekt_anlegen(
        von=qm, quartiere=[quartier], titel="Gemeinschaftsgarten Preuswald", ziele="Grün", **kwargs
    )


def test_neues_projekt_ist_idee_mit_slug_und_erstem_logeintrag(qm, quartier):
    projekt = _projekt(qm, quartier)
    assert projekt.status == Projekt.Status.IDEE
    assert projekt.slug == "gemeinschaftsgarten-preuswald"
    eintrag = projekt.statusaenderungen.get()
    assert eintrag.nach_status == Projekt.Status.IDEE and eintrag.geaendert_von == qm


def test_gleicher_titel_bekommt_eigenen_slug(qm, quartier):
    _projekt(qm, quartier)
    assert _projekt(qm, quartier).slug == "gemeinschaftsgarten-preuswald-2"


def test_projekt_ohne_quartier_wird_abgelehnt(qm):
    with pytest.raises(ValidationError) as e:
        services.projekt_anlegen(von=qm, quartiere=[], titel="X", ziele="Y")
    assert "quartiere" in e.value.message_dict
    assert not Projekt.objects.exists()


def test_lebenszyklus_wird_mit_datum_kommentar_und_person_protokolliert(qm, quartier):
    projekt = _projekt(qm, quartier)
    for status in ("planung", "umsetzung", "abgeschlossen"):
        services.projekt_status_aendern(projekt=projekt, status=status, von=qm, kommentar=status)
    projekt.refresh_from_db()
    assert projekt.status == Projekt.Status.ABGESCHLOSSEN
    schritte = list(
        projekt.statusaenderungen.order_by("erstellt").values_list("von_status", "nach_status")
    )
    assert schritte == [
        ("", "idee"),
        ("idee", "planung"),
        ("planung", "umsetzung"),
        ("umsetzung", "abgeschlossen"),
    ]


def test_unerlaubter_statuswechsel_wird_abgelehnt(qm, quartier):
    projekt = _projekt(qm, quartier)
    with pytest.raises(ValidationError) as e:
        services.projekt_status_aendern(projekt=projekt, status="abgeschlossen", von=qm)
    assert "status" in e.value.message_dict
    assert projekt.statusaenderungen.count() == 1


def test_abgeschlossenes_projekt_bleibt_abgeschlossen(qm, quartier):
    projekt = factories.ProjektFactory(quartiere=[quartier], status="abgeschlossen")
    with pytest.raises(ValidationError):
        services.projekt_status_aendern(projekt=projekt, status="umsetzung", von=qm)


def test_abbruch_braucht_begruendung(qm, quartier):
    projekt = _projekt(qm, quartier)
    with pytest.raises(ValidationError) as e:
        services.projekt_status_aendern(projekt=projekt, status="abgebrochen", von=qm)
    assert "kommentar" in e.value.message_dict


def test_ergebnis_mit_fortfuehrung_braucht_traeger(qm, quartier):
    projekt = _projekt(qm, quartier)
    with pytest.raises(ValidationError) as e:
        services.projekt_ergebnis_speichern(
            projekt=projekt, von=qm, ergebnis="Garten steht", wird_fortgefuehrt=True
        )
    assert "fortgefuehrt_von" in e.value.message_dict
    services.projekt_ergebnis_speichern(
        projekt=projekt,
        von=qm,
        ergebnis="Garten steht",
        wird_fortgefuehrt=True,
        fortgefuehrt_von="Gartenverein",
    )
    projekt.refresh_from_db()
    assert projekt.fortgefuehrt_von == "Gartenverein"


@pytest.mark.parametrize("betrag", ["10.005", "-1", "abc"])
def test_budgetposten_mit_falschem_betrag_wird_nicht_gespeichert(qm, quartier, betrag):
    projekt = _projekt(qm, quartier)
    with pytest.raises(ValidationError) as e:
        services.budgetposten_speichern(
            projekt=projekt, von=qm, bezeichnung="Erde", quelle="stadtteilfonds", geplant=betrag
        )
    assert "geplant" in e.value.message_dict
    assert not projekt.budgetposten.exists()


def test_termin_aenderung_erhoeht_sequenz_und_speichert_teilnahmen(qm, quartier):
    kinder = factories.ZielgruppeFactory(name="Kinder")
    familien = factories.ZielgruppeFactory(name="Familien")
    beginn = timezone.now()
    termin = services.termin_speichern(
        von=qm, quartier=quartier, titel="Pflanzaktion", beginn=beginn, teilnahmen={kinder: 12}
    )
    assert termin.sequenz == 0
    uid = termin.uid
    termin = services.termin_speichern(
        von=qm,
        termin=termin,
        quartier=quartier,
        titel="Pflanzaktion",
        beginn=beginn,
        teilnahmen={kinder: 0, familien: 5},
        ehrenamtliche=3,
        ehrenamtsstunden=Decimal("7.5"),
    )
    assert termin.sequenz == 1 and termin.uid == uid
    assert list(Teilnahme.objects.values_list("zielgruppe__name", "anzahl")) == [("Familien", 5)]


def test_termin_eines_projekts_muss_in_dessen_quartier_liegen(qm, quartier, anderes_quartier):
    projekt = _projekt(qm, quartier)
    with pytest.raises(ValidationError) as e:
        services.termin_speichern(
            von=qm, quartier=anderes_quartier, projekt=projekt, titel="X", beginn=timezone.now()
        )
    assert "projekt" in e.value.message_dict


def test_termin_ende_vor_beginn_wird_abgelehnt(qm, quartier):
    beginn = timezone.now()
    with pytest.raises(ValidationError) as e:
        services.termin_speichern(
            von=qm,
            quartier=quartier,
            titel="X",
            beginn=beginn,
            ende=beginn - datetime.timedelta(hours=1),
        )
    assert "ende" in e.value.message_dict


def test_ergebnis_speichern_setzt_status_nicht_zurueck(qm, quartier):
    projekt = _projekt(qm, quartier)
    veraltet = Projekt.objects.get(pk=projekt.pk)
    services.projekt_status_aendern(projekt=projekt, status="planung", von=qm)
    services.projekt_ergebnis_speichern(projekt=veraltet, von=qm, ergebnis="Zwischenstand")
    projekt.refresh_from_db()
    assert projekt.status == "planung" and projekt.ergebnis == "Zwischenstand"


def test_partner_eines_fremden_quartiers_lehnt_der_service_ab(qm, quartier, anderes_quartier):
    projekt = _projekt(qm, quartier)
    fremder = factories.AkteurFactory(quartiere=[anderes_quartier], oeffentlich=False)
    with pytest.raises(ValidationError) as e:
        services.partner_hinzufuegen(projekt=projekt, akteur=fremder, rolle="Träger", von=qm)
    assert "nicht gewählt werden" in e.value.message_dict["akteur"][0]
    assert not projekt.partner.exists()
