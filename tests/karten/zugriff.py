"""Builders for the URL walk (tests/test_zugriffsschutz.py) of the karten app."""

from tests.factories import BedarfFactory

from .orte import punkt


def _quartier_daten(quartier, text):
    BedarfFactory(quartier=quartier, titel=text[:200], lage=punkt())
    return {"slug": quartier.slug}


OBJEKTE = {"karten:quartier_daten": _quartier_daten, "karten:quartier": _quartier_daten}
