"""Import of actors: preview with row-by-row errors, import only after confirmation, all or
nothing, parsed rows kept on the server between preview and confirmation."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from akteure import importieren
from akteure.models import Akteur
from tests import factories

pytestmark = pytest.mark.django_db

KOPF = "name;art;email;handlungsfelder\n"


def _csv(text: str, name="akteure.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def _hochladen(client, quartier, datei):
    return client.post(reverse("akteure:import"), {"datei": datei, "quartier": quartier.pk})


def test_vorschau_zeigt_fehler_je_zeile(client, qm, quartier):
    factories.AkteurFactory(name="Bürgerverein Preuswald", quartiere=[quartier])
    client.force_login(qm)
    antwort = _hochladen(
        client,
        quartier,
        _csv(
            KOPF
            + "Kita Regenbogen;Kita;kita@example.org;\n"
            + ";Verein;;\n"
            + "Chor;Gesangsverein;;\n"
            + "Tafel;Initiative;keine-adresse;\n"
            + "bürgerverein  preuswald;Verein;;\n"
            + "Kita Regenbogen;Kita;;\n"
            + "Lernhilfe;Initiative;;Raumfahrt\n"
        ),
    )
    fehler = {z.nummer: " ".join(z.fehler) for z in antwort.context["zeilen"]}
    assert fehler[2] == ""
    assert "Der Name fehlt." in fehler[3]
    assert "Unbekannte Art „Gesangsverein“." in fehler[4]
    assert "Ungültige E-Mail-Adresse" in fehler[5]
    assert "gibt es in Ihren Quartieren schon" in fehler[6]
    assert "Doppelt in der Datei (wie Zeile 2)" in fehler[7]
    assert "Unbekanntes Handlungsfeld „Raumfahrt“." in fehler[8]
    assert "Import bestätigen" not in antwort.content.decode()
    assert Akteur.objects.count() == 1  # preview saves nothing


def test_import_erst_nach_bestaetigung(client, qm, quartier):
    feld = factories.HandlungsfeldFactory(name="Bildung")
    client.force_login(qm)
    antwort = _hochladen(
        client, quartier, _csv(KOPF + "Kita Regenbogen;kita;kita@example.org;bildung\n")
    )
    assert "Import bestätigen" in antwort.content.decode()
    assert not Akteur.objects.exists()
    antwort = client.post(reverse("akteure:import_bestaetigen"))
    assert antwort.status_code == 302
    akteur = Akteur.objects.get()
    assert akteur.art == Akteur.Art.KITA
    assert list(akteur.quartiere.all()) == [quartier]
    assert list(akteur.handlungsfelder.all()) == [feld]
    assert akteur.history.count() == 1


def test_bestaetigung_nutzt_serverseitig_gespeicherte_zeilen(client, qm, quartier):
    client.force_login(qm)
    _hochladen(client, quartier, _csv(KOPF + "Echt;Verein;;\n"))
    # Posted form data is ignored: only the rows checked on the server are imported.
    client.post(reverse("akteure:import_bestaetigen"), {"zeilen": '[{"name": "Untergeschoben"}]'})
    assert list(Akteur.objects.values_list("name", flat=True)) == ["Echt"]


def test_bestaetigen_ohne_vorschau_importiert_nichts(client, qm):
    client.force_login(qm)
    antwort = client.post(reverse("akteure:import_bestaetigen"))
    assert antwort.status_code == 302 and not Akteur.objects.exists()


def test_alles_oder_nichts_wenn_inzwischen_ein_duplikat_entstand(client, qm, quartier):
    client.force_login(qm)
    _hochladen(client, quartier, _csv(KOPF + "Erster;Verein;;\nZweiter;Verein;;\n"))
    factories.AkteurFactory(name="Zweiter", quartiere=[quartier])
    client.post(reverse("akteure:import_bestaetigen"))
    assert list(Akteur.objects.values_list("name", flat=True)) == ["Zweiter"]


def test_importieren_mit_fehlerhafter_zeile_speichert_nichts(quartier):
    zeilen = importieren.als_sitzungsdaten(
        importieren.pruefen(_csv(KOPF + "Gut;Verein;;\n;Verein;;\n"), bekannte=Akteur.objects.all())
    )
    with pytest.raises(Exception):  # noqa: B017 - ValidationError
        importieren.importieren(zeilen=zeilen, quartier=quartier, bekannte=Akteur.objects.all())
    assert not Akteur.objects.exists()


def test_xlsx_import(client, qm, quartier):
    mappe = Workbook()
    mappe.active.append(["Name", "Art", "PLZ"])
    mappe.active.append(["Familienzentrum", "Wohlfahrtsverband", "52066"])
    puffer = io.BytesIO()
    mappe.save(puffer)
    client.force_login(qm)
    _hochladen(client, quartier, SimpleUploadedFile("a.xlsx", puffer.getvalue()))
    client.post(reverse("akteure:import_bestaetigen"))
    assert Akteur.objects.get().plz == "52066"


def test_csv_in_windows_kodierung_mit_komma(quartier):
    datei = SimpleUploadedFile("a.csv", "name,art\nBürgerhaus,Verein\n".encode("cp1252"))
    (zeile,) = importieren.pruefen(datei, bekannte=Akteur.objects.all())
    assert zeile.daten["name"] == "Bürgerhaus" and not zeile.fehler


def test_datei_ohne_pflichtspalten_gibt_fehler(client, qm, quartier):
    client.force_login(qm)
    antwort = _hochladen(client, quartier, _csv("foo;bar\n1;2\n"))
    assert antwort.status_code == 400
    assert "„name“ und „art“" in antwort.content.decode()


def test_import_nur_in_eigenes_quartier(client, qm, anderes_quartier):
    client.force_login(qm)
    antwort = _hochladen(client, anderes_quartier, _csv(KOPF + "X;Verein;;\n"))
    assert antwort.status_code == 400
    assert "quartier" in antwort.context["form"].errors


def test_vorlagen_zum_herunterladen(client, qm):
    client.force_login(qm)
    csv_text = client.get(reverse("akteure:import_vorlage", args=["csv"])).content.decode()
    assert csv_text.lstrip("\ufeff").startswith("name;art;")
    antwort = client.get(reverse("akteure:import_vorlage", args=["xlsx"]))
    mappe = load_workbook(io.BytesIO(b"".join(antwort.streaming_content)))
    assert next(mappe.active.iter_rows(values_only=True))[:2] == ("name", "art")


def test_vorlage_laesst_sich_importieren(quartier):
    for name in ("Nachbarschaft", "Kinder, Jugend und Familie"):
        factories.HandlungsfeldFactory(name=name)
    for name in ("Familien", "Ältere Menschen"):
        factories.ZielgruppeFactory(name=name)
    (zeile,) = importieren.pruefen(
        _csv(importieren.vorlage_csv().lstrip("\ufeff")), bekannte=Akteur.objects.all()
    )
    assert zeile.fehler == []


def test_umbenannte_binaerdatei_wird_abgelehnt(client, qm, quartier):
    client.force_login(qm)
    antwort = _hochladen(client, quartier, SimpleUploadedFile("a.csv", b"%PDF-1.4 binary"))
    assert antwort.status_code == 400
    assert "datei" in antwort.context["form"].errors


def test_vorschau_verraet_keine_akteure_fremder_quartiere(client, qm, quartier, anderes_quartier):
    factories.AkteurFactory(name="Stille Hilfe Eilendorf", quartiere=[anderes_quartier])
    client.force_login(qm)
    antwort = _hochladen(client, quartier, _csv(KOPF + "Stille Hilfe Eilendorf;Verein;;\n"))
    (zeile,) = antwort.context["zeilen"]
    assert not zeile.fehler


def test_handlungsfeld_mit_komma_wird_importiert(client, qm, quartier):
    kinder = factories.HandlungsfeldFactory(name="Kinder, Jugend und Familie")
    umwelt = factories.HandlungsfeldFactory(name="Öffentlicher Raum, Umwelt und Verkehr")
    client.force_login(qm)
    antwort = _hochladen(
        client,
        quartier,
        _csv(
            KOPF + 'Kita Regenbogen;Kita;;"Kinder, Jugend und Familie; '
            'Öffentlicher Raum, Umwelt und Verkehr"\n'
        ),
    )
    (zeile,) = antwort.context["zeilen"]
    assert zeile.fehler == []
    inhalt = antwort.content.decode()
    assert "Kinder, Jugend und Familie; Öffentlicher Raum, Umwelt und Verkehr" in inhalt
    assert "<td>Kita</td>" in inhalt  # the label, not the key "kita"
    client.post(reverse("akteure:import_bestaetigen"))
    akteur = Akteur.objects.get(name="Kita Regenbogen")
    assert set(akteur.handlungsfelder.all()) == {kinder, umwelt}


def _aktualisieren(client, quartier, text):
    return client.post(
        reverse("akteure:import"),
        {"datei": _csv(text), "quartier": quartier.pk, "aktualisieren": "1"},
    )


def test_aktualisieren_zeigt_neu_geaendert_unveraendert_und_wendet_alles_an(client, qm, quartier):
    bildung = factories.HandlungsfeldFactory(name="Bildung")
    kita = factories.AkteurFactory(
        name="Kita Regenbogen", art="kita", email="alt@example.org", quartiere=[quartier]
    )
    chor = factories.AkteurFactory(
        name="Chor Preuswald", art="verein", email="chor@example.org", quartiere=[quartier]
    )
    telefon = chor.telefon
    client.force_login(qm)
    antwort = _aktualisieren(
        client,
        quartier,
        KOPF
        + "kita regenbogen;Kita;neu@example.org;Bildung\n"
        + "Chor Preuswald;Verein;chor@example.org;\n"
        + "Lernhilfe;Initiative;;\n",
    )
    zeilen = {z.nummer: z for z in antwort.context["zeilen"]}
    assert [zeilen[n].status for n in (2, 3, 4)] == ["geaendert", "unveraendert", "neu"]
    assert [a[1:] for a in zeilen[2].aenderungen] == [
        ["E-Mail", "alt@example.org", "neu@example.org"],
        ["Handlungsfelder", "", "Bildung"],
    ]
    inhalt = antwort.content.decode()
    assert "„alt@example.org“ → „neu@example.org“" in inhalt
    assert "1 Akteur wird angelegt" in inhalt and "1 wird geändert" in inhalt
    antwort = client.post(reverse("akteure:import_bestaetigen"), follow=True)
    assert "1 angelegt, 1 aktualisiert" in antwort.content.decode()
    kita.refresh_from_db()
    chor.refresh_from_db()
    assert kita.email == "neu@example.org" and list(kita.handlungsfelder.all()) == [bildung]
    assert chor.telefon == telefon  # a column not in the file stays as it is
    assert Akteur.objects.filter(name="Lernhilfe", quartiere=quartier).exists()


def test_aktualisieren_alles_oder_nichts_wenn_akteur_seit_der_vorschau_geaendert(
    client, qm, quartier
):
    kita = factories.AkteurFactory(
        name="Kita", art="kita", email="a@example.org", quartiere=[quartier]
    )
    client.force_login(qm)
    _aktualisieren(client, quartier, KOPF + "Kita;Kita;b@example.org;\nNeu;Verein;;\n")
    Akteur.objects.filter(pk=kita.pk).update(version=kita.version + 1, telefon="0241 1")
    antwort = client.post(reverse("akteure:import_bestaetigen"), follow=True)
    assert "seit der Vorschau geändert" in antwort.content.decode()
    kita.refresh_from_db()
    assert kita.email == "a@example.org"
    assert not Akteur.objects.filter(name="Neu").exists()


def test_aktualisieren_trifft_keine_akteure_fremder_quartiere(
    client, qm, quartier, anderes_quartier
):
    fremd = factories.AkteurFactory(
        name="Stille Hilfe", art="verein", email="x@example.org", quartiere=[anderes_quartier]
    )
    client.force_login(qm)
    antwort = _aktualisieren(client, quartier, KOPF + "Stille Hilfe;Verein;y@example.org;\n")
    (zeile,) = antwort.context["zeilen"]
    assert zeile.status == "neu" and not zeile.fehler
    client.post(reverse("akteure:import_bestaetigen"))
    fremd.refresh_from_db()
    assert fremd.email == "x@example.org"
