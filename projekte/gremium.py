"""The deciding Gremium of a fund: above the threshold a decision needs one of its Sitzungen,
with the votes of its voting members; members who declared themselves biased cannot vote."""

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _


def _euro(betrag) -> str:
    return f"{number_format(betrag, decimal_pos=2, use_l10n=True, force_grouping=True)} €"


def entscheidung_pruefen(antrag, *, sitzung, ja, nein, enthaltung, befangen) -> dict | None:
    """None when the QM decides alone; else the checked votes {"ja": [...], ...}."""
    from .services import braucht_gremium

    if not braucht_gremium(antrag):
        return None
    if sitzung is None:
        raise ValidationError(
            {
                "sitzung": _(
                    "Bei mehr als %(schwelle)s entscheidet das Gremium: Bitte die Sitzung angeben."
                )
                % {"schwelle": _euro(antrag.fonds.schwelle_qm)}
            }
        )
    return {"ja": list(ja), "nein": list(nein), "enthaltung": list(enthaltung), "befangen": list(befangen)}


def entscheidung_speichern(antrag, *, sitzung, stimmen) -> None:
    antrag.save()
