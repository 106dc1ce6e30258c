"""Builders for the URL walk (tests/test_zugriffsschutz.py) of the berichte app."""

from tests.factories import BedarfFactory, BerichtspflichtFactory, ProgrammeinsatzFactory


def _programm(quartier, text):
    # Programmes are city-wide choices in other forms: the text goes into the report only.
    einsatz = ProgrammeinsatzFactory(quartier=quartier)
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
