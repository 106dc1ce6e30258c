"""Every staff page type on a phone: no horizontal scrolling, no serious axe finding.

The page types are not listed by hand: the test logs in as a Quartiersmanager:in and as the
Leitung with the demo data and follows the links of the application (breadth first), one page
per URL name, so a new page is checked as soon as something links to it. With
HANDBUCH_BILDER=1 it also takes the screenshots of docs/handbuch.md at 1366 px.
"""

import os
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

from tests.browser.conftest import anmelden, axe_befunde, breiter_als

DEMO_PASSWORT = "quartier-demo"
HANDY = 375
#: Links that end the session, download files or leave the staff pages.
NICHT_FOLGEN = ("logout", "oeffentlichkeit:", "admin:", "password_", "zwei_faktor_pruefen")
DATEIEN = (".pdf", ".xlsx", ".csv", ".ics", ".json")
HOECHSTENS = 120
HANDBUCH = Path(__file__).resolve().parents[2] / "docs" / "handbuch"
#: URL name -> screenshot name of the handbook (docs/handbuch.md shows them).
BILDER = {
    "quartiere:start": "start",
    "berichte:quartier": "quartierseite",
    "bedarfe:liste": "bedarfe",
    "bedarfe:detail": "bedarf",
    "bedarfe:weiterleitungen": "weiterleitungen",
    "akteure:liste": "akteure",
    "akteure:netzwerk": "netzwerk",
    "akteure:sitzung": "sitzung",
    "projekte:detail": "projekt",
    "projekte:fonds_detail": "fonds",
    "projekte:antrag_detail": "fondsantrag",
    "berichte:uebersicht": "uebersicht",
    "berichte:jahresbericht": "jahresbericht",
}


def _seitentyp(pfad: str) -> str | None:
    try:
        name = resolve(pfad).view_name
    except Resolver404:
        return None
    if name.startswith(NICHT_FOLGEN) or pfad.endswith(DATEIEN):
        return None
    return name


def _links(page, origin) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    return [h.split("#")[0] for h in hrefs if h.startswith(origin)]


def _durchlaufen(page, start):
    """Breadth first over the application's links: (URL name, path) once per URL name."""
    origin = f"{urlsplit(start).scheme}://{urlsplit(start).netloc}"
    gesehen, warteschlange = set(), deque([start])
    while warteschlange and len(gesehen) < HOECHSTENS:
        url = warteschlange.popleft()
        typ = _seitentyp(urlsplit(url).path)
        if typ is None or typ in gesehen:
            continue
        gesehen.add(typ)
        antwort = page.goto(url)
        yield typ, urlsplit(url).path, antwort.status
        warteschlange.extend(_links(page, origin))


@pytest.fixture
def demo(settings, transactional_db):
    settings.DEBUG = True
    call_command("demo_daten")


def _pruefen(page, live_server, username, bereits: set) -> list[str]:
    page.set_viewport_size({"width": HANDY, "height": 800})
    anmelden(page, live_server, username, DEMO_PASSWORT)
    fehler = []
    for typ, pfad, status in _durchlaufen(page, f"{live_server.url}/"):
        if typ in bereits:
            continue
        bereits.add(typ)
        if status >= 400:
            fehler.append(f"{username} {pfad}: HTTP {status}")
            continue
        fehler += [f"{username} {pfad}: {z}" for z in breiter_als(page, HANDY)]
        fehler += [f"{username} {pfad}: {b}" for b in axe_befunde(page)]
        if os.environ.get("HANDBUCH_BILDER") and typ in BILDER:
            page.set_viewport_size({"width": 1366, "height": 900})
            page.screenshot(path=str(HANDBUCH / f"{BILDER[typ]}.png"))
            page.set_viewport_size({"width": HANDY, "height": 800})
    return fehler


@pytest.mark.usefixtures("demo")
def test_jede_seitenart_passt_aufs_handy_und_ist_barrierefrei(browser, live_server):
    besucht: set[str] = set()
    fehler = []
    for username in ("qm-eilendorf", "leitung"):
        context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
        context.set_default_timeout(15_000)
        fehler += _pruefen(context.new_page(), live_server, username, besucht)
        context.close()
    assert len(besucht) >= 40, sorted(besucht)
    assert not fehler, "\n".join(fehler)


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("pfad", ["/bedarfe/", "/akteure/"])
def test_liste_und_datensatz_drucken_nur_den_inhalt(page, live_server, pfad):
    """Printed (A4 portrait, 794 px at 96 dpi): no navigation or buttons, nothing cut off."""
    anmelden(page, live_server, "qm-eilendorf", DEMO_PASSWORT)
    page.set_viewport_size({"width": 794, "height": 1123})
    page.emulate_media(media="print")
    for url in (f"{live_server.url}{pfad}", None):
        if url is None:  # the first record of the list
            url = page.locator("main table tbody a").first.evaluate("a => a.href")
        page.goto(url)
        assert not page.locator(".navbar").is_visible()
        assert page.locator("main .btn").evaluate_all("bs => bs.filter(b => b.offsetParent)") == []
        assert not breiter_als(page, 794)
