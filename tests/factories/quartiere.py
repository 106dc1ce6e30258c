"""Factories of the base app and of users with roles."""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from quartiere.models import (
    Berichtspflicht,
    Fachbereich,
    Handlungsfeld,
    Programm,
    Programmeinsatz,
    Quartier,
    Zielgruppe,
    Zustaendigkeit,
)
from quartiere.zugriff import GRUPPE_LEITUNG

PASSWORT = "test-passwort-123"


class GruppeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ("name",)

    name = GRUPPE_LEITUNG


class BenutzerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"benutzer{n}")
    first_name = factory.Faker("first_name", locale="de_DE")
    last_name = factory.Faker("last_name", locale="de_DE")
    email = factory.LazyAttribute(lambda o: f"{o.username}@stadt.example")
    password = factory.django.Password(PASSWORT)


class FachbereichFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fachbereich
        django_get_or_create = ("kuerzel",)

    kuerzel = factory.Sequence(lambda n: f"FB {n + 10}")
    name = factory.Sequence(lambda n: f"Fachbereich {n}")
    email = factory.LazyAttribute(lambda o: f"{o.kuerzel.replace(' ', '').lower()}@stadt.example")


class QuartierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quartier
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Quartier {n}")
    slug = factory.Sequence(lambda n: f"quartier-{n}")
    stadtbezirk = "Aachen-Mitte"
    einwohner = 5000


class ProgrammFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programm

    name = factory.Sequence(lambda n: f"Programm {n}")
    art = Programm.Art.KOMMUNAL
    fachbereich = factory.SubFactory(FachbereichFactory)
    traeger = "Stadt Aachen"
    laufzeit_von = datetime.date(2024, 1, 1)


class ProgrammeinsatzFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programmeinsatz

    programm = factory.SubFactory(ProgrammFactory)
    quartier = factory.SubFactory(QuartierFactory)
    # Within the programme's Laufzeit, as the database demands.
    von = factory.LazyAttribute(lambda o: o.programm.laufzeit_von)
    bis = factory.LazyAttribute(lambda o: o.programm.laufzeit_bis)
    stellenanteil = Decimal("100")


class BerichtspflichtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Berichtspflicht

    programm = factory.SubFactory(ProgrammFactory)
    titel = factory.Sequence(lambda n: f"Sachbericht {n}")
    faellig_am = datetime.date(2027, 3, 31)


class ZustaendigkeitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zustaendigkeit

    benutzer = factory.SubFactory(BenutzerFactory)
    quartier = factory.SubFactory(QuartierFactory)
    rolle = Zustaendigkeit.Rolle.QUARTIERSMANAGEMENT
    von = datetime.date(2024, 1, 1)


class HandlungsfeldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Handlungsfeld
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")


class ZielgruppeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zielgruppe
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Zielgruppe {n}")


def benutzer_mit_rolle(quartier, rolle=Zustaendigkeit.Rolle.QUARTIERSMANAGEMENT, **kwargs):
    """A user with a current role in one quartier."""
    benutzer = BenutzerFactory(**kwargs)
    ZustaendigkeitFactory(benutzer=benutzer, quartier=quartier, rolle=rolle)
    return benutzer


def leitung(**kwargs):
    """A user of the city-wide Leitung group."""
    benutzer = BenutzerFactory(**kwargs)
    benutzer.groups.add(GruppeFactory(name=GRUPPE_LEITUNG))
    return benutzer
