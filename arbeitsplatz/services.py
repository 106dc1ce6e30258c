"""Writes of the workplace: read marks, the mail setting, and the notification run."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from quartiere.zugriff import zugriff_fuer
from quartiersmanagement.mail import send_mail

from . import selectors
from .models import Art, Benachrichtigung, Vermerk


def eintrag_gelesen(*, benutzer, art: str, objekt_id: int) -> None:
    """Mark one entry read/done for this user (idempotent: a second click changes nothing)."""
    if art not in Art.values:
        raise ValueError(art)
    _vermerken(benutzer, [(art, objekt_id)], "gelesen_am")


def _vermerken(benutzer, eintraege: list[tuple[str, int]], feld: str) -> None:
    """Set `feld` (gelesen_am or gemeldet_am) to now on the user's marks of these entries,
    creating the marks that do not exist yet (one upsert, safe against a double click)."""
    jetzt = timezone.now()
    Vermerk.objects.bulk_create(
        [
            Vermerk(benutzer=benutzer, art=art, objekt_id=pk, **{feld: jetzt})
            for art, pk in eintraege
        ],
        update_conflicts=True,
        unique_fields=["benutzer", "art", "objekt_id"],
        update_fields=[feld],
    )


def benachrichtigung_setzen(*, benutzer, zustellung: str) -> Benachrichtigung:
    einstellung, _ = Benachrichtigung.objects.update_or_create(
        benutzer=benutzer, defaults={"zustellung": zustellung}
    )
    return einstellung


def _zustellung(benutzer) -> str:
    einstellung = getattr(benutzer, "benachrichtigung", None)
    return einstellung.zustellung if einstellung else Benachrichtigung.Zustellung.SOFORT


def benachrichtigen(*, taeglich: bool) -> int:
    """Mail each responsible staff member the entries not yet mailed; returns the mails.

    Responsible: the quartiers a user edits (role Quartiersmanagement) and their own action
    items. Users who want mail immediately get it on every run (cron every few minutes);
    the daily digest goes only with `taeglich` (cron once in the morning). A mail goes to
    the outbox in the same transaction that marks its entries mailed: each entry once.
    """
    zustellungen = [Benachrichtigung.Zustellung.SOFORT]
    if taeglich:
        zustellungen.append(Benachrichtigung.Zustellung.TAEGLICH)
    gesendet = 0
    benutzer_qs = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .select_related("benachrichtigung")
        .order_by("pk")
    )
    for benutzer in benutzer_qs:
        if _zustellung(benutzer) not in zustellungen:
            continue
        zugriff = zugriff_fuer(benutzer)
        eintraege = [
            e
            for e in selectors.eintraege_fuer(
                benutzer, quartier_ids=zugriff.bearbeitbar, ungemeldet=True
            )
            if e.art != Art.STILLSTAND or taeglich
        ]
        if not eintraege:
            continue
        with transaction.atomic():
            _vermerken(benutzer, [(e.art, e.objekt_id) for e in eintraege], "gemeldet_am")
            send_mail(
                template="arbeitsplatz_benachrichtigung",
                to=[benutzer.email],
                context={"benutzer": benutzer, "eintraege": eintraege, "taeglich": taeglich},
            )
        gesendet += 1
    return gesendet
