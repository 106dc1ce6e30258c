"""Following up forwards (nachhalten): withdraw, extend the Frist, remind now, the daily
reminders, and marking answers as read. Each change is noted on the need's timeline and, where
it concerns the addressee, mailed to them after the commit."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import zeitleiste
from ..models import Bedarf, Bedarfsereignis
from .models import Weiterleitung
from .services import mail_an_empfaenger

#: After a reminder sent by hand the daily job skips this many days (today and tomorrow).
PAUSE_NACH_ERINNERUNG = datetime.timedelta(days=2)


def _offen_gesperrt(weiterleitung: Weiterleitung, feld: str) -> Weiterleitung:
    """The forward, locked; a ValidationError at `feld` if it is answered or withdrawn."""
    w = (
        Weiterleitung.objects.select_for_update()
        .select_related("fachbereich")
        .get(pk=weiterleitung.pk)
    )
    if w.beantwortet:
        raise ValidationError({feld: _("Diese Weiterleitung ist bereits beantwortet.")})
    if w.zurueckgezogen:
        raise ValidationError({feld: _("Diese Weiterleitung wurde bereits zurückgezogen.")})
    return w


def _zurueckziehen(w: Weiterleitung, *, bedarf: Bedarf, grund: str, von) -> None:
    w.ergebnis = Weiterleitung.Ergebnis.ZURUECKGEZOGEN
    w.zurueckgezogen_am = timezone.now()
    w.rueckzugsgrund = grund
    w.save(update_fields=["ergebnis", "zurueckgezogen_am", "rueckzugsgrund", "geaendert"])
    zeitleiste.ereignis(
        bedarf,
        Bedarfsereignis.Art.ZURUECKGEZOGEN,
        von=von,
        kommentar=_("An %(fb)s: %(grund)s") % {"fb": w.fachbereich, "grund": grund},
        weiterleitung=w,
    )
    transaction.on_commit(lambda: mail_an_empfaenger(w.pk, vorlage="weiterleitung_zurueckgezogen"))


@transaction.atomic
def weiterleitung_zurueckziehen(*, weiterleitung: Weiterleitung, grund: str, von) -> Weiterleitung:
    """The Quartiersmanagement ends an open forward: the addressee is told and owes no answer,
    reminders stop. A need left 'weitergeleitet' without any open forward goes back to
    'in Prüfung'."""
    if not (grund or "").strip():
        raise ValidationError({"grund": _("Bitte geben Sie einen Grund an.")})
    w = _offen_gesperrt(weiterleitung, "grund")
    bedarf = Bedarf.objects.select_for_update().get(pk=w.bedarf_id)
    _zurueckziehen(w, bedarf=bedarf, grund=grund.strip(), von=von)
    if bedarf.status == Bedarf.Status.WEITERGELEITET and not bedarf.weiterleitungen.offen():
        zeitleiste.status_setzen(
            bedarf,
            Bedarf.Status.IN_PRUEFUNG,
            von=von,
            kommentar=_("Keine Weiterleitung mehr offen."),
        )
    return w


def offene_weiterleitungen_beenden(*, bedarf: Bedarf, grund: str, von) -> int:
    """Withdraw every open forward of a need that is being closed or merged (inside the
    caller's transaction, which holds the need's row lock). Returns how many ended."""
    offene = list(bedarf.weiterleitungen.offen().select_for_update().select_related("fachbereich"))
    for w in offene:
        _zurueckziehen(w, bedarf=bedarf, grund=grund, von=von)
    return len(offene)


@transaction.atomic
def weiterleitung_frist_verlaengern(
    *, weiterleitung: Weiterleitung, frist: datetime.date, von
) -> Weiterleitung:
    """Give the addressee more time: a later Frist (the answer link stays valid accordingly),
    the addressee gets the new date by e-mail."""
    w = _offen_gesperrt(weiterleitung, "frist")
    if frist is None or frist <= max(w.frist, timezone.localdate()):
        raise ValidationError(
            {"frist": _("Die neue Frist muss nach der bisherigen und in der Zukunft liegen.")}
        )
    alt = w.frist
    w.frist = frist
    w.save(update_fields=["frist", "geaendert"])
    zeitleiste.ereignis(
        w.bedarf,
        Bedarfsereignis.Art.FRIST_VERLAENGERT,
        von=von,
        kommentar=_("%(fb)s: Frist vom %(alt)s auf den %(neu)s verlängert.")
        % {"fb": w.fachbereich, "alt": alt.strftime("%d.%m.%Y"), "neu": frist.strftime("%d.%m.%Y")},
        weiterleitung=w,
    )
    transaction.on_commit(lambda: mail_an_empfaenger(w.pk, vorlage="frist_verlaengert"))
    return w


@transaction.atomic
def weiterleitung_erinnern(*, weiterleitung: Weiterleitung, von) -> Weiterleitung:
    """A reminder sent now by the Quartiersmanagement (at most one a day, like the daily job);
    noted on the timeline, and the daily job then waits a day."""
    w = _offen_gesperrt(weiterleitung, "weiterleitung")
    heute = timezone.localdate()
    if w.erinnert_am and w.erinnert_am >= heute:
        raise ValidationError(
            {"weiterleitung": _("Heute wurde schon an diese Weiterleitung erinnert.")}
        )
    if w.link_gueltig_bis < heute:
        raise ValidationError(
            {"weiterleitung": _("Der Antwortlink ist abgelaufen; bitte neu weiterleiten.")}
        )
    w.erinnert_am = heute
    w.erinnerungen += 1
    w.erinnerung_ab = heute + PAUSE_NACH_ERINNERUNG
    w.save(update_fields=["erinnert_am", "erinnerungen", "erinnerung_ab", "geaendert"])
    zeitleiste.ereignis(
        w.bedarf,
        Bedarfsereignis.Art.ERINNERT,
        von=von,
        kommentar=_("An %(fb)s (%(mail)s).") % {"fb": w.fachbereich, "mail": w.kontakt_email},
        weiterleitung=w,
    )
    transaction.on_commit(lambda: mail_an_empfaenger(w.pk, vorlage="erinnerung"))
    return w


def erinnerungen_senden(*, stichtag: datetime.date | None = None) -> int:
    """Send one reminder per overdue open forward whose link is still valid, at most once per
    day and not while a reminder sent by hand pauses it; the date and count are noted on the
    forward. Returns the number sent."""
    heute = stichtag or timezone.localdate()
    gesendet = 0
    kandidaten = (
        Weiterleitung.objects.ueberfaellig(heute)
        .filter(frist__gte=heute - datetime.timedelta(weeks=8))
        .exclude(erinnert_am__gte=heute)
        .exclude(erinnerung_ab__gt=heute)
        .values_list("pk", flat=True)
    )
    for pk in list(kandidaten):
        with transaction.atomic():
            # The conditional update is the lock: a parallel run on the same day, an answer or
            # a withdrawal meanwhile updates 0 rows.
            geaendert = (
                Weiterleitung.objects.offen()
                .filter(pk=pk)
                .exclude(erinnert_am__gte=heute)
                .exclude(erinnerung_ab__gt=heute)
                .update(erinnert_am=heute, erinnerungen=F("erinnerungen") + 1)
            )
            if geaendert:
                transaction.on_commit(lambda pk=pk: mail_an_empfaenger(pk, vorlage="erinnerung"))
                gesendet += 1
    return gesendet


def antworten_gelesen(*, bedarf: Bedarf) -> int:
    """The need's answers count as read once the Quartiersmanagement has opened its page."""
    return bedarf.weiterleitungen.ungelesen().update(antwort_gelesen_am=timezone.now())
