"""The simulated users of `make bench` (Locust, headless; started by `manage.py lastmessung`).

Users of every role log in through the real login form (CSRF token from the page), then
click through the pages of their role with think time between clicks: lists with random
filters read from the list's own filter form, search words, page numbers from the page's
pagination links, and detail pages with ids that `lastmessung` drew from the database
(bench/messung.py `stichprobe`). About a tenth of the requests are writes through the real
forms: the form page is loaded, its fields are read as a browser would submit them, a few are
changed, and it is posted. A floor user loads the one-query page during the same run.

Every request's group, time and outcome go to BENCH_ROHDATEN when Locust stops; `lastmessung`
computes the percentiles and judges them. No Django here: Locust runs in its own process.
"""

import itertools
import json
import os
import random
import re
import time
from pathlib import Path
from urllib.parse import urlencode, urljoin

import gevent
from django_otp.oath import totp  # stdlib only, no Django
from locust import HttpUser, between, constant_pacing, events, task
from requests.adapters import HTTPAdapter

from bench.formulare import ausfuellen, auswahl, formular_mit, formulare, werte
from bench.gruppen import (
    ANMELDESEITE,
    ANMELDUNG,
    GRUNDLINIE,
    ZWEITER_FAKTOR,
    jede_hat_genug,
)

STICHPROBE = json.loads(Path(os.environ["BENCH_STICHPROBE"]).read_text())
PASSWOERTER = STICHPROBE["konten"]["passwoerter"]
TOTP_SCHLUESSEL = STICHPROBE["konten"]["totp"]
SEITEN = STICHPROBE["seiten"]
NUTZER = STICHPROBE["nutzer"]
#: A staff user logs in again after this many clicks (a new working session).
KLICKS_JE_SITZUNG = 60

_roh: list = []
_qm_konten = itertools.cycle(STICHPROBE["qm"])


@events.request.add_listener
def _aufzeichnen(name, response_time, exception, start_time=None, **_kwargs):
    _roh.append([name, response_time, exception is None, start_time or time.time()])


@events.quitting.add_listener
def _schreiben(**_kwargs):
    Path(os.environ["BENCH_ROHDATEN"]).write_text(json.dumps(_roh))


@events.test_start.add_listener
def _bis_jede_gruppe_genug_hat(environment, **_kwargs):
    """The run lasts until BENCH_FRUEHESTES_ENDE and then until every group has MINDESTANZAHL
    requests after the warm-up (from BENCH_AB on), within Locust's --run-time. A detail page
    that a user opens one click in thirty gets 9 to 32 requests in 300 s: the judgment should
    not depend on that draw."""
    fruehestens = float(os.environ["BENCH_FRUEHESTES_ENDE"])
    ab = float(os.environ["BENCH_AB"])

    def warten():
        while time.time() < fruehestens or not jede_hat_genug(_roh, ab=ab):
            gevent.sleep(1)
        environment.runner.quit()

    gevent.spawn(warten)


#: Names of a list's full-text search box (type="search" counts too).
SUCHFELDER = {"q", "suche"}
SEITENZAHL = re.compile(r"""href="[^"]*[?&;](seite|page)=(\d+)""")


# --- Users ------------------------------------------------------------------------------------


class Besuch(HttpUser):
    """What every simulated user shares: GETs and POSTs judged like a browser would."""

    abstract = True

    def lesen(self, url: str, gruppe: str):
        """GET without following redirects: a redirect (e.g. to the login) is an error."""
        with self.client.get(url, name=gruppe, allow_redirects=False, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"HTTP {r.status_code} für {url}")
            return r

    def senden(self, url: str, daten: dict, gruppe: str):
        """POST a form; success is the redirect after saving (a form shown again is an error)."""
        with self.client.post(
            url, data=daten, name=gruppe, allow_redirects=False, catch_response=True
        ) as r:
            if r.status_code not in (302, 303):
                fehler = re.findall(
                    r'class="invalid-feedback[^"]*"[^>]*>\s*(?:<strong>)?([^<]+)', r.text
                )
                r.failure(f"HTTP {r.status_code} für {url}: {'; '.join(fehler)[:200]}")
            return r


