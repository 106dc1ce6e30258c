"""Actors of a quartier, their contact persons, relations, committees and meetings."""

import uuid

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import (
    Handlungsfeld,
    Quartier,
    ZeitraumQuerySet,
    Zielgruppe,
    zeitraum_gueltig,
)
from quartiersmanagement.dsgvo import HINWEIS_FREITEXT
from quartiersmanagement.geo import lage_feld
from quartiersmanagement.models import Timestamped
from quartiersmanagement.versioning import Versioned

ENDE_VOR_BEGINN = _("Das Ende liegt vor dem Beginn.")
ZWEITE_OFFENE_MITGLIEDSCHAFT = _(
    "Dieses Mitglied hat in diesem Gremium schon eine laufende Mitgliedschaft."
)


def _zeitraum_pruefen(von, bis, feld="bis", meldung=ENDE_VOR_BEGINN):
    """Field error when a period ends before it starts (the CHECK constraint's twin)."""
    if von and bis and bis < von:
        raise ValidationError({feld: meldung})


class AkteurQuerySet(models.QuerySet):
    def aktiv(self):
        return self.filter(aktiv=True)

    def oeffentlich(self):
        """Only actors that agreed to be listed publicly (and still are active)."""
        return self.filter(aktiv=True, oeffentlich=True, einwilligung_am__isnull=False)


