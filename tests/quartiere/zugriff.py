"""Builders for the URL walk (tests/test_zugriffsschutz.py): URL name -> builder(quartier, text)
that creates a record in `quartier` with `text` in its text fields and returns reverse kwargs."""


def _quartier_seite(quartier, text):
    quartier.beschreibung = text
    quartier.save()
    return {"slug": quartier.slug}


OBJEKTE = {
    "quartiere:detail": _quartier_seite,
}
