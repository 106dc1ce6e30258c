"""The "Verlauf" shows who changed which field when, in the staff's words."""

import pytest

from quartiere.models import Zustaendigkeit
from quartiersmanagement.history import history_for
from tests import factories

pytestmark = pytest.mark.django_db


def test_verlauf_zeigt_feldaenderung_mit_person_neueste_zuerst(qm):
    quartier = factories.QuartierFactory(name="Alt", einwohner=100)
    quartier.name = "Neu"
    quartier._history_user = qm
    quartier.save()
    neueste, angelegt = history_for(quartier)
    assert neueste.user == qm
    assert str(neueste.kind) == "geändert"
    assert [(a.field, a.old, a.new) for a in neueste.changes] == [("Name", "Alt", "Neu")]
    assert str(angelegt.kind) == "angelegt"


def test_verlauf_zeigt_auswahltexte_und_namen_verknuepfter_datensaetze():
    z = factories.ZustaendigkeitFactory(rolle=Zustaendigkeit.Rolle.LESEND)
    anderes = factories.QuartierFactory(name="Richterich")
    z.rolle = Zustaendigkeit.Rolle.QUARTIERSMANAGEMENT
    z.quartier = anderes
    z.save()
    aenderungen = {a.field: (a.old, a.new) for a in history_for(z)[0].changes}
    assert aenderungen["Rolle"] == ("Lesend", "Quartiersmanagement")
    assert aenderungen["Quartier"][1] == "Richterich"


@pytest.mark.parametrize("aenderungen", [2, 40])
def test_verlauf_mit_fester_zahl_an_abfragen(django_assert_max_num_queries, aenderungen):
    z = factories.ZustaendigkeitFactory()
    for i in range(aenderungen):
        z.quartier = factories.QuartierFactory(name=f"Q{i}")
        z.save()
    with django_assert_max_num_queries(3):
        eintraege = history_for(z)
    assert len(eintraege) == min(aenderungen + 1, 30)


def test_quartierseite_zeigt_den_verlauf(client, qm, quartier):
    client.force_login(qm)
    inhalt = client.get(quartier.get_absolute_url()).content.decode()
    assert "Verlauf" in inhalt and "angelegt" in inhalt
