"""Writes of the projekte app: projects and their lifecycle, events, and the fund's workflow.

Every money write of the fund locks the fund row first (`select_for_update`), then the
application, and only then checks the sums; the database's CHECK constraints hold the same
invariants once more. Errors are German `ValidationError`s keyed by the form field they concern.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from akteure import services as akteure_services
from akteure.models import Kalenderzugang
from akteure.selectors import waehlbare_akteure
from quartiersmanagement.mail import send_mail
from quartiersmanagement.templatetags.qm import euro
from quartiersmanagement.versioning import save_with_version

from . import gremium
from .models import (
    Auszahlung,
    Beleg,
    Budgetposten,
    Fondsantrag,
    Projekt,
    Projektpartner,
    Stadtteilfonds,
    Statusaenderung,
    Teilnahme,
    Termin,
    Verwendungsnachweis,
)

CENT = Decimal("0.01")
HOECHSTBETRAG = Decimal("9999999999.99")


def betrag_pruefen(wert, feld: str, *, groesser_null: bool = False) -> Decimal:
    """A money amount as Decimal with two places; German error at `feld` otherwise."""
    if wert is None or wert == "":
        raise ValidationError({feld: _("Bitte einen Betrag angeben.")})
    try:
        betrag = Decimal(str(wert))
    except InvalidOperation:
        raise ValidationError({feld: _("Bitte einen Betrag wie 120,50 angeben.")}) from None
    if not betrag.is_finite():
        raise ValidationError({feld: _("Bitte einen Betrag wie 120,50 angeben.")})
    if betrag != betrag.quantize(CENT):
        raise ValidationError({feld: _("Beträge haben höchstens zwei Stellen nach dem Komma.")})
    if betrag < 0:
        raise ValidationError({feld: _("Der Betrag darf nicht negativ sein.")})
    if groesser_null and betrag == 0:
        raise ValidationError({feld: _("Der Betrag muss größer als 0 sein.")})
    if betrag > HOECHSTBETRAG:
        raise ValidationError({feld: _("Der Betrag ist zu groß.")})
    return betrag.quantize(CENT)


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
    basis = slugify(titel)[:100] or "projekt"
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


def _akteur_fehler(akteur, *, von) -> str | None:
    """A chosen actor must be one the user may pick (`akteure.selectors.waehlbare_akteure`):
    a forged id must not put another quartier's non-public actor on a project or a letter."""
    if waehlbare_akteure(von).filter(pk=akteur.pk).exists():
        return None
    return str(AKTEUR_NICHT_WAEHLBAR)


@transaction.atomic
def partner_hinzufuegen(*, projekt: Projekt, akteur, rolle: str, von) -> Projektpartner:
    """Add an actor as project partner (once per project)."""
    if fehler := _akteur_fehler(akteur, von=von):
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


def kalenderzugang_fuer(benutzer) -> Kalenderzugang:
    """The user's feed token, shared with the meeting feeds of akteure (one token per user)."""
    try:
        return benutzer.kalenderzugang
    except Kalenderzugang.DoesNotExist:
        return akteure_services.kalenderzugang_erneuern(benutzer=benutzer)


# --------------------------------------------------------------------------------------------
# Stadtteilfonds


def _gesperrt(antrag: Fondsantrag) -> tuple[Stadtteilfonds, Fondsantrag]:
    """Lock the fund row, then the application (always in this order: no deadlocks)."""
    fonds = Stadtteilfonds.objects.select_for_update().get(pk=antrag.fonds_id)
    antrag = Fondsantrag.objects.select_for_update().get(pk=antrag.pk)
    antrag.fonds = fonds
    return fonds, antrag


def _status_verlangen(antrag: Fondsantrag, *erlaubt) -> None:
    if antrag.status not in erlaubt:
        raise ValidationError(
            _("Im Status „%(status)s“ ist das nicht möglich.")
            % {"status": antrag.get_status_display()}
        )


def _datum_pruefen(datum, feld: str) -> datetime.date:
    datum = datum or timezone.localdate()
    if datum > timezone.localdate():
        raise ValidationError({feld: _("Das Datum darf nicht in der Zukunft liegen.")})
    return datum


