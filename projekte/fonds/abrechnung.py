"""The proof of use of a grant (Verwendungsnachweis) and its receipts (Belege)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiersmanagement.models import Timestamped
from quartiersmanagement.uploads import FileValidator, RandomPath

from ..geld import geld, nicht_negativ
from .models import Fondsantrag


class Verwendungsnachweis(Timestamped):
    """Proof of how a granted amount was used: actual costs, a short report, receipts."""

    antrag = models.OneToOneField(
        Fondsantrag,
        verbose_name=_("Fondsantrag"),
        on_delete=models.CASCADE,
        related_name="verwendungsnachweis",
    )
    tatsaechliche_kosten = geld(_("tatsächliche Kosten"))
    bericht = models.TextField(_("Sachbericht"), blank=True)
    eingereicht_am = models.DateField(_("eingereicht am"))
    geprueft_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geprüft von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    geprueft_am = models.DateField(_("geprüft am"), null=True, blank=True)
    pruefvermerk = models.TextField(_("Prüfvermerk"), blank=True)
    # The settlement (Schlussabrechnung) made when the proof is checked
    anerkannte_kosten = geld(
        _("förderfähige Kosten"),
        null=True,
        blank=True,
        help_text=_("Die anerkannten Kosten; können niedriger sein als die tatsächlichen."),
    )
    foerderung_endgueltig = geld(
        _("endgültige Förderung"),
        null=True,
        blank=True,
        help_text=_("Bewilligter Betrag, höchstens die förderfähigen Kosten."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Verwendungsnachweis")
        verbose_name_plural = _("Verwendungsnachweise")
        ordering = ["-eingereicht_am"]
        constraints = [
            nicht_negativ("tatsaechliche_kosten", "nachweis_kosten_nicht_negativ"),
            nicht_negativ("anerkannte_kosten", "nachweis_anerkannt_nicht_negativ"),
            nicht_negativ("foerderung_endgueltig", "nachweis_foerderung_nicht_negativ"),
        ]

    def __str__(self):
        return f"{_('Verwendungsnachweis')} {self.antrag}"


class Beleg(Timestamped):
    """A receipt file of a proof of use; downloaded only through a permission-checked view."""

    nachweis = models.ForeignKey(
        Verwendungsnachweis,
        verbose_name=_("Verwendungsnachweis"),
        on_delete=models.CASCADE,
        related_name="belege",
    )
    datei = models.FileField(
        _("Datei"), upload_to=RandomPath("fonds/belege"), validators=[FileValidator()]
    )
    dateiname = models.CharField(_("ursprünglicher Dateiname"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Beleg")
        verbose_name_plural = _("Belege")
        ordering = ["dateiname"]

    def __str__(self):
        return self.dateiname
