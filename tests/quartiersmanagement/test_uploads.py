"""Uploads are checked by content and size, stored under random names."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from quartiersmanagement.uploads import FileValidator, RandomPath, detect_file_type

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"


def _docx() -> bytes:
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return puffer.getvalue()


def test_pdf_und_docx_werden_am_inhalt_erkannt():
    assert detect_file_type(io.BytesIO(PDF)) == "pdf"
    assert detect_file_type(io.BytesIO(_docx())) == "docx"


def test_erlaubte_datei_passiert():
    FileValidator()(SimpleUploadedFile("protokoll.pdf", PDF))


def test_umbenannte_programmdatei_wird_abgewiesen():
    with pytest.raises(ValidationError, match="Dateityp ist nicht erlaubt"):
        FileValidator()(SimpleUploadedFile("protokoll.pdf", b"MZ\x90\x00 programm"))


def test_endung_muss_zum_inhalt_passen():
    with pytest.raises(ValidationError, match="Dateityp ist nicht erlaubt"):
        FileValidator()(SimpleUploadedFile("foto.png", PDF))


def test_zu_grosse_datei_wird_abgewiesen():
    with pytest.raises(ValidationError, match="zu groß"):
        FileValidator(max_mb=1)(SimpleUploadedFile("gross.pdf", PDF + b"0" * 1024 * 1024))


def test_gespeicherter_name_ist_zufaellig():
    pfad = RandomPath("erhebungen")(None, "Meine Liste (privat).PDF")
    assert pfad.startswith("erhebungen/")
    assert pfad.endswith(".pdf")
    assert "privat" not in pfad
