"""Money in the projekte app: the model field, the non-negative constraint and the check of an
amount typed into a form. Money is `Decimal` with two places, never float."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def geld(verbose_name, **kwargs):
    """A money field: Decimal with two places, as the city's accounting books it."""
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


def nicht_negativ(feld: str, name: str, meldung=None) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{feld}__isnull": True}) | Q(**{f"{feld}__gte": 0}),
        name=name,
        violation_error_message=meldung or gettext_lazy("Der Betrag darf nicht negativ sein."),
    )


CENT = Decimal("0.01")
HOECHSTBETRAG = Decimal("9999999999.99")


def betrag_pruefen(wert, feld: str, *, groesser_null: bool = False) -> Decimal:
    """A money amount as Decimal with two places; German error at `feld` otherwise."""
    if wert is None or wert == "":
        raise ValidationError({feld: _("Bitte einen Betrag angeben.")})
    try:
        betrag = Decimal(str(wert))
    except InvalidOperation:
        raise ValidationError({feld: _("Bitte einen Betrag wie 120,50 angeben.")}) from None
    if not betrag.is_finite():
        raise ValidationError({feld: _("Bitte einen Betrag wie 120,50 angeben.")})
    if betrag != betrag.quantize(CENT):
        raise ValidationError({feld: _("Beträge haben höchstens zwei Stellen nach dem Komma.")})
    if betrag < 0:
        raise ValidationError({feld: _("Der Betrag darf nicht negativ sein.")})
    if groesser_null and betrag == 0:
        raise ValidationError({feld: _("Der Betrag muss größer als 0 sein.")})
    if betrag > HOECHSTBETRAG:
        raise ValidationError({feld: _("Der Betrag ist zu groß.")})
    return betrag.quantize(CENT)
