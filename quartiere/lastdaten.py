"""City-scale data of the base layer: quartiers, departments, taxonomies (reused if present)."""

import random

from quartiere.models import Fachbereich, Handlungsfeld, Quartier, Zielgruppe
from quartiersmanagement.lastdaten import SLUG_PRAEFIX, anzahl, einfuegen

QUARTIERE = 100
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
            oeffentlich=zufall.random() < 0.5,
        )
        for i in range(1, anzahl(QUARTIERE, skalierung) + 1)
    ]
    zahlen["quartiere.Quartier"] = len(einfuegen(Quartier, quartiere))
    return zahlen
