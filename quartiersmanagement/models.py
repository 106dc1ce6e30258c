"""Shared model pieces: the timestamp base of every domain model, and the custom user."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Timestamped(models.Model):
    """When a record was created and last changed; every domain model inherits it."""

    erstellt = models.DateTimeField(_("erstellt"), auto_now_add=True)
    geaendert = models.DateTimeField(_("geändert"), auto_now=True)

    class Meta:
        abstract = True


class Benutzer(AbstractUser):
    """A member of staff. Rights per quartier come from `quartiere.Zustaendigkeit`."""

    class Meta:
        verbose_name = _("Benutzer:in")
        verbose_name_plural = _("Benutzer:innen")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self):
        return self.get_full_name() or self.username


class SubmissionToken(models.Model):
    """A form's one-time token, consumed in the transaction of the write it guards; `url` is
    where that write sent the user, so a repeat is sent there too (quartiersmanagement/
    submission.py). No personal data: a random string, a time and a page address."""

    token = models.CharField(_("Token"), max_length=64, unique=True)
    erstellt = models.DateTimeField(_("erstellt"), auto_now_add=True, db_index=True)
    url = models.CharField(_("Ergebnis"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Einmal-Token")
        verbose_name_plural = _("Einmal-Tokens")
        ordering = ["-erstellt"]

    def __str__(self):
        return self.url or self.token[:8]
