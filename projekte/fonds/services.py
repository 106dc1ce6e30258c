"""The life of a fund application up to its decision, reminders of overdue proofs of use,
and the anonymisation of applicants after the retention period. Money moves in `buchen`."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quartiersmanagement.mail import send_mail
from quartiersmanagement.templatetags.qm import euro

from ..geld import betrag_pruefen
from ..services import akteur_fehler
from . import gremium
from .ablauf import aktion_verlangen, datum_pruefen, gesperrt
from .buchen import buchen, verfuegbar_pruefen
from .journal import Buchung
from .models import Fondsantrag, Stadtteilfonds

#: What may change on a fund (its sums come from the journal; quartier and year stay).
FONDS_FELDER = (
    "budget",
    "programm",
    "quelle",
    "entscheidendes_gremium",
    "max_je_antrag",
    "schwelle_qm",
    "restmittel",
)


def budget_pruefen(fonds: Stadtteilfonds, budget) -> Decimal:
    """A fund's new budget: never below what is granted from it."""
    budget = betrag_pruefen(budget, "budget")
    if budget + fonds.vortrag_summe - fonds.abgang_summe < fonds.bewilligt_summe:
        raise ValidationError(
            {
                "budget": _(
                    "Es sind schon %(bewilligt)s bewilligt; so klein kann das Budget nicht werden."
                )
                % {"bewilligt": euro(fonds.bewilligt_summe)}
            }
        )
    return budget


@transaction.atomic
def fonds_aendern(*, fonds: Stadtteilfonds, von, **felder) -> Stadtteilfonds:
    """Change a fund's settings under its row lock; the budget never drops below what is
    granted. Only the named fields are written, so a stale instance cannot undo a grant."""
    unbekannt = set(felder) - set(FONDS_FELDER)
    if unbekannt:
        raise TypeError(f"unknown fields {sorted(unbekannt)}")
    gesperrt_ = Stadtteilfonds.objects.select_for_update().get(pk=fonds.pk)
    if "budget" in felder:
        felder["budget"] = budget_pruefen(gesperrt_, felder["budget"])
    for feld, wert in felder.items():
        setattr(gesperrt_, feld, wert)
    gesperrt_.save(update_fields=[*felder, "geaendert"])
    return gesperrt_


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
    antragsteller_organisation: str = "",
    antragsteller_anrede: str = "",
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
    if akteur is not None and (nicht_waehlbar := akteur_fehler(akteur, von=von)):
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
        antragsteller_organisation=antragsteller_organisation.strip(),
        antragsteller_anrede=antragsteller_anrede,
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
    _fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "pruefen")
    antrag.status = Fondsantrag.Status.GEPRUEFT
    antrag.geprueft_von = von
    antrag.geprueft_am = datum_pruefen(datum, "datum")
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
    fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "bewilligen")
    datum = datum_pruefen(datum, "entschieden_am")
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
    verfuegbar_pruefen(fonds, betrag, "betrag_bewilligt")
    if nachweis_faellig_am and nachweis_faellig_am < datum:
        raise ValidationError(
            {"nachweis_faellig_am": _("Die Frist für den Nachweis liegt vor der Entscheidung.")}
        )
    buchen(
        fonds=fonds,
        antrag=antrag,
        art=Buchung.Art.BEWILLIGUNG,
        betrag=betrag,
        datum=datum,
        vermerk=antrag.referenz,
        erlaeuterung=begruendung[:500],
        gebucht_von=von,
    )
    antrag.status = Fondsantrag.Status.BEWILLIGT
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
    _fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "ablehnen")
    datum = datum_pruefen(datum, "entschieden_am")
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
    "antragsteller_anrede": "",
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
