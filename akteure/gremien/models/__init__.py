"""Models of the committees; see the modules for committees, meetings and decisions."""

from .beschluss import Berichtigung, Beschluss, Stimme
from .gremium import Gremium, Mitgliedschaft
from .sitzung import Aufgabe, AufgabeQuerySet, Sitzung, Tagesordnungspunkt, Teilnahme

__all__ = [
    "Aufgabe",
    "AufgabeQuerySet",
    "Berichtigung",
    "Beschluss",
    "Gremium",
    "Mitgliedschaft",
    "Sitzung",
    "Stimme",
    "Tagesordnungspunkt",
    "Teilnahme",
]
