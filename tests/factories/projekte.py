"""Factories of the projekte app: projects, events, funds and applications."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from projekte.models import (
    Auszahlung,
    Budgetposten,
    Fondsantrag,
    Projekt,
    Stadtteilfonds,
    Teilnahme,
    Termin,
)

from .quartiere import QuartierFactory, ZielgruppeFactory


class ProjektFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Projekt
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Projekt {n}")
    slug = factory.Sequence(lambda n: f"projekt-{n}")
    ziele = "Nachbarschaft stärken"

    @factory.post_generation
    def quartiere(self, create, extracted, **kwargs):
        if not create:
            return
        self.quartiere.set(extracted or [QuartierFactory()])


class BudgetpostenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Budgetposten

    projekt = factory.SubFactory(ProjektFactory)
    bezeichnung = factory.Sequence(lambda n: f"Posten {n}")
    quelle = Budgetposten.Quelle.STADTTEILFONDS
    geplant = Decimal("100.00")


class TerminFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Termin

    quartier = factory.SubFactory(QuartierFactory)
    titel = factory.Sequence(lambda n: f"Termin {n}")
    beginn = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0))
    ort = "Stadtteilbüro"


class TeilnahmeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Teilnahme

    termin = factory.SubFactory(TerminFactory)
    zielgruppe = factory.SubFactory(ZielgruppeFactory)
    anzahl = 10


class StadtteilfondsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stadtteilfonds
        django_get_or_create = ("quartier", "jahr")

    quartier = factory.SubFactory(QuartierFactory)
    jahr = factory.LazyFunction(lambda: timezone.localdate().year)
    budget = Decimal("5000.00")
    max_je_antrag = Decimal("1500.00")
    schwelle_qm = Decimal("500.00")


class FondsantragFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fondsantrag

    fonds = factory.SubFactory(StadtteilfondsFactory)
    titel = factory.Sequence(lambda n: f"Antrag {n}")
    zweck = "Nachbarschaftsfest"
    kostenplan = "Material: 300 €"
    betrag_beantragt = Decimal("300.00")
    eingegangen_am = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=10)
    )
    antragsteller_name = "Erika Beispiel"
    antragsteller_email = "erika@example.org"
    einwilligung = True


class AuszahlungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Auszahlung

    antrag = factory.SubFactory(FondsantragFactory)
    betrag = Decimal("100.00")
    datum = factory.LazyFunction(timezone.localdate)
