"""The life of a fund application up to its decision, reminders of overdue proofs of use,
and the anonymisation of applicants after the retention period. Money moves in `buchen`."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from akteure.gremien.beschluesse import beschluss_fassen
from akteure.models import Beschluss
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


def _nur_qm(antrag: Fondsantrag) -> None:
    """Above the threshold the QM cannot decide alone (see `antrag_durch_gremium_entscheiden`)."""
    if gremium.braucht_gremium(antrag):
        raise ValidationError(
            _("Über %(schwelle)s entscheidet das Gremium in einer Sitzung.")
            % {"schwelle": euro(antrag.fonds.schwelle_qm)}
        )


def _betrag_pruefen(fonds: Stadtteilfonds, antrag: Fondsantrag, betrag: Decimal) -> None:
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
    verfuegbar_pruefen(fonds, betrag, "betrag_bewilligt")


def _frist_pruefen(nachweis_faellig_am, datum) -> None:
    if nachweis_faellig_am and nachweis_faellig_am < datum:
        raise ValidationError(
            {"nachweis_faellig_am": _("Die Frist für den Nachweis liegt vor der Entscheidung.")}
        )


def _entscheiden(antrag, *, status, von, datum, begruendung) -> None:
    antrag.status = status
    antrag.entschieden_von = von
    antrag.entschieden_am = datum
    antrag.begruendung = begruendung
    antrag.save()


def _bewilligung_buchen(
    fonds, antrag, *, von, betrag, datum, begruendung, nachweis_faellig_am
) -> None:
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
    antrag.nachweis_faellig_am = nachweis_faellig_am or _plus_monate(datum, 3)
    _entscheiden(
        antrag, status=Fondsantrag.Status.BEWILLIGT, von=von, datum=datum, begruendung=begruendung
    )


def _begruendung_verlangen(begruendung: str) -> None:
    if not begruendung.strip():
        raise ValidationError({"begruendung": _("Bitte die Ablehnung begründen.")})


@transaction.atomic
def antrag_bewilligen(
    *,
    antrag: Fondsantrag,
    von,
    betrag,
    datum=None,
    begruendung: str = "",
    nachweis_faellig_am: datetime.date | None = None,
) -> Fondsantrag:
    """The QM grants all or part of the amount requested (up to the fund's threshold), within
    the fund's remaining budget."""
    betrag = betrag_pruefen(betrag, "betrag_bewilligt", groesser_null=True)
    fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "bewilligen")
    _nur_qm(antrag)
    datum = datum_pruefen(datum, "entschieden_am")
    _betrag_pruefen(fonds, antrag, betrag)
    _frist_pruefen(nachweis_faellig_am, datum)
    _bewilligung_buchen(
        fonds,
        antrag,
        von=von,
        betrag=betrag,
        datum=datum,
        begruendung=begruendung,
        nachweis_faellig_am=nachweis_faellig_am,
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
def antrag_ablehnen(*, antrag: Fondsantrag, von, begruendung: str, datum=None) -> Fondsantrag:
    """The QM refuses an application (up to the fund's threshold), with reasons."""
    _fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "ablehnen")
    _nur_qm(antrag)
    datum = datum_pruefen(datum, "entschieden_am")
    _begruendung_verlangen(begruendung)
    _entscheiden(
        antrag, status=Fondsantrag.Status.ABGELEHNT, von=von, datum=datum, begruendung=begruendung
    )
    return antrag


@transaction.atomic
def antrag_durch_gremium_entscheiden(
    *,
    antrag: Fondsantrag,
    von,
    sitzung,
    betrag,
    begruendung: str = "",
    nachweis_faellig_am: datetime.date | None = None,
    **abstimmung,
) -> Fondsantrag:
    """The Gremium votes on granting `betrag`: the vote becomes a Beschluss of `sitzung`
    (`abstimmung`: tagesordnungspunkt and per-member `stimmen` or typed totals, as for
    `beschluss_fassen`; the applicant's memberships are always biased). Carried, the grant is
    booked; not carried, the application is refused (with reasons). Without quorum nothing is
    saved: the application stays open for another meeting."""
    betrag = betrag_pruefen(betrag, "betrag_bewilligt", groesser_null=True)
    fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "bewilligen")
    if not gremium.braucht_gremium(antrag):
        raise ValidationError(_("Über diesen Antrag entscheidet das Quartiersmanagement."))
    gremium.sitzung_pruefen(antrag, sitzung)
    _betrag_pruefen(fonds, antrag, betrag)
    _frist_pruefen(nachweis_faellig_am, sitzung.datum)
    befangen = {*abstimmung.pop("befangen", ()), *gremium.befangen(antrag, sitzung)}
    beschluss = beschluss_fassen(
        sitzung=sitzung,
        text=gremium.beschlusstext(antrag, betrag),
        benutzer=von,
        befangen=befangen,
        **abstimmung,
    )
    antrag.beschluss = beschluss
    if beschluss.ergebnis == Beschluss.Ergebnis.ANGENOMMEN:
        _bewilligung_buchen(
            fonds,
            antrag,
            von=von,
            betrag=betrag,
            datum=sitzung.datum,
            begruendung=begruendung,
            nachweis_faellig_am=nachweis_faellig_am,
        )
    elif beschluss.ergebnis == Beschluss.Ergebnis.ABGELEHNT:
        _begruendung_verlangen(begruendung)
        _entscheiden(
            antrag,
            status=Fondsantrag.Status.ABGELEHNT,
            von=von,
            datum=sitzung.datum,
            begruendung=begruendung,
        )
    else:
        raise ValidationError(
            {
                "stimmen": _(
                    "Das Gremium war nicht beschlussfähig; der Antrag bleibt offen für eine "
                    "andere Sitzung."
                )
            }
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
