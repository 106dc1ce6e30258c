"""Uploaded files: checked by content (not only by name), stored under random names outside
static, and handed out only by views that checked the user's right to the record first."""

import datetime
import uuid
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024

# type -> (allowed file endings, MIME type)
FILE_TYPES = {
    "pdf": ({".pdf"}, "application/pdf"),
    "png": ({".png"}, "image/png"),
    "jpeg": ({".jpg", ".jpeg"}, "image/jpeg"),
    "docx": ({".docx"}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ({".xlsx"}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (
        {".pptx"},
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": ({".odt"}, "application/vnd.oasis.opendocument.text"),
    "ods": ({".ods"}, "application/vnd.oasis.opendocument.spreadsheet"),
    "ole": ({".doc", ".xls", ".ppt"}, "application/octet-stream"),
}
DOCUMENT_TYPES = ("pdf", "png", "jpeg", "docx", "xlsx", "pptx", "odt", "ods", "ole")
IMAGE_TYPES = ("png", "jpeg")


def detect_file_type(datei) -> str | None:
    """The file's real type from its first bytes (and, for ZIP-based Office files, its parts)."""
    datei.seek(0)
    kopf = datei.read(8)
    datei.seek(0)
    if kopf.startswith(b"%PDF-"):
        return "pdf"
    if kopf.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if kopf.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if kopf.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if kopf.startswith(b"PK\x03\x04"):
        return _office_zip_type(datei)
    return None


def _office_zip_type(datei) -> str | None:
    try:
        with zipfile.ZipFile(datei) as z:
            namen = set(z.namelist())
            if "mimetype" in namen:
                mime = z.read("mimetype").decode("ascii", "replace").strip()
                return {v[1]: k for k, v in FILE_TYPES.items()}.get(mime)
            for praefix, typ in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
                if "[Content_Types].xml" in namen and any(n.startswith(praefix) for n in namen):
                    return typ
    except zipfile.BadZipFile:
        return None
    finally:
        datei.seek(0)
    return None


@deconstructible
class FileValidator:
    """Form/model validator: size limit, and the content must match an allowed type and the
    file's ending (a renamed .exe is refused)."""

    def __init__(self, *, typen=DOCUMENT_TYPES, max_mb=10):
        self.typen = tuple(typen)
        self.max_mb = max_mb

    def __call__(self, datei):
        if datei.size > self.max_mb * MB:
            raise ValidationError(
                _("Die Datei ist zu groß (höchstens %(mb)s MB)."), params={"mb": self.max_mb}
            )
        typ = detect_file_type(datei)
        endung = PurePath(datei.name).suffix.lower()
        if typ not in self.typen or endung not in FILE_TYPES[typ][0]:
            erlaubt = ", ".join(sorted({e for t in self.typen for e in FILE_TYPES[t][0]}))
            raise ValidationError(
                _("Dieser Dateityp ist nicht erlaubt. Erlaubt sind: %(erlaubt)s."),
                params={"erlaubt": erlaubt},
            )

    def __eq__(self, other):
        return (
            isinstance(other, FileValidator)
            and self.typen == other.typen
            and self.max_mb == other.max_mb
        )


@deconstructible
class RandomPath:
    """upload_to: `<ordner>/<year>/<random hex><ending>`; the original name is never used
    on disk (store it in a separate field if it should be shown)."""

    def __init__(self, ordner: str):
        self.ordner = ordner

    def __call__(self, instance, dateiname: str) -> str:
        endung = PurePath(dateiname).suffix.lower()[:10]
        return f"{self.ordner}/{datetime.date.today():%Y}/{uuid.uuid4().hex}{endung}"


def serve_file(field_file, *, filename: str) -> FileResponse:
    """Send a stored file as a download; call only after the permission check."""
    file = field_file.open("rb")
    kind = detect_file_type(file)
    mime = FILE_TYPES[kind][1] if kind else "application/octet-stream"
    response = FileResponse(file, as_attachment=True, filename=filename, content_type=mime)
    response["X-Content-Type-Options"] = "nosniff"
    return response
