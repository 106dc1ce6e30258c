"""Builders for the URL walk (tests/test_zugriffsschutz.py) of the berichte app."""

import itertools

from tests.factories import BedarfFactory, BerichtspflichtFactory, ProgrammeinsatzFactory

_nummer = itertools.count()


def _programm(quartier, text):
    einsatz = ProgrammeinsatzFactory(
        quartier=quartier, programm__name=f"{text[:180]} {next(_nummer)}"
    )
    BerichtspflichtFactory(programm=einsatz.programm, titel=text[:200])
    return {"pk": einsatz.programm.pk}


def _jahresbericht(quartier, text):
    BedarfFactory(quartier=quartier, titel=text[:200], beschreibung=text)
    return {"slug": quartier.slug, "jahr": 2026}


OBJEKTE = {
    "berichte:programm": _programm,
    "berichte:jahresbericht_pdf": _jahresbericht,
    "berichte:jahresbericht_xlsx": _jahresbericht,
}
