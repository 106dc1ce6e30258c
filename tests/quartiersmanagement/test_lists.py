"""quartiersmanagement.lists: the one base of every list page. The same parameter names on
every list (`q`, `sortierung`, `seite`, `format`), old bookmarks redirected, 50 rows per page,
a page number out of range shows the last page, the "create" button from a permission, and
the export of exactly the filtered rows."""

import datetime
import io
import re

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from bedarfe.models import Bedarf
from quartiersmanagement import lists
from quartiersmanagement.lists import renamed_query
from tests import factories

LISTEN = [
    "bedarfe:liste",
    "bedarfe:weiterleitungen",
    "bedarfe:erhebungen",
    "akteure:liste",
    "akteure:personen",
    "akteure:gremien",
    "akteure:aufgaben",
    "projekte:liste",
    "projekte:termine",
    "projekte:nachweise_ueberfaellig",
    "oeffentlichkeit:beitraege",
]


def test_alte_namen_werden_ersetzt():
    neu = renamed_query(QueryDict("o=-titel&page=3&suche=Bank&status=neu"))
    assert neu.dict() == {"sortierung": "-titel", "seite": "3", "q": "Bank", "status": "neu"}
    assert renamed_query(QueryDict("sortierung=titel&seite=2")) is None


def test_neuer_name_geht_dem_alten_vor():
    assert renamed_query(QueryDict("o=titel&sortierung=-titel")).dict() == {"sortierung": "-titel"}


@pytest.mark.parametrize("name", LISTEN)
def test_jede_liste_leitet_alte_lesezeichen_um(client, qm, name):
    client.force_login(qm)
    antwort = client.get(reverse(name), {"page": "2", "o": "titel"})
    assert antwort.status_code == 302
    pfad, _, abfrage = antwort["Location"].partition("?")
    assert pfad == reverse(name)
    assert QueryDict(abfrage) == QueryDict("sortierung=titel&seite=2")


@pytest.mark.parametrize("name", LISTEN)
def test_jede_liste_zeigt_sich_mit_seite_ausserhalb(client, qm, name):
    client.force_login(qm)
    assert client.get(reverse(name), {"seite": "999"}).status_code == 200
    assert client.get(reverse(name), {"seite": "abc"}).status_code == 200


@pytest.mark.parametrize("name", LISTEN)
def test_jede_liste_nimmt_kein_post_an(client, qm, name):
    client.force_login(qm)
    assert client.post(reverse(name)).status_code == 405


def test_blaettern_mit_seite_und_letzte_seite_bei_zu_grosser_zahl(client, qm, quartier):
    factories.BedarfFactory.create_batch(51, quartier=quartier)
    client.force_login(qm)
    url = reverse("bedarfe:liste")
    assert len(client.get(url).context["object_list"]) == 50
    assert len(client.get(url, {"seite": 2}).context["object_list"]) == 1
    inhalt = client.get(url, {"seite": 99}).content.decode()
    assert "Seite 2 von 2" in inhalt
    assert "?seite=1" in inhalt  # the link back keeps the new name


def test_zaehlt_hoechstens_bis_zur_grenze(client, qm, quartier, monkeypatch):
    monkeypatch.setattr(lists, "COUNT_LIMIT", 60)
    factories.BedarfFactory.create_batch(61, quartier=quartier)
    client.force_login(qm)
    url = reverse("bedarfe:liste")
    inhalt = client.get(url).content.decode()
    assert "Mehr als 60 Bedarfe gefunden" in inhalt
    assert "Seite 1 von mehr als 2" in inhalt
    assert len(client.get(url, {"seite": 2}).context["object_list"]) == 10
    gefiltert = client.get(url, {"q": "gibt es nicht"}).content.decode()
    assert "0 Bedarfe gefunden" in gefiltert


def test_suche_bietet_hoechstens_die_grenze_an_treffern(client, qm, quartier, monkeypatch):
    """A search, like every list, offers its first COUNT_LIMIT hits and says where the pages
    end; the export holds every hit."""
    monkeypatch.setattr(lists, "COUNT_LIMIT", 60)
    factories.AkteurFactory.create_batch(61, quartiere=[quartier], name="Bürgerverein")
    client.force_login(qm)
    url = reverse("akteure:liste")
    antwort = client.get(url, {"q": "Bürgerverein", "seite": 9})
    inhalt = antwort.content.decode()
    assert "Mehr als 60 Akteure" in inhalt
    assert "Seite 2 von mehr als 2" in inhalt  # page 9 is out of range: the last page
    assert "Die Seiten reichen bis zum 60. Eintrag" in inhalt
    assert len(antwort.context["object_list"]) == 10
    export = client.get(url, {"q": "Bürgerverein", "format": "csv"})
    assert len(b"".join(export.streaming_content).decode("utf-8-sig").splitlines()) == 62


