"""Builders for the URL walk (tests/test_zugriffsschutz.py) of the projekte app."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile

from projekte.fonds import abrechnen
from projekte.models import Beleg, Projektpartner, Verwendungsnachweis
from tests.factories import (
    AkteurFactory,
    BudgetpostenFactory,
    FondsantragFactory,
    ProjektFactory,
    StadtteilfondsFactory,
    TerminFactory,
)


def _projekt(quartier, text):
    return ProjektFactory(quartiere=[quartier], titel=text, ziele=text, beschreibung=text)


def _projekt_seite(quartier, text):
    return {"slug": _projekt(quartier, text).slug}


def _partner(quartier, text):
    projekt = _projekt(quartier, text)
    akteur = AkteurFactory(name=text)
    akteur.quartiere.add(quartier)
    partner = Projektpartner.objects.create(projekt=projekt, akteur=akteur, rolle=text[:100])
    return {"slug": projekt.slug, "pk": partner.pk}


def _budgetposten(quartier, text):
    posten = BudgetpostenFactory(projekt=_projekt(quartier, text), bezeichnung=text[:200])
    return {"slug": posten.projekt.slug, "pk": posten.pk}


def _antrag(quartier, text):
    return FondsantragFactory(
        fonds=StadtteilfondsFactory(quartier=quartier),
        titel=text[:200],
        zweck=text,
        kostenplan=text,
        antragsteller_name=text[:200],
    )


def _abgerechnet(quartier, text):
    """A settled application with a claim back (its letter, its repayment, its reversal)."""
    antrag = FondsantragFactory(
        fonds=StadtteilfondsFactory(quartier=quartier),
        titel=text[:200],
        antragsteller_name=text[:200],
        betrag_bewilligt=Decimal("300.00"),
        ausgezahlt_summe=Decimal("300.00"),
        status="nachweis_eingereicht",
    )
    Verwendungsnachweis.objects.create(
        antrag=antrag,
        bericht=text,
        eingereicht_am=datetime.date(2026, 11, 1),
        tatsaechliche_kosten=Decimal("200.00"),
    )
    abrechnen.nachweis_pruefen(
        antrag=antrag, von=None, rueckforderung_faellig_am=datetime.date(2099, 1, 1)
    )
    return {"pk": antrag.pk}


def _beleg(quartier, text):
    nachweis = Verwendungsnachweis.objects.create(
        antrag=_antrag(quartier, text),
        bericht=text,
        eingereicht_am=datetime.date(2026, 11, 1),
        tatsaechliche_kosten=Decimal("100.00"),
    )
    beleg = Beleg(nachweis=nachweis, dateiname=f"{text}.pdf")
    beleg.datei.save("beleg.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return {"pk": beleg.pk}


OBJEKTE = {
    **dict.fromkeys(
        [
            "projekte:detail",
            "projekte:bearbeiten",
            "projekte:status",
            "projekte:partner",
            "projekte:budgetposten",
            "projekte:ergebnis",
        ],
        _projekt_seite,
    ),
    "projekte:partner_entfernen": _partner,
    "projekte:budgetposten_bearbeiten": _budgetposten,
    "projekte:budgetposten_loeschen": _budgetposten,
    "projekte:termin_bearbeiten": lambda q, t: {
        "pk": TerminFactory(quartier=q, titel=t[:200], ort=t[:200], beschreibung=t).pk
    },
    "projekte:fonds_detail": lambda q, t: {"pk": _antrag(q, t).fonds.pk},
    "projekte:fonds_jahresbuch": lambda q, t: {"pk": _antrag(q, t).fonds.pk},
    **dict.fromkeys(
        [
            "projekte:antrag_detail",
            "projekte:antrag_pruefen",
            "projekte:antrag_bewilligen",
            "projekte:antrag_ablehnen",
            "projekte:antrag_gremium",
            "projekte:auszahlung_buchen",
            "projekte:nachweis_einreichen",
            "projekte:nachweis_pruefen",
            "projekte:entscheidungsschreiben",
            "projekte:bewilligung_aendern",
        ],
        lambda q, t: {"pk": _antrag(q, t).pk},
    ),
    **dict.fromkeys(
        [
            "projekte:abrechnungsschreiben",
            "projekte:rueckzahlung_buchen",
            "projekte:buchung_stornieren",
        ],
        _abgerechnet,
    ),
    "projekte:beleg": _beleg,
}

# Public by design: without a token only public events (tests/projekte cover the rest).
OEFFENTLICH = {"projekte:termine_ics": "Termin-Feed: ohne Token nur öffentliche Termine"}
