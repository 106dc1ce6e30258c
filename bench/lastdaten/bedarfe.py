"""City-scale data of needs: Bedarfe with their timeline and forwards to departments."""

import datetime
import hashlib
import random

from bedarfe.models import Bedarf, Bedarfsereignis, Weiterleitung
from bench.lastdaten import (
    anzahl,
    einfuegen,
    lastquartier_ids,
    zufalls_lage,
    zufalls_zeitpunkt,
)
from quartiere.models import Fachbereich, Handlungsfeld

BEDARFE = 200_000
EREIGNISSE = 600_000
WEITERLEITUNGEN = 150_000
#: Needs are written in chunks so memory does not grow with the scale.
STUECK = 5000

OHNE_WEITERLEITUNG = ["neu", "in_pruefung", "zurueckgestellt", "nicht_umsetzbar"]
MIT_WEITERLEITUNG = ["weitergeleitet", "in_bearbeitung", "erledigt"]
ERGEBNISSE = [wert for wert, _name in Weiterleitung.ANTWORTEN]  # the outcomes of an answer
THEMEN = ["Spielplatz", "Beleuchtung", "Treffpunkt", "Sauberkeit", "Verkehr", "Beratung"]


def erzeugen(*, skalierung: float, zufall: random.Random) -> dict[str, int]:
    quartiere = lastquartier_ids()
    felder = list(Handlungsfeld.objects.values_list("pk", flat=True)) or [None]
    fachbereiche = list(Fachbereich.objects.values_list("pk", flat=True))
    n_bedarfe = anzahl(BEDARFE, skalierung)
    n_weiter = min(anzahl(WEITERLEITUNGEN, skalierung), n_bedarfe) if fachbereiche else 0
    n_ereignisse = anzahl(EREIGNISSE, skalierung)
    zahlen = {"bedarfe.Bedarf": 0, "bedarfe.Weiterleitung": 0, "bedarfe.Bedarfsereignis": 0}

    for start in range(0, n_bedarfe, STUECK):
        indizes = range(start, min(start + STUECK, n_bedarfe))
        gemeldet = {i: zufalls_zeitpunkt(zufall) for i in indizes}
        quartier_je_bedarf = {i: zufall.choice(quartiere) for i in indizes}
        bedarfe = einfuegen(
            Bedarf,
            [
                Bedarf(
                    quartier_id=quartier_je_bedarf[i],
                    lage=zufalls_lage(zufall, quartier_je_bedarf[i]),
                    titel=f"Lastbedarf {i + 1}: {zufall.choice(THEMEN)}",
                    beschreibung=f"Erzeugter Bedarf {i + 1} für Lasttests.",
                    handlungsfeld_id=zufall.choice(felder),
                    gemeldet_am=gemeldet[i].date(),
                    prioritaet=zufall.randint(1, 3),
                    nennungen=zufall.randint(1, 20),
                    status=zufall.choice(MIT_WEITERLEITUNG if i < n_weiter else OHNE_WEITERLEITUNG),
                    oeffentlich=zufall.random() < 0.2,
                )
                for i in indizes
            ],
        )
        weiterleitungen = {}
        for i, bedarf in zip(indizes, bedarfe, strict=True):
            if i >= n_weiter:
                continue
            gesendet = gemeldet[i] + datetime.timedelta(days=zufall.randint(1, 30))
            beantwortet = zufall.random() < 0.6
            weiterleitungen[i] = Weiterleitung(
                bedarf=bedarf,
                fachbereich_id=zufall.choice(fachbereiche),
                kontakt_email="fachbereich@example.org",
                gesendet_am=gesendet,
                frist=gesendet.date() + datetime.timedelta(days=28),
                schluessel=f"{zufall.getrandbits(256):064x}",
                token_hash=hashlib.sha256(f"lastdaten-{bedarf.pk}".encode()).hexdigest(),
                ergebnis=zufall.choice(ERGEBNISSE) if beantwortet else "",
                beantwortet_am=gesendet + datetime.timedelta(days=zufall.randint(1, 40))
                if beantwortet
                else None,
                antwort="Erzeugte Antwort." if beantwortet else "",
            )
        einfuegen(Weiterleitung, list(weiterleitungen.values()))
        ereignisse = []
        for i, bedarf in zip(indizes, bedarfe, strict=True):
            # Three per need; the share of EREIGNISSE that scaling rounding leaves is dropped.
            zeit = gemeldet[i]
            ereignisse.append(
                Bedarfsereignis(bedarf=bedarf, art="erstellt", zeitpunkt=zeit, zu_status="neu")
            )
            ereignisse.append(
                Bedarfsereignis(
                    bedarf=bedarf,
                    art="status",
                    zeitpunkt=zeit + datetime.timedelta(hours=1),
                    von_status="neu",
                    zu_status=bedarf.status,
                )
            )
            weiterleitung = weiterleitungen.get(i)
            ereignisse.append(
                Bedarfsereignis(
                    bedarf=bedarf,
                    art="weitergeleitet" if weiterleitung else "kommentar",
                    zeitpunkt=zeit + datetime.timedelta(hours=2),
                    weiterleitung=weiterleitung,
                    kommentar="Erzeugter Eintrag.",
                )
            )
        ereignisse = ereignisse[: max(0, n_ereignisse - zahlen["bedarfe.Bedarfsereignis"])]
        einfuegen(Bedarfsereignis, ereignisse)
        zahlen["bedarfe.Bedarf"] += len(bedarfe)
        zahlen["bedarfe.Weiterleitung"] += len(weiterleitungen)
        zahlen["bedarfe.Bedarfsereignis"] += len(ereignisse)
    return zahlen
