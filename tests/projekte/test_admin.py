"""The admin pages of the projekte app load; money only moves through the services there:
derived sums are never written from the admin, applications and the journal are read-only."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, transaction
from django.test import Client
from django.urls import reverse

from projekte.fonds import services as fonds_services
from projekte.models import Buchung, Stadtteilfonds
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("modell", ["projekt", "termin", "stadtteilfonds"])
def test_adminseiten_laden(admin_client, quartier, modell):
    fonds = factories.StadtteilfondsFactory(quartier=quartier)
    factories.FondsantragFactory(fonds=fonds)
    factories.ProjektFactory(quartiere=[quartier])
    factories.TerminFactory(quartier=quartier)
    assert admin_client.get(reverse(f"admin:projekte_{modell}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:projekte_{modell}_add")).status_code == 200


@pytest.mark.parametrize("modell", ["fondsantrag", "verwendungsnachweis", "buchung"])
def test_geld_ist_im_admin_nur_lesbar(admin_client, quartier, modell):
    antrag = factories.FondsantragFactory(
        fonds=factories.StadtteilfondsFactory(quartier=quartier), betrag_bewilligt="200"
    )
    assert admin_client.get(reverse(f"admin:projekte_{modell}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:projekte_{modell}_add")).status_code == 403
    if modell == "fondsantrag":
        seite = admin_client.get(reverse("admin:projekte_fondsantrag_change", args=[antrag.pk]))
        assert seite.status_code == 200
        assert b'name="status"' not in seite.content
        assert b"Bewilligung" in seite.content  # the journal inline


def test_bewilligte_summe_ist_im_admin_nicht_aenderbar(admin_client, quartier):
    fonds = factories.StadtteilfondsFactory(quartier=quartier)
    inhalt = admin_client.get(
        reverse("admin:projekte_stadtteilfonds_change", args=[fonds.pk])
    ).content.decode()
    assert 'name="bewilligt_summe"' not in inhalt


def _admin_daten(fonds, **aenderung):
    daten = {
        "budget": str(fonds.budget),
        "quelle": fonds.quelle,
        "max_je_antrag": str(fonds.max_je_antrag),
        "schwelle_qm": str(fonds.schwelle_qm),
        "restmittel": fonds.restmittel,
        "programm": "",
        "entscheidendes_gremium": "",
    }
    return {**daten, **aenderung}


def test_admin_speichert_alten_stand_ohne_die_bewilligung_zu_ueberschreiben(
    admin_client, quartier, qm
):
    fonds = factories.StadtteilfondsFactory(
        quartier=quartier, budget=Decimal("1000.00"), schwelle_qm=Decimal("1000.00")
    )
    url = reverse("admin:projekte_stadtteilfonds_change", args=[fonds.pk])
    daten = _admin_daten(fonds, quelle="Haushaltsstelle 1.05")  # form read before the grant
    antrag = fonds_services.antrag_pruefen(
        antrag=factories.FondsantragFactory(fonds=fonds, betrag_beantragt="900.00"), von=qm
    )
    fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag="900.00")
    assert admin_client.post(url, daten).status_code == 302
    fonds.refresh_from_db()
    assert fonds.quelle == "Haushaltsstelle 1.05"
    assert fonds.bewilligt_summe == Decimal("900.00")


def test_admin_budget_unter_den_bewilligungen_gibt_feldfehler(admin_client, quartier):
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("1000.00"))
    factories.FondsantragFactory(fonds=fonds, betrag_bewilligt="600.00")
    url = reverse("admin:projekte_stadtteilfonds_change", args=[fonds.pk])
    antwort = admin_client.post(url, _admin_daten(fonds, budget="500.00"))
    assert antwort.status_code == 200
    assert "so klein kann das Budget nicht werden" in antwort.content.decode()
    fonds.refresh_from_db()
    assert fonds.budget == Decimal("1000.00")


def test_alte_instanz_kann_summen_nicht_zurueckschreiben(quartier):
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("1000.00"))
    veraltet = Stadtteilfonds.objects.get(pk=fonds.pk)
    factories.FondsantragFactory(fonds=fonds, betrag_bewilligt="900.00")
    with pytest.raises(IntegrityError), transaction.atomic():
        veraltet.save()  # would write bewilligt_summe = 0 back
    with pytest.raises(IntegrityError), transaction.atomic():
        Stadtteilfonds.objects.filter(pk=fonds.pk).update(bewilligt_summe=0)


@pytest.mark.django_db(transaction=True)
def test_admin_speichern_gleichzeitig_mit_bewilligungen_ueberzieht_nicht(quartier, qm):
    """The bug of issue 18: a 1,000 € fund granted 1,900 € while the admin saved it."""
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("1000.00"))
    admin = factories.BenutzerFactory(is_staff=True, is_superuser=True)
    antraege = [
        fonds_services.antrag_pruefen(
            antrag=factories.FondsantragFactory(fonds=fonds, betrag_beantragt="400.00"), von=qm
        )
        for _ in range(4)
    ]
    daten = _admin_daten(fonds, quelle="neu")
    start = threading.Barrier(5)
    abgelehnt, unerwartet, admin_antworten = [], [], []

    def bewilligen(antrag):
        try:
            start.wait()
            fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag="400.00")
        except ValidationError as fehler:  # the fund is empty: refused, as it should be
            abgelehnt.append(fehler)
        except Exception as fehler:  # noqa: BLE001 - reported by the assertion below
            unerwartet.append(repr(fehler))
        finally:
            connections.close_all()

    def admin_speichern():
        try:
            client = Client()
            client.force_login(admin)
            start.wait()
            for _ in range(3):
                url = reverse("admin:projekte_stadtteilfonds_change", args=[fonds.pk])
                admin_antworten.append(client.post(url, daten).status_code)
        except Exception as fehler:  # noqa: BLE001 - reported by the assertion below
            unerwartet.append(repr(fehler))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=bewilligen, args=(a,)) for a in antraege]
    threads.append(threading.Thread(target=admin_speichern))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert unerwartet == []
    assert admin_antworten == [302, 302, 302]  # saved each time, back to the list
    assert len(abgelehnt) == 2
    fonds.refresh_from_db()
    journal = sum(b.betrag for b in Buchung.objects.filter(fonds=fonds))
    assert fonds.bewilligt_summe == journal == Decimal("800.00")
    assert fonds.bewilligt_summe <= fonds.budget
    assert fonds.quelle == "neu"
