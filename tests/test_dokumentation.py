"""The documentation holds together: no link leaves the repository, every picture exists."""

import re
from pathlib import Path

import pytest

WURZEL = Path(__file__).resolve().parents[1]
DOKUMENTE = [WURZEL / "README.md", *sorted((WURZEL / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)")


@pytest.mark.parametrize("dokument", DOKUMENTE, ids=lambda p: p.name)
def test_relative_links_und_bilder_gibt_es(dokument):
    fehlend = [
        ziel
        for ziel in LINK.findall(dokument.read_text())
        if not ziel.startswith(("http://", "https://", "mailto:"))
        and not (dokument.parent / ziel).resolve().exists()
    ]
    assert not fehlend, f"{dokument.name}: {fehlend}"


def test_readme_beginnt_mit_den_zwei_befehlen():
    anfang = (WURZEL / "README.md").read_text().split("```")[1]
    assert [z.split("#")[0].strip() for z in anfang.strip().splitlines()[1:]] == [
        "make run",
        "make test",
    ]
