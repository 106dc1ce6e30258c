"""The forward of a need to a department or a Stelle, with its answer, reminders and end."""

import datetime
import hashlib

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from quartiere.models import Fachbereich, Quartier
from quartiersmanagement.models import Timestamped

#: How long an answer link stays valid after the Frist.
LINK_GUELTIG_NACH_FRIST = datetime.timedelta(weeks=8)


class WeiterleitungQuerySet(models.QuerySet):
    def offen(self):
        """Neither answered nor withdrawn: the department still owes an answer."""
        return self.filter(beantwortet_am__isnull=True, zurueckgezogen_am__isnull=True)

    def ueberfaellig(self, stichtag: datetime.date | None = None):
        return self.offen().filter(frist__lt=stichtag or timezone.localdate())

    def ungelesen(self):
        """Answered through the link, not yet seen by the Quartiersmanagement."""
        return self.filter(beantwortet_am__isnull=False, antwort_gelesen_am__isnull=True)


class Weiterleitung(Timestamped):
    """A need routed to a department or Stelle, answered through a secret link or recorded by
    staff; withdrawn by the Quartiersmanagement when the need is closed or merged."""

    class Ergebnis(models.TextChoices):
        UEBERNOMMEN = "uebernommen", _("übernommen")
        IN_PLANUNG = "in_planung", _("in Planung")
        ABGELEHNT = "abgelehnt", _("abgelehnt")
        NICHT_ZUSTAENDIG = "nicht_zustaendig", _("nicht zuständig")
        # Not an answer: the Quartiersmanagement ended the forward (`zurueckgezogen_am`).
        ZURUECKGEZOGEN = "zurueckgezogen", _("zurückgezogen")

    #: The outcomes a department can answer with (the answer forms offer these).
    ANTWORTEN = [
        (e.value, e.label)
        for e in (
            Ergebnis.UEBERNOMMEN,
            Ergebnis.IN_PLANUNG,
            Ergebnis.ABGELEHNT,
            Ergebnis.NICHT_ZUSTAENDIG,
        )
    ]

    class Antwortweg(models.TextChoices):
        LINK = "link", _("Antwortlink")
        TELEFON = "telefon", _("Telefon")
        BRIEF = "brief", _("Brief")
        EMAIL = "email", _("E-Mail")
        GESPRAECH = "gespraech", _("Gespräch")

    bedarf = models.ForeignKey(
        "bedarfe.Bedarf",
        verbose_name=_("Bedarf"),
        on_delete=models.CASCADE,
        related_name="weiterleitungen",
    )
    # The need's quartier, kept by database triggers on every path (migration
    # bedarfe.0011_weiterleitung_quartier): the open forwards of a quartier by deadline come
    # straight from one index instead of walking the whole city's open forwards by deadline.
    quartier = models.ForeignKey(
        Quartier,
        verbose_name=_("Quartier"),
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
        blank=True,
        help_text=_("Das Quartier des Bedarfs; die Datenbank hält es aktuell."),
    )
    fachbereich = models.ForeignKey(
        Fachbereich,
        verbose_name=_("Fachbereich oder Stelle"),
        on_delete=models.PROTECT,
        related_name="weiterleitungen",
        db_index=False,  # served by `weiterl_fachbereich_bedarf`
    )
    kontakt_email = models.EmailField(_("Kontakt-E-Mail"))
    nachricht = models.TextField(_("Nachricht"), blank=True)
    gesendet_am = models.DateTimeField(_("gesendet am"), default=timezone.now)
    gesendet_von = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gesendet von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    frist = models.DateField(_("Frist"))
    vorgaenger = models.ForeignKey(
        "self",
        verbose_name=_("umgeleitet aus"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nachfolger",
    )
    # The link token is never stored: only a random key (the token is an HMAC of it with the
    # SECRET_KEY, so reminders can repeat the link) and the token's SHA-256 for the lookup.
    schluessel = models.CharField(_("Schlüssel"), max_length=64, editable=False)
    token_hash = models.CharField(_("Token-Prüfsumme"), max_length=64, unique=True, editable=False)
    ergebnis = models.CharField(_("Ergebnis"), max_length=20, choices=Ergebnis.choices, blank=True)
    antwort = models.TextField(_("Antwort"), blank=True)
    beantwortet_am = models.DateTimeField(_("beantwortet am"), null=True, blank=True)
    beantwortet_ueber = models.CharField(
        _("Antwort über"), max_length=20, choices=Antwortweg.choices, blank=True
    )
    antwort_von = models.CharField(
        _("Antwort von"), max_length=200, blank=True, help_text=_("Name der antwortenden Person.")
    )
    antwort_gelesen_am = models.DateTimeField(
        _("Antwort gelesen am"),
        null=True,
        blank=True,
        help_text=_("Wann das Quartiersmanagement die Antwort gesehen hat."),
    )
    vorgeschlagener_fachbereich = models.ForeignKey(
        Fachbereich,
        verbose_name=_("vorgeschlagener Fachbereich"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    zurueckgezogen_am = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)
    rueckzugsgrund = models.TextField(_("Grund des Rückzugs"), blank=True, db_default="")
    erinnert_am = models.DateField(_("zuletzt erinnert am"), null=True, blank=True)
    erinnerungen = models.PositiveSmallIntegerField(_("Erinnerungen"), default=0)
    erinnerung_ab = models.DateField(
        _("nächste automatische Erinnerung frühestens am"),
        null=True,
        blank=True,
        help_text=_("Nach einer Erinnerung von Hand wartet der tägliche Versand einen Tag."),
    )
    history = HistoricalRecords(excluded_fields=["schluessel", "token_hash", "quartier"])

    objects = WeiterleitungQuerySet.as_manager()

    class Meta:
        verbose_name = _("Weiterleitung")
        verbose_name_plural = _("Weiterleitungen")
        ordering = ["frist", "pk"]
        constraints = [
            # Open, answered (outcome and time) or withdrawn (time, no answer) – never a mix.
            models.CheckConstraint(
                condition=(
                    Q(ergebnis="", beantwortet_am__isnull=True, zurueckgezogen_am__isnull=True)
                    | Q(
                        ergebnis="zurueckgezogen",
                        beantwortet_am__isnull=True,
                        zurueckgezogen_am__isnull=False,
                    )
                    | (
                        ~Q(ergebnis__in=["", "zurueckgezogen"])
                        & Q(beantwortet_am__isnull=False, zurueckgezogen_am__isnull=True)
                    )
                ),
                name="weiterleitung_offen_beantwortet_oder_zurueckgezogen",
                violation_error_message=_(
                    "Eine Antwort braucht ein Ergebnis und ein Datum; "
                    "eine zurückgezogene Weiterleitung hat keine Antwort."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(vorgaenger=F("id")), name="weiterleitung_nicht_eigener_vorgaenger"
            ),
        ]
        indexes = [
            # The open forwards by deadline: the Leitung's list over all quartiers (its deep
            # pages pick their ids from the index alone, where reading 7,700 forwards to skip
            # them cost 10 ms warm and over 100 ms from disk) and the overdue reminders.
            models.Index(
                fields=["frist", "id"],
                include=["quartier"],
                condition=Q(beantwortet_am__isnull=True, zurueckgezogen_am__isnull=True),
                name="weiterl_offen",
            ),
            # The open forwards list of a quartier, by deadline.
            models.Index(
                fields=["quartier", "frist", "id"],
                condition=Q(beantwortet_am__isnull=True, zurueckgezogen_am__isnull=True),
                name="weiterl_offen_je_quartier",
            ),
            # "Forwarded to" in the needs list: a department's needs from the index alone
            # (a department's 15,000 forwards of a city read 118 ms of table pages).
            models.Index(fields=["fachbereich", "bedarf"], name="weiterl_fachbereich_bedarf"),
            # The overview's department figures read one year of forwards.
            models.Index(fields=["gesendet_am"], name="weiterl_gesendet"),
            # "Overdue forward" of a need: its unanswered forwards by deadline.
            models.Index(
                fields=["bedarf", "frist"],
                condition=Q(beantwortet_am__isnull=True),
                name="weiterl_offen_je_bedarf",
            ),
            # New answers on the start page: the few answered and not yet read.
            models.Index(
                fields=["beantwortet_am"],
                condition=Q(beantwortet_am__isnull=False, antwort_gelesen_am__isnull=True),
                name="weiterl_antwort_ungelesen",
            ),
        ]

    def __str__(self):
        return f"{self.bedarf} → {self.fachbereich.kuerzel}"

    def get_absolute_url(self):
        return reverse("bedarfe:detail", kwargs={"pk": self.bedarf_id}) + f"#w{self.pk}"

    @property
    def beantwortet(self) -> bool:
        return self.beantwortet_am is not None

    @property
    def zurueckgezogen(self) -> bool:
        return self.zurueckgezogen_am is not None

    @property
    def offen(self) -> bool:
        return not (self.beantwortet or self.zurueckgezogen)

    @property
    def link_gueltig_bis(self) -> datetime.date:
        return self.frist + LINK_GUELTIG_NACH_FRIST

    @property
    def tage_ueberfaellig(self) -> int:
        if not self.offen:
            return 0
        return max(0, (timezone.localdate() - self.frist).days)


def token_pruefsumme(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
