#!/usr/bin/env python
"""Benchmark of the two speed targets of the akteure app (not part of the tests).

1. Import of 5,000 actors from a CSV: check (preview) and save, target under 30 s.
2. Network data of a quartier with 2,000 actors and 10,000 links (Beziehungen): the selector
   with the networkx figures plus the JSON the page embeds, and the whole page; target < 1 s.

Run against the development database: `.venv/bin/python bench/akteure_netzwerk.py`.
It creates its own quartier, actors and user and removes them again at the end.
"""

import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quartiersmanagement.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from akteure import importieren, selectors  # noqa: E402
from akteure.models import Akteur, Beziehung, Beziehungsart  # noqa: E402
from akteure.views.netzwerk import _als_json  # noqa: E402
from quartiere.models import Quartier  # noqa: E402

PRAEFIX = "Bench-Akteur"
SLUG = "bench-akteure"


def _zeit(fn):
    start = time.perf_counter()
    ergebnis = fn()
    return ergebnis, time.perf_counter() - start


def _csv_datei(praefix: str) -> SimpleUploadedFile:
    arten = ["Verein", "Schule", "Kita", "Initiative", "Wohlfahrtsverband"]
    zeilen = ["name;art;strasse;plz;ort;email;telefon;website;beschreibung"]
    for i in range(5000):
        zeilen.append(
            f"{praefix} {i};{arten[i % 5]};Musterweg {i};52062;Aachen;"
            f"info{i}@bench.example;0241 {i:06d};https://bench{i}.example;Benchmark"
        )
    return SimpleUploadedFile("bench.csv", "\n".join(zeilen).encode("utf-8"))


def import_ueber_seiten_messen(quartier, client) -> None:
    """The same through the pages: upload with preview (rows into the session), confirm."""
    datei = _csv_datei(f"{PRAEFIX} Seite")
    antwort, t_vorschau = _zeit(
        lambda: client.post(reverse("akteure:import"), {"datei": datei, "quartier": quartier.pk})
    )
    assert antwort.status_code == 200, antwort.status_code
    antwort, t_bestaetigen = _zeit(lambda: client.post(reverse("akteure:import_bestaetigen")))
    anzahl = Akteur.objects.filter(name__startswith=f"{PRAEFIX} Seite").count()
    print(
        f"Import über die Seiten: {anzahl} Akteure – Hochladen mit Vorschau "
        f"{t_vorschau:.2f} s, Bestätigen {t_bestaetigen:.2f} s, zusammen "
        f"{t_vorschau + t_bestaetigen:.2f} s (Ziel < 30 s)"
    )


def import_messen(quartier) -> None:
    datei = _csv_datei(f"{PRAEFIX} Import")
    geprueft, t_pruefen = _zeit(lambda: importieren.pruefen(datei, bekannte=Akteur.objects.all()))
    fehler = sum(1 for z in geprueft if z.fehler)
    daten = importieren.als_sitzungsdaten(geprueft)
    ergebnis, t_import = _zeit(
        lambda: importieren.importieren(
            zeilen=daten, quartier=quartier, bekannte=Akteur.objects.all()
        )
    )
    gesamt = t_pruefen + t_import
    print(
        f"Import: {ergebnis['angelegt']} Zeilen ({fehler} fehlerhaft) – Prüfen {t_pruefen:.2f} s, "
        f"Speichern {t_import:.2f} s, zusammen {gesamt:.2f} s (Ziel < 30 s)"
    )


def netz_anlegen(quartier, knoten=2000, kanten=10000) -> None:
    with transaction.atomic():
        akteure = Akteur.objects.bulk_create(
            [Akteur(name=f"{PRAEFIX} Netz {i}", art="verein") for i in range(knoten)]
        )
        Akteur.quartiere.through.objects.bulk_create(
            [Akteur.quartiere.through(akteur_id=a.pk, quartier_id=quartier.pk) for a in akteure]
        )
        art = Beziehungsart.objects.get_or_create(name="Kooperation")[0]
        zufall = random.Random(42)  # noqa: S311 - benchmark data only
        ids = [a.pk for a in akteure]
        paare = set()
        while len(paare) < kanten:
            a, b = zufall.sample(ids, 2)
            paare.add((min(a, b), max(a, b)))
        Beziehung.objects.bulk_create(
            [Beziehung(quelle_id=a, ziel_id=b, art=art) for a, b in paare], batch_size=2000
        )


def netz_messen(quartier, client) -> None:
    netz_anlegen(quartier)
    selectors.netzwerk_daten(quartier)  # warm-up (imports, connection)
    messungen = []
    for _ in range(3):
        (netz, text), t = _zeit(
            lambda: (lambda n: (n, json.dumps(_als_json(n))))(selectors.netzwerk_daten(quartier))
        )
        messungen.append(t)
    print(
        f"Netzwerkdaten: {len(netz.knoten)} Akteure, {netz.kennzahlen['verbindungen']} "
        f"Verbindungen, JSON {len(text) / 1024:.0f} KB – bestes von 3: {min(messungen):.3f} s "
        f"(Ziel < 1 s)"
    )

    url = reverse("akteure:netzwerk_json") + f"?quartier={SLUG}"
    seite = reverse("akteure:netzwerk") + f"?quartier={SLUG}"
    client.get(url)
    zeiten_json = [_zeit(lambda: client.get(url))[1] for _ in range(3)]
    zeiten_seite = [_zeit(lambda: client.get(seite))[1] for _ in range(3)]
    print(
        f"Antwort /akteure/netzwerk/daten.json: {min(zeiten_json):.3f} s; "
        f"ganze Seite mit Tabelle: {min(zeiten_seite):.3f} s"
    )


def aufraeumen() -> None:
    Akteur.objects.filter(name__startswith=PRAEFIX).delete()
    Akteur.history.filter(name__startswith=PRAEFIX).delete()
    Quartier.objects.filter(slug=SLUG).delete()


def main() -> None:
    aufraeumen()
    quartier = Quartier.objects.create(name="Bench-Quartier", slug=SLUG)
    benutzer = get_user_model().objects.create_superuser("bench-akteure", "b@bench.example", None)
    client = Client(HTTP_HOST="localhost")
    client.force_login(benutzer)
    try:
        import_messen(quartier)
        import_ueber_seiten_messen(quartier, client)
        Akteur.objects.filter(name__startswith=PRAEFIX).delete()
        netz_messen(quartier, client)
    finally:
        client.logout()
        benutzer.delete()
        aufraeumen()
        Quartier.history.filter(slug=SLUG).delete()


if __name__ == "__main__":
    main()
