"""City-scale data of actors: Akteure, Personen, Beziehungen, Gremien with Sitzungen."""

import datetime
import random

from akteure.models import Akteur, Beziehung, Beziehungsart, Gremium, Person, Sitzung
from quartiersmanagement.lastdaten import (
    BATCH,
    anzahl,
    einfuegen,
    lastquartier_ids,
    zufalls_datum,
    zufalls_uuid,
    zufalls_zeitpunkt,
)

AKTEURE = 50_000
PERSONEN = 100_000
BEZIEHUNGEN = 200_000
GREMIEN = 2_000
SITZUNGEN = 20_000

AKTEUR_ARTEN = [a.value for a in Akteur.Art]
GREMIUM_ARTEN = [a.value for a in Gremium.Art]
SITZUNG_STATUS = [s.value for s in Sitzung.Status]


def erzeugen(*, skalierung: float, zufall: random.Random) -> dict[str, int]:
    quartiere = lastquartier_ids()
    zahlen = {}

    n_akteure = anzahl(AKTEURE, skalierung)
    akteure = []
    for i in range(1, n_akteure + 1):
        oeffentlich = zufall.random() < 0.3
        akteure.append(
            Akteur(
                name=f"Akteur {i}",
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
        [durch(akteur_id=pk, quartier_id=zufall.choice(quartiere)) for pk in akteur_ids],
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
    zahlen["akteure.Sitzung"] = len(einfuegen(Sitzung, sitzungen))
    return zahlen
