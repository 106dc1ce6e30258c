"""Per-user state of the "Heute" page: what a user has read or mailed, and how they want mail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from quartiersmanagement.models import Timestamped


class Art(models.TextChoices):
    """The kinds of entries on the "Heute" page (one selector each, see selectors.py)."""

    ANTWORT = "antwort", _("Antwort eines Fachbereichs")
    ANTRAG = "antrag", _("Neuer Fondsantrag")
    RUECKMELDUNG = "rueckmeldung", _("Rückmeldung zur Barrierefreiheit")
    AUFGABE = "aufgabe", _("Aufgabe fällig")
    WEITERLEITUNG = "weiterleitung", _("Weiterleitung überfällig")
    NACHWEIS = "nachweis", _("Verwendungsnachweis fällig")
    SITZUNG = "sitzung", _("Sitzung")
    STILLSTAND = "stillstand", _("Bedarf ohne Bewegung")


class Vermerk(Timestamped):
    """One user's mark on one entry: read/done (hides it on "Heute") and mailed (the
    notification command mails each entry once). Unique per user, kind and record."""

    benutzer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    art = models.CharField(_("Art"), max_length=20, choices=Art.choices)
    objekt_id = models.PositiveBigIntegerField(_("Datensatz"))
    gelesen_am = models.DateTimeField(_("gelesen/erledigt am"), null=True, blank=True)
    gemeldet_am = models.DateTimeField(_("per E-Mail gemeldet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Vermerk")
        verbose_name_plural = _("Vermerke")
        ordering = ["-erstellt"]
        constraints = [
            models.UniqueConstraint(
                fields=["benutzer", "art", "objekt_id"], name="vermerk_einmal_je_eintrag"
            )
        ]

    def __str__(self):
        return f"{self.benutzer_id} {self.art} {self.objekt_id}"


class Benachrichtigung(Timestamped):
    """How a user wants to hear of new entries by e-mail; without a row: immediately."""

    class Zustellung(models.TextChoices):
        SOFORT = "sofort", _("sofort")
        TAEGLICH = "taeglich", _("einmal täglich als Zusammenfassung")
        KEINE = "keine", _("keine E-Mails")

    benutzer = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="benachrichtigung"
    )
    zustellung = models.CharField(
        _("E-Mail-Benachrichtigung"),
        max_length=10,
        choices=Zustellung.choices,
        default=Zustellung.SOFORT,
    )

    class Meta:
        verbose_name = _("Benachrichtigungseinstellung")
        verbose_name_plural = _("Benachrichtigungseinstellungen")
        ordering = ["benutzer"]

    def __str__(self):
        return f"{self.benutzer}: {self.get_zustellung_display()}"