@transaction.atomic
def antrag_anlegen(
    *,
    fonds: Stadtteilfonds,
    von,
    titel: str,
    zweck: str,
    kostenplan: str,
    betrag_beantragt,
    eingegangen_am: datetime.date | None = None,
    akteur=None,
    antragsteller_name: str = "",
    antragsteller_email: str = "",
    antragsteller_telefon: str = "",
    antragsteller_anschrift: str = "",
    einwilligung: bool = False,
) -> Fondsantrag:
    """Enter a paper or e-mail application; a private applicant needs contact data and consent."""
    betrag = betrag_pruefen(betrag_beantragt, "betrag_beantragt", groesser_null=True)
    fehler = {}
    if fonds.max_je_antrag is not None and betrag > fonds.max_je_antrag:
        fehler["betrag_beantragt"] = _("Je Antrag sind höchstens %(max)s möglich.") % {
            "max": euro(fonds.max_je_antrag)
        }
    if akteur is not None and (nicht_waehlbar := _akteur_fehler(akteur, von=von)):
        fehler["akteur"] = nicht_waehlbar
    if akteur is None:
        if not antragsteller_name.strip():
            fehler["antragsteller_name"] = _(
                "Bitte einen Akteur wählen oder Name und Kontakt der Privatperson angeben."
            )
        if not (antragsteller_email.strip() or antragsteller_telefon.strip()):
            fehler["antragsteller_email"] = _(
                "Bitte eine E-Mail-Adresse oder Telefonnummer angeben."
            )
        if not einwilligung:
            fehler["einwilligung"] = _(
                "Ohne Einwilligung dürfen die Daten einer Privatperson nicht gespeichert werden."
            )
    eingegangen_am = eingegangen_am or timezone.localdate()
    if eingegangen_am > timezone.localdate():
        fehler["eingegangen_am"] = _("Das Datum darf nicht in der Zukunft liegen.")
    if fehler:
        raise ValidationError(fehler)
    antrag = Fondsantrag(
        fonds=fonds,
        titel=titel,
        zweck=zweck,
        kostenplan=kostenplan,
        betrag_beantragt=betrag,
        eingegangen_am=eingegangen_am,
        antragsteller_name=antragsteller_name,
        antragsteller_email=antragsteller_email,
        antragsteller_telefon=antragsteller_telefon,
        antragsteller_anschrift=antragsteller_anschrift,
        einwilligung=einwilligung,
    )
    if akteur is not None:
        antrag.akteur = akteur
    antrag.save()
    return antrag


@transaction.atomic
def antrag_pruefen(*, antrag: Fondsantrag, von, vermerk: str = "", datum=None) -> Fondsantrag:
    """Mark an application as formally checked: it can now be decided."""
    _fonds, antrag = _gesperrt(antrag)
    _status_verlangen(antrag, Fondsantrag.Status.EINGEREICHT)
    antrag.status = Fondsantrag.Status.GEPRUEFT
    antrag.geprueft_von = von
    antrag.geprueft_am = _datum_pruefen(datum, "datum")
    antrag.pruefvermerk = vermerk
    antrag.save()
    return antrag


def _gremium_pruefen(antrag, *, sitzung, ja, nein, enthaltung, befangen) -> dict | None:
    return gremium.entscheidung_pruefen(
        antrag,
        sitzung=sitzung,
        ja=ja,
        nein=nein,
        enthaltung=enthaltung,
        befangen=befangen,
    )


def _entscheidung_speichern(antrag, *, von, datum, begruendung, sitzung, stimmen) -> None:
    antrag.entschieden_von = von
    antrag.entschieden_am = datum
    antrag.begruendung = begruendung
    gremium.entscheidung_speichern(antrag, sitzung=sitzung, stimmen=stimmen)


@transaction.atomic
def antrag_bewilligen(
    *,
    antrag: Fondsantrag,
    von,
    betrag,
    datum=None,
    begruendung: str = "",
    nachweis_faellig_am: datetime.date | None = None,
    sitzung=None,
    ja=(),
    nein=(),
    enthaltung=(),
    befangen=(),
) -> Fondsantrag:
    """Grant all or part of the amount requested, within the fund's remaining budget."""
    betrag = betrag_pruefen(betrag, "betrag_bewilligt", groesser_null=True)
    fonds, antrag = _gesperrt(antrag)
    _status_verlangen(antrag, Fondsantrag.Status.GEPRUEFT)
    datum = _datum_pruefen(datum, "entschieden_am")
    if betrag > antrag.betrag_beantragt:
        raise ValidationError(
            {
                "betrag_bewilligt": _(
                    "Es können höchstens die beantragten %(betrag)s bewilligt werden."
                )
                % {"betrag": euro(antrag.betrag_beantragt)}
            }
        )
    if fonds.max_je_antrag is not None and betrag > fonds.max_je_antrag:
        raise ValidationError(
            {
                "betrag_bewilligt": _("Je Antrag sind höchstens %(max)s möglich.")
                % {"max": euro(fonds.max_je_antrag)}
            }
        )
    stimmen = _gremium_pruefen(
        antrag,
        sitzung=sitzung,
        ja=ja,
        nein=nein,
        enthaltung=enthaltung,
        befangen=befangen,
    )
    if stimmen and len(stimmen["ja"]) <= len(stimmen["nein"]):
        raise ValidationError(
            {"ja": _("Ohne Mehrheit der Ja-Stimmen kann der Antrag nicht bewilligt werden.")}
        )
    if fonds.bewilligt_summe + betrag > fonds.budget:
        raise ValidationError(
            {
                "betrag_bewilligt": _(
                    "Der Fonds reicht dafür nicht: Es sind nur noch %(rest)s verfügbar."
                )
                % {"rest": euro(fonds.budget - fonds.bewilligt_summe)}
            }
        )
    if nachweis_faellig_am and nachweis_faellig_am < datum:
        raise ValidationError(
            {"nachweis_faellig_am": _("Die Frist für den Nachweis liegt vor der Entscheidung.")}
        )
    fonds.bewilligt_summe += betrag  # the row is locked
    fonds.save(update_fields=["bewilligt_summe", "geaendert"])
    antrag.status = Fondsantrag.Status.BEWILLIGT
    antrag.betrag_bewilligt = betrag
    antrag.nachweis_faellig_am = nachweis_faellig_am or _plus_monate(datum, 3)
    _entscheidung_speichern(
        antrag, von=von, datum=datum, begruendung=begruendung, sitzung=sitzung, stimmen=stimmen
    )
    return antrag


