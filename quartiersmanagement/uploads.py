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
DATEITYPEN = {
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
DOKUMENTE = ("pdf", "png", "jpeg", "docx", "xlsx", "pptx", "odt", "ods", "ole")
BILDER = ("png", "jpeg")


def dateityp_erkennen(datei) -> str | None:
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
        return _office_zip_typ(datei)
    return None


def _office_zip_typ(datei) -> str | None:
    try:
        with zipfile.ZipFile(datei) as z:
            namen = set(z.namelist())
            if "mimetype" in namen:
                mime = z.read("mimetype").decode("ascii", "replace").strip()
                return {v[1]: k for k, v in DATEITYPEN.items()}.get(mime)
            for praefix, typ in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
                if "[Content_Types].xml" in namen and any(n.startswith(praefix) for n in namen):
                    return typ
    except zipfile.BadZipFile:
        return None
    finally:
        datei.seek(0)
    return None


@deconstructible
class DateiPruefer:
    """Form/model validator: size limit, and the content must match an allowed type and the
    file's ending (a renamed .exe is refused)."""

    def __init__(self, *, typen=DOKUMENTE, max_mb=10):
        self.typen = tuple(typen)
        self.max_mb = max_mb

    def __call__(self, datei):
        if datei.size > self.max_mb * MB:
            raise ValidationError(
                _("Die Datei ist zu groß (höchstens %(mb)s MB)."), params={"mb": self.max_mb}
            )
        typ = dateityp_erkennen(datei)
        endung = PurePath(datei.name).suffix.lower()
        if typ not in self.typen or endung not in DATEITYPEN[typ][0]:
            erlaubt = ", ".join(sorted({e for t in self.typen for e in DATEITYPEN[t][0]}))
            raise ValidationError(
                _("Dieser Dateityp ist nicht erlaubt. Erlaubt sind: %(erlaubt)s."),
                params={"erlaubt": erlaubt},
            )

    def __eq__(self, other):
        return (
            isinstance(other, DateiPruefer)
            and self.typen == other.typen
            and self.max_mb == other.max_mb
        )


@deconstructible
class ZufallsPfad:
    """upload_to: `<ordner>/<year>/<random hex><ending>`; the original name is never used
    on disk (store it in a separate field if it should be shown)."""

    def __init__(self, ordner: str):
        self.ordner = ordner

    def __call__(self, instance, dateiname: str) -> str:
        endung = PurePath(dateiname).suffix.lower()[:10]
        return f"{self.ordner}/{datetime.date.today():%Y}/{uuid.uuid4().hex}{endung}"


def datei_ausliefern(feldfile, *, dateiname: str) -> FileResponse:
    """Send a stored file as a download; call only after the permission check."""
    datei = feldfile.open("rb")
    typ = dateityp_erkennen(datei)
    mime = DATEITYPEN[typ][1] if typ else "application/octet-stream"
    antwort = FileResponse(datei, as_attachment=True, filename=dateiname, content_type=mime)
    antwort["X-Content-Type-Options"] = "nosniff"
    return antwort
