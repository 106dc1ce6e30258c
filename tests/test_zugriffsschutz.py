"""Walks every URL pattern of the project and checks access control and escaping, so that a
new view without a permission check (or with |safe on user text) fails CI.

For each named URL:
- anonymous: redirected to the login (unless listed in OEFFENTLICH with a reason);
- a Quartiersmanager:in of another quartier: an object page gives 404/403; a list page shows
  nothing of the other quartier (the MARKER of its records is not in the page);
- a Lesend user of the object's quartier: a POST changes nothing (403/404/405, row counts equal).
- the Quartiersmanager:in of the quartier sees records whose texts hold an XSS payload only
  escaped.
Every URL with parameters needs an entry in OBJEKTE, collected from tests/<app>/zugriff.py: a
builder(quartier, text) that creates a record in that quartier with `text` in its text fields
and returns the URL kwargs. For list pages all builders run first, so lists hold records of
the quartier. A missing entry fails.
"""

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from quartiere.models import Zustaendigkeit
from tests import factories
from tests.akteure.zugriff import EIGENES_KONTO as AKTEURE_KONTO
from tests.akteure.zugriff import KONTODATEN as AKTEURE_KONTODATEN
from tests.akteure.zugriff import NUR_MIT_TOKEN as AKTEURE_TOKEN
from tests.akteure.zugriff import OBJEKTE as AKTEURE
from tests.akteure.zugriff import OHNE_OBJEKT as AKTEURE_OHNE_OBJEKT
from tests.arbeitsplatz.zugriff import EIGENES_KONTO as ARBEITSPLATZ_KONTO
from tests.arbeitsplatz.zugriff import KONTODATEN as ARBEITSPLATZ_KONTODATEN
from tests.bedarfe.zugriff import OBJEKTE as BEDARFE
from tests.berichte.zugriff import OBJEKTE as BERICHTE
from tests.karten.zugriff import OBJEKTE as KARTEN
from tests.oeffentlichkeit.zugriff import OBJEKTE as OEFFENTLICHKEIT_OBJEKTE
from tests.oeffentlichkeit.zugriff import OEFFENTLICH as OEFFENTLICHKEIT
from tests.projekte.zugriff import OBJEKTE as PROJEKTE
from tests.projekte.zugriff import OEFFENTLICH as PROJEKTE_OEFFENTLICH
from tests.quartiere.zugriff import OBJEKTE as QUARTIERE

MARKER = "Zugriffsmarker"
XSS = '<script>alert("xss")</script>"><img src=x onerror=alert(1)>'
XSS_ROH = ("<script>alert", "<img src=x onerror")

# URL names reachable without login, each for a reason.
OEFFENTLICH = {
    "login": "Anmeldung",
    "healthz": "Gesundheitsprüfung für den Load-Balancer, ohne Daten",
    "bedarfe:antwort": "Antwortlink des Fachbereichs, geschützt durch ein geheimes Token",
    "password_reset": "Passwort vergessen: dieselbe Antwort mit und ohne Konto",
    "password_reset_done": "Hinweis nach dem Anfordern, ohne Daten",
    "password_reset_confirm": "Link aus der E-Mail, geschützt durch ein Einmal-Token",
    "password_reset_complete": "Bestätigung, ohne Daten",
    **PROJEKTE_OEFFENTLICH,
    **OEFFENTLICHKEIT,
}
# URL names that are not pages of their own (they redirect or only accept POST by design).
NUR_POST = {"logout"}
# The user's own account: a POST acts on the account, never on quartier data.
EIGENES_KONTO = {
    "password_change",
    "password_change_done",
    "zwei_faktor",
    "zwei_faktor_pruefen",
    *AKTEURE_KONTO,
    *ARBEITSPLATZ_KONTO,
}
# Tables of the user's own account that those pages may change.
KONTODATEN = {"otp_totp.TOTPDevice", *AKTEURE_KONTODATEN, *ARBEITSPLATZ_KONTODATEN}
# Feeds for calendar programs: anonymous requests without a token get 403, not the login page.
NUR_MIT_TOKEN = {*AKTEURE_TOKEN}


OBJEKTE = {
    **QUARTIERE,
    **BEDARFE,
    **AKTEURE,
    **PROJEKTE,
    **KARTEN,
    **BERICHTE,
    **OEFFENTLICHKEIT_OBJEKTE,
}
# URL name -> fixed kwargs, for URLs whose parameters name no record (checked like lists).
OHNE_OBJEKT = {**AKTEURE_OHNE_OBJEKT}


def _benannte_urls(patterns=None, namespace=""):
    """All named URL patterns; the admin (guarded by admin_view) is checked separately."""
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if p.app_name == "admin":
                continue
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _benannte_urls(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name and not str(p.pattern).startswith("admin/"):
            yield f"{namespace}{p.name}", p


URLS = sorted(dict(_benannte_urls()).items())
GESCHUETZT = [(name, p) for name, p in URLS if name not in OEFFENTLICH and name not in NUR_POST]


def _hat_parameter(pattern) -> bool:
    return bool(pattern.pattern.regex.groupindex)


def _ist_objektseite(name, pattern) -> bool:
    return _hat_parameter(pattern) and name not in OHNE_OBJEKT


def _url(name, pattern, quartier, text=MARKER):
    if not _ist_objektseite(name, pattern):
        for baue in OBJEKTE.values():
            baue(quartier, text)
        return reverse(name, kwargs=OHNE_OBJEKT.get(name))
    assert name in OBJEKTE, f"URL {name!r} hat keinen Eintrag in OBJEKTE: Zugriffsschutz ungeprüft"
    return reverse(name, kwargs=OBJEKTE[name](quartier, text))


def _inhalt(antwort) -> str:
    if antwort.streaming:
        return b"".join(antwort.streaming_content).decode(errors="replace")
    return antwort.content.decode(errors="replace")


def _zeilen(ausser=frozenset()):
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if not m._meta.label.startswith(("sessions.", "axes.", "admin."))
        and m._meta.label not in ausser
    }


