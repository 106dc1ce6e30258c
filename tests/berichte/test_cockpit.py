"""The overview of the quartier page (berichte.quartierseite): what needs attention (overdue
forwards, action items, proofs of use), the next events and meetings, and the charts of
projects, fund, activation and network; figures against hand-computed values, links to the
filtered lists, edit buttons only for who may edit."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from berichte import quartierseite
from projekte.models import Fondsantrag
from tests import factories

HEUTE = timezone.localdate
GESTERN = lambda: timezone.localdate() - datetime.timedelta(days=1)  # noqa: E731
MORGEN = lambda: timezone.localdate() + datetime.timedelta(days=1)  # noqa: E731


def _ueberfaellig_daten(quartier):
    """2 overdue forwards, 1 overdue action item, 1 overdue proof of use in `quartier`, and
    things that must not count (answered, not yet due, done, another quartier)."""
    for _ in range(2):
        factories.WeiterleitungFactory(bedarf__quartier=quartier, frist=GESTERN())
    factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        frist=GESTERN(),
        beantwortet_am=timezone.now(),
        ergebnis="uebernommen",
    )
    factories.WeiterleitungFactory(bedarf__quartier=quartier, frist=MORGEN())
    factories.WeiterleitungFactory(frist=GESTERN())  # another quartier

    factories.AufgabeFactory(quartier=quartier, faellig_am=GESTERN())
    factories.AufgabeFactory(quartier=quartier, faellig_am=GESTERN(), erledigt_am=HEUTE())
    factories.AufgabeFactory(quartier=quartier, faellig_am=MORGEN())
    factories.AufgabeFactory(quartier=quartier, faellig_am=None)
    factories.AufgabeFactory(faellig_am=GESTERN())  # another quartier

    fonds = factories.StadtteilfondsFactory(quartier=quartier)
    bewilligt = {"status": Fondsantrag.Status.BEWILLIGT, "betrag_bewilligt": Decimal("300")}
    factories.FondsantragFactory(fonds=fonds, nachweis_faellig_am=GESTERN(), **bewilligt)
    factories.FondsantragFactory(fonds=fonds, nachweis_faellig_am=MORGEN(), **bewilligt)
    factories.FondsantragFactory(
        fonds=fonds,
        nachweis_faellig_am=GESTERN(),
        status=Fondsantrag.Status.NACHWEIS_EINGEREICHT,
        betrag_bewilligt=Decimal("300"),
    )
    factories.FondsantragFactory(nachweis_faellig_am=GESTERN(), **bewilligt)  # another quartier


@pytest.mark.django_db
def test_ueberfaellige_weiterleitungen_aufgaben_und_nachweise_gezaehlt(quartier):
    _ueberfaellig_daten(quartier)
    zahlen = {a["schluessel"]: a["anzahl"] for a in quartierseite.aufmerksamkeit(quartier)}
    assert zahlen == {"weiterleitungen": 2, "aufgaben": 1, "nachweise": 1}


@pytest.mark.django_db
def test_zahlen_der_aufmerksamkeit_fuehren_zu_listen_mit_denselben_eintraegen(client, qm, quartier):
    _ueberfaellig_daten(quartier)
    client.force_login(qm)
    for a in quartierseite.aufmerksamkeit(quartier):
        antwort = client.get(a["url"])
        assert antwort.status_code == 200
        # Every list shares one base: its rows are counted by the paginator.
        assert antwort.context["page_obj"].paginator.count == a["anzahl"], a["schluessel"]


@pytest.mark.django_db
def test_naechste_termine_und_sitzungen_nach_datum_gemischt(quartier):
    jetzt = timezone.now()
    tag = datetime.timedelta(days=1)
    gremium = factories.GremiumFactory(quartier=quartier, name="Stadtteilkonferenz Nord")
    factories.SitzungFactory(gremium=gremium, titel="Frühjahr", beginn=jetzt + 2 * tag)
    factories.SitzungFactory(gremium=gremium, titel="Vorbei", beginn=jetzt - 2 * tag)
    factories.SitzungFactory(
        gremium=gremium, titel="Abgesagt", beginn=jetzt + tag, status="abgesagt"
    )
    factories.TerminFactory(quartier=quartier, titel="Fest", beginn=jetzt + tag)
    factories.TerminFactory(quartier=quartier, titel="Fällt aus", beginn=jetzt + tag, abgesagt=True)
    factories.TerminFactory(titel="Anderswo", beginn=jetzt + tag)
    for i in range(6):
        factories.TerminFactory(
            quartier=quartier, titel=f"Später {i}", beginn=jetzt + (10 + i) * tag
        )
    eintraege = quartierseite.naechste_termine(quartier)
    assert [e["titel"] for e in eintraege] == [
        "Fest",
        "Frühjahr",
        "Später 0",
        "Später 1",
        "Später 2",
        "Später 3",
    ]


@pytest.mark.django_db
def test_diagramme_mit_handgerechneten_zahlen_und_links(quartier):
    jahr = timezone.localdate().year
    factories.ProjektFactory.create_batch(2, quartiere=[quartier], status="umsetzung")
    factories.ProjektFactory(quartiere=[quartier], status="idee")
    factories.ProjektFactory(status="idee")  # another quartier
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("1000"))
    antrag = factories.FondsantragFactory(
        fonds=fonds,
        status=Fondsantrag.Status.AUSGEZAHLT,
        betrag_bewilligt=Decimal("400"),
        ausgezahlt_summe=Decimal("250"),
    )
    assert antrag.pk
    beginn = timezone.now().replace(month=6, day=15, hour=12)
    termin = factories.TerminFactory(
        quartier=quartier, beginn=beginn, ehrenamtliche=3, ehrenamtsstunden=Decimal("7.5")
    )
    factories.TeilnahmeFactory(termin=termin, anzahl=12)
    factories.TeilnahmeFactory(termin=termin, anzahl=8)
    factories.TerminFactory(quartier=quartier, beginn=beginn, abgesagt=True, ehrenamtliche=9)
    a, b, c = factories.AkteurFactory.create_batch(3, quartiere=[quartier])
    factories.BeziehungFactory(quelle=a, ziel=b)

    jahr = timezone.localdate().year
    d = {
        "projekte": quartierseite.projekte_diagramm(quartier),
        "fonds": quartierseite.fonds_diagramm(quartier, jahr),
        "aktivierung": quartierseite.aktivierung_diagramm(quartier, jahr),
        "netzwerk": quartierseite.netzwerk_diagramm(quartier),
    }

    def werte(diagramm):
        return {z["label"]: z["wert"] for z in diagramm["zeilen"]}

    assert werte(d["projekte"]) == {
        "Idee": 1,
        "Planung": 0,
        "Umsetzung": 2,
        "abgeschlossen": 0,
        "abgebrochen": 0,
    }
    assert d["projekte"]["daten"]["datasets"][0]["data"] == [1, 0, 2, 0, 0]
    liste = reverse("projekte:liste")
    assert d["projekte"]["zeilen"][2]["url"] == f"{liste}?quartier={quartier.pk}&status=umsetzung"
    assert d["projekte"]["zeilen"][1]["url"] is None  # a zero links nowhere
    assert werte(d["fonds"]) == {
        "Budget": Decimal("1000"),
        "bewilligt": Decimal("400"),
        "ausgezahlt": Decimal("250"),
        "verfügbar": Decimal("600"),
    }
    assert "(40 %)" in d["fonds"]["zusammenfassung"]
    assert werte(d["aktivierung"]) == {
        "Termine": 1,
        "Teilnehmende": 20,
        "Ehrenamtliche": 3,
        "Ehrenamtsstunden": Decimal("7.5"),
    }
    assert d["aktivierung"]["zeilen"][0]["url"].endswith(
        f"von={jahr}-01-01&bis={jahr}-12-31&abgesagt=false"
    )
    assert werte(d["netzwerk"]) == {
        "aktive Akteure": 3,
        "Verbindungen": 1,
        "isolierte Akteure": 1,
    }


@pytest.mark.django_db
def test_quartierseite_zeigt_aufmerksamkeit_termine_und_diagramm_tabellen(client, qm, quartier):
    _ueberfaellig_daten(quartier)
    client.force_login(qm)
    inhalt = client.get(quartier.get_absolute_url()).content.decode()
    weiterleitungen = reverse("bedarfe:weiterleitungen")
    assert f"{weiterleitungen}?quartier={quartier.pk}&amp;ueberfaellig=true" in inhalt
    assert 'id="naechste-termine"' in inhalt
    for kennung in ("projekte-status", "fonds-jahr", "aktivierung-jahr", "netzwerk"):
        assert f'id="{kennung}-tabelle"' in inhalt
        assert f'id="{kennung}-daten"' in inhalt
        assert f'data-diagramm="{kennung}-daten"' in inhalt
    assert 'scope="row"' in inhalt and "<caption>" in inhalt
    # Chart.js and the drawing script are loaded once for all charts
    assert inhalt.count("js/berichte-diagramm.js") == 1


@pytest.mark.django_db
def test_ohne_fonds_und_termine_des_jahres(quartier):
    jahr = timezone.localdate().year
    letztes_jahr = timezone.now().replace(month=6, day=1) - datetime.timedelta(days=365)
    factories.TerminFactory(quartier=quartier, beginn=letztes_jahr, ehrenamtliche=4)
    factories.StadtteilfondsFactory(quartier=quartier, jahr=jahr - 1)
    assert quartierseite.fonds_diagramm(quartier, jahr) is None
    aktivierung = quartierseite.aktivierung_diagramm(quartier, jahr)
    assert [z["wert"] for z in aktivierung["zeilen"]] == [0, 0, 0, Decimal(0)]
    assert all(z["url"] is None for z in aktivierung["zeilen"])


@pytest.mark.django_db
def test_aktivierung_zaehlt_termine_des_jahres_ab_neujahr_ortszeit(quartier):
    jahr = timezone.localdate().year
    tz = timezone.get_current_timezone()
    factories.TerminFactory(
        quartier=quartier, beginn=datetime.datetime(jahr, 1, 1, 0, 30, tzinfo=tz), ehrenamtliche=1
    )
    factories.TerminFactory(
        quartier=quartier,
        beginn=datetime.datetime(jahr - 1, 12, 31, 23, 30, tzinfo=tz),
        ehrenamtliche=5,
    )
    zeilen = quartierseite.aktivierung_diagramm(quartier, jahr)["zeilen"]
    assert [z["wert"] for z in zeilen[:3:2]] == [1, 1]  # one event, one volunteer


@pytest.mark.django_db
def test_aktivierung_zaehlt_teilnehmende_und_stunden_ohne_abgesagte(quartier):
    """The chart reads the rollup; its figures are those of the events written, changed and
    cancelled through the ORM (every path the rollup's triggers see)."""
    jahr = timezone.localdate().year
    mitte = datetime.datetime(jahr, 6, 1, 18, tzinfo=timezone.get_current_timezone())
    fest = factories.TerminFactory(
        quartier=quartier, beginn=mitte, ehrenamtliche=3, ehrenamtsstunden=Decimal("7.5")
    )
    factories.TeilnahmeFactory(termin=fest, anzahl=40)
    factories.TeilnahmeFactory(termin=fest, anzahl=2)
    abgesagt = factories.TerminFactory(quartier=quartier, beginn=mitte, ehrenamtliche=9)
    factories.TeilnahmeFactory(termin=abgesagt, anzahl=100)
    abgesagt.abgesagt = True
    abgesagt.save()
    zeilen = quartierseite.aktivierung_diagramm(quartier, jahr)["zeilen"]
    assert [z["wert"] for z in zeilen] == [1, 42, 3, Decimal("7.5")]


@pytest.mark.django_db
def test_quartierseite_ohne_fonds_sagt_es(client, qm, quartier):
    client.force_login(qm)
    inhalt = client.get(quartier.get_absolute_url()).content.decode()
    assert "Für dieses Jahr ist kein Stadtteilfonds angelegt." in inhalt
    assert 'id="fonds-jahr-tabelle"' not in inhalt


@pytest.mark.django_db
def test_qm_sieht_erledigt_knopf_lesend_nicht(client, qm, lesend, quartier):
    factories.AufgabeFactory(quartier=quartier, titel="Protokoll verschicken")
    erledigt = reverse("akteure:aufgabe_erledigt", args=[quartier.aufgaben.get().pk])
    client.force_login(qm)
    inhalt = client.get(quartier.get_absolute_url()).content.decode()
    assert "Protokoll verschicken" in inhalt and f'action="{erledigt}"' in inhalt
    assert "Jahresbericht" in inhalt and "vorbereiten" in inhalt
    client.force_login(lesend)
    inhalt = client.get(quartier.get_absolute_url()).content.decode()
    assert "Protokoll verschicken" in inhalt
    assert f'action="{erledigt}"' not in inhalt
    assert "als erledigt markieren" not in inhalt
    assert "vorbereiten" not in inhalt


@pytest.mark.django_db
def test_erledigt_auf_der_quartierseite_fuehrt_zurueck_und_die_aufgabe_verschwindet(
    client, qm, quartier
):
    aufgabe = factories.AufgabeFactory(quartier=quartier, titel="Protokoll verschicken")
    client.force_login(qm)
    url = quartier.get_absolute_url()
    antwort = client.post(reverse("akteure:aufgabe_erledigt", args=[aufgabe.pk]), {"weiter": url})
    assert antwort.status_code == 302 and antwort.url == url
    assert "Protokoll verschicken" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_qm_eines_anderen_quartiers_bekommt_404(client, qm_anderes, quartier):
    client.force_login(qm_anderes)
    assert client.get(quartier.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_bedarfe_filter_offen_zeigt_nur_nicht_abgeschlossene(client, qm, quartier):
    for status in ("neu", "in_pruefung", "erledigt", "nicht_umsetzbar"):
        factories.BedarfFactory(quartier=quartier, status=status, titel=f"B-{status}")
    client.force_login(qm)
    antwort = client.get(reverse("bedarfe:liste"), {"quartier": quartier.pk, "offen": "true"})
    assert sorted(b.titel for b in antwort.context["page_obj"].object_list) == [
        "B-in_pruefung",
        "B-neu",
    ]
    antwort = client.get(reverse("bedarfe:liste"), {"quartier": quartier.pk, "offen": "false"})
    assert sorted(b.titel for b in antwort.context["page_obj"].object_list) == [
        "B-erledigt",
        "B-nicht_umsetzbar",
    ]


@pytest.mark.django_db
def test_aufgabenliste_zeigt_keine_aufgaben_fremder_quartiere(client, qm, quartier):
    factories.AufgabeFactory(quartier=quartier, titel="Eigene Aufgabe")
    factories.AufgabeFactory(titel="Fremde Aufgabe")
    client.force_login(qm)
    inhalt = client.get(reverse("akteure:aufgaben")).content.decode()
    assert "Eigene Aufgabe" in inhalt and "Fremde Aufgabe" not in inhalt


@pytest.mark.django_db
def test_dashboard_mit_konstanter_anzahl_abfragen(client, qm, quartier, abfragen):
    client.force_login(qm)
    url = quartier.get_absolute_url()
    gremium = factories.GremiumFactory(quartier=quartier)
    _ueberfaellig_daten(quartier)  # also creates this year's fund

    def daten():
        factories.WeiterleitungFactory(bedarf__quartier=quartier, frist=GESTERN())
        factories.AufgabeFactory(quartier=quartier, faellig_am=GESTERN())
        factories.SitzungFactory(gremium=gremium, beginn=timezone.now() + datetime.timedelta(1))
        factories.TerminFactory(
            quartier=quartier,
            beginn=timezone.now() + datetime.timedelta(days=1),
            projekt=factories.ProjektFactory(quartiere=[quartier]),
        )
        factories.AkteurFactory(quartiere=[quartier])

    daten()
    wenig = abfragen(lambda: client.get(url))
    for _ in range(4):
        daten()
    assert abfragen(lambda: client.get(url)) == wenig


@pytest.mark.django_db
def test_aufgabenliste_mit_konstanter_anzahl_abfragen(client, qm, quartier, abfragen):
    client.force_login(qm)
    url = f"{reverse('akteure:aufgaben')}?quartier={quartier.pk}&ueberfaellig=true"
    gremium = factories.GremiumFactory(quartier=quartier)

    def daten():
        sitzung = factories.SitzungFactory(gremium=gremium)
        factories.AufgabeFactory(
            quartier=quartier,
            sitzung=sitzung,
            faellig_am=GESTERN(),
            verantwortlich_akteur=factories.AkteurFactory(quartiere=[quartier]),
        )

    daten()
    wenig = abfragen(lambda: client.get(url))
    for _ in range(4):
        daten()
    assert abfragen(lambda: client.get(url)) == wenig