class Akteur(Versioned, Timestamped):
    """An organisation, institution or initiative active in one or more quartiers."""

    class Art(models.TextChoices):
        VEREIN = "verein", _("Verein")
        SCHULE = "schule", _("Schule")
        KITA = "kita", _("Kita")
        RELIGIONSGEMEINSCHAFT = "religionsgemeinschaft", _("Religionsgemeinschaft")
        WOHNUNGSUNTERNEHMEN = "wohnungsunternehmen", _("Wohnungsunternehmen")
        WOHLFAHRTSVERBAND = "wohlfahrtsverband", _("Wohlfahrtsverband")
        VERWALTUNG = "verwaltung", _("Verwaltung")
        POLITIK = "politik", _("Politik")
        UNTERNEHMEN = "unternehmen", _("Unternehmen")
        INITIATIVE = "initiative", _("Initiative")
        SONSTIGE = "sonstige", _("Sonstige")

    name = models.CharField(_("Name"), max_length=200)
    art = models.CharField(_("Art"), max_length=30, choices=Art.choices)
    quartiere = models.ManyToManyField(
        Quartier,
        verbose_name=_("Quartiere"),
        related_name="akteure",
        help_text=_("Quartiere, in denen der Akteur tätig ist."),
    )
    handlungsfelder = models.ManyToManyField(
        Handlungsfeld, verbose_name=_("Handlungsfelder"), related_name="akteure", blank=True
    )
    zielgruppen = models.ManyToManyField(
        Zielgruppe, verbose_name=_("Zielgruppen"), related_name="akteure", blank=True
    )
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    strasse = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    plz = models.CharField(_("PLZ"), max_length=10, blank=True)
    ort = models.CharField(_("Ort"), max_length=100, blank=True, default="Aachen")
    lage = lage_feld()
    email = models.EmailField(_("E-Mail"), blank=True)
    telefon = models.CharField(_("Telefon"), max_length=50, blank=True)
    website = models.URLField(_("Website"), blank=True)
    aktiv = models.BooleanField(_("aktiv"), default=True)
    oeffentlich = models.BooleanField(
        _("öffentlich sichtbar"),
        default=False,
        help_text=_("Nur mit dokumentierter Einwilligung des Akteurs."),
    )
    einwilligung_am = models.DateField(
        _("Einwilligung zur Veröffentlichung am"), null=True, blank=True
    )
    einwilligung_quelle = models.CharField(
        _("Quelle der Einwilligung"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „schriftlich, Formular vom Stadtteilfest“"),
    )
    suchvektor = models.GeneratedField(
        expression=SearchVector("name", "beschreibung", "ort", config="german"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    history = HistoricalRecords(excluded_fields=["suchvektor"])

    objects = AkteurQuerySet.as_manager()

    class Meta:
        verbose_name = _("Akteur")
        verbose_name_plural = _("Akteure")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(oeffentlich=False) | Q(einwilligung_am__isnull=False),
                name="akteur_oeffentlich_nur_mit_einwilligung",
                violation_error_message=_(
                    "Öffentlich sichtbar nur mit dokumentierter Einwilligung."
                ),
            ),
        ]
        indexes = [
            GinIndex(fields=["suchvektor"], name="akteur_suchvektor_gin"),
            # The network figures of the quartier page join a quartier's few hundred actors
            # to the active ones; without it PostgreSQL reads all actors of the city.
            models.Index(
                fields=["id"],
                include=["name"],
                condition=Q(aktiv=True),
                name="akteur_aktiv_id_name",
            ),
            # The list's sort orders across all quartiers (the Leitung's 50,000 actors): a page
            # of 50 read in index order instead of sorting every actor of the city.
            models.Index(fields=["name"], name="akteur_name"),
            models.Index(fields=["art"], name="akteur_art"),
            models.Index(fields=["ort"], name="akteur_ort"),
            models.Index(fields=["geaendert"], name="akteur_geaendert"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("akteure:detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.oeffentlich and not self.einwilligung_am:
            raise ValidationError(
                {
                    "einwilligung_am": _(
                        "Ohne dokumentierte Einwilligung darf der Akteur nicht öffentlich "
                        "erscheinen."
                    )
                }
            )


class Person(Versioned, Timestamped):
    """A contact person; personal data, shown only to staff of the quartiers she is active in."""

    vorname = models.CharField(_("Vorname"), max_length=100, blank=True)
    nachname = models.CharField(_("Nachname"), max_length=100)
    email = models.EmailField(_("E-Mail"), blank=True)
    telefon = models.CharField(_("Telefon"), max_length=50, blank=True)
    notiz = models.TextField(_("Notiz"), blank=True, help_text=HINWEIS_FREITEXT)
    loeschen_am = models.DateField(
        _("löschen am"),
        null=True,
        blank=True,
        help_text=_("Datum, an dem die personenbezogenen Daten gelöscht werden."),
    )
    anonymisiert_am = models.DateField(
        _("anonymisiert am"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Gesetzt von `dsgvo_bereinigen`: Name und Kontaktdaten sind gelöscht."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["nachname", "vorname"]

    def __str__(self):
        return f"{self.vorname} {self.nachname}".strip()

    def get_absolute_url(self):
        return reverse("akteure:person", kwargs={"pk": self.pk})


class Einwilligung(Timestamped):
    """A person's consent to store and use her data for one purpose."""

    person = models.ForeignKey(
        Person, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="einwilligungen"
    )
    zweck = models.CharField(
        _("Zweck"), max_length=200, help_text=_("z. B. „Einladungen zur Stadtteilkonferenz“")
    )
    erteilt_am = models.DateField(_("erteilt am"))
    quelle = models.CharField(
        _("Quelle"), max_length=200, help_text=_("z. B. „schriftlich“, „E-Mail vom 3.2.2026“")
    )
    widerrufen_am = models.DateField(_("widerrufen am"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Einwilligung")
        verbose_name_plural = _("Einwilligungen")
        ordering = ["person", "-erteilt_am"]
        constraints = [
            models.CheckConstraint(
                condition=zeitraum_gueltig("erteilt_am", "widerrufen_am"),
                name="einwilligung_widerruf_nach_erteilung",
                violation_error_message=_("Der Widerruf liegt vor der Erteilung."),
            )
        ]

    def __str__(self):
        return f"{self.person}: {self.zweck}"

    def clean(self):
        _zeitraum_pruefen(
            self.erteilt_am,
            self.widerrufen_am,
            "widerrufen_am",
            _("Der Widerruf liegt vor der Erteilung."),
        )

    @property
    def gueltig(self) -> bool:
        return self.widerrufen_am is None or self.widerrufen_am > timezone.localdate()


class Funktion(Timestamped):
    """A person's role at an actor for a period; a changed role ends the old row."""

    person = models.ForeignKey(
        Person, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="funktionen"
    )
    akteur = models.ForeignKey(
        Akteur, verbose_name=_("Akteur"), on_delete=models.CASCADE, related_name="funktionen"
    )
    rolle = models.CharField(_("Rolle"), max_length=120, help_text=_("z. B. Leitung, Vorsitz"))
    von = models.DateField(_("von"), default=timezone.localdate)
    bis = models.DateField(_("bis"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ZeitraumQuerySet.as_manager()

    class Meta:
        verbose_name = _("Funktion")
        verbose_name_plural = _("Funktionen")
        ordering = [F("bis").desc(nulls_first=True), "-von"]
        constraints = [
            models.CheckConstraint(
                condition=zeitraum_gueltig(),
                name="funktion_zeitraum_gueltig",
                violation_error_message=ENDE_VOR_BEGINN,
            ),
            models.UniqueConstraint(
                fields=["person", "akteur"],
                condition=Q(bis__isnull=True),
                name="funktion_eine_offene_je_person_und_akteur",
                violation_error_message=_(
                    "Diese Person hat bei diesem Akteur schon eine laufende Funktion."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.rolle} ({self.akteur})"

    def clean(self):
        _zeitraum_pruefen(self.von, self.bis)
        if (
            self.bis is None
            and self.person_id
            and self.akteur_id
            and Funktion.objects.filter(person_id=self.person_id, akteur_id=self.akteur_id)
            .filter(bis__isnull=True)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {
                    "rolle": _(
                        "Diese Person hat bei diesem Akteur schon eine laufende Funktion; "
                        "bitte die Funktion wechseln statt eine zweite anzulegen."
                    )
                }
            )


class Beziehungsart(Timestamped):
    """A type of relation between actors, kept by admins (Kooperation, Träger von, …)."""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    sortierung = models.PositiveSmallIntegerField(_("Sortierung"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Beziehungsart")
        verbose_name_plural = _("Beziehungsarten")
        ordering = ["sortierung", "name"]

    def __str__(self):
        return self.name


class Beziehung(Timestamped):
    """A relation of one actor to another for a period."""

    quelle = models.ForeignKey(
        Akteur,
        verbose_name=_("Akteur"),
        on_delete=models.CASCADE,
        related_name="beziehungen_ausgehend",
    )
    ziel = models.ForeignKey(
        Akteur,
        verbose_name=_("zu Akteur"),
        on_delete=models.CASCADE,
        related_name="beziehungen_eingehend",
    )
    art = models.ForeignKey(
        Beziehungsart,
        verbose_name=_("Art der Beziehung"),
        on_delete=models.PROTECT,
        related_name="beziehungen",
    )
    von = models.DateField(_("von"), null=True, blank=True)
    bis = models.DateField(_("bis"), null=True, blank=True)
    notiz = models.CharField(_("Notiz"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Beziehung")
        verbose_name_plural = _("Beziehungen")
        ordering = ["quelle__name", "ziel__name"]
        # The network figures look up a quartier's actors' current links by source and
        # target: an index-only scan with the period columns included.
        indexes = [
            models.Index(
                fields=["quelle"], include=["ziel", "von", "bis"], name="beziehung_quelle_ziel"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(quelle=F("ziel")),
                name="beziehung_nicht_zu_sich_selbst",
                violation_error_message=_("Ein Akteur kann keine Beziehung zu sich selbst haben."),
            ),
            models.CheckConstraint(
                condition=Q(von__isnull=True) | zeitraum_gueltig(),
                name="beziehung_zeitraum_gueltig",
                violation_error_message=ENDE_VOR_BEGINN,
            ),
        ]

    def __str__(self):
        return f"{self.quelle} – {self.art} – {self.ziel}"

    def clean(self):
        if self.quelle_id and self.quelle_id == self.ziel_id:
            raise ValidationError(
                {"ziel": _("Ein Akteur kann keine Beziehung zu sich selbst haben.")}
            )
        _zeitraum_pruefen(self.von, self.bis)


class Gremium(Timestamped):
    """A committee of a quartier, e.g. its Stadtteilkonferenz."""

    class Art(models.TextChoices):
        STADTTEILKONFERENZ = "stadtteilkonferenz", _("Stadtteilkonferenz")
        ARBEITSKREIS = "arbeitskreis", _("Arbeitskreis")
        RUNDER_TISCH = "runder_tisch", _("Runder Tisch")
        LENKUNGSKREIS = "lenkungskreis", _("Lenkungskreis")
        VERGABEJURY = "vergabejury", _("Vergabejury")

    name = models.CharField(_("Name"), max_length=200)
    art = models.CharField(_("Art"), max_length=30, choices=Art.choices)
    quartier = models.ForeignKey(
        Quartier, verbose_name=_("Quartier"), on_delete=models.PROTECT, related_name="gremien"
    )
    handlungsfelder = models.ManyToManyField(
        Handlungsfeld, verbose_name=_("Handlungsfelder"), related_name="gremien", blank=True
    )
    beschreibung = models.TextField(_("Beschreibung"), blank=True)
    oeffentlich = models.BooleanField(
        _("öffentlich"),
        default=False,
        help_text=_("Sitzungstermine öffentlich zeigen und als Kalender-Abo anbieten."),
    )
    aktiv = models.BooleanField(_("aktiv"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Gremium")
        verbose_name_plural = _("Gremien")
        ordering = ["quartier__name", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("akteure:gremium", kwargs={"pk": self.pk})


class Mitgliedschaft(Timestamped):
    """An actor's or a person's membership in a committee for a period."""

    gremium = models.ForeignKey(
        Gremium,
        verbose_name=_("Gremium"),
        on_delete=models.CASCADE,
        related_name="mitgliedschaften",
    )
    akteur = models.ForeignKey(
        Akteur,
        verbose_name=_("Akteur"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mitgliedschaften",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mitgliedschaften",
    )
    rolle = models.CharField(
        _("Rolle"), max_length=120, blank=True, help_text=_("z. B. Vorsitz, Schriftführung")
    )
    von = models.DateField(_("von"), default=timezone.localdate)
    bis = models.DateField(_("bis"), null=True, blank=True)
    stimmberechtigt = models.BooleanField(_("stimmberechtigt"), default=True)
    history = HistoricalRecords()

    objects = ZeitraumQuerySet.as_manager()

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        ordering = ["gremium", F("bis").desc(nulls_first=True), "-von"]
        constraints = [
            models.CheckConstraint(
                condition=Q(akteur__isnull=False, person__isnull=True)
                | Q(akteur__isnull=True, person__isnull=False),
                name="mitgliedschaft_akteur_oder_person",
                violation_error_message=_("Mitglied ist entweder ein Akteur oder eine Person."),
            ),
            models.CheckConstraint(
                condition=zeitraum_gueltig(),
                name="mitgliedschaft_zeitraum_gueltig",
                violation_error_message=ENDE_VOR_BEGINN,
            ),
            models.UniqueConstraint(
                fields=["gremium", "akteur"],
                condition=Q(bis__isnull=True, akteur__isnull=False),
                name="mitgliedschaft_eine_offene_je_akteur",
                violation_error_message=ZWEITE_OFFENE_MITGLIEDSCHAFT,
            ),
            models.UniqueConstraint(
                fields=["gremium", "person"],
                condition=Q(bis__isnull=True, person__isnull=False),
                name="mitgliedschaft_eine_offene_je_person",
                violation_error_message=ZWEITE_OFFENE_MITGLIEDSCHAFT,
            ),
        ]

    def __str__(self):
        return f"{self.mitglied} in {self.gremium}"

    @property
    def mitglied(self):
        return self.akteur or self.person

    def clean(self):
        if bool(self.akteur_id) == bool(self.person_id):
            raise ValidationError(
                {"akteur": _("Bitte entweder einen Akteur oder eine Person als Mitglied angeben.")}
            )
        _zeitraum_pruefen(self.von, self.bis)
        if self.bis is None and self.gremium_id:
            feld = "akteur" if self.akteur_id else "person"
            offen = Mitgliedschaft.objects.filter(
                gremium_id=self.gremium_id,
                bis__isnull=True,
                **{f"{feld}_id": getattr(self, f"{feld}_id")},
            ).exclude(pk=self.pk)
            if offen.exists():
                raise ValidationError({feld: ZWEITE_OFFENE_MITGLIEDSCHAFT})


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


class Tagesordnungspunkt(Timestamped):
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
        ABWESEND = "abwesend", _("abwesend")

    sitzung = models.ForeignKey(
        Sitzung, verbose_name=_("Sitzung"), on_delete=models.CASCADE, related_name="teilnahmen"
    )
    akteur = models.ForeignKey(
        Akteur,
        verbose_name=_("Akteur"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="teilnahmen",
    )
    person = models.ForeignKey(
        Person,
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
            models.UniqueConstraint(fields=["sitzung", "akteur"], name="teilnahme_akteur_einmal"),
            models.UniqueConstraint(fields=["sitzung", "person"], name="teilnahme_person_einmal"),
        ]

    def __str__(self):
        return f"{self.akteur or self.person or self.gast} ({self.get_status_display()})"


class Beschluss(Timestamped):
    """A decision of a meeting with its votes."""

    sitzung = models.ForeignKey(
        Sitzung, verbose_name=_("Sitzung"), on_delete=models.CASCADE, related_name="beschluesse"
    )
    tagesordnungspunkt = models.ForeignKey(
        Tagesordnungspunkt,
        verbose_name=_("Tagesordnungspunkt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="beschluesse",
    )
    text = models.TextField(_("Beschlusstext"))
    ja = models.PositiveSmallIntegerField(_("Ja-Stimmen"), default=0)
    nein = models.PositiveSmallIntegerField(_("Nein-Stimmen"), default=0)
    enthaltung = models.PositiveSmallIntegerField(_("Enthaltungen"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Beschluss")
        verbose_name_plural = _("Beschlüsse")
        ordering = ["sitzung", "pk"]

    def __str__(self):
        return self.text[:80]

    @property
    def angenommen(self) -> bool:
        return self.ja > self.nein


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
        Akteur,
        verbose_name=_("verantwortlicher Akteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aufgaben",
    )
    verantwortlich_person = models.ForeignKey(
        Person,
        verbose_name=_("verantwortliche Person"),
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
        return self.verantwortlich_akteur or self.verantwortlich_person


class Kalenderzugang(Timestamped):
    """A user's secret token for subscribing to meeting feeds without a login."""

    benutzer = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Benutzer:in"),
        on_delete=models.CASCADE,
        related_name="kalenderzugang",
    )
    token = models.CharField(_("Token"), max_length=64, unique=True)
    history = HistoricalRecords(excluded_fields=["token"])

    class Meta:
        verbose_name = _("Kalenderzugang")
        verbose_name_plural = _("Kalenderzugänge")
        ordering = ["benutzer"]

    def __str__(self):
        return str(self.benutzer)
