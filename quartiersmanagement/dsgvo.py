"""Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO), kept next to the code.

Every app registers the processing of personal data it does in its AppConfig.ready():

    dsgvo.registrieren(Verarbeitung(bezeichnung=..., modelle=("akteure.Person", ...), ...))

The admin page /admin/verarbeitungsverzeichnis/ is generated from these entries, and a test
fails when a model with personal fields (names, e-mail, phone, address) is not covered.

For the right of access (Art. 15) apps register `Auskunftsteil`s: each returns, for one
person, the rows it stores about her; akteure builds the JSON and PDF export from all parts.

Apps whose data must be erased (Art. 17) also register a `Bereinigung`: a function that finds
what is due (deletion date passed, consent withdrawn, no legal reason to keep it) and, when
asked to, anonymises it including its history. `manage.py dsgvo_bereinigen` runs them all.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# Help text of free-text fields where staff might note more than they should (Art. 9, Art. 5
# data minimisation).
HINWEIS_FREITEXT = _(
    "Bitte keine Gesundheitsdaten, Religion, Herkunft, politische Meinung oder andere "
    "besondere Kategorien (Art. 9 DSGVO) und keine Namen von Privatpersonen eintragen."
)

RECHTSGRUNDLAGE_AUFGABE = _(
    "Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 3 DSG NRW (Wahrnehmung einer Aufgabe im "
    "öffentlichen Interesse: Quartiersmanagement als kommunale Aufgabe)"
)
RECHTSGRUNDLAGE_EINWILLIGUNG = _("Art. 6 Abs. 1 lit. a DSGVO (Einwilligung, jederzeit widerrufbar)")
RECHTSGRUNDLAGE_BESCHAEFTIGUNG = _(
    "Art. 6 Abs. 1 lit. c, Art. 88 DSGVO i. V. m. § 18 DSG NRW (Beschäftigtendaten)"
)


@dataclass(frozen=True)
class Verarbeitung:
    bezeichnung: str
    zweck: str
    rechtsgrundlage: str
    betroffene: str
    datenkategorien: str
    empfaenger: str
    loeschfrist: str
    modelle: tuple[str, ...]


_verzeichnis: dict[str, Verarbeitung] = {}


def registrieren(verarbeitung: Verarbeitung) -> None:
    _verzeichnis[str(verarbeitung.bezeichnung)] = verarbeitung


def verzeichnis() -> list[Verarbeitung]:
    return sorted(_verzeichnis.values(), key=lambda v: str(v.bezeichnung))


def erfasste_modelle() -> set[str]:
    return {m for v in _verzeichnis.values() for m in v.modelle}


@dataclass(frozen=True)
class Bereinigung:
    """`ausfuehren(stichtag, anwenden) -> list of German report lines`; dry run if not anwenden."""

    bezeichnung: str
    ausfuehren: Callable


_bereinigungen: dict[str, Bereinigung] = {}


def bereinigung_registrieren(bereinigung: Bereinigung) -> None:
    _bereinigungen[str(bereinigung.bezeichnung)] = bereinigung


def bereinigungen() -> list[Bereinigung]:
    return sorted(_bereinigungen.values(), key=lambda b: str(b.bezeichnung))


@dataclass(frozen=True)
class Auskunftsteil:
    """`zeilen(person) -> list[dict[str, str]]`: what one app stores about a person."""

    titel: str
    zeilen: Callable
    reihenfolge: int = 100


_auskunftsteile: dict[str, Auskunftsteil] = {}


def auskunftsteil_registrieren(teil: Auskunftsteil) -> None:
    _auskunftsteile[str(teil.titel)] = teil


def auskunft(person) -> dict[str, list[dict[str, str]]]:
    """Everything the apps store about `person`, section by section (Art. 15 DSGVO)."""
    teile = sorted(_auskunftsteile.values(), key=lambda t: t.reihenfolge)
    return {str(t.titel): t.zeilen(person) for t in teile}
