"""Letters after DIN 5008 (form B): the letterhead configured once, the recipient's postal
address for the window of a C6/DL envelope, the salutation and the signature block.

Every letter template extends `pdf/brief.html` and gets its context from `letter_context`,
so the decision letters, the settlement letter and any later letter look the same and read
the letterhead from one place: the settings `BRIEFKOPF_*` (see docs/briefe.md).
"""

import base64
import mimetypes
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Anrede(models.TextChoices):
    """How a recipient wants to be addressed; "keine" gives a neutral salutation."""

    FRAU = "frau", gettext_lazy("Frau")
    HERR = "herr", gettext_lazy("Herr")
    KEINE = "", gettext_lazy("keine Angabe")


def salutation(*, anrede: str = "", name: str = "") -> str:
    """ "Sehr geehrte Frau Muster," from the contact person's Anrede and name (the last word
    of the name is the surname); a neutral greeting with the full name without an Anrede, and
    "Sehr geehrte Damen und Herren," without a contact person."""
    name = " ".join(name.split())
    if not name:
        return _("Sehr geehrte Damen und Herren,")
    nachname = name.rsplit(" ", 1)[-1]
    if anrede == Anrede.FRAU:
        return _("Sehr geehrte Frau %(name)s,") % {"name": nachname}
    if anrede == Anrede.HERR:
        return _("Sehr geehrter Herr %(name)s,") % {"name": nachname}
    return _("Guten Tag %(name)s,") % {"name": name}


def address_lines(*, organisation: str = "", anrede: str = "", name: str = "", anschrift=""):
    """The recipient's postal address for the window: organisation, contact person (with
    Anrede), then the street and town lines; empty lines dropped."""
    person = " ".join(name.split())
    if person and anrede in (Anrede.FRAU, Anrede.HERR):
        person = f"{Anrede(anrede).label} {person}"
    zeilen = [organisation.strip(), person]
    zeilen += anschrift.splitlines() if isinstance(anschrift, str) else list(anschrift)
    return [z.strip() for z in zeilen if z and z.strip()]


@dataclass(frozen=True)
class Letterhead:
    """The sender as configured once in the settings."""

    stadt: str
    fachbereich: str
    anschrift: list[str]
    kontakt: list[str]
    logo: str  # a data: URI (WeasyPrint may load nothing else), or ""

    @property
    def return_address(self) -> str:
        """The one-line return address above the recipient (Rücksendeangabe)."""
        return " · ".join([self.stadt, self.fachbereich, *self.anschrift])


def _data_uri(pfad: str) -> str:
    if not pfad:
        return ""
    datei = Path(pfad)
    if not datei.is_absolute():
        datei = Path(settings.BASE_DIR) / datei
    art = mimetypes.guess_type(datei.name)[0] or "application/octet-stream"
    return f"data:{art};base64,{base64.b64encode(datei.read_bytes()).decode()}"


@cache
def letterhead() -> Letterhead:
    """Read once per process: the settings do not change while it runs."""
    kopf = settings.BRIEFKOPF
    return Letterhead(
        stadt=kopf["stadt"],
        fachbereich=kopf["fachbereich"],
        anschrift=[z.strip() for z in kopf["anschrift"].split("|") if z.strip()],
        kontakt=[z.strip() for z in kopf["kontakt"].split("|") if z.strip()],
        logo=_data_uri(kopf["logo"]),
    )


@dataclass
class Letter:
    """What `pdf/brief.html` prints around a letter's text."""

    empfaenger: list[str]
    anrede: str
    betreff: str
    datum: date
    unser_zeichen: str = ""
    ihr_zeichen: str = ""
    ansprechpartner: list[str] = field(default_factory=list)
    unterschrift: list[str] = field(default_factory=list)
    briefkopf: Letterhead = field(default_factory=letterhead)


def letter_context(**angaben) -> dict:
    """The context of a letter template: `brief` (a `Letter`) next to the letter's own data."""
    return {"brief": Letter(**angaben)}
