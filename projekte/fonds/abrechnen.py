"""The proof of use (Verwendungsnachweis) and the settlement (Schlussabrechnung) made when the
QM checks it: the eligible costs fix the final grant, the difference to what was paid becomes a
final payout (still to book) or a claim back with a due date (booked at once), and what was
granted but not needed returns to the fund at once."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quartiersmanagement.templatetags.qm import euro

from ..geld import betrag_pruefen
from .ablauf import aktion_verlangen, datum_pruefen, gesperrt
from .abrechnung import Beleg, Verwendungsnachweis
from .buchen import buchen, status_nach_saldo
from .journal import Buchung
from .models import Fondsantrag

A = Buchung.Art


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
    _fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "nachweis")
    eingereicht_am = datum_pruefen(eingereicht_am, "eingereicht_am")
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
    *,
    antrag: Fondsantrag,
    von,
    anerkannte_kosten=None,
    rueckforderung_faellig_am=None,
    vermerk: str = "",
    datum=None,
) -> Verwendungsnachweis:
    """Check the proof of use and settle the grant (Schlussabrechnung).

    Final grant = min(granted, eligible costs; by default the actual costs). Paid less: the
    rest is still to pay out (state abgerechnet). Paid more: the difference is claimed back,
    due on `rueckforderung_faellig_am` (state abgerechnet until it is repaid). The application
    is closed (abgeschlossen) only at balance zero."""
    fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "nachweis_pruefen")
    nachweis = antrag.verwendungsnachweis
    datum = datum_pruefen(datum, "datum")
    if anerkannte_kosten in (None, ""):
        anerkannt = nachweis.tatsaechliche_kosten
    else:
        anerkannt = betrag_pruefen(anerkannte_kosten, "anerkannte_kosten")
    if anerkannt > nachweis.tatsaechliche_kosten:
        raise ValidationError(
            {
                "anerkannte_kosten": _(
                    "Förderfähig sind höchstens die tatsächlichen Kosten (%(kosten)s)."
                )
                % {"kosten": euro(nachweis.tatsaechliche_kosten)}
            }
        )
    endgueltig = min(antrag.betrag_bewilligt, anerkannt)
    zu_viel = antrag.ausgezahlt_summe - antrag.zurueckgefordert_summe - endgueltig
    if zu_viel > 0:
        if rueckforderung_faellig_am is None:
            raise ValidationError(
                {
                    "rueckforderung_faellig_am": _(
                        "Ausgezahlt wurde mehr als die endgültige Förderung: Bitte eine Frist "
                        "für die Rückforderung von %(betrag)s angeben."
                    )
                    % {"betrag": euro(zu_viel)}
                }
            )
        if rueckforderung_faellig_am <= datum:
            raise ValidationError(
                {"rueckforderung_faellig_am": _("Die Frist muss nach der Prüfung liegen.")}
            )
        # The claim first: paid stays within grant plus claims at every step.
        buchen(
            fonds=fonds,
            antrag=antrag,
            art=A.RUECKFORDERUNG,
            betrag=zu_viel,
            datum=datum,
            faellig_am=rueckforderung_faellig_am,
            vermerk=antrag.referenz,
            erlaeuterung=_("Schlussabrechnung: zu viel ausgezahlt"),
            gebucht_von=von,
        )
    if endgueltig != antrag.betrag_bewilligt:
        buchen(
            fonds=fonds,
            antrag=antrag,
            art=A.AENDERUNG,
            betrag=endgueltig - antrag.betrag_bewilligt,
            datum=datum,
            vermerk=antrag.referenz,
            erlaeuterung=_("Schlussabrechnung: förderfähige Kosten %(kosten)s")
            % {"kosten": euro(anerkannt)},
            gebucht_von=von,
        )
    nachweis.geprueft_von = von
    nachweis.geprueft_am = datum
    nachweis.pruefvermerk = vermerk
    nachweis.anerkannte_kosten = anerkannt
    nachweis.foerderung_endgueltig = endgueltig
    nachweis.save()
    antrag.status = Fondsantrag.Status.ABGERECHNET
    status_nach_saldo(antrag)
    antrag.save(update_fields=["status", "geaendert"])
    return nachweis
