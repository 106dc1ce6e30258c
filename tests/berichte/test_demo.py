import pytest

from berichte import demo
from berichte.models import Berichtstext
from tests import factories


@pytest.mark.django_db
def test_demotexte_laden_ist_idempotent():
    factories.QuartierFactory(slug="preuswald")
    factories.ProgrammFactory(name="Allgemeines Quartiersmanagement")
    demo.laden()
    demo.laden()
    assert Berichtstext.objects.count() == 2
    assert Berichtstext.history.count() == 2
