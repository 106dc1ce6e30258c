"""`manage.py seitenzeiten`: a page's time split into SQL, templates and the rest."""

import io

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_misst_gesamtzeit_sql_vorlagen_und_abfragen(qm, quartier):
    ausgabe = io.StringIO()
    call_command(
        "seitenzeiten",
        "/bedarfe/",
        quartier.get_absolute_url(),
        "--konto",
        qm.username,
        "--wiederholungen",
        "2",
        stdout=ausgabe,
    )
    zeilen = ausgabe.getvalue().splitlines()
    assert zeilen[0].split() == ["URL", "Status", "gesamt", "SQL", "Vorlagen", "Abfr."]
    bedarfe = zeilen[1].split()
    assert bedarfe[0] == "/bedarfe/" and bedarfe[1] == "200"
    assert float(bedarfe[4].removesuffix("ms")) > 0  # the list renders a template
    assert int(bedarfe[5]) > 0
    assert zeilen[2].split()[:2] == [quartier.get_absolute_url(), "200"]


def test_unbekanntes_konto(db):
    with pytest.raises(CommandError, match="Kein Konto"):
        call_command("seitenzeiten", "/", "--konto", "niemand")
