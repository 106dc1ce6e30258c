"""Writes of the projekte app: projects and their lifecycle, partners, budget lines, events.
The fund's writes are in `projekte.fonds`. Errors are German `ValidationError`s keyed by the
form field they concern.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from akteure.selectors import waehlbare_akteure
from quartiersmanagement.text import german_slugify
from quartiersmanagement.versioning import save_with_version

from .geld import betrag_pruefen
from .models import (
    Budgetposten,
    Projekt,
    Projektpartner,
    Statusaenderung,
    Teilnahme,
    Termin,
)

# --------------------------------------------------------------------------------------------
# Projekte

# Allowed status changes; the end states are final.
UEBERGAENGE = {
    Projekt.Status.IDEE: {Projekt.Status.PLANUNG, Projekt.Status.ABGEBROCHEN},
    Projekt.Status.PLANUNG: {
        Projekt.Status.IDEE,
        Projekt.Status.UMSETZUNG,
        Projekt.Status.ABGEBROCHEN,
    },
    Projekt.Status.UMSETZUNG: {
        Projekt.Status.PLANUNG,
        Projekt.Status.ABGESCHLOSSEN,
        Projekt.Status.ABGEBROCHEN,
    },
    Projekt.Status.ABGESCHLOSSEN: set(),
    Projekt.Status.ABGEBROCHEN: set(),
}


def _eindeutiger_slug(titel: str, *, ausser: int | None = None) -> str:
    basis = german_slugify(titel)[:100] or "projekt"
    vorhandene = set(
        Projekt.objects.filter(slug__startswith=basis)
        .exclude(pk=ausser)
        .values_list("slug", flat=True)
    )
    slug, n = basis, 2
    while slug in vorhandene:
        slug, n = f"{basis}-{n}", n + 1
    return slug


def _projekt_pruefen(projekt: Projekt, quartiere) -> None:
    fehler = {}
    if not quartiere:
        fehler["quartiere"] = _("Bitte mindestens ein Quartier wählen.")
    if projekt.beginn and projekt.ende and projekt.ende < projekt.beginn:
        fehler["ende"] = _("Das Ende liegt vor dem Beginn.")
    if fehler:
        raise ValidationError(fehler)


PROJEKT_FELDER = (
    "titel",
    "ziele",
    "beschreibung",
    "qm_rolle",
    "programm",
    "beginn",
    "ende",
    "oeffentlich",
    "aufgabe",
    "lage",
)
PROJEKT_M2M = ("quartiere", "handlungsfelder", "zielgruppen", "bedarfe")


@transaction.atomic
def projekt_anlegen(*, von, quartiere, titel: str, ziele: str, **weitere) -> Projekt:
    """Create a project in status Idee and log that as its first status entry."""
    projekt = Projekt(titel=titel, ziele=ziele)
    m2m = {k: weitere.pop(k) for k in PROJEKT_M2M if k in weitere}
    for feld, wert in weitere.items():
        if feld not in PROJEKT_FELDER:
            raise TypeError(f"unknown field {feld}")
        setattr(projekt, feld, wert)
    _projekt_pruefen(projekt, quartiere)
    projekt.slug = _eindeutiger_slug(titel)
    projekt.save()
    projekt.quartiere.set(quartiere)
    for feld, werte in m2m.items():
        getattr(projekt, feld).set(werte)
    Statusaenderung.objects.create(
        projekt=projekt,
        nach_status=projekt.status,
        datum=timezone.localdate(),
        kommentar=_("Projekt angelegt"),
        geaendert_von=von,
    )
    return projekt


@transaction.atomic
def projekt_aendern(*, projekt: Projekt, von, version: int | None = None, **daten) -> Projekt:
    """Change a project's data (not its status: that goes through `projekt_status_aendern`).
    With the `version` the edit form was built from, someone else's save in between raises
    EditConflict instead of being overwritten."""
    m2m = {k: daten.pop(k) for k in PROJEKT_M2M if k in daten}
    for feld, wert in daten.items():
        if feld not in PROJEKT_FELDER:
            raise TypeError(f"unknown field {feld}")
        setattr(projekt, feld, wert)
    _projekt_pruefen(projekt, m2m.get("quartiere", list(projekt.quartiere.all())))
    if version is None:
        projekt.save(update_fields=[*daten, "geaendert"])
    else:
        save_with_version(projekt, expected_version=version, update_fields=[*daten, "geaendert"])
    for feld, werte in m2m.items():
        getattr(projekt, feld).set(werte)
    return projekt


@transaction.atomic
def projekt_status_aendern(
    *,
    projekt: Projekt,
    status: str,
    von,
    kommentar: str = "",
    datum: datetime.date | None = None,
) -> Statusaenderung:
    """Move a project along its lifecycle and log the change with date, comment and person."""
    aufrufer = projekt
    projekt = Projekt.objects.select_for_update().get(pk=projekt.pk)
    if status == projekt.status:
        raise ValidationError({"status": _("Das Projekt hat diesen Status schon.")})
    if status not in UEBERGAENGE[projekt.status]:
        raise ValidationError(
            {
                "status": _("Von „%(von)s“ kann das Projekt nicht zu „%(nach)s“ wechseln.")
                % {
                    "von": projekt.get_status_display(),
                    "nach": Projekt.Status(status).label,
                }
            }
        )
    if status == Projekt.Status.ABGEBROCHEN and not kommentar.strip():
        raise ValidationError({"kommentar": _("Bitte begründen, warum das Projekt endet.")})
    datum = datum or timezone.localdate()
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("Das Datum darf nicht in der Zukunft liegen.")})
    eintrag = Statusaenderung.objects.create(
        projekt=projekt,
        von_status=projekt.status,
        nach_status=status,
        datum=datum,
        kommentar=kommentar,
        geaendert_von=von,
    )
    projekt.status = status
    projekt.save(update_fields=["status", "geaendert"])
    aufrufer.status = status
    return eintrag


@transaction.atomic
def projekt_ergebnis_speichern(
    *,
    projekt: Projekt,
    von,
    ergebnis: str,
    erkenntnisse: str = "",
    wird_fortgefuehrt: bool = False,
    fortgefuehrt_von: str = "",
) -> Projekt:
    """Record what a project reached, what was learned and whether (and by whom) it goes on."""
    if wird_fortgefuehrt and not fortgefuehrt_von.strip():
        raise ValidationError({"fortgefuehrt_von": _("Bitte angeben, wer das Projekt fortführt.")})
    projekt.ergebnis = ergebnis
    projekt.erkenntnisse = erkenntnisse
    projekt.wird_fortgefuehrt = wird_fortgefuehrt
    projekt.fortgefuehrt_von = fortgefuehrt_von if wird_fortgefuehrt else ""
    # Only these fields: a stale instance must not undo a status change made meanwhile.
    projekt.save(
        update_fields=[
            "ergebnis",
            "erkenntnisse",
            "wird_fortgefuehrt",
            "fortgefuehrt_von",
            "geaendert",
        ]
    )
    return projekt


AKTEUR_NICHT_WAEHLBAR = gettext_lazy(
    "Dieser Akteur kann nicht gewählt werden: Er ist in keinem Ihrer Quartiere aktiv und "
    "nicht öffentlich eingetragen."
)


def akteur_fehler(akteur, *, von) -> str | None:
    """A chosen actor must be one the user may pick (`akteure.selectors.waehlbare_akteure`):
    a forged id must not put another quartier's non-public actor on a project or a letter."""
    if waehlbare_akteure(von).filter(pk=akteur.pk).exists():
        return None
    return str(AKTEUR_NICHT_WAEHLBAR)


