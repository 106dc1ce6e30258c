"""Builders for the URL walk (tests/test_zugriffsschutz.py): URL name -> builder(quartier, text)
that creates a record in `quartier` with `text` in its text fields and returns reverse kwargs.
The quartier page itself is berichte's (tests/berichte/zugriff.py)."""

OBJEKTE: dict = {}
