"""Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO), kept next to the code.

Every app registers the processing of personal data it does in its AppConfig.ready():

    dsgvo.registrieren(Verarbeitung(bezeichnung=..., modelle=("akteure.Person", ...), ...))

The admin page /admin/verarbeitungsverzeichnis/ is generated from these entries, and a test
fails when a model with personal fields (names, e-mail, phone, address) is not covered.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

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
