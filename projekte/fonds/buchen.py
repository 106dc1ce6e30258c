"""The money of the fund, booked in its journal: grant changes, payouts, repayments, reversals
and the year end. Every service locks the fund row, then the application (`ablauf.gesperrt`),
checks the sums and books; the database adds the booking to the sums and checks them once more.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quartiersmanagement.templatetags.qm import euro

from ..geld import betrag_pruefen
from .ablauf import aktion_verlangen, datum_pruefen, gesperrt
from .journal import Buchung
from .models import Fondsantrag, Stadtteilfonds

S = Fondsantrag.Status
A = Buchung.Art
FONDSSUMMEN = ["bewilligt_summe", "vortrag_summe", "abgang_summe"]
ANTRAGSSUMMEN = [
    "betrag_bewilligt",
    "ausgezahlt_summe",
    "zurueckgefordert_summe",
    "zurueckgezahlt_summe",
]


def buchen(*, fonds: Stadtteilfonds, antrag: Fondsantrag | None = None, **felder) -> Buchung:
    """Append one booking (the caller holds the row locks) and read back the sums the database
    added it to, so the caller's instances stay current and a later save writes no stale sum."""
    buchung = Buchung.objects.create(fonds=fonds, antrag=antrag, **felder)
    fonds.refresh_from_db(fields=FONDSSUMMEN)
    if antrag is not None:
        antrag.refresh_from_db(fields=ANTRAGSSUMMEN)
    return buchung


def status_nach_saldo(antrag: Fondsantrag) -> None:
    """Move a paid or settled application to the state its money says (not saved)."""
    if antrag.status in (S.BEWILLIGT, S.AUSGEZAHLT):
        antrag.status = S.AUSGEZAHLT if antrag.ausgezahlt_summe > 0 else S.BEWILLIGT
    elif antrag.status in (S.ABGERECHNET, S.ABGESCHLOSSEN):
        antrag.status = S.ABGESCHLOSSEN if antrag.saldo_null else S.ABGERECHNET


def verfuegbar_pruefen(fonds: Stadtteilfonds, mehr: Decimal, feld: str) -> None:
    if mehr > fonds.verfuegbar:
        raise ValidationError(
            {
                feld: _("Der Fonds reicht dafür nicht: Es sind nur noch %(rest)s verfügbar.")
                % {"rest": euro(fonds.verfuegbar)}
            }
        )


@transaction.atomic
def bewilligung_aendern(
    *, antrag: Fondsantrag, von, betrag, begruendung: str, datum=None, vermerk: str = ""
) -> Buchung:
    """Change the amount granted before the settlement (a cut, or more within the fund's
    means); never below what is already paid out."""
    neu = betrag_pruefen(betrag, "betrag", groesser_null=True)
    fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "bewilligung_aendern")
    datum = datum_pruefen(datum, "datum")
    if not begruendung.strip():
        raise ValidationError({"begruendung": _("Bitte die Änderung begründen.")})
    differenz = neu - antrag.betrag_bewilligt
    if differenz == 0:
        raise ValidationError({"betrag": _("Das ist der bisher bewilligte Betrag.")})
    if neu > antrag.betrag_beantragt:
        raise ValidationError(
            {
                "betrag": _("Es können höchstens die beantragten %(betrag)s bewilligt werden.")
                % {"betrag": euro(antrag.betrag_beantragt)}
            }
        )
    if neu < antrag.ausgezahlt_summe:
        raise ValidationError(
            {
                "betrag": _(
                    "Es sind schon %(gezahlt)s ausgezahlt; weniger geht erst mit der "
                    "Schlussabrechnung."
                )
                % {"gezahlt": euro(antrag.ausgezahlt_summe)}
            }
        )
    verfuegbar_pruefen(fonds, differenz, "betrag")
    return buchen(
        fonds=fonds,
        antrag=antrag,
        art=A.AENDERUNG,
        betrag=differenz,
        datum=datum,
        vermerk=vermerk,
        erlaeuterung=begruendung,
        gebucht_von=von,
    )


@transaction.atomic
def auszahlung_buchen(
    *, antrag: Fondsantrag, von, betrag, datum=None, vermerk: str = ""
) -> Buchung:
    """Pay out (part of) a grant, or after the settlement the rest of the final grant; the paid
    total never exceeds the amount granted."""
    betrag = betrag_pruefen(betrag, "betrag", groesser_null=True)
    fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "auszahlung")
    datum = datum_pruefen(datum, "datum")
    if betrag > antrag.offen_auszuzahlen:
        raise ValidationError(
            {
                "betrag": _("Das ist mehr als bewilligt: Auszuzahlen sind höchstens noch %(rest)s.")
                % {"rest": euro(antrag.offen_auszuzahlen)}
            }
        )
    if antrag.entschieden_am and datum < antrag.entschieden_am:
        raise ValidationError({"datum": _("Die Auszahlung liegt vor der Bewilligung.")})
    buchung = buchen(
        fonds=fonds,
        antrag=antrag,
        art=A.AUSZAHLUNG,
        betrag=betrag,
        datum=datum,
        vermerk=vermerk,
        gebucht_von=von,
    )
    status_nach_saldo(antrag)
    antrag.save(update_fields=["status", "geaendert"])
    return buchung


