"""Two staff members grant at the same moment from a fund that can afford only one grant."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from projekte.fonds import services as fonds_services
from projekte.models import Fondsantrag, Stadtteilfonds
from tests import factories


@pytest.mark.django_db(transaction=True)
def test_gleichzeitige_bewilligungen_ueberziehen_den_fonds_nicht(quartier, qm):
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("500.00"))
    antraege = [
        fonds_services.antrag_pruefen(
            antrag=factories.FondsantragFactory(fonds=fonds, betrag_beantragt=Decimal("400.00")),
            von=qm,
        )
        for _ in range(2)
    ]
    start = threading.Barrier(2)
    ergebnisse = {}

    def bewilligen(antrag):
        try:
            start.wait()
            fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag=Decimal("400.00"))
            ergebnisse[antrag.pk] = "ok"
        except ValidationError as e:
            ergebnisse[antrag.pk] = e.message_dict["betrag_bewilligt"][0]
        finally:
            connections.close_all()  # each thread had its own connection

    threads = [threading.Thread(target=bewilligen, args=(a,)) for a in antraege]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    werte = sorted(ergebnisse.values())
    assert werte[1] == "ok"
    assert werte[0] == "Der Fonds reicht dafür nicht: Es sind nur noch 100,00\u00a0€ verfügbar."
    fonds = Stadtteilfonds.objects.get(pk=fonds.pk)
    bewilligt = Fondsantrag.objects.filter(fonds=fonds, status="bewilligt")
    assert bewilligt.count() == 1
    assert fonds.bewilligt_summe == Decimal("400.00") == bewilligt.get().betrag_bewilligt
