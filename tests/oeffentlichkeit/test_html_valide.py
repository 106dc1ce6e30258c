"""Every public page type is valid HTML for the W3C Nu checker (npm package vnu-jar)."""

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories

VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


@pytest.mark.skipif(not shutil.which("java"), reason="Java fehlt für den Nu HTML Checker")
def test_oeffentliche_seiten_sind_valides_html(client, oeffentliches_quartier, tmp_path):
    assert VNU.exists(), "npm-Paket vnu-jar fehlt (npm ci)"
    q = oeffentliches_quartier
    morgen = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    projekt = factories.ProjektFactory(
        quartiere=[q], slug="garten", oeffentlich=True, status="umsetzung"
    )
    factories.TerminFactory(quartier=q, projekt=projekt, oeffentlich=True, beginn=morgen)
    factories.SitzungFactory(gremium=factories.GremiumFactory(quartier=q, oeffentlich=True))
    factories.AkteurFactory(
        quartiere=[q],
        oeffentlich=True,
        einwilligung_am=datetime.date(2026, 1, 1),
        website="https://verein.example",
    )
    factories.BedarfFactory(quartier=q, oeffentlich=True, oeffentliche_antwort="Erledigt.")
    beitrag = factories.BeitragFactory(quartier=q, text="Absatz\nZeile\n\nhttps://aachen.de")
    factories.StadtteilfondsFactory(quartier=q)
    seiten = {
        "uebersicht": reverse("oeffentlichkeit:uebersicht"),
        "quartier": reverse("oeffentlichkeit:quartier", args=["preuswald"]),
        "projekt": reverse("oeffentlichkeit:projekt", args=["preuswald", "garten"]),
        "akteure": reverse("oeffentlichkeit:akteure", args=["preuswald"]),
        "termine": reverse("oeffentlichkeit:termine", args=["preuswald"]),
        "monat": reverse("oeffentlichkeit:termine", args=["preuswald"]) + "?ansicht=monat",
        "beitrag": reverse("oeffentlichkeit:beitrag", args=["preuswald", beitrag.pk]),
        "antrag": reverse("oeffentlichkeit:antrag", args=["preuswald"]),
        "impressum": reverse("oeffentlichkeit:impressum"),
        "barrierefreiheit": reverse("oeffentlichkeit:barrierefreiheit"),
        "leichte-sprache": reverse("oeffentlichkeit:leichte-sprache"),
    }
    dateien = []
    for name, url in seiten.items():
        datei = tmp_path / f"{name}.html"
        datei.write_bytes(client.get(url).content)
        dateien.append(str(datei))
    fehlerhaft = tmp_path / "antrag-fehler.html"
    fehlerhaft.write_bytes(client.post(seiten["antrag"], {"titel": "x"}).content)
    dateien.append(str(fehlerhaft))
    ergebnis = subprocess.run(  # noqa: S603 (fixed arguments, our own files)
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *dateien],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    meldungen = json.loads(ergebnis.stderr or '{"messages": []}')["messages"]
    fehler = [f"{Path(m.get('url', '')).name}: {m['message']}" for m in meldungen]
    assert not fehler, "\n".join(fehler)
