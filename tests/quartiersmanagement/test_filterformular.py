"""The filter forms of the lists are rendered in Python (formulare.filterfeld_html): the same
markup as crispy's bootstrap5 field, labels, help texts and German errors at the field."""

import django_filters
import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bedarfe.models import Bedarf
from quartiere.models import Quartier
from quartiersmanagement import formulare
from quartiersmanagement.formulare import DatumEingabe, auswahl_laden, filterfeld_html
from quartiersmanagement.templatetags.qm import filterfelder
from tests import factories

pytestmark = pytest.mark.django_db


class BeispielFilter(django_filters.FilterSet):
    suche = django_filters.CharFilter(label="Suche", help_text="Titel & Beschreibung")
    quartier = django_filters.ModelChoiceFilter(label="Quartier", queryset=Quartier.objects.all())
    status = django_filters.ChoiceFilter(label="Status", choices=Bedarf.Status.choices)
    ab = django_filters.DateFilter(label="ab", field_name="gemeldet_am", widget=DatumEingabe)
    offen = django_filters.BooleanFilter(label="offen")

    class Meta:
        model = Bedarf
        fields = []


def _normal(html):
    return " ".join(str(html).split()).replace("> <", "><").replace("> ", ">").replace(" <", "<")


def _beide(daten):
    """The same field rendered by crispy and by the helper, each from a fresh form."""
    for name in BeispielFilter.base_filters:
        crispy = as_crispy_field(BeispielFilter(daten).form[name])
        eigen = filterfeld_html(BeispielFilter(daten).form[name])
        yield name, _normal(crispy), _normal(eigen)


def test_filterfelder_gleichen_crispy(quartier):
    for name, crispy, eigen in _beide({"suche": "Spiel", "quartier": quartier.pk, "offen": "true"}):
        # The one difference: the help text is escaped here (crispy marks it safe).
        assert eigen == crispy.replace("Titel & Beschreibung", "Titel &amp; Beschreibung"), name


def test_fehler_stehen_deutsch_am_feld(quartier):
    form = BeispielFilter({"quartier": "999999", "ab": "gestern"}).form
    form.is_valid()
    html = filterfeld_html(form["quartier"])
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_quartier_error"' in html
    assert 'class="invalid-feedback"' in html
    assert "gültige Auswahl" in html
    assert "is-invalid" in html
    assert "Bitte ein gültiges Datum eingeben" in filterfeld_html(form["ab"])


def test_label_und_hilfetext_sind_verbunden_und_maskiert():
    html = filterfeld_html(BeispielFilter({}).form["suche"])
    assert '<label for="id_suche" class="form-label">Suche</label>' in html
    assert 'aria-describedby="id_suche_helptext"' in html
    assert '<div id="id_suche_helptext" class="form-text">Titel &amp; Beschreibung</div>' in html


def test_benutzertext_im_feld_wird_maskiert():
    html = filterfeld_html(BeispielFilter({"suche": '"><script>x</script>'}).form["suche"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_modellauswahl_liest_ihre_optionen_mit_einer_abfrage(quartier, anderes_quartier):
    form = BeispielFilter({"quartier": quartier.pk}).form
    assert form.is_valid()  # as in a list view: the filter validated before the page renders
    with CaptureQueriesContext(connection) as abfragen:
        auswahl_laden(form)
        html = filterfelder(form) + filterfelder(form)
    sql = [a["sql"] for a in abfragen.captured_queries if "qm_datenstand" not in a["sql"]]
    assert len(sql) == 1
    assert "DECLARE" not in sql[0]
    assert f'<option value="{quartier.pk}" selected>' in html
    assert f'<option value="{anderes_quartier.pk}">' in html


def test_modellauswahl_kommt_bis_zur_naechsten_aenderung_aus_dem_zwischenspeicher(quartier):
    auswahl_laden(BeispielFilter({}).form)
    with CaptureQueriesContext(connection) as abfragen:
        html = filterfelder(BeispielFilter({}).form)
    assert not [a for a in abfragen.captured_queries if "quartiere_quartier" in a["sql"]]
    assert quartier.name in html
    neu = factories.QuartierFactory(name="Neues Quartier")
    html = filterfelder(BeispielFilter({}).form)
    assert f'<option value="{neu.pk}">Neues Quartier</option>' in html


def test_andere_widgets_rendert_weiter_crispy():
    class MitHaken(forms.Form):
        haken = forms.BooleanField(label="Haken", required=False)

    feld = MitHaken()["haken"]
    assert _normal(filterfeld_html(feld)) == _normal(as_crispy_field(MitHaken()["haken"]))


def test_filterformular_kommt_bei_gleichen_filtern_aus_dem_zwischenspeicher(quartier, monkeypatch):
    erstes = filterfelder(BeispielFilter({"suche": "Spiel"}).form)
    gerendert = []
    monkeypatch.setattr(formulare, "filterfeld_html", lambda feld: gerendert.append(feld))
    with CaptureQueriesContext(connection) as abfragen:
        zweites = filterfelder(BeispielFilter({"suche": "Spiel"}).form)
    assert zweites == erstes
    assert gerendert == []
    assert not [a for a in abfragen.captured_queries if "quartiere_quartier" in a["sql"]]


def test_filterformular_zeigt_andere_werte_und_fehler_nicht_aus_dem_zwischenspeicher(quartier):
    filterfelder(BeispielFilter({"suche": "Spiel"}).form)
    assert 'value="Park"' in filterfelder(BeispielFilter({"suche": "Park"}).form)
    falsch = BeispielFilter({"suche": "Spiel", "ab": "gestern"}).form
    assert "Bitte ein gültiges Datum eingeben" in filterfelder(falsch)


def test_filterformular_unterscheidet_die_auswahl_der_benutzer(quartier, anderes_quartier):
    class NurEines(BeispielFilter):
        def __init__(self, *args, quartiere, **kwargs):
            super().__init__(*args, **kwargs)
            self.filters["quartier"].queryset = quartiere

    eines = filterfelder(NurEines({}, quartiere=Quartier.objects.filter(pk=quartier.pk)).form)
    beide = filterfelder(NurEines({}, quartiere=Quartier.objects.all()).form)
    assert anderes_quartier.name not in eines
    assert anderes_quartier.name in beide


def test_filterformular_folgt_einer_aenderung_der_auswahl(quartier):
    filterfelder(BeispielFilter({}).form)
    factories.QuartierFactory(name="Ganz neues Quartier")
    assert "Ganz neues Quartier" in filterfelder(BeispielFilter({}).form)


def test_filterformular_mit_auswahl_eines_fremden_modells_liest_immer_neu():
    from django.contrib.auth.models import Group

    class NachGruppe(django_filters.FilterSet):
        gruppe = django_filters.ModelChoiceFilter(label="Gruppe", queryset=Group.objects.all())

        class Meta:
            model = Bedarf
            fields = []

    assert "Redaktion" not in filterfelder(NachGruppe({}).form)
    Group.objects.create(name="Redaktion")
    assert "Redaktion" in filterfelder(NachGruppe({}).form)
