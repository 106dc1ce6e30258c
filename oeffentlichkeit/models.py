"""Public face of each quartier: news (Beitrag) and the legal pages (Seite) admins edit."""

import datetime

from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Quartier
from quartiersmanagement.models import Timestamped
from quartiersmanagement.uploads import IMAGE_TYPES, FileValidator, RandomPath

BILD_MAX_MB = 5


# Longest free text a public form accepts (about two pages): enough for any real message.
TEXT_MAX = 4000


class Seite(Timestamped):
    """One of the legally required pages; its text is plain text with blank-line paragraphs."""

    class Art(models.TextChoices):
        IMPRESSUM = "impressum", _("Impressum")
        DATENSCHUTZ = "datenschutz", _("Datenschutz")
        BARRIEREFREIHEIT = "barrierefreiheit", _("Erklärung zur Barrierefreiheit")
        LEICHTE_SPRACHE = "leichte-sprache", _("Leichte Sprache")

    art = models.CharField(_("Seite"), max_length=30, choices=Art.choices, unique=True)
    titel = models.CharField(_("Überschrift"), max_length=200)
    text = models.TextField(
        _("Text"),
        help_text=_(
            "Leerzeilen trennen Absätze. Adressen wie https://… werden zu Links. HTML ist nicht "
            "erlaubt und wird als Text angezeigt."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Rechtliche Seite")
        verbose_name_plural = _("Rechtliche Seiten")
        ordering = ["art"]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse(f"oeffentlichkeit:{self.art}")


class BeitragQuerySet(models.QuerySet):
    def veroeffentlicht(self, stichtag: datetime.date | None = None):
        return self.filter(veroeffentlicht_am__lte=stichtag or timezone.localdate())


class Beitrag(Timestamped):
    """A news item on the public page of a quartier, visible from its publish date."""

    quartier = models.ForeignKey(
        Quartier, verbose_name=_("Quartier"), on_delete=models.PROTECT, related_name="beitraege"
    )
    titel = models.CharField(_("Titel"), max_length=200)
    teaser = models.CharField(
        _("Anreißer"), max_length=300, help_text=_("Ein bis zwei Sätze für Übersicht und Feed.")
    )
    text = models.TextField(
        _("Text"),
        help_text=_("Leerzeilen trennen Absätze; Adressen wie https://… werden zu Links."),
    )
    veroeffentlicht_am = models.DateField(
        _("veröffentlicht am"), help_text=_("Ab diesem Tag ist der Beitrag öffentlich sichtbar.")
    )
    bild = models.FileField(
        _("Bild"),
        upload_to=RandomPath("beitraege"),
        blank=True,
        validators=[FileValidator(typen=IMAGE_TYPES, max_mb=BILD_MAX_MB)],
        help_text=_("JPEG oder PNG, höchstens 5 MB; wird auf 1600 Pixel Breite verkleinert."),
    )
    bild_alt = models.CharField(
        _("Bildbeschreibung (Alternativtext)"),
        max_length=300,
        blank=True,
        help_text=_("Was ist auf dem Bild zu sehen? Pflicht, wenn ein Bild hochgeladen wird."),
    )
    history = HistoricalRecords()

    objects = BeitragQuerySet.as_manager()

    class Meta:
        verbose_name = _("Beitrag")
        verbose_name_plural = _("Beiträge")
        ordering = ["-veroeffentlicht_am", "-pk"]
        indexes = [
            models.Index(fields=["quartier", "veroeffentlicht_am"], name="beitrag_quartier_datum")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(bild="") | ~models.Q(bild_alt=""),
                name="beitrag_bild_mit_alternativtext",
                violation_error_message=_("Ein Bild braucht eine Bildbeschreibung."),
            )
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse(
            "oeffentlichkeit:beitrag", kwargs={"slug": self.quartier.slug, "pk": self.pk}
        )


class Formularversuch(Timestamped):
    """One submission of an anonymous form (valid, invalid or caught by the honeypot) from an
    address, for the hourly limit shared by every process through the database. Only a keyed
    hash of the IP address is stored, deleted after a day; no audit history, which would keep
    every hash forever."""

    class Formular(models.TextChoices):
        ANTRAG = "antrag", _("Online-Antrag Stadtteilfonds")
        RUECKMELDUNG = "rueckmeldung", _("Rückmeldung zur Barrierefreiheit")

    formular = models.CharField(_("Formular"), max_length=20, choices=Formular.choices)
    ip_hash = models.CharField(_("Adresse (Hash)"), max_length=64)

    class Meta:
        verbose_name = _("Formularversuch")
        verbose_name_plural = _("Formularversuche")
        ordering = ["-erstellt"]
        indexes = [
            models.Index(fields=["formular", "ip_hash", "erstellt"], name="formularversuch_ip_zeit")
        ]

    def __str__(self):
        return f"{self.formular} {self.ip_hash[:8]} {self.erstellt:%d.%m.%Y %H:%M}"


class Rueckmeldung(Timestamped):
    """Feedback on barriers (BITV 2.0 § 7 feedback mechanism): stored and mailed to the QM."""

    quartier = models.ForeignKey(
        Quartier,
        verbose_name=_("Quartier"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rueckmeldungen",
    )
    seite = models.CharField(_("Betroffene Seite"), max_length=300, blank=True)
    nachricht = models.TextField(
        _("Nachricht"), max_length=TEXT_MAX, validators=[MaxLengthValidator(TEXT_MAX)]
    )
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    erledigt = models.BooleanField(_("erledigt"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Rückmeldung zur Barrierefreiheit")
        verbose_name_plural = _("Rückmeldungen zur Barrierefreiheit")
        ordering = ["-erstellt"]

    def __str__(self):
        return self.nachricht[:60]
