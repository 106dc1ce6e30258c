"""Projects the QM initiates or accompanies, their events, budget lines and results, and the
neighbourhood fund (Stadtteilfonds) with its applications, decisions, payouts and proofs of use.

Money invariants live in the database: amounts are never negative, the granted total stored on
the fund row never exceeds its budget, the paid total of an application never exceeds its grant.
Services keep those totals up to date while holding a row lock on the fund.
"""

import secrets
import uuid

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from akteure.models import Akteur, Aufgabe, Gremium, Mitgliedschaft, Sitzung
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
from quartiersmanagement.uploads import FileValidator, RandomPath
from quartiersmanagement.versioning import Versioned


def geld(verbose_name, **kwargs):
    """A money field: Decimal with two places, as the city's accounting books it."""
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **kwargs)


def nicht_negativ(feld: str, name: str, meldung=None) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{feld}__isnull": True}) | Q(**{f"{feld}__gte": 0}),
        name=name,
        violation_error_message=meldung or _("Der Betrag darf nicht negativ sein."),
    )


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
            models.Index(fields=["status"], name="projekt_status"),
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
    uid = models.CharField(_("Kalender-UID"), max_length=120, unique=True, default=neue_uid)
    sequenz = models.PositiveIntegerField(_("Änderungszähler (SEQUENCE)"), default=0)
    history = HistoricalRecords()

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
            models.Index(fields=["quartier", "beginn"]),
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


# --------------------------------------------------------------------------------------------
# Stadtteilfonds


