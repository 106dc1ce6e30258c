"""Decisions of a meeting, the release of its minutes and amendments after the release.

`beschluss_fassen` is the one way to record a decision, also for other apps (a fund
application decided by vote): it checks every vote against the attendance and the committee's
rules and stores the result computed by `abstimmung.auswerten`; nothing is saved on an error."""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..services import _speichern
from . import abstimmung, vorgaenge
from .models import Berichtigung, Beschluss, Mitgliedschaft, Sitzung, Stimme, Tagesordnungspunkt
from .selectors import anwesenheit_bei
from .services import PROTOKOLL_FREIGEGEBEN, entwurf_pruefen

Wert = Stimme.Wert
STIMMEN = (Wert.JA, Wert.NEIN, Wert.ENTHALTUNG)


def _namen(mitgliedschaften) -> str:
    return ", ".join(sorted(str(m.mitglied) for m in mitgliedschaften))


def befangene_mitglieder(sitzung: Sitzung, *, akteur=None, person=None) -> list[Mitgliedschaft]:
    """The members to pre-mark as biased when `akteur` or `person` is concerned (e.g. the
    applicant of a fund application): their own memberships on the meeting's day."""
    if akteur is None and person is None:
        return []
    qs = Mitgliedschaft.objects.aktuell(sitzung.datum).filter(gremium_id=sitzung.gremium_id)
    return list(qs.filter(akteur=akteur) if akteur is not None else qs.filter(person=person))


def _sitzung_pruefen(sitzung: Sitzung, tagesordnungspunkt):
    if sitzung.status == Sitzung.Status.ABGESAGT:
        raise ValidationError(_("Die Sitzung wurde abgesagt; sie kann nichts beschließen."))
    if sitzung.beginn > timezone.now():
        raise ValidationError(_("Die Sitzung hat noch nicht begonnen."))
    if tagesordnungspunkt is not None and tagesordnungspunkt.sitzung_id != sitzung.pk:
        raise ValidationError(
            {"tagesordnungspunkt": _("Der Tagesordnungspunkt gehört zu einer anderen Sitzung.")}
        )


def abstimmung_pruefen(
    sitzung: Sitzung,
    *,
    tagesordnungspunkt: Tagesordnungspunkt | None = None,
    stimmen: Mapping | None = None,
    ja: int | None = None,
    nein: int | None = None,
    enthaltung: int | None = None,
    befangen: Iterable[Mitgliedschaft] = (),
) -> tuple[abstimmung.Auswertung, dict]:
    """Check a vote and compute its result. `stimmen` maps a Mitgliedschaft (or its pk) to
    ja/nein/enthaltung/befangen (per-member vote); else `ja`/`nein`/`enthaltung` are typed
    totals. Returns the evaluation and {membership: value} of the rows to store."""
    zeilen = {z.mitgliedschaft.pk: z for z in anwesenheit_bei(sitzung, tagesordnungspunkt)}
    befangen_ids = {getattr(m, "pk", m) for m in befangen}
    werte = {getattr(m, "pk", m): w for m, w in (stimmen or {}).items() if w}
    fehler = {}
    fremd = [pk for pk in befangen_ids | set(werte) if pk not in zeilen]
    if fremd:
        raise ValidationError(
            {
                "stimmen": _("Am Sitzungstag nicht Mitglied des Gremiums (Nr. %(nr)s).")
                % {"nr": ", ".join(map(str, sorted(fremd)))}
            }
        )
    for pk in befangen_ids:
        if werte.get(pk, Wert.BEFANGEN) != Wert.BEFANGEN:
            fehler.setdefault("stimmen", []).append(
                _("Befangene Mitglieder dürfen nicht mitstimmen: %(namen)s.")
                % {"namen": zeilen[pk].mitgliedschaft.mitglied}
            )
        werte[pk] = Wert.BEFANGEN
    abwesend = [
        zeilen[pk].mitgliedschaft
        for pk, w in werte.items()
        if w in STIMMEN and not zeilen[pk].anwesend
    ]
    beratend = [
        zeilen[pk].mitgliedschaft
        for pk, w in werte.items()
        if w in STIMMEN and not zeilen[pk].mitgliedschaft.stimmberechtigt
    ]
    if abwesend:
        fehler.setdefault("stimmen", []).append(
            _("Nicht anwesend, kann nicht abstimmen: %(namen)s.") % {"namen": _namen(abwesend)}
        )
    if beratend:
        fehler.setdefault("stimmen", []).append(
            _("Beratende Mitglieder haben kein Stimmrecht: %(namen)s.")
            % {"namen": _namen(beratend)}
        )
    if fehler:
        raise ValidationError(fehler)

    stimmberechtigte = [z for z in zeilen.values() if z.mitgliedschaft.stimmberechtigt]
    anwesende = sum(
        1
        for z in stimmberechtigte
        if z.anwesend and werte.get(z.mitgliedschaft.pk) != Wert.BEFANGEN
    )
    if stimmen:
        if any(v is not None for v in (ja, nein, enthaltung)):
            raise ValidationError(_("Bitte entweder Einzelstimmen oder Summen angeben."))
        ja, nein, enthaltung = (sum(1 for w in werte.values() if w == s) for s in STIMMEN)
    else:
        ja, nein, enthaltung = ja or 0, nein or 0, enthaltung or 0
        if ja + nein + enthaltung > anwesende:
            raise ValidationError(
                {
                    "ja": ngettext(
                        "Mehr Stimmen als anwesende stimmberechtigte Mitglieder: nur %(n)s ist "
                        "anwesend und nicht befangen.",
                        "Mehr Stimmen als anwesende stimmberechtigte Mitglieder: nur %(n)s sind "
                        "anwesend und nicht befangen.",
                        anwesende,
                    )
                    % {"n": anwesende}
                }
            )
    auswertung = abstimmung.auswerten(
        beschlussfaehigkeit=sitzung.gremium.beschlussfaehigkeit,
        mehrheit=sitzung.gremium.mehrheit,
        stimmberechtigte=len(stimmberechtigte),
        anwesende=anwesende,
        ja=ja,
        nein=nein,
        enthaltung=enthaltung,
    )
    abgegeben = ja + nein + enthaltung
    if not auswertung.beschlussfaehig and abgegeben:
        raise ValidationError(
            {
                "stimmen" if stimmen else "ja": _(
                    "Das Gremium ist nicht beschlussfähig (%(anwesend)s von %(alle)s "
                    "stimmberechtigten Mitgliedern anwesend und nicht befangen; Regel: "
                    "%(regel)s). Ohne Stimmen als „nicht beschlussfähig“ festhalten."
                )
                % {
                    "anwesend": anwesende,
                    "alle": len(stimmberechtigte),
                    "regel": sitzung.gremium.get_beschlussfaehigkeit_display(),
                }
            }
        )
    if auswertung.beschlussfaehig and not abgegeben:
        raise ValidationError(
            {"stimmen" if stimmen is not None else "ja": _("Bitte die Stimmen eintragen.")}
        )
    return auswertung, {zeilen[pk].mitgliedschaft: w for pk, w in werte.items()}


