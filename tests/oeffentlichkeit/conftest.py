import pytest


@pytest.fixture
def oeffentliches_quartier(quartier):
    """The `quartier` fixture (Preuswald) with a public page, so `qm` works there too."""
    quartier.oeffentlich = True
    quartier.beschreibung = "Ein grünes Quartier am Stadtrand."
    quartier.buero_adresse = "Reimser Straße 1\n52074 Aachen"
    quartier.sprechzeiten = "Di 10–12 Uhr"
    quartier.kontakt_email = "qm-preuswald@stadt.example"
    quartier.save()
    return quartier
