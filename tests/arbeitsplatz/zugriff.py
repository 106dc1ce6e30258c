"""Entries of the arbeitsplatz app for the URL walk (tests/test_zugriffsschutz.py): its pages
have no parameters; the POSTs change only the user's own marks and mail setting."""

EIGENES_KONTO = {"arbeitsplatz:gelesen", "arbeitsplatz:benachrichtigung"}
KONTODATEN = {"arbeitsplatz.Vermerk", "arbeitsplatz.Benachrichtigung"}
