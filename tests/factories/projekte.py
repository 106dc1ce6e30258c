"""Factories of the projekte app: projects, events, funds and applications."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from projekte.models import (
    Auszahlung,
    Buchung,
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


def fonds_buchen(antrag, *, bewilligt=None, ausgezahlt=None) -> Fondsantrag:
    """Give a test application a grant and payouts the way the database allows: as bookings of
    the fund's journal (its sums are never written directly). Raises the requested amount when a
    test grants more, and moves an undecided application to bewilligt/ausgezahlt."""
    heute = timezone.localdate()
    antrag.refresh_from_db()
    if bewilligt:
        neu = (antrag.betrag_bewilligt or 0) + Decimal(bewilligt)
        if neu > antrag.betrag_beantragt:
            Fondsantrag.objects.filter(pk=antrag.pk).update(betrag_beantragt=neu)
        Buchung.objects.create(
            fonds_id=antrag.fonds_id,
            antrag=antrag,
            art="bewilligung",
            betrag=bewilligt,
            datum=heute,
        )
    if ausgezahlt:
        Buchung.objects.create(
            fonds_id=antrag.fonds_id,
            antrag=antrag,
            art="auszahlung",
            betrag=ausgezahlt,
            datum=heute,
        )
    antrag.refresh_from_db()
    offen = (Fondsantrag.Status.EINGEREICHT, Fondsantrag.Status.GEPRUEFT)
    if antrag.status in offen and antrag.betrag_bewilligt:
        antrag.status = "ausgezahlt" if antrag.ausgezahlt_summe else "bewilligt"
        Fondsantrag.objects.filter(pk=antrag.pk).update(status=antrag.status)
    return antrag


class FondsantragFactory(factory.django.DjangoModelFactory):
    """`betrag_bewilligt` and `ausgezahlt_summe` are booked in the journal (see fonds_buchen)."""

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

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        bewilligt = kwargs.pop("betrag_bewilligt", None)
        ausgezahlt = kwargs.pop("ausgezahlt_summe", None)
        status = kwargs.pop("status", None)
        if bewilligt and Decimal(bewilligt) > kwargs.get("betrag_beantragt", 0):
            kwargs["betrag_beantragt"] = bewilligt
        antrag = super()._create(model_class, *args, **kwargs)
        if bewilligt is None and status in Fondsantrag.BEWILLIGTE:
            bewilligt = antrag.betrag_beantragt
        antrag = fonds_buchen(antrag, bewilligt=bewilligt, ausgezahlt=ausgezahlt)
        if status is not None:
            Fondsantrag.objects.filter(pk=antrag.pk).update(status=status)
            antrag.status = status
        return antrag


class AuszahlungFactory(factory.django.DjangoModelFactory):
    """A payout booking; grants the missing amount first (tests of figures need no workflow)."""

    class Meta:
        model = Auszahlung

    antrag = factory.SubFactory(FondsantragFactory)
    betrag = Decimal("100.00")
    datum = factory.LazyFunction(timezone.localdate)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        antrag = kwargs["antrag"]
        antrag.refresh_from_db()
        fehlt = Decimal(kwargs["betrag"]) - antrag.offen_auszuzahlen
        if fehlt > 0:
            fonds_buchen(antrag, bewilligt=fehlt)
        auszahlung = super()._create(model_class, *args, **kwargs)
        if antrag.status == Fondsantrag.Status.BEWILLIGT:
            Fondsantrag.objects.filter(pk=antrag.pk).update(status="ausgezahlt")
        antrag.refresh_from_db()
        return auszahlung
