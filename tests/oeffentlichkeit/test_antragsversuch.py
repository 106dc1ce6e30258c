"""Rate-limit rows keep only a keyed hash of the address for a day, and no audit history."""

import pytest
from django.db import connection

from oeffentlichkeit.models import Antragsversuch

pytestmark = pytest.mark.django_db


def test_antragsversuche_haben_keinen_verlauf():
    assert not hasattr(Antragsversuch, "history")
    assert "oeffentlichkeit_historicalantragsversuch" not in connection.introspection.table_names()
