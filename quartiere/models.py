"""The base of the domain: departments, quartiers, programmes, responsibilities, taxonomies."""

import datetime

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeBoundary, RangeOperators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Func, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiersmanagement.geo import WGS84, BorderField
from quartiersmanagement.models import Timestamped


class DateRange(Func):
    """PostgreSQL `daterange(von, bis, '[]')`; an empty `bis` means open-ended."""

    function = "DATERANGE"
    output_field = DateRangeField()


def zeitraum_gueltig(von="von", bis="bis"):
    """CHECK constraint expression: the period ends on or after its start (or is open)."""
    return Q(**{f"{bis}__isnull": True}) | Q(**{f"{bis}__gte": F(von)})


class ZeitraumQuerySet(models.QuerySet):
    """Filters for records that are valid from `von` to `bis` (inclusive, `bis` may be open)."""

    def aktuell(self, stichtag: datetime.date | None = None):
        stichtag = stichtag or timezone.localdate()
        return self.filter(Q(bis__isnull=True) | Q(bis__gte=stichtag), von__lte=stichtag)

    def im_zeitraum(self, von: datetime.date, bis: datetime.date):
        """Valid on at least one day from `von` to `bis` (both inclusive)."""
        return self.filter(Q(bis__isnull=True) | Q(bis__gte=von), von__lte=bis)


