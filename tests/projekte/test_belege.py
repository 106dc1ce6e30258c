"""Receipts of a proof of use: checked by content on upload, downloaded only by those allowed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projekte.fonds import buchen
from projekte.fonds import services as fonds_services
from projekte.models import Beleg, Fondsantrag
from tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def ausgezahlt(quartier, qm):
    fonds = factories.StadtteilfondsFactory(quartier=quartier)
    antrag = fonds_services.antrag_pruefen(antrag=factories.FondsantragFactory(fonds=fonds), von=qm)
    fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag="300")
    buchen.auszahlung_buchen(antrag=antrag, von=qm, betrag="300")
    return antrag


def _einreichen(client, antrag, datei):
    return client.post(
        reverse("projekte:nachweis_einreichen", args=[antrag.pk]),
        {
            "nw-tatsaechliche_kosten": "290,00",
            "nw-eingereicht_am": "2026-11-20",
            "nw-belege": [datei],
        },
    )


def test_beleg_hochladen_und_herunterladen(client, qm, qm_anderes, ausgezahlt):
    client.force_login(qm)
    antwort = _einreichen(
        client, ausgezahlt, SimpleUploadedFile("quittung.pdf", PDF, "application/pdf")
    )
    assert antwort.status_code == 302
    beleg = Beleg.objects.get()
    assert beleg.dateiname == "quittung.pdf"
    url = reverse("projekte:beleg", args=[beleg.pk])
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    client.force_login(qm_anderes)
    assert client.get(url).status_code == 404


def test_umbenannte_datei_wird_abgelehnt_und_nichts_gespeichert(client, qm, ausgezahlt):
    client.force_login(qm)
    antwort = _einreichen(
        client,
        ausgezahlt,
        SimpleUploadedFile("quittung.pdf", b"MZ\x90\x00boese", "application/pdf"),
    )
    assert antwort.status_code == 400
    assert "belege" in antwort.context["formulare"]["nachweis"].errors
    ausgezahlt.refresh_from_db()
    assert ausgezahlt.status == Fondsantrag.Status.AUSGEZAHLT
    assert not Beleg.objects.exists()
