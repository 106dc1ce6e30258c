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

from akteure.models import Akteur
from bedarfe.models import Bedarf
from quartiere.demo_profile import profil
from quartiere.models import Handlungsfeld, Quartier, Zielgruppe, Zustaendigkeit

from . import services
from .fonds.demo import fonds_laden
from .models import Projekt, Termin

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


def laden() -> None:
    heute = timezone.localdate()
    for quartier in Quartier.objects.order_by("name"):
        with transaction.atomic():
            von = _qm(quartier)
            _projekte_laden(quartier, von, heute)
            fonds_laden(quartier, von, heute)


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
    umfang = profil(quartier)
    auswahl = PROJEKTE[: umfang.projekte]
    for i, (titel, ziele, feld, gruppen, rolle, status, posten) in enumerate(auswahl):
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
                        zielgruppen[g]: (6 + 3 * k + n) * umfang.teilnahme // 100
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
