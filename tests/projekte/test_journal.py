"""The fund's journal: every kind of booking, the figures as its sums, reversals, the year end,
and the database refusing to change or delete a booking."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from projekte.fonds import abrechnen, buchen
from projekte.fonds import services as fonds_services
from projekte.models import Buchung, Fondsantrag, Stadtteilfonds, Verwendungsnachweis
from tests import factories

pytestmark = pytest.mark.django_db
VORJAHR = timezone.localdate().year - 1


@pytest.fixture
def fonds(quartier):
    return factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("1000.00"))


def _bewilligt(fonds, qm, betrag="400.00"):
    antrag = factories.FondsantragFactory(fonds=fonds, betrag_beantragt=Decimal(betrag))
    antrag = fonds_services.antrag_pruefen(antrag=antrag, von=qm)
    return fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag=betrag)


def _summen_aus_journal(fonds):
    def summe(**filter_):
        return Buchung.objects.filter(fonds=fonds, **filter_).aggregate(s=Sum("betrag"))["s"] or 0

    return {
        "bewilligt": summe(art__in=["bewilligung", "aenderung"]),
        "vortrag": summe(art="vortrag"),
        "abgang": summe(art__in=["verfall", "uebertrag"]),
    }


def test_bewilligung_wird_gebucht_und_ist_die_summe_des_fonds(fonds, qm):
    antrag = _bewilligt(fonds, qm)
    buchung = Buchung.objects.get(antrag=antrag)
    assert (buchung.art, buchung.betrag, buchung.gebucht_von) == ("bewilligung", 400, qm)
    assert buchung.vermerk == antrag.referenz
    fonds.refresh_from_db()
    assert fonds.bewilligt_summe == _summen_aus_journal(fonds)["bewilligt"] == Decimal("400")
    assert fonds.verfuegbar == Decimal("600.00")


def test_aenderung_der_bewilligung_gibt_mittel_frei(fonds, qm):
    antrag = _bewilligt(fonds, qm)
    buchen.bewilligung_aendern(antrag=antrag, von=qm, betrag="250.00", begruendung="Kleiner")
    antrag.refresh_from_db()
    fonds.refresh_from_db()
    assert antrag.betrag_bewilligt == Decimal("250.00")
    assert fonds.verfuegbar == Decimal("750.00")
    aenderung = Buchung.objects.get(antrag=antrag, art="aenderung")
    assert aenderung.betrag == Decimal("-150.00") and aenderung.erlaeuterung == "Kleiner"


def test_aenderung_nicht_unter_das_ausgezahlte(fonds, qm):
    antrag = _bewilligt(fonds, qm)
    buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="300.00")
    with pytest.raises(ValidationError) as e:
        buchen.bewilligung_aendern(antrag=antrag, von=qm, betrag="200.00", begruendung="x")
    assert "schon 300,00" in e.value.message_dict["betrag"][0]


def test_auszahlung_mit_kassenzeichen_und_status(fonds, qm):
    antrag = _bewilligt(fonds, qm)
    buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="100.00", vermerk="KZ 1")
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.AUSGEZAHLT
    assert antrag.ausgezahlt_summe == Decimal("100.00")
    assert Buchung.objects.get(art="auszahlung").vermerk == "KZ 1"


def test_storno_einer_auszahlung_bucht_den_gegenbetrag(fonds, qm):
    antrag = _bewilligt(fonds, qm)
    falsch = buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="400.00", vermerk="KZ 9")
    storno = buchen.buchung_stornieren(buchung=falsch, von=qm, grund="Falscher Antrag")
    antrag.refresh_from_db()
    assert (storno.art, storno.betrag, storno.storno_von) == ("auszahlung", -400, falsch)
    assert str(storno.art_anzeige) == "Storno: Auszahlung"
    assert antrag.ausgezahlt_summe == 0 and antrag.status == Fondsantrag.Status.BEWILLIGT
    with pytest.raises(ValidationError):
        buchen.buchung_stornieren(buchung=falsch, von=qm, grund="noch einmal")
    with pytest.raises(ValidationError) as e:
        buchen.buchung_stornieren(buchung=Buchung.objects.get(art="bewilligung"), von=qm, grund="x")
    assert "Nur Auszahlungen und Rückzahlungen" in e.value.messages[0]


def test_buchungen_werden_nie_geaendert_oder_geloescht(fonds, qm):
    buchung = Buchung.objects.get(antrag=_bewilligt(fonds, qm))
    with pytest.raises(IntegrityError), transaction.atomic():
        Buchung.objects.filter(pk=buchung.pk).update(betrag=Decimal("1.00"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Buchung.objects.filter(pk=buchung.pk).delete()
    with pytest.raises(TypeError):
        buchung.save()
    # Deleting a user keeps the booking (only "gebucht von" becomes empty).
    benutzer = factories.BenutzerFactory()
    Buchung.objects.create(
        fonds=fonds,
        antrag=buchung.antrag,
        art="auszahlung",
        betrag=1,
        datum=buchung.datum,
        gebucht_von=benutzer,
    )
    benutzer.delete()
    assert Buchung.objects.filter(gebucht_von__isnull=True, art="auszahlung").count() == 1


def test_summen_lassen_sich_nicht_direkt_schreiben(fonds, qm):
    antrag = _bewilligt(fonds, qm)
    with pytest.raises(IntegrityError), transaction.atomic():
        Fondsantrag.objects.filter(pk=antrag.pk).update(ausgezahlt_summe=Decimal("10.00"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Stadtteilfonds.objects.create(
            quartier=factories.QuartierFactory(), jahr=2030, budget=1, bewilligt_summe=1
        )


def test_jahresabschluss_verfall(quartier, qm):
    alt = factories.StadtteilfondsFactory(quartier=quartier, jahr=VORJAHR, budget=Decimal("1000"))
    factories.FondsantragFactory(fonds=alt, betrag_bewilligt=Decimal("300.00"))
    [verfall] = buchen.fonds_jahresabschluss(fonds=alt, von=qm)
    alt.refresh_from_db()
    assert (verfall.art, verfall.betrag) == ("verfall", Decimal("700.00"))
    assert alt.verfuegbar == 0 and alt.abgang_summe == _summen_aus_journal(alt)["abgang"]
    assert buchen.fonds_jahresabschluss(fonds=alt, von=qm) == []  # nothing left: idempotent


def test_jahresabschluss_uebertrag_ins_folgejahr(quartier, qm):
    alt = factories.StadtteilfondsFactory(
        quartier=quartier, jahr=VORJAHR, budget=Decimal("1000"), restmittel="uebertragen"
    )
    with pytest.raises(ValidationError) as e:
        buchen.fonds_jahresabschluss(fonds=alt, von=qm)
    assert "noch keinen Fonds" in e.value.messages[0]
    neu = factories.StadtteilfondsFactory(
        quartier=quartier, jahr=VORJAHR + 1, budget=Decimal("500")
    )
    uebertrag, vortrag = buchen.fonds_jahresabschluss(fonds=alt, von=qm)
    alt.refresh_from_db()
    neu.refresh_from_db()
    assert (uebertrag.art, uebertrag.fonds, uebertrag.betrag) == ("uebertrag", alt, 1000)
    assert (vortrag.art, vortrag.fonds, vortrag.betrag) == ("vortrag", neu, 1000)
    assert alt.verfuegbar == 0 and neu.verfuegbar == Decimal("1500.00")


def test_jahresabschluss_erst_nach_dem_jahr(fonds, qm):
    with pytest.raises(ValidationError) as e:
        buchen.fonds_jahresabschluss(fonds=fonds, von=qm)
    assert "erst ab dem 1. Januar" in e.value.messages[0]


def test_jahresabschluss_als_befehl(quartier):
    alt = factories.StadtteilfondsFactory(quartier=quartier, jahr=VORJAHR, budget=Decimal("80"))
    call_command("fonds_jahresabschluss")
    call_command("fonds_jahresabschluss")
    assert list(Buchung.objects.filter(fonds=alt).values_list("art", "betrag")) == [
        ("verfall", Decimal("80.00"))
    ]


def test_spaete_schlussabrechnung_gibt_mittel_dem_alten_fonds_zurueck(quartier, qm):
    alt = factories.StadtteilfondsFactory(quartier=quartier, jahr=VORJAHR, budget=Decimal("500"))
    antrag = factories.FondsantragFactory(
        fonds=alt,
        betrag_bewilligt=Decimal("500.00"),
        ausgezahlt_summe=Decimal("300.00"),
        status="nachweis_eingereicht",
    )
    Verwendungsnachweis.objects.create(
        antrag=antrag, tatsaechliche_kosten=Decimal("300.00"), eingereicht_am=timezone.localdate()
    )
    abrechnen.nachweis_pruefen(antrag=antrag, von=qm, datum=datetime.date(VORJAHR + 1, 1, 2))
    alt.refresh_from_db()
    assert alt.verfuegbar == Decimal("200.00")
    [verfall] = buchen.fonds_jahresabschluss(fonds=alt, von=qm)
    assert verfall.betrag == Decimal("200.00")
