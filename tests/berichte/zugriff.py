"""Builders for the URL walk (tests/test_zugriffsschutz.py) of the berichte app."""

import datetime

from tests.factories import (
    BedarfFactory,
    BerichtspflichtFactory,
    JahresberichtstextFactory,
    ProgrammeinsatzFactory,
    SachberichtstextFactory,
)


def _programm(quartier, text):
    # Programmes are city-wide choices in other forms: the text goes into the report only.
    einsatz = ProgrammeinsatzFactory(quartier=quartier)
    BerichtspflichtFactory(programm=einsatz.programm, titel=text[:200])
    return {"pk": einsatz.programm.pk}


def _sachbericht(quartier, text):
    """A programme running in `quartier` with texts for the default period (this year)."""
    einsatz = ProgrammeinsatzFactory(quartier=quartier)
    jahr = datetime.date.today().year
    SachberichtstextFactory(
        programm=einsatz.programm,
        von=datetime.date(jahr, 1, 1),
        bis=datetime.date(jahr, 12, 31),
        einleitung=text,
        ausblick=text,
    )
    return {"pk": einsatz.programm.pk}


def _jahresbericht(quartier, text):
    BedarfFactory(quartier=quartier, titel=text[:200], beschreibung=text)
    JahresberichtstextFactory(quartier=quartier, jahr=2026, einleitung=text, ausblick=text)
    return {"slug": quartier.slug, "jahr": 2026}


def _jahresbericht_ohne_texte(quartier, text):
    BedarfFactory(quartier=quartier, titel=text[:200], beschreibung=text)
    return {"slug": quartier.slug, "jahr": 2026}


def _quartier_seite(quartier, text):
    quartier.beschreibung = text
    quartier.save()
    BedarfFactory(quartier=quartier, titel=text[:200], beschreibung=text)
    return {"slug": quartier.slug}


OBJEKTE = {
    "berichte:quartier": _quartier_seite,
    "berichte:programm": _programm,
    "berichte:sachbericht": _sachbericht,
    "berichte:sachbericht_pdf": _sachbericht,
    "berichte:sachbericht_xlsx": _sachbericht,
    "berichte:jahresbericht": _jahresbericht,
    "berichte:jahresbericht_pdf": _jahresbericht_ohne_texte,
    "berichte:jahresbericht_xlsx": _jahresbericht_ohne_texte,
}
