"""Forbidden cases: other quartiers are invisible (404), read-only roles cannot write (403)."""

import pytest
from django.urls import reverse

from bedarfe.models import Bedarf
from bedarfe.rules import darf_bedarf_bearbeiten, darf_bedarf_lesen
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def fremder_bedarf(anderes_quartier):
    return factories.BedarfFactory(quartier=anderes_quartier, titel="Geheimer Bedarf")


@pytest.mark.parametrize(
    "name", ["detail", "bearbeiten", "status", "weiterleiten", "zusammenfuehren"]
)
def test_qm_anderer_quartiere_bekommt_404_fuer_erratene_id(client, qm, fremder_bedarf, name):
    client.force_login(qm)
    assert client.get(reverse(f"bedarfe:{name}", args=[fremder_bedarf.pk])).status_code == 404


def test_fremder_bedarf_erscheint_nicht_in_liste_und_export(client, qm, fremder_bedarf):
    client.force_login(qm)
    assert "Geheimer Bedarf" not in client.get(reverse("bedarfe:liste")).content.decode()
    csv = b"".join(client.get(reverse("bedarfe:liste"), {"format": "csv"}).streaming_content)
    assert "Geheimer Bedarf" not in csv.decode()


def test_fremde_erhebung_und_datei_geben_404(client, qm, anderes_quartier):
    from django.core.files.base import ContentFile

    erhebung = factories.ErhebungFactory(quartier=anderes_quartier)
    anhang = erhebung.dateien.create(dateiname="x.pdf", datei=ContentFile(b"%PDF-1.4", "x.pdf"))
    client.force_login(qm)
    assert client.get(erhebung.get_absolute_url()).status_code == 404
    assert client.get(anhang.get_absolute_url()).status_code == 404


def test_fremde_weiterleitung_antwort_eintragen_gibt_404(client, qm, anderes_quartier):
    w = factories.WeiterleitungFactory(bedarf__quartier=anderes_quartier)
    client.force_login(qm)
    assert client.get(reverse("bedarfe:antwort_erfassen", args=[w.pk])).status_code == 404


@pytest.mark.parametrize(
    ("name", "daten"),
    [
        ("bearbeiten", {"titel": "Gehackt"}),
        ("status", {"status": "in_pruefung"}),
        ("weiterleiten", {"frist": "2099-01-01"}),
        ("zusammenfuehren", {}),
        ("kommentieren", {"kommentar": "Hallo"}),
        ("freigeben", {"oeffentlich": "on", "oeffentliche_antwort": "x"}),
    ],
)
def test_lesend_darf_nichts_aendern_403(client, lesend, quartier, name, daten):
    bedarf = factories.BedarfFactory(quartier=quartier, titel="Original")
    client.force_login(lesend)
    assert client.get(bedarf.get_absolute_url()).status_code == 200
    assert client.post(reverse(f"bedarfe:{name}", args=[bedarf.pk]), daten).status_code == 403
    bedarf.refresh_from_db()
    assert (bedarf.titel, bedarf.status, bedarf.oeffentlich) == ("Original", "neu", False)
    assert not bedarf.ereignisse.exists()


def test_lesend_darf_keinen_bedarf_und_keine_erhebung_anlegen(client, lesend, quartier):
    client.force_login(lesend)
    assert client.post(reverse("bedarfe:anlegen"), {"titel": "x"}).status_code == 403
    assert client.post(reverse("bedarfe:erhebung_anlegen"), {"titel": "x"}).status_code == 403
    assert not Bedarf.objects.exists()


def test_lesend_darf_keine_antwort_eintragen(client, lesend, quartier):
    w = factories.WeiterleitungFactory(bedarf__quartier=quartier)
    client.force_login(lesend)
    antwort = client.post(
        reverse("bedarfe:antwort_erfassen", args=[w.pk]),
        {"ergebnis": "abgelehnt", "antwort": "x", "ueber": "telefon"},
    )
    assert antwort.status_code == 403


def test_leitung_liest_alles_und_aendert_nichts(client, leitung, quartier):
    bedarf = factories.BedarfFactory(quartier=quartier)
    client.force_login(leitung)
    assert client.get(bedarf.get_absolute_url()).status_code == 200
    antwort = client.post(reverse("bedarfe:status", args=[bedarf.pk]), {"status": "in_pruefung"})
    assert antwort.status_code == 403


def test_praedikate(qm, lesend, qm_anderes, quartier):
    bedarf = factories.BedarfFactory(quartier=quartier)
    assert darf_bedarf_bearbeiten(qm, bedarf) and darf_bedarf_lesen(qm, bedarf)
    assert darf_bedarf_lesen(lesend, bedarf) and not darf_bedarf_bearbeiten(lesend, bedarf)
    assert not darf_bedarf_lesen(qm_anderes, bedarf)


def test_formular_ignoriert_fremdes_quartier(client, qm, anderes_quartier):
    client.force_login(qm)
    antwort = client.post(
        reverse("bedarfe:anlegen"),
        {
            "quartier": anderes_quartier.pk,
            "titel": "Untergeschoben",
            "quelle": "sonstiges",
            "prioritaet": 2,
            "nennungen": 1,
            "gemeldet_am": "2026-11-01",
        },
    )
    assert antwort.status_code == 200
    assert not Bedarf.objects.exists()


def test_anonym_wird_zur_anmeldung_geleitet(client, quartier):
    bedarf = factories.BedarfFactory(quartier=quartier)
    assert client.get(bedarf.get_absolute_url()).status_code == 302
