"""URL walk entries (tests/test_zugriffsschutz.py) of the oeffentlichkeit app: every page here
is public by design and shows only records flagged public (see test_datenschutz.py)."""

_GRUND = "Öffentliche Quartiersseite ohne Anmeldung; zeigt nur als öffentlich markierte Daten"

OEFFENTLICH = {
    "oeffentlichkeit:uebersicht": _GRUND,
    "oeffentlichkeit:quartier": _GRUND,
    "oeffentlichkeit:projekt": _GRUND,
    "oeffentlichkeit:akteure": _GRUND + " (nur Akteure mit Einwilligung, keine Personen)",
    "oeffentlichkeit:termine": _GRUND,
    "oeffentlichkeit:termine_ics": "Öffentlicher Kalender-Feed: nur öffentliche Termine",
    "oeffentlichkeit:aushang": "Aushang (PDF) mit den öffentlichen Terminen",
    "oeffentlichkeit:beitrag": _GRUND,
    "oeffentlichkeit:beitrag_bild": "Bild eines veröffentlichten Beitrags",
    "oeffentlichkeit:feed": "Öffentlicher Atom-Feed der veröffentlichten Beiträge",
    "oeffentlichkeit:antrag": "Online-Antrag an den Stadtteilfonds (Honeypot, Ratenbegrenzung)",
    "oeffentlichkeit:antrag_danke": "Eingangsbestätigung des Online-Antrags, ohne Daten",
    "oeffentlichkeit:impressum": "Gesetzlich vorgeschriebene Seite",
    "oeffentlichkeit:datenschutz": "Gesetzlich vorgeschriebene Seite",
    "oeffentlichkeit:barrierefreiheit": "Gesetzlich vorgeschriebene Seite (BITV 2.0)",
    "oeffentlichkeit:leichte-sprache": "Gesetzlich vorgeschriebene Seite (BITV 2.0)",
}


def _beitrag(quartier, text):
    from tests.factories import BeitragFactory

    return {"pk": BeitragFactory(quartier=quartier, titel=text[:200], teaser=text[:300]).pk}


OBJEKTE = {
    "oeffentlichkeit:beitrag_bearbeiten": _beitrag,
    "oeffentlichkeit:beitrag_loeschen": _beitrag,
}
