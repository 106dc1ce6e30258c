"""The shared cache: content identical for everybody allowed to see it, renewed on commit, per
quartier; no user's data or CSRF token in it, no stale value after a commit."""

import datetime
import threading
import warnings

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from akteure import importieren
from akteure.models import Akteur
from bedarfe import services as bedarfe_services
from bedarfe.models import Bedarf
from oeffentlichkeit.models import Beitrag
from quartiersmanagement import shared_cache
from tests import factories

pytestmark = pytest.mark.django_db


def _zaehler(quartier_id):
    """A builder that counts its runs and reads the quartier's news."""
    laeufe = []

    def bauen():
        laeufe.append(1)
        return Beitrag.objects.filter(quartier_id=quartier_id).count()

    return bauen, laeufe


def _in_anderem_thread(aufruf):
    """`aufruf()` in a thread of its own, so on a database connection of its own."""
    ergebnis = {}

    def lauf():
        try:
            ergebnis["wert"] = aufruf()
        finally:
            connection.close()

    faden = threading.Thread(target=lauf)
    faden.start()
    faden.join()
    return ergebnis["wert"]


def _ohne_persoenliches(inhalt: str, *benutzer) -> None:
    assert "csrfmiddlewaretoken" not in inhalt
    for b in benutzer:
        assert str(b) not in inhalt
        assert not b.email or b.email not in inhalt


# --- identical for everybody allowed to see it ----------------------------------------------


def test_netzwerk_json_gleich_fuer_qm_und_leitung(client, qm, leitung, quartier):
    a = factories.AkteurFactory(quartiere=[quartier], name="Kita Regenbogen")
    b = factories.AkteurFactory(quartiere=[quartier], name="Bürgerverein")
    factories.BeziehungFactory(quelle=a, ziel=b)
    url = reverse("akteure:netzwerk_json") + f"?quartier={quartier.slug}"
    client.force_login(qm)
    fuer_qm = client.get(url).content
    cache.clear()  # Leitung builds it anew
    client.force_login(leitung)
    fuer_leitung = client.get(url).content
    assert fuer_qm == fuer_leitung
    assert b"Kita Regenbogen" in fuer_qm
    _ohne_persoenliches(fuer_qm.decode(), qm, leitung)


@pytest.mark.parametrize("name", ["quartier", "termine_ics", "feed"])
def test_oeffentliche_inhalte_gleich_fuer_besucher_und_angemeldete(client, qm, quartier, name):
    quartier.oeffentlich = True
    quartier.save()
    morgen = timezone.now() + datetime.timedelta(days=1)
    factories.TerminFactory(quartier=quartier, titel="Sommerfest", oeffentlich=True, beginn=morgen)
    factories.BeitragFactory(quartier=quartier, titel="Neue Bänke")
    factories.ProjektFactory(
        quartiere=[quartier], titel="Gemeinschaftsgarten", oeffentlich=True, status="umsetzung"
    )
    url = reverse(f"oeffentlichkeit:{name}", args=[quartier.slug])
    anonym = client.get(url).content
    cache.clear()
    client.force_login(qm)
    angemeldet = client.get(url).content
    assert anonym == angemeldet
    inhalt = anonym.decode()
    assert ("Sommerfest" if name != "feed" else "Neue Bänke") in inhalt
    _ohne_persoenliches(inhalt, qm)


def test_erbauer_bekommen_nur_ids(quartier):
    """The builders run without a request: the same value whoever asks."""
    from akteure.views.netzwerk import netzwerk_json_text
    from berichte.quartierseite import gemeinsame_daten
    from berichte.selectors import fachbereiche_im_jahr
    from berichte.uebersicht import quartiere_bauen
    from oeffentlichkeit.views.feed import feed_beitraege
    from oeffentlichkeit.views.seiten import quartier_daten
    from oeffentlichkeit.views.termine import termine_ical

    factories.AkteurFactory(quartiere=[quartier])
    assert netzwerk_json_text(quartier.pk, None) == netzwerk_json_text(quartier.pk, None)
    assert quartier_daten(quartier.pk)["termine"] == []
    assert feed_beitraege(quartier.pk) == []
    assert gemeinsame_daten(quartier.pk)["aufgaben"] == []
    assert termine_ical(quartier.pk, "https://example.org/q/x/termine/").startswith(b"BEGIN")
    (teil,) = quartiere_bauen([quartier.pk], 2025).values()
    assert quartier.name in teil["zeile"] and quartier.name in teil["karte"]
    assert fachbereiche_im_jahr([quartier.pk], 2025) == fachbereiche_im_jahr(None, 2025) == []


