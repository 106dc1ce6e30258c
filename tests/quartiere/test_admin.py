"""The admin works for the municipal admins who maintain quartiers and programmes."""

import pytest
from django.urls import reverse

from quartiere.models import Zustaendigkeit
from tests import factories

pytestmark = pytest.mark.django_db

MODELLE = [
    "fachbereich",
    "quartier",
    "programm",
    "programmeinsatz",
    "berichtspflicht",
    "zustaendigkeit",
    "handlungsfeld",
    "zielgruppe",
]


@pytest.mark.parametrize("modell", MODELLE)
def test_admin_liste_und_neu_laden(admin_client, modell):
    factories.ProgrammeinsatzFactory()
    factories.ZustaendigkeitFactory()
    factories.BerichtspflichtFactory()
    factories.HandlungsfeldFactory()
    factories.ZielgruppeFactory()
    assert admin_client.get(reverse(f"admin:quartiere_{modell}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:quartiere_{modell}_add")).status_code == 200


def test_admin_quartier_bearbeiten_und_verlauf(admin_client):
    quartier = factories.QuartierFactory()
    factories.ZustaendigkeitFactory(quartier=quartier)
    change = reverse("admin:quartiere_quartier_change", args=[quartier.pk])
    assert admin_client.get(change).status_code == 200
    verlauf = reverse("admin:quartiere_quartier_history", args=[quartier.pk])
    assert admin_client.get(verlauf).status_code == 200


def test_admin_benutzerseite_mit_zustaendigkeiten(admin_client):
    z = factories.ZustaendigkeitFactory()
    url = reverse("admin:quartiersmanagement_benutzer_change", args=[z.benutzer.pk])
    assert "Zuständigkeit" in admin_client.get(url).content.decode()


def test_admin_meldet_ueberschneidende_zustaendigkeit_statt_fehler(admin_client):
    z = factories.ZustaendigkeitFactory()
    response = admin_client.post(
        reverse("admin:quartiere_zustaendigkeit_add"),
        {
            "benutzer": z.benutzer.pk,
            "quartier": z.quartier.pk,
            "rolle": z.rolle,
            "von": "01.06.2025",
        },
    )
    assert response.status_code == 200
    assert "schon eine Zuständigkeit" in response.content.decode()
    assert Zustaendigkeit.objects.count() == 1


def test_fachkraft_ohne_adminrecht_kommt_nicht_in_die_verwaltung(client, qm):
    client.force_login(qm)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_admin_programmeinsatz_nimmt_deutschen_stellenanteil(admin_client):
    einsatz = factories.ProgrammeinsatzFactory(stellenanteil=50)
    change = reverse("admin:quartiere_programmeinsatz_change", args=[einsatz.pk])
    assert 'value="50,00"' in admin_client.get(change).content.decode()
    daten = {
        "programm": einsatz.programm_id,
        "quartier": einsatz.quartier_id,
        "von": einsatz.von.isoformat(),
        "bis": "",
        "stellenanteil": "37,5",
    }
    antwort = admin_client.post(change, daten)
    assert antwort.status_code == 302, antwort.context["adminform"].form.errors
    einsatz.refresh_from_db()
    assert str(einsatz.stellenanteil) == "37.50"


def test_admin_verweigert_programmeinsatz_nach_ende_der_laufzeit_auf_deutsch(admin_client):
    qfi = factories.ProgrammFactory(
        kurzname="QFI", laufzeit_von="2017-01-01", laufzeit_bis="2019-12-31"
    )
    quartier = factories.QuartierFactory(name="Eilendorf")
    antwort = admin_client.post(
        reverse("admin:quartiere_programmeinsatz_add"),
        {
            "programm": qfi.pk,
            "quartier": quartier.pk,
            "von": "2020-01-01",
            "bis": "",
            "stellenanteil": "50",
        },
    )
    assert antwort.status_code == 200
    fehler = antwort.context["adminform"].form.errors
    assert "läuft nur bis 31.12.2019" in fehler["bis"][0]
    assert not qfi.einsaetze.exists()
