"""Writes of the committees: members, meetings, agenda, attendance and action items.

While a meeting's minutes are a draft, its agenda, attendance, decisions and action items can
be changed and deleted (simple-history keeps every version); once released they are locked and
a correction is a Berichtigung (see `beschluesse`)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..services import _speichern
from .models import Aufgabe, Gremium, Mitgliedschaft, Sitzung, Tagesordnungspunkt, Teilnahme
from .selectors import team_im_quartier

PROTOKOLL_FREIGEGEBEN = _(
    "Das Protokoll ist freigegeben; Korrekturen bitte als Berichtigung erfassen."
)


def entwurf_pruefen(sitzung: Sitzung) -> Sitzung:
    """Lock the meeting row and refuse changes once its minutes are released."""
    sitzung = Sitzung.objects.select_for_update().get(pk=sitzung.pk)
    if sitzung.protokoll_freigegeben:
        raise ValidationError(PROTOKOLL_FREIGEGEBEN)
    return sitzung


# --- Gremien -------------------------------------------------------------------------------


@transaction.atomic
def gremium_anlegen(
    *,
    name: str,
    art: str,
    quartier,
    handlungsfelder=(),
    oeffentlich=False,
    beschreibung="",
    aktiv=True,
    beschlussfaehigkeit=Gremium.Beschlussfaehigkeit.MEHR_ALS_HAELFTE,
    mehrheit=Gremium.Mehrheit.EINFACH,
    gaeste_rederecht=True,
) -> Gremium:
    gremium = _speichern(
        Gremium(
            name=name,
            art=art,
            quartier=quartier,
            oeffentlich=oeffentlich,
            beschreibung=beschreibung,
            aktiv=aktiv,
            beschlussfaehigkeit=beschlussfaehigkeit,
            mehrheit=mehrheit,
            gaeste_rederecht=gaeste_rederecht,
        )
    )
    gremium.handlungsfelder.set(handlungsfelder)
    return gremium


GREMIUM_FELDER = {
    "name",
    "art",
    "quartier",
    "oeffentlich",
    "beschreibung",
    "aktiv",
    "beschlussfaehigkeit",
    "mehrheit",
    "gaeste_rederecht",
}


@transaction.atomic
def gremium_aendern(*, gremium: Gremium, handlungsfelder=None, **felder) -> Gremium:
    """Change a committee; a rule change applies to decisions recorded from now on."""
    unbekannt = set(felder) - GREMIUM_FELDER
    if unbekannt:
        raise TypeError(f"unknown fields: {sorted(unbekannt)}")
    for name, wert in felder.items():
        setattr(gremium, name, wert)
    _speichern(gremium)
    if handlungsfelder is not None:
        gremium.handlungsfelder.set(handlungsfelder)
    return gremium


@transaction.atomic
def mitgliedschaft_anlegen(
    *,
    gremium: Gremium,
    akteur=None,
    person=None,
    von: datetime.date | None = None,
    bis: datetime.date | None = None,
    stimmberechtigt: bool = True,
    rolle: str = "",
) -> Mitgliedschaft:
    """Add a member; a second open membership of the same member is refused."""
    # Serialise concurrent additions to the same committee.
    Gremium.objects.select_for_update().get(pk=gremium.pk)
    return _speichern(
        Mitgliedschaft(
            gremium=gremium,
            akteur=akteur,
            person=person,
            von=von or timezone.localdate(),
            bis=bis,
            stimmberechtigt=stimmberechtigt,
            rolle=rolle,
        )
    )


@transaction.atomic
def mitgliedschaft_beenden(*, mitgliedschaft: Mitgliedschaft, bis: datetime.date):
    mitgliedschaft.bis = bis
    return _speichern(mitgliedschaft)


# --- Sitzungen und Tagesordnung ------------------------------------------------------------


@transaction.atomic
def sitzung_anlegen(
    *,
    gremium: Gremium,
    beginn: datetime.datetime,
    ende: datetime.datetime | None = None,
    ort: str = "",
    titel: str = "",
    tagesordnung: list[str] = (),
) -> Sitzung:
    sitzung = _speichern(Sitzung(gremium=gremium, beginn=beginn, ende=ende, ort=ort, titel=titel))
    for nummer, top in enumerate(tagesordnung, start=1):
        _speichern(Tagesordnungspunkt(sitzung=sitzung, nummer=nummer, titel=top))
    return sitzung


SITZUNG_FELDER = {"titel", "beginn", "ende", "ort", "status", "protokoll", "anwohnende"}


@transaction.atomic
def sitzung_aendern(*, sitzung: Sitzung, **felder) -> Sitzung:
    """Change a meeting; its SEQUENCE grows so subscribed calendars update the entry."""
    unbekannt = set(felder) - SITZUNG_FELDER
    if unbekannt:
        raise TypeError(f"unknown fields: {sorted(unbekannt)}")
    entwurf_pruefen(sitzung)
    for name, wert in felder.items():
        setattr(sitzung, name, wert)
    return _speichern(sitzung)


def sitzung_absagen(*, sitzung: Sitzung) -> Sitzung:
    return sitzung_aendern(sitzung=sitzung, status=Sitzung.Status.ABGESAGT)


@transaction.atomic
def top_anlegen(*, sitzung: Sitzung, titel: str, beschreibung: str = "") -> Tagesordnungspunkt:
    entwurf_pruefen(sitzung)
    letzte = sitzung.tagesordnungspunkte.order_by("-nummer").values_list("nummer", flat=True)
    nummer = (letzte.first() or 0) + 1
    return _speichern(
        Tagesordnungspunkt(sitzung=sitzung, nummer=nummer, titel=titel, beschreibung=beschreibung)
    )


@transaction.atomic
def top_aendern(*, top: Tagesordnungspunkt, titel: str, beschreibung: str = ""):
    entwurf_pruefen(top.sitzung)
    top.titel, top.beschreibung = titel, beschreibung
    return _speichern(top)


@transaction.atomic
def top_loeschen(*, top: Tagesordnungspunkt) -> None:
    """Delete an agenda item; the later items move up so the numbers stay without gaps."""
    sitzung = entwurf_pruefen(top.sitzung)
    if Teilnahme.objects.filter(ab_top=top).exists():
        raise ValidationError(
            _("Mitglieder sind „anwesend ab“ diesem Punkt; bitte erst die Anwesenheit ändern.")
        )
    nummer = top.nummer
    top.delete()
    for spaeter in sitzung.tagesordnungspunkte.filter(nummer__gt=nummer).order_by("nummer"):
        spaeter.nummer -= 1
        spaeter.save()


# --- Anwesenheit ---------------------------------------------------------------------------


def _ab_top_pruefen(sitzung, status, ab_top):
    if ab_top is None:
        return
    if ab_top.sitzung_id != sitzung.pk:
        raise ValidationError(
            {"ab_top": _("Der Tagesordnungspunkt gehört zu einer anderen Sitzung.")}
        )
    if status != Teilnahme.Status.ANWESEND:
        raise ValidationError({"ab_top": _("„Anwesend ab TOP“ gilt nur für Anwesende.")})


@transaction.atomic
def teilnahme_erfassen(
    *,
    sitzung: Sitzung,
    akteur=None,
    person=None,
    gast: str = "",
    status=Teilnahme.Status.ANWESEND,
    ab_top: Tagesordnungspunkt | None = None,
) -> Teilnahme:
    """Record (or update) one attendee's status; recorded votes must still fit."""
    from .beschluesse import beschluesse_pruefen

    entwurf_pruefen(sitzung)
    _ab_top_pruefen(sitzung, status, ab_top)
    if akteur or person:
        teilnahme, _neu = Teilnahme.objects.update_or_create(
            sitzung=sitzung,
            akteur=akteur,
            person=person,
            defaults={"status": status, "gast": gast, "ab_top": ab_top},
        )
        beschluesse_pruefen(sitzung)
        return teilnahme
    if not gast:
        raise ValidationError(
            {"gast": _("Bitte einen Akteur, eine Person oder einen Gast angeben.")}
        )
    return _speichern(Teilnahme(sitzung=sitzung, gast=gast, status=status, ab_top=ab_top))