# --- versions: per quartier, advanced on commit ---------------------------------------------


def test_schreiben_in_a_laesst_b_gueltig_stadtweites_erneuert_alles(
    quartier, anderes_quartier, django_capture_on_commit_callbacks
):
    bauen_a, laeufe_a = _zaehler(quartier.pk)
    bauen_b, laeufe_b = _zaehler(anderes_quartier.pk)

    def lesen():
        return (
            shared_cache.cached("probe", bauen_a, params=("a",), quartier_ids=[quartier.pk]),
            shared_cache.cached(
                "probe", bauen_b, params=("b",), quartier_ids=[anderes_quartier.pk]
            ),
        )

    assert lesen() == (0, 0)
    assert lesen() == (0, 0) and (len(laeufe_a), len(laeufe_b)) == (1, 1)
    with django_capture_on_commit_callbacks(execute=True):
        factories.BeitragFactory(quartier=quartier)
    assert lesen() == (1, 0)
    assert (len(laeufe_a), len(laeufe_b)) == (2, 1)  # B's entry stayed valid
    with django_capture_on_commit_callbacks(execute=True):
        factories.HandlungsfeldFactory()  # a city-wide term: no quartier
    lesen()
    assert (len(laeufe_a), len(laeufe_b)) == (3, 2)
    with django_capture_on_commit_callbacks(execute=True):
        shared_cache.changed()
    lesen()
    assert (len(laeufe_a), len(laeufe_b)) == (4, 3)


def test_je_quartier_baut_eine_aenderung_nur_den_teil_ihres_quartiers(
    quartier, anderes_quartier, django_capture_on_commit_callbacks
):
    """The city overview's parts: a write in A rebuilds A's part, B's stays."""
    gebaut = []

    def bauen(ids):
        gebaut.append(ids)
        return {q: Beitrag.objects.filter(quartier_id=q).count() for q in ids}

    def lesen():
        return shared_cache.cached_per_quartier(
            "probe", bauen, quartier_ids=[anderes_quartier.pk, quartier.pk], params=(2025,)
        )

    assert lesen() == {quartier.pk: 0, anderes_quartier.pk: 0}
    assert lesen() == {quartier.pk: 0, anderes_quartier.pk: 0}
    with django_capture_on_commit_callbacks(execute=True):
        factories.BeitragFactory(quartier=quartier)
    assert lesen() == {quartier.pk: 1, anderes_quartier.pk: 0}
    assert gebaut == [sorted([quartier.pk, anderes_quartier.pk]), [quartier.pk]]


def test_stadtweiter_inhalt_erneuert_sich_bei_jedem_quartier(
    quartier, django_capture_on_commit_callbacks
):
    laeufe = []

    def bauen():
        laeufe.append(1)
        return Beitrag.objects.count()

    assert shared_cache.cached("stadt", bauen) == 0
    with django_capture_on_commit_callbacks(execute=True):
        factories.BeitragFactory(quartier=quartier)
    assert shared_cache.cached("stadt", bauen) == 1


def test_neue_weiterleitung_erneuert_nur_ihr_quartier(
    qm, quartier, anderes_quartier, django_capture_on_commit_callbacks
):
    from bedarfe.weiterleitungen.services import bedarf_weiterleiten

    bauen_b, laeufe_b = _zaehler(anderes_quartier.pk)
    shared_cache.cached("probe", bauen_b, params=("b",), quartier_ids=[anderes_quartier.pk])
    bedarf = factories.BedarfFactory(quartier=quartier)
    fachbereich = factories.FachbereichFactory()
    with django_capture_on_commit_callbacks(execute=True):
        bedarf_weiterleiten(bedarf=bedarf, an=fachbereich, von=qm)
    shared_cache.cached("probe", bauen_b, params=("b",), quartier_ids=[anderes_quartier.pk])
    assert len(laeufe_b) == 1


def test_umzug_in_ein_anderes_quartier_erneuert_beide(
    quartier, anderes_quartier, django_capture_on_commit_callbacks
):
    beitrag = factories.BeitragFactory(quartier=quartier)
    bauen_a, _ = _zaehler(quartier.pk)
    bauen_b, _ = _zaehler(anderes_quartier.pk)
    assert shared_cache.cached("probe-a", bauen_a, quartier_ids=[quartier.pk]) == 1
    assert shared_cache.cached("probe-b", bauen_b, quartier_ids=[anderes_quartier.pk]) == 0
    geladen = Beitrag.objects.get(pk=beitrag.pk)
    geladen.quartier = anderes_quartier
    with django_capture_on_commit_callbacks(execute=True):
        geladen.save()
    assert shared_cache.cached("probe-a", bauen_a, quartier_ids=[quartier.pk]) == 0
    assert shared_cache.cached("probe-b", bauen_b, quartier_ids=[anderes_quartier.pk]) == 1


