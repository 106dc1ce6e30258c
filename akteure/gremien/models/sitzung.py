"""A meeting with its agenda, attendance and action items; the minutes are a draft until
they are released, after which only a recorded amendment (Berichtigung) changes them."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Quartier
from quartiersmanagement.dsgvo import HINWEIS_FREITEXT
from quartiersmanagement.geo import lage_feld
from quartiersmanagement.models import Timestamped

from ...zeitraum import ENDE_VOR_BEGINN
from .gremium import Gremium


class Sitzung(Timestamped):
    """A meeting of a committee; `uid` and `sequenz` keep subscribed calendars in step."""

    class Status(models.TextChoices):
        GEPLANT = "geplant", _("geplant")
        DURCHGEFUEHRT = "durchgefuehrt", _("durchgeführt")
        ABGESAGT = "abgesagt", _("abgesagt")

    gremium = models.ForeignKey(
        Gremium, verbose_name=_("Gremium"), on_delete=models.CASCADE, related_name="sitzungen"
    )
    titel = models.CharField(_("Titel"), max_length=200, blank=True)
    beginn = models.DateTimeField(_("Beginn"))
    ende = models.DateTimeField(_("Ende"), null=True, blank=True)
    ort = models.CharField(_("Ort"), max_length=200, blank=True)
    lage = lage_feld()
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.GEPLANT
    )
    protokoll = models.TextField(_("Protokoll"), blank=True, help_text=HINWEIS_FREITEXT)
    anwohnende = models.PositiveSmallIntegerField(
        _("anwesende Anwohnende"),
        default=0,
        help_text=_("Nur die Anzahl, ohne Namen."),
    )
    eingeladen_am = models.DateTimeField(_("zuletzt eingeladen am"), null=True, editable=False)
    protokoll_freigegeben_am = models.DateTimeField(
        _("Protokoll freigegeben am"), null=True, blank=True, editable=False
    )
    protokoll_freigegeben_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Protokoll freigegeben von"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    uid = models.UUIDField(_("Kalender-UID"), default=uuid.uuid4, unique=True, editable=False)
    sequenz = models.PositiveIntegerField(_("Änderungszähler (iCal SEQUENCE)"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")
        ordering = ["-beginn"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ende__isnull=True) | Q(ende__gte=F("beginn")),
                name="sitzung_ende_nach_beginn",
                violation_error_message=ENDE_VOR_BEGINN,
            )
        ]

    def __str__(self):
        datum = timezone.localtime(self.beginn).strftime("%d.%m.%Y")
        return f"{self.titel or self.gremium} am {datum}"

    def clean(self):
        if self.beginn and self.ende and self.ende < self.beginn:
            raise ValidationError({"ende": ENDE_VOR_BEGINN})

    def save(self, *args, **kwargs):
        # Every change of a stored meeting is a new version for subscribed calendars.
        if not self._state.adding:
            self.sequenz += 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("akteure:sitzung", kwargs={"pk": self.pk})

    @property
    def ical_uid(self) -> str:
        return f"sitzung-{self.uid}@quartiersmanagement"

    @property
    def protokoll_freigegeben(self) -> bool:
        return self.protokoll_freigegeben_am is not None

    @property
    def datum(self):
        """The meeting's local date: the date of its decisions."""
        return timezone.localtime(self.beginn).date()


class Tagesordnungspunkt(Timestamped):
    """An item of a meeting's agenda; decisions and late arrivals refer to it."""

    sitzung = models.ForeignKey(
        Sitzung,
        verbose_name=_("Sitzung"),
        on_delete=models.CASCADE,
        related_name="tagesordnungspunkte",
    )
    nummer = models.PositiveSmallIntegerField(_("Nummer"))
    titel = models.CharField(_("Titel"), max_length=300)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")
        ordering = ["sitzung", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["sitzung", "nummer"], name="top_nummer_eindeutig")
        ]

    def __str__(self):
        return f"TOP {self.nummer}: {self.titel}"