def _plus_monate(datum: datetime.date, monate: int) -> datetime.date:
    jahr, monat = divmod(datum.month - 1 + monate, 12)
    jahr, monat = datum.year + jahr, monat + 1
    for tag in (datum.day, 30, 29, 28):
        try:
            return datetime.date(jahr, monat, tag)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@transaction.atomic
def antrag_ablehnen(
    *,
    antrag: Fondsantrag,
    von,
    begruendung: str,
    datum=None,
    sitzung=None,
    ja=(),
    nein=(),
    enthaltung=(),
    befangen=(),
) -> Fondsantrag:
    """Refuse an application, with reasons; above the threshold only by the Gremium."""
    _fonds, antrag = _gesperrt(antrag)
    _status_verlangen(antrag, Fondsantrag.Status.EINGEREICHT, Fondsantrag.Status.GEPRUEFT)
    datum = _datum_pruefen(datum, "entschieden_am")
    if not begruendung.strip():
        raise ValidationError({"begruendung": _("Bitte die Ablehnung begründen.")})
    stimmen = _gremium_pruefen(
        antrag,
        sitzung=sitzung,
        ja=ja,
        nein=nein,
        enthaltung=enthaltung,
        befangen=befangen,
    )
    if stimmen and len(stimmen["ja"]) > len(stimmen["nein"]):
        raise ValidationError(
            {"ja": _("Das Gremium hat mehrheitlich zugestimmt; so ist keine Ablehnung möglich.")}
        )
    antrag.status = Fondsantrag.Status.ABGELEHNT
    _entscheidung_speichern(
        antrag, von=von, datum=datum, begruendung=begruendung, sitzung=sitzung, stimmen=stimmen
    )
    return antrag


@transaction.atomic
def auszahlung_buchen(
    *, antrag: Fondsantrag, von, betrag, datum=None, vermerk: str = ""
) -> Auszahlung:
    """Pay out (part of) a grant; the paid total never exceeds the amount granted."""
    betrag = betrag_pruefen(betrag, "betrag", groesser_null=True)
    _fonds, antrag = _gesperrt(antrag)
    _status_verlangen(antrag, Fondsantrag.Status.BEWILLIGT, Fondsantrag.Status.AUSGEZAHLT)
    datum = _datum_pruefen(datum, "datum")
    if antrag.ausgezahlt_summe + betrag > antrag.betrag_bewilligt:
        raise ValidationError(
            {
                "betrag": _("Das ist mehr als bewilligt: Auszuzahlen sind höchstens noch %(rest)s.")
                % {"rest": euro(antrag.betrag_bewilligt - antrag.ausgezahlt_summe)}
            }
        )
    if antrag.entschieden_am and datum < antrag.entschieden_am:
        raise ValidationError({"datum": _("Die Auszahlung liegt vor der Bewilligung.")})
    auszahlung = Auszahlung.objects.create(
        antrag=antrag, betrag=betrag, datum=datum, vermerk=vermerk, gebucht_von=von
    )
    antrag.ausgezahlt_summe += betrag  # the row is locked
    antrag.status = Fondsantrag.Status.AUSGEZAHLT
    antrag.save(update_fields=["ausgezahlt_summe", "status", "geaendert"])
    return auszahlung