class Mitarbeitende(Besuch):
    """Staff: log in through the form, then click; after KLICKS_JE_SITZUNG clicks a new
    working session begins with a fresh login."""

    abstract = True
    wait_time = between(0.5, 2.5)
    konto: str
    ziele: dict

    def on_start(self):
        self._filter: dict[str, dict] = {}
        self._seiten: dict[str, int] = {}
        self._reihe: list[str] = []
        self._klicks = 0
        self.anmelden()

    def anmelden(self):
        self.client.cookies.clear()
        seite = self.lesen(SEITEN["anmeldung"], ANMELDESEITE)
        formular = formular_mit(seite.text, methode="post", feld="password")
        daten = werte(formular) if formular else {}
        daten.update(username=[self.konto], password=[PASSWOERTER[self.konto]])
        self.senden(SEITEN["anmeldung"], daten, ANMELDUNG)
        if self.konto in TOTP_SCHLUESSEL:
            self.zweiter_faktor(TOTP_SCHLUESSEL[self.konto])

    def zweiter_faktor(self, schluessel: str):
        """The code of the authenticator app, as Leitung enters it after the password."""
        seite = self.lesen(SEITEN["zweiter_faktor"], ANMELDESEITE)
        formular = formular_mit(seite.text, methode="post", feld="code")
        daten = werte(formular) if formular else {}
        daten["code"] = [f"{totp(bytes.fromhex(schluessel)):06d}"]
        self.senden(SEITEN["zweiter_faktor"], daten, ZWEITER_FAKTOR)

    def klick(self):
        self._klicks += 1
        if self._klicks % KLICKS_JE_SITZUNG == 0:
            self.anmelden()

    def reihum(self, titel: list[str]) -> str:
        """The next of these lists, in an order of this user's own: every list gets its share
        of the requests. Drawn at random, a list of the Leitung got 1 to 6 requests in a run,
        and one slow request decided its median."""
        if not self._reihe:
            self._reihe = random.sample(titel, len(titel))
        return self._reihe.pop()

    def liste(self, titel: str, gruppe: str | None = None):
        """A list with random filters from its own filter form, a search word now and then,
        and a random page up to the last one seen in its pagination."""
        url = STICHPROBE["listen"][titel]
        gruppe = gruppe or f"Liste: {titel}"
        if titel not in self._filter:
            r = self.lesen(url, gruppe)
            self._merken(titel, url, r.text)
            return
        filter_ = self._filter[titel]
        parameter = {}
        if filter_["auswahl"] and random.random() < 0.6:
            for name, optionen in random.sample(
                list(filter_["auswahl"].items()), min(2, len(filter_["auswahl"]))
            ):
                parameter[name] = random.choice(optionen)
        if filter_["suche"] and random.random() < 0.3:
            parameter[filter_["suche"]] = random.choice(STICHPROBE["suchwoerter"])
        if self._seiten.get(titel, 1) > 1 and random.random() < 0.3:
            parameter[filter_["seite"]] = random.randint(2, self._seiten[titel])
        r = self.lesen(f"{url}?{urlencode(parameter)}" if parameter else url, gruppe)
        if not parameter and r.status_code == 200:
            self._merken(titel, url, r.text)

    def _merken(self, titel: str, url: str, html: str):
        """Read the list's filter form (selects and the search box) and its last page."""
        gewaehlt, suche = {}, None
        for f in formulare(html):
            if f["method"] != "get" or (
                f["action"] and urljoin(url, f["action"]) != urljoin(url, url)
            ):
                continue
            for feld in f["felder"]:
                if feld["typ"] in ("select", "radio"):
                    optionen = auswahl(f, feld["name"])
                    if optionen:
                        gewaehlt[feld["name"]] = optionen
                elif feld["typ"] == "search" or feld["name"] in SUCHFELDER:
                    suche = suche or feld["name"]
        seiten = SEITENZAHL.findall(html)
        self._filter[titel] = {
            "auswahl": gewaehlt,
            "suche": suche,
            "seite": seiten[0][0] if seiten else "seite",
        }
        self._seiten[titel] = max([int(n) for _, n in seiten] or [1])

    def detail(self, liste: str, gruppe: str):
        if self.ziele.get(liste):
            return self.lesen(random.choice(self.ziele[liste]), gruppe)
        return None


