"""Factories of the bedarfe app. Needs created through a factory get no timeline entry; tests
of the workflow use the services."""

import datetime

import factory
from django.utils import timezone

from bedarfe.models import Bedarf, Erhebung, Weiterleitung, token_pruefsumme
from bedarfe.weiterleitungen import services as weiterleitung_services

from .quartiere import FachbereichFactory, QuartierFactory


class ErhebungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Erhebung

    quartier = factory.SubFactory(QuartierFactory)
    titel = factory.Sequence(lambda n: f"Quartiersbegehung {n}")
    methode = Erhebung.Methode.QUARTIERSBEGEHUNG
    datum = datetime.date(2026, 5, 12)
    teilnehmende = 14


class BedarfFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bedarf

    quartier = factory.SubFactory(QuartierFactory)
    titel = factory.Sequence(lambda n: f"Bedarf {n}")
    beschreibung = "Beschreibung des Bedarfs."
    gemeldet_am = datetime.date(2026, 6, 1)


class WeiterleitungFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Weiterleitung

    bedarf = factory.SubFactory(BedarfFactory, status=Bedarf.Status.WEITERGELEITET)
    fachbereich = factory.SubFactory(FachbereichFactory)
    kontakt_email = "fb@stadt.example"
    frist = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(weeks=4))
    schluessel = factory.Sequence(lambda n: f"schluessel-{n}")
    token_hash = factory.LazyAttribute(
        lambda o: token_pruefsumme(weiterleitung_services._token_aus_schluessel(o.schluessel))
    )


def token_von(weiterleitung) -> str:
    """The answer-link token of a forward (as in its e-mail)."""
    return weiterleitung_services._token_aus_schluessel(weiterleitung.schluessel)
