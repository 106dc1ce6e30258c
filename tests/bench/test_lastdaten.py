"""`lastdaten` generates city-scale data in bulk that respects every constraint."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import F, Q, Sum

from akteure.models import (
    Akteur,
    Aufgabe,
    Beschluss,
    Beziehung,
    Gremium,
    Mitgliedschaft,
    Person,
    Sitzung,
)
from bedarfe.models import Bedarf, Bedarfsereignis, Weiterleitung
from projekte.models import (
    Auszahlung,
    Fondsantrag,
    Projekt,
    Projektpartner,
    Stadtteilfonds,
    Termin,
    Verwendungsnachweis,
)
from quartiere.models import Programmeinsatz, Quartier
from quartiere.rules import darf_quartier_bearbeiten, ist_leitung
from quartiersmanagement.models import Benutzer

pytestmark = pytest.mark.django_db


@pytest.fixture
def lastdaten(settings):
    settings.DEBUG = True
    call_command("lastdaten", "--skalierung", "0.01", stdout=io.StringIO())


def test_lastdaten_erzeugt_die_mengen_der_skalierung(lastdaten):
    assert Quartier.objects.filter(slug__startswith="lastquartier-").count() == 1
    erwartet = {
        Bedarf: 2000,
        Bedarfsereignis: 6000,
        Weiterleitung: 1500,
        Akteur: 500,
        Person: 1000,
        Beziehung: 2000,
        Gremium: 20,
        Mitgliedschaft: 100,
        Sitzung: 200,
        Beschluss: 200,
        Aufgabe: 200,
        Projekt: 200,
        Projektpartner: 400,
        Termin: 2000,
        Stadtteilfonds: 10,
        Fondsantrag: 300,
    }
    for model, anzahl in erwartet.items():
        assert 0.9 * anzahl <= model.objects.count() <= 1.1 * anzahl, model


def test_lastdaten_legen_konten_ohne_passwort_mit_rollen_an(lastdaten):
    quartier = Quartier.objects.get(slug="lastquartier-1")
    qm = Benutzer.objects.get(username="last-qm-1")
    leitung = Benutzer.objects.get(username="last-leitung")
    assert darf_quartier_bearbeiten(qm, quartier)
    assert ist_leitung(leitung) and not ist_leitung(qm)
    assert not qm.has_usable_password() and not leitung.has_usable_password()
    assert Programmeinsatz.objects.filter(quartier=quartier).exists()


def test_lastdaten_halten_die_geldregeln_ein(lastdaten):
    for fonds in Stadtteilfonds.objects.annotate(
        summe=Sum("antraege__betrag_bewilligt", default=0)
    ):
        assert fonds.summe == fonds.bewilligt_summe <= fonds.budget
    assert not Fondsantrag.objects.filter(ausgezahlt_summe__gt=F("betrag_bewilligt")).exists()
    for antrag in Fondsantrag.objects.filter(status="ausgezahlt").annotate(
        gezahlt=Sum("buchungen__betrag", filter=Q(buchungen__art="auszahlung"))
    ):
        assert antrag.gezahlt == antrag.ausgezahlt_summe <= antrag.betrag_bewilligt
    assert Auszahlung.objects.exists()
    eingereicht = Fondsantrag.objects.filter(status="nachweis_eingereicht")
    assert eingereicht.count() == Verwendungsnachweis.objects.count() > 0
    assert not eingereicht.filter(verwendungsnachweis__isnull=True).exists()


def test_lastdaten_zweiter_lauf_wird_abgelehnt(lastdaten, settings):
    with pytest.raises(CommandError, match="schon Lastdaten"):
        call_command("lastdaten", "--skalierung", "0.01")
    assert Bedarf.objects.count() == 2000


def test_lastdaten_vorhandene_behalten_erzeugt_nichts_neues(lastdaten):
    ausgabe = io.StringIO()
    call_command("lastdaten", "--skalierung", "0.01", "--vorhandene-behalten", stdout=ausgabe)
    assert "schon vorhanden" in ausgabe.getvalue()
    assert Bedarf.objects.count() == 2000


def test_lastdaten_ohne_debug_nur_mit_erzwingen(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--erzwingen"):
        call_command("lastdaten", "--skalierung", "0.01")
    assert not Quartier.objects.exists()


@pytest.mark.parametrize("wert", ["0", "-1", "abc"])
def test_lastdaten_lehnt_ungueltige_skalierung_ab(settings, wert):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="Zahl"):
        call_command("lastdaten", "--skalierung", wert)
