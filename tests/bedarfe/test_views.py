"""Pages of the bedarfe app: wiring of forms to services, lists, search, export."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from bedarfe import services
from bedarfe.models import Bedarf, Erhebung, Erhebungsdatei, Weiterleitung
from quartiersmanagement import lists
from tests import factories

pytestmark = pytest.mark.django_db
S = Bedarf.Status
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def angemeldet(client, qm):
    client.force_login(qm)
    return client


def _inhalt(antwort) -> str:
    return antwort.content.decode()


def test_bedarf_erfassen_speichert_und_fuehrt_zur_seite(angemeldet, quartier):
    hf = factories.HandlungsfeldFactory(name="Wohnumfeld")
    zg = factories.ZielgruppeFactory(name="Kinder")
    antwort = angemeldet.post(
        reverse("bedarfe:anlegen"),
        {
            "quartier": quartier.pk,
            "titel": "Bänke am Marktplatz fehlen",
            "handlungsfeld": hf.pk,
            "zielgruppen": [zg.pk],
            "quelle": "sprechstunde",
            "gemeldet_am": "2026-11-02",
            "prioritaet": 2,
            "nennungen": 4,
        },
    )
    bedarf = Bedarf.objects.get()
    assert antwort.status_code == 302
    assert antwort.url == bedarf.get_absolute_url()
    assert bedarf.nennungen == 4 and list(bedarf.zielgruppen.all()) == [zg]
    assert "Bänke am Marktplatz fehlen" in _inhalt(angemeldet.get(antwort.url))


def test_leerer_titel_zeigt_deutsche_meldung_am_feld(angemeldet, quartier):
    antwort = angemeldet.post(
        reverse("bedarfe:anlegen"),
        {
            "quartier": quartier.pk,
            "titel": "",
            "quelle": "sonstiges",
            "prioritaet": 2,
            "nennungen": 1,
            "gemeldet_am": "2026-11-02",
        },
    )
    assert antwort.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in _inhalt(antwort)
    assert not Bedarf.objects.exists()


def test_formular_bietet_nur_eigene_quartiere_an(angemeldet, quartier, anderes_quartier):
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:anlegen")))
    assert quartier.name in inhalt
    assert anderes_quartier.name not in inhalt


def test_bedarf_aus_erhebung_ist_mit_ihr_verknuepft(angemeldet, quartier):
    erhebung = factories.ErhebungFactory(quartier=quartier)
    url = reverse("bedarfe:anlegen") + f"?erhebung={erhebung.pk}"
    assert "Bedarf aus dieser Erhebung anlegen" in _inhalt(
        angemeldet.get(erhebung.get_absolute_url())
    )
    antwort = angemeldet.post(
        url,
        {
            "quartier": quartier.pk,
            "titel": "Mehr Licht im Park",
            "quelle": "erhebung",
            "erhebung": erhebung.pk,
            "prioritaet": 2,
            "nennungen": 1,
            "gemeldet_am": "2026-05-12",
        },
    )
    assert antwort.status_code == 302
    assert Bedarf.objects.get().erhebung == erhebung


def test_aehnliche_bedarfe_als_htmx_fragment(angemeldet, quartier, anderes_quartier):
    factories.BedarfFactory(quartier=quartier, titel="Spielplatz an der Kirche kaputt")
    factories.BedarfFactory(quartier=anderes_quartier, titel="Spielplatz an der Kirche kaputt!")
    antwort = angemeldet.get(
        reverse("bedarfe:aehnliche"),
        {"titel": "Spielplatz Kirche kaputt", "quartier": quartier.pk},
        HTTP_HX_REQUEST="true",
    )
    inhalt = _inhalt(antwort)
    assert "<html" not in inhalt
    assert inhalt.count("Spielplatz an der Kirche kaputt") == 1


def test_aehnliche_bedarfe_ohne_javascript_als_ganze_seite(angemeldet, quartier):
    factories.BedarfFactory(quartier=quartier, titel="Spielplatz an der Kirche kaputt")
    antwort = angemeldet.get(
        reverse("bedarfe:aehnliche"), {"titel": "Spielplatz Kirche", "quartier": quartier.pk}
    )
    assert "<h1>" in _inhalt(antwort)
    assert "Spielplatz an der Kirche kaputt" in _inhalt(antwort)


def test_detailseite_zeigt_aehnliche_und_verlauf(angemeldet, quartier, qm):
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Hundekot im Park", von=qm)
    factories.BedarfFactory(quartier=quartier, titel="Hundekot im Stadtpark")
    inhalt = _inhalt(angemeldet.get(bedarf.get_absolute_url()))
    assert "Hundekot im Stadtpark" in inhalt
    assert "erfasst" in inhalt


def test_verlauf_zeigt_wer_und_aus_welchem_zusammengefuehrten_bedarf(angemeldet, quartier, qm):
    qm.first_name, qm.last_name = "Ayşe", "Demir"
    qm.save()
    ziel = services.bedarf_anlegen(quartier=quartier, titel="Mehr Bänke", von=qm)
    quelle = services.bedarf_anlegen(quartier=quartier, titel="Sitzgelegenheiten", von=qm)
    services.bedarf_zusammenfuehren(quelle=quelle, ziel=ziel, von=qm)
    inhalt = _inhalt(angemeldet.get(ziel.get_absolute_url()))
    assert "Ayşe Demir" in inhalt
    assert "aus „Sitzgelegenheiten“" in inhalt


def test_detailseite_zeigt_nach_einer_aenderung_den_neuen_stand(angemeldet, quartier, qm):
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Hundekot im Park", von=qm)
    assert "Bitte Beutelspender" not in _inhalt(angemeldet.get(bedarf.get_absolute_url()))
    antwort = angemeldet.post(
        reverse("bedarfe:kommentieren", args=[bedarf.pk]), {"kommentar": "Bitte Beutelspender"}
    )
    assert antwort.status_code == 302
    assert "Bitte Beutelspender" in _inhalt(angemeldet.get(bedarf.get_absolute_url()))


def test_detailseite_fuer_qm_eines_anderen_quartiers_404(client, qm, qm_anderes, quartier):
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Hundekot im Park", von=qm)
    client.force_login(qm)
    assert client.get(bedarf.get_absolute_url()).status_code == 200
    client.force_login(qm_anderes)
    assert client.get(bedarf.get_absolute_url()).status_code == 404


def test_detailseite_zeigt_formulare_nur_wer_bearbeiten_darf(client, qm, lesend, quartier):
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Hundekot im Park", von=qm)
    kommentieren = reverse("bedarfe:kommentieren", args=[bedarf.pk])
    freigeben = reverse("bedarfe:freigeben", args=[bedarf.pk])
    client.force_login(lesend)
    inhalt = _inhalt(client.get(bedarf.get_absolute_url()))
    assert "Hundekot im Park" in inhalt
    assert kommentieren not in inhalt and freigeben not in inhalt
    client.force_login(qm)
    inhalt = _inhalt(client.get(bedarf.get_absolute_url()))
    assert kommentieren in inhalt and freigeben in inhalt
    assert 'name="kommentar"' in inhalt and 'name="oeffentliche_antwort"' in inhalt


def test_detailseite_zeigt_handlungsfeld_erhebung_und_zusammenfuehrung(angemeldet, quartier, qm):
    erhebung = factories.ErhebungFactory(quartier=quartier, titel="Stadtteilspaziergang")
    ziel = factories.BedarfFactory(quartier=quartier, titel="Mehr Bänke")
    bedarf = factories.BedarfFactory(
        quartier=quartier,
        titel="Sitzgelegenheiten",
        handlungsfeld=factories.HandlungsfeldFactory(name="Wohnumfeld"),
        erhebung=erhebung,
    )
    services.bedarf_zusammenfuehren(quelle=bedarf, ziel=ziel, von=qm)
    inhalt = _inhalt(angemeldet.get(bedarf.get_absolute_url()))
    assert "Wohnumfeld" in inhalt
    assert f'href="{erhebung.get_absolute_url()}"' in inhalt
    assert f'<a href="{ziel.get_absolute_url()}">Mehr Bänke</a>' in inhalt
    assert "Sitzgelegenheiten" in _inhalt(angemeldet.get(ziel.get_absolute_url()))


def test_detailseite_zeigt_abschnitte_anderer_apps(angemeldet, quartier, tmp_path, settings):
    from quartiersmanagement import page_hooks

    vorlage = tmp_path / "probe_bedarf.html"
    vorlage.write_text("<p>Projekte zu {{ obj.titel }}: {{ data.n }}</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    page_hooks.register(
        "bedarf",
        page_hooks.Section(
            title="Projekte", template="probe_bedarf.html", context=lambda u, b: {"n": 2}
        ),
    )
    try:
        bedarf = factories.BedarfFactory(quartier=quartier, titel="Treffpunkt")
        assert "Projekte zu Treffpunkt: 2" in _inhalt(angemeldet.get(bedarf.get_absolute_url()))
    finally:
        page_hooks._registry["bedarf"].pop("probe_bedarf.html")


def test_statuswechsel_ueber_formular(angemeldet, quartier):
    bedarf = factories.BedarfFactory(quartier=quartier)
    antwort = angemeldet.post(
        reverse("bedarfe:status", args=[bedarf.pk]), {"status": "in_pruefung"}
    )
    assert antwort.status_code == 302
    bedarf.refresh_from_db()
    assert bedarf.status == S.IN_PRUEFUNG


def test_unerlaubter_statuswechsel_zeigt_meldung_am_feld(angemeldet, quartier):
    bedarf = factories.BedarfFactory(quartier=quartier)
    antwort = angemeldet.post(reverse("bedarfe:status", args=[bedarf.pk]), {"status": "erledigt"})
    assert antwort.status_code == 200
    assert "kann der Status nicht" in _inhalt(antwort)
    bedarf.refresh_from_db()
    assert bedarf.status == S.NEU


def test_weiterleiten_mit_vergangener_frist_zeigt_meldung(angemeldet, quartier):
    bedarf = factories.BedarfFactory(quartier=quartier)
    fb = factories.FachbereichFactory()
    antwort = angemeldet.post(
        reverse("bedarfe:weiterleiten", args=[bedarf.pk]),
        {"fachbereich": fb.pk, "frist": "2020-01-01"},
    )
    assert antwort.status_code == 200
    assert "Die Frist muss in der Zukunft liegen." in _inhalt(antwort)
    assert not Weiterleitung.objects.exists()


def test_weiterleiten_sendet_mail_mit_link(
    angemeldet, quartier, django_capture_on_commit_callbacks
):
    bedarf = factories.BedarfFactory(quartier=quartier)
    fb = factories.FachbereichFactory()
    frist = (timezone.localdate() + datetime.timedelta(days=20)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        antwort = angemeldet.post(
            reverse("bedarfe:weiterleiten", args=[bedarf.pk]),
            {"fachbereich": fb.pk, "frist": frist, "nachricht": "Bitte prüfen."},
        )
    assert antwort.status_code == 302
    assert len(mail.outbox) == 1
    assert "/antwort/" in mail.outbox[0].body


def test_umleiten_nach_nicht_zustaendig_in_einem_klick(angemeldet, quartier):
    anderer = factories.FachbereichFactory(kuerzel="E 18")
    w = factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        ergebnis="nicht_zustaendig",
        antwort="Nicht bei uns.",
        beantwortet_am=timezone.now(),
        vorgeschlagener_fachbereich=anderer,
    )
    seite = _inhalt(angemeldet.get(w.bedarf.get_absolute_url()))
    assert "An E 18 weiterleiten" in seite
    frist = (timezone.localdate() + datetime.timedelta(weeks=4)).isoformat()
    angemeldet.post(
        reverse("bedarfe:weiterleiten", args=[w.bedarf.pk]),
        {"fachbereich": anderer.pk, "vorgaenger": w.pk, "frist": frist},
    )
    neu = Weiterleitung.objects.exclude(pk=w.pk).get()
    assert neu.vorgaenger == w and neu.fachbereich == anderer
    seite = _inhalt(angemeldet.get(w.bedarf.get_absolute_url()))
    assert f'Umgeleitet von <a href="#w{w.pk}">{w.fachbereich}</a>' in seite
    assert "An E 18 weiterleiten" not in seite  # re-routed once only


def test_antwort_per_telefon_eintragen(angemeldet, quartier):
    w = factories.WeiterleitungFactory(bedarf__quartier=quartier)
    antwort = angemeldet.post(
        reverse("bedarfe:antwort_erfassen", args=[w.pk]),
        {"ergebnis": "in_planung", "antwort": "Kommt 2027.", "ueber": "telefon"},
    )
    assert antwort.status_code == 302
    w.refresh_from_db()
    assert w.beantwortet_ueber == "telefon"


def test_zusammenfuehren_ueber_formular(angemeldet, quartier):
    ziel = factories.BedarfFactory(quartier=quartier, nennungen=2)
    quelle = factories.BedarfFactory(quartier=quartier, nennungen=1)
    antwort = angemeldet.post(
        reverse("bedarfe:zusammenfuehren", args=[quelle.pk]), {"ziel": ziel.pk}
    )
    assert antwort.url == ziel.get_absolute_url()
    ziel.refresh_from_db()
    assert ziel.nennungen == 3


def test_freigabe_ueber_formular(angemeldet, quartier):
    bedarf = factories.BedarfFactory(quartier=quartier)
    angemeldet.post(
        reverse("bedarfe:freigeben", args=[bedarf.pk]),
        {"oeffentlich": "on", "oeffentliche_antwort": "Wird umgesetzt."},
    )
    bedarf.refresh_from_db()
    assert bedarf.oeffentlich and bedarf.oeffentliche_antwort == "Wird umgesetzt."


def test_weiterleitungen_ueberfaellige_zuerst_mit_tagen(angemeldet, quartier, anderes_quartier):
    heute = timezone.localdate()
    factories.WeiterleitungFactory(bedarf__quartier=quartier, bedarf__titel="Später fällig")
    factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        bedarf__titel="Längst fällig",
        frist=heute - datetime.timedelta(days=6),
    )
    factories.WeiterleitungFactory(bedarf__quartier=anderes_quartier, bedarf__titel="Fremd")
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:weiterleitungen")))
    assert inhalt.index("Längst fällig") < inhalt.index("Später fällig")
    assert "6 Tage" in inhalt
    assert "Fremd" not in inhalt


# --- list, search, export -------------------------------------------------------------------


def test_volltextsuche_findet_spielplatz_bei_spielplaetze(angemeldet, quartier):
    factories.BedarfFactory(quartier=quartier, titel="Neuer Spielplatz gewünscht")
    factories.BedarfFactory(quartier=quartier, titel="Straßenbeleuchtung", beschreibung="Dunkel")
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"q": "Spielplätze"}))
    assert "Neuer Spielplatz gewünscht" in inhalt
    assert "Straßenbeleuchtung" not in inhalt


def test_volltextsuche_in_der_beschreibung(angemeldet, quartier):
    factories.BedarfFactory(
        quartier=quartier, titel="Treffpunkt", beschreibung="Die Jugendlichen brauchen Räume"
    )
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"q": "Jugendlicher Raum"}))
    assert "Treffpunkt" in inhalt


def test_filter_nach_status_und_ueberfaellig(angemeldet, quartier):
    factories.BedarfFactory(quartier=quartier, titel="Erledigtes", status=S.ERLEDIGT)
    w = factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        bedarf__titel="Wartet lange",
        frist=timezone.localdate() - datetime.timedelta(days=2),
    )
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"status": "erledigt"}))
    assert "Erledigtes" in inhalt and "Wartet lange" not in inhalt
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"ueberfaellig": "true"}))
    assert "Wartet lange" in inhalt and "Erledigtes" not in inhalt
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"fachbereich": w.fachbereich_id}))
    assert "Wartet lange" in inhalt and "Erledigtes" not in inhalt


def test_sortierung_nach_titel(angemeldet, quartier):
    factories.BedarfFactory(quartier=quartier, titel="Zebrastreifen")
    factories.BedarfFactory(quartier=quartier, titel="Ampel")
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"sortierung": "titel"}))
    assert inhalt.index("Ampel") < inhalt.index("Zebrastreifen")
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"sortierung": "-titel"}))
    assert inhalt.index("Zebrastreifen") < inhalt.index("Ampel")


def test_liste_blaettert_nach_50(angemeldet, quartier):
    factories.BedarfFactory.create_batch(51, quartier=quartier)
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste")))
    assert "Seite 1 von 2" in inhalt


def test_xlsx_export_enthaelt_genau_die_gefilterte_liste(angemeldet, quartier, anderes_quartier):
    zg = factories.ZielgruppeFactory(name="Senior:innen")
    b = factories.BedarfFactory(quartier=quartier, titel="Sitzbänke", nennungen=7)
    b.zielgruppen.add(zg)
    factories.BedarfFactory(quartier=quartier, titel="Erledigt", status=S.ERLEDIGT)
    factories.BedarfFactory(quartier=anderes_quartier, titel="Fremder Bedarf")
    antwort = angemeldet.get(reverse("bedarfe:liste"), {"status": "neu", "format": "xlsx"})
    blatt = load_workbook(io.BytesIO(b"".join(antwort.streaming_content))).active
    zeilen = list(blatt.values)
    assert zeilen[0][:3] == ("Nr.", "Titel", "Quartier")
    assert len(zeilen) == 2
    kopf = zeilen[0]
    daten = dict(zip(kopf, zeilen[1], strict=True))
    assert daten["Titel"] == "Sitzbänke"
    assert daten["Nennungen"] == 7
    assert daten["Zielgruppen"] == "Senior:innen"
    assert daten["gemeldet am"] == datetime.datetime(2026, 6, 1)
    assert blatt.freeze_panes == "A2"


def test_csv_export_mit_bom_und_semikolon(angemeldet, quartier):
    factories.BedarfFactory(quartier=quartier, titel="Müllecken")
    antwort = angemeldet.get(reverse("bedarfe:liste"), {"format": "csv"})
    text = b"".join(antwort.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffNr.;Titel;Quartier")
    assert "Müllecken;Preuswald" in text
    assert "01.06.2026" in text


@pytest.mark.parametrize("anzahl", [5, 200])
def test_liste_mit_konstanten_abfragen(angemeldet, quartier, anzahl, django_assert_max_num_queries):
    hf = factories.HandlungsfeldFactory()
    zg = factories.ZielgruppeFactory()
    for b in factories.BedarfFactory.create_batch(anzahl, quartier=quartier, handlungsfeld=hf):
        b.zielgruppen.add(zg)
    url = reverse("bedarfe:liste")
    # session, user, Leitung?, the one quartier, count, page, filter choices (4: quartier,
    # Handlungsfeld, Zielgruppe, Fachbereich), "may create", session save (3)
    with django_assert_max_num_queries(14):
        antwort = angemeldet.get(url, {"q": "Bedarf", "sortierung": "-titel"})
    assert antwort.status_code == 200


@pytest.mark.parametrize("anzahl", [5, 200])
def test_export_mit_konstanten_abfragen(
    angemeldet, quartier, anzahl, django_assert_max_num_queries
):
    zg = factories.ZielgruppeFactory()
    erhebung = factories.ErhebungFactory(quartier=quartier)
    for b in factories.BedarfFactory.create_batch(anzahl, quartier=quartier, erhebung=erhebung):
        b.zielgruppen.add(zg)
    with django_assert_max_num_queries(8):
        antwort = angemeldet.get(reverse("bedarfe:liste"), {"format": "xlsx"})
        inhalt = b"".join(antwort.streaming_content)
    assert len(list(load_workbook(io.BytesIO(inhalt)).active.values)) == anzahl + 1


# --- Erhebungen -------------------------------------------------------------------------------


def test_erhebung_mit_datei_anlegen_und_herunterladen(angemeldet, quartier):
    antwort = angemeldet.post(
        reverse("bedarfe:erhebung_anlegen"),
        {
            "quartier": quartier.pk,
            "titel": "Begehung Marktplatz",
            "methode": "quartiersbegehung",
            "datum": "2026-10-01",
            "teilnehmende": 12,
            "dateien": [SimpleUploadedFile("protokoll.pdf", PDF, content_type="application/pdf")],
        },
    )
    assert antwort.status_code == 302
    anhang = Erhebungsdatei.objects.get()
    assert anhang.dateiname == "protokoll.pdf"
    assert "protokoll" not in anhang.datei.name
    download = angemeldet.get(anhang.get_absolute_url())
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF


def test_falscher_dateityp_wird_abgelehnt_und_nichts_gespeichert(angemeldet, quartier):
    antwort = angemeldet.post(
        reverse("bedarfe:erhebung_anlegen"),
        {
            "quartier": quartier.pk,
            "titel": "Begehung",
            "methode": "quartiersbegehung",
            "datum": "2026-10-01",
            "dateien": [
                SimpleUploadedFile("virus.pdf", b"MZ\x90\x00boese", content_type="application/pdf")
            ],
        },
    )
    assert antwort.status_code == 200
    assert "Dieser Dateityp ist nicht erlaubt" in _inhalt(antwort)
    assert not Erhebung.objects.exists()
    assert not Erhebungsdatei.objects.exists()


def test_zu_grosse_datei_wird_abgelehnt(angemeldet, quartier):
    gross = PDF + b"0" * (10 * 1024 * 1024)
    antwort = angemeldet.post(
        reverse("bedarfe:erhebung_anlegen"),
        {
            "quartier": quartier.pk,
            "titel": "Begehung",
            "methode": "quartiersbegehung",
            "datum": "2026-10-01",
            "dateien": [SimpleUploadedFile("gross.pdf", gross, content_type="application/pdf")],
        },
    )
    assert "Die Datei ist zu groß (höchstens 10 MB)." in _inhalt(antwort)
    assert not Erhebung.objects.exists()


def test_erhebung_bearbeiten(angemeldet, quartier):
    erhebung = factories.ErhebungFactory(quartier=quartier)
    antwort = angemeldet.post(
        reverse("bedarfe:erhebung_bearbeiten", args=[erhebung.pk]),
        {"titel": "Umbenannt", "methode": "befragung", "datum": "2026-10-01"},
    )
    assert antwort.status_code == 302
    erhebung.refresh_from_db()
    assert erhebung.titel == "Umbenannt" and erhebung.quartier == quartier


def test_quartierseite_zeigt_bedarfe_je_status_und_ueberfaellige(
    angemeldet, quartier, django_assert_max_num_queries
):
    hf = factories.HandlungsfeldFactory(name="Wohnumfeld")
    factories.BedarfFactory.create_batch(3, quartier=quartier, handlungsfeld=hf)
    factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        bedarf__titel="Seit Wochen offen",
        frist=timezone.localdate() - datetime.timedelta(days=9),
    )
    inhalt = _inhalt(angemeldet.get(quartier.get_absolute_url()))
    assert "Offene Bedarfe nach Status" in inhalt
    assert "Wohnumfeld" in inhalt
    assert 'aria-label="1 überfällige Weiterleitungen"' in inhalt
    liste = reverse("bedarfe:weiterleitungen")
    assert f"{liste}?quartier={quartier.pk}&amp;ueberfaellig=true" in inhalt
    antwort = angemeldet.get(liste, {"quartier": quartier.pk, "ueberfaellig": "true"})
    assert "Seit Wochen offen" in _inhalt(antwort)


def test_volltextsuche_zeigt_titeltreffer_vor_beschreibungstreffern(angemeldet, quartier):
    factories.BedarfFactory(quartier=quartier, titel="Treffpunkt", beschreibung="Mit Spielplatz")
    factories.BedarfFactory(quartier=quartier, titel="Spielplatz erneuern", beschreibung="")
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"q": "Spielplatz"}))
    assert inhalt.index("Spielplatz erneuern") < inhalt.index("Treffpunkt")


def test_aehnliche_bedarfe_eines_fremden_quartiers_bleiben_verborgen(angemeldet, anderes_quartier):
    factories.BedarfFactory(quartier=anderes_quartier, titel="Spielplatz an der Kirche kaputt")
    antwort = angemeldet.get(
        reverse("bedarfe:aehnliche"),
        {"titel": "Spielplatz Kirche kaputt", "quartier": anderes_quartier.pk},
        HTTP_HX_REQUEST="true",
    )
    assert "Spielplatz an der Kirche" not in _inhalt(antwort)


def test_bearbeiten_vermerkt_geaenderte_felder_im_verlauf(angemeldet, quartier, qm):
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Alt", von=qm)
    antwort = angemeldet.post(
        reverse("bedarfe:bearbeiten", args=[bedarf.pk]),
        {
            "titel": "Neu",
            "quelle": "sonstiges",
            "prioritaet": 3,
            "nennungen": 1,
            "gemeldet_am": bedarf.gemeldet_am.isoformat(),
            "version": bedarf.version,
        },
    )
    assert antwort.status_code == 302
    e = bedarf.ereignisse.latest("pk")
    assert e.kommentar == "Angaben geändert: Titel, Priorität."


def test_zusammengefuehrte_bedarfe_nur_auf_nachfrage_in_der_liste(angemeldet, quartier):
    ziel = factories.BedarfFactory(quartier=quartier, titel="Zielbedarf")
    factories.BedarfFactory(
        quartier=quartier, titel="Aufgegangen", status=S.ZUSAMMENGEFUEHRT, zusammengefuehrt_in=ziel
    )
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste")))
    assert "Zielbedarf" in inhalt and "Aufgegangen" not in inhalt
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"status": "zusammengefuehrt"}))
    assert "Aufgegangen" in inhalt


def test_liste_zeigt_nach_einer_aenderung_die_neue_zeile(angemeldet, quartier):
    bedarf = factories.BedarfFactory(quartier=quartier, titel="Alter Titel")
    assert "Alter Titel" in _inhalt(angemeldet.get(reverse("bedarfe:liste")))
    Bedarf.objects.filter(pk=bedarf.pk).update(titel="Neuer Titel")
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste")))
    assert "Neuer Titel" in inhalt
    assert "Alter Titel" not in inhalt


def test_liste_zeigt_zielgruppen_in_ihrer_reihenfolge(angemeldet, quartier):
    bedarf = factories.BedarfFactory(quartier=quartier)
    bedarf.zielgruppen.add(
        factories.ZielgruppeFactory(name="Aaa", sortierung=2),
        factories.ZielgruppeFactory(name="Zzz", sortierung=1),
    )
    assert "<td>Zzz, Aaa</td>" in _inhalt(angemeldet.get(reverse("bedarfe:liste")))


def test_sortierung_ordnet_gleiche_werte_nach_id(angemeldet, quartier):
    tag = datetime.date(2026, 3, 1)
    bedarfe = factories.BedarfFactory.create_batch(3, quartier=quartier, gemeldet_am=tag)
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"sortierung": "-gemeldet_am"}))
    stellen = [inhalt.index(f'href="{b.get_absolute_url()}"') for b in bedarfe]
    assert stellen == sorted(stellen, reverse=True)
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"sortierung": "gemeldet_am"}))
    stellen = [inhalt.index(f'href="{b.get_absolute_url()}"') for b in bedarfe]
    assert stellen == sorted(stellen)


def test_liste_eines_quartiers_zeigt_keine_bedarfe_anderer(client, quartier, anderes_quartier):
    """With one quartier the list adds `quartier_id = <id>`; the permission condition stays."""
    from quartiere.selectors import einziges_quartier_fuer, im_einzigen_quartier

    qm = factories.BenutzerFactory()
    factories.ZustaendigkeitFactory(benutzer=qm, quartier=quartier)
    factories.BedarfFactory(quartier=quartier, titel="Eigener Bedarf")
    factories.BedarfFactory(quartier=anderes_quartier, titel="Fremder Bedarf")
    assert einziges_quartier_fuer(qm) == quartier.pk
    assert "quartier_id" in str(im_einzigen_quartier(Bedarf.objects.all(), qm).query)
    client.force_login(qm)
    inhalt = _inhalt(client.get(reverse("bedarfe:liste")))
    assert "Eigener Bedarf" in inhalt
    assert "Fremder Bedarf" not in inhalt


def test_liste_gilt_nur_fuer_ihren_benutzer_und_folgt_aenderungen(
    client, qm, qm_anderes, quartier, anderes_quartier
):
    """Another user with the same URL gets their own list; a new need shows at once."""
    factories.BedarfFactory(quartier=quartier, titel="Bank am Spielplatz")
    factories.BedarfFactory(quartier=anderes_quartier, titel="Ampel an der Schule")
    url = reverse("bedarfe:liste")
    client.force_login(qm)
    assert "Bank am Spielplatz" in client.get(url).content.decode()
    client.force_login(qm_anderes)
    inhalt = client.get(url).content.decode()
    assert "Ampel an der Schule" in inhalt and "Bank am Spielplatz" not in inhalt
    client.force_login(qm)
    factories.BedarfFactory(quartier=quartier, titel="Licht im Park")
    assert "Licht im Park" in client.get(url).content.decode()
    assert "Licht im Park" not in client.get(url, {"q": "Spielplatz"}).content.decode()


def test_volltextsuche_mit_sehr_vielen_treffern_zeigt_die_neuesten_zuerst(
    angemeldet, quartier, monkeypatch
):
    """Ranking every hit of a common word across a city is slow; above the hits a search offers
    (COUNT_LIMIT) the list says so and shows the newest first, and a narrower search
    ranks again (a title hit before a hit in the description)."""
    monkeypatch.setattr(lists, "COUNT_LIMIT", 2)
    heute = timezone.localdate()
    for tage, titel, beschreibung in (
        (1, "Treffpunkt", "Mit Spielplatz"),
        (2, "Spielplatz neu", ""),
        (3, "Spielplatz erneuern", ""),
    ):
        factories.BedarfFactory(
            quartier=quartier,
            titel=titel,
            beschreibung=beschreibung,
            gemeldet_am=heute - datetime.timedelta(days=tage),
        )
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"q": "Spielplatz"}))
    assert "Sehr viele Treffer, deshalb die neuesten zuerst." in inhalt
    assert "Mehr als 2 Bedarfe gefunden" in inhalt
    assert inhalt.index("Treffpunkt") < inhalt.index("Spielplatz neu")
    assert "Spielplatz erneuern" not in inhalt  # the search offers its newest two
    inhalt = _inhalt(angemeldet.get(reverse("bedarfe:liste"), {"q": "Spielplatz -neu"}))
    assert "Sehr viele Treffer" not in inhalt
    assert inhalt.index("Spielplatz erneuern") < inhalt.index("Treffpunkt")
