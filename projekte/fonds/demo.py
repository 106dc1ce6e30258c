"""Demo data of the fund: per quartier a Stadtteilfonds of the current year with applications
in every state, written through the services (so the fund's sums and the logs are right)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from akteure.models import Akteur, Gremium, Mitgliedschaft, Sitzung

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
    gremium = (
        Gremium.objects.filter(quartier=quartier, art=Gremium.Art.STADTTEILKONFERENZ)
        .order_by("pk")
        .first()
    )
    fonds, _neu = Stadtteilfonds.objects.get_or_create(
        quartier=quartier,
        jahr=heute.year,
        defaults={
            "budget": Decimal("5000.00"),
            "quelle": "Verfügungsfonds der Stadt (Demo)",
            "max_je_antrag": Decimal("1500.00"),
            "schwelle_qm": Decimal("500.00"),
            "entscheidendes_gremium": gremium,
        },
    )
    sitzung = (
        Sitzung.objects.filter(
            gremium=fonds.entscheidendes_gremium_id,
            beginn__date__lte=heute - datetime.timedelta(days=7),
        )
        .exclude(status=Sitzung.Status.ABGESAGT)
        .order_by("-beginn")
        .first()
        if fonds.entscheidendes_gremium_id
        else None
    )
    antragsteller = Akteur.objects.filter(quartiere=quartier).order_by("name").first()
    for i, (titel, betrag, ziel) in enumerate(ANTRAEGE):
        if Fondsantrag.objects.filter(fonds=fonds, titel=titel).exists():
            continue
        if ziel == "bewilligt_gremium" and sitzung is None:
            continue
        person = {
            "antragsteller_name": "Erika Beispiel (Demo)",
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
            stimmberechtigt = list(
                Mitgliedschaft.objects.filter(gremium=sitzung.gremium, stimmberechtigt=True)
                .aktuell(timezone.localtime(sitzung.beginn).date())
                .order_by("pk")
            )
            befangen = [
                m for m in stimmberechtigt if antragsteller and m.akteur_id == antragsteller.pk
            ]
            abstimmend = [m for m in stimmberechtigt if m not in befangen]
            services.antrag_bewilligen(
                antrag=antrag,
                von=von,
                betrag="1000.00",
                datum=max(timezone.localtime(sitzung.beginn).date(), entschieden),
                begruendung="Teilbewilligung: Die Tontechnik stellt der Bürgerverein.",
                sitzung=sitzung,
                ja=abstimmend[:-1],
                nein=abstimmend[-1:],
                befangen=befangen,
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