@transaction.atomic
def partner_hinzufuegen(*, projekt: Projekt, akteur, rolle: str, von) -> Projektpartner:
    """Add an actor as project partner (once per project)."""
    if fehler := akteur_fehler(akteur, von=von):
        raise ValidationError({"akteur": fehler})
    if projekt.partner.filter(akteur=akteur).exists():
        raise ValidationError({"akteur": _("Dieser Akteur ist schon Partner des Projekts.")})
    if not rolle.strip():
        raise ValidationError({"rolle": _("Bitte die Rolle des Partners angeben.")})
    return Projektpartner.objects.create(projekt=projekt, akteur=akteur, rolle=rolle)


@transaction.atomic
def partner_entfernen(*, partner: Projektpartner, von) -> None:
    partner.delete()


@transaction.atomic
def budgetposten_speichern(
    *,
    projekt: Projekt,
    von,
    bezeichnung: str,
    quelle: str,
    geplant,
    tatsaechlich=None,
    posten: Budgetposten | None = None,
) -> Budgetposten:
    """Add or change a budget line; amounts with two places, never negative."""
    geplant = betrag_pruefen(geplant, "geplant")
    if tatsaechlich not in (None, ""):
        tatsaechlich = betrag_pruefen(tatsaechlich, "tatsaechlich")
    else:
        tatsaechlich = None
    posten = posten or Budgetposten(projekt=projekt)
    if posten.projekt_id != projekt.pk:
        raise ValidationError(_("Der Budgetposten gehört zu einem anderen Projekt."))
    posten.bezeichnung = bezeichnung
    posten.quelle = quelle
    posten.geplant = geplant
    posten.tatsaechlich = tatsaechlich
    posten.save()
    return posten


