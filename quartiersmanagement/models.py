"""Shared model pieces: the timestamp base of every domain model, and the custom user."""

from functools import lru_cache

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@lru_cache(maxsize=512)
def _anzeigetexte(feld, sprache) -> dict:
    """The display texts of a choices field in one language. Choices are code constants, so
    the texts per (field, language) never change while the process runs; the language is part
    of the key, so nothing of one request's language leaks into another's."""
    return {make_hashable(wert): force_str(text) for wert, text in feld.flatchoices}


class Zeitstempel(models.Model):
    """When a record was created and last changed; every domain model inherits it."""

    erstellt = models.DateTimeField(_("erstellt"), auto_now_add=True)
    geaendert = models.DateTimeField(_("geändert"), auto_now=True)

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        """`get_FOO_display()` with the translated texts looked up once per field and language:
        Django's own hashes every lazy choice anew on each call, which made the display of a
        status or priority a large part of rendering a 50-row list."""
        wert = getattr(self, field.attname)
        return force_str(
            _anzeigetexte(field, get_language()).get(make_hashable(wert), wert), strings_only=True
        )


class Benutzer(AbstractUser):
    """A member of staff. Rights per quartier come from `quartiere.Zustaendigkeit`."""

    class Meta:
        verbose_name = _("Benutzer:in")
        verbose_name_plural = _("Benutzer:innen")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self):
        return self.get_full_name() or self.username