@transaction.atomic
def nachweis_einreichen(
    *,
    antrag: Fondsantrag,
    von,
    tatsaechliche_kosten,
    bericht: str = "",
    eingereicht_am=None,
    dateien=(),
) -> Verwendungsnachweis:
    """Record the proof of use with its receipts (files are checked by content and size)."""
    kosten = betrag_pruefen(tatsaechliche_kosten, "tatsaechliche_kosten")
    _fonds, antrag = _gesperrt(antrag)
    _status_verlangen(antrag, Fondsantrag.Status.AUSGEZAHLT)
    eingereicht_am = _datum_pruefen(eingereicht_am, "eingereicht_am")
    nachweis = Verwendungsnachweis.objects.create(
        antrag=antrag, tatsaechliche_kosten=kosten, bericht=bericht, eingereicht_am=eingereicht_am
    )
    for datei in dateien:
        beleg = Beleg(nachweis=nachweis, datei=datei, dateiname=datei.name[:255])
        try:
            beleg.full_clean(exclude=["nachweis"])
        except ValidationError as e:
            raise ValidationError({"belege": e.messages}) from None
        beleg.save()
    antrag.status = Fondsantrag.Status.NACHWEIS_EINGEREICHT
    antrag.save(update_fields=["status", "geaendert"])
    return nachweis


@transaction.atomic
def nachweis_pruefen(
    *, antrag: Fondsantrag, von, vermerk: str = "", datum=None
) -> Verwendungsnachweis:
    """Accept the proof of use: checked by whom and when; the application is closed."""
    _fonds, antrag = _gesperrt(antrag)
    _status_verlangen(antrag, Fondsantrag.Status.NACHWEIS_EINGEREICHT)
    nachweis = antrag.verwendungsnachweis
    nachweis.geprueft_von = von
    nachweis.geprueft_am = _datum_pruefen(datum, "datum")
    nachweis.pruefvermerk = vermerk
    nachweis.save()
    antrag.status = Fondsantrag.Status.ABGESCHLOSSEN
    antrag.save(update_fields=["status", "geaendert"])
    return nachweis


def nachweise_erinnern(*, stichtag: datetime.date | None = None) -> int:
    """Remind applicants of overdue proofs of use, at most once a day per application.

    The reminder goes to the applicant's e-mail and the quartier's office address.
    Returns how many reminders were sent.
    """
    from . import selectors

    stichtag = stichtag or timezone.localdate()
    gesendet = 0
    for antrag in selectors.ueberfaellige_nachweise(stichtag=stichtag).exclude(
        zuletzt_erinnert_am=stichtag
    ):
        empfaenger = [
            a
            for a in (antrag.antragsteller_kontakt_email, antrag.fonds.quartier.kontakt_email)
            if a
        ]
        with transaction.atomic():
            gesperrt = (
                Fondsantrag.objects.select_for_update()
                .filter(pk=antrag.pk)
                .exclude(zuletzt_erinnert_am=stichtag)
                .first()
            )
            if gesperrt is None:
                continue
            gesperrt.zuletzt_erinnert_am = stichtag
            gesperrt.erinnerungen += 1
            gesperrt.save(update_fields=["zuletzt_erinnert_am", "erinnerungen", "geaendert"])
            if empfaenger:
                send_mail(
                    template="projekte_nachweis_erinnerung",
                    to=empfaenger,
                    context={"antrag": antrag, "stichtag": stichtag},
                )
            gesendet += 1
    return gesendet


AUFBEWAHRUNG_JAHRE = 10
ANTRAGSTELLER_LEER = {
    "antragsteller_name": "(anonymisiert)",
    "antragsteller_email": "",
    "antragsteller_telefon": "",
    "antragsteller_anschrift": "",
}


@transaction.atomic
def antragsteller_anonymisieren(stichtag: datetime.date, anwenden: bool) -> list[str]:
    """Art. 17 after the retention period: blank the applicant's contact data (row and
    history) of finished applications received more than AUFBEWAHRUNG_JAHRE years ago;
    amounts and purposes stay for the fund's accounts. Registered with dsgvo_bereinigen."""
    # Day capped at 28 so that 29 February has a date ten years earlier.
    grenze = datetime.date(
        stichtag.year - AUFBEWAHRUNG_JAHRE, stichtag.month, min(stichtag.day, 28)
    )
    faellig = (
        Fondsantrag.objects.filter(
            eingegangen_am__lt=grenze,
            status__in=[Fondsantrag.Status.ABGELEHNT, Fondsantrag.Status.ABGESCHLOSSEN],
        )
        .exclude(antragsteller_name=ANTRAGSTELLER_LEER["antragsteller_name"])
        .exclude(antragsteller_name="", antragsteller_email="")
        .order_by("pk")
    )
    zeilen = []
    for antrag in faellig:
        zeilen.append(f"Fondsantrag #{antrag.pk}: eingegangen am {antrag.eingegangen_am:%d.%m.%Y}")
        if anwenden:
            Fondsantrag.objects.filter(pk=antrag.pk).update(**ANTRAGSTELLER_LEER)
            Fondsantrag.history.filter(id=antrag.pk).update(**ANTRAGSTELLER_LEER)
    return zeilen
