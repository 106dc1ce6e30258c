"""The settlement (Schlussabrechnung) when a proof of use is checked, in its three cases, its
bad input, its pages and letter."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from projekte.fonds import abrechnen, buchen
from projekte.fonds import services as fonds_services
from projekte.models import Buchung, Fondsantrag
from tests import factories

pytestmark = pytest.mark.django_db
HEUTE = timezone.localdate
FRIST = datetime.date(2099, 1, 31)


@pytest.fixture
def fonds(quartier):
    return factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("1000.00"))


def _mit_nachweis(fonds, qm, *, bewilligt="400.00", gezahlt="400.00", kosten="400.00"):
    """The bug of issue 17 starts like this: granted, (part) paid, proof of use submitted."""
    antrag = factories.FondsantragFactory(fonds=fonds, betrag_beantragt=Decimal(bewilligt))
    antrag = fonds_services.antrag_pruefen(antrag=antrag, von=qm)
    antrag = fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag=bewilligt)
    buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag=gezahlt)
    abrechnen.nachweis_einreichen(antrag=antrag, von=qm, tatsaechliche_kosten=kosten)
    return antrag


def test_weniger_gezahlt_als_gefoerdert_rest_wird_ausgezahlt_rest_wird_frei(fonds, qm):
    """The example of issue 17: 650 granted, 400 paid, 640 spent."""
    fonds.schwelle_qm = Decimal("1000")
    fonds.save(update_fields=["schwelle_qm"])
    antrag = _mit_nachweis(fonds, qm, bewilligt="650.00", gezahlt="400.00", kosten="640.00")
    nachweis = abrechnen.nachweis_pruefen(antrag=antrag, von=qm)
    antrag.refresh_from_db()
    fonds.refresh_from_db()
    assert nachweis.foerderung_endgueltig == Decimal("640.00")
    assert antrag.betrag_bewilligt == Decimal("640.00")
    assert fonds.verfuegbar == Decimal("360.00")  # the 10 € not needed are free at once
    assert antrag.status == Fondsantrag.Status.ABGERECHNET
    assert antrag.offen_auszuzahlen == Decimal("240.00")
    with pytest.raises(ValidationError) as e:
        buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="240.01")
    assert "höchstens noch 240,00" in e.value.message_dict["betrag"][0]
    buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="240.00", vermerk="KZ Rest")
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.ABGESCHLOSSEN and antrag.saldo_null


def test_genau_gefoerdert_schliesst_sofort(fonds, qm):
    antrag = _mit_nachweis(fonds, qm)
    abrechnen.nachweis_pruefen(antrag=antrag, von=qm)
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.ABGESCHLOSSEN
    assert not Buchung.objects.filter(antrag=antrag, art__in=["aenderung", "rueckforderung"])


def test_mehr_gezahlt_als_gefoerdert_wird_zurueckgefordert(fonds, qm):
    antrag = _mit_nachweis(fonds, qm, kosten="380.00")
    abrechnen.nachweis_pruefen(
        antrag=antrag, von=qm, anerkannte_kosten="350.00", rueckforderung_faellig_am=FRIST
    )
    antrag.refresh_from_db()
    fonds.refresh_from_db()
    forderung = Buchung.objects.get(antrag=antrag, art="rueckforderung")
    assert (forderung.betrag, forderung.faellig_am) == (Decimal("50.00"), FRIST)
    assert antrag.betrag_bewilligt == Decimal("350.00")
    assert fonds.verfuegbar == Decimal("650.00")
    assert antrag.status == Fondsantrag.Status.ABGERECHNET
    assert "auszahlung" not in {b.art for b in Buchung.objects.filter(antrag=antrag, betrag__lt=0)}
    buchen.rueckzahlung_buchen(antrag=antrag, von=qm, betrag="20.00", vermerk="KZ R1")
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.ABGERECHNET
    assert antrag.offen_zurueckzuzahlen == Decimal("30.00")
    with pytest.raises(ValidationError) as e:
        buchen.rueckzahlung_buchen(antrag=antrag, von=qm, betrag="30.01")
    assert "30,00" in e.value.message_dict["betrag"][0]
    buchen.rueckzahlung_buchen(antrag=antrag, von=qm, betrag="30.00")
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.ABGESCHLOSSEN


def test_zu_viel_gezahlt_ohne_rueckforderungsfrist_speichert_nichts(fonds, qm):
    antrag = _mit_nachweis(fonds, qm, kosten="300.00")
    with pytest.raises(ValidationError) as e:
        abrechnen.nachweis_pruefen(antrag=antrag, von=qm)
    assert "Rückforderung von 100,00" in e.value.message_dict["rueckforderung_faellig_am"][0]
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.NACHWEIS_EINGEREICHT
    assert antrag.betrag_bewilligt == Decimal("400.00")
    assert antrag.verwendungsnachweis.geprueft_am is None


def test_foerderfaehig_hoechstens_die_tatsaechlichen_kosten(fonds, qm):
    antrag = _mit_nachweis(fonds, qm, kosten="300.00")
    with pytest.raises(ValidationError) as e:
        abrechnen.nachweis_pruefen(antrag=antrag, von=qm, anerkannte_kosten="300.01")
    assert "höchstens die tatsächlichen Kosten" in e.value.message_dict["anerkannte_kosten"][0]


def test_seite_bietet_rueckzahlung_und_schreiben(client, fonds, qm):
    antrag = _mit_nachweis(fonds, qm, kosten="300.00")
    client.force_login(qm)
    antwort = client.post(
        reverse("projekte:nachweis_pruefen", args=[antrag.pk]),
        {"np-anerkannte_kosten": "300,00", "np-rueckforderung_faellig_am": ""},
    )
    assert antwort.status_code == 400
    assert "Bitte eine Frist" in str(antwort.context["formulare"]["nachweis_pruefen"].errors)
    antwort = client.post(
        reverse("projekte:nachweis_pruefen", args=[antrag.pk]),
        {"np-anerkannte_kosten": "300,00", "np-rueckforderung_faellig_am": "31.01.2099"},
    )
    assert antwort.status_code == 302
    seite = client.get(reverse("projekte:antrag_detail", args=[antrag.pk]))
    assert set(seite.context["formulare"]) == {"rueckzahlung", "storno"}
    antwort = client.post(
        reverse("projekte:rueckzahlung_buchen", args=[antrag.pk]),
        {"rz-betrag": "100,00", "rz-datum": HEUTE().strftime("%d.%m.%Y"), "rz-vermerk": "KZ"},
    )
    assert antwort.status_code == 302
    antrag.refresh_from_db()
    assert antrag.status == Fondsantrag.Status.ABGESCHLOSSEN
    pdf = client.get(reverse("projekte:abrechnungsschreiben", args=[antrag.pk]))
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Schlussabrechnung" in text and "300,00" in text
    # Dated the day the proof was checked (the grant was decided earlier).
    assert antrag.verwendungsnachweis.geprueft_am.strftime("%d.%m.%Y") in text


def test_storno_ueber_die_seite(client, fonds, qm):
    antrag = _mit_nachweis(fonds, qm)
    auszahlung = Buchung.objects.get(antrag=antrag, art="auszahlung")
    client.force_login(qm)
    antwort = client.post(
        reverse("projekte:buchung_stornieren", args=[antrag.pk]),
        {"st-buchung": auszahlung.pk, "st-grund": "", "st-datum": HEUTE().strftime("%d.%m.%Y")},
    )
    assert antwort.status_code == 400  # reason missing
    antwort = client.post(
        reverse("projekte:buchung_stornieren", args=[antrag.pk]),
        {
            "st-buchung": auszahlung.pk,
            "st-grund": "Doppelt",
            "st-datum": HEUTE().strftime("%d.%m.%Y"),
        },
    )
    assert antwort.status_code == 302
    assert Buchung.objects.get(storno_von=auszahlung).betrag == Decimal("-400.00")


def test_bewilligung_aendern_ueber_die_seite(client, fonds, qm):
    antrag = factories.FondsantragFactory(fonds=fonds, betrag_beantragt=Decimal("400"))
    antrag = fonds_services.antrag_pruefen(antrag=antrag, von=qm)
    fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag="400.00")
    client.force_login(qm)
    antwort = client.post(
        reverse("projekte:bewilligung_aendern", args=[antrag.pk]),
        {
            "bae-betrag": "350,00",
            "bae-begruendung": "Teilweise",
            "bae-datum": HEUTE().strftime("%d.%m.%Y"),
        },
    )
    assert antwort.status_code == 302
    antrag.refresh_from_db()
    assert antrag.betrag_bewilligt == Decimal("350.00")


@pytest.mark.parametrize(
    "name", ["rueckzahlung_buchen", "buchung_stornieren", "bewilligung_aendern"]
)
def test_fremdes_quartier_und_lesende_buchen_nichts(client, fonds, qm, qm_anderes, lesend, name):
    antrag = _mit_nachweis(fonds, qm, kosten="300.00")
    abrechnen.nachweis_pruefen(antrag=antrag, von=qm, rueckforderung_faellig_am=FRIST)
    vorher = Buchung.objects.count()
    client.force_login(qm_anderes)
    antwort = client.post(reverse(f"projekte:{name}", args=[antrag.pk]), {"rz-betrag": "1"})
    assert antwort.status_code == 404
    assert client.get(reverse("projekte:abrechnungsschreiben", args=[antrag.pk])).status_code == 404
    client.force_login(lesend)
    antwort = client.post(reverse(f"projekte:{name}", args=[antrag.pk]), {"rz-betrag": "1"})
    assert antwort.status_code == 403
    assert Buchung.objects.count() == vorher
