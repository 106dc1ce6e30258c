"""Activation figures per year, computed in the database."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from projekte import selectors
from projekte.models import Termin
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
