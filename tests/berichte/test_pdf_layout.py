"""Every PDF the app produces fits its page and is tagged for screen readers (issue 20).

Rendered through its URL with the demo data and with a data set of long names; pdfplumber
reads the position of every character, and none may lie outside the printable area (the
page minus 10 mm at each edge, which office printers cannot reach). With SCREENSHOTS=<folder>
the pages are also written as PNG (pdftoppm) to look at."""

import io
import os
import shutil
import subprocess  # noqa: S404 - pdftoppm for the optional screenshots, fixed arguments
from pathlib import Path

import pdfplumber
import pytest
from django.core.management import call_command
from pypdf import PdfReader

from tests.berichte import dokumente

#: Office printers leave about 4–5 mm unprinted; 10 mm keeps a margin of safety.
RAND_PT = 10 / 25.4 * 72


def _ausserhalb(pdf: bytes) -> list[str]:
    """The characters outside the printable area, as "page n: 'text' at x/y"."""
    fehler = []
    with pdfplumber.open(io.BytesIO(pdf)) as dokument:
        for nummer, seite in enumerate(dokument.pages, start=1):
            for z in seite.chars:
                if not z["text"].strip():
                    continue
                if (
                    z["x0"] < RAND_PT
                    or z["x1"] > seite.width - RAND_PT
                    or z["top"] < RAND_PT
                    or z["bottom"] > seite.height - RAND_PT
                ):
                    fehler.append(f"Seite {nummer}: {z['text']!r} bei {z['x0']:.0f}/{z['top']:.0f}")
    return fehler


def _bilder(name: str, pdf: bytes) -> None:
    ordner = os.environ.get("SCREENSHOTS")
    if not ordner or not shutil.which("pdftoppm"):  # pragma: no cover - optional
        return
    Path(ordner).mkdir(parents=True, exist_ok=True)
    datei = Path(ordner) / f"{name}.pdf"
    datei.write_bytes(pdf)
    programm = shutil.which("pdftoppm")
    subprocess.run(  # noqa: S603 - fixed program, our own file names
        [programm, "-png", "-r", "60", str(datei), str(Path(ordner) / name)], check=True
    )


def _pruefen(client, admin_user, daten: dict, kennung: str):
    client.force_login(admin_user)
    ueberlaeufe = {}
    for name, url in dokumente.pdf_urls(daten).items():
        antwort = client.get(url)
        assert antwort.status_code == 200, (name, url)
        pdf = antwort.content
        _bilder(f"{kennung}-{name}", pdf)
        if fehler := _ausserhalb(pdf):
            ueberlaeufe[name] = fehler[:5]
        katalog = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
        assert katalog["/Lang"] == "de", name
        assert katalog["/MarkInfo"]["/Marked"], name
        assert "/StructTreeRoot" in katalog, name
        assert PdfReader(io.BytesIO(pdf)).metadata.title, name
    assert not ueberlaeufe, ueberlaeufe


@pytest.mark.django_db
def test_pdfs_mit_langen_namen_passen_auf_die_seite(client, admin_user):
    _pruefen(client, admin_user, dokumente.lange_namen(), "lang")


@pytest.mark.django_db
def test_pdfs_der_demodaten_passen_auf_die_seite(client, admin_user):
    call_command("demo_daten", erzwingen=True, verbosity=0)
    _pruefen(client, admin_user, dokumente.aus_demodaten(), "demo")
