"""quartiersmanagement.listen: reverse() once per list page with the same URLs (adresse_je);
a query's count, existence and choices cached under the data version, fresh after any write."""

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bedarfe.models import Bedarf
from quartiersmanagement.listen import Seitenteiler, adresse_je, anzahl, vorhanden, werte
from tests import factories


@pytest.mark.parametrize("pk", [1, 7, 123456789])
def test_adresse_gleicht_reverse_mit_zahl(pk):
    assert adresse_je("bedarfe:detail")(pk) == reverse("bedarfe:detail", kwargs={"pk": pk})


@pytest.mark.parametrize("slug", ["spielplatz-nord", "a_b-2"])
def test_adresse_gleicht_reverse_mit_kurzname(slug):
    adresse = adresse_je("projekte:detail", "slug")
    assert adresse(slug) == reverse("projekte:detail", kwargs={"slug": slug})


# --- Cached figures of a query (anzahl, vorhanden, werte, Seitenteiler) -----------------------


def _ohne_stand(kontext) -> list[str]:
    return [a["sql"] for a in kontext.captured_queries if "qm_datenstand" not in a["sql"]]


@pytest.mark.django_db
def test_anzahl_zaehlt_einmal_bis_zur_naechsten_aenderung(quartier):
    factories.BedarfFactory.create_batch(2, quartier=quartier)
    qs = Bedarf.objects.filter(quartier=quartier)
    assert anzahl(qs) == 2
    with CaptureQueriesContext(connection) as kontext:
        assert anzahl(Bedarf.objects.filter(quartier=quartier)) == 2
    assert _ohne_stand(kontext) == []
    factories.BedarfFactory(quartier=quartier)
    assert anzahl(Bedarf.objects.filter(quartier=quartier)) == 3


@pytest.mark.django_db
def test_anzahl_unterscheidet_abfragen_nach_sql_und_parametern(quartier, anderes_quartier):
    factories.BedarfFactory.create_batch(2, quartier=quartier)
    factories.BedarfFactory(quartier=anderes_quartier)
    assert anzahl(Bedarf.objects.filter(quartier=quartier)) == 2
    assert anzahl(Bedarf.objects.filter(quartier=anderes_quartier)) == 1
    assert anzahl(Bedarf.objects.filter(quartier=quartier, titel="gibt es nicht")) == 0


@pytest.mark.django_db
def test_vorhanden_folgt_einer_aenderung(quartier):
    qs = Bedarf.objects.filter(quartier=quartier)
    assert vorhanden(qs) is False
    factories.BedarfFactory(quartier=quartier)
    assert vorhanden(Bedarf.objects.filter(quartier=quartier)) is True


@pytest.mark.django_db
def test_werte_trennt_lesarten_derselben_abfrage(quartier):
    qs = Bedarf.objects.filter(quartier=quartier)
    assert werte("a", qs, lambda q: "erste") == "erste"
    assert werte("b", qs, lambda q: "zweite") == "zweite"
    assert werte("a", qs, lambda q: "nicht gerechnet") == "erste"


@pytest.mark.django_db
def test_seitenteiler_gleicht_dem_paginator(quartier):
    factories.BedarfFactory.create_batch(7, quartier=quartier)
    qs = Bedarf.objects.filter(quartier=quartier).order_by("pk")
    eigen, django = Seitenteiler(qs, 3).get_page(3), Paginator(qs, 3).get_page(3)
    assert eigen.paginator.count == django.paginator.count == 7
    assert eigen.paginator.num_pages == 3
    assert list(eigen.object_list) == list(django.object_list)
    assert Seitenteiler([1, 2, 3], 2).count == 3


@pytest.mark.django_db
def test_bedarfsliste_zeigt_nach_neuem_bedarf_die_neue_anzahl(client, qm, quartier):
    client.force_login(qm)
    factories.BedarfFactory.create_batch(2, quartier=quartier)
    assert "2 Bedarfe gefunden" in client.get(reverse("bedarfe:liste")).content.decode()
    factories.BedarfFactory(quartier=quartier)
    assert "3 Bedarfe gefunden" in client.get(reverse("bedarfe:liste")).content.decode()


@pytest.mark.django_db
def test_abfragen_fremder_modelle_werden_nicht_zwischengespeichert():
    """Django's auth tables carry no trigger: their figures are always read afresh."""
    from django.contrib.auth.models import Group

    vorher = anzahl(Group.objects.all())
    Group.objects.create(name="Neu")
    assert anzahl(Group.objects.all()) == vorher + 1
    assert Seitenteiler(Group.objects.order_by("pk"), 10).count == vorher + 1
