"""The named predicates and the selectors that every later list builds on."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from bedarfe.models import Bedarf
from quartiere import rules as qrules
from quartiere.models import Zustaendigkeit
from quartiere.selectors import (
    bearbeitbare_quartiere_fuer,
    in_lesbaren_quartieren,
    quartiere_fuer,
)
from quartiere.zugriff import zugriff_fuer
from tests import factories

pytestmark = pytest.mark.django_db


def test_quartiersmanager_darf_sein_quartier_bearbeiten(qm, quartier):
    assert qrules.ist_quartiersmanager(qm, quartier)
    assert qrules.darf_quartier_bearbeiten(qm, quartier)


def test_quartiersmanager_anderer_quartiere_darf_weder_lesen_noch_bearbeiten(qm_anderes, quartier):
    assert not qrules.darf_quartier_lesen(qm_anderes, quartier)
    assert not qrules.darf_quartier_bearbeiten(qm_anderes, quartier)


def test_lesend_darf_lesen_aber_nicht_bearbeiten(lesend, quartier):
    assert qrules.darf_quartier_lesen(lesend, quartier)
    assert not qrules.darf_quartier_bearbeiten(lesend, quartier)


def test_leitung_liest_alle_quartiere_und_bearbeitet_keines(leitung, quartier):
    assert qrules.ist_leitung(leitung)
    assert qrules.darf_quartier_lesen(leitung, quartier)
    assert not qrules.darf_quartier_bearbeiten(leitung, quartier)


def test_abgelaufene_zustaendigkeit_gibt_keine_rechte(quartier):
    benutzer = factories.BenutzerFactory()
    factories.ZustaendigkeitFactory(
        benutzer=benutzer, quartier=quartier, bis=datetime.date(2024, 12, 31)
    )
    assert not qrules.darf_quartier_lesen(benutzer, quartier)
    assert list(quartiere_fuer(benutzer)) == []


def test_kuenftige_zustaendigkeit_gibt_noch_keine_rechte(quartier):
    benutzer = factories.BenutzerFactory()
    factories.ZustaendigkeitFactory(
        benutzer=benutzer, quartier=quartier, von=datetime.date.today() + datetime.timedelta(1)
    )
    assert not qrules.darf_quartier_lesen(benutzer, quartier)


def test_anonym_hat_keine_rechte(quartier):
    assert not qrules.darf_quartier_lesen(AnonymousUser(), quartier)
    assert list(quartiere_fuer(AnonymousUser())) == []


def test_superuser_hat_alle_rechte(admin_user, quartier):
    assert admin_user.has_perm("quartiere.view_quartier", quartier)
    assert set(bearbeitbare_quartiere_fuer(admin_user)) == {quartier}


def test_view_quartier_permission_folgt_der_zustaendigkeit(qm, qm_anderes, quartier):
    assert qm.has_perm("quartiere.view_quartier", quartier)
    assert not qm_anderes.has_perm("quartiere.view_quartier", quartier)


def test_quartiere_fuer_liefert_nur_zugeordnete(qm, quartier, anderes_quartier):
    assert list(quartiere_fuer(qm)) == [quartier]


def test_quartiere_fuer_leitung_liefert_alle(leitung, quartier, anderes_quartier):
    assert set(quartiere_fuer(leitung)) == {quartier, anderes_quartier}


def test_bearbeitbare_quartiere_nur_mit_rolle_quartiersmanagement(quartier, anderes_quartier):
    benutzer = factories.benutzer_mit_rolle(quartier)
    factories.ZustaendigkeitFactory(
        benutzer=benutzer, quartier=anderes_quartier, rolle=Zustaendigkeit.Rolle.LESEND
    )
    assert set(quartiere_fuer(benutzer)) == {quartier, anderes_quartier}
    assert list(bearbeitbare_quartiere_fuer(benutzer)) == [quartier]


def test_zugriff_kostet_eine_abfrage_je_anfrage(django_assert_num_queries, qm, quartier):
    """Group membership and roles in one query; every later check reads the memo."""
    with django_assert_num_queries(1):
        zugriff = zugriff_fuer(qm)
        assert qrules.darf_quartier_bearbeiten(qm, quartier)
        assert qrules.darf_quartier_lesen(qm, quartier.pk)
        assert not qrules.ist_leitung(qm)
        assert qrules.ist_zustaendig(qm, quartier)
    assert zugriff.lesbar == zugriff.bearbeitbar == {quartier.pk}


def test_zugriff_der_leitung_liest_alles_ohne_rolle(leitung, quartier, anderes_quartier):
    zugriff = zugriff_fuer(leitung)
    assert zugriff.darf_lesen(anderes_quartier.pk) and not zugriff.darf_bearbeiten(quartier.pk)
    assert zugriff.einziges_quartier() is None


def test_in_lesbaren_quartieren_ohne_bedingung_nur_fuer_stadtweite_rollen(
    qm, leitung, quartier, anderes_quartier
):
    eigener = factories.BedarfFactory(quartier=quartier)
    fremder = factories.BedarfFactory(quartier=anderes_quartier)
    alle = Bedarf.objects.all()
    assert list(in_lesbaren_quartieren(alle, qm)) == [eigener]
    assert set(in_lesbaren_quartieren(alle, leitung)) == {eigener, fremder}
    assert "quartiere_quartier" not in str(in_lesbaren_quartieren(alle, leitung).query)
