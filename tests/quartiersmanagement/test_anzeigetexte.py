"""The `choice_label` filter of the list rows shows what Django's get_FOO_display shows, in the
active language, and the status colour of a need follows its status."""

import pytest
from django.template import Context, Template
from django.utils import translation

from akteure.models import Akteur
from bedarfe.models import Bedarf
from quartiersmanagement.templatetags.qm import choice_label


@pytest.mark.parametrize("status", Bedarf.Status)
def test_auswahltext_gleicht_djangos_anzeige(status):
    bedarf = Bedarf(status=status)
    assert choice_label(bedarf, "status") == bedarf.get_status_display() == status.label


def test_auswahltext_je_feld_und_modell():
    bedarf = Bedarf(status=Bedarf.Status.NEU, prioritaet=Bedarf.Prioritaet.HOCH)
    akteur = Akteur(art=Akteur.Art.choices[-1][0])
    assert choice_label(bedarf, "prioritaet") == bedarf.get_prioritaet_display()
    assert choice_label(akteur, "art") == akteur.get_art_display()


def test_unbekannter_wert_wird_selbst_angezeigt():
    assert choice_label(Bedarf(status="gibt_es_nicht"), "status") == "gibt_es_nicht"


def test_auswahltext_folgt_der_aktiven_sprache():
    vorlage = Template('{% load qm %}{{ bedarf|choice_label:"status" }}')
    bedarf = Bedarf(status=Bedarf.Status.ERLEDIGT)
    for sprache in ("de", "en", "de"):
        with translation.override(sprache):
            assert vorlage.render(Context({"bedarf": bedarf})) == bedarf.get_status_display()


def test_statusfarbe_je_status():
    assert Bedarf(status=Bedarf.Status.ERLEDIGT).status_klasse == "text-bg-success"
    assert Bedarf(status=Bedarf.Status.ZURUECKGESTELLT).status_klasse == "text-bg-light border"
    assert Bedarf(status=Bedarf.Status.NEU).status_klasse == "text-bg-warning"
