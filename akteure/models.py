"""Actors of a quartier, their contact persons and relations; the committee models live in
`akteure.gremien.models` and are re-exported here (app label `akteure`, tables unchanged)."""

import hashlib

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

from .zeitraum import ENDE_VOR_BEGINN
from .zeitraum import zeitraum_pruefen as _zeitraum_pruefen


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


PERSON_OHNE_LOESCHDATUM = _(
    "Ohne Einwilligung braucht die Person ein Löschdatum, bis zu dem die andere "
    "Rechtsgrundlage trägt."
)


class Person(Versioned, Timestamped):
    """A contact person; personal data, shown only to staff of the quartiers she is active in.

    Stored only on a legal basis: her recorded consent (an Einwilligung, checked by the
    services), or another basis together with the date her data are deleted (a CHECK)."""

    class Rechtsgrundlage(models.TextChoices):
        EINWILLIGUNG = "einwilligung", _("Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)")
        AUFGABE = "aufgabe", _("Öffentliche Aufgabe (Art. 6 Abs. 1 lit. e DSGVO)")
        VERTRAG = "vertrag", _("Vertrag, z. B. Honorar- oder Kooperationsvertrag (lit. b)")

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
    rechtsgrundlage = models.CharField(
        _("Rechtsgrundlage"),
        max_length=20,
        choices=Rechtsgrundlage.choices,
        default=Rechtsgrundlage.EINWILLIGUNG,
        help_text=_("Ohne Einwilligung nur mit einer anderen Rechtsgrundlage und Löschdatum."),
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
        constraints = [
            models.CheckConstraint(
                condition=Q(rechtsgrundlage="einwilligung") | Q(loeschen_am__isnull=False),
                name="person_ohne_einwilligung_mit_loeschdatum",
                violation_error_message=PERSON_OHNE_LOESCHDATUM,
            )
        ]

    def __str__(self):
        return f"{self.vorname} {self.nachname}".strip()

    def clean(self):
        if self.rechtsgrundlage != self.Rechtsgrundlage.EINWILLIGUNG and not self.loeschen_am:
            raise ValidationError({"loeschen_am": PERSON_OHNE_LOESCHDATUM})

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


class Kalenderzugang(Timestamped):
    """A user's secret token for subscribing to calendar feeds without a login.

    Only the token's SHA-256 is stored: a copy of the database or a backup opens no calendar.
    The token itself is shown once, right after `kalenderzugang_erneuern` created it (there it
    sits on the returned instance as `token`, never saved)."""

    benutzer = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Benutzer:in"),
        on_delete=models.CASCADE,
        related_name="kalenderzugang",
    )
    token_hash = models.CharField(_("Token (SHA-256)"), max_length=64, unique=True, editable=False)
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        verbose_name = _("Kalenderzugang")
        verbose_name_plural = _("Kalenderzugänge")
        ordering = ["benutzer"]

    def __str__(self):
        return str(self.benutzer)

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


# The committee sub-domain; imported here so Django registers its models with this app.
from .gremien.models import (  # noqa: E402, F401
    Aufgabe,
    Berichtigung,
    Beschluss,
    Gremium,
    Mitgliedschaft,
    Sitzung,
    Stimme,
    Tagesordnungspunkt,
    Teilnahme,
)
