"""Activation figures per year, computed in the database."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from projekte import selectors
from projekte.models import Teilnahme, Termin
from tests import factories

pytestmark = pytest.mark.django_db


def test_aktivierung_je_jahr_ohne_abgesagte_termine(quartier):
    kinder = factories.ZielgruppeFactory(name="Kinder")
    eltern = factories.ZielgruppeFactory(name="Eltern")
    jetzt = timezone.now()
    t1 = factories.TerminFactory(quartier=quartier, ehrenamtliche=2, ehrenamtsstunden=5)
    factories.TeilnahmeFactory(termin=t1, zielgruppe=kinder, anzahl=10)
    factories.TeilnahmeFactory(termin=t1, zielgruppe=eltern, anzahl=4)
    vorjahr = factories.TerminFactory(
        quartier=quartier, beginn=jetzt - datetime.timedelta(days=400), ehrenamtliche=1
    )
    factories.TeilnahmeFactory(termin=vorjahr, zielgruppe=kinder, anzahl=7)
    abgesagt = factories.TerminFactory(quartier=quartier, abgesagt=True, ehrenamtliche=9)
    factories.TeilnahmeFactory(termin=abgesagt, zielgruppe=kinder, anzahl=99)

    gesamt = selectors.aktivierung(Termin.objects.filter(quartier=quartier))
    assert gesamt == {
        "termine": 2,
        "teilnehmende": 21,
        "ehrenamtliche": 3,
        "ehrenamtsstunden": Decimal("5.00"),
    }
    je_jahr = selectors.aktivierung_je_jahr(Termin.objects.filter(quartier=quartier))
    assert [(z["jahr"], z["termine"], z["teilnehmende"]) for z in je_jahr] == [
        (t1.beginn.year, 1, 14),
        (vorjahr.beginn.year, 1, 7),
    ]


def _teilnehmende(termin) -> int:
    termin.refresh_from_db(fields=["teilnehmende"])
    return termin.teilnehmende


def test_teilnehmende_des_termins_folgen_den_teilnahmen_auf_jedem_weg(quartier):
    """The database keeps Termin.teilnehmende: ORM saves, bulk writes, deletes, a participation
    moved to another event, and a form saving an event with a stale value."""
    kinder = factories.ZielgruppeFactory(name="Kinder")
    eltern = factories.ZielgruppeFactory(name="Eltern")
    termin = factories.TerminFactory(quartier=quartier)
    anderer = factories.TerminFactory(quartier=quartier)
    assert _teilnehmende(termin) == 0
    factories.TeilnahmeFactory(termin=termin, zielgruppe=kinder, anzahl=10)
    eltern_teilnahme = factories.TeilnahmeFactory(termin=termin, zielgruppe=eltern, anzahl=5)
    assert _teilnehmende(termin) == 15
    Teilnahme.objects.filter(pk=eltern_teilnahme.pk).update(anzahl=7)
    assert _teilnehmende(termin) == 17
    Teilnahme.objects.filter(pk=eltern_teilnahme.pk).update(termin=anderer)
    assert (_teilnehmende(termin), _teilnehmende(anderer)) == (10, 7)
    Teilnahme.objects.bulk_create([Teilnahme(termin=anderer, zielgruppe=kinder, anzahl=3)])
    assert _teilnehmende(anderer) == 10
    Teilnahme.objects.filter(termin=anderer).delete()
    assert _teilnehmende(anderer) == 0
    veraltet = Termin.objects.get(pk=termin.pk)
    veraltet.teilnehmende = 999
    veraltet.save()
    assert _teilnehmende(termin) == 10
