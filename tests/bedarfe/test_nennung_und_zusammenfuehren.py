"""A further mention instead of a duplicate, the merge target by search, and merged needs
counted once in every figure."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from bedarfe import services
from bedarfe.models import Bedarf
from bedarfe.selectors import bedarfe_gezaehlt
from berichte import kennzahlen, rollups
from berichte.models import AbschlussZahl
from berichte.quartierseite import bedarfe_uebersicht
from berichte.uebersicht import uebersicht as stadtweite_uebersicht
from tests import factories

pytestmark = pytest.mark.django_db


def test_nennung_hinzufuegen_zaehlt_hoch_und_vermerkt_quelle_und_datum(quartier, qm):
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Bänke am Weiher", von=qm)
    services.bedarf_nennung_hinzufuegen(
        bedarf=bedarf,
        quelle=Bedarf.Quelle.SPRECHSTUNDE,
        gemeldet_am=datetime.date(2026, 3, 2),
        von=qm,
    )
    bedarf.refresh_from_db()
    assert bedarf.nennungen == 2 and Bedarf.objects.count() == 1
    ereignis = bedarf.ereignisse.get(art="nennung")
    assert "02.03.2026" in ereignis.kommentar and "Sprechstunde" in ereignis.kommentar


def test_nennung_aus_dem_hinweis_des_neuen_bedarfs(client, quartier, qm):
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Bänke am Weiher fehlen", von=qm)
    client.force_login(qm)
    hinweis = client.get(
        reverse("bedarfe:aehnliche"),
        {"quartier": quartier.pk, "titel": "Bänke am Weiher", "nennung": "1"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert reverse("bedarfe:nennung", kwargs={"pk": bedarf.pk}) in hinweis
    antwort = client.post(
        reverse("bedarfe:nennung", kwargs={"pk": bedarf.pk}),
        {
            "quartier": quartier.pk,
            "titel": "Bänke am Weiher",
            "quelle": "telefon",
            "gemeldet_am": "05.04.2026",
            "beschreibung": "Anruf einer Anwohnerin.",
        },
    )
    assert antwort.status_code == 302
    bedarf.refresh_from_db()
    assert bedarf.nennungen == 2 and Bedarf.objects.count() == 1


def test_nennung_fuer_fremdes_quartier_gibt_404(client, quartier, qm_anderes):
    bedarf = factories.BedarfFactory(quartier=quartier)
    client.force_login(qm_anderes)
    url = reverse("bedarfe:nennung", kwargs={"pk": bedarf.pk})
    antwort = client.post(url, {"quelle": "telefon", "gemeldet_am": "05.04.2026"})
    assert antwort.status_code == 404
    bedarf.refresh_from_db()
    assert bedarf.nennungen == 1


def test_zusammenfuehren_waehlt_aehnlichen_vor_und_sucht_statt_alle_zu_listen(client, quartier, qm):
    quelle = factories.BedarfFactory(quartier=quartier, titel="Spielplatz an der Kirche kaputt")
    aehnlich = factories.BedarfFactory(quartier=quartier, titel="Spielplatz an der Kirche")
    # A five-digit id: the search hit's radio value has no German thousands dot ("23.456").
    anderer = factories.BedarfFactory(pk=23456, quartier=quartier, titel="Müll am Bahnhof")
    client.force_login(qm)
    seite = client.get(reverse("bedarfe:zusammenfuehren", kwargs={"pk": quelle.pk}))
    inhalt = seite.content.decode()
    assert f'value="{aehnlich.pk}"' in inhalt and "checked" in inhalt
    assert "Müll am Bahnhof" not in inhalt
    treffer = client.get(
        reverse("bedarfe:zusammenfuehren_suche", kwargs={"pk": quelle.pk}), {"suche": "Müll"}
    ).content.decode()
    assert f'value="{anderer.pk}"' in treffer and "Spielplatz" not in treffer
    antwort = client.post(
        reverse("bedarfe:zusammenfuehren", kwargs={"pk": quelle.pk}), {"ziel": anderer.pk}
    )
    assert antwort.status_code == 302
    quelle.refresh_from_db()
    assert quelle.zusammengefuehrt_in == anderer


def test_zusammenfuehren_suche_nur_im_eigenen_quartier(
    client, quartier, anderes_quartier, qm, qm_anderes
):
    quelle = factories.BedarfFactory(quartier=quartier)
    fremd = factories.BedarfFactory(quartier=anderes_quartier, titel="Fremder Bedarf")
    client.force_login(qm_anderes)
    url = reverse("bedarfe:zusammenfuehren_suche", kwargs={"pk": quelle.pk})
    assert client.get(url, {"suche": "Bedarf"}).status_code == 404
    client.force_login(qm)
    assert "Fremder Bedarf" not in client.get(url, {"suche": "Fremder"}).content.decode()
    antwort = client.post(
        reverse("bedarfe:zusammenfuehren", kwargs={"pk": quelle.pk}), {"ziel": fremd.pk}
    )
    assert antwort.status_code == 200
    quelle.refresh_from_db()
    assert quelle.status != Bedarf.Status.ZUSAMMENGEFUEHRT


def test_zusammengefuehrter_bedarf_zaehlt_einmal_in_allen_zahlen(
    quartier, qm, django_capture_on_commit_callbacks
):
    heute = timezone.localdate()
    ziel = services.bedarf_anlegen(quartier=quartier, titel="Treffpunkt", von=qm, gemeldet_am=heute)
    quelle = services.bedarf_anlegen(quartier=quartier, titel="Treff", von=qm, gemeldet_am=heute)
    services.bedarf_zusammenfuehren(quelle=quelle, ziel=ziel, von=qm)
    services.bedarf_status_aendern(bedarf=ziel, status=Bedarf.Status.IN_BEARBEITUNG, von=qm)
    services.bedarf_status_aendern(bedarf=ziel, status=Bedarf.Status.ERLEDIGT, von=qm)

    def zahlen():
        (q,) = stadtweite_uebersicht(qm, heute.year)["quartiere"]
        return q.bedarfe_eroeffnet, q.bedarfe_geschlossen, q.bedarfe_offen

    assert zahlen() == (1, 1, 0)
    with django_capture_on_commit_callbacks(execute=True):  # the cached figures renew
        rollups.neu_aufbauen()  # the recount from the base tables agrees with the triggers
    assert zahlen() == (1, 1, 0)
    assert AbschlussZahl.objects.get().anzahl == 1
    uebersicht = bedarfe_uebersicht(quartier, bedarfe_gezaehlt(quartier), [])
    assert uebersicht["abgeschlossen"] == 1
    fenster = [kennzahlen.Fenster(quartier.pk, heute.replace(month=1, day=1), heute)]
    werte = kennzahlen.bedarfe(fenster)[quartier.pk]
    assert (werte["gemeldet"], werte["abgeschlossen"]) == (1, 1)
