"""What the needs list filters by a need's forwards is kept on the need by database triggers
(migration bedarfe.0014) on every path: the earliest open Frist (`offene_frist`, "Weiterleitung
überfällig") and the departments forwarded to (`fachbereiche`, "weitergeleitet an")."""

import datetime

import pytest
from django.utils import timezone

from bedarfe.models import Bedarf, Weiterleitung
from bedarfe.selectors import ueberfaellig_am
from tests import factories

pytestmark = pytest.mark.django_db

HEUTE = timezone.localdate
TAG = datetime.timedelta(days=1)


def _offene_frist(bedarf):
    return Bedarf.objects.values_list("offene_frist", flat=True).get(pk=bedarf.pk)


def _fachbereiche(bedarf):
    return Bedarf.objects.values_list("fachbereiche", flat=True).get(pk=bedarf.pk)


def _nachgezaehlt(bedarf):
    """Both values counted from the forwards."""
    fristen = Weiterleitung.objects.offen().filter(bedarf=bedarf).values_list("frist", flat=True)
    fachbereiche = Weiterleitung.objects.filter(bedarf=bedarf).values_list("fachbereich", flat=True)
    return min((f for f in fristen if f), default=None), sorted(set(fachbereiche))


def test_offene_frist_folgt_den_weiterleitungen_auf_jedem_weg(quartier):
    """ORM saves, answers, withdrawals, update(), bulk writes, a forward moved to another need
    (a merge), deletes, and a form saving the need with a stale value."""
    bedarf = factories.BedarfFactory(quartier=quartier)
    anderer = factories.BedarfFactory(quartier=quartier)
    assert _offene_frist(bedarf) is None
    spaet = factories.WeiterleitungFactory(bedarf=bedarf, frist=HEUTE() + 10 * TAG)
    frueh = factories.WeiterleitungFactory(bedarf=bedarf, frist=HEUTE() - 3 * TAG)
    assert _offene_frist(bedarf) == HEUTE() - 3 * TAG
    assert _fachbereiche(bedarf) == sorted([spaet.fachbereich_id, frueh.fachbereich_id])
    frueh.beantwortet_am = timezone.now()
    frueh.ergebnis = Weiterleitung.Ergebnis.UEBERNOMMEN
    frueh.save()
    assert _offene_frist(bedarf) == HEUTE() + 10 * TAG
    Weiterleitung.objects.filter(pk=spaet.pk).update(frist=HEUTE() - TAG)
    assert _offene_frist(bedarf) == HEUTE() - TAG
    Weiterleitung.objects.filter(pk=spaet.pk).update(bedarf=anderer)
    assert (_offene_frist(bedarf), _offene_frist(anderer)) == (None, HEUTE() - TAG)
    assert (_fachbereiche(bedarf), _fachbereiche(anderer)) == (
        [frueh.fachbereich_id],  # answered, still forwarded to
        [spaet.fachbereich_id],
    )
    Weiterleitung.objects.bulk_create(
        [
            Weiterleitung(
                bedarf=bedarf,
                fachbereich=spaet.fachbereich,
                kontakt_email="fb@stadt.example",
                frist=HEUTE() + 2 * TAG,
                schluessel="s-massen",
                token_hash="h-massen",
            )
        ]
    )
    assert _offene_frist(bedarf) == HEUTE() + 2 * TAG
    Weiterleitung.objects.filter(pk=spaet.pk).update(
        zurueckgezogen_am=timezone.now(), ergebnis=Weiterleitung.Ergebnis.ZURUECKGEZOGEN
    )
    assert _offene_frist(anderer) is None
    veraltet = Bedarf.objects.get(pk=bedarf.pk)
    veraltet.offene_frist = HEUTE() - 100 * TAG
    veraltet.fachbereiche = [0]
    veraltet.save()
    assert _offene_frist(bedarf) == HEUTE() + 2 * TAG
    assert _fachbereiche(bedarf) == sorted({frueh.fachbereich_id, spaet.fachbereich_id})
    for b in (bedarf, anderer):
        assert (_offene_frist(b), _fachbereiche(b)) == _nachgezaehlt(b)
    Weiterleitung.objects.filter(bedarf=bedarf).delete()
    assert (_offene_frist(bedarf), _fachbereiche(bedarf)) == (None, [])


def test_ueberfaellig_ist_eine_frist_vor_heute(quartier):
    faellig_heute = factories.WeiterleitungFactory(bedarf__quartier=quartier, frist=HEUTE())
    gestern = factories.WeiterleitungFactory(bedarf__quartier=quartier, frist=HEUTE() - TAG)
    ohne = factories.BedarfFactory(quartier=quartier)
    flags = dict(Bedarf.objects.annotate(u=ueberfaellig_am(HEUTE())).values_list("pk", "u"))
    assert flags == {faellig_heute.bedarf_id: False, gestern.bedarf_id: True, ohne.pk: False}
