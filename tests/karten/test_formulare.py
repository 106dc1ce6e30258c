"""Places set in forms (WKT from the map widget) and borders uploaded as GeoJSON."""

import json

import pytest
from django.urls import reverse

from bedarfe.models import Bedarf
from quartiere.models import Quartier
from quartiersmanagement.map_widgets import BorderFormField
from tests import factories

from .orte import punkt, quadrat

pytestmark = pytest.mark.django_db


def test_bedarf_mit_ort_von_der_karte_erfassen(client, qm, quartier):
    client.force_login(qm)
    antwort = client.post(
        reverse("bedarfe:anlegen"),
        {
            "quartier": quartier.pk,
            "titel": "Bänke am Spielplatz",
            "gemeldet_am": "2026-06-01",
            "prioritaet": 2,
            "nennungen": 1,
            "quelle": Bedarf._meta.get_field("quelle").default or "sonstige",
            "lage": "POINT(6.064 50.7465)",
        },
    )
    assert antwort.status_code == 302, antwort.context["form"].errors
    bedarf = Bedarf.objects.get()
    assert (round(bedarf.lage.x, 4), round(bedarf.lage.y, 4)) == (6.064, 50.7465)


def test_grenze_aus_geojson_feature_wird_multipolygon():
    feature = {
        "type": "Feature",
        "properties": {"name": "Preuswald"},
        "geometry": json.loads(quadrat()[0].geojson),
    }
    grenze = BorderFormField(required=False).clean(json.dumps(feature))
    assert grenze.geom_type == "MultiPolygon" and grenze.contains(punkt())


@pytest.mark.parametrize(
    "text,meldung",
    [
        ("kein json", "kein gültiges GeoJSON"),
        ('{"type": "Point", "coordinates": [6, 50]}', "nur aus Polygonen"),
        (
            '{"type": "Polygon", "coordinates": [[[0,0],[1,1],[1,0],[0,1],[0,0]]]}',
            "ungültig",
        ),
    ],
)
def test_ungueltige_grenze_mit_deutscher_meldung(text, meldung):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match=meldung):
        BorderFormField(required=False).clean(text)


def test_grenze_in_der_verwaltung_hochladen(admin_client, quartier):
    seite = admin_client.get(reverse("admin:quartiere_quartier_change", args=[quartier.pk]))
    assert b"data-grenze-widget" in seite.content
    form = seite.context["adminform"].form
    daten = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    daten.update(
        {
            "grenze": quadrat().geojson,
            "programmeinsaetze-TOTAL_FORMS": 0,
            "programmeinsaetze-INITIAL_FORMS": 0,
            "zustaendigkeiten-TOTAL_FORMS": 0,
            "zustaendigkeiten-INITIAL_FORMS": 0,
        }
    )
    antwort = admin_client.post(
        reverse("admin:quartiere_quartier_change", args=[quartier.pk]), daten
    )
    assert antwort.status_code == 302, antwort.context["adminform"].form.errors
    assert Quartier.objects.get().grenze.contains(punkt())


def test_akteur_ort_in_der_verwaltung_ohne_cdn_widget(admin_client, quartier):
    akteur = factories.AkteurFactory(quartiere=[quartier], lage=punkt())
    seite = admin_client.get(reverse("admin:akteure_akteur_change", args=[akteur.pk]))
    assert b"data-ort-widget" in seite.content
    assert b"cdn" not in seite.content.lower()
