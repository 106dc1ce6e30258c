"""A forward's quartier is its need's, on every path: kept by database triggers (migration
bedarfe.0011), never written by the application."""

import pytest

from bedarfe.models import Weiterleitung
from tests import factories

pytestmark = pytest.mark.django_db


def _quartier_id(weiterleitung) -> int:
    return Weiterleitung.objects.values_list("quartier_id", flat=True).get(pk=weiterleitung.pk)


def test_neue_weiterleitung_bekommt_das_quartier_des_bedarfs(quartier):
    w = factories.WeiterleitungFactory(bedarf__quartier=quartier)
    assert _quartier_id(w) == quartier.pk


def test_auch_beim_massenschreiben(quartier):
    vorlage = factories.WeiterleitungFactory(bedarf__quartier=quartier)
    neu = Weiterleitung.objects.bulk_create(
        [
            Weiterleitung(
                bedarf=vorlage.bedarf,
                fachbereich=vorlage.fachbereich,
                kontakt_email="fb@stadt.example",
                frist=vorlage.frist,
                schluessel="s-massen",
                token_hash="t-massen",
            )
        ]
    )
    assert _quartier_id(neu[0]) == quartier.pk


def test_bedarf_zieht_um_und_seine_weiterleitungen_mit(quartier, anderes_quartier):
    w = factories.WeiterleitungFactory(bedarf__quartier=quartier)
    w.bedarf.quartier = anderes_quartier
    w.bedarf.save()
    assert _quartier_id(w) == anderes_quartier.pk


def test_ein_falsches_quartier_wird_berichtigt(quartier, anderes_quartier):
    w = factories.WeiterleitungFactory(bedarf__quartier=quartier)
    Weiterleitung.objects.filter(pk=w.pk).update(quartier=anderes_quartier)
    assert _quartier_id(w) == quartier.pk
