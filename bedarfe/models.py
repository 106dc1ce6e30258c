"""Needs of a quartier (Erfassung) and their routing to the administration (Lotsenfunktion)."""

import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld, Quartier, Zielgruppe
from quartiersmanagement.dsgvo import HINWEIS_FREITEXT
from quartiersmanagement.geo import lage_feld
from quartiersmanagement.models import Timestamped
from quartiersmanagement.uploads import DOCUMENT_TYPES, FileValidator, RandomPath
from quartiersmanagement.versioning import Versioned

# The forwards live in their own module group; imported here so Django registers the model.
from .weiterleitungen.models import Weiterleitung, token_pruefsumme

__all__ = [
    "Bedarf",
    "Bedarfsereignis",
    "Erhebung",
    "Erhebungsdatei",
    "Weiterleitung",
    "token_pruefsumme",
]


class Erhebung(Timestamped):
    """An assessment in a quartier (survey, walk, conference ...) from which needs come."""

    class Methode(models.TextChoices):
        BEFRAGUNG = "befragung", _("Befragung")
        QUARTIERSBEGEHUNG = "quartiersbegehung", _("Quartiersbegehung")
        STADTTEILKONFERENZ = "stadtteilkonferenz", _("Stadtteilkonferenz")
        SPRECHSTUNDE = "sprechstunde", _("Sprechstunde")
        AKTIVIERENDE_BEFRAGUNG = "aktivierende_befragung", _("Aktivierende Befragung")
        SOZIALDATEN = "sozialdaten", _("Sozialdaten")

    quartier = models.ForeignKey(
        Quartier, verbose_name=_("Quartier"), on_delete=models.PROTECT, related_name="erhebungen"
    )
    titel = models.CharField(_("Titel"), max_length=200)
    methode = models.CharField(_("Methode"), max_length=30, choices=Methode.choices)
    datum = models.DateField(_("Datum"))
    teilnehmende = models.PositiveIntegerField(
        _("Teilnehmende"), null=True, blank=True, help_text=_("Anzahl der beteiligten Personen.")
    )
    notizen = models.TextField(_("Notizen"), blank=True, help_text=HINWEIS_FREITEXT)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Erhebung")
        verbose_name_plural = _("Erhebungen")
        ordering = ["-datum", "titel"]

    def __str__(self):
        return f"{self.titel} ({self.datum:%d.%m.%Y})"

    def get_absolute_url(self):
        return reverse("bedarfe:erhebung_detail", kwargs={"pk": self.pk})


