"""Fund services: the workflow, the money invariants, the threshold, and reminders."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from projekte.fonds import abrechnen, buchen
from projekte.fonds import services as fonds_services
from projekte.models import Auszahlung, Fondsantrag, Stadtteilfonds
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def fonds(quartier):
    return factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("1000.00"))


def _gepruefter_antrag(fonds, qm, betrag="300.00"):
    antrag = factories.FondsantragFactory(fonds=fonds, betrag_beantragt=Decimal(betrag))
    return fonds_services.antrag_pruefen(antrag=antrag, von=qm)


def _bewilligter_antrag(fonds, qm, betrag="300.00"):
    antrag = _gepruefter_antrag(fonds, qm, betrag)
    return fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag=Decimal(betrag))


def test_antrag_anlegen_als_privatperson_braucht_kontakt_und_einwilligung(fonds, qm):
    with pytest.raises(ValidationError) as e:
        fonds_services.antrag_anlegen(
            fonds=fonds,
            von=qm,
            titel="Fest",
            zweck="Fest",
            kostenplan="Essen 100",
            betrag_beantragt="100",
            antragsteller_name="Max Muster",
        )
    assert {"antragsteller_email", "einwilligung"} <= set(e.value.message_dict)
    assert not Fondsantrag.objects.exists()


@pytest.mark.parametrize(
    ("betrag", "meldung"),
    [
        ("100.005", "zwei Stellen"),
        ("-5", "nicht negativ"),
        ("0", "größer als 0"),
        ("1500.01", "höchstens 1.500,00"),
    ],
)
def test_antrag_mit_falschem_betrag_wird_nicht_gespeichert(fonds, qm, betrag, meldung):
    with pytest.raises(ValidationError) as e:
        fonds_services.antrag_anlegen(
            fonds=fonds,
            von=qm,
            titel="Fest",
            zweck="Fest",
            kostenplan="-",
            betrag_beantragt=betrag,
            antragsteller_name="Max Muster",
            antragsteller_email="max@example.org",
            einwilligung=True,
        )
    assert meldung in e.value.message_dict["betrag_beantragt"][0]
    assert not Fondsantrag.objects.exists()


def test_bewilligung_erhoeht_bewilligte_summe_des_fonds(fonds, qm):
    antrag = _bewilligter_antrag(fonds, qm)
    fonds.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.BEWILLIGT
    assert antrag.entschieden_von == qm
    assert fonds.bewilligt_summe == Decimal("300.00")
    assert antrag.nachweis_faellig_am > timezone.localdate()


def test_teilbewilligung_ist_erlaubt(fonds, qm):
    antrag = _gepruefter_antrag(fonds, qm, "400.00")
    fonds_services.antrag_bewilligen(
        antrag=antrag, von=qm, betrag="250.50", begruendung="Teilweise"
    )
    antrag.refresh_from_db()
    assert antrag.betrag_bewilligt == Decimal("250.50")


def test_bewilligung_ueber_beantragtem_betrag_wird_abgelehnt(fonds, qm):
    antrag = _gepruefter_antrag(fonds, qm, "300.00")
    with pytest.raises(ValidationError) as e:
        fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag="300.01")
    assert "betrag_bewilligt" in e.value.message_dict


def test_bewilligung_ueber_dem_budget_wird_abgelehnt_und_nichts_gespeichert(quartier, qm):
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("500.00"))
    _bewilligter_antrag(fonds, qm, "400.00")
    zweiter = _gepruefter_antrag(fonds, qm, "200.00")
    with pytest.raises(ValidationError) as e:
        fonds_services.antrag_bewilligen(antrag=zweiter, von=qm, betrag="200.00")
    assert "100,00\u00a0€" in e.value.message_dict["betrag_bewilligt"][0]
    zweiter.refresh_from_db()
    fonds.refresh_from_db()
    assert zweiter.status == Fondsantrag.Status.GEPRUEFT
    assert fonds.bewilligt_summe == Decimal("400.00")


def test_datenbank_verhindert_mehr_bewilligt_als_budget(fonds):
    with pytest.raises(IntegrityError), transaction.atomic():
        Stadtteilfonds.objects.filter(pk=fonds.pk).update(bewilligt_summe=Decimal("1000.01"))


def test_datenbank_verhindert_mehr_ausgezahlt_als_bewilligt(fonds, qm):
    antrag = _bewilligter_antrag(fonds, qm)
    with pytest.raises(IntegrityError), transaction.atomic():
        Fondsantrag.objects.filter(pk=antrag.pk).update(ausgezahlt_summe=Decimal("300.01"))


def test_datenbank_verhindert_negative_betraege(fonds):
    with pytest.raises(IntegrityError), transaction.atomic():
        Stadtteilfonds.objects.filter(pk=fonds.pk).update(budget=Decimal("-1"))


def test_ablehnung_braucht_begruendung(fonds, qm):
    antrag = _gepruefter_antrag(fonds, qm)
    with pytest.raises(ValidationError) as e:
        fonds_services.antrag_ablehnen(antrag=antrag, von=qm, begruendung=" ")
    assert "begruendung" in e.value.message_dict
    fonds_services.antrag_ablehnen(antrag=antrag, von=qm, begruendung="Kein Bezug zum Quartier")
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.ABGELEHNT


def test_ungepruefter_antrag_kann_nicht_bewilligt_werden(fonds, qm):
    antrag = factories.FondsantragFactory(fonds=fonds)
    with pytest.raises(ValidationError):
        fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag="100")


def test_auszahlungen_in_teilen_bis_zum_bewilligten_betrag(fonds, qm):
    antrag = _bewilligter_antrag(fonds, qm)
    buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="200.00")
    buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="100.00")
    antrag.refresh_from_db()
    assert antrag.ausgezahlt_summe == Decimal("300.00")
    assert antrag.status == Fondsantrag.Status.AUSGEZAHLT


def test_auszahlung_ueber_der_bewilligung_wird_abgelehnt(fonds, qm):
    antrag = _bewilligter_antrag(fonds, qm)
    buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="250.00")
    with pytest.raises(ValidationError) as e:
        buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="50.01")
    assert "50,00\u00a0€" in e.value.message_dict["betrag"][0]
    assert Auszahlung.objects.count() == 1


def test_auszahlung_vor_bewilligung_ist_nicht_moeglich(fonds, qm):
    antrag = _gepruefter_antrag(fonds, qm)
    with pytest.raises(ValidationError):
        buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="10")


def test_nachweis_einreichen_und_pruefen_schliesst_antrag_ab(fonds, qm):
    antrag = _bewilligter_antrag(fonds, qm)
    buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="300.00")
    nachweis = abrechnen.nachweis_einreichen(
        antrag=antrag, von=qm, tatsaechliche_kosten="300.00", bericht="Fest mit 80 Gästen"
    )
    assert nachweis.tatsaechliche_kosten == Decimal("300.00")
    abrechnen.nachweis_pruefen(antrag=antrag, von=qm, vermerk="Belege vollständig")
    antrag.refresh_from_db()
    nachweis.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.ABGESCHLOSSEN
    assert nachweis.geprueft_von == qm and nachweis.geprueft_am == timezone.localdate()


def test_ueberfaellige_nachweise_werden_einmal_am_tag_erinnert(fonds, qm, quartier):
    quartier.kontakt_email = "qm-preuswald@stadt.example"
    quartier.save()
    antrag = _bewilligter_antrag(fonds, qm)
    Fondsantrag.objects.filter(pk=antrag.pk).update(
        nachweis_faellig_am=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert fonds_services.nachweise_erinnern() == 1
    assert fonds_services.nachweise_erinnern() == 0
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {"erika@example.org", "qm-preuswald@stadt.example"}
    antrag.refresh_from_db()
    assert antrag.erinnerungen == 1


def test_antragsteller_eines_fremden_quartiers_lehnt_der_service_ab(fonds, qm, anderes_quartier):
    fremder = factories.AkteurFactory(quartiere=[anderes_quartier], oeffentlich=False)
    with pytest.raises(ValidationError) as e:
        fonds_services.antrag_anlegen(
            fonds=fonds,
            von=qm,
            titel="Fest",
            zweck="Fest",
            kostenplan="-",
            betrag_beantragt="100",
            akteur=fremder,
        )
    assert "nicht gewählt werden" in e.value.message_dict["akteur"][0]
    assert not Fondsantrag.objects.exists()


def test_vorgangsnummer_wird_neu_gezogen_wenn_sie_vergeben_ist(fonds, monkeypatch):
    """A random number may meet a taken one; the unique constraint must not fail the
    application then."""
    vergeben = factories.FondsantragFactory(fonds=fonds).referenz
    jahr = timezone.localdate().year
    ziehungen = iter([vergeben, f"SF-{jahr}-AAAAAA"])
    monkeypatch.setattr("projekte.fonds.models.zufallsreferenz", lambda jahr: next(ziehungen))
    assert factories.FondsantragFactory(fonds=fonds).referenz == f"SF-{jahr}-AAAAAA"
