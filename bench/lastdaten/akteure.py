"""City-scale data of actors: Akteure, Personen, Beziehungen, Gremien with members and
Sitzungen, each Sitzung with a decision and an action item."""

import datetime
import random

from django.utils import timezone

from akteure.models import (
    Akteur,
    Aufgabe,
    Beschluss,
    Beziehung,
    Beziehungsart,
    Gremium,
    Mitgliedschaft,
    Person,
    Sitzung,
)
from bench.lastdaten import (
    BATCH,
    anzahl,
    einfuegen,
    lastquartier_ids,
    zufalls_datum,
    zufalls_lage,
    zufalls_uuid,
    zufalls_zeitpunkt,
)

AKTEURE = 50_000
PERSONEN = 100_000
BEZIEHUNGEN = 200_000
GREMIEN = 2_000
SITZUNGEN = 20_000
MITGLIEDER_JE_GREMIUM = 5

AKTEUR_ARTEN = [a.value for a in Akteur.Art]
GREMIUM_ARTEN = [a.value for a in Gremium.Art]
SITZUNG_STATUS = [s.value for s in Sitzung.Status]


def erzeugen(*, skalierung: float, zufall: random.Random) -> dict[str, int]:
    quartiere = lastquartier_ids()
    zahlen = {}

    n_akteure = anzahl(AKTEURE, skalierung)
    akteure = []
    quartier_je_akteur = []
    for i in range(1, n_akteure + 1):
        oeffentlich = zufall.random() < 0.3
        quartier_je_akteur.append(zufall.choice(quartiere))
        akteure.append(
            Akteur(
                name=f"Akteur {i}",
                lage=zufalls_lage(zufall, quartier_je_akteur[-1]),
                art=zufall.choice(AKTEUR_ARTEN),
                beschreibung=f"Erzeugter Akteur {i} für Lasttests.",
                email=f"akteur{i}@example.org",
                oeffentlich=oeffentlich,
                einwilligung_am=zufalls_datum(zufall) if oeffentlich else None,
                einwilligung_quelle="Lastdaten" if oeffentlich else "",
            )
        )
    akteure = einfuegen(Akteur, akteure)
    akteur_ids = [a.pk for a in akteure]
    durch = Akteur.quartiere.through
    einfuegen(
        durch,
        [
            durch(akteur_id=pk, quartier_id=q)
            for pk, q in zip(akteur_ids, quartier_je_akteur, strict=True)
        ],
    )
    zahlen["akteure.Akteur"] = len(akteure)

    n_personen = anzahl(PERSONEN, skalierung)
    for start in range(0, n_personen, BATCH):
        Person.objects.bulk_create(
            [
                Person(vorname="Person", nachname=str(i + 1), email=f"person{i + 1}@example.org")
                for i in range(start, min(start + BATCH, n_personen))
            ]
        )
    zahlen["akteure.Person"] = n_personen

    arten = list(Beziehungsart.objects.values_list("pk", flat=True))
    if not arten:
        arten = [Beziehungsart.objects.create(name="Lastkooperation").pk]
    n_beziehungen = anzahl(BEZIEHUNGEN, skalierung) if len(akteur_ids) > 1 else 0
    for start in range(0, n_beziehungen, BATCH):
        stueck = []
        for _ in range(start, min(start + BATCH, n_beziehungen)):
            quelle, ziel = zufall.sample(akteur_ids, 2)
            von = zufalls_datum(zufall)
            stueck.append(
                Beziehung(
                    quelle_id=quelle,
                    ziel_id=ziel,
                    art_id=zufall.choice(arten),
                    von=von,
                    bis=von + datetime.timedelta(days=365) if zufall.random() < 0.2 else None,
                )
            )
        Beziehung.objects.bulk_create(stueck)
    zahlen["akteure.Beziehung"] = n_beziehungen

    gremien = einfuegen(
        Gremium,
        [
            Gremium(
                name=f"Lastgremium {i}",
                art=zufall.choice(GREMIUM_ARTEN),
                quartier_id=zufall.choice(quartiere),
                oeffentlich=zufall.random() < 0.5,
            )
            for i in range(1, anzahl(GREMIEN, skalierung) + 1)
        ],
    )
    zahlen["akteure.Gremium"] = len(gremien)
    n_sitzungen = anzahl(SITZUNGEN, skalierung)
    sitzungen = []
    for i in range(n_sitzungen):
        beginn = zufalls_zeitpunkt(zufall)
        sitzungen.append(
            Sitzung(
                gremium=gremien[i % len(gremien)],
                titel=f"Lastsitzung {i + 1}",
                beginn=beginn,
                ende=beginn + datetime.timedelta(hours=2),
                ort="Stadtteilbüro",
                status=zufall.choice(SITZUNG_STATUS),
                uid=zufalls_uuid(zufall),
            )
        )
    sitzungen = einfuegen(Sitzung, sitzungen)
    zahlen["akteure.Sitzung"] = len(sitzungen)
    zahlen.update(_mitglieder(zufall, gremien, akteur_ids))
    zahlen.update(_beschluesse_und_aufgaben(zufall, sitzungen))
    return zahlen


def _mitglieder(zufall: random.Random, gremien: list, akteur_ids: list[int]) -> dict[str, int]:
    anzahl_je = min(MITGLIEDER_JE_GREMIUM, len(akteur_ids))
    mitglieder = [
        Mitgliedschaft(gremium=gremium, akteur_id=akteur, von=zufalls_datum(zufall))
        for gremium in gremien
        for akteur in zufall.sample(akteur_ids, anzahl_je)
    ]
    return {"akteure.Mitgliedschaft": len(einfuegen(Mitgliedschaft, mitglieder))}


def _beschluesse_und_aufgaben(zufall: random.Random, sitzungen: list) -> dict[str, int]:
    """One decision and one action item per meeting; a fifth of the open items are overdue."""
    beschluesse = [
        # Unanimous decisions of the members present (the counts obey the decision's checks).
        Beschluss(
            sitzung=s,
            text=f"Erzeugter Beschluss zu {s.titel}.",
            ja=(ja := zufall.randint(3, 9)),
            anwesende=ja,
            stimmberechtigte=ja,
            ergebnis=Beschluss.Ergebnis.ANGENOMMEN,
        )
        for s in sitzungen
    ]
    heute = timezone.localdate()
    aufgaben = []
    for s in sitzungen:
        faellig = s.beginn.date() + datetime.timedelta(days=zufall.randint(14, 90))
        erledigt = zufall.random() < 0.8 and faellig < heute
        aufgaben.append(
            Aufgabe(
                quartier_id=s.gremium.quartier_id,
                sitzung=s,
                titel=f"Aufgabe aus {s.titel}",
                faellig_am=faellig,
                erledigt_am=faellig if erledigt else None,
            )
        )
    return {
        "akteure.Beschluss": len(einfuegen(Beschluss, beschluesse)),
        "akteure.Aufgabe": len(einfuegen(Aufgabe, aufgaben)),
    }
