"""Free texts that QM writes in the app before generating a report.

One `Berichtstext` belongs either to the Jahresbericht of a quartier and year or to the
Sachbericht of a programme and period; the figures of the report are computed when it is
generated, only the texts are stored.
"""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Fachbereich, Programm, Quartier
from quartiersmanagement.dsgvo import HINWEIS_FREITEXT
from quartiersmanagement.models import Timestamped
from quartiersmanagement.versioning import Versioned

ERSTES_JAHR = 2000
LETZTES_JAHR = 2100

_JAHRESBERICHT = Q(
    quartier__isnull=False,
    jahr__isnull=False,
    programm__isnull=True,
    von__isnull=True,
    bis__isnull=True,
)
_SACHBERICHT = Q(
    quartier__isnull=True,
    jahr__isnull=True,
    programm__isnull=False,
    von__isnull=False,
    bis__isnull=False,
)


def _text(name):
    return models.TextField(name, blank=True, help_text=HINWEIS_FREITEXT)


class Berichtstext(Versioned, Timestamped):
    """The free texts of one report (Jahresbericht or Sachbericht); public texts only."""

    #: (field, report section title) of the comments printed after a section's figures.
    KOMMENTARE = (
        ("kommentar_bedarfe", _("Bedarfe")),
        ("kommentar_lotsenfunktion", _("Lotsenfunktion")),
        ("kommentar_netzwerk", _("Netzwerk und Gremien")),
        ("kommentar_projekte", _("Projekte")),
        ("kommentar_stadtteilfonds", _("Stadtteilfonds")),
    )

    quartier = models.ForeignKey(
        Quartier,
        verbose_name=_("Quartier"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="berichtstexte",
    )
    jahr = models.PositiveSmallIntegerField(_("Jahr"), null=True, blank=True)
    programm = models.ForeignKey(
        Programm,
        verbose_name=_("Programm"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="berichtstexte",
    )
    von = models.DateField(_("Berichtszeitraum von"), null=True, blank=True)
    bis = models.DateField(_("Berichtszeitraum bis"), null=True, blank=True)
    einleitung = _text(_("Einleitung und Rückblick"))
    kommentar_bedarfe = _text(_("Anmerkung zu Bedarfen"))
    kommentar_lotsenfunktion = _text(_("Anmerkung zur Lotsenfunktion"))
    kommentar_netzwerk = _text(_("Anmerkung zu Netzwerk und Gremien"))
    kommentar_projekte = _text(_("Anmerkung zu Projekten"))
    kommentar_stadtteilfonds = _text(_("Anmerkung zum Stadtteilfonds"))
    ausblick = _text(_("Ausblick"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Berichtstext")
        verbose_name_plural = _("Berichtstexte")
        ordering = ["quartier__name", "-jahr", "programm__name", "-von"]
        constraints = [
            models.CheckConstraint(
                condition=_JAHRESBERICHT | _SACHBERICHT,
                name="berichtstext_jahresbericht_oder_sachbericht",
                violation_error_message=_(
                    "Ein Berichtstext gehört entweder zu Quartier und Jahr oder zu Programm "
                    "und Zeitraum."
                ),
            ),
            models.CheckConstraint(
                condition=Q(jahr__isnull=True) | Q(jahr__gte=ERSTES_JAHR, jahr__lte=LETZTES_JAHR),
                name="berichtstext_jahr_plausibel",
                violation_error_message=_("Das Jahr muss zwischen 2000 und 2100 liegen."),
            ),
            models.CheckConstraint(
                condition=Q(von__isnull=True) | Q(bis__gte=F("von")),
                name="berichtstext_zeitraum_gueltig",
                violation_error_message=_("Das Ende des Zeitraums liegt vor seinem Beginn."),
            ),
            models.UniqueConstraint(
                fields=["quartier", "jahr"],
                condition=Q(quartier__isnull=False),
                name="berichtstext_eindeutig_je_quartier_und_jahr",
                violation_error_message=_("Für dieses Quartier und Jahr gibt es schon Texte."),
            ),
            models.UniqueConstraint(
                fields=["programm", "von", "bis"],
                condition=Q(programm__isnull=False),
                name="berichtstext_eindeutig_je_programm_und_zeitraum",
                violation_error_message=_(
                    "Für dieses Programm und diesen Zeitraum gibt es schon Texte."
                ),
            ),
        ]

    def __str__(self):
        if self.quartier_id:
            return _("Jahresbericht %(jahr)s – %(quartier)s") % {
                "jahr": self.jahr,
                "quartier": self.quartier,
            }
        return _("Sachbericht %(programm)s %(von)s–%(bis)s") % {
            "programm": self.programm,
            "von": self.von.strftime("%d.%m.%Y") if self.von else "",
            "bis": self.bis.strftime("%d.%m.%Y") if self.bis else "",
        }

    @property
    def ist_jahresbericht(self) -> bool:
        return self.quartier_id is not None

    def get_absolute_url(self):
        if self.ist_jahresbericht:
            return reverse(
                "berichte:jahresbericht", kwargs={"slug": self.quartier.slug, "jahr": self.jahr}
            )
        return (
            reverse("berichte:sachbericht", kwargs={"pk": self.programm_id})
            + f"?von={self.von.isoformat()}&bis={self.bis.isoformat()}"
        )

    def kommentare(self) -> dict[str, str]:
        """Section title -> comment, for the report templates."""
        return {str(titel): getattr(self, feld) for feld, titel in self.KOMMENTARE}


# --- rollups of city-wide figures -------------------------------------------------------------
# Kept current by database triggers in the same transaction as every write (berichte.rollups);
# never written by Django code except `rollups.neu_aufbauen`. Derived data: no history, no
# time stamps.


class _Rollup(models.Model):
    quartier = models.ForeignKey(
        Quartier, verbose_name=_("Quartier"), on_delete=models.CASCADE, related_name="+"
    )
    jahr = models.PositiveSmallIntegerField(_("Jahr"))

    #: The models whose writes the triggers count in (`shared_cache`: content reading the
    #: rollup renews after their writes). A need's triggers also recount its forwards, which
    #: changes their rollups only when the need moves to another quartier; a move renews all
    #: content of both quartiers, so a status change keeps the departments' figures cached.
    filled_by: tuple[str, ...] = ()

    class Meta:
        abstract = True
        ordering = ["quartier", "jahr"]


class BedarfZahl(_Rollup):
    """Needs reported in a year (`gemeldet_am`) per quartier and status."""

    filled_by = ("bedarfe.bedarf",)

    status = models.CharField(_("Status"), max_length=20)
    anzahl = models.IntegerField(_("Anzahl"))

    class Meta(_Rollup.Meta):
        verbose_name = _("Bedarfe je Jahr (Rollup)")
        verbose_name_plural = _("Bedarfe je Jahr (Rollup)")
        constraints = [
            models.UniqueConstraint(
                fields=["quartier", "jahr", "status"], name="bedarfzahl_eindeutig"
            )
        ]

    def __str__(self):
        return f"{self.quartier_id}/{self.jahr}/{self.status}: {self.anzahl}"


class AbschlussZahl(_Rollup):
    """Needs now closed (status in `Bedarf.ABGESCHLOSSEN_GEZAEHLT`: merged ones count in their
    target) with a closing event in the year, per quartier: each need once per year."""

    filled_by = ("bedarfe.bedarf", "bedarfe.bedarfsereignis")

    anzahl = models.IntegerField(_("Anzahl"))

    class Meta(_Rollup.Meta):
        verbose_name = _("abgeschlossene Bedarfe je Jahr (Rollup)")
        verbose_name_plural = _("abgeschlossene Bedarfe je Jahr (Rollup)")
        constraints = [
            models.UniqueConstraint(fields=["quartier", "jahr"], name="abschlusszahl_eindeutig")
        ]

    def __str__(self):
        return f"{self.quartier_id}/{self.jahr}: {self.anzahl}"


class WeiterleitungZahl(_Rollup):
    """Forwards sent in a year (`gesendet_am`, local time) per department, quartier (of the
    need) and outcome (empty: not answered yet); for unanswered ones also per Frist, so
    "overdue today" is a sum over the Fristen before today."""

    filled_by = ("bedarfe.weiterleitung",)

    fachbereich = models.ForeignKey(
        Fachbereich, verbose_name=_("Fachbereich"), on_delete=models.CASCADE, related_name="+"
    )
    ergebnis = models.CharField(_("Ergebnis"), max_length=20, blank=True)
    frist_offen = models.DateField(_("Frist (unbeantwortet)"), null=True)
    anzahl = models.IntegerField(_("Anzahl"))

    class Meta(_Rollup.Meta):
        verbose_name = _("Weiterleitungen je Jahr (Rollup)")
        verbose_name_plural = _("Weiterleitungen je Jahr (Rollup)")
        constraints = [
            models.UniqueConstraint(
                fields=["fachbereich", "quartier", "jahr", "ergebnis", "frist_offen"],
                nulls_distinct=False,
                name="weiterleitungzahl_eindeutig",
            )
        ]
        # The overview reads one year's rows (a tenth of the table) from the index alone.
        indexes = [
            models.Index(
                fields=["jahr", "fachbereich"],
                include=["quartier", "ergebnis", "frist_offen", "anzahl"],
                name="weiterleitungzahl_jahr",
            )
        ]

    def __str__(self):
        return f"{self.fachbereich_id}/{self.quartier_id}/{self.jahr}/{self.ergebnis}"


class AntwortdauerZahl(_Rollup):
    """Answered forwards per department, quartier, year sent and exact days to the answer: the
    frequency table the median is read from (same value as PostgreSQL's percentile_cont over
    the forwards)."""

    filled_by = ("bedarfe.weiterleitung",)

    fachbereich = models.ForeignKey(
        Fachbereich, verbose_name=_("Fachbereich"), on_delete=models.CASCADE, related_name="+"
    )
    tage = models.FloatField(_("Tage bis zur Antwort"))
    anzahl = models.IntegerField(_("Anzahl"))

    class Meta(_Rollup.Meta):
        verbose_name = _("Antwortdauern je Jahr (Rollup)")
        verbose_name_plural = _("Antwortdauern je Jahr (Rollup)")
        constraints = [
            models.UniqueConstraint(
                fields=["fachbereich", "quartier", "jahr", "tage"],
                name="antwortdauerzahl_eindeutig",
            )
        ]
        # The overview reads one year's rows (a tenth of the table) from the index alone.
        indexes = [
            models.Index(
                fields=["jahr", "fachbereich", "tage"],
                include=["quartier", "anzahl"],
                name="antwortdauerzahl_jahr",
            )
        ]

    def __str__(self):
        return f"{self.fachbereich_id}/{self.quartier_id}/{self.jahr}/{self.tage}: {self.anzahl}"


class TerminZahl(_Rollup):
    """Events not cancelled per quartier and year (`beginn`, local time): their number,
    volunteers, volunteer hours and participants."""

    filled_by = ("projekte.termin", "projekte.teilnahme")

    veranstaltungen = models.IntegerField(_("Veranstaltungen"))
    ehrenamtliche = models.IntegerField(_("Ehrenamtliche"))
    ehrenamtsstunden = models.DecimalField(_("Ehrenamtsstunden"), max_digits=12, decimal_places=2)
    teilnehmende = models.IntegerField(_("Teilnehmende"))

    class Meta(_Rollup.Meta):
        verbose_name = _("Termine je Jahr (Rollup)")
        verbose_name_plural = _("Termine je Jahr (Rollup)")
        constraints = [
            models.UniqueConstraint(fields=["quartier", "jahr"], name="terminzahl_eindeutig")
        ]

    def __str__(self):
        return f"{self.quartier_id}/{self.jahr}: {self.veranstaltungen}"
