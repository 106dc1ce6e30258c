"""Projects the QM initiates or accompanies, their events, budget lines and results.

The neighbourhood fund (Stadtteilfonds) is a sub-domain of its own in `projekte.fonds`; its
models are imported at the end so that Django registers them under the app label `projekte`."""

import uuid

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from akteure.models import Akteur, Aufgabe
from bedarfe.models import Bedarf
from quartiere.models import (
    Handlungsfeld,
    Programm,
    Quartier,
    Zielgruppe,
    zeitraum_gueltig,
)
from quartiersmanagement.geo import lage_feld
from quartiersmanagement.models import Timestamped
from quartiersmanagement.versioning import Versioned

from .geld import geld, nicht_negativ


def neue_uid() -> str:
    return f"{uuid.uuid4()}@quartiersmanagement"


# --------------------------------------------------------------------------------------------
# Projekte


class ProjektQuerySet(models.QuerySet):
    def laufend(self):
        return self.filter(status__in=[Projekt.Status.PLANUNG, Projekt.Status.UMSETZUNG])


class Projekt(Versioned, Timestamped):
    """A project in one or more quartiers, from the idea to its result."""

    class Status(models.TextChoices):
        IDEE = "idee", _("Idee")
        PLANUNG = "planung", _("Planung")
        UMSETZUNG = "umsetzung", _("Umsetzung")
        ABGESCHLOSSEN = "abgeschlossen", _("abgeschlossen")
        ABGEBROCHEN = "abgebrochen", _("abgebrochen")

    class QmRolle(models.TextChoices):
        INITIIERT = "initiiert", _("initiiert")
        BEGLEITET = "begleitet", _("begleitet")
        UNTERSTUETZT = "unterstuetzt", _("unterstützt")

    quartiere = models.ManyToManyField(
        Quartier, verbose_name=_("Quartiere"), related_name="projekte"
    )
    titel = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname in Adressen"), max_length=120, unique=True)
    ziele = models.TextField(_("Ziele"), help_text=_("Was soll das Projekt erreichen?"))
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    handlungsfelder = models.ManyToManyField(
        Handlungsfeld, verbose_name=_("Handlungsfelder"), blank=True, related_name="projekte"
    )
    zielgruppen = models.ManyToManyField(
        Zielgruppe, verbose_name=_("Zielgruppen"), blank=True, related_name="projekte"
    )
    status = models.CharField(_("Status"), max_length=20, choices=Status, default=Status.IDEE)
    qm_rolle = models.CharField(
        _("Rolle des Quartiersmanagements"),
        max_length=20,
        choices=QmRolle,
        default=QmRolle.BEGLEITET,
    )
    programm = models.ForeignKey(
        Programm,
        verbose_name=_("Programm"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projekte",
    )
    beginn = models.DateField(_("Beginn"), null=True, blank=True)
    ende = models.DateField(_("Ende"), null=True, blank=True)
    lage = lage_feld()
    oeffentlich = models.BooleanField(
        _("öffentlich"), default=False, help_text=_("Auf der öffentlichen Quartiersseite zeigen.")
    )
    bedarfe = models.ManyToManyField(
        Bedarf,
        verbose_name=_("beantwortet Bedarfe"),
        blank=True,
        related_name="projekte",
        help_text=_("Die Bedarfe, auf die das Projekt antwortet."),
    )
    aufgabe = models.ForeignKey(
        Aufgabe,
        verbose_name=_("aus Aufgabe"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projekte",
        help_text=_("Die Aufgabe aus einer Sitzung, aus der das Projekt entstand."),
    )
    # Result and evaluation, filled in at the end
    ergebnis = models.TextField(_("Was wurde erreicht?"), blank=True)
    erkenntnisse = models.TextField(_("Was haben wir gelernt?"), blank=True)
    wird_fortgefuehrt = models.BooleanField(_("wird fortgeführt"), default=False)
    fortgefuehrt_von = models.CharField(
        _("fortgeführt von"),
        max_length=200,
        blank=True,
        help_text=_("Wer führt das Projekt weiter, z. B. ein Verein oder eine Initiative?"),
    )
    suchvektor = models.GeneratedField(
        expression=SearchVector("titel", weight="A", config="german")
        + SearchVector("ziele", weight="B", config="german")
        + SearchVector("beschreibung", "ergebnis", weight="C", config="german"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    history = HistoricalRecords(excluded_fields=["suchvektor"])

    objects = ProjektQuerySet.as_manager()

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        ordering = ["titel"]
        constraints = [
            models.CheckConstraint(
                condition=zeitraum_gueltig("beginn", "ende"),
                name="projekt_zeitraum_gueltig",
                violation_error_message=_("Das Ende liegt vor dem Beginn."),
            ),
        ]
        indexes = [
            GinIndex(fields=["suchvektor"], name="projekt_suche_gin"),
            # The list's sort orders across all quartiers (the Leitung's 20,000 projects): a
            # page of 50 read in index order instead of sorting every project of the city.
            models.Index(fields=["titel"], name="projekt_titel"),
            # With the id: the running projects per quartier (city overview) are counted
            # from the index alone, without reading 8,000 wide project rows.
            models.Index(fields=["status", "id"], name="projekt_status"),
            models.Index(fields=["beginn"], name="projekt_beginn"),
            models.Index(fields=["ende"], name="projekt_ende"),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("projekte:detail", kwargs={"slug": self.slug})

    @property
    def ist_beendet(self) -> bool:
        return self.status in (self.Status.ABGESCHLOSSEN, self.Status.ABGEBROCHEN)


class Statusaenderung(Timestamped):
    """A logged change of a project's status: when, from what to what, why and by whom."""

    projekt = models.ForeignKey(
        Projekt,
        verbose_name=_("Projekt"),
        on_delete=models.CASCADE,
        related_name="statusaenderungen",
    )
    von_status = models.CharField(_("vorher"), max_length=20, choices=Projekt.Status, blank=True)
    nach_status = models.CharField(_("nachher"), max_length=20, choices=Projekt.Status)
    datum = models.DateField(_("Datum"))
    kommentar = models.TextField(_("Kommentar"), blank=True)
    geaendert_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geändert von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Statusänderung")
        verbose_name_plural = _("Statusänderungen")
        ordering = ["-datum", "-erstellt"]

    def __str__(self):
        return f"{self.projekt}: {self.get_nach_status_display()} ({self.datum:%d.%m.%Y})"


class Projektpartner(Timestamped):
    """An actor taking part in a project, with its role."""

    projekt = models.ForeignKey(
        Projekt, verbose_name=_("Projekt"), on_delete=models.CASCADE, related_name="partner"
    )
    akteur = models.ForeignKey(
        Akteur,
        verbose_name=_("Akteur"),
        on_delete=models.PROTECT,
        related_name="projektpartnerschaften",
    )
    rolle = models.CharField(
        _("Rolle"), max_length=120, help_text=_("z. B. Träger, Kooperationspartner, Förderer")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Projektpartner")
        verbose_name_plural = _("Projektpartner")
        ordering = ["akteur__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["projekt", "akteur"],
                name="projektpartner_eindeutig",
                violation_error_message=_("Dieser Akteur ist schon Partner des Projekts."),
            )
        ]

    def __str__(self):
        return f"{self.akteur} ({self.rolle})"


class Budgetposten(Timestamped):
    """A budget line of a project: planned and actual amount from one funding source."""

    class Quelle(models.TextChoices):
        PROGRAMM = "programm", _("Programm")
        STADTTEILFONDS = "stadtteilfonds", _("Stadtteilfonds")
        DRITTMITTEL = "drittmittel", _("Drittmittel")
        EIGENMITTEL = "eigenmittel", _("Eigenmittel")

    projekt = models.ForeignKey(
        Projekt, verbose_name=_("Projekt"), on_delete=models.CASCADE, related_name="budgetposten"
    )
    bezeichnung = models.CharField(_("Bezeichnung"), max_length=200)
    quelle = models.CharField(_("Finanzierungsquelle"), max_length=20, choices=Quelle)
    geplant = geld(_("geplant"), default=0)
    tatsaechlich = geld(
        _("tatsächlich"), null=True, blank=True, help_text=_("Leer, solange nicht abgerechnet.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Budgetposten")
        verbose_name_plural = _("Budgetposten")
        ordering = ["quelle", "bezeichnung"]
        constraints = [
            nicht_negativ("geplant", "budgetposten_geplant_nicht_negativ"),
            nicht_negativ("tatsaechlich", "budgetposten_tatsaechlich_nicht_negativ"),
        ]

    def __str__(self):
        return f"{self.bezeichnung} ({self.get_quelle_display()})"


# --------------------------------------------------------------------------------------------
# Termine


class Termin(Timestamped):
    """An event of a project or of a quartier, with anonymous participant numbers."""

    quartier = models.ForeignKey(
        Quartier, verbose_name=_("Quartier"), on_delete=models.PROTECT, related_name="termine"
    )
    projekt = models.ForeignKey(
        Projekt,
        verbose_name=_("Projekt"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="termine",
    )
    titel = models.CharField(_("Titel"), max_length=200)
    beginn = models.DateTimeField(_("Beginn"))
    ende = models.DateTimeField(_("Ende"), null=True, blank=True)
    ort = models.CharField(_("Ort"), max_length=200, blank=True)
    lage = lage_feld()
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    oeffentlich = models.BooleanField(
        _("öffentlich"),
        default=False,
        help_text=_("Öffentliche Termine erscheinen im Kalender ohne Anmeldung."),
    )
    abgesagt = models.BooleanField(_("abgesagt"), default=False)
    ehrenamtliche = models.PositiveIntegerField(
        _("Ehrenamtliche"), default=0, help_text=_("Anzahl der mitwirkenden Ehrenamtlichen.")
    )
    ehrenamtsstunden = models.DecimalField(
        _("Ehrenamtsstunden"),
        max_digits=8,
        decimal_places=2,
        default=0,
        help_text=_("Summe der Stunden aller Ehrenamtlichen."),
    )
    teilnehmende = models.PositiveIntegerField(
        _("Teilnehmende"),
        default=0,
        editable=False,
        help_text=_("Summe der Teilnahmen aller Zielgruppen; die Datenbank hält sie aktuell."),
    )
    uid = models.CharField(_("Kalender-UID"), max_length=120, unique=True, default=neue_uid)
    sequenz = models.PositiveIntegerField(_("Änderungszähler (SEQUENCE)"), default=0)
    # The participants are derived from the Teilnahmen, which keep their own history.
    history = HistoricalRecords(excluded_fields=["teilnehmende"])

    class Meta:
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")
        ordering = ["-beginn"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ende__isnull=True) | Q(ende__gte=F("beginn")),
                name="termin_ende_nach_beginn",
                violation_error_message=_("Das Ende liegt vor dem Beginn."),
            ),
            nicht_negativ(
                "ehrenamtsstunden",
                "termin_stunden_nicht_negativ",
                _("Die Stunden dürfen nicht negativ sein."),
            ),
        ]
        indexes = [
            # A quartier's events by date; the included columns let the activation figures
            # (sums per year over 2,000 events) and the list's count with the filters "public"
            # and "cancelled" read the index alone instead of 2,000 pages.
            models.Index(
                fields=["quartier", "beginn"],
                include=[
                    "abgesagt",
                    "oeffentlich",
                    "ehrenamtliche",
                    "ehrenamtsstunden",
                    "teilnehmende",
                    "id",
                ],
                name="termin_quartier_beginn",
            ),
            # The list's sort orders across all quartiers (the Leitung's 200,000 events): a
            # page of 50 read in index order instead of sorting every event of the city.
            models.Index(fields=["beginn"], name="termin_beginn"),
            models.Index(fields=["titel"], name="termin_titel"),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("projekte:termin_bearbeiten", kwargs={"pk": self.pk})


class Teilnahme(Timestamped):
    """How many people of one target group came to an event: an anonymous number only."""

    termin = models.ForeignKey(
        Termin, verbose_name=_("Termin"), on_delete=models.CASCADE, related_name="teilnahmen"
    )
    zielgruppe = models.ForeignKey(
        Zielgruppe, verbose_name=_("Zielgruppe"), on_delete=models.PROTECT, related_name="+"
    )
    anzahl = models.PositiveIntegerField(_("Anzahl"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Teilnahme")
        verbose_name_plural = _("Teilnahmen")
        ordering = ["zielgruppe__sortierung", "zielgruppe__name"]
        constraints = [
            models.UniqueConstraint(fields=["termin", "zielgruppe"], name="teilnahme_eindeutig")
        ]

    def __str__(self):
        return f"{self.termin}: {self.anzahl} × {self.zielgruppe}"


from .fonds.abrechnung import Beleg, Verwendungsnachweis  # noqa: E402
from .fonds.journal import Auszahlung, Buchung  # noqa: E402
from .fonds.models import (  # noqa: E402
    ANTRAG_TEXT_MAX,
    Fondsantrag,
    Stadtteilfonds,
    neue_referenz,
)

__all__ = [
    "ANTRAG_TEXT_MAX",
    "Auszahlung",
    "Beleg",
    "Budgetposten",
    "Buchung",
    "Fondsantrag",
    "Projekt",
    "Projektpartner",
    "Stadtteilfonds",
    "Statusaenderung",
    "Teilnahme",
    "Termin",
    "Verwendungsnachweis",
    "neue_referenz",
    "neue_uid",
]
