"""get_FOO_display() of every domain model looks its translated texts up once per field and
language (quartiersmanagement.models.Timestamped) and says the same as Django's own."""

import pytest
from django.db.models import Model
from django.utils import translation

from bedarfe.models import Bedarf

pytestmark = pytest.mark.django_db


def test_anzeige_gleicht_djangos_eigener():
    for status in Bedarf.Status:
        bedarf = Bedarf(status=status, prioritaet=Bedarf.Prioritaet.choices[0][0])
        assert bedarf.get_status_display() == Model._get_FIELD_display(
            bedarf, Bedarf._meta.get_field("status")
        )
        assert bedarf.get_status_display() == str(status.label)


def test_unbekannter_wert_wird_selbst_angezeigt():
    assert Bedarf(status="gibt_es_nicht").get_status_display() == "gibt_es_nicht"


def test_anzeige_folgt_der_aktiven_sprache():
    bedarf = Bedarf(status=Bedarf.Status.ERLEDIGT)
    feld = Bedarf._meta.get_field("status")
    for sprache in ("de", "en", "de"):
        with translation.override(sprache):
            assert bedarf.get_status_display() == Model._get_FIELD_display(bedarf, feld)


def test_statusfarbe_je_status():
    assert Bedarf(status=Bedarf.Status.ERLEDIGT).status_klasse == "text-bg-success"
    assert Bedarf(status=Bedarf.Status.ZURUECKGESTELLT).status_klasse == "text-bg-light border"
    assert Bedarf(status=Bedarf.Status.NEU).status_klasse == "text-bg-warning"