def test_loeschen_eines_teilweise_geladenen_datensatzes_ohne_abfrage_nach_dem_quartier(
    quartier, django_capture_on_commit_callbacks
):
    beitrag = factories.BeitragFactory(quartier=quartier)
    bauen, _ = _zaehler(quartier.pk)
    assert shared_cache.cached("probe", bauen, quartier_ids=[quartier.pk]) == 1
    teilweise = Beitrag.objects.only("pk").get(pk=beitrag.pk)
    with django_capture_on_commit_callbacks(execute=True):
        teilweise.delete()
    assert shared_cache.cached("probe", bauen, quartier_ids=[quartier.pk]) == 0


def test_geloeschter_akteur_erneuert_nur_seine_quartiere(
    quartier, anderes_quartier, django_capture_on_commit_callbacks
):
    """A deleted actor renews the quartiers it was in (its `quartiere`, whose rows the delete
    removes first), not everything."""
    akteur = factories.AkteurFactory(quartiere=[quartier])
    bauen_a, laeufe_a = _zaehler(quartier.pk)
    bauen_b, laeufe_b = _zaehler(anderes_quartier.pk)
    shared_cache.cached("probe-a", bauen_a, quartier_ids=[quartier.pk])
    shared_cache.cached("probe-b", bauen_b, quartier_ids=[anderes_quartier.pk])
    with django_capture_on_commit_callbacks(execute=True):
        Akteur.objects.get(pk=akteur.pk).delete()
    shared_cache.cached("probe-a", bauen_a, quartier_ids=[quartier.pk])
    shared_cache.cached("probe-b", bauen_b, quartier_ids=[anderes_quartier.pk])
    assert (len(laeufe_a), len(laeufe_b)) == (2, 1)


def test_ohne_commit_bleibt_der_alte_stand(quartier):
    """Inside the (test's) open transaction nothing is advanced yet: other connections do not
    see the write either."""
    bauen, laeufe = _zaehler(quartier.pk)
    shared_cache.cached("probe", bauen, quartier_ids=[quartier.pk])
    factories.BeitragFactory(quartier=quartier)
    assert shared_cache.cached("probe", bauen, quartier_ids=[quartier.pk]) == 0
    assert len(laeufe) == 1


def test_ein_update_erneuert_alles(quartier):
    """An entry the old code built may have another shape: the update's `migrate` renews."""
    bauen, laeufe = _zaehler(quartier.pk)
    shared_cache.cached("probe", bauen, quartier_ids=[quartier.pk])
    call_command("migrate", verbosity=0)
    shared_cache.cached("probe", bauen, quartier_ids=[quartier.pk])
    assert len(laeufe) == 2


def test_leere_ergebnisse_werden_auch_zwischengespeichert(quartier):
    laeufe = []

    def bauen():
        laeufe.append(1)

    shared_cache.cached("nichts", bauen, quartier_ids=[quartier.pk])
    shared_cache.cached("nichts", bauen, quartier_ids=[quartier.pk])
    assert len(laeufe) == 1


def test_schluessel_auch_fuer_viele_quartiere_und_adressen_gueltig(db):
    quartiere = factories.QuartierFactory.create_batch(30)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # CacheKeyWarning: too long or characters backends refuse
        wert = shared_cache.cached(
            "lang",
            lambda: 1,
            params=("https://example.org/q/x/termine/ mit Leerzeichen",),
            quartier_ids=[q.pk for q in quartiere],
        )
    assert wert == 1


# --- no stale window: a write committed in one connection is seen at once in another --------