class Fachbereich(Timestamped):
    """A department or unit of the city administration, or (`extern`) a body outside it – a
    Stelle such as the transport operator or the Jobcenter: both are addressees of forwards,
    through the same answer link, so one table and one code path serve both."""

    name = models.CharField(_("Name"), max_length=200)
    kuerzel = models.CharField(_("Kürzel"), max_length=20, unique=True, help_text=_("z. B. FB 56"))
    email = models.EmailField(
        _("E-Mail"), blank=True, help_text=_("Funktionspostfach, an das Weiterleitungen gehen.")
    )
    uebergeordnet = models.ForeignKey(
        "self",
        verbose_name=_("übergeordnet"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="untereinheiten",
    )
    aktiv = models.BooleanField(_("aktiv"), default=True)
    extern = models.BooleanField(
        _("Stelle außerhalb der Verwaltung"),
        default=False,
        db_default=False,
        help_text=_("z. B. Verkehrsbetrieb, Wohnungsgesellschaft, Jobcenter, Polizei."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Fachbereich")
        verbose_name_plural = _("Fachbereiche")
        ordering = ["kuerzel"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(uebergeordnet=F("id")),
                name="fachbereich_nicht_sich_selbst_unterstellt",
            )
        ]

    def __str__(self):
        return f"{self.kuerzel} {self.name}"


class Quartier(Timestamped):
    """A city quartier in which Quartiersmanagement works."""

    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(
        _("Kurzname in Adressen"), max_length=80, unique=True, help_text=_("z. B. preuswald")
    )
    stadtbezirk = models.CharField(_("Stadtbezirk"), max_length=120, blank=True)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    einwohner = models.PositiveIntegerField(_("Einwohner:innen"), null=True, blank=True)
    grenze = BorderField(
        _("Gebietsgrenze"),
        srid=WGS84,
        null=True,
        blank=True,
        help_text=_("Optional: die Quartiersgrenze als (Multi-)Polygon."),
    )
    buero_adresse = models.TextField(_("Anschrift des Stadtteilbüros"), blank=True)
    sprechzeiten = models.TextField(_("Sprechzeiten"), blank=True)
    kontakt_email = models.EmailField(
        _("Kontakt-E-Mail"),
        blank=True,
        help_text=_("Funktionspostfach des Quartiersmanagements, keine persönliche Adresse."),
    )
    aktiv = models.BooleanField(_("aktiv"), default=True)
    oeffentlich = models.BooleanField(
        _("öffentliche Seite"), default=False, help_text=_("Quartiersseite öffentlich zeigen.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Quartier")
        verbose_name_plural = _("Quartiere")
        ordering = ["name"]
        # Lists sorted by quartier read the quartiers in name order and each one's rows from
        # its own index (a nested loop), instead of sorting every row of the city.
        indexes = [models.Index(fields=["name"], name="quartier_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # The page lives in berichte, which reads every app (berichte.views_quartier).
        return reverse("berichte:quartier", kwargs={"slug": self.slug})


class Programm(Timestamped):
    """A funded or municipal programme under which Quartiersmanagement runs."""

    class Art(models.TextChoices):
        KOMMUNAL = "kommunal", _("Kommunales Programm")
        SONDERPROGRAMM_LAND = "sonderprogramm_land", _("Sonderprogramm des Landes")
        LANDESFOERDERPROGRAMM = "landesfoerderprogramm", _("Landesförderprogramm")
        BUND = "bund", _("Bundesprogramm")
        EU = "eu", _("EU-Programm")
        STIFTUNG = "stiftung", _("Stiftung")
        SONSTIGES = "sonstiges", _("Sonstiges")

    name = models.CharField(_("Name"), max_length=200, unique=True)
    kurzname = models.CharField(_("Kurzname"), max_length=40, blank=True, help_text=_("z. B. QFI"))
    art = models.CharField(_("Art"), max_length=30, choices=Art.choices)
    foerdergeber = models.CharField(_("Fördergeber"), max_length=200, blank=True)
    fachbereich = models.ForeignKey(
        Fachbereich,
        verbose_name=_("verankert im Fachbereich"),
        on_delete=models.PROTECT,
        related_name="programme",
    )
    traeger = models.CharField(
        _("Träger"),
        max_length=200,
        help_text=_("Stadt oder Partner, z. B. Altenheim St. Elisabeth."),
    )
    laufzeit_von = models.DateField(_("Laufzeit von"))
    laufzeit_bis = models.DateField(_("Laufzeit bis"), null=True, blank=True)
    aktenzeichen = models.CharField(_("Aktenzeichen"), max_length=100, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Programm")
        verbose_name_plural = _("Programme")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=zeitraum_gueltig("laufzeit_von", "laufzeit_bis"),
                name="programm_laufzeit_gueltig",
                violation_error_message=_("Das Laufzeitende liegt vor dem Beginn."),
            )
        ]

    def __str__(self):
        return self.kurzname or self.name

    def laeuft_am(self, stichtag: datetime.date) -> bool:
        return self.laufzeit_von <= stichtag and (
            self.laufzeit_bis is None or stichtag <= self.laufzeit_bis
        )


class Programmeinsatz(Timestamped):
    """A programme running in a quartier for a period, with a staff share in percent."""

    programm = models.ForeignKey(
        Programm, verbose_name=_("Programm"), on_delete=models.CASCADE, related_name="einsaetze"
    )
    quartier = models.ForeignKey(
        Quartier,
        verbose_name=_("Quartier"),
        on_delete=models.PROTECT,
        related_name="programmeinsaetze",
    )
    von = models.DateField(_("von"))
    bis = models.DateField(_("bis"), null=True, blank=True)
    stellenanteil = models.DecimalField(
        _("Stellenanteil in %"),
        max_digits=5,
        decimal_places=2,
        help_text=_("Anteil einer Vollzeitstelle, 0 bis 100."),
    )
    history = HistoricalRecords()

    objects = ZeitraumQuerySet.as_manager()

    class Meta:
        verbose_name = _("Programmeinsatz")
        verbose_name_plural = _("Programmeinsätze")
        ordering = ["quartier__name", "-von"]
        constraints = [
            models.CheckConstraint(
                condition=zeitraum_gueltig(),
                name="programmeinsatz_zeitraum_gueltig",
                violation_error_message=_("Das Ende liegt vor dem Beginn."),
            ),
            models.CheckConstraint(
                condition=Q(stellenanteil__gte=0, stellenanteil__lte=100),
                name="programmeinsatz_stellenanteil_0_bis_100",
                violation_error_message=_("Der Stellenanteil muss zwischen 0 und 100 % liegen."),
            ),
            models.UniqueConstraint(
                fields=["programm", "quartier", "von"], name="programmeinsatz_eindeutig"
            ),
        ]

    def __str__(self):
        return f"{self.programm} – {self.quartier}"

    def clean(self):
        """A programme runs only within its Laufzeit (a trigger holds it in the database too,
        migration 0005): no "Laufzeit beendet" next to "heute 50 %" on the programme page."""
        super().clean()
        try:
            programm = self.programm
        except Programm.DoesNotExist:
            return
        fehler = {}
        if self.von and self.von < programm.laufzeit_von:
            fehler["von"] = _(
                "Der Einsatz beginnt vor der Laufzeit des Programms (ab %(datum)s)."
            ) % {"datum": date_format(programm.laufzeit_von, "SHORT_DATE_FORMAT")}
        ende = programm.laufzeit_bis
        if ende and (self.bis is None or self.bis > ende):
            fehler["bis"] = _(
                "Das Programm läuft nur bis %(datum)s; der Einsatz muss spätestens dann enden."
            ) % {"datum": date_format(ende, "SHORT_DATE_FORMAT")}
        if fehler:
            raise ValidationError(fehler)

    @property
    def beendet(self) -> bool:
        return self.bis is not None and self.bis < timezone.localdate()


class Berichtspflicht(Timestamped):
    """A report a programme owes its funder, with due date and the date it was delivered."""

    programm = models.ForeignKey(
        Programm,
        verbose_name=_("Programm"),
        on_delete=models.CASCADE,
        related_name="berichtspflichten",
    )
    titel = models.CharField(_("Titel"), max_length=200)
    faellig_am = models.DateField(_("fällig am"))
    erledigt_am = models.DateField(_("erledigt am"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Berichtspflicht")
        verbose_name_plural = _("Berichtspflichten")
        ordering = ["faellig_am"]

    def __str__(self):
        return f"{self.titel} ({self.programm})"

    @property
    def ueberfaellig(self) -> bool:
        return self.erledigt_am is None and self.faellig_am < timezone.localdate()


class Zustaendigkeit(Timestamped):
    """A user's role in one quartier for a period; the source of per-quartier rights."""

    class Rolle(models.TextChoices):
        QUARTIERSMANAGEMENT = "quartiersmanagement", _("Quartiersmanagement")
        LEITUNG = "leitung", _("Leitung")
        LESEND = "lesend", _("Lesend")

    benutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Benutzer:in"),
        on_delete=models.CASCADE,
        related_name="zustaendigkeiten",
    )
    quartier = models.ForeignKey(
        Quartier,
        verbose_name=_("Quartier"),
        on_delete=models.CASCADE,
        related_name="zustaendigkeiten",
    )
    rolle = models.CharField(_("Rolle"), max_length=30, choices=Rolle.choices)
    von = models.DateField(_("von"), default=datetime.date.today)
    bis = models.DateField(_("bis"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ZeitraumQuerySet.as_manager()

    class Meta:
        verbose_name = _("Zuständigkeit")
        verbose_name_plural = _("Zuständigkeiten")
        ordering = ["quartier__name", "benutzer__username", "-von"]
        constraints = [
            models.CheckConstraint(
                condition=zeitraum_gueltig(),
                name="zustaendigkeit_zeitraum_gueltig",
                violation_error_message=_("Das Ende liegt vor dem Beginn."),
            ),
            ExclusionConstraint(
                name="zustaendigkeit_ohne_ueberschneidung",
                expressions=[
                    ("benutzer", RangeOperators.EQUAL),
                    ("quartier", RangeOperators.EQUAL),
                    ("rolle", RangeOperators.EQUAL),
                    (
                        DateRange(
                            "von", "bis", RangeBoundary(inclusive_lower=True, inclusive_upper=True)
                        ),
                        RangeOperators.OVERLAPS,
                    ),
                ],
                violation_error_message=_(
                    "Für diese Person, dieses Quartier und diese Rolle gibt es im Zeitraum "
                    "schon eine Zuständigkeit."
                ),
            ),
        ]
        indexes = [models.Index(fields=["benutzer", "quartier"])]

    def __str__(self):
        return f"{self.benutzer} – {self.quartier} ({self.get_rolle_display()})"


class Taxonomie(Timestamped):
    """A term of a shared list kept by admins (Handlungsfeld, Zielgruppe)."""

    name = models.CharField(_("Name"), max_length=120, unique=True)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    sortierung = models.PositiveSmallIntegerField(_("Sortierung"), default=0)
    aktiv = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        abstract = True
        ordering = ["sortierung", "name"]

    def __str__(self):
        return self.name


class Handlungsfeld(Taxonomie):
    history = HistoricalRecords()

    class Meta(Taxonomie.Meta):
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")


class Zielgruppe(Taxonomie):
    history = HistoricalRecords()

    class Meta(Taxonomie.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")