def test_suche_der_bedarfe_zaehlt_einmal(client, qm, quartier):
    """The needs' search counts its hits to choose their order; the paginator takes that count
    instead of counting the same hits again."""
    factories.BedarfFactory.create_batch(3, quartier=quartier, titel="Bank am Spielplatz")
    client.force_login(qm)
    client.get(reverse("bedarfe:liste"))
    with CaptureQueriesContext(connection) as abfragen:
        antwort = client.get(reverse("bedarfe:liste"), {"q": "Spielplatz"})
    zaehlungen = [a["sql"] for a in abfragen.captured_queries if "COUNT(" in a["sql"]]
    assert len(zaehlungen) == 1
    assert antwort.context["page_obj"].paginator.count == 3


def test_zaehlt_genau_unter_der_grenze(quartier):
    factories.BedarfFactory.create_batch(3, quartier=quartier)
    paginator = lists.CappedPaginator(Bedarf.objects.all(), 2)
    assert (paginator.count, paginator.capped, paginator.num_pages) == (3, False, 2)


def _liste(quartier, anzahl: int, *, tage: int):
    """`anzahl` needs reported on `tage` different days (equal dates, so ties decide the order
    too), in the needs list's default order."""
    heute = datetime.date(2026, 5, 1)
    for n in range(anzahl):
        factories.BedarfFactory(quartier=quartier, gemeldet_am=heute - datetime.timedelta(n % tage))
    return Bedarf.objects.order_by("-gemeldet_am", "-pk")


def test_tiefe_seiten_zeigen_dieselben_zeilen_in_derselben_reihenfolge(
    quartier, monkeypatch, django_assert_num_queries
):
    """Beyond FEW_MATCHES a later page picks its rows by id in a subquery, skipped from the
    nearer end of the list (the last page in reverse order): the same rows, in the list's order
    (ties broken by id), in one query."""
    monkeypatch.setattr(lists, "FEW_MATCHES", 12)
    liste = _liste(quartier, 13, tage=4)
    paginator = lists.CappedPaginator(liste, 4)
    for nummer in (1, 2, 3, 4):
        seite = paginator.page(nummer)
        with django_assert_num_queries(1):
            zeilen = list(seite.object_list)
        assert zeilen == list(liste[(nummer - 1) * 4 : nummer * 4])
    assert "IN (SELECT" not in str(paginator.page(1).object_list.query)
    vorwaerts, vom_ende = (str(paginator.page(n).object_list.query) for n in (2, 4))
    assert "IN (SELECT" in vorwaerts and '"gemeldet_am" ASC' not in vorwaerts
    assert "IN (SELECT" in vom_ende and '"gemeldet_am" ASC' in vom_ende


def test_wenige_treffer_liest_die_seite_ueber_ihre_ids(
    quartier, monkeypatch, django_assert_num_queries
):
    """Up to FEW_MATCHES matches a page reads the ids of all matches in the list's order
    (without LIMIT), then its own rows by their ids: PostgreSQL can no longer walk the order's
    index in search of rare matches, and joins only the page's rows."""
    monkeypatch.setattr(lists, "FEW_MATCHES", 7)
    liste = _liste(quartier, 7, tage=3)
    paginator = lists.CappedPaginator(liste, 3)
    paginator.count  # noqa: B018 - counted before, as the list page does
    for nummer in (1, 2, 3):
        with django_assert_num_queries(2):
            zeilen = list(paginator.page(nummer).object_list)
        assert zeilen == list(liste[(nummer - 1) * 3 : nummer * 3])
    abfrage = str(paginator.page(2).object_list.query)
    assert '"id" IN (' in abfrage and "IN (SELECT" not in abfrage and "LIMIT" not in abfrage


def test_tiefe_seite_einer_gekappten_liste_zaehlt_vom_anfang(quartier, monkeypatch):
    """Beyond COUNT_LIMIT the list's end is unknown: a later page skips from the start."""
    monkeypatch.setattr(lists, "COUNT_LIMIT", 8)
    factories.BedarfFactory.create_batch(11, quartier=quartier)
    liste = Bedarf.objects.order_by("-gemeldet_am", "-pk")
    seite = lists.CappedPaginator(liste, 4).page(2)
    assert '"gemeldet_am" ASC' not in str(seite.object_list.query)
    assert list(seite.object_list) == list(liste[4:8])


def test_alle_treffer_auf_einer_seite_ohne_limit(quartier, monkeypatch):
    """When every match fits on one page, the page is the filtered list without LIMIT, in the
    list's order: with a LIMIT, PostgreSQL walked the whole order index for a few matches."""
    liste = _liste(quartier, 3, tage=2)
    eine_seite = lists.CappedPaginator(liste, 3).page(1).object_list
    assert "LIMIT" not in str(eine_seite.query)
    assert list(eine_seite) == list(liste)
    monkeypatch.setattr(lists, "FEW_MATCHES", 2)
    assert "LIMIT" in str(lists.CappedPaginator(liste.all(), 2).page(1).object_list.query)