@pytest.mark.django_db(transaction=True)
def test_nach_dem_commit_sieht_eine_andere_verbindung_sofort_den_neuen_stand():
    a = factories.QuartierFactory(slug="a")
    b = factories.QuartierFactory(slug="b")

    def lesen(quartier_id):
        bauen, _ = _zaehler(quartier_id)
        return shared_cache.cached(
            "probe", bauen, params=(quartier_id,), quartier_ids=[quartier_id]
        )

    assert _in_anderem_thread(lambda: lesen(a.pk)) == 0
    laeufe_b = []

    def lesen_b():
        def bauen():
            laeufe_b.append(1)
            return Beitrag.objects.filter(quartier=b).count()

        return shared_cache.cached("probe-b", bauen, quartier_ids=[b.pk])

    _in_anderem_thread(lesen_b)
    with transaction.atomic():
        factories.BeitragFactory(quartier=a)
        # Before the commit another connection reads (and may cache) the old stand ...
        assert _in_anderem_thread(lambda: lesen(a.pk)) == 0
    # ... and right after it the new one.
    assert _in_anderem_thread(lambda: lesen(a.pk)) == 1
    assert lesen(a.pk) == 1
    _in_anderem_thread(lesen_b)
    assert len(laeufe_b) == 1  # B's entry survived A's write


@pytest.mark.django_db(transaction=True)
def test_oeffentliche_seite_nach_dem_commit_sofort_neu(client):
    q = factories.QuartierFactory(slug="preuswald", oeffentlich=True)
    url = reverse("oeffentlichkeit:quartier", args=[q.slug])
    assert "Frisch gepflanzt" not in client.get(url).content.decode()
    factories.BeitragFactory(quartier=q, titel="Frisch gepflanzt")
    inhalt = _in_anderem_thread(lambda: Client().get(url).content.decode())
    assert "Frisch gepflanzt" in inhalt


# --- write paths that bypass the signals call changed() ---------------------------------------


def test_zusammenfuehren_erneuert_das_quartier(qm, quartier, django_capture_on_commit_callbacks):
    ziel = factories.BedarfFactory(quartier=quartier, nennungen=1)
    quelle = factories.BedarfFactory(quartier=quartier, nennungen=2)

    def nennungen():
        return Bedarf.objects.get(pk=ziel.pk).nennungen

    assert shared_cache.cached("nennungen", nennungen, quartier_ids=[quartier.pk]) == 1
    with django_capture_on_commit_callbacks(execute=True) as rueckrufe:
        bedarfe_services.bedarf_zusammenfuehren(quelle=quelle, ziel=ziel, von=qm)
    assert rueckrufe
    assert shared_cache.cached("nennungen", nennungen, quartier_ids=[quartier.pk]) == 3


def test_akteursimport_erneuert_das_netz_des_quartiers(
    client, qm, quartier, django_capture_on_commit_callbacks
):
    url = reverse("akteure:netzwerk_json") + f"?quartier={quartier.slug}"
    client.force_login(qm)
    assert client.get(url).json()["kennzahlen"]["akteure"] == 0
    zeilen = [{"nummer": 2, "fehler": [], "daten": _importzeile("Kita Sonnenschein")}]
    with django_capture_on_commit_callbacks(execute=True):
        assert importieren.importieren(
            zeilen=zeilen, quartier=quartier, bekannte=Akteur.objects.all()
        ) == {"angelegt": 1, "aktualisiert": 0}
    assert client.get(url).json()["kennzahlen"]["akteure"] == 1


def _importzeile(name: str) -> dict:
    return {
        "name": name,
        "art": "kita",
        "strasse": "",
        "plz": "",
        "ort": "Aachen",
        "email": "",
        "telefon": "",
        "website": "",
        "beschreibung": "",
        "handlungsfelder_ids": [],
        "zielgruppen_ids": [],
    }


# --- records without a quartier of their own: through their parents and quartiers ------------


def _erneuert(quartiere, aktion, capture) -> set[int]:
    """The quartiers among `quartiere` whose cached content `aktion` renews."""
    laeufe = {q.pk: 0 for q in quartiere}

    def bauen(pk):
        laeufe[pk] += 1
        return pk

    def lesen():
        for q in quartiere:
            shared_cache.cached(
                "probe", lambda pk=q.pk: bauen(pk), params=(q.pk,), quartier_ids=[q.pk]
            )

    lesen()  # every probe cached (or already)
    laeufe.update(dict.fromkeys(laeufe, 0))
    with capture(execute=True):
        aktion()
    lesen()
    return {pk for pk, anzahl in laeufe.items() if anzahl}


def test_kommentar_erneuert_nur_das_quartier_des_bedarfs(
    qm, quartier, anderes_quartier, django_capture_on_commit_callbacks
):
    bedarf = factories.BedarfFactory(quartier=quartier)
    geladen = Bedarf.objects.get(pk=bedarf.pk)

    def kommentieren():
        bedarfe_services.bedarf_kommentieren(bedarf=geladen, kommentar="Rückruf", von=qm)

    erneuert = _erneuert(
        [quartier, anderes_quartier], kommentieren, django_capture_on_commit_callbacks
    )
    assert erneuert == {quartier.pk}