@transaction.atomic
def teilnahme_loeschen(*, teilnahme: Teilnahme) -> None:
    from .beschluesse import beschluesse_pruefen

    entwurf_pruefen(teilnahme.sitzung)
    teilnahme.delete()
    beschluesse_pruefen(teilnahme.sitzung)


@transaction.atomic
def anwesenheit_erfassen(
    *, sitzung: Sitzung, eintraege: list[tuple], anwohnende: int | None = None
) -> int:
    """Record the attendance of many members at once: (akteur, person, status, ab_top); an
    empty status removes a recorded attendance. All or nothing: recorded votes must still fit
    the attendance (else nothing is saved)."""
    from .beschluesse import beschluesse_pruefen

    sitzung = entwurf_pruefen(sitzung)
    for akteur, person, status, ab_top in eintraege:
        if status:
            _ab_top_pruefen(sitzung, status, ab_top)
            Teilnahme.objects.update_or_create(
                sitzung=sitzung,
                akteur=akteur,
                person=person,
                defaults={"status": status, "ab_top": ab_top},
            )
        else:
            Teilnahme.objects.filter(sitzung=sitzung, akteur=akteur, person=person).delete()
    if anwohnende is not None and anwohnende != sitzung.anwohnende:
        sitzung.anwohnende = anwohnende
        _speichern(sitzung)
    beschluesse_pruefen(sitzung)
    return sum(1 for eintrag in eintraege if eintrag[2])


