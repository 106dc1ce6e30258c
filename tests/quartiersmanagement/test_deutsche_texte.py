"""German output: one slug helper, full-time positions, thousands separators."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from quartiersmanagement.templatetags.qm import vollzeitstellen
from quartiersmanagement.text import german_slugify
from tests import factories


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Spielplatz für alle", "spielplatz-fuer-alle"),
        ("Ältere Menschen im Öcher Süden", "aeltere-menschen-im-oecher-sueden"),
        ("Straßenfest", "strassenfest"),
    ],
)
def test_slug_schreibt_umlaute_aus(text, slug):
    assert german_slugify(text) == slug


@pytest.mark.django_db
def test_projekt_slug_mit_umlauten(qm, quartier):
    from projekte import services

    projekt = services.projekt_anlegen(
        von=qm, quartiere=[quartier], titel="Gärten für Familien", ziele="Grün"
    )
    assert projekt.slug == "gaerten-fuer-familien"


@pytest.mark.django_db
def test_admin_bildet_quartier_slug_mit_umlauten(admin_client):
    antwort = admin_client.post(
        reverse("admin:quartiere_quartier_add"),
        {
            "name": "Süsterfeld",
            "slug": "",
            "stadtbezirk": "Laurensberg",
            "aktiv": "on",
            "programmeinsaetze-TOTAL_FORMS": "0",
            "programmeinsaetze-INITIAL_FORMS": "0",
            "zustaendigkeiten-TOTAL_FORMS": "0",
            "zustaendigkeiten-INITIAL_FORMS": "0",
        },
    )
    assert antwort.status_code == 302, antwort.context["adminform"].form.errors
    assert factories.QuartierFactory._meta.model.objects.get(name="Süsterfeld").slug == (
        "suesterfeld"
    )


def test_vollzeitstellen_statt_prozent():
    with translation.override("de"):
        assert vollzeitstellen(Decimal("400.00")) == "4,0 Vollzeitstellen"
        assert vollzeitstellen(Decimal("100")) == "1,0 Vollzeitstelle"
        assert vollzeitstellen(Decimal("75.5")) == "0,76 Vollzeitstellen"
        assert vollzeitstellen(Decimal("150")) == "1,5 Vollzeitstellen"


def test_zahlen_mit_tausenderpunkt():
    with translation.override("de"):
        html = Template(
            "{% load i18n %}{% blocktranslate with zahl=n %}{{ zahl }} Einwohner:innen"
            "{% endblocktranslate %}"
        ).render(Context({"n": 16400}))
    assert html == "16.400 Einwohner:innen"
