from django.core.management import call_command

from oeffentlichkeit.models import Beitrag, Seite


def test_demodaten_veroeffentlichen_beitraege_und_sind_idempotent(db, settings):
    settings.DEBUG = True
    call_command("demo_daten")
    beitraege, seiten = Beitrag.objects.count(), Seite.objects.count()
    assert beitraege >= 3
    assert seiten == 4
    call_command("demo_daten")
    assert (Beitrag.objects.count(), Seite.objects.count()) == (beitraege, seiten)