@transaction.atomic
def budgetposten_loeschen(*, posten: Budgetposten, von) -> None:
    posten.delete()


# --------------------------------------------------------------------------------------------
# Termine


@transaction.atomic
def termin_speichern(
    *,
    von,
    quartier,
    titel: str,
    beginn: datetime.datetime,
    teilnahmen: dict | None = None,
    termin: Termin | None = None,
    **daten,
) -> Termin:
    """Create or change an event; a change raises its iCal SEQUENCE so calendars update it.

    `teilnahmen` maps Zielgruppe -> number of participants (0 or empty removes the line).
    """
    projekt = daten.get("projekt")
    ende = daten.get("ende")
    fehler = {}
    if ende and ende < beginn:
        fehler["ende"] = _("Das Ende liegt vor dem Beginn.")
    if projekt and not projekt.quartiere.filter(pk=quartier.pk).exists():
        fehler["projekt"] = _("Das Projekt läuft nicht in diesem Quartier.")
    stunden = daten.get("ehrenamtsstunden") or Decimal(0)
    if stunden < 0:
        fehler["ehrenamtsstunden"] = _("Die Stunden dürfen nicht negativ sein.")
    for zielgruppe, anzahl in (teilnahmen or {}).items():
        if anzahl is not None and anzahl < 0:
            fehler[f"teilnahme_{zielgruppe.pk}"] = _("Die Anzahl darf nicht negativ sein.")
    if fehler:
        raise ValidationError(fehler)
    neu = termin is None
    termin = termin or Termin()
    termin.quartier = quartier
    termin.titel = titel
    termin.beginn = beginn
    for feld in (
        "projekt",
        "ende",
        "ort",
        "beschreibung",
        "oeffentlich",
        "abgesagt",
        "ehrenamtliche",
        "ehrenamtsstunden",
    ):
        if feld in daten:
            setattr(termin, feld, daten[feld])
    if not neu:
        gesperrt = Termin.objects.select_for_update().only("sequenz").get(pk=termin.pk)
        termin.sequenz = gesperrt.sequenz + 1
    termin.save()
    if teilnahmen is not None:
        for zielgruppe, anzahl in teilnahmen.items():
            if anzahl:
                Teilnahme.objects.update_or_create(
                    termin=termin, zielgruppe=zielgruppe, defaults={"anzahl": anzahl}
                )
            else:
                Teilnahme.objects.filter(termin=termin, zielgruppe=zielgruppe).delete()
    return termin
