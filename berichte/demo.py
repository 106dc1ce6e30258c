"""Demo texts of reports: the Jahresbericht of Preuswald for this year and the Sachbericht of
the general programme for this year, so that the feature is visible. Idempotent."""

import datetime

from django.utils import timezone

from quartiere.models import Programm, Quartier

from .models import Berichtstext

JAHRESBERICHT = {
    "einleitung": (
        "Das Stadtteilbüro Preuswald war in diesem Jahr an zwei Tagen pro Woche geöffnet. "
        "Schwerpunkte waren das Wohnumfeld rund um die Hochhäuser und die Nachbarschaftshilfe."
    ),
    "kommentar_bedarfe": (
        "Die meisten Bedarfe betrafen Beleuchtung, Spielflächen und Treffpunkte für Jugendliche."
    ),
    "kommentar_netzwerk": "Die Stadtteilkonferenz tagte regelmäßig und gut besucht.",
    "kommentar_stadtteilfonds": "Der Stadtteilfonds förderte vor allem kleine Nachbarschaftsfeste.",
    "ausblick": "Im kommenden Jahr soll ein Quartiersgarten am Stadtwald entstehen.",
}

SACHBERICHT = {
    "einleitung": (
        "Das allgemeine Quartiersmanagement arbeitet in den Aachener Quartieren als Lotse "
        "zwischen Bewohnerschaft, Trägern und Verwaltung."
    ),
    "ausblick": "Die Zusammenarbeit mit den Fachbereichen wird weiter verstetigt.",
}


def _texte(schluessel: dict, texte: dict) -> None:
    """Create or correct the texts; an unchanged record is not saved again (no history)."""
    text, neu = Berichtstext.objects.get_or_create(**schluessel, defaults=texte)
    if not neu and any(getattr(text, feld) != wert for feld, wert in texte.items()):
        for feld, wert in texte.items():
            setattr(text, feld, wert)
        text.save()


def laden() -> None:
    jahr = timezone.localdate().year
    quartier = Quartier.objects.filter(slug="preuswald").first()
    if quartier is not None:
        _texte({"quartier": quartier, "jahr": jahr}, JAHRESBERICHT)
    programm = Programm.objects.filter(name="Allgemeines Quartiersmanagement").first()
    if programm is not None:
        _texte(
            {
                "programm": programm,
                "von": datetime.date(jahr, 1, 1),
                "bis": datetime.date(jahr, 12, 31),
            },
            SACHBERICHT,
        )
