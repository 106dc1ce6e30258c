"""The data version advances with every write to an own table, so cached figures follow."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from quartiersmanagement import datenstand
from tests import factories

pytestmark = pytest.mark.django_db


def _trigger_tabellen() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = %s",
            [datenstand.TRIGGER],
        )
        return {zeile[0] for zeile in cursor.fetchall()}


def test_jede_eigene_tabelle_hat_den_trigger_und_keine_fremde():
    eigene = set(datenstand.eigene_tabellen())
    assert {"bedarfe_bedarf", "akteure_akteur", "quartiere_quartier"} <= eigene
    assert "django_session" not in eigene
    assert _trigger_tabellen() == eigene


@pytest.mark.parametrize(
    "schreiben",
    [
        pytest.param(lambda q: factories.BedarfFactory(quartier=q), id="insert"),
        pytest.param(lambda q: type(q).objects.filter(pk=q.pk).update(name="X"), id="update"),
        pytest.param(lambda q: q.zustaendigkeiten.all().delete(), id="delete"),
    ],
)
def test_schreiben_erhoeht_den_stand(quartier, qm, schreiben):
    vorher = datenstand.stand()
    schreiben(quartier)
    assert datenstand.stand() > vorher


def test_zwischengespeichert_rechnet_erst_nach_einer_aenderung_neu(quartier):
    aufrufe = []

    def zaehlen():
        aufrufe.append(1)
        return len(aufrufe)

    assert datenstand.zwischengespeichert(("probe", quartier.pk), zaehlen) == 1
    assert datenstand.zwischengespeichert(("probe", quartier.pk), zaehlen) == 1
    assert datenstand.zwischengespeichert(("probe", 0), zaehlen) == 2
    factories.BedarfFactory(quartier=quartier)
    assert datenstand.zwischengespeichert(("probe", quartier.pk), zaehlen) == 3


def test_get_liest_den_stand_einmal_post_nach_jeder_aenderung(quartier):
    """Within a GET request the version is read once; a POST sees its own writes."""
    gelesen = []

    def ansicht(request):
        gelesen.append(datenstand.stand())
        factories.BedarfFactory(quartier=quartier)
        gelesen.append(datenstand.stand())
        return HttpResponse()

    mw = datenstand.DatenstandMiddleware(ansicht)
    mw(RequestFactory().get("/"))
    assert gelesen[0] == gelesen[1]
    gelesen.clear()
    mw(RequestFactory().post("/"))
    assert gelesen[1] > gelesen[0]
