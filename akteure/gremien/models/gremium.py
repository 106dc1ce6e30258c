"""A committee, its rules of procedure (Geschäftsordnung) and its members."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Handlungsfeld, Quartier, ZeitraumQuerySet, zeitraum_gueltig
from quartiersmanagement.models import Timestamped

from ...zeitraum import ENDE_VOR_BEGINN
from ...zeitraum import zeitraum_pruefen as _zeitraum_pruefen

ZWEITE_OFFENE_MITGLIEDSCHAFT = _(
    "Dieses Mitglied hat in diesem Gremium schon eine laufende Mitgliedschaft."
)


class Gremium(Timestamped):
    """A committee of a quartier, e.g. its Stadtteilkonferenz."""

    class Art(models.TextChoices):
        STADTTEILKONFERENZ = "stadtteilkonferenz", _("Stadtteilkonferenz")
        ARBEITSKREIS = "arbeitskreis", _("Arbeitskreis")
        RUNDER_TISCH = "runder_tisch", _("Runder Tisch")
        LENKUNGSKREIS = "lenkungskreis", _("Lenkungskreis")
        VERGABEJURY = "vergabejury", _("Vergabejury")

    class Beschlussfaehigkeit(models.TextChoices):
        """When the committee may decide: share of its voting members present (not biased)."""

        MEHR_ALS_HAELFTE = (
            "mehr_als_haelfte",
            _("mehr als die Hälfte der stimmberechtigten Mitglieder anwesend"),
        )
        EIN_DRITTEL = (
            "ein_drittel",
            _("mindestens ein Drittel der stimmberechtigten Mitglieder anwesend"),
        )
        IMMER = "immer", _("beschlussfähig, sobald ein stimmberechtigtes Mitglied anwesend ist")

    class Mehrheit(models.TextChoices):
        EINFACH = (
            "einfach",
            _("einfache Mehrheit der abgegebenen Stimmen (Enthaltungen zählen nicht)"),
        )
        ANWESENDE = "anwesende", _("Mehrheit der anwesenden stimmberechtigten Mitglieder")
        ZWEI_DRITTEL = "zwei_drittel", _("Zweidrittelmehrheit der abgegebenen Stimmen")

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
    beschlussfaehigkeit = models.CharField(
        _("Beschlussfähigkeit"),
        max_length=20,
        choices=Beschlussfaehigkeit.choices,
        default=Beschlussfaehigkeit.MEHR_ALS_HAELFTE,
        help_text=_("Geschäftsordnung: wann das Gremium beschließen kann."),
    )
    mehrheit = models.CharField(
        _("Mehrheit"),
        max_length=20,
        choices=Mehrheit.choices,
        default=Mehrheit.EINFACH,
        help_text=_("Geschäftsordnung: welche Mehrheit einen Antrag annimmt."),
    )
    gaeste_rederecht = models.BooleanField(
        _("Gäste haben Rederecht"),
        default=True,
        help_text=_("Geschäftsordnung: Gäste und Anwohnende dürfen sich zu Wort melden."),
    )
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
        "akteure.Akteur",
        verbose_name=_("Akteur"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mitgliedschaften",
    )
    person = models.ForeignKey(
        "akteure.Person",
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
    stimmberechtigt = models.BooleanField(
        _("stimmberechtigt"),
        default=True,
        help_text=_(
            "Ohne Stimmrecht ist das Mitglied beratend: es zählt weder für die "
            "Beschlussfähigkeit noch bei Abstimmungen."
        ),
    )
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
