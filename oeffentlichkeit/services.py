"""Writes of the oeffentlichkeit app."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quartiere.rules import darf_quartier_bearbeiten

from .models import Beitrag


@transaction.atomic
def beitrag_speichern(
    *, von, beitrag: Beitrag | None = None, quartier, titel, teaser, text, veroeffentlicht_am
) -> Beitrag:
    """Create or update a news item; only the QM of its (old and new) quartier may do so."""
    if not darf_quartier_bearbeiten(von, quartier) or (
        beitrag is not None and not darf_quartier_bearbeiten(von, beitrag.quartier)
    ):
        raise PermissionDenied
    fehler = {}
    if not titel.strip():
        fehler["titel"] = _("Bitte geben Sie einen Titel ein.")
    if not text.strip():
        fehler["text"] = _("Bitte geben Sie einen Text ein.")
    if fehler:
        raise ValidationError(fehler)
    beitrag = beitrag or Beitrag()
    beitrag.quartier = quartier
    beitrag.titel = titel.strip()
    beitrag.teaser = teaser.strip()
    beitrag.text = text.strip()
    beitrag.veroeffentlicht_am = veroeffentlicht_am
    beitrag.full_clean()
    beitrag.save()
    return beitrag