def _speichern_mit_stimmen(beschluss: Beschluss, auswertung, einzelne: dict) -> Beschluss:
    for feld in ("ja", "nein", "enthaltung", "stimmberechtigte", "anwesende", "ergebnis"):
        setattr(beschluss, feld, getattr(auswertung, feld))
    try:
        with transaction.atomic():
            _speichern(beschluss)
    except ValidationError as fehler:
        if "__all__" in getattr(fehler, "error_dict", {}):
            raise ValidationError({"text": fehler.error_dict["__all__"]}) from fehler
        raise
    beschluss.stimmen.all().delete()
    Stimme.objects.bulk_create(
        Stimme(beschluss=beschluss, mitgliedschaft=m, wert=w) for m, w in einzelne.items()
    )
    return beschluss


@transaction.atomic
def beschluss_fassen(
    *,
    sitzung: Sitzung,
    text: str,
    benutzer=None,
    tagesordnungspunkt: Tagesordnungspunkt | None = None,
    stimmen: Mapping | None = None,
    ja: int | None = None,
    nein: int | None = None,
    enthaltung: int | None = None,
    befangen: Iterable[Mitgliedschaft] = (),
) -> Beschluss:
    """Record a decision of a meeting whose minutes are a draft. Per-member `stimmen`
    ({membership: "ja"|"nein"|"enthaltung"|"befangen"}) or typed totals; members in
    `befangen` are biased and cannot vote. Returns the Beschluss with its computed result.
    `benutzer` is who records it (the history names them)."""
    sitzung = entwurf_pruefen(sitzung)
    _sitzung_pruefen(sitzung, tagesordnungspunkt)
    auswertung, einzelne = abstimmung_pruefen(
        sitzung,
        tagesordnungspunkt=tagesordnungspunkt,
        stimmen=stimmen,
        ja=ja,
        nein=nein,
        enthaltung=enthaltung,
        befangen=befangen,
    )
    beschluss = Beschluss(sitzung=sitzung, tagesordnungspunkt=tagesordnungspunkt, text=text)
    if benutzer is not None:
        beschluss._history_user = benutzer
    return _speichern_mit_stimmen(beschluss, auswertung, einzelne)


def _nicht_aus_vorgang(beschluss: Beschluss) -> None:
    """A decision another app's record took (a fund application) is kept through that record."""
    vorgang = vorgaenge.for_decisions([beschluss.pk]).get(beschluss.pk)
    if vorgang is not None:
        raise ValidationError(
            _("Dieser Beschluss gehört zu „%(vorgang)s“ und wird dort geführt.")
            % {"vorgang": vorgang.titel}
        )


