"""City-scale data of projects: Projekte with partners and Termine (past ones with participant
counts), Stadtteilfonds with Anträge, payments and proofs of use.

Money invariants hold by construction: per fund the granted sum stays within the budget
(applications that would exceed it are rejected), and every paid application is paid exactly
its granted amount in one Auszahlung (grant and payout as bookings of the fund's journal).
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from akteure.models import Akteur
from bench.lastdaten import (
    BATCH,
    anzahl,
    einfuegen,
    lastquartier_ids,
    zufalls_datum,
    zufalls_uuid,
    zufalls_zeitpunkt,
)
from projekte.fonds.models import zufallsreferenz
from projekte.models import (
    Buchung,
    Fondsantrag,
    Projekt,
    Projektpartner,
    Stadtteilfonds,
    Teilnahme,
    Termin,
    Verwendungsnachweis,
)
from quartiere.models import Zielgruppe

PROJEKTE = 20_000
TERMINE = 200_000
FONDS_JE_JAHR = 100
JAHRE = 10
ANTRAEGE = 30_000
BUDGET = Decimal("30000.00")

PROJEKT_STATUS = [s.value for s in Projekt.Status]
ANTRAG_STATUS = [
    "eingereicht",
    "geprueft",
    "bewilligt",
    "abgelehnt",
    "ausgezahlt",
    "nachweis_eingereicht",
]
BEZAHLT = {"ausgezahlt", "nachweis_eingereicht"}
BEWILLIGT = {"bewilligt"} | BEZAHLT
#: Proofs of use are due this many days after the decision.
NACHWEIS_FRIST = datetime.timedelta(days=180)


def _projekte(skalierung, zufall, quartiere, zahlen):
    projekte = []
    projekt_quartier = []
    for i in range(1, anzahl(PROJEKTE, skalierung) + 1):
        beginn = zufalls_datum(zufall)
        projekte.append(
            Projekt(
                titel=f"Lastprojekt {i}",
                slug=f"lastprojekt-{i}",
                ziele=f"Erzeugte Ziele des Projekts {i}.",
                beschreibung="Erzeugtes Projekt für Lasttests.",
                status=zufall.choice(PROJEKT_STATUS),
                beginn=beginn,
                ende=beginn + datetime.timedelta(days=zufall.randint(30, 900)),
                oeffentlich=zufall.random() < 0.3,
            )
        )
        projekt_quartier.append(zufall.choice(quartiere))
    projekte = einfuegen(Projekt, projekte)
    durch = Projekt.quartiere.through
    einfuegen(
        durch,
        [
            durch(projekt_id=p.pk, quartier_id=q)
            for p, q in zip(projekte, projekt_quartier, strict=True)
        ],
    )
    zahlen["projekte.Projekt"] = len(projekte)
    akteure = list(Akteur.objects.values_list("pk", flat=True)[:10000])
    if len(akteure) >= 2:
        zahlen["projekte.Projektpartner"] = len(
            einfuegen(
                Projektpartner,
                [
                    Projektpartner(projekt=p, akteur_id=a, rolle=rolle)
                    for p in projekte
                    for a, rolle in zip(
                        zufall.sample(akteure, 2), ("Träger", "Kooperationspartner"), strict=True
                    )
                ],
            )
        )

    zielgruppen = list(Zielgruppe.objects.values_list("pk", flat=True))
    jetzt = timezone.now()
    n_termine = anzahl(TERMINE, skalierung)
    n_teilnahmen = 0
    for start in range(0, n_termine, BATCH):
        termine = []
        for i in range(start, min(start + BATCH, n_termine)):
            k = i % len(projekte)
            beginn = zufalls_zeitpunkt(zufall)
            termine.append(
                Termin(
                    quartier_id=projekt_quartier[k],
                    projekt=projekte[k],
                    titel=f"Lasttermin {i + 1}",
                    beginn=beginn,
                    ende=beginn + datetime.timedelta(hours=zufall.randint(1, 4)),
                    ort="Stadtteilbüro",
                    oeffentlich=zufall.random() < 0.5,
                    ehrenamtliche=zufall.randint(0, 10),
                    uid=f"{zufalls_uuid(zufall)}@quartiersmanagement",
                )
            )
        termine = Termin.objects.bulk_create(termine)
        teilnahmen = [
            Teilnahme(
                termin=t, zielgruppe_id=zufall.choice(zielgruppen), anzahl=zufall.randint(3, 40)
            )
            for t in termine
            if t.beginn < jetzt and zielgruppen
        ]
        n_teilnahmen += len(Teilnahme.objects.bulk_create(teilnahmen))
    zahlen["projekte.Termin"] = n_termine
    zahlen["projekte.Teilnahme"] = n_teilnahmen


def _fonds(skalierung, zufall, quartiere, zahlen):
    jahr_heute = timezone.localdate().year
    je_jahr = min(anzahl(FONDS_JE_JAHR, skalierung), len(quartiere))
    schluessel = [
        (quartier, jahr)
        for jahr in range(jahr_heute - JAHRE + 1, jahr_heute + 1)
        for quartier in quartiere[:je_jahr]
    ]
    bewilligt = [Decimal(0)] * len(schluessel)
    akteure = list(
        Akteur.objects.filter(name__startswith="Akteur ").values_list("pk", flat=True)[:10000]
    )
    plan = []
    for i in range(anzahl(ANTRAEGE, skalierung)):
        f = i % len(schluessel)
        beantragt = Decimal(zufall.randrange(10000, 200000)) / 100
        status = zufall.choice(ANTRAG_STATUS)
        betrag = None
        if status in BEWILLIGT:
            betrag = (beantragt * Decimal(zufall.choice([1, 1, 0.8]))).quantize(Decimal("0.01"))
            if bewilligt[f] + betrag > BUDGET:
                status, betrag = "abgelehnt", None
            else:
                bewilligt[f] += betrag
        plan.append((i, f, beantragt, status, betrag))

    fonds = einfuegen(
        Stadtteilfonds,
        [
            Stadtteilfonds(
                quartier_id=q,
                jahr=jahr,
                budget=BUDGET,
                quelle="Lastdaten",
            )
            for k, (q, jahr) in enumerate(schluessel)
        ],
    )
    zahlen["projekte.Stadtteilfonds"] = len(fonds)

    antraege = []
    referenzen = set()
    for i, f, beantragt, status, _betrag in plan:
        eingang = datetime.date(fonds[f].jahr, zufall.randint(1, 12), zufall.randint(1, 28))
        # Unique among the new ones too (30,000 random numbers of one year would collide).
        while (referenz := zufallsreferenz(eingang.year)) in referenzen:
            pass
        referenzen.add(referenz)
        akteur = zufall.choice(akteure) if akteure and zufall.random() < 0.7 else None
        antraege.append(
            Fondsantrag(
                fonds=fonds[f],
                referenz=referenz,
                titel=f"Lastantrag {i + 1}",
                zweck="Erzeugter Antrag für Lasttests.",
                kostenplan=f"Material: {beantragt} €",
                betrag_beantragt=beantragt,
                eingegangen_am=eingang,
                akteur_id=akteur,
                antragsteller_name="" if akteur else f"Antragsteller {i + 1}",
                einwilligung=akteur is None,
                # Decided states follow from the bookings below (sums come from the journal).
                status="eingereicht" if status in BEWILLIGT else status,
                entschieden_am=eingang + datetime.timedelta(days=30)
                if status in BEWILLIGT | {"abgelehnt"}
                else None,
                nachweis_faellig_am=eingang + datetime.timedelta(days=30) + NACHWEIS_FRIST
                if status in BEZAHLT
                else None,
            )
        )
    antraege = einfuegen(Fondsantrag, antraege)
    zahlen["projekte.Fondsantrag"] = len(antraege)
    buchungen = []
    for a, (_i, _f, _b, status, betrag) in zip(antraege, plan, strict=True):
        a.status = status
        if betrag is None:
            continue
        buchungen.append(
            Buchung(
                fonds=a.fonds,
                antrag=a,
                art="bewilligung",
                betrag=betrag,
                datum=a.entschieden_am,
                vermerk="Lastdaten",
            )
        )
        if status in BEZAHLT:
            a.ausgezahlt_summe = betrag
            buchungen.append(
                Buchung(
                    fonds=a.fonds,
                    antrag=a,
                    art="auszahlung",
                    betrag=betrag,
                    datum=a.entschieden_am + datetime.timedelta(days=14),
                    vermerk="Lastdaten",
                )
            )
    zahlen["projekte.Buchung"] = len(einfuegen(Buchung, buchungen))
    for status in BEWILLIGT:
        Fondsantrag.objects.filter(pk__in=[a.pk for a in antraege if a.status == status]).update(
            status=status
        )
    zahlen["projekte.Verwendungsnachweis"] = len(
        einfuegen(
            Verwendungsnachweis,
            [
                Verwendungsnachweis(
                    antrag=a,
                    tatsaechliche_kosten=a.ausgezahlt_summe,
                    bericht="Erzeugter Sachbericht.",
                    eingereicht_am=a.nachweis_faellig_am - datetime.timedelta(days=10),
                )
                for a in antraege
                if a.status == "nachweis_eingereicht"
            ],
        )
    )


def erzeugen(*, skalierung: float, zufall: random.Random) -> dict[str, int]:
    quartiere = lastquartier_ids()
    zahlen = {}
    _projekte(skalierung, zufall, quartiere, zahlen)
    _fonds(skalierung, zufall, quartiere, zahlen)
    return zahlen
