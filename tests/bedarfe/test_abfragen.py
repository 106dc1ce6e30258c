"""Detail pages and the other lists use a constant number of queries."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from bedarfe import services
from bedarfe.weiterleitungen import services as weiterleitung_services
from tests import factories

pytestmark = pytest.mark.django_db


def test_detailseite_mit_konstanten_abfragen(client, qm, quartier, abfragen):
    """The same number of queries with 2 and with 30 forwards (each re-routed), merged needs
    and events; the cache is emptied before each count, so nothing read comes from it."""
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Spielplatz", von=qm)
    bedarf.zielgruppen.add(*factories.ZielgruppeFactory.create_batch(3))

    def daten(anzahl):
        for i in range(anzahl):
            w = factories.WeiterleitungFactory(bedarf=bedarf)
            weiterleitung_services.weiterleitung_beantworten(
                weiterleitung=w,
                ergebnis="nicht_zustaendig",
                antwort=f"Nein {i}",
                von=qm,
                vorgeschlagener_fachbereich=factories.FachbereichFactory(),
            )
            weiterleitung_services.bedarf_weiterleiten(
                bedarf=bedarf, an=factories.FachbereichFactory(), von=qm, vorgaenger=w
            )
            quelle = factories.BedarfFactory(quartier=quartier, titel=f"Spielplatz {i} {anzahl}")
            services.bedarf_zusammenfuehren(quelle=quelle, ziel=bedarf, von=qm)

    client.force_login(qm)
    daten(2)
    assert client.get(bedarf.get_absolute_url()).status_code == 200
    cache.clear()
    wenige = abfragen(lambda: client.get(bedarf.get_absolute_url()))
    daten(28)
    cache.clear()
    antwort = client.get(bedarf.get_absolute_url())
    assert len(antwort.context["weiterleitungen"]) == 60
    cache.clear()
    assert abfragen(lambda: client.get(bedarf.get_absolute_url())) == wenige
    assert wenige <= 16  # 6 session and user (incl. its save), 8 page, projects, rights


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
