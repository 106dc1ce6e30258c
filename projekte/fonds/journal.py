"""The fund's money movements."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiersmanagement.models import Timestamped

from ..geld import geld
from .models import Fondsantrag


class Auszahlung(Timestamped):
    """A payment of (part of) a granted amount."""

    antrag = models.ForeignKey(
        Fondsantrag,
        verbose_name=_("Fondsantrag"),
        on_delete=models.PROTECT,
        related_name="auszahlungen",
    )
    betrag = geld(_("Betrag"))
    datum = models.DateField(_("ausgezahlt am"))
    vermerk = models.CharField(
        _("Buchungsvermerk"), max_length=200, blank=True, help_text=_("z. B. Kassenzeichen")
    )
    gebucht_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebucht von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Auszahlung")
        verbose_name_plural = _("Auszahlungen")
        ordering = ["datum", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(betrag__gt=0),
                name="auszahlung_positiv",
                violation_error_message=_("Der Betrag muss größer als 0 sein."),
            )
        ]

    def __str__(self):
        return f"{self.antrag}: {self.betrag} € ({self.datum:%d.%m.%Y})"
