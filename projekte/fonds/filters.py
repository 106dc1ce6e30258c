"""Filters of the fund lists (funds, overdue proofs of use)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from quartiere.models import Quartier
from quartiere.selectors import quartiere_fuer
from quartiersmanagement.list_filters import OneQueryChoiceFilter

from .models import Fondsantrag, Stadtteilfonds


class FondsFilter(django_filters.FilterSet):
    """The funds of one quartier or one year; the Leitung sees every quartier's ten years."""

    quartier = OneQueryChoiceFilter(label=_("Quartier"), queryset=Quartier.objects.none())
    jahr = django_filters.NumberFilter(label=_("Jahr"))

    class Meta:
        model = Stadtteilfonds
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quartier"].queryset = quartiere_fuer(self.request.user).only("name")


class NachweisFilter(django_filters.FilterSet):
    """The overdue proofs of use of one quartier (?quartier=<pk>), kept in the URL."""

    quartier = OneQueryChoiceFilter(
        label=_("Quartier"), field_name="fonds__quartier", queryset=Quartier.objects.none()
    )

    class Meta:
        model = Fondsantrag
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quartier"].queryset = quartiere_fuer(self.request.user).only("name")
