import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from oeffentlichkeit.models import Beitrag
from tests import factories


@pytest.fixture(autouse=True)
def medien(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _bild(breite=2400, hoehe=1200, format_="PNG", name="foto.png"):
    puffer = io.BytesIO()
    Image.new("RGB", (breite, hoehe), (0, 90, 150)).save(puffer, format=format_)
    return SimpleUploadedFile(name, puffer.getvalue())


def _daten(quartier, **mehr):
    return {
        "quartier": quartier.pk,
        "titel": "Neue Bänke",
        "teaser": "Vier Bänke.",
        "text": "Text.",
        "veroeffentlicht_am": "01.01.2026",
        "bild_alt": "Vier Holzbänke am Spielplatz",
        **mehr,
    }


def test_bild_wird_verkleinert_und_als_jpeg_gespeichert(client, qm, oeffentliches_quartier):
    client.force_login(qm)
    antwort = client.post(
        reverse("oeffentlichkeit:beitrag_neu"), _daten(oeffentliches_quartier, bild=_bild())
    )
    assert antwort.status_code == 302
    beitrag = Beitrag.objects.get()
    with Image.open(beitrag.bild.open("rb")) as gespeichert:
        assert gespeichert.format == "JPEG"
        assert gespeichert.size == (1600, 800)
    assert "foto" not in beitrag.bild.name
    client.logout()
    seite = client.get(reverse("oeffentlichkeit:beitrag", args=["preuswald", beitrag.pk]))
    assert 'alt="Vier Holzbänke am Spielplatz"' in seite.content.decode()
    bild = client.get(reverse("oeffentlichkeit:beitrag_bild", args=["preuswald", beitrag.pk]))
    assert bild.status_code == 200
    assert bild["Content-Type"] == "image/jpeg"


def test_bild_ohne_alternativtext_wird_abgelehnt(client, qm, quartier):
    client.force_login(qm)
    antwort = client.post(
        reverse("oeffentlichkeit:beitrag_neu"), _daten(quartier, bild=_bild(), bild_alt="")
    )
    assert antwort.status_code == 200
    assert antwort.context["form"].errors["bild_alt"]
    assert not Beitrag.objects.exists()


def test_zu_kleines_bild_wird_abgelehnt(client, qm, quartier):
    client.force_login(qm)
    antwort = client.post(
        reverse("oeffentlichkeit:beitrag_neu"), _daten(quartier, bild=_bild(100, 80))
    )
    assert "zu klein" in antwort.context["form"].errors["bild"][0]
    assert not Beitrag.objects.exists()


def test_falscher_dateityp_wird_abgelehnt(client, qm, quartier):
    client.force_login(qm)
    falsch = SimpleUploadedFile("bild.png", b"MZ\x90\x00 kein Bild")
    antwort = client.post(reverse("oeffentlichkeit:beitrag_neu"), _daten(quartier, bild=falsch))
    assert antwort.context["form"].errors["bild"]
    assert not Beitrag.objects.exists()


def test_kein_bild_gibt_404(client, oeffentliches_quartier):
    beitrag = factories.BeitragFactory(quartier=oeffentliches_quartier)
    url = reverse("oeffentlichkeit:beitrag_bild", args=["preuswald", beitrag.pk])
    assert client.get(url).status_code == 404


def test_geloeschter_beitrag_nimmt_sein_bild_mit(
    client, qm, oeffentliches_quartier, django_capture_on_commit_callbacks
):
    client.force_login(qm)
    client.post(
        reverse("oeffentlichkeit:beitrag_neu"), _daten(oeffentliches_quartier, bild=_bild())
    )
    beitrag = Beitrag.objects.get()
    datei = beitrag.bild.path
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(reverse("oeffentlichkeit:beitrag_loeschen", args=[beitrag.pk]))
    assert antwort.status_code == 302
    assert not Beitrag.objects.exists()
    assert not os.path.exists(datei)
