"""The fund's journal: every money movement is one booking (Buchung), appended and never
changed or deleted; a mistake is put right by a reversal (Storno) that books the negative amount
of the same kind and points to the booking it reverses.

The figures on the fund and the application rows (granted, paid, claimed back, repaid, carried
over, lapsed) are the sums of this journal. A trigger of the database adds each new booking to
them in the same statement, and another refuses any other write of those columns, so no form,
admin page, import or stale instance can make them disagree with the journal (migration 0009).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from quartiersmanagement.models import Timestamped

from ..geld import geld
from .models import Fondsantrag, Stadtteilfonds


class Buchung(Timestamped):
    """One booking of the fund's journal (no history of its own: it is never changed)."""

    class Art(models.TextChoices):
        BEWILLIGUNG = "bewilligung", _("Bewilligung")
        AENDERUNG = "aenderung", _("Änderung der Bewilligung")
        AUSZAHLUNG = "auszahlung", _("Auszahlung")
        RUECKFORDERUNG = "rueckforderung", _("Rückforderung")
        RUECKZAHLUNG = "rueckzahlung", _("Rückzahlung")
        VERFALL = "verfall", _("Verfall am Jahresende")
        UEBERTRAG = "uebertrag", _("Übertrag ins Folgejahr")
        VORTRAG = "vortrag", _("Übertrag aus dem Vorjahr")

    #: Kinds booked on the fund alone (year end), without an application.
    FONDSBUCHUNGEN = (Art.VERFALL, Art.UEBERTRAG, Art.VORTRAG)

    fonds = models.ForeignKey(
        Stadtteilfonds,
        verbose_name=_("Stadtteilfonds"),
        on_delete=models.PROTECT,
        related_name="buchungen",
    )
    antrag = models.ForeignKey(
        Fondsantrag,
        verbose_name=_("Fondsantrag"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="buchungen",
    )
    art = models.CharField(_("Buchungsart"), max_length=20, choices=Art)
    betrag = geld(_("Betrag"), help_text=_("Negativ bei einem Storno oder einer Kürzung."))
    datum = models.DateField(_("Buchungsdatum"))
    vermerk = models.CharField(
        _("Kassenzeichen oder Referenz"),
        max_length=200,
        blank=True,
        help_text=_("z. B. Kassenzeichen"),
    )
    erlaeuterung = models.CharField(_("Erläuterung"), max_length=500, blank=True)
    faellig_am = models.DateField(_("fällig am"), null=True, blank=True)
    storno_von = models.OneToOneField(
        "self",
        verbose_name=_("storniert Buchung"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="storno",
    )
    gebucht_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebucht von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Buchung")
        verbose_name_plural = _("Buchungen")
        ordering = ["datum", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(betrag=0),
                name="buchung_nicht_null",
                violation_error_message=_("Eine Buchung über 0 € gibt es nicht."),
            ),
            models.CheckConstraint(
                condition=Q(storno_von__isnull=False) | Q(art="aenderung") | Q(betrag__gt=0),
                name="buchung_positiv_ausser_storno",
                violation_error_message=_("Der Betrag muss größer als 0 sein."),
            ),
            models.CheckConstraint(
                condition=Q(art__in=["verfall", "uebertrag", "vortrag"], antrag__isnull=True)
                | (~Q(art__in=["verfall", "uebertrag", "vortrag"]) & Q(antrag__isnull=False)),
                name="buchung_antrag_je_art",
                violation_error_message=_("Nur Jahresabschlussbuchungen sind ohne Antrag."),
            ),
        ]
        indexes = [models.Index(fields=["fonds", "datum"], name="buchung_fonds_datum")]

    def __str__(self):
        return f"{self.art_anzeige} {self.betrag} € ({self.datum:%d.%m.%Y})"

    def get_absolute_url(self):
        if self.antrag_id:
            return reverse("projekte:antrag_detail", kwargs={"pk": self.antrag_id})
        return reverse("projekte:fonds_detail", kwargs={"pk": self.fonds_id})

    @property
    def art_anzeige(self) -> str:
        if self.storno_von_id:
            return _("Storno: %(art)s") % {"art": self.get_art_display()}
        return self.get_art_display()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("Buchungen are never changed; book a Storno instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Buchungen are never deleted; book a Storno instead.")


class AuszahlungenManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(art=Buchung.Art.AUSZAHLUNG)


class Auszahlung(Buchung):
    """The payouts of the journal (with their reversals, so their sum is what was paid)."""

    objects = AuszahlungenManager()

    class Meta:
        proxy = True
        verbose_name = _("Auszahlung")
        verbose_name_plural = _("Auszahlungen")

    def save(self, *args, **kwargs):
        self.art = Buchung.Art.AUSZAHLUNG
        if self.fonds_id is None:
            self.fonds_id = self.antrag.fonds_id
        super().save(*args, **kwargs)