class Erhebungsdatei(Timestamped):
    """A file attached to an Erhebung; stored under a random name, served after a check."""

    erhebung = models.ForeignKey(
        Erhebung, verbose_name=_("Erhebung"), on_delete=models.CASCADE, related_name="dateien"
    )
    datei = models.FileField(
        _("Datei"),
        upload_to=RandomPath("erhebungen"),
        validators=[FileValidator(typen=DOCUMENT_TYPES, max_mb=10)],
        help_text=_("PDF, Bild oder Office-Datei, höchstens 10 MB."),
    )
    dateiname = models.CharField(_("Dateiname"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Datei einer Erhebung")
        verbose_name_plural = _("Dateien von Erhebungen")
        ordering = ["dateiname"]

    def __str__(self):
        return self.dateiname

    def get_absolute_url(self):
        return reverse("bedarfe:erhebungsdatei", kwargs={"pk": self.pk})


class BedarfQuerySet(models.QuerySet):
    def offen(self):
        """Needs still waiting for a solution (deferred ones included)."""
        return self.exclude(status__in=Bedarf.ABGESCHLOSSEN)


class Bedarf(Versioned, Timestamped):
    """A need or topic raised in a quartier."""

    class Status(models.TextChoices):
        NEU = "neu", _("neu")
        IN_PRUEFUNG = "in_pruefung", _("in Prüfung")
        WEITERGELEITET = "weitergeleitet", _("weitergeleitet")
        IN_BEARBEITUNG = "in_bearbeitung", _("in Bearbeitung")
        ERLEDIGT = "erledigt", _("erledigt")
        NICHT_UMSETZBAR = "nicht_umsetzbar", _("nicht umsetzbar")
        ZURUECKGESTELLT = "zurueckgestellt", _("zurückgestellt")
        ZUSAMMENGEFUEHRT = "zusammengefuehrt", _("zusammengeführt")

    class Prioritaet(models.IntegerChoices):
        NIEDRIG = 1, _("niedrig")
        MITTEL = 2, _("mittel")
        HOCH = 3, _("hoch")

    class Quelle(models.TextChoices):
        ERHEBUNG = "erhebung", _("Erhebung")
        SPRECHSTUNDE = "sprechstunde", _("Sprechstunde")
        GREMIUM = "gremium", _("Gremium")
        TELEFON = "telefon", _("Telefon")
        EMAIL = "email", _("E-Mail oder Brief")
        BEOBACHTUNG = "beobachtung", _("eigene Beobachtung")
        SONSTIGES = "sonstiges", _("Sonstiges")

    ABGESCHLOSSEN = (Status.ERLEDIGT, Status.NICHT_UMSETZBAR, Status.ZUSAMMENGEFUEHRT)
    #: Closed needs as the figures count them: a merged need lives on in its target and is
    #: counted there once (reported, open or closed), never as a closed need of its own.
    ABGESCHLOSSEN_GEZAEHLT = (Status.ERLEDIGT, Status.NICHT_UMSETZBAR)
    # Bootstrap colour of the status badge (bedarfe/_status.html); the rest is text-bg-warning.
    STATUS_KLASSE = {
        Status.ERLEDIGT: "text-bg-success",
        Status.NICHT_UMSETZBAR: "text-bg-secondary",
        Status.ZUSAMMENGEFUEHRT: "text-bg-secondary",
        Status.WEITERGELEITET: "text-bg-info",
        Status.IN_BEARBEITUNG: "text-bg-primary",
        Status.ZURUECKGESTELLT: "text-bg-light border",
    }

    quartier = models.ForeignKey(
        Quartier, verbose_name=_("Quartier"), on_delete=models.PROTECT, related_name="bedarfe"
    )
    titel = models.CharField(_("Titel"), max_length=200)
    beschreibung = models.TextField(_("Beschreibung"), blank=True, help_text=HINWEIS_FREITEXT)
    handlungsfeld = models.ForeignKey(
        Handlungsfeld,
        verbose_name=_("Handlungsfeld"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bedarfe",
    )
    zielgruppen = models.ManyToManyField(
        Zielgruppe, verbose_name=_("Zielgruppen"), blank=True, related_name="bedarfe"
    )
    quelle = models.CharField(
        _("Quelle"), max_length=20, choices=Quelle.choices, default=Quelle.SONSTIGES
    )
    erhebung = models.ForeignKey(
        Erhebung,
        verbose_name=_("aus Erhebung"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bedarfe",
    )
    gemeldet_am = models.DateField(_("gemeldet am"), default=datetime.date.today)
    ort = models.CharField(
        _("Ort"), max_length=200, blank=True, help_text=_("z. B. Straße, Platz oder Einrichtung.")
    )
    lage = lage_feld()
    prioritaet = models.PositiveSmallIntegerField(
        _("Priorität"), choices=Prioritaet.choices, default=Prioritaet.MITTEL
    )
    nennungen = models.PositiveIntegerField(
        _("Nennungen"), default=1, help_text=_("Wie oft wurde der Bedarf genannt?")
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.NEU
    )
    # What the list filters by the need's forwards, kept by the database on every path
    # (migration 0014): the earliest Frist of the open ones ("overdue" is a comparison with
    # today) and the departments forwarded to ("weitergeleitet an" reads a GIN index); no
    # lookup of the forwards per need.
    offene_frist = models.DateField(
        _("früheste Frist offener Weiterleitungen"),
        null=True,
        editable=False,
        help_text=_("Die Datenbank hält sie aktuell."),
    )
    fachbereiche = ArrayField(
        models.BigIntegerField(),
        verbose_name=_("weitergeleitet an (Fachbereiche)"),
        default=list,
        editable=False,
        help_text=_("Die Datenbank hält sie aktuell."),
    )
    zusammengefuehrt_in = models.ForeignKey(
        "self",
        verbose_name=_("zusammengeführt in"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="zusammengefuehrte",
    )
    oeffentlich = models.BooleanField(
        _("öffentlich"), default=False, help_text=_("Bedarf und Antwort öffentlich zeigen.")
    )
    oeffentliche_antwort = models.TextField(_("öffentliche Antwort"), blank=True)
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erfasst von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    suchvektor = models.GeneratedField(
        expression=SearchVector("titel", weight="A", config="german")
        + SearchVector("beschreibung", weight="B", config="german"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    history = HistoricalRecords(excluded_fields=["suchvektor", "offene_frist", "fachbereiche"])

    objects = BedarfQuerySet.as_manager()

    class Meta:
        verbose_name = _("Bedarf")
        verbose_name_plural = _("Bedarfe")
        ordering = ["-gemeldet_am", "-pk"]
        indexes = [
            GinIndex(fields=["suchvektor"], name="bedarf_suchvektor_gin"),
            GinIndex(fields=["titel"], name="bedarf_titel_trgm", opclasses=["gin_trgm_ops"]),
            # Counts of a list (the paginator) read this index alone, the id included for the
            # filters that look up other tables per need (e.g. overdue forwards), the
            # Handlungsfeld for the quartier page's needs by status and field.
            models.Index(
                fields=["quartier", "status"],
                include=["id", "handlungsfeld"],
                name="bedarf_quartier_status_hf",
            ),
            # The lists' default order (newest first), so a page of 50 needs no full sort;
            # with the columns the list filters by, deep pages skip their rows in this index
            # alone (quartiersmanagement.lists.CappedPaginator.page) whatever the filters (the
            # Leitung's page 150 of one department's needs: 70 -> 20 ms of SQL).
            models.Index(
                fields=["-gemeldet_am", "-id"],
                include=[
                    "quartier",
                    "status",
                    "prioritaet",
                    "handlungsfeld",
                    "fachbereiche",
                    "offene_frist",
                ],
                name="bedarf_gemeldet_neueste",
            ),
            # The list's other sort orders (ties by id, either direction): a page of 50 of all
            # quartiers is read in index order instead of sorting every need of the city.
            # Status and priority carry the other columns the Leitung filters by, so a count
            # of "offen" or a priority with a Handlungsfeld or "überfällig" reads its part of
            # one index (the closed needs of one field: 25-38 -> 7 ms) instead of all of one.
            models.Index(fields=["titel", "id"], name="bedarf_titel_id"),
            models.Index(
                fields=["status", "id"],
                include=["handlungsfeld", "prioritaet", "offene_frist"],
                name="bedarf_status_id",
            ),
            models.Index(
                fields=["prioritaet", "id"],
                include=["status", "handlungsfeld", "offene_frist"],
                name="bedarf_prioritaet_id",
            ),
            models.Index(fields=["nennungen", "id"], name="bedarf_nennungen_id"),
            # The Handlungsfeld with any other filter of the Leitung: counting one field's open
            # or overdue needs walked the status index over the whole city (14-25 ms), here
            # it reads that field's part (2-5 ms).
            models.Index(
                fields=["handlungsfeld", "status"],
                include=["prioritaet", "offene_frist"],
                name="bedarf_handlungsfeld_status",
            ),
            # A quartier's needs of a year (overview, reports) and its list, newest first
            # (deep pages too, with the status).
            models.Index(
                fields=["quartier", "-gemeldet_am", "-id"],
                include=["status"],
                name="bedarf_quartier_gemeldet",
            ),
            # The filters "weitergeleitet an" and "Weiterleitung überfällig" and their counts.
            GinIndex(fields=["fachbereiche"], name="bedarf_fachbereiche_gin"),
            models.Index(
                fields=["offene_frist"],
                condition=models.Q(offene_frist__isnull=False),
                name="bedarf_offene_frist",
            ),
            # Similar needs of a quartier (`selectors.aehnliche_bedarfe`): the nearest titles
            # straight from the index (KNN on `<->`) instead of comparing every need's title.
            GistIndex(
                fields=["quartier", "titel"],
                name="bedarf_quartier_titel_trgm",
                opclasses=["gist_int8_ops", "gist_trgm_ops"],
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(nennungen__gte=1),
                name="bedarf_nennungen_mindestens_1",
                violation_error_message=_("Ein Bedarf wurde mindestens einmal genannt."),
            ),
            models.CheckConstraint(
                condition=(Q(status="zusammengefuehrt") & Q(zusammengefuehrt_in__isnull=False))
                | (~Q(status="zusammengefuehrt") & Q(zusammengefuehrt_in__isnull=True)),
                name="bedarf_zusammengefuehrt_mit_ziel",
                violation_error_message=_("Ein zusammengeführter Bedarf braucht sein Ziel."),
            ),
            models.CheckConstraint(
                condition=~Q(zusammengefuehrt_in=F("id")),
                name="bedarf_nicht_in_sich_selbst",
            ),
            models.CheckConstraint(
                condition=~Q(titel=""),
                name="bedarf_titel_nicht_leer",
                violation_error_message=_("Bitte geben Sie einen Titel an."),
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse("bedarfe:detail", kwargs={"pk": self.pk})

    @property
    def ist_offen(self) -> bool:
        return self.status not in self.ABGESCHLOSSEN

    @property
    def status_klasse(self) -> str:
        """The badge colour of the status (a dict lookup: the list shows 50 badges)."""
        return self.STATUS_KLASSE.get(self.status, "text-bg-warning")

    @staticmethod
    def ueberfaellig_bedingung(stichtag: datetime.date) -> Q:
        """Needs with an open forward whose Frist passed before `stichtag`: their earliest open
        Frist (`offene_frist`, kept by the database) lies before it. The list's filter and its
        overdue badge both use it."""
        return Q(offene_frist__lt=stichtag)


class Bedarfsereignis(Timestamped):
    """One entry of a need's timeline: who did what when, from which status to which."""

    class Art(models.TextChoices):
        ERSTELLT = "erstellt", _("erfasst")
        STATUS = "status", _("Status geändert")
        WEITERGELEITET = "weitergeleitet", _("weitergeleitet")
        BEANTWORTET = "beantwortet", _("Antwort erhalten")
        KOMMENTAR = "kommentar", _("Kommentar")
        ZUSAMMENGEFUEHRT = "zusammengefuehrt", _("zusammengeführt")
        FREIGEGEBEN = "freigegeben", _("zur Veröffentlichung freigegeben")
        NENNUNG = "nennung", _("weitere Nennung")
        ZURUECKGEZOGEN = "zurueckgezogen", _("Weiterleitung zurückgezogen")
        FRIST_VERLAENGERT = "frist_verlaengert", _("Frist verlängert")
        ERINNERT = "erinnert", _("Erinnerung gesendet")

    bedarf = models.ForeignKey(
        Bedarf, verbose_name=_("Bedarf"), on_delete=models.CASCADE, related_name="ereignisse"
    )
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices)
    zeitpunkt = models.DateTimeField(_("Zeitpunkt"), default=timezone.now)
    benutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    extern = models.CharField(
        _("von (extern)"),
        max_length=200,
        blank=True,
        help_text=_("z. B. der Fachbereich, der über den Antwortlink geantwortet hat."),
    )
    von_status = models.CharField(
        _("von Status"), max_length=20, choices=Bedarf.Status.choices, blank=True
    )
    zu_status = models.CharField(
        _("zu Status"), max_length=20, choices=Bedarf.Status.choices, blank=True
    )
    kommentar = models.TextField(_("Kommentar"), blank=True)
    weiterleitung = models.ForeignKey(
        "Weiterleitung",
        verbose_name=_("Weiterleitung"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ereignisse",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Bedarfsereignis")
        verbose_name_plural = _("Bedarfsereignisse")
        ordering = ["zeitpunkt", "pk"]
        indexes = [
            # "Closed in the year" of the overview and the reports: a need's closing events.
            models.Index(
                fields=["bedarf", "zeitpunkt"],
                condition=Q(zu_status__in=Bedarf.ABGESCHLOSSEN),
                name="ereignis_abschluss_je_bedarf",
            )
        ]

    def __str__(self):
        return f"{self.get_art_display()} – {self.bedarf}"
