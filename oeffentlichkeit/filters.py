"""The filter of the news list (staff); its value stays in the URL."""

import django_filters
from django.utils.translation import gettext_lazy as _

from quartiere.selectors import quartiere_fuer
from quartiersmanagement.list_filters import OneQueryChoiceFilter

from .models import Beitrag


class BeitragFilter(django_filters.FilterSet):
    quartier = OneQueryChoiceFilter(label=_("Quartier"), queryset=None, empty_label=_("alle"))

    class Meta:
        model = Beitrag
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quartier"].queryset = quartiere_fuer(self.request.user).only("name")
