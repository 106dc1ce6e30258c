"""Playwright against Debian's chromium, plus an axe-core check from npm.

Playwright's sync API runs an event loop in the test thread, so Django's async-safety guard
must be relaxed for the database access of live-server tests.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_REGELN = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab; the test fails if the page broke its Content-Security-Policy."""
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    context.set_default_timeout(10_000)
    seite = context.new_page()
    csp_verstoesse = []
    seite.on(
        "console",
        lambda m: csp_verstoesse.append(m.text) if "Content Security Policy" in m.text else None,
    )
    yield seite
    context.close()
    assert not csp_verstoesse, csp_verstoesse


def axe_befunde(page) -> list[str]:
    """axe-core violations of impact serious or critical (WCAG 2.1 A/AA) on the open page."""
    # Evaluated through the DevTools protocol, so the page's strict CSP stays in force.
    page.evaluate(AXE.read_text())
    ergebnis = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_REGELN,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in ergebnis["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def axe_pruefen(page) -> None:
    """Fail on any axe-core violation of impact serious or critical (WCAG 2.1 A/AA)."""
    schwer = axe_befunde(page)
    assert not schwer, "axe-core meldet:\n" + "\n".join(schwer)


#: The innermost elements that reach past the right edge of the viewport and are not clipped
#: by a scrolling box that fits (tag#id.class, right edge, text).
ZU_BREIT = """(breite) => {
  const raus = e => e.getBoundingClientRect().right > breite + 0.5;
  const geklemmt = e => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible' && !raus(a)) return true;
    }
    return false;
  };
  return [...document.body.querySelectorAll('*')]
    .filter(e => raus(e) && ![...e.children].some(raus) && !geklemmt(e))
    .slice(0, 8)
    .map(e => `${e.tagName.toLowerCase()}#${e.id}.${String(e.className).split(' ').join('.')}`
      + ` ${Math.round(e.getBoundingClientRect().right)} ${e.textContent.trim().slice(0, 30)}`);
}"""


def breiter_als(page, breite) -> list[str]:
    """[] if the page fits `breite`, else what sticks out (for the failure message)."""
    breite_jetzt = page.evaluate("document.documentElement.scrollWidth")
    if breite_jetzt <= breite:
        return []
    return [f"scrollWidth {breite_jetzt}", *page.evaluate(ZU_BREIT, breite)]


def anmelden(page, live_server, username, passwort) -> None:
    """Log in through the login form, as a person would; staff land on "Heute"."""
    page.goto(f"{live_server.url}/konto/anmelden/")
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(passwort)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"{live_server.url}/heute/")
