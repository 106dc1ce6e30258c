"""The demo data of the akteure app: idempotent, one Stadtteilkonferenz per quartier."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from akteure import demo
from akteure.models import Akteur, Gremium, Mitgliedschaft, Person, Sitzung
from quartiere.models import Quartier

pytestmark = pytest.mark.django_db


def _zaehlen():
    return [m.objects.count() for m in (Akteur, Person, Gremium, Mitgliedschaft, Sitzung)]


def test_demo_daten_der_akteure_zweimal_ohne_duplikate(settings):
    settings.DEBUG = True
    call_command("demo_daten")
    vorher = _zaehlen()
    demo.laden()
    assert _zaehlen() == vorher
    assert Gremium.objects.filter(art=Gremium.Art.STADTTEILKONFERENZ).count() == (
        Quartier.objects.count()
    )
    jetzt = timezone.now()
    for gremium in Gremium.objects.all():
        sitzungen = list(gremium.sitzungen.all())
        assert any(s.beginn < jetzt and s.protokoll for s in sitzungen)
        assert any(s.beginn > jetzt and s.status == Sitzung.Status.GEPLANT for s in sitzungen)
    assert all(p.einwilligungen.exists() for p in Person.objects.all())
    assert not Akteur.objects.filter(oeffentlich=True, einwilligung_am__isnull=True).exists()
