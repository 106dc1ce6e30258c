"""Demo data of the fund: per quartier a Stadtteilfonds of the current year with applications
in every state, written through the services (so the fund's sums and the logs are right)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from akteure.gremien import services as gremien_services
from akteure.models import Akteur, Gremium, Mitgliedschaft, Sitzung, Tagesordnungspunkt
from quartiere.demo_profile import profil

from . import abrechnen, buchen, services
from .models import Fondsantrag, Stadtteilfonds

# (title, requested, scenario); scenario names the state the application ends in
ANTRAEGE = [
    ("Laternenumzug der Kita", "350.00", "eingereicht"),
    ("Nachbarschaftsflohmarkt", "420.00", "geprueft"),
    ("Bühnentechnik für das Sommerfest", "1200.00", "bewilligt_gremium"),
    ("Vereinsausflug", "480.00", "abgelehnt"),
    ("Hausaufgabenhilfe: Material", "300.00", "ausgezahlt"),
    ("Frühjahrsputz: Handschuhe und Säcke", "250.00", "nachweis_eingereicht"),
    ("Lesepaten: Bücherkiste", "400.00", "abgeschlossen"),
    # Settled: paid in part, cheaper than granted; the rest of the final grant is still to pay
    ("Seniorencafé: Geschirr", "480.00", "abgerechnet_rest"),
    # Settled: paid in full, cheaper than granted; the difference is claimed back
    ("Stadtteilzeitung: Druck", "460.00", "abgerechnet_rueckforderung"),
    # Settled with a claim back that was repaid: closed
    ("Kinderflohmarkt: Tische", "200.00", "zurueckgezahlt"),
    ("Bank am Bolzplatz", "450.00", "ueberfaellig"),
]


def fonds_laden(quartier, von, heute):
    umfang = profil(quartier)
    gremium = (
        Gremium.objects.filter(quartier=quartier, art=Gremium.Art.STADTTEILKONFERENZ)
        .order_by("pk")
        .first()
    )
    fonds, _neu = Stadtteilfonds.objects.get_or_create(
        quartier=quartier,
        jahr=heute.year,
        defaults={
            "budget": umfang.fonds_budget,
            "quelle": "Verfügungsfonds der Stadt (Demo)",
            "max_je_antrag": Decimal("1500.00"),
            "schwelle_qm": Decimal("500.00"),
            "entscheidendes_gremium": gremium,
        },
    )
    sitzung = _vergabesitzung(fonds.entscheidendes_gremium, heute)
    antragsteller = Akteur.objects.filter(quartiere=quartier).order_by("name").first()
    for i, (titel, betrag, ziel) in enumerate(ANTRAEGE[: umfang.antraege]):
        if Fondsantrag.objects.filter(fonds=fonds, titel=titel).exists():
            continue
        if ziel == "bewilligt_gremium" and sitzung is None:
            continue
        person = {
            "antragsteller_anrede": "frau",
            "antragsteller_name": "Erika Demo-Beispiel",
            "antragsteller_anschrift": "Beispielstraße 7\n52062 Aachen",
            "antragsteller_email": "erika.beispiel@demo.example",
            "einwilligung": True,
        }
        antrag = services.antrag_anlegen(
            fonds=fonds,
            von=von,
            titel=titel,
            zweck=f"{titel} im Quartier {quartier.name}.",
            kostenplan=f"{titel}: {betrag} €",
            betrag_beantragt=betrag,
            eingegangen_am=heute - datetime.timedelta(days=60 - i),
            **({"akteur": antragsteller} if antragsteller and i % 2 == 0 else person),
        )
        if ziel == "eingereicht":
            continue
        antrag = services.antrag_pruefen(
            antrag=antrag,
            von=von,
            vermerk="Vollständig.",
            datum=heute - datetime.timedelta(days=50),
        )
        if ziel == "geprueft":
            continue
        entschieden = heute - datetime.timedelta(days=40)
        if ziel == "abgelehnt":
            services.antrag_ablehnen(
                antrag=antrag,
                von=von,
                begruendung="Ausflüge eines Vereins kommen nicht dem ganzen Quartier zugute.",
                datum=entschieden,
            )
            continue
        if ziel == "bewilligt_gremium":
            stimmen = {
                m: "ja" if n else "nein"
                for n, m in enumerate(
                    m for m in _mitglieder(sitzung) if m.akteur_id != antrag.akteur_id
                )
            }
            services.antrag_durch_gremium_entscheiden(
                antrag=antrag,
                von=von,
                sitzung=sitzung,
                betrag="1000.00",
                begruendung="Teilbewilligung: Die Tontechnik stellt der Bürgerverein.",
                stimmen=stimmen,
                tagesordnungspunkt=sitzung.tagesordnungspunkte.first(),
            )
            continue
        services.antrag_bewilligen(
            antrag=antrag,
            von=von,
            betrag=betrag,
            datum=entschieden,
            nachweis_faellig_am=heute - datetime.timedelta(days=5)
            if ziel == "ueberfaellig"
            else heute + datetime.timedelta(days=50),
        )
        if ziel == "ueberfaellig":
            continue
        teilzahlung = ziel == "abgerechnet_rest"
        buchen.auszahlung_buchen(
            antrag=antrag,
            von=von,
            betrag=Decimal(betrag) / 2 if teilzahlung else betrag,
            datum=entschieden + datetime.timedelta(days=5),
            vermerk=f"Kassenzeichen DEMO-{heute.year}-{i:03d}",
        )
        if ziel == "ausgezahlt":
            continue
        kosten = {"abgeschlossen": Decimal(betrag), "abgerechnet_rest": Decimal(betrag) - 100}
        abrechnen.nachweis_einreichen(
            antrag=antrag,
            von=von,
            tatsaechliche_kosten=kosten.get(ziel, Decimal(betrag) - Decimal("12.40")),
            bericht="Alles wie geplant umgesetzt.",
            eingereicht_am=heute - datetime.timedelta(days=10),
        )
        if ziel == "nachweis_eingereicht":
            continue
        abrechnen.nachweis_pruefen(
            antrag=antrag,
            von=von,
            vermerk="Belege vollständig.",
            datum=heute - datetime.timedelta(days=3),
            rueckforderung_faellig_am=heute + datetime.timedelta(days=30),
        )
        if ziel == "zurueckgezahlt":
            buchen.rueckzahlung_buchen(
                antrag=antrag,
                von=von,
                betrag="12.40",
                vermerk=f"Kassenzeichen DEMO-{heute.year}-{i:03d}-R",
            )


def _mitglieder(sitzung: Sitzung) -> list[Mitgliedschaft]:
    return list(
        Mitgliedschaft.objects.filter(gremium=sitzung.gremium, stimmberechtigt=True)
        .aktuell(sitzung.datum)
        .order_by("pk")
    )


def _vergabesitzung(gremium: Gremium | None, heute: datetime.date) -> Sitzung | None:
    """The deciding Gremium's meeting on the fund a week ago, its voting members present; its
    minutes are still a draft, so the demo application above the threshold is decided there."""
    if gremium is None:
        return None
    beginn = datetime.datetime.combine(heute - datetime.timedelta(days=7), datetime.time(18))
    sitzung, neu = Sitzung.objects.get_or_create(
        gremium=gremium,
        titel="Vergabesitzung Stadtteilfonds",
        defaults={
            "beginn": timezone.make_aware(beginn),
            "ort": "Stadtteilbüro",
            "status": Sitzung.Status.DURCHGEFUEHRT,
        },
    )
    if neu:
        Tagesordnungspunkt.objects.create(
            sitzung=sitzung, nummer=1, titel="Anträge an den Stadtteilfonds"
        )
        gremien_services.anwesenheit_erfassen(
            sitzung=sitzung,
            eintraege=[(m.akteur, m.person, "anwesend", None) for m in _mitglieder(sitzung)],
            anwohnende=3,
        )
    return sitzung