@pytest.mark.parametrize(
    ("name", "knopf"),
    [
        ("bedarfe:liste", "bedarfe:anlegen"),
        ("bedarfe:erhebungen", "bedarfe:erhebung_anlegen"),
        ("akteure:liste", "akteure:neu"),
        ("projekte:liste", "projekte:neu"),
        ("oeffentlichkeit:beitraege", "oeffentlichkeit:beitrag_neu"),
    ],
)
def test_anlegen_nur_fuer_quartiersmanagement(client, qm, lesend, name, knopf):
    client.force_login(qm)
    assert f'href="{reverse(knopf)}"' in client.get(reverse(name)).content.decode()
    client.force_login(lesend)
    assert f'href="{reverse(knopf)}"' not in client.get(reverse(name)).content.decode()


def test_export_enthaelt_alle_gefilterten_zeilen_ueber_die_seite_hinaus(client, qm, quartier):
    factories.BedarfFactory.create_batch(55, quartier=quartier, titel="Bank")
    factories.BedarfFactory(quartier=quartier, titel="Ampel")
    client.force_login(qm)
    antwort = client.get(reverse("bedarfe:liste"), {"q": "Bank", "format": "xlsx", "seite": 2})
    zeilen = list(load_workbook(io.BytesIO(b"".join(antwort.streaming_content))).active.values)
    assert len(zeilen) == 56  # header + 55


def test_export_alter_lesezeichen_wird_umgeleitet(client, qm):
    client.force_login(qm)
    antwort = client.get(reverse("akteure:liste"), {"format": "csv", "page": "2"})
    assert antwort.status_code == 302


def test_filterformular_zeigt_den_fehler_am_feld(client, qm):
    client.force_login(qm)
    inhalt = client.get(reverse("bedarfe:liste"), {"gemeldet_ab": "gestern"}).content.decode()
    assert '<label class="form-label" for="id_gemeldet_ab">gemeldet ab</label>' in inhalt
    feld = re.search(r'<input type="date" name="gemeldet_ab"[^>]*>', inhalt).group()
    assert 'class="form-control is-invalid"' in feld
    assert 'aria-invalid="true"' in feld
    assert 'aria-describedby="id_gemeldet_ab_error"' in feld
    assert re.search(r'id="id_gemeldet_ab_error">Bitte [^<]*Datum', inhalt)
    assert 'class="form-select"' in inhalt  # the selects
    assert 'type="hidden" name="sortierung"' in inhalt


def _termin_mit_projekt(quartier):
    return factories.TerminFactory(
        quartier=quartier, projekt=factories.ProjektFactory(quartiere=[quartier])
    )


def _aufgabe_einer_sitzung(quartier):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    return factories.AufgabeFactory(quartier=quartier, sitzung=sitzung)


#: A list, how to create one of its rows, and the link the row must carry.
ZEILEN = {
    "bedarfe:liste": (
        lambda q: factories.BedarfFactory(quartier=q),
        lambda b: reverse("bedarfe:detail", args=[b.pk]),
    ),
    "bedarfe:weiterleitungen": (
        lambda q: factories.WeiterleitungFactory(bedarf__quartier=q),
        lambda w: w.get_absolute_url(),
    ),
    "bedarfe:erhebungen": (
        lambda q: factories.ErhebungFactory(quartier=q),
        lambda e: e.get_absolute_url(),
    ),
    "akteure:liste": (
        lambda q: factories.AkteurFactory(quartiere=[q]),
        lambda a: a.get_absolute_url(),
    ),
    "akteure:gremien": (
        lambda q: factories.GremiumFactory(quartier=q),
        lambda g: g.get_absolute_url(),
    ),
    "akteure:aufgaben": (_aufgabe_einer_sitzung, lambda a: a.sitzung.get_absolute_url()),
    "projekte:liste": (
        lambda q: factories.ProjektFactory(quartiere=[q]),
        lambda p: p.get_absolute_url(),
    ),
    "projekte:termine": (_termin_mit_projekt, lambda t: t.projekt.get_absolute_url()),
}


@pytest.mark.parametrize("name", ZEILEN)
def test_zeilenlinks_ohne_reverse_je_zeile(client, qm, quartier, name, monkeypatch):
    """Each row's link is right, and the page reverses as often with 5 rows as with 1: the rows
    fill in a pattern of `{% url_muster %}` (docs/performance.md)."""
    from django.urls.resolvers import URLResolver

    anlegen, link = ZEILEN[name]
    client.force_login(qm)
    umkehrungen = []
    original = URLResolver._reverse_with_prefix

    def zaehlen(self, *args, **kwargs):
        umkehrungen.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(URLResolver, "_reverse_with_prefix", zaehlen)

    def seite():
        umkehrungen.clear()
        return client.get(reverse(name)).content.decode(), len(umkehrungen)

    zeilen = [anlegen(quartier)]
    _inhalt, bei_einer_zeile = seite()
    zeilen += [anlegen(quartier) for _ in range(4)]
    inhalt, bei_fuenf_zeilen = seite()
    assert bei_fuenf_zeilen == bei_einer_zeile
    for zeile in zeilen:
        assert f'href="{link(zeile)}"' in inhalt
