"""Business rules of the bedarfe services: workflow, merge, forward, answer, reminders."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from bedarfe import selectors, services
from bedarfe.models import Bedarf, Bedarfsereignis, Weiterleitung
from bedarfe.weiterleitungen import nachhalten
from bedarfe.weiterleitungen import services as weiterleitung_services
from tests import factories

pytestmark = pytest.mark.django_db
S = Bedarf.Status


@pytest.fixture
def bedarf(quartier, qm):
    return services.bedarf_anlegen(quartier=quartier, titel="Spielplatz verwahrlost", von=qm)


@pytest.fixture
def fachbereich():
    return factories.FachbereichFactory(kuerzel="FB 61", name="Stadtplanung")


def _in_zukunft(tage=28):
    return timezone.localdate() + datetime.timedelta(days=tage)


def test_bedarf_anlegen_schreibt_ereignis_erfasst(bedarf, qm):
    e = bedarf.ereignisse.get()
    assert e.art == Bedarfsereignis.Art.ERSTELLT
    assert e.benutzer == qm
    assert e.zu_status == S.NEU


def test_bedarf_ohne_titel_wird_nicht_gespeichert(quartier, qm):
    with pytest.raises(ValidationError) as fehler:
        services.bedarf_anlegen(quartier=quartier, titel="   ", von=qm)
    assert "titel" in fehler.value.message_dict
    assert not Bedarf.objects.exists()


def test_bedarf_mit_erhebung_eines_anderen_quartiers_wird_abgelehnt(quartier, anderes_quartier, qm):
    erhebung = factories.ErhebungFactory(quartier=anderes_quartier)
    with pytest.raises(ValidationError) as fehler:
        services.bedarf_anlegen(quartier=quartier, titel="X", von=qm, erhebung=erhebung)
    assert "erhebung" in fehler.value.message_dict


def test_statuswechsel_erlaubt_schreibt_wer_wann_von_nach_kommentar(bedarf, qm):
    services.bedarf_status_aendern(
        bedarf=bedarf, status=S.IN_PRUEFUNG, von=qm, kommentar="Wir sehen es uns an."
    )
    bedarf.refresh_from_db()
    assert bedarf.status == S.IN_PRUEFUNG
    e = bedarf.ereignisse.latest("pk")
    assert (e.benutzer, e.von_status, e.zu_status, e.kommentar) == (
        qm,
        S.NEU,
        S.IN_PRUEFUNG,
        "Wir sehen es uns an.",
    )
    assert e.zeitpunkt is not None


def test_unbekannter_statuswechsel_wird_abgelehnt_und_nichts_gespeichert(bedarf, qm):
    with pytest.raises(ValidationError) as fehler:
        services.bedarf_status_aendern(bedarf=bedarf, status=S.ERLEDIGT, von=qm)
    assert "status" in fehler.value.message_dict
    bedarf.refresh_from_db()
    assert bedarf.status == S.NEU
    assert bedarf.ereignisse.count() == 1


def test_statuswert_ausserhalb_der_liste_wird_abgelehnt(bedarf, qm):
    with pytest.raises(ValidationError):
        services.bedarf_status_aendern(bedarf=bedarf, status="geheim", von=qm)


def test_wiedereroeffnen_braucht_begruendung(bedarf, qm):
    services.bedarf_status_aendern(bedarf=bedarf, status=S.ZURUECKGESTELLT, von=qm)
    with pytest.raises(ValidationError) as fehler:
        services.bedarf_status_aendern(bedarf=bedarf, status=S.IN_PRUEFUNG, von=qm)
    assert "kommentar" in fehler.value.message_dict
    services.bedarf_status_aendern(
        bedarf=bedarf, status=S.IN_PRUEFUNG, von=qm, kommentar="Neue Mittel da."
    )
    bedarf.refresh_from_db()
    assert bedarf.status == S.IN_PRUEFUNG


def test_zusammenfuehren_addiert_nennungen_und_haengt_weiterleitungen_um(quartier, qm):
    ziel = services.bedarf_anlegen(quartier=quartier, titel="Spielplatz", von=qm, nennungen=3)
    quelle = services.bedarf_anlegen(quartier=quartier, titel="Spielplätze", von=qm, nennungen=2)
    zg = factories.ZielgruppeFactory(name="Kinder")
    quelle.zielgruppen.add(zg)
    w = factories.WeiterleitungFactory(bedarf=quelle)
    services.bedarf_zusammenfuehren(quelle=quelle, ziel=ziel, von=qm)
    ziel.refresh_from_db()
    quelle.refresh_from_db()
    assert ziel.nennungen == 5
    assert quelle.status == S.ZUSAMMENGEFUEHRT
    assert quelle.zusammengefuehrt_in == ziel
    assert Weiterleitung.objects.get(pk=w.pk).bedarf == ziel
    assert list(ziel.zielgruppen.all()) == [zg]


def test_zusammenfuehren_behaelt_beide_verlaeufe(quartier, qm):
    ziel = services.bedarf_anlegen(quartier=quartier, titel="Spielplatz", von=qm)
    quelle = services.bedarf_anlegen(quartier=quartier, titel="Spielplätze", von=qm)
    services.bedarf_status_aendern(bedarf=quelle, status=S.IN_PRUEFUNG, von=qm)
    services.bedarf_zusammenfuehren(quelle=quelle, ziel=ziel, von=qm)
    verlauf = list(selectors.zeitleiste(ziel))
    assert {e.bedarf_id for e in verlauf} == {ziel.pk, quelle.pk}
    assert any(e.zu_status == S.IN_PRUEFUNG and e.bedarf_id == quelle.pk for e in verlauf)
    assert quelle.ereignisse.filter(art=Bedarfsereignis.Art.ZUSAMMENGEFUEHRT).exists()


def test_zusammenfuehren_mit_sich_selbst_oder_fremdem_quartier_wird_abgelehnt(
    bedarf, anderes_quartier, qm
):
    fremd = factories.BedarfFactory(quartier=anderes_quartier)
    with pytest.raises(ValidationError):
        services.bedarf_zusammenfuehren(quelle=bedarf, ziel=bedarf, von=qm)
    with pytest.raises(ValidationError):
        services.bedarf_zusammenfuehren(quelle=bedarf, ziel=fremd, von=qm)


def test_zusammengefuehrter_bedarf_ohne_ziel_verletzt_die_datenbank(quartier):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.BedarfFactory(quartier=quartier, status=S.ZUSAMMENGEFUEHRT)


def test_weiterleiten_setzt_status_schreibt_ereignis_und_sendet_mail_nach_commit(
    bedarf, fachbereich, qm, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://qm.example"
    with django_capture_on_commit_callbacks(execute=True):
        w = weiterleitung_services.bedarf_weiterleiten(
            bedarf=bedarf, an=fachbereich, frist=_in_zukunft(), von=qm
        )
    bedarf.refresh_from_db()
    assert bedarf.status == S.WEITERGELEITET
    assert bedarf.ereignisse.filter(
        art=Bedarfsereignis.Art.WEITERGELEITET, weiterleitung=w
    ).exists()
    assert len(mail.outbox) == 1
    nachricht = mail.outbox[0]
    assert nachricht.to == [fachbereich.email]
    assert "https://qm.example/antwort/" in nachricht.body
    assert "Spielplatz verwahrlost" in nachricht.subject


def test_weiterleiten_ohne_commit_sendet_keine_mail(bedarf, fachbereich, qm):
    weiterleitung_services.bedarf_weiterleiten(
        bedarf=bedarf, an=fachbereich, frist=_in_zukunft(), von=qm
    )
    assert mail.outbox == []


def test_token_ist_lang_zufaellig_und_nur_als_pruefsumme_gespeichert(bedarf, fachbereich, qm):
    w1 = weiterleitung_services.bedarf_weiterleiten(
        bedarf=bedarf, an=fachbereich, frist=_in_zukunft(), von=qm
    )
    w2 = weiterleitung_services.bedarf_weiterleiten(
        bedarf=bedarf, an=fachbereich, frist=_in_zukunft(), von=qm
    )
    token = factories.token_von(w1)
    assert len(token) >= 43
    assert token != factories.token_von(w2)
    assert token not in (w1.token_hash, w1.schluessel)
    assert weiterleitung_services.weiterleitung_zum_token(token) == w1
    assert (
        weiterleitung_services.weiterleitung_zum_token(
            token[:-1] + ("A" if token[-1] != "A" else "B")
        )
        is None
    )


def test_standardfrist_ist_vier_wochen(bedarf, fachbereich, qm):
    w = weiterleitung_services.bedarf_weiterleiten(bedarf=bedarf, an=fachbereich, von=qm)
    assert w.frist == timezone.localdate() + datetime.timedelta(weeks=4)
    assert w.link_gueltig_bis == w.frist + datetime.timedelta(weeks=8)


def test_frist_in_der_vergangenheit_wird_abgelehnt_und_nichts_gespeichert(bedarf, fachbereich, qm):
    gestern = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fehler:
        weiterleitung_services.bedarf_weiterleiten(
            bedarf=bedarf, an=fachbereich, frist=gestern, von=qm
        )
    assert fehler.value.message_dict["frist"] == ["Die Frist muss in der Zukunft liegen."]
    assert not Weiterleitung.objects.exists()
    bedarf.refresh_from_db()
    assert bedarf.status == S.NEU


def test_erledigter_bedarf_kann_nicht_weitergeleitet_werden(quartier, fachbereich, qm):
    bedarf = factories.BedarfFactory(quartier=quartier, status=S.ERLEDIGT)
    with pytest.raises(ValidationError):
        weiterleitung_services.bedarf_weiterleiten(
            bedarf=bedarf, an=fachbereich, frist=_in_zukunft(), von=qm
        )


def test_antwort_uebernommen_setzt_in_bearbeitung_und_steht_im_verlauf(bedarf, fachbereich, qm):
    w = weiterleitung_services.bedarf_weiterleiten(
        bedarf=bedarf, an=fachbereich, frist=_in_zukunft(), von=qm
    )
    weiterleitung_services.weiterleitung_beantworten(
        weiterleitung=w,
        ergebnis="uebernommen",
        antwort="Wir reparieren im Mai.",
        antwort_von="Frau M.",
    )
    w.refresh_from_db()
    bedarf.refresh_from_db()
    assert w.beantwortet and w.ergebnis == "uebernommen"
    assert bedarf.status == S.IN_BEARBEITUNG
    e = bedarf.ereignisse.get(art=Bedarfsereignis.Art.BEANTWORTET)
    assert "Wir reparieren im Mai." in e.kommentar
    assert e.extern == "Frau M."


def test_antwort_zweimal_wird_abgelehnt(bedarf, fachbereich, qm):
    w = weiterleitung_services.bedarf_weiterleiten(
        bedarf=bedarf, an=fachbereich, frist=_in_zukunft(), von=qm
    )
    weiterleitung_services.weiterleitung_beantworten(
        weiterleitung=w, ergebnis="abgelehnt", antwort="Kein Geld."
    )
    with pytest.raises(ValidationError):
        weiterleitung_services.weiterleitung_beantworten(
            weiterleitung=w, ergebnis="uebernommen", antwort="Doch."
        )


def test_antwort_per_telefon_durch_mitarbeitende(bedarf, fachbereich, qm):
    w = weiterleitung_services.bedarf_weiterleiten(
        bedarf=bedarf, an=fachbereich, frist=_in_zukunft(), von=qm
    )
    weiterleitung_services.weiterleitung_beantworten(
        weiterleitung=w, ergebnis="in_planung", antwort="Im Haushalt 2027.", ueber="telefon", von=qm
    )
    e = bedarf.ereignisse.get(art=Bedarfsereignis.Art.BEANTWORTET)
    assert e.benutzer == qm
    assert "Telefon" in e.kommentar


def test_nicht_zustaendig_leitet_in_einem_schritt_um_und_kette_bleibt(bedarf, fachbereich, qm):
    anderer = factories.FachbereichFactory(kuerzel="E 18", name="Stadtbetrieb")
    w = weiterleitung_services.bedarf_weiterleiten(
        bedarf=bedarf, an=fachbereich, frist=_in_zukunft(), von=qm
    )
    weiterleitung_services.weiterleitung_beantworten(
        weiterleitung=w,
        ergebnis="nicht_zustaendig",
        antwort="Zuständig ist der Stadtbetrieb.",
        vorgeschlagener_fachbereich=anderer,
    )
    neu = weiterleitung_services.weiterleitung_umleiten(weiterleitung=w, von=qm)
    assert neu.fachbereich == anderer
    assert neu.vorgaenger == w
    assert list(w.nachfolger.all()) == [neu]
    bedarf.refresh_from_db()
    assert bedarf.status == S.WEITERGELEITET


def test_erinnerungen_nur_einmal_am_tag(quartier, django_capture_on_commit_callbacks):
    gestern = timezone.localdate() - datetime.timedelta(days=1)
    ueberfaellig = factories.WeiterleitungFactory(bedarf__quartier=quartier, frist=gestern)
    factories.WeiterleitungFactory(bedarf__quartier=quartier)  # not yet due
    with django_capture_on_commit_callbacks(execute=True):
        assert nachhalten.erinnerungen_senden() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert nachhalten.erinnerungen_senden() == 0
    assert len(mail.outbox) == 1
    assert "Erinnerung" in mail.outbox[0].subject
    ueberfaellig.refresh_from_db()
    assert ueberfaellig.erinnert_am == timezone.localdate()
    assert ueberfaellig.erinnerungen == 1


def test_erinnerung_am_naechsten_tag_wieder(quartier, django_capture_on_commit_callbacks):
    heute = timezone.localdate()
    w = factories.WeiterleitungFactory(
        bedarf__quartier=quartier, frist=heute - datetime.timedelta(days=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        nachhalten.erinnerungen_senden(stichtag=heute - datetime.timedelta(days=1))
        nachhalten.erinnerungen_senden(stichtag=heute)
    w.refresh_from_db()
    assert w.erinnerungen == 2
    assert len(mail.outbox) == 2


def test_beantwortete_weiterleitung_bekommt_keine_erinnerung(quartier):
    factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        frist=timezone.localdate() - datetime.timedelta(days=5),
        ergebnis="abgelehnt",
        antwort="Nein.",
        beantwortet_am=timezone.now(),
    )
    assert nachhalten.erinnerungen_senden() == 0


def test_befehl_erinnerungen_senden(quartier, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    factories.WeiterleitungFactory(
        bedarf__quartier=quartier, frist=timezone.localdate() - datetime.timedelta(days=2)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("erinnerungen_senden")
        call_command("erinnerungen_senden")
    assert len(mail.outbox) == 1


def test_freigabe_der_antwort_speichert_oeffentlichen_text(bedarf, qm):
    services.antwort_freigeben(
        bedarf=bedarf, oeffentlich=True, oeffentliche_antwort="Wird 2027 erneuert.", von=qm
    )
    bedarf.refresh_from_db()
    assert bedarf.oeffentlich and bedarf.oeffentliche_antwort == "Wird 2027 erneuert."
    assert bedarf.ereignisse.filter(art=Bedarfsereignis.Art.FREIGEGEBEN).exists()


def test_freigabe_ohne_text_wird_abgelehnt(bedarf, qm):
    with pytest.raises(ValidationError):
        services.antwort_freigeben(bedarf=bedarf, oeffentlich=True, oeffentliche_antwort="", von=qm)


def test_keine_erinnerung_wenn_der_antwortlink_abgelaufen_ist(quartier):
    factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        frist=timezone.localdate() - datetime.timedelta(weeks=8, days=1),
    )
    assert nachhalten.erinnerungen_senden() == 0


def test_bedarf_aendern_nimmt_keinen_status_an_der_ablauf_vorbei(quartier, qm):
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Spielplatz", von=qm)
    with pytest.raises(TypeError):
        services.bedarf_aendern(bedarf=bedarf, von=qm, status=Bedarf.Status.ERLEDIGT)
    assert Bedarf.objects.get(pk=bedarf.pk).status == Bedarf.Status.NEU


def test_bedarf_aendern_laesst_nicht_genannte_felder_wie_sie_sind(quartier, qm):
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Spielplatz", von=qm, ort="Markt")
    services.bedarf_aendern(bedarf=bedarf, von=qm, titel="Spielplatz an der Kirche")
    gespeichert = Bedarf.objects.get(pk=bedarf.pk)
    assert (gespeichert.titel, gespeichert.ort) == ("Spielplatz an der Kirche", "Markt")
