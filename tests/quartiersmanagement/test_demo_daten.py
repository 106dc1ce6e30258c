"""`demo_daten` loads the Aachen facts, is idempotent, and gives each role its view."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from bedarfe.models import Bedarf
from projekte.models import Fondsantrag, Projekt, Stadtteilfonds
from quartiere.models import Programmeinsatz, Quartier
from quartiere.selectors import quartiere_fuer
from quartiersmanagement import demo_data

pytestmark = pytest.mark.django_db


def _zaehlen():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"quartiere", "quartiersmanagement", "auth"}
    }


def test_demo_daten_zweimal_ohne_duplikate(settings):
    settings.DEBUG = True
    call_command("demo_daten")
    vorher = _zaehlen()
    call_command("demo_daten")
    nachher = _zaehlen()
    assert {k: v for k, v in nachher.items() if "Historical" not in k} == {
        k: v for k, v in vorher.items() if "Historical" not in k
    }
    assert Quartier.objects.count() == 9


def test_demo_leitung_sieht_alle_und_qm_eilendorf_nur_eilendorf(settings, django_user_model):
    settings.DEBUG = True
    call_command("demo_daten")
    leitung = django_user_model.objects.get(username="leitung")
    qm = django_user_model.objects.get(username="qm-eilendorf")
    assert quartiere_fuer(leitung).count() == 9
    assert [q.name for q in quartiere_fuer(qm)] == ["Eilendorf"]


def test_qfi_laeuft_mit_halber_stelle_in_eilendorf_und_richterich(settings):
    settings.DEBUG = True
    call_command("demo_daten")
    anteile = {
        e.quartier.slug: e.stellenanteil
        for e in Programmeinsatz.objects.filter(programm__kurzname="QFI")
    }
    assert anteile == {"aachen-nord": 100, "eilendorf": 50, "kronenberg": 100, "richterich": 50}


def test_jedes_quartier_hat_sein_eigenes_profil(settings):
    """The city overview compares something: needs, projects and fund differ per quartier."""
    settings.DEBUG = True
    call_command("demo_daten")
    je_quartier = {
        q.slug: (
            Bedarf.objects.filter(quartier=q).count(),
            Projekt.objects.filter(quartiere=q).count(),
            Stadtteilfonds.objects.get(quartier=q).budget,
            Fondsantrag.objects.filter(fonds__quartier=q).count(),
        )
        for q in Quartier.objects.all()
    }
    for stelle in range(4):
        assert len({werte[stelle] for werte in je_quartier.values()}) >= 4, je_quartier
    # The large quartier is busier than the small one.
    assert all(
        a > b for a, b in zip(je_quartier["aachen-nord"], je_quartier["preuswald"], strict=True)
    )


def test_ohne_debug_verweigert_der_befehl_die_demodaten(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo_daten")


def test_jede_app_meldet_ihre_demodaten_selbst_in_schichtreihenfolge():
    assert [part.app_label for part in demo_data.parts()] == [
        "quartiere",
        "akteure",
        "bedarfe",
        "projekte",
        "karten",
        "berichte",
        "oeffentlichkeit",
        "arbeitsplatz",
    ]