@pytest.fixture
def geheimes_quartier(db):
    return factories.QuartierFactory(name=f"{MARKER} Quartier", slug="geheim")


@pytest.mark.django_db
@pytest.mark.parametrize("name,pattern", GESCHUETZT, ids=[n for n, _p in GESCHUETZT])
def test_anonym_wird_zur_anmeldung_geleitet(client, geheimes_quartier, name, pattern):
    antwort = client.get(_url(name, pattern, geheimes_quartier))
    if name in NUR_MIT_TOKEN:
        assert antwort.status_code == 403, f"{name}: {antwort.status_code}"
        return
    assert antwort.status_code == 302, f"{name}: {antwort.status_code}"
    assert antwort.url.startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("name,pattern", GESCHUETZT, ids=[n for n, _p in GESCHUETZT])
def test_fremdes_quartier_sieht_nichts(client, geheimes_quartier, qm_anderes, name, pattern):
    url = _url(name, pattern, geheimes_quartier)
    client.force_login(qm_anderes)
    antwort = client.get(url)
    if _ist_objektseite(name, pattern):
        # 405: a POST-only view refuses GET before it looks at the record; nothing leaks.
        assert antwort.status_code in (403, 404, 405), f"{name}: {antwort.status_code}"
    else:
        assert antwort.status_code in (200, 302, 403, 405), f"{name}: {antwort.status_code}"
        assert MARKER not in _inhalt(antwort), f"{name} zeigt Fremdes"
    if _ist_objektseite(name, pattern) and name not in EIGENES_KONTO:
        vorher = _zeilen()
        antwort = client.post(url, {"titel": "geändert", "name": "geändert"})
        assert antwort.status_code in (403, 404, 405), f"POST {name}: {antwort.status_code}"
        assert _zeilen() == vorher, f"{name}: POST aus fremdem Quartier hat Daten verändert"


@pytest.mark.django_db
@pytest.mark.parametrize("name,pattern", GESCHUETZT, ids=[n for n, _p in GESCHUETZT])
def test_lesend_kann_nichts_aendern(client, geheimes_quartier, name, pattern):
    url = _url(name, pattern, geheimes_quartier)
    lesend = factories.benutzer_mit_rolle(geheimes_quartier, rolle=Zustaendigkeit.Rolle.LESEND)
    client.force_login(lesend)
    ausser = KONTODATEN if name in EIGENES_KONTO else frozenset()
    vorher = _zeilen(ausser)
    antwort = client.post(url, {"titel": "geändert", "name": "geändert", "status": "erledigt"})
    if name not in EIGENES_KONTO:
        assert antwort.status_code in (403, 404, 405), f"{name}: {antwort.status_code}"
    assert _zeilen(ausser) == vorher, f"{name}: POST von Lesend hat Daten verändert"


LESBAR = [(n, p) for n, p in GESCHUETZT if n not in EIGENES_KONTO]


@pytest.mark.django_db
@pytest.mark.parametrize("name,pattern", LESBAR, ids=[n for n, _p in LESBAR])
def test_text_mit_skript_erscheint_nur_maskiert(client, qm, quartier, name, pattern):
    url = _url(name, pattern, quartier, text=XSS)
    client.force_login(qm)
    antwort = client.get(url)
    if not antwort.get("Content-Type", "").startswith("text/html"):
        return  # JSON, iCal, CSV, PDF: not interpreted as HTML by a browser (nosniff is set)
    inhalt = _inhalt(antwort)
    for roh in XSS_ROH:
        assert roh not in inhalt, f"{name} gibt Benutzertext unmaskiert aus"
    if "<title>" in inhalt:  # the page title is plain text: no markup slipped into its block
        titel = inhalt.split("<title>", 1)[1].split("</title>", 1)[0]
        assert "<" not in titel, f"{name}: Markup im Seitentitel"


@pytest.mark.django_db
def test_verwaltung_nur_fuer_administration(client, qm):
    assert client.get(reverse("admin:index")).status_code == 302
    client.force_login(qm)
    antwort = client.get(reverse("admin:index"))
    assert antwort.status_code == 302 and "/admin/login/" in antwort.url


FREMDER_AKTEUR = "Verborgener Verein"
FREMDES_PROGRAMM = "Fremdprogramm"


@pytest.mark.django_db
@pytest.mark.parametrize("name,pattern", LESBAR, ids=[n for n, _p in LESBAR])
def test_auswahllisten_zeigen_nichts_aus_fremden_quartieren(
    client, qm, quartier, anderes_quartier, name, pattern
):
    """Every page the Quartiersmanager:in opens, forms with their pick lists included, names
    no non-public actor and no programme of a quartier she cannot read."""
    factories.AkteurFactory(name=FREMDER_AKTEUR, quartiere=[anderes_quartier], oeffentlich=False)
    factories.ProgrammeinsatzFactory(quartier=anderes_quartier, programm__name=FREMDES_PROGRAMM)
    url = _url(name, pattern, quartier)
    client.force_login(qm)
    inhalt = _inhalt(client.get(url))
    assert FREMDER_AKTEUR not in inhalt, f"{name} nennt einen fremden, nicht öffentlichen Akteur"
    assert FREMDES_PROGRAMM not in inhalt, f"{name} nennt ein Programm eines fremden Quartiers"
