"""The daily reminder command and the admin's guard on the fund budget."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from projekte.fonds import services as fonds_services
from projekte.models import Fondsantrag
from tests import factories

pytestmark = pytest.mark.django_db


def test_befehl_erinnert_einmal_am_tag(quartier, qm):
    fonds = factories.StadtteilfondsFactory(quartier=quartier)
    antrag = fonds_services.antrag_pruefen(antrag=factories.FondsantragFactory(fonds=fonds), von=qm)
    fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag="100")
    Fondsantrag.objects.filter(pk=antrag.pk).update(
        nachweis_faellig_am=timezone.localdate() - datetime.timedelta(days=3)
    )
    call_command("nachweise_erinnern")
    call_command("nachweise_erinnern")
    assert len(mail.outbox) == 1
    assert "Verwendungsnachweis" in mail.outbox[0].subject


def test_budget_unter_bewilligter_summe_wird_abgelehnt(quartier, qm):
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("1000"))
    antrag = fonds_services.antrag_pruefen(antrag=factories.FondsantragFactory(fonds=fonds), von=qm)
    fonds_services.antrag_bewilligen(antrag=antrag, von=qm, betrag="300")
    fonds.refresh_from_db()
    with pytest.raises(ValidationError) as e:
        fonds_services.fonds_aendern(fonds=fonds, von=qm, budget=Decimal("200"))
    assert "budget" in e.value.message_dict