class Stadtteilfonds(Timestamped):
    """The neighbourhood fund of one quartier in one year."""

    quartier = models.ForeignKey(
        Quartier, verbose_name=_("Quartier"), on_delete=models.PROTECT, related_name="fonds"
    )
    jahr = models.PositiveSmallIntegerField(_("Jahr"))
    budget = geld(_("Budget"))
    programm = models.ForeignKey(
        Programm,
        verbose_name=_("Mittel aus Programm"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fonds",
    )
    quelle = models.CharField(
        _("Mittelherkunft"),
        max_length=200,
        blank=True,
        help_text=_("z. B. Haushaltsstelle oder Fördergeber, wenn kein Programm passt."),
    )
    entscheidendes_gremium = models.ForeignKey(
        Gremium,
        verbose_name=_("entscheidendes Gremium"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stadtteilfonds",
        help_text=_("Entscheidet über Anträge oberhalb der Schwelle, z. B. die Vergabejury."),
    )
    max_je_antrag = geld(
        _("höchstens je Antrag"), null=True, blank=True, help_text=_("Leer: keine Obergrenze.")
    )
    schwelle_qm = geld(
        _("QM entscheidet allein bis"),
        default=500,
        help_text=_("Über diesem beantragten Betrag entscheidet das Gremium in einer Sitzung."),
    )
    bewilligt_summe = geld(
        _("bewilligt insgesamt"),
        default=0,
        editable=False,
        help_text=_("Wird bei jeder Bewilligung unter Sperre des Fonds fortgeschrieben."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Stadtteilfonds")
        verbose_name_plural = _("Stadtteilfonds")
        ordering = ["-jahr", "quartier__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["quartier", "jahr"],
                name="fonds_je_quartier_und_jahr",
                violation_error_message=_(
                    "Für dieses Quartier und Jahr gibt es schon einen Fonds."
                ),
            ),
            nicht_negativ("budget", "fonds_budget_nicht_negativ"),
            nicht_negativ("max_je_antrag", "fonds_max_nicht_negativ"),
            nicht_negativ("schwelle_qm", "fonds_schwelle_nicht_negativ"),
            nicht_negativ("bewilligt_summe", "fonds_bewilligt_nicht_negativ"),
            models.CheckConstraint(
                condition=Q(bewilligt_summe__lte=F("budget")),
                name="fonds_bewilligt_hoechstens_budget",
                violation_error_message=_("Es wäre mehr bewilligt, als der Fonds hat."),
            ),
        ]

    def __str__(self):
        return f"{_('Stadtteilfonds')} {self.quartier} {self.jahr}"

    def get_absolute_url(self):
        return reverse("projekte:fonds_detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.budget is not None and self.budget < self.bewilligt_summe:
            raise ValidationError(
                {"budget": _("Es ist schon mehr bewilligt, als dieses Budget erlaubt.")}
            )

    @property
    def verfuegbar(self):
        return self.budget - self.bewilligt_summe


# Longest purpose or cost plan of an application (about two pages).
ANTRAG_TEXT_MAX = 4000
# Letters and digits that cannot be mistaken for each other on the phone or on paper.
REFERENZ_ZEICHEN = "ACDEFGHJKLMNPQRTUVWXY3469"


def neue_referenz() -> str:
    """The reference number of an application, paper or online: SF-<year>-<6 random signs>.
    Random rather than counted, so it does not tell how many applications exist; a default of
    the field, so every path (service, admin, import) gets one."""
    zeichen = "".join(secrets.choice(REFERENZ_ZEICHEN) for _ in range(6))
    return f"SF-{timezone.localdate().year}-{zeichen}"


class Fondsantrag(Timestamped):
    """An application to the fund, entered by staff from a paper or e-mail application."""

    class Status(models.TextChoices):
        EINGEREICHT = "eingereicht", _("eingereicht")
        GEPRUEFT = "geprueft", _("geprüft")
        BEWILLIGT = "bewilligt", _("bewilligt")
        ABGELEHNT = "abgelehnt", _("abgelehnt")
        AUSGEZAHLT = "ausgezahlt", _("ausgezahlt")
        NACHWEIS_EINGEREICHT = "nachweis_eingereicht", _("Nachweis eingereicht")
        ABGESCHLOSSEN = "abgeschlossen", _("abgeschlossen")

    # States whose granted amount counts against the fund's budget
    BEWILLIGTE = (
        Status.BEWILLIGT,
        Status.AUSGEZAHLT,
        Status.NACHWEIS_EINGEREICHT,
        Status.ABGESCHLOSSEN,
    )

    fonds = models.ForeignKey(
        Stadtteilfonds,
        verbose_name=_("Stadtteilfonds"),
        on_delete=models.PROTECT,
        related_name="antraege",
    )
    referenz = models.CharField(
        _("Vorgangsnummer"),
        max_length=20,
        unique=True,
        editable=False,
        default=neue_referenz,
        help_text=_("SF-<Jahr>-<6 Zeichen>, zufällig: verrät nicht, wie viele Anträge es gibt."),
    )
    titel = models.CharField(_("Titel"), max_length=200)
    zweck = models.TextField(
        _("Zweck"),
        help_text=_("Wofür wird das Geld gebraucht?"),
        max_length=ANTRAG_TEXT_MAX,
        validators=[MaxLengthValidator(ANTRAG_TEXT_MAX)],
    )
    kostenplan = models.TextField(
        _("Kostenplan"),
        help_text=_("Eine Zeile je Posten, z. B. „Material: 120 €“."),
        max_length=ANTRAG_TEXT_MAX,
        validators=[MaxLengthValidator(ANTRAG_TEXT_MAX)],
    )
    betrag_beantragt = geld(_("beantragter Betrag"))
    eingegangen_am = models.DateField(_("eingegangen am"))
    # Applicant: an Akteur, or a private person with contact data and consent
    akteur = models.ForeignKey(
        Akteur,
        verbose_name=_("antragstellender Akteur"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fondsantraege",
    )
    antragsteller_name = models.CharField(
        _("Name der Antragstellerin/des Antragstellers"), max_length=200, blank=True
    )
    antragsteller_email = models.EmailField(_("E-Mail"), blank=True)
    antragsteller_telefon = models.CharField(_("Telefon"), max_length=50, blank=True)
    antragsteller_anschrift = models.TextField(
        _("Anschrift"), blank=True, max_length=500, validators=[MaxLengthValidator(500)]
    )
    einwilligung = models.BooleanField(
        _("Einwilligung in die Datenverarbeitung"),
        default=False,
        help_text=_("Nötig, wenn eine Privatperson beantragt."),
    )
    status = models.CharField(
        _("Status"), max_length=30, choices=Status, default=Status.EINGEREICHT
    )
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
    # Decision
    entschieden_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entschieden von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    entschieden_am = models.DateField(_("entschieden am"), null=True, blank=True)
    sitzung = models.ForeignKey(
        Sitzung,
        verbose_name=_("entschieden in Sitzung"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fondsantraege",
    )
    begruendung = models.TextField(_("Begründung"), blank=True)
    betrag_bewilligt = geld(_("bewilligter Betrag"), null=True, blank=True)
    ausgezahlt_summe = geld(_("ausgezahlt insgesamt"), default=0, editable=False)
    nachweis_faellig_am = models.DateField(
        _("Verwendungsnachweis fällig am"), null=True, blank=True
    )
    zuletzt_erinnert_am = models.DateField(_("zuletzt erinnert am"), null=True, blank=True)
    erinnerungen = models.PositiveSmallIntegerField(_("Erinnerungen"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Fondsantrag")
        verbose_name_plural = _("Fondsanträge")
        ordering = ["-eingegangen_am", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(betrag_beantragt__gt=0),
                name="antrag_beantragt_positiv",
                violation_error_message=_("Der beantragte Betrag muss größer als 0 sein."),
            ),
            nicht_negativ("betrag_bewilligt", "antrag_bewilligt_nicht_negativ"),
            nicht_negativ("ausgezahlt_summe", "antrag_ausgezahlt_nicht_negativ"),
            models.CheckConstraint(
                condition=Q(betrag_bewilligt__isnull=True)
                | Q(betrag_bewilligt__lte=F("betrag_beantragt")),
                name="antrag_bewilligt_hoechstens_beantragt",
                violation_error_message=_(
                    "Es kann höchstens der beantragte Betrag bewilligt werden."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ausgezahlt_summe=0)
                | Q(betrag_bewilligt__isnull=False, ausgezahlt_summe__lte=F("betrag_bewilligt")),
                name="antrag_ausgezahlt_hoechstens_bewilligt",
                violation_error_message=_("Es wäre mehr ausgezahlt als bewilligt."),
            ),
            models.CheckConstraint(
                condition=~Q(
                    status__in=["bewilligt", "ausgezahlt", "nachweis_eingereicht", "abgeschlossen"]
                )
                | Q(betrag_bewilligt__isnull=False),
                name="antrag_bewilligt_mit_betrag",
                violation_error_message=_("Ein bewilligter Antrag braucht einen Betrag."),
            ),
            models.CheckConstraint(
                condition=Q(akteur__isnull=False)
                | (~Q(antragsteller_name="") & Q(einwilligung=True)),
                name="antrag_akteur_oder_person_mit_einwilligung",
                violation_error_message=_(
                    "Antragsteller ist ein Akteur oder eine Privatperson mit Einwilligung."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["fonds", "status"]),
            # Overdue proofs of use (the fund list's warning, their own list): granted
            # applications by due date, read from the index alone.
            models.Index(
                fields=["nachweis_faellig_am", "fonds"],
                condition=Q(status__in=["bewilligt", "ausgezahlt"]),
                name="antrag_nachweis_offen_idx",
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("projekte:antrag_detail", kwargs={"pk": self.pk})

    @property
    def antragsteller(self) -> str:
        return self.akteur.name if self.akteur_id else self.antragsteller_name

    @property
    def antragsteller_kontakt_email(self) -> str:
        return (self.akteur.email if self.akteur_id else "") or self.antragsteller_email

    @property
    def offen_auszuzahlen(self):
        return (self.betrag_bewilligt or 0) - self.ausgezahlt_summe


class Stimmabgabe(Timestamped):
    """How one voting member of the deciding Gremium voted on an application, or that the member
    declared itself biased. One row per member and application: a biased member cannot vote."""

    class Stimme(models.TextChoices):
        JA = "ja", _("Ja")
        NEIN = "nein", _("Nein")
        ENTHALTUNG = "enthaltung", _("Enthaltung")
        BEFANGEN = "befangen", _("befangen, stimmt nicht mit")

    antrag = models.ForeignKey(
        Fondsantrag, verbose_name=_("Fondsantrag"), on_delete=models.CASCADE, related_name="stimmen"
    )
    mitgliedschaft = models.ForeignKey(
        Mitgliedschaft,
        verbose_name=_("Mitglied"),
        on_delete=models.PROTECT,
        related_name="fondsstimmen",
    )
    stimme = models.CharField(_("Stimme"), max_length=20, choices=Stimme)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Stimmabgabe")
        verbose_name_plural = _("Stimmabgaben")
        ordering = ["antrag", "stimme", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["antrag", "mitgliedschaft"],
                name="stimmabgabe_einmal_je_mitglied",
                violation_error_message=_("Jedes Mitglied stimmt nur einmal ab."),
            )
        ]

    def __str__(self):
        return f"{self.mitgliedschaft}: {self.get_stimme_display()}"


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
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Verwendungsnachweis")
        verbose_name_plural = _("Verwendungsnachweise")
        ordering = ["-eingereicht_am"]
        constraints = [
            nicht_negativ("tatsaechliche_kosten", "nachweis_kosten_nicht_negativ"),
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