@transaction.atomic
def rueckzahlung_buchen(
    *, antrag: Fondsantrag, von, betrag, datum=None, vermerk: str = ""
) -> Buchung:
    """Book money the applicant paid back on a claim; the application closes at balance zero."""
    betrag = betrag_pruefen(betrag, "betrag", groesser_null=True)
    fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "rueckzahlung")
    datum = datum_pruefen(datum, "datum")
    if betrag > antrag.offen_zurueckzuzahlen:
        raise ValidationError(
            {
                "betrag": _("Zurückgefordert sind nur noch %(rest)s.")
                % {"rest": euro(antrag.offen_zurueckzuzahlen)}
            }
        )
    buchung = buchen(
        fonds=fonds,
        antrag=antrag,
        art=A.RUECKZAHLUNG,
        betrag=betrag,
        datum=datum,
        vermerk=vermerk,
        gebucht_von=von,
    )
    status_nach_saldo(antrag)
    antrag.save(update_fields=["status", "geaendert"])
    return buchung


#: Kinds a Storno may reverse: the cash bookings, where a wrong amount or a wrong application
#: is a typing error. Grants change by `bewilligung_aendern` or the settlement.
STORNIERBAR = (A.AUSZAHLUNG, A.RUECKZAHLUNG)


@transaction.atomic
def buchung_stornieren(*, buchung: Buchung, von, grund: str, datum=None) -> Buchung:
    """Reverse a wrong payout or repayment: a booking of the negative amount that points to it."""
    if not grund.strip():
        raise ValidationError({"grund": _("Bitte den Grund des Stornos angeben.")})
    if buchung.art not in STORNIERBAR or buchung.storno_von_id:
        raise ValidationError(_("Nur Auszahlungen und Rückzahlungen können storniert werden."))
    fonds, antrag = gesperrt(buchung.antrag)
    if Buchung.objects.filter(storno_von=buchung).exists():
        raise ValidationError(_("Diese Buchung ist schon storniert."))
    datum = datum_pruefen(datum, "datum")
    if datum < buchung.datum:
        raise ValidationError({"datum": _("Das Storno liegt vor der Buchung.")})
    if buchung.art == A.AUSZAHLUNG and (
        antrag.ausgezahlt_summe - buchung.betrag < antrag.zurueckgefordert_summe
    ):
        raise ValidationError(
            _("Auf diese Auszahlung läuft eine Rückforderung; sie kann nicht storniert werden.")
        )
    storno = buchen(
        fonds=fonds,
        antrag=antrag,
        art=buchung.art,
        betrag=-buchung.betrag,
        datum=datum,
        vermerk=buchung.vermerk,
        erlaeuterung=grund,
        storno_von=buchung,
        gebucht_von=von,
    )
    status_nach_saldo(antrag)
    antrag.save(update_fields=["status", "geaendert"])
    return storno


@transaction.atomic
def fonds_jahresabschluss(
    *, fonds: Stadtteilfonds, von=None, datum: datetime.date | None = None
) -> list[Buchung]:
    """Book what is still available in a past year's fund by the fund's rule: it lapses, or it
    goes over to the next year's fund (which must exist). Run again after a later settlement
    returned money, it books that rest too; with nothing available it books nothing."""
    datum = datum or timezone.localdate()
    if datum.year <= fonds.jahr:
        raise ValidationError(
            _("Der Jahresabschluss für %(jahr)s ist erst ab dem 1. Januar %(folge)s möglich.")
            % {"jahr": fonds.jahr, "folge": fonds.jahr + 1}
        )
    fonds = Stadtteilfonds.objects.select_for_update().get(pk=fonds.pk)
    rest = fonds.verfuegbar
    if rest <= 0:
        return []
    if fonds.restmittel == Stadtteilfonds.Restmittel.VERFALLEN:
        return [
            buchen(
                fonds=fonds,
                art=A.VERFALL,
                betrag=rest,
                datum=datum,
                erlaeuterung=_("Nicht bewilligte Mittel verfallen am Jahresende."),
                gebucht_von=von,
            )
        ]
    folge = (
        Stadtteilfonds.objects.select_for_update()
        .filter(quartier_id=fonds.quartier_id, jahr=fonds.jahr + 1)
        .first()
    )
    if folge is None:
        raise ValidationError(
            _("Für %(jahr)s gibt es noch keinen Fonds, in den der Rest übertragen werden kann.")
            % {"jahr": fonds.jahr + 1}
        )
    vermerk = f"{fonds.quartier_id}/{fonds.jahr}→{folge.jahr}"
    return [
        buchen(
            fonds=fonds,
            art=A.UEBERTRAG,
            betrag=rest,
            datum=datum,
            vermerk=vermerk,
            erlaeuterung=_("Übertrag in den Fonds %(jahr)s") % {"jahr": folge.jahr},
            gebucht_von=von,
        ),
        buchen(
            fonds=folge,
            art=A.VORTRAG,
            betrag=rest,
            datum=datum,
            vermerk=vermerk,
            erlaeuterung=_("Übertrag aus dem Fonds %(jahr)s") % {"jahr": fonds.jahr},
            gebucht_von=von,
        ),
    ]
