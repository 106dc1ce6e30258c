"""HTML forms as a browser reads and submits them, for the simulated users of
bench/locustfile.py (and its tests): no Django, no Locust."""

import random
import time
from html.parser import HTMLParser


class _Formulare(HTMLParser):
    """The forms of a page with their fields (inputs, selects with options, textareas)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.formulare: list[dict] = []
        self._im_formular = False
        self._select: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._im_formular = True
            self.formulare.append(
                {
                    "action": a.get("action") or "",
                    "method": (a.get("method") or "get").lower(),
                    "felder": [],
                }
            )
            return
        if not self._im_formular or not a.get("name"):
            if tag == "option" and self._select is not None:
                self._option(a)
            return
        felder = self.formulare[-1]["felder"]
        if tag == "input":
            felder.append(
                {
                    "name": a["name"],
                    "typ": (a.get("type") or "text").lower(),
                    "wert": a.get("value") or "",
                    "an": "checked" in a,
                    "pflicht": "required" in a,
                }
            )
        elif tag == "select":
            self._select = {
                "name": a["name"],
                "typ": "select",
                "mehrfach": "multiple" in a,
                "pflicht": "required" in a,
                "optionen": [],
                "gewaehlt": [],
            }
            felder.append(self._select)
        elif tag == "textarea":
            self._textarea = {
                "name": a["name"],
                "typ": "textarea",
                "wert": "",
                "pflicht": "required" in a,
            }
            felder.append(self._textarea)

    def _option(self, a):
        wert = a.get("value") or ""
        self._select["optionen"].append(wert)
        if "selected" in a:
            self._select["gewaehlt"].append(wert)

    def handle_endtag(self, tag):
        if tag == "form":
            self._im_formular = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["wert"] += data


def formulare(html: str) -> list[dict]:
    leser = _Formulare()
    leser.feed(html)
    return leser.formulare


def werte(formular: dict) -> dict[str, list[str]]:
    """What a browser would submit without any change."""
    daten: dict[str, list[str]] = {}
    for f in formular["felder"]:
        if f["typ"] in ("submit", "button", "reset", "file", "image"):
            continue
        if f["typ"] in ("checkbox", "radio"):
            if f["an"]:
                daten.setdefault(f["name"], []).append(f["wert"] or "on")
        elif f["typ"] == "select":
            gewaehlt = f["gewaehlt"] or ([] if f["mehrfach"] else f["optionen"][:1])
            if gewaehlt:
                daten.setdefault(f["name"], []).extend(gewaehlt)
        else:
            daten.setdefault(f["name"], []).append(f["wert"].removeprefix("\n"))
    return daten


def ausfuellen(formular: dict, vorgaben: dict[str, str]) -> dict[str, list[str]]:
    """The form's values, `vorgaben` set, and every required field still empty filled in
    plausibly (a random option, today's date, a short text)."""
    daten = werte(formular)
    for name, wert in vorgaben.items():
        daten[name] = [wert]
    for f in formular["felder"]:
        if not f["pflicht"] or any(daten.get(f["name"], [])):
            continue
        if f["typ"] == "select":
            optionen = [o for o in f["optionen"] if o]
            if optionen:
                daten[f["name"]] = [random.choice(optionen)]
        elif f["typ"] in ("checkbox", "radio"):
            daten[f["name"]] = [f["wert"] or "on"]
        elif f["typ"] == "date":
            daten[f["name"]] = [time.strftime("%Y-%m-%d")]
        elif f["typ"] == "datetime-local":
            daten[f["name"]] = [time.strftime("%Y-%m-%dT%H:%M")]
        elif f["typ"] == "number":
            daten[f["name"]] = ["1"]
        elif f["typ"] == "email":
            daten[f["name"]] = ["lasttest@example.org"]
        else:
            daten[f["name"]] = [f"Lasttest {random.randrange(10**6)}"]
    return daten


def auswahl(formular: dict, name: str) -> list[str]:
    """The values offered for field `name`: a select's options or a radio group's values."""
    werte_ = []
    for f in formular["felder"]:
        if f["name"] == name and f["typ"] == "select":
            werte_ += [o for o in f["optionen"] if o]
        elif f["name"] == name and f["typ"] == "radio" and f["wert"]:
            werte_.append(f["wert"])
    return werte_


def formular_mit(html: str, *, methode: str, feld: str | None = None, action: str | None = None):
    """The first form with that method that has field `feld` or an action containing `action`."""
    for f in formulare(html):
        if f["method"] != methode:
            continue
        if feld and any(x["name"] == feld for x in f["felder"]):
            return f
        if action and action in f["action"]:
            return f
    return None
