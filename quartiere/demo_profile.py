"""How big and how busy each demo quartier is, so the city overview has something to compare:
a large quartier with many needs and a full fund next to a small one that has just started.
Every app's demo reads its numbers here (deterministic, no randomness)."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Profil:
    bedarfe: int  # how many of the eight demo needs (at least 3)
    projekte: int  # how many of the five demo projects
    teilnahme: int  # participants per event and target group, in percent of the base numbers
    fonds_budget: Decimal
    antraege: int  # how many of the eleven demo fund applications (at least 3)


PROFILE = {
    # Large quartiers with long-running management: many needs, projects and applications.
    "aachen-nord": Profil(8, 5, 180, Decimal("9000.00"), 11),
    "eilendorf": Profil(7, 5, 150, Decimal("7500.00"), 10),
    "ost-rothe-erde": Profil(8, 4, 140, Decimal("8000.00"), 9),
    "forst-driescher-hof": Profil(6, 4, 120, Decimal("6000.00"), 8),
    "richterich": Profil(5, 3, 90, Decimal("5000.00"), 7),
    # Small or young quartiers.
    "westparkviertel": Profil(4, 2, 70, Decimal("3000.00"), 5),
    "kronenberg": Profil(5, 2, 80, Decimal("3500.00"), 5),
    "kronenberg-kullen": Profil(4, 2, 60, Decimal("2500.00"), 4),
    "preuswald": Profil(3, 1, 50, Decimal("2000.00"), 3),
}
#: A quartier an admin added: the middle of the range.
STANDARD = Profil(5, 3, 100, Decimal("5000.00"), 6)


def profil(quartier) -> Profil:
    return PROFILE.get(quartier.slug, STANDARD)
