"""Detail pages and the other lists use a constant number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from bedarfe import services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("anzahl", [2, 30])
def test_detailseite_mit_konstanten_abfragen(
    client, qm, quartier, anzahl, django_assert_max_num_queries
):
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Spielplatz", von=qm)
    bedarf.zielgruppen.add(*factories.ZielgruppeFactory.create_batch(3))
    for i in range(anzahl):
        w = factories.WeiterleitungFactory(bedarf=bedarf)
        services.weiterleitung_beantworten(
            weiterleitung=w,
            ergebnis="nicht_zustaendig",
            antwort=f"Nein {i}",
            von=qm,
            vorgeschlagener_fachbereich=factories.FachbereichFactory(),
        )
        quelle = factories.BedarfFactory(quartier=quartier, titel=f"Spielplatz {i}")
        services.bedarf_zusammenfuehren(quelle=quelle, ziel=bedarf, von=qm)
    client.force_login(qm)
    with django_assert_max_num_queries(18):  # incl. 1 for the projects section (projekte)
        antwort = client.get(bedarf.get_absolute_url())
    assert antwort.status_code == 200
    # Read again without a write in between: what the page shows of the need is cached.
    with django_assert_max_num_queries(10):
        assert client.get(bedarf.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("anzahl", [2, 30])
def test_weiterleitungen_und_erhebungen_mit_konstanten_abfragen(
    client, qm, quartier, anzahl, django_assert_max_num_queries
):
    gestern = timezone.localdate() - datetime.timedelta(days=1)
    for _ in range(anzahl):
        factories.WeiterleitungFactory(bedarf__quartier=quartier, frist=gestern)
        e = factories.ErhebungFactory(quartier=quartier)
        factories.BedarfFactory(quartier=quartier, erhebung=e)
    client.force_login(qm)
    with django_assert_max_num_queries(10):
        client.get(reverse("bedarfe:weiterleitungen"))
    with django_assert_max_num_queries(10):
        client.get(reverse("bedarfe:erhebungen"))
    with django_assert_max_num_queries(12):
        client.get(e.get_absolute_url())
