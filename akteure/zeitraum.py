"""The period check shared by the actor and the committee models (the CHECK constraint's twin)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ENDE_VOR_BEGINN = _("Das Ende liegt vor dem Beginn.")


def zeitraum_pruefen(von, bis, feld="bis", meldung=ENDE_VOR_BEGINN):
    """Field error when a period ends before it starts."""
    if von and bis and bis < von:
        raise ValidationError({feld: meldung})
