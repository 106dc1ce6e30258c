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


def test_geteilt_rechnet_waehrend_einer_seite_nur_einmal(qm, quartier):
    aufrufe = []

    def zahl(q):
        aufrufe.append(q)
        return len(aufrufe)

    abschnitt = abschnitte.Abschnitt(
        titel="Probe",
        template="geteilt_probe.html",
        kontext=lambda u, q: {"a": abschnitte.geteilt(zahl, q), "b": abschnitte.geteilt(zahl, q)},
    )
    abschnitte.registrieren("probe", abschnitt)
    try:
        erste = abschnitte.abschnitte_fuer("probe", qm, quartier)
        zweite = abschnitte.abschnitte_fuer("probe", qm, quartier)
    finally:
        abschnitte._registriert.pop("probe")
    assert erste[0][1] == {"a": 1, "b": 1}
    # A new page computes afresh: the memo never outlives one call of abschnitte_fuer.
    assert zweite[0][1] == {"a": 2, "b": 2}


def test_geteilt_ausserhalb_einer_seite_ruft_immer_auf(quartier):
    aufrufe = []
    abschnitte.geteilt(aufrufe.append, quartier)
    abschnitte.geteilt(aufrufe.append, quartier)
    assert aufrufe == [quartier, quartier]