# --- Aufgaben ------------------------------------------------------------------------------


@transaction.atomic
def aufgabe_anlegen(
    *,
    titel: str,
    quartier=None,
    sitzung: Sitzung | None = None,
    verantwortlich_akteur=None,
    verantwortlich_person=None,
    verantwortlich_benutzer=None,
    faellig_am: datetime.date | None = None,
    beschreibung: str = "",
) -> Aufgabe:
    """An action item; from a meeting it belongs to the committee's quartier."""
    if sitzung is not None:
        entwurf_pruefen(sitzung)
        quartier = sitzung.gremium.quartier
    if quartier is None:
        raise ValidationError({"quartier": _("Bitte ein Quartier angeben.")})
    if (
        verantwortlich_benutzer is not None
        and not team_im_quartier(quartier).filter(pk=verantwortlich_benutzer.pk).exists()
    ):
        raise ValidationError(
            {"verantwortlich_benutzer": _("Diese Person ist für das Quartier nicht zuständig.")}
        )
    return _speichern(
        Aufgabe(
            titel=titel,
            quartier=quartier,
            sitzung=sitzung,
            verantwortlich_akteur=verantwortlich_akteur,
            verantwortlich_person=verantwortlich_person,
            verantwortlich_benutzer=verantwortlich_benutzer,
            faellig_am=faellig_am,
            beschreibung=beschreibung,
        )
    )


@transaction.atomic
def aufgabe_aendern(
    *,
    aufgabe: Aufgabe,
    titel: str,
    beschreibung: str = "",
    verantwortlich_akteur=None,
    verantwortlich_person=None,
    faellig_am: datetime.date | None = None,
) -> Aufgabe:
    """Change an action item; one from released minutes is part of them and stays."""
    if aufgabe.sitzung_id:
        entwurf_pruefen(aufgabe.sitzung)
    aufgabe.titel, aufgabe.beschreibung = titel, beschreibung
    aufgabe.verantwortlich_akteur = verantwortlich_akteur
    aufgabe.verantwortlich_person = verantwortlich_person
    aufgabe.faellig_am = faellig_am
    return _speichern(aufgabe)


@transaction.atomic
def aufgabe_loeschen(*, aufgabe: Aufgabe) -> None:
    if aufgabe.sitzung_id:
        entwurf_pruefen(aufgabe.sitzung)
    aufgabe.delete()


@transaction.atomic
def aufgabe_erledigen(*, aufgabe: Aufgabe, am: datetime.date | None = None) -> Aufgabe:
    """Done is follow-up, not minutes: allowed after the release too."""
    aufgabe.erledigt_am = am or timezone.localdate()
    return _speichern(aufgabe)