@transaction.atomic
def beschluss_aendern(
    *,
    beschluss: Beschluss,
    text: str,
    tagesordnungspunkt: Tagesordnungspunkt | None = None,
    stimmen: Mapping | None = None,
    ja: int | None = None,
    nein: int | None = None,
    enthaltung: int | None = None,
    befangen: Iterable[Mitgliedschaft] = (),
) -> Beschluss:
    """Correct a decision while the minutes are a draft (checked like a new one)."""
    sitzung = entwurf_pruefen(beschluss.sitzung)
    _nicht_aus_vorgang(beschluss)
    _sitzung_pruefen(sitzung, tagesordnungspunkt)
    auswertung, einzelne = abstimmung_pruefen(
        sitzung,
        tagesordnungspunkt=tagesordnungspunkt,
        stimmen=stimmen,
        ja=ja,
        nein=nein,
        enthaltung=enthaltung,
        befangen=befangen,
    )
    beschluss.text, beschluss.tagesordnungspunkt = text, tagesordnungspunkt
    return _speichern_mit_stimmen(beschluss, auswertung, einzelne)


@transaction.atomic
def beschluss_loeschen(*, beschluss: Beschluss) -> None:
    entwurf_pruefen(beschluss.sitzung)
    _nicht_aus_vorgang(beschluss)
    try:
        with transaction.atomic():
            beschluss.delete()
    except IntegrityError as fehler:
        raise ValidationError(
            _("Auf diesen Beschluss verweist ein anderer Eintrag; er bleibt erhalten.")
        ) from fehler


def beschluesse_pruefen(sitzung: Sitzung) -> None:
    """After an attendance change: every recorded decision must still fit (no vote of an
    absent member, no more totals than present members); else nothing of the change stays."""
    for beschluss in sitzung.beschluesse.select_related("tagesordnungspunkt").prefetch_related(
        "stimmen"
    ):
        einzelne = {s.mitgliedschaft_id: s.wert for s in beschluss.stimmen.all()}
        mit_stimmen = any(w in STIMMEN for w in einzelne.values())
        try:
            abstimmung_pruefen(
                sitzung,
                tagesordnungspunkt=beschluss.tagesordnungspunkt,
                stimmen=einzelne if mit_stimmen else None,
                ja=None if mit_stimmen else beschluss.ja,
                nein=None if mit_stimmen else beschluss.nein,
                enthaltung=None if mit_stimmen else beschluss.enthaltung,
                befangen=[pk for pk, w in einzelne.items() if w == Wert.BEFANGEN],
            )
        except ValidationError as fehler:
            raise ValidationError(
                _(
                    "Die Anwesenheit passt nicht zum Beschluss „%(beschluss)s“: %(fehler)s "
                    "Bitte zuerst den Beschluss ändern."
                )
                % {"beschluss": beschluss, "fehler": " ".join(fehler.messages)}
            ) from fehler


# --- Freigabe und Berichtigung -------------------------------------------------------------


@transaction.atomic
def protokoll_freigeben(*, sitzung: Sitzung, benutzer) -> Sitzung:
    """Release the minutes: from now on agenda, attendance, decisions and action items are
    locked; the meeting counts as held."""
    sitzung = entwurf_pruefen(sitzung)
    if sitzung.status == Sitzung.Status.ABGESAGT:
        raise ValidationError(_("Die Sitzung wurde abgesagt; es gibt kein Protokoll."))
    if sitzung.beginn > timezone.now():
        raise ValidationError(_("Die Sitzung hat noch nicht stattgefunden."))
    sitzung.status = Sitzung.Status.DURCHGEFUEHRT
    sitzung.protokoll_freigegeben_am = timezone.now()
    sitzung.protokoll_freigegeben_von = benutzer
    return _speichern(sitzung)


@transaction.atomic
def berichtigung_erfassen(
    *, sitzung: Sitzung, datum, grund: str, text: str, benutzer, beschluss: Beschluss | None = None
) -> Berichtigung:
    """Amend released minutes: the minutes stay as released, the amendment is printed with
    them (date, reason, correct version)."""
    sitzung = Sitzung.objects.select_for_update().get(pk=sitzung.pk)
    if not sitzung.protokoll_freigegeben:
        raise ValidationError(_("Das Protokoll ist noch ein Entwurf; bitte direkt korrigieren."))
    if beschluss is not None and beschluss.sitzung_id != sitzung.pk:
        raise ValidationError({"beschluss": _("Der Beschluss gehört zu einer anderen Sitzung.")})
    if datum < sitzung.datum:
        raise ValidationError({"datum": _("Eine Berichtigung liegt nach der Sitzung.")})
    return _speichern(
        Berichtigung(
            sitzung=sitzung,
            beschluss=beschluss,
            datum=datum,
            grund=grund,
            text=text,
            erfasst_von=benutzer,
        )
    )


__all__ = [
    "PROTOKOLL_FREIGEGEBEN",
    "abstimmung_pruefen",
    "befangene_mitglieder",
    "berichtigung_erfassen",
    "beschluesse_pruefen",
    "beschluss_aendern",
    "beschluss_fassen",
    "beschluss_loeschen",
    "protokoll_freigeben",
]