class Teilnahme(Timestamped):
    """Attendance of an actor, a person or a guest at a meeting."""

    class Status(models.TextChoices):
        ANWESEND = "anwesend", _("anwesend")
        ENTSCHULDIGT = "entschuldigt", _("entschuldigt")
        ABWESEND = "abwesend", _("unentschuldigt")

    sitzung = models.ForeignKey(
        Sitzung, verbose_name=_("Sitzung"), on_delete=models.CASCADE, related_name="teilnahmen"
    )
    akteur = models.ForeignKey(
        "akteure.Akteur",
        verbose_name=_("Akteur"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="teilnahmen",
    )
    person = models.ForeignKey(
        "akteure.Person",
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="teilnahmen",
    )
    gast = models.CharField(_("Gast"), max_length=200, blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.ANWESEND
    )
    ab_top = models.ForeignKey(
        Tagesordnungspunkt,
        verbose_name=_("anwesend ab TOP"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leer: von Beginn an anwesend."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Teilnahme")
        verbose_name_plural = _("Teilnahmen")
        ordering = ["sitzung", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(akteur__isnull=False) | Q(person__isnull=False) | ~Q(gast=""),
                name="teilnahme_mit_teilnehmer",
                violation_error_message=_(
                    "Bitte einen Akteur, eine Person oder einen Gast angeben."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ab_top__isnull=True) | Q(status="anwesend"),
                name="teilnahme_ab_top_nur_anwesend",
                violation_error_message=_("„Anwesend ab TOP“ gilt nur für Anwesende."),
            ),
            models.UniqueConstraint(fields=["sitzung", "akteur"], name="teilnahme_akteur_einmal"),
            models.UniqueConstraint(fields=["sitzung", "person"], name="teilnahme_person_einmal"),
        ]

    def __str__(self):
        return f"{self.akteur or self.person or self.gast} ({self.get_status_display()})"


class AufgabeQuerySet(models.QuerySet):
    def offen(self):
        return self.filter(erledigt_am__isnull=True)


class Aufgabe(Timestamped):
    """An action item, usually from a meeting, with a responsible actor or person."""

    quartier = models.ForeignKey(
        Quartier, verbose_name=_("Quartier"), on_delete=models.PROTECT, related_name="aufgaben"
    )
    sitzung = models.ForeignKey(
        Sitzung,
        verbose_name=_("Sitzung"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aufgaben",
    )
    titel = models.CharField(_("Aufgabe"), max_length=300)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    verantwortlich_akteur = models.ForeignKey(
        "akteure.Akteur",
        verbose_name=_("verantwortlicher Akteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aufgaben",
    )
    verantwortlich_person = models.ForeignKey(
        "akteure.Person",
        verbose_name=_("verantwortliche Person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aufgaben",
    )
    # Staff can be responsible too; their open items appear on their "Heute" page.
    verantwortlich_benutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verantwortlich im Team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aufgaben",
    )
    faellig_am = models.DateField(_("fällig am"), null=True, blank=True)
    erledigt_am = models.DateField(_("erledigt am"), null=True, blank=True)
    history = HistoricalRecords()

    objects = AufgabeQuerySet.as_manager()

    class Meta:
        verbose_name = _("Aufgabe")
        verbose_name_plural = _("Aufgaben")
        ordering = [F("faellig_am").asc(nulls_last=True), "pk"]
        indexes = [
            # The order of /aufgaben/ (open first, by due date; PostgreSQL puts NULL first
            # in a descending and last in an ascending index, as the list does): the
            # Leitung's page of all quartiers reads its 50 rows along it instead of sorting
            # 20,000 joined items (75 ms), a QM's page along the one of its quartier.
            models.Index(fields=["-erledigt_am", "faellig_am", "id"], name="aufgabe_liste"),
            models.Index(
                fields=["quartier", "-erledigt_am", "faellig_am", "id"],
                name="aufgabe_liste_je_quartier",
            ),
        ]

    def __str__(self):
        return self.titel

    @property
    def erledigt(self) -> bool:
        return self.erledigt_am is not None

    @property
    def ueberfaellig(self) -> bool:
        return (
            self.erledigt_am is None
            and self.faellig_am is not None
            and self.faellig_am < timezone.localdate()
        )

    @property
    def verantwortlich(self):
        return (
            self.verantwortlich_akteur or self.verantwortlich_person or self.verantwortlich_benutzer
        )
