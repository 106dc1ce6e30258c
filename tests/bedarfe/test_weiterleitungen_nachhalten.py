"""Following up forwards: closing or merging a need ends them, the QM withdraws, extends,
reminds and re-routes, Stellen outside the administration, the QM hears of answers."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from bedarfe import services
from bedarfe.models import Bedarf, Bedarfsereignis, Weiterleitung
from bedarfe.weiterleitungen import nachhalten
from bedarfe.weiterleitungen import selectors as weiterleitung_selectors
from bedarfe.weiterleitungen import services as weiterleitung_services
from berichte.quartierseite import aufmerksamkeit
from berichte.selectors import fachbereiche_im_jahr
from tests import factories

S = Bedarf.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def ueberfaellig(quartier, qm):
    """An overdue forward of a need of the quartier, sent by the QM."""
    return factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        gesendet_von=qm,
        frist=timezone.localdate() - datetime.timedelta(days=3),
    )


def _im_commit(django_capture_on_commit_callbacks, funktion, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return funktion(**kwargs)


def test_abgeschlossener_bedarf_beendet_offene_weiterleitung(
    ueberfaellig, qm, django_capture_on_commit_callbacks
):
    bedarf = ueberfaellig.bedarf
    _im_commit(
        django_capture_on_commit_callbacks,
        services.bedarf_status_aendern,
        bedarf=bedarf,
        status=S.NICHT_UMSETZBAR,
        von=qm,
    )
    ueberfaellig.refresh_from_db()
    assert ueberfaellig.ergebnis == Weiterleitung.Ergebnis.ZURUECKGEZOGEN
    assert "abgeschlossen" in ueberfaellig.rueckzugsgrund
    assert not Weiterleitung.objects.ueberfaellig().exists()
    assert bedarf.ereignisse.filter(art=Bedarfsereignis.Art.ZURUECKGEZOGEN).count() == 1
    assert [m.to for m in mail.outbox] == [[ueberfaellig.kontakt_email]]
    assert "zurückgezogen" in mail.outbox[0].subject
    assert nachhalten.erinnerungen_senden() == 0


def test_erledigt_nimmt_weiterleitung_aus_liste_dashboard_und_statistik(
    client, ueberfaellig, qm, quartier
):
    bedarf = ueberfaellig.bedarf
    services.bedarf_status_aendern(bedarf=bedarf, status=S.IN_BEARBEITUNG, von=qm)
    jahr = timezone.localdate().year
    assert fachbereiche_im_jahr([bedarf.quartier_id], jahr)[0].ueberfaellig == 1
    services.bedarf_status_aendern(bedarf=bedarf, status=S.ERLEDIGT, von=qm)
    client.force_login(qm)
    liste = client.get(reverse("bedarfe:weiterleitungen"))
    assert bedarf.titel not in liste.content.decode()
    assert fachbereiche_im_jahr([bedarf.quartier_id], jahr)[0].ueberfaellig == 0
    assert fachbereiche_im_jahr([bedarf.quartier_id], jahr)[0].ergebnis_zurueckgezogen == 1
    zaehler = {d["schluessel"]: d["anzahl"] for d in aufmerksamkeit(quartier)}
    assert zaehler["weiterleitungen"] == 0


def test_zusammenfuehren_beendet_offene_weiterleitung_der_quelle(quartier, qm, ueberfaellig):
    ziel = factories.BedarfFactory(quartier=quartier)
    services.bedarf_zusammenfuehren(quelle=ueberfaellig.bedarf, ziel=ziel, von=qm)
    ueberfaellig.refresh_from_db()
    assert ueberfaellig.zurueckgezogen and ueberfaellig.bedarf_id == ziel.pk
    assert "zusammengeführt" in ueberfaellig.rueckzugsgrund


def test_qm_zieht_weiterleitung_zurueck_bedarf_wieder_in_pruefung(
    ueberfaellig, qm, django_capture_on_commit_callbacks
):
    _im_commit(
        django_capture_on_commit_callbacks,
        nachhalten.weiterleitung_zurueckziehen,
        weiterleitung=ueberfaellig,
        grund="Hat sich erledigt.",
        von=qm,
    )
    ueberfaellig.bedarf.refresh_from_db()
    assert ueberfaellig.bedarf.status == S.IN_PRUEFUNG
    assert "Hat sich erledigt." in mail.outbox[0].body
    with pytest.raises(ValidationError):
        nachhalten.weiterleitung_zurueckziehen(weiterleitung=ueberfaellig, grund="x", von=qm)


def test_zurueckgezogene_weiterleitung_nimmt_keine_antwort_an(ueberfaellig, qm):
    nachhalten.weiterleitung_zurueckziehen(weiterleitung=ueberfaellig, grund="x", von=qm)
    with pytest.raises(ValidationError):
        weiterleitung_services.weiterleitung_beantworten(
            weiterleitung=ueberfaellig, ergebnis="uebernommen", antwort="Machen wir."
        )


def test_frist_verlaengern_teilt_es_mit_und_prueft_das_datum(
    ueberfaellig, qm, django_capture_on_commit_callbacks
):
    neu = timezone.localdate() + datetime.timedelta(days=14)
    _im_commit(
        django_capture_on_commit_callbacks,
        nachhalten.weiterleitung_frist_verlaengern,
        weiterleitung=ueberfaellig,
        frist=neu,
        von=qm,
    )
    ueberfaellig.refresh_from_db()
    assert ueberfaellig.frist == neu
    assert neu.strftime("%d.%m.%Y") in mail.outbox[0].body
    assert ueberfaellig.bedarf.ereignisse.filter(art="frist_verlaengert").exists()
    with pytest.raises(ValidationError) as fehler:
        nachhalten.weiterleitung_frist_verlaengern(
            weiterleitung=ueberfaellig, frist=neu - datetime.timedelta(days=1), von=qm
        )
    assert "frist" in fehler.value.message_dict


def test_jetzt_erinnern_wird_vermerkt_und_der_taegliche_versand_wartet_einen_tag(
    ueberfaellig, qm, django_capture_on_commit_callbacks
):
    heute = timezone.localdate()
    _im_commit(
        django_capture_on_commit_callbacks,
        nachhalten.weiterleitung_erinnern,
        weiterleitung=ueberfaellig,
        von=qm,
    )
    ueberfaellig.refresh_from_db()
    assert ueberfaellig.erinnerungen == 1 and len(mail.outbox) == 1
    assert ueberfaellig.bedarf.ereignisse.filter(art="erinnert", benutzer=qm).exists()
    with pytest.raises(ValidationError):
        nachhalten.weiterleitung_erinnern(weiterleitung=ueberfaellig, von=qm)
    assert nachhalten.erinnerungen_senden(stichtag=heute) == 0
    assert nachhalten.erinnerungen_senden(stichtag=heute + datetime.timedelta(days=1)) == 0
    assert nachhalten.erinnerungen_senden(stichtag=heute + datetime.timedelta(days=2)) == 1


def test_nicht_zustaendig_ohne_vorschlag_umleiten_an_stelle_einmal(quartier, qm):
    stelle = factories.FachbereichFactory(kuerzel="VB", extern=True, email="vb@stelle.example")
    w = factories.WeiterleitungFactory(bedarf__quartier=quartier)
    weiterleitung_services.weiterleitung_beantworten(
        weiterleitung=w, ergebnis="nicht_zustaendig", antwort="Nicht bei uns."
    )
    neu = weiterleitung_services.weiterleitung_umleiten(weiterleitung=w, an=stelle, von=qm)
    assert neu.vorgaenger == w and neu.fachbereich == stelle
    assert neu.kontakt_email == "vb@stelle.example"
    with pytest.raises(ValidationError):
        weiterleitung_services.weiterleitung_umleiten(weiterleitung=w, an=stelle, von=qm)


def test_antwort_einer_stelle_ueber_link_meldet_sich_beim_qm(
    client, quartier, qm, django_capture_on_commit_callbacks
):
    stelle = factories.FachbereichFactory(kuerzel="JC", extern=True)
    w = factories.WeiterleitungFactory(
        bedarf__quartier=quartier, fachbereich=stelle, gesendet_von=qm
    )
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(
            reverse("bedarfe:antwort", kwargs={"token": factories.token_von(w)}),
            {"ergebnis": "in_planung", "antwort": "Beratung im Stadtteilbüro ab Mai."},
        )
    assert antwort.status_code == 302
    assert mail.outbox[0].to == [qm.email]
    assert "JC" in mail.outbox[0].subject
    assert list(weiterleitung_selectors.neue_antworten_fuer(qm)) == [w]
    client.force_login(qm)
    client.get(w.bedarf.get_absolute_url())
    assert not weiterleitung_selectors.neue_antworten_fuer(qm).exists()


def test_statistik_zeigt_stellen_nach_den_fachbereichen(quartier, qm):
    fb = factories.FachbereichFactory(kuerzel="FB 99")
    stelle = factories.FachbereichFactory(kuerzel="AA", extern=True)
    factories.WeiterleitungFactory(bedarf__quartier=quartier, fachbereich=stelle)
    factories.WeiterleitungFactory(bedarf__quartier=quartier, fachbereich=fb)
    liste = fachbereiche_im_jahr([quartier.pk], timezone.localdate().year)
    assert [(f.kuerzel, f.extern) for f in liste] == [("FB 99", False), ("AA", True)]


# --- views: the allowed QM and the forbidden case ------------------------------------------


@pytest.mark.parametrize(
    ("name", "daten"),
    [
        ("zurueckziehen", {"grund": "Erledigt"}),
        ("frist", {"frist": "01.01.2099"}),
        ("erinnern", {}),
    ],
)
def test_aktionen_nur_fuer_qm_des_quartiers(client, ueberfaellig, qm, qm_anderes, name, daten):
    url = reverse(f"bedarfe:{name}", kwargs={"pk": ueberfaellig.pk})
    client.force_login(qm_anderes)
    assert client.post(url, daten).status_code == 404
    client.force_login(qm)
    assert client.post(url, daten).status_code == 302
    ueberfaellig.refresh_from_db()
    assert ueberfaellig.bedarf.ereignisse.exclude(art="status").exists()


def test_lesende_duerfen_nicht_zurueckziehen(client, ueberfaellig, lesend):
    client.force_login(lesend)
    url = reverse("bedarfe:zurueckziehen", kwargs={"pk": ueberfaellig.pk})
    assert client.post(url, {"grund": "x"}).status_code == 403
    ueberfaellig.refresh_from_db()
    assert ueberfaellig.offen


def test_umleiten_von_der_bedarfsseite_mit_einem_klick(client, quartier, qm):
    stelle = factories.FachbereichFactory(kuerzel="WG", extern=True, email="wg@stelle.example")
    w = factories.WeiterleitungFactory(bedarf__quartier=quartier)
    weiterleitung_services.weiterleitung_beantworten(
        weiterleitung=w, ergebnis="nicht_zustaendig", antwort="Nicht bei uns."
    )
    client.force_login(qm)
    seite = client.get(w.bedarf.get_absolute_url()).content.decode()
    assert reverse("bedarfe:umleiten", kwargs={"pk": w.pk}) in seite
    assert "Stellen außerhalb der Verwaltung" in seite
    antwort = client.post(
        reverse("bedarfe:umleiten", kwargs={"pk": w.pk}), {"fachbereich": stelle.pk}
    )
    assert antwort.status_code == 302
    assert w.nachfolger.get().fachbereich == stelle


def test_antwortlink_einer_zurueckgezogenen_weiterleitung_sagt_es(client, ueberfaellig, qm):
    nachhalten.weiterleitung_zurueckziehen(weiterleitung=ueberfaellig, grund="Erledigt.", von=qm)
    antwort = client.get(
        reverse("bedarfe:antwort", kwargs={"token": factories.token_von(ueberfaellig)})
    )
    assert antwort.status_code == 410
    assert "zurückgezogen" in antwort.content.decode()
