"""Every money and decimal field of the projects and the fund reads German input "1.200,50"."""

from decimal import Decimal

import pytest
from django.urls import reverse

from projekte import forms
from projekte.fonds import forms as fonds_forms
from projekte.models import Projekt, Stadtteilfonds
from quartiere.models import Quartier
from tests import factories

pytestmark = pytest.mark.django_db

DEUTSCH = "1.200,50"
BETRAG = Decimal("1200.50")


def test_budgetposten_auf_der_projektseite_nimmt_deutsche_zahl(client, qm, quartier):
    projekt = factories.ProjektFactory(quartiere=[quartier], slug="spielplatz")
    client.force_login(qm)
    antwort = client.post(
        reverse("projekte:budgetposten", args=[projekt.slug]),
        {
            "bezeichnung": "Erde",
            "quelle": "drittmittel",
            "geplant": DEUTSCH,
            "tatsaechlich": "1200,5",
        },
    )
    assert antwort.status_code == 302
    posten = projekt.budgetposten.get()
    assert (posten.geplant, posten.tatsaechlich) == (BETRAG, BETRAG)
    seite = client.get(reverse("projekte:budgetposten_bearbeiten", args=[projekt.slug, posten.pk]))
    assert 'value="1.200,50"' in seite.content.decode()


def test_termin_ehrenamtsstunden_deutsch():
    form = forms.TerminForm(
        data={
            "titel": "Fest",
            "beginn": "2026-06-01T15:00",
            "ehrenamtliche": 3,
            "ehrenamtsstunden": DEUTSCH,
        },
        quartiere=Quartier.objects.none(),
        projekte=Projekt.objects.none(),
        zielgruppen=[],
    )
    form.is_valid()
    assert form.cleaned_data["ehrenamtsstunden"] == BETRAG


@pytest.mark.parametrize(
    ("form_klasse", "feld"),
    [
        (fonds_forms.AntragForm, "betrag_beantragt"),
        (fonds_forms.BewilligenForm, "betrag_bewilligt"),
        (fonds_forms.AuszahlungForm, "betrag"),
        (fonds_forms.NachweisForm, "tatsaechliche_kosten"),
    ],
)
def test_fondsformulare_nehmen_deutsche_betraege(form_klasse, feld, qm):
    antrag = factories.FondsantragFactory()
    kwargs = {
        fonds_forms.AntragForm: {"fonds_auswahl": Stadtteilfonds.objects.all(), "user": qm},
        fonds_forms.NachweisForm: {},
    }.get(form_klasse, {"antrag": antrag})
    form = form_klasse(data={feld: DEUTSCH}, **kwargs)
    form.is_valid()
    assert form.cleaned_data[feld] == BETRAG, form.errors.get(feld)
