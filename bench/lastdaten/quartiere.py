"""City-scale data of the base layer: quartiers, departments, taxonomies (reused if present),
programmes with their quartiers and reports due, and one staff account per quartier.

The accounts (`last-qm-<n>` with the Quartiersmanagement role in Lastquartier n, and
`last-leitung` in the Leitung group) have no usable password: `make bench` logs them in by
creating sessions directly, so a load system never holds a known password.
"""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone

from bench.lastdaten import SLUG_PRAEFIX, anzahl, einfuegen
from quartiere.models import (
    Berichtspflicht,
    Fachbereich,
    Handlungsfeld,
    Programm,
    Programmeinsatz,
    Quartier,
    Zielgruppe,
    Zustaendigkeit,
)
from quartiere.zugriff import GRUPPE_LEITUNG

QUARTIERE = 100
PROGRAMME = 10
BENUTZER_PRAEFIX = "last-qm-"
LEITUNG = "last-leitung"
STADTBEZIRKE = ["Lastbezirk Nord", "Lastbezirk Süd", "Lastbezirk Ost", "Lastbezirk West"]


def _taxonomie(model, praefix: str, n: int) -> int:
    if model.objects.exists():
        return 0
    return len(
        einfuegen(model, [model(name=f"{praefix} {i}", sortierung=i) for i in range(1, n + 1)])
    )


def erzeugen(*, skalierung: float, zufall: random.Random) -> dict[str, int]:
    zahlen = {
        "quartiere.Handlungsfeld": _taxonomie(Handlungsfeld, "Lasthandlungsfeld", 8),
        "quartiere.Zielgruppe": _taxonomie(Zielgruppe, "Lastzielgruppe", 8),
        "quartiere.Fachbereich": 0,
    }
    if not Fachbereich.objects.exists():
        zahlen["quartiere.Fachbereich"] = len(
            einfuegen(
                Fachbereich,
                [
                    Fachbereich(
                        name=f"Lastfachbereich {i}",
                        kuerzel=f"LFB {i}",
                        email=f"lastfachbereich{i}@example.org",
                    )
                    for i in range(1, 11)
                ],
            )
        )
    quartiere = [
        Quartier(
            name=f"Lastquartier {i}",
            slug=f"{SLUG_PRAEFIX}{i}",
            stadtbezirk=zufall.choice(STADTBEZIRKE),
            einwohner=zufall.randrange(2000, 30000),
            kontakt_email=f"lastquartier{i}@example.org",
            oeffentlich=i == 1 or zufall.random() < 0.5,  # at least one public page
        )
        for i in range(1, anzahl(QUARTIERE, skalierung) + 1)
    ]
    quartiere = einfuegen(Quartier, quartiere)
    zahlen["quartiere.Quartier"] = len(quartiere)
    zahlen.update(_programme(zufall, quartiere))
    zahlen.update(_konten(quartiere))
    return zahlen


def _programme(zufall: random.Random, quartiere: list[Quartier]) -> dict[str, int]:
    """Programmes of five years each, every quartier in one of them, reports twice a year."""
    heute = timezone.localdate()
    fachbereich = Fachbereich.objects.order_by("pk").first()
    programme = einfuegen(
        Programm,
        [
            Programm(
                name=f"Lastprogramm {i}",
                kurzname=f"LP{i}",
                art=zufall.choice(Programm.Art.values),
                fachbereich=fachbereich,
                laufzeit_von=heute.replace(year=heute.year - 3, month=1, day=1),
                laufzeit_bis=heute.replace(year=heute.year + 2, month=12, day=31),
            )
            for i in range(1, min(PROGRAMME, len(quartiere)) + 1)
        ],
    )
    einsaetze = [
        Programmeinsatz(
            programm=programme[k % len(programme)],
            quartier=quartier,
            von=programme[k % len(programme)].laufzeit_von,
            bis=programme[k % len(programme)].laufzeit_bis,
            stellenanteil=Decimal(zufall.choice([25, 50, 75, 100])),
        )
        for k, quartier in enumerate(quartiere)
    ]
    pflichten = [
        Berichtspflicht(
            programm=programm,
            titel=f"Sachbericht {jahr}/{halbjahr}",
            faellig_am=datetime.date(jahr, 6 * halbjahr, 30),
            erledigt_am=datetime.date(jahr, 6 * halbjahr, 15)
            if datetime.date(jahr, 6 * halbjahr, 30) < heute
            else None,
        )
        for programm in programme
        for jahr in range(programm.laufzeit_von.year, programm.laufzeit_bis.year + 1)
        for halbjahr in (1, 2)
    ]
    return {
        "quartiere.Programm": len(programme),
        "quartiere.Programmeinsatz": len(einfuegen(Programmeinsatz, einsaetze)),
        "quartiere.Berichtspflicht": len(einfuegen(Berichtspflicht, pflichten)),
    }


def _konten(quartiere: list[Quartier]) -> dict[str, int]:
    """One Quartiersmanager:in per quartier and one Leitung account, without passwords."""
    benutzer_model = get_user_model()
    ohne_passwort = make_password(None)
    konten = einfuegen(
        benutzer_model,
        [
            benutzer_model(username=f"{BENUTZER_PRAEFIX}{i}", password=ohne_passwort)
            for i in range(1, len(quartiere) + 1)
        ]
        + [benutzer_model(username=LEITUNG, password=ohne_passwort)],
    )
    *quartiersmanager, leitung = konten
    leitung.groups.add(Group.objects.get_or_create(name=GRUPPE_LEITUNG)[0])
    zustaendigkeiten = einfuegen(
        Zustaendigkeit,
        [
            Zustaendigkeit(
                benutzer=konto,
                quartier=quartier,
                rolle=Zustaendigkeit.Rolle.QUARTIERSMANAGEMENT,
                von=datetime.date(2016, 1, 1),
            )
            for konto, quartier in zip(quartiersmanager, quartiere, strict=True)
        ],
    )
    return {"Benutzer": len(konten), "quartiere.Zustaendigkeit": len(zustaendigkeiten)}
