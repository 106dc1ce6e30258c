"""List filters of committees and action items; every value stays in the URL."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quartiere.models import Quartier
from quartiere.selectors import quartiere_fuer
from quartiersmanagement.list_filters import OneQueryChoiceFilter

from ..filters import JA_NEIN
from .models import Aufgabe, Gremium


class GremiumFilter(django_filters.FilterSet):
    quartier = OneQueryChoiceFilter(
        label=_("Quartier"), queryset=Quartier.objects.none(), empty_label=_("alle")
    )
    art = django_filters.ChoiceFilter(
        label=_("Art"), choices=Gremium.Art.choices, empty_label=_("alle")
    )

    class Meta:
        model = Gremium
        fields = ["quartier", "art"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quartier"].queryset = quartiere_fuer(self.request.user).only("name")


class AufgabeFilter(django_filters.FilterSet):
    """Action items: by quartier, open/done and overdue (open and past the due date)."""

    quartier = OneQueryChoiceFilter(
        label=_("Quartier"), queryset=Quartier.objects.none(), empty_label=_("alle")
    )
    offen = django_filters.ChoiceFilter(
        label=_("offen"), choices=JA_NEIN, empty_label=_("alle"), method="nach_offen"
    )
    ueberfaellig = django_filters.ChoiceFilter(
        label=_("überfällig"), choices=JA_NEIN, empty_label=_("alle"), method="nach_ueberfaellig"
    )

    class Meta:
        model = Aufgabe
        fields = ["quartier", "offen", "ueberfaellig"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quartier"].queryset = quartiere_fuer(self.request.user).only("name")

    def nach_offen(self, queryset, name, value):
        return queryset.filter(erledigt_am__isnull=value == "true")

    def nach_ueberfaellig(self, queryset, name, value):
        ueberfaellig = Q(erledigt_am__isnull=True, faellig_am__lt=timezone.localdate())
        return queryset.filter(ueberfaellig) if value == "true" else queryset.exclude(ueberfaellig)
