"""List filters; every value stays in the URL so a filtered list can be shared and exported."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from quartiere.models import Handlungsfeld, Quartier, Zielgruppe
from quartiere.selectors import quartiere_fuer
from quartiersmanagement.list_filters import OneQueryChoiceFilter

from . import selectors
from .models import Akteur, Person

JA_NEIN = [("true", _("ja")), ("false", _("nein"))]


class AkteurFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Suche"), method="suchen")
    quartier = OneQueryChoiceFilter(
        label=_("Quartier"),
        field_name="quartiere",
        queryset=Quartier.objects.none(),
        empty_label=_("alle"),
    )
    art = django_filters.ChoiceFilter(
        label=_("Art"), choices=Akteur.Art.choices, empty_label=_("alle")
    )
    handlungsfeld = OneQueryChoiceFilter(
        label=_("Handlungsfeld"),
        field_name="handlungsfelder",
        queryset=Handlungsfeld.objects.all(),
        empty_label=_("alle"),
    )
    zielgruppe = OneQueryChoiceFilter(
        label=_("Zielgruppe"),
        field_name="zielgruppen",
        queryset=Zielgruppe.objects.all(),
        empty_label=_("alle"),
    )
    aktiv = django_filters.ChoiceFilter(
        label=_("aktiv"), choices=JA_NEIN, empty_label=_("alle"), method="nach_aktiv"
    )
    sortierung = django_filters.OrderingFilter(
        label=_("Sortierung"),
        empty_label=_("Relevanz bzw. Name"),
        fields=(("name", "name"), ("art", "art"), ("ort", "ort"), ("geaendert", "geaendert")),
        field_labels={
            "name": _("Name"),
            "art": _("Art"),
            "ort": _("Ort"),
            "geaendert": _("zuletzt geändert"),
        },
    )

    class Meta:
        model = Akteur
        fields = ["q", "quartier", "art", "handlungsfeld", "zielgruppe", "aktiv"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quartier"].queryset = quartiere_fuer(self.request.user).only("name")

    def nach_aktiv(self, queryset, name, value):
        return queryset.filter(aktiv=value == "true")

    def suchen(self, queryset, name, value):
        return selectors.akteure_suchen(queryset, value) if value.strip() else queryset


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name suchen"), method="suchen")

    class Meta:
        model = Person
        fields = []

    def suchen(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(nachname__icontains=value) | Q(vorname__icontains=value))
