"""The neighbourhood fund of a quartier and year, the applications to it and the votes of
its deciding Gremium.

Money invariants live in the database: amounts are never negative, the granted total on the fund
row never exceeds its means, the paid total of an application never exceeds its grant. Those
totals are sums of the fund's journal (`journal.Buchung`), kept by the database."""

import secrets

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from akteure.models import Akteur, Beschluss, Gremium
from quartiere.models import Programm, Quartier
from quartiersmanagement.letters import Anrede
from quartiersmanagement.models import Timestamped

from ..geld import geld, nicht_negativ


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

    class Restmittel(models.TextChoices):
        VERFALLEN = "verfallen", _("verfallen am Jahresende")
        UEBERTRAGEN = "uebertragen", _("werden ins Folgejahr übertragen")

    restmittel = models.CharField(
        _("nicht bewilligte Mittel am Jahresende"),
        max_length=20,
        choices=Restmittel,
        default=Restmittel.VERFALLEN,
        help_text=_("Was der Jahresabschluss mit dem verfügbaren Rest bucht."),
    )
    # Sums of the journal (`journal.Buchung`), kept by the database's trigger on each booking;
    # no form, admin or stale instance can write them (a trigger refuses).
    bewilligt_summe = geld(_("bewilligt insgesamt"), default=0, editable=False)
    vortrag_summe = geld(_("aus dem Vorjahr übertragen"), default=0, editable=False)
    abgang_summe = geld(_("am Jahresende verfallen oder übertragen"), default=0, editable=False)
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
            nicht_negativ("vortrag_summe", "fonds_vortrag_nicht_negativ"),
            nicht_negativ("abgang_summe", "fonds_abgang_nicht_negativ"),
            models.CheckConstraint(
                condition=Q(
                    bewilligt_summe__lte=F("budget") + F("vortrag_summe") - F("abgang_summe")
                ),
                name="fonds_bewilligt_hoechstens_mittel",
                violation_error_message=_("Es wäre mehr bewilligt, als der Fonds hat."),
            ),
        ]

    def __str__(self):
        return f"{_('Stadtteilfonds')} {self.quartier} {self.jahr}"

    def get_absolute_url(self):
        return reverse("projekte:fonds_detail", kwargs={"pk": self.pk})

    @property
    def mittel(self):
        """Budget plus what came over from last year, minus what lapsed or went on."""
        return self.budget + self.vortrag_summe - self.abgang_summe

    @property
    def verfuegbar(self):
        return self.mittel - self.bewilligt_summe


# Longest purpose or cost plan of an application (about two pages).
ANTRAG_TEXT_MAX = 4000
# Letters and digits that cannot be mistaken for each other on the phone or on paper.
REFERENZ_ZEICHEN = "ACDEFGHJKLMNPQRTUVWXY3469"


def zufallsreferenz(jahr: int) -> str:
    """SF-<year>-<6 random signs> (25**6, about 244 million a year)."""
    zeichen = "".join(secrets.choice(REFERENZ_ZEICHEN) for _ in range(6))
    return f"SF-{jahr}-{zeichen}"


def neue_referenz() -> str:
    """The reference number of an application, paper or online: SF-<year>-<6 random signs>.
    Random rather than counted, so it does not tell how many applications exist; a default of
    the field, so every path (service, admin, import) gets one. Drawn again while taken: at
    1,000 applications a year a draw meets a taken number about once in 250,000 times, and the
    unique constraint would turn that rare case into a failed application."""
    while True:
        referenz = zufallsreferenz(timezone.localdate().year)
        if not Fondsantrag.objects.filter(referenz=referenz).exists():
            return referenz


