"""Other apps add sections to the quartier page through quartiere.abschnitte."""

import pytest

from quartiersmanagement import abschnitte

pytestmark = pytest.mark.django_db


def test_registrierter_abschnitt_erscheint_auf_der_quartierseite(
    client, qm, quartier, tmp_path, settings
):
    vorlage = tmp_path / "probe_abschnitt.html"
    vorlage.write_text("<p>Offene Bedarfe: {{ daten.anzahl }} in {{ objekt.name }}</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    abschnitt = abschnitte.Abschnitt(
        titel="Probe", template="probe_abschnitt.html", kontext=lambda u, q: {"anzahl": 7}
    )
    abschnitte.registrieren("quartier", abschnitt)
    try:
        client.force_login(qm)
        inhalt = client.get(quartier.get_absolute_url()).content.decode()
    finally:
        abschnitte._registriert["quartier"].pop("probe_abschnitt.html")
    assert "Offene Bedarfe: 7 in Preuswald" in inhalt
