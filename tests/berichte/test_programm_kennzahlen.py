"""The programme page: each readable quartier's figures within the programme's period there,
and the links to prepare the Sachbericht."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

D = datetime.date


def _zeilen(antwort):
    return {q.name: werte for q, werte in antwort.context["kennzahlen"]}


@pytest.mark.django_db
def test_kennzahlen_je_quartier_nur_im_programmzeitraum(client, leitung, programm):
    client.force_login(leitung)
    antwort = client.get(reverse("berichte:programm", kwargs={"pk": programm.pk}))
    zeilen = _zeilen(antwort)
    # Preuswald from 1.7.2025 (only the August figures count), Eilendorf until 31.3.2025
    # (the February figures and the whole of 2024 count).
    gemeldet, _w, _b, sitzungen, _p, veranstaltungen, teilnehmende, ausgezahlt = zeilen["Preuswald"]
    assert (gemeldet, sitzungen, veranstaltungen, teilnehmende) == (1, 1, 1, 12)
    assert ausgezahlt == Decimal("100.00")
    assert zeilen["Eilendorf"][6] == 6
    inhalt = antwort.content.decode()
    assert 'id="kennzahlen-je-quartier"' in inhalt


@pytest.mark.django_db
def test_qm_sieht_nur_kennzahlen_eigener_quartiere(client, qm, programm):
    client.force_login(qm)
    antwort = client.get(reverse("berichte:programm", kwargs={"pk": programm.pk}))
    assert list(_zeilen(antwort)) == ["Preuswald"]
    assert "Eilendorf" not in antwort.content.decode()


@pytest.mark.django_db
def test_links_zum_sachbericht_je_jahr_und_ganze_laufzeit(client, qm, programm):
    client.force_login(qm)
    inhalt = client.get(reverse("berichte:programm", kwargs={"pk": programm.pk})).content.decode()
    basis = reverse("berichte:sachbericht", kwargs={"pk": programm.pk})
    for jahr in (2024, 2025, 2026):
        assert f"{basis}?jahr={jahr}" in inhalt
    assert f"{basis}?von=2024-01-01&amp;bis=2026-12-31" in inhalt