def test_antrag_erneuert_das_quartier_seines_fonds_auch_beim_umzug(
    quartier, anderes_quartier, django_capture_on_commit_callbacks
):
    antrag = factories.FondsantragFactory(fonds__quartier=quartier)
    fonds_b = factories.StadtteilfondsFactory(quartier=anderes_quartier, jahr=antrag.fonds.jahr + 1)
    dritter = factories.QuartierFactory()
    nur_ids = type(antrag).objects.get(pk=antrag.pk)  # the fund not loaded: read by its id

    def aendern():
        nur_ids.titel = "Neu"
        nur_ids.save()

    alle = [quartier, anderes_quartier, dritter]
    assert _erneuert(alle, aendern, django_capture_on_commit_callbacks) == {quartier.pk}

    def umziehen():
        nur_ids.fonds = fonds_b
        nur_ids.save()

    erneuert = _erneuert(alle, umziehen, django_capture_on_commit_callbacks)
    assert erneuert == {quartier.pk, anderes_quartier.pk}


def test_akteur_erneuert_seine_quartiere_und_die_hinzugefuegten(
    quartier, anderes_quartier, django_capture_on_commit_callbacks
):
    dritter = factories.QuartierFactory()
    akteur = factories.AkteurFactory(quartiere=[quartier])
    alle = [quartier, anderes_quartier, dritter]

    def umbenennen():
        akteur.name = "Kita Regenbogen"
        akteur.save()

    assert _erneuert(alle, umbenennen, django_capture_on_commit_callbacks) == {quartier.pk}
    hinzufuegen = lambda: akteur.quartiere.add(anderes_quartier)  # noqa: E731
    assert _erneuert(alle, hinzufuegen, django_capture_on_commit_callbacks) == {anderes_quartier.pk}
    entfernen = lambda: akteur.quartiere.remove(quartier)  # noqa: E731
    assert _erneuert(alle, entfernen, django_capture_on_commit_callbacks) == {quartier.pk}


def test_datensatz_ohne_weg_zu_einem_quartier_erneuert_alles(
    quartier, anderes_quartier, django_capture_on_commit_callbacks
):
    person = factories.PersonFactory()

    def aendern():
        person.nachname = "Muster"
        person.save()

    erneuert = _erneuert([quartier, anderes_quartier], aendern, django_capture_on_commit_callbacks)
    assert erneuert == {quartier.pk, anderes_quartier.pk}


# --- the quartier page: shared figures, the user's buttons ----------------------------------


def test_quartierseite_teilt_kennzahlen_knoepfe_je_person(
    client, qm, leitung, quartier, django_capture_on_commit_callbacks
):
    """QM and Leitung read the same cached figures and action items; the button that marks an
    item done stays the QM's; a committed new need is on the next request at once."""
    aufgabe = factories.AufgabeFactory(quartier=quartier)
    url = quartier.get_absolute_url()
    erledigt = reverse("akteure:aufgabe_erledigt", args=[aufgabe.pk])
    client.force_login(qm)
    antwort = client.get(url)
    vorher = antwort.context["bedarfe"]
    assert erledigt in antwort.content.decode()
    client.force_login(leitung)
    antwort = client.get(url)
    assert antwort.context["bedarfe"] == vorher
    assert [a.pk for a in antwort.context["aufgaben"]] == [aufgabe.pk]
    assert erledigt not in antwort.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        factories.BedarfFactory(quartier=quartier)
    assert client.get(url).context["bedarfe"] != vorher


def test_anmeldung_und_formular_token_erneuern_nichts_ein_neuer_name_alles(
    qm, quartier, django_capture_on_commit_callbacks
):
    """A login (last_login) and a form's one-time token belong to no shared content; a user's
    new name may be on a cached page (a responsible person), so it renews everything."""
    from django.contrib.auth.models import update_last_login

    from quartiersmanagement.models import SubmissionToken

    alle = [quartier]
    assert (
        _erneuert(alle, lambda: update_last_login(None, qm), django_capture_on_commit_callbacks)
        == set()
    )
    token = lambda: SubmissionToken.objects.create(token="x" * 40, url="/bedarfe/1/")  # noqa: E731
    assert _erneuert(alle, token, django_capture_on_commit_callbacks) == set()

    def umbenennen():
        qm.last_name = "Neu"
        qm.save()

    assert _erneuert(alle, umbenennen, django_capture_on_commit_callbacks) == {quartier.pk}
