"""Decisions of a meeting, the vote of each member and amendments of released minutes.

The counts and the result of a decision are derived: `akteure.gremien.beschluesse` computes
them with `abstimmung.auswerten` from the votes (or from checked totals) and the committee's
rules; forms and the admin never write them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiersmanagement.models import Timestamped

from .gremium import Mitgliedschaft
from .sitzung import Sitzung, Tagesordnungspunkt


class Beschluss(Timestamped):
    """A decision of a meeting with its votes and its computed result."""

    class Ergebnis(models.TextChoices):
        ANGENOMMEN = "angenommen", _("angenommen")
        ABGELEHNT = "abgelehnt", _("abgelehnt")
        NICHT_BESCHLUSSFAEHIG = "nicht_beschlussfaehig", _("nicht beschlussfähig")

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
    ja = models.PositiveSmallIntegerField(_("Ja-Stimmen"), default=0, editable=False)
    nein = models.PositiveSmallIntegerField(_("Nein-Stimmen"), default=0, editable=False)
    enthaltung = models.PositiveSmallIntegerField(_("Enthaltungen"), default=0, editable=False)
    stimmberechtigte = models.PositiveSmallIntegerField(
        _("stimmberechtigte Mitglieder"), default=0, editable=False
    )
    anwesende = models.PositiveSmallIntegerField(
        _("anwesende Stimmberechtigte (nicht befangen)"), default=0, editable=False
    )
    ergebnis = models.CharField(
        _("Ergebnis"),
        max_length=30,
        choices=Ergebnis.choices,
        default=Ergebnis.ABGELEHNT,
        editable=False,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Beschluss")
        verbose_name_plural = _("Beschlüsse")
        ordering = ["sitzung", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(anwesende__gte=F("ja") + F("nein") + F("enthaltung")),
                name="beschluss_stimmen_hoechstens_anwesende",
                violation_error_message=_("Mehr Stimmen als anwesende Stimmberechtigte."),
            ),
            models.CheckConstraint(
                condition=Q(stimmberechtigte__gte=F("anwesende")),
                name="beschluss_anwesende_hoechstens_stimmberechtigte",
                violation_error_message=_("Mehr Anwesende als stimmberechtigte Mitglieder."),
            ),
            # A double submit of the same decision form adds no second decision.
            models.UniqueConstraint(
                fields=["sitzung", "text"],
                name="beschluss_text_einmal_je_sitzung",
                violation_error_message=_(
                    "Diese Sitzung hat schon einen Beschluss mit genau diesem Text."
                ),
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def angenommen(self) -> bool:
        return self.ergebnis == self.Ergebnis.ANGENOMMEN

    @property
    def ohne_stimme(self) -> int:
        """Present, voting, unbiased members who cast no vote (they stay in the record)."""
        return self.anwesende - self.ja - self.nein - self.enthaltung

    @property
    def beschlossen_am(self):
        """A decision is made on the day of its meeting (not when it was typed in)."""
        return self.sitzung.datum


class Stimme(Timestamped):
    """How one member voted on a decision, or that the member was biased and did not vote.
    Present members who did not vote have no row; absent members cannot have one."""

    class Wert(models.TextChoices):
        JA = "ja", _("Ja")
        NEIN = "nein", _("Nein")
        ENTHALTUNG = "enthaltung", _("Enthaltung")
        BEFANGEN = "befangen", _("befangen")

    beschluss = models.ForeignKey(
        Beschluss, verbose_name=_("Beschluss"), on_delete=models.CASCADE, related_name="stimmen"
    )
    mitgliedschaft = models.ForeignKey(
        Mitgliedschaft,
        verbose_name=_("Mitglied"),
        on_delete=models.PROTECT,
        related_name="stimmen",
    )
    wert = models.CharField(_("Stimme"), max_length=20, choices=Wert.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Stimme")
        verbose_name_plural = _("Stimmen")
        ordering = ["beschluss", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["beschluss", "mitgliedschaft"],
                name="stimme_einmal_je_mitglied",
                violation_error_message=_("Jedes Mitglied hat nur eine Stimme."),
            )
        ]

    def __str__(self):
        return f"{self.mitgliedschaft.mitglied}: {self.get_wert_display()}"


class Berichtigung(Timestamped):
    """An amendment of released minutes: what was wrong, why, when and by whom; printed with
    the minutes. Released minutes themselves stay as they were released."""

    sitzung = models.ForeignKey(
        Sitzung,
        verbose_name=_("Sitzung"),
        on_delete=models.CASCADE,
        related_name="berichtigungen",
    )
    beschluss = models.ForeignKey(
        Beschluss,
        verbose_name=_("betrifft Beschluss"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="berichtigungen",
    )
    datum = models.DateField(_("Datum der Berichtigung"))
    grund = models.CharField(
        _("Grund"), max_length=300, help_text=_("z. B. „Stimmen falsch übertragen“")
    )
    text = models.TextField(_("Berichtigung"), help_text=_("Die richtige Fassung."))
    erfasst_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erfasst von"),
        on_delete=models.PROTECT,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Berichtigung")
        verbose_name_plural = _("Berichtigungen")
        ordering = ["sitzung", "datum", "pk"]
        constraints = [
            # A double submit of the amendment form records it once.
            models.UniqueConstraint(
                fields=["sitzung", "datum", "grund"],
                name="berichtigung_einmal",
                violation_error_message=_(
                    "Eine Berichtigung mit diesem Datum und Grund ist schon erfasst."
                ),
            )
        ]

    def __str__(self):
        return f"{self.datum:%d.%m.%Y}: {self.grund}"
