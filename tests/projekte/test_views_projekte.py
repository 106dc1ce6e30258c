"""Project and event pages: who sees and changes what, forms, exports, query budgets."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from projekte.models import Projekt, Termin
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def projekt(quartier):
    return factories.ProjektFactory(
        quartiere=[quartier], titel="Spielplatzpaten Preuswald", slug="spielplatzpaten"
    )


def test_liste_zeigt_nur_projekte_lesbarer_quartiere(client, qm, projekt, anderes_quartier):
    factories.ProjektFactory(quartiere=[anderes_quartier], titel="Fremdes Projekt")
    client.force_login(qm)
    inhalt = client.get(reverse("projekte:liste")).content.decode()
    assert "Spielplatzpaten Preuswald" in inhalt
    assert "Fremdes Projekt" not in inhalt


def test_volltextsuche_findet_deutsche_wortformen(client, qm, quartier):
    factories.ProjektFactory(quartiere=[quartier], titel="Gärten für Familien", ziele="Gemüse")
    factories.ProjektFactory(quartiere=[quartier], titel="Seniorencafé", ziele="Kaffee")
    client.force_login(qm)
    response = client.get(reverse("projekte:liste"), {"q": "Garten Familie"})
    titel = [p.titel for p in response.context["page_obj"]]
    assert titel == ["Gärten für Familien"]


def test_filter_nach_status(client, qm, quartier, projekt):
    factories.ProjektFactory(quartiere=[quartier], titel="Laufend", status="umsetzung")
    client.force_login(qm)
    response = client.get(reverse("projekte:liste"), {"status": "umsetzung"})
    assert [p.titel for p in response.context["page_obj"]] == ["Laufend"]


def test_projektseite_eines_fremden_quartiers_ist_404(client, qm_anderes, projekt):
    client.force_login(qm_anderes)
    assert client.get(projekt.get_absolute_url()).status_code == 404


def test_lesend_sieht_projekt_darf_aber_nicht_bearbeiten(client, lesend, projekt):
    client.force_login(lesend)
    assert client.get(projekt.get_absolute_url()).status_code == 200
    url = reverse("projekte:status", args=[projekt.slug])
    assert client.post(url, {"status": "planung", "datum": "2026-01-01"}).status_code == 403
    assert client.post(reverse("projekte:bearbeiten", args=[projekt.slug])).status_code == 403
    projekt.refresh_from_db()
    assert projekt.status == Projekt.Status.IDEE


def test_leitung_darf_kein_projekt_anlegen(client, leitung, quartier):
    client.force_login(leitung)
    assert client.get(reverse("projekte:neu")).status_code == 403


def test_qm_legt_projekt_an(client, qm, quartier):
    client.force_login(qm)
    response = client.post(
        reverse("projekte:neu"),
        {
            "titel": "Nachbarschaftscafé",
            "quartiere": [quartier.pk],
            "ziele": "Begegnung",
            "qm_rolle": "initiiert",
        },
    )
    projekt = Projekt.objects.get()
    assert response.status_code == 302 and response.url == projekt.get_absolute_url()
    assert projekt.statusaenderungen.count() == 1


def test_qm_kann_kein_projekt_im_fremden_quartier_anlegen(client, qm, anderes_quartier):
    client.force_login(qm)
    response = client.post(
        reverse("projekte:neu"),
        {"titel": "X", "quartiere": [anderes_quartier.pk], "ziele": "Y", "qm_rolle": "initiiert"},
    )
    assert response.status_code == 200
    assert "quartiere" in response.context["form"].errors
    assert not Projekt.objects.exists()


def test_statuswechsel_ueber_die_seite_mit_fehler_am_feld(client, qm, projekt):
    client.force_login(qm)
    url = reverse("projekte:status", args=[projekt.slug])
    response = client.post(url, {"status": "abgebrochen", "datum": timezone.localdate()})
    assert response.status_code == 200
    assert "kommentar" in response.context["form"].errors
    response = client.post(url, {"status": "planung", "datum": timezone.localdate()})
    assert response.status_code == 302
    projekt.refresh_from_db()
    assert projekt.status == "planung"


def test_budgetposten_mit_drei_nachkommastellen_wird_abgelehnt(client, qm, projekt):
    client.force_login(qm)
    response = client.post(
        reverse("projekte:budgetposten", args=[projekt.slug]),
        {"bezeichnung": "Erde", "quelle": "stadtteilfonds", "geplant": "10,005"},
    )
    assert response.status_code == 200
    assert "geplant" in response.context["form"].errors
    assert not projekt.budgetposten.exists()


def test_budget_summen_je_quelle_auf_der_projektseite(client, qm, projekt):
    factories.BudgetpostenFactory(projekt=projekt, quelle="drittmittel", geplant="1200.00")
    factories.BudgetpostenFactory(
        projekt=projekt, quelle="drittmittel", geplant="300.50", tatsaechlich="250.00"
    )
    client.force_login(qm)
    inhalt = client.get(projekt.get_absolute_url()).content.decode()
    assert "Summe Drittmittel" in inhalt
    assert "1.500,50\u00a0€" in inhalt


def test_export_csv_und_xlsx_enthalten_genau_die_gefilterte_liste(client, qm, quartier, projekt):
    factories.ProjektFactory(quartiere=[quartier], titel="Anderes", status="planung")
    client.force_login(qm)
    csv = b"".join(
        client.get(reverse("projekte:liste"), {"status": "idee", "format": "csv"}).streaming_content
    ).decode("utf-8-sig")
    zeilen = csv.strip().splitlines()
    assert zeilen[0].startswith("Titel;Quartiere;Status")
    assert len(zeilen) == 2 and zeilen[1].startswith("Spielplatzpaten Preuswald;Preuswald;Idee")
    antwort = client.get(reverse("projekte:liste"), {"format": "xlsx"})
    blatt = load_workbook(io.BytesIO(b"".join(antwort.streaming_content))).active
    assert sorted(r[0] for r in blatt.iter_rows(min_row=2, values_only=True)) == [
        "Anderes",
        "Spielplatzpaten Preuswald",
    ]


@pytest.mark.parametrize("anzahl", [5, 200])
def test_projektliste_mit_fester_zahl_an_abfragen(
    client, qm, quartier, django_assert_max_num_queries, anzahl
):
    hf = factories.HandlungsfeldFactory()
    for _ in range(anzahl):
        p = factories.ProjektFactory(quartiere=[quartier], programm=None)
        p.handlungsfelder.add(hf)
    client.force_login(qm)
    with django_assert_max_num_queries(18):
        assert client.get(reverse("projekte:liste")).status_code == 200


@pytest.mark.parametrize("anzahl", [5, 200])
def test_terminliste_mit_fester_zahl_an_abfragen(
    client, qm, quartier, django_assert_max_num_queries, anzahl
):
    projekt = factories.ProjektFactory(quartiere=[quartier])
    for _ in range(anzahl):
        factories.TeilnahmeFactory(termin__quartier=quartier, termin__projekt=projekt)
    client.force_login(qm)
    with django_assert_max_num_queries(23):
        assert client.get(reverse("projekte:termine")).status_code == 200


def test_termin_mit_teilnehmenden_je_zielgruppe_anlegen(client, qm, quartier, projekt):
    kinder = factories.ZielgruppeFactory(name="Kinder")
    client.force_login(qm)
    response = client.post(
        reverse("projekte:termin_neu"),
        {
            "quartier": quartier.pk,
            "projekt": projekt.pk,
            "titel": "Spielplatzfest",
            "beginn": "2026-06-01T15:00",
            "ende": "2026-06-01T18:00",
            "ehrenamtliche": "4",
            "ehrenamtsstunden": "12,5",
            f"teilnahme_{kinder.pk}": "25",
        },
    )
    assert response.status_code == 302
    termin = Termin.objects.get()
    assert termin.teilnahmen.get().anzahl == 25
    inhalt = client.get(projekt.get_absolute_url()).content.decode()
    assert "Spielplatzfest" in inhalt


def test_termin_eines_fremden_quartiers_ist_404(client, qm_anderes, quartier):
    termin = factories.TerminFactory(quartier=quartier)
    client.force_login(qm_anderes)
    assert client.get(reverse("projekte:termin_bearbeiten", args=[termin.pk])).status_code == 404


def test_lesend_darf_termin_nicht_aendern(client, lesend, quartier):
    termin = factories.TerminFactory(quartier=quartier)
    client.force_login(lesend)
    url = reverse("projekte:termin_bearbeiten", args=[termin.pk])
    assert client.post(url, {"titel": "geändert"}).status_code == 403


def test_quartierseite_zeigt_projekte_aktivierung_und_fonds(client, qm, quartier, projekt):
    factories.TeilnahmeFactory(termin__quartier=quartier, anzahl=17)
    factories.StadtteilfondsFactory(quartier=quartier, budget="4000.00")
    client.force_login(qm)
    inhalt = client.get(quartier.get_absolute_url()).content.decode()
    assert "Projekte nach Status" in inhalt
    assert re.search(
        r"<th scope=\"row\">Teilnehmende</th>\s*"
        r"<td class=\"text-end\"><a href=\"[^\"]*abgesagt=false\">17</a>",
        inhalt,
    )
    assert "4.000,00\u00a0€" in inhalt


@pytest.mark.parametrize("anzahl", [5, 200])
def test_projektseite_mit_fester_zahl_an_abfragen(
    client, qm, quartier, projekt, django_assert_max_num_queries, anzahl
):
    akteure = factories.AkteurFactory.create_batch(3, quartiere=[quartier])
    for akteur in akteure:
        projekt.partner.create(akteur=akteur, rolle="Kooperationspartner")
    for _ in range(anzahl):
        factories.BudgetpostenFactory(projekt=projekt)
        factories.TeilnahmeFactory(termin__quartier=quartier, termin__projekt=projekt)
    projekt.bedarfe.add(*factories.BedarfFactory.create_batch(3, quartier=quartier))
    client.force_login(qm)
    with django_assert_max_num_queries(22):
        assert client.get(projekt.get_absolute_url()).status_code == 200


def test_terminliste_zeigt_aktivierung_je_jahr_der_gefilterten_termine(client, qm, quartier):
    factories.TeilnahmeFactory(termin__quartier=quartier, termin__ehrenamtliche=4, anzahl=11)
    client.force_login(qm)
    response = client.get(reverse("projekte:termine"), {"quartier": quartier.pk})
    [jahr] = response.context["aktivierung_je_jahr"]
    assert (jahr["termine"], jahr["teilnehmende"], jahr["ehrenamtliche"]) == (1, 11, 4)


def test_terminliste_der_leitung_zeigt_aktivierung_erst_mit_quartier(client, leitung, quartier):
    factories.TeilnahmeFactory(termin__quartier=quartier, anzahl=7)
    factories.QuartierFactory.create_batch(5)
    client.force_login(leitung)
    ohne = client.get(reverse("projekte:termine"))
    assert ohne.context["aktivierung_je_jahr"] is None
    assert reverse("berichte:uebersicht") in ohne.content.decode()
    mit = client.get(reverse("projekte:termine"), {"quartier": quartier.pk})
    assert [jahr["teilnehmende"] for jahr in mit.context["aktivierung_je_jahr"]] == [7]


def test_lesend_sieht_termine_ohne_bearbeiten_links(client, lesend, quartier):
    termin = factories.TerminFactory(quartier=quartier, titel="Sprechstunde")
    client.force_login(lesend)
    inhalt = client.get(reverse("projekte:termine")).content.decode()
    assert "Sprechstunde" in inhalt
    assert reverse("projekte:termin_bearbeiten", args=[termin.pk]) not in inhalt
    assert reverse("projekte:termin_neu") not in inhalt


def test_liste_zeigt_nach_einer_aenderung_die_neue_zeile(client, qm, projekt):
    """The rows of a page are cached under the data version: a write shows at once."""
    client.force_login(qm)
    assert "Spielplatzpaten Preuswald" in client.get(reverse("projekte:liste")).content.decode()
    Projekt.objects.filter(pk=projekt.pk).update(titel="Spielplatzpaten Nord")
    inhalt = client.get(reverse("projekte:liste")).content.decode()
    assert "Spielplatzpaten Nord" in inhalt
    assert "Spielplatzpaten Preuswald" not in inhalt


def test_liste_zeigt_zeitraum_und_offenes_ende(client, qm, quartier):
    factories.ProjektFactory(
        quartiere=[quartier], beginn=datetime.date(2026, 3, 1), ende=None, programm=None
    )
    client.force_login(qm)
    inhalt = client.get(reverse("projekte:liste")).content.decode()
    assert "<td>01.03.2026 – offen</td>" in inhalt
    assert "<td>–</td>" in inhalt
