"""Above the threshold only the Gremium decides: its vote is a Beschluss of one of its meetings,
checked like every decision (attendance, quorum, majority, biased members); carried means
granted, not carried refused, without quorum nothing changes."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from akteure.gremien import beschluesse
from akteure.models import Beschluss, Teilnahme
from projekte.fonds import services as fonds_services
from projekte.models import Fondsantrag
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
def sitzung(gremium, mitglieder):
    """Yesterday's meeting with all four members present."""
    sitzung = factories.SitzungFactory(
        gremium=gremium, beginn=timezone.now() - datetime.timedelta(days=1)
    )
    for m in mitglieder:
        Teilnahme.objects.create(sitzung=sitzung, akteur=m.akteur, status="anwesend")
    return sitzung


@pytest.fixture
def antrag(quartier, gremium, qm, mitglieder):
    """1.200 € requested by the actor of member 3 (above the 500 € threshold)."""
    fonds = factories.StadtteilfondsFactory(
        quartier=quartier, budget=Decimal("5000"), entscheidendes_gremium=gremium
    )
    antrag = factories.FondsantragFactory(
        fonds=fonds, betrag_beantragt=Decimal("1200.00"), akteur=mitglieder[3].akteur
    )
    return fonds_services.antrag_pruefen(antrag=antrag, von=qm)


def _entscheiden(antrag, qm, sitzung, stimmen, **weiter):
    return fonds_services.antrag_durch_gremium_entscheiden(
        antrag=antrag,
        von=qm,
        sitzung=sitzung,
        betrag=weiter.pop("betrag", "1000.00"),
        stimmen=stimmen,
        **weiter,
    )


def test_gremium_bewilligt_durch_beschluss_der_sitzung(antrag, qm, sitzung, mitglieder):
    m = mitglieder
    _entscheiden(antrag, qm, sitzung, {m[0]: "ja", m[1]: "ja", m[2]: "nein"})
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.BEWILLIGT
    assert antrag.betrag_bewilligt == Decimal("1000.00")
    assert antrag.sitzung == sitzung and antrag.entschieden_am == sitzung.datum
    beschluss = antrag.beschluss
    assert beschluss in sitzung.beschluesse.all()
    assert beschluss.ergebnis == Beschluss.Ergebnis.ANGENOMMEN
    assert antrag.referenz in beschluss.text and "1.000,00\xa0€" in beschluss.text
    # The applicant's membership is biased although the form said nothing of it.
    assert dict(beschluss.stimmen.values_list("mitgliedschaft", "wert")) == {
        m[0].pk: "ja",
        m[1].pk: "ja",
        m[2].pk: "nein",
        m[3].pk: "befangen",
    }


def test_antragsteller_darf_nicht_mitstimmen(antrag, qm, sitzung, mitglieder):
    with pytest.raises(ValidationError) as e:
        _entscheiden(antrag, qm, sitzung, {mitglieder[0]: "ja", mitglieder[3]: "ja"})
    assert "Befangene Mitglieder dürfen nicht mitstimmen: Verein 3." in e.value.messages
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.GEPRUEFT
    assert not Beschluss.objects.exists()


def test_abwesendes_mitglied_darf_nicht_abstimmen(antrag, qm, sitzung, mitglieder):
    Teilnahme.objects.filter(sitzung=sitzung, akteur=mitglieder[1].akteur).update(
        status="entschuldigt"
    )
    with pytest.raises(ValidationError) as e:
        _entscheiden(antrag, qm, sitzung, {mitglieder[0]: "ja", mitglieder[1]: "ja"})
    assert "Nicht anwesend, kann nicht abstimmen: Verein 1." in e.value.messages
    assert not Beschluss.objects.exists()


def test_abgelehnter_beschluss_lehnt_den_antrag_ab_mit_begruendung(antrag, qm, sitzung, mitglieder):
    m = mitglieder
    stimmen = {m[0]: "nein", m[1]: "nein", m[2]: "ja"}
    with pytest.raises(ValidationError) as e:
        _entscheiden(antrag, qm, sitzung, stimmen)
    assert "begruendung" in e.value.message_dict
    assert not Beschluss.objects.exists()
    _entscheiden(antrag, qm, sitzung, stimmen, begruendung="Kein Quartiersbezug")
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.ABGELEHNT
    assert antrag.beschluss.ergebnis == Beschluss.Ergebnis.ABGELEHNT
    assert antrag.betrag_bewilligt is None


