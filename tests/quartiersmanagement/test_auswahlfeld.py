"""The project's select template (templates/django/forms/widgets/select.html) writes the same
markup as Django's own, for single and multiple selects, groups, selected and disabled options
and escaped labels, and the forms use it."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer


class _MitGesperrterOption(forms.Select):
    """An option with its own attributes, as widgets may add them."""

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        if option["value"] == "b":
            option["attrs"]["disabled"] = True
            option["attrs"]["data-hinweis"] = 'gesperrt "bis Mai"'
        return option


AUSWAHL = [("", "—"), ("a", "Preuswald & Forst"), ("Stadtteile", [("b", "<Ost>"), ("c", "Kullen")])]


@pytest.mark.parametrize(
    ("widget", "wert"),
    [
        (forms.Select(choices=AUSWAHL, attrs={"class": "form-select"}), "c"),
        (forms.SelectMultiple(choices=AUSWAHL), ["a", "c"]),
        (_MitGesperrterOption(choices=AUSWAHL), ""),
        (forms.NullBooleanSelect(), True),
    ],
)
def test_gleiches_markup_wie_django(widget, wert):
    eigenes = widget.render("feld", wert, attrs={"id": "id_feld"})
    djangos = widget.render("feld", wert, attrs={"id": "id_feld"}, renderer=DjangoTemplates())
    assert eigenes == djangos
    assert "&lt;Ost&gt;" in eigenes or isinstance(widget, forms.NullBooleanSelect)


def test_formulare_nutzen_die_eigene_vorlage():
    vorlage = get_default_renderer().get_template("django/forms/widgets/select.html")
    assert "templates/django/forms/widgets/select.html" in str(vorlage.origin.name)