class Fondsantrag(Timestamped):
    """An application to the fund, entered by staff from a paper or e-mail application."""

    class Status(models.TextChoices):
        EINGEREICHT = "eingereicht", _("eingereicht")
        GEPRUEFT = "geprueft", _("geprüft")
        BEWILLIGT = "bewilligt", _("bewilligt")
        ABGELEHNT = "abgelehnt", _("abgelehnt")
        AUSGEZAHLT = "ausgezahlt", _("ausgezahlt")
        NACHWEIS_EINGEREICHT = "nachweis_eingereicht", _("Nachweis eingereicht")
        ABGERECHNET = "abgerechnet", _("abgerechnet, Saldo offen")
        ABGESCHLOSSEN = "abgeschlossen", _("abgeschlossen")

    # States whose granted amount counts against the fund's budget
    BEWILLIGTE = (
        Status.BEWILLIGT,
        Status.AUSGEZAHLT,
        Status.NACHWEIS_EINGEREICHT,
        Status.ABGERECHNET,
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
    antragsteller_organisation = models.CharField(
        _("Organisation oder Gruppe"),
        max_length=200,
        blank=True,
        help_text=_("Steht im Brief über der Kontaktperson in der Anschrift."),
    )
    antragsteller_anrede = models.CharField(
        _("Anrede"), max_length=10, choices=Anrede, blank=True, default=Anrede.KEINE
    )
    antragsteller_name = models.CharField(
        _("Name der Antragstellerin/des Antragstellers"),
        max_length=200,
        blank=True,
        help_text=_("Die Kontaktperson; bei einem Akteur dessen Ansprechperson."),
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
    # Above the fund's threshold the Gremium decides: its Beschluss (vote, biased members) is
    # one of the meeting's decisions, recorded by `fonds.gremium.entscheiden`.
    beschluss = models.OneToOneField(
        Beschluss,
        verbose_name=_("Beschluss des Gremiums"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="fondsantrag",
    )
    begruendung = models.TextField(_("Begründung"), blank=True)
    # Sums of the application's bookings (see Stadtteilfonds): the grant (after the settlement
    # the final grant), payouts, claims back and repayments.
    betrag_bewilligt = geld(_("bewilligter Betrag"), null=True, blank=True, editable=False)
    ausgezahlt_summe = geld(_("ausgezahlt insgesamt"), default=0, editable=False)
    zurueckgefordert_summe = geld(_("zurückgefordert"), default=0, editable=False)
    zurueckgezahlt_summe = geld(_("zurückgezahlt"), default=0, editable=False)
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
            nicht_negativ("zurueckgefordert_summe", "antrag_zurueckgefordert_nicht_negativ"),
            nicht_negativ("zurueckgezahlt_summe", "antrag_zurueckgezahlt_nicht_negativ"),
            models.CheckConstraint(
                condition=Q(ausgezahlt_summe=0, zurueckgefordert_summe=0)
                | Q(
                    betrag_bewilligt__isnull=False,
                    ausgezahlt_summe__lte=F("betrag_bewilligt") + F("zurueckgefordert_summe"),
                ),
                name="antrag_ausgezahlt_hoechstens_bewilligt",
                violation_error_message=_("Es wäre mehr ausgezahlt als bewilligt."),
            ),
            models.CheckConstraint(
                condition=Q(zurueckgefordert_summe__lte=F("ausgezahlt_summe"))
                & Q(zurueckgezahlt_summe__lte=F("zurueckgefordert_summe")),
                name="antrag_rueckzahlung_hoechstens_gefordert",
                violation_error_message=_("Es wäre mehr zurückgezahlt als gefordert."),
            ),
            models.CheckConstraint(
                condition=~Q(
                    status__in=[
                        "bewilligt",
                        "ausgezahlt",
                        "nachweis_eingereicht",
                        "abgerechnet",
                        "abgeschlossen",
                    ]
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
        """What is still to be paid of the grant (payouts net of the claims back)."""
        return (self.betrag_bewilligt or 0) - self.ausgezahlt_summe + self.zurueckgefordert_summe

    @property
    def offen_zurueckzuzahlen(self):
        return self.zurueckgefordert_summe - self.zurueckgezahlt_summe

    @property
    def sitzung(self):
        """The meeting whose Beschluss decided the application (None when the QM decided)."""
        return self.beschluss.sitzung if self.beschluss_id else None

    @property
    def saldo_null(self) -> bool:
        """Nothing left to pay either way: the application can be closed."""
        return self.offen_auszuzahlen == 0 and self.offen_zurueckzuzahlen == 0
