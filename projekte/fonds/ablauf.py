"""The workflow of a fund application: which actions each status allows (`AKTIONEN`), read by
the application page (which forms to offer) and by the services (which actions to accept), and
the row locks every write takes.

Every money write locks the fund row first, then the application (always in this order: no
deadlocks), and only then checks the sums; the database's constraints hold the same invariants
once more.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Fondsantrag, Stadtteilfonds

S = Fondsantrag.Status

#: status -> the actions allowed in it. A money action is offered only while money is open.
AKTIONEN = {
    S.EINGEREICHT: {"pruefen", "ablehnen"},
    S.GEPRUEFT: {"bewilligen", "ablehnen"},
    S.BEWILLIGT: {"auszahlung", "bewilligung_aendern"},
    S.AUSGEZAHLT: {"auszahlung", "bewilligung_aendern", "nachweis"},
    S.NACHWEIS_EINGEREICHT: {"nachweis_pruefen"},
    S.ABGERECHNET: {"auszahlung", "rueckzahlung"},
    S.ABGELEHNT: set(),
    S.ABGESCHLOSSEN: set(),
}


def _geld_offen(antrag: Fondsantrag, aktion: str) -> bool:
    if aktion == "auszahlung":
        return antrag.offen_auszuzahlen > 0
    if aktion == "rueckzahlung":
        return antrag.offen_zurueckzuzahlen > 0
    return True


def erlaubte_aktionen(antrag: Fondsantrag) -> set[str]:
    """The actions the application's status (and its open money) allows now."""
    return {a for a in AKTIONEN[antrag.status] if _geld_offen(antrag, a)}


def aktion_verlangen(antrag: Fondsantrag, aktion: str) -> None:
    """A German error unless `aktion` is allowed in the application's (locked) state."""
    if aktion not in AKTIONEN[antrag.status]:
        raise ValidationError(
            _("Im Status „%(status)s“ ist das nicht möglich.")
            % {"status": antrag.get_status_display()}
        )


def gesperrt(antrag: Fondsantrag) -> tuple[Stadtteilfonds, Fondsantrag]:
    """Lock the fund row, then the application (always in this order: no deadlocks)."""
    fonds = Stadtteilfonds.objects.select_for_update().get(pk=antrag.fonds_id)
    antrag = Fondsantrag.objects.select_for_update().get(pk=antrag.pk)
    antrag.fonds = fonds
    return fonds, antrag


def datum_pruefen(datum, feld: str) -> datetime.date:
    datum = datum or timezone.localdate()
    if datum > timezone.localdate():
        raise ValidationError({feld: _("Das Datum darf nicht in der Zukunft liegen.")})
    return datum
