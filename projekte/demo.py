"""Demo data of the projekte app: per quartier, fictional projects in every state (with
partners, needs, budget lines, events and participant figures) and a Stadtteilfonds of the
current year with applications in every state.

Called by `manage.py demo_daten` after quartiere, akteure and bedarfe; idempotent: a project
is keyed by quartier and title, an application by fund and title; everything is written through
the services (so the fund's sums and the logs are right), only when it does not exist yet.
No e-mail is sent; no randomness.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from akteure.models import Akteur, Gremium, Mitgliedschaft, Sitzung
from bedarfe.models import Bedarf
from quartiere.models import Handlungsfeld, Quartier, Zielgruppe, Zustaendigkeit

from . import services
from .models import Fondsantrag, Projekt, Stadtteilfonds, Termin

# (title, goals, Handlungsfeld, Zielgruppen, QM role, final status, budget lines)
PROJEKTE = [
    (
        "Nachbarschaftsgarten {q}",
        "Eine Brachfläche wird zum gemeinsamen Garten; Nachbarinnen und Nachbarn lernen "
        "sich kennen.",
        "Nachbarschaft und Zusammenleben",
        ["Alle Bewohner:innen", "Familien"],
        "initiiert",
        "abgeschlossen",
        [
            ("Hochbeete und Erde", "stadtteilfonds", "900.00", "874.30"),
            ("Werkzeug", "eigenmittel", "250.00", "250.00"),
        ],
    ),
    (
        "Spielmobil {q}",
        "Ein Spielmobil kommt wöchentlich auf den Platz; Kinder spielen draußen, Eltern "
        "kommen ins Gespräch.",
        "Kinder, Jugend und Familie",
        ["Kinder", "Familien"],
        "begleitet",
        "umsetzung",
        [
            ("Spielgeräte", "programm", "1800.00", None),
            ("Honorare", "drittmittel", "2400.00", None),
        ],
    ),
    (
        "Seniorencafé {q}",
        "Ein Treffpunkt am Nachmittag gegen Einsamkeit im Alter.",
        "Gesundheit und Pflege",
        ["Seniorinnen und Senioren"],
        "unterstuetzt",
        "planung",
        [("Raummiete", "drittmittel", "600.00", None)],
    ),
    (
        "Sprachcafé {q}",
        "Ehrenamtliche üben mit neu Zugewanderten Deutsch im Alltag.",
        "Integration und Teilhabe",
        ["Geflüchtete"],
        "initiiert",
        "idee",
        [],
    ),
    (
        "Fassadenkunst {q}",
        "Jugendliche gestalten eine Hauswand mit einem Künstler.",
        "Kultur und Freizeit",
        ["Jugendliche"],
        "begleitet",
        "abgebrochen",
        [("Farben", "stadtteilfonds", "700.00", None)],
    ),
]
WEG = {
    "idee": [],
    "planung": ["planung"],
    "umsetzung": ["planung", "umsetzung"],
    "abgeschlossen": ["planung", "umsetzung", "abgeschlossen"],
    "abgebrochen": ["planung", "abgebrochen"],
}

# (title, requested, scenario); scenario names the state the application ends in
ANTRAEGE = [
    ("Laternenumzug der Kita", "350.00", "eingereicht"),
    ("Nachbarschaftsflohmarkt", "420.00", "geprueft"),
    ("Bühnentechnik für das Sommerfest", "1200.00", "bewilligt_gremium"),
    ("Vereinsausflug", "480.00", "abgelehnt"),
    ("Hausaufgabenhilfe: Material", "300.00", "ausgezahlt"),
    ("Frühjahrsputz: Handschuhe und Säcke", "250.00", "nachweis_eingereicht"),
    ("Lesepaten: Bücherkiste", "400.00", "abgeschlossen"),
    ("Bank am Bolzplatz", "450.00", "ueberfaellig"),
]


def laden() -> None:
    heute = timezone.localdate()
    for quartier in Quartier.objects.order_by("name"):
        with transaction.atomic():
            von = _qm(quartier)
            _projekte_laden(quartier, von, heute)
            _fonds_laden(quartier, von, heute)


def _qm(quartier):
    z = (
        Zustaendigkeit.objects.aktuell()
        .filter(quartier=quartier, rolle=Zustaendigkeit.Rolle.QUARTIERSMANAGEMENT)
        .select_related("benutzer")
        .first()
    )
    return z.benutzer if z else None


def _projekte_laden(quartier, von, heute):
    akteure = list(Akteur.objects.filter(quartiere=quartier).order_by("name")[:3])
    bedarfe = list(Bedarf.objects.filter(quartier=quartier).order_by("pk")[:5])
    zielgruppen = {z.name: z for z in Zielgruppe.objects.all()}
    for i, (titel, ziele, feld, gruppen, rolle, status, posten) in enumerate(PROJEKTE):
        titel = titel.format(q=quartier.name)
        if Projekt.objects.filter(titel=titel, quartiere=quartier).exists():
            continue
        beginn = heute - datetime.timedelta(days=200 - 30 * i)
        projekt = services.projekt_anlegen(
            von=von,
            quartiere=[quartier],
            titel=titel,
            ziele=ziele,
            qm_rolle=rolle,
            beginn=beginn,
            ende=heute - datetime.timedelta(days=10) if status == "abgeschlossen" else None,
            oeffentlich=status in ("umsetzung", "abgeschlossen"),
            handlungsfelder=Handlungsfeld.objects.filter(name=feld),
            zielgruppen=[zielgruppen[g] for g in gruppen if g in zielgruppen],
            bedarfe=[bedarfe[i]] if i < len(bedarfe) else [],
        )
        for schritt, neu in enumerate(WEG[status]):
            services.projekt_status_aendern(
                projekt=projekt,
                status=neu,
                von=von,
                datum=beginn + datetime.timedelta(days=20 * (schritt + 1)),
                kommentar="Fördermittel nicht gesichert, Künstler abgesprungen."
                if neu == "abgebrochen"
                else f"Demo: Schritt zu „{Projekt.Status(neu).label}“.",
            )
        for bezeichnung, quelle, geplant, tatsaechlich in posten:
            services.budgetposten_speichern(
                projekt=projekt,
                von=von,
                bezeichnung=bezeichnung,
                quelle=quelle,
                geplant=geplant,
                tatsaechlich=tatsaechlich,
            )
        for j, akteur in enumerate(akteure[: 1 + i % 3]):
            services.partner_hinzufuegen(
                projekt=projekt,
                akteur=akteur,
                rolle="Träger" if j == 0 else "Kooperationspartner",
                von=von,
            )
        if status in ("umsetzung", "abgeschlossen"):
            for k in range(3):
                start = timezone.make_aware(
                    datetime.datetime.combine(
                        beginn + datetime.timedelta(days=45 + 14 * k), datetime.time(15, 0)
                    )
                )
                services.termin_speichern(
                    von=von,
                    quartier=quartier,
                    projekt=projekt,
                    titel=f"{titel}: Treffen {k + 1}",
                    beginn=start,
                    ende=start + datetime.timedelta(hours=2),
                    ort=f"Stadtteilbüro {quartier.name}",
                    oeffentlich=k == 0,
                    ehrenamtliche=2 + k,
                    ehrenamtsstunden=Decimal(4 + 2 * k),
                    teilnahmen={
                        zielgruppen[g]: 6 + 3 * k + n
                        for n, g in enumerate(gruppen)
                        if g in zielgruppen
                    },
                )
        if status == "abgeschlossen":
            services.projekt_ergebnis_speichern(
                projekt=projekt,
                von=von,
                ergebnis="Zwölf Hochbeete werden von 30 Haushalten gepflegt.",
                erkenntnisse="Feste Gießdienste und ein Schlüsselkasten haben sich bewährt.",
                wird_fortgefuehrt=True,
                fortgefuehrt_von=akteure[0].name if akteure else "Gartengruppe",
            )
    titel = f"Stadtteilfest {quartier.name}"
    if not Termin.objects.filter(quartier=quartier, titel=titel, projekt=None).exists():
        start = timezone.make_aware(
            datetime.datetime.combine(heute + datetime.timedelta(days=30), datetime.time(14, 0))
        )
        services.termin_speichern(
            von=von,
            quartier=quartier,
            titel=titel,
            beginn=start,
            ende=start + datetime.timedelta(hours=5),
            ort="Marktplatz",
            oeffentlich=True,
        )


def _fonds_laden(quartier, von, heute):
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
        services.auszahlung_buchen(
            antrag=antrag,
            von=von,
            betrag=betrag,
            datum=entschieden + datetime.timedelta(days=5),
            vermerk=f"Kassenzeichen DEMO-{heute.year}-{i:03d}",
        )
        if ziel == "ausgezahlt":
            continue
        services.nachweis_einreichen(
            antrag=antrag,
            von=von,
            tatsaechliche_kosten=Decimal(betrag) - Decimal("12.40"),
            bericht="Alles wie geplant umgesetzt.",
            eingereicht_am=heute - datetime.timedelta(days=10),
        )
        if ziel == "nachweis_eingereicht":
            continue
        services.nachweis_pruefen(antrag=antrag, von=von, vermerk="Belege vollständig.")
