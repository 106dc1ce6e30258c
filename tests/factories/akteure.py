"""Factories of the akteure app."""

import datetime

import factory
from django.utils import timezone

from akteure.models import (
    Akteur,
    Aufgabe,
    Beschluss,
    Beziehung,
    Beziehungsart,
    Einwilligung,
    Funktion,
    Gremium,
    Mitgliedschaft,
    Person,
    Sitzung,
    Tagesordnungspunkt,
)

from .quartiere import QuartierFactory


class AkteurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Akteur
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Akteur {n}")
    art = Akteur.Art.VEREIN
    email = factory.Sequence(lambda n: f"akteur{n}@verein.example")

    @factory.post_generation
    def quartiere(self, create, extracted, **kwargs):
        if create:
            self.quartiere.set(extracted if extracted is not None else [QuartierFactory()])


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    vorname = "Erika"
    nachname = factory.Sequence(lambda n: f"Musterfrau {n}")
    email = factory.Sequence(lambda n: f"person{n}@mail.example")


class EinwilligungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Einwilligung

    person = factory.SubFactory(PersonFactory)
    zweck = "Einladungen zu Gremiensitzungen"
    erteilt_am = datetime.date(2025, 1, 15)
    quelle = "schriftlich"


class FunktionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funktion

    person = factory.SubFactory(PersonFactory)
    akteur = factory.SubFactory(AkteurFactory)
    rolle = "Leitung"
    von = datetime.date(2024, 1, 1)


class BeziehungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beziehung

    quelle = factory.SubFactory(AkteurFactory)
    ziel = factory.SubFactory(AkteurFactory)
    art = factory.LazyFunction(lambda: Beziehungsart.objects.get_or_create(name="Kooperation")[0])


class GremiumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gremium

    name = factory.Sequence(lambda n: f"Stadtteilkonferenz {n}")
    art = Gremium.Art.STADTTEILKONFERENZ
    quartier = factory.SubFactory(QuartierFactory)


class MitgliedschaftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mitgliedschaft

    gremium = factory.SubFactory(GremiumFactory)
    akteur = factory.SubFactory(AkteurFactory)
    von = datetime.date(2024, 1, 1)


class SitzungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sitzung

    gremium = factory.SubFactory(GremiumFactory)
    titel = "Sitzung"
    beginn = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0, second=0) + datetime.timedelta(days=14)
    )
    ende = factory.LazyAttribute(lambda o: o.beginn + datetime.timedelta(hours=2))
    ort = "Stadtteilbüro"


class TagesordnungspunktFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tagesordnungspunkt

    sitzung = factory.SubFactory(SitzungFactory)
    nummer = factory.Sequence(lambda n: n + 1)
    titel = "Berichte aus dem Quartier"


class BeschlussFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beschluss

    sitzung = factory.SubFactory(SitzungFactory)
    text = factory.Sequence(lambda n: f"Die Konferenz unterstützt das Sommerfest ({n}).")
    ja = 7
    nein = 1
    enthaltung = 2
    anwesende = 10
    stimmberechtigte = 12
    ergebnis = Beschluss.Ergebnis.ANGENOMMEN


class AufgabeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aufgabe

    titel = factory.Sequence(lambda n: f"Aufgabe {n}")
    quartier = factory.SubFactory(QuartierFactory)
    faellig_am = datetime.date(2030, 1, 1)
