"""Above the threshold only the Gremium decides, in a Sitzung; biased members cannot vote."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from projekte.fonds import services as fonds_services
from projekte.models import Fondsantrag, Stimmabgabe
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def gremium(quartier):
    return factories.GremiumFactory(quartier=quartier, name="Vergabejury Preuswald")


@pytest.fixture
def mitglieder(gremium):
    return [
        factories.MitgliedschaftFactory(gremium=gremium, akteur__name=f"Verein {i}")
        for i in range(4)
    ]


@pytest.fixture
def sitzung(gremium):
    return factories.SitzungFactory(
        gremium=gremium, beginn=timezone.now() - datetime.timedelta(days=1)
    )


@pytest.fixture
def antrag(quartier, gremium, qm):
    fonds = factories.StadtteilfondsFactory(
        quartier=quartier, budget=Decimal("5000"), entscheidendes_gremium=gremium
    )
    antrag = factories.FondsantragFactory(fonds=fonds, betrag_beantragt=Decimal("1200.00"))
    return fonds_services.antrag_pruefen(antrag=antrag, von=qm)


def test_gremium_bewilligt_mit_stimmen_und_befangenen(antrag, qm, sitzung, mitglieder):
    fonds_services.antrag_bewilligen(
        antrag=antrag,
        von=qm,
        betrag="1000.00",
        sitzung=sitzung,
        ja=mitglieder[:2],
        nein=mitglieder[2:3],
        befangen=mitglieder[3:],
    )
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.BEWILLIGT
    assert antrag.sitzung == sitzung
    assert sorted(antrag.stimmen.values_list("stimme", flat=True)) == [
        "befangen",
        "ja",
        "ja",
        "nein",
    ]


def test_befangenes_mitglied_darf_nicht_abstimmen(antrag, qm, sitzung, mitglieder):
    with pytest.raises(ValidationError) as e:
        fonds_services.antrag_bewilligen(
            antrag=antrag,
            von=qm,
            betrag="1000.00",
            sitzung=sitzung,
            ja=mitglieder[:2],
            befangen=mitglieder[1:2],
        )
    assert "Befangene Mitglieder dürfen nicht mitstimmen: Verein 1" in e.value.message_dict["ja"][0]
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.GEPRUEFT
    assert not Stimmabgabe.objects.exists()


def test_nicht_stimmberechtigtes_mitglied_darf_nicht_abstimmen(antrag, qm, sitzung, gremium):
    gast = factories.MitgliedschaftFactory(gremium=gremium, stimmberechtigt=False)
    with pytest.raises(ValidationError) as e:
        fonds_services.antrag_bewilligen(
            antrag=antrag, von=qm, betrag="500", sitzung=sitzung, ja=[gast]
        )
    assert "Nicht stimmberechtigt" in e.value.message_dict["ja"][0]


def test_sitzung_eines_anderen_gremiums_zaehlt_nicht(antrag, qm, mitglieder, quartier):
    fremde = factories.SitzungFactory(
        gremium__quartier=quartier, beginn=timezone.now() - datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError) as e:
        fonds_services.antrag_bewilligen(
            antrag=antrag, von=qm, betrag="500", sitzung=fremde, ja=mitglieder[:1]
        )
    assert "sitzung" in e.value.message_dict


def test_kuenftige_sitzung_kann_noch_nicht_entschieden_haben(antrag, qm, gremium, mitglieder):
    kuenftig = factories.SitzungFactory(gremium=gremium)
    with pytest.raises(ValidationError) as e:
        fonds_services.antrag_bewilligen(
            antrag=antrag, von=qm, betrag="500", sitzung=kuenftig, ja=mitglieder[:1]
        )
    assert "noch nicht stattgefunden" in e.value.message_dict["sitzung"][0]


def test_ohne_mehrheit_keine_bewilligung(antrag, qm, sitzung, mitglieder):
    with pytest.raises(ValidationError) as e:
        fonds_services.antrag_bewilligen(
            antrag=antrag,
            von=qm,
            betrag="500",
            sitzung=sitzung,
            ja=mitglieder[:1],
            nein=mitglieder[1:3],
        )
    assert "ja" in e.value.message_dict


def test_gremium_lehnt_ab(antrag, qm, sitzung, mitglieder):
    fonds_services.antrag_ablehnen(
        antrag=antrag,
        von=qm,
        begruendung="Kein Quartiersbezug",
        sitzung=sitzung,
        nein=mitglieder[:3],
    )
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.ABGELEHNT
    assert antrag.stimmen.count() == 3


def test_antrag_eines_akteurs_braucht_keine_privaten_kontaktdaten(quartier, qm):
    fonds = factories.StadtteilfondsFactory(quartier=quartier)
    akteur = factories.AkteurFactory(name="Bürgerverein Preuswald", quartiere=[quartier])
    antrag = fonds_services.antrag_anlegen(
        fonds=fonds,
        von=qm,
        akteur=akteur,
        titel="Laternenumzug",
        zweck="Laternen",
        kostenplan="Laternen 200 €",
        betrag_beantragt="200",
    )
    assert antrag.antragsteller == "Bürgerverein Preuswald"


def test_befangene_stimme_ueber_die_seite_gibt_fehler_am_feld(
    client, qm, antrag, sitzung, mitglieder
):
    client.force_login(qm)
    response = client.post(
        reverse("projekte:antrag_bewilligen", args=[antrag.pk]),
        {
            "bew-betrag_bewilligt": "900,00",
            "bew-entschieden_am": timezone.localdate().isoformat(),
            "bew-sitzung": sitzung.pk,
            "bew-befangen": [mitglieder[0].pk],
            "bew-ja": [mitglieder[0].pk, mitglieder[1].pk],
        },
    )
    assert response.status_code == 400
    fehler = response.context["formulare"]["bewilligen"].errors["ja"]
    assert "Befangene Mitglieder dürfen nicht mitstimmen: Verein 0." in fehler
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.GEPRUEFT and not antrag.stimmen.exists()
