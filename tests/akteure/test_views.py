"""Pages of the akteure app: wiring, filters, exports and the forbidden cases."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from akteure.models import Akteur, Beziehung, Beziehungsart, Mitgliedschaft, Sitzung
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def akteur(quartier):
    return factories.AkteurFactory(
        name="Grundschule am Wald", art=Akteur.Art.SCHULE, quartiere=[quartier]
    )


@pytest.fixture
def fremder_akteur(anderes_quartier):
    return factories.AkteurFactory(name="Sportverein Eilendorf", quartiere=[anderes_quartier])


def test_anonym_wird_zur_anmeldung_geleitet(client, akteur):
    for url in [reverse("akteure:liste"), akteur.get_absolute_url(), reverse("akteure:netzwerk")]:
        antwort = client.get(url)
        assert antwort.status_code == 302 and antwort.url.startswith(reverse("login"))


def test_liste_zeigt_nur_akteure_eigener_quartiere(client, qm, akteur, fremder_akteur):
    client.force_login(qm)
    antwort = client.get(reverse("akteure:liste"))
    assert list(antwort.context["page_obj"].object_list) == [akteur]


def test_akteur_in_zwei_quartieren_sehen_beide(client, qm_anderes, quartier, anderes_quartier):
    gemeinsam = factories.AkteurFactory(quartiere=[quartier, anderes_quartier])
    client.force_login(qm_anderes)
    assert client.get(gemeinsam.get_absolute_url()).status_code == 200


def test_volltextsuche_findet_deutsche_wortformen(client, qm, akteur, quartier):
    factories.AkteurFactory(name="Kita Sonnenschein", quartiere=[quartier])
    client.force_login(qm)
    antwort = client.get(reverse("akteure:liste"), {"q": "Grundschulen"})
    assert list(antwort.context["page_obj"].object_list) == [akteur]


def test_filter_nach_art_und_aktiv(client, qm, akteur, quartier):
    factories.AkteurFactory(name="Alter Verein", quartiere=[quartier], aktiv=False)
    client.force_login(qm)
    antwort = client.get(reverse("akteure:liste"), {"art": "schule", "aktiv": "true"})
    assert list(antwort.context["page_obj"].object_list) == [akteur]
    antwort = client.get(reverse("akteure:liste"), {"aktiv": "false"})
    assert [a.name for a in antwort.context["page_obj"].object_list] == ["Alter Verein"]


def test_csv_export_enthaelt_genau_die_gefilterte_liste(client, qm, akteur, quartier):
    factories.AkteurFactory(name="Kita Sonnenschein", art=Akteur.Art.KITA, quartiere=[quartier])
    client.force_login(qm)
    antwort = client.get(reverse("akteure:liste"), {"art": "schule", "format": "csv"})
    text = b"".join(antwort.streaming_content).decode("utf-8-sig")
    assert "Grundschule am Wald" in text and "Kita Sonnenschein" not in text
    assert text.splitlines()[0].startswith("Name;Art;Quartiere")


def test_xlsx_export(client, qm, akteur):
    client.force_login(qm)
    antwort = client.get(reverse("akteure:liste"), {"format": "xlsx"})
    mappe = load_workbook(io.BytesIO(b"".join(antwort.streaming_content)))
    zeilen = list(mappe.active.iter_rows(values_only=True))
    assert zeilen[1][0] == "Grundschule am Wald"


def test_fremder_akteur_gibt_404(client, qm, fremder_akteur):
    client.force_login(qm)
    assert client.get(fremder_akteur.get_absolute_url()).status_code == 404
    url = reverse("akteure:bearbeiten", args=[fremder_akteur.pk])
    assert client.get(url).status_code == 404


def test_lesend_darf_nicht_anlegen_oder_bearbeiten(client, lesend, akteur):
    client.force_login(lesend)
    assert client.get(akteur.get_absolute_url()).status_code == 200
    assert client.get(reverse("akteure:neu")).status_code == 403
    assert client.get(reverse("akteure:bearbeiten", args=[akteur.pk])).status_code == 403
    assert client.get(reverse("akteure:import")).status_code == 403


def test_leitung_liest_aber_bearbeitet_nicht(client, leitung, akteur):
    client.force_login(leitung)
    assert client.get(akteur.get_absolute_url()).status_code == 200
    assert client.get(reverse("akteure:bearbeiten", args=[akteur.pk])).status_code == 403


def test_akteur_anlegen(client, qm, quartier):
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:neu"),
        {
            "name": "Nachbarschaftsinitiative",
            "art": "initiative",
            "quartiere": [quartier.pk],
            "ort": "Aachen",
            "aktiv": "on",
        },
    )
    akteur = Akteur.objects.get(name="Nachbarschaftsinitiative")
    assert antwort.status_code == 302 and antwort.url == akteur.get_absolute_url()
    assert list(akteur.quartiere.all()) == [quartier]


def test_akteur_oeffentlich_ohne_einwilligung_gibt_fehler_am_feld(client, qm, quartier):
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:neu"),
        {"name": "X", "art": "verein", "quartiere": [quartier.pk], "oeffentlich": "on"},
    )
    assert antwort.status_code == 400
    assert "Einwilligung" in antwort.context["form"].errors["einwilligung_am"][0]
    assert not Akteur.objects.exists()


def test_bearbeiten_behaelt_fremde_quartiere(client, qm, quartier, anderes_quartier):
    akteur = factories.AkteurFactory(name="Alt", quartiere=[quartier, anderes_quartier])
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:bearbeiten", args=[akteur.pk]),
        {
            "name": "Neu",
            "art": "verein",
            "quartiere": [quartier.pk],
            "aktiv": "on",
            "version": akteur.version,
        },
    )
    assert antwort.status_code == 302
    akteur.refresh_from_db()
    assert akteur.name == "Neu"
    assert set(akteur.quartiere.all()) == {quartier, anderes_quartier}


def test_beziehung_zu_sich_selbst_im_formular(client, qm, akteur):
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:beziehung_neu", args=[akteur.pk]),
        {"art": Beziehungsart.objects.get(name="Kooperation").pk, "ziel": akteur.pk},
    )
    assert antwort.status_code == 400
    assert antwort.context["form"].errors["ziel"] == [
        "Ein Akteur kann keine Beziehung zu sich selbst haben."
    ]
    assert not Beziehung.objects.exists()


def test_beziehung_mit_ende_vor_beginn_im_formular(client, qm, akteur, quartier):
    anderer = factories.AkteurFactory(quartiere=[quartier])
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:beziehung_neu", args=[akteur.pk]),
        {
            "art": Beziehungsart.objects.get(name="Kooperation").pk,
            "ziel": anderer.pk,
            "von": "2026-05-01",
            "bis": "2026-04-01",
        },
    )
    assert antwort.status_code == 400
    assert antwort.context["form"].errors["bis"] == ["Das Ende liegt vor dem Beginn."]
    assert not Beziehung.objects.exists()


def test_akteurseite_zeigt_aktuelle_und_fruehere_kontakte(client, qm, akteur):
    factories.FunktionFactory(akteur=akteur, person__nachname="Aktuell", rolle="Leitung")
    factories.FunktionFactory(
        akteur=akteur, person__nachname="Früher", rolle="Kasse", bis=datetime.date(2025, 1, 1)
    )
    client.force_login(qm)
    antwort = client.get(akteur.get_absolute_url())
    assert [f.person.nachname for f in antwort.context["aktuelle_funktionen"]] == ["Aktuell"]
    assert [f.person.nachname for f in antwort.context["fruehere_funktionen"]] == ["Früher"]


# --- Personen ------------------------------------------------------------------------------


def test_person_nur_fuer_quartiere_in_denen_sie_taetig_ist(client, qm, qm_anderes, akteur):
    funktion = factories.FunktionFactory(akteur=akteur, person__nachname="Geheim")
    person = funktion.person
    client.force_login(qm)
    assert client.get(person.get_absolute_url()).status_code == 200
    client.force_login(qm_anderes)
    assert client.get(person.get_absolute_url()).status_code == 404
    assert "Geheim" not in client.get(reverse("akteure:personen")).content.decode()
    url = reverse("akteure:person_bearbeiten", args=[person.pk])
    assert client.get(url).status_code == 404


def test_person_ohne_funktion_sieht_niemand_ausser_admin(client, qm, admin_user):
    person = factories.PersonFactory()
    client.force_login(qm)
    assert client.get(person.get_absolute_url()).status_code == 404
    client.force_login(admin_user)
    assert client.get(person.get_absolute_url()).status_code == 200


def test_person_ueber_gremium_sichtbar(client, qm_anderes, anderes_quartier):
    person = factories.PersonFactory()
    factories.MitgliedschaftFactory(gremium__quartier=anderes_quartier, akteur=None, person=person)
    client.force_login(qm_anderes)
    assert client.get(person.get_absolute_url()).status_code == 200


def test_lesend_sieht_person_aber_bearbeitet_nicht(client, lesend, akteur):
    person = factories.FunktionFactory(akteur=akteur).person
    client.force_login(lesend)
    assert client.get(person.get_absolute_url()).status_code == 200
    url = reverse("akteure:person_bearbeiten", args=[person.pk])
    assert client.get(url).status_code == 403


def test_person_anlegen_mit_funktion(client, qm, akteur):
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:person_neu"),
        {
            "nachname": "Neumann",
            "akteur": akteur.pk,
            "rolle": "Vorsitz",
            "von": "2026-01-01",
            "rechtsgrundlage": "einwilligung",
            "einwilligung_zweck": "Einladungen",
            "einwilligung_am": "2026-01-01",
            "einwilligung_quelle": "schriftlich",
        },
    )
    assert antwort.status_code == 302
    assert akteur.funktionen.get().person.nachname == "Neumann"


def test_person_anlegen_nur_bei_eigenem_akteur(client, qm, fremder_akteur):
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:person_neu"),
        {"nachname": "X", "akteur": fremder_akteur.pk, "rolle": "Vorsitz", "von": "2026-01-01"},
    )
    assert antwort.status_code == 400
    assert "akteur" in antwort.context["form"].errors


def test_funktion_wechseln_im_formular(client, qm, akteur):
    funktion = factories.FunktionFactory(akteur=akteur, rolle="Kasse")
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:funktion_wechseln", args=[funktion.pk]),
        {"rolle": "Vorsitz", "ab": "2026-02-01"},
    )
    assert antwort.status_code == 302
    assert list(funktion.person.funktionen.values_list("rolle", flat=True).order_by("von")) == [
        "Kasse",
        "Vorsitz",
    ]


# --- Gremien und Sitzungen -----------------------------------------------------------------


def test_fremdes_gremium_und_sitzung_geben_404(client, qm, anderes_quartier):
    sitzung = factories.SitzungFactory(gremium__quartier=anderes_quartier)
    client.force_login(qm)
    assert client.get(sitzung.gremium.get_absolute_url()).status_code == 404
    assert client.get(sitzung.get_absolute_url()).status_code == 404
    assert client.get(reverse("akteure:protokoll_pdf", args=[sitzung.pk])).status_code == 404


def test_lesend_darf_sitzung_nicht_bearbeiten(client, lesend, quartier):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    client.force_login(lesend)
    assert client.get(sitzung.get_absolute_url()).status_code == 200
    for name in ["sitzung_bearbeiten", "beschluss_neu", "aufgabe_neu", "top_neu"]:
        assert client.get(reverse(f"akteure:{name}", args=[sitzung.pk])).status_code == 403
    assert client.post(reverse("akteure:sitzung_einladen", args=[sitzung.pk])).status_code == 403
    gremium_url = reverse("akteure:mitglied_neu", args=[sitzung.gremium.pk])
    assert client.get(gremium_url).status_code == 403


def test_zweite_offene_mitgliedschaft_im_formular(client, qm, quartier, akteur):
    gremium = factories.GremiumFactory(quartier=quartier)
    factories.MitgliedschaftFactory(gremium=gremium, akteur=akteur)
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:mitglied_neu", args=[gremium.pk]),
        {"akteur": akteur.pk, "von": "2026-01-01", "stimmberechtigt": "on"},
    )
    assert antwort.status_code == 400
    assert antwort.context["form"].errors["akteur"] == [
        "Dieses Mitglied hat in diesem Gremium schon eine laufende Mitgliedschaft."
    ]
    assert Mitgliedschaft.objects.count() == 1


def test_sitzung_planen_und_aendern_erhoeht_sequenz(client, qm, quartier):
    gremium = factories.GremiumFactory(quartier=quartier)
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:sitzung_neu", args=[gremium.pk]),
        {
            "titel": "Frühjahr",
            "beginn": "2026-04-02T18:00",
            "ende": "2026-04-02T20:00",
            "ort": "Stadtteilbüro",
        },
    )
    sitzung = Sitzung.objects.get()
    assert antwort.status_code == 302 and sitzung.sequenz == 0
    client.post(
        reverse("akteure:sitzung_bearbeiten", args=[sitzung.pk]),
        {
            "titel": "Frühjahr",
            "beginn": "2026-04-02T18:30",
            "ende": "2026-04-02T20:00",
            "ort": "Stadtteilbüro",
            "status": "geplant",
            "protokoll": "",
        },
    )
    sitzung.refresh_from_db()
    assert sitzung.sequenz == 1


def test_sitzung_mit_ende_vor_beginn_im_formular(client, qm, quartier):
    gremium = factories.GremiumFactory(quartier=quartier)
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:sitzung_neu", args=[gremium.pk]),
        {"beginn": "2026-04-02T18:00", "ende": "2026-04-02T17:00"},
    )
    assert antwort.status_code == 400
    assert antwort.context["form"].errors["ende"] == ["Das Ende liegt vor dem Beginn."]
    assert not Sitzung.objects.exists()


def test_einladen_ueber_die_seite(client, qm, quartier):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    factories.MitgliedschaftFactory(gremium=sitzung.gremium, akteur__email="m@verein.example")
    client.force_login(qm)
    antwort = client.post(reverse("akteure:sitzung_einladen", args=[sitzung.pk]))
    assert antwort.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].attachments


def test_beschluss_und_aufgabe_erfassen(client, qm, quartier, akteur):
    sitzung = factories.SitzungFactory(
        gremium__quartier=quartier, beginn=timezone.now() - datetime.timedelta(days=1)
    )
    for _i in range(9):
        m = factories.MitgliedschaftFactory(gremium=sitzung.gremium)
        sitzung.teilnahmen.create(akteur=m.akteur)
    client.force_login(qm)
    client.post(
        reverse("akteure:beschluss_neu", args=[sitzung.pk]),
        {"text": "Sommerfest findet statt.", "erfassung": "summen", "ja": 8, "enthaltung": 1},
    )
    client.post(
        reverse("akteure:aufgabe_neu", args=[sitzung.pk]),
        {"titel": "Bühne anfragen", "verantwortlich_akteur": akteur.pk, "faellig_am": "2026-06-01"},
    )
    assert sitzung.beschluesse.get().ja == 8
    aufgabe = sitzung.aufgaben.get()
    assert aufgabe.quartier == quartier
    client.post(reverse("akteure:aufgabe_erledigt", args=[aufgabe.pk]))
    aufgabe.refresh_from_db()
    assert aufgabe.erledigt


def test_quartierseite_zeigt_kennzahlen_und_offene_aufgaben(client, qm, quartier, akteur):
    factories.AufgabeFactory(quartier=quartier, titel="Spielplatz begehen")
    client.force_login(qm)
    inhalt = client.get(quartier.get_absolute_url()).content.decode()
    assert 'id="netzwerk-tabelle"' in inhalt
    assert "Spielplatz begehen" in inhalt


def test_netzwerkseite_mit_tabelle(client, qm, quartier, akteur):
    client.force_login(qm)
    antwort = client.get(reverse("akteure:netzwerk"), {"quartier": quartier.slug})
    inhalt = antwort.content.decode()
    assert antwort.status_code == 200
    assert 'id="netzwerk-daten"' in inhalt and "Grundschule am Wald" in inhalt


def test_netzwerk_eines_fremden_quartiers_gibt_404(client, qm, anderes_quartier):
    client.force_login(qm)
    antwort = client.get(reverse("akteure:netzwerk"), {"quartier": anderes_quartier.slug})
    assert antwort.status_code == 404
    antwort = client.get(reverse("akteure:netzwerk_json"), {"quartier": anderes_quartier.slug})
    assert antwort.status_code == 404


def test_oeffentliche_akteure_nur_mit_einwilligung(quartier):
    mit = factories.AkteurFactory(
        quartiere=[quartier], oeffentlich=True, einwilligung_am=datetime.date(2026, 1, 1)
    )
    factories.AkteurFactory(quartiere=[quartier])
    assert list(Akteur.objects.oeffentlich()) == [mit]


def test_einwilligung_widerrufen(client, qm, lesend, akteur):
    person = factories.FunktionFactory(akteur=akteur).person
    einwilligung = factories.EinwilligungFactory(person=person)
    url = reverse("akteure:einwilligung_widerrufen", args=[einwilligung.pk])
    client.force_login(lesend)
    assert client.get(url).status_code == 403
    client.force_login(qm)
    assert client.post(url, {"am": "2026-03-01"}).status_code == 302
    einwilligung.refresh_from_db()
    assert einwilligung.widerrufen_am == datetime.date(2026, 3, 1)


def test_lesend_darf_aufgabe_nicht_erledigen(client, lesend, quartier):
    aufgabe = factories.AufgabeFactory(quartier=quartier)
    client.force_login(lesend)
    assert client.post(reverse("akteure:aufgabe_erledigt", args=[aufgabe.pk])).status_code == 403
    aufgabe.refresh_from_db()
    assert not aufgabe.erledigt


def test_fremde_aufgabe_gibt_404(client, qm, anderes_quartier):
    aufgabe = factories.AufgabeFactory(quartier=anderes_quartier)
    client.force_login(qm)
    assert client.post(reverse("akteure:aufgabe_erledigt", args=[aufgabe.pk])).status_code == 404


def test_beziehung_zu_fremdem_akteur_nicht_waehlbar(client, qm, akteur, fremder_akteur):
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:beziehung_neu", args=[akteur.pk]),
        {"art": Beziehungsart.objects.get(name="Kooperation").pk, "ziel": fremder_akteur.pk},
    )
    assert antwort.status_code == 400 and "ziel" in antwort.context["form"].errors
    assert not Beziehung.objects.exists()


def test_qm_eines_der_quartiere_darf_gemeinsamen_akteur_bearbeiten(
    client, qm_anderes, quartier, anderes_quartier
):
    gemeinsam = factories.AkteurFactory(quartiere=[quartier, anderes_quartier])
    client.force_login(qm_anderes)
    assert client.get(reverse("akteure:bearbeiten", args=[gemeinsam.pk])).status_code == 200


def test_netzwerk_json(client, qm, quartier, akteur):
    client.force_login(qm)
    daten = client.get(reverse("akteure:netzwerk_json"), {"quartier": quartier.slug}).json()
    assert daten["knoten"][0]["name"] == "Grundschule am Wald"
    assert daten["knoten"][0]["url"] == akteur.get_absolute_url()
    assert daten["kennzahlen"]["akteure"] == 1


def test_netzwerk_json_zeigt_nach_einer_aenderung_den_neuen_stand(
    client, qm, quartier, akteur, django_capture_on_commit_callbacks
):
    client.force_login(qm)
    url = reverse("akteure:netzwerk_json")
    assert client.get(url, {"quartier": quartier.slug}).json()["kennzahlen"]["akteure"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        factories.AkteurFactory(quartiere=[quartier], name="Zweiter Akteur")
    daten = client.get(url, {"quartier": quartier.slug}).json()
    assert daten["kennzahlen"]["akteure"] == 2


def test_netzwerk_json_prueft_das_quartier_auch_aus_dem_zwischenspeicher(
    client, qm, qm_anderes, quartier, akteur
):
    client.force_login(qm)
    url = reverse("akteure:netzwerk_json")
    assert client.get(url, {"quartier": quartier.slug}).status_code == 200
    client.force_login(qm_anderes)
    assert client.get(url, {"quartier": quartier.slug}).status_code == 404


def test_teilnahme_erfassen_und_aktualisieren(client, qm, quartier, akteur):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    client.force_login(qm)
    url = reverse("akteure:teilnahme_neu", args=[sitzung.pk])
    assert client.post(url, {"akteur": akteur.pk, "status": "anwesend"}).status_code == 302
    assert client.post(url, {"akteur": akteur.pk, "status": "entschuldigt"}).status_code == 302
    assert client.post(url, {"gast": "Frau Gast", "status": "anwesend"}).status_code == 302
    assert sorted(sitzung.teilnahmen.values_list("status", flat=True)) == [
        "anwesend",
        "entschuldigt",
    ]


def test_teilnahme_ohne_teilnehmer_gibt_fehler(client, qm, quartier):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:teilnahme_neu", args=[sitzung.pk]), {"status": "anwesend"}
    )
    assert antwort.status_code == 400 and not sitzung.teilnahmen.exists()


def test_top_anlegen_ueber_die_seite(client, qm, quartier):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    client.force_login(qm)
    client.post(reverse("akteure:top_neu", args=[sitzung.pk]), {"titel": "Begrüßung"})
    assert sitzung.tagesordnungspunkte.get().nummer == 1


def test_beziehung_beenden(client, qm, lesend, akteur, quartier):
    beziehung = factories.BeziehungFactory(
        quelle=akteur, ziel=factories.AkteurFactory(quartiere=[quartier])
    )
    url = reverse("akteure:beziehung_beenden", args=[beziehung.pk])
    client.force_login(lesend)
    assert client.get(url).status_code == 403
    client.force_login(qm)
    assert client.post(url, {"am": "2026-03-01"}).status_code == 302
    beziehung.refresh_from_db()
    assert beziehung.bis == datetime.date(2026, 3, 1)


def test_gremium_bearbeiten(client, qm, qm_anderes, quartier):
    gremium = factories.GremiumFactory(quartier=quartier, name="AK Spielplatz")
    url = reverse("akteure:gremium_bearbeiten", args=[gremium.pk])
    client.force_login(qm_anderes)
    assert client.get(url).status_code == 404
    client.force_login(qm)
    antwort = client.post(
        url,
        {
            "name": "AK Spielplätze",
            "art": "arbeitskreis",
            "quartier": quartier.pk,
            "beschlussfaehigkeit": "ein_drittel",
            "mehrheit": "einfach",
        },
    )
    assert antwort.status_code == 302
    gremium.refresh_from_db()
    assert gremium.name == "AK Spielplätze"
    assert gremium.beschlussfaehigkeit == "ein_drittel" and not gremium.gaeste_rederecht


def test_oeffentliche_akteure_eines_quartiers(quartier, anderes_quartier):
    sichtbar = factories.AkteurFactory(
        quartiere=[quartier], oeffentlich=True, einwilligung_am=datetime.date(2026, 1, 1)
    )
    factories.AkteurFactory(quartiere=[quartier])
    factories.AkteurFactory(
        quartiere=[quartier],
        oeffentlich=True,
        einwilligung_am=datetime.date(2026, 1, 1),
        aktiv=False,
    )
    factories.AkteurFactory(
        quartiere=[anderes_quartier], oeffentlich=True, einwilligung_am=datetime.date(2026, 1, 1)
    )
    from akteure.selectors import oeffentliche_akteure

    assert list(oeffentliche_akteure(quartier)) == [sichtbar]


def test_anwesenheit_aller_mitglieder_auf_einer_seite(client, qm, quartier, akteur):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    m1 = factories.MitgliedschaftFactory(gremium=sitzung.gremium, akteur=akteur)
    person = factories.PersonFactory()
    m2 = factories.MitgliedschaftFactory(gremium=sitzung.gremium, akteur=None, person=person)
    client.force_login(qm)
    url = reverse("akteure:anwesenheit", args=[sitzung.pk])
    assert client.get(url).status_code == 200
    antwort = client.post(
        url, {f"s{m1.pk}": "anwesend", f"s{m2.pk}": "entschuldigt", "anwohnende": 7}
    )
    assert antwort.status_code == 302
    assert dict(sitzung.teilnahmen.values_list("person", "status")) == {
        None: "anwesend",
        person.pk: "entschuldigt",
    }
    sitzung.refresh_from_db()
    assert sitzung.anwohnende == 7
    client.post(url, {f"s{m1.pk}": "anwesend", f"s{m2.pk}": "", "anwohnende": 7})
    assert sitzung.teilnahmen.count() == 1


def test_person_bearbeiten(client, qm, akteur):
    person = factories.FunktionFactory(akteur=akteur).person
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:person_bearbeiten", args=[person.pk]),
        {
            "nachname": "Neu",
            "rechtsgrundlage": "aufgabe",
            "loeschen_am": "2027-12-31",
            "version": person.version,
        },
    )
    assert antwort.status_code == 302
    person.refresh_from_db()
    assert person.nachname == "Neu" and str(person.loeschen_am) == "2027-12-31"


def test_teilnahme_nur_mit_personen_des_quartiers(client, quartier, anderes_quartier):
    # A QM of both quartiers must not carry a person of one into a meeting of the other.
    beide = factories.benutzer_mit_rolle(quartier, username="qm-beide")
    factories.ZustaendigkeitFactory(benutzer=beide, quartier=anderes_quartier)
    fremde_person = factories.FunktionFactory(akteur__quartiere=[anderes_quartier]).person
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    client.force_login(beide)
    antwort = client.post(
        reverse("akteure:teilnahme_neu", args=[sitzung.pk]),
        {"person": fremde_person.pk, "status": "anwesend"},
    )
    assert antwort.status_code == 400 and "person" in antwort.context["form"].errors
    assert not sitzung.teilnahmen.exists()


def test_liste_absteigend_sortiert(client, qm, akteur, quartier):
    factories.AkteurFactory(name="Altenclub", quartiere=[quartier])
    client.force_login(qm)
    antwort = client.get(reverse("akteure:liste"), {"sortierung": "-name"})
    assert [a.name for a in antwort.context["page_obj"].object_list] == [
        "Grundschule am Wald",
        "Altenclub",
    ]
    assert 'aria-sort="descending"' in antwort.content.decode()


def test_liste_zeigt_nach_einer_aenderung_die_neue_zeile(client, qm, akteur):
    """The rows of a page are cached under the data version: a write shows at once."""
    client.force_login(qm)
    inhalt = client.get(reverse("akteure:liste")).content.decode()
    assert "Grundschule am Wald" in inhalt and "aktiv" in inhalt
    Akteur.objects.filter(pk=akteur.pk).update(name="Grundschule am See", aktiv=False)
    inhalt = client.get(reverse("akteure:liste")).content.decode()
    assert "Grundschule am See" in inhalt and "inaktiv" in inhalt
    assert "Grundschule am Wald" not in inhalt


def test_liste_maskiert_namen_in_den_zeilen(client, qm, quartier):
    factories.AkteurFactory(name="<b>Verein</b>", ort="<i>Ort</i>", quartiere=[quartier])
    client.force_login(qm)
    inhalt = client.get(reverse("akteure:liste")).content.decode()
    assert "&lt;b&gt;Verein&lt;/b&gt;" in inhalt and "&lt;i&gt;Ort&lt;/i&gt;" in inhalt
    assert "<b>Verein</b>" not in inhalt


def test_aufgaben_export_enthaelt_genau_die_gefilterte_liste(
    client, qm, quartier, anderes_quartier
):
    factories.AufgabeFactory(quartier=quartier, titel="Flyer drucken")
    factories.AufgabeFactory(
        quartier=quartier, titel="Raum buchen", erledigt_am=datetime.date(2026, 1, 5)
    )
    factories.AufgabeFactory(quartier=anderes_quartier, titel="Fremde Aufgabe")
    client.force_login(qm)
    antwort = client.get(reverse("akteure:aufgaben"), {"offen": "true", "format": "csv"})
    text = b"".join(antwort.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Aufgabe;Quartier;Sitzung;verantwortlich")
    assert "Flyer drucken" in text
    assert "Raum buchen" not in text and "Fremde Aufgabe" not in text


def test_person_ohne_einwilligung_und_ohne_loeschdatum_wird_nicht_gespeichert(client, qm, akteur):
    client.force_login(qm)
    daten = {"nachname": "Ohne", "akteur": akteur.pk, "rolle": "Vorsitz", "von": "2026-01-01"}
    antwort = client.post(
        reverse("akteure:person_neu"), {**daten, "rechtsgrundlage": "einwilligung"}
    )
    assert antwort.status_code == 400
    assert "einwilligung_zweck" in antwort.context["form"].errors
    antwort = client.post(reverse("akteure:person_neu"), {**daten, "rechtsgrundlage": "aufgabe"})
    assert antwort.status_code == 400
    assert "Löschdatum" in antwort.context["form"].errors["loeschen_am"][0]
    assert not akteur.funktionen.exists()


def test_funktion_bei_weiterem_akteur_anlegen_und_ohne_nachfolge_beenden(
    client, qm, akteur, quartier
):
    funktion = factories.FunktionFactory(akteur=akteur, rolle="Kasse", von="2025-01-01")
    zweiter = factories.AkteurFactory(quartiere=[quartier])
    client.force_login(qm)
    seite = client.get(funktion.person.get_absolute_url()).content.decode()
    assert reverse("akteure:funktion_neu", args=[funktion.person.pk]) in seite
    antwort = client.post(
        reverse("akteure:funktion_neu", args=[funktion.person.pk]),
        {"akteur": zweiter.pk, "rolle": "Vorsitz", "von": "2026-01-01"},
    )
    assert antwort.status_code == 302
    assert funktion.person.funktionen.filter(bis__isnull=True).count() == 2
    antwort = client.post(
        reverse("akteure:funktion_beenden", args=[funktion.pk]), {"bis": "2026-03-31"}
    )
    assert antwort.status_code == 302
    funktion.refresh_from_db()
    assert str(funktion.bis) == "2026-03-31"
    assert funktion.person.funktionen.count() == 2  # no successor was created


def test_funktionen_fremder_quartiere_nicht_aenderbar(client, qm_anderes, akteur):
    funktion = factories.FunktionFactory(akteur=akteur)
    client.force_login(qm_anderes)
    url = reverse("akteure:funktion_beenden", args=[funktion.pk])
    assert client.post(url, {"bis": "2026-03-31"}).status_code in (403, 404)
    url = reverse("akteure:funktion_neu", args=[funktion.person.pk])
    assert client.post(url, {"akteur": akteur.pk, "rolle": "X"}).status_code in (403, 404)
    funktion.refresh_from_db()
    assert funktion.bis is None and funktion.person.funktionen.count() == 1


def test_akteur_ort_von_der_karte_wird_gespeichert(client, qm, akteur):
    client.force_login(qm)
    seite = client.get(reverse("akteure:bearbeiten", args=[akteur.pk]))
    daten = {
        k: v for k, v in seite.context["form"].initial.items() if v is not None and k != "quartiere"
    }
    daten.update(
        quartiere=[q.pk for q in akteur.quartiere.all()],
        handlungsfelder=[],
        zielgruppen=[],
        lage="POINT(6.083887 50.776351)",
        version=akteur.version,
    )
    antwort = client.post(reverse("akteure:bearbeiten", args=[akteur.pk]), daten)
    assert antwort.status_code == 302, antwort.context["form"].errors
    akteur.refresh_from_db()
    assert (round(akteur.lage.y, 6), round(akteur.lage.x, 6)) == (50.776351, 6.083887)
