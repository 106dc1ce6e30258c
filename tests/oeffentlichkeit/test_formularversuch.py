"""Rate-limit rows keep only a keyed hash of the address for a day, and no audit history."""

import pytest
from django.db import connection

from oeffentlichkeit.models import Formularversuch

pytestmark = pytest.mark.django_db


def test_formularversuche_haben_keinen_verlauf():
    assert not hasattr(Formularversuch, "history")
    tabellen = connection.introspection.table_names()
    assert not [t for t in tabellen if "historicalantragsversuch" in t or "historicalformular" in t]
