import datetime

import factory

from oeffentlichkeit.models import Beitrag, Seite

from .quartiere import QuartierFactory

__all__ = ["BeitragFactory", "SeiteFactory"]


class BeitragFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beitrag

    quartier = factory.SubFactory(QuartierFactory)
    titel = factory.Sequence(lambda n: f"Neuigkeit {n}")
    teaser = "Kurz gesagt: Es tut sich was."
    text = "Erster Absatz.\n\nZweiter Absatz."
    veroeffentlicht_am = factory.LazyFunction(lambda: datetime.date.today())


class SeiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seite
        django_get_or_create = ("art",)

    art = Seite.Art.IMPRESSUM
    titel = "Impressum"
    text = "Stadt Aachen"
