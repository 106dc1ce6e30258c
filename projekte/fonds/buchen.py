"""The money of a fund application: payouts, the proof of use and its settlement."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quartiersmanagement.templatetags.qm import euro

from ..geld import betrag_pruefen
from .ablauf import aktion_verlangen, datum_pruefen, gesperrt
from .abrechnung import Beleg, Verwendungsnachweis
from .journal import Auszahlung
from .models import Fondsantrag


@transaction.atomic
def auszahlung_buchen(
    *, antrag: Fondsantrag, von, betrag, datum=None, vermerk: str = ""
) -> Auszahlung:
    """Pay out (part of) a grant; the paid total never exceeds the amount granted."""
    betrag = betrag_pruefen(betrag, "betrag", groesser_null=True)
    _fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "auszahlung")
    datum = datum_pruefen(datum, "datum")
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
    *, antrag: Fondsantrag, von, vermerk: str = "", datum=None
) -> Verwendungsnachweis:
    """Accept the proof of use: checked by whom and when; the application is closed."""
    _fonds, antrag = gesperrt(antrag)
    aktion_verlangen(antrag, "nachweis_pruefen")
    nachweis = antrag.verwendungsnachweis
    nachweis.geprueft_von = von
    nachweis.geprueft_am = datum_pruefen(datum, "datum")
    nachweis.pruefvermerk = vermerk
    nachweis.save()
    antrag.status = Fondsantrag.Status.ABGESCHLOSSEN
    antrag.save(update_fields=["status", "geaendert"])
    return nachweis
