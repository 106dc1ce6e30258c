"""The programme page: quartiers with shares, Laufzeit warning, reports due; access."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories


def _url(programm):
    return reverse("berichte:programm", kwargs={"pk": programm.pk})


@pytest.mark.django_db
def test_programmseite_zeigt_quartiere_anteile_und_summe(
    client, leitung, quartier, anderes_quartier
):
    heute = timezone.localdate()
    programm = factories.ProgrammFactory(
        laufzeit_von=datetime.date(2020, 1, 1), laufzeit_bis=heute + datetime.timedelta(days=400)
    )
    factories.ProgrammeinsatzFactory(
        programm=programm, quartier=quartier, von=heute, stellenanteil=Decimal("50")
    )
    factories.ProgrammeinsatzFactory(
        programm=programm, quartier=anderes_quartier, von=heute, stellenanteil=Decimal("25.5")
    )
    factories.ProgrammeinsatzFactory(
        programm=programm,
        quartier=quartier,
        von=datetime.date(2020, 1, 1),
        bis=datetime.date(2023, 12, 31),
        stellenanteil=Decimal("40"),
    )
    client.force_login(leitung)
    antwort = client.get(_url(programm))
    assert antwort.status_code == 200
    assert antwort.context["stellenanteil_summe"] == Decimal("75.5")
    assert "31.12.2023" in antwort.content.decode()
    assert not antwort.context["endet_bald"]


@pytest.mark.django_db
def test_warnung_kurz_vor_laufzeitende_und_ueberfaellige_berichte(client, qm, quartier):
    heute = timezone.localdate()
    programm = factories.ProgrammFactory(laufzeit_bis=heute + datetime.timedelta(days=60))
    factories.ProgrammeinsatzFactory(programm=programm, quartier=quartier)
    factories.BerichtspflichtFactory(
        programm=programm, titel="Zwischenbericht", faellig_am=heute - datetime.timedelta(days=1)
    )
    client.force_login(qm)
    inhalt = client.get(_url(programm)).content.decode()
    assert 'id="laufzeit-warnung"' in inhalt
    assert 'class="table-danger"' in inhalt and "Zwischenbericht" in inhalt


@pytest.mark.django_db
def test_qm_sieht_nur_einsaetze_in_eigenen_quartieren(client, qm, quartier, anderes_quartier):
    programm = factories.ProgrammFactory()
    factories.ProgrammeinsatzFactory(programm=programm, quartier=quartier)
    factories.ProgrammeinsatzFactory(programm=programm, quartier=anderes_quartier)
    client.force_login(qm)
    antwort = client.get(_url(programm))
    assert [e.quartier for e in antwort.context["einsaetze"]] == [quartier]


@pytest.mark.django_db
def test_programm_ohne_eigenes_quartier_gibt_404(client, qm, anderes_quartier):
    programm = factories.ProgrammeinsatzFactory(quartier=anderes_quartier).programm
    client.force_login(qm)
    assert client.get(_url(programm)).status_code == 404
    assert client.get(reverse("berichte:programm", kwargs={"pk": 999999})).status_code == 404


@pytest.mark.django_db
def test_programmseite_titel_ist_nur_der_name(client, qm, quartier):
    """The <title> holds the programme's name only (a template slip once put a table in it)."""
    programm = factories.ProgrammFactory(name="Soziale Stadt Test")
    factories.ProgrammeinsatzFactory(programm=programm, quartier=quartier)
    client.force_login(qm)
    inhalt = client.get(f"/berichte/programme/{programm.pk}/").content.decode()
    titel = inhalt.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "Soziale Stadt Test" in titel and "<" not in titel
    assert inhalt.count('id="kennzahlen-je-quartier"') == 1
