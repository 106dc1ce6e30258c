"""The demo needs: several states, Erhebungen, overdue and answered forwards; idempotent."""

import pytest
from django.core import mail
from django.core.management import call_command

from bedarfe.models import Bedarf, Bedarfsereignis, Erhebung, Weiterleitung

pytestmark = pytest.mark.django_db


def _zaehlen():
    return tuple(m.objects.count() for m in (Bedarf, Bedarfsereignis, Erhebung, Weiterleitung))


def test_demo_bedarfe_zweimal_ohne_duplikate_und_ohne_mails(settings):
    settings.DEBUG = True
    call_command("demo_daten")
    vorher = _zaehlen()
    call_command("demo_daten")
    assert _zaehlen() == vorher
    assert mail.outbox == []


def test_demo_bedarfe_in_mehreren_zustaenden_mit_ueberfaelligen_und_beantworteten(settings):
    settings.DEBUG = True
    call_command("demo_daten")
    assert Bedarf.objects.filter(quartier__slug="eilendorf").count() >= 5
    assert len(set(Bedarf.objects.values_list("status", flat=True))) >= 5
    assert Erhebung.objects.exists()
    assert Weiterleitung.objects.ueberfaellig().exists()
    assert Weiterleitung.objects.filter(beantwortet_am__isnull=False).exists()