class Quartiersmanagement(Mitarbeitende):
    """The QM of one quartier (the quartiers with the most needs): reads everything of it and
    writes: status changes, comments, new needs, actor edits."""

    fixed_count = NUTZER["qm"]

    def on_start(self):
        self.ziele = next(_qm_konten)
        self.konto = self.ziele["konto"]
        super().on_start()

    @task(2)
    def startseite(self):
        self.klick()
        self.lesen(SEITEN["start"], "Startseite")

    @task(3)
    def quartiersseite(self):
        self.klick()
        self.lesen(self.ziele["quartier"], "Quartiersseite")

    @task(5)
    def bedarfe(self):
        self.klick()
        self.liste("Bedarfe")

    @task(5)
    def bedarf(self):
        self.klick()
        self.detail("bedarfe", "Bedarf (Detail)")

    @task(4)
    def listen(self):
        self.klick()
        self.liste(self.reihum(list(STICHPROBE["listen"])))

    @task(2)
    def akteur(self):
        self.klick()
        self.detail("akteure", "Akteur (Detail)")

    @task(2)
    def projekt(self):
        self.klick()
        self.detail("projekte", "Projekt (Detail)")

    @task(1)
    def antrag(self):
        self.klick()
        self.detail("antraege", "Fondsantrag (Detail)")

    @task(1)
    def sitzung(self):
        self.klick()
        self.detail("sitzungen", "Sitzung (Detail)")

    @task(1)
    def netzwerk(self):
        self.klick()
        self.lesen(self.ziele["netzwerk_json"], "Netzwerkdaten (JSON)")

    # The writes weigh so that, with the other roles' reading, about a tenth of all requests
    # write (the share is printed under each table of `make bench`).
    @task(2)
    def status_aendern(self):
        self.klick()
        url = random.choice(self.ziele["bedarf_status"])
        seite = self.lesen(url, "Formular: Status ändern")
        formular = formular_mit(seite.text, methode="post", feld="status") if seite.ok else None
        if formular:
            optionen = auswahl(formular, "status")
            if optionen:
                vorgaben = {"status": random.choice(optionen), "kommentar": "Mit Amt abgestimmt."}
                self.senden(url, ausfuellen(formular, vorgaben), "Schreiben: Status ändern")

    @task(2)
    def kommentieren(self):
        self.klick()
        seite = self.detail("bedarfe", "Bedarf (Detail)")
        formular = (
            formular_mit(seite.text, methode="post", action="kommentieren")
            if seite is not None and seite.ok
            else None
        )
        if formular:
            ziel = urljoin(seite.url, formular["action"])
            daten = ausfuellen(formular, {"kommentar": "Rückruf beim Hausmeister vereinbart."})
            self.senden(ziel, daten, "Schreiben: Kommentar")

    @task(2)
    def bedarf_anlegen(self):
        self.klick()
        seite = self.lesen(SEITEN["bedarf_neu"], "Formular: Neuer Bedarf")
        formular = formular_mit(seite.text, methode="post", feld="titel") if seite.ok else None
        if formular:
            vorgaben = {
                "titel": f"Lastbedarf neu {random.randrange(10**6)}: Spielplatz",
                "beschreibung": "Eltern wünschen sich eine Schaukel für Kleinkinder.",
            }
            daten = ausfuellen(formular, vorgaben)
            self.senden(SEITEN["bedarf_neu"], daten, "Schreiben: Neuer Bedarf")

    @task(1)
    def akteur_bearbeiten(self):
        self.klick()
        url = random.choice(self.ziele["akteur_bearbeiten"])
        seite = self.lesen(url, "Formular: Akteur bearbeiten")
        formular = formular_mit(seite.text, methode="post", feld="name") if seite.ok else None
        if formular:
            vorgaben = {"beschreibung": f"Geändert im Lasttest {random.randrange(10**6)}."}
            self.senden(url, ausfuellen(formular, vorgaben), "Schreiben: Akteur bearbeiten")


class Lesend(Mitarbeitende):
    """A Lesend account of the biggest quartier: reads, never writes."""

    fixed_count = NUTZER["lesend"]

    def on_start(self):
        self.ziele = STICHPROBE["lesend"]
        self.konto = self.ziele["konto"]
        super().on_start()

    @task(2)
    def quartiersseite(self):
        self.klick()
        self.lesen(self.ziele["quartier"], "Quartiersseite")

    @task(3)
    def bedarfe(self):
        self.klick()
        self.liste("Bedarfe")

    @task(3)
    def bedarf(self):
        self.klick()
        self.detail("bedarfe", "Bedarf (Detail)")

    @task(2)
    def listen(self):
        self.klick()
        self.liste(self.reihum(list(STICHPROBE["listen"])))

    @task(1)
    def projekt(self):
        self.klick()
        self.detail("projekte", "Projekt (Detail)")


