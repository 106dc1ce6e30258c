"""quartiersmanagement.listen.adresse_je: reverse() once per list page, same URLs."""

import pytest
from django.urls import reverse

from quartiersmanagement.listen import adresse_je


@pytest.mark.parametrize("pk", [1, 7, 123456789])
def test_adresse_gleicht_reverse_mit_zahl(pk):
    assert adresse_je("bedarfe:detail")(pk) == reverse("bedarfe:detail", kwargs={"pk": pk})


@pytest.mark.parametrize("slug", ["spielplatz-nord", "a_b-2"])
def test_adresse_gleicht_reverse_mit_kurzname(slug):
    adresse = adresse_je("projekte:detail", "slug")
    assert adresse(slug) == reverse("projekte:detail", kwargs={"slug": slug})