def test_ohne_beschlussfaehigkeit_bleibt_der_antrag_offen(antrag, qm, sitzung, mitglieder):
    Teilnahme.objects.filter(sitzung=sitzung).exclude(akteur=mitglieder[0].akteur).delete()
    with pytest.raises(ValidationError) as e:
        _entscheiden(antrag, qm, sitzung, {})
    assert "nicht beschlussfähig" in " ".join(e.value.messages)
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.GEPRUEFT
    assert not Beschluss.objects.exists()


def test_sitzung_eines_anderen_gremiums_zaehlt_nicht(antrag, qm, mitglieder, quartier):
    fremde = factories.SitzungFactory(
        gremium__quartier=quartier, beginn=timezone.now() - datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError) as e:
        _entscheiden(antrag, qm, fremde, {mitglieder[0]: "ja"})
    assert "sitzung" in e.value.message_dict


def test_kuenftige_sitzung_kann_noch_nicht_entscheiden(antrag, qm, gremium, mitglieder):
    kuenftig = factories.SitzungFactory(gremium=gremium)
    with pytest.raises(ValidationError) as e:
        _entscheiden(antrag, qm, kuenftig, {mitglieder[0]: "ja"})
    assert "noch nicht begonnen" in " ".join(e.value.messages)


def test_qm_kann_ueber_der_schwelle_nicht_allein_entscheiden(antrag, qm):
    with pytest.raises(ValidationError, match="entscheidet das Gremium"):
        fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag="1000.00")
    with pytest.raises(ValidationError, match="entscheidet das Gremium"):
        fonds_services.antrag_ablehnen(antrag=antrag, von=qm, begruendung="zu teuer")


def test_fondsbeschluss_wird_nur_ueber_den_antrag_geaendert(antrag, qm, sitzung, mitglieder):
    m = mitglieder
    _entscheiden(antrag, qm, sitzung, {m[0]: "ja", m[1]: "ja"})
    beschluss = Fondsantrag.objects.get(pk=antrag.pk).beschluss
    with pytest.raises(ValidationError, match=antrag.referenz):
        beschluesse.beschluss_loeschen(beschluss=beschluss)
    with pytest.raises(ValidationError, match=antrag.referenz):
        beschluesse.beschluss_aendern(beschluss=beschluss, text="anders", stimmen={m[0]: "nein"})


def test_sitzungsseite_und_protokoll_verweisen_auf_den_antrag(
    client, qm, antrag, sitzung, mitglieder
):
    antrag = _entscheiden(antrag, qm, sitzung, {mitglieder[0]: "ja", mitglieder[1]: "ja"})
    client.force_login(qm)
    seite = client.get(sitzung.get_absolute_url()).content.decode()
    assert f'href="{antrag.get_absolute_url()}"' in seite
    assert reverse("akteure:beschluss_bearbeiten", args=[antrag.beschluss.pk]) not in seite
    antrag_seite = client.get(antrag.get_absolute_url()).content.decode()
    assert f'href="{sitzung.get_absolute_url()}"' in antrag_seite
    assert "Verein 3" in antrag_seite and "befangen" in antrag_seite


def test_abstimmung_ueber_die_seite(client, qm, antrag, sitzung, mitglieder):
    client.force_login(qm)
    url = reverse("projekte:antrag_gremium", args=[antrag.pk]) + f"?sitzung={sitzung.pk}"
    seite = client.get(url)
    assert seite.status_code == 200
    m = mitglieder
    daten = {
        "erfassung": "einzeln",
        f"m{m[0].pk}": "ja",
        f"m{m[1].pk}": "ja",
        f"m{m[3].pk}": "ja",
        "betrag_bewilligt": "900,00",
    }
    antwort = client.post(url, daten)
    assert antwort.status_code == 400
    assert "Befangene Mitglieder dürfen nicht mitstimmen: Verein 3." in antwort.content.decode()
    daten[f"m{m[3].pk}"] = "befangen"
    antwort = client.post(url, daten)
    assert antwort.status_code == 302
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.BEWILLIGT
    assert antrag.betrag_bewilligt == Decimal("900.00")


def test_abstimmungsseite_zeigt_nur_sitzungen_des_gremiums(client, qm, antrag, sitzung, quartier):
    fremde = factories.SitzungFactory(
        gremium__quartier=quartier, beginn=timezone.now() - datetime.timedelta(days=1)
    )
    client.force_login(qm)
    url = reverse("projekte:antrag_gremium", args=[antrag.pk])
    assert client.get(f"{url}?sitzung={fremde.pk}").context.get("form") is None
    assert client.get(f"{url}?sitzung={sitzung.pk}").context["form"] is not None


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