class Leitung(Mitarbeitende):
    """The Leitung: the city overview, every quartier's page, needs of all quartiers."""

    fixed_count = NUTZER["leitung"]

    def on_start(self):
        self.ziele = STICHPROBE["leitung"]
        self.konto = self.ziele["konto"]
        super().on_start()

    @task(3)
    def uebersicht(self):
        self.klick()
        self.lesen(SEITEN["uebersicht"], "Stadtweite Übersicht (Leitung)")

    @task(3)
    def quartiersseite(self):
        self.klick()
        self.detail("quartiere", "Quartiersseite")

    @task(4)
    def bedarfe(self):
        self.klick()
        self.liste("Bedarfe", "Liste: Bedarfe aller Quartiere (Leitung)")

    @task(2)
    def bedarf(self):
        self.klick()
        self.detail("bedarfe", "Bedarf (Detail)")

    # The Leitung works in the lists across all quartiers: approves funds, chases overdue
    # forwards.
    @task(6)
    def listen(self):
        self.klick()
        titel = self.reihum(["Projekte", "Akteure", "Stadtteilfonds", "Weiterleitungen"])
        self.liste(titel, f"Liste: {titel} aller Quartiere (Leitung)")


class _Quelladresse(HTTPAdapter):
    """Connections from one address of the loopback range (127.0.0.0/8): each visitor has an
    address of its own, as residents do, so the rate limit per address applies per visitor."""

    def __init__(self, adresse: str):
        self.adresse = adresse
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.adresse, 0)
        super().init_poolmanager(*args, **kwargs)


class Oeffentlich(Besuch):
    """An anonymous visitor of the public pages; now and then applies to a Stadtteilfonds
    online (as a new visitor from an address of its own)."""

    fixed_count = NUTZER["oeffentlich"]
    wait_time = between(0.5, 2.5)

    def on_start(self):
        self.neue_adresse()

    def neue_adresse(self):
        adresse = f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(1, 254)}"
        self.client.mount("http://", _Quelladresse(adresse))
        self.client.cookies.clear()

    def quartier(self) -> dict:
        return random.choice(STICHPROBE["oeffentlich"])

    @task(1)
    def uebersicht(self):
        self.lesen(SEITEN["oeffentlich_uebersicht"], "Öffentlich: Quartiere")

    @task(4)
    def seite(self):
        self.lesen(self.quartier()["seite"], "Öffentlich: Quartiersseite")

    @task(2)
    def termine(self):
        self.lesen(self.quartier()["termine"], "Öffentlich: Termine")

    @task(2)
    def ics(self):
        self.lesen(self.quartier()["ics"], "Öffentlich: iCal-Feed")

    @task(1)
    def feed(self):
        self.lesen(self.quartier()["feed"], "Öffentlich: Atom-Feed")

    @task(1)
    def akteure(self):
        self.lesen(self.quartier()["akteure"], "Öffentlich: Akteure")

    @task(2)
    def projekt(self):
        projekte = self.quartier()["projekte"]
        if projekte:
            self.lesen(random.choice(projekte), "Öffentlich: Projekt")

    @task(1)
    def online_antrag(self):
        self.neue_adresse()
        url = self.quartier()["antrag"]
        seite = self.lesen(url, "Formular: Online-Antrag")
        formular = formular_mit(seite.text, methode="post", feld="titel") if seite.ok else None
        if formular:
            vorgaben = {
                "titel": "Nachbarschaftsfest im Hof",
                "zweck": "Ein Fest für alle Nachbarinnen und Nachbarn mit Kinderprogramm.",
                "kostenplan": "Getränke: 120 €\nBastelmaterial: 80 €",
                "betrag_beantragt": "200,00",
                "antragsteller_name": "Hausgemeinschaft Lasttest",
                "antragsteller_email": "hausgemeinschaft@example.org",
            }
            self.senden(url, ausfuellen(formular, vorgaben), "Schreiben: Online-Antrag")


class Grundlinie(Mitarbeitende):
    """The floor: the one-query page, twice a second, during the whole run."""

    fixed_count = NUTZER["grundlinie"]
    wait_time = constant_pacing(0.5)

    def on_start(self):
        self.konto = STICHPROBE["lesend"]["konto"]
        self.ziele = {}
        super().on_start()

    @task
    def grundlinie(self):
        self.lesen(SEITEN["grundlinie"], GRUNDLINIE)
